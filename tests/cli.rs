//! The `sociable` command line: inputs, formats, batch mode, exit codes and errors.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sociable(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sociable"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    input.write_all(stdin.unwrap_or("").as_bytes()).expect("stdin takes the text");
    drop(input);
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn temp_file(name: &str, contents: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sociable-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("temp file");
    path
}

#[test]
fn a_pitch_exits_1_and_marks_the_words() {
    let out = sociable(&["check", "Grab yours today, 50% off"], None);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.starts_with("pitch  (pitch "), "{text}");
    assert!(text.contains("offer-discount") && text.contains("^^^^^^^"), "{text}");
}

#[test]
fn a_conversation_from_stdin_exits_0() {
    let out = sociable(&["check"], Some("How do you keep standups short?"));
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).starts_with("conversation"));
}

#[test]
fn json_output_is_the_report() {
    let out = sociable(&["check", "--format", "json", "--strictness", "strict", "Subscribe to my channel!"], None);
    let report: sociable::Report = serde_json::from_str(stdout(&out).trim()).expect("a report");
    assert_eq!(report.strictness, sociable::Strictness::Strict);
    assert_eq!(report.verdict, sociable::Verdict::Pitch);
}

#[test]
fn reply_context_lets_a_requested_recommendation_through() {
    let text = "You should try Acme, it does exactly this: https://acme.example.com";
    assert_eq!(sociable(&["check", text], None).status.code(), Some(1));
    let out = sociable(&["check", "--reply-to", "Can anyone recommend an invoicing tool?", text], None);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn batch_jsonl_gives_one_report_per_row_and_a_summary() {
    let path = temp_file("calendar.jsonl", "{\"text\": \"Buy now! 50% off today only.\"}\n\n{\"text\": \"What do you all use for notes?\"}\n");
    let out = sociable(&["check", "--file", path.to_str().unwrap(), "--format", "json"], None);
    let reports: Vec<sociable::Report> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).expect("one report per line")).collect();
    assert_eq!(reports.len(), 2);
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("2 drafts: 1 conversations") && summary.contains("1 pitches"), "{summary}");
}

#[test]
fn batch_csv_reads_the_named_column() {
    let path = temp_file("calendar.csv", "day,post\nmon,\"Tag 3 friends who need this!\"\ntue,\"Thoughts on pair programming?\"\n");
    let out = sociable(&["check", "--file", path.to_str().unwrap(), "--column", "post"], None);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("calendar.csv:2: pitch") && text.contains("calendar.csv:3: conversation"), "{text}");
}

#[test]
fn input_errors_exit_2_naming_file_and_line() {
    let path = temp_file("broken.jsonl", "{\"text\": \"fine\"}\n{\"body\": \"no text\"}\n");
    let out = sociable(&["check", "--file", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(error.contains("broken.jsonl:2:") && error.contains("\"text\""), "{error}");

    let missing = sociable(&["check", "--file", "/nonexistent/x.jsonl"], None);
    assert_eq!(missing.status.code(), Some(2));
    let csv = temp_file("posts.csv", "a,b\n1,2\n");
    let no_column = sociable(&["check", "--file", csv.to_str().unwrap()], None);
    assert_eq!(no_column.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_column.stderr).contains("no column \"text\""));
    assert_eq!(sociable(&["check", "--strictness", "extreme", "x"], None).status.code(), Some(2));
}

#[test]
fn eval_prints_the_figures_as_json() {
    let path = temp_file("labelled.jsonl", "{\"text\": \"Subscribe to my channel\", \"label\": \"pitch\"}\n{\"text\": \"Lovely song\", \"label\": \"ok\"}\n");
    let out = sociable(&["eval", path.to_str().unwrap(), "--json"], None);
    assert_eq!(out.status.code(), Some(0));
    let figures: serde_json::Value = serde_json::from_str(stdout(&out).trim()).expect("JSON");
    for strictness in ["relaxed", "balanced", "strict"] {
        for key in ["tp", "fp", "fn", "tn", "precision", "recall", "f1", "fpr"] {
            assert!(figures[strictness][key].is_number(), "{strictness}.{key} in {figures}");
        }
    }
    assert_eq!(figures["balanced"]["tp"], 1);
    assert_eq!(figures["balanced"]["tn"], 1);
}

#[test]
fn issue_8_rules_lists_every_rule_with_its_examples() {
    let out = sociable(&["rules", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0));
    let rules: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).expect("a JSON array");
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    for id in ["cta-subscribe", "vocab", "spam-link", "question", "no-opening", "own-phrase"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let subscribe = rules.iter().find(|r| r["id"] == "cta-subscribe").expect("listed");
    assert_eq!(subscribe["category"], "call-to-action");
    assert!(subscribe["bad"].as_array().is_some_and(|bad| !bad.is_empty()));
    let text = stdout(&sociable(&["rules"], None));
    assert!(text.contains("cta-subscribe (call-to-action, warning,") && text.contains("    flags    "), "{text}");
}

#[test]
fn issue_8_explain_names_the_line_that_matched() {
    let out = sociable(&["check", "--explain", "Follow me on insta"], None);
    assert!(stdout(&out).contains("matched: follow (me|us)"), "{}", stdout(&out));
    let json = sociable(&["check", "--explain", "--format", "json", "Follow me on insta"], None);
    let report: serde_json::Value = serde_json::from_str(stdout(&json).trim()).expect("a report");
    let follow = report["findings"].as_array().and_then(|f| f.iter().find(|f| f["rule"] == "cta-follow")).cloned();
    assert_eq!(follow.map(|f| f["matched"].clone()), Some(serde_json::json!("follow (me|us)")));
    // Without --explain the report keeps its usual shape.
    let plain = sociable(&["check", "--format", "json", "Follow me on insta"], None);
    assert!(!stdout(&plain).contains("\"matched\""));
}

#[test]
fn issue_8_an_argument_naming_a_file_reads_the_file() {
    let calendar = temp_file("issue-8-calendar.jsonl", "{\"text\": \"Huge sale! 50% off today only\"}\n{\"text\": \"What are you reading?\"}\n");
    let out = sociable(&["check", calendar.to_str().expect("a UTF-8 path")], None);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("issue-8-calendar.jsonl:1") && text.contains("offer-discount"), "{text}");
    // Words that name no file are the draft.
    let words = sociable(&["check", "calendar.jsonl"], None);
    assert_eq!(words.status.code(), Some(0));
}

