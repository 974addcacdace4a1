//! Normalisation: turns what the grammar found into TIMEX3 values, against the document
//! creation date (DCT), the previous date in the text, and the tense of nearby words.

use chrono::{Datelike, Duration, NaiveDate};

use crate::grammar::{Count, Expr, Found, Grammar, Rel, LAST_YEAR, NEXT_YEAR, THIS_YEAR};
use crate::lexicon::{HolidayDate, Unit};
use crate::point::{point_of, shift, Point, Season};
use crate::tokens::Kind;
use crate::{Timex, TimexKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// How far (in tokens) a tense marker is sought on each side of an expression first.
const NEAR_MARKER: usize = 12;

/// How far back (in tokens, about a news story) the earlier mention of a clock's event is
/// sought.
const CLOCK_EVENT_REACH: usize = 1000;

/// What the normaliser knows while it walks through a document.
pub struct Resolver<'g, 'a> {
    pub g: &'g Grammar<'a>,
    pub dct: Option<NaiveDate>,
    /// The previous date in the text, for anaphoric expressions.
    pub anchor: Option<Point>,
    /// Dates found so far: token index and point, for expressions anchored on an event.
    pub dated: Vec<(usize, Point)>,
    /// The token where the expression being resolved starts.
    pub cursor: usize,
}

impl Resolver<'_, '_> {
    /// The tense of the nearest tense-marking word in the sentence: before the expression,
    /// else after it.
    pub fn tense(&self, f: &Found) -> Tense {
        let g = self.g;
        let is_aux = |i: usize| i < g.toks.len() && g.e(i).is_some_and(|e| e.aux);
        let marker = |i: usize| -> Option<Tense> {
            let t = g.toks[i];
            let e = g.e(i);
            let w = g.w(i);
            // "is to resume", "set to expire", "about to sign".
            if w == "to" && i > 0 && g.e(i - 1).is_some_and(|e| e.future_to) {
                return Some(Tense::Future);
            }
            // "a memorial service planned at the university for Saturday was canceled": a
            // participle after its noun, before a preposition, is no plan for the future; the
            // clause's own verb decides.
            if e.is_some_and(|e| e.future)
                && w.ends_with("ed")
                && i > 0
                && !is_aux(i - 1)
                && !matches!(g.w(i - 1), "was" | "were" | "had")
                && matches!(
                    g.w(i + 1),
                    "for" | "at" | "in" | "on" | "by" | "during" | "after" | "before"
                )
            {
                return None;
            }
            if e.is_some_and(|e| e.future) {
                // "had been due to expire", "had planned": a plan in the past.
                let had = (1..=2).any(|k| i >= k && g.w(i - k) == "had");
                return Some(if had { Tense::Past } else { Tense::Future });
            }
            let regular = t.kind == Kind::Word && w.len() > 4 && w.ends_with("ed") && !t.capital;
            if e.is_some_and(|e| e.past) || regular {
                // A participle after a present auxiliary ("has extended", "will be named")
                // is no past tense; nor is an "un-...-ed" adjective ("unspecified").
                let after_aux = i > 0
                    && (is_aux(i - 1) || i > 1 && g.w(i - 1).ends_with("ly") && is_aux(i - 2));
                if after_aux || regular && w.starts_with("un") {
                    return None;
                }
                return Some(Tense::Past);
            }
            None
        };
        let stop = |i: usize| -> bool {
            let t = g.toks[i];
            t.kind == Kind::Punct && matches!(g.w(i), "." | "!" | "?" | ";")
        };
        // "said Monday", "told reporters on Monday": the report's own day, in the past.
        let before = |k: usize| f.start >= k && matches!(g.w(f.start - k), "said" | "told");
        if before(1) || f.start >= 1 && g.w(f.start - 1) == "on" && before(2) {
            return Tense::Past;
        }
        // "since the weekend", "since Friday": a time before now.
        if f.start >= 1 && g.w(f.start - 1) == "since" {
            return Tense::Past;
        }
        // "as early as Tuesday", "as soon as Tuesday": the earliest a thing may happen.
        if f.start >= 3
            && g.w(f.start - 1) == "as"
            && matches!(g.w(f.start - 2), "early" | "soon")
            && g.w(f.start - 3) == "as"
        {
            return Tense::Future;
        }
        // "until" marks the future unless the sentence is in the past perfect ("will stay
        // until Friday", "extended the deadline until Friday", but "until Thursday, they
        // had not ...").
        let mut weak = None;
        // The nearest words before the expression, back to its sentence's or line's start,
        // then those after it, forward to the sentence's end.
        let backward = (f.start.saturating_sub(NEAR_MARKER)..f.start)
            .rev()
            .take_while(|&k| !g.toks[k + 1].newline_before && !stop(k));
        let forward = (f.end..g.toks.len().min(f.end + NEAR_MARKER))
            .take_while(|&k| !stop(k) && !g.toks[k].newline_before);
        for k in backward.chain(forward) {
            if let Some(t) = marker(k) {
                if weak.is_none() || g.w(k) == "had" {
                    if g.w(k) != "until" {
                        return t;
                    }
                    weak = Some(t);
                }
            }
        }
        weak.unwrap_or(Tense::Unknown)
    }

    /// Resolves one expression and updates the anchor.
    pub fn resolve(&mut self, f: &Found, text: &str) -> Option<Timex> {
        let toks = self.g.toks;
        self.cursor = f.start;
        let mut end_tok = f.end;
        let tense = self.tense(f);
        let (kind, value, point) = match &f.expr {
            Expr::Duration(n, u) => (TimexKind::Duration, duration_value(*n, *u), None),
            Expr::Amount(v) => (TimexKind::Duration, v.clone(), None),
            Expr::Set(v) => (TimexKind::Set, v.clone(), None),
            Expr::Ref(r) => (TimexKind::Date, r.to_string(), None),
            Expr::Ago(Count::X, _) => (TimexKind::Date, "PAST_REF".to_string(), None),
            Expr::Hence(Count::X, _) => (TimexKind::Date, "FUTURE_REF".to_string(), None),
            Expr::EventAnchored(n, u, sign, noun) => match self.event_date(*noun, f.start) {
                Some(p) => match anaphor(p, *n, *u, *sign) {
                    Some(p) => (TimexKind::Date, p.value(), Some(p)),
                    None => return None,
                },
                None => {
                    // No dated event: only the amount is a time expression.
                    end_tok = f.end - 3;
                    (TimexKind::Duration, duration_value(*n, *u), None)
                }
            },
            Expr::DayRel(0) if tense == Tense::Past && self.bare_clock(f) => {
                let p = self
                    .clock_event_day(f)
                    .or_else(|| self.point(&f.expr, tense));
                let value = p.map_or_else(|| underspecified(&f.expr), |p| p.value());
                (TimexKind::Date, value, p)
            }
            e => {
                let p = self.point(e, tense);
                let value = match p {
                    Some(p) => p.value(),
                    None => underspecified(e),
                };
                (TimexKind::Date, value, p)
            }
        };
        let (kind, value) = match (f.clock, f.daypart) {
            (Some((h, m)), _) if kind == TimexKind::Date => (
                TimexKind::Time,
                match f.seconds {
                    Some(sec) => format!("{}T{h:02}:{m:02}:{sec:02}", day_value(point)),
                    None => format!("{}T{h:02}:{m:02}", day_value(point)),
                },
            ),
            (None, Some(dp)) if kind == TimexKind::Date => {
                (TimexKind::Time, format!("{}T{dp}", day_value(point)))
            }
            _ => (kind, value),
        };
        // Counted dates ("a year earlier") do not become the previous date: chains of them
        // would drift ("a year earlier" twice is still the same year earlier).
        let counted = matches!(
            f.expr,
            Expr::Ago(..)
                | Expr::Hence(..)
                | Expr::Anaphor(..)
                | Expr::Adjacent(..)
                | Expr::EventAnchored(..)
        );
        if let (Some(p), false) = (point, counted) {
            if !matches!(p, Point::Decade(_) | Point::Century(_)) {
                self.anchor = Some(p);
                self.dated.push((f.start, p));
            }
        }
        let start = toks[f.start].start;
        let end = toks[end_tok - 1].end;
        debug_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        Some(Timex {
            start,
            end,
            kind,
            value,
            modifier: f.modifier.map(str::to_string),
        })
    }

    /// The date of the expression, when the text and the document date fix one.
    fn point(&self, e: &Expr, tense: Tense) -> Option<Point> {
        let dct = self.dct;
        match *e {
            Expr::Cal { year, month, day } => {
                let year = match year {
                    Some(LAST_YEAR) => Some(dct?.year() - 1),
                    Some(THIS_YEAR) => Some(dct?.year()),
                    Some(NEXT_YEAR) => Some(dct?.year() + 1),
                    y => y,
                };
                match (year, month, day) {
                    (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d).map(Point::Day),
                    (Some(y), Some(m), None) => Some(Point::Month(y, m)),
                    (Some(y), None, _) => Some(Point::Year(y)),
                    (None, Some(m), Some(d)) => {
                        let dct = dct?;
                        let pick = |y: i32| NaiveDate::from_ymd_opt(y, m, d);
                        choose(dct, tense, pick).map(Point::Day)
                    }
                    (None, Some(m), None) => self.point(&Expr::Month(m, Rel::Bare), tense),
                    (None, None, _) => None,
                }
            }
            Expr::Holiday { date, year, week } => {
                let day = match year {
                    Some(y) => date.in_year(y)?,
                    None => choose(dct?, tense, |y| date.in_year(y))?,
                };
                Some(if week {
                    let iso = day.iso_week();
                    Point::Week(iso.year(), iso.week())
                } else {
                    Point::Day(day)
                })
            }
            Expr::Weekday(wd, rel) => {
                let dct = dct?;
                let base = match (rel, self.anchor) {
                    (Rel::Previous | Rel::Following, Some(Point::Day(d))) => d,
                    _ => dct,
                };
                let cur = base.weekday().number_from_monday() as i64;
                let back = (cur - wd as i64).rem_euclid(7);
                let fwd = (wd as i64 - cur).rem_euclid(7);
                let d = match rel {
                    Rel::Bare if tense == Tense::Future => base + Duration::days(fwd),
                    Rel::Bare | Rel::Latest | Rel::YearAgo => base - Duration::days(back),
                    Rel::Last | Rel::Previous => {
                        base - Duration::days(if back == 0 { 7 } else { back })
                    }
                    Rel::Next | Rel::Following => {
                        base + Duration::days(if fwd == 0 { 7 } else { fwd })
                    }
                    Rel::This => base + Duration::days(wd as i64 - cur),
                };
                Some(Point::Day(d))
            }
            Expr::Month(m, rel) => {
                let dct = dct?;
                let y = dct.year();
                let here = dct.month();
                let y = match rel {
                    Rel::This => y,
                    // "last October" in November (or October) is a year before: the month
                    // just past is "last month" ("took effect last November", said in
                    // November 2006, is November 2005).
                    Rel::Last => {
                        let latest = if m < here { y } else { y - 1 };
                        if (here + 12 - m) % 12 == 1 {
                            latest - 1
                        } else {
                            latest
                        }
                    }
                    Rel::Previous => {
                        if m < here {
                            y
                        } else {
                            y - 1
                        }
                    }
                    Rel::Next | Rel::Following => {
                        if m > here {
                            y
                        } else {
                            y + 1
                        }
                    }
                    Rel::Bare | Rel::Latest | Rel::YearAgo => {
                        let first = |y: i32| NaiveDate::from_ymd_opt(y, m, 1);
                        if m == here {
                            y
                        } else {
                            choose(dct.with_day(1)?, tense, first)?.year()
                        }
                    }
                };
                Some(Point::Month(y, m))
            }
            Expr::Season(s, year, rel) => {
                if let Some(y) = year {
                    return Some(Point::Season(real_year(y, dct)?, s));
                }
                let dct = dct?;
                let y = dct.year();
                let start = |y: i32| NaiveDate::from_ymd_opt(y, s.start_month(), 1);
                let y = match rel {
                    Rel::This => {
                        if s == Season::Winter && dct.month() <= 2 {
                            y - 1
                        } else {
                            y
                        }
                    }
                    Rel::Last | Rel::Previous => {
                        let mut y = y;
                        while start(y)? > dct - Duration::days(90) {
                            y -= 1;
                        }
                        y
                    }
                    Rel::Next | Rel::Following => {
                        let mut y = y - 1;
                        while start(y)? <= dct {
                            y += 1;
                        }
                        y
                    }
                    Rel::Bare | Rel::Latest | Rel::YearAgo => {
                        let cur_start = start(y)?;
                        if cur_start <= dct && dct < cur_start + Duration::days(92) {
                            y
                        } else {
                            choose(dct, tense, start)?.year()
                        }
                    }
                };
                Some(Point::Season(y, s))
            }
            Expr::Quarter(q, year, rel) => {
                let dct = dct?;
                let cur = match point_of(dct, Unit::Quarter) {
                    Point::Quarter(y, q) => (y, q),
                    _ => return None,
                };
                let Some(q) = q else {
                    // "the quarter", "that quarter": the quarter under discussion, else the
                    // last complete one (news reports a quarter after it ends).
                    let latest = point_of(shift(dct, Unit::Quarter, -1)?, Unit::Quarter);
                    let under_discussion = self.current_quarter(dct);
                    match (rel, year) {
                        (Rel::YearAgo, Some(y)) => {
                            let Point::Quarter(_, q) = under_discussion.unwrap_or(latest) else {
                                return None;
                            };
                            let y = match y {
                                LAST_YEAR => dct.year() - 1,
                                THIS_YEAR => dct.year(),
                                NEXT_YEAR => dct.year() + 1,
                                y => y,
                            };
                            return Some(Point::Quarter(y, q));
                        }
                        (Rel::YearAgo, None) => {
                            let Point::Quarter(y, q) = under_discussion.unwrap_or(latest) else {
                                return None;
                            };
                            return Some(Point::Quarter(y - 1, q));
                        }
                        (Rel::Bare, _) => return Some(under_discussion.unwrap_or(latest)),
                        _ => {}
                    }
                    let k = match rel {
                        Rel::Last | Rel::Latest | Rel::Previous => -1,
                        Rel::Next | Rel::Following => 1,
                        _ => 0,
                    };
                    return Some(point_of(shift(dct, Unit::Quarter, k)?, Unit::Quarter));
                };
                if let Some(y) = year {
                    let y = match y {
                        LAST_YEAR => dct.year() - 1,
                        THIS_YEAR => dct.year(),
                        NEXT_YEAR => dct.year() + 1,
                        y => y,
                    };
                    return Some(Point::Quarter(y, q));
                }
                let y = match rel {
                    Rel::YearAgo => {
                        if q <= cur.1 {
                            cur.0 - 1
                        } else {
                            cur.0 - 2
                        }
                    }
                    Rel::This => cur.0,
                    Rel::Next | Rel::Following => {
                        if q > cur.1 {
                            cur.0
                        } else {
                            cur.0 + 1
                        }
                    }
                    Rel::Last | Rel::Previous => {
                        if q < cur.1 {
                            cur.0
                        } else {
                            cur.0 - 1
                        }
                    }
                    // A quarter named without a year is this year's, unless it has not begun
                    // and the text speaks of the past.
                    _ if tense == Tense::Future => cur.0,
                    _ => {
                        if q <= cur.1 {
                            cur.0
                        } else {
                            cur.0 - 1
                        }
                    }
                };
                Some(Point::Quarter(y, q))
            }
            Expr::Half(h, year, rel) => {
                let dct = dct?;
                let cur_h = (dct.month() - 1) / 6 + 1;
                let y = match (year, rel) {
                    (Some(y), _) => real_year(y, Some(dct))?,
                    (None, Rel::Last | Rel::Previous) => {
                        if h < cur_h {
                            dct.year()
                        } else {
                            dct.year() - 1
                        }
                    }
                    (None, Rel::Next | Rel::Following) => {
                        if h > cur_h {
                            dct.year()
                        } else {
                            dct.year() + 1
                        }
                    }
                    (None, _) if tense == Tense::Future => {
                        if h >= cur_h {
                            dct.year()
                        } else {
                            dct.year() + 1
                        }
                    }
                    (None, _) => {
                        if h <= cur_h {
                            dct.year()
                        } else {
                            dct.year() - 1
                        }
                    }
                };
                Some(Point::Half(y, h))
            }
            Expr::UnitRel(u, rel) => {
                let dct = dct?;
                if u == Unit::Weekend {
                    let cur = dct.weekday().number_from_monday();
                    let k = match rel {
                        Rel::Last | Rel::Previous => -1,
                        Rel::Next | Rel::Following => 1,
                        Rel::This => 0,
                        // "the weekend": the one just past, or the coming one in the future.
                        _ if tense == Tense::Future => 0,
                        _ => {
                            if cur >= 6 {
                                0
                            } else {
                                -1
                            }
                        }
                    };
                    return Some(point_of(shift(dct, Unit::Week, k)?, Unit::Weekend));
                }
                let k = match rel {
                    Rel::Last | Rel::Previous => -1,
                    Rel::Next | Rel::Following => 1,
                    _ => 0,
                };
                Some(point_of(shift(dct, u, k)?, u))
            }
            Expr::DayRel(n) => Some(Point::Day(dct?.checked_add_signed(Duration::try_days(n)?)?)),
            Expr::Ago(Count::N(n), u) => {
                // "a year ago" while a quarter is discussed: that quarter a year before.
                if let (Unit::Year, Some(Point::Quarter(y, q))) = (u, self.current_quarter(dct?)) {
                    return Some(Point::Quarter(y - n as i32, q));
                }
                let d = shift(dct?, u, -(n as i64))?;
                Some(point_of(d, granularity(u)))
            }
            Expr::Hence(Count::N(n), u) => {
                let d = shift(dct?, u, n as i64)?;
                Some(point_of(d, granularity(u)))
            }
            Expr::Anaphor(n, u, sign) => {
                let base = self.anchor_for(u).or(dct.map(Point::Day))?;
                if let (Unit::Year, Some(Point::Quarter(y, q)), Count::N(n)) =
                    (u, dct.and_then(|d| self.current_quarter(d)), n)
                {
                    return Some(Point::Quarter(y + sign as i32 * n as i32, q));
                }
                anaphor(base, n, u, sign)
            }
            Expr::Adjacent(u, sign) => {
                let base = self.anchor_for(u).or(dct.map(Point::Day))?;
                // "the following week" after a day: that week, not a day seven days on.
                if u == Unit::Week && matches!(base, Point::Day(_) | Point::Week(..)) {
                    let d = shift(base.first_day()?, Unit::Week, sign)?;
                    return Some(point_of(d, Unit::Week));
                }
                anaphor(base, Count::N(1), u, sign)
            }
            Expr::SamePeriod(year, kind) => {
                let dct = dct?;
                let discussed = self.discussed_period(dct).filter(|p| {
                    matches!(
                        (kind, p),
                        ("period", _)
                            | ("month", Point::Month(..))
                            | ("quarter", Point::Quarter(..))
                            | ("half", Point::Half(..))
                            | ("season", Point::Season(..))
                    )
                });
                // "the same month last year" with no month named: the document's month.
                let discussed = match (discussed, kind) {
                    (None, "month") => Some(point_of(dct, Unit::Month)),
                    (d, _) => d,
                };
                let y = match (year, discussed) {
                    (Some(y), _) => y,
                    (None, Some(p)) => p.first_day()?.year() - 1,
                    (None, None) => dct.year() - 1,
                };
                Some(match discussed {
                    Some(Point::Quarter(_, q)) => Point::Quarter(y, q),
                    Some(Point::Half(_, h)) => Point::Half(y, h),
                    Some(Point::Month(_, m)) => Point::Month(y, m),
                    Some(Point::Season(_, s)) => Point::Season(y, s),
                    _ => Point::Year(y),
                })
            }
            Expr::Decade(d) => Some(Point::Decade(d)),
            Expr::Century(c) => Some(Point::Century(c)),
            _ => None,
        }
    }

    /// The previous date in the text at least as precise as a count of `u` needs ("a day
    /// earlier" needs a day, "a month later" a month): a coarser date named in passing
    /// ("news of the February trade surplus ... a day earlier") is not the reference time.
    /// None when the text has none yet (the document date then serves).
    fn anchor_for(&self, u: Unit) -> Option<Point> {
        // A week counts from a week too ("last week ... the previous week").
        let needed = if u == Unit::Week {
            1
        } else {
            unit_rank(granularity(u))
        };
        let last = self.anchor?;
        if precision_rank(last).is_some_and(|r| r <= needed) {
            return Some(last);
        }
        self.dated
            .iter()
            .rev()
            .map(|(_, p)| *p)
            .find(|p| precision_rank(*p).is_some_and(|r| r <= needed))
    }

    /// The part of a year under discussion (a quarter, half, month or season of this year
    /// or the last), named within about a paragraph.
    fn discussed_period(&self, dct: NaiveDate) -> Option<Point> {
        self.discussed(dct, |p| match p {
            Point::Quarter(y, _) | Point::Half(y, _) | Point::Month(y, _) | Point::Season(y, _) => {
                Some(*y)
            }
            _ => None,
        })
    }

    /// The quarter under discussion: a quarter of this year or of the last complete
    /// quarter's year (not a year-ago one) named shortly before.
    fn current_quarter(&self, dct: NaiveDate) -> Option<Point> {
        self.discussed(dct, |p| match p {
            Point::Quarter(y, _) => Some(*y),
            _ => None,
        })
    }

    /// The latest point named within about a paragraph (120 tokens, chosen on TimeBank among
    /// 30, 60, 120 and 250) whose year `year_of` gives and which is no older than the year
    /// of the last complete quarter.
    fn discussed(&self, dct: NaiveDate, year_of: impl Fn(&Point) -> Option<i32>) -> Option<Point> {
        let latest_year = shift(dct, Unit::Quarter, -1)?.year();
        self.dated
            .iter()
            .rev()
            .take_while(|(at, _)| *at + 120 >= self.cursor)
            .find_map(|(_, p)| year_of(p).filter(|y| *y >= latest_year).map(|_| *p))
    }

    /// A clock with no day of its own ("at 10 p.m."): no word of the expression names a day.
    fn bare_clock(&self, f: &Found) -> bool {
        f.clock.is_some()
            && !(f.start..f.end).any(|k| self.g.e(k).is_some_and(|e| e.dayrel.is_some()))
    }

    /// The day of the event a past clock times, when the same verb was dated earlier in
    /// the story: "he was shot to death last Oct. 23 ... was shot to death at 10 p.m."
    /// The verb is the nearest past form before the clock in its sentence (not an
    /// auxiliary); the earlier mention is the nearest same word form with a day dated
    /// within 25 tokens of it, and its date the nearest such day.
    fn clock_event_day(&self, f: &Found) -> Option<Point> {
        let g = self.g;
        let mut verb = None;
        let mut k = f.start;
        while k > 0 && f.start - k < NEAR_MARKER && !g.toks[k].newline_before {
            k -= 1;
            let t = g.toks[k];
            let w = g.w(k);
            if t.kind == Kind::Punct && matches!(w, "." | "!" | "?" | ";") {
                break;
            }
            let past = g.e(k).is_some_and(|e| e.past)
                || t.kind == Kind::Word && w.len() > 4 && w.ends_with("ed") && !t.capital;
            if past && !matches!(w, "was" | "were" | "had" | "did" | "ago" | "last") {
                verb = Some(k);
                break;
            }
        }
        let verb = verb?;
        let form = g.w(verb);
        (verb.saturating_sub(CLOCK_EVENT_REACH)..verb)
            .rev()
            .filter(|&j| g.w(j) == form)
            .find_map(|mention| {
                let from = self.dated.partition_point(|(at, _)| *at + 25 < mention);
                self.dated[from..]
                    .iter()
                    .take_while(|(at, _)| *at <= mention + 25)
                    .filter(|(at, p)| *at < f.start && matches!(p, Point::Day(_)))
                    .min_by_key(|(at, _)| at.abs_diff(mention))
                    .map(|(_, p)| *p)
            })
    }

    /// The date of the event named by the noun at token `noun`: the date nearest to an
    /// earlier word of the same stem ("the invasion" ~ "invaded ... on Feb. 24").
    fn event_date(&self, noun: usize, before: usize) -> Option<Point> {
        let g = self.g;
        let target = g.w(noun);
        if target.len() < 5 {
            return None;
        }
        let mut i = before;
        let lower_bound = before.saturating_sub(400);
        while i > lower_bound {
            i -= 1;
            let t = g.toks[i];
            if t.kind != Kind::Word || !same_stem(target, g.w(i)) {
                continue;
            }
            // The dated expression nearest to that word, within 25 tokens (`dated` is in
            // text order: only its tail near the word is read).
            let from = self.dated.partition_point(|(at, _)| *at + 25 < i);
            return self.dated[from..]
                .iter()
                .take_while(|(at, _)| *at <= i + 25)
                .filter(|(at, _)| *at < before)
                .min_by_key(|(at, _)| at.abs_diff(i))
                .map(|(_, p)| *p);
        }
        None
    }
}

/// Two words share a stem: a common prefix of at least 4 letters that leaves at most 4
/// letters of the shorter word ("invasion" ~ "invaded", "election" ~ "elected").
fn same_stem(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    common >= 4 && common + 4 >= a.len().min(b.len())
}

/// The granularity a count of units is dated at: days and weeks give a day, months a
/// month, years and longer a year.
fn granularity(u: Unit) -> Unit {
    match u {
        Unit::Day | Unit::Week | Unit::Weekend | Unit::Hour | Unit::Minute | Unit::Second => {
            Unit::Day
        }
        Unit::Month => Unit::Month,
        Unit::Quarter | Unit::Half => Unit::Quarter,
        Unit::Year | Unit::Decade | Unit::Century => Unit::Year,
    }
}

/// How precise a date is: 0 a day, 1 a week, 2 a month, 3 a quarter, 4 a year (None for
/// decades and centuries).
fn precision_rank(p: Point) -> Option<u8> {
    Some(match p {
        Point::Day(_) => 0,
        Point::Week(..) | Point::Weekend(..) => 1,
        Point::Month(..) => 2,
        Point::Quarter(..) | Point::Season(..) | Point::Half(..) => 3,
        Point::Year(_) => 4,
        Point::Decade(_) | Point::Century(_) => return None,
    })
}

/// The precision rank of a granularity (see [`precision_rank`]).
fn unit_rank(gran: Unit) -> u8 {
    match gran {
        Unit::Day => 0,
        Unit::Week | Unit::Weekend => 1,
        Unit::Month => 2,
        Unit::Quarter => 3,
        _ => 4,
    }
}

/// `n` units before (`sign` -1) or after `base`, never more precise than `base`.
fn anaphor(base: Point, n: Count, u: Unit, sign: i64) -> Option<Point> {
    let Count::N(n) = n else {
        return None;
    };
    let gran = granularity(u);
    let base_rank = precision_rank(base)?;
    let unit_rank = unit_rank(gran);
    let d = shift(base.first_day()?, u, sign * n as i64)?;
    // "the previous week" after "last week": a week.
    if u == Unit::Week && base_rank == 1 {
        return Some(point_of(d, Unit::Week));
    }
    // "the previous decade": a decade, "the next century": a century.
    if matches!(u, Unit::Decade | Unit::Century) {
        return Some(point_of(d, u));
    }
    if base_rank > unit_rank {
        // "a day after" a month: the month is all we know; a week into a year likewise.
        let coarse = match base {
            Point::Week(..) | Point::Weekend(..) => return None,
            Point::Month(..) => Unit::Month,
            Point::Quarter(..) | Point::Half(..) | Point::Season(..) => return None,
            _ => Unit::Year,
        };
        return Some(point_of(d, coarse));
    }
    Some(point_of(d, gran))
}

/// Among the occurrences of a yearly date (`make(year)`), the one nearest to `dct`, and
/// usually the one before: a later one wins only when it is 1.5 times nearer (6 times in
/// the past tense; in the future tense, unless it is twice as far).
fn choose(
    dct: NaiveDate,
    tense: Tense,
    make: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    let y = dct.year();
    let candidates: Vec<NaiveDate> = (y - 1..=y + 1).filter_map(&make).collect();
    let before = candidates.iter().rev().find(|d| **d <= dct).copied();
    let after = candidates.iter().find(|d| **d > dct).copied();
    // How much farther the earlier occurrence may be and still win.
    let past_weight = match tense {
        Tense::Future => 0.5,
        Tense::Unknown => 1.5,
        Tense::Past => 6.0,
    };
    match (before, after) {
        (Some(b), Some(a)) => {
            let (to_a, to_b) = ((a - dct).num_days() as f64, (dct - b).num_days() as f64);
            Some(if to_a * past_weight < to_b { a } else { b })
        }
        (b, a) => b.or(a),
    }
}

fn unit_code(u: Unit) -> (&'static str, &'static str, u32) {
    // (prefix, letter, multiplier)
    match u {
        Unit::Year => ("P", "Y", 1),
        Unit::Month => ("P", "M", 1),
        Unit::Week => ("P", "W", 1),
        Unit::Day => ("P", "D", 1),
        Unit::Hour => ("PT", "H", 1),
        Unit::Minute => ("PT", "M", 1),
        Unit::Second => ("PT", "S", 1),
        Unit::Quarter => ("P", "Q", 1),
        Unit::Decade => ("P", "DE", 1),
        // TimeBank writes an unknown number of centuries PXC (one letter, as P2L for
        // millennia).
        Unit::Century => ("P", "C", 1),
        Unit::Weekend => ("P", "WE", 1),
        Unit::Half => ("P", "M", 6),
    }
}

/// The TIMEX3 value of an amount: P15M, PT2H, PXY; decades count as ten years when the
/// count is known (the TimeBank convention).
pub fn duration_value(n: Count, u: Unit) -> String {
    let (prefix, letter, mult) = unit_code(u);
    match (n, u) {
        (Count::N(n), Unit::Decade) => format!("P{}Y", n.saturating_mul(10)),
        (Count::N(n), Unit::Century) => format!("P{}Y", n.saturating_mul(100)),
        // Whole thousands of years are millennia ("two thousand years" P2L), as TimeBank
        // writes them.
        (Count::N(n), Unit::Year) if n >= 1000 && n % 1000 == 0 => format!("P{}L", n / 1000),
        (Count::N(n), _) => format!("{prefix}{}{letter}", n.saturating_mul(mult)),
        (Count::X, _) => format!("{prefix}X{letter}"),
    }
}

/// A year, with the markers of years relative to the document resolved.
fn real_year(y: i32, dct: Option<NaiveDate>) -> Option<i32> {
    Some(match y {
        LAST_YEAR => dct?.year() - 1,
        THIS_YEAR => dct?.year(),
        NEXT_YEAR => dct?.year() + 1,
        y => y,
    })
}

/// The date part of a time value ("XXXX-XX-XX" when unknown).
fn day_value(p: Option<Point>) -> String {
    match p {
        Some(p @ Point::Day(_)) => p.value(),
        _ => "XXXX-XX-XX".to_string(),
    }
}

/// The value of a date that needs a document date when there is none.
fn underspecified(e: &Expr) -> String {
    match *e {
        Expr::Cal {
            month: Some(m),
            day: Some(d),
            ..
        } => format!("XXXX-{m:02}-{d:02}"),
        Expr::Cal {
            month: Some(m),
            day: None,
            ..
        }
        | Expr::Month(m, _) => format!("XXXX-{m:02}"),
        Expr::Holiday {
            date: HolidayDate::Fixed(m, d),
            week: false,
            ..
        } => format!("XXXX-{m:02}-{d:02}"),
        Expr::Holiday { week: true, .. } => "XXXX-WXX".into(),
        Expr::Season(s, ..) => format!("XXXX-{}", s.code()),
        Expr::Quarter(Some(q), ..) => format!("XXXX-Q{q}"),
        Expr::Half(h, ..) => format!("XXXX-H{h}"),
        Expr::Weekday(wd, _) => format!("XXXX-WXX-{wd}"),
        Expr::UnitRel(Unit::Year, _)
        | Expr::Ago(_, Unit::Year)
        | Expr::Anaphor(_, Unit::Year, _)
        | Expr::Adjacent(Unit::Year, _) => "XXXX".into(),
        Expr::UnitRel(Unit::Month, _)
        | Expr::Ago(_, Unit::Month)
        | Expr::Anaphor(_, Unit::Month, _)
        | Expr::Adjacent(Unit::Month, _) => "XXXX-XX".into(),
        Expr::UnitRel(Unit::Week, _) => "XXXX-WXX".into(),
        Expr::UnitRel(Unit::Quarter, _) | Expr::Quarter(None, ..) => "XXXX-QX".into(),
        _ => "XXXX-XX-XX".into(),
    }
}
