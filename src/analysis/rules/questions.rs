//! Questions: genuine ones open a conversation; rhetorical hooks lead into a pitch.
//!
//! A sentence is a question when it ends with a question mark or opens the way questions
//! do ("anyone tried…", "what do you all use for…"), mark or not. It is a hook when a
//! pitch follows it closely, and a request (no signal at all) when it carries the pitch
//! itself ("can you subscribe?").

use super::{code_pattern, CodeRule, Draft, Phase, RuleInfo, Signal};
use crate::analysis::report::{Axis, Category, Severity, Span};
use crate::analysis::text::Text;

pub(crate) const QUESTION: RuleInfo = RuleInfo {
    id: "question",
    category: Category::Question,
    severity: Severity::Good,
    weight: 50,
    message: "A genuine question gives readers a reason to answer.",
    help_in_reply: false,
    whole_draft: false,
    good: &["I tried this", "Whatever happens, we ship", "Howdy folks"],
    bad: &["anyone tried this", "what do you all use for invoicing", "Curious how others do it", "Quick question, how do you price this", "Is it worth the upgrade?"],
};

pub(crate) const HOOK: RuleInfo = RuleInfo {
    id: "hook-question",
    category: Category::HookQuestion,
    severity: Severity::Warning,
    weight: 45,
    message: "A rhetorical question that leads into a pitch is a sales hook, not an opening.",
    help_in_reply: false,
    whole_draft: false,
    good: &["Want to grab lunch? I found a new place.", "How do you all handle invoicing?"],
    bad: &["Want to 10x your sales? Join my course today", "Tired of slow builds? Sign up now for our free trial."],
};

/// The weight of a hook that is not shaped like one ("How do you…? Buy now!").
const PLAIN_HOOK_WEIGHT: u8 = 30;

/// How many sentences after a question a pitch may start and still make it a hook.
const HOOK_REACH: usize = 2;


fn is_question(sentence: &str) -> bool {
    sentence.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '?' && c != '？').ends_with(['?', '？'])
        || code_pattern(super::code_pattern::QUESTION_OPENER).is_match(sentence.as_bytes())
}

/// Questions, genuine or hooks: whether a pitch follows decides, so this reads the other
/// rules' signals.
pub(crate) struct Questions;

impl CodeRule for Questions {
    fn rules(&self) -> &'static [&'static RuleInfo] {
        &[&QUESTION, &HOOK]
    }

    fn phase(&self) -> Phase {
        Phase::Openings
    }

    fn run(&self, draft: &Draft, signals: &mut Vec<Signal>) {
        questions(draft.text, signals);
    }
}

/// Adds a `question` or `hook-question` signal for each question in the text; `signals`
/// holds what the other rules found, which decides whether a question is a hook.
fn questions(text: &Text, signals: &mut Vec<Signal>) {
    let mut pitch_starts: Vec<usize> = signals
        .iter()
        .filter(|s| (s.category().axis() == Axis::Pitch && s.severity >= Severity::Warning) || is_selling(s.category()))
        .map(|s| s.span.start)
        .collect();
    pitch_starts.sort_unstable();
    // Sorted, so each range query is a binary search and long drafts stay linear-ish.
    let pitch_within = |range: Span| {
        let first = pitch_starts.partition_point(|&at| at < range.start);
        pitch_starts.get(first).is_some_and(|&at| at < range.end)
    };
    let sentences = text.sentences();
    let mut found = Vec::new();
    for (index, &span) in sentences.iter().enumerate() {
        let sentence = text.slice(span);
        if !is_question(sentence) {
            continue;
        }
        // A question that carries the pitch is a request ("can you subscribe?").
        if pitch_within(span) {
            continue;
        }
        let reach_end = sentences.get(index + HOOK_REACH).or(sentences.last()).map_or(span.end, |s| s.end);
        let followed_by_pitch = pitch_within(Span::new(span.end, reach_end));
        let after_all = pitch_within(Span::new(span.end, text.as_str().len()));
        let hook_shaped = code_pattern(super::code_pattern::HOOK_OPENER).is_match(sentence.as_bytes());
        if followed_by_pitch || (hook_shaped && after_all) {
            let weight = if hook_shaped { HOOK.weight } else { PLAIN_HOOK_WEIGHT };
            found.push(Signal { weight, ..Signal::new(&HOOK, span, None) });
        } else {
            found.push(Signal::new(&QUESTION, span, None));
        }
    }
    // An invitation phrased as a question ("am I missing something?") is reported once, as
    // the invitation. Both lists are in text order, so each lookup is a binary search.
    let mut invitations: Vec<usize> =
        signals.iter().filter(|s| s.category() == Category::Invitation).map(|s| s.span.start).collect();
    invitations.sort_unstable();
    let holds_invitation = |span: Span| {
        let first = invitations.partition_point(|&at| at < span.start);
        invitations.get(first).is_some_and(|&at| at < span.end)
    };
    found.retain(|s| s.category() != Category::Question || !holds_invitation(s.span));
    signals.extend(found);
}

fn is_selling(category: Category) -> bool {
    matches!(category, Category::CallToAction | Category::Offer | Category::SelfPromotion | Category::Urgency)
}
