//! Queries: events (clusters or mentions) under a filter, dyad timelines, counts per dyad.
//!
//! Queries read clusters; call [`Store::update_clusters`] first so that the latest mentions
//! are clustered (the `dyad` commands do).

use crate::dates::PartialDate;
use crate::store::Store;
use anyhow::{bail, Context, Result};
use chrono::Datelike;
use dyad_code::record::Event;
use rusqlite::params;
use rusqlite::types::Value;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// Which events a query keeps. Actor codes match by prefix (`USA` matches `USAGOVMIL`);
/// `code` is a CAMEO code prefix; `from`/`to` are dates (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`)
/// and keep the events whose date overlaps the period from the first day of `from` to the
/// last day of `to`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub source: Option<String>,
    pub target: Option<String>,
    /// Either side.
    pub actor: Option<String>,
    /// Directed: source matches the first, target the second.
    pub dyad: Option<(String, String)>,
    pub code: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

fn check_actor(what: &str, code: &str) -> Result<()> {
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        bail!("{what} {code:?} is not a CAMEO actor code (capital letters, like USA or USAGOV)");
    }
    Ok(())
}

impl Filter {
    /// Rejects codes and dates that cannot match anything, with a message naming the option.
    pub fn validate(&self) -> Result<()> {
        for (what, code) in [("--source", &self.source), ("--target", &self.target)] {
            if let Some(c) = code {
                check_actor(what, c)?;
            }
        }
        if let Some(c) = &self.actor {
            check_actor("--actor", c)?;
        }
        if let Some((a, b)) = &self.dyad {
            check_actor("--dyad", a)?;
            check_actor("--dyad", b)?;
        }
        if let Some(c) = &self.code {
            if c.is_empty() || c.len() > 4 || !c.bytes().all(|b| b.is_ascii_digit()) {
                bail!("--code {c:?} is not a CAMEO event code prefix (1 to 4 digits)");
            }
        }
        for (what, d) in [("--from", &self.from), ("--to", &self.to)] {
            if let Some(d) = d {
                if PartialDate::parse(d).is_none() {
                    bail!("{what} {d:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
                }
            }
        }
        Ok(())
    }

    /// SQL conditions (joined with AND, `1` when empty) on the columns of `codes` (a table
    /// alias with source_code, target_code, cameo) and `dates` (one with date_first,
    /// date_last).
    pub(crate) fn sql(&self, codes: &str, dates: &str, args: &mut Vec<Value>) -> String {
        let mut conds: Vec<String> = Vec::new();
        let src = format!("{codes}.source_code");
        let tgt = format!("{codes}.target_code");
        if let Some(c) = &self.source {
            conds.push(prefix_condition(&src, c, args));
        }
        if let Some(c) = &self.target {
            conds.push(prefix_condition(&tgt, c, args));
        }
        if let Some(c) = &self.actor {
            let a = prefix_condition(&src, c, args);
            let b = prefix_condition(&tgt, c, args);
            conds.push(format!("({a} OR {b})"));
        }
        if let Some((a, b)) = &self.dyad {
            conds.push(prefix_condition(&src, a, args));
            conds.push(prefix_condition(&tgt, b, args));
        }
        if let Some(c) = &self.code {
            conds.push(prefix_condition(&format!("{codes}.cameo"), c, args));
        }
        if let Some(d) = self.from.as_deref().and_then(PartialDate::parse) {
            args.push(Value::Text(crate::dates::day_string(d.first_day())));
            conds.push(format!("{dates}.date_last >= ?{}", args.len()));
        }
        if let Some(d) = self.to.as_deref().and_then(PartialDate::parse) {
            args.push(Value::Text(crate::dates::day_string(d.last_day())));
            conds.push(format!("{dates}.date_first <= ?{}", args.len()));
        }
        if conds.is_empty() {
            "1".to_string()
        } else {
            conds.join(" AND ")
        }
    }
}

/// `column` starts with `prefix`, as a range an index can use.
fn prefix_condition(column: &str, prefix: &str, args: &mut Vec<Value>) -> String {
    args.push(Value::Text(prefix.to_string()));
    let lo = args.len();
    args.push(Value::Text(prefix_end(prefix)));
    let hi = args.len();
    format!("({column} >= ?{lo} AND {column} < ?{hi})")
}

/// The smallest string greater than every string starting with `prefix` (ASCII prefixes).
fn prefix_end(prefix: &str) -> String {
    let mut bytes = prefix.as_bytes().to_vec();
    if let Some(last) = bytes.last_mut() {
        *last += 1;
    }
    String::from_utf8(bytes).unwrap_or_else(|_| prefix.to_string())
}

/// One row of an event query: a cluster and one of its mentions (the best mention when
/// listing clusters, each mention when listing mentions).
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    pub cluster_id: Option<i64>,
    /// The cluster's date (its mention's own date when the mention is not clustered yet).
    pub date: Option<String>,
    pub source_code: String,
    pub target_code: Option<String>,
    pub cameo: String,
    pub cameo_root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub num_mentions: u64,
    pub num_sources: u64,
    pub num_articles: u64,
    /// When the cluster's first document was stored, `YYYYMMDDHHMMSS`.
    pub first_added: String,
    pub mention_id: i64,
    /// The mention as the coder wrote it.
    pub event: Event,
    pub doc_id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub publisher: String,
}

