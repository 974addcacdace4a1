//! The documents a run reads: files, directories and standard input, in plain text, JSONL or
//! HTML. Every input that cannot be read becomes a [`Skipped`] with its name, its line where
//! it has one, and the reason; the batch goes on.

use std::io::Read;
use std::path::{Path, PathBuf};

use dyad_code::SourceDocument;

/// An input that was not read, and why: the store's run summary lists them.
pub use dyad_store::run::Skipped;

/// A document and where it came from, for messages.
#[derive(Clone, Debug)]
pub struct Input {
    pub document: SourceDocument,
    /// `file` or `file:line`.
    pub origin: String,
}

/// The files named on the command line, directories expanded (sorted, recursively), `-` kept.
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        if p == Path::new("-") {
            files.push(p.clone());
        } else if p.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_map(|e| match e {
                    Ok(e) if e.file_type().is_file() => Some(e.into_path()),
                    Ok(_) => None,
                    Err(err) => {
                        skipped.push(Skipped {
                            input: err
                                .path()
                                .map(|x| x.display().to_string())
                                .unwrap_or_else(|| p.display().to_string()),
                            reason: format!("unreadable: {err}"),
                        });
                        None
                    }
                })
                .collect();
            files.append(&mut found);
        } else {
            files.push(p.clone());
        }
    }
    (files, skipped)
}

/// The format of an input, from its extension. Standard input is read as JSONL when its
/// first non-blank character is `{`, else as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Jsonl,
    Html,
}

fn format_of(path: &Path) -> Option<Format> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("txt" | "text") => Some(Format::Text),
        Some("jsonl" | "ndjson") => Some(Format::Jsonl),
        Some("html" | "htm") => Some(Format::Html),
        _ => None,
    }
}

/// Reads one input into documents. Problems with the whole file or with single JSONL lines
/// come back as skips; a document is returned only when it is whole.
pub fn read(path: &Path) -> (Vec<Input>, Vec<Skipped>) {
    let name = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let skip = |reason: String| Skipped {
        input: name.clone(),
        reason,
    };
    let bytes = if path == Path::new("-") {
        let mut b = Vec::new();
        match std::io::stdin().read_to_end(&mut b) {
            Ok(_) => b,
            Err(e) => return (Vec::new(), vec![skip(format!("unreadable: {e}"))]),
        }
    } else {
        match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return (Vec::new(), vec![skip(format!("unreadable: {e}"))]),
        }
    };
    let format = if path == Path::new("-") {
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        if first == Some(&b'{') {
            Format::Jsonl
        } else {
            Format::Text
        }
    } else {
        match format_of(path) {
            Some(f) => f,
            None => {
                return (
                    Vec::new(),
                    vec![skip(
                        "unknown format (expected .txt, .jsonl or .html)".to_string(),
                    )],
                )
            }
        }
    };
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return (Vec::new(), vec![skip("binary file".to_string())]);
    }
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("stdin")
        .to_string();
    match format {
        Format::Jsonl => read_jsonl(&name, &bytes),
        Format::Text | Format::Html => {
            let text = match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    return (
                        Vec::new(),
                        vec![skip(format!(
                            "invalid UTF-8 at byte offset {}",
                            e.utf8_error().valid_up_to()
                        ))],
                    )
                }
            };
            let (text, published, title) = if format == Format::Html {
                let published = dyad_time::html_published_date(&text).map(|d| d.to_string());
                let (body, title) = html_to_text(&text);
                (body, published, title)
            } else {
                (text, None, None)
            };
            if text.trim().is_empty() {
                return (Vec::new(), vec![skip("empty document".to_string())]);
            }
            let document = SourceDocument {
                id: stem,
                text,
                published,
                title,
                url: None,
                source: None,
            };
            (
                vec![Input {
                    document,
                    origin: name.clone(),
                }],
                Vec::new(),
            )
        }
    }
}

