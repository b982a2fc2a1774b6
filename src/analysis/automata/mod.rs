//! Matching compiled patterns: the matcher, which knows no rule.
//!
//! Parsing and compiling the rules' patterns took about 100 ms each time the extension's
//! background started (its service worker is stopped whenever it idles). So `build.rs`
//! compiles them into NFAs once, into a store of bytes, which [`Store::read`] reads back
//! here in a small fraction of that time. Matching runs lazy DFAs over those NFAs: linear
//! in the text, and no pattern parser in the WebAssembly build.
//!
//! The store holds a set (one pattern per rule, to ask which rules may match somewhere:
//! it holds only the beginnings of their alternatives, see `build/nfa.rs`) and entries
//! (each a list of alternatives, to find where they match and which one did; stored
//! forward only, their reverse NFAs are derived, see `reverse.rs`). The set is
//! asked about the text with its bytes folded (`alphabet.rs`, `build/fold.rs`): letters to
//! lower case, digits to `0`, UTF-8 to one byte per part, and so on, which leaves no
//! upper-case transitions to read back and few enough byte classes for small DFA states.

mod alphabet;
mod codec;
mod reverse;

use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::hybrid::{self, dfa::DFA};
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::NFA;
use regex_automata::util::captures::Captures;
use regex_automata::util::iter::Searcher;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, MatchKind, PatternSet};

pub(crate) use codec::DecodeError;

const MAGIC: &[u8; 4] = b"SOC2";

/// Compiled patterns read back from the bytes `build.rs` wrote.
pub(crate) struct Store {
    bytes: &'static [u8],
    set: RuleSet,
    /// Where each entry's NFAs start in `bytes`.
    offsets: Vec<usize>,
    entries: Vec<OnceLock<Pattern>>,
}

impl Store {
    /// Reads the store's index and its set; entries are read when first used.
    pub(crate) fn read(bytes: &'static [u8]) -> Result<Store, DecodeError> {
        let mut rest = bytes.strip_prefix(MAGIC).ok_or(DecodeError("not a compiled pattern file"))?;
        let set_nfa = codec::decode(&mut rest)?;
        let count = usize::try_from(codec::read_varint(&mut rest)?).unwrap_or(usize::MAX);
        if count > rest.len() {
            return Err(DecodeError("truncated"));
        }
        let mut offsets = Vec::with_capacity(count);
        let mut at = 0usize;
        for _ in 0..count {
            offsets.push(at);
            at = at.saturating_add(usize::try_from(codec::read_varint(&mut rest)?).unwrap_or(usize::MAX));
        }
        if at > rest.len() {
            return Err(DecodeError("truncated"));
        }
        let base = bytes.len() - rest.len();
        Ok(Store {
            bytes,
            set: RuleSet::new(set_nfa)?,
            offsets: offsets.into_iter().map(|o| base + o).collect(),
            entries: (0..count).map(|_| OnceLock::new()).collect(),
        })
    }

    /// The set: which of its patterns match somewhere in a text.
    pub(crate) fn set(&self) -> &RuleSet {
        &self.set
    }

    /// How many entries the store holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// One entry. The store's own bytes were checked when it was built (`build.rs` reads
    /// every NFA back as it writes it), so failing to read one here is a broken build.
    pub(crate) fn entry(&self, index: usize) -> &Pattern {
        self.entries[index].get_or_init(|| self.read_entry(index).expect("compiled patterns read back"))
    }

    /// Reads one entry, or says why it cannot be read.
    pub(crate) fn read_entry(&self, index: usize) -> Result<Pattern, DecodeError> {
        let (&ends_at_end, mut bytes) = self.bytes[self.offsets[index]..].split_first().ok_or(DecodeError("truncated"))?;
        let ends_at_end = match ends_at_end {
            0 => false,
            1 => true,
            _ => return Err(DecodeError("bad entry flags")),
        };
        Pattern::new(codec::decode(&mut bytes)?, ends_at_end)
    }
}

