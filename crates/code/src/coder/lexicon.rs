//! The word lists and word classes by which the coder reads the parse: the fixed lists
//! (negators, modals, conjunctions), the [`Lexicon`] of `data/modality.tsv` and its parser.
//! Data, not matching: apart so that the rules read the classes by name only.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::coder::Governor;
use crate::triggers::DictError;

/// Words that negate the clause they modify.
pub(super) const NEGATORS: &[&str] = &["not", "n't", "never", "no"];
/// Subjects that deny their clause: "Nobody was wounded", "None of the soldiers fired".
pub(super) const NEGATIVE_SUBJECTS: &[&str] = &["nobody", "none", "nothing", "noone"];
/// Auxiliaries that make an event merely possible.
pub(super) const POSSIBLE: &[&str] = &["could", "might", "may", "should", "can", "must", "ought"];
/// Auxiliaries of the future.
pub(super) const FUTURE: &[&str] = &["will", "shall", "'ll", "wo"];
/// Markers of conditions and indirect questions.
pub(super) const CONDITIONS: &[&str] = &["if", "unless", "whether", "lest"];
/// Conjunctions of a temporal clause, whose simple present takes the time of its head.
pub(super) const TEMPORAL: &[&str] = &[
    "when", "whenever", "once", "after", "before", "until", "till",
];

