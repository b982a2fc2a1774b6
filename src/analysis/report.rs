//! The report: what an analysis returns, and its wire format.
//!
//! A report serialises to JSON (and, through the WASM boundary, to a plain JavaScript
//! object) in this shape, stable within one `version`:
//!
//! ```json
//! {
//!   "version": 2,
//!   "strictness": "balanced",
//!   "scores": { "pitch": 78, "conversation": 0 },
//!   "verdict": "pitch",
//!   "findings": [{
//!     "rule": "cta-subscribe", "category": "call-to-action", "axis": "pitch",
//!     "severity": "warning", "message": "…",
//!     "suggestion": { "kind": "replace", "text": "…" },
//!     "scope": "span",
//!     "span": { "start": 0, "end": 9 }, "span_utf16": { "start": 0, "end": 9 }
//!   }, {
//!     "rule": "no-opening", "category": "broadcast", "axis": "conversation",
//!     "severity": "warning", "message": "…",
//!     "suggestion": { "kind": "insert", "text": " What would you want from it?", "at": 42, "at_utf16": 42 },
//!     "scope": "draft",
//!     "span": { "start": 0, "end": 42 }, "span_utf16": { "start": 0, "end": 42 }
//!   }]
//! }
//! ```
//!
//! `span` is in bytes of the UTF-8 text (for Rust), `span_utf16` in UTF-16 code units (for
//! JavaScript's string indices). `scope` says what a finding is about: `span`, the words in
//! its span (draw them underlined); `draft`, the whole draft (no opening, a broadcast
//! monologue): its span covers the draft from its first to its last non-blank character and
//! is not meant to be underlined. `suggestion` is absent when none fits; an `insert` names
//! where its text goes (`at`, `at_utf16`): always the end of the draft's last word, and its
//! text starts with a space after a finished sentence, or a line break otherwise, so that it
//! never lands inside a sentence.
//!
//! Version 2 added `scope` and the insert's `at`/`at_utf16` (version 1 inserted at the end of
//! the span, and marked whole-draft findings on the last sentence).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::options::Strictness;

/// The version of the report format; bumped on any incompatible change.
pub const REPORT_VERSION: u32 = 2;

/// The result of analysing one draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Format version, [`REPORT_VERSION`].
    pub version: u32,
    /// The strictness the verdict and the findings were chosen for.
    pub strictness: Strictness,
    /// How much the draft sells, and how much room it leaves for an answer.
    pub scores: Scores,
    /// What the draft is, for the chosen strictness.
    pub verdict: Verdict,
    /// What was found, in text order: warnings to show and conversation signals to praise.
    pub findings: Vec<Finding>,
}

/// Both axes, each from 0 to 100. They do not depend on the strictness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    /// 0: sells nothing; 100: a sales pitch through and through.
    pub pitch: u8,
    /// 0: a monologue; 100: an open invitation to talk.
    pub conversation: u8,
}

/// The one-word summary of a draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Leaves room for the other side to answer, and does not sell.
    Conversation,
    /// Does not sell, but gives nobody anything to answer.
    NoRoom,
    /// Sells.
    Pitch,
}

/// Which score a finding feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Axis {
    /// Raises the pitch score.
    Pitch,
    /// Raises (positive findings) or lowers (broadcasts, bait) the conversation score.
    Conversation,
}

/// What kind of signal a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// An instruction to buy, sign up, subscribe, click or message.
    CallToAction,
    /// A price, discount, coupon, free trial, giveaway or prize.
    Offer,
    /// Pressure of time or scarcity.
    Urgency,
    /// Superlatives and guarantees.
    Hype,
    /// Announcing or praising one's own product, company, course or channel.
    SelfPromotion,
    /// The look of spam: links, hashtag stuffing, shouting, "!!!", money emoji.
    SpamForm,
    /// Fake conversation that farms reactions ("tag 3 friends").
    EngagementBait,
    /// A rhetorical question that leads into a pitch.
    HookQuestion,
    /// An announcement that leaves nothing to answer.
    Broadcast,
    /// A genuine question to the reader.
    Question,
    /// An invitation to answer or disagree.
    Invitation,
    /// Listening: thanking, agreeing, answering someone.
    Acknowledgement,
    /// Attention on the reader and the shared subject.
    ReaderFocus,
}

