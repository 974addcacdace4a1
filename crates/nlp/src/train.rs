//! Training of the tagger, lemmatizer and parser from CoNLL-U treebanks.
//!
//! The recipe, and why:
//! 1. Word clusters are learned from the training file's words and raw news (no labels).
//! 2. The tagger trains on the training file; the epoch kept is the best on the development
//!    file.
//! 3. The parser must learn from tags as noisy as the ones it will see, so the training file
//!    is tagged by jackknifing: it is cut in `folds` parts, and each part is tagged by a tagger
//!    trained on the others.
//! 4. The lemmatizer learns from gold tags (its tables are look-ups keyed by tag).
//! 5. The parser trains on the jackknifed tags; the epoch kept is the best on the development
//!    file (gold tokens, tags from the final tagger), by LAS. Then its beam margin is chosen
//!    on the same file (see `choose_margin`).
//!
//! Everything is deterministic for a given seed: shuffles use a seeded generator and no
//! step depends on hash-map order or thread timing.

use std::path::{Path, PathBuf};

use anyhow::Context;
use dyad_text::Document;

use crate::clusters::{ClusterConfig, Clusters};
use crate::lemmatizer::Lemmatizer;
use crate::model_file;
use crate::parser::{self, ParseExample, Parser, ParserConfig};
use crate::pipeline::{CLUSTERS_FILE, LEMMATIZER_FILE, PARSER_FILE, TAGGER_FILE};
use crate::tagger::{self, TagClass, TagExample, Tagger, TaggerConfig};

/// What to train on and how.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    pub train: PathBuf,
    pub dev: PathBuf,
    /// Raw news (JSONL with a `text` field) for learning word clusters, beside the
    /// training treebank's own words.
    pub cluster_text: Option<PathBuf>,
    pub out: PathBuf,
    pub seed: u64,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Beam width of the parser (1: greedy).
    pub beam: usize,
    pub folds: usize,
}

/// Reads a CoNLL-U file into a document of gold annotations.
pub fn read_treebank(path: &Path) -> anyhow::Result<Document> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}: invalid UTF-8 at byte offset {}",
            path.display(),
            e.valid_up_to()
        )
    })?;
    let sentences =
        crate::conllu::parse(text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(crate::conllu::to_document(&sentences))
}

/// Reads the `text` fields of a JSONL file. Lines that are not JSON objects with a text are
/// reported to `log` and skipped.
pub fn read_jsonl_texts(path: &Path, mut log: impl FnMut(&str)) -> anyhow::Result<Vec<String>> {
    let data = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if let Err(e) = std::str::from_utf8(&data) {
        log(&format!(
            "{}: invalid UTF-8 at byte offset {}; invalid sequences are replaced by U+FFFD",
            path.display(),
            e.valid_up_to()
        ));
    }
    let data = String::from_utf8_lossy(&data);
    let mut texts = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) => match v.get("text").and_then(|t| t.as_str()) {
                Some(t) => texts.push(t.to_string()),
                None => log(&format!(
                    "{}:{}: no \"text\" field; skipped",
                    path.display(),
                    n + 1
                )),
            },
            Err(e) => log(&format!("{}:{}: {e}; skipped", path.display(), n + 1)),
        }
    }
    Ok(texts)
}

fn tag_examples(doc: &Document, classes: &[TagClass], clusters: &Clusters) -> Vec<TagExample> {
    doc.sentences
        .iter()
        .map(|s| TagExample {
            forms: s.words.iter().map(|w| w.form.clone()).collect(),
            clusters: s.words.iter().map(|w| clusters.get(&w.form)).collect(),
            gold: s
                .words
                .iter()
                .map(|w| {
                    classes
                        .iter()
                        .position(|c| c.upos == w.upos.as_str() && c.xpos == w.xpos)
                        .unwrap_or(0)
                })
                .collect(),
        })
        .collect()
}

/// Share of words whose UPOS and XPOS are both right.
pub fn tag_accuracy(tagger: &Tagger, examples: &[TagExample]) -> f64 {
    let (mut right, mut total) = (0usize, 0usize);
    for ex in examples {
        let forms: Vec<&str> = ex.forms.iter().map(String::as_str).collect();
        for (p, g) in tagger.tag(&forms, &ex.clusters).into_iter().zip(&ex.gold) {
            right += usize::from(p == *g);
            total += 1;
        }
    }
    right as f64 / total.max(1) as f64
}

