//! Numbers: digits in each language's format, number words, scales, currencies, percentages,
//! durations, years and ranges, with the qualifier that goes with them and a short `about`.
//! Never read out of names and codes (G7, COVID-19, F-16, 5G).
//!
//! Three stages, one file each: [`value`] reads the value itself (digits in the language's
//! convention, number words and the words they are built from); [`reading`] reads a number in its
//! sentence (qualifier, sign, currency, scale, percent, range, unit, date or year, and what is no
//! number at all); [`about`] tells what a number measures. This file walks the sentences and makes
//! one card of each value said.

mod about;
mod reading;
mod value;

use crate::analysis::{NumberCategory, NumberFact};
use crate::document::Document;
use crate::lexicon::{Lexicon, NumberPart};
use crate::segment::{Range, Token};

pub use value::parse_digits;

/// The longest phrase any list holds is shorter than this: lookups never read further.
const MAX_PHRASE: usize = 8;

/// A number read in a sentence, before it is a card: token indices into the document.
struct Found {
    range: std::ops::Range<usize>,
    value: f64,
    unit: Option<String>,
    category: NumberCategory,
    qualifier: Option<String>,
    range_values: Option<[f64; 2]>,
    sentence: usize,
    /// Token index just after the number and its unit, where "of what" may follow.
    after: usize,
    /// Token index of the number itself (before qualifiers).
    first: usize,
    /// Token index of the noun a count counts ("tre camion", "cinque dei nove giudici").
    counted: Option<usize>,
    /// False for what was read only to be passed over (a score "3-1").
    keep: bool,
}

/// The tokens of one sentence and what the reader needs to look at them.
struct Ctx<'a> {
    doc: &'a Document<'a>,
    lex: &'static Lexicon,
    toks: &'a [Token],
    text: &'a str,
    /// Token range of the sentence.
    start: usize,
    end: usize,
}

impl<'a> Ctx<'a> {
    /// The tokens from `k` on, as far as a phrase can reach (the lexicon matches their keys).
    fn keys(&self, k: usize) -> &'a [Token] {
        let toks: &'a [Token] = self.toks;
        &toks[k.min(self.end)..self.end.min(k + MAX_PHRASE)]
    }

    fn tok(&self, k: usize) -> Option<&'a Token> {
        let toks: &'a [Token] = self.toks;
        toks.get(k).filter(|_| k < self.end)
    }

    fn part(&self, k: usize) -> Option<(usize, NumberPart)> {
        self.lex
            .number_parts
            .longest(self.keys(k))
            .map(|(n, p)| (n, *p))
    }

    fn part_is(&self, t: &Token, part: NumberPart) -> bool {
        self.lex
            .number_parts
            .longest(&[&t.key])
            .is_some_and(|(_, p)| *p == part)
    }

    /// An ISO 4217 code written in upper case at `k` ("EUR", "42SAR"): three capital letters
    /// (every code is, see the test `currency_codes_are_three_capitals`), looked up only then.
    fn code(&self, k: usize) -> Option<String> {
        let t = self.tok(k)?;
        let s = t.text(self.text);
        (t.is_word() && is_code_like(s) && self.lex.currency_codes.contains(s))
            .then(|| s.to_string())
    }
}

