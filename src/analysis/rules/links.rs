//! Links, judged by where they lead: a profile, shop or fundraiser asks for something; a
//! video or an encyclopedia page mostly shares something to look at.

use super::Signal;
use crate::analysis::automata::{fixed, Fixed};
use crate::analysis::report::{Category, Severity, Span};
use crate::analysis::text::Text;

pub(crate) const LINK_ID: &str = "spam-link";
pub(crate) const PROMO_LINK_ID: &str = "spam-link-promo";
pub(crate) const MEDIA_LINK_ID: &str = "link-media";
const LINK_MESSAGE: &str = "A link in an unprompted post sends readers away; in a reply to someone who asked, it helps.";
const PROMO_MESSAGE: &str = "A link to a profile, shop, app store or fundraiser asks readers to follow, buy or give.";
const MEDIA_MESSAGE: &str = "A bare link gives readers somewhere to go, not something to answer.";

pub(crate) const URL: &str = r"\bhttps?://[^\s<>]+|\bwww\.[^\s<>]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|info|biz|xyz|gg|app|shop|store|site|online|link|tv)\b(?:/[^\s<>]*)?|\b[a-z0-9][a-z0-9-]*\.(?:co|ly|me|gl|be|us|uk|de|ru|br|in|es|fr|it|pl|ee)/[^\s<>]*|\bwatch\?v=[\w-]+";

/// Hosts (with their subdomains) whose pages are profiles, shops, app stores and fundraisers.
const PROMO_HOSTS: &[&str] = &[
    "apps.apple.com", "bandcamp.com", "change.org", "etsy.com", "facebook.com",
    "fb.com", "gofundme.com", "indiegogo.com", "instagram.com", "itunes.apple.com", "kickstarter.com",
    "linktr.ee", "onlyfans.com", "patreon.com", "paypal.me", "play.google.com", "reverbnation.com",
    "shopify.com", "soundcloud.com", "teespring.com", "tiktok.com", "twitch.tv", "twitter.com",
    "x.com",
];

/// Shops that run one site per country: any host with one of these labels.
const PROMO_LABELS: &[&str] = &["amazon", "ebay"];

/// Hosts whose pages are mostly things to watch or read.
const MEDIA_HOSTS: &[&str] = &["imdb.com", "vimeo.com", "wikipedia.org", "youtu.be", "youtube.com"];

/// Paths on media hosts that are channels rather than videos.
const PROFILE_PATHS: &[&str] = &["/channel/", "/user/", "/c/", "/@"];

#[derive(Debug, PartialEq, Eq)]
enum Destination {
    Promo,
    Media,
    Other,
}

fn classify(link: &str) -> Destination {
    let lower = link.to_ascii_lowercase();
    let rest = lower.split_once("://").map_or(lower.as_str(), |(_, rest)| rest);
    let (host, path) = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
    let host = host.strip_prefix("www.").or_else(|| host.strip_prefix("m.")).unwrap_or(host);
    let on = |hosts: &[&str]| {
        hosts.iter().any(|h| host.strip_suffix(h).is_some_and(|rest| rest.is_empty() || rest.ends_with('.')))
    };
    if on(PROMO_HOSTS) || host.split('.').any(|label| PROMO_LABELS.contains(&label)) {
        Destination::Promo
    } else if on(MEDIA_HOSTS) || lower.starts_with("watch?v=") {
        if PROFILE_PATHS.iter().any(|p| path.starts_with(p)) {
            Destination::Promo
        } else {
            Destination::Media
        }
    } else {
        Destination::Other
    }
}

pub(crate) fn links(text: &Text, signals: &mut Vec<Signal>) {
    let whole = text.as_str();
    fixed(Fixed::Url).for_each_match(whole.as_bytes(), |found| {
        let Some(link) = whole.get(found.clone()) else { return };
        // Sentence punctuation after a link belongs to the sentence.
        let link = link.trim_end_matches(['.', ',', '!', '?', ')', ';', ':', '"', '\'']);
        if link.is_empty() {
            return;
        }
        let (rule, severity, weight, message) = match classify(link) {
            Destination::Promo => (PROMO_LINK_ID, Severity::Warning, 55, PROMO_MESSAGE),
            Destination::Other => (LINK_ID, Severity::Warning, 50, LINK_MESSAGE),
            Destination::Media => (MEDIA_LINK_ID, Severity::Hint, 30, MEDIA_MESSAGE),
        };
        signals.push(Signal {
            rule,
            category: Category::SpamForm,
            severity,
            weight,
            message,
            suggestion: None,
            span: Span::new(found.start, found.start + link.len()),
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&'static str, String)> {
        let mut signals = Vec::new();
        links(&Text::new(text), &mut signals);
        signals.iter().map(|s| (s.rule, text[s.span.start..s.span.end].to_string())).collect()
    }

    #[test]
    fn links_are_judged_by_destination() {
        assert_eq!(found("see https://www.facebook.com/someone."), [(PROMO_LINK_ID, "https://www.facebook.com/someone".into())]);
        assert_eq!(found("http://youtu.be/abc"), [(MEDIA_LINK_ID, "http://youtu.be/abc".into())]);
        assert_eq!(found("youtube.com/channel/xyz"), [(PROMO_LINK_ID, "youtube.com/channel/xyz".into())]);
        assert_eq!(found("visit murdev.com now"), [(LINK_ID, "murdev.com".into())]);
        assert_eq!(found("shop at www.amazon.co.uk/gp/1"), [(PROMO_LINK_ID, "www.amazon.co.uk/gp/1".into())]);
    }

    #[test]
    fn ordinary_text_has_no_links() {
        assert!(found("version 2.0 is faster").is_empty());
        assert!(found("I love it.in the morning").is_empty());
        assert!(found("Mr. Smith went to x. com").is_empty());
    }
}
