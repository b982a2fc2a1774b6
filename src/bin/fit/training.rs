//! The labelled rows the pitch model is fitted to, as features, and their fingerprint.
//! Shared by the fit (`src/bin/fit/main.rs`) and the test that the fitted weights are not
//! stale (`tests/fitted.rs`).

use std::path::Path;

use sociable::internals::{prior_weights, GENERAL_FEATURES};
use sociable::{Analyzer, Options};

/// The labelled files the shipped weights are fitted to, relative to the project root.
pub const DEV_FILES: [&str; 2] = ["../shared/corpus/youtube-dev.jsonl", "../shared/corpus/tweets-brand-dev.jsonl"];
/// The product brief's cases, fitted to as one more source.
pub const CASES: &str = "tests/cases";

/// The model's features: every rule, then the general features.
pub struct FeatureSpace {
    pub names: Vec<String>,
    /// Where the fit starts and what it is drawn back to.
    pub prior: Vec<f64>,
    /// Where the general features start in `names`.
    pub general_start: usize,
}

impl FeatureSpace {
    pub fn new() -> FeatureSpace {
        let mut rules = prior_weights();
        rules.sort_by(|a, b| a.0.cmp(b.0));
        let general_start = rules.len();
        let names = rules.iter().map(|(id, _)| id.to_string()).chain(GENERAL_FEATURES.iter().map(|g| g.to_string())).collect();
        let prior = rules.iter().map(|(_, w)| f64::from(*w)).chain(GENERAL_FEATURES.iter().map(|_| 0.0)).collect();
        FeatureSpace { names, prior, general_start }
    }

    fn index(&self, name: &str) -> usize {
        self.names[..self.general_start].binary_search_by(|n| n.as_str().cmp(name)).expect("every rule has a prior weight")
    }
}

/// One row with pitch evidence.
pub struct Sample {
    /// Sparse features: (index in the feature space, value).
    pub x: Vec<(usize, f64)>,
    /// Its label, if it has one the fit can use.
    pub pitch: Option<bool>,
    /// A pitch whatever the score.
    pub alert: bool,
    /// For a case of the brief: whether it must be called a pitch at relaxed, balanced and
    /// strict, where the case says.
    pub verdicts: [Option<bool>; 3],
}

/// One labelled file.
pub struct Source {
    pub name: String,
    /// How much the source counts in the fit, all its rows together.
    pub weight: f64,
    /// The rows with a label, and how many of them are pitches.
    pub rows: usize,
    pub pitches: usize,
    /// The rows some pitch rule fired on; the others score 0 whatever the weights.
    pub samples: Vec<Sample>,
}

/// A labelled corpus file: rows with `text` and `label` (`pitch` or anything else).
pub fn read_corpus(path: &Path, space: &FeatureSpace) -> Result<Source, String> {
    read_source(path, space, |row| match (row["text"].as_str(), row["label"].as_str()) {
        (Some(text), Some(label)) => Ok(Some((text, Some(label == "pitch"), [None; 3]))),
        _ => Err("a row needs \"text\" and \"label\"".to_string()),
    })
}

/// The product brief's cases (`tests/cases/*.jsonl`), labelled by their expected verdicts: a
/// pitch at `balanced` or `relaxed` is a pitch; no pitch at `balanced` or `strict`, or no
/// pitch at all (`no_pitch`), is not. Cases that only say what `strict` calls a pitch, and
/// replies, teach nothing here.
pub fn read_cases(dir: &Path, space: &FeatureSpace) -> Result<Source, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
        .collect();
    files.sort();
    let mut all = Source { name: "tests/cases".to_string(), weight: 1.0, rows: 0, pitches: 0, samples: Vec::new() };
    for path in files {
        let source = read_source(&path, space, |case| {
            if case.get("reply").is_some() || case.get("parent").is_some() {
                return Ok(None);
            }
            let no_pitch = case["no_pitch"].as_bool() == Some(true);
            let verdicts = ["relaxed", "balanced", "strict"]
                .map(|strictness| case["verdict"][strictness].as_str().map(|v| v == "pitch").or(no_pitch.then_some(false)));
            let pitch = match verdicts {
                [_, Some(balanced), _] => Some(balanced),
                [Some(true), _, _] => Some(true),
                [_, _, Some(false)] => Some(false),
                _ => None,
            };
            let text = case["text"].as_str().ok_or("a case needs \"text\"")?;
            Ok((verdicts.iter().any(Option::is_some)).then_some((text, pitch, verdicts)))
        })?;
        all.rows += source.rows;
        all.pitches += source.pitches;
        all.samples.extend(source.samples);
    }
    Ok(all)
}

/// Reads the rows `label` gives a text and a label for (`None` skips a row).
fn read_source(
    path: &Path,
    space: &FeatureSpace,
    label: impl Fn(&serde_json::Value) -> Result<Option<(&str, Option<bool>, [Option<bool>; 3])>, String>,
) -> Result<Source, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let analyzer = Analyzer::new(&Options::default()).map_err(|e| e.to_string())?;
    let (mut rows, mut pitches, mut samples) = (0, 0, Vec::new());
    for (number, line) in text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        let at = |e: String| format!("{}:{}: {e}", path.display(), number + 1);
        let row: serde_json::Value = serde_json::from_str(line).map_err(|e| at(e.to_string()))?;
        let Some((draft, pitch, verdicts)) = label(&row).map_err(at)? else {
            continue;
        };
        if let Some(pitch) = pitch {
            rows += 1;
            pitches += usize::from(pitch);
        }
        if let Some(evidence) = analyzer.pitch_evidence(draft) {
            let mut x: Vec<(usize, f64)> = evidence.rules.iter().map(|(id, value)| (space.index(id), f64::from(*value))).collect();
            x.extend(evidence.general.iter().enumerate().map(|(i, value)| (space.general_start + i, f64::from(*value))));
            samples.push(Sample { x, pitch, alert: evidence.alert, verdicts });
        }
    }
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok(Source { name, weight: 1.0, rows, pitches, samples })
}

/// A hash of everything the fit reads: the features' names and priors and every sample.
/// The same rules on the same files give the same fingerprint; any change that would move
/// the fit changes it.
pub fn fingerprint(space: &FeatureSpace, sources: &[Source]) -> String {
    // FNV-1a, 64 bits: stable across platforms and releases, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (name, prior) in space.names.iter().zip(&space.prior) {
        feed(name.as_bytes());
        feed(&(*prior as f32).to_le_bytes());
    }
    for source in sources {
        feed(&(source.rows as u64).to_le_bytes());
        feed(&(source.pitches as u64).to_le_bytes());
        for sample in &source.samples {
            let label = |pitch: Option<bool>| pitch.map_or(2, u8::from);
            feed(&[label(sample.pitch), u8::from(sample.alert)]);
            feed(&sample.verdicts.map(label));
            for (index, value) in &sample.x {
                feed(&(*index as u32).to_le_bytes());
                feed(&(*value as f32).to_le_bytes());
            }
        }
    }
    format!("{hash:016x}")
}
