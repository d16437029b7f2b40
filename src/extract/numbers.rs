//! Numbers: digits in each language's format, number words, scales, currencies, percentages,
//! durations, years and ranges, with the qualifier that goes with them and a short `about`.
//! Never read out of names and codes (G7, COVID-19, F-16, 5G).

use crate::analysis::{NumberCategory, NumberFact};
use crate::document::Document;
use crate::lexicon::{Lexicon, NumberPart};
use crate::segment::{Range, Token, TokenKind};

/// Parses digits written with thousands and decimal separators in the language's convention.
pub fn parse_digits(s: &str, decimal_mark: char) -> Option<f64> {
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let decimal_comma = decimal_mark == ',';
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

/// The longest phrase any list holds is shorter than this: lookups never read further.
const MAX_PHRASE: usize = 8;

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
            .longest(&self.keys(k))
            .map(|(n, p)| (n, *p))
    }

    fn part_is(&self, t: &Token, part: NumberPart) -> bool {
        self.lex
            .number_parts
            .longest(&[t.key.as_str()])
            .is_some_and(|(_, p)| *p == part)
    }

    /// An ISO 4217 code written in upper case at `k` ("EUR", "42SAR").
    fn code(&self, k: usize) -> Option<String> {
        let t = self.tok(k)?;
        let s = t.text(self.text);
        (t.is_word() && self.lex.currency_codes.contains(s)).then(|| s.to_string())
    }

    /// Does a number start at `k` (digits, ".5", or a number word)?
    fn value_starts(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| {
            t.kind == TokenKind::Number
                || self.leading_decimal(k)
                || (t.is_word() && self.atom(k, false).is_some())
        })
    }

    /// ".08": a decimal mark that opens a number.
    fn leading_decimal(&self, k: usize) -> bool {
        let mark = if self.lex.decimal_mark == '.' {
            "."
        } else {
            ","
        };
        let (Some(t), Some(d)) = (self.tok(k), self.tok(k + 1)) else {
            return false;
        };
        t.key == mark
            && (t.space_before || k == self.start)
            && d.kind == TokenKind::Number
            && !d.space_before
            && d.text(self.text).bytes().all(|b| b.is_ascii_digit())
    }

    /// A number word, a scale that multiplies ("hundred", "million": only after a first part,
    /// and never a one-letter one) or a number written as one word from parts
    /// ("trecentotrentuno") at `k`: (value, tokens, approximate).
    fn atom(&self, k: usize, after_part: bool) -> Option<(f64, usize, bool)> {
        let keys = self.keys(k);
        if let Some((n, w)) = self.lex.number_words.longest(&keys) {
            return Some((w.value, n, w.approximate));
        }
        if let Some((n, &m)) = self.lex.scales.longest(&keys).filter(|_| after_part) {
            if (m == 100.0 || is_multiplier(m))
                && keys.first().is_some_and(|w| w.key.chars().count() > 1)
            {
                return Some((m, n, false));
            }
        }
        let t = self.tok(k)?;
        if t.is_word() {
            return compound(self.lex, &t.key).map(|v| (v, 1, false));
        }
        None
    }

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

fn is_multiplier(v: f64) -> bool {
    [1e3, 1e6, 1e9, 1e12, 1e15].contains(&v)
}

/// The largest power of ten that divides a whole number (1 for fractions): "twenty" can take a
/// unit after it (20 + 1), "twenty-one" cannot.
fn place(v: f64) -> f64 {
    if v <= 0.0 || v.fract() != 0.0 {
        return 1.0;
    }
    let mut p = 1.0;
    while p < 1e15 && (v / (p * 10.0)).fract() == 0.0 {
        p *= 10.0;
    }
    p
}

/// A number spelled in words, built part by part: "seven hundred twenty-one thousand and twelve",
/// "due" + "cento" + "due" + "mila". A part that cannot follow ("two three") ends it.
#[derive(Clone, Copy, Default)]
struct Spelled {
    total: f64,
    current: f64,
    /// The last multiplier of a thousand or more; the next must be smaller.
    last_multiplier: f64,
    parts: usize,
    /// The last part was "hundred" or a multiplier: "and" may follow.
    after_multiplier: bool,
}

