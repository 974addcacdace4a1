//! An event that its own clause dates more than 18 months before the story is history and is
//! dropped; `--history` keeps it, and `dyad explain` says why it was dropped.

mod common;

const TEXT: &str = "Russia invaded Ukraine in 2014.\n";

fn code(extra: &[&str]) -> Vec<serde_json::Value> {
    common::code_text(TEXT, "2024-03-01", extra)
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
    common::assert_explain_drops_one(
        TEXT.trim(),
        "2024-03-01",
        "190 V invade $T (triggers.txt:",
        "dated 2014, more than 18 months before the story: dropped (`--history` keeps it)",
    );
}
