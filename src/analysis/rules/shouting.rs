//! Shouting: sentences written mostly in capital letters.

use super::{CodeRule, Draft, Phase, RuleInfo, Signal};
use crate::analysis::report::{Category, Severity, Span, Suggestion};
use crate::analysis::text::Text;

pub(crate) const SHOUTING: RuleInfo = RuleInfo {
    id: "spam-shouting",
    category: Category::SpamForm,
    severity: Severity::Hint,
    weight: 15,
    message: "Writing in capitals reads as shouting, the tone of an advert rather than a talk.",
    help_in_reply: false,
    whole_draft: false,
    good: examples!["OMG this is great", "I work at NASA and the ESA", "Das ist wirklich schön"],
    bad: examples!["THIS IS THE BEST DEAL YOU WILL EVER SEE", "I cannot believe it. DO NOT MISS THIS AMAZING CHANCE!"],
};
/// Fewer letters than this is an exclamation ("OMG", "LOL"), not shouting.
const MIN_LETTERS: usize = 12;
const MIN_UPPER_SHARE: f32 = 0.8;
/// Fewer capitals than this and a sentence cannot be shouted: that share of the fewest
/// letters, rounded down.
const MIN_UPPER: usize = (MIN_UPPER_SHARE * MIN_LETTERS as f32) as usize;

pub(crate) struct Shouting;

impl CodeRule for Shouting {
    fn rules(&self) -> &'static [&'static RuleInfo] {
        &[&SHOUTING]
    }

    fn phase(&self) -> Phase {
        Phase::Words
    }

    fn run(&self, draft: &Draft, signals: &mut Vec<Signal>) {
        shouting(draft.text, signals);
    }
}

fn shouting(text: &Text, signals: &mut Vec<Signal>) {
    for &span in text.sentences() {
        let sentence = text.slice(span);
        // Most sentences are not shouted. Each capital is an ASCII capital or a character
        // with a lead byte of its own, so with fewer of those than a shouted sentence has
        // capitals it cannot qualify, and counting bytes is cheap.
        if sentence.bytes().filter(|&b| b.is_ascii_uppercase() || b >= 0xC0).count() < MIN_UPPER {
            continue;
        }
        let (mut letters, mut upper) = (0usize, 0usize);
        for c in sentence.chars() {
            // ASCII first: the Unicode tables are only needed for other letters.
            let (is_letter, is_upper) = if c.is_ascii() {
                (c.is_ascii_alphabetic(), c.is_ascii_uppercase())
            } else {
                (c.is_alphabetic(), c.is_uppercase())
            };
            letters += usize::from(is_letter);
            upper += usize::from(is_upper);
        }
        // Scripts without case (Korean, Arabic…) count as letters but never as capitals.
        if letters >= MIN_LETTERS && upper as f32 >= MIN_UPPER_SHARE * letters as f32 {
            let suggestion = Suggestion::Replace { text: sentence_case(sentence) };
            signals.push(Signal::new(&SHOUTING, Span::new(span.start, span.end), Some(suggestion)));
        }
    }
}

/// "BUY THIS NOW. REALLY" → "Buy this now. Really"
fn sentence_case(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    let mut capitalise_next = true;
    for c in sentence.chars() {
        if c.is_alphabetic() {
            if capitalise_next {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            capitalise_next = false;
        } else {
            out.push(c);
            if matches!(c, '.' | '!' | '?') {
                capitalise_next = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(text: &str) -> bool {
        let mut signals = Vec::new();
        shouting(&Text::new(text), &mut signals);
        !signals.is_empty()
    }

    #[test]
    fn flags_long_capital_sentences_only() {
        assert!(flags("CHECK MY CHANNEL FOR MY NEW SONG"));
        assert!(!flags("OMG LOL"));
        assert!(!flags("I love the NASA footage from the launch"));
        assert!(!flags("강남스타일 강남스타일 강남스타일 강남스타일"));
        assert!(flags("ÇA SUFFIT, ÉCOUTEZ-MOI BIEN"));
        // Eleven capitals of thirteen letters is shouting too (issue 9: the cheap skip
        // passed over sentences with fewer than twelve capitals).
        assert!(flags("BUY NOW CHEAP ok"));
        assert!(!flags("Buy now CHEAP ok ok"));
    }

    #[test]
    fn suggests_sentence_case() {
        assert_eq!(sentence_case("BUY THIS NOW. REALLY"), "Buy this now. Really");
    }
}
