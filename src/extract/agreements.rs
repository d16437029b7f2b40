//! Agreements: what was signed or agreed, by whom. Read from the clauses of a sentence:
//! - a verb of signing with its instrument, after it ("ha firmato un patto di mutua difesa",
//!   "signed a dozen cooperation agreements") or before it in a passive, a participle or a verb
//!   that comes last ("the protocol was signed by…", "un memorando firmado entre…", "hat einen
//!   Vertrag mit X unterzeichnet");
//! - a verb of agreeing with what was agreed on or decided ("agreed to…", "haben sich auf eine
//!   Koalition geeinigt"), as a low-confidence card when no instrument is named;
//! - buying or taking over a company ("acquired X", "hat X übernommen"), titled with the
//!   language's word for an acquisition; a club or a company taking a person on ("fichó a X",
//!   "hat X verpflichtet"), titled with its word for that;
//! - making an instrument known, as the verb's object ("ont annoncé jeudi un accord");
//! - accepting an offer, with the one who made it ("accetta l'offerta della City Londinese");
//! - an instrument between named sides, with no verb ("l'accordo tra X e Y").
//!
//! The parties are the subject, the "con X" / "with X" / "between X and Y" / "by X" partners and a
//! named object ("signed Y on a deal"); a place too (a region, a city), only as the subject or
//! right after the verb or the instrument; with no subject, the subject of an earlier clause of
//! the sentence; else the people of an encounter in the same sentence, or of one told shortly
//! before. A second partner with the verb left out ("… con A y el 17 de diciembre con B") is a
//! card of its own. Refused, proposed, pending and hypothetical deals are no card
//! ([`Clauses::status`], the `pending` words); announced ones are planned. The title is the
//! instrument as written, with its count, its amount ("por 10 millones de dosis"), what it is for
//! ("to allow…") and topics ("ranging from X and Y to Z") and a date word. Two descriptions of one
//! instrument by the same parties are one card.

// A fast hash: keys are words of the text, never a security boundary.
use rustc_hash::FxHashSet as HashSet;

use crate::analysis::{Agreement, AgreementStatus, EntityKind, EntityRef};
use crate::extract::clauses::{compound_tails, Clauses, Found, Status};
use crate::extract::meetings::Reading;
use crate::lexicon::{AgreementWord, Link, SignVerb};
use crate::segment::{Range, TokenKind};

/// How many tokens after the verb its instrument may come ("has signed Roma defender Vincent
/// Candela on a five-month deal").
const NOUN_WINDOW: usize = 12;
/// How many tokens before the verb the instrument may stand (a passive, a participle, a verb that
/// comes last).
const BEFORE_WINDOW: usize = 12;
/// The longest joint decision kept as a title, in tokens.
const DECISION_WORDS: usize = 14;
/// How many sentences back a signing without names takes the people of an encounter.
const RECENT_MEETING: usize = 4;

struct Read {
    sentence: usize,
    parties: Vec<usize>,
    /// Sides no name stands for: bodies named by a common noun ("the unions", "il governo
    /// britannico" as its country).
    sides: Vec<String>,
    title: String,
    topics: Vec<String>,
    count: Option<u32>,
    /// Several instruments ("accordi", "five memoranda"): not the same card as a single one.
    many: bool,
    /// Read from a verb of agreeing ("agreed", "sich geeinigt"): one body may agree within itself.
    agreed: bool,
    when: Option<Range>,
    confidence: f64,
    /// Signed or planned (refused, proposed and hypothetical deals are not read).
    status: Status,
    /// The instrument is a bare noun after a definite article ("The agreement was signed by…",
    /// "L'accordo è stato sottoscritto…"): the one told just before.
    anaphoric: bool,
}

/// An instrument noun in a sentence: where it starts, how many tokens it takes, and whether it is
/// plural.
#[derive(Clone, Copy)]
struct Instrument {
    at: usize,
    len: usize,
    plural: bool,
}

/// The agreement cards; `meetings` are the readings of the meeting words (parties of a signing
/// in a meeting's sentence).
pub(crate) fn extract(cl: &Clauses, meetings: &[Reading]) -> Vec<Agreement> {
    let cl = &cl.signing_parties();
    let (doc, ents) = (cl.doc, cl.ents);
    let mut reads: Vec<Read> = Vec::new();
    for (s, sent) in doc.sentences.iter().enumerate() {
        let r = sent.tokens.clone();
        let mut t = r.start;
        while t < r.end {
            if cl.quoted(t) {
                t += 1;
                continue;
            }
            if let Some((n, verb)) = doc.lex.sign_verbs.longest(cl.keys(t, r.end)) {
                let read = match verb {
                    SignVerb::Acquire => acquisition(cl, s, t, n, false),
                    SignVerb::Hire => acquisition(cl, s, t, n, true),
                    SignVerb::Accept => acceptance(cl, s, t, n),
                    _ => signing(cl, meetings, s, t, n, *verb),
                };
                let second = read.as_ref().and_then(|r| gapped(cl, r, t + n));
                reads.extend(read);
                reads.extend(second);
                t += n;
                continue;
            }
            if let Some(i) = instrument(cl, t, r.end) {
                reads.extend(between_sides(cl, s, i));
                t += i.len;
                continue;
            }
            t += 1;
        }
    }
    // ("Veltron agreed to buy Norvik": the decision is the purchase read in its sentence, with
    // all of its parties.)
    let told_better = |a: &Read| {
        a.agreed
            && reads.iter().any(|b| {
                !b.agreed
                    && b.sentence == a.sentence
                    && a.parties.iter().all(|p| b.parties.contains(p))
            })
    };
    let better: Vec<bool> = reads.iter().map(told_better).collect();
    let mut told = better.into_iter();
    reads.retain(|_| !told.next().unwrap_or(false));
    gather(reads)
        .into_iter()
        .filter(|(_, a)| has_sides(cl, a))
        .map(|(sentences, a)| Agreement {
            evidence: sentences
                .iter()
                .map(|&s| doc.span(doc.sentences[s].range))
                .collect(),
            // One party alone is rarely the whole agreement (measured by tools/confidence.py).
            confidence: if a.parties.len() + a.sides.len() >= 2 {
                a.confidence
            } else {
                a.confidence.min(0.3)
            },
            parties: a
                .parties
                .iter()
                .map(|&e| ents.reference(e))
                .chain(a.sides.iter().map(|name| EntityRef {
                    id: None,
                    name: name.clone(),
                }))
                .collect(),
            title: a.title,
            topics: a.topics,
            count: a.count,
            when: a.when.map(|w| doc.original_text(w)),
            status: (a.status == Status::Planned).then_some(AgreementStatus::Planned),
        })
        .collect()
}

