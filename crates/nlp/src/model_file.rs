//! The model file format: a short text header naming the model kind and format version,
//! then the model serialised with bincode and compressed with DEFLATE.
//!
//! The header lets `dyad` refuse a file of the wrong kind or version with a clear message
//! instead of misreading it; the size limit on decoding keeps a damaged file from asking for
//! gigabytes of memory.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{bail, Context};
use bincode::Options;
use serde::{de::DeserializeOwned, Serialize};

const FORMAT_VERSION: u32 = 1;
/// No model may decode to more than this many bytes.
const DECODE_LIMIT: u64 = 1 << 30;

fn header(kind: &str) -> String {
    format!("dyad-model {kind} v{FORMAT_VERSION}\n")
}

fn options() -> impl Options {
    bincode::DefaultOptions::new().with_limit(DECODE_LIMIT)
}

/// Writes `model` to `path` (through a temporary file, so a failed write leaves no half file).
pub fn save<T: Serialize>(path: &Path, kind: &str, model: &T) -> anyhow::Result<()> {
    let bytes = options().serialize(model)?;
    let tmp = path.with_extension("tmp");
    {
        let file = std::fs::File::create(&tmp)
            .with_context(|| format!("cannot create {}", tmp.display()))?;
        let mut out = std::io::BufWriter::new(file);
        out.write_all(header(kind).as_bytes())?;
        let mut z = flate2::write::DeflateEncoder::new(out, flate2::Compression::best());
        z.write_all(&bytes)?;
        z.finish()?.flush()?;
    }
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Reads a model of the given kind from `path`.
pub fn load<T: DeserializeOwned>(path: &Path, kind: &str) -> anyhow::Result<T> {
    let data = std::fs::read(path).with_context(|| {
        format!(
            "cannot read the {kind} model {} (train the models with `dyad train`, or set DYAD_MODELS)",
            path.display()
        )
    })?;
    decode(&data, kind).with_context(|| format!("in model file {}", path.display()))
}

/// Decodes a model from the bytes of a model file.
pub fn decode<T: DeserializeOwned>(data: &[u8], kind: &str) -> anyhow::Result<T> {
    let want = header(kind);
    let Some(body) = data.strip_prefix(want.as_bytes()) else {
        let got = data.split(|&b| b == b'\n').next().unwrap_or_default();
        bail!(
            "not a {kind} model of format v{FORMAT_VERSION}: header is {:?}",
            String::from_utf8_lossy(&got[..got.len().min(60)])
        );
    };
    // Deserialising straight from the decompressor keeps the decompressed bytes from ever
    // being in memory at once beside the model they describe: loading peaks lower.
    let decoder = std::io::BufReader::with_capacity(
        1 << 16,
        flate2::read::DeflateDecoder::new(body).take(DECODE_LIMIT),
    );
    options()
        .deserialize_from(decoder)
        .context("the model's contents are damaged, or the compressed model is")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_damage() {
        let dir = std::env::temp_dir().join(format!("dyad-model-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("m.bin");
        let model: Vec<(String, u32)> = vec![("a".into(), 1), ("b".into(), 2)];
        save(&path, "test", &model).unwrap();
        let back: Vec<(String, u32)> = load(&path, "test").unwrap();
        assert_eq!(back, model);
        let err = load::<Vec<(String, u32)>>(&path, "other").unwrap_err();
        assert!(format!("{err:#}").contains("not a other model"));
        let mut bytes = std::fs::read(&path).unwrap();
        let n = bytes.len();
        bytes.truncate(n - 3);
        assert!(decode::<Vec<(String, u32)>>(&bytes, "test").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
