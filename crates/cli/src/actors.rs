//! `dyad actors`: resolve the actors of a text, validate the knowledge base, and measure
//! the resolver's speed.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context};
use chrono::NaiveDate;
use dyad_actors::{resolve_document, KnowledgeBase, LoadOptions, Precedence};
use serde_json::json;

use crate::input::ModelArgs;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

/// Where the knowledge base comes from: shared by the subcommands.
#[derive(clap::Args, Debug)]
struct KbArgs {
    /// A directory of knowledge-base files that extend and override the bundled ones
    /// (repeatable; default: the directories in $DYAD_KB).
    #[arg(long = "kb", value_name = "DIR")]
    kb: Vec<PathBuf>,
    /// A PETRARCH/TABARI dictionary to import (`*.actors.txt`, `*.agents.txt`; repeatable).
    #[arg(long = "dict", value_name = "FILE")]
    dict: Vec<PathBuf>,
    /// The imported dictionaries override the knowledge base where both know a phrase
    /// (default: they only add what it does not know).
    #[arg(long)]
    dict_overrides: bool,
}

impl KbArgs {
    fn load(&self) -> anyhow::Result<KnowledgeBase> {
        let dirs = if self.kb.is_empty() {
            dyad_actors::env_dirs()
        } else {
            self.kb.clone()
        };
        KnowledgeBase::load(&LoadOptions {
            without_bundled: false,
            dirs,
            dictionaries: self.dict.clone(),
            precedence: if self.dict_overrides {
                Precedence::Override
            } else {
                Precedence::Add
            },
        })
    }
}

#[derive(clap::Subcommand)]
enum Command {
    /// Print the actors named in TEXT as JSON, on --date.
    Resolve {
        /// The text ("-" reads standard input).
        text: String,
        /// The document's date, YYYY-MM-DD (default: today's holders of offices).
        #[arg(long)]
        date: Option<String>,
        /// Tokenize only, without tagging and parsing (faster, less accurate).
        #[arg(long)]
        no_parse: bool,
        #[command(flatten)]
        kb: KbArgs,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Validate the knowledge base: unknown codes, overlapping offices, ambiguous names.
    Check {
        #[command(flatten)]
        kb: KbArgs,
    },
    /// Measure knowledge-base loading and mention look-ups per second.
    Bench {
        /// Look-up passes over the mention list.
        #[arg(long, default_value_t = 20)]
        passes: usize,
        /// Loads of the knowledge base to time.
        #[arg(long, default_value_t = 10)]
        loads: usize,
        /// Also time the resolution of this text file, tokenized only (no models).
        #[arg(long)]
        text: Option<PathBuf>,
        #[command(flatten)]
        kb: KbArgs,
    },
}

pub fn run(args: Args) -> anyhow::Result<()> {
    match args.command {
        Command::Resolve {
            text,
            date,
            no_parse,
            kb,
            model,
        } => resolve(&text, date.as_deref(), no_parse, &kb, &model),
        Command::Check { kb } => check(&kb),
        Command::Bench {
            passes,
            loads,
            text,
            kb,
        } => bench(passes, loads, text.as_deref(), &kb),
    }
}

fn parse_date(s: &str) -> anyhow::Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .with_context(|| format!("--date {s:?} is not a date YYYY-MM-DD"))
}

fn resolve(
    text: &str,
    date: Option<&str>,
    no_parse: bool,
    kb_args: &KbArgs,
    model: &ModelArgs,
) -> anyhow::Result<()> {
    let date = date.map(parse_date).transpose()?;
    let text = if text == "-" {
        crate::input::read_text(None)?.0
    } else {
        text.to_string()
    };
    let kb = kb_args.load()?;
    for w in &kb.warnings {
        eprintln!("warning: {w}");
    }
    let doc = if no_parse {
        dyad_text::Tokenizer::new().tokenize(&text)
    } else {
        model.load()?.parse(&text)
    };
    let mentions = resolve_document(&kb, &doc, date);
    // Character offsets by a cursor that only moves forward: mentions come in text order.
    let (mut byte_at, mut char_at) = (0usize, 0usize);
    let mut char_offset = |byte: usize| {
        if byte < byte_at {
            (byte_at, char_at) = (0, 0);
        }
        char_at += doc.text[byte_at..byte].chars().count();
        byte_at = byte;
        char_at
    };
    let mut out = Vec::new();
    for (si, (sentence, ms)) in doc.sentences.iter().zip(&mentions).enumerate() {
        for m in ms {
            let first = &sentence.words[m.words.start];
            let last = &sentence.words[m.words.end - 1];
            let start = char_offset(first.span.start);
            let end = char_offset(last.span.end);
            out.push(json!({
                "sentence": si,
                "text": &doc.text[first.span.start..last.span.end],
                "start": start,
                "end": end,
                "head": sentence.words[m.head].form,
                "via": m.via,
                "actors": m.actors,
            }));
        }
    }
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}

