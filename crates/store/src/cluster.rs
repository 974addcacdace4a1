//! Deduplication: which event mentions report the same real-world event.
//!
//! The rule (docs/store.md, "Deduplication", says the same in prose):
//!
//! 1. Every current mention falls in a *group*: its CAMEO root, its dyad and whether its code is
//!    reciprocal (`data/reciprocal-codes.tsv`). The dyad is the pair of actor *keys*: an actor's
//!    country (`USA` for `USAGOVMIL`), or its whole code when it has no country (`IGOUNO`). A
//!    reciprocal group's pair is unordered. Groups are split by year, the unit of recomputation.
//! 2. Inside a group, mentions dated to the day form one cluster per day.
//! 3. A mention dated to the month joins the day cluster inside that month when there is exactly
//!    one; otherwise the month mentions form a month cluster.
//! 4. A mention dated to the year likewise joins the single day or month cluster inside that
//!    year, else they form a year cluster.
//! 5. A mention without a date of its own (no date, or one the coder took from the publication
//!    date P) joins the day cluster of P if there is one, else the single day cluster of the six
//!    days before P, else they form a day cluster on P.
//! 6. A mention with neither a date nor a publication date is a cluster of its own.
//!
//! In each cluster the best-supported code is the most frequent full CAMEO code (ties: the more
//! specific, then the smaller); the *best mention* is one with that code, preferring a date of
//! its own, then a more precise date, then the earliest publication, then the earliest stored.
//! Its direction orients the cluster; the cluster's actor codes are the most frequent full codes
//! on each side in that orientation. Counts follow GDELT: NumMentions every mention, NumArticles
//! distinct documents, NumSources distinct publishers.

use crate::dates::{day_string, publication_day, PartialDate, Precision};
use anyhow::{bail, Result};
use chrono::{Datelike, NaiveDate};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The bundled table of reciprocal codes.
const RECIPROCAL_CODES: &str = include_str!("../data/reciprocal-codes.tsv");

/// Which CAMEO codes are reciprocal: the longest matching prefix in the table decides.
#[derive(Clone, Debug)]
pub struct Reciprocity {
    prefixes: Vec<(String, bool)>,
}

impl Reciprocity {
    /// The table shipped in `crates/store/data/reciprocal-codes.tsv`.
    pub fn bundled() -> Reciprocity {
        Reciprocity::parse("reciprocal-codes.tsv", RECIPROCAL_CODES)
            .expect("the bundled reciprocal-codes.tsv is valid (a unit test reads it)")
    }

    /// Reads the table format; errors name `file:line`.
    pub fn parse(file: &str, text: &str) -> Result<Reciprocity> {
        let mut prefixes = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let prefix = fields.next().unwrap_or("");
            let kind = fields.next().unwrap_or("");
            if prefix.is_empty() || prefix.len() > 4 || !prefix.bytes().all(|b| b.is_ascii_digit())
            {
                bail!(
                    "{file}:{}: {prefix:?} is not a CAMEO code prefix (1 to 4 digits)",
                    n + 1
                );
            }
            let reciprocal = match kind {
                "reciprocal" => true,
                "directed" => false,
                other => bail!(
                    "{file}:{}: expected `reciprocal` or `directed` after the code, found {other:?}",
                    n + 1
                ),
            };
            prefixes.push((prefix.to_string(), reciprocal));
        }
        // Longest prefix first, so the first match is the most specific.
        prefixes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Ok(Reciprocity { prefixes })
    }

    pub fn is_reciprocal(&self, cameo: &str) -> bool {
        self.prefixes
            .iter()
            .find(|(p, _)| cameo.starts_with(p.as_str()))
            .is_some_and(|(_, r)| *r)
    }
}

/// What the grouping needs to know of a mention.
pub struct GroupInput<'a> {
    pub cameo: &'a str,
    pub cameo_root: &'a str,
    pub source_key: &'a str,
    pub target_key: Option<&'a str>,
    pub date: Option<&'a str>,
    pub date_source: Option<&'a str>,
    pub published: Option<&'a str>,
}

/// The group of a mention and its year bucket (0 when the mention has no date at all).
pub fn group_of(input: &GroupInput, reciprocity: &Reciprocity) -> (String, i32) {
    let reciprocal = reciprocity.is_reciprocal(input.cameo);
    let a = input.source_key;
    let b = input.target_key.unwrap_or("");
    let (a, b) = if reciprocal && b < a { (b, a) } else { (a, b) };
    let key = format!(
        "{}|{}|{a}|{b}",
        input.cameo_root,
        if reciprocal { 'r' } else { 'd' }
    );
    let year = match own_date(input.date, input.date_source) {
        Some(d) => d.year,
        None => input
            .published
            .and_then(publication_day)
            .map_or(0, |d| d.year()),
    };
    (key, year)
}

/// The date a mention gives of its own: `None` when it has none or took the publication date.
fn own_date(date: Option<&str>, date_source: Option<&str>) -> Option<PartialDate> {
    if date_source == Some("published") {
        return None;
    }
    date.and_then(PartialDate::parse)
}

