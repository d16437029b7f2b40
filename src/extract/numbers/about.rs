//! What a number measures, read from the words around it in its sentence: a short noun phrase
//! ([`about`]), completed by the place it goes to and the period it covers.
//!
//! The phrase is the one after the number when it counts something ("dozzina di accordi di
//! cooperazione"), when "of" follows ("80% delle importazioni") or when the language puts the
//! number first ("$50 billion loan"); else the one just before it ("prestito di 50 miliardi"),
//! past linking verbs ("sales rose 5%"). A year with neither takes the nearest words before it.

use super::Found;
use crate::analysis::NumberCategory;
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::segment::{Range, Token, TokenKind};

/// The longest phrase `about` gives, in content words.
const MAX_WORDS: usize = 5;

/// The ranges of whole years among the numbers of a text ("tra il 1995 e il 2023"): (sentence,
/// first token, years).
pub(super) struct Periods(Vec<(usize, usize, [f64; 2])>);

impl Periods {
    pub(super) fn of(found: &[Found]) -> Self {
        Periods(
            found
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
                .collect(),
        )
    }

    /// A range of years said just after a value, in its sentence: the period the value covers.
    fn after(&self, f: &Found) -> Option<[f64; 2]> {
        self.0
            .iter()
            .find(|(s, start, _)| *s == f.sentence && *start >= f.after && *start <= f.after + 6)
            .map(|r| r.2)
    }
}

/// What a number measures ("nuovo prestito a Kiev", "loan to Kyiv"), with the period it covers
/// when a range of years follows it ("80% delle importazioni tra il 1995 e il 2023":
/// "importazioni (1995–2023)"); empty when its sentence does not say.
pub(super) fn about(doc: &Document, f: &Found, periods: &Periods) -> String {
    let about = phrase(doc, f);
    let period = periods
        .after(f)
        .filter(|_| f.category != NumberCategory::Range);
    // Written by crate::decimal (the same text as `f64`'s Display): no float formatting in the .wasm.
    let years = |[a, b]: [f64; 2]| {
        format!(
            "{}\u{2013}{}",
            crate::decimal::to_string(a),
            crate::decimal::to_string(b)
        )
    };
    match period {
        Some(p) if about.is_empty() => years(p),
        Some(p) => format!("{about} ({})", years(p)),
        None => about,
    }
}

/// The noun phrase a number is about, read in its sentence (see the module's comment), and a name
/// after "to"/"a" that completes it ("prestito a Kiev").
fn phrase(doc: &Document, f: &Found) -> String {
    let w = Words::of(doc, f.sentence);
    let after = w.past_conversions(f.after);
    let (forward, genitive) = w.forward(after);
    let (backward, stop) = w.backward(f.range.start);
    let counts = matches!(f.category, NumberCategory::Count | NumberCategory::Quantity);
    let noun_after = after < w.ceil && w.content(&w.toks[after]);
    // `modifier_first`: the language puts a number before the noun it modifies ("a $50 billion loan",
    // "ein 50-Milliarden-Kredit"), not after ("un prestito di 50 miliardi"): data/<lang>/language.txt.
    let prefer_forward = counts || genitive || (w.lex.modifier_first && noun_after);
    let range = if prefer_forward {
        forward.or(backward)
    } else {
        backward.or(forward)
    };
    let Some((a, e)) = range
        .or_else(|| w.nearest(f))
        .or_else(|| w.counted(f))
        .and_then(|r| w.trimmed(r))
    else {
        return String::new();
    };
    let phrase = doc.original_text(Range {
        start: w.toks[a].range.start,
        end: w.toks[e - 1].range.end,
    });
    // "… a Kiev", "… to Kyiv": the name right after the phrase (or after the number).
    let tail_from = if e == stop { after } else { e };
    match w.destination(tail_from) {
        Some(d) if !phrase.contains(&d) => format!("{phrase} {d}"),
        _ => phrase,
    }
}

/// The words of a number's sentence, as [`phrase`] reads them.
struct Words<'a> {
    doc: &'a Document<'a>,
    lex: &'static Lexicon,
    toks: &'a [Token],
    /// The sentence's tokens: `floor..ceil`.
    floor: usize,
    ceil: usize,
}

