//! Properties over arbitrary text: analysis never panics, spans are sound in both units,
//! and stricter presets flag a superset of looser ones.

use std::collections::BTreeSet;

use proptest::prelude::*;
use sociable::{analyze, Context, Options, Report, Strictness, Verdict};

/// Phrases that trigger rules, mixed with arbitrary text so the properties are exercised
/// on drafts that actually produce findings.
const FRAGMENTS: &[&str] = &[
    "Buy now", "50% off", "link in bio", "subscribe to my channel", "check out my channel", "what do you think?",
    "anyone tried this", "Tag 3 friends", "https://bit.ly/x?utm_source=a", "#a #b #c #d #e", "THIS IS HUGE NEWS TODAY",
    "!!!", "💰", "👉", "proud to announce our new app", "Good point", "I'd love to hear", "\"Buy now!\"", "only $9.99",
    "limited time", "revolutionary", "@sam ", "\n", ". ", "? ", "é", "👨‍👩‍👧", "ع", "\u{200d}", "\u{0301}", "<b>", "\u{0}",
];

fn draft() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        2 => any::<String>(),
        1 => "[a-zA-Z ]{0,20}",
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|pieces| pieces.join(" "))
}

fn options(strictness: Strictness, reply: bool) -> Options {
    let context = if reply { Context::Reply { parent: Some("Any tool for invoicing?".into()) } } else { Context::NewPost };
    Options { strictness, context, ..Options::default() }
}

fn flagged(report: &Report) -> BTreeSet<(String, usize, usize)> {
    report
        .findings
        .iter()
        .filter(|f| f.severity != sociable::Severity::Good)
        .map(|f| (f.rule.to_string(), f.span.start, f.span.end))
        .collect()
}

fn check_spans(text: &str, report: &Report) -> Result<(), TestCaseError> {
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for finding in &report.findings {
        let (start, end) = (finding.span.start, finding.span.end);
        prop_assert!(start <= end && end <= text.len(), "span {start}..{end} out of range");
        prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "span {start}..{end} splits a char");
        let (s16, e16) = (finding.span_utf16.start, finding.span_utf16.end);
        prop_assert!(s16 <= e16 && e16 <= utf16.len());
        let from_utf16 = String::from_utf16(&utf16[s16..e16]).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(from_utf16.as_str(), &text[start..end]);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_sound_in_bytes_and_utf16(text in draft(), reply in any::<bool>()) {
        for strictness in Strictness::ALL {
            let report = analyze(&text, &options(strictness, reply));
            prop_assert!(report.scores.pitch <= 100 && report.scores.conversation <= 100);
            check_spans(&text, &report)?;
        }
    }

    #[test]
    fn stricter_presets_flag_a_superset(text in draft(), reply in any::<bool>()) {
        let reports: Vec<Report> = Strictness::ALL.iter().map(|&s| analyze(&text, &options(s, reply))).collect();
        for pair in reports.windows(2) {
            let (looser, stricter) = (&pair[0], &pair[1]);
            prop_assert!(flagged(looser).is_subset(&flagged(stricter)),
                "{:?} flags {:?}, {:?} only {:?}", looser.strictness, flagged(looser), stricter.strictness, flagged(stricter));
            prop_assert!(looser.verdict <= stricter.verdict || (looser.verdict == Verdict::NoRoom && stricter.verdict == Verdict::Pitch),
                "{:?} says {:?} but {:?} says {:?}", looser.strictness, looser.verdict, stricter.strictness, stricter.verdict);
            prop_assert_eq!(looser.scores, stricter.scores);
        }
    }
}
