//! `dyad`: the command line. Each subcommand lives in its own module; this file only parses
//! arguments and dispatches.

use clap::{Parser, Subcommand};

mod actors;
mod bench;
mod bench_time;
mod code;
mod coding;
mod documents;
mod eval_events;
mod eval_time;
mod eval_ud;
mod explain;
mod input;
mod parse;
mod time;
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
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Code(args) => code::run(args),
        Command::Explain(args) => explain::run(args),
        Command::EvalEvents(args) => eval_events::run(args),
        Command::Parse(args) => parse::run(args),
        Command::Bench(args) => bench::run(args),
        Command::EvalUd(args) => eval_ud::run(args),
        Command::Train(args) => train::run(args),
        Command::Time(args) => time::run(args),
        Command::EvalTime(args) => eval_time::run(args),
        Command::BenchTime(args) => bench_time::run(args),
        Command::Actors(args) => actors::run(args),
    }
}
