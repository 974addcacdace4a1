//! Extra passes over a sentence after the patterns: guests, demands and threats reported
//! by a speaker, requests by a participle's agent, mediators. Each codes an event that no
//! single pattern matches, from the events and roles the main pass found.

use dyad_text::{Span, Upos};

use crate::coder::dates::event_date;
use crate::coder::lexicon::{CONDITIONS, FUTURE, NEGATORS};
use crate::coder::view::{ActorAt, View};
use crate::coder::{Coder, Found, Governor, Modality, Party};
use crate::input::DocumentDates;

impl Coder {
    /// "Hu Jintao told visiting Kenyan President Mwai Kibaki", "met the visiting Romanian
    /// foreign minister": an actor that a guest participle (`data/modality.tsv`) modifies is
    /// the guest of the subject of the clause it is an argument of.
    pub(super) fn code_guests(
        &self,
        view: &View,
        doc_dates: &DocumentDates,
        local: &mut Vec<(usize, Found)>,
    ) {
        for w in 0..view.words().len() {
            let Some(code) = self.guest_words.get(view.form(w)) else {
                continue;
            };
            // "told visiting Kenyan President Kibaki" read as "told" + a clause "visiting
            // Kibaki": the guest is the participle's object.
            let misread = guest_misread_as_verb(view, w);
            if misread.is_none() && !matches!(view.deprel(w), "amod" | "acl" | "compound") {
                continue;
            }
            let Some(guest) = misread.or_else(|| view.head(w)) else {
                continue;
            };
            // "Abe and visiting South Korean foreign minister Ban agreed", "met Hu and
            // visiting Kenyan President Kibaki": a guest joined by "and" to an earlier actor
            // takes that conjunct's place in the clause; a subject conjunct is the host.
            let arg = match (misread, view.head(guest)) {
                (Some(_), _) => w,
                (None, Some(h)) if view.deprel(guest) == "conj" && h < guest => h,
                _ => guest,
            };
            let argument = misread.is_some()
                || matches!(
                    view.sentence.words[arg].deprel.universal(),
                    "obj" | "obl" | "iobj"
                );
            let Some(verb) = view
                .head(arg)
                .filter(|&v| view.words()[v].upos == Upos::VERB && (argument || arg != guest))
            else {
                continue;
            };
            if view.modality(verb, false, verb) != Modality::Asserted || view.is_passive(verb) {
                continue;
            }
            let subject_conjunct = arg != guest
                && (view.deprel(arg) == "nsubj"
                    || (view.deprel(arg) == "obl:unmarked" && arg < verb));
            // (A guest itself reaches here only as an argument of the verb.)
            let host = if subject_conjunct {
                arg
            } else if !argument {
                continue;
            } else {
                let Some(host) = view.subject(verb, 0) else {
                    continue;
                };
                host
            };
            let rule = format!("{code} guest `{}` (modality.tsv)", view.form(w));
            push_dyads(
                view,
                local,
                (w, verb, doc_dates),
                (&view.actors_at(host), &view.actors_at(guest)),
                |a, b| a.actor.country == b.actor.country,
                (code, view.span_of_words(&[w]), rule),
            );
        }
    }

