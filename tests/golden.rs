//! Behaviour kept: every report on the dev corpus files, compared with the golden files in
//! `tests/golden/` (one line per row: id, verdicts relaxed/balanced/strict, the two scores,
//! and the strict findings as `rule:severity@start-end`).
//!
//! A change that moves any report fails here with the rows it moved. When the change is
//! meant, refresh the files with `./build.sh golden` and commit them with it.

use std::fmt::Write as _;
use std::path::Path;

use sociable::{Analyzer, Options, Report, Strictness};

const FILES: [&str; 3] = ["youtube-dev", "tweets-brand-dev", "swda-questions-dev"];

fn golden_lines(corpus: &str) -> String {
    let analyzers: Vec<Analyzer> = Strictness::ALL
        .iter()
        .map(|&strictness| Analyzer::new(&Options { strictness, ..Options::default() }).expect("default options are valid"))
        .collect();
    let mut out = String::new();
    for line in corpus.lines().filter(|l| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).expect("corpus rows are JSON");
        let text = row["text"].as_str().expect("rows have text");
        let reports: Vec<Report> = analyzers.iter().map(|a| a.analyze(text)).collect();
        let verdicts: String = reports.iter().map(|r| initial(r.verdict)).collect();
        let strict = &reports[2];
        let findings: Vec<String> = strict
            .findings
            .iter()
            .map(|f| format!("{}:{}@{}-{}", f.rule, initial(f.severity), f.span.start, f.span.end))
            .collect();
        let id = row["id"].as_str().expect("rows have an id");
        let _ = writeln!(out, "{id}\t{verdicts}\t{}\t{}\t{}", strict.scores.pitch, strict.scores.conversation, findings.join(" "));
    }
    out
}

/// The first letter of a value's name in reports (`pitch` → `p`).
fn initial(value: impl serde::Serialize) -> char {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().and_then(|s| s.chars().next())).unwrap_or('?')
}

#[test]
fn every_report_on_the_dev_corpus_matches_its_golden_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bless = std::env::var_os("SOCIABLE_BLESS").is_some();
    let mut failures = Vec::new();
    for name in FILES {
        let corpus_path = root.join(format!("../shared/corpus/{name}.jsonl"));
        let corpus = std::fs::read_to_string(&corpus_path)
            .unwrap_or_else(|e| panic!("{}: {e} (shared/ must sit beside the repo)", corpus_path.display()));
        let actual = golden_lines(&corpus);
        let golden_path = root.join(format!("tests/golden/{name}.txt"));
        if bless {
            std::fs::write(&golden_path, &actual).expect("tests/golden is writable");
            continue;
        }
        let expected = std::fs::read_to_string(&golden_path).unwrap_or_default();
        if actual != expected {
            let moved: Vec<String> = expected
                .lines()
                .zip(actual.lines())
                .filter(|(e, a)| e != a)
                .map(|(e, a)| format!("  was {e}\n  now {a}"))
                .collect();
            // The whole new file, to diff against the golden one.
            let out = root.join(format!("tests/output/golden/{name}.txt"));
            let _ = std::fs::create_dir_all(out.parent().expect("has a parent")).and_then(|()| std::fs::write(&out, &actual));
            failures.push(format!(
                "{name}: {} rows moved ({} lines golden, {} now; all of it in {}):\n{}",
                moved.len(),
                expected.lines().count(),
                actual.lines().count(),
                out.display(),
                moved.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nIf every move is meant, refresh the golden files with `./build.sh golden` and commit them.",
        failures.join("\n\n")
    );
}
