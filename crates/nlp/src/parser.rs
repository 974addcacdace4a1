//! Labelled dependency parser: arc-eager transitions, greedy decoding, an averaged perceptron
//! over rich feature templates, trained with a dynamic oracle.
//!
//! Why arc-eager without a root token: a word is attached as soon as both ends are seen, so
//! subjects and objects get their heads early and the features of later decisions can use
//! them. Words left without a head at the end are the root candidates; one of them becomes
//! the root and the others attach to it (see `finish_tree`). The dynamic oracle
//! (Goldberg & Nivre, 2012) lets training continue from the parser's own mistakes, which is
//! what greedy decoding meets at run time.

use serde::{Deserialize, Serialize};

use crate::clusters::{ClusterId, UNKNOWN};
use crate::hash::{key, mix, str_hash};
use crate::perceptron::{argmax_where, Scorer, StoredWeights, Trainer, Weights};

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

/// The kind of an action: SHIFT 0, REDUCE 1, LEFT 2, RIGHT 3 (validity depends on it alone).
#[inline]
fn action_kind(action: usize) -> usize {
    if action < 2 {
        action
    } else {
        2 + (action & 1)
    }
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
    /// The beam width the model was trained for (1: greedy).
    beam: u32,
    /// Beam items scoring more than this below the best are dropped (see [`Parser::margin`]).
    margin: f32,
    weights: StoredWeights,
}

/// The parser, ready to use.
pub struct Parser {
    labels: Vec<String>,
    beam: usize,
    margin: f32,
    weights: Weights,
}

/// Sentences longer than this are parsed greedily even by a beam model: beam items copy
/// their state, which is linear in the sentence length, so the beam would make parsing
/// quadratic on pathological input (a 10 MB line with no punctuation).
const MAX_BEAM_WORDS: usize = 300;

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
    words: Vec<Arcs>,
}

/// What a state records of one word: its head and label, and a summary of its children
/// (the two outermost on each side, how many, and which labels) for the features. One
/// struct per word keeps a state in one allocation that a beam copies in one go.
#[derive(Clone, Copy)]
struct Arcs {
    head: u32,
    label: u16,
    n_left: u8,
    n_right: u8,
    left1: u32,
    left2: u32,
    right1: u32,
    right2: u32,
    left_labels: u64,
    right_labels: u64,
}

impl Clone for State {
    fn clone(&self) -> State {
        State {
            n: self.n,
            stack: self.stack.clone(),
            next: self.next,
            words: self.words.clone(),
        }
    }
    // Reuses the allocations of `self`: the beam recycles states step after step.
    fn clone_from(&mut self, source: &State) {
        self.n = source.n;
        self.next = source.next;
        self.stack.clone_from(&source.stack);
        self.words.clone_from(&source.words);
    }
}

const NONE: u32 = u32::MAX;

impl State {
    fn new(n: usize) -> State {
        let none = Arcs {
            head: NONE,
            label: 0,
            n_left: 0,
            n_right: 0,
            left1: NONE,
            left2: NONE,
            right1: NONE,
            right2: NONE,
            left_labels: 0,
            right_labels: 0,
        };
        State {
            n,
            stack: Vec::with_capacity(16),
            next: 0,
            words: vec![none; n],
        }
    }

    /// Done when every word has been pushed and popped: every parse takes exactly 2n steps,
    /// so beam items of the same step are comparable.
    fn terminal(&self) -> bool {
        self.next >= self.n && self.stack.is_empty()
    }

    fn s0(&self) -> Option<usize> {
        self.stack.last().copied()
    }

    fn valid(&self, action: usize) -> bool {
        let has_buffer = self.next < self.n;
        match action {
            SHIFT => has_buffer,
            // Once the buffer is empty, a word without a head is popped as a root candidate.
            REDUCE => self
                .s0()
                .is_some_and(|s| self.words[s].head != NONE || !has_buffer),
            a if a % 2 == 0 => has_buffer && self.s0().is_some_and(|s| self.words[s].head == NONE),
            _ => has_buffer && self.s0().is_some(),
        }
    }