#[derive(serde::Deserialize)]
struct JsonDocument {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

fn read_jsonl(name: &str, bytes: &[u8]) -> (Vec<Input>, Vec<Skipped>) {
    let mut docs = Vec::new();
    let mut skipped = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let origin = format!("{name}:{}", i + 1);
        let skip = |reason: String| Skipped {
            input: origin.clone(),
            reason,
        };
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let line = match std::str::from_utf8(line) {
            Ok(l) => l,
            Err(e) => {
                skipped.push(skip(format!(
                    "invalid UTF-8 at byte {} of the line",
                    e.valid_up_to()
                )));
                continue;
            }
        };
        let parsed: JsonDocument = match serde_json::from_str(line) {
            Ok(d) => d,
            Err(e) => {
                skipped.push(skip(format!("not a JSON document: {e}")));
                continue;
            }
        };
        let Some(text) = parsed.text else {
            skipped.push(skip("no `text` field".to_string()));
            continue;
        };
        if text.trim().is_empty() {
            skipped.push(skip("empty document".to_string()));
            continue;
        }
        let id = match parsed.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{}-{}", stem_of(name), i + 1),
        };
        let published = match parsed.date.as_deref() {
            Some(d) => match dyad_time::parse_date_field(d) {
                Some(d) => Some(d.to_string()),
                None => {
                    eprintln!("warning: {origin}: cannot read the date {d:?}; ignored");
                    None
                }
            },
            None => None,
        };
        docs.push(Input {
            document: SourceDocument {
                id,
                text,
                published,
                title: parsed.title,
                url: parsed.url,
                source: parsed.source,
            },
            origin,
        });
    }
    (docs, skipped)
}

fn stem_of(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("stdin")
        .to_string()
}

/// The readable text of an HTML page and its title: scripts, styles and tags removed, block
/// elements turned into paragraph breaks, entities decoded.
pub fn html_to_text(html: &str) -> (String, Option<String>) {
    let mut out = String::with_capacity(html.len() / 2);
    let mut title = None;
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'<' {
            let Some(close) = html[i..].find('>').map(|j| i + j) else {
                break;
            };
            let tag = lower[i + 1..close]
                .trim_start_matches('/')
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or("")
                .to_string();
            let opening = !lower[i + 1..].starts_with('/');
            if opening && matches!(tag.as_str(), "script" | "style" | "noscript" | "title") {
                let end_tag = format!("</{tag}");
                let end = lower[close..]
                    .find(&end_tag)
                    .map(|j| close + j)
                    .unwrap_or(bytes.len());
                if tag == "title" {
                    let t = decode_entities(html[close + 1..end].trim());
                    if !t.is_empty() {
                        title = Some(t);
                    }
                }
                i = lower[end..]
                    .find('>')
                    .map(|j| end + j + 1)
                    .unwrap_or(bytes.len());
                continue;
            }
            if matches!(
                tag.as_str(),
                "p" | "div"
                    | "br"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "li"
                    | "tr"
                    | "article"
                    | "section"
                    | "blockquote"
                    | "header"
                    | "footer"
            ) && !out.ends_with("\n\n")
                && !out.is_empty()
            {
                out.push_str("\n\n");
            }
            i = close + 1;
        } else {
            let next = html[i..].find('<').map(|j| i + j).unwrap_or(bytes.len());
            let chunk = decode_entities(&html[i..next]);
            let mut last_space = out.ends_with(char::is_whitespace) || out.is_empty();
            for c in chunk.chars() {
                if c.is_whitespace() {
                    if !last_space {
                        out.push(' ');
                        last_space = true;
                    }
                } else {
                    out.push(c);
                    last_space = false;
                }
            }
            i = next;
        }
    }
    let text = out
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    (text, title)
}

fn decode_entities(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_paragraphs_and_drops_scripts() {
        let html = "<html><head><title>A &amp; B</title><script>var x = '<p>';</script></head>\
                    <body><p>First  para.</p><p>Second&nbsp;one &ldquo;quoted&rdquo;.</p></body></html>";
        let (text, title) = html_to_text(html);
        assert_eq!(text, "First para.\n\nSecond one \u{201c}quoted\u{201d}.");
        assert_eq!(title.as_deref(), Some("A & B"));
    }

    #[test]
    fn jsonl_lines_are_skipped_with_their_line() {
        let data = b"{\"id\":\"a\",\"text\":\"One.\",\"date\":\"2022-10-21\"}\nnot json\n\n{\"id\":\"b\"}\n{\"text\":\"  \"}\n{\"text\":\"Two.\"}\n\xff\xfe\n";
        let (docs, skipped) = read_jsonl("in.jsonl", data);
        let ids: Vec<&str> = docs.iter().map(|d| d.document.id.as_str()).collect();
        assert_eq!(ids, ["a", "in-6"]);
        assert_eq!(docs[0].document.published.as_deref(), Some("2022-10-21"));
        let places: Vec<&str> = skipped.iter().map(|s| s.input.as_str()).collect();
        assert_eq!(
            places,
            ["in.jsonl:2", "in.jsonl:4", "in.jsonl:5", "in.jsonl:7"]
        );
        assert_eq!(skipped[1].reason, "no `text` field");
        assert_eq!(skipped[2].reason, "empty document");
    }
}
