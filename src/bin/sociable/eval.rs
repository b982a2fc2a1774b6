//! `sociable eval`: how well the verdicts (or the questions found) agree with labelled rows,
//! per file, per source within a file, and on average over the files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;
use sociable::{Analyzer, Options, Report, Strictness, Verdict};

use crate::input::{self, BatchFormat, Row};
use crate::{InputError, StrictnessArg};

#[derive(Args)]
pub(crate) struct EvalArgs {
    /// JSONL files of rows with `text`, `label` and optionally `source`.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// What to score: the pitch verdict (labels `pitch`/`ok`), or the `question` finding
    /// (label `question` is positive; `rhetorical` and anything else are not).
    #[arg(long, value_enum, default_value_t = Task::Pitch)]
    task: Task,
    /// List the misclassified rows.
    #[arg(long)]
    show_errors: bool,
    /// The strictness whose errors --show-errors lists and whose figures are broken down
    /// by source.
    #[arg(long, value_enum, default_value_t = StrictnessArg::Balanced)]
    errors_at: StrictnessArg,
    /// Print the figures as JSON Lines: one object per file (the shape one file always
    /// had, plus `file`, `rows` and `by_source`), then, for several files, the average.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Task {
    Pitch,
    Question,
}

impl Task {
    /// Whether a row is a positive, or why its label cannot be scored.
    fn truth(self, label: Option<&str>) -> Result<bool, String> {
        match (self, label) {
            (Task::Pitch, Some("pitch")) | (Task::Question, Some("question")) => Ok(true),
            (Task::Pitch, Some("ok")) | (Task::Question, Some(_)) => Ok(false),
            (Task::Pitch, other) => Err(format!("label must be \"pitch\" or \"ok\", found {other:?}")),
            (Task::Question, None) => Err("no label".to_string()),
        }
    }

    fn predicted(self, report: &Report) -> bool {
        match self {
            Task::Pitch => report.verdict == Verdict::Pitch,
            Task::Question => report.findings.iter().any(|f| f.rule == "question"),
        }
    }

    /// The strictnesses worth scoring: questions are shown at every one alike.
    fn strictnesses(self) -> &'static [Strictness] {
        match self {
            Task::Pitch => &Strictness::ALL,
            Task::Question => &[Strictness::Balanced],
        }
    }
}

#[derive(Clone, Copy, Default, Serialize)]
struct Confusion {
    tp: usize,
    fp: usize,
    #[serde(rename = "fn")]
    fn_: usize,
    tn: usize,
}

