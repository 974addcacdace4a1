//! Crash safety: a run killed with SIGKILL leaves no half-stored document, and running it
//! again stores the rest.

use dyad_store::synthetic::Synthetic;
use dyad_store::Store;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;

const DOCUMENTS: u64 = 6000;

/// Runs the filler on `db`; with `kill_after`, SIGKILLs it once it has stored that many
/// more documents. Returns whether it ran to its end.
fn fill(db: &Path, kill_after: Option<u64>) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad-store-fill"))
        .arg(db)
        .arg(DOCUMENTS.to_string())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the filler starts");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    // Drain its output in a thread so that it never blocks on a full pipe: when the kill
    // comes it is busy storing, most likely inside a transaction.
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap_or_default();
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut stored = 0;
    let mut done = false;
    for line in rx.iter() {
        if line.starts_with("stored ") {
            stored += 1;
            if kill_after.is_some_and(|k| stored >= k) {
                child.kill().expect("SIGKILL"); // Child::kill sends SIGKILL on Unix
                break;
            }
        }
        if line == "done" {
            done = true;
        }
    }
    let status = child.wait().unwrap();
    drop(rx);
    reader.join().unwrap();
    if kill_after.is_none() {
        assert!(status.success(), "the filler failed: {status}");
    }
    done
}

fn check_whole(store: &Store) {
    store.integrity_check().unwrap();
    let per_document: Vec<(i64, i64)> = store
        .connection()
        .prepare(
            "SELECT d.id, (SELECT count(*) FROM mentions m WHERE m.document = d.id)
                        + 100 * (SELECT count(*) FROM sentences s WHERE s.document = d.id)
             FROM documents d",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let per_doc = Synthetic::default().events_per_document as i64;
    for (doc, n) in per_document {
        assert_eq!(n, per_doc * 101, "document {doc} is stored whole");
    }
}

#[test]
fn a_killed_run_leaves_whole_documents_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    assert!(!fill(&db, Some(400)));
    {
        let store = Store::open(&db).unwrap();
        let n = store.counts().unwrap().documents;
        assert!((400..DOCUMENTS).contains(&n), "killed mid-run: {n}");
        check_whole(&store);
    }
    // Killed a second time, then run to the end.
    assert!(!fill(&db, Some(400)));
    assert!(fill(&db, None));
    let mut store = Store::open(&db).unwrap();
    check_whole(&store);
    let counts = store.counts().unwrap();
    let synthetic = Synthetic::default();
    assert_eq!(counts.documents, DOCUMENTS);
    assert_eq!(
        counts.mentions,
        DOCUMENTS * synthetic.events_per_document as u64
    );
    for i in 0..DOCUMENTS {
        let (doc, _, _) = synthetic.document(i);
        assert!(store.find(&doc).unwrap().is_some(), "document {i} stored");
    }
    // Clusters cover every mention once, and agree with a recomputation from scratch.
    assert!(!store.clusters_pending().unwrap());
    let total = |s: &Store| -> i64 {
        s.connection()
            .query_row("SELECT sum(num_mentions) FROM clusters", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(total(&store) as u64, counts.mentions);
    let clusters = counts.clusters;
    assert_eq!(store.recluster_all().unwrap() as u64, clusters);
    assert_eq!(total(&store) as u64, counts.mentions);
}
