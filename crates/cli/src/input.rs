//! Reading the text a command works on, from a file or standard input.
//!
//! Invalid UTF-8 does not stop a run: the input is decoded lossily (each bad sequence becomes
//! U+FFFD) and one warning names the input and the byte offset of the first bad sequence.

use std::io::Read;
use std::path::Path;

use anyhow::Context;
use dyad_nlp::Pipeline;

/// Where the models are and how the parser decodes: shared by the commands that parse.
#[derive(clap::Args, Debug)]
pub struct ModelArgs {
    /// Folder of the models (default: $DYAD_MODELS, else the repository's models/).
    #[arg(long)]
    pub models: Option<std::path::PathBuf>,
    /// Parser beam width (default: the model's; 1 is greedy, faster and less accurate).
    #[arg(long)]
    pub beam: Option<usize>,
    /// Drop beam items scoring this far below the best (default: the model's, chosen on
    /// development data; "inf" keeps the full beam).
    #[arg(long)]
    pub margin: Option<f32>,
}

impl ModelArgs {
    /// Loads the pipeline these arguments name.
    pub fn load(&self) -> anyhow::Result<Pipeline> {
        let mut pipeline = match &self.models {
            Some(dir) => Pipeline::load(dir)?,
            None => Pipeline::load_default()?,
        };
        pipeline.set_decoding(self.beam, self.margin);
        Ok(pipeline)
    }
}

/// Reads `path` (standard input for `-` or none) as text. Returns the text and a name for
/// messages.
pub fn read_text(path: Option<&Path>) -> anyhow::Result<(String, String)> {
    let (name, bytes) = match path {
        None => ("<stdin>".to_string(), read_stdin()?),
        Some(p) if p == Path::new("-") => ("<stdin>".to_string(), read_stdin()?),
        Some(p) => (
            p.display().to_string(),
            std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?,
        ),
    };
    let text = decode(&name, bytes);
    Ok((text, name))
}

fn read_stdin() -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    Ok(bytes)
}

/// Decodes bytes as UTF-8, replacing invalid sequences and warning once.
pub fn decode(name: &str, bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            eprintln!(
                "warning: {name}: invalid UTF-8 at byte offset {offset}; \
                 invalid sequences are replaced by U+FFFD"
            );
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}
