//! The built-in trigger dictionary (`crates/code/data/triggers.txt`) against the ontology: it
//! reads, every code it names exists, every CAMEO code has patterns, the frequent roots have
//! many, and no pattern is listed twice or yields two codes.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use dyad_code::ontology::Ontology;
use dyad_code::triggers::{parse_triggers, Element, Pattern, TriggerKind};

const TRIGGERS: &str = include_str!("../data/triggers.txt");

/// Codes that have fewer than three patterns, each with the reason. None at present: every
/// code, rare or not, has at least three. A code added here needs a comment in triggers.txt.
const FEWER_THAN_THREE: &[&str] = &[];

/// Patterns that deliberately yield different codes (e.g. by kind); none at present.
const AMBIGUOUS_PATTERNS: &[&str] = &[];

/// Minimum number of patterns per root: the frequent roots of news (02–05 appeals, intents,
/// consultations, support; 06–07 cooperation and aid; 10–14 demands, disapproval, rejection,
/// threats, protest; 17–19 coercion, assault, fighting) have many.
const ROOT_MINIMUMS: &[(&str, usize)] = &[
    ("01", 30),
    ("02", 200),
    ("03", 200),
    ("04", 135),
    ("05", 110),
    ("06", 75),
    ("07", 130),
    ("08", 180),
    ("09", 30),
    ("10", 140),
    ("11", 190),
    ("12", 220),
    ("13", 150),
    ("14", 140),
    ("15", 60),
    ("16", 150),
    ("17", 190),
    ("18", 150),
    ("19", 200),
    ("20", 60),
];

fn patterns() -> Vec<Pattern> {
    parse_triggers("triggers.txt", TRIGGERS).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_dictionary_reads_and_names_only_known_codes() {
    let patterns = patterns();
    assert_eq!(patterns.len(), 3386);
    let ontology = Ontology::load_default();
    for p in &patterns {
        let code = ontology
            .get(&p.code)
            .unwrap_or_else(|| panic!("{}: unknown code {}", p.origin, p.code));
        // Patterns name the specific codes; a two-digit root is a category, not an event.
        assert!(code.code.len() > 2, "{}: root code {}", p.origin, p.code);
    }
}

#[test]
fn every_code_has_patterns() {
    let ontology = Ontology::load_default();
    let mut per_code: HashMap<&str, usize> = HashMap::new();
    let patterns = patterns();
    for p in &patterns {
        *per_code.entry(p.code.as_str()).or_default() += 1;
    }
    let mut fewer_than_three = Vec::new();
    for c in ontology.codes().filter(|c| c.code.len() > 2) {
        let n = per_code.get(c.code.as_str()).copied().unwrap_or(0);
        assert!(n >= 2, "{} has {n} patterns", c.code);
        if n < 3 {
            fewer_than_three.push(c.code.as_str());
        }
    }
    assert_eq!(fewer_than_three, FEWER_THAN_THREE);
}

#[test]
fn the_frequent_roots_have_many_patterns() {
    let mut per_root: BTreeMap<&str, usize> = BTreeMap::new();
    let patterns = patterns();
    for p in &patterns {
        *per_root.entry(&p.code[..2]).or_default() += 1;
    }
    for (root, minimum) in ROOT_MINIMUMS {
        let n = per_root.get(root).copied().unwrap_or(0);
        assert!(n >= *minimum, "root {root}: {n} patterns, want {minimum}");
    }
    assert_eq!(per_root.len(), 20);
}

#[test]
fn no_pattern_twice_and_none_with_two_codes() {
    let mut codes_of: HashMap<(TriggerKind, &str), BTreeSet<&str>> = HashMap::new();
    let mut lines: HashMap<(&str, TriggerKind, &str), &str> = HashMap::new();
    let patterns = patterns();
    for p in &patterns {
        if let Some(first) = lines.insert((&p.code, p.kind, &p.text), &p.origin) {
            panic!("{} repeats {first}: {}", p.origin, p.text);
        }
        codes_of
            .entry((p.kind, p.text.as_str()))
            .or_default()
            .insert(&p.code);
    }
    let mut ambiguous: Vec<&str> = codes_of
        .iter()
        .filter(|(_, codes)| codes.len() > 1)
        .map(|((_, text), _)| *text)
        .collect();
    ambiguous.sort();
    assert_eq!(ambiguous, AMBIGUOUS_PATTERNS);
}

#[test]
fn heads_and_words_are_single_lower_case_tokens() {
    // The tokenizer splits most hyphenated words ("cease-fire" is cease, -, fire), so a word
    // with an inner hyphen would never match; the few prefixes it keeps whole are allowed.
    let kept_whole = ["de-", "counter-"];
    let ok = |w: &str| {
        w == w.to_lowercase() && (!w.contains('-') || kept_whole.iter().any(|k| w.starts_with(k)))
    };
    for p in patterns() {
        assert!(ok(&p.head), "{}: head {}", p.origin, p.head);
        for e in &p.elements {
            if let Element::Word(words) = e {
                for w in words {
                    assert!(ok(w), "{}: word {w}", p.origin);
                }
            }
        }
    }
}

#[test]
fn phrasings_from_the_news_are_there() {
    let patterns = patterns();
    let code_of = |kind: TriggerKind, text: &str| {
        patterns
            .iter()
            .find(|p| p.kind == kind && p.text == text)
            .map(|p| p.code.as_str())
    };
    use TriggerKind::{Noun as N, Verb as V};
    for (kind, text, code) in [
        (V, "speak with $T", "040"),
        (V, "hold talks with $T", "040"),
        (V, "speak by phone|telephone with $T", "041"),
        (N, "call with $T", "041"),
        (V, "visit $T", "042"),
        (V, "host $T", "043"),
        (V, "call on $T to", "020"),
        (V, "urge $T to", "020"),
        (V, "pledge to", "030"),
        (V, "pledge aid|assistance|help to $T", "033"),
        (V, "accuse $T of", "112"),
        (V, "blame $T for", "112"),
        (V, "condemn $T", "111"),
        (V, "criticise $T", "111"),
        (V, "criticize $T", "111"),
        (V, "threaten to", "130"),
        (V, "sell * to $T", "061"),
        (V, "buy * from $T", "061"),
        (V, "sign agreement|deal|accord|treaty|pact|memorandum|declaration|contract|protocol with $T", "057"),
        (V, "recognize $T", "054"),
        (V, "recognise $T", "054"),
        (V, "send troops|soldiers|advisers|advisors to $T", "072"),
        (V, "summon ambassador|envoy|diplomat|charge", "110"),
        (V, "expel diplomats|ambassador|envoy|diplomat", "161"),
        (V, "impose sanctions on $T", "163"),
        (N, "sanction against $T", "163"),
        (V, "arrest $T", "173"),
        (V, "invade $T", "190"),
        (N, "invasion of $T", "190"),
        (N, "attack on $T", "190"),
        (N, "strike on $T", "190"),
        (V, "shell $T", "194"),
        (V, "fire missiles|missile|rockets|rocket|shells|mortars", "194"),
        (V, "bomb $T", "183"),
        (V, "crash into $T", "190"),
        (N, "visit to $T", "042"),
        (N, "talk with $T", "040"),
        (N, "talk between $T", "040"),
        (N, "aid to $T", "070"),
    ] {
        assert_eq!(code_of(kind, text), Some(code), "{kind:?} {text}");
    }
}
