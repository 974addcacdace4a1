//! The CoNLL 2018 metrics on small hand-made gold/system pairs with known answers.

use dyad_nlp::eval::{self, EvalError, Score};

/// Builds a CoNLL-U text. Each sentence is a list of rows; a row is either
/// `"ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL MISC"` (DEPS is `_`) or a range line
/// `"2-3 FORM"`, optionally followed by its MISC.
fn conllu(sentences: &[&[&str]]) -> String {
    let mut out = String::new();
    for rows in sentences {
        for row in *rows {
            let c: Vec<&str> = row.split_whitespace().collect();
            let line = if c[0].contains('-') {
                let misc = c.get(2).copied().unwrap_or("_");
                format!("{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{misc}", c[0], c[1])
            } else {
                assert_eq!(c.len(), 9, "{row}");
                format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
                    c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]
                )
            };
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

fn score(gold: usize, system: usize, correct: usize, aligned: Option<usize>) -> Score {
    Score {
        gold,
        system,
        correct,
        aligned,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

const I_DONT_KNOW: &[&str] = &[
    "1 I I PRON PRP Case=Nom|Number=Sing|Person=1|PronType=Prs 4 nsubj _",
    "2-3 don't",
    "2 do do AUX VBP Mood=Ind|Tense=Pres|VerbForm=Fin 4 aux _",
    "3 n't not PART RB _ 4 advmod _",
    "4 know know VERB VB VerbForm=Inf 0 root SpaceAfter=No",
    "5 . . PUNCT . _ 4 punct _",
];

const YES: &[&str] = &["1 Yes yes INTJ UH _ 0 root _"];

#[test]
fn identical_files_score_100_everywhere() {
    let gold = conllu(&[I_DONT_KNOW, YES]);
    let m = eval::evaluate(&gold, &gold).unwrap();
    for (name, s) in m.named() {
        assert!(s.gold > 0, "{name}");
        assert_eq!((s.correct, s.system), (s.gold, s.gold), "{name}");
        assert!(close(s.f1(), 1.0), "{name}");
        assert!(
            close(s.precision(), 1.0) && close(s.recall(), 1.0),
            "{name}"
        );
    }
    assert_eq!(m.tokens, score(5, 5, 5, None));
    assert_eq!(m.sentences, score(2, 2, 2, None));
    assert_eq!(m.words, score(6, 6, 6, None));
    assert_eq!(m.upos, score(6, 6, 6, Some(6)));
    // nsubj, advmod, root, root are content relations; aux and punct are not.
    assert_eq!(m.clas, score(4, 4, 4, Some(4)));
    assert_eq!(m.mlas, score(4, 4, 4, Some(4)));
}

#[test]
fn a_tokenization_difference() {
    let gold = conllu(&[&[
        "1 Send send VERB VB _ 0 root _",
        "2 e-mail e-mail NOUN NN _ 1 obj _",
        "3 now now ADV RB _ 1 advmod SpaceAfter=No",
        "4 . . PUNCT . _ 1 punct _",
    ]]);
    // "e-mail" split in three, and "now" attached to the wrong word.
    let system = conllu(&[&[
        "1 Send send VERB VB _ 0 root _",
        "2 e e NOUN NN _ 4 compound SpaceAfter=No",
        "3 - - PUNCT HYPH _ 4 punct SpaceAfter=No",
        "4 mail mail NOUN NN _ 1 obj _",
        "5 now now ADV RB _ 4 advmod SpaceAfter=No",
        "6 . . PUNCT . _ 1 punct _",
    ]]);
    let m = eval::evaluate(&gold, &system).unwrap();
    assert_eq!(m.tokens, score(4, 6, 3, None));
    assert!(close(m.tokens.precision(), 0.5));
    assert!(close(m.tokens.recall(), 0.75));
    assert!(close(m.tokens.f1(), 0.6));
    assert_eq!(m.sentences, score(1, 1, 1, None));
    assert_eq!(m.words, score(4, 6, 3, None));
    assert_eq!(m.upos, score(4, 6, 3, Some(3)));
    assert_eq!(m.lemmas, score(4, 6, 3, Some(3)));
    assert_eq!(m.uas, score(4, 6, 2, Some(3)));
    assert!(close(m.uas.f1(), 0.4));
    assert!(close(m.uas.aligned_accuracy().unwrap(), 2.0 / 3.0));
    assert_eq!(m.las, score(4, 6, 2, Some(3)));
    // Content words: gold root, obj, advmod; system root, compound, obj, advmod.
    assert_eq!(m.clas, score(3, 4, 1, Some(2)));
    assert!(close(m.clas.f1(), 2.0 / 7.0));
}

#[test]
fn spaces_inside_forms_are_ignored_but_token_bounds_count() {
    // Built by hand: the row helper splits on white space.
    let gold = "1\t3\u{a0}1/2\t3.5\tNUM\tCD\t_\t0\troot\t_\t_\n\n";
    let system = conllu(&[&["1 3 3 NUM CD _ 0 root _", "2 1/2 1/2 NUM CD _ 1 compound _"]]);
    let m = eval::evaluate(gold, &system).unwrap();
    assert_eq!(m.tokens, score(1, 2, 0, None));
    assert_eq!(m.words, score(1, 2, 0, None));
}

#[test]
fn a_multiword_token_split_differently() {
    let gold = conllu(&[I_DONT_KNOW]);

    // The same token, split into "do" and "not": "do" aligns by form, "not" cannot.
    let system = conllu(&[&[
        "1 I I PRON PRP _ 4 nsubj _",
        "2-3 don't",
        "2 do do AUX VBP _ 4 aux _",
        "3 not not PART RB _ 4 advmod _",
        "4 know know VERB VB _ 0 root SpaceAfter=No",
        "5 . . PUNCT . _ 4 punct _",
    ]]);
    let m = eval::evaluate(&gold, &system).unwrap();
    assert_eq!(m.tokens, score(4, 4, 4, None));
    assert_eq!(m.words, score(5, 5, 4, None));
    assert_eq!(m.upos, score(5, 5, 4, Some(4)));
    assert_eq!(m.uas, score(5, 5, 4, Some(4)));
    assert!(close(m.words.f1(), 0.8));

    // Not split at all: the region "don't" has no common form, and "I" now hangs from a
    // word that aligns with nothing.
    let system = conllu(&[&[
        "1 I I PRON PRP _ 2 nsubj _",
        "2 don't do AUX VBP _ 3 aux _",
        "3 know know VERB VB _ 0 root SpaceAfter=No",
        "4 . . PUNCT . _ 3 punct _",
    ]]);
    let m = eval::evaluate(&gold, &system).unwrap();
    assert_eq!(m.tokens, score(4, 4, 4, None));
    assert_eq!(m.words, score(5, 4, 3, None));
    assert!(close(m.words.f1(), 6.0 / 9.0));
    assert_eq!(m.uas, score(5, 4, 2, Some(3)));
    assert!(close(m.uas.f1(), 4.0 / 9.0));

    // Forms are compared lowercased.
    let system = conllu(&[&[
        "1 I I PRON PRP _ 4 nsubj _",
        "2-3 don't",
        "2 DO do AUX VBP _ 4 aux _",
        "3 N'T not PART RB _ 4 advmod _",
        "4 know know VERB VB _ 0 root SpaceAfter=No",
        "5 . . PUNCT . _ 4 punct _",
    ]]);
    let m = eval::evaluate(&gold, &system).unwrap();
    assert_eq!(m.words, score(5, 5, 5, None));
    assert_eq!(m.las, score(5, 5, 5, Some(5)));
}

#[test]
fn a_multiword_token_against_separate_tokens() {
    // Gold splits "cannot" into two words of one token; the system writes two tokens.
    let gold = conllu(&[&[
        "1 I I PRON PRP _ 4 nsubj _",
        "2-3 cannot",
        "2 can can AUX MD _ 4 aux _",
        "3 not not PART RB _ 4 advmod _",
        "4 go go VERB VB _ 0 root _",
    ]]);
    let system = conllu(&[&[
        "1 I I PRON PRP _ 4 nsubj _",
        "2 can can AUX MD _ 4 aux SpaceAfter=No",
        "3 not not PART RB _ 4 advmod _",
        "4 go go VERB VB _ 0 root _",
    ]]);
    let m = eval::evaluate(&gold, &system).unwrap();
    assert_eq!(m.tokens, score(3, 4, 2, None));
    // Both words align through the multiword region.
    assert_eq!(m.words, score(4, 4, 4, None));
    assert_eq!(m.las, score(4, 4, 4, Some(4)));
}

#[test]
fn a_sentence_boundary_difference() {
    let hi = &[
        "1 Hi hi INTJ UH _ 0 root SpaceAfter=No",
        "2 . . PUNCT . _ 1 punct _",
    ][..];
    let bye = &[
        "1 Bye bye INTJ UH _ 0 root SpaceAfter=No",
        "2 . . PUNCT . _ 1 punct _",
    ][..];
    let gold = conllu(&[hi, bye]);
    let system = conllu(&[&[
        "1 Hi hi INTJ UH _ 0 root SpaceAfter=No",
        "2 . . PUNCT . _ 1 punct _",
        "3 Bye bye INTJ UH _ 1 parataxis SpaceAfter=No",
        "4 . . PUNCT . _ 3 punct _",
    ]]);
    let m = eval::evaluate(&gold, &system).unwrap();
    assert_eq!(m.sentences, score(2, 1, 0, None));
    assert_eq!(m.sentences.f1(), 0.0);
    assert_eq!(m.tokens, score(4, 4, 4, None));
    assert_eq!(m.words, score(4, 4, 4, None));
    assert_eq!(m.uas, score(4, 4, 3, Some(4)));
    assert_eq!(m.las, score(4, 4, 3, Some(4)));
    assert_eq!(m.clas, score(2, 2, 1, Some(2)));

    // The other way round, and a boundary found among three.
    let m = eval::evaluate(&system, &gold).unwrap();
    assert_eq!(m.sentences, score(1, 2, 0, None));
    let gold3 = conllu(&[hi, bye, hi]);
    let system2 = conllu(&[
        hi,
        &[
            "1 Bye bye INTJ UH _ 0 root SpaceAfter=No",
            "2 . . PUNCT . _ 1 punct _",
            "3 Hi hi INTJ UH _ 1 parataxis SpaceAfter=No",
            "4 . . PUNCT . _ 3 punct _",
        ],
    ]);
    let m = eval::evaluate(&gold3, &system2).unwrap();
    assert_eq!(m.sentences, score(3, 2, 1, None));
}

#[test]
fn a_wrong_head() {
    let gold = conllu(&[I_DONT_KNOW, YES]);
    // "do" attached to "I" instead of "know".
    let mut wrong = I_DONT_KNOW.to_vec();
    wrong[2] = "2 do do AUX VBP Mood=Ind|Tense=Pres|VerbForm=Fin 1 aux _";
    let system = conllu(&[&wrong, YES]);
    let m = eval::evaluate(&gold, &system).unwrap();
    assert_eq!(m.uas, score(6, 6, 5, Some(6)));
    assert_eq!(m.las, score(6, 6, 5, Some(6)));
    assert!(close(m.las.f1(), 5.0 / 6.0));
    // "do" is a function word: CLAS does not see it, but MLAS fails both "know", which
    // lost it, and "I", which gained it.
    assert_eq!(m.clas, score(4, 4, 4, Some(4)));
    assert_eq!(m.blex, score(4, 4, 4, Some(4)));
    assert_eq!(m.mlas, score(4, 4, 2, Some(4)));
    assert_eq!(m.upos, score(6, 6, 6, Some(6)));
}

#[test]
fn a_wrong_label_with_the_same_universal_part() {
    let gold = conllu(&[&[
        "1 He he PRON PRP _ 2 nsubj _",
        "2 left leave VERB VBD _ 0 root _",
        "3 Monday _ PROPN NNP Number=Sing|Foo=Bar 2 obl:tmod SpaceAfter=No",
        "4 . . PUNCT . _ 2 punct _",
    ]]);
    let system = conllu(&[&[
        "1 He he PRON PRP _ 2 nsubj _",
        "2 left left VERB VBN _ 0 root _",
        "3 Monday monday PROPN NNP Number=Sing 2 obl:npmod SpaceAfter=No",
        "4 . . PUNCT . _ 2 punct _",
    ]]);
    let m = eval::evaluate(&gold, &system).unwrap();
    assert_eq!(m.las, score(4, 4, 4, Some(4)));
    assert_eq!(m.clas, score(3, 3, 3, Some(3)));
    // Only universal features count.
    assert_eq!(m.ufeats, score(4, 4, 4, Some(4)));
    assert_eq!(m.xpos, score(4, 4, 3, Some(4)));
    assert_eq!(m.alltags, score(4, 4, 3, Some(4)));
    // A gold lemma `_` accepts anything; "left" for "leave" is wrong.
    assert_eq!(m.lemmas, score(4, 4, 3, Some(4)));
    assert_eq!(m.blex, score(3, 3, 2, Some(3)));

    let system = system.replace("obl:npmod", "obj");
    let m = eval::evaluate(&gold, &system).unwrap();
    assert_eq!(m.uas, score(4, 4, 4, Some(4)));
    assert_eq!(m.las, score(4, 4, 3, Some(4)));
    assert_eq!(m.clas, score(3, 3, 2, Some(3)));
}

#[test]
fn features_are_compared_sorted() {
    let gold = conllu(&[&["1 Go go VERB VB Mood=Imp|VerbForm=Fin 0 root _"]]);
    let system = conllu(&[&["1 Go go VERB VB VerbForm=Fin|Mood=Imp 0 root _"]]);
    let m = eval::evaluate(&gold, &system).unwrap();
    assert_eq!(m.ufeats.correct, 1);
}

#[test]
fn different_texts_are_an_error() {
    let gold = conllu(&[&["1 Hello hello INTJ UH _ 0 root _"]]);
    let system = conllu(&[&["1 Hallo hallo INTJ UH _ 0 root _"]]);
    let err = eval::evaluate(&gold, &system).unwrap_err();
    assert_eq!(
        err,
        EvalError::TextMismatch {
            offset: 1,
            gold: "ello".into(),
            system: "allo".into()
        }
    );
    assert!(err.to_string().contains("differ from character 1"), "{err}");
    let longer = conllu(&[&[
        "1 Hello hello INTJ UH _ 0 root _",
        "2 ! ! PUNCT . _ 1 punct _",
    ]]);
    let err = eval::evaluate(&gold, &longer).unwrap_err();
    assert_eq!(
        err,
        EvalError::TextMismatch {
            offset: 5,
            gold: "".into(),
            system: "!".into()
        }
    );
}

#[test]
fn broken_trees_are_an_error() {
    let gold = conllu(&[
        YES,
        &[
            "1 Hi hi INTJ UH _ 0 root _",
            "2 there there ADV RB _ 0 root _",
        ],
    ]);
    let err = eval::evaluate(&gold, &gold).unwrap_err().to_string();
    assert_eq!(
        err,
        "gold file, line 3: the sentence has 2 roots (words 1, 2); it must have exactly one"
    );

    let cycle = conllu(&[&[
        "1 a a X X _ 0 root _",
        "2 b b X X _ 3 dep _",
        "3 c c X X _ 2 dep _",
    ]]);
    let err = eval::evaluate(&conllu(&[&["1 abc abc X X _ 0 root _"]]), &cycle).unwrap_err();
    assert_eq!(
        err.to_string(),
        "system file, line 2: word 2 is in a cycle of heads"
    );

    let no_head = conllu(&[&["1 Hi hi INTJ UH _ _ root _"]]);
    let err = eval::evaluate(&no_head, &no_head).unwrap_err().to_string();
    assert!(err.contains("word 1 has no HEAD"), "{err}");

    let blank_form = "1\t\u{a0}\t_\tX\tX\t_\t0\troot\t_\t_\n\n";
    let err = eval::evaluate(blank_form, blank_form)
        .unwrap_err()
        .to_string();
    assert_eq!(err, "gold file, line 1: word or token 1 has an empty FORM");

    let err = eval::evaluate("1\tx\n", blank_form)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("gold file, line 1: expected 10"), "{err}");
}

#[test]
fn sentence_ids_appear_in_tree_errors() {
    let text = "# sent_id = s7\n1\ta\t_\t_\t_\t_\t0\t_\t_\t_\n2\tb\t_\t_\t_\t_\t0\t_\t_\t_\n\n";
    let err = eval::evaluate(text, text).unwrap_err().to_string();
    assert!(err.ends_with("(sentence s7)"), "{err}");
    assert!(err.starts_with("gold file, line 1: "), "{err}");
}

#[test]
fn empty_files_score_zero_without_dividing_by_zero() {
    let m = eval::evaluate("", "").unwrap();
    for (name, s) in m.named() {
        assert_eq!((s.gold, s.system, s.correct), (0, 0, 0), "{name}");
        assert_eq!(s.f1(), 0.0);
        assert_eq!(s.aligned_accuracy(), s.aligned.map(|_| 0.0));
    }
    assert_eq!(m.upos.aligned, Some(0));
    assert_eq!(m.tokens.aligned, None);
}

#[test]
fn table_and_json() {
    let gold = conllu(&[&[
        "1 Send send VERB VB _ 0 root _",
        "2 e-mail e-mail NOUN NN _ 1 obj _",
        "3 now now ADV RB _ 1 advmod SpaceAfter=No",
        "4 . . PUNCT . _ 1 punct _",
    ]]);
    let system = conllu(&[&[
        "1 Send send VERB VB _ 0 root _",
        "2 e e NOUN NN _ 4 compound SpaceAfter=No",
        "3 - - PUNCT HYPH _ 4 punct SpaceAfter=No",
        "4 mail mail NOUN NN _ 1 obj _",
        "5 now now ADV RB _ 4 advmod SpaceAfter=No",
        "6 . . PUNCT . _ 1 punct _",
    ]]);
    let m = eval::evaluate(&gold, &system).unwrap();
    let table = m.table();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 15);
    assert_eq!(
        lines[0],
        "Metric     | Precision |    Recall |  F1 Score | AligndAcc"
    );
    assert_eq!(
        lines[1],
        "-----------+-----------+-----------+-----------+-----------"
    );
    assert_eq!(lines[2], "Tokens     |     50.00 |     75.00 |     60.00 |");
    assert_eq!(
        lines[10],
        "UAS        |     33.33 |     50.00 |     40.00 |     66.67"
    );
    let json = m.to_json();
    assert!(
        json.starts_with(
            "{\"Tokens\":{\"precision\":50,\"recall\":75,\"f1\":60,\"aligned_accuracy\":null,\
         \"gold\":4,\"system\":6,\"correct\":3,\"aligned\":null},"
        ),
        "{json}"
    );
    assert!(
        json.contains(
            "\"UAS\":{\"precision\":33.3333,\"recall\":50,\"f1\":40,\"aligned_accuracy\":66.6667,\
         \"gold\":4,\"system\":6,\"correct\":2,\"aligned\":3}"
        ),
        "{json}"
    );
    assert!(json.ends_with("}}"));
}
