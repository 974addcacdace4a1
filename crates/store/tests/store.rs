//! Storing documents: exact query results, idempotent ingest, re-coding, opening errors.

mod common;

use common::{doc, event, sentences, versions};
use dyad_store::{default_db_path, CodingVersions, Filter, Ingested, Period, Store};
use std::path::Path;

fn scenario_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    for (d, events) in common::scenario() {
        store
            .ingest(&d, &sentences(6), &events, &versions())
            .unwrap();
    }
    store.update_clusters().unwrap();
    store
}

/// (date, source, target, code) of the clusters a filter keeps.
fn keep(store: &Store, filter: Filter) -> Vec<(String, String, String, String)> {
    store
        .events(&filter, false)
        .unwrap()
        .into_iter()
        .map(|r| {
            (
                r.date.unwrap(),
                r.source_code,
                r.target_code.unwrap(),
                r.cameo,
            )
        })
        .collect()
}

fn t(d: &str, s: &str, g: &str, c: &str) -> (String, String, String, String) {
    (d.into(), s.into(), g.into(), c.into())
}

#[test]
fn filters_select_exactly_the_matching_clusters() {
    let store = scenario_store();
    let c1 = t("2022-05-13", "USAGOVMIL", "RUSGOVMIL", "041");
    let c2 = t("2023-03-14", "RUSMIL", "USAMIL", "190");
    let c3 = t("2023-03-14", "USAMIL", "RUSMIL", "190");
    let c4 = t("2023-03-15", "USAGOVMIL", "RUSGOVMIL", "041");
    let f = Filter::default;
    let mut all = keep(&store, f());
    all.sort();
    assert_eq!(all, vec![c1.clone(), c2.clone(), c3.clone(), c4.clone()]);
    let source = |c: &str| Filter {
        source: Some(c.into()),
        ..f()
    };
    assert_eq!(keep(&store, source("RUS")), vec![c2.clone()]);
    assert_eq!(keep(&store, source("USAGOV")), vec![c1.clone(), c4.clone()]);
    assert_eq!(
        keep(
            &store,
            Filter {
                target: Some("USA".into()),
                ..f()
            }
        ),
        vec![c2.clone()]
    );
    assert_eq!(
        keep(
            &store,
            Filter {
                actor: Some("RUSMIL".into()),
                ..f()
            }
        )
        .len(),
        2
    );
    let mut dyad = keep(
        &store,
        Filter {
            dyad: Some(("USA".into(), "RUS".into())),
            ..f()
        },
    );
    dyad.sort();
    assert_eq!(dyad, vec![c1.clone(), c3.clone(), c4.clone()]);
    assert_eq!(
        keep(
            &store,
            Filter {
                code: Some("04".into()),
                ..f()
            }
        ),
        vec![c1.clone(), c4.clone()]
    );
    assert_eq!(
        keep(
            &store,
            Filter {
                from: Some("2023-03-15".into()),
                ..f()
            }
        ),
        vec![c4.clone()]
    );
    assert_eq!(
        keep(
            &store,
            Filter {
                to: Some("2022-12".into()),
                ..f()
            }
        ),
        vec![c1]
    );
    // With mentions, the filter reads each mention's own codes.
    let mentions = store
        .events(
            &Filter {
                source: Some("RUS".into()),
                ..f()
            },
            true,
        )
        .unwrap();
    let ids: Vec<&str> = mentions.iter().map(|m| m.event.id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"d1-e1") && ids.contains(&"d2-e0"));
    let reversed = mentions.iter().find(|m| m.event.id == "d2-e0").unwrap();
    assert_eq!(
        reversed.num_mentions, 5,
        "a mention carries its cluster's counts"
    );
}

#[test]
fn timeline_lists_both_directions_one_line_per_cluster() {
    let store = scenario_store();
    let lines: Vec<(String, bool, String, u64, String)> = store
        .timeline("USA", "RUS", None)
        .unwrap()
        .into_iter()
        .map(|r| (r.date, r.forward, r.cameo, r.num_mentions, r.sentence))
        .collect();
    let l = |d: &str, f: bool, c: &str, n: u64, s: &str| (d.into(), f, c.into(), n, s.into());
    assert_eq!(
        lines,
        vec![
            l("2022-05-13", true, "041", 2, "Sentence 5 of d3."),
            l("2023-03-14", false, "190", 1, "Sentence 1 of d1."),
            l("2023-03-14", true, "190", 1, "Sentence 2 of d2."),
            l("2023-03-15", true, "041", 5, "Sentence 0 of d1."),
        ]
    );
    let calls = store.timeline("RUSGOVMIL", "USA", Some("04")).unwrap();
    let dates: Vec<(&str, bool)> = calls.iter().map(|r| (r.date.as_str(), r.forward)).collect();
    assert_eq!(dates, vec![("2022-05-13", false), ("2023-03-15", false)]);
    assert!(store.timeline("USA", "CHN", None).unwrap().is_empty());
    assert!(store.timeline("usa", "RUS", None).is_err());
}

