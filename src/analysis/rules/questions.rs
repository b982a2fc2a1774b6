//! Questions: genuine ones open a conversation; rhetorical hooks lead into a pitch.
//!
//! A sentence is a question when it ends with a question mark or opens the way questions
//! do ("anyone tried…", "what do you all use for…"), mark or not. It is a hook when a
//! pitch follows it closely, and a request (no signal at all) when it carries the pitch
//! itself ("can you subscribe?").

use std::cell::LazyCell;

use super::{code_pattern, CodeRule, Draft, Phase, RuleInfo, Signal};
use crate::analysis::rules::code_pattern::{
    ADDRESSED, ANSWER_OPENER, ASKS_ABOUT_SHARED, CLOSING_QUESTION, HOOK_OPENER, NOT_ASKED, NOT_A_QUESTION, QUESTION_LEAD_IN, QUESTION_OPENER, QUESTION_START, QUESTION_TAG, REQUEST,
};
use crate::analysis::rules::links::{LINK, MEDIA_LINK};
use crate::analysis::report::{Axis, Category, Severity, Span};
use crate::analysis::text::Text;

pub(crate) const QUESTION: RuleInfo = RuleInfo {
    id: "question",
    category: Category::Question,
    severity: Severity::Good,
    weight: 50,
    message: "A genuine question gives readers a reason to answer.",
    help_in_reply: false,
    whole_draft: false,
    good: examples![
        "I tried this",
        "Whatever happens, we ship",
        "Howdy folks",
        "What a day!",
        "How lovely",
        "When I bought the car I was looking for mileage",
        "RT @someone: what do you all use for invoicing?",
        "Why does it work? Because the oven is hot.",
        "She said \"is anyone there?\" and left, which was odd",
        "Pardon?",
        "My kid asked me, why is the sky blue? No idea.",
        "How do you put it? Bittersweet.",
        "Why don't you go first.",
        "Can you believe it's December already.",
        "Wasn't a fan.",
        "So do we.",
        "How to bake sourdough at home",
        "@acme is the best thing that happened to us.",
        "May your weekend be long.",
        "Let me know when you land.",
        "How have I never used this before!",
        "Is AI coming for your job? https://www.example.com/technology/2026/jan/12/ai-jobs-white-collar",
        "Am I tired? Absolutely. Going out anyway.",
        "Who else but my nan would send a card with a tenner in it",
    ],
    bad: examples![
        "anyone tried this",
        "what do you all use for invoicing",
        "Curious how others do it",
        "Quick question, how do you price this",
        "Is it worth the upgrade?",
        "anybody here tried the update",
        "where r u",
        "r u coming tonight",
        "@dana did you get the tickets",
        "Sam, what time works for you",
        "You didn't have to mix paint then, right.",
        "Oh, is that right.",
        "or was it the other store",
        "did you, uh, ever get the tickets",
        "what, what do you mean by that",
        "It's cute, isn't it",
        "oh, did you",
        "I was wondering if anyone here has tried the update",
        "At what point do we stop upgrading",
        "lmk if ur free saturday",
        "Need a new laptop for uni. Suggestions welcome",
        "Is this true? https://www.example.com/news/2026/01/12/rates-fall",
    ],
};

pub(crate) const HOOK: RuleInfo = RuleInfo {
    id: "hook-question",
    category: Category::HookQuestion,
    severity: Severity::Warning,
    weight: 45,
    message: "A rhetorical question that leads into a pitch is a sales hook, not an opening.",
    help_in_reply: false,
    whole_draft: false,
    good: examples![
        "Want to grab lunch? I found a new place.",
        "How do you all handle invoicing?",
        "Is the new update any good? https://example.com/review",
    ],
    bad: examples![
        "Want to 10x your sales? Join my course today",
        "Tired of slow builds? Sign up now for our free trial.",
        "It takes two minutes, so what are you waiting for? https://example.com/start",
    ],
};

