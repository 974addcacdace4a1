//! Exact outputs for the conventions of the fifth round of accuracy work (chosen on
//! TimeBank and AQUAINT's development half). Sentences written for these tests.

mod common;

use common::{ex, found};

// 2000-01-12 is a Wednesday.
const D: &str = "2000-01-12";

#[test]
fn as_early_as_points_forward() {
    assert_eq!(
        found("The envoy could arrive as early as Friday.", D),
        vec![ex("Friday", "DATE", "2000-01-14", None)]
    );
    assert_eq!(
        found("Talks may resume as soon as Monday.", D),
        vec![ex("Monday", "DATE", "2000-01-17", None)]
    );
    // Without it, the bare weekday is the one before.
    assert_eq!(
        found("The envoy arrived Friday.", D),
        vec![ex("Friday", "DATE", "2000-01-07", None)]
    );
}

#[test]
fn planning_marks_the_future() {
    assert_eq!(
        found("Farmers were planning to block the road on Monday.", D),
        vec![ex("Monday", "DATE", "2000-01-17", None)]
    );
}

#[test]
fn until_yields_to_the_verb_of_its_sentence() {
    assert_eq!(
        found("Until Monday, the police had not named a suspect.", D),
        vec![ex("Monday", "DATE", "2000-01-10", None)]
    );
    // Otherwise "until" still points forward, even after a verb in the past.
    assert_eq!(
        found("The bridge stays shut until Monday.", D),
        vec![ex("Monday", "DATE", "2000-01-17", None)]
    );
    assert_eq!(
        found("The city extended its deadline until Monday.", D),
        vec![ex("Monday", "DATE", "2000-01-17", None)]
    );
}

#[test]
fn a_tense_marker_twelve_words_after_the_expression() {
    assert_eq!(
        found(
            "On Friday, the regional association of small grocery store owners plans to protest.",
            D
        ),
        vec![ex("Friday", "DATE", "2000-01-14", None)]
    );
}

#[test]
fn holidays_that_move() {
    // Thanksgiving 1999 was on Nov. 25; Easter 2000 on April 23 (ISO week 16).
    assert_eq!(
        found(
            "The boy was rescued on Thanksgiving Day; pilgrims gathered as Easter week began.",
            "2000-04-17"
        ),
        vec![
            ex("Thanksgiving Day", "DATE", "1999-11-25", None),
            ex("Easter week", "DATE", "2000-W16", None),
        ]
    );
    // The nearest one, as a month and day without a year: the coming Election Day when
    // the text speaks of the future.
    assert_eq!(
        found(
            "Abortion will be a theme of the campaign until Election Day. Good Friday 2024 was a holiday.",
            "1998-10-26"
        ),
        vec![
            ex("Election Day", "DATE", "1998-11-03", None),
            ex("Good Friday 2024", "DATE", "2024-03-29", None),
        ]
    );
}

#[test]
fn frequencies_of_one_thing_but_not_rates() {
    assert_eq!(
        found(
            "The rite is held annually. He gave his weekly radio address. We check on a daily basis.",
            D
        ),
        vec![
            ex("annually", "SET", "P1Y", None),
            ex("weekly", "SET", "P1W", None),
            ex("daily", "SET", "P1D", None),
        ]
    );
    // Rates after an amount, bare adjectives and newspapers are not expressions.
    assert_eq!(
        found(
            "Sales rose 5% annually. Mills made 10,000 units yearly. Qantas plans daily flights. The financial daily said so.",
            D
        ),
        vec![]
    );
}

#[test]
fn now_as_a_discourse_marker() {
    assert_eq!(
        found(
            "Now, the mayor said, the plan is dead. Now the plan is dead.",
            D
        ),
        vec![ex("Now", "DATE", "PRESENT_REF", None)]
    );
    assert_eq!(
        found("Prices are lower now, traders said.", D),
        vec![ex("now", "DATE", "PRESENT_REF", None)]
    );
}

#[test]
fn a_count_of_more_units() {
    assert_eq!(
        found(
            "Troops will stay for at least two more weeks; the lease runs 20 additional years.",
            D
        ),
        vec![
            ex(
                "at least two more weeks",
                "DURATION",
                "P2W",
                Some("EQUAL_OR_MORE")
            ),
            ex("20 additional years", "DURATION", "P20Y", None),
        ]
    );
    assert_eq!(found("It costs two more dollars.", D), vec![]);
}

#[test]
fn a_capitalised_unit_after_its_count_is_a_name() {
    assert_eq!(
        found("He told CBS's \"60 Minutes\" he would wait 60 minutes.", D),
        vec![ex("60 minutes", "DURATION", "PT60M", None)]
    );
}
