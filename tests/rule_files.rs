//! The build script's reading of rule files (`build/`): the phrase notation compiles to
//! what `src/analysis/rules/README.md` says, and bad files stop the build with a reason.

#[path = "../src/analysis/automata/codec.rs"]
#[allow(dead_code)]
mod codec;
#[path = "../build/encode.rs"]
mod encode;
#[path = "../build/files.rs"]
#[allow(dead_code)]
mod files;
#[path = "../src/analysis/automata/alphabet.rs"]
#[allow(dead_code)]
mod alphabet;
#[path = "../build/fold.rs"]
mod fold;
#[path = "../build/nfa.rs"]
#[allow(dead_code)]
mod nfa;
#[path = "../build/pattern.rs"]
mod pattern;
#[path = "../build/phrase.rs"]
mod phrase;

use std::path::PathBuf;

#[test]
fn phrases_compile_as_documented() {
    let cases = [
        ("free trial", r"\bfree\s+trial\b"),
        ("free (trial|gift card)", r"\bfree\s+(?:trial|gift\s+card)\b"),
        ("start your [free] trial", r"\bstart\s+your(?:\s+free)?\s+trial\b"),
        ("[does] anyone know", r"\b(?:does\s+)?anyone\s+know\b"),
        ("trusted by [over] [#]", r"\btrusted\s+by(?:\s+over)?(?:\s+\d[\d,.]*)?\b"),
        ("hit [me|us]", r"\bhit(?:\s+(?:me|us))?\b"),
        ("gift[s]", r"\bgift(?:s)?\b"),
        ("follow _ on", r"\bfollow\s+\S+\s+on\b"),
        ("which ... should i", r"\bwhich\s+(?:\S+\s+){0,3}should\s+i\b"),
        ("only # left", r"\bonly\s+\d[\d,.]*\s+left\b"),
        ("don't", r"\bdon'?t\b"),
        ("game~changer", r"\bgame[- ]?changer\b"),
        ("please {like my video}", r"\bplease\s+(?P<m>like\s+my\s+video)\b"),
        ("^ introducing", r"(?:^|[.!?\n]\s*)(?P<m>introducing)\b"),
        ("^ {buy} now", r"(?:^|[.!?\n]\s*)(?P<m>buy)\s+now\b"),
        ("50% off", r"\b50%\s+off\b"),
        ("$5 only", r"\$5\s+only\b"),
        ("bit.ly", r"\bbit\.ly\b"),
    ];
    for (phrase, regex) in cases {
        assert_eq!(phrase::compile(phrase).as_deref(), Ok(regex), "{phrase}");
    }
}

#[test]
fn phrases_outside_the_notation_are_refused() {
    for phrase in ["free  trial", " free", "free+", "(free", "free)", "[free)", "a {b} {c}", "one ^ two", "free ...", "x\\b"] {
        assert!(phrase::compile(phrase).is_err(), "{phrase:?} should be refused");
    }
}

/// Writes a rule file in a folder of its own (tests run in parallel).
fn rule_file(case: &str, name: &str, text: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rule-files").join(case.replace(' ', "-"));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("a temporary file");
    path
}

const GOOD_RULE: &str = r#"
[[rule]]
id = "offer-test"
weight = 40
message = "m"
phrases = '''
alpha
beta
'''
good = ["gamma"]
bad = ["alpha"]
"#;

