//! Writing CoNLL-U: parsed sentences back exactly as read, and documents as `dyad parse`
//! prints them.

use std::io::{self, Write};

use dyad_text::{Document, Sentence as DocSentence, Word};

use super::{Id, Sentence};

/// Writes parsed sentences back. For input [`parse`](super::parse) accepted with `\n` line
/// ends and a final blank line, the output is the input, byte for byte.
pub fn write(out: &mut impl Write, sentences: &[Sentence]) -> io::Result<()> {
    let mut buf = String::with_capacity(8192);
    for sentence in sentences {
        buf.clear();
        push_sentence(&mut buf, sentence);
        out.write_all(buf.as_bytes())?;
    }
    Ok(())
}

/// [`write`] into a string.
pub fn to_string(sentences: &[Sentence]) -> String {
    let mut buf = String::new();
    for sentence in sentences {
        push_sentence(&mut buf, sentence);
    }
    buf
}

fn push_sentence(buf: &mut String, sentence: &Sentence) {
    for comment in &sentence.comments {
        buf.push_str(comment);
        buf.push('\n');
    }
    for row in &sentence.rows {
        match row.id {
            Id::Word(i) => push_number(buf, i),
            Id::Range(a, b) => {
                push_number(buf, a);
                buf.push('-');
                push_number(buf, b);
            }
            Id::Empty(a, b) => {
                push_number(buf, a);
                buf.push('.');
                push_number(buf, b);
            }
        }
        for column in [&row.form, &row.lemma, &row.upos, &row.xpos, &row.feats] {
            buf.push('\t');
            buf.push_str(column);
        }
        buf.push('\t');
        match row.head {
            Some(h) => push_number(buf, h),
            None => buf.push('_'),
        }
        for column in [&row.deprel, &row.deps, &row.misc] {
            buf.push('\t');
            buf.push_str(column);
        }
        buf.push('\n');
    }
    buf.push('\n');
}

/// What [`write_document_with`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteOptions {
    /// Write tags, lemmas, features and the dependency tree. When false those columns are
    /// `_` and every word hangs from the sentence's first word, which keeps the file valid
    /// for the evaluation while scoring only tokens, words and sentences.
    pub annotations: bool,
}

impl Default for WriteOptions {
    fn default() -> WriteOptions {
        WriteOptions { annotations: true }
    }
}

/// Writes a document as CoNLL-U, with all its annotations. See [`write_document_with`].
pub fn write_document(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    write_document_with(out, doc, WriteOptions::default())
}

/// [`write_document`] into a string.
pub fn document_to_string(doc: &Document) -> String {
    document_to_string_with(doc, WriteOptions::default())
}

/// [`write_document_with`] into a string.
pub fn document_to_string_with(doc: &Document, options: WriteOptions) -> String {
    let mut writer = DocumentWriter::new(options);
    let mut buf = String::new();
    for sentence in &doc.sentences {
        writer.push_sentence(&mut buf, doc, sentence);
    }
    buf
}

/// Writes a document as CoNLL-U: per sentence a `# newpar` line when it starts a paragraph,
/// `# sent_id = N` (counting from 1), `# text = …`, then a range line for each multiword
/// token followed by its words, and a line per word. MISC says `SpaceAfter=No` where the
/// token has no space after it.
///
/// The output always satisfies the CoNLL 2018 evaluation, whatever the document holds:
/// sentences without words are left out, tabs and line breaks in any field become spaces,
/// empty fields become `_`, a blank form falls back to the text under the word's span, and
/// the tree is repaired to have exactly one root, heads inside the sentence and no cycles
/// (extra roots and words in cycles or with impossible heads are attached to the root, with
/// the label `dep` if they had none or `root`).
pub fn write_document_with(
    out: &mut impl Write,
    doc: &Document,
    options: WriteOptions,
) -> io::Result<()> {
    DocumentWriter::new(options).write(out, doc)
}

impl DocumentWriter {
    /// Writes the sentences of `doc`, numbering on from the documents written before.
    pub fn write(&mut self, out: &mut impl Write, doc: &Document) -> io::Result<()> {
        let mut buf = String::with_capacity(8192);
        for sentence in &doc.sentences {
            buf.clear();
            self.push_sentence(&mut buf, doc, sentence);
            out.write_all(buf.as_bytes())?;
        }
        Ok(())
    }
}

/// Scratch space reused from sentence to sentence.
/// Writes documents as CoNLL-U one after another, numbering sentences on across them, so a
/// long input can be parsed and written piece by piece.
pub struct DocumentWriter {
    options: WriteOptions,
    tree: Tree,
    /// Sentences written so far: sentence ids run on without gaps over skipped ones.
    written: usize,
}

