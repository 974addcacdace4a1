//! Labelled dependency parser: arc-eager transitions, greedy decoding, an averaged perceptron
//! over rich feature templates, trained with a dynamic oracle.
//!
//! Why arc-eager without a root token: a word is attached as soon as both ends are seen, so
//! subjects and objects get their heads early and the features of later decisions can use
//! them. Words left without a head at the end are the root candidates; one of them becomes
//! the root and the others attach to it (see [`finish_tree`]). The dynamic oracle
//! (Goldberg & Nivre, 2012) lets training continue from the parser's own mistakes, which is
//! what greedy decoding meets at run time.

use serde::{Deserialize, Serialize};

use crate::clusters::{ClusterId, UNKNOWN};
use crate::hash::{key, mix, str_hash};
use crate::perceptron::{argmax_where, StoredWeights, Trainer, Weights};

const SHIFT: usize = 0;
const REDUCE: usize = 1;

#[inline]
fn left(label: usize) -> usize {
    2 + 2 * label
}
#[inline]
fn right(label: usize) -> usize {
    3 + 2 * label
}

/// What the parser reads of a word: its lowercased form and its tags.
#[derive(Clone, Debug)]
pub struct ParserInput<'a> {
    pub form: &'a str,
    pub upos: &'a str,
    pub xpos: &'a str,
    pub cluster: ClusterId,
}

/// The saved parser.
#[derive(Serialize, Deserialize)]
pub struct StoredParser {
    labels: Vec<String>,
    weights: StoredWeights,
}

/// The parser, ready to use.
pub struct Parser {
    labels: Vec<String>,
    weights: Weights,
}

/// Hashes of a word's attributes, computed once per sentence.
#[derive(Clone, Copy)]
struct Lex {
    w: u64,
    p: u64,
    u: u64,
    /// Fine cluster.
    c: u64,
}

const PAD_LEX: Lex = Lex {
    w: 0xA11,
    p: 0xA12,
    u: 0xA13,
    c: 0xA14,
};
const NO_LABEL: u64 = 0xB0B;

/// A parser configuration: stack, buffer position and the arcs made so far, with the
/// per-word summaries of children that the features read.
struct State {
    n: usize,
    stack: Vec<usize>,
    next: usize,
    head: Vec<u32>,
    label: Vec<u16>,
    left1: Vec<u32>,
    left2: Vec<u32>,
    right1: Vec<u32>,
    right2: Vec<u32>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
    left_labels: Vec<u64>,
    right_labels: Vec<u64>,
}

