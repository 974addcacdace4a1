//! Importers for the PETRARCH/TABARI dictionary formats, so that users can load the actor and
//! agent dictionaries they already have.
//!
//! Actors (`*.actors.txt`):
//! ```text
//! VLADIMIR_PUTIN_  # comment
//! +PUTIN_
//! +PRESIDENT_VLADIMIR_PUTIN_
//!     [RUSELI 700101-990809]
//!     [RUSGOV >080508]
//!     [RUSELI]
//! UN_ [IGOUNO]
//! ```
//! A line that starts at the margin names a new actor; `+` lines add synonyms; bracketed
//! codes, on the name's line or on indented lines, give its codes. A name line without codes
//! followed by another name line before any code shares that actor's codes (TABARI reads
//! both as names of what follows). Restrictions: `>DATE` (from), `<DATE` (before), and
//! `DATE-DATE` (inclusive); a bare `DATE` is read as `>DATE`. Dates have 8 digits
//! (`YYYYMMDD`) or 6 (`YYMMDD`, years below 30 in this century, as in the Phoenix files).
//! Words are joined by `_`; a phrase whose last word does not end in `_` matches that word as
//! a stem ("MEDVEDEV" also matches "Medvedevs"), as TABARI does.
//!
//! Agents (`*.agents.txt`): `PHRASE {PLURAL PLURAL} [~CODE]` (a suffix to the country's code)
//! or `[CODE~]` (a prefix); `{}` means no plural; without braces the regular English plural
//! is added. `!NAME! = A, B, C` defines a substitution used inside phrases.
//!
//! Malformed lines (an unclosed bracket, a code before any name, a code that is not capital
//! letters) are errors naming `file:line`. A date restriction with a wrong number of digits
//! (the Phoenix files have a few: `9008223`, `1920030320`) drops that one code with a warning,
//! also naming `file:line`, so that the rest of a large dictionary still loads.

use anyhow::{bail, Result};
use chrono::NaiveDate;

use crate::load::Raw;
use crate::model::{DictActor, DictAgent, DictCode};

fn strip_comment(line: &str) -> &str {
    match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Phrases of an imported name: underscores are spaces; the trailing `_` marks an exact end.
pub fn phrase_of(name: &str) -> (String, bool) {
    let t = name.trim();
    let exact = t.ends_with('_');
    let words: Vec<&str> = t.split(['_', ' ']).filter(|w| !w.is_empty()).collect();
    (words.join(" "), exact)
}

/// Splits `text` into the part before the first `[` and the bracketed codes; errors on an
/// unclosed bracket.
fn split_codes<'a>(
    text: &'a str,
    at: &str,
    warnings: &mut Vec<String>,
) -> Result<(&'a str, Vec<&'a str>)> {
    let head_end = text.find('[').unwrap_or(text.len());
    let mut codes = Vec::new();
    let mut rest = &text[head_end..];
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let close = match after.find(']') {
            Some(c) => c,
            // A code closed by the wrong bracket at the end of the line ("[~ENV}", in the
            // Phoenix agents) is read, with a warning.
            None if after.trim_end().ends_with('}') && !after.contains('{') => {
                warnings.push(format!("{at}: '[' closed by '}}'; read as ']'"));
                after.trim_end().len() - 1
            }
            None => bail!("{at}: unclosed '['"),
        };
        codes.push(after[..close].trim());
        rest = &after[(close + 1).min(after.len())..];
    }
    if rest.contains(']') {
        bail!("{at}: ']' without '['");
    }
    Ok((&text[..head_end], codes))
}

/// A date of 6 or 8 digits; `None` for any other length.
fn parse_dict_date(s: &str) -> Option<NaiveDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        8 => (s[..4].parse::<i32>().ok()?, &s[4..]),
        6 => {
            let yy = s[..2].parse::<i32>().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        _ => return None,
    };
    let m = rest[..2].parse().ok()?;
    let d = rest[2..].parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Parses the inside of one bracket. `Ok(None)` with a warning pushed for a bad date.
