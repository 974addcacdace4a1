//! The subject of a verb and the owner of a noun, through passives, participles, relative
//! clauses and infinitives: where a source comes from. Apart from the actors, which say
//! what a word names, these say which word is the doer.

use dyad_text::Upos;
use rustc_hash::FxHashSet;

use crate::coder::view::{ActorAt, Match, View};

impl<'a> View<'a> {
    /// The subject of verb `v`: its own, or the one its clause takes it from.
    pub(in crate::coder) fn subject(&self, v: usize, depth: usize) -> Option<usize> {
        if depth > 4 {
            return None;
        }
        // "Russia is to sign": the parser may call the subject of such a clause `nsubj:outer`.
        if let Some(s) = self
            .child(v, "nsubj")
            .or_else(|| self.child(v, "nsubj:outer"))
        {
            if self.is_relative_pronoun(s) && self.deprel(v).starts_with("acl") {
                // "adopted a presidential statement that welcomed peace efforts": what a
                // document says is its owner's.
                let h = self.head(v)?;
                if self.actors_at(h).is_empty() {
                    if let Some(owner) = self.owner_of(h, depth) {
                        return Some(owner);
                    }
                }
                if self.actors_only_by_place(h) {
                    return None;
                }
                return Some(h);
            }
            // "A Malaysian opposition leader Friday called for ...": wire copy puts the day
            // after the subject, and the parser may take the day for the subject (of a
            // relative clause on the real one).
            // (When the parser makes the day the head of the subject, "The UN Security
            // Council Friday denounced", the actor is found among the day's modifiers.)
            let a_date = self.is_bare_date(s);
            if a_date && self.deprel(v) == "acl:relcl" {
                return self.head(v);
            }
            if !a_date && self.actors_only_by_place(s) {
                return None;
            }
            if !a_date || !self.actors_at(s).is_empty() {
                return Some(s);
            }
            // "South Korean prosecutors Friday summoned": or the parser takes the day for
            // the subject and the actor right before it for a bare noun phrase of the verb.
            if let Some(a) = self.actor_before_day(v, s) {
                return Some(a);
            }
        }
        let h = self.head(v)?;
        // "sparked hope for the peace process by meeting": a means clause shares the subject
        // of the clause it belongs to, wherever the parser hung it.
        if self.words()[v].xpos == "VBG"
            && self.case_of(v) == Some("by")
            && matches!(self.deprel(v), "advcl" | "acl")
        {
            let mut x = h;
            for _ in 0..4 {
                if self.words()[x].upos == Upos::VERB && !self.deprel(x).starts_with("acl") {
                    // "expounded its stance on win-win cooperation by urging": a verb of no
                    // subject of its own that the parser put between (an adverbial clause)
                    // passes the search on up.
                    let found = self.subject(x, depth + 1);
                    if found.is_some() || self.deprel(x) != "advcl" {
                        return found;
                    }
                }
                x = self.head(x)?;
            }
            return None;
        }
        // "Russia's refusal to withdraw its troops", "Iran expressed its willingness to hold
        // talks": the infinitive of a noun of intent, threat or refusal is its owner's act.
        if let Some((n, _)) = self.noun_governor(v) {
            return self.governing_noun_owner(n, depth);
        }
        match self.deprel(v) {
            // "Indian police fired on a mob", "environmentalists rallied outside": a finite
            // verb that the parser hung on a noun as a modifier has that noun for subject.
            "acl"
                if self.words()[v].xpos == "VBD"
                    && matches!(self.deprel(h), "nsubj" | "obj" | "root" | "conj") =>
            {
                Some(h)
            }
            // "condemned an attack in which five soldiers were killed and called on Russia
            // to stop": the parser may hang the main clause's second verb on a relative
            // clause with no subject of its own; the main clause's subject is meant.
            "conj"
                if self.deprel(h) == "acl:relcl"
                    && self.child(h, "nsubj").is_none()
                    && self.child(v, "aux:pass").is_none() =>
            {
                let noun = self.head(h)?;
                let governor = self.head(noun)?;
                if self.words()[governor].upos == Upos::VERB {
                    self.subject(governor, depth + 1)
                } else {
                    None
                }
            }
            "conj" => self.subject(h, depth + 1),
            // "used the start of the summit to call on China to help", "took the opportunity
            // to urge": an infinitive on an occasion noun (`occasion` lines of
            // data/modality.tsv) is done by the subject of the verb whose object it is.
            "acl"
                if self.case_of(v) == Some("to")
                    && self.words()[v].upos == Upos::VERB
                    && self.deprel(h) == "obj"
                    && self.lexicon.occasions.contains(self.lemma(h)) =>
            {
                let governor = self.head(h)?;
                (self.words()[governor].upos == Upos::VERB)
                    .then(|| self.subject(governor, depth + 1))
                    .flatten()
            }
            // "held talks Tuesday with": the parser may read the noun after a light verb as
            // a clause of its own; it is the light verb's object, and its act the subject's.
            "ccomp"
                if self.lexicon.light.contains(self.lemma(h))
                    && self.words()[v].xpos != "VBD"
                    && !self
                        .children_of(v)
                        .iter()
                        .any(|&c| matches!(self.deprel(c), "mark" | "aux" | "nsubj:pass")) =>
            {
                self.subject(h, depth + 1)
            }
            // "Singh is the first Indian premier to visit Japan", "Rubin, who is the first US
            // treasury secretary to visit Vietnam": an infinitive on a predicate noun is done
            // by whom the noun is said of, else by the noun itself when it names an actor.
            "acl" if self.is_infinitive_on_predicate(v) && self.words()[v].upos == Upos::VERB => {
                self.subject(h, depth + 1)
                    .filter(|&s| !self.actors_at(s).is_empty())
                    .or_else(|| (!self.actors_at(h).is_empty()).then_some(h))
            }
            // "helped Russia use drones": Russia uses them.
            // (Not a day the parser took for an object: "agreed Thursday to develop".)
            // "was prepared to meet", "is expected to visit": a passive governor's subject
            // does it.
            // "put forward a motion critical of China": an adjective said of a document is
            // its author's, who is the governing verb's subject when the document names none
            // (not a verb of opinion's: "found the report critical of" is not the finder's).
            "xcomp"
                if self.words()[v].upos == Upos::ADJ
                    && !self.lexicon.opinions.contains(self.lemma(h))
                    && self
                        .child(h, "obj")
                        .is_some_and(|o| self.actors_at(o).is_empty()) =>
            {
                let o = self.child(h, "obj")?;
                self.owner_of(o, depth + 1)
                    .or_else(|| self.subject(h, depth + 1))
            }
            "xcomp" => self
                .child(h, "obj")
                .filter(|&o| self.date_of_word[o].is_none())
                .or_else(|| self.child(h, "iobj"))
                .or_else(|| self.child(h, "nsubj:pass"))
                .or_else(|| self.subject(h, depth + 1)),
            // "entered Ukraine to help Russia": the troops help.
            // "environmentalists rallied outside the embassy to urge the Netherlands", "troops
            // sent to Albania to support the mission": the purpose of a participle on a noun
            // is that noun's.
            // (Only when the purpose names whom it is aimed at: "to demand the release of
            // the prisoners" would be a demand of nobody.)
            "advcl" if self.case_of(v) == Some("to") => self.subject(h, depth + 1).or_else(|| {
                let n = self.head(h)?;
                let aimed = self
                    .child(v, "obj")
                    .or_else(|| self.child(v, "iobj"))
                    .is_some_and(|o| !self.actors_at(o).is_empty());
                (aimed
                    && self.deprel(h) == "acl"
                    && (self.words()[h].xpos == "VBN" || self.words()[h].xpos == "VBD")
                    && !self.actors_at(n).is_empty())
                .then_some(n)
            }),
            // "denied any involvement, accusing the Russian forces", "said ... when meeting
            // with": a participle clause shares the subject of the clause it modifies.
            // "praised Spain for donating": the object of the praise did it.
            // "Hamas claimed responsibility for firing rockets": the claimer did it.
            "advcl" if self.words()[v].xpos == "VBG" && self.case_of(v) == Some("for") => {
                if self.claims_responsibility(h) {
                    self.subject(h, depth + 1)
                } else {
                    self.child(h, "obj")
                }
            }
            "advcl" if self.words()[v].xpos == "VBG" => self.subject(h, depth + 1),
            // "said Tuesday when meeting with": the parser may hang an adverbial participle
            // on the day; it belongs to the day's clause.
            "acl" if self.words()[v].xpos == "VBG" && self.is_bare_date(h) => {
                let g = self.head(h)?;
                (self.words()[g].upos == Upos::VERB)
                    .then(|| self.subject(g, depth + 1))
                    .flatten()
            }
            // (Not a gerund after a preposition: "thousands of striking teachers".)
            "acl" if self.words()[v].xpos == "VBG" && self.case_of(v).is_none() => {
                self.participle_subject(h, depth)
            }
            _ => None,
        }
    }

