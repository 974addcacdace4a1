//! The key under which a word is looked up: lower case, typographic apostrophes made plain,
//! Latin diacritics dropped, so that "Zelenskyy", "ZELENSKYY" and "Zelenskyy’s" meet the
//! same entry. Short all-capital words ("US", "WHO", "IS") keep their case as a second key,
//! so that an entry written in capitals does not match the pronoun "us" or "who".

/// Writes the lower-case, folded key of `word` into `out` (cleared first).
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => out.push('-'),
            _ => match fold_latin(c) {
                Some(s) => out.push_str(s),
                None => out.extend(c.to_lowercase()),
            },
        }
    }
}

/// The folded key of `word` as a new string.
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

/// True for a word of at least two letters, all of them capitals, and nothing but letters:
/// "US", "NATO", "WHO". Such a word written in the knowledge base matches only itself.
pub fn is_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if !c.is_alphabetic() || !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Base letters of the accented Latin letters news text uses in names.
fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => "e",
        'ğ' | 'ģ' | 'Ğ' | 'Ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => {
            "i"
        }
        'ķ' | 'Ķ' => "k",
        'ł' | 'ľ' | 'ļ' | 'ĺ' | 'Ł' | 'Ľ' | 'Ļ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' | 'Ñ' | 'Ń' | 'Ň' | 'Ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'ŕ' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            "u"
        }
        'ý' | 'ÿ' | 'Ý' => "y",
        'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_apostrophes_and_accents() {
        assert_eq!(fold("Russia’s"), "russia's");
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Côte"), "cote");
        assert_eq!(fold("WASHINGTON"), "washington");
        assert_eq!(fold("U.S."), "u.s.");
    }

    #[test]
    fn capitals_only_for_short_all_capital_words() {
        assert!(is_caps("US"));
        assert!(is_caps("WHO"));
        assert!(!is_caps("U.S."));
        assert!(!is_caps("Us"));
        assert!(!is_caps("A"));
        assert!(!is_caps("G20"));
    }
}
