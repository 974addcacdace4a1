//! `dyad code`: documents in, event records out (and into the store).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use dyad_code::Event;

use dyad_store::run::{Progress, RunSummary, Verbosity};
use dyad_store::Store;

use crate::coding::Engine;
use crate::documents;
use crate::input::ModelArgs;

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories and `-` (standard input): .txt, .jsonl ({id, text, date, title, url,
    /// source} a line) and .html.
    #[arg(default_value = "-")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    pub format: OutputFormat,
    #[command(flatten)]
    pub coding: CodingArgs,
    /// Do not store into the database.
    #[arg(long)]
    pub no_store: bool,
    /// The database (default: $DYAD_DB, else ./dyad.db).
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Print nothing on standard error but errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// Also report every skipped input as it happens.
    #[arg(short, long)]
    pub verbose: bool,
}

/// What every command that codes takes: models, knowledge and dictionaries, dates.
#[derive(clap::Args, Debug)]
pub struct CodingArgs {
    /// Publication date of documents that carry none, YYYY-MM-DD.
    #[arg(long, value_parser = parse_day)]
    pub date: Option<NaiveDate>,
    /// Also emit public statements (CAMEO 01), which PLOVER drops.
    #[arg(long)]
    pub statements: bool,
    /// Also emit events whose target could not be identified (monadic events). By default
    /// every event has a source and a target, as dyadic event data does.
    #[arg(long)]
    pub monadic: bool,
    /// Also emit events that their own clause dates more than 18 months before the story's
    /// publication ("invaded Tibet in 1951"). By default such history is not coded.
    #[arg(long)]
    pub history: bool,
    /// A trigger dictionary in dyad's format to add to the bundled one (repeatable).
    #[arg(long)]
    pub triggers: Vec<PathBuf>,
    /// A knowledge-base directory to add to the bundled one (repeatable; also $DYAD_KB).
    #[arg(long)]
    pub kb: Vec<PathBuf>,
    #[command(flatten)]
    pub model: ModelArgs,
}

pub fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("`{s}` is not a YYYY-MM-DD date"))
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Jsonl,
    Tsv,
    Table,
}

impl CodingArgs {
    pub fn engine(&self) -> anyhow::Result<Engine> {
        let pipeline = self.model.load()?;
        let mut extra_kb = self.kb.clone();
        if let Some(dir) = std::env::var_os("DYAD_KB") {
            extra_kb.push(PathBuf::from(dir));
        }
        let kb = dyad_actors::KnowledgeBase::load_with(&extra_kb)?;
        let mut user = Vec::new();
        for path in &self.triggers {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            user.push((path.display().to_string(), text));
        }
        let mut coder = dyad_code::coder::Coder::with_triggers(&user)?;
        coder.statements = self.statements;
        coder.monadic = self.monadic;
        coder.history = self.history;
        Ok(Engine {
            pipeline,
            kb,
            coder,
            ontology: dyad_code::ontology::Ontology::load_default(),
        })
    }
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let verbosity = Verbosity::from_flags(args.quiet, args.verbose);
    let engine = args.coding.engine()?;
    let mut store = if args.no_store {
        None
    } else {
        let path = dyad_store::default_db_path(args.db.as_deref());
        Some(
            Store::open(&path)
                .with_context(|| format!("cannot open the database {}", path.display()))?,
        )
    };
    let versions = engine.versions();
    let (files, skipped) = documents::expand(&args.inputs);
    let mut summary = RunSummary {
        skipped,
        ..RunSummary::default()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut progress = Progress::new(None, verbosity);
    let mut undated = false;
    if args.format == OutputFormat::Tsv {
        writeln!(out, "{}", TSV_HEADER.join("\t"))?;
    }
    for file in &files {
        let (inputs, bad) = documents::read(file);
        for s in &bad {
            progress.verbose(&format!("skipped {}: {}", s.input, s.reason));
        }
        summary.skipped.extend(bad);
        for input in inputs {
            summary.documents += 1;
            if let Some(store) = &store {
                if store.find(&input.document)?.is_some() {
                    // Same content already stored: nothing to do (ingest is idempotent).
                    summary.already_stored += 1;
                    progress.advance(1, 0);
                    continue;
                }
            }
            let coded = engine.code(&input.document, args.coding.date);
            if coded.date.is_none() {
                undated = true;
            }
            summary.sentences += coded.doc.sentences.len() as u64;
            summary.events += coded.events.len() as u64;
            for e in &coded.events {
                write_event(&mut out, args.format, e)?;
            }
            if let Some(store) = store.as_mut() {
                let mut document = input.document.clone();
                document.published = coded.date.map(|d| d.to_string());
                let sentences = coded.sentence_spans();
                store
                    .ingest(&document, &sentences, &coded.events, &versions)
                    .with_context(|| format!("{}: cannot store the document", input.origin))?;
                if summary.documents.is_multiple_of(256) {
                    store.update_clusters()?;
                }
            }
            progress.advance(1, coded.events.len() as u64);
        }
    }
    out.flush()?;
    progress.finish();
    if let Some(store) = store.as_mut() {
        store.update_clusters()?;
        summary.clusters = store.counts()?.clusters;
    }
    if undated {
        progress.warn(
            "note: some documents carry no date (no JSONL date, HTML meta, dateline or --date); \
             their events have no date",
        );
    }
    summary.report(verbosity);
    if summary.exit_code() != 0 {
        anyhow::bail!("nothing could be read");
    }
    Ok(())
}

const TSV_HEADER: &[&str] = &[
    "id",
    "doc_id",
    "date",
    "source",
    "target",
    "cameo",
    "plover",
    "quad_class",
    "goldstein",
    "trigger",
    "source_text",
    "target_text",
    "rule",
    "sentence",
];

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

pub fn write_event(out: &mut impl Write, format: OutputFormat, e: &Event) -> std::io::Result<()> {
    match format {
        OutputFormat::Jsonl => {
            serde_json::to_writer(&mut *out, e)?;
            writeln!(out)
        }
        OutputFormat::Tsv => {
            let target = e.target.as_ref();
            writeln!(
                out,
                "{}",
                [
                    e.id.clone(),
                    e.doc_id.clone(),
                    e.date.clone().unwrap_or_default(),
                    e.source.code.clone(),
                    target.map(|t| t.code.clone()).unwrap_or_default(),
                    e.cameo.clone(),
                    e.plover.event.clone(),
                    e.quad_class.to_string(),
                    e.goldstein.to_string(),
                    clean(&e.trigger.text),
                    clean(&e.source.text),
                    target.map(|t| clean(&t.text)).unwrap_or_default(),
                    clean(&e.rule),
                    clean(&e.sentence.text),
                ]
                .join("\t")
            )
        }
        OutputFormat::Table => {
            let target = e.target.as_ref();
            writeln!(
                out,
                "{:<10}  {:<12} → {:<12}  {:<5} {:<11}  {}  [{} → {}]",
                e.date.as_deref().unwrap_or("-"),
                e.source.code,
                target.map_or("-", |t| t.code.as_str()),
                e.cameo,
                e.plover.event,
                clean(&e.trigger.text),
                clean(&e.source.text),
                target.map_or("-".to_string(), |t| clean(&t.text)),
            )
        }
    }
}
