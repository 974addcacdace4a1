//! `dyad bench`: throughput of the language core on one core, and peak memory.
//!
//! A benchmark rather than a timed test: timings depend on the machine, so they are measured
//! and written down (docs/benchmarks.md), never asserted.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use dyad_nlp::Pipeline;
use dyad_text::{Document, Tokenizer};

#[derive(clap::Args)]
pub struct Args {
    /// A UD treebank whose raw text is parsed (CoNLL-U).
    #[arg(
        long,
        default_value = "../shared/data/ud-english-ewt/en_ewt-ud-test.conllu"
    )]
    treebank: PathBuf,
    /// News stories, one JSON object a line with a `text` field.
    #[arg(long, default_value = "../shared/data/news/te3-silver.jsonl")]
    news: PathBuf,
    /// Runs over each input; the fastest is reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    #[command(flatten)]
    model: crate::input::ModelArgs,
}

struct Timing {
    tokens: usize,
    words: usize,
    tokenize: Duration,
    tag: Duration,
    parse: Duration,
}

impl Timing {
    fn total(&self) -> Duration {
        self.tokenize + self.tag + self.parse
    }
}

fn run_once(pipeline: &Pipeline, tokenizer: &Tokenizer, texts: &[String]) -> Timing {
    let mut t = Timing {
        tokens: 0,
        words: 0,
        tokenize: Duration::ZERO,
        tag: Duration::ZERO,
        parse: Duration::ZERO,
    };
    for text in texts {
        let start = Instant::now();
        let mut doc: Document = tokenizer.tokenize(text);
        t.tokenize += start.elapsed();
        // The same steps as `Pipeline::annotate`, timed apart: clusters count as tagging.
        let start = Instant::now();
        let clusters: Vec<_> = doc
            .sentences
            .iter_mut()
            .map(|s| {
                let c = pipeline.clusters_of(s);
                pipeline.tag(s, &c);
                c
            })
            .collect();
        t.tag += start.elapsed();
        let start = Instant::now();
        for (s, c) in doc.sentences.iter_mut().zip(&clusters) {
            pipeline.parse_sentence(s, c);
        }
        t.parse += start.elapsed();
        t.tokens += doc.sentences.iter().map(|s| s.tokens.len()).sum::<usize>();
        t.words += doc.word_count();
        std::hint::black_box(&doc);
    }
    t
}

fn report(name: &str, texts: &[String], pipeline: &Pipeline, runs: usize) {
    let tokenizer = Tokenizer::new();
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let best = (0..runs.max(1))
        .map(|_| run_once(pipeline, &tokenizer, texts))
        .min_by_key(Timing::total)
        .expect("at least one run");
    let secs = best.total().as_secs_f64();
    println!(
        "{name}: {} texts, {chars} chars, {} tokens, {} words",
        texts.len(),
        best.tokens,
        best.words
    );
    println!(
        "  whole stack: {:.3} s, {:.0} tokens/s, {:.0} words/s (best of {runs})",
        secs,
        best.tokens as f64 / secs,
        best.words as f64 / secs
    );
    for (stage, d) in [
        ("tokenize+split", best.tokenize),
        ("tag+lemmatize", best.tag),
        ("parse", best.parse),
    ] {
        println!(
            "  {stage:<15} {:.3} s ({:.0} tokens/s)",
            d.as_secs_f64(),
            best.tokens as f64 / d.as_secs_f64()
        );
    }
}

/// Peak resident set size of this process, from /proc (Linux only).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let start = Instant::now();
    let pipeline = args.model.load()?;
    println!("models loaded in {:.3} s", start.elapsed().as_secs_f64());
    for (name, (features, weights)) in [
        ("tagger", pipeline.tagger().size()),
        ("parser", pipeline.parser().size()),
    ] {
        println!("  {name}: {features} features, {weights} weights");
    }
    println!(
        "  parser decoding: beam {}, margin {}",
        pipeline.parser().beam(),
        pipeline.parser().margin()
    );
    let gold = dyad_nlp::train::read_treebank(&args.treebank)?;
    report(
        &args.treebank.display().to_string(),
        std::slice::from_ref(&gold.text),
        &pipeline,
        args.runs,
    );
    let news = dyad_nlp::train::read_jsonl_texts(&args.news, |w| eprintln!("warning: {w}"))?;
    report(
        &args.news.display().to_string(),
        &news,
        &pipeline,
        args.runs,
    );
    match peak_rss_kib() {
        Some(kib) => println!("peak RSS: {:.1} MB", kib as f64 / 1024.0),
        None => println!("peak RSS: not available on this system"),
    }
    Ok(())
}
