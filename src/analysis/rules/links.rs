//! Links, judged by where they lead: a profile, shop or fundraiser asks for something; a
//! video or an encyclopedia page mostly shares something to look at.

use super::{code_pattern, CodeRule, Draft, Phase, RuleInfo, Signal};
use crate::analysis::report::{Category, Severity, Span};
use crate::analysis::text::Text;

/// The weight of a wrapped link with nothing selling around it.
const ALONE_WEIGHT: u8 = 20;

pub(crate) const LINK: RuleInfo = RuleInfo {
    id: "spam-link",
    category: Category::SpamForm,
    severity: Severity::Warning,
    weight: 50,
    message: "A link in an unprompted post sends readers away; in a reply to someone who asked, it helps.",
    help_in_reply: true,
    whole_draft: false,
    good: examples!["version 2.0 is faster", "I love it.in the morning", "Mr. Smith went to x. com"],
    bad: examples!["visit murdev.com now", "details at https://example.org/offer"],
};

pub(crate) const PROMO_LINK: RuleInfo = RuleInfo {
    id: "spam-link-promo",
    category: Category::SpamForm,
    severity: Severity::Warning,
    weight: 55,
    message: "A link to a profile, shop, app store or fundraiser asks readers to follow, buy or give.",
    help_in_reply: true,
    whole_draft: false,
    good: examples!["I saw it on facebook yesterday", "http://youtu.be/abc"],
    bad: examples!["see https://www.facebook.com/someone.", "youtube.com/channel/xyz", "shop at www.amazon.co.uk/gp/1"],
};

pub(crate) const MEDIA_LINK: RuleInfo = RuleInfo {
    id: "link-media",
    category: Category::SpamForm,
    severity: Severity::Hint,
    weight: 30,
    message: "A bare link gives readers somewhere to go, not something to answer.",
    help_in_reply: true,
    whole_draft: false,
    good: examples!["I watched it on youtube", "youtube.com/channel/xyz"],
    bad: examples!["http://youtu.be/abc", "https://en.wikipedia.org/wiki/Rust"],
};

/// Hosts (with their subdomains) whose pages are profiles, shops, app stores and fundraisers.
const PROMO_HOSTS: &[&str] = &[
    "a.co", "amzn.eu", "amzn.to", "apps.apple.com", "bandcamp.com", "change.org", "etsy.com", "facebook.com",
    "fb.com", "gofundme.com", "indiegogo.com", "instagram.com", "itunes.apple.com", "kickstarter.com",
    "linktr.ee", "onlyfans.com", "patreon.com", "paypal.me", "play.google.com", "reverbnation.com",
    "shopify.com", "soundcloud.com", "teespring.com", "tiktok.com", "twitch.tv", "twitter.com",
    "x.com",
];

/// Shops that run one site per country: any host with one of these labels.
const PROMO_LABELS: &[&str] = &["amazon", "ebay"];

/// Hosts whose pages are mostly things to watch or read.
const MEDIA_HOSTS: &[&str] = &["imdb.com", "vimeo.com", "wikipedia.org", "youtu.be", "youtube.com"];

/// Hosts where people share documents, meetings, maps and playlists with each other: a link
/// there is something to open together, not somewhere to go or to buy, and is not reported.
const SHARED_HOSTS: &[&str] = &[
    "docs.google.com", "drive.google.com", "dropbox.com", "maps.app.goo.gl", "maps.google.com", "meet.google.com",
    "notion.so", "open.spotify.com", "teams.microsoft.com", "zoom.us",
];

/// Stays to book together, on a site that runs one host per country.
const SHARED_LABELS: &[&str] = &["airbnb"];

/// Hosts through which a platform passes every link its users post (a tweet's links are all
/// `t.co`): where such a link leads is hidden, so only the words around it can tell.
const PLATFORM_WRAPPERS: &[&str] = &["t.co", "lnkd.in", "redd.it"];

/// Path segments (or the first label of a host, "help.example.com") under which sites keep
/// what people read: a story shared from any site, or the help page that fixed someone's
/// problem.
const READING_SEGMENTS: &[&str] =
    &["article", "articles", "docs", "faq", "help", "kb", "kbdoc", "knowledgebase", "news", "story", "stories", "support", "wiki"];

const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Marks of a link that pays whoever shares it or signs readers up: these are never just
/// something to read.
const REFERRAL_MARKS: &[&str] = &["aff", "invite", "join", "partner", "promo", "ref", "refer", "referral", "register", "signup", "utm_"];