    /// Whether verb `v` claims an act as its subject's own: an `owning` verb of
    /// `data/modality.tsv` ("claimed", "admitted") with "responsibility" or "credit" for
    /// object. ("denied responsibility for" disowns it.)
    pub(super) fn claims_responsibility(&self, v: usize) -> bool {
        self.words()[v].upos == Upos::VERB
            && self.lexicon.owning.contains(self.lemma(v))
            && self
                .child(v, "obj")
                .is_some_and(|o| matches!(self.lemma(o), "responsibility" | "credit"))
    }

    /// The actor that wire copy puts right before the day `day` taken for the subject of
    /// verb `v`: a bare noun phrase of the verb (`obl:unmarked`, `obl:npmod`) whose words end
    /// where the day begins.
    fn actor_before_day(&self, v: usize, day: usize) -> Option<usize> {
        self.children[v].iter().copied().find(|&c| {
            c < day
                && matches!(self.deprel(c), "obl:unmarked" | "obl:npmod")
                && self.case_of(c).is_none()
                && (c + 1..day).all(|w| self.head(w) == Some(c) || self.head(w) == Some(day))
                && !self.actors_at(c).is_empty()
        })
    }

    /// The understood subject of a present participle that modifies noun `h`.
    fn participle_subject(&self, h: usize, depth: usize) -> Option<usize> {
        if self.mention_of[h].is_some() {
            // "Ethiopian troops backing Somali government forces", "a resolution by the UN
            // General Assembly deploring ...": an actor that is an argument of its clause (or
            // the agent of a noun) does what the participle says; after another oblique the
            // participle may belong to any noun before it.
            // An armed force does what its participle says wherever it stands ("the
            // departure of Ethiopian troops backing the government"): troops send no letter.
            if matches!(self.deprel(h), "nsubj" | "nsubj:pass" | "obj" | "root")
                || self.case_of(h) == Some("by")
                || self.lexicon.armed.contains(self.lemma(h))
            {
                return Some(h);
            }
            // "sent a letter to his French counterpart pleading for Paris to reverse": the
            // recipient of a message does not plead, its sender does.
            if self.deprel(h) == "nmod" && self.case_of(h) == Some("to") {
                return self.owner_of(self.head(h)?, depth);
            }
            return None;
        }
        self.owner_of(h, depth)
    }