const NONE: u32 = u32::MAX;

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(16),
            next: 0,
            head: vec![NONE; n],
            label: vec![0; n],
            left1: vec![NONE; n],
            left2: vec![NONE; n],
            right1: vec![NONE; n],
            right2: vec![NONE; n],
            n_left: vec![0; n],
            n_right: vec![0; n],
            left_labels: vec![0; n],
            right_labels: vec![0; n],
        }
    }

    fn terminal(&self) -> bool {
        self.next >= self.n
    }

    fn s0(&self) -> Option<usize> {
        self.stack.last().copied()
    }

    fn valid(&self, action: usize) -> bool {
        let has_buffer = self.next < self.n;
        match action {
            SHIFT => has_buffer,
            REDUCE => self.s0().is_some_and(|s| self.head[s] != NONE),
            a if a % 2 == 0 => has_buffer && self.s0().is_some_and(|s| self.head[s] == NONE),
            _ => has_buffer && self.s0().is_some(),
        }
    }

    /// The highest-scoring valid action. Validity depends only on the action's kind, so it is
    /// decided four times, not once per class.
    fn best_valid(&self, scores: &[f32]) -> usize {
        let ok = [
            self.valid(SHIFT),
            self.valid(REDUCE),
            self.valid(left(0)),
            self.valid(right(0)),
        ];
        let kind = |a: usize| if a < 2 { a } else { 2 + (a & 1) };
        argmax_where(scores, |a| ok[kind(a)]).unwrap_or(SHIFT)
    }

    fn add_arc(&mut self, h: usize, d: usize, label: usize) {
        self.head[d] = h as u32;
        self.label[d] = label as u16;
        let bit = 1u64 << (label % 64);
        if d < h {
            self.n_left[h] = self.n_left[h].saturating_add(1);
            self.left_labels[h] |= bit;
            if self.left1[h] == NONE || (d as u32) < self.left1[h] {
                self.left2[h] = self.left1[h];
                self.left1[h] = d as u32;
            } else if self.left2[h] == NONE || (d as u32) < self.left2[h] {
                self.left2[h] = d as u32;
            }
        } else {
            self.n_right[h] = self.n_right[h].saturating_add(1);
            self.right_labels[h] |= bit;
            if self.right1[h] == NONE || (d as u32) > self.right1[h] {
                self.right2[h] = self.right1[h];
                self.right1[h] = d as u32;
            } else if self.right2[h] == NONE || (d as u32) > self.right2[h] {
                self.right2[h] = d as u32;
            }
        }
    }

    fn apply(&mut self, action: usize) {
        match action {
            SHIFT => {
                self.stack.push(self.next);
                self.next += 1;
            }
            REDUCE => {
                self.stack.pop();
            }
            a if a % 2 == 0 => {
                let s = self.stack.pop().expect("valid LEFT has a stack");
                self.add_arc(self.next, s, (a - 2) / 2);
            }
            a => {
                let s = *self.stack.last().expect("valid RIGHT has a stack");
                self.add_arc(s, self.next, (a - 3) / 2);
                self.stack.push(self.next);
                self.next += 1;
            }
        }
    }

    /// Cost of each action against gold heads (`NONE` for the root) and labels: how many gold
    /// arcs it makes unreachable. Labelled arc actions are costed per label.
    fn costs(&self, gold_head: &[u32], gold_label: &[u16], n_labels: usize, out: &mut [u32]) {
        out.iter_mut().for_each(|c| *c = u32::MAX);
        let b = self.next;
        if b >= self.n {
            return;
        }
        let in_stack_headless = |k: usize| self.head[k] == NONE;
        // Gold dependents of `w` still in the buffer (from position `from`).
        let deps_in_buffer = |w: usize, from: usize| -> u32 {
            (from..self.n).filter(|&k| gold_head[k] == w as u32).count() as u32
        };
        let in_stack = |w: u32| w != NONE && self.stack.contains(&(w as usize));
        // SHIFT
        let mut c = u32::from(in_stack(gold_head[b]));
        c += self
            .stack
            .iter()
            .filter(|&&k| in_stack_headless(k) && gold_head[k] == b as u32)
            .count() as u32;
        out[SHIFT] = c;
        if let Some(s) = self.s0() {
            if self.head[s] != NONE {
                out[REDUCE] = deps_in_buffer(s, b);
            } else {
                // LEFT: s0 takes b0 as head and leaves the stack.
                let gh = gold_head[s];
                let mut c = u32::from(gh == NONE || gh as usize > b);
                c += deps_in_buffer(s, b);
                for l in 0..n_labels {
                    let wrong_label = gh == b as u32 && gold_label[s] as usize != l;
                    out[left(l)] = c + u32::from(wrong_label);
                }
            }
            // RIGHT: b0 takes s0 as head and goes on the stack.
            let gh = gold_head[b];
            let mut c =
                u32::from(gh != s as u32 && (gh == NONE || in_stack(gh) || gh as usize > b));
            c += self
                .stack
                .iter()
                .filter(|&&k| k != s && in_stack_headless(k) && gold_head[k] == b as u32)
                .count() as u32;
            // s0 itself as b0's dependent is lost too if s0 has no head and its gold head is b0.
            c += u32::from(self.head[s] == NONE && gold_head[s] == b as u32);
            for l in 0..n_labels {
                let wrong_label = gh == s as u32 && gold_label[b] as usize != l;
                out[right(l)] = c + u32::from(wrong_label);
            }
        }
        for (a, cost) in out.iter_mut().enumerate() {
            if *cost != u32::MAX && !self.valid(a) {
                *cost = u32::MAX;
            }
        }
    }
}

