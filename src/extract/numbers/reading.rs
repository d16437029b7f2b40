//! A number read in its sentence: its qualifier, sign, currency, scale, percent, range, unit,
//! date or year, and what is no number at all (names and codes, list markers, web addresses,
//! times of day, scores).
//!
//! [`read_at`] tries the [`RULES`] in turn on one [`Reading`]. Each rule looks at the token the
//! reading has come to, reads what it knows there (a qualifier, a currency, a scale word …) and
//! passes the reading on, or ends it: with a card, with tokens to pass over, or with no number at
//! all. Their order is the order of the words: what may stand before the value, the value and
//! what is no number, what may follow it, then the span and the worth of the whole.

use super::value::{is_multiplier, parse_digits, read_value, tidy};
use super::{Ctx, Found};
use crate::analysis::NumberCategory;
use crate::lexicon::NumberPart;
use crate::segment::{Token, TokenKind};

/// The units of `units.txt` that make a duration.
const DURATIONS: &[&str] = &[
    "year",
    "half-year",
    "quarter",
    "month",
    "week",
    "day",
    "night",
    "hour",
    "minute",
    "second",
    "decade",
    "century",
];
/// The units of measure of `units.txt`, which make a quantity; any other unit names what is
/// counted ("people", "soldiers", "jobs") and keeps a count.
const MEASURES: &[&str] = &[
    "km",
    "m",
    "cm",
    "mm",
    "mile",
    "ft",
    "in",
    "km2",
    "m2",
    "mi2",
    "acre",
    "hectare",
    "m3",
    "litre",
    "gallon",
    "barrel",
    "barrel per day",
    "kg",
    "g",
    "ton",
    "tonne",
    "MW",
    "GW",
    "kWh",
    "degree",
    "percent",
    "percentage point",
    "basis point",
];

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

/// A number being read: what the rules have found so far.
struct Reading {
    /// The token the reading began at: a qualifier, a sign, a range word, a currency or the value.
    at: usize,
    sentence: usize,
    /// The next token to read.
    next: usize,
    qualifier: Option<String>,
    /// -1 after a minus, which stands at `sign_at`.
    sign: f64,
    sign_at: Option<usize>,
    /// The words that may close the range a word before the value opened ("tra" … "e").
    closers: Option<&'static Vec<String>>,
    unit: Option<String>,
    /// Where a currency written before the value stands.
    symbol_at: Option<usize>,
    /// A unit written in one word with the value ("dreitägigen"), for [`unit_after`].
    glued_unit: Option<String>,
    /// Where the month of a date written month first stands ("May 3").
    month_at: Option<usize>,
    /// The value's first token.
    first: usize,
    value: f64,
    /// A number word that says about how many ("una dozzina", "tens of thousands").
    approximate: bool,
    /// Written in digits, not in words.
    digits: bool,
    /// Multiplied by a scale ("50 miliardi", "tre milioni"), and the last scale.
    scaled: bool,
    last_scale: f64,
    category: NumberCategory,
    range_values: Option<[f64; 2]>,
    /// Where the card's text starts.
    from: usize,
    /// A count of something named: where the noun it counts stands, a unit ("tre persone",
    /// [`unit_after`]) or a noun ([`counted_noun`]).
    counted: Option<usize>,
    /// Where the card's text ends when it takes in the noun counted ("40 suspeitos"), past `next`.
    to: usize,
}

/// What a rule decides.
enum Step {
    /// Read on: the next rule is tried.
    Next,
    /// No number here: the reader moves one token on.
    NoNumber,
    /// The reading ends with this: a card, or tokens passed over ([`passed_over`]).
    Done(Found),
}

type Rule = fn(&Ctx, &mut Reading) -> Step;

/// The rules of a reading, tried in turn (see the module's comment).
const RULES: &[Rule] = &[
    // Before the value.
    qualifier,
    sign,
    range_opener,
    currency_before,
    sentence_end,
    one_of_a_currency,
    web_address,
    // The value, and what is no number.
    value,
    part_of_a_code,
    list_marker,
    numbered_name,
    // After the value.
    scale_words,
    fraction_after_a_scale,
    sign_applied,
    percent,
    currency_after,
    money,
    range_closer,
    unit_after,
    date,
    year,
    counted_noun,
    // The whole.
    span_start,
    bare_number_word,
];

