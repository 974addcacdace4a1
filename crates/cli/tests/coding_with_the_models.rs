//! Coder rules that depend on the shipped parser's reading or on the knowledge base, which
//! the coder's own tests (`crates/code/tests/coder_rules.rs`, a fixed table of actors and
//! their own parse) cannot reach: checked through `dyad code` as a user runs it.

mod common;

/// Each event coded from `text` as `CODE SOURCE>TARGET` (target `-` when none), the form
/// `crates/code/tests/coder_rules.rs` uses.
fn events(text: &str, extra: &[&str]) -> Vec<String> {
    let code =
        |e: &serde_json::Value, side: &str| e[side]["code"].as_str().unwrap_or("-").to_string();
    common::code_text(text, "2006-03-02", extra)
        .iter()
        .map(|e| {
            format!(
                "{} {}>{}",
                e["cameo"].as_str().unwrap_or(""),
                code(e, "source"),
                code(e, "target")
            )
        })
        .collect()
}

#[test]
fn a_participle_read_as_the_main_verb_keeps_its_by_agent() {
    // The parser makes "backed" the root with "Ireland" for subject; its `by` agent still
    // makes it a passive: Britain backs Ireland (branch support28). The warnings are
    // Tehran's threat to the subject (`130 N threat|warning from $S`, branch nominal29).
    assert_eq!(
        events(
            "Ireland, backed by Britain and 13 other countries, filed a complaint Thursday \
             against Iranian rights abuses, despite warnings from Tehran.\n",
            &[]
        ),
        ["051 GBR>IRL", "130 IRNGOV>IRL"]
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
        ["120 CAN>-"]
    );
}

#[test]
fn counterparts_of_two_countries_are_two_targets() {
    // "his Israeli and Egyptian counterparts" names the holder of the possessor's office in
    // each country on the date (branch counterparts29; before, only the first country's):
    // one consultation with each.
    assert_eq!(
        events(
            "Rumsfeld spoke with his Israeli and Egyptian counterparts on Monday.\n",
            &[]
        ),
        ["040 USAGOVMIL>ISRGOVMIL", "040 USAGOVMIL>EGYGOVMIL"]
    );
}
