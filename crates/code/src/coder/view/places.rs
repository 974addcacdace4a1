//! Places: where an event happens and the country it names, armed presence, aid to the
//! needy of a place. Apart because a place says where, and only sometimes who.

use dyad_text::{Span, Upos};

use crate::coder::view::{ActorAt, View};
use crate::triggers::{Pattern, TriggerKind};

impl<'a> View<'a> {
    /// Whether the only actors of subject `s`, an armed act, are where it is: "a bombing in
    /// Kyiv which killed three Russian soldiers", "rocket strikes in Kharkiv wounded two
    /// soldiers". Where an attack happened does not say who made it.
    pub(super) fn actors_only_by_place(&self, s: usize) -> bool {
        // Only an armed act (`strike` nouns of data/modality.tsv): "a court in Tehran" is
        // Iran's court.
        if self.mention_of[s].is_some() || !self.lexicon.strikes.contains(self.lemma(s)) {
            return false;
        }
        let actors = self.actors_at(s);
        let mut placed = Vec::new();
        for &c in &self.children[s] {
            if self.deprel(c) == "nmod" && self.is_locative_phrase(c) {
                self.collect_actors(c, &mut placed, 1);
            }
        }
        !actors.is_empty() && actors.iter().all(|a| placed.contains(a))
    }

    /// Whether `p` is a presence pattern: an armed force going to or staying in a place
    /// (074 with a `presence` head of data/modality.tsv).
    pub(super) fn is_presence(&self, p: &Pattern) -> bool {
        p.code == "074" && self.lexicon.presence.contains(&p.head)
    }

    /// The country of the place an armed force of event `w` is said to be in: the force is
    /// the verb's object or subject, the noun's `of` phrase or the subject of its verb ("the
    /// battalion in Iraq will begin its withdrawal", "withdraw its troops stationed in
    /// Afghanistan"), and the place an `in`/`at` phrase on it or on a participle on it.
    pub(in crate::coder) fn armed_force_place(
        &self,
        w: usize,
        kind: TriggerKind,
    ) -> Option<(String, Option<String>, Span)> {
        let mut forces: Vec<usize> = self.children[w]
            .iter()
            .copied()
            .filter(|&c| match self.deprel(c) {
                "obj" | "nsubj" | "nsubj:pass" => true,
                "nmod" => self.case_of(c) == Some("of"),
                _ => false,
            })
            .collect();
        if kind == TriggerKind::Noun {
            if let Some(g) = self.governing_verb(w) {
                forces.extend(self.child(g, "nsubj"));
            }
        }
        forces
            .into_iter()
            .filter(|&f| self.lexicon.armed.contains(self.lemma(f)))
            .find_map(|f| {
                self.children[f].iter().find_map(|&c| match self.deprel(c) {
                    "nmod" => self.located_country(c),
                    "acl" => self.children[c].iter().find_map(|&d| {
                        (self.deprel(d) == "obl")
                            .then(|| self.located_country(d))
                            .flatten()
                    }),
                    _ => None,
                })
            })
    }

    /// Whether phrase `c` is introduced by a preposition that puts something at a place
    /// ("in Kyiv", "at the market": `locative` words of data/modality.tsv).
    pub(super) fn is_locative_phrase(&self, c: usize) -> bool {
        self.case_of(c)
            .is_some_and(|case| self.lexicon.locatives.contains(&case.to_lowercase()))
    }

    /// The actor of the place where the act of verb `v` happened, or that its object left:
    /// a `from`, `in` or `at` phrase of the verb, else any `in`/`at` place of the sentence.
    pub(super) fn place_actor(&self, v: usize) -> Option<ActorAt> {
        let known = |w: usize| self.known_actor_at(w);
        for case in ["from", "in", "at", "inside"] {
            if let Some(a) = self.obliques(v, case).find_map(known) {
                return Some(a);
            }
        }
        (0..self.words().len()).find_map(|w| {
            let located = self.children[w].iter().any(|&k| {
                self.deprel(k) == "case" && matches!(self.form(k), "in" | "at" | "inside")
            });
            if located {
                known(w)
            } else {
                None
            }
        })
    }

