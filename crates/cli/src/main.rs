//! `dyad`: the command line. Each subcommand lives in its own module; this file only parses
//! arguments and dispatches.

use clap::{Parser, Subcommand};

// Parsing allocates a few small strings per word (form, tag, lemma, features); mimalloc
// serves them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod actors;
mod bench;
mod bench_code;
mod bench_store;
mod bench_time;
mod cluster;
mod code;
mod coding;
mod documents;
mod dyads;
mod eval_events;
mod eval_time;
mod eval_ud;
mod events;
mod explain;
mod export;
mod input;
mod parse;
mod recode;
mod time;
mod timeline;
mod train;

#[derive(Parser)]
#[command(name = "dyad", version, about = "Political event data from news text")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code events from documents (.txt, .jsonl, .html) and store them.
    Code(code::Args),
    /// Code the stored documents again after the dictionaries or models changed.
    Recode(recode::Args),
    /// Measure the speed of the coder alone and of the whole coding pipeline.
    BenchCode(bench_code::Args),
    /// Show why a sentence was or was not coded: parse, actors, dates, patterns, events.
    Explain(explain::Args),
    /// Score the coder against hand-coded events (PLOVER type, source and target country).
    EvalEvents(eval_events::Args),
    /// Tokenize, tag, lemmatize and parse raw text; write CoNLL-U.
    Parse(parse::Args),
    /// Score a CoNLL-U file against gold with the CoNLL 2018 UD metrics.
    EvalUd(eval_ud::Args),
    /// Train the tagger, lemmatizer and parser from UD treebanks.
    Train(train::Args),
    /// Measure the speed and peak memory of the language core.
    Bench(bench::Args),
    /// Find temporal expressions and normalise them against the document date.
    Time(time::Args),
    /// Score `dyad time` on TempEval-3 TimeML (TimeBank, AQUAINT).
    EvalTime(eval_time::Args),
    /// Measure the speed of temporal tagging on news.
    BenchTime(bench_time::Args),
    /// Resolve actors in a text, validate or benchmark the actor knowledge base.
    Actors(actors::Args),
    /// List stored events (deduplicated), filtered.
    Events(events::Args),
    /// The dated events between two actors, both directions, one line per event.
    Timeline(timeline::Args),
    /// Counts by quad class and Goldstein sums per directed dyad and period.
    Dyads(dyads::Args),
    /// Export stored events: plover-jsonl, gdelt-tsv, icews-tsv, csv or parquet.
    Export(export::Args),
    /// Recompute every event cluster from the stored mentions.
    Cluster(cluster::Args),
    /// Measure the event store's storing and query speed on synthetic events.
    BenchStore(bench_store::Args),
}

fn main() -> anyhow::Result<()> {
    stop_quietly_on_closed_output();
    let cli = Cli::parse();
    match cli.command {
        Command::Code(args) => code::run(args),
        Command::Explain(args) => explain::run(args),
        Command::BenchCode(args) => bench_code::run(args),
        Command::Recode(args) => recode::run(args),
        Command::EvalEvents(args) => eval_events::run(args),
        Command::Parse(args) => parse::run(args),
        Command::Bench(args) => bench::run(args),
        Command::EvalUd(args) => eval_ud::run(args),
        Command::Train(args) => train::run(args),
        Command::Time(args) => time::run(args),
        Command::EvalTime(args) => eval_time::run(args),
        Command::BenchTime(args) => bench_time::run(args),
        Command::Actors(args) => actors::run(args),
        Command::Events(args) => events::run(args),
        Command::Timeline(args) => timeline::run(args),
        Command::Dyads(args) => dyads::run(args),
        Command::Export(args) => export::run(args),
        Command::Cluster(args) => cluster::run(args),
        Command::BenchStore(args) => bench_store::run(args),
    }
}

/// `dyad time news.txt | head` closes dyad's output early. Rust ignores SIGPIPE, so every
/// later `println!` would panic; like other Unix filters, dyad should stop quietly instead.
#[cfg(unix)]
fn stop_quietly_on_closed_output() {
    // SAFETY: called first thing in `main`, before any thread exists; `SIG_DFL` is the
    // default action, a valid handler for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn stop_quietly_on_closed_output() {}