    /// The highest-scoring valid action. Validity depends only on the action's kind, so it is
    /// decided four times, not once per class.
    fn best_valid(&self, scores: &[f32]) -> usize {
        let ok = self.valid_kinds();
        argmax_where(scores, |a| ok[action_kind(a)]).unwrap_or(SHIFT)
    }

    /// Whether SHIFT, REDUCE, any LEFT and any RIGHT are valid, indexed by [`action_kind`].
    fn valid_kinds(&self) -> [bool; 4] {
        [
            self.valid(SHIFT),
            self.valid(REDUCE),
            self.valid(left(0)),
            self.valid(right(0)),
        ]
    }

    fn add_arc(&mut self, h: usize, d: usize, label: usize) {
        self.words[d].head = h as u32;
        self.words[d].label = label as u16;
        let bit = 1u64 << (label % 64);
        if d < h {
            self.words[h].n_left = self.words[h].n_left.saturating_add(1);
            self.words[h].left_labels |= bit;
            if self.words[h].left1 == NONE || (d as u32) < self.words[h].left1 {
                self.words[h].left2 = self.words[h].left1;
                self.words[h].left1 = d as u32;
            } else if self.words[h].left2 == NONE || (d as u32) < self.words[h].left2 {
                self.words[h].left2 = d as u32;
            }
        } else {
            self.words[h].n_right = self.words[h].n_right.saturating_add(1);
            self.words[h].right_labels |= bit;
            if self.words[h].right1 == NONE || (d as u32) > self.words[h].right1 {
                self.words[h].right2 = self.words[h].right1;
                self.words[h].right1 = d as u32;
            } else if self.words[h].right2 == NONE || (d as u32) > self.words[h].right2 {
                self.words[h].right2 = d as u32;
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
            // Only REDUCE is left, and it can lose nothing.
            if !self.stack.is_empty() {
                out[REDUCE] = 0;
            }
            return;
        }
        let in_stack_headless = |k: usize| self.words[k].head == NONE;
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
            if self.words[s].head != NONE {
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
            c += u32::from(self.words[s].head == NONE && gold_head[s] == b as u32);
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
        if i == NONE || st.words[i as usize].head == NONE {
            NO_LABEL
        } else {
            label_hash(st.words[i as usize].label)
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
    let at = |f: fn(&Arcs) -> u32, i: u32| {
        if i == NONE {
            NONE
        } else {
            f(&st.words[i as usize])
        }
    };
    let s0hi = at(|a: &Arcs| a.head, s0i);
    let s0h2i = at(|a: &Arcs| a.head, s0hi);
    let s0li = at(|a: &Arcs| a.left1, s0i);
    let s0l2i = at(|a: &Arcs| a.left2, s0i);
    let s0ri = at(|a: &Arcs| a.right1, s0i);
    let s0r2i = at(|a: &Arcs| a.right2, s0i);
    let n0li = at(|a: &Arcs| a.left1, n0i);
    let n0l2i = at(|a: &Arcs| a.left2, n0i);
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
            u64::from(st.words[i as usize].n_left)
        }
    };
    let vr = |i: u32| {
        if i == NONE {
            99
        } else {
            u64::from(st.words[i as usize].n_right)
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
    let ls = |f: fn(&Arcs) -> u64, i: u32| {
        if i == NONE {
            0
        } else {
            mix(f(&st.words[i as usize]) ^ 0x1AB)
        }
    };
    f(s0.w, ls(|a: &Arcs| a.right_labels, s0i), 0);
    f(s0.p, ls(|a: &Arcs| a.right_labels, s0i), 0);
    f(s0.w, ls(|a: &Arcs| a.left_labels, s0i), 0);
    f(s0.p, ls(|a: &Arcs| a.left_labels, s0i), 0);
    f(n0.w, ls(|a: &Arcs| a.left_labels, n0i), 0);
    f(n0.p, ls(|a: &Arcs| a.left_labels, n0i), 0);
    // Additions: the second stack item, universal tags, and whether s0 has a head.
    let s0_headed = u64::from(s0i != NONE && st.words[s0i as usize].head != NONE);
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
    let headless: Vec<usize> = (0..st.n).filter(|&i| st.words[i].head == NONE).collect();
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
            } else if st.words[i].head == NONE {
                let label = if words[i].upos == "PUNCT" {
                    "punct"
                } else {
                    "parataxis"
                };
                (root + 1, label.to_string())
            } else {
                (
                    st.words[i].head as usize + 1,
                    labels[st.words[i].label as usize].clone(),
                )
            }
        })
        .collect()
}

impl Parser {
    /// Parses one sentence: for each word, its head (1-based; 0 for the root) and label.
    pub fn parse(&self, words: &[ParserInput]) -> Vec<(usize, String)> {
        self.parse_counted(words).0
    }

