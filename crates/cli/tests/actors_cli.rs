//! `dyad actors` end to end: resolve prints JSON, check validates, bad input fails cleanly.

use std::process::{Command, Output};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .env_remove("DYAD_KB")
        .output()
        .expect("dyad runs")
}

#[test]
fn resolve_prints_the_actors_as_json() {
    let out = dyad(&[
        "actors",
        "resolve",
        "Russia's defense minister spoke with the Pentagon.",
        "--date",
        "2024-06-25",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mentions = v.as_array().expect("an array of mentions");
    assert_eq!(mentions.len(), 2);
    assert_eq!(mentions[0]["text"], "Russia's defense minister");
    assert_eq!(mentions[0]["via"], "office");
    let a = &mentions[0]["actors"][0];
    assert_eq!(a["code"], "RUSGOVMIL");
    assert_eq!(a["country"], "RUS");
    assert_eq!(a["sectors"], serde_json::json!(["GOV", "MIL"]));
    assert_eq!(a["name"], "Andrei Belousov");
    assert!(
        a["entry"].as_str().expect("entry").starts_with("people-"),
        "{a}"
    );
    assert_eq!(mentions[1]["text"], "the Pentagon");
    assert_eq!(mentions[1]["actors"][0]["code"], "USAGOVMIL");
    // The same words in 2022 name Shoigu.
    let out = dyad(&[
        "actors",
        "resolve",
        "Russia's defense minister spoke.",
        "--date",
        "2022-10-21",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v[0]["actors"][0]["name"], "Sergei Shoigu");
}

#[test]
fn bad_dates_and_bad_knowledge_bases_fail_with_a_message() {
    let out = dyad(&["actors", "resolve", "Russia spoke.", "--date", "2024-13-01"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--date \"2024-13-01\" is not a date"));
    let bad = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../actors/tests/fixtures/bad-people"
    );
    let out = dyad(&["actors", "check", "--kb", bad]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("people-bad.tsv:2: start"), "{err}");
}

#[test]
fn check_reports_problems_and_fails() {
    let dir = std::env::temp_dir().join(format!("dyad-actors-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    // Two holders of one office on the same days, an unknown sector and an unknown country.
    std::fs::write(
        dir.join("people-test.tsv"),
        "name\taliases\tcountry\toffice\tsectors\tstart\tend\n\
         Ann Example\t\tFRA\ttest_office\tGOV\t2030-01-01\t2031-01-01\n\
         Bob Example\t\tFRA\ttest_office\tXYZ\t2030-06-01\t2031-06-01\n\
         Cy Example\t\tQQQ\ttest_office\tGOV\t2030-06-01\t2031-06-01\n",
    )
    .expect("written");
    let out = dyad(&[
        "actors",
        "check",
        "--kb",
        dir.to_str().expect("a UTF-8 path"),
    ]);
    std::fs::remove_dir_all(&dir).ok();
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("people-test.tsv:3: Bob Example: unknown sector XYZ"),
        "{text}"
    );
    assert!(
        text.contains("people-test.tsv:4: Cy Example: unknown country QQQ"),
        "{text}"
    );
    assert!(
        text.contains("people-test.tsv:3: Bob Example test_office overlaps Ann Example"),
        "{text}"
    );
}
