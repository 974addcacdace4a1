//! `dyad eval-time`: TempEval-3 style scores of temporal tagging on TimeML.
//!
//! Protocol: TimeBank and AQUAINT's half a are development data (rules are chosen on
//! them, `--errors` lists what they get wrong); AQUAINT's half b is held out: it is only
//! scored, and `--errors` refuses to list it. AQUAINT's annotation habits differ from
//! TimeBank's and can only be learnt from AQUAINT itself, so half of it is development.

use std::path::PathBuf;

use dyad_time::eval::{evaluate, read_dir, Counts};

#[derive(clap::Args)]
pub struct Args {
    /// The TBAQ-cleaned folder (TimeBank/ and AQUAINT/ inside).
    #[arg(long, default_value = "../shared/data/tempeval3/TBAQ-cleaned")]
    dir: PathBuf,
    /// Which part to score.
    #[arg(long, value_enum, default_value_t = Part::All)]
    part: Part,
    /// Print each disagreement with the gold, for development data only: TimeBank (whole
    /// or a half) and AQUAINT half a (`--part aquaint --half a`). AQUAINT half b is held
    /// out, so its disagreements are never printed (the command refuses).
    #[arg(long)]
    errors: bool,
    /// Score only one half of each part's documents, in sorted file name order: `a`
    /// the 1st, 3rd, 5th, ..., `b` the 2nd, 4th, .... TimeBank's halves are both
    /// development (a rule chosen on one half is checked on the other); AQUAINT's half a
    /// is development, half b held out.
    #[arg(long, value_enum)]
    half: Option<Half>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Half {
    A,
    B,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Part {
    Timebank,
    Aquaint,
    All,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let aquaint = matches!(args.part, Part::Aquaint | Part::All);
    if args.errors && aquaint && args.half != Some(Half::A) {
        anyhow::bail!(
            "--errors would list AQUAINT half b, which is held out: use --part timebank, \
             or --part aquaint --half a (AQUAINT's development half)"
        );
    }
    let aquaint_label = match args.half {
        None => "AQUAINT (a dev, b held out)",
        Some(Half::A) => "AQUAINT (development)",
        Some(Half::B) => "AQUAINT (held out)",
    };
    let parts: &[(&str, &str)] = match args.part {
        Part::Timebank => &[("TimeBank", "TimeBank (development)")],
        Part::Aquaint => &[("AQUAINT", aquaint_label)],
        Part::All => &[
            ("TimeBank", "TimeBank (development)"),
            ("AQUAINT", aquaint_label),
        ],
    };
    println!(
        "{:<32} {:>5} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
        "part",
        "docs",
        "gold",
        "system",
        "strict P",
        "R",
        "F1",
        "relax P",
        "R",
        "F1",
        "value P",
        "R",
        "F1"
    );
    for (folder, label) in parts {
        let mut docs = read_dir(&args.dir.join(folder)).map_err(anyhow::Error::msg)?;
        if let Some(half) = args.half {
            let keep = usize::from(half == Half::B);
            docs = docs
                .into_iter()
                .enumerate()
                .filter(|(i, _)| i % 2 == keep)
                .map(|(_, d)| d)
                .collect();
        }
        let (counts, errors) = evaluate(&docs);
        let label = match args.half {
            Some(Half::A) => format!("{label}, half a"),
            Some(Half::B) => format!("{label}, half b"),
            None => label.to_string(),
        };
        print_row(&label, docs.len(), &counts);
        let undated = docs.iter().filter(|d| d.dct.is_none()).count();
        if undated > 0 {
            eprintln!("warning: {label}: {undated} documents without a creation date (relative expressions stay unresolved)");
        }
        if args.errors {
            for e in &errors {
                let show = |x: &Option<(String, String, String)>| match x {
                    Some((t, k, v)) => format!("{:?} {k} {v}", t.replace('\n', " ")),
                    None => "-".to_string(),
                };
                eprintln!(
                    "{}\tgold {}\tsystem {}",
                    e.doc,
                    show(&e.gold),
                    show(&e.system)
                );
            }
        }
    }
    Ok(())
}

fn print_row(label: &str, docs: usize, c: &Counts) {
    let (sp, sr, sf) = c.strict();
    let (rp, rr, rf) = c.relaxed();
    let (vp, vr, vf) = c.value();
    println!(
        "{label:<32} {docs:>5} {:>6} {:>6} | {sp:>8.4} {sr:>6.4} {sf:>6.4} | {rp:>7.4} {rr:>6.4} {rf:>6.4} | {vp:>7.4} {vr:>6.4} {vf:>6.4}",
        c.gold, c.system
    );
}
