//! First pass: cuts the text into pieces, the surface tokens, each with its byte span, what
//! kind of thing it is, and the white space before it.
//!
//! The text is read once, left to right. White space and control characters separate
//! *chunks*; each chunk is cut into pieces by looking at its characters: URLs and e-mail
//! addresses are taken whole, runs of letters and digits with their inner punctuation
//! ("U.S", "1,000", "don't", "Al-Zaman") are examined as a whole and then cut where UD English
//! EWT cuts them, and punctuation becomes tokens of its own. Every decision looks at a
//! bounded neighbourhood or at text it then consumes, so the time is linear in the length of
//! the text, even for one huge line without spaces.

use super::chars::{
    is_apostrophe, is_connector, is_hyphen, is_separator, is_symbol_modifier, is_terminal,
    is_word_char, ZERO_WIDTH_JOINER,
};
use super::lexicon::{AbbrevClass, Lexicon};

/// The white space before a piece.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    /// The piece follows the previous one directly.
    None,
    /// Spaces or tabs, or control characters, but no line break.
    Space,
    /// A single line break.
    Newline,
    /// A blank line (two or more line breaks), or the start of the text.
    Paragraph,
}

/// How an abbreviation bears on the end of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// A title, "e.g.", or an abbreviation before a number: the sentence goes on ("Dr.",
    /// "No. 5").
    NeverFinal,
    /// A listed abbreviation that may end a sentence ("Inc.", "etc.").
    General,
    /// An initial or a chain of initials ("J.", "U.S.", "a.m.").
    Initials,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits, with the inner punctuation that stays (numbers, "don't",
    /// "e-mail"). May hold clitics, which become separate syntactic words later.
    Word,
    /// A word with its abbreviation period.
    Abbrev(Abbrev),
    /// A run of sentence-final punctuation: ".", "?!", "...", "…".
    Terminal,
    /// A URL, e-mail address, @handle, #hashtag, domain or file name: never split.
    Web,
    Emoticon,
    /// Any other punctuation or symbol.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// The white space between the previous piece and this one.
    pub(crate) gap: Gap,
}

/// Cuts `text` into pieces.
pub(crate) fn scan(text: &str, lexicon: &Lexicon) -> Vec<Piece> {
    let mut scanner = Scanner {
        text,
        lexicon,
        pieces: Vec::with_capacity(text.len() / 5 + 1),
        gap: Gap::Paragraph,
        single_quote_open: false,
        segments: Vec::new(),
    };
    let len = text.len();
    let mut i = 0;
    while i < len {
        let mut line_breaks = 0;
        let mut any_gap = false;
        while let Some(c) = scanner.char_at(i) {
            if !is_separator(c) {
                break;
            }
            any_gap = true;
            line_breaks += match c {
                '\n' | '\u{0B}' | '\u{85}' | '\u{2028}' => 1,
                '\r' if scanner.char_at(i + 1) != Some('\n') => 1,
                '\u{0C}' | '\u{2029}' => 2,
                _ => 0,
            };
            i += c.len_utf8();
        }
        if !scanner.pieces.is_empty() {
            scanner.gap = match line_breaks {
                0 if any_gap => Gap::Space,
                0 => Gap::None,
                1 => Gap::Newline,
                _ => Gap::Paragraph,
            };
        }
        if scanner.gap == Gap::Paragraph {
            // A quotation left open does not run across paragraphs.
            scanner.single_quote_open = false;
        }
        let chunk_start = i;
        while let Some(c) = scanner.char_at(i) {
            if is_separator(c) {
                break;
            }
            i += c.len_utf8();
        }
        if i > chunk_start {
            scanner.scan_chunk(chunk_start, i);
        }
    }
    scanner.pieces
}

/// A run of letters and digits inside a candidate token, and the connector after it.
#[derive(Clone, Copy, Debug)]
struct Segment {
    start: usize,
    end: usize,
    /// The connector character that follows the segment, if another segment follows.
    connector: Option<char>,
}

