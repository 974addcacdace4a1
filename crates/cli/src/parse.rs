//! `dyad parse`: raw text in, CoNLL-U out.
//!
//! Long inputs are parsed and written in pieces cut at paragraph breaks, so memory stays
//! bounded by the piece, not the input. Cutting there changes nothing: the tokenizer never
//! lets a sentence cross a blank line.

use std::io::Write;
use std::path::PathBuf;

use crate::input::{read_text, ModelArgs};
use dyad_nlp::conllu::{DocumentWriter, WriteOptions};

#[derive(clap::Args)]
pub struct Args {
    /// Text file to parse; `-` or nothing reads standard input.
    file: Option<PathBuf>,
    #[command(flatten)]
    model: ModelArgs,
}

/// Pieces are cut at the first paragraph break after this many bytes.
const PIECE_BYTES: usize = 64 * 1024;

pub fn run(args: Args) -> anyhow::Result<()> {
    let (text, _name) = read_text(args.file.as_deref())?;
    let pipeline = args.model.load()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut writer = DocumentWriter::new(WriteOptions { annotations: true });
    for piece in pieces(&text, PIECE_BYTES) {
        let doc = pipeline.parse(piece);
        writer.write(&mut out, &doc)?;
    }
    out.flush()?;
    Ok(())
}

/// Cuts `text` into pieces of at least `min` bytes (the last may be shorter), each ending
/// right after a blank line. Text with no blank line for `4 * min` bytes is cut at a line
/// break instead, and text with no line break either (one huge line) at a space: a piece
/// never passes `4 * min` bytes by more than a character, so memory stays bounded whatever
/// the input. Only such pathological input has a sentence cut.
pub fn pieces(text: &str, min: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let from = (start + min).min(text.len());
        let limit = (start + 4 * min).min(text.len());
        let window = &text.as_bytes()[from..limit];
        let end = if limit == text.len() && paragraph_break_in(window).is_none() {
            text.len()
        } else {
            paragraph_break_in(window)
                .or_else(|| window.iter().position(|&b| b == b'\n').map(|i| i + 1))
                .or_else(|| window.iter().position(|&b| b == b' ').map(|i| i + 1))
                .map(|i| from + i)
                .unwrap_or_else(|| char_boundary_at_or_after(text, limit))
        };
        out.push(&text[start..end]);
        start = end;
    }
    out
}

/// The end of the first blank line (a newline, white space, a newline) in `bytes`.
fn paragraph_break_in(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                return Some(j + 1);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    None
}

fn char_boundary_at_or_after(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn pieces_end_at_blank_lines_and_cover_the_text() {
        let text = "aaa\n\nbbb\n \nccc";
        assert_eq!(pieces(text, 3), vec!["aaa\n\n", "bbb\n \n", "ccc"]);
        assert_eq!(pieces(text, 100), vec![text]);
        assert_eq!(pieces("", 1), Vec::<&str>::new());
        assert_eq!(pieces("no break at all", 100), vec!["no break at all"]);
    }

    #[test]
    fn without_blank_lines_pieces_end_at_line_breaks_then_spaces() {
        // Within reach of the end, the rest is one piece.
        assert_eq!(pieces("aa bb\ncc dd\nee", 2), vec!["aa bb\n", "cc dd\nee"]);
        assert_eq!(pieces("aa bb cc dd", 2), vec!["aa ", "bb cc dd"]);
        // One huge token is cut at a character boundary.
        let long = "é".repeat(20);
        let cut = pieces(&long, 3);
        assert_eq!(cut.concat(), long);
        assert!(cut.len() > 1 && cut.iter().all(|p| p.len() <= 4 * 3 + 1));
    }
}
