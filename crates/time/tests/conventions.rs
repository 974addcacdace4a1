//! Exact outputs for the TimeML conventions added in the second round of accuracy work:
//! parts of the day, clocks, anaphors and their anchors, periods a year apart, rates,
//! fractions and ages. Sentences written for these tests.

mod common;

use common::{ex, found};

// 1998-08-10 is a Monday.
const D: &str = "1998-08-10";

#[test]
fn parts_of_the_day_named_first() {
    assert_eq!(
        found(
            "Shares dipped by midday Tuesday and rallied at dawn Sunday.",
            D
        ),
        vec![
            ex("midday Tuesday", "TIME", "1998-08-04TMI", None),
            ex("dawn Sunday", "TIME", "1998-08-09TMO", None),
        ]
    );
    assert_eq!(
        found("The raid began on the night of Aug. 7.", D),
        vec![ex("the night of Aug. 7", "TIME", "1998-08-07TNI", None)]
    );
    assert_eq!(
        found("They left in the early morning of March 30.", D),
        vec![ex(
            "the early morning of March 30",
            "TIME",
            "1998-03-30TMO",
            Some("START")
        )]
    );
}

#[test]
fn parts_of_the_day_under_discussion() {
    // The day under discussion is the previous day named, else the document date.
    assert_eq!(
        found(
            "The plane landed on Aug. 3. It flew back the next morning and crews worked through the night.",
            D
        ),
        vec![
            ex("Aug. 3", "DATE", "1998-08-03", None),
            ex("the next morning", "TIME", "1998-08-04TMO", None),
            ex("the night", "TIME", "1998-08-03TNI", None),
        ]
    );
    assert_eq!(
        found("Results came in the afternoon. Troops arrived at dawn.", D),
        vec![
            ex("the afternoon", "TIME", "1998-08-10TAF", None),
            ex("dawn", "TIME", "1998-08-10TMO", None),
        ]
    );
    assert_eq!(
        found(
            "That night he fled; the rebels took the city by mid-afternoon.",
            D
        ),
        vec![
            ex("That night", "TIME", "1998-08-10TNI", None),
            ex("mid-afternoon", "TIME", "1998-08-10TAF", Some("MID")),
        ]
    );
    // A part of the day that modifies a noun is no expression.
    assert_eq!(
        found(
            "Volume in the morning session was thin; night flights resumed.",
            D
        ),
        vec![]
    );
}

#[test]
fn clocks() {
    // A 24-hour clock with a zone, or after a preposition of time.
    assert_eq!(
        found(
            "At 22:00 GMT the euro traded at 1.31; polls open from 07:00.",
            D
        ),
        vec![
            ex("22:00 GMT", "TIME", "1998-08-10T22:00", None),
            ex("07:00", "TIME", "1998-08-10T07:00", None),
        ]
    );
    // Not a score or a ratio.
    assert_eq!(found("Spain won 2:1 and the ratio was 10:30.", D), vec![]);
    // "local time" is the zone in words.
    assert_eq!(
        found("The quake struck at 6 a.m. local time.", D),
        vec![ex("6 a.m. local time", "TIME", "1998-08-10T06:00", None)]
    );
    // The day after the parenthesis dates the clock, and stays an expression of its own.
    assert_eq!(
        found("The bomb went off at 10:30 a.m. (0730 GMT) Friday.", D),
        vec![
            ex("10:30 a.m.", "TIME", "1998-08-07T10:30", None),
            ex("0730 GMT", "TIME", "1998-08-07T07:30", None),
            ex("Friday", "DATE", "1998-08-07", None),
        ]
    );
    // Wire stamps: a written date with a 24-hour clock (and seconds), a two-digit year.
    assert_eq!(
        found("02/27/1998 08:17:00", D),
        vec![ex(
            "02/27/1998 08:17:00",
            "TIME",
            "1998-02-27T08:17:00",
            None
        )]
    );
    assert_eq!(
        found("08-16-90 2041EDT", D),
        vec![ex("08-16-90 2041EDT", "TIME", "1990-08-16T20:41", None)]
    );
}

#[test]
fn anaphors_count_from_a_date_precise_enough() {
    // "a day earlier" needs a day: the year named in passing is not its anchor.
    assert_eq!(
        found(
            "Beirut was calm on Friday. The majority, elected in 2005, a day earlier vowed to stay.",
            "2006-12-01"
        ),
        vec![
            ex("Friday", "DATE", "2006-12-01", None),
            ex("2005", "DATE", "2005", None),
            ex("a day earlier", "DATE", "2006-11-30", None),
        ]
    );
    // Without any day in the text, the document date.
    assert_eq!(
        found(
            "Despite news of the February surplus, stocks fell from a day earlier.",
            D
        ),
        vec![
            ex("February", "DATE", "1998-02", None),
            ex("a day earlier", "DATE", "1998-08-09", None),
        ]
    );
    // A week counts from a week.
    assert_eq!(
        found(
            "Yields rose to 4.32 percent last week from 4.26 percent the previous week.",
            D
        ),
        vec![
            ex("last week", "DATE", "1998-W32", None),
            ex("the previous week", "DATE", "1998-W31", None),
        ]
    );
    // Forward from the document date.
    assert_eq!(
        found("Five years from now the plant will close.", D),
        vec![ex("Five years from now", "DATE", "2003", None)]
    );
}

