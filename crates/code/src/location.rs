//! Where an event happened (`docs/coding.md`, "Locations").
//!
//! The actors stage knows which words name a place and where it lies; which of those places
//! is the event's is a question about the event, so it is answered here, beside the trigger
//! and the roles:
//! 1. **clause**: a place attached to the trigger (or to the verb that governs a trigger noun,
//!    or to the target's words) by a preposition of `data/locations.tsv` ("met in Geneva",
//!    "clashes near Grozny", "held talks in Geneva", "on the outskirts of Kabul");
//! 2. **target**: for visits and violence, a target that is itself a place ("visited
//!    Prague", "shelled Kharkiv");
//! 3. **dateline**: the place of the story's dateline ("KABUL, Afghanistan (AP) —");
//! 4. else none: nothing is guessed beyond that.

use std::ops::Range;
use std::sync::OnceLock;

use dyad_text::{Document, Sentence, Upos};

use crate::coder::Found;
use crate::record::Location;

const BUNDLED_RULES: &str = include_str!("../data/locations.tsv");

/// Words of a sentence that name a known place, as the actors stage found them.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    /// Word indices in [`dyad_text::Sentence::words`].
    pub words: Range<usize>,
    /// The word of the range that the rest hangs on.
    pub head: usize,
    /// Canonical name.
    pub name: String,
    /// ISO3.
    pub country: String,
    /// `country`, `capital`, `seat` or `region`: what kind of name it is.
    pub via: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// The places of a document: per sentence, and the dateline's.
#[derive(Clone, Debug, Default)]
pub struct Places {
    pub sentences: Vec<Vec<PlaceMention>>,
    /// (sentence, index in its mentions) of the dateline's place.
    pub dateline: Option<(usize, usize)>,
}

impl Places {
    /// The places of `doc`, per sentence; finds the dateline's among them.
    pub fn new(doc: &Document, sentences: Vec<Vec<PlaceMention>>) -> Places {
        let dateline = dateline_place_span(&doc.text).and_then(|area| {
            sentences.iter().enumerate().find_map(|(si, ms)| {
                let s = doc.sentences.get(si)?;
                ms.iter()
                    .position(|m| {
                        let (start, end) = bytes_of(s, &m.words);
                        area.start <= start && end <= area.end
                    })
                    .map(|k| (si, k))
            })
        });
        Places {
            sentences,
            dateline,
        }
    }

    fn dateline_mention(&self) -> Option<(usize, &PlaceMention)> {
        let (si, k) = self.dateline?;
        Some((si, self.sentences.get(si)?.get(k)?))
    }
}

/// The rules of `data/locations.tsv`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rules {
    /// Prepositions, each with whether it holds for regions only.
    pub cases: Vec<(String, bool)>,
    pub areas: Vec<String>,
    pub target_codes: Vec<String>,
}

impl Rules {
    /// Reads the rules; an error names `label:line`.
    pub fn parse(label: &str, text: &str) -> Result<Rules, String> {
        let mut rules = Rules::default();
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            let word = f.get(1).copied().unwrap_or("");
            if word.is_empty() {
                return Err(format!("{label}:{n}: expected KIND<TAB>WORD"));
            }
            match (f[0], f.get(2).copied()) {
                ("case", None) => rules.cases.push((word.to_string(), false)),
                ("case", Some("region")) => rules.cases.push((word.to_string(), true)),
                ("area", None) => rules.areas.push(word.to_string()),
                ("target", None) => rules.target_codes.push(word.to_string()),
                (kind, cond) => {
                    return Err(format!(
                        "{label}:{n}: unknown line kind {kind:?}{} (case, area, target)",
                        cond.map(|c| format!(" with condition {c:?}"))
                            .unwrap_or_default()
                    ))
                }
            }
        }
        Ok(rules)
    }

    /// The bundled rules (tested to parse).
    pub fn bundled() -> &'static Rules {
        static RULES: OnceLock<Rules> = OnceLock::new();
        RULES.get_or_init(|| Rules::parse("locations.tsv", BUNDLED_RULES).unwrap_or_default())
    }

    fn case(&self, word: &str) -> Option<bool> {
        self.cases
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(word))
            .map(|&(_, regions_only)| regions_only)
    }

    fn is_area(&self, lemma: &str) -> bool {
        self.areas.iter().any(|a| a.eq_ignore_ascii_case(lemma))
    }

    fn target_is_place(&self, code: &str) -> bool {
        self.target_codes
            .iter()
            .any(|c| code.starts_with(c.as_str()))
    }
}

/// Where `f` happened, with how it was found in `Location::via`; `None` when neither its
/// clause, its target nor the dateline names a place.
pub fn locate(doc: &Document, f: &Found, places: &Places) -> Option<Location> {
    locate_with(Rules::bundled(), doc, f, places)
}

