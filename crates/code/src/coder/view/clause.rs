//! Predicates on a clause and its phrases: infinitives, passives, reduced relatives,
//! obliques, the two sides of a reciprocal act, the agent of a clause. Shared by the verb
//! and noun matchers.

use dyad_text::Upos;
use rustc_hash::FxHashSet;

use crate::coder::view::{ActorAt, View};

impl<'a> View<'a> {
    /// Whether a `to` infinitive after word `after` hangs below `w` (at most three links
    /// down).
    pub(super) fn has_infinitive_after(&self, w: usize, after: usize, depth: usize) -> bool {
        depth < 3
            && self.children[w].iter().any(|&c| {
                (c > after
                    && self.words()[c].upos == Upos::VERB
                    && self.children[c]
                        .iter()
                        .any(|&k| self.deprel(k) == "mark" && self.lemma(k) == "to"))
                    || self.has_infinitive_after(c, after, depth + 1)
            })
    }

    /// "called the death sentence \"a milestone\"": the parser may hang the predicate
    /// complement on the object as an apposition; an indefinite one is a description, not
    /// another name.
    pub(super) fn has_predicate_appos(&self, o: usize) -> bool {
        self.children[o].iter().any(|&c| {
            self.deprel(c) == "appos"
                // "visited Shenyang, an industrial city": an apposition set off by a comma
                // describes the noun.
                && !(o + 1..c).any(|k| self.form(k) == ",")
                && self.words()[c].upos == Upos::NOUN
                && self.children[c]
                    .iter()
                    .any(|&k| self.deprel(k) == "det" && matches!(self.form(k), "a" | "an"))
        })
    }

    /// Whether the noun `o` has an adjective after it, which English puts there only as a
    /// predicate complement that the parser hung on the noun ("calling the execution
    /// illegal", "called the vote unfair").
    pub(super) fn has_adjective_after(&self, o: usize) -> bool {
        self.children[o]
            .iter()
            .any(|&c| c > o && self.deprel(c) == "amod" && self.words()[c].upos == Upos::ADJ)
    }

    /// Whether the infinitive `x` is governed by "going" with a form of "be" ("is going to
    /// visit", "were going to sign"): a future told without "will".
    pub(super) fn is_going_to(&self, x: usize) -> bool {
        self.case_of(x) == Some("to")
            && self.head(x).is_some_and(|h| {
                self.form(h) == "going"
                    && self.children[h]
                        .iter()
                        .any(|&c| self.deprel(c) == "aux" && self.lemma(c) == "be")
            })
    }

    /// Whether `x` is an infinitive on a predicate noun: "Singh is the first Indian premier
    /// to visit Japan", "the visit will be an opportunity to meet Merkel".
    pub(super) fn is_infinitive_on_predicate(&self, x: usize) -> bool {
        self.deprel(x) == "acl"
            && self.case_of(x) == Some("to")
            && self.head(x).is_some_and(|h| self.child(h, "cop").is_some())
    }

    /// The last word of the phrase that word `w` heads.
    pub(super) fn phrase_end(&self, w: usize) -> usize {
        let mut end = w;
        let mut stack = vec![w];
        while let Some(x) = stack.pop() {
            for &c in &self.children[x] {
                end = end.max(c);
                stack.push(c);
            }
        }
        end
    }

    /// Whether word `k` comes right after the phrase of `o`, with nothing but punctuation
    /// between: "asked UN staff to prepare", where the parser may call the infinitive a
    /// clause of purpose, is the verb's complement after all.
    pub(super) fn right_after(&self, o: usize, k: usize) -> bool {
        let end = self.phrase_end(o);
        k > end && (end + 1..k).all(|x| self.words()[x].upos == Upos::PUNCT)
    }

    /// Whether no actor of `actors` has a known country (none at all included): "leaders".
    pub(super) fn all_unknown(&self, actors: &[ActorAt]) -> bool {
        actors
            .iter()
            .all(|&(mi, a)| self.mentions[mi].actors[a].code.starts_with("---"))
    }

    /// "the two countries", "both sides", "the two leaders": a noun that points back at the
    /// two parties named before it.
    pub(super) fn is_two_sides(&self, w: usize) -> bool {
        let kids = &self.children[w];
        self.lexicon.sides.contains(self.lemma(w))
            && !self.is_known_mention(w)
            && (kids
                .iter()
                .any(|&c| self.deprel(c) == "nummod" && self.form(c) == "two")
                || kids
                    .iter()
                    .any(|&c| self.deprel(c) == "det" && self.form(c) == "both"))
    }

