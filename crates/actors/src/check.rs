//! `dyad actors check`: validates a loaded knowledge base. Each problem names the entry.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::kb::{KnowledgeBase, Meaning};
use crate::normalise::fold;

/// The problems found; empty when the knowledge base is consistent.
pub fn check(kb: &KnowledgeBase) -> Vec<String> {
    let mut problems = Vec::new();
    let sectors: FxHashSet<&str> = kb.sectors.iter().map(|s| s.code.as_str()).collect();
    let prefixes: FxHashSet<&str> = kb.prefixes.iter().map(|s| s.code.as_str()).collect();
    let is_country = |c: &str| kb.country(c).is_some();
    // Unknown codes.
    for c in &kb.countries {
        if c.cameo.len() != 3 {
            problems.push(format!(
                "{}: CAMEO code {:?} is not 3 letters",
                c.entry, c.cameo
            ));
        }
    }
    for c in &kb.countries {
        if let Some(b) = &c.before {
            if kb.country(b).is_none() || b == &c.iso3 {
                problems.push(format!(
                    "{}: before {b:?} is not another known country",
                    c.entry
                ));
            }
        }
    }
    let mut seen_iso = FxHashMap::default();
    for c in &kb.countries {
        if let Some(prev) = seen_iso.insert(c.iso3.as_str(), c.entry.as_str()) {
            problems.push(format!(
                "{}: ISO3 {} already given at {prev}",
                c.entry, c.iso3
            ));
        }
    }
    for s in &kb.seats {
        for c in &s.shared_with {
            if kb.country(c).is_none() {
                problems.push(format!(
                    "{}: seat {:?}: shared_with {c:?} is not a known country",
                    s.entry, s.name
                ));
            }
        }
        for x in &s.sectors {
            if !sectors.contains(x.as_str()) {
                problems.push(format!(
                    "{}: seat {:?}: unknown sector {x}",
                    s.entry, s.name
                ));
            }
        }
    }
    for o in &kb.orgs {
        // The entry's code and the codes of its dated periods.
        for code in std::iter::once(&o.code).chain(o.periods.iter().map(|p| &p.code)) {
            let first = code.get(..3).unwrap_or("");
            if code.len() % 3 != 0 || !(is_country(first) || prefixes.contains(first)) {
                problems.push(format!(
                    "{}: organisation {:?}: code {} does not start with a country or {}",
                    o.entry,
                    o.name,
                    code,
                    kb.prefixes
                        .iter()
                        .map(|p| p.code.as_str())
                        .collect::<Vec<_>>()
                        .join("/")
                ));
            }
        }
        // Periods in order (the loader checks files; a merged knowledge base is checked
        // again here).
        for w in o.periods.windows(2) {
            if w[1].until.lo <= w[0].until.hi {
                problems.push(format!(
                    "{}: organisation {:?}: period until {} does not come after {}",
                    o.entry, o.name, w[1].until.lo, w[0].until.hi
                ));
            }
        }
        if let Some(c) = &o.country {
            if !is_country(c) {
                problems.push(format!(
                    "{}: organisation {:?}: unknown country {c}",
                    o.entry, o.name
                ));
            }
        }
    }
    for r in &kb.roles {
        for x in &r.sectors {
            if !sectors.contains(x.as_str()) {
                problems.push(format!(
                    "{}: role {:?}: unknown sector {x}",
                    r.entry,
                    r.words.first()
                ));
            }
        }
    }
    for p in &kb.people {
        for t in &p.terms {
            // An office of an international body carries the body's code: it must be the
            // code of a known organisation.
            let known_org = kb.orgs.iter().any(|o| o.code == t.country);
            if !is_country(&t.country) && !prefixes.contains(t.country.as_str()) && !known_org {
                problems.push(format!(
                    "{}: {}: unknown country {}",
                    t.entry, p.name, t.country
                ));
            }
            for x in &t.sectors {
                if !sectors.contains(x.as_str()) {
                    problems.push(format!("{}: {}: unknown sector {x}", t.entry, p.name));
                }
            }
        }
    }
    // Overlapping dates of one office in one country: two different people in office on
    // the same days (a shared handover day is allowed).
    let mut keys: Vec<_> = kb.offices.keys().collect();
    keys.sort();
    for key in keys {
        let mut terms: Vec<_> = kb.offices[key]
            .iter()
            .map(|&(p, t)| (p, &kb.people[p as usize].terms[t as usize]))
            .collect();
        terms.sort_by_key(|(_, t)| t.start.map(|s| s.lo));
        for (i, (pa, a)) in terms.iter().enumerate() {
            for (pb, b) in &terms[i + 1..] {
                if pa == pb {
                    continue;
                }
                // Days certainly shared: from b's latest start to a's earliest end.
                let b_start = b.start.map(|s| s.hi);
                let a_end = a.end.map(|e| e.lo);
                let overlap = match (b_start, a_end) {
                    (Some(bs), Some(ae)) => (ae - bs).num_days() >= 1,
                    (_, None) => true,
                    (None, Some(_)) => true,
                };
                if overlap {
                    problems.push(format!(
                        "{}: {} {} overlaps {} at {} ({} {})",
                        b.entry,
                        kb.people[*pb as usize].name,
                        key.1,
                        kb.people[*pa as usize].name,
                        a.entry,
                        key.0,
                        key.1
                    ));
                }
            }
        }
    }
    // One name, different meanings.
    let mut by_phrase: FxHashMap<String, Vec<(String, Meaning)>> = FxHashMap::default();
    for (phrase, m) in &kb.phrase_log {
        let key = kb
            .words_of(phrase)
            .iter()
            .map(|w| fold(w))
            .collect::<Vec<_>>()
            .join(" ");
        by_phrase
            .entry(key)
            .or_default()
            .push((meaning_key(kb, *m), *m));
    }
    let mut dups: Vec<_> = by_phrase
        .into_iter()
        .filter_map(|(phrase, ms)| {
            let distinct: FxHashSet<&String> = ms.iter().map(|(k, _)| k).collect();
            // People who share a surname but never held office at the same time are told
            // apart by the date ("Rau": Johannes Rau until 2004, Zbigniew Rau from 2020).
            let people: Vec<u32> = ms
                .iter()
                .filter_map(|(_, m)| match m {
                    Meaning::Person(p) => Some(*p),
                    _ => None,
                })
                .collect();
            let told_apart_by_date = people.len() == ms.len()
                && people.iter().enumerate().all(|(i, &a)| {
                    people[i + 1..]
                        .iter()
                        .all(|&b| a == b || !terms_overlap(kb, a, b))
                });
            (distinct.len() > 1 && !told_apart_by_date).then(|| {
                let mut list: Vec<String> = ms
                    .iter()
                    .map(|(k, m)| format!("{k} ({})", meaning_entry(kb, *m)))
                    .collect();
                list.sort();
                list.dedup();
                format!("{phrase:?} has several meanings: {}", list.join("; "))
            })
        })
        .collect();
    dups.sort();
    problems.extend(dups);
    problems.extend(crate::places::check(kb));
    problems
}

