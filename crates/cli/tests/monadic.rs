//! Events are dyadic by default: one whose target could not be identified is dropped,
//! `--monadic` keeps it, and `dyad explain` says why it was dropped.

mod common;

use std::io::Write;

const TEXT: &str = "Ukraine condemned the attack that killed the envoy.\n";

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
fn an_event_with_no_target_is_dropped_unless_monadic() {
    assert!(code(&[]).is_empty());
    let monadic = code(&["--monadic"]);
    let got: Vec<(&str, &str, bool)> = monadic
        .iter()
        .map(|e| {
            (
                e["cameo"].as_str().unwrap_or(""),
                e["source"]["code"].as_str().unwrap_or(""),
                e["target"].is_null(),
            )
        })
        .collect();
    assert_eq!(got, [("111", "UKR", true)]);
}

#[test]
fn explain_says_an_event_was_dropped_for_want_of_a_target() {
    let text = common::dyad(["explain", "--date", "2024-03-01", TEXT.trim()]);
    let dropped: Vec<&str> = text.lines().filter(|l| l.contains("dropped")).collect();
    assert_eq!(dropped.len(), 1, "{text}");
    assert!(
        dropped[0].contains("111 V condemn (triggers.txt:"),
        "{}",
        dropped[0]
    );
    assert!(
        dropped[0].ends_with("no target identified: dropped (`--monadic` keeps it)"),
        "{}",
        dropped[0]
    );
    assert!(text.contains("events:\n  none"), "{text}");
}
