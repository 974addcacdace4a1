//! `dyad eval-events`: precision and recall of the coder against hand-coded events, at the
//! level of (PLOVER type, source country, target country).
//!
//! Three kinds of gold are read, by file name:
//! - `*.jsonl`: real sentences referenced by document id and character offsets into
//!   `../shared/data/news/te3-silver.jsonl` (the news text is never copied into the repo).
//!   The whole document is coded; the events of the sentences that overlap the gold
//!   sentence are scored against it.
//! - `*.tsv`: sentences we wrote, with a date and their events (`PLOVER:ROOT:SRC>TGT;...`).
//! - `*.txt`: sentences we wrote that must yield no event (one a line).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use dyad_code::{Event, SourceDocument};
use serde::Deserialize;
use sha1_smol::Sha1;

use crate::code::CodingArgs;
use crate::coding::Engine;

#[derive(clap::Args)]
pub struct Args {
    /// Gold files: `.jsonl` (real sentences), `.tsv` (written sentences with events) or
    /// `.txt` (written sentences with none).
    #[arg(required = true)]
    pub gold: Vec<PathBuf>,
    /// The news the `.jsonl` gold points into.
    #[arg(long, default_value = "../shared/data/news/te3-silver.jsonl")]
    pub news: PathBuf,
    /// Print every error.
    #[arg(long)]
    pub errors: bool,
    /// Score another coder's hand coding instead of dyad's output: a `.jsonl` file in the
    /// gold format. Only the `.jsonl` gold sentences it also codes (same `doc_id` and
    /// `start`) are scored; this measures how far two readers agree.
    #[arg(long, value_name = "FILE")]
    pub coder: Option<PathBuf>,
    #[command(flatten)]
    pub coding: CodingArgs,
}

/// One event at the level that is scored.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub plover: String,
    pub source: String,
    pub target: String,
    pub symmetric: bool,
}

impl Key {
    /// Whether system event `other` is this gold event.
    fn matches(&self, other: &Key) -> bool {
        self.plover == other.plover
            && ((same_actor(&self.source, &other.source)
                && same_actor(&self.target, &other.target))
                || (self.symmetric
                    && same_actor(&self.source, &other.target)
                    && same_actor(&self.target, &other.source)))
    }
}

/// A gold actor and a system actor are the same when their keys are equal, or when the gold
/// names an organisation at a coarser level than the system: the gold codes every UN organ
/// and agency `IGOUNO` (gold/README.md), so the system's `IGOUNOHLHWHO` (WHO) is `IGOUNO`.
/// Countries are three letters and compare whole.
fn same_actor(gold: &str, system: &str) -> bool {
    gold == system || (gold.len() > 3 && system.starts_with(gold))
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}>{}", self.plover, self.source, self.target)
    }
}

/// A scored sentence: what gold says and what dyad said.
pub struct Case {
    pub label: String,
    pub gold: Vec<Key>,
    pub system: Vec<Key>,
}

