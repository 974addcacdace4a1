//! `dyad recode`: codes the stored documents again, after the dictionaries, the knowledge
//! base or the models changed. Each document's old mentions are kept (retired, out of
//! clusters and queries) and its new ones stored in the same transaction; clusters are then
//! recomputed.

use anyhow::Context;
use dyad_store::run::{Progress, RunSummary, Verbosity};
use dyad_store::Store;

use crate::code::CodingArgs;

#[derive(clap::Args)]
pub struct Args {
    /// The database (default: $DYAD_DB, else ./dyad.db).
    #[arg(long)]
    pub db: Option<std::path::PathBuf>,
    /// Re-code every document, even those coded with the current versions.
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub coding: CodingArgs,
    #[arg(short, long)]
    pub quiet: bool,
    #[arg(short, long)]
    pub verbose: bool,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let verbosity = Verbosity::from_flags(args.quiet, args.verbose);
    let path = dyad_store::default_db_path(args.db.as_deref());
    if !path.exists() {
        anyhow::bail!("no database at {}", path.display());
    }
    let mut store =
        Store::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
    let engine = args.coding.engine()?;
    let versions = engine.versions();
    let mut summary = RunSummary::default();
    let mut progress = Progress::new(None, verbosity);
    let mut after = 0;
    loop {
        let batch = store.documents_after(after, 64)?;
        if batch.is_empty() {
            break;
        }
        for stored in batch {
            after = stored.document;
            summary.documents += 1;
            if stored.coding == versions && !args.all {
                summary.already_stored += 1;
                progress.advance(1, 0);
                continue;
            }
            let coded = engine.code(&stored.source, args.coding.date);
            summary.sentences += coded.doc.sentences.len() as u64;
            summary.events += coded.events.len() as u64;
            store.replace_events(
                stored.document,
                &coded.sentence_spans(),
                &coded.events,
                &versions,
            )?;
            progress.advance(1, coded.events.len() as u64);
        }
    }
    progress.finish();
    summary.clusters = store.recluster_all()? as u64;
    summary.report(verbosity);
    Ok(())
}
