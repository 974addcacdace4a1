//! The event record of `../shared/contracts/events.md`: what `dyad code --format jsonl` writes
//! and what the store keeps. Field names are the contract's; do not rename them.

use serde::{Deserialize, Serialize};

/// A document as it enters `dyad code`: its text and whatever metadata came with it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceDocument {
    pub id: String,
    pub text: String,
    /// Publication date, `YYYY-MM-DD`, when known.
    pub published: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The publisher.
    pub source: Option<String>,
}

/// One event mention, as in the contract.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id of this mention: same input, same id.
    pub id: String,
    pub doc_id: String,
    pub published: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as the text says; `None` when unknown.
    pub date: Option<String>,
    /// Where `date` came from: `"text"`, `"dateline"` or `"published"` (a dyad extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_source: Option<String>,
    pub source: Actor,
    pub target: Option<Actor>,
    pub cameo: String,
    pub cameo_root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: Plover,
    pub sentence: SentenceRef,
    pub trigger: TextSpan,
    pub location: Option<Location>,
    /// The dictionary entry or pattern that produced the event.
    pub rule: String,
}

/// An actor as the contract writes it. Offsets are in characters (Unicode scalar values).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// CAMEO actor code, country first then sectors: `USAGOVMIL`.
    pub code: String,
    /// ISO 3166-1 alpha-3, or `None` for international and unaffiliated actors.
    pub country: Option<String>,
    pub sectors: Vec<String>,
    /// Canonical name of a known person or organisation.
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plover {
    pub event: String,
    pub mode: Option<String>,
    pub context: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRef {
    pub index: usize,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place's words as written.
    pub text: String,
    /// Canonical name of the place.
    pub name: Option<String>,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// How it was found: `"clause"`, `"target"` or `"dateline"` (a dyad extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}