impl Spelled {
    fn push(&mut self, v: f64) -> bool {
        let ok = if v == 100.0 {
            if self.current >= 100.0 || (self.current == 0.0 && self.parts > 0) {
                false
            } else {
                self.current = self.current.max(1.0) * 100.0;
                true
            }
        } else if is_multiplier(v) {
            if (self.last_multiplier > 0.0 && v >= self.last_multiplier)
                || (self.current == 0.0 && self.parts > 0)
                || self.current >= 1000.0
            {
                false
            } else {
                self.total += self.current.max(1.0) * v;
                self.current = 0.0;
                self.last_multiplier = v;
                true
            }
        } else if self.current == 0.0 {
            if self.last_multiplier > 0.0 && v >= self.last_multiplier {
                false
            } else {
                self.current = v;
                true
            }
        } else if v < place(self.current) {
            self.current += v;
            true
        } else {
            false
        };
        if ok {
            self.parts += 1;
            self.after_multiplier = v == 100.0 || is_multiplier(v);
        }
        ok
    }

    /// "e mezzo", "and a half": a half of the last multiplier ("tre milioni e mezzo"), or of one.
    fn add_fraction(&mut self, f: f64) {
        if self.current == 0.0 && self.last_multiplier > 0.0 {
            self.total += f * self.last_multiplier;
        } else {
            self.current += f;
        }
    }

    fn value(&self) -> f64 {
        self.total + self.current
    }
}

/// A number written as one word from its parts ("trecentotrentuno", "duecentoduemila",
/// "zweihundertfünfzig"): every part a number word or a scale of the language, in an order that
/// makes a number. A vowel may drop where two parts meet ("cent" + "ottanta").
fn compound(lex: &Lexicon, word: &str) -> Option<f64> {
    if word.len() < 6 || !word.chars().all(char::is_alphabetic) || !lex.may_be_compound_number(word)
    {
        return None;
    }
    let s = split_compound(lex, word, Spelled::default(), 0)?;
    (s.parts >= 2).then(|| s.value())
}

fn split_compound(lex: &Lexicon, rest: &str, s: Spelled, depth: usize) -> Option<Spelled> {
    if rest.is_empty() {
        return Some(s);
    }
    if depth > 8 {
        return None;
    }
    let part_value = |w: &str| -> Option<f64> {
        let key = [w];
        if let Some((1, n)) = lex.number_words.longest(&key) {
            // Whole hundreds and thousands ("duecento") are read from their own parts.
            if !n.approximate && (n.value <= 100.0 || is_multiplier(n.value)) {
                return Some(n.value);
            }
        }
        match lex.scales.longest(&key) {
            Some((1, &m)) if m == 100.0 || is_multiplier(m) => Some(m),
            _ => None,
        }
    };
    let cuts: Vec<usize> = (1..=rest.len().min(16))
        .rev()
        .filter(|&c| rest.is_char_boundary(c))
        .collect();
    for cut in cuts {
        let (head, tail) = rest.split_at(cut);
        let mut values = Vec::new();
        if let Some(v) = part_value(head) {
            values.push(v);
        }
        if tail.starts_with(['a', 'e', 'i', 'o', 'u']) {
            for vowel in ['o', 'a', 'e', 'i'] {
                if let Some(v) = part_value(&format!("{head}{vowel}")) {
                    values.push(v);
                }
            }
        }
        for v in values {
            let mut next = s;
            if next.push(v) {
                if let Some(done) = split_compound(lex, tail, next, depth + 1) {
                    return Some(done);
                }
            }
        }
    }
    None
}

/// A value read at token `j`.
struct Value {
    value: f64,
    tokens: usize,
    approximate: bool,
    digits: bool,
    /// Spelled with a multiplier ("tre milioni"): "di"/"of" may lead to its currency.
    multiplied: bool,
}

