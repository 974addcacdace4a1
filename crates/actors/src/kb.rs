//! The loaded knowledge base: records, indexes and the phrase automaton, built once.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use chrono::NaiveDate;
use dyad_text::Tokenizer;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::load::{read_file, FileKind, PersonLine, Raw};
use crate::matcher::{Matcher, PhraseWord};
use crate::model::*;
use crate::normalise::fold;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// What a phrase of the knowledge base means. Indices point into the knowledge base's
/// vectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meaning {
    /// A country's name ("Russia", "the United States").
    Country(u32),
    /// A demonym ("Russian"); `true` when plural ("Russians").
    Demonym(u32, bool),
    /// A capital or seat of power (index into `seats`).
    Seat(u32),
    /// A region that belongs to a country (index into `regions`).
    Region(u32),
    Org(u32),
    /// A role word; `true` when plural ("defense ministers", "troops").
    Role(u32, bool),
    Person(u32),
    /// An imported PETRARCH actor.
    DictActor(u32),
    /// An imported PETRARCH agent.
    DictAgent(u32),
}

impl Meaning {
    fn is_dict(self) -> bool {
        matches!(self, Meaning::DictActor(_) | Meaning::DictAgent(_))
    }
}

/// A seat of power with its country.
#[derive(Clone, Debug)]
pub struct SeatOf {
    pub country: u32,
    pub name: String,
    pub sectors: Vec<String>,
    /// Countries (ISO3) whose institutions bear the name too ("Congress").
    pub shared_with: Vec<String>,
    pub entry: String,
}

/// A region with its country.
#[derive(Clone, Debug)]
pub struct RegionOf {
    pub country: u32,
    pub name: String,
    pub entry: String,
}

/// How imported dictionaries combine with the project's own knowledge base.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Precedence {
    /// The dictionaries fill in phrases the knowledge base does not know.
    #[default]
    Add,
    /// The dictionaries' meaning of a phrase replaces the knowledge base's.
    Override,
}

/// Where to load a knowledge base from.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// Leave out the bundled files (tests of user files alone).
    pub without_bundled: bool,
    /// Directories of files in the knowledge base's formats; their entries override the
    /// bundled ones with the same key. PETRARCH files in them are added as with
    /// `dictionaries`.
    pub dirs: Vec<PathBuf>,
    /// PETRARCH/TABARI dictionaries (`*.actors.txt`, `*.agents.txt`).
    pub dictionaries: Vec<PathBuf>,
    pub precedence: Precedence,
}

/// The knowledge base. Load it once ([`KnowledgeBase::load_default`]) and share it.
pub struct KnowledgeBase {
    pub countries: Vec<Country>,
    pub(crate) country_index: FxHashMap<String, u32>,
    pub seats: Vec<SeatOf>,
    pub regions: Vec<RegionOf>,
    /// The coordinates of countries and places (`places*.tsv`).
    pub gazetteer: crate::places::Gazetteer,
    pub orgs: Vec<Org>,
    pub roles: Vec<Role>,
    pub people: Vec<Person>,
    /// (country ISO3, office) → (person, term) in file order.
    pub(crate) offices: FxHashMap<(String, String), Vec<(u32, u32)>>,
    pub sectors: Vec<Sector>,
    pub prefixes: Vec<Sector>,
    pub dict_actors: Vec<DictActor>,
    /// Number of phrases (names and synonyms) of the imported actors.
    pub dict_actor_phrases: usize,
    pub dict_agents: Vec<DictAgent>,
    pub(crate) not_names: FxHashSet<String>,
    /// Place names that are also common English words ("Nice", "Reading"), folded.
    pub(crate) common_words: FxHashSet<String>,
    /// Nouns of documents named after where they were made ("Protocol", "Accords"), folded.
    pub(crate) document_words: FxHashSet<String>,
    pub(crate) pronouns: FxHashMap<String, Pronoun>,
    pub(crate) matcher: Matcher<Meaning>,
    pub(crate) tokenizer: Tokenizer,
    /// Problems that did not stop loading, each naming file:line.
    pub warnings: Vec<String>,
    /// The files read, in order.
    pub files: Vec<String>,
    /// Phrases with several meanings, for `check`: (phrase, meanings).
    pub(crate) phrase_log: Vec<(String, Meaning)>,
}

