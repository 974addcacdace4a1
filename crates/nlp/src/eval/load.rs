//! One side of an evaluation: tokens, words and sentences placed on the file's characters
//! with white space removed, which is what both files must share.

use crate::conllu::{Id, Sentence};

/// Universal features, the only ones UFeats compares (language-specific ones are dropped).
const UNIVERSAL_FEATURES: &[&str] = &[
    "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number",
    "Case", "Definite", "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident",
    "Polarity", "Person", "Polite",
];

/// Relations whose dependents count for CLAS, MLAS and BLEX.
const CONTENT_RELATIONS: &[&str] = &[
    "nsubj",
    "obj",
    "iobj",
    "csubj",
    "ccomp",
    "xcomp",
    "obl",
    "vocative",
    "expl",
    "dislocated",
    "advcl",
    "advmod",
    "discourse",
    "nmod",
    "appos",
    "nummod",
    "acl",
    "amod",
    "conj",
    "fixed",
    "flat",
    "compound",
    "list",
    "parataxis",
    "orphan",
    "goeswith",
    "reparandum",
    "root",
    "dep",
];

/// Relations of function words, which MLAS checks along with their content head.
const FUNCTION_RELATIONS: &[&str] = &["aux", "cop", "mark", "det", "clf", "case", "cc"];

/// A half-open range of character offsets into [`Loaded::chars`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct CharSpan {
    pub start: usize,
    pub end: usize,
}

pub(super) struct EvalWord {
    /// The word's token: words of a multiword token share its span.
    pub span: CharSpan,
    pub is_multiword: bool,
    /// The lowercased form, which aligns words inside multiword tokens.
    pub form: String,
    pub upos: String,
    pub xpos: String,
    /// Universal features only, sorted, joined by `|` (empty for none).
    pub feats: String,
    pub lemma: String,
    /// The universal part of DEPREL.
    pub deprel: String,
    /// Index of the head word in [`Loaded::words`]; `None` for the root.
    pub parent: Option<usize>,
    pub is_content: bool,
    pub is_function: bool,
    /// Function-word dependents, in word order.
    pub function_children: Vec<usize>,
}

pub(super) struct Loaded {
    pub chars: Vec<char>,
    pub tokens: Vec<CharSpan>,
    pub sentences: Vec<CharSpan>,
    pub words: Vec<EvalWord>,
}

/// A rule of the evaluation broken at a line (0 if unknown).
pub(super) struct LoadError {
    pub line: usize,
    pub message: String,
}

pub(super) fn load(sentences: &[Sentence]) -> Result<Loaded, LoadError> {
    let mut out = Loaded {
        chars: Vec::new(),
        tokens: Vec::new(),
        sentences: Vec::with_capacity(sentences.len()),
        words: Vec::new(),
    };
    for sentence in sentences {
        load_sentence(&mut out, sentence)?;
    }
    Ok(out)
}

fn load_sentence(out: &mut Loaded, sentence: &Sentence) -> Result<(), LoadError> {
    let line_of = |row_index: usize| {
        if sentence.line == 0 {
            0
        } else {
            sentence.line + sentence.comments.len() + row_index
        }
    };
    let sentence_start = out.chars.len();
    let first_word = out.words.len();
    // The line of each word, for the tree checks below.
    let mut word_lines = Vec::new();
    let mut rows = sentence.rows.iter().enumerate();
    while let Some((index, row)) = rows.next() {
        if matches!(row.id, Id::Empty(..)) {
            continue;
        }
        // The evaluation ignores space separators inside forms ("3 1/2"), on both sides.
        let start = out.chars.len();
        out.chars.extend(
            row.form
                .chars()
                .filter(|&c| !crate::conllu::is_space_separator(c)),
        );
        if out.chars.len() == start {
            return Err(LoadError {
                line: line_of(index),
                message: format!("word or token {} has an empty FORM", row.id),
            });
        }
        let span = CharSpan {
            start,
            end: out.chars.len(),
        };
        out.tokens.push(span);
        match row.id {
            Id::Range(first, last) => {
                let mut remaining = last + 1 - first;
                while remaining > 0 {
                    let Some((index, member)) = rows.next() else {
                        break;
                    };
                    if !member.is_word() {
                        continue;
                    }
                    remaining -= 1;
                    // Multiword members keep their forms as written, spaces included.
                    out.words
                        .push(word(member, span, true, member.form.to_lowercase()));
                    word_lines.push(line_of(index));
                }
            }
            _ => {
                let form: String = out.chars[span.start..span.end].iter().collect();
                out.words.push(word(row, span, false, form.to_lowercase()));
                word_lines.push(line_of(index));
            }
        }
    }
    out.sentences.push(CharSpan {
        start: sentence_start,
        end: out.chars.len(),
    });
    link_tree(out, sentence, first_word, &word_lines)
}

