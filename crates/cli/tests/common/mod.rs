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

/// The records of `dyad code --no-store --format jsonl --date DATE EXTRA...` on a `.txt`
/// document holding `text`.
#[allow(dead_code)] // not every test file that includes this module codes text
pub fn code_text(text: &str, date: &str, extra: &[&str]) -> Vec<Value> {
    use std::io::Write;
    let mut file = tempfile::Builder::new()
        .suffix(".txt")
        .tempfile()
        .expect("temp file");
    file.write_all(text.as_bytes()).expect("written");
    let mut args = vec![
        OsStr::new("code"),
        OsStr::new("--no-store"),
        OsStr::new("--format"),
        OsStr::new("jsonl"),
        OsStr::new("-q"),
        OsStr::new("--date"),
        OsStr::new(date),
    ];
    args.extend(extra.iter().map(OsStr::new));
    args.push(file.path().as_os_str());
    dyad(args)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// Asserts that `dyad explain SENTENCE --date DATE` codes no event and drops exactly one,
/// found by a rule that begins with `rule`, for the reason `why` (the end of its line).
#[allow(dead_code)] // not every test file that includes this module explains
pub fn assert_explain_drops_one(sentence: &str, date: &str, rule: &str, why: &str) {
    let text = dyad(["explain", "--date", date, sentence]);
    let dropped: Vec<&str> = text.lines().filter(|l| l.contains("dropped")).collect();
    assert_eq!(dropped.len(), 1, "{text}");
    assert!(dropped[0].contains(rule), "{}", dropped[0]);
    assert!(dropped[0].ends_with(why), "{}", dropped[0]);
    assert!(text.contains("events:\n  none"), "{text}");
}
