//! What several end-to-end tests share: running `dyad code` and reading its records.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// Runs `dyad code --no-store --format jsonl` on `input` and returns its records, failing the
/// test with dyad's error output if it does not succeed.
pub fn code_jsonl(input: &Path) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["code", "--no-store", "--format", "jsonl", "-q"])
        .arg(input)
        .output()
        .expect("dyad runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("dyad writes UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}