/// Three capital letters, as every ISO 4217 code is written.
fn is_code_like(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// The number cards of a text, the most telling first: sums of money, percentages, counts of
/// something, ranges, durations, then bare counts, quantities, years and dates.
pub fn extract(doc: &Document) -> Vec<NumberFact> {
    let found = read_sentences(doc);
    let periods = about::Periods::of(&found);
    let toks = &doc.tokens;
    // One card per value said: merge repeats. Not in one sentence, which says a value twice of
    // two things ("A holds 3%, B holds 3%"), nor two counts of things named apart.
    let mut facts: Vec<(NumberFact, u8, usize, usize, Option<usize>)> = Vec::new();
    for f in found {
        let r = Range {
            start: toks[f.range.start].range.start,
            end: toks[f.range.end - 1].range.end,
        };
        let evidence = doc.span(doc.sentences[f.sentence].range);
        if let Some(prev) = facts.iter_mut().find(|(p, _, _, sentence, counted)| {
            p.value == f.value
                && p.category == f.category
                && p.unit == f.unit
                && p.range == f.range_values
                && *sentence != f.sentence
                && !counts_other_things(toks, *counted, f.counted)
        }) {
            if !prev.0.evidence.contains(&evidence) {
                prev.0.evidence.push(evidence);
            }
            continue;
        }
        let about = about::about(doc, &f, &periods);
        let rank = rank(&f, &about);
        let confidence = match rank {
            0 | 1 => 0.9,
            2..=4 => 0.75,
            _ => 0.6,
        };
        facts.push((
            NumberFact {
                evidence: vec![evidence],
                confidence,
                text: doc.original_text(r),
                value: f.value,
                unit: f.unit,
                category: f.category,
                about,
                range: f.range_values,
                qualifier: f.qualifier,
                span: doc.span(r),
            },
            rank,
            f.first,
            f.sentence,
            f.counted,
        ));
    }
    crate::sort::by_key(&mut facts, |(_, rank, pos, _, _)| (*rank, *pos));
    facts.into_iter().map(|(f, ..)| f).collect()
}

/// "20 millones de dosis" and "20 millones de personas": two counts of the same value, each of a
/// thing its noun names, are two facts when the nouns differ.
fn counts_other_things(toks: &[Token], a: Option<usize>, b: Option<usize>) -> bool {
    a.zip(b).is_some_and(|(a, b)| toks[a].key != toks[b].key)
}

/// Every number of every sentence, read from each token on where the last one ended. Left out:
/// what was read only to be passed over, and the same amount said again in other currencies
/// ("120.7m euros ($158.8m; £83.3m)").
fn read_sentences(doc: &Document) -> Vec<Found> {
    let toks = &doc.tokens;
    let mut found: Vec<Found> = Vec::new();
    let mut spelled = vec![None; doc.words.len()];
    for (si, s) in doc.sentences.iter().enumerate() {
        let c = Ctx {
            doc,
            lex: doc.lex,
            toks,
            text: doc.text(),
            start: s.tokens.start,
            end: s.tokens.end,
        };
        let mut i = c.start;
        let mut last_money: Option<usize> = None;
        while i < c.end {
            if !reading::may_start(&c, i, &mut spelled) {
                i += 1;
                continue;
            }
            let Some(f) = reading::read_at(&c, i, si) else {
                i += 1;
                continue;
            };
            i = f.after.max(i + 1);
            let money = f.category == NumberCategory::Money;
            let conversion = money
                && last_money.is_some_and(|end| in_another_currency(&toks[end..f.range.start]));
            if money {
                last_money = Some(f.after);
            }
            if f.keep && !conversion {
                found.push(f);
            }
        }
    }
    found
}

/// "($158.8m; £83.3m)": between two sums of money, only an opening bracket or a semicolon, and
/// commas and slashes; the second is the first in another currency.
fn in_another_currency(between: &[Token]) -> bool {
    between
        .iter()
        .all(|t| matches!(t.key.as_str(), "(" | ";" | "," | "/"))
        && between.iter().any(|t| t.key == "(" || t.key == ";")
}

/// Where a card stands among the others (0 first), by what it is: a count of something named
/// ranks above a bare one.
fn rank(f: &Found, about: &str) -> u8 {
    match f.category {
        NumberCategory::Money => 0,
        NumberCategory::Percent => 1,
        NumberCategory::Count if f.unit.is_some() || !about.is_empty() => 2,
        NumberCategory::Range => 3,
        NumberCategory::Duration => 4,
        NumberCategory::Count | NumberCategory::Quantity => 5,
        NumberCategory::Year | NumberCategory::Date => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_codes_are_three_capitals() {
        for code in crate::lexicon::LANGUAGES {
            let lex = crate::lexicon::lexicon(code).unwrap();
            assert!(lex.currency_codes.len() > 100, "{code}");
            for c in lex.currency_codes.iter() {
                assert!(is_code_like(c), "{code}: {c}");
            }
        }
    }

    fn nums(text: &str, lang: &str) -> Vec<(String, f64, Option<String>, NumberCategory)> {
        let doc = Document::new(text, Some(lang));
        extract(&doc)
            .into_iter()
            .map(|f| (f.text, f.value, f.unit, f.category))
            .collect()
    }

    #[test]
    fn italian_money_percent_counts_and_ranges() {
        let got = nums(
            "Il G7 fornirà un prestito di 50 miliardi di dollari a Kiev. Mosca ha fornito oltre l'80% delle importazioni tra il 1995 e il 2023. Hanno firmato una dozzina di accordi. È la prima visita in 24 anni.",
            "it",
        );
        let has = |text: &str, v: f64, c: NumberCategory| {
            got.iter()
                .any(|g| g.0.contains(text) && g.1 == v && g.3 == c)
        };
        assert!(
            has("50 miliardi di dollari", 5e10, NumberCategory::Money),
            "{got:?}"
        );
        assert!(got.iter().any(|g| g.2.as_deref() == Some("USD")));
        assert!(has("80%", 80.0, NumberCategory::Percent), "{got:?}");
        assert!(has("1995", 1995.0, NumberCategory::Range), "{got:?}");
        assert!(has("dozzina", 12.0, NumberCategory::Count), "{got:?}");
        assert!(has("24 anni", 24.0, NumberCategory::Duration), "{got:?}");
        assert!(
            got.iter().all(|g| g.0 != "7" && g.1 != 7.0),
            "G7 is a name: {got:?}"
        );
    }

    #[test]
    fn english_money_and_codes() {
        let got = nums(
            "The G7 agreed a $50bn loan. F-16 jets and COVID-19 cases rose 3.5 percent, to 1,200 people. £600m was spent.",
            "en",
        );
        let has = |v: f64, unit: &str| got.iter().any(|g| g.1 == v && g.2.as_deref() == Some(unit));
        assert!(has(5e10, "USD"), "{got:?}");
        assert!(has(3.5, "%"), "{got:?}");
        assert!(has(6e8, "GBP"), "{got:?}");
        assert!(
            got.iter().all(|g| g.1 != 16.0 && g.1 != 19.0 && g.1 != 7.0),
            "{got:?}"
        );
    }

    /// Each sentence gives exactly these cards: (text as written, value, unit).
    #[test]
    fn values_units_and_spans_table() {
        type Case = (
            &'static str,
            &'static str,
            &'static [(&'static str, f64, Option<&'static str>)],
        );
        let cases: &[Case] = &[
            // spelled numbers, built from their parts
            (
                "en",
                "They counted seven hundred twenty-one thousand and twelve ballots.",
                &[(
                    "seven hundred twenty-one thousand and twelve ballots",
                    721012.0,
                    None,
                )],
            ),
            (
                "en",
                "Two hundred and fifty people came.",
                &[("Two hundred and fifty people", 250.0, Some("people"))],
            ),
            (
                "en",
                "A million dollars went missing.",
                &[("A million dollars", 1e6, Some("USD"))],
            ),
            (
                "en",
                "Half a million refugees fled.",
                &[("Half a million refugees", 5e5, Some("refugees"))],
            ),
            (
                "en",
                "The bill came to one and a half million euros.",
                &[("one and a half million euros", 1.5e6, Some("EUR"))],
            ),
            (
                "en",
                "Tens of thousands marched.",
                &[("Tens of thousands", 1e4, None)],
            ),
            (
                "it",
                "Sono arrivati duecentocinquanta delegati.",
                &[("duecentocinquanta delegati", 250.0, None)],
            ),
            (
                "it",
                "La città conta trecentotrentunomila abitanti.",
                &[(
                    "trecentotrentunomila abitanti",
                    331000.0,
                    Some("inhabitants"),
                )],
            ),
            (
                "it",
                "Il debito è di tre milioni e mezzo di euro.",
                &[("tre milioni e mezzo di euro", 3.5e6, Some("EUR"))],
            ),
            (
                "it",
                "Ha pagato dieci dollari.",
                &[("dieci dollari", 10.0, Some("USD"))],
            ),
            (
                "it",
                "Ne hanno venduti 3 mila euro.",
                &[("3 mila euro", 3000.0, Some("EUR"))],
            ),
            (
                "it",
                "Ha perso 2 milioni e mezzo.",
                &[("2 milioni e mezzo", 2.5e6, None)],
            ),
            // signs
            (
                "it",
                "La temperatura è scesa a meno 12 gradi.",
                &[("meno 12 gradi", -12.0, Some("degree"))],
            ),
            (
                "en",
                "The balance was -1200 at the close.",
                &[("-1200", -1200.0, None)],
            ),
            // digits in each convention
            (
                "en",
                "Its population is 1 414 021 100 today.",
                &[("1 414 021 100", 1414021100.0, None)],
            ),
            ("en", "The rate was .25 last year.", &[(".25", 0.25, None)]),
            (
                "it",
                "Il prestito vale 1,2 milioni di euro.",
                &[("1,2 milioni di euro", 1.2e6, Some("EUR"))],
            ),
            // currencies: symbols, codes, glued, words
            (
                "en",
                "The fund raised EUR 20 and then CNY3.",
                &[("EUR 20", 20.0, Some("EUR")), ("CNY3", 3.0, Some("CNY"))],
            ),
            (
                "en",
                "He paid 42SAR for it.",
                &[("42SAR", 42.0, Some("SAR"))],
            ),
            (
                "en",
                "Ottawa set aside C$ 300 million.",
                &[("C$ 300 million", 3e8, Some("CAD"))],
            ),
            (
                "en",
                "The deal was worth $ 3.5 million.",
                &[("$ 3.5 million", 3.5e6, Some("USD"))],
            ),
            (
                "en",
                "The club spent £600m on players.",
                &[("£600m", 6e8, Some("GBP"))],
            ),
            (
                "en",
                "It now costs a dollar.",
                &[("a dollar", 1.0, Some("USD"))],
            ),
            (
                "en",
                "Exports hit 120m euros ($158m; £83m) in May.",
                &[("120m euros", 1.2e8, Some("EUR"))],
            ),
            // percentages and points
            (
                "it",
                "La disoccupazione è salita di 0,5 punti percentuali.",
                &[("0,5 punti percentuali", 0.5, Some("pp"))],
            ),
            (
                "en",
                "Turnout rose to more than 80 percent.",
                &[("more than 80 percent", 80.0, Some("%"))],
            ),
            // one card per value said, but a sentence that says it twice says it of two things,
            // and two counts of things named apart are two facts
            (
                "it",
                "Anna ha il 4% delle azioni e Marco il 4% dei voti.",
                &[("4%", 4.0, Some("%")), ("4%", 4.0, Some("%"))],
            ),
            (
                "en",
                "Profits rose 4%. Sales also rose 4%.",
                &[("4%", 4.0, Some("%"))],
            ),
            (
                "es",
                "Compraron 30 millones de vacunas. Esperan a 30 millones de turistas.",
                &[("30 millones", 3e7, None), ("30 millones", 3e7, None)],
            ),
            // ranges, years, durations
            (
                "en",
                "Output fell in 2019-21 across the region.",
                &[("2019-21", 2019.0, None)],
            ),
            (
                "en",
                "The pilot ran a five-year programme.",
                &[("five-year", 5.0, Some("year"))],
            ),
        ];
        for (lang, text, want) in cases {
            let got = nums(text, lang);
            let got: Vec<(&str, f64, Option<&str>)> = got
                .iter()
                .map(|g| (g.0.as_str(), g.1, g.2.as_deref()))
                .collect();
            assert_eq!(got.len(), want.len(), "{text}: {got:?}");
            for w in *want {
                assert!(
                    got.iter().any(|g| g == w),
                    "{text}: want {w:?}, got {got:?}"
                );
            }
        }
    }

    /// Nothing here is a number card.
    #[test]
    fn names_codes_times_and_bare_words_are_not_cards() {
        let cases = [
            (
                "en",
                "The G7 and the F-16 deal hit COVID-19 news on Windows 11.",
            ),
            ("en", "That one is really good, and the two of them agreed."),
            ("en", "Visit https://example.com/search?q=30%25 for more."),
            ("en", "The meeting starts at 1830 GMT."),
            ("en", "City won 3-1 on Sunday."),
            (
                "it",
                "Dopo la seconda guerra mondiale i due paesi si sono alleati.",
            ),
            ("en", "The 4K screen sold well."),
        ];
        for (lang, text) in cases {
            let got = nums(text, lang);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
        // A number word that stands alone is read.
        assert_eq!(nums("Sette.", "it").len(), 1);
    }

    #[test]
    fn about_is_a_short_phrase() {
        let cases = [
            (
                "it",
                "Il G7 ha deciso di fornire un nuovo prestito di 50 miliardi di dollari a Kiev.",
                "nuovo prestito a Kiev",
            ),
            (
                "en",
                "The G7 agreed to provide a new $50 billion loan to Kyiv.",
                "loan to Kyiv",
            ),
            (
                "it",
                "Mosca ha fornito oltre l'80% delle importazioni tra il 1995 e il 2023.",
                "importazioni (1995\u{2013}2023)",
            ),
            (
                "en",
                "It was his first visit to the isolated North in 24 years.",
                "first visit to the isolated North",
            ),
            ("en", "Sales climbed to 364m euros.", "Sales"),
            (
                "en",
                "Shell signed a $6bn (£3bn) deal with Qatar.",
                "deal with Qatar",
            ),
        ];
        // A year with nothing to say before it takes the nearest words (not a month); a value
        // right before it is passed over.
        for (lang, text, year, want) in [
            (
                "de",
                "Die Bauarbeiten sollen 2026 beginnen und bis 2032 abgeschlossen sein.",
                2032.0,
                "Bauarbeiten",
            ),
            (
                "es",
                "Marruecos aspira a superar el 52% en 2030.",
                2030.0,
                "Marruecos",
            ),
        ] {
            let doc = Document::new(text, Some(lang));
            let facts = extract(&doc);
            let f = facts.iter().find(|f| f.value == year);
            assert_eq!(f.map(|f| f.about.as_str()), Some(want), "{text}");
        }
        for (lang, text, want) in cases {
            let doc = Document::new(text, Some(lang));
            let facts = extract(&doc);
            let first = facts.first().map(|f| f.about.as_str());
            assert_eq!(
                first,
                Some(want),
                "{text}: {:?}",
                facts
                    .iter()
                    .map(|f| (&f.text, &f.about))
                    .collect::<Vec<_>>()
            );
        }
    }
}
