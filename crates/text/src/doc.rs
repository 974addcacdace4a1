//! The document model: a text, its sentences, their tokens and their syntactic words.

use std::fmt;
use std::ops::Range;

/// A half-open byte range into [`Document::text`]. Always on UTF-8 character boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
    pub fn len(self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// A document: the original text, untouched, and the sentences found in it.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The original text. Spans index into it.
    pub text: String,
    pub sentences: Vec<Sentence>,
}

impl Document {
    pub fn new(text: impl Into<String>) -> Document {
        Document {
            text: text.into(),
            sentences: Vec::new(),
        }
    }

    /// The text covered by a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The character (Unicode scalar value) offset of a byte offset in [`Document::text`].
    pub fn char_offset(&self, byte: usize) -> usize {
        self.text[..byte].chars().count()
    }

    /// Number of syntactic words over all sentences.
    pub fn word_count(&self) -> usize {
        self.sentences.iter().map(|s| s.words.len()).sum()
    }
}

/// A sentence: its span, its surface tokens and the syntactic words they contain.
///
/// Tokens are what the text shows ("don't"); words are what syntax sees ("do", "n't").
/// Most tokens hold exactly one word. A token holding several is a multiword token,
/// written as a range line in CoNLL-U.
#[derive(Clone, Debug, Default)]
pub struct Sentence {
    pub span: Span,
    /// True when this sentence starts a new paragraph (a blank line, or the start of the text).
    pub new_paragraph: bool,
    pub tokens: Vec<Token>,
    pub words: Vec<Word>,
}

/// A surface token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    /// The indices in [`Sentence::words`] of the words this token holds.
    pub words: Range<usize>,
    /// False when the next token follows with no white space between them.
    pub space_after: bool,
}

impl Token {
    pub fn is_multiword(&self) -> bool {
        self.words.len() > 1
    }
}

/// A syntactic word, with the annotations the NLP stage writes on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word's form. From the tokenizer it is always the text of its span (the words of
    /// "cannot" are "can" and "not"); a word read from CoNLL-U may have a form that is not a
    /// substring of its token, and then its span is the whole token's.
    pub form: String,
    /// The characters of the text this word comes from.
    pub span: Span,
    pub upos: Upos,
    /// Language-specific tag (Penn Treebank for English); empty until tagged.
    pub xpos: String,
    /// Morphological features in CoNLL-U form (`Number=Sing|...`); empty when none.
    pub feats: String,
    pub lemma: String,
    /// Index of the head word, 1-based as in CoNLL-U; 0 is the root.
    pub head: usize,
    pub deprel: Deprel,
}

impl Word {
    /// A word as the tokenizer makes it: a form and a span, nothing predicted yet.
    pub fn new(form: impl Into<String>, span: Span) -> Word {
        Word {
            form: form.into(),
            span,
            upos: Upos::X,
            // Empty, not "_": an empty String does not allocate, and writers print `_` for it.
            xpos: String::new(),
            feats: String::new(),
            lemma: String::new(),
            head: 0,
            deprel: Deprel::default(),
        }
    }
}

/// A dependency relation, such as `nsubj` or `obl:tmod`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Deprel(pub String);

impl Deprel {
    pub fn as_str(&self) -> &str {
        if self.0.is_empty() {
            "_"
        } else {
            &self.0
        }
    }
    /// The universal part of the relation: `obl` for `obl:tmod`.
    pub fn universal(&self) -> &str {
        self.as_str().split(':').next().unwrap_or("_")
    }
}

impl fmt::Display for Deprel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! upos {
    ($($v:ident),* $(,)?) => {
        /// A Universal Dependencies part-of-speech tag.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Upos { $($v),* }

        impl Upos {
            pub const ALL: &'static [Upos] = &[$(Upos::$v),*];
            pub fn as_str(self) -> &'static str {
                match self { $(Upos::$v => stringify!($v)),* }
            }
            pub fn parse(s: &str) -> Option<Upos> {
                match s { $(stringify!($v) => Some(Upos::$v),)* _ => None }
            }
        }
    };
}

upos!(
    ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X,
);

impl fmt::Display for Upos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upos_round_trips() {
        for &u in Upos::ALL {
            assert_eq!(Upos::parse(u.as_str()), Some(u));
        }
        assert_eq!(Upos::ALL.len(), 17);
        assert_eq!(Upos::parse("NOPE"), None);
    }

    #[test]
    fn char_offsets_count_characters() {
        let d = Document::new("é “x”");
        assert_eq!(d.char_offset(0), 0);
        assert_eq!(d.char_offset(2), 1);
        assert_eq!(d.char_offset(d.text.len()), 5);
    }

    #[test]
    fn deprel_universal_part() {
        assert_eq!(Deprel("obl:tmod".into()).universal(), "obl");
        assert_eq!(Deprel::default().as_str(), "_");
    }
}
