//! Every fixed pattern of the analysis, compiled ahead of time.
//!
//! Parsing and compiling the rule table's patterns took about 100 ms each time the
//! extension's background started (its service worker is stopped whenever it idles). So
//! the patterns are compiled into NFAs once, stored in `compiled.bin` (kept current by
//! `tests/automata.rs`, which rebuilds it from the sources), and read back here in a small
//! fraction of that time. Matching runs lazy DFAs over those NFAs: linear in the text, and
//! no pattern parser in the WebAssembly build.

mod codec;

use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::hybrid::{self, dfa::DFA};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::NFA;
use regex_automata::util::captures::Captures;
use regex_automata::util::iter::Searcher;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, MatchKind, PatternID, PatternSet};

pub(crate) use codec::DecodeError;

use super::reply;
use super::rules::{self, RULES};

/// The compiled patterns, built from [`sources`] by [`generate`].
static COMPILED: &[u8] = include_bytes!("compiled.bin");

const MAGIC: &[u8; 4] = b"SOC1";

/// The fixed patterns that code rules match, in the order they are stored after the
/// table's patterns.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Fixed {
    Url,
    QuestionOpener,
    HookOpener,
    Request,
    HelpCue,
}

impl Fixed {
    const ALL: [Fixed; 5] = [Fixed::Url, Fixed::QuestionOpener, Fixed::HookOpener, Fixed::Request, Fixed::HelpCue];

    fn source(self) -> &'static str {
        match self {
            Fixed::Url => rules::URL_PATTERN,
            Fixed::QuestionOpener => rules::QUESTION_OPENER_PATTERN,
            Fixed::HookOpener => rules::HOOK_OPENER_PATTERN,
            Fixed::Request => reply::REQUEST,
            Fixed::HelpCue => reply::HELP_CUE,
        }
    }
}

/// Every pattern as written, in stored order: each table rule's pattern, each table rule's
/// `unless` pattern ("" when it has none), then the [`Fixed`] patterns.
pub(crate) fn sources() -> Vec<&'static str> {
    let patterns = RULES.iter().map(|rule| rule.pattern);
    let unless = RULES.iter().map(|rule| rule.unless);
    patterns.chain(unless).chain(Fixed::ALL.iter().map(|f| f.source())).collect()
}

/// A table rule's pattern.
pub(crate) fn rule(index: usize) -> &'static Pattern {
    pattern(index)
}

/// A table rule's `unless` pattern, if it has one.
pub(crate) fn unless(index: usize) -> Option<&'static Pattern> {
    (!RULES[index].unless.is_empty()).then(|| pattern(RULES.len() + index))
}

/// One of the code rules' patterns.
pub(crate) fn fixed(which: Fixed) -> &'static Pattern {
    pattern(2 * RULES.len() + which as usize)
}

/// The table's patterns as one set, to ask which rules match somewhere in a text.
pub(crate) fn rule_set() -> &'static RuleSet {
    &stored().set
}

/// Reads the stored patterns' index and the rule set now, rather than on the first draft.
pub(crate) fn warm_up() {
    stored();
}

struct Stored {
    set: RuleSet,
    /// Where each pattern's NFAs start in [`COMPILED`].
    offsets: Vec<usize>,
    patterns: Vec<OnceLock<Pattern>>,
}

fn stored() -> &'static Stored {
    static STORED: OnceLock<Stored> = OnceLock::new();
    // `tests/automata.rs` reads back every stored pattern, so a blob that fails here never
    // leaves a tested build.
    STORED.get_or_init(|| read_stored(COMPILED).expect("compiled patterns read back"))
}

