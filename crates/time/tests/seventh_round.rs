//! Exact outputs for the rules of the seventh round, which fixed dyad's own mistakes among
//! the disagreements on AQUAINT's development half (docs/aquaint-half-a-errors.tsv, class
//! `system`). Sentences written for these tests.

mod common;

use common::{ex, found};

// 1999-10-24 is a Sunday.
const D: &str = "1999-10-24";

#[test]
fn a_participle_of_planning_before_a_preposition_marks_no_future() {
    // The clause's own verb decides: the service was canceled, so Saturday is past.
    assert_eq!(
        found(
            "A memorial service planned at the university for Saturday was canceled.",
            D
        ),
        vec![ex("Saturday", "DATE", "1999-10-23", None)]
    );
    assert_eq!(
        found(
            "The march scheduled for Thursday was called off by the police.",
            D
        ),
        vec![ex("Thursday", "DATE", "1999-10-21", None)]
    );
    // The finite verb still marks a plan: "planned to leave", "was scheduled for".
    assert_eq!(
        found("The team planned to leave Nairobi on Thursday.", D),
        vec![ex("Thursday", "DATE", "1999-10-28", None)]
    );
    assert_eq!(
        found("The vote was scheduled for Thursday.", D),
        vec![ex("Thursday", "DATE", "1999-10-28", None)]
    );
}

#[test]
fn a_second_day_after_and_or_or_is_a_date_of_the_same_month() {
    assert_eq!(
        found(
            "A ceremony would be held at the summit on April 24 and 25.",
            "1999-02-10"
        ),
        vec![
            ex("April 24", "DATE", "1999-04-24", None),
            ex("25", "DATE", "1999-04-25", None),
        ]
    );
    assert_eq!(
        found("The talks may open on May 5 or 6 in Geneva.", "1999-02-10"),
        vec![
            ex("May 5", "DATE", "1999-05-05", None),
            ex("6", "DATE", "1999-05-06", None),
        ]
    );
    // A count of things after "and" is no day.
    assert_eq!(
        found("On March 3 and 4 soldiers were wounded.", "1999-03-10"),
        vec![ex("March 3", "DATE", "1999-03-03", None)]
    );
}

#[test]
fn a_unit_long_compound_is_a_duration() {
    assert_eq!(
        found(
            "Lawyers left their third day-long meeting after a year-long delay.",
            D
        ),
        vec![
            ex("day-long", "DURATION", "P1D", None),
            ex("year-long", "DURATION", "P1Y", None),
        ]
    );
    assert_eq!(
        found(
            "The four-month-long hostage case ended after an hour-long exchange.",
            D
        ),
        vec![
            ex("four-month-long", "DURATION", "P4M", None),
            ex("hour-long", "DURATION", "PT1H", None),
        ]
    );
    // "a day-long": the compound, not "a day".
    assert_eq!(
        found("He began a week-long visit.", D),
        vec![ex("week-long", "DURATION", "P1W", None)]
    );
}

#[test]
fn around_before_a_possessive_date_is_no_approximation() {
    assert_eq!(
        found("They looked for ways to get around Wednesday's ruling.", D),
        vec![ex("Wednesday", "DATE", "1999-10-20", None)]
    );
    assert_eq!(
        found("They met around Wednesday.", D),
        vec![ex("around Wednesday", "DATE", "1999-10-20", Some("APPROX"))]
    );
}

#[test]
fn a_past_clock_takes_the_day_its_verb_was_dated_earlier() {
    let text = "Slepian was shot to death last Oct. 23 at his home.\n\n\
                Prosecutors said on Monday that they had a case.\n\n\
                Slepian was shot to death at 10 p.m. in his kitchen.";
    assert_eq!(
        found(text, "1999-04-19"),
        vec![
            ex("Oct. 23", "DATE", "1998-10-23", None),
            ex("Monday", "DATE", "1999-04-19", None),
            ex("10 p.m.", "TIME", "1998-10-23T22:00", None),
        ]
    );
    // A verb not dated before: the document's day, as before.
    assert_eq!(
        found(
            "Slepian was shot to death last Oct. 23.\n\nA jogger spotted the car at 6 a.m.",
            "1999-04-19"
        ),
        vec![
            ex("Oct. 23", "DATE", "1998-10-23", None),
            ex("6 a.m.", "TIME", "1999-04-19T06:00", None),
        ]
    );
    // Not in the past tense: today's clock.
    assert_eq!(
        found(
            "Slepian was shot to death last Oct. 23.\n\nThe vigil will be held at 10 p.m.",
            "1999-04-19"
        ),
        vec![
            ex("Oct. 23", "DATE", "1998-10-23", None),
            ex("10 p.m.", "TIME", "1999-04-19T22:00", None),
        ]
    );
}
