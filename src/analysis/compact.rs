//! The report in the compact, columnar JSON form that the extension's background sends to
//! its content scripts (`analyzeCompact` in `src/wasm.rs`, read back by the extension's
//! `messages.ts`):
//!
//! ```json
//! { "version": 2, "strictness": "balanced", "scores": {"pitch": 78, "conversation": 0},
//!   "verdict": "pitch",
//!   "rules": [{ "rule": "cta-buy", "category": "call-to-action", "axis": "pitch", "message": "…" }],
//!   "suggestions": [{ "kind": "replace", "text": "have a look" }],
//!   "severities": ["good", "hint", "warning", "alert"],
//!   "findings": [0, 2, 0, 12, 19, 1, …] }
//! ```
//!
//! `findings` holds six numbers a finding, in report order: its rule (an index into
//! `rules`), severity (into `severities`), scope (0 span, 1 draft), `span_utf16` start and
//! end, and suggestion (an index into `suggestions`, or -1). No byte spans (JavaScript uses
//! `span_utf16`). A suggestion is written as in the full report (`kind`, `text`, and for an
//! insert `at` and `at_utf16`).
//!
//! Written by hand rather than through serde_json: the report holds only strings and whole
//! numbers, and the WebAssembly build is smaller without a JSON library (the tests check
//! the output against serde_json's, byte for byte).

use std::fmt::Write;

use super::report::{Axis, Report, Scope, Severity, Suggestion, Verdict};

const SEVERITIES: [Severity; 4] = [Severity::Good, Severity::Hint, Severity::Warning, Severity::Alert];

