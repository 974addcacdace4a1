//! Exact-output tests of the tokenizer's conventions, on sentences written for these tests.
//!
//! [`render`] writes a document compactly so that one string states everything: tokens are
//! separated by a space, or by `|` when the token has no space after it; a multiword token
//! is followed by its words in braces, `don't{do n't}`; sentences are separated by ` ‖ `; a
//! sentence that starts a paragraph begins with `¶ `.

use super::*;

/// Checks the offsets of `doc` (they must slice the text, increase, and agree between tokens
/// and words) and renders it.
fn render(doc: &Document) -> String {
    check_offsets(doc);
    let mut out = String::new();
    for (i, sentence) in doc.sentences.iter().enumerate() {
        if i > 0 {
            out.push_str(" ‖ ");
        }
        if sentence.new_paragraph {
            out.push_str("¶ ");
        }
        for (t, token) in sentence.tokens.iter().enumerate() {
            out.push_str(doc.slice(token.span));
            if token.is_multiword() {
                let forms: Vec<&str> = sentence.words[token.words.clone()]
                    .iter()
                    .map(|w| w.form.as_str())
                    .collect();
                out.push_str(&format!("{{{}}}", forms.join(" ")));
            }
            if t + 1 < sentence.tokens.len() {
                out.push(if token.space_after { ' ' } else { '|' });
            }
        }
    }
    out
}

/// The invariants every document must satisfy, whatever the input.
fn check_offsets(doc: &Document) {
    let mut last_end = 0;
    for sentence in &doc.sentences {
        assert!(!sentence.tokens.is_empty(), "empty sentence");
        assert_eq!(sentence.span.start, sentence.tokens[0].span.start);
        assert_eq!(sentence.span.end, sentence.tokens.last().unwrap().span.end);
        let mut next_word = 0;
        for token in &sentence.tokens {
            assert!(token.span.start >= last_end, "tokens overlap or go back");
            assert!(token.span.end > token.span.start, "empty token");
            assert!(
                doc.text.get(token.span.range()).is_some(),
                "token span off char boundary"
            );
            assert_eq!(token.words.start, next_word, "words not contiguous");
            assert!(!token.words.is_empty(), "token without words");
            let mut pos = token.span.start;
            for word in &sentence.words[token.words.clone()] {
                assert_eq!(word.span.start, pos, "words do not cover the token");
                assert_eq!(doc.slice(word.span), word.form);
                pos = word.span.end;
            }
            assert_eq!(pos, token.span.end, "words do not cover the token");
            let gap = &doc.text[last_end..token.span.start];
            assert!(
                gap.chars().all(chars::is_separator),
                "text lost between tokens: {gap:?}"
            );
            last_end = token.span.end;
            next_word = token.words.end;
        }
        assert_eq!(next_word, sentence.words.len());
    }
}

fn tok(text: &str) -> String {
    render(&split(text))
}

#[test]
fn clitics_are_multiword_tokens() {
    assert_eq!(
        tok("They don't know why Google's plan failed; we've heard I'm wrong, you're sure he'll come and I'd stay."),
        "¶ They don't{do n't} know why Google's{Google 's} plan failed|; we've{we 've} heard \
         I'm{I 'm} wrong|, you're{you 're} sure he'll{he 'll} come and I'd{I 'd} stay|."
    );
    assert_eq!(
        tok("We can't, won't and cannot agree."),
        "¶ We can't{ca n't}|, won't{wo n't} and cannot{can not} agree|."
    );
}

#[test]
fn curly_apostrophes_split_like_straight_ones() {
    assert_eq!(
        tok("She didn’t read the ministry’s report."),
        "¶ She didn’t{did n’t} read the ministry’s{ministry ’s} report|."
    );
}

#[test]
fn contractions_without_apostrophe() {
    assert_eq!(
        tok("We gonna win, I wanna go, you gotta see it and I dont care."),
        "¶ We gonna{gon na} win|, I wanna{wan na} go|, you gotta{got ta} see it and I dont{do nt} care|."
    );
    // "its" is the possessive unless what follows reads as "it is".
    assert_eq!(
        tok("its not over, but its time is up"),
        "¶ its{it s} not over|, but its time is up"
    );
}

#[test]
fn multiword_token_offsets() {
    let doc = split("I can't.");
    let s = &doc.sentences[0];
    assert_eq!(s.tokens.len(), 3);
    assert_eq!(s.tokens[1].span, Span::new(2, 7));
    assert_eq!(s.tokens[1].words, 1..3);
    assert_eq!(s.words[1].form, "ca");
    assert_eq!(s.words[1].span, Span::new(2, 4));
    assert_eq!(s.words[2].form, "n't");
    assert_eq!(s.words[2].span, Span::new(4, 7));
    assert!(!s.tokens[1].space_after);
    assert_eq!(s.tokens[2].span, Span::new(7, 8));
}

#[test]
fn plural_possessive_and_single_quotes() {
    assert_eq!(
        tok("The soldiers' families waited."),
        "¶ The soldiers'{soldiers '} families waited|."
    );
    // A quote opened before a word closes after "s'": no possessive there.
    assert_eq!(
        tok("They called the talks 'useless' and the plans 'dreams' again."),
        "¶ They called the talks '|useless|' and the plans '|dreams|' again|."
    );
}

