//! Readable output: scores, verdict, and each finding under its words.

use std::io::{self, Write};

use sociable::{Axis, Finding, Report, Scope, Severity, Suggestion, Verdict};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";

fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("{code}{text}{RESET}")
    } else {
        text.to_string()
    }
}

fn finding_color(finding: &Finding) -> &'static str {
    match (finding.axis, finding.severity) {
        (_, Severity::Good) => "\x1b[32m",
        (Axis::Pitch, _) => "\x1b[31m",
        (Axis::Conversation, _) => "\x1b[33m",
    }
}

fn verdict_name(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Conversation => "conversation",
        Verdict::NoRoom => "no room for conversation",
        Verdict::Pitch => "pitch",
    }
}

pub(crate) fn headline(report: &Report, color: bool) -> String {
    let verdict = verdict_name(report.verdict);
    let code = match report.verdict {
        Verdict::Conversation => "\x1b[32m",
        Verdict::NoRoom => "\x1b[33m",
        Verdict::Pitch => "\x1b[31m",
    };
    format!(
        "{}  (pitch {}/100, conversation {}/100, {})",
        paint(color, &format!("{BOLD}{code}"), verdict),
        report.scores.pitch,
        report.scores.conversation,
        report.strictness.name()
    )
}

/// Line and column (1-based, in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

pub(crate) fn report(out: &mut impl Write, text: &str, report: &Report, color: bool) -> io::Result<()> {
    writeln!(out, "{}", headline(report, color))?;
    for finding in &report.findings {
        writeln!(out)?;
        finding_lines(out, "", text, finding, color)?;
    }
    Ok(())
}

pub(crate) fn batch_row(out: &mut impl Write, place: &str, text: &str, report: &Report, color: bool) -> io::Result<()> {
    writeln!(out, "{place}: {}", headline(report, color))?;
    for finding in report.findings.iter().filter(|f| f.severity != Severity::Good) {
        finding_lines(out, "    ", text, finding, color)?;
    }
    Ok(())
}

/// `3:14 warning call-to-action cta-buy: message`, then the line with the words marked; a
/// finding about the whole draft says `draft` in place of the position, and marks no words.
fn finding_lines(out: &mut impl Write, indent: &str, text: &str, finding: &Finding, color: bool) -> io::Result<()> {
    let severity = format!("{:?}", finding.severity).to_lowercase();
    let place = match finding.scope {
        Scope::Draft => "draft".to_string(),
        Scope::Span => {
            let (line, col) = line_col(text, finding.span.start);
            format!("{line}:{col}")
        }
    };
    writeln!(
        out,
        "{indent}{place} {} {} {}: {}",
        paint(color, finding_color(finding), &severity),
        finding.category.name(),
        finding.rule,
        finding.message
    )?;
    if finding.scope == Scope::Span {
        marked_line(out, indent, text, finding, color)?;
    }
    match &finding.suggestion {
        Some(Suggestion::Replace { text }) => writeln!(out, "{indent}    suggestion: replace with {text:?}")?,
        Some(Suggestion::Insert { text, .. }) => writeln!(out, "{indent}    suggestion: add {:?} at the end", text.trim())?,
        None => {}
    }
    if let Some(matched) = &finding.matched {
        writeln!(out, "{indent}    matched: {matched}")?;
    }
    Ok(())
}

/// The finding's line, its words underlined in colour or marked with carets below.
fn marked_line(out: &mut impl Write, indent: &str, text: &str, finding: &Finding, color: bool) -> io::Result<()> {
    let line_start = text[..finding.span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[finding.span.start..].find('\n').map_or(text.len(), |i| finding.span.start + i);
    let end = finding.span.end.min(line_end);
    let shown = &text[line_start..line_end];
    if shown.chars().count() <= 300 {
        let (before, marked, after) = (&text[line_start..finding.span.start], &text[finding.span.start..end], &text[end..line_end]);
        if color {
            writeln!(out, "{indent}    {before}{}{after}", paint(color, &format!("\x1b[4m{}", finding_color(finding)), marked))?;
        } else {
            writeln!(out, "{indent}    {shown}")?;
            let pad = " ".repeat(before.chars().count());
            writeln!(out, "{indent}    {pad}{}", "^".repeat(marked.chars().count().max(1)))?;
        }
    }
    Ok(())
}

/// Counts verdicts over a batch, for the closing summary.
#[derive(Default)]
pub(crate) struct Tally {
    pub conversations: usize,
    pub no_room: usize,
    pub pitches: usize,
    pub flagged: usize,
}

impl Tally {
    pub(crate) fn add(&mut self, report: &Report) {
        match report.verdict {
            Verdict::Conversation => self.conversations += 1,
            Verdict::NoRoom => self.no_room += 1,
            Verdict::Pitch => self.pitches += 1,
        }
        self.flagged += usize::from(report.findings.iter().any(|f| f.severity != Severity::Good));
    }

    pub(crate) fn summary(&self) -> String {
        let total = self.conversations + self.no_room + self.pitches;
        let ratio = if self.pitches == 0 {
            "no pitches".to_string()
        } else {
            format!("{:.1} conversations per pitch", self.conversations as f64 / self.pitches as f64)
        };
        format!(
            "{total} drafts: {} conversations, {} with no room for conversation, {} pitches ({ratio})",
            self.conversations, self.no_room, self.pitches
        )
    }
}
