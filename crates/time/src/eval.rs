//! TempEval-3 style scoring of [`crate::tag`] on TimeML documents.
//!
//! A document's text is its `<TEXT>` element with the tags stripped and the five XML
//! entities decoded; the gold expressions are the `<TIMEX3>` elements inside it (the DCT's
//! TIMEX3 lies outside `<TEXT>` and is not scored); the document creation date is the
//! value of the TIMEX3 with `functionInDocument="CREATION_TIME"`.
//!
//! Scores: strict span (exact offsets), relaxed span (overlap), and value: a system
//! expression is correct when it overlaps a gold expression with an equal value;
//! precision divides by the system's expressions, recall by the gold ones.

use std::path::Path;

use chrono::NaiveDate;

use crate::{tag, Timex};

/// A gold expression: byte span into [`Doc::text`], type and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gold {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
}

/// A TimeML document read for scoring.
#[derive(Clone, Debug)]
pub struct Doc {
    pub name: String,
    pub dct: Option<NaiveDate>,
    pub text: String,
    pub gold: Vec<Gold>,
}

/// Reads one TimeML document. Errors name the problem; the caller adds the file name.
pub fn read_timeml(name: &str, xml: &str) -> Result<Doc, String> {
    let dct = find_dct(xml);
    let open = xml.find("<TEXT>").ok_or("no <TEXT> element")?;
    let close = xml[open..].find("</TEXT>").ok_or("no </TEXT>")? + open;
    let body = &xml[open + 6..close];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    // (start in text, type, value) of the TIMEX3 elements open.
    let mut open_timex: Vec<(usize, String, String)> = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        push_decoded(&mut text, &rest[..lt]);
        let gt = rest[lt..].find('>').ok_or("unclosed tag")? + lt;
        let tag = &rest[lt + 1..gt];
        if let Some(attrs) = tag.strip_prefix("TIMEX3") {
            let attr = |k: &str| attribute(attrs, k).unwrap_or_default();
            open_timex.push((text.len(), attr("type"), attr("value")));
            if tag.ends_with('/') {
                open_timex.pop();
            }
        } else if tag == "/TIMEX3" {
            let (start, kind, value) = open_timex.pop().ok_or("</TIMEX3> without <TIMEX3>")?;
            // Whitespace at the edges of an annotation is no part of the expression
            // (TempEval-3 compares tokens, which never include it).
            let inner = &text[start..];
            let start = start + (inner.len() - inner.trim_start().len());
            let end = start.max(text.trim_end().len());
            gold.push(Gold {
                start,
                end,
                kind,
                value,
            });
        }
        rest = &rest[gt + 1..];
    }
    push_decoded(&mut text, rest);
    if !open_timex.is_empty() {
        return Err("<TIMEX3> not closed".into());
    }
    Ok(Doc {
        name: name.to_string(),
        dct,
        text,
        gold,
    })
}

fn find_dct(xml: &str) -> Option<NaiveDate> {
    creation_time(xml).or_else(|| {
        // No TIMEX3 marked as the creation time: the first one inside <DCT>.
        let open = xml.find("<DCT>")?;
        let close = xml[open..].find("</DCT>")? + open;
        let inner = &xml[open..close];
        let start = inner.find("<TIMEX3")?;
        let end = inner[start..].find('>')? + start;
        let v = attribute(&inner[start + 7..end], "value")?;
        NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
    })
}

/// The value of the TIMEX3 whose `functionInDocument` is `CREATION_TIME`.
fn creation_time(xml: &str) -> Option<NaiveDate> {
    let mut from = 0;
    while let Some(at) = xml[from..].find("<TIMEX3") {
        let start = from + at;
        let end = xml[start..].find('>')? + start;
        let attrs = &xml[start + 7..end];
        if attribute(attrs, "functionInDocument").as_deref() == Some("CREATION_TIME") {
            let v = attribute(attrs, "value")?;
            return NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok();
        }
        from = end;
    }
    None
}

fn attribute(attrs: &str, key: &str) -> Option<String> {
    let pat = format!(" {key}=\"");
    let at = attrs.find(&pat)? + pat.len();
    let end = attrs[at..].find('"')? + at;
    let mut v = String::new();
    push_decoded(&mut v, &attrs[at..end]);
    Some(v)
}

