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
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds/seeds.jsonl"
    );
    let data = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("the seeds must be at {path}: {e}"));
    data.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            Seed {
                id: v["id"].as_str().expect("id").to_string(),
                date: NaiveDate::parse_from_str(v["date"].as_str().expect("date"), "%Y-%m-%d")
                    .expect("a date"),
                text: v["text"].as_str().expect("text").to_string(),
            }
        })
        .collect()
}

/// A mention: its text, (code, name) of each actor, and how it was resolved.
type Found = (String, Vec<(String, Option<String>)>, String);

/// Every mention of a document.
fn mentions(kb: &KnowledgeBase, pipeline: &Pipeline, seed: &Seed) -> Vec<Found> {
    let doc = pipeline.parse(&seed.text);
    let resolved = resolve_document(kb, &doc, Some(seed.date));
    let mut out = Vec::new();
    for (s, ms) in doc.sentences.iter().zip(&resolved) {
        for m in ms {
            let Mention {
                words, actors, via, ..
            } = m;
            let text = &doc.text[s.words[words.start].span.start..s.words[words.end - 1].span.end];
            out.push((
                text.to_string(),
                actors
                    .iter()
                    .map(|a| (a.code.clone(), a.name.clone()))
                    .collect(),
                via.clone(),
            ));
        }
    }
    out
}

/// The `nth` mention (from 0) whose text contains `needle`.
fn find<'a>(ms: &'a [Found], needle: &str, nth: usize) -> &'a Found {
    ms.iter()
        .filter(|(t, _, _)| t.contains(needle))
        .nth(nth)
        .unwrap_or_else(|| {
            panic!(
                "no mention {nth} with {needle:?} in {:?}",
                ms.iter().map(|m| &m.0).collect::<Vec<_>>()
            )
        })
}

fn one(code: &str, name: Option<&str>) -> Vec<(String, Option<String>)> {
    vec![(code.to_string(), name.map(String::from))]
}