/// Can a reading at token `i` find anything ([`read_at`] not `None`)? A cheap test that passes
/// over most words: before the value, a rule reads on from `i` only at a qualifier, a number part
/// (a minus, an article, a fraction), a range word or a currency (a phrase of one of those lists
/// starts with the word), at a hyphen, at a currency code (upper case) or one glued to "$"; the
/// value itself starts at digits, at a decimal mark, or at a word that opens a number word or a
/// number part, or a number written as one word ([`Lexicon::may_be_compound_number`]). Anywhere
/// else every rule fails: `false` then, and only then for sure.
///
/// [`Lexicon::may_be_compound_number`]: crate::lexicon::Lexicon::may_be_compound_number
///
/// `spelled` holds [`spelled_number`] per word of the document, decided on first use.
pub(super) fn may_start(c: &Ctx, i: usize, spelled: &mut [Option<bool>]) -> bool {
    let t = &c.toks[i];
    if t.kind == TokenKind::Number || t.cap || c.lex.may_open_number(c.doc.id(i)) {
        return true;
    }
    if matches!(t.key.as_str(), "-" | "." | ",") {
        return true;
    }
    t.is_word()
        && (c
            .tok(i + 1)
            .is_some_and(|d| d.key == "$" && !d.space_before)
            || *spelled[c.doc.word_of[i] as usize].get_or_insert_with(|| spelled_number(c, i)))
}

/// May word `i` be a number written as one word, or a number word glued to a unit? (It depends
/// on the word alone.)
fn spelled_number(c: &Ctx, i: usize) -> bool {
    let key = &c.toks[i].key;
    key.len() >= 6
        && c.lex.may_start_like_number_word(key)
        && (c.lex.may_be_compound_number(key) || number_glued_to_unit(c, i).is_some())
}

/// The number that starts at token `i` of sentence `si`, or what to pass over there; `None`
/// when no number starts there.
pub(super) fn read_at(c: &Ctx, i: usize, si: usize) -> Option<Found> {
    let mut r = Reading {
        at: i,
        sentence: si,
        next: i,
        qualifier: None,
        sign: 1.0,
        sign_at: None,
        closers: None,
        unit: None,
        symbol_at: None,
        glued_unit: None,
        month_at: None,
        first: i,
        value: 0.0,
        approximate: false,
        digits: false,
        scaled: false,
        last_scale: 0.0,
        category: NumberCategory::Count,
        range_values: None,
        from: i,
        counted: None,
        to: i,
    };
    for rule in RULES {
        match rule(c, &mut r) {
            Step::Next => {}
            Step::NoNumber => return None,
            Step::Done(found) => return Some(found),
        }
    }
    Some(Found {
        range: r.from..r.next.max(r.to),
        value: r.value,
        unit: r.unit,
        category: r.category,
        qualifier: r.qualifier,
        range_values: r.range_values,
        sentence: r.sentence,
        after: r.next,
        first: r.first,
        counted: r.counted,
        keep: true,
    })
}

/// The token after a function word at `j` (an article mostly: "l'", "the", "il"), else `j`. A
/// number word is none, and neither is a word that makes part of a number but "and".
fn past_article(c: &Ctx, j: usize) -> usize {
    let article = c.tok(j).is_some_and(|t| {
        t.is_word() && c.lex.is_stopword(&t.key) && !c.lex.number_words.contains_key(&t.key)
    }) && !c.part(j).is_some_and(|p| p.1 != NumberPart::Join);
    if article {
        j + 1
    } else {
        j
    }
}

/// "oltre l'80%", "more than 300", "fast 50": a qualifier of `qualifiers.txt`, maybe with an
/// article after it. The card says it (`qualifier`), and its text starts there.
fn qualifier(c: &Ctx, r: &mut Reading) -> Step {
    if let Some((n, q)) = c.lex.qualifiers.longest(c.keys(r.next)) {
        r.qualifier = Some(q.clone());
        r.next = past_article(c, r.next + n);
    }
    Step::Next
}

/// "minus 5", "meno 1.200.000": a minus word before a value; "-1200": a hyphen glued to the
/// digits, where it cannot join them to a number before it (at the sentence's start, or after a
/// space and no number: "2019 -2021" is no sign). Not after a qualifier.
fn sign(c: &Ctx, r: &mut Reading) -> Step {
    let j = r.next;
    if r.qualifier.is_some() || j >= c.end {
        return Step::Next;
    }
    let minus = match c.part(j) {
        Some((n, NumberPart::Minus)) => Some(n).filter(|&n| c.value_starts(j + n)),
        _ => {
            let t = &c.toks[j];
            let hyphen = t.key == "-"
                && (j == c.start || (t.space_before && c.toks[j - 1].kind != TokenKind::Number))
                && c.tok(j + 1)
                    .is_some_and(|d| d.kind == TokenKind::Number && !d.space_before);
            hyphen.then_some(1)
        }
    };
    if let Some(n) = minus {
        r.sign = -1.0;
        r.sign_at = Some(j);
        r.next += n;
    }
    Step::Next
}