/// Hosts where a link to one post or video is something to watch or read, not a profile.
const SOCIAL_HOSTS: &[&str] = &["tiktok.com", "twitter.com", "x.com"];
/// Paths of one post or video on those hosts.
const POST_PATHS: &[&str] = &["/video/", "/status/"];

/// Paths on media hosts that are channels rather than videos.
const PROFILE_PATHS: &[&str] = &["/channel/", "/user/", "/c/", "/@"];

#[derive(Debug, PartialEq, Eq)]
enum Destination {
    Promo,
    Media,
    /// Hidden behind a platform's link wrapper.
    Wrapped,
    /// A document, meeting or playlist shared between people.
    Shared,
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
    let labelled = |labels: &[&str]| host.split('.').any(|label| labels.contains(&label));
    if on(SOCIAL_HOSTS) && POST_PATHS.iter().any(|p| path.contains(p)) {
        Destination::Media
    } else if on(PROMO_HOSTS) || labelled(PROMO_LABELS) {
        Destination::Promo
    } else if on(PLATFORM_WRAPPERS) {
        Destination::Wrapped
    } else if on(SHARED_HOSTS) || labelled(SHARED_LABELS) {
        Destination::Shared
    } else if on(MEDIA_HOSTS) || lower.starts_with("watch?v=") {
        if PROFILE_PATHS.iter().any(|p| path.starts_with(p)) {
            Destination::Promo
        } else {
            Destination::Media
        }
    } else if is_reading(host, path) {
        Destination::Media
    } else {
        Destination::Other
    }
}

/// Whether a link looks like an article: a dated path, a reading section, or a slug of five
/// or more words, with no referral mark anywhere in its path.
fn is_reading(host: &str, path: &str) -> bool {
    let words = |segment: &str| segment.split(['-', '_']).filter(|w| w.len() > 1 && w.bytes().all(|b| b.is_ascii_alphanumeric())).count();
    let segments: Vec<&str> = path.split(['/', '?', '&', '=', '#', '.']).filter(|s| !s.is_empty()).collect();
    let year = |s: &str| s.len() == 4 && (s.starts_with("19") || s.starts_with("20")) && s.bytes().all(|b| b.is_ascii_digit());
    let month = |s: &str| {
        (matches!(s.len(), 1 | 2) && s.bytes().all(|b| b.is_ascii_digit())) || MONTHS.contains(&s)
    };
    let dated = path.split('/').collect::<Vec<_>>().windows(2).any(|w| year(w[0]) && month(w[1]));
    let section = host.split('.').next().is_some_and(|first| READING_SEGMENTS.contains(&first));
    let reading = dated || section || segments.iter().any(|s| READING_SEGMENTS.contains(s) || words(s) >= 5);
    reading && !segments.iter().any(|s| s.split(['-', '_']).any(|w| REFERRAL_MARKS.contains(&w)))
}

/// Whether a rule is one of those this code reports, one per link.
pub(crate) fn is_link(rule: &RuleInfo) -> bool {
    [&LINK, &PROMO_LINK, &MEDIA_LINK].iter().any(|link| link.id == rule.id)
}

/// Links, judged by where they lead; in a reply to a request, help.
pub(crate) struct Links;

impl CodeRule for Links {
    fn rules(&self) -> &'static [&'static RuleInfo] {
        &[&LINK, &PROMO_LINK, &MEDIA_LINK]
    }

    fn phase(&self) -> Phase {
        Phase::Words
    }

    fn run(&self, draft: &Draft, signals: &mut Vec<Signal>) {
        links(draft.text, signals);
    }
}

