//! The rule set for lower-cased text: the matcher lowers the ASCII letters of a chunk
//! before asking the set (`RuleSet::matches`), so the set's NFA needs no upper-case
//! transitions.
//!
//! `[Aa]`, the commonest state of the case-insensitive patterns, is a sparse state of two
//! transitions, and reading one back costs two allocations; lowered it is one byte range,
//! which costs none. Without upper-case bytes the lazy DFA also has fewer byte classes, so
//! its states are smaller.
//!
//! Every transition on a byte goes, lowered, on the byte's lower case: wherever the set
//! matches a text, the lowered set matches the lowered text (it may match more, where a
//! pattern asked for one case only, `(?-i:…)`; the set only picks the rules to run, which
//! find their own matches, so that changes no result).

use regex_automata::nfa::thompson::{self, State, Transition, NFA};
use regex_automata::util::primitives::StateID;

/// `nfa` with every transition moved to the lower case of its bytes.
pub fn lowered(nfa: &NFA) -> Result<NFA, String> {
    let error = |e: thompson::BuildError| format!("the lowered rule set does not build: {e}");
    let len = nfa.states().len();
    let mut builder = thompson::Builder::new();
    builder.set_reverse(nfa.is_reverse());
    builder.set_utf8(false);
    // States added after the NFA's own: the two halves of a state whose transitions on a
    // letter's two cases go to different states (none in today's rules).
    let mut halves: Vec<Vec<Transition>> = Vec::new();
    let mut open: Option<usize> = None;
    let mut started = 0;
    for (id, state) in nfa.states().iter().enumerate() {
        let added = match state {
            State::ByteRange { trans } => lower(&mut builder, &[*trans], len, &mut halves),
            State::Sparse(sparse) => lower(&mut builder, &sparse.transitions, len, &mut halves),
            State::Dense(dense) => {
                let transitions: Vec<Transition> = (0..=255u8)
                    .zip(dense.transitions.iter())
                    .filter(|(_, next)| **next != StateID::ZERO)
                    .map(|(byte, &next)| Transition { start: byte, end: byte, next })
                    .collect();
                lower(&mut builder, &transitions, len, &mut halves)
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
            return Err("a lowered state has another id".to_string());
        }
    }
    for half in halves {
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

/// Adds the state with `transitions` lowered, or, when a letter's two cases lead to
/// different states, a union of two new states: the transitions on other bytes, and those
/// on upper-case letters, lowered.
fn lower(
    builder: &mut thompson::Builder,
    transitions: &[Transition],
    len: usize,
    halves: &mut Vec<Vec<Transition>>,
) -> Result<StateID, thompson::BuildError> {
    let mut other = [None; 256];
    let mut upper = [None; 256];
    for t in transitions {
        for byte in t.start..=t.end {
            if byte.is_ascii_uppercase() {
                upper[usize::from(byte.to_ascii_lowercase())] = Some(t.next);
            } else {
                other[usize::from(byte)] = Some(t.next);
            }
        }
    }
    let clash = other.iter().zip(&upper).any(|(o, u)| matches!((o, u), (Some(o), Some(u)) if o != u));
    if clash {
        let first = StateID::new_unchecked(len + halves.len());
        halves.push(ranges(&other));
        halves.push(ranges(&upper));
        return builder.add_union(vec![first, StateID::new_unchecked(first.as_usize() + 1)]);
    }
    let merged: Vec<Option<StateID>> = other.iter().zip(&upper).map(|(o, u)| o.or(*u)).collect();
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