    /// As [`Parser::parse`], also returning how many parser states were built: a measure of
    /// decoding work that, unlike time, does not depend on the machine.
    pub fn parse_counted(&self, words: &[ParserInput]) -> (Vec<(usize, String)>, usize) {
        if words.is_empty() {
            return (Vec::new(), 0);
        }
        let lex = lexicon(words);
        let (st, states) = if self.beam > 1 && words.len() <= MAX_BEAM_WORDS {
            let (st, _, nodes) = beam_search(&self.weights, &lex, self.beam, self.margin, None);
            (st, nodes.len())
        } else {
            (greedy(&self.weights, &lex), 2 * words.len())
        };
        (finish_tree(&st, words, &self.labels), states)
    }

    /// The beam width this parser decodes with.
    pub fn beam(&self) -> usize {
        self.beam
    }

    /// Decodes with another beam width (1: greedy).
    pub fn set_beam(&mut self, beam: usize) {
        self.beam = beam.max(1);
    }

    /// How far below the best item a beam item may score and still be kept. Most steps of
    /// most sentences have one clear best action, so a margin keeps the beam narrow where the
    /// parser is sure and wide where it is not: nearly the accuracy of the full beam at a
    /// fraction of its cost. Infinite keeps the full beam.
    pub fn margin(&self) -> f32 {
        self.margin
    }

    /// Decodes with another margin.
    pub fn set_margin(&mut self, margin: f32) {
        // A margin below zero, or not a number, would leave the beam empty.
        self.margin = if margin.is_nan() {
            f32::INFINITY
        } else {
            margin.max(0.0)
        };
    }

    /// Number of features with weights, and number of weights.
    pub fn size(&self) -> (usize, usize) {
        self.weights.size()
    }

    /// The saved form of a parser that training built; `None` for one loaded from a file,
    /// which keeps only its lookup tables.
    pub fn to_stored(&self) -> Option<StoredParser> {
        Some(StoredParser {
            labels: self.labels.clone(),
            beam: self.beam as u32,
            margin: self.margin,
            weights: self.weights.stored()?.clone(),
        })
    }

