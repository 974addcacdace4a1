//! Matching a pattern headed by a verb (`match_verb_strict`) and its helpers: objects,
//! light verbs, relative antecedents, places of gatherings. The largest single matcher,
//! apart from the nouns'.

use dyad_text::Upos;

use crate::coder::view::{ActorAt, Match, View};
use crate::coder::{is_material_root, pattern_names_object_target};
use crate::triggers::{Element, Pattern};

impl<'a> View<'a> {
    pub(in crate::coder) fn match_verb(&self, p: &Pattern, v: usize) -> Result<Match, String> {
        let result = self.match_verb_strict(p, v, true);
        if result.is_err() && self.reciprocal_heads.contains(&p.head) {
            // "Austin and Shoigu spoke": a reciprocal act may name both sides as subjects.
            if let Ok(m) = self.match_verb_strict(p, v, false) {
                if m.sources.len() >= 2 {
                    return Ok(m);
                }
            }
        }
        result
    }

    fn match_verb_strict(&self, p: &Pattern, v: usize, with_target: bool) -> Result<Match, String> {
        // "Indian police fired on a mob", "environmentalists rallied outside the embassy":
        // the tagger may read a past tense hung on a noun as a participle. A participle
        // without a `by` phrase, of a pattern whose only other side is a prepositional
        // phrase (so that no passive of it has the target for subject), is the noun's act.
        let active_participle = self.is_reduced_relative(v)
            && self.agent(v).is_none()
            && self.head(v).is_some_and(|h| {
                // (A noun that heads a reported clause is that clause's subject: "farmers
                // protested outside the embassy, witnesses said".)
                let heads = |rels: &[&str]| rels.contains(&self.deprel(h));
                !self.actors_at(h).is_empty()
                    && match p.elements.as_slice() {
                        [Element::Target { case: Some(_) }] => {
                            heads(&["nsubj", "obj", "root", "conj", "ccomp"])
                        }
                        // "Opposition supporters protested in Bishkek": a bare protest verb
                        // read as a participle of the sentence's only noun is its main verb.
                        [] => {
                            p.code.starts_with("14")
                                && self.child(v, "obj").is_none()
                                && heads(&["root", "ccomp"])
                        }
                        _ => false,
                    }
            });
        if p.code.starts_with("05") && !active_participle && self.is_background_participle(v) {
            return Err(format!(
                "`{}` only describes `{}` in passing (background, not news)",
                self.form(v),
                self.head(v).map_or("", |h| self.form(h))
            ));
        }
        let victim = self.victim_harm(v).is_some();
        // "Denmark, backed by the United States, filed ...": the parser may make a participle
        // set off by commas the main verb, with the noun it describes for subject; its `by`
        // agent says it is a passive all the same.
        let misread_passive = self.words()[v].xpos == "VBN"
            && self.child(v, "obl:agent").is_some()
            && self.child(v, "nsubj").is_some()
            && !self.children[v]
                .iter()
                .any(|&c| matches!(self.deprel(c), "aux" | "aux:pass" | "cop"));
        let passive = (self.is_passive(v) || victim || misread_passive) && !active_participle;
        // "urged Israel to ...": the parser may call the object `iobj`.
        // A day is never the object ("killed Tuesday", "met Friday with"): the parser's
        // mistake for a temporal modifier.
        // "gave Israel two weeks to ...": a span of time is no object either, and the
        // indirect object is.
        let obj = self
            .child(v, "obj")
            .filter(|&o| !self.is_bare_date(o))
            .or_else(|| self.child(v, "iobj"))
            .filter(|_| !passive)
            .filter(|&o| !self.is_bare_date(o));
        let mut m = Match::at(v);
        // "called the referendum a milestone", "named him envoy": a verb with a predicate
        // complement names its object; it does not meet or phone it.
        if p.code.starts_with("04")
            && (self.children[v].iter().any(|&c| {
                (matches!(self.deprel(c), "xcomp" | "obl:unmarked")
                    && c > v
                    && self.date_of_word[c].is_none()
                    && matches!(self.words()[c].upos, Upos::NOUN | Upos::ADJ | Upos::PROPN))
                    // "called the plan unrealistic", which the parser may read as a
                    // clause of a bare adjective after the object.
                    || (self.deprel(c) == "advcl"
                        && obj.is_some_and(|o| c > o)
                        && self.words()[c].upos == Upos::ADJ
                        && !self.children[c]
                            .iter()
                            .any(|&k| matches!(self.deprel(k), "mark" | "cop" | "nsubj")))
            }) || obj
                .is_some_and(|o| self.has_predicate_appos(o) || self.has_adjective_after(o))
                || self.children[v]
                    .iter()
                    .filter(|&&c| self.deprel(c) == "obj")
                    .count()
                    > 1)
        {
            return Err("a predicate complement: the object is named, not met".into());
        }
        // "demonstrated intelligence", "is demonstrating its hegemony", "protested the plans":
        // a protest told by the verb alone is no demonstration when the verb has an object;
        // that is another sense (to show, to object to), which its own patterns code.
        if p.code.starts_with("14") && p.elements.is_empty() && obj.is_some() {
            return Err("an object: the verb shows or objects to it, it is no protest".into());
        }
        // "Iraq insisted that the flight was humanitarian", "Iran insists that its programme
        // is peaceful": a "that" clause in the indicative states a fact; only a subjunctive
        // or a demand modal asks for an act ("insisted that Israel withdraw", "demanded that
        // sanctions must be lifted").
        if matches!(&p.code[..2], "02" | "10")
            && p.elements
                .iter()
                .any(|e| matches!(e, Element::Word(w) if w.iter().any(|x| x == "that")))
            && self.children[v].iter().any(|&c| {
                matches!(self.deprel(c), "ccomp" | "advcl")
                    && self
                        .child(c, "mark")
                        .is_some_and(|m| self.lemma(m) == "that")
                    && self.is_indicative(c)
            })
        {
            return Err("an indicative \"that\" clause: a statement, no demand".into());
        }
        // "called for Quebec to be recognized", "called for the state to be wiped off the
        // map": with a passive infinitive the one named after "for" is acted on, not asked
        // to act; the call is not addressed to it.
        if matches!(&p.code[..2], "02" | "10")
            && p.elements
                .iter()
                .any(|e| matches!(e, Element::Target { case: Some(c) } if c == "for"))
            && p.elements
                .iter()
                .any(|e| matches!(e, Element::Word(w) if w.iter().any(|x| x == "to")))
        {
            let fors: Vec<usize> = self.obliques(v, "for").collect();
            let passive_infinitive = |c: usize| {
                matches!(self.deprel(c), "advcl" | "xcomp" | "acl" | "ccomp")
                    && self.child(c, "mark").is_some_and(|m| self.lemma(m) == "to")
                    && self.is_passive(c)
            };
            if fors.iter().any(|&f| {
                self.children[v]
                    .iter()
                    .chain(self.children[f].iter())
                    .any(|&c| c > f && passive_infinitive(c))
            }) {
                return Err("a passive infinitive: the one named is acted on, not asked".into());
            }
        }
        // "received a request from NATO", "received the message from the embassy": what is
        // received from someone names its sender, who is no guest being hosted.
        if p.code == "043"
            && obj.is_some_and(|o| {
                self.mention_of[o].is_none()
                    && self
                        .obliques(o, "from")
                        .any(|c| self.mention_of[c].is_some())
            })
        {
            return Err("a thing received from its sender: no guest is hosted".into());
        }
        // "have called a general shutdown in Bihar", "called the government's support ...
        // hypocritical": a phone call is made to someone, so the object of `041 V call $T`
        // must name an actor itself, not through a place or an owner it mentions.
        if p.code == "041" && p.head == "call" && obj.is_some_and(|o| self.mention_of[o].is_none())
        {
            return Err("the object names no actor itself: no phone call".into());
        }
        // "plans to meet a NATO request", "refused to meet its EU obligations": what is met
        // must name an actor itself or in its `of` phrase ("met members of a Ugandan
        // delegation"); a request or a duty met is answered, not met with.
        if p.code == "040"
            && p.head == "meet"
            && obj.is_some_and(|o| {
                self.mention_of[o].is_none()
                    && self.obliques(o, "of").all(|c| self.actors_at(c).is_empty())
            })
        {
            return Err("the object names no actor itself: nobody is met".into());
        }
        // "called on ruling Fatah movement to step down", "called on both parties to
        // refrain": a call on someone to do something is an appeal, however the parser hung
        // the infinitive; it is no visit.
        if p.code == "042" && p.head == "call" && self.has_infinitive_after(v, v, 0) {
            return Err("an infinitive: a call on someone to act is an appeal, no visit".into());
        }
        let mut subject_is_target = false;
        // "imposing sanctions on the military-ruled country": a target phrase read back to a
        // country named before it, once the source is known.
        let mut anaphor: Option<usize> = None;
        // The object word a pattern names ("abuse prisoners"), which may name who is acted on.
        let mut object_word = None;
        // The phrase that the last matched preposition introduces ("call for resignation"):
        // the word after it in the pattern must be that phrase's head or one of its words.
        let mut marked: Option<usize> = None;
        // Phrase words the pattern named, in which a target phrase may hang ("called for the
        // resignation of X").
        let mut phrase_words: Vec<usize> = Vec::new();
        for e in &p.elements {
            match e {
                Element::Target { .. } if !with_target => {}
                Element::Target { case: None } => {
                    m.wants_target = true;
                    let t = if passive {
                        // "a US serviceman who has been arrested": the noun the relative
                        // clause modifies.
                        self.child(v, "nsubj:pass")
                            .or_else(|| {
                                (victim || misread_passive)
                                    .then(|| self.child(v, "nsubj"))
                                    .flatten()
                            })
                            .map(|t| {
                                if self.is_relative_pronoun(t) {
                                    self.head(v).unwrap_or(t)
                                } else {
                                    t
                                }
                            })
                            .or_else(|| (self.deprel(v) == "acl").then(|| self.head(v)).flatten())
                    } else if let Some(o) = obj {
                        Some(if self.is_relative_pronoun(o) {
                            self.head(v).unwrap_or(o)
                        } else {
                            o
                        })
                    } else if self.deprel(v) == "acl:relcl"
                        && self
                            .child(v, "nsubj")
                            .is_some_and(|s| self.date_of_word[s].is_none())
                    {
                        // "the drones that Tehran sold": the noun the clause modifies (not
                        // when the parser took a day for the clause's subject: "A Malaysian
                        // leader Friday called for ...").
                        self.head(v)
                    } else if let Some(n) = p
                        .code
                        .starts_with("05")
                        .then(|| self.reduced_relative_object(v))
                        .flatten()
                    {
                        // "hailed the peace talks announced Wednesday": the parser read the
                        // participle on the object as a clause whose subject is the object.
                        Some(n)
                    } else if matches!(&p.code[..2], "02" | "10" | "11") {
                        // "demanded that Israel stop", "insisted that UN sanctions must be
                        // lifted", "condemns Russia strikes on ...": whoever the complement
                        // clause asks to act or blames. ("warned that rebels had joined" is
                        // a statement about them, not to them.)
                        self.child(v, "ccomp").and_then(|c| {
                            self.child(c, "nsubj")
                                .or_else(|| self.child(c, "nsubj:pass"))
                        })
                    } else {
                        None
                    };
                    let t = t.ok_or("no object")?;
                    if self.lexicon.blame_on.contains(&p.head)
                        && self.obliques(v, "for").next().is_none()
                        && self.obliques(v, "on").any(|o| !self.is_bare_date(o))
                    {
                        // "the shelling, which the army blamed on a malfunction": the object
                        // is the thing blamed; only the `on` phrase names the accused.
                        return Err(
                            "the object is what is blamed: the `on` phrase names the accused"
                                .into(),
                        );
                    }
                    m.targets = self.actors_at(t);
                    // A reaction to an act (approval, disapproval, rejection) whose act is
                    // the passive subject: "The ultimatum, imposed by Kabila, was rejected
                    // by the United States".
                    let reaction = matches!(&p.code[..2], "05" | "11" | "12");
                    let passive_act = reaction && passive && self.child(v, "nsubj:pass") == Some(t);
                    if reaction && !passive && obj == Some(t) && self.mention_of[t].is_none() {
                        // "denounced the detention of an American journalist by Russian
                        // police": a reaction to an act is aimed at its agent, not at those
                        // it was done to, even when the parser hangs the `by` phrase on the
                        // act's `of` phrase.
                        let agents: Vec<ActorAt> = self
                            .of_chain(t)
                            .into_iter()
                            .flat_map(|k| self.obliques(k, "by"))
                            .flat_map(|a| self.actors_at(a))
                            .collect();
                        if !agents.is_empty() {
                            m.targets = agents;
                        } else if p.code.starts_with("11")
                            && self.lexicon.killings.contains(self.lemma(t))
                        {
                            // "condemned the murder of a Lebanese minister": those killed
                            // are not whom a condemnation of the killing accuses.
                            m.targets.clear();
                        }
                    }
                    if m.targets.is_empty() && ((!passive && obj == Some(t)) || passive_act) {
                        // "welcomed the proposal by Hamas chief Meshaal", "condemned the
                        // attack by rebels": an object that names an act is aimed at its
                        // agent, wherever the parser hung the `by` phrase.
                        let mut agents: Vec<usize> = self.obliques(t, "by").collect();
                        if !passive {
                            agents.extend(self.obliques(v, "by"));
                        }
                        if reaction {
                            // "rejected the ultimatum imposed by Kabila": the agent of a
                            // participle on the act.
                            agents.extend(self.participle_agent(t));
                        }
                        for a in agents {
                            m.targets.extend(self.actors_at(a));
                        }
                    }
                    if m.targets.is_empty() && reaction {
                        // "Iraq insisted the flight was humanitarian, a position which China
                        // supported": a reaction to a stance noun that sums up a clause
                        // before it is aimed at that clause's subject.
                        if let Some(s) = self.summed_up_subject(t) {
                            m.targets = self.actors_at(s);
                        }
                    }
                    if m.targets.is_empty()
                        && p.code == "173"
                        && !passive
                        && obj == Some(t)
                        && self.lexicon.state_acts.contains(self.lemma(v))
                    {
                        // "A Russian court sentenced a journalist", "police detaining
                        // dozens of fans": the people a state arrests, tries or jails
                        // are named by no actor; the event keeps its source, and the
                        // target is read from the place or the source's own country when
                        // the events are made.
                        m.wants_target = false;
                        continue;
                    }
                    if m.targets.is_empty()
                        && p.code.starts_with("07")
                        && !passive
                        && obj == Some(t)
                    {
                        // "lending money to help the poor in Pakistan", "came to Pakistan to
                        // aid earthquake victims": aid to people of no country (`needy`
                        // nouns of data/modality.tsv) goes to the country of the place said
                        // of them or of the act.
                        if let Some(place) = self.needy_place(t, v) {
                            m.aid_place = Some(place);
                            m.wants_target = false;
                            continue;
                        }
                    }
                    if m.targets.is_empty() && p.code == "042" && !passive && obj == Some(t) {
                        // "after visiting four ports in the United States, Canada and the
                        // Philippines": a place of no country visited is a visit to the
                        // country its `in` phrase names, on the object or on the verb.
                        let places: Vec<usize> = self
                            .obliques(t, "in")
                            .chain(self.obliques(v, "in"))
                            .collect();
                        for k in places {
                            m.targets.extend(self.actors_at(k));
                        }
                    }
                    if m.targets.is_empty() {
                        return Err(format!("the object `{}` is not an actor", self.form(t)));
                    }
                    m.score += 1;
                }
                Element::Target { case: Some(c) } => {
                    m.wants_target = true;
                    let mut places: Vec<usize> = self.obliques(v, c).collect();
                    if let Some(o) = obj.or_else(|| self.child(v, "nsubj:pass")) {
                        places.extend(self.obliques(o, c));
                        // "purchased 1,000 Shahed drones from Iran": the phrase may hang
                        // on a word inside the object.
                        for &k in &self.children[o] {
                            if matches!(
                                self.deprel(k),
                                "compound" | "nmod" | "amod" | "nummod" | "appos"
                            ) {
                                places.extend(self.obliques(k, c));
                            }
                            // "signed a contract worth 29 million dollars with Kazakhstan":
                            // the parser hangs the phrase on the amount the object is worth.
                            if self.deprel(k) == "amod" && self.lemma(k) == "worth" {
                                if let Some(a) = self.child(k, "obj") {
                                    places.extend(self.obliques(a, c));
                                }
                            }
                            // "to provide aid totalling five million yuan to Mauritius": a
                            // participle on the object that gives its amount may carry the
                            // phrase.
                            if self.deprel(k) == "acl"
                                && self.words()[k].xpos == "VBG"
                                && self.child(k, "mark").is_none()
                                && self.child(k, "obj").is_some_and(|a| {
                                    self.children[a].iter().any(|&x| {
                                        self.deprel(x) == "nummod"
                                            || self.children[x]
                                                .iter()
                                                .any(|&y| self.deprel(y) == "nummod")
                                    })
                                })
                            {
                                places.extend(self.obliques(k, c));
                            }
                        }
                    }
                    if places.is_empty() && c == "by" {
                        // "rejects the interference in the affairs of Lebanon by Syria":
                        // the parser may hang the agent on an `of` phrase two levels below
                        // the object.
                        if let Some(o) = obj {
                            for k in self.of_chain(o) {
                                places.extend(self.obliques(k, c));
                            }
                        }
                    }
                    if places.is_empty() {
                        for &k in &phrase_words {
                            places.extend(self.obliques(k, c));
                        }
                    }
                    if places.is_empty() {
                        // "approved a credit for Pakistan to help ...", "pleading for Paris
                        // to reverse its stance": a clause introduced by the preposition
                        // names its subject.
                        let mut heads = vec![v];
                        heads.extend(obj);
                        for h in heads {
                            for &k in &self.children[h] {
                                // "investigating how Wal-Mart came to sell": a question
                                // the verb asks is its complement, with "how" its adverb.
                                let question = matches!(c.as_str(), "how" | "whether");
                                let clause = (matches!(
                                    self.sentence.words[k].deprel.universal(),
                                    "acl" | "advcl"
                                ) || (question && self.deprel(k) == "ccomp"))
                                    && self.children[k].iter().any(|&x| {
                                        // "reacted furiously when France refused": "when" is
                                        // the clause's adverb, not its marker.
                                        (self.deprel(x) == "mark"
                                            || (self.deprel(x) == "advmod"
                                                && matches!(c.as_str(), "when" | "how")))
                                            && self.form(x) == c.as_str()
                                    });
                                if clause {
                                    places.extend(self.child(k, "nsubj"));
                                }
                            }
                        }
                    }
                    if places.is_empty() && c == "to" && self.is_reduced_relative(v) {
                        // "Ukraine used missiles supplied by America": what is supplied
                        // goes to whoever uses it.
                        if let Some(user) = self
                            .head(v)
                            .filter(|&h| self.deprel(h) == "obj")
                            .and_then(|h| self.head(h))
                            .and_then(|u| self.subject(u, 0))
                        {
                            places.push(user);
                        }
                    }
                    if places.is_empty() {
                        return Err(format!("no `{c}` phrase"));
                    }
                    for &pl in &places {
                        let pl = self.relative_antecedent(pl, v)?;
                        let pl = if p.code == "042" {
                            self.gathering_place(pl).unwrap_or(pl)
                        } else {
                            pl
                        };
                        m.targets.extend(self.actors_at(pl));
                    }
                    self.country_from_sibling(v, &mut m.targets);
                    if self.all_unknown(&m.targets)
                        && places
                            .iter()
                            .any(|&pl| self.is_two_sides(pl) || self.is_country_anaphor(pl))
                    {
                        // "the two countries" (a mention of no country) is read below.
                        m.targets.clear();
                    }
                    if m.targets.is_empty() {
                        anaphor = places
                            .iter()
                            .copied()
                            .find(|&pl| self.is_country_anaphor(pl));
                        // "revitalize ties between the two countries": the sides are the
                        // subjects, named before.
                        let between_sides = places.iter().any(|&pl| self.is_two_sides(pl));
                        if anaphor.is_none() && !between_sides {
                            return Err(format!("the `{c}` phrase names no actor"));
                        }
                        m.two_sides = between_sides;
                    }
                    m.score += 2;
                }
                Element::Source { case } => {
                    let mut places: Vec<usize> = self.obliques(v, case).collect();
                    // "drew swift condemnation from the EU", "won assurances from China on
                    // Monday": the parser often hangs the phrase on the object the pattern
                    // names. Not on just any object (`receive * from $S`): "received the
                    // delegation from China" is no gift of China's.
                    let names_object = !p.elements.iter().any(|e| matches!(e, Element::AnyObject));
                    if places.is_empty() && names_object {
                        if let Some(o) = obj {
                            places.extend(self.obliques(o, case));
                        }
                        // "received backing from Norway", where the parser reads the noun
                        // the pattern names as a gerund of the verb: the phrase hangs on it.
                        let named: Vec<usize> = m
                            .trigger
                            .iter()
                            .copied()
                            .filter(|&t| t != v && self.head(t) == Some(v))
                            .collect();
                        if places.is_empty() {
                            for t in named {
                                places.extend(self.obliques(t, case));
                            }
                        }
                    }
                    for pl in &places {
                        m.sources.extend(self.actors_at(*pl));
                        // "support from nine EU members, the United States, Norway and
                        // Iceland": a list the parser hangs as an apposition with conjuncts
                        // of its own names more givers, not another name of the first.
                        for &a in &self.children[*pl] {
                            if self.deprel(a) == "appos"
                                && self.children[a].iter().any(|&k| self.deprel(k) == "conj")
                            {
                                m.sources.extend(self.actors_at(a));
                            }
                        }
                    }
                    if m.sources.is_empty() {
                        return Err(format!("no actor in a `{case}` phrase"));
                    }
                    subject_is_target = true;
                    m.score += 2;
                }
                Element::Word(alts) => {
                    // Dependents of the verb and of its object, and one level below
                    // ("pledged to send weapons", "accused of war crimes").
                    let mut near: Vec<usize> = self.children[v].clone();
                    if let Some(o) = obj {
                        near.extend(self.children[o].iter().copied());
                    }
                    let below: Vec<usize> = near
                        .iter()
                        .filter(|&&c| {
                            matches!(
                                self.sentence.words[c].deprel.universal(),
                                "obj" | "obl" | "xcomp" | "nmod"
                            )
                        })
                        .flat_map(|&c| self.children[c].iter().copied())
                        .filter(|&k| {
                            matches!(
                                self.sentence.words[k].deprel.universal(),
                                "obj" | "nmod" | "compound" | "obl"
                            ) || self.is_infinitive_on_oblique(k, v)
                        })
                        .collect();
                    near.extend(below);
                    // "missiles supplied by America": the noun a participle modifies is
                    // what the verb acts on.
                    if self.is_reduced_relative(v) {
                        near.extend(self.head(v));
                    }
                    if let Some(k) = marked.take() {
                        // "call for resignation": not "called the referendum on independence
                        // for Georgia"; "agree to visit": not "agreed to develop ... during
                        // a visit".
                        near = std::iter::once(k)
                            .chain(self.children[k].iter().copied().filter(|&x| {
                                matches!(
                                    self.sentence.words[x].deprel.universal(),
                                    "compound" | "amod" | "obj" | "nmod" | "flat"
                                )
                            }))
                            .collect();
                    }
                    let hit = near.into_iter().find(|&c| {
                        (self.is(c, alts) && !matches!(self.deprel(c), "nsubj" | "punct"))
                            || ((matches!(
                                self.sentence.words[c].deprel.universal(),
                                "obl" | "nmod" | "xcomp" | "advcl" | "ccomp"
                            ) || self.is_infinitive_on_oblique(c, v))
                                && self.children[c].iter().any(|&k| {
                                // A meeting or a welcome is "to" a place, not "to" an act
                                // ("welcomed Poland's decision to join").
                                let infinitive =
                                    self.deprel(k) == "mark" && p.code.starts_with("04");
                                // "told Washington to stay clear": after an object, the
                                // infinitive is the verb's complement, not a clause of
                                // purpose or one hung on a phrase ("told the BBC in an
                                // interview to be broadcast Monday"). Right after the
                                // object's phrase it is the complement ("asked UN staff to
                                // prepare"), whatever clause the parser calls it, or
                                // after a span of time given ("gave Israel two weeks to").
                                let purpose = self.deprel(k) == "mark"
                                    && self.form(k) == "to"
                                    && self.deprel(c) == "advcl"
                                    && obj.is_some_and(|o| !self.right_after(o, k))
                                    && self
                                        .child(v, "obj")
                                        .filter(|&d| Some(d) != obj)
                                        .is_none_or(|d| !self.right_after(d, k))
                                    && pattern_names_object_target(p);
                                matches!(self.deprel(k), "case" | "mark")
                                    && !infinitive
                                    && !purpose
                                    && self.is(k, alts)
                            })
                                // "ordered the closing of the crossing in order to prevent":
                                // a clause of purpose, opened by a multi-word marker ("in
                                // order to", "so as to"), is not the pattern's complement.
                                && !(self.deprel(c) == "advcl"
                                    && self.children[c].iter().any(|&k| {
                                        self.deprel(k) == "mark"
                                            && self.children[k]
                                                .iter()
                                                .any(|&f| self.deprel(f) == "fixed")
                                    })))
                    });
                    let Some(c) = hit else {
                        return Err(format!("no `{}`", alts.join("|")));
                    };
                    if !self.is(c, alts) {
                        marked = Some(c);
                    } else if matches!(
                        self.sentence.words[c].deprel.universal(),
                        "obl" | "nmod" | "obj"
                    ) {
                        phrase_words.push(c);
                    }
                    if self.is(c, alts) {
                        m.trigger.push(c);
                        // "held talks": the noun is the same event as the verb. "blamed X
                        // for an attack": the attack is an event of its own. What an appeal
                        // or a demand calls for is not held ("called for a resumption of
                        // negotiations between X and Y").
                        if !matches!(self.sentence.words[c].deprel.universal(), "obl" | "nmod")
                            || matches!(&p.code[..2], "02" | "10")
                        {
                            m.consumed.push(c);
                        }
                        if matches!(self.deprel(c), "obj" | "nsubj:pass" | "nmod") {
                            object_word = Some(c);
                        }
                    }
                    m.score += 2;
                }
                Element::AnyObject => {
                    let gapped = matches!(self.deprel(v), "acl:relcl" | "acl")
                        && obj.is_none_or(|o| self.is_relative_pronoun(o));
                    if obj.is_none() && !gapped && !passive {
                        return Err("no object".into());
                    }
                    m.score += 1;
                }
            }
        }
        let subject = if active_participle {
            self.head(v)
        } else if passive {
            self.agent(v)
        } else {
            self.subject(v, 0)
        };
        if subject.is_none() && self.is_presence(p) {
            return Err("no armed force for subject".into());
        }
        if subject_is_target {
            if let Some(s) = subject {
                m.targets = self.actors_at(s);
            }
            if m.targets.is_empty() {
                return Err("the subject is not an actor".into());
            }
        } else if !passive
            && p.code.starts_with("17")
            && self.lexicon.accused.contains(&p.head)
            && !p
                .elements
                .iter()
                .any(|e| matches!(e, Element::Target { .. } | Element::Source { .. }))
        {
            // "Five officers went on trial in Moscow", "faces charges", "appeared in court":
            // the subject is the accused, and the state that tries them is that of the place,
            // else their own, as for an agentless passive ("were tried in Moscow").
            // The pattern's words are the verb's own ("faces charges", "went on trial"), not
            // words of its object ("is facing scrutiny over charges").
            let own = |t: usize| {
                let marked_by_pattern = self.children[t].iter().all(|&c| {
                    self.deprel(c) != "case"
                        || p.elements
                            .iter()
                            .any(|e| matches!(e, Element::Word(alts) if self.is(c, alts)))
                });
                t == v
                    || self.head(t) == Some(v) && marked_by_pattern
                    || self.deprel(t) == "case"
                        && self.head(t).and_then(|h| self.head(h)) == Some(v)
            };
            if !m.trigger.iter().all(|&t| own(t)) {
                return Err("the pattern's words are not the verb's own".into());
            }
            let s = subject.ok_or("no subject")?;
            m.targets = self.actors_at(s);
            if m.targets.is_empty() {
                return Err("the accused is not an actor".into());
            }
            // The place of the trial is said on the verb or on its court ("appeared before a
            // court in Istanbul"), not of the crime ("charges over killings in Haditha").
            let known = |w: usize| self.known_actor_at(w);
            let place = ["in", "at", "inside"].iter().find_map(|case| {
                m.trigger
                    .iter()
                    .find_map(|&t| self.obliques(t, case).find_map(known))
            });
            let why = (
                "the accused is the place",
                "no place and no country of the accused",
            );
            self.state_as_source(&mut m, place, true, why)?;
        } else if subject.is_none()
            && passive
            && (self.lexicon.state_acts.contains(self.lemma(v))
                || self.lexicon.state_acts.contains(&p.head))
        {
            // "Seventeen people have been arrested in Sydney": only a state arrests, so the
            // state of the place does; "deported from India": the state it left.
            let wants_target = m.wants_target;
            let why = (
                "the target is the place",
                "no `by` phrase, no place and no country of the accused",
            );
            self.state_as_source(&mut m, self.place_actor(v), wants_target, why)?;
        } else {
            let s = subject.ok_or(if passive {
                "no `by` phrase"
            } else {
                "no subject"
            })?;
            m.sources = self.actors_at(s);
            if passive
                && is_material_root(&p.code[..2])
                && self.mention_of[s].is_none()
                && self.case_of(s) == Some("by")
            {
                // "A Palestinian was killed by Israeli troops' gunfire": the act in the `by`
                // phrase is the harm told by the verb, not a second event.
                m.consumed.push(s);
            }
            if passive {
                // "The deal was signed by Chinese Commerce Minister Bo and his Pakistani
                // counterpart Khan": the parser may hang the agent's conjunct on the verb; a
                // bare noun joined by "and" right after the `by` phrase is another agent.
                let end = self.phrase_end(s);
                for &c in &self.children[v] {
                    if self.deprel(c) == "conj"
                        && matches!(self.words()[c].upos, Upos::NOUN | Upos::PROPN)
                        && self.case_of(c).is_none()
                        && self.child(c, "cc") == Some(end + 1)
                        && self.form(end + 1) == "and"
                    {
                        // Its own mention only: what hangs on it ("in the presence of
                        // ...") is no signer.
                        let more: Vec<ActorAt> = self
                            .own_actors(c)
                            .into_iter()
                            .filter(|a| !m.sources.iter().any(|b| b.0 == a.0))
                            .collect();
                        m.sources.extend(more);
                    }
                }
            }
            if matches!(&p.code[..2], "18" | "19" | "20") && self.placed_only(s, &m.sources) {
                return Err(format!(
                    "the subject `{}` is no actor, only at a place",
                    self.form(s)
                ));
            }
            // "US Defense Secretary Lloyd Austin and visiting Ukrainian Defence Minister
            // Oleksii Reznikov agreed": the parser may split two titled names joined by "and"
            // into two subjects of the verb (or a bare noun phrase and a subject); the first
            // is a coordinated subject too. The first-named comes first, and a mention that
            // both reach is one side.
            if !passive && !active_participle {
                for (c, actors) in self.other_subjects_joined_by_and(v, s) {
                    let mut more: Vec<ActorAt> = actors
                        .into_iter()
                        .filter(|a| !m.sources.iter().any(|b| b.0 == a.0))
                        .collect();
                    if c < s {
                        more.append(&mut m.sources);
                        m.sources = more;
                    } else {
                        m.sources.append(&mut more);
                    }
                }
            }
            m.plural_source = self.is_plural_group(s);
            // "British troops would stay in Iraq", "French troops arrived in Durres": an
            // armed force going to or staying in a place is a military presence there (074),
            // not a visit; only an armed force's is.
            // "Two Russian aircraft arrived": the parser may make the number the subject and
            // the noun it counts an apposition of it.
            let counted = self.counted_noun(s);
            let armed = self.lexicon.armed.contains(self.lemma(counted));
            m.armed_source = armed;
            if armed
                && (self.is_presence(p)
                    || (p.code == "042" && self.lexicon.presence.contains(&p.head)))
            {
                m.armed_presence = true;
            } else if self.is_presence(p) {
                return Err(format!("`{}` is no armed force", self.form(s)));
            } else if p.code == "042" && self.lexicon.nonvisitors.contains(self.lemma(counted)) {
                return Err(format!("`{}` arriving make no visit", self.form(s)));
            } else if p.code == "042" && self.is_counted_people(s, counted) {
                // "Some 2,000 Freedonians have arrived in Sylvania by boat": a number of a
                // nation's people (a bare country, no office) travelling is no state visit.
                return Err(format!(
                    "`{}` are people travelling, no visit",
                    self.form(s)
                ));
            }
            let between_sides = m.two_sides;
            m.two_sides = false;
            if self.is_two_sides(s) {
                // "the two countries will jointly carry forward the partnership": the two
                // sides named before (the actors stage may have read them already).
                if self.all_unknown(&m.sources) {
                    m.sources = self.two_sides_before(s);
                }
                m.two_sides = m.sources.len() >= 2;
            }
            if m.sources.is_empty()
                && matches!(&p.code[..2], "02" | "05" | "10" | "11" | "12" | "13")
            {
                // "A motion presented by the Netherlands called on Tehran": what a document
                // says, its author says.
                if let Some(agent) = self.participle_agent(s) {
                    m.sources = self.actors_at(agent);
                }
            }
            if m.sources.is_empty() {
                m.sources = self.title_before_name(s);
            }
            if m.sources.is_empty() {
                return Err(format!("the subject `{}` is not an actor", self.form(s)));
            }
            if between_sides && !m.two_sides {
                return Err("`the two countries` with one side named".into());
            }
        }
        if let Some(a) = anaphor.filter(|_| m.targets.is_empty()) {
            m.targets = self.country_named_before(a, &m.sources);
            if m.targets.is_empty() {
                return Err("`the country` names no country before it".into());
            }
            m.target_anaphor = true;
        }
        if !m.wants_target && m.targets.is_empty() && matches!(&p.code[..2], "02" | "10") {
            // "demanded that South Korea unfreeze the funds": an appeal or a demand is made
            // to whoever its complement clause asks to act.
            if let Some(s) = self.child(v, "ccomp").and_then(|c| {
                self.child(c, "nsubj")
                    .or_else(|| self.child(c, "nsubj:pass"))
            }) {
                m.targets = self
                    .actors_at(s)
                    .into_iter()
                    .filter(|t| !m.sources.iter().any(|s| s.0 == t.0))
                    .collect();
            }
        }
        if !m.wants_target && m.targets.is_empty() && matches!(&p.code[..2], "12" | "13") {
            // "refused to renew leases on US facilities", "threatened to take Kinshasa": a
            // refusal or a threat to act is aimed at whom the act's object names. (When the
            // act is coded itself, it supersedes this one.)
            if let Some(x) = self.child(v, "xcomp") {
                m.targets = self.known_others(self.object_actors(x), &m.sources);
            }
        }
        if let Some(o) = object_word.filter(|_| !m.wants_target && m.targets.is_empty()) {
            // "abused dozens of Iraqi prisoners": the people the pattern names are its target,
            // when the words name their country.
            m.targets = self.known_others(self.own_actors(o), &m.sources);
            // "Kenya recalled its ambassador": people the source calls its own (a possessive
            // pronoun of its country) are its agents, not the side acted upon.
            let own = self.children[o]
                .iter()
                .any(|&c| self.deprel(c) == "nmod:poss" && self.words()[c].upos == Upos::PRON);
            if own {
                let country = |(mi, a): ActorAt| self.mentions[mi].actors[a].country.clone();
                m.targets.retain(|&t| {
                    country(t).is_none() || !m.sources.iter().any(|&s| country(s) == country(t))
                });
            }
        }
        m.trigger.sort_unstable();
        Ok(m)
    }

