//! Language detection from stopword profiles: the share of a text's words found in each
//! language's stopword list. Stopwords are a large part of any running text and their lists
//! barely overlap between the supported languages, so a few sentences are enough. The profiles
//! of every language are in the core (a language's own file is loaded only once it is chosen).

use crate::lexicon::{extra_languages, profiles, FALLBACK, LANGUAGES};
use crate::segment::Token;

/// The detected language and a confidence in 0..1.
pub fn detect<'a>(words: impl Iterator<Item = &'a Token>) -> (&'static str, f64) {
    detect_masks(
        words
            .filter(|t| t.is_word())
            .take(5000)
            .map(|t| (profiles(&t.key), t.key.as_str())),
    )
}

/// [`detect`] from each word's profile mask (bit `i`: a stopword of `LANGUAGES[i]`) and key.
pub(crate) fn detect_masks<'a>(words: impl Iterator<Item = (u64, &'a str)>) -> (&'static str, f64) {
    let extra = extra_languages();
    let n = LANGUAGES.len() + extra.len();
    let mut hits = vec![0usize; n];
    let mut total = 0usize;
    for (mask, key) in words {
        total += 1;
        let mut m = mask;
        while m != 0 {
            let i = m.trailing_zeros() as usize;
            if let Some(h) = hits.get_mut(i) {
                *h += 1;
            }
            m &= m - 1;
        }
        for (i, l) in extra.iter().enumerate() {
            if l.is_stopword(key) {
                hits[LANGUAGES.len() + i] += 1;
            }
        }
    }
    let code = |i: usize| {
        LANGUAGES
            .get(i)
            .copied()
            .unwrap_or_else(|| extra[i - LANGUAGES.len()].code)
    };
    let mut order: Vec<usize> = (0..n).collect();
    crate::sort::by(&mut order, |&a, &b| hits[b].cmp(&hits[a]).then(a.cmp(&b)));
    let (Some(&best), second) = (order.first(), order.get(1).copied()) else {
        return (FALLBACK, 0.0);
    };
    let second = second.unwrap_or(best);
    if total == 0 || hits[best] == 0 {
        return (FALLBACK, 0.0);
    }
    // Confidence: how clearly the winner leads, damped for very short texts.
    let lead = (hits[best] - hits[second]) as f64 / hits[best] as f64;
    let size = (total as f64 / 20.0).min(1.0);
    let conf = (0.5 + 0.5 * lead) * size;
    (code(best), (conf * 100.0).round() / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokenize;

    #[test]
    fn detects_the_six_languages() {
        let cases = [
            ("it", "Il presidente ha detto che la cooperazione con il Vietnam è molto importante per tutti noi e per il paese."),
            ("en", "The president said that the cooperation with Vietnam is very important for all of us and for the country."),
            ("es", "El presidente dijo que la cooperación con Vietnam es muy importante para todos nosotros y para el país."),
            ("fr", "Le président a dit que la coopération avec le Vietnam est très importante pour nous tous et pour le pays."),
            ("de", "Der Präsident sagte, dass die Zusammenarbeit mit Vietnam für uns alle und für das Land sehr wichtig ist."),
            ("pt", "O presidente disse que a cooperação com o Vietnã é muito importante para todos nós e para o país."),
        ];
        for (want, text) in cases {
            let toks = tokenize(text, 0);
            let (got, conf) = detect(toks.iter());
            assert_eq!(got, want, "{text}");
            assert!(conf > 0.3, "{want}: {conf}");
        }
    }
}
