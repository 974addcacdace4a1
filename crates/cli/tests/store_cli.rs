//! The store commands end to end: `dyad events`, `timeline`, `dyads`, `export`, `cluster` on a
//! store built through the library, and their errors.

use dyad_code::record::{Actor, Event, Plover, SentenceRef, SourceDocument, TextSpan};
use dyad_store::{CodingVersions, Store};
use std::path::Path;
use std::process::{Command, Output};

fn actor(code: &str) -> Actor {
    Actor {
        text: format!("the {code} actor"),
        start: 0,
        end: 5,
        code: code.into(),
        country: Some(code[..3].into()),
        sectors: code.as_bytes()[3..]
            .chunks(3)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect(),
        name: None,
    }
}

fn event(doc: &str, n: usize, source: &str, target: &str, cameo: &str, date: &str) -> Event {
    let quad = if cameo.starts_with('1') { 4 } else { 1 };
    Event {
        id: format!("{doc}-{n}"),
        doc_id: doc.into(),
        published: None,
        date: Some(date.into()),
        date_source: Some("text".into()),
        source: actor(source),
        target: Some(actor(target)),
        cameo: cameo.into(),
        cameo_root: cameo[..2].into(),
        quad_class: quad,
        goldstein: if quad == 1 { 1.0 } else { -10.0 },
        plover: Plover {
            event: if quad == 1 { "CONSULT" } else { "ASSAULT" }.into(),
            mode: None,
            context: vec![],
        },
        sentence: SentenceRef {
            index: n,
            text: format!("Sentence\t{n} of\n{doc}."),
            start: 0,
            end: 10,
        },
        trigger: TextSpan {
            text: "spoke with".into(),
            start: 0,
            end: 5,
        },
        location: None,
        rule: "test".into(),
    }
}

/// Three stories: a call told three times (one reversed), a strike, an earlier call.
fn build(db: &Path) {
    let mut store = Store::open(db).unwrap();
    let versions = CodingVersions {
        dyad: "test".into(),
        knowledge: "kb".into(),
        models: "m".into(),
    };
    let doc = |id: &str, publisher: &str| SourceDocument {
        id: id.into(),
        text: format!("text of {id}"),
        published: Some("2023-03-16".into()),
        title: None,
        url: None,
        source: Some(publisher.into()),
    };
    let docs = [
        (
            doc("a", "wire"),
            vec![
                event("a", 0, "USAGOVMIL", "RUSGOVMIL", "041", "2023-03-15"),
                event("a", 1, "RUSMIL", "UKR", "190", "2023-03-14"),
            ],
        ),
        (
            doc("b", "daily"),
            vec![
                event("b", 0, "RUSGOVMIL", "USAGOVMIL", "041", "2023-03-15"),
                event("b", 1, "USAGOVMIL", "RUSGOVMIL", "041", "2022-05-13"),
            ],
        ),
        (
            doc("c", "daily"),
            vec![event("c", 0, "USA", "RUS", "040", "2023-03")],
        ),
    ];
    for (d, events) in &docs {
        let sentences: Vec<(usize, usize)> = (0..3).map(|i| (i * 10, i * 10 + 9)).collect();
        store.ingest(d, &sentences, events, &versions).unwrap();
    }
    // Clusters are left pending on purpose: the query commands bring them up to date.
}

fn dyad(args: &[&str], db: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env_remove("DYAD_DB")
        .output()
        .expect("dyad runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "dyad failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn timeline_lists_each_event_once_in_both_directions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    build(&db);
    let out = stdout(&dyad(&["timeline", "USA", "RUS", "--format", "tsv"], &db));
    assert_eq!(
        out,
        "date\tsource\ttarget\tcode\tmentions\tarticles\tsources\tsentence\n\
         2022-05-13\tUSAGOVMIL\tRUSGOVMIL\t041\t1\t1\t1\tSentence 1 of b.\n\
         2023-03-15\tUSAGOVMIL\tRUSGOVMIL\t041\t3\t3\t2\tSentence 0 of a.\n"
    );
    let table = stdout(&dyad(
        &["timeline", "RUS", "USAGOVMIL", "--code", "04"],
        &db,
    ));
    assert_eq!(
        table,
        "2022-05-13  USAGOVMIL → RUSGOVMIL     041     1 mention   Sentence 1 of b.\n\
         2023-03-15  USAGOVMIL → RUSGOVMIL     041     3 mentions  Sentence 0 of a.\n"
    );
    let none = stdout(&dyad(&["timeline", "USA", "UKR"], &db));
    assert_eq!(none, "");
}

#[test]
fn dyads_count_by_month() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    build(&db);
    let out = stdout(&dyad(&["dyads", "--by", "month", "--format", "tsv"], &db));
    assert_eq!(
        out,
        "period\tsource\ttarget\tevents\tverbal_coop\tmaterial_coop\tverbal_conflict\tmaterial_conflict\tgoldstein\tmentions\n\
         2022-05\tUSA\tRUS\t1\t1\t0\t0\t0\t1.0\t1\n\
         2023-03\tRUS\tUKR\t1\t0\t0\t0\t1\t-10.0\t1\n\
         2023-03\tUSA\tRUS\t1\t1\t0\t0\t0\t1.0\t3\n"
    );
    let filtered = stdout(&dyad(
        &["dyads", "--by", "year", "--format", "csv", "--code", "19"],
        &db,
    ));
    assert_eq!(
        filtered.lines().nth(1),
        Some("2023,RUS,UKR,1,0,0,0,1,-10.0,1")
    );
}

