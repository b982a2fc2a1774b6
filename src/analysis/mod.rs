//! The analysis: pure Rust, no web dependency.

pub(crate) mod automata;
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) mod compact;
pub(crate) mod model;
pub(crate) mod options;
mod phrases;
pub(crate) mod reply;
pub(crate) mod report;
pub(crate) mod rules;
mod scoring;
pub(crate) mod text;

use std::borrow::Cow;

use options::{Context, Options, OptionsError};
use phrases::Phrases;
use report::{fill_utf16_spans, place_inserts, Axis, Finding, Report, Scope, Span, REPORT_VERSION};
use rules::{Draft, Phase, Signal};
pub use rules::RuleDoc;
use text::Text;

/// An analyser set up once for a set of options, to check many drafts with.
///
/// Building one prepares the user's phrases and reads the reply context; [`analyze`] builds
/// one per call, so keep an `Analyzer` around when checking many drafts with the same options.
#[derive(Debug)]
pub struct Analyzer {
    options: Options,
    phrases: Phrases,
    parent_asks_for_help: bool,
}

impl Analyzer {
    /// Sets up an analyser, or says why the options cannot be used.
    pub fn new(options: &Options) -> Result<Analyzer, OptionsError> {
        options.validate()?;
        rules::warm_up();
        let parent_asks_for_help = match &options.context {
            Context::Reply { parent: Some(parent) } => reply::asks_for_help(parent),
            _ => false,
        };
        Ok(Analyzer {
            phrases: Phrases::new(&options.flag_phrases, &options.allow_phrases),
            options: options.clone(),
            parent_asks_for_help,
        })
    }

    /// The options this analyser was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Analyses one draft. Never fails: any text gets a report.
    pub fn analyze(&self, text: &str) -> Report {
        let options = &self.options;
        let text = Text::new(text);
        let signals = self.signals(&text);

        let scores = scoring::scores(&signals, &text);
        let verdict = scoring::verdict(&signals, scores, options.strictness);
        let mut findings: Vec<Finding> = signals
            .into_iter()
            .filter(|s| scoring::is_shown(s, options.strictness, verdict))
            .map(|s| Finding {
                rule: Cow::Borrowed(s.rule.id),
                category: s.category(),
                axis: s.category().axis(),
                severity: s.severity,
                message: Cow::Borrowed(s.rule.message),
                suggestion: s.suggestion,
                scope: if s.rule.whole_draft { Scope::Draft } else { Scope::Span },
                span: s.span,
                span_utf16: Span::new(0, 0),
                matched: s.matched.filter(|line| options.explain && !line.is_empty()).map(str::to_string),
            })
            .collect();
        place_inserts(text.as_str(), &mut findings);
        fill_utf16_spans(text.as_str(), &mut findings);
        Report { version: REPORT_VERSION, strictness: options.strictness, scores, verdict, findings }
    }

    /// Everything the rules find in the draft, after the context has excused what it excuses.
    fn signals(&self, text: &Text) -> Vec<Signal> {
        let options = &self.options;
        let draft = Draft::new(text, matches!(options.context, Context::Reply { .. }));
        let mut signals = Vec::new();
        // 1. What the words say: the data rules, the code rules that read words, the
        //    user's own phrases.
        rules::run_phase(Phase::Words, &draft, &mut signals);
        self.phrases.flag(text.as_str(), &mut signals);
        // 2. What the context excuses.
        self.excuse(&draft, &mut signals);
        // 3. What the draft leaves open: rules that read what the others found.
        rules::run_phase(Phase::Openings, &draft, &mut signals);
        signals.retain(|s| !options.disabled_categories.contains(&s.category()));
        signals.sort_by_key(|s| (s.span.start, s.span.end));
        signals.dedup_by(|a, b| a.rule.id == b.rule.id && a.span.start < b.span.end);
        signals
    }

    /// Drops what the context excuses: the user's allowed phrases and disabled categories,
    /// help given in a reply to a request, and pitches quoted to be criticised.
    fn excuse(&self, draft: &Draft, signals: &mut Vec<Signal>) {
        self.phrases.allow(draft.text.as_str(), signals);
        signals.retain(|s| !self.options.disabled_categories.contains(&s.category()));
        if draft.is_reply && (self.parent_asks_for_help || reply::answers_request(draft.text.as_str())) {
            signals.retain(|s| !s.rule.help_in_reply);
        }
        discount_quoted_pitch(draft.text, signals);
        discount_reported_scam(draft.text, signals);
    }
}

