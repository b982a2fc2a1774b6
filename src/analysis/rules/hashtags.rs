//! Hashtag stuffing: more tags than a post needs to be found.

use super::{CodeRule, Draft, Phase, RuleInfo, Signal};
use crate::analysis::report::{Category, Severity, Span};
use crate::analysis::text::Text;

pub(crate) const HASHTAGS: RuleInfo = RuleInfo {
    id: "spam-hashtags",
    category: Category::SpamForm,
    severity: Severity::Warning,
    weight: 15,
    message: "A pile of hashtags chases reach; two or three relevant ones are enough to be found.",
    help_in_reply: false,
    whole_draft: false,
    good: &["Loved the talk #rustlang #wasm", "We are #1 in town", "issue#12 and C# code"],
    bad: &["#sale #deal #shop #buy #cheap #now today", "New post #travel #food #photo #nature #sunset #love"],
};
/// This many hashtags is where a post starts to look stuffed.
const MAX_HASHTAGS: usize = 4;

pub(crate) struct Hashtags;

impl CodeRule for Hashtags {
    fn rules(&self) -> &'static [&'static RuleInfo] {
        &[&HASHTAGS]
    }

    fn phase(&self) -> Phase {
        Phase::Words
    }

    fn run(&self, draft: &Draft, signals: &mut Vec<Signal>) {
        hashtags(draft.text, signals);
    }
}

fn hashtags(text: &Text, signals: &mut Vec<Signal>) {
    let s = text.as_str();
    let mut tags: Vec<Span> = Vec::new();
    for (at, _) in s.match_indices('#') {
        let starts_tag = s[..at].chars().next_back().map_or(true, |p| p.is_whitespace() || p == '(');
        if !starts_tag {
            continue;
        }
        let body = &s[at + 1..];
        let len = body.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(body.len());
        // A tag needs a letter: "#1" is a ranking, not a hashtag.
        if body[..len].chars().any(char::is_alphabetic) {
            tags.push(Span::new(at, at + 1 + len));
        }
    }
    if tags.len() > MAX_HASHTAGS || (tags.len() >= 3 && tags.len() * 2 >= text.word_count()) {
        for &span in &tags[MAX_HASHTAGS.min(tags.len()).saturating_sub(1)..] {
            signals.push(Signal::new(&HASHTAGS, span, None));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(text: &str) -> usize {
        let mut signals = Vec::new();
        hashtags(&Text::new(text), &mut signals);
        signals.len()
    }

    #[test]
    fn flags_only_stuffed_posts() {
        assert_eq!(count("Loved the talk #rustlang #wasm"), 0);
        assert!(count("#sale #deal #shop #buy #cheap #now today") >= 2);
        assert_eq!(count("We are #1 in town"), 0);
        assert_eq!(count("issue#12 and C# code"), 0);
    }
}
