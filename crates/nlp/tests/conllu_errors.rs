//! Malformed CoNLL-U: an error naming the line and the fault, never a panic.

use dyad_nlp::{conllu, eval};

const GOOD: &str = "# newdoc id = d1
# sent_id = 1
# text = I don't know.
1\tI\tI\tPRON\tPRP\tCase=Nom|Number=Sing|Person=1|PronType=Prs\t4\tnsubj\t4:nsubj\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\tMood=Ind|Tense=Pres|VerbForm=Fin\t4\taux\t4:aux\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_
4\tknow\tknow\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No
4.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t4:conj\t_
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_

# sent_id = 2
1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_

";

/// Parses `text` expecting an error at `line` whose message contains `what`.
fn fails(text: &str, line: usize, what: &str) {
    match conllu::parse(text) {
        Ok(_) => panic!("parsed without error:\n{text}"),
        Err(e) => {
            assert_eq!(e.line, line, "{e}");
            assert!(e.message.contains(what), "{e:?} should mention {what:?}");
            assert!(e.to_string().starts_with(&format!("line {line}: ")));
        }
    }
}

/// GOOD with line `n` (1-based) replaced.
fn with_line(n: usize, replacement: &str) -> String {
    let mut lines: Vec<&str> = GOOD.split('\n').collect();
    lines[n - 1] = replacement;
    lines.join("\n")
}

#[test]
fn the_sample_is_good() {
    let sentences = conllu::parse(GOOD).unwrap();
    assert_eq!(sentences.len(), 2);
    assert_eq!(sentences[0].rows.len(), 7);
    assert_eq!(sentences[0].word_count(), 5);
    assert_eq!(sentences[1].line, 12);
    assert_eq!(conllu::to_string(&sentences), GOOD);
}

#[test]
fn wrong_column_counts() {
    fails(
        &with_line(4, "1\tI\tI\tPRON"),
        4,
        "expected 10 tab-separated columns, found 4",
    );
    fails(
        &with_line(4, "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_\t_"),
        4,
        "found 11",
    );
    // Spaces do not separate columns.
    fails(
        &with_line(10, "5 . . PUNCT . _ 4 punct 4:punct _"),
        10,
        "found 1",
    );
}

#[test]
fn empty_columns() {
    fails(
        &with_line(4, "1\tI\t\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_"),
        4,
        "column 3 (LEMMA) is empty",
    );
}

#[test]
fn bad_ids() {
    fails(
        &with_line(4, "one\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_"),
        4,
        "bad ID `one`",
    );
    fails(
        &with_line(4, "01\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_"),
        4,
        "bad ID `01`",
    );
    fails(
        &with_line(4, "2\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_"),
        4,
        "word ID 2 out of sequence: expected 1",
    );
    fails(
        &with_line(10, "6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_"),
        10,
        "expected 5",
    );
    fails(
        &with_line(5, "3-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_"),
        5,
        "bad multiword range 3-2",
    );
    fails(
        &with_line(5, "3-4\tdon't\t_\t_\t_\t_\t_\t_\t_\t_"),
        5,
        "must start at the next word, 2",
    );
    fails(
        &with_line(5, "2-9\tdon't\t_\t_\t_\t_\t_\t_\t_\t_"),
        5,
        "ends at word 9, but the sentence has 5 words",
    );
    fails(
        &with_line(9, "3.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t4:conj\t_"),
        9,
        "must follow word 3, but the last word is 4",
    );
    fails(
        &with_line(9, "4.2\tknow\tknow\tVERB\tVB\t_\t_\t_\t4:conj\t_"),
        9,
        "expected 4.1",
    );
}

#[test]
fn overlapping_ranges() {
    let text = "1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n2-3\tbc\t_\t_\t_\t_\t_\t_\t_\t_\n";
    fails(text, 3, "overlaps the range ending at word 2");
    let text = "1-3\tabc\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n2\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n3-4\tcd\t_\t_\t_\t_\t_\t_\t_\t_\n";
    fails(text, 4, "overlaps the range ending at word 3");
    let text = "1-3\tabc\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n2\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n3\tc\t_\t_\t_\t_\t1\tdep\t_\t_\n3-4\tcd\t_\t_\t_\t_\t_\t_\t_\t_\n";
    fails(text, 5, "must start at the next word, 4");
}

