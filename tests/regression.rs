//! Regression tests, named after the issue that asked for them.

use sociable::{analyze, Analyzer, Category, Options, Strictness, Verdict};

/// Issue 2: analysis never fails and never panics, whatever the text.
#[test]
fn issue_2_strange_text_gets_a_report() {
    let megabyte = "Buy now! Check out my channel. What do you think? ".repeat(20_000);
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("white space", " \n\t \r\n ".into()),
        ("one megabyte", megabyte),
        ("only emoji", "😀🎉🔥💰👉🏽👨‍👩‍👧‍👦".repeat(50)),
        ("combining marks", "e\u{301}\u{302}\u{303} a\u{300}".repeat(100)),
        ("right to left", "مرحبا بكم في قناتي اشترك الآن https://example.com".into()),
        ("zero-width joiners", "sub\u{200d}scribe\u{200b}now\u{feff}".into()),
        ("html fragment", "<div onclick=\"x\">Buy <b>now</b> <a href='https://bit.ly/a'>here</a></div>".into()),
        ("control characters", "\u{0}\u{1}\u{7f}\u{1b}[31mBUY NOW\u{8}\u{c}".into()),
        ("lone quote marks", "\"\"\"“«»” > > >".into()),
        ("long word", "a".repeat(100_000)),
    ];
    for (name, text) in cases {
        for strictness in Strictness::ALL {
            let report = analyze(&text, &Options { strictness, ..Options::default() });
            assert_eq!(report.version, sociable::REPORT_VERSION, "{name}");
            for f in &report.findings {
                assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end), "{name}: {f:?}");
            }
        }
    }
}

/// Issue 2: the user's own phrases: flagged ones are self-promotion, allowed ones never flag.
#[test]
fn issue_2_own_phrases_flag_and_allow() {
    let flag = Options { strictness: Strictness::Strict, flag_phrases: vec!["Acme Cloud".into()], ..Options::default() };
    let report = analyze("We moved everything to Acme Cloud last week.", &flag);
    assert!(report.findings.iter().any(|f| f.rule == "own-phrase"), "{report:?}");

    let text = "Grabbed coffee at Revolutionary Roasters this morning.";
    let strict = Options { strictness: Strictness::Strict, ..Options::default() };
    let without = analyze(text, &strict);
    assert!(without.findings.iter().any(|f| f.rule == "hype"), "{without:?}");
    let allow = Options { allow_phrases: vec!["revolutionary roasters".into()], ..strict };
    let with = analyze(text, &allow);
    assert!(with.findings.iter().all(|f| f.rule != "hype"), "{with:?}");
    assert_eq!(with.scores.pitch, 0);
}

/// Issue 2: disabled categories are neither reported nor scored.
#[test]
fn issue_2_disabled_categories_are_ignored() {
    let text = "Revolutionary! Guaranteed results, the secret to sleep.";
    let strict = Options { strictness: Strictness::Strict, ..Options::default() };
    assert_eq!(analyze(text, &strict).verdict, Verdict::Pitch);
    let off = Options { disabled_categories: vec![sociable::Category::Hype], ..strict };
    let report = analyze(text, &off);
    assert!(report.findings.iter().all(|f| f.category != sociable::Category::Hype));
    assert_eq!(report.scores.pitch, 0);
}

/// Issue 2: options that cannot be used give a clear error, and `analyze` falls back.
#[test]
fn issue_2_bad_options_are_refused_with_a_reason() {
    let bad = Options { flag_phrases: vec!["   ".into()], ..Options::default() };
    let error = Analyzer::new(&bad).expect_err("an empty phrase is refused");
    assert!(error.message().contains("empty"), "{error}");
    assert_eq!(analyze("Buy now, 50% off today only!", &bad).verdict, Verdict::Pitch);
    let json = r#"{"strictness": "extreme"}"#;
    assert!(serde_json::from_str::<Options>(json).is_err());
}

#[test]
fn issue_8_a_call_to_buy_flags_the_whole_call() {
    // Two lines of cta-buy match at "Buy": the sentence-start verb and "buy now"; the
    // finding names the whole call, as before the rules became data.
    let text = "Buy now, while stocks last";
    let report = analyze(text, &Options::default());
    let buy = report.findings.iter().find(|f| f.rule == "cta-buy").expect("flagged");
    assert_eq!(&text[buy.span.start..buy.span.end], "Buy now");
}

