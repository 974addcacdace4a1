//! Code: turns parsed sentences with actors and dates into CAMEO/PLOVER event records.

pub mod coder;
pub mod input;
pub mod record;
pub mod triggers;

pub use record::{Actor, Event, Plover, SentenceRef, SourceDocument, TextSpan};
