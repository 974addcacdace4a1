//! The averaged perceptron shared by the tagger and the parser: sparse training weights with
//! lazy averaging, and the compact frozen form that is saved and used for prediction.
//!
//! Features are 64-bit keys (see [`crate::hash`]); each key owns a short sparse row of
//! (class, weight) pairs, because a feature is only ever updated for the few classes it was
//! confused between. That keeps both training memory and the saved model small.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug)]
struct Cell {
    class: u16,
    weight: f32,
    /// Sum of the weight over all past steps, up to `stamp`.
    total: f64,
    /// The step at which `total` was last brought up to date.
    stamp: u64,
}

/// An averaged perceptron being trained.
pub struct Trainer {
    n_classes: usize,
    rows: FxHashMap<u64, Vec<Cell>>,
    /// Number of training instances seen: the clock of the averaging.
    step: u64,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Trainer {
        Trainer {
            n_classes,
            rows: FxHashMap::default(),
            step: 0,
        }
    }

    /// Adds the current (not averaged) weights of `features` to `scores`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for c in row {
                    scores[c.class as usize] += c.weight;
                }
            }
        }
    }

    /// Advances the clock by one instance. Call once per prediction, updated or not.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Adds `delta` to the weight of `class` on every feature.
    pub fn add(&mut self, features: &[u64], class: usize, delta: f32) {
        let step = self.step;
        let class = class as u16;
        for &f in features {
            let row = self.rows.entry(f).or_default();
            let cell = match row.iter_mut().position(|c| c.class == class) {
                Some(i) => &mut row[i],
                None => {
                    row.push(Cell {
                        class,
                        weight: 0.0,
                        total: 0.0,
                        stamp: step,
                    });
                    row.last_mut().expect("just pushed")
                }
            };
            cell.total += f64::from(cell.weight) * (step - cell.stamp) as f64;
            cell.stamp = step;
            cell.weight += delta;
        }
    }

    /// Moves weight from the predicted class to the gold class on every feature.
    pub fn update(&mut self, features: &[u64], gold: usize, guess: usize) {
        if gold == guess {
            return;
        }
        self.add(features, gold, 1.0);
        self.add(features, guess, -1.0);
    }

    /// The averaged weights as a frozen model. Weights whose average is below `min_abs` in
    /// magnitude are dropped; rows left empty are dropped with them.
    pub fn average(&self, min_abs: f32) -> Weights {
        let step = self.step.max(1);
        let mut keys: Vec<u64> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let mut frozen = WeightsBuilder::default();
        for k in keys {
            let mut row: Vec<(u16, f32)> = self.rows[&k]
                .iter()
                .map(|c| {
                    let total = c.total + f64::from(c.weight) * (step - c.stamp) as f64;
                    (c.class, (total / step as f64) as f32)
                })
                .filter(|&(_, w)| w.abs() >= min_abs && w != 0.0)
                .collect();
            row.sort_unstable_by_key(|&(c, _)| c);
            frozen.push(k, &row);
        }
        frozen.finish(self.n_classes)
    }
}

#[derive(Default)]
struct WeightsBuilder {
    keys: Vec<u64>,
    lens: Vec<u8>,
    classes: Vec<u16>,
    values: Vec<f32>,
}

impl WeightsBuilder {
    fn push(&mut self, key: u64, row: &[(u16, f32)]) {
        // A row can't be longer than the number of classes; rows over 255 are split into
        // several entries under the same key, which `Weights::from_stored` rejoins.
        for chunk in row.chunks(255) {
            self.keys.push(key);
            self.lens.push(chunk.len() as u8);
            for &(c, w) in chunk {
                self.classes.push(c);
                self.values.push(w);
            }
        }
    }

    fn finish(self, n_classes: usize) -> Weights {
        let max = self.values.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let stored = StoredWeights {
            n_classes: n_classes as u32,
            scale,
            keys: self.keys,
            lens: self.lens,
            classes: self.classes,
            values: self
                .values
                .iter()
                .map(|v| (v / scale).round().clamp(-32767.0, 32767.0) as i16)
                .collect(),
        };
        let mut weights = Weights::build(&stored);
        weights.saved = Some(stored);
        weights
    }
}

/// The saved form of [`Weights`]: sorted keys, row lengths, and 16-bit quantised values.
#[derive(Serialize, Deserialize, Clone)]
pub struct StoredWeights {
    n_classes: u32,
    scale: f32,
    #[serde(deserialize_with = "crate::model_file::presized_vec")]
    keys: Vec<u64>,
    #[serde(deserialize_with = "crate::model_file::presized_vec")]
    lens: Vec<u8>,
    #[serde(deserialize_with = "crate::model_file::presized_vec")]
    classes: Vec<u16>,
    #[serde(deserialize_with = "crate::model_file::presized_vec")]
    values: Vec<i16>,
}