impl Category {
    /// Every category, pitch side first.
    pub const ALL: [Category; 13] = [
        Category::CallToAction,
        Category::Offer,
        Category::Urgency,
        Category::Hype,
        Category::SelfPromotion,
        Category::SpamForm,
        Category::EngagementBait,
        Category::HookQuestion,
        Category::Broadcast,
        Category::Question,
        Category::Invitation,
        Category::Acknowledgement,
        Category::ReaderFocus,
    ];

    /// The category's name as written in reports and options.
    pub fn name(self) -> &'static str {
        match self {
            Category::CallToAction => "call-to-action",
            Category::Offer => "offer",
            Category::Urgency => "urgency",
            Category::Hype => "hype",
            Category::SelfPromotion => "self-promotion",
            Category::SpamForm => "spam-form",
            Category::EngagementBait => "engagement-bait",
            Category::HookQuestion => "hook-question",
            Category::Broadcast => "broadcast",
            Category::Question => "question",
            Category::Invitation => "invitation",
            Category::Acknowledgement => "acknowledgement",
            Category::ReaderFocus => "reader-focus",
        }
    }

    /// The score this category feeds.
    pub fn axis(self) -> Axis {
        match self {
            Category::Broadcast
            | Category::Question
            | Category::Invitation
            | Category::Acknowledgement
            | Category::ReaderFocus => Axis::Conversation,
            _ => Axis::Pitch,
        }
    }

    /// Whether this category is a good sign (a conversation signal).
    pub fn is_positive(self) -> bool {
        matches!(
            self,
            Category::Question | Category::Invitation | Category::Acknowledgement | Category::ReaderFocus
        )
    }
}

/// How loudly a finding speaks; also the least strictness that shows a warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// A conversation signal: something the draft does well.
    Good,
    /// Shown at `strict` (or whenever the draft's verdict is `pitch`).
    Hint,
    /// Shown at `balanced` and `strict`.
    Warning,
    /// Shown at every strictness: a clear pitch or bait.
    Alert,
}

/// A half-open range `start..end` of offsets into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First offset of the range.
    pub start: usize,
    /// Offset just past the range.
    pub end: usize,
}

impl Span {
    /// The range `start..end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// A proposed edit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Suggestion {
    /// Replace the finding's span with `text`.
    Replace {
        /// The replacement.
        text: String,
    },
    /// Insert `text` at offset `at` (an opening question, say): the end of the draft.
    Insert {
        /// What to insert, with its leading space or line break.
        text: String,
        /// Where, in bytes of the UTF-8 text.
        #[serde(default)]
        at: usize,
        /// Where, in UTF-16 code units.
        #[serde(default)]
        at_utf16: usize,
    },
}

impl Suggestion {
    /// An insert whose place the analysis fills in (see [`place_inserts`]).
    pub(crate) fn insert(text: &str) -> Suggestion {
        Suggestion::Insert { text: text.to_string(), at: 0, at_utf16: 0 }
    }
}

/// What a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// The words in its span: draw them underlined.
    Span,
    /// The whole draft (no opening, a monologue): a note on the draft, not an underline.
    Draft,
}

/// One thing the analysis noticed in the draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's id, stable across versions (`cta-subscribe`). Borrowed from the rule
    /// table, so a finding costs no allocation for it.
    pub rule: Cow<'static, str>,
    /// What kind of signal it is.
    pub category: Category,
    /// The score it feeds.
    pub axis: Axis,
    /// How loudly it speaks.
    pub severity: Severity,
    /// One sentence on why it matters (borrowed from the rule table, as `rule` is).
    pub message: Cow<'static, str>,
    /// An edit that would help, where one fits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
    /// Whether it is about its words or about the whole draft.
    pub scope: Scope,
    /// The matched words (for a [`Scope::Draft`] finding, the draft from its first to its
    /// last non-blank character), in bytes of the UTF-8 text.
    pub span: Span,
    /// The matched words, in UTF-16 code units.
    pub span_utf16: Span,
    /// With [`Options::explain`](crate::Options::explain): which line of the rule's file
    /// matched (a phrase, a swap or a pattern), to tell which alternative misfires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched: Option<String>,
}

