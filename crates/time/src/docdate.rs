//! The document's own date: a JSONL date field, HTML metadata, or a dateline.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};

/// Parses a date field: `YYYY-MM-DD`, or an RFC 3339 timestamp (its local date), or a
/// timestamp without an offset (`2022-10-21T14:30:00`).
pub fn parse_date_field(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        if s.len() == 10 {
            return Some(d);
        }
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.date_naive());
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t.date());
        }
    }
    // "2022-10-21T14:30:00+0000" (no colon in the offset), common in pages.
    if let Ok(t) = DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%z") {
        return Some(t.date_naive());
    }
    None
}

/// The publication date an HTML page declares, in this order: `<meta>` with
/// `article:published_time`, then `og:` variants (`og:published_time`,
/// `og:article:published_time`), then JSON-LD `"datePublished"`.
pub fn html_published_date(html: &str) -> Option<NaiveDate> {
    let metas = meta_tags(html);
    let find = |names: &[&str]| {
        metas.iter().find_map(|(key, content)| {
            names
                .iter()
                .any(|n| key.eq_ignore_ascii_case(n))
                .then(|| parse_date_field(content))
                .flatten()
        })
    };
    find(&["article:published_time"])
        .or_else(|| {
            find(&[
                "og:published_time",
                "og:article:published_time",
                "og:pubdate",
            ])
        })
        .or_else(|| json_ld_date(html))
        .or_else(|| find(&["datepublished"]))
}

/// (property-or-name-or-itemprop, content) of every `<meta>` tag.
fn meta_tags(html: &str) -> Vec<(String, String)> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<meta") {
        let start = from + at;
        let Some(len) = lower[start..].find('>') else {
            break;
        };
        let tag = &html[start + 5..start + len];
        let attrs = attributes(tag);
        let key = attrs
            .iter()
            .find(|(k, _)| matches!(k.as_str(), "property" | "name" | "itemprop"))
            .map(|(_, v)| v.clone());
        let content = attrs
            .iter()
            .find(|(k, _)| k == "content")
            .map(|(_, v)| v.clone());
        if let (Some(k), Some(c)) = (key, content) {
            out.push((k, c));
        }
        from = start + len;
    }
    out
}

/// The attributes of a tag's inside: `name="value"`, `name='value'` or `name=value`.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .trim_start_matches('/')
            .to_ascii_lowercase();
        let after = rest[eq + 1..].trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                Some(end) => (&after[1..1 + end], &after[end + 2..]),
                None => (&after[1..], ""),
            },
            _ => {
                let end = after
                    .find(|c: char| c.is_whitespace() || c == '/')
                    .unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        out.push((name, value.to_string()));
        rest = next;
    }
    out
}

/// `"datePublished": "..."` anywhere in the page (JSON-LD).
fn json_ld_date(html: &str) -> Option<NaiveDate> {
    let mut from = 0;
    while let Some(at) = html[from..].find("\"datePublished\"") {
        let after = html[from + at + 15..].trim_start();
        if let Some(v) = after.strip_prefix(':') {
            let v = v.trim_start();
            if let Some(v) = v.strip_prefix('"') {
                if let Some(end) = v.find('"') {
                    if let Some(d) = parse_date_field(&v[..end]) {
                        return Some(d);
                    }
                }
            }
        }
        from += at + 15;
    }
    None
}

