//! The rule set for folded text: the matcher folds the bytes of a chunk before asking the
//! set (`RuleSet::matches`, with `src/analysis/automata/alphabet.rs`), so the set's NFA is
//! built here on folded bytes.
//!
//! Every transition on a byte goes on the byte's fold: wherever the set matches a text, the
//! folded set matches the folded text (it may match more: where a pattern asked for one
//! case, `(?-i:…)`, one digit or one accented letter). The set only picks the rules to run,
//! which find their own matches, so that changes no result. What it buys: no upper-case
//! transitions (`[Aa]`, the commonest state of the case-insensitive patterns, is a sparse
//! state that costs two allocations to read back; folded it is one byte range), and an
//! alphabet small enough for the lazy DFA's rows to be 64 wide instead of 128.

use regex_automata::nfa::thompson::{self, State, Transition, NFA};
use regex_automata::util::primitives::StateID;

/// `nfa` with every transition moved to the fold of its bytes.
pub fn folded(nfa: &NFA) -> Result<NFA, String> {
    let error = |e: thompson::BuildError| format!("the folded rule set does not build: {e}");
    let len = nfa.states().len();
    let mut builder = thompson::Builder::new();
    builder.set_reverse(nfa.is_reverse());
    builder.set_utf8(false);
    // States added after the NFA's own: the parts of a state whose transitions on bytes that
    // fold together go to different states.
    let mut parts: Vec<Vec<Transition>> = Vec::new();
    let mut open: Option<usize> = None;
    let mut started = 0;
    for (id, state) in nfa.states().iter().enumerate() {
        let added = match state {
            State::ByteRange { trans } => fold(&mut builder, &[*trans], len, &mut parts),
            State::Sparse(sparse) => fold(&mut builder, &sparse.transitions, len, &mut parts),
            State::Dense(dense) => {
                let transitions: Vec<Transition> = (0..=255u8)
                    .zip(dense.transitions.iter())
                    .filter(|(_, next)| **next != StateID::ZERO)
                    .map(|(byte, &next)| Transition { start: byte, end: byte, next })
                    .collect();
                fold(&mut builder, &transitions, len, &mut parts)
            }
            State::Look { look, next } => builder.add_look(*next, *look),
            State::Union { alternates } => builder.add_union(alternates.to_vec()),
            State::BinaryUnion { alt1, alt2 } => builder.add_union(vec![*alt1, *alt2]),
            State::Capture { .. } => return Err("the rule set has no groups".to_string()),
            State::Fail => builder.add_fail(),
            State::Match { pattern_id } => {
                // As in `codec::decode`: patterns are opened in order, each for its states.
                while open != Some(pattern_id.as_usize()) {
                    if let Some(pattern) = open.take() {
                        builder.finish_pattern(start(nfa, pattern)).map_err(error)?;
                    }
                    builder.start_pattern().map_err(error)?;
                    open = Some(started);
                    started += 1;
                    if started > nfa.pattern_len() {
                        return Err("the rule set's patterns are out of order".to_string());
                    }
                }
                builder.add_match()
            }
        }
        .map_err(error)?;
        if added.as_usize() != id {
            return Err("a folded state has another id".to_string());
        }
    }
    for half in parts {
        add(&mut builder, half).map_err(error)?;
    }
    while started < nfa.pattern_len() {
        if let Some(pattern) = open.take() {
            builder.finish_pattern(start(nfa, pattern)).map_err(error)?;
        }
        builder.start_pattern().map_err(error)?;
        open = Some(started);
        started += 1;
    }
    if let Some(pattern) = open {
        builder.finish_pattern(start(nfa, pattern)).map_err(error)?;
    }
    builder.build(nfa.start_anchored(), nfa.start_unanchored()).map_err(error)
}

fn start(nfa: &NFA, pattern: usize) -> StateID {
    nfa.start_pattern(regex_automata::PatternID::new_unchecked(pattern)).expect("every pattern has a start")
}

/// Adds the state with `transitions` folded, or, when bytes that fold together lead to
/// different states, a union of new states, one per next state.
fn fold(
    builder: &mut thompson::Builder,
    transitions: &[Transition],
    len: usize,
    parts: &mut Vec<Vec<Transition>>,
) -> Result<StateID, thompson::BuildError> {
    let mut nexts: Vec<StateID> = Vec::new();
    let mut by_next: Vec<[bool; 256]> = Vec::new();
    let mut merged = [None; 256];
    let mut clash = false;
    for t in transitions {
        for byte in t.start..=t.end {
            let folded = usize::from(crate::alphabet::fold(byte));
            match merged[folded] {
                Some(next) if next != t.next => clash = true,
                _ => merged[folded] = Some(t.next),
            }
            let at = nexts.iter().position(|n| *n == t.next).unwrap_or_else(|| {
                nexts.push(t.next);
                by_next.push([false; 256]);
                nexts.len() - 1
            });
            by_next[at][folded] = true;
        }
    }
    // A byte no fold yields goes where the byte before it goes: the text never holds one,
    // and so it adds no class of its own to the DFA's alphabet.
    for byte in 1..256 {
        if usize::from(crate::alphabet::fold(byte as u8)) == byte {
            continue;
        }
        let from = byte - 1;
        merged[byte] = merged[from];
        for bytes in &mut by_next {
            bytes[byte] = bytes[from];
        }
    }
    if clash {
        let first = len + parts.len();
        for (next, bytes) in nexts.iter().zip(&by_next) {
            let one: Vec<Option<StateID>> = bytes.iter().map(|&b| b.then_some(*next)).collect();
            parts.push(ranges(&one));
        }
        return builder.add_union((first..first + nexts.len()).map(StateID::new_unchecked).collect());
    }
    add(builder, ranges(&merged))
}

fn add(builder: &mut thompson::Builder, transitions: Vec<Transition>) -> Result<StateID, thompson::BuildError> {
    match transitions.as_slice() {
        [] => builder.add_fail(),
        [one] => builder.add_range(*one),
        _ => builder.add_sparse(transitions),
    }
}

/// Byte ranges, in order, of bytes with the same next state.
fn ranges(next: &[Option<StateID>]) -> Vec<Transition> {
    let mut out: Vec<Transition> = Vec::new();
    for (byte, next) in next.iter().enumerate() {
        let Some(next) = *next else { continue };
        let byte = byte as u8;
        match out.last_mut() {
            Some(last) if last.next == next && last.end.checked_add(1) == Some(byte) => last.end = byte,
            _ => out.push(Transition { start: byte, end: byte, next }),
        }
    }
    out
}