    /// The actors that the object of verb `x` names: the object itself, else its `nmod`
    /// modifiers, else the verb's `on|to|with|against` obliques ("renew leases on US
    /// facilities": the parser may hang the object's modifier on the verb).
    pub(super) fn object_actors(&self, x: usize) -> Vec<ActorAt> {
        let object = self.child(x, "obj");
        let object_modifiers = object.into_iter().flat_map(|o| {
            self.children_of(o)
                .iter()
                .copied()
                .filter(|&c| self.deprel(c) == "nmod")
        });
        let obliques = self.children_of(x).iter().copied().filter(|&c| {
            self.deprel(c) == "obl"
                && matches!(self.case_of(c), Some("on" | "to" | "with" | "against"))
        });
        object
            .into_iter()
            .chain(object_modifiers)
            .chain(obliques)
            .map(|n| self.own_actors(n))
            .find(|a| !a.is_empty())
            .unwrap_or_default()
    }

    /// `actors` less those of a mention among `sources` and those of no country ("---"):
    /// who may be the target of an event whose sources are `sources`.
    pub(super) fn known_others(&self, actors: Vec<ActorAt>, sources: &[ActorAt]) -> Vec<ActorAt> {
        actors
            .into_iter()
            .filter(|t| !sources.iter().any(|s| s.0 == t.0))
            .filter(|&(mi, a)| !self.mentions[mi].actors[a].code.starts_with("---"))
            .collect()
    }

