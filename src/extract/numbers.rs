//! Numbers: digits in each language's format, number words, scales, currencies, percentages,
//! durations, years and ranges, with the qualifier that goes with them and a short `about`.
//! Never read out of names and codes (G7, COVID-19, F-16, 5G).

use crate::analysis::{NumberCategory, NumberFact, Span};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::segment::{Range, Token, TokenKind};

/// Parses digits written with thousands and decimal separators in the language's convention.
pub fn parse_digits(s: &str, lang: &str) -> Option<f64> {
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let decimal_comma = lang != "en";
    let clean: String = if dots > 0 && commas > 0 {
        // The last separator is the decimal one.
        let last_dot = s.rfind('.')?;
        let last_comma = s.rfind(',')?;
        if last_comma > last_dot {
            s.replace('.', "").replace(',', ".")
        } else {
            s.replace(',', "")
        }
    } else if dots + commas == 0 {
        s.to_string()
    } else {
        let sep = if dots > 0 { '.' } else { ',' };
        let groups: Vec<&str> = s.split(sep).collect();
        let thousands_sep = if decimal_comma { '.' } else { ',' };
        let grouped = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
        if groups.len() > 2 || (grouped && sep == thousands_sep) {
            s.replace(sep, "")
        } else {
            s.replace(sep, ".")
        }
    };
    clean.parse().ok()
}

const DURATIONS: &[&str] = &[
    "year", "month", "week", "day", "hour", "minute", "second", "decade", "century",
];
const COUNTED: &[&str] = &["people", "deaths", "injured", "inhabitants", "votes"];

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
}

/// A plain number at token `i`: its value and how many tokens it took.
fn read_value(
    toks: &[Token],
    i: usize,
    end: usize,
    lex: &Lexicon,
    text: &str,
) -> Option<(f64, usize, bool)> {
    let t = &toks[i];
    let keys: Vec<&str> = toks[i..end].iter().map(|t| t.key.as_str()).collect();
    if t.kind == TokenKind::Number {
        let v = parse_digits(t.text(text), lex.code)?;
        return Some((v, 1, false));
    }
    if t.is_word() {
        if let Some((n, w)) = lex.number_words.longest(&keys) {
            return Some((w.value, n, w.approximate));
        }
    }
    None
}

/// Is the number at `i` part of a name or code ("G7", "COVID-19", "F-16", "5G", "10:30")?
fn is_code(toks: &[Token], i: usize, end: usize, start: usize) -> bool {
    let t = &toks[i];
    let prev = if i > start { toks.get(i - 1) } else { None };
    let next = toks.get(i + 1).filter(|_| i + 1 < end);
    if let Some(p) = prev {
        if !t.space_before && (p.is_word() || p.key == "-" || p.key == ":" || p.key == "/") {
            if p.key == "-" {
                // "F-16", "COVID-19", but not a range "2019-2021"
                let pp = if i >= start + 2 {
                    toks.get(i - 2)
                } else {
                    None
                };
                if pp.is_some_and(|x| x.is_word()) {
                    return true;
                }
            } else if p.is_word() && !p.key.ends_with('\'') {
                return true; // "G7" — but "l'80%" is an elision
            } else if p.key == ":" || p.key == "/" {
                return true;
            }
        }
    }
    if let Some(n) = next {
        if !n.space_before && n.is_word() && n.key.chars().all(|c| c.is_alphabetic()) {
            // "5G", "3D", "1st", "2nd" — scales ("50bn", "600m") are handled by the caller.
            return true;
        }
        if !n.space_before && matches!(n.key.as_str(), ":" | "/" | "°" | "º" | "ª") {
            return true;
        }
    }
    false
}

pub fn extract(doc: &Document) -> Vec<NumberFact> {
    let lex = doc.lex;
    let text = doc.text();
    let toks = &doc.tokens;
    let mut found: Vec<Found> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let (start, end) = (s.tokens.start, s.tokens.end);
        let mut i = start;
        while i < end {
            match read_at(doc, lex, toks, text, i, start, end, si) {
                Some(f) => {
                    i = f.after.max(i + 1);
                    found.push(f);
                }
                None => i += 1,
            }
        }
    }
    // One card per value said: merge repeats.
    let mut facts: Vec<(NumberFact, u8, usize)> = Vec::new();
    for f in found {
        let r = Range {
            start: toks[f.range.start].range.start,
            end: toks[f.range.end - 1].range.end,
        };
        let evidence = doc.span(doc.sentences[f.sentence].range);
        if let Some(prev) = facts.iter_mut().find(|(p, _, _)| {
            p.value == f.value
                && p.category == f.category
                && p.unit == f.unit
                && p.range == f.range_values
        }) {
            if !prev.0.evidence.contains(&evidence) {
                prev.0.evidence.push(evidence);
            }
            continue;
        }
        let about = about(doc, &f);
        let rank = match f.category {
            NumberCategory::Money => 0,
            NumberCategory::Percent => 1,
            NumberCategory::Count if f.unit.is_some() || !about.is_empty() => 2,
            NumberCategory::Range => 3,
            NumberCategory::Duration => 4,
            NumberCategory::Count | NumberCategory::Quantity => 5,
            NumberCategory::Year | NumberCategory::Date => 6,
        };
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
        ));
    }
    facts.sort_by_key(|(_, rank, pos)| (*rank, *pos));
    facts.into_iter().map(|(f, _, _)| f).collect()
}