#[test]
fn the_seed_actors_resolve() {
    let kb = KnowledgeBase::load_default().expect("the bundled knowledge base loads");
    let pipeline = Pipeline::load_default().expect("models in models/");
    let seeds = seeds();
    let first = seeds
        .iter()
        .find(|s| s.id.starts_with("000_"))
        .expect("seed 000");
    let second = seeds
        .iter()
        .find(|s| s.id.starts_with("004_"))
        .expect("seed 004");
    let a = mentions(&kb, &pipeline, first);
    let b = mentions(&kb, &pipeline, second);

    let m = find(&a, "Defense Secretary Lloyd Austin", 0);
    assert_eq!(m.1, one("USAGOVMIL", Some("Lloyd Austin")));
    let m = find(&a, "Russia Defense Minister Sergei Shoigu", 0);
    assert_eq!(m.1, one("RUSGOVMIL", Some("Sergei Shoigu")));
    // 2022: the counterpart of the US defense secretary is Shoigu.
    let m = find(&a, "his Russian counterpart", 0);
    assert_eq!(
        (&m.1, m.2.as_str()),
        (
            &one("RUSGOVMIL", Some("Sergei Shoigu")),
            "coref:counterpart"
        )
    );
    let m = find(&a, "the secretary", 0);
    assert_eq!(m.1, one("USAGOVMIL", Some("Lloyd Austin")));
    let m = find(&a, "Pentagon", 0);
    assert_eq!(m.1, one("USAGOVMIL", None));
    let m = find(&a, "Sabrina Singh", 0);
    assert_eq!(m.1, one("USAGOVMIL", Some("Sabrina Singh")));
    let m = find(&a, "Russian Defense Ministry", 0);
    assert_eq!(m.1, one("RUSGOVMIL", None));
    let m = find(&a, "the defense heads", 0);
    assert_eq!(
        m.1,
        vec![
            ("USAGOVMIL".to_string(), Some("Lloyd Austin".to_string())),
            ("RUSGOVMIL".to_string(), Some("Sergei Shoigu".to_string()))
        ]
    );
    let m = find(&a, "Olekseii Reznikov", 0);
    assert_eq!(m.1, one("UKRGOVMIL", Some("Oleksii Reznikov")));
    let m = find(&a, "Iranian troops", 0);
    assert_eq!(m.1, one("IRNMIL", None));
    let m = find(&a, "Tehran", 0);
    assert_eq!(m.1, one("IRNGOV", None));
    let m = find(&a, "Moscow", 0);
    assert_eq!(m.1, one("RUSGOV", None));
    let m = find(&a, "White House", 0);
    assert_eq!(m.1, one("USAGOV", None));
    let m = find(&a, "their Russian counterparts", 0);
    assert_eq!(m.1, one("RUSMIL", None));
    let m = find(&a, "Patrick Ryder", 0);
    assert_eq!(m.1, one("USAGOVMIL", Some("Pat Ryder")));
    let m = find(&a, "John Kirby", 0);
    assert_eq!(m.0, "National Security Council spokesman John Kirby");
    assert_eq!(m.1[0].1.as_deref(), Some("John Kirby"));
    // "Singh demurred ... She also declined": the subject of the main clause.
    let m = find(&a, "She", 0);
    assert_eq!(m.1, one("USAGOVMIL", Some("Sabrina Singh")));

    // 2024-06-25: the defense minister is Belousov, who replaced Shoigu in May 2024.
    let m = find(&b, "Russia’s defense minister", 0);
    assert_eq!(m.1, one("RUSGOVMIL", Some("Andrei Belousov")));
    let m = find(&b, "U.S. Defense Secretary Lloyd Austin", 0);
    assert_eq!(m.1, one("USAGOVMIL", Some("Lloyd Austin")));
    let m = find(&b, "Russian Foreign Ministry", 0);
    assert_eq!(m.1, one("RUSGOV", None));
    let m = find(&b, "U.S. Ambassador Lynne Tracy", 0);
    assert_eq!(m.1, one("USAGOV", Some("Lynne Tracy")));
    let m = find(&b, "the ministry", 0);
    assert_eq!(m.1, one("RUSGOV", None));
    let m = find(&b, "Crimea", 0);
    assert_eq!(m.1, one("UKR", None));
    let m = find(&b, "Kremlin", 0);
    assert_eq!(m.1, one("RUSGOV", None));
    let m = find(&b, "Moscow", 0);
    assert_eq!(m.1, one("RUSGOV", None));
    let m = find(&b, "the new defense minister", 0);
    assert_eq!(m.1, one("RUSGOVMIL", Some("Andrei Belousov")));
    // Shoigu on the second article's date is the Security Council's secretary.
    let m = find(&b, "Sergei Shoigu", 0);
    assert_eq!(m.1, one("RUSGOV", Some("Sergei Shoigu")));
}

#[test]
fn shoigu_and_belousov_by_date() {
    let kb = KnowledgeBase::load_default().expect("the bundled knowledge base loads");
    let pipeline = Pipeline::load_default().expect("models in models/");
    let text = "Austin spoke with Russia's defense minister. Austin initiated the call with his Russian counterpart.";
    for (date, name) in [
        ("2022-10-21", "Sergei Shoigu"),
        ("2024-06-25", "Andrei Belousov"),
    ] {
        let seed = Seed {
            id: "t".into(),
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date"),
            text: text.into(),
        };
        let ms = mentions(&kb, &pipeline, &seed);
        assert_eq!(
            find(&ms, "Russia's defense minister", 0).1,
            one("RUSGOVMIL", Some(name)),
            "{date}"
        );
        assert_eq!(
            find(&ms, "his Russian counterpart", 0).1,
            one("RUSGOVMIL", Some(name)),
            "{date}"
        );
    }
}
