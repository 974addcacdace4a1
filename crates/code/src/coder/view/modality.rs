//! What the clause of a trigger says about it: asserted, future, refused or unreal, and
//! the governor ("pledged to", "threatened to") that re-codes it. Apart because it decides
//! whether a match is an event at all, not what it is.

use dyad_text::Upos;
use rustc_hash::FxHashMap;

use crate::coder::lexicon::{CONDITIONS, FUTURE, NEGATIVE_SUBJECTS, NEGATORS, POSSIBLE, TEMPORAL};
use crate::coder::view::{ActorAt, View};
use crate::coder::{Governor, Modality};

impl<'a> View<'a> {
    /// Whether clause `c` is in the indicative: its verb, or an auxiliary or copula on it, is
    /// a finite present or past of the third person singular or a past ("is", "was",
    /// "has", "insists"), or it takes a modal of the future or of possibility ("would",
    /// "will", "can"). A subjunctive ("that Israel withdraw") or a demand modal ("must",
    /// "should") is not.
    pub(super) fn is_indicative(&self, c: usize) -> bool {
        std::iter::once(c)
            .chain(
                self.children[c]
                    .iter()
                    .copied()
                    .filter(|&k| matches!(self.deprel(k), "aux" | "aux:pass" | "cop")),
            )
            .any(|k| {
                matches!(self.words()[k].xpos.as_str(), "VBZ" | "VBD")
                    || (self.deprel(k) != "cop"
                        && k != c
                        && matches!(
                            self.lemma(k),
                            "will" | "would" | "can" | "could" | "may" | "might"
                        ))
            })
    }

    /// The subject of the verb of saying whose complement holds word `w`, if any.
    pub(super) fn speaker_of(&self, w: usize) -> Option<usize> {
        let mut x = w;
        for _ in 0..6 {
            let h = self.head(x)?;
            let rel = self.deprel(x);
            if matches!(rel, "ccomp" | "parataxis") && self.lexicon.saying.contains(self.lemma(h)) {
                return self.child(h, "nsubj");
            }
            if !matches!(
                rel,
                "nsubj" | "nsubj:pass" | "obj" | "ccomp" | "xcomp" | "parataxis" | "conj"
            ) {
                return None;
            }
            x = h;
        }
        None
    }

    /// Whether the attack told by word `w` in the clause of `clause` is made of words: the
    /// word is an attack (`attack`, `assault`) with a `verbal` adjective of
    /// `data/modality.tsv` ("a scathing attack"), or its clause goes on with a participle of
    /// a `verbal` verb ("launched a fresh attack against Israel, dismissing the Holocaust as
    /// a myth", "attacked the president, calling him a dictator").
    pub(in crate::coder) fn is_verbal_attack(&self, w: usize, clause: usize) -> bool {
        if !self.lexicon.attacks.contains(self.lemma(w)) {
            return false;
        }
        let verbal = &self.lexicon.verbal;
        self.children[w].iter().any(|&c| {
            matches!(self.deprel(c), "amod" | "compound")
                && (verbal.contains(self.lemma(c)) || verbal.contains(self.form(c)))
        }) || self.children[clause].iter().any(|&c| {
            matches!(self.deprel(c), "advcl" | "conj")
                && self.words()[c].xpos == "VBG"
                && verbal.contains(self.lemma(c))
        })
    }

    /// The verb whose clause a noun belongs to: "launched an attack", "the call happened".
    pub(in crate::coder) fn governing_verb(&self, n: usize) -> Option<usize> {
        // "A meeting between X and Y is not on the agenda": the predicate of which the noun
        // is the subject, whatever its part of speech.
        if matches!(self.deprel(n), "nsubj" | "nsubj:pass") {
            return self.head(n);
        }
        let mut w = n;
        for _ in 0..4 {
            let h = self.head(w)?;
            if matches!(self.words()[h].upos, Upos::VERB | Upos::AUX) {
                return Some(h);
            }
            w = h;
        }
        None
    }

