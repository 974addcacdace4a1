//! Loading: a user directory extends and overrides the bundled knowledge base; a malformed
//! file is an error naming file and line, and nothing of it is loaded.

use std::path::PathBuf;

use chrono::NaiveDate;
use dyad_actors::{KnowledgeBase, LoadOptions};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).join(name)
}

fn codes(kb: &KnowledgeBase, text: &str, date: &str) -> Vec<(String, Option<String>)> {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    kb.resolve_text(text, date)
        .into_iter()
        .flatten()
        .flat_map(|m| m.actors)
        .map(|a| (a.code, a.name))
        .collect()
}

#[test]
fn a_user_directory_extends_and_overrides() {
    let kb = KnowledgeBase::load_with(&[fixture("user-kb")]).expect("the user directory loads");
    // A new person, with an office on the date.
    assert_eq!(
        codes(&kb, "Marta Quillfeather spoke.", "2032-01-01"),
        [(
            "FRAGOVMIL".to_string(),
            Some("Marta Quillfeather".to_string())
        )]
    );
    // The same person before her office: ELI.
    assert_eq!(
        codes(&kb, "Marta Quillfeather spoke.", "2030-01-01"),
        [("FRAELI".to_string(), Some("Marta Quillfeather".to_string()))]
    );
    // The holder of the office on the date.
    assert_eq!(
        codes(&kb, "The French defense minister spoke.", "2032-01-01"),
        [(
            "FRAGOVMIL".to_string(),
            Some("Marta Quillfeather".to_string())
        )]
    );
    // A new role word.
    assert_eq!(
        codes(&kb, "French sky marshals spoke.", "2032-01-01"),
        [("FRACOP".to_string(), None)]
    );
    // The overridden country: its new capital and name, and the bundled capital is gone.
    assert_eq!(
        codes(&kb, "Lutetia spoke.", "2032-01-01"),
        [("FRAGOV".to_string(), None)]
    );
    assert_eq!(
        codes(&kb, "Gaul spoke.", "2032-01-01"),
        [("FRA".to_string(), None)]
    );
    let bundled = KnowledgeBase::load_default().expect("the bundled knowledge base loads");
    assert_eq!(
        codes(&bundled, "Paris spoke.", "2032-01-01"),
        [("FRAGOV".to_string(), None)]
    );
    assert!(codes(&kb, "Paris spoke.", "2032-01-01")
        .iter()
        .all(|(c, _)| c != "FRAGOV"));
}

#[test]
fn malformed_files_name_file_and_line() {
    let err =
        KnowledgeBase::load_with(&[fixture("bad-people")]).expect_err("a bad date is an error");
    let path = fixture("bad-people").join("people-bad.tsv");
    assert_eq!(
        format!("{err:#}"),
        format!(
            "{}:2: start: \"2031-13-01\" is not a valid date",
            path.display()
        )
    );
    let err =
        KnowledgeBase::load_with(&[fixture("bad-countries")]).expect_err("bad TOML is an error");
    let path = fixture("bad-countries").join("countries-bad.toml");
    assert!(
        err.to_string()
            .starts_with(&format!("{}:4:", path.display())),
        "{err}"
    );
    // The error leaves nothing behind: the next load is whole.
    let kb = KnowledgeBase::load_with(&[fixture("user-kb")]).expect("the user directory loads");
    assert!(kb.people.iter().all(|p| p.name != "A Person"));
}

#[test]
fn a_dated_state_needs_a_date_and_its_predecessor() {
    let dir = std::env::temp_dir().join(format!("dyad-actors-since-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let load = |text: &str| {
        std::fs::write(dir.join("countries-new.toml"), text).expect("written");
        KnowledgeBase::load(&LoadOptions {
            dirs: vec![dir.clone()],
            ..LoadOptions::default()
        })
    };
    let file = dir.join("countries-new.toml");
    let err = load("# a new state\n[[country]]\niso3 = \"ZZN\"\nname = \"Newland\"\nsince = \"2011-13-01\"\nbefore = \"SDN\"\n")
        .expect_err("a bad date is an error");
    assert_eq!(
        err.to_string(),
        format!(
            "{}:2: since \"2011-13-01\" is not a date YYYY-MM-DD",
            file.display()
        )
    );
    let err = load("[[country]]\niso3 = \"ZZN\"\nname = \"Newland\"\nsince = \"2011-07-09\"\n")
        .expect_err("since without before is an error");
    assert_eq!(
        err.to_string(),
        format!("{}:1: since and before go together", file.display())
    );
    // A well-formed one: Newland's names are Sudan's before the date.
    let kb = load("[[country]]\niso3 = \"ZZN\"\nname = \"Newland\"\nsince = \"2011-07-09\"\nbefore = \"SDN\"\n")
        .expect("loads");
    assert_eq!(
        codes(&kb, "Newland protested.", "2006-01-01"),
        vec![("SDN".to_string(), None)]
    );
    assert_eq!(
        codes(&kb, "Newland protested.", "2012-01-01"),
        vec![("ZZN".to_string(), None)]
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn missing_directories_and_non_utf8_files_are_errors() {
    let err = KnowledgeBase::load_with(&[fixture("no-such-dir")]).expect_err("a missing directory");
    assert!(err.to_string().contains("no-such-dir"), "{err}");
    let dir = std::env::temp_dir().join(format!("dyad-actors-binary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    std::fs::write(dir.join("people-bin.tsv"), b"name\taliases\n\xff\xfe\x00").expect("written");
    let err = KnowledgeBase::load(&LoadOptions {
        dirs: vec![dir.clone()],
        ..LoadOptions::default()
    })
    .expect_err("binary is an error");
    assert_eq!(
        err.to_string(),
        format!("{}:2: not UTF-8", dir.join("people-bin.tsv").display())
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_person_is_resolved_anew_on_another_date() {
    let kb = KnowledgeBase::load_default().expect("the bundled knowledge base loads");
    let date = NaiveDate::from_ymd_opt(2024, 6, 25);
    let mentions = kb.resolve_text("Sergei Shoigu spoke.", date);
    let shoigu = &mentions[0][0].actors[0];
    assert_eq!(shoigu.code, "RUSGOV");
    let then = kb.actor_on(shoigu, NaiveDate::from_ymd_opt(2023, 3, 15));
    assert_eq!(
        (then.code.as_str(), then.name.as_deref()),
        ("RUSGOVMIL", Some("Sergei Shoigu"))
    );
    let country = &kb.resolve_text("Russia spoke.", date)[0][0].actors[0];
    assert_eq!(
        &kb.actor_on(country, NaiveDate::from_ymd_opt(1990, 1, 1)),
        country
    );
}

#[test]
fn a_surname_far_from_its_full_mention_still_resolves() {
    let kb = KnowledgeBase::load_default().expect("the bundled knowledge base loads");
    let mut text = String::from("Deputy Pentagon Press Secretary Jane Doerner spoke. ");
    for _ in 0..500 {
        text.push_str("The weather was mild. ");
    }
    text.push_str("On Monday, Doerner said more.");
    let mentions = kb.resolve_text(&text, NaiveDate::from_ymd_opt(2023, 5, 1));
    assert_eq!(mentions.len(), 502);
    let last = &mentions[501];
    assert_eq!(last.len(), 1);
    assert_eq!(last[0].via, "coref:surname");
    assert_eq!(last[0].actors[0].code, "USAGOVMIL");
    assert_eq!(last[0].actors[0].name.as_deref(), Some("Jane Doerner"));
}
