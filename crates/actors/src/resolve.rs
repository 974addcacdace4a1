//! Mentions in a parsed document and the actors they name, on the document's date.
//!
//! For each sentence:
//! 1. **Pieces.** A longest match of the knowledge base's phrases over the words, left to
//!    right; proper nouns the knowledge base does not know become name pieces; pronouns
//!    become pronoun pieces.
//! 2. **Groups.** Adjacent pieces of one noun phrase form a mention: two pieces join when
//!    the parser links a word of one to a word of the other (or, in unparsed text, when they
//!    touch). A possessive `'s` may stand between them ("Russia's defense minister"), and
//!    countries coordinated before a role ("Hungarian and Romanian officials") join as
//!    several countries.
//! 3. **Composition.** A group's country comes from its country, demonym, seat, region or
//!    possessor; its sectors from seats, roles and titles; a known person gives their office
//!    on the date (ELI outside their offices); a role with a country and an office and no
//!    name gives the office holder on the date; an unknown name takes the group's country
//!    and sectors.
//! 4. **Appositions** ("Andrei Belousov, the new defense minister") share one actor.
//! 5. **Coreference** against what the document said before: surnames, bare roles ("the
//!    secretary", "the defense heads"), "counterpart", and pronouns.

use std::ops::Range;

use chrono::NaiveDate;
use dyad_text::{Document, Sentence, Upos};
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::kb::{KnowledgeBase, Meaning};
use crate::matcher::WordKeys;
use crate::model::{Person, RoleKind, Term};
use crate::normalise::fold;

/// An actor as resolved: its CAMEO code on the date and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResolvedActor {
    /// CAMEO actor code: country (or `---` when unknown) then sectors, or an organisation's
    /// code. `---` alone for an unknown actor with no context.
    pub code: String,
    /// ISO 3166-1 alpha-3, `None` for international and unaffiliated actors.
    pub country: Option<String>,
    pub sectors: Vec<String>,
    /// Canonical name of a known person or organisation; the name as written for an unknown
    /// one.
    pub name: Option<String>,
    /// The knowledge-base entry that decided the code, `file:line`; empty when only the
    /// context did.
    pub entry: String,
}

/// Words of a sentence that name one or more actors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Word indices in `Sentence::words`.
    pub words: Range<usize>,
    /// Word index of the head noun.
    pub head: usize,
    /// More than one for coordination ("Hungarian and Romanian officials") and plural
    /// coreference ("the defense heads").
    pub actors: Vec<ResolvedActor>,
    /// How it was resolved: `name`, `title`, `office`, `seat`, `demonym`, `region`, `org`,
    /// `role`, `dictionary`, `unknown`, `unknown-with-title`, `apposition`, `coordination`,
    /// `of` (a title of a country's body: "vice-chairman of the CPPCC"), `in` (an
    /// institution given the country of its `in` phrase: "the government in Turkmenistan"),
    /// `story` (an institution or titled unknown given the country the story is about),
    /// `coref:surname`, `coref:role`, `coref:counterpart`, `coref:possessor` (a role owned by
    /// a possessive pronoun: "its forces"), `pronoun`.
    pub via: String,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum PieceKind {
    Kb(Meaning),
    Name,
    Pronoun,
}

#[derive(Clone, Debug)]
struct Piece {
    range: Range<usize>,
    kind: PieceKind,
    /// Followed by a possessive `'s`.
    possessor: bool,
}

/// What a remembered actor is, for pronouns and bare roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Person,
    Group,
    Country,
    Org,
    Body,
}

#[derive(Clone, Debug)]
struct Memory {
    actor: ResolvedActor,
    kind: Kind,
    office: Option<String>,
    roles: Vec<u32>,
    /// Head words of the titles the text gave this actor ("secretary", "minister").
    heads: Vec<String>,
    /// Head words of all the titles of the actor's office: a fallback for `heads`.
    office_heads: Vec<String>,
    /// Folded full name and surname.
    names: Vec<String>,
    sentence: usize,
    word: usize,
    subject: bool,
    /// Subject of the sentence's main verb.
    main_subject: bool,
    gender: Option<char>,
}

/// Per-word facts of a sentence.
struct Words<'a> {
    s: &'a Sentence,
    keys: Vec<WordKeys>,
    parsed: bool,
}

impl Words<'_> {
    fn head_of(&self, i: usize) -> Option<usize> {
        let h = self.s.words[i].head;
        (self.parsed && h > 0).then(|| h - 1)
    }
    fn deprel(&self, i: usize) -> &str {
        self.s.words[i].deprel.as_str()
    }
    fn folded(&self, i: usize) -> &str {
        &self.keys[i].folded
    }
    fn is_capitalised(&self, i: usize) -> bool {
        self.s.words[i]
            .form
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
    }
    fn is_possessive(&self, i: usize) -> bool {
        matches!(self.folded(i), "'s" | "'") && (!self.parsed || self.s.words[i].upos == Upos::PART)
    }
}

fn is_proper(w: &Words, kb: &KnowledgeBase, i: usize) -> bool {
    let word = &w.s.words[i];
    if kb.not_names.contains(w.folded(i)) {
        return false;
    }
    if !word.form.chars().any(|c| c.is_alphabetic()) {
        return false;
    }
    match word.upos {
        Upos::PROPN => w.is_capitalised(i),
        // At the start of a sentence the tagger may take a name's first word for a noun
        // ("Wang Zhongyu, vice-chairman of ..."): it is a name when a proper noun follows
        // and the two are linked.
        Upos::NOUN if i == 0 => {
            w.is_capitalised(i)
                && w.s.words.get(1).is_some_and(|next| {
                    next.upos == Upos::PROPN
                        && w.is_capitalised(1)
                        && !kb.not_names.contains(w.folded(1))
                        && (w.head_of(1) == Some(0) || w.head_of(0) == Some(1))
                })
        }
        // Unparsed text: a capitalised word that does not start the sentence.
        Upos::X => w.is_capitalised(i) && i > 0,
        _ => false,
    }
}

fn meaning_rank(m: Meaning, len: usize) -> u8 {
    match m {
        Meaning::Person(_) if len > 1 => 1,
        Meaning::Org(_) => 2,
        Meaning::Country(_) => 3,
        Meaning::Seat(_) => 4,
        Meaning::Region(_) => 5,
        Meaning::Demonym(..) => 6,
        Meaning::Role(..) => 7,
        Meaning::Person(_) => 8,
        Meaning::DictActor(_) => 9,
        Meaning::DictAgent(_) => 10,
    }
}

/// Meanings that name something (not a role) need a capital: "turkey" is not Turkey.
fn needs_capital(m: Meaning) -> bool {
    !matches!(m, Meaning::Role(..) | Meaning::DictAgent(_))
}

/// Whether the one word `i`, which names a place in the knowledge base, is an ordinary word
/// here: a place name that is also a common English word (words.toml's `common_words`:
/// "Nice", "Reading") names the place only inside the sentence and, in parsed text, read as a
/// proper noun. (The tagger alone is no guide: it has read "Beijing" as an auxiliary.)
fn is_common_word_place(kb: &KnowledgeBase, w: &Words, i: usize, m: Meaning) -> bool {
    let place = matches!(
        m,
        Meaning::Region(_) | Meaning::Seat(_) | Meaning::Country(_)
    );
    if !place || !kb.common_words.contains(w.folded(i)) {
        return false;
    }
    let starts_sentence = (0..i).all(|j| !w.s.words[j].form.chars().any(|c| c.is_alphanumeric()));
    starts_sentence || (w.parsed && w.s.words[i].upos != Upos::PROPN)
}

fn pieces_of(kb: &KnowledgeBase, w: &Words, date: Option<NaiveDate>) -> Vec<Piece> {
    let n = w.s.words.len();
    let mut out: Vec<Piece> = Vec::new();
    let mut i = 0;
    while i < n {
        if let Some((len, meanings)) = kb.matcher.longest(&w.keys, i) {
            let capital = w.is_capitalised(i);
            let single_function_word = len == 1
                && !capital
                && matches!(
                    w.s.words[i].upos,
                    Upos::PRON | Upos::DET | Upos::ADP | Upos::CCONJ | Upos::AUX | Upos::SCONJ
                );
            // The best kind of meaning; among people sharing a name ("Rau"), the one in
            // office on the date, else the one whose last office started latest before it.
            let best = meanings
                .iter()
                .copied()
                .filter(|&m| capital || !needs_capital(m))
                .min_by_key(|&m| {
                    let person_rank = match m {
                        Meaning::Person(p) => {
                            let person = &kb.people[p as usize];
                            let in_office = kb.term_on(person, date).is_some();
                            let latest = person
                                .terms
                                .iter()
                                .filter_map(|t| t.start.map(|s| s.lo))
                                .filter(|s| date.is_none_or(|d| *s <= d))
                                .max();
                            (!in_office, std::cmp::Reverse(latest))
                        }
                        _ => (false, std::cmp::Reverse(None)),
                    };
                    (meaning_rank(m, len), person_rank)
                });
            let best = best.filter(|&m| len > 1 || !is_common_word_place(kb, w, i, m));
            // The name of a military or police operation names no one: "Operation Colombo"
            // (Chile's, not Sri Lanka's capital), "Operation Iraqi Freedom".
            let best = best.filter(|_| i == 0 || w.s.words[i - 1].form != "Operation");
            // A place written in the name of a document made there names no party to it:
            // "the Kyoto Protocol" is no Japanese actor, "the Oslo Accords" no Norwegian one
            // (words.toml's `document_words`). A country's own name keeps its country.
            let best = best.filter(|&m| {
                let next = i + len;
                !(matches!(m, Meaning::Region(_) | Meaning::Seat(_))
                    && next < n
                    && w.is_capitalised(next)
                    && kb.document_words.contains(w.folded(next)))
            });
            // A one-word official's title used as an adjective names no one: "Britain's
            // general election", "an official visit".
            let best = best.filter(|&m| {
                let adjective =
                    w.parsed && len == 1 && w.s.words[i].upos == Upos::ADJ && w.deprel(i) == "amod";
                !(adjective
                    && matches!(m, Meaning::Role(r, false)
                        if kb.roles[r as usize].kind == RoleKind::Person))
            });
            if let (Some(m), false) = (best, single_function_word) {
                out.push(Piece {
                    range: i..i + len,
                    kind: PieceKind::Kb(m),
                    possessor: false,
                });
                i += len;
                continue;
            }
        }
        // Possessive pronouns are not mentions of their own; "counterpart" reads them.
        let possessive = if w.parsed {
            w.deprel(i) == "nmod:poss"
        } else {
            matches!(w.folded(i), "his" | "its" | "their")
        };
        if kb.pronouns.contains_key(w.folded(i))
            && matches!(w.s.words[i].upos, Upos::PRON | Upos::X)
            && !possessive
        {
            out.push(Piece {
                range: i..i + 1,
                kind: PieceKind::Pronoun,
                possessor: false,
            });
        } else if let Some(p) = out
            .last_mut()
            .filter(|p| p.kind == PieceKind::Name && p.range.end == i && is_name_hyphen(w, i))
        {
            // The lower-case part of a hyphenated given name belongs to the name:
            // "Ri Chol-su", "Kim Dae-jung".
            p.range.end = i + 2;
            i += 2;
            continue;
        } else if is_proper(w, kb, i) {
            match out.last_mut() {
                Some(p) if p.kind == PieceKind::Name && p.range.end == i => p.range.end = i + 1,
                _ => out.push(Piece {
                    range: i..i + 1,
                    kind: PieceKind::Name,
                    possessor: false,
                }),
            }
        }
        i += 1;
    }
    for p in &mut out {
        if p.range.end < n && w.is_possessive(p.range.end) {
            p.possessor = true;
        }
    }
    out
}