pub fn locate_with(rules: &Rules, doc: &Document, f: &Found, places: &Places) -> Option<Location> {
    let s = doc.sentences.get(f.sentence)?;
    let mentions = places
        .sentences
        .get(f.sentence)
        .map(Vec::as_slice)
        .unwrap_or_default();
    if let Some(m) = clause_place(rules, s, f, mentions) {
        return Some(location(doc, s, m, "clause"));
    }
    if rules.target_is_place(&f.code) {
        if let Some(t) = &f.target {
            // The place must be the target itself, not a word that qualifies it ("attacks
            // against US forces" is not placed in the United States).
            let head = (0..s.words.len())
                .filter(|&i| {
                    let w = &s.words[i];
                    t.span.start <= w.span.start && w.span.end <= t.span.end
                })
                .find(|&i| {
                    s.words[i].head.checked_sub(1).is_none_or(|h| {
                        let w = &s.words[h];
                        w.span.start < t.span.start || t.span.end < w.span.end
                    })
                });
            let inside = head.and_then(|h| mentions.iter().find(|m| m.words.contains(&h)));
            if let Some(m) = inside {
                return Some(location(doc, s, m, "target"));
            }
        }
    }
    let (si, m) = places.dateline_mention()?;
    Some(location(doc, &doc.sentences[si], m, "dateline"))
}

