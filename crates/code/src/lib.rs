//! Code: turns parsed sentences with actors and dates into CAMEO/PLOVER event records.

pub mod coder;
pub mod input;
pub mod location;
pub mod ontology;
pub mod petrarch;
pub mod record;
pub mod records;
pub mod triggers;

pub use record::{Actor, Event, Plover, SentenceRef, SourceDocument, TextSpan};