    /// The country of a place the sentence names anywhere with "in", "at", "near",
    /// "across" or "inside": its CAMEO country code, ISO3, and the span of the place's words.
    pub(in crate::coder) fn place_country(&self) -> Option<(String, Option<String>, Span)> {
        (0..self.words().len()).find_map(|w| self.located_country(w))
    }

    /// The country of a place said of the event at `w` itself: a place phrase in the
    /// event's own clause (below `w`, not inside a clause of its own), or, for a
    /// participle or infinitive, in the clause it hangs from. A place elsewhere in the
    /// sentence is not where this event happens: "Al-Qaida branch in Iraq claimed the
    /// bombings on Amman hotels, which killed 57 people", "pirates captured by the US Navy
    /// ... were sentenced in Kenya", "launched after a US-led offensive in 2001".
    pub(in crate::coder) fn event_place_country(
        &self,
        w: usize,
    ) -> Option<(String, Option<String>, Span)> {
        self.event_place(w, |k| self.located_country(k))
    }

    /// The actor of the place said of the event at `w` itself, as `event_place_country`
    /// finds it.
    pub(super) fn event_place_actor(&self, w: usize) -> Option<ActorAt> {
        self.event_place(w, |k| self.located_actor(k))
    }

    fn event_place<T>(&self, w: usize, located: impl Fn(usize) -> Option<T>) -> Option<T> {
        let own_clause = |top: usize| {
            let mut stack = vec![top];
            while let Some(k) = stack.pop() {
                if let Some(place) = located(k) {
                    return Some(place);
                }
                // Left to right: the first place said is the event's.
                stack.extend(self.children[k].iter().rev().copied().filter(|&c| {
                    !matches!(
                        self.deprel(c).split(':').next().unwrap_or(""),
                        "advcl" | "acl" | "ccomp" | "csubj" | "parataxis" | "conj" | "xcomp"
                    )
                }));
            }
            None
        };
        // A participle or infinitive has no subject of its own, a verb conjoined to another
        // ("stormed polling stations in Gaza and ordered voters to go away") shares its
        // clause's circumstances, a relative clause is about the thing it describes ("the
        // blasts in Mumbai, which killed"), and an event noun is of its verb's clause
        // ("killed in Beit Hanoun by Israeli gunfire"): look up from them, a step or two.
        let mut top = w;
        for step in 0..3 {
            if let Some(place) = own_clause(top) {
                return Some(place);
            }
            // A clause on a noun (participle or relative, "acl" with or without a
            // subject) is about that noun; the parser labels some relatives plain "acl".
            let shares_up = match self.deprel(top).split(':').next().unwrap_or("") {
                "conj" | "acl" => true,
                "advcl" | "xcomp" => !self.children[top]
                    .iter()
                    .any(|&c| self.deprel(c).starts_with("nsubj")),
                "obl" | "nmod" | "obj" => step == 0 && self.words()[top].upos == Upos::NOUN,
                _ => false,
            };
            match self.head(top).filter(|_| shares_up) {
                Some(h) => top = h,
                None => return None,
            }
        }
        None
    }

    /// The country of a place that word `w` heads with "in", "at", "near", "across" or
    /// "inside".
    fn located_country(&self, w: usize) -> Option<(String, Option<String>, Span)> {
        self.located_actor(w).map(|a| self.country_place(a))
    }

    /// An actor as a place: its country code, its country and the span of its mention.
    fn country_place(&self, (m, a): ActorAt) -> (String, Option<String>, Span) {
        let actor = &self.mentions[m].actors[a];
        let words: Vec<usize> = self.mentions[m].words.clone().collect();
        (
            actor.code[..3].to_string(),
            actor.country.clone(),
            self.span_of_words(&words),
        )
    }

