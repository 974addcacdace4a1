//! The seeds, end to end: `dyad code --no-store --format jsonl` on the two seed articles must
//! find every required event of `expected.json` under the matching rule of the seeds' README,
//! at least half of the others, and at most three events between two different countries
//! that match no entry. Every line must validate against the event schema.

mod common;

use std::path::PathBuf;

use serde_json::Value;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// The seeds coded once for all the tests of this file.
fn code_seeds() -> &'static [Value] {
    static EVENTS: std::sync::OnceLock<Vec<Value>> = std::sync::OnceLock::new();
    EVENTS.get_or_init(run_dyad_on_seeds)
}

fn run_dyad_on_seeds() -> Vec<Value> {
    common::code_jsonl(&shared().join("seeds/seeds.jsonl"))
}

fn country(actor: &Value) -> Option<&str> {
    actor.get("country").and_then(Value::as_str)
}

/// The matching rule of `../shared/seeds/README.md`.
fn matches(event: &Value, entry: &Value) -> bool {
    if event["doc_id"] != entry["doc_id"] {
        return false;
    }
    let root = event["cameo_root"].as_str().unwrap();
    if !entry["cameo_root"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r == root)
    {
        return false;
    }
    let date = event["date"].as_str();
    let date_ok = match (entry["date"].as_str(), entry.get("date_any")) {
        (_, Some(Value::Array(any))) => any.iter().any(|d| Some(d.as_str().unwrap()) == date),
        (Some(want), _) => date.is_some_and(|d| d.starts_with(want)),
        (None, _) => true,
    };
    if !date_ok {
        return false;
    }
    let side = |e: &Value, want: &Value| -> bool {
        if want.is_null() {
            return e.is_null() || country(e).is_none();
        }
        let country_ok = match want.get("country_any").and_then(Value::as_array) {
            Some(any) => any.iter().any(|c| c.as_str() == country(e)),
            None => country(e) == want["country"].as_str(),
        };
        if e.is_null() || !country_ok {
            return false;
        }
        match want.get("name").and_then(Value::as_str) {
            Some(name) => e["name"].as_str() == Some(name),
            None => true,
        }
    };
    let direct =
        side(&event["source"], &entry["source"]) && side(&event["target"], &entry["target"]);
    let swapped = entry["symmetric"].as_bool() == Some(true)
        && side(&event["source"], &entry["target"])
        && side(&event["target"], &entry["source"]);
    direct || swapped
}

#[test]
fn seeds_are_coded_as_expected() {
    let events = code_seeds();
    let expected: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(shared().join("seeds/expected.json")).unwrap(),
    )
    .unwrap();
    let mut missing_required = Vec::new();
    let mut found_optional = 0;
    let mut optional = 0;
    for entry in &expected {
        let found = events.iter().any(|e| matches(e, entry));
        let id = entry["id"].as_str().unwrap();
        if entry["required"].as_bool() == Some(true) {
            if !found {
                missing_required.push(id);
            }
        } else {
            optional += 1;
            found_optional += usize::from(found);
        }
    }
    let unmatched: Vec<String> = events
        .iter()
        .filter(|e| {
            let (s, t) = (
                country(&e["source"]),
                e["target"].get("country").and_then(Value::as_str),
            );
            s.is_some() && t.is_some() && s != t && !expected.iter().any(|x| matches(e, x))
        })
        .map(|e| {
            format!(
                "{} {}>{} {} {:?}",
                e["cameo"],
                e["source"]["code"],
                e["target"]["code"],
                e["date"],
                e["trigger"]["text"]
            )
        })
        .collect();
    assert_eq!(
        missing_required,
        Vec::<&str>::new(),
        "required events not found"
    );
    assert!(
        2 * found_optional >= optional,
        "only {found_optional} of {optional} optional events found"
    );
    assert!(
        unmatched.len() <= 3,
        "events between countries that match no entry: {unmatched:#?}"
    );
}

#[test]
fn every_seed_event_validates_against_the_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(shared().join("contracts/event.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let events = code_seeds();
    assert!(!events.is_empty());
    for e in events {
        let errors: Vec<String> = validator.iter_errors(e).map(|x| x.to_string()).collect();
        assert!(errors.is_empty(), "{e}: {errors:?}");
    }
}
