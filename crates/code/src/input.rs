//! What the coder reads besides the parse: the actors that the actors stage found and the
//! dates that the time stage found, per sentence. These are plain data so that the coder does
//! not depend on how the earlier stages work, only on what they produce.

use std::ops::Range;

/// An actor as resolved by the actors stage, without its place in the text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ActorRef {
    pub code: String,
    pub country: Option<String>,
    pub sectors: Vec<String>,
    pub name: Option<String>,
}

/// Words of a sentence that name one or more actors ("Hungarian and Romanian officials" names
/// two; "the defense heads" may name both ministers).
#[derive(Clone, Debug, PartialEq)]
pub struct ActorMention {
    /// Word indices in [`dyad_text::Sentence::words`].
    pub words: Range<usize>,
    /// The head word of the phrase.
    pub head: usize,
    pub actors: Vec<ActorRef>,
    /// Named as a place only (a capital or seat, a region: "Oslo", "Arusha"), not by a name,
    /// title or demonym of the actor.
    pub place: bool,
}

/// A temporal expression of a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    /// Byte offsets into the document text.
    pub start: usize,
    pub end: usize,
    /// The date as the event record writes it (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), or `None`
    /// when the expression is not a calendar date (a duration, "now").
    pub date: Option<String>,
}

/// The document-level dates an event falls back on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentDates {
    /// The date of the dateline ("WASHINGTON, Oct. 21 (AP) —"), `YYYY-MM-DD`.
    pub dateline: Option<String>,
    /// The publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
}
