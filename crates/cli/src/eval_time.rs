//! `dyad eval-time`: TempEval-3 style scores of temporal tagging on TimeML.
//!
//! TimeBank is the development part (rules were tuned on it, `--errors` lists what it
//! gets wrong); AQUAINT is held out and reported.

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
    /// Print each disagreement with the gold (for development data: TimeBank).
    #[arg(long)]
    errors: bool,
    /// Score only one half of each part's documents, in sorted file name order: `a`
    /// the 1st, 3rd, 5th, ..., `b` the 2nd, 4th, ... (to check that a rule chosen on one
    /// half of the development part helps on the other).
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
    let parts: &[(&str, &str)] = match args.part {
        Part::Timebank => &[("TimeBank", "TimeBank (development)")],
        Part::Aquaint => &[("AQUAINT", "AQUAINT (held out)")],
        Part::All => &[
            ("TimeBank", "TimeBank (development)"),
            ("AQUAINT", "AQUAINT (held out)"),
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
