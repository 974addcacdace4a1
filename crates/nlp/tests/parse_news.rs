//! The trained models on news sentences written for this test: each sentence's subjects,
//! objects, passive agents, "with" obliques, appositions, titles and names, and
//! conjunctions must get their heads and relations, in EWT v2.16's conventions (a title is
//! `nmod:desc` of the name, a name's later parts are `flat` on its first). Fails when the
//! models are wrong.

use dyad_nlp::Pipeline;

/// A sentence and the relations it must contain, as `relation(head, dependent)` over the
/// word forms (each form named is unique in its sentence).
const CASES: &[(&str, &[&str])] = &[
    (
        "The minister met his Turkish counterpart in Ankara on Monday.",
        &[
            "nsubj(met, minister)",
            "obj(met, counterpart)",
            "obl(met, Ankara)",
            "obl(met, Monday)",
            "case(Ankara, in)",
        ],
    ),
    (
        "The convoy was attacked by rebels near the border.",
        &[
            "nsubj:pass(attacked, convoy)",
            "aux:pass(attacked, was)",
            "obl:agent(attacked, rebels)",
            "case(rebels, by)",
        ],
    ),
    (
        "Defense Secretary Anna Berg spoke with her French counterpart on Friday.",
        &[
            "nsubj(spoke, Anna)",
            "flat(Anna, Berg)",
            "nmod:desc(Anna, Secretary)",
            "obl(spoke, counterpart)",
            "case(counterpart, with)",
        ],
    ),
    (
        "Police arrested two protesters and seized their banners.",
        &[
            "nsubj(arrested, Police)",
            "obj(arrested, protesters)",
            "conj(arrested, seized)",
            "cc(seized, and)",
            "obj(seized, banners)",
        ],
    ),
    (
        "Jonas Lind, the head of the agency, resigned on Tuesday.",
        &[
            "nsubj(resigned, Jonas)",
            "appos(Jonas, head)",
            "nmod(head, agency)",
        ],
    ),
    (
        "Ukraine and Poland signed an agreement on grain exports.",
        &[
            "nsubj(signed, Ukraine)",
            "conj(Ukraine, Poland)",
            "obj(signed, agreement)",
        ],
    ),
    (
        "Foreign Minister Sara Kuhn will visit Nairobi next week.",
        &[
            "nsubj(visit, Sara)",
            "aux(visit, will)",
            "obj(visit, Nairobi)",
            "nmod:desc(Sara, Minister)",
        ],
    ),
    (
        "The ship was seized by the navy and its crew was detained.",
        &[
            "nsubj:pass(seized, ship)",
            "obl:agent(seized, navy)",
            "conj(seized, detained)",
            "nsubj:pass(detained, crew)",
        ],
    ),
    (
        "The president held talks with rebel leaders in the capital.",
        &[
            "nsubj(held, president)",
            "obj(held, talks)",
            "nmod(talks, leaders)",
            "case(leaders, with)",
        ],
    ),
    (
        "Farmers blocked the highway and demanded lower fuel prices.",
        &[
            "nsubj(blocked, Farmers)",
            "obj(blocked, highway)",
            "conj(blocked, demanded)",
            "obj(demanded, prices)",
        ],
    ),
    (
        "The embassy was closed by the government after the protests.",
        &[
            "nsubj:pass(closed, embassy)",
            "obl:agent(closed, government)",
            "obl(closed, protests)",
        ],
    ),
    (
        "Prime Minister Ola Berg and President Lena Holm discussed trade.",
        &[
            "nsubj(discussed, Ola)",
            "conj(Ola, Lena)",
            "obj(discussed, trade)",
            "nmod:desc(Lena, President)",
        ],
    ),
];

fn relations(pipeline: &Pipeline, text: &str) -> Vec<String> {
    let doc = pipeline.parse(text);
    assert_eq!(doc.sentences.len(), 1, "{text:?} should be one sentence");
    let words = &doc.sentences[0].words;
    words
        .iter()
        .filter(|w| w.head > 0)
        .map(|w| format!("{}({}, {})", w.deprel, words[w.head - 1].form, w.form))
        .collect()
}

#[test]
fn news_sentences_get_their_heads_and_relations() {
    let pipeline = Pipeline::load_default().expect("models in models/");
    let mut failures = Vec::new();
    for (text, expected) in CASES {
        let got = relations(&pipeline, text);
        for e in *expected {
            if !got.iter().any(|g| g == e) {
                failures.push(format!("{text}\n  missing {e}\n  got {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_sentence_has_one_root() {
    let pipeline = Pipeline::load_default().expect("models in models/");
    for (text, _) in CASES {
        let doc = pipeline.parse(text);
        for s in &doc.sentences {
            let roots = s.words.iter().filter(|w| w.head == 0).count();
            assert_eq!(roots, 1, "{text}");
            assert!(s.words.iter().all(|w| w.head <= s.words.len()));
        }
    }
}
