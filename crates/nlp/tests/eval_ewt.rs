//! The scorer on UD English EWT dev: gold against itself, and against gold read into a
//! Document and written back the way `dyad parse` writes.

use std::path::PathBuf;

use dyad_nlp::{conllu, eval};

fn ewt_dev() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "UD English EWT dev is missing: cannot read {} ({e}); this test needs it there",
            path.display()
        )
    })
}

fn assert_all_100(m: &eval::Metrics) {
    for (name, s) in m.named() {
        assert!(s.gold > 0, "{name}");
        assert_eq!(
            (s.system, s.correct),
            (s.gold, s.gold),
            "{name} is not 100%:\n{}",
            m.table()
        );
    }
}

#[test]
fn ewt_dev_against_itself_is_100() {
    let gold = ewt_dev();
    let m = eval::evaluate(&gold, &gold).unwrap();
    assert_all_100(&m);
    // 2001 sentences; 25k words, a few hundred of them in multiword tokens.
    assert_eq!(m.sentences.gold, 2001);
    assert!(m.words.gold > m.tokens.gold);
}

#[test]
fn ewt_dev_through_a_document_is_100() {
    let gold = ewt_dev();
    let doc = conllu::to_document(&conllu::parse(&gold).unwrap());
    let written = conllu::document_to_string(&doc);
    let mut streamed = Vec::new();
    conllu::write_document(&mut streamed, &doc).unwrap();
    assert!(streamed == written.as_bytes());
    assert_all_100(&eval::evaluate(&gold, &written).unwrap());

    // Written back, the text comes out the same, paragraphs included.
    let again = conllu::to_document(&conllu::parse(&written).unwrap());
    let paragraphs =
        |d: &dyad_text::Document| d.sentences.iter().filter(|s| s.new_paragraph).count();
    assert_eq!(paragraphs(&again), paragraphs(&doc));
    assert_eq!(again.sentences.len(), doc.sentences.len());
    assert!(again.text == doc.text);
}
