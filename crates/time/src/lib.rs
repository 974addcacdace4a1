//! Time: finds temporal expressions in raw text and normalises them to TIMEX3 values
//! against the document creation date (DCT).
//!
//! - [`tag`] finds every expression and resolves relative ones ("last month"), anaphoric
//!   ones ("a day before", against the previous date in the text) and bare weekdays and
//!   months (by the document date and the tense of nearby words).
//! - [`Timex::event_date`] gives the date an event record writes (`YYYY-MM-DD`, `YYYY-MM`
//!   or `YYYY`), never more precise than the text.
//! - [`parse_date_field`], [`html_published_date`] and [`dateline_date`] find the
//!   document's own date.
//! - [`date_for_event`] dates an event from the expression attached to its clause, else
//!   the dateline, else the publication date.
//! - [`eval`] scores [`tag`] on TimeML (TempEval-3).
//!
//! Works on raw text (no parser) so that it runs at tens of MB/s; the vocabulary lives in
//! `data/*.tsv`.

use chrono::{Datelike, NaiveDate};

pub mod attach;
mod docdate;
pub mod eval;
mod grammar;
mod lexicon;
mod point;
mod resolve;
mod tokens;

pub use attach::{date_for_event, DateSource, EventDate};
pub use docdate::{dateline_date, html_published_date, parse_date_field};
pub use point::Point;

/// The four TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexKind {
    /// The TIMEX3 name: DATE, TIME, DURATION, SET.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

/// A temporal expression: its byte span in the text, type, TIMEX3 value and modifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Byte offsets into the text, on character boundaries.
    pub start: usize,
    pub end: usize,
    pub kind: TimexKind,
    /// ISO 8601 / TIMEX3: `2022-10-21`, `2022-05`, `2022-W42`, `2022-Q3`, `P15M`,
    /// `2022-10-21TMO`, `PRESENT_REF`; `X` where a part is unknown (`XXXX-10-21`).
    pub value: String,
    /// START, MID, END, APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS.
    pub modifier: Option<String>,
}

impl Timex {
    /// The date as an event record writes it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, at the
    /// precision of the expression, for DATE and TIME values.
    ///
    /// - A week (or weekend) gives its month when it lies wholly inside one month, else
    ///   its year when it lies inside one year, else nothing.
    /// - A quarter, a half and a season give their year (winter, which spans two years,
    ///   gives nothing).
    /// - Decades, centuries, references (`PRESENT_REF`), unknown parts (`XXXX-10-21`),
    ///   durations and sets give nothing.
    pub fn event_date(&self) -> Option<String> {
        if !matches!(self.kind, TimexKind::Date | TimexKind::Time) {
            return None;
        }
        let date_part = self.value.split('T').next()?;
        let point = Point::parse(date_part)?;
        let ymd = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        match point {
            Point::Day(d) => Some(ymd(d)),
            Point::Month(y, m) => Some(format!("{y:04}-{m:02}")),
            Point::Year(y) | Point::Quarter(y, _) | Point::Half(y, _) => Some(format!("{y:04}")),
            Point::Season(y, s) => (s != point::Season::Winter).then(|| format!("{y:04}")),
            Point::Week(..) | Point::Weekend(..) => {
                let first = point.first_day()?;
                let last = first
                    + chrono::Duration::days(if matches!(point, Point::Week(..)) {
                        6
                    } else {
                        1
                    });
                if (first.year(), first.month()) == (last.year(), last.month()) {
                    Some(format!("{:04}-{:02}", first.year(), first.month()))
                } else if first.year() == last.year() {
                    Some(format!("{:04}", first.year()))
                } else {
                    None
                }
            }
            Point::Decade(_) | Point::Century(_) => None,
        }
    }
}

/// Finds and normalises every temporal expression of `text`. `dct` is the document
/// creation (publication) date; without it, relative expressions get values with unknown
/// parts (`XXXX-XX-XX`) and anaphoric ones resolve against explicit dates only.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    let lower = text.to_ascii_lowercase();
    let toks = tokens::tokenize(text);
    let g = grammar::Grammar::new(text, &lower, &toks);
    let mut r = resolve::Resolver {
        g: &g,
        dct,
        anchor: None,
        dated: Vec::new(),
        cursor: 0,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match g.match_at(i) {
            Some(f) if f.end > i => {
                if let Some(t) = r.resolve(&f, text) {
                    out.push(t);
                }
                i = f.end;
            }
            _ => i += 1,
        }
    }
    out
}