fn push_decoded(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let (ch, len) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ]
        .iter()
        .find(|(e, _)| tail.starts_with(e))
        .map_or(('&', 1), |(e, c)| (*c, e.len()));
        out.push(ch);
        rest = &tail[len..];
    }
    out.push_str(rest);
}

/// Reads every `.tml` file of a folder, in name order.
pub fn read_dir(dir: &Path) -> Result<Vec<Doc>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    for p in paths {
        let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let xml = String::from_utf8_lossy(&bytes);
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        docs.push(read_timeml(&name, &xml).map_err(|e| format!("{}: {e}", p.display()))?);
    }
    Ok(docs)
}

/// Counts for one set of documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    /// System expressions with a gold one of the very same span.
    pub strict: usize,
    /// System expressions overlapping a gold one, and gold ones overlapping a system one.
    pub relaxed_system: usize,
    pub relaxed_gold: usize,
    /// The same, with equal values.
    pub value_system: usize,
    pub value_gold: usize,
    /// Overlapping pairs with equal types (over system expressions).
    pub type_system: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed_system += o.relaxed_system;
        self.relaxed_gold += o.relaxed_gold;
        self.value_system += o.value_system;
        self.value_gold += o.value_gold;
        self.type_system += o.type_system;
    }
    /// (precision, recall, F1) of exact spans.
    pub fn strict(&self) -> (f64, f64, f64) {
        let (p, r) = (
            ratio(self.strict, self.system),
            ratio(self.strict, self.gold),
        );
        (p, r, f1(p, r))
    }
    pub fn relaxed(&self) -> (f64, f64, f64) {
        let (p, r) = (
            ratio(self.relaxed_system, self.system),
            ratio(self.relaxed_gold, self.gold),
        );
        (p, r, f1(p, r))
    }
    pub fn value(&self) -> (f64, f64, f64) {
        let (p, r) = (
            ratio(self.value_system, self.system),
            ratio(self.value_gold, self.gold),
        );
        (p, r, f1(p, r))
    }
}

/// Scores system expressions against gold ones of the same text.
pub fn score(gold: &[Gold], system: &[Timex]) -> Counts {
    let overlaps = |g: &Gold, s: &Timex| g.start < s.end && s.start < g.end;
    let mut c = Counts {
        gold: gold.len(),
        system: system.len(),
        ..Counts::default()
    };
    for s in system {
        c.strict += usize::from(gold.iter().any(|g| g.start == s.start && g.end == s.end));
        c.relaxed_system += usize::from(gold.iter().any(|g| overlaps(g, s)));
        c.value_system += usize::from(gold.iter().any(|g| overlaps(g, s) && g.value == s.value));
        c.type_system += usize::from(
            gold.iter()
                .any(|g| overlaps(g, s) && g.kind == s.kind.as_str()),
        );
    }
    for g in gold {
        c.relaxed_gold += usize::from(system.iter().any(|s| overlaps(g, s)));
        c.value_gold += usize::from(system.iter().any(|s| overlaps(g, s) && g.value == s.value));
    }
    c
}

/// One disagreement, for error analysis on development data.
#[derive(Clone, Debug)]
pub struct Disagreement {
    pub doc: String,
    pub gold: Option<(String, String, String)>,
    pub system: Option<(String, String, String)>,
}

