//! The user's own phrases: ones to flag (a product they sell) and ones to allow (a brand).

use regex::{Regex, RegexBuilder};

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
        for found in regex.find_iter(text) {
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
        let allowed: Vec<Span> = regex.find_iter(text).map(|m| Span::new(m.start(), m.end())).collect();
        if allowed.is_empty() {
            return;
        }
        signals.retain(|s| {
            s.category.axis() != Axis::Pitch
                || s.rule == FLAG_ID
                || !allowed.iter().any(|a| a.start < s.span.end && s.span.start < a.end)
        });
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
            // ASCII word boundaries keep the matcher free of Unicode tables; a phrase
            // that starts or ends with another letter simply goes without one there.
            let starts_word = p.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
            let ends_word = p.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
            format!(
                "{}{}{}",
                if starts_word { r"(?-u:\b)" } else { "" },
                regex::escape(p),
                if ends_word { r"(?-u:\b)" } else { "" }
            )
        })
        .collect();
    if alternatives.is_empty() {
        return None;
    }
    RegexBuilder::new(&alternatives.join("|")).case_insensitive(true).size_limit(64 << 20).build().ok()
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