impl StoredWeights {
    /// Weights of `n_classes` classes and no features.
    #[cfg(test)]
    pub fn empty(n_classes: usize) -> StoredWeights {
        StoredWeights {
            n_classes: n_classes as u32,
            scale: 1.0,
            keys: Vec::new(),
            lens: Vec::new(),
            classes: Vec::new(),
            values: Vec::new(),
        }
    }
}

/// Frozen perceptron weights, ready to score.
///
/// Laid out for the memory system, since scoring is bound by cache misses, not arithmetic:
/// - an open-addressing table of 8-byte slots (32-bit key fingerprint, 32-bit row reference),
///   kept at most a third full, so most lookups, hits and misses alike, touch one cache line;
/// - weights stay 16-bit integers and are summed as integers (every weight shares one scale,
///   so the argmax is the same);
/// - rows with many classes are dense, padded to whole cache lines and aligned on them (a row
///   of 102 classes is read in 4 lines, not 4 or 5), and added 8 weights an instruction;
///   short rows are sparse (class, weight) pairs.
pub struct Weights {
    n_classes: usize,
    slots: Vec<u64>,
    mask: usize,
    /// Dense rows, `stride` weights each (`n_classes` rounded up to whole cache lines, the
    /// rest zero), each starting on a cache line.
    dense: Vec<Line>,
    /// The length of a dense row, in weights.
    stride: usize,
    /// Sparse rows: a length, then that many `class << 16 | weight` entries.
    sparse: Vec<u32>,
    n_features: usize,
    n_weights: usize,
    /// The one scale of every 16-bit weight.
    scale: f32,
    /// The saved form, kept only by weights that training built, for writing the model file.
    /// Weights loaded from a file keep just the lookup tables above: the saved form would
    /// double the memory of a run for nothing.
    saved: Option<StoredWeights>,
}

/// One cache line of dense weights. Rows made of whole, aligned lines are read in the fewest
/// lines, and added in whole vectors with no remainder loop.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Line([i16; LINE]);

/// Weights in a [`Line`].
const LINE: usize = 32;

/// Row references with this bit set point into `dense`.
const DENSE_BIT: u32 = 1 << 31;

#[inline]
fn fingerprint(key: u64) -> u32 {
    // Zero marks an empty slot, so no fingerprint may be zero.
    ((key >> 32) as u32).max(1)
}

