//! Word clusters learned from raw text.
//!
//! The treebank has 200,000 words; most words of news are rare in it or absent. Words that
//! occur in the same contexts ("Tuesday" and "Friday", "minister" and "secretary") tend to
//! take the same tags and attachments, so the tagger and parser read a word's cluster beside
//! the word itself. Clusters come from spherical k-means over the words' left and right
//! neighbours, at two granularities, on raw text only (no annotations are used).

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Cluster ids of a word: coarse in the high 16 bits, fine in the low 16 bits. Unknown words
/// get [`UNKNOWN`].
pub type ClusterId = u32;
pub const UNKNOWN: ClusterId = u32::MAX;

/// Settings of cluster learning.
#[derive(Clone, Debug)]
pub struct ClusterConfig {
    /// Words need at least this many occurrences to be clustered.
    pub min_count: usize,
    /// Number of most frequent words used as context dimensions.
    pub contexts: usize,
    pub coarse: usize,
    pub fine: usize,
    pub iterations: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            min_count: 3,
            contexts: 1000,
            coarse: 40,
            fine: 320,
            iterations: 15,
        }
    }
}

/// Lowercased word → cluster ids.
#[derive(Serialize, Deserialize, Default)]
pub struct Clusters {
    words: FxHashMap<String, ClusterId>,
}

