//! Recognition: the rules that find temporal expressions in a token stream and say what
//! they mean, before any date arithmetic. The vocabulary comes from the lexicon; the rules
//! (which word classes combine, in which order) are here.

use crate::lexicon::{lexicon, Entry, HolidayDate, Lexicon, Unit};
use crate::point::Season;
use crate::tokens::{Kind, Token};

/// A count: a number, or unspecified ("a few").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Count {
    N(u32),
    X,
}

/// Which occurrence a relative word selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    /// No word: the tense and the document date decide.
    Bare,
    /// "last", "past": the one before the document date.
    Last,
    /// "next", "coming": the one after.
    Next,
    /// "this", "current": the one holding the document date.
    This,
    /// "the previous": the one before the previous date in the text.
    Previous,
    /// "the following", "the next": the one after the previous date in the text.
    Following,
    /// "latest": the last complete one (quarters).
    Latest,
    /// "year-earlier", "year-ago": the same one a year before ("the year-ago quarter").
    YearAgo,
}

/// The meaning of an expression, before resolution against the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// An explicit calendar date, possibly without year or day.
    Cal {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// A holiday ("Thanksgiving"), in a year or not; `week`: the week holding it.
    Holiday {
        date: HolidayDate,
        year: Option<i32>,
        week: bool,
    },
    Weekday(u32, Rel),
    Month(u32, Rel),
    Season(Season, Option<i32>, Rel),
    /// A quarter (None: "the quarter") of a year.
    Quarter(Option<u32>, Option<i32>, Rel),
    Half(u32, Option<i32>, Rel),
    /// "this week", "last year", "the following day".
    UnitRel(Unit, Rel),
    /// yesterday (-1), today (0), tomorrow (1).
    DayRel(i64),
    /// "two days ago": back from the document date.
    Ago(Count, Unit),
    /// "five years from now": forward from the document date.
    Hence(Count, Unit),
    /// "a day before", "two weeks later": from the previous date in the text.
    Anaphor(Count, Unit, i64),
    /// "the following week", "the previous day": the unit after (1) or before (-1) the one
    /// holding the previous date in the text, at the unit's precision.
    Adjacent(Unit, i64),
    /// "six days before the invasion": from the date of an event named earlier; the token
    /// index of the noun.
    EventAnchored(Count, Unit, i64, usize),
    /// "the same period last year", "the corresponding quarter of 1997": the period under
    /// discussion in another year (`Some(year)`), or a year before (`None`); the noun
    /// says which kind of period ("month", "quarter", "half", "season"; "period" any).
    SamePeriod(Option<i32>, &'static str),
    Decade(i32),
    Century(i32),
    Ref(&'static str),
    Duration(Count, Unit),
    /// A duration whose value is already written ("a year and a half": P1Y6M).
    Amount(String),
    Set(String),
}

/// The value of n and a half units: P2Y6M, PT1M30S, P1.5W.
fn half_value(n: Count, u: Unit) -> Option<String> {
    let Count::N(n) = n else { return None };
    Some(match u {
        Unit::Year => format!("P{n}Y6M"),
        Unit::Month => format!("P{n}.5M"),
        Unit::Week => format!("P{n}.5W"),
        Unit::Day => format!("P{n}DT12H"),
        Unit::Hour => format!("PT{n}H30M"),
        Unit::Minute => format!("PT{n}M30S"),
        Unit::Decade => format!("P{}Y", n * 10 + 5),
        Unit::Century => format!("P{}Y", n * 100 + 50),
        _ => return None,
    })
}

/// A recognised expression: tokens `[start, end)`, meaning, modifiers, time of day.
#[derive(Clone, Debug)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub modifier: Option<&'static str>,
    /// "morning" (MO), ...
    pub daypart: Option<&'static str>,
    /// Hour and minute of a clock time.
    pub clock: Option<(u32, u32)>,
    /// Its seconds, when written ("08:17:00").
    pub seconds: Option<u32>,
}

pub struct Grammar<'a> {
    /// The lexicon entry of each word token, looked up once.
    entries: Vec<Option<&'static Entry>>,
    pub text: &'a str,
    /// `text` with ASCII letters in lower case (same byte offsets).
    pub lower: &'a str,
    pub toks: &'a [Token],
    lex: &'static Lexicon,
}

const EMPTY: &str = "";

impl<'a> Grammar<'a> {
    pub fn new(text: &'a str, lower: &'a str, toks: &'a [Token]) -> Self {
        let lex = lexicon();
        let mut g = Grammar {
            entries: Vec::new(),
            text,
            lower,
            toks,
            lex,
        };
        g.entries = (0..toks.len())
            .map(|i| match toks[i].kind {
                Kind::Word => lex.words.get(g.w(i)),
                _ => None,
            })
            .collect();
        g
    }