fn parse_code(inner: &str, at: &str, warnings: &mut Vec<String>) -> Result<Option<DictCode>> {
    let mut parts = inner.splitn(2, char::is_whitespace);
    let code = parts.next().unwrap_or("").trim();
    let restriction: String = parts
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if code.is_empty() {
        bail!("{at}: empty code '[]'");
    }
    if code != "---"
        && !code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        bail!("{at}: code {code:?} is not capital letters");
    }
    let mut bad = |what: &str| {
        warnings.push(format!("{at}: [{inner}]: {what}; this code is left out"));
        Ok(None)
    };
    let (from, to) = if restriction.is_empty() {
        (None, None)
    } else if let Some(d) = restriction.strip_prefix('>') {
        match parse_dict_date(d) {
            Some(d) => (Some(d), None),
            None => return bad("a date has 6 or 8 digits"),
        }
    } else if let Some(d) = restriction.strip_prefix('<') {
        match parse_dict_date(d).and_then(|d| d.pred_opt()) {
            Some(d) => (None, Some(d)),
            None => return bad("a date has 6 or 8 digits"),
        }
    } else if let Some((a, b)) = restriction.split_once('-') {
        match (parse_dict_date(a), parse_dict_date(b)) {
            (Some(a), Some(b)) if a <= b => (Some(a), Some(b)),
            (Some(_), Some(_)) => return bad("the range ends before it starts"),
            _ => return bad("a date has 6 or 8 digits"),
        }
    } else if restriction.bytes().all(|b| b.is_ascii_digit()) {
        match parse_dict_date(&restriction) {
            Some(d) => (Some(d), None),
            None => return bad("a date has 6 or 8 digits"),
        }
    } else {
        bail!("{at}: restriction {restriction:?} is not >DATE, <DATE or DATE-DATE");
    };
    Ok(Some(DictCode {
        code: code.to_string(),
        from,
        to,
    }))
}

/// Reads an actors dictionary into `raw.dict_actors`; warnings go to `warnings`.
pub fn read_actors_into(
    raw: &mut Raw,
    label: &str,
    text: &str,
    warnings: &mut Vec<String>,
) -> Result<()> {
    let mut out: Vec<DictActor> = Vec::new();
    let mut names: Vec<Vec<String>> = Vec::new();
    // Whether the current actor has received codes yet.
    let mut open: Option<bool> = None;
    for (i, line) in text.lines().enumerate() {
        let at = format!("{label}:{}", i + 1);
        if line.contains('\0') {
            bail!("{at}: a NUL byte: not a text dictionary");
        }
        let body = strip_comment(line);
        if body.trim().is_empty() {
            continue;
        }
        let indented = body.starts_with([' ', '\t']);
        let t = body.trim();
        let (head, codes) = split_codes(t, &at, warnings)?;
        let head = head.trim();
        if head.is_empty() {
            // A code line.
            let Some(cur) = out.last_mut() else {
                bail!("{at}: a code before any actor name");
            };
            for c in codes {
                if let Some(code) = parse_code(c, &at, warnings)? {
                    cur.codes.push(code);
                }
            }
            open = Some(true);
            continue;
        }
        if let Some(syn) = head.strip_prefix('+') {
            if out.is_empty() {
                bail!("{at}: a synonym before any actor name");
            }
            if !syn.trim().is_empty() {
                names
                    .last_mut()
                    .expect("names follow actors")
                    .push(syn.to_string());
            }
            let cur = out.last_mut().expect("checked above");
            for c in codes {
                if let Some(code) = parse_code(c, &at, warnings)? {
                    cur.codes.push(code);
                }
            }
            continue;
        }
        if indented && out.is_empty() {
            bail!("{at}: an indented line before any actor name");
        }
        // A new name. If the current actor has no codes yet, this name joins it.
        let joins = open == Some(false) && !out.is_empty();
        if !joins {
            out.push(DictActor {
                name: phrase_of(head).0,
                codes: Vec::new(),
                entry: at.clone(),
            });
            names.push(Vec::new());
        }
        names
            .last_mut()
            .expect("just pushed")
            .push(head.to_string());
        let cur = out.last_mut().expect("just pushed");
        for c in &codes {
            if let Some(code) = parse_code(c, &at, warnings)? {
                cur.codes.push(code);
            }
        }
        open = Some(!codes.is_empty());
    }
    for (actor, phrases) in out.into_iter().zip(names) {
        let idx = raw.dict_actors.len() as u32;
        raw.dict_actors.push(actor);
        raw.dict_actor_phrases
            .extend(phrases.into_iter().map(|p| (p, idx)));
    }
    Ok(())
}

