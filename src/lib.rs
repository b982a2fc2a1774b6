//! Sociable reads a social-media draft and says whether it sells or leaves room to talk.
//!
//! ```
//! use sociable::{analyze, Options, Verdict};
//!
//! let report = analyze("Huge sale! 50% off, today only. Link in bio!", &Options::default());
//! assert_eq!(report.verdict, Verdict::Pitch);
//! ```
#![deny(missing_docs)]

mod analysis;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::options::{Context, Options, OptionsError, Strictness};
pub use analysis::report::{
    Axis, Category, Finding, Report, Scores, Severity, Span, Suggestion, Verdict, REPORT_VERSION,
};
pub use analysis::{analyze, Analyzer};

#[doc(hidden)]
pub mod internals {
    //! For the crate's own tests: the rule table's examples and the compiled patterns.
    pub use crate::analysis::rules::table_rule_matches;

    /// Compiles every fixed pattern into the bytes `src/analysis/automata/compiled.bin`
    /// should hold, or says which pattern does not compile.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn compile_automata() -> Result<Vec<u8>, String> {
        crate::analysis::automata::generate()
    }

    /// Reads every pattern stored in the build back, or says which cannot be.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn check_stored_automata() -> Result<(), String> {
        crate::analysis::automata::check_stored()
    }

    /// Every table rule's id with its must-flag and must-not-flag examples.
    pub fn table_examples() -> Vec<(&'static str, &'static [&'static str], &'static [&'static str])> {
        crate::analysis::rules::RULES.iter().map(|r| (r.id, r.bad, r.good)).collect()
    }
}
