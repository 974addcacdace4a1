//! A sentence seen by the coder: the [`View`] with its indexes (children, mentions, dates
//! per word), its token accessors, and the [`Match`] that a pattern yields. The matching
//! itself is in the sibling files, one concern each.

mod actors;
mod clause;
mod modality;
mod nouns;
mod places;
mod subjects;
mod verbs;

use dyad_text::{Document, Sentence, Span, Upos};
use rustc_hash::FxHashSet;

use crate::coder::lexicon::Lexicon;
use crate::input::{ActorMention, DateMention};

/// A reference to one actor of one mention in the sentence.
pub(super) type ActorAt = (usize, usize);

/// A pattern that matched, with its roles.
pub(super) struct Match {
    pub(super) sources: Vec<ActorAt>,
    pub(super) targets: Vec<ActorAt>,
    /// Whether the pattern names a target.
    pub(super) wants_target: bool,
    pub(super) trigger: Vec<usize>,
    pub(super) consumed: Vec<usize>,
    score: usize,
    /// The source is a state that no word names as the actor, and the rule suffix that
    /// says which: the state of the place ("were arrested in Sydney": `+state-of-place`) or,
    /// with no place, of the people acted on ("Ten Vietnamese men were sentenced":
    /// `+state-of-the-accused`).
    pub(super) implied_state: Option<&'static str>,
    /// The source is a plural common noun ("Rival Lebanese leaders"), a group that may be
    /// both sides of a reciprocal act.
    pub(super) plural_source: bool,
    /// The target was read from "the country" back to a country named before it.
    pub(super) target_anaphor: bool,
    /// The source was read from a possessive pronoun ("his talks with") back to the subject
    /// of the clause around it.
    pub(super) source_pronoun_owner: bool,
    /// An armed force goes to or stays in the target's place: a military presence (074),
    /// read from a presence pattern or a verb of visiting ("French troops arrived in Durres").
    pub(super) armed_presence: bool,
    /// The source is an armed force (an `armed` noun of `data/modality.tsv`): its act may be
    /// re-coded by a `code armed` line ("troops backing the government": 062).
    pub(super) armed_source: bool,
    /// The sources are "the two countries" (or leaders, sides) named before: each pair of
    /// them is one event, the earlier-named as source.
    pub(super) two_sides: bool,
    /// The source is the people of the place where a protest named by no one happens
    /// ("riots in Karachi": `+source-people-of-place`).
    pub(super) people_of_place: bool,
    /// Fighting one of whose sides is protesters is their riot (145): "clashes between police
    /// and demonstrators".
    pub(super) riot: bool,
    /// Aid (07) to people of no country ("to help the poor in Pakistan"): the country of the
    /// place said of them or of the act, the target (`+target-where-it-happens`).
    pub(super) aid_place: Option<(String, Option<String>, Span)>,
}

impl Match {
    /// A match that has found only its trigger word `w`, before any role is read.
    fn at(w: usize) -> Match {
        Match {
            sources: Vec::new(),
            targets: Vec::new(),
            wants_target: false,
            trigger: vec![w],
            consumed: vec![w],
            score: 1,
            implied_state: None,
            plural_source: false,
            target_anaphor: false,
            source_pronoun_owner: false,
            armed_presence: false,
            armed_source: false,
            two_sides: false,
            people_of_place: false,
            riot: false,
            aid_place: None,
        }
    }

    /// Which of several matching patterns wins: one that found a target, then the most
    /// specific ("summon $T" over "summon ambassador" when the ambassador is an actor).
    pub(super) fn rank(&self) -> (bool, usize) {
        (!self.targets.is_empty(), self.score)
    }

    /// Source–target pairs, one event each. A reciprocal act with two or more sources and no
    /// target ("Austin and Shoigu spoke", "talks between X and Y") gives one event for each
    /// pair of them, the earlier-named as source ("South Africa, India and Brazil agreed":
    /// three pairs).
    pub(super) fn pairs(&self, reciprocal: bool) -> Vec<(ActorAt, Option<ActorAt>)> {
        let mut out = Vec::new();
        if self.targets.is_empty() {
            if reciprocal && self.sources.len() >= 2 {
                for (i, &s) in self.sources.iter().enumerate() {
                    for &t in &self.sources[i + 1..] {
                        out.push((s, Some(t)));
                    }
                }
            } else if !self.wants_target {
                for &s in &self.sources {
                    out.push((s, None));
                }
            }
            return out;
        }
        for &s in &self.sources {
            for &t in &self.targets {
                if s.0 != t.0 {
                    out.push((s, Some(t)));
                }
            }
        }
        out
    }
}

