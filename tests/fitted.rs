//! The pitch model's fitted weights (`src/analysis/rules/fitted.toml`) must be those of the
//! rules and labelled files as they are now. This test only compares; `./build.sh fit`
//! fits again and rewrites the file.

#[path = "../src/bin/fit/training.rs"]
#[allow(dead_code)]
mod training;

use std::path::Path;

use sociable::internals::FITTED_FINGERPRINT;
use training::{FeatureSpace, Source, CASES, DEV_FILES};

#[test]
fn issue_9_the_fitted_weights_are_not_stale() {
    let space = FeatureSpace::new();
    let mut sources: Vec<Source> =
        DEV_FILES.iter().map(|file| training::read_corpus(Path::new(file), &space).expect("dev corpus readable")).collect();
    sources.push(training::read_cases(Path::new(CASES), &space).expect("cases readable"));
    assert_eq!(
        training::fingerprint(&space, &sources),
        FITTED_FINGERPRINT,
        "the rules or the files the pitch model was fitted to have changed since the last fit: \
         run ./build.sh fit and commit src/analysis/rules/fitted.toml"
    );
}
