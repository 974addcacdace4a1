//! Pairing gold words with system words.
//!
//! Outside multiword tokens a word is aligned when its span is exactly a word span of the
//! other side. Where a multiword token is involved on either side, the span of characters
//! covered by the overlapping tokens is taken as a unit and its words are paired by a longest
//! common subsequence of their lowercased forms.

use super::load::EvalWord;

pub(super) struct Alignment {
    /// Aligned (gold, system) word indices, in order.
    pub pairs: Vec<(usize, usize)>,
    /// For each system word, the gold word it is aligned with.
    pub gold_of_system: Vec<Option<usize>>,
}

impl Alignment {
    fn push(&mut self, gold: usize, system: usize) {
        self.pairs.push((gold, system));
        self.gold_of_system[system] = Some(gold);
    }
}

pub(super) fn align(gold: &[EvalWord], system: &[EvalWord]) -> Alignment {
    let mut alignment = Alignment {
        pairs: Vec::new(),
        gold_of_system: vec![None; system.len()],
    };
    let (mut gi, mut si) = (0, 0);
    while gi < gold.len() && si < system.len() {
        if gold[gi].is_multiword || system[si].is_multiword {
            let region = multiword_region(gold, system, gi, si);
            for (g, s) in lcs_pairs(
                &gold[region.gold_start..region.gold_end],
                &system[region.system_start..region.system_end],
            ) {
                alignment.push(region.gold_start + g, region.system_start + s);
            }
            gi = region.gold_end;
            si = region.system_end;
        } else {
            let (g, s) = (gold[gi].span, system[si].span);
            if g == s {
                alignment.push(gi, si);
                gi += 1;
                si += 1;
            } else if g.start <= s.start {
                gi += 1;
            } else {
                si += 1;
            }
        }
    }
    alignment
}

/// Word ranges `[start, end)` on both sides that make up one multiword region.
struct Region {
    gold_start: usize,
    gold_end: usize,
    system_start: usize,
    system_end: usize,
}

/// The smallest run of words around a multiword token (on either side, at `gi` or `si`)
/// that ends at the same character on both sides, so that nothing in it can align with
/// words outside it.
fn multiword_region(
    gold: &[EvalWord],
    system: &[EvalWord],
    mut gi: usize,
    mut si: usize,
) -> Region {
    let mut end;
    // The other side's current word may start before the multiword token; it then lies
    // wholly before it (the sides are in step) and is left out.
    if gold[gi].is_multiword {
        end = gold[gi].span.end;
        if !system[si].is_multiword && system[si].span.start < gold[gi].span.start {
            si += 1;
        }
    } else {
        end = system[si].span.end;
        if !gold[gi].is_multiword && gold[gi].span.start < system[si].span.start {
            gi += 1;
        }
    }
    let (gold_start, system_start) = (gi, si);
    // Take words in text order until both sides have passed `end`, pushing `end` out to
    // cover every multiword token taken in.
    while !past_region(gold, gi, end) || !past_region(system, si, end) {
        let take_gold =
            gi < gold.len() && (si >= system.len() || gold[gi].span.start <= system[si].span.start);
        let word = if take_gold {
            gi += 1;
            &gold[gi - 1]
        } else {
            si += 1;
            &system[si - 1]
        };
        if word.is_multiword && word.span.end > end {
            end = word.span.end;
        }
    }
    Region {
        gold_start,
        gold_end: gi,
        system_start,
        system_end: si,
    }
}

/// True when word `i` (or the end of the list) lies beyond a region ending at `end`.
/// A plain word that merely crosses `end` is still inside: its characters are shared.
fn past_region(words: &[EvalWord], i: usize, end: usize) -> bool {
    match words.get(i) {
        None => true,
        Some(w) if w.is_multiword => w.span.start >= end,
        Some(w) => w.span.end > end,
    }
}

/// Pairs of indices of a longest common subsequence of the lowercased forms, taking the
/// earliest gold word when there is a choice.
fn lcs_pairs(gold: &[EvalWord], system: &[EvalWord]) -> Vec<(usize, usize)> {
    let (n, m) = (gold.len(), system.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    // suffix[g][s]: length of the longest common subsequence of gold[g..] and system[s..],
    // stored flat with an extra row and column of zeros.
    let width = m + 1;
    let mut suffix = vec![0usize; (n + 1) * width];
    for g in (0..n).rev() {
        for s in (0..m).rev() {
            suffix[g * width + s] = if gold[g].form == system[s].form {
                1 + suffix[(g + 1) * width + s + 1]
            } else {
                suffix[(g + 1) * width + s].max(suffix[g * width + s + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut g, mut s) = (0, 0);
    while g < n && s < m {
        if gold[g].form == system[s].form {
            pairs.push((g, s));
            g += 1;
            s += 1;
        } else if suffix[g * width + s] == suffix[(g + 1) * width + s] {
            g += 1;
        } else {
            s += 1;
        }
    }
    pairs
}
