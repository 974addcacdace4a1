//! `dyad time` end to end: exact JSONL (character offsets), the table, bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn dyad_time(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("time")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dyad runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let data = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().expect("dyad finishes");
    // A run that fails on its arguments may close its input unread.
    let _ = writer.join().expect("writer");
    out
}

#[test]
fn jsonl_with_character_offsets() {
    // "é" and "—" are several bytes but one character each.
    let text = "Café talks — the envoy said Friday they resumed last month after 15 months.\n\
                They last met on March 15, 2023. A day before, a drone fell.";
    let out = dyad_time(&["--date", "2024-06-25"], text.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{\"text\":\"Friday\",\"start\":28,\"end\":34,\"type\":\"DATE\",\"value\":\"2024-06-21\",\"mod\":null}\n\
         {\"text\":\"last month\",\"start\":48,\"end\":58,\"type\":\"DATE\",\"value\":\"2024-05\",\"mod\":null}\n\
         {\"text\":\"15 months\",\"start\":65,\"end\":74,\"type\":\"DURATION\",\"value\":\"P15M\",\"mod\":null}\n\
         {\"text\":\"March 15, 2023\",\"start\":93,\"end\":107,\"type\":\"DATE\",\"value\":\"2023-03-15\",\"mod\":null}\n\
         {\"text\":\"A day before\",\"start\":109,\"end\":121,\"type\":\"DATE\",\"value\":\"2023-03-14\",\"mod\":null}\n"
    );
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[28..34].iter().collect::<String>(), "Friday");
}

#[test]
fn modifiers_and_the_table() {
    let out = dyad_time(
        &["--date", "2022-10-21", "--format", "table"],
        b"Drones arrived at the end of August.",
    );
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "  start     end  type      value             mod            text\n     \
         18      35  DATE      2022-08           END            the end of August\n"
    );
}

#[test]
fn a_dateline_gives_the_date() {
    let out = dyad_time(
        &[],
        "WASHINGTON, Oct. 21 (AP) — They met Friday.".as_bytes(),
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // Without --date the dateline has no year: nothing to anchor it, one warning.
    assert!(text.contains("\"value\":\"XXXX-10-21\""), "{text}");
    let out = dyad_time(
        &["--date", "2022-10-22"],
        "WASHINGTON, Oct. 21 (AP) — They met Thursday.".as_bytes(),
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{\"text\":\"Oct. 21\",\"start\":12,\"end\":19,\"type\":\"DATE\",\"value\":\"2022-10-21\",\"mod\":null}\n\
         {\"text\":\"Thursday\",\"start\":36,\"end\":44,\"type\":\"DATE\",\"value\":\"2022-10-20\",\"mod\":null}\n"
    );
}

#[test]
fn no_date_warns_once() {
    let out = dyad_time(&[], b"They met Friday and again on Monday.");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("warning").count(), 1, "{err}");
    assert!(err.contains("no document date"), "{err}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{\"text\":\"Friday\",\"start\":9,\"end\":15,\"type\":\"DATE\",\"value\":\"XXXX-WXX-5\",\"mod\":null}\n\
         {\"text\":\"Monday\",\"start\":29,\"end\":35,\"type\":\"DATE\",\"value\":\"XXXX-WXX-1\",\"mod\":null}\n"
    );
}

#[test]
fn bad_input_never_crashes() {
    let out = dyad_time(
        &["--date", "2022-10-21"],
        b"Talks on Friday\xff\xfe ended.\xc3",
    );
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("warning").count(), 1, "{err}");
    assert!(
        err.contains("<stdin>") && err.contains("invalid UTF-8"),
        "{err}"
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{\"text\":\"Friday\",\"start\":9,\"end\":15,\"type\":\"DATE\",\"value\":\"2022-10-21\",\"mod\":null}\n"
    );
    let out = dyad_time(&["--date", "2022-10-21"], b"");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let out = dyad_time(
        &["--date", "2022-10-21"],
        &[0u8, 1, 2, 0xff, b'\n'].repeat(1000),
    );
    assert!(out.status.success());
    let out = dyad_time(&["--date", "21/10/2022"], b"Friday");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a date"));
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["time", "/nonexistent/file.txt"])
        .output()
        .expect("dyad runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/file.txt"));
}

#[test]
fn eval_time_never_lists_the_held_out_half() {
    let refusal = "Error: --errors would list AQUAINT half b, which is held out: use --part \
                   timebank, or --part aquaint --half a (AQUAINT's development half)\n";
    for args in [
        &["--part", "aquaint"][..],
        &["--part", "aquaint", "--half", "b"],
        &["--part", "all"],
        &["--part", "all", "--half", "b"],
    ] {
        // The folder does not exist: the refusal comes before any file is read.
        let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(["eval-time", "--dir", "/nonexistent/tbaq", "--errors"])
            .args(args)
            .output()
            .expect("dyad runs");
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with(refusal), "{args:?}: {stderr}");
    }
    // The development half is listed (here: the folder is missing, so reading fails).
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["eval-time", "--dir", "/nonexistent/tbaq", "--errors"])
        .args(["--part", "aquaint", "--half", "a"])
        .output()
        .expect("dyad runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.starts_with("Error: /nonexistent/tbaq/AQUAINT: "),
        "{stderr}"
    );
}

/// A reader that stops early (`dyad time news.txt | head`) ends dyad quietly, as it ends any
/// Unix filter: by SIGPIPE, with nothing on stderr (no panic, no "Broken pipe" error).
#[cfg(unix)]
#[test]
fn a_closed_output_ends_dyad_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["time", "--date", "2024-06-25"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dyad runs");
    // The reader goes away before dyad has read its input, so before it writes anything.
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().expect("stdin");
    let text = "They met on Friday. ".repeat(20_000);
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child.wait_with_output().expect("dyad finishes");
    let _ = writer.join().expect("writer");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    const SIGPIPE: i32 = 13;
    assert_eq!(out.status.signal(), Some(SIGPIPE), "{:?}", out.status);
}
