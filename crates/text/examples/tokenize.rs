//! Prints the tokens of a text, one per line, with their byte offsets.
//!
//! ```text
//! cargo run -p dyad-text --example tokenize -- [--spans] [FILE]
//! ```
//!
//! Reads FILE, or standard input. The default output shows each sentence as a block of
//! `start end token` lines, with the words of a multiword token after it. `--spans` prints a
//! terse form for scripts: `S start end new_paragraph`, `T start end space_after`, and
//! `W start end form` lines.

use std::io::{self, BufWriter, Read, Write};

fn main() -> io::Result<()> {
    let mut spans = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--spans" => spans = true,
            "-h" | "--help" => {
                println!("usage: tokenize [--spans] [FILE]");
                return Ok(());
            }
            _ => path = Some(arg),
        }
    }
    let text = match path {
        Some(p) => std::fs::read_to_string(p)?,
        None => {
            let mut s = String::new();
            io::stdin().read_to_string(&mut s)?;
            s
        }
    };
    let doc = dyad_text::split(&text);
    let mut out = BufWriter::new(io::stdout().lock());
    for sentence in &doc.sentences {
        if spans {
            let (s, e) = (sentence.span.start, sentence.span.end);
            writeln!(out, "S {s} {e} {}", u8::from(sentence.new_paragraph))?;
        } else if sentence.new_paragraph {
            writeln!(out, "# new paragraph")?;
        }
        for token in &sentence.tokens {
            let (s, e) = (token.span.start, token.span.end);
            if spans {
                writeln!(out, "T {s} {e} {}", u8::from(token.space_after))?;
                for word in &sentence.words[token.words.clone()] {
                    writeln!(out, "W {} {} {}", word.span.start, word.span.end, word.form)?;
                }
                continue;
            }
            write!(out, "{s}\t{e}\t{}", doc.slice(token.span))?;
            if token.is_multiword() {
                let forms: Vec<&str> = sentence.words[token.words.clone()]
                    .iter()
                    .map(|w| w.form.as_str())
                    .collect();
                write!(out, "\t= {}", forms.join(" + "))?;
            }
            if !token.space_after {
                write!(out, "\t(no space after)")?;
            }
            writeln!(out)?;
        }
        if !spans {
            writeln!(out)?;
        }
    }
    out.flush()
}