impl EventRow {
    /// The record that `jsonl` and `plover-jsonl` write: the mention as coded, dated with the
    /// cluster's date, plus the cluster's id and counts.
    pub fn record(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(&self.event).unwrap_or(serde_json::Value::Null);
        if let serde_json::Value::Object(map) = &mut v {
            map.insert("date".into(), self.date.clone().into());
            map.insert("cluster_id".into(), self.cluster_id.into());
            map.insert("num_mentions".into(), self.num_mentions.into());
            map.insert("num_sources".into(), self.num_sources.into());
            map.insert("num_articles".into(), self.num_articles.into());
        }
        v
    }
}

/// A line of a timeline: one cluster.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRow {
    pub cluster_id: i64,
    pub date: String,
    /// Whether the cluster runs from the first actor asked for to the second.
    pub forward: bool,
    pub source_code: String,
    pub target_code: String,
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub num_mentions: u64,
    pub num_articles: u64,
    pub num_sources: u64,
    /// The sentence of the cluster's best mention.
    pub sentence: String,
}

/// Periods for [`Store::dyad_counts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day,
    /// ISO 8601 weeks, `2023-W11`.
    Week,
    Month,
    Year,
}

impl std::str::FromStr for Period {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Period> {
        Ok(match s {
            "day" => Period::Day,
            "week" => Period::Week,
            "month" => Period::Month,
            "year" => Period::Year,
            _ => bail!("unknown period {s:?}: expected day, week, month or year"),
        })
    }
}

impl Period {
    /// The label of the period holding `date`, or `None` when the date is less precise than
    /// the period (a month-only date has no day or week).
    pub fn label(self, date: &str) -> Option<Cow<'_, str>> {
        let d = PartialDate::parse(date)?;
        // A valid date's text already holds its year, month and day labels: slice, do not
        // allocate (dyad dyads reads a million of them).
        match self {
            Period::Year => date.get(..4).map(Cow::Borrowed),
            Period::Month => d.month.and(date.get(..7)).map(Cow::Borrowed),
            Period::Day => d.day().and(Some(Cow::Borrowed(date))),
            Period::Week => d.day().map(|day| {
                let w = day.iso_week();
                Cow::Owned(format!("{:04}-W{:02}", w.year(), w.week()))
            }),
        }
    }
}

/// Counts for one directed dyad in one period.
#[derive(Clone, Debug, PartialEq)]
pub struct DyadRow {
    pub period: String,
    pub source: String,
    /// Empty when the events have no target.
    pub target: String,
    /// Events (clusters).
    pub events: u64,
    /// Events by quad class 1 to 4.
    pub quad: [u64; 4],
    pub goldstein_sum: f64,
    /// Mentions behind the events.
    pub mentions: u64,
}