/// The weight of a hook that is not shaped like one ("How do you…? Buy now!").
const PLAIN_HOOK_WEIGHT: u8 = 30;

/// How many sentences after a question a pitch may start and still make it a hook.
const HOOK_REACH: usize = 2;


/// A sentence is a question when it ends with a question mark, or without one when it
/// opens the way questions do (and not the way clauses and exclamations do: "when I
/// bought the car", "what a day"), asks last, after a comma, or ends with a tag ("…,
/// right"); mark or not, it asks the reader nothing when it only asks to hear again
/// ("pardon?"), searches for a word ("how do you put it?") or reports someone's question
/// ("they ask me, why…?").
fn is_question(sentence: &str, lead_in: &LazyCell<usize, impl FnOnce() -> usize>) -> bool {
    let marked = sentence.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '?' && c != '？').ends_with(['?', '？']);
    // Without its mark, a sentence that ends in "!" exclaims ("how have I never tried this!"),
    // and one whose lead-in is its subject ("@acme is the best") states. Where no opener
    // follows any lead-in (most sentences), neither part is looked for on its own.
    let unmarked = || {
        !sentence.trim_end().ends_with('!')
            && ((code_pattern(QUESTION_START).is_match(sentence.as_bytes())
                && opens_question(sentence, **lead_in)
                && !code_pattern(NOT_A_QUESTION).is_match(sentence.as_bytes()))
                || last_clause_asks(sentence))
    };
    // The cheap tests first: most sentences ask nothing, and are done with here.
    let asks = marked || unmarked() || code_pattern(QUESTION_TAG).is_match(sentence.as_bytes());
    asks && !code_pattern(NOT_ASKED).is_match(sentence.as_bytes())
        && (**lead_in == 0 || !code_pattern(NOT_ASKED).is_match(&sentence.as_bytes()[**lead_in..]))
}

/// Whether a question opens the sentence after its lead-in. A false start may be the
/// question itself, carried on after a filler ("do you, uh, keep…"): an opening is looked
/// for at each word of the lead-in too. (At 0 the rest is the sentence, which `is_question`
/// also finds no clause or exclamation.)
fn opens_question(sentence: &str, lead_in: usize) -> bool {
    let opens = |at: usize| {
        let rest = &sentence.as_bytes()[at..];
        code_pattern(QUESTION_OPENER).is_match(rest) && (at == 0 || !code_pattern(NOT_A_QUESTION).is_match(rest))
    };
    let mut word_starts = (0..lead_in).filter(|&at| at == 0 || sentence.as_bytes()[at - 1].is_ascii_whitespace());
    opens(lead_in) || word_starts.any(opens)
}

/// Whether the clause after a sentence's last comma (or, without one, its last "but") is a
/// direct question of at least three words: in chat the question often comes last,
/// unmarked, after what prompted it ("it says delivered but it's not here, what do I do").
fn last_clause_asks(sentence: &str) -> bool {
    let Some(clause) = sentence.rsplit_once(',').map(|(_, c)| c).or_else(|| sentence.rsplit_once(" but ").map(|(_, c)| c)) else {
        return false;
    };
    let clause = clause.trim();
    // Most clauses open with no question word: a look at the first letter spares the search.
    let may_ask = clause.bytes().next().is_some_and(|b| matches!(b.to_ascii_lowercase(), b'w' | b'h' | b'c' | b'i' | b'a' | b'd'));
    may_ask && clause.split_whitespace().count() >= 3 && code_pattern(CLOSING_QUESTION).is_match(clause.as_bytes())
}

/// Where a sentence's opening starts: openings are judged after what may come before them
/// ("so, @dana, what…").
fn lead_in(sentence: &str) -> usize {
    code_pattern(QUESTION_LEAD_IN).end(sentence.as_bytes()).unwrap_or(0)
}

/// A retweet ("RT @someone: …") carries someone else's words, questions included.
fn is_retweet(text: &str) -> bool {
    text.trim_start().starts_with("RT @")
}

