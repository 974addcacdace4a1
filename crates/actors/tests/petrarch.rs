//! The PETRARCH/TABARI importers on the Phoenix dictionaries (`../shared/data/petrarch`, MIT),
//! read in place: complete loading, date-restricted resolution, and precedence against the
//! knowledge base.

use std::path::PathBuf;

use chrono::NaiveDate;
use dyad_actors::{KnowledgeBase, LoadOptions, Precedence};

fn dict(name: &str) -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/petrarch"
    ))
    .join(name)
}

const ACTORS: [&str; 3] = [
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
];

/// Counts, by a reading independent of the importer, the phrase lines (names and `+`
/// synonyms) and the bracketed codes outside comments of an actors file.
fn count_lines(path: &PathBuf) -> (usize, usize) {
    let text = std::fs::read_to_string(path).expect("the dictionary is readable");
    let mut phrases = 0;
    let mut codes = 0;
    for line in text.lines() {
        let body = line.split('#').next().unwrap_or("");
        if body.trim().is_empty() {
            continue;
        }
        codes += body.matches('[').count();
        // A name may be indented by mistake ("\tJOHN_MCCLOY_ [...]"): what counts is that
        // something stands before the codes.
        if !body.trim_start().starts_with('[') {
            phrases += 1;
        }
    }
    (phrases, codes)
}

fn load(files: &[&str], without_bundled: bool, precedence: Precedence) -> KnowledgeBase {
    KnowledgeBase::load(&LoadOptions {
        without_bundled,
        dirs: Vec::new(),
        dictionaries: files.iter().map(|f| dict(f)).collect(),
        precedence,
    })
    .expect("the Phoenix dictionaries load")
}

#[test]
fn the_phoenix_dictionaries_load_completely() {
    let kb = load(
        &[ACTORS[0], ACTORS[1], ACTORS[2], "Phoenix.agents.txt"],
        true,
        Precedence::Add,
    );
    let (mut phrases, mut codes) = (0, 0);
    for f in ACTORS {
        let (p, c) = count_lines(&dict(f));
        phrases += p;
        codes += c;
    }
    let loaded_codes: usize = kb.dict_actors.iter().map(|a| a.codes.len()).sum();
    // Every code is loaded, but those whose date has a wrong number of digits: each of those
    // is a warning naming its line.
    let bad_dates = kb
        .warnings
        .iter()
        .filter(|w| w.contains("this code is left out"))
        .count();
    assert_eq!(loaded_codes + bad_dates, codes);
    assert_eq!(bad_dates, 7, "{:#?}", kb.warnings);
    assert_eq!(kb.dict_actors.len(), 27_212);
    assert_eq!(loaded_codes, 37_299);
    assert_eq!(kb.dict_actor_phrases, phrases);
    assert_eq!(phrases, 35_617);
    assert_eq!(kb.dict_agents.len(), 5_226);
    assert_eq!(kb.phrase_count(), 39_567);
}

