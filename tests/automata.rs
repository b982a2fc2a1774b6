//! The compiled patterns stored in the build are the table's patterns, compiled now.
//!
//! `src/analysis/automata/compiled.bin` is generated: when a pattern changes, this test
//! writes the new file and fails once, so the next build (and commit) carries it.

use std::path::Path;

#[test]
fn stored_automata_match_the_sources() {
    let fresh = sociable::internals::compile_automata().unwrap_or_else(|e| panic!("{e}"));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/analysis/automata/compiled.bin");
    let stored = std::fs::read(&path).unwrap_or_default();
    if stored != fresh {
        std::fs::write(&path, &fresh).expect("compiled.bin is writable");
        panic!("{} was stale and has been rewritten; run the tests again and commit it", path.display());
    }
}

#[test]
fn every_stored_pattern_reads_back() {
    sociable::internals::check_stored_automata().unwrap_or_else(|e| panic!("{e}"));
}