/// Questions, genuine or hooks: whether a pitch follows decides, so this reads the other
/// rules' signals.
pub(crate) struct Questions;

impl CodeRule for Questions {
    fn rules(&self) -> &'static [&'static RuleInfo] {
        &[&QUESTION, &HOOK]
    }

    fn phase(&self) -> Phase {
        Phase::Openings
    }

    fn run(&self, draft: &Draft, signals: &mut Vec<Signal>) {
        questions(draft.text, signals);
    }
}

/// Adds a `question` or `hook-question` signal for each question in the text; `signals`
/// holds what the other rules found, which decides whether a question is a hook.
fn questions(text: &Text, signals: &mut Vec<Signal>) {
    if is_retweet(text.as_str()) {
        return;
    }
    // What the other rules found, read once a question turns up (most drafts ask none).
    let mut context = None;
    let read_context = || {
        let pitch = |s: &Signal| s.category().axis() == Axis::Pitch && s.severity >= Severity::Warning;
        // Sorted once; the other two are subsets of it.
        let pitches = Starts::of(signals, |s| pitch(s) || is_selling(s.category()));
        // What a plain question leads into must sell, and say so: a link or hashtags after it
        // are form, a hint ("easy to use") may be the asker's own wish.
        let selling = pitches.only(|s| pitch(s) && s.category() != Category::SpamForm);
        let calls = pitches.only(|s| s.category() == Category::CallToAction);
        let reading = Starts::of(signals, |s| s.rule.id == MEDIA_LINK.id || s.rule.id == LINK.id);
        (pitches, selling, calls, reading)
    };
    let sentences = text.sentences();
    // A question whose mark, or whole, lies inside quotation marks is someone else's.
    let quoted = |span: Span| text.quotes().iter().any(|q| q.start < span.end && span.end <= q.end);
    let (mut found, mut asking_for_help) = (Vec::new(), Vec::new());
    for (index, &span) in sentences.iter().enumerate() {
        let sentence = text.slice(span);
        let lead = LazyCell::new(|| lead_in(sentence));
        if !is_question(sentence, &lead) || quoted(span) {
            continue;
        }
        let (pitches, selling, calls, reading) = context.get_or_insert_with(read_context);
        // A question that carries a call to action is a request ("can you subscribe?");
        // one that names an offer is still a question ("do you get a discount?").
        if calls.any_within(span) {
            continue;
        }
        let reach_end = sentences.get(index + HOOK_REACH).or(sentences.last()).map_or(span.end, |s| s.end);
        let followed_by_pitch = selling.any_within(Span::new(span.end, reach_end));
        let after_all = pitches.any_within(Span::new(span.end, text.as_str().len()));
        let shaped_like_hook = || {
            code_pattern(HOOK_OPENER).is_match(sentence.as_bytes())
                || (*lead > 0 && code_pattern(HOOK_OPENER).is_match(&sentence.as_bytes()[*lead..]))
        };
        // Answered at once ("Why? Because…"), it was rhetorical: it opens nothing. So was
        // each question of a run the answer closes ("Is it a bird? Is it a plane? No, …").
        let answered = || {
            let mut after = sentences[index + 1..].iter().map(|next| text.slice(*next));
            let first_not_asking = after.find(|next| !is_question(next, &LazyCell::new(|| lead_in(next))));
            first_not_asking.is_some_and(|next| code_pattern(ANSWER_OPENER).is_match(next.as_bytes()))
        };
        // Followed by a link that sells nothing (an article, a video, a site), it is that
        // story's headline ("Is AI coming for your job? <link>"), unless it asks the readers
        // or someone named about it ("is this true? <link>", "@dana is it any good? <link>").
        // A link before its question mark is what it asks about ("is the site (<link>)
        // down?"); a headline's link comes after its mark, or after all of it unmarked.
        let headline = || {
            let asked_from = sentence.rfind(['?', '？']).map_or(span.start, |mark| span.start + mark);
            reading.any_within(Span::new(asked_from, reach_end))
                && !code_pattern(ASKS_ABOUT_SHARED).is_match(sentence.as_bytes())
                && !code_pattern(ADDRESSED).is_match(text.as_str().as_bytes())
        };
        // Whether it is shaped like a hook matters only where a pitch follows.
        let hook_shaped = (followed_by_pitch || after_all) && shaped_like_hook();
        if followed_by_pitch || hook_shaped {
            let weight = if hook_shaped { HOOK.weight } else { PLAIN_HOOK_WEIGHT };
            found.push(Signal { weight, ..Signal::new(&HOOK, span, None) });
        } else if !answered() && !headline() {
            found.push(Signal::new(&QUESTION, span, None));
            if code_pattern(REQUEST).is_match(sentence.as_bytes()) {
                asking_for_help.push(span);
            }
        }
    }
    // A question that asks for the best tool or app names what it wants, it claims nothing
    // ("what's the best app for sending money abroad?"); what it offers or urges still counts.
    if !asking_for_help.is_empty() {
        let asked = |s: &Signal| asking_for_help.iter().any(|q| q.start <= s.span.start && s.span.end <= q.end);
        signals.retain(|s| !(matches!(s.category(), Category::Hype | Category::SelfPromotion) && asked(s)));
    }
    // An invitation phrased as a question ("am I missing something?", "thoughts?") stays a
    // question too: it asks the reader, which is what a question finding says.
    signals.extend(found);
}