/// "tra il 1995", "between 3", "entre 2019": a word of `ranges.txt` (maybe with an article after
/// it) before digits opens a range, which one of its closing words must close after the value
/// ([`range_closer`]). Not after a qualifier or a sign.
fn range_opener(c: &Ctx, r: &mut Reading) -> Step {
    let j = r.next;
    if r.qualifier.is_some() || r.sign_at.is_some() || j >= c.end {
        return Step::Next;
    }
    if let Some(closers) = c.lex.ranges.get(&c.toks[j].key) {
        let k = past_article(c, j + 1);
        if c.tok(k).is_some_and(|t| t.kind == TokenKind::Number) {
            r.closers = Some(closers);
            r.next = k;
        }
    }
    Step::Next
}

/// "$50", "€ 1,2 milioni", "US$ 5", "EUR 20", "CNY3": a currency written before the value
/// ([`currency_written_before`]) is its unit, and the card's text starts there.
fn currency_before(c: &Ctx, r: &mut Reading) -> Step {
    if r.next < c.end {
        if let Some((iso, n)) = currency_written_before(c, r.next) {
            r.unit = Some(iso);
            r.symbol_at = Some(r.next);
            r.next += n;
        }
    }
    Step::Next
}

/// A qualifier, sign, range word or currency that ends its sentence leaves no value to read.
fn sentence_end(c: &Ctx, r: &mut Reading) -> Step {
    if r.next >= c.end {
        Step::NoNumber
    } else {
        Step::Next
    }
}

/// "a dollar", "un euro": an article before a currency word is one of it, when the currency ends
/// the phrase (punctuation but a hyphen, a function word, the sentence's end): in "a dollar
/// store" it names a kind of thing, not a sum. Not after a qualifier, a sign or a currency.
fn one_of_a_currency(c: &Ctx, r: &mut Reading) -> Step {
    if r.unit.is_some() || r.qualifier.is_some() || r.sign_at.is_some() {
        return Step::Next;
    }
    let j = r.next;
    let Some((n, NumberPart::Article)) = c.part(j) else {
        return Step::Next;
    };
    let Some((m, iso)) = c.lex.currencies.longest(c.keys(j + n)) else {
        return Step::Next;
    };
    let word = c.toks[j + n].is_word();
    let ends = c.tok(j + n + m).is_none_or(|t| {
        (t.kind == TokenKind::Punct && t.key != "-") || (t.is_word() && c.lex.is_stopword(&t.key))
    });
    if !(word && ends) {
        return Step::Next;
    }
    Step::Done(Found {
        range: j..j + n + m,
        value: 1.0,
        unit: Some(iso.clone()),
        category: NumberCategory::Money,
        qualifier: None,
        range_values: None,
        sentence: r.sentence,
        after: j + n + m,
        first: j,
        counted: None,
        keep: true,
    })
}

/// "https://example.com/search?q=30%25", "www.site24.com": digits inside a web or e-mail address
/// say nothing; the whole address is passed over, so that none of its pieces is read either.
fn web_address(c: &Ctx, r: &mut Reading) -> Step {
    let j = r.next;
    if c.toks[j].kind != TokenKind::Number || !c.in_url(j) {
        return Step::Next;
    }
    let mut k = j + 1;
    while c.tok(k).is_some_and(|t| !t.space_before) {
        k += 1;
    }
    Step::Done(passed_over(j, k, r.sentence))
}

/// The value itself, in digits or in words ([`read_value`]), or a number word with its unit in
/// one word ([`number_glued_to_unit`]). Where none starts, no number.
fn value(c: &Ctx, r: &mut Reading) -> Step {
    let Some(v) = read_value(c, r.next) else {
        let Some((value, unit)) = number_glued_to_unit(c, r.next) else {
            return Step::NoNumber;
        };
        r.first = r.next;
        r.value = value;
        r.glued_unit = Some(unit);
        r.next += 1;
        return Step::Next;
    };
    r.first = r.next;
    r.value = v.value;
    r.approximate = v.approximate;
    r.digits = v.digits;
    r.scaled = v.multiplied;
    r.next += v.tokens;
    Step::Next
}

/// "G7", "COVID-19", "F-16", "5G", "10:30": digits glued to letters or to a code's marks are part
/// of a name or code ([`is_code`]), no number. A currency or a sign before them ("CNY3", "-16")
/// says they are an amount, whatever is glued to them.
fn part_of_a_code(c: &Ctx, r: &mut Reading) -> Step {
    if r.digits && r.symbol_at.is_none() && r.sign_at.is_none() && is_code(c, r.first) {
        Step::NoNumber
    } else {
        Step::Next
    }
}

