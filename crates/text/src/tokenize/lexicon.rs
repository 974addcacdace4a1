//! The word lists the tokenizer consults, read from the text files in `crates/text/data/`.
//!
//! The lists live in data files rather than in code so that they can be read, reviewed and
//! extended without touching the algorithm. Each file documents its own format.

use std::collections::{HashMap, HashSet};

const ABBREVIATIONS: &str = include_str!("../../data/abbreviations.txt");
const HYPHEN_AFFIXES: &str = include_str!("../../data/hyphen_affixes.txt");
const CONTRACTIONS: &str = include_str!("../../data/contractions.txt");
const UNITS: &str = include_str!("../../data/units.txt");
const WEB_SUFFIXES: &str = include_str!("../../data/web_suffixes.txt");
const EMOTICONS: &str = include_str!("../../data/emoticons.txt");
const SENTENCE_STARTERS: &str = include_str!("../../data/sentence_starters.txt");

/// What may follow an abbreviation, which tells the sentence splitter how to treat it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// A title before a name ("Dr."), or "e.g.": never ends a sentence.
    NeverFinal,
    /// May end a sentence ("Inc.", "etc.").
    General,
    /// An abbreviation only before a number ("No. 5").
    BeforeNumber,
}

/// When a contraction without apostrophe ("its", "lets") is split, judged on the next token.
#[derive(Clone, Debug)]
pub(crate) enum Condition {
    Always,
    NextIn(HashSet<String>),
    NextNotIn(HashSet<String>),
}

/// A contraction written without apostrophe: the byte lengths of its parts and when to split.
#[derive(Clone, Debug)]
pub(crate) struct Contraction {
    pub(crate) part_lengths: Vec<usize>,
    pub(crate) condition: Condition,
}

/// All the tokenizer's word lists.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Abbreviations as written in the data file, period included.
    abbreviations_exact: HashMap<String, AbbrevClass>,
    /// Abbreviations written in lower case in the data file, which match in any casing.
    abbreviations_any_case: HashMap<String, AbbrevClass>,
    hyphen_prefixes: HashSet<String>,
    hyphen_suffixes: HashSet<String>,
    contractions: HashMap<String, Contraction>,
    units: HashSet<String>,
    web_suffixes: HashSet<String>,
    /// Longest first, so that ":-)" is tried before ":-".
    pub(crate) emoticons: Vec<String>,
    sentence_starters: HashSet<String>,
}

/// The meaningful lines of a data file: trimmed, without blank lines and `#` comments.
fn data_lines(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn word_set(file: &str) -> HashSet<String> {
    data_lines(file).map(str::to_string).collect()
}

/// The words of a data file divided in `[name]` sections.
fn sections(file: &str) -> HashMap<String, HashSet<String>> {
    let mut out: HashMap<String, HashSet<String>> = HashMap::new();
    let mut current = String::new();
    for line in data_lines(file) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.to_string();
        } else {
            out.entry(current.clone())
                .or_default()
                .insert(line.to_string());
        }
    }
    out
}

fn parse_abbreviations(file: &str) -> (HashMap<String, AbbrevClass>, HashMap<String, AbbrevClass>) {
    let mut exact = HashMap::new();
    let mut any_case = HashMap::new();
    let mut class = AbbrevClass::General;
    for line in data_lines(file) {
        match line {
            "[never-final]" => class = AbbrevClass::NeverFinal,
            "[general]" => class = AbbrevClass::General,
            "[number]" => class = AbbrevClass::BeforeNumber,
            _ if line.chars().any(char::is_uppercase) => {
                exact.insert(line.to_string(), class);
            }
            _ => {
                any_case.insert(line.to_string(), class);
            }
        }
    }
    (exact, any_case)
}

fn parse_contractions(file: &str) -> HashMap<String, Contraction> {
    let mut table = HashMap::new();
    for line in data_lines(file) {
        let mut fields = line.split_whitespace();
        let Some(pattern) = fields.next() else {
            continue;
        };
        let rest: Vec<&str> = fields.collect();
        let words = || rest[1..].iter().map(|w| w.to_string()).collect();
        let condition = match rest.first() {
            Some(&"next:") => Condition::NextIn(words()),
            Some(&"next-not:") => Condition::NextNotIn(words()),
            _ => Condition::Always,
        };
        let part_lengths = pattern.split('|').map(str::len).collect();
        table.insert(
            pattern.replace('|', ""),
            Contraction {
                part_lengths,
                condition,
            },
        );
    }
    table
}

