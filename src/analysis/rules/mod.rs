//! Rules: the data table, compiled once, and the few rules that need code.
//!
//! Each rule turns text into [`Signal`]s. Table rules are matched together through one
//! [`RegexSet`] pass; only the rules it reports are run again to find their spans, so the
//! cost of a draft is one linear scan plus the work for what it actually contains.

mod hashtags;
mod links;
mod opening;
mod questions;
mod shouting;
mod table;

use std::sync::OnceLock;

use regex::{Regex, RegexSet};

use super::report::{Category, Severity, Span, Suggestion};
use super::text::Text;

pub(crate) use links::{LINK_ID, MEDIA_LINK_ID, PROMO_LINK_ID};
pub(crate) use opening::{no_opening, ID as NO_OPENING_ID};
pub(crate) use questions::questions;
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

/// White space as Unicode defines it, spelled out so that no Unicode tables are needed.
const SPACE: &str = r"\t\n\x0B\x0C\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}";

/// Turns a table pattern into the regex it stands for (see the table's header).
///
/// Perl classes are spelled out (`\s` as Unicode white space, `\d` and `\w` as ASCII) so
/// that the WebAssembly build carries no Unicode class tables.
pub(crate) fn expand_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() * 2 + 4);
    out.push_str("(?i)");
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') => out.push_str(r"(?-u:\b)"),
                Some('s') => out.push_str(&format!("[{SPACE}]")),
                Some('S') => out.push_str(&format!("[^{SPACE}]")),
                Some('d') => out.push_str("[0-9]"),
                Some('w') => out.push_str("[0-9A-Za-z_]"),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '\'' => out.push_str("['’]"),
            _ => out.push(c),
        }
    }
    out
}

struct CompiledTable {
    set: RegexSet,
    /// One regex per rule, and its `unless` regex, compiled the first time that rule matches.
    regexes: Vec<OnceLock<(Regex, Option<Regex>)>>,
}

fn compiled() -> &'static CompiledTable {
    static TABLE: OnceLock<CompiledTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let patterns: Vec<String> = RULES.iter().map(|rule| expand_pattern(rule.pattern)).collect();
        // The table is fixed at compile time and `tests/rules.rs` compiles every pattern,
        // so a failure here is a bug in the table, caught before any release.
        let set = regex::RegexSetBuilder::new(&patterns)
            .size_limit(64 << 20)
            .dfa_size_limit(16 << 20)
            .build()
            .expect("rule table patterns compile");
        CompiledTable { set, regexes: RULES.iter().map(|_| OnceLock::new()).collect() }
    })
}

fn rule_regex(index: usize) -> &'static (Regex, Option<Regex>) {
    compiled().regexes[index].get_or_init(|| {
        let build = |pattern: &str| {
            regex::RegexBuilder::new(&expand_pattern(pattern)).size_limit(64 << 20).build().expect("rule table patterns compile")
        };
        let rule = &RULES[index];
        (build(rule.pattern), (!rule.unless.is_empty()).then(|| build(rule.unless)))
    })
}

/// Compiles the table now rather than on the first analysis.
pub(crate) fn warm_up() {
    compiled();
}

/// Runs every table rule over the text.
pub(crate) fn match_table(text: &Text, is_reply: bool, signals: &mut Vec<Signal>) {
    let table = compiled();
    for index in table.set.matches(text.as_str()).iter() {
        let rule = &RULES[index];
        if rule.scope == Scope::Reply && !is_reply {
            continue;
        }
        let (regex, unless) = rule_regex(index);
        for caps in regex.captures_iter(text.as_str()) {
            let whole = caps.get(0).expect("group 0 always participates");
            let narrowed = caps.name("m").or_else(|| caps.name("x")).unwrap_or(whole);
            if narrowed.is_empty() || unless.as_ref().is_some_and(|u| u.is_match(narrowed.as_str())) {
                continue;
            }
            signals.push(Signal::from_rule(rule, Span::new(narrowed.start(), narrowed.end())));
        }
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
