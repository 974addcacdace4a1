//! The coder's rules on sentences we wrote, parsed by the real pipeline. Actors are given by
//! a small table of single words so that these tests check the coder alone, not the
//! knowledge base.

use std::sync::OnceLock;

use dyad_code::coder::Coder;
use dyad_code::input::{ActorMention, ActorRef, DocumentDates};
use dyad_nlp::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::load_default().expect("models load"))
}

fn coder() -> &'static Coder {
    static C: OnceLock<Coder> = OnceLock::new();
    C.get_or_init(Coder::bundled)
}

const ACTORS: &[(&str, &str)] = &[
    ("Austin", "USAGOVMIL"),
    ("Shoigu", "RUSGOVMIL"),
    ("Reznikov", "UKRGOVMIL"),
    ("Russia", "RUS"),
    ("Russian", "RUS"),
    ("Ukraine", "UKR"),
    ("Iran", "IRN"),
    ("Tehran", "IRNGOV"),
    ("Moscow", "RUSGOV"),
    ("Kyiv", "UKRGOV"),
    ("China", "CHN"),
    ("Beijing", "CHNGOV"),
    ("Israel", "ISR"),
    ("Hamas", "PSEINS"),
];

/// Codes `text` and writes each event as `CODE SOURCE>TARGET`.
fn code(text: &str) -> Vec<String> {
    let doc = pipeline().parse(text);
    let mentions: Vec<Vec<ActorMention>> = doc
        .sentences
        .iter()
        .map(|s| {
            s.words
                .iter()
                .enumerate()
                .filter_map(|(i, w)| {
                    let (_, code) = ACTORS.iter().find(|(f, _)| *f == w.form)?;
                    Some(ActorMention {
                        words: i..i + 1,
                        head: i,
                        actors: vec![ActorRef {
                            code: code.to_string(),
                            country: Some(code[..3].to_string()),
                            sectors: Vec::new(),
                            name: None,
                        }],
                    })
                })
                .collect()
        })
        .collect();
    let dates = vec![Vec::new(); doc.sentences.len()];
    let dd = DocumentDates {
        dateline: None,
        published: Some("2022-10-21".into()),
    };
    coder()
        .code_document(&doc, &mentions, &dates, &dd)
        .iter()
        .map(|f| {
            format!(
                "{} {}>{}",
                f.code,
                f.source.actor.code,
                f.target.as_ref().map_or("-", |t| t.actor.code.as_str())
            )
        })
        .collect()
}

#[test]
fn dev_print() {
    for s in [
        "Austin spoke with Shoigu on Friday.",
        "Austin did not speak with Shoigu.",
        "Russia invaded Ukraine.",
        "Ukraine was invaded by Russia.",
        "If Russia invades Ukraine, the West will respond.",
        "Will Russia invade Ukraine?",
        "Russia could invade Ukraine.",
        "Austin and Shoigu spoke.",
        "Austin spoke with Shoigu and Reznikov.",
        "Iran sold drones to Russia.",
        "The troops used drones Tehran sold to Moscow.",
        "Russia will invade Ukraine.",
        "Russia threatened to invade Ukraine.",
        "Russia refused to meet Ukraine.",
        "Russia blamed Ukraine for the attack.",
        "Austin initiated the call with Shoigu.",
        "Beijing condemned Israel strikes on Hamas.",
        "Moscow said Tehran would sell drones to Russia.",
    ] {
        println!("{s}\n    {:?}", code(s));
    }
}