/// "1.", "2)": one or two digits that open a sentence, glued to a period or a parenthesis, number
/// the items of a list.
fn list_marker(c: &Ctx, r: &mut Reading) -> Step {
    let j = r.first;
    let marker = r.digits
        && j == c.start
        && c.toks[j].text(c.text).len() <= 2
        && c.tok(j + 1)
            .is_some_and(|t| !t.space_before && (t.key == ")" || t.key == "."));
    if marker {
        Step::NoNumber
    } else {
        Step::Next
    }
}

/// "Windows 11", "Apollo 13": one or two digits right after a capitalized word inside a sentence
/// belong to a name. Not after a month ("May 5"), nor after a word that is capitalized only
/// because it opens the sentence, nor with a qualifier, a currency or a sign, which make an amount.
fn numbered_name(c: &Ctx, r: &mut Reading) -> Step {
    let j = r.first;
    if !r.digits || j <= c.start || r.qualifier.is_some() || r.unit.is_some() || r.sign_at.is_some()
    {
        return Step::Next;
    }
    let p = &c.toks[j - 1];
    let small = c.toks[j].text(c.text).len() <= 2;
    let name = p.is_word()
        && p.cap
        && small
        && !c.doc.starts_sentence(j - 1)
        && c.lex.months.longest(&[&p.key]).is_none();
    if name {
        Step::NoNumber
    } else {
        Step::Next
    }
}

/// "50 miliardi", "1,2 milioni", "3 dozzine", "$50bn": scale words after the value multiply it.
/// A one-letter scale ("600m", "4K") counts only glued to the value and with a currency before or
/// after it, where it cannot be metres or a name: glued without one ("4K", "3M") it makes a name,
/// and spaced ("5 m") it is no scale.
fn scale_words(c: &Ctx, r: &mut Reading) -> Step {
    while r.next < c.end {
        let j = r.next;
        let Some((m, &mult)) = c.lex.scales.longest(c.keys(j)) else {
            break;
        };
        let t = &c.toks[j];
        let one_letter = t.key.chars().count() == 1;
        if one_letter
            && (t.space_before || (r.unit.is_none() && currency_written_after(c, j + m).is_none()))
        {
            if !t.space_before {
                return Step::NoNumber;
            }
            break;
        }
        r.value *= mult;
        r.last_scale = mult;
        r.next += m;
        r.scaled = true;
    }
    Step::Next
}

/// "2 milioni e mezzo", "1.5 million and a half": a fraction joined after a multiplier adds that
/// share of it. Rare with digits, but read the way [`read_value`] reads it in words.
fn fraction_after_a_scale(c: &Ctx, r: &mut Reading) -> Step {
    if !r.scaled || !is_multiplier(r.last_scale) {
        return Step::Next;
    }
    if let Some((n, NumberPart::Join)) = c.part(r.next) {
        if let Some((w, NumberPart::Fraction(f))) = c.part(r.next + n) {
            r.value += f * r.last_scale;
            r.next += n + w;
        }
    }
    Step::Next
}

/// The sign read before the value applies to the whole amount, now that it is complete; the noise
/// of decimal arithmetic is rounded away ([`tidy`]: 16,4 × 10⁶ is 16400000).
fn sign_applied(_: &Ctx, r: &mut Reading) -> Step {
    r.value = tidy(r.value * r.sign);
    Step::Next
}

/// "80%", "3,5 per cento", "0,5 punti percentuali": a percent sign or a word of `percent.txt`
/// after the value makes a percentage (or points: "pp").
fn percent(c: &Ctx, r: &mut Reading) -> Step {
    let j = r.next;
    if j < c.end && c.toks[j].key == "%" {
        r.unit = Some("%".into());
        r.category = NumberCategory::Percent;
        r.next += 1;
    } else if let Some((m, u)) = c.lex.percent.longest(c.keys(j)) {
        r.unit = Some(u.clone());
        r.category = NumberCategory::Percent;
        r.next += m;
    }
    Step::Next
}

/// "10 euro", "42SAR", "120m euros", "five-yen": a currency written after the value
/// ([`currency_written_after`]) is its unit. After a scale it may come through "di"/"of", as the
/// language says it ("50 miliardi di dollari", "millions of dollars"); after a bare number that
/// would be a part of the currency ("5 of the dollars"), not an amount.
fn currency_after(c: &Ctx, r: &mut Reading) -> Step {
    if r.category == NumberCategory::Percent || r.unit.is_some() {
        return Step::Next;
    }
    let j = r.next;
    let k = if j < c.end && c.lex.particles.contains(&c.toks[j].key) && r.scaled {
        j + 1
    } else {
        j
    };
    if let Some((iso, m)) = currency_written_after(c, k) {
        r.unit = Some(iso);
        r.next = k + m;
    }
    Step::Next
}