/// Whether two people ever held office on the same day.
fn terms_overlap(kb: &KnowledgeBase, a: u32, b: u32) -> bool {
    let (pa, pb) = (&kb.people[a as usize], &kb.people[b as usize]);
    pa.terms.iter().any(|x| {
        pb.terms.iter().any(|y| {
            let x_start = x.start.map(|s| s.lo);
            let y_start = y.start.map(|s| s.lo);
            let x_end = x.end.map(|e| e.hi);
            let y_end = y.end.map(|e| e.hi);
            let starts_before_end =
                |s: Option<chrono::NaiveDate>, e: Option<chrono::NaiveDate>| match (s, e) {
                    (Some(s), Some(e)) => s <= e,
                    _ => true,
                };
            starts_before_end(x_start, y_end) && starts_before_end(y_start, x_end)
        })
    })
}

/// What a meaning resolves to, for comparing two meanings of one phrase.
fn meaning_key(kb: &KnowledgeBase, m: Meaning) -> String {
    match m {
        Meaning::Country(c) | Meaning::Demonym(c, _) => {
            format!("country {}", kb.countries[c as usize].iso3)
        }
        Meaning::Region(r) => format!(
            "country {}",
            kb.countries[kb.regions[r as usize].country as usize].iso3
        ),
        Meaning::Seat(s) => {
            let seat = &kb.seats[s as usize];
            format!(
                "seat {} {}",
                kb.countries[seat.country as usize].iso3,
                seat.sectors.join("")
            )
        }
        Meaning::Org(o) => format!("organisation {}", kb.orgs[o as usize].name),
        Meaning::Person(p) => format!("person {}", kb.people[p as usize].name),
        Meaning::Role(r, _) => format!("role {}", kb.roles[r as usize].entry),
        Meaning::DictActor(a) => format!("dictionary actor {}", kb.dict_actors[a as usize].entry),
        Meaning::DictAgent(a) => format!("dictionary agent {}", kb.dict_agents[a as usize].entry),
    }
}

fn meaning_entry(kb: &KnowledgeBase, m: Meaning) -> String {
    match m {
        Meaning::Country(c) | Meaning::Demonym(c, _) => kb.countries[c as usize].entry.clone(),
        Meaning::Region(r) => kb.regions[r as usize].entry.clone(),
        Meaning::Seat(s) => kb.seats[s as usize].entry.clone(),
        Meaning::Org(o) => kb.orgs[o as usize].entry.clone(),
        Meaning::Person(p) => kb.people[p as usize]
            .terms
            .first()
            .map(|t| t.entry.clone())
            .unwrap_or_default(),
        Meaning::Role(r, _) => kb.roles[r as usize].entry.clone(),
        Meaning::DictActor(a) => kb.dict_actors[a as usize].entry.clone(),
        Meaning::DictAgent(a) => kb.dict_agents[a as usize].entry.clone(),
    }
}