fn lexicon(words: &[ParserInput]) -> Vec<Lex> {
    words
        .iter()
        .map(|w| Lex {
            w: str_hash(&w.form.to_lowercase()),
            p: str_hash(w.xpos),
            u: str_hash(w.upos),
            c: if w.cluster == UNKNOWN {
                0xA15
            } else {
                mix(u64::from(w.cluster & 0xFFFF) + 0xF1)
            },
        })
        .collect()
}

fn label_hash(l: u16) -> u64 {
    mix(u64::from(l) + 0xC0DE)
}

/// Writes the features of a state into `out` (Zhang & Nivre's 2011 templates, with a few
/// additions for the second stack item and universal tags).
fn features(st: &State, lex: &[Lex], out: &mut Vec<u64>) {
    out.clear();
    let get = |i: u32| -> Lex {
        if i == NONE {
            PAD_LEX
        } else {
            lex[i as usize]
        }
    };
    let lab = |i: u32| -> u64 {
        if i == NONE || st.head[i as usize] == NONE {
            NO_LABEL
        } else {
            label_hash(st.label[i as usize])
        }
    };
    let opt = |o: Option<usize>| o.map_or(NONE, |v| v as u32);
    let s0i = opt(st.s0());
    let s1i = opt(st.stack.len().checked_sub(2).map(|i| st.stack[i]));
    let n0i = if st.next < st.n { st.next as u32 } else { NONE };
    let n1i = if st.next + 1 < st.n {
        st.next as u32 + 1
    } else {
        NONE
    };
    let n2i = if st.next + 2 < st.n {
        st.next as u32 + 2
    } else {
        NONE
    };
    let at = |v: &Vec<u32>, i: u32| if i == NONE { NONE } else { v[i as usize] };
    let s0hi = at(&st.head, s0i);
    let s0h2i = at(&st.head, s0hi);
    let s0li = at(&st.left1, s0i);
    let s0l2i = at(&st.left2, s0i);
    let s0ri = at(&st.right1, s0i);
    let s0r2i = at(&st.right2, s0i);
    let n0li = at(&st.left1, n0i);
    let n0l2i = at(&st.left2, n0i);
    let (s0, s1, n0, n1, n2) = (get(s0i), get(s1i), get(n0i), get(n1i), get(n2i));
    let (s0h, s0h2, s0l, s0l2, s0r, s0r2, n0l, n0l2) = (
        get(s0hi),
        get(s0h2i),
        get(s0li),
        get(s0l2i),
        get(s0ri),
        get(s0r2i),
        get(n0li),
        get(n0l2i),
    );
    let mut t = 0u64;
    let mut f = |a: u64, b: u64, c: u64| {
        t += 1;
        out.push(key(t, a, b, c));
    };
    // Single words.
    f(s0.w, s0.p, 0);
    f(s0.w, 0, 0);
    f(s0.p, 0, 0);
    f(n0.w, n0.p, 0);
    f(n0.w, 0, 0);
    f(n0.p, 0, 0);
    f(n1.w, n1.p, 0);
    f(n1.w, 0, 0);
    f(n1.p, 0, 0);
    f(n2.w, n2.p, 0);
    f(n2.w, 0, 0);
    f(n2.p, 0, 0);
    // Pairs.
    f(mix(s0.w ^ s0.p), n0.w, n0.p);
    f(mix(s0.w ^ s0.p), n0.w, 0);
    f(s0.w, n0.w, n0.p);
    f(mix(s0.w ^ s0.p), n0.p, 0);
    f(s0.p, n0.w, n0.p);
    f(s0.w, n0.w, 0);
    f(s0.p, n0.p, 0);
    f(n0.p, n1.p, 0);
    // Triples of tags.
    f(n0.p, n1.p, n2.p);
    f(s0.p, n0.p, n1.p);
    f(s0h.p, s0.p, n0.p);
    f(s0.p, s0l.p, n0.p);
    f(s0.p, s0r.p, n0.p);
    f(s0.p, n0.p, n0l.p);
    // Distance between s0 and n0.
    let dist = if s0i != NONE && n0i != NONE {
        u64::from((n0i - s0i).min(10))
    } else {
        0
    };
    f(s0.w, dist, 0);
    f(s0.p, dist, 0);
    f(n0.w, dist, 0);
    f(n0.p, dist, 0);
    f(s0.w, n0.w, dist);
    f(s0.p, n0.p, dist);
    // Valency.
    let vl = |i: u32| {
        if i == NONE {
            99
        } else {
            u64::from(st.n_left[i as usize])
        }
    };
    let vr = |i: u32| {
        if i == NONE {
            99
        } else {
            u64::from(st.n_right[i as usize])
        }
    };
    f(s0.w, vr(s0i), 0);
    f(s0.p, vr(s0i), 0);
    f(s0.w, vl(s0i), 0);
    f(s0.p, vl(s0i), 0);
    f(n0.w, vl(n0i), 0);
    f(n0.p, vl(n0i), 0);
    // Heads and outermost children, with their labels.
    f(s0h.w, 0, 0);
    f(s0h.p, 0, 0);
    f(lab(s0i), 0, 0);
    f(s0l.w, 0, 0);
    f(s0l.p, 0, 0);
    f(lab(s0li), 0, 0);
    f(s0r.w, 0, 0);
    f(s0r.p, 0, 0);
    f(lab(s0ri), 0, 0);
    f(n0l.w, 0, 0);
    f(n0l.p, 0, 0);
    f(lab(n0li), 0, 0);
    // Third order.
    f(s0h2.w, 0, 0);
    f(s0h2.p, 0, 0);
    f(lab(s0hi), 0, 0);
    f(s0l2.w, 0, 0);
    f(s0l2.p, 0, 0);
    f(lab(s0l2i), 0, 0);
    f(s0r2.w, 0, 0);
    f(s0r2.p, 0, 0);
    f(lab(s0r2i), 0, 0);
    f(n0l2.w, 0, 0);
    f(n0l2.p, 0, 0);
    f(lab(n0l2i), 0, 0);
    f(s0.p, s0l.p, s0l2.p);
    f(s0.p, s0r.p, s0r2.p);
    f(s0.p, s0h.p, s0h2.p);
    f(n0.p, n0l.p, n0l2.p);
    // Label sets.
    let ls = |v: &Vec<u64>, i: u32| {
        if i == NONE {
            0
        } else {
            mix(v[i as usize] ^ 0x1AB)
        }
    };
    f(s0.w, ls(&st.right_labels, s0i), 0);
    f(s0.p, ls(&st.right_labels, s0i), 0);
    f(s0.w, ls(&st.left_labels, s0i), 0);
    f(s0.p, ls(&st.left_labels, s0i), 0);
    f(n0.w, ls(&st.left_labels, n0i), 0);
    f(n0.p, ls(&st.left_labels, n0i), 0);
    // Additions: the second stack item, universal tags, and whether s0 has a head.
    let s0_headed = u64::from(s0i != NONE && st.head[s0i as usize] != NONE);
    f(s1.p, s0.p, n0.p);
    f(s1.w, s1.p, 0);
    f(s1.p, n0.p, s0_headed);
    f(s0.u, n0.u, s0_headed);
    f(s0.u, n0.u, n1.u);
    f(s0.w, n0.w, s0_headed);
    f(s0.p, n0.p, lab(s0i));
    f(n0.w, n1.w, 0);
    f(s0.w, n0.p, n1.p);
    f(s0.p, lab(s0li), n0.p);
    // Clusters, standing in for words too rare to have weights of their own.
    f(s0.c, 0, 0);
    f(n0.c, 0, 0);
    f(n1.c, 0, 0);
    f(s0.c, n0.c, 0);
    f(s0.c, n0.p, 0);
    f(s0.p, n0.c, 0);
    f(s0h.c, s0.c, 0);
    f(s0.c, n0.c, dist);
}

