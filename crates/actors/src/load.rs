//! Reading the knowledge base's own files (`docs/knowledge-base.md`) into plain records.
//! Every error names the file and the line. Nothing here touches a loaded knowledge base: a
//! [`Raw`] is only turned into one when every file has been read without error.

use anyhow::{anyhow, bail, Context, Result};
use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use crate::model::*;

/// Everything read from a set of files, before merging and indexing.
#[derive(Default, Debug)]
pub struct Raw {
    pub countries: Vec<Country>,
    pub orgs: Vec<Org>,
    pub roles: Vec<Role>,
    pub sectors: Vec<Sector>,
    pub prefixes: Vec<Sector>,
    pub people_lines: Vec<PersonLine>,
    pub not_names: Vec<String>,
    pub common_words: Vec<String>,
    pub document_words: Vec<String>,
    pub pronouns: Vec<Pronoun>,
    pub places: Vec<crate::places::PlacePoint>,
    pub dict_actors: Vec<DictActor>,
    /// Every phrase of the imported actors, as written, with the index of its actor.
    pub dict_actor_phrases: Vec<(String, u32)>,
    pub dict_agents: Vec<DictAgent>,
    /// Problems that did not stop loading (see [`crate::petrarch`]), each naming file:line.
    pub warnings: Vec<String>,
}

/// One line of a people file.
#[derive(Clone, Debug)]
pub struct PersonLine {
    pub name: String,
    pub aliases: Vec<String>,
    pub term: Term,
}

/// The kind of a knowledge-base file, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Countries,
    Organisations,
    Roles,
    Words,
    People,
    Places,
    PetrarchActors,
    PetrarchAgents,
}

impl FileKind {
    /// The kind of a file by its name, or `None` for files the knowledge base does not read.
    pub fn of(file_name: &str) -> Option<FileKind> {
        let n = file_name.to_ascii_lowercase();
        Some(if n.ends_with(".actors.txt") || n.ends_with(".actors") {
            FileKind::PetrarchActors
        } else if n.ends_with(".agents.txt") || n.ends_with(".agents") {
            FileKind::PetrarchAgents
        } else if n.ends_with(".toml") && n.starts_with("countries") {
            FileKind::Countries
        } else if n.ends_with(".toml")
            && (n.starts_with("organisations") || n.starts_with("organizations"))
        {
            FileKind::Organisations
        } else if n.ends_with(".toml") && n.starts_with("roles") {
            FileKind::Roles
        } else if n.ends_with(".toml") && n.starts_with("words") {
            FileKind::Words
        } else if n.ends_with(".tsv") && n.starts_with("people") {
            FileKind::People
        } else if n.ends_with(".tsv") && n.starts_with("places") {
            FileKind::Places
        } else {
            return None;
        })
    }
}

/// Reads one file's text into `raw`. `label` names the file in errors and entries.
pub fn read_file(raw: &mut Raw, kind: FileKind, label: &str, text: &str) -> Result<()> {
    match kind {
        FileKind::Countries => read_countries(raw, label, text),
        FileKind::Organisations => read_orgs(raw, label, text),
        FileKind::Roles => read_roles(raw, label, text),
        FileKind::Words => read_words(raw, label, text),
        FileKind::People => read_people(raw, label, text),
        FileKind::Places => crate::places::read_places(raw, label, text),
        FileKind::PetrarchActors => crate::petrarch::read_actors(raw, label, text),
        FileKind::PetrarchAgents => crate::petrarch::read_agents(raw, label, text),
    }
}

/// 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn parse_toml<'de, T: Deserialize<'de>>(label: &str, text: &'de str) -> Result<T> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
        anyhow!("{label}:{line}: {}", e.message())
    })
}

fn entry(label: &str, text: &str, offset: usize) -> String {
    format!("{label}:{}", line_of(text, offset))
}

