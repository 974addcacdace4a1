//! Training is deterministic for a seed: two runs on the same data write the same bytes.

use std::path::{Path, PathBuf};

use dyad_nlp::train::{train_all, TrainConfig};

/// The first `n` sentences of a CoNLL-U text, after skipping `skip`.
fn sentences(text: &str, skip: usize, n: usize) -> String {
    text.split("\n\n")
        .filter(|s| !s.trim().is_empty())
        .skip(skip)
        .take(n)
        .map(|s| format!("{}\n\n", s.trim_start_matches('\n')))
        .collect()
}

fn run(dir: &Path, train: &Path, dev: &Path, seed: u64) -> Vec<Vec<u8>> {
    let out = dir.join(format!("models-{seed}-{}", std::process::id()));
    let config = TrainConfig {
        train: train.to_path_buf(),
        dev: dev.to_path_buf(),
        cluster_text: None,
        out: out.clone(),
        seed,
        tagger_epochs: 2,
        parser_epochs: 2,
        beam: 4,
        folds: 2,
    };
    train_all(&config, |_| {}).expect("training runs");
    let files = ["clusters.bin", "tagger.bin", "lemmatizer.bin", "parser.bin"];
    let bytes = files
        .iter()
        .map(|f| std::fs::read(out.join(f)).expect("model written"))
        .collect();
    std::fs::remove_dir_all(&out).expect("clean up");
    bytes
}

#[test]
fn the_same_seed_gives_the_same_models() {
    let ewt = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/ud-english-ewt"
    );
    let dev_text = std::fs::read_to_string(PathBuf::from(ewt).join("en_ewt-ud-dev.conllu"))
        .unwrap_or_else(|e| panic!("EWT must be at {ewt}: {e}"));
    let dir = std::env::temp_dir().join(format!("dyad-determinism-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let train = dir.join("train.conllu");
    let dev = dir.join("dev.conllu");
    std::fs::write(&train, sentences(&dev_text, 0, 400)).unwrap();
    std::fs::write(&dev, sentences(&dev_text, 400, 100)).unwrap();
    let first = run(&dir, &train, &dev, 7);
    let second = run(&dir, &train, &dev, 7);
    assert!(
        first == second,
        "two runs with seed 7 wrote different models"
    );
    let other = run(&dir, &train, &dev, 8);
    assert!(
        first[3] != other[3],
        "another seed should shuffle differently"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