/// Word classes by which the coder reads the parse.
#[derive(Default)]
pub(super) struct Lexicon {
    /// Verbs whose object noun is their own act ("launched an attack", "paid a visit").
    pub(super) light: FxHashSet<String>,
    /// Acts that only a state's authorities perform ("were arrested"): with no agent said,
    /// the state of the place is the source.
    pub(super) state_acts: FxHashSet<String>,
    /// Verbs (and predicate nouns) whose subject undergoes a state's justice ("went on
    /// trial", "faces charges", "is on trial"): a `17` pattern of one with no target takes
    /// the subject as target and the state of the place, else the accused's, as source.
    pub(super) accused: FxHashSet<String>,
    /// Verbs that judge their object for an act told in a `for` phrase ("criticized X for").
    pub(super) judges: FxHashSet<String>,
    /// Verbs that claim an act as one's own with "responsibility" or "credit" for object.
    pub(super) owning: FxHashSet<String>,
    /// Adjectives that carry an event as predicates ("was proud of", "is critical of").
    pub(super) predicates: FxHashSet<String>,
    /// Verbs of opinion whose object and adjective say what the subject thinks of the
    /// object ("found the report critical of"), not what the subject put forward.
    pub(super) opinions: FxHashSet<String>,
    /// Adjectives and participles that make an attack one of words ("a scathing attack",
    /// "attacked X, calling him ...").
    pub(super) verbal: FxHashSet<String>,
    /// Nouns of fighting between two sides: a passive harm told `in` one of them ("were
    /// killed in clashes with Israeli soldiers") has the `with` party for its agent.
    pub(super) fighting: FxHashSet<String>,
    /// Participles that make the noun they modify belong to an actor, with the preposition
    /// that introduces it ("belonging to", "owned by", "led by").
    pub(super) owners: FxHashMap<String, String>,
    /// Words whose subject is the one harmed, with the harm verb whose passive they are read
    /// as ("were wounded" read as an adjective, "died").
    pub(super) victims: FxHashMap<String, String>,
    /// Nouns whose arrival or travel is no visit ("French troops who arrived in Durres").
    pub(super) nonvisitors: FxHashSet<String>,
    /// Nouns of an armed force ("troops", "contingent", "battalion"), whose going to or
    /// staying in a place is a military presence there.
    pub(super) armed: FxHashSet<String>,
    /// Gatherings held in a place ("summit", "meeting"): travel to one is a visit to the
    /// place it is held in.
    pub(super) gatherings: FxHashSet<String>,
    /// Verbs of a condition clause that tell a party's not doing what is asked ("if it fails
    /// to", "if Iran refuses to"): what the speaker says follows is a threat.
    pub(super) noncompliance: FxHashSet<String>,
    /// Verbs that order forces to act ("ordered the army to resume strikes"): an order of
    /// force (roots 18-20) given to no actor of another country is a threat (138).
    pub(super) commanding: FxHashSet<String>,
    /// Heads of the presence patterns (074 `stay in $T`, `arrive in $T`), which need an
    /// armed force for subject.
    pub(super) presence: FxHashSet<String>,
    /// Nouns that "the two ..." or "both ..." make point back at two parties named before
    /// ("the two countries", "both sides").
    pub(super) sides: FxHashSet<String>,
    /// Nouns that "the" or "this" make point back at a country named before ("the country").
    pub(super) country_nouns: FxHashSet<String>,
    /// Nouns of an occasion that the subject of a clause uses to act: "used the start of the
    /// summit to call on China to help" is the subject's appeal.
    pub(super) occasions: FxHashSet<String>,
    /// Nouns of attack that a `verbal` word makes a denunciation ("a scathing attack").
    pub(super) attacks: FxHashSet<String>,
    /// Nouns of an armed attack by one side: a passive harm told `in` one of them ("were
    /// killed in an Israeli air raid") has the attack's author for its agent.
    pub(super) strikes: FxHashSet<String>,
    /// Prepositions that put a thing at a place ("a building in Dakar"): a subject that is
    /// no actor and names one only through such a place has no agent.
    pub(super) locatives: FxHashSet<String>,
    /// Currencies ("U.S. dollars"): money named after a country is no actor.
    pub(super) money: FxHashSet<String>,
    /// Words that make an event noun a plan: "ahead of a visit", "the scheduled talks".
    pub(super) plans: FxHashSet<String>,
    /// Nouns of people who are not of the country they are in, and adjectives that say so
    /// ("immigrants", "foreign troops"): such a side is never given the country of the place
    /// or of the state acting on it.
    pub(super) foreigners: FxHashSet<String>,
    /// Nouns of a nation's people as a population living or gathered somewhere
    /// ("community", "youths"): met, they are not the nation's state.
    pub(super) populations: FxHashSet<String>,
    /// People who protest ("protesters", "demonstrators"), and the participles that make a
    /// noun such people ("protesting supporters"): fighting with them is their riot.
    pub(super) protesters: FxHashSet<String>,
    /// People of no country in need ("victims", "the poor"): aid to them goes to the country
    /// of the place they are said to be in.
    pub(super) needy: FxHashSet<String>,
    /// Codes (or their prefixes) of acts that a party or an opposition with no target said
    /// aims at its own country's state ("have withdrawn their support").
    pub(super) domestic_codes: FxHashSet<String>,
    /// Sectors of a country's parties, opposition and rebels: the sources of such acts.
    pub(super) domestic_sectors: FxHashSet<String>,
    /// Nouns that sum up what a clause before them says or does ("..., a position which
    /// China supported", "..., a move welcomed by Washington").
    pub(super) stances: FxHashSet<String>,
    /// Codes that ask for people or property to be released, which is asked of their
    /// holder ("demanded the release of its sailors detained by Russia").
    pub(super) releases: FxHashSet<String>,
    /// Verbs whose subject answers a request it takes as object ("rejected UN demands",
    /// "will meet a NATO request"): the subject is whom the request was made of.
    pub(super) answers: FxHashSet<String>,
    /// Words that introduce the members of a group ("five presidents, including X and Y",
    /// "countries such as Kenya"): a group of no country of its own is its members.
    pub(super) members: FxHashSet<String>,
    /// Nouns of intent, threat or refusal that govern their infinitive as their verb would
    /// ("China's readiness to resume talks", "Russia's refusal to withdraw").
    pub(super) noun_governors: FxHashMap<String, Governor>,
    /// Verbs whose object, a governing noun, is their subject's own ("expressed its
    /// willingness to").
    pub(super) expressing: FxHashSet<String>,
    /// Words by which a third party brings two sides together ("US-brokered", "chaired by",
    /// "with the mediation of"): participles and nouns.
    pub(super) mediating: FxHashSet<String>,
    /// Nouns of killing whose `of` phrase names the victims, not the killers ("condemned the
    /// murder of a Lebanese minister" accuses no one of Lebanon).
    pub(super) killings: FxHashSet<String>,
    /// Nouns of a document that a place names for where it was made ("the Oslo accords",
    /// "the Arusha declaration"): the place is no party to it.
    pub(super) venue_named: FxHashSet<String>,
    /// Verbs whose `on` phrase names whom they accuse, and whose object is then the thing
    /// blamed ("blamed the shelling on a malfunction").
    pub(super) blame_on: FxHashSet<String>,
    /// Adverbs of frequency that make a clause a habit rather than an event ("regularly
    /// calls on"): CAMEO codes occurrences, not habits.
    pub(super) habitual: FxHashSet<String>,
    /// Verbs of saying: "would" in what they report is a future, not a hypothetical, and the
    /// clause they report is their subject's statement.
    pub(super) saying: FxHashSet<String>,
    /// Verbs of urging whose "that" clause with "should" or "must" is a demand, as one
    /// reported by a verb of saying is ("suggested that the president should resign").
    pub(super) demand_reporting: FxHashSet<String>,
    /// Determiners and adjectives by which an event noun points back at an event already
    /// told ("the talks", "the previous meeting").
    pub(super) anaphoric: FxHashSet<String>,
}

