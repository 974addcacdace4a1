//! What a long run shows on the terminal: a progress bar and a closing summary.
//!
//! Rules (docs/store.md, "On the terminal"):
//! - The progress bar goes to stderr, only when stderr is a terminal and the run is not quiet;
//!   it shows documents, events, documents/s and events/s.
//! - `-q` prints nothing but errors; the default prints the summary; `-v` adds a line per
//!   document and lists every skipped input (the default lists the first 20).
//! - The exit code is non-zero only when nothing could be read: [`RunSummary::exit_code`].

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// How much a run tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

impl Verbosity {
    /// From the `-q`/`--quiet` and `-v`/`--verbose` flags (quiet wins when both are given).
    pub fn from_flags(quiet: bool, verbose: bool) -> Verbosity {
        if quiet {
            Verbosity::Quiet
        } else if verbose {
            Verbosity::Verbose
        } else {
            Verbosity::Normal
        }
    }
}

/// A progress bar on stderr, or nothing when stderr is not a terminal or the run is quiet.
pub struct Progress {
    bar: Option<ProgressBar>,
    verbosity: Verbosity,
    start: Instant,
    documents: u64,
    events: u64,
}

impl Progress {
    /// `total`: the number of documents when known (a file size or line count), for a bar
    /// with an end; `None` gives a spinner with counts.
    pub fn new(total: Option<u64>, verbosity: Verbosity) -> Progress {
        let show = verbosity != Verbosity::Quiet && std::io::stderr().is_terminal();
        Progress::with_bar(total, verbosity, show)
    }

    /// As [`Progress::new`], with the decision to draw made by the caller (tests).
    pub fn with_bar(total: Option<u64>, verbosity: Verbosity, show: bool) -> Progress {
        let bar = show.then(|| {
            let bar = match total {
                Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
            };
            let template = if total.is_some() {
                "{elapsed_precise} [{bar:30}] {pos}/{len} documents  {msg}"
            } else {
                "{elapsed_precise} {spinner} {pos} documents  {msg}"
            };
            bar.set_style(
                ProgressStyle::with_template(template)
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            verbosity,
            start: Instant::now(),
            documents: 0,
            events: 0,
        }
    }

    /// Whether a bar is drawn.
    pub fn is_drawn(&self) -> bool {
        self.bar.is_some()
    }

    /// Counts `documents` more documents holding `events` events.
    pub fn advance(&mut self, documents: u64, events: u64) {
        self.documents += documents;
        self.events += events;
        if let Some(bar) = &self.bar {
            bar.inc(documents);
            bar.set_message(self.rates());
        }
    }

    /// `"12 events  35.2 documents/s  120.4 events/s"`.
    pub fn rates(&self) -> String {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        format!(
            "{} events  {:.1} documents/s  {:.1} events/s",
            self.events,
            self.documents as f64 / secs,
            self.events as f64 / secs
        )
    }

    /// A line for `-v` (printed above the bar so it is not torn).
    pub fn verbose(&self, line: &str) {
        if self.verbosity == Verbosity::Verbose {
            self.print(line);
        }
    }

    /// A warning line (suppressed by `-q`).
    pub fn warn(&self, line: &str) {
        if self.verbosity != Verbosity::Quiet {
            self.print(line);
        }
    }

    fn print(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// An input that was skipped: where (`file` or `file:line`) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub input: String,
    pub reason: String,
}

/// What a run did, printed at its end.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunSummary {
    /// Documents read (newly stored or already stored).
    pub documents: u64,
    /// Of those, documents already in the store (same content hash), not coded again.
    pub already_stored: u64,
    pub sentences: u64,
    pub events: u64,
    /// Clusters in the store at the end.
    pub clusters: u64,
    pub skipped: Vec<Skipped>,
}

/// In the default verbosity the summary lists at most this many skipped inputs.
const SKIPPED_LISTED: usize = 20;

impl RunSummary {
    pub fn skip(&mut self, input: impl Into<String>, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            input: input.into(),
            reason: reason.into(),
        });
    }

    /// 0 when at least one document could be read, 1 when none could (every input skipped,
    /// or no input at all). Skipped inputs alone never make a run fail.
    pub fn exit_code(&self) -> i32 {
        if self.documents > 0 {
            0
        } else {
            1
        }
    }

    /// The summary as text: one line of counts, then the skipped inputs.
    pub fn render(&self, verbosity: Verbosity) -> String {
        let mut out = format!(
            "{} documents ({} already stored), {} sentences, {} events, {} clusters, {} skipped",
            self.documents,
            self.already_stored,
            self.sentences,
            self.events,
            self.clusters,
            self.skipped.len()
        );
        let listed = if verbosity == Verbosity::Verbose {
            self.skipped.len()
        } else {
            self.skipped.len().min(SKIPPED_LISTED)
        };
        for s in &self.skipped[..listed] {
            out.push_str(&format!("\n  skipped {}: {}", s.input, s.reason));
        }
        if listed < self.skipped.len() {
            out.push_str(&format!(
                "\n  ... and {} more (-v lists them all)",
                self.skipped.len() - listed
            ));
        }
        out
    }

    /// Prints the summary on stderr unless quiet.
    pub fn report(&self, verbosity: Verbosity) {
        if verbosity != Verbosity::Quiet {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "{}", self.render(verbosity));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lists_skips_and_exit_code_follows_reads() {
        let mut s = RunSummary::default();
        assert_eq!(s.exit_code(), 1);
        s.skip("a.jsonl:3", "not JSON: expected value at line 1 column 1");
        assert_eq!(s.exit_code(), 1);
        s.documents = 2;
        s.sentences = 7;
        s.events = 3;
        s.clusters = 2;
        assert_eq!(s.exit_code(), 0);
        assert_eq!(
            s.render(Verbosity::Normal),
            "2 documents (0 already stored), 7 sentences, 3 events, 2 clusters, 1 skipped\n  \
             skipped a.jsonl:3: not JSON: expected value at line 1 column 1"
        );
        for i in 0..25 {
            s.skip(format!("f{i}"), "empty");
        }
        let normal = s.render(Verbosity::Normal);
        assert_eq!(normal.lines().count(), 1 + 20 + 1);
        assert!(normal.ends_with("... and 6 more (-v lists them all)"));
        assert_eq!(s.render(Verbosity::Verbose).lines().count(), 1 + 26);
    }

    #[test]
    fn flags_make_verbosity_and_quiet_draws_nothing() {
        assert_eq!(Verbosity::from_flags(true, true), Verbosity::Quiet);
        assert_eq!(Verbosity::from_flags(false, true), Verbosity::Verbose);
        assert_eq!(Verbosity::from_flags(false, false), Verbosity::Normal);
        let mut p = Progress::new(Some(10), Verbosity::Quiet);
        assert!(!p.is_drawn());
        p.advance(2, 5);
        assert!(p.rates().starts_with("5 events  "));
    }
}
