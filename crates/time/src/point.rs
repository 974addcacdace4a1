//! Calendar points at their own precision, their TIMEX3 values and the arithmetic the
//! normaliser needs (shifting by units, weeks and quarters).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::lexicon::Unit;

/// A date at the precision the text gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Point {
    Day(NaiveDate),
    /// ISO week-numbering year and week.
    Week(i32, u32),
    /// The weekend of an ISO week.
    Weekend(i32, u32),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, Season),
    Year(i32),
    /// The first three digits of the years ("199" for the 1990s).
    Decade(i32),
    /// The first two digits ("19" for the 20th century).
    Century(i32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn from_code(code: &str) -> Option<Season> {
        Some(match code {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Fall,
            "WI" => Season::Winter,
            _ => return None,
        })
    }
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
    /// The month a season starts in (meteorological seasons, northern hemisphere).
    pub fn start_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

impl Point {
    /// The TIMEX3 value.
    pub fn value(&self) -> String {
        match *self {
            Point::Day(d) => d.format("%Y-%m-%d").to_string(),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Season(y, s) => format!("{y:04}-{}", s.code()),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) => format!("{c:02}"),
        }
    }

    /// Parses a TIMEX3 date value back into a point (the inverse of `value`).
    pub fn parse(value: &str) -> Option<Point> {
        let b = value.as_bytes();
        let num = |s: &str| -> Option<i32> {
            if !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        match b.len() {
            2 => return num(value).map(Point::Century),
            3 => return num(value).map(Point::Decade),
            4 => return num(value).map(Point::Year),
            _ => {}
        }
        let (ys, rest) = value.split_at_checked(4)?;
        let y = num(ys)?;
        let rest = rest.strip_prefix('-')?;
        if let Some(w) = rest.strip_prefix('W') {
            if let Some(w) = w.strip_suffix("-WE") {
                let w = num(w)? as u32;
                NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                return Some(Point::Weekend(y, w));
            }
            let w = num(w)? as u32;
            NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
            return Some(Point::Week(y, w));
        }
        if let Some(q) = rest.strip_prefix('Q') {
            let q = num(q)? as u32;
            return (1..=4).contains(&q).then_some(Point::Quarter(y, q));
        }
        if let Some(h) = rest.strip_prefix('H') {
            let h = num(h)? as u32;
            return (1..=2).contains(&h).then_some(Point::Half(y, h));
        }
        if let Some(s) = Season::from_code(rest) {
            return Some(Point::Season(y, s));
        }
        if rest.len() == 2 {
            let m = num(rest)? as u32;
            return (1..=12).contains(&m).then_some(Point::Month(y, m));
        }
        NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .ok()
            .filter(|_| value.len() == 10)
            .map(Point::Day)
    }

    pub fn year(&self) -> i32 {
        match *self {
            Point::Day(d) => d.year(),
            Point::Week(y, _) | Point::Weekend(y, _) => y,
            Point::Month(y, _)
            | Point::Quarter(y, _)
            | Point::Half(y, _)
            | Point::Season(y, _)
            | Point::Year(y) => y,
            Point::Decade(d) => d * 10,
            Point::Century(c) => c * 100,
        }
    }

    /// The first day of the point.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Point::Day(d) => Some(d),
            Point::Week(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Mon),
            Point::Weekend(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Sat),
            Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Point::Quarter(y, q) => NaiveDate::from_ymd_opt(y, 3 * q - 2, 1),
            Point::Half(y, h) => NaiveDate::from_ymd_opt(y, 6 * h - 5, 1),
            Point::Season(y, s) => NaiveDate::from_ymd_opt(y, s.start_month(), 1),
            Point::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Point::Decade(d) => NaiveDate::from_ymd_opt(d * 10, 1, 1),
            Point::Century(c) => NaiveDate::from_ymd_opt(c * 100, 1, 1),
        }
    }
}

/// The point of `unit` granularity that holds `d`.
pub fn point_of(d: NaiveDate, unit: Unit) -> Point {
    match unit {
        Unit::Year => Point::Year(d.year()),
        Unit::Month => Point::Month(d.year(), d.month()),
        Unit::Week => {
            let w = d.iso_week();
            Point::Week(w.year(), w.week())
        }
        Unit::Weekend => {
            let w = d.iso_week();
            Point::Weekend(w.year(), w.week())
        }
        Unit::Quarter => Point::Quarter(d.year(), (d.month() - 1) / 3 + 1),
        Unit::Half => Point::Half(d.year(), (d.month() - 1) / 6 + 1),
        Unit::Decade => Point::Decade(d.year().div_euclid(10)),
        Unit::Century => Point::Century(d.year().div_euclid(100)),
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => Point::Day(d),
    }
}

/// `d` moved by `n` units (months clamp to the end of the month).
pub fn shift(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    let months = |k: i64| -> Option<NaiveDate> {
        let k32 = i32::try_from(k).ok()?;
        if k32 >= 0 {
            d.checked_add_months(chrono::Months::new(k32 as u32))
        } else {
            d.checked_sub_months(chrono::Months::new(k32.unsigned_abs()))
        }
    };
    match unit {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
            d.checked_add_signed(Duration::try_days(n)?)
        }
        Unit::Week | Unit::Weekend => d.checked_add_signed(Duration::try_days(n.checked_mul(7)?)?),
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Half => months(n.checked_mul(6)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_parsing() {
        let d = NaiveDate::from_ymd_opt(2024, 6, 25).unwrap();
        assert_eq!(point_of(d, Unit::Week).value(), "2024-W26");
        assert_eq!(point_of(d, Unit::Quarter).value(), "2024-Q2");
        assert_eq!(point_of(d, Unit::Decade).value(), "202");
        let jan1 = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
        assert_eq!(point_of(jan1, Unit::Week).value(), "2020-W53");
        for v in [
            "2024-06-25",
            "2020-W53",
            "2024-Q2",
            "202",
            "19",
            "1998-SU",
            "2024-06",
        ] {
            assert_eq!(Point::parse(v).map(|p| p.value()).as_deref(), Some(v));
        }
        assert_eq!(Point::parse("2021-W53"), None);
        assert_eq!(Point::parse("2023-02-29"), None);
        assert_eq!(
            shift(
                NaiveDate::from_ymd_opt(2024, 3, 31).unwrap(),
                Unit::Month,
                -1
            ),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
    }
}
