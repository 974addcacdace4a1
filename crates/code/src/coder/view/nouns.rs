//! Matching a pattern headed by an event noun (`match_noun`) and its helpers: owners,
//! pairs of sides, titles before names, protesters' riots, and event coreference ("the
//! talks" told again).

use dyad_text::Upos;

use crate::coder::view::{ActorAt, Match, View};
use crate::coder::{
    is_material_root, is_reciprocal, pattern_names_target, DateSource, Found, Party,
};
use crate::triggers::{Element, Pattern, TriggerKind};

impl<'a> View<'a> {
    /// Fighting (a 19 pattern of a `fighting` word) one of whose sides is protesters (a
    /// `protester` noun of `data/modality.tsv`, or a noun a `protester` participle modifies)
    /// is a riot by them (145): "clashes between police and demonstrators in Mar del Plata",
    /// "police were hurt in clashes with protesters". The rioters are the protesters' actor,
    /// else the people of the place, else of the other side's country; the riot is aimed at
    /// the other side when it is of the same country, else at the country.
    pub(in crate::coder) fn protesters_riot(
        &self,
        p: &Pattern,
        w: usize,
        kind: TriggerKind,
    ) -> Option<Match> {
        if !p.code.starts_with("19") || !self.lexicon.fighting.contains(&p.head) {
            return None;
        }
        let mut sides: Vec<usize> = Vec::new();
        let add = |k: usize, sides: &mut Vec<usize>| {
            sides.push(k);
            sides.extend(
                self.children_of(k)
                    .iter()
                    .copied()
                    .filter(|&c| self.deprel(c) == "conj"),
            );
        };
        for &c in self.children_of(w) {
            if matches!(self.case_of(c), Some("between" | "with")) {
                add(c, &mut sides);
            } else if !self.deprel(c).starts_with("nsubj") {
                // "a clash Wednesday between ...": a phrase the parser hung on a date.
                for &g in self.children_of(c) {
                    if self.case_of(g) == Some("between") {
                        add(g, &mut sides);
                    }
                }
            }
        }
        if kind == TriggerKind::Noun {
            // "break up clashes in Beirut on Monday evening between supporters and
            // protestors": a `between` phrase hung on a date of the verb the noun is the
            // object of.
            for &c in self.head(w).map_or(&[][..], |h| self.children_of(h)) {
                if c != w && self.deprel(c) == "obl" && self.is_bare_date(c) {
                    for &g in self.children_of(c) {
                        if self.case_of(g) == Some("between") {
                            add(g, &mut sides);
                        }
                    }
                }
            }
        } else if self.deprel(w) == "acl" {
            // "Kenyan protesters clashed with police", parsed as a participle on the noun.
            if let Some(h) = self.head(w) {
                add(h, &mut sides);
            }
        }
        let clause = match kind {
            TriggerKind::Verb => Some(w),
            // "police were injured during clashes with protesters": the subjects of the
            // clause that the fighting is told in are one side of it.
            TriggerKind::Noun => (self.deprel(w) == "obl"
                && matches!(self.case_of(w), Some("in" | "during")))
            .then(|| self.head(w))
            .flatten(),
        };
        if let Some(s) = clause.and_then(|h| {
            self.child(h, "nsubj")
                .or_else(|| self.child(h, "nsubj:pass"))
        }) {
            add(s, &mut sides);
        }
        let protesting = |k: usize| {
            self.lexicon.protesters.contains(self.lemma(k))
                || self.children_of(k).iter().any(|&c| {
                    matches!(self.deprel(c), "amod" | "acl")
                        && self.lexicon.protesters.contains(self.lemma(c))
                })
        };
        let &rioters = sides.iter().find(|&&k| protesting(k))?;
        let known = |w: usize| self.known_actor_at(w);
        let other = sides
            .iter()
            .copied()
            .filter(|&k| !protesting(k))
            .find_map(known);
        let place = self.own_place_actor(w);
        let mut m = Match::at(w);
        m.riot = true;
        m.consumed.push(rioters);
        let source = match (known(rioters), place, other) {
            (Some(a), _, _) => {
                // "protesters in Nairobi": an actor read from a place of theirs is the
                // people of that place.
                m.people_of_place = self.mentions[a.0].head != rioters;
                a
            }
            (None, Some(a), _) | (None, None, Some(a)) => {
                m.people_of_place = true;
                a
            }
            (None, None, None) => return None,
        };
        m.sources = vec![source];
        let country = |(mi, a): ActorAt| self.mentions[mi].actors[a].country.clone();
        if let Some(o) = other.filter(|&o| o.0 != source.0 && country(o) == country(source)) {
            m.targets = vec![o];
        }
        Some(m)
    }

