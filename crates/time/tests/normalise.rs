//! Exact values for the expressions the issue names, against the two seed dates, and for
//! the conventions of news (weekdays, months without a year, anaphora, parts of periods).

mod common;

use common::{ex, found, Found};
use dyad_time::{Timex, TimexKind};

fn one(text: &str, dct: &str) -> Found {
    let all = found(text, dct);
    assert_eq!(all.len(), 1, "{text:?}: {all:?}");
    all.into_iter().next().unwrap()
}

#[test]
fn seed_expressions_on_2022_10_21() {
    let d = "2022-10-21"; // a Friday
    assert_eq!(
        one("The ministers spoke Friday.", d),
        ex("Friday", "DATE", "2022-10-21", None)
    );
    assert_eq!(
        one("Officials said so on Thursday.", d),
        ex("Thursday", "DATE", "2022-10-20", None)
    );
    assert_eq!(
        one("The report came out Tuesday.", d),
        ex("Tuesday", "DATE", "2022-10-18", None)
    );
    assert_eq!(
        one("Drones have been used since last month.", d),
        ex("last month", "DATE", "2022-09", None)
    );
    assert_eq!(
        one("This week the envoy was summoned.", d),
        ex("This week", "DATE", "2022-W42", None)
    );
    assert_eq!(
        one("The previous talks were on May 13.", d),
        ex("May 13", "DATE", "2022-05-13", None)
    );
    assert_eq!(
        one("The group met on Oct. 12 in Brussels.", d),
        ex("Oct. 12", "DATE", "2022-10-12", None)
    );
    assert_eq!(
        one("The army invaded on Feb. 24.", d),
        ex("Feb. 24", "DATE", "2022-02-24", None)
    );
    assert_eq!(
        one("They last spoke on March 15, 2023.", d),
        ex("March 15, 2023", "DATE", "2023-03-15", None)
    );
    assert_eq!(
        one("Russia bought the drones at the end of August.", d),
        ex("the end of August", "DATE", "2022-08", Some("END"))
    );
    assert_eq!(
        one("She was appointed this May.", d),
        ex("this May", "DATE", "2022-05", None)
    );
    assert_eq!(
        one("It was the first call in 15 months.", d),
        ex("15 months", "DURATION", "P15M", None)
    );
    assert_eq!(
        one("The war nears its eight-month anniversary.", d),
        ex("eight-month", "DURATION", "P8M", None)
    );
}

#[test]
fn seed_expressions_on_2024_06_25() {
    let d = "2024-06-25"; // a Tuesday
    assert_eq!(
        one("The ministers spoke Friday.", d),
        ex("Friday", "DATE", "2024-06-21", None)
    );
    assert_eq!(
        one("Officials said so on Thursday.", d),
        ex("Thursday", "DATE", "2024-06-20", None)
    );
    assert_eq!(
        one("The call was announced Tuesday.", d),
        ex("Tuesday", "DATE", "2024-06-25", None)
    );
    assert_eq!(
        one("Drones have been used since last month.", d),
        ex("last month", "DATE", "2024-05", None)
    );
    assert_eq!(
        one("This week the envoy was summoned.", d),
        ex("This week", "DATE", "2024-W26", None)
    );
    assert_eq!(
        one("The previous talks were on May 13.", d),
        ex("May 13", "DATE", "2024-05-13", None)
    );
    assert_eq!(
        one("The group met on Oct. 12 in Brussels.", d),
        ex("Oct. 12", "DATE", "2023-10-12", None)
    );
    assert_eq!(
        one("The army invaded on Feb. 24.", d),
        ex("Feb. 24", "DATE", "2024-02-24", None)
    );
    assert_eq!(
        one("Russia bought the drones at the end of August.", d),
        ex("the end of August", "DATE", "2023-08", Some("END"))
    );
    assert_eq!(
        one("She was appointed this May.", d),
        ex("this May", "DATE", "2024-05", None)
    );
    assert_eq!(
        one("It was the first call in 15 months.", d),
        ex("15 months", "DURATION", "P15M", None)
    );
    assert_eq!(
        found(
            "They last spoke on March 15, 2023. A day before, a jet hit a drone.",
            d
        ),
        vec![
            ex("March 15, 2023", "DATE", "2023-03-15", None),
            ex("A day before", "DATE", "2023-03-14", None),
        ]
    );
}

