//! Exact outputs for the conventions of the fourth round of accuracy work, taken from the
//! TimeML guidelines rather than from one corpus's habits. Sentences written for these
//! tests.

mod common;

use common::{ex, found};

// 1998-08-14 is a Friday.
const D: &str = "1998-08-14";

#[test]
fn a_count_and_a_half_written_out() {
    assert_eq!(
        found(
            "Talks dragged on for the past two and a half years; he waited three and a half months.",
            D
        ),
        vec![
            ex("the past two and a half years", "DURATION", "P2Y6M", None),
            ex("three and a half months", "DURATION", "P3.5M", None),
        ]
    );
    // Not a half of something else.
    assert_eq!(
        found("He scored two and a half points in 1997.", D),
        vec![ex("1997", "DATE", "1997", None)]
    );
}

#[test]
fn the_year_of_a_year() {
    assert_eq!(
        found("The year of 2001 was quiet, unlike the year 1999.", D),
        vec![
            ex("The year of 2001", "DATE", "2001", None),
            ex("the year 1999", "DATE", "1999", None),
        ]
    );
}

#[test]
fn hours_in_o_clock() {
    assert_eq!(
        found(
            "The vote opened at seven o'clock in the morning and closed at 9 o'clock at night.",
            D
        ),
        vec![
            ex(
                "seven o'clock in the morning",
                "TIME",
                "1998-08-14T07:00",
                None
            ),
            ex("9 o'clock at night", "TIME", "1998-08-14T21:00", None),
        ]
    );
    assert_eq!(
        found("Guests arrive at 4 o'clock in the afternoon Thursday.", D),
        vec![ex(
            "4 o'clock in the afternoon Thursday",
            "TIME",
            "1998-08-13T16:00",
            None
        )]
    );
    // A clock that is not an hour.
    assert_eq!(
        found("The clock struck; it was fourteen o'clock.", D),
        vec![]
    );
}

#[test]
fn a_part_of_every_such_day() {
    assert_eq!(
        found(
            "The ferry sails on Monday nights and Saturdays mornings; it sailed Monday night.",
            D
        ),
        vec![
            ex("Monday nights", "SET", "XXXX-WXX-1TNI", None),
            ex("Saturdays mornings", "SET", "XXXX-WXX-6TMO", None),
            ex("Monday night", "TIME", "1998-08-10TNI", None),
        ]
    );
}

#[test]
fn irregular_past_tenses_put_a_month_behind() {
    // Without a past tense the nearer December (ahead) would win.
    assert_eq!(
        found("He spent December in hospital.", D),
        vec![ex("December", "DATE", "1997-12", None)]
    );
    assert_eq!(
        found("The party swept the elections in November.", D),
        vec![ex("November", "DATE", "1997-11", None)]
    );
}
