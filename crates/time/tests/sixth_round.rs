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
