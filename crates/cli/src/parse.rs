//! `dyad parse`: raw text in, CoNLL-U out.

use std::io::Write;
use std::path::PathBuf;

use dyad_nlp::Pipeline;

use crate::input::read_text;

#[derive(clap::Args)]
pub struct Args {
    /// Text file to parse; `-` or nothing reads standard input.
    file: Option<PathBuf>,
    /// Folder of the models (default: $DYAD_MODELS, else the repository's models/).
    #[arg(long)]
    models: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let (text, _name) = read_text(args.file.as_deref())?;
    let pipeline = match &args.models {
        Some(dir) => Pipeline::load(dir)?,
        None => Pipeline::load_default()?,
    };
    let doc = pipeline.parse(&text);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    dyad_nlp::conllu::write_document(&mut out, &doc)?;
    out.flush()?;
    Ok(())
}
