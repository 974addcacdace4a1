//! CoNLL-U to Document (raw text, spans, annotation) and Document to CoNLL-U.

use dyad_nlp::{conllu, eval};
use dyad_text::{Deprel, Document, Sentence, Span, Token, Upos, Word};

const SAMPLE: &str = "# newdoc id = a
# newpar id = a-p1
# sent_id = 1
1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_
1\tDo\tdo\tAUX\tVBP\tMood=Imp\t3\taux\t3:aux\t_
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t3:advmod\t_
3\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t3:punct\t_

# sent_id = 2
1\tOk\tok\tINTJ\tUH\t_\t0\troot\t0:root\tSpaceAfter=No

# sent_id = 3
1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\tSpaceAfter=No
1.1\tsaid\tsay\tVERB\tVBD\t_\t_\t_\t0:root\t_
2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t1:punct\t_

# newpar
# sent_id = 4
1-2\tcannot\t_\t_\t_\t_\t_\t_\t_\t_
1\tcan\tcan\tAUX\tMD\t_\t0\troot\t0:root\t_
2\tnot\tnot\tPART\tRB\t_\t1\tadvmod:neg\t1:advmod\t_

# newdoc
# sent_id = 5
1-2\twanna\t_\t_\t_\t_\t_\t_\t_\t_
1\twant\twant\tVERB\tVBP\t_\t0\troot\t0:root\t_
2\tna\tto\tPART\tTO\t_\t1\tmark\t1:mark\t_

";

fn sample() -> Document {
    conllu::to_document(&conllu::parse(SAMPLE).unwrap())
}

#[test]
fn raw_text_follows_the_conll_2018_rules() {
    let sentences = conllu::parse(SAMPLE).unwrap();
    assert_eq!(
        conllu::raw_text(&sentences),
        "Don't go. OkYes.\n\ncannot\n\nwanna"
    );
}

#[test]
fn sentences_tokens_and_words_get_their_spans() {
    let doc = sample();
    let s: Vec<&Sentence> = doc.sentences.iter().collect();
    assert_eq!(s.len(), 5);
    let paragraphs: Vec<bool> = s.iter().map(|s| s.new_paragraph).collect();
    assert_eq!(paragraphs, [true, false, false, true, true]);
    let spans: Vec<&str> = s.iter().map(|s| doc.slice(s.span)).collect();
    assert_eq!(spans, ["Don't go.", "Ok", "Yes.", "cannot", "wanna"]);

    assert_eq!(
        s[0].tokens,
        [
            Token {
                span: Span::new(0, 5),
                words: 0..2,
                space_after: true
            },
            Token {
                span: Span::new(6, 8),
                words: 2..3,
                space_after: false
            },
            Token {
                span: Span::new(8, 9),
                words: 3..4,
                space_after: true
            },
        ]
    );
    let word_spans = |i: usize| -> Vec<(usize, usize)> {
        s[i].words
            .iter()
            .map(|w| (w.span.start, w.span.end))
            .collect()
    };
    assert_eq!(word_spans(0), [(0, 2), (2, 5), (6, 8), (8, 9)]);
    // The empty node 1.1 is skipped.
    assert_eq!(s[2].words.len(), 2);
    assert_eq!(word_spans(3), [(18, 21), (21, 24)]);
    // "want" is not inside "wanna": it gets the whole token; "na" is found.
    assert_eq!(word_spans(4), [(26, 31), (29, 31)]);

    let w = &s[0].words[0];
    assert_eq!(
        w,
        &Word {
            form: "Do".into(),
            span: Span::new(0, 2),
            upos: Upos::AUX,
            xpos: "VBP".into(),
            feats: "Mood=Imp".into(),
            lemma: "do".into(),
            head: 3,
            deprel: Deprel("aux".into()),
        }
    );
    assert_eq!(s[3].words[1].deprel.universal(), "advmod");
}

