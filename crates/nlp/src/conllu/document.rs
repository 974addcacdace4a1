//! From parsed CoNLL-U to a [`Document`]: the raw text rebuilt as the CoNLL 2018 shared task
//! did it, and the annotation copied onto its tokens and words.

use dyad_text::{Deprel, Document, Sentence as DocSentence, Span, Token, Upos, Word};

use super::{Id, Row, Sentence};

/// The raw text the sentences were cut from, rebuilt as in the CoNLL 2018 shared task:
/// documents and paragraphs separated by a blank line, sentences of a paragraph by one
/// space, tokens by one space, and nothing where MISC says `SpaceAfter=No`. (Other
/// spacing in MISC, such as `SpacesAfter=\n`, is not part of that convention and is ignored.)
pub fn raw_text(sentences: &[Sentence]) -> String {
    to_document(sentences).text
}

/// Builds a [`Document`] from parsed sentences: the text of [`raw_text`], each sentence's
/// tokens and words with their spans, and the words' annotation. Empty nodes are skipped.
///
/// The words of a multiword token get the span of their form inside the token when it can
/// be found there (searching left to right: "do" and "n't" in "don't"), else the whole
/// token's span. Unknown UPOS values (and `_`) become [`Upos::X`]; HEAD `_` becomes 0.
pub fn to_document(sentences: &[Sentence]) -> Document {
    let mut doc = Document::default();
    let mut space_pending = false;
    for (i, sentence) in sentences.iter().enumerate() {
        let new_paragraph = i == 0 || sentence.starts_document() || sentence.starts_paragraph();
        if i > 0 {
            if new_paragraph {
                doc.text.push_str("\n\n");
            } else if space_pending {
                doc.text.push(' ');
            }
        }
        let converted = convert_sentence(sentence, new_paragraph, &mut doc.text);
        space_pending = converted.tokens.last().is_some_and(|t| t.space_after);
        doc.sentences.push(converted);
    }
    doc
}

/// Appends the sentence's tokens to `text` and returns the sentence with spans into it.
fn convert_sentence(sentence: &Sentence, new_paragraph: bool, text: &mut String) -> DocSentence {
    let mut out = DocSentence {
        new_paragraph,
        ..DocSentence::default()
    };
    let mut rows = sentence.rows.iter();
    while let Some(row) = rows.next() {
        if matches!(row.id, Id::Empty(..)) {
            continue;
        }
        if let Some(Token { space_after, .. }) = out.tokens.last() {
            if *space_after {
                text.push(' ');
            }
        }
        let token_start = text.len();
        text.push_str(&row.form);
        let span = Span::new(token_start, text.len());
        let first_word = out.words.len();
        match row.id {
            Id::Range(first, last) => {
                let mut cursor = token_start;
                let mut remaining = last + 1 - first;
                // Empty nodes may sit between the words of a range; they are skipped.
                while remaining > 0 {
                    let Some(member) = rows.next() else { break };
                    if !member.is_word() {
                        continue;
                    }
                    remaining -= 1;
                    let word_span = match text[cursor..].find(member.form.as_str()) {
                        Some(offset) if !member.form.is_empty() => {
                            let s = cursor + offset;
                            cursor = s + member.form.len();
                            Span::new(s, cursor)
                        }
                        _ => span,
                    };
                    out.words.push(word(member, word_span));
                }
            }
            _ => out.words.push(word(row, span)),
        }
        out.tokens.push(Token {
            span,
            words: first_word..out.words.len(),
            space_after: !row.no_space_after(),
        });
    }
    if let (Some(first), Some(last)) = (out.tokens.first(), out.tokens.last()) {
        out.span = Span::new(first.span.start, last.span.end);
    }
    out
}

fn word(row: &Row, span: Span) -> Word {
    Word {
        form: row.form.clone(),
        span,
        upos: Upos::parse(&row.upos).unwrap_or(Upos::X),
        xpos: row.xpos.clone(),
        feats: row.feats.clone(),
        lemma: row.lemma.clone(),
        head: row.head.unwrap_or(0),
        deprel: Deprel(if row.deprel == "_" {
            String::new()
        } else {
            row.deprel.clone()
        }),
    }
}
