//! The PETRARCH-2 verb dictionary loader on the real `CAMEO.2.0.txt`, read from
//! `../shared/data/petrarch` (users bring that file; dyad never bundles it).

use std::path::PathBuf;

use dyad_code::ontology::LoadError;
use dyad_code::petrarch::{PatternToken, PetrarchCode, PetrarchDictionary};
use PatternToken::*;

fn cameo2_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/petrarch/CAMEO.2.0.txt")
}

fn cameo2() -> PetrarchDictionary {
    PetrarchDictionary::from_path_lenient(&cameo2_path()).unwrap_or_else(|e| {
        panic!("{e}; the PETRARCH tests need ../shared/data/petrarch beside the workspace")
    })
}

fn code(c: &str) -> Option<PetrarchCode> {
    let (code, reciprocal) = match c.split_once(':') {
        Some((a, b)) => (a, Some(b.to_string())),
        None => (c, None),
    };
    Some(PetrarchCode {
        code: (!code.is_empty()).then(|| code.to_string()),
        reciprocal,
        marked: false,
    })
}

fn word(w: &str) -> PatternToken {
    Word(w.split('/').map(str::to_string).collect())
}

#[test]
fn the_file_has_two_unreadable_patterns() {
    // A strict load stops at the first; a lenient one leaves out both and says so.
    let e = PetrarchDictionary::from_path(&cameo2_path()).unwrap_err();
    let file = cameo2_path().display().to_string();
    assert_eq!(
        e.to_string(),
        format!(
            "{file}:2374: unbalanced `)` in `* VENTURE (WITH VISIT)                              VISIT)`"
        )
    );
    let d = cameo2();
    let skipped: Vec<(usize, &str)> = d
        .skipped
        .iter()
        .map(|e| (e.line, e.message.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (
                2374,
                "unbalanced `)` in `* VENTURE (WITH VISIT)                              VISIT)`"
            ),
            (
                7606,
                "unbalanced `)` in `STRONGLY * ATTACK (ON ^)                            ^)`"
            ),
        ]
    );
}

#[test]
fn loads_the_whole_file() {
    let d = cameo2();
    assert_eq!(d.blocks.len(), 397);
    assert_eq!(d.synsets.len(), 40);
    assert_eq!(
        d.synsets.iter().map(|s| s.members.len()).sum::<usize>(),
        558
    );
    let patterns: Vec<_> = d.blocks.iter().flat_map(|b| &b.patterns).collect();
    // 4,668 pattern lines, less the two unreadable ones.
    assert_eq!(patterns.len(), 4666);
    assert_eq!(patterns.iter().filter(|p| p.code.is_none()).count(), 168);
    assert_eq!(
        patterns
            .iter()
            .filter(|p| p.code.as_ref().is_some_and(|c| c.reciprocal.is_some()))
            .count(),
        436
    );
    assert_eq!(d.blocks.iter().map(|b| b.verbs.len()).sum::<usize>(), 1817);
    assert_eq!(d.transformations.len(), 8);
    assert_eq!(d.entries().len(), 1817 + 4666);
    // Four sets are used but never defined in this file.
    assert_eq!(
        d.undefined_synsets(),
        [
            ("FIGHT_CRIM".to_string(), 2406),
            ("FIGHT_GAMES".to_string(), 3887),
            ("WEATHER".to_string(), 8443),
            ("DEMONSTRATION".to_string(), 8444),
        ]
    );
}