    /// The lower-case text of token `i` ("" past the end); curly apostrophes read as "'".
    pub fn w(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            None => EMPTY,
            Some(t) => {
                let s = &self.lower[t.start..t.end];
                if let Some(rest) = s.strip_prefix('\u{2019}') {
                    match rest {
                        "s" => "'s",
                        "ll" => "'ll",
                        _ => s,
                    }
                } else {
                    s
                }
            }
        }
    }

    pub fn e(&self, i: usize) -> Option<&'static Entry> {
        self.entries.get(i).copied().flatten()
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == s
    }

    /// Token `i` follows token `i - 1` with no space ("third-quarter").
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn num(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Number && t.end - t.start <= 9 {
            self.text[t.start..t.end].parse().ok()
        } else {
            None
        }
    }

    fn digits(&self, i: usize) -> usize {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Number)
            .map_or(0, |t| t.end - t.start)
    }

    /// A count: digits, number words ("twenty-four", "a"), or "a few" / "several".
    /// Returns the end token.
    fn count(&self, i: usize) -> Option<(usize, Count)> {
        if let Some(n) = self.num(i) {
            // Not part of a larger number ("1,000") or a decimal.
            if self.w(i + 1) == "," && self.num(i + 2).is_some() && self.glued(i + 1) {
                return None;
            }
            // The digits after a decimal point ("0.408 seconds", "13.21 seconds").
            if i > 1
                && self.w(i - 1) == "."
                && !self.toks[i].space_before
                && !self.toks[i - 1].space_before
                && self.toks[i - 2].kind == Kind::Number
            {
                return None;
            }
            if self.w(i + 1) == "." && self.num(i + 2).is_some() && self.glued(i + 2) {
                return None;
            }
            return Some((i + 1, Count::N(n)));
        }
        let e = self.e(i)?;
        if let Some(t) = e.tens {
            // twenty four, twenty-four
            let j = if self.is(i + 1, "-") && self.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Some(u) = self
                .e(j)
                .and_then(|e| e.number)
                .filter(|u| (1..=9).contains(u))
            {
                return Some((j + 1, Count::N(t + u)));
            }
            return Some((i + 1, Count::N(t)));
        }
        if e.fuzzy {
            return Some((i + 1, Count::X));
        }
        // "the next couple of years"
        if e.couple && self.is(i + 1, "of") {
            return Some((i + 2, Count::N(2)));
        }
        if matches!(self.w(i), "a" | "an") {
            if let Some(e2) = self.e(i + 1) {
                if e2.fuzzy && self.is(i + 1, "few") {
                    return Some((i + 2, Count::X));
                }
                if e2.couple {
                    let j = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                    return Some((j, Count::N(2)));
                }
                if self.is(i + 1, "hundred") || self.is(i + 1, "dozen") {
                    return Some((i + 2, Count::N(e2.number.unwrap_or(1))));
                }
            }
            return Some((i + 1, Count::N(1)));
        }
        let n = e.number?;
        if self.is(i + 1, "hundred") && n < 100 {
            return Some((i + 2, Count::N(n * 100)));
        }
        // "two thousand years"
        if self.is(i + 1, "thousand") && n < 100 && self.unit(i + 2).is_some() {
            return Some((i + 2, Count::N(n * 1000)));
        }
        Some((i + 1, Count::N(n)))
    }

    /// A unit word at `i` (with `-` glue allowed before it when `hyphen`).
    fn unit(&self, i: usize) -> Option<Unit> {
        self.e(i).and_then(|e| e.unit)
    }

    fn is_plural_unit(&self, i: usize) -> bool {
        self.w(i).ends_with('s')
    }

    /// A four-digit year at `i`.
    fn year(&self, i: usize) -> Option<i32> {
        if self.digits(i) == 4 {
            let y = self.num(i)? as i32;
            // Not an index level ("closed at 2082.1") nor part of a larger number.
            let decimal = matches!(self.w(i + 1), "." | ",")
                && self.glued(i + 1)
                && self
                    .toks
                    .get(i + 2)
                    .is_some_and(|t| t.kind == Kind::Number && !t.space_before);
            let continued = i > 1
                && matches!(self.w(i - 1), "." | ",")
                && !self.toks[i].space_before
                && !self.toks[i - 1].space_before
                && self.toks[i - 2].kind == Kind::Number;
            if (1000..=2199).contains(&y)
                && !self.w(i + 1).starts_with('%')
                && !decimal
                && !continued
            {
                return Some(y);
            }
        }
        None
    }

    /// A year in words: "nineteen ninety-six", "nineteen seventy-nine", "two thousand",
    /// "two thousand and four".
    fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        let century = match self.w(i) {
            "nineteen" => 1900,
            "eighteen" => 1800,
            // "two thousand years" is an amount.
            "two" if self.is(i + 1, "thousand") && self.unit(i + 2).is_some() => return None,
            "two" if self.is(i + 1, "thousand") => {
                let mut j = i + 2;
                if self.is(j, "and") {
                    j += 1;
                }
                return match self.count(j) {
                    Some((k, Count::N(n))) if n < 100 && !matches!(self.w(j), "a" | "an") => {
                        Some((k, 2000 + n as i32))
                    }
                    _ => Some((i + 2, 2000)),
                };
            }
            _ => return None,
        };
        let tens = self.e(i + 1)?.tens?;
        let (end, n) = match self.count(i + 1)? {
            (end, Count::N(n)) if n >= tens => (end, n),
            _ => return None,
        };
        Some((end, century + n as i32))
    }

    /// A month name, capitalised ("may" and "march" are verbs); an abbreviation also needs
    /// a period, a day or a year. A bare month after a capitalised name is a name too
    /// ("Theresa May", "Lady April").
    fn month(&self, i: usize) -> Option<(usize, u32, bool)> {
        let e = self.e(i)?;
        let m = e.month?;
        let t = self.toks[i];
        let mut j = i + 1;
        // "Oct." keeps its period; "June." ends a sentence.
        let dotted = e.month_abbr && self.is(j, ".") && self.glued(j);
        if dotted {
            j += 1;
        }
        let followed = self
            .num(j)
            .is_some_and(|d| (1..=31).contains(&d) || self.year(j).is_some());
        if e.month_abbr {
            if !(dotted || followed) || !t.capital {
                return None;
            }
        } else if !t.capital {
            return None;
        }
        if !followed && i > 0 {
            let p = self.toks[i - 1];
            let name_before = p.kind == Kind::Word
                && p.capital
                && !self.e(i - 1).is_some_and(|e| e.starter)
                && !matches!(
                    self.w(i - 1),
                    "in" | "since"
                        | "by"
                        | "until"
                        | "on"
                        | "during"
                        | "of"
                        | "from"
                        | "through"
                        | "before"
                        | "after"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "this"
                        | "next"
                );
            if name_before {
                return None;
            }
        }
        Some((j, m, followed))
    }

    fn day_number(&self, i: usize) -> Option<(usize, u32)> {
        // "March eighth"
        if let Some(d) = self
            .e(i)
            .and_then(|e| e.ordinal)
            .filter(|d| (1..=31).contains(d))
        {
            return Some((i + 1, d));
        }
        let d = self.num(i)?;
        if !(1..=31).contains(&d) || self.digits(i) > 2 {
            return None;
        }
        let mut j = i + 1;
        if matches!(self.w(j), "st" | "nd" | "rd" | "th") && self.glued(j) {
            j += 1;
        }
        // "21:30" is a time, not a day ("April 25: The court..." is a day).
        if self.is(j, ":") && self.glued(j) && self.digits(j + 1) == 2 && self.glued(j + 1) {
            return None;
        }
        Some((j, d))
    }

    /// Tries every rule at token `i`; the longest match wins.
    pub fn match_at(&self, i: usize) -> Option<Found> {
        let t = self.toks.get(i)?;
        // Quick rejection: most words begin nothing.
        match t.kind {
            Kind::Word if !self.e(i).is_some_and(|e| e.starter) => return None,
            Kind::Punct if !matches!(self.w(i), "'" | "\u{2019}") => return None,
            _ => {}
        }
        // Modifier phrases first: "the end of August", "at least 30 days".
        for (phrase, m) in &self.lex.modifiers {
            let n = phrase.len();
            if (0..n).all(|k| self.w(i + k) == phrase[k]) {
                let mut j = i + n;
                // "mid-1990s", "mid-November"
                if self.is(j, "-") && self.glued(j) {
                    j += 1;
                }
                if let Some(mut f) = self.core(j) {
                    let ok = if m.part {
                        !matches!(
                            f.expr,
                            Expr::Duration(..) | Expr::Amount(_) | Expr::Set(_) | Expr::Ref(_)
                        )
                    } else {
                        // Amounts take any amount modifier ("at least the past 18 months");
                        // dates and times only an approximation ("around Nov. 1").
                        matches!(f.expr, Expr::Duration(..) | Expr::Amount(_) | Expr::Ago(..))
                            || m.value == "APPROX"
                                && !matches!(f.expr, Expr::Set(_) | Expr::Ref(_))
                                && matches!(
                                    self.w(i),
                                    "around" | "about" | "approximately" | "roughly"
                                )
                    };
                    // "get around Wednesday's ruling": before a possessive date the word
                    // governs the noun after it, not the date.
                    let possessive = !m.part && self.is(f.end, "'s");
                    if ok && f.modifier.is_none() && !possessive {
                        f.start = i;
                        f.modifier = Some(m.value);
                        return Some(f);
                    }
                }
                // "the end of the year", "earlier in the month": the current one.
                if m.part && self.is(j, "the") && !self.is_plural_unit(j + 1) {
                    if let Some(u @ (Unit::Year | Unit::Month | Unit::Week)) = self.unit(j + 1) {
                        let mut f = self.found(i, j + 2, Expr::UnitRel(u, Rel::This))?;
                        f.modifier = Some(m.value);
                        return Some(f);
                    }
                    // "earlier in the day", "the end of the day": the day under discussion;
                    // not the idiom "at the end of the day".
                    let idiom = m.value == "END"
                        && (i > 0 && self.is(i - 1, "at")
                            || i > 1 && self.is(i - 1, "the") && self.is(i - 2, "at"));
                    if self.is(j + 1, "day") && !idiom {
                        let mut f =
                            self.found(i, j + 2, Expr::Anaphor(Count::N(0), Unit::Day, 1))?;
                        f.modifier = Some(m.value);
                        return Some(f);
                    }
                }
            }
        }
        self.core(i)
    }

    /// An expression without a leading modifier phrase.
    fn core(&self, i: usize) -> Option<Found> {
        let mut best: Option<Found> = None;
        let mut consider = |f: Option<Found>| {
            if let Some(f) = f {
                if best.as_ref().is_none_or(|b| f.end > b.end) {
                    best = Some(f);
                }
            }
        };
        consider(self.clock_time(i));
        consider(self.date(i));
        consider(self.relative(i));
        consider(self.amount(i));
        consider(self.set(i));
        consider(self.daypart_expr(i));
        let mut f = best?;
        // A clock after a written date: "02/27/1998 08:17:00", "08-16-90 2041EDT".
        if f.clock.is_none() && matches!(f.expr, Expr::Cal { day: Some(_), .. }) {
            if let Some((end, h, m, sec)) = self.bare_clock(f.end) {
                f.clock = Some((h, m));
                f.seconds = sec;
                f.end = end;
            }
        }
        // "Tuesday noon", "Friday midnight": a clock after a day.
        if f.daypart.is_none() && f.clock.is_none() && day_like(&f.expr) {
            let clock = match self.w(f.end) {
                "noon" => Some((12, 0)),
                "midnight" => Some((24, 0)),
                _ => None,
            };
            if clock.is_some() {
                f.clock = clock;
                f.end += 1;
            }
        }
        // A time of day after a date: "Friday morning", "yesterday afternoon".
        if f.daypart.is_none() && f.clock.is_none() && day_like(&f.expr) {
            if let Some(dp) = self.e(f.end).and_then(|e| e.daypart) {
                f.daypart = Some(dp);
                f.end += 1;
            }
        }
        // "the next year or so", "two weeks or so": approximately.
        if self.is(f.end, "or")
            && self.is(f.end + 1, "so")
            && matches!(
                f.expr,
                Expr::Duration(..)
                    | Expr::Amount(_)
                    | Expr::UnitRel(..)
                    | Expr::Anaphor(..)
                    | Expr::Adjacent(..)
            )
        {
            f.end += 2;
            f.modifier.get_or_insert("APPROX");
        }
        // "1994 or later", "1990 and beyond", "1985 or earlier": an open end.
        if let Expr::Cal { year: Some(_), .. } = f.expr {
            let open = match (self.w(f.end), self.w(f.end + 1)) {
                // Not "and later", which is mostly a conjunction ("and later served").
                ("or", "later" | "after" | "beyond") | ("and", "beyond") => Some("ON_OR_AFTER"),
                ("or", "earlier" | "before") => Some("ON_OR_BEFORE"),
                _ => None,
            };
            if let (Some(m), None) = (open, f.modifier) {
                f.end += 2;
                f.modifier = Some(m);
            }
        }
        Some(f)
    }

    fn found(&self, start: usize, end: usize, expr: Expr) -> Option<Found> {
        Some(Found {
            start,
            end,
            expr,
            modifier: None,
            daypart: None,
            clock: None,
            seconds: None,
        })
    }

    /// Calendar dates: "Oct. 21, 2022", "21 October", "October 2022", "2022-10-21",
    /// "Friday, Oct. 21", "1998", "the 1990s", "the third quarter of 1990", "summer".
    fn date(&self, i: usize) -> Option<Found> {
        let mut best: Option<Found> = None;
        let mut consider = |f: Option<Found>| {
            if let Some(f) = f {
                if best.as_ref().is_none_or(|b| f.end > b.end) {
                    best = Some(f);
                }
            }
        };
        consider(self.month_date(i));
        consider(self.month_rel(i));
        consider(self.numeric_date(i));
        consider(self.day_month(i));
        consider(self.weekday(i));
        consider(self.year_expr(i));
        consider(self.period(i));
        consider(self.holiday(i));
        consider(self.same_period(i));
        consider(self.range_end_day(i));
        best
    }

    /// A year in digits or in words; the end token and the year.
    fn year_written(&self, i: usize) -> Option<(usize, i32)> {
        self.year(i)
            .map(|y| (i + 1, y))
            .or_else(|| self.spelled_year(i))
    }

    /// "of 1994", "of nineteen ninety-four", "of last year", "of the year" after a part of
    /// a year; the end token and the year (or a marker of a year relative to the document).
    fn of_year(&self, i: usize) -> Option<(usize, i32)> {
        if !self.is(i, "of") {
            return None;
        }
        if let Some(found) = self.year_written(i + 1) {
            return Some(found);
        }
        let marker = match self.w(i + 1) {
            "last" => LAST_YEAR,
            "this" | "the" => THIS_YEAR,
            "next" => NEXT_YEAR,
            _ => return None,
        };
        if !self.is(i + 2, "year") || matches!(self.w(i + 3), "-" | "'s") {
            return None;
        }
        Some((i + 3, marker))
    }

    /// "last year", "this year", "next year" right after a date that lacks its year;
    /// the end token and the marker of the year.
    fn rel_year(&self, i: usize) -> Option<(usize, i32)> {
        if !self.is(i + 1, "year") || matches!(self.w(i + 2), "-" | "'s") {
            return None;
        }
        let marker = match self.w(i) {
            "last" => LAST_YEAR,
            "this" => THIS_YEAR,
            "next" => NEXT_YEAR,
            _ => return None,
        };
        Some((i + 2, marker))
    }

    fn month_date(&self, i: usize) -> Option<Found> {
        let (j, m, _) = self.month(i)?;
        if let Some((k, d)) = self.day_number(j) {
            // ", 2022" or " 2022"
            let mut y_at = k;
            if self.is(y_at, ",") {
                y_at += 1;
            }
            // or "Oct. 12 this year", "June 30 last year"
            if let Some((end, y)) = self.year_written(y_at).or_else(|| self.rel_year(k)) {
                return self.found(
                    i,
                    end,
                    Expr::Cal {
                        year: Some(y),
                        month: Some(m),
                        day: Some(d),
                    },
                );
            }
            return self.found(
                i,
                k,
                Expr::Cal {
                    year: None,
                    month: Some(m),
                    day: Some(d),
                },
            );
        }
        let mut y_at = j;
        if self.is(y_at, ",") {
            y_at += 1;
        }
        if let Some((end, y)) = self.year_written(y_at) {
            return self.found(
                i,
                end,
                Expr::Cal {
                    year: Some(y),
                    month: Some(m),
                    day: None,
                },
            );
        }
        // "July last year", "January this year"
        if matches!(self.w(j), "last" | "this" | "next") && self.is(j + 1, "year") {
            let rel = match self.w(j) {
                "last" => Rel::Last,
                "next" => Rel::Next,
                _ => Rel::This,
            };
            return self.found(
                i,
                j + 2,
                Expr::Cal {
                    year: Some(rel_year_marker(rel)),
                    month: Some(m),
                    day: None,
                },
            );
        }
        self.found(i, j, Expr::Month(m, Rel::Bare))
    }

    /// "last April", "this May", "next September", "this past June".
    fn month_rel(&self, i: usize) -> Option<Found> {
        let (rel, at) = match (self.w(i), self.w(i + 1)) {
            ("this", "past") => (Rel::Last, i + 2),
            ("this", "coming") => (Rel::Next, i + 2),
            ("last" | "past", _) => (Rel::Last, i + 1),
            ("this", _) => (Rel::This, i + 1),
            ("next" | "coming", _) => (Rel::Next, i + 1),
            _ => return None,
        };
        let (j, m, followed) = self.month(at)?;
        if followed {
            return None;
        }
        self.found(i, j, Expr::Month(m, rel))
    }

    /// "21 October 2022", "the 21st of October".
    fn day_month(&self, i: usize) -> Option<Found> {
        let (start, at) = if self.is(i, "the") {
            (i, i + 1)
        } else {
            (i, i)
        };
        let (mut j, d) = self.day_number(at)?;
        if start != at {
            if self.is(j, "of") {
                j += 1;
            } else {
                return None;
            }
        }
        let (k, m, _) = self.month(j)?;
        if let Some(y) = self.year(k) {
            return self.found(
                start,
                k + 1,
                Expr::Cal {
                    year: Some(y),
                    month: Some(m),
                    day: Some(d),
                },
            );
        }
        self.found(
            start,
            k,
            Expr::Cal {
                year: None,
                month: Some(m),
                day: Some(d),
            },
        )
    }

    /// "2022-10-21", "10/21/2022".
    fn numeric_date(&self, i: usize) -> Option<Found> {
        let sep = self.w(i + 1);
        if !matches!(sep, "-" | "/")
            || !self.glued(i + 1)
            || !self.glued(i + 2)
            || self.w(i + 3) != sep
            || !self.glued(i + 3)
            || !self.glued(i + 4)
        {
            return None;
        }
        let (a, b, c) = (self.num(i)?, self.num(i + 2)?, self.num(i + 4)?);
        let (y, m, d) = if sep == "-" && self.digits(i) == 4 {
            (a as i32, b, c)
        } else if sep == "/" && self.digits(i + 4) == 4 {
            (c as i32, a, b)
        } else if self.digits(i + 4) == 2 && self.digits(i) <= 2 && self.digits(i + 2) <= 2 {
            // "08-16-90", "8/16/98": American order, a year of the twentieth century
            // from 30 on, else of the twenty-first.
            let y = if c >= 30 { 1900 + c } else { 2000 + c };
            (y as i32, a, b)
        } else {
            return None;
        };
        chrono::NaiveDate::from_ymd_opt(y, m, d)?;
        self.found(
            i,
            i + 5,
            Expr::Cal {
                year: Some(y),
                month: Some(m),
                day: Some(d),
            },
        )
    }

    fn weekday(&self, i: usize) -> Option<Found> {
        let (start, rel, at) = match self.w(i) {
            "last" | "past" => (i, Rel::Last, i + 1),
            "next" | "coming" => (i, Rel::Next, i + 1),
            "this" if self.is(i + 1, "coming") || self.is(i + 1, "past") => (
                i,
                if self.is(i + 1, "past") {
                    Rel::Last
                } else {
                    Rel::Next
                },
                i + 2,
            ),
            "this" => (i, Rel::This, i + 1),
            "the" if self.is(i + 1, "previous") => (i, Rel::Previous, i + 2),
            "the" if self.is(i + 1, "following") || self.is(i + 1, "next") => {
                (i, Rel::Following, i + 2)
            }
            _ => (i, Rel::Bare, i),
        };
        let wd = self.e(at)?.weekday?;
        if !self.toks[at].capital {
            return None;
        }
        let end = at + 1;
        // "the Sunday Times", "the Sunday Telegraph": a name.
        if rel == Rel::Bare
            && i > 0
            && self.is(i - 1, "the")
            && self.toks.get(end).is_some_and(|t| {
                t.kind == Kind::Word && t.capital && !self.e(end).is_some_and(|e| e.starter)
            })
        {
            return None;
        }
        // "Friday, Oct. 21": the date decides.
        let mut k = end;
        if self.is(k, ",") {
            k += 1;
        }
        if let Some(f) = self.month_date(k).or_else(|| self.day_month(k)) {
            if matches!(f.expr, Expr::Cal { day: Some(_), .. }) {
                return self.found(start, f.end, f.expr);
            }
        }
        self.found(start, end, Expr::Weekday(wd, rel))
    }

    /// Years, decades and centuries: "1998", "fiscal 1989", "the 1990s", "the '80s",
    /// "the 20th century".
    fn year_expr(&self, i: usize) -> Option<Found> {
        let mut at = i;
        if self.is(at, "the") {
            at += 1;
        }
        if self.is(at, "fiscal") {
            at += 1;
        }
        // 1990s
        if self.digits(at) == 4 && self.is(at + 1, "s") && self.glued(at + 1) {
            let y = self.num(at)? as i32;
            if y % 10 == 0 {
                return self.found(i, at + 2, Expr::Decade(y / 10));
            }
        }
        // "the 60s", "the early 80s": a decade of the twentieth century without its
        // apostrophe, after a determiner or a part word.
        if self.digits(at) == 2
            && self.is(at + 1, "s")
            && self.glued(at + 1)
            && at > 0
            && matches!(self.w(at - 1), "the" | "early" | "mid" | "late" | "-")
        {
            let y = self.num(at)? as i32;
            if y % 10 == 0 {
                return self.found(i, at + 2, Expr::Decade(190 + y / 10));
            }
        }
        // "in '98", "since '95": a year of two digits after a preposition of time.
        if at == i
            && matches!(self.w(at), "'" | "\u{2019}")
            && self.digits(at + 1) == 2
            && self.glued(at + 1)
            && !(self.is(at + 2, "s") && self.glued(at + 2))
            && at > 0
            && matches!(
                self.w(at - 1),
                "in" | "since" | "by" | "until" | "till" | "from" | "before" | "after" | "through"
            )
        {
            let n = self.num(at + 1)? as i32;
            let y = if n >= 30 { 1900 + n } else { 2000 + n };
            return self.found(
                i,
                at + 2,
                Expr::Cal {
                    year: Some(y),
                    month: None,
                    day: None,
                },
            );
        }
        // '80s
        if matches!(self.w(at), "'" | "\u{2019}")
            && self.digits(at + 1) == 2
            && self.is(at + 2, "s")
            && self.glued(at + 2)
        {
            let y = self.num(at + 1)? as i32;
            if y % 10 == 0 {
                return self.found(i, at + 3, Expr::Decade(190 + y / 10));
            }
        }
        // "the nineties", "the eighties"
        if at == i + 1 && self.is(i, "the") {
            if let Some(d) = self.e(at).and_then(|e| e.decade) {
                return self.found(i, at + 1, Expr::Decade(190 + d as i32));
            }
        }
        // 20th century
        if self.digits(at) <= 2
            && matches!(self.w(at + 1), "st" | "nd" | "rd" | "th")
            && self.glued(at + 1)
            && self.is(at + 2, "century")
        {
            let c = self.num(at)? as i32;
            return self.found(i, at + 3, Expr::Century(c - 1));
        }
        if let Some(c) = self.e(at).and_then(|e| e.ordinal) {
            if self.is(at + 1, "century") {
                return self.found(i, at + 2, Expr::Century(c as i32 - 1));
            }
        }
        // "the year two thousand", "the year 2000", "the year of 2002"
        if self.is(i, "the") && self.is(i + 1, "year") {
            let at = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
            let spelled = self
                .spelled_year(at)
                .or_else(|| self.year(at).map(|y| (at + 1, y)));
            if let Some((end, y)) = spelled {
                return self.found(
                    i,
                    end,
                    Expr::Cal {
                        year: Some(y),
                        month: None,
                        day: None,
                    },
                );
            }
        }
        if at == i {
            if let Some((end, y)) = self.spelled_year(i) {
                return self.found(
                    i,
                    end,
                    Expr::Cal {
                        year: Some(y),
                        month: None,
                        day: None,
                    },
                );
            }
        }
        let y = self.year(at)?;
        // Only a bare number; "the 1990" is not a year, "1990 people" is doubtful but kept.
        if at > i && self.is(i, "the") && !self.is(i + 1, "fiscal") {
            return None;
        }
        // A part of a bigger number or an amount of money.
        if i > 0 && matches!(self.w(i - 1), "$" | "#" | "no" | "No") {
            return None;
        }
        // An amount or a measure: "1721 million dollars", "the 1500 meters".
        if matches!(
            self.w(at + 1),
            "%" | "percent"
                | "million"
                | "billion"
                | "trillion"
                | "thousand"
                | "dollars"
                | "yuan"
                | "euros"
                | "yen"
                | "people"
                | "tons"
                | "tonnes"
                | "meters"
                | "metres"
                | "kilometers"
                | "kilometres"
                | "km"
                | "feet"
                | "miles"
                | "points"
        ) {
            return None;
        }
        // The second end of a range of decimals: "1.1712-1714".
        if at >= 4
            && self.is(at - 1, "-")
            && !self.toks[at].space_before
            && self.toks[at - 2].kind == Kind::Number
            && self.is(at - 3, ".")
            && self.toks[at - 4].kind == Kind::Number
        {
            return None;
        }
        self.found(
            i,
            at + 1,
            Expr::Cal {
                year: Some(y),
                month: None,
                day: None,
            },
        )
    }

    /// Seasons, quarters and halves with their relative words: "this summer",
    /// "the third quarter", "third-quarter", "the fourth quarter of 1990", "last fall",
    /// "the first half", "the latest quarter", "the year-ago period", "the quarter".
    fn period(&self, i: usize) -> Option<Found> {
        let mut at = i;
        let mut rel = Rel::Bare;
        let mut year = None;
        if self.is(at, "the") {
            at += 1;
        }
        match (self.w(at), self.w(at + 1)) {
            ("this", "past") => {
                rel = Rel::Last;
                at += 2;
            }
            ("last" | "past" | "previous", _) => {
                rel = Rel::Last;
                at += 1;
            }
            ("this" | "current", _) => {
                rel = Rel::This;
                at += 1;
            }
            ("next" | "coming", _) => {
                rel = Rel::Next;
                at += 1;
            }
            ("latest" | "comparable", _) => {
                rel = Rel::Latest;
                at += 1;
            }
            _ => {}
        }
        // "year-earlier", "year-ago"
        if self.is(at, "year")
            && self.is(at + 1, "-")
            && matches!(self.w(at + 2), "earlier" | "ago")
        {
            rel = Rel::YearAgo;
            at += 3;
        }
        if let Some(y) = self.year(at) {
            // "the 1988 third quarter"
            year = Some(y);
            at += 1;
        } else if rel != Rel::Bare && at == i + 1 && self.is(at, "year") && self.is(at + 1, "'s") {
            // "this year's third quarter", "last year's quarter"
            year = Some(rel_year_marker(rel));
            rel = Rel::Bare;
            at += 2;
        }
        if self.is(at, "fiscal") {
            at += 1;
            if self.is(at, "-") {
                at += 1;
            }
        }
        // Seasons
        if let Some(s) = self
            .e(at)
            .and_then(|e| e.season)
            .and_then(Season::from_code)
        {
            if rel == Rel::YearAgo || rel == Rel::Latest {
                return None;
            }
            let mut end = at + 1;
            if let Some((k, y)) = self.of_year(end) {
                year = Some(y);
                end = k;
            } else if let Some(y) = self.year(end) {
                year = Some(y);
                end += 1;
            } else if let Some((k, y)) = self.rel_year(end).filter(|_| rel == Rel::Bare) {
                // "spring next year", "the summer last year"
                year = Some(y);
                end = k;
            }
            if rel == Rel::Bare && year.is_none() {
                // "the fall of the regime", "spring water": a bare season needs a capital
                // or a determiner, and "fall" a year.
                // After a preposition or a part word it is the season ("in summer",
                // "the early summer").
                let framed = i > 0
                    && matches!(
                        self.w(i - 1),
                        "in" | "during"
                            | "early"
                            | "late"
                            | "mid"
                            | "since"
                            | "until"
                            | "by"
                            | "through"
                            | "before"
                            | "after"
                    );
                if self.is(at, "fall") || at == i && !self.toks[at].capital && !framed {
                    return None;
                }
            }
            return self.found(i, end, Expr::Season(s, year, rel));
        }
        // "the last half of 1989": the second half.
        if rel == Rel::Last && self.is(at, "half") && i < at - 1 {
            if let Some((k, y)) = self.of_year(at + 1) {
                return self.found(i, k, Expr::Half(2, Some(y), Rel::Bare));
            }
        }
        // Quarters and halves: "third quarter", "third-quarter", "first half"
        if let Some(q) = self.e(at).and_then(|e| e.ordinal) {
            let mut j = at + 1;
            let hyphen = self.is(j, "-") && self.glued(j);
            if hyphen {
                j += 1;
            }
            let unit = self.unit(j);
            if matches!(unit, Some(Unit::Quarter) | Some(Unit::Half)) && !self.is_plural_unit(j) {
                let mut end = j + 1;
                if let Some((k, y)) = self.of_year(end) {
                    year = Some(y);
                    end = k;
                }
                // "the third-quarter loss": the adjective alone is the expression.
                let start = if hyphen && at == i + 1 { at } else { i };
                if unit == Some(Unit::Quarter) && (1..=4).contains(&q) {
                    return self.found(start, end, Expr::Quarter(Some(q), year, rel));
                }
                if unit == Some(Unit::Half) && (1..=2).contains(&q) {
                    return self.found(start, end, Expr::Half(q, year, rel));
                }
            }
            return None;
        }
        // "the quarter", "the latest period", "the year-ago quarter", "that quarter",
        // "the 1988 period"
        let determined = at > i || self.is(i, "that");
        if self.is(i, "that") {
            at = i + 1;
        }
        if determined
            && (self.is(at, "quarter")
                || self.is(at, "period")
                    && (rel != Rel::Bare || year.is_some() && self.is(i, "the")))
        {
            if year.is_some() {
                return self.found(i, at + 1, Expr::Quarter(None, year, Rel::YearAgo));
            }
            return self.found(i, at + 1, Expr::Quarter(None, None, rel));
        }
        // "year-earlier", "year-ago" alone: an adjective for the same period a year before.
        if rel == Rel::YearAgo && at == i + 3 {
            return self.found(i, at, Expr::Quarter(None, None, Rel::YearAgo));
        }
        None
    }

    /// "the same period last year", "the corresponding quarter a year earlier", "the
    /// same period of 1997": the period under discussion, in another year.
    fn same_period(&self, i: usize) -> Option<Found> {
        if !self.is(i, "the")
            || !matches!(self.w(i + 1), "same" | "corresponding" | "comparable")
            || !matches!(
                self.w(i + 2),
                "period" | "quarter" | "month" | "months" | "time" | "half" | "season"
            )
        {
            return None;
        }
        let kind = match self.w(i + 2) {
            "month" => "month",
            "quarter" => "quarter",
            "half" => "half",
            "season" => "season",
            _ => "period",
        };
        let mut k = i + 3;
        if matches!(self.w(k), "of" | "in") {
            k += 1;
        }
        if let Some((end, y)) = self.year_written(k) {
            return self.found(i, end, Expr::SamePeriod(Some(y), kind));
        }
        // "last year", "a year ago", "a year earlier", "the year before", "the previous year"
        let end = match (self.w(k), self.w(k + 1), self.w(k + 2)) {
            ("last", "year", _) => k + 2,
            ("a", "year", "ago" | "earlier" | "before") | ("the", "year", "before") => k + 3,
            ("the", "previous" | "prior", "year") => k + 3,
            _ => return None,
        };
        self.found(i, end, Expr::SamePeriod(None, kind))
    }

    /// The second day of a range of days in one month: the "19" of "Nov. 17 to 19" or
    /// "May 12-13" (TimeML marks each end), with a year after it if written.
    fn range_end_day(&self, i: usize) -> Option<Found> {
        // "April 24 and 25" too: two days of one month.
        if i < 3
            || !matches!(
                self.w(i - 1),
                "-" | "to" | "through" | "until" | "and" | "or"
            )
        {
            return None;
        }
        let (end, d) = self.day_number(i)?;
        if self.e(i).is_some_and(|e| e.ordinal.is_some()) {
            return None;
        }
        // The first day, right after its month ("Nov. 17", "May 12").
        let first = i - 2;
        let (_, d0) = self.day_number(first).filter(|(k, _)| *k == i - 1)?;
        let m = (first.saturating_sub(3)..first)
            .rev()
            .find_map(|k| self.month(k).filter(|(j, _, _)| *j == first))
            .map(|(_, m, _)| m)?;
        if d <= d0 {
            return None;
        }
        // Not an amount: "Nov. 17 to 19 percent".
        if self.unit(end).is_some()
            || self.e(end).is_some_and(|e| e.month.is_some())
            || matches!(self.w(end), "%" | "percent" | "per" | "-" | "." | "/")
                && self
                    .toks
                    .get(end + 1)
                    .is_some_and(|t| t.kind == Kind::Number)
            || matches!(self.w(end), "%" | "percent")
        {
            return None;
        }
        // "April 24 and 25", but not "March 3 and 4 soldiers": after "and" or "or" a day
        // ends its phrase (a mark, a year, a preposition or a capital follows).
        let listed = matches!(self.w(i - 1), "and" | "or");
        if listed
            && self.toks.get(end).is_some_and(|t| {
                t.kind == Kind::Number
                    || t.kind == Kind::Word
                        && !t.capital
                        && !matches!(self.w(end), "in" | "at" | "on" | "to" | "for" | "when")
            })
            && self.year(end).is_none()
        {
            return None;
        }
        let mut y_at = end;
        if self.is(y_at, ",") {
            y_at += 1;
        }
        let (end, year) = match self.year(y_at) {
            Some(y) => (y_at + 1, Some(y)),
            None => (end, None),
        };
        self.found(
            i,
            end,
            Expr::Cal {
                year,
                month: Some(m),
                day: Some(d),
            },
        )
    }

    /// "Christmas", "Thanksgiving Day 1999", "Easter week" (the ISO week holding it).
    fn holiday(&self, i: usize) -> Option<Found> {
        for (phrase, date) in &self.lex.holidays {
            if (0..phrase.len()).all(|k| self.w(i + k) == phrase[k]) && self.toks[i].capital {
                let mut end = i + phrase.len();
                let week = self.is(end, "week");
                if week {
                    end += 1;
                }
                let mut year = None;
                if let Some(y) = self.year(end) {
                    year = Some(y);
                    end += 1;
                }
                return self.found(
                    i,
                    end,
                    Expr::Holiday {
                        date: *date,
                        year,
                        week,
                    },
                );
            }
        }
        None
    }

    /// Words relative to the document or the previous date: "yesterday", "now",
    /// "last month", "this week", "the next day", "the following year", "the past",
    /// "the future", "earlier this year" (modifier handled above), "year-end".
    fn relative(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        let e = self.e(i);
        if let Some(d) = e.and_then(|e| e.dayrel) {
            if w == "tonight" {
                let mut f = self.found(i, i + 1, Expr::DayRel(0))?;
                f.daypart = Some("NI");
                return Some(f);
            }
            return self.found(i, i + 1, Expr::DayRel(d));
        }
        if let Some(r) = e.and_then(|e| e.reference) {
            // "current" and "recent" only before a noun; "now" everywhere.
            if w == "recent" && self.is(i + 1, "years") {
                return self.found(i, i + 2, Expr::Ref("PAST_REF"));
            }
            if w == "recent"
                && matches!(
                    self.w(i + 1),
                    "days" | "weeks" | "months" | "decades" | "quarters"
                )
            {
                let u = self.unit(i + 1)?;
                return self.found(i, i + 2, Expr::Duration(Count::X, u));
            }
            if w == "current" && matches!(self.w(i + 1), "year" | "month" | "week" | "quarter") {
                let u = self.unit(i + 1)?;
                return self.found(i, i + 2, Expr::UnitRel(u, Rel::This));
            }
            // "current" and "recent" as adjectives ("the current slump") are references too.
            if matches!(w, "current" | "recent") && self.is(i + 1, "-") {
                return None;
            }
            if w == "now" && self.is(i + 1, "-") {
                return None;
            }
            // "Now, he says, ...": at the head of a sentence and set off by a comma, "now"
            // is a discourse marker, not the present.
            let sentence_start = i == 0
                || self.toks[i].newline_before
                || matches!(
                    self.w(i - 1),
                    "." | "!" | "?" | "``" | "\"" | "''" | ":" | ";"
                );
            if w == "now" && sentence_start && self.is(i + 1, ",") {
                return None;
            }
            return self.found(i, i + 1, Expr::Ref(r));
        }
        match w {
            "right" if self.is(i + 1, "now") => {
                return self.found(i, i + 2, Expr::Ref("PRESENT_REF"))
            }
            "these" if self.is(i + 1, "days") => {
                return self.found(i, i + 2, Expr::Ref("PRESENT_REF"))
            }
            // "overnight" is the night before the day under discussion ("closed lower
            // Friday ... after overnight losses in New York"), else before the DCT.
            "overnight" => {
                let mut f = self.found(i, i + 1, Expr::Adjacent(Unit::Day, -1))?;
                f.daypart = Some("NI");
                return Some(f);
            }
            "the"
                if matches!(self.w(i + 1), "past" | "future")
                    && self.unit(i + 2).is_none()
                    && self.count(i + 2).is_none() =>
            {
                let r = if self.is(i + 1, "past") {
                    "PAST_REF"
                } else {
                    "FUTURE_REF"
                };
                return self.found(i, i + 2, Expr::Ref(r));
            }
            "the"
                if matches!(self.w(i + 1), "near" | "short")
                    && matches!(self.w(i + 2), "future" | "term") =>
            {
                return self.found(i, i + 3, Expr::Ref("FUTURE_REF"));
            }
            "a" if self.is(i + 1, "later") && self.is(i + 2, "date") => {
                return self.found(i, i + 3, Expr::Ref("FUTURE_REF"));
            }
            // "year-end", the compound, is the day the year closes (the balance sheet's
            // date): Dec. 31 of the year nearest in time, as a month and day without a year
            // ("by year-end" this year's, "since year-end" last year's).
            "year" if self.w(i + 1) == "-" && self.is(i + 2, "end") => {
                let day = Expr::Cal {
                    year: None,
                    month: Some(12),
                    day: Some(31),
                };
                return self.found(i, i + 3, day);
            }
            // "year end", "year's end": the end of this year.
            "year" if self.w(i + 1) == "'s" && self.is(i + 2, "end") || self.is(i + 1, "end") => {
                let end = if self.is(i + 1, "end") { i + 2 } else { i + 3 };
                let mut f = self.found(i, end, Expr::UnitRel(Unit::Year, Rel::This))?;
                f.modifier = Some("END");
                return Some(f);
            }
            // "this morning", "last night", "this evening"
            "this" | "last" if self.e(i + 1).is_some_and(|e| e.daypart.is_some()) => {
                let mut f = self.found(i, i + 2, Expr::DayRel(if w == "last" { -1 } else { 0 }))?;
                f.daypart = self.e(i + 1).and_then(|e| e.daypart);
                return Some(f);
            }
            _ => {}
        }
        // "last month", "this week", "next year", "the past year", "the following day",
        // "the previous week", "that day", "the same day", "the weekend".
        let (rel, at) = match (w, self.w(i + 1)) {
            ("last" | "past", _) => (Rel::Last, i + 1),
            ("this" | "current", _) => (Rel::This, i + 1),
            ("next" | "coming", _) => (Rel::Next, i + 1),
            ("the", "past" | "last") => (Rel::Last, i + 2),
            ("the", "current") if self.is(i + 2, "fiscal") && self.is(i + 3, "year") => {
                return self.found(i, i + 4, Expr::UnitRel(Unit::Year, Rel::This));
            }
            ("the", "current") => (Rel::This, i + 2),
            ("the", "coming") => (Rel::Next, i + 2),
            ("the", "next" | "following") => (Rel::Following, i + 2),
            ("the", "previous") => (Rel::Previous, i + 2),
            ("the", "same") | ("that", _) => (Rel::Following, i + 1 + usize::from(w == "the")),
            ("the", "weekend") => (Rel::Bare, i + 1),
            // "for the week", "during the month", "the week's most active session": the
            // week (month) of the report.
            ("the", "week" | "month")
                if self.is(i + 2, "'s")
                    || i > 0
                        && matches!(
                            self.w(i - 1),
                            "for" | "during" | "over" | "throughout" | "through"
                        )
                        && !matches!(self.w(i + 2), "of" | "-" | "before" | "after") =>
            {
                let u = self.unit(i + 1)?;
                return self.found(i, i + 2, Expr::UnitRel(u, Rel::This));
            }
            // "the day before", "the day after": from the previous date.
            // "the day before yesterday", "the day after tomorrow"
            ("the", "day")
                if (self.is(i + 2, "before") && self.is(i + 3, "yesterday"))
                    || (self.is(i + 2, "after") && self.is(i + 3, "tomorrow")) =>
            {
                let n = if self.is(i + 3, "yesterday") { -2 } else { 2 };
                return self.found(i, i + 4, Expr::DayRel(n));
            }
            ("the", "day") if matches!(self.w(i + 2), "before" | "after") => {
                let sign = if self.is(i + 2, "before") { -1 } else { 1 };
                return self.found(i, i + 3, Expr::Anaphor(Count::N(1), Unit::Day, sign));
            }
            // "the full year", "the fiscal year", "the current fiscal year": this year; "the
            // year" alone too ("for the year", "of the year"), but not "the year-earlier",
            // "the year's", "the year before" (an anaphor) or "Man of the Year".
            // A year that ends on a date ("the year ended Sept. 30") is a period of a year.
            ("the", "full" | "fiscal" | "year") => {
                let at = if self.is(i + 1, "year") { i + 1 } else { i + 2 };
                if !self.is(at, "year") || self.toks[at].capital {
                    return None;
                }
                if matches!(
                    self.w(at + 1),
                    "-" | "'s" | "ago" | "earlier" | "before" | "after" | "later"
                ) {
                    return None;
                }
                // "the year ended Sept. 30", "the year to March 1997"
                let to_date = matches!(self.w(at + 1), "to" | "through")
                    && self.e(at + 2).is_some_and(|e| e.month.is_some());
                if matches!(self.w(at + 1), "ended" | "ending") || to_date {
                    return self.found(i, at + 1, Expr::Duration(Count::N(1), Unit::Year));
                }
                return self.found(i, at + 1, Expr::UnitRel(Unit::Year, Rel::This));
            }
            _ => return None,
        };
        let u = self.unit(at)?;
        if self.is_plural_unit(at) && u != Unit::Weekend || u == Unit::Half {
            return None;
        }
        if matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
            return None;
        }
        // "that day", "the same day": the previous date itself.
        if (w == "that" || self.is(i + 1, "same")) && rel == Rel::Following {
            return self.found(i, at + 1, Expr::Anaphor(Count::N(0), u, 1));
        }
        if self.is(i, "the") && self.is(i + 1, "weekend") {
            return self.found(i, i + 2, Expr::UnitRel(Unit::Weekend, Rel::Bare));
        }
        // "the next century", "the next decade": after the document's own.
        if rel == Rel::Following && matches!(u, Unit::Decade | Unit::Century) {
            return self.found(i, at + 1, Expr::UnitRel(u, Rel::Next));
        }
        if rel == Rel::Following {
            return self.found(i, at + 1, Expr::Adjacent(u, 1));
        }
        if rel == Rel::Previous {
            return self.found(i, at + 1, Expr::Adjacent(u, -1));
        }
        if u == Unit::Quarter {
            return self.found(i, at + 1, Expr::Quarter(None, None, rel));
        }
        self.found(i, at + 1, Expr::UnitRel(u, rel))
    }

    /// Amounts of time: "15 months", "two-year", "eight-month-old", "a few days",
    /// "the past two months", "two days ago", "a day before", "a week later",
    /// "six days before the invasion", "years".
    fn amount(&self, i: usize) -> Option<Found> {
        let mut at = i;
        let mut determined = false;
        if self.is(at, "the") {
            at += 1;
            determined = true;
            if matches!(
                self.w(at),
                "past" | "last" | "next" | "first" | "latest" | "coming" | "previous" | "final"
            ) {
                at += 1;
            }
        } else if matches!(self.w(at), "past" | "last" | "next" | "another" | "first")
            && self.count(at + 1).is_some()
        {
            // "expected to last three days": the verb, outside the expression.
            let verb = self.is(at, "last")
                && at > 0
                && matches!(
                    self.w(at - 1),
                    "to" | "will"
                        | "would"
                        | "could"
                        | "may"
                        | "might"
                        | "can"
                        | "should"
                        | "must"
                        | "'ll"
                        | "not"
                        | "did"
                        | "does"
                        | "do"
                );
            if verb {
                return None;
            }
            at += 1;
        }
        // "another year", "an additional month", "a further week", "an extra day": one
        // more unit.
        let more = match (self.w(i), self.w(i + 1)) {
            ("another", _) => Some(i + 1),
            ("a" | "an", "additional" | "further" | "extra") => Some(i + 2),
            _ => None,
        };
        if let Some(k) = more {
            if let Some(u) = self.unit(k).filter(|_| !self.is_plural_unit(k)) {
                let second = u == Unit::Second && self.is(k, "second");
                if !matches!(u, Unit::Weekend | Unit::Half | Unit::Quarter)
                    && !matches!(self.w(k + 1), "-" | "'s")
                    && !second
                {
                    return self.found(i, k + 1, Expr::Duration(Count::N(1), u));
                }
            }
        }
        // "a day-long meeting", "the year-long delay": one unit, as long as it lasts.
        if let Some(u) = self.unit(i) {
            if !self.is_plural_unit(i)
                && self.is(i + 1, "-")
                && self.glued(i + 1)
                && self.is(i + 2, "long")
                && self.glued(i + 2)
                && !matches!(u, Unit::Weekend | Unit::Half | Unit::Quarter)
            {
                return self.found(i, i + 3, Expr::Duration(Count::N(1), u));
            }
        }
        // "coming months", "the coming weeks": the near future.
        if self.is(at, "coming") && self.is_plural_unit(at + 1) && self.unit(at + 1).is_some() {
            return self.found(i, at + 2, Expr::Ref("FUTURE_REF"));
        }
        // A bare plural unit: "years", "for months".
        if let Some(u) = self.unit(at).filter(|_| self.is_plural_unit(at)) {
            // Not after a count that was refused ("52 years old") nor after "first",
            // "hundreds of", "on": only an amount of its own ("for years").
            let after_count = i > 0
                && (self.toks[i - 1].kind == Kind::Number
                    || self.e(i - 1).is_some_and(|e| {
                        e.number.is_some() || e.tens.is_some() || e.ordinal.is_some()
                    })
                    || matches!(self.w(i - 1), "of" | "on" | "thousand"));
            if !determined
                && at == i
                && !after_count
                && !matches!(u, Unit::Weekend | Unit::Half | Unit::Second)
                && !self.glued(at)
                && (!self.is(at + 1, "-") || !self.is(at + 2, "old"))
            {
                if self.is(at + 1, "ago") {
                    return self.found(i, at + 2, Expr::Ref("PAST_REF"));
                }
                if matches!(u, Unit::Quarter) {
                    return None;
                }
                // "weeks or months": the pair.
                if self.is(at + 1, "or")
                    && self.unit(at + 2).is_some()
                    && self.is_plural_unit(at + 2)
                {
                    return self.found(i, at + 3, Expr::Duration(Count::X, u));
                }
                return self.found(i, at + 1, Expr::Duration(Count::X, u));
            }
        }
        // "over the years", "the weeks ahead", "the early years": a plural unit with its
        // determiner (not "the days of the empire").
        if self.is(i, "the") {
            let k = if matches!(self.w(i + 1), "early" | "late") {
                i + 2
            } else {
                i + 1
            };
            if let Some(u) = self.unit(k).filter(|_| self.is_plural_unit(k)) {
                if matches!(
                    u,
                    Unit::Year | Unit::Month | Unit::Week | Unit::Day | Unit::Decade
                ) && !matches!(self.w(k + 1), "of" | "-")
                    && !self.glued(k)
                {
                    let end = if matches!(self.w(k + 1), "ahead" | "since") {
                        k + 2
                    } else {
                        k + 1
                    };
                    return self.found(i, end, Expr::Duration(Count::X, u));
                }
            }
        }
        // "Islam will one day be ...": some day in the future, not a day's length.
        if self.is(i, "one")
            && self.is(i + 1, "day")
            && i > 0
            && matches!(
                self.w(i - 1),
                "will" | "would" | "could" | "may" | "might" | "can" | "shall" | "'ll" | "must"
            )
        {
            return self.found(i, i + 2, Expr::Ref("FUTURE_REF"));
        }
        // "men aged 65 to 80 years": ages.
        let age = |k: usize| k > 0 && matches!(self.w(k - 1), "age" | "aged" | "ages");
        if age(i) || i > 1 && matches!(self.w(i - 1), "to" | "-" | "and") && age(i - 2) {
            return None;
        }
        let (mut j, n) = self.count(at)?;
        // "the 1988 quarter": a year, not a count.
        if self.digits(at) == 4 && !self.is_plural_unit(j) {
            return None;
        }
        if determined && at == i + 1 && matches!(n, Count::N(1)) && matches!(self.w(at), "a" | "an")
        {
            return None;
        }
        // "a centuries-old church": "a" counts one, never a plural.
        if j == at + 1 && matches!(self.w(at), "a" | "an") && self.is_plural_unit(j) {
            return None;
        }
        // "two to three weeks", "12 to 18 months", "a year or two": a range, of unknown
        // amount.
        if matches!(self.w(j), "to" | "or" | "-") && self.unit(j).is_none() {
            if let Some((k, _)) = self.count(j + 1) {
                if let Some(u) = self.unit(k).filter(|_| self.is_plural_unit(k)) {
                    if !matches!(u, Unit::Weekend | Unit::Half) {
                        return self.found(i, k + 1, Expr::Duration(Count::X, u));
                    }
                }
            }
        }
        // "2 1/2 years": a half more.
        let mut half = false;
        if self.toks[at].kind == Kind::Number
            && self.is(j, "1")
            && self.is(j + 1, "/")
            && self.is(j + 2, "2")
            && self.glued(j + 1)
            && self.glued(j + 2)
        {
            j += 3;
            half = true;
        }
        // "two and a half years", "three and a half months": a half more, written out.
        if !half
            && matches!(n, Count::N(_))
            && self.is(j, "and")
            && self.is(j + 1, "a")
            && self.is(j + 2, "half")
            && self.unit(j + 3).is_some_and(|_| self.is_plural_unit(j + 3))
        {
            j += 3;
            half = true;
        }
        let mut hyphen = false;
        if self.is(j, "-") && self.glued(j) && self.glued(j + 1) {
            j += 1;
            hyphen = true;
        }
        // "eight trading days"; "two more weeks", "20 additional years": the count is the
        // amount still to come.
        if matches!(
            self.w(j),
            "trading" | "business" | "working" | "more" | "additional" | "further" | "extra"
        ) && self.unit(j + 1).is_some()
            && (!hyphen || matches!(self.w(j), "trading" | "business" | "working"))
        {
            j += 1;
        }
        let u = self.unit(j)?;
        // "a day-long meeting", "two day-long sessions": the compound is the expression,
        // not "a day".
        if !hyphen
            && self.is(j + 1, "-")
            && self.glued(j + 1)
            && self.is(j + 2, "long")
            && self.glued(j + 2)
        {
            return None;
        }
        // "CBS's ''60 Minutes''", "the 24 Hours of Le Mans": a unit with a capital after
        // its count is a name (running text writes units in lower case).
        if self.toks[j].capital && !self.toks[j].newline_before {
            return None;
        }
        // "a year-earlier quarter": the adjective is an expression of its own.
        if self.is(j + 1, "-") && matches!(self.w(j + 2), "earlier" | "ago") {
            return None;
        }
        if matches!(u, Unit::Weekend | Unit::Half) {
            return None;
        }
        // "one quarter percentage point", "three quarters of the vote": a fraction.
        if u == Unit::Quarter
            && (matches!(self.w(j + 1), "percentage" | "point" | "-" | "percent")
                || self.is(j + 1, "of")
                    && self
                        .toks
                        .get(j + 2)
                        .is_some_and(|t| t.capital && t.kind == Kind::Word)
                || self.is(j + 1, "of")
                    && matches!(
                        self.w(j + 2),
                        "the"
                            | "a"
                            | "an"
                            | "its"
                            | "their"
                            | "all"
                            | "those"
                            | "these"
                            | "his"
                            | "her"
                            | "our"
                    ))
        {
            return None;
        }
        if u == Unit::Second && self.is(j, "second") {
            return None;
        }
        // "one-year term" vs "one year": a glued unit must be singular.
        if hyphen && self.is_plural_unit(j) {
            return None;
        }
        // "a three-year period", "a one-year term": the noun is a time too, and the phrase
        // is the expression.
        let period_noun = hyphen
            && matches!(
                self.w(j + 1),
                "period" | "term" | "span" | "stretch" | "interval" | "spell"
            );
        // "the Five-Year Plan": part of a name.
        if hyphen
            && self.toks[at].capital
            && self.toks[j].capital
            && self
                .toks
                .get(j + 1)
                .is_some_and(|t| t.kind == Kind::Word && t.capital)
        {
            return None;
        }
        // "the two-week strike": the adjective alone is the expression.
        let i = if hyphen && determined && at == i + 1 && !period_noun {
            at
        } else if period_noun && i > 0 && matches!(self.w(i - 1), "a" | "an" | "the") && at == i {
            i - 1
        } else {
            i
        };
        let mut end = j + 1;
        if period_noun {
            end += 1;
        }
        // "eight-month-old" (the truce); but ages in years ("a 45-year-old man") are ages,
        // not times, as "52 years old" is not: TimeML leaves them out.
        if hyphen && self.is(end, "-") && self.is(end + 1, "old") {
            if matches!(u, Unit::Year | Unit::Decade | Unit::Century) {
                return None;
            }
            end += 2;
        }
        // "the four-month-long hostage case": the compound with its "-long".
        if hyphen
            && !period_noun
            && self.is(end, "-")
            && self.glued(end)
            && self.is(end + 1, "long")
            && self.glued(end + 1)
        {
            end += 2;
        }
        // "a 46-year old Scotsman": an age too, with a space for the second hyphen.
        if hyphen && self.is(end, "old") && matches!(u, Unit::Year | Unit::Decade | Unit::Century) {
            return None;
        }
        // "a week or so ago"
        if !determined && self.is(end, "or") && self.is(end + 1, "so") && self.is(end + 2, "ago") {
            let mut f = self.found(i, end + 3, Expr::Ago(n, u))?;
            f.modifier = Some("APPROX");
            return Some(f);
        }
        // "a year or two": a range of years.
        if !hyphen
            && self.is(end, "or")
            && self.count(end + 1).is_some_and(|(k, _)| k == end + 2)
            && self.unit(end + 1).is_none()
            && !matches!(self.w(end + 2), "ago" | "earlier" | "later")
            && self.unit(end + 2).is_none()
        {
            return self.found(i, end + 2, Expr::Duration(Count::X, u));
        }
        if !determined {
            match self.w(end) {
                "ago" => return self.found(i, end + 1, Expr::Ago(n, u)),
                // "five years from now": counted forward from the document date.
                "from" if matches!(self.w(end + 1), "now" | "today") => {
                    return self.found(i, end + 2, Expr::Hence(n, u));
                }
                "earlier" | "before" | "later" | "after" | "afterward" | "afterwards" => {
                    let sign = if matches!(self.w(end), "earlier" | "before") {
                        -1
                    } else {
                        1
                    };
                    let next = self.w(end + 1);
                    // "six days before the invasion": dated by the event if it has a date.
                    if matches!(self.w(end), "before" | "after")
                        && next == "the"
                        && self.e(end + 2).is_none_or(|e| !e.starter)
                        && self.toks.get(end + 2).is_some_and(|t| t.kind == Kind::Word)
                    {
                        return self.found(i, end + 3, Expr::EventAnchored(n, u, sign, end + 2));
                    }
                    // "before" / "after" followed by a clause or a noun is a preposition.
                    if matches!(self.w(end), "before" | "after") && !ends_clause(self, end + 1) {
                        return self.found(i, end, Expr::Duration(n, u));
                    }
                    return self.found(i, end + 1, Expr::Anaphor(n, u, sign));
                }
                _ => {}
            }
        }
        if !hyphen && u == Unit::Second && n == Count::N(1) {
            return None;
        }
        // "a year and a half"
        if !hyphen && self.is(end, "and") && self.is(end + 1, "a") && self.is(end + 2, "half") {
            end += 3;
            half = true;
        }
        if half {
            return match half_value(n, u) {
                Some(v) => self.found(i, end, Expr::Amount(v)),
                None => None,
            };
        }
        // Ages ("52 years old", "a year-old proposal") and fractions ("a quarter of") are
        // not time expressions.
        if !hyphen && (self.is(end, "old") || self.is(end, "-") && self.is(end + 1, "old"))
            || u == Unit::Quarter && matches!(self.w(at), "a" | "an")
        {
            return None;
        }
        // "twice a year" is a frequency (a SET); "a year" after an amount or a counted
        // noun is a rate ("$2 million a year", "5% a year", "four flights a week"), which
        // TimeML leaves out (TimeBank leaves out 6 of its 8).
        if matches!(self.w(at), "a" | "an") && !determined && at == i && i > 0 {
            let prev = self.w(i - 1);
            if matches!(prev, "times" | "once" | "twice") {
                return self.found(i, j + 1, Expr::Set(set_of(u)));
            }
            if self.rate_before(i) {
                return None;
            }
        }
        // "the year", "a month" alone: too often not a time expression.
        self.found(i, end, Expr::Duration(n, u))
    }

    /// Parts of a day named first: "midday Tuesday", "the night of Aug. 7", "dawn on
    /// Sunday"; of the day under discussion: "that night", "the next morning", "in the
    /// afternoon", "at dawn", "mid-afternoon".
    fn daypart_expr(&self, i: usize) -> Option<Found> {
        let the = self.is(i, "the");
        let at = i + usize::from(the);
        // "the night of Aug. 7", "midday Tuesday", "early morning on March 30"
        if let Some(dp) = self.e(at).and_then(|e| e.daypart) {
            let mut k = at + 1;
            if matches!(self.w(k), "of" | "on") {
                k += 1;
            }
            let day = self
                .date(k)
                .or_else(|| self.relative(k))
                .filter(|f| day_like(&f.expr) && f.daypart.is_none() && f.clock.is_none());
            if let Some(mut f) = day {
                if !the || self.is(at + 1, "of") {
                    f.start = i;
                    f.daypart = Some(dp);
                    return Some(f);
                }
            }
        }
        // "that night", "the next morning", "the following evening", "the same day's"
        let (k, n, sign) = match (self.w(i), self.w(i + 1)) {
            ("that", _) => (i + 1, 0, 1),
            ("the", "same") => (i + 2, 0, 1),
            ("the", "next" | "following") => (i + 2, 1, 1),
            ("the", "previous") => (i + 2, 1, -1),
            ("the", _) => (i + 1, 0, 1),
            _ => (i, 0, 1),
        };
        let dp = self.e(k).and_then(|e| e.daypart)?;
        // Not a noun modifier: "the morning session", "night flights", "that evening's
        // news" is kept (the possessive ends the expression).
        let next = self.toks.get(k + 1);
        let ends = next.is_none_or(|t| t.kind != Kind::Word || t.capital || t.newline_before)
            || matches!(
                self.w(k + 1),
                "'s" | "and"
                    | "or"
                    | "but"
                    | "when"
                    | "as"
                    | "after"
                    | "before"
                    | "to"
                    | "at"
                    | "in"
                    | "on"
                    | "with"
                    | "while"
                    | "until"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "i"
                    | "the"
                    | "a"
                    | "his"
                    | "her"
                    | "their"
                    | "there"
                    | "police"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "had"
                    | "has"
                    | "will"
                    | "would"
                    | "saw"
                    | "came"
                    | "passed"
                    | "fell"
                    | "began"
                    | "ended"
            );
        if !ends {
            return None;
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let framed = if k == i {
            // A bare part of the day: only the moments ("at dawn", "by midday"), or after
            // a part word ("mid-afternoon", "late evening").
            let moment = matches!(
                self.w(k),
                "midday" | "dawn" | "daybreak" | "dusk" | "nightfall"
            ) && matches!(
                prev,
                "at" | "by"
                    | "until"
                    | "till"
                    | "around"
                    | "before"
                    | "after"
                    | "from"
                    | "since"
                    | "towards"
                    | "toward"
                    | "about"
            );
            let part = matches!(prev, "mid" | "early" | "late")
                || prev == "-" && i > 1 && self.is(i - 2, "mid");
            moment || part
        } else if (self.w(i), n) == ("the", 0) && !self.is(i + 1, "same") {
            // "in the morning", "during the night": after a preposition only.
            matches!(
                prev,
                "in" | "during" | "through" | "throughout" | "into" | "until" | "till" | "by"
            )
        } else {
            true
        };
        if !framed {
            return None;
        }
        let mut f = self.found(i, k + 1, Expr::Anaphor(Count::N(n), Unit::Day, sign))?;
        f.daypart = Some(dp);
        Some(f)
    }

    /// The word before `i` is an amount or a counted noun, so that "a year" or "per day"
    /// at `i` makes a rate ("$2 million a year", "5% a year", "barrels per day").
    fn rate_before(&self, i: usize) -> bool {
        let prev = self.w(i - 1);
        let p = self.toks[i - 1];
        let counted_noun = p.kind == Kind::Word
            && !p.capital
            && prev.len() > 3
            && prev.ends_with('s')
            && !prev.ends_with("ss")
            && !prev.ends_with("us")
            && !matches!(prev, "this" | "was" | "has" | "does" | "perhaps" | "always");
        p.kind == Kind::Number
            || counted_noun
            || matches!(
                prev,
                "percent" | "%" | "million" | "billion" | "trillion" | "cents" | "dollars"
            )
    }

    /// Frequencies: "daily", "every month", "each Thursday", "Mondays".
    fn set(&self, i: usize) -> Option<Found> {
        let e = self.e(i);
        if let Some(v) = e.and_then(|e| e.set) {
            // A rate after an amount ("rose 5% annually", "10,000 units annually"), as
            // "$2 million a year" is, is left out.
            if i > 0 && self.rate_before(i) {
                return None;
            }
            // The adverb ("held annually"), not the adjective ("daily flights",
            // "average daily volume"), unless a possessive or "a" makes the adjective
            // the frequency of one thing ("his weekly radio address", "on a daily basis").
            let before_noun = self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.kind == Kind::Word && !t.capital);
            let of_one = i > 0
                && matches!(
                    self.w(i - 1),
                    "a" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
                );
            if before_noun
                && !of_one
                && !matches!(
                    self.w(i + 1),
                    "and" | "or" | "since" | "until" | "through" | "for" | "in" | "to"
                )
            {
                return None;
            }
            // A newspaper ("the daily Ha'aretz", "the Tokyo daily Yomiuri", "the weekly
            // Der Spiegel"): after a determiner or a name, or before a name.
            // "the financial daily": a determiner just before.
            if i > 1 && self.is(i - 2, "the") && self.toks[i - 1].kind == Kind::Word {
                return None;
            }
            let p = i.checked_sub(1).map(|k| (self.toks[k], self.w(k)));
            let after_name = p.is_some_and(|(t, w)| {
                matches!(w, "the" | "a" | "an" | "'s") && !(of_one && before_noun)
                    || t.kind == Kind::Word
                        && t.capital
                        && !t.newline_before
                        && i > 1
                        && !matches!(self.w(i - 2), "." | "\"" | "``")
            });
            let before_name = self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.kind == Kind::Word && t.capital);
            if after_name || before_name {
                return None;
            }
            return self.found(i, i + 1, Expr::Set(v.to_string()));
        }
        // "Tuesday nights", "Sundays mornings": that part of every such day.
        if let Some(wd) = e.and_then(|e| e.weekday.or(e.weekday_plural)) {
            if let Some(dp) = self.e(i + 1).and_then(|e| e.daypart_plural) {
                if self.toks[i].capital {
                    return self.found(i, i + 2, Expr::Set(format!("XXXX-WXX-{wd}T{dp}")));
                }
            }
        }
        if let Some(wd) = e.and_then(|e| e.weekday_plural) {
            if self.toks[i].capital {
                return self.found(i, i + 1, Expr::Set(format!("XXXX-WXX-{wd}")));
            }
        }
        // "every two years", "every 10 minutes"
        if self.is(i, "every") {
            if let Some((k, Count::N(n))) = self.count(i + 1) {
                if let Some(u) = self.unit(k).filter(|_| self.is_plural_unit(k) && n > 1) {
                    if !matches!(u, Unit::Weekend | Unit::Half) {
                        return self.found(i, k + 1, Expr::Set(duration_of(n, u)));
                    }
                }
            }
        }
        if matches!(self.w(i), "every" | "each" | "per") {
            // "barrels per day", "80 miles per hour": a rate, left out as "$2 million a
            // year" is.
            if self.is(i, "per") && i > 0 && self.rate_before(i) {
                return None;
            }
            if let Some(u) = self.unit(i + 1).filter(|_| !self.is_plural_unit(i + 1)) {
                return self.found(i, i + 2, Expr::Set(set_of(u)));
            }
            if let Some(wd) = self.e(i + 1).and_then(|e| e.weekday) {
                return self.found(i, i + 2, Expr::Set(format!("XXXX-WXX-{wd}")));
            }
            if let Some(m) = self
                .e(i + 1)
                .and_then(|e| e.month)
                .filter(|_| self.toks[i + 1].capital)
            {
                return self.found(i, i + 2, Expr::Set(format!("XXXX-{m:02}")));
            }
        }
        None
    }

    /// Clock times: "10 p.m.", "7:15 a.m. EST", "noon", "midnight", optionally followed
    /// by a date ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6").
    fn clock_time(&self, i: usize) -> Option<Found> {
        let (mut j, h, m) = match self.w(i) {
            "noon" => (i + 1, 12, 0),
            "midnight" => (i + 1, 24, 0),
            // "1559 GMT": a 24-hour clock time, not a year.
            _ if self.digits(i) == 4 && is_zone(self.w(i + 1)) => {
                let n = self.num(i)?;
                let (h, m) = (n / 100, n % 100);
                if h > 24 || m > 59 {
                    return None;
                }
                (i + 1, h, m)
            }
            // "22:00 GMT", "at 16:30": a 24-hour clock, with a zone or after a preposition
            // of time (not a score, "won 2:1", nor a ratio).
            _ if self.digits(i) <= 2
                && self.is(i + 1, ":")
                && self.glued(i + 1)
                && self.digits(i + 2) == 2
                && self.glued(i + 2)
                && self.am_pm(i + 3).is_none()
                && !(self.is(i + 3, ":") && self.glued(i + 3))
                && (is_zone(self.w(i + 3))
                    || self.is(i + 3, "local") && self.is(i + 4, "time")
                    || i > 0
                        && matches!(
                            self.w(i - 1),
                            "at" | "around"
                                | "about"
                                | "until"
                                | "till"
                                | "by"
                                | "before"
                                | "after"
                                | "from"
                                | "since"
                        )) =>
            {
                let h = self.num(i).filter(|h| *h <= 24)?;
                let m = self.num(i + 2).filter(|m| *m < 60)?;
                (i + 3, h, m)
            }
            // "seven o'clock", "7 o'clock in the evening": the hour, in the morning
            // unless the part of the day that follows says otherwise.
            _ if self.oclock(i + 1).is_some() => {
                let h = self
                    .num(i)
                    .filter(|_| self.digits(i) <= 2)
                    .or_else(|| self.e(i).and_then(|e| e.number))
                    .filter(|h| (1..=12).contains(h))?;
                let mut k = self.oclock(i + 1)?;
                let mut pm = false;
                match (self.w(k), self.w(k + 1), self.w(k + 2)) {
                    ("in", "the", "afternoon" | "evening") => {
                        pm = true;
                        k += 3;
                    }
                    ("in", "the", "morning") => k += 3,
                    ("at", "night", _) => {
                        pm = h != 12;
                        k += 2;
                    }
                    _ => {}
                }
                let h = match (h, pm) {
                    (12, false) => 12,
                    (h, true) if h < 12 => h + 12,
                    (h, _) => h,
                };
                (k, h, 0)
            }
            _ => {
                let h = self.num(i).filter(|h| *h <= 24 && self.digits(i) <= 2)?;
                let mut j = i + 1;
                let mut m = 0;
                if self.is(j, ":") && self.glued(j) && self.digits(j + 1) == 2 && self.glued(j + 1)
                {
                    m = self.num(j + 1).filter(|m| *m < 60)?;
                    j += 2;
                }
                let (k, pm) = self.am_pm(j)?;
                let h = match (h, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (h, true) if h < 12 => h + 12,
                    (h, _) if h <= 12 => h,
                    _ => return None,
                };
                (k, h, m)
            }
        };
        if is_zone(self.w(j)) {
            j += 1;
        } else if self.is(j, "local") && self.is(j + 1, "time") {
            // "6 a.m. local time": the zone, in words.
            j += 2;
        }
        let mut k = j;
        if self.is(k, ",") || self.is(k, "on") {
            k += 1;
        }
        let day_at = |k: usize| {
            self.date(k)
                .or_else(|| self.relative(k))
                .filter(|f| day_like(&f.expr) && f.clock.is_none())
        };
        let mut f = match day_at(k) {
            Some(mut f) => {
                f.start = i;
                f
            }
            None => {
                // "10:30 a.m. (0730 GMT) Friday", "0730 GMT) Friday": the day after the
                // parenthesis is the clock's day, but stays an expression of its own.
                let mut p = j;
                if self.is(p, "(") {
                    let close = (p + 1..(p + 8).min(self.toks.len())).find(|&q| self.is(q, ")"));
                    p = close.map_or(p, |q| q + 1);
                } else if self.is(p, ")") {
                    p += 1;
                }
                let day = (p > j).then(|| day_at(p)).flatten();
                let mut f = self.found(i, j, Expr::DayRel(0))?;
                if let Some(d) = day {
                    f.expr = d.expr;
                }
                f
            }
        };
        f.clock = Some((h, m));
        Some(f)
    }

    /// A 24-hour clock without "a.m." right after a date: "08:17:00", "08:17", "2041EDT".
    fn bare_clock(&self, i: usize) -> Option<(usize, u32, u32, Option<u32>)> {
        if self.digits(i) == 4 && is_zone(self.w(i + 1)) {
            let n = self.num(i)?;
            let (h, m) = (n / 100, n % 100);
            return (h <= 24 && m < 60).then_some((i + 2, h, m, None));
        }
        if self.digits(i) > 2 || !self.is(i + 1, ":") || self.digits(i + 2) != 2 {
            return None;
        }
        if !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let (h, m) = (self.num(i)?, self.num(i + 2)?);
        if h > 24 || m > 59 {
            return None;
        }
        let mut end = i + 3;
        let mut sec = None;
        if self.is(end, ":") && self.glued(end) && self.digits(end + 1) == 2 && self.glued(end + 1)
        {
            sec = self.num(end + 1).filter(|s| *s < 60);
            end += 2;
        }
        if is_zone(self.w(end)) {
            end += 1;
        }
        Some((end, h, m, sec))
    }

    /// "o'clock" at `j`: its end.
    fn oclock(&self, j: usize) -> Option<usize> {
        (self.is(j, "o")
            && matches!(self.w(j + 1), "'" | "\u{2019}")
            && self.is(j + 2, "clock")
            && self.glued(j + 1)
            && self.glued(j + 2))
        .then_some(j + 3)
    }

    fn am_pm(&self, j: usize) -> Option<(usize, bool)> {
        let w = self.w(j);
        match w {
            "am" | "pm" => return Some((j + 1, w == "pm")),
            "a" | "p" => {}
            _ => return None,
        }
        // a.m. / p.m.
        if self.is(j + 1, ".") && self.is(j + 2, "m") && self.glued(j + 1) && self.glued(j + 2) {
            let end = if self.is(j + 3, ".") && self.glued(j + 3) {
                j + 4
            } else {
                j + 3
            };
            return Some((end, w == "p"));
        }
        None
    }
}

