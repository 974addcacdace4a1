//! Synthetic coded documents for tests and benchmarks: deterministic for a seed and an index,
//! so a killed run can be repeated and compared. The actor codes are made up (`AAA`, `AAB`,
//! ...); the busiest are the first ones, as in real news where a few countries dominate.

use chrono::NaiveDate;
use dyad_code::record::{Actor, Event, Plover, SentenceRef, SourceDocument, TextSpan};

/// How synthetic documents are made.
#[derive(Clone, Debug)]
pub struct Synthetic {
    pub seed: u64,
    /// Number of distinct countries.
    pub countries: usize,
    pub events_per_document: usize,
    /// Events are dated within this many days from 2000-01-01.
    pub days: u32,
    /// Share of events that copy an event of neighbouring documents (duplicates to cluster).
    pub shared: f64,
}

impl Default for Synthetic {
    fn default() -> Synthetic {
        Synthetic {
            seed: 1,
            countries: 60,
            events_per_document: 10,
            days: 9000,
            shared: 0.3,
        }
    }
}

/// The made-up country code number `i`: `AAA`, `AAB`, ... (26³ codes).
pub fn country_code(i: usize) -> String {
    let i = i % (26 * 26 * 26);
    let letters = [i / 676, (i / 26) % 26, i % 26];
    letters.iter().map(|&l| (b'A' + l as u8) as char).collect()
}

/// The first day synthetic dates count from.
pub fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid date")
}

fn quad_of(root: u32) -> u8 {
    match root {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        _ => 4,
    }
}

impl Synthetic {
    /// Document number `i`: its source, sentence spans and events.
    pub fn document(&self, i: u64) -> (SourceDocument, Vec<(usize, usize)>, Vec<Event>) {
        let mut rng = fastrand::Rng::with_seed(self.seed ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let doc_id = format!("syn-{i}");
        let published = epoch() + chrono::Days::new(rng.u64(0..self.days as u64));
        let published = published.format("%Y-%m-%d").to_string();
        let mut text = String::new();
        let mut sentences = Vec::new();
        let mut events = Vec::new();
        for k in 0..self.events_per_document {
            // A shared event is drawn from a generator seeded by the group of four
            // neighbouring documents, so those documents report the same event.
            let mut event_rng = if rng.f64() < self.shared {
                fastrand::Rng::with_seed(self.seed ^ ((i / 4) << 8 | k as u64) ^ 0x5151)
            } else {
                fastrand::Rng::with_seed(rng.u64(..))
            };
            let r = &mut event_rng;
            let pick = |r: &mut fastrand::Rng| {
                let x = r.f64();
                ((x * x) * self.countries as f64) as usize
            };
            let s = pick(r);
            let mut t = pick(r);
            if t == s {
                t = (s + 1) % self.countries;
            }
            let actor = |r: &mut fastrand::Rng, c: usize, start: usize| {
                let country = country_code(c);
                let sectors: Vec<String> = match r.u8(0..4) {
                    0 => vec!["GOV".into()],
                    1 => vec!["GOV".into(), "MIL".into()],
                    _ => vec![],
                };
                let code = format!("{country}{}", sectors.concat());
                Actor {
                    text: format!("Actor {country}"),
                    start,
                    end: start + 9,
                    code,
                    country: Some(country),
                    sectors,
                    name: None,
                }
            };
            let root = r.u32(1..=20);
            let cameo = format!("{root:02}{}", r.u32(0..7));
            let day = epoch() + chrono::Days::new(r.u64(0..self.days as u64));
            let date = match r.u8(0..100) {
                0..=89 => day.format("%Y-%m-%d").to_string(),
                90..=96 => day.format("%Y-%m").to_string(),
                _ => day.format("%Y").to_string(),
            };
            let goldstein = (r.i32(-100..=100) as f64) / 10.0;
            let start = text.chars().count();
            let source = actor(r, s, start);
            let target = actor(r, t, start + 20);
            let sentence = format!(
                "Actor {} acted on Actor {} with code {cameo} on {date}.",
                country_code(s),
                country_code(t)
            );
            text.push_str(&sentence);
            let end = text.chars().count();
            text.push(' ');
            sentences.push((start, end));
            events.push(Event {
                id: format!("{doc_id}-{k}"),
                doc_id: doc_id.clone(),
                published: Some(published.clone()),
                date: Some(date),
                date_source: Some("text".into()),
                source,
                target: Some(target),
                quad_class: quad_of(root),
                cameo_root: cameo[..2].to_string(),
                cameo,
                goldstein,
                plover: Plover {
                    event: "CONSULT".into(),
                    mode: None,
                    context: vec![],
                },
                sentence: SentenceRef {
                    index: k,
                    text: sentence,
                    start,
                    end,
                },
                trigger: TextSpan {
                    text: "acted on".into(),
                    start: start + 10,
                    end: start + 18,
                },
                location: None,
                rule: "synthetic".into(),
            });
        }
        let doc = SourceDocument {
            id: doc_id,
            text,
            published: Some(published),
            title: Some(format!("Synthetic story {i}")),
            url: Some(format!("https://publisher{}.example/{i}", i % 50)),
            source: Some(format!("publisher{}", i % 50)),
        };
        (doc, sentences, events)
    }
}