impl Lexicon {
    pub(crate) fn load() -> Lexicon {
        let (abbreviations_exact, abbreviations_any_case) = parse_abbreviations(ABBREVIATIONS);
        let mut affixes = sections(HYPHEN_AFFIXES);
        let mut emoticons: Vec<String> = data_lines(EMOTICONS).map(str::to_string).collect();
        emoticons.sort_by_key(|e| std::cmp::Reverse(e.len()));
        Lexicon {
            abbreviations_exact,
            abbreviations_any_case,
            hyphen_prefixes: affixes.remove("prefixes").unwrap_or_default(),
            hyphen_suffixes: affixes.remove("suffixes").unwrap_or_default(),
            contractions: parse_contractions(CONTRACTIONS),
            units: word_set(UNITS),
            web_suffixes: word_set(WEB_SUFFIXES),
            emoticons,
            sentence_starters: word_set(SENTENCE_STARTERS),
        }
    }

    /// The class of `word` (period included, "Gen.") if it is a listed abbreviation.
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        if let Some(&class) = self.abbreviations_exact.get(word) {
            return Some(class);
        }
        let lower = word.to_lowercase();
        if let Some(&class) = self.abbreviations_any_case.get(&lower) {
            return Some(class);
        }
        // "GEN." in an all-capitals headline is still "Gen.".
        if word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        {
            let mut chars = lower.chars();
            let titled: String = chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            return self.abbreviations_exact.get(&titled).copied();
        }
        None
    }

    pub(crate) fn is_hyphen_prefix(&self, word: &str) -> bool {
        word.len() <= 8 && self.hyphen_prefixes.contains(&word.to_lowercase())
    }

    pub(crate) fn is_hyphen_suffix(&self, word: &str) -> bool {
        word.len() <= 8 && self.hyphen_suffixes.contains(&word.to_lowercase())
    }

    pub(crate) fn contraction(&self, lower_token: &str) -> Option<&Contraction> {
        self.contractions.get(lower_token)
    }

    pub(crate) fn is_unit(&self, word: &str) -> bool {
        word.len() <= 4 && self.units.contains(&word.to_lowercase())
    }

    /// True for a top-level domain or file extension written all lower case or all capitals.
    pub(crate) fn is_web_suffix(&self, word: &str) -> bool {
        if word.len() > 6 {
            return false;
        }
        let lower = word.to_lowercase();
        (word == lower || word == word.to_uppercase()) && self.web_suffixes.contains(&lower)
    }

    pub(crate) fn is_sentence_starter(&self, word: &str) -> bool {
        self.sentence_starters.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let lex = Lexicon::load();
        assert_eq!(lex.abbreviation("Dr."), Some(AbbrevClass::NeverFinal));
        assert_eq!(lex.abbreviation("GEN."), Some(AbbrevClass::NeverFinal));
        assert_eq!(lex.abbreviation("gen."), None);
        assert_eq!(lex.abbreviation("Etc."), Some(AbbrevClass::General));
        assert_eq!(lex.abbreviation("No."), Some(AbbrevClass::BeforeNumber));
        assert!(lex.is_hyphen_prefix("Non"));
        assert!(!lex.is_hyphen_prefix("well"));
        assert!(lex.is_hyphen_suffix("wise"));
        let cannot = lex.contraction("cannot").unwrap();
        assert_eq!(cannot.part_lengths, vec![3, 3]);
        assert!(matches!(
            lex.contraction("its").unwrap().condition,
            Condition::NextIn(_)
        ));
        assert!(lex.is_web_suffix("gov") && lex.is_web_suffix("XLS") && !lex.is_web_suffix("In"));
        assert!(lex.is_unit("kg"));
        assert_eq!(lex.emoticons.first().map(String::len), Some(3));
        assert!(lex.is_sentence_starter("The"));
    }
}