    pub(in crate::coder) fn match_noun(&self, p: &Pattern, n: usize) -> Result<Match, String> {
        let mut m = Match::at(n);
        let light_verb = self.light_verb_of(n);
        // "arrived for talks with", "said during a visit to": the subject of the clause takes
        // part in a meeting or visit that an oblique of its verb tells.
        // "agreed to develop cooperation in energy affairs during a visit by ...": a `during`
        // phrase belongs to the clause, wherever the parser hung it.
        // So is an `after` phrase hung on the subject or on an oblique ("said Vranitzky,
        // after talks with Dini", "made the remarks at a press conference after talks with");
        // not one on the object, which may be the object's own ("welcomed the statement
        // after talks with").
        let during_clause = p.code.starts_with("04")
            && self.deprel(n) == "nmod"
            && (self.case_of(n) == Some("during")
                || (self.case_of(n) == Some("after") && self.hangs_on_clause_phrase(n)));
        let participant_head = if during_clause {
            self.governing_verb(n)
        } else {
            // "An Israeli officer and three Palestinian militants were wounded in clashes":
            // the fighting that a clause's subjects were hurt in is between them.
            let fought_in = self.lexicon.fighting.contains(&p.head)
                && !pattern_names_target(p)
                && self.is_accompanying_oblique(n);
            ((p.code.starts_with("04")
                && (self.is_accompanying_oblique(n) || self.follows_as_oblique(n)))
                || fought_in
                // "took command with a call for talks with the rebels": an appeal or a
                // demand that comes with a clause's act is its subject's.
                || (matches!(&p.code[..2], "02" | "10")
                    && self.deprel(n) == "obl"
                    && self.case_of(n) == Some("with")))
            .then(|| {
                let h = self.head(n)?;
                if self.deprel(n) == "nmod" {
                    self.head(h)
                } else {
                    Some(h)
                }
            })
            .flatten()
        };
        let mut target_mention: Option<usize> = None;
        // "a visit to the crisis-wracked nation": a target read back to a country named
        // before it, once the source is known.
        let mut anaphor: Option<usize> = None;
        // The phrase that the last matched preposition introduces ("call for talks").
        let mut marked: Option<usize> = None;
        // The words of a `between` phrase of the pattern.
        let mut between: Vec<usize> = Vec::new();
        for e in &p.elements {
            match e {
                Element::Target { case: Some(c) } => {
                    m.wants_target = true;
                    // A day is never a target, nor what the parser hung on it ("a Russian
                    // air raid on Monday, Iran reported").
                    let mut places: Vec<usize> = self
                        .obliques(n, c)
                        .filter(|&pl| !self.is_bare_date(pl))
                        .collect();
                    if let Some(v) = light_verb {
                        places.extend(self.obliques(v, c));
                    }
                    if places.is_empty() && self.follows_as_oblique(n) {
                        // "said following his talks with Lee": the parser may hang the
                        // phrase on "following".
                        places.extend(self.head(n).into_iter().flat_map(|v| self.obliques(v, c)));
                    }
                    // "the UN request for access to detainees": a request is made `to` whom
                    // its own phrase names; a `to` inside what it asks for is no addressee.
                    let own_addressee = matches!(&p.code[..2], "02" | "10") && c == "to";
                    if places.is_empty() && !own_addressee {
                        // "talks on military cooperation with Egypt"; "the agreement reached
                        // between Israel and the Palestinians": a participle on the noun.
                        for &k in &self.children[n] {
                            if self.deprel(k) == "nmod" || self.is_reduced_relative(k) {
                                places.extend(self.obliques(k, c));
                            }
                        }
                    }
                    if places.is_empty()
                        && self.deprel(n) == "nmod"
                        && self.case_of(n) == Some("of")
                    {
                        // "welcomed the resumption of peace talks between the government and
                        // the rebels": the phrase may hang on the noun the event is `of`.
                        if let Some(h) =
                            self.head(n).filter(|&h| self.words()[h].upos == Upos::NOUN)
                        {
                            places.extend(self.obliques(h, c));
                        }
                    }
                    if places.is_empty() && c == "between" {
                        // "clashes erupted on Friday evening between U.S. forces and
                        // militiamen": the parser may hang the phrase on a date of the noun or
                        // of the verb the noun is the subject of.
                        let mut hosts = vec![n];
                        if self.deprel(n).starts_with("nsubj") {
                            hosts.extend(self.head(n));
                        }
                        for h in hosts {
                            for &d in &self.children[h] {
                                if self.is_bare_date(d) {
                                    places.extend(self.obliques(d, c));
                                }
                            }
                        }
                    }
                    if places.is_empty() {
                        return Err(format!("no `{c}` phrase"));
                    }
                    for &pl in &places {
                        m.targets.extend(self.actors_at(pl));
                    }
                    if c == "between" {
                        // "Clashes between Israeli troops and Palestinians": the parser may
                        // hang the second side on the event noun, as its conjunct right
                        // after "and".
                        for &pl in &places {
                            let end = self.phrase_end(pl);
                            let second = self.children[n].iter().copied().find(|&k| {
                                self.deprel(k) == "conj"
                                    && self.child(k, "cc") == Some(end + 1)
                                    && self.form(end + 1) == "and"
                                    && self.case_of(k).is_none()
                            });
                            if let Some(k) = second {
                                m.targets.extend(self.actors_at(k));
                            }
                        }
                        between = places.clone();
                    }
                    if self.all_unknown(&m.targets) {
                        anaphor = places
                            .iter()
                            .copied()
                            .find(|&pl| self.is_country_anaphor(pl));
                        if anaphor.is_some() {
                            m.targets.clear();
                        }
                    }
                    m.score += 2;
                }
                Element::Target { case: None } => {
                    m.wants_target = true;
                    for &c in &self.children[n] {
                        if self.sentence.words[c].deprel.universal() == "nmod"
                            && self.deprel(c) != "nmod:poss"
                        {
                            m.targets.extend(self.actors_at(c));
                        }
                    }
                    m.score += 1;
                }
                Element::Source { case } => {
                    for pl in self.obliques(n, case).collect::<Vec<_>>() {
                        m.sources.extend(self.actors_at(pl));
                    }
                    if m.sources.is_empty()
                        && n + 1 < self.words().len()
                        && self.deprel(n + 1) == "case"
                        && self.form(n + 1).eq_ignore_ascii_case(case)
                    {
                        // "despite protest from landowners", "despite opposition from a
                        // number of countries": the parser often hangs the `from` phrase
                        // right after the noun on the verb; it is the noun's.
                        if let Some(pl) = self.head(n + 1).filter(|&h| self.head(h) != Some(n)) {
                            m.sources.extend(self.actors_at(pl));
                        }
                    }
                    // As for a verb: the pattern names its source, so a noun without one
                    // ("protests were staged") is not it.
                    if m.sources.is_empty() {
                        return Err(format!("no actor in a `{case}` phrase"));
                    }
                    m.score += 2;
                }
                Element::Word(alts) => {
                    // As for verbs, a preposition of the pattern fixes the next word to the
                    // phrase it introduces ("call for talks", "appeal for aid").
                    let pool: Vec<usize> = match marked.take() {
                        Some(k) => std::iter::once(k)
                            .chain(self.children[k].iter().copied().filter(|&x| {
                                matches!(
                                    self.sentence.words[x].deprel.universal(),
                                    "compound" | "amod" | "nmod" | "flat"
                                )
                            }))
                            .collect(),
                        None => self.children[n].clone(),
                    };
                    if let Some(c) = pool.iter().copied().find(|&c| self.is(c, alts)) {
                        // "a call for talks": the talks are the appeal's, not an event of
                        // their own.
                        m.trigger.push(c);
                        m.consumed.push(c);
                    } else if let Some(c) = self.children[n].iter().copied().find(|&c| {
                        matches!(self.sentence.words[c].deprel.universal(), "nmod" | "acl")
                            && self.children[c].iter().any(|&k| {
                                matches!(self.deprel(k), "case" | "mark") && self.is(k, alts)
                            })
                    }) {
                        marked = Some(c);
                    } else {
                        return Err(format!("no `{}`", alts.join("|")));
                    }
                    m.score += 2;
                }
                Element::AnyObject => {}
            }
        }
        if let Some(&(mi, _)) = m.targets.first() {
            target_mention = Some(mi);
        }
        if m.sources.is_empty() {
            // The agent: "the killing of 60 Palestinians by Israeli troops", "a visit to
            // Washington by Salva Kiir".
            for pl in self.obliques(n, "by").collect::<Vec<_>>() {
                m.sources.extend(
                    self.actors_at(pl)
                        .into_iter()
                        .filter(|&(mi, _)| Some(mi) != target_mention),
                );
            }
        }
        if m.sources.is_empty()
            && !m.wants_target
            && (is_reciprocal(&p.code) || self.reciprocal_heads.contains(&p.head))
        {
            // "an Israeli-US summit meeting", "India-Pakistan talks": the two sides named
            // before the noun, whatever the parser made of the hyphen.
            m.sources = self.sides_before(n);
        }
        if m.sources.is_empty()
            && !m.wants_target
            && (is_reciprocal(&p.code) || self.reciprocal_heads.contains(&p.head))
        {
            // "after the two leaders' talks", "told Lee during their meeting": a reciprocal
            // noun owned by the pair is between the pair's two sides.
            m.sources = self.pair_owners(n);
        }
        if m.sources.is_empty() {
            // The possessor or an actor adjective: "Russia's strikes", "Russian strikes".
            'mods: for rel in ["nmod:poss", "amod", "compound"] {
                for &c in &self.children[n] {
                    // "the Oslo accords with Israel": no Norwegian signatory.
                    if self.deprel(c) == rel && !self.is_venue_of(n, c) {
                        if let Some(mi) = self.mention_of[c] {
                            if Some(mi) != target_mention {
                                m.sources = self.mention_actors(mi).collect();
                                break 'mods;
                            }
                        }
                    }
                }
            }
        }
        if m.sources.is_empty() && matches!(&p.code[..2], "02" | "10") {
            // "rejected demands by the United States to cut subsidies": the parser may hang a
            // request's `by` phrase on the verb whose object it is; right after the noun's
            // phrase, in an active clause, it is still the request's agent.
            if let Some(v) = self.head(n).filter(|&v| {
                self.deprel(n) == "obj" && self.words()[v].upos == Upos::VERB && !self.is_passive(v)
            }) {
                if let Some(b) = self.obliques(v, "by").find(|&b| {
                    self.deprel(b) == "obl"
                        && self
                            .child(b, "case")
                            .is_some_and(|c| self.right_after(n, c))
                }) {
                    m.sources = self
                        .actors_at(b)
                        .into_iter()
                        .filter(|&(mi, _)| Some(mi) != target_mention)
                        .collect();
                }
            }
        }
        if m.sources.is_empty() && self.case_of(n) == Some("for") {
            // "Hezbollah claimed responsibility for the attack on the patrol": the act is
            // the claimer's, whether the parser hangs it on the noun or on the verb.
            if let Some(s) = self
                .head(n)
                .and_then(|h| match self.words()[h].upos {
                    Upos::VERB => Some(h),
                    _ => self.head(h).filter(|&g| self.child(g, "obj") == Some(h)),
                })
                .filter(|&g| self.claims_responsibility(g))
                .and_then(|g| self.subject(g, 0))
            {
                m.sources = self
                    .actors_at(s)
                    .into_iter()
                    .filter(|&(mi, _)| Some(mi) != target_mention)
                    .collect();
            }
        }
        if m.sources.is_empty() && self.case_of(n) == Some("for") {
            // "criticized the United States for imposing economic sanctions", "thanked Japan
            // for its aid": a verb that judges an actor for an act (`judge` lemmas in
            // `data/modality.tsv`) names the act's author as its object.
            if let Some(o) = self
                .head(n)
                .filter(|&h| {
                    self.words()[h].upos == Upos::VERB
                        && self.lexicon.judges.contains(self.lemma(h))
                })
                .and_then(|h| self.child(h, "obj"))
            {
                m.sources = self
                    .actors_at(o)
                    .into_iter()
                    .filter(|&(mi, _)| Some(mi) != target_mention)
                    .collect();
            }
        }
        if m.sources.is_empty() {
            // "Austin initiated the call with ...": the subject of the light verb.
            if let Some(v) = light_verb {
                // Of a passive light verb, its agent: "a deal was signed by Jordan".
                let s = if self.deprel(n) == "nsubj:pass" {
                    self.child(v, "obl:agent")
                        .or_else(|| self.obliques(v, "by").next())
                } else {
                    self.subject(v, 0)
                };
                if let Some(s) = s {
                    m.sources = self.actors_at(s);
                    m.plural_source = self.is_plural_group(s);
                }
            }
        }
        if let Some(h) = participant_head
            .filter(|_| p.code == "042" && m.targets.is_empty() && !m.sources.is_empty())
        {
            // "agreed ... during a visit by Russia's Foreign Minister": the hosts are the
            // clause's other subjects.
            if let Some(s) = self.subject(h, 0).filter(|_| !self.is_passive(h)) {
                let country = |&(mi, a): &ActorAt| self.mentions[mi].actors[a].country.clone();
                m.targets = self
                    .actors_at(s)
                    .into_iter()
                    .filter(|t| {
                        !m.sources.iter().any(|s| {
                            s.0 == t.0 || (country(s).is_some() && country(s) == country(t))
                        })
                    })
                    .collect();
            }
        }
        // "voiced indignation at a meeting between Clinton and the Dalai Lama": a `between`
        // phrase that names two sides names all who met; the clause's subject is not one.
        let sides_named = !between.is_empty() && {
            let mut ms: Vec<usize> = m.targets.iter().map(|t| t.0).collect();
            ms.dedup();
            ms.len() >= 2
        };
        if let Some(h) = participant_head.filter(|_| m.sources.is_empty() && !sides_named) {
            // "is in Singapore for a state visit": a predicate that is not a verb has its
            // own subject.
            let s = if matches!(self.words()[h].upos, Upos::VERB) {
                if self.is_passive(h) {
                    // "was whisked to Tirana for a meeting with Berisha": with no agent, the
                    // one moved is the one who meets.
                    (p.code != "042" && self.agent(h).is_none())
                        .then(|| self.child(h, "nsubj:pass"))
                        .flatten()
                } else {
                    self.subject(h, 0)
                }
            } else {
                self.child(h, "nsubj")
            };
            if let Some(s) = s {
                m.sources = self.actors_at(s);
                m.plural_source = self.is_plural_group(s);
            }
            if p.code == "042" && m.targets.is_empty() && anaphor.is_none() && !m.sources.is_empty()
            {
                // "arrived in Cairo on a surprise visit", "is in Singapore for a visit": the
                // host is the place where the visitor is.
                let mut places: Vec<usize> = self.obliques(h, "in").collect();
                if self.case_of(h) == Some("in") {
                    places.push(h);
                }
                for pl in places {
                    m.targets.extend(self.actors_at(pl));
                }
                m.targets.retain(|t| !m.sources.iter().any(|s| s.0 == t.0));
                if m.targets.is_empty() {
                    return Err("the visit has no host".into());
                }
            }
        }
        if m.sources.is_empty() {
            // "an attack on Crimea in which Ukraine used missiles": the subject of a
            // relative clause that tells the event.
            for &c in &self.children[n] {
                if self.deprel(c) == "acl:relcl" {
                    if let Some(s) = self
                        .child(c, "nsubj")
                        .filter(|&s| !self.is_relative_pronoun(s))
                    {
                        m.sources = self.actors_at(s);
                        if !m.sources.is_empty() {
                            break;
                        }
                    }
                }
            }
        }
        if m.sources.is_empty() && matches!(&p.code[..2], "10" | "11" | "12" | "13" | "14") {
            // "'Retaliatory measures are certain to follow,' the ministry said": a threat
            // or a demand in quoted speech is the speaker's own.
            if let Some(s) = self.speaker_of(n) {
                m.sources = self.actors_at(s);
            }
        }
        if m.sources.is_empty() && p.code.starts_with("04") {
            // "Talabani expressed pleasure with his visit to Iran", "Badawi added that his
            // talks with the US president were smooth": an act owned by a possessive pronoun
            // is that of the subject of the nearest clause around it.
            if let Some(s) = self.pronoun_owner_subject(n) {
                m.sources = self
                    .actors_at(s)
                    .into_iter()
                    .filter(|&(mi, _)| Some(mi) != target_mention)
                    .collect();
                m.plural_source = self.is_plural_group(s);
                m.source_pronoun_owner = !m.sources.is_empty();
            }
        }
        if p.code == "042" && m.targets.is_empty() && !m.wants_target {
            return Err("the visit has no host".into());
        }
        if m.sources.is_empty()
            && !m.targets.is_empty()
            && p.elements
                .iter()
                .any(|e| matches!(e, Element::Target { case: Some(c) } if c == "between"))
        {
            // "talks between X and Y".
            m.sources = std::mem::take(&mut m.targets);
            if m.sources.len() == 1
                && is_reciprocal(&p.code)
                && between.iter().any(|&pl| self.is_plural_group(pl))
            {
                // "peace talks between Ukraine's rival factions": one plural group of one
                // country is both sides (gold rule 7: a domestic event).
                m.wants_target = false;
                m.plural_source = true;
            }
        }
        if let Some(a) = anaphor.filter(|_| m.targets.is_empty() && !m.sources.is_empty()) {
            m.targets = self.country_named_before(a, &m.sources);
            m.target_anaphor = !m.targets.is_empty();
        }
        if m.targets.is_empty()
            && !m.wants_target
            && is_material_root(&p.code[..2])
            && self.case_of(n) == Some("by")
        {
            // "Four Palestinians were wounded by Israeli troops' gunfire", "Kyiv was hit by
            // Russian strikes": the act that harmed the subject of its predicate.
            if let Some(s) = self.head(n).and_then(|h| {
                self.child(h, "nsubj:pass")
                    .or_else(|| self.child(h, "nsubj"))
            }) {
                m.targets = self
                    .actors_at(s)
                    .into_iter()
                    .filter(|t| !m.sources.iter().any(|s| s.0 == t.0))
                    .collect();
            }
        }
        if m.targets.is_empty()
            && !m.sources.is_empty()
            && p.elements
                .iter()
                .any(|e| matches!(e, Element::Source { .. }))
        {
            // "filed the resolution despite threats from Beijing", "adopted the text amid
            // opposition from Japan", "is under pressure from Congress": an act told by a noun
            // whose author is its `from` phrase is aimed at the subject of the clause the
            // noun is an oblique of, or of the noun itself as a predicate.
            // The parser often hangs "despite/amid/after ... X from Y" on the verb's object
            // ("signed the accord despite threats from Chile"): such a phrase is the clause's.
            let clause_level = self.deprel(n) == "nmod"
                && matches!(
                    self.case_of(n).map(|c| c.to_ascii_lowercase()).as_deref(),
                    Some("despite" | "amid" | "amidst" | "after" | "following" | "under")
                );
            let (n_at, rel) = match self.head(n) {
                Some(g)
                    if clause_level
                        && matches!(self.deprel(g), "obj" | "obl")
                        && self.head(g).is_some() =>
                {
                    (g, "obl")
                }
                _ => (n, self.deprel(n)),
            };
            let s = self.child(n, "nsubj").or_else(|| {
                self.head(n_at)
                    .filter(|&h| rel.starts_with("obl") && self.words()[h].upos == Upos::VERB)
                    .and_then(|h| {
                        if self.is_passive(h) {
                            self.child(h, "nsubj:pass")
                        } else {
                            self.subject(h, 0)
                        }
                    })
            });
            if let Some(s) = s {
                m.targets = self
                    .actors_at(s)
                    .into_iter()
                    .filter(|t| !m.sources.iter().any(|s| s.0 == t.0))
                    .collect();
            }
        }
        if m.sources.is_empty()
            && !m.targets.is_empty()
            && self.lexicon.state_acts.contains(&p.head)
            && self.deprel(n).starts_with("nsubj")
        {
            // "The trial of the former president resumed", "The execution of Saddam Hussein
            // is a reminder": only a state tries, jails or executes, so, as for an agentless
            // passive of such a verb, the state of the place said does, else the state of
            // the people acted on (gold rule 6; rule 7: its own people). Only for the
            // subject of a clause: as an object, the act is one that the clause reacts to,
            // calls for or awaits ("denounced the detention of an American journalist by
            // ...", "brace for the execution of"), whose author is not ours to guess.
            if let Some(place) = self.place_actor(n) {
                m.sources = vec![place];
                m.targets.retain(|t| t.0 != place.0);
                if m.targets.is_empty() {
                    return Err("the target is the place".into());
                }
                m.implied_state = Some(" +state-of-place");
            } else if let Some(own) = m.targets.iter().copied().find(|&t| self.has_country(t)) {
                m.sources = vec![own];
                m.targets.clear();
                m.wants_target = false;
                m.implied_state = Some(" +state-of-the-accused");
            }
        }
        if m.sources.is_empty() && p.code.starts_with("14") && self.actors_at(n).is_empty() {
            // "news of riots in Pekalongan, Central Java", "Riots were continuing in Mar
            // del Plata": a protest that names no one who makes it is made by the people of
            // the place where it happens (gold rule 7: a country's citizens are coded with
            // its code). The place must be the protest's own (its clause, or the clause
            // it is the subject of), not one elsewhere in the sentence. A noun that names
            // the people who protest ("protesters") is no act: "police fired on protesters
            // in Santiago" codes the shooting, not a protest.
            let place = self.own_place_actor(n);
            if let Some(place) = place {
                m.sources = vec![place];
                m.targets.retain(|t| t.0 != place.0);
                m.people_of_place = true;
            }
        }
        if !m.wants_target
            && m.targets.is_empty()
            && !m.sources.is_empty()
            && matches!(&p.code[..2], "12" | "13")
        {
            // "Ankara's refusal to meet its EU obligations": a refusal or a threat to act is
            // aimed at whom the act's object names, as for the verbs.
            if let Some(x) = self
                .children_of(n)
                .iter()
                .copied()
                .find(|&c| self.deprel(c) == "acl" && self.case_of(c) == Some("to"))
            {
                m.targets = self.known_others(self.object_actors(x), &m.sources);
            }
        }
        if m.wants_target && m.targets.is_empty() && m.sources.len() < 2 && !m.sources.is_empty() {
            return Err("the target names no actor".into());
        }
        if self.lexicon.fighting.contains(&p.head) && !m.wants_target && m.targets.is_empty() {
            // Fighting told with no other side is between its sources: two countries, or two
            // armed bodies of one country ("a clash between Moscow and Russian rebels"),
            // which is one domestic event (gold rule 7), so one pair is kept.
            if self.country_count(&m.sources) < 2 {
                let known: Vec<ActorAt> = m
                    .sources
                    .iter()
                    .copied()
                    .filter(|&t| self.has_country(t))
                    .collect();
                let code = |(mi, a): ActorAt| self.mentions[mi].actors[a].code.as_str();
                let first = known.first().copied();
                let other = first.and_then(|f| known.iter().copied().find(|&k| code(k) != code(f)));
                match (first, other) {
                    (Some(f), Some(o)) => m.sources = vec![f, o],
                    _ => return Err("the fighting has one side".into()),
                }
            }
        }
        m.trigger.sort_unstable();
        Ok(m)
    }

    /// The subject of the nearest clause around noun `n` when `n` is owned by a possessive
    /// pronoun ("his talks", "their meeting"). The actors stage leaves such
    /// pronouns unresolved, and within one sentence they most often stand for that subject.
    /// Not for the object of a verb that is no `light` verb: "Arafat rejected their pay
    /// demands", "Japan welcomed his visit" react to another party's act.
    /// The subject must come before the pronoun ("Her trip ..., Dray said" names nobody),
    /// and no object of its verb naming someone may stand between them ("Tung warned Lee to
    /// be careful during his trip": whose trip is not said).
    fn pronoun_owner_subject(&self, n: usize) -> Option<usize> {
        let pronoun = self.children[n].iter().copied().find(|&c| {
            self.deprel(c) == "nmod:poss"
                && self.words()[c].upos == Upos::PRON
                && self.mention_of[c].is_none()
                && matches!(self.form(c), "his" | "her" | "its" | "their")
        })?;
        let mut x = n;
        for _ in 0..5 {
            let h = self.head(x)?;
            if x == n
                && self.deprel(n) == "obj"
                && !(self.words()[h].upos == Upos::VERB
                    && self.lexicon.light.contains(self.lemma(h)))
            {
                return None;
            }
            // The noun may be the subject of its own clause ("his talks were smooth"): the
            // clause above it is meant.
            if !self.deprel(x).starts_with("nsubj") && self.words()[h].upos == Upos::VERB {
                if let Some(s) = self.subject(h, 0).filter(|&s| s != x && s != n) {
                    let other_party = self.children[h].iter().any(|&o| {
                        matches!(self.deprel(o), "obj" | "iobj")
                            && o < pronoun
                            && (matches!(self.words()[o].upos, Upos::PROPN | Upos::PRON)
                                || !self.actors_at(o).is_empty())
                    });
                    // A pronoun subject ("He noted that his visit ...") would chain two
                    // guesses; only a named subject is taken.
                    let named = self.words()[s].upos != Upos::PRON;
                    return (s < pronoun && named && !other_party && !self.actors_at(s).is_empty())
                        .then_some(s);
                }
            }
            x = h;
        }
        None
    }

    /// The two sides that own noun `n` as a pair, in the order named: "the two leaders'
    /// talks" (the last two actors of different countries named before the possessor), or
    /// "their meeting" in a clause whose subject and object, both named before the pronoun,
    /// are actors of different countries ("The president told Lee during their meeting").
    /// Empty otherwise: "their" alone may be the subject's own people.
    fn pair_owners(&self, n: usize) -> Vec<ActorAt> {
        let Some(owner) = self.child(n, "nmod:poss") else {
            return Vec::new();
        };
        if self.is_two_sides(owner) {
            return self.two_sides_before(owner);
        }
        if self.form(owner) != "their" || self.mention_of[owner].is_some() {
            return Vec::new();
        }
        // The verb of the clause the noun belongs to, through the nouns it hangs on.
        let mut v = n;
        for _ in 0..3 {
            match self.head(v) {
                Some(h) if self.words()[h].upos == Upos::VERB => {
                    v = h;
                    break;
                }
                Some(h) if self.words()[h].upos == Upos::NOUN => v = h,
                _ => return Vec::new(),
            }
        }
        if v == n || self.words()[v].upos != Upos::VERB || self.is_passive(v) {
            return Vec::new();
        }
        let Some(s) = self.subject(v, 0).filter(|&s| s < owner) else {
            return Vec::new();
        };
        let Some(o) = self
            .child(v, "obj")
            .or_else(|| self.child(v, "iobj"))
            .filter(|&o| o < owner)
        else {
            return Vec::new();
        };
        let (mut sides, objects) = (self.actors_at(s), self.actors_at(o));
        if sides.is_empty() || objects.is_empty() {
            return Vec::new();
        }
        sides.extend(objects);
        if self.country_count(&sides) == 2 && sides.iter().all(|&t| self.has_country(t)) {
            sides
        } else {
            Vec::new()
        }
    }

    /// The actors of two or more countries named in the words right before noun `n`
    /// ("Israeli-US", "Israeli and US", "Sino-US summit"), in text order; empty when the
    /// words before it name fewer than two countries.
    fn sides_before(&self, n: usize) -> Vec<ActorAt> {
        let mut mentions: Vec<usize> = Vec::new();
        for i in (0..n).rev() {
            let w = &self.words()[i];
            let joins = match w.upos {
                Upos::ADJ | Upos::PROPN | Upos::NOUN => true,
                Upos::PUNCT => matches!(w.form.as_str(), "-" | "–" | "/"),
                Upos::CCONJ => w.form == "and",
                _ => false,
            };
            if !joins {
                break;
            }
            if let Some(mi) = self.mention_of[i] {
                if !mentions.contains(&mi) {
                    mentions.push(mi);
                }
            }
        }
        mentions.reverse();
        let sides: Vec<ActorAt> = mentions
            .iter()
            .flat_map(|&mi| self.mention_actors(mi))
            .collect();
        let countries = self.country_count(&sides);
        if countries >= 2 && countries == mentions.len() {
            sides
        } else {
            Vec::new()
        }
    }

    /// How many different countries the actors of `actors` belong to.
    fn country_count(&self, actors: &[ActorAt]) -> usize {
        let mut countries: Vec<&str> = actors
            .iter()
            .filter_map(|&(mi, a)| self.mentions[mi].actors[a].country.as_deref())
            .collect();
        countries.sort_unstable();
        countries.dedup();
        countries.len()
    }

    /// "The spokesman of the Russian Defence Ministry (RDM) Ivan Petrov accused": a
    /// person's name of no actor, written right after the title that says whose he is, with
    /// no comma between (the parser often hangs the title elsewhere). The
    /// actors of the mention that ends just before the name, else none.
    pub(super) fn title_before_name(&self, s: usize) -> Vec<ActorAt> {
        if self.words()[s].upos != Upos::PROPN {
            return Vec::new();
        }
        let mut first = s;
        while let Some(&c) = self.children[first]
            .iter()
            .find(|&&c| c < first && matches!(self.deprel(c), "flat" | "compound" | "nmod:desc"))
        {
            first = c;
        }
        let mut before = first.checked_sub(1);
        if let Some(b) = before.filter(|&b| self.form(b) == ")") {
            before = b.checked_sub(1);
        }
        let Some(b) = before else {
            return Vec::new();
        };
        if !matches!(self.words()[b].upos, Upos::PROPN | Upos::NOUN) {
            return Vec::new();
        }
        let Some(mi) = self.mention_of[b] else {
            return Vec::new();
        };
        self.mention_actors(mi)
            .filter(|&t| self.has_country(t))
            .collect()
    }

    /// The country (code prefix, country) of the official who says what the state actor
    /// `source` (mention `at`) of no country does at word `w`: only for the state's own
    /// sectors (forces, police, officials), told as known ones ("the soldiers", "its
    /// forces", not "300 volunteers"), and a speaker of a government, forces or police.
    pub(in crate::coder) fn speakers_own_forces(
        &self,
        w: usize,
        at: ActorAt,
        source: &Party,
    ) -> Option<(String, String)> {
        const STATE: [&str; 4] = ["GOV", "MIL", "COP", "JUD"];
        let state = |sectors: &[String]| sectors.iter().any(|s| STATE.contains(&s.as_str()));
        let head = self.mentions[at.0].head;
        let known = self.children[head].iter().any(|&k| {
            (self.deprel(k) == "det" && self.lemma(k) == "the")
                || (self.deprel(k) == "nmod:poss" && self.words()[k].upos == Upos::PRON)
        });
        if !state(&source.actor.sectors) || !known {
            return None;
        }
        let speaker = self.speaker_of(w)?;
        self.actors_at(speaker).into_iter().find_map(|a| {
            let p = self.party(a);
            let country = p.actor.country.clone()?;
            (state(&p.actor.sectors) && !p.actor.code.starts_with("---"))
                .then(|| (p.actor.code[..3].to_string(), country))
        })
    }

    /// "The previous call happened May 13": an event noun that points back at an event
    /// already told, with a date of its own, is that kind of event again between the same
    /// parties. The same word must name both ("initiated the call" ... "the previous call"),
    /// and nothing may set the noun apart ("the Oct. 12 meeting of the initiative").
    pub(in crate::coder) fn event_coref<'f>(
        &self,
        w: usize,
        codes: &[&str],
        earlier: impl DoubleEndedIterator<Item = &'f Found>,
        date: String,
    ) -> Option<Found> {
        if !self.is_anaphoric(w) {
            return None;
        }
        let set_apart = self.children[w]
            .iter()
            .any(|&c| matches!(self.deprel(c), "nmod" | "acl" | "acl:relcl" | "nmod:poss"));
        if set_apart {
            return None;
        }
        let prev = earlier.rev().find(|f| codes.contains(&f.code.as_str()))?;
        let trigger = self.doc.slice(prev.trigger).to_lowercase();
        if !(trigger.contains(self.form(w)) || trigger.contains(self.lemma(w)))
            || prev.date.as_deref() == Some(date.as_str())
        {
            return None;
        }
        Some(Found {
            sentence: self.index,
            trigger: self.span_of_words(&[w]),
            date: Some(date),
            date_source: DateSource::Text,
            rule: format!("{} +event-coref", prev.rule),
            ..prev.clone()
        })
    }

    fn is_anaphoric(&self, n: usize) -> bool {
        self.children[n].iter().any(|&c| {
            matches!(self.deprel(c), "det" | "amod")
                && self.lexicon.anaphoric.contains(self.form(c))
        })
    }
}
