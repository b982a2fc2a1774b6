//! A compact byte form of Thompson NFAs, so patterns are parsed when the crate is built
//! rather than every time the extension's background starts.
//!
//! An NFA is written state by state and read back through `thompson::Builder`, which gives
//! the same NFA (same states, same ids) without parsing or compiling anything. State ids
//! are written relative to the state that mentions them, so most fit in one byte.

use std::sync::Arc;

use regex_automata::nfa::thompson::{self, Transition, NFA};
use regex_automata::util::look::Look;
use regex_automata::util::primitives::StateID;

/// Why bytes could not be read back as an NFA (only a corrupt or stale blob gets here).
/// A plain message: reading runs at every start, so its error path costs nothing.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DecodeError(pub(crate) &'static str);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "compiled patterns are unreadable: {}", self.0)
    }
}

pub(crate) const BYTE_RANGE: u8 = 0;
pub(crate) const SPARSE: u8 = 1;
pub(crate) const LOOK: u8 = 2;
pub(crate) const UNION: u8 = 3;
pub(crate) const CAPTURE_START: u8 = 4;
pub(crate) const CAPTURE_END: u8 = 5;
pub(crate) const FAIL: u8 = 6;
pub(crate) const MATCH: u8 = 7;
/// A letter in either case (`[Aa]`), the commonest state of case-insensitive patterns:
/// written as the lower-case byte, read back as the sparse state with both.
pub(crate) const CASE_PAIR: u8 = 8;
/// A transition on one byte (a byte range of one): written without its end.
pub(crate) const BYTE: u8 = 9;

/// The first byte of an NFA holds flags: it is reverse; it has no case pairs, so a
/// lower-case letter written alone is a plain byte (see `is_short`).
pub(crate) const REVERSE: u8 = 1;
pub(crate) const PLAIN_LETTERS: u8 = 2;

/// The two commonest states, a letter in either case and one byte, are written as a single
/// byte when they go on to the state after them: the lower-case letter for the first, the
/// byte itself (printable ASCII) for the second. The rule files' words then stand in the
/// blob as they are spelled, which compresses well. In an NFA with case pairs, a
/// lower-case letter alone is a case pair; in one without, a plain byte.
pub(crate) fn is_short(byte: u8, plain_letters: bool) -> bool {
    (0x20..=0x7e).contains(&byte) && (plain_letters || !byte.is_ascii_lowercase())
}

