//! The draft as the rules see it: sentences and quoted passages, found in one pass.

use super::report::Span;

/// A draft, split into sentences, with its quoted passages marked.
pub(crate) struct Text<'a> {
    text: &'a str,
    sentences: Vec<Span>,
    quotes: Vec<Span>,
    words: usize,
}

impl<'a> Text<'a> {
    pub(crate) fn new(text: &'a str) -> Text<'a> {
        Text { text, sentences: split_sentences(text), quotes: find_quotes(text), words: count_words(text) }
    }

    pub(crate) fn as_str(&self) -> &'a str {
        self.text
    }

    /// Sentences in text order, trimmed of surrounding white space, never empty.
    pub(crate) fn sentences(&self) -> &[Span] {
        &self.sentences
    }

    pub(crate) fn slice(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }

    /// Quoted passages: text in double quotes, and lines that start with `>`.
    pub(crate) fn quotes(&self) -> &[Span] {
        &self.quotes
    }

    pub(crate) fn word_count(&self) -> usize {
        self.words
    }
}

/// Counts white-space separated words that hold a letter or digit. Works on bytes: any
/// non-ASCII character counts as a letter except four-byte ones, which are mostly emoji.
fn count_words(text: &str) -> usize {
    let (mut words, mut in_word, mut counted) = (0usize, false, false);
    for &b in text.as_bytes() {
        if b.is_ascii_whitespace() {
            in_word = false;
            continue;
        }
        if !in_word {
            in_word = true;
            counted = false;
        }
        if !counted && (b.is_ascii_alphanumeric() || (0xC2..0xF0).contains(&b)) {
            words += 1;
            counted = true;
        }
    }
    words
}

/// Whether a character ends a sentence.
fn is_end_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '？' | '！')
}

/// Bytes at which a sentence may end: ASCII marks and line breaks, and the lead bytes of
/// the other marks (`…`, line and paragraph separators, `。`, `？`, `！`).
const fn boundary_bytes() -> [bool; 256] {
    let mut table = [false; 256];
    let marks = [b'.', b'!', b'?', b'\n', b'\r', 0xE2, 0xE3, 0xEF];
    let mut i = 0;
    while i < marks.len() {
        table[marks[i] as usize] = true;
        i += 1;
    }
    table
}
const MAY_END: [bool; 256] = boundary_bytes();

/// Splits after `.`, `!`, `?` (and runs of them) followed by white space, and at line breaks.
fn split_sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut sentences = Vec::new();
    let push = |start: usize, end: usize, sentences: &mut Vec<Span>| {
        let piece = &text[start..end];
        let trimmed_start = start + (piece.len() - piece.trim_start().len());
        let trimmed_end = start + piece.trim_end().len();
        if trimmed_start < trimmed_end {
            sentences.push(Span::new(trimmed_start, trimmed_end));
        }
    };
    let (mut start, mut at) = (0, 0);
    // From one byte that may end a sentence straight to the next.
    while let Some(next) = bytes[at..].iter().position(|&b| MAY_END[b as usize]) {
        at += next;
        // A lead or ASCII byte, so `at` is a char boundary.
        let c = text[at..].chars().next().unwrap_or(' ');
        match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                push(start, at, &mut sentences);
                start = at + c.len_utf8();
                at = start;
            }
            c if is_end_mark(c) => {
                let mut end = at + c.len_utf8();
                let rest = text[end..].chars().take_while(|&n| is_end_mark(n) || matches!(n, ')' | '"' | '”' | '\'' | '’'));
                end += rest.map(char::len_utf8).sum::<usize>();
                if text[end..].chars().next().map_or(true, char::is_whitespace) {
                    push(start, end, &mut sentences);
                    start = end;
                }
                at = end;
            }
            c => at += c.len_utf8(),
        }
    }
    push(start, text.len(), &mut sentences);
    sentences
}

