//! Small ads: someone offering their own goods or services, with a price or a way to
//! order ("I now do airport pickups, reasonable price. Save my number 0803…", "Anyone need
//! a website? I do them cheap"), and a shop talking ("Our new body cream is here, 200ml for
//! £12", "New on the menu: … at our Leith kitchen").

use super::{code_pattern, CodeRule, Draft, Phase, RuleInfo, Signal};
use crate::analysis::report::{Category, Severity, Span};

pub(crate) const TRADE: RuleInfo = RuleInfo {
    id: "offer-small-ad",
    category: Category::Offer,
    severity: Severity::Warning,
    weight: 50,
    message: "Offering your own goods or services with a price or a way to order makes the post a small ad.",
    help_in_reply: false,
    whole_draft: false,
    good: examples![
        "I run a small bakery and honestly the tax return is killing me",
        "Anyone need a lift to the match on Saturday? I've got two seats",
        "I make homemade bread most weekends, costs about £1 a loaf in flour",
        "Selling my old bike if anyone wants it, message me",
        "I need a plumber, call me if you know one",
        "I run a small business and I'm drowning in admin, message me if you know a good accountant",
        "Who needs a coffee? I'm buying, £3 each is nothing",
        "I make homemade soup every week, costs about £2 for 4 portions",
        "I popped in at our local bakery, £3 for a croissant now, madness",
        "our new sofa is here!! took 12 weeks, £800 well spent",
        "new customers get better deals than loyal ones, so annoying",
    ],
    bad: examples![
        "Anyone need a website? I do them cheap, £150 for a basic one, just message me",
        "Who needs a logo? fast turnaround, $25, DMs open",
        "Need a reliable man with a van? Local, fully insured. Text Kev 07700 900874",
        "I now do airport pickups, reasonable price. Save my number 0803 556 2190",
        "Fresh sourdough every Friday from my kitchen, £4.50 a loaf, PM to reserve",
        "I make custom birthday banners, any theme, $15 each",
        "Our new lavender body butter is here. 200ml for £12",
        "New on the menu: miso aubergine buns, Thursday to Sunday at our Leith kitchen",
        "Pre-orders for the Orbit 2 lamp are open, ships in May",
        "Free eye tests this month at our Hexham store, book online or walk in",
        "We now do photo booths for weddings, packages start at $400. Message us to check your date",
        "Catering for weddings and birthdays across Leeds, message us for a quote",
        "Lunch special today: rice, stew and plantain ₦3,000",
    ],
};

pub(crate) struct Trade;

impl CodeRule for Trade {
    fn rules(&self) -> &'static [&'static RuleInfo] {
        &[&TRADE]
    }

    fn phase(&self) -> Phase {
        Phase::Words
    }

    fn run(&self, draft: &Draft, signals: &mut Vec<Signal>) {
        use code_pattern::{TRADE_ANY_PRICE, TRADE_CONTACT, TRADE_NEED, TRADE_OFFER, TRADE_PRICE};
        // The rule set, which reads every draft anyway, tells drafts with neither an offer
        // nor a "who needs…?" apart.
        let (may_offer, may_need) = (draft.may_match(TRADE_OFFER), draft.may_match(TRADE_NEED));
        if !may_offer && !may_need {
            return;
        }
        let text = draft.text.as_str().as_bytes();
        let found = |entry| code_pattern(entry).find(text);
        let offer = if may_offer { found(TRADE_OFFER) } else { None };
        let need = if may_need { found(TRADE_NEED) } else { None };
        // Each part alone is ordinary talk; an offer sells with a price or a way to order,
        // and "who needs…?" with an offer, or with a price and a way to reach the seller.
        // A shop's post may instead say what it sells twice ("New on the menu: … at our
        // Leith kitchen").
        let offers_twice = || {
            let mut offers = 0;
            code_pattern(TRADE_OFFER).for_each_match(text, |_| offers += 1);
            offers >= 2
        };
        let span = match (offer, need) {
            (Some(offer), need) if need.is_some() || found(TRADE_PRICE).is_some() || found(TRADE_CONTACT).is_some() || offers_twice() => offer,
            (_, Some(need)) if (found(TRADE_ANY_PRICE).is_some() || found(TRADE_PRICE).is_some()) && found(TRADE_CONTACT).is_some() => need,
            _ => return,
        };
        // Patterns may take the punctuation before a sentence; the words are what is flagged.
        let start = span.start + text[span.clone()].iter().position(|b| b.is_ascii_alphanumeric()).unwrap_or(0);
        signals.push(Signal::new(&TRADE, Span::new(start, span.end), None));
    }
}