#[test]
fn issue_9_eval_reports_each_file_each_source_and_the_average() {
    let pitches = temp_file(
        "issue-9-pitches.jsonl",
        concat!(
            "{\"text\": \"Huge sale! 50% off today only\", \"label\": \"pitch\", \"source\": \"shop/a\"}\n",
            "{\"text\": \"What are you reading?\", \"label\": \"ok\", \"source\": \"people/b\"}\n",
        ),
    );
    let questions = temp_file(
        "issue-9-questions.jsonl",
        concat!(
            "{\"text\": \"anyone tried the new trail\", \"label\": \"question\"}\n",
            "{\"text\": \"isn't it lovely\", \"label\": \"rhetorical\"}\n",
            "{\"text\": \"we went there in May\", \"label\": \"other\"}\n",
        ),
    );
    let out = sociable(&["eval", pitches.to_str().expect("UTF-8"), pitches.to_str().expect("UTF-8")], None);
    let text = stdout(&out);
    assert!(text.contains("by source, balanced:") && text.contains("shop ") && text.contains("people "), "{text}");
    assert!(text.contains("average over 2 files"), "{text}");
    let json = sociable(&["eval", "--json", pitches.to_str().expect("UTF-8")], None);
    let value: serde_json::Value = serde_json::from_str(stdout(&json).trim()).expect("JSON");
    assert_eq!(value["balanced"]["tp"], 1);
    assert_eq!(value["by_source"]["people"]["tn"], 1);
    let two = sociable(&["eval", "--json", pitches.to_str().expect("UTF-8"), pitches.to_str().expect("UTF-8")], None);
    let lines: Vec<serde_json::Value> =
        stdout(&two).lines().map(|l| serde_json::from_str(l).expect("JSON Lines")).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[2]["average"]["balanced"]["f1"], 1.0);
    let question = sociable(&["eval", "--task", "question", "--json", questions.to_str().expect("UTF-8")], None);
    let value: serde_json::Value = serde_json::from_str(stdout(&question).trim()).expect("JSON");
    assert_eq!(value["balanced"]["tp"], 1, "{value}");
    assert_eq!(value["balanced"]["fn"], 0, "{value}");
    // A pitch label the task does not know is an error naming the row.
    let bad = sociable(&["eval", questions.to_str().expect("UTF-8")], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("issue-9-questions.jsonl:1"));
}

#[test]
fn issue_11_a_whole_draft_finding_is_printed_without_carets() {
    let out = sociable(&["check", "--strictness", "strict", "The trail was muddy after the rain last week."], None);
    let text = stdout(&out);
    let line = text.lines().find(|l| l.contains("no-opening")).unwrap_or_else(|| panic!("no no-opening finding: {text}"));
    assert!(line.starts_with("draft "), "{text}");
    assert!(!text.contains('^'), "carets under a whole-draft finding: {text}");
    assert!(text.contains("suggestion: add \"What do you think?\" at the end"), "{text}");
}