impl Confusion {
    fn add(&mut self, predicted: bool, truth: bool) {
        match (predicted, truth) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    fn figures(self) -> Figures {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(self.tp, self.tp + self.fp);
        let recall = ratio(self.tp, self.tp + self.fn_);
        let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        Figures { counts: self, precision, recall, f1, fpr: ratio(self.fp, self.fp + self.tn) }
    }
}

#[derive(Clone, Copy, Serialize)]
struct Figures {
    #[serde(flatten)]
    counts: Confusion,
    precision: f64,
    recall: f64,
    f1: f64,
    fpr: f64,
}

impl Figures {
    fn line(&self, name: &str) -> String {
        let c = self.counts;
        format!(
            "{name:<9} tp {:>4}  fp {:>4}  fn {:>4}  tn {:>5}  precision {:.3}  recall {:.3}  F1 {:.3}  false-positive rate {:.3}",
            c.tp, c.fp, c.fn_, c.tn, self.precision, self.recall, self.f1, self.fpr
        )
    }
}

/// One file's figures: per strictness, and per source at the `errors_at` strictness.
#[derive(Serialize)]
struct FileFigures {
    file: String,
    task: &'static str,
    rows: usize,
    #[serde(flatten)]
    by_strictness: BTreeMap<&'static str, Figures>,
    by_source: BTreeMap<String, Figures>,
}

pub(crate) fn run(args: &EvalArgs) -> Result<ExitCode, InputError> {
    let analyzers = args
        .task
        .strictnesses()
        .iter()
        .map(|&strictness| Analyzer::new(&Options { strictness, ..Options::default() }).map(|a| (strictness, a)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| InputError::new(e.to_string()))?;
    let broken_down_at = Strictness::from(args.errors_at);
    let mut files = Vec::new();
    for path in &args.files {
        let figures = eval_file(args, path, &analyzers, broken_down_at)?;
        if !args.json {
            print_file(&figures, broken_down_at);
        }
        files.push(figures);
    }
    let average = macro_average(&files, args.task);
    if args.json {
        for figures in &files {
            println!("{}", serde_json::to_string(figures).map_err(|e| InputError::new(e.to_string()))?);
        }
        if files.len() > 1 {
            let average: BTreeMap<&str, serde_json::Value> =
                average.iter().map(|(&name, &(f1, fpr))| (name, serde_json::json!({ "f1": f1, "fpr": fpr }))).collect();
            println!("{}", serde_json::json!({ "average": average }));
        }
    } else if files.len() > 1 {
        println!("average over {} files (macro):", files.len());
        for strictness in Strictness::ALL {
            if let Some((f1, fpr)) = average.get(strictness.name()) {
                println!("  {:<9} F1 {f1:.3}  false-positive rate {fpr:.3}", strictness.name());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn eval_file(
    args: &EvalArgs,
    path: &Path,
    analyzers: &[(Strictness, Analyzer)],
    broken_down_at: Strictness,
) -> Result<FileFigures, InputError> {
    let rows: Vec<Row> = input::read_rows(Some(path), BatchFormat::Jsonl, "text")?;
    let mut truths = Vec::with_capacity(rows.len());
    for row in &rows {
        truths.push(args.task.truth(row.label.as_deref()).map_err(|e| InputError::at(Some(path), Some(row.line), e))?);
    }
    let mut by_strictness = BTreeMap::new();
    let mut by_source: BTreeMap<String, Confusion> = BTreeMap::new();
    for (strictness, analyzer) in analyzers {
        let mut confusion = Confusion::default();
        for (row, &truth) in rows.iter().zip(&truths) {
            let predicted = args.task.predicted(&analyzer.analyze(&row.text));
            confusion.add(predicted, truth);
            if *strictness != broken_down_at {
                continue;
            }
            by_source.entry(source_prefix(row)).or_default().add(predicted, truth);
            if args.show_errors && predicted != truth {
                let kind = if predicted { "false positive" } else { "false negative" };
                eprintln!("{}:{}: {kind}: {}", path.display(), row.line, row.text.replace('\n', " "));
            }
        }
        by_strictness.insert(strictness.name(), confusion.figures());
    }
    Ok(FileFigures {
        file: path.display().to_string(),
        task: match args.task {
            Task::Pitch => "pitch",
            Task::Question => "question",
        },
        rows: rows.len(),
        by_strictness,
        by_source: by_source.into_iter().map(|(source, c)| (source, c.figures())).collect(),
    })
}

/// Where a row comes from, to the first `/` (`look2social/acme` → `look2social`).
fn source_prefix(row: &Row) -> String {
    let source = row.source.as_deref().unwrap_or("(no source)");
    source.split('/').next().unwrap_or(source).to_string()
}

fn print_file(figures: &FileFigures, broken_down_at: Strictness) {
    println!("{} ({} rows, {}):", figures.file, figures.rows, figures.task);
    for strictness in Strictness::ALL {
        if let Some(f) = figures.by_strictness.get(strictness.name()) {
            println!("  {}", f.line(strictness.name()));
        }
    }
    if figures.by_source.len() > 1 {
        println!("  by source, {}:", broken_down_at.name());
        for (source, f) in &figures.by_source {
            println!("    {}", f.line(source));
        }
    }
}

/// The mean F1 and false-positive rate of the files, per strictness.
fn macro_average(files: &[FileFigures], task: Task) -> BTreeMap<&'static str, (f64, f64)> {
    let mut average = BTreeMap::new();
    for strictness in task.strictnesses() {
        let figures: Vec<&Figures> = files.iter().filter_map(|f| f.by_strictness.get(strictness.name())).collect();
        let n = figures.len().max(1) as f64;
        let f1 = figures.iter().map(|f| f.f1).sum::<f64>() / n;
        let fpr = figures.iter().map(|f| f.fpr).sum::<f64>() / n;
        average.insert(strictness.name(), (f1, fpr));
    }
    average
}
