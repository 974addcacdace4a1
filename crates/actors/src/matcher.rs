//! The phrase automaton: a trie over word keys, built once when the knowledge base loads.
//!
//! Every phrase of the knowledge base (a country's names, a role's words, a person's names,
//! an imported dictionary's entries) is cut into words by the same tokenizer that cuts the
//! documents, and each word becomes a key (see [`crate::normalise`]). Words are interned to
//! integers; an edge is one hash probe on `(node, word id)`. A longest match from a position
//! walks the trie and remembers the last accepting node.
//!
//! Imported PETRARCH entries may end in a stem ("DEFENSE_MINIST" matches "ministers"): those
//! are stem edges, tried only at the nodes that have some, by looking up the prefixes of the
//! word.

use rustc_hash::FxHashMap;

use crate::normalise::{fold_into, is_caps};

/// One word of a phrase as the trie stores it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhraseWord {
    /// Matches any word whose folded key is this.
    Folded(String),
    /// Matches only this exact all-capital word ("US", "WHO").
    Caps(String),
    /// Matches any word whose folded key starts with this (imported dictionaries only).
    Stem(String),
}

/// The keys of one word of a text, computed once per word.
#[derive(Clone, Debug, Default)]
pub struct WordKeys {
    folded_id: Option<u32>,
    caps_id: Option<u32>,
    /// The folded form, kept for stem edges.
    pub folded: String,
}

const NONE: u32 = u32::MAX;

/// A trie over word ids whose accepting nodes carry a payload of type `T`.
#[derive(Debug)]
pub struct Matcher<T> {
    vocab: FxHashMap<Box<str>, u32>,
    edges: FxHashMap<u64, u32>,
    stem_edges: FxHashMap<u64, u32>,
    /// Per node: index into `payloads`, or NONE.
    accept: Vec<u32>,
    /// Per node: true when some stem edge leaves it.
    has_stems: Vec<bool>,
    payloads: Vec<Vec<T>>,
    longest_stem: usize,
}

impl<T> Default for Matcher<T> {
    fn default() -> Self {
        Matcher {
            vocab: FxHashMap::default(),
            edges: FxHashMap::default(),
            stem_edges: FxHashMap::default(),
            accept: vec![NONE],
            has_stems: vec![false],
            payloads: Vec::new(),
            longest_stem: 0,
        }
    }
}

fn edge_key(node: u32, word: u32) -> u64 {
    ((node as u64) << 32) | word as u64
}