    /// Who a document or an act belongs to, as the understood subject of what it says
    /// ("filed a trade case accusing Turkey", "Denmark's resolution denouncing", "a resolution
    /// by the General Assembly deploring"): its `by` phrase, else an actor that owns it, else
    /// the subject of the verb whose object it is.
    pub(super) fn owner_of(&self, n: usize, depth: usize) -> Option<usize> {
        if depth > 4 {
            return None;
        }
        if let Some(by) = self
            .obliques(n, "by")
            .find(|&b| !self.actors_at(b).is_empty())
        {
            return Some(by);
        }
        if let Some(agent) = self.participle_agent(n) {
            return Some(agent);
        }
        // "a US-backed motion criticizing ...": the agent written before the hyphen of a
        // participle on the noun.
        if let Some(agent) = self.children[n]
            .iter()
            .find_map(|&c| self.hyphen_agent(c).filter(|_| c < n))
        {
            return Some(agent);
        }
        if let Some(c) = self.children[n].iter().copied().find(|&c| {
            matches!(self.deprel(c), "nmod:poss" | "amod" | "compound")
                && self.is_known_mention(c)
                && !self.is_venue_of(n, c)
        }) {
            return Some(c);
        }
        // Only a verb whose object is its subject's own product ("issued a statement", "filed
        // a case", the `light` verbs): "condemned the attack that killed 20" is no killing by
        // the condemner.
        self.subject_of_verb_in(n, &self.lexicon.light, depth)
    }

    /// The third parties that mediate the meeting or agreement of trigger `t`: the agent of a
    /// `mediating` participle on it or on the verb it is the subject or object of ("talks
    /// ... chaired by the UN", "a US-brokered agreement"), or the `of` phrase of a
    /// `mediating` noun there ("reached with the mediation of Rice").
    pub(in crate::coder) fn mediators(&self, t: usize) -> Vec<ActorAt> {
        let mut heads = vec![t];
        if matches!(self.deprel(t), "nsubj" | "nsubj:pass" | "obj") {
            heads.extend(self.head(t));
        }
        let mut out = Vec::new();
        for h in heads {
            for &k in &self.children[h] {
                if !self.lexicon.mediating.contains(self.lemma(k)) {
                    continue;
                }
                let agents: Vec<usize> = match self.words()[k].upos {
                    Upos::VERB if matches!(self.deprel(k), "amod" | "acl" | "conj" | "advcl") => {
                        self.child(k, "obl:agent")
                            .into_iter()
                            .chain(self.obliques(k, "by"))
                            .chain(self.hyphen_agent(k))
                            .collect()
                    }
                    Upos::NOUN if matches!(self.deprel(k), "obl" | "nmod") => {
                        self.obliques(k, "of").collect()
                    }
                    _ => Vec::new(),
                };
                for a in agents {
                    out.extend(self.actors_at(a));
                }
            }
        }
        out
    }

