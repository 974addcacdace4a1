//! Building documents and events for the store's tests.
#![allow(dead_code)]

use dyad_code::record::{Actor, Event, Plover, SentenceRef, SourceDocument, TextSpan};
use dyad_store::CodingVersions;

pub fn versions() -> CodingVersions {
    CodingVersions {
        dyad: "test".into(),
        knowledge: "kb-test".into(),
        models: "models-test".into(),
    }
}

/// An actor from a code whose first three letters are its country.
pub fn actor(code: &str) -> Actor {
    let country = &code[..3];
    let sectors = code.as_bytes()[3..]
        .chunks(3)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    Actor {
        text: format!("the {code} actor"),
        start: 0,
        end: 5,
        code: code.into(),
        country: Some(country.into()),
        sectors,
        name: None,
    }
}

pub fn doc(id: &str, publisher: &str, published: &str, text: &str) -> SourceDocument {
    SourceDocument {
        id: id.into(),
        text: text.into(),
        published: Some(published.into()),
        title: Some(format!("Story {id}")),
        url: Some(format!("https://{publisher}.example/{id}")),
        source: Some(publisher.into()),
    }
}

/// An event mention in sentence `sentence` of document `doc_id`.
pub fn event(
    doc_id: &str,
    n: usize,
    sentence: usize,
    source: &str,
    target: &str,
    cameo: &str,
    date: Option<&str>,
) -> Event {
    let root: u32 = cameo[..2].parse().unwrap();
    let quad_class = match root {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        _ => 4,
    };
    Event {
        id: format!("{doc_id}-e{n}"),
        doc_id: doc_id.into(),
        published: None,
        date: date.map(str::to_string),
        date_source: date.map(|_| "text".to_string()),
        source: actor(source),
        target: Some(actor(target)),
        cameo: cameo.into(),
        cameo_root: cameo[..2].into(),
        quad_class,
        goldstein: if quad_class <= 2 { 1.0 } else { -5.0 },
        plover: Plover {
            event: "CONSULT".into(),
            mode: None,
            context: vec![],
        },
        sentence: SentenceRef {
            index: sentence,
            text: format!("Sentence {sentence} of {doc_id}."),
            start: 0,
            end: 10,
        },
        trigger: TextSpan {
            text: "spoke with".into(),
            start: 2,
            end: 12,
        },
        location: None,
        rule: "040 V speak with $T (test)".into(),
    }
}

/// Sentence spans for a document of `n` sentences.
pub fn sentences(n: usize) -> Vec<(usize, usize)> {
    (0..n).map(|i| (i * 20, i * 20 + 19)).collect()
}

/// The documents of the main scenario: one call on 2023-03-15 told by three documents in
/// five mentions (two publishers), a drone incident told from both sides (a directed code),
/// and an earlier call.
pub fn scenario() -> Vec<(SourceDocument, Vec<Event>)> {
    vec![
        (
            doc("d1", "wire", "2023-03-16", "first story"),
            vec![
                event(
                    "d1",
                    0,
                    0,
                    "USAGOVMIL",
                    "RUSGOVMIL",
                    "041",
                    Some("2023-03-15"),
                ),
                event("d1", 1, 1, "RUSMIL", "USAMIL", "190", Some("2023-03-14")),
                event("d1", 2, 2, "USA", "RUS", "040", Some("2023-03-15")),
            ],
        ),
        (
            doc("d2", "wire", "2023-03-16", "second story"),
            vec![
                event(
                    "d2",
                    0,
                    0,
                    "RUSGOVMIL",
                    "USAGOVMIL",
                    "041",
                    Some("2023-03-15"),
                ),
                event("d2", 1, 1, "USAGOVMIL", "RUSGOVMIL", "041", Some("2023-03")),
                event("d2", 2, 2, "USAMIL", "RUSMIL", "190", Some("2023-03-14")),
            ],
        ),
        (
            doc("d3", "daily", "2024-06-25", "third story"),
            vec![
                event("d3", 0, 4, "USAGOVMIL", "RUS", "040", Some("2023-03-15")),
                event(
                    "d3",
                    1,
                    5,
                    "USAGOVMIL",
                    "RUSGOVMIL",
                    "041",
                    Some("2022-05-13"),
                ),
            ],
        ),
        (
            doc("d4", "daily", "2022-05-20", "fourth story"),
            vec![event(
                "d4",
                0,
                0,
                "USAGOVMIL",
                "RUSGOVMIL",
                "041",
                Some("2022-05"),
            )],
        ),
    ]
}