    /// "Lavrov said Georgia must back up its desire with deeds": what a speaker says another
    /// actor should or must do (the `demand` modals of `data/modality.tsv`) asks it of that
    /// actor, whatever the verb. Only in a clause reported by a verb of saying, active, not
    /// negated nor conditional, whose subject is an actor of another country than the speaker.
    pub(super) fn code_reported_demands(
        &self,
        view: &View,
        doc_dates: &DocumentDates,
        local: &mut Vec<(usize, Found)>,
    ) {
        for m in 0..view.words().len() {
            // Auxiliaries only: "should" and "must" are demands as auxiliaries.
            if view.deprel(m) != "aux" {
                continue;
            }
            let Some(code) = self.demand_modals.get(view.form(m)) else {
                continue;
            };
            let Some(c) = view.head(m) else {
                continue;
            };
            // "said Mobutu is finished and should quit": a conjunct shares its head's subject
            // and report.
            let clause = if view.deprel(c) == "conj" && view.child(c, "nsubj").is_none() {
                view.head(c).unwrap_or(c)
            } else {
                c
            };
            // "Paris has suggested that the president should resign": a verb of urging that
            // takes the clause reports a demand as a verb of saying does.
            let urging = Some(clause)
                .filter(|&x| view.deprel(x) == "ccomp")
                .and_then(|x| view.head(x))
                .filter(|&h| view.lexicon.demand_reporting.contains(view.lemma(h)));
            let Some(say) = urging.or_else(|| view.reporting_verb(clause)) else {
                continue;
            };
            // A predicate or a passive ("should be supported") says what should happen, not
            // whom it is asked of. (Any part of speech otherwise: the parser may make a noun
            // of the verb, "must back up its desire".)
            let plain = !view.children_of(c).iter().any(|&k| {
                let (rel, form) = (view.deprel(k), view.form(k));
                match rel {
                    "cop" | "aux:pass" | "nsubj:pass" | "expl" => true,
                    "advmod" => NEGATORS.contains(&form),
                    "mark" => CONDITIONS.contains(&form),
                    _ => false,
                }
            });
            if !plain
                || view.is_conditional(c)
                || view.modality(say, false, say) != Modality::Asserted
            {
                continue;
            }
            // "said Mobutu is finished and should quit": an active conjunct's subject is that
            // of the clause it joins, even a passive one.
            let subject = view.child(clause, "nsubj").or_else(|| {
                (clause != c)
                    .then(|| view.child(clause, "nsubj:pass"))
                    .flatten()
            });
            let (Some(subject), Some(speaker)) = (subject, view.subject(say, 0)) else {
                continue;
            };
            let rule = format!("{code} reported demand `{}` (modality.tsv)", view.form(m));
            // Organisations have no country: they are one side only with themselves.
            let side = |p: &Party| p.actor.country.clone().unwrap_or(p.actor.code.clone());
            push_dyads(
                view,
                local,
                (m, say, doc_dates),
                (&view.actors_at(speaker), &view.actors_at(subject)),
                |a, b| side(a) == side(b),
                (code, view.span_of_words(&[m, c]), rule),
            );
        }
    }

    /// "Moscow warned that gas supplies will be cut off if Minsk does not pay": what a
    /// speaker says will or could follow a party's not doing something (a condition marked
    /// "unless", or "if" with a negated verb or one of `noncompliance`, "if it fails to") is
    /// a threat by the speaker against that party, the condition's subject (the `threat *`
    /// code of `data/modality.tsv`), whatever the act told. Only in a clause reported by a
    /// verb of saying in the future or with a modal ("will", "would", "could", "possible"),
    /// not negated, whose own events the condition leaves uncoded.
    pub(super) fn code_conditional_threats(
        &self,
        view: &View,
        doc_dates: &DocumentDates,
        local: &mut Vec<(usize, Found)>,
    ) {
        let Some(code) = self.recoded(Governor::Threat, "*") else {
            return;
        };
        for k in 0..view.words().len() {
            if view.deprel(k) != "advcl" {
                continue;
            }
            let marked = |word: &str| {
                view.children_of(k)
                    .iter()
                    .any(|&m| view.deprel(m) == "mark" && view.form(m).eq_ignore_ascii_case(word))
            };
            let refusing = self.lexicon.noncompliance.contains(view.lemma(k));
            let unless = marked("unless");
            let ifnot = marked("if") && (view.is_negated(k) || refusing);
            if !(unless || ifnot) {
                continue;
            }
            let Some(c) = view.head(k) else { continue };
            // "France must inform the Commission and could face action if it fails to": a
            // conjunct shares its head's subject and report.
            let clause = if view.deprel(c) == "conj" && view.child(c, "nsubj").is_none() {
                view.head(c).unwrap_or(c)
            } else {
                c
            };
            let modal = view.children_of(c).iter().any(|&m| {
                view.deprel(m) == "aux"
                    && (FUTURE.contains(&view.form(m))
                        || matches!(view.form(m), "would" | "could" | "might" | "may"))
            }) || matches!(view.lemma(c), "possible" | "likely");
            if !modal || view.is_negated(c) {
                continue;
            }
            let Some(say) = view.reporting_verb(clause) else {
                continue;
            };
            if view.modality(say, false, say) != Modality::Asserted {
                continue;
            }
            let (Some(speaker), Some(party)) = (view.subject(say, 0), view.child(k, "nsubj"))
            else {
                continue;
            };
            let rule = format!("{code} conditional threat `{}`", view.form(k));
            push_dyads(
                view,
                local,
                (c, say, doc_dates),
                (&view.actors_at(speaker), &view.actors_at(party)),
                |_, _| false,
                (code, view.span_of_words(&[c, k]), rule),
            );
        }
        // "called on Syria to cooperate or face further action": a harm the one asked is to
        // face or risk if it does not do what is asked (a conjunct "or" + `face`/`risk` with
        // an object, on the infinitive a request or demand governs) is a threat by the one
        // who asks, on the one asked.
        for f in 0..view.words().len() {
            if view.deprel(f) != "conj"
                || !matches!(view.lemma(f), "face" | "risk")
                || view.child(f, "obj").is_none()
                || !view
                    .children_of(f)
                    .iter()
                    .any(|&m| view.deprel(m) == "cc" && view.form(m).eq_ignore_ascii_case("or"))
            {
                continue;
            }
            let Some(asker) = view.head(f).and_then(|h| view.head(h)) else {
                continue;
            };
            let threats: Vec<(usize, Found)> = local
                .iter()
                .filter(|(w, e)| {
                    *w == asker
                        && e.target.is_some()
                        && (e.code.starts_with("02") || e.code.starts_with("10"))
                })
                .map(|(_, e)| {
                    let mut t = e.clone();
                    t.code = code.clone();
                    t.trigger = view.span_of_words(&[f]);
                    t.rule = format!("{code} or `{}` on a request", view.form(f));
                    (f, t)
                })
                .collect();
            local.extend(threats);
        }
    }
}

