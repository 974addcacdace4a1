//! Exact outputs for the conventions of the sixth round of accuracy work, on the values of
//! expressions that are found (chosen on TimeBank and AQUAINT's development half).
//! Sentences written for these tests.

mod common;

use common::{ex, found};

// 2000-01-12 is a Wednesday.
const D: &str = "2000-01-12";

#[test]
fn year_end_is_the_last_day_of_the_nearest_year() {
    // Ahead of the document date: this year's.
    assert_eq!(
        found(
            "The bank hopes to close the sale by year-end.",
            "2000-10-12"
        ),
        vec![ex("year-end", "DATE", "2000-12-31", None)]
    );
    // Since then: last year's.
    assert_eq!(
        found("The index has gained 12% since year-end.", "2000-10-12"),
        vec![ex("year-end", "DATE", "1999-12-31", None)]
    );
    // Early in the year, the year just closed.
    assert_eq!(
        found("Its year-end results were weak.", D),
        vec![ex("year-end", "DATE", "1999-12-31", None)]
    );
    // Written apart, the phrase is the end of the year.
    assert_eq!(
        found("The plant will shut by year end.", "2000-10-12"),
        vec![ex("year end", "DATE", "2000", Some("END"))]
    );
}

#[test]
fn an_unknown_number_of_centuries_is_pxc() {
    assert_eq!(
        found("The feud has lasted for centuries.", D),
        vec![ex("centuries", "DURATION", "PXC", None)]
    );
    // A known count is in years, as decades are ("two decades" P20Y).
    assert_eq!(
        found("The bridge stood for three centuries.", D),
        vec![ex("three centuries", "DURATION", "P300Y", None)]
    );
}

#[test]
fn overnight_is_the_night_before_the_day_under_discussion() {
    // 2000-01-12 is a Wednesday; "Monday" is 2000-01-10.
    assert_eq!(
        found(
            "Tokyo stocks fell Monday after overnight losses in Europe. \
             The index closed 3% below the previous Friday.",
            D
        ),
        vec![
            ex("Monday", "DATE", "2000-01-10", None),
            ex("overnight", "TIME", "2000-01-09TNI", None),
            ex("the previous Friday", "DATE", "2000-01-07", None),
        ]
    );
    // With no day named before it, the night before the document date.
    assert_eq!(
        found("Overnight rains flooded the valley.", D),
        vec![ex("Overnight", "TIME", "2000-01-11TNI", None)]
    );
}

#[test]
fn whole_thousands_of_years_are_millennia() {
    assert_eq!(
        found("The walls have stood for three thousand years.", D),
        vec![ex("three thousand years", "DURATION", "P3L", None)]
    );
    // Not a whole number of thousands: years.
    assert_eq!(
        found("The walls have stood for 1500 years.", D),
        vec![ex("1500 years", "DURATION", "P1500Y", None)]
    );
}
