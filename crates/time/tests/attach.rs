//! Dating events from hand-built parses: the expression attached to the trigger's clause,
//! bounds ("since May") skipped, embedded clauses kept apart, then the fallbacks.

use chrono::NaiveDate;
use dyad_text::{Deprel, Document, Tokenizer};
use dyad_time::{date_for_event, tag, DateSource, EventDate};

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Tokenizes `text` as one sentence and sets the parse: (head, relation) per word.
fn parsed(text: &str, parse: &[(usize, &str)]) -> Document {
    let mut doc = Tokenizer::new().tokenize(text);
    assert_eq!(doc.sentences.len(), 1, "{text}");
    let words = &mut doc.sentences[0].words;
    let forms: Vec<&str> = words.iter().map(|w| w.form.as_str()).collect();
    assert_eq!(words.len(), parse.len(), "{forms:?}");
    for (w, (head, rel)) in words.iter_mut().zip(parse) {
        w.head = *head;
        w.deprel = Deprel(rel.to_string());
    }
    doc
}

fn text_date(date: &str, timex: usize) -> EventDate {
    EventDate {
        date: Some(date.into()),
        source: Some(DateSource::Text),
        timex: Some(timex),
    }
}

#[test]
fn the_attached_expression_not_the_bound() {
    let text = "Austin spoke with Shoigu Friday for the first time since May.";
    let doc = parsed(
        text,
        &[
            (2, "nsubj"),
            (0, "root"),
            (4, "case"),
            (2, "obl"),
            (2, "obl:tmod"),
            (9, "case"),
            (9, "det"),
            (9, "amod"),
            (2, "obl"),
            (11, "case"),
            (9, "nmod"),
            (2, "punct"),
        ],
    );
    let timexes = tag(text, day("2022-10-21"));
    assert_eq!(timexes.len(), 2);
    let got = date_for_event(&doc.sentences[0], 1, &timexes, None, day("2022-10-21"));
    assert_eq!(got, text_date("2022-10-21", 0));
}

#[test]
fn embedded_clauses_have_their_own_dates() {
    let text = "Kirby said Russia invaded Ukraine on Feb. 24.";
    let doc = parsed(
        text,
        &[
            (2, "nsubj"),
            (0, "root"),
            (4, "nsubj"),
            (2, "ccomp"),
            (4, "obj"),
            (7, "case"),
            (4, "obl"),
            (7, "nummod"),
            (2, "punct"),
        ],
    );
    let timexes = tag(text, day("2022-10-21"));
    let s = &doc.sentences[0];
    assert_eq!(
        date_for_event(s, 3, &timexes, None, day("2022-10-21")),
        text_date("2022-02-24", 0)
    );
    // "said" is not dated by the invasion: the dateline, else the publication date.
    assert_eq!(
        date_for_event(s, 1, &timexes, day("2022-10-20"), day("2022-10-21")),
        EventDate {
            date: Some("2022-10-20".into()),
            source: Some(DateSource::Dateline),
            timex: None
        }
    );
    assert_eq!(
        date_for_event(s, 1, &timexes, None, day("2022-10-21")),
        EventDate {
            date: Some("2022-10-21".into()),
            source: Some(DateSource::Published),
            timex: None
        }
    );
    assert_eq!(
        date_for_event(s, 1, &timexes, None, None),
        EventDate {
            date: None,
            source: None,
            timex: None
        }
    );
    // A trigger index outside the sentence falls back too.
    assert_eq!(date_for_event(s, 99, &timexes, None, None).date, None);
}

#[test]
fn precision_is_kept_and_durations_do_not_date() {
    let text = "Russia bought drones at the end of August for 15 months.";
    let doc = parsed(
        text,
        &[
            (2, "nsubj"),
            (0, "root"),
            (2, "obj"),
            (6, "case"),
            (6, "det"),
            (2, "obl"),
            (8, "case"),
            (6, "nmod"),
            (11, "case"),
            (11, "nummod"),
            (2, "obl"),
            (2, "punct"),
        ],
    );
    let timexes = tag(text, day("2022-10-21"));
    assert_eq!(timexes.len(), 2);
    assert_eq!(
        date_for_event(&doc.sentences[0], 1, &timexes, None, None),
        text_date("2022-08", 0)
    );
}
