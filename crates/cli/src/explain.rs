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
    }
    Ok(())
}
