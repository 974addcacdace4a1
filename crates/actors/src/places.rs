//! Places: the coordinates of countries, capitals, cities and regions (`places*.tsv`), and
//! the place names of a parsed document. Which place an event happened at is the coder's
//! choice (`dyad_code::location`); this module only says which words name a known place,
//! what it is called and where it lies.

use std::ops::Range;

use anyhow::{bail, Result};
use dyad_text::{Document, Sentence};
use rustc_hash::FxHashMap;

use crate::kb::{KnowledgeBase, Meaning};
use crate::load::Raw;
use crate::normalise::fold;

/// What a row of a places file stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A country or territory as a whole: a representative point.
    Country,
    /// A city or town (capitals included).
    City,
    /// A province, region, island or other area.
    Region,
    /// A building or compound ("Camp David").
    Site,
}

impl PlaceKind {
    pub fn parse(s: &str) -> Option<PlaceKind> {
        Some(match s {
            "country" => PlaceKind::Country,
            "city" => PlaceKind::City,
            "region" => PlaceKind::Region,
            "site" => PlaceKind::Site,
            _ => return None,
        })
    }
}

/// One row of a places file.
#[derive(Clone, Debug)]
pub struct PlacePoint {
    /// The canonical name first, then other spellings.
    pub names: Vec<String>,
    /// ISO3 of the country it lies in.
    pub country: String,
    pub kind: PlaceKind,
    pub lat: f64,
    pub lon: f64,
    /// `file:line`.
    pub entry: String,
}

/// The coordinates of the knowledge base, indexed.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    pub points: Vec<PlacePoint>,
    /// ISO3 → the country's point.
    countries: FxHashMap<String, u32>,
    /// (ISO3, folded name) → a city, region or site. A later row replaces an earlier one.
    places: FxHashMap<(String, String), u32>,
}

impl Gazetteer {
    pub fn new(points: Vec<PlacePoint>) -> Gazetteer {
        let mut g = Gazetteer {
            points,
            ..Gazetteer::default()
        };
        for (i, p) in g.points.iter().enumerate() {
            let i = i as u32;
            if p.kind == PlaceKind::Country {
                g.countries.insert(p.country.clone(), i);
            } else {
                for n in &p.names {
                    g.places.insert((p.country.clone(), fold(n)), i);
                }
            }
        }
        g
    }

    /// The point of a country, by ISO3.
    pub fn country(&self, iso3: &str) -> Option<&PlacePoint> {
        self.countries.get(iso3).map(|&i| &self.points[i as usize])
    }

    /// A city, region or site of a country, by any of its names (case and accents ignored).
    pub fn place(&self, iso3: &str, name: &str) -> Option<&PlacePoint> {
        self.places
            .get(&(iso3.to_string(), fold(name)))
            .map(|&i| &self.points[i as usize])
    }
}

pub const PLACES_HEADER: &str = "name\tcountry\tkind\tlat\tlon";

/// Reads a places file (`docs/knowledge-base.md`) into `raw`. All or nothing: on error
/// nothing of the file is kept, and the error names `file:line`.
pub fn read_places(raw: &mut Raw, label: &str, text: &str) -> Result<()> {
    let mut rows = Vec::new();
    for (n, line) in crate::load::tsv_lines(label, text, PLACES_HEADER)? {
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        if f.len() != 5 {
            bail!(
                "{label}:{n}: {} fields, expected 5 (tab-separated)",
                f.len()
            );
        }
        let names: Vec<String> = f[0]
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        if names.is_empty() {
            bail!("{label}:{n}: empty name");
        }
        let country = f[1];
        if country.len() != 3 || !country.chars().all(|c| c.is_ascii_uppercase()) {
            bail!("{label}:{n}: country {country:?} is not an ISO3 code");
        }
        let Some(kind) = PlaceKind::parse(f[2]) else {
            bail!(
                "{label}:{n}: kind {:?} is not one of country, city, region, site",
                f[2]
            );
        };
        let lat = degrees(f[3], 90.0).map_err(|e| anyhow::anyhow!("{label}:{n}: lat {e}"))?;
        let lon = degrees(f[4], 180.0).map_err(|e| anyhow::anyhow!("{label}:{n}: lon {e}"))?;
        rows.push(PlacePoint {
            names,
            country: country.to_string(),
            kind,
            lat,
            lon,
            entry: format!("{label}:{n}"),
        });
    }
    raw.places.extend(rows);
    Ok(())
}

