//! The event ontology: every CAMEO event code with its name, root, quad class, Goldstein value
//! and PLOVER event type, mode and contexts, read from dyad's own tables
//! (`crates/code/data/cameo.tsv` and `plover.tsv`, described in `docs/ontology.md`).

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use crate::record::Plover;
use crate::triggers::DictError;

const DEFAULT_CAMEO: &str = include_str!("../data/cameo.tsv");
const DEFAULT_PLOVER: &str = include_str!("../data/plover.tsv");

/// One CAMEO event code and everything the event record needs about it.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    /// `"043"`, `"1123"`; a two-digit code (`"04"`) is the root category itself.
    pub code: String,
    /// dyad's short name for it ("host a visitor").
    pub name: String,
    /// The two-digit root, `"04"`.
    pub root: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein conflict-cooperation value, −10 … +10.
    pub goldstein: f64,
    /// The PLOVER event type, mode and contexts this code maps to.
    pub plover: Plover,
}

/// A PLOVER event type with its modes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PloverEvent {
    /// In capitals: `"CONSULT"`.
    pub name: String,
    pub description: String,
    pub modes: Vec<PloverTerm>,
}

/// A PLOVER mode or context: its name and a one-line description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PloverTerm {
    pub name: String,
    pub description: String,
}

/// Why the tables could not be loaded.
#[derive(Debug)]
pub enum OntologyError {
    /// A file could not be read.
    Io { file: String, error: std::io::Error },
    /// A file is not UTF-8 or has a bad line.
    Line(DictError),
}

impl fmt::Display for OntologyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OntologyError::Io { file, error } => write!(f, "{file}: {error}"),
            OntologyError::Line(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for OntologyError {}

impl From<DictError> for OntologyError {
    fn from(e: DictError) -> Self {
        OntologyError::Line(e)
    }
}

/// All CAMEO codes and PLOVER types, in table order.
#[derive(Clone, Debug)]
pub struct Ontology {
    codes: Vec<CameoCode>,
    by_code: HashMap<String, usize>,
    events: Vec<PloverEvent>,
    contexts: Vec<PloverTerm>,
}

impl Ontology {
    /// The tables built into dyad. They are checked by the crate's tests, so this cannot fail
    /// for a released build.
    pub fn load_default() -> Ontology {
        Ontology::parse("cameo.tsv", DEFAULT_CAMEO, "plover.tsv", DEFAULT_PLOVER)
            .unwrap_or_else(|e| panic!("the built-in ontology tables are broken: {e}"))
    }

    /// Reads `cameo.tsv` and `plover.tsv` from a directory (a user's edited copy of the tables).
    pub fn from_dir(dir: &Path) -> Result<Ontology, OntologyError> {
        let cameo = dir.join("cameo.tsv");
        let plover = dir.join("plover.tsv");
        let cameo_text = read_utf8(&cameo)?;
        let plover_text = read_utf8(&plover)?;
        Ontology::parse(
            &cameo.display().to_string(),
            &cameo_text,
            &plover.display().to_string(),
            &plover_text,
        )
    }

    /// Reads both tables from text; `*_file` names them in errors. Either everything is good
    /// or the first bad line is reported.
    pub fn parse(
        cameo_file: &str,
        cameo_text: &str,
        plover_file: &str,
        plover_text: &str,
    ) -> Result<Ontology, OntologyError> {
        let (events, contexts) = parse_plover(plover_file, plover_text)?;
        let codes = parse_cameo(cameo_file, cameo_text, &events, &contexts)?;
        let by_code = codes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.clone(), i))
            .collect();
        Ok(Ontology {
            codes,
            by_code,
            events,
            contexts,
        })
    }

    /// The entry for a CAMEO code (`"043"`), if the table has it.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.by_code.get(code).map(|&i| &self.codes[i])
    }

    /// Every code, in table order (roots before their children).
    pub fn codes(&self) -> impl Iterator<Item = &CameoCode> {
        self.codes.iter()
    }

    /// How many CAMEO codes there are, the two-digit roots included.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// The PLOVER event types, `STATEMENT` (dyad's extension) first.
    pub fn plover_events(&self) -> &[PloverEvent] {
        &self.events
    }

    pub fn plover_event(&self, name: &str) -> Option<&PloverEvent> {
        self.events.iter().find(|e| e.name == name)
    }

    /// The PLOVER contexts, usable with any event type.
    pub fn contexts(&self) -> &[PloverTerm] {
        &self.contexts
    }
}

fn read_utf8(path: &Path) -> Result<String, OntologyError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| OntologyError::Io {
        file: file.clone(),
        error,
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        OntologyError::Line(DictError {
            file,
            line,
            message: "not valid UTF-8".into(),
        })
    })
}