/// The report as compact JSON.
pub(crate) fn to_json(report: &Report) -> String {
    // Interned rules (rule and message) and suggestions, in order of first use.
    let mut rules: Vec<usize> = Vec::new();
    let mut suggestions: Vec<&Suggestion> = Vec::new();
    let mut numbers: Vec<i64> = Vec::with_capacity(report.findings.len() * 6);
    for (at, f) in report.findings.iter().enumerate() {
        let rule = rules.iter().position(|&r| report.findings[r].rule == f.rule && report.findings[r].message == f.message).unwrap_or_else(|| {
            rules.push(at);
            rules.len() - 1
        });
        let suggestion = f.suggestion.as_ref().map_or(-1, |s| {
            let index = suggestions.iter().position(|known| *known == s).unwrap_or_else(|| {
                suggestions.push(s);
                suggestions.len() - 1
            });
            index as i64
        });
        let severity = SEVERITIES.iter().position(|s| *s == f.severity).unwrap_or(0);
        let scope = i64::from(f.scope == Scope::Draft);
        numbers.extend([rule as i64, severity as i64, scope, f.span_utf16.start as i64, f.span_utf16.end as i64, suggestion]);
    }

    let mut out = String::with_capacity(256 + numbers.len() * 4);
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        r#"{{"version":{},"strictness":"{}","scores":{{"pitch":{},"conversation":{}}},"verdict":"{}","rules":["#,
        report.version,
        report.strictness.name(),
        report.scores.pitch,
        report.scores.conversation,
        verdict_name(report.verdict),
    );
    for (i, &at) in rules.iter().enumerate() {
        let f = &report.findings[at];
        out.push_str(if i == 0 { r#"{"rule":"# } else { r#",{"rule":"# });
        string(&mut out, &f.rule);
        let _ = write!(out, r#","category":"{}","axis":"{}","message":"#, f.category.name(), axis_name(f.axis));
        string(&mut out, &f.message);
        out.push('}');
    }
    out.push_str(r#"],"suggestions":["#);
    for (i, s) in suggestions.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match s {
            Suggestion::Replace { text } => {
                out.push_str(r#"{"kind":"replace","text":"#);
                string(&mut out, text);
                out.push('}');
            }
            Suggestion::Insert { text, at, at_utf16 } => {
                out.push_str(r#"{"kind":"insert","text":"#);
                string(&mut out, text);
                let _ = write!(out, r#","at":{at},"at_utf16":{at_utf16}}}"#);
            }
        }
    }
    out.push_str(r#"],"severities":["#);
    for (i, s) in SEVERITIES.iter().enumerate() {
        let _ = write!(out, r#"{}"{}""#, if i == 0 { "" } else { "," }, severity_name(*s));
    }
    out.push_str(r#"],"findings":["#);
    for (i, n) in numbers.iter().enumerate() {
        let _ = write!(out, "{}{n}", if i == 0 { "" } else { "," });
    }
    out.push_str("]}");
    out
}

/// `s` as a JSON string, escaped as serde_json escapes it: `"` and `\`, the short forms
/// `\b \f \n \r \t`, other control characters as `\u00xx`; everything else as it is.
fn string(out: &mut String, s: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, byte) in s.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{byte:04x}");
        } else {
            out.push_str(escape);
        }
        plain = i + 1;
    }
    out.push_str(&s[plain..]);
    out.push('"');
}

fn verdict_name(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Conversation => "conversation",
        Verdict::NoRoom => "no-room",
        Verdict::Pitch => "pitch",
    }
}

fn axis_name(axis: Axis) -> &'static str {
    match axis {
        Axis::Pitch => "pitch",
        Axis::Conversation => "conversation",
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Good => "good",
        Severity::Hint => "hint",
        Severity::Warning => "warning",
        Severity::Alert => "alert",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, Strictness};

    /// The compact form as it was written through serde_json before: the reference.
    #[derive(serde::Serialize)]
    struct Reference<'a> {
        version: u32,
        strictness: Strictness,
        scores: crate::Scores,
        verdict: Verdict,
        rules: Vec<ReferenceRule<'a>>,
        suggestions: Vec<&'a Suggestion>,
        severities: [Severity; 4],
        findings: Vec<i64>,
    }

    #[derive(serde::Serialize)]
    struct ReferenceRule<'a> {
        rule: &'a str,
        category: crate::Category,
        axis: Axis,
        message: &'a str,
    }

    fn reference(report: &Report) -> String {
        let mut rules: Vec<ReferenceRule> = Vec::new();
        let mut suggestions: Vec<&Suggestion> = Vec::new();
        let mut findings = Vec::new();
        for f in &report.findings {
            let rule = rules.iter().position(|r| r.rule == f.rule && r.message == f.message).unwrap_or_else(|| {
                rules.push(ReferenceRule { rule: &f.rule, category: f.category, axis: f.axis, message: &f.message });
                rules.len() - 1
            });
            let suggestion = f.suggestion.as_ref().map_or(-1, |s| {
                let at = suggestions.iter().position(|known| *known == s).unwrap_or_else(|| {
                    suggestions.push(s);
                    suggestions.len() - 1
                });
                at as i64
            });
            let severity = SEVERITIES.iter().position(|s| *s == f.severity).unwrap_or(0);
            findings.extend([rule as i64, severity as i64, i64::from(f.scope == Scope::Draft), f.span_utf16.start as i64, f.span_utf16.end as i64, suggestion]);
        }
        let reference = Reference {
            version: report.version,
            strictness: report.strictness,
            scores: report.scores,
            verdict: report.verdict,
            rules,
            suggestions,
            severities: SEVERITIES,
            findings,
        };
        serde_json::to_string(&reference).expect("serialises")
    }

    #[test]
    fn matches_serde_json_on_every_rule_example_at_every_strictness() {
        let mut drafts: Vec<String> = crate::rules().iter().flat_map(|doc| doc.bad.iter().chain(doc.good)).map(|s| s.to_string()).collect();
        drafts.push(String::new());
        drafts.push("We just launched our new course! ".repeat(40));
        drafts.push("Tag 3 friends!!! 🔥🔥 BUY NOW at https://example.com #ad #sale #deal #promo #win".into());
        let (mut kinds, mut findings) = (std::collections::HashSet::new(), 0);
        for strictness in Strictness::ALL {
            let options = Options { strictness, flag_phrases: vec!["quote \" back\\slash".into()], ..Options::default() };
            let analyzer = crate::Analyzer::new(&options).expect("valid options");
            for draft in &drafts {
                let report = analyzer.analyze(draft);
                assert_eq!(to_json(&report), reference(&report), "{draft}");
                findings += report.findings.len();
                kinds.insert(format!("{:?}", report.verdict));
                for f in &report.findings {
                    kinds.insert(format!("{:?} {:?} {:?}", f.severity, f.scope, f.axis));
                    if let Some(s) = &f.suggestion {
                        kinds.insert(format!("{}", matches!(s, Suggestion::Insert { .. })));
                    }
                }
            }
        }
        // The drafts cover every verdict, severity, scope and kind of suggestion.
        assert!(findings > 1000, "{findings} findings");
        for kind in ["Conversation", "NoRoom", "Pitch", "true", "false"] {
            assert!(kinds.contains(kind), "no {kind} in {kinds:?}");
        }
        for severity in ["Good", "Hint", "Warning", "Alert"] {
            assert!(kinds.iter().any(|k| k.starts_with(severity)), "no {severity} finding");
        }
        assert!(kinds.iter().any(|k| k.contains(" Draft ")), "no draft-scope finding");
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let all_ascii: String = (0u8..0x80).map(char::from).collect();
        for s in ["", "plain", "a \"quoted\" \\ word", "tab\tline\nreturn\r", &all_ascii, "é — 🔥 \u{2028} \u{7f}", "\u{0}\u{1f}x"] {
            let mut out = String::new();
            string(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).expect("serialises"));
        }
    }
}