impl Coder {
    /// "said they would send a delegation as requested by Clinton", "did not agree to release
    /// prisoners -- a gesture sought by Abbas": a participle of asking (the `requested` lemmas
    /// of `data/modality.tsv`), marked "as" or on a noun of the clause, with a `by` agent, is
    /// the agent's request of the clause's subject. The request was made whatever the answer,
    /// so the clause's negation or future does not reach it.
    pub(super) fn code_requested_participles(
        &self,
        view: &View,
        doc_dates: &DocumentDates,
        local: &mut Vec<(usize, Found)>,
    ) {
        for w in 0..view.words().len() {
            let Some(code) = self.requested_participles.get(view.lemma(w)) else {
                continue;
            };
            if view.words()[w].xpos != "VBN" {
                continue;
            }
            // "as requested by": an adverbial clause marked "as" and nothing else ("if
            // requested by" is a condition); else a participle on a noun ("the 11 requested
            // by the UNHCR").
            let marks: Vec<usize> = view
                .children_of(w)
                .iter()
                .copied()
                .filter(|&k| view.deprel(k) == "mark")
                .collect();
            let as_clause =
                view.deprel(w) == "advcl" && marks.len() == 1 && view.form(marks[0]) == "as";
            let on_noun = view.deprel(w) == "acl"
                && marks.is_empty()
                && view.head(w).is_some_and(|h| {
                    matches!(view.words()[h].upos, Upos::NOUN | Upos::PROPN | Upos::NUM)
                });
            if !(as_clause || on_noun) {
                continue;
            }
            let Some(agent) = view.child(w, "obl:agent") else {
                continue;
            };
            // The clause the participle belongs to: up through the nouns and the participles
            // on them ("compared with") to the first verb with a subject of its own or that
            // is a clause, whose subject is asked (not the subject of a passive).
            let mut x = w;
            let mut subject = None;
            for _ in 0..6 {
                let Some(h) = view.head(x) else { break };
                x = h;
                let own = view.child(x, "nsubj").is_some() || view.child(x, "nsubj:pass").is_some();
                if view.words()[x].upos != Upos::VERB || (view.deprel(x) == "acl" && !own) {
                    continue;
                }
                if !view.is_passive(x) {
                    subject = view.subject(x, 0);
                }
                break;
            }
            let Some(subject) = subject else { continue };
            let rule = format!("{code} requested by `{}` (modality.tsv)", view.form(w));
            push_dyads(
                view,
                local,
                (w, w, doc_dates),
                (&view.actors_at(agent), &view.actors_at(subject)),
                |a, b| a.actor.code == b.actor.code,
                (code, view.span_of_words(&[w]), rule),
            );
        }
    }
}