/// Whether word `i` is a hyphen written tight between a name's word and a word of letters
/// ("Chol-su").
fn is_name_hyphen(w: &Words, i: usize) -> bool {
    let words = &w.s.words;
    i > 0
        && i + 1 < words.len()
        && words[i].form == "-"
        && words[i - 1].span.end == words[i].span.start
        && words[i].span.end == words[i + 1].span.start
        && words[i + 1].form.chars().all(char::is_alphabetic)
}

/// Whether the parse links a word of `a` to a word of `b`.
fn linked(w: &Words, a: &Range<usize>, b: &Range<usize>) -> bool {
    if !w.parsed {
        return true;
    }
    let into = |from: &Range<usize>, to: &Range<usize>| {
        from.clone()
            .any(|i| w.head_of(i).is_some_and(|h| to.contains(&h)))
    };
    into(a, b) || into(b, a)
}

fn is_countryish(p: &Piece) -> bool {
    matches!(
        p.kind,
        PieceKind::Kb(Meaning::Country(_) | Meaning::Demonym(..) | Meaning::Seat(_))
    )
}

fn is_name(p: &Piece) -> bool {
    matches!(
        p.kind,
        PieceKind::Name | PieceKind::Kb(Meaning::Person(_) | Meaning::DictActor(_))
    )
}

fn is_roleish(p: &Piece) -> bool {
    matches!(
        p.kind,
        PieceKind::Kb(Meaning::Role(..) | Meaning::DictAgent(_))
    )
}

/// Groups pieces into mentions. Each group is a list of piece indices.
fn groups_of(w: &Words, pieces: &[Piece]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (k, p) in pieces.iter().enumerate() {
        let join = match groups.last() {
            Some(g) if p.kind != PieceKind::Pronoun => {
                let last = &pieces[*g.last().expect("groups are not empty")];
                let gap = last.range.end..p.range.start;
                // A possessor's name ("Putin's") does not end the mention.
                let has_name = g
                    .iter()
                    .any(|&j| is_name(&pieces[j]) && !pieces[j].possessor);
                let pronoun = last.kind == PieceKind::Pronoun;
                if pronoun || (has_name && !last.possessor) {
                    // Nothing follows a name in a mention but what it possesses.
                    false
                } else if gap.is_empty() {
                    // A demonym right before a role is one phrase whatever the parse says
                    // ("Zambian police Monday morning shot dead ...").
                    linked(w, &last.range, &p.range)
                        || linked_through(w, g, pieces, p)
                        || (matches!(last.kind, PieceKind::Kb(Meaning::Demonym(_, false)))
                            && is_roleish(p))
                } else if (last.possessor && gap.len() == 1) || modifiers_between(w, last, p, &gap)
                {
                    true
                } else if is_countryish(last)
                    && is_countryish(p)
                    && gap.len() == 1
                    && matches!(w.folded(gap.start), "and" | "or" | ",")
                {
                    // Coordinated countries join only before a role: "Hungarian and
                    // Romanian officials". A country with a preposition of its own is a
                    // phrase apart: "In eastern Ukraine, Russian troops seized ...".
                    coordinated_before_role(w, pieces, k) && !stands_apart(w, pieces, k - 1)
                } else {
                    false
                }
            }
            _ => false,
        };
        if join {
            groups.last_mut().expect("checked").push(k);
        } else {
            groups.push(vec![k]);
        }
    }
    groups
}

/// A group of a sentence on its way to a mention.
struct Pending {
    group: Vec<usize>,
    facts: Facts,
    range: Range<usize>,
    head: usize,
    result: Option<(Vec<ResolvedActor>, &'static str, Option<String>)>,
}

/// The actor of an `of` phrase of word `h` ("chairman of the CPPCC"; also `at` and `for`
/// on the title itself: "a spokesman for the ministry"), looking through one
/// unknown body in between ("of the National Committee of the CPPCC"): a country's actor or
/// an international organisation.
fn of_phrase_actor(
    w: &Words,
    pending: &[Pending],
    h: usize,
    depth: usize,
) -> Option<ResolvedActor> {
    if depth > 1 {
        return None;
    }
    for c in 0..w.s.words.len() {
        if w.head_of(c) != Some(h) || !w.deprel(c).starts_with("nmod") {
            continue;
        }
        // "a judge at Serbia's war crimes court", "a spokesman for the Iraqi government": a
        // title at or for a body is the body's official, as one of it is.
        let has_of = (0..w.s.words.len()).any(|k| {
            w.head_of(k) == Some(c)
                && w.deprel(k) == "case"
                && (w.folded(k) == "of" || depth == 0 && matches!(w.folded(k), "at" | "for"))
        });
        if !has_of {
            continue;
        }
        let here = pending
            .iter()
            .find(|p| p.range.contains(&c))
            .and_then(|p| p.result.as_ref())
            .and_then(|(a, _, _)| a.first());
        match here {
            Some(a) if a.country.is_some() || (a.name.is_some() && !a.code.starts_with("---")) => {
                return Some(a.clone());
            }
            _ => {
                if let Some(a) = of_phrase_actor(w, pending, c, depth + 1) {
                    return Some(a);
                }
            }
        }
    }
    None
}

/// The country of a place in an `in` phrase of word `h` ("the government in Turkmenistan"):
/// a country's own actor, not an unknown one or an international body.
fn in_phrase_country(w: &Words, pending: &[Pending], h: usize) -> Option<String> {
    (0..w.s.words.len())
        .filter(|&c| w.head_of(c) == Some(h) && w.deprel(c).starts_with("nmod"))
        .filter(|&c| {
            (0..w.s.words.len())
                .any(|k| w.head_of(k) == Some(c) && w.deprel(k) == "case" && w.folded(k) == "in")
        })
        .find_map(|c| {
            let p = pending.iter().find(|p| p.range.contains(&c))?;
            let a = p.result.as_ref()?.0.first()?;
            let place = p.facts.person.is_none() && p.facts.name.is_none();
            (place && !a.code.starts_with("---"))
                .then(|| a.country.clone())
                .flatten()
        })
}

/// Whether a country, demonym, seat or region and a role are one phrase with modifiers
/// between them that the role governs: "Liberian security officials", "Chinese armed
/// police", "Southern Sudan's autonomous government".
fn modifiers_between(w: &Words, last: &Piece, p: &Piece, gap: &Range<usize>) -> bool {
    let countryish = is_countryish(last) || matches!(last.kind, PieceKind::Kb(Meaning::Region(_)));
    if !w.parsed || !countryish || !is_roleish(p) || gap.len() > 4 {
        return false;
    }
    let into_role = |i: usize| {
        w.head_of(i)
            .is_some_and(|h| p.range.contains(&h) || gap.contains(&h))
    };
    let modifiers = gap.clone().all(|j| {
        (last.possessor && j == gap.start)
            || (matches!(w.deprel(j), "amod" | "compound" | "advmod")
                && matches!(
                    w.s.words[j].upos,
                    Upos::ADJ | Upos::NOUN | Upos::VERB | Upos::ADV
                )
                && !w.is_capitalised(j)
                && into_role(j))
    });
    // "Liberian" may hang on "security" rather than on "officials".
    modifiers
        && last.range.clone().any(|i| {
            w.head_of(i)
                .is_some_and(|h| p.range.contains(&h) || gap.contains(&h))
        })
}

/// Whether the country piece `k` starts a chain of countries joined by "and", "or" or commas
/// that ends right before a role ("Estonian, Latvian and Lithuanian lawmakers").
fn coordinated_before_role(w: &Words, pieces: &[Piece], k: usize) -> bool {
    let mut j = k;
    loop {
        let Some(next) = pieces.get(j + 1) else {
            return false;
        };
        let gap = pieces[j].range.end..next.range.start;
        if gap.is_empty() {
            return is_roleish(next);
        }
        let coordinator = gap.len() == 1 && matches!(w.folded(gap.start), "and" | "or" | ",");
        if !coordinator || !is_countryish(next) {
            return false;
        }
        j += 1;
    }
}

/// Whether country piece `j`, before a chain of countries and a role, is a phrase apart:
/// it has a preposition of its own and hangs on nothing up to the role ("In eastern
/// Ukraine, Russian troops seized ..."), where a misparsed "with Hungarian and Romanian
/// officials" has the role hang on the country.
fn stands_apart(w: &Words, pieces: &[Piece], j: usize) -> bool {
    let p = &pieces[j];
    if !w.parsed
        || !(0..p.range.start)
            .any(|c| w.deprel(c) == "case" && w.head_of(c).is_some_and(|h| p.range.contains(&h)))
    {
        return false;
    }
    let end = pieces[j + 1..]
        .iter()
        .find(|q| is_roleish(q))
        .map_or(p.range.end, |q| q.range.end);
    let chain = p.range.start..end;
    let hangs_on_chain = |i: usize| {
        w.head_of(i)
            .is_some_and(|h| chain.contains(&h) && !p.range.contains(&h))
    };
    !p.range.clone().any(hangs_on_chain)
        && !(p.range.end..end)
            .any(|i| w.deprel(i) != "punct" && w.head_of(i).is_some_and(|h| p.range.contains(&h)))
}

/// Whether `p` links to any piece of the group (titles attach to the name, not to each
/// other: "Deputy Pentagon Press Secretary Sabrina Singh").
fn linked_through(w: &Words, g: &[usize], pieces: &[Piece], p: &Piece) -> bool {
    g.iter().any(|&j| linked(w, &pieces[j].range, &p.range))
        || (w.parsed && {
            // Both attach to the same word outside them (compounds of one head).
            let hp = p
                .range
                .clone()
                .filter_map(|i| w.head_of(i))
                .collect::<Vec<_>>();
            g.iter().any(|&j| {
                pieces[j]
                    .range
                    .clone()
                    .filter_map(|i| w.head_of(i))
                    .any(|h| hp.contains(&h) && !pieces[j].range.contains(&h))
            })
        })
}

/// Facts collected from the pieces of a group.
#[derive(Default, Debug)]
struct Facts {
    countries: Vec<u32>,
    sectors: Vec<String>,
    /// Sectors of weak roles ("spokesman"), used when nothing else gives sectors.
    weak_sectors: Vec<String>,
    /// Countries of seats: used when no country is named beside them ("the Russian
    /// Ministry of Defence" is Russian, "the Ministry of Defence" British).
    seat_countries: Vec<u32>,
    prefix: Option<String>,
    person: Option<u32>,
    name: Option<Range<usize>>,
    org: Option<u32>,
    dict_actor: Option<u32>,
    roles: Vec<u32>,
    heads: Vec<String>,
    office: Option<String>,
    /// Countries where the role names another office (ISO3 → office).
    office_in: Vec<(String, String)>,
    former: bool,
    counterpart: bool,
    plural: bool,
    /// A diplomat or mission: an `in` phrase is the posting ("the ambassador in Beijing").
    posted: bool,
    /// The country comes from a seat whose name other countries use too ("Congress"): the
    /// seat.
    generic_seat: Option<u32>,
    via: &'static str,
    entry: String,
    kind: Option<Kind>,
}

impl Facts {
    /// A role alone: no country, no name, not "counterpart" ("soldiers", "vice-chairman"),
    /// which may take its country from a phrase it is linked to.
    fn is_bare_role(&self) -> bool {
        !self.roles.is_empty()
            && self.countries.is_empty()
            && self.name.is_none()
            && !self.counterpart
    }

