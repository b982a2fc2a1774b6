//! Phrases: the plain notation most rules are written in, compiled to the regular
//! expressions the matcher runs. The notation is described once, for rule writers, in
//! `src/analysis/rules/README.md`; this is its only implementation.

/// What a phrase compiles to at a sentence start (`^ …`): the start of the text, or the
/// spaces after a sentence's closing mark or a line break.
const SENTENCE_START: &str = r"(?:^|[.!?\n]\s*)";
/// A number: digits with separators ("1,000", "2.5").
const NUMBER: &str = r"\d[\d,.]*";
/// Up to three words, for "a few words between".
const FEW_WORDS: &str = r"(?:\S+\s+){0,3}";

/// Compiles one phrase into a regular expression in the table dialect (see
/// `pattern::expand`), or says what is wrong with it.
pub fn compile(phrase: &str) -> Result<String, String> {
    if phrase.trim() != phrase || phrase.is_empty() {
        return Err("a phrase neither starts nor ends with a space".into());
    }
    if let Some(bad) = phrase.chars().find(|&c| matches!(c, '\\' | '*' | '+' | '?' | '"' | '\t')) {
        return Err(format!("{bad:?} is not part of the phrase notation (use `patterns` for regular expressions)"));
    }
    if phrase.matches('{').count() > 1 {
        return Err("a phrase flags one part at most (one `{…}`)".into());
    }
    let (start, body) = match phrase.strip_prefix("^ ") {
        Some(rest) => (SENTENCE_START, rest),
        None => ("", phrase),
    };
    if body.contains('^') {
        return Err("`^` only starts a phrase, followed by a space".into());
    }
    let end = if edge_is_word(body.chars().rev()) { r"\b" } else { "" };
    let words = sequence(body)?;
    if !start.is_empty() {
        // The sentence's closing mark is context, not part of the flagged words.
        let flagged = if phrase.contains('{') { words } else { format!("(?P<m>{words})") };
        return Ok(format!("{start}{flagged}{end}"));
    }
    let start = if edge_is_word(body.chars()) { r"\b" } else { "" };
    Ok(format!("{start}{words}{end}"))
}

/// Whether a phrase starts (or, reversed, ends) with a word character, looking through
/// brackets (`#`, a number, counts): only then does it begin (end) at a word boundary.
fn edge_is_word(mut chars: impl Iterator<Item = char>) -> bool {
    chars.find(|c| !"()[]{} ".contains(*c)).is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '#')
}

/// Words separated by single spaces. Each word after the first brings the white space
/// before it, so an optional word takes its space along: `a [b] c` is `a(?:\s+b)?\s+c`.
fn sequence(text: &str) -> Result<String, String> {
    let words = split_top(text, ' ')?;
    let mut out = String::new();
    // Whether the next word needs white space before it: not at the start, nor after a
    // leading optional word or `...`, which carry their own.
    let mut spaced = false;
    for (index, word) in words.iter().enumerate() {
        if word.is_empty() {
            return Err("words are separated by one space".into());
        }
        if *word == "..." || *word == "…" {
            if index + 1 == words.len() {
                return Err("`...` stands before a word".into());
            }
            if spaced {
                out.push_str(r"\s+");
            }
            out.push_str(FEW_WORDS);
            spaced = false;
            continue;
        }
        // A contraction among the alternatives ("(is|'s)") joins the word before it with no
        // space: "he's", "link's", "you've".
        if let Some((spaced_parts, joined_parts)) = contraction_split(word)? {
            if spaced {
                let joined = alternatives(&joined_parts.join("|"))?;
                let either = if spaced_parts.is_empty() {
                    format!("(?:{joined})")
                } else {
                    format!(r"(?:\s+(?:{})|{joined})", alternatives(&spaced_parts.join("|"))?)
                };
                out.push_str(&if word.starts_with('[') { format!("{either}?") } else { either });
                spaced = true;
                continue;
            }
        }
        match optional_body(word)? {
            Some(inner) if words.len() > 1 => {
                let inner = if split_top(inner, '|')?.len() > 1 { format!("(?:{})", alternatives(inner)?) } else { alternatives(inner)? };
                if spaced {
                    out.push_str(&format!(r"(?:\s+{inner})?"));
                } else {
                    out.push_str(&format!(r"(?:{inner}\s+)?"));
                }
            }
            _ => {
                if spaced {
                    out.push_str(r"\s+");
                }
                out.push_str(&word_pattern(word)?);
                spaced = true;
            }
        }
    }
    Ok(out)
}

