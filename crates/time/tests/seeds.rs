//! The two seed articles (read from ../shared/seeds), tagged against their publication
//! dates: every expression, in order, with its value.

use chrono::NaiveDate;

fn tagged(file: &str, dct: &str) -> Vec<(String, String, String, Option<String>)> {
    let path = format!(
        "{}/../../../shared/seeds/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok();
    dyad_time::tag(&text, dct)
        .into_iter()
        .map(|t| {
            (
                text[t.start..t.end].to_string(),
                t.kind.as_str().to_string(),
                t.value,
                t.modifier,
            )
        })
        .collect()
}

fn row(
    text: &str,
    kind: &str,
    value: &str,
    m: Option<&str>,
) -> (String, String, String, Option<String>) {
    (text.into(), kind.into(), value.into(), m.map(Into::into))
}

#[test]
fn seed_000_on_2022_10_21() {
    assert_eq!(
        tagged("000_a510f33fdfa0ac3a.txt", "2022-10-21"),
        vec![
            row("Friday", "DATE", "2022-10-21", None),
            row("May", "DATE", "2022-05", None),
            row("eight-month", "DURATION", "P8M", None),
            row("Friday morning", "TIME", "2022-10-21TMO", None),
            row("Feb. 24", "DATE", "2022-02-24", None),
            row("May 13", "DATE", "2022-05-13", None),
            row("six days before the invasion", "DATE", "2022-02-18", None),
            row("Friday", "DATE", "2022-10-21", None),
            row("five months", "DURATION", "P5M", None),
            row("Today", "DATE", "2022-10-21", None),
            row("Friday", "DATE", "2022-10-21", None),
            row("the future", "DATE", "FUTURE_REF", None),
            row("recent", "DATE", "PAST_REF", None),
            row("Oct. 12", "DATE", "2022-10-12", None),
            row("each month", "SET", "P1M", None),
            row("Thursday", "DATE", "2022-10-20", None),
            row("the end of August", "DATE", "2022-08", Some("END")),
            row("last month", "DATE", "2022-09", None),
            row("now", "DATE", "PRESENT_REF", None),
            row("Thursday", "DATE", "2022-10-20", None),
            row("Friday", "DATE", "2022-10-21", None),
        ]
    );
}

#[test]
fn seed_004_on_2024_06_25() {
    assert_eq!(
        tagged("004_b61225e7d432910c.txt", "2024-06-25"),
        vec![
            row("15 months", "DURATION", "P15M", None),
            row("Tuesday", "DATE", "2024-06-25", None),
            row("2014", "DATE", "2014", None),
            row("This week", "DATE", "2024-W26", None),
            row("March 15, 2023", "DATE", "2023-03-15", None),
            row("A day before", "DATE", "2023-03-14", None),
            row("this May", "DATE", "2024-05", None),
            row("two years", "DURATION", "P2Y", None),
        ]
    );
}
