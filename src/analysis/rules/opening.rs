//! No opening: a draft that gives readers nothing to answer.

use super::Signal;
use crate::analysis::report::{Axis, Category, Severity, Span, Suggestion};
use crate::analysis::text::Text;

pub(crate) const ID: &str = "no-opening";
const MESSAGE: &str = "Nothing here invites an answer; a question or an invitation turns a broadcast into a conversation.";
/// Shorter drafts are remarks ("nice song"), not posts that need an opening.
const MIN_WORDS: usize = 3;
/// A monologue this long with no opening is a broadcast even without a pitch.
const MONOLOGUE_WORDS: usize = 60;

/// Adds a `no-opening` signal when no conversation signal was found. It is a warning when
/// the draft also promotes or runs long, and a hint (shown at `strict`) otherwise.
pub(crate) fn no_opening(text: &Text, is_reply: bool, signals: &mut Vec<Signal>) {
    if text.word_count() < MIN_WORDS || signals.iter().any(|s| s.category.is_positive()) {
        return;
    }
    let Some(&last) = text.sentences().last() else { return };
    let promotes = signals.iter().any(|s| s.category.axis() == Axis::Pitch);
    let severity = if promotes || text.word_count() >= MONOLOGUE_WORDS { Severity::Warning } else { Severity::Hint };
    let question = if is_reply {
        " Does that match what you've seen?"
    } else if promotes {
        " What would you want from it?"
    } else {
        " What do you think?"
    };
    signals.push(Signal {
        rule: ID,
        category: Category::Broadcast,
        severity,
        // A hint only asks for more; a warning marks a broadcast and costs more.
        weight: if severity == Severity::Warning { 20 } else { 10 },
        message: MESSAGE,
        suggestion: Some(Suggestion::Insert { text: question.to_string() }),
        span: Span::new(last.start, last.end),
    });
}
