//! Part-of-speech tagger: UPOS and XPOS predicted together as one class, by a greedy
//! averaged perceptron that reads the sentence twice.
//!
//! The first pass reads left to right with the two previous tags as features. The second
//! pass reads again with the first pass's tags on both sides, which fixes the errors that
//! only the right context can fix ("that" as SCONJ or PRON, "-ing" forms before nouns).

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use dyad_text::Upos;

use crate::clusters::{ClusterId, UNKNOWN};
use crate::hash::{key, mix, str_hash};
use crate::perceptron::{argmax_where, StoredWeights, Trainer, Weights};

/// One tag class: a UPOS and an XPOS that occur together in the training data.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct TagClass {
    pub upos: String,
    pub xpos: String,
}

/// The saved tagger.
#[derive(Serialize, Deserialize)]
pub struct StoredTagger {
    classes: Vec<TagClass>,
    /// Words whose tag in training was always (or almost always) the same: predicted by lookup.
    sure: Vec<(String, u16)>,
    /// For each frequent word, the hash of the set of tags it was seen with.
    ambiguity: Vec<(String, u64)>,
    first_pass: StoredWeights,
    second_pass: StoredWeights,
}

/// The tagger, ready to use.
pub struct Tagger {
    classes: Vec<(Upos, String)>,
    class_hashes: Vec<u64>,
    sure: FxHashMap<String, u16>,
    ambiguity: FxHashMap<String, u64>,
    first_pass: Weights,
    second_pass: Weights,
}

/// Per-word hashes computed once per sentence.
struct WordKeys {
    lower: u64,
    exact: u64,
    shape: u64,
    suffixes: [u64; 4],
    prefixes: [u64; 3],
    ambiguity: u64,
    coarse: u64,
    fine: u64,
    title_case: bool,
}

/// Hash of "no word here" (before the start or after the end of the sentence).
const PAD: u64 = 0x5AD;
/// Hash of "no tag yet".
const NO_TAG: u64 = 0x7A6;

fn shape(word: &str) -> String {
    // Map characters to X, x, d or themselves, and collapse runs longer than two: "Qaim" and
    // "Zaman" share the shape "Xxx", "2,500" becomes "d,dd".
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for ch in word.chars().take(40) {
        let c = if ch.is_uppercase() {
            'X'
        } else if ch.is_lowercase() {
            'x'
        } else if ch.is_ascii_digit() {
            'd'
        } else {
            ch
        };
        if c == last {
            run += 1;
        } else {
            run = 1;
            last = c;
        }
        if run <= 2 {
            out.push(c);
        }
    }
    out
}

/// Hashes of the first (or last) 1..=N characters of `lower`, without allocating: the
/// pieces are slices of the string at character boundaries.
fn affixes<const N: usize>(lower: &str, from_end: bool) -> [u64; N] {
    let mut out = [PAD; N];
    if from_end {
        let ends = lower.char_indices().rev().map(|(i, _)| i);
        for (slot, start) in out.iter_mut().zip(ends) {
            *slot = str_hash(&lower[start..]);
        }
    } else {
        let ends = lower
            .char_indices()
            .skip(1)
            .map(|(i, _)| i)
            .chain([lower.len()]);
        for (slot, end) in out.iter_mut().zip(ends) {
            *slot = str_hash(&lower[..end]);
        }
    }
    out
}

