//! The model file format: a short text header naming the model kind and format version,
//! then the model serialised with bincode and compressed with DEFLATE.
//!
//! The header lets `dyad` refuse a file of the wrong kind or version with a clear message
//! instead of misreading it; the size limit on decoding keeps a damaged file from asking for
//! gigabytes of memory.

use std::io::{BufRead, Read, Write};
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
///
/// The file is streamed through the decompressor, never read whole: a whole copy of a
/// 30 MB model would be one more buffer for the kernel to zero and fill, only to be
/// dropped a moment later.
pub fn load<T: DeserializeOwned>(path: &Path, kind: &str) -> anyhow::Result<T> {
    let file = std::fs::File::open(path).with_context(|| {
        format!(
            "cannot read the {kind} model {} (train the models with `dyad train`, or set DYAD_MODELS)",
            path.display()
        )
    })?;
    read(std::io::BufReader::with_capacity(1 << 16, file), kind)
        .with_context(|| format!("in model file {}", path.display()))
}

/// Decodes a model from a reader positioned at the start of a model file.
fn read<T: DeserializeOwned>(mut input: impl BufRead, kind: &str) -> anyhow::Result<T> {
    let want = header(kind);
    // The header is one line; a damaged file may have no newline for a long way, so the
    // line read is bounded.
    let mut got = Vec::with_capacity(want.len());
    (&mut input)
        .take(want.len() as u64)
        .read_until(b'\n', &mut got)
        .context("cannot read the model header")?;
    if got != want.as_bytes() {
        let first = got.split(|&b| b == b'\n').next().unwrap_or_default();
        bail!(
            "not a {kind} model of format v{FORMAT_VERSION}: header is {:?}",
            String::from_utf8_lossy(&first[..first.len().min(60)])
        );
    }
    // Deserialising straight from the decompressor keeps the decompressed bytes from ever
    // being in memory at once beside the model they describe: loading peaks lower.
    let decoder = std::io::BufReader::with_capacity(
        1 << 16,
        flate2::bufread::DeflateDecoder::new(input).take(DECODE_LIMIT),
    );
    options()
        .deserialize_from(decoder)
        .context("the model's contents are damaged, or the compressed model is")
}

/// Deserialises a long sequence into a vector allocated once at its stated length.
///
/// serde's own `Vec` reserves at most a megabyte up front, since a stated length may lie,
/// and then grows by doubling: for a table of millions of weights that is a chain of
/// copies into fresh memory the kernel must zero first. The model file states lengths
/// exactly, and the reservation is capped at the decoding limit, so a damaged length can
/// ask for no more than a well-formed file could fill.
pub(crate) fn presized_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    struct Presized<T>(std::marker::PhantomData<T>);
    impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Presized<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let most = DECODE_LIMIT as usize / std::mem::size_of::<T>().max(1);
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(most));
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_seq(Presized(std::marker::PhantomData))
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
        assert!(read::<Vec<(String, u32)>>(&bytes[..], "test").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn presized_arrays_read_back_and_refuse_a_false_length() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Saved {
            #[serde(deserialize_with = "presized_vec")]
            keys: Vec<u64>,
        }
        let bytes = options().serialize(&vec![7u64, 1 << 40, 3]).unwrap();
        let back: Saved = options().deserialize(&bytes).unwrap();
        assert_eq!(back.keys, vec![7, 1 << 40, 3]);
        // Longer than serde's own first reservation (1 MB): reserved once, at its length,
        // where doubling would leave it at 262,144.
        let long: Vec<u64> = (0..200_000).collect();
        let bytes = options().serialize(&long).unwrap();
        let back: Saved = options().deserialize(&bytes).unwrap();
        assert_eq!(back.keys, long);
        assert_eq!(back.keys.capacity(), 200_000);
        // A length of 2^40 followed by nothing: an error, not an attempt to reserve 8 TB.
        let mut damaged = vec![253u8];
        damaged.extend_from_slice(&(1u64 << 40).to_le_bytes());
        assert!(options().deserialize::<Saved>(&damaged).is_err());
    }
}