/// Reads one NFA from the front of `bytes`, leaving `bytes` just past it.
pub(crate) fn decode(bytes: &mut &[u8]) -> Result<NFA, DecodeError> {
    let mut reader = Reader { bytes };
    let flags = reader.byte()?;
    let (reverse, plain_letters) = (flags & REVERSE != 0, flags & PLAIN_LETTERS != 0);
    let pattern_len = reader.count()?;
    let state_len = reader.count()?;
    let start_anchored = reader.id(0)?;
    let start_unanchored = reader.id(0)?;
    let pattern_starts = (0..pattern_len).map(|_| reader.id(0)).collect::<Result<Vec<_>, _>>()?;

    let mut builder = thompson::Builder::new();
    builder.set_reverse(reverse);
    builder.set_utf8(false);
    // Match and capture states belong to the pattern being built; the compiler writes each
    // pattern's states before the next pattern's, so patterns are opened in order.
    let mut started = 0usize;
    let mut current: Option<usize> = None;
    let mut enter = |builder: &mut thompson::Builder, pattern: usize| -> Result<(), DecodeError> {
        while current != Some(pattern) {
            if let Some(open) = current.take() {
                builder.finish_pattern(pattern_starts[open]).map_err(build_error)?;
            }
            if started >= pattern_len || pattern < started.saturating_sub(1) {
                return Err(DecodeError("a pattern's states are out of order"));
            }
            builder.start_pattern().map_err(build_error)?;
            current = Some(started);
            started += 1;
        }
        Ok(())
    };
    for id in 0..state_len {
        let added = match reader.byte()? {
            BYTE_RANGE => {
                let (start, end) = (reader.byte()?, reader.byte()?);
                let next = reader.id(id)?;
                builder.add_range(Transition { start, end, next })
            }
            BYTE => {
                let byte = reader.byte()?;
                let next = reader.id(id)?;
                builder.add_range(Transition { start: byte, end: byte, next })
            }
            SPARSE => {
                let len = reader.count()?;
                let mut transitions = Vec::with_capacity(len.min(reader.bytes.len()));
                for _ in 0..len {
                    let (start, end) = (reader.byte()?, reader.byte()?);
                    transitions.push(Transition { start, end, next: reader.id(id)? });
                }
                builder.add_sparse(transitions)
            }
            CASE_PAIR => {
                let lower = reader.byte()?;
                if !lower.is_ascii_lowercase() {
                    return Err(DecodeError("bad letter"));
                }
                let next = reader.id(id)?;
                let upper = lower.to_ascii_uppercase();
                builder.add_sparse(vec![Transition { start: upper, end: upper, next }, Transition { start: lower, end: lower, next }])
            }
            LOOK => {
                let repr = u32::try_from(reader.varint()?).map_err(|_| DecodeError("bad look-around"))?;
                let look = Look::from_repr(repr).ok_or(DecodeError("bad look-around"))?;
                let next = reader.id(id)?;
                builder.add_look(next, look)
            }
            UNION => {
                let len = reader.count()?;
                let mut alternates = Vec::with_capacity(len.min(reader.bytes.len()));
                for _ in 0..len {
                    alternates.push(reader.id(id)?);
                }
                builder.add_union(alternates)
            }
            tag @ (CAPTURE_START | CAPTURE_END) => {
                let pattern = reader.count()?;
                let group = u32::try_from(reader.varint()?).map_err(|_| DecodeError("bad group"))?;
                let next = reader.id(id)?;
                enter(&mut builder, pattern)?;
                if tag == CAPTURE_START {
                    let len = reader.count()?;
                    let name = reader.take(len)?;
                    let name = std::str::from_utf8(name).map_err(|_| DecodeError("bad group name"))?;
                    builder.add_capture_start(next, group, (!name.is_empty()).then(|| Arc::from(name)))
                } else {
                    builder.add_capture_end(next, group)
                }
            }
            FAIL => builder.add_fail(),
            MATCH => {
                let pattern = reader.count()?;
                enter(&mut builder, pattern)?;
                builder.add_match()
            }
            short if is_short(short, plain_letters) => {
                let next = following(id)?;
                builder.add_range(Transition { start: short, end: short, next })
            }
            letter if letter.is_ascii_lowercase() => {
                let (upper, next) = (letter.to_ascii_uppercase(), following(id)?);
                builder.add_sparse(vec![Transition { start: upper, end: upper, next }, Transition { start: letter, end: letter, next }])
            }
            _ => return Err(DecodeError("unknown kind of state")),
        }
        .map_err(build_error)?;
        if added.as_usize() != id {
            return Err(DecodeError("a state read back under another id"));
        }
    }
    // Patterns after the last one with a match state (none, in a well-formed NFA) are
    // opened too, then the last open one is finished.
    if let Some(last) = pattern_len.checked_sub(1) {
        enter(&mut builder, last)?;
    }
    if let Some(open) = current {
        builder.finish_pattern(pattern_starts[open]).map_err(build_error)?;
    }
    let ids_in_range = |sid: StateID| sid.as_usize() < state_len;
    if !ids_in_range(start_anchored) || !ids_in_range(start_unanchored) || !pattern_starts.iter().copied().all(ids_in_range) {
        return Err(DecodeError("start state out of range"));
    }
    let nfa = builder.build(start_anchored, start_unanchored).map_err(build_error)?;
    *bytes = reader.bytes;
    Ok(nfa)
}

/// The state after `id`, where a state written in its short form goes on to.
fn following(id: usize) -> Result<StateID, DecodeError> {
    StateID::new(id + 1).map_err(|_| DecodeError("too many states"))
}

fn build_error(_: thompson::BuildError) -> DecodeError {
    DecodeError("the NFA builder refused a state")
}

impl From<thompson::BuildError> for DecodeError {
    fn from(error: thompson::BuildError) -> DecodeError {
        build_error(error)
    }
}

struct Reader<'a, 'b> {
    bytes: &'b mut &'a [u8],
}

impl<'a> Reader<'a, '_> {
    #[inline]
    fn byte(&mut self) -> Result<u8, DecodeError> {
        let (&first, rest) = self.bytes.split_first().ok_or(DecodeError("truncated"))?;
        *self.bytes = rest;
        Ok(first)
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], DecodeError> {
        if self.bytes.len() < len {
            return Err(DecodeError("truncated"));
        }
        let (taken, rest) = self.bytes.split_at(len);
        *self.bytes = rest;
        Ok(taken)
    }

    #[inline]
    fn varint(&mut self) -> Result<u64, DecodeError> {
        let first = self.byte()?;
        if first & 0x80 == 0 {
            return Ok(u64::from(first));
        }
        let mut value = u64::from(first & 0x7f);
        for shift in (7..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(DecodeError("number too long"))
    }

    #[inline]
    fn count(&mut self) -> Result<usize, DecodeError> {
        usize::try_from(self.varint()?).map_err(|_| DecodeError("count too large"))
    }

    #[inline]
    fn id(&mut self, from: usize) -> Result<StateID, DecodeError> {
        let to = from as i64 + unzigzag(self.varint()?);
        usize::try_from(to).ok().and_then(|to| StateID::new(to).ok()).ok_or(DecodeError("state id out of range"))
    }
}

/// Reads a little-endian base-128 number (written by `build/encode.rs`).
pub(crate) fn read_varint(bytes: &mut &[u8]) -> Result<u64, DecodeError> {
    Reader { bytes }.varint()
}

fn unzigzag(value: u64) -> i64 {
    (value >> 1) as i64 ^ -((value & 1) as i64)
}
