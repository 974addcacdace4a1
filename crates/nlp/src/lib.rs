//! NLP: part-of-speech tags, lemmas and labelled dependency trees for the words of a
//! [`dyad_text::Document`], and the CoNLL-U format and UD evaluation around them.
//!
//! - [`tagger`]: UPOS+XPOS, a two-pass averaged perceptron.
//! - [`lemmatizer`]: lemmas and morphological features from learned tables and edit rules.
//! - [`parser`]: arc-eager dependency parser with a dynamic oracle.
//! - [`pipeline::Pipeline`]: all of them, loaded once, run on a document.
//! - [`train`]: the training recipe; [`conllu`] and [`eval`]: the format and the scorer.

pub mod clusters;
pub mod conllu;
pub mod eval;
mod hash;
pub mod lemmatizer;
pub mod model_file;
pub mod parser;
mod perceptron;
pub mod pipeline;
pub mod tagger;
pub mod train;

pub use pipeline::{default_model_dir, Pipeline};