impl std::fmt::Debug for KnowledgeBase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KnowledgeBase")
            .field("countries", &self.countries.len())
            .field("orgs", &self.orgs.len())
            .field("roles", &self.roles.len())
            .field("people", &self.people.len())
            .field("phrases", &self.matcher.len())
            .finish()
    }
}

/// The directories named by `DYAD_KB` (a path list, like `PATH`).
pub fn env_dirs() -> Vec<PathBuf> {
    std::env::var_os("DYAD_KB")
        .map(|v| {
            std::env::split_paths(&v)
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        anyhow!("{}:{line}: not UTF-8", path.display())
    })
}

impl KnowledgeBase {
    /// The bundled knowledge base, extended by the directories in `DYAD_KB`.
    pub fn load_default() -> Result<KnowledgeBase> {
        Self::load(&LoadOptions {
            dirs: env_dirs(),
            ..LoadOptions::default()
        })
    }

    /// The bundled knowledge base, extended (and overridden) by `extra_dirs`.
    pub fn load_with(extra_dirs: &[PathBuf]) -> Result<KnowledgeBase> {
        Self::load(&LoadOptions {
            dirs: extra_dirs.to_vec(),
            ..LoadOptions::default()
        })
    }

    /// Loads with full control. Either everything loads or an error names file:line.
    pub fn load(opts: &LoadOptions) -> Result<KnowledgeBase> {
        let mut files = Vec::new();
        let mut base = Raw::default();
        if !opts.without_bundled {
            for (name, text) in bundled::BUNDLED {
                if let Some(kind) = FileKind::of(name) {
                    read_file(&mut base, kind, name, text)?;
                    files.push(name.to_string());
                }
            }
        }
        let mut user = Raw::default();
        let mut dicts = Raw::default();
        for dir in &opts.dirs {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
                .with_context(|| format!("reading the knowledge-base directory {}", dir.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            entries.sort();
            for path in entries {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                let Some(kind) = FileKind::of(&name) else {
                    continue;
                };
                let text = read_text(&path)?;
                let label = path.display().to_string();
                let target = match kind {
                    FileKind::PetrarchActors | FileKind::PetrarchAgents => &mut dicts,
                    _ => &mut user,
                };
                read_file(target, kind, &label, &text)?;
                files.push(label);
            }
        }
        let mut dict_override = Raw::default();
        for path in &opts.dictionaries {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let kind = match FileKind::of(&name) {
                Some(k @ (FileKind::PetrarchActors | FileKind::PetrarchAgents)) => k,
                _ => {
                    return Err(anyhow!(
                        "{}: a PETRARCH dictionary's name ends in .actors.txt or .agents.txt",
                        path.display()
                    ))
                }
            };
            let text = read_text(path)?;
            let label = path.display().to_string();
            let target = match opts.precedence {
                Precedence::Add => &mut dicts,
                Precedence::Override => &mut dict_override,
            };
            read_file(target, kind, &label, &text)?;
            files.push(label);
        }
        let mut kb = build(base, user, dicts, dict_override)?;
        kb.files = files;
        Ok(kb)
    }

    /// A country by ISO3 or CAMEO code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_index
            .get(code)
            .map(|&i| &self.countries[i as usize])
    }

    pub(crate) fn country_idx(&self, code: &str) -> Option<u32> {
        self.country_index.get(code).copied()
    }

    /// The country that index `c` stands for on `date`: a state that did not exist yet
    /// ("Southern Sudan" in 2006) is the one its territory belonged to.
    pub(crate) fn country_on(&self, c: u32, date: Option<NaiveDate>) -> u32 {
        let country = &self.countries[c as usize];
        match (country.since, &country.before, date) {
            (Some(since), Some(before), Some(d)) if d < since => {
                self.country_idx(before).unwrap_or(c)
            }
            _ => c,
        }
    }

    /// The words of a phrase as the tokenizer cuts them.
    pub(crate) fn words_of(&self, phrase: &str) -> Vec<String> {
        words_of(&self.tokenizer, phrase)
    }

    /// The person and term holding `office` in `country` on `date` (or now, with no date):
    /// the latest to start among those in office.
    pub fn office_holder(
        &self,
        country: &str,
        office: &str,
        date: Option<NaiveDate>,
    ) -> Option<(&Person, &Term)> {
        let holders = self
            .offices
            .get(&(country.to_string(), office.to_string()))?;
        let mut best: Option<(&Person, &Term)> = None;
        for &(p, t) in holders {
            let person = &self.people[p as usize];
            let term = &person.terms[t as usize];
            let ok = match date {
                Some(d) => term.holds_on(d),
                None => term.end.is_none(),
            };
            if ok && best.is_none_or(|(_, b)| b.start.map(|s| s.lo) <= term.start.map(|s| s.lo)) {
                best = Some((person, term));
            }
        }
        best
    }

    /// A person's term on a date: the office they held then (the latest to start), or `None`
    /// when they held none of their offices then. With no date: their current office.
    pub fn term_on<'a>(&self, person: &'a Person, date: Option<NaiveDate>) -> Option<&'a Term> {
        let mut best: Option<&Term> = None;
        for term in &person.terms {
            let ok = match date {
                Some(d) => term.holds_on(d),
                None => term.end.is_none(),
            };
            if ok && best.is_none_or(|b| b.start.map(|s| s.lo) < term.start.map(|s| s.lo)) {
                best = Some(term);
            }
        }
        best
    }

    /// Number of phrases in the automaton.
    pub fn phrase_count(&self) -> usize {
        self.matcher.len()
    }
}

