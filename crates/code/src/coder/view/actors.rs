//! Collecting the actors a word names: its own mention, its conjuncts and members, the
//! country an actor belongs to. Apart because every role (source, target, owner) is read
//! through these.

use std::ops::Range;

use dyad_text::{Span, Upos};

use crate::coder::lexicon::NEGATORS;
use crate::coder::view::{ActorAt, View};
use crate::coder::Party;

impl<'a> View<'a> {
    /// All actors that word `w` stands for: its own mention, or the actor that modifies it
    /// ("Russia strikes", "Russia's aggression"), plus those of its conjuncts.
    pub(in crate::coder) fn actors_at(&self, w: usize) -> Vec<ActorAt> {
        let mut out = Vec::new();
        self.collect_actors(w, &mut out, 0);
        out
    }

    pub(super) fn collect_actors(&self, w: usize, out: &mut Vec<ActorAt>, depth: usize) {
        self.collect_own_actors(w, out, depth);
        if out.is_empty() && self.words()[w].upos == Upos::VERB {
            // "commitment to supporting Ukraine's ability": the actor of a gerund's object.
            if let Some(o) = self.child(w, "obj") {
                self.collect_actors(o, out, depth + 1);
            }
        }
        // "aid to the government and from Qatar": a conjunct with a preposition of its own,
        // other than the phrase's, is no other party of that phrase.
        let case = self.child(w, "case").map(|k| self.form(k));
        for &c in &self.children[w] {
            if self.deprel(c) == "conj" {
                let other_case = self.child(c, "case").map(|k| self.form(k));
                if let (Some(a), Some(b)) = (case, other_case) {
                    if !a.eq_ignore_ascii_case(b) {
                        continue;
                    }
                }
                self.collect_actors(c, out, depth + 1);
            }
        }
    }