/// Digits at `j` ("1.000,5", "3 000 000", ".08") or a number in words ("two hundred and two
/// thousand", "una dozzina", "half a million", "uno e mezzo").
fn read_value(c: &Ctx, j: usize) -> Option<Value> {
    let t = c.tok(j)?;
    if c.leading_decimal(j) {
        let d = c.tok(j + 1)?.text(c.text);
        return Some(Value {
            value: format!("0.{d}").parse().ok()?,
            tokens: 2,
            approximate: false,
            digits: true,
            multiplied: false,
        });
    }
    if t.kind == TokenKind::Number {
        let s = t.text(c.text);
        let mut value = parse_digits(s, c.lex.decimal_mark)?;
        let plain = |t: &Token| t.text(c.text).bytes().all(|b| b.is_ascii_digit());
        // Thousands grouped by spaces: "3 000 000", "1 414 021 100".
        let mut k = j + 1;
        if plain(t) && s.len() <= 3 && !s.starts_with('0') {
            let mut all = s.to_string();
            while let Some(g) = c.tok(k) {
                if g.kind == TokenKind::Number
                    && g.space_before
                    && plain(g)
                    && g.text(c.text).len() == 3
                {
                    all.push_str(g.text(c.text));
                    k += 1;
                } else {
                    break;
                }
            }
            // ... unless a separator glued to the last group makes it another number ("1 000,5").
            if k > j + 1 && !c.tok(k).is_some_and(|n| !n.space_before && n.key == ",") {
                value = all.parse().ok()?;
            } else {
                k = j + 1;
            }
        }
        return Some(Value {
            value,
            tokens: k - j,
            approximate: false,
            digits: true,
            multiplied: false,
        });
    }
    if !t.is_word() {
        return None;
    }
    let mut s = Spelled::default();
    let mut k = j;
    // "a million", "un miliardo": the article is one; "half a million", "mezzo milione".
    let scale_after = |k: usize| {
        c.atom(k, true)
            .filter(|(v, _, approx)| !approx && (*v == 100.0 || is_multiplier(*v)))
    };
    match c.part(k) {
        Some((n, NumberPart::Article)) if scale_after(k + n).is_some() => {
            let _ = s.push(1.0);
            k += n;
        }
        Some((n, NumberPart::Fraction(f))) => {
            let mut m = k + n;
            if let Some((a, NumberPart::Article)) = c.part(m) {
                m += a;
            }
            if let Some((v, w, _)) = scale_after(m) {
                s.total = f * v;
                s.last_multiplier = if is_multiplier(v) { v } else { 0.0 };
                s.parts = 2;
                k = m + w;
            }
        }
        _ => {}
    }
    let mut taken = k;
    while k < c.end {
        if let Some((v, n, approximate)) = c.atom(k, s.parts > 0) {
            if approximate {
                if s.parts == 0 {
                    return Some(Value {
                        value: v,
                        tokens: k + n - j,
                        approximate: true,
                        digits: false,
                        multiplied: v >= 1000.0,
                    });
                }
                break;
            }
            if !s.push(v) {
                break;
            }
            k += n;
            taken = k;
            continue;
        }
        // "and" between parts: "two hundred and two", "one and a half", "tre milioni e mezzo".
        if let Some((n, NumberPart::Join)) = c.part(k).filter(|_| s.parts > 0) {
            let mut m = k + n;
            let article = c.part(m).filter(|p| p.1 == NumberPart::Article);
            if let Some((a, _)) = article {
                m += a;
            }
            if let Some((w, NumberPart::Fraction(f))) = c.part(m) {
                s.add_fraction(f);
                taken = m + w;
                break;
            }
            if article.is_none() && s.after_multiplier {
                if let Some((v, w, false)) = c.atom(m, true) {
                    let mut next = s;
                    if next.push(v) {
                        s = next;
                        k = m + w;
                        taken = k;
                        continue;
                    }
                }
            }
        }
        break;
    }
    (s.parts > 0).then(|| Value {
        value: s.value(),
        tokens: taken - j,
        approximate: false,
        digits: false,
        multiplied: s.last_multiplier > 0.0,
    })
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

pub fn extract(doc: &Document) -> Vec<NumberFact> {
    let toks = &doc.tokens;
    let mut found: Vec<Found> = Vec::new();
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
            match read_at(&c, i, si) {
                Some(f) => {
                    i = f.after.max(i + 1);
                    let money = f.category == NumberCategory::Money;
                    // "120.7m euros ($158.8m; £83.3m)": the same amount in other currencies.
                    let conversion = money
                        && last_money.is_some_and(|end| {
                            let between = &toks[end..f.range.start];
                            between
                                .iter()
                                .all(|t| matches!(t.key.as_str(), "(" | ";" | "," | "/"))
                                && between.iter().any(|t| t.key == "(" || t.key == ";")
                        });
                    if money {
                        last_money = Some(f.after);
                    }
                    if f.keep && !conversion {
                        found.push(f);
                    }
                }
                None => i += 1,
            }
        }
    }
    let found_ranges: Vec<(usize, usize, [f64; 2])> = found
        .iter()
        .filter_map(|f| {
            let [a, b] = f.range_values?;
            let years = (1500.0..=2100.0).contains(&a) && (1500.0..=2100.0).contains(&b);
            (years && a.fract() == 0.0 && b.fract() == 0.0).then_some((
                f.sentence,
                f.range.start,
                [a, b],
            ))
        })
        .collect();
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
        let mut about = about(doc, &f);
        // "80% delle importazioni tra il 1995 e il 2023": the period the value covers.
        if f.category != NumberCategory::Range {
            if let Some([a, b]) = period_after(&found_ranges, &f) {
                let period = format!("{a}\u{2013}{b}");
                about = if about.is_empty() {
                    period
                } else {
                    format!("{about} ({period})")
                };
            }
        }
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
    crate::sort::by_key(&mut facts, |(_, rank, pos)| (*rank, *pos));
    facts.into_iter().map(|(f, _, _)| f).collect()
}