/// How a word is looked up: lowercased, with digits folded so that numbers share clusters.
pub fn normalise(word: &str) -> String {
    word.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

impl Clusters {
    pub fn get(&self, word: &str) -> ClusterId {
        self.words.get(&normalise(word)).copied().unwrap_or(UNKNOWN)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Learns clusters from sentences of words.
    pub fn learn(sentences: &[Vec<String>], config: &ClusterConfig) -> Clusters {
        let norm: Vec<Vec<String>> = sentences
            .iter()
            .map(|s| s.iter().map(|w| normalise(w)).collect())
            .collect();
        let mut freq: FxHashMap<&str, usize> = FxHashMap::default();
        for s in &norm {
            for w in s {
                *freq.entry(w.as_str()).or_default() += 1;
            }
        }
        // Vocabulary by descending frequency, ties by the word, so ids are deterministic.
        let mut vocab: Vec<(&str, usize)> = freq
            .iter()
            .filter(|&(_, &c)| c >= config.min_count)
            .map(|(&w, &c)| (w, c))
            .collect();
        vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let word_id: FxHashMap<&str, usize> = vocab
            .iter()
            .enumerate()
            .map(|(i, &(w, _))| (w, i))
            .collect();
        let n_ctx = config.contexts.min(vocab.len());
        // Context dimensions: left neighbour c → c, right neighbour c → n_ctx + c; the
        // sentence boundary is one more dimension on each side.
        let boundary_left = 2 * n_ctx;
        let boundary_right = 2 * n_ctx + 1;
        let mut counts: Vec<FxHashMap<u32, f32>> = vec![FxHashMap::default(); vocab.len()];
        for s in &norm {
            for (i, w) in s.iter().enumerate() {
                let Some(&id) = word_id.get(w.as_str()) else {
                    continue;
                };
                let left = match i.checked_sub(1) {
                    None => Some(boundary_left),
                    Some(j) => word_id.get(s[j].as_str()).filter(|&&c| c < n_ctx).copied(),
                };
                let right = match s.get(i + 1) {
                    None => Some(boundary_right),
                    Some(r) => word_id
                        .get(r.as_str())
                        .filter(|&&c| c < n_ctx)
                        .map(|&c| n_ctx + c),
                };
                for d in [left, right].into_iter().flatten() {
                    *counts[id].entry(d as u32).or_default() += 1.0;
                }
            }
        }
        // Square roots of counts, normalised to unit length: cosine over Hellinger-like vectors.
        let vectors: Vec<Vec<(u32, f32)>> = counts
            .into_iter()
            .map(|c| {
                let mut v: Vec<(u32, f32)> = c.into_iter().map(|(d, n)| (d, n.sqrt())).collect();
                v.sort_unstable_by_key(|&(d, _)| d);
                let norm = v.iter().map(|&(_, x)| x * x).sum::<f32>().sqrt().max(1e-9);
                v.iter_mut().for_each(|(_, x)| *x /= norm);
                v
            })
            .collect();
        let dims = 2 * n_ctx + 2;
        let coarse = kmeans(&vectors, dims, config.coarse, config.iterations);
        let fine = kmeans(&vectors, dims, config.fine, config.iterations);
        let words = vocab
            .iter()
            .enumerate()
            .map(|(i, &(w, _))| (w.to_string(), (coarse[i] << 16) | fine[i]))
            .collect();
        Clusters { words }
    }
}

/// Spherical k-means. Seeds are chosen by farthest point, deterministically: the most
/// frequent word first, then each time the word least similar to every seed so far (which
/// spreads the seeds over the space, unlike taking the most frequent words, which are
/// mostly function words with similar contexts).
fn kmeans(vectors: &[Vec<(u32, f32)>], dims: usize, k: usize, iterations: usize) -> Vec<u32> {
    let k = k.min(vectors.len()).max(1);
    let mut centroids = vec![0f32; k * dims];
    let mut closest = vec![f32::MIN; vectors.len()];
    let mut seed = 0usize;
    for c in 0..k {
        let row = &mut centroids[c * dims..(c + 1) * dims];
        for &(d, x) in &vectors[seed] {
            row[d as usize] = x;
        }
        let row = &centroids[c * dims..(c + 1) * dims];
        for (i, v) in vectors.iter().enumerate() {
            let s: f32 = v.iter().map(|&(d, x)| row[d as usize] * x).sum();
            closest[i] = closest[i].max(s);
        }
        // The next seed: the least covered word (the earliest, i.e. most frequent, on ties).
        seed = (0..vectors.len())
            .min_by(|&a, &b| closest[a].total_cmp(&closest[b]).then(a.cmp(&b)))
            .unwrap_or(0);
    }
    let mut assign = vec![0u32; vectors.len()];
    for _ in 0..iterations {
        for (i, v) in vectors.iter().enumerate() {
            let mut best = (0u32, f32::MIN);
            for c in 0..k {
                let row = &centroids[c * dims..(c + 1) * dims];
                let s: f32 = v.iter().map(|&(d, x)| row[d as usize] * x).sum();
                if s > best.1 {
                    best = (c as u32, s);
                }
            }
            assign[i] = best.0;
        }
        centroids.iter_mut().for_each(|x| *x = 0.0);
        for (i, v) in vectors.iter().enumerate() {
            let base = assign[i] as usize * dims;
            for &(d, x) in v {
                centroids[base + d as usize] += x;
            }
        }
        for c in 0..k {
            let row = &mut centroids[c * dims..(c + 1) * dims];
            let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                row.iter_mut().for_each(|x| *x /= norm);
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let mut sentences = Vec::new();
        for day in ["monday", "tuesday", "friday"] {
            for _ in 0..5 {
                sentences.push(
                    ["they", "met", "on", day, "in", "town"]
                        .map(String::from)
                        .to_vec(),
                );
            }
        }
        for noun in ["minister", "secretary"] {
            for _ in 0..5 {
                sentences.push(["the", noun, "said", "so"].map(String::from).to_vec());
            }
        }
        let config = ClusterConfig {
            min_count: 3,
            contexts: 50,
            coarse: 3,
            fine: 10,
            iterations: 10,
        };
        let c = Clusters::learn(&sentences, &config);
        let fine = |w: &str| c.get(w) & 0xFFFF;
        assert_eq!(fine("Monday"), fine("friday"));
        assert_eq!(fine("minister"), fine("secretary"));
        assert_ne!(fine("minister"), fine("monday"));
        assert_eq!(c.get("unseen"), UNKNOWN);
        assert_eq!(normalise("A1,500"), "a0,000");
    }
}
