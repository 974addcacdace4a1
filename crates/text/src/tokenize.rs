//! Tokenizer and sentence splitter for English news and web text, following the
//! conventions of UD English EWT. (Placeholder: being written.)

use crate::doc::{Document, Sentence, Span, Token, Word};

/// The tokenizer. Holds its abbreviation tables; build it once and reuse it.
#[derive(Debug, Default)]
pub struct Tokenizer {}

impl Tokenizer {
    pub fn new() -> Tokenizer {
        Tokenizer {}
    }

    /// Splits `text` into sentences of tokens and words. Never fails and never panics.
    pub fn tokenize(&self, text: &str) -> Document {
        let mut doc = Document::new(text);
        let mut sent = Sentence {
            new_paragraph: true,
            ..Sentence::default()
        };
        let mut pos = 0;
        for piece in text.split_whitespace() {
            let start = text[pos..].find(piece).map_or(pos, |i| pos + i);
            let end = start + piece.len();
            pos = end;
            let i = sent.words.len();
            sent.words.push(Word::new(piece, Span::new(start, end)));
            sent.tokens.push(Token {
                span: Span::new(start, end),
                words: i..i + 1,
                space_after: true,
            });
        }
        if !sent.tokens.is_empty() {
            sent.span = Span::new(sent.tokens[0].span.start, pos);
            doc.sentences.push(sent);
        }
        doc
    }
}

/// Tokenizes with a default [`Tokenizer`].
pub fn split(text: &str) -> Document {
    Tokenizer::new().tokenize(text)
}
