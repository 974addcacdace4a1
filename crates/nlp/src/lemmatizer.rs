//! Lemmatizer and morphological features, both from tables learned on the training data.
//!
//! Lemmas: a word seen in training with this XPOS takes its most frequent lemma (an exception
//! table that covers the irregular forms: "went" → "go", "n't" → "not"). An unseen word takes
//! the edit rule ("strip `ies`, add `y`") most often seen for the longest suffix it shares
//! with training words of the same XPOS. Features: the most frequent FEATS of the word with
//! its XPOS, else of the XPOS.

use std::hash::{Hash, Hasher};

use hashbrown::Equivalent;
use rustc_hash::{FxBuildHasher, FxHashMap};
use serde::{Deserialize, Serialize};

/// A table keyed by two strings that can be looked up with two `&str`, without building the
/// key: the lemmatizer is asked twice a word, and allocating keys was most of its cost. It is
/// stored exactly as the standard map it replaced.
type PairMap<V> = hashbrown::HashMap<(String, String), V, FxBuildHasher>;

/// A borrowed key of a [`PairMap`]: hashes as the `(String, String)` it stands for.
struct Pair<'a>(&'a str, &'a str);

impl Hash for Pair<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
        self.1.hash(state);
    }
}

impl Equivalent<(String, String)> for Pair<'_> {
    fn equivalent(&self, key: &(String, String)) -> bool {
        self.0 == key.0 && self.1 == key.1
    }
}

/// An edit from form to lemma: remove `strip` characters at the end, then append `add`.
/// Lowercasing is part of the rule because EWT lowercases common words but not names.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct EditRule {
    lowercase: bool,
    strip: u8,
    add: String,
}

impl EditRule {
    fn learn(form: &str, lemma: &str) -> Option<EditRule> {
        for lowercase in [false, true] {
            let base: String = if lowercase {
                form.to_lowercase()
            } else {
                form.to_string()
            };
            let b: Vec<char> = base.chars().collect();
            let l: Vec<char> = lemma.chars().collect();
            let common = b.iter().zip(&l).take_while(|(x, y)| x == y).count();
            // Require a shared stem, so the rule generalises as a suffix rule.
            if common == 0 && !b.is_empty() {
                continue;
            }
            let strip = b.len() - common;
            if strip > 255 {
                return None;
            }
            return Some(EditRule {
                lowercase,
                strip: strip as u8,
                add: l[common..].iter().collect(),
            });
        }
        None
    }