    /// A plural word for a dated office ("the defense heads").
    fn plural_office(&self) -> bool {
        self.plural && self.office.is_some()
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// The CAMEO code of a country (by ISO3 or CAMEO code) and sectors.
fn compose(kb: &KnowledgeBase, country: Option<&str>, sectors: &[String]) -> String {
    let mut code = match country {
        Some(c) => kb
            .country(c)
            .map(|c| c.cameo.clone())
            .unwrap_or(c.to_string()),
        None => "---".to_string(),
    };
    for s in sectors {
        code.push_str(s);
    }
    code
}

/// A country with sectors and no one named: "Hungarian officials" (HUNGOV).
fn country_actor(
    kb: &KnowledgeBase,
    country: String,
    sectors: Vec<String>,
    entry: String,
) -> ResolvedActor {
    ResolvedActor {
        code: compose(kb, Some(&country), &sectors),
        country: Some(country),
        sectors,
        name: None,
        entry,
    }
}

fn iso(kb: &KnowledgeBase, idx: u32) -> String {
    kb.countries[idx as usize].iso3.clone()
}

/// A known person on a date: their office then, or ELI in the country of their nearest
/// office.
fn person_actor(
    kb: &KnowledgeBase,
    person: &Person,
    date: Option<NaiveDate>,
) -> (ResolvedActor, Option<String>) {
    if let Some(term) = kb.term_on(person, date) {
        return (term_actor(kb, person, term), Some(term.office.clone()));
    }
    // Outside all offices: the country of the last office before the date (or the first).
    let last = person
        .terms
        .iter()
        .filter(|t| match (date, t.start) {
            (Some(d), Some(s)) => s.lo <= d,
            _ => true,
        })
        .max_by_key(|t| t.start.map(|s| s.lo))
        .or_else(|| person.terms.first());
    let country = last
        .and_then(|t| kb.country(&t.country))
        .map(|c| c.iso3.clone());
    let sectors = vec!["ELI".to_string()];
    let code = match (&country, last) {
        (None, Some(t)) => format!("{}ELI", t.country),
        _ => compose(kb, country.as_deref(), &sectors),
    };
    (
        ResolvedActor {
            code,
            country,
            sectors,
            name: Some(person.name.clone()),
            entry: last.map(|t| t.entry.clone()).unwrap_or_default(),
        },
        None,
    )
}

fn term_actor(kb: &KnowledgeBase, person: &Person, term: &Term) -> ResolvedActor {
    // An office of an international body is written with the body's code ("IGO") in place of
    // a country: the code starts with it and there is no country.
    let country = kb.country(&term.country).map(|c| c.iso3.clone());
    let mut code = match &country {
        Some(c) => compose(kb, Some(c), &[]),
        None => term.country.clone(),
    };
    for s in &term.sectors {
        code.push_str(s);
    }
    ResolvedActor {
        code,
        country,
        sectors: term.sectors.clone(),
        name: Some(person.name.clone()),
        entry: term.entry.clone(),
    }
}

/// Splits a CAMEO code into its country (when known) and its sectors.
fn split_code(kb: &KnowledgeBase, code: &str) -> (Option<String>, Vec<String>) {
    let chunks: Vec<&str> = (0..code.len() / 3)
        .filter_map(|i| code.get(3 * i..3 * i + 3))
        .collect();
    let country = chunks
        .first()
        .and_then(|c| kb.country(c))
        .map(|c| c.iso3.clone());
    let start = usize::from(country.is_some());
    let sectors = chunks[start.min(chunks.len())..]
        .iter()
        .filter(|c| kb.sectors.iter().any(|s| s.code == **c))
        .map(|c| c.to_string())
        .collect();
    (country, sectors)
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            let mut c = lower.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn dict_actor_code(kb: &KnowledgeBase, idx: u32, date: Option<NaiveDate>) -> (String, String) {
    let a = &kb.dict_actors[idx as usize];
    let dated = date.and_then(|d| {
        a.codes.iter().find(|c| {
            (c.from.is_some() || c.to.is_some())
                && c.from.is_none_or(|f| f <= d)
                && c.to.is_none_or(|t| d <= t)
        })
    });
    let code = dated
        .or_else(|| a.codes.iter().find(|c| c.from.is_none() && c.to.is_none()))
        .or_else(|| a.codes.last())
        .map(|c| c.code.clone())
        .unwrap_or_else(|| "---".to_string());
    (code, a.entry.clone())
}

fn collect_facts(
    kb: &KnowledgeBase,
    w: &Words,
    pieces: &[Piece],
    group: &[usize],
    date: Option<NaiveDate>,
) -> Facts {
    let mut f = Facts::default();
    let last = *group.last().expect("groups are not empty");
    // Whether an official's title has been read ("Prime Minister"), and whether a country
    // stood before it ("Cambodian Prime Minister").
    let mut after_title = false;
    let mut country_before_title = false;
    for (n, &k) in group.iter().enumerate() {
        // A possessor gives its country to what follows ("Putin's spokesman"); alone
        // ("Putin's") it is the actor itself.
        let mut p = pieces[k].clone();
        p.possessor &= k != last;
        // A place's name after an official's title is the start of the official's name,
        // when a country stood before the title or a name follows: "Cambodian Prime
        // Minister Hun Sen" is no Libyan (Hun is a Libyan town), "President Jordan Peterson"
        // no Jordanian.
        if after_title
            && matches!(
                p.kind,
                PieceKind::Kb(Meaning::Country(_) | Meaning::Region(_) | Meaning::Seat(_))
            )
            && !p.possessor
            && (country_before_title
                || group.get(n + 1).is_some_and(|&j| {
                    pieces[j].kind == PieceKind::Name && pieces[j].range.start == p.range.end
                }))
        {
            p.kind = PieceKind::Name;
        }
        let p = &p;
        match p.kind {
            PieceKind::Name => {
                if p.possessor {
                    continue;
                }
                // Adjacent name pieces make one name ("Hun" read as a name, then "Xyz").
                f.name = Some(match f.name.take() {
                    Some(r) if r.end == p.range.start => r.start..p.range.end,
                    _ => p.range.clone(),
                });
            }
            PieceKind::Pronoun => {}
            PieceKind::Kb(m) => match m {
                Meaning::Country(c) => {
                    f.countries.push(kb.country_on(c, date));
                    f.via = "name";
                    f.entry = kb.countries[c as usize].entry.clone();
                    f.kind.get_or_insert(Kind::Country);
                }
                Meaning::Demonym(c, plural) => {
                    f.countries.push(kb.country_on(c, date));
                    f.plural |= plural;
                    f.via = "demonym";
                    f.entry = kb.countries[c as usize].entry.clone();
                    f.kind
                        .get_or_insert(if plural { Kind::Group } else { Kind::Country });
                }
                Meaning::Seat(s) => {
                    let seat = &kb.seats[s as usize];
                    f.seat_countries.push(kb.country_on(seat.country, date));
                    if !seat.shared_with.is_empty() {
                        f.generic_seat = Some(s);
                    }
                    for x in &seat.sectors {
                        push_unique(&mut f.sectors, x);
                    }
                    f.via = "seat";
                    f.entry = seat.entry.clone();
                    f.kind.get_or_insert(Kind::Body);
                }
                Meaning::Region(r) => {
                    let region = &kb.regions[r as usize];
                    f.countries.push(kb.country_on(region.country, date));
                    f.via = "region";
                    f.entry = region.entry.clone();
                    f.kind.get_or_insert(Kind::Country);
                }
                Meaning::Org(o) => {
                    f.org = Some(o);
                }
                Meaning::Person(pi) => {
                    if p.possessor {
                        // "Putin's spokesman": the possessor gives the country.
                        let (a, _) = person_actor(kb, &kb.people[pi as usize], date);
                        if let Some(c) = a.country.as_deref().and_then(|c| kb.country_idx(c)) {
                            f.countries.push(c);
                        }
                    } else {
                        f.person = Some(pi);
                    }
                }
                Meaning::DictActor(a) => {
                    if p.possessor {
                        let (code, _) = dict_actor_code(kb, a, date);
                        if let Some(c) = code.get(..3).and_then(|c| kb.country_idx(c)) {
                            f.countries.push(c);
                        }
                    } else {
                        f.dict_actor = Some(a);
                    }
                }
                Meaning::DictAgent(a) => {
                    let agent = &kb.dict_agents[a as usize];
                    if agent.prefix {
                        f.prefix = Some(agent.code.clone());
                    } else {
                        for i in 0..agent.code.len() / 3 {
                            if let Some(c) = agent.code.get(3 * i..3 * i + 3) {
                                push_unique(&mut f.sectors, c);
                            }
                        }
                    }
                    if f.entry.is_empty() || f.via != "seat" {
                        f.entry = agent.entry.clone();
                    }
                    f.kind = Some(Kind::Group);
                }
                Meaning::Role(r, plural) => {
                    let role = &kb.roles[r as usize];
                    if matches!(
                        role.kind,
                        RoleKind::Person | RoleKind::Group | RoleKind::Body
                    ) {
                        // Titles and modifiers ("Gen.", "former") name no one by themselves.
                        f.roles.push(r);
                        f.plural |= plural;
                        f.posted |= role.posted;
                        push_unique(&mut f.heads, w.folded(p.range.end - 1));
                    }
                    match role.kind {
                        RoleKind::Former => f.former = true,
                        RoleKind::Counterpart => f.counterpart = true,
                        _ if role.weak => {
                            for x in &role.sectors {
                                push_unique(&mut f.weak_sectors, x);
                            }
                        }
                        _ => {
                            for x in &role.sectors {
                                push_unique(&mut f.sectors, x);
                            }
                        }
                    }
                    if role.office.is_some() {
                        f.office = role.office.clone();
                        f.office_in = role.office_in.clone();
                    }
                    match role.kind {
                        RoleKind::Person => f.kind = Some(Kind::Person),
                        RoleKind::Group => f.kind = Some(Kind::Group),
                        RoleKind::Body => f.kind = Some(Kind::Body),
                        _ => {}
                    }
                    if matches!(
                        role.kind,
                        RoleKind::Person | RoleKind::Body | RoleKind::Title
                    ) && !after_title
                    {
                        after_title = true;
                        country_before_title = !f.countries.is_empty();
                    }
                    if f.entry.is_empty() || !matches!(f.via, "seat") {
                        f.entry = role.entry.clone();
                    }
                }
            },
        }
    }
    if f.sectors.is_empty() && f.org.is_none() {
        f.sectors = std::mem::take(&mut f.weak_sectors);
    }
    if f.countries.is_empty() {
        f.countries = std::mem::take(&mut f.seat_countries);
    } else {
        // A country named beside a seat decides ("the Philippine Congress").
        f.generic_seat = None;
    }
    let mut seen = Vec::new();
    f.countries.retain(|c| {
        let new = !seen.contains(c);
        seen.push(*c);
        new
    });
    f
}

fn name_text(w: &Words, r: &Range<usize>) -> String {
    let doc_text = |i: usize| w.s.words[i].form.as_str();
    let mut s = String::new();
    for i in r.clone() {
        if i > r.start {
            // Join as written: no space before a word that touched the previous one.
            let prev = &w.s.words[i - 1];
            if prev.span.end != w.s.words[i].span.start {
                s.push(' ');
            }
        }
        s.push_str(doc_text(i));
    }
    s
}

/// What a group resolves to without looking at the rest of the document. `None` when it
/// needs coreference (a bare role, "counterpart").
fn resolve_group(
    kb: &KnowledgeBase,
    w: &Words,
    f: &Facts,
    date: Option<NaiveDate>,
    named: &Named,
) -> Option<(Vec<ResolvedActor>, &'static str, Option<String>)> {
    if let Some(pi) = f.person {
        let person = &kb.people[pi as usize];
        let (actor, office) = person_actor(kb, person, date);
        let via = if f.roles.is_empty() { "name" } else { "title" };
        return Some((vec![actor], via, office));
    }
    if let Some(a) = f.dict_actor {
        let (code, entry) = dict_actor_code(kb, a, date);
        let (country, sectors) = split_code(kb, &code);
        return Some((
            vec![ResolvedActor {
                code,
                country,
                sectors,
                name: Some(title_case(&kb.dict_actors[a as usize].name)),
                entry,
            }],
            "dictionary",
            None,
        ));
    }
    if let Some(o) = f.org {
        let org = &kb.orgs[o as usize];
        // The code in force on the date: the Taliban of 2010 are insurgents, of 2023 the
        // government.
        let org_code = org.code_on(date).to_string();
        let (_, sectors) = split_code(kb, &org_code);
        // A domestic organisation of one country, named with another country's possessive or
        // adjective, is that country's namesake: "Hong Kong's Democratic party" is no US
        // party. It takes the named country and the organisation's sectors.
        let own = org.country.as_deref().and_then(|c| kb.country_idx(c));
        if let (Some(own), Some(&named_country)) = (own, f.countries.first()) {
            if !f.countries.contains(&own) {
                return Some((
                    vec![country_actor(
                        kb,
                        iso(kb, named_country),
                        sectors,
                        f.entry.clone(),
                    )],
                    "title",
                    None,
                ));
            }
        }
        let name = match &f.name {
            Some(r) => name_text(w, r),
            None => org.name.clone(),
        };
        // An organisation of a state that did not exist yet on the date is of the state its
        // territory belonged to: the SPLM in 2006 is Sudanese (SDN), not South Sudanese.
        let (code, country) = match own.map(|own| (own, kb.country_on(own, date))) {
            Some((own, then)) if then != own => {
                let country = iso(kb, then);
                (compose(kb, Some(&country), &sectors), Some(country))
            }
            _ => (org_code, org.country.clone()),
        };
        return Some((
            vec![ResolvedActor {
                code,
                country,
                sectors,
                name: Some(name),
                entry: org.entry.clone(),
            }],
            "org",
            None,
        ));
    }
    if f.counterpart {
        return None;
    }
    let mut sectors = f.sectors.clone();
    if f.former {
        sectors = vec!["ELI".to_string()];
    }
    // A role with a country and an office, and no name: the holder on the date. A plural
    // role of several countries ("the French and German foreign ministers") names each
    // country's holder; a country whose holder is unknown keeps the role's sectors.
    if f.name.is_none() && !f.former && (f.plural == (f.countries.len() > 1)) {
        if let Some(office) = f.office.as_ref().filter(|_| !f.countries.is_empty()) {
            let office_of = |country: &str| {
                f.office_in
                    .iter()
                    .find(|(c, _)| *c == country)
                    .map(|(_, o)| o)
                    .unwrap_or(office)
                    .clone()
            };
            let holders: Vec<Option<ResolvedActor>> = f
                .countries
                .iter()
                .map(|&c| {
                    let country = iso(kb, c);
                    kb.office_holder(&country, &office_of(&country), date)
                        .map(|(person, term)| term_actor(kb, person, term))
                })
                .collect();
            if holders.iter().any(Option::is_some) {
                let office = office_of(&iso(kb, f.countries[0]));
                let actors = holders
                    .into_iter()
                    .zip(&f.countries)
                    .map(|(h, &c)| {
                        h.unwrap_or_else(|| {
                            country_actor(kb, iso(kb, c), sectors.clone(), f.entry.clone())
                        })
                    })
                    .collect();
                return Some((actors, "office", Some(office)));
            }
        }
    }
    if f.countries.is_empty() && f.name.is_none() {
        // A bare role ("the secretary", "officials") waits for coreference; a bare title
        // ("first", "Gen.") names no one.
        return None;
    }
    let name = f.name.as_ref().map(|r| name_text(w, r));
    let via = match (&name, f.roles.is_empty() && f.sectors.is_empty()) {
        (Some(_), false) => "unknown-with-title",
        (Some(_), true) if !f.countries.is_empty() => "unknown-with-title",
        (Some(_), true) => "unknown",
        (None, false) if !f.roles.is_empty() => "title",
        (None, _) => f.via,
    };
    let mut countries: Vec<Option<String>> = if f.countries.is_empty() {
        vec![None]
    } else {
        f.countries.iter().map(|&c| Some(iso(kb, c))).collect()
    };
    // A shared seat alone ("Congress") is its own country's unless the document has never
    // named its own country and names one of the countries that share the name more than
    // any other: then it is that country's ("India's political crisis ... the Congress";
    // but "Netanyahu spoke to Congress" is the US Congress).
    if let Some(s) = f.generic_seat.filter(|_| f.countries.len() == 1) {
        let seat = &kb.seats[s as usize];
        if let Some(story) = named.most().filter(|_| !named.contains(f.countries[0])) {
            let story = iso(kb, story);
            if seat.shared_with.contains(&story) {
                countries = vec![Some(story)];
            }
        }
    }
    let actors = countries
        .into_iter()
        .map(|country| {
            let mut code = compose(kb, country.as_deref(), &sectors);
            if let Some(p) = &f.prefix {
                code = format!("{p}{code}");
            }
            if country.is_none() && sectors.is_empty() {
                code = "---".to_string();
            }
            ResolvedActor {
                code,
                country,
                sectors: sectors.clone(),
                name: name.clone(),
                entry: f.entry.clone(),
            }
        })
        .collect();
    Some((actors, via, f.office.clone()))
}

/// How many sentences back pronouns and bare roles look (the longest window is five).
const WINDOW: usize = 6;

/// The document-level state: what has been mentioned so far. `memory` keeps the last
/// `WINDOW` sentences' actors, so each look-up is short whatever the document's length;
/// `people` keeps every named person by full name and surname, for surnames at any distance.
#[derive(Default)]
struct Discourse {
    memory: Vec<Memory>,
    people: FxHashMap<String, Memory>,
    named: Named,
}

/// The countries the document has named so far, with how often, in order of first mention.
#[derive(Default)]
struct Named(Vec<(u32, u32)>);

impl Named {
    fn add(&mut self, country: u32) {
        match self.0.iter_mut().find(|(c, _)| *c == country) {
            Some((_, n)) => *n += 1,
            None => self.0.push((country, 1)),
        }
    }

    fn contains(&self, country: u32) -> bool {
        self.0.iter().any(|(c, _)| *c == country)
    }

    /// The country named more often than any other; none when two are named equally often.
    fn most(&self) -> Option<u32> {
        let mut best: Option<(u32, u32)> = None;
        let mut tie = false;
        for &(c, n) in &self.0 {
            match best {
                Some((_, m)) if n == m => tie = true,
                Some((_, m)) if n < m => {}
                _ => {
                    best = Some((c, n));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(c, _)| c)
    }
}

impl Discourse {
    fn prune(&mut self, sentence: usize) {
        self.memory.retain(|m| m.sentence + WINDOW >= sentence);
    }

    fn remember(&mut self, m: Memory) {
        let i = self.merge(m);
        let entry = &self.memory[i];
        if entry.kind == Kind::Person && entry.actor.name.is_some() {
            for key in &entry.names {
                self.people.insert(key.clone(), entry.clone());
            }
        }
    }

    /// Adds `m`, or merges it into the entry of the same named actor; returns its index.
    fn merge(&mut self, m: Memory) -> usize {
        // One entry per named actor: a new mention refreshes it and adds its titles.
        if let Some(name) = &m.actor.name {
            if let Some(i) = self
                .memory
                .iter()
                .position(|x| x.actor.name.as_deref() == Some(name) && x.actor.code == m.actor.code)
            {
                let old = &mut self.memory[i];
                for h in m.heads {
                    push_unique(&mut old.heads, &h);
                }
                for h in m.office_heads {
                    push_unique(&mut old.office_heads, &h);
                }
                for r in m.roles {
                    if !old.roles.contains(&r) {
                        old.roles.push(r);
                    }
                }
                for n in m.names {
                    push_unique(&mut old.names, &n);
                }
                old.office = old.office.take().or(m.office);
                // A second mention in the same sentence ("Khan, chairman of ...", an
                // apposition) keeps the first one's standing as subject.
                let same = old.sentence == m.sentence;
                old.subject = m.subject || (same && old.subject);
                old.main_subject = m.main_subject || (same && old.main_subject);
                old.sentence = m.sentence;
                old.word = m.word;
                old.gender = old.gender.or(m.gender);
                return i;
            }
        }
        self.memory.push(m);
        self.memory.len() - 1
    }

    /// Entries by recency, most recent first, up to (sentence, word).
    fn recent(&self, sentence: usize, word: usize) -> impl Iterator<Item = (usize, &Memory)> {
        let mut idx: Vec<usize> = (0..self.memory.len())
            .filter(|&i| {
                let m = &self.memory[i];
                m.sentence < sentence || (m.sentence == sentence && m.word < word)
            })
            .collect();
        idx.sort_by_key(|&i| std::cmp::Reverse((self.memory[i].sentence, self.memory[i].word)));
        idx.into_iter().map(move |i| (i, &self.memory[i]))
    }
}

/// Whether an actor's entry (`file:line`) is a line of a people file, so the actor is a
/// named person.
fn from_people_file(entry: &str) -> bool {
    let file = entry.rsplit_once(':').map_or(entry, |(f, _)| f);
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.starts_with("people") && base.ends_with(".tsv")
}

/// The keys a later mention may name a person by: the full name and the family name, which is
/// the last word, or also the first where the person's country writes it first ("Kim").
fn surname_keys(name: &str, family_name_first: bool) -> Vec<String> {
    let f = fold(name);
    let mut keys = vec![f.clone()];
    let mut words = f.split(' ');
    let first = words.next();
    if let Some(last) = words.next_back() {
        keys.push(last.to_string());
        // News drops the Arabic article of a family name: "Harith al-Dhari" ... "Dhari".
        if let Some(bare) = ["al-", "el-"]
            .iter()
            .find_map(|a| last.strip_prefix(a))
            .filter(|b| !b.is_empty())
        {
            keys.push(bare.to_string());
        }
        if family_name_first {
            keys.extend(first.map(str::to_string));
        }
    }
    keys
}

/// Resolves the mentions of every sentence of a parsed document, on `date` (the document's
/// publication date; `None`: as of the knowledge base's present). One list per sentence.
pub fn resolve_document(
    kb: &KnowledgeBase,
    doc: &Document,
    date: Option<NaiveDate>,
) -> Vec<Vec<Mention>> {
    let mut discourse = Discourse::default();
    doc.sentences
        .iter()
        .enumerate()
        .map(|(si, s)| resolve_sentence(kb, s, si, date, &mut discourse))
        .collect()
}

fn mention_range(w: &Words, pieces: &[Piece], group: &[usize]) -> (Range<usize>, usize) {
    let mut start = pieces[group[0]].range.start;
    let end = pieces[*group.last().expect("groups are not empty")]
        .range
        .end;
    // A determiner or possessive pronoun just before, attached inside: "the Pentagon",
    // "his Russian counterpart".
    if start > 0 {
        let prev = start - 1;
        let word = &w.s.words[prev];
        let attached = w.head_of(prev).is_none_or(|h| (start..end).contains(&h));
        let det = matches!(w.folded(prev), "the" | "his" | "her" | "their" | "its")
            || (w.parsed && word.upos == Upos::DET && w.deprel(prev) == "det");
        if det && attached && !pieces.iter().any(|p| p.range.contains(&prev)) {
            start = prev;
        }
    }
    let range = start..end;
    let head = range
        .clone()
        .rev()
        .find(|&i| w.head_of(i).is_none_or(|h| !range.contains(&h)))
        .unwrap_or(end - 1);
    (range, head)
}

fn is_subject(w: &Words, head: usize) -> bool {
    w.deprel(head).starts_with("nsubj")
}

/// Whether an "it" is a dummy subject ("it was the second time", "it follows that").
fn is_expletive(w: &Words, i: usize) -> bool {
    let Some(h) = w.head_of(i) else {
        return false;
    };
    let head_lemma = w.s.words[h].lemma.as_str();
    let has_cop = (0..w.s.words.len()).any(|j| w.head_of(j) == Some(h) && w.deprel(j) == "cop");
    has_cop
        || matches!(
            head_lemma,
            "be" | "seem" | "appear" | "happen" | "follow" | "take"
        )
}

fn resolve_sentence(
    kb: &KnowledgeBase,
    s: &Sentence,
    si: usize,
    date: Option<NaiveDate>,
    d: &mut Discourse,
) -> Vec<Mention> {
    d.prune(si);
    let w = Words {
        s,
        keys: s.words.iter().map(|x| kb.matcher.keys(&x.form)).collect(),
        parsed: s.words.iter().any(|x| x.head > 0),
    };
    let pieces = pieces_of(kb, &w, date);
    let groups = groups_of(&w, &pieces);
    // Resolve what needs no coreference.
    let mut pending: Vec<Pending> = Vec::with_capacity(groups.len());
    for g in groups {
        let facts = collect_facts(kb, &w, &pieces, &g, date);
        let (range, head) = mention_range(&w, &pieces, &g);
        let result = if g.iter().all(|&k| pieces[k].kind == PieceKind::Pronoun) {
            None
        } else {
            resolve_group(kb, &w, &facts, date, &d.named)
        };
        // Countries named so far, for shared seats and the story's country.
        if let Some((actors, _, _)) = &result {
            for a in actors {
                if let Some(c) = a.country.as_deref().and_then(|c| kb.country_idx(c)) {
                    d.named.add(c);
                }
            }
        }
        pending.push(Pending {
            group: g,
            facts,
            range,
            head,
            result,
        });
    }
    // A bare role coordinated with a role of some country shares the country: "Chinese armed
    // police and soldiers", "Israeli settlers and soldiers".
    if w.parsed {
        for b in 0..pending.len() {
            let f = &pending[b].facts;
            let bare = pending[b].result.is_none() && f.is_bare_role() && !f.sectors.is_empty();
            if !bare || w.deprel(pending[b].head) != "conj" {
                continue;
            }
            let Some(h) = w.head_of(pending[b].head) else {
                continue;
            };
            // "U.S. forces and Shiite militiamen": a conjunct that a capitalised adjective of
            // its own qualifies (a faith, a people) is not of the other's country.
            let hb = pending[b].head;
            let qualified = (0..hb).any(|c| {
                w.head_of(c) == Some(hb)
                    && w.deprel(c) == "amod"
                    && w.is_capitalised(c)
                    && !pending.iter().any(|q| q.range.contains(&c))
            });
            if qualified {
                continue;
            }
            let Some(a) = pending.iter().position(|q| {
                q.head == h && !q.facts.roles.is_empty() && !q.facts.countries.is_empty()
            }) else {
                continue;
            };
            let sectors = pending[b].facts.sectors.clone();
            let actors = pending[a]
                .facts
                .countries
                .iter()
                .map(|&c| {
                    country_actor(
                        kb,
                        iso(kb, c),
                        sectors.clone(),
                        pending[b].facts.entry.clone(),
                    )
                })
                .collect();
            pending[b].result = Some((actors, "coordination", None));
        }
    }
    // A bare title of a country's or an organisation's body takes its country: "vice-chairman
    // of the National Committee of the CPPCC", "secretary of the General People's Committee
    // of Libya", "head of the UN refugee agency".
    if w.parsed {
        for b in 0..pending.len() {
            let f = &pending[b].facts;
            let bare = pending[b].result.is_none() && f.is_bare_role() && !f.former;
            if !bare {
                continue;
            }
            let Some(found) = of_phrase_actor(&w, &pending, pending[b].head, 0) else {
                continue;
            };
            let sectors = pending[b].facts.sectors.clone();
            let body = found.clone();
            let actor = match &body.country {
                Some(country) => ResolvedActor {
                    code: compose(kb, Some(country), &sectors),
                    country: Some(country.clone()),
                    sectors: sectors.clone(),
                    name: None,
                    entry: pending[b].facts.entry.clone(),
                },
                // An international body's official carries the body's code alone.
                None => ResolvedActor { name: None, ..body },
            };
            pending[b].result = Some((vec![actor], "of", pending[b].facts.office.clone()));
        }
        // A bare title of a state's own institutions takes the country of an `in` phrase it
        // governs ("the new government in Turkmenistan", "officials in Algiers"), not the
        // story's; a diplomat's `in` phrase is the posting ("the ambassador in Beijing").
        for b in 0..pending.len() {
            let f = &pending[b].facts;
            let domestic = || {
                f.sectors
                    .iter()
                    .any(|x| DOMESTIC_SECTORS.contains(&x.as_str()))
            };
            if pending[b].result.is_some()
                || !f.is_bare_role()
                || f.former
                || f.posted
                || !domestic()
            {
                continue;
            }
            // "Israeli and Hamas negotiators in Doha": modifiers that name actors say whose.
            let h = pending[b].head;
            let owned = (0..w.s.words.len()).any(|c| {
                w.head_of(c) == Some(h)
                    && matches!(w.deprel(c), "amod" | "compound" | "nmod:poss")
                    && pending
                        .iter()
                        .enumerate()
                        .any(|(k, p)| k != b && p.range.contains(&c))
            });
            if owned {
                continue;
            }
            let Some(country) = in_phrase_country(&w, &pending, h) else {
                continue;
            };
            let sectors = pending[b].facts.sectors.clone();
            let actor = country_actor(kb, country, sectors, pending[b].facts.entry.clone());
            pending[b].result = Some((vec![actor], "in", pending[b].facts.office.clone()));
        }
    }
    // Surnames and known names already mentioned: "Austin", "Singh".
    for p in &mut pending {
        let Some(r) = p.facts.name.clone() else {
            continue;
        };
        if p.facts.person.is_some() || p.facts.org.is_some() {
            continue;
        }
        let key = fold(&name_text(&w, &r));
        if let Some(m) = d.people.get(&key) {
            p.result = Some((vec![m.actor.clone()], "coref:surname", m.office.clone()));
        }
    }
    // Appositions share one actor: a named side gives its actor to a bare or office side.
    if w.parsed {
        for b in 0..pending.len() {
            let hb = pending[b].head;
            if w.deprel(hb) != "appos" {
                continue;
            }
            let Some(target) = w.head_of(hb) else {
                continue;
            };
            let Some(a) = pending.iter().position(|p| p.range.contains(&target)) else {
                continue;
            };
            let (named, other) =
                if pending[a].facts.name.is_some() || pending[a].facts.person.is_some() {
                    (a, b)
                } else if pending[b].facts.name.is_some() || pending[b].facts.person.is_some() {
                    (b, a)
                } else {
                    continue;
                };
            // Two known people are two actors ("Denis Sassou-Nguesso of Congo, Paul Kagame
            // of Rwanda" read as an apposition).
            if let (Some(x), Some(y)) = (pending[a].facts.person, pending[b].facts.person) {
                if x != y {
                    continue;
                }
            }
            // Only an official's title stands in apposition to a name ("Shahed-136 drones"
            // is no apposition of people).
            if !matches!(pending[other].facts.kind, Some(Kind::Person) | None) {
                continue;
            }
            let named_unknown = pending[named].facts.person.is_none()
                && pending[named].facts.dict_actor.is_none()
                && pending[named].facts.org.is_none();
            // Two different countries are two actors, whatever the parse says ("Rafiq Hariri,
            // a high-ranking Syrian official said").
            let named_country = pending[named]
                .result
                .as_ref()
                .and_then(|(a, _, _)| a.first())
                .and_then(|a| a.country.as_deref())
                .and_then(|c| kb.country_idx(c));
            let other_countries = &pending[other].facts.countries;
            if named_country
                .is_some_and(|c| !other_countries.is_empty() && !other_countries.contains(&c))
            {
                continue;
            }
            if named_unknown {
                // An unknown name beside a known organisation or country is its short form:
                // "the Arab League (AL)", "the European Commission (EC)".
                let other_known = pending[other].result.as_ref().and_then(|(a, _, o)| {
                    let first = a.first()?;
                    (first.name.is_some() && !first.code.starts_with("---"))
                        .then(|| (a.clone(), o.clone()))
                });
                if let Some((actors, office)) = other_known {
                    if pending[other].facts.org.is_some() {
                        pending[named].result = Some((actors, "apposition", office));
                        continue;
                    }
                }
                // The title side gives the unknown name its country and sectors.
                if let Some((actors, _, office)) = pending[other].result.clone() {
                    if let (Some(r), Some(first)) =
                        (pending[named].facts.name.clone(), actors.first())
                    {
                        if first.name.is_none() {
                            let mut a = first.clone();
                            a.name = Some(name_text(&w, &r));
                            pending[named].result = Some((vec![a], "apposition", office));
                        }
                    }
                }
            }
            if let Some((actors, _, office)) = pending[named].result.clone() {
                pending[other].result = Some((actors, "apposition", office));
            }
        }
    }
    let mut out = Vec::new();
    // The country the story is about: the one named most so far, this sentence included.
    let story = d.named.most().map(|c| iso(kb, c));
    // The one country of the places the sentence says things happen in, for armed and
    // opposition groups of no country ("clashes between U.S. forces and Shiite militiamen in
    // Baghdad").
    // It is sought only when such a group is met: most sentences have none.
    let here: std::cell::OnceCell<Option<String>> = std::cell::OnceCell::new();
    let place = || {
        here.get_or_init(|| w.parsed.then(|| place_country(&w, s, kb)).flatten())
            .as_deref()
    };
    for p in pending.iter_mut() {
        if p.result.is_none() {
            p.result = corefer(
                kb,
                &w,
                &pieces,
                &p.group,
                &p.facts,
                p.range.start,
                si,
                date,
                d,
            );
        }
        if let Some((actors, via, _)) = p.result.as_mut() {
            if matches!(*via, "role" | "unknown-with-title")
                && !p.facts.former
                && of_no_country(actors, &GROUP_SECTORS)
            {
                if let Some(here) = place() {
                    give_country(kb, actors, here, &GROUP_SECTORS);
                    *via = "place";
                }
            }
        }
        if let (Some(story), Some((actors, via, _))) = (story.as_deref(), p.result.as_mut()) {
            // Plural officials ("the two leaders", "Asia's communist leaders") may be of
            // several countries.
            let officials = p.facts.plural && p.facts.kind == Some(Kind::Person);
            if matches!(*via, "role" | "unknown-with-title")
                && !p.facts.former
                && !officials
                && give_country(kb, actors, story, &DOMESTIC_SECTORS)
            {
                *via = "story";
            }
        }
        let Some((actors, via, office)) = p.result.clone() else {
            continue;
        };
        if actors.is_empty() {
            continue;
        }
        // An unknown name with no context and no role in the clause is not reported as an
        // actor: it is usually a place or a thing ("posted on Telegram").
        if via == "unknown"
            && !matches!(
                w.deprel(p.head).split(':').next(),
                Some("nsubj" | "obj" | "iobj" | "appos" | "conj")
            )
            && w.parsed
        {
            continue;
        }
        let kind = if p.facts.person.is_some() || p.facts.name.is_some() && via != "org" {
            Kind::Person
        } else if via == "org" {
            Kind::Org
        } else if p.facts.plural || actors.len() > 1 {
            Kind::Group
        } else if let Some(k) = p.facts.kind {
            k
        } else {
            Kind::Country
        };
        let kind = if via == "pronoun" || via.starts_with("coref") {
            d.memory
                .iter()
                .chain(d.people.values())
                .find(|m| m.actor == actors[0])
                .map(|m| m.kind)
                .unwrap_or(kind)
        } else {
            kind
        };
        let gender = if via == "pronoun" {
            kb.pronouns.get(w.folded(p.head)).and_then(|x| x.gender)
        } else {
            None
        };
        for a in &actors {
            let family_name_first = a
                .country
                .as_deref()
                .and_then(|c| kb.country(c))
                .is_some_and(|c| c.family_name_first);
            let mut names = a
                .name
                .as_deref()
                .map(|n| surname_keys(n, family_name_first))
                .unwrap_or_default();
            if let Some(r) = &p.facts.name {
                for k in surname_keys(&name_text(&w, r), family_name_first) {
                    push_unique(&mut names, &k);
                }
            }
            // A holder of a dated office answers to its titles' head words even when the
            // text gave none ("Austin" ... "the secretary").
            let mut office_heads = Vec::new();
            if let Some(o) = &office {
                for role in kb
                    .roles
                    .iter()
                    .filter(|r| r.office.as_deref() == Some(o.as_str()))
                {
                    for word in &role.words {
                        if let Some(last) = word.split(' ').next_back() {
                            push_unique(&mut office_heads, &fold(last));
                        }
                    }
                }
            }
            d.remember(Memory {
                actor: a.clone(),
                // A person of the people files is a person whatever the mention ("the
                // Chinese and Mauritian premiers, Li Peng and Navin Ramgoolam").
                kind: if (actors.len() > 1 && kind == Kind::Group) || from_people_file(&a.entry) {
                    Kind::Person
                } else {
                    kind
                },
                office: office.clone(),
                roles: p.facts.roles.clone(),
                heads: p.facts.heads.clone(),
                office_heads,
                names,
                sentence: si,
                word: p.head,
                subject: is_subject(&w, p.head),
                main_subject: is_subject(&w, p.head)
                    && w.head_of(p.head).is_some_and(|h| w.head_of(h).is_none()),
                gender,
            });
        }
        out.push(Mention {
            words: p.range.clone(),
            head: p.head,
            actors,
            via: via.to_string(),
        });
    }
    out
}

/// Resolves a group against the discourse: pronouns, bare roles, counterparts.
#[allow(clippy::too_many_arguments)]
fn corefer(
    kb: &KnowledgeBase,
    w: &Words,
    pieces: &[Piece],
    group: &[usize],
    f: &Facts,
    at: usize,
    si: usize,
    date: Option<NaiveDate>,
    d: &Discourse,
) -> Option<(Vec<ResolvedActor>, &'static str, Option<String>)> {
    let first = &pieces[group[0]];
    if first.kind == PieceKind::Pronoun {
        let i = first.range.start;
        let pron = kb.pronouns.get(w.folded(i))?;
        if pron.refers_to == "thing" && w.parsed && is_expletive(w, i) {
            return None;
        }
        let m = antecedent(w, d, si, i, &pron.refers_to, pron.gender)?;
        return Some((vec![m.actor.clone()], "pronoun", m.office.clone()));
    }
    if f.counterpart {
        // The possessor: "his" → the nearest person; "Austin's" → that person.
        let start = first.range.start;
        let possessor = (start > 0)
            .then(|| start - 1)
            .and_then(|j| kb.pronouns.get(w.folded(j)).map(|p| (j, p)));
        let ante = match possessor {
            Some((j, p)) => antecedent(w, d, si, j, &p.refers_to, p.gender),
            None => d
                .recent(si, at)
                .map(|(_, m)| m)
                .find(|m| matches!(m.kind, Kind::Person | Kind::Group)),
        }?;
        // One counterpart for each country named ("his Israeli and Egyptian counterparts"):
        // the holder of the possessor's office there on the date, else the country with the
        // possessor's sectors.
        let countries: Vec<Option<String>> = if f.countries.is_empty() {
            vec![None]
        } else {
            f.countries.iter().map(|&c| Some(iso(kb, c))).collect()
        };
        let actors = countries
            .into_iter()
            .map(|country| {
                let holder = ante
                    .office
                    .as_ref()
                    .zip(country.as_ref())
                    .and_then(|(office, c)| kb.office_holder(c, office, date));
                match holder {
                    Some((person, term)) => term_actor(kb, person, term),
                    None => {
                        let sectors = ante.actor.sectors.clone();
                        ResolvedActor {
                            code: compose(kb, country.as_deref(), &sectors),
                            country,
                            sectors,
                            name: None,
                            entry: ante.actor.entry.clone(),
                        }
                    }
                }
            })
            .collect();
        return Some((actors, "coref:counterpart", ante.office.clone()));
    }
    // A bare role: "the secretary", "the minister", "the defense heads", "the ministry".
    // A bare role that only modifies a noun ("civilian infrastructure") is no mention.
    if !f.roles.is_empty() && f.countries.is_empty() && f.name.is_none() {
        let last = pieces[*group.last().expect("groups are not empty")]
            .range
            .end
            - 1;
        if w.parsed
            && (matches!(w.deprel(last), "amod" | "compound") || w.s.words[last].upos == Upos::ADJ)
        {
            return None;
        }
        // A possessive pronoun names whose the role is: "its forces", "his army", "their
        // government" belong to the pronoun's antecedent's country (or to the organisation
        // itself when it has none: NATO's "its troops").
        if let Some(actor) = possessor_owned(kb, w, pieces, group, f, si, d) {
            return Some((vec![actor], "coref:possessor", f.office.clone()));
        }
        // Collectives ("troops", "civilians") without a country are generic: no antecedent.
        let generic = f.kind == Some(Kind::Group) && !f.plural_office();
        // Titles the text gave an actor count first; the titles of its office only when no
        // actor was given a matching one.
        let by_text = |m: &Memory| {
            m.roles.iter().any(|r| f.roles.contains(r))
                || m.heads.iter().any(|h| f.heads.contains(h))
        };
        let any_by_text = d
            .recent(si, at)
            .any(|(_, m)| m.sentence + 5 >= si && by_text(m));
        let matches_role = |m: &Memory| {
            by_text(m) || (!any_by_text && m.office_heads.iter().any(|h| f.heads.contains(h)))
        };
        if generic {
        } else if f.plural {
            // "five African presidents", "two European ministers": a number without a
            // definite article, or an adjective of origin, says these are others than the
            // holders named so far ("the two prime ministers" are those).
            let head = pieces[*group.last().expect("groups are not empty")]
                .range
                .end
                - 1;
            let modifier = |rel: &str| {
                (0..w.s.words.len()).find(|&c| w.head_of(c) == Some(head) && w.deprel(c) == rel)
            };
            let definite = modifier("det")
                .is_some_and(|c| matches!(w.folded(c), "the" | "these" | "those" | "both"));
            let others = w.parsed
                && ((modifier("nummod").is_some() && !definite)
                    || (0..w.s.words.len()).any(|c| {
                        w.head_of(c) == Some(head) && w.deprel(c) == "amod" && w.is_capitalised(c)
                    }));
            if let Some(office) = f.office.as_ref().filter(|_| !others) {
                // All the holders of that office mentioned lately.
                let mut actors: Vec<ResolvedActor> = Vec::new();
                for (_, m) in d.recent(si, at) {
                    if m.office.as_deref() == Some(office.as_str())
                        && m.sentence + 3 >= si
                        && !actors.contains(&m.actor)
                    {
                        actors.push(m.actor.clone());
                    }
                }
                if actors.len() > 1 {
                    actors.reverse();
                    return Some((actors, "coref:role", Some(office.clone())));
                }
            }
        } else {
            // The most recent match; the holder of an office that role words name (a
            // minister, a president) counts as one sentence more recent: "the secretary" is
            // the cabinet secretary, not the press secretary quoted since.
            // "Clinton assured the spiritual leader": an object is not the subject of its
            // own clause, which would be "himself".
            let head = pieces[*group.last().expect("groups are not empty")]
                .range
                .end
                - 1;
            let co_arguments = clause_subjects_of_object(w, head);
            let best =
                d.recent(si, at)
                    .filter(|(_, m)| {
                        matches!(m.kind, Kind::Person | Kind::Body)
                            && m.sentence + 5 >= si
                            && !(m.sentence == si && co_arguments.contains(&m.word))
                            && matches_role(m)
                    })
                    .enumerate()
                    .min_by_key(|(rank, (_, m))| {
                        let principal = m.office.as_deref().is_some_and(|o| {
                            kb.roles.iter().any(|r| r.office.as_deref() == Some(o))
                        });
                        let distance = (si - m.sentence) as i64 - i64::from(principal);
                        (distance, *rank)
                    })
                    .map(|(_, (_, m))| m);
            if let Some(m) = best {
                return Some((vec![m.actor.clone()], "coref:role", m.office.clone()));
            }
        }
        // No antecedent: the role alone.
        let mut sectors = f.sectors.clone();
        if f.former {
            sectors = vec!["ELI".to_string()];
        }
        if sectors.is_empty() {
            return None;
        }
        return Some((
            vec![ResolvedActor {
                code: compose(kb, None, &sectors),
                country: None,
                sectors,
                name: None,
                entry: f.entry.clone(),
            }],
            "role",
            f.office.clone(),
        ));
    }
    None
}

/// The actor that a role owned by a possessive pronoun stands for: "its forces" after
/// "Somalia's government" is SOMMIL, "his army" after Museveni is UGAMIL. An owner of no
/// country that is itself an actor (NATO, "its troops") is the role's actor.
fn possessor_owned(
    kb: &KnowledgeBase,
    w: &Words,
    pieces: &[Piece],
    group: &[usize],
    f: &Facts,
    si: usize,
    d: &Discourse,
) -> Option<ResolvedActor> {
    let j = pieces[group[0]].range.start.checked_sub(1)?;
    let possessive = if w.parsed {
        w.deprel(j) == "nmod:poss"
    } else {
        matches!(w.folded(j), "his" | "her" | "its" | "their")
    };
    let pron = kb.pronouns.get(w.folded(j)).filter(|_| possessive)?;
    let sectors = if f.sectors.is_empty() {
        f.weak_sectors.clone()
    } else {
        f.sectors.clone()
    };
    if sectors.is_empty() {
        return None;
    }
    // The subject of the pronoun's own clause first, then the nearest antecedent. A
    // relative subject stands for the nearest actor before it, since the parse often hangs
    // "who" on another noun ("Siniora, who is struggling to shore up his government":
    // Siniora's).
    let own = clause_subject(w, j).and_then(|s| {
        let relative = matches!(w.folded(s), "who" | "which" | "that");
        d.recent(si, if relative { s } else { j })
            .map(|(_, m)| m)
            .take_while(|m| m.sentence == si)
            .find(|m| (relative || m.word == s) && fits(m, &pron.refers_to, pron.gender))
    });
    let owner = &match own {
        Some(m) => m,
        None => antecedent(w, d, si, j, &pron.refers_to, pron.gender)?,
    }
    .actor;
    match &owner.country {
        Some(country) => Some(ResolvedActor {
            code: compose(kb, Some(country), &sectors),
            country: Some(country.clone()),
            sectors,
            name: None,
            entry: owner.entry.clone(),
        }),
        None if !owner.code.starts_with("---") => Some(owner.clone()),
        None => None,
    }
}

/// Sectors of a state's own institutions and domestic opponents: an actor of these sectors
/// and of no country named belongs to the country the story is about ("the government",
/// "police", "rebels", "Interior Minister Anatoly Kulikov" in a story about Russia). Armed
/// forces alone ("troops") and people ("civilians", "protesters") are not: they often act
/// abroad or their country is where the event happens, which the coder decides.
const DOMESTIC_SECTORS: [&str; 10] = [
    "GOV", "COP", "JUD", "LEG", "REB", "OPP", "SEP", "INS", "SPY", "PTY",
];

/// Whether `actors` are some, all of no country and each of one of `sectors`.
fn of_no_country(actors: &[ResolvedActor], sectors: &[&str]) -> bool {
    !actors.is_empty()
        && actors.iter().all(|a| {
            a.country.is_none()
                && a.code.starts_with("---")
                && a.sectors.iter().any(|s| sectors.contains(&s.as_str()))
        })
}

/// Gives `country` to actors that all have no country and one of `sectors` (the story's
/// country to `DOMESTIC_SECTORS`, the place's to `GROUP_SECTORS`); whether it did.
fn give_country(
    kb: &KnowledgeBase,
    actors: &mut [ResolvedActor],
    country: &str,
    sectors: &[&str],
) -> bool {
    if !of_no_country(actors, sectors) {
        return false;
    }
    for a in actors.iter_mut() {
        a.code = compose(kb, Some(country), &a.sectors);
        a.country = Some(country.to_string());
    }
    true
}

/// Sectors of a country's armed groups and opposition, which take the country of the place
/// their sentence tells of before the story's.
const GROUP_SECTORS: [&str; 4] = ["REB", "INS", "SEP", "OPP"];

/// Locative prepositions: the place of a phrase they introduce is where things happen.
const LOCATIVE: [&str; 8] = [
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "around",
    "across",
    "throughout",
];

/// The country of the places a sentence puts things in (a place introduced by a locative
/// preposition: "in Baghdad", "near Grozny"), when they are all of one country.
fn place_country(w: &Words, s: &Sentence, kb: &KnowledgeBase) -> Option<String> {
    let mut found: Option<String> = None;
    for place in crate::places::sentence_places(kb, s) {
        let h = place.head;
        let locative = (0..w.s.words.len()).any(|k| {
            w.head_of(k) == Some(h) && w.deprel(k) == "case" && LOCATIVE.contains(&w.folded(k))
        });
        if !locative {
            continue;
        }
        match &found {
            Some(c) if *c != place.country => return None,
            _ => found = Some(place.country),
        }
    }
    found
}

/// The nearest compatible antecedent of a pronoun at word `i` of sentence `si`.
fn antecedent<'a>(
    w: &Words,
    d: &'a Discourse,
    si: usize,
    i: usize,
    refers_to: &str,
    gender: Option<char>,
) -> Option<&'a Memory> {
    let mut best: Option<(i64, &Memory)> = None;
    let co_arguments = clause_subjects_of_object(w, i);
    for (_, m) in d.recent(si, i) {
        if m.sentence + 3 < si {
            break;
        }
        // "Maliki criticised Annan and accused him": an object pronoun is not the subject
        // of its own clause (that would be "himself").
        if m.sentence == si && co_arguments.contains(&m.word) {
            continue;
        }
        if !fits(m, refers_to, gender) {
            continue;
        }
        let mut score = -10 * (si - m.sentence) as i64;
        if m.subject {
            score += 4;
        }
        if m.main_subject {
            score += 3;
        }
        // A pronoun in a subject's own clause ("Reznikov said he") prefers that subject.
        if m.sentence == si && w.head_of(i).is_some() {
            score += 1;
        }
        score = score * 100 + m.word as i64 % 100;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, m));
        }
    }
    best.map(|(_, m)| m)
}

/// Whether a remembered actor can be what a pronoun of this kind and gender refers to.
fn fits(m: &Memory, refers_to: &str, gender: Option<char>) -> bool {
    let kind = match refers_to {
        "person" => m.kind == Kind::Person,
        "group" => matches!(m.kind, Kind::Group | Kind::Country | Kind::Org | Kind::Body),
        _ => matches!(m.kind, Kind::Country | Kind::Org | Kind::Body),
    };
    kind && (gender.is_none() || m.gender.is_none() || m.gender == gender)
}

/// The head word of the subject of the clause that word `i` is in, skipping a subject that
/// holds `i` itself ("its forces have killed": the clause above).
fn clause_subject(w: &Words, i: usize) -> Option<usize> {
    let mut path = vec![i];
    let mut h = w.head_of(i)?;
    for _ in 0..12 {
        let subject = (0..w.s.words.len())
            .find(|&k| w.head_of(k) == Some(h) && w.deprel(k).starts_with("nsubj"))
            .filter(|s| !path.contains(s));
        if let Some(s) = subject {
            return Some(s);
        }
        path.push(h);
        h = w.head_of(h)?;
    }
    None
}

/// When word `i` is an object pronoun (`obj`, `iobj`), the words that name the subject of
/// its own clause, which a non-reflexive pronoun cannot refer to: the subject's head and
/// the words of its name (flat, compound, apposition). A verb with no subject of its own
/// shares one: a conjunct its first verb's ("criticised Annan and accused him"), an
/// infinitive its governor's object, else its governor's subject ("urged Annan to meet
/// him", "wants to meet him"). Empty for any other word or an unparsed sentence.
fn clause_subjects_of_object(w: &Words, i: usize) -> Vec<usize> {
    if !w.parsed || !matches!(w.deprel(i), "obj" | "iobj") {
        return Vec::new();
    }
    let n = w.s.words.len();
    let children = |h: usize, rels: &[&str]| -> Vec<usize> {
        (0..n)
            .filter(|&j| w.head_of(j) == Some(h) && rels.contains(&w.deprel(j)))
            .collect()
    };
    let mut subjects = Vec::new();
    let mut clause = w.head_of(i);
    for _ in 0..4 {
        let Some(h) = clause else { break };
        subjects = children(h, &["nsubj", "nsubj:pass"]);
        if !subjects.is_empty() {
            break;
        }
        clause = match w.deprel(h) {
            "conj" => w.head_of(h),
            "xcomp" => {
                let governor = w.head_of(h);
                let controller = governor.map(|g| children(g, &["obj"])).unwrap_or_default();
                if !controller.is_empty() {
                    subjects = controller;
                    break;
                }
                governor
            }
            _ => None,
        };
    }
    // The words of the subject's name hang on its head.
    let mut k = 0;
    while k < subjects.len() {
        for j in children(subjects[k], &["flat", "compound", "appos"]) {
            if !subjects.contains(&j) {
                subjects.push(j);
            }
        }
        k += 1;
    }
    subjects
}

impl KnowledgeBase {
    /// Tokenizes `text` (no tagging or parsing) and resolves its mentions. Without a parse,
    /// pieces group by adjacency and capitalised words stand for proper nouns; use
    /// [`resolve_document`] on a parsed document for the full resolution.
    pub fn resolve_text(&self, text: &str, date: Option<NaiveDate>) -> Vec<Vec<Mention>> {
        let doc = self.tokenizer.tokenize(text);
        resolve_document(self, &doc, date)
    }
}

impl KnowledgeBase {
    /// The same actor on another date: a known person (by canonical name) is resolved anew
    /// on `date` ("then Sergei Shoigu" in an article of 2024 about a call of 2023); any
    /// other actor is returned unchanged.
    pub fn actor_on(&self, actor: &ResolvedActor, date: Option<NaiveDate>) -> ResolvedActor {
        let Some(name) = &actor.name else {
            return actor.clone();
        };
        match self.people.iter().find(|p| &p.name == name) {
            Some(person) => person_actor(self, person, date).0,
            None => actor.clone(),
        }
    }
}