#[derive(Default, Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub true_positives: usize,
    pub system: usize,
    pub gold: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.system == 0 {
            1.0
        } else {
            self.true_positives as f64 / self.system as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.true_positives as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores cases, each system event matching at most one gold event.
pub fn score(cases: &[Case]) -> Score {
    let mut s = Score::default();
    for c in cases {
        s.gold += c.gold.len();
        s.system += c.system.len();
        let mut used = vec![false; c.gold.len()];
        for k in &c.system {
            if let Some(i) = (0..c.gold.len()).find(|&i| !used[i] && c.gold[i].matches(k)) {
                used[i] = true;
                s.true_positives += 1;
            }
        }
    }
    s
}

fn actor_key(a: Option<&dyad_code::Actor>) -> String {
    match a {
        None => "-".into(),
        Some(a) => a.country.clone().unwrap_or_else(|| a.code.clone()),
    }
}

fn system_key(e: &Event) -> Key {
    Key {
        plover: e.plover.event.clone(),
        source: actor_key(Some(&e.source)),
        target: actor_key(e.target.as_ref()),
        symmetric: false,
    }
}

#[derive(Deserialize)]
struct GoldSentence {
    doc_id: String,
    published: Option<String>,
    start: usize,
    end: usize,
    sha1_8: String,
    events: Vec<GoldEvent>,
}

#[derive(Deserialize)]
struct GoldEvent {
    plover: String,
    source: Option<String>,
    target: Option<String>,
    #[serde(default)]
    symmetric: bool,
}

#[derive(Deserialize)]
struct NewsDocument {
    id: String,
    text: String,
    date: Option<String>,
}

/// Reads the gold of one file and codes what it needs.
pub fn cases(engine: &Engine, gold: &Path, news: &Path) -> anyhow::Result<Vec<Case>> {
    let text =
        std::fs::read_to_string(gold).with_context(|| format!("cannot read {}", gold.display()))?;
    let name = gold.display().to_string();
    match gold.extension().and_then(|e| e.to_str()) {
        Some("jsonl") => jsonl_cases(engine, &name, &text, news),
        Some("tsv") => tsv_cases(engine, &name, &text),
        Some("txt") => Ok(text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| Case {
                label: l.to_string(),
                gold: Vec::new(),
                system: code_sentence(engine, l, None),
            })
            .collect()),
        _ => bail!("{name}: unknown gold format (expected .jsonl, .tsv or .txt)"),
    }
}

fn code_sentence(engine: &Engine, text: &str, date: Option<&str>) -> Vec<Key> {
    let src = SourceDocument {
        id: "gold".into(),
        text: text.to_string(),
        published: date.map(str::to_string),
        ..SourceDocument::default()
    };
    engine
        .code(&src, None)
        .events
        .iter()
        .map(system_key)
        .collect()
}

fn jsonl_cases(engine: &Engine, name: &str, text: &str, news: &Path) -> anyhow::Result<Vec<Case>> {
    let gold = parse_gold_sentences(name, text)?;
    let wanted: std::collections::HashSet<&str> =
        gold.iter().map(|(_, g)| g.doc_id.as_str()).collect();
    let news_text =
        std::fs::read_to_string(news).with_context(|| format!("cannot read {}", news.display()))?;
    let mut docs: HashMap<String, NewsDocument> = HashMap::new();
    for line in news_text.lines() {
        let d: NewsDocument = serde_json::from_str(line)
            .with_context(|| format!("{}: not a news document", news.display()))?;
        if wanted.contains(d.id.as_str()) {
            docs.insert(d.id.clone(), d);
        }
    }
    // Code each document once.
    let mut coded: HashMap<String, Vec<Event>> = HashMap::new();
    let mut out = Vec::new();
    for (line, g) in &gold {
        let Some(doc) = docs.get(&g.doc_id) else {
            bail!(
                "{name}:{line}: document {} is not in the news file",
                g.doc_id
            );
        };
        let chars: Vec<char> = doc.text.chars().collect();
        if g.end > chars.len() || g.start >= g.end {
            bail!("{name}:{line}: offsets {}..{} out of range", g.start, g.end);
        }
        let sentence: String = chars[g.start..g.end].iter().collect();
        let digest = Sha1::from(sentence.as_bytes()).digest().to_string();
        if !digest.starts_with(&g.sha1_8) {
            bail!(
                "{name}:{line}: the sentence at {}..{} has changed (sha1 {})",
                g.start,
                g.end,
                &digest[..8]
            );
        }
        let events = coded.entry(g.doc_id.clone()).or_insert_with(|| {
            let src = SourceDocument {
                id: doc.id.clone(),
                text: doc.text.clone(),
                published: g.published.clone().or_else(|| doc.date.clone()),
                ..SourceDocument::default()
            };
            engine.code(&src, None).events
        });
        let system = events
            .iter()
            .filter(|e| e.sentence.start < g.end && e.sentence.end > g.start)
            .map(system_key)
            .collect();
        out.push(Case {
            label: format!("{name}:{line} {sentence}"),
            gold: gold_keys(&g.events),
            system,
        });
    }
    Ok(out)
}

