//! Character classes used by the scanner.

/// Characters that separate tokens without being part of any: white space, control
/// characters (NUL, escape, ...) and invisible formatting characters that act as spaces.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Characters that make up words: letters, digits and the combining marks that attach to them
/// (accents written as separate code points, Arabic vowel signs, Indic vowel signs...).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || c == '\u{00AD}'
}

/// Combining marks of the scripts most likely to appear in news text. `char` has no
/// general-category query, so the common blocks are listed; a mark outside them becomes a
/// one-character token, which is harmless.
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0900}'..='\u{0DFF}'
        | '\u{0E31}'..='\u{0E4E}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Characters that modify the symbol before them and belong to its token: variation
/// selectors, skin-tone modifiers, the keycap mark.
pub(crate) fn is_symbol_modifier(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{20E3}' | '\u{E0020}'..='\u{E007F}')
}

pub(crate) const ZERO_WIDTH_JOINER: char = '\u{200D}';

/// Apostrophes, straight, curly or grave, as they appear in contractions ("don’t").
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '`')
}

/// Characters that can sit between two runs of letters or digits inside one candidate token:
/// "U.S", "1,000", "10:30", "AT&T", "don't", "e-mail", "and/or", "a_b", "x@y", "f*ck". Whether the token
/// really stays whole is decided afterwards.
pub(crate) fn is_connector(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ':' | '-' | '\u{2011}' | '&' | '_' | '/' | '@' | '\'' | '’' | '`' | '*'
    )
}

pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2011}')
}

/// Sentence-final punctuation: a run of these is one token ("?!", "...", "…").
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Punctuation that closes a quotation or a parenthesis and stays in the sentence that the
/// punctuation before it ends ("He left." she said).
pub(crate) fn is_closing(token: &str) -> bool {
    matches!(
        token,
        "\"" | "'" | "”" | "’" | "''" | "’’" | ")" | "]" | "}" | "»" | "›" | ">>"
    )
}