impl Weights {
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    #[inline(always)]
    fn row(&self, key: u64) -> Option<u32> {
        let fp = fingerprint(key);
        let mut i = key as usize & self.mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            if (slot >> 32) as u32 == fp {
                return Some(slot as u32);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Sets `scores` to the summed weights of `features`.
    ///
    /// Scoring waits on memory: the table and the rows are far larger than the caches. So it
    /// runs as a pipeline over the features: the table slot of a feature is asked for
    /// `SLOT_AHEAD` features before it is looked up, and its row is asked for when it is
    /// looked up but added only `ROW_LAG` rows later. The loads overlap each other and the
    /// additions, instead of each lookup waiting for the one before.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx2") {
                // SAFETY: the processor has just been checked to support AVX2.
                unsafe { self.score_avx2(features, scores) };
                return;
            }
        }
        self.score_portable(features, scores);
    }

    /// The same pipeline compiled for AVX2, which widens and adds 8 weights an instruction
    /// instead of 4; the build targets plain x86-64, so it is chosen at run time.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn score_avx2(&self, features: &[u64], scores: &mut [f32]) {
        self.score_with::<true>(features, scores)
    }

    #[inline(always)]
    fn score_portable(&self, features: &[u64], scores: &mut [f32]) {
        self.score_with::<false>(features, scores)
    }

    #[inline(always)]
    fn score_with<const AVX2: bool>(&self, features: &[u64], scores: &mut [f32]) {
        const SLOT_AHEAD: usize = 16;
        const ROW_LAG: usize = 8;
        const RING: usize = 32;
        let mut acc = [0i32; 512];
        let mut ring = [0u32; RING];
        let (mut found, mut added) = (0usize, 0usize);
        for &f in features.iter().take(SLOT_AHEAD) {
            prefetch(&self.slots[f as usize & self.mask]);
        }
        for (i, &f) in features.iter().enumerate() {
            if let Some(&ahead) = features.get(i + SLOT_AHEAD) {
                prefetch(&self.slots[ahead as usize & self.mask]);
            }
            if let Some(r) = self.row(f) {
                self.prefetch_row(r);
                ring[found % RING] = r;
                found += 1;
                if found - added > ROW_LAG {
                    self.add_row::<AVX2>(ring[added % RING], &mut acc);
                    added += 1;
                }
            }
        }
        while added < found {
            self.add_row::<AVX2>(ring[added % RING], &mut acc);
            added += 1;
        }
        self.write_scores(&acc, scores);
    }

    #[inline(always)]
    fn prefetch_row(&self, r: u32) {
        if r & DENSE_BIT != 0 {
            for line in self.dense_row(r) {
                prefetch(line);
            }
        } else {
            prefetch(&self.sparse[r as usize]);
        }
    }

    /// The lines of the dense row that `r` refers to.
    #[inline(always)]
    fn dense_row(&self, r: u32) -> &[Line] {
        let lines = self.stride / LINE;
        let base = (r & !DENSE_BIT) as usize * lines;
        &self.dense[base..base + lines]
    }

    #[inline(always)]
    fn add_row<const AVX2: bool>(&self, r: u32, acc: &mut [i32; 512]) {
        if r & DENSE_BIT != 0 {
            add_dense::<AVX2>(&mut acc[..self.stride], self.dense_row(r));
        } else {
            let start = r as usize;
            let len = self.sparse[start] as usize;
            for &e in &self.sparse[start + 1..start + 1 + len] {
                if let Some(a) = acc.get_mut((e >> 16) as usize) {
                    *a += i32::from(e as u16 as i16);
                }
            }
        }
    }

    #[inline]
    fn write_scores(&self, acc: &[i32; 512], scores: &mut [f32]) {
        let scale = self.scale;
        for (s, &a) in scores.iter_mut().zip(&acc[..self.n_classes]) {
            *s = a as f32 * scale;
        }
    }

    /// Number of features with weights, and number of weights.
    pub fn size(&self) -> (usize, usize) {
        (self.n_features, self.n_weights)
    }

    /// Rebuilds the lookup structures from the saved form, which is then dropped.
    pub fn from_stored(stored: StoredWeights) -> Weights {
        Weights::build(&stored)
    }

    fn build(stored: &StoredWeights) -> Weights {
        let n_classes = stored.n_classes as usize;
        let dense_from = (n_classes / 8).max(8);
        // Every table sized up front: growing them by doubling would, for a moment, hold two
        // copies.
        let (n_rows, dense_rows, sparse_len): (usize, usize, usize) =
            joined_rows(stored).fold((0, 0, 0), |(n, d, sp), (_, _, len)| {
                if len >= dense_from {
                    (n + 1, d + 1, sp)
                } else {
                    (n + 1, d, sp + 1 + len)
                }
            });
        let size = (n_rows * 3).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![0u64; size];
        let mut sparse = Vec::with_capacity(sparse_len);
        let stride = n_classes.div_ceil(LINE) * LINE;
        let mut dense: Vec<Line> = Vec::with_capacity(dense_rows * stride / LINE);
        let mut n_features = 0;
        const INSERT_LAG: usize = 16;
        let mut pending = [(0u64, 0u32); INSERT_LAG];
        let mut n_pending = 0usize;
        for (k, start, len) in joined_rows(stored) {
            let reference = if len >= dense_from {
                let row = dense.len() * LINE / stride;
                let base = dense.len();
                dense.resize(base + stride / LINE, Line([0; LINE]));
                for i in start..start + len {
                    let class = stored.classes[i] as usize;
                    dense[base + class / LINE].0[class % LINE] = stored.values[i];
                }
                row as u32 | DENSE_BIT
            } else {
                let at = sparse.len() as u32;
                sparse.push(len as u32);
                for i in start..start + len {
                    sparse.push(
                        u32::from(stored.classes[i]) << 16 | u32::from(stored.values[i] as u16),
                    );
                }
                at
            };
            // The slot of a key is a random place in a table far larger than the caches, so
            // each insertion would wait on memory. Its line is asked for now and the key
            // inserted `INSERT_LAG` rows later, when it has arrived; insertion keeps the
            // order of the saved form, so the table comes out the same.
            prefetch(&slots[k as usize & mask]);
            let at = n_pending % INSERT_LAG;
            if n_pending >= INSERT_LAG {
                let (k, reference) = pending[at];
                n_features += insert(&mut slots, mask, k, reference);
            }
            pending[at] = (k, reference);
            n_pending += 1;
        }
        for n in n_pending.saturating_sub(INSERT_LAG)..n_pending {
            let (k, reference) = pending[n % INSERT_LAG];
            n_features += insert(&mut slots, mask, k, reference);
        }
        Weights {
            n_classes,
            slots,
            mask,
            dense,
            stride,
            sparse,
            n_features,
            n_weights: stored.values.len(),
            scale: stored.scale,
            saved: None,
        }
    }

    /// The saved form, for weights that training built; `None` for weights loaded from a
    /// model file.
    pub fn stored(&self) -> Option<&StoredWeights> {
        self.saved.as_ref()
    }

    /// Checks that the saved form is internally consistent, so a damaged model file gives an
    /// error at load time rather than a panic later.
    pub fn validate(stored: &StoredWeights) -> Result<(), String> {
        let total: usize = stored.lens.iter().map(|&l| l as usize).sum();
        if stored.keys.len() != stored.lens.len() {
            return Err("keys and row lengths differ in number".into());
        }
        if total != stored.classes.len() || total != stored.values.len() {
            return Err("row lengths do not add up to the number of weights".into());
        }
        if stored.classes.iter().any(|&c| c as u32 >= stored.n_classes) {
            return Err("a weight names a class out of range".into());
        }
        if stored.n_classes > 512 {
            return Err("more classes than the scorer supports (512)".into());
        }
        Ok(())
    }
}