/// The non-comment lines of a table, numbered from 1, split on tabs.
fn table_lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').map(str::trim).collect()))
        }
    })
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'-')
}

type PloverTables = (Vec<PloverEvent>, Vec<PloverTerm>);

fn parse_plover(file: &str, text: &str) -> Result<PloverTables, DictError> {
    let mut events: Vec<PloverEvent> = Vec::new();
    let mut contexts: Vec<PloverTerm> = Vec::new();
    for (line, fields) in table_lines(text) {
        let err = |message: String| DictError {
            file: file.to_string(),
            line,
            message,
        };
        let [kind, name, event, description] = fields[..] else {
            return Err(err(format!(
                "expected 4 tab-separated fields (kind, name, event, description), found {}",
                fields.len()
            )));
        };
        if description.is_empty() {
            return Err(err(format!("`{name}` has no description")));
        }
        let term = PloverTerm {
            name: name.to_string(),
            description: description.to_string(),
        };
        match kind {
            "event" => {
                if name.is_empty() || !name.bytes().all(|b| b.is_ascii_uppercase()) {
                    return Err(err(format!(
                        "an event type is a word in capitals, not `{name}`"
                    )));
                }
                if event != "-" {
                    return Err(err("an event line has `-` in its third field".into()));
                }
                if events.iter().any(|e| e.name == name) {
                    return Err(err(format!("event type {name} is listed twice")));
                }
                events.push(PloverEvent {
                    name: term.name,
                    description: term.description,
                    modes: Vec::new(),
                });
            }
            "mode" => {
                if !is_name(name) {
                    return Err(err(format!("a mode is a lower-case name, not `{name}`")));
                }
                let Some(owner) = events.iter_mut().find(|e| e.name == event) else {
                    return Err(err(format!(
                        "mode `{name}` belongs to `{event}`, which is not an event type listed above it"
                    )));
                };
                if owner.modes.iter().any(|m| m.name == name) {
                    return Err(err(format!("mode `{name}` of {event} is listed twice")));
                }
                owner.modes.push(term);
            }
            "context" => {
                if !is_name(name) {
                    return Err(err(format!("a context is a lower-case name, not `{name}`")));
                }
                if event != "-" {
                    return Err(err("a context line has `-` in its third field".into()));
                }
                if contexts.iter().any(|c| c.name == name) {
                    return Err(err(format!("context `{name}` is listed twice")));
                }
                contexts.push(term);
            }
            other => {
                return Err(err(format!(
                    "the kind is `event`, `mode` or `context`, not `{other}`"
                )))
            }
        }
    }
    if events.is_empty() {
        return Err(DictError {
            file: file.to_string(),
            line: 0,
            message: "no PLOVER event types".into(),
        });
    }
    Ok((events, contexts))
}