/// (period, source, target, events, quad classes, Goldstein sum, mentions).
type CountRow = (String, String, String, u64, [u64; 4], f64, u64);

#[test]
fn dyad_counts_by_month_and_week() {
    let store = scenario_store();
    let counts = store
        .dyad_counts(Period::Month, &Filter::default(), false)
        .unwrap();
    let rows: Vec<CountRow> = counts
        .rows
        .into_iter()
        .map(|r| {
            (
                r.period,
                r.source,
                r.target,
                r.events,
                r.quad,
                r.goldstein_sum,
                r.mentions,
            )
        })
        .collect();
    let r = |p: &str, s: &str, t: &str, e, q, g, m| (p.into(), s.into(), t.into(), e, q, g, m);
    assert_eq!(
        rows,
        vec![
            r("2022-05", "USA", "RUS", 1, [1, 0, 0, 0], 1.0, 2),
            r("2023-03", "RUS", "USA", 1, [0, 0, 0, 1], -5.0, 1),
            r("2023-03", "USA", "RUS", 2, [1, 0, 0, 1], -4.0, 6),
        ]
    );
    assert_eq!(counts.less_precise, 0);
    let weeks = store
        .dyad_counts(Period::Week, &Filter::default(), true)
        .unwrap();
    let labels: Vec<(&str, &str, &str)> = weeks
        .rows
        .iter()
        .map(|r| (r.period.as_str(), r.source.as_str(), r.target.as_str()))
        .collect();
    assert_eq!(
        labels,
        vec![
            ("2022-W19", "USAGOVMIL", "RUSGOVMIL"),
            ("2023-W11", "RUSMIL", "USAMIL"),
            ("2023-W11", "USAGOVMIL", "RUSGOVMIL"),
            ("2023-W11", "USAMIL", "RUSMIL"),
        ]
    );
}

#[test]
fn the_same_document_twice_is_stored_once() {
    let mut store = Store::open_in_memory().unwrap();
    let (d, events) = common::scenario().remove(0);
    let first = store
        .ingest(&d, &sentences(6), &events, &versions())
        .unwrap();
    let Ingested::Stored { document, mentions } = first else {
        panic!("first ingest stores: {first:?}")
    };
    assert_eq!(mentions, 3);
    let mut renamed = d.clone();
    renamed.id = "another-id".into();
    assert_eq!(
        store
            .ingest(&renamed, &sentences(6), &events, &versions())
            .unwrap(),
        Ingested::AlreadyStored { document }
    );
    assert_eq!(store.find(&d).unwrap(), Some(document));
    // The same text from another publisher is another article (a wire copy).
    let mut copy = d.clone();
    copy.source = Some("other".into());
    copy.url = None;
    assert!(matches!(
        store
            .ingest(&copy, &sentences(6), &events, &versions())
            .unwrap(),
        Ingested::Stored { .. }
    ));
    store.update_clusters().unwrap();
    let counts = store.counts().unwrap();
    assert_eq!(
        (counts.documents, counts.sentences, counts.mentions),
        (2, 12, 6)
    );
    let call = store
        .events(
            &Filter {
                code: Some("04".into()),
                ..Filter::default()
            },
            false,
        )
        .unwrap();
    assert_eq!(call.len(), 1);
    assert_eq!(
        (
            call[0].num_mentions,
            call[0].num_articles,
            call[0].num_sources
        ),
        (4, 2, 2)
    );
}

#[test]
fn a_bad_event_stores_nothing_of_its_document() {
    let mut store = Store::open_in_memory().unwrap();
    let d = doc("bad", "p", "2023-01-01", "text");
    let good = event("bad", 0, 0, "USA", "RUS", "041", Some("2023-01-01"));
    let mut bad = event("bad", 1, 1, "USA", "RUS", "041", Some("2023-02-30"));
    let err = store
        .ingest(&d, &sentences(2), &[good.clone(), bad.clone()], &versions())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "document \"bad\", event \"bad-e1\": date \"2023-02-30\" is not YYYY-MM-DD, YYYY-MM or YYYY"
    );
    bad.date = Some("2023-02-28".into());
    bad.quad_class = 7;
    assert!(store
        .ingest(&d, &sentences(2), &[good.clone(), bad.clone()], &versions())
        .is_err());
    bad.quad_class = 1;
    bad.sentence.index = 5;
    let err = store
        .ingest(&d, &sentences(2), &[good, bad], &versions())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "document \"bad\", event \"bad-e1\": sentence index 5 but the document has 2 sentences"
    );
    let counts = store.counts().unwrap();
    assert_eq!((counts.documents, counts.mentions), (0, 0));
    assert_eq!(store.find(&d).unwrap(), None);
}

