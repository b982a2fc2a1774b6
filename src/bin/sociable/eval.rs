//! `sociable eval`: precision and recall of the `pitch` verdict against labelled rows.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;
use sociable::{Analyzer, Options, Strictness, Verdict};

use crate::input::{self, BatchFormat};
use crate::{InputError, StrictnessArg};

#[derive(Args)]
pub(crate) struct EvalArgs {
    /// JSONL rows with `text` and `label` (`pitch` or `ok`).
    file: PathBuf,
    /// List the misclassified rows.
    #[arg(long)]
    show_errors: bool,
    /// The strictness whose errors --show-errors lists.
    #[arg(long, value_enum, default_value_t = StrictnessArg::Balanced)]
    errors_at: StrictnessArg,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Default, Serialize)]
struct Confusion {
    tp: usize,
    fp: usize,
    #[serde(rename = "fn")]
    fn_: usize,
    tn: usize,
    precision: f64,
    recall: f64,
    f1: f64,
    fpr: f64,
}

impl Confusion {
    fn finish(&mut self) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        self.precision = ratio(self.tp, self.tp + self.fp);
        self.recall = ratio(self.tp, self.tp + self.fn_);
        self.f1 = if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        };
        self.fpr = ratio(self.fp, self.fp + self.tn);
    }
}

pub(crate) fn run(args: &EvalArgs) -> Result<ExitCode, InputError> {
    let rows = input::read_rows(Some(&args.file), BatchFormat::Jsonl, "text")?;
    let mut labels = Vec::with_capacity(rows.len());
    for row in &rows {
        match row.label.as_deref() {
            Some("pitch") => labels.push(true),
            Some("ok") => labels.push(false),
            other => {
                return Err(InputError::at(
                    Some(&args.file),
                    Some(row.line),
                    format!("label must be \"pitch\" or \"ok\", found {other:?}"),
                ))
            }
        }
    }
    let mut results = serde_json::Map::new();
    let mut lines = Vec::new();
    for strictness in Strictness::ALL {
        let analyzer = Analyzer::new(&Options { strictness, ..Options::default() }).map_err(|e| InputError::new(e.to_string()))?;
        let mut confusion = Confusion::default();
        for (row, &is_pitch) in rows.iter().zip(&labels) {
            let flagged = analyzer.analyze(&row.text).verdict == Verdict::Pitch;
            match (flagged, is_pitch) {
                (true, true) => confusion.tp += 1,
                (true, false) => confusion.fp += 1,
                (false, true) => confusion.fn_ += 1,
                (false, false) => confusion.tn += 1,
            }
            if args.show_errors && flagged != is_pitch && Strictness::from(args.errors_at) == strictness {
                let kind = if flagged { "false positive" } else { "false negative" };
                lines.push(format!("{}:{}: {kind}: {}", args.file.display(), row.line, row.text.replace('\n', " ")));
            }
        }
        confusion.finish();
        if !args.json {
            println!(
                "{:<9} tp {:>4}  fp {:>4}  fn {:>4}  tn {:>4}  precision {:.3}  recall {:.3}  F1 {:.3}  false-positive rate {:.3}",
                strictness.name(),
                confusion.tp,
                confusion.fp,
                confusion.fn_,
                confusion.tn,
                confusion.precision,
                confusion.recall,
                confusion.f1,
                confusion.fpr
            );
        }
        let value = serde_json::to_value(&confusion).map_err(|e| InputError::new(e.to_string()))?;
        results.insert(strictness.name().to_string(), value);
    }
    if args.json {
        println!("{}", serde_json::Value::Object(results));
    }
    for line in lines {
        eprintln!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}
