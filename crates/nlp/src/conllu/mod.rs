//! CoNLL-U: reading it into a raw representation that writes back byte for byte, converting
//! it to and from a [`dyad_text::Document`], and writing a `Document` as CoNLL-U.
//!
//! The raw layer ([`Sentence`], [`Row`], [`Id`]) keeps every column as written so tools can
//! pass files through untouched; the [`Document`](dyad_text::Document) layer is what the
//! rest of dyad works on.

mod document;
mod write;

use std::fmt;

pub use document::{raw_text, to_document};
pub(crate) use write::is_space_separator;
pub use write::{
    document_to_string, document_to_string_with, to_string, write, write_document,
    write_document_with, DocumentWriter, WriteOptions,
};

/// The ID column of a line: a word, a multiword token's range, or an empty node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Id {
    /// A syntactic word, numbered from 1 within its sentence.
    Word(usize),
    /// A multiword token covering words `first..=last`.
    Range(usize, usize),
    /// An empty node `major.minor`, placed after word `major` (0: before the first word).
    Empty(usize, usize),
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Id::Word(i) => write!(f, "{i}"),
            Id::Range(a, b) => write!(f, "{a}-{b}"),
            Id::Empty(a, b) => write!(f, "{a}.{b}"),
        }
    }
}

/// One non-comment line of a sentence, its columns as written in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: Id,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// `None` for `_`, which multiword token lines and empty nodes carry.
    pub head: Option<usize>,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

impl Row {
    pub fn is_word(&self) -> bool {
        matches!(self.id, Id::Word(_))
    }

    /// True when MISC holds `SpaceAfter=No`.
    pub fn no_space_after(&self) -> bool {
        self.misc.split('|').any(|item| item == "SpaceAfter=No")
    }
}

/// A sentence as written: its comment lines and its rows, in file order.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Sentence {
    /// The 1-based line number where the sentence starts in the parsed text (0 when the
    /// sentence was not read from a file). Kept for error messages.
    pub line: usize,
    /// Comment lines, each with its leading `#`, without the line break.
    pub comments: Vec<String>,
    pub rows: Vec<Row>,
}

impl Sentence {
    /// The word rows (no range lines, no empty nodes), in order.
    pub fn words(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.is_word())
    }

    pub fn word_count(&self) -> usize {
        self.words().count()
    }

    /// The value of a `# key = value` comment.
    pub fn comment_value(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let (k, v) = c.strip_prefix('#')?.split_once('=')?;
            (k.trim() == key).then(|| v.trim())
        })
    }

    pub fn sent_id(&self) -> Option<&str> {
        self.comment_value("sent_id")
    }

    pub fn text(&self) -> Option<&str> {
        self.comment_value("text")
    }

    /// True for a `# newdoc` comment, with or without an id.
    pub fn starts_document(&self) -> bool {
        self.has_marker("newdoc")
    }

    /// True for a `# newpar` comment, with or without an id.
    pub fn starts_paragraph(&self) -> bool {
        self.has_marker("newpar")
    }

    fn has_marker(&self, marker: &str) -> bool {
        self.comments.iter().any(|c| {
            let Some(rest) = c.strip_prefix('#').map(str::trim_start) else {
                return false;
            };
            match rest.strip_prefix(marker) {
                Some(after) => after.is_empty() || after.starts_with([' ', '\t', '=']),
                None => false,
            }
        })
    }
}

/// A malformed CoNLL-U input: the 1-based line and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for Error {}

fn error(line: usize, message: impl Into<String>) -> Error {
    Error {
        line,
        message: message.into(),
    }
}

const COLUMN_NAMES: [&str; 10] = [
    "ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC",
];

/// Parses CoNLL-U text.
///
/// Accepts what the format allows and checks the structure: ten non-empty columns, word ids
/// 1, 2, 3… in order, multiword ranges that start at the next word and do not overlap or run
/// past the sentence, empty nodes numbered in order after their word, and heads that are
/// `_` or a word of the sentence. Tree shape (one root, no cycles) is left to the caller:
/// the evaluation checks it. Two leniencies, which make [`write`] differ from the input:
/// `\r\n` line ends are read as `\n`, and the last sentence may lack its blank line.
pub fn parse(text: &str) -> Result<Vec<Sentence>, Error> {
    let mut sentences = Vec::new();
    let mut current = SentenceBuilder::default();
    let mut line_no = 0;
    for raw_line in text.split_inclusive('\n') {
        line_no += 1;
        let line = raw_line.strip_suffix('\n').unwrap_or(raw_line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            if current.sentence.rows.is_empty() {
                return Err(if current.sentence.comments.is_empty() {
                    error(
                        line_no,
                        "unexpected blank line: sentences are separated by exactly one blank line",
                    )
                } else {
                    error(line_no, "comment lines with no sentence after them")
                });
            }
            sentences.push(std::mem::take(&mut current).finish()?);
        } else if line.starts_with('#') {
            if !current.sentence.rows.is_empty() {
                return Err(error(
                    line_no,
                    "comment line inside a sentence (comments go before the first word line)",
                ));
            }
            if current.sentence.comments.is_empty() {
                current.sentence.line = line_no;
            }
            current.sentence.comments.push(line.to_string());
        } else {
            if current.sentence.rows.is_empty() && current.sentence.comments.is_empty() {
                current.sentence.line = line_no;
            }
            current.push_row(line, line_no)?;
        }
    }
    if !current.sentence.rows.is_empty() {
        sentences.push(current.finish()?);
    } else if !current.sentence.comments.is_empty() {
        return Err(error(line_no, "comment lines with no sentence after them"));
    }
    Ok(sentences)
}

