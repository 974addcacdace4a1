//! Event dates on the seed articles (../shared/seeds) with the real tagger and parser:
//! the triggers of expected.json's events get the dates it gives.

use chrono::NaiveDate;
use dyad_time::{date_for_event, tag, DateSource};

/// The date of the event triggered by the `nth` occurrence of `trigger` in the sentence
/// holding `context`.
fn event_date(
    doc: &dyad_text::Document,
    timexes: &[dyad_time::Timex],
    published: NaiveDate,
    context: &str,
    trigger: &str,
) -> (Option<String>, Option<DateSource>) {
    let at = doc
        .text
        .find(context)
        .unwrap_or_else(|| panic!("{context:?} not in the seed"));
    let s = doc
        .sentences
        .iter()
        .find(|s| s.span.start <= at && at < s.span.end)
        .expect("a sentence holds the context");
    let w = s
        .words
        .iter()
        .position(|w| w.form == trigger && w.span.start >= at)
        .unwrap_or_else(|| panic!("{trigger:?} after {context:?}"));
    let d = date_for_event(s, w, timexes, None, Some(published));
    (d.date, d.source)
}

#[test]
fn seed_events_get_their_dates() {
    let pipeline = dyad_nlp::Pipeline::load_default().expect("models load");
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds/");
    let text = |f: &str| std::fs::read_to_string(format!("{seeds}{f}")).expect("seed readable");
    let text_date = |d: &str| (Some(d.to_string()), Some(DateSource::Text));

    let published = NaiveDate::from_ymd_opt(2022, 10, 21).unwrap();
    let doc = pipeline.parse(&text("000_a510f33fdfa0ac3a.txt"));
    let timexes = tag(&doc.text, Some(published));
    let date =
        |context: &str, trigger: &str| event_date(&doc, &timexes, published, context, trigger);
    // A1: spoke ... Friday (not "since May")
    assert_eq!(
        date("Defense Secretary Lloyd Austin spoke", "spoke"),
        text_date("2022-10-21")
    );
    // A3: The previous call happened May 13
    assert_eq!(
        date("The previous call happened", "happened"),
        text_date("2022-05-13")
    );
    // A5: invaded Ukraine on Feb. 24
    assert_eq!(
        date("since Russia invaded", "invaded"),
        text_date("2022-02-24")
    );
    // A6: purchased ... at the end of August
    assert_eq!(
        date("Russia purchased about", "purchased"),
        text_date("2022-08")
    );
    // A2: Also on Friday, Austin spoke with ...
    assert_eq!(
        date("Also on Friday, Austin spoke", "spoke"),
        text_date("2022-10-21")
    );

    let published = NaiveDate::from_ymd_opt(2024, 6, 25).unwrap();
    let doc = pipeline.parse(&text("004_b61225e7d432910c.txt"));
    let timexes = tag(&doc.text, Some(published));
    let date =
        |context: &str, trigger: &str| event_date(&doc, &timexes, published, context, trigger);
    // B5: This week ... summoned
    assert_eq!(
        date("This week the Russian Foreign Ministry", "summoned"),
        text_date("2024-06")
    );
    // B7: A day before, a Russian jet had crashed
    assert_eq!(
        date("A day before, a Russian jet", "crashed"),
        text_date("2023-03-14")
    );
    // B1: spoke, undated in its sentence: the publication date.
    assert_eq!(
        date("U.S. Defense Secretary Lloyd Austin spoke", "spoke"),
        (Some("2024-06-25".to_string()), Some(DateSource::Published))
    );
}