impl Tagger {
    /// Predicts a tag class for each word, given the words' clusters.
    pub fn tag(&self, forms: &[&str], clusters: &[ClusterId]) -> Vec<usize> {
        let keys = word_keys(forms, clusters, &self.ambiguity);
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0f32; self.classes.len()];
        let mut first = vec![usize::MAX; forms.len()];
        for i in 0..forms.len() {
            if let Some(&c) = self.sure.get(forms[i]) {
                first[i] = c as usize;
                continue;
            }
            features(&keys, i, &first, None, &self.class_hashes, &mut feats);
            self.first_pass.score(&feats, &mut scores);
            first[i] = argmax_where(&scores, |_| true).unwrap_or(0);
        }
        let mut second = vec![usize::MAX; forms.len()];
        for i in 0..forms.len() {
            if let Some(&c) = self.sure.get(forms[i]) {
                second[i] = c as usize;
                continue;
            }
            features(
                &keys,
                i,
                &second,
                Some(&first),
                &self.class_hashes,
                &mut feats,
            );
            self.second_pass.score(&feats, &mut scores);
            second[i] = argmax_where(&scores, |_| true).unwrap_or(0);
        }
        second
    }

    /// Number of features with weights, and number of weights, over both passes.
    pub fn size(&self) -> (usize, usize) {
        let (a, b) = self.first_pass.size();
        let (c, d) = self.second_pass.size();
        (a + c, b + d)
    }

    pub fn class(&self, c: usize) -> (Upos, &str) {
        let (u, x) = &self.classes[c];
        (*u, x)
    }

    /// The saved form of a tagger that training built; `None` for one loaded from a file,
    /// which keeps only its lookup tables.
    pub fn to_stored(&self) -> Option<StoredTagger> {
        let mut sure: Vec<(String, u16)> = self.sure.iter().map(|(k, &v)| (k.clone(), v)).collect();
        sure.sort();
        let mut ambiguity: Vec<(String, u64)> = self
            .ambiguity
            .iter()
            .map(|(k, &v)| (k.clone(), v))
            .collect();
        ambiguity.sort();
        Some(StoredTagger {
            classes: self
                .classes
                .iter()
                .map(|(u, x)| TagClass {
                    upos: u.as_str().to_string(),
                    xpos: x.clone(),
                })
                .collect(),
            sure,
            ambiguity,
            first_pass: self.first_pass.stored()?.clone(),
            second_pass: self.second_pass.stored()?.clone(),
        })
    }

    pub fn from_stored(s: StoredTagger) -> Result<Tagger, String> {
        Weights::validate(&s.first_pass)?;
        Weights::validate(&s.second_pass)?;
        let mut classes = Vec::new();
        for c in &s.classes {
            let upos = Upos::parse(&c.upos).ok_or_else(|| format!("unknown UPOS {:?}", c.upos))?;
            classes.push((upos, c.xpos.clone()));
        }
        let first_pass = Weights::from_stored(s.first_pass);
        let second_pass = Weights::from_stored(s.second_pass);
        if first_pass.n_classes() != classes.len() || second_pass.n_classes() != classes.len() {
            return Err("tagger weights and tag classes differ in number".into());
        }
        if s.sure.iter().any(|&(_, c)| c as usize >= classes.len()) {
            return Err("a sure word names a class out of range".into());
        }
        Ok(Tagger {
            class_hashes: class_hashes(classes.len()),
            classes,
            sure: s.sure.into_iter().collect(),
            ambiguity: s.ambiguity.into_iter().collect(),
            first_pass,
            second_pass,
        })
    }
}

fn class_hashes(n: usize) -> Vec<u64> {
    (0..n as u64)
        .map(|c| crate::hash::mix(c + 0x1000))
        .collect()
}

fn cluster_keys(c: ClusterId) -> (u64, u64) {
    if c == UNKNOWN {
        (PAD, PAD)
    } else {
        (
            mix(u64::from(c >> 16) + 0xC1),
            mix(u64::from(c & 0xFFFF) + 0xF1),
        )
    }
}

fn word_keys(
    forms: &[&str],
    clusters: &[ClusterId],
    ambiguity: &FxHashMap<String, u64>,
) -> Vec<WordKeys> {
    forms
        .iter()
        .zip(clusters)
        .map(|(&w, &c)| {
            let (coarse, fine) = cluster_keys(c);
            let lower = w.to_lowercase();
            let mut chars = w.chars();
            let title_case =
                chars.next().is_some_and(|c| c.is_uppercase()) && chars.any(|c| c.is_lowercase());
            WordKeys {
                lower: str_hash(&lower),
                exact: str_hash(w),
                shape: str_hash(&shape(w)),
                suffixes: affixes::<4>(&lower, true),
                prefixes: affixes::<3>(&lower, false),
                ambiguity: ambiguity.get(&lower).copied().unwrap_or(PAD),
                coarse,
                fine,
                title_case,
            }
        })
        .collect()
}

