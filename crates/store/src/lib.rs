//! dyad-store: the embedded event store (SQLite), deduplication of event mentions into
//! clusters, queries (events, timelines, dyad counts), exports, and the run-time reporting
//! (progress bar, run summary) that `dyad code` shares. docs/store.md is the user-facing
//! description; keep it true.
//!
//! Typical use by `dyad code`:
//!
//! ```no_run
//! # fn main() -> anyhow::Result<()> {
//! use dyad_store::{default_db_path, CodingVersions, Ingested, Store};
//! let mut store = Store::open(&default_db_path(None))?;
//! let versions = CodingVersions { dyad: "0.1.0".into(), knowledge: "kb-1".into(), models: "m-1".into() };
//! # let (doc, sentences, events) = (dyad_code::record::SourceDocument::default(), vec![], vec![]);
//! if store.find(&doc)?.is_none() {
//!     // ... code the document: sentences (character spans) and events ...
//!     match store.ingest(&doc, &sentences, &events, &versions)? {
//!         Ingested::Stored { .. } | Ingested::AlreadyStored { .. } => {}
//!     }
//! }
//! store.update_clusters()?; // after each batch and at the end
//! # Ok(()) }
//! ```

pub mod cluster;
pub mod dates;
pub mod export;
pub mod query;
pub mod run;
mod schema;
mod store;
pub mod synthetic;

pub use query::{DyadCounts, DyadRow, EventRow, Filter, Period, TimelineRow};
pub use schema::SCHEMA_VERSION;
pub use store::{
    actor_key, content_hash, default_db_path, publisher_of, CodingVersions, Ingested, Store,
    StoreCounts, StoredDocument,
};
