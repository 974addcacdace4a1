//! `dyad bench-time`: throughput of temporal tagging (recognition and normalisation) on
//! one core, over news stories. Measured, never asserted (docs/benchmarks.md).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::NaiveDate;

#[derive(clap::Args)]
pub struct Args {
    /// News stories, one JSON object a line with `text` and `date` fields.
    #[arg(long, default_value = "../shared/data/news/te3-silver.jsonl")]
    news: PathBuf,
    /// Runs over the input; the fastest is reported.
    #[arg(long, default_value_t = 5)]
    runs: usize,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let content = std::fs::read_to_string(&args.news)
        .with_context(|| format!("cannot read {}", args.news.display()))?;
    let mut docs: Vec<(String, Option<NaiveDate>)> = Vec::new();
    for (n, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", args.news.display(), n + 1))?;
        let text = v["text"]
            .as_str()
            .with_context(|| format!("{}:{}: no \"text\" string", args.news.display(), n + 1))?;
        let date = v["date"].as_str().and_then(dyad_time::parse_date_field);
        docs.push((text.to_string(), date));
    }
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let mut best = Duration::MAX;
    let mut found = 0;
    for _ in 0..args.runs.max(1) {
        let start = Instant::now();
        found = 0;
        for (text, date) in &docs {
            found += std::hint::black_box(dyad_time::tag(text, *date)).len();
        }
        best = best.min(start.elapsed());
    }
    let secs = best.as_secs_f64();
    println!(
        "{} stories, {:.2} MB, {found} expressions: best of {} runs {:.3} s = {:.1} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        args.runs.max(1),
        secs,
        bytes as f64 / 1e6 / secs
    );
    Ok(())
}
