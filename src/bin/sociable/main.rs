//! `sociable`: check drafts for pitches and missing openings, one at a time or in bulk.

mod check;
mod eval;
mod input;
mod print;
mod rules;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use sociable::{Category, Context, Options, Strictness};

#[derive(Parser)]
#[command(name = "sociable", version, about = "Warns when a social-media draft turns into a sales pitch or leaves no room for conversation.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a draft (argument, --file or stdin), or a content calendar (JSONL or CSV).
    Check(check::CheckArgs),
    /// Measure the pitch verdict against labelled rows (JSONL with `text` and `label`).
    Eval(eval::EvalArgs),
    /// List every rule: id, category, severity, message, what it matches and its examples.
    Rules(rules::RulesArgs),
}

/// Options shared by the commands that analyse text.
#[derive(Args, Clone)]
pub(crate) struct AnalysisArgs {
    /// How much to warn about.
    #[arg(long, short, value_enum, default_value_t = StrictnessArg::Balanced)]
    strictness: StrictnessArg,
    /// Check drafts as replies to this post (its text).
    #[arg(long, value_name = "TEXT")]
    reply_to: Option<String>,
    /// Check drafts as replies, parent unknown.
    #[arg(long, conflicts_with = "reply_to")]
    reply: bool,
    /// Switch a category off (repeatable), e.g. `--disable hype`.
    #[arg(long, value_name = "CATEGORY", value_parser = parse_category)]
    disable: Vec<Category>,
    /// Flag this phrase of yours as self-promotion (repeatable).
    #[arg(long, value_name = "PHRASE")]
    flag: Vec<String>,
    /// Never flag this phrase, e.g. your brand name (repeatable).
    #[arg(long, value_name = "PHRASE")]
    allow: Vec<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum StrictnessArg {
    Relaxed,
    Balanced,
    Strict,
}

impl From<StrictnessArg> for Strictness {
    fn from(arg: StrictnessArg) -> Strictness {
        match arg {
            StrictnessArg::Relaxed => Strictness::Relaxed,
            StrictnessArg::Balanced => Strictness::Balanced,
            StrictnessArg::Strict => Strictness::Strict,
        }
    }
}

fn parse_category(name: &str) -> Result<Category, String> {
    Category::ALL.into_iter().find(|c| c.name() == name).ok_or_else(|| {
        let names: Vec<&str> = Category::ALL.iter().map(|c| c.name()).collect();
        format!("unknown category {name:?}; one of: {}", names.join(", "))
    })
}

impl AnalysisArgs {
    pub(crate) fn options(&self, strictness: Strictness) -> Options {
        let context = match (&self.reply_to, self.reply) {
            (Some(parent), _) => Context::Reply { parent: Some(parent.clone()) },
            (None, true) => Context::Reply { parent: None },
            (None, false) => Context::NewPost,
        };
        Options {
            strictness,
            context,
            disabled_categories: self.disable.clone(),
            flag_phrases: self.flag.clone(),
            allow_phrases: self.allow.clone(),
            explain: false,
        }
    }
}

/// An error the user can act on: a bad file, a bad row, bad options.
#[derive(Debug)]
pub(crate) struct InputError {
    pub path: Option<PathBuf>,
    pub line: Option<usize>,
    pub message: String,
}

impl InputError {
    pub(crate) fn new(message: impl Into<String>) -> InputError {
        InputError { path: None, line: None, message: message.into() }
    }

    pub(crate) fn at(path: Option<&std::path::Path>, line: Option<usize>, message: impl Into<String>) -> InputError {
        InputError { path: path.map(PathBuf::from), line, message: message.into() }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.as_ref().map_or("<stdin>".to_string(), |p| p.display().to_string());
        match self.line {
            Some(line) => write!(f, "{path}:{line}: {}", self.message),
            None if self.path.is_some() => write!(f, "{path}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Rules(args) => rules::run(&args),
    };
    match outcome {
        Ok(code) => code,
        Err(error) => {
            eprintln!("sociable: error: {error}");
            ExitCode::from(2)
        }
    }
}
