//! What the caller can set: strictness, context, categories switched off, own phrases.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::report::Category;

/// How much Sociable warns about. Stricter presets flag a superset of looser ones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strictness {
    /// Warns only on a clear sales pitch or bait.
    Relaxed,
    /// Warns on a pitch, and hints when a post leaves no room for conversation.
    #[default]
    Balanced,
    /// Also flags single calls to action, self-promotion and hype, and asks for an opening.
    Strict,
}

impl Strictness {
    /// The three presets, loosest first.
    pub const ALL: [Strictness; 3] = [Strictness::Relaxed, Strictness::Balanced, Strictness::Strict];

    /// The preset's name as written in options and reports.
    pub fn name(self) -> &'static str {
        match self {
            Strictness::Relaxed => "relaxed",
            Strictness::Balanced => "balanced",
            Strictness::Strict => "strict",
        }
    }
}

impl std::str::FromStr for Strictness {
    type Err = OptionsError;

    fn from_str(s: &str) -> Result<Strictness, OptionsError> {
        Strictness::ALL
            .into_iter()
            .find(|preset| preset.name() == s)
            .ok_or_else(|| OptionsError::new(format!("unknown strictness {s:?}: expected relaxed, balanced or strict")))
    }
}

/// Where the draft will appear.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Context {
    /// A new post of one's own.
    #[default]
    NewPost,
    /// A reply, with the text of the post being answered when it is known.
    Reply {
        /// The parent post's text.
        #[serde(default)]
        parent: Option<String>,
    },
}

/// Everything that steers an analysis. Missing fields take their defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// How much to warn about.
    pub strictness: Strictness,
    /// New post or reply.
    pub context: Context,
    /// Categories whose findings are neither reported nor scored.
    pub disabled_categories: Vec<Category>,
    /// The user's own phrases to flag as self-promotion (a product they sell, say).
    pub flag_phrases: Vec<String>,
    /// The user's own phrases never to flag (their brand name, say).
    pub allow_phrases: Vec<String>,
    /// Name in each finding which line of its rule's file matched (`Finding::matched`). The
    /// WebAssembly build leaves those lines out to be smaller, so there it names none.
    pub explain: bool,
}

/// The most phrases of each kind, and the longest phrase, that options may carry.
pub(crate) const MAX_PHRASES: usize = 200;
pub(crate) const MAX_PHRASE_LEN: usize = 200;

impl Options {
    /// Checks what no analysis can use: empty, overlong or too many phrases.
    pub fn validate(&self) -> Result<(), OptionsError> {
        for (field, phrases) in [("flag_phrases", &self.flag_phrases), ("allow_phrases", &self.allow_phrases)] {
            if phrases.len() > MAX_PHRASES {
                return Err(OptionsError::new(format!("{field}: {} phrases, at most {MAX_PHRASES} allowed", phrases.len())));
            }
            for phrase in phrases {
                let len = phrase.trim().chars().count();
                if len == 0 {
                    return Err(OptionsError::new(format!("{field}: a phrase is empty")));
                }
                if len > MAX_PHRASE_LEN {
                    return Err(OptionsError::new(format!(
                        "{field}: a phrase has {len} characters, at most {MAX_PHRASE_LEN} allowed"
                    )));
                }
            }
        }
        Ok(())
    }
}

/// Options that cannot be used, with a message saying why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionsError {
    message: String,
}

impl OptionsError {
    pub(crate) fn new(message: String) -> OptionsError {
        OptionsError { message }
    }

    /// What is wrong, in one sentence.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid options: {}", self.message)
    }
}

impl std::error::Error for OptionsError {}
