//! A reader for the PETRARCH-2 verb dictionary format (`CAMEO.2.0.txt` and dictionaries like
//! it), so users who already have one can bring it. dyad never bundles such a file; its own
//! dictionary is `data/triggers.txt`. The format, as this reader understands it:
//!
//! - `#` starts a comment anywhere; `;` starts one on a verb line (older TABARI habit).
//! - Synonym sets: a line `&NAME`, then one `+WORD` line per member, until the next set or
//!   the first verb block. Patterns refer to them as `&NAME`.
//! - Verb blocks: a header `--- NAME [CODE] ---`, then verb lines (`WORD`, optionally with
//!   irregular forms `{FORMS ...}` and a code `[CODE]`; `+WORD_PARTICLE` for multi-word verbs),
//!   then pattern lines `- TOKENS [CODE]`. Forms in braces are separated by spaces or commas.
//! - Pattern tokens: `*` the verb, `$` the source, `+` the target, `^` a skipped noun phrase,
//!   `%` a compound actor, `&NAME` a synonym set, `{...}` a multi-word phrase, `(...)` a
//!   prepositional phrase, anything else a word (`TO/FOR` lists alternatives). `_` joins the
//!   parts of a compound; one that takes in the verb or a set (`SPY_*_DEAL`,
//!   `FIGHTER_&AIRCRAFT`) is read as a phrase, and `*SCEPTICAL` as `* SCEPTICAL`.
//! - Codes: `[020]`; `[042:043]` a code and the code of the reciprocal event (target to
//!   source); `[:173]` only the reciprocal one; `[---]` no event; a trailing `!` is kept as a
//!   mark.
//! - Transformations: lines starting with `~` (`~ a (b . ATTACK) SAY = a b 112`), kept as
//!   written.

use std::path::Path;

use crate::ontology::{read_utf8, LoadError};
use crate::triggers::DictError;

/// The event code(s) of a verb, block or pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PetrarchCode {
    /// The code of the event from source to target (`"042"` in `[042:043]`).
    pub code: Option<String>,
    /// The code of the reciprocal event from target to source (`"043"` in `[042:043]`).
    pub reciprocal: Option<String>,
    /// The code was followed by `!`.
    pub marked: bool,
}

/// One token of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternToken {
    /// `*`: where the verb stands.
    Verb,
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `^`: a noun phrase skipped over.
    Skip,
    /// `%`: a compound actor.
    Compound,
    /// A word, or alternatives written `TO/FOR`, upper case as in the file (`_` joins the parts
    /// of a multi-word token).
    Word(Vec<String>),
    /// `&NAME`: any member of a synonym set (the name without `&`).
    Synset(String),
    /// `{...}`: words that must appear together.
    Phrase(Vec<PatternToken>),
    /// `(...)`: a prepositional phrase, the preposition first.
    Group(Vec<PatternToken>),
}

/// A synonym set: `&CEASEFIRE` and its `+` members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Synset {
    pub name: String,
    pub members: Vec<String>,
    pub line: usize,
}

/// A verb of a block: `HURRY {HURRIES HURRYING HURRIED}`, `+ASK_FOR [020]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbForm {
    /// As written, without the leading `+` of a multi-word verb (`ASK_FOR`).
    pub word: String,
    /// Irregular forms listed in braces, without `+`.
    pub forms: Vec<String>,
    /// The verb's own code, if it has one (else the block's applies).
    pub code: Option<PetrarchCode>,
    pub line: usize,
}

/// A pattern line of a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbPattern {
    pub tokens: Vec<PatternToken>,
    /// `None` for `[---]`: the pattern matches but yields no event.
    pub code: Option<PetrarchCode>,
    /// The pattern as written, without `-`, code and comment.
    pub text: String,
    pub line: usize,
}

/// `--- NAME [CODE] ---` with its verbs and patterns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbBlock {
    pub name: String,
    pub code: Option<PetrarchCode>,
    pub verbs: Vec<VerbForm>,
    pub patterns: Vec<VerbPattern>,
    pub line: usize,
}

/// A `~` transformation line, split at `=`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transformation {
    pub from: String,
    pub to: String,
    pub line: usize,
}