/// Parser examples: the gold trees of `doc`, with the tags that `tagger` predicted
/// (`tags[i]` for sentence `i`), never gold tags, so the parser learns from realistic input.
fn parse_examples(
    doc: &Document,
    tags: &[Vec<usize>],
    tagger: &Tagger,
    clusters: &Clusters,
) -> Vec<ParseExample> {
    doc.sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (upos, xpos): (Vec<String>, Vec<String>) = tags[i]
                .iter()
                .map(|&c| {
                    let (u, x) = tagger.class(c);
                    (u.as_str().to_string(), x.to_string())
                })
                .unzip();
            ParseExample {
                forms: s.words.iter().map(|w| w.form.clone()).collect(),
                upos,
                xpos,
                clusters: s.words.iter().map(|w| clusters.get(&w.form)).collect(),
                heads: s.words.iter().map(|w| w.head).collect(),
                labels: s
                    .words
                    .iter()
                    .map(|w| w.deprel.as_str().to_string())
                    .collect(),
            }
        })
        .collect()
}

/// Unlabelled and labelled attachment scores of `parser` on examples with gold trees, and
/// the number of parser states it built. LAS compares the universal part of the relation,
/// as the CoNLL 2018 scorer does.
pub fn attachment_scores(parser: &Parser, examples: &[ParseExample]) -> (f64, f64, usize) {
    let (mut uas, mut las, mut total, mut states) = (0usize, 0usize, 0usize, 0usize);
    for ex in examples {
        let (tree, built) = parser.parse_counted(&ex.inputs());
        states += built;
        for (i, (h, l)) in tree.iter().enumerate() {
            let head_ok = *h == ex.heads[i];
            uas += usize::from(head_ok);
            let universal = |s: &str| s.split(':').next().unwrap_or("").to_string();
            las += usize::from(head_ok && universal(l) == universal(&ex.labels[i]));
            total += 1;
        }
    }
    (
        uas as f64 / total.max(1) as f64,
        las as f64 / total.max(1) as f64,
        states,
    )
}

/// Dev LAS a margin may cost, at most, against the full beam.
const MARGIN_LAS_LOSS: f64 = 0.0025;

/// Chooses the beam margin on development data: among a few margins, the one that builds
/// the fewest parser states while losing at most [`MARGIN_LAS_LOSS`] of LAS against the full
/// beam. States, not seconds, so the choice does not depend on the machine.
fn choose_margin(mut parser: Parser, dev: &[ParseExample], log: &mut impl FnMut(&str)) -> Parser {
    if parser.beam() <= 1 {
        return parser;
    }
    parser.set_margin(f32::INFINITY);
    let (_, full_las, full_states) = attachment_scores(&parser, dev);
    let mut best = (f32::INFINITY, full_states);
    for margin in [200.0, 150.0, 100.0, 75.0, 50.0] {
        parser.set_margin(margin);
        let (_, las, states) = attachment_scores(&parser, dev);
        log(&format!(
            "beam margin {margin}: dev LAS {:.2}, {states} states (full beam: {:.2}, {full_states})",
            100.0 * las,
            100.0 * full_las
        ));
        if las >= full_las - MARGIN_LAS_LOSS && states < best.1 {
            best = (margin, states);
        }
    }
    log(&format!("beam margin: kept {}", best.0));
    parser.set_margin(best.0);
    parser
}

