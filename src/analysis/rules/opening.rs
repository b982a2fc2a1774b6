//! No opening: a draft that gives readers nothing to answer.

use super::{CodeRule, Draft, Phase, RuleInfo, Signal};
use crate::analysis::report::{draft_span, Axis, Category, Severity, Suggestion};

pub(crate) const NO_OPENING: RuleInfo = RuleInfo {
    id: "no-opening",
    category: Category::Broadcast,
    severity: Severity::Hint,
    weight: 10,
    message: "Nothing here invites an answer; a question or an invitation turns a broadcast into a conversation.",
    help_in_reply: false,
    whole_draft: true,
    good: examples!["nice song", "What do you all think of the new release?", "I'd love to hear how you set it up."],
    bad: examples!["We shipped version 2 today with faster sync.", "Our new course is live. Link in bio."],
};

/// A warning marks a broadcast and costs more than the hint that only asks for more.
const WARNING_WEIGHT: u8 = 20;
/// Shorter drafts are remarks ("nice song"), not posts that need an opening.
const MIN_WORDS: usize = 3;
/// A monologue this long with no opening is a broadcast even without a pitch.
const MONOLOGUE_WORDS: usize = 60;

/// A draft with no opening: it reads the other rules' signals, so it runs last.
pub(crate) struct NoOpening;

impl CodeRule for NoOpening {
    fn rules(&self) -> &'static [&'static RuleInfo] {
        &[&NO_OPENING]
    }

    fn phase(&self) -> Phase {
        Phase::Openings
    }

    fn run(&self, draft: &Draft, signals: &mut Vec<Signal>) {
        no_opening(draft, signals);
    }
}

/// Adds a `no-opening` signal when no conversation signal was found. It is a warning when
/// the draft also promotes or runs long, and a hint (shown at `strict`) otherwise.
fn no_opening(draft: &Draft, signals: &mut Vec<Signal>) {
    let (text, is_reply) = (draft.text, draft.is_reply);
    if text.word_count() < MIN_WORDS || signals.iter().any(|s| s.category().is_positive()) {
        return;
    }
    if text.sentences().is_empty() {
        return;
    }
    let promotes = signals.iter().any(|s| s.category().axis() == Axis::Pitch);
    let severity = if promotes || text.word_count() >= MONOLOGUE_WORDS { Severity::Warning } else { Severity::Hint };
    let question = if is_reply {
        " Does that match what you've seen?"
    } else if promotes {
        " What would you want from it?"
    } else {
        " What do you think?"
    };
    let weight = if severity == Severity::Warning { WARNING_WEIGHT } else { NO_OPENING.weight };
    let suggestion = Suggestion::insert(question);
    signals.push(Signal { severity, weight, ..Signal::new(&NO_OPENING, draft_span(text.as_str()), Some(suggestion)) });
}