/// Makes one tree of the arcs in a final state: heads are 1-based, 0 is the root.
/// Of the words left without a head, the first that is not punctuation becomes the root
/// (the first word if all are), and the others attach to it.
fn finish_tree(st: &State, words: &[ParserInput], labels: &[String]) -> Vec<(usize, String)> {
    let headless: Vec<usize> = (0..st.n).filter(|&i| st.head[i] == NONE).collect();
    let root = headless
        .iter()
        .copied()
        .find(|&i| words[i].upos != "PUNCT")
        .or_else(|| headless.first().copied())
        .unwrap_or(0);
    (0..st.n)
        .map(|i| {
            if i == root {
                (0, "root".to_string())
            } else if st.head[i] == NONE {
                let label = if words[i].upos == "PUNCT" {
                    "punct"
                } else {
                    "parataxis"
                };
                (root + 1, label.to_string())
            } else {
                (
                    st.head[i] as usize + 1,
                    labels[st.label[i] as usize].clone(),
                )
            }
        })
        .collect()
}

impl Parser {
    /// Parses one sentence: for each word, its head (1-based; 0 for the root) and label.
    pub fn parse(&self, words: &[ParserInput]) -> Vec<(usize, String)> {
        if words.is_empty() {
            return Vec::new();
        }
        let lex = lexicon(words);
        let mut st = State::new(words.len());
        let mut feats = Vec::with_capacity(96);
        let mut scores = vec![0f32; self.weights.n_classes()];
        while !st.terminal() {
            features(&st, &lex, &mut feats);
            self.weights.score(&feats, &mut scores);
            let action = st.best_valid(&scores);
            st.apply(action);
        }
        finish_tree(&st, words, &self.labels)
    }