    /// Whether the clause headed by `v` asserts its event. `w` is the trigger word itself
    /// (a noun may carry its own negation: "no talks").
    pub(in crate::coder) fn modality(&self, v: usize, noun: bool, w: usize) -> Modality {
        if noun
            && self.children[w]
                .iter()
                .any(|&c| matches!(self.form(c), "no" | "any" | "every" | "such"))
        {
            return Modality::Unreal("negated");
        }
        // "Neither Washington nor Beijing criticised ...", "Nobody was wounded by Israeli
        // gunfire" (also the predicate, whatever its part of speech, of which an event noun
        // is an oblique).
        let predicate = self
            .head(w)
            .filter(|_| noun && self.deprel(w).starts_with("obl"));
        let subject_negated = std::iter::once(v).chain(predicate).any(|p| {
            self.children[p].iter().any(|&c| {
                self.deprel(c).starts_with("nsubj")
                    && (NEGATIVE_SUBJECTS.contains(&self.form(c))
                        || self.children[c]
                            .iter()
                            .any(|&k| matches!(self.form(k), "neither" | "nor" | "no")))
            })
        });
        if subject_negated {
            return Modality::Unreal("negated");
        }
        let mut future = false;
        let mut x = v;
        // Whether the clause of `x` shares the auxiliaries of the event's own: the event's
        // clause itself, and the clauses it is an infinitive or a conjunct of ("may stage a
        // test to strengthen its hand", "will provide aid to help feed children").
        let mut shared = true;
        // Whether every link climbed so far is an infinitive complement: a negation there
        // denies the event too ("does not want to concede", "has not agreed to meet").
        let mut infinitives_only = true;
        let mut refused = false;
        for depth in 0..6 {
            for &c in &self.children[x] {
                let (rel, form) = (self.deprel(c), self.form(c));
                if rel == "advmod" && NEGATORS.contains(&form) && (depth == 0 || infinitives_only) {
                    // "Ethiopia said it will not withdraw its troops": a refusal, if
                    // nothing above makes it unreal.
                    if depth == 0 && !noun && self.is_future_clause(x) {
                        refused = true;
                        continue;
                    }
                    return Modality::Unreal("negated");
                }
                if rel == "advmod" && depth == 0 && self.lexicon.habitual.contains(form) {
                    return Modality::Unreal("habitual");
                }
                if rel == "aux" && shared {
                    if POSSIBLE.contains(&form) {
                        return Modality::Unreal("only possible");
                    }
                    if FUTURE.contains(&form) {
                        future = true;
                    }
                    if form == "would" {
                        if self.is_reported(x) {
                            future = true;
                        } else {
                            return Modality::Unreal("only hypothetical");
                        }
                    }
                }
                if rel == "mark" && CONDITIONS.contains(&form) {
                    return Modality::Unreal("a condition or an open question");
                }
                // "Malaysia and the United States are to sign an agreement": a plan. The
                // parser may call "be" an auxiliary ("was then to meet"), and the plan
                // reaches the infinitive of purpose ("were to depart for Havana to meet").
                if shared
                    && rel == "mark"
                    && form == "to"
                    && self.children[x]
                        .iter()
                        .any(|&k| matches!(self.deprel(k), "cop" | "aux") && self.lemma(k) == "be")
                {
                    future = true;
                }
            }
            // Climb only through links that keep the event inside the condition; a relative
            // clause on an argument of a merely possible act is no more real than the act
            // ("could impose sanctions on banks that help Moscow").
            let rel = self.deprel(x);
            // "would not issue a statement urging Iran to ...", "did not adopt a statement
            // that welcomed ...": what a document says (a participle or a relative clause on
            // the object of a `light` verb) is as real as the act of issuing it.
            let document_clause = (rel == "acl" && self.words()[x].xpos == "VBG")
                || (rel == "acl:relcl"
                    && self
                        .child(x, "nsubj")
                        .is_some_and(|s| self.is_relative_pronoun(s)));
            if document_clause {
                if let Some(verb) = self
                    .head(x)
                    .filter(|&noun| self.deprel(noun) == "obj")
                    .and_then(|noun| self.head(noun))
                    .filter(|&verb| self.lexicon.light.contains(self.lemma(verb)))
                {
                    x = verb;
                    continue;
                }
            }
            if rel == "acl:relcl" {
                let Some(mut noun) = self.head(x) else { break };
                for _ in 0..3 {
                    if !matches!(
                        self.sentence.words[noun].deprel.universal(),
                        "obj" | "obl" | "nsubj" | "nmod"
                    ) {
                        break;
                    }
                    let Some(h) = self.head(noun) else { break };
                    if self.children[h]
                        .iter()
                        .any(|&c| self.deprel(c) == "aux" && POSSIBLE.contains(&self.form(c)))
                    {
                        return Modality::Unreal("only possible");
                    }
                    noun = h;
                }
                break;
            }
            // "Rice's visit will be an opportunity to meet Merkel": an infinitive on a
            // predicate noun shares the noun's clause.
            let on_predicate = self.is_infinitive_on_predicate(x);
            if !on_predicate && !matches!(rel, "conj" | "xcomp" | "advcl" | "ccomp") {
                break;
            }
            // "is going to visit Kabul": the progressive of "go" with an infinitive is a
            // future, as "will" is (the parser makes "going" the head and the act its xcomp).
            if rel == "xcomp" && shared && self.is_going_to(x) {
                future = true;
            }
            infinitives_only = infinitives_only && rel == "xcomp";
            // "the agreement must be completed, and Bashir thanked France": a conjunct with a
            // subject of its own is a clause of its own, with its own auxiliaries.
            let own_clause = rel == "conj"
                && self.children[x]
                    .iter()
                    .any(|&c| matches!(self.deprel(c), "nsubj" | "nsubj:pass"));
            shared = shared
                && !own_clause
                && (matches!(rel, "conj" | "xcomp")
                    || on_predicate
                    || (rel == "advcl" && self.case_of(x) == Some("to"))
                    || (!noun && self.is_temporal_present(x)));
            match self.head(x) {
                Some(h) => x = h,
                None => break,
            }
        }
        if refused {
            Modality::Refused
        } else if future {
            Modality::Future
        } else {
            Modality::Asserted
        }
    }