impl<T> Matcher<T> {
    pub fn new() -> Self {
        Self::default()
    }

    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.vocab.get(s) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(s.into(), id);
        id
    }

    fn new_node(&mut self) -> u32 {
        self.accept.push(NONE);
        self.has_stems.push(false);
        (self.accept.len() - 1) as u32
    }

    /// The payload list of a phrase, created empty if the phrase is new. Empty phrases have
    /// none.
    pub fn entry(&mut self, phrase: &[PhraseWord]) -> Option<&mut Vec<T>> {
        if phrase.is_empty() {
            return None;
        }
        let mut node = 0u32;
        for w in phrase {
            let (s, stem) = match w {
                PhraseWord::Folded(s) | PhraseWord::Caps(s) => (s.as_str(), false),
                PhraseWord::Stem(s) => (s.as_str(), true),
            };
            let id = self.intern(s);
            let key = edge_key(node, id);
            let existing = if stem {
                self.stem_edges.get(&key)
            } else {
                self.edges.get(&key)
            };
            node = match existing {
                Some(&n) => n,
                None => {
                    let n = self.new_node();
                    if stem {
                        self.stem_edges.insert(key, n);
                        self.has_stems[node as usize] = true;
                        self.longest_stem = self.longest_stem.max(s.len());
                    } else {
                        self.edges.insert(key, n);
                    }
                    n
                }
            };
        }
        let slot = &mut self.accept[node as usize];
        if *slot == NONE {
            *slot = self.payloads.len() as u32;
            self.payloads.push(Vec::new());
        }
        Some(&mut self.payloads[*slot as usize])
    }

    /// The keys of a word of a text; `buf` is scratch space.
    pub fn keys(&self, word: &str) -> WordKeys {
        let mut folded = String::with_capacity(word.len());
        fold_into(word, &mut folded);
        let folded_id = self.vocab.get(folded.as_str()).copied();
        let caps_id = if is_caps(word) {
            self.vocab.get(word).copied()
        } else {
            None
        };
        WordKeys {
            folded_id,
            caps_id,
            folded,
        }
    }

    fn step(&self, node: u32, w: &WordKeys) -> Option<u32> {
        self.step_ids(node, w.folded_id, w.caps_id, &w.folded)
    }

    fn step_ids(
        &self,
        node: u32,
        folded_id: Option<u32>,
        caps_id: Option<u32>,
        folded: &str,
    ) -> Option<u32> {
        if let Some(id) = folded_id {
            if let Some(&n) = self.edges.get(&edge_key(node, id)) {
                return Some(n);
            }
        }
        if let Some(id) = caps_id {
            if let Some(&n) = self.edges.get(&edge_key(node, id)) {
                return Some(n);
            }
        }
        if self.has_stems[node as usize] {
            // The longest stem first: "MINIST" before "MIN".
            let s = folded;
            let mut cut = s.len().min(self.longest_stem);
            while cut > 0 {
                if s.is_char_boundary(cut) {
                    if let Some(&id) = self.vocab.get(&s[..cut]) {
                        if let Some(&n) = self.stem_edges.get(&edge_key(node, id)) {
                            return Some(n);
                        }
                    }
                }
                cut -= 1;
            }
        }
        None
    }

    /// The longest phrase starting at `words[start]`: its length in words and its payload.
    pub fn longest(&self, words: &[WordKeys], start: usize) -> Option<(usize, &[T])> {
        let mut node = 0u32;
        let mut best = None;
        for (i, w) in words.iter().enumerate().skip(start) {
            match self.step(node, w) {
                Some(n) => node = n,
                None => break,
            }
            let p = self.accept[node as usize];
            if p != NONE {
                best = Some((i + 1 - start, self.payloads[p as usize].as_slice()));
            }
        }
        best
    }

    /// The longest phrase at the start of `words` (word forms), computing each word's keys
    /// only when the walk reaches it, in one reused buffer: the look-up of a mention.
    pub fn longest_forms(&self, words: &[&str]) -> Option<(usize, &[T])> {
        let mut node = 0u32;
        let mut best = None;
        let mut folded = String::new();
        for (i, word) in words.iter().enumerate() {
            fold_into(word, &mut folded);
            let folded_id = self.vocab.get(folded.as_str()).copied();
            let caps_id = if is_caps(word) {
                self.vocab.get(*word).copied()
            } else {
                None
            };
            match self.step_ids(node, folded_id, caps_id, &folded) {
                Some(n) => node = n,
                None => break,
            }
            let p = self.accept[node as usize];
            if p != NONE {
                best = Some((i + 1, self.payloads[p as usize].as_slice()));
            }
        }
        best
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.payloads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.payloads.is_empty()
    }
}

/// Cuts a phrase of the knowledge base into trie words: caps words keep their case.
pub fn phrase_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<PhraseWord> {
    words
        .into_iter()
        .map(|w| {
            if is_caps(w) {
                PhraseWord::Caps(w.to_string())
            } else {
                PhraseWord::Folded(crate::normalise::fold(w))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(m: &Matcher<u32>, text: &str) -> Vec<WordKeys> {
        text.split(' ').map(|w| m.keys(w)).collect()
    }

    #[test]
    fn longest_match_wins_and_caps_stay_caps() {
        let mut m = Matcher::new();
        m.entry(&phrase_words(["defense"])).unwrap().push(1);
        m.entry(&phrase_words(["defense", "minister"]))
            .unwrap()
            .push(2);
        m.entry(&phrase_words(["US"])).unwrap().push(3);
        let w = keys(&m, "Defense Minister Shoigu");
        assert_eq!(m.longest(&w, 0), Some((2, &[2][..])));
        assert_eq!(m.longest(&w, 1), None);
        assert_eq!(m.longest(&keys(&m, "US"), 0), Some((1, &[3][..])));
        assert_eq!(m.longest(&keys(&m, "us"), 0), None);
        assert_eq!(m.longest(&keys(&m, "Us"), 0), None);
    }

    #[test]
    fn stems_match_longer_words() {
        let mut m = Matcher::new();
        m.entry(&[
            PhraseWord::Folded("defense".into()),
            PhraseWord::Stem("minist".into()),
        ])
        .unwrap()
        .push(7);
        let w = keys(&m, "defense ministers");
        assert_eq!(m.longest(&w, 0), Some((2, &[7][..])));
        let w = keys(&m, "defense mini");
        assert_eq!(m.longest(&w, 0), None);
    }
}