    /// The actors of word `w` and its modifiers, without its conjuncts.
    fn collect_own_actors(&self, w: usize, out: &mut Vec<ActorAt>, depth: usize) {
        if depth > 4 {
            return;
        }
        // "released 7,000 U.S. dollars": a currency is named after its country, but money is
        // no actor.
        if self.words()[w].upos == Upos::NOUN && self.lexicon.money.contains(self.lemma(w)) {
            return;
        }
        // A mention of unknown country ("drone") gives way to an actor that modifies it
        // ("an American surveillance drone").
        let unknown = self.mention_of[w].is_some_and(|m| {
            self.mentions[m]
                .actors
                .iter()
                .all(|a| a.code.starts_with("---"))
        });
        // A thing or group of no country of its own belongs to whoever a participle says it
        // belongs to: "a craft belonging to the Sierra Leone Navy", "US-led coalition
        // forces" (`owner` lines of data/modality.tsv).
        if unknown || self.mention_of[w].is_none() {
            let before = out.len();
            for &c in &self.children[w] {
                if !matches!(self.deprel(c), "acl" | "amod") {
                    continue;
                }
                let Some(case) = self.lexicon.owners.get(self.lemma(c)) else {
                    continue;
                };
                for &k in &self.children[c] {
                    let by_case =
                        matches!(self.sentence.words[k].deprel.universal(), "obl" | "nmod")
                            && self.case_of(k) == Some(case.as_str());
                    // "US-led": the owner written before the hyphen, with no preposition.
                    let hyphenated = k < c
                        && matches!(
                            self.deprel(k),
                            "obl:unmarked" | "compound" | "obl:npmod" | "nmod:npmod"
                        )
                        && self.case_of(k).is_none();
                    if by_case || hyphenated {
                        self.collect_actors(k, out, depth + 1);
                    }
                }
            }
            if out.len() > before {
                return;
            }
        }
        // A group of no country of its own is the members it lists ("met five African
        // presidents, including X of Congo and Y of Uganda"; "leaders of countries such as
        // Kenya and Ghana"): each member is a side.
        if unknown || (self.mention_of[w].is_none() && self.is_plural_group(w)) {
            let before = out.len();
            self.collect_members(w, out, depth);
            for &c in &self.children[w] {
                let group = self.mention_of[c].is_none() && self.is_plural_group(c);
                if out.len() == before
                    && group
                    && self.deprel(c) == "nmod"
                    && matches!(self.case_of(c), Some("of" | "from"))
                {
                    self.collect_members(c, out, depth + 1);
                }
            }
            if out.len() > before {
                return;
            }
        }
        // ... or that it belongs to ("a delegation from the Kansai region of Japan", "the
        // government of Lebanese Prime Minister Fuad Siniora").
        if unknown {
            // "Vietnamese communist party chief Do Muoi": an actor adjective on any word of
            // the phrase.
            let m = self.mention_of[w].unwrap_or(0);
            let before = out.len();
            for x in self.mentions[m].words.clone() {
                if x >= self.words().len() || x == w {
                    continue;
                }
                for &c in &self.children[x] {
                    if matches!(self.deprel(c), "amod" | "compound" | "nmod:poss")
                        && self.mention_of[c] != Some(m)
                        && self.is_known_mention(c)
                    {
                        self.collect_own_actors(c, out, depth + 1);
                    }
                }
                if out.len() > before {
                    return;
                }
            }
        }
        let modified = unknown
            && self.children[w].iter().any(|&c| match self.deprel(c) {
                "amod" | "compound" | "nmod:poss" => self.is_known_mention(c),
                // ... or where it is: "rebel groups in western Sudan's Darfur region".
                "nmod" => {
                    matches!(self.case_of(c), Some("of" | "from" | "in"))
                        && self.names_known_actor(c)
                }
                _ => false,
            });
        if let Some(m) = self.mention_of[w].filter(|_| !modified) {
            for a in 0..self.mentions[m].actors.len() {
                if !out.contains(&(m, a)) {
                    out.push((m, a));
                }
            }
            self.collect_listed_countries(w, m, out, depth);
        } else {
            let own = self.mention_of[w];
            'found: for rel in [
                "nmod:poss",
                "amod",
                "compound",
                "nmod",
                "appos",
                "flat",
                "nmod:desc",
            ] {
                for &c in &self.children[w] {
                    if self.deprel(c) != rel || (own.is_some() && self.mention_of[c] == own) {
                        continue;
                    }
                    // "the Oslo accords", "the Arusha declaration": a place written on a
                    // document names where it was made, not a party to it.
                    if rel == "compound" && self.is_venue_of(w, c) {
                        continue;
                    }
                    let before = out.len();
                    if self.mention_of[c].is_some() {
                        // "Israeli and Hamas negotiators": coordinated modifiers; but not
                        // the conjuncts of a phrase inside ("talks between the government
                        // and rebel groups"), unless the phrase says whose people of no
                        // country of their own are ("leaders from Nepal, India and
                        // Pakistan arrived": each country's leaders).
                        // So are the conjuncts of the `of` phrase of a thing that is no
                        // actor ("criticised the human rights record of Burma, Iraq and
                        // Iran": each country's record), and of the `in` phrase of a
                        // place that is no actor ("visited ports in Cuba, Venezuela and
                        // Nicaragua": each country's ports).
                        let whose = rel == "nmod"
                            && match self.case_of(c) {
                                Some("of") => unknown || own.is_none(),
                                Some("in") => own.is_none(),
                                // "delegations from China and Vietnam": each
                                // country's delegation.
                                Some("from") => {
                                    unknown || (own.is_none() && self.is_plural_group(w))
                                }
                                _ => false,
                            };
                        if whose || matches!(rel, "nmod:poss" | "amod" | "compound") {
                            self.collect_actors(c, out, depth + 1);
                        } else {
                            self.collect_own_actors(c, out, depth + 1);
                        }
                    } else if rel == "nmod" && (own.is_some() || self.case_of(c) == Some("of")) {
                        // "from the Kansai region of Japan": the words of the phrase itself;
                        // "the creator of China's largest website": a person of no country
                        // said is of the country of what he is `of`.
                        for t in self.own_actors(c) {
                            if !out.contains(&t) {
                                out.push(t);
                            }
                        }
                    } else if rel == "appos" {
                        // "Ghanem, secretary of the General People's Committee of Libya".
                        self.collect_actors(c, out, depth + 1);
                    }
                    if out.len() > before {
                        break 'found;
                    }
                }
            }
        }
    }

    /// Whether word `c` is an `of` or `from` phrase on a noun ("delegations from China").
    fn is_of_or_from_phrase(&self, c: usize) -> bool {
        self.deprel(c) == "nmod" && matches!(self.case_of(c), Some("of" | "from"))
    }

    /// Whether mention `mi` is a plural group, or the `of`/`from` phrase of one, whose phrase
    /// lists several parties ("delegations from China and several other countries"): such a
    /// group is not one country's, and is not both sides of its talks.
    pub(in crate::coder) fn lists_several(&self, mi: usize) -> bool {
        let h = self.mentions[mi].head;
        if h >= self.words().len() {
            return false;
        }
        let group = if self.is_plural_group(h) {
            Some(h)
        } else {
            self.head(h)
                .filter(|&g| self.is_of_or_from_phrase(h) && self.is_plural_group(g))
        };
        group.is_some_and(|g| {
            self.children[g].iter().any(|&c| {
                self.is_of_or_from_phrase(c)
                    && self.children[c].iter().any(|&k| self.deprel(k) == "conj")
            })
        })
    }

    /// "the delegates of China and Vietnam": the actors stage reads a plural group noun with
    /// an `of`/`from` phrase as the group of the phrase's first country (`CHNGOV`); the
    /// phrase's other conjuncts are groups of their own, each a side.
    fn collect_listed_countries(&self, w: usize, m: usize, out: &mut Vec<ActorAt>, depth: usize) {
        if !self.is_plural_group(w) {
            return;
        }
        let Some(country) = self.mentions[m]
            .actors
            .first()
            .and_then(|a| a.country.clone())
        else {
            return;
        };
        for &c in &self.children[w] {
            let first = self.mention_of[c].map(|k| &self.mentions[k]);
            if !self.is_of_or_from_phrase(c)
                || !first.is_some_and(|k| {
                    k.actors.first().and_then(|a| a.country.as_ref()) == Some(&country)
                })
            {
                continue;
            }
            // A conjunct of the group's own country adds no side ("the delegates of the
            // Brazilian and Mozambican presidents" is no meeting of Brazil with itself).
            let mut listed = Vec::new();
            for &k in &self.children[c] {
                if self.deprel(k) == "conj" {
                    self.collect_actors(k, &mut listed, depth + 1);
                }
            }
            for t in listed {
                let other = self.mentions[t.0].actors[t.1].country.as_ref() != Some(&country);
                if other && !out.contains(&t) {
                    out.push(t);
                }
            }
        }
    }

    /// The members that group noun `w` lists after a `member` word of data/modality.tsv
    /// ("including", "such as", "like"), each an actor named by its own mention, with its
    /// conjuncts and the names the parser hangs on it as a `list` or an apposition. A list
    /// under a noun that is no group is not read here: "issues including Iran's nuclear
    /// programme" names no member (the member must be an actor mention itself).
    fn collect_members(&self, w: usize, out: &mut Vec<ActorAt>, depth: usize) {
        if depth > 4 {
            return;
        }
        let before = out.len();
        for &c in &self.children[w] {
            let member = match self.deprel(c) {
                "nmod" if self.is_member_phrase(c) => Some(c),
                // "ten suspects including two Britons": "including" read as a participle.
                "acl" if self.lexicon.members.contains(&self.forms[c]) => self.child(c, "obj"),
                // "three countries, Britain, France and Germany": an appositive list.
                "appos" if self.is_plural_group(w) => Some(c),
                _ => None,
            };
            if let Some(m) = member {
                self.collect_member(m, out, depth);
            }
        }
        if out.len() > before {
            return;
        }
        // The parser may hang the list after a comma on the clause's verb or on another
        // name of the clause ("15 leaders arrived in Beijing, including presidents of Zambia
        // and Kenya"; "was condemned by many states, among them Russia"): it is the group's
        // when it follows the group and names no country of the name it hangs on.
        let Some(v) = self.head(w).filter(|&v| self.words()[v].upos == Upos::VERB) else {
            return;
        };
        for &x in &self.children[v] {
            if x <= w || !matches!(self.deprel(x), "obl" | "obj" | "nmod") {
                continue;
            }
            if self.is_member_phrase(x) && self.after_comma(x) {
                self.collect_member(x, out, depth);
            } else if self.is_known_mention(x) {
                // The countries of the name the phrase hangs on, which no member may share.
                let theirs: Vec<_> = self
                    .own_actors(x)
                    .into_iter()
                    .map(|t| self.country_code(t))
                    .collect();
                for &c in &self.children[x] {
                    if self.deprel(c) != "nmod" || !self.is_member_phrase(c) || !self.after_comma(c)
                    {
                        continue;
                    }
                    let mut found = Vec::new();
                    self.collect_member(c, &mut found, depth);
                    if found
                        .iter()
                        .all(|&t| !theirs.contains(&self.country_code(t)))
                    {
                        for t in found {
                            if !out.contains(&t) {
                                out.push(t);
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether word `x` opens a member phrase: marked by a `member` word of
    /// data/modality.tsv ("including X", "such as X"), or modified by one ("notably X",
    /// "especially X"), or followed by "among them" ("among them X").
    fn is_member_phrase(&self, x: usize) -> bool {
        let members = &self.lexicon.members;
        self.case_of(x).is_some_and(|k| members.contains(k))
            || self.children[x].iter().any(|&k| match self.deprel(k) {
                "advmod" => members.contains(self.form(k)),
                "nmod" => {
                    self.case_of(k) == Some("among") && matches!(self.form(k), "them" | "those")
                }
                _ => false,
            })
    }

    /// Whether word `x` (the head of a phrase) comes right after a comma, its own words
    /// before it between.
    fn after_comma(&self, x: usize) -> bool {
        let first = self.children[x]
            .iter()
            .copied()
            .filter(|&k| k < x)
            .min()
            .unwrap_or(x);
        first > 0 && self.form(first - 1) == ","
            || self.children[x]
                .iter()
                .any(|&k| k < x && self.deprel(k) == "punct" && self.form(k) == ",")
    }

    /// The actors of member `m` of a group, with the names hung on it as a `list` or an
    /// apposition; `m` must be an actor mention itself.
    fn collect_member(&self, m: usize, out: &mut Vec<ActorAt>, depth: usize) {
        if !self.is_known_mention(m) {
            return;
        }
        self.collect_actors(m, out, depth + 1);
        // "including presidents of Zambia, Ghana and Kenya": each country's.
        if self.is_plural_group(m) {
            for &o in &self.children[m] {
                if self.deprel(o) == "nmod" && self.case_of(o) == Some("of") {
                    self.collect_actors(o, out, depth + 1);
                }
            }
        }
        for &k in &self.children[m] {
            if matches!(self.deprel(k), "list" | "appos")
                && self.mention_of[k] != self.mention_of[m]
                && self.is_known_mention(k)
            {
                self.collect_actors(k, out, depth + 1);
            }
        }
    }

    /// The group noun whose member phrase word `x` is, through the conjuncts, `list` links
    /// and appositions of the phrase ("five presidents, including X, Y and Z").
    fn member_group(&self, mut x: usize) -> Option<usize> {
        let members = &self.lexicon.members;
        for _ in 0..8 {
            let h = self.head(x)?;
            match self.deprel(x) {
                "conj" | "list" | "appos" => x = h,
                "nmod" => {
                    return members.contains(self.case_of(x)?).then_some(h);
                }
                "obj" if self.deprel(h) == "acl" && members.contains(&self.forms[h]) => {
                    return self.head(h);
                }
                _ => return None,
            }
        }
        None
    }

    /// Whether `actors` are all members listed under one group noun.
    pub(in crate::coder) fn one_group(&self, actors: &[ActorAt]) -> bool {
        let mut groups = actors
            .iter()
            .map(|&(mi, _)| self.member_group(self.mentions[mi].head));
        let first = groups.next().flatten();
        first.is_some() && groups.all(|g| g == first)
    }

    /// Whether `actors`, read for word `w`, are only places that `w` is at: `w` is no actor
    /// itself and every one of them is a phrase of a country's actor introduced by a
    /// `locative` preposition ("A building in Dakar", "attacks on mosques in eastern Iraq";
    /// not "a vote in the UN General Assembly"). Such a word is no attacker ("Iraqi police
    /// in Baghdad" is an actor of its own and is not this).
    pub(super) fn placed_only(&self, w: usize, actors: &[ActorAt]) -> bool {
        self.mention_of[w].is_none()
            && !actors.is_empty()
            && actors.iter().all(|&(mi, _)| {
                let head = self.mentions[mi].head;
                head != w
                    && self.mentions[mi].actors.iter().all(|a| a.country.is_some())
                    && self.is_locative_phrase(head)
            })
    }

    /// The noun a number subject counts, when the parser made it the number's apposition
    /// ("Two amphibious Russian aircraft": "Two" ← appos "aircraft"); else `w` itself.
    pub(super) fn counted_noun(&self, w: usize) -> usize {
        if self.words()[w].upos != Upos::NUM {
            return w;
        }
        self.children[w]
            .iter()
            .copied()
            .find(|&c| self.deprel(c) == "appos" && self.words()[c].upos == Upos::NOUN)
            .unwrap_or(w)
    }

    /// Subject `s` counts a nation's people ("13,000 Freedonians", "two Sylvanians"): a
    /// number counts its noun `counted`, which names only bare countries, no office.
    pub(super) fn is_counted_people(&self, s: usize, counted: usize) -> bool {
        let numbered = counted != s
            || self.children[counted]
                .iter()
                .any(|&c| self.deprel(c) == "nummod");
        let Some(mi) = self.mention_of[counted] else {
            return false;
        };
        let actors = &self.mentions[mi].actors;
        numbered
            && !actors.is_empty()
            && actors
                .iter()
                .all(|a| a.code.len() == 3 && a.country.as_deref() == Some(a.code.as_str()))
    }

    /// Whether word `w` has a negating adverb of its own ("not", "never").
    pub(in crate::coder) fn is_negated(&self, w: usize) -> bool {
        self.children[w]
            .iter()
            .any(|&m| self.deprel(m) == "advmod" && NEGATORS.contains(&self.form(m)))
    }

    /// A word that is only a date ("Tuesday", "the weekend"), no actor.
    pub(in crate::coder) fn is_bare_date(&self, w: usize) -> bool {
        self.date_of_word[w].is_some() && self.mention_of[w].is_none()
    }

    /// Whether `c`, a compound of document noun `w` (`venue-named` in data/modality.tsv), is
    /// a place only ("the Helsinki peace accord"), which names where the document was made.
    pub(super) fn is_venue_of(&self, w: usize, c: usize) -> bool {
        self.lexicon.venue_named.contains(self.lemma(w))
            && self.mention_of[c].is_some_and(|m| self.mentions[m].place)
    }

    pub(super) fn is_known_mention(&self, w: usize) -> bool {
        self.mention_of[w].is_some_and(|m| {
            self.mentions[m]
                .actors
                .iter()
                .any(|a| !a.code.starts_with("---"))
        })
    }

    /// Whether word `w` or one of its modifiers names an actor of known country.
    fn names_known_actor(&self, w: usize) -> bool {
        self.is_known_mention(w)
            || self.children[w].iter().any(|&c| {
                matches!(self.deprel(c), "amod" | "compound" | "nmod:poss")
                    && self.is_known_mention(c)
            })
    }

    /// "met with a delegation from the Kansai region of Japan", where the `from` phrase hangs
    /// on the verb: targets of unknown country take the actors of a `from` phrase of the verb.
    pub(super) fn country_from_sibling(&self, v: usize, targets: &mut Vec<ActorAt>) {
        let unknown = |&(m, a): &ActorAt| self.mentions[m].actors[a].code.starts_with("---");
        if targets.is_empty() || !targets.iter().all(unknown) {
            return;
        }
        let from: Vec<ActorAt> = self
            .obliques(v, "from")
            .flat_map(|pl| self.own_actors(pl))
            .filter(|t| !unknown(t))
            .collect();
        if !from.is_empty() {
            *targets = from;
        }
    }

    /// The actors that word `w` itself names, with its modifiers ("Iraqi prisoners"), but not
    /// through appositions, conjuncts or other phrases.
    pub(super) fn own_actors(&self, w: usize) -> Vec<ActorAt> {
        let mention = self.mention_of[w].or_else(|| {
            self.children[w].iter().find_map(|&c| {
                matches!(self.deprel(c), "amod" | "compound" | "nmod:poss")
                    .then(|| self.mention_of[c])
                    .flatten()
            })
        });
        mention
            .map(|m| self.mention_actors(m).collect())
            .unwrap_or_default()
    }

    /// Every actor that mention `mi` may be, as `(mention, actor)` pairs.
    pub(super) fn mention_actors(&self, mi: usize) -> impl Iterator<Item = ActorAt> + '_ {
        (0..self.mentions[mi].actors.len()).map(move |a| (mi, a))
    }

    /// The actors of other subjects of verb `v` that an "and" joins to its subject `s`: the
    /// parser's reading of two coordinated titled names as two subjects, or the first as a
    /// bare noun phrase before the second. Only the mentions on the subject's side of the
    /// "and" count (the parser hangs the second name's first words on the first), in the
    /// order of the sentence.
    pub(super) fn other_subjects_joined_by_and(
        &self,
        v: usize,
        s: usize,
    ) -> Vec<(usize, Vec<ActorAt>)> {
        if self.head(s) != Some(v) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for &c in self.children_of(v) {
            let joined = c != s
                && c < v
                && (self.deprel(c) == "nsubj" || (c < s && self.deprel(c) == "obl:unmarked"));
            if !joined {
                continue;
            }
            let Some(and) = (c.min(s) + 1..c.max(s)).find(|&w| {
                self.words()[w].upos == Upos::CCONJ && self.lemma(w).eq_ignore_ascii_case("and")
            }) else {
                continue;
            };
            let actors: Vec<ActorAt> = self
                .actors_at(c)
                .into_iter()
                .filter(|&(mi, _)| {
                    let words = &self.mentions[mi].words;
                    if c < s {
                        words.end <= and
                    } else {
                        words.start > and
                    }
                })
                .collect();
            if !actors.is_empty() {
                out.push((c, actors));
            }
        }
        out
    }

    /// The country part of the code of the actor at `at` ("RUS" of RUSGOV), `None` for an
    /// actor of no country ("---CVL").
    pub(super) fn country_code(&self, (mi, a): ActorAt) -> Option<&str> {
        let code = &self.mentions[mi].actors[a].code;
        code.get(..3).filter(|c| *c != "---")
    }

    /// The first actor of a known country among those at word `w`.
    pub(super) fn known_actor_at(&self, w: usize) -> Option<ActorAt> {
        self.actors_at(w).into_iter().find(|&t| self.has_country(t))
    }

    /// Whether the actor at `at` belongs to a known country (not "protesters", "---CVL").
    pub(super) fn has_country(&self, (mi, a): ActorAt) -> bool {
        let actor = &self.mentions[mi].actors[a];
        actor.country.is_some() && !actor.code.starts_with("---")
    }

    pub(in crate::coder) fn party(&self, (m, a): ActorAt) -> Party {
        let mention = &self.mentions[m];
        let words: Range<usize> = mention.words.clone();
        let span = if words.is_empty() {
            self.words()[mention.head].span
        } else {
            Span::new(
                self.words()[words.start].span.start,
                self.words()[words.end - 1].span.end,
            )
        };
        Party {
            actor: mention.actors[a].clone(),
            span,
        }
    }
}
