//! The CoNLL 2018 shared task metrics for UD parsing, computed the way its official
//! evaluation does it.
//!
//! Gold and system files must spell out the same characters once white space is removed;
//! tokens and sentences are compared by their character spans over that text, words are
//! aligned (see [`align`]), and the tag, lemma and tree metrics count over aligned words.

mod align;
mod load;

use std::fmt;

use crate::conllu::{self, Sentence};

/// Counts for one metric. Precision is over system items, recall over gold items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Score {
    pub gold: usize,
    pub system: usize,
    pub correct: usize,
    /// The number of aligned words the metric looked at, for metrics computed over aligned
    /// words (all but Tokens, Sentences and Words).
    pub aligned: Option<usize>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.system)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    pub fn f1(&self) -> f64 {
        ratio(2 * self.correct, self.gold + self.system)
    }

    /// Correct over aligned words: the score as if tokenization were perfect.
    pub fn aligned_accuracy(&self) -> Option<f64> {
        self.aligned.map(|a| ratio(self.correct, a))
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// All the metrics of the CoNLL 2018 shared task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Metrics {
    pub tokens: Score,
    pub sentences: Score,
    pub words: Score,
    pub upos: Score,
    pub xpos: Score,
    pub ufeats: Score,
    /// UPOS, XPOS and UFeats all right.
    pub alltags: Score,
    pub lemmas: Score,
    pub uas: Score,
    pub las: Score,
    /// LAS over content words only.
    pub clas: Score,
    /// CLAS that also requires UPOS, UFeats and the function words attached to the word.
    pub mlas: Score,
    /// CLAS that also requires the lemma.
    pub blex: Score,
}

impl Metrics {
    /// The metrics with the names the shared task used, in its order.
    pub fn named(&self) -> [(&'static str, Score); 13] {
        [
            ("Tokens", self.tokens),
            ("Sentences", self.sentences),
            ("Words", self.words),
            ("UPOS", self.upos),
            ("XPOS", self.xpos),
            ("UFeats", self.ufeats),
            ("AllTags", self.alltags),
            ("Lemmas", self.lemmas),
            ("UAS", self.uas),
            ("LAS", self.las),
            ("CLAS", self.clas),
            ("MLAS", self.mlas),
            ("BLEX", self.blex),
        ]
    }

    /// A text table in percent, one metric per line, laid out like the shared task's.
    pub fn table(&self) -> String {
        table(&self.named())
    }

    /// One JSON object keyed by metric name: see [`json`].
    pub fn to_json(&self) -> String {
        json(&self.named())
    }
}

/// A text table in percent of the given metrics, laid out like the shared task's.
pub fn table(scores: &[(&str, Score)]) -> String {
    let mut out = String::from(
        "Metric     | Precision |    Recall |  F1 Score | AligndAcc\n\
         -----------+-----------+-----------+-----------+-----------\n",
    );
    for (name, score) in scores {
        out.push_str(&format!(
            "{:<11}|{:>10.2} |{:>10.2} |{:>10.2} |",
            name,
            100.0 * score.precision(),
            100.0 * score.recall(),
            100.0 * score.f1()
        ));
        if let Some(accuracy) = score.aligned_accuracy() {
            out.push_str(&format!("{:>10.2}", 100.0 * accuracy));
        }
        out.push('\n');
    }
    out
}

/// One JSON object keyed by metric name; each value holds `precision`, `recall`, `f1` and
/// `aligned_accuracy` (null where it does not apply) in percent, rounded to 4 decimals, and
/// the counts `gold`, `system`, `correct` and `aligned`.
pub fn json(scores: &[(&str, Score)]) -> String {
    let number = |x: f64| format!("{}", (x * 1e6).round() / 1e4);
    let mut out = String::from("{");
    for (i, (name, score)) in scores.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let (accuracy, aligned) = match (score.aligned_accuracy(), score.aligned) {
            (Some(acc), Some(n)) => (number(acc), n.to_string()),
            _ => ("null".to_string(), "null".to_string()),
        };
        out.push_str(&format!(
            "\"{}\":{{\"precision\":{},\"recall\":{},\"f1\":{},\"aligned_accuracy\":{accuracy},\
             \"gold\":{},\"system\":{},\"correct\":{},\"aligned\":{aligned}}}",
            json_escape(name),
            number(score.precision()),
            number(score.recall()),
            number(score.f1()),
            score.gold,
            score.system,
            score.correct,
        ));
    }
    out.push('}');
    out
}

