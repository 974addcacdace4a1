//! Actors: resolves the words of a sentence to CAMEO actor codes, on the document's date.
//!
//! Empty for now. It will read the parsed [`dyad_text::Document`] produced by `dyad-nlp`
//! and attach actor mentions to it (see the project's issue on actors).
