//! `sociable rules`: every rule, data or code, with what it matches and its examples.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use crate::check::Format;
use crate::InputError;

#[derive(Args)]
pub(crate) struct RulesArgs {
    /// Output: readable text, or a JSON array of rules.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub(crate) fn run(args: &RulesArgs) -> Result<ExitCode, InputError> {
    let rules = sociable::rules();
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        Format::Json => serde_json::to_string_pretty(&rules)
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(out, "{json}")),
        Format::Text => rules.iter().try_for_each(|rule| {
            let severity = format!("{:?}", rule.severity).to_lowercase();
            writeln!(out, "{} ({}, {severity}, {})", rule.id, rule.category.name(), rule.kind)?;
            writeln!(out, "    {}", rule.message)?;
            for alternative in &rule.alternatives {
                writeln!(out, "    matches  {alternative}")?;
            }
            for text in rule.bad {
                writeln!(out, "    flags    {text:?}")?;
            }
            for text in rule.good {
                writeln!(out, "    spares   {text:?}")?;
            }
            writeln!(out)
        }),
    };
    match written {
        // A reader that stops early (`sociable rules | head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(InputError::new(format!("cannot write output: {e}"))),
        _ => Ok(ExitCode::SUCCESS),
    }
}
