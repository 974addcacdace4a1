//! The seed articles (`../shared/seeds`, read in place, never copied) through the whole
//! language core: the sentences every later stage reads must come out right.

use dyad_nlp::Pipeline;

fn seeds() -> Vec<(String, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds/seeds.jsonl"
    );
    let data = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("the seeds must be at {path}: {e}"));
    data.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            let id = v["id"].as_str().expect("id").to_string();
            (id, v["text"].as_str().expect("text").to_string())
        })
        .collect()
}

/// `relation(head, dependent)` strings of the sentence that contains `needle`.
fn relations(pipeline: &Pipeline, text: &str, needle: &str) -> Vec<String> {
    let doc = pipeline.parse(text);
    let at = text.find(needle).expect("the needle is in the text");
    let s = doc
        .sentences
        .iter()
        .find(|s| s.span.start <= at && at < s.span.end)
        .expect("a sentence covers the needle");
    s.words
        .iter()
        .filter(|w| w.head > 0)
        .map(|w| format!("{}({}, {})", w.deprel, s.words[w.head - 1].form, w.form))
        .collect()
}

fn assert_has(got: &[String], expected: &[&str]) {
    for e in expected {
        assert!(got.iter().any(|g| g == e), "missing {e} in {got:?}");
    }
}

#[test]
fn the_seed_calls_have_their_parties() {
    let pipeline = Pipeline::load_default().expect("models in models/");
    let seeds = seeds();
    let (_, first) = seeds
        .iter()
        .find(|(id, _)| id.starts_with("000_"))
        .expect("seed 000");
    // "Defense Secretary Lloyd Austin spoke with Russia Defense Minister Sergei Shoigu Friday"
    assert_has(
        &relations(&pipeline, first, "Lloyd Austin spoke with"),
        &[
            "nsubj(spoke, Lloyd)",
            "flat(Lloyd, Austin)",
            "obl(spoke, Sergei)",
            "case(Sergei, with)",
            "flat(Sergei, Shoigu)",
        ],
    );
    assert_has(
        &relations(&pipeline, first, "Austin spoke with Ukraine"),
        &[
            "nsubj(spoke, Austin)",
            "case(Olekseii, with)",
            "obl(spoke, Olekseii)",
        ],
    );
    let (_, second) = seeds
        .iter()
        .find(|(id, _)| id.starts_with("004_"))
        .expect("seed 004");
    // "the Russian Foreign Ministry summoned U.S. Ambassador Lynne Tracy": the object is the
    // ambassador's phrase. EWT would head it on "Lynne" (the title as `nmod:desc`); the
    // model heads it on "Ambassador" with the name as `flat`, which still hands the event
    // coder the whole phrase, so either head is accepted here.
    let summoned = relations(&pipeline, second, "the Russian Foreign Ministry summoned");
    assert_has(&summoned, &["nsubj(summoned, Ministry)"]);
    assert!(
        summoned
            .iter()
            .any(|r| r == "obj(summoned, Lynne)" || r == "obj(summoned, Ambassador)"),
        "no ambassador object in {summoned:?}"
    );
    assert_has(
        &relations(&pipeline, second, "Russia has blamed"),
        &["nsubj(blamed, Russia)", "obj(blamed, U.S.)"],
    );
}

#[test]
fn every_seed_sentence_is_a_tree_over_exact_offsets() {
    let pipeline = Pipeline::load_default().expect("models in models/");
    for (id, text) in seeds() {
        let doc = pipeline.parse(&text);
        assert!(doc.sentences.len() > 5, "{id}");
        for s in &doc.sentences {
            assert_eq!(s.words.iter().filter(|w| w.head == 0).count(), 1, "{id}");
            for w in &s.words {
                assert_eq!(&text[w.span.range()], w.form, "{id}");
                assert!(w.head <= s.words.len());
            }
        }
    }
}
