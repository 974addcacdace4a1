//! The resolution cases of `tests/cases.tsv`, each parsed with the real pipeline and
//! resolved on its date. Columns: text, date (`-`: none), mention (a part of the mention's
//! text; `@N` after it: in sentence N, counted from 0), expected codes and expected names
//! (several actors joined by `+`; `-`: no name). Expected codes `none`: no mention contains
//! the text.

use std::collections::HashMap;

use chrono::NaiveDate;
use dyad_actors::{resolve_document, KnowledgeBase, Mention};
use dyad_nlp::Pipeline;
use dyad_text::Document;

struct Case {
    line: usize,
    text: String,
    date: Option<NaiveDate>,
    needle: String,
    sentence: Option<usize>,
    codes: String,
    names: String,
}

fn cases() -> Vec<Case> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases.tsv");
    let data = std::fs::read_to_string(path).expect("tests/cases.tsv");
    let mut out = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "cases.tsv:{}: five tab-separated fields", i + 1);
        let date = (f[1] != "-").then(|| {
            NaiveDate::parse_from_str(f[1], "%Y-%m-%d")
                .unwrap_or_else(|_| panic!("cases.tsv:{}: bad date", i + 1))
        });
        let (needle, sentence) = match f[2].rsplit_once('@') {
            Some((n, s)) if s.chars().all(|c| c.is_ascii_digit()) && !s.is_empty() => {
                (n.to_string(), Some(s.parse().expect("digits")))
            }
            _ => (f[2].to_string(), None),
        };
        out.push(Case {
            line: i + 1,
            text: f[0].to_string(),
            date,
            needle,
            sentence,
            codes: f[3].to_string(),
            names: f[4].to_string(),
        });
    }
    out
}

/// A parsed case text and its mentions.
type Parsed = (Document, Vec<Vec<Mention>>);

fn mention_text<'a>(doc: &'a Document, s: usize, m: &Mention) -> &'a str {
    let words = &doc.sentences[s].words;
    &doc.text[words[m.words.start].span.start..words[m.words.end - 1].span.end]
}

#[test]
fn resolution_cases() {
    let kb = KnowledgeBase::load_default().expect("the bundled knowledge base loads");
    let pipeline = Pipeline::load_default().expect("models in models/");
    let cases = cases();
    assert!(cases.len() >= 300, "{} cases", cases.len());
    let mut parsed: HashMap<(String, Option<NaiveDate>), Parsed> = HashMap::new();
    let mut failures = Vec::new();
    for c in &cases {
        let (doc, mentions) = parsed.entry((c.text.clone(), c.date)).or_insert_with(|| {
            let doc = pipeline.parse(&c.text);
            let mentions = resolve_document(&kb, &doc, c.date);
            (doc, mentions)
        });
        let found = mentions.iter().enumerate().find_map(|(s, ms)| {
            if c.sentence.is_some_and(|n| n != s) {
                return None;
            }
            ms.iter()
                .find(|m| mention_text(doc, s, m).contains(&c.needle))
                .map(|m| (s, m))
        });
        // `none`: no mention may contain the needle ("Reading the report" names no place).
        if c.codes == "none" {
            if let Some((s, m)) = found {
                failures.push(format!(
                    "cases.tsv:{}: {:?} is a mention ({} via {}), expected none",
                    c.line,
                    mention_text(doc, s, m),
                    m.actors
                        .iter()
                        .map(|a| a.code.as_str())
                        .collect::<Vec<_>>()
                        .join("+"),
                    m.via
                ));
            }
            continue;
        }
        let Some((s, m)) = found else {
            let all: Vec<_> = mentions
                .iter()
                .enumerate()
                .flat_map(|(s, ms)| ms.iter().map(move |m| (s, m)))
                .map(|(s, m)| mention_text(doc, s, m).to_string())
                .collect();
            failures.push(format!(
                "cases.tsv:{}: no mention with {:?} in {all:?}",
                c.line, c.needle
            ));
            continue;
        };
        let codes: Vec<&str> = m.actors.iter().map(|a| a.code.as_str()).collect();
        let names: Vec<&str> = m
            .actors
            .iter()
            .map(|a| a.name.as_deref().unwrap_or("-"))
            .collect();
        let (codes, names) = (codes.join("+"), names.join("+"));
        if codes != c.codes || names != c.names {
            failures.push(format!(
                "cases.tsv:{}: {:?}: got {codes} {names} via {}, expected {} {}",
                c.line,
                mention_text(doc, s, m),
                m.via,
                c.codes,
                c.names
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