/// One thing a coder can match: a verb on its own, or a pattern of a verb block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PetrarchEntry {
    /// The verb: the verb form itself, or for a pattern the block's name.
    pub verb: String,
    /// The pattern's tokens; empty for a verb on its own.
    pub pattern: Vec<PatternToken>,
    /// `None` when the entry yields no event (`[---]`).
    pub code: Option<PetrarchCode>,
    /// Where it came from: `CAMEO.2.0.txt:914`.
    pub origin: String,
}

/// A whole PETRARCH-2 verb dictionary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PetrarchDictionary {
    /// The file name used in origins and errors.
    pub file: String,
    pub synsets: Vec<Synset>,
    pub blocks: Vec<VerbBlock>,
    pub transformations: Vec<Transformation>,
    /// Pattern lines left out by a lenient load, with why.
    pub skipped: Vec<DictError>,
}

impl PetrarchDictionary {
    /// Reads a dictionary file. Any malformed line fails the whole load, naming file and line.
    pub fn from_path(path: &Path) -> Result<PetrarchDictionary, LoadError> {
        let text = read_utf8(path)?;
        Ok(PetrarchDictionary::parse(
            &path.display().to_string(),
            &text,
        )?)
    }

    /// Like [`PetrarchDictionary::from_path`], but a pattern line that cannot be read is left
    /// out and listed in `skipped` instead of failing the load (real dictionaries have a few
    /// such lines). Other malformed lines still fail it.
    pub fn from_path_lenient(path: &Path) -> Result<PetrarchDictionary, LoadError> {
        let text = read_utf8(path)?;
        Ok(PetrarchDictionary::parse_lenient(
            &path.display().to_string(),
            &text,
        )?)
    }

    /// Reads a dictionary from text; `file` names it in errors and origins.
    pub fn parse(file: &str, text: &str) -> Result<PetrarchDictionary, DictError> {
        PetrarchDictionary::read(file, text, false)
    }

    /// Reads a dictionary from text, skipping unreadable pattern lines (see
    /// [`PetrarchDictionary::from_path_lenient`]).
    pub fn parse_lenient(file: &str, text: &str) -> Result<PetrarchDictionary, DictError> {
        PetrarchDictionary::read(file, text, true)
    }

    fn read(file: &str, text: &str, lenient: bool) -> Result<PetrarchDictionary, DictError> {
        let mut dict = PetrarchDictionary {
            file: file.to_string(),
            ..Default::default()
        };
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let err = |message: String| DictError {
                file: file.to_string(),
                line,
                message,
            };
            let content = raw.split('#').next().unwrap_or("").trim();
            if content.is_empty() {
                continue;
            }
            if let Some(rest) = content.strip_prefix('~') {
                let Some((from, to)) = rest.split_once('=') else {
                    return Err(err("a transformation needs `=`".into()));
                };
                dict.transformations.push(Transformation {
                    from: from.trim().to_string(),
                    to: to.trim().to_string(),
                    line,
                });
            } else if content.starts_with("---") {
                dict.blocks.push(parse_header(content, line).map_err(err)?);
            } else if let Some(rest) = content.strip_prefix('-') {
                let Some(block) = dict.blocks.last_mut() else {
                    return Err(err("a pattern before any `--- VERB ---` block".into()));
                };
                match parse_pattern(rest, line) {
                    Ok(pattern) => block.patterns.push(pattern),
                    Err(message) if lenient => dict.skipped.push(err(message)),
                    Err(message) => return Err(err(message)),
                }
            } else if let Some(name) = content.strip_prefix('&') {
                if !dict.blocks.is_empty() {
                    return Err(err("a synonym set after the verb blocks".into()));
                }
                if !is_word(name) {
                    return Err(err(format!("`&{name}` is not a synonym set name")));
                }
                dict.synsets.push(Synset {
                    name: name.to_string(),
                    members: Vec::new(),
                    line,
                });
            } else if dict.blocks.is_empty() {
                let Some(member) = content.strip_prefix('+') else {
                    return Err(err(format!(
                        "`{content}` is neither a synonym set member (`+WORD`) nor in a verb block"
                    )));
                };
                let Some(set) = dict.synsets.last_mut() else {
                    return Err(err("a `+` member before any `&SET`".into()));
                };
                let member = member.trim();
                if !is_word(member) {
                    return Err(err(format!("`+{member}` is not a single word")));
                }
                set.members.push(member.to_string());
            } else {
                let verb = parse_verb(content, line).map_err(err)?;
                if let Some(block) = dict.blocks.last_mut() {
                    block.verbs.push(verb);
                }
            }
        }
        Ok(dict)
    }

    /// Every verb and every pattern as a flat list, in file order.
    pub fn entries(&self) -> Vec<PetrarchEntry> {
        let origin = |line: usize| format!("{}:{line}", self.file);
        let mut out = Vec::new();
        for block in &self.blocks {
            for verb in &block.verbs {
                out.push(PetrarchEntry {
                    verb: verb.word.clone(),
                    pattern: Vec::new(),
                    code: verb.code.clone().or_else(|| block.code.clone()),
                    origin: origin(verb.line),
                });
            }
            for pattern in &block.patterns {
                out.push(PetrarchEntry {
                    verb: block.name.clone(),
                    pattern: pattern.tokens.clone(),
                    code: pattern.code.clone(),
                    origin: origin(pattern.line),
                });
            }
        }
        out
    }

    pub fn synset(&self, name: &str) -> Option<&Synset> {
        self.synsets.iter().find(|s| s.name == name)
    }

    /// Synonym sets that patterns name but the file never defines, with the line of each use.
    pub fn undefined_synsets(&self) -> Vec<(String, usize)> {
        fn walk(tokens: &[PatternToken], line: usize, out: &mut Vec<(String, usize)>) {
            for t in tokens {
                match t {
                    PatternToken::Synset(name) => out.push((name.clone(), line)),
                    PatternToken::Phrase(inner) | PatternToken::Group(inner) => {
                        walk(inner, line, out)
                    }
                    _ => {}
                }
            }
        }
        let mut used = Vec::new();
        for p in self.blocks.iter().flat_map(|b| &b.patterns) {
            walk(&p.tokens, p.line, &mut used);
        }
        used.retain(|(name, _)| self.synset(name).is_none());
        used
    }
}

