//! The date of an event: the temporal expression attached to the event's clause, else the
//! dateline's date, else the publication date (issue 4, section 2).
//!
//! Attachment reads the parse: an expression counts for an event when its head word hangs
//! below the trigger (`obl:tmod`, `obl`, `nmod`, ... directly or through nouns) without
//! entering another clause, or else when it lies in the same clause. Expressions that name
//! a bound rather than the time of the event ("since May", "until Friday", "before the
//! vote") are not the event's date.

use chrono::NaiveDate;
use dyad_text::Sentence;

use crate::{Timex, TimexKind};

/// Where an event's date came from; the event record's `date_source`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSource {
    /// A temporal expression of the event's sentence.
    Text,
    Dateline,
    Published,
}

impl DateSource {
    /// The record's spelling: `"text"`, `"dateline"`, `"published"`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Text => "text",
            DateSource::Dateline => "dateline",
            DateSource::Published => "published",
        }
    }
}

/// An event's date and where it came from; both `None` when nothing dates it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventDate {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    pub source: Option<DateSource>,
    /// The index in the given expressions of the one used, for `DateSource::Text`.
    pub timex: Option<usize>,
}

/// Relations that start a new clause: an expression below one of them belongs to that
/// clause's event, not to the trigger above it.
const CLAUSE_RELATIONS: &[&str] = &[
    "ccomp",
    "xcomp",
    "advcl",
    "acl",
    "acl:relcl",
    "parataxis",
    "csubj",
    "conj",
    "root",
];

/// Words before an expression that make it a bound, not the event's time.
const BOUNDS: &[&str] = &[
    "since",
    "until",
    "till",
    "before",
    "after",
    "by",
    "from",
    "through",
    "throughout",
];

/// The date of the event whose trigger is word `trigger` (0-based) of `sentence`.
/// `timexes` are the document's expressions (byte spans into the text the sentence comes
/// from, as [`crate::tag`] returns them); `dateline` and `published` are the fallbacks.
pub fn date_for_event(
    sentence: &Sentence,
    trigger: usize,
    timexes: &[Timex],
    dateline: Option<NaiveDate>,
    published: Option<NaiveDate>,
) -> EventDate {
    let words = &sentence.words;
    let mut best: Option<((u8, usize, usize), usize, String)> = None;
    if trigger < words.len() {
        for (k, t) in timexes.iter().enumerate() {
            if !matches!(t.kind, TimexKind::Date | TimexKind::Time)
                || t.start < sentence.span.start
                || t.end > sentence.span.end
            {
                continue;
            }
            let Some(date) = t.event_date() else { continue };
            let covered: Vec<usize> = (0..words.len())
                .filter(|&i| words[i].span.start < t.end && t.start < words[i].span.end)
                .collect();
            let Some(&first) = covered.first() else {
                continue;
            };
            // The expression's head: the covered word whose head lies outside it.
            let Some(&head) = covered
                .iter()
                .find(|&&i| words[i].head == 0 || !covered.contains(&(words[i].head - 1)))
            else {
                continue;
            };
            let is_bound = |i: usize| BOUNDS.contains(&words[i].form.to_ascii_lowercase().as_str());
            let case_bound = (0..words.len()).any(|i| {
                words[i].head == head + 1
                    && words[i].deprel.as_str().starts_with("case")
                    && is_bound(i)
            });
            if first > 0 && is_bound(first - 1) || case_bound {
                continue;
            }
            let rank = match path_to(words, head, trigger) {
                Some(steps) => (0, steps),
                None if clause_of(words, head) == clause_of(words, trigger) => (1, 0),
                None => continue,
            };
            let key = (rank.0, rank.1, head.abs_diff(trigger));
            if best.as_ref().is_none_or(|(b, _, _)| key < *b) {
                best = Some((key, k, date));
            }
        }
    }
    if let Some((_, k, date)) = best {
        return EventDate {
            date: Some(date),
            source: Some(DateSource::Text),
            timex: Some(k),
        };
    }
    let fallback = |d: NaiveDate, s| EventDate {
        date: Some(d.format("%Y-%m-%d").to_string()),
        source: Some(s),
        timex: None,
    };
    match (dateline, published) {
        (Some(d), _) => fallback(d, DateSource::Dateline),
        (None, Some(d)) => fallback(d, DateSource::Published),
        (None, None) => EventDate {
            date: None,
            source: None,
            timex: None,
        },
    }
}

/// Steps up from `from` to `to` when `to` governs `from` within one clause.
fn path_to(words: &[dyad_text::Word], from: usize, to: usize) -> Option<usize> {
    let mut at = from;
    let mut steps = 0;
    while at != to {
        if CLAUSE_RELATIONS.contains(&words[at].deprel.as_str()) || words[at].head == 0 {
            return None;
        }
        at = words[at].head - 1;
        steps += 1;
        if steps > words.len() || at >= words.len() {
            return None;
        }
    }
    Some(steps)
}

/// The head of the clause holding word `i`.
fn clause_of(words: &[dyad_text::Word], i: usize) -> usize {
    let mut at = i;
    for _ in 0..words.len() {
        let w = &words[at];
        if w.head == 0 || w.head > words.len() || CLAUSE_RELATIONS.contains(&w.deprel.as_str()) {
            return at;
        }
        at = w.head - 1;
    }
    at
}
