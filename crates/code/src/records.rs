//! Writing what the coder found as event records of the contract.

use dyad_text::{Document, Span};

use crate::coder::{Found, Party};
use crate::location::Places;
use crate::ontology::Ontology;
use crate::record::{Actor, Event, SentenceRef, TextSpan};

/// Turns found events into records. Events whose code the ontology does not know are dropped
/// (a user dictionary with a typo must not produce records that break the contract).
pub fn to_records(
    doc: &Document,
    doc_id: &str,
    published: Option<&str>,
    found: &[Found],
    places: &Places,
    ontology: &Ontology,
) -> Vec<Event> {
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let Some(info) = ontology.get(&f.code) else {
            continue;
        };
        let sentence = &doc.sentences[f.sentence];
        let source = actor(doc, &f.source);
        let target = f.target.as_ref().map(|t| actor(doc, t));
        let trigger = span(doc, f.trigger);
        let id = event_id(&[
            doc_id,
            &f.sentence.to_string(),
            &trigger.start.to_string(),
            &f.code,
            &source.code,
            &source.start.to_string(),
            target.as_ref().map_or("", |t| t.code.as_str()),
            &target.as_ref().map_or(0, |t| t.start).to_string(),
        ]);
        out.push(Event {
            id,
            doc_id: doc_id.to_string(),
            published: published.map(str::to_string),
            date: f.date.clone(),
            date_source: f.date_source.as_str().map(str::to_string),
            source,
            target,
            cameo: f.code.clone(),
            cameo_root: f.code[..2].to_string(),
            quad_class: info.quad_class,
            goldstein: info.goldstein,
            plover: info.plover.clone(),
            sentence: SentenceRef {
                index: f.sentence,
                text: doc.slice(sentence.span).to_string(),
                start: doc.char_offset(sentence.span.start),
                end: doc.char_offset(sentence.span.end),
            },
            trigger,
            location: crate::location::locate(doc, f, places),
            rule: f.rule.clone(),
        });
    }
    out
}

fn span(doc: &Document, s: Span) -> TextSpan {
    TextSpan {
        text: doc.slice(s).to_string(),
        start: doc.char_offset(s.start),
        end: doc.char_offset(s.end),
    }
}

fn actor(doc: &Document, p: &Party) -> Actor {
    let s = span(doc, p.span);
    Actor {
        text: s.text,
        start: s.start,
        end: s.end,
        code: p.actor.code.clone(),
        country: p.actor.country.clone(),
        sectors: p.actor.sectors.clone(),
        name: p.actor.name.clone(),
    }
}

/// A stable id: FNV-1a over the parts, as 16 hex digits. Same input, same id, on every
/// machine and version of Rust.
pub fn event_id(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}