/// Finds `"…"`, `“…”`, `«…»`, `'…'`, `‘…’` passages within a line, and `>`-quoted lines. A
/// single mark is an apostrophe unless it opens before a word after a space ("they said 'you
/// won'") or closes after a word before a space or punctuation: "you've" and "kids' toys"
/// open and close nothing. An apostrophe that opened a word ("'cause") is dropped at the
/// sentence's end or at a double mark, so it never hides a double-quoted passage or runs on.
fn find_quotes(text: &str) -> Vec<Span> {
    let mut quotes = Vec::new();
    // A byte scan first: `"`, `'`, `>`, and the lead bytes of `“`, `‘` (E2) and `«` (C2).
    if !text.bytes().any(|b| matches!(b, b'"' | b'\'' | b'>' | 0xE2 | 0xC2)) {
        return quotes;
    }
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('>') {
            quotes.push(Span::new(line_start, line_start + line.trim_end().len()));
        } else {
            let mut open: Option<(usize, char)> = None;
            // Only the bytes that may start a quote mark (or end a sentence) are decoded: `"`,
            // `'`, `.`, `!`, `?`, and the lead bytes of `“`, `”`, `‘`, `’` (E2) and `«`, `»` (C2),
            // which are char boundaries.
            let marks = line.bytes().enumerate().filter(|&(_, b)| matches!(b, b'"' | b'\'' | b'.' | b'!' | b'?' | 0xE2 | 0xC2));
            let before = |at: usize| line[..at].chars().next_back();
            let after = |at: usize, c: char| line[at + c.len_utf8()..].chars().next();
            let opens_single = |at: usize, c: char| {
                before(at).map_or(true, |b| b.is_whitespace() || matches!(b, '(' | '[' | ':'))
                    && after(at, c).is_some_and(char::is_alphanumeric)
            };
            // After an "s" and before a word it is a plural's possessive ("the kids' bikes").
            let closes_single = |at: usize, c: char| {
                let (before, after) = (before(at), after(at, c));
                before.is_some_and(|b| !b.is_whitespace())
                    && after.map_or(true, |a| !a.is_alphanumeric())
                    && !(matches!(before, Some('s' | 'S')) && after == Some(' '))
            };
            for (at, c) in marks.filter_map(|(at, _)| Some((at, line[at..].chars().next()?))) {
                match (open, c) {
                    (Some((_, '\'' | '‘')), '.' | '!' | '?') => open = None,
                    (None | Some((_, '\'' | '‘')), '"' | '“' | '«') => open = Some((at, c)),
                    (None, '\'' | '‘') if opens_single(at, c) => open = Some((at, c)),
                    (Some((from, '\'')), '\'') | (Some((from, '‘')), '’' | '\'') if closes_single(at, c) => {
                        quotes.push(Span::new(line_start + from, line_start + at + c.len_utf8()));
                        open = None;
                    }
                    (Some((from, '"')), '"') | (Some((from, '“')), '”' | '"') | (Some((from, '«')), '»') => {
                        quotes.push(Span::new(line_start + from, line_start + at + c.len_utf8()));
                        open = None;
                    }
                    _ => {}
                }
            }
        }
        line_start += line.len();
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        let t = Text::new(text);
        t.sentences().iter().map(|&s| t.slice(s)).collect()
    }

    #[test]
    fn sentences_split_on_end_marks_and_lines() {
        assert_eq!(pieces("Hi there. How are you?? Fine!\nNext line"), ["Hi there.", "How are you??", "Fine!", "Next line"]);
        assert_eq!(pieces("version 2.0 is out"), ["version 2.0 is out"]);
        assert_eq!(pieces("  \n\n "), Vec::<&str>::new());
    }

    #[test]
    fn quotes_are_found_per_line() {
        let text = "They wrote \"Buy now!\" again\n> act fast\nok";
        let t = Text::new(text);
        let found: Vec<&str> = t.quotes().iter().map(|&s| t.slice(s)).collect();
        assert_eq!(found, ["\"Buy now!\"", "> act fast"]);
        let text = "Got one of those 'you've won a prize' texts, the kids' tablet too. ‘Act now’ it said";
        let t = Text::new(text);
        let found: Vec<&str> = t.quotes().iter().map(|&s| t.slice(s)).collect();
        assert_eq!(found, ["'you've won a prize'", "‘Act now’"]);
        let text = "'cause he said \"Buy now\" lol. I 'spose so, the kids' bikes";
        let t = Text::new(text);
        let found: Vec<&str> = t.quotes().iter().map(|&s| t.slice(s)).collect();
        assert_eq!(found, ["\"Buy now\""]);
    }
}
