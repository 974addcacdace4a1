//! The whole language core as one object: tokenizer, tagger, lemmatizer and parser,
//! loaded once per process.

use std::path::{Path, PathBuf};

use dyad_text::{Deprel, Document, Sentence, Tokenizer};

use crate::clusters::{ClusterId, Clusters};
use crate::lemmatizer::Lemmatizer;
use crate::model_file;
use crate::parser::{Parser, ParserInput, StoredParser};
use crate::tagger::{StoredTagger, Tagger};

/// File names of the models inside a model folder.
pub const TAGGER_FILE: &str = "tagger.bin";
pub const LEMMATIZER_FILE: &str = "lemmatizer.bin";
pub const PARSER_FILE: &str = "parser.bin";
pub const CLUSTERS_FILE: &str = "clusters.bin";

/// The loaded models. Build it once (loading reads the model files) and share it.
pub struct Pipeline {
    tokenizer: Tokenizer,
    clusters: Clusters,
    tagger: Tagger,
    lemmatizer: Lemmatizer,
    parser: Parser,
}

impl Pipeline {
    /// Loads the models from `dir`.
    pub fn load(dir: &Path) -> anyhow::Result<Pipeline> {
        let clusters: Clusters = model_file::load(&dir.join(CLUSTERS_FILE), "clusters")?;
        let tagger: StoredTagger = model_file::load(&dir.join(TAGGER_FILE), "tagger")?;
        let lemmatizer: Lemmatizer = model_file::load(&dir.join(LEMMATIZER_FILE), "lemmatizer")?;
        let parser: StoredParser = model_file::load(&dir.join(PARSER_FILE), "parser")?;
        Ok(Pipeline::from_models(
            clusters,
            Tagger::from_stored(tagger).map_err(anyhow::Error::msg)?,
            lemmatizer,
            Parser::from_stored(parser).map_err(anyhow::Error::msg)?,
        ))
    }

    /// Builds a pipeline from models in memory (as training does).
    pub fn from_models(
        clusters: Clusters,
        tagger: Tagger,
        lemmatizer: Lemmatizer,
        parser: Parser,
    ) -> Pipeline {
        Pipeline {
            tokenizer: Tokenizer::new(),
            clusters,
            tagger,
            lemmatizer,
            parser,
        }
    }

    /// Loads the models from the default place: `$DYAD_MODELS`, else the `models/` folder
    /// of the source tree the binary was built from.
    pub fn load_default() -> anyhow::Result<Pipeline> {
        Pipeline::load(&default_model_dir())
    }

    /// Tokenizes, tags, lemmatizes and parses raw text.
    pub fn parse(&self, text: &str) -> Document {
        let mut doc = self.tokenizer.tokenize(text);
        self.annotate(&mut doc);
        doc
    }

    /// Tags, lemmatizes and parses the words already in `doc` (from the tokenizer, or gold).
    pub fn annotate(&self, doc: &mut Document) {
        for sentence in &mut doc.sentences {
            let clusters = self.clusters_of(sentence);
            self.tag(sentence, &clusters);
            self.parse_sentence(sentence, &clusters);
        }
    }

    /// The cluster of every word of the sentence, which both the tagger and the parser read.
    pub fn clusters_of(&self, sentence: &Sentence) -> Vec<ClusterId> {
        sentence
            .words
            .iter()
            .map(|w| self.clusters.get(&w.form))
            .collect()
    }

    /// Writes UPOS, XPOS, lemma and features on every word of the sentence, given the
    /// words' clusters ([`Pipeline::clusters_of`]).
    pub fn tag(&self, sentence: &mut Sentence, clusters: &[ClusterId]) {
        let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
        let classes = self.tagger.tag(&forms, clusters);
        for (word, class) in sentence.words.iter_mut().zip(classes) {
            let (upos, xpos) = self.tagger.class(class);
            word.upos = upos;
            word.xpos = xpos.to_string();
            word.lemma = self.lemmatizer.lemma(&word.form, upos.as_str(), xpos);
            word.feats = self.lemmatizer.feats(&word.form, xpos);
        }
    }

    /// Writes heads and relations on every word of an already tagged sentence.
    pub fn parse_sentence(&self, sentence: &mut Sentence, clusters: &[ClusterId]) {
        let inputs: Vec<ParserInput> = sentence
            .words
            .iter()
            .zip(clusters.iter().copied())
            .map(|(w, cluster)| ParserInput {
                form: &w.form,
                upos: w.upos.as_str(),
                xpos: &w.xpos,
                cluster,
            })
            .collect();
        let tree = self.parser.parse(&inputs);
        for (word, (head, label)) in sentence.words.iter_mut().zip(tree) {
            word.head = head;
            word.deprel = Deprel(label);
        }
    }

    /// Changes how the parser decodes: its beam width (1: greedy) and, if given, the margin
    /// below the best beam item past which items are dropped. Narrower is faster and less
    /// accurate; the model's own settings were chosen on development data.
    pub fn set_decoding(&mut self, beam: Option<usize>, margin: Option<f32>) {
        if let Some(b) = beam {
            self.parser.set_beam(b);
        }
        if let Some(m) = margin {
            self.parser.set_margin(m);
        }
    }

    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }
    pub fn parser(&self) -> &Parser {
        &self.parser
    }
}

/// Where models are looked for when no folder is given.
pub fn default_model_dir() -> PathBuf {
    match std::env::var_os("DYAD_MODELS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models"),
    }
}
