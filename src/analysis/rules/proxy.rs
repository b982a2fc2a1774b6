//! Promotion by proxy: a glowing testimonial about money that points readers at someone
//! else to contact ("I got my withdrawal thanks to @name, she's legit").

use super::{code_pattern, CodeRule, Draft, Phase, RuleInfo, Signal};
use crate::analysis::report::{Category, Severity, Span};

pub(crate) const PROXY: RuleInfo = RuleInfo {
    id: "promo-by-proxy",
    category: Category::SelfPromotion,
    severity: Severity::Warning,
    weight: 50,
    message: "A testimonial about money that points readers at someone to contact is an advert by proxy, whoever posts it.",
    help_in_reply: false,
    whole_draft: false,
    good: examples![
        "Thanks @laura for the tip on budgeting apps, it helped",
        "Scammers everywhere here, don't DM anyone who promises returns",
        "Been trading cards with my brother all week, best decision ever",
        "@coffee.lover thank you so much, this recipe changed my life",
    ],
    bad: examples![
        "Been trading with @mike.invests for 3 months, best decision ever",
        "Who else is making profit with Mrs Linda? Her signals are accurate",
        "My account was hacked and @fixit.team got it back in a day, highly recommend",
        "@sam.trades.fx thank you for everything",
    ],
};

pub(crate) struct Proxy;

impl CodeRule for Proxy {
    fn rules(&self) -> &'static [&'static RuleInfo] {
        &[&PROXY]
    }

    fn phase(&self) -> Phase {
        Phase::Words
    }

    fn run(&self, draft: &Draft, signals: &mut Vec<Signal>) {
        // The rule set, which reads every draft anyway, tells drafts about no such subject.
        if !draft.may_match(code_pattern::PROXY_SUBJECT) {
            return;
        }
        let text = draft.text.as_str().as_bytes();
        // Three cheap questions, the rarest first: whom it points at, what about, and
        // whether it vouches. Each alone is ordinary talk.
        let Some(pointer) = code_pattern(code_pattern::PROXY_POINTER).find(text) else {
            return;
        };
        if code_pattern(code_pattern::PROXY_SUBJECT).is_match(text) && code_pattern(code_pattern::PROXY_PRAISE).is_match(text) {
            // The pattern may take the character before the handle; the name is what is flagged.
            let start = pointer.start + text[pointer.clone()].iter().position(|&b| b.is_ascii_alphanumeric() || b == b'@').unwrap_or(0);
            signals.push(Signal::new(&PROXY, Span::new(start, pointer.end), None));
        }
    }
}