struct Scanner<'a> {
    text: &'a str,
    lexicon: &'a Lexicon,
    pieces: Vec<Piece>,
    /// The gap to record on the next piece.
    gap: Gap,
    /// A single quotation mark opened and not closed yet: a later "s'" then closes it
    /// rather than marking a plural possessive ("the 'soldiers' said" vs "soldiers' pay").
    single_quote_open: bool,
    /// Scratch space for [`Scanner::scan_word_run`], kept to avoid allocating per word.
    segments: Vec<Segment>,
}

impl<'a> Scanner<'a> {
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|rest| rest.chars().next())
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text[..i].chars().next_back()
    }

    fn push(&mut self, start: usize, end: usize, kind: Kind) {
        if end > start {
            self.pieces.push(Piece {
                start,
                end,
                kind,
                gap: self.gap,
            });
            self.gap = Gap::None;
        }
    }

    fn scan_chunk(&mut self, chunk_start: usize, chunk_end: usize) {
        let mut i = chunk_start;
        while i < chunk_end {
            let Some(c) = self.char_at(i) else { break };
            let after_word = i > chunk_start && self.char_before(i).is_some_and(is_word_char);
            let next = if !after_word {
                self.url_end(i, chunk_end)
            } else {
                None
            };
            let next = match next {
                Some(end) => {
                    self.push(i, end, Kind::Web);
                    end
                }
                None if is_word_char(c) => self.scan_word_run(i, chunk_end),
                None => self.scan_symbol(i, chunk_start, chunk_end),
            };
            // Every branch consumes at least one character; guard anyway so that a bug
            // there could never loop forever.
            i = next.max(i + c.len_utf8());
        }
    }

    /// If a URL starts at `i`, the end of it (trailing punctuation left out).
    fn url_end(&self, i: usize, chunk_end: usize) -> Option<usize> {
        let rest = &self.text.as_bytes()[i..chunk_end];
        let prefix_len = [
            "http://", "https://", "ftp://", "file://", "mailto:", "www.",
        ]
        .iter()
        .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
        .map(|p| p.len())?;
        // "www." must be followed by a name; a bare scheme is not a URL.
        if !self.char_at(i + prefix_len).is_some_and(is_word_char) {
            return None;
        }
        Some(self.trim_url(i, self.url_limit(i + prefix_len, chunk_end)))
    }

    /// Where a URL that continues at `from` stops: at the end of the chunk, or at a
    /// character that cannot be in a URL and often wraps one (`<`, `>`, quotes).
    fn url_limit(&self, from: usize, chunk_end: usize) -> usize {
        self.text[from..chunk_end]
            .char_indices()
            .find(|&(_, c)| matches!(c, '<' | '>' | '"' | '“' | '”' | '«' | '»'))
            .map_or(chunk_end, |(k, _)| from + k)
    }

    /// Leaves out the punctuation that ends a sentence or closes a bracket after a URL.
    fn trim_url(&self, start: usize, mut end: usize) -> usize {
        let url = &self.text[start..end];
        let open_parens = url.matches('(').count();
        let mut close_parens = url.matches(')').count();
        while let Some(c) = self.char_before(end).filter(|_| end > start + 1) {
            let trim = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | '"' | '”' | ']' | '}' => true,
                // A closing bracket stays if it closes one opened inside the URL.
                ')' if close_parens > open_parens => {
                    close_parens -= 1;
                    true
                }
                _ => false,
            };
            if !trim {
                break;
            }
            end -= c.len_utf8();
        }
        end
    }

    /// Reads a run of letters and digits joined by connectors starting at `start`, cuts it
    /// into pieces, and returns where the scan goes on.
    fn scan_word_run(&mut self, start: usize, chunk_end: usize) -> usize {
        let segments = self.read_segments(start, chunk_end);
        let run_end = segments.last().map_or(start, |s| s.end);
        let has_at = segments.iter().any(|s| s.connector == Some('@'));
        let is_domain = !has_at && self.is_domain_or_file(&segments);
        let mut end = run_end;
        if has_at || is_domain {
            if is_domain && self.char_at(run_end) == Some('/') {
                // "example.com/path": the rest of the URL belongs to it.
                end = self.trim_url(start, self.url_limit(run_end, chunk_end));
            }
            self.push(start, end, Kind::Web);
        } else {
            self.cut_run(&segments);
            end = self.absorb_trailing(start, run_end, chunk_end);
        }
        self.segments = segments;
        end
    }

    /// The segments of the run starting at `start`.
    fn read_segments(&mut self, start: usize, chunk_end: usize) -> Vec<Segment> {
        let mut segments = std::mem::take(&mut self.segments);
        segments.clear();
        let mut i = start;
        loop {
            let seg_start = i;
            while let Some(c) = self.char_at(i).filter(|_| i < chunk_end) {
                if !is_word_char(c) {
                    break;
                }
                i += c.len_utf8();
            }
            segments.push(Segment {
                start: seg_start,
                end: i,
                connector: None,
            });
            let Some(c) = self.char_at(i).filter(|_| i < chunk_end) else {
                break;
            };
            let after = i + c.len_utf8();
            if is_connector(c) && after < chunk_end && self.char_at(after).is_some_and(is_word_char)
            {
                segments.last_mut().unwrap().connector = Some(c);
                i = after;
                continue;
            }
            // The dots of a shortened e-mail address, as mailing-list archives print them:
            // "john...@example.com".
            if c == '.' {
                let dots_end = i + self.text[i..chunk_end]
                    .bytes()
                    .take_while(|&b| b == b'.')
                    .count();
                if self.char_at(dots_end) == Some('@')
                    && dots_end + 1 < chunk_end
                    && self.char_at(dots_end + 1).is_some_and(is_word_char)
                {
                    // Recorded as an '@' connector so that the run is taken as an e-mail.
                    segments.last_mut().unwrap().connector = Some('@');
                    i = dots_end + 1;
                    continue;
                }
            }
            break;
        }
        segments
    }

    /// "whitehouse.gov", "report-final.doc": names joined by dots (and hyphens or
    /// underscores) whose last part is a top-level domain or a file extension.
    fn is_domain_or_file(&self, segments: &[Segment]) -> bool {
        let n = segments.len();
        // Usenet newsgroup names: "alt.animals.cats", "comp.lang.c".
        if n >= 2
            && matches!(
                self.seg_text(&segments[0]),
                "alt" | "comp" | "rec" | "sci" | "soc" | "talk" | "misc" | "news"
            )
            && segments[..n - 1].iter().all(|s| s.connector == Some('.'))
            && segments
                .iter()
                .all(|s| self.seg_text(s).bytes().all(|b| b.is_ascii_lowercase()))
        {
            return true;
        }
        n >= 2
            && segments[n - 2].connector == Some('.')
            && segments[..n - 1]
                .iter()
                .all(|s| matches!(s.connector, Some('.' | '-' | '_')))
            && self
                .lexicon
                .is_web_suffix(&self.text[segments[n - 1].start..segments[n - 1].end])
            // "U.S.A" and "e.g" are initials, not names; a domain has a longer part.
            && segments[..n - 1].iter().any(|s| s.end - s.start > 1)
    }

    fn seg_text(&self, s: &Segment) -> &'a str {
        &self.text[s.start..s.end]
    }

    /// Cuts a run into pieces: decides for each connector whether it stays inside a token.
    fn cut_run(&mut self, segments: &[Segment]) {
        let n = segments.len();
        if n == 1 {
            self.push_word(segments[0].start, segments[0].end);
            return;
        }
        // First the connectors other than hyphens, which only look at their two neighbours.
        // join[k] tells whether segment k and segment k+1 stay in one token.
        let mut join: Vec<bool> = (0..n - 1).map(|k| self.joins(segments, k)).collect();
        // Then hyphens, which look at the whole tokens on both sides ("713-853-3989" is one
        // phone number, "1969-1970" a range of two numbers).
        let mut k = 0;
        while k < n - 1 {
            if !segments[k].connector.is_some_and(is_hyphen) {
                k += 1;
                continue;
            }
            // The chain of hyphen-joined groups starting with the group that ends at k.
            let mut group_start = k;
            while group_start > 0 && join[group_start - 1] {
                group_start -= 1;
            }
            let mut bounds = vec![(group_start, k)];
            let mut m = k;
            while m < n - 1 && segments[m].connector.is_some_and(is_hyphen) {
                let mut e = m + 1;
                while e < n - 1 && join[e] && !segments[e].connector.is_some_and(is_hyphen) {
                    e += 1;
                }
                bounds.push((m + 1, e));
                m = e;
            }
            let group_text =
                |(a, b): (usize, usize)| &self.text[segments[a].start..segments[b].end];
            let numeric = |g: (usize, usize)| self.is_numeric_group(&segments[g.0..=g.1]);
            if bounds.iter().all(|&g| numeric(g)) {
                let keep = bounds.len() >= 3
                    || self.is_one_number(group_text(bounds[0]), group_text(bounds[1]));
                for &(_, b) in &bounds[..bounds.len() - 1] {
                    join[b] = keep;
                }
            } else if bounds.iter().any(|&g| self.is_code(group_text(g))) {
                // A code that mixes letters and digits stays whole ("nmemdrft8-7-01").
                for &(_, b) in &bounds[..bounds.len() - 1] {
                    join[b] = true;
                }
            } else {
                for w in bounds.windows(2) {
                    let (left, right) = (w[0], w[1]);
                    join[left.1] =
                        self.hyphen_joins(left.0 == left.1, group_text(left), group_text(right));
                }
            }
            k = m.max(k + 1);
        }
        // Emit tokens: maximal groups of joined segments, and the connectors between them.
        let mut group_start = 0;
        for k in 0..n {
            if k < n - 1 && join[k] {
                continue;
            }
            let (start, end) = (segments[group_start].start, segments[k].end);
            if k == n - 1 {
                self.push_word(start, end);
                break;
            }
            let connector = segments[k].connector.unwrap_or('.');
            let conn_end = end + connector.len_utf8();
            let abbreviation = match connector {
                '.' => self.abbreviation_class(start, conn_end, segments[k + 1].start),
                _ => None,
            };
            if let Some(class) = abbreviation {
                // "Dr.Smith": the period belongs to the abbreviation.
                self.push(start, conn_end, Kind::Abbrev(class));
            } else {
                self.push_word(start, end);
                let kind = if connector == '.' {
                    Kind::Terminal
                } else {
                    Kind::Punct
                };
                self.push(end, conn_end, kind);
            }
            group_start = k + 1;
        }
    }

    /// Whether the connector after segment `k` keeps it and segment `k + 1` in one token.
    /// Hyphens are decided later; here they return false.
    fn joins(&self, segments: &[Segment], k: usize) -> bool {
        let (left, right) = (&segments[k], &segments[k + 1]);
        let l = self.seg_text(left);
        let r = self.seg_text(right);
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let letters = |s: &str| s.chars().all(char::is_alphabetic);
        let ends_digit = l.bytes().last().is_some_and(|b| b.is_ascii_digit());
        // The digits that start `r`, if the rest of it is a unit ("30" in "30pm").
        let leading_number = |s: &'a str| -> &'a str {
            let n = s.bytes().take_while(u8::is_ascii_digit).count();
            if n == s.len() || self.lexicon.is_unit(&s[n..]) {
                &s[..n]
            } else {
                ""
            }
        };
        match left.connector {
            // Decimals and dotted numbers ("2.5", "1.888.509.3736"); initials ("U.S",
            // "a.m", "Ph.D").
            Some('.') => {
                (ends_digit && r.bytes().next().is_some_and(|b| b.is_ascii_digit()))
                    || (letters(l)
                        && letters(r)
                        && r.chars().count() == 1
                        && l.chars().count() <= 2)
            }
            // Thousands ("1,000,000", "1,350kg"), not a comma between two numbers ("3,4").
            Some(',') => ends_digit && leading_number(r).len() == 3,
            // Times ("10:30", "11:30am").
            Some(':') => digits(l) && digits(leading_number(r)),
            Some('/') => {
                if digits(l) && digits(r) {
                    self.slash_joins_numbers(segments, k)
                } else {
                    // "w/o", "I/O"; but "and/or", "Newark/Houston" are three tokens.
                    l.chars().count() == 1 && r.chars().count() == 1
                }
            }
            // Censored words: "f*ck".
            Some('*') => letters(l) && letters(r),
            // "AT&T", "P&L", "file_name", "don't", "x@y".
            Some('&' | '_' | '@') => true,
            Some(c) if is_apostrophe(c) => true,
            _ => false,
        }
    }

    /// A slash between two numbers: one token for a date ("10/21/2022", "9/11") or a phone
    /// number ("713/853-3989"); three for a ratio, score or span ("20/20", "2001/02", "3/4").
    fn slash_joins_numbers(&self, segments: &[Segment], k: usize) -> bool {
        let (l, r) = (self.seg_text(&segments[k]), self.seg_text(&segments[k + 1]));
        let three_parts = (k > 0 && segments[k - 1].connector == Some('/'))
            || segments[k + 1].connector == Some('/');
        let phone = segments[k + 1].connector.is_some_and(is_hyphen);
        let value = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
        let month_day = value(l) <= 12 && r.len() == 2 && value(r) <= 31;
        three_parts || phone || month_day || (l.len() <= 2 && r.len() >= 3)
    }

    /// A group of segments that reads as a number: digits with inner dots, commas, colons.
    fn is_numeric_group(&self, group: &[Segment]) -> bool {
        group
            .iter()
            .all(|s| self.seg_text(s).bytes().all(|b| b.is_ascii_digit()))
    }

    /// Two numbers joined by a hyphen that make one phone number ("345-9945", "3-1663",
    /// "713/853-3989") or ZIP+4 code ("94720-1900"), or an access code ("600-480"), rather
    /// than a range ("1969-1970", "5-10", "200-300").
    fn is_one_number(&self, left: &str, right: &str) -> bool {
        let last_part = left
            .rsplit(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap_or(left);
        let value = |s: &str| s.parse::<u64>().unwrap_or(0);
        let phone_or_zip = right.len() == 4 && matches!(last_part.len(), 1 | 3 | 5);
        let not_a_range = left.len() == right.len()
            && left.bytes().all(|b| b.is_ascii_digit())
            && value(right) < value(left);
        right.bytes().all(|b| b.is_ascii_digit()) && (phone_or_zip || not_a_range)
    }

    /// A code mixing letters and digits ("nmemdrft8", "x3"), but not an ordinal ("21st"),
    /// a decade ("1960s") or a number with its unit ("66K").
    fn is_code(&self, s: &str) -> bool {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        let ordinal = digits > 0 && matches!(&s[digits..], "st" | "nd" | "rd" | "th" | "s");
        let with_unit = digits > 0 && self.lexicon.is_unit(&s[digits..]);
        s.chars().any(char::is_alphabetic)
            && s.bytes().any(|b| b.is_ascii_digit())
            && !ordinal
            && !with_unit
    }

    /// Whether a hyphen between two words stays inside the token: after a prefix
    /// ("non-stop", "e-mail") or before a suffix ("career-wise"). `left_simple` tells that
    /// the left side is a single word, not "U.S" or "1,000".
    fn hyphen_joins(&self, left_simple: bool, l: &str, r: &str) -> bool {
        let alphabetic = |s: &str| s.chars().all(char::is_alphabetic);
        if left_simple && alphabetic(l) && self.lexicon.is_hyphen_prefix(l) {
            // A one-letter prefix is "e-" as in "e-mail", not a particle in a name
            // ("Hizb-e-Islami").
            return l.len() > 1 || r.starts_with(|c: char| c.is_lowercase());
        }
        alphabetic(r) && self.lexicon.is_hyphen_suffix(r)
    }

    /// Pushes a word, cutting a unit off a number written against it ("5kg", "10am").
    fn push_word(&mut self, start: usize, end: usize) {
        let word = &self.text[start..end];
        let number_len = word
            .bytes()
            .take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b':'))
            .count();
        if number_len > 0
            && number_len < word.len()
            && word.as_bytes()[0].is_ascii_digit()
            && self.lexicon.is_unit(&word[number_len..])
            && word[number_len..].bytes().all(|b| b.is_ascii_alphabetic())
        {
            self.push(start, start + number_len, Kind::Word);
            self.push(start + number_len, end, Kind::Word);
        } else {
            self.push(start, end, Kind::Word);
        }
    }

    /// The abbreviation class of `text[start..period_end]` (which ends with a period), if it
    /// is an abbreviation here. `next_from` is where to look for the following number that
    /// abbreviations like "No." need.
    fn abbreviation_class(
        &self,
        start: usize,
        period_end: usize,
        next_from: usize,
    ) -> Option<Abbrev> {
        let word = &self.text[start..period_end];
        let stem = &word[..word.len() - 1];
        if let Some(class) = self.lexicon.abbreviation(word) {
            return match class {
                AbbrevClass::NeverFinal => Some(Abbrev::NeverFinal),
                AbbrevClass::General => Some(Abbrev::General),
                AbbrevClass::BeforeNumber => {
                    // trim_start stops at the first non-separator, and the scanner reads
                    // those same separators next: linear.
                    let next = self.text[next_from..].trim_start_matches(is_separator);
                    let number_word = [
                        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                        "ten",
                    ]
                    .iter()
                    .any(|w| {
                        next.get(..w.len())
                            .is_some_and(|h| h.eq_ignore_ascii_case(w))
                    });
                    (next.starts_with(|c: char| c.is_ascii_digit()) || number_word)
                        .then_some(Abbrev::NeverFinal)
                }
            };
        }
        // A single letter: an initial ("J."), a list label ("b."). Not "I" and "a", which
        // are words that can end a sentence.
        let mut chars = stem.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return (c.is_alphabetic() && c != 'I' && c != 'a').then_some(Abbrev::Initials);
        }
        // A chain of initials: "U.S", "a.m", "Ph.D", "e.g".
        let parts: Vec<&str> = stem.split('.').collect();
        if parts.len() >= 2
            && parts.iter().all(|p| {
                !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic)
            })
        {
            return Some(Abbrev::Initials);
        }
        None
    }

    /// After a run ending at `run_end`: takes in an abbreviation's period ("Mr.") or a plural
    /// possessive's apostrophe ("soldiers'"). Returns where the scan goes on.
    fn absorb_trailing(&mut self, run_start: usize, run_end: usize, chunk_end: usize) -> usize {
        let Some(last) = self.pieces.last().copied() else {
            return run_end;
        };
        if last.end != run_end || last.kind != Kind::Word || last.start < run_start {
            return run_end;
        }
        let next = self.char_at(run_end).filter(|_| run_end < chunk_end);
        match next {
            Some('.') => {
                // "etc..." ends with an ellipsis, not with an abbreviation period; but in
                // "D.C.." the first period is the abbreviation's. (The dots are counted
                // again as the next token, so this stays linear.)
                let dots = self.text[run_end..chunk_end]
                    .bytes()
                    .take_while(|&b| b == b'.')
                    .count();
                if dots >= 3 {
                    return run_end;
                }
                if let Some(class) = self.abbreviation_class(last.start, run_end + 1, run_end + 1) {
                    let piece = self.pieces.last_mut().unwrap();
                    piece.end = run_end + 1;
                    piece.kind = Kind::Abbrev(class);
                    return run_end + 1;
                }
                run_end
            }
            // A currency written with its country: "US$", "HK$" before an amount.
            Some('$')
                if (1..=3).contains(&(run_end - last.start))
                    && self.text[last.start..run_end]
                        .bytes()
                        .all(|b| b.is_ascii_uppercase())
                    && self
                        .char_at(run_end + 1)
                        .is_some_and(|d| d.is_ascii_digit()) =>
            {
                self.pieces.last_mut().unwrap().end = run_end + 1;
                run_end + 1
            }
            Some(c @ ('\'' | '’')) => {
                let after = run_end + c.len_utf8();
                let ends_word =
                    after >= chunk_end || !self.char_at(after).is_some_and(is_word_char);
                // "soldiers'", "Essex'" (plural or sibilant possessive); "cookin'" (a dropped g).
                let word = &self.text[last.start..run_end];
                let possessive = word.ends_with(['s', 'S', 'x', 'X', 'z', 'Z']);
                let dropped_g = word.ends_with("in") && word.len() > 3;
                if ends_word && (possessive || dropped_g) && !self.single_quote_open {
                    self.pieces.last_mut().unwrap().end = after;
                    return after;
                }
                run_end
            }
            _ => run_end,
        }
    }

    /// Punctuation and symbols starting at `i`. Returns where the scan goes on.
    fn scan_symbol(&mut self, i: usize, chunk_start: usize, chunk_end: usize) -> usize {
        let c = self.char_at(i).unwrap_or(' ');
        let len = c.len_utf8();
        let prev = if i > chunk_start {
            self.char_before(i)
        } else {
            None
        };
        let at_word_start = !prev.is_some_and(is_word_char);
        let next = self.char_at(i + len).filter(|_| i + len < chunk_end);

        if let Some(end) = self.emoticon_end(i, at_word_start, chunk_end) {
            self.push(i, end, Kind::Emoticon);
            return end;
        }
        match c {
            // @handles and #hashtags ("#3" is a number sign and a number, as in EWT).
            '@' | '#' if at_word_start && next.is_some_and(char::is_alphabetic) => {
                // Letters, digits and underscores; dots too when a name follows, as in a
                // bare domain ("@example.com").
                let mut end = i + len;
                while let Some(ch) = self.char_at(end).filter(|_| end < chunk_end) {
                    let after = end + ch.len_utf8();
                    let joins_name = ch == '.'
                        && c == '@'
                        && after < chunk_end
                        && self.char_at(after).is_some_and(is_word_char);
                    if is_word_char(ch) || ch == '_' || joins_name {
                        end = after;
                    } else {
                        break;
                    }
                }
                self.push(i, end, Kind::Web);
                end
            }
            '\'' | '’' | '‘' | '`' => self.scan_apostrophe(i, at_word_start, chunk_end),
            // The plus of an international phone number belongs to it: "+44".
            '+' if at_word_start && next.is_some_and(|n| n.is_ascii_digit()) => {
                let first = self.pieces.len();
                let end = self.scan_word_run(i + len, chunk_end);
                if let Some(piece) = self.pieces.get_mut(first) {
                    piece.start = i;
                }
                end
            }
            _ if is_terminal(c) => {
                let end = i + self.text[i..chunk_end]
                    .char_indices()
                    .find(|&(_, ch)| !is_terminal(ch))
                    .map_or(chunk_end - i, |(k, _)| k);
                self.push(i, end, Kind::Terminal);
                end
            }
            '-' | '=' | '<' | '>' => {
                // Arrows ("->", "<==") are one token; so are rules ("-----", "=====").
                let run = self.text[i..chunk_end]
                    .char_indices()
                    .find(|&(_, ch)| !matches!(ch, '-' | '=' | '<' | '>'))
                    .map_or(chunk_end - i, |(k, _)| k);
                let end = i + run;
                let angles_only = self.text[i..end].bytes().all(|b| b == b'<' || b == b'>');
                if angles_only {
                    // Only angle brackets: each run of one kind is a token ("<<", ">", "<").
                    let mut from = i;
                    while from < end {
                        let bracket = self.text.as_bytes()[from];
                        let to = from
                            + self.text[from..end]
                                .bytes()
                                .take_while(|&b| b == bracket)
                                .count();
                        self.push(from, to, Kind::Punct);
                        from = to;
                    }
                } else {
                    self.push(i, end, Kind::Punct);
                }
                end
            }
            _ => {
                let mut end = i + self.same_run(i, c, chunk_end);
                // An emoji with its modifiers and joined emoji ("👍🏽", "👨‍👩‍👧") is one symbol.
                while let Some(m) = self.char_at(end).filter(|_| end < chunk_end) {
                    if is_symbol_modifier(m) {
                        end += m.len_utf8();
                    } else if m == ZERO_WIDTH_JOINER {
                        end += m.len_utf8();
                        if let Some(joined) = self
                            .char_at(end)
                            .filter(|&j| end < chunk_end && !is_word_char(j))
                        {
                            end += joined.len_utf8();
                        }
                    } else {
                        break;
                    }
                }
                self.push(i, end, Kind::Punct);
                end
            }
        }
    }

    /// The byte length of the run of `c` starting at `i`.
    fn same_run(&self, i: usize, c: char, chunk_end: usize) -> usize {
        self.text[i..chunk_end]
            .char_indices()
            .find(|&(_, ch)| ch != c)
            .map_or(chunk_end - i, |(k, _)| k)
    }

    fn emoticon_end(&self, i: usize, at_word_start: bool, chunk_end: usize) -> Option<usize> {
        let rest = &self.text[i..chunk_end];
        let first = rest.chars().next()?;
        if !matches!(first, ':' | ';' | '=' | '>' | '(' | '<' | '^' | '-') {
            return None;
        }
        for emoticon in &self.lexicon.emoticons {
            if !rest.starts_with(emoticon.as_str()) {
                continue;
            }
            let end = i + emoticon.len();
            let followed_by_word = end < chunk_end && self.char_at(end).is_some_and(is_word_char);
            // Glued to a word ("great:)"), an emoticon must end the chunk; otherwise ":D" in
            // "Note:Don't" would be one.
            if !followed_by_word && (at_word_start || end == chunk_end) {
                return Some(end);
            }
        }
        None
    }

    /// A straight, curly or grave single quote or apostrophe at `i`.
    fn scan_apostrophe(&mut self, i: usize, at_word_start: bool, chunk_end: usize) -> usize {
        let c = self.char_at(i).unwrap_or('\'');
        let from = i + c.len_utf8();
        let rest = &self.text[from..chunk_end];
        let word_len = rest
            .char_indices()
            .find(|&(_, ch)| !is_word_char(ch))
            .map_or(rest.len(), |(k, _)| k);
        let word = &rest[..word_len];
        if at_word_start && c != '‘' {
            // Decades and years: "'90s", "’72".
            let digits = word.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 2 && (word.len() == 2 || &word[2..] == "s") {
                self.push(i, from + word_len, Kind::Word);
                return from + word_len;
            }
            // A clitic written apart from its host: "Bush 's".
            if matches!(
                word.to_lowercase().as_str(),
                "s" | "m" | "d" | "re" | "ve" | "ll"
            ) {
                self.push(i, from + word_len, Kind::Word);
                return from + word_len;
            }
        }
        // Two quotes written as one mark: "''", "‘’".
        let pair_end = match rest.chars().next() {
            Some(n) if (c == '‘' && n == '’') || (c != '‘' && n == c) => from + n.len_utf8(),
            _ => from,
        };
        if pair_end == from {
            // A quote before a word opens a quotation; any other closes it.
            self.single_quote_open = at_word_start && word_len > 0;
        }
        self.push(i, pair_end, Kind::Punct);
        pair_end
    }
}
