//! The built-in ontology against the facts in `../shared/data/cameo` (read from there, never
//! copied): every code is present with its Goldstein value, and a dozen codes carry exactly the
//! values dyad documents in `docs/ontology.md`.

use std::path::PathBuf;

use dyad_code::ontology::{Ontology, OntologyError};

fn shared(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(path)
}

/// (code, goldstein) of every row of cameo-codes.csv.
fn csv_codes() -> Vec<(String, f64)> {
    let path = shared("cameo/cameo-codes.csv");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; the ontology tests need ../shared/data",
            path.display()
        )
    });
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers = reader.byte_headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name.as_bytes()).unwrap();
    let (code, goldstein) = (col("code"), col("goldstein"));
    reader
        .byte_records()
        .map(|r| {
            let r = r.unwrap();
            let text = |i: usize| String::from_utf8_lossy(&r[i]).into_owned();
            (text(code), text(goldstein).parse().unwrap())
        })
        .collect()
}

#[test]
fn every_code_of_the_facts_is_there_with_its_goldstein_value() {
    let ontology = Ontology::load_default();
    let facts = csv_codes();
    assert_eq!(facts.len(), 312);
    assert_eq!(ontology.len(), facts.len());
    for (code, goldstein) in &facts {
        let entry = ontology
            .get(code)
            .unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(entry.goldstein, *goldstein, "{code}");
    }
    let ours: Vec<&str> = ontology.codes().map(|c| c.code.as_str()).collect();
    let theirs: Vec<&str> = facts.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(ours, theirs, "same codes in the same order");
}

#[test]
fn quad_class_follows_the_root() {
    let ontology = Ontology::load_default();
    for c in ontology.codes() {
        let root: u8 = c.root.parse().unwrap();
        let quad = match root {
            1..=5 => 1,
            6..=8 => 2,
            9..=13 => 3,
            _ => 4,
        };
        assert_eq!(c.quad_class, quad, "{}", c.code);
        assert_eq!(&c.code[..2], c.root);
    }
}

#[test]
fn the_two_roots_where_dyad_differs_from_plover() {
    let ontology = Ontology::load_default();
    for c in ontology.codes() {
        match c.root.as_str() {
            "01" => assert_eq!(c.plover.event, "STATEMENT", "{}", c.code),
            "02" => assert_eq!(c.plover.event, "REQUEST", "{}", c.code),
            _ => assert_ne!(c.plover.event, "STATEMENT", "{}", c.code),
        }
    }
    // An appeal has the mode and contexts of the demand of the same subject.
    for c in ontology
        .codes()
        .filter(|c| c.root == "02" && c.code.len() > 2)
    {
        let demand = ontology.get(&format!("10{}", &c.code[2..])).unwrap();
        assert_eq!(c.plover, demand.plover, "{} vs {}", c.code, demand.code);
    }
}

fn expect(
    code: &str,
    name: &str,
    quad: u8,
    goldstein: f64,
    event: &str,
    mode: Option<&str>,
    context: &[&str],
) {
    let ontology = Ontology::load_default();
    let c = ontology.get(code).unwrap();
    assert_eq!(c.code, code);
    assert_eq!(c.name, name, "{code}");
    assert_eq!(c.root, code[..2], "{code}");
    assert_eq!(c.quad_class, quad, "{code}");
    assert_eq!(c.goldstein, goldstein, "{code}");
    assert_eq!(c.plover.event, event, "{code}");
    assert_eq!(c.plover.mode.as_deref(), mode, "{code}");
    assert_eq!(c.plover.context, context, "{code}");
}

