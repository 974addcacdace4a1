//! Coder rules that depend on the shipped parser's reading or on the knowledge base, which
//! the coder's own tests (`crates/code/tests/coder_rules.rs`, a fixed table of actors and
//! their own parse) cannot reach: checked through `dyad code` as a user runs it.

mod common;

/// (CAMEO code, source code, target code or "-") of each event coded from `text`.
fn events(text: &str, extra: &[&str]) -> Vec<(String, String, String)> {
    let field =
        |e: &serde_json::Value, side: &str| e[side]["code"].as_str().unwrap_or("-").to_string();
    common::code_text(text, "2006-03-02", extra)
        .iter()
        .map(|e| {
            (
                e["cameo"].as_str().unwrap_or("").to_string(),
                field(e, "source"),
                field(e, "target"),
            )
        })
        .collect()
}

#[test]
fn a_participle_read_as_the_main_verb_keeps_its_by_agent() {
    // The parser makes "backed" the root with "Ireland" for subject; its `by` agent still
    // makes it a passive: Britain backs Ireland (branch support28). The warnings are
    // Tehran's threat to the subject (`130 N threat|warning from $S`, branch nominal29).
    let pair = |code: &str, source: &str, target: &str| {
        (code.to_string(), source.to_string(), target.to_string())
    };
    assert_eq!(
        events(
            "Ireland, backed by Britain and 13 other countries, filed a complaint Thursday \
             against Iranian rights abuses, despite warnings from Tehran.\n",
            &[]
        ),
        [pair("051", "GBR", "IRL"), pair("130", "IRNGOV", "IRL")]
    );
}

#[test]
fn a_place_in_the_name_of_a_treaty_is_no_party_to_it() {
    // "the Kyoto Protocol" names no Japanese actor (kb28, `document_words` of words.toml):
    // the refusal has no target, not Japan.
    assert_eq!(
        events(
            "Canada refused to ratify the Kyoto Protocol.\n",
            &["--monadic"]
        ),
        [("120".to_string(), "CAN".to_string(), "-".to_string())]
    );
}

#[test]
fn counterparts_of_two_countries_are_two_targets() {
    // "his Israeli and Egyptian counterparts" names the holder of the possessor's office in
    // each country on the date (branch counterparts29; before, only the first country's):
    // one consultation with each.
    let pair = |code: &str, source: &str, target: &str| {
        (code.to_string(), source.to_string(), target.to_string())
    };
    assert_eq!(
        events(
            "Rumsfeld spoke with his Israeli and Egyptian counterparts on Monday.\n",
            &[]
        ),
        [
            pair("040", "USAGOVMIL", "ISRGOVMIL"),
            pair("040", "USAGOVMIL", "EGYGOVMIL")
        ]
    );
}