pub(crate) fn words_of(tokenizer: &Tokenizer, phrase: &str) -> Vec<String> {
    // Letters and spaces alone are cut at the spaces, as the tokenizer would cut them; only
    // phrases with other characters ("U.S.", "Ki-moon", "People's") need the tokenizer.
    if phrase.chars().all(|c| c.is_alphabetic() || c == ' ') {
        let mut words: Vec<String> = phrase.split_whitespace().map(String::from).collect();
        if words.len() > 1 && words[0].eq_ignore_ascii_case("the") {
            words.remove(0);
        }
        return words;
    }
    // A lower-case word after the phrase keeps a final abbreviation whole: alone, "U.S." or
    // "Gen." would end a sentence and give it their period.
    let doc = tokenizer.tokenize(&format!("{phrase} x"));
    let mut words: Vec<String> = doc
        .sentences
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.form.clone()))
        .collect();
    words.pop();
    // A leading "the" is never part of a phrase: the matcher meets the noun after it.
    if words.len() > 1 && words[0].eq_ignore_ascii_case("the") {
        words.remove(0);
    }
    words
}

/// Merges user records over the bundled ones: a user country replaces the bundled one with
/// the same ISO3, an organisation the one with the same name, a person all lines of the same
/// name.
fn merge(mut base: Raw, user: Raw) -> Raw {
    let user_isos: FxHashSet<&str> = user.countries.iter().map(|c| c.iso3.as_str()).collect();
    base.countries
        .retain(|c| !user_isos.contains(c.iso3.as_str()));
    let user_orgs: FxHashSet<String> = user.orgs.iter().map(|o| fold(&o.name)).collect();
    base.orgs.retain(|o| !user_orgs.contains(&fold(&o.name)));
    let user_people: FxHashSet<&str> = user.people_lines.iter().map(|l| l.name.as_str()).collect();
    base.people_lines
        .retain(|l| !user_people.contains(l.name.as_str()));
    base.countries.extend(user.countries);
    base.orgs.extend(user.orgs);
    base.roles.extend(user.roles);
    base.sectors.extend(user.sectors);
    base.prefixes.extend(user.prefixes);
    base.people_lines.extend(user.people_lines);
    base.not_names.extend(user.not_names);
    base.common_words.extend(user.common_words);
    base.document_words.extend(user.document_words);
    base.pronouns.extend(user.pronouns);
    base.places.extend(user.places);
    base.warnings.extend(user.warnings);
    base
}

