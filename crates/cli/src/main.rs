//! `dyad`: the command line. Each subcommand lives in its own module; this file only parses
//! arguments and dispatches.

use clap::{Parser, Subcommand};

mod eval_ud;

#[derive(Parser)]
#[command(name = "dyad", version, about = "Political event data from news text")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Score a CoNLL-U file against gold with the CoNLL 2018 UD metrics.
    EvalUd(eval_ud::Args),
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::EvalUd(args) => eval_ud::run(args),
    }
}
