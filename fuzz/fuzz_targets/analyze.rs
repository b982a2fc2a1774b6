//! Fuzzes `analyze`: any text, any strictness and context, with and without own phrases,
//! must give a report whose spans slice the text in both units.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sociable::{analyze, Context, Options, Strictness};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let strictness = Strictness::ALL[usize::from(selector % 3)];
    let context = match (selector / 3) % 3 {
        0 => Context::NewPost,
        1 => Context::Reply { parent: None },
        _ => Context::Reply { parent: Some(text.chars().rev().collect()) },
    };
    let phrases = if selector & 0x80 != 0 { text.split_whitespace().take(3).map(str::to_string).collect() } else { Vec::new() };
    let options = Options { strictness, context, allow_phrases: phrases.clone(), flag_phrases: phrases, ..Options::default() };
    let report = analyze(&text, &options);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for finding in &report.findings {
        let bytes = &text[finding.span.start..finding.span.end];
        let units = String::from_utf16(&utf16[finding.span_utf16.start..finding.span_utf16.end]).expect("UTF-16 span on boundaries");
        assert_eq!(bytes, units);
    }
});
