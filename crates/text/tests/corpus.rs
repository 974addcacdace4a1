//! Offsets hold on real text: the raw text of the whole of UD English EWT (train, dev and
//! test) and every story of the news corpus. For every token: its span slices the text,
//! spans increase without overlapping, only white space lies between tokens, each word's
//! form is the text of its span, and the words of a token cover it contiguously.
//!
//! The data live outside the project, in `../shared/data` beside the workspace; the test
//! fails with a clear message when they are missing rather than passing silently.

use std::path::PathBuf;

use dyad_text::{Document, Tokenizer};

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

fn read(relative: &str) -> String {
    let path = data_dir().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read test data {}: {e}. The corpus tests need the shared data folder \
             (UD English EWT and the news JSONL) at ../shared/data beside the workspace.",
            path.display()
        )
    })
}

/// The raw text of a CoNLL-U file as in the CoNLL 2018 shared task: paragraphs (and
/// documents) separated by a blank line, sentences of a paragraph by a space (none when the
/// last token has SpaceAfter=No), tokens by a space unless SpaceAfter=No. Multiword tokens
/// contribute their range line's form, not their words'.
fn conllu_raw_text(conllu: &str) -> String {
    let mut text = String::new();
    let mut space_pending = false;
    let mut inside_multiword_until = 0;
    for line in conllu.lines() {
        if line.starts_with("# newdoc") || line.starts_with("# newpar") {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            space_pending = false;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.is_empty() {
            inside_multiword_until = 0;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 10, "bad CoNLL-U line: {line}");
        let id = cols[0];
        if id.contains('.') {
            continue;
        }
        if let Some((_, last)) = id.split_once('-') {
            inside_multiword_until = last.parse().expect("multiword range");
        } else {
            let n: usize = id.parse().expect("word id");
            if n <= inside_multiword_until {
                continue;
            }
        }
        if space_pending {
            text.push(' ');
        }
        text.push_str(cols[1]);
        space_pending = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
    }
    text
}

/// Checks the offsets of every token and word of `doc`; returns the number of tokens.
fn check(doc: &Document, what: &str) -> usize {
    let text = &doc.text;
    let mut last_end = 0;
    let mut tokens = 0;
    for sentence in &doc.sentences {
        let first = sentence.tokens.first().expect("a sentence has tokens");
        let last = sentence.tokens.last().unwrap();
        assert_eq!(
            sentence.span.start, first.span.start,
            "{what}: sentence span"
        );
        assert_eq!(sentence.span.end, last.span.end, "{what}: sentence span");
        let mut next_word = 0;
        for token in &sentence.tokens {
            let (start, end) = (token.span.start, token.span.end);
            assert!(start < end, "{what}: empty token at {start}");
            assert!(
                start >= last_end,
                "{what}: token at {start} overlaps the previous one"
            );
            let slice = text
                .get(start..end)
                .unwrap_or_else(|| panic!("{what}: token {start}..{end} does not slice the text"));
            let between = &text[last_end..start];
            assert!(
                between.chars().all(|c| c.is_whitespace()
                    || c.is_control()
                    || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')),
                "{what}: text {between:?} before token {slice:?} belongs to no token"
            );
            assert_eq!(
                token.words.start, next_word,
                "{what}: words of {slice:?} not contiguous"
            );
            assert!(
                !token.words.is_empty(),
                "{what}: token {slice:?} has no word"
            );
            let mut pos = start;
            for word in &sentence.words[token.words.clone()] {
                assert_eq!(word.span.start, pos, "{what}: words do not cover {slice:?}");
                assert_eq!(
                    text.get(word.span.range()),
                    Some(word.form.as_str()),
                    "{what}: word form differs from its span in {slice:?}"
                );
                pos = word.span.end;
            }
            assert_eq!(pos, end, "{what}: words do not cover {slice:?}");
            next_word = token.words.end;
            last_end = end;
            tokens += 1;
        }
        assert_eq!(next_word, sentence.words.len(), "{what}: stray words");
    }
    tokens
}

#[test]
fn offsets_hold_on_all_of_ewt() {
    let tokenizer = Tokenizer::new();
    for split in ["train", "dev", "test"] {
        let file = format!("ud-english-ewt/en_ewt-ud-{split}.conllu");
        let raw = conllu_raw_text(&read(&file));
        assert!(raw.len() > 100_000, "{file}: raw text unexpectedly short");
        let tokens = check(&tokenizer.tokenize(&raw), &file);
        assert!(tokens > 20_000, "{file}: only {tokens} tokens");
    }
}

#[test]
fn offsets_hold_on_the_news_corpus() {
    let tokenizer = Tokenizer::new();
    let jsonl = read("news/te3-silver.jsonl");
    let mut stories = 0;
    for (n, line) in jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let story: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("news line {}: bad JSON: {e}", n + 1));
        for field in ["title", "text"] {
            if let Some(text) = story[field].as_str() {
                let what = format!("news line {} {field}", n + 1);
                check(&tokenizer.tokenize(text), &what);
            }
        }
        stories += 1;
    }
    assert!(stories > 2000, "only {stories} news stories");
}

#[test]
fn raw_text_rebuilds_as_in_conll_2018() {
    let conllu = "# newdoc id = d\n# newpar id = p\n# sent_id = 1\n# text = I can't.\n\
                  1\tI\tI\tPRON\t_\t_\t2\tnsubj\t_\t_\n\
                  2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
                  2\tca\tcan\tAUX\t_\t_\t0\troot\t_\t_\n3\tn't\tnot\tPART\t_\t_\t2\tadvmod\t_\t_\n\
                  4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n\
                  # sent_id = 2\n1\tYes\tyes\tINTJ\t_\t_\t0\troot\t_\t_\n\n\
                  # newpar id = q\n# sent_id = 3\n1\tNo\tno\tINTJ\t_\t_\t0\troot\t_\t_\n\n";
    assert_eq!(conllu_raw_text(conllu), "I can't. Yes\n\nNo");
}
