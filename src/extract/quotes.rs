//! Quotes: words inside quotation marks (“…”, «…», „…“, "…"), also across sentences, with the
//! speaker read from the attribution around them: "…”, ha detto Lam", "Lam told reporters",
//! "X ha affermato che … “…”", a dropped subject or pronoun ("Ha detto che…", "He said") taken
//! from the sentence before, a description as speaker ("un alto funzionario ucraino").

use crate::analysis::{EntityKind, EntityRef, Quote};
use crate::document::Document;
use crate::extract::entities::Entities;
use crate::segment::{closes, is_open_quote, Range, Token, TokenKind};

struct Marked {
    open: usize,
    close: usize,
}

/// Quotation mark pairs inside one block's tokens.
fn pairs(doc: &Document, r: std::ops::Range<usize>) -> Vec<Marked> {
    let toks = &doc.tokens;
    let text = doc.text();
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight: Option<usize> = None;
    for i in r {
        let t = &toks[i];
        if t.kind != TokenKind::Punct {
            continue;
        }
        let s = t.text(text);
        if s == "\"" {
            match straight {
                Some(o) => {
                    out.push(Marked { open: o, close: i });
                    straight = None;
                }
                None => straight = Some(i),
            }
        } else if let Some(o) = open {
            if closes(toks[o].text(text), s) {
                out.push(Marked { open: o, close: i });
                open = None;
            }
        } else if is_open_quote(s) {
            open = Some(i);
        }
    }
    out.sort_by_key(|m| m.open);
    out
}

pub fn extract(doc: &Document, ents: &Entities) -> Vec<Quote> {
    let mut out = Vec::new();
    for (bi, b) in doc.blocks.iter().enumerate() {
        if b.kind != crate::segment::BlockKind::Paragraph {
            continue;
        }
        let quotes = pairs(doc, doc.block_tokens[bi].clone());
        for q in &quotes {
            if q.close <= q.open + 1 {
                continue;
            }
            let inner = q.open + 1..q.close;
            let words = doc.tokens[inner.clone()]
                .iter()
                .filter(|t| t.is_word() || t.kind == TokenKind::Number)
                .count();
            let Some(s_open) = doc.sentence_of_token(q.open) else {
                continue;
            };
            let s_close = doc.sentence_of_token(q.close).unwrap_or(s_open);
            let speaker = speaker(doc, ents, q, s_open, s_close, &quotes);
            // A single quoted word is a scare quote or a title, not speech.
            if words < 2 {
                continue;
            }
            let confidence = match (&speaker, words) {
                (Some(_), w) if w >= 4 => 0.9,
                (Some(_), _) => 0.7,
                (None, _) => 0.5,
            };
            let r = Range {
                start: doc.tokens[inner.start].range.start,
                end: doc.tokens[inner.end - 1].range.end,
            };
            let evidence = (s_open..=s_close)
                .map(|s| doc.span(doc.sentences[s].range))
                .collect();
            out.push(Quote {
                evidence,
                confidence,
                text: doc.original_text(r),
                speaker,
                span: doc.span(r),
            });
        }
    }
    out
}

/// Is token `k` inside any quotation?
fn quoted(k: usize, quotes: &[Marked]) -> bool {
    quotes.iter().any(|q| q.open <= k && k <= q.close)
}

fn speaker(
    doc: &Document,
    ents: &Entities,
    q: &Marked,
    s_open: usize,
    s_close: usize,
    quotes: &[Marked],
) -> Option<EntityRef> {
    let lex = doc.lex;
    let toks = &doc.tokens;
    let keys =
        |a: usize, b: usize| -> Vec<&str> { toks[a..b].iter().map(|t| t.key.as_str()).collect() };
    // After the quote: "…”, ha detto Lam" / "…,” Lam told reporters" / "…”, said X".
    let sc = &doc.sentences[s_close];
    let mut k = q.close + 1;
    while k < sc.tokens.end
        && toks[k].kind == TokenKind::Punct
        && matches!(toks[k].key.as_str(), "," | "-" | ":")
    {
        k += 1;
    }
    if k < sc.tokens.end && k > q.close + 1 || (k < sc.tokens.end && k == q.close + 1) {
        if let Some((n, _)) = lex.speech_verbs.longest(&keys(k, sc.tokens.end)) {
            // Inverted: the speaker follows the verb, maybe after an article.
            let mut m = k + n;
            while m < sc.tokens.end
                && toks[m].is_word()
                && lex.is_stopword(&toks[m].key)
                && ents.mention_at(m).is_none()
            {
                m += 1;
            }
            if let Some(me) = ents.mention_at(m) {
                return Some(ents.reference(me.entity));
            }
            if let Some(d) = description(doc, m, sc.tokens.end, true) {
                return Some(d);
            }
        }
        if let Some(me) = ents.mention_at(k) {
            let after = me.tokens.end;
            if lex
                .speech_verbs
                .longest(&keys(after, sc.tokens.end))
                .is_some()
            {
                return Some(ents.reference(me.entity));
            }
        }
    }
    // Before the quote, in its sentence: the nearest speech verb, then its subject.
    let so = &doc.sentences[s_open];
    let mut verb: Option<usize> = None;
    let mut v = q.open;
    while v > so.tokens.start {
        v -= 1;
        if quoted(v, quotes) {
            continue;
        }
        if let Some((n, _)) = lex.speech_verbs.longest(&keys(v, q.open)) {
            // take the longest phrase that starts here; prefer the outermost start of a phrase
            let _ = n;
            verb = Some(v);
            break;
        }
    }
    if let Some(v) = verb {
        // Auxiliaries and reflexives are part of the phrase: walk back over them.
        let mut v0 = v;
        while v0 > so.tokens.start
            && lex
                .speech_verbs
                .longest(&keys(v0 - 1, q.open))
                .is_some_and(|(n, _)| v0 - 1 + n > v)
        {
            v0 -= 1;
        }
        return subject(doc, ents, s_open, v0, quotes);
    }
    // No verb: the last person named before the quote in its sentence ("Putin thanked Hanoi for its “…”").
    ents.mentions_in(so.tokens.start..q.open)
        .filter(|m| {
            ents.list[m.entity].kind == EntityKind::Person && !quoted(m.tokens.start, quotes)
        })
        .last()
        .map(|m| ents.reference(m.entity))
}