#[test]
fn a_good_file_reads() {
    let path = rule_file("good", "offer.toml", &format!("category = \"offer\"\nseverity = \"warning\"\n{GOOD_RULE}"));
    build(path.clone()).expect("builds");
    let rules = files::read_rules(&[path]).expect("reads");
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0].alternatives.len(), 2);
    assert_eq!(rules[0].category, "Offer");
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    let header = "category = \"offer\"\nseverity = \"warning\"\n";
    let cases = [
        ("unsorted", GOOD_RULE.replace("alpha\nbeta", "beta\nalpha"), "sorted"),
        ("repeated", GOOD_RULE.replace("alpha\nbeta", "alpha\nalpha"), "twice"),
        ("no examples", GOOD_RULE.replace("good = [\"gamma\"]", "good = []"), "examples"),
        ("unknown field", GOOD_RULE.replace("weight = 40", "weight = 40\nwieght = 1"), "unknown field"),
        ("bad phrase", GOOD_RULE.replace("alpha\nbeta", "alpha\nbeta+"), "phrase"),
        ("bad pattern", GOOD_RULE.replace("phrases = '''\nalpha\nbeta\n'''", "patterns = '''\n(unclosed\n'''"), "compile"),
        ("bad category", GOOD_RULE.replace("weight = 40", "weight = 40\ncategory = \"adverts\""), "unknown category"),
        ("no matcher", GOOD_RULE.replace("phrases = '''\nalpha\nbeta\n'''", ""), "phrases"),
    ];
    for (what, rule, expected) in cases {
        match build(rule_file(what, "offer.toml", &format!("{header}{rule}"))) {
            Ok(()) => panic!("{what}: the file should be refused"),
            Err(e) => assert!(e.contains(expected), "{what}: {e:?} does not mention {expected:?}"),
        }
    }
    let twice = rule_file("twice", "offer.toml", &format!("{header}{GOOD_RULE}{GOOD_RULE}"));
    assert!(files::read_rules(&[twice]).is_err_and(|e| e.contains("used twice")));
    let misnamed = rule_file("misnamed", "hype.toml", &format!("{header}{GOOD_RULE}"));
    assert!(files::read_rules(&[misnamed]).is_err_and(|e| e.contains("named after its category")));
}

/// What the build does with a rule file: read and check it, then compile its patterns.
fn build(path: PathBuf) -> Result<(), String> {
    let rules = files::read_rules(&[path])?;
    let entries: Vec<Vec<String>> = rules.iter().map(|r| r.alternatives.iter().map(|a| a.regex.clone()).collect()).collect();
    nfa::compile_store(&[], &entries).map(|_| ())
}

/// The rule set is folded (`build/fold.rs`): wherever a pattern matches a text, the
/// folded set matches the folded text, and its transitions split no run of bytes that fold
/// alike.
/// The last patterns lead from bytes that fold together (a letter's two cases, two digits,
/// two UTF-8 characters) to different states.
#[test]
fn the_folded_set_matches_wherever_the_set_matches() {
    use regex_automata::hybrid::dfa::DFA;
    use regex_automata::nfa::thompson::{Compiler, Config, State, Transition, WhichCaptures};
    use regex_automata::{util::syntax, Input, MatchKind, PatternSet};

    let patterns = ["hello", r"\bfree\s+trial\b", "(?-i:[A-Z][a-z]+)x", "(?-i:Ab|ac)", "(?-i:Kb|k)d", r"24/7\b|1\d", "caf(?:é|e)s?|€5"];
    let nfa = Compiler::new()
        .syntax(syntax::Config::new().unicode(false).utf8(false).case_insensitive(true))
        .configure(Config::new().which_captures(WhichCaptures::None).utf8(false).shrink(false))
        .build_many(&patterns)
        .expect("compiles");
    let folded = fold::folded(&nfa).expect("folds");
    assert!(folded.states().len() > nfa.states().len(), "the clashing states were split");
    // Each transition starts at a byte some fold yields and ends before the next one: the
    // bytes no fold yields add no class of their own to the lazy DFA's alphabet.
    let yielded = |b: u8| alphabet::fold(b) == b;
    let whole = |t: &Transition| yielded(t.start) && (t.end == u8::MAX || yielded(t.end + 1));
    for state in folded.states() {
        match state {
            State::ByteRange { trans } => assert!(whole(trans), "{state:?}"),
            State::Sparse(sparse) => assert!(sparse.transitions.iter().all(whole), "{state:?}"),
            _ => {}
        }
    }
    let matching = |nfa, text: &[u8]| {
        let dfa = DFA::builder().configure(DFA::config().match_kind(MatchKind::All)).build_from_nfa(nfa).expect("builds");
        let mut found = PatternSet::new(patterns.len());
        dfa.try_which_overlapping_matches(&mut dfa.create_cache(), &Input::new(text), &mut found).expect("searches");
        found.iter().map(|p| p.as_usize()).collect::<Vec<_>>()
    };
    let texts = ["Hello", "HELLO there", "a FREE Trial", "Foxx", "fOX", "Fo", "Ab", "ab", "ac", "AC", "Kbd", "kd", "KD", "kbd", "24/7", "open 24/7!", "19", "Café", "cafés", "€5", "£5", ""];
    let mut matched = 0;
    for text in texts {
        let before = matching(nfa.clone(), text.as_bytes());
        let folded_text: Vec<u8> = text.bytes().map(alphabet::fold).collect();
        let after = matching(folded.clone(), &folded_text);
        assert!(before.iter().all(|p| after.contains(p)), "{text:?}: {before:?} then {after:?}");
        matched += before.len();
    }
    assert_eq!(matched, 14, "the set matches where it should");
}