/// A pattern line after its `-`.
fn parse_pattern(rest: &str, line: usize) -> Result<VerbPattern, String> {
    let (text, code) = split_code(rest)?;
    let code = code.ok_or("a pattern needs a code: `[CODE]`")?;
    let tokens = parse_tokens(text)?;
    let verbs = verb_count(&tokens);
    if verbs != 1 {
        return Err(format!(
            "a pattern has one `*` for the verb, this one has {verbs}"
        ));
    }
    Ok(VerbPattern {
        tokens,
        code,
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        line,
    })
}

fn is_word(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "_-'./".contains(c))
}

/// `--- NAME [CODE] ---` (some files glue dashes to the code: `[110]---  ---`).
fn parse_header(content: &str, line: usize) -> Result<VerbBlock, String> {
    let bad = || format!("a block header is `--- VERB [CODE] ---`, not `{content}`");
    let inner = content.trim_start_matches('-').trim_end_matches('-').trim();
    let Some((name, rest)) = inner.split_once(char::is_whitespace) else {
        return Err(bad());
    };
    let (before, code) = split_code(rest)?;
    if !before.trim().is_empty() || !is_word(name) {
        return Err(bad());
    }
    let Some(code) = code else {
        return Err(bad());
    };
    Ok(VerbBlock {
        name: name.to_string(),
        code,
        verbs: Vec::new(),
        patterns: Vec::new(),
        line,
    })
}

/// A verb line: `WORD`, `WORD {FORMS} [CODE]`, `+WORD_PARTICLE {+FORMS}`.
fn parse_verb(content: &str, line: usize) -> Result<VerbForm, String> {
    let content = content.split(';').next().unwrap_or("").trim();
    let (rest, code) = split_code(content)?;
    let (word, forms) = match rest.split_once('{') {
        Some((word, forms)) => {
            let Some(forms) = forms.trim_end().strip_suffix('}') else {
                return Err(format!("unclosed `{{` in verb line `{content}`"));
            };
            (word.trim(), forms)
        }
        None => (rest.trim(), ""),
    };
    let word = word.strip_prefix('+').unwrap_or(word);
    if !is_word(word) {
        return Err(format!("`{word}` is not a verb"));
    }
    let mut list = Vec::new();
    // Forms are separated by spaces, in a few files by commas too.
    for form in forms
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|f| !f.is_empty())
    {
        let form = form.strip_prefix('+').unwrap_or(form);
        if !is_word(form) {
            return Err(format!("`{form}` is not a verb form"));
        }
        list.push(form.to_string());
    }
    Ok(VerbForm {
        word: word.to_string(),
        forms: list,
        code: code.flatten(),
        line,
    })
}