fn read_stored(blob: &'static [u8]) -> Result<Stored, DecodeError> {
    let mut bytes = blob.strip_prefix(MAGIC).ok_or(DecodeError("not a compiled pattern file"))?;
    let set_nfa = codec::decode(&mut bytes)?;
    let count = usize::try_from(codec::read_varint(&mut bytes)?).unwrap_or(usize::MAX);
    if count != sources().len() {
        return Err(DecodeError("the number of patterns stored is not the number of sources"));
    }
    let mut offsets = Vec::with_capacity(count);
    let mut at = 0usize;
    for _ in 0..count {
        offsets.push(at);
        at += usize::try_from(codec::read_varint(&mut bytes)?).unwrap_or(usize::MAX);
    }
    if at > bytes.len() {
        return Err(DecodeError("truncated"));
    }
    let base = blob.len() - bytes.len();
    let set = RuleSet::new(set_nfa)?;
    Ok(Stored {
        set,
        offsets: offsets.into_iter().map(|o| base + o).collect(),
        patterns: (0..count).map(|_| OnceLock::new()).collect(),
    })
}

fn pattern(index: usize) -> &'static Pattern {
    let stored = stored();
    stored.patterns[index].get_or_init(|| {
        let mut bytes = &COMPILED[stored.offsets[index]..];
        read_pattern(&mut bytes).expect("compiled patterns read back")
    })
}

fn read_pattern(bytes: &mut &[u8]) -> Result<Pattern, DecodeError> {
    let forward = codec::decode(bytes)?;
    let reverse = codec::decode(bytes)?;
    Pattern::new(forward, reverse)
}

/// The most memory the lazy DFAs may fill with states before starting over. The set sees
/// every byte of every draft and its states are large (each holds a place in every rule),
/// so it gets room enough to keep the states real drafts visit; rebuilding them after
/// each clear is what would cost. Caches grow only as states are made.
const SET_CACHE_BYTES: usize = 64 << 20;
const PATTERN_CACHE_BYTES: usize = 8 << 20;

type CachePool<T> = Pool<T, Box<dyn Fn() -> T + Send + Sync + std::panic::RefUnwindSafe + std::panic::UnwindSafe>>;

/// The table's patterns together: which of them match somewhere in a text.
pub(crate) struct RuleSet {
    dfa: DFA,
    caches: CachePool<hybrid::dfa::Cache>,
}

impl RuleSet {
    fn new(nfa: NFA) -> Result<RuleSet, DecodeError> {
        let dfa = DFA::builder()
            .configure(DFA::config().match_kind(MatchKind::All).cache_capacity(SET_CACHE_BYTES))
            .build_from_nfa(nfa)
            .map_err(|_| DecodeError("the lazy DFA refused the NFA"))?;
        let for_caches = dfa.clone();
        Ok(RuleSet { dfa, caches: Pool::new(Box::new(move || for_caches.create_cache())) })
    }

    /// Indexes of the rules that match somewhere in `haystack`, in table order.
    pub(crate) fn matches(&self, haystack: &[u8]) -> Vec<usize> {
        let mut found = PatternSet::new(self.dfa.pattern_len());
        let mut cache = self.caches.get();
        // The lazy DFA is configured so that it cannot fail (no quit bytes, no giving up),
        // so an error is impossible; were one to occur, the draft would go unflagged.
        let _ = self.dfa.try_which_overlapping_matches(&mut cache, &Input::new(haystack), &mut found);
        found.iter().map(|id| id.as_usize()).collect()
    }
}

/// One compiled pattern: a lazy DFA for where matches are, and for patterns with a group
/// named `m` or `x` (which narrows the flagged words), an NFA search for that group.
pub(crate) struct Pattern {
    regex: hybrid::regex::Regex,
    /// Whether every match starts at the start of the text (`^…`): searches then stop at
    /// the first byte that cannot continue a match instead of scanning on.
    anchored: Anchored,
    narrow: Option<PikeVM>,
    caches: CachePool<Caches>,
}

struct Caches {
    regex: hybrid::regex::Cache,
    narrow: Option<(pikevm::Cache, Captures)>,
}

