//! Quality floors on the dev corpus (real YouTube comments, `../shared/corpus`).
//! `sociable eval` prints the same figures; this test holds the line on them.

use sociable::{Analyzer, Options, Strictness, Verdict};

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Counts {
    fn tally(&mut self, said: bool, is: bool) {
        match (said, is) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    fn fpr(&self) -> f64 {
        self.fp as f64 / (self.fp + self.tn).max(1) as f64
    }
}

/// A dev corpus file's rows, parsed.
fn corpus_rows(file: &str) -> Vec<serde_json::Value> {
    let path = format!("{}/../shared/corpus/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e} (shared/ must sit beside the repo)"));
    text.lines().filter(|l| !l.trim().is_empty()).map(|line| serde_json::from_str(line).expect("corpus rows are JSON")).collect()
}

/// A dev corpus file's rows as (text, label).
fn labelled(file: &str) -> Vec<(String, String)> {
    corpus_rows(file)
        .into_iter()
        .map(|row| {
            let label = row["label"].as_str().expect("rows have a label").to_string();
            (row["text"].as_str().expect("rows have text").to_string(), label)
        })
        .collect()
}

fn rows(file: &str) -> Vec<(String, bool)> {
    labelled(file)
        .into_iter()
        .map(|(text, label)| {
            assert!(label == "pitch" || label == "ok", "unexpected label {label}");
            (text, label == "pitch")
        })
        .collect()
}

fn counts(rows: &[(String, bool)], strictness: Strictness) -> Counts {
    let analyzer = Analyzer::new(&Options { strictness, ..Options::default() }).expect("default options are valid");
    let mut c = Counts::default();
    for (text, is_pitch) in rows {
        c.tally(analyzer.analyze(text).verdict == Verdict::Pitch, *is_pitch);
    }
    c
}

#[test]
fn dev_corpus_meets_the_quality_floors() {
    let rows = rows("youtube-dev.jsonl");
    assert_eq!(rows.len(), 1138, "the dev corpus changed");
    let relaxed = counts(&rows, Strictness::Relaxed);
    let balanced = counts(&rows, Strictness::Balanced);
    let strict = counts(&rows, Strictness::Strict);
    println!(
        "balanced F1 {:.3} fpr {:.3}; relaxed fpr {:.3}; strict recall {:.3}",
        balanced.f1(),
        balanced.fpr(),
        relaxed.fpr(),
        strict.recall()
    );
    // Issue 9's floors.
    assert!(balanced.f1() >= 0.97, "balanced F1 {:.3} < 0.97", balanced.f1());
    assert!(balanced.fpr() <= 0.02, "balanced false-positive rate {:.3} > 0.02", balanced.fpr());
    assert!(relaxed.fpr() <= 0.01, "relaxed false-positive rate {:.3} > 0.01", relaxed.fpr());
    assert!(strict.recall() >= 0.97, "strict recall {:.3} < 0.97", strict.recall());
}

/// Issue 9 asks for F1 0.70 with at most 10% false positives on the brand tweets; that is not
/// reached (0.63). This holds what is: the false-positive limit, and F1 no lower than now.
#[test]
fn issue_9_brand_tweets_hold_their_figures() {
    let rows = rows("tweets-brand-dev.jsonl");
    let balanced = counts(&rows, Strictness::Balanced);
    println!("tweets balanced F1 {:.3} fpr {:.3}", balanced.f1(), balanced.fpr());
    assert!(balanced.fpr() <= 0.10, "balanced false-positive rate {:.3} > 0.10", balanced.fpr());
    assert!(balanced.f1() >= 0.62, "balanced F1 {:.3} < 0.62", balanced.f1());
}

#[test]
fn issue_9_questions_are_found_as_people_say_them() {
    let rows = labelled("swda-questions-dev.jsonl");
    let analyzer = Analyzer::new(&Options::default()).expect("default options are valid");
    let mut c = Counts::default();
    for (text, label) in &rows {
        let found = analyzer.analyze(text).findings.iter().any(|f| f.rule == "question");
        c.tally(found, label == "question");
    }
    println!("questions: precision {:.3} recall {:.3} F1 {:.3}", c.precision(), c.recall(), c.f1());
    // The issue's floor (0.855 when it was raised; 0.826 before, 0.738 before issue 9).
    assert!(c.f1() >= 0.85, "question F1 {:.3} < 0.85", c.f1());
}

