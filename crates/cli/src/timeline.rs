//! `dyad timeline A B`: the dated events between two actors, both directions, one line per
//! event (cluster): date, direction, code, mentions, and the best sentence.

use crate::events::{is_broken_pipe, DbArgs};
use anyhow::{bail, Result};
use std::io::Write;

#[derive(clap::Args)]
pub struct Args {
    /// First actor: a country (USA) or a full code (USAGOVMIL); matches codes starting with it
    a: String,
    /// Second actor
    b: String,
    /// CAMEO event code prefix (04 for consultations)
    #[arg(long, value_name = "PREFIX")]
    code: Option<String>,
    /// table, tsv or jsonl
    #[arg(long, default_value = "table")]
    format: String,
    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: Args) -> Result<()> {
    if !matches!(args.format.as_str(), "table" | "tsv" | "jsonl") {
        bail!(
            "unknown timeline format {:?}: expected table, tsv or jsonl",
            args.format
        );
    }
    let store = args.db.open_for_query()?;
    let rows = store.timeline(&args.a, &args.b, args.code.as_deref())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = (|| -> Result<()> {
        if args.format == "tsv" {
            writeln!(
                out,
                "date\tsource\ttarget\tcode\tmentions\tarticles\tsources\tsentence"
            )?;
        }
        for r in &rows {
            let sentence = r.sentence.split_whitespace().collect::<Vec<_>>().join(" ");
            match args.format.as_str() {
                "tsv" => writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    r.date,
                    r.source_code,
                    r.target_code,
                    r.cameo,
                    r.num_mentions,
                    r.num_articles,
                    r.num_sources,
                    sentence
                )?,
                "jsonl" => writeln!(
                    out,
                    "{}",
                    serde_json::json!({
                        "cluster_id": r.cluster_id,
                        "date": r.date,
                        "source": r.source_code,
                        "target": r.target_code,
                        "forward": r.forward,
                        "cameo": r.cameo,
                        "quad_class": r.quad_class,
                        "goldstein": r.goldstein,
                        "num_mentions": r.num_mentions,
                        "num_articles": r.num_articles,
                        "num_sources": r.num_sources,
                        "sentence": r.sentence,
                    })
                )?,
                _ => {
                    let direction = format!("{} → {}", r.source_code, r.target_code);
                    writeln!(
                        out,
                        "{:<10}  {:<24}  {:<4}  {:>3} mention{}  {}",
                        r.date,
                        direction,
                        r.cameo,
                        r.num_mentions,
                        if r.num_mentions == 1 { " " } else { "s" },
                        sentence
                    )?
                }
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