fn check(kb_args: &KbArgs) -> anyhow::Result<()> {
    let kb = kb_args.load()?;
    for w in &kb.warnings {
        println!("warning: {w}");
    }
    let problems = dyad_actors::check::check(&kb);
    for p in &problems {
        println!("{p}");
    }
    println!(
        "{} files, {} countries, {} organisations, {} roles, {} people, {} imported actors, {} imported agents, {} phrases: {} problems",
        kb.files.len(),
        kb.countries.len(),
        kb.orgs.len(),
        kb.roles.len(),
        kb.people.len(),
        kb.dict_actors.len(),
        kb.dict_agents.len(),
        kb.phrase_count(),
        problems.len()
    );
    if !problems.is_empty() {
        bail!("the knowledge base has {} problems", problems.len());
    }
    Ok(())
}

fn bench(
    passes: usize,
    loads: usize,
    text: Option<&std::path::Path>,
    kb_args: &KbArgs,
) -> anyhow::Result<()> {
    let mut times = Vec::new();
    let mut kb = None;
    for _ in 0..loads.max(1) {
        let t = Instant::now();
        let loaded = kb_args.load()?;
        times.push(t.elapsed().as_secs_f64() * 1e3);
        kb = Some(loaded);
    }
    let kb = kb.expect("loaded at least once");
    times.sort_by(f64::total_cmp);
    println!(
        "knowledge base load: min {:.1} ms, median {:.1} ms ({} loads, {} phrases)",
        times[0],
        times[times.len() / 2],
        times.len(),
        kb.phrase_count()
    );
    // Mentions: every name, demonym, seat and role phrase of the knowledge base, plus as
    // many phrases that are not in it, each cut into words as the tokenizer cuts text.
    let tokenizer = dyad_text::Tokenizer::new();
    let mut phrases: Vec<String> = Vec::new();
    for c in &kb.countries {
        phrases.extend(c.names.iter().cloned());
        phrases.extend(c.demonyms.iter().map(|d| format!("{d} troops")));
    }
    for s in &kb.seats {
        phrases.push(format!("the {}", s.name));
    }
    for p in &kb.people {
        phrases.push(format!("Defense Minister {}", p.name));
    }
    for r in &kb.roles {
        phrases.extend(r.words.iter().cloned());
    }
    let known = phrases.len();
    for i in 0..known {
        phrases.push(format!("unknown words number {i}"));
    }
    let mentions: Vec<Vec<String>> = phrases
        .iter()
        .map(|p| {
            tokenizer
                .tokenize(p)
                .sentences
                .iter()
                .flat_map(|s| s.words.iter().map(|w| w.form.clone()))
                .collect()
        })
        .collect();
    let mut found = 0usize;
    let t = Instant::now();
    for _ in 0..passes.max(1) {
        for m in &mentions {
            let words: Vec<&str> = m.iter().map(String::as_str).collect();
            if kb.lookup(&words).is_some() {
                found += 1;
            }
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let n = mentions.len() * passes.max(1);
    println!(
        "look-ups: {n} mentions in {:.3} s: {:.0} mention look-ups/s on one core ({} matched)",
        secs,
        n as f64 / secs,
        found
    );
    if let Some(path) = text {
        let (text, _) = crate::input::read_text(Some(path))?;
        let t = Instant::now();
        let doc = tokenizer.tokenize(&text);
        let tokenize = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let mentions = resolve_document(&kb, &doc, None);
        let resolve = t.elapsed().as_secs_f64();
        let words = doc.word_count();
        println!(
            "text: {words} words, {} sentences, {} mentions; tokenize {:.2} s, resolve {:.2} s ({:.0} words/s)",
            doc.sentences.len(),
            mentions.iter().map(Vec::len).sum::<usize>(),
            tokenize,
            resolve,
            words as f64 / resolve
        );
    }
    Ok(())
}