/// Is token `k` a definite article or a possessive ("the", "l'", "der", "seinen"), not one that
/// counts ("a", "un", "ein")?
fn definite(cl: &Clauses, k: usize) -> bool {
    let lex = cl.doc.lex;
    let tok = &cl.doc.tokens[k];
    tok.is_word() && lex.articles.contains(&tok.key) && !lex.is_indefinite(&tok.key)
}

/// How many sentences back the instrument a bare "the agreement" stands for may be told.
const ANAPHORA_REACH: usize = 2;

/// A card needs the sides of its agreement: two or more, or one that agrees within itself ("die
/// Regierungskoalition hat sich … verständigt", "il G7 ha accettato di…"). One party alone of a
/// signing, or one person or place, is half of it, the other side not read ("Israel signed a
/// peace treaty").
fn has_sides(cl: &Clauses, a: &Read) -> bool {
    a.parties.len() + a.sides.len() >= 2
        || (a.agreed && !a.parties.iter().any(|&p| cl.is_person(p) || cl.is_place(p)))
}

/// Merges the reads of one instrument: the same parties, and not two different counts. A bare
/// instrument after a definite article is the one read shortly before ("X signed a shirt
/// sponsorship deal with Y. The agreement was signed by A and B"): its parties join that reading,
/// which keeps its title.
fn gather(reads: Vec<Read>) -> Vec<(Vec<usize>, Read)> {
    /// Adds what `from` has that `to` lacks.
    fn add_new<T: PartialEq>(to: &mut Vec<T>, from: Vec<T>) {
        for x in from {
            if !to.contains(&x) {
                to.push(x);
            }
        }
    }
    let mut out: Vec<(Vec<usize>, Read)> = Vec::new();
    for r in reads {
        let told = |a: &Read| {
            r.anaphoric
                && a.sentence <= r.sentence
                && r.sentence - a.sentence <= ANAPHORA_REACH
                && !a.many
                && a.status == r.status
        };
        let set: HashSet<usize> = r.parties.iter().copied().collect();
        let same = |a: &Read| {
            a.parties.iter().copied().collect::<HashSet<_>>() == set
                && a.sides == r.sides
                && (a.count == r.count || a.count.is_none() || r.count.is_none())
                && a.many == r.many
                && set.len() + r.sides.len() >= 2
        };
        let (i, anaphora) = match out.iter().rposition(|(_, a)| told(a)) {
            Some(i) => (i, true),
            None => match out.iter().position(|(_, a)| same(a)) {
                Some(i) => (i, false),
                None => {
                    out.push((vec![r.sentence], r));
                    continue;
                }
            },
        };
        let (sentences, a) = &mut out[i];
        if !sentences.contains(&r.sentence) {
            sentences.push(r.sentence);
        }
        a.when = a.when.or(r.when);
        a.confidence = a.confidence.max(r.confidence);
        if anaphora {
            add_new(&mut a.parties, r.parties);
            add_new(&mut a.sides, r.sides);
        } else {
            a.count = a.count.or(r.count);
            add_new(&mut a.topics, r.topics);
            if r.status == Status::Held {
                a.status = Status::Held;
            }
        }
    }
    out
}

/// The instrument noun at `k`: a word of `agreement_words.txt`, or in German a compound ending in
/// one ("Freundschaftsvertrag", "Handelsabkommen").
fn instrument(cl: &Clauses, k: usize, end: usize) -> Option<Instrument> {
    let lex = cl.doc.lex;
    let tok = cl.doc.tokens.get(k)?;
    if !tok.is_word() || cl.quoted(k) {
        return None;
    }
    if let Some((len, AgreementWord::Instrument(plural))) =
        lex.agreement_words.longest(cl.keys(k, end))
    {
        return Some(Instrument {
            at: k,
            len,
            plural: *plural,
        });
    }
    if !lex.nouns_capitalized {
        return None;
    }
    compound_tails(&tok.key).find_map(|tail| match lex.agreement_words.longest(&[tail]) {
        Some((1, AgreementWord::Instrument(plural))) => Some(Instrument {
            at: k,
            len: 1,
            plural: *plural,
        }),
        _ => None,
    })
}

fn agreement_word(cl: &Clauses, k: usize, end: usize) -> Option<(usize, AgreementWord)> {
    cl.doc
        .lex
        .agreement_words
        .longest(cl.keys(k, end))
        .map(|(n, w)| (n, *w))
}

/// Is a deal in `a..b` still under talks or only proposed ("negotiating a deal", "the draft
/// treaty", "trattative per un accordo")?
fn pending(cl: &Clauses, a: usize, b: usize) -> bool {
    (a..b).any(|k| matches!(agreement_word(cl, k, b), Some((_, AgreementWord::Pending))))
}

/// Is there a verb of agreeing in `a..b`?
fn has_sign_verb(cl: &Clauses, a: usize, b: usize) -> bool {
    (a..b).any(|k| !cl.quoted(k) && cl.doc.lex.sign_verbs.longest(cl.keys(k, b)).is_some())
}

fn span(cl: &Clauses, a: usize, b: usize) -> Range {
    let toks = &cl.doc.tokens;
    Range {
        start: toks[a].range.start,
        end: toks[b - 1].range.end,
    }
}

/// A content word that may qualify an instrument after it ("trattato strategico", "of mutual
/// defence").
fn plain(cl: &Clauses, k: usize, c1: usize, end: usize) -> bool {
    let toks = &cl.doc.tokens;
    let lex = cl.doc.lex;
    k < c1
        && toks[k].is_word()
        && !toks[k].cap
        && !lex.is_stopword(&toks[k].key)
        && agreement_word(cl, k, end).is_none()
        && lex.sign_verbs.longest(cl.keys(k, end)).is_none()
        && cl.link(k, end).is_none()
}