#[test]
fn a_dozen_entries_exactly() {
    let d = cameo2();
    let entries = d.entries();
    let file = cameo2_path().display().to_string();
    let at = |line: usize| {
        entries
            .iter()
            .find(|e| e.origin == format!("{file}:{line}"))
            .unwrap_or_else(|| panic!("no entry on line {line}"))
    };
    let check = |line: usize, verb: &str, pattern: Vec<PatternToken>, c: Option<PetrarchCode>| {
        let e = at(line);
        assert_eq!(e.verb, verb, "line {line}");
        assert_eq!(e.pattern, pattern, "line {line}");
        assert_eq!(e.code, c, "line {line}");
    };
    check(913, "ASK_FOR", vec![], code("020"));
    check(914, "ASK", vec![], code("020"));
    // No code of its own, and the block has none either.
    check(915, "ENQUIRE", vec![], None);
    check(916, "GRILL", vec![], code("110"));
    check(5581, "VISIT", vec![], code("042:043"));
    check(5582, "VISIT", vec![word("PILGRIMS"), Verb], None);
    check(
        5583,
        "VISIT",
        vec![
            Verb,
            Phrase(vec![Synset("MILITARY".into()), word("HOSPITAL")]),
        ],
        code("042"),
    );
    check(
        5584,
        "VISIT",
        vec![Verb, Group(vec![word("FOR"), word("TALKS")])],
        code("046:046"),
    );
    check(
        2434,
        "MOVE",
        vec![
            Source,
            Verb,
            Group(vec![word("AS"), Synset("NEGOTIATOR".into())]),
            Group(vec![word("IN"), word("TALK")]),
            Group(vec![word("WITH"), Target]),
        ],
        code("045"),
    );
    check(
        3631,
        "SIGN",
        vec![
            Verb,
            Synset("TREATY".into()),
            Group(vec![word("IN"), Skip]),
            Group(vec![word("WITH")]),
        ],
        code("057:057"),
    );
    check(
        4761,
        "REPEAT",
        vec![Compound, Synset("AIRCRAFT".into()), Verb],
        code("062:062"),
    );
    check(
        8452,
        "HURT",
        vec![
            Verb,
            Group(vec![
                word("IN"),
                word("AIR"),
                word("ATTACK/BOMBING/RAID/STRIKE"),
            ]),
        ],
        code("195"),
    );
    let back = at(5787);
    assert_eq!(
        back.pattern,
        vec![Verb, word("DOWN"), Group(vec![word("FROM")])]
    );
    assert_eq!(
        back.code,
        Some(PetrarchCode {
            code: Some("080".into()),
            reciprocal: None,
            marked: true
        })
    );
    let ceasefire = d.synset("CEASEFIRE").unwrap();
    assert_eq!(
        ceasefire.members,
        [
            "TRUCE",
            "ARMISTICE",
            "CEASE-FIRE",
            "CEASEFIRE",
            "CEASE_FIRE"
        ]
    );
    let t = &d.transformations[2];
    assert_eq!(
        (t.from.as_str(), t.to.as_str()),
        ("a (b . ATTACK) SAY", "a b 112")
    );
}

#[test]
fn a_malformed_line_names_the_file_and_line() {
    let text = std::fs::read_to_string(cameo2_path()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.txt");
    let broken = |line: usize, with: &str| {
        let mut lines: Vec<&str> = text.lines().collect();
        lines[line - 1] = with;
        std::fs::write(&path, lines.join("\n")).unwrap();
    };
    // A bad pattern fails a strict load.
    assert_eq!(&text.lines().nth(925).unwrap()[..19], "- * EXPLANATION    ");
    broken(926, "- * (EXPLANATION [020]");
    let e = PetrarchDictionary::from_path(&path).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}:926: unclosed bracket in `* (EXPLANATION`",
            path.display()
        )
    );
    // A bad block header fails a lenient load too.
    broken(5580, "---  VISIT   [042:043  ---");
    let e = PetrarchDictionary::from_path_lenient(&path).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("{}:5580: `[` without `]`", path.display())
    );

    let mut bytes = text.into_bytes();
    let at = bytes.windows(6).position(|w| w == b"GRILL ").unwrap();
    bytes[at] = 0xC3;
    std::fs::write(&path, &bytes).unwrap();
    let e = PetrarchDictionary::from_path(&path).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("{}:916: not valid UTF-8", path.display())
    );

    let e = PetrarchDictionary::from_path(&dir.path().join("missing.txt")).unwrap_err();
    assert!(matches!(e, LoadError::Io { .. }), "{e}");
}