    /// The verb of which noun `n` is the object, when that verb only carries the noun's act
    /// ("launched an attack", "provided 15 million dollars in aid"): its subject is the
    /// noun's source. A verb that reacts to an act ("condemned the attack") is not one.
    pub(super) fn light_verb_of(&self, n: usize) -> Option<usize> {
        let mut x = n;
        for hop in 0..2 {
            let h = self.head(x)?;
            match self.deprel(x) {
                "obj" => {
                    return (self.words()[h].upos == Upos::VERB
                        && self.lexicon.light.contains(self.lemma(h)))
                    .then_some(h)
                }
                "nmod" if hop == 0 => x = h,
                // "to strengthen exchanges and cooperation with": a conjunct of the object.
                "conj" if hop == 0 && self.deprel(h) == "obj" => x = h,
                // "will strengthen exchanges and cooperation with": the parser may hang the
                // object's conjunct on the verb itself; a noun joined by "and" after the
                // verb's object is a conjunct of that object.
                "conj"
                    if hop == 0
                        && self.words()[x].upos == Upos::NOUN
                        && self.words()[h].upos == Upos::VERB
                        && self.children[x]
                            .iter()
                            .any(|&c| self.deprel(c) == "cc" && self.form(c) == "and")
                        && self.child(h, "obj").is_some_and(|o| o < x) =>
                {
                    return self.lexicon.light.contains(self.lemma(h)).then_some(h)
                }
                // "a deal was signed between Israel and Jordan": the passive of one.
                "nsubj:pass" if hop == 0 => {
                    return (self.words()[h].upos == Upos::VERB
                        && self.lexicon.light.contains(self.lemma(h)))
                    .then_some(h)
                }
                // "provided 15 million dollars in emergency aid", "gave $5m as aid".
                "obl"
                    if hop == 0
                        && matches!(self.case_of(x), Some("in" | "as"))
                        && self.child(h, "obj").is_some() =>
                {
                    return (self.words()[h].upos == Upos::VERB
                        && self.lexicon.light.contains(self.lemma(h)))
                    .then_some(h)
                }
                _ => return None,
            }
        }
        None
    }