/// The groups that narrow a match to the words to flag, in order of preference.
const NARROWING_GROUPS: [&str; 2] = ["m", "x"];

/// Whether a one-pattern NFA has a group that narrows its matches.
fn narrows(nfa: &NFA) -> bool {
    NARROWING_GROUPS.iter().any(|name| nfa.group_info().to_index(PatternID::ZERO, name).is_some())
}

impl Pattern {
    fn new(forward: NFA, reverse: NFA) -> Result<Pattern, DecodeError> {
        let error = |_: hybrid::BuildError| DecodeError("the lazy DFA refused the NFA");
        let anchored = if forward.is_always_start_anchored() { Anchored::Yes } else { Anchored::No };
        let narrow = if narrows(&forward) {
            Some(PikeVM::new_from_nfa(forward.clone()).map_err(|_| DecodeError("the Pike VM refused the NFA"))?)
        } else {
            None
        };
        let forward = DFA::builder().configure(DFA::config().cache_capacity(PATTERN_CACHE_BYTES)).build_from_nfa(forward).map_err(error)?;
        let reverse = DFA::builder()
            .configure(
                DFA::config()
                    .prefilter(None)
                    .specialize_start_states(false)
                    .match_kind(MatchKind::All)
                    .cache_capacity(PATTERN_CACHE_BYTES),
            )
            .build_from_nfa(reverse)
            .map_err(error)?;
        let for_regex = hybrid::regex::Regex::builder().build_from_dfas(forward.clone(), reverse.clone());
        let regex = hybrid::regex::Regex::builder().build_from_dfas(forward, reverse);
        let for_narrow = narrow.clone();
        let caches: CachePool<Caches> = Pool::new(Box::new(move || Caches {
            regex: for_regex.create_cache(),
            narrow: for_narrow.as_ref().map(|vm| (vm.create_cache(), vm.create_captures())),
        }));
        Ok(Pattern { regex, anchored, narrow, caches })
    }

    /// Whether the pattern matches somewhere in `haystack`.
    pub(crate) fn is_match(&self, haystack: &[u8]) -> bool {
        let mut caches = self.caches.get();
        let input = Input::new(haystack).anchored(self.anchored).earliest(true);
        matches!(self.regex.try_search(&mut caches.regex, &input), Ok(Some(_)))
    }

    /// Calls `each` with every match, leftmost first and not overlapping.
    pub(crate) fn for_each_match(&self, haystack: &[u8], mut each: impl FnMut(Range<usize>)) {
        let mut caches = self.caches.get();
        let mut searcher = Searcher::new(Input::new(haystack).anchored(self.anchored));
        // As in `RuleSet::matches`, the search cannot fail; an error ends it.
        while let Ok(Some(found)) = searcher.try_advance(|input| self.regex.try_search(&mut caches.regex, input)) {
            each(found.range());
        }
    }

    /// Like [`Pattern::for_each_match`], but each match is narrowed to its `m` or `x`
    /// group when the pattern has one and it took part.
    pub(crate) fn for_each_flagged(&self, haystack: &[u8], mut each: impl FnMut(Range<usize>)) {
        let Some(vm) = &self.narrow else {
            return self.for_each_match(haystack, each);
        };
        let mut caches = self.caches.get();
        let Caches { regex, narrow } = &mut *caches;
        let (vm_cache, captures) = narrow.as_mut().expect("a narrowing pattern has NFA caches");
        let mut searcher = Searcher::new(Input::new(haystack).anchored(self.anchored));
        while let Ok(Some(found)) = searcher.try_advance(|input| self.regex.try_search(regex, input)) {
            // The group is found the way the `regex` crate finds groups: an NFA search
            // anchored at the match and bounded by it.
            let input = Input::new(haystack).range(found.range()).anchored(Anchored::Yes);
            vm.search(vm_cache, &input, captures);
            let group = NARROWING_GROUPS.iter().find_map(|name| captures.get_group_by_name(name));
            each(group.map_or(found.range(), |span| span.range()));
        }
    }
}

