//! Fills a store with synthetic documents: `dyad-store-fill DB COUNT`. Used by the crash-safety
//! test, which kills it mid-run and runs it again; it prints `stored N` after each document so
//! the test knows how far it got.

use anyhow::{Context, Result};
use dyad_store::synthetic::Synthetic;
use dyad_store::{CodingVersions, Ingested, Store};
use std::io::Write;
use std::path::PathBuf;

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(args.next().context("usage: dyad-store-fill DB COUNT")?);
    let count: u64 = args
        .next()
        .context("usage: dyad-store-fill DB COUNT")?
        .parse()
        .context("COUNT is not a number")?;
    let mut store = Store::open(&db)?;
    let synthetic = Synthetic::default();
    let versions = CodingVersions {
        dyad: env!("CARGO_PKG_VERSION").into(),
        knowledge: "synthetic".into(),
        models: "synthetic".into(),
    };
    let mut out = std::io::stdout().lock();
    for i in 0..count {
        let (doc, sentences, events) = synthetic.document(i);
        if let Ingested::Stored { .. } = store.ingest(&doc, &sentences, &events, &versions)? {
            writeln!(out, "stored {i}")?;
            out.flush()?;
        }
        if i % 100 == 99 {
            store.update_clusters()?;
        }
    }
    store.update_clusters()?;
    writeln!(out, "done")?;
    Ok(())
}
