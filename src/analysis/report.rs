//! The report: what an analysis returns, and its wire format.
//!
//! A report serialises to JSON (and, through the WASM boundary, to a plain JavaScript
//! object) in this shape, stable within one `version`:
//!
//! ```json
//! {
//!   "version": 1,
//!   "strictness": "balanced",
//!   "scores": { "pitch": 78, "conversation": 0 },
//!   "verdict": "pitch",
//!   "findings": [{
//!     "rule": "cta-subscribe", "category": "call-to-action", "axis": "pitch",
//!     "severity": "warning", "message": "…",
//!     "suggestion": { "kind": "replace", "text": "…" },
//!     "span": { "start": 0, "end": 9 }, "span_utf16": { "start": 0, "end": 9 }
//!   }]
//! }
//! ```
//!
//! `span` is in bytes of the UTF-8 text (for Rust), `span_utf16` in UTF-16 code units (for
//! JavaScript's string indices). `suggestion` is absent when none fits.

use serde::{Deserialize, Serialize};

use super::options::Strictness;

/// The version of the report format; bumped on any incompatible change.
pub const REPORT_VERSION: u32 = 1;

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
    /// Insert `text` at the end of the finding's span (an opening question, say).
    Insert {
        /// What to insert, with its leading space or line break.
        text: String,
    },
}

/// One thing the analysis noticed in the draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's id, stable across versions (`cta-subscribe`).
    pub rule: String,
    /// What kind of signal it is.
    pub category: Category,
    /// The score it feeds.
    pub axis: Axis,
    /// How loudly it speaks.
    pub severity: Severity,
    /// One sentence on why it matters.
    pub message: String,
    /// An edit that would help, where one fits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
    /// The matched words, in bytes of the UTF-8 text.
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
    let mut offsets: Vec<usize> = findings.iter().flat_map(|f| [f.span.start, f.span.end]).collect();
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
            message: String::new(),
            suggestion: None,
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
}