/// Where the qualifiers after an instrument ending at `b` end: "di mutua difesa", "strategico",
/// "de Entendimiento".
fn qualified_end(cl: &Clauses, b: usize, c1: usize, end: usize) -> usize {
    let toks = &cl.doc.tokens;
    if let Some((m, Link::Of)) = cl.link(b, end) {
        let mut e = b + m;
        while e < (b + m + 3).min(c1)
            && (plain(cl, e, c1, end) || (toks[e].is_word() && toks[e].cap && e == b + m))
        {
            e += 1;
            // ("accord de libre-échange": a word joined by a hyphen is one with the word before.)
            if e + 1 < c1
                && toks[e].key == "-"
                && !toks[e].space_before
                && toks[e + 1].is_word()
                && !toks[e + 1].space_before
            {
                e += 2;
            }
        }
        if e > b + m {
            return e;
        }
    } else if plain(cl, b, c1, end) && !plain(cl, b + 1, c1, end) {
        return b + 1; // "trattato strategico"
    }
    b
}

/// The count before an instrument (a number or a number word: "una dozzina", "two").
fn count(cl: &Clauses, a: usize, noun: usize) -> Option<u32> {
    let toks = &cl.doc.tokens;
    (a..noun).find_map(|k| {
        if toks[k].kind == TokenKind::Number {
            return toks[k].key.parse::<u32>().ok();
        }
        cl.doc
            .lex
            .number_words
            .longest(cl.keys(k, noun))
            .filter(|(_, w)| !w.approximate && w.value >= 1.0 && w.value.fract() == 0.0)
            .map(|(_, w)| w.value as u32)
    })
}

/// The title of an instrument found after a verb ending at `from`: from the first word after the
/// verb (an article kept before a number word: "una dozzina di accordi") to the noun and what
/// qualifies it. Returns the title's token range.
fn title_after(cl: &Clauses, from: usize, i: Instrument, c1: usize, end: usize) -> (usize, usize) {
    let toks = &cl.doc.tokens;
    let lex = cl.doc.lex;
    let mut a = from;
    // A name between the verb and the noun is a party, not the title ("signed Candela on a deal").
    // (Unless the instrument is in the name: "signed on to the Pacific Fishing Agreement".)
    let named = |m: &&crate::extract::entities::Mention| !m.tokens.contains(&i.at);
    if let Some(last) = cl.ents.mentions_in(from..i.at).filter(named).last() {
        a = a.max(last.tokens.end);
    }
    // (Nor a date or an adverb: "firmó el 16 de diciembre el contrato", "han suscrito hoy un
    // acuerdo", the words `about_words.txt` skips.)
    // (A currency sign before a count is part of the title: "a $6bn deal".)
    let sign = |k: usize| {
        !toks[k].is_word()
            && lex.currencies.longest(cl.keys(k, end)).is_some()
            && toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Number)
    };
    while a < i.at {
        match small_words(cl, a, end) {
            Some(n) => a += n,
            None if toks[a].kind == TokenKind::Punct && !sign(a) => a += 1,
            None => break,
        }
    }
    // (A day before its month is a date, not a count: "firmó el 16 de diciembre el contrato".)
    let month_at = |k: usize| k < end && lex.months.longest(cl.keys(k, end)).is_some();
    let date = |k: usize| {
        month_at(k + 1)
            || (k + 2 < end && lex.particles.contains(&toks[k + 1].key) && month_at(k + 2))
    };
    let counted = |k: usize| {
        (toks[k].kind == TokenKind::Number || lex.number_words.longest(cl.keys(k, end)).is_some())
            && !date(k)
    };
    // ("firmaron además cinco memorandos": an adverb before the count is not in the title.)
    if let Some(c) = (a..i.at).find(|&k| counted(k)) {
        a = if c > from && sign(c - 1) { c - 1 } else { c };
    }
    // ("a dozen", "una dozzina": a short word before the count is its article.)
    let article = |k: usize| lex.is_stopword(&toks[k].key) && toks[k].key.chars().count() <= 4;
    if a > from && a < i.at && counted(a) && article(a - 1) {
        a -= 1;
    }
    // Far from the noun, what follows the verb is no part of the title: only the words that
    // describe the noun are.
    if i.at - a > 4 {
        a = title_around(cl, from, i, c1, end).0;
    }
    // (Nor a bracket closed with no opening in the title: "a ¥3tn ($29bn) deal".)
    if let Some(k) = (a..i.at).rev().find(|&k| toks[k].key == ")") {
        if !(a..k).any(|j| toks[j].key == "(") {
            a = k + 1;
        }
    }
    let b = qualified_end(cl, i.at + i.len, c1, end);
    let b = amount_end(cl, b, c1, end).unwrap_or(b);
    (a, purpose_end(cl, b, c1, end).unwrap_or(b))
}

/// Where what an instrument is for ends, when it follows the title: "an agreement to allow
/// Mexican trucks to operate in the United States", "un accord pour normaliser leurs
/// relations" — the purpose word, a word in lower case, and the rest of the clause, at most
/// [`DECISION_WORDS`] tokens, without the small words at its end.
fn purpose_end(cl: &Clauses, b: usize, c1: usize, end: usize) -> Option<usize> {
    let toks = &cl.doc.tokens;
    let lex = cl.doc.lex;
    let (n, _) = agreement_word(cl, b, end).filter(|(_, w)| *w == AgreementWord::Purpose)?;
    let first = toks
        .get(b + n)
        .filter(|t| t.is_word() && !t.cap && b + n < c1)?;
    if lex.is_stopword(&first.key) {
        return None;
    }
    let mut e = c1.min(b + n + DECISION_WORDS);
    while e > b + n && (!toks[e - 1].is_word() || lex.is_stopword(&toks[e - 1].key)) {
        e -= 1;
    }
    Some(e)
}

/// Where the amount an instrument is for ends, when one follows it, maybe past its partner:
/// "un contrato con AstraZeneca por 10 millones de dosis", "a contract for 20 million doses" —
/// a short word, a number, its scale, and what it counts.
fn amount_end(cl: &Clauses, b: usize, c1: usize, end: usize) -> Option<usize> {
    let toks = &cl.doc.tokens;
    let lex = cl.doc.lex;
    let mut k = b;
    if let Some((m, Link::With)) = cl.link(k, end) {
        k = cl
            .ents
            .mentions_in(k + m..c1.min(k + m + 3))
            .next()?
            .tokens
            .end;
    }
    let word = |k: usize| k < c1 && toks[k].is_word();
    if !(word(k) && lex.is_stopword(&toks[k].key) && k + 1 < c1) {
        return None;
    }
    k += 1;
    if toks[k].kind != TokenKind::Number {
        return None;
    }
    k += 1;
    if let Some((n, _)) = lex.scales.longest(cl.keys(k, c1)) {
        k += n;
    }
    if word(k) && lex.is_stopword(&toks[k].key) && word(k + 1) && !toks[k + 1].cap {
        k += 1;
    }
    (word(k) && !toks[k].cap && !lex.is_stopword(&toks[k].key)).then_some(k + 1)
}