/// The place of the trigger's clause: first one attached to a trigger word, then one
/// attached to the verb that governs a trigger noun (or to a trigger verb's conjunct head),
/// then one attached to the target's words ("met his counterpart in Geneva"). Not one of an
/// open clause below the trigger: "urged them to hold talks in Pretoria" did not happen in
/// Pretoria.
fn clause_place<'m>(
    rules: &Rules,
    s: &Sentence,
    f: &Found,
    mentions: &'m [PlaceMention],
) -> Option<&'m PlaceMention> {
    if mentions.is_empty() {
        return None;
    }
    let head_of = |i: usize| s.words[i].head.checked_sub(1);
    let within = |i: usize, start: usize, end: usize| {
        let w = &s.words[i];
        start <= w.span.start && w.span.end <= end
    };
    let trigger: Vec<usize> = (0..s.words.len())
        .filter(|&i| within(i, f.trigger.start, f.trigger.end))
        .collect();
    let mut wider = Vec::new();
    for &t in &trigger {
        let w = &s.words[t];
        let governed = matches!(w.upos, Upos::NOUN | Upos::PROPN) || w.deprel.as_str() == "conj";
        if let Some(h) = head_of(t).filter(|_| governed) {
            if matches!(s.words[h].upos, Upos::VERB | Upos::AUX) || w.deprel.as_str() == "conj" {
                wider.push(h);
            }
        }
    }
    let target: Vec<usize> = f
        .target
        .as_ref()
        .map(|t| {
            (0..s.words.len())
                .filter(|&i| within(i, t.span.start, t.span.end))
                .collect()
        })
        .unwrap_or_default();
    for anchors in [&trigger, &wider, &target] {
        let found = mentions
            .iter()
            .filter(|m| attached_to(rules, s, m, anchors))
            .min_by_key(|m| {
                // A place that only qualifies a noun ("the West Bank city of Jenin") gives way
                // to the noun's own place; then the closest wins.
                let qualifier = s.words[m.head].deprel.as_str() == "compound";
                let distance = anchors
                    .iter()
                    .map(|&a| m.head.abs_diff(a))
                    .min()
                    .unwrap_or(usize::MAX);
                (qualifier, distance)
            });
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Whether the place hangs on one of `anchors` as a locative: by a preposition of the rules,
/// directly or through an area noun ("the outskirts of", "the city of", "Kabul province",
/// "the capital, Kabul").
fn attached_to(rules: &Rules, s: &Sentence, m: &PlaceMention, anchors: &[usize]) -> bool {
    let regions_ok = m.via == "region";
    let head_of = |i: usize| s.words[i].head.checked_sub(1);
    let locative = |w: usize| -> bool {
        let rel = s.words[w].deprel.as_str();
        let base = rel.split(':').next().unwrap_or(rel);
        if !matches!(base, "obl" | "nmod" | "advmod") {
            return false;
        }
        if !head_of(w).is_some_and(|h| anchors.contains(&h)) {
            return false;
        }
        // The preposition: the first `case` dependent ("outside of" is "outside").
        (0..s.words.len())
            .find(|&c| head_of(c) == Some(w) && s.words[c].deprel.as_str() == "case")
            .and_then(|c| rules.case(&s.words[c].form))
            .is_some_and(|regions_only| !regions_only || regions_ok)
    };
    if locative(m.head) {
        return true;
    }
    // Through an area noun that is itself the locative.
    let rel = s.words[m.head].deprel.as_str();
    let through = match rel {
        "nmod" | "nmod:of" | "compound" | "appos" => head_of(m.head),
        _ => None,
    };
    through.is_some_and(|a| {
        !m.words.contains(&a)
            && (rules.is_area(&s.words[a].lemma) || rules.is_area(&s.words[a].form))
            && (rel != "nmod" && rel != "nmod:of"
                || (0..s.words.len()).any(|c| {
                    head_of(c) == Some(m.head)
                        && s.words[c].deprel.as_str() == "case"
                        && s.words[c].form.eq_ignore_ascii_case("of")
                }))
            && locative(a)
    })
}

fn bytes_of(s: &Sentence, words: &Range<usize>) -> (usize, usize) {
    let start = s.words.get(words.start).map_or(0, |w| w.span.start);
    let end = words
        .end
        .checked_sub(1)
        .and_then(|k| s.words.get(k))
        .map_or(start, |w| w.span.end);
    (start, end)
}

fn location(doc: &Document, s: &Sentence, m: &PlaceMention, via: &str) -> Location {
    let (start, end) = bytes_of(s, &m.words);
    Location {
        text: doc.text.get(start..end).unwrap_or_default().to_string(),
        name: Some(m.name.clone()),
        country: Some(m.country.clone()),
        lat: m.lat,
        lon: m.lon,
        via: Some(via.to_string()),
    }
}

/// The byte range of a dateline's place at the start of a text: the words before the first
/// comma or parenthesis of a line that ends in a dash ("KABUL, Afghanistan (AP) —",
/// "BEIJING, Oct. 3 (Xinhua) --", "LONDON (Reuters) -"). The words must all start with a
/// capital letter and the first must be written in capitals, or be followed by a comma and
/// more capitalised words ("Kyiv, Ukraine —").
pub fn dateline_place_span(text: &str) -> Option<Range<usize>> {
    let offset = text.len() - text.trim_start().len();
    let body = &text[offset..];
    let mut limit = body.len().min(120);
    while !body.is_char_boundary(limit) {
        limit -= 1;
    }
    let head = &body[..limit];
    let line_end = head.find('\n').unwrap_or(head.len());
    let head = &head[..line_end];
    let dash = ["\u{2014}", "\u{2013}", "--", " - ", " -"]
        .iter()
        .filter_map(|d| head.find(d))
        .min()?;
    let before = &head[..dash];
    let cut = before.find([',', '(']).unwrap_or(before.len());
    let place = before[..cut].trim_end();
    if place.is_empty() || place.len() > 40 {
        return None;
    }
    let words: Vec<&str> = place.split_whitespace().collect();
    if !words.iter().all(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    let in_capitals = words.first().is_some_and(|w| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    });
    let rest = before[cut..].trim_start_matches([',', ' ']);
    let then_capitalised = before[cut..].starts_with(',') && rest.starts_with(char::is_uppercase);
    if !in_capitals && !then_capitalised {
        return None;
    }
    Some(offset..offset + place.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_rules_parse() {
        let rules = Rules::parse("locations.tsv", BUNDLED_RULES).unwrap();
        assert_eq!(rules.case("in"), Some(false));
        assert_eq!(rules.case("on"), Some(true));
        assert_eq!(rules.case("from"), None);
        assert!(rules.is_area("outskirts"));
        assert!(rules.target_is_place("042") && rules.target_is_place("190"));
        assert!(!rules.target_is_place("111"));
    }

    #[test]
    fn bad_rule_lines_name_the_line() {
        assert_eq!(
            Rules::parse("l.tsv", "# x\ncase\tin\nplace\tnear\n"),
            Err("l.tsv:3: unknown line kind \"place\" (case, area, target)".to_string())
        );
        assert_eq!(
            Rules::parse("l.tsv", "case\n"),
            Err("l.tsv:1: expected KIND<TAB>WORD".to_string())
        );
        assert_eq!(
            Rules::parse("l.tsv", "case\ton\tisland\n"),
            Err(
                "l.tsv:1: unknown line kind \"case\" with condition \"island\" (case, area, target)"
                    .to_string()
            )
        );
    }

    #[test]
    fn datelines() {
        fn place(t: &str) -> Option<&str> {
            dateline_place_span(t).map(|r| &t[r])
        }
        assert_eq!(
            place("KABUL, Afghanistan (AP) — Taliban fighters"),
            Some("KABUL")
        );
        assert_eq!(
            place("BEIJING, Oct. 3 (Xinhua) -- China said"),
            Some("BEIJING")
        );
        assert_eq!(
            place("  NEW YORK (Reuters) - Stocks fell"),
            Some("NEW YORK")
        );
        assert_eq!(place("Kyiv, Ukraine — Officials said"), Some("Kyiv"));
        assert_eq!(place("Kyiv — Officials said"), None);
        assert_eq!(place("The talks — held in Geneva — ended"), None);
        assert_eq!(place("Officials met on Monday."), None);
        assert_eq!(place("KABUL\nTaliban fighters — said"), None);
    }
}