/// Whether a group key is reciprocal (its pair unordered).
pub fn group_is_reciprocal(group_key: &str) -> bool {
    group_key.split('|').nth(1) == Some("r")
}

/// One current mention of a group, as the clustering reads it.
#[derive(Clone, Debug)]
pub struct Member {
    pub mention: i64,
    pub document: i64,
    pub publisher: String,
    pub published: Option<String>,
    pub date: Option<String>,
    pub date_source: Option<String>,
    pub cameo: String,
    pub source_code: String,
    pub target_code: Option<String>,
    pub source_key: String,
    pub target_key: Option<String>,
    pub quad_class: u8,
    pub goldstein: f64,
    /// When its document was stored (`YYYYMMDDHHMMSS`).
    pub added: String,
}

/// A computed cluster.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Stable: a hash of the group and the cluster's date, so recomputing gives the same ids.
    pub id: i64,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or `None` for a mention with no date at all.
    pub date: Option<String>,
    /// Indices into the members slice, in stored order.
    pub members: Vec<usize>,
    /// Index of the best mention.
    pub best: usize,
    pub cameo: String,
    pub source_code: String,
    pub target_code: Option<String>,
    pub source_key: String,
    pub target_key: Option<String>,
    pub quad_class: u8,
    pub goldstein: f64,
    pub num_mentions: usize,
    pub num_articles: usize,
    pub num_sources: usize,
    /// The earliest `added` of its documents.
    pub first_added: String,
}

/// How a member is dated for clustering.
enum Dating {
    Own(PartialDate),
    Published(NaiveDate),
    Unknown,
}

/// Clusters the current mentions of one group and year (the rule in the module comment).
/// `members` must be in stored order (ascending mention id).
pub fn cluster_group(group_key: &str, members: &[Member]) -> Vec<Cluster> {
    // Cluster date → member indices. Keys are the date strings; a BTreeMap keeps the
    // processing order, and so the result, independent of the input order.
    let mut by_date: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut months: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut years: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut undated: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    let mut singles: Vec<usize> = Vec::new();

    for (i, m) in members.iter().enumerate() {
        let dating = match own_date(m.date.as_deref(), m.date_source.as_deref()) {
            Some(d) => Dating::Own(d),
            None => match m.published.as_deref().and_then(publication_day) {
                Some(p) => Dating::Published(p),
                None => Dating::Unknown,
            },
        };
        match dating {
            Dating::Own(d) => match d.precision() {
                Precision::Day => by_date.entry(d.to_string()).or_default().push(i),
                Precision::Month => months.entry(d.to_string()).or_default().push(i),
                Precision::Year => years.entry(d.to_string()).or_default().push(i),
            },
            Dating::Published(p) => undated.entry(p).or_default().push(i),
            Dating::Unknown => singles.push(i),
        }
    }

    let inside = |by_date: &BTreeMap<String, Vec<usize>>, outer: &PartialDate| -> Vec<String> {
        by_date
            .keys()
            .filter(|k| k.as_str() != outer.to_string())
            .filter(|k| PartialDate::parse(k).is_some_and(|d| d.within(outer)))
            .cloned()
            .collect()
    };
    // Months first, so that a year can then join a month that took in its only day.
    for (period, idx) in months.into_iter().chain(years) {
        let outer = PartialDate::parse(&period).expect("month and year keys are parsed dates");
        let candidates = inside(&by_date, &outer);
        let target = if candidates.len() == 1 {
            candidates[0].clone()
        } else {
            period
        };
        by_date.entry(target).or_default().extend(idx);
    }
    for (published, idx) in undated {
        let same_day = day_string(published);
        let target = if by_date.contains_key(&same_day) {
            same_day
        } else {
            let window: Vec<String> = (1..=6)
                .filter_map(|back| published.checked_sub_days(chrono::Days::new(back)))
                .map(day_string)
                .filter(|d| by_date.contains_key(d))
                .collect();
            if window.len() == 1 {
                window[0].clone()
            } else {
                same_day
            }
        };
        by_date.entry(target).or_default().extend(idx);
    }

    let mut clusters = Vec::with_capacity(by_date.len() + singles.len());
    for (date, mut idx) in by_date {
        idx.sort_unstable();
        let id = stable_id(group_key, &date);
        clusters.push(summarise(id, Some(date), idx, group_key, members));
    }
    for i in singles {
        let id = stable_id(group_key, &format!("#{}", members[i].mention));
        clusters.push(summarise(id, None, vec![i], group_key, members));
    }
    clusters
}

/// A 63-bit id from the group and the cluster's date.
pub fn stable_id(group_key: &str, date: &str) -> i64 {
    let mut hasher = Sha256::new();
    hasher.update(group_key.as_bytes());
    hasher.update([0]);
    hasher.update(date.as_bytes());
    let digest = hasher.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    (u64::from_be_bytes(first) >> 1) as i64
}