/// A currency, before or after the value, makes it a sum of money (percent and points are units
/// too, and no money).
fn money(_: &Ctx, r: &mut Reading) -> Step {
    if r.unit.as_deref().is_some_and(|u| u != "%" && u != "pp") {
        r.category = NumberCategory::Money;
    }
    Step::Next
}

/// "tra il 1995 e il 2023", "between 3 and 5": a closing word of the opener ([`range_opener`]),
/// maybe an article, then digits; "2019-2021": digits glued to the value by a hyphen. The two
/// values make a range; "2019-21" is 2019 to 2021. A hyphenated pair that goes down ("3-1") is a
/// score, passed over. Only a count opens a range, and not after a sign.
fn range_closer(c: &Ctx, r: &mut Reading) -> Step {
    if r.category != NumberCategory::Count || r.sign_at.is_some() {
        return Step::Next;
    }
    let (toks, end) = (c.toks, c.end);
    let mut k = r.next;
    let closed = match r.closers {
        Some(closers) => {
            let closes = k < end && closers.iter().any(|w| toks[k].key == *w);
            if closes {
                k = past_article(c, k + 1);
            }
            closes
        }
        None => {
            let hyphen = k + 1 < end
                && toks[k].key == "-"
                && !toks[k].space_before
                && !toks[k + 1].space_before;
            if hyphen {
                k += 1;
            }
            hyphen
        }
    };
    if !closed || k >= end || toks[k].kind != TokenKind::Number {
        return Step::Next;
    }
    let Some(mut b) = parse_digits(toks[k].text(c.text), c.lex.decimal_mark) else {
        return Step::Next;
    };
    if r.digits && year_like(r.value, toks[r.first].text(c.text)) && b < 100.0 {
        b += (r.value / 100.0).floor() * 100.0;
    }
    if b < r.value && r.closers.is_none() {
        return Step::Done(passed_over(r.first, k + 1, r.sentence));
    }
    r.range_values = Some([r.value, b]);
    r.category = NumberCategory::Range;
    r.next = k + 1;
    Step::Next
}

/// "24 anni", "tre mesi", "300 persone", "five-year": a unit of `units.txt` after a count or a
/// range, maybe glued by a hyphen, is its unit. A unit of time makes a duration, a unit of measure
/// a quantity ("30 km"); people and things counted keep a count ("1800 persone", "40 students").
/// "1830 GMT" is a time of day, passed over.
fn unit_after(c: &Ctx, r: &mut Reading) -> Step {
    let j = r.next;
    if !matches!(r.category, NumberCategory::Count | NumberCategory::Range) {
        return Step::Next;
    }
    // The unit's words, where they start, and the unit.
    let (n, at, u) = if let Some(u) = r.glued_unit.take() {
        (0, None, u)
    } else {
        if j >= c.end {
            return Step::Next;
        }
        let hyphen = usize::from(
            c.toks[j].key == "-"
                && !c.toks[j].space_before
                && c.tok(j + 1).is_some_and(|t| !t.space_before),
        );
        let Some((m, u)) = c.lex.units.longest(c.keys(j + hyphen)) else {
            return Step::Next;
        };
        (hyphen + m, Some(j + hyphen), u.clone())
    };
    if u == "time" {
        return Step::Done(passed_over(r.first, j + n, r.sentence));
    }
    if r.category == NumberCategory::Count {
        r.category = if DURATIONS.contains(&u.as_str()) {
            NumberCategory::Duration
        } else if MEASURES.contains(&u.as_str()) {
            NumberCategory::Quantity
        } else {
            r.counted = at;
            NumberCategory::Count
        };
    }
    r.unit = Some(u);
    r.next += n;
    Step::Next
}

