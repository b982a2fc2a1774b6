//! Reading drafts: one text, or rows of a JSONL or CSV file.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::InputError;

/// One draft read from a batch file, with where it came from.
pub(crate) struct Row {
    /// 1-based line (JSONL) or record line (CSV) in the file.
    pub line: usize,
    pub text: String,
    /// The `label` field, when the row has one.
    pub label: Option<String>,
    /// The `source` field, when the row has one (where the text comes from).
    pub source: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub(crate) enum BatchFormat {
    Jsonl,
    Csv,
}

impl BatchFormat {
    pub(crate) fn from_path(path: &Path) -> Option<BatchFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" => Some(BatchFormat::Jsonl),
            "csv" => Some(BatchFormat::Csv),
            _ => None,
        }
    }
}

pub(crate) fn open(path: Option<&Path>) -> Result<Box<dyn Read>, InputError> {
    match path {
        None => Ok(Box::new(std::io::stdin().lock())),
        Some(path) => std::fs::File::open(path)
            .map(|f| Box::new(f) as Box<dyn Read>)
            .map_err(|e| InputError::at(Some(path), None, format!("cannot open: {e}"))),
    }
}

pub(crate) fn read_text(path: Option<&Path>) -> Result<String, InputError> {
    let mut bytes = Vec::new();
    open(path)?.read_to_end(&mut bytes).map_err(|e| InputError::at(path, None, format!("cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| InputError::at(path, None, format!("not UTF-8 text: {e}")))
}

/// Reads every row up front so a bad row is reported before any output.
pub(crate) fn read_rows(path: Option<&Path>, format: BatchFormat, column: &str) -> Result<Vec<Row>, InputError> {
    let reader = open(path)?;
    match format {
        BatchFormat::Jsonl => read_jsonl(path, reader),
        BatchFormat::Csv => read_csv(path, reader, column),
    }
}

fn read_jsonl(path: Option<&Path>, reader: Box<dyn Read>) -> Result<Vec<Row>, InputError> {
    let mut rows = Vec::new();
    for (index, line) in BufReader::new(reader).lines().enumerate() {
        let number = index + 1;
        let line = line.map_err(|e| InputError::at(path, Some(number), format!("cannot read: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line)
            .map_err(|e| InputError::at(path, Some(number), format!("not valid JSON: {e}")))?;
        let text = value
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or_else(|| InputError::at(path, Some(number), "no string field \"text\""))?;
        let field = |name: &str| value.get(name).and_then(|l| l.as_str()).map(str::to_string);
        rows.push(Row { line: number, text: text.to_string(), label: field("label"), source: field("source") });
    }
    Ok(rows)
}

fn read_csv(path: Option<&Path>, reader: Box<dyn Read>, column: &str) -> Result<Vec<Row>, InputError> {
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = csv.headers().map_err(|e| InputError::at(path, Some(1), format!("cannot read the header: {e}")))?.clone();
    let index = headers.iter().position(|h| h == column).ok_or_else(|| {
        let found: Vec<&str> = headers.iter().collect();
        InputError::at(path, Some(1), format!("no column {column:?} (columns: {}); choose one with --column", found.join(", ")))
    })?;
    let label_index = headers.iter().position(|h| h == "label");
    let source_index = headers.iter().position(|h| h == "source");
    let mut rows = Vec::new();
    for record in csv.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize);
            InputError::at(path, line, format!("bad CSV: {e}"))
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let text = record
            .get(index)
            .ok_or_else(|| InputError::at(path, Some(line), format!("row has no column {column:?}")))?;
        let field = |index: Option<usize>| index.and_then(|i| record.get(i)).map(str::to_string);
        rows.push(Row { line, text: text.to_string(), label: field(label_index), source: field(source_index) });
    }
    Ok(rows)
}
