//! Writing NFAs in the byte form that `src/analysis/automata/codec.rs` reads back (its
//! header describes the form).

use regex_automata::nfa::thompson::{self, Transition, NFA};
use regex_automata::util::primitives::StateID;

use crate::codec::{is_short, BYTE, BYTE_RANGE, CAPTURE_END, CAPTURE_START, CASE_PAIR, FAIL, LOOK, MATCH, PLAIN_LETTERS, REVERSE, SPARSE, UNION};

/// Appends `nfa` to `out`.
pub(crate) fn encode(nfa: &NFA, out: &mut Vec<u8>) {
    use thompson::State;

    let put = |out: &mut Vec<u8>, value: u64| write_varint(out, value);
    let put_id = |out: &mut Vec<u8>, from: usize, to: StateID| write_varint(out, zigzag(to.as_usize() as i64 - from as i64));
    let plain_letters = !nfa.states().iter().any(|s| matches!(s, State::Sparse(sparse) if case_pair(&sparse.transitions).is_some()));
    out.push(if nfa.is_reverse() { REVERSE } else { 0 } | if plain_letters { PLAIN_LETTERS } else { 0 });
    put(out, nfa.pattern_len() as u64);
    put(out, nfa.states().len() as u64);
    put_id(out, 0, nfa.start_anchored());
    put_id(out, 0, nfa.start_unanchored());
    for pattern in nfa.patterns() {
        put_id(out, 0, nfa.start_pattern(pattern).expect("every pattern has a start"));
    }
    let groups = nfa.group_info();
    let ranges = |out: &mut Vec<u8>, id: usize, transitions: &mut dyn Iterator<Item = Transition>| {
        let transitions: Vec<Transition> = transitions.collect();
        put(out, transitions.len() as u64);
        for t in transitions {
            out.extend([t.start, t.end]);
            put_id(out, id, t.next);
        }
    };
    for (id, state) in nfa.states().iter().enumerate() {
        match state {
            State::ByteRange { trans } if trans.start == trans.end && trans.next.as_usize() == id + 1 && is_short(trans.start, plain_letters) => {
                out.push(trans.start);
            }
            State::ByteRange { trans } if trans.start == trans.end => {
                out.extend([BYTE, trans.start]);
                put_id(out, id, trans.next);
            }
            State::ByteRange { trans } => {
                out.extend([BYTE_RANGE, trans.start, trans.end]);
                put_id(out, id, trans.next);
            }
            State::Sparse(sparse) => match case_pair(&sparse.transitions) {
                Some((lower, next)) if next.as_usize() == id + 1 => out.push(lower),
                Some((lower, next)) => {
                    out.extend([CASE_PAIR, lower]);
                    put_id(out, id, next);
                }
                None => {
                    out.push(SPARSE);
                    ranges(out, id, &mut sparse.transitions.iter().copied());
                }
            },
            State::Dense(dense) => {
                // Written as the ranges it stands for; read back, it is a sparse state.
                out.push(SPARSE);
                let mut merged: Vec<Transition> = Vec::new();
                for (byte, &next) in dense.transitions.iter().enumerate() {
                    if next == StateID::ZERO {
                        continue;
                    }
                    match merged.last_mut() {
                        Some(last) if last.next == next && usize::from(last.end) + 1 == byte => last.end = byte as u8,
                        _ => merged.push(Transition { start: byte as u8, end: byte as u8, next }),
                    }
                }
                ranges(out, id, &mut merged.into_iter());
            }
            State::Look { look, next } => {
                out.push(LOOK);
                put(out, u64::from(look.as_repr()));
                put_id(out, id, *next);
            }
            State::Union { alternates } => {
                out.push(UNION);
                put(out, alternates.len() as u64);
                alternates.iter().for_each(|&alt| put_id(out, id, alt));
            }
            State::BinaryUnion { alt1, alt2 } => {
                out.push(UNION);
                put(out, 2);
                put_id(out, id, *alt1);
                put_id(out, id, *alt2);
            }
            State::Capture { next, pattern_id, group_index, slot } => {
                let group = group_index.as_usize();
                let starts = groups.slot(*pattern_id, group) == Some(slot.as_usize());
                out.push(if starts { CAPTURE_START } else { CAPTURE_END });
                put(out, pattern_id.as_u64());
                put(out, group as u64);
                put_id(out, id, *next);
                if starts {
                    let name = groups.to_name(*pattern_id, group).unwrap_or("");
                    put(out, name.len() as u64);
                    out.extend(name.as_bytes());
                }
            }
            State::Fail => out.push(FAIL),
            State::Match { pattern_id } => {
                out.push(MATCH);
                put(out, pattern_id.as_u64());
            }
        }
    }
}

/// `[Aa]`: a letter's two cases and nothing else, both to the same state.
fn case_pair(transitions: &[Transition]) -> Option<(u8, StateID)> {
    match transitions {
        [upper, lower]
            if upper.start == upper.end
                && lower.start == lower.end
                && upper.next == lower.next
                && lower.start.is_ascii_lowercase()
                && upper.start == lower.start.to_ascii_uppercase() =>
        {
            Some((lower.start, lower.next))
        }
        _ => None,
    }
}

pub(crate) fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)) as u64
}