impl<'a> Words<'a> {
    fn of(doc: &'a Document<'a>, sentence: usize) -> Self {
        let s = &doc.sentences[sentence];
        Words {
            doc,
            lex: doc.lex,
            toks: &doc.tokens,
            floor: s.tokens.start,
            ceil: s.tokens.end,
        }
    }

    fn inside(&self, k: usize) -> bool {
        k >= self.floor && k < self.ceil
    }

    /// Does `about_words.txt` give the word this role ("link", "article", "skip", "to")?
    fn role(&self, t: &Token, r: &str) -> bool {
        t.is_word() && self.lex.about_role(&t.key, r)
    }

    /// A word that can say what is measured: no function word, letter, speech or clause word,
    /// scale or currency code.
    fn content(&self, t: &Token) -> bool {
        let lex = self.lex;
        t.is_word()
            && !lex.is_stopword(&t.key)
            && t.key.chars().count() > 1
            && !self.role(t, "skip")
            && lex.speech_verbs.longest(&[&t.key]).is_none()
            && lex.clause_words.longest(&[&t.key]).is_none()
            && !lex.scales.contains_key(&t.key)
            && !lex.currency_codes.contains(t.text(self.doc.text()))
    }

    fn link(&self, t: &Token) -> bool {
        self.role(t, "link") || (t.is_word() && self.lex.particles.contains(&t.key))
    }

    fn article(&self, t: &Token) -> bool {
        self.role(t, "article")
    }

    /// "visita nell'isolato", "visit to the North": from `k` on, a link word, maybe an article,
    /// then a content word — but not an article alone ("fornire un nuovo prestito"). The tokens
    /// before the content word.
    fn links_then_content_after(&self, k: usize) -> Option<usize> {
        let (mut x, mut n) = (k, 0);
        if self.inside(x) && self.link(&self.toks[x]) {
            n += 1;
            x += 1;
            if self.inside(x) && self.article(&self.toks[x]) {
                n += 1;
                x += 1;
            }
        }
        (n > 0 && self.inside(x) && self.content(&self.toks[x])).then_some(n)
    }

    /// The same read backward from `k`: a content word, a link, maybe an article, ending at `k`.
    fn links_then_content_before(&self, k: usize) -> Option<usize> {
        let (mut x, mut n) = (k, 0);
        if self.inside(x)
            && self.article(&self.toks[x])
            && x > self.floor
            && self.link(&self.toks[x - 1])
        {
            n += 1;
            x -= 1;
        }
        if !(self.inside(x) && self.link(&self.toks[x])) {
            return None;
        }
        n += 1;
        (x > self.floor && self.content(&self.toks[x - 1])).then_some(n)
    }

    /// "$6bn (£3.12bn) deal": past the same amount in other currencies, in brackets after it.
    fn past_conversions(&self, after: usize) -> usize {
        let toks = self.toks;
        if !toks
            .get(after)
            .is_some_and(|t| after < self.ceil && t.key == "(")
        {
            return after;
        }
        let close = (after + 1..self.ceil.min(after + 12)).find(|&k| toks[k].key == ")");
        match close {
            Some(close)
                if toks[after..close]
                    .iter()
                    .any(|t| t.kind == TokenKind::Number) =>
            {
                close + 1
            }
            _ => after,
        }
    }

    /// The phrase after the number: maybe "of" and determiners ("delle", "of the"), then content
    /// words joined by links; and whether "of" opened it.
    fn forward(&self, after: usize) -> (Option<std::ops::Range<usize>>, bool) {
        let (toks, ceil) = (self.toks, self.ceil);
        let mut k = after;
        let genitive = k < ceil && self.lex.particles.contains(&toks[k].key) && toks[k].is_word();
        if genitive {
            k += 1;
            while k < ceil && k < after + 3 && toks[k].is_word() && !self.content(&toks[k]) {
                k += 1;
            }
        }
        let start = k;
        let mut n = 0;
        while k < ceil && n < MAX_WORDS {
            if self.content(&toks[k]) {
                // A name after a link ends at its last capitalized word: "invasion of Ukraine".
                let name_ended = k > start
                    && toks[k - 1].cap
                    && !toks[k].cap
                    && toks[start..k].iter().any(|t| self.link(t) && !t.cap);
                if name_ended {
                    break;
                }
                n += 1;
                k += 1;
            } else if let Some(l) = (n > 0).then(|| self.links_then_content_after(k)).flatten() {
                k += l;
            } else {
                break;
            }
        }
        ((n > 0).then_some(start..k), genitive)
    }

