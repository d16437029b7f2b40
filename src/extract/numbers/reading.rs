//! A number read in its sentence: its qualifier, sign, currency, scale, percent, range, unit,
//! date or year, and what is no number at all (names and codes, list markers, web addresses,
//! times of day, scores).

use super::value::{is_multiplier, parse_digits, read_value, tidy};
use super::{Ctx, Found};
use crate::analysis::NumberCategory;
use crate::lexicon::NumberPart;
use crate::segment::{Token, TokenKind};

const DURATIONS: &[&str] = &[
    "year", "month", "week", "day", "hour", "minute", "second", "decade", "century",
];
const COUNTED: &[&str] = &["people", "deaths", "injured", "inhabitants", "votes"];

impl Ctx<'_> {
    /// Is the number token at `k` inside a web address ("?q=30%25")?
    fn in_url(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else { return false };
        let bytes = self.text.as_bytes();
        let mut a = t.range.start;
        while a > 0 && t.range.start - a < 200 && !bytes[a - 1].is_ascii_whitespace() {
            a -= 1;
        }
        let mut b = t.range.end;
        while b < bytes.len() && b - t.range.end < 200 && !bytes[b].is_ascii_whitespace() {
            b += 1;
        }
        let chunk = self.text.get(a..b).unwrap_or_default();
        chunk.contains("://") || chunk.starts_with("www.") || chunk.contains('@')
    }
}

