//! Sentence boundaries, decided between pieces from the punctuation before the gap, the
//! kind of gap (none, space, line break, blank line) and the token after it.
//!
//! The rules follow what UD English EWT does (measured on its training data):
//! - a blank line always ends a sentence;
//! - after ".", "!" or "?" (and any closing quotes or brackets) and a space, a new sentence
//!   starts whatever comes next, unless it is punctuation that cannot start one (a comma,
//!   an emoticon), a quotation goes on in lower case ("Why?" he asked), or the period
//!   follows a list number ("1. Pay now");
//! - an ellipsis ends a sentence only before a capital;
//! - an abbreviation ends one only before a word that typically starts a sentence
//!   ("U.S. officials" vs "the U.S. The"), a title ("Dr.") never;
//! - without final punctuation, a sentence ends after an emoticon, a link, an e-mail time
//!   stamp ("10:30 AM"), an attachment line ("<< File: a.doc >>") or a sign-off
//!   ("Thanks,") when a capital follows;
//! - a single line break ends a sentence unless the line stops mid-sentence (after a
//!   comma or a word like "the") or the next line goes on in lower case: headlines and
//!   datelines on their own line are sentences.

use super::chars::is_closing;
use super::lexicon::Lexicon;
use super::scan::{Abbrev, Gap, Kind, Piece};

/// `starts[k]` is true when a sentence starts at piece `k`.
pub(crate) fn sentence_starts(text: &str, pieces: &[Piece], lexicon: &Lexicon) -> Vec<bool> {
    let mut splitter = Splitter {
        text,
        pieces,
        lexicon,
        starts: Vec::with_capacity(pieces.len()),
    };
    for k in 0..pieces.len() {
        let start = k == 0 || splitter.starts_at(k);
        splitter.starts.push(start);
    }
    splitter.starts
}

struct Splitter<'a> {
    text: &'a str,
    pieces: &'a [Piece],
    lexicon: &'a Lexicon,
    /// The decisions so far: `starts[k]` for every piece before the current one.
    starts: Vec<bool>,
}

/// Words that leave a line unfinished: a line break after them is not a sentence end.
const CONTINUING_WORDS: &[&str] = &[
    "and", "or", "but", "nor", "of", "the", "a", "an", "to", "in", "on", "at", "for", "with", "by",
    "from", "as", "that", "which", "who", "is", "are", "was", "were", "be", "has", "have", "had",
    "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "than", "into",
];

/// Sign-offs of letters and e-mails: after "Thanks," or "Regards," the signature is a
/// sentence of its own.
const SIGN_OFFS: &[&str] = &[
    "thanks",
    "regards",
    "sincerely",
    "cheers",
    "thx",
    "yours",
    "best regards",
    "kind regards",
];