    /// Number of features with weights, and number of weights.
    pub fn size(&self) -> (usize, usize) {
        self.weights.size()
    }

    /// A copy without the weights smaller than `min_abs` in magnitude.
    pub fn pruned(&self, min_abs: f32) -> Parser {
        Parser {
            labels: self.labels.clone(),
            weights: self.weights.pruned(min_abs),
        }
    }

    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    pub fn to_stored(&self) -> StoredParser {
        StoredParser {
            labels: self.labels.clone(),
            weights: self.weights.stored().clone(),
        }
    }

    pub fn from_stored(s: StoredParser) -> Result<Parser, String> {
        Weights::validate(&s.weights)?;
        let weights = Weights::from_stored(s.weights);
        if weights.n_classes() != 2 + 2 * s.labels.len() {
            return Err("parser weights do not match its label set".into());
        }
        Ok(Parser {
            labels: s.labels,
            weights,
        })
    }
}

/// A training sentence: words with (predicted or gold) tags, and the gold tree.
pub struct ParseExample {
    pub forms: Vec<String>,
    pub upos: Vec<String>,
    pub xpos: Vec<String>,
    pub clusters: Vec<ClusterId>,
    /// 1-based heads, 0 for the root.
    pub heads: Vec<usize>,
    pub labels: Vec<String>,
}

/// Settings of parser training.
#[derive(Clone, Debug)]
pub struct ParserConfig {
    pub epochs: usize,
    pub seed: u64,
    /// From this epoch on, the parser follows its own wrong predictions with probability
    /// `explore`, to learn to recover from them.
    pub explore_from: usize,
    pub explore: f64,
    pub prune_below: f32,
}

impl Default for ParserConfig {
    fn default() -> Self {
        ParserConfig {
            epochs: 15,
            seed: 1,
            explore_from: 1,
            explore: 0.9,
            prune_below: 0.05,
        }
    }
}