/// The title of an instrument named before its verb: the noun with the words that describe it
/// right before it ("Ein entsprechendes Investitionsabkommen", "the trade protocol") and after it.
fn title_around(cl: &Clauses, c0: usize, i: Instrument, c1: usize, end: usize) -> (usize, usize) {
    let toks = &cl.doc.tokens;
    let lex = cl.doc.lex;
    // Lower-case describing words only: no date, number or name ("am Mittwoch", "April 15").
    let mut a = i.at;
    while a > c0
        && i.at - a < 3
        && toks[a - 1].is_word()
        && (!toks[a - 1].cap || lex.nouns_capitalized && a - 1 > c0 && !toks[a - 2].cap)
        && !lex.is_stopword(&toks[a - 1].key)
        && cl.ents.mention_at(a - 1).is_none()
        && cl.link(a - 1, i.at).is_none()
        && lex.weekdays.longest(cl.keys(a - 1, i.at)).is_none()
        && lex.months.longest(cl.keys(a - 1, i.at)).is_none()
    {
        a -= 1;
    }
    (a, qualified_end(cl, i.at + i.len, c1, end))
}

/// Adds the names after "with X" / "between X and Y" / "by X" in tokens `r` (of a sentence ending
/// at `end`) to `parties`; returns where the first such phrase that names someone starts. A
/// place is a party only in a phrase that starts at one of `attached` (right after the verb or
/// the instrument): "ein Abkommen über den Ausbau der Strecke zwischen Berlin und Warschau"
/// names the ends of a line.
fn counterparts(
    cl: &Clauses,
    r: std::ops::Range<usize>,
    attached: &[usize],
    end: usize,
    parties: &mut Vec<usize>,
    sides: &mut Vec<String>,
) -> Option<usize> {
    let mut first = None;
    let mut k = r.start;
    while k < r.end {
        // (A second partner with the verb left out: a card of its own, see [`gapped`].)
        if first.is_some() && gap_at(cl, k, r.end, end).is_some() {
            break;
        }
        match cl.link(k, end) {
            // ("firmado entre A y B y aprobado por el Congreso": the agent of another verb; but
            // "signed in Geneva by X": only a place or small words between.)
            Some((m, Link::By))
                if k > r.start + 2
                    && !only_small_words(cl, cl.past_common_place(r.start, end), k, end, true) =>
            {
                k += m
            }
            Some((m, Link::With | Link::Between | Link::By)) => {
                let places = attached.contains(&k);
                let (e, named) = add_partners(cl, k + m, r.end, end, places, parties, sides);
                if named {
                    first.get_or_insert(k);
                }
                k = e.max(k + m);
            }
            _ => k += 1,
        }
    }
    first
}

/// Adds the partners listed from `k` ([`partner_list`]) to `parties` — places only if `places` —
/// and the sides of its groups to `sides`; returns where the list ends and whether it named
/// anyone.
fn add_partners(
    cl: &Clauses,
    k: usize,
    c1: usize,
    end: usize,
    places: bool,
    parties: &mut Vec<usize>,
    sides: &mut Vec<String>,
) -> (usize, bool) {
    let (l, groups, e) = partner_list(cl, k, c1, end);
    let named = !l.is_empty() || !groups.is_empty();
    for p in l {
        if !parties.contains(&p) && (places || !cl.is_place(p)) {
            parties.push(p);
        }
    }
    add_sides(cl, &groups, sides);
    (e, named)
}

/// Adds the sides the groups `groups` that are sides stand for ([`Clauses::group_is_side`]).
fn add_sides(cl: &Clauses, groups: &[Range], sides: &mut Vec<String>) {
    for &g in groups.iter().filter(|&&g| cl.group_is_side(g)) {
        for name in cl.group_sides(g) {
            if !sides.contains(&name) {
                sides.push(name);
            }
        }
    }
}

/// Signed at an encounter of the same sentence: fewer than two parties, all of them in it, take
/// its people.
fn at_encounter(meetings: &[Reading], s: usize, parties: &mut Vec<usize>) {
    if parties.len() >= 2 {
        return;
    }
    let at = meetings.iter().find(|m| {
        m.sentence == s
            && !m.join_only
            && m.parts.len() >= 2
            && parties.iter().all(|p| m.parts.contains(p))
    });
    if let Some(m) = at {
        for &p in &m.parts {
            if !parties.contains(&p) {
                parties.push(p);
            }
        }
    }
}

/// The status of the verb at `t` (`n` tokens) of sentence `s` and its clause's bounds; None when
/// the deal did not take place or is still under talks ("refused to sign", "negotiating a deal").
fn verb_clause(cl: &Clauses, s: usize, t: usize, n: usize) -> Option<(Status, usize, usize)> {
    let status = cl.status(s, t, n);
    let (c0, c1) = cl.clause(s, t);
    (status != Status::Unreal && !pending(cl, c0, t)).then_some((status, c0, c1))
}