/// A range of years said just after a value, in its sentence: the period the value covers.
fn period_after(ranges: &[(usize, usize, [f64; 2])], f: &Found) -> Option<[f64; 2]> {
    ranges
        .iter()
        .find(|(s, start, _)| *s == f.sentence && *start >= f.after && *start <= f.after + 6)
        .map(|r| r.2)
}

/// Rounds away the noise of decimal arithmetic: 16,4 × 10⁶ is 16400000, not 16399999.999999998.
fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let digits = 12 - v.abs().log10().ceil() as i32;
    if !(-15..=15).contains(&digits) {
        return v;
    }
    let p = 10f64.powi(digits);
    (v * p).round() / p
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

fn read_at(c: &Ctx, i: usize, si: usize) -> Option<Found> {
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

/// What a number measures, read from its sentence: the noun phrase after it when it counts
/// something ("dozzina di accordi di cooperazione"), when "of" follows ("80% delle importazioni")
/// or when the language puts the number first ("$50 billion loan"); else the noun phrase just
/// before it ("prestito di 50 miliardi"), past linking verbs ("sales rose 5%"). A name after
/// "to"/"a" completes it ("prestito a Kiev").
fn about(doc: &Document, f: &Found) -> String {
    let lex = doc.lex;
    let toks = &doc.tokens;
    let s = &doc.sentences[f.sentence];
    let (floor, ceil) = (s.tokens.start, s.tokens.end);
    let role = |t: &Token, r: &str| {
        t.is_word()
            && lex
                .about_words
                .get(&t.key)
                .is_some_and(|roles| roles.iter().any(|x| x == r))
    };
    let content = |t: &Token| {
        t.is_word()
            && !lex.is_stopword(&t.key)
            && t.key.chars().count() > 1
            && !role(t, "skip")
            && lex.speech_verbs.longest(&[t.key.as_str()]).is_none()
            && lex.clause_words.longest(&[t.key.as_str()]).is_none()
            && !lex.scales.contains_key(&t.key)
            && !lex.currency_codes.contains(t.text(doc.text()))
    };
    let link = |t: &Token| role(t, "link") || (t.is_word() && lex.particles.contains(&t.key));
    let article = |t: &Token| role(t, "article");
    // A link word, maybe an article after it, then a content word: "visita nell'isolato",
    // "visit to the North" — but not an article alone ("fornire un nuovo prestito").
    let links_then_content = |k: usize, step: isize| -> Option<usize> {
        let inside = |x: isize| x >= floor as isize && (x as usize) < ceil;
        let at = |x: isize| &toks[x as usize];
        let (mut x, mut n) = (k as isize, 0);
        if step > 0 {
            if inside(x) && link(at(x)) {
                n += 1;
                x += 1;
                if inside(x) && article(at(x)) {
                    n += 1;
                    x += 1;
                }
            }
        } else {
            if inside(x) && article(at(x)) && inside(x - 1) && link(at(x - 1)) {
                n += 1;
                x -= 1;
            }
            if inside(x) && link(at(x)) {
                n += 1;
                x -= 1;
            } else {
                n = 0;
            }
        }
        (n > 0 && inside(x) && content(at(x))).then_some(n)
    };
    const MAX_WORDS: usize = 5;
    // Forward: [of [determiners]] content words, joined by links — past the same amount in
    // other currencies: "$6bn (£3.12bn) deal".
    let mut after = f.after;
    if toks
        .get(after)
        .is_some_and(|t| after < ceil && t.key == "(")
    {
        if let Some(close) = (after + 1..ceil.min(after + 12)).find(|&k| toks[k].key == ")") {
            if toks[after..close]
                .iter()
                .any(|t| t.kind == TokenKind::Number)
            {
                after = close + 1;
            }
        }
    }
    let mut k = after;
    let genitive = k < ceil && lex.particles.contains(&toks[k].key) && toks[k].is_word();
    if genitive {
        k += 1;
        while k < ceil && k < after + 3 && toks[k].is_word() && !content(&toks[k]) {
            k += 1;
        }
    }
    let fwd_start = k;
    let mut n = 0;
    while k < ceil && n < MAX_WORDS {
        if content(&toks[k]) {
            // A name after a link ends at its last capitalized word: "invasion of Ukraine".
            let name_ended = k > fwd_start
                && toks[k - 1].cap
                && !toks[k].cap
                && toks[fwd_start..k].iter().any(|t| link(t) && !t.cap);
            if name_ended {
                break;
            }
            n += 1;
            k += 1;
        } else if let Some(l) = (n > 0).then(|| links_then_content(k, 1)).flatten() {
            k += l;
        } else {
            break;
        }
    }
    let forward = (n > 0).then_some(fwd_start..k);
    // Backward: pass over function words and linking verbs, then content words joined by links.
    let mut b = f.range.start;
    let mut skipped = 0;
    while b > floor && skipped < 6 && toks[b - 1].is_word() && !content(&toks[b - 1]) {
        b -= 1;
        skipped += 1;
    }
    // Nothing before but another value ("superar el 52% en 2030"): what that value is about.
    let value_before = |k: usize| {
        let t = &toks[k];
        t.kind == TokenKind::Number
            || t.key == "%"
            || lex.percent.longest(&[t.key.as_str()]).is_some()
    };
    if b > floor && !toks[b - 1].is_word() && value_before(b - 1) {
        let mut x = b;
        let mut n = 0;
        while x > floor
            && n < 8
            && (value_before(x - 1) || (toks[x - 1].is_word() && !content(&toks[x - 1])))
        {
            x -= 1;
            n += 1;
        }
        if x > floor && content(&toks[x - 1]) {
            b = x;
        }
    }
    let stop = b;
    let mut m = 0;
    while b > floor && m < MAX_WORDS {
        if content(&toks[b - 1]) {
            m += 1;
            b -= 1;
        } else if let Some(l) = (m > 0).then(|| links_then_content(b - 1, -1)).flatten() {
            b -= l;
        } else {
            break;
        }
    }
    let backward = (m > 0).then_some(b..stop);
    let counts = matches!(f.category, NumberCategory::Count | NumberCategory::Quantity);
    let noun_after = after < ceil && content(&toks[after]);
    // `modifier_first`: the language puts a number before the noun it modifies ("a $50 billion loan",
    // "ein 50-Milliarden-Kredit"), not after ("un prestito di 50 miliardi"): data/<lang>/language.txt.
    let prefer_forward = counts || genitive || (lex.modifier_first && noun_after);
    let range = if prefer_forward {
        forward.or(backward)
    } else {
        backward.or(forward)
    };
    // Else the nearest content words before it in the sentence ("Las obras empezarán el
    // próximo año y deberían terminar antes de 2029" → "obras").
    // (Years only: a count or a sum without its noun is better left without.)
    let dated = |t: &Token| {
        lex.months.longest(&[t.key.as_str()]).is_some()
            || lex.weekdays.longest(&[t.key.as_str()]).is_some()
    };
    let word = |k: usize| content(&toks[k]) && !dated(&toks[k]);
    let nearest = || {
        if f.category != NumberCategory::Year {
            return None;
        }
        let e = (floor..f.range.start).rev().find(|&k| word(k))? + 1;
        let a = (floor..e)
            .rev()
            .take_while(|&k| word(k))
            .last()
            .unwrap_or(e - 1);
        Some(a.max(e.saturating_sub(3))..e)
    };
    let Some(range) = range.or_else(nearest) else {
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
    let phrase = doc.original_text(Range {
        start: toks[a].range.start,
        end: toks[e - 1].range.end,
    });
    // "… a Kiev", "… to Kyiv": the name right after the phrase (or after the number).
    let tail_from = if e == stop { after } else { e };
    match destination(doc, tail_from, ceil, &role) {
        Some(d) if !phrase.contains(&d) => format!("{phrase} {d}"),
        _ => phrase,
    }
}

/// "a Kiev", "to the United Nations": a `to` word, maybe an article, then a capitalized name.
fn destination(
    doc: &Document,
    k: usize,
    ceil: usize,
    role: &dyn Fn(&Token, &str) -> bool,
) -> Option<String> {
    let toks = &doc.tokens;
    let lex = doc.lex;
    let to = toks.get(k).filter(|t| k < ceil && role(t, "to"))?;
    let mut x = k + 1;
    if x < ceil && toks[x].is_word() && !toks[x].cap && lex.is_stopword(&toks[x].key) {
        x += 1;
    }
    let name_start = x;
    while x < ceil
        && toks[x].is_word()
        && (toks[x].cap
            || (x > name_start
                && lex.particles.contains(&toks[x].key)
                && toks.get(x + 1).is_some_and(|t| t.cap)))
    {
        x += 1;
    }
    (x > name_start && toks[x - 1].cap).then(|| {
        doc.original_text(Range {
            start: to.range.start,
            end: toks[x - 1].range.end,
        })
    })
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
            let mark = crate::lexicon::lexicon(lang).unwrap().decimal_mark;
            assert_eq!(parse_digits(s, mark), Some(want), "{s} {lang}");
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
                    "seven hundred twenty-one thousand and twelve",
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
                &[("duecentocinquanta", 250.0, None)],
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
    fn spelled_parts_combine_only_in_order() {
        let lex = crate::lexicon::lexicon("it").unwrap();
        let cases = [
            ("trecentotrentuno", Some(331.0)),
            ("duecentoduemila", Some(202000.0)),
            ("milleduecento", Some(1200.0)),
            ("centottanta", Some(180.0)),
            ("tresette", None),
            ("settembre", None),
        ];
        for (word, want) in cases {
            assert_eq!(compound(lex, word), want, "{word}");
        }
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
