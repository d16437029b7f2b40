//! The value of a number as written: digits in the language's convention ("1.000,5", "1,000.5",
//! "3 000 000", ".08"), number words and numbers built from them ("seven hundred twenty-one
//! thousand", "trecentotrentunomila", "half a million").

use super::Ctx;
use crate::lexicon::{Lexicon, NumberPart};
use crate::segment::{Token, TokenKind};

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
    crate::decimal::parse(&clean)
}

impl Ctx<'_> {
    /// Does a number start at `k` (digits, ".5", or a number word)?
    pub(super) fn value_starts(&self, k: usize) -> bool {
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
        if let Some((n, w)) = self.lex.number_words.longest(keys) {
            return Some((w.value, n, w.approximate));
        }
        if let Some((n, &m)) = self.lex.scales.longest(keys).filter(|_| after_part) {
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
}

pub(super) fn is_multiplier(v: f64) -> bool {
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
pub(super) struct Value {
    pub(super) value: f64,
    pub(super) tokens: usize,
    pub(super) approximate: bool,
    pub(super) digits: bool,
    /// Spelled with a multiplier ("tre milioni"): "di"/"of" may lead to its currency.
    pub(super) multiplied: bool,
}

/// Digits at `j` ("1.000,5", "3 000 000", ".08") or a number in words ("two hundred and two
/// thousand", "una dozzina", "half a million", "uno e mezzo").
pub(super) fn read_value(c: &Ctx, j: usize) -> Option<Value> {
    let t = c.tok(j)?;
    if c.leading_decimal(j) {
        decimal_fraction(c, j)
    } else if t.kind == TokenKind::Number {
        digits(c, j, t)
    } else if t.is_word() {
        spelled(c, j)
    } else {
        None
    }
}

/// ".08", ",5": a decimal mark that opens a number, then its digits.
fn decimal_fraction(c: &Ctx, j: usize) -> Option<Value> {
    let d = c.tok(j + 1)?.text(c.text);
    Some(Value {
        value: crate::decimal::parse(&format!("0.{d}"))?,
        tokens: 2,
        approximate: false,
        digits: true,
        multiplied: false,
    })
}

/// Digits in the language's convention ([`parse_digits`]: "1.000,5", "1,000.5"), or groups of
/// three separated by spaces ("3 000 000", "1 414 021 100").
fn digits(c: &Ctx, j: usize, t: &Token) -> Option<Value> {
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
            value = crate::decimal::parse(&all)?;
        } else {
            k = j + 1;
        }
    }
    Some(Value {
        value,
        tokens: k - j,
        approximate: false,
        digits: true,
        multiplied: false,
    })
}

/// A number in words, part by part ([`Spelled`]): "seven hundred twenty-one thousand and
/// twelve", "a million" and "half a million" (an article or a fraction before a scale), "one and a
/// half", "tre milioni e mezzo"; or one word that says about how many ("una dozzina", "tens of
/// thousands"), alone.
fn spelled(c: &Ctx, j: usize) -> Option<Value> {
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

/// Rounds away the noise of decimal arithmetic: 16,4 × 10⁶ is 16400000, not 16399999.999999998.
pub(super) fn tidy(v: f64) -> f64 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // ("3,14" is a number as written, not an approximation of π.)
    #[allow(clippy::approx_constant)]
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
}
