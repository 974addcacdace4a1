//! Properties over arbitrary document dates and arbitrary text.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use dyad_time::{tag, Point, TimexKind};
use proptest::prelude::*;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    // 1900-01-01 .. 2100-12-31
    (0i64..73_413).prop_map(|n| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Duration::days(n))
}

fn value_of(text: &str, dct: NaiveDate) -> String {
    let found = tag(text, Some(dct));
    assert_eq!(found.len(), 1, "{text:?} on {dct}: {found:?}");
    found[0].value.clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn yesterday_last_friday_last_month_are_before(dct in any_date()) {
        let y = Point::parse(&value_of("It happened yesterday.", dct)).unwrap();
        prop_assert_eq!(y, Point::Day(dct - Duration::days(1)));

        let Point::Day(f) = Point::parse(&value_of("It happened last Friday.", dct)).unwrap() else {
            panic!("last Friday is a day");
        };
        prop_assert!(f < dct);
        prop_assert_eq!(f.weekday(), Weekday::Fri);
        prop_assert!(dct - f <= Duration::days(7));

        let Point::Month(year, month) = Point::parse(&value_of("It happened last month.", dct)).unwrap() else {
            panic!("last month is a month");
        };
        let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap();
        prop_assert!(first < dct.with_day(1).unwrap());
        prop_assert_eq!(first.checked_add_months(chrono::Months::new(1)).unwrap(), dct.with_day(1).unwrap());
    }

    #[test]
    fn bare_weekdays_fall_in_the_week_before(dct in any_date(), wd in 0usize..7) {
        let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        let Point::Day(d) = Point::parse(&value_of(&format!("They met on {}.", names[wd]), dct)).unwrap() else {
            panic!("a weekday is a day");
        };
        prop_assert_eq!(d.weekday().num_days_from_monday() as usize, wd);
        prop_assert!(d <= dct && dct - d < Duration::days(7));
        let Point::Day(n) = Point::parse(&value_of(&format!("They will meet on {}.", names[wd]), dct)).unwrap() else {
            panic!("a weekday is a day");
        };
        prop_assert_eq!(n.weekday().num_days_from_monday() as usize, wd);
        prop_assert!(n >= dct && n - dct < Duration::days(7));
    }

    #[test]
    fn values_round_trip(dct in any_date()) {
        for text in ["today", "this week", "last month", "this year", "the third quarter", "this summer", "the 1990s"] {
            let v = value_of(text, dct);
            let p = Point::parse(&v).unwrap_or_else(|| panic!("{text}: {v}"));
            prop_assert_eq!(p.value(), v);
        }
        // Explicit dates read back as written.
        let written = dct.format("%B %-d, %Y").to_string();
        prop_assert_eq!(value_of(&written, dct), dct.format("%Y-%m-%d").to_string());
    }

    #[test]
    fn month_lengths_and_year_boundaries(dct in any_date()) {
        // "a day before" the last day of February is right in leap years.
        let y = dct.year();
        let feb_end = NaiveDate::from_ymd_opt(y, 3, 1).unwrap() - Duration::days(1);
        let text = format!("It began on March 1, {y}. A day before, talks failed.");
        let found = tag(&text, Some(dct));
        prop_assert_eq!(found.len(), 2);
        prop_assert_eq!(&found[1].value, &feb_end.format("%Y-%m-%d").to_string());
        // "the next day" after New Year's Eve is in the next year.
        let text = format!("It began on Dec. 31, {y}. The next day, talks failed.");
        let found = tag(&text, Some(dct));
        prop_assert_eq!(&found[1].value, &format!("{:04}-01-01", y + 1));
        // "this week" names the ISO week of the date, also across new year.
        let w = dct.iso_week();
        prop_assert_eq!(value_of("this week", dct), format!("{:04}-W{:02}", w.year(), w.week()));
    }

    #[test]
    fn arbitrary_text_never_panics_and_spans_are_sound(text in "\\PC{0,200}", dct in proptest::option::of(any_date())) {
        let found = tag(&text, dct);
        let mut last_end = 0;
        for t in &found {
            prop_assert!(t.start < t.end && t.end <= text.len());
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prop_assert!(t.start >= last_end);
            last_end = t.end;
            let _ = t.event_date();
        }
    }

    #[test]
    fn word_soup_never_panics(words in proptest::collection::vec(
        prop_oneof![
            Just("the"), Just("last"), Just("next"), Just("a"), Just("day"), Just("before"), Just("year"),
            Just("-"), Just("ago"), Just("Friday"), Just("Oct."), Just("31"), Just("2024"), Just(","), Just("of"),
            Just("quarter"), Just("third"), Just("'s"), Just("early"), Just("end"), Just("p.m."), Just("12"),
            Just(":"), Just("99999999999"), Just("May"), Just("twenty"), Just("the invasion"), Just("week"),
        ], 0..30),
        dct in proptest::option::of(any_date()))
    {
        let text = words.join(" ");
        for t in tag(&text, dct) {
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            if t.kind == TimexKind::Date {
                prop_assert!(!t.value.is_empty());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn document_dates_never_panic(text in "\\PC{0,120}", d in proptest::option::of(any_date())) {
        let _ = dyad_time::parse_date_field(&text);
        let _ = dyad_time::dateline_date(&text, d);
        let page = format!("<meta property=\"article:published_time\" content=\"{text}\"><meta {text}");
        let _ = dyad_time::html_published_date(&page);
        let _ = dyad_time::html_published_date(&text);
        let ld = format!("{{\"datePublished\": \"{text}");
        let _ = dyad_time::html_published_date(&ld);
    }

    #[test]
    fn rfc3339_dates_read_back(dct in any_date(), h in 0u32..24, m in 0u32..60) {
        let stamp = format!("{}T{h:02}:{m:02}:00Z", dct.format("%Y-%m-%d"));
        prop_assert_eq!(dyad_time::parse_date_field(&stamp), Some(dct));
        prop_assert_eq!(dyad_time::parse_date_field(&dct.format("%Y-%m-%d").to_string()), Some(dct));
    }
}
