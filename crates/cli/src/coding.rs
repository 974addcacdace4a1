//! The whole pipeline for one document: text → nlp → actors → time → code. `dyad code`,
//! `dyad recode` and `dyad explain` all go through [`Engine::code`], so they cannot disagree.

use chrono::NaiveDate;
use dyad_actors::KnowledgeBase;
use dyad_code::coder::{Attempt, Coder, DateSource, Found};
use dyad_code::input::{ActorMention, ActorRef, DateMention, DocumentDates};
use dyad_code::ontology::Ontology;
use dyad_code::{Event, SourceDocument};
use dyad_nlp::Pipeline;
use dyad_text::Document;

/// Everything a run loads once.
pub struct Engine {
    pub pipeline: Pipeline,
    pub kb: KnowledgeBase,
    pub coder: Coder,
    pub ontology: Ontology,
}

/// Whether an actor code can go into a record: whole three-letter groups. The actors stage
/// writes `---` for an unknown country ("tanks" alone is `---MIL`); such an actor cannot be
/// one side of an event.
fn valid_code(code: &str) -> bool {
    !code.is_empty() && code.len().is_multiple_of(3) && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// An actor of unknown country with known sectors (`---CVL` for "protesters"): the coder
/// may place it in a country.
fn unknown_country(code: &str) -> bool {
    code.len() > 3 && code.starts_with("---") && valid_code(&code[3..])
}

/// A coded document.
pub struct Coded {
    pub doc: Document,
    /// The document date used: publication, dateline or `--date`, in that order.
    pub date: Option<NaiveDate>,
    pub mentions: Vec<Vec<ActorMention>>,
    pub dates: Vec<Vec<DateMention>>,
    pub events: Vec<Event>,
    pub trace: Vec<Attempt>,
}

impl Coded {
    /// The sentences' spans in characters, as the store keeps them.
    pub fn sentence_spans(&self) -> Vec<(usize, usize)> {
        self.doc
            .sentences
            .iter()
            .map(|s| {
                (
                    self.doc.char_offset(s.span.start),
                    self.doc.char_offset(s.span.end),
                )
            })
            .collect()
    }
}

impl Engine {
    /// What codes the documents, for the store: the dyad version, a hash of the knowledge
    /// (trigger patterns and knowledge-base phrases) and a hash of the models' settings.
    pub fn versions(&self) -> dyad_store::CodingVersions {
        let patterns: Vec<String> = self.coder.patterns().iter().map(|p| p.rule()).collect();
        let mut knowledge: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let kb_size = format!(
            "{} people, {} organisations, {} countries",
            self.kb.people.len(),
            self.kb.orgs.len(),
            self.kb.countries.len()
        );
        knowledge.push(&kb_size);
        let models = dyad_nlp::default_model_dir();
        let model_sizes: Vec<String> =
            ["clusters.bin", "tagger.bin", "lemmatizer.bin", "parser.bin"]
                .iter()
                .map(|f| {
                    let len = std::fs::metadata(models.join(f)).map_or(0, |m| m.len());
                    format!("{f}:{len}")
                })
                .collect();
        let model_parts: Vec<&str> = model_sizes.iter().map(String::as_str).collect();
        dyad_store::CodingVersions {
            dyad: env!("CARGO_PKG_VERSION").to_string(),
            knowledge: dyad_code::records::event_id(&knowledge),
            models: dyad_code::records::event_id(&model_parts),
        }
    }

    /// An event dated by its own words ("was March 15, 2023") names its actors as they were
    /// then: a role phrase is whoever held the office on that day ("Russia's defense
    /// minister" in 2023 is Shoigu), and a named person takes the code of the office they
    /// held then.
    fn redate(
        &self,
        f: &mut Found,
        doc: &Document,
        resolved: &[Vec<dyad_actors::Mention>],
        doc_date: Option<NaiveDate>,
    ) {
        if f.date_source != DateSource::Text {
            return;
        }
        let Some(day) = f.date.as_deref().and_then(day_of) else {
            return;
        };
        if Some(day) == doc_date {
            return;
        }
        for party in std::iter::once(&mut f.source).chain(f.target.as_mut()) {
            let Some((mention, actor)) = resolved.iter().enumerate().find_map(|(si, ms)| {
                ms.iter().find_map(|m| {
                    let words = &doc.sentences[si].words;
                    let span = words.get(m.words.start)?.span.start;
                    let end = words.get(m.words.end.checked_sub(1)?)?.span.end;
                    if span != party.span.start || end != party.span.end {
                        return None;
                    }
                    let a = m
                        .actors
                        .iter()
                        .find(|a| a.code == party.actor.code && a.name == party.actor.name)?;
                    Some((m, a))
                })
            }) else {
                continue;
            };
            let then = if mention.via == "office" {
                let office = actor.name.as_ref().and_then(|name| {
                    let person = self.kb.people.iter().find(|p| &p.name == name)?;
                    self.kb.term_on(person, doc_date).map(|t| t.office.clone())
                });
                let holder = office.and_then(|o| {
                    let country = actor.country.as_deref()?;
                    self.kb.office_holder(country, &o, Some(day))
                });
                match holder {
                    Some((person, _)) => {
                        let mut named = actor.clone();
                        named.name = Some(person.name.clone());
                        self.kb.actor_on(&named, Some(day))
                    }
                    None => continue,
                }
            } else {
                self.kb.actor_on(actor, Some(day))
            };
            if valid_code(&then.code) {
                party.actor = ActorRef {
                    code: then.code,
                    country: then.country,
                    sectors: then.sectors,
                    name: then.name,
                };
            }
        }
    }

    pub fn code(&self, src: &SourceDocument, default_date: Option<NaiveDate>) -> Coded {
        self.code_traced(src, default_date, false)
    }

    pub fn code_traced(
        &self,
        src: &SourceDocument,
        default_date: Option<NaiveDate>,
        trace: bool,
    ) -> Coded {
        let doc = self.pipeline.parse(&src.text);
        let published = src
            .published
            .as_deref()
            .and_then(dyad_time::parse_date_field);
        let dateline = dyad_time::dateline_date(&src.text, published.or(default_date));
        let date = published.or(dateline).or(default_date);

        // Time: every expression of the text, then each given to its sentence.
        let timexes = dyad_time::tag(&src.text, date);
        let mut dates: Vec<Vec<DateMention>> = vec![Vec::new(); doc.sentences.len()];
        let mut s = 0;
        for t in &timexes {
            while s < doc.sentences.len() && doc.sentences[s].span.end <= t.start {
                s += 1;
            }
            if s == doc.sentences.len() {
                break;
            }
            if doc.sentences[s].span.start <= t.start {
                dates[s].push(DateMention {
                    start: t.start,
                    end: t.end,
                    date: t.event_date(),
                });
            }
        }

        // Actors, on the document's date.
        let resolved = dyad_actors::resolve_document(&self.kb, &doc, date);
        let mentions: Vec<Vec<ActorMention>> = resolved
            .iter()
            .map(|sentence| {
                sentence
                    .iter()
                    .map(|m| ActorMention {
                        words: m.words.clone(),
                        head: m.head,
                        actors: m
                            .actors
                            .iter()
                            .filter(|a| valid_code(&a.code) || unknown_country(&a.code))
                            .map(|a| ActorRef {
                                code: a.code.clone(),
                                country: a.country.clone(),
                                sectors: a.sectors.clone(),
                                name: a.name.clone(),
                            })
                            .collect(),
                        place: matches!(m.via.as_str(), "seat" | "region"),
                    })
                    .collect()
            })
            .collect();

        let doc_dates = DocumentDates {
            dateline: dateline.map(|d| d.to_string()),
            published: published.or(default_date).map(|d| d.to_string()),
        };
        let mut attempts = Vec::new();
        let mut found = self.coder.code_document_traced(
            &doc,
            &mentions,
            &dates,
            &doc_dates,
            trace.then_some(&mut attempts),
        );
        for f in &mut found {
            self.redate(f, &doc, &resolved, date);
        }
        let published_str = date.map(|d| d.to_string());
        let places = places_of(&self.kb, &doc);
        let events = dyad_code::records::to_records(
            &doc,
            &src.id,
            published_str.as_deref(),
            &found,
            &places,
            &self.ontology,
        );
        Coded {
            doc,
            date,
            mentions,
            dates,
            events,
            trace: attempts,
        }
    }
}

/// The day an event date stands for, when it names one: `2023-03-15`; a month or a year
/// names none.
fn day_of(date: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// The places of the document as the coder reads them (see `dyad_code::location`).
pub(crate) fn places_of(kb: &KnowledgeBase, doc: &Document) -> dyad_code::location::Places {
    let sentences = dyad_actors::places::find_places(kb, doc)
        .into_iter()
        .map(|ms| {
            ms.into_iter()
                .map(|m| dyad_code::location::PlaceMention {
                    words: m.words,
                    head: m.head,
                    name: m.name,
                    country: m.country,
                    via: m.via.to_string(),
                    lat: m.lat,
                    lon: m.lon,
                })
                .collect()
        })
        .collect();
    dyad_code::location::Places::new(doc, sentences)
}
