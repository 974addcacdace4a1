//! The records of the knowledge base, as loaded from its files (see `docs/knowledge-base.md`).

use chrono::NaiveDate;

/// A country or territory.
#[derive(Clone, Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-3.
    pub iso3: String,
    /// CAMEO country code (the ISO code unless the file says otherwise).
    pub cameo: String,
    pub name: String,
    pub names: Vec<String>,
    pub demonyms: Vec<String>,
    pub capital: Option<String>,
    pub seats: Vec<Seat>,
    pub regions: Vec<String>,
    /// First day of a state that came into being within the news's period ("South Sudan":
    /// 2011-07-09); before it, the country resolves to `before`.
    pub since: Option<NaiveDate>,
    /// ISO3 of the state the territory belonged to before `since`.
    pub before: Option<String>,
    /// Its people's names are written family name first in English news ("Hu Jintao",
    /// "Kim Dae-jung"), so a later bare "Hu" or "Kim" names them.
    pub family_name_first: bool,
    /// `file:line` of its record.
    pub entry: String,
}

/// A seat of power that stands for part of a country's state ("the Kremlin", "the Pentagon").
#[derive(Clone, Debug)]
pub struct Seat {
    pub name: String,
    pub sectors: Vec<String>,
    /// Countries (ISO3) whose institutions bear the name too ("Congress": the Philippines,
    /// Peru, India, ...): in a story about one of them it is that country's.
    pub shared_with: Vec<String>,
}

/// An international or non-state organisation.
#[derive(Clone, Debug)]
pub struct Org {
    pub code: String,
    pub name: String,
    pub names: Vec<String>,
    /// ISO3 of a domestic group; `None` for international bodies.
    pub country: Option<String>,
    pub kind: String,
    /// Codes the organisation had before `code`, oldest first, each up to and including its
    /// `until` day (the Taliban: insurgents, then the government until 2001-11-12, insurgents
    /// again until 2021-08-14, then `code`, the government). Empty for most entries.
    pub periods: Vec<OrgPeriod>,
    pub entry: String,
}

/// A code an organisation had up to a day (inclusive), after the previous period's end.
#[derive(Clone, Debug)]
pub struct OrgPeriod {
    pub until: DateBound,
    pub code: String,
}

impl Org {
    /// The code in force on `date`: that of the first period not yet over, else `code`;
    /// `None` (no date) is the present, `code`.
    pub fn code_on(&self, date: Option<NaiveDate>) -> &str {
        date.and_then(|d| self.periods.iter().find(|p| d <= p.until.hi))
            .map_or(self.code.as_str(), |p| p.code.as_str())
    }
}

/// What a role word names, which decides how it composes and what it can refer back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleKind {
    /// One official ("defense minister", "spokesman", "ambassador").
    Person,
    /// A collective of people ("troops", "police", "lawmakers", "protesters").
    Group,
    /// An institution ("foreign ministry", "parliament", "state media").
    Body,
    /// A title or modifier that adds sectors to a name but names no one by itself
    /// ("Gen.", "Deputy", "Mr.").
    Title,
    /// "former": the actor is a former official (ELI), whatever the other words say.
    Former,
    /// "counterpart": the same office as the possessor's, in the country the phrase names.
    Counterpart,
}

impl RoleKind {
    pub fn parse(s: &str) -> Option<RoleKind> {
        Some(match s {
            "person" => RoleKind::Person,
            "group" => RoleKind::Group,
            "body" => RoleKind::Body,
            "title" => RoleKind::Title,
            "former" => RoleKind::Former,
            "counterpart" => RoleKind::Counterpart,
            _ => return None,
        })
    }
}

/// Words for a role or sector that combine with a country.
#[derive(Clone, Debug)]
pub struct Role {
    pub words: Vec<String>,
    pub plurals: Vec<String>,
    pub sectors: Vec<String>,
    pub office: Option<String>,
    /// Countries where these words name another office: (ISO3, office).
    pub office_in: Vec<(String, String)>,
    pub kind: RoleKind,
    /// The sectors apply only when no other word of the mention gives sectors.
    pub weak: bool,
    /// A diplomat's or mission's words: an `in` phrase names the posting, not the country
    /// ("the ambassador in Beijing").
    pub posted: bool,
    pub entry: String,
}

/// The earliest and the latest day a written date can mean: "2024-05" is 2024-05-01 to
/// 2024-05-31.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateBound {
    pub lo: NaiveDate,
    pub hi: NaiveDate,
}

/// One office a person held, bounded by dates.
#[derive(Clone, Debug)]
pub struct Term {
    /// ISO3 as written in the file.
    pub country: String,
    pub office: String,
    pub sectors: Vec<String>,
    pub start: Option<DateBound>,
    /// `None`: still in office when the file was written.
    pub end: Option<DateBound>,
    pub entry: String,
}

impl Term {
    /// Whether the person held this office on `date` (both ends inclusive).
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.start.is_none_or(|s| s.lo <= date) && self.end.is_none_or(|e| date <= e.hi)
    }
}

/// A named person and the offices they held.
#[derive(Clone, Debug)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub terms: Vec<Term>,
}

/// An actor of an imported PETRARCH/TABARI actors dictionary.
#[derive(Clone, Debug)]
pub struct DictActor {
    /// The entry's first phrase, as written (underscores made spaces).
    pub name: String,
    pub codes: Vec<DictCode>,
    pub entry: String,
}

/// One code of a dictionary actor, with its date restriction (inclusive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DictCode {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// An agent of an imported PETRARCH/TABARI agents dictionary: `[~GOV]` is a suffix to the
/// country's code, `[IGO~]` a prefix.
#[derive(Clone, Debug)]
pub struct DictAgent {
    pub phrase: String,
    pub code: String,
    pub prefix: bool,
    pub entry: String,
}

/// A sector (agent) code.
#[derive(Clone, Debug)]
pub struct Sector {
    pub code: String,
    pub name: String,
}

/// A pronoun and what it can refer to.
#[derive(Clone, Debug)]
pub struct Pronoun {
    pub words: Vec<String>,
    /// `person`, `group` or `thing`.
    pub refers_to: String,
    pub gender: Option<char>,
}
