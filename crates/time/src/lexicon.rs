//! The vocabulary of temporal expressions, read once from the data files under `data/`.
//!
//! The files are compiled in (`include_str!`), so a malformed line is a bug of the project,
//! found by the test `lexicon_loads`, never an input error at run time.

use chrono::{Datelike, Duration, NaiveDate};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// A unit of time as the TIMEX3 values write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Quarter,
    Decade,
    Century,
    Weekend,
    Half,
}

/// Everything the lexicon knows about one lower-case word.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    pub month: Option<u32>,
    /// The month is an abbreviation ("Oct"): it needs a day, a year or a period.
    pub month_abbr: bool,
    pub weekday: Option<u32>,
    /// "Mondays": a set of weekdays.
    pub weekday_plural: Option<u32>,
    pub number: Option<u32>,
    /// twenty .. ninety: combine with a following 1..9.
    pub tens: Option<u32>,
    pub ordinal: Option<u32>,
    /// "few", "several": an unspecified count.
    pub fuzzy: bool,
    /// "couple": two, approximately.
    pub couple: bool,
    /// "nineties": the decade (9) of the twentieth century, after "the".
    pub decade: Option<u32>,
    pub unit: Option<Unit>,
    pub season: Option<&'static str>,
    pub daypart: Option<&'static str>,
    /// "nights", "mornings": a part of every such day, after a weekday ("Tuesday nights").
    pub daypart_plural: Option<&'static str>,
    pub reference: Option<&'static str>,
    pub dayrel: Option<i64>,
    pub set: Option<&'static str>,
    pub future: bool,
    pub past: bool,
    /// A present or non-finite auxiliary ("is", "has", "be"): a participle after it is not
    /// a past tense ("has extended", "will be named").
    pub aux: bool,
    /// "is", "set", "about": with "to" after it, it marks the future ("is to resume").
    pub future_to: bool,
    /// The word may begin an expression: every word with a class above, the first words
    /// of modifiers and holidays, and the grammar's own words ([`GRAMMAR_WORDS`]).
    pub starter: bool,
}

/// Words the rules of `grammar.rs` begin with although they have no class of their own.
pub const GRAMMAR_WORDS: &[&str] = &[
    "the",
    "this",
    "that",
    "last",
    "next",
    "past",
    "each",
    "every",
    "per",
    "coming",
    "fiscal",
    "mid",
    "noon",
    "midnight",
    "these",
    "overnight",
    "right",
    "future",
    "latest",
    "comparable",
    "following",
    "previous",
    "same",
    "another",
];

/// A modifier phrase ("the end of", "at least").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Modifier {
    /// `true` for parts of periods (START, MID, END), `false` for amounts (APPROX...).
    pub part: bool,
    pub value: &'static str,
}