    /// Whether `x` is a temporal clause in the simple present ("when Hakim meets Bush"):
    /// English puts such a clause in the present when it speaks of the future, so its time
    /// is that of the clause it hangs on ("will come up when Hakim meets Bush on Monday").
    fn is_temporal_present(&self, x: usize) -> bool {
        self.deprel(x) == "advcl"
            && matches!(self.words()[x].xpos.as_str(), "VBZ" | "VBP")
            && !self.children[x].iter().any(|&c| self.deprel(c) == "aux")
            && self.children[x].iter().any(|&c| {
                matches!(self.deprel(c), "mark" | "advmod") && TEMPORAL.contains(&self.form(c))
            })
    }

    /// Whether clause `x` is in the future: "will", "shall", "won't", or "would" in
    /// reported speech ("said it would not").
    pub(in crate::coder) fn is_future_clause(&self, x: usize) -> bool {
        self.children[x].iter().any(|&c| {
            self.deprel(c) == "aux"
                && (FUTURE.contains(&self.form(c))
                    || (self.form(c) == "would" && self.is_reported(x)))
        })
    }

    /// The verb of saying that reports clause `c`: the verb whose complement it is ("said
    /// Georgia must"), or one told after it that the parser hung on it as a conjunct or a
    /// parataxis, in the past tense and with its own subject ("Mubarak would hold talks with
    /// Merkel, said Awwad").
    pub(in crate::coder) fn reporting_verb(&self, c: usize) -> Option<usize> {
        if self.deprel(c) == "ccomp" {
            return self
                .head(c)
                .filter(|&h| self.lexicon.saying.contains(self.lemma(h)));
        }
        self.children[c]
            .iter()
            .copied()
            .find(|&k| self.is_saying_after(c, k, &["conj", "parataxis"]))
    }

    /// Whether `k`, a child of clause `c` that comes after it in one of the relations
    /// `rels`, is a verb of saying in the past tense with a subject of its own: "..., Awwad
    /// said", which the parser may hang on the clause it reports.
    fn is_saying_after(&self, c: usize, k: usize, rels: &[&str]) -> bool {
        k > c
            && rels.contains(&self.deprel(k))
            && self.lexicon.saying.contains(self.lemma(k))
            && self.words()[k].xpos == "VBD"
            && self.child(k, "nsubj").is_some()
    }

    /// Whether clause `x` holds a condition or a counterfactual: an adverbial clause marked
    /// "if", "unless", ... or with the inverted auxiliary of a condition ("Should Russia use
    /// ...", "Were Pyongyang to test ..."), "in case of" / "in the event of", "otherwise",
    /// or "would have" done.
    pub(in crate::coder) fn is_conditional(&self, x: usize) -> bool {
        self.children[x].iter().any(|&k| {
            let (rel, form) = (self.deprel(k), self.form(k).to_lowercase());
            match rel {
                "advcl" => self.children[k].iter().any(|&m| {
                    let f = self.form(m).to_lowercase();
                    (self.deprel(m) == "mark" && CONDITIONS.contains(&f.as_str()))
                        || (matches!(self.deprel(m), "aux" | "cop")
                            && matches!(f.as_str(), "should" | "were" | "had")
                            && self.child(k, "nsubj").is_some_and(|s| m < s))
                }),
                // "in case of" (the parser makes it one preposition), "in the event of".
                "obl" => self.children[k].iter().any(|&p| {
                    self.deprel(p) == "case"
                        && self.form(p).eq_ignore_ascii_case("in")
                        && (matches!(self.lemma(k), "case" | "event")
                            || self.children[p]
                                .iter()
                                .any(|&f| self.deprel(f) == "fixed" && self.lemma(f) == "case"))
                }),
                "advmod" => form == "otherwise",
                "aux" => form == "have",
                _ => false,
            }
        })
    }

