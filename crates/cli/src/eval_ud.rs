//! `dyad eval-ud`: the CoNLL 2018 UD metrics of a system CoNLL-U file against gold, or of
//! dyad's own analysis of the gold file's text.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use clap::ArgGroup;
use dyad_nlp::conllu::{self, WriteOptions};
use dyad_nlp::eval::{self, EvalError, Side};
use dyad_text::{Document, Tokenizer, Word};

#[derive(clap::Args, Debug)]
#[command(group(ArgGroup::new("mode").required(true).args(["system", "raw", "gold_tok"])))]
pub struct Args {
    /// The gold CoNLL-U file.
    #[arg(long, value_name = "GOLD.conllu")]
    pub gold: PathBuf,

    /// Score this system CoNLL-U file.
    #[arg(long, value_name = "SYS.conllu")]
    pub system: Option<PathBuf>,

    /// Rebuild the gold file's raw text, run dyad's whole pipeline on it and score the result.
    #[arg(long)]
    pub raw: bool,

    /// With --raw: run the tokenizer only, no models, and report Tokens, Sentences and Words.
    // Exactly one mode is required, so ruling out the other two means --raw. (`requires`
    // would not do: a flag's default `false` counts as present.)
    #[arg(long, conflicts_with_all = ["system", "gold_tok"])]
    pub tokenize_only: bool,

    /// Keep the gold tokens, words and sentences, and score dyad's tags, lemmas and trees on
    /// them (the "gold tokenization" setting).
    #[arg(long)]
    pub gold_tok: bool,

    /// Also write the CoNLL-U that dyad produced (with --raw or --gold-tok) to this file.
    #[arg(long, value_name = "PATH", conflicts_with = "system")]
    pub save_system: Option<PathBuf>,

    /// Print one JSON object (scores in percent, and counts) instead of the table.
    #[arg(long)]
    pub json: bool,

    #[command(flatten)]
    pub model: crate::input::ModelArgs,
}

pub fn run(args: Args) -> Result<()> {
    print!("{}", report(&args)?);
    Ok(())
}

/// What `run` prints.
fn report(args: &Args) -> Result<String> {
    let gold = read_utf8(&args.gold)?;
    let (system, system_name) = match &args.system {
        Some(path) => (read_utf8(path)?, path.display().to_string()),
        None => {
            let output = analyse(args, &gold)?;
            if let Some(path) = &args.save_system {
                std::fs::write(path, &output)
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            let name = match &args.save_system {
                Some(path) => format!("dyad's output ({})", path.display()),
                None => "dyad's output".to_string(),
            };
            (output, name)
        }
    };
    let metrics = eval::evaluate(&gold, &system)
        .map_err(|e| explain(e, &args.gold.display().to_string(), &system_name))?;
    let named = metrics.named();
    // Without tags or trees only the segmentation scores mean anything.
    let shown = if args.tokenize_only {
        &named[..3]
    } else {
        &named[..]
    };
    Ok(if args.json {
        eval::json(shown) + "\n"
    } else {
        eval::table(shown)
    })
}

/// dyad's CoNLL-U for the gold file, in the mode `args` asks for.
fn analyse(args: &Args, gold: &str) -> Result<String> {
    let sentences = conllu::parse(gold).map_err(|e| anyhow!("{}: {e}", args.gold.display()))?;
    if args.raw {
        let raw = conllu::raw_text(&sentences);
        if args.tokenize_only {
            return Ok(tokenize_only(&raw));
        }
        let pipeline = args.model.load()?;
        Ok(conllu::document_to_string(&pipeline.parse(&raw)))
    } else {
        let mut doc = gold_tokenization(&sentences);
        args.model.load()?.annotate(&mut doc);
        Ok(conllu::document_to_string(&doc))
    }
}

fn tokenize_only(raw: &str) -> String {
    let doc = Tokenizer::new().tokenize(raw);
    conllu::document_to_string_with(&doc, WriteOptions { annotations: false })
}

/// The gold document with everything but tokens, words and sentences taken away.
fn gold_tokenization(gold: &[conllu::Sentence]) -> Document {
    let mut doc = conllu::to_document(gold);
    for sentence in &mut doc.sentences {
        for word in &mut sentence.words {
            *word = Word::new(std::mem::take(&mut word.form), word.span);
        }
    }
    doc
}

/// Reads a file that must be UTF-8, naming the first bad byte otherwise.
fn read_utf8(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        anyhow!(
            "{}: invalid UTF-8 at byte offset {offset} (line {line})",
            path.display()
        )
    })
}