    /// The agent written before the hyphen of participle `c` on a noun ("US-backed"): a
    /// known actor right before "-".
    fn hyphen_agent(&self, c: usize) -> Option<usize> {
        if self.deprel(c) != "amod" || self.words()[c].upos != Upos::VERB {
            return None;
        }
        self.children[c].iter().copied().find(|&k| {
            k + 2 == c
                && self.form(k + 1) == "-"
                && matches!(
                    self.deprel(k),
                    "obl:unmarked" | "compound" | "obl:npmod" | "nmod:npmod"
                )
                && self.is_known_mention(k)
        })
    }

    /// The subject of the verb that takes noun `n` as object, when the verb is one of
    /// `lemmas` ("issued a statement", "expressed its willingness").
    pub(super) fn subject_of_verb_in(
        &self,
        n: usize,
        lemmas: &FxHashSet<String>,
        depth: usize,
    ) -> Option<usize> {
        let verb = self.head(n)?;
        (self.deprel(n) == "obj"
            && self.words()[verb].upos == Upos::VERB
            && lemmas.contains(self.lemma(verb)))
        .then(|| self.subject(verb, depth + 1))
        .flatten()
    }

    /// The subject of the clause that stance noun `t` (`stance` lemmas in `modality.tsv`)
    /// sums up when it stands in apposition after it ("called for sanctions, a stance which
    /// has been backed by ...", "lifted the ban, a move welcomed by ..."; the parser also
    /// makes it a conjunct or a parataxis of what it sums up): the first actor
    /// subject of the words it hangs on. Asked only when the noun names no actor itself
    /// ("France's stance" is France's).
    pub(super) fn summed_up_subject(&self, t: usize) -> Option<usize> {
        if !self.lexicon.stances.contains(self.lemma(t))
            || !matches!(self.deprel(t), "appos" | "conj" | "parataxis")
        {
            return None;
        }
        let mut x = t;
        for _ in 0..6 {
            let h = self.head(x)?;
            if let Some(s) = self
                .child(h, "nsubj")
                .filter(|&s| !self.actors_at(s).is_empty())
            {
                return Some(s);
            }
            x = h;
        }
        None
    }

    /// The actor that a participle on noun `n` names as its agent: "a statement issued by
    /// the European Union", "a motion presented by the Netherlands".
    pub(super) fn participle_agent(&self, n: usize) -> Option<usize> {
        self.participle_agents(n)
            .find(|&a| !self.actors_at(a).is_empty())
    }

    /// The agents that participles on noun `n` name, in order: each participle's `obl:agent`,
    /// then its `by` phrases.
    pub(in crate::coder) fn participle_agents(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        self.children[n]
            .iter()
            .copied()
            // "two airstrikes carried out by Israeli aircraft": the tagger may read the
            // participle as a past tense; an `obl:agent` says it is a passive all the same.
            .filter(|&k| {
                self.is_reduced_relative(k)
                    || (self.deprel(k) == "acl" && self.child(k, "obl:agent").is_some())
            })
            .flat_map(|k| {
                self.child(k, "obl:agent")
                    .into_iter()
                    .chain(self.obliques(k, "by"))
            })
    }

    /// Makes the state that acts on `m`'s targets its source: the state of `place`, when one
    /// is said (then a target that is the place itself is dropped, an error when `keep_target`
    /// and none is left), else the state of the people acted on, who are then its own. `why`
    /// names the two failures for `dyad explain`.
    pub(super) fn state_as_source(
        &self,
        m: &mut Match,
        place: Option<ActorAt>,
        keep_target: bool,
        why: (&str, &str),
    ) -> Result<(), String> {
        if let Some(place) = place {
            m.sources = vec![place];
            m.targets.retain(|t| t.0 != place.0);
            if keep_target && m.targets.is_empty() {
                return Err(why.0.into());
            }
            m.implied_state = Some(" +state-of-place");
        } else {
            // "The creator of China's largest pornographic website was sentenced": with no
            // place said, the state is that of the people it acts on.
            let own = m.targets.iter().copied().find(|&t| self.has_country(t));
            m.sources = vec![own.ok_or(why.1)?];
            // The people acted on are then the state's own (the target is filled from the
            // source's country when the events are made).
            m.targets.clear();
            m.wants_target = false;
            m.implied_state = Some(" +state-of-the-accused");
        }
        Ok(())
    }
}
