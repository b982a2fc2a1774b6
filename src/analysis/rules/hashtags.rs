//! Hashtag stuffing (more tags than a post needs to be found) and campaign tags built on a
//! name the post also tags.

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
    good: examples!["Loved the talk #rustlang #wasm", "We are #1 in town", "issue#12 and C# code"],
    bad: examples!["#sale #deal #shop #buy #cheap #now today", "New post #travel #food #photo #nature #sunset #love"],
};
pub(crate) const NAME_CAMPAIGN: RuleInfo = RuleInfo {
    id: "spam-name-campaign-hashtag",
    category: Category::SpamForm,
    severity: Severity::Hint,
    weight: 35,
    message: "A hashtag that builds a slogan on a name the post also tags (#SwitchToAcme beside @Acme) is a marketing campaign's tag, not a topic people talk about.",
    help_in_reply: false,
    whole_draft: false,
    good: examples![
        "Loved the talk by @rustlang #rustlang #RustConf",
        "#Acme is down again, anyone else? @AcmeSupport",
        "Go team! #Hawks #GoHawks",
    ],
    bad: examples!["Sign from your phone with #Acme #LeverageAcme", "Thanks @Widgetly for the demo #WidgetlyWeek"],
};
/// This many hashtags is where a post starts to look stuffed.
const MAX_HASHTAGS: usize = 4;

pub(crate) struct Hashtags;

impl CodeRule for Hashtags {
    fn rules(&self) -> &'static [&'static RuleInfo] {
        &[&HASHTAGS, &NAME_CAMPAIGN]
    }

    fn phase(&self) -> Phase {
        Phase::Words
    }

    fn run(&self, draft: &Draft, signals: &mut Vec<Signal>) {
        let tags = hashtags(draft.text, signals);
        name_campaigns(draft.text, &tags, signals);
    }
}

/// Flags stuffed hashtags and returns every hashtag's span (with its `#`).
fn hashtags(text: &Text, signals: &mut Vec<Signal>) -> Vec<Span> {
    let s = text.as_str();
    let mut tags: Vec<Span> = Vec::new();
    for (at, _) in s.match_indices('#') {
        let starts_tag = s[..at].chars().next_back().map_or(true, |p| p.is_whitespace() || p == '(');
        if !starts_tag {
            continue;
        }
        let body = name_after(s, at);
        // A tag needs a letter: "#1" is a ranking, not a hashtag.
        if body.chars().any(char::is_alphabetic) {
            tags.push(Span::new(at, at + 1 + body.len()));
        }
    }
    if tags.len() > MAX_HASHTAGS || (tags.len() >= 3 && tags.len() * 2 >= text.word_count()) {
        for &span in &tags[MAX_HASHTAGS.min(tags.len()).saturating_sub(1)..] {
            signals.push(Signal::new(&HASHTAGS, span, None));
        }
    }
    tags
}

/// The name after the `#` or `@` at byte `at`: letters, digits and underscores.
fn name_after(s: &str, at: usize) -> &str {
    let body = &s[at + 1..];
    &body[..body.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(body.len())]
}

/// A name shorter than this is too likely to be a word that happens to start a tag.
const MIN_NAME: usize = 4;
/// What a campaign adds to the name ("Go", "Try" and "Love" are too short to tell a cheer
/// from a slogan; "Leverage", "Choose", "Week" are not).
const MIN_SLOGAN: usize = 4;

/// Customers build tags on a brand's name too, to complain: `#BoycottAcme`, `#AcmeFail`.
const PROTEST_WORDS: &[&str] =
    &["Boycott", "Delete", "Stop", "Ban", "Cancel", "Shame", "Quit", "Ditch", "Sucks", "Fail", "Fails", "Down", "Outage", "Scam", "Lies"];

/// A tag that is a name the post also tags (`#Acme`, `@Acme`) with a capitalised slogan
/// word or more before or after it (`#LeverageAcme`, `#AcmeWeek`). The name must be tagged,
/// not merely written, so a fan's `#TaylorSwiftEras` beside "Taylor" is left alone.
fn name_campaigns(text: &Text, tags: &[Span], signals: &mut Vec<Signal>) {
    if tags.is_empty() {
        return;
    }
    let s = text.as_str();
    let mentions = s.match_indices('@').filter_map(|(at, _)| {
        let starts = s[..at].chars().next_back().map_or(true, |p| !p.is_alphanumeric());
        starts.then(|| name_after(s, at))
    });
    let names: Vec<&str> = tags
        .iter()
        .map(|tag| &s[tag.start + 1..tag.end])
        .chain(mentions)
        .filter(|name| name.chars().count() >= MIN_NAME)
        .collect();
    for &tag in tags {
        let body = &s[tag.start + 1..tag.end];
        let builds_on = |name: &&str| {
            let slogan = if let Some(rest) = body.strip_suffix(*name) {
                rest
            } else if let Some(rest) = body.strip_prefix(*name) {
                rest
            } else {
                return false;
            };
            slogan.chars().count() >= MIN_SLOGAN
                && slogan.starts_with(|c: char| c.is_uppercase())
                && !PROTEST_WORDS.iter().any(|word| slogan.starts_with(word) || slogan.ends_with(word))
        };
        if names.iter().any(builds_on) {
            signals.push(Signal::new(&NAME_CAMPAIGN, tag, None));
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

    fn campaign_tags(text: &str) -> Vec<String> {
        let text = Text::new(text);
        let mut signals = Vec::new();
        let tags = hashtags(&text, &mut signals);
        signals.clear();
        name_campaigns(&text, &tags, &mut signals);
        signals.iter().map(|s| text.as_str()[s.span.start..s.span.end].to_owned()).collect()
    }

    #[test]
    fn a_campaign_tag_builds_a_slogan_on_a_tagged_name() {
        assert_eq!(campaign_tags("Close deals on the road #Acme #LeverageAcme"), ["#LeverageAcme"]);
        assert_eq!(campaign_tags("Meet @Widgetly at the fair #WidgetlyWeek"), ["#WidgetlyWeek"]);
        // A name the post writes but does not tag, a short cheer, a tag that only repeats a
        // name, and a tag that is all slogan: none is built on a tagged name.
        assert!(campaign_tags("Taylor was amazing #TaylorSwiftEras").is_empty());
        assert!(campaign_tags("#Hawks #GoHawks").is_empty());
        assert!(campaign_tags("@acme #acme").is_empty());
        assert!(campaign_tags("#Acme #lowercaseacme").is_empty());
        assert!(campaign_tags("Third refund refused @Acme #BoycottAcme #AcmeFail").is_empty());
    }

    #[test]
    fn flags_only_stuffed_posts() {
        assert_eq!(count("Loved the talk #rustlang #wasm"), 0);
        assert!(count("#sale #deal #shop #buy #cheap #now today") >= 2);
        assert_eq!(count("We are #1 in town"), 0);
        assert_eq!(count("issue#12 and C# code"), 0);
    }
}