/// The lazy DFA that reads a reverse NFA back from where a match ends to where it starts.
fn reverse_dfa(nfa: NFA) -> Result<DFA, DecodeError> {
    DFA::builder()
        .configure(DFA::config().prefilter(None).specialize_start_states(false).match_kind(MatchKind::All).cache_capacity(PATTERN_CACHE_BYTES))
        .build_from_nfa(nfa)
        .map_err(dfa_error)
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
    caches: CachePool<SetCaches>,
}

/// What a search of the set works in, kept between searches: the lazy DFA's cache, room
/// for the folded text, and the patterns found.
struct SetCaches {
    dfa: hybrid::dfa::Cache,
    folded: Vec<u8>,
    found: PatternSet,
}

impl RuleSet {
    fn new(nfa: NFA) -> Result<RuleSet, DecodeError> {
        let dfa = DFA::builder()
            .configure(DFA::config().match_kind(MatchKind::All).cache_capacity(SET_CACHE_BYTES))
            .build_from_nfa(nfa)
            .map_err(|_| DecodeError("the lazy DFA refused the NFA"))?;
        let for_caches = dfa.clone();
        let caches: CachePool<SetCaches> = Pool::new(Box::new(move || SetCaches {
            dfa: for_caches.create_cache(),
            folded: Vec::new(),
            found: PatternSet::new(for_caches.pattern_len()),
        }));
        Ok(RuleSet { dfa, caches })
    }

    /// Indexes of the rules that may match somewhere in `haystack`, in table order: every
    /// rule that matches, and perhaps some that do not (the set holds only how their
    /// alternatives begin, and in either case where a pattern asks for one, `(?-i:…)`).
    /// Calls `each` with them, without allocating.
    pub(crate) fn for_each_match(&self, haystack: &[u8], mut each: impl FnMut(usize)) {
        let mut guard = self.caches.get();
        let SetCaches { dfa: cache, folded, found } = &mut *guard;
        folded.clear();
        folded.extend(haystack.iter().map(|&b| alphabet::FOLDED[usize::from(b)]));
        found.clear();
        // The lazy DFA is configured so that it cannot fail (no quit bytes, no giving up),
        // so an error is impossible; were one to occur, the draft would go unflagged.
        let _ = self.dfa.try_which_overlapping_matches(cache, &Input::new(folded.as_slice()), found);
        found.iter().for_each(|id| each(id.as_usize()));
    }

    #[cfg(test)]
    pub(crate) fn matches(&self, haystack: &[u8]) -> Vec<usize> {
        let mut found = Vec::new();
        self.for_each_match(haystack, |index| found.push(index));
        found
    }
}

/// One entry: a lazy DFA for where its alternatives match, and for entries whose
/// alternatives flag part of their match (a group named `m`), an NFA search for that part.
pub(crate) struct Pattern {
    forward: DFA,
    /// The DFA that finds where a match starts, read back from its end: built from the
    /// forward NFA (`reverse.rs`) when a search first needs it, which most entries' searches
    /// never do (they ask whether, or where a match ends, and find none).
    reverse: OnceLock<DFA>,
    /// Whether every match starts at the start of the text (`^…`): searches then stop at
    /// the first byte that cannot continue a match instead of scanning on.
    anchored: Anchored,
    /// Whether every match ends at the end of the text (`…$`).
    ends_at_end: bool,
    narrow: Option<Narrow>,
    /// Which alternatives flag part of their match: only their matches need narrowing.
    narrowing: Vec<bool>,
    caches: CachePool<Caches>,
}

/// What finds the flagged part inside a match: the bounded backtracker, fast on the short
/// spans phrases match, and the Pike VM for spans too long for the backtracker's memory.
#[derive(Clone)]
struct Narrow {
    backtracker: BoundedBacktracker,
    vm: PikeVM,
}

struct Caches {
    forward: hybrid::dfa::Cache,
    /// Made with the reverse DFA.
    reverse: Option<hybrid::dfa::Cache>,
    narrow: Option<NarrowCaches>,
}

struct NarrowCaches {
    backtracker: backtrack::Cache,
    vm: pikevm::Cache,
    captures: Captures,
}

/// The group that narrows a match to the words to flag.
const FLAGGED_GROUP: &str = "m";