#[test]
fn anaphora_resolve_against_the_previous_date() {
    let d = "2022-10-21";
    assert_eq!(
        found(
            "Talks opened on Oct. 3, 2021. The next day they stalled; a week later they ended.",
            d
        ),
        vec![
            ex("Oct. 3, 2021", "DATE", "2021-10-03", None),
            ex("The next day", "DATE", "2021-10-04", None),
            ex("a week later", "DATE", "2021-10-10", None),
        ]
    );
    // An event dated earlier in the text anchors "before the invasion".
    assert_eq!(
        found(
            "Russia invaded Ukraine on Feb. 24. They spoke six days before the invasion began.",
            d
        ),
        vec![
            ex("Feb. 24", "DATE", "2022-02-24", None),
            ex("six days before the invasion", "DATE", "2022-02-18", None),
        ]
    );
    // Without a dated event, only the amount is an expression.
    assert_eq!(
        found("They spoke six days before the summit.", d),
        vec![ex("six days", "DURATION", "P6D", None)]
    );
}

#[test]
fn tense_and_relative_words() {
    let d = "2022-10-21"; // Friday
    assert_eq!(
        one("The ministers will meet on Monday.", d),
        ex("Monday", "DATE", "2022-10-24", None)
    );
    assert_eq!(
        one("The ministers met on Monday.", d),
        ex("Monday", "DATE", "2022-10-17", None)
    );
    // "is to", "set to": the future; a participle after "has" or "be" is no past tense,
    // nor an "un-...-ed" adjective; "had been due" is a plan in the past.
    assert_eq!(
        one("Trading is to resume Monday.", d),
        ex("Monday", "DATE", "2022-10-24", None)
    );
    assert_eq!(
        one("Talks are set to resume Monday.", d),
        ex("Monday", "DATE", "2022-10-24", None)
    );
    assert_eq!(
        one("The bank has extended loans through January.", d),
        ex("January", "DATE", "2023-01", None)
    );
    assert_eq!(
        one("It would be paid on an unspecified date in January.", d),
        ex("January", "DATE", "2023-01", None)
    );
    assert_eq!(
        one("The offer had been due to expire Wednesday.", d),
        ex("Wednesday", "DATE", "2022-10-19", None)
    );
    assert_eq!(
        one(
            "The ministry said Wednesday that there would be no change.",
            d
        ),
        ex("Wednesday", "DATE", "2022-10-19", None)
    );
    assert_eq!(
        one("The offer is due to expire Wednesday.", d),
        ex("Wednesday", "DATE", "2022-10-26", None)
    );
    // "the year": this year; a year ended on a date is a period of a year.
    assert_eq!(
        one("Sales were flat for the year.", d),
        ex("the year", "DATE", "2022", None)
    );
    assert_eq!(
        found("Net rose in the year ended Sept. 30.", d),
        vec![
            ex("the year", "DURATION", "P1Y", None),
            ex("Sept. 30", "DATE", "2022-09-30", None)
        ]
    );
    assert_eq!(found("He was named Man of the Year.", d), vec![]);
    // Halves; a compound with a period noun is one phrase, with other nouns the compound.
    assert_eq!(
        found(
            "It took a year and a half, then 2 1/2 years, then a minute and a half.",
            d
        ),
        vec![
            ex("a year and a half", "DURATION", "P1Y6M", None),
            ex("2 1/2 years", "DURATION", "P2Y6M", None),
            ex("a minute and a half", "DURATION", "PT1M30S", None)
        ]
    );
    assert_eq!(
        found("He won a one-year term after the two-week strike.", d),
        vec![
            ex("a one-year term", "DURATION", "P1Y", None),
            ex("two-week", "DURATION", "P2W", None)
        ]
    );
    // Parts of a year "of" a year, written, spelled or relative.
    assert_eq!(
        found(
            "In the winter of nineteen ninety-four, the last half of 1989 and the spring of last year.",
            d
        ),
        vec![
            ex("the winter of nineteen ninety-four", "DATE", "1994-WI", None),
            ex("the last half of 1989", "DATE", "1989-H2", None),
            ex("the spring of last year", "DATE", "2021-SP", None)
        ]
    );
    // A 24-hour clock with a zone is a time, not a year; a year-old plan is an age; the
    // year to a month is a period.
    assert_eq!(
        found(
            "At 1559 GMT Friday the year-old plan failed; sales rose in the year to March.",
            d
        ),
        vec![
            ex("1559 GMT Friday", "TIME", "2022-10-21T15:59", None),
            ex("the year", "DURATION", "P1Y", None),
            ex("March", "DATE", "2022-03", None)
        ]
    );
    // Plural units with their determiner.
    assert_eq!(
        found("Over the years, and in the weeks ahead.", d),
        vec![
            ex("the years", "DURATION", "PXY", None),
            ex("the weeks ahead", "DURATION", "PXW", None)
        ]
    );
    assert_eq!(
        found("In the nineties, and over the next couple of years.", d),
        vec![
            ex("the nineties", "DATE", "199", None),
            ex("the next couple of years", "DURATION", "P2Y", None)
        ]
    );
    assert_eq!(
        found(
            "Sales slowed in the early summer; spring water is cheap.",
            d
        ),
        vec![ex("the early summer", "DATE", "2022-SU", Some("START"))]
    );
    // "last October" said in October or November is a year before: the month just past
    // is "last month".
    assert_eq!(
        found(
            "Talks began last October, stalled last September and resumed last May.",
            d
        ),
        vec![
            ex("last October", "DATE", "2021-10", None),
            ex("last September", "DATE", "2021-09", None),
            ex("last May", "DATE", "2022-05", None)
        ]
    );
    assert_eq!(
        found(
            "The bomb went off Tuesday. Earlier in the day, police came. At the end of the day, no one won.",
            d
        ),
        vec![
            ex("Tuesday", "DATE", "2022-10-18", None),
            ex("Earlier in the day", "DATE", "2022-10-18", Some("START"))
        ]
    );
    assert_eq!(
        found(
            "Islam will one day be big; he stayed one day. Someday we win.",
            d
        ),
        vec![
            ex("one day", "DATE", "FUTURE_REF", None),
            ex("one day", "DURATION", "P1D", None),
            ex("Someday", "DATE", "FUTURE_REF", None)
        ]
    );
    // Ranges, "or so", open ends.
    assert_eq!(
        found(
            "It took two to three weeks, then 12 to 18 months, a year or two, weeks or months.",
            d
        ),
        vec![
            ex("two to three weeks", "DURATION", "PXW", None),
            ex("12 to 18 months", "DURATION", "PXM", None),
            ex("a year or two", "DURATION", "PXY", None),
            ex("weeks or months", "DURATION", "PXW", None)
        ]
    );
    assert_eq!(
        found("A week or so ago, it set 2030 or later as the goal.", d),
        vec![
            ex("A week or so ago", "DATE", "2022-10-14", Some("APPROX")),
            ex("2030 or later", "DATE", "2030", Some("ON_OR_AFTER"))
        ]
    );
    assert_eq!(
        one("He flew in October 1984 and later served.", d),
        ex("October 1984", "DATE", "1984-10", None)
    );
    // Newspapers are not times.
    assert_eq!(
        found(
            "The Sunday Times, the daily Ha'aretz and the Tokyo daily Yomiuri said.",
            d
        ),
        vec![]
    );
    assert_eq!(
        one("It is published daily.", d),
        ex("daily", "SET", "P1D", None)
    );
    // Rates are not times; a frequency is a set.
    assert_eq!(
        found(
            "It saves $2 million a year and adds four flights a week.",
            d
        ),
        vec![]
    );
    assert_eq!(
        one("They meet twice a year.", d),
        ex("a year", "SET", "P1Y", None)
    );
    // Ages in years are not times; the age of a truce in months is a duration.
    assert_eq!(
        found(
            "A 45-year-old man, 30 years old, saw a centuries-old church.",
            d
        ),
        vec![]
    );
    assert_eq!(
        found("Men aged 65 to 80 years told the financial daily.", d),
        vec![]
    );
    assert_eq!(
        one("The 8-month-old truce held.", d),
        ex("8-month-old", "DURATION", "P8M", None)
    );
    assert_eq!(
        one("They met last Friday.", d),
        ex("last Friday", "DATE", "2022-10-14", None)
    );
    assert_eq!(
        one("They meet next Friday.", d),
        ex("next Friday", "DATE", "2022-10-28", None)
    );
    assert_eq!(
        one("It happened two days ago.", d),
        ex("two days ago", "DATE", "2022-10-19", None)
    );
    assert_eq!(
        one("Prices rose earlier this month.", d),
        ex("earlier this month", "DATE", "2022-10", Some("START"))
    );
    assert_eq!(
        one("Prices fell last year.", d),
        ex("last year", "DATE", "2021", None)
    );
    assert_eq!(
        one("Prices fell yesterday.", d),
        ex("yesterday", "DATE", "2022-10-20", None)
    );
    assert_eq!(
        one("Talks resume in early December.", d),
        ex("early December", "DATE", "2022-12", Some("START"))
    );
    assert_eq!(
        one("Profit fell in the third quarter.", d),
        ex("the third quarter", "DATE", "2022-Q3", None)
    );
    assert_eq!(
        one("Rates rose in the 1990s.", d),
        ex("the 1990s", "DATE", "199", None)
    );
    assert_eq!(
        one("The vote is at 7:15 p.m. Friday.", d),
        ex("7:15 p.m. Friday", "TIME", "2022-10-21T19:15", None)
    );
    assert_eq!(
        one("He spoke Friday morning.", d),
        ex("Friday morning", "TIME", "2022-10-21TMO", None)
    );
    assert_eq!(
        one("It lasted about two years.", d),
        ex("about two years", "DURATION", "P2Y", Some("APPROX"))
    );
    assert_eq!(
        one("Reports are filed daily.", d),
        ex("daily", "SET", "P1D", None)
    );
    assert_eq!(
        one("Prices are high now.", d),
        ex("now", "DATE", "PRESENT_REF", None)
    );
    assert_eq!(
        one("It was signed on 2021-03-04.", d),
        ex("2021-03-04", "DATE", "2021-03-04", None)
    );
    // Modal "may" and verb "march" are not months; nor is a name.
    assert_eq!(found("They may march on the capital.", d), vec![]);
    assert_eq!(found("Prime Minister Theresa May spoke.", d), vec![]);
    assert_eq!(
        one("In May the talks resumed.", d),
        ex("May", "DATE", "2022-05", None)
    );
}