#[test]
fn bad_heads() {
    fails(
        &with_line(4, "1\tI\tI\tPRON\tPRP\t_\tfour\tnsubj\t4:nsubj\t_"),
        4,
        "bad HEAD `four`",
    );
    fails(
        &with_line(4, "1\tI\tI\tPRON\tPRP\t_\t-1\tnsubj\t4:nsubj\t_"),
        4,
        "bad HEAD `-1`",
    );
    fails(
        &with_line(4, "1\tI\tI\tPRON\tPRP\t_\t6\tnsubj\t4:nsubj\t_"),
        4,
        "HEAD 6 points outside the sentence, which has 5 words",
    );
    fails(
        &with_line(4, "1\tI\tI\tPRON\tPRP\t_\t1\tnsubj\t4:nsubj\t_"),
        4,
        "word 1 is its own head",
    );
}

#[test]
fn misplaced_blank_and_comment_lines() {
    fails(
        &GOOD.replace("\n\n# sent_id = 2", "\n\n\n# sent_id = 2"),
        12,
        "unexpected blank line",
    );
    fails(
        &with_line(6, "# a remark"),
        6,
        "comment line inside a sentence",
    );
    fails(
        "# sent_id = 1\n\n",
        2,
        "comment lines with no sentence after them",
    );
    fails(
        "# sent_id = 1\n",
        1,
        "comment lines with no sentence after them",
    );
    fails("\n", 1, "unexpected blank line");
    fails(
        "# c\n0.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
        1,
        "sentence has no word lines",
    );
}

#[test]
fn lenient_about_line_ends() {
    let crlf = GOOD.replace('\n', "\r\n");
    assert_eq!(conllu::parse(&crlf).unwrap(), conllu::parse(GOOD).unwrap());
    let unterminated = GOOD.trim_end_matches('\n');
    assert_eq!(
        conllu::parse(unterminated).unwrap(),
        conllu::parse(GOOD).unwrap()
    );
    assert_eq!(conllu::parse("").unwrap(), vec![]);
}

/// A small deterministic generator: the tests must not depend on a crate for randomness.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn mangled_input_never_panics() {
    let pieces = [
        "\t",
        "\n",
        "\n\n",
        "-",
        ".",
        "0",
        "1",
        "9",
        "_",
        "#",
        " ",
        "é",
        "\r",
        "SpaceAfter=No",
    ];
    let mut rng = Xorshift(0x9e37_79b9_7f4a_7c15);
    let mut parsed = 0;
    for _ in 0..20_000 {
        let mut text: Vec<char> = GOOD.chars().collect();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(text.len() + 1);
            match rng.below(3) {
                0 if at < text.len() => {
                    text.remove(at);
                }
                1 if at < text.len() => {
                    let end = (at + rng.below(12)).min(text.len());
                    text.drain(at..end);
                }
                _ => {
                    let piece = pieces[rng.below(pieces.len())];
                    for (k, c) in piece.chars().enumerate() {
                        text.insert(at + k, c);
                    }
                }
            }
        }
        let text: String = text.into_iter().collect();
        match conllu::parse(&text) {
            Ok(sentences) => {
                parsed += 1;
                let doc = conllu::to_document(&sentences);
                let written = conllu::document_to_string(&doc);
                // Whatever was read, the document written back must be valid and score 100
                // against itself.
                let m =
                    eval::evaluate(&written, &written).unwrap_or_else(|e| panic!("{e}\n{written}"));
                assert_eq!(m.las.f1(), 1.0);
                let _ = eval::evaluate(GOOD, &text);
                let _ = eval::evaluate(&text, GOOD);
            }
            Err(e) => assert!(e.line >= 1 && !e.message.is_empty()),
        }
    }
    assert!(
        parsed > 100,
        "only {parsed} mangled texts parsed: the test exercises too little"
    );
}