/// Splits a trailing `[CODE]` off. `Ok((text, None))` when there is none,
/// `Ok((text, Some(None)))` for `[---]`.
#[allow(clippy::type_complexity)]
fn split_code(s: &str) -> Result<(&str, Option<Option<PetrarchCode>>), String> {
    let s = s.trim_end();
    let Some(open) = s.rfind('[') else {
        if s.contains(']') {
            return Err("`]` without `[`".into());
        }
        return Ok((s, None));
    };
    let Some(close) = s[open..].find(']').map(|c| open + c) else {
        return Err("`[` without `]`".into());
    };
    let after = s[close + 1..].trim();
    if !after.is_empty() && !after.chars().all(|c| c == '-') {
        return Err(format!("unexpected `{after}` after the code"));
    }
    let inside = s[open + 1..close].trim();
    Ok((&s[..open], Some(parse_code(inside)?)))
}

fn parse_code(inside: &str) -> Result<Option<PetrarchCode>, String> {
    if inside == "---" {
        return Ok(None);
    }
    let (body, marked) = match inside.strip_suffix('!') {
        Some(b) => (b, true),
        None => (inside, false),
    };
    let one = |c: &str| -> Result<Option<String>, String> {
        if c.is_empty() {
            Ok(None)
        } else if (2..=4).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Some(c.to_string()))
        } else {
            Err(format!("`{inside}` is not a CAMEO code"))
        }
    };
    let (code, reciprocal) = match body.split_once(':') {
        Some((a, b)) => (one(a)?, one(b)?),
        None => (one(body)?, None),
    };
    if code.is_none() && reciprocal.is_none() {
        return Err(format!("`[{inside}]` has no code"));
    }
    Ok(Some(PetrarchCode {
        code,
        reciprocal,
        marked,
    }))
}

fn simple_token(t: &str) -> Result<PatternToken, String> {
    Ok(match t {
        "*" => PatternToken::Verb,
        "$" => PatternToken::Source,
        "+" => PatternToken::Target,
        "^" => PatternToken::Skip,
        "%" => PatternToken::Compound,
        t if t.starts_with('&') && is_word(&t[1..]) => PatternToken::Synset(t[1..].to_string()),
        t if t.split('/').all(is_word) => {
            PatternToken::Word(t.split('/').map(str::to_string).collect())
        }
        t => return Err(format!("cannot read `{t}` in a pattern")),
    })
}

/// How many `*` a pattern has, inside phrases and groups too.
fn verb_count(tokens: &[PatternToken]) -> usize {
    tokens
        .iter()
        .map(|t| match t {
            PatternToken::Verb => 1,
            PatternToken::Phrase(inner) | PatternToken::Group(inner) => verb_count(inner),
            _ => 0,
        })
        .sum()
}

