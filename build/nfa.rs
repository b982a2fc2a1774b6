//! Compiling the patterns into the NFAs the matcher reads back (`automata`).

use regex_automata::nfa::thompson::{Compiler, Config, WhichCaptures, NFA};
use regex_automata::util::syntax;

use crate::{codec, encode};

/// The start of the store, which `automata` checks.
const MAGIC: &[u8; 4] = b"SOC1";

/// The flagged part of a match: a group with this name.
const FLAGGED_GROUP: &str = "m";

/// One pattern that matches wherever any of `alternatives` does, for the rule set (which
/// only asks whether a rule matches, so groups are left out).
pub fn union(alternatives: &[&str]) -> String {
    let unnamed: Vec<String> =
        alternatives.iter().map(|a| format!("(?:{})", a.replace(&format!("(?P<{FLAGGED_GROUP}>"), "("))).collect();
    unnamed.join("|")
}

/// The store: the rule set (one pattern per rule, `set`), then each entry (its
/// alternatives, one NFA pattern each) forward and reversed.
pub fn compile_store(set: &[String], entries: &[Vec<String>]) -> Result<Vec<u8>, String> {
    let mut out = MAGIC.to_vec();
    let set: Vec<&str> = set.iter().map(String::as_str).collect();
    encode(&compile(&set, Config::new().which_captures(WhichCaptures::None))?, &mut out)?;
    let mut encoded = Vec::new();
    for alternatives in entries {
        let alternatives: Vec<&str> = alternatives.iter().map(String::as_str).collect();
        let mut one = Vec::new();
        let mut forward = compile(&alternatives, Config::new().which_captures(WhichCaptures::All))?;
        let flags = forward.patterns().any(|p| forward.group_info().to_index(p, FLAGGED_GROUP).is_some());
        if !flags {
            // Without a flagged part the matcher runs only lazy DFAs, which need no groups at
            // all: a smaller NFA, quicker to read.
            forward = compile(&alternatives, Config::new().which_captures(WhichCaptures::None))?;
        }
        encode(&forward, &mut one)?;
        let reverse = compile(&alternatives, Config::new().reverse(true).which_captures(WhichCaptures::None))?;
        encode(&reverse, &mut one)?;
        encoded.push(one);
    }
    encode::write_varint(&mut out, encoded.len() as u64);
    for one in &encoded {
        encode::write_varint(&mut out, one.len() as u64);
    }
    encoded.iter().for_each(|one| out.extend(one));
    Ok(out)
}

/// Byte-level, case-insensitive, ASCII classes: see `pattern::expand`.
fn compile(patterns: &[&str], config: Config) -> Result<NFA, String> {
    let syntax = syntax::Config::new().unicode(false).utf8(false).case_insensitive(true);
    Compiler::new()
        .syntax(syntax)
        .configure(config.utf8(false).shrink(false))
        .build_many(patterns)
        .map_err(|e| format!("a pattern does not compile: {e}\n{}", patterns.join("\n")))
}

/// Appends an NFA, reading it back as it is written: what the store holds must be what
/// was compiled.
fn encode(nfa: &NFA, out: &mut Vec<u8>) -> Result<(), String> {
    let from = out.len();
    encode::encode(nfa, out);
    let mut written = &out[from..];
    match codec::decode(&mut written) {
        Ok(back) if format!("{back:?}") == format!("{nfa:?}") && written.is_empty() => Ok(()),
        Ok(_) => Err("an NFA reads back different from what was written".to_string()),
        Err(e) => Err(e.to_string()),
    }
}
