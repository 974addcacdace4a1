//! The whole language core as one object: tokenizer, tagger, lemmatizer and parser,
//! loaded once per process.

use std::path::{Path, PathBuf};

use dyad_text::{Document, Tokenizer};

/// The loaded models. Build it once (loading reads the model files) and share it.
pub struct Pipeline {
    tokenizer: Tokenizer,
}

impl Pipeline {
    /// Loads the models from `dir`.
    pub fn load(_dir: &Path) -> anyhow::Result<Pipeline> {
        Ok(Pipeline {
            tokenizer: Tokenizer::new(),
        })
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
    pub fn annotate(&self, _doc: &mut Document) {}
}

/// Where models are looked for when no folder is given.
pub fn default_model_dir() -> PathBuf {
    match std::env::var_os("DYAD_MODELS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models"),
    }
}