/// Converts byte spans to UTF-16 spans for every finding, in one sweep over the text.
///
/// This is the one place where offsets change unit.
pub(crate) fn fill_utf16_spans(text: &str, findings: &mut [Finding]) {
    let insert_at = |f: &Finding| match f.suggestion {
        Some(Suggestion::Insert { at, .. }) => Some(at),
        _ => None,
    };
    let mut offsets: Vec<usize> =
        findings.iter().flat_map(|f| [f.span.start, f.span.end].into_iter().chain(insert_at(f))).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let bytes = text.as_bytes();
    let mut table = Vec::with_capacity(offsets.len());
    let (mut units, mut done) = (0usize, 0usize);
    for &offset in &offsets {
        // Every char is one UTF-16 unit, four-byte chars two: count lead bytes, and add one
        // for each lead byte of a four-byte char. Offsets are char boundaries.
        units += bytes[done..offset].iter().map(|&b| usize::from((b & 0xC0) != 0x80) + usize::from(b >= 0xF0)).sum::<usize>();
        done = offset;
        table.push(units);
    }
    let lookup = |byte: usize| offsets.binary_search(&byte).map(|i| table[i]).unwrap_or(0);
    for finding in findings {
        finding.span_utf16 = Span::new(lookup(finding.span.start), lookup(finding.span.end));
        if let Some(Suggestion::Insert { at, at_utf16, .. }) = &mut finding.suggestion {
            *at_utf16 = lookup(*at);
        }
    }
}

/// Where a draft's words end: before its trailing blanks.
pub(crate) fn draft_end(text: &str) -> usize {
    text.trim_end().len()
}

/// The whole draft, from its first to its last non-blank character.
pub(crate) fn draft_span(text: &str) -> Span {
    let end = draft_end(text);
    Span::new((text.len() - text.trim_start().len()).min(end), end)
}

/// Puts every insert at the end of the draft: after the last sentence with a space when it
/// is finished (`.`, `!`, `?`, `…`, maybe inside closing quotes or brackets), on a line of its
/// own otherwise (a draft that ends in a link, hashtags, an emoji or an unfinished phrase), so
/// an added question never lands inside a sentence.
pub(crate) fn place_inserts(text: &str, findings: &mut [Finding]) {
    let end = draft_end(text);
    let finished = text[..end]
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '!', '?', '…']);
    for finding in findings {
        if let Some(Suggestion::Insert { text: insert, at, .. }) = &mut finding.suggestion {
            let words = insert.trim();
            *insert = if end == 0 { words.to_string() } else if finished { format!(" {words}") } else { format!("\n{words}") };
            *at = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding_at(start: usize, end: usize) -> Finding {
        Finding {
            rule: "test".into(),
            category: Category::Hype,
            axis: Axis::Pitch,
            severity: Severity::Hint,
            message: "".into(),
            suggestion: None,
            scope: Scope::Span,
            span: Span::new(start, end),
            span_utf16: Span::new(0, 0),
            matched: None,
        }
    }

    #[test]
    fn utf16_spans_count_surrogate_pairs_and_multibyte_chars() {
        let text = "a😀é best";
        let start = text.find("best").unwrap();
        let mut findings = vec![finding_at(start, text.len()), finding_at(0, 1)];
        fill_utf16_spans(text, &mut findings);
        assert_eq!(findings[0].span_utf16, Span::new(5, 9));
        assert_eq!(findings[1].span_utf16, Span::new(0, 1));
    }

    fn insert_for(text: &str) -> (String, usize, usize) {
        let mut findings = vec![Finding { suggestion: Some(Suggestion::insert(" Why?")), ..finding_at(0, 3) }];
        place_inserts(text, &mut findings);
        fill_utf16_spans(text, &mut findings);
        match findings.remove(0).suggestion {
            Some(Suggestion::Insert { text, at, at_utf16 }) => (text, at, at_utf16),
            other => panic!("not an insert: {other:?}"),
        }
    }

    #[test]
    fn inserts_go_after_the_last_sentence_or_on_their_own_line() {
        // Issue 11: "Thrilled to announce What would you want to see next? our new AI CRM!"
        let text = "🚀 Thrilled to announce our new AI CRM! Try it.\n";
        assert_eq!(insert_for(text), (" Why?".to_string(), text.len() - 1, text.encode_utf16().count() - 1));
        assert_eq!(insert_for("We launched (finally.)  ").0, " Why?");
        let link = "New course is live https://x.co/a";
        assert_eq!(insert_for(link), ("\nWhy?".to_string(), link.len(), link.len()));
        assert_eq!(insert_for("Launch day 🚀").0, "\nWhy?");
    }
}
