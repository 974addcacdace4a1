//! `dyad cluster`: recomputes every event cluster from the stored mentions (after the
//! reciprocal-code table or the clustering rule changed). No mention is deleted.

use crate::events::DbArgs;
use anyhow::Result;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: Args) -> Result<()> {
    let mut store = args.db.open_for_query()?;
    let clusters = store.recluster_all()?;
    let counts = store.counts()?;
    eprintln!(
        "{clusters} clusters from {} mentions in {} documents",
        counts.mentions, counts.documents
    );
    Ok(())
}