fn group_people(lines: Vec<PersonLine>) -> Vec<Person> {
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    let mut people: Vec<Person> = Vec::new();
    for l in lines {
        let i = *index.entry(l.name.clone()).or_insert_with(|| {
            people.push(Person {
                name: l.name.clone(),
                aliases: Vec::new(),
                terms: Vec::new(),
            });
            people.len() - 1
        });
        let p = &mut people[i];
        for a in l.aliases {
            if !p.aliases.contains(&a) {
                p.aliases.push(a);
            }
        }
        p.terms.push(l.term);
    }
    people
}

/// Adds `meaning` under a phrase. A meaning from a later layer replaces one of the same class
/// from an earlier layer (a user's role words over the bundled ones).
fn add_phrase(
    kb: &mut KnowledgeBase,
    phrase_words: Vec<PhraseWord>,
    meaning: Meaning,
    replace: impl Fn(Meaning) -> bool,
) {
    if let Some(list) = kb.matcher.entry(&phrase_words) {
        list.retain(|m| !replace(*m));
        if !list.contains(&meaning) {
            list.push(meaning);
        }
    }
}

fn own_phrase(kb: &KnowledgeBase, phrase: &str) -> Vec<PhraseWord> {
    let words = kb.words_of(phrase);
    crate::matcher::phrase_words(words.iter().map(String::as_str))
}

/// Words of an imported phrase: lower-cased (the dictionaries are in capitals), the last word
/// a stem unless the phrase ends in `_`.
fn dict_phrase(kb: &KnowledgeBase, raw: &str) -> Vec<PhraseWord> {
    let (phrase, exact) = crate::petrarch::phrase_of(raw);
    let words = kb.words_of(&phrase);
    let n = words.len();
    words
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            let f = fold(&w);
            if i + 1 == n && !exact {
                PhraseWord::Stem(f)
            } else {
                PhraseWord::Folded(f)
            }
        })
        .collect()
}