pub struct Lexicon {
    pub words: HashMap<&'static str, Entry>,
    /// Modifier phrases, keyed by their words.
    pub modifiers: Vec<(Vec<&'static str>, Modifier)>,
    pub holidays: Vec<(Vec<&'static str>, HolidayDate)>,
}

/// When a holiday falls in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayDate {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// The first such weekday (1 = Monday .. 7 = Sunday) on or after a month and day:
    /// "the fourth Thursday of November" is the first Thursday on or after November 22.
    WeekdayFrom(u32, u32, u32),
    /// Days from Western (Gregorian) Easter Sunday.
    Easter(i64),
}

impl HolidayDate {
    /// The holiday's day in year `y`.
    pub fn in_year(self, y: i32) -> Option<NaiveDate> {
        match self {
            HolidayDate::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
            HolidayDate::WeekdayFrom(m, d, wd) => {
                let from = NaiveDate::from_ymd_opt(y, m, d)?;
                let cur = from.weekday().number_from_monday();
                from.checked_add_signed(Duration::days(i64::from((wd + 7 - cur) % 7)))
            }
            HolidayDate::Easter(offset) => {
                easter_sunday(y)?.checked_add_signed(Duration::days(offset))
            }
        }
    }
}

/// Gregorian Easter Sunday (the anonymous Gregorian computus).
fn easter_sunday(y: i32) -> Option<NaiveDate> {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Reads the date column of holidays.tsv: `MM-DD`, `MM-DD WEEKDAY` (the first such
/// weekday on or after that day, `mon` .. `sun`), `easter`, `easter+N`, `easter-N`.
fn holiday_date(field: &str) -> Option<HolidayDate> {
    if let Some(rest) = field.strip_prefix("easter") {
        let offset = match rest {
            "" => 0,
            _ if rest.starts_with('+') => rest[1..].parse().ok()?,
            _ => rest.parse().ok()?,
        };
        // A feast more than a year from Easter is a slip in the data file.
        return (-366..=366)
            .contains(&offset)
            .then_some(HolidayDate::Easter(offset));
    }
    let (md, weekday) = match field.split_once(' ') {
        Some((md, wd)) => (md, Some(wd)),
        None => (field, None),
    };
    let (m, d) = md.split_once('-')?;
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    NaiveDate::from_ymd_opt(2000, m, d)?;
    match weekday {
        None => Some(HolidayDate::Fixed(m, d)),
        Some(wd) => {
            let n = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                .iter()
                .position(|x| *x == wd)?;
            Some(HolidayDate::WeekdayFrom(m, d, n as u32 + 1))
        }
    }
}

const LEXICON: &str = include_str!("../data/lexicon.tsv");
const MODIFIERS: &str = include_str!("../data/modifiers.tsv");
const HOLIDAYS: &str = include_str!("../data/holidays.tsv");

/// The lexicon, loaded on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| load().unwrap_or_else(|e| panic!("dyad-time data files: {e}")))
}

fn data_lines(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| (n + 1, l.split('\t').collect()))
}

fn unit_of(code: &str) -> Option<Unit> {
    Some(match code {
        "Y" => Unit::Year,
        "M" => Unit::Month,
        "W" => Unit::Week,
        "D" => Unit::Day,
        "H" => Unit::Hour,
        "MIN" => Unit::Minute,
        "S" => Unit::Second,
        "Q" => Unit::Quarter,
        "DE" => Unit::Decade,
        "CE" => Unit::Century,
        "WE" => Unit::Weekend,
        "H1" => Unit::Half,
        _ => return None,
    })
}

fn load() -> Result<Lexicon, String> {
    let mut words: HashMap<&'static str, Entry> = HashMap::default();
    for (line, fields) in data_lines(LEXICON) {
        let err = |what: &str| format!("data/lexicon.tsv:{line}: {what}");
        if fields.len() < 2 {
            return Err(err("expected WORD<TAB>CLASS<TAB>VALUE"));
        }
        let (word, class) = (fields[0], fields[1]);
        let value = fields.get(2).copied().unwrap_or("");
        let num = || value.parse::<u32>().map_err(|_| err("bad number"));
        let e = words.entry(word).or_default();
        match class {
            "month" => e.month = Some(num()?),
            "month-abbr" => {
                e.month = Some(num()?);
                e.month_abbr = true;
            }
            "weekday" => e.weekday = Some(num()?),
            "weekday-plural" => e.weekday_plural = Some(num()?),
            "number" => e.number = Some(num()?),
            "tens" => e.tens = Some(num()?),
            "ordinal" => e.ordinal = Some(num()?),
            "fuzzy" => e.fuzzy = true,
            "fuzzy-two" => e.couple = true,
            "decade" => e.decade = Some(num()?),
            "unit" => e.unit = Some(unit_of(value).ok_or_else(|| err("bad unit"))?),
            "season" => e.season = Some(value),
            "daypart" => e.daypart = Some(value),
            "daypart-plural" => e.daypart_plural = Some(value),
            "ref" => e.reference = Some(value),
            "dayrel" => e.dayrel = Some(value.parse().map_err(|_| err("bad offset"))?),
            "set" => e.set = Some(value),
            "future" => e.future = true,
            "past" => e.past = true,
            "aux" => e.aux = true,
            "future-to" => e.future_to = true,
            _ => return Err(err("unknown class")),
        }
    }
    // A word with a class begins expressions; a tense marker alone does not.
    for e in words.values_mut() {
        e.starter = e.month.is_some()
            || e.weekday.is_some()
            || e.weekday_plural.is_some()
            || e.number.is_some()
            || e.tens.is_some()
            || e.ordinal.is_some()
            || e.fuzzy
            || e.couple
            || e.decade.is_some()
            || e.unit.is_some()
            || e.season.is_some()
            || e.daypart.is_some()
            || e.reference.is_some()
            || e.dayrel.is_some()
            || e.set.is_some();
    }
    for w in GRAMMAR_WORDS {
        words.entry(w).or_default().starter = true;
    }
    let mut modifiers = Vec::new();
    for (line, fields) in data_lines(MODIFIERS) {
        if fields.len() != 3 || !matches!(fields[1], "part" | "quant") {
            return Err(format!(
                "data/modifiers.tsv:{line}: expected PHRASE<TAB>part|quant<TAB>MOD"
            ));
        }
        let phrase: Vec<&'static str> = fields[0].split(' ').collect();
        words.entry(phrase[0]).or_default().starter = true;
        modifiers.push((
            phrase,
            Modifier {
                part: fields[1] == "part",
                value: fields[2],
            },
        ));
    }
    // Longest phrases first, so that "no more than" wins over "more than".
    modifiers.sort_by_key(|m| std::cmp::Reverse(m.0.len()));
    let mut holidays = Vec::new();
    for (line, fields) in data_lines(HOLIDAYS) {
        let date = fields.get(1).and_then(|v| holiday_date(v));
        let (true, Some(date)) = (fields.len() == 2, date) else {
            return Err(format!(
                "data/holidays.tsv:{line}: expected NAME<TAB>MM-DD, MM-DD WEEKDAY or easter[+-N]"
            ));
        };
        // "new year's day" is tokenised as "new", "year", "'s", "day".
        let mut phrase = Vec::new();
        for w in fields[0].split(' ') {
            match w.strip_suffix("'s") {
                Some(stem) => {
                    phrase.push(stem);
                    phrase.push("'s");
                }
                None => phrase.push(w),
            }
        }
        words.entry(phrase[0]).or_default().starter = true;
        holidays.push((phrase, date));
    }
    holidays.sort_by_key(|h| std::cmp::Reverse(h.0.len()));
    Ok(Lexicon {
        words,
        modifiers,
        holidays,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn lexicon_loads() {
        let lex = super::load().expect("data files parse");
        assert_eq!(lex.words["october"].month, Some(10));
        assert_eq!(lex.words["sept"].month, Some(9));
        assert!(lex.words["sept"].month_abbr);
        assert_eq!(lex.words["sunday"].weekday, Some(7));
        assert_eq!(lex.words["second"].ordinal, Some(2));
        assert_eq!(lex.words["second"].unit, Some(super::Unit::Second));
        assert_eq!(lex.modifiers[0].0, vec!["the", "beginning", "of"]);
        assert_eq!(lex.holidays[0].0, vec!["new", "year", "'s", "day"]);
    }

    #[test]
    fn holiday_dates() {
        use super::{holiday_date, HolidayDate};
        use chrono::NaiveDate;
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(holiday_date("12-25"), Some(HolidayDate::Fixed(12, 25)));
        assert_eq!(holiday_date("02-30"), None);
        assert_eq!(holiday_date("11-22 thursday"), None);
        assert_eq!(holiday_date("easterx"), None);
        assert_eq!(holiday_date("easter+99999999999"), None);
        // The last years chrono can hold give no day rather than a panic.
        assert_eq!(holiday_date("12-31 sun").unwrap().in_year(262_142), None);
        // Thanksgiving: the fourth Thursday of November.
        let thanksgiving = holiday_date("11-22 thu").unwrap();
        assert_eq!(thanksgiving.in_year(1999), day(1999, 11, 25));
        assert_eq!(thanksgiving.in_year(2001), day(2001, 11, 22));
        assert_eq!(thanksgiving.in_year(2007), day(2007, 11, 22));
        // Easter Sundays, and Good Friday two days before.
        let easter = holiday_date("easter").unwrap();
        assert_eq!(easter.in_year(2000), day(2000, 4, 23));
        assert_eq!(easter.in_year(2019), day(2019, 4, 21));
        assert_eq!(easter.in_year(2024), day(2024, 3, 31));
        assert_eq!(easter.in_year(1818), day(1818, 3, 22));
        assert_eq!(easter.in_year(2038), day(2038, 4, 25));
        assert_eq!(
            holiday_date("easter-2").unwrap().in_year(2024),
            day(2024, 3, 29)
        );
        assert_eq!(
            holiday_date("easter+1").unwrap().in_year(2024),
            day(2024, 4, 1)
        );
    }
}