/// What the pitch model reads off one draft, for fitting it (`./build.sh fit`).
#[doc(hidden)]
#[derive(Debug)]
pub struct PitchEvidence {
    /// Each rule that fired, by id, and how strongly (repeats count less and less).
    pub rules: Vec<(&'static str, f32)>,
    /// [`model::GENERAL_FEATURES`], in order.
    pub general: [f32; model::GENERAL_FEATURES.len()],
    /// A pitch rule fired at alert severity: the draft is a pitch whatever its score.
    pub alert: bool,
}

impl Analyzer {
    /// What the pitch model reads off the draft, or `None` when no pitch rule fired (such
    /// a draft scores 0 whatever the weights).
    #[doc(hidden)]
    pub fn pitch_evidence(&self, text: &str) -> Option<PitchEvidence> {
        let text = Text::new(text);
        let signals = self.signals(&text);
        let evidence = model::evidence(&signals, &text);
        evidence.any_pitch.then(|| PitchEvidence {
            rules: evidence.rules.iter().map(|(rule, value)| (rule.id, *value)).collect(),
            general: evidence.general,
            alert: signals.iter().any(|s| s.category().axis() == Axis::Pitch && s.severity == report::Severity::Alert),
        })
    }
}

/// Every rule's weight before fitting (see [`model`]), by id: what the fit starts from and
/// is drawn back to.
#[doc(hidden)]
pub fn prior_weights() -> Vec<(&'static str, f32)> {
    rules::all_rules()
        .chain([&phrases::OWN_PHRASE])
        .map(|rule| (rule.id, if rule.category.axis() == Axis::Pitch { model::prior_weight(rule) } else { 0.0 }))
        .collect()
}

/// Every rule a report can name, with how it is written and its examples.
pub fn rules() -> Vec<RuleDoc> {
    rules::docs(&[&phrases::OWN_PHRASE])
}

/// Analyses one draft with the given options. Never fails and never panics; options that
/// cannot be used (see [`Options::validate`]) are replaced by their defaults.
pub fn analyze(text: &str, options: &Options) -> Report {
    match Analyzer::new(options) {
        Ok(analyzer) => analyzer.analyze(text),
        Err(_) => Analyzer::new(&Options { strictness: options.strictness, ..Options::default() })
            .map(|analyzer| analyzer.analyze(text))
            .unwrap_or_else(|_| empty_report(options)),
    }
}

fn empty_report(options: &Options) -> Report {
    Report {
        version: REPORT_VERSION,
        strictness: options.strictness,
        scores: report::Scores { pitch: 0, conversation: 0 },
        verdict: report::Verdict::Conversation,
        findings: Vec::new(),
    }
}

/// A draft that warns of a scam tells of its offers and its hurry ("I got a text saying I'd
/// won £500, it's a scam"), and its calls to act are denied ("don't click the link"). What
/// else it asks of readers still counts, so "fakes are copying me, it's a scam, DM me for
/// the real signals" stays a call to act.
fn discount_reported_scam(text: &Text, signals: &mut Vec<Signal>) {
    let whole = text.as_str().as_bytes();
    let reported = |s: &Signal| match s.category() {
        report::Category::Offer | report::Category::Urgency => true,
        report::Category::CallToAction => rules::is_negated(&whole[..s.span.start]),
        _ => false,
    };
    if signals.iter().any(reported) && rules::code_pattern(rules::code_pattern::SCAM_WARNING).is_match(whole) {
        signals.retain(|s| !reported(s));
    }
}

/// Pitch words inside quotation marks, or reported as someone else's words ("Call now for a
/// free quote, they said"), are someone else's when the rest of the draft sells nothing:
/// quoting a pitch to criticise it is not pitching.
fn discount_quoted_pitch(text: &Text, signals: &mut Vec<Signal>) {
    if !signals.iter().any(|s| s.category().axis() == Axis::Pitch) {
        return;
    }
    let quotes = quoted_spans(text);
    if quotes.is_empty() {
        return;
    }
    // The spans are in text order and never overlap, so the one that could hold a span is
    // the last that starts at or before it.
    let quoted = |span: Span| {
        let after = quotes.partition_point(|q| q.start <= span.start);
        after > 0 && span.end <= quotes[after - 1].end
    };
    let pitches_outside = signals.iter().any(|s| s.category().axis() == Axis::Pitch && !quoted(s.span));
    let quoted_bytes: usize = quotes.iter().map(|q| q.end - q.start).sum();
    let words_outside = text.as_str().len().saturating_sub(quoted_bytes) > 12;
    if !pitches_outside && words_outside {
        signals.retain(|s| !(s.category().axis() == Axis::Pitch && quoted(s.span)));
    }
}

/// Passages in quotation marks and words reported as someone else's, in text order, merged
/// where they overlap.
fn quoted_spans(text: &Text) -> Vec<Span> {
    // What follows "said" or "saying" is indirect speech when it tells of the writer, or
    // opens on someone by pronoun ("she said I could…", "told me to…", "my mom said if I got
    // 100 subs…"): the way testimonials and pleas go, not an advert read out.
    const WRITER: [&str; 7] = ["i", "i'm", "i'd", "i'll", "im", "my", "me"];
    const INDIRECT_OPENERS: [&str; 8] = ["he", "she", "we", "they", "it", "that", "to", "if"];
    let whole = text.as_str();
    let mut spans: Vec<Span> = text.quotes().to_vec();
    rules::code_pattern(rules::code_pattern::REPORTED_SPEECH).for_each_match(whole.as_bytes(), |found| {
        let reported = whole.get(found.range.clone()).unwrap_or_default();
        // Up to its first comma: "…, drove me mad" after it is the writer again.
        let clause = reported.split(',').next().unwrap_or(reported);
        let mut words = clause
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase().replace('’', "'"));
        let said_before = found.alternative >= 2;
        let about_the_writer = said_before
            && (words.next().is_some_and(|w| WRITER.contains(&w.as_str()) || INDIRECT_OPENERS.contains(&w.as_str()))
                || words.any(|w| WRITER.contains(&w.as_str())));
        if !about_the_writer {
            spans.push(Span::new(found.range.start, found.range.end));
        }
    });
    spans.sort_by_key(|s| s.start);
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}