/// Which alternatives of an NFA flag part of their match.
fn narrowing(nfa: &NFA) -> Vec<bool> {
    nfa.patterns().map(|p| nfa.group_info().to_index(p, FLAGGED_GROUP).is_some()).collect()
}

/// A match: where, and which alternative of the entry (the first, when several match the
/// same words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub range: Range<usize>,
    pub alternative: usize,
}

fn dfa_error(_: hybrid::BuildError) -> DecodeError {
    DecodeError("the lazy DFA refused the NFA")
}

impl Pattern {
    fn new(forward: NFA, ends_at_end: bool) -> Result<Pattern, DecodeError> {
        let anchored = if forward.is_always_start_anchored() { Anchored::Yes } else { Anchored::No };
        let narrowing = narrowing(&forward);
        let narrow = if narrowing.contains(&true) {
            Some(Narrow {
                backtracker: BoundedBacktracker::new_from_nfa(forward.clone()).map_err(|_| DecodeError("the backtracker refused the NFA"))?,
                vm: PikeVM::new_from_nfa(forward.clone()).map_err(|_| DecodeError("the Pike VM refused the NFA"))?,
            })
        } else {
            None
        };
        let forward = DFA::builder().configure(DFA::config().cache_capacity(PATTERN_CACHE_BYTES)).build_from_nfa(forward).map_err(dfa_error)?;
        let for_caches = forward.clone();
        let for_narrow = narrow.clone();
        let caches: CachePool<Caches> = Pool::new(Box::new(move || Caches {
            forward: for_caches.create_cache(),
            reverse: None,
            narrow: for_narrow.as_ref().map(|narrow| NarrowCaches {
                backtracker: narrow.backtracker.create_cache(),
                vm: narrow.vm.create_cache(),
                captures: narrow.vm.create_captures(),
            }),
        }));
        Ok(Pattern { forward, reverse: OnceLock::new(), anchored, ends_at_end, narrow, narrowing, caches })
    }

    /// The reverse DFA, built on first use. Every entry's reverse builds (a test builds them
    /// all), so failing here is a broken build, as in [`Store::entry`].
    fn reverse(&self) -> &DFA {
        self.reverse.get_or_init(|| {
            reverse::reversed(self.forward.get_nfa(), self.ends_at_end).and_then(reverse_dfa).expect("the reverse NFA builds")
        })
    }

