//! `dyad explain "SENTENCE"`: why something was, or was not, coded. Prints the parse, the
//! actors and dates found, every pattern tried with what it lacked, and the events.

use std::io::Write;

use dyad_code::SourceDocument;

use crate::code::CodingArgs;

#[derive(clap::Args)]
pub struct Args {
    /// The text to explain (one sentence or a few).
    pub text: String,
    #[command(flatten)]
    pub coding: CodingArgs,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let engine = args.coding.engine()?;
    let src = SourceDocument {
        id: "explain".into(),
        text: args.text.clone(),
        ..SourceDocument::default()
    };
    let coded = engine.code_traced(&src, args.coding.date, true);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let doc = &coded.doc;
    match coded.date {
        Some(d) => writeln!(out, "document date: {d}")?,
        None => writeln!(out, "document date: none (give --date)")?,
    }
    for (si, s) in doc.sentences.iter().enumerate() {
        writeln!(out, "\nsentence {si}: {}", doc.slice(s.span))?;
        writeln!(out, "  parse:")?;
        for (i, w) in s.words.iter().enumerate() {
            writeln!(
                out,
                "    {:>3} {:<16} {:<14} {:<6} {:>3} {}",
                i + 1,
                w.form,
                w.lemma,
                w.upos.as_str(),
                w.head,
                w.deprel
            )?;
        }
        writeln!(out, "  actors:")?;
        for m in &coded.mentions[si] {
            let words: Vec<&str> = m.words.clone().map(|i| s.words[i].form.as_str()).collect();
            for a in &m.actors {
                writeln!(
                    out,
                    "    {:<30} {:<12} {}",
                    words.join(" "),
                    a.code,
                    a.name.as_deref().unwrap_or("")
                )?;
            }
        }
        writeln!(out, "  dates:")?;
        for d in &coded.dates[si] {
            writeln!(
                out,
                "    {:<30} {}",
                &doc.text[d.start..d.end],
                d.date.as_deref().unwrap_or("(not a calendar date)")
            )?;
        }
        writeln!(out, "  patterns tried:")?;
        for a in coded.trace.iter().filter(|a| a.sentence == si) {
            writeln!(
                out,
                "    {:<16} {:<50} {}",
                s.words[a.word].form,
                a.rule,
                a.failure.as_deref().unwrap_or("matched")
            )?;
        }
    }
    writeln!(out, "\nevents:")?;
    if coded.events.is_empty() {
        writeln!(out, "  none")?;
    }
    for e in &coded.events {
        writeln!(
            out,
            "  {} {} → {} {} {} date {} ({})\n    rule: {}",
            e.cameo,
            e.source.code,
            e.target.as_ref().map_or("-", |t| t.code.as_str()),
            e.plover.event,
            e.trigger.text,
            e.date.as_deref().unwrap_or("-"),
            e.date_source.as_deref().unwrap_or("no date"),
            e.rule
        )?;
        writeln!(out, "    location: {}", location_line(e.location.as_ref()))?;
    }
    Ok(())
}

/// The location chosen and why, on one line: `Geneva → Geneva, CHE (46.20, 6.14), from the
/// event's clause`.
fn location_line(l: Option<&dyad_code::record::Location>) -> String {
    let Some(l) = l else {
        return "none (no place in the clause, no place as target, no dateline place)".into();
    };
    let point = match (l.lat, l.lon) {
        (Some(lat), Some(lon)) => format!("({lat:.2}, {lon:.2})"),
        _ => "(no coordinates)".into(),
    };
    let why = match l.via.as_deref() {
        Some("clause") => "from the event's clause",
        Some("target") => "the target is the place",
        Some("dateline") => "from the dateline",
        _ => "",
    };
    format!(
        "{} → {}, {} {point}, {why}",
        l.text,
        l.name.as_deref().unwrap_or("?"),
        l.country.as_deref().unwrap_or("?")
    )
}