/// The subject of a speech verb at token `v` of sentence `s`: the words between the last clause
/// boundary and the verb. A person named there; else a description ("un alto funzionario
/// ucraino"); else an organization or country named there; else (a dropped subject or a pronoun)
/// the first one named earlier in the sentence or in the sentence before.
fn subject(
    doc: &Document,
    ents: &Entities,
    s: usize,
    v: usize,
    quotes: &[Marked],
) -> Option<EntityRef> {
    let lex = doc.lex;
    let toks = &doc.tokens;
    let sent = &doc.sentences[s];
    let mut b = v;
    while b > sent.tokens.start {
        let t = &toks[b - 1];
        let boundary = (t.kind == TokenKind::Punct && !matches!(t.key.as_str(), "'" | "-"))
            || lex.clause_words.longest(&[t.key.as_str()]).is_some()
            || quoted(b - 1, quotes);
        if boundary {
            break;
        }
        b -= 1;
    }
    let in_range: Vec<_> = ents.mentions_in(b..v).collect();
    if let Some(p) = in_range
        .iter()
        .find(|m| ents.list[m.entity].kind == EntityKind::Person)
    {
        return Some(ents.reference(p.entity));
    }
    let content = |t: &Token| t.is_word() && !lex.is_stopword(&t.key);
    let outside = (b..v).any(|k| {
        content(&toks[k])
            && ents.mention_at(k).is_none()
            && lex.nationalities.longest(&[toks[k].key.as_str()]).is_none()
    });
    if outside {
        if let Some(d) = description(doc, b, v, false) {
            return Some(d);
        }
    }
    if let Some(m) = in_range.first() {
        return Some(ents.reference(m.entity));
    }
    // Dropped subject or pronoun: earlier in this sentence, else the sentence before.
    let earlier = ents
        .mentions_in(sent.tokens.start..b)
        .find(|m| !quoted(m.tokens.start, quotes) && is_actor(ents, m.entity));
    if let Some(m) = earlier {
        return Some(ents.reference(m.entity));
    }
    if s > 0 {
        let prev = &doc.sentences[s - 1];
        let mut named = ents
            .mentions_in(prev.tokens.clone())
            .filter(|m| !quoted(m.tokens.start, quotes));
        let all: Vec<_> = named.by_ref().collect();
        if let Some(m) = all
            .iter()
            .find(|m| ents.list[m.entity].kind == EntityKind::Person)
            .or(all.iter().find(|m| is_actor(ents, m.entity)))
        {
            return Some(ents.reference(m.entity));
        }
    }
    None
}

fn is_actor(ents: &Entities, e: usize) -> bool {
    matches!(
        ents.list[e].kind,
        EntityKind::Person | EntityKind::Organization | EntityKind::Country
    )
}

/// A description as speaker: the words of `a..b` without leading function words (1–8 words).
fn description(doc: &Document, a: usize, b: usize, after_verb: bool) -> Option<EntityRef> {
    let lex = doc.lex;
    let toks = &doc.tokens;
    let mut a = a;
    while a < b && (!toks[a].is_word() || lex.is_stopword(&toks[a].key)) {
        a += 1;
    }
    let mut e = b;
    if after_verb {
        // "…”, said a State Department spokesperson, adding…": stop at punctuation.
        e = (a..b)
            .find(|&k| toks[k].kind == TokenKind::Punct)
            .unwrap_or(b);
    }
    while e > a && (!toks[e - 1].is_word() || lex.is_stopword(&toks[e - 1].key)) {
        e -= 1;
    }
    if a >= e || e - a > 8 {
        return None;
    }
    let name = doc.original_text(Range {
        start: toks[a].range.start,
        end: toks[e - 1].range.end,
    });
    Some(EntityRef { id: None, name })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities;

    fn quotes(text: &str, lang: &str) -> Vec<(String, Option<String>)> {
        let doc = Document::new(text, Some(lang));
        let ents = entities::extract(&doc);
        extract(&doc, &ents)
            .into_iter()
            .map(|q| (q.text, q.speaker.map(|s| s.name)))
            .collect()
    }

    #[test]
    fn speakers_after_before_and_dropped() {
        let got = quotes(
            "“Le due parti vogliono rafforzare la cooperazione”, ha detto Lam ai giornalisti. \
             Putin ha detto che le posizioni sono “identiche o molto vicine” su molte questioni. \
             Ha detto che hanno discusso di “un'architettura di sicurezza adeguata”.",
            "it",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Lam"));
        assert_eq!(got[1].1.as_deref(), Some("Putin"));
        assert_eq!(got[2].1.as_deref(), Some("Putin"));
    }

    #[test]
    fn descriptions_and_inverted_english() {
        let got = quotes(
            "The State Department said it was “of great concern”, while a senior Ukrainian official said it meant “mass murder of Ukrainians”. \
             “We will not submit to blackmail,” Lam told reporters.",
            "en",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("State Department"));
        assert_eq!(got[1].1.as_deref(), Some("senior Ukrainian official"));
        assert_eq!(got[2].1.as_deref(), Some("Lam"));
    }
}