/// Decimal degrees within ±`max`.
fn degrees(s: &str, max: f64) -> std::result::Result<f64, String> {
    let v: f64 = s
        .parse()
        .map_err(|_| format!("{s:?} is not a number of degrees"))?;
    if !v.is_finite() || v.abs() > max {
        return Err(format!("{s:?} is not between -{max} and {max}"));
    }
    Ok(v)
}

/// Words of a sentence that name a known place.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    /// Word indices in `Sentence::words`.
    pub words: Range<usize>,
    /// The word of the range that the rest hangs on.
    pub head: usize,
    /// The canonical name: the country's name, or the first name of the place's row in the
    /// places file, or the knowledge base's name as written.
    pub name: String,
    /// ISO3.
    pub country: String,
    /// `country`, `capital`, `seat` or `region`: which kind of knowledge-base entry matched.
    pub via: &'static str,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// The place names of every sentence of a document: countries, capitals, regions and cities,
/// and seats of power that the places file gives a point ("Camp David"). A name must start
/// with a capital letter ("turkey" is no place). Longest match, left to right.
pub fn find_places(kb: &KnowledgeBase, doc: &Document) -> Vec<Vec<PlaceMention>> {
    doc.sentences
        .iter()
        .map(|s| sentence_places(kb, s))
        .collect()
}

pub(crate) fn sentence_places(kb: &KnowledgeBase, s: &Sentence) -> Vec<PlaceMention> {
    let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < forms.len() {
        let capitalised = forms[i].chars().next().is_some_and(char::is_uppercase);
        let found = if capitalised {
            kb.lookup(&forms[i..])
                .and_then(|(len, meanings)| Some((len, place_of(kb, meanings)?)))
        } else {
            None
        };
        let Some((len, (name, country, via, point))) = found else {
            i += 1;
            continue;
        };
        let words = i..i + len;
        let head = words
            .clone()
            .rev()
            .find(|&k| {
                let h = s.words[k].head;
                h == 0 || !words.contains(&(h - 1))
            })
            .unwrap_or(i + len - 1);
        out.push(PlaceMention {
            words,
            head,
            name,
            country,
            via,
            lat: point.map(|p| p.lat),
            lon: point.map(|p| p.lon),
        });
        i += len;
    }
    out
}

type Found<'a> = (String, String, &'static str, Option<&'a PlacePoint>);

/// The place a phrase's meanings name, if one of them is a place.
fn place_of<'a>(kb: &'a KnowledgeBase, meanings: &[Meaning]) -> Option<Found<'a>> {
    meanings.iter().find_map(|&m| match m {
        Meaning::Country(c) => {
            let c = &kb.countries[c as usize];
            let point = kb.gazetteer.country(&c.iso3);
            Some((c.name.clone(), c.iso3.clone(), "country", point))
        }
        Meaning::Seat(s) => {
            let seat = &kb.seats[s as usize];
            let c = &kb.countries[seat.country as usize];
            let point = kb.gazetteer.place(&c.iso3, &seat.name);
            let capital = c.capital.as_deref() == Some(seat.name.as_str());
            // A seat is a place when it is the capital or has a point of its own: "the State
            // Department" or "Congress" is an institution, "Camp David" a place.
            if !capital && point.is_none() {
                return None;
            }
            let name = point.map_or(seat.name.clone(), |p| p.names[0].clone());
            let via = if capital { "capital" } else { "seat" };
            Some((name, c.iso3.clone(), via, point))
        }
        Meaning::Region(r) => {
            let region = &kb.regions[r as usize];
            let c = &kb.countries[region.country as usize];
            let point = kb.gazetteer.place(&c.iso3, &region.name);
            let name = point.map_or(region.name.clone(), |p| p.names[0].clone());
            Some((name, c.iso3.clone(), "region", point))
        }
        _ => None,
    })
}

