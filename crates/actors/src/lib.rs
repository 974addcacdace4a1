//! Actors: who is who on which date, and the mentions that name them.
//!
//! The knowledge base ([`KnowledgeBase`]) is read from plain data files (`data/`, bundled
//! into the library; a user adds directories with `--kb DIR` or `DYAD_KB`), and PETRARCH/
//! TABARI dictionaries can be imported on top ([`petrarch`]). [`resolve_document`] finds
//! the mentions of actors in a parsed [`dyad_text::Document`] and resolves each to CAMEO
//! actor codes on the document's date. See `docs/actors.md` and `docs/knowledge-base.md`.

pub mod check;
pub mod kb;
pub mod load;
pub mod matcher;
pub mod model;
pub mod normalise;
pub mod petrarch;
pub mod places;
pub mod resolve;

pub use kb::{env_dirs, KnowledgeBase, LoadOptions, Precedence};
pub use resolve::{resolve_document, Mention, ResolvedActor};
