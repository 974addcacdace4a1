//! Store: the embedded event store, with deduplication across stories and timelines.
//!
//! Empty for now.