    /// The phrase before the number at `start`: past function words and linking verbs (and past
    /// another value with nothing else before it: "superar el 52% en 2030"), content words joined
    /// by links; and where the words passed over begin.
    fn backward(&self, start: usize) -> (Option<std::ops::Range<usize>>, usize) {
        let (toks, floor) = (self.toks, self.floor);
        let mut b = start;
        let mut skipped = 0;
        while b > floor && skipped < 6 && toks[b - 1].is_word() && !self.content(&toks[b - 1]) {
            b -= 1;
            skipped += 1;
        }
        let value_before = |k: usize| {
            let t = &toks[k];
            t.kind == TokenKind::Number
                || t.key == "%"
                || self.lex.percent.longest(&[&t.key]).is_some()
        };
        if b > floor && !toks[b - 1].is_word() && value_before(b - 1) {
            let mut x = b;
            let mut n = 0;
            while x > floor
                && n < 8
                && (value_before(x - 1) || (toks[x - 1].is_word() && !self.content(&toks[x - 1])))
            {
                x -= 1;
                n += 1;
            }
            if x > floor && self.content(&toks[x - 1]) {
                b = x;
            }
        }
        let stop = b;
        let mut m = 0;
        while b > floor && m < MAX_WORDS {
            if self.content(&toks[b - 1]) {
                m += 1;
                b -= 1;
            } else if let Some(l) = (m > 0)
                .then(|| self.links_then_content_before(b - 1))
                .flatten()
            {
                b -= l;
            } else {
                break;
            }
        }
        ((m > 0).then_some(b..stop), stop)
    }

    /// "Las obras empezarán el próximo año y deberían terminar antes de 2029" → "obras": for a
    /// year with no phrase of its own, the nearest content words before it that name no month or
    /// weekday. (Years only: a count or a sum without its noun is better left without.)
    fn nearest(&self, f: &Found) -> Option<std::ops::Range<usize>> {
        if f.category != NumberCategory::Year {
            return None;
        }
        let lex = self.lex;
        let dated = |t: &Token| {
            lex.months.longest(&[&t.key]).is_some() || lex.weekdays.longest(&[&t.key]).is_some()
        };
        let word = |k: usize| self.content(&self.toks[k]) && !dated(&self.toks[k]);
        let e = (self.floor..f.range.start).rev().find(|&k| word(k))? + 1;
        let a = (self.floor..e)
            .rev()
            .take_while(|&k| word(k))
            .last()
            .unwrap_or(e - 1);
        Some(a.max(e.saturating_sub(3))..e)
    }

    /// "2.500 Arbeitsplätze", "86 vítimas": for a count with nothing to say around it, the noun it
    /// counts, inside its text (a unit, "persone", or the noun taken in, "suspeitos") or after it.
    fn counted(&self, f: &Found) -> Option<std::ops::Range<usize>> {
        let k = f.counted?;
        Some(k..f.range.end.max(k + 1))
    }

    /// The phrase with no function word at either end, if anything is left.
    fn trimmed(&self, range: std::ops::Range<usize>) -> Option<(usize, usize)> {
        let (mut a, mut e) = (range.start, range.end);
        while a < e && !self.content(&self.toks[a]) {
            a += 1;
        }
        while e > a && !self.content(&self.toks[e - 1]) {
            e -= 1;
        }
        (a < e).then_some((a, e))
    }

    /// "a Kiev", "to the United Nations": at `k`, a `to` word, maybe an article, then a
    /// capitalized name (particles inside it: "Bosnia and Herzegovina").
    fn destination(&self, k: usize) -> Option<String> {
        let (toks, ceil, lex) = (self.toks, self.ceil, self.lex);
        let to = toks.get(k).filter(|t| k < ceil && self.role(t, "to"))?;
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
            self.doc.original_text(Range {
                start: to.range.start,
                end: toks[x - 1].range.end,
            })
        })
    }
}
