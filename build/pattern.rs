//! The table dialect of regular expressions: the `regex` crate's syntax with a few
//! conveniences, turned here into the plain syntax the NFA compiler takes. Phrases compile
//! to this dialect; `patterns` are written in it (see `src/analysis/rules/README.md`).

/// White space: ASCII, and the no-break space that editors insert (C2 A0 in UTF-8). One byte
/// class holding both of its bytes is a third of the automaton the alternative `…|\xC2\xA0`
/// makes, and matches the same text: in valid UTF-8 a C2 next to white space is followed by
/// A0 only when it is a no-break space, and an A0 follows a C2 only then.
const SPACE: &str = r"[\t\n\x0B\x0C\r \xC2\xA0]";

/// Turns a pattern in the table dialect into the regex it stands for.
///
/// Patterns are matched on bytes with Unicode mode off: case folding, `\b`, `\s`, `\d` and
/// `\w` are ASCII, which keeps the automata small and fast and the WebAssembly build free of
/// Unicode tables. Non-ASCII text is matched by its UTF-8 bytes, so a non-ASCII character
/// in a class becomes an alternative, and `\x{…}` above ASCII becomes the character.
pub fn expand(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('s') => out.push_str(SPACE),
                Some('x') if chars.peek() == Some(&'{') => {
                    let hex: String = chars.by_ref().skip(1).take_while(|&h| h != '}').collect();
                    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        Some(ch) if !ch.is_ascii() => {
                            out.push_str("(?:");
                            out.push(ch);
                            out.push(')');
                        }
                        _ => {
                            out.push_str(r"\x{");
                            out.push_str(&hex);
                            out.push('}');
                        }
                    }
                }
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '\'' => out.push_str("(?:'|’)"),
            '[' => {
                let mut class = String::from("[");
                let mut others: Vec<char> = Vec::new();
                let negated = chars.peek() == Some(&'^');
                // A `]` right after `[` or `[^` is a literal bracket, not the end.
                let mut items = 0;
                while let Some(k) = chars.next() {
                    items += usize::from(k != '^' || items > 0 || !negated);
                    match k {
                        ']' if items > 1 => break,
                        '\\' => {
                            class.push('\\');
                            class.extend(chars.next());
                        }
                        '\'' => {
                            class.push('\'');
                            others.push('’');
                        }
                        k if !k.is_ascii() => others.push(k),
                        k => class.push(k),
                    }
                }
                class.push(']');
                if others.is_empty() {
                    out.push_str(&class);
                } else if negated {
                    // Not expressible as alternatives: left as written, it fails to compile,
                    // which the table's tests report.
                    class.pop();
                    class.extend(others);
                    class.push(']');
                    out.push_str(&class);
                } else {
                    out.push_str("(?:");
                    if class != "[]" {
                        out.push_str(&class);
                        out.push('|');
                    }
                    let alternatives: Vec<String> = others.iter().map(char::to_string).collect();
                    out.push_str(&alternatives.join("|"));
                    out.push(')');
                }
            }
            _ => out.push(c),
        }
    }
    out
}
