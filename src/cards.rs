//! The last pass over the finished cards: no fact said twice, and the dates of one article cased
//! alike. It reads only the cards (and the language's word lists), so it holds whatever the
//! extractors found.

use crate::analysis::{Fact, NumberCategory, NumberFact, Span};
use crate::lexicon::{phrase_keys, Lexicon};

/// Drops the number cards that repeat another card and cases every `when` as the article does.
pub fn tidy(facts: &mut Vec<Fact>, lex: &Lexicon) {
    let repeated: Vec<bool> = facts
        .iter()
        .map(|f| match f {
            Fact::Number(n) => count_of_an_agreement(n, facts) || period_of_a_number(n, facts),
            _ => false,
        })
        .collect();
    let mut keep = repeated.into_iter().map(|r| !r);
    facts.retain(|_| keep.next().unwrap_or(true));
    case_dates(facts, lex);
}

/// "Lam e Putin hanno firmato una dozzina di accordi": the 12 is the agreement's `count`, said in
/// the sentence the agreement was read from. The agreement card already shows it.
fn count_of_an_agreement(n: &NumberFact, facts: &[Fact]) -> bool {
    n.range.is_none()
        && facts.iter().any(|f| match f {
            Fact::Agreement(a) => {
                a.count.is_some_and(|c| f64::from(c) == n.value) && inside(n.span, &a.evidence)
            }
            _ => false,
        })
}

/// "oltre l'80% delle importazioni tra il 1995 e il 2023": the range is the period of the 80 %,
/// which its card already names ("importazioni (1995–2023)").
fn period_of_a_number(n: &NumberFact, facts: &[Fact]) -> bool {
    let Some([a, b]) = n.range else {
        return false;
    };
    let (a, b) = (crate::decimal::to_string(a), crate::decimal::to_string(b));
    facts.iter().any(|f| match f {
        Fact::Number(m) => {
            m.category != NumberCategory::Range
                && m.about.contains(&a)
                && m.about.contains(&b)
                && m.evidence.iter().any(|s| n.evidence.contains(s))
        }
        _ => false,
    })
}

fn inside(span: Span, evidence: &[Span]) -> bool {
    evidence
        .iter()
        .any(|e| e.start <= span.start && span.end <= e.end)
}

/// "On Wednesday" opening a sentence and "on Thursday" inside one are cased alike: a `when` that
/// starts with a function word ("On", "Am", "El") starts in lower case, and a weekday or month
/// that opens a sentence ("Mercoledì") too when the article writes those words in lower case
/// elsewhere ("giovedì", "a settembre").
fn case_dates(facts: &mut [Fact], lex: &Lexicon) {
    let is_date =
        |key: &str| lex.weekdays.longest(&[key]).is_some() || lex.months.longest(&[key]).is_some();
    let lower_dates = facts.iter().filter_map(when).any(|w| {
        w.split_whitespace()
            .any(|word| starts_lower(word) && phrase_keys(word).first().is_some_and(|k| is_date(k)))
    });
    for f in facts.iter_mut() {
        let Some(w) = when_mut(f) else { continue };
        if starts_lower(w) {
            continue;
        }
        let keys = phrase_keys(w);
        let Some(first) = keys.first() else { continue };
        if (keys.len() > 1 && lex.is_stopword(first)) || (lower_dates && is_date(first)) {
            *w = lower_first(w);
        }
    }
}

fn when(f: &Fact) -> Option<&str> {
    match f {
        Fact::Meeting(m) => m.when.as_deref(),
        Fact::Agreement(a) => a.when.as_deref(),
        _ => None,
    }
}