/// "11 settembre", "September 11", "16 de diciembre", "18. Mai": a day (1 to 31, in digits, no
/// scale) next to a month is a date, maybe with a particle between ("de") or, where ordinals take
/// a period (`ordinal_period`), the period glued to the day; a year after "day month" belongs to
/// it ("11 settembre 2001").
fn date(c: &Ctx, r: &mut Reading) -> Step {
    if r.category != NumberCategory::Count || !r.digits || r.scaled || r.unit.is_some() {
        return Step::Next;
    }
    let day = (1.0..=31.0).contains(&r.value);
    let gap = c.tok(r.next).map_or(0, |t| {
        let particle = t.is_word() && c.lex.particles.contains(&t.key);
        let period = c.lex.ordinal_period && t.key == "." && !t.space_before;
        usize::from(particle || period)
    });
    let month_after = c.lex.months.longest(c.keys(r.next)).or_else(|| {
        c.lex
            .months
            .longest(c.keys(r.next + gap))
            .map(|(n, m)| (n + gap, m))
    });
    let day_month = r.next < c.end && month_after.is_some() && day;
    let month_day =
        r.first > c.start && c.lex.months.longest(&[&c.toks[r.first - 1].key]).is_some() && day;
    if !(day_month || month_day) {
        return Step::Next;
    }
    r.category = NumberCategory::Date;
    if month_day && !day_month && r.qualifier.is_none() && r.symbol_at.is_none() {
        // "May 3": the text starts at the month.
        r.month_at = Some(r.first - 1);
    }
    if day_month {
        r.next += month_after.map_or(0, |x| x.0);
        // "11 settembre 2001", "16 de diciembre de 2020"
        let of = usize::from(
            c.tok(r.next)
                .is_some_and(|t| t.is_word() && c.lex.particles.contains(&t.key)),
        );
        let year = c
            .tok(r.next + of)
            .is_some_and(|t| t.kind == TokenKind::Number && t.text(c.text).len() == 4);
        if year {
            r.next += of + 1;
        }
    }
    Step::Next
}

/// Four digits between 1500 and 2100 ([`year_like`]), with no scale or unit ("1800 persone"),
/// that nothing else made a date, range or amount are a year.
fn year(c: &Ctx, r: &mut Reading) -> Step {
    if r.category == NumberCategory::Count
        && r.digits
        && !r.scaled
        && r.unit.is_none()
        && year_like(r.value, c.toks[r.first].text(c.text))
    {
        r.category = NumberCategory::Year;
    }
    Step::Next
}

/// Where the card's text starts: at the qualifier ("more than 80 percent"), else at the sign or
/// the currency before the value ("-1200", "$50"), else at the value; at the range word when a
/// range was read ("tra il 1995 e il 2023"); at the month of a date written month first ("May
/// 3"). An article before a collective number word is part
/// of the amount ("una dozzina", "a dozen", "a million", "a couple").
fn span_start(c: &Ctx, r: &mut Reading) -> Step {
    let (toks, first) = (c.toks, r.first);
    let lex = c.lex;
    let q_start = if r.qualifier.is_some() {
        r.at
    } else {
        r.sign_at.or(r.symbol_at).unwrap_or(first)
    };
    let article =
        |t: &Token| c.part_is(t, NumberPart::Article) || lex.about_role(&t.key, "article");
    let collective = |t: &Token| {
        lex.scales.contains_key(&t.key)
            || lex
                .number_words
                .longest(&[&t.key])
                .is_some_and(|(_, w)| w.approximate)
    };
    r.from = if !r.digits
        && q_start > c.start
        && q_start == first
        && article(&toks[first - 1])
        && collective(&toks[first])
        && r.qualifier.is_none()
        && !c.part(first - 1).is_some_and(|p| p.1 == NumberPart::Join)
    {
        first - 1
    } else if r.closers.is_some() && r.range_values.is_some() {
        r.at
    } else {
        r.month_at.unwrap_or(q_start)
    };
    Step::Next
}

/// "40 suspeitos", "cuatro fábricas", "three bridges", "vier alte Werke", "cinque dei nove
/// giudici": a count followed by the noun it counts, or by a share of something
/// named ("of the", "dei"), counts something. The card's text takes in the noun, as far as the
/// language puts it: the word right after the number where a noun comes before its modifiers; the
/// words up to the first capital where every noun has one (`nouns_capitalized`); where modifiers
/// come first (`modifier_first`), the one word after it when no other follows ("three bridges
/// on", where a verb may pass for it: "40 voted no"). A share takes nothing in.
fn counted_noun(c: &Ctx, r: &mut Reading) -> Step {
    if r.category != NumberCategory::Count || r.unit.is_some() || r.counted.is_some() {
        return Step::Next;
    }
    let k = r.next;
    let lex = c.lex;
    let end = if !c.tok(k).is_some_and(|t| noun_like(c, t)) {
        None
    } else if lex.nouns_capitalized {
        (k..c.end.min(k + 3))
            .take_while(|&x| noun_like(c, &c.toks[x]))
            .find(|&x| c.toks[x].cap)
            .map(|x| x + 1)
    } else if lex.modifier_first {
        // "three bridges on", but "40 firms said", "five bank rate cuts", "two ex-wives", "Six
        // Nations rugby": with no capital to mark it, where the noun ends in a run
        // of words (or a name) cannot be told, and the text keeps to the number. After "dozens",
        // "thousands" the noun comes with "of": a word right after them is a verb ("thousands
        // marched").
        let alone = !r.approximate
            && !c.toks[k].cap
            && !c
                .tok(k + 1)
                .is_some_and(|t| noun_like(c, t) || (t.key == "-" && !t.space_before));
        Some(if alone { k + 1 } else { k })
    } else {
        Some(k + 1)
    };
    if let Some(e) = end {
        r.counted = Some(k);
        r.to = e;
    } else {
        r.counted = share_of(c, k).or_else(|| predicate_of(c, k));
    }
    Step::Next
}

