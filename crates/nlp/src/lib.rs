//! NLP: part-of-speech tags, lemmas and labelled dependency trees for the words of a
//! [`dyad_text::Document`], and the CoNLL-U format and UD evaluation around them.

pub mod conllu;
pub mod eval;
mod pipeline;

pub use pipeline::{default_model_dir, Pipeline};
