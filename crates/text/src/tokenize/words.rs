//! Second pass over tokens: splits a token into its syntactic words where UD English EWT
//! writes a multiword token: clitics ("don't" → "do" "n't", "Google's" → "Google" "'s",
//! "parents'" → "parents" "'") and contractions without apostrophe ("cannot" → "can" "not",
//! "gonna" → "gon" "na"). Every word is a substring of its token, so its form is the text of
//! its span.

use super::chars::is_apostrophe;
use super::lexicon::{Condition, Lexicon};

/// The clitics that follow an apostrophe: 's, 'm, 'd, 're, 've, 'll (any case).
fn is_clitic(suffix: &str) -> bool {
    matches!(
        suffix.to_ascii_lowercase().as_str(),
        "s" | "m" | "d" | "re" | "ve" | "ll"
    )
}

/// The byte offsets, relative to the token, where `token` splits into words. Empty when it
/// is a single word. `next` is the following token of the sentence, if any, which decides
/// ambiguous contractions ("its a shame" vs "its own").
pub(crate) fn split_points(token: &str, next: Option<&str>, lexicon: &Lexicon) -> Vec<usize> {
    if let Some(points) = contraction_points(token, next, lexicon) {
        return points;
    }
    clitic_point(token).into_iter().collect()
}

/// A contraction written without apostrophe, from the lexicon's table.
fn contraction_points(token: &str, next: Option<&str>, lexicon: &Lexicon) -> Option<Vec<usize>> {
    if token.len() > 8 || !token.is_ascii() {
        return None;
    }
    // Lower case, capitalized, or shouted; but a short all-capitals token is more likely an
    // acronym ("IM" for instant messaging) than "I'm".
    let rest = &token[1..];
    let lower_rest = rest.bytes().all(|b| b.is_ascii_lowercase());
    let shouted = token.bytes().all(|b| b.is_ascii_uppercase()) && token.len() >= 4;
    if !(lower_rest || shouted) {
        return None;
    }
    let lower = token.to_ascii_lowercase();
    let contraction = lexicon.contraction(&lower)?;
    let next_lower = next.map(str::to_lowercase);
    let applies = match &contraction.condition {
        Condition::Always => true,
        Condition::NextIn(words) => next_lower.is_some_and(|n| words.contains(&n)),
        Condition::NextNotIn(words) => !next_lower.is_some_and(|n| words.contains(&n)),
    };
    if !applies {
        return None;
    }
    let mut points = Vec::new();
    let mut offset = 0;
    for &len in &contraction.part_lengths[..contraction.part_lengths.len() - 1] {
        offset += len;
        points.push(offset);
    }
    Some(points)
}

/// Where a clitic with an apostrophe starts, if the token ends with one.
fn clitic_point(token: &str) -> Option<usize> {
    let (k, apostrophe) = token
        .char_indices()
        .rev()
        .find(|&(_, c)| is_apostrophe(c))?;
    if k == 0 {
        return None;
    }
    let after = k + apostrophe.len_utf8();
    let stem = &token[..k];
    let suffix = &token[after..];
    // Plural possessive: "parents'" → "parents" "'"; not a dropped g ("cookin'").
    if suffix.is_empty() {
        return stem.ends_with(['s', 'S', 'x', 'X', 'z', 'Z']).then_some(k);
    }
    // Negation: "don't" → "do" "n't", "can't" → "ca" "n't".
    if suffix.eq_ignore_ascii_case("t") && stem.len() >= 2 && stem.ends_with(['n', 'N']) {
        return Some(k - 1);
    }
    if !is_clitic(suffix) {
        return None;
    }
    // Decades are plurals, not possessives: "1990's".
    if suffix.eq_ignore_ascii_case("s")
        && stem.bytes().all(|b| b.is_ascii_digit())
        && stem.ends_with('0')
    {
        return None;
    }
    stem.chars().any(char::is_alphanumeric).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(token: &str, next: Option<&str>) -> Vec<String> {
        let lexicon = Lexicon::load();
        let mut out = Vec::new();
        let mut from = 0;
        for p in split_points(token, next, &lexicon) {
            out.push(token[from..p].to_string());
            from = p;
        }
        out.push(token[from..].to_string());
        out
    }

    #[test]
    fn clitics_split_at_the_apostrophe() {
        assert_eq!(words("don't", None), ["do", "n't"]);
        assert_eq!(words("can't", None), ["ca", "n't"]);
        assert_eq!(words("won’t", None), ["wo", "n’t"]);
        assert_eq!(words("I'm", None), ["I", "'m"]);
        assert_eq!(words("Google's", None), ["Google", "'s"]);
        assert_eq!(words("we've", None), ["we", "'ve"]);
        assert_eq!(words("parents'", None), ["parents", "'"]);
        assert_eq!(words("O'Neil", None), ["O'Neil"]);
        assert_eq!(words("1990's", None), ["1990's"]);
    }

    #[test]
    fn contractions_follow_the_table() {
        assert_eq!(words("cannot", None), ["can", "not"]);
        assert_eq!(words("Gonna", None), ["Gon", "na"]);
        assert_eq!(words("dont", None), ["do", "nt"]);
        assert_eq!(words("DONT", None), ["DO", "NT"]);
        assert_eq!(words("IM", None), ["IM"]);
        assert_eq!(words("its", Some("own")), ["its"]);
        assert_eq!(words("its", Some("not")), ["it", "s"]);
        assert_eq!(words("lets", Some("go")), ["let", "s"]);
        assert_eq!(words("lets", Some("them")), ["lets"]);
    }
}