#[derive(Default)]
struct DyadTotals {
    events: u64,
    quad: [u64; 4],
    goldstein_sum: f64,
    mentions: u64,
}

/// Strings to dense ids.
#[derive(Default)]
struct Interner {
    ids: FxHashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(name.to_string(), id);
        self.names.push(name.to_string());
        id
    }

    /// Each id's position in alphabetical order.
    fn ranks(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.names.len() as u32).collect();
        order.sort_unstable_by(|a, b| self.names[*a as usize].cmp(&self.names[*b as usize]));
        let mut rank = vec![0; order.len()];
        for (r, id) in order.into_iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        rank
    }
}

/// The result of [`Store::dyad_counts`].
#[derive(Clone, Debug, PartialEq)]
pub struct DyadCounts {
    pub rows: Vec<DyadRow>,
    /// Events left out because their date is less precise than the period.
    pub less_precise: u64,
}

const EVENT_COLUMNS: &str =
    "c.id, COALESCE(c.date, m.date), COALESCE(c.source_code, m.source_code),
    COALESCE(c.target_code, m.target_code), COALESCE(c.cameo, m.cameo),
    COALESCE(c.cameo_root, m.cameo_root), COALESCE(c.quad_class, m.quad_class),
    COALESCE(c.goldstein, m.goldstein), COALESCE(c.num_mentions, 1),
    COALESCE(c.num_sources, 1), COALESCE(c.num_articles, 1), COALESCE(c.first_added, d.added),
    m.id, m.json, d.doc_id, d.url, d.title, d.publisher";

impl Store {
    /// Calls `each` for every event under `filter`, ordered by date: one row per cluster with
    /// its best mention, or with `mentions` one row per current mention with its cluster.
    /// Filters apply to the cluster's codes, or to the mention's own codes with `mentions`.
    pub fn for_each_event(
        &self,
        filter: &Filter,
        mentions: bool,
        mut each: impl FnMut(EventRow) -> Result<()>,
    ) -> Result<()> {
        filter.validate()?;
        let mut args = Vec::new();
        let sql = if mentions {
            let cond = filter.sql("m", "c", &mut args);
            format!(
                "SELECT {EVENT_COLUMNS} FROM mentions m
                 LEFT JOIN mention_cluster mc ON mc.mention = m.id
                 LEFT JOIN clusters c ON c.id = mc.cluster
                 JOIN documents d ON d.id = m.document
                 WHERE m.retired_by IS NULL AND {cond}
                 ORDER BY c.date_first, c.id, m.id"
            )
        } else {
            let cond = filter.sql("c", "c", &mut args);
            format!(
                "SELECT {EVENT_COLUMNS} FROM clusters c
                 JOIN mentions m ON m.id = c.best_mention
                 JOIN documents d ON d.id = m.document
                 WHERE {cond}
                 ORDER BY c.date_first, c.id"
            )
        };
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        while let Some(r) = rows.next()? {
            let json: String = r.get(13)?;
            let mention_id: i64 = r.get(12)?;
            let event: Event = serde_json::from_str(&json)
                .with_context(|| format!("stored mention {mention_id} does not parse"))?;
            let count = |i: usize| -> rusqlite::Result<u64> { Ok(r.get::<_, i64>(i)? as u64) };
            each(EventRow {
                cluster_id: r.get(0)?,
                date: r.get(1)?,
                source_code: r.get(2)?,
                target_code: r.get(3)?,
                cameo: r.get(4)?,
                cameo_root: r.get(5)?,
                quad_class: r.get(6)?,
                goldstein: r.get(7)?,
                num_mentions: count(8)?,
                num_sources: count(9)?,
                num_articles: count(10)?,
                first_added: r.get(11)?,
                mention_id,
                event,
                doc_id: r.get(14)?,
                url: r.get(15)?,
                title: r.get(16)?,
                publisher: r.get(17)?,
            })?;
        }
        Ok(())
    }