/// "sei sono i feriti", "trois sont les blessés": at `k`, an auxiliary (`aux` of
/// `speech_verbs.txt`: "sono", "sont"), a definite article and a noun: the number is what the
/// noun counts, said first.
fn predicate_of(c: &Ctx, k: usize) -> Option<usize> {
    let lex = c.lex;
    let verb = c.tok(k)?;
    let the = c.tok(k + 1)?;
    let noun = c.tok(k + 2)?;
    let aux = verb.is_word()
        && lex
            .speech_aux
            .longest(&[&verb.key])
            .is_some_and(|(n, _)| n == 1);
    (aux && lex.articles.contains(&the.key) && noun_like(c, noun)).then_some(k + 2)
}

/// A word that may be the noun a number counts, or one of its modifiers: no function word,
/// letter, linking verb or adverb (`skip` of `about_words.txt`: "rose", "today"), number word,
/// scale, month, weekday, speech or clause word.
fn noun_like(c: &Ctx, t: &Token) -> bool {
    let lex = c.lex;
    let key = [&t.key];
    t.is_word()
        && t.key.chars().count() > 1
        && !t.key.ends_with('\'')
        && !lex.is_stopword(&t.key)
        && !lex.about_role(&t.key, "skip")
        && lex.number_words.longest(&key).is_none()
        && !lex.scales.contains_key(&t.key)
        && lex.months.longest(&key).is_none()
        && lex.weekdays.longest(&key).is_none()
        && lex.speech_verbs.longest(&key).is_none()
        && lex.clause_words.longest(&key).is_none()
}

/// "dei nove giudici", "of the rebels", "dell'esercito": at `k`, a particle, maybe an
/// article, then a noun: a share of something named (not "of them"), and where the noun stands.
fn share_of(c: &Ctx, k: usize) -> Option<usize> {
    let t = c.tok(k)?;
    if !(t.is_word() && c.lex.particles.contains(&t.key)) {
        return None;
    }
    let mut x = k + 1;
    if c.tok(x)
        .is_some_and(|a| c.lex.articles.contains(&a.key) && !noun_like(c, a))
    {
        x += 1;
    }
    c.tok(x)
        .is_some_and(|n| noun_like(c, n) || c.value_starts(x))
        .then_some(x)
}

/// "due", "two", "one of them", "i due paesi": a small count in words (below 12) is too common to
/// be news. It gives no card unless it is an amount, a percentage, a duration or a quantity,
/// counts something named (by a unit, "tre persone", or [`counted_noun`]) — but "the two", which
/// names again the two just told of —, is about so many ("una dozzina"), has a scale, a qualifier or a sign, or stands
/// alone in its sentence ("Three.").
fn bare_number_word(c: &Ctx, r: &mut Reading) -> Step {
    let the_two =
        r.value == 2.0 && r.first > c.start && c.lex.articles.contains(&c.toks[r.first - 1].key);
    let bare = r.category == NumberCategory::Count
        && !r.digits
        && !r.approximate
        && !r.scaled
        && r.qualifier.is_none()
        && r.sign_at.is_none()
        && r.value < 12.0
        && (r.value < 2.0 || r.counted.is_none() || the_two)
        && !standalone(c, r.from..r.next);
    if bare {
        Step::NoNumber
    } else {
        Step::Next
    }
}

/// Is the number at `i` part of a name or code? Each pattern below, tried in turn, says so for
/// digits glued to something on one side.
fn is_code(c: &Ctx, i: usize) -> bool {
    letters_before(c, i)
        || hyphenated_name(c, i)
        || mark_before(c, i)
        || letters_after(c, i)
        || mark_after(c, i)
}

/// The token glued before the number at `i`, inside its sentence.
fn glued_before<'a>(c: &Ctx<'a>, i: usize) -> Option<&'a Token> {
    let toks: &'a [Token] = c.toks;
    let prev = if i > c.start { toks.get(i - 1) } else { None };
    prev.filter(|_| !toks[i].space_before)
}

/// The token glued after the number at `i`, inside its sentence.
fn glued_after<'a>(c: &Ctx<'a>, i: usize) -> Option<&'a Token> {
    c.tok(i + 1).filter(|n| !n.space_before)
}