#[test]
fn the_same_period_a_year_apart() {
    // The part of the year under discussion, in another year.
    assert_eq!(
        found(
            "Profit in the first half rose 8 percent from the same period last year.",
            D
        ),
        vec![
            ex("the first half", "DATE", "1998-H1", None),
            ex("the same period last year", "DATE", "1997-H1", None),
        ]
    );
    assert_eq!(
        found(
            "Sales in July fell from the corresponding period of 1996.",
            D
        ),
        vec![
            ex("July", "DATE", "1998-07", None),
            ex("the corresponding period of 1996", "DATE", "1996-07", None),
        ]
    );
    // No period under discussion: the year.
    assert_eq!(
        found(
            "Imports were flat compared with the same period a year earlier.",
            D
        ),
        vec![ex("the same period a year earlier", "DATE", "1997", None)]
    );
}

#[test]
fn amounts_rates_fractions_and_ages() {
    assert_eq!(
        found(
            "He will serve another decade, and an additional year after that.",
            D
        ),
        vec![
            ex("another decade", "DURATION", "P10Y", None),
            ex("an additional year", "DURATION", "P1Y", None),
        ]
    );
    assert_eq!(
        found(
            "The faith goes back more than two thousand years; it revived in the 60s.",
            D
        ),
        vec![
            ex(
                "more than two thousand years",
                "DURATION",
                "P2L",
                Some("MORE_THAN")
            ),
            ex("the 60s", "DATE", "196", None),
        ]
    );
    // Rates, fractions, decimals and ages are not expressions.
    assert_eq!(
        found(
            "Output was 28 million barrels per day, rates rose a quarter percentage point, \
             he ran it in 13.21 seconds and a 46-year old man won.",
            D
        ),
        vec![]
    );
}

#[test]
fn dates_completed_by_what_follows() {
    assert_eq!(
        found(
            "The deadline is Tuesday noon; votes fell on Oct. 12 this year and June 30 last year.",
            D
        ),
        vec![
            ex("Tuesday noon", "TIME", "1998-08-04T12:00", None),
            ex("Oct. 12 this year", "DATE", "1998-10-12", None),
            ex("June 30 last year", "DATE", "1997-06-30", None),
        ]
    );
    assert_eq!(
        found(
            "Sales in July rose from the same month last year; growth resumes in spring next year.",
            D
        ),
        vec![
            ex("July", "DATE", "1998-07", None),
            ex("the same month last year", "DATE", "1997-07", None),
            ex("spring next year", "DATE", "1999-SP", None),
        ]
    );
}

#[test]
fn relative_days_and_centuries() {
    assert_eq!(
        found(
            "It ended the day before yesterday; the previous night was calm. In the next century, it will end.",
            D
        ),
        vec![
            ex("the day before yesterday", "DATE", "1998-08-08", None),
            ex("the previous night", "TIME", "1998-08-07TNI", None),
            ex("the next century", "DATE", "20", None),
        ]
    );
}

#[test]
fn both_ends_of_a_range_of_days() {
    assert_eq!(
        found(
            "Hu visits India from Nov. 20 to 23 and Hanoi Nov. 17-19, 2006; 12 to 19 percent voted on May 3 and 5 others left.",
            "2006-11-07"
        ),
        vec![
            ex("Nov. 20", "DATE", "2006-11-20", None),
            ex("23", "DATE", "2006-11-23", None),
            ex("Nov. 17", "DATE", "2006-11-17", None),
            ex("19, 2006", "DATE", "2006-11-19", None),
            ex("May 3", "DATE", "2006-05-03", None),
        ]
    );
}

#[test]
fn since_points_back_and_decades_count_as_decades() {
    // 1998-08-12 is a Wednesday: "since the weekend" is the one before, though the
    // sentence goes on in the future.
    assert_eq!(
        found(
            "Agents have come since the weekend, and more will arrive this week. \
             Last year 10 died; in the previous decade, 100.",
            "1998-08-12"
        ),
        vec![
            ex("the weekend", "DATE", "1998-W32-WE", None),
            ex("this week", "DATE", "1998-W33", None),
            ex("Last year", "DATE", "1997", None),
            ex("the previous decade", "DATE", "198", None),
        ]
    );
    // Numbers that are not years: amounts, measures, the end of a range of decimals.
    assert_eq!(
        found(
            "Exports were 1721 million dollars; the euro traded at 1.1712-1714 dollars.",
            D
        ),
        vec![]
    );
}

#[test]
fn the_following_week_is_a_week() {
    assert_eq!(
        found(
            "The season ends Sept. 27; the playoffs start the following week and end the next month.",
            "1998-09-07"
        ),
        vec![
            ex("Sept. 27", "DATE", "1998-09-27", None),
            ex("the following week", "DATE", "1998-W40", None),
            ex("the next month", "DATE", "1998-10", None),
        ]
    );
}

#[test]
fn sets_every_n_units_names_and_the_verb_last() {
    assert_eq!(
        found(
            "The Five-Year Plan meets every two years; the talks are expected to last three days.",
            D
        ),
        vec![
            ex("every two years", "SET", "P2Y", None),
            ex("three days", "DURATION", "P3D", None),
        ]
    );
}

#[test]
fn the_week_of_the_report_and_short_years() {
    // 1989-10-27 is a Friday, in ISO week 43.
    assert_eq!(
        found(
            "For the week, the index fell; Thursday was the week's busiest session. He left in '85.",
            "1989-10-27"
        ),
        vec![
            ex("the week", "DATE", "1989-W43", None),
            ex("Thursday", "DATE", "1989-10-26", None),
            ex("the week", "DATE", "1989-W43", None),
            ex("'85", "DATE", "1985", None),
        ]
    );
}
