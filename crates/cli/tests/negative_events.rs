//! Sentences that are negated, hypothetical, conditional, questions or speculation, written
//! by the project (`crates/code/tests/gold/negative.txt`), must yield no event at all.

mod common;

#[test]
fn negated_and_hypothetical_sentences_yield_no_event() {
    let gold = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../code/tests/gold/negative.txt"
    );
    let sentences = std::fs::read_to_string(gold)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .count();
    assert!(sentences >= 60, "only {sentences} negative sentences");
    let report = common::dyad(["eval-events", "--errors", gold]);
    assert_eq!(
        report,
        format!(
            "{gold}: {sentences} sentences, gold 0, system 0, correct 0: precision 1.000, \
             recall 1.000, F1 1.000\n"
        )
    );
}
