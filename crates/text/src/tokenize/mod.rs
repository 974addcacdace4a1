//! Tokenizer and sentence splitter for English news and web text, following the
//! tokenization conventions of UD English EWT (v2.16):
//!
//! - punctuation is split off, and runs of the same mark stay together ("!!!", "--", "...");
//! - clitics and contractions are multiword tokens: "don't" is one token holding the words
//!   "do" and "n't"; "Bush's" holds "Bush" and "'s"; "cannot" holds "can" and "not";
//! - hyphenated compounds split into word, hyphen, word ("well-known", "Al-Zaman", "15-year"),
//!   except after prefixes such as "non-" or "e-" and inside phone numbers and codes;
//! - URLs, e-mail addresses, @handles, #hashtags, numbers ("1,000", "2.5", "10:30",
//!   "10/21/2022") and abbreviations with their period ("U.S.", "Gen.", "a.m.") stay whole;
//!   "$5" and "5%" split;
//! - an abbreviation that ends a sentence gives its period to the sentence: "etc" ".".
//!
//! The work happens in three passes: `scan` cuts the text into tokens, `sentences`
//! finds sentence boundaries between them, `words` splits tokens into syntactic words.
//! Word lists (abbreviations, prefixes, contractions...) are in `crates/text/data/`.

mod chars;
mod lexicon;
mod scan;
mod sentences;
mod words;

#[cfg(test)]
mod tests;

use std::sync::OnceLock;

use crate::doc::{Document, Sentence, Span, Token, Word};
use lexicon::Lexicon;
use scan::{Gap, Kind, Piece};

/// The tokenizer. Holds its word lists; build it once and reuse it.
#[derive(Debug)]
pub struct Tokenizer {
    lexicon: Lexicon,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer::new()
    }
}

impl Tokenizer {
    pub fn new() -> Tokenizer {
        Tokenizer {
            lexicon: Lexicon::load(),
        }
    }

    /// Splits `text` into sentences of tokens and words. Never fails and never panics.
    pub fn tokenize(&self, text: &str) -> Document {
        let mut doc = Document::new(text);
        let pieces = scan::scan(text, &self.lexicon);
        let starts = sentences::sentence_starts(text, &pieces, &self.lexicon);
        let mut first = 0;
        for k in 0..pieces.len() {
            if k + 1 == pieces.len() || starts[k + 1] {
                let sentence = self.build_sentence(text, &pieces[first..=k], pieces.get(k + 1));
                doc.sentences.push(sentence);
                first = k + 1;
            }
        }
        doc
    }

    /// Makes a sentence of `pieces`; `following` is the first piece of the next sentence.
    fn build_sentence(&self, text: &str, pieces: &[Piece], following: Option<&Piece>) -> Sentence {
        let mut pieces = pieces.to_vec();
        // An abbreviation that ends a sentence lends its period to it, as EWT writes
        // "... and so on, etc" ".".
        if let Some(last) = pieces.last().copied() {
            if matches!(last.kind, Kind::Abbrev(_)) && last.end - last.start > 1 {
                let period = last.end - 1;
                *pieces.last_mut().unwrap() = Piece {
                    end: period,
                    kind: Kind::Word,
                    ..last
                };
                pieces.push(Piece {
                    start: period,
                    end: last.end,
                    kind: Kind::Terminal,
                    gap: Gap::None,
                });
            }
        }
        let mut sentence = Sentence {
            span: Span::new(pieces[0].start, pieces[pieces.len() - 1].end),
            new_paragraph: pieces[0].gap == Gap::Paragraph,
            tokens: Vec::with_capacity(pieces.len()),
            words: Vec::with_capacity(pieces.len()),
        };
        for (k, piece) in pieces.iter().enumerate() {
            let next = pieces.get(k + 1).or(following);
            let space_after = next.is_none_or(|n| n.gap != Gap::None);
            let token_text = &text[piece.start..piece.end];
            let first_word = sentence.words.len();
            let mut from = piece.start;
            if piece.kind == Kind::Word {
                let next_text = pieces.get(k + 1).map(|n| &text[n.start..n.end]);
                for point in words::split_points(token_text, next_text, &self.lexicon) {
                    let to = piece.start + point;
                    sentence
                        .words
                        .push(Word::new(&text[from..to], Span::new(from, to)));
                    from = to;
                }
            }
            sentence.words.push(Word::new(
                &text[from..piece.end],
                Span::new(from, piece.end),
            ));
            sentence.tokens.push(Token {
                span: Span::new(piece.start, piece.end),
                words: first_word..sentence.words.len(),
                space_after,
            });
        }
        sentence
    }
}

/// Tokenizes with a shared default [`Tokenizer`].
pub fn split(text: &str) -> Document {
    static DEFAULT: OnceLock<Tokenizer> = OnceLock::new();
    DEFAULT.get_or_init(Tokenizer::new).tokenize(text)
}