fn gold_keys(events: &[GoldEvent]) -> Vec<Key> {
    events
        .iter()
        .map(|e| Key {
            plover: e.plover.clone(),
            source: e.source.clone().unwrap_or_else(|| "-".into()),
            target: e.target.clone().unwrap_or_else(|| "-".into()),
            symmetric: e.symmetric,
        })
        .collect()
}

/// The sentences of a `.jsonl` file in the gold format, with their line numbers.
fn parse_gold_sentences(name: &str, text: &str) -> anyhow::Result<Vec<(usize, GoldSentence)>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldSentence =
            serde_json::from_str(line).with_context(|| format!("{name}:{}", i + 1))?;
        out.push((i + 1, g));
    }
    Ok(out)
}

fn read_gold_sentences(path: &Path) -> anyhow::Result<Vec<(usize, GoldSentence)>> {
    if path.extension().and_then(|e| e.to_str()) != Some("jsonl") {
        bail!(
            "{}: a coder is compared on `.jsonl` gold only",
            path.display()
        );
    }
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse_gold_sentences(&path.display().to_string(), &text)
}

/// Another coder's hand coding, read once: its sentences by document and start.
pub struct OtherCoder {
    path: PathBuf,
    sentences: HashMap<(String, usize), GoldSentence>,
}

impl OtherCoder {
    pub fn read(path: &Path) -> anyhow::Result<OtherCoder> {
        let sentences = read_gold_sentences(path)?
            .into_iter()
            .map(|(_, g)| ((g.doc_id.clone(), g.start), g))
            .collect();
        Ok(OtherCoder {
            path: path.to_path_buf(),
            sentences,
        })
    }

    /// Cases where the "system" is this coder: the gold sentences it also codes.
    pub fn cases(&self, gold: &Path) -> anyhow::Result<Vec<Case>> {
        let mut out = Vec::new();
        for (line, g) in read_gold_sentences(gold)? {
            let Some(other) = self.sentences.get(&(g.doc_id.clone(), g.start)) else {
                continue;
            };
            if other.sha1_8 != g.sha1_8 || other.end != g.end {
                bail!(
                    "{}:{line}: {} codes a different sentence at {} {}",
                    gold.display(),
                    self.path.display(),
                    g.doc_id,
                    g.start
                );
            }
            out.push(Case {
                label: format!("{}:{line} {} {}", gold.display(), g.doc_id, g.start),
                gold: gold_keys(&g.events),
                system: gold_keys(&other.events),
            });
        }
        Ok(out)
    }
}

/// Who is scored against the gold: dyad, or another coder's file.
enum Scored {
    Dyad(Box<Engine>),
    Coder(OtherCoder),
}