fn parse_cameo(
    file: &str,
    text: &str,
    events: &[PloverEvent],
    contexts: &[PloverTerm],
) -> Result<Vec<CameoCode>, DictError> {
    let mut codes: Vec<CameoCode> = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (line, fields) in table_lines(text) {
        let err = |message: String| DictError {
            file: file.to_string(),
            line,
            message,
        };
        let [code, name, root, quad, goldstein, event, mode, context] = fields[..] else {
            return Err(err(format!(
                "expected 8 tab-separated fields (code, name, root, quad_class, goldstein, \
                 plover_event, plover_mode, plover_context), found {}",
                fields.len()
            )));
        };
        if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err(format!("`{code}` is not a CAMEO event code")));
        }
        if let Some(first) = seen.insert(code.to_string(), line) {
            return Err(err(format!("code {code} is already on line {first}")));
        }
        if name.is_empty() {
            return Err(err(format!("code {code} has no name")));
        }
        let root_number: u8 = root.parse().unwrap_or(0);
        if root.len() != 2 || !(1..=20).contains(&root_number) || !code.starts_with(root) {
            return Err(err(format!(
                "root `{root}` is not the first two digits of {code} (01 to 20)"
            )));
        }
        let quad_class = match quad {
            "1" | "2" | "3" | "4" => quad.parse::<u8>().unwrap_or(0),
            _ => return Err(err(format!("quad class must be 1 to 4, not `{quad}`"))),
        };
        let goldstein = match goldstein.parse::<f64>() {
            Ok(g) if (-10.0..=10.0).contains(&g) => g,
            _ => {
                return Err(err(format!(
                    "Goldstein value must be a number from -10 to 10, not `{goldstein}`"
                )))
            }
        };
        let Some(plover_event) = events.iter().find(|e| e.name == event) else {
            return Err(err(format!("`{event}` is not a PLOVER event type")));
        };
        let mode = match mode {
            "-" => None,
            m if plover_event.modes.iter().any(|x| x.name == m) => Some(m.to_string()),
            m => return Err(err(format!("`{m}` is not a mode of {event}"))),
        };
        let context = match context {
            "-" => Vec::new(),
            list => {
                let mut out = Vec::new();
                for c in list.split(',').map(str::trim) {
                    if !contexts.iter().any(|x| x.name == c) {
                        return Err(err(format!("`{c}` is not a PLOVER context")));
                    }
                    out.push(c.to_string());
                }
                out
            }
        };
        codes.push(CameoCode {
            code: code.to_string(),
            name: name.to_string(),
            root: root.to_string(),
            quad_class,
            goldstein,
            plover: Plover {
                event: event.to_string(),
                mode,
                context,
            },
        });
        lines.push(line);
    }
    // A three- or four-digit code refines the code one digit shorter, which must be there.
    for (c, &line) in codes.iter().zip(&lines) {
        if c.code.len() > 2 && !seen.contains_key(&c.code[..c.code.len() - 1]) {
            return Err(DictError {
                file: file.to_string(),
                line,
                message: format!(
                    "code {} has no parent code {}",
                    c.code,
                    &c.code[..c.code.len() - 1]
                ),
            });
        }
    }
    if codes.is_empty() {
        return Err(DictError {
            file: file.to_string(),
            line: 0,
            message: "no CAMEO codes".into(),
        });
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLOVER: &str = "event\tCONSULT\t-\tmeets\nmode\tphone\tCONSULT\tby phone\n\
                          context\tdiplomatic\t-\tdiplomacy\n";

    #[test]
    fn reads_a_small_table() {
        let cameo = "# comment\n04\tconsult\t04\t1\t1\tCONSULT\t-\t-\n\
                     041\tcall\t04\t1\t1.5\tCONSULT\tphone\tdiplomatic\n";
        let o = Ontology::parse("c.tsv", cameo, "p.tsv", PLOVER).unwrap();
        assert_eq!(o.len(), 2);
        let c = o.get("041").unwrap();
        assert_eq!(c.goldstein, 1.5);
        assert_eq!(c.plover.mode.as_deref(), Some("phone"));
        assert_eq!(c.plover.context, vec!["diplomatic".to_string()]);
        assert!(o.get("042").is_none());
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        for (cameo, line) in [
            ("04\tconsult\t04\t1\t1\tCONSULT\t-\n", 1),
            (
                "04\tconsult\t04\t1\t1\tCONSULT\t-\t-\n04x\tc\t04\t1\t1\tCONSULT\t-\t-\n",
                2,
            ),
            ("04\tconsult\t05\t1\t1\tCONSULT\t-\t-\n", 1),
            ("04\tconsult\t04\t5\t1\tCONSULT\t-\t-\n", 1),
            ("04\tconsult\t04\t1\t11\tCONSULT\t-\t-\n", 1),
            ("04\tconsult\t04\t1\tone\tCONSULT\t-\t-\n", 1),
            ("04\tconsult\t04\t1\t1\tMEET\t-\t-\n", 1),
            ("04\tconsult\t04\t1\t1\tCONSULT\tvisit\t-\n", 1),
            ("04\tconsult\t04\t1\t1\tCONSULT\t-\tdiplomatic,war\n", 1),
            (
                "04\tconsult\t04\t1\t1\tCONSULT\t-\t-\n04\tc\t04\t1\t1\tCONSULT\t-\t-\n",
                2,
            ),
            (
                "04\tconsult\t04\t1\t1\tCONSULT\t-\t-\n\n0411\tc\t04\t1\t1\tCONSULT\t-\t-\n",
                3,
            ),
        ] {
            let e = Ontology::parse("c.tsv", cameo, "p.tsv", PLOVER).unwrap_err();
            let OntologyError::Line(e) = e else {
                panic!("{cameo:?}: {e}")
            };
            assert_eq!((e.file.as_str(), e.line), ("c.tsv", line), "{cameo:?}: {e}");
        }
        for (plover, line) in [
            ("event\tconsult\t-\tmeets\n", 1),
            ("event\tCONSULT\t-\tmeets\nmode\tphone\tAID\tby phone\n", 2),
            ("event\tCONSULT\t-\tmeets\ncontext\tdiplomatic\n", 2),
            ("event\tCONSULT\t-\tmeets\nkind\tx\t-\ty\n", 2),
        ] {
            let e = Ontology::parse("c.tsv", "", "p.tsv", plover).unwrap_err();
            let OntologyError::Line(e) = e else {
                panic!("{plover:?}: {e}")
            };
            assert_eq!(
                (e.file.as_str(), e.line),
                ("p.tsv", line),
                "{plover:?}: {e}"
            );
        }
    }
}
