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

/// As `analyze`, but the report comes as one JSON string in a compact, columnar form (see
/// `src/analysis/compact.rs`), for long drafts, whose thousands of findings cost far more to
/// build as objects and to pass between the extension's processes than as a few numbers
/// each. The extension's `messages.ts` turns it back into a report.
#[wasm_bindgen(js_name = analyzeCompact)]
pub fn analyze_compact(text: &str, options: JsValue) -> Result<String, JsError> {
    Ok(crate::analysis::compact::to_json(&report_for(text, options)?))
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