fn tsv_cases(engine: &Engine, name: &str, text: &str) -> anyhow::Result<Vec<Case>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let [sentence, date, events] = f.as_slice() else {
            bail!("{name}:{}: expected sentence, date, events", i + 1);
        };
        let mut gold = Vec::new();
        if *events != "-" {
            for e in events.split(';') {
                let parts: Vec<&str> = e.split(':').collect();
                let [plover, _root, dyad] = parts.as_slice() else {
                    bail!("{name}:{}: cannot read event `{e}`", i + 1);
                };
                let Some((s, t)) = dyad.split_once('>') else {
                    bail!("{name}:{}: cannot read event `{e}`", i + 1);
                };
                gold.push(Key {
                    plover: plover.to_string(),
                    source: s.to_string(),
                    target: t.to_string(),
                    symmetric: matches!(*plover, "CONSULT" | "AGREE" | "COOPERATE"),
                });
            }
        }
        out.push(Case {
            label: format!("{name}:{} {sentence}", i + 1),
            gold,
            system: code_sentence(engine, sentence, Some(date)),
        });
    }
    Ok(out)
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let scored = match &args.coder {
        Some(coder) => Scored::Coder(OtherCoder::read(coder)?),
        None => Scored::Dyad(Box::new(args.coding.engine()?)),
    };
    for gold in &args.gold {
        let cases = match &scored {
            Scored::Dyad(engine) => cases(engine, gold, &args.news)?,
            Scored::Coder(coder) => coder.cases(gold)?,
        };
        let s = score(&cases);
        println!(
            "{}: {} sentences, gold {}, system {}, correct {}: precision {:.3}, recall {:.3}, F1 {:.3}",
            gold.display(),
            cases.len(),
            s.gold,
            s.system,
            s.true_positives,
            s.precision(),
            s.recall(),
            s.f1()
        );
        if args.errors {
            for c in &cases {
                let one = score(std::slice::from_ref(c));
                if one.true_positives != one.gold || one.true_positives != one.system {
                    let g: Vec<String> = c.gold.iter().map(|k| k.to_string()).collect();
                    let sys: Vec<String> = c.system.iter().map(|k| k.to_string()).collect();
                    println!(
                        "  {}\n    gold:   {}\n    system: {}",
                        c.label,
                        g.join(" "),
                        sys.join(" ")
                    );
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(plover: &str, source: &str, target: &str, symmetric: bool) -> Key {
        Key {
            plover: plover.into(),
            source: source.into(),
            target: target.into(),
            symmetric,
        }
    }

    #[test]
    fn a_finer_organisation_code_is_the_gold_organisation() {
        let gold = key("CONSULT", "USA", "IGOUNO", false);
        assert!(gold.matches(&key("CONSULT", "USA", "IGOUNOHLHWHO", false)));
        assert!(gold.matches(&key("CONSULT", "USA", "IGOUNO", false)));
        // A coarser or different system code, or a country, is not.
        assert!(!key("CONSULT", "USA", "IGOUNOHLHWHO", false)
            .matches(&key("CONSULT", "USA", "IGOUNO", false)));
        assert!(!gold.matches(&key("CONSULT", "USA", "IGOEUREEC", false)));
        assert!(!key("CONSULT", "USA", "RUS", false).matches(&key("CONSULT", "USA", "RUSX", false)));
    }

    #[test]
    fn a_symmetric_gold_event_matches_either_direction_and_scores_once() {
        let gold = key("CONSULT", "IGOUNO", "IRN", true);
        let cases = [Case {
            label: "a meeting".into(),
            gold: vec![gold],
            system: vec![
                key("CONSULT", "IRN", "IGOUNOIAEA", false),
                key("CONSULT", "IGOUNO", "IRN", false),
            ],
        }];
        let s = score(&cases);
        assert_eq!((s.gold, s.system, s.true_positives), (1, 2, 1));
    }

    #[test]
    fn a_coder_file_is_scored_on_the_sentences_it_shares_with_the_gold() {
        let dir = tempfile::tempdir().unwrap();
        let gold = dir.path().join("gold.jsonl");
        let coder = dir.path().join("coder.jsonl");
        let rec = |start: usize, events: &str| {
            format!(
                r#"{{"doc_id":"D","published":"2006-01-01","start":{start},"end":{},"sha1_8":"0000000{start}","events":[{events}]}}"#,
                start + 10
            )
        };
        let talks = r#"{"plover":"CONSULT","source":"USA","target":"RUS","symmetric":true}"#;
        let talks_back = r#"{"plover":"CONSULT","source":"RUS","target":"USA"}"#;
        let blame = r#"{"plover":"ACCUSE","source":"RUS","target":"USA"}"#;
        std::fs::write(&gold, [rec(1, talks), rec(2, ""), rec(3, blame)].join("\n")).unwrap();
        // The coder reads sentence 1 the other way round and sees an accusation in 2; it
        // does not code sentence 3, which is then left out.
        std::fs::write(&coder, [rec(1, talks_back), rec(2, blame)].join("\n")).unwrap();
        let cases = OtherCoder::read(&coder).unwrap().cases(&gold).unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(
            score(&cases),
            Score {
                true_positives: 1,
                system: 2,
                gold: 1
            }
        );
        // A coder whose sentence differs from the gold's is refused, naming the place.
        std::fs::write(&coder, rec(1, "").replace("00000001", "ffffffff")).unwrap();
        let err = OtherCoder::read(&coder)
            .and_then(|c| c.cases(&gold))
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("gold.jsonl:1:"), "{err}");
    }
}