    pub fn from_stored(s: StoredParser) -> Result<Parser, String> {
        Weights::validate(&s.weights)?;
        let weights = Weights::from_stored(s.weights);
        if weights.n_classes() != 2 + 2 * s.labels.len() {
            return Err("parser weights do not match its label set".into());
        }
        let mut parser = Parser {
            labels: s.labels,
            beam: (s.beam as usize).clamp(1, 64),
            margin: f32::INFINITY,
            weights,
        };
        parser.set_margin(s.margin);
        Ok(parser)
    }
}

/// Greedy decoding: the best valid action at each step.
fn greedy(scorer: &impl Scorer, lex: &[Lex]) -> State {
    let mut st = State::new(lex.len());
    let mut feats = Vec::with_capacity(128);
    let mut scores = vec![0f32; scorer.n_classes()];
    while !st.terminal() {
        if st.next >= st.n {
            // Only REDUCE is left: no need to score.
            st.apply(REDUCE);
            continue;
        }
        features(&st, lex, &mut feats);
        scorer.score(&feats, &mut scores);
        let action = st.best_valid(&scores);
        st.apply(action);
    }
    st
}

/// The best score among the valid actions. Classes after SHIFT and REDUCE alternate LEFT
/// and RIGHT, so the maxima of the even and odd ones are those of the two arc kinds.
fn best_valid_score(scores: &[f32], ok: [bool; 4]) -> f32 {
    // Sixteen running maxima, one per lane, so that the compiler can keep them in vector
    // registers (one maximum would chain every comparison on the one before). Even lanes
    // hold LEFT scores, odd lanes RIGHT. Plain comparisons, not `f32::max`: scores are never
    // NaN, and `max`'s NaN handling costs more than the comparison.
    const LANES: usize = 16;
    let mut top = [f32::NEG_INFINITY; LANES];
    let arcs = &scores[2..];
    let mut chunks = arcs.chunks_exact(LANES);
    for chunk in &mut chunks {
        for (t, &s) in top.iter_mut().zip(chunk) {
            if s > *t {
                *t = s;
            }
        }
    }
    for (t, &s) in top.iter_mut().zip(chunks.remainder()) {
        if s > *t {
            *t = s;
        }
    }
    let (mut lefts, mut rights) = (f32::NEG_INFINITY, f32::NEG_INFINITY);
    for pair in top.chunks_exact(2) {
        if pair[0] > lefts {
            lefts = pair[0];
        }
        if pair[1] > rights {
            rights = pair[1];
        }
    }
    let mut best = f32::NEG_INFINITY;
    for (kind, score) in [scores[SHIFT], scores[REDUCE], lefts, rights]
        .into_iter()
        .enumerate()
    {
        if ok[kind] && score > best {
            best = score;
        }
    }
    best
}

/// One item of the beam: a state, the total score of the actions that led to it, and its
/// node in the history arena (so action sequences can be read back for training).
struct Item {
    state: State,
    score: f32,
    node: u32,
    /// True while this item's actions are exactly the gold sequence (training only).
    gold: bool,
}

/// A node of the history arena: the previous node and the action taken.
#[derive(Clone, Copy)]
struct Node {
    parent: u32,
    action: u16,
}

const ROOT_NODE: u32 = u32::MAX;

/// The largest violation found during a training search: at which step, and the history node
/// of the beam's best item then.
struct Violation {
    step: usize,
    node: u32,
}

/// Beam search. Every parse of n words takes exactly 2n steps, so items are compared at equal
/// lengths. With `gold` (an action sequence), it also follows the gold sequence and returns
/// the step of maximum violation (Huang et al., 2012), for the perceptron update.
fn beam_search(
    scorer: &impl Scorer,
    lex: &[Lex],
    width: usize,
    margin: f32,
    gold: Option<&[usize]>,
) -> (State, Option<Violation>, Vec<Node>) {
    let n = lex.len();
    let n_classes = scorer.n_classes();
    let mut nodes: Vec<Node> = Vec::with_capacity(2 * n * width);
    let mut beam = vec![Item {
        state: State::new(n),
        score: 0.0,
        node: ROOT_NODE,
        gold: true,
    }];
    let mut feats = Vec::with_capacity(128);
    let mut scores = vec![0f32; n_classes];
    let mut candidates: Vec<(f32, u32, u16)> = Vec::new();
    // Feature signatures scored at this step, and where their scores are in `score_store`.
    let mut scored: Vec<(u64, usize)> = Vec::with_capacity(width);
    let mut score_store: Vec<f32> = Vec::with_capacity(width * n_classes);
    let mut item_scores: Vec<usize> = Vec::with_capacity(width);
    let mut gold_state = gold.map(|_| State::new(n));
    let mut gold_score = 0f32;
    let mut worst: Option<(f32, Violation)> = None;
    // States of past beams, recycled so that a step allocates nothing.
    let mut pool: Vec<State> = Vec::new();
    for step in 0..2 * n {
        candidates.clear();
        scored.clear();
        score_store.clear();
        // Score every item (once per distinct feature set), then keep as candidates only the
        // actions that can survive the margin: most of the hundred labelled actions of an
        // item fall far below the best and need not be sorted.
        item_scores.clear();
        let mut best = f32::NEG_INFINITY;
        for item in &beam {
            let st = &item.state;
            if st.next >= st.n {
                item_scores.push(usize::MAX);
                best = best.max(item.score);
                continue;
            }
            features(st, lex, &mut feats);
            // Items that differ only in what the features cannot see (an arc deep in the
            // stack, a label no template reads) have the same features: score them once.
            // Each key already hashes its template index, so a plain sum tells feature sets
            // apart; unlike chained mixing it does not make the CPU wait on every feature.
            let signature = feats.iter().fold(0u64, |h, &f| h.wrapping_add(f));
            let at = match scored.iter().find(|&&(sig, _)| sig == signature) {
                Some(&(_, at)) => at,
                None => {
                    let at = score_store.len();
                    score_store.resize(at + n_classes, 0.0);
                    scorer.score(&feats, &mut score_store[at..]);
                    scored.push((signature, at));
                    at
                }
            };
            item_scores.push(at);
            let top = best_valid_score(&score_store[at..at + n_classes], st.valid_kinds());
            best = best.max(item.score + top);
        }
        let floor = best - margin;
        for (i, item) in beam.iter().enumerate() {
            let st = &item.state;
            let at = item_scores[i];
            if at == usize::MAX {
                candidates.push((item.score, i as u32, REDUCE as u16));
                continue;
            }
            let ok = st.valid_kinds();
            // Which actions reach the floor is decided 16 at a time into a bit mask (the
            // compiler makes vector comparisons of it); only the few that do are looked at.
            for (c, chunk) in score_store[at..at + n_classes].chunks(16).enumerate() {
                let mut reach = 0u32;
                for (j, &s) in chunk.iter().enumerate() {
                    reach |= u32::from(item.score + s >= floor) << j;
                }
                while reach != 0 {
                    let j = reach.trailing_zeros() as usize;
                    reach &= reach - 1;
                    let a = c * 16 + j;
                    if ok[action_kind(a)] {
                        candidates.push((item.score + chunk[j], i as u32, a as u16));
                    }
                }
            }
        }
        // Highest score first; ties by item and action, so decoding is deterministic.
        let by_score = |x: &(f32, u32, u16), y: &(f32, u32, u16)| {
            y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2))
        };
        if candidates.len() > width {
            candidates.select_nth_unstable_by(width - 1, by_score);
            candidates.truncate(width);
        }
        candidates.sort_unstable_by(by_score);
        let floor = candidates[0].0 - margin;
        let keep = candidates.iter().take_while(|c| c.0 >= floor).count();
        candidates.truncate(keep.max(1));
        let gold_action = gold.map(|g| g[step]);
        let mut next_beam = Vec::with_capacity(candidates.len());
        for &(score, parent, action) in &candidates {
            let parent_item = &beam[parent as usize];
            let mut state = pool.pop().unwrap_or_else(|| State::new(0));
            state.clone_from(&parent_item.state);
            state.apply(action as usize);
            nodes.push(Node {
                parent: parent_item.node,
                action,
            });
            next_beam.push(Item {
                state,
                score,
                node: (nodes.len() - 1) as u32,
                gold: parent_item.gold && gold_action == Some(action as usize),
            });
        }
        pool.extend(beam.drain(..).map(|item| item.state));
        beam = next_beam;
        if let (Some(gs), Some(ga)) = (gold_state.as_mut(), gold_action) {
            if gs.next < gs.n {
                features(gs, lex, &mut feats);
                scorer.score(&feats, &mut scores);
                gold_score += scores[ga];
            }
            gs.apply(ga);
            let best = &beam[0];
            if !best.gold {
                let v = best.score - gold_score;
                if worst.as_ref().is_none_or(|(w, _)| v > *w) {
                    worst = Some((
                        v,
                        Violation {
                            step,
                            node: best.node,
                        },
                    ));
                }
            }
        }
    }
    let best = beam
        .into_iter()
        .next()
        .expect("the beam is never empty")
        .state;
    (best, worst.map(|(_, v)| v), nodes)
}