/// Puts `key`'s row `reference` in the open-addressing table; 1 if it went in, 0 if a key
/// of the same fingerprint already sits in its probe run (with 32-bit fingerprints this is
/// rare enough that the later key is dropped rather than shadowing the earlier one).
#[inline(always)]
fn insert(slots: &mut [u64], mask: usize, key: u64, reference: u32) -> usize {
    let fp = fingerprint(key);
    let mut i = key as usize & mask;
    loop {
        if slots[i] == 0 {
            slots[i] = u64::from(fp) << 32 | u64::from(reference);
            return 1;
        }
        if (slots[i] >> 32) as u32 == fp {
            return 0;
        }
        i = (i + 1) & mask;
    }
}

/// Each key of the saved form with where its cells start and how many there are. A row is
/// saved in pieces of at most 255 cells under the same key; this joins the pieces again.
fn joined_rows(stored: &StoredWeights) -> impl Iterator<Item = (u64, usize, usize)> + '_ {
    let mut at = 0;
    let mut pos = 0;
    stored.keys.chunk_by(|a, b| a == b).map(move |run| {
        let len: usize = stored.lens[at..at + run.len()]
            .iter()
            .map(|&l| l as usize)
            .sum();
        let start = pos;
        at += run.len();
        pos += len;
        (run[0], start, len)
    })
}