fn word(row: &crate::conllu::Row, span: CharSpan, is_multiword: bool, form: String) -> EvalWord {
    let deprel = row.deprel.split(':').next().unwrap_or("").to_string();
    let mut feats: Vec<&str> = row
        .feats
        .split('|')
        .filter(|f| UNIVERSAL_FEATURES.contains(&f.split('=').next().unwrap_or("")))
        .collect();
    feats.sort_unstable();
    EvalWord {
        span,
        is_multiword,
        form,
        upos: row.upos.clone(),
        xpos: row.xpos.clone(),
        feats: feats.join("|"),
        lemma: row.lemma.clone(),
        is_content: CONTENT_RELATIONS.contains(&deprel.as_str()),
        is_function: FUNCTION_RELATIONS.contains(&deprel.as_str()),
        deprel,
        parent: None,
        function_children: Vec::new(),
    }
}

/// Sets the parents of the sentence's words and checks that they form a tree.
fn link_tree(
    out: &mut Loaded,
    sentence: &Sentence,
    first_word: usize,
    word_lines: &[usize],
) -> Result<(), LoadError> {
    let described = |line: usize, what: String| LoadError {
        line: if line == 0 { sentence.line } else { line },
        message: match sentence.sent_id() {
            Some(id) => format!("{what} (sentence {id})"),
            None => what,
        },
    };
    let heads: Vec<Option<usize>> = sentence.words().map(|w| w.head).collect();
    let n = heads.len();
    let mut roots = Vec::new();
    for (i, head) in heads.iter().enumerate() {
        match *head {
            None => {
                return Err(described(
                    word_lines[i],
                    format!("word {} has no HEAD (`_`)", i + 1),
                ))
            }
            Some(h) if h > n => {
                return Err(described(
                    word_lines[i],
                    format!("HEAD {h} of word {} points outside the sentence", i + 1),
                ))
            }
            Some(0) => roots.push(i + 1),
            Some(h) => out.words[first_word + i].parent = Some(first_word + h - 1),
        }
    }
    if roots.len() != 1 {
        let what = if roots.is_empty() {
            "the sentence has no root (no word with HEAD 0)".to_string()
        } else {
            format!(
                "the sentence has {} roots (words {}); it must have exactly one",
                roots.len(),
                roots
                    .iter()
                    .map(|r| r.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        return Err(described(sentence.line, what));
    }
    // Following parents from any word must reach the root within n steps.
    for (i, &line) in word_lines.iter().enumerate() {
        let mut at = first_word + i;
        let mut steps = 0;
        while let Some(parent) = out.words[at].parent {
            at = parent;
            steps += 1;
            if steps > n {
                return Err(described(
                    line,
                    format!("word {} is in a cycle of heads", i + 1),
                ));
            }
        }
    }
    for i in first_word..first_word + n {
        if let (Some(parent), true) = (out.words[i].parent, out.words[i].is_function) {
            out.words[parent].function_children.push(i);
        }
    }
    Ok(())
}