/// The brand tweets as (row, the readers' shared verdict), for the rows of `reading` (in
/// `tests/audit`) on which both readers gave the same verdict and were sure of it.
fn read_again(reading: &str) -> Vec<(serde_json::Value, String)> {
    let path = format!("{}/tests/audit/{reading}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let verdicts: std::collections::HashMap<String, (String, String)> = text
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).expect("rows are JSON"))
        .map(|row| (row["id"].as_str().unwrap().to_string(), (row["a"].as_str().unwrap().to_string(), row["b"].as_str().unwrap().to_string())))
        .collect();
    let rows = corpus_rows("tweets-brand-dev.jsonl");
    let known = rows.iter().filter(|row| verdicts.contains_key(row["id"].as_str().unwrap())).count();
    assert_eq!(known, verdicts.len(), "every row of {reading} is a row of the corpus");
    rows.into_iter()
        .filter_map(|row| {
            let (a, b) = verdicts.get(row["id"].as_str().unwrap())?;
            (a == b && a != "unsure").then(|| (row, a.clone()))
        })
        .collect()
}

/// The brand tweets read again, blind, by two readers who followed the product brief's idea
/// of a pitch (`tests/audit`). Where both say the same, that is a cleaner measure than the
/// dataset's labels, which count only the e-signature brands' and resellers' own marketing:
/// 268 tweets both readers call marketing are `ok` there, and read as a verdict on the
/// dataset, the readers' own score F1 0.71 with 16.5% false positives, outside issue 9's
/// floor. Sociable is held to its figures against the readers.
#[test]
fn issue_9_brand_tweets_against_an_independent_reading() {
    let analyzer = Analyzer::new(&Options::default()).expect("default options are valid");
    let (mut ours, mut readers_on_dataset) = (Counts::default(), Counts::default());
    let rows = read_again("tweets-brand-reading.jsonl");
    assert!(rows.len() > 2000, "the reading covers the corpus");
    for (row, verdict) in rows {
        let read_as_pitch = verdict == "pitch";
        ours.tally(analyzer.analyze(row["text"].as_str().unwrap()).verdict == Verdict::Pitch, read_as_pitch);
        readers_on_dataset.tally(read_as_pitch, row["label"] == "pitch");
    }
    println!(
        "against the readers: balanced F1 {:.3} precision {:.3} recall {:.3} fpr {:.3}; the readers against the dataset: F1 {:.3} fpr {:.3}",
        ours.f1(),
        ours.precision(),
        ours.recall(),
        ours.fpr(),
        readers_on_dataset.f1(),
        readers_on_dataset.fpr()
    );
    assert!(ours.fpr() <= 0.05, "false-positive rate against the readers {:.3} > 0.05", ours.fpr());
    assert!(ours.f1() >= 0.66, "F1 against the readers {:.3} < 0.66", ours.f1());
}

/// 800 of the brand tweets (all 409 with a question mark, 391 of the rest drawn at random)
/// read by two readers for whether the author asks the reader or someone named a question
/// (`tests/audit/guide-questions.md`): real tweets, where "contains ?" scores F1 0.655.
#[test]
fn issue_9_questions_in_real_tweets_against_a_reading() {
    let analyzer = Analyzer::new(&Options::default()).expect("default options are valid");
    let mut c = Counts::default();
    for (row, verdict) in read_again("tweets-brand-questions.jsonl") {
        let found = analyzer.analyze(row["text"].as_str().unwrap()).findings.iter().any(|f| f.rule == "question");
        c.tally(found, verdict == "question");
    }
    println!("questions in tweets: precision {:.3} recall {:.3} F1 {:.3}", c.precision(), c.recall(), c.f1());
    // 0.778 before surprise and reproach dressed as questions ("they don't have one?!") were
    // told apart, 0.823 after.
    assert!(c.f1() >= 0.82, "question F1 against the readers {:.3} < 0.82", c.f1());
}
