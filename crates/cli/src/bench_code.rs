//! `dyad bench-code`: the speed of the coder alone, on sentences already parsed, with their
//! actors and dates resolved, and of the whole `dyad code` pipeline per stage.

use std::time::Instant;

use dyad_code::input::{ActorMention, DateMention, DocumentDates};
use dyad_code::SourceDocument;

use crate::code::CodingArgs;

#[derive(clap::Args)]
pub struct Args {
    /// News as JSONL ({id, date, text}).
    #[arg(long, default_value = "../shared/data/news/te3-silver.jsonl")]
    pub news: std::path::PathBuf,
    /// How many times the coder goes over all the sentences.
    #[arg(long, default_value_t = 5)]
    pub passes: usize,
    #[command(flatten)]
    pub coding: CodingArgs,
}

struct Prepared {
    doc: dyad_text::Document,
    mentions: Vec<Vec<ActorMention>>,
    dates: Vec<Vec<DateMention>>,
    doc_dates: DocumentDates,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let engine = args.coding.engine()?;
    let text = std::fs::read_to_string(&args.news)?;
    let mut docs = Vec::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        docs.push(SourceDocument {
            id: v["id"].as_str().unwrap_or_default().to_string(),
            text: v["text"].as_str().unwrap_or_default().to_string(),
            published: v["date"].as_str().map(str::to_string),
            ..SourceDocument::default()
        });
    }
    // The whole pipeline once, keeping each stage's output for the coder-only passes.
    let start = Instant::now();
    let mut prepared = Vec::with_capacity(docs.len());
    let mut sentences = 0;
    let mut events = 0;
    for d in &docs {
        let coded = engine.code(d, None);
        sentences += coded.doc.sentences.len();
        events += coded.events.len();
        prepared.push(Prepared {
            doc: coded.doc,
            mentions: coded.mentions,
            dates: coded.dates,
            doc_dates: DocumentDates {
                dateline: None,
                published: coded.date.map(|x| x.to_string()),
            },
        });
    }
    let whole = start.elapsed().as_secs_f64();
    println!(
        "whole pipeline: {} documents, {sentences} sentences, {events} events in {whole:.2} s: \
         {:.0} sentences/s",
        docs.len(),
        sentences as f64 / whole
    );
    let mut best = f64::INFINITY;
    let mut found = 0;
    for _ in 0..args.passes {
        let start = Instant::now();
        found = 0;
        for p in &prepared {
            found += engine
                .coder
                .code_document(&p.doc, &p.mentions, &p.dates, &p.doc_dates)
                .len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "coder alone (best of {}): {sentences} sentences, {found} events in {best:.3} s: \
         {:.0} sentences/s",
        args.passes,
        sentences as f64 / best
    );
    // Writing the records, locations included: the places of each document found in the
    // knowledge base and the event's chosen among them.
    let found: Vec<_> = prepared
        .iter()
        .map(|p| {
            engine
                .coder
                .code_document(&p.doc, &p.mentions, &p.dates, &p.doc_dates)
        })
        .collect();
    let mut best = f64::INFINITY;
    let mut located = 0;
    for _ in 0..args.passes {
        let start = Instant::now();
        located = 0;
        for (p, f) in prepared.iter().zip(&found) {
            let places = crate::coding::places_of(&engine.kb, &p.doc);
            let records =
                dyad_code::records::to_records(&p.doc, "bench", None, f, &places, &engine.ontology);
            located += records.iter().filter(|e| e.location.is_some()).count();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "records with locations (best of {}): {sentences} sentences, {located} events located \
         in {best:.3} s: {:.0} sentences/s",
        args.passes,
        sentences as f64 / best
    );
    Ok(())
}
