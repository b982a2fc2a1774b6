//! Questions: genuine ones open a conversation; rhetorical hooks lead into a pitch.
//!
//! A sentence is a question when it ends with a question mark or opens the way questions
//! do ("anyone tried…", "what do you all use for…"), mark or not. It is a hook when a
//! pitch follows it closely, and a request (no signal at all) when it carries the pitch
//! itself ("can you subscribe?").

use super::Signal;
use crate::analysis::automata::{fixed, Fixed};
use crate::analysis::report::{Axis, Category, Severity, Span};
use crate::analysis::text::Text;

pub(crate) const QUESTION_ID: &str = "question";
pub(crate) const HOOK_ID: &str = "hook-question";
const QUESTION_MESSAGE: &str = "A genuine question gives readers a reason to answer.";
const HOOK_MESSAGE: &str = "A rhetorical question that leads into a pitch is a sales hook, not an opening.";

/// How many sentences after a question a pitch may start and still make it a hook.
const HOOK_REACH: usize = 2;

pub(crate) const OPENER: &str = r"^(?:@\S+\s+|(?:so|hey|hi|ok|okay|also|but|and|honest\s+question|quick\s+question|genuine\s+question|serious\s+question|question|guys|folks|friends|everyone)[,:]?\s+)*(?:what|what's|whats|how|how's|why|who|who's|whom|whose|which|where|when|anyone|anybody|does\s+anyone|has\s+anyone|did\s+anyone|is\s+anyone|can\s+anyone|can\s+someone|could\s+anyone|would\s+anyone|is\s+there|are\s+there|do\s+you|did\s+you|have\s+you|would\s+you|could\s+you|will\s+you|are\s+you|should\s+i|should\s+we|am\s+i|do\s+we|is\s+it|isn't\s+it|is\s+this|does\s+it|does\s+this|don't\s+you|thoughts|curious|wondering|i\s+wonder|any\s+(?:thoughts|ideas|tips|advice|recommendations|suggestions))\b";
pub(crate) const HOOK_OPENER: &str = r"^(?:do\s+you\s+|are\s+you\s+|were\s+you\s+)?(?:want|wanna|need|ready|tired|sick|struggling|looking\s+for|wish|dream|dreaming|trying|still)\b|^what\s+if\s+(?:i|we)\s+told\s+you\b|^did\s+you\s+know\b|^(?:do\s+you\s+)?know\s+what\b";

fn is_question(sentence: &str) -> bool {
    sentence.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '?' && c != '？').ends_with(['?', '？'])
        || fixed(Fixed::QuestionOpener).is_match(sentence.as_bytes())
}

/// Adds a `question` or `hook-question` signal for each question in the text; `signals`
/// holds what the other rules found, which decides whether a question is a hook.
pub(crate) fn questions(text: &Text, signals: &mut Vec<Signal>) {
    let mut pitch_starts: Vec<usize> = signals
        .iter()
        .filter(|s| (s.category.axis() == Axis::Pitch && s.severity >= Severity::Warning) || is_selling(s.category))
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
        let hook_shaped = fixed(Fixed::HookOpener).is_match(sentence.as_bytes());
        if followed_by_pitch || (hook_shaped && after_all) {
            found.push(Signal {
                rule: HOOK_ID,
                category: Category::HookQuestion,
                severity: Severity::Warning,
                weight: if hook_shaped { 45 } else { 30 },
                message: HOOK_MESSAGE,
                suggestion: None,
                span,
            });
        } else {
            found.push(Signal {
                rule: QUESTION_ID,
                category: Category::Question,
                severity: Severity::Good,
                weight: 50,
                message: QUESTION_MESSAGE,
                suggestion: None,
                span,
            });
        }
    }
    // An invitation phrased as a question ("am I missing something?") is reported once, as
    // the invitation. Both lists are in text order, so each lookup is a binary search.
    let mut invitations: Vec<usize> =
        signals.iter().filter(|s| s.category == Category::Invitation).map(|s| s.span.start).collect();
    invitations.sort_unstable();
    let holds_invitation = |span: Span| {
        let first = invitations.partition_point(|&at| at < span.start);
        invitations.get(first).is_some_and(|&at| at < span.end)
    };
    found.retain(|s| s.category != Category::Question || !holds_invitation(s.span));
    signals.extend(found);
}

fn is_selling(category: Category) -> bool {
    matches!(category, Category::CallToAction | Category::Offer | Category::SelfPromotion | Category::Urgency)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_without_a_mark_are_questions() {
        for text in ["anyone tried this", "what do you all use for invoicing", "Curious how others do it", "Quick question, how do you price this"] {
            assert!(is_question(text), "{text}");
        }
        for text in ["I tried this", "Whatever happens, we ship", "Howdy folks"] {
            assert!(!is_question(text), "{text}");
        }
    }
}
