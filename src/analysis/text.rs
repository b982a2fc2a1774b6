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

fn count_words(text: &str) -> usize {
    text.split_whitespace().filter(|word| word.chars().any(char::is_alphanumeric)).count()
}

/// Splits after `.`, `!`, `?` (and runs of them) followed by white space, and at line breaks.
fn split_sentences(text: &str) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    let push = |start: usize, end: usize, sentences: &mut Vec<Span>| {
        let piece = &text[start..end];
        let trimmed_start = start + (piece.len() - piece.trim_start().len());
        let trimmed_end = start + piece.trim_end().len();
        if trimmed_start < trimmed_end {
            sentences.push(Span::new(trimmed_start, trimmed_end));
        }
    };
    while let Some((at, c)) = chars.next() {
        match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                push(start, at, &mut sentences);
                start = at + c.len_utf8();
            }
            '.' | '!' | '?' | '…' | '。' | '？' | '！' => {
                let mut end = at + c.len_utf8();
                while let Some(&(next_at, next)) = chars.peek() {
                    if matches!(next, '.' | '!' | '?' | '…' | '。' | '？' | '！' | ')' | '"' | '”' | '\'' | '’') {
                        end = next_at + next.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let at_boundary = match chars.peek() {
                    None => true,
                    Some(&(_, next)) => next.is_whitespace(),
                };
                if at_boundary {
                    push(start, end, &mut sentences);
                    start = end;
                }
            }
            _ => {}
        }
    }
    push(start, text.len(), &mut sentences);
    sentences
}

/// Finds `"…"`, `“…”`, `«…»` passages within a line, and `>`-quoted lines.
fn find_quotes(text: &str) -> Vec<Span> {
    let mut quotes = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('>') {
            quotes.push(Span::new(line_start, line_start + line.trim_end().len()));
        } else {
            let mut open: Option<(usize, char)> = None;
            for (at, c) in line.char_indices() {
                match (open, c) {
                    (None, '"' | '“' | '«') => open = Some((at, c)),
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
    }
}