/// Where some signals start, sorted, so each range query is a binary search and long drafts
/// stay linear-ish.
struct Starts<'a>(Vec<&'a Signal>);

impl<'a> Starts<'a> {
    fn of(signals: &'a [Signal], keep: impl Fn(&Signal) -> bool) -> Starts<'a> {
        let mut starts: Vec<&Signal> = signals.iter().filter(|s| keep(s)).collect();
        starts.sort_unstable_by_key(|s| s.span.start);
        Starts(starts)
    }

    /// Those of them that `keep` keeps, still sorted.
    fn only(&self, keep: impl Fn(&Signal) -> bool) -> Starts<'a> {
        Starts(self.0.iter().copied().filter(|s| keep(s)).collect())
    }

    /// Whether one of them starts inside `range`.
    fn any_within(&self, range: Span) -> bool {
        let first = self.0.partition_point(|s| s.span.start < range.start);
        self.0.get(first).is_some_and(|s| s.span.start < range.end)
    }
}

fn is_selling(category: Category) -> bool {
    matches!(category, Category::CallToAction | Category::Offer | Category::SelfPromotion | Category::Urgency)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `question-start` stands in for the lead-in and the opener until it matches, so it
    /// must match every sentence where a question opens after the lead-in or inside it.
    #[test]
    fn question_start_matches_wherever_a_question_opens() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
        let mut texts: Vec<String> = [&QUESTION, &HOOK].iter().flat_map(|rule| rule.good.iter().chain(rule.bad.iter())).map(|t| t.to_string()).collect();
        for file in ["youtube-dev.jsonl", "tweets-brand-dev.jsonl", "swda-questions-dev.jsonl"] {
            let rows = std::fs::read_to_string(format!("{dir}/{file}")).expect("the dev corpus sits in ../shared/corpus");
            let row = |line: &str| serde_json::from_str::<serde_json::Value>(line).ok()?["text"].as_str().map(str::to_string);
            texts.extend(rows.lines().filter_map(row));
        }
        let (mut opening, mut checked) = (0, 0);
        for text in &texts {
            let text = Text::new(text);
            for &span in text.sentences() {
                let sentence = text.slice(span);
                checked += 1;
                if opens_question(sentence, lead_in(sentence)) {
                    opening += 1;
                    assert!(code_pattern(QUESTION_START).is_match(sentence.as_bytes()), "{sentence:?}");
                }
            }
        }
        assert!(opening > 1000, "only {opening} of {checked} sentences open a question");
    }
}
