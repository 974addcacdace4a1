//! Deduplication: which mentions become one cluster, and the cluster's counts and choices.

mod common;

use common::{doc, event, scenario, sentences, versions};
use dyad_code::record::Event;
use dyad_store::{Filter, Store};

/// (date, source, target, code, mentions, articles, sources, best mention id) of every cluster.
type Summary = (String, String, String, String, u64, u64, u64, String);

fn clusters(store: &Store) -> Vec<Summary> {
    let mut rows: Vec<Summary> = store
        .events(&Filter::default(), false)
        .unwrap()
        .into_iter()
        .map(|r| {
            (
                r.date.unwrap_or_default(),
                r.source_code,
                r.target_code.unwrap_or_default(),
                r.cameo,
                r.num_mentions,
                r.num_articles,
                r.num_sources,
                r.event.id,
            )
        })
        .collect();
    rows.sort();
    rows
}

fn s(t: (&str, &str, &str, &str, u64, u64, u64, &str)) -> Summary {
    (
        t.0.into(),
        t.1.into(),
        t.2.into(),
        t.3.into(),
        t.4,
        t.5,
        t.6,
        t.7.into(),
    )
}

fn ingest_all(store: &mut Store, docs: &[(dyad_code::record::SourceDocument, Vec<Event>)]) {
    for (d, events) in docs {
        store.ingest(d, &sentences(6), events, &versions()).unwrap();
    }
    store.update_clusters().unwrap();
}

#[test]
fn one_call_in_five_mentions_is_one_cluster_and_directed_codes_stay_apart() {
    let mut store = Store::open_in_memory().unwrap();
    ingest_all(&mut store, &scenario());
    assert_eq!(
        clusters(&store),
        vec![
            // The month-precision mention of May 2022 joins the only day inside May.
            s((
                "2022-05-13",
                "USAGOVMIL",
                "RUSGOVMIL",
                "041",
                2,
                2,
                1,
                "d3-e1"
            )),
            // A directed code: each direction is its own event.
            s(("2023-03-14", "RUSMIL", "USAMIL", "190", 1, 1, 1, "d1-e1")),
            s(("2023-03-14", "USAMIL", "RUSMIL", "190", 1, 1, 1, "d2-e2")),
            // Five mentions (one reversed, one month-precision), three articles, two
            // publishers; 041 outnumbers 040; the codes most often written win.
            s((
                "2023-03-15",
                "USAGOVMIL",
                "RUSGOVMIL",
                "041",
                5,
                3,
                2,
                "d1-e0"
            )),
        ]
    );
    let counts = store.counts().unwrap();
    assert_eq!(counts.mentions, 9);
    assert_eq!(counts.clusters, 4);
}

#[test]
fn incremental_clustering_equals_recomputing_everything() {
    let mut one_by_one = Store::open_in_memory().unwrap();
    for (d, events) in scenario() {
        one_by_one
            .ingest(&d, &sentences(6), &events, &versions())
            .unwrap();
        one_by_one.update_clusters().unwrap();
    }
    let incremental = clusters(&one_by_one);
    let ids: Vec<Option<i64>> = one_by_one
        .events(&Filter::default(), false)
        .unwrap()
        .iter()
        .map(|r| r.cluster_id)
        .collect();
    assert_eq!(one_by_one.recluster_all().unwrap(), 4);
    assert_eq!(clusters(&one_by_one), incremental);
    let ids_again: Vec<Option<i64>> = one_by_one
        .events(&Filter::default(), false)
        .unwrap()
        .iter()
        .map(|r| r.cluster_id)
        .collect();
    assert_eq!(
        ids, ids_again,
        "cluster ids are stable across recomputation"
    );
    // Never a mention lost: every current mention is in exactly one cluster.
    let mentions = one_by_one.events(&Filter::default(), true).unwrap();
    assert_eq!(mentions.len(), 9);
    assert!(mentions.iter().all(|m| m.cluster_id.is_some()));
    let total: u64 = one_by_one
        .events(&Filter::default(), false)
        .unwrap()
        .iter()
        .map(|r| r.num_mentions)
        .sum();
    assert_eq!(total, 9);
}