impl<'a> Splitter<'a> {
    fn text_of(&self, k: usize) -> &'a str {
        let p = &self.pieces[k];
        &self.text[p.start..p.end]
    }

    fn starts_at(&self, k: usize) -> bool {
        if self.pieces[k].gap != Gap::None && self.after_dateline(k) {
            return true;
        }
        match self.pieces[k].gap {
            Gap::Paragraph => true,
            Gap::Newline => self.after_line_break(k),
            Gap::Space => self.after_space(k),
            Gap::None => self.glued(k),
        }
    }

    /// A news dateline is a sentence of its own: "WASHINGTON –", "KYIV, Ukraine, Oct. 21
    /// (AP) —". Left in the sentence, the place name reads as its subject. It is a dash
    /// after a short run that opens the sentence with a word in capitals and holds only
    /// names, numbers, abbreviations, commas and brackets, before a capital or a quote.
    fn after_dateline(&self, k: usize) -> bool {
        const MAX_PIECES: usize = 12;
        let dash = k - 1;
        if dash == 0 || !matches!(self.text_of(dash), "–" | "—" | "-" | "--") {
            return false;
        }
        // The start of the current sentence, looked for a bounded way back.
        let Some(start) = (dash.saturating_sub(MAX_PIECES)..dash)
            .rev()
            .find(|&s| s == 0 || self.starts[s])
        else {
            return false;
        };
        let first = self.text_of(start);
        let all_caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !first.chars().any(char::is_lowercase);
        let names_only = (start..dash).all(|p| match self.pieces[p].kind {
            Kind::Word => {
                let t = self.text_of(p);
                t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            }
            Kind::Abbrev(_) => true,
            Kind::Punct => matches!(self.text_of(p), "," | "(" | ")"),
            _ => false,
        });
        let opens = self.starts_upper(k) || matches!(self.text_of(k), "\"" | "“" | "'" | "‘");
        all_caps && names_only && opens
    }

    /// A sentence written against the previous one, without a space: "fine.Then".
    fn glued(&self, k: usize) -> bool {
        let p = k - 1;
        p >= 1
            && self.pieces[p].kind == Kind::Terminal
            && self.pieces[p - 1].kind == Kind::Word
            && self.text_of(p - 1).chars().count() > 1
            && self.starts_upper(k)
            && self
                .text_of(k)
                .chars()
                .nth(1)
                .is_some_and(char::is_lowercase)
    }

    /// The piece that ends the text before piece `k`, looking back over closing quotes
    /// and brackets written against it ("done." → ".", "done.)" → ".").
    fn final_piece(&self, k: usize) -> usize {
        let mut p = k - 1;
        // Three closers at most ("?')"): bounded, so splitting stays linear.
        for _ in 0..3 {
            if p > 0
                && self.pieces[p].gap == Gap::None
                && self.pieces[p].kind == Kind::Punct
                && is_closing(self.text_of(p))
            {
                p -= 1;
            } else {
                break;
            }
        }
        p
    }

    /// Whether piece `k` can start a sentence at all: not a comma, a closing bracket, an
    /// emoticon or more sentence-final punctuation.
    fn can_start(&self, k: usize) -> bool {
        if self.pieces[k].kind == Kind::Emoticon {
            return false;
        }
        let first = self.text_of(k).chars().next().unwrap_or(' ');
        !matches!(
            first,
            ',' | ';' | ':' | '.' | '!' | '?' | ')' | ']' | '}' | '%' | '…'
        )
    }

    fn starts_upper(&self, k: usize) -> bool {
        self.text_of(k)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    fn after_space(&self, k: usize) -> bool {
        let p = self.final_piece(k);
        // A sentence may open with an ellipsis that resumes a quotation: "... the".
        if self.pieces[p].kind == Kind::Terminal
            && matches!(self.text_of(p), "." | "!" | "?")
            && matches!(self.text_of(k), "..." | "…")
        {
            return true;
        }
        if !self.can_start(k) {
            return false;
        }
        match self.pieces[p].kind {
            Kind::Terminal => {
                let t = self.text_of(p);
                // A quotation that ends with its own punctuation goes on in lower case:
                // "Why?" he asked.
                let closers = &self.pieces[p + 1..k];
                let quoted = closers
                    .iter()
                    .any(|c| !matches!(&self.text[c.start..c.end], ")" | "]" | "}"));
                if quoted && t != "." && self.next_is_lower(k) {
                    return false;
                }
                // A question or exclamation in brackets stays inside its sentence:
                // "(really?) and".
                if t != "."
                    && closers
                        .first()
                        .is_some_and(|c| self.text[c.start..c.end] == *")")
                {
                    return false;
                }
                // A list number ("1. The pricing...") starts the sentence, not ends one.
                if t == "." && p >= 1 && self.starts[p - 1] && self.is_list_label(p - 1) {
                    return false;
                }
                // An ellipsis often trails off mid-sentence ("well... maybe").
                let ellipsis = t.chars().all(|c| c == '.' || c == '…') && t != ".";
                !ellipsis || self.starts_upper(k)
            }
            Kind::Abbrev(Abbrev::NeverFinal) => false,
            Kind::Abbrev(_) => self.lexicon.is_sentence_starter(self.text_of(k)),
            // ":) Then": an emoticon closes its sentence.
            Kind::Emoticon => self.starts_upper(k),
            // The end of an attachment line, "<< File: report.doc >>", before the message.
            Kind::Punct if self.text_of(p) == ">>" => self.starts_upper(k),
            // A list of links, or a link and then a new sentence.
            Kind::Web if self.is_url(p) => self.starts_upper(k) || self.is_url(k),
            _ => self.starts_upper(k) && (self.after_time_stamp(p) || self.after_sign_off(p)),
        }
    }

    fn is_url(&self, k: usize) -> bool {
        let t = self.text_of(k).as_bytes();
        let head = &t[..t.len().min(8)];
        self.pieces[k].kind == Kind::Web
            && [&b"http://"[..], b"https://", b"www."]
                .iter()
                .any(|p| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p))
    }

    fn next_is_lower(&self, k: usize) -> bool {
        self.text_of(k)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    }

    /// "1", "12", "a", "B", "iv": what numbers the items of a list.
    fn is_list_label(&self, k: usize) -> bool {
        let t = self.text_of(k);
        (t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()))
            || (t.chars().count() == 1 && t.chars().all(char::is_alphabetic))
    }

    /// The end of an e-mail header's time stamp: "10:30 AM" (then the message starts).
    fn after_time_stamp(&self, p: usize) -> bool {
        p >= 1
            && matches!(self.text_of(p), "AM" | "PM")
            && self.text_of(p - 1).contains(':')
            && self
                .text_of(p - 1)
                .starts_with(|c: char| c.is_ascii_digit())
    }

    /// "Thanks," or "Best regards," before a signature.
    fn after_sign_off(&self, p: usize) -> bool {
        if p < 1 || self.text_of(p) != "," {
            return false;
        }
        let word = self.text_of(p - 1).to_lowercase();
        if SIGN_OFFS.contains(&word.as_str()) {
            return true;
        }
        p >= 2 && {
            let two = format!("{} {}", self.text_of(p - 2).to_lowercase(), word);
            SIGN_OFFS.contains(&two.as_str())
        }
    }

    fn after_line_break(&self, k: usize) -> bool {
        if !self.can_start(k) {
            return false;
        }
        let p = self.final_piece(k);
        match self.pieces[p].kind {
            Kind::Terminal => true,
            Kind::Abbrev(Abbrev::NeverFinal) => false,
            Kind::Abbrev(_) => self.starts_upper(k),
            _ => {
                // A line without final punctuation: a headline, a dateline, a signature; or a
                // sentence wrapped over two lines, which then goes on in lower case or after
                // a word that cannot end it.
                let prev = self.text_of(k - 1);
                let prev_continues = matches!(prev, "," | ";" | "-" | "(" | "&" | "/")
                    || CONTINUING_WORDS.contains(&prev);
                !(self.next_is_lower(k) || prev_continues)
            }
        }
    }
}
