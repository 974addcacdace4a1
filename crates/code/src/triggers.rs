//! The trigger dictionary: the words that carry an event, read from dyad's own readable
//! format (see `docs/triggers.md`). This module only reads and checks the file; matching
//! patterns against a parse is the coder's job.

use std::fmt;

/// Whether a pattern starts from a verb ("spoke with") or from an event noun ("talks with").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TriggerKind {
    Verb,
    Noun,
}

/// One element of a pattern after its head word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Element {
    /// `$T`: the target. With `case`, an oblique or nominal modifier introduced by that
    /// preposition ("with $T"); without, the direct object (or, for nouns, any modifier).
    Target { case: Option<String> },
    /// `from $S`: the source is an oblique introduced by `case`; the subject becomes the target.
    Source { case: String },
    /// A required dependent, any of these words (form or lemma, lower case): "talks",
    /// "missile|rocket", a particle ("off") or a marker ("of", "to").
    Word(Vec<String>),
    /// `*`: some direct object, whatever it is ("sold * to $T").
    AnyObject,
}

/// One line of the dictionary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// The CAMEO event code it yields, e.g. `"043"`.
    pub code: String,
    pub kind: TriggerKind,
    /// The head word, as a lemma ("speak", "talk").
    pub head: String,
    pub elements: Vec<Element>,
    /// Where it came from, for explanations: `triggers.txt:123`.
    pub origin: String,
    /// The pattern as written.
    pub text: String,
}

impl Pattern {
    /// The rule name an event carries: `"043 V hold talks with $T (triggers.txt:12)"`.
    pub fn rule(&self) -> String {
        let kind = match self.kind {
            TriggerKind::Verb => "V",
            TriggerKind::Noun => "N",
        };
        format!("{} {} {} ({})", self.code, kind, self.text, self.origin)
    }
}

/// A malformed dictionary line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for DictError {}

/// Reads a whole dictionary. Either every line is good and all patterns come back, or the
/// first bad line is reported and nothing is returned (no half-loaded dictionary).
pub fn parse_triggers(file: &str, text: &str) -> Result<Vec<Pattern>, DictError> {
    let mut patterns = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let err = |message: String| DictError {
            file: file.to_string(),
            line: line_no,
            message,
        };
        let mut fields = line.split('\t').map(str::trim).filter(|f| !f.is_empty());
        let (Some(code), Some(kind), Some(pattern)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(err(
                "expected three tab-separated fields: CODE, V or N, PATTERN".into(),
            ));
        };
        if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err(format!("`{code}` is not a CAMEO event code")));
        }
        let kind = match kind {
            "V" => TriggerKind::Verb,
            "N" => TriggerKind::Noun,
            other => return Err(err(format!("kind must be V or N, not `{other}`"))),
        };
        let words: Vec<&str> = pattern.split_whitespace().collect();
        let head = words[0];
        if head.starts_with('$') || head == "*" || head.contains('|') {
            return Err(err("a pattern starts with its head word".into()));
        }
        let mut elements = Vec::new();
        let mut j = 1;
        while j < words.len() {
            let w = words[j];
            let next = words.get(j + 1).copied();
            match (w, next) {
                ("$T", _) => elements.push(Element::Target { case: None }),
                ("$S", _) => {
                    return Err(err("`$S` needs a preposition before it (`from $S`)".into()))
                }
                ("*", _) => elements.push(Element::AnyObject),
                (w, Some("$T")) if is_plain(w) => {
                    elements.push(Element::Target {
                        case: Some(w.to_lowercase()),
                    });
                    j += 1;
                }
                (w, Some("$S")) if is_plain(w) => {
                    elements.push(Element::Source {
                        case: w.to_lowercase(),
                    });
                    j += 1;
                }
                (w, _) if w.split('|').all(is_plain) => {
                    elements.push(Element::Word(w.split('|').map(str::to_lowercase).collect()));
                }
                (w, _) => return Err(err(format!("cannot read `{w}`"))),
            }
            j += 1;
        }
        let targets = elements
            .iter()
            .filter(|e| matches!(e, Element::Target { .. }))
            .count();
        let sources = elements
            .iter()
            .filter(|e| matches!(e, Element::Source { .. }))
            .count();
        if targets > 1 || sources > 1 {
            return Err(err("at most one `$T` and one `$S`".into()));
        }
        patterns.push(Pattern {
            code: code.to_string(),
            kind,
            head: head.to_lowercase(),
            elements,
            origin: format!("{file}:{line_no}"),
            text: words.join(" "),
        });
    }
    Ok(patterns)
}

fn is_plain(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '\'' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_element() {
        let text = "# consult\n043\tV\thold talks with $T\n\n061\tV\tsell * to $T  # sales\n\
                    070\tV\treceive aid|help from $S\n190\tN\tattack on $T\n";
        let p = parse_triggers("t.txt", text).unwrap();
        assert_eq!(p.len(), 4);
        assert_eq!(p[0].head, "hold");
        assert_eq!(
            p[0].elements,
            vec![
                Element::Word(vec!["talks".into()]),
                Element::Target {
                    case: Some("with".into())
                }
            ]
        );
        assert_eq!(p[0].origin, "t.txt:2");
        assert_eq!(
            p[1].elements,
            vec![
                Element::AnyObject,
                Element::Target {
                    case: Some("to".into())
                }
            ]
        );
        assert_eq!(
            p[2].elements,
            vec![
                Element::Word(vec!["aid".into(), "help".into()]),
                Element::Source {
                    case: "from".into()
                }
            ]
        );
        assert_eq!(p[3].kind, TriggerKind::Noun);
        assert_eq!(p[3].rule(), "190 N attack on $T (t.txt:6)");
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        for (text, line) in [
            ("043\tV\n", 1),
            ("040\tV\tmeet $T\nabc\tV\tmeet\n", 2),
            ("040\tX\tmeet\n", 1),
            ("040\tV\t$T meet\n", 1),
            ("040\tV\tmeet $T $T\n", 1),
            ("040\tV\tmeet $S\n", 1),
        ] {
            let e = parse_triggers("d.txt", text).unwrap_err();
            assert_eq!((e.file.as_str(), e.line), ("d.txt", line), "{text:?}: {e}");
        }
    }
}