/// A signing or an agreeing at `t` (`n` tokens) of sentence `s`.
fn signing(
    cl: &Clauses,
    meetings: &[Reading],
    s: usize,
    t: usize,
    n: usize,
    verb: SignVerb,
) -> Option<Read> {
    let doc = cl.doc;
    let lex = doc.lex;
    let toks = &doc.tokens;
    let (status, c0, c1) = verb_clause(cl, s, t, n)?;
    let end = doc.sentences[s].tokens.end;
    // The instrument: after the verb (before another verb of agreeing), else before it.
    let after = (t + n..c1.min(t + n + NOUN_WINDOW))
        .take_while(|&k| k == t + n || lex.sign_verbs.longest(cl.keys(k, end)).is_none())
        .find_map(|k| instrument(cl, k, end));
    // ("The agreement, signed in Geneva by X and Y, ends…", "L'accordo, firmato a Ginevra da
    // X": a participle opening a clause set off by a comma after the instrument — its clause
    // is the one before the comma.)
    let participle = after.is_none() && t == c0 && c0 > 1 && toks[c0 - 1].key == ",";
    let (b0, b1) = if participle {
        (cl.clause(s, c0 - 2).0, c0 - 1)
    } else {
        (c0, t)
    };
    // (A verb that comes last has the whole clause before it: "Das Abkommen wurde in Berlin von
    // Ministerin X und ihrem Amtskollegen Y unterzeichnet".)
    let reach = if lex.verb_final {
        2 * BEFORE_WINDOW
    } else {
        BEFORE_WINDOW
    };
    let before = match after {
        Some(_) => None,
        None => (b0.max(b1.saturating_sub(reach))..b1)
            .rev()
            .find_map(|k| instrument(cl, k, b1)),
    };
    // Making known is a card only with the instrument as its object, next to the verb: "ont
    // annoncé jeudi un accord", "eine Einigung verkündet" (not "announced plans to renegotiate
    // the deal").
    if verb == SignVerb::Announce {
        let object = match (after, before) {
            (Some(i), _) => {
                only_small_words(cl, t + n, title_around(cl, t + n, i, c1, end).0, end, false)
            }
            (None, Some(i)) => lex.verb_final && only_small_words(cl, i.at + i.len, t, end, false),
            _ => false,
        };
        if !object {
            return None;
        }
    }
    if let Some(i) = after.or(before) {
        if pending(cl, c0.max(i.at.saturating_sub(3)), i.at) {
            return None;
        }
    }
    let anchor = before.map_or(t, |i| i.at);
    let (mut subject, mut found, mut groups) = cl.subject_and_groups(s, anchor);
    // ("Den Sponsorenvertrag unterzeichneten X und Y": German may open the clause with the
    // instrument; the subject then follows the verb.)
    if lex.verb_final && anchor != t && subject.is_empty() && groups.is_empty() {
        (subject, found, groups) = cl.subject_and_groups(s, t);
        if subject.is_empty() && groups.is_empty() {
            subject = cl.names_after_verb(t + n, c1);
        }
    }
    let mut parties = subject;
    let mut sides = Vec::new();
    // ("the government and the unions signed": bodies beside a name in the subject.)
    if parties.len() < 2 {
        add_sides(cl, &groups, &mut sides);
    }
    let no_subject = parties.is_empty() && sides.is_empty();

    let bare;
    let (title, count, many, topics) = match (after, before) {
        (Some(i), _) => {
            // "signed Roma defender Vincent Candela on a five-month deal": the one named between
            // the verb and the instrument is a party.
            // ("Roma defender Vincent Candela": a name before a noun of a kind and a name
            // qualifies that name.)
            let qualifier = |m: &crate::extract::entities::Mention| {
                let mut j = m.tokens.end;
                while j < i.at.min(m.tokens.end + 2) && cl.kind_noun(j) {
                    j += 1;
                }
                j > m.tokens.end && cl.ents.mention_at(j).is_some_and(|x| x.tokens.start == j)
            };
            // ("firmaron este viernes en Mendoza una docena de acuerdos": where it was signed is
            // no party.)
            let located = |m: &crate::extract::entities::Mention| {
                let mut b = m.tokens.start;
                while b > t + n && toks[b - 1].is_word() && lex.articles.contains(&toks[b - 1].key)
                {
                    b -= 1;
                }
                b > t + n && matches!(cl.link(b - 1, m.tokens.start), Some((_, Link::At)))
            };
            for m in cl.ents.mentions_in(t + n..i.at) {
                if cl.is_actor(m.entity)
                    && !parties.contains(&m.entity)
                    && !qualifier(m)
                    && !located(m)
                {
                    parties.push(m.entity);
                }
            }
            let (a, b) = title_after(cl, t + n, i, c1, end);
            bare = a == i.at && b <= i.at + i.len;
            counterparts(
                cl,
                t + n..c1.min(b + 8),
                &[t + n, b],
                end,
                &mut parties,
                &mut sides,
            );
            let count = count(cl, a, i.at);
            (
                doc.original_text(span(cl, a, b)),
                count,
                i.plural || count.is_some_and(|c| c >= 2),
                topics(cl, s, b),
            )
        }
        (None, Some(i)) => {
            let (a, mut b) = title_around(cl, b0, i, if participle { b1 } else { c1 }, end);
            bare = a == i.at && b <= i.at + i.len;
            // "einen Vertrag mit Präsident Macron unterzeichnet", "the treaty was signed by X":
            // the counterparts between the instrument and the verb, and after the verb.
            let mut v = t;
            while v > b && (!toks[v - 1].is_word() || lex.is_stopword(&toks[v - 1].key)) {
                v -= 1;
            }
            if let Some(k) = counterparts(cl, b..v, &[b], end, &mut parties, &mut sides) {
                b = b.min(k);
            }
            if lex.verb_final {
                for m in cl.ents.mentions_in(b..t) {
                    let e = m.entity;
                    if cl.is_actor(e) && !cl.is_place(e) && !parties.contains(&e) {
                        parties.push(e);
                    }
                }
            }
            counterparts(cl, t + n..c1, &[t + n], end, &mut parties, &mut sides);
            let count = count(cl, a, i.at);
            (
                doc.original_text(span(cl, a, b.max(i.at + i.len))),
                count,
                i.plural || count.is_some_and(|c| c >= 2),
                Vec::new(),
            )
        }
        (None, None) => return decision(cl, s, t, n, verb, (parties, sides), found, status),
    };
    let anaphoric = bare
        && after.or(before).is_some_and(|i| {
            i.at > 0 && !i.plural && definite(cl, i.at - 1) && cl.ents.mention_at(i.at).is_none()
        });
    // ("signed on to the North American Free Trade Agreement": the name is the instrument.)
    if let Some(m) = after.or(before).and_then(|i| cl.ents.mention_at(i.at)) {
        parties.retain(|&e| e != m.entity);
    }
    // A clause of its own with no subject, and one side named: the subject of the clause
    // before ("si è astenuto anche il Pakistan, quattro giorni fa ha siglato un accordo con la
    // Russia").
    if no_subject && parties.len() + sides.len() == 1 && c0 > doc.sentences[s].tokens.start {
        if let Some(e) = cl.subject_before(s, c0).filter(|e| !parties.contains(e)) {
            parties.insert(0, e);
        }
    }
    at_encounter(meetings, s, &mut parties);
    cl.drop_portfolios(s, &mut parties);
    // "Os dois governos assinaram sete acordos", after the ministers' meeting: no name here,
    // the people of the encounter told shortly before, or of any encounter told before when
    // a group stands for them ("las dos delegaciones").
    if parties.is_empty() && sides.is_empty() {
        let reach = if groups.is_empty() { RECENT_MEETING } else { s };
        if let Some(m) = meetings.iter().rev().find(|m| {
            m.sentence < s && s - m.sentence <= reach && !m.join_only && m.parts.len() >= 2
        }) {
            parties.clone_from(&m.parts);
            found = Found::Before;
        }
    }
    if parties.is_empty() && sides.is_empty() {
        return None;
    }
    let confidence = match (parties.len() + sides.len() >= 2, found) {
        // Sides named by a common noun are less sure than names.
        (true, Found::Here) if !sides.is_empty() => 0.7,
        (true, Found::Here) => 0.9,
        (true, Found::Before) => 0.7,
        _ => 0.6,
    };
    Some(Read {
        sentence: s,
        parties,
        sides,
        title,
        topics,
        count,
        many,
        when: cl.when(s, t),
        confidence,
        status,
        agreed: verb == SignVerb::Agree,
        anaphoric,
    })
}

