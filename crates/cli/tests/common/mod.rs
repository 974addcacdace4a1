//! What several end-to-end tests share: running `dyad` and reading what it writes.

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// Runs `dyad` with `args` and returns its standard output, failing the test with dyad's
/// error output if it does not succeed.
pub fn dyad<I, S>(args: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("dyad runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("dyad writes UTF-8")
}

/// The records of `dyad code --no-store --format jsonl` on `input`.
#[allow(dead_code)] // not every test file that includes this module codes documents
pub fn code_jsonl(input: &Path) -> Vec<Value> {
    let input = input.as_os_str();
    dyad([
        OsStr::new("code"),
        OsStr::new("--no-store"),
        OsStr::new("--format"),
        OsStr::new("jsonl"),
        OsStr::new("-q"),
        input,
    ])
    .lines()
    .map(|l| serde_json::from_str(l).expect("each line is JSON"))
    .collect()
}