    /// Whether clause `x` is reported speech, where "would" is a future: the complement of
    /// a verb of saying ("said that he would visit"), or the clause before a verb of saying
    /// in the past tense with its own subject that follows it after a comma, which the parser
    /// may hang on the reported verb ("Mubarak would meet Merkel in Berlin, said Awwad", "...,
    /// officials said on Monday"), unless that clause holds a condition ("If ..., Israel would
    /// strike, a general said"). "..., experts say" tells an opinion, not a report.
    fn is_reported(&self, x: usize) -> bool {
        if self.deprel(x) == "ccomp"
            && self
                .head(x)
                .is_some_and(|h| self.lexicon.saying.contains(self.lemma(h)))
        {
            return true;
        }
        !self.is_conditional(x)
            && self.children[x].iter().any(|&c| {
                self.is_saying_after(x, c, &["conj", "advcl", "parataxis"])
                    && !self.children[c]
                        .iter()
                        .any(|&k| matches!(self.deprel(k), "ccomp" | "mark" | "cc"))
                    && self.children[c]
                        .iter()
                        .any(|&k| self.deprel(k) == "punct" && self.form(k) == ",")
            })
    }

    /// Whether the object of an order `g` names no actor of a country, or only actors of
    /// the country of the order's subject ("ordered the army", "ordered Israeli troops").
    pub(in crate::coder) fn ordered_own_forces(&self, g: usize) -> bool {
        let Some(o) = self.child(g, "obj").or_else(|| self.child(g, "iobj")) else {
            return true;
        };
        let countries = |w: usize| -> Vec<_> {
            self.actors_at(w)
                .into_iter()
                .filter_map(|a| self.country_code(a))
                .collect()
        };
        // "ordered troops to ...": forces of no country named are the orderer's own.
        let ordered = countries(o);
        if ordered.is_empty() {
            return true;
        }
        let Some(s) = self.child(g, "nsubj") else {
            return false;
        };
        let own = countries(s);
        ordered.iter().all(|c| own.contains(c))
    }

    /// A verb that governs the event's clause and changes what it means.
    pub(in crate::coder) fn governor(
        &self,
        v: usize,
        governors: &FxHashMap<String, Governor>,
    ) -> Option<(usize, Governor)> {
        let rel = self.deprel(v);
        // A clause marked "that" on a noun is its content, whatever the parser calls it.
        let content = match rel {
            "ccomp" | "acl" => true,
            "acl:relcl" => self.child(v, "mark").is_some(),
            _ => false,
        };
        if !content && !matches!(rel, "xcomp" | "advcl" | "csubj") {
            return None;
        }
        let h = self.head(v)?;
        // "denied reports that its forces had shelled the plant": the content of a noun that
        // a denial takes as its object is denied with it.
        if content && self.words()[h].upos == Upos::NOUN {
            let denial = self.head(h).filter(|&g| {
                self.deprel(h) == "obj" && governors.get(self.lemma(g)) == Some(&Governor::Skip)
            });
            if let Some(g) = denial {
                return Some((g, Governor::Skip));
            }
        }
        if let Some(found) = self.noun_governor(v) {
            return Some(found);
        }
        if rel.starts_with("acl") {
            return None;
        }
        // "have decided to accelerate negotiations to sign an agreement": the purpose of a
        // governed act is governed too (the signing is decided, not done).
        if rel == "advcl" && self.case_of(v) == Some("to") && self.deprel(h) == "xcomp" {
            if let Some(found) = self.governor(h, governors) {
                return Some(found);
            }
        }
        // A phrasal governor is looked up with its particle first ("ruled out sending").
        let phrasal = self
            .child(h, "compound:prt")
            .and_then(|p| governors.get(&format!("{} {}", self.lemma(h), self.lemma(p))));
        let g = *phrasal.or_else(|| governors.get(self.lemma(h)))?;
        // "Germany wants France to send troops": an intent verb whose actor object comes
        // before the infinitive wants (or expects) the act of that object, who intends
        // nothing; the wish is an appeal (`020 V want $T to`), not the object's intent.
        let g = if matches!(g, Governor::Intent | Governor::Decide)
            && rel == "xcomp"
            && self.children_of(h).iter().any(|&o| {
                o < v && matches!(self.deprel(o), "obj" | "iobj") && !self.actors_at(o).is_empty()
            }) {
            Governor::Skip
        } else {
            g
        };
        // "ruled out sending troops", "refused meeting him": a bare gerund refused is the act
        // refused, whatever clause the parser calls it.
        let refused_gerund = g == Governor::Refuse
            && self.words()[v].xpos == "VBG"
            && h < v
            && !self
                .children_of(v)
                .iter()
                .any(|&c| matches!(self.deprel(c), "mark" | "nsubj" | "aux"));
        // Only infinitives are intents ("pledged to send"); a finite clause under "warned
        // that" is reported, not threatened.
        if rel != "xcomp" && g != Governor::Skip && self.case_of(v) != Some("to") && !refused_gerund
        {
            return None;
        }
        // "denied the charge, accusing Ukraine": a bare participle beside a denial is
        // asserted ("charged with exporting" is not).
        if g == Governor::Skip && rel == "advcl" && self.case_of(v).is_none() {
            return None;
        }
        Some((h, g))
    }

