//! `dyad dyads --by PERIOD`: for each directed dyad and period, the events by quad class, the
//! sum of their Goldstein values and the mentions behind them.

use crate::events::{is_broken_pipe, DbArgs, FilterArgs};
use anyhow::{bail, Result};
use dyad_store::Period;
use std::io::Write;

#[derive(clap::Args)]
pub struct Args {
    /// day, week (ISO 8601), month or year
    #[arg(long, value_name = "PERIOD")]
    by: String,
    #[command(flatten)]
    filter: FilterArgs,
    /// Dyads of full actor codes (USAGOVMIL) instead of countries
    #[arg(long)]
    full_codes: bool,
    /// table, tsv, csv or jsonl
    #[arg(long, default_value = "table")]
    format: String,
    #[command(flatten)]
    db: DbArgs,
}

const HEADER: [&str; 10] = [
    "period",
    "source",
    "target",
    "events",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "goldstein",
    "mentions",
];

pub fn run(args: Args) -> Result<()> {
    let period: Period = args.by.parse()?;
    let sep = match args.format.as_str() {
        "table" => "  ",
        "tsv" => "\t",
        "csv" => ",",
        "jsonl" => "",
        other => bail!("unknown dyads format {other:?}: expected table, tsv, csv or jsonl"),
    };
    let filter = args.filter.filter()?;
    let store = args.db.open_for_query()?;
    let counts = store.dyad_counts(period, &filter, args.full_codes)?;
    if counts.less_precise > 0 {
        eprintln!(
            "{} events dated less precisely than a {} are left out",
            counts.less_precise, args.by
        );
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = (|| -> Result<()> {
        let width = |i: usize| HEADER[i].len().max(if i < 3 { 12 } else { 6 });
        if args.format == "table" {
            let cells: Vec<String> = HEADER
                .iter()
                .enumerate()
                .map(|(i, h)| format!("{:>w$}", h, w = width(i)))
                .collect();
            writeln!(out, "{}", cells.join(sep))?;
        } else if args.format != "jsonl" {
            writeln!(out, "{}", HEADER.join(sep))?;
        }
        for r in &counts.rows {
            let target = if r.target.is_empty() { "-" } else { &r.target };
            let [q1, q2, q3, q4] = r.quad;
            let g = r.goldstein_sum;
            match args.format.as_str() {
                "jsonl" => writeln!(
                    out,
                    "{}",
                    serde_json::json!({
                        "period": r.period, "source": r.source, "target": target,
                        "events": r.events, "verbal_coop": q1, "material_coop": q2,
                        "verbal_conflict": q3, "material_conflict": q4,
                        "goldstein": g, "mentions": r.mentions,
                    })
                )?,
                "table" => writeln!(
                    out,
                    "{:>w0$}  {:>w1$}  {:>w2$}  {:>w3$}  {q1:>w4$}  {q2:>w5$}  {q3:>w6$}  {q4:>w7$}  {g:>w8$.1}  {:>w9$}",
                    r.period,
                    r.source,
                    target,
                    r.events,
                    r.mentions,
                    w0 = width(0),
                    w1 = width(1),
                    w2 = width(2),
                    w3 = width(3),
                    w4 = width(4),
                    w5 = width(5),
                    w6 = width(6),
                    w7 = width(7),
                    w8 = width(8),
                    w9 = width(9),
                )?,
                _ => writeln!(
                    out,
                    "{}{sep}{}{sep}{}{sep}{}{sep}{q1}{sep}{q2}{sep}{q3}{sep}{q4}{sep}{g:.1}{sep}{}",
                    r.period, r.source, target, r.events, r.mentions
                )?,
            }
        }
        out.flush()?;
        Ok(())
    })();
    match written {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        other => other,
    }
}
