//! `dyad events`: the stored events under a filter, one line per event (cluster), or per
//! mention with `--mentions`. Also the options every store command shares (`--db`, filters).

use anyhow::{bail, Context, Result};
use dyad_store::export::{write_events, Format};
use dyad_store::{default_db_path, Filter, Store};
use std::path::PathBuf;

/// `--db PATH`: the store (else `$DYAD_DB`, else `./dyad.db`).
#[derive(clap::Args, Clone, Debug)]
pub struct DbArgs {
    /// The event store [default: $DYAD_DB, else ./dyad.db]
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

impl DbArgs {
    pub fn path(&self) -> PathBuf {
        default_db_path(self.db.as_deref())
    }

    /// Opens an existing store for reading, with its clusters brought up to date. A missing
    /// file is an error rather than a new empty store, so a mistyped path is noticed.
    pub fn open_for_query(&self) -> Result<Store> {
        let path = self.path();
        if !path.exists() {
            bail!(
                "no event store at {} (run `dyad code` first, or name one with --db PATH or DYAD_DB)",
                path.display()
            );
        }
        let mut store = Store::open(&path)?;
        if store.clusters_pending()? {
            store
                .update_clusters()
                .with_context(|| format!("cannot update the clusters of {}", path.display()))?;
        }
        Ok(store)
    }
}

/// The filters of `dyad events`, `dyad dyads` and `dyad export`.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct FilterArgs {
    /// Source actor code prefix (USA matches USAGOVMIL)
    #[arg(long, value_name = "CODE")]
    pub source: Option<String>,
    /// Target actor code prefix
    #[arg(long, value_name = "CODE")]
    pub target: Option<String>,
    /// Either actor's code prefix
    #[arg(long, value_name = "CODE")]
    pub actor: Option<String>,
    /// Directed dyad: source A, target B (code prefixes)
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    pub dyad: Option<Vec<String>>,
    /// CAMEO event code prefix (04, 041)
    #[arg(long, value_name = "PREFIX")]
    pub code: Option<String>,
    /// Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Events on or before this date
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

impl FilterArgs {
    pub fn filter(&self) -> Result<Filter> {
        let filter = Filter {
            source: self.source.clone(),
            target: self.target.clone(),
            actor: self.actor.clone(),
            dyad: self.dyad.as_ref().map(|d| (d[0].clone(), d[1].clone())),
            code: self.code.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
        };
        filter.validate()?;
        Ok(filter)
    }
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// table, jsonl, csv or tsv
    #[arg(long, default_value = "table")]
    format: String,
    /// One line per mention instead of one per event (cluster)
    #[arg(long)]
    mentions: bool,
}

/// Whether an error is only a closed output pipe (`dyad events | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<csv::Error>().is_some_and(|c| {
                matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
            })
    })
}

pub fn run(args: Args) -> Result<()> {
    let format: Format = args.format.parse()?;
    if !matches!(
        format,
        Format::Table | Format::Jsonl | Format::Csv | Format::Tsv
    ) {
        bail!(
            "dyad events writes table, jsonl, csv or tsv; use `dyad export --format {}`",
            args.format
        );
    }
    let filter = args.filter.filter()?;
    let store = args.db.open_for_query()?;
    match write_events(
        &store,
        &filter,
        args.mentions,
        format,
        Box::new(std::io::stdout()),
    ) {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        other => other.map(|_| ()),
    }
}
