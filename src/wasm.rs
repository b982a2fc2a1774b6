//! The WebAssembly boundary: plain JavaScript values in and out, nothing else.
//!
//! Reports cross as plain objects (through serde), already carrying UTF-16 spans, so
//! JavaScript never copies or frees Rust objects and never converts offsets itself.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::{Analyzer, Options, REPORT_VERSION};

/// Start-up builds tens of thousands of small NFA pieces; talc allocates and frees them
/// faster than the default allocator (measured in Chromium and node).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

thread_local! {
    /// The analyser for the last options seen: settings change rarely, drafts often.
    static CACHED: RefCell<Option<Analyzer>> = const { RefCell::new(None) };
}

/// Analyses `text` with `options` (an object shaped like `Options`; `undefined` or `null`
/// means the defaults) and returns the report as a plain object.
///
/// Throws an `Error` saying what is wrong when the options cannot be used.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let report = report_for(text, options)?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&report, &serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// As `analyze`, but the report comes as one JSON string in a compact, columnar form, for
/// long drafts, whose thousands of findings cost far more to build as objects and to pass
/// between the extension's processes than as a few numbers each:
///
/// ```json
/// { "version": 2, "strictness": "balanced", "scores": {…}, "verdict": "pitch",
///   "rules": [{ "rule": "cta-buy", "category": "call-to-action", "axis": "pitch", "message": "…" }],
///   "suggestions": [{ "kind": "replace", "text": "have a look" }],
///   "severities": ["good", "hint", "warning", "alert"],
///   "findings": [0, 2, 0, 12, 19, 1, …] }
/// ```
///
/// `findings` holds six numbers a finding, in report order: its rule (an index into
/// `rules`), severity (into `severities`), scope (0 span, 1 draft), `span_utf16` start and
/// end, and suggestion (an index into `suggestions`, or -1). No byte spans (JavaScript uses
/// `span_utf16`). The extension's `messages.ts` turns it back into a report.
#[wasm_bindgen(js_name = analyzeCompact)]
pub fn analyze_compact(text: &str, options: JsValue) -> Result<String, JsError> {
    let report = report_for(text, options)?;
    serde_json::to_string(&Compact::from(&report)).map_err(|e| JsError::new(&e.to_string()))
}

#[derive(serde::Serialize)]
struct Compact<'a> {
    version: u32,
    strictness: crate::Strictness,
    scores: crate::Scores,
    verdict: crate::Verdict,
    rules: Vec<CompactRule<'a>>,
    suggestions: Vec<&'a crate::Suggestion>,
    severities: [crate::Severity; 4],
    findings: Vec<i64>,
}

#[derive(serde::Serialize)]
struct CompactRule<'a> {
    rule: &'a str,
    category: crate::Category,
    axis: crate::Axis,
    message: &'a str,
}

const SEVERITIES: [crate::Severity; 4] =
    [crate::Severity::Good, crate::Severity::Hint, crate::Severity::Warning, crate::Severity::Alert];

impl<'a> From<&'a crate::Report> for Compact<'a> {
    fn from(report: &'a crate::Report) -> Compact<'a> {
        let mut rules: Vec<CompactRule<'a>> = Vec::new();
        let mut suggestions: Vec<&'a crate::Suggestion> = Vec::new();
        let mut findings = Vec::with_capacity(report.findings.len() * 6);
        for f in &report.findings {
            let rule = rules.iter().position(|r| r.rule == f.rule && r.message == f.message).unwrap_or_else(|| {
                rules.push(CompactRule { rule: &f.rule, category: f.category, axis: f.axis, message: &f.message });
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
            let scope = i64::from(f.scope == crate::Scope::Draft);
            findings.extend([rule as i64, severity as i64, scope, f.span_utf16.start as i64, f.span_utf16.end as i64, suggestion]);
        }
        Compact {
            version: report.version,
            strictness: report.strictness,
            scores: report.scores,
            verdict: report.verdict,
            rules,
            suggestions,
            severities: SEVERITIES,
            findings,
        }
    }
}

fn report_for(text: &str, options: JsValue) -> Result<crate::Report, JsError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?
    };
    CACHED.with(|cached| -> Result<_, JsError> {
        let mut cached = cached.borrow_mut();
        let analyzer = match cached.take() {
            Some(analyzer) if analyzer.options() == &options => analyzer,
            _ => Analyzer::new(&options).map_err(|e| JsError::new(&e.to_string()))?,
        };
        let report = analyzer.analyze(text);
        *cached = Some(analyzer);
        Ok(report)
    })
}

/// The report format version that `analyze` returns.
#[wasm_bindgen(js_name = reportVersion)]
pub fn report_version() -> u32 {
    REPORT_VERSION
}

/// Reads the stored rule set now, so the first draft is answered sooner.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    // The default options always validate.
    let _ = Analyzer::new(&Options::default());
}