/// How far after a partner a second one with the verb left out may come.
const GAP_WINDOW: usize = 8;

/// A second partner of the same verb and instrument, the verb left out ("firmó el contrato con
/// AstraZeneca por 10 millones de dosis y el 17 de diciembre con Pfizer"): "and", only small
/// words (a date), "with" and names. A card of its own, with the first one's other parties.
fn gapped(cl: &Clauses, first: &Read, from: usize) -> Option<Read> {
    let s = first.sentence;
    let end = cl.doc.sentences[s].tokens.end;
    let (_, c1) = cl.clause(s, from);
    let with = |k: usize| match cl.link(k, end) {
        Some((m, Link::With)) => Some(k + m),
        _ => None,
    };
    let (partners, _, e) = partner_list(cl, (from..c1).find_map(with)?, c1, end);
    if partners.is_empty() || !partners.iter().all(|p| first.parties.contains(p)) {
        return None;
    }
    let k = (e..c1.min(e + GAP_WINDOW)).find_map(|k| gap_at(cl, k, c1, end))?;
    let (second, _, _) = cl.sides_list(with(k)?, end);
    if second.is_empty() || second.iter().any(|p| first.parties.contains(p)) {
        return None;
    }
    let mut parties: Vec<usize> = first
        .parties
        .iter()
        .copied()
        .filter(|p| !partners.contains(p))
        .collect();
    parties.extend(second);
    // The instrument as written, without the first partner and its amount.
    let i = (from..c1).find_map(|k| instrument(cl, k, end))?;
    let (a, _) = title_after(cl, from, i, c1, end);
    let b = qualified_end(cl, i.at + i.len, c1, end);
    Some(Read {
        sentence: s,
        parties,
        sides: first.sides.clone(),
        title: cl.doc.original_text(span(cl, a, b)),
        topics: Vec::new(),
        count: None,
        many: first.many,
        agreed: first.agreed,
        anaphoric: false,
        when: None,
        confidence: first.confidence,
        status: first.status,
    })
}

/// The sides listed from `k` ([`Clauses::sides_list`]), up to a second partner with the verb left
/// out ("con AstraZeneca … y el 17 de diciembre con Pfizer": a card of its own, see [`gapped`]).
fn partner_list(cl: &Clauses, k: usize, c1: usize, end: usize) -> (Vec<usize>, Vec<Range>, usize) {
    let (l, groups, e) = cl.sides_list(k, end);
    match (k..e).find(|&j| gap_at(cl, j, c1, end).is_some()) {
        Some(g) => cl.sides_list(k, g),
        None => (l, groups, e),
    }
}

/// Where the "with" of a second partner starts when "and" at `k` opens one: "y el 17 de
/// diciembre con Pfizer" (only small words between).
fn gap_at(cl: &Clauses, k: usize, c1: usize, end: usize) -> Option<usize> {
    if !matches!(cl.link(k, end), Some((_, Link::And))) {
        return None;
    }
    let mut j = k + 1;
    while j < c1 && !matches!(cl.link(j, end), Some((_, Link::With))) {
        j += small_words(cl, j, end)?;
    }
    (j < c1).then_some(j)
}

/// Are the tokens `a..b` only function words, dates, numbers and adverbs (no content word
/// between a verb and its object) — and, with `places`, place phrases ("signed in Geneva by")?
fn only_small_words(cl: &Clauses, a: usize, b: usize, end: usize, places: bool) -> bool {
    let mut k = a;
    while k < b {
        if let Some(e) = cl.place_phrase(k, end).filter(|_| places) {
            k = e;
            continue;
        }
        match small_words(cl, k, end) {
            Some(n) => k += n,
            None => return false,
        }
    }
    true
}

/// How many tokens from `k` are a function word, a day, a month, a number or an adverb.
fn small_words(cl: &Clauses, k: usize, end: usize) -> Option<usize> {
    let tok = &cl.doc.tokens[k];
    let lex = cl.doc.lex;
    let date = lex.weekdays.longest(cl.keys(k, end));
    if let Some((n, _)) = date.or_else(|| lex.months.longest(cl.keys(k, end))) {
        return Some(n);
    }
    (tok.kind == TokenKind::Number
        || tok.is_word() && (lex.is_stopword(&tok.key) || lex.about_role(&tok.key, "skip")))
    .then_some(1)
}

