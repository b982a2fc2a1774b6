//! Reverse NFAs, derived from the forward ones when an entry is first read: the store holds
//! each entry forward only, which takes two fifths off it.
//!
//! A reverse NFA matches the reverse of what its forward NFA matches; the lazy DFA built on
//! it finds where a match starts, read back from where it ends. Turning every edge of a
//! pattern's states around gives one, with each look-around assertion turned to face the
//! other way (`$` becomes `^`, as the compiler does it) and groups as plain epsilon edges
//! (a reverse search records none).

use regex_automata::nfa::thompson::{self, State, Transition, NFA};
use regex_automata::util::look::Look;
use regex_automata::util::primitives::StateID;

use super::codec::DecodeError;

/// How an edge is taken.
#[derive(Clone, Copy)]
enum Edge {
    Bytes(u8, u8),
    Free,
    Look(Look),
}

/// `forward` with every pattern read backwards, as the compiler builds it with
/// `reverse(true)` and no groups. `ends_at_end`: every match ends where the text does, so,
/// as from the compiler, the reverse has no unanchored start.
pub(crate) fn reversed(forward: &NFA, ends_at_end: bool) -> Result<NFA, DecodeError> {
    let states = forward.states();
    let incoming = Incoming::new(states);
    let mut builder = thompson::Builder::new();
    builder.set_reverse(true);
    builder.set_utf8(false);
    // Each forward state's counterpart: a union of its turned-around edges.
    let mut counterpart = vec![StateID::ZERO; states.len()];
    // Which pattern each state belongs to (patterns share no states).
    let mut owner = vec![usize::MAX; states.len()];
    let mut members = Vec::new();
    let mut bytes = Vec::new();
    let mut starts = Vec::with_capacity(forward.pattern_len());
    for pattern in forward.patterns() {
        let start = forward.start_pattern(pattern).ok_or(DecodeError("a pattern without a start"))?;
        reachable(states, start, pattern.as_usize(), &mut owner, &mut members);
        builder.start_pattern()?;
        for &id in &members {
            counterpart[id] = builder.add_union(Vec::new())?;
        }
        let accept = builder.add_match()?;
        builder.patch(counterpart[start.as_usize()], accept)?;
        let mut end = None;
        for &id in &members {
            if matches!(states[id], State::Match { .. }) {
                end = Some(counterpart[id]);
            }
            bytes.clear();
            for &(from, edge) in incoming.of(id).iter().filter(|(from, _)| owner[*from] == pattern.as_usize()) {
                let next = counterpart[from];
                match edge {
                    Edge::Bytes(low, high) => bytes.push(Transition { start: low, end: high, next }),
                    Edge::Free => builder.patch(counterpart[id], next)?,
                    Edge::Look(look) => {
                        let look = builder.add_look(next, look.reversed())?;
                        builder.patch(counterpart[id], look)?;
                    }
                }
            }
            bytes.sort_unstable_by_key(|t| (t.start, t.end));
            if bytes.windows(2).all(|pair| pair[0].end < pair[1].start) {
                if !bytes.is_empty() {
                    let sparse = builder.add_sparse(bytes.clone())?;
                    builder.patch(counterpart[id], sparse)?;
                }
            } else {
                for &transition in &bytes {
                    let range = builder.add_range(transition)?;
                    builder.patch(counterpart[id], range)?;
                }
            }
        }
        // A pattern always reaches its match state; without one it matches nothing.
        let end = match end {
            Some(end) => end,
            None => builder.add_fail()?,
        };
        builder.finish_pattern(end)?;
        starts.push(end);
    }
    let anchored = match starts.as_slice() {
        [only] => *only,
        _ => builder.add_union(starts)?,
    };
    let unanchored = if ends_at_end {
        anchored
    } else {
        // `(?s-u:.)*?` before the patterns: any bytes, as few as may be.
        let prefix = builder.add_union(vec![anchored])?;
        let any = builder.add_range(Transition { start: 0, end: 255, next: prefix })?;
        builder.patch(prefix, any)?;
        prefix
    };
    Ok(builder.build(anchored, unanchored)?)
}

/// The edges into each state, all in one list (grouped by the state they go to).
struct Incoming {
    /// Where each state's edges start in `edges`; one more at the end.
    offsets: Vec<usize>,
    edges: Vec<(usize, Edge)>,
}

impl Incoming {
    fn new(states: &[State]) -> Incoming {
        let mut offsets = vec![0; states.len() + 1];
        for state in states {
            for_each_edge(state, |to, _| offsets[to.as_usize() + 1] += 1);
        }
        for id in 0..states.len() {
            offsets[id + 1] += offsets[id];
        }
        let mut filled = offsets.clone();
        let mut edges = vec![(0, Edge::Free); offsets[states.len()]];
        for (from, state) in states.iter().enumerate() {
            for_each_edge(state, |to, edge| {
                edges[filled[to.as_usize()]] = (from, edge);
                filled[to.as_usize()] += 1;
            });
        }
        Incoming { offsets, edges }
    }

    fn of(&self, id: usize) -> &[(usize, Edge)] {
        &self.edges[self.offsets[id]..self.offsets[id + 1]]
    }
}

/// Calls `each` with every edge out of a state.
fn for_each_edge(state: &State, mut each: impl FnMut(StateID, Edge)) {
    match state {
        State::ByteRange { trans } => each(trans.next, Edge::Bytes(trans.start, trans.end)),
        State::Sparse(sparse) => sparse.transitions.iter().for_each(|t| each(t.next, Edge::Bytes(t.start, t.end))),
        State::Dense(dense) => (0..=255u8)
            .zip(dense.transitions.iter())
            .filter(|(_, next)| **next != StateID::ZERO)
            .for_each(|(byte, &next)| each(next, Edge::Bytes(byte, byte))),
        State::Look { look, next } => each(*next, Edge::Look(*look)),
        State::Union { alternates } => alternates.iter().for_each(|&alt| each(alt, Edge::Free)),
        State::BinaryUnion { alt1, alt2 } => {
            each(*alt1, Edge::Free);
            each(*alt2, Edge::Free);
        }
        State::Capture { next, .. } => each(*next, Edge::Free),
        State::Fail | State::Match { .. } => {}
    }
}

/// Marks the states reachable from `start` as `pattern`'s and lists them in `members`.
fn reachable(states: &[State], start: StateID, pattern: usize, owner: &mut [usize], members: &mut Vec<usize>) {
    members.clear();
    let mut stack = vec![start];
    while let Some(id) = stack.pop() {
        if std::mem::replace(&mut owner[id.as_usize()], pattern) == pattern {
            continue;
        }
        members.push(id.as_usize());
        for_each_edge(&states[id.as_usize()], |to, _| stack.push(to));
    }
}
