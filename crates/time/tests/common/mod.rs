//! What the exact-output tests of the tagger share: each expression found as (text, type,
//! value, mod), and a way to write the expected ones.

use chrono::NaiveDate;
use dyad_time::tag;

pub type Found = (String, &'static str, String, Option<String>);

/// (text, type, value, mod) of every expression found.
pub fn found(text: &str, dct: &str) -> Vec<Found> {
    let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok();
    tag(text, dct)
        .into_iter()
        .map(|t| {
            (
                text[t.start..t.end].to_string(),
                t.kind.as_str(),
                t.value,
                t.modifier,
            )
        })
        .collect()
}

pub fn ex(text: &str, kind: &'static str, value: &str, m: Option<&str>) -> Found {
    (
        text.to_string(),
        kind,
        value.to_string(),
        m.map(str::to_string),
    )
}
