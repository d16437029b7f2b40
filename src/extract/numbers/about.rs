//! What a number measures, read from the words around it in its sentence.

use super::Found;
use crate::analysis::NumberCategory;
use crate::document::Document;
use crate::segment::{Range, Token, TokenKind};

/// A range of years said just after a value, in its sentence: the period the value covers.
pub(super) fn period_after(ranges: &[(usize, usize, [f64; 2])], f: &Found) -> Option<[f64; 2]> {
    ranges
        .iter()
        .find(|(s, start, _)| *s == f.sentence && *start >= f.after && *start <= f.after + 6)
        .map(|r| r.2)
}

/// What a number measures, read from its sentence: the noun phrase after it when it counts
/// something ("dozzina di accordi di cooperazione"), when "of" follows ("80% delle importazioni")
/// or when the language puts the number first ("$50 billion loan"); else the noun phrase just
/// before it ("prestito di 50 miliardi"), past linking verbs ("sales rose 5%"). A name after
/// "to"/"a" completes it ("prestito a Kiev").
pub(super) fn about(doc: &Document, f: &Found) -> String {
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