#[test]
fn hyphenated_compounds_follow_ewt() {
    assert_eq!(
        tok("The well-known Al-Zaman paper said a U.S.-led force sent an e-mail on non-violent, anti-war and 15-year plans."),
        "¶ The well|-|known Al|-|Zaman paper said a U.S.|-|led force sent an e-mail on \
         non-violent|, anti-war and 15|-|year plans|."
    );
    // Phone numbers and codes stay whole; ranges split.
    assert_eq!(
        tok("Call 555-0199 or 713-853-3989 about the 1990-1995 data."),
        "¶ Call 555-0199 or 713-853-3989 about the 1990|-|1995 data|."
    );
}

#[test]
fn hyphens_in_numbers_units_and_affixes() {
    assert_eq!(
        tok("A 5-10 minute wait, a 33-66K salary, 9am-5pm shifts, career-wise mis-steps and Hizb-e-Islami."),
        "¶ A 5|-|10 minute wait|, a 33|-|66|K salary|, 9|am|-|5|pm shifts|, career-wise \
         mis-steps and Hizb|-|e|-|Islami|."
    );
}

#[test]
fn web_things_stay_whole() {
    assert_eq!(
        tok("Write to news.desk@example.com or see https://example.org/a?b=1, then follow @dyad_news and #elections."),
        "¶ Write to news.desk@example.com or see https://example.org/a?b=1|, then follow @dyad_news and #elections|."
    );
    assert_eq!(
        tok("The site (www.example.com) and report.pdf are online."),
        "¶ The site (|www.example.com|) and report.pdf are online|."
    );
}

#[test]
fn numbers_money_times_and_dates() {
    assert_eq!(
        tok("Prices rose 2.5% to $1,000 at 10:30 on 10/21/2022, and 3,500 more came at 9am."),
        "¶ Prices rose 2.5|% to $|1,000 at 10:30 on 10/21/2022|, and 3,500 more came at 9|am|."
    );
}

#[test]
fn currencies_and_phone_prefixes() {
    assert_eq!(
        tok("It cost US$4.5 million; call +44 20 7946 0000."),
        "¶ It cost US$|4.5 million|; call +44 20 7946 0000|."
    );
}

#[test]
fn abbreviations_keep_their_period() {
    assert_eq!(
        tok("Gen. Ames met Maj. Cole, Dr. Ruiz and Mr. Bell Jr. at St. Anne's in Oct. at 9 a.m. with Acme Inc. staff."),
        "¶ Gen. Ames met Maj. Cole|, Dr. Ruiz and Mr. Bell Jr. at St. Anne's{Anne 's} in Oct. \
         at 9 a.m. with Acme Inc. staff|."
    );
    assert_eq!(tok("Room No. 5 was empty."), "¶ Room No. 5 was empty|.");
    // Without a number after it, "No." is the word "No" and a period.
    assert_eq!(
        tok("The answer was No. We left."),
        "¶ The answer was No|. ‖ We left|."
    );
    assert_eq!(tok("She was ranked No. one."), "¶ She was ranked No. one|.");
    // Initials.
    assert_eq!(tok("J. R. Smith spoke."), "¶ J. R. Smith spoke|.");
    // A doubled period: the abbreviation's and the sentence's.
    assert_eq!(
        tok("They met in Washington, D.C.."),
        "¶ They met in Washington|, D.C.|."
    );
}

#[test]
fn abbreviation_at_sentence_end_gives_up_its_period() {
    assert_eq!(
        tok("U.S. officials said it. They moved to the U.S. The next day they left."),
        "¶ U.S. officials said it|. ‖ They moved to the U.S|. ‖ The next day they left|."
    );
    assert_eq!(
        tok("We sold chairs, tables, etc. Then we rested."),
        "¶ We sold chairs|, tables|, etc|. ‖ Then we rested|."
    );
}

#[test]
fn quotes_dashes_and_ellipses() {
    assert_eq!(
        tok("“We will stay,” she said — and then left… Others – not all – agreed."),
        "¶ “|We will stay|,|” she said — and then left|… ‖ Others – not all – agreed|."
    );
    assert_eq!(
        tok("Well... maybe not. Wait... Then it ended!!"),
        "¶ Well|... maybe not|. ‖ Wait|... ‖ Then it ended|!!"
    );
    assert_eq!(
        tok("\"Why?\" he asked. \"Because.\" She left."),
        "¶ \"|Why|?|\" he asked|. ‖ \"|Because|.|\" ‖ She left|."
    );
}

#[test]
fn bullets_and_emoticons() {
    assert_eq!(
        tok("• First point\n* Second point\n- Third point"),
        "¶ • First point ‖ * Second point ‖ - Third point"
    );
    assert_eq!(
        tok("Great game :) See you soon ;-)"),
        "¶ Great game :) ‖ See you soon ;-)"
    );
}

