//! The user's own phrases: ones to flag (a product they sell) and ones to allow (a brand).

use regex::bytes::{Regex, RegexBuilder};

use super::report::{Axis, Category, Severity, Span};
use super::rules::Signal;

pub(crate) const FLAG_ID: &str = "own-phrase";
const FLAG_MESSAGE: &str = "You asked to be told when a draft mentions this; it tends to turn a post into promotion.";

#[derive(Debug, Default)]
pub(crate) struct Phrases {
    flag: Option<Regex>,
    allow: Option<Regex>,
}

impl Phrases {
    pub(crate) fn new(flag: &[String], allow: &[String]) -> Phrases {
        Phrases { flag: alternation(flag), allow: alternation(allow) }
    }

    /// Adds a self-promotion signal for each flagged phrase.
    pub(crate) fn flag(&self, text: &str, signals: &mut Vec<Signal>) {
        let Some(regex) = &self.flag else { return };
        for found in regex.find_iter(text.as_bytes()) {
            signals.push(Signal {
                rule: FLAG_ID,
                category: Category::SelfPromotion,
                severity: Severity::Warning,
                weight: 40,
                message: FLAG_MESSAGE,
                suggestion: None,
                span: Span::new(found.start(), found.end()),
            });
        }
    }

    /// Drops pitch signals that touch an allowed phrase ("Best Buy" is a shop, not hype).
    pub(crate) fn allow(&self, text: &str, signals: &mut Vec<Signal>) {
        let Some(regex) = &self.allow else { return };
        let allowed: Vec<Span> = regex.find_iter(text.as_bytes()).map(|m| Span::new(m.start(), m.end())).collect();
        if allowed.is_empty() {
            return;
        }
        // Matches do not overlap, so ends are sorted as well as starts.
        let touches_allowed = |span: Span| {
            let first = allowed.partition_point(|a| a.end <= span.start);
            allowed.get(first).is_some_and(|a| a.start < span.end)
        };
        signals.retain(|s| s.category.axis() != Axis::Pitch || s.rule == FLAG_ID || !touches_allowed(s.span));
    }
}

/// One case-insensitive regex matching any of the phrases as whole words. Phrases are
/// literal text, never patterns.
fn alternation(phrases: &[String]) -> Option<Regex> {
    let alternatives: Vec<String> = phrases
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(|p| {
            // Matching is on bytes with ASCII case folding and word boundaries (no Unicode
            // tables); a phrase that starts or ends with another letter goes without one.
            let starts_word = p.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
            let ends_word = p.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
            format!(
                "{}{}{}",
                if starts_word { r"\b" } else { "" },
                regex::escape(p),
                if ends_word { r"\b" } else { "" }
            )
        })
        .collect();
    if alternatives.is_empty() {
        return None;
    }
    RegexBuilder::new(&alternatives.join("|")).unicode(false).case_insensitive(true).size_limit(64 << 20).build().ok()
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
}