#[test]
fn a_document_is_written_as_dyad_parse_prints_it() {
    let expected = "# newpar
# sent_id = 1
# text = Don't go.
1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_
1\tDo\tdo\tAUX\tVBP\tMood=Imp\t3\taux\t_\t_
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_
3\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# sent_id = 2
# text = Ok
1\tOk\tok\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No

# sent_id = 3
# text = Yes.
1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No
2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_

# newpar
# sent_id = 4
# text = cannot
1-2\tcannot\t_\t_\t_\t_\t_\t_\t_\t_
1\tcan\tcan\tAUX\tMD\t_\t0\troot\t_\t_
2\tnot\tnot\tPART\tRB\t_\t1\tadvmod:neg\t_\t_

# newpar
# sent_id = 5
# text = wanna
1-2\twanna\t_\t_\t_\t_\t_\t_\t_\t_
1\twant\twant\tVERB\tVBP\t_\t0\troot\t_\t_
2\tna\tto\tPART\tTO\t_\t1\tmark\t_\t_

";
    let doc = sample();
    assert_eq!(conllu::document_to_string(&doc), expected);
    let mut bytes = Vec::new();
    conllu::write_document(&mut bytes, &doc).unwrap();
    assert_eq!(String::from_utf8(bytes).unwrap(), expected);
    let m = eval::evaluate(SAMPLE, expected).unwrap();
    assert_eq!(m.las.correct, m.las.gold);
    assert_eq!(m.lemmas.correct, m.lemmas.gold);
}

#[test]
fn tokenization_only_output() {
    let doc = sample();
    let out = conllu::document_to_string_with(&doc, conllu::WriteOptions { annotations: false });
    let first: Vec<&str> = out.lines().take(8).collect();
    assert_eq!(
        first,
        [
            "# newpar",
            "# sent_id = 1",
            "# text = Don't go.",
            "1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_",
            "1\tDo\t_\t_\t_\t_\t0\t_\t_\t_",
            "2\tn't\t_\t_\t_\t_\t1\t_\t_\t_",
            "3\tgo\t_\t_\t_\t_\t1\t_\t_\tSpaceAfter=No",
            "4\t.\t_\t_\t_\t_\t1\t_\t_\t_",
        ]
    );
    let m = eval::evaluate(SAMPLE, &out).unwrap();
    assert_eq!(m.words.correct, m.words.gold);
    assert_eq!(m.sentences.correct, 5);
}

#[test]
fn broken_documents_still_give_valid_conllu() {
    let mut doc = sample();
    {
        let s = &mut doc.sentences[0];
        s.words[0].head = 0; // a second root: the first one found stays root
        s.words[1].head = 0;
        s.words[1].deprel = Deprel::default();
        s.words[2].head = 9; // outside the sentence
        s.words[3].head = 4; // itself
        s.words[2].form = "g\to".into();
        s.words[3].form = " ".into(); // blank: the text under the span is used
        s.words[0].lemma = String::new();
        s.words[0].xpos = "V\nBP".into();
    }
    // A sentence without words is left out and does not use up a sentence number.
    doc.sentences.insert(1, Sentence::default());
    {
        // Tokens that do not cover the words: one line per word instead.
        let s = &mut doc.sentences[4];
        s.tokens.truncate(1);
        s.tokens[0].words = 0..1;
        // A cycle between the two words, no root.
        s.words[0].head = 2;
        s.words[1].head = 1;
    }
    doc.text.replace_range(5..6, "\t");
    let out = conllu::document_to_string(&doc);
    let expected_first = "# newpar
# sent_id = 1
# text = Don't\tgo.
1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_
1\tDo\t_\tAUX\tV BP\tMood=Imp\t0\taux\t_\t_
2\tn't\tnot\tPART\tRB\t_\t1\tdep\t_\t_
3\tg o\tgo\tVERB\tVB\tVerbForm=Inf\t1\tdep\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_

# sent_id = 2
"
    .replace("Don't\tgo.", "Don't go.");
    assert!(out.starts_with(&expected_first), "{out}");
    assert!(
        out.contains(
            "# sent_id = 4\n# text = cannot\n1\tcan\tcan\tAUX\tMD\t_\t0\troot\t_\t_\n\
         2\tnot\tnot\tPART\tRB\t_\t1\tadvmod:neg\t_\t_\n"
        ),
        "{out}"
    );
    assert!(!out.contains("# sent_id = 6"));
    // Every sentence is a tree the evaluation accepts.
    eval::evaluate(&out, &out).unwrap();
}
