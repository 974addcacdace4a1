//! `dyad parse` end to end, on the bundled example and on bad input: nothing may crash, and
//! the output must stay valid CoNLL-U.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn dyad_parse(input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("parse")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dyad runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let data = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().expect("dyad finishes");
    writer.join().expect("writer").expect("input written");
    out
}

/// Checks the shape of CoNLL-U output: 10 columns, one root a sentence, heads in range.
fn assert_valid_conllu(text: &str) -> usize {
    let parsed = dyad_nlp::conllu::parse(text).expect("output parses as CoNLL-U");
    for s in &parsed {
        let words: Vec<_> = s.words().collect();
        let roots = words.iter().filter(|w| w.head == Some(0)).count();
        assert_eq!(roots, 1, "one root per sentence");
        assert!(words
            .iter()
            .all(|w| w.head.is_some_and(|h| h <= words.len())));
        assert!(s.sent_id().is_some() && s.text().is_some());
    }
    parsed.len()
}

#[test]
fn the_bundled_example_parses() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/news.txt");
    let text = common::dyad(["parse", path]);
    // The dateline is a sentence of its own.
    assert_eq!(assert_valid_conllu(&text), 7);
    assert!(
        text.contains("# sent_id = 1\n# text = GENEVA, March 3 —\n"),
        "{text}"
    );
    assert_eq!(text.matches("# newpar").count(), 4);
    // "didn't" is one token of two words; the period stays on "Gen." and "U.S.".
    assert!(text.contains("\n2-3\tdidn't\t_\t"), "{text}");
    assert!(text.contains("\n2\tdid\tdo\tAUX\tVBD\t"), "{text}");
    assert!(text.contains("\tGen.\t") && text.contains("\tU.S.\t"));
    assert!(text.contains("SpaceAfter=No"));
}

#[test]
fn empty_input_gives_empty_output() {
    let out = dyad_parse(b"");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let out = dyad_parse(b"  \n\n \t ");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_one_warning() {
    let out = dyad_parse(b"Talks resumed in Vienna.\xff\xfe Officials said.\xc3");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("warning").count(), 1, "{err}");
    assert!(
        err.contains("<stdin>") && err.contains("byte offset 24"),
        "{err}"
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert!(assert_valid_conllu(&text) >= 1);
    assert!(text.contains("Vienna"));
}

#[test]
fn nul_and_control_characters_do_not_break_the_output() {
    let out = dyad_parse(b"The\0 envoy\x07 met\x1b the\x0b minister\x0c.\r\nThen\x7f he left.");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert!(assert_valid_conllu(&text) >= 1);
    assert!(text.contains("envoy") && text.contains("minister"));
}

#[test]
fn a_long_line_without_punctuation_is_parsed() {
    // 200,000 words with no sentence break: linear algorithms finish in seconds.
    let line = "officials met again ".repeat(66_667);
    let out = dyad_parse(line.as_bytes());
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    let words = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    assert_eq!(words, 200_001);
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["parse", "/nonexistent/story.txt"])
        .output()
        .expect("dyad runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/story.txt"));
}
