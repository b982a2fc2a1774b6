//! The user's own phrases: ones to flag (a product they sell) and ones to allow (a brand).

use super::report::{Axis, Category, Severity, Span};
use super::rules::{RuleInfo, Signal};

/// A phrase the user asked to flag (their product, say).
pub(crate) const OWN_PHRASE: RuleInfo = RuleInfo {
    id: "own-phrase",
    category: Category::SelfPromotion,
    severity: Severity::Warning,
    weight: 40,
    message: "You asked to be told when a draft mentions this; it tends to turn a post into promotion.",
    help_in_reply: true,
    whole_draft: false,
    // Which words it flags is the user's to say: `Phrases`' tests cover the matching.
    good: &[],
    bad: &[],
};

#[derive(Debug, Default)]
pub(crate) struct Phrases {
    flag: PhraseList,
    allow: PhraseList,
}

impl Phrases {
    pub(crate) fn new(flag: &[String], allow: &[String]) -> Phrases {
        Phrases { flag: PhraseList::new(flag), allow: PhraseList::new(allow) }
    }

    /// Adds a self-promotion signal for each flagged phrase.
    pub(crate) fn flag(&self, text: &str, signals: &mut Vec<Signal>) {
        for found in self.flag.find_all(text) {
            signals.push(Signal::new(&OWN_PHRASE, found, None));
        }
    }

    /// Drops pitch signals that touch an allowed phrase ("Best Buy" is a shop, not hype).
    pub(crate) fn allow(&self, text: &str, signals: &mut Vec<Signal>) {
        let allowed = self.allow.find_all(text);
        if allowed.is_empty() {
            return;
        }
        // Matches do not overlap, so ends are sorted as well as starts.
        let touches_allowed = |span: Span| {
            let first = allowed.partition_point(|a| a.end <= span.start);
            allowed.get(first).is_some_and(|a| a.start < span.end)
        };
        signals.retain(|s| s.category().axis() != Axis::Pitch || s.rule.id == OWN_PHRASE.id || !touches_allowed(s.span));
    }
}

/// Literal phrases matched as whole words, ignoring ASCII case (the way the table's
/// patterns match), with no pattern syntax at all.
#[derive(Debug, Default)]
struct PhraseList {
    /// Lower-cased phrases, with whether each must start and end at a word boundary: a
    /// phrase that starts or ends with something other than a letter or digit goes without.
    phrases: Vec<(String, bool, bool)>,
}

impl PhraseList {
    fn new(phrases: &[String]) -> PhraseList {
        let phrases = phrases
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .map(|p| {
                let starts_word = p.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
                let ends_word = p.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
                (p.to_ascii_lowercase(), starts_word, ends_word)
            })
            .collect();
        PhraseList { phrases }
    }

    /// Where the phrases occur, leftmost first and never overlapping; where two start at
    /// the same place, the one listed first wins.
    fn find_all(&self, text: &str) -> Vec<Span> {
        if self.phrases.is_empty() {
            return Vec::new();
        }
        let lower = text.to_ascii_lowercase();
        let is_word = |at: usize| lower.as_bytes().get(at).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for (order, (phrase, starts_word, ends_word)) in self.phrases.iter().enumerate() {
            let step = phrase.chars().next().map_or(1, char::len_utf8);
            let mut from = 0;
            while let Some(at) = lower[from..].find(phrase.as_str()).map(|i| from + i) {
                let end = at + phrase.len();
                let starts_ok = !starts_word || at == 0 || !is_word(at - 1);
                let ends_ok = !ends_word || !is_word(end);
                if starts_ok && ends_ok {
                    found.push((at, order, end));
                }
                from = at + step;
            }
        }
        found.sort_unstable();
        let mut spans: Vec<Span> = Vec::new();
        for (start, _, end) in found {
            if !spans.last().is_some_and(|last| start < last.end) {
                spans.push(Span::new(start, end));
            }
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_literal_and_whole_words() {
        let phrases = Phrases::new(&["Acme.io".into(), "a+b".into()], &[]);
        let mut signals = Vec::new();
        phrases.flag("try acme.io or acmeXio, a+b", &mut signals);
        assert_eq!(signals.len(), 2);
    }

    #[test]
    fn phrases_ignore_case_and_the_first_listed_wins() {
        let list = PhraseList::new(&["Acme Pro".into(), "acme".into(), "pro plan".into()]);
        let spans = list.find_all("ACME pro plan, acme, acmes, pro plan");
        let texts: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(texts, vec![(0, 8), (15, 19), (28, 36)]);
    }
}