/// Tokens of a pattern, with `{...}` and `(...)` nested.
fn parse_tokens(text: &str) -> Result<Vec<PatternToken>, String> {
    // Put spaces around brackets so that every bracket is a token of its own.
    let spaced = text
        .replace('(', " ( ")
        .replace(')', " ) ")
        .replace('{', " { ")
        .replace('}', " } ");
    let mut stack: Vec<(char, Vec<PatternToken>)> = vec![(' ', Vec::new())];
    for tok in spaced.split_whitespace() {
        match tok {
            "(" | "{" => stack.push((tok.chars().next().unwrap_or('('), Vec::new())),
            ")" | "}" => {
                let want = if tok == ")" { '(' } else { '{' };
                match stack.pop() {
                    Some((open, inner)) if open == want && !stack.is_empty() => {
                        let group = if open == '(' {
                            PatternToken::Group(inner)
                        } else {
                            PatternToken::Phrase(inner)
                        };
                        if let Some(top) = stack.last_mut() {
                            top.1.push(group);
                        }
                    }
                    _ => return Err(format!("unbalanced `{tok}` in `{}`", text.trim())),
                }
            }
            _ => {
                let mut tokens = Vec::new();
                if !tok.starts_with('&')
                    && (tok.contains('*') || tok.contains('&'))
                    && tok.contains('_')
                {
                    // A compound that takes in the verb or a set: `SPY_*_DEAL`.
                    let mut parts = Vec::new();
                    for part in tok.split('_') {
                        parts.push(simple_token(part)?);
                    }
                    tokens.push(PatternToken::Phrase(parts));
                } else if let Some(rest) = tok.strip_prefix('*').filter(|r| !r.is_empty()) {
                    // The verb glued to the next word: `*SCEPTICAL`.
                    tokens.push(PatternToken::Verb);
                    tokens.push(simple_token(rest)?);
                } else {
                    tokens.push(simple_token(tok)?);
                }
                if let Some(top) = stack.last_mut() {
                    top.1.extend(tokens);
                }
            }
        }
    }
    match stack.pop() {
        Some((' ', tokens)) if stack.is_empty() => Ok(tokens),
        _ => Err(format!("unclosed bracket in `{}`", text.trim())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PatternToken::*;

    const SMALL: &str = "# a comment\n&CEASEFIRE\n+TRUCE\n+CEASE-FIRE\n\n\
        --- VISIT [042:043] ---\nVISIT\n+PAY_VISIT {+PAID_VISIT} [042]\n\
        - * (TO +) [042:043] # note\n- $ * &CEASEFIRE {PEACE TALKS} [---]\n\
        --- DELAY [120]---  ---\nDELAY {DELAYS};shan\n- * DOWN (FROM) [080!]\n\
        ~ a (b . ATTACK) SAY = a b 112\n";

    #[test]
    fn reads_each_kind_of_line() {
        let d = PetrarchDictionary::parse("v.txt", SMALL).unwrap();
        assert_eq!(d.synsets.len(), 1);
        assert_eq!(d.synsets[0].members, ["TRUCE", "CEASE-FIRE"]);
        assert_eq!(d.blocks.len(), 2);
        let visit = &d.blocks[0];
        assert_eq!(visit.name, "VISIT");
        assert_eq!(
            visit.code,
            Some(PetrarchCode {
                code: Some("042".into()),
                reciprocal: Some("043".into()),
                marked: false
            })
        );
        assert_eq!(visit.verbs[1].word, "PAY_VISIT");
        assert_eq!(visit.verbs[1].forms, ["PAID_VISIT"]);
        assert_eq!(
            visit.patterns[0].tokens,
            [Verb, Group(vec![Word(vec!["TO".into()]), Target])]
        );
        assert_eq!(
            visit.patterns[1].tokens,
            [
                Source,
                Verb,
                Synset("CEASEFIRE".into()),
                Phrase(vec![Word(vec!["PEACE".into()]), Word(vec!["TALKS".into()])])
            ]
        );
        assert_eq!(visit.patterns[1].code, None);
        let delay = &d.blocks[1];
        assert_eq!(delay.verbs[0].forms, ["DELAYS"]);
        assert!(delay.patterns[0].code.as_ref().unwrap().marked);
        assert_eq!(d.transformations[0].to, "a b 112");
        let entries = d.entries();
        assert_eq!(entries.len(), 6);
        assert_eq!(entries[2].verb, "VISIT");
        assert_eq!(entries[2].origin, "v.txt:9");
        // A verb without its own code takes the block's.
        assert_eq!(entries[0].code, visit.code);
        assert!(d.undefined_synsets().is_empty());
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        for (text, line) in [
            ("- * TALKS [040]\n", 1),
            ("--- MEET [040] ---\n- * TALKS\n", 2),
            ("--- MEET [040] ---\n- * (WITH + [040]\n", 2),
            ("--- MEET [040] ---\n- * WITH) [040]\n", 2),
            ("--- MEET [040] ---\n- * {WITH [040]\n", 2),
            ("--- MEET [040] ---\n- TALKS [040]\n", 2),
            ("--- MEET [040] ---\n- * * [040]\n", 2),
            ("--- MEET [04x] ---\n", 1),
            ("--- MEET [040 ---\n", 1),
            ("--- MEET ---\n", 1),
            ("--- MEET [040] ---\n- * TALKS [040] extra\n", 2),
            ("--- MEET [040] ---\n- * TALKS [:]\n", 2),
            ("--- MEET [040] ---\nMEET {MET\n", 2),
            ("+TRUCE\n", 1),
            ("&SET\nWORD\n", 2),
            ("--- MEET [040] ---\n&SET\n", 2),
            ("--- MEET [040] ---\n~ a b\n", 2),
            ("--- MEET [040] ---\n- * T@LKS [040]\n", 2),
        ] {
            let e = PetrarchDictionary::parse("d.txt", text).unwrap_err();
            assert_eq!((e.file.as_str(), e.line), ("d.txt", line), "{text:?}: {e}");
        }
    }
}