/// Tags and scores the documents; returns the totals and the disagreements.
pub fn evaluate(docs: &[Doc]) -> (Counts, Vec<Disagreement>) {
    let mut total = Counts::default();
    let mut errors = Vec::new();
    for d in docs {
        let sys = tag(&d.text, d.dct);
        total.add(&score(&d.gold, &sys));
        let overlaps = |g: &Gold, s: &Timex| g.start < s.end && s.start < g.end;
        let show_g = |g: &Gold| {
            (
                d.text[g.start..g.end].to_string(),
                g.kind.clone(),
                g.value.clone(),
            )
        };
        let show_s = |s: &Timex| {
            (
                d.text[s.start..s.end].to_string(),
                s.kind.as_str().to_string(),
                s.value.clone(),
            )
        };
        for g in &d.gold {
            match sys.iter().find(|s| overlaps(g, s)) {
                None => errors.push(Disagreement {
                    doc: d.name.clone(),
                    gold: Some(show_g(g)),
                    system: None,
                }),
                Some(s) if s.start != g.start || s.end != g.end || s.value != g.value => errors
                    .push(Disagreement {
                        doc: d.name.clone(),
                        gold: Some(show_g(g)),
                        system: Some(show_s(s)),
                    }),
                _ => {}
            }
        }
        for s in &sys {
            if !d.gold.iter().any(|g| overlaps(g, s)) {
                errors.push(Disagreement {
                    doc: d.name.clone(),
                    gold: None,
                    system: Some(show_s(s)),
                });
            }
        }
    }
    (total, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Prices fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> &amp; <EVENT eid="e1">rose</EVENT> in <TIMEX3 tid="t2" type="DATE" value="1997-12">December</TIMEX3>.</TEXT></TimeML>"#;

    #[test]
    fn reads_timeml_and_scores() {
        let d = read_timeml("x.tml", DOC).unwrap();
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(d.text, "Prices fell yesterday & rose in December.");
        assert_eq!(d.gold.len(), 2);
        assert_eq!(&d.text[d.gold[1].start..d.gold[1].end], "December");
        let (c, errors) = evaluate(&[d]);
        assert_eq!((c.gold, c.system, c.strict, c.value_gold), (2, 2, 2, 2));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(c.strict().2, 1.0);
    }

    #[test]
    fn partial_credit() {
        let gold = vec![Gold {
            start: 0,
            end: 10,
            kind: "DATE".into(),
            value: "1998".into(),
        }];
        let sys = vec![
            Timex {
                start: 5,
                end: 10,
                kind: crate::TimexKind::Date,
                value: "1998".into(),
                modifier: None,
            },
            Timex {
                start: 20,
                end: 22,
                kind: crate::TimexKind::Date,
                value: "1999".into(),
                modifier: None,
            },
        ];
        let c = score(&gold, &sys);
        assert_eq!(
            (
                c.strict,
                c.relaxed_system,
                c.relaxed_gold,
                c.value_system,
                c.value_gold
            ),
            (0, 1, 1, 1, 1)
        );
        assert_eq!(c.relaxed(), (0.5, 1.0, 2.0 / 3.0));
    }

    #[test]
    fn whitespace_at_the_edges_of_a_gold_expression_is_left_out() {
        let d = read_timeml(
            "x",
            "<TEXT>On<TIMEX3 type=\"DATE\" value=\"1998\"> 1998 </TIMEX3>it rained.</TEXT>",
        )
        .unwrap();
        assert_eq!(d.text, "On 1998 it rained.");
        assert_eq!((d.gold[0].start, d.gold[0].end), (3, 7));
    }

    #[test]
    fn creation_date_from_the_dct_element_or_its_time() {
        let unmarked = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1999-03-04">x</TIMEX3></DCT><TEXT>a</TEXT>"#;
        assert_eq!(
            read_timeml("x", unmarked).unwrap().dct,
            NaiveDate::from_ymd_opt(1999, 3, 4)
        );
        let timed = r#"<DCT><TIMEX3 functionInDocument="CREATION_TIME" type="TIME" value="2000-01-05T13:45:00">x</TIMEX3></DCT><TEXT>a</TEXT>"#;
        assert_eq!(
            read_timeml("x", timed).unwrap().dct,
            NaiveDate::from_ymd_opt(2000, 1, 5)
        );
        assert_eq!(read_timeml("x", "<TEXT>a</TEXT>").unwrap().dct, None);
    }

    #[test]
    fn bad_timeml_is_an_error() {
        assert!(read_timeml("x", "<TimeML>").is_err());
        assert!(read_timeml("x", "<TEXT>a <TIMEX3 type=\"DATE\">b</TEXT>").is_err());
        assert!(read_timeml("x", "<TEXT>a </TIMEX3></TEXT>").is_err());
    }
}
