//! The rule set's alphabet: the bytes of a chunk are folded before the set is asked about
//! it (`RuleSet::matches`), and the set's NFA was built on folded bytes (`build/fold.rs`).
//!
//! The set only picks the rules to run, so it may match more than its rules but never
//! less. Folding keeps that: a transition on a byte becomes one on the byte's fold, so
//! wherever a pattern matches a text, the folded pattern matches the folded text. A fold
//! keeps whether a byte is a word byte and keeps `\n` and `\r`, so `\b` and line anchors
//! see what they would have seen. What it buys is a small alphabet: the set's lazy DFA
//! has one column per class of bytes, and with every letter, digit, punctuation mark and
//! UTF-8 continuation byte apart it had 125, so each state's row spread over 512 bytes
//! and a search over a draft missed the caches at nearly every byte.

/// The byte `byte` is read as by the rule set.
pub(crate) const fn fold(byte: u8) -> u8 {
    match byte {
        b'A'..=b'Z' => byte.to_ascii_lowercase(),
        b'0'..=b'9' => b'0',
        b'\t' | 0x0b | 0x0c => b' ',
        0x00..=0x08 | 0x0e..=0x1f | 0x7f => 0x00,
        b'<' | b'=' | b'>' | b'[' | b'\\' | b']' | b'^' | b'`' | b'{' | b'|' | b'}' | b'~' => b'~',
        0x80..=0xbf => 0x80,
        0xc0..=0xdf => 0xc2,
        0xe0..=0xef => 0xe2,
        0xf0..=0xff => 0xf0,
        _ => byte,
    }
}

/// [`fold`] for every byte, for the matcher's inner loop.
pub(crate) const FOLDED: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = fold(byte as u8);
        byte += 1;
    }
    table
};