/// The field of a [`Lexicon`] that one kind of word-class line fills.
type WordClass = fn(&mut Lexicon) -> &mut FxHashSet<String>;

impl Lexicon {
    /// The kinds of `KIND LEMMA` lines of `data/modality.tsv`, each with the class it adds
    /// a word to.
    const WORD_CLASSES: [(&'static str, WordClass); 42] = [
        ("light", |l| &mut l.light),
        ("state", |l| &mut l.state_acts),
        ("judge", |l| &mut l.judges),
        ("owning", |l| &mut l.owning),
        ("predicate", |l| &mut l.predicates),
        ("opinion", |l| &mut l.opinions),
        ("verbal", |l| &mut l.verbal),
        ("attack", |l| &mut l.attacks),
        ("fighting", |l| &mut l.fighting),
        ("nonvisitor", |l| &mut l.nonvisitors),
        ("armed", |l| &mut l.armed),
        ("presence", |l| &mut l.presence),
        ("side", |l| &mut l.sides),
        ("country", |l| &mut l.country_nouns),
        ("occasion", |l| &mut l.occasions),
        ("strike", |l| &mut l.strikes),
        ("locative", |l| &mut l.locatives),
        ("money", |l| &mut l.money),
        ("plan", |l| &mut l.plans),
        ("foreigner", |l| &mut l.foreigners),
        ("population", |l| &mut l.populations),
        ("protester", |l| &mut l.protesters),
        ("needy", |l| &mut l.needy),
        ("domestic", |l| &mut l.domestic_codes),
        ("domestic-sector", |l| &mut l.domestic_sectors),
        ("stance", |l| &mut l.stances),
        ("release", |l| &mut l.releases),
        ("answer", |l| &mut l.answers),
        ("member", |l| &mut l.members),
        ("accused", |l| &mut l.accused),
        ("expressing", |l| &mut l.expressing),
        ("mediating", |l| &mut l.mediating),
        ("killing", |l| &mut l.killings),
        ("venue-named", |l| &mut l.venue_named),
        ("gathering", |l| &mut l.gatherings),
        ("noncompliance", |l| &mut l.noncompliance),
        ("commanding", |l| &mut l.commanding),
        ("blame-on", |l| &mut l.blame_on),
        ("habitual", |l| &mut l.habitual),
        ("saying", |l| &mut l.saying),
        ("demand-reporting", |l| &mut l.demand_reporting),
        ("anaphoric", |l| &mut l.anaphoric),
    ];

    /// The word class that a `KIND LEMMA` line of `data/modality.tsv` adds to.
    fn word_class_mut(&mut self, kind: &str) -> Option<&mut FxHashSet<String>> {
        let (_, class) = Self::WORD_CLASSES.iter().find(|(k, _)| *k == kind)?;
        Some(class(self))
    }

    /// The names of the word classes, for error messages.
    fn word_class_names() -> String {
        Self::WORD_CLASSES.map(|(k, _)| k).join(", ")
    }
}

/// The tables of `data/modality.tsv`.
pub(super) struct ModalityTables {
    pub(super) lexicon: Lexicon,
    /// Governing verbs by lemma.
    pub(super) governors: FxHashMap<String, Governor>,
    /// The code an event becomes, by (class, root).
    pub(super) recoding: FxHashMap<(Governor, String), String>,
    pub(super) reciprocal: FxHashSet<String>,
    pub(super) unreal: FxHashSet<String>,
    pub(super) guests: FxHashMap<String, String>,
    pub(super) demands: FxHashMap<String, String>,
    pub(super) requested: FxHashMap<String, String>,
}

pub(super) fn parse_modality(text: &str) -> Result<ModalityTables, DictError> {
    let mut governors = FxHashMap::default();
    let mut recoding = FxHashMap::default();
    let mut reciprocal = FxHashSet::default();
    let mut unreal = FxHashSet::default();
    let mut lexicon = Lexicon::default();
    let mut guests = FxHashMap::default();
    let mut demands = FxHashMap::default();
    let mut requested = FxHashMap::default();
    let class = |s: &str| match s {
        "intent" => Some(Governor::Intent),
        "decide" => Some(Governor::Decide),
        "threat" => Some(Governor::Threat),
        "refuse" => Some(Governor::Refuse),
        "skip" => Some(Governor::Skip),
        "future" => Some(Governor::Future),
        "refused-future" => Some(Governor::RefusedFuture),
        "state" => Some(Governor::State),
        "armed" => Some(Governor::Armed),
        _ => None,
    };
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let err = |m: &str| DictError {
            file: "modality.tsv".into(),
            line: i + 1,
            message: m.into(),
        };
        let f: Vec<&str> = line.split('\t').collect();
        if let [kind, lemma] = f.as_slice() {
            if let Some(words) = lexicon.word_class_mut(kind) {
                words.insert(lemma.to_string());
                continue;
            }
        }
        match f.as_slice() {
            ["verb", lemma, c] => {
                governors.insert(lemma.to_string(), class(c).ok_or_else(|| err("bad class"))?);
            }
            ["noun", lemma, c] => {
                let c = class(c).ok_or_else(|| err("bad class"))?;
                lexicon.noun_governors.insert(lemma.to_string(), c);
            }
            ["reciprocal", lemma] => {
                reciprocal.insert(lemma.to_string());
            }
            ["unreal", lemma] => {
                unreal.insert(lemma.to_string());
            }
            ["owner", lemma, case] => {
                lexicon.owners.insert(lemma.to_string(), case.to_string());
            }
            ["victim", lemma, harm] => {
                lexicon.victims.insert(lemma.to_string(), harm.to_string());
            }
            ["guest", form, code] => {
                guests.insert(form.to_string(), code.to_string());
            }
            ["demand", form, code] => {
                demands.insert(form.to_string(), code.to_string());
            }
            ["requested", lemma, code] => {
                requested.insert(lemma.to_string(), code.to_string());
            }
            ["code", c, root, code] => {
                recoding.insert(
                    (class(c).ok_or_else(|| err("bad class"))?, root.to_string()),
                    code.to_string(),
                );
            }
            _ => {
                return Err(err(&format!(
                    "expected `verb LEMMA CLASS`, `noun LEMMA CLASS`, `code CLASS ROOT CODE`, `reciprocal LEMMA`, \
                     `unreal LEMMA`, `owner LEMMA CASE`, `victim LEMMA VERB`, `guest FORM CODE`, `demand FORM CODE`, \
                     `requested LEMMA CODE` or `KIND LEMMA` \
                     with KIND one of {}",
                    Lexicon::word_class_names()
                )))
            }
        }
    }
    Ok(ModalityTables {
        lexicon,
        governors,
        recoding,
        reciprocal,
        unreal,
        guests,
        demands,
        requested,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of word class reads into its class, and a line of no known kind is an
    /// error that names the file and the line.
    #[test]
    fn modality_lines_read_into_their_word_classes() {
        let text = Lexicon::WORD_CLASSES
            .iter()
            .map(|(k, _)| format!("{k}\tword"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut tables = parse_modality(&text).expect("every kind reads");
        for (kind, _) in Lexicon::WORD_CLASSES {
            let words = tables.lexicon.word_class_mut(kind).expect("a class");
            assert_eq!(words.len(), 1, "{kind}");
            assert!(words.contains("word"), "{kind}");
        }
        let err = parse_modality("light\tlaunch\nsideways\tword")
            .err()
            .expect("an error");
        assert_eq!((err.file.as_str(), err.line), ("modality.tsv", 2));
        assert!(
            err.message.contains("KIND one of light, state, judge"),
            "{}",
            err.message
        );
    }
}
