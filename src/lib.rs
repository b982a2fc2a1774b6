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
    Axis, Category, Finding, Report, Scope, Scores, Severity, Span, Suggestion, Verdict, REPORT_VERSION,
};
pub use analysis::{analyze, rules, Analyzer, RuleDoc};

#[doc(hidden)]
pub mod internals {
    //! For the crate's own tests and the fit of the pitch model (`src/bin/fit`).
    pub use crate::analysis::model::{FITTED_FINGERPRINT, GENERAL_FEATURES, PRIOR_BIAS};
    pub use crate::analysis::rules::rule_fires;
    pub use crate::analysis::{prior_weights, PitchEvidence};
}
