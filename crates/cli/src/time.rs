//! `dyad time`: the temporal expressions of a text, normalised against its date.
//!
//! The document date is, in this order: the HTML metadata of the input (when it is a page),
//! its dateline ("WASHINGTON, Oct. 21 (AP) —"), then `--date`. With none, relative
//! expressions keep unknown parts (`XXXX-XX-XX`) and one warning says so.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use dyad_time::Timex;

#[derive(clap::Args)]
pub struct Args {
    /// Text file to read (standard input for `-` or none).
    input: Option<PathBuf>,
    /// The publication date of the text, YYYY-MM-DD (or RFC 3339).
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    /// One JSON object a line: text, start, end (character offsets), type, value, mod.
    Jsonl,
    /// An aligned table for reading.
    Table,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    dyad_time::parse_date_field(s).ok_or_else(|| format!("not a date (YYYY-MM-DD): {s:?}"))
}

#[derive(serde::Serialize)]
struct Line<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: &'a str,
    value: &'a str,
    #[serde(rename = "mod")]
    modifier: Option<&'a str>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let (text, name) = crate::input::read_text(args.input.as_deref())?;
    let dct = document_date(&text, args.date);
    if dct.is_none() {
        eprintln!(
            "warning: {name}: no document date (no metadata, no dateline, no --date); \
             relative expressions are left unresolved"
        );
    }
    let timexes = dyad_time::tag(&text, dct);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_timexes(&mut out, &text, &timexes, args.format).context("cannot write the output")?;
    out.flush().context("cannot write the output")
}

/// The date of a text: HTML metadata, then a dateline, then the date given.
pub fn document_date(text: &str, given: Option<NaiveDate>) -> Option<NaiveDate> {
    dyad_time::html_published_date(text)
        .or_else(|| dyad_time::dateline_date(text, given))
        .or(given)
}

fn write_timexes(
    out: &mut impl Write,
    text: &str,
    timexes: &[Timex],
    format: Format,
) -> std::io::Result<()> {
    // Character offsets, counted once through the text (the expressions are in order).
    let mut chars = 0;
    let mut at = 0;
    let mut char_offset = |byte: usize| {
        chars += text[at..byte].chars().count();
        at = byte;
        chars
    };
    if matches!(format, Format::Table) {
        writeln!(
            out,
            "{:>7} {:>7}  {:<8}  {:<16}  {:<13}  text",
            "start", "end", "type", "value", "mod"
        )?;
    }
    for t in timexes {
        let start = char_offset(t.start);
        let end = char_offset(t.end);
        let line = Line {
            text: &text[t.start..t.end],
            start,
            end,
            kind: t.kind.as_str(),
            value: &t.value,
            modifier: t.modifier.as_deref(),
        };
        match format {
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            }
            Format::Table => writeln!(
                out,
                "{:>7} {:>7}  {:<8}  {:<16}  {:<13}  {}",
                line.start,
                line.end,
                line.kind,
                line.value,
                line.modifier.unwrap_or("-"),
                line.text.replace(['\n', '\r'], " ")
            )?,
        }
    }
    Ok(())
}