    /// Whether noun `n` is an oblique that tells what its clause's subject was there for or
    /// took part in: "for talks", "during a visit", "on a visit", "after a meeting".
    pub(super) fn is_accompanying_oblique(&self, n: usize) -> bool {
        // "at the start of a visit to Luanda": the phrase the noun belongs to.
        let n = match self.head(n) {
            Some(h) if self.deprel(n) == "nmod" && self.case_of(n) == Some("of") => h,
            _ => n,
        };
        self.sentence.words[n].deprel.universal() == "obl"
            && matches!(
                self.case_of(n),
                Some(
                    "for"
                        | "during"
                        | "on"
                        | "at"
                        | "after"
                        | "following"
                        | "before"
                        | "in"
                        | "into"
                )
            )
    }

    /// The word a phrase `pl` of clause `v` stands for: "Abe, with whom he will hold talks":
    /// a relative pronoun stands for the noun the relative clause modifies (which the parser
    /// sometimes makes a conjunct of that noun); any other word for itself. An error when the
    /// clause's pronoun subject was read back to that same noun ("Kohl, with whom he held
    /// talks, Yeltsin said"): the pronoun is not the noun it modifies.
    fn relative_antecedent(&self, pl: usize, v: usize) -> Result<usize, String> {
        let Some(h) = self.head(v).filter(|&h| {
            self.is_relative_pronoun(pl)
                && matches!(self.deprel(v), "acl:relcl" | "conj")
                && matches!(self.words()[h].upos, Upos::NOUN | Upos::PROPN)
        }) else {
            return Ok(pl);
        };
        if let Some(sub) = self
            .child(v, "nsubj")
            .filter(|&k| self.words()[k].upos == Upos::PRON)
        {
            let code = |&(mi, a): &ActorAt| &self.mentions[mi].actors[a].code;
            let said = self.actors_at(sub);
            let own = self.actors_at(h);
            if !said.is_empty() && said.iter().all(|x| own.iter().any(|y| code(x) == code(y))) {
                return Err("the clause's pronoun stands for the noun it modifies".into());
            }
        }
        Ok(h)
    }

