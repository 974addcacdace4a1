//! Text: the one document type that flows through every stage of dyad, and the first stage
//! that fills it: tokenization and sentence splitting of raw English news text.
//!
//! Every [`Token`] and [`Word`] carries the byte span it covers in [`Document::text`], so any
//! later stage can point back at exactly the characters that produced its output.
//! [`Document::char_offset`] converts a byte offset to a character offset for output formats
//! that count characters.

mod doc;
pub mod tokenize;

pub use doc::{Deprel, Document, Sentence, Span, Token, Upos, Word};
pub use tokenize::{split, Tokenizer};