/// A joint decision with no instrument: "il G7 ha accettato di utilizzare i profitti…", "haben
/// sich geeinigt, bis zu 130 Mitarbeiter zu entlassen". A low-confidence card.
#[allow(clippy::too_many_arguments)]
fn decision(
    cl: &Clauses,
    s: usize,
    t: usize,
    n: usize,
    verb: SignVerb,
    (parties, sides): (Vec<usize>, Vec<String>),
    found: Found,
    status: Status,
) -> Option<Read> {
    let toks = &cl.doc.tokens;
    let lex = cl.doc.lex;
    if verb != SignVerb::Agree || parties.is_empty() && sides.is_empty() || found != Found::Here {
        return None;
    }
    let end = cl.doc.sentences[s].tokens.end;
    // What was decided: the words after the verb, to the end of the clause (across the comma
    // that opens an infinitive: "geeinigt, … zu entlassen").
    // ("einigten sich darauf, dass …", "agreed that …": past the words that announce it.)
    let mut from = t + n;
    while from < end
        && from < t + n + 4
        && (toks[from].key == "," || lex.is_stopword(&toks[from].key))
    {
        from += 1;
    }
    let (_, c1) = cl.clause(s, from);
    let stop = c1.min(from + DECISION_WORDS);
    let refused =
        (from..stop).any(|k| matches!(agreement_word(cl, k, end), Some((_, AgreementWord::Not))));
    let mut b = stop;
    while b > from && (!toks[b - 1].is_word() || lex.is_stopword(&toks[b - 1].key)) {
        b -= 1;
    }
    let mut a = from;
    // "einigten sich am Freitagabend mit der Regierung", "agreed on Friday with the unions to…":
    // a day, a place and the partner are no part of what was decided.
    let (mut parties, mut sides) = (parties, sides);
    while a < b {
        if let Some(e) = cl.place_phrase(a, end) {
            a = e;
        } else if let Some((m, Link::With)) = cl.link(a, end) {
            let (e, named) = add_partners(cl, a + m, c1, end, true, &mut parties, &mut sides);
            if !named {
                break;
            }
            a = e.max(a + m);
        } else if let Some(m) = small_words(cl, a, end).filter(|_| toks[a].is_word()) {
            a += m;
        } else if !toks[a].is_word() {
            a += 1;
        } else {
            break;
        }
    }
    // "haben sich auf eine Koalitionsregierung geeinigt": what was agreed on, before a verb that
    // comes last.
    if b <= a && lex.verb_final {
        let (c0, _) = cl.clause(s, t);
        if let Some(on) = (c0..t).find(|&k| matches!(cl.link(k, t), Some((1, Link::On)))) {
            a = on + 1;
            b = t;
            while a < b && (!toks[a].is_word() || lex.is_stopword(&toks[a].key)) {
                a += 1;
            }
            while b > a && (!toks[b - 1].is_word() || lex.is_stopword(&toks[b - 1].key)) {
                b -= 1;
            }
        }
    }
    if refused || b <= a {
        return None;
    }
    Some(Read {
        sentence: s,
        parties,
        sides,
        title: cl.doc.original_text(span(cl, a, b)),
        topics: Vec::new(),
        count: None,
        many: false,
        when: cl.when(s, t),
        confidence: 0.4,
        status,
        agreed: true,
        anaphoric: false,
    })
}

/// Buying or taking over at `t` (`n` tokens) of sentence `s`: the buyer (the subject, or the agent
/// of a passive: "taken over by X") and the company bought (named right after the verb, or before
/// a verb that comes last: "hatte Tesla die Firma X übernommen"), titled with the language's word
/// for an acquisition ("acquisition of X", "Übernahme von X"). With `hire`, a club or a company
/// taking a person on: the same reading, a person instead of the company bought.
fn acquisition(cl: &Clauses, s: usize, t: usize, n: usize, hire: bool) -> Option<Read> {
    let doc = cl.doc;
    let lex = doc.lex;
    let (status, c0, c1) = verb_clause(cl, s, t, n)?;
    let organization = |e: usize| cl.ents.list[e].kind == EntityKind::Organization;
    // (What is bought is a company; who is taken on, a person.)
    let company = |e: usize| {
        if hire {
            cl.is_person(e)
        } else {
            organization(e)
        }
    };
    let (subject, _, _) = cl.subject_and_groups(s, t);
    let passive = matches!(cl.link(t + n - 1, t + n), Some((1, Link::By)));
    // The one named right after the verb, past articles and kind words ("die Firma", "the
    // carmaker"; not "took over at the Home Office").
    // ("to buy 70% of X", "a 49% stake in X", "il 70% della cilena X": a share of it first;
    // "fichó este lunes al centrocampista X": Spanish marks the person taken on with "a".)
    let toks = &doc.tokens;
    // (How many tokens the share takes: its number and "%" or a word for it.)
    let share = |k: usize| {
        if toks[k].kind != TokenKind::Number {
            return None;
        }
        match toks.get(k + 1) {
            Some(t) if t.key == "%" => Some(2),
            _ => lex.percent.longest(cl.keys(k + 1, c1)).map(|(n, _)| 1 + n),
        }
    };
    let named_after = |from: usize| {
        let mut k = from;
        let mut shared = false;
        while k < c1.min(from + if shared { 8 } else { 6 }) && cl.ents.mention_at(k).is_none() {
            if let Some(n) = share(k) {
                shared = true;
                k += n;
                continue;
            }
            let link_ok = cl
                .link(k, c1)
                .is_none_or(|(_, l)| l == Link::Of || ((shared || hire) && l == Link::At));
            // ("den dänischen Stürmer X": where nouns have capitals, a noun of a role too.)
            let noun = toks[k].cap && lex.nouns_capitalized && cl.kind_word(k);
            if !link_ok || !toks[k].is_word() || (toks[k].cap && !noun) {
                break;
            }
            k += 1;
        }
        cl.ents
            .mention_at(k)
            .filter(|m| m.tokens.start == k)
            .map(|m| m.entity)
    };
    let (buyer, bought) = if passive {
        (named_after(t + n)?, *subject.first()?)
    } else if let Some(o) = named_after(t + n).filter(|&o| company(o)) {
        (*subject.first()?, o)
    } else if lex.verb_final {
        // "hat im Mai die Baltic Power GmbH übernommen": the last company before the verb. (A
        // club that took a player on is the first organization of the clause: the subject reads
        // the person before the verb as its own.)
        let buyer = if hire {
            cl.ents
                .mentions_in(c0..t)
                .map(|m| m.entity)
                .find(|&e| organization(e))?
        } else {
            *subject.first()?
        };
        let o = cl
            .ents
            .mentions_in(c0..t)
            .map(|m| m.entity)
            .filter(|&e| company(e) && e != buyer)
            .last()?;
        (buyer, o)
    } else {
        return None;
    };
    // (A club or a company takes a player on.)
    if buyer == bought || !company(bought) || !cl.is_actor(buyer) || (hire && !organization(buyer))
    {
        return None;
    }
    let name = &cl.ents.list[bought].name;
    let title = match if hire {
        &lex.hire_title
    } else {
        &lex.acquisition_title
    } {
        Some(o) => format!("{} {name}", capitalize(o)),
        None => name.clone(),
    };
    Some(Read {
        sentence: s,
        parties: vec![buyer, bought],
        sides: Vec::new(),
        title,
        topics: Vec::new(),
        count: None,
        many: false,
        when: cl.when(s, t),
        confidence: 0.7,
        status,
        agreed: false,
        anaphoric: false,
    })
}

