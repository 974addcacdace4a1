//! Dates as precise as the text says: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.

use chrono::{Datelike, NaiveDate};

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A date known to the day, the month or the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `None` for anything else, including dates
    /// that do not exist (`2023-02-30`).
    pub fn parse(text: &str) -> Option<PartialDate> {
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let mut parts = text.split('-');
        let year = parts.next()?;
        if !digits(year, 4) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let month = match parts.next() {
            None => None,
            Some(m) if digits(m, 2) => Some(m.parse::<u32>().ok()?),
            Some(_) => return None,
        };
        let day = match parts.next() {
            None => None,
            Some(d) if digits(d, 2) => Some(d.parse::<u32>().ok()?),
            Some(_) => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        let date = PartialDate { year, month, day };
        match (month, day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d).map(|_| date),
            (Some(m), None) => (1..=12).contains(&m).then_some(date),
            _ => Some(date),
        }
    }

    pub fn from_day(day: NaiveDate) -> PartialDate {
        PartialDate {
            year: day.year(),
            month: Some(day.month()),
            day: Some(day.day()),
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day of the period.
    pub fn first_day(&self) -> NaiveDate {
        let m = self.month.unwrap_or(1);
        let d = self.day.unwrap_or(1);
        NaiveDate::from_ymd_opt(self.year, m, d).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the period.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.first_day(),
            (Some(m), None) => {
                let (y, m) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(NaiveDate::MAX)
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// Whether this period lies inside `outer` (a day inside its month, a month inside its year).
    pub fn within(&self, outer: &PartialDate) -> bool {
        self.first_day() >= outer.first_day() && self.last_day() <= outer.last_day()
    }

    pub fn day(&self) -> Option<NaiveDate> {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            _ => None,
        }
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// `YYYY-MM-DD` of a day.
pub fn day_string(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// A publication date as the contract allows it on input: `YYYY-MM-DD` or an RFC 3339
/// timestamp, of which the day is kept.
pub fn publication_day(text: &str) -> Option<NaiveDate> {
    let head = text.get(..10)?;
    PartialDate::parse(head)?.day()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_precisions_and_rejects_the_rest() {
        assert_eq!(
            PartialDate::parse("2023-03-15").unwrap().precision(),
            Precision::Day
        );
        assert_eq!(
            PartialDate::parse("2023-03").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse("2023").unwrap().precision(),
            Precision::Year
        );
        for bad in [
            "2023-02-30",
            "2023-13",
            "23-03-15",
            "2023-3-15",
            "",
            "2023-03-15-01",
        ] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn periods_have_first_and_last_days() {
        let feb = PartialDate::parse("2024-02").unwrap();
        assert_eq!(day_string(feb.first_day()), "2024-02-01");
        assert_eq!(day_string(feb.last_day()), "2024-02-29");
        let dec = PartialDate::parse("2023-12").unwrap();
        assert_eq!(day_string(dec.last_day()), "2023-12-31");
        assert!(PartialDate::parse("2024-02-10").unwrap().within(&feb));
        assert!(!PartialDate::parse("2024-03-01").unwrap().within(&feb));
        assert_eq!(
            publication_day("2022-10-21T14:05:00Z").map(day_string),
            Some("2022-10-21".into())
        );
    }
}
