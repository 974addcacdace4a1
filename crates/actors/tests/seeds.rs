//! The seed articles (`../shared/seeds`, read in place, never copied) through the language
//! core and the actor resolver: the actors of the seed table.

use chrono::NaiveDate;
use dyad_actors::{resolve_document, KnowledgeBase, Mention};
use dyad_nlp::Pipeline;

struct Seed {
    id: String,
    date: NaiveDate,
    text: String,
}

fn seeds() -> Vec<Seed> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds/seeds.jsonl");
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("the seeds must be at {path}: {e}"));
    data.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            Seed {
                id: v["id"].as_str().expect("id").to_string(),
                date: NaiveDate::parse_from_str(v["date"].as_str().expect("date"), "%Y-%m-%d").expect("a date"),
                text: v["text"].as_str().expect("text").to_string(),
            }
        })
        .collect()
}

/// (mention text, code, name, via) of every mention of a document.
fn mentions(kb: &KnowledgeBase, pipeline: &Pipeline, seed: &Seed) -> Vec<(String, Vec<(String, Option<String>)>, String)> {
    let doc = pipeline.parse(&seed.text);
    let resolved = resolve_document(kb, &doc, Some(seed.date));
    let mut out = Vec::new();
    for (s, ms) in doc.sentences.iter().zip(&resolved) {
        for m in ms {
            let Mention { words, actors, via, .. } = m;
            let text = &doc.text[s.words[words.start].span.start..s.words[words.end - 1].span.end];
            out.push((
                text.to_string(),
                actors.iter().map(|a| (a.code.clone(), a.name.clone())).collect(),
                via.clone(),
            ));
        }
    }
    out
}

#[test]
fn print_seed_mentions() {
    let kb = KnowledgeBase::load_default().expect("the bundled knowledge base loads");
    let pipeline = Pipeline::load_default().expect("models in models/");
    for seed in seeds() {
        println!("== {}", seed.id);
        for m in mentions(&kb, &pipeline, &seed) {
            println!("{m:?}");
        }
    }
}
