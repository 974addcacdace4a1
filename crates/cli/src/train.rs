//! `dyad train`: trains the tagger, lemmatizer and parser from UD treebanks.

use std::path::PathBuf;

use dyad_nlp::train::{train_all, TrainConfig};

#[derive(clap::Args)]
pub struct Args {
    /// Training treebank (CoNLL-U).
    #[arg(
        long,
        default_value = "../shared/data/ud-english-ewt/en_ewt-ud-train.conllu"
    )]
    train: PathBuf,
    /// Development treebank, for model selection (CoNLL-U).
    #[arg(
        long,
        default_value = "../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
    )]
    dev: PathBuf,
    /// Raw news (JSONL with a `text` field) for learning word clusters; "none" to skip.
    #[arg(long, default_value = "../shared/data/news/te3-silver.jsonl")]
    cluster_text: PathBuf,
    /// Folder to write the models to.
    #[arg(long, default_value = "models")]
    out: PathBuf,
    /// Seed of every random choice; the same seed and data give the same models.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, default_value_t = 10)]
    tagger_epochs: usize,
    #[arg(long, default_value_t = 12)]
    parser_epochs: usize,
    /// Beam width of the parser; 1 trains a greedy parser.
    #[arg(long, default_value_t = 8)]
    beam: usize,
    /// Parts the training data is cut into to tag it for the parser (jackknifing).
    #[arg(long, default_value_t = 4)]
    folds: usize,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let config = TrainConfig {
        train: args.train,
        dev: args.dev,
        cluster_text: (args.cluster_text.as_os_str() != "none").then_some(args.cluster_text),
        out: args.out,
        seed: args.seed,
        tagger_epochs: args.tagger_epochs,
        parser_epochs: args.parser_epochs,
        beam: args.beam,
        folds: args.folds,
    };
    let start = std::time::Instant::now();
    train_all(&config, |line| {
        eprintln!("[{:>6.1}s] {line}", start.elapsed().as_secs_f64());
    })
}