    /// The actor of known country of a place that word `w` heads with "in", "at", "near",
    /// "across" or "inside".
    fn located_actor(&self, w: usize) -> Option<ActorAt> {
        let located = self.children[w].iter().any(|&k| {
            self.deprel(k) == "case"
                && matches!(self.form(k), "in" | "at" | "near" | "across" | "inside")
        });
        // "killed in an Israeli air strike in Lebanon", "in fighting between Hamas and
        // Fatah": an armed act or fighting (`strike`, `fighting` nouns of data/modality.tsv)
        // is no place, and the actors on it are its authors or sides, not where it was.
        if !located
            || self.lexicon.strikes.contains(self.lemma(w))
            || self.lexicon.fighting.contains(self.lemma(w))
        {
            return None;
        }
        self.known_actor_at(w)
    }

    pub(in crate::coder) fn span_of_words(&self, words: &[usize]) -> Span {
        let first = words.iter().copied().min().unwrap_or(0);
        let last = words.iter().copied().max().unwrap_or(0);
        Span::new(self.words()[first].span.start, self.words()[last].span.end)
    }

    /// Whether `w` names people of no country in need (`needy` nouns of data/modality.tsv:
    /// "victims", "the poor", "people"), also through an `of` phrase ("thousands of people").
    fn names_needy(&self, w: usize, depth: usize) -> bool {
        // "thousands of people": a mention of no country ("people") is still no country's.
        self.actors_at(w).into_iter().all(|a| !self.has_country(a))
            && !self.names_foreigners(w)
            && (self.lexicon.needy.contains(self.lemma(w))
                || (depth > 0
                    && self.children[w].iter().any(|&c| {
                        self.deprel(c) == "nmod"
                            && self.case_of(c) == Some("of")
                            && self.names_needy(c, depth - 1)
                    })))
    }

    /// The country of the place where the people of no country whom aid at `v` goes to
    /// (its object `t`) are: a place said of them ("the poor in Pakistan", "people affected
    /// by floods in Somalia"), else of the act in its clause, else, for a purpose infinitive,
    /// where the verb it hangs on goes ("came to Pakistan to aid earthquake victims").
    pub(super) fn needy_place(&self, t: usize, v: usize) -> Option<(String, Option<String>, Span)> {
        if !self.names_needy(t, 2) {
            return None;
        }
        let mut stack = vec![t];
        while let Some(k) = stack.pop() {
            if let Some(place) = self.located_country(k) {
                return Some(place);
            }
            stack.extend(self.children[k].iter().rev().copied());
        }
        if let Some(place) = self.event_place_country(v) {
            return Some(place);
        }
        let purpose = matches!(
            self.deprel(v).split(':').next().unwrap_or(""),
            "xcomp" | "advcl"
        ) && self.child(v, "mark").is_some_and(|k| self.form(k) == "to");
        let head = self.head(v)?;
        if !purpose || self.words()[head].upos != Upos::VERB {
            return None;
        }
        self.obliques(head, "to")
            .flat_map(|k| self.actors_at(k))
            .find(|&a| self.has_country(a))
            .map(|a| self.country_place(a))
    }

    /// Whether the word names people of another country than the one they are in: a
    /// `foreigner` noun ("immigrants") or one that a `foreigner` adjective modifies ("foreign
    /// troops").
    pub(in crate::coder) fn names_foreigners(&self, w: usize) -> bool {
        let class = &self.lexicon.foreigners;
        class.contains(self.lemma(w))
            || self
                .children_of(w)
                .iter()
                .any(|&c| self.deprel(c) == "amod" && class.contains(self.lemma(c)))
    }

    /// Whether the word names a nation's people as a population, not its state: a
    /// `population` noun ("Palestinian youths") or a demonym on one ("the Turkish community").
    pub(in crate::coder) fn names_population(&self, w: usize) -> bool {
        // A common noun: "the European Community" is an organisation.
        let population = |w: usize| {
            self.words()[w].upos == Upos::NOUN && self.lexicon.populations.contains(self.lemma(w))
        };
        population(w)
            || (matches!(self.deprel(w), "amod" | "compound")
                && self.head(w).is_some_and(population))
    }
}