/// Asks the processor to bring `value`'s cache line in, without waiting for it.
#[inline(always)]
fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: a prefetch is only a hint; it never faults and reads nothing into the
        // program, and SSE, which it needs, is part of every x86-64 processor.
        unsafe { _mm_prefetch::<_MM_HINT_T0>((value as *const T).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// Adds a dense row of weights to the accumulators: the innermost loop of tagging and parsing.
/// `AVX2` is known at compile time, so each scorer gets its own loop without a run-time test
/// per row: [`add_dense_avx2`] in [`Weights::score_avx2`], the portable loop elsewhere.
#[inline(always)]
fn add_dense<const AVX2: bool>(acc: &mut [i32], row: &[Line]) {
    #[cfg(target_arch = "x86_64")]
    if AVX2 {
        // SAFETY: `AVX2` is true only in `Weights::score_avx2`, which runs once the processor
        // has been checked to support AVX2.
        unsafe { add_dense_avx2(acc, row) };
        return;
    }
    for (acc, line) in acc.chunks_exact_mut(LINE).zip(row) {
        for (a, &w) in acc.iter_mut().zip(&line.0) {
            *a += i32::from(w);
        }
    }
}

/// [`add_dense`] in AVX2: 8 weights widened and added an instruction, a line in four.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn add_dense_avx2(acc: &mut [i32], row: &[Line]) {
    use std::arch::x86_64::{
        __m128i, __m256i, _mm256_add_epi32, _mm256_cvtepi16_epi32, _mm256_loadu_si256,
        _mm256_storeu_si256, _mm_load_si128,
    };
    for (acc, line) in acc.chunks_exact_mut(LINE).zip(row) {
        for k in (0..LINE).step_by(8) {
            // SAFETY: a line is 64-byte aligned and holds LINE weights, and `acc` holds LINE
            // accumulators, so every load and store of 8 lanes from `k` is in bounds (and the
            // 16-byte load of weights aligned).
            unsafe {
                let w =
                    _mm256_cvtepi16_epi32(_mm_load_si128(line.0.as_ptr().add(k).cast::<__m128i>()));
                let a = acc.as_mut_ptr().add(k).cast::<__m256i>();
                _mm256_storeu_si256(a, _mm256_add_epi32(_mm256_loadu_si256(a), w));
            }
        }
    }
}

/// Something that scores features: frozen weights at run time, the weights being trained
/// during training (beam search runs on both).
pub trait Scorer {
    fn n_classes(&self) -> usize;
    fn score(&self, features: &[u64], scores: &mut [f32]);
}

impl Scorer for Trainer {
    fn n_classes(&self) -> usize {
        self.n_classes
    }
    fn score(&self, features: &[u64], scores: &mut [f32]) {
        Trainer::score(self, features, scores)
    }
}

impl Scorer for Weights {
    fn n_classes(&self) -> usize {
        self.n_classes
    }
    fn score(&self, features: &[u64], scores: &mut [f32]) {
        Weights::score(self, features, scores)
    }
}

/// The index of the highest score among the classes for which `allowed` is true.
#[inline]
pub fn argmax_where(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_survives_freezing() {
        // Class = feature id modulo 3; one feature per instance plus a shared bias.
        let mut t = Trainer::new(3);
        let mut scores = [0f32; 3];
        for _ in 0..5 {
            for f in 0..30u64 {
                let feats = [f, 1000];
                t.score(&feats, &mut scores);
                let guess = argmax_where(&scores, |_| true).unwrap();
                t.update(&feats, (f % 3) as usize, guess);
                t.tick();
            }
        }
        let w = t.average(0.0);
        let w = Weights::from_stored(
            w.stored()
                .expect("trained weights keep their saved form")
                .clone(),
        );
        for f in 0..30u64 {
            w.score(&[f, 1000], &mut scores);
            assert_eq!(argmax_where(&scores, |_| true), Some((f % 3) as usize));
        }
    }

    /// A row longer than 255 cells is saved in pieces under one key; loading joins them, so
    /// every class keeps its own weight.
    #[test]
    fn a_row_of_more_than_255_classes_survives_freezing() {
        let n = 300;
        let mut t = Trainer::new(n);
        for c in 0..n {
            t.add(&[7], c, (c + 1) as f32);
        }
        t.tick();
        let trained = t.average(0.0);
        let loaded = Weights::from_stored(
            trained
                .stored()
                .expect("trained weights keep their saved form")
                .clone(),
        );
        assert!(loaded.stored().is_none());
        assert_eq!(loaded.size(), (1, n));
        let mut scores = vec![0f32; n];
        loaded.score(&[7], &mut scores);
        let order: Vec<usize> = (1..n).filter(|&c| scores[c] > scores[c - 1]).collect();
        assert_eq!(order, (1..n).collect::<Vec<_>>());
    }

    /// The pipelined, vectorised scorer sums exactly the rows of the saved form: dense rows
    /// (many classes) and sparse ones, features without weights, and more features than the
    /// pipeline holds in flight.
    #[test]
    fn scoring_sums_exactly_the_saved_rows() {
        let n = 102;
        let mut t = Trainer::new(n);
        for f in 0..300u64 {
            // Feature f has weights for (f % 40) + 1 classes: some rows dense, some sparse.
            let key = f.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            for c in 0..=(f as usize % 40) {
                let class = (c * 7 + f as usize) % n;
                t.add(&[key], class, (f as f32 - 150.0) / 7.0 + c as f32);
            }
        }
        t.tick();
        let trained = t.average(0.0);
        let stored = trained
            .stored()
            .expect("trained weights keep their saved form");
        let loaded = Weights::from_stored(stored.clone());
        let features: Vec<u64> = (0..350u64)
            .map(|f| f.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        let mut sums = vec![0i32; n];
        for (k, start, len) in joined_rows(stored) {
            if features.contains(&k) {
                for i in start..start + len {
                    sums[stored.classes[i] as usize] += i32::from(stored.values[i]);
                }
            }
        }
        let expected: Vec<f32> = sums.iter().map(|&a| a as f32 * stored.scale).collect();
        let mut scores = vec![0f32; n];
        loaded.score(&features, &mut scores);
        assert_eq!(scores, expected);
        loaded.score_with::<false>(&features, &mut scores);
        assert_eq!(scores, expected);
    }

    #[test]
    fn argmax_respects_the_mask() {
        assert_eq!(argmax_where(&[3.0, 1.0, 2.0], |i| i != 0), Some(2));
        assert_eq!(argmax_where(&[3.0], |_| false), None);
    }
}