/// Collects a sentence's lines and checks their numbering as they come.
#[derive(Default)]
struct SentenceBuilder {
    sentence: Sentence,
    words: usize,
    /// The last word of the latest multiword range, and that range's line.
    open_range: Option<(usize, usize)>,
    /// The latest empty node's id.
    last_empty: Option<(usize, usize)>,
    /// Each word's head and line, checked against the word count once it is known.
    heads: Vec<(usize, usize)>,
}

impl SentenceBuilder {
    fn push_row(&mut self, line: &str, line_no: usize) -> Result<(), Error> {
        let mut columns = [""; 10];
        let mut count = 0;
        for column in line.split('\t') {
            if count < 10 {
                columns[count] = column;
            }
            count += 1;
        }
        if count != 10 {
            return Err(error(
                line_no,
                format!("expected 10 tab-separated columns, found {count}"),
            ));
        }
        if let Some(i) = columns.iter().position(|c| c.is_empty()) {
            return Err(error(
                line_no,
                format!(
                    "column {} ({}) is empty; use `_` for no value",
                    i + 1,
                    COLUMN_NAMES[i]
                ),
            ));
        }
        let id = parse_id(columns[0]).ok_or_else(|| {
            error(
                line_no,
                format!(
                    "bad ID `{}`: expected a word number (3), a range (3-4) or an empty node (3.1)",
                    columns[0]
                ),
            )
        })?;
        let head = match columns[6] {
            "_" => None,
            h => Some(parse_number(h).ok_or_else(|| {
                error(
                    line_no,
                    format!("bad HEAD `{h}`: expected a word number, 0 for the root, or `_`"),
                )
            })?),
        };
        self.check_id(id, line_no)?;
        if let (Id::Word(i), Some(h)) = (id, head) {
            if h == i {
                return Err(error(line_no, format!("word {i} is its own head")));
            }
            self.heads.push((h, line_no));
        }
        self.sentence.rows.push(Row {
            id,
            form: columns[1].to_string(),
            lemma: columns[2].to_string(),
            upos: columns[3].to_string(),
            xpos: columns[4].to_string(),
            feats: columns[5].to_string(),
            head,
            deprel: columns[7].to_string(),
            deps: columns[8].to_string(),
            misc: columns[9].to_string(),
        });
        Ok(())
    }

    fn check_id(&mut self, id: Id, line_no: usize) -> Result<(), Error> {
        match id {
            Id::Word(i) => {
                if i != self.words + 1 {
                    return Err(error(
                        line_no,
                        format!("word ID {i} out of sequence: expected {}", self.words + 1),
                    ));
                }
                self.words = i;
            }
            Id::Range(first, last) => {
                if first >= last {
                    return Err(error(
                        line_no,
                        format!(
                            "bad multiword range {id}: the first word must come before the last"
                        ),
                    ));
                }
                if first != self.words + 1 {
                    return Err(error(
                        line_no,
                        format!(
                            "multiword range {id} out of sequence: it must start at the next word, {}",
                            self.words + 1
                        ),
                    ));
                }
                if let Some((end, _)) = self.open_range {
                    if end >= first {
                        return Err(error(
                            line_no,
                            format!("multiword range {id} overlaps the range ending at word {end}"),
                        ));
                    }
                }
                self.open_range = Some((last, line_no));
            }
            Id::Empty(major, minor) => {
                if major != self.words {
                    return Err(error(
                        line_no,
                        format!(
                            "empty node {id} out of sequence: it must follow word {major}, but the last word is {}",
                            self.words
                        ),
                    ));
                }
                let expected = match self.last_empty {
                    Some((m, n)) if m == major => n + 1,
                    _ => 1,
                };
                if minor != expected {
                    return Err(error(
                        line_no,
                        format!("empty node {id} out of sequence: expected {major}.{expected}"),
                    ));
                }
                self.last_empty = Some((major, minor));
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<Sentence, Error> {
        if self.words == 0 {
            return Err(error(self.sentence.line, "sentence has no word lines"));
        }
        if let Some((last, line_no)) = self.open_range {
            if last > self.words {
                return Err(error(
                    line_no,
                    format!(
                        "multiword range ends at word {last}, but the sentence has {} words",
                        self.words
                    ),
                ));
            }
        }
        for &(head, line_no) in &self.heads {
            if head > self.words {
                return Err(error(
                    line_no,
                    format!(
                        "HEAD {head} points outside the sentence, which has {} words",
                        self.words
                    ),
                ));
            }
        }
        Ok(self.sentence)
    }
}

/// A decimal number as CoNLL-U writes it: digits only, no leading zero.
fn parse_number(s: &str) -> Option<usize> {
    let canonical =
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'));
    if canonical {
        s.parse().ok()
    } else {
        None
    }
}

fn parse_id(s: &str) -> Option<Id> {
    if let Some((a, b)) = s.split_once('-') {
        Some(Id::Range(parse_positive(a)?, parse_positive(b)?))
    } else if let Some((a, b)) = s.split_once('.') {
        Some(Id::Empty(parse_number(a)?, parse_positive(b)?))
    } else {
        Some(Id::Word(parse_positive(s)?))
    }
}

fn parse_positive(s: &str) -> Option<usize> {
    parse_number(s).filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_and_print() {
        for s in ["1", "12", "3-4", "0.1", "8.2"] {
            assert_eq!(parse_id(s).unwrap().to_string(), s);
        }
        for s in [
            "0", "01", "1-", "-1", "a", "1.0", "1.2.3", "1-2-3", "+1", "",
        ] {
            assert_eq!(parse_id(s), None, "{s}");
        }
    }

    #[test]
    fn markers_need_a_word_boundary() {
        let s = Sentence {
            comments: vec!["# newparagraph".into(), "# newdoc id = x".into()],
            ..Sentence::default()
        };
        assert!(!s.starts_paragraph());
        assert!(s.starts_document());
    }
}
