//! Every rule, data or code, tested as data: its own examples, its id, and the category
//! names that the extension repeats.

use std::collections::{BTreeSet, HashSet};

use sociable::internals::rule_fires;
use sociable::{rules, Category};

/// Rules whose words the user chooses (`Options::flag_phrases`): no fixed examples.
const CONFIGURED_BY_THE_USER: &[&str] = &["own-phrase"];

#[test]
fn every_rule_flags_its_bad_examples_and_spares_its_good_ones() {
    let mut failures = Vec::new();
    for rule in rules() {
        for text in rule.bad {
            if rule_fires(rule.id, text) != Some(true) {
                failures.push(format!("{} should flag {text:?}", rule.id));
            }
        }
        for text in rule.good {
            if rule_fires(rule.id, text) != Some(false) {
                failures.push(format!("{} should not flag {text:?}", rule.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_examples_both_ways_and_a_unique_kebab_case_id() {
    let mut seen = HashSet::new();
    for rule in rules() {
        let id = rule.id;
        assert!(seen.insert(id), "rule id {id} is used twice (ids are unique across data and code rules)");
        assert!(id.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()), "{id} is not kebab-case");
        if CONFIGURED_BY_THE_USER.contains(&id) {
            continue;
        }
        assert!(!rule.bad.is_empty(), "{id} has no example it must flag");
        assert!(!rule.good.is_empty(), "{id} has no example it must leave alone");
    }
    assert!(seen.len() > 40, "only {} rules listed", seen.len());
}

#[test]
fn every_category_is_named_the_same_in_reports_and_in_the_extension() {
    let rust: BTreeSet<String> = Category::ALL.iter().map(|c| c.name().to_string()).collect();
    for category in Category::ALL {
        let serialised = serde_json::to_value(category).expect("a category serialises");
        assert_eq!(serialised, category.name(), "serde and Category::name() disagree");
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let core_types = std::fs::read_to_string(format!("{root}/extension/src/core-types.ts")).expect("core-types.ts");
    let union = between(&core_types, "export type Category =", ";");
    assert_eq!(quoted(union), rust, "extension/src/core-types.ts's Category");
    let labels = std::fs::read_to_string(format!("{root}/extension/src/content/labels.ts")).expect("labels.ts");
    let record = between(&labels, "CATEGORY_LABEL: Record", "};");
    let keys: BTreeSet<String> = record
        .lines()
        .filter_map(|line| line.split_once(':').map(|(key, _)| key.trim().trim_matches('\'').to_string()))
        .filter(|key| !key.is_empty() && !key.contains(' '))
        .collect();
    assert_eq!(keys, rust, "extension/src/content/labels.ts's CATEGORY_LABEL");
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("{start:?} not found")) + start.len();
    let to = text[from..].find(end).map_or(text.len(), |at| from + at);
    &text[from..to]
}

/// The single-quoted strings in a piece of TypeScript.
fn quoted(text: &str) -> BTreeSet<String> {
    text.split('\'').skip(1).step_by(2).map(str::to_string).collect()
}