/// Trains all models and writes them to `config.out`. `log` receives progress lines.
pub fn train_all(config: &TrainConfig, mut log: impl FnMut(&str)) -> anyhow::Result<()> {
    let train_doc = read_treebank(&config.train)?;
    let dev_doc = read_treebank(&config.dev)?;
    std::fs::create_dir_all(&config.out)
        .with_context(|| format!("cannot create {}", config.out.display()))?;
    log(&format!(
        "train: {} sentences, {} words; dev: {} sentences, {} words",
        train_doc.sentences.len(),
        train_doc.word_count(),
        dev_doc.sentences.len(),
        dev_doc.word_count()
    ));

    // Word clusters, from the treebank's words and the raw news.
    let mut cluster_sentences: Vec<Vec<String>> = train_doc
        .sentences
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.clone()).collect())
        .collect();
    if let Some(path) = &config.cluster_text {
        let tokenizer = dyad_text::Tokenizer::new();
        for text in read_jsonl_texts(path, &mut log)? {
            let doc = tokenizer.tokenize(&text);
            cluster_sentences.extend(
                doc.sentences
                    .iter()
                    .map(|s| s.words.iter().map(|w| w.form.clone()).collect()),
            );
        }
    }
    let clusters = Clusters::learn(&cluster_sentences, &ClusterConfig::default());
    log(&format!(
        "clusters: {} words from {} sentences",
        clusters.len(),
        cluster_sentences.len()
    ));
    model_file::save(&config.out.join(CLUSTERS_FILE), "clusters", &clusters)?;

    let classes = tagger::tag_classes(
        train_doc
            .sentences
            .iter()
            .flat_map(|s| s.words.iter().map(|w| (w.upos.as_str(), w.xpos.as_str()))),
    );
    let train_tags = tag_examples(&train_doc, &classes, &clusters);
    let dev_tags = tag_examples(&dev_doc, &classes, &clusters);
    let tagger_config = TaggerConfig {
        epochs: config.tagger_epochs,
        seed: config.seed,
        ..TaggerConfig::default()
    };
    let mut best_epoch = 0;
    let mut best_acc = -1.0;
    let tagger = tagger::train(classes.clone(), &train_tags, &tagger_config, |epoch, t| {
        let acc = tag_accuracy(t, &dev_tags);
        log(&format!(
            "tagger epoch {epoch}: dev UPOS+XPOS accuracy {:.2}",
            100.0 * acc
        ));
        if acc > best_acc {
            best_acc = acc;
            best_epoch = epoch;
        }
        acc
    });
    log(&format!("tagger: kept epoch {best_epoch}"));
    model_file::save(
        &config.out.join(TAGGER_FILE),
        "tagger",
        &tagger.to_stored().context("the tagger has no saved form")?,
    )?;

    let lemmatizer = Lemmatizer::train(train_doc.sentences.iter().flat_map(|s| {
        s.words.iter().map(|w| {
            (
                w.form.as_str(),
                w.xpos.as_str(),
                w.lemma.as_str(),
                w.feats.as_str(),
            )
        })
    }));
    model_file::save(&config.out.join(LEMMATIZER_FILE), "lemmatizer", &lemmatizer)?;

    // Jackknifed tags for the parser's training data.
    let folds = config.folds.max(2);
    let mut jack: Vec<Vec<usize>> = vec![Vec::new(); train_tags.len()];
    let fold_config = TaggerConfig {
        epochs: best_epoch + 1,
        ..tagger_config.clone()
    };
    for fold in 0..folds {
        let rest: Vec<TagExample> = train_tags
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, e)| TagExample {
                forms: e.forms.clone(),
                clusters: e.clusters.clone(),
                gold: e.gold.clone(),
            })
            .collect();
        let fold_tagger = tagger::train(classes.clone(), &rest, &fold_config, |_, _| 0.0);
        for (i, ex) in train_tags
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds == fold)
        {
            let forms: Vec<&str> = ex.forms.iter().map(String::as_str).collect();
            jack[i] = fold_tagger.tag(&forms, &ex.clusters);
        }
        log(&format!("jackknife fold {fold} of {folds} tagged"));
    }
    let parse_train = parse_examples(&train_doc, &jack, &tagger, &clusters);
    let dev_predicted: Vec<Vec<usize>> = dev_tags
        .iter()
        .map(|ex| {
            let forms: Vec<&str> = ex.forms.iter().map(String::as_str).collect();
            tagger.tag(&forms, &ex.clusters)
        })
        .collect();
    let parse_dev = parse_examples(&dev_doc, &dev_predicted, &tagger, &clusters);
    let parser_config = ParserConfig {
        epochs: config.parser_epochs,
        seed: config.seed,
        beam: config.beam,
        ..ParserConfig::default()
    };
    let parser = parser::train(&parse_train, &parser_config, |epoch, p| {
        let (uas, las, _) = attachment_scores(p, &parse_dev);
        log(&format!(
            "parser epoch {epoch}: dev UAS {:.2} LAS {:.2} (gold tokens, predicted tags)",
            100.0 * uas,
            100.0 * las
        ));
        las
    });
    let parser = choose_margin(parser, &parse_dev, &mut log);
    model_file::save(
        &config.out.join(PARSER_FILE),
        "parser",
        &parser.to_stored().context("the parser has no saved form")?,
    )?;
    log(&format!("models written to {}", config.out.display()));
    Ok(())
}