    /// The two parties that "the two countries" at word `w` points back at: the last two
    /// actors of different known countries named before it, in the order named.
    pub(super) fn two_sides_before(&self, w: usize) -> Vec<ActorAt> {
        let mut sides: Vec<(usize, ActorAt, &String)> = Vec::new();
        for (mi, m) in self.mentions.iter().enumerate() {
            if m.head >= w {
                continue;
            }
            let Some((a, country)) = m.actors.iter().enumerate().find_map(|(a, x)| {
                x.country
                    .as_ref()
                    .filter(|_| !x.code.starts_with("---"))
                    .map(|c| (a, c))
            }) else {
                continue;
            };
            sides.retain(|(_, _, c)| *c != country);
            sides.push((m.head, (mi, a), country));
        }
        sides.sort_by_key(|(head, _, _)| *head);
        if sides.len() < 2 {
            return Vec::new();
        }
        sides[sides.len() - 2..]
            .iter()
            .map(|(_, at, _)| *at)
            .collect()
    }

    /// "the country", "this nation": a noun that points back at a country, naming none.
    pub(super) fn is_country_anaphor(&self, w: usize) -> bool {
        self.lexicon.country_nouns.contains(self.lemma(w))
            && !self.is_known_mention(w)
            && self.children[w]
                .iter()
                .any(|&c| self.deprel(c) == "det" && matches!(self.form(c), "the" | "this"))
    }

    /// The country that "the country" at word `w` points back at: the closest actor of known
    /// country named before it, other than the sources' own ("criticized the United States
    /// for imposing sanctions on the military-ruled country": not the United States).
    pub(super) fn country_named_before(&self, w: usize, sources: &[ActorAt]) -> Vec<ActorAt> {
        let own: Vec<Option<&String>> = sources
            .iter()
            .map(|&(mi, a)| self.mentions[mi].actors[a].country.as_ref())
            .collect();
        let before = self.mentions.iter().enumerate().filter(|(_, m)| m.head < w);
        let closest = before
            .filter_map(|(mi, m)| {
                let a = m.actors.iter().position(|a| {
                    a.country.is_some()
                        && !a.code.starts_with("---")
                        && !own.contains(&a.country.as_ref())
                })?;
                Some((m.head, mi, a))
            })
            .max();
        closest.map(|(_, mi, a)| vec![(mi, a)]).unwrap_or_default()
    }

    /// An infinitive the parser hangs on the noun of an oblique of the verb `v` rather than
    /// on the verb: "asked for American forces to remain" (`forces` ← acl `remain`). It is
    /// the verb's complement, as "called for Iran to release" parsed with an `advcl` is, when
    /// the oblique names an actor (not "told Russia in an interview to be broadcast").
    pub(super) fn is_infinitive_on_oblique(&self, k: usize, v: usize) -> bool {
        self.deprel(k) == "acl"
            && self.head(k).is_some_and(|h| {
                self.head(h) == Some(v)
                    && self.sentence.words[h].deprel.universal() == "obl"
                    && !self.actors_at(h).is_empty()
            })
            && self.children[k]
                .iter()
                .any(|&m| self.deprel(m) == "mark" && self.form(m) == "to")
    }

    /// A participle that modifies a noun: "missiles supplied by America".
    pub(super) fn is_reduced_relative(&self, v: usize) -> bool {
        self.deprel(v) == "acl" && self.words()[v].xpos == "VBN"
    }

    /// A passive participle that describes an actor in passing tells background, not the
    /// news: "a former rebel jailed by Jakarta has won", "bishops recognised by the Holy
    /// See", "comparisons with the killer, convicted of the murders of 1975". It is news
    /// when it has a time of its own ("a militant arrested recently in Pakistan"); when, set
    /// off by a comma, it describes the subject of a clause, whose act it may explain
    /// ("Denmark, backed by the United States, filed a complaint"); and on an object, whose
    /// predicate it may be ("saw rebels killed by the army"). The participle of a noun that
    /// is the act ("sanctions imposed by", "an agreement reached by") names no actor and
    /// stays. The coder applies this to backing and recognition (05) only: for arrests,
    /// convictions and charges it cost right events on the odd half (docs/coding.md).
    pub(super) fn is_background_participle(&self, v: usize) -> bool {
        if !self.is_reduced_relative(v) {
            return false;
        }
        let Some(h) = self.head(v) else {
            return false;
        };
        if self.mention_of[h].is_none() {
            return false;
        }
        if self.children[v]
            .iter()
            .any(|&c| self.date_of_word[c].is_some())
        {
            return false;
        }
        let rel = self.sentence.words[h].deprel.universal();
        let set_off = v > 0 && self.form(v - 1) == ",";
        // On an object the participle may be its predicate: "saw rebels killed by the army".
        rel != "obj" && !(set_off && rel == "nsubj")
    }

    /// The harm verb whose passive word `v` is read as, when its subject is the one harmed:
    /// an adjective of the `victim` table with its copula ("were wounded"), or a verb of it
    /// ("died").
    pub(in crate::coder) fn victim_harm(&self, v: usize) -> Option<&str> {
        let harm = self.lexicon.victims.get(self.lemma(v))?;
        let read = match self.words()[v].upos {
            Upos::ADJ => self.children[v].iter().any(|&c| self.deprel(c) == "cop"),
            Upos::VERB => !self.is_passive(v),
            _ => false,
        };
        read.then_some(harm.as_str())
    }