#[test]
fn ambiguous_month_and_year_dates_form_their_own_clusters() {
    let mut store = Store::open_in_memory().unwrap();
    let docs = vec![
        (
            doc("a", "p1", "2023-03-16", "a"),
            vec![event("a", 0, 0, "USA", "RUS", "041", Some("2023-03-15"))],
        ),
        (
            doc("b", "p2", "2023-03-21", "b"),
            vec![event("b", 0, 0, "USA", "RUS", "041", Some("2023-03-20"))],
        ),
        (
            doc("c", "p3", "2023-04-02", "c"),
            // Two days of March 2023 are candidates: the month stays on its own.
            vec![event("c", 0, 0, "USA", "RUS", "041", Some("2023-03"))],
        ),
        (
            doc("d", "p4", "2023-12-30", "d"),
            vec![
                // Three clusters in 2023 for USA–RUS: the year stays on its own.
                event("d", 0, 0, "USA", "RUS", "041", Some("2023")),
                // One cluster in 2023 for USA–CHN (a month): the year joins it.
                event("d", 1, 1, "USA", "CHN", "041", Some("2023")),
            ],
        ),
        (
            doc("e", "p5", "2023-09-01", "e"),
            vec![event("e", 0, 0, "CHN", "USA", "041", Some("2023-07"))],
        ),
    ];
    ingest_all(&mut store, &docs);
    assert_eq!(
        clusters(&store),
        vec![
            s(("2023", "USA", "RUS", "041", 1, 1, 1, "d-e0")),
            // The best mention is the month-dated one: more precise than the year.
            s(("2023-03", "USA", "RUS", "041", 1, 1, 1, "c-e0")),
            s(("2023-03-15", "USA", "RUS", "041", 1, 1, 1, "a-e0")),
            s(("2023-03-20", "USA", "RUS", "041", 1, 1, 1, "b-e0")),
            s(("2023-07", "CHN", "USA", "041", 2, 2, 2, "e-e0")),
        ]
    );
}

#[test]
fn mentions_without_their_own_date_join_the_single_recent_cluster() {
    let mut store = Store::open_in_memory().unwrap();
    let undated = |id: &str, published: &str| {
        let mut e = event(id, 0, 0, "USA", "RUS", "041", None);
        e.date_source = None;
        (doc(id, id, published, id), vec![e])
    };
    let mut took_published = event("p", 0, 0, "RUS", "USA", "041", Some("2023-03-18"));
    took_published.date_source = Some("published".into());
    let docs = vec![
        (
            doc("a", "a", "2023-03-16", "a"),
            vec![event("a", 0, 0, "USA", "RUS", "041", Some("2023-03-15"))],
        ),
        (
            doc("b", "b", "2023-03-21", "b"),
            vec![event("b", 0, 0, "USA", "RUS", "041", Some("2023-03-20"))],
        ),
        // Published three days after the 15th, the 20th not yet: joins the 15th.
        (doc("p", "p", "2023-03-18", "p"), vec![took_published]),
        // The 20th is the only cluster in the six days before: joins it.
        undated("u1", "2023-03-25"),
        // No cluster in the week before: a cluster on the publication day.
        undated("u2", "2023-04-10"),
    ];
    ingest_all(&mut store, &docs);
    let mut no_date_at_all = event("z", 0, 0, "USA", "RUS", "041", None);
    no_date_at_all.date_source = None;
    let mut z = doc("z", "z", "2023-01-01", "z");
    z.published = None;
    store
        .ingest(&z, &sentences(1), &[no_date_at_all], &versions())
        .unwrap();
    store.update_clusters().unwrap();
    assert_eq!(
        clusters(&store),
        vec![
            // A mention with no date and no publication date is a cluster of its own.
            s(("", "USA", "RUS", "041", 1, 1, 1, "z-e0")),
            s(("2023-03-15", "USA", "RUS", "041", 2, 2, 2, "a-e0")),
            s(("2023-03-20", "USA", "RUS", "041", 2, 2, 2, "b-e0")),
            s(("2023-04-10", "USA", "RUS", "041", 1, 1, 1, "u2-e0")),
        ]
    );
}