fn json_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Which of the two files an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Gold,
    System,
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Gold => "gold",
            Side::System => "system",
        })
    }
}

/// Why two files could not be scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvalError {
    /// A file is not CoNLL-U.
    Syntax { side: Side, error: conllu::Error },
    /// A file is CoNLL-U but breaks a rule the scoring relies on: each sentence a tree with
    /// one root, and no form made only of white space. `line` is 0 when unknown.
    Invalid {
        side: Side,
        line: usize,
        message: String,
    },
    /// The files do not spell the same text. `offset` counts characters, white space
    /// excluded; the excerpts are up to 20 characters from there.
    TextMismatch {
        offset: usize,
        gold: String,
        system: String,
    },
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Syntax { side, error } => write!(f, "{side} file, {error}"),
            EvalError::Invalid {
                side,
                line: 0,
                message,
            } => write!(f, "{side} file: {message}"),
            EvalError::Invalid {
                side,
                line,
                message,
            } => write!(f, "{side} file, line {line}: {message}"),
            EvalError::TextMismatch {
                offset,
                gold,
                system,
            } => write!(
                f,
                "the gold and system files do not hold the same text: their forms, white space \
                 removed, differ from character {offset} on (gold: {gold:?}, system: {system:?})"
            ),
        }
    }
}

impl std::error::Error for EvalError {}

/// Scores a system CoNLL-U text against a gold one.
pub fn evaluate(gold: &str, system: &str) -> Result<Metrics, EvalError> {
    let gold = conllu::parse(gold).map_err(|error| EvalError::Syntax {
        side: Side::Gold,
        error,
    })?;
    let system = conllu::parse(system).map_err(|error| EvalError::Syntax {
        side: Side::System,
        error,
    })?;
    evaluate_sentences(&gold, &system)
}

/// Scores already parsed system sentences against gold ones.
pub fn evaluate_sentences(gold: &[Sentence], system: &[Sentence]) -> Result<Metrics, EvalError> {
    let invalid = |side| {
        move |e: load::LoadError| EvalError::Invalid {
            side,
            line: e.line,
            message: e.message,
        }
    };
    let gold = load::load(gold).map_err(invalid(Side::Gold))?;
    let system = load::load(system).map_err(invalid(Side::System))?;
    if gold.chars != system.chars {
        let offset = gold
            .chars
            .iter()
            .zip(&system.chars)
            .take_while(|(g, s)| g == s)
            .count();
        let excerpt = |chars: &[char]| chars.iter().skip(offset).take(20).collect();
        return Err(EvalError::TextMismatch {
            offset,
            gold: excerpt(&gold.chars),
            system: excerpt(&system.chars),
        });
    }
    let alignment = align::align(&gold.words, &system.words);
    let scorer = Scorer {
        gold: &gold.words,
        system: &system.words,
        alignment: &alignment,
    };
    let content = |w: &load::EvalWord| w.is_content;
    Ok(Metrics {
        tokens: span_score(&gold.tokens, &system.tokens),
        sentences: span_score(&gold.sentences, &system.sentences),
        words: Score {
            gold: gold.words.len(),
            system: system.words.len(),
            correct: alignment.pairs.len(),
            aligned: None,
        },
        upos: scorer.score(None, |g, s| g.upos == s.upos),
        xpos: scorer.score(None, |g, s| g.xpos == s.xpos),
        ufeats: scorer.score(None, |g, s| g.feats == s.feats),
        alltags: scorer.score(None, |g, s| {
            g.upos == s.upos && g.xpos == s.xpos && g.feats == s.feats
        }),
        lemmas: scorer.score(None, lemma_matches),
        uas: scorer.score(None, |g, s| scorer.same_parent(g, s)),
        las: scorer.score(None, |g, s| {
            scorer.same_parent(g, s) && g.deprel == s.deprel
        }),
        clas: scorer.score(Some(content), |g, s| {
            scorer.same_parent(g, s) && g.deprel == s.deprel
        }),
        mlas: scorer.score(Some(content), |g, s| {
            scorer.same_parent(g, s)
                && g.deprel == s.deprel
                && g.upos == s.upos
                && g.feats == s.feats
                && scorer.same_function_children(g, s)
        }),
        blex: scorer.score(Some(content), |g, s| {
            scorer.same_parent(g, s) && g.deprel == s.deprel && lemma_matches(g, s)
        }),
    })
}