/// The rule set's pattern for a rule (`nfa::set_pattern`) shares the pieces its
/// alternatives begin with, and still matches wherever one of its alternatives begins.
#[test]
fn the_set_pattern_shares_beginnings() {
    use regex_automata::{meta::Regex, util::syntax};

    let alternatives: Vec<String> =
        [r"\bfree\s+trial\b", r"\bfree\s+gift\s+cards?\b", r"\bfresh\s+deals\b", r"\bfree\b", r"(?:buy|get)\s+\d+\s+now"].map(String::from).to_vec();
    let hir = nfa::set_pattern(&alternatives).expect("compiles");
    let shared = Regex::builder().build_from_hir(&hir).expect("builds");
    let apart = Regex::builder()
        .syntax(syntax::Config::new().unicode(false).utf8(false).case_insensitive(true))
        .build_many(&alternatives)
        .expect("builds");
    let mut matched = 0;
    for text in ["a free trial", "FREE gift", "fresh deals today", "freedom", "fresh", "buy 2 now", "get it now", ""] {
        assert!(!apart.is_match(text) || shared.is_match(text), "{text:?}");
        matched += usize::from(apart.is_match(text));
    }
    assert_eq!(matched, 4);
    // One start for "free…" and "fresh…", one for "buy…" and "get…" apart.
    let printed = hir.to_string();
    assert_eq!(printed.matches("(?-u:[Ff])(?-u:[Rr])").count(), 1, "{printed}");
    assert_eq!(printed.matches("(?-u:[\\x09-\\x0D\\x20])+(?-u:[0-9])+").count(), 1, "{printed}");
}

/// `joins` in `code-patterns.toml`: an entry of one entry's alternatives, each followed by
/// any of another's; files that cannot mean that are refused with a reason.
#[test]
fn a_joined_code_pattern_is_one_entry_followed_by_another() {
    let file = r#"
[lead]
about = "l"
used-by = "rules/questions.rs"
patterns = '''
^(?:so\s+)*
'''

[open]
about = "o"
used-by = "rules/questions.rs"
patterns = '''
^why\b
^how\b
'''

[start]
about = "s"
used-by = "rules/questions.rs"
joins = ["lead", "open"]
"#;
    let patterns = files::read_code_patterns(&rule_file("joins", "code-patterns.toml", file)).expect("reads");
    let start = patterns.iter().find(|p| p.name == "start").expect("the joined entry");
    assert_eq!(start.alternatives.len(), 1, "one alternative for each of the first part's");
    let syntax = regex_automata::util::syntax::Config::new().unicode(false).utf8(false).case_insensitive(true);
    let regex = regex_automata::meta::Regex::builder().syntax(syntax).build_many(&start.alternatives).expect("compiles");
    for (text, expected) in [("why not", true), ("so so how come", true), ("so what", false), ("well why", false), ("x so why", false)] {
        assert_eq!(regex.is_match(text), expected, "{text:?}");
    }
    let cases = [
        ("unanchored", file.replace("^why", "why"), "must start with ^"),
        ("unknown part", file.replace("\"open\"]", "\"shut\"]"), "not an entry"),
        ("own patterns", file.replace("joins = ", "in-set = true\njoins = "), "no phrases"),
        ("anchored at the end", file.replace(r"^(?:so\s+)*", r"^(?:so\s+)*$"), "nothing can follow"),
    ];
    for (what, text, expected) in cases {
        match files::read_code_patterns(&rule_file(what, "code-patterns.toml", &text)) {
            Ok(_) => panic!("{what}: the file should be refused"),
            Err(e) => assert!(e.contains(expected), "{what}: {e:?} does not mention {expected:?}"),
        }
    }
}