/// Compiles [`sources`] into the bytes `compiled.bin` holds.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn generate() -> Result<Vec<u8>, String> {
    use regex_automata::nfa::thompson::{Compiler, Config, WhichCaptures};
    use regex_automata::util::syntax;

    let expanded: Vec<String> = sources().iter().map(|source| rules::expand_pattern(source)).collect();
    let syntax = syntax::Config::new().unicode(false).utf8(false).case_insensitive(true);
    let compile = |patterns: &[&str], config: Config| {
        Compiler::new()
            .syntax(syntax)
            .configure(config.utf8(false).shrink(false))
            .build_many(patterns)
            .map_err(|e| format!("pattern does not compile: {e}\n{}", patterns.join("\n")))
    };

    // Each NFA is read back as it is written: what the blob holds must be what was compiled.
    let encode = |nfa: &NFA, out: &mut Vec<u8>| {
        let from = out.len();
        codec::encode(nfa, out);
        let mut written = &out[from..];
        match codec::decode(&mut written) {
            Ok(back) if format!("{back:?}") == format!("{nfa:?}") && written.is_empty() => Ok(()),
            Ok(_) => Err("an NFA reads back different from what was written".to_string()),
            Err(e) => Err(e.to_string()),
        }
    };

    let mut out = MAGIC.to_vec();
    let table: Vec<&str> = expanded[..RULES.len()].iter().map(String::as_str).collect();
    encode(&compile(&table, Config::new().which_captures(WhichCaptures::None))?, &mut out)?;
    let mut encoded = Vec::new();
    for pattern in &expanded {
        let mut one = Vec::new();
        let mut forward = compile(&[pattern], Config::new().which_captures(WhichCaptures::All))?;
        if !narrows(&forward) {
            forward = compile(&[pattern], Config::new().which_captures(WhichCaptures::Implicit))?;
        }
        encode(&forward, &mut one)?;
        let reverse = compile(&[pattern], Config::new().reverse(true).which_captures(WhichCaptures::None))?;
        encode(&reverse, &mut one)?;
        encoded.push(one);
    }
    codec::write_varint(&mut out, encoded.len() as u64);
    for one in &encoded {
        codec::write_varint(&mut out, one.len() as u64);
    }
    encoded.iter().for_each(|one| out.extend(one));
    Ok(out)
}

/// Reads every stored pattern back, or says which one cannot be (for `tests/automata.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn check_stored() -> Result<(), String> {
    let blob = COMPILED;
    let stored = read_stored(blob).map_err(|e| e.to_string())?;
    for (index, &offset) in stored.offsets.iter().enumerate() {
        let mut bytes = &blob[offset..];
        read_pattern(&mut bytes).map_err(|e| format!("pattern {index}: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_short_blob_is_an_error_not_a_panic() {
        for len in (0..COMPILED.len()).step_by(997).chain([COMPILED.len() - 1]) {
            assert!(read_stored(&COMPILED[..len]).is_err(), "cut at {len} bytes");
        }
        let mut bytes = &COMPILED[..COMPILED.len() / 2];
        bytes = &bytes[MAGIC.len()..];
        codec::decode(&mut bytes).expect("the rule set comes first and reads back");
    }

    #[test]
    fn narrowing_groups_narrow_and_anchored_patterns_stop_early() {
        let mut spans = Vec::new();
        let cta_like = RULES.iter().position(|r| r.id == "cta-like-share").expect("rule exists");
        rule(cta_like).for_each_flagged(b"Please like my video", |found| spans.push(found));
        assert_eq!(spans, vec![7..14]);
        assert!(fixed(Fixed::QuestionOpener).is_match(b"anyone tried this"));
        assert!(!fixed(Fixed::QuestionOpener).is_match(b"Tell me, has anyone tried this"));
    }
}