/// An evaluation error with the files named.
fn explain(error: EvalError, gold: &str, system: &str) -> anyhow::Error {
    let name = |side: Side| match side {
        Side::Gold => gold,
        Side::System => system,
    };
    match error {
        EvalError::Syntax { side, error } => anyhow!("{}: {error}", name(side)),
        EvalError::Invalid {
            side,
            line: 0,
            message,
        } => anyhow!("{}: {message}", name(side)),
        EvalError::Invalid {
            side,
            line,
            message,
        } => anyhow!("{}: line {line}: {message}", name(side)),
        mismatch @ EvalError::TextMismatch { .. } => {
            anyhow!("{mismatch}\n(gold: {gold}, system: {system})")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: Args,
    }

    fn parse(argv: &[&str]) -> Result<Args, clap::Error> {
        Cli::try_parse_from(std::iter::once("dyad").chain(argv.iter().copied())).map(|c| c.args)
    }

    const GOLD: &str = "# newdoc id = d
# newpar id = p1
# sent_id = 1
# text = I can't.
1\tI\tI\tPRON\tPRP\tCase=Nom\t2\tnsubj\t2:nsubj\t_
2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
2\tca\tcan\tAUX\tMD\tVerbForm=Fin\t0\troot\t0:root\t_
3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t2:advmod\t_
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t2:punct\t_

# newpar id = p2
# sent_id = 2
# text = Yes
1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_

";

    /// A file in the temporary folder, removed when dropped.
    struct TempFile(PathBuf);

    impl TempFile {
        fn new(name: &str, content: &[u8]) -> TempFile {
            let path =
                std::env::temp_dir().join(format!("dyad-eval-ud-{}-{name}", std::process::id()));
            std::fs::write(&path, content).unwrap();
            TempFile(path)
        }
        fn arg(&self) -> &str {
            self.0.to_str().unwrap()
        }
    }

    impl Drop for TempFile {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    #[test]
    fn exactly_one_mode() {
        assert!(parse(&["--gold", "g"]).is_err());
        assert!(parse(&["--gold", "g", "--system", "s", "--raw"]).is_err());
        assert!(parse(&["--gold", "g", "--raw", "--gold-tok"]).is_err());
        assert!(parse(&["--gold", "g", "--gold-tok", "--tokenize-only"]).is_err());
        assert!(parse(&["--gold", "g", "--system", "s", "--save-system", "x"]).is_err());
        let args = parse(&[
            "--gold",
            "g",
            "--raw",
            "--tokenize-only",
            "--save-system",
            "x",
        ])
        .unwrap();
        assert!(args.raw && args.tokenize_only && !args.json);
        assert!(
            parse(&["--gold", "g", "--system", "s", "--json"])
                .unwrap()
                .json
        );
    }

    #[test]
    fn gold_against_itself() {
        let gold = TempFile::new("self.conllu", GOLD.as_bytes());
        let args = parse(&["--gold", gold.arg(), "--system", gold.arg()]).unwrap();
        let table = report(&args).unwrap();
        assert!(table.contains("\nLAS        |    100.00 |    100.00 |    100.00 |    100.00\n"));
        let args = parse(&["--gold", gold.arg(), "--system", gold.arg(), "--json"]).unwrap();
        let json = report(&args).unwrap();
        assert!(
            json.starts_with("{\"Tokens\":{\"precision\":100,"),
            "{json}"
        );
        assert!(json.ends_with("}}\n"));
    }

    #[test]
    fn tokenize_only_writes_a_valid_file() {
        let gold = TempFile::new("tok.conllu", GOLD.as_bytes());
        let saved = TempFile::new("tok-system.conllu", b"");
        let args = parse(&[
            "--gold",
            gold.arg(),
            "--raw",
            "--tokenize-only",
            "--save-system",
            saved.arg(),
            "--json",
        ])
        .unwrap();
        let json = report(&args).unwrap();
        assert!(json.contains("\"Sentences\":{"), "{json}");
        assert!(
            json.contains("\"Words\":{") && !json.contains("UPOS"),
            "{json}"
        );
        let system = std::fs::read_to_string(&saved.0).unwrap();
        let sentences = conllu::parse(&system).unwrap();
        assert!(!sentences.is_empty());
        // No tags: every UPOS is `_`.
        assert!(sentences
            .iter()
            .flat_map(|s| s.words())
            .all(|w| w.upos == "_"));
        assert_eq!(
            conllu::raw_text(&sentences).replace(char::is_whitespace, ""),
            "Ican't.Yes"
        );
    }

    #[test]
    fn gold_tokenization_keeps_words_and_drops_annotations() {
        let doc = gold_tokenization(&conllu::parse(GOLD).unwrap());
        assert_eq!(doc.text, "I can't.\n\nYes");
        let words: Vec<&str> = doc.sentences[0]
            .words
            .iter()
            .map(|w| w.form.as_str())
            .collect();
        assert_eq!(words, ["I", "ca", "n't", "."]);
        assert_eq!(doc.sentences[0].tokens.len(), 3);
        for word in doc.sentences.iter().flat_map(|s| &s.words) {
            assert_eq!(word, &Word::new(word.form.clone(), word.span));
        }
    }

    #[test]
    fn errors_name_the_file() {
        let bad = TempFile::new("bad-utf8.conllu", b"# ok\n1\tx\xff");
        let err = read_utf8(&bad.0).unwrap_err().to_string();
        assert!(
            err.ends_with(": invalid UTF-8 at byte offset 8 (line 2)"),
            "{err}"
        );
        assert!(err.starts_with(bad.arg()));

        let gold = TempFile::new("g.conllu", GOLD.as_bytes());
        let broken = TempFile::new("broken.conllu", b"1\tx\n");
        let args = parse(&["--gold", gold.arg(), "--system", broken.arg()]).unwrap();
        let err = report(&args).unwrap_err().to_string();
        assert_eq!(
            err,
            format!(
                "{}: line 1: expected 10 tab-separated columns, found 2",
                broken.arg()
            )
        );

        let other = TempFile::new("other.conllu", GOLD.replace("Yes", "No").as_bytes());
        let args = parse(&["--gold", gold.arg(), "--system", other.arg()]).unwrap();
        let err = report(&args).unwrap_err().to_string();
        assert!(err.contains("(gold: \"Yes\", system: \"No\")"), "{err}");
    }
}