/// Links are judged by where they lead; a link whose destination a platform's wrapper hides
/// is judged by the company it keeps: next to a call to action, an offer, urgency or
/// self-promotion it is where the pitch sends readers; alone (a news story shared) it is
/// something to look at, a hint at most.
fn links(text: &Text, signals: &mut Vec<Signal>) {
    let whole = text.as_str();
    let selling = signals.iter().any(|s| {
        matches!(s.category(), Category::CallToAction | Category::Offer | Category::Urgency | Category::SelfPromotion)
    });
    code_pattern(super::code_pattern::URL).for_each_match(whole.as_bytes(), |found| {
        let found = found.range;
        let Some(link) = whole.get(found.clone()) else { return };
        // A defanged link ("hxxps://…") is written so nobody follows it: a warning, not a way out.
        if whole[..found.start].ends_with("://") {
            return;
        }
        // The domain of an e-mail address is where mail goes, not a link: the address is
        // judged as one (`spam-contact-address`).
        if whole[..found.start].ends_with('@') {
            return;
        }
        // Sentence punctuation after a link belongs to the sentence.
        let link = link.trim_end_matches(['.', ',', '!', '?', ')', ';', ':', '"', '\'']);
        if link.is_empty() {
            return;
        }
        let span = Span::new(found.start, found.start + link.len());
        signals.push(match classify(link) {
            Destination::Shared => return,
            Destination::Promo => Signal::new(&PROMO_LINK, span, None),
            Destination::Other => Signal::new(&LINK, span, None),
            Destination::Wrapped if selling => Signal::new(&LINK, span, None),
            Destination::Wrapped => Signal { severity: Severity::Hint, weight: ALONE_WEIGHT, ..Signal::new(&LINK, span, None) },
            Destination::Media => Signal::new(&MEDIA_LINK, span, None),
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&'static str, String)> {
        let mut signals = Vec::new();
        links(&Text::new(text), &mut signals);
        signals.iter().map(|s| (s.rule.id, text[s.span.start..s.span.end].to_string())).collect()
    }

    #[test]
    fn links_are_judged_by_destination() {
        assert_eq!(found("see https://www.facebook.com/someone."), [(PROMO_LINK.id, "https://www.facebook.com/someone".into())]);
        assert_eq!(found("http://youtu.be/abc"), [(MEDIA_LINK.id, "http://youtu.be/abc".into())]);
        // One video or post on a social site is something to watch; the profile asks to follow.
        let video = "https://www.tiktok.com/@farm/video/731284660912";
        assert_eq!(found(video), [(MEDIA_LINK.id, video.into())]);
        assert_eq!(found("https://www.tiktok.com/@farm"), [(PROMO_LINK.id, "https://www.tiktok.com/@farm".into())]);
        assert_eq!(found("youtube.com/channel/xyz"), [(PROMO_LINK.id, "youtube.com/channel/xyz".into())]);
        assert_eq!(found("visit murdev.com now"), [(LINK.id, "murdev.com".into())]);
        assert_eq!(found("shop at www.amazon.co.uk/gp/1"), [(PROMO_LINK.id, "www.amazon.co.uk/gp/1".into())]);
        assert_eq!(found("phishing kit at hxxps://refund-example.cf/ today"), []);
        assert_eq!(found("pics here: hot-cam.live"), [(LINK.id, "hot-cam.live".into())]);
    }

    /// Issue 9: a link alone is not a pitch; a story shared from any site is something to read.
    #[test]
    fn issue_9_articles_are_reading_matter() {
        for article in [
            "bbc.co.uk/news/uk-12345678",
            "https://www.theguardian.com/world/2026/mar/03/storm-hits-coast",
            "https://example.org/2025/11/08/how-we-rebuilt-the-old-station",
            "https://blog.example.com/why-small-towns-need-libraries",
            "https://www.example.com/support/kbdoc/en-us/000123456",
            "https://help.example.org/kb/reset-a-router",
            "https://support.example.com",
        ] {
            assert_eq!(found(article), [(MEDIA_LINK.id, article.to_string())]);
        }
        for offer in ["https://example.com/news?ref=abc", "https://help.example.com/signup", "www.shop.example/join-now-and-save-big", "murdev.com/deals"] {
            assert_eq!(found(offer), [(LINK.id, offer.to_string())], "{offer}");
        }
    }

    /// Issue 9: documents, meetings and playlists shared between people are things to open.
    #[test]
    fn issue_9_shared_documents_and_meetings_are_not_destinations_to_sell() {
        for shared in ["docs.google.com/document/d/abc", "airbnb.co.uk/rooms/123", "https://zoom.us/j/123456", "open.spotify.com/playlist/xyz", "https://meet.google.com/abc-defg-hij"] {
            assert_eq!(found(shared), [], "{shared}");
        }
        assert_eq!(found("notzoom.us/j/1"), [(LINK.id, "notzoom.us/j/1".into())]);
    }

    #[test]
    fn ordinary_text_has_no_links() {
        assert!(found("version 2.0 is faster").is_empty());
        assert!(found("I love it.in the morning").is_empty());
        assert!(found("Mr. Smith went to x. com").is_empty());
        assert!(found("can you email me at jack@example.com?").is_empty());
    }
}