impl DocumentWriter {
    pub fn new(options: WriteOptions) -> DocumentWriter {
        DocumentWriter {
            options,
            tree: Tree::default(),
            written: 0,
        }
    }

    fn push_sentence(&mut self, buf: &mut String, doc: &Document, s: &DocSentence) {
        if s.words.is_empty() {
            return;
        }
        self.written += 1;
        if s.new_paragraph {
            buf.push_str("# newpar\n");
        }
        buf.push_str("# sent_id = ");
        push_number(buf, self.written);
        buf.push_str("\n# text = ");
        push_clean(buf, doc.text.get(s.span.range()).unwrap_or(""));
        buf.push('\n');

        self.tree.repair(&s.words, self.options.annotations);
        if tokens_cover_words(s) {
            for token in &s.tokens {
                if token.is_multiword() {
                    let (first, last) = (token.words.start + 1, token.words.end);
                    push_number(buf, first);
                    buf.push('-');
                    push_number(buf, last);
                    buf.push('\t');
                    match doc.text.get(token.span.range()) {
                        Some(text) if !is_blank(text) => push_clean(buf, text),
                        _ => {
                            for word in &s.words[token.words.clone()] {
                                push_clean(buf, &word.form);
                            }
                        }
                    }
                    buf.push_str("\t_\t_\t_\t_\t_\t_\t_\t");
                    buf.push_str(misc(token.space_after));
                    buf.push('\n');
                    for i in token.words.clone() {
                        self.push_word(buf, doc, s, i, "_");
                    }
                } else {
                    let i = token.words.start;
                    self.push_word(buf, doc, s, i, misc(token.space_after));
                }
            }
        } else {
            // The tokens do not partition the words (a bug upstream): fall back to one
            // token per word, which at least keeps every word and the tree.
            for i in 0..s.words.len() {
                self.push_word(buf, doc, s, i, "_");
            }
        }
        buf.push('\n');
    }

    fn push_word(&self, buf: &mut String, doc: &Document, s: &DocSentence, i: usize, misc: &str) {
        let word = &s.words[i];
        push_number(buf, i + 1);
        buf.push('\t');
        push_form(buf, doc, word);
        if self.options.annotations {
            buf.push('\t');
            push_field(buf, &word.lemma);
            buf.push('\t');
            buf.push_str(word.upos.as_str());
            buf.push('\t');
            push_field(buf, &word.xpos);
            buf.push('\t');
            push_field(buf, &word.feats);
        } else {
            buf.push_str("\t_\t_\t_\t_");
        }
        buf.push('\t');
        push_number(buf, self.tree.heads[i]);
        buf.push('\t');
        if !self.options.annotations {
            buf.push('_');
        } else if self.tree.reattached[i] {
            let label = word.deprel.as_str();
            if i == self.tree.root {
                buf.push_str("root");
            } else if label == "_" || label == "root" {
                buf.push_str("dep");
            } else {
                push_field(buf, label);
            }
        } else if i == self.tree.root && word.deprel.0.is_empty() {
            buf.push_str("root");
        } else {
            push_field(buf, word.deprel.as_str());
        }
        buf.push_str("\t_\t");
        buf.push_str(misc);
        buf.push('\n');
    }
}

fn misc(space_after: bool) -> &'static str {
    if space_after {
        "_"
    } else {
        "SpaceAfter=No"
    }
}

/// True when the tokens' word ranges are non-empty, in order and cover every word once.
fn tokens_cover_words(s: &DocSentence) -> bool {
    let mut next = 0;
    for token in &s.tokens {
        if token.words.start != next || token.words.end <= token.words.start {
            return false;
        }
        next = token.words.end;
    }
    next == s.words.len()
}

/// The heads written for a sentence: the words' own, repaired into a tree if needed.
#[derive(Default)]
struct Tree {
    /// 1-based heads, 0 for the root.
    heads: Vec<usize>,
    /// Words whose head had to change.
    reattached: Vec<bool>,
    root: usize,
    /// Walk state per word while looking for cycles: unvisited, on the current path, done.
    state: Vec<u8>,
    /// The words of the current walk.
    path: Vec<usize>,
}

const UNVISITED: u8 = 0;
const ON_PATH: u8 = 1;
const DONE: u8 = 2;