/// Accepting an offer ("Piazza Affari accetta l'offerta della City Londinese", "accepted the
/// offer of X"): the offer right after the verb, the one who made it after "of" or "by"; the
/// subject and that one are the parties, the offer as written the title.
fn acceptance(cl: &Clauses, s: usize, t: usize, n: usize) -> Option<Read> {
    let doc = cl.doc;
    let (status, c0, c1) = verb_clause(cl, s, t, n)?;
    let end = doc.sentences[s].tokens.end;
    let offer_at = |k: usize| match agreement_word(cl, k, end) {
        Some((m, AgreementWord::Offer)) => Some(m),
        _ => None,
    };
    let mut k = t + n;
    while k < c1 && offer_at(k).is_none() {
        k += small_words(cl, k, end)?;
    }
    let (offer, m) = (k, offer_at(k)?);
    let by = match cl.link(offer + m, end) {
        Some((l, Link::Of | Link::By)) => offer + m + l,
        _ => return None,
    };
    let (makers, _) = cl.list(by, c1);
    let (mut subject, found, _) = cl.subject_and_groups(s, t);
    // ("… e venerdì Piazza Affari accetta l'offerta": the name right before the verb.)
    if subject.is_empty() {
        if let Some(m) = cl.ents.mention_at(t.checked_sub(1)?) {
            if cl.is_actor(m.entity) && m.tokens.start >= c0 {
                subject.push(m.entity);
            }
        }
    }
    let mut parties = subject;
    for e in makers {
        if !parties.contains(&e) {
            parties.push(e);
        }
    }
    if parties.len() < 2 {
        return None;
    }
    Some(Read {
        sentence: s,
        parties,
        sides: Vec::new(),
        title: doc.original_text(span(cl, offer, offer + m)),
        topics: Vec::new(),
        count: None,
        many: false,
        agreed: false,
        anaphoric: false,
        when: cl.when(s, t),
        confidence: if found == Found::Here { 0.7 } else { 0.6 },
        status,
    })
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => crate::unicode::upper(f).chain(c).collect(),
        None => String::new(),
    }
}

/// An instrument with no verb of agreeing in its clause, between named sides: "l'accordo tra
/// Argentina e Iran", "the 2015 deal between Iran and six powers".
fn between_sides(cl: &Clauses, s: usize, i: Instrument) -> Option<Read> {
    let doc = cl.doc;
    let (c0, c1) = cl.clause(s, i.at);
    let end = doc.sentences[s].tokens.end;
    if has_sign_verb(cl, c0, c1) || pending(cl, c0, i.at) {
        return None;
    }
    let between = matches!(cl.link(i.at + i.len, end), Some((_, Link::Between)))
        || matches!(
            cl.link(qualified_end(cl, i.at + i.len, c1, end), end),
            Some((_, Link::Between))
        );
    // "el acuerdo de Cristiano Ronaldo y la Fiscalía": "of" and two sides joined.
    let of_both = match cl.link(i.at + i.len, end) {
        Some((m, Link::Of)) => cl.sides_list(i.at + i.len + m, end).0.len() >= 2,
        _ => false,
    };
    if !between && !of_both {
        return None;
    }
    let status = cl.status(s, i.at, i.len);
    if status == Status::Unreal {
        return None;
    }
    let (mut parties, mut sides) = (Vec::new(), Vec::new());
    let first = match cl.link(i.at + i.len, end) {
        Some((m, Link::Of)) if of_both && !between => {
            let (l, groups, _) = cl.sides_list(i.at + i.len + m, end);
            parties = l;
            add_sides(cl, &groups, &mut sides);
            i.at + i.len
        }
        _ => counterparts(
            cl,
            i.at + i.len..c1,
            &[i.at + i.len, qualified_end(cl, i.at + i.len, c1, end)],
            end,
            &mut parties,
            &mut sides,
        )?,
    };
    if parties.len() + sides.len() < 2 {
        return None;
    }
    let (a, b) = title_around(cl, c0, i, c1, end);
    let count = count(cl, a, i.at);
    Some(Read {
        sentence: s,
        parties,
        sides,
        title: doc.original_text(span(cl, a, b.min(first).max(i.at + i.len))),
        topics: Vec::new(),
        count,
        many: i.plural || count.is_some_and(|c| c >= 2),
        when: cl.when(s, i.at),
        confidence: 0.6,
        status,
        agreed: false,
        anaphoric: false,
    })
}

/// The list of what an agreement covers, after an opener near the title: "ranging from
/// education and justice to civilian nuclear projects" → [education, justice, civilian nuclear
/// projects].
fn topics(cl: &Clauses, s: usize, from: usize) -> Vec<String> {
    let doc = cl.doc;
    let lex = doc.lex;
    let toks = &doc.tokens;
    let end = doc.sentences[s].tokens.end;
    let opener = (from..end.min(from + 3)).find_map(|k| {
        match lex.agreement_words.longest(cl.keys(k, end)) {
            Some((n, AgreementWord::Topics)) => Some(k + n),
            _ => None,
        }
    });
    let Some(mut k) = opener else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut item: Option<(usize, usize)> = None;
    let push = |item: &mut Option<(usize, usize)>, out: &mut Vec<String>| {
        if let Some((a, b)) = item.take() {
            let mut a = a;
            while a < b && lex.is_stopword(&toks[a].key) {
                a += 1;
            }
            if a < b {
                out.push(doc.original_text(span(cl, a, b)));
            }
        }
    };
    while k < end {
        let tok = &toks[k];
        let sep = matches!(
            lex.agreement_words.longest(cl.keys(k, end)),
            Some((_, AgreementWord::Sep | AgreementWord::Purpose))
        );
        if tok.kind == TokenKind::Punct && tok.key == "," || sep {
            push(&mut item, &mut out);
            k += 1;
            continue;
        }
        if tok.kind == TokenKind::Punct || lex.clause_words.longest(&[&tok.key]).is_some() {
            break;
        }
        item = Some(match item {
            Some((a, _)) => (a, k + 1),
            None => (k, k + 1),
        });
        k += 1;
    }
    push(&mut item, &mut out);
    out
}
