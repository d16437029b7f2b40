//! Language detection from stopword profiles: the share of a text's words found in each
//! language's stopword list. Stopwords are a large part of any running text and their lists
//! barely overlap between the supported languages, so a few sentences are enough.

use crate::lexicon::{stopword_profiles, LANGUAGES};
use crate::segment::Token;

/// The detected language and a confidence in 0..1.
pub fn detect<'a>(words: impl Iterator<Item = &'a Token>) -> (&'static str, f64) {
    let profiles = stopword_profiles();
    let mut hits = [0usize; LANGUAGES.len()];
    let mut total = 0usize;
    for t in words.filter(|t| t.is_word()).take(5000) {
        total += 1;
        for (i, (_, list)) in profiles.iter().enumerate() {
            if list.contains(t.key.as_str()) {
                hits[i] += 1;
            }
        }
    }
    let mut order: Vec<usize> = (0..profiles.len()).collect();
    order.sort_by(|&a, &b| hits[b].cmp(&hits[a]).then(a.cmp(&b)));
    let (best, second) = (order[0], order.get(1).copied().unwrap_or(order[0]));
    if total == 0 || hits[best] == 0 {
        return ("en", 0.0);
    }
    // Confidence: how clearly the winner leads, damped for very short texts.
    let lead = (hits[best] - hits[second]) as f64 / hits[best] as f64;
    let size = (total as f64 / 20.0).min(1.0);
    let conf = (0.5 + 0.5 * lead) * size;
    (profiles[best].0, (conf * 100.0).round() / 100.0)
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