#[allow(clippy::too_many_arguments)]
fn read_at(
    doc: &Document,
    lex: &Lexicon,
    toks: &[Token],
    text: &str,
    i: usize,
    start: usize,
    end: usize,
    si: usize,
) -> Option<Found> {
    let keys = |a: usize| -> Vec<&str> { toks[a..end].iter().map(|t| t.key.as_str()).collect() };
    let mut j = i;
    // Qualifier ("oltre", "more than"), then maybe an article ("l'", "the").
    let mut qualifier = None;
    if let Some((n, q)) = lex.qualifiers.longest(&keys(j)) {
        qualifier = Some(q.clone());
        j += n;
        if j < end
            && toks[j].is_word()
            && lex.is_stopword(&toks[j].key)
            && !lex.number_words.contains_key(&toks[j].key)
        {
            j += 1;
        }
    }
    // Range opener ("tra", "between") before the first value.
    let mut closers: Option<&Vec<String>> = None;
    if qualifier.is_none() {
        if let Some(c) = lex.ranges.get(&toks[j].key) {
            let mut k = j + 1;
            if k < end
                && toks[k].is_word()
                && lex.is_stopword(&toks[k].key)
                && !lex.number_words.contains_key(&toks[k].key)
            {
                k += 1;
            }
            if k < end && toks[k].kind == TokenKind::Number {
                closers = Some(c);
                j = k;
            }
        }
    }
    // Currency symbol or code before ("$50", "€ 1,2 milioni", "US$ 5").
    let mut unit: Option<String> = None;
    let mut symbol_at: Option<usize> = None;
    if j < end {
        if let Some((n, iso)) = lex.currencies.longest(&keys(j)) {
            let sym = toks[j..j + n]
                .iter()
                .all(|t| !t.is_word() || t.text(text).chars().all(|c| c.is_uppercase()));
            if sym && j + n < end && toks[j + n].kind == TokenKind::Number {
                unit = Some(iso.clone());
                symbol_at = Some(j);
                j += n;
            }
        }
    }
    if j >= end {
        return None;
    }
    let first = j;
    let (mut value, n, approximate) = read_value(toks, j, end, lex, text)?;
    let is_digits = toks[j].kind == TokenKind::Number;
    // Glued scale: "50bn", "600m".
    let glued_scale = is_digits
        && toks.get(j + 1).is_some_and(|t| {
            j + 1 < end
                && !t.space_before
                && t.is_word()
                && lex.scales.longest(&[t.key.as_str()]).is_some()
        });
    if is_digits && !glued_scale && is_code(toks, j, end, start) {
        return None;
    }
    // A list marker: a small number opening its paragraph, followed by "." or ")".
    if is_digits
        && j == start
        && toks
            .get(j + 1)
            .is_some_and(|t| j + 1 < end && !t.space_before && (t.key == ")" || t.key == "."))
    {
        return None;
    }
    // "Windows 11", "Apollo 13": a small number right after a capitalized word mid-sentence.
    if is_digits && j > start && qualifier.is_none() && unit.is_none() {
        let p = &toks[j - 1];
        let small = toks[j].text(text).len() <= 2;
        if p.is_word()
            && p.cap
            && small
            && !doc.starts_sentence(j - 1)
            && lex.months.longest(&[p.key.as_str()]).is_none()
        {
            return None;
        }
    }
    j += n;
    // Scale words: "50 miliardi", "1,2 milioni", "$50bn".
    let mut scaled = false;
    while j < end {
        match lex.scales.longest(&keys(j)) {
            Some((m, mult)) => {
                value *= mult;
                j += m;
                scaled = true;
            }
            None => break,
        }
    }
    // Lone number words that carry no unit are noise ("uno dei", "two of them").
    let mut category = NumberCategory::Count;
    let mut range_values = None;
    // Percent.
    if j < end && toks[j].key == "%" {
        unit = Some("%".into());
        category = NumberCategory::Percent;
        j += 1;
    } else if let Some((m, u)) = lex.percent.longest(&keys(j)) {
        unit = Some(u.clone());
        category = NumberCategory::Percent;
        j += m;
    }
    // Currency after, possibly through "di"/"of": "50 miliardi di dollari", "10 euro".
    if category != NumberCategory::Percent && unit.is_none() {
        let mut k = j;
        if k < end && lex.particles.contains(&toks[k].key) && scaled {
            k += 1;
        }
        if k < end {
            if let Some((m, iso)) = lex.currencies.longest(&keys(k)) {
                unit = Some(iso.clone());
                j = k + m;
            }
        }
    }
    if unit.as_deref().is_some_and(|u| u != "%" && u != "pp") {
        category = NumberCategory::Money;
    }
    // Range: "tra il 1995 e il 2023", "2019-2021", "between 3 and 5".
    if category == NumberCategory::Count {
        let mut k = j;
        let mut ok = false;
        if let Some(c) = closers {
            if k < end && c.contains(&toks[k].key) {
                k += 1;
                if k < end
                    && toks[k].is_word()
                    && lex.is_stopword(&toks[k].key)
                    && !lex.number_words.contains_key(&toks[k].key)
                {
                    k += 1;
                }
                ok = true;
            }
        } else if k + 1 < end
            && toks[k].key == "-"
            && !toks[k].space_before
            && !toks[k + 1].space_before
        {
            k += 1;
            ok = true;
        }
        if ok && k < end && toks[k].kind == TokenKind::Number {
            if let Some(b) = parse_digits(toks[k].text(text), lex.code) {
                range_values = Some([value, b]);
                category = NumberCategory::Range;
                j = k + 1;
            }
        } else if closers.is_some() {
            // an opener without its closer: the number stands alone
        }
    }
    // Units after: "24 anni", "tre mesi", "300 persone".
    if matches!(category, NumberCategory::Count | NumberCategory::Range) && j < end {
        if let Some((m, u)) = lex.units.longest(&keys(j)) {
            if category == NumberCategory::Count {
                category = if DURATIONS.contains(&u.as_str()) {
                    NumberCategory::Duration
                } else if COUNTED.contains(&u.as_str()) {
                    NumberCategory::Count
                } else {
                    NumberCategory::Quantity
                };
            }
            unit = Some(u.clone());
            j += m;
        }
    }
    // Dates: "11 settembre", "September 11".
    if category == NumberCategory::Count && is_digits && !scaled {
        let day_month =
            j < end && lex.months.longest(&keys(j)).is_some() && (1.0..=31.0).contains(&value);
        let month_day = first > start
            && lex
                .months
                .longest(&[toks[first - 1].key.as_str()])
                .is_some()
            && (1.0..=31.0).contains(&value);
        if day_month || month_day {
            category = NumberCategory::Date;
            if day_month {
                j += lex.months.longest(&keys(j)).map_or(0, |x| x.0);
                // and a year after it
                if j < end && toks[j].kind == TokenKind::Number && toks[j].text(text).len() == 4 {
                    j += 1;
                }
            }
        }
    }
    // Years: 4 digits, 1500–2100, nothing else around.
    let year_like = |v: f64, t: &Token| {
        t.text(text).len() == 4 && (1500.0..=2100.0).contains(&v) && v.fract() == 0.0
    };
    if category == NumberCategory::Count && is_digits && !scaled && year_like(value, &toks[first]) {
        category = NumberCategory::Year;
    }
    if category == NumberCategory::Count
        && !is_digits
        && !approximate
        && !scaled
        && qualifier.is_none()
    {
        // A bare number word ("due", "two") is a card only when it counts something named after
        // it, and only from a dozen on; smaller ones are too common to be news.
        if value < 12.0 {
            return None;
        }
    }
    if category == NumberCategory::Count && is_digits && !scaled && value == 0.0 {
        return None;
    }
    let q_start = if qualifier.is_some() {
        i
    } else {
        symbol_at.unwrap_or(first)
    };
    // Include an article before a number word idiom: "una dozzina", "a dozen".
    let article = |t: &Token| t.is_word() && lex.is_stopword(&t.key) && t.key.chars().count() <= 3;
    let from = if !is_digits
        && q_start > start
        && q_start == first
        && article(&toks[first - 1])
        && qualifier.is_none()
    {
        first - 1
    } else if closers.is_some() && range_values.is_some() {
        i
    } else {
        q_start
    };
    Some(Found {
        range: from..j,
        value,
        unit,
        category,
        qualifier,
        range_values,
        sentence: si,
        after: j,
        first,
    })
}