    /// The place a gathering `n` is held in, when its `in` phrase names an actor: "left for
    /// the APEC leaders' meeting in Hanoi" travels to Hanoi, not to APEC. The parser may hang
    /// the gathering on a name before it ("the Asia-Pacific Economic Cooperation (APEC)
    /// Leaders' Meeting in Hanoi": "Meeting" a clause of "Cooperation").
    fn gathering_place(&self, n: usize) -> Option<usize> {
        std::iter::once(n)
            .chain(self.children[n].iter().copied())
            .filter(|&g| {
                // (The view's lemmas are lower-cased already: "Summit" is "summit".)
                self.lexicon.gatherings.contains(self.lemma(g))
            })
            .find_map(|g| {
                self.children[g].iter().copied().find(|&k| {
                    self.deprel(k) == "nmod"
                        && self.case_of(k) == Some("in")
                        && !self.actors_at(k).is_empty()
                })
            })
    }

    /// Whether noun `n` is the object of a "following" that the parser took for a verb of
    /// no subject of its own, an adverbial of its clause: "Lee said following his talks
    /// with Clinton" tells when, as "after his talks" does.
    pub(super) fn follows_as_oblique(&self, n: usize) -> bool {
        self.deprel(n) == "obj"
            && self.head(n).is_some_and(|h| {
                self.words()[h].upos == Upos::VERB
                    && self.form(h).eq_ignore_ascii_case("following")
                    && matches!(self.deprel(h), "xcomp" | "advcl")
                    && self.child(h, "nsubj").is_none()
            })
    }

    /// Whether noun `n` hangs, through `nmod` and `appos` links only, on a word that is not
    /// the object of the verb above it (its subject, an oblique).
    pub(super) fn hangs_on_clause_phrase(&self, n: usize) -> bool {
        let mut w = n;
        for _ in 0..4 {
            let Some(h) = self.head(w) else {
                return false;
            };
            if matches!(self.words()[h].upos, Upos::VERB | Upos::AUX) {
                return !self.deprel(w).starts_with("obj");
            }
            if w != n && !matches!(self.deprel(w), "nmod" | "appos") {
                return false;
            }
            w = h;
        }
        false
    }

    /// The place of the act told by word `n`: its own clause's, or that of the clause it is
    /// the subject of ("Riots were continuing in Mar del Plata"); never a place elsewhere in
    /// the sentence.
    pub(super) fn own_place_actor(&self, n: usize) -> Option<ActorAt> {
        self.event_place_actor(n).or_else(|| {
            self.deprel(n)
                .starts_with("nsubj")
                .then(|| self.head(n))
                .flatten()
                .and_then(|h| self.event_place_actor(h))
        })
    }
}
