//! The seeds' timeline: after `dyad code` stores both seed articles, `dyad timeline USA RUS
//! --code 04` lists each US–Russia defence-minister call the articles report exactly once.

mod common;

use std::path::PathBuf;

fn dyad(args: &[&str]) -> String {
    common::dyad(args)
}

#[test]
fn seeds_timeline_lists_each_call_once() {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds/seeds.jsonl");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seeds.db");
    let db = db.to_str().unwrap();
    dyad(&["code", "-q", "--db", db, seeds.to_str().unwrap()]);
    // Coding the same articles again stores nothing new.
    dyad(&["code", "-q", "--db", db, seeds.to_str().unwrap()]);
    let timeline = dyad(&[
        "timeline", "USA", "RUS", "--code", "04", "--db", db, "--format", "tsv",
    ]);
    let dates: Vec<&str> = timeline
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(
        dates,
        [
            "2022-02-18",
            "2022-05-13",
            "2022-10-21",
            "2023-03-15",
            "2024-06-25"
        ],
        "{timeline}"
    );
}
