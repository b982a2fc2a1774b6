//! `sociable check`: one draft, or a content calendar in bulk.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use sociable::{Analyzer, Options, Report, Severity};

use crate::input::{self, BatchFormat};
use crate::{print, AnalysisArgs, InputError};

/// Batches with fewer rows finish before a progress bar would be worth drawing.
const PROGRESS_MIN_ROWS: usize = 200;

#[derive(Args)]
pub(crate) struct CheckArgs {
    /// The draft to check, or a file to read it from (a name that exists is read, as
    /// linters do); without it, the draft is read from --file or stdin.
    text: Option<String>,
    /// Read from this file: one draft, or rows for a batch (.jsonl, .csv).
    #[arg(long, short)]
    file: Option<PathBuf>,
    /// Treat the input as rows of drafts; guessed from the file's extension.
    #[arg(long, value_enum)]
    batch: Option<BatchFormat>,
    /// The CSV column holding the drafts.
    #[arg(long, default_value = "text")]
    column: String,
    /// Output: readable text, or the report as JSON (JSON Lines for a batch).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Name, under each finding, the line of its rule file that matched (`matched` in JSON).
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    analysis: AnalysisArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
}

/// Whether a report asks the writer to change anything.
fn is_flagged(report: &Report) -> bool {
    report.findings.iter().any(|f| f.severity != Severity::Good)
}

pub(crate) fn run(args: &CheckArgs) -> Result<ExitCode, InputError> {
    let options = Options { explain: args.explain, ..args.analysis.options(args.analysis.strictness.into()) };
    let analyzer = Analyzer::new(&options).map_err(|e| InputError::new(e.to_string()))?;
    // An argument that names an existing file is that file, as linters read their arguments.
    let (text, file) = match (&args.text, &args.file) {
        (Some(text), None) if Path::new(text).is_file() => (None, Some(PathBuf::from(text))),
        (text, file) => (text.clone(), file.clone()),
    };
    let batch = args.batch.or_else(|| file.as_deref().and_then(BatchFormat::from_path));
    if text.is_some() && (file.is_some() || batch.is_some()) {
        return Err(InputError::new("give the draft as an argument or with --file/--batch, not both"));
    }
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut out = std::io::stdout().lock();
    let flagged = match batch {
        None => {
            let text = match text {
                Some(text) => text,
                None => input::read_text(file.as_deref())?,
            };
            let report = analyzer.analyze(&text);
            match args.format {
                Format::Json => writeln!(out, "{}", to_json(&report)).map_err(write_error)?,
                Format::Text => print::report(&mut out, &text, &report, color).map_err(write_error)?,
            }
            is_flagged(&report)
        }
        Some(format) => {
            let rows = input::read_rows(file.as_deref(), format, &args.column)?;
            let progress = progress_bar(rows.len());
            let mut tally = print::Tally::default();
            for row in &rows {
                let report = analyzer.analyze(&row.text);
                tally.add(&report);
                match args.format {
                    Format::Json => writeln!(out, "{}", to_json(&report)).map_err(write_error)?,
                    Format::Text => {
                        let place = format!("{}:{}", file.as_ref().map_or("<stdin>".into(), |p| p.display().to_string()), row.line);
                        print::batch_row(&mut out, &place, &row.text, &report, color).map_err(write_error)?;
                    }
                }
                progress.inc(1);
            }
            progress.finish_and_clear();
            eprintln!("{}", tally.summary());
            tally.flagged > 0
        }
    };
    Ok(if flagged { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn to_json(report: &Report) -> String {
    serde_json::to_string(report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

fn write_error(e: std::io::Error) -> InputError {
    InputError::new(format!("cannot write output: {e}"))
}

fn progress_bar(rows: usize) -> ProgressBar {
    if rows < PROGRESS_MIN_ROWS || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(rows as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} drafts, {per_sec}, {eta} left") {
        bar.set_style(style);
    }
    bar
}

