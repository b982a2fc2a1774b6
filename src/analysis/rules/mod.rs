//! Rules: the data table, compiled once, and the few rules that need code.
//!
//! Each rule turns text into [`Signal`]s. Table rules are matched together through one
//! pass of the rule set; only the rules it reports are run again to find their spans, so
//! the cost of a draft is one linear scan plus the work for what it actually contains.
//! The patterns are compiled ahead of time (see `automata`).

mod hashtags;
mod links;
mod opening;
mod questions;
mod shouting;
mod table;

use super::automata;
use super::report::{Category, Severity, Span, Suggestion};
use super::text::Text;

pub(crate) use links::{LINK_ID, MEDIA_LINK_ID, PROMO_LINK_ID, URL as URL_PATTERN};
pub(crate) use opening::{no_opening, ID as NO_OPENING_ID};
pub(crate) use questions::{questions, HOOK_OPENER as HOOK_OPENER_PATTERN, OPENER as QUESTION_OPENER_PATTERN};
pub(crate) use table::RULES;

/// Where a rule applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    /// In new posts and replies.
    Any,
    /// Only in replies.
    Reply,
}

/// A suggestion as written in the table.
#[derive(Clone, Copy, Debug)]
pub(crate) enum SuggestionDef {
    Replace(&'static str),
    Insert(&'static str),
}

impl SuggestionDef {
    pub(crate) fn build(self) -> Suggestion {
        match self {
            SuggestionDef::Replace(text) => Suggestion::Replace { text: text.to_string() },
            SuggestionDef::Insert(text) => Suggestion::Insert { text: text.to_string() },
        }
    }
}

/// One row of the rule table.
#[derive(Debug)]
pub(crate) struct Rule {
    pub id: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// How much one match moves its axis's score, from 0 to 100.
    pub weight: u8,
    pub scope: Scope,
    pub pattern: &'static str,
    /// Matches whose flagged words match this pattern too are dropped ("" for none).
    pub unless: &'static str,
    pub message: &'static str,
    pub suggestion: Option<SuggestionDef>,
    /// Texts this rule must not match.
    pub good: &'static [&'static str],
    /// Texts this rule must match.
    pub bad: &'static [&'static str],
}

/// What any rule, table or code, reports before scoring.
#[derive(Clone, Debug)]
pub(crate) struct Signal {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub weight: u8,
    pub message: &'static str,
    pub suggestion: Option<Suggestion>,
    pub span: Span,
}

impl Signal {
    pub(crate) fn from_rule(rule: &Rule, span: Span) -> Signal {
        Signal {
            rule: rule.id,
            category: rule.category,
            severity: rule.severity,
            weight: rule.weight,
            message: rule.message,
            suggestion: rule.suggestion.map(SuggestionDef::build),
            span,
        }
    }
}

/// White space: ASCII, and the no-break space that editors insert.
#[cfg(not(target_arch = "wasm32"))]
const SPACE: &str = r"(?:[\t\n\x0B\x0C\r ]|\xC2\xA0)";