/// Is the number at `i` part of a name or code ("G7", "COVID-19", "F-16", "5G", "10:30")?
fn is_code(c: &Ctx, i: usize) -> bool {
    let toks = c.toks;
    let t = &toks[i];
    let prev = if i > c.start { toks.get(i - 1) } else { None };
    if let Some(p) = prev {
        if !t.space_before && (p.is_word() || p.key == "-" || p.key == ":" || p.key == "/") {
            if p.key == "-" {
                // "F-16", "COVID-19", but not a range "2019-2021"
                let pp = if i >= c.start + 2 {
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
    if let Some(n) = c.tok(i + 1) {
        if !n.space_before && n.is_word() && n.key.chars().all(|c| c.is_alphabetic()) {
            // "5G", "3D", "1st" — but not a unit glued on: "42MYR", "50bn", "5km".
            let unit = c.code(i + 1).is_some()
                || c.lex.currencies.contains_key(&n.key)
                || c.lex.units.contains_key(&n.key)
                || c.lex.scales.contains_key(&n.key);
            return !unit;
        }
        if !n.space_before && matches!(n.key.as_str(), ":" | "/" | "°" | "º" | "ª") {
            return true;
        }
    }
    false
}

/// A currency written before the value at `j`: "$", "US$", "c $", "€", "EUR", "CNY3", "mxn$":
/// (ISO code, tokens).
fn currency_before(c: &Ctx, j: usize) -> Option<(String, usize)> {
    let text = c.text;
    if let Some((n, iso)) = c.lex.currencies.longest(&c.keys(j)) {
        let toks = &c.toks[j..j + n];
        let has_symbol = toks.iter().any(|t| !t.is_word());
        // Letters before a symbol are upper case ("C$"), or at least not a common word ("c $",
        // but "a $5 loan" is dollars, not Australian ones).
        let written = toks.iter().all(|t| {
            !t.is_word()
                || t.text(text).chars().all(char::is_uppercase)
                || (has_symbol && !c.lex.is_stopword(&t.key))
        });
        if written && c.value_starts(j + n) {
            return Some((iso.clone(), n));
        }
    }
    let t = c.tok(j)?;
    // "mxn$ 15", "NZD$15": a code glued to the dollar sign.
    let upper = t.text(text).to_uppercase();
    if t.is_word()
        && c.lex.currency_codes.contains(&upper)
        && c.tok(j + 1)
            .is_some_and(|d| d.key == "$" && !d.space_before)
        && c.value_starts(j + 2)
    {
        return Some((upper, 2));
    }
    if let Some(code) = c.code(j) {
        if c.value_starts(j + 1) {
            return Some((code, 1));
        }
    }
    None
}

/// A currency written after the value at `k`: "dollari", "euros", "SAR", "-yen": (ISO, tokens).
fn currency_after(c: &Ctx, k: usize) -> Option<(String, usize)> {
    let hyphen = usize::from(
        c.tok(k).is_some_and(|t| t.key == "-" && !t.space_before)
            && c.tok(k + 1).is_some_and(|t| !t.space_before),
    );
    let k = k + hyphen;
    if let Some((m, iso)) = c.lex.currencies.longest(&c.keys(k)) {
        return Some((iso.clone(), m + hyphen));
    }
    c.code(k).map(|code| (code, 1 + hyphen))
}

pub(super) fn read_at(c: &Ctx, i: usize, si: usize) -> Option<Found> {
    let (lex, toks, text, start, end) = (c.lex, c.toks, c.text, c.start, c.end);
    let mut j = i;
    let skip_article = |j: usize| {
        if j < end
            && toks[j].is_word()
            && lex.is_stopword(&toks[j].key)
            && !lex.number_words.contains_key(&toks[j].key)
            && !c.part(j).is_some_and(|p| p.1 != NumberPart::Join)
        {
            j + 1
        } else {
            j
        }
    };
    // Qualifier ("oltre", "more than"), then maybe an article ("l'", "the").
    let mut qualifier = None;
    if let Some((n, q)) = lex.qualifiers.longest(&c.keys(j)) {
        qualifier = Some(q.clone());
        j = skip_article(j + n);
    }
    // A sign: "minus 5", "meno 1.200.000", "-1200000".
    let mut sign = 1.0;
    let mut sign_at = None;
    if qualifier.is_none() && j < end {
        if let Some((n, NumberPart::Minus)) = c.part(j) {
            if c.value_starts(j + n) {
                sign = -1.0;
                sign_at = Some(j);
                j += n;
            }
        } else if toks[j].key == "-"
            && (j == start || (toks[j].space_before && toks[j - 1].kind != TokenKind::Number))
            && c.tok(j + 1)
                .is_some_and(|d| d.kind == TokenKind::Number && !d.space_before)
        {
            sign = -1.0;
            sign_at = Some(j);
            j += 1;
        }
    }
    // Range opener ("tra", "between") before the first value.
    let mut closers: Option<&Vec<String>> = None;
    if qualifier.is_none() && sign_at.is_none() && j < end {
        if let Some(cl) = lex.ranges.get(&toks[j].key) {
            let k = skip_article(j + 1);
            if c.tok(k).is_some_and(|t| t.kind == TokenKind::Number) {
                closers = Some(cl);
                j = k;
            }
        }
    }
    // Currency before ("$50", "€ 1,2 milioni", "US$ 5", "EUR 20").
    let mut unit: Option<String> = None;
    let mut symbol_at: Option<usize> = None;
    if j < end {
        if let Some((iso, n)) = currency_before(c, j) {
            unit = Some(iso);
            symbol_at = Some(j);
            j += n;
        }
    }
    if j >= end {
        return None;
    }
    // "a dollar", "un euro": the article is one, when the currency ends the phrase.
    if unit.is_none() && qualifier.is_none() && sign_at.is_none() {
        if let Some((n, NumberPart::Article)) = c.part(j) {
            if let Some((m, iso)) = c.lex.currencies.longest(&c.keys(j + n)) {
                let next = c.tok(j + n + m);
                let word = toks[j + n].is_word();
                let ends = next.is_none_or(|t| {
                    (t.kind == TokenKind::Punct && t.key != "-")
                        || (t.is_word() && lex.is_stopword(&t.key))
                });
                if word && ends {
                    return Some(Found {
                        range: j..j + n + m,
                        value: 1.0,
                        unit: Some(iso.clone()),
                        category: NumberCategory::Money,
                        qualifier: None,
                        range_values: None,
                        sentence: si,
                        after: j + n + m,
                        first: j,
                        keep: true,
                    });
                }
            }
        }
    }
    let first = j;
    if toks[j].kind == TokenKind::Number && c.in_url(j) {
        // Skip the whole address.
        let mut k = j + 1;
        while c.tok(k).is_some_and(|t| !t.space_before) {
            k += 1;
        }
        return Some(skipped(j, k, si));
    }
    let v = read_value(c, j)?;
    let (mut value, approximate, is_digits) = (v.value, v.approximate, v.digits);
    let glued_symbol = symbol_at.is_some();
    if is_digits && !glued_symbol && sign_at.is_none() && is_code(c, j) {
        return None;
    }
    // A list marker: a one- or two-digit number opening its paragraph, followed by "." or ")".
    if is_digits
        && j == start
        && toks[j].text(text).len() <= 2
        && c.tok(j + 1)
            .is_some_and(|t| !t.space_before && (t.key == ")" || t.key == "."))
    {
        return None;
    }
    // "Windows 11", "Apollo 13": a small number right after a capitalized word mid-sentence.
    if is_digits && j > start && qualifier.is_none() && unit.is_none() && sign_at.is_none() {
        let p = &toks[j - 1];
        let small = toks[j].text(text).len() <= 2;
        if p.is_word()
            && p.cap
            && small
            && !c.doc.starts_sentence(j - 1)
            && lex.months.longest(&[p.key.as_str()]).is_none()
        {
            return None;
        }
    }
    j += v.tokens;
    // Scale words: "50 miliardi", "1,2 milioni", "$50bn", "3 dozzine"; a one-letter scale ("600m",
    // "4K") only with a currency, where it cannot be metres or a name.
    let mut scaled = v.multiplied;
    let mut last_scale = 0.0;
    while j < end {
        match lex.scales.longest(&c.keys(j)) {
            Some((m, &mult)) => {
                let one_letter = toks[j].key.chars().count() == 1;
                if one_letter
                    && (toks[j].space_before
                        || (unit.is_none() && currency_after(c, j + m).is_none()))
                {
                    if !toks[j].space_before {
                        return None; // "4K", "3M": a name
                    }
                    break;
                }
                value *= mult;
                last_scale = mult;
                j += m;
                scaled = true;
            }
            None => break,
        }
    }
    // "2 milioni e mezzo", "1.5 million and a half" are rare but read the same way.
    if scaled && is_multiplier(last_scale) {
        if let Some((n, NumberPart::Join)) = c.part(j) {
            if let Some((w, NumberPart::Fraction(f))) = c.part(j + n) {
                value += f * last_scale;
                j += n + w;
            }
        }
    }
    value = tidy(value * sign);
    let mut category = NumberCategory::Count;
    let mut range_values = None;
    // Percent.
    if j < end && toks[j].key == "%" {
        unit = Some("%".into());
        category = NumberCategory::Percent;
        j += 1;
    } else if let Some((m, u)) = lex.percent.longest(&c.keys(j)) {
        unit = Some(u.clone());
        category = NumberCategory::Percent;
        j += m;
    }
    // Currency after, possibly through "di"/"of": "50 miliardi di dollari", "10 euro", "42SAR".
    if category != NumberCategory::Percent && unit.is_none() {
        let k = if j < end && lex.particles.contains(&toks[j].key) && scaled {
            j + 1
        } else {
            j
        };
        if let Some((iso, m)) = currency_after(c, k) {
            unit = Some(iso);
            j = k + m;
        }
    }
    if unit.as_deref().is_some_and(|u| u != "%" && u != "pp") {
        category = NumberCategory::Money;
    }
    // Range: "tra il 1995 e il 2023", "2019-2021", "between 3 and 5".
    if category == NumberCategory::Count && sign_at.is_none() {
        let mut k = j;
        let mut ok = false;
        if let Some(cl) = closers {
            if k < end && cl.iter().any(|c| toks[k].key == *c) {
                k = skip_article(k + 1);
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
            if let Some(mut b) = parse_digits(toks[k].text(text), lex.decimal_mark) {
                // "2019-21" is 2019 to 2021.
                if is_digits && year_like(value, toks[first].text(text)) && b < 100.0 {
                    b += (value / 100.0).floor() * 100.0;
                }
                if b < value && closers.is_none() {
                    // "3-1" is a score, not a range: pass over it.
                    return Some(skipped(first, k + 1, si));
                }
                range_values = Some([value, b]);
                category = NumberCategory::Range;
                j = k + 1;
            }
        }
    }
    // Units after: "24 anni", "tre mesi", "300 persone", "five-year".
    if matches!(category, NumberCategory::Count | NumberCategory::Range) && j < end {
        let hyphen = usize::from(
            toks[j].key == "-"
                && !toks[j].space_before
                && c.tok(j + 1).is_some_and(|t| !t.space_before),
        );
        if let Some((m, u)) = lex.units.longest(&c.keys(j + hyphen)) {
            if u == "time" {
                // "1830 GMT": a time of day, not a number.
                return Some(skipped(first, j + hyphen + m, si));
            }
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
            j += hyphen + m;
        }
    }
    // Dates: "11 settembre", "September 11".
    if category == NumberCategory::Count && is_digits && !scaled {
        let day_month =
            j < end && lex.months.longest(&c.keys(j)).is_some() && (1.0..=31.0).contains(&value);
        let month_day = first > start
            && lex
                .months
                .longest(&[toks[first - 1].key.as_str()])
                .is_some()
            && (1.0..=31.0).contains(&value);
        if day_month || month_day {
            category = NumberCategory::Date;
            if day_month {
                j += lex.months.longest(&c.keys(j)).map_or(0, |x| x.0);
                // and a year after it
                if j < end && toks[j].kind == TokenKind::Number && toks[j].text(text).len() == 4 {
                    j += 1;
                }
            }
        }
    }
    // Years: 4 digits, 1500–2100, nothing else around.
    if category == NumberCategory::Count
        && is_digits
        && !scaled
        && year_like(value, toks[first].text(text))
    {
        category = NumberCategory::Year;
    }
    let q_start = if qualifier.is_some() {
        i
    } else {
        sign_at.or(symbol_at).unwrap_or(first)
    };
    // Include an article before a number word idiom: "una dozzina", "a dozen".
    let article = |t: &Token| {
        c.part_is(t, NumberPart::Article)
            || lex
                .about_words
                .get(&t.key)
                .is_some_and(|r| r.iter().any(|x| x == "article"))
    };
    let collective = |t: &Token| {
        lex.scales.contains_key(&t.key)
            || lex
                .number_words
                .longest(&[t.key.as_str()])
                .is_some_and(|(_, w)| w.approximate)
    };
    let from = if !is_digits
        && q_start > start
        && q_start == first
        && article(&toks[first - 1])
        && collective(&toks[first])
        && qualifier.is_none()
        && !c.part(first - 1).is_some_and(|p| p.1 == NumberPart::Join)
    {
        first - 1
    } else if closers.is_some() && range_values.is_some() {
        i
    } else {
        q_start
    };
    if category == NumberCategory::Count
        && !is_digits
        && !approximate
        && !scaled
        && qualifier.is_none()
        && sign_at.is_none()
        && value < 12.0
        && !standalone(c, from..j)
    {
        // A bare small number word ("due", "two", "one of them") is too common to be news
        // unless it counts something named after it or stands alone ("Three.").
        return None;
    }
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
        keep: true,
    })
}

/// Four digits that read as a year (1500–2100).
fn year_like(v: f64, written: &str) -> bool {
    written.len() == 4 && (1500.0..=2100.0).contains(&v) && v.fract() == 0.0
}

/// Tokens passed over without a card.
fn skipped(from: usize, to: usize, si: usize) -> Found {
    Found {
        range: from..to,
        value: 0.0,
        unit: None,
        category: NumberCategory::Count,
        qualifier: None,
        range_values: None,
        sentence: si,
        after: to,
        first: from,
        keep: false,
    }
}

/// Is the number the only thing its sentence says (nothing but function words, other numbers
/// and punctuation around it)?
fn standalone(c: &Ctx, own: std::ops::Range<usize>) -> bool {
    (c.start..c.end).filter(|k| !own.contains(k)).all(|k| {
        let t = &c.toks[k];
        t.kind != TokenKind::Word || c.lex.is_stopword(&t.key)
    })
}
