//! Compiling the patterns into the NFAs the matcher reads back (`automata`).

use regex_automata::nfa::thompson::{Compiler, Config, WhichCaptures, NFA};
use regex_automata::util::syntax;
use regex_syntax::hir::{Hir, HirKind};

use crate::{codec, encode, fold};

/// The start of the store, which `automata` checks.
const MAGIC: &[u8; 4] = b"SOC2";

/// The flagged part of a match: a group with this name.
const FLAGGED_GROUP: &str = "m";

/// How long, at least, a match of the rule set's cut-down pattern is (see [`beginning`]).
/// Shorter beginnings make the set smaller but let more rules run for nothing: at 8 bytes a
/// megabyte of comments ran 10,253 rules over their chunks, at 12 bytes 7,756, which took a
/// quarter off the rules' own searches and cost the set nothing measurable.
const SET_MIN_LEN: usize = 12;

/// For the rule set, one pattern that matches wherever any of `alternatives` does: each
/// cut down to its [`beginning`]. The set only picks the rules to run over a chunk, which
/// then find their own matches, so matching more than the rule costs a run and changes no
/// result, while a set of beginnings has far fewer states to read at start and to explore.
pub fn set_pattern(alternatives: &[String]) -> Result<Hir, String> {
    let syntax = syntax_config();
    alternatives
        .iter()
        .map(|a| syntax::parse_with(a, &syntax).map(beginning).map_err(|e| format!("a pattern does not compile: {e}\n{a}")))
        .collect::<Result<Vec<_>, _>>()
        .map(|beginnings| factored(beginnings.into_iter().map(pieces).collect()))
}

/// A pattern's pieces in order: each byte of a literal is a piece of its own, so that
/// alternatives can share the bytes they begin with.
fn pieces(hir: Hir) -> Vec<Hir> {
    match hir.kind() {
        HirKind::Concat(parts) => parts.iter().cloned().flat_map(pieces).collect(),
        HirKind::Literal(literal) => literal.0.iter().map(|&b| Hir::literal([b])).collect(),
        HirKind::Capture(capture) => pieces(capture.sub.as_ref().clone()),
        _ => vec![hir],
    }
}

/// One pattern for alternatives given as pieces, with the pieces they begin with in common
/// taken out front (`free trial|free gift` is `free (?:trial|gift)`). The lazy DFA adds the
/// start of every alternative to each state it builds, so the fewer starts, the smaller and
/// quicker to build its states. An alternative that is a beginning of another makes the
/// other's rest needless: the set only asks whether some alternative may match.
fn factored(alternatives: Vec<Vec<Hir>>) -> Hir {
    let mut groups: Vec<(Hir, Vec<Vec<Hir>>)> = Vec::new();
    for mut alternative in alternatives {
        if alternative.is_empty() {
            return Hir::empty();
        }
        let first = alternative.remove(0);
        match groups.iter_mut().find(|(piece, _)| *piece == first) {
            Some((_, rests)) => rests.push(alternative),
            None => groups.push((first, vec![alternative])),
        }
    }
    Hir::alternation(groups.into_iter().map(|(first, rests)| Hir::concat(vec![first, factored(rests)])).collect())
}

/// The shortest run of a pattern's first pieces whose matches are at least `SET_MIN_LEN`
/// bytes long: every match of the pattern starts with a match of it.
fn beginning(hir: Hir) -> Hir {
    match hir.kind() {
        HirKind::Concat(parts) => (1..parts.len())
            .map(|len| Hir::concat(parts[..len].to_vec()))
            .find(|cut| cut.properties().minimum_len().is_some_and(|len| len >= SET_MIN_LEN))
            .unwrap_or(hir),
        HirKind::Capture(capture) => beginning(capture.sub.as_ref().clone()),
        HirKind::Alternation(branches) => Hir::alternation(branches.iter().cloned().map(beginning).collect()),
        _ => hir,
    }
}

/// The store: the rule set (one pattern per rule, `set`; folded, see `fold.rs`), then
/// each entry (its alternatives, one NFA pattern each): whether every match ends at the end
/// of the text, and the forward NFA. The reverse NFA is derived from it when the entry is
/// read (`automata/reverse.rs`); the compiled ones are returned apart, for a test that
/// checks the derived ones find the same matches.
pub fn compile_store(set: &[Hir], entries: &[Vec<String>]) -> Result<(Vec<u8>, Vec<u8>), String> {
    let mut out = MAGIC.to_vec();
    let set_nfa = Compiler::new()
        .configure(Config::new().which_captures(WhichCaptures::None).utf8(false).shrink(false))
        .build_many_from_hir(set)
        .map_err(|e| format!("the rule set does not compile: {e}"))?;
    encode(&fold::folded(&set_nfa)?, &mut out)?;
    let mut encoded = Vec::new();
    let mut reverses = Vec::new();
    for alternatives in entries {
        let alternatives: Vec<&str> = alternatives.iter().map(String::as_str).collect();
        let mut forward = compile(&alternatives, Config::new().which_captures(WhichCaptures::All))?;
        let flags = forward.patterns().any(|p| forward.group_info().to_index(p, FLAGGED_GROUP).is_some());
        if !flags {
            // Without a flagged part the matcher runs only lazy DFAs, which need no groups at
            // all: a smaller NFA, quicker to read.
            forward = compile(&alternatives, Config::new().which_captures(WhichCaptures::None))?;
        }
        let reverse = compile(&alternatives, Config::new().reverse(true).which_captures(WhichCaptures::None))?;
        let mut one = vec![u8::from(reverse.is_always_start_anchored())];
        encode(&forward, &mut one)?;
        encoded.push(one);
        encode(&reverse, &mut reverses)?;
    }
    encode::write_varint(&mut out, encoded.len() as u64);
    for one in &encoded {
        encode::write_varint(&mut out, one.len() as u64);
    }
    encoded.iter().for_each(|one| out.extend(one));
    Ok((out, reverses))
}

/// Byte-level, case-insensitive, ASCII classes: see `pattern::expand`.
fn syntax_config() -> syntax::Config {
    syntax::Config::new().unicode(false).utf8(false).case_insensitive(true)
}

/// Compiles `patterns` as one NFA, a pattern each.
fn compile(patterns: &[&str], config: Config) -> Result<NFA, String> {
    Compiler::new()
        .syntax(syntax_config())
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