#[test]
fn recoding_replaces_mentions_and_keeps_the_old_ones_retired() {
    let mut store = scenario_store();
    let page = store.documents_after(0, 2).unwrap();
    assert_eq!(
        page.iter()
            .map(|d| d.source.id.as_str())
            .collect::<Vec<_>>(),
        vec!["d1", "d2"]
    );
    assert_eq!(page[0].sentences, sentences(6));
    assert_eq!(page[0].coding, versions());
    let rest = store.documents_after(page[1].document, 10).unwrap();
    assert_eq!(
        rest.iter()
            .map(|d| d.source.id.as_str())
            .collect::<Vec<_>>(),
        vec!["d3", "d4"]
    );
    // Re-code d1 with a new knowledge base: the call only, now as a 040.
    let new_versions = CodingVersions {
        knowledge: "kb-2".into(),
        ..versions()
    };
    let d1 = &page[0];
    let recoded = vec![event(
        "d1",
        0,
        0,
        "USAGOVMIL",
        "RUSGOVMIL",
        "040",
        Some("2023-03-15"),
    )];
    let retired = store
        .replace_events(d1.document, &sentences(3), &recoded, &new_versions)
        .unwrap();
    assert_eq!(retired, 3);
    store.update_clusters().unwrap();
    assert_eq!(store.mentions_of(d1.document).unwrap(), recoded);
    let again = store.load_document(d1.document).unwrap().unwrap();
    assert_eq!(again.coding, new_versions);
    assert_eq!(again.sentences, sentences(3));
    let counts = store.counts().unwrap();
    assert_eq!((counts.mentions, counts.sentences), (7, 6 * 3 + 3));
    let retired_rows: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM mentions WHERE retired_by IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(retired_rows, 3, "re-coding never deletes a mention");
    let lines: Vec<(String, String, u64)> = store
        .timeline("USA", "RUS", None)
        .unwrap()
        .into_iter()
        .map(|r| (r.date, r.cameo, r.num_mentions))
        .collect();
    assert_eq!(
        lines,
        vec![
            ("2022-05-13".into(), "041".into(), 2),
            ("2023-03-14".into(), "190".into(), 1),
            // 041 and 040 twice each now: a tie between equally specific codes goes to the
            // smaller; d1's second mention of the call is gone, so 4 mentions, not 5.
            ("2023-03-15".into(), "040".into(), 4),
        ]
    );
}

#[test]
fn opening_refuses_what_is_not_a_dyad_store() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(
        &junk,
        b"this is not a database at all, just some bytes......",
    )
    .unwrap();
    let err = format!("{:#}", Store::open(&junk).err().unwrap());
    assert!(err.contains("junk.db"), "{err}");
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x INTEGER);")
        .unwrap();
    assert_eq!(
        Store::open(&other).err().unwrap().to_string(),
        format!(
            "{} is a SQLite database but not a dyad store (no schema_version table)",
            other.display()
        )
    );
    let good = dir.path().join("good.db");
    drop(Store::open(&good).unwrap());
    rusqlite::Connection::open(&good)
        .unwrap()
        .execute_batch("UPDATE schema_version SET version = 99;")
        .unwrap();
    assert_eq!(
        Store::open(&good).err().unwrap().to_string(),
        format!(
            "{} has store schema version 99; this dyad reads version 1",
            good.display()
        )
    );
}

#[test]
fn the_database_path_follows_flag_then_environment_then_default() {
    // The only test that touches DYAD_DB.
    std::env::remove_var("DYAD_DB");
    assert_eq!(default_db_path(None), Path::new("dyad.db"));
    std::env::set_var("DYAD_DB", "/tmp/from-env.db");
    assert_eq!(default_db_path(None), Path::new("/tmp/from-env.db"));
    assert_eq!(
        default_db_path(Some(Path::new("flag.db"))),
        Path::new("flag.db")
    );
    std::env::set_var("DYAD_DB", "");
    assert_eq!(default_db_path(None), Path::new("dyad.db"));
    std::env::remove_var("DYAD_DB");
}