impl Tree {
    /// Fills the heads from `words`, or a flat tree when `use_heads` is false.
    fn repair(&mut self, words: &[Word], use_heads: bool) {
        let n = words.len();
        self.heads.clear();
        self.reattached.clear();
        self.reattached.resize(n, false);
        // usize::MAX marks a head that cannot stand (outside the sentence, or the word itself).
        self.heads
            .extend(words.iter().enumerate().map(|(i, w)| match w.head {
                _ if !use_heads => 0,
                h if h > n || h == i + 1 => usize::MAX,
                h => h,
            }));
        self.root = self.heads.iter().position(|&h| h == 0).unwrap_or(0);
        for i in 0..n {
            let h = &mut self.heads[i];
            if i == self.root {
                if *h != 0 {
                    *h = 0;
                    self.reattached[i] = true;
                }
            } else if *h == 0 || *h == usize::MAX {
                *h = self.root + 1;
                // A flat tree for tokenization only is intended, not a repair.
                self.reattached[i] = use_heads;
            }
        }

        // Every head is now a word of the sentence, so following heads from any word
        // either reaches the root or loops; cut each loop by attaching one of its words
        // to the root.
        self.state.clear();
        self.state.resize(n, UNVISITED);
        self.state[self.root] = DONE;
        for start in 0..n {
            let mut j = start;
            self.path.clear();
            while self.state[j] == UNVISITED {
                self.state[j] = ON_PATH;
                self.path.push(j);
                j = self.heads[j] - 1;
            }
            if self.state[j] == ON_PATH {
                self.heads[j] = self.root + 1;
                self.reattached[j] = true;
            }
            for &k in &self.path {
                self.state[k] = DONE;
            }
        }
    }
}

/// Characters the CoNLL 2018 evaluation strips from forms: Unicode category Zs.
pub(crate) fn is_space_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// True when nothing would remain of `s` once white space is dropped.
fn is_blank(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || is_space_separator(c))
}

/// The word's form, else the text under its span, else `_`: a form must not be blank.
fn push_form(buf: &mut String, doc: &Document, word: &Word) {
    if !is_blank(&word.form) {
        push_clean(buf, &word.form);
    } else {
        match doc.text.get(word.span.range()) {
            Some(text) if !is_blank(text) => push_clean(buf, text),
            _ => buf.push('_'),
        }
    }
}

/// A column value: `_` when empty, and no tabs or line breaks.
fn push_field(buf: &mut String, value: &str) {
    if value.is_empty() {
        buf.push('_');
    } else {
        push_clean(buf, value);
    }
}

/// Appends `s` with tabs and line breaks, which would break the line structure, as spaces.
fn push_clean(buf: &mut String, s: &str) {
    let breaks = |b: u8| matches!(b, b'\t' | b'\n' | b'\r');
    if !s.bytes().any(breaks) {
        buf.push_str(s);
        return;
    }
    buf.extend(s.chars().map(|c| match c {
        '\t' | '\n' | '\r' => ' ',
        c => c,
    }));
}

fn push_number(buf: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        buf.push(d as char);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for n in [0, 7, 10, 12345, usize::MAX] {
            let mut s = String::new();
            push_number(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }

    fn heads(words: &[usize]) -> (Vec<usize>, Vec<bool>, usize) {
        let words: Vec<Word> = words
            .iter()
            .map(|&h| {
                let mut w = Word::new("x", Default::default());
                w.head = h;
                w
            })
            .collect();
        let mut tree = Tree::default();
        tree.repair(&words, true);
        (tree.heads, tree.reattached, tree.root)
    }

    #[test]
    fn valid_trees_are_kept() {
        assert_eq!(heads(&[2, 0, 2]), (vec![2, 0, 2], vec![false; 3], 1));
    }

    #[test]
    fn extra_roots_and_bad_heads_go_to_the_first_root() {
        let (h, r, root) = heads(&[0, 0, 9, 3]);
        assert_eq!(root, 0);
        assert_eq!(h, vec![0, 1, 1, 3]);
        assert_eq!(r, vec![false, true, true, false]);
    }

    #[test]
    fn cycles_are_cut() {
        // 1 -> 2 -> 3 -> 1, 4 -> 3, no root.
        let (h, _, root) = heads(&[2, 3, 1, 3]);
        assert_eq!(root, 0);
        assert_eq!(h, vec![0, 3, 1, 3]);
        // 1 root, 2 <-> 3, 4 -> 2: the loop is cut where the walk from 2 closes it.
        let (h, r, _) = heads(&[0, 3, 2, 2]);
        assert_eq!(h, vec![0, 1, 2, 2]);
        assert_eq!(r, vec![false, true, false, false]);
    }
}