/// Turns a table pattern into the regex it stands for (see the table's header).
///
/// Patterns are matched on bytes with Unicode mode off: case folding, `\b`, `\s`, `\d` and
/// `\w` are ASCII, which keeps the automata small and fast and the WebAssembly build free of
/// Unicode tables. Non-ASCII text is matched by its UTF-8 bytes, so a non-ASCII character
/// in a class becomes an alternative, and `\x{…}` above ASCII becomes the character.
/// Only the ahead-of-time compilation (`automata::generate`) needs it.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn expand_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('s') => out.push_str(SPACE),
                Some('x') if chars.peek() == Some(&'{') => {
                    let hex: String = chars.by_ref().skip(1).take_while(|&h| h != '}').collect();
                    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        Some(ch) if !ch.is_ascii() => {
                            out.push_str("(?:");
                            out.push(ch);
                            out.push(')');
                        }
                        _ => {
                            out.push_str(r"\x{");
                            out.push_str(&hex);
                            out.push('}');
                        }
                    }
                }
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '\'' => out.push_str("(?:'|’)"),
            '[' => {
                let mut class = String::from("[");
                let mut others: Vec<char> = Vec::new();
                let negated = chars.peek() == Some(&'^');
                // A `]` right after `[` or `[^` is a literal bracket, not the end.
                let mut items = 0;
                while let Some(k) = chars.next() {
                    items += usize::from(k != '^' || items > 0 || !negated);
                    match k {
                        ']' if items > 1 => break,
                        '\\' => {
                            class.push('\\');
                            class.extend(chars.next());
                        }
                        '\'' => {
                            class.push('\'');
                            others.push('’');
                        }
                        k if !k.is_ascii() => others.push(k),
                        k => class.push(k),
                    }
                }
                class.push(']');
                if others.is_empty() {
                    out.push_str(&class);
                } else if negated {
                    // Not expressible as alternatives: left as written, it fails to compile,
                    // which the table's tests report.
                    class.pop();
                    class.extend(others);
                    class.push(']');
                    out.push_str(&class);
                } else {
                    out.push_str("(?:");
                    if class != "[]" {
                        out.push_str(&class);
                        out.push('|');
                    }
                    let alternatives: Vec<String> = others.iter().map(char::to_string).collect();
                    out.push_str(&alternatives.join("|"));
                    out.push(')');
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Chunks of about this many bytes, cut at sentence ends, are what the table is run over.
const CHUNK_BYTES: usize = 512;

/// Runs every table rule over the text.
///
/// The rule set is asked, chunk by chunk, which rules match there; only those rules are run
/// again over that chunk to find their spans. Each byte is thus scanned by the set once and
/// by a rule only where the rule matches, which keeps long drafts as cheap per byte as short
/// ones. Chunks end at sentence ends, so `^`, `\b` and the patterns' sentence-start
/// alternatives see the same context they would in the whole text.
pub(crate) fn match_table(text: &Text, is_reply: bool, signals: &mut Vec<Signal>) {
    let whole = text.as_str();
    let sentences = text.sentences();
    let mut chunk_start = 0;
    for (index, sentence) in sentences.iter().enumerate() {
        let chunk_end = match sentences.get(index + 1) {
            None => whole.len(),
            Some(_) if sentence.end - chunk_start < CHUNK_BYTES => continue,
            Some(next) => next.start,
        };
        match_chunk(whole, chunk_start, chunk_end, is_reply, signals);
        chunk_start = chunk_end;
    }
}

fn match_chunk(whole: &str, start: usize, end: usize, is_reply: bool, signals: &mut Vec<Signal>) {
    let chunk = &whole.as_bytes()[start..end];
    for index in automata::rule_set().matches(chunk) {
        let rule = &RULES[index];
        if rule.scope == Scope::Reply && !is_reply {
            continue;
        }
        let unless = automata::unless(index);
        automata::rule(index).for_each_flagged(chunk, |found| {
            let span = Span::new(start + found.start, start + found.end);
            // Byte matching could in principle stop inside a character; such a match is
            // dropped rather than reported with a span that cannot be sliced.
            let sound = whole.is_char_boundary(span.start) && whole.is_char_boundary(span.end);
            if sound && !found.is_empty() && !unless.is_some_and(|u| u.is_match(&chunk[found])) {
                signals.push(Signal::from_rule(rule, span));
            }
        });
    }
}

/// Runs the rules that need code.
pub(crate) fn match_code(text: &Text, signals: &mut Vec<Signal>) {
    shouting::shouting(text, signals);
    hashtags::hashtags(text, signals);
    links::links(text, signals);
}

/// Whether one table rule matches somewhere in `text` (for the table's own tests).
#[doc(hidden)]
pub fn table_rule_matches(id: &str, text: &str) -> Option<bool> {
    RULES.iter().position(|rule| rule.id == id)?;
    let mut signals = Vec::new();
    match_table(&Text::new(text), true, &mut signals);
    Some(signals.iter().any(|s| s.rule == id))
}