#[test]
fn dated_entries_resolve_on_their_dates() {
    let kb = load(&ACTORS, true, Precedence::Add);
    let cases = [
        ("Vladimir Putin", "1995-01-01", "RUSELI"),
        ("Vladimir Putin", "2003-01-01", "RUSGOV"),
        ("Vladimir Putin", "2010-01-01", "RUSGOV"),
        ("Tony Blair", "1990-01-01", "GBRELI"),
        ("Tony Blair", "2005-01-01", "GBRGOV"),
        ("Tony Blair", "2010-01-01", "GBRELI"),
        ("Gordon Brown", "1990-01-01", "GBRELI"),
        ("Gordon Brown", "2009-01-01", "GBRGOV"),
        ("Angela Merkel", "1990-01-01", "DEUELI"),
        ("Angela Merkel", "2010-01-01", "DEUGOV"),
        ("Hu Jintao", "1980-01-01", "CHNELI"),
        ("Hu Jintao", "2005-01-01", "CHNGOV"),
        ("Hu Jintao", "2015-01-01", "CHNELI"),
        ("Xi Jinping", "2015-01-01", "CHNGOV"),
        ("Viktor Yushchenko", "2000-06-01", "UKRGOV"),
        ("Viktor Yushchenko", "2003-01-01", "UKRELI"),
        ("Viktor Yushchenko", "2006-01-01", "UKRGOV"),
        ("Ariel Sharon", "1990-01-01", "ISRELI"),
        ("Ariel Sharon", "2002-01-01", "ISRGOV"),
        ("Ariel Sharon", "2008-01-01", "ISRELI"),
        ("Ehud Olmert", "2007-01-01", "ISRGOV"),
        ("Mahmoud Ahmadinejad", "2010-01-01", "IRNGOV"),
        ("Mahmoud Ahmadinejad", "2015-01-01", "IRNELI"),
        ("Nicolas Sarkozy", "2004-06-01", "FRAGOVBUS"),
        ("Nicolas Sarkozy", "2010-01-01", "FRAGOV"),
        ("Nicolas Sarkozy", "2015-01-01", "FRAELI"),
        ("Recep Tayyip Erdogan", "2000-01-01", "TURELI"),
        ("Recep Tayyip Erdogan", "2010-01-01", "TURGOV"),
        ("Kofi Annan", "2000-01-01", "IGOUNO"),
        ("Kofi Annan", "2010-01-01", "ELI"),
        ("Ann Veneman", "2003-01-01", "USAGOV"),
        ("Ann Veneman", "2007-01-01", "IGOUNOKID"),
        ("Hamid Karzai", "1990-01-01", "AFGELI"),
        ("Hamid Karzai", "2005-01-01", "AFGGOV"),
        ("Burhanuddin Rabbani", "1985-01-01", "AFGELI"),
        ("Burhanuddin Rabbani", "1995-01-01", "AFGGOV"),
    ];
    let mut failures = Vec::new();
    for (name, date, code) in cases {
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("a date");
        let text = format!("{name} said on Monday.");
        let got: Vec<String> = kb
            .resolve_text(&text, Some(date))
            .into_iter()
            .flatten()
            .filter(|m| m.via == "dictionary")
            .flat_map(|m| m.actors.into_iter().map(|a| a.code))
            .collect();
        if got != [code] {
            failures.push(format!("{name} on {date}: got {got:?}, expected {code}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn dictionaries_add_to_or_override_the_knowledge_base() {
    // Add: the knowledge base's meaning of a phrase stays; the dictionary fills in others.
    let date = NaiveDate::from_ymd_opt(2010, 1, 1);
    let codes = |kb: &KnowledgeBase, text: &str| -> Vec<(String, String)> {
        kb.resolve_text(text, date)
            .into_iter()
            .flatten()
            .flat_map(|m| {
                let via = m.via.clone();
                m.actors.into_iter().map(move |a| (a.code, via.clone()))
            })
            .collect()
    };
    let add = load(&[ACTORS[0]], false, Precedence::Add);
    assert_eq!(
        codes(&add, "Vladimir Putin said."),
        [("RUSGOV".to_string(), "name".to_string())]
    );
    assert_eq!(
        codes(&add, "Mohammad Zahir Shah said."),
        [("AFGELI".to_string(), "dictionary".to_string())]
    );
    // Override: the dictionary's meaning wins where both know the phrase.
    let over = load(&[ACTORS[0]], false, Precedence::Override);
    assert_eq!(
        codes(&over, "Vladimir Putin said."),
        [("RUSGOV".to_string(), "dictionary".to_string())]
    );
    assert_eq!(
        codes(&over, "Mohammad Zahir Shah said."),
        [("AFGELI".to_string(), "dictionary".to_string())]
    );
}

#[test]
fn a_malformed_dictionary_line_names_file_and_line_and_loads_nothing() {
    let dir = std::env::temp_dir().join(format!("dyad-actors-bad-dict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let path = dir.join("bad.actors.txt");
    std::fs::write(
        &path,
        "GOOD_ACTOR_ [USAGOV]\nOTHER_ACTOR_\n\t[RUSGOV 2001\n",
    )
    .expect("written");
    let err = KnowledgeBase::load(&LoadOptions {
        dictionaries: vec![path.clone()],
        ..LoadOptions::default()
    })
    .expect_err("a malformed line is an error");
    assert_eq!(
        err.to_string(),
        format!("{}:3: unclosed '['", path.display())
    );
    let path = dir.join("bad.agents.txt");
    std::fs::write(&path, "SOLDIER [~MIL]\nFARMER {FARMERS [~AGR]\n").expect("written");
    let err = KnowledgeBase::load(&LoadOptions {
        dictionaries: vec![path.clone()],
        ..LoadOptions::default()
    })
    .expect_err("a malformed line is an error");
    assert_eq!(
        err.to_string(),
        format!("{}:2: unclosed '{{'", path.display())
    );
    std::fs::remove_dir_all(&dir).ok();
}
