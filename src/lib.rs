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
    //! For the crate's own tests: the rule table's examples.
    pub use crate::analysis::rules::table_rule_matches;

    /// Every table rule's id with its must-flag and must-not-flag examples.
    pub fn table_examples() -> Vec<(&'static str, &'static [&'static str], &'static [&'static str])> {
        crate::analysis::rules::RULES.iter().map(|r| (r.id, r.bad, r.good)).collect()
    }
}