/// "G7", "A380", "MH17": letters glued before the digits make a name. An elided article is no
/// name ("l'80%", "dell'1%").
fn letters_before(c: &Ctx, i: usize) -> bool {
    glued_before(c, i).is_some_and(|p| p.is_word() && !p.key.ends_with('\''))
}

/// "F-16", "COVID-19", "Su-57": a word and a hyphen glued before the digits make a name. After
/// digits, a hyphen makes a range ("2019-2021").
fn hyphenated_name(c: &Ctx, i: usize) -> bool {
    glued_before(c, i).is_some_and(|p| p.key == "-")
        && i >= c.start + 2
        && c.toks.get(i - 2).is_some_and(|x| x.is_word())
}

/// "10:30", "24/7", "1/2": digits after a glued colon or slash are the second half of a time, a
/// ratio or a code.
fn mark_before(c: &Ctx, i: usize) -> bool {
    glued_before(c, i).is_some_and(|p| p.key == ":" || p.key == "/")
}

/// "5G", "3D", "1st": letters glued after the digits make a name or an ordinal, unless they are a
/// unit, a currency or a scale glued on ("42MYR", "50bn", "5km").
fn letters_after(c: &Ctx, i: usize) -> bool {
    glued_after(c, i).is_some_and(|n| {
        n.is_word()
            && n.key.chars().all(char::is_alphabetic)
            && !(c.code(i + 1).is_some()
                || c.lex.currencies.contains_key(&n.key)
                || c.lex.units.contains_key(&n.key)
                || c.lex.scales.contains_key(&n.key))
    })
}

/// "10:30", "24/7", "5°", "1º", "2ª": a colon, slash, degree or ordinal sign glued after the
/// digits makes a time, a ratio, a temperature or angle, or an ordinal.
fn mark_after(c: &Ctx, i: usize) -> bool {
    glued_after(c, i).is_some_and(|n| matches!(n.key.as_str(), ":" | "/" | "°" | "º" | "ª"))
}

/// A currency written before the value at `j`: "$", "US$", "c $", "€", "EUR", "CNY3", "mxn$":
/// (ISO code, tokens).
fn currency_written_before(c: &Ctx, j: usize) -> Option<(String, usize)> {
    let text = c.text;
    if let Some((n, iso)) = c.lex.currencies.longest(c.keys(j)) {
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
    // "mxn$ 15", "NZD$15": a code glued to the dollar sign (the sign looked at first: it is cheap).
    if t.is_word()
        && c.tok(j + 1)
            .is_some_and(|d| d.key == "$" && !d.space_before)
    {
        let upper = crate::unicode::to_uppercase(t.text(text));
        if c.lex.currency_codes.contains(&upper) && c.value_starts(j + 2) {
            return Some((upper, 2));
        }
    }
    if let Some(code) = c.code(j) {
        if c.value_starts(j + 1) {
            return Some((code, 1));
        }
    }
    None
}

/// A currency written after the value at `k`: "dollari", "euros", "SAR", "-yen": (ISO, tokens).
fn currency_written_after(c: &Ctx, k: usize) -> Option<(String, usize)> {
    let hyphen = usize::from(
        c.tok(k).is_some_and(|t| t.key == "-" && !t.space_before)
            && c.tok(k + 1).is_some_and(|t| !t.space_before),
    );
    let k = k + hyphen;
    if let Some((m, iso)) = c.lex.currencies.longest(c.keys(k)) {
        return Some((iso.clone(), m + hyphen));
    }
    c.code(k).map(|code| (code, 1 + hyphen))
}

/// "dreitägigen", "vierjährige": a number word and a unit of `units.txt` (four letters or more)
/// written as one word, as a language that compounds its words writes them: (value, unit).
fn number_glued_to_unit(c: &Ctx, k: usize) -> Option<(f64, String)> {
    let t = c.tok(k).filter(|t| t.is_word())?;
    let key = t.key.as_str();
    // (The number word is a prefix of the word: most words start as none does.)
    if !c.lex.may_start_like_number_word(key) {
        return None;
    }
    key.char_indices().skip(1).find_map(|(i, _)| {
        let (head, tail) = key.split_at(i);
        if tail.chars().count() < 4 {
            return None;
        }
        let (1, w) = c.lex.number_words.longest(&[head])? else {
            return None;
        };
        let (1, u) = c.lex.units.longest(&[tail])? else {
            return None;
        };
        (!w.approximate).then(|| (w.value, u.clone()))
    })
}

/// Four digits that read as a year (1500–2100).
fn year_like(v: f64, written: &str) -> bool {
    written.len() == 4 && (1500.0..=2100.0).contains(&v) && v.fract() == 0.0
}

/// Tokens passed over without a card.
fn passed_over(from: usize, to: usize, si: usize) -> Found {
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
        counted: None,
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