#[test]
fn events_and_exports_write_valid_records() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    build(&db);
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/contracts/event.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for args in [
        vec!["events", "--format", "jsonl"],
        vec!["events", "--format", "jsonl", "--mentions"],
        vec!["export", "--format", "plover-jsonl"],
    ] {
        let out = stdout(&dyad(&args, &db));
        let expected = if args.contains(&"--mentions") { 5 } else { 3 };
        assert_eq!(out.lines().count(), expected, "{args:?}");
        for line in out.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(validator.is_valid(&v), "{args:?}: {line}");
        }
    }
    let gdelt = stdout(&dyad(&["export", "--format", "gdelt-tsv"], &db));
    assert_eq!(gdelt.lines().count(), 3);
    assert!(gdelt.lines().all(|l| l.split('\t').count() == 61));
    let icews = stdout(&dyad(
        &["export", "--format", "icews-tsv", "--source", "RUS"],
        &db,
    ));
    let lines: Vec<&str> = icews.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("Event ID\tEvent Date\tSource Name"));
    let fields: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(fields.len(), 20);
    assert_eq!(
        (fields[1], fields[2], fields[6], fields[10], fields[11]),
        ("2023-03-14", "the RUSMIL actor", "190", "UKR", "a")
    );
    let parquet = dir.path().join("e.parquet");
    let out = dyad(
        &[
            "export",
            "--format",
            "parquet",
            "--out",
            parquet.to_str().unwrap(),
        ],
        &db,
    );
    assert!(out.status.success());
    assert_eq!(&std::fs::read(&parquet).unwrap()[..4], b"PAR1");
    let csv = stdout(&dyad(
        &["events", "--format", "csv", "--dyad", "USA", "RUS"],
        &db,
    ));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    // A sentence with a tab and a line break survives CSV quoting.
    assert_eq!(&rows[0][25], "Sentence\t1 of\nb.");
    let tsv = stdout(&dyad(
        &["events", "--format", "tsv", "--dyad", "USA", "RUS"],
        &db,
    ));
    assert_eq!(tsv.lines().count(), 3);
    assert!(tsv.lines().all(|l| l.split('\t').count() == 30));
}

#[test]
fn cluster_recomputes_and_errors_name_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    build(&db);
    let out = dyad(&["cluster"], &db);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "3 clusters from 5 mentions in 3 documents\n"
    );
    let missing = dir.path().join("missing.db");
    let out = dyad(&["events"], &missing);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!(
        "no event store at {} (run `dyad code` first",
        missing.display()
    )));
    assert!(!missing.exists(), "a query never creates a store");
    for (args, message) in [
        (
            vec!["events", "--source", "usa"],
            "--source \"usa\" is not a CAMEO actor code",
        ),
        (vec!["events", "--format", "xml"], "unknown format \"xml\""),
        (vec!["dyads", "--by", "decade"], "unknown period \"decade\""),
        (
            vec!["export", "--format", "gdelt-tsv", "--mentions"],
            "gdelt-tsv writes one row per event",
        ),
    ] {
        let out = dyad(&args, &db);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(message),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // DYAD_DB names the store when --db is not given.
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["timeline", "USA", "RUS", "--format", "tsv"])
        .env("DYAD_DB", &db)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
}

/// Ingesting the same news file twice stores it once.
#[test]
fn te3_silver_twice_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let news = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news/te3-silver.jsonl"
    );
    assert!(dyad(&["code", news], &db).status.success());
    let count = || -> i64 { rusqlite_count(&db) };
    let first = count();
    assert_eq!(first, 2452);
    assert!(dyad(&["code", news], &db).status.success());
    assert_eq!(count(), first);
}

fn rusqlite_count(db: &Path) -> i64 {
    Store::open(db).unwrap().counts().unwrap().documents as i64
}