    /// The reverse DFA's cache in `caches`, made when first needed.
    fn reverse_cache<'c>(&self, caches: &'c mut Caches) -> (&DFA, &'c mut hybrid::dfa::Cache) {
        let reverse = self.reverse();
        (reverse, caches.reverse.get_or_insert_with(|| reverse.create_cache()))
    }

    /// Whether the pattern matches somewhere in `haystack`. One DFA runs, not both: where
    /// the match starts does not matter here.
    pub(crate) fn is_match(&self, haystack: &[u8]) -> bool {
        if self.ends_at_end {
            // Every match ends where the text does ("…, right?"): read back from the end,
            // the search stops a few bytes in on most texts instead of reading them all.
            let mut caches = self.caches.get();
            let (reverse, cache) = self.reverse_cache(&mut caches);
            let input = Input::new(haystack).anchored(Anchored::Yes).earliest(true);
            return matches!(reverse.try_search_rev(cache, &input), Ok(Some(_)));
        }
        self.end_of(Input::new(haystack).anchored(self.anchored).earliest(true)).is_some()
    }

    /// Where the pattern's first match (leftmost) ends in `haystack`, found by the forward
    /// DFA alone.
    pub(crate) fn end(&self, haystack: &[u8]) -> Option<usize> {
        self.end_of(Input::new(haystack).anchored(self.anchored))
    }

    fn end_of(&self, input: Input<'_>) -> Option<usize> {
        let mut caches = self.caches.get();
        // As in `RuleSet::matches`, the search cannot fail.
        self.forward.try_search_fwd(&mut caches.forward, &input).ok().flatten().map(|m| m.offset())
    }

    /// The leftmost match in `input`, as `hybrid::regex::Regex` finds it: where it ends by
    /// the forward DFA, then where it starts by the reverse one, anchored at that end.
    fn search(&self, caches: &mut Caches, input: &Input<'_>) -> Option<regex_automata::Match> {
        let end = self.forward.try_search_fwd(&mut caches.forward, input).ok().flatten()?;
        if input.start() == end.offset() || input.get_anchored().is_anchored() {
            return Some(regex_automata::Match::new(end.pattern(), input.start()..end.offset()));
        }
        let (reverse, cache) = self.reverse_cache(caches);
        let back = input.clone().span(input.start()..end.offset()).anchored(Anchored::Yes).earliest(false);
        let start = reverse.try_search_rev(cache, &back).ok().flatten()?;
        Some(regex_automata::Match::new(end.pattern(), start.offset()..end.offset()))
    }

    /// Where the pattern first matches in `haystack` (leftmost, the whole match).
    pub(crate) fn find(&self, haystack: &[u8]) -> Option<Range<usize>> {
        let mut caches = self.caches.get();
        self.search(&mut caches, &Input::new(haystack).anchored(self.anchored)).map(|m| m.range())
    }

    /// Calls `each` with every match, leftmost first and not overlapping, narrowed to its
    /// flagged part (`m`) when its alternative has one and it took part.
    pub(crate) fn for_each_match(&self, haystack: &[u8], mut each: impl FnMut(Found)) {
        let mut caches = self.caches.get();
        let mut searcher = Searcher::new(Input::new(haystack).anchored(self.anchored));
        while let Ok(Some(found)) = searcher.try_advance(|input| Ok(self.search(&mut caches, input))) {
            let mut range = found.range();
            let narrows = self.narrowing.get(found.pattern().as_usize()).copied().unwrap_or(false);
            if let (true, Some(engines), Some(caches)) = (narrows, &self.narrow, caches.narrow.as_mut()) {
                // The group is found the way the `regex` crate finds groups: an NFA search
                // anchored at the match, for the alternative that matched, bounded by it.
                let input = Input::new(haystack).range(found.range()).anchored(Anchored::Pattern(found.pattern()));
                let NarrowCaches { backtracker, vm, captures } = caches;
                if found.range().len() < engines.backtracker.max_haystack_len() {
                    // Within its limit the backtracker cannot fail; were it to, no group is
                    // found and the whole match is flagged.
                    let _ = engines.backtracker.try_search(backtracker, &input, captures);
                } else {
                    engines.vm.search(vm, &input, captures);
                }
                if let Some(group) = captures.get_group_by_name(FLAGGED_GROUP) {
                    range = group.range();
                }
            }
            each(Found { range, alternative: found.pattern().as_usize() });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_short_store_is_an_error_not_a_panic() {
        let bytes = crate::analysis::rules::PATTERNS;
        for len in (0..bytes.len()).step_by(997).chain([bytes.len() - 1]) {
            assert!(Store::read(&bytes[..len]).is_err(), "cut at {len} bytes");
        }
        let mut rest = &bytes[MAGIC.len()..bytes.len() / 2];
        codec::decode(&mut rest).expect("the set comes first and reads back");
    }

    /// The set is asked about folded text: it must still name every rule that matches,
    /// whatever the case of the text.
    #[test]
    fn the_set_names_every_rule_that_matches_in_any_case() {
        use crate::analysis::rules::{DATA_RULES, SET_CODE_PATTERNS};
        let store = Store::read(crate::analysis::rules::PATTERNS).expect("the store reads back");
        let examples: Vec<&str> = crate::rules().iter().flat_map(|doc| doc.bad.iter().chain(doc.good)).copied().collect();
        assert!(examples.len() > 500, "{} examples", examples.len());
        let mut checked = 0;
        for example in examples {
            let title: String = example.split(' ').map(|w| w.get(..1).map_or(String::new(), str::to_uppercase) + w.get(1..).unwrap_or("")).collect::<Vec<_>>().join(" ");
            let alternating: String = example.chars().enumerate().map(|(i, c)| if i % 2 == 0 { c.to_ascii_uppercase() } else { c }).collect();
            for text in [example.to_string(), example.to_ascii_uppercase(), example.to_ascii_lowercase(), title, alternating] {
                let named = store.set().matches(text.as_bytes());
                let entries = DATA_RULES.iter().map(|rule| rule.entry).chain(SET_CODE_PATTERNS.iter().copied());
                for (index, entry) in entries.enumerate() {
                    if store.entry(entry).find(text.as_bytes()).is_some() {
                        assert!(named.contains(&index), "the set does not name entry {entry} for {text:?}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked} matches checked");
    }

    /// `is_match` and `end` take shortcuts (the forward DFA alone, or a search back from
    /// the end): they must agree with `find` on every entry.
    #[test]
    fn the_shortcuts_agree_with_find() {
        let store = Store::read(crate::analysis::rules::PATTERNS).expect("the store reads back");
        let mut texts: Vec<String> = crate::rules().iter().flat_map(|doc| doc.bad.iter().chain(doc.good)).map(|t| t.to_string()).collect();
        texts.extend(texts.clone().iter().flat_map(|t| [format!("{t}, right"), format!("so, {t}?"), t.to_ascii_uppercase()]));
        texts.push(String::new());
        let mut matched = 0;
        for index in 0..store.len() {
            let entry = store.entry(index);
            for text in &texts {
                let found = entry.find(text.as_bytes());
                assert_eq!(entry.is_match(text.as_bytes()), found.is_some(), "entry {index} on {text:?}");
                assert_eq!(entry.end(text.as_bytes()), found.as_ref().map(|r| r.end), "entry {index} on {text:?}");
                matched += usize::from(found.is_some());
            }
        }
        assert!(matched > 1000, "{matched} matches");
    }

    /// The set's lazy DFA has a column per class of bytes, rounded up to a power of two:
    /// past 64 every state's row doubles (`alphabet.rs`).
    #[test]
    fn the_sets_rows_stay_64_wide() {
        let store = Store::read(crate::analysis::rules::PATTERNS).expect("the store reads back");
        let columns = store.set.dfa.byte_classes().alphabet_len();
        assert!(columns <= 64, "{columns} columns");
    }

    /// The reverse NFAs derived from the forward ones find the same matches as those the
    /// compiler built, on every rule's examples and variants of them.
    #[test]
    fn derived_reverses_match_as_compiled_ones() {
        let store = Store::read(crate::analysis::rules::PATTERNS).expect("the store reads back");
        let mut compiled = crate::analysis::rules::COMPILED_REVERSES;
        let mut texts: Vec<String> = crate::rules().iter().flat_map(|doc| doc.bad.iter().chain(doc.good)).map(|t| t.to_string()).collect();
        texts.extend(texts.clone().iter().flat_map(|t| [format!("{t}, right"), format!("so, {t}?\n{t}"), t.to_ascii_uppercase()]));
        texts.push(String::new());
        let mut matched = 0;
        for index in 0..store.len() {
            let reverse = codec::decode(&mut compiled).expect("reads back");
            let derived = store.entry(index);
            let forward = derived.forward.get_nfa().clone();
            assert_eq!(derived.ends_at_end, reverse.is_always_start_anchored(), "entry {index}");
            let as_compiled = Pattern::new(forward, derived.ends_at_end).expect("builds");
            assert!(as_compiled.reverse.set(reverse_dfa(reverse).expect("builds")).is_ok());
            for text in &texts {
                let found = as_compiled.find(text.as_bytes());
                assert_eq!(derived.find(text.as_bytes()), found, "entry {index} on {text:?}");
                assert_eq!(derived.is_match(text.as_bytes()), found.is_some(), "entry {index} on {text:?}");
                let all = |pattern: &Pattern| {
                    let mut all = Vec::new();
                    pattern.for_each_match(text.as_bytes(), |found| all.push(found));
                    all
                };
                assert_eq!(all(derived), all(&as_compiled), "entry {index} on {text:?}");
                matched += usize::from(found.is_some());
            }
        }
        assert!(compiled.is_empty(), "as many compiled reverses as entries");
        assert!(matched > 1000, "{matched} matches");
    }

    #[test]
    fn every_entry_reads_back() {
        let store = Store::read(crate::analysis::rules::PATTERNS).expect("the store reads back");
        for index in 0..store.len() {
            store.read_entry(index).unwrap_or_else(|e| panic!("entry {index}: {e}"));
        }
    }
}