fn build(base: Raw, user: Raw, dicts: Raw, dict_override: Raw) -> Result<KnowledgeBase> {
    let bundled_roles = base.roles.len();
    let raw = merge(base, user);
    let mut kb = KnowledgeBase {
        countries: raw.countries,
        country_index: FxHashMap::default(),
        seats: Vec::new(),
        regions: Vec::new(),
        gazetteer: crate::places::Gazetteer::new(raw.places),
        orgs: raw.orgs,
        roles: raw.roles,
        people: group_people(raw.people_lines),
        offices: FxHashMap::default(),
        sectors: raw.sectors,
        prefixes: raw.prefixes,
        dict_actors: Vec::new(),
        dict_actor_phrases: 0,
        dict_agents: Vec::new(),
        not_names: raw.not_names.iter().map(|w| fold(w)).collect(),
        common_words: raw.common_words.iter().map(|w| fold(w)).collect(),
        document_words: raw.document_words.iter().map(|w| fold(w)).collect(),
        pronouns: FxHashMap::default(),
        matcher: Matcher::new(),
        tokenizer: Tokenizer::new(),
        warnings: raw.warnings,
        files: Vec::new(),
        phrase_log: Vec::new(),
    };
    for p in raw.pronouns {
        for w in &p.words {
            kb.pronouns.insert(fold(w), p.clone());
        }
    }
    for (i, c) in kb.countries.iter().enumerate() {
        kb.country_index.insert(c.iso3.clone(), i as u32);
        kb.country_index.entry(c.cameo.clone()).or_insert(i as u32);
    }
    for (i, c) in kb.countries.iter().enumerate() {
        let i = i as u32;
        if let Some(cap) = &c.capital {
            // A capital that bears the country's name ("Singapore") names the country.
            let is_country_name = std::iter::once(&c.name)
                .chain(&c.names)
                .any(|n| fold(n) == fold(cap));
            if !is_country_name && !c.seats.iter().any(|s| &s.name == cap) {
                kb.seats.push(SeatOf {
                    country: i,
                    name: cap.clone(),
                    sectors: vec!["GOV".to_string()],
                    shared_with: Vec::new(),
                    entry: c.entry.clone(),
                });
            }
        }
        for s in &c.seats {
            kb.seats.push(SeatOf {
                country: i,
                name: s.name.clone(),
                sectors: s.sectors.clone(),
                shared_with: s.shared_with.clone(),
                entry: c.entry.clone(),
            });
        }
        for r in &c.regions {
            kb.regions.push(RegionOf {
                country: i,
                name: r.clone(),
                entry: c.entry.clone(),
            });
        }
    }
    // Phrases of the own knowledge base.
    let mut own: Vec<(String, Meaning)> = Vec::new();
    for (i, c) in kb.countries.iter().enumerate() {
        let i = i as u32;
        own.push((c.name.clone(), Meaning::Country(i)));
        for n in &c.names {
            own.push((n.clone(), Meaning::Country(i)));
        }
        for d in &c.demonyms {
            // A demonym is plural when its singular is listed too ("Russians", "Russian").
            let plural = d
                .strip_suffix('s')
                .is_some_and(|s| c.demonyms.iter().any(|x| x == s));
            own.push((d.clone(), Meaning::Demonym(i, plural)));
        }
    }
    for (i, s) in kb.seats.iter().enumerate() {
        own.push((s.name.clone(), Meaning::Seat(i as u32)));
    }
    for (i, r) in kb.regions.iter().enumerate() {
        own.push((r.name.clone(), Meaning::Region(i as u32)));
    }
    for (i, o) in kb.orgs.iter().enumerate() {
        own.push((o.name.clone(), Meaning::Org(i as u32)));
        for n in &o.names {
            own.push((n.clone(), Meaning::Org(i as u32)));
        }
    }
    for (i, p) in kb.people.iter().enumerate() {
        own.push((p.name.clone(), Meaning::Person(i as u32)));
        for a in &p.aliases {
            own.push((a.clone(), Meaning::Person(i as u32)));
        }
    }
    for (phrase, meaning) in own {
        let words = own_phrase(&kb, &phrase);
        add_phrase(&mut kb, words, meaning, |_| false);
        kb.phrase_log.push((phrase, meaning));
    }
    // Role words: a user's role replaces the bundled roles with the same words.
    let roles: Vec<(usize, String, bool)> = kb
        .roles
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            r.words
                .iter()
                .map(move |w| (i, w.clone(), false))
                .chain(r.plurals.iter().map(move |w| (i, w.clone(), true)))
        })
        .collect();
    for (i, phrase, plural) in roles {
        let words = own_phrase(&kb, &phrase);
        kb.phrase_log
            .push((phrase.clone(), Meaning::Role(i as u32, plural)));
        let user_role = i >= bundled_roles;
        add_phrase(&mut kb, words, Meaning::Role(i as u32, plural), |m| {
            user_role && matches!(m, Meaning::Role(j, _) if (j as usize) < bundled_roles)
        });
    }
    // People's offices.
    for (p, person) in kb.people.iter().enumerate() {
        for (t, term) in person.terms.iter().enumerate() {
            kb.offices
                .entry((term.country.clone(), term.office.clone()))
                .or_default()
                .push((p as u32, t as u32));
        }
    }
    // Imported dictionaries.
    for (layer, replace) in [(dicts, false), (dict_override, true)] {
        let actor_base = kb.dict_actors.len() as u32;
        kb.dict_actors.extend(layer.dict_actors);
        kb.dict_actor_phrases += layer.dict_actor_phrases.len();
        for (phrase, idx) in layer.dict_actor_phrases {
            let words = dict_phrase(&kb, &phrase);
            add_phrase(&mut kb, words, Meaning::DictActor(actor_base + idx), |m| {
                replace && !m.is_dict()
            });
        }
        for agent in layer.dict_agents {
            let idx = kb.dict_agents.len() as u32;
            let words = dict_phrase(&kb, &agent.phrase);
            add_phrase(&mut kb, words, Meaning::DictAgent(idx), |m| {
                replace && !m.is_dict()
            });
            kb.dict_agents.push(agent);
        }
        kb.warnings.extend(layer.warnings);
    }
    Ok(kb)
}

impl KnowledgeBase {
    /// The longest phrase of the knowledge base at the start of `words` (word forms as the
    /// tokenizer cuts them): its length in words and its meanings.
    pub fn lookup(&self, words: &[&str]) -> Option<(usize, &[Meaning])> {
        self.matcher.longest_forms(words)
    }
}
