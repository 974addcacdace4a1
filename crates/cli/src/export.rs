//! `dyad export --format FORMAT`: the stored events in a standard format, to stdout or a file.

use crate::events::{is_broken_pipe, DbArgs, FilterArgs};
use anyhow::{bail, Context, Result};
use dyad_store::export::{write_events, Format};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// plover-jsonl, gdelt-tsv, icews-tsv, csv, tsv, jsonl or parquet
    #[arg(long)]
    format: String,
    #[command(flatten)]
    filter: FilterArgs,
    /// One row per mention instead of one per event (cluster); not for gdelt-tsv
    #[arg(long)]
    mentions: bool,
    /// Write here instead of stdout
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: Args) -> Result<()> {
    let format: Format = args.format.parse()?;
    if format == Format::Table {
        bail!("`table` is for reading on a terminal: use `dyad events`");
    }
    if format == Format::Parquet && args.out.is_none() && std::io::stdout().is_terminal() {
        bail!("Parquet is binary: redirect stdout to a file or give --out FILE");
    }
    let filter = args.filter.filter()?;
    let store = args.db.open_for_query()?;
    let out: Box<dyn Write + Send> = match &args.out {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout()),
    };
    match write_events(&store, &filter, args.mentions, format, out) {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        Err(e) => Err(e),
        Ok(n) => {
            if let Some(path) = &args.out {
                eprintln!("{n} rows written to {}", path.display());
            }
            Ok(())
        }
    }
}
