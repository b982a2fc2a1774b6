//! Reading and checking the rule files.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::{pattern, phrase};

/// The categories a data rule may name: `Category` in `src/analysis/report.rs`, whose
/// variants the generated code names (so a name here that is not a variant fails to build).
const CATEGORIES: &[&str] = &[
    "call-to-action", "offer", "urgency", "hype", "self-promotion", "spam-form", "engagement-bait",
    "hook-question", "broadcast", "question", "invitation", "acknowledgement", "reader-focus",
];
const SEVERITIES: &[&str] = &["good", "hint", "warning", "alert"];

/// One rule file: defaults for its rules, then the rules.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RuleFile {
    category: String,
    severity: Option<String>,
    #[serde(default)]
    help_in_reply: bool,
    #[serde(default)]
    rule: Vec<RuleSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RuleSource {
    id: String,
    category: Option<String>,
    severity: Option<String>,
    weight: u8,
    message: String,
    suggestion: Option<SuggestionSource>,
    #[serde(default)]
    only_in_replies: bool,
    help_in_reply: Option<bool>,
    phrases: Option<String>,
    swap: Option<String>,
    patterns: Option<String>,
    unless: Option<String>,
    good: Vec<String>,
    bad: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SuggestionSource {
    replace: Option<String>,
    insert: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct CodePatternSource {
    about: String,
    used_by: String,
    phrases: Option<String>,
    patterns: Option<String>,
    #[serde(default)]
    in_set: bool,
    /// Two other entries: this one matches where the first's match is followed by the
    /// second's, so that code can ask both in one search.
    joins: Option<[String; 2]>,
}

/// A data rule, checked and compiled.
pub struct DataRule {
    pub id: String,
    /// The `Category` variant.
    pub category: String,
    /// The `Severity` variant.
    pub severity: String,
    pub weight: u8,
    pub message: String,
    pub help_in_reply: bool,
    pub only_in_replies: bool,
    /// The `RuleKind` variant: how the rule is written.
    pub kind: &'static str,
    pub alternatives: Vec<Alternative>,
    /// The `unless` pattern, compiled.
    pub unless: Option<String>,
    pub good: Vec<String>,
    pub bad: Vec<String>,
}

/// One alternative of a rule: a phrase, a swap or a pattern.
pub struct Alternative {
    /// As written in the file.
    pub source: String,
    /// The regular expression it compiles to.
    pub regex: String,
    /// `("Replace" | "Insert", text)`.
    pub suggestion: Option<(&'static str, String)>,
}

/// A named pattern that a code rule matches.
pub struct CodePattern {
    pub name: String,
    pub doc: String,
    pub alternatives: Vec<String>,
    /// Whether the rule set also says where this pattern may match, so that its code can
    /// skip drafts where it cannot.
    pub in_set: bool,
}

pub fn read_rules(paths: &[PathBuf]) -> Result<Vec<DataRule>, String> {
    let mut rules = Vec::new();
    let mut ids = HashSet::new();
    for path in paths {
        let file: RuleFile = parse(path)?;
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if stem != file.category {
            return Err(format!("{}: a rule file is named after its category ({:?})", path.display(), file.category));
        }
        for source in file.rule {
            let id = source.id.clone();
            let rule = check_rule(source, &file.category, file.severity.as_deref(), file.help_in_reply)
                .map_err(|e| format!("{}: rule {id}: {e}", path.display()))?;
            if !ids.insert(rule.id.clone()) {
                return Err(format!("{}: rule id {} is used twice", path.display(), rule.id));
            }
            rules.push(rule);
        }
    }
    Ok(rules)
}

pub fn read_code_patterns(path: &Path) -> Result<Vec<CodePattern>, String> {
    let file: BTreeMap<String, CodePatternSource> = parse(path)?;
    let mut patterns = Vec::new();
    let mut joined = Vec::new();
    for (name, source) in file {
        let in_file = |e: String| format!("{}: [{name}]: {e}", path.display());
        let used_by = Path::new(RULES_SOURCE).join(&source.used_by);
        if !used_by.exists() {
            return Err(in_file(format!("used-by names {}, which does not exist", used_by.display())));
        }
        if let Some(parts) = source.joins {
            if source.phrases.is_some() || source.patterns.is_some() || source.in_set {
                return Err(in_file("an entry that joins two others has no phrases, patterns or in-set of its own".into()));
            }
            joined.push((patterns.len(), parts));
        }
        let alternatives = alternatives(source.phrases.as_deref(), None, source.patterns.as_deref(), None).map_err(in_file)?;
        let alternatives = alternatives.into_iter().map(|a| a.regex).collect();
        patterns.push(CodePattern { name, doc: source.about, alternatives, in_set: source.in_set });
    }
    for (at, [first, second]) in joined {
        let in_file = |e: String| format!("{}: [{}]: {e}", path.display(), patterns[at].name);
        let part = |name: &str| {
            patterns.iter().find(|p| p.name == name && !p.alternatives.is_empty()).ok_or_else(|| in_file(format!("joins {name:?}, which is not an entry with patterns")))
        };
        patterns[at].alternatives = join(&part(&first)?.alternatives, &part(&second)?.alternatives).map_err(in_file)?;
    }
    Ok(patterns)
}

/// Every alternative of `first` followed by any alternative of `second`: one alternative
/// for each of the first's, so that the first is compiled once, not once for each of the
/// second's. The second part's alternatives start where the first's end, so each is
/// anchored (`^…`) and loses its anchor; the first's may not be anchored at the end.
fn join(first: &[String], second: &[String]) -> Result<Vec<String>, String> {
    let rests = second
        .iter()
        .map(|b| b.strip_prefix('^').map(|rest| format!("(?:{rest})")).ok_or_else(|| format!("{b:?} must start with ^ to follow another pattern")))
        .collect::<Result<Vec<_>, _>>()?;
    let rest = rests.join("|");
    first
        .iter()
        .map(|a| if a.ends_with('$') { Err(format!("{a:?} ends at the end of the text: nothing can follow it")) } else { Ok(format!("(?:{a})(?:{rest})")) })
        .collect()
}

/// What `used-by` paths are relative to.
const RULES_SOURCE: &str = "src/analysis";

pub(crate) fn parse<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn check_rule(source: RuleSource, category: &str, severity: Option<&str>, help_in_reply: bool) -> Result<DataRule, String> {
    let id = source.id;
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err("an id is kebab-case: lower-case letters, digits and hyphens".into());
    }
    let category = source.category.as_deref().unwrap_or(category);
    if !CATEGORIES.contains(&category) {
        return Err(format!("unknown category {category:?} (known: {})", CATEGORIES.join(", ")));
    }
    let severity = source.severity.as_deref().or(severity).ok_or("no severity, in the rule or the file")?;
    if !SEVERITIES.contains(&severity) {
        return Err(format!("unknown severity {severity:?} (known: {})", SEVERITIES.join(", ")));
    }
    if source.weight > 100 {
        return Err("a weight is from 0 to 100".into());
    }
    if source.good.is_empty() || source.bad.is_empty() {
        return Err("a rule needs examples both ways: `bad` (must flag) and `good` (must leave alone)".into());
    }
    let suggestion = match source.suggestion {
        None => None,
        Some(SuggestionSource { replace: Some(text), insert: None }) => Some(("Replace", text)),
        Some(SuggestionSource { replace: None, insert: Some(text) }) => Some(("Insert", text)),
        Some(_) => return Err("a suggestion is either `replace` or `insert`".into()),
    };
    let kind = match (&source.phrases, &source.swap, &source.patterns) {
        (_, Some(_), _) if source.phrases.is_some() || source.patterns.is_some() || suggestion.is_some() => {
            return Err("a `swap` rule has no `phrases`, `patterns` or `suggestion`: each swap says what to write".into())
        }
        (_, Some(_), _) => "Swap",
        (Some(_), None, None) => "Phrases",
        (Some(_), None, Some(_)) => "PhrasesAndPatterns",
        (None, None, Some(_)) => "Patterns",
        (None, None, None) => return Err("a rule needs `phrases`, `swap` or `patterns`".into()),
    };
    let alternatives =
        alternatives(source.phrases.as_deref(), source.swap.as_deref(), source.patterns.as_deref(), suggestion.as_ref())?;
    Ok(DataRule {
        category: kebab_to_camel(category),
        severity: kebab_to_camel(severity),
        weight: source.weight,
        message: source.message,
        help_in_reply: source.help_in_reply.unwrap_or(help_in_reply),
        only_in_replies: source.only_in_replies,
        kind,
        alternatives,
        unless: source.unless.map(|u| alternative(&u, u.clone(), None)).transpose()?.map(|a| a.regex),
        good: source.good,
        bad: source.bad,
        id,
    })
}

/// The alternatives of a rule or a code pattern, in matching order: patterns (the few
/// special cases), phrases, then swaps. Where two start at the same place, the earlier
/// one wins.
fn alternatives(
    phrases: Option<&str>,
    swap: Option<&str>,
    patterns: Option<&str>,
    suggestion: Option<&(&'static str, String)>,
) -> Result<Vec<Alternative>, String> {
    let mut out = Vec::new();
    for line in patterns.unwrap_or_default().lines().filter(|l| !l.trim().is_empty()) {
        out.push(alternative(line, line.to_string(), suggestion.cloned())?);
    }
    for line in sorted_lines(phrases.unwrap_or_default(), "phrases")? {
        let regex = phrase::compile(line).map_err(|e| format!("phrase {line:?}: {e}"))?;
        out.push(alternative(line, regex, suggestion.cloned())?);
    }
    for line in sorted_lines(swap.unwrap_or_default(), "swap")? {
        let (from, to) = line.split_once(" -> ").ok_or_else(|| format!("swap {line:?}: write `words -> replacement`"))?;
        let regex = phrase::compile(from).map_err(|e| format!("swap {line:?}: {e}"))?;
        out.push(alternative(line, regex, Some(("Replace", to.trim().to_string())))?);
    }
    Ok(out)
}

/// An alternative, compiled to the regex the matcher runs, or why it does not compile.
fn alternative(source: &str, regex: String, suggestion: Option<(&'static str, String)>) -> Result<Alternative, String> {
    let regex = pattern::expand(&regex);
    let syntax = regex_automata::util::syntax::Config::new().unicode(false).utf8(false).case_insensitive(true);
    regex_automata::util::syntax::parse_with(&regex, &syntax).map_err(|e| format!("{source:?} does not compile: {e}"))?;
    Ok(Alternative { source: source.to_string(), regex, suggestion })
}

/// The non-empty lines of a list, which must be sorted and free of repeats so that a
/// newcomer sees at once whether a phrase is already there.
fn sorted_lines<'a>(text: &'a str, field: &str) -> Result<Vec<&'a str>, String> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    for pair in lines.windows(2) {
        if pair[0] == pair[1] {
            return Err(format!("`{field}` lists {:?} twice", pair[0]));
        }
        if pair[0] > pair[1] {
            return Err(format!("`{field}` is kept sorted: {:?} goes before {:?}", pair[1], pair[0]));
        }
    }
    Ok(lines)
}

fn kebab_to_camel(name: &str) -> String {
    name.split('-').map(|part| part[..1].to_uppercase() + &part[1..]).collect()
}