/// Reads an actors dictionary; warnings are kept in `raw.warnings`.
pub fn read_actors(raw: &mut Raw, label: &str, text: &str) -> Result<()> {
    let mut warnings = Vec::new();
    read_actors_into(raw, label, text, &mut warnings)?;
    raw.warnings.extend(warnings);
    Ok(())
}

/// The regular English plural of a phrase's last word.
fn regular_plural(phrase: &str) -> String {
    let (stem, last) = match phrase.rfind(['_', ' ']) {
        Some(i) => (&phrase[..=i], &phrase[i + 1..]),
        None => ("", phrase),
    };
    let l = last.to_ascii_lowercase();
    let plural = if l.ends_with('y')
        && !l.ends_with("ay")
        && !l.ends_with("ey")
        && !l.ends_with("oy")
        && !l.ends_with("uy")
    {
        format!("{}IES", &last[..last.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|e| l.ends_with(e)) {
        format!("{last}ES")
    } else {
        format!("{last}S")
    };
    format!("{stem}{plural}")
}

/// Reads an agents dictionary into `raw.dict_agents` (one record per phrase, plurals
/// included).
pub fn read_agents(raw: &mut Raw, label: &str, text: &str) -> Result<()> {
    let mut macros: Vec<(String, Vec<String>)> = Vec::new();
    let mut agents: Vec<DictAgent> = Vec::new();
    let mut warnings = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let at = format!("{label}:{}", i + 1);
        if line.contains('\0') {
            bail!("{at}: a NUL byte: not a text dictionary");
        }
        let body = strip_comment(line).trim();
        if body.is_empty() {
            continue;
        }
        if body.starts_with('!') {
            if let Some((name, values)) = body.split_once('=') {
                let name = name.trim();
                if name.len() < 3 || !name.ends_with('!') {
                    bail!("{at}: a substitution is !NAME! = A, B");
                }
                let values: Vec<String> = values
                    .split(',')
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty())
                    .collect();
                macros.push((name.to_string(), values));
                continue;
            }
        }
        let (head, codes) = split_codes(body, &at, &mut warnings)?;
        if codes.is_empty() {
            warnings.push(format!("{at}: an agent without a code; left out"));
            continue;
        }
        if codes.len() > 1 {
            bail!("{at}: an agent has one code");
        }
        let raw_code = codes[0];
        let (code, prefix) = if let Some(c) = raw_code.strip_prefix('~') {
            (c, false)
        } else if let Some(c) = raw_code.strip_suffix('~') {
            (c, true)
        } else {
            bail!("{at}: an agent code is [~CODE] or [CODE~], not [{raw_code}]");
        };
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_uppercase()) {
            bail!("{at}: code {code:?} is not capital letters");
        }
        let (phrase_part, plurals) = match head.find('{') {
            Some(open) => {
                let Some(close) = head[open..].find('}') else {
                    bail!("{at}: unclosed '{{'");
                };
                let inside = &head[open + 1..open + close];
                let plurals: Vec<String> =
                    inside.split_whitespace().map(|p| p.to_string()).collect();
                (head[..open].trim(), Some(plurals))
            }
            None => (head.trim(), None),
        };
        if phrase_part.is_empty() {
            bail!("{at}: a code without a phrase");
        }
        let mut phrases = expand_macros(phrase_part, &macros);
        match plurals {
            Some(p) => phrases.extend(p.iter().flat_map(|p| expand_macros(p, &macros))),
            // Substitutions carry their own plurals ("MAN, MEN").
            None if phrase_part.contains('!') => {}
            None => phrases.push(regular_plural(phrase_part.trim_end_matches('_')) + "_"),
        }
        for p in phrases {
            agents.push(DictAgent {
                phrase: p,
                code: code.to_string(),
                prefix,
                entry: at.clone(),
            });
        }
    }
    raw.dict_agents.extend(agents);
    raw.warnings.extend(warnings);
    Ok(())
}