/// The action sequence that leads to `node`.
fn history(nodes: &[Node], mut node: u32) -> Vec<usize> {
    let mut actions = Vec::new();
    while node != ROOT_NODE {
        let n = nodes[node as usize];
        actions.push(n.action as usize);
        node = n.parent;
    }
    actions.reverse();
    actions
}

/// The gold action sequence: at each step the cheapest action, preferring arcs, then REDUCE,
/// then SHIFT. For a non-projective tree this is a sequence to the best reachable tree.
fn oracle_sequence(n: usize, gold_head: &[u32], gold_label: &[u16], n_labels: usize) -> Vec<usize> {
    let mut st = State::new(n);
    let mut costs = vec![0u32; 2 + 2 * n_labels];
    let mut actions = Vec::with_capacity(2 * n);
    while !st.terminal() {
        st.costs(gold_head, gold_label, n_labels, &mut costs);
        let min = *costs.iter().min().expect("classes");
        let preference = (2..costs.len()).chain([REDUCE, SHIFT]);
        let action = preference
            .into_iter()
            .find(|&a| costs[a] == min)
            .expect("some action is valid until the end");
        actions.push(action);
        st.apply(action);
    }
    actions
}

/// Replays `actions` from the start and adds `delta` to the features of each step from
/// `from` on (the steps before are shared with the other sequence and cancel out).
fn replay_update(
    model: &mut Trainer,
    lex: &[Lex],
    actions: &[usize],
    from: usize,
    delta: f32,
    feats: &mut Vec<u64>,
) {
    let mut st = State::new(lex.len());
    for (i, &a) in actions.iter().enumerate() {
        if i >= from && st.next < st.n {
            features(&st, lex, feats);
            model.add(feats, a, delta);
        }
        st.apply(a);
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

impl ParseExample {
    /// The words as the parser reads them.
    pub fn inputs(&self) -> Vec<ParserInput<'_>> {
        (0..self.forms.len())
            .map(|i| ParserInput {
                form: &self.forms[i],
                upos: &self.upos[i],
                xpos: &self.xpos[i],
                cluster: self.clusters[i],
            })
            .collect()
    }
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
    /// Beam width; 1 trains a greedy parser with the dynamic oracle, more trains a beam
    /// parser with max-violation updates.
    pub beam: usize,
}

impl Default for ParserConfig {
    fn default() -> Self {
        ParserConfig {
            epochs: 15,
            seed: 1,
            explore_from: 1,
            explore: 0.9,
            prune_below: 0.25,
            beam: 1,
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
            let lex = lexicon(&ex.inputs());
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
            if config.beam > 1 {
                let gold_actions = oracle_sequence(n, &gold_head, &gold_label, n_labels);
                let (_, violation, nodes) = beam_search(
                    &model,
                    &lex,
                    config.beam,
                    f32::INFINITY,
                    Some(&gold_actions),
                );
                if let Some(v) = violation {
                    let predicted = history(&nodes, v.node);
                    let gold_prefix = &gold_actions[..=v.step];
                    let shared = predicted
                        .iter()
                        .zip(gold_prefix)
                        .take_while(|(a, b)| a == b)
                        .count();
                    replay_update(&mut model, &lex, gold_prefix, shared, 1.0, &mut feats);
                    replay_update(&mut model, &lex, &predicted, shared, -1.0, &mut feats);
                }
                model.tick();
                continue;
            }
            let mut st = State::new(n);
            while !st.terminal() {
                if st.next >= st.n {
                    st.apply(REDUCE);
                    continue;
                }
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
            beam: config.beam.max(1),
            margin: f32::INFINITY,
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
    fn margins_that_would_empty_the_beam_are_refused() {
        let mut parser = Parser {
            labels: Vec::new(),
            beam: 8,
            margin: 1.0,
            weights: Weights::from_stored(StoredWeights::empty(2)),
        };
        parser.set_margin(f32::NAN);
        assert_eq!(parser.margin(), f32::INFINITY);
        parser.set_margin(-3.0);
        assert_eq!(parser.margin(), 0.0);
        parser.set_margin(50.0);
        assert_eq!(parser.margin(), 50.0);
        parser.set_beam(0);
        assert_eq!(parser.beam(), 1);
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