    /// The noun of intent, threat or refusal (`noun` lines of `data/modality.tsv`) whose
    /// infinitive `v` is, with its class: "China's readiness to resume talks" (the parser's
    /// `acl`), or "expressed the willingness to allow imports", where the parser hangs the
    /// infinitive on the verb whose object the noun is, right after the noun's phrase.
    pub(super) fn noun_governor(&self, v: usize) -> Option<(usize, Governor)> {
        if self.words()[v].upos != Upos::VERB {
            return None;
        }
        let to = self
            .children_of(v)
            .iter()
            .copied()
            .find(|&c| c < v && self.deprel(c) == "mark" && self.form(c) == "to")?;
        let h = self.head(v)?;
        let noun = match self.deprel(v) {
            "acl" => h,
            "advcl" if self.words()[h].upos == Upos::VERB => self
                .children_of(h)
                .iter()
                .copied()
                .find(|&o| self.deprel(o) == "obj" && self.right_after(o, to))?,
            _ => return None,
        };
        if self.words()[noun].upos != Upos::NOUN {
            return None;
        }
        let g = *self.lexicon.noun_governors.get(self.lemma(noun))?;
        Some((noun, g))
    }

    /// Whose intent, threat or refusal governing noun `n` is: its owner (`owner_of`: a `by`
    /// phrase, an actor that modifies it, the subject of a `light` verb), else the subject
    /// of a verb of `expressing` that takes it as object ("Iran expressed its willingness").
    pub(super) fn governing_noun_owner(&self, n: usize, depth: usize) -> Option<usize> {
        self.owner_of(n, depth)
            .or_else(|| self.subject_of_verb_in(n, &self.lexicon.expressing, depth))
    }

    /// Whom a request noun `n` is made of when it names no one itself: the subject of a
    /// content clause on it ("a demand by Gazprom that Ukraine pay"), else the subject of a
    /// verb of answering that takes it as object or `to`/`with` oblique ("Tehran rejected UN
    /// demands", "will comply with the UN request"), else the subject of the clause it is the
    /// occasion of ("agreed to meet Kabila at the request of Mandela").
    pub(in crate::coder) fn request_addressees(&self, n: usize) -> Vec<ActorAt> {
        let content = self.children_of(n).iter().copied().find(|&c| {
            matches!(self.deprel(c), "acl" | "ccomp")
                && self
                    .child(c, "mark")
                    .is_some_and(|m| self.lemma(m) == "that")
        });
        if let Some(s) = content.and_then(|c| self.child(c, "nsubj")) {
            return self.actors_at(s);
        }
        let Some(v) = self.head(n).filter(|&v| self.words()[v].upos == Upos::VERB) else {
            return Vec::new();
        };
        let answered = match self.deprel(n) {
            "obj" => true,
            "obl" => matches!(self.case_of(n), Some("to" | "with")),
            _ => false,
        } && self.lexicon.answers.contains(self.lemma(v));
        let occasion = self.deprel(n) == "obl" && self.case_of(n) == Some("at");
        if !(answered || occasion) {
            return Vec::new();
        }
        self.subject(v, 0)
            .map(|s| self.actors_at(s))
            .unwrap_or_default()
    }
}
