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
const PIECE_BYTES: usize = 256 * 1024;

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
/// right after a blank line.
pub fn pieces(text: &str, min: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = paragraph_break_after(text, start + min).unwrap_or(text.len());
        out.push(&text[start..end]);
        start = end;
    }
    out
}

/// The end of the first blank line (a newline, white space, a newline) at or after `from`.
fn paragraph_break_after(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
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

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn pieces_end_at_blank_lines_and_cover_the_text() {
        let text = "One.\nTwo.\n\nThree.\n \nFour.";
        assert_eq!(
            pieces(text, 1),
            vec!["One.\nTwo.\n\n", "Three.\n \n", "Four."]
        );
        assert_eq!(pieces(text, 100), vec![text]);
        assert_eq!(pieces("", 1), Vec::<&str>::new());
        assert_eq!(pieces("no break at all", 1), vec!["no break at all"]);
    }
}