fn check_code(label: &str, text: &str, offset: usize, what: &str, code: &str) -> Result<()> {
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_uppercase()) {
        bail!(
            "{}: {what} {code:?} is not a code of capital letters",
            entry(label, text, offset)
        );
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountriesFile {
    #[serde(default)]
    country: Vec<Spanned<CountryRec>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryRec {
    iso3: String,
    cameo: Option<String>,
    name: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    capital: Option<String>,
    #[serde(default)]
    seats: Vec<SeatRec>,
    #[serde(default)]
    regions: Vec<String>,
    since: Option<String>,
    before: Option<String>,
    #[serde(default)]
    family_name_first: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeatRec {
    name: String,
    sectors: Vec<String>,
    #[serde(default)]
    shared_with: Vec<String>,
}

fn read_countries(raw: &mut Raw, label: &str, text: &str) -> Result<()> {
    let file: CountriesFile = parse_toml(label, text)?;
    for rec in file.country {
        let at = rec.span().start;
        let c = rec.into_inner();
        check_code(label, text, at, "iso3", &c.iso3)?;
        if c.iso3.len() != 3 {
            bail!(
                "{}: iso3 {:?} is not 3 letters",
                entry(label, text, at),
                c.iso3
            );
        }
        let cameo = c.cameo.unwrap_or_else(|| c.iso3.clone());
        check_code(label, text, at, "cameo", &cameo)?;
        for s in &c.seats {
            for sec in &s.sectors {
                check_code(label, text, at, "sector", sec)?;
            }
        }
        let since = match &c.since {
            Some(d) => Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| {
                anyhow!(
                    "{}: since {d:?} is not a date YYYY-MM-DD",
                    entry(label, text, at)
                )
            })?),
            None => None,
        };
        if let Some(b) = &c.before {
            check_code(label, text, at, "before", b)?;
        }
        if since.is_some() != c.before.is_some() {
            bail!("{}: since and before go together", entry(label, text, at));
        }
        raw.countries.push(Country {
            iso3: c.iso3,
            cameo,
            name: c.name,
            names: c.names,
            demonyms: c.demonyms,
            capital: c.capital,
            seats: c
                .seats
                .into_iter()
                .map(|s| Seat {
                    name: s.name,
                    sectors: s.sectors,
                    shared_with: s.shared_with,
                })
                .collect(),
            regions: c.regions,
            since,
            before: c.before,
            family_name_first: c.family_name_first,
            entry: entry(label, text, at),
        });
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgsFile {
    #[serde(default)]
    org: Vec<Spanned<OrgRec>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgRec {
    code: String,
    name: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    country: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    periods: Vec<PeriodRec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodRec {
    until: String,
    code: String,
}

fn read_orgs(raw: &mut Raw, label: &str, text: &str) -> Result<()> {
    let file: OrgsFile = parse_toml(label, text)?;
    for rec in file.org {
        let at = rec.span().start;
        let o = rec.into_inner();
        check_code(label, text, at, "code", &o.code)?;
        if !o.country.is_empty() {
            check_code(label, text, at, "country", &o.country)?;
        }
        let mut periods: Vec<OrgPeriod> = Vec::new();
        for p in o.periods {
            check_code(label, text, at, "period code", &p.code)?;
            let until = parse_date_bound(&p.until)
                .with_context(|| format!("{}: period until", entry(label, text, at)))?
                .ok_or_else(|| anyhow!("{}: a period without until", entry(label, text, at)))?;
            if let Some(prev) = periods.last() {
                if until.lo <= prev.until.hi {
                    bail!(
                        "{}: period until {:?} does not come after the previous one",
                        entry(label, text, at),
                        p.until
                    );
                }
            }
            periods.push(OrgPeriod {
                until,
                code: p.code,
            });
        }
        raw.orgs.push(Org {
            code: o.code,
            name: o.name,
            names: o.names,
            country: (!o.country.is_empty()).then_some(o.country),
            kind: o.kind,
            periods,
            entry: entry(label, text, at),
        });
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesFile {
    #[serde(default)]
    sector: Vec<Spanned<SectorRec>>,
    #[serde(default)]
    prefix: Vec<Spanned<SectorRec>>,
    #[serde(default)]
    role: Vec<Spanned<RoleRec>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectorRec {
    code: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleRec {
    words: Vec<String>,
    #[serde(default)]
    plurals: Vec<String>,
    #[serde(default)]
    sectors: Vec<String>,
    office: Option<String>,
    #[serde(default)]
    office_in: std::collections::BTreeMap<String, String>,
    kind: Option<String>,
    #[serde(default)]
    weak: bool,
    #[serde(default)]
    posted: bool,
}

fn read_roles(raw: &mut Raw, label: &str, text: &str) -> Result<()> {
    let file: RolesFile = parse_toml(label, text)?;
    for (list, out) in [
        (file.sector, &mut raw.sectors),
        (file.prefix, &mut raw.prefixes),
    ] {
        for rec in list {
            let at = rec.span().start;
            let s = rec.into_inner();
            check_code(label, text, at, "code", &s.code)?;
            out.push(Sector {
                code: s.code,
                name: s.name,
            });
        }
    }
    for rec in file.role {
        let at = rec.span().start;
        let r = rec.into_inner();
        for s in &r.sectors {
            check_code(label, text, at, "sector", s)?;
        }
        let kind = match r.kind.as_deref() {
            None => RoleKind::Person,
            Some(k) => RoleKind::parse(k).ok_or_else(|| {
                anyhow!(
                    "{}: unknown role kind {k:?} (person, group, body, title, former, counterpart)",
                    entry(label, text, at)
                )
            })?,
        };
        if r.words.is_empty() && r.plurals.is_empty() {
            bail!("{}: a role without words", entry(label, text, at));
        }
        raw.roles.push(Role {
            words: r.words,
            plurals: r.plurals,
            sectors: r.sectors,
            office: r.office.filter(|o| !o.is_empty()),
            office_in: r.office_in.into_iter().collect(),
            kind,
            weak: r.weak,
            posted: r.posted,
            entry: entry(label, text, at),
        });
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    #[serde(default)]
    not_names: Vec<String>,
    #[serde(default)]
    common_words: Vec<String>,
    #[serde(default)]
    document_words: Vec<String>,
    #[serde(default)]
    pronoun: Vec<Spanned<PronounRec>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PronounRec {
    words: Vec<String>,
    refers_to: String,
    gender: Option<String>,
}

fn read_words(raw: &mut Raw, label: &str, text: &str) -> Result<()> {
    let file: WordsFile = parse_toml(label, text)?;
    raw.not_names.extend(file.not_names);
    raw.common_words.extend(file.common_words);
    raw.document_words.extend(file.document_words);
    for rec in file.pronoun {
        let at = rec.span().start;
        let p = rec.into_inner();
        if !matches!(p.refers_to.as_str(), "person" | "group" | "thing") {
            bail!(
                "{}: refers_to must be person, group or thing, not {:?}",
                entry(label, text, at),
                p.refers_to
            );
        }
        let gender = match p.gender.as_deref() {
            None | Some("") => None,
            Some("m") => Some('m'),
            Some("f") => Some('f'),
            Some(g) => bail!(
                "{}: gender must be m or f, not {g:?}",
                entry(label, text, at)
            ),
        };
        raw.pronouns.push(Pronoun {
            words: p.words,
            refers_to: p.refers_to,
            gender,
        });
    }
    Ok(())
}

const PEOPLE_HEADER: &str = "name\taliases\tcountry\toffice\tsectors\tstart\tend";

/// The data lines of a TSV file of the knowledge base, with their line numbers: blank lines
/// and `#` comments are skipped, and the first other line must be `header`.
pub(crate) fn tsv_lines<'a>(
    label: &str,
    text: &'a str,
    header: &str,
) -> Result<Vec<(usize, &'a str)>> {
    let mut header_seen = false;
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if !header_seen {
            if line.trim_end() != header {
                bail!("{label}:{n}: the first line must be the header {header:?}");
            }
            header_seen = true;
            continue;
        }
        lines.push((n, line));
    }
    Ok(lines)
}

fn read_people(raw: &mut Raw, label: &str, text: &str) -> Result<()> {
    let mut lines = Vec::new();
    for (n, line) in tsv_lines(label, text, PEOPLE_HEADER)? {
        // A field that starts with `#` begins a comment that runs to the end of the line.
        let f: Vec<&str> = line
            .split('\t')
            .take_while(|f| !f.trim_start().starts_with('#'))
            .collect();
        if f.len() != 7 && f.len() != 6 {
            bail!(
                "{label}:{n}: {} fields, expected 7 (tab-separated)",
                f.len()
            );
        }
        let field = |k: usize| f.get(k).map(|s| s.trim()).unwrap_or("");
        let name = field(0);
        if name.is_empty() {
            bail!("{label}:{n}: empty name");
        }
        let country = field(2);
        // An office of an international body has the body's code in place of a country
        // ("IGOUNO" for the UN Secretary-General).
        let org_code = country.len() >= 6
            && country.len() % 3 == 0
            && ["IGO", "NGO", "IMG"].iter().any(|p| country.starts_with(p));
        if !org_code && (country.len() != 3 || !country.chars().all(|c| c.is_ascii_uppercase())) {
            bail!(
                "{label}:{n}: country {country:?} is neither an ISO3 code nor an organisation code"
            );
        }
        let office = field(3);
        if office.is_empty() {
            bail!("{label}:{n}: empty office");
        }
        let sectors: Vec<String> = split_list(field(4));
        for s in &sectors {
            if !s.chars().all(|c| c.is_ascii_uppercase()) {
                bail!("{label}:{n}: sector {s:?} is not a code of capital letters");
            }
        }
        let start = parse_date_bound(field(5)).with_context(|| format!("{label}:{n}: start"))?;
        let end = parse_date_bound(field(6)).with_context(|| format!("{label}:{n}: end"))?;
        if let (Some(s), Some(e)) = (start, end) {
            if e.hi < s.lo {
                bail!("{label}:{n}: the office ends before it starts");
            }
        }
        lines.push(PersonLine {
            name: name.to_string(),
            aliases: split_list(field(1)),
            term: Term {
                country: country.to_string(),
                office: office.to_string(),
                sectors,
                start,
                end,
                entry: format!("{label}:{n}"),
            },
        });
    }
    raw.people_lines.extend(lines);
    Ok(())
}

fn split_list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; empty is `None`.
pub fn parse_date_bound(s: &str) -> Result<Option<DateBound>> {
    if s.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| -> Result<u32> {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            bail!("{s:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
        }
        p.parse::<u32>().map_err(|_| anyhow!("{s:?} is not a date"))
    };
    let bad = || anyhow!("{s:?} is not a valid date");
    let (lo, hi) = match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y)? as i32;
            (
                NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(bad)?,
                NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(bad)?,
            )
        }
        [y, m] if y.len() == 4 && m.len() == 2 => {
            let (y, m) = (num(y)? as i32, num(m)?);
            let lo = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            }
            .ok_or_else(bad)?;
            (lo, next.pred_opt().ok_or_else(bad)?)
        }
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            let day = NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?).ok_or_else(bad)?;
            (day, day)
        }
        _ => bail!("{s:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
    };
    Ok(Some(DateBound { lo, hi }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_cover_their_period() {
        let b = parse_date_bound("2024-02").unwrap().unwrap();
        assert_eq!(b.lo.to_string(), "2024-02-01");
        assert_eq!(b.hi.to_string(), "2024-02-29");
        let b = parse_date_bound("2001").unwrap().unwrap();
        assert_eq!(
            (b.lo.to_string(), b.hi.to_string()),
            ("2001-01-01".into(), "2001-12-31".into())
        );
        assert!(parse_date_bound("2024-13-01").is_err());
        assert!(parse_date_bound("24-01-01").is_err());
        assert_eq!(parse_date_bound("").unwrap(), None);
    }

    #[test]
    fn people_errors_name_the_line() {
        let mut raw = Raw::default();
        let text = format!("{PEOPLE_HEADER}\nA B\t\tUSA\tx\tGOV\t2020-01-01\t\nC D\tUSA\n");
        let e = read_people(&mut raw, "p.tsv", &text).unwrap_err();
        assert_eq!(
            e.to_string(),
            "p.tsv:3: 2 fields, expected 7 (tab-separated)"
        );
        assert!(raw.people_lines.is_empty(), "nothing half-read");
        let e = read_people(&mut raw, "p.tsv", "name\tx\n").unwrap_err();
        assert!(e
            .to_string()
            .starts_with("p.tsv:1: the first line must be the header"));
    }

    #[test]
    fn org_periods_are_read_and_checked() {
        let head = "[[org]]\ncode = \"AFGGOV\"\nname = \"Taliban\"\n";
        let mut raw = Raw::default();
        let text = format!(
            "{head}periods = [{{ until = \"2001-11-12\", code = \"AFGGOV\" }}, {{ until = \"2021-08\", code = \"AFGINS\" }}]\n"
        );
        read_orgs(&mut raw, "o.toml", &text).unwrap();
        let o = &raw.orgs[0];
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(o.code_on(day("2001-11-12")), "AFGGOV");
        assert_eq!(o.code_on(day("2001-11-13")), "AFGINS");
        assert_eq!(o.code_on(day("2021-08-31")), "AFGINS");
        assert_eq!(o.code_on(day("2021-09-01")), "AFGGOV");
        assert_eq!(o.code_on(None), "AFGGOV");
        for (bad, want) in [
            (
                "periods = [{ until = \"2001-13-01\", code = \"AFGGOV\" }]",
                "o.toml:1: period until",
            ),
            (
                "periods = [{ until = \"2021\", code = \"AFGINS\" }, { until = \"2001\", code = \"AFGGOV\" }]",
                "o.toml:1: period until \"2001\" does not come after the previous one",
            ),
            (
                "periods = [{ until = \"2001\", code = \"afg\" }]",
                "o.toml:1: period code \"afg\" is not a code of capital letters",
            ),
            ("periods = [{ code = \"AFGINS\" }]", "o.toml:4:"),
        ] {
            let e = read_orgs(&mut Raw::default(), "o.toml", &format!("{head}{bad}\n"))
                .unwrap_err()
                .to_string();
            assert!(e.starts_with(want), "{bad}: {e}");
        }
    }

    #[test]
    fn toml_errors_name_the_line() {
        let mut raw = Raw::default();
        let text = "[[country]]\niso3 = \"FRA\"\nname = \"France\"\n\n[[country]]\niso3 = \"DEU\nname = \"x\"\n";
        let e = read_countries(&mut raw, "c.toml", text)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:6:"), "{e}");
        let text = "[[country]]\niso3 = \"fr\"\nname = \"France\"\n";
        let e = read_countries(&mut raw, "c.toml", text)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:1: iso3"), "{e}");
    }
}