/// A gold lemma `_` means the treebank has no lemmas there, so any system lemma passes.
fn lemma_matches(gold: &load::EvalWord, system: &load::EvalWord) -> bool {
    gold.lemma == "_" || gold.lemma == system.lemma
}

/// Spans are correct when both ends match; spans are in text order on both sides.
fn span_score(gold: &[load::CharSpan], system: &[load::CharSpan]) -> Score {
    let (mut g, mut s, mut correct) = (0, 0, 0);
    while g < gold.len() && s < system.len() {
        if system[s].start < gold[g].start {
            s += 1;
        } else if gold[g].start < system[s].start {
            g += 1;
        } else {
            correct += usize::from(gold[g].end == system[s].end);
            g += 1;
            s += 1;
        }
    }
    Score {
        gold: gold.len(),
        system: system.len(),
        correct,
        aligned: None,
    }
}

struct Scorer<'a> {
    gold: &'a [load::EvalWord],
    system: &'a [load::EvalWord],
    alignment: &'a align::Alignment,
}

impl Scorer<'_> {
    /// Counts words passing `filter` on each side (the gold word decides for aligned
    /// pairs), and the aligned pairs that `correct` accepts.
    fn score(
        &self,
        filter: Option<fn(&load::EvalWord) -> bool>,
        correct: impl Fn(&load::EvalWord, &load::EvalWord) -> bool,
    ) -> Score {
        let keep = |w: &load::EvalWord| filter.is_none_or(|f| f(w));
        let (mut aligned, mut right) = (0, 0);
        for &(g, s) in &self.alignment.pairs {
            let (g, s) = (&self.gold[g], &self.system[s]);
            if keep(g) {
                aligned += 1;
                right += usize::from(correct(g, s));
            }
        }
        Score {
            gold: self.gold.iter().filter(|w| keep(w)).count(),
            system: self.system.iter().filter(|w| keep(w)).count(),
            correct: right,
            aligned: Some(aligned),
        }
    }

    /// Both are roots, or the system head is aligned with the gold head.
    fn same_parent(&self, gold: &load::EvalWord, system: &load::EvalWord) -> bool {
        match (gold.parent, system.parent) {
            (None, None) => true,
            (Some(g), Some(s)) => self.alignment.gold_of_system[s] == Some(g),
            _ => false,
        }
    }

    fn same_function_children(&self, gold: &load::EvalWord, system: &load::EvalWord) -> bool {
        gold.function_children.len() == system.function_children.len()
            && gold
                .function_children
                .iter()
                .zip(&system.function_children)
                .all(|(&gc, &sc)| {
                    let (g, s) = (&self.gold[gc], &self.system[sc]);
                    self.alignment.gold_of_system[sc] == Some(gc)
                        && g.deprel == s.deprel
                        && g.upos == s.upos
                        && g.feats == s.feats
                })
    }
}