fn alternatives(text: &str) -> Result<String, String> {
    let parts: Result<Vec<String>, String> = split_top(text, '|')?.into_iter().map(sequence).collect();
    Ok(parts?.join("|"))
}

/// A word that is one group, `(…)` or `[…]`, with a contraction among its alternatives:
/// the alternatives written apart and those that join the word before (`'s`, `'ve`).
fn contraction_split(word: &str) -> Result<Option<(Vec<&str>, Vec<&str>)>, String> {
    let is_group = (word.starts_with('(') || word.starts_with('[')) && closing(word, 0)? == word.len() - 1;
    if !is_group {
        return Ok(None);
    }
    let (joined, apart): (Vec<&str>, Vec<&str>) = split_top(&word[1..word.len() - 1], '|')?.into_iter().partition(|part| part.starts_with('\''));
    Ok(if joined.is_empty() { None } else { Some((apart, joined)) })
}

/// The inside of a word that is one optional group (`[…]`), if it is one.
fn optional_body(word: &str) -> Result<Option<&str>, String> {
    if word.starts_with('[') && closing(word, 0)? == word.len() - 1 {
        Ok(Some(&word[1..word.len() - 1]))
    } else {
        Ok(None)
    }
}

fn word_pattern(word: &str) -> Result<String, String> {
    match word {
        "_" => return Ok(r"\S+".into()),
        "#" => return Ok(NUMBER.into()),
        _ => {}
    }
    let mut out = String::new();
    let mut at = 0;
    while let Some(c) = word[at..].chars().next() {
        match c {
            '(' | '[' | '{' => {
                let end = closing(word, at)?;
                let inner = alternatives(&word[at + 1..end])?;
                out.push_str(&match c {
                    '(' => format!("(?:{inner})"),
                    '[' => format!("(?:{inner})?"),
                    _ => format!("(?P<m>{inner})"),
                });
                at = end + 1;
                continue;
            }
            ')' | ']' | '}' => return Err(format!("{c:?} closes nothing")),
            '~' => out.push_str("[- ]?"),
            '\'' => out.push_str("'?"),
            '.' | '$' | '|' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        at += c.len_utf8();
    }
    Ok(out)
}

/// Where the bracket opened at byte `open` closes.
fn closing(text: &str, open: usize) -> Result<usize, String> {
    let mut stack = Vec::new();
    for (at, c) in text[open..].char_indices() {
        match c {
            '(' | '[' | '{' => stack.push(c),
            ')' | ']' | '}' => {
                let expected = match stack.pop() {
                    Some('(') => ')',
                    Some('[') => ']',
                    Some(_) => '}',
                    None => return Err(format!("{c:?} closes nothing")),
                };
                if c != expected {
                    return Err(format!("{c:?} where {expected:?} was expected"));
                }
                if stack.is_empty() {
                    return Ok(open + at);
                }
            }
            _ => {}
        }
    }
    Err(format!("{:?} is never closed", &text[open..open + 1]))
}

/// Splits at `separator` outside brackets.
fn split_top(text: &str, separator: char) -> Result<Vec<&str>, String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut from = 0;
    for (at, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ if c == separator && depth == 0 => {
                parts.push(&text[from..at]);
                from = at + c.len_utf8();
            }
            _ => {}
        }
        if depth < 0 {
            return Err(format!("{c:?} closes nothing"));
        }
    }
    if depth != 0 {
        return Err("a bracket is never closed".into());
    }
    parts.push(&text[from..]);
    Ok(parts)
}