/// Trains a parser. `on_epoch` scores each epoch's model (on development data); the best is kept.
pub fn train(
    examples: &[ParseExample],
    config: &ParserConfig,
    mut on_epoch: impl FnMut(usize, &Parser) -> f64,
) -> Parser {
    let mut labels: Vec<String> = examples
        .iter()
        .flat_map(|e| e.labels.iter().cloned())
        .filter(|l| l != "root")
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    labels.sort();
    let label_id = |l: &str| labels.iter().position(|x| x == l);
    let n_labels = labels.len();
    let n_classes = 2 + 2 * n_labels;
    let mut model = Trainer::new(n_classes);
    let mut rng = fastrand::Rng::with_seed(config.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut feats = Vec::with_capacity(96);
    let mut scores = vec![0f32; n_classes];
    let mut costs = vec![0u32; n_classes];
    let mut best: Option<(f64, Parser)> = None;
    for epoch in 0..config.epochs {
        rng.shuffle(&mut order);
        for &e in &order {
            let ex = &examples[e];
            let n = ex.forms.len();
            if n == 0 {
                continue;
            }
            let inputs: Vec<ParserInput> = (0..n)
                .map(|i| ParserInput {
                    form: &ex.forms[i],
                    upos: &ex.upos[i],
                    xpos: &ex.xpos[i],
                    cluster: ex.clusters[i],
                })
                .collect();
            let lex = lexicon(&inputs);
            let gold_head: Vec<u32> = ex
                .heads
                .iter()
                .map(|&h| if h == 0 { NONE } else { h as u32 - 1 })
                .collect();
            let gold_label: Vec<u16> = ex
                .labels
                .iter()
                .map(|l| label_id(l).unwrap_or(0) as u16)
                .collect();
            let mut st = State::new(n);
            while !st.terminal() {
                features(&st, &lex, &mut feats);
                model.score(&feats, &mut scores);
                st.costs(&gold_head, &gold_label, n_labels, &mut costs);
                let Some(guess) = argmax_where(&scores, |a| costs[a] != u32::MAX) else {
                    break;
                };
                let min_cost = *costs.iter().min().expect("classes");
                let gold = argmax_where(&scores, |a| costs[a] == min_cost).expect("a min");
                model.update(&feats, gold, guess);
                model.tick();
                let follow_guess = costs[guess] != min_cost
                    && epoch >= config.explore_from
                    && rng.f64() < config.explore;
                st.apply(if follow_guess || costs[guess] == min_cost {
                    guess
                } else {
                    gold
                });
            }
        }
        let parser = Parser {
            labels: labels.clone(),
            weights: model.average(config.prune_below),
        };
        let score = on_epoch(epoch, &parser);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, parser));
        }
    }
    best.expect("at least one epoch").1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(forms: &[&str], heads: &[usize], labels: &[&str]) -> ParseExample {
        ParseExample {
            forms: forms.iter().map(|s| s.to_string()).collect(),
            upos: forms.iter().map(|_| "X".to_string()).collect(),
            xpos: forms.iter().map(|s| s.to_string()).collect(),
            clusters: forms.iter().map(|_| UNKNOWN).collect(),
            heads: heads.to_vec(),
            labels: labels.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn the_static_path_of_the_oracle_rebuilds_projective_trees() {
        // Following only zero-cost actions must reproduce the gold tree exactly.
        let ex = example(
            &[
                "the",
                "minister",
                "met",
                "his",
                "counterpart",
                "in",
                "Kyiv",
                ".",
            ],
            &[2, 3, 0, 5, 3, 7, 3, 3],
            &[
                "det",
                "nsubj",
                "root",
                "nmod:poss",
                "obj",
                "case",
                "obl",
                "punct",
            ],
        );
        let labels: Vec<String> = {
            let mut l: Vec<String> = ex.labels.iter().filter(|l| *l != "root").cloned().collect();
            l.sort();
            l.dedup();
            l
        };
        let gold_head: Vec<u32> = ex
            .heads
            .iter()
            .map(|&h| if h == 0 { NONE } else { h as u32 - 1 })
            .collect();
        let gold_label: Vec<u16> = ex
            .labels
            .iter()
            .map(|l| labels.iter().position(|x| x == l).unwrap_or(0) as u16)
            .collect();
        let mut st = State::new(ex.forms.len());
        let mut costs = vec![0; 2 + 2 * labels.len()];
        while !st.terminal() {
            st.costs(&gold_head, &gold_label, labels.len(), &mut costs);
            let a = costs
                .iter()
                .position(|&c| c == 0)
                .expect("a zero-cost action");
            st.apply(a);
        }
        let inputs: Vec<ParserInput> = ex
            .forms
            .iter()
            .map(|f| ParserInput {
                form: f,
                upos: "X",
                xpos: "X",
                cluster: UNKNOWN,
            })
            .collect();
        let tree = finish_tree(&st, &inputs, &labels);
        let heads: Vec<usize> = tree.iter().map(|t| t.0).collect();
        let labs: Vec<&str> = tree.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(heads, ex.heads);
        assert_eq!(
            labs,
            ex.labels.iter().map(String::as_str).collect::<Vec<_>>()
        );
    }
}