/// A sentence with the indexes the coder needs.
pub(super) struct View<'a> {
    doc: &'a Document,
    pub(super) sentence: &'a Sentence,
    pub(super) index: usize,
    pub(super) mentions: &'a [ActorMention],
    pub(super) children: Vec<Vec<usize>>,
    mention_of: Vec<Option<usize>>,
    pub(super) date_of_word: Vec<Option<usize>>,
    pub(super) dates: &'a [DateMention],
    /// Heads whose act both sides do together, so that two subjects may be its two sides.
    pub(super) reciprocal_heads: &'a FxHashSet<String>,
    pub(super) lexicon: &'a Lexicon,
    /// Every word's form and lemma in lower case, made once per sentence.
    forms: Vec<String>,
    lemmas: Vec<String>,
}

impl<'a> View<'a> {
    pub(super) fn new(
        doc: &'a Document,
        sentence: &'a Sentence,
        index: usize,
        mentions: &'a [ActorMention],
        dates: &'a [DateMention],
        reciprocal_heads: &'a FxHashSet<String>,
        lexicon: &'a Lexicon,
    ) -> View<'a> {
        let n = sentence.words.len();
        let mut children = vec![Vec::new(); n];
        for (i, w) in sentence.words.iter().enumerate() {
            if w.head > 0 && w.head <= n {
                children[w.head - 1].push(i);
            }
        }
        let mut mention_of = vec![None; n];
        for (mi, m) in mentions.iter().enumerate() {
            if m.actors.is_empty() {
                continue;
            }
            for w in m.words.clone() {
                if w < n && mention_of[w].is_none() {
                    mention_of[w] = Some(mi);
                }
            }
        }
        let mut date_of_word = vec![None; n];
        for (di, d) in dates.iter().enumerate() {
            for (i, w) in sentence.words.iter().enumerate() {
                if w.span.start >= d.start && w.span.end <= d.end {
                    date_of_word[i] = Some(di);
                }
            }
        }
        View {
            doc,
            sentence,
            index,
            mentions,
            children,
            mention_of,
            date_of_word,
            dates,
            reciprocal_heads,
            lexicon,
            forms: sentence
                .words
                .iter()
                .map(|w| w.form.to_lowercase())
                .collect(),
            lemmas: sentence
                .words
                .iter()
                .map(|w| w.lemma.to_lowercase())
                .collect(),
        }
    }

    pub(super) fn children_of(&self, w: usize) -> &[usize] {
        &self.children[w]
    }

    pub(super) fn words(&self) -> &[dyad_text::Word] {
        &self.sentence.words
    }

    pub(super) fn text(&self) -> &str {
        self.doc.slice(self.sentence.span)
    }

    pub(super) fn lemma(&self, w: usize) -> &str {
        &self.lemmas[w]
    }

    pub(super) fn form(&self, w: usize) -> &str {
        &self.forms[w]
    }

    pub(super) fn deprel(&self, w: usize) -> &str {
        self.sentence.words[w].deprel.as_str()
    }

    pub(super) fn head(&self, w: usize) -> Option<usize> {
        let h = self.sentence.words[w].head;
        (h > 0 && h <= self.sentence.words.len()).then(|| h - 1)
    }

    fn is(&self, w: usize, alts: &[String]) -> bool {
        let (f, l) = (self.form(w), self.lemma(w));
        alts.iter().any(|a| *a == f || *a == l)
    }

    pub(super) fn child(&self, w: usize, deprel: &str) -> Option<usize> {
        self.children[w]
            .iter()
            .copied()
            .find(|&c| self.deprel(c) == deprel)
    }

    pub(super) fn case_of(&self, w: usize) -> Option<&str> {
        self.children[w]
            .iter()
            .copied()
            .find(|&c| matches!(self.deprel(c), "case" | "mark"))
            .map(|c| self.form(c))
    }

    /// A plural common noun naming a group of people ("leaders", "parties"), not a name.
    fn is_plural_group(&self, w: usize) -> bool {
        w < self.words().len()
            && self.words()[w].upos == Upos::NOUN
            && self.words()[w].xpos == "NNS"
    }

    fn is_relative_pronoun(&self, w: usize) -> bool {
        self.words()[w].upos == Upos::PRON
            && matches!(self.form(w), "who" | "which" | "that" | "whom")
    }

    /// The object of verb `v` that the parser made the subject of a bare past participle
    /// clause ("hailed the peace talks announced Wednesday", "welcomed the plan approved by
    /// parliament"): a `ccomp` tagged VBN with no auxiliary, copula or marker, whose `nsubj`
    /// comes after the verb. A finite clause ("welcomed that Russia had agreed") is not one.
    fn reduced_relative_object(&self, v: usize) -> Option<usize> {
        let c = self.child(v, "ccomp")?;
        if self.words()[c].xpos != "VBN"
            || self.children[c]
                .iter()
                .any(|&k| matches!(self.deprel(k), "aux" | "aux:pass" | "cop" | "mark"))
        {
            return None;
        }
        self.child(c, "nsubj").filter(|&n| n > v && n < c)
    }
}