/// The most frequent value; ties go to the longer (more specific) one, then the smaller.
fn most_frequent<'a>(values: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|(a, ca), (b, cb)| {
            ca.cmp(cb).then(a.len().cmp(&b.len())).then(b.cmp(a)) // smaller string wins: reverse
        })
        .map(|(v, _)| v)
}

fn precision_rank(m: &Member) -> (u8, u8) {
    match own_date(m.date.as_deref(), m.date_source.as_deref()) {
        Some(d) => (
            0,
            match d.precision() {
                Precision::Day => 0,
                Precision::Month => 1,
                Precision::Year => 2,
            },
        ),
        None => (1, 0),
    }
}

fn summarise(
    id: i64,
    date: Option<String>,
    idx: Vec<usize>,
    group_key: &str,
    members: &[Member],
) -> Cluster {
    let cameo = most_frequent(idx.iter().map(|&i| members[i].cameo.as_str()))
        .expect("a cluster has members")
        .to_string();
    let best = *idx
        .iter()
        .filter(|&&i| members[i].cameo == cameo)
        .min_by(|&&a, &&b| {
            let (ma, mb) = (&members[a], &members[b]);
            precision_rank(ma)
                .cmp(&precision_rank(mb))
                // Earliest publication first; unknown publication last.
                .then_with(|| match (&ma.published, &mb.published) {
                    (Some(x), Some(y)) => x.cmp(y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                })
                .then(ma.mention.cmp(&mb.mention))
        })
        .expect("the most frequent code has a member");
    let lead = &members[best];
    let reciprocal = group_is_reciprocal(group_key);
    // Orient every member like the best mention: in a reciprocal group a member whose source
    // is the best mention's target is read the other way round.
    let mut sources: Vec<&str> = Vec::with_capacity(idx.len());
    let mut targets: Vec<Option<&str>> = Vec::with_capacity(idx.len());
    for &i in &idx {
        let m = &members[i];
        let reversed = reciprocal
            && m.source_key != lead.source_key
            && m.target_key.as_deref() == Some(lead.source_key.as_str());
        if reversed {
            sources.push(m.target_code.as_deref().unwrap_or(""));
            targets.push(Some(m.source_code.as_str()));
        } else {
            sources.push(m.source_code.as_str());
            targets.push(m.target_code.as_deref());
        }
    }
    let source_code = most_frequent(sources.iter().copied().filter(|s| !s.is_empty()))
        .unwrap_or(lead.source_code.as_str())
        .to_string();
    let target_code = most_frequent(targets.iter().flatten().copied()).map(str::to_string);
    let articles: HashSet<i64> = idx.iter().map(|&i| members[i].document).collect();
    let sources_seen: HashSet<&str> = idx.iter().map(|&i| members[i].publisher.as_str()).collect();
    let first_added = idx
        .iter()
        .map(|&i| members[i].added.as_str())
        .min()
        .unwrap_or("")
        .to_string();
    Cluster {
        id,
        date,
        best,
        cameo,
        source_code,
        target_code,
        source_key: lead.source_key.clone(),
        target_key: lead.target_key.clone(),
        quad_class: lead.quad_class,
        goldstein: lead.goldstein,
        num_mentions: idx.len(),
        num_articles: articles.len(),
        num_sources: sources_seen.len(),
        first_added,
        members: idx,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_reads_and_longest_prefix_wins() {
        let r = Reciprocity::bundled();
        assert!(r.is_reciprocal("041"));
        assert!(r.is_reciprocal("043"));
        assert!(!r.is_reciprocal("045"));
        assert!(r.is_reciprocal("057"));
        assert!(!r.is_reciprocal("051"));
        assert!(r.is_reciprocal("0631"));
        assert!(!r.is_reciprocal("190"));
    }

    #[test]
    fn table_errors_name_file_and_line() {
        let err = Reciprocity::parse("t.tsv", "# c\n04\treciprocal\n05\tsometimes\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tsv:3: expected `reciprocal` or `directed` after the code, found \"sometimes\""
        );
        let err = Reciprocity::parse("t.tsv", "4x\treciprocal\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tsv:1: \"4x\" is not a CAMEO code prefix (1 to 4 digits)"
        );
    }

    #[test]
    fn reciprocal_groups_ignore_direction_and_directed_ones_keep_it() {
        let r = Reciprocity::bundled();
        let g = |cameo: &str, s: &str, t: &str| {
            group_of(
                &GroupInput {
                    cameo,
                    cameo_root: &cameo[..2],
                    source_key: s,
                    target_key: Some(t),
                    date: Some("2023-03-15"),
                    date_source: Some("text"),
                    published: None,
                },
                &r,
            )
        };
        assert_eq!(g("041", "USA", "RUS"), ("04|r|RUS|USA".to_string(), 2023));
        assert_eq!(g("041", "RUS", "USA"), g("041", "USA", "RUS"));
        assert_eq!(g("190", "RUS", "UKR"), ("19|d|RUS|UKR".to_string(), 2023));
        assert_ne!(g("190", "UKR", "RUS"), g("190", "RUS", "UKR"));
    }
}
