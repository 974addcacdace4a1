//! Where events happened: `dyad code` fills `location` from the event's clause, from a target
//! that is a place, or from the dateline, else leaves it null; `dyad explain` says which.
//! The sentences are the project's own.

mod common;

use std::io::Write;

use serde_json::{json, Value};

fn code(docs: &[(&str, &str)]) -> Vec<Value> {
    let mut file = tempfile::Builder::new()
        .suffix(".jsonl")
        .tempfile()
        .unwrap();
    for (id, text) in docs {
        let line = json!({"id": id, "date": "2024-03-01", "text": text});
        writeln!(file, "{line}").unwrap();
    }
    common::code_jsonl(file.path())
}

/// A location as the record writes it.
fn place(text: &str, name: &str, country: &str, lat: Value, lon: Value, via: &str) -> Value {
    json!({"text": text, "name": name, "country": country, "lat": lat, "lon": lon, "via": via})
}

#[test]
fn events_are_placed_by_clause_target_and_dateline() {
    let events = code(&[
        (
            "clause",
            "Russian and Ukrainian officials met in Geneva on Tuesday.",
        ),
        (
            "noun",
            "Blinken held talks with Wang Yi in Beijing on Monday.",
        ),
        (
            "outskirts",
            "Russian forces attacked Ukrainian troops on the outskirts of Kharkiv.",
        ),
        (
            "city-of",
            "Israeli troops attacked Palestinian gunmen in the West Bank city of Jenin.",
        ),
        ("target", "Putin visited Prague on Monday."),
        (
            "dateline",
            "KABUL, Afghanistan (AP) — Afghan forces attacked Taliban fighters on Monday.",
        ),
        (
            "clause-over-dateline",
            "KABUL, Afghanistan (AP) — Afghan forces attacked Taliban fighters in Herat on Monday.",
        ),
        ("none", "Russia condemned the United States on Monday."),
        (
            "sanctions-on",
            "The United States imposed sanctions on Iran.",
        ),
        (
            "no-point",
            "Taliban fighters attacked Afghan troops in Bamiyan.",
        ),
        (
            "village",
            "Russian troops attacked Ukrainian soldiers in Dubrovka.",
        ),
    ]);
    let got: Vec<Value> = events
        .iter()
        .map(|e| json!([e["doc_id"], e["cameo"], e["location"]]))
        .collect();
    let want = vec![
        json!([
            "clause",
            "044",
            place(
                "Geneva",
                "Geneva",
                "CHE",
                json!(46.2),
                json!(6.14),
                "clause"
            )
        ]),
        json!([
            "noun",
            "040",
            place(
                "Beijing",
                "Beijing",
                "CHN",
                json!(39.9),
                json!(116.41),
                "clause"
            )
        ]),
        json!([
            "outskirts",
            "190",
            place(
                "Kharkiv",
                "Kharkiv",
                "UKR",
                json!(49.99),
                json!(36.23),
                "clause"
            )
        ]),
        json!([
            "city-of",
            "190",
            place("Jenin", "Jenin", "PSE", json!(32.46), json!(35.3), "clause")
        ]),
        json!([
            "target",
            "042",
            place(
                "Prague",
                "Prague",
                "CZE",
                json!(50.08),
                json!(14.44),
                "target"
            )
        ]),
        json!([
            "dateline",
            "190",
            place(
                "KABUL",
                "Kabul",
                "AFG",
                json!(34.53),
                json!(69.17),
                "dateline"
            )
        ]),
        json!([
            "clause-over-dateline",
            "190",
            place("Herat", "Herat", "AFG", json!(34.35), json!(62.2), "clause")
        ]),
        json!(["none", "111", null]),
        json!(["sanctions-on", "163", null]),
        json!([
            "no-point",
            "190",
            place(
                "Bamiyan",
                "Bamiyan",
                "AFG",
                Value::Null,
                Value::Null,
                "clause"
            )
        ]),
        json!(["village", "190", null]),
    ];
    assert_eq!(got, want);
}

#[test]
fn explain_says_where_and_why() {
    let text = common::dyad([
        "explain",
        "--date",
        "2024-03-01",
        "Russian and Ukrainian officials met in Geneva on Tuesday.",
    ]);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("location:")).collect();
    assert_eq!(
        lines,
        vec!["    location: Geneva → Geneva, CHE (46.20, 6.14), from the event's clause"]
    );
}