/// All phrases a phrase with `!NAME!` substitutions stands for.
fn expand_macros(phrase: &str, macros: &[(String, Vec<String>)]) -> Vec<String> {
    for (name, values) in macros {
        if let Some(pos) = phrase.find(name.as_str()) {
            return values
                .iter()
                .flat_map(|v| {
                    let p = format!("{}{}{}", &phrase[..pos], v, &phrase[pos + name.len()..]);
                    expand_macros(&p, macros)
                })
                .collect();
        }
    }
    vec![phrase.to_string()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_with_synonyms_and_restrictions() {
        let text = "# c\nVLADIMIR_PUTIN_  # x\n+PUTIN_\n\t[RUSELI 700101-990809]\n\t[RUSGOV >20080508]\n\t[RUSELI]\nUN_ [IGOUNO]\nU.N._\n\nUNITED_NATIONS\n\t[IGOUNO <991231]\n";
        let mut raw = Raw::default();
        read_actors(&mut raw, "a.txt", text).unwrap();
        assert_eq!(raw.dict_actors.len(), 3);
        let putin = &raw.dict_actors[0];
        assert_eq!(putin.name, "VLADIMIR PUTIN");
        assert_eq!(putin.entry, "a.txt:2");
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            putin.codes,
            vec![
                DictCode {
                    code: "RUSELI".into(),
                    from: d("1970-01-01"),
                    to: d("1999-08-09")
                },
                DictCode {
                    code: "RUSGOV".into(),
                    from: d("2008-05-08"),
                    to: None
                },
                DictCode {
                    code: "RUSELI".into(),
                    from: None,
                    to: None
                },
            ]
        );
        // "U.N._" has no code and joins the next name.
        assert_eq!(raw.dict_actors[2].codes[0].to, d("1999-12-30"));
        let phrases: Vec<_> = raw
            .dict_actor_phrases
            .iter()
            .map(|(p, i)| (p.as_str(), *i))
            .collect();
        assert_eq!(
            phrases,
            vec![
                ("VLADIMIR_PUTIN_", 0),
                ("PUTIN_", 0),
                ("UN_", 1),
                ("U.N._", 2),
                ("UNITED_NATIONS", 2)
            ]
        );
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let mut raw = Raw::default();
        let e = read_actors(&mut raw, "x.actors.txt", "A_\n\t[USAGOV 2001\n").unwrap_err();
        assert_eq!(e.to_string(), "x.actors.txt:2: unclosed '['");
        let e = read_actors(&mut raw, "x.actors.txt", "\t[USAGOV]\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.actors.txt:1: a code before any actor name"
        );
        let e = read_actors(&mut raw, "x.actors.txt", "A_ [usa]\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.actors.txt:1: code \"usa\" is not capital letters"
        );
        let e = read_agents(&mut raw, "y.agents.txt", "X [~GOV]\nY [GOV]\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "y.agents.txt:2: an agent code is [~CODE] or [CODE~], not [GOV]"
        );
        assert!(raw.dict_actors.is_empty() && raw.dict_agents.is_empty());
    }

    #[test]
    fn bad_dates_drop_one_code_with_a_warning() {
        let mut raw = Raw::default();
        read_actors(&mut raw, "a", "A_\n\t[ARMUNR 9008223-911221]\n\t[ARM]\n").unwrap();
        assert_eq!(raw.dict_actors[0].codes.len(), 1);
        assert_eq!(
            raw.warnings,
            vec!["a:2: [ARMUNR 9008223-911221]: a date has 6 or 8 digits; this code is left out"]
        );
    }

    #[test]
    fn agents_with_plurals_prefixes_and_substitutions() {
        let text = "!PERSON! = MAN, MEN\nCHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\nPOLICE {} [~COP]\nFARMER [~AGR]\nTRUCE_MONITOR [IGO~]\nFISHER!PERSON! [~AGR]\n";
        let mut raw = Raw::default();
        read_agents(&mut raw, "g", text).unwrap();
        let got: Vec<_> = raw
            .dict_agents
            .iter()
            .map(|a| (a.phrase.as_str(), a.code.as_str(), a.prefix))
            .collect();
        assert_eq!(
            got,
            vec![
                ("CHAMBER_OF_COMMERCE", "BUS", false),
                ("CHAMBERS_OF_COMMERCE", "BUS", false),
                ("POLICE", "COP", false),
                ("FARMER", "AGR", false),
                ("FARMERS_", "AGR", false),
                ("TRUCE_MONITOR", "IGO", true),
                ("TRUCE_MONITORS_", "IGO", true),
                ("FISHERMAN", "AGR", false),
                ("FISHERMEN", "AGR", false),
            ]
        );
    }
}