    fn apply(&self, form: &str) -> Option<String> {
        let base: String = if self.lowercase {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        let n = base.chars().count();
        let keep = n.checked_sub(self.strip as usize)?;
        if keep == 0 && self.add.is_empty() {
            return None;
        }
        let mut out: String = base.chars().take(keep).collect();
        out.push_str(&self.add);
        Some(out)
    }
}

/// The lemmatizer and feature tables.
#[derive(Serialize, Deserialize, Default)]
pub struct Lemmatizer {
    /// (form, xpos) → lemma, for forms seen in training.
    exact: PairMap<String>,
    /// (lowercased form, xpos) → lemma.
    lower: PairMap<String>,
    rules: Vec<EditRule>,
    /// (xpos, suffix of the lowercased form) → rule index, for suffixes of 1 to `MAX_SUFFIX` chars.
    suffix_rules: PairMap<u32>,
    /// (lowercased form, xpos) → FEATS.
    word_feats: PairMap<String>,
    /// xpos → FEATS.
    tag_feats: FxHashMap<String, String>,
}

const MAX_SUFFIX: usize = 6;

fn suffix(chars: &[char], n: usize) -> String {
    chars[chars.len() - n..].iter().collect()
}

fn most_frequent<K, V, M>(counts: FxHashMap<K, FxHashMap<V, usize>>) -> M
where
    K: std::hash::Hash + Eq + Clone,
    V: std::hash::Hash + Eq + Clone + Ord,
    M: FromIterator<(K, V)>,
{
    counts
        .into_iter()
        .map(|(k, c)| {
            // Ties go to the smallest value, so training is deterministic.
            let best = c
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .expect("non-empty")
                .0;
            (k, best)
        })
        .collect()
}

impl Lemmatizer {
    /// Learns the tables from (form, xpos, lemma, feats) quadruples.
    pub fn train<'a>(
        words: impl Iterator<Item = (&'a str, &'a str, &'a str, &'a str)>,
    ) -> Lemmatizer {
        type Counts<K, V> = FxHashMap<K, FxHashMap<V, usize>>;
        let mut exact: Counts<(String, String), String> = FxHashMap::default();
        let mut lower: Counts<(String, String), String> = FxHashMap::default();
        let mut word_feats: Counts<(String, String), String> = FxHashMap::default();
        let mut tag_feats: Counts<String, String> = FxHashMap::default();
        let mut rule_ids: FxHashMap<EditRule, u32> = FxHashMap::default();
        let mut rules = Vec::new();
        let mut suffix_counts: Counts<(String, String), u32> = FxHashMap::default();
        for (form, xpos, lemma, feats) in words {
            let lf = form.to_lowercase();
            *exact
                .entry((form.to_string(), xpos.to_string()))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
            *lower
                .entry((lf.clone(), xpos.to_string()))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
            *word_feats
                .entry((lf.clone(), xpos.to_string()))
                .or_default()
                .entry(feats.to_string())
                .or_default() += 1;
            *tag_feats
                .entry(xpos.to_string())
                .or_default()
                .entry(feats.to_string())
                .or_default() += 1;
            let Some(rule) = EditRule::learn(form, lemma) else {
                continue;
            };
            let id = *rule_ids.entry(rule.clone()).or_insert_with(|| {
                rules.push(rule);
                (rules.len() - 1) as u32
            });
            let chars: Vec<char> = lf.chars().collect();
            for n in 1..=MAX_SUFFIX.min(chars.len()) {
                *suffix_counts
                    .entry((xpos.to_string(), suffix(&chars, n)))
                    .or_default()
                    .entry(id)
                    .or_default() += 1;
            }
        }
        Lemmatizer {
            exact: most_frequent(exact),
            lower: most_frequent(lower),
            rules,
            suffix_rules: most_frequent(suffix_counts),
            word_feats: most_frequent(word_feats),
            tag_feats: most_frequent(tag_feats),
        }
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        if let Some(l) = self.exact.get(&Pair(form, xpos)) {
            return l.clone();
        }
        let lf = form.to_lowercase();
        if let Some(l) = self.lower.get(&Pair(&lf, xpos)) {
            return l.clone();
        }
        if upos == "PROPN" || upos == "NUM" || upos == "PUNCT" || upos == "SYM" || upos == "X" {
            return form.to_string();
        }
        let chars: Vec<char> = lf.chars().collect();
        for n in (1..=MAX_SUFFIX.min(chars.len().saturating_sub(1))).rev() {
            if let Some(&r) = self.suffix_rules.get(&Pair(xpos, &suffix(&chars, n))) {
                if let Some(l) = self.rules.get(r as usize).and_then(|r| r.apply(form)) {
                    return l;
                }
            }
        }
        lf
    }

    /// The morphological features of `form` tagged `xpos`, in CoNLL-U form.
    pub fn feats(&self, form: &str, xpos: &str) -> String {
        let lf;
        // Most words are lowercase ASCII already: no need to build a copy.
        let lower = if form
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            form
        } else {
            lf = form.to_lowercase();
            lf.as_str()
        };
        self.word_feats
            .get(&Pair(lower, xpos))
            .or_else(|| self.tag_feats.get(xpos))
            .cloned()
            .unwrap_or_else(|| "_".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_rules_learn_and_apply() {
        let r = EditRule::learn("studies", "study").unwrap();
        assert_eq!(r.apply("ladies").as_deref(), Some("lady"));
        let r = EditRule::learn("The", "the").unwrap();
        assert!(r.lowercase);
        assert_eq!(r.apply("A").as_deref(), Some("a"));
    }

    #[test]
    fn unseen_words_follow_suffix_rules() {
        let data = [
            ("studies", "VBZ", "study", "_"),
            ("carries", "VBZ", "carry", "_"),
            ("walked", "VBD", "walk", "_"),
            ("went", "VBD", "go", "_"),
        ];
        let l = Lemmatizer::train(data.iter().copied());
        assert_eq!(l.lemma("went", "VERB", "VBD"), "go");
        assert_eq!(l.lemma("buries", "VERB", "VBZ"), "bury");
        assert_eq!(l.lemma("talked", "VERB", "VBD"), "talk");
        assert_eq!(l.lemma("Qaim", "PROPN", "NNP"), "Qaim");
    }
}