    /// All events under `filter`, collected (see [`Store::for_each_event`]).
    pub fn events(&self, filter: &Filter, mentions: bool) -> Result<Vec<EventRow>> {
        let mut out = Vec::new();
        self.for_each_event(filter, mentions, |row| {
            out.push(row);
            Ok(())
        })?;
        Ok(out)
    }

    /// The dated clusters between `a` and `b` in both directions, by date. `a` and `b` are
    /// actor code prefixes (`USA`, `USAGOVMIL`); `code` a CAMEO code prefix.
    pub fn timeline(&self, a: &str, b: &str, code: Option<&str>) -> Result<Vec<TimelineRow>> {
        check_actor("the first actor", a)?;
        check_actor("the second actor", b)?;
        // The actor keys (countries, or whole codes of actors without one) that codes starting
        // with `a` and `b` have: the index on (source_key, target_key) then finds the dyad's
        // clusters directly, and the code prefixes filter them.
        let (keys_a, keys_b) = (self.keys_for(a)?, self.keys_for(b)?);
        if keys_a.is_empty() || keys_b.is_empty() {
            return Ok(Vec::new());
        }
        let mut args = Vec::new();
        let mut direction = |from: &str, to: &str, from_keys: &[String], to_keys: &[String]| {
            let list = |keys: &[String], args: &mut Vec<Value>| {
                keys.iter()
                    .map(|k| {
                        args.push(Value::Text(k.clone()));
                        format!("?{}", args.len())
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let sk = list(from_keys, &mut args);
            let tk = list(to_keys, &mut args);
            format!(
                "(c.source_key IN ({sk}) AND c.target_key IN ({tk}) AND {} AND {})",
                prefix_condition("c.source_code", from, &mut args),
                prefix_condition("c.target_code", to, &mut args)
            )
        };
        let ab = direction(a, b, &keys_a, &keys_b);
        let ba = direction(b, a, &keys_b, &keys_a);
        let code_cond = match code {
            Some(c) => {
                let f = Filter {
                    code: Some(c.to_string()),
                    ..Filter::default()
                };
                f.validate()?;
                format!("AND {}", f.sql("c", "c", &mut args))
            }
            None => String::new(),
        };
        let sql = format!(
            "SELECT c.id, c.date, c.source_code, c.target_code, c.cameo, c.quad_class, c.goldstein,
                    c.num_mentions, c.num_articles, c.num_sources, c.sentence
             FROM clusters c
             WHERE ({ab} OR {ba}) AND c.date IS NOT NULL {code_cond}
             ORDER BY c.date_first, c.source_code, c.target_code, c.cameo, c.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            let source_code: String = r.get(2)?;
            Ok(TimelineRow {
                cluster_id: r.get(0)?,
                date: r.get(1)?,
                forward: source_code.starts_with(a),
                source_code,
                target_code: r.get(3)?,
                cameo: r.get(4)?,
                quad_class: r.get(5)?,
                goldstein: r.get(6)?,
                num_mentions: r.get::<_, i64>(7)? as u64,
                num_articles: r.get::<_, i64>(8)? as u64,
                num_sources: r.get::<_, i64>(9)? as u64,
                sentence: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The actor keys of the stored actors whose codes start with `prefix`.
    fn keys_for(&self, prefix: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT COALESCE(NULLIF(country, ''), code) FROM actors
             WHERE code >= ?1 AND code < ?2",
        )?;
        let keys = stmt
            .query_map(params![prefix, prefix_end(prefix)], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(keys)
    }

    /// Events per directed dyad and period: counts by quad class, Goldstein sums, mentions.
    /// Dyads are countries (actor keys: the country, else the whole code) unless `full_codes`.
    /// Rows are sorted by period, source, target.
    pub fn dyad_counts(
        &self,
        period: Period,
        filter: &Filter,
        full_codes: bool,
    ) -> Result<DyadCounts> {
        filter.validate()?;
        let mut args = Vec::new();
        let cond = filter.sql("c", "c", &mut args);
        let (src, tgt) = if full_codes {
            ("c.source_code", "c.target_code")
        } else {
            ("c.source_key", "c.target_key")
        };
        let sql = format!(
            "SELECT c.date, {src}, {tgt}, c.quad_class, c.goldstein, c.num_mentions
             FROM clusters c WHERE c.date IS NOT NULL AND {cond}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        // Periods and codes are interned to small integers: the loop runs once per event, so
        // it neither allocates nor compares strings after the first sight of a value.
        let mut periods = Interner::default();
        let mut codes = Interner::default();
        let mut index: FxHashMap<(u32, u32, u32), usize> = FxHashMap::default();
        let mut totals: Vec<((u32, u32, u32), DyadTotals)> = Vec::new();
        let mut less_precise = 0;
        while let Some(r) = rows.next()? {
            let date = r.get_ref(0)?.as_str()?;
            let Some(label) = period.label(date) else {
                less_precise += 1;
                continue;
            };
            let key = (
                periods.id(&label),
                codes.id(r.get_ref(1)?.as_str()?),
                codes.id(r.get_ref(2)?.as_str_or_null()?.unwrap_or("")),
            );
            let i = *index.entry(key).or_insert_with(|| {
                totals.push((key, DyadTotals::default()));
                totals.len() - 1
            });
            let t = &mut totals[i].1;
            t.events += 1;
            let quad: i64 = r.get(3)?;
            if (1..=4).contains(&quad) {
                t.quad[quad as usize - 1] += 1;
            }
            t.goldstein_sum += r.get::<_, f64>(4)?;
            t.mentions += r.get::<_, i64>(5)? as u64;
        }
        let (period_rank, code_rank) = (periods.ranks(), codes.ranks());
        totals.sort_unstable_by_key(|((p, s, t), _)| {
            (
                period_rank[*p as usize],
                code_rank[*s as usize],
                code_rank[*t as usize],
            )
        });
        let out = totals
            .into_iter()
            .map(|((p, s, t), x)| DyadRow {
                period: periods.names[p as usize].clone(),
                source: codes.names[s as usize].clone(),
                target: codes.names[t as usize].clone(),
                events: x.events,
                quad: x.quad,
                goldstein_sum: x.goldstein_sum,
                mentions: x.mentions,
            })
            .collect();
        Ok(DyadCounts {
            rows: out,
            less_precise,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_label_dates_as_precise_as_they_allow() {
        assert_eq!(
            Period::Week.label("2023-03-15").as_deref(),
            Some("2023-W11")
        );
        assert_eq!(
            Period::Week.label("2021-01-01").as_deref(),
            Some("2020-W53")
        );
        assert_eq!(
            Period::Month.label("2023-03-15").as_deref(),
            Some("2023-03")
        );
        assert_eq!(Period::Month.label("2023"), None);
        assert_eq!(Period::Day.label("2023-03"), None);
        assert_eq!(Period::Year.label("2023-03").as_deref(), Some("2023"));
    }

    #[test]
    fn prefixes_become_ranges() {
        assert_eq!(prefix_end("USA"), "USB");
        assert_eq!(prefix_end("04"), "05");
        assert_eq!(prefix_end("09"), "0:");
    }

    #[test]
    fn bad_filters_name_the_option() {
        let f = Filter {
            source: Some("usa".into()),
            ..Filter::default()
        };
        assert_eq!(
            f.validate().unwrap_err().to_string(),
            "--source \"usa\" is not a CAMEO actor code (capital letters, like USA or USAGOV)"
        );
        let f = Filter {
            from: Some("2023-02-30".into()),
            ..Filter::default()
        };
        assert_eq!(
            f.validate().unwrap_err().to_string(),
            "--from \"2023-02-30\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        );
    }
}