/// `dyad actors check` on the places: every row's country is known, a country row carries
/// the country's name, every other row has a name the knowledge base knows as a capital,
/// seat or region of that country (else no text can reach it), no place is given twice, and
/// every country and every capital has a point.
pub fn check(kb: &KnowledgeBase) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen: FxHashMap<(String, PlaceKind, String), &str> = FxHashMap::default();
    for p in &kb.gazetteer.points {
        let Some(c) = kb.country(&p.country) else {
            problems.push(format!("{}: unknown country {}", p.entry, p.country));
            continue;
        };
        for n in &p.names {
            let key = (p.country.clone(), p.kind, fold(n));
            if let Some(prev) = seen.insert(key, &p.entry).filter(|prev| *prev != p.entry) {
                problems.push(format!("{}: {n:?} already given at {prev}", p.entry));
            }
        }
        if p.kind == PlaceKind::Country {
            if p.names[0] != c.name {
                problems.push(format!(
                    "{}: a country's point is named as the country is ({:?}), not {:?}",
                    p.entry, c.name, p.names[0]
                ));
            }
            continue;
        }
        let known = p.names.iter().any(|n| {
            let f = fold(n);
            c.capital.as_deref().is_some_and(|x| fold(x) == f)
                || c.seats.iter().any(|s| fold(&s.name) == f)
                || c.regions.iter().any(|r| fold(r) == f)
        });
        if !known {
            problems.push(format!(
                "{}: {:?} is not a capital, seat or region of {} in the countries files",
                p.entry, p.names[0], p.country
            ));
        }
    }
    for c in &kb.countries {
        if kb.gazetteer.country(&c.iso3).is_none() {
            problems.push(format!(
                "{}: {} has no point in a places file",
                c.entry, c.name
            ));
        }
        if let Some(cap) = &c.capital {
            if kb.gazetteer.place(&c.iso3, cap).is_none() {
                problems.push(format!(
                    "{}: the capital {cap:?} has no point in a places file",
                    c.entry
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_name_file_and_line() {
        let mut raw = Raw::default();
        let text =
            format!("# c\n{PLACES_HEADER}\nKabul\tAFG\tcity\t34.53\t69.17\nX\tAFG\tcity\t91\t0\n");
        let e = read_places(&mut raw, "p.tsv", &text).unwrap_err();
        assert_eq!(
            e.to_string(),
            "p.tsv:4: lat \"91\" is not between -90 and 90"
        );
        assert!(raw.places.is_empty(), "nothing half-read");
        for (line, msg) in [
            (
                "X\tAFG\tcity\t1",
                "p.tsv:2: 4 fields, expected 5 (tab-separated)",
            ),
            (
                "X\tafg\tcity\t1\t2",
                "p.tsv:2: country \"afg\" is not an ISO3 code",
            ),
            (
                "X\tAFG\ttown\t1\t2",
                "p.tsv:2: kind \"town\" is not one of country, city, region, site",
            ),
            (
                "X\tAFG\tcity\t1\teast",
                "p.tsv:2: lon \"east\" is not a number of degrees",
            ),
            ("|\tAFG\tcity\t1\t2", "p.tsv:2: empty name"),
        ] {
            let e =
                read_places(&mut raw, "p.tsv", &format!("{PLACES_HEADER}\n{line}\n")).unwrap_err();
            assert_eq!(e.to_string(), msg);
        }
        let e = read_places(&mut raw, "p.tsv", "name\tlat\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("p.tsv:1: the first line must be the header {PLACES_HEADER:?}")
        );
    }

    #[test]
    fn rows_are_found_by_any_name() {
        let mut raw = Raw::default();
        let text = format!(
            "{PLACES_HEADER}\nOdesa|Odessa\tUKR\tcity\t46.48\t30.72\nUkraine\tUKR\tcountry\t49\t32\n"
        );
        read_places(&mut raw, "p.tsv", &text).unwrap();
        let g = Gazetteer::new(raw.places);
        let p = g.place("UKR", "ODESSA").unwrap();
        assert_eq!((p.names[0].as_str(), p.lat, p.lon), ("Odesa", 46.48, 30.72));
        assert_eq!(g.country("UKR").unwrap().entry, "p.tsv:3");
        assert!(g.place("UKR", "Ukraine").is_none());
        assert!(g.place("RUS", "Odesa").is_none());
    }
}