/// Issue 9: a false start that is the question itself ("do you, uh, keep…") was eaten as a
/// lead-in and the sentence lost its question; and a question mark alone made a question of
/// what asks the reader nothing (a request to repeat, someone else's question, reported).
#[test]
fn issue_9_questions_hidden_by_a_false_start_and_question_marks_that_ask_nothing() {
    let asks = |text: &str| analyze(text, &Options::default()).findings.iter().any(|f| f.rule == "question");
    assert!(asks("well do you, uh, keep a family budget"));
    assert!(asks("Is it, like, worth the money"));
    assert!(!asks("Do it, then tell me."), "an order after a comma is no false start");
    assert!(!asks("Huh?"));
    assert!(!asks("People always ask me, how do you stay so organized? Honestly, I don't."));
    assert!(asks("People always ask me how I stay organized. How do you?"), "the reader's own question still counts");
}

#[test]
fn issue_11_whole_draft_findings_carry_the_draft_scope() {
    let options = Options { strictness: Strictness::Strict, ..Options::default() };
    let text = "  We shipped version 2 today with faster sync. Also a new logo.\n";
    let report = analyze(text, &options);
    let no_opening = report.findings.iter().find(|f| f.rule == "no-opening").expect("a no-opening finding");
    assert_eq!(no_opening.scope, sociable::Scope::Draft);
    assert_eq!((no_opening.span.start, no_opening.span.end), (2, text.trim_end().len()));
    let words = analyze("Buy now and get 50% off", &options);
    assert!(words.findings.iter().filter(|f| f.rule != "no-opening").all(|f| f.scope == sociable::Scope::Span));
}

#[test]
fn issue_11_add_a_question_lands_at_the_end_not_mid_sentence() {
    // Self-promotion's insert used to land right after "Thrilled to announce".
    let text = "🚀 Thrilled to announce our new AI CRM! It does everything for you.";
    let report = analyze(text, &Options { strictness: Strictness::Strict, ..Options::default() });
    let mut inserts = 0;
    for finding in &report.findings {
        if let Some(sociable::Suggestion::Insert { text: added, at, at_utf16 }) = &finding.suggestion {
            inserts += 1;
            assert_eq!(*at, text.len(), "{}", finding.rule);
            assert_eq!(*at_utf16, text.encode_utf16().count(), "{}", finding.rule);
            assert!(added.starts_with(' ') && added.ends_with('?'), "{added:?}");
        }
    }
    assert!(inserts >= 1, "no insert suggestion: {report:?}");
}

/// Issue 9: a story shared with a word of one's own is not a pitch at relaxed or balanced.
/// Checked here rather than in `tests/cases`, which the fit weighs as heavily as all the
/// labelled files: there this one case pulled comments that are nothing but a link (which
/// the YouTube labels call spam) under the threshold too.
#[test]
fn issue_9_a_news_story_shared_is_not_a_pitch() {
    for text in [
        "Did you see this? bbc.co.uk/news/uk-12345678 crazy stuff",
        "Good read on the housing mess https://www.example.com/2026/03/03/why-rents-keep-rising-in-small-towns",
    ] {
        for strictness in [Strictness::Relaxed, Strictness::Balanced] {
            let report = analyze(text, &Options { strictness, ..Options::default() });
            assert_ne!(report.verdict, Verdict::Pitch, "{strictness:?}: {text}: {report:?}");
        }
    }
}

/// Issue 9: a warning about a scam quotes or tells of its offer and its hurry; that is not
/// offering. What the warning still asks of readers counts, and "it's not a scam" (which
/// scams say) is no warning.
#[test]
fn issue_9_a_scam_warning_reports_the_scam() {
    let categories = |text: &str| analyze(text, &Options::default()).findings.into_iter().map(|f| f.category).collect::<Vec<_>>();
    let warned = categories("got another dodgy text saying I've won a free iPhone, claim within 24 hours. it's a scam, dont click the link");
    assert!(!warned.iter().any(|c| matches!(c, Category::Offer | Category::Urgency | Category::CallToAction)), "{warned:?}");
    let claimed = categories("Claim your free iPhone within 24 hours, this is not a scam, click the link");
    for category in [Category::Offer, Category::Urgency, Category::CallToAction] {
        assert!(claimed.contains(&category), "{category:?} missing: {claimed:?}");
    }
    let pointed = categories("Fake accounts are copying me, it's a scam. Message me directly for the real signals, DM me now");
    assert!(pointed.contains(&Category::CallToAction), "{pointed:?}");
}