    pub(in crate::coder) fn is_passive(&self, v: usize) -> bool {
        self.child(v, "nsubj:pass").is_some()
            || self.children[v]
                .iter()
                .any(|&c| self.deprel(c) == "aux:pass")
            || (self.deprel(v) == "acl" && self.words()[v].xpos == "VBN")
    }

    /// Phrases of `w` introduced by the preposition `case`: nominal ones ("with Russia"),
    /// and gerund clauses ("to supporting Ukraine"), never infinitives ("a call to
    /// reiterate ...").
    pub(super) fn obliques(&self, w: usize, case: &str) -> impl Iterator<Item = usize> + '_ {
        let case = case.to_string();
        // "would talk next with the Palestinians", "met separately with": the parser may
        // hang the verb's phrase on an adverb right after it.
        let adverbs = (self.words()[w].upos == Upos::VERB)
            .then(|| {
                self.children[w].iter().copied().filter(move |&a| {
                    a == w + 1
                        && self.deprel(a) == "advmod"
                        && self.words()[a].upos == Upos::ADV
                        // "together with", "along with", "ahead of" are phrases of their own.
                        && !matches!(
                            self.lemma(a),
                            "along" | "together" | "alongside" | "away" | "apart" | "according"
                                | "ahead" | "prior" | "instead" | "far" | "as" | "out" | "back"
                        )
                })
            })
            .into_iter()
            .flatten();
        let below = adverbs
            .flat_map(move |a| self.children[a].iter().copied())
            .filter(move |&c| c > w + 1 && self.deprel(c) == "obl");
        self.children[w]
            .iter()
            .copied()
            .chain(below)
            .filter(move |&c| {
                let marked = |rel: &str| {
                    self.children[c]
                        .iter()
                        .any(|&k| self.deprel(k) == rel && self.form(k) == case)
                };
                // "the withdrawal of foreign troops out of Iraq": on a noun, a phrase whose
                // first preposition is another ("out of") is not this preposition's phrase.
                let first_case = || {
                    self.words()[w].upos == Upos::VERB
                        || self.child(c, "case").is_some_and(|k| self.form(k) == case)
                };
                match self.sentence.words[c].deprel.universal() {
                    "obl" | "nmod" | "obj" => marked("case") && first_case(),
                    "advcl" | "acl" => {
                        self.words()[c].xpos == "VBG" && (marked("mark") || marked("case"))
                    }
                    _ => false,
                }
            })
    }

    /// Word `w` and the `of` phrases below it, two levels down ("the interference of
    /// internal affairs of Lebanon"): where the parser may hang the `by` phrase of an act.
    pub(super) fn of_chain(&self, w: usize) -> Vec<usize> {
        let mut out = vec![w];
        let mut level: Vec<usize> = vec![w];
        for _ in 0..2 {
            level = level.iter().flat_map(|&k| self.obliques(k, "of")).collect();
            out.extend(level.iter().copied());
        }
        out
    }

    /// The words of `class` (fighting, strikes) that tell, with "in" or "during", the
    /// setting in which the harm of verb `v` was done: "killed in clashes", "in an air raid".
    fn settings_of_harm<'s>(
        &'s self,
        v: usize,
        class: &'s FxHashSet<String>,
    ) -> impl Iterator<Item = usize> + 's {
        self.children[v].iter().copied().filter(move |&c| {
            class.contains(self.lemma(c)) && matches!(self.case_of(c), Some("in" | "during"))
        })
    }

    pub(super) fn agent(&self, v: usize) -> Option<usize> {
        self.child(v, "obl:agent")
            .or_else(|| self.obliques(v, "by").next())
            .or_else(|| {
                // "Two Palestinians were killed in clashes with Israeli settlers": the other
                // side of the fighting in which the harm was done. (The parser may read
                // "clashes" as a verb: "in" is then its marker.)
                self.settings_of_harm(v, &self.lexicon.fighting)
                    .find_map(|c| {
                        self.children[c].iter().copied().find(|&k| {
                            matches!(self.sentence.words[k].deprel.universal(), "obl" | "nmod")
                                && self.case_of(k) == Some("with")
                        })
                    })
            })
            .or_else(|| {
                // "Five Palestinians were killed in an Israeli air raid", "... in airstrikes
                // carried out by Israeli aircraft": the author of the armed attack (`strike`
                // nouns of data/modality.tsv) in which the harm was done.
                self.settings_of_harm(v, &self.lexicon.strikes)
                    .filter(|&c| self.sentence.words[c].deprel.universal() == "obl")
                    .find_map(|c| self.strike_author(c))
            })
    }

    /// The word that names who carried out the attack `c`: its `by` phrase, the `by` phrase
    /// of a participle on it ("airstrikes carried out by Israeli aircraft"), else the noun
    /// itself when an actor modifies it ("an Israeli air raid", "Russia's strikes").
    fn strike_author(&self, c: usize) -> Option<usize> {
        self.obliques(c, "by")
            .next()
            .or_else(|| self.participle_agents(c).next())
            .or_else(|| (!self.own_actors(c).is_empty()).then_some(c))
    }
}
