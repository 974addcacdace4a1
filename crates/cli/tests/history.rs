//! An event that its own clause dates more than 18 months before the story is history and is
//! dropped; `--history` keeps it, and `dyad explain` says why it was dropped.

mod common;

use std::io::Write;

const TEXT: &str = "Russia invaded Ukraine in 2014.\n";

fn code(extra: &[&str]) -> Vec<serde_json::Value> {
    let mut file = tempfile::Builder::new()
        .suffix(".txt")
        .tempfile()
        .expect("temp file");
    file.write_all(TEXT.as_bytes()).expect("written");
    let path = file.path().to_str().expect("UTF-8 path").to_string();
    let mut args = vec![
        "code",
        "--no-store",
        "--format",
        "jsonl",
        "-q",
        "--date",
        "2024-03-01",
    ];
    args.extend_from_slice(extra);
    args.push(&path);
    common::dyad(args)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn history_is_dropped_unless_asked_for() {
    assert!(code(&[]).is_empty());
    let history = code(&["--history"]);
    let got: Vec<(&str, &str, &str, &str)> = history
        .iter()
        .map(|e| {
            (
                e["cameo"].as_str().unwrap_or(""),
                e["source"]["code"].as_str().unwrap_or(""),
                e["target"]["code"].as_str().unwrap_or(""),
                e["date"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(got, [("190", "RUS", "UKR", "2014")]);
}

#[test]
fn explain_says_history_was_dropped() {
    let text = common::dyad(["explain", "--date", "2024-03-01", TEXT.trim()]);
    let dropped: Vec<&str> = text.lines().filter(|l| l.contains("dropped")).collect();
    assert_eq!(dropped.len(), 1, "{text}");
    assert!(
        dropped[0].contains("190 V invade $T (triggers.txt:"),
        "{}",
        dropped[0]
    );
    assert!(
        dropped[0].ends_with(
            "dated 2014, more than 18 months before the story: dropped (`--history` keeps it)"
        ),
        "{}",
        dropped[0]
    );
    assert!(text.contains("events:\n  none"), "{text}");
}