/// Writes the features of word `i` into `out`. `tags` holds the tags decided so far in this
/// pass (left of `i`); `first` holds the previous pass's tags for the whole sentence.
fn features(
    words: &[WordKeys],
    i: usize,
    tags: &[usize],
    first: Option<&[usize]>,
    class_hashes: &[u64],
    out: &mut Vec<u64>,
) {
    out.clear();
    let w = &words[i];
    let at = |j: isize| -> Option<&WordKeys> {
        let j = i as isize + j;
        (j >= 0 && (j as usize) < words.len()).then(|| &words[j as usize])
    };
    let tag_at = |list: &[usize], j: isize| -> u64 {
        let j = i as isize + j;
        if j < 0 || j as usize >= list.len() {
            return PAD;
        }
        match list[j as usize] {
            usize::MAX => NO_TAG,
            c => class_hashes[c],
        }
    };
    let lower = |j: isize| at(j).map_or(PAD, |w| w.lower);
    let p1 = tag_at(tags, -1);
    let p2 = tag_at(tags, -2);
    out.push(key(0, 0, 0, 0));
    out.push(key(1, w.lower, 0, 0));
    out.push(key(2, w.exact, 0, 0));
    for (n, &s) in w.suffixes.iter().enumerate() {
        out.push(key(3 + n as u64, s, 0, 0));
    }
    for (n, &p) in w.prefixes.iter().enumerate() {
        out.push(key(7 + n as u64, p, 0, 0));
    }
    out.push(key(10, w.shape, 0, 0));
    out.push(key(11, u64::from(w.title_case), u64::from(i == 0), 0));
    out.push(key(12, p1, 0, 0));
    out.push(key(13, p2, 0, 0));
    out.push(key(14, p1, p2, 0));
    out.push(key(15, p1, w.lower, 0));
    out.push(key(16, lower(-1), 0, 0));
    out.push(key(17, at(-1).map_or(PAD, |w| w.suffixes[2]), 0, 0));
    out.push(key(18, lower(-2), 0, 0));
    out.push(key(19, lower(1), 0, 0));
    out.push(key(20, at(1).map_or(PAD, |w| w.suffixes[2]), 0, 0));
    out.push(key(21, at(1).map_or(PAD, |w| w.shape), 0, 0));
    out.push(key(22, lower(2), 0, 0));
    out.push(key(23, w.ambiguity, 0, 0));
    out.push(key(24, w.ambiguity, p1, 0));
    out.push(key(25, at(1).map_or(PAD, |w| w.ambiguity), 0, 0));
    out.push(key(26, lower(-1), w.lower, 0));
    out.push(key(27, w.lower, lower(1), 0));
    out.push(key(28, at(-1).map_or(PAD, |w| w.ambiguity), w.ambiguity, 0));
    out.push(key(29, w.suffixes[2], p1, 0));
    out.push(key(30, w.shape, lower(1), 0));
    out.push(key(31, w.fine, 0, 0));
    out.push(key(32, w.coarse, 0, 0));
    out.push(key(33, at(-1).map_or(PAD, |w| w.fine), 0, 0));
    out.push(key(34, at(1).map_or(PAD, |w| w.fine), 0, 0));
    out.push(key(35, w.fine, p1, 0));
    out.push(key(36, w.coarse, at(1).map_or(PAD, |w| w.coarse), 0));
    if let Some(first) = first {
        let n1 = tag_at(first, 1);
        let n2 = tag_at(first, 2);
        out.push(key(40, n1, 0, 0));
        out.push(key(41, n1, n2, 0));
        out.push(key(42, p1, n1, 0));
        out.push(key(43, w.lower, n1, 0));
        out.push(key(44, w.suffixes[2], n1, 0));
        out.push(key(45, w.ambiguity, n1, 0));
        out.push(key(46, tag_at(first, 0), 0, 0));
        out.push(key(47, w.ambiguity, p1, n1));
        out.push(key(48, w.fine, n1, 0));
    }
}

/// A tagged training sentence: forms, their clusters and gold classes.
pub struct TagExample {
    pub forms: Vec<String>,
    pub clusters: Vec<ClusterId>,
    pub gold: Vec<usize>,
}

/// Settings of tagger training.
#[derive(Clone, Debug)]
pub struct TaggerConfig {
    pub epochs: usize,
    pub seed: u64,
    /// A word needs this many occurrences to be looked up instead of predicted...
    pub sure_min_count: usize,
    /// ...and this share of them with one tag.
    pub sure_min_share: f64,
    /// Averaged weights smaller than this are dropped from the saved model.
    pub prune_below: f32,
}

impl Default for TaggerConfig {
    fn default() -> Self {
        TaggerConfig {
            epochs: 10,
            seed: 1,
            sure_min_count: 20,
            sure_min_share: 0.995,
            prune_below: 0.01,
        }
    }
}

/// Builds the tag classes from training pairs of (UPOS, XPOS).
pub fn tag_classes<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<TagClass> {
    let mut set: Vec<TagClass> = pairs
        .map(|(u, x)| TagClass {
            upos: u.to_string(),
            xpos: x.to_string(),
        })
        .collect::<std::collections::HashSet<_>>()
        .into_iter()
        .collect();
    set.sort_by(|a, b| (&a.upos, &a.xpos).cmp(&(&b.upos, &b.xpos)));
    set
}