#[test]
fn space_after_and_offsets() {
    let doc = split("Hi, (you).");
    let s = &doc.sentences[0];
    let spans: Vec<(usize, usize, bool)> = s
        .tokens
        .iter()
        .map(|t| (t.span.start, t.span.end, t.space_after))
        .collect();
    assert_eq!(
        spans,
        [
            (0, 2, false),
            (2, 3, true),
            (4, 5, false),
            (5, 8, false),
            (8, 9, false),
            (9, 10, true)
        ]
    );
    assert_eq!(s.span, Span::new(0, 10));
}

#[test]
fn sentence_boundaries() {
    assert_eq!(
        tok("Who came? Nobody! It rained. then it stopped."),
        "¶ Who came|? ‖ Nobody|! ‖ It rained|. ‖ then it stopped|."
    );
    // Brackets and quotes closing after the period stay in the sentence.
    assert_eq!(
        tok("He left (for good.) Then \"it ended.\" We know."),
        "¶ He left (|for good|.|) ‖ Then \"|it ended|.|\" ‖ We know|."
    );
    // A list number starts its sentence.
    assert_eq!(
        tok("Two things. 1. Pay now. 2. Sign here."),
        "¶ Two things|. ‖ 1|. Pay now|. ‖ 2|. Sign here|."
    );
}

#[test]
fn paragraphs_and_line_breaks() {
    let doc = split("First one. Second one.\n\nNew paragraph.\n \t\nThird");
    let flags: Vec<bool> = doc.sentences.iter().map(|s| s.new_paragraph).collect();
    assert_eq!(flags, [true, false, true, true]);
    assert_eq!(doc.sentences[2].span, Span::new(24, 38));
    // A headline without period on its own line is a sentence; a line wrapped in the middle
    // of a sentence is not cut.
    assert_eq!(
        tok("PRICES FALL AGAIN\nThe index fell on Monday\nand again on Tuesday.\nTraders worried"),
        "¶ PRICES FALL AGAIN ‖ The index fell on Monday and again on Tuesday|. ‖ Traders worried"
    );
}

#[test]
fn datelines_are_sentences_of_their_own() {
    assert_eq!(
        tok("WASHINGTON – Defense Secretary Ann Lee said on Tuesday that talks would resume."),
        "¶ WASHINGTON – ‖ Defense Secretary Ann Lee said on Tuesday that talks would resume|."
    );
    assert_eq!(
        tok("BEIJING, March 3 (Xinhua) -- Officials met."),
        "¶ BEIJING|, March 3 (|Xinhua|) -- ‖ Officials met|."
    );
    assert_eq!(
        tok("KYIV, Ukraine — “We are ready,” he said."),
        "¶ KYIV|, Ukraine — ‖ “|We are ready|,|” he said|."
    );
    // A dash inside a sentence, or after a word not in capitals, is not a dateline.
    assert_eq!(
        tok("The talks – held in Oslo – ended."),
        "¶ The talks – held in Oslo – ended|."
    );
    assert_eq!(
        tok("Washington – the capital – was quiet."),
        "¶ Washington – the capital – was quiet|."
    );
}

#[test]
fn empty_and_blank_inputs() {
    assert!(split("").sentences.is_empty());
    assert!(split(" \n\t\r\n  ").sentences.is_empty());
    assert!(split("\u{0}\u{1}\u{7f}").sentences.is_empty());
}

#[test]
fn control_characters_separate_tokens() {
    assert_eq!(tok("a\u{0}b\u{1b}c"), "¶ a b c");
    assert_eq!(tok("end.\u{0}Next"), "¶ end|. ‖ Next");
}

#[test]
fn unusual_unicode_does_not_break_anything() {
    // Combining accents stay in their word; emoji with modifiers are one token; other
    // scripts are words.
    assert_eq!(
        tok("Cafe\u{301} 👍🏽 fine 😀😀 مرحبا بكم 東京 \u{301}x"),
        "¶ Cafe\u{301} 👍🏽 fine 😀😀 مرحبا بكم 東京 \u{301}x"
    );
    for text in [
        "\u{FEFF}", "\u{200D}", "\u{FE0F}", "'", "’s", "-", "...", "@", "#", "http://", "www.",
        "a.", "U.S.", "'90s", "+1", "n't",
    ] {
        check_offsets(&split(text));
    }
}

#[test]
fn long_line_without_punctuation_is_linear() {
    // 2 MB of words with no punctuation, one huge token, and a huge run of one symbol: each
    // is read in one pass (a quadratic step would take minutes here).
    let words = "lorem ipsum dolor sit amet ".repeat(2_000_000 / 27);
    let doc = split(&words);
    assert_eq!(doc.sentences.len(), 1);
    assert_eq!(
        doc.sentences[0].tokens.len(),
        words.split_whitespace().count()
    );
    let token = "a".repeat(2_000_000);
    let doc = split(&token);
    assert_eq!(doc.sentences[0].tokens.len(), 1);
    for piece in ["a.", "a-", "1,", "a'", "-", ".", "@a.", "a@", "(:", "1/"] {
        check_offsets(&split(&piece.repeat(200_000)));
    }
}
