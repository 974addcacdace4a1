//! A small tokenizer for recognition: words, numbers and single punctuation marks, with
//! byte spans. It is much simpler than `dyad-text`'s, because temporal expressions need only
//! word boundaries, and it must run at well over 10 MB/s.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters (ASCII or not, and non-ASCII digits), or a clitic ("'s", "’ll").
    Word,
    /// ASCII digits.
    Number,
    /// One other character (punctuation, symbol).
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace right before the token.
    pub space_before: bool,
    /// A line break (or more) in the whitespace before the token.
    pub newline_before: bool,
    /// The first character is an upper-case letter.
    pub capital: bool,
}

/// Splits `text` into tokens. A clitic after a word ("'s", "'ll", "’s") is one token,
/// apostrophe included.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let mut space_before = true;
    let mut newline_before = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space_before = true;
            if b == b'\n' {
                newline_before = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            kind = Kind::Number;
        } else if b.is_ascii_alphabetic() || b >= 0x80 && is_letter_at(text, i) {
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_alphabetic() {
                    i += 1;
                } else if c >= 0x80 && is_letter_at(text, i) {
                    i += utf8_len(c);
                } else {
                    break;
                }
            }
            kind = Kind::Word;
        } else if (b == b'\'' || b == 0xE2 && text[i..].starts_with('\u{2019}'))
            && !space_before
            && tokens.last().is_some_and(|t: &Token| t.kind == Kind::Word)
            && followed_by_clitic(bytes, i + if b == b'\'' { 1 } else { 3 })
        {
            // "year's", "we'll": the clitic is one token, apostrophe included.
            i += if b == b'\'' { 1 } else { 3 };
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            kind = Kind::Word;
        } else {
            i += utf8_len(b);
            kind = Kind::Punct;
        }
        tokens.push(Token {
            start,
            end: i,
            kind,
            space_before,
            newline_before,
            capital: b.is_ascii_uppercase(),
        });
        space_before = false;
        newline_before = false;
    }
    tokens
}

fn followed_by_clitic(bytes: &[u8], at: usize) -> bool {
    let rest = &bytes[at.min(bytes.len())..];
    let word_len = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let w = &rest[..word_len];
    matches!(w, b"s" | b"S" | b"ll" | b"d" | b"re" | b"ve" | b"t" | b"m")
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

fn is_letter_at(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(|c| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn splits_words_numbers_and_marks() {
        assert_eq!(
            texts("On Oct. 21, 2022 we'll meet—at 7:15 p.m. in Zürich's year-end"),
            vec![
                "On", "Oct", ".", "21", ",", "2022", "we", "'ll", "meet", "—", "at", "7", ":",
                "15", "p", ".", "m", ".", "in", "Zürich", "'s", "year", "-", "end"
            ]
        );
        assert_eq!(texts("the '80s"), vec!["the", "'", "80", "s"]);
    }
}