impl Coder {
    /// "talks between Zaire's warring parties opened, chaired by the United Nations", "a
    /// US-brokered agreement between", "an agreement reached with the mediation of Rice": the
    /// third party that brings the two sides of a meeting or an agreement together mediates
    /// (045) with each of them. The sides are those of the event already coded at the trigger.
    pub(super) fn code_mediators(&self, view: &View, local: &mut Vec<(usize, Found)>) {
        let mut mediated = Vec::new();
        for (w, f) in local.iter() {
            if !matches!(&f.code[..2], "04" | "05") || f.code.starts_with("045") {
                continue;
            }
            let Some(target) = &f.target else { continue };
            let mediators = view.mediators(*w);
            if mediators.is_empty() {
                continue;
            }
            for side in [&f.source, target] {
                for &m in &mediators {
                    let party = view.party(m);
                    if party.actor.code.starts_with("---")
                        || party.actor.code == side.actor.code
                        || (party.actor.country.is_some()
                            && party.actor.country == side.actor.country)
                    {
                        continue;
                    }
                    let rule = format!("045 mediator of `{}` ({})", view.form(*w), f.rule);
                    let found = Found {
                        sentence: view.index,
                        code: "045".to_string(),
                        source: party,
                        target: Some(side.clone()),
                        trigger: f.trigger,
                        date: f.date.clone(),
                        date_source: f.date_source,
                        rule,
                    };
                    let same = |g: &Found| {
                        g.source.actor.code == found.source.actor.code
                            && g.target.as_ref().map(|t| &t.actor.code)
                                == found.target.as_ref().map(|t| &t.actor.code)
                    };
                    if !mediated.iter().any(|(_, g)| same(g)) {
                        mediated.push((*w, found));
                    }
                }
            }
        }
        local.extend(mediated);
    }
}

/// A guest participle that the parser made a clause of its own right after a verb ("told
/// visiting Kenyan President Kibaki" as "told" + `xcomp` "visiting Kibaki"): with no subject
/// of its own and an actor for object, the object is the guest being hosted, not a place
/// visited. Returns that object.
pub(super) fn guest_misread_as_verb(view: &View, w: usize) -> Option<usize> {
    let verb = view.head(w)?;
    if view.deprel(w) != "xcomp" || view.words()[w].upos != Upos::VERB || verb + 1 != w {
        return None;
    }
    let children = view.children_of(w);
    if children
        .iter()
        .any(|&c| view.deprel(c).starts_with("nsubj"))
    {
        return None;
    }
    children
        .iter()
        .copied()
        .find(|&c| view.deprel(c) == "obj" && !view.actors_at(c).is_empty())
}

/// Pushes an event of `code` at word `w`, dated by the clause of word `dated`, for each pair
/// of a source among `sources` and a target among `targets`, except a pair that is one
/// mention, has a side of no country ("---"), or that `same_side` says is one side.
fn push_dyads(
    view: &View,
    local: &mut Vec<(usize, Found)>,
    (w, dated, doc_dates): (usize, usize, &DocumentDates),
    (sources, targets): (&[ActorAt], &[ActorAt]),
    same_side: impl Fn(&Party, &Party) -> bool,
    (code, trigger, rule): (&str, Span, String),
) {
    let (date, date_source) = event_date(view, dated, doc_dates);
    for &s in sources {
        for &t in targets {
            let (source, target) = (view.party(s), view.party(t));
            if s.0 == t.0
                || source.actor.code.starts_with("---")
                || target.actor.code.starts_with("---")
                || same_side(&source, &target)
            {
                continue;
            }
            local.push((
                w,
                Found {
                    sentence: view.index,
                    code: code.to_string(),
                    source,
                    target: Some(target),
                    trigger,
                    date: date.clone(),
                    date_source,
                    rule: rule.clone(),
                },
            ));
        }
    }
}