/// Marks a year taken relative to the document ("July last year"): resolved later.
pub const LAST_YEAR: i32 = i32::MIN;
pub const THIS_YEAR: i32 = i32::MIN + 1;
pub const NEXT_YEAR: i32 = i32::MIN + 2;

fn rel_year_marker(rel: Rel) -> i32 {
    match rel {
        Rel::Last => LAST_YEAR,
        Rel::Next => NEXT_YEAR,
        _ => THIS_YEAR,
    }
}

/// Expressions that name a day (a time of day can follow them).
fn day_like(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Weekday(..) | Expr::DayRel(_) | Expr::Cal { day: Some(_), .. }
    ) || matches!(
        e,
        Expr::Anaphor(_, Unit::Day, _) | Expr::Adjacent(Unit::Day, _)
    ) || matches!(e, Expr::UnitRel(Unit::Day, _))
}

/// The word after "before"/"after" ends the clause: "A day before, ..." (not "a day
/// before the vote").
fn ends_clause(g: &Grammar, i: usize) -> bool {
    match g.toks.get(i) {
        None => true,
        Some(t) => t.kind == Kind::Punct && !matches!(g.w(i), "'" | "\"" | "(" | "$"),
    }
}

/// A time zone written after a clock time ("GMT", "EST").
fn is_zone(w: &str) -> bool {
    matches!(
        w,
        "gmt" | "utc" | "est" | "edt" | "pst" | "pdt" | "cst" | "cdt" | "mst" | "mdt" | "bst"
    )
}

/// The period of a set that recurs every `n` units: P2Y, PT10M.
fn duration_of(n: u32, u: Unit) -> String {
    crate::resolve::duration_value(Count::N(n), u)
}

fn set_of(u: Unit) -> String {
    match u {
        Unit::Hour => "PT1H".into(),
        Unit::Minute => "PT1M".into(),
        Unit::Second => "PT1S".into(),
        Unit::Year => "P1Y".into(),
        Unit::Month => "P1M".into(),
        Unit::Week => "P1W".into(),
        Unit::Day => "P1D".into(),
        Unit::Quarter => "P1Q".into(),
        Unit::Decade => "P10Y".into(),
        Unit::Century => "P100Y".into(),
        Unit::Weekend => "P1WE".into(),
        Unit::Half => "P6M".into(),
    }
}
