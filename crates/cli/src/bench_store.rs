//! `dyad bench-store`: how fast the store stores event mentions, and how fast a timeline and
//! monthly dyad counts answer on a large store. Synthetic documents (deterministic) are made
//! outside the timed part. Figures go to docs/benchmarks.md, never into tests.

use anyhow::Result;
use dyad_store::synthetic::{country_code, Synthetic};
use dyad_store::{CodingVersions, Filter, Period, Store};
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Args {
    /// Event mentions the store must hold
    #[arg(long, default_value_t = 1_000_000)]
    events: u64,
    /// Keep the store here and reuse it when it already holds enough mentions [default: a
    /// temporary file, removed at the end]
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Query repetitions; the fastest is reported
    #[arg(long, default_value_t = 5)]
    runs: usize,
}

/// CPU time of this process (user + system), from /proc on Linux; `None` elsewhere.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // The kernel's USER_HZ is 100 on every mainstream Linux configuration.
    Some(Duration::from_millis(ticks * 10))
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> Result<T>) -> Result<(Duration, T)> {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let out = f()?;
        best = best.min(start.elapsed());
        last = Some(out);
    }
    Ok((best, last.expect("at least one run")))
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

pub fn run(args: Args) -> Result<()> {
    let temporary = args.db.is_none();
    let path = args.db.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("dyad-bench-store-{}.db", std::process::id()))
    });
    let mut store = Store::open(&path)?;
    let synthetic = Synthetic::default();
    let versions = CodingVersions {
        dyad: env!("CARGO_PKG_VERSION").into(),
        knowledge: "synthetic".into(),
        models: "synthetic".into(),
    };
    let have = store.counts()?;
    if have.mentions < args.events {
        let mut next = have.documents;
        let mut stored = 0u64;
        let mut ingest = Duration::ZERO;
        let mut ingest_cpu = Duration::ZERO;
        let mut cluster = Duration::ZERO;
        let mut cluster_cpu = Duration::ZERO;
        const CHUNK: u64 = 1000;
        while have.mentions + stored < args.events {
            let docs: Vec<_> = (next..next + CHUNK)
                .map(|i| synthetic.document(i))
                .collect();
            next += CHUNK;
            let (start, cpu) = (Instant::now(), cpu_time());
            for (doc, sentences, events) in &docs {
                store.ingest(doc, sentences, events, &versions)?;
                stored += events.len() as u64;
            }
            ingest += start.elapsed();
            if let (Some(a), Some(b)) = (cpu, cpu_time()) {
                ingest_cpu += b - a;
            }
            let (start, cpu) = (Instant::now(), cpu_time());
            store.update_clusters()?;
            cluster += start.elapsed();
            if let (Some(a), Some(b)) = (cpu, cpu_time()) {
                cluster_cpu += b - a;
            }
        }
        let rate = |n: u64, d: Duration| n as f64 / d.as_secs_f64().max(1e-9);
        println!(
            "store: {stored} mentions in {:.1} s wall ({:.0} mentions/s), {:.1} s CPU ({:.0} mentions/s of CPU)",
            ingest.as_secs_f64(),
            rate(stored, ingest),
            ingest_cpu.as_secs_f64(),
            rate(stored, ingest_cpu)
        );
        println!(
            "clustering after each {CHUNK} documents: {:.1} s wall, {:.1} s CPU; with storing: {:.0} mentions/s wall",
            cluster.as_secs_f64(),
            cluster_cpu.as_secs_f64(),
            rate(stored, ingest + cluster)
        );
    }
    let counts = store.counts()?;
    println!(
        "store holds {} documents, {} mentions, {} clusters ({:.0} MB)",
        counts.documents,
        counts.mentions,
        counts.clusters,
        std::fs::metadata(&path).map_or(0, |m| m.len()) as f64 / 1e6
    );
    // The busiest dyad (the synthetic countries are skewed towards the first codes) and an
    // ordinary one.
    for (a, b) in [(0, 1), (10, 25)] {
        let (a, b) = (country_code(a), country_code(b));
        let (t, rows) = best_of(args.runs, || store.timeline(&a, &b, None))?;
        println!("timeline {a} {b}: {} lines in {}", rows.len(), ms(t));
        let (t, rows) = best_of(args.runs, || store.timeline(&a, &b, Some("04")))?;
        println!(
            "timeline {a} {b} --code 04: {} lines in {}",
            rows.len(),
            ms(t)
        );
    }
    let (t, counts) = best_of(args.runs.min(3), || {
        store.dyad_counts(Period::Month, &Filter::default(), false)
    })?;
    println!("dyads --by month: {} rows in {}", counts.rows.len(), ms(t));
    drop(store);
    if temporary {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = path.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
    }
    Ok(())
}