#[test]
fn a_dozen_codes_exactly() {
    expect("040", "consult, unspecified", 1, 1.0, "CONSULT", None, &[]);
    expect("041", "phone call", 1, 1.0, "CONSULT", Some("phone"), &[]);
    expect(
        "043",
        "host a visitor",
        1,
        2.8,
        "CONSULT",
        Some("visit"),
        &[],
    );
    expect(
        "0231",
        "ask for economic aid",
        1,
        3.4,
        "REQUEST",
        Some("assist"),
        &["economic"],
    );
    expect(
        "036",
        "intent to meet or negotiate",
        1,
        4.0,
        "AGREE",
        None,
        &["diplomatic"],
    );
    expect(
        "061",
        "economic cooperation",
        2,
        6.4,
        "COOPERATE",
        None,
        &["economic"],
    );
    expect("071", "economic aid", 2, 7.4, "AID", None, &["economic"]);
    expect(
        "112",
        "accuse, unspecified",
        3,
        -2.0,
        "ACCUSE",
        Some("disapprove"),
        &[],
    );
    expect(
        "1123",
        "accuse of aggression",
        3,
        -2.0,
        "ACCUSE",
        Some("allege"),
        &["military"],
    );
    expect(
        "138",
        "threaten military force",
        3,
        -7.0,
        "THREATEN",
        Some("violence"),
        &["military"],
    );
    expect(
        "172",
        "administrative sanctions",
        4,
        -5.0,
        "COERCE",
        Some("restrict"),
        &["executive"],
    );
    expect(
        "190",
        "military force, unspecified",
        4,
        -10.0,
        "ASSAULT",
        None,
        &["military"],
    );
    expect(
        "195",
        "air strikes",
        4,
        -10.0,
        "ASSAULT",
        Some("aerial"),
        &["military"],
    );
    expect(
        "010",
        "statement, unspecified",
        1,
        0.0,
        "STATEMENT",
        None,
        &[],
    );
    expect(
        "016",
        "deny responsibility",
        1,
        -5.0,
        "STATEMENT",
        None,
        &[],
    );
    expect(
        "163",
        "impose sanctions or an embargo",
        4,
        -8.0,
        "SANCTION",
        Some("discontinue"),
        &["diplomatic"],
    );
    expect(
        "0841",
        "release people",
        2,
        7.0,
        "RETREAT",
        Some("release"),
        &["legal"],
    );
    expect("0813", "lift a curfew", 2, 5.0, "CONCEDE", None, &["legal"]);
    expect(
        "175",
        "violent repression",
        4,
        -9.0,
        "ASSAULT",
        None,
        &["pro_autocracy", "military"],
    );
    expect("19", "fighting", 4, -10.0, "ASSAULT", None, &[]);
}

#[test]
fn plover_types_modes_and_contexts() {
    let ontology = Ontology::load_default();
    let names: Vec<&str> = ontology
        .plover_events()
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "STATEMENT",
            "AGREE",
            "CONSULT",
            "SUPPORT",
            "CONCEDE",
            "COOPERATE",
            "AID",
            "RETREAT",
            "REQUEST",
            "ACCUSE",
            "REJECT",
            "THREATEN",
            "PROTEST",
            "SANCTION",
            "MOBILIZE",
            "COERCE",
            "ASSAULT"
        ]
    );
    let consult: Vec<&str> = ontology
        .plover_event("CONSULT")
        .unwrap()
        .modes
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(consult, ["visit", "third-party", "multilateral", "phone"]);
    let modes: usize = ontology.plover_events().iter().map(|e| e.modes.len()).sum();
    assert_eq!(modes, 67);
    assert_eq!(ontology.contexts().len(), 37);
    // Every type but STATEMENT is reached by some CAMEO code.
    for e in ontology.plover_events() {
        assert!(
            ontology.codes().any(|c| c.plover.event == e.name),
            "{} unused",
            e.name
        );
    }
}

#[test]
fn the_built_in_tables_load_from_their_directory() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let o = Ontology::from_dir(&dir).unwrap();
    assert_eq!(o.len(), Ontology::load_default().len());
}

#[test]
fn a_broken_table_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::copy(data.join("plover.tsv"), dir.path().join("plover.tsv")).unwrap();
    let mut cameo = std::fs::read(data.join("cameo.tsv")).unwrap();
    let text = String::from_utf8(cameo.clone()).unwrap();
    // Corrupt the Goldstein value of 043, then its bytes.
    let line = text.lines().position(|l| l.starts_with("043\t")).unwrap() + 1;
    std::fs::write(
        dir.path().join("cameo.tsv"),
        text.replace(
            "043\thost a visitor\t04\t1\t2.8",
            "043\thost a visitor\t04\t1\t28",
        ),
    )
    .unwrap();
    let e = Ontology::from_dir(dir.path()).unwrap_err();
    let OntologyError::Line(e) = e else {
        panic!("{e}")
    };
    assert_eq!(e.line, line);
    assert!(e.file.ends_with("cameo.tsv"), "{}", e.file);
    assert!(e.to_string().contains("Goldstein"), "{e}");

    let at = text.find("043\t").unwrap();
    cameo[at + 1] = 0xff;
    std::fs::write(dir.path().join("cameo.tsv"), &cameo).unwrap();
    let e = Ontology::from_dir(dir.path()).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}:{line}: not valid UTF-8",
            dir.path().join("cameo.tsv").display()
        )
    );

    std::fs::remove_file(dir.path().join("cameo.tsv")).unwrap();
    let e = Ontology::from_dir(dir.path()).unwrap_err();
    assert!(matches!(e, OntologyError::Io { .. }), "{e}");
}
