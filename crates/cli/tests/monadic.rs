//! Events are dyadic by default: one whose target could not be identified is dropped,
//! `--monadic` keeps it, and `dyad explain` says why it was dropped.

mod common;

const TEXT: &str = "Ukraine condemned the attack that killed the envoy.\n";

fn code(extra: &[&str]) -> Vec<serde_json::Value> {
    common::code_text(TEXT, "2024-03-01", extra)
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
    common::assert_explain_drops_one(
        TEXT.trim(),
        "2024-03-01",
        "111 V condemn (triggers.txt:",
        "no target identified: dropped (`--monadic` keeps it)",
    );
}