#[test]
fn without_a_document_date_relative_values_stay_unknown() {
    assert_eq!(
        one("He left on Friday.", ""),
        ex("Friday", "DATE", "XXXX-WXX-5", None)
    );
    assert_eq!(
        one("He left on Oct. 12.", ""),
        ex("Oct. 12", "DATE", "XXXX-10-12", None)
    );
    assert_eq!(
        one("He left on Oct. 12, 2020.", ""),
        ex("Oct. 12, 2020", "DATE", "2020-10-12", None)
    );
}

#[test]
fn event_dates_keep_the_precision() {
    let t = |kind, value: &str| Timex {
        start: 0,
        end: 0,
        kind,
        value: value.into(),
        modifier: None,
    };
    let ev = |kind, value: &str| t(kind, value).event_date();
    assert_eq!(
        ev(TimexKind::Date, "2022-10-21").as_deref(),
        Some("2022-10-21")
    );
    assert_eq!(
        ev(TimexKind::Time, "2022-10-21TMO").as_deref(),
        Some("2022-10-21")
    );
    assert_eq!(ev(TimexKind::Date, "2022-08").as_deref(), Some("2022-08"));
    assert_eq!(ev(TimexKind::Date, "2014").as_deref(), Some("2014"));
    // 2024-W26 is June 24-30: wholly in June.
    assert_eq!(ev(TimexKind::Date, "2024-W26").as_deref(), Some("2024-06"));
    // 2024-W27 is July 1-7; 2024-W22 is May 27 - June 2: only the year.
    assert_eq!(ev(TimexKind::Date, "2024-W22").as_deref(), Some("2024"));
    // 2020-W53 runs into 2021.
    assert_eq!(ev(TimexKind::Date, "2020-W53"), None);
    assert_eq!(ev(TimexKind::Date, "2022-Q3").as_deref(), Some("2022"));
    assert_eq!(ev(TimexKind::Date, "2022-WI"), None);
    assert_eq!(ev(TimexKind::Date, "PRESENT_REF"), None);
    assert_eq!(ev(TimexKind::Date, "XXXX-10-12"), None);
    assert_eq!(ev(TimexKind::Date, "199"), None);
    assert_eq!(ev(TimexKind::Duration, "P15M"), None);
    assert_eq!(ev(TimexKind::Set, "P1D"), None);
}
