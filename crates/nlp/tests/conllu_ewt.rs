//! The CoNLL-U reader and writer on the whole of UD English EWT.

use std::path::PathBuf;

use dyad_nlp::conllu;

/// The EWT files, read from the shared data folder next to the repository.
fn ewt_files() -> Vec<(PathBuf, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud-english-ewt");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "UD English EWT is missing: cannot read {} ({e}); these tests need the treebank's \
             .conllu files there",
            dir.display()
        )
    });
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no .conllu files in {}: UD English EWT should be there",
        dir.display()
    );
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
            (p, text)
        })
        .collect()
}

#[test]
fn every_ewt_file_round_trips_byte_for_byte() {
    for (path, text) in ewt_files() {
        let sentences = conllu::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!sentences.is_empty());
        let written = conllu::to_string(&sentences);
        if written != text {
            let line = text
                .lines()
                .zip(written.lines())
                .position(|(a, b)| a != b)
                .map_or(0, |i| i + 1);
            panic!(
                "{} does not round-trip; first difference at line {line}",
                path.display()
            );
        }
        let mut bytes = Vec::new();
        conllu::write(&mut bytes, &sentences).unwrap();
        assert!(bytes == text.as_bytes());
    }
}

#[test]
fn ewt_documents_rebuild_the_sentence_texts() {
    for (path, text) in ewt_files() {
        let sentences = conllu::parse(&text).unwrap();
        let doc = conllu::to_document(&sentences);
        assert_eq!(doc.sentences.len(), sentences.len());
        assert_eq!(conllu::raw_text(&sentences), doc.text);
        for (raw, sentence) in sentences.iter().zip(&doc.sentences) {
            let where_ = format!("{} line {}", path.display(), raw.line);
            // The rebuilt text uses plain spaces; one EWT sentence says `SpacesAfter=\u00A0`.
            let plain = |t: &str| -> String {
                t.chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .collect()
            };
            assert_eq!(
                Some(doc.slice(sentence.span)),
                raw.text().map(plain).as_deref(),
                "{where_}"
            );
            assert_eq!(sentence.words.len(), raw.word_count(), "{where_}");
            assert_eq!(
                sentence.new_paragraph,
                raw.starts_paragraph() || raw.starts_document() || raw.line == 1,
                "{where_}"
            );
            let mut next_word = 0;
            for token in &sentence.tokens {
                assert_eq!(token.words.start, next_word, "{where_}");
                next_word = token.words.end;
                let token_text = doc.slice(token.span);
                for word in &sentence.words[token.words.clone()] {
                    let inside =
                        token.span.start <= word.span.start && word.span.end <= token.span.end;
                    assert!(inside, "{where_}");
                    if !token.is_multiword() {
                        assert_eq!(doc.slice(word.span), word.form, "{where_}");
                        assert_eq!(token_text, word.form, "{where_}");
                    } else if token_text.contains(word.form.as_str()) && !word.form.is_empty() {
                        assert!(doc.slice(word.span) == word.form || word.span == token.span);
                    }
                }
            }
            assert_eq!(next_word, sentence.words.len(), "{where_}");
        }
    }
}