/// The date of a dateline at the start of `text`: "WASHINGTON, Oct. 21 (AP) —",
/// "GENEVA, March 3 —", "PARIS, October 21, 2022 (AFP) -". A dateline without a year takes
/// the year that puts it nearest before `fallback` (the publication date); without a
/// year and a fallback there is no date.
pub fn dateline_date(text: &str, fallback: Option<NaiveDate>) -> Option<NaiveDate> {
    let text = text.trim_start();
    // The dateline ends at the first dash or line break, within the first 100 bytes.
    let mut limit = text.len().min(100);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let head = &text[..limit];
    let end = head
        .find(['\u{2014}', '\u{2013}', '\n'])
        .or_else(|| head.find(" -"))?;
    let head = &head[..end];
    // The place: upper-case letters first, then a comma.
    let comma = head.find(',')?;
    let place = &head[..comma];
    if place.is_empty() || !place.chars().next()?.is_uppercase() {
        return None;
    }
    // A place is a few capitalised words: "WASHINGTON", "NEW YORK", "Kyiv, Ukraine".
    if place.len() > 40
        || !place
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
    {
        return None;
    }
    // Tagged without a document date: a dateline without a year reads "XXXX-10-21".
    let timexes = crate::tag(&head[comma + 1..], None);
    let t = timexes.iter().find(|t| t.kind == crate::TimexKind::Date)?;
    if let Some(crate::Point::Day(d)) = crate::Point::parse(&t.value) {
        return Some(d);
    }
    let md = t.value.strip_prefix("XXXX-")?;
    let (m, day) = md.split_once('-')?;
    let (m, day): (u32, u32) = (m.parse().ok()?, day.parse().ok()?);
    // Datelines look back: the latest such day on or before the publication date.
    let f = fallback?;
    (f.year() - 1..=f.year())
        .rev()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, day))
        .find(|d| *d <= f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn date_fields() {
        assert_eq!(parse_date_field("2022-10-21"), d("2022-10-21"));
        assert_eq!(
            parse_date_field("2022-10-21T23:30:00-04:00"),
            d("2022-10-21")
        );
        assert_eq!(parse_date_field("2022-10-21T01:00:00Z"), d("2022-10-21"));
        assert_eq!(parse_date_field("2022-10-21T01:00:00"), d("2022-10-21"));
        assert_eq!(parse_date_field("2022-02-30"), None);
        assert_eq!(parse_date_field("21/10/2022"), None);
        assert_eq!(parse_date_field(""), None);
    }

    #[test]
    fn html_metadata_in_order() {
        let page = r#"<html><head>
            <meta property="og:published_time" content="2022-10-20T10:00:00Z">
            <meta property="article:published_time" content="2022-10-21T09:00:00-04:00" />
            <script type="application/ld+json">{"datePublished": "2022-10-19"}</script>"#;
        assert_eq!(html_published_date(page), d("2022-10-21"));
        let og = r#"<meta content='2022-10-20' property='og:published_time'>
            <script>{"@type":"NewsArticle","datePublished":"2022-10-19T08:00:00Z"}</script>"#;
        assert_eq!(html_published_date(og), d("2022-10-20"));
        let ld =
            r#"<script>{"@type":"NewsArticle","datePublished" : "2022-10-19T08:00:00Z"}</script>"#;
        assert_eq!(html_published_date(ld), d("2022-10-19"));
        assert_eq!(
            html_published_date("<meta name=\"x\" content=\"2022-10-19\"><meta"),
            None
        );
        assert_eq!(html_published_date(""), None);
    }

    #[test]
    fn datelines() {
        let pub_date = d("2022-10-22");
        assert_eq!(
            dateline_date("WASHINGTON, Oct. 21 (AP) — The talks", pub_date),
            d("2022-10-21")
        );
        assert_eq!(
            dateline_date("GENEVA, March 3 — Talks", d("2023-03-04")),
            d("2023-03-03")
        );
        assert_eq!(
            dateline_date("PARIS, October 21, 2021 (AFP) - x", pub_date),
            d("2021-10-21")
        );
        // Published in January, dateline of late December: last year.
        assert_eq!(
            dateline_date("KYIV, Dec. 30 — x", d("2023-01-02")),
            d("2022-12-30")
        );
        assert_eq!(dateline_date("WASHINGTON, Oct. 21 (AP) — x", None), None);
        assert_eq!(
            dateline_date("WASHINGTON (Reuters) - Talks on Oct. 21", pub_date),
            None
        );
        assert_eq!(
            dateline_date("The talks resumed on Oct. 21 — a", pub_date),
            None
        );
        assert_eq!(dateline_date("", pub_date), None);
    }
}