/// Languages whose noun phrases put a number before the noun it modifies ("a $50 billion loan",
/// "ein 50-Milliarden-Kredit"); the others put the noun first ("un prestito di 50 miliardi").
const MODIFIER_FIRST: &[&str] = &["en", "de"];

/// What a number measures, read from its sentence: the noun phrase after it when it counts
/// something ("dozzina di accordi di cooperazione"), when "of" follows ("80% delle importazioni")
/// or when the language puts the number first ("$50 billion loan"); else the noun phrase just
/// before it ("prestito di 50 miliardi").
fn about(doc: &Document, f: &Found) -> String {
    let lex = doc.lex;
    let toks = &doc.tokens;
    let s = &doc.sentences[f.sentence];
    let (floor, ceil) = (s.tokens.start, s.tokens.end);
    let content = |t: &Token| {
        t.is_word()
            && !lex.is_stopword(&t.key)
            && t.key.chars().count() > 1
            && lex.speech_verbs.longest(&[t.key.as_str()]).is_none()
    };
    let particle = |t: &Token| t.is_word() && lex.particles.contains(&t.key);
    // Forward: [of [determiners]] content words, with one "of X" allowed inside.
    let mut k = f.after;
    let genitive = k < ceil && particle(&toks[k]);
    if genitive {
        k += 1;
        while k < ceil && k < f.after + 3 && toks[k].is_word() && !content(&toks[k]) {
            k += 1;
        }
    }
    let fwd_start = k;
    let mut n = 0;
    let mut joined = false;
    while k < ceil && n < 4 {
        if content(&toks[k]) {
            n += 1;
            k += 1;
        } else if n > 0 && !joined && particle(&toks[k]) && k + 1 < ceil && content(&toks[k + 1]) {
            joined = true;
            k += 1;
        } else {
            break;
        }
    }
    let forward = (n > 0).then_some(fwd_start..k);
    // Backward: skip a few function words, then content words (particles may join them).
    let mut b = f.range.start;
    let mut skipped = 0;
    while b > floor && skipped < 4 && toks[b - 1].is_word() && !content(&toks[b - 1]) {
        b -= 1;
        skipped += 1;
    }
    let stop = b;
    let mut m = 0;
    while b > floor && m < 3 {
        if content(&toks[b - 1]) {
            m += 1;
            b -= 1;
        } else if m > 0 && b >= floor + 2 && particle(&toks[b - 1]) && content(&toks[b - 2]) {
            b -= 1;
        } else {
            break;
        }
    }
    let backward = (m > 0).then_some(b..stop);
    let counts = matches!(f.category, NumberCategory::Count | NumberCategory::Quantity);
    let noun_after = f.after < ceil && content(&toks[f.after]);
    let prefer_forward = counts || genitive || (MODIFIER_FIRST.contains(&lex.code) && noun_after);
    let range = if prefer_forward {
        forward.or(backward)
    } else {
        backward.or(forward)
    };
    let Some(range) = range else {
        return String::new();
    };
    // Keep the ends clean of function words.
    let (mut a, mut e) = (range.start, range.end);
    while a < e && !content(&toks[a]) {
        a += 1;
    }
    while e > a && !content(&toks[e - 1]) {
        e -= 1;
    }
    if a >= e {
        return String::new();
    }
    doc.original_text(Range {
        start: toks[a].range.start,
        end: toks[e - 1].range.end,
    })
}

/// The evidence of number facts never reaches outside the document: used by tests.
#[allow(dead_code)]
fn evidence_ok(f: &NumberFact, len: usize) -> bool {
    f.evidence
        .iter()
        .all(|Span { start, end }| start < end && *end <= len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(text: &str, lang: &str) -> Vec<(String, f64, Option<String>, NumberCategory)> {
        let doc = Document::new(text, Some(lang));
        extract(&doc)
            .into_iter()
            .map(|f| (f.text, f.value, f.unit, f.category))
            .collect()
    }

    #[test]
    fn digits_in_each_convention() {
        let cases = [
            ("1.000,5", "it", 1000.5),
            ("1,000.5", "en", 1000.5),
            ("1.000", "it", 1000.0),
            ("1,000", "en", 1000.0),
            ("1,5", "it", 1.5),
            ("2.5", "en", 2.5),
            ("1.234.567", "de", 1234567.0),
            ("3,14", "fr", 3.14),
        ];
        for (s, lang, want) in cases {
            assert_eq!(parse_digits(s, lang), Some(want), "{s} {lang}");
        }
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
}