fn when_mut(f: &mut Fact) -> Option<&mut String> {
    match f {
        Fact::Meeting(m) => m.when.as_mut(),
        Fact::Agreement(a) => a.when.as_mut(),
        _ => None,
    }
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => crate::unicode::lower(c).chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;

    const S1: Span = Span { start: 0, end: 100 };
    const S2: Span = Span {
        start: 101,
        end: 200,
    };

    /// A fact from its JSON: fields the contract adds later keep their defaults.
    fn fact(json: serde_json::Value) -> Fact {
        serde_json::from_value(json).expect("a fact")
    }

    fn number(
        value: f64,
        category: NumberCategory,
        about: &str,
        span: Span,
        range: Option<[f64; 2]>,
    ) -> Fact {
        let evidence = if span.start < S1.end { S1 } else { S2 };
        fact(
            serde_json::json!({ "kind": "number", "evidence": [evidence], "confidence": 0.75, "text": "",
            "value": value, "category": category, "about": about, "range": range, "span": span }),
        )
    }

    fn agreement(count: Option<u32>, evidence: Span, when: Option<&str>) -> Fact {
        fact(
            serde_json::json!({ "kind": "agreement", "evidence": [evidence], "confidence": 0.9,
            "parties": [{ "name": "Lam" }], "title": "accordi", "topics": [], "count": count, "when": when }),
        )
    }

    fn meeting(when: &str) -> Fact {
        fact(
            serde_json::json!({ "kind": "meeting", "evidence": [S1], "confidence": 0.9, "participants": [], "when": when }),
        )
    }

    fn at(start: usize) -> Span {
        Span {
            start,
            end: start + 5,
        }
    }

    /// A number card with no range, and the 1995–2023 range card, at `start` (S1 below 100, S2 after).
    fn num(value: f64, category: NumberCategory, about: &str, start: usize) -> Fact {
        number(value, category, about, at(start), None)
    }

    fn period(about: &str, start: usize) -> Fact {
        number(
            1995.0,
            NumberCategory::Range,
            about,
            at(start),
            Some([1995.0, 2023.0]),
        )
    }

    /// (what, the cards, how many number cards stay)
    #[test]
    fn repeated_numbers_are_dropped() {
        use NumberCategory::*;
        let deal = |count| agreement(count, S1, None);
        #[rustfmt::skip]
        let cases: Vec<(&str, Vec<Fact>, usize)> = vec![
            ("the count of an agreement in its sentence", vec![deal(Some(12)), num(12.0, Count, "accordi", 10)], 0),
            ("the same value in another sentence", vec![deal(Some(12)), num(12.0, Count, "mesi", 150)], 1),
            ("another value in the agreement's sentence", vec![deal(Some(12)), num(40.0, Percent, "export", 10)], 1),
            ("an agreement with no count", vec![deal(None), num(12.0, Count, "accordi", 10)], 1),
            ("the period of a percentage", vec![num(80.0, Percent, "importazioni (1995–2023)", 10), period("importazioni", 30)], 1),
            ("a range that is no other number's period", vec![num(80.0, Percent, "importazioni", 10), period("importazioni", 30)], 2),
            ("the same period in another sentence", vec![num(80.0, Percent, "importazioni (1995–2023)", 10), period("export", 150)], 2),
        ];
        let lex = lexicon("it").unwrap();
        for (what, mut facts, left) in cases {
            tidy(&mut facts, lex);
            let numbers = facts
                .iter()
                .filter(|f| matches!(f, Fact::Number(_)))
                .count();
            assert_eq!(numbers, left, "{what}");
        }
    }

    /// (language, the `when`s of the cards, what they become)
    #[test]
    fn dates_are_cased_alike() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("en", &["on Thursday", "On Wednesday"], &["on Thursday", "on Wednesday"]),
            ("en", &["Wednesday", "in September"], &["Wednesday", "in September"]),
            ("it", &["giovedì", "Mercoledì", "a settembre"], &["giovedì", "mercoledì", "a settembre"]),
            ("it", &["Mercoledì"], &["Mercoledì"]),
            ("de", &["Am Montag", "am Dienstag"], &["am Montag", "am Dienstag"]),
            ("de", &["Montag", "im Mai"], &["Montag", "im Mai"]),
            ("es", &["El martes", "el lunes"], &["el martes", "el lunes"]),
            ("fr", &["Jeudi", "le 3 mai"], &["jeudi", "le 3 mai"]),
        ];
        for (lang, whens, want) in cases {
            let mut facts: Vec<Fact> = whens.iter().map(|w| meeting(w)).collect();
            facts.push(agreement(None, S2, Some(whens[0])));
            tidy(&mut facts, lexicon(lang).unwrap());
            let got: Vec<&str> = facts.iter().filter_map(when).collect();
            assert_eq!(&got[..whens.len()], *want, "{lang} {whens:?}");
            assert_eq!(
                got[whens.len()],
                want[0],
                "{lang}: the agreement's when too"
            );
        }
    }
}