/// Trains a tagger. `on_epoch` is called with each epoch's model and may score it on
/// development data; the epoch with the highest score is kept.
pub fn train(
    classes: Vec<TagClass>,
    train: &[TagExample],
    config: &TaggerConfig,
    mut on_epoch: impl FnMut(usize, &Tagger) -> f64,
) -> Tagger {
    let n = classes.len();
    // Lexicon statistics: per lowercased word, counts of each class.
    let mut counts: FxHashMap<String, FxHashMap<usize, usize>> = FxHashMap::default();
    let mut exact_counts: FxHashMap<String, FxHashMap<usize, usize>> = FxHashMap::default();
    for ex in train {
        for (f, &g) in ex.forms.iter().zip(&ex.gold) {
            *counts
                .entry(f.to_lowercase())
                .or_default()
                .entry(g)
                .or_default() += 1;
            *exact_counts
                .entry(f.clone())
                .or_default()
                .entry(g)
                .or_default() += 1;
        }
    }
    let mut ambiguity = FxHashMap::default();
    for (w, c) in &counts {
        let total: usize = c.values().sum();
        if total < 3 {
            continue;
        }
        let mut set: Vec<usize> = c
            .iter()
            .filter(|&(_, &k)| k * 10 >= total)
            .map(|(&t, _)| t)
            .collect();
        set.sort_unstable();
        let h = set
            .iter()
            .fold(0x51u64, |h, &t| crate::hash::mix(h ^ (t as u64 + 1)));
        ambiguity.insert(w.clone(), h);
    }
    let mut sure = FxHashMap::default();
    for (w, c) in &exact_counts {
        let total: usize = c.values().sum();
        let (&best, &k) = c
            .iter()
            .max_by_key(|&(t, k)| (*k, usize::MAX - *t))
            .expect("non-empty");
        if total >= config.sure_min_count && k as f64 >= config.sure_min_share * total as f64 {
            sure.insert(w.clone(), best as u16);
        }
    }
    let hashes = class_hashes(n);
    let mut first = Trainer::new(n);
    let mut second = Trainer::new(n);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = fastrand::Rng::with_seed(config.seed);
    let mut best: Option<(f64, Tagger)> = None;
    let mut feats = Vec::new();
    let mut scores = vec![0f32; n];
    for epoch in 0..config.epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let ex = &train[s];
            let forms: Vec<&str> = ex.forms.iter().map(String::as_str).collect();
            let keys = word_keys(&forms, &ex.clusters, &ambiguity);
            let mut pass1 = vec![usize::MAX; forms.len()];
            for i in 0..forms.len() {
                features(&keys, i, &pass1, None, &hashes, &mut feats);
                first.score(&feats, &mut scores);
                let guess = argmax_where(&scores, |_| true).unwrap_or(0);
                first.update(&feats, ex.gold[i], guess);
                first.tick();
                pass1[i] = guess;
            }
            let mut pass2 = vec![usize::MAX; forms.len()];
            for i in 0..forms.len() {
                features(&keys, i, &pass2, Some(&pass1), &hashes, &mut feats);
                second.score(&feats, &mut scores);
                let guess = argmax_where(&scores, |_| true).unwrap_or(0);
                second.update(&feats, ex.gold[i], guess);
                second.tick();
                pass2[i] = guess;
            }
        }
        let tagger = Tagger {
            classes: classes
                .iter()
                .map(|c| (Upos::parse(&c.upos).unwrap_or(Upos::X), c.xpos.clone()))
                .collect(),
            class_hashes: hashes.clone(),
            sure: sure.clone(),
            ambiguity: ambiguity.clone(),
            first_pass: first.average(config.prune_below),
            second_pass: second.average(config.prune_below),
        };
        let score = on_epoch(epoch, &tagger);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, tagger));
        }
    }
    best.expect("at least one epoch").1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_are_hashes_of_character_prefixes_and_suffixes() {
        let s: [u64; 3] = affixes("éta", true);
        assert_eq!(s, [str_hash("a"), str_hash("ta"), str_hash("éta")]);
        let p: [u64; 4] = affixes("éta", false);
        assert_eq!(p, [str_hash("é"), str_hash("ét"), str_hash("éta"), PAD]);
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Zaman"), "Xxx");
        assert_eq!(shape("2,500"), "d,dd");
        assert_eq!(shape("U.S."), "X.X.");
    }
}
