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
            let values = [
                r.period.clone(),
                r.source.clone(),
                target.to_string(),
                r.events.to_string(),
                r.quad[0].to_string(),
                r.quad[1].to_string(),
                r.quad[2].to_string(),
                r.quad[3].to_string(),
                format!("{:.1}", r.goldstein_sum),
                r.mentions.to_string(),
            ];
            match args.format.as_str() {
                "jsonl" => {
                    let obj: serde_json::Map<String, serde_json::Value> = HEADER
                        .iter()
                        .zip(values.iter())
                        .enumerate()
                        .map(|(i, (h, v))| {
                            let value = match i {
                                0..=2 => serde_json::Value::from(v.as_str()),
                                8 => serde_json::Value::from(r.goldstein_sum),
                                _ => serde_json::Value::from(v.parse::<u64>().unwrap_or(0)),
                            };
                            (h.to_string(), value)
                        })
                        .collect();
                    writeln!(out, "{}", serde_json::Value::Object(obj))?
                }
                "table" => {
                    let cells: Vec<String> = values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| format!("{:>w$}", v, w = width(i)))
                        .collect();
                    writeln!(out, "{}", cells.join(sep))?
                }
                _ => writeln!(out, "{}", values.join(sep))?,
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
