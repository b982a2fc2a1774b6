//! The rule table tested and linted as data: every rule's examples, and the table's shape.

use std::collections::HashSet;

use sociable::internals::{table_examples, table_rule_matches};

#[test]
fn every_rule_flags_its_bad_examples_and_spares_its_good_ones() {
    let mut failures = Vec::new();
    for (id, bad, good) in table_examples() {
        for text in bad {
            if table_rule_matches(id, text) != Some(true) {
                failures.push(format!("{id} should flag {text:?}"));
            }
        }
        for text in good {
            if table_rule_matches(id, text) != Some(false) {
                failures.push(format!("{id} should not flag {text:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_examples_both_ways_and_a_unique_kebab_case_id() {
    let mut seen = HashSet::new();
    for (id, bad, good) in table_examples() {
        assert!(seen.insert(id), "duplicate rule id {id}");
        assert!(id.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()), "{id} is not kebab-case");
        assert!(!bad.is_empty(), "{id} has no example it must flag");
        assert!(!good.is_empty(), "{id} has no example it must leave alone");
    }
}
