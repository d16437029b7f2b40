//! Typing: what a name is. A gazetteer answers first (organizations, countries, places); a name
//! it does not know is typed by the words around it, strongest cue first (a thing noun, an event
//! or organization word inside it, a title before it, a place word, a noun for a person…), and a
//! capitalized word with no cue at all is dropped when the text shows it is a common word.
//! Neighbours type each other last: names in a list share a kind, a name and its initials in
//! brackets are an organization, a place that plays is a team.

// A fast hash: keys are words of the text, never a security boundary.

use super::merging::initials;
use super::nouns::{self, Head};
use super::{
    all_caps, closes_quote, is_initial, is_roman_numeral, Candidate, Context, Segment, MAX_PHRASE,
};
use crate::analysis::EntityKind;
use crate::document::Document;
use crate::lexicon::{AgreementWord, GroupWord, Link, SignVerb};
use crate::segment::{Range, Token, TokenKind};

/// The longest speech verb phrase read before a name ("aveva detto").
const MAX_SPEECH_WORDS: usize = 3;
/// How far after a verb of signing its instrument may stand ("signed a $6bn (£3.12bn) deal").
const SIGNING_WINDOW: usize = 12;

/// Types the candidates by their neighbours, once all are read: teams, then lists, then names
/// spelled out by their initials.
pub(super) fn by_neighbours(ctx: &Context, segs: &[Segment], cands: &mut [Candidate]) {
    teams(ctx, segs, cands);
    coordinate(ctx.doc, cands);
    spelled_out(ctx.doc, cands);
}

/// Types one cleaned name and adds it, unless it is a common word.
pub(super) fn finish(
    ctx: &Context,
    seg: &Segment,
    span: std::ops::Range<usize>,
    role: Option<String>,
    country: Option<String>,
    out: &mut Vec<Candidate>,
) {
    let doc = ctx.doc;
    if span.is_empty() || no_name(ctx, seg, span.clone()) {
        return;
    }
    if let Some(name) = portfolio(ctx, seg, span.clone()) {
        if let Some(name) = name {
            finish(ctx, seg, name, role, country, out);
        }
        return;
    }
    if let Some(name) = word_before_full_name(ctx, seg, span.clone()) {
        finish(ctx, seg, name, role, country, out);
        return;
    }
    let name_start = span.start;
    let mut c =
        classify_whole(doc, span.clone()).unwrap_or_else(|| Candidate::unknown(span.clone()));
    c.sentence = seg.sentence;
    if common_place_word_at_start(ctx, seg, span.clone(), &c) {
        return;
    }
    // "provincia di Milano", "piazza Venezia", "Italia settentrionale": a place word in lower case
    // next to a name is part of it.
    let mut span = span;
    if let Some(ext) = place_words_around(ctx, seg, span.clone()) {
        span = ext;
        c.tokens = span.clone();
        c.key = None;
        if c.kind != EntityKind::Organization || c.strength < 3 {
            c.kind = EntityKind::Place;
            c.strength = c.strength.max(3);
        }
    }
    if c.strength == 0 {
        // Not in a gazetteer: the words around it tell.
        let cues = Cues::read(ctx, seg, span.clone());
        let (kind, strength) = kind_from_cues(ctx, span.clone(), &cues, role.is_some());
        if time_zone(ctx, seg, span.clone(), strength) {
            return;
        }
        c.kind = kind;
        c.strength = strength;
        if common_word(ctx, seg, span.clone(), &c, cues.speaks || cues.signs) {
            return;
        }
    }
    if let Some(year) = edition_year(ctx, seg, span.clone(), &c) {
        // "Euro 2012", "Expo 2015", "London 2012": a name and a year are an event.
        c.tokens.end = year + 1;
        c.kind = EntityKind::Other;
        c.strength = c.strength.max(3);
        c.key = None;
    } else if c.kind == EntityKind::Person {
        c.role = role;
        c.country = c.country.or(country);
    } else if c.kind == EntityKind::Organization {
        organization_tail(ctx, seg, name_start, span, &mut c);
        c.country = c.country.or(country);
    }
    out.push(c);
}

/// The year right after a name that is no person nor country, as an edition ("Euro 2012"): a
/// number of four digits, not in a date ("Roma, 2012", "Wisconsin 1996-08-30").
fn edition_year(
    ctx: &Context,
    seg: &Segment,
    span: std::ops::Range<usize>,
    c: &Candidate,
) -> Option<usize> {
    let toks = &ctx.doc.tokens;
    let t = toks.get(span.end).filter(|_| span.end < seg.tokens.end)?;
    let year = t.kind == TokenKind::Number
        && t.space_before
        && t.key.len() == 4
        && t.key
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    let lex = ctx.doc.lex;
    let after = toks
        .get(span.end + 1)
        .filter(|_| span.end + 1 < seg.tokens.end);
    // (Not a number that a unit, a scale or a currency follows, "Roma 2000 euro", nor a date
    // written with marks: "Wisconsin 1996-08-30".)
    let counted = after.is_some_and(|a| {
        let k = [&a.key];
        !a.space_before
            || lex.units.longest(&k).is_some()
            || lex.scales.longest(&k).is_some()
            || lex.currencies.longest(&k).is_some()
    });
    (year && !counted && !matches!(c.kind, EntityKind::Person | EntityKind::Country))
        .then_some(span.end)
}

/// Names of no entity: a whole run that is a nationality adjective ("Russian", "North Korean");
/// a single word that is a letter, a roman numeral, a function word, an adjective, a common word
/// the press capitalizes or a place word alone; a word that ends a title ("il ministro
/// dell'|Economia|").
fn no_name(ctx: &Context, seg: &Segment, span: std::ops::Range<usize>) -> bool {
    let doc = ctx.doc;
    let lex = doc.lex;
    let ks = ctx.keys(span.clone());
    let adjective = lex
        .nationalities
        .longest(ks)
        .is_some_and(|(n, _)| n == ks.len())
        && classify_whole(doc, span.clone()).is_none();
    let first = &doc.tokens[span.start];
    let text = first.text(doc.text());
    let common = span.len() == 1
        && (text.chars().count() < 2
            || is_roman_numeral(text)
            // ("US", "IT": an acronym the gazetteer knows is a name, though its lower case is a
            // function word.)
            || (lex.is_stopword(&first.key)
                && !(all_caps(text) && classify_whole(doc, span.clone()).is_some()))
            || lex.adjectives.contains(&first.key)
            || lex.not_names.contains(&first.key)
            || lex.place_cues.contains(&first.key)
            // ("Officials met…", "Diplomaten sagten": a noun for people, alone, names no one.)
            || ((lex.person_nouns.contains(&first.key)
                || lex
                    .group_words
                    .longest(ks)
                    .is_some_and(|(n, w)| n == 1 && *w == GroupWord::People))
                && classify_whole(doc, span.clone()).is_none()));
    // ("der Konzern", "Verband": where every noun has a capital, an organization word alone is a
    // common noun, unless the gazetteer knows it.)
    let bare_cue = lex.nouns_capitalized
        && span.len() == 1
        && lex.org_cues.contains(&first.key)
        && classify_whole(doc, span.clone()).is_none();
    // ("La Première ministre Élisabeth Borne": a capitalized word that opens a title the text
    // goes on with in lower case.)
    let opens_title = lex
        .titles
        .longest(ctx.keys(span.start..seg.tokens.end))
        .is_some_and(|(n, _)| n > span.len());
    adjective
        || common
        || bare_cue
        || opens_title
        || adjectival(ctx, span.clone())
        || title_ends(ctx, seg, span.start, span.end)
}

/// A run of adjectives, maybe after an article: nationality words and listed adjectives ("Central
/// European", "Rohingya Muslim", "The Filipino"), a word joined by a hyphen to a nationality
/// ("Franco-German").
fn adjectival(ctx: &Context, span: std::ops::Range<usize>) -> bool {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let nationality = |k: usize| lex.nationalities.longest(&[&toks[k].key]).is_some();
    let mut k = span.start;
    while k < span.end && lex.articles.contains(&toks[k].key) {
        k += 1;
    }
    let words = k < span.end && classify_whole(ctx.doc, k..span.end).is_none();
    words
        && (k..span.end).all(|i| {
            let t = &toks[i];
            !t.is_word()
                || nationality(i)
                || lex.adjectives.contains(&t.key)
                || (toks
                    .get(i + 1)
                    .is_some_and(|h| h.key == "-" && !h.space_before)
                    && i + 2 < span.end
                    && nationality(i + 2))
        })
        && (k..span.end).any(|i| toks[i].is_word())
        && toks[k..span.end]
            .iter()
            .all(|t| t.is_word() || t.key == "-")
}

/// "el ministro marroquí de Energía", "Minister of Finance": a minister's portfolio is no name
/// (unless it holds a place: "ministro degli Esteri della Federazione Russa"). `Some` when the run
/// is a portfolio, with the minister's name that follows it in the run, if any ("il ministro degli
/// Esteri Giulio Terzi").
fn portfolio(
    ctx: &Context,
    seg: &Segment,
    span: std::ops::Range<usize>,
) -> Option<Option<std::ops::Range<usize>>> {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let portfolio = after_portfolio_title(ctx, seg, span.start, 0)
        && !(span.start..span.end).any(|s| (s + 1..=span.end).any(|e| ctx.is_place(s..e)));
    portfolio.then(|| {
        (span.start + 1..span.end)
            .find(|&k| lex.given_names.contains(&toks[k].key))
            .map(|k| k..span.end)
    })
}

/// Does a minister's title end right before token `start`, with its particle and maybe an
/// article ("ministro de |Energía", "ministre de l'|Education", "ministra española de |…"), or
/// another portfolio and a conjunction ("ministro de Salud y |Protección Social", "viceministro
/// delle Infrastrutture e dei |Trasporti")?
fn after_portfolio_title(ctx: &Context, seg: &Segment, start: usize, depth: usize) -> bool {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let floor = seg.tokens.start;
    let small = |k: usize| {
        toks[k].is_word()
            && !toks[k].cap
            && (lex.particles.contains(&toks[k].key) || lex.articles.contains(&toks[k].key))
    };
    let mut k = start;
    while k > floor && start - k < 2 && small(k - 1) {
        k -= 1;
    }
    if k < start {
        let e = before_nationality(ctx, seg, k);
        if e > floor && lex.portfolio_titles.contains(&toks[e - 1].key) {
            return true;
        }
    }
    if depth < 3 && k > floor && !toks[k - 1].cap && lex.conjunctions.contains(&toks[k - 1].key) {
        let mut r = k - 1;
        while r > floor && toks[r - 1].is_word() && toks[r - 1].cap {
            r -= 1;
        }
        return r < k - 1 && after_portfolio_title(ctx, seg, r, depth + 1);
    }
    false
}

/// "Intanto Willy Monteiro", "il segretario di Stato Tarcisio Bertone": a word glued before a
/// first name and a surname, opening the sentence or ending a title, is not in the name. The
/// name without it.
fn word_before_full_name(
    ctx: &Context,
    seg: &Segment,
    span: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    (span.len() >= 3
        && lex.given_names.contains(&toks[span.start + 1].key)
        && !lex.given_names.contains(&toks[span.start].key)
        && classify_whole(ctx.doc, span.start..span.start + 1).is_none()
        && (ctx.at_start(seg, span.start) || title_ends(ctx, seg, span.start, span.start + 1)))
    .then(|| span.start + 1..span.end)
}

/// A place name that is also a common word ("Nice", "Split") at a sentence start.
fn common_place_word_at_start(
    ctx: &Context,
    seg: &Segment,
    span: std::ops::Range<usize>,
    c: &Candidate,
) -> bool {
    span.len() == 1
        && ctx.at_start(seg, span.start)
        && c.strength == 4
        && ctx.seen_lower(span.start)
}

/// What the words around an unknown name, and its own words, say it is.
struct Cues {
    /// "Smith said"; "», ha detto Zawahiri": the subject of a speech verb.
    speaks: bool,
    /// "Shell has signed a deal": the subject of a verb of signing (a party of any kind).
    signs: bool,
    /// "in Senigallia", "la città di Senigallia".
    locative: bool,
    /// "al Quirinale", "à l'Élysée", "at the White House": after a word of place, maybe with an
    /// article.
    at_place: bool,
    /// "la Juventus", "the Bundestag": after an article.
    article: bool,
    /// "Interfax news agency": an organization noun right after.
    org_after: bool,
    /// "il quotidiano La Stampa": a kind of organization right before.
    org_before: bool,
    /// "la sorella Isabella", "la moglie di Obama", "Governo Letta".
    person_before: bool,
    /// "Smith, a spokesman for": a person noun or a title in apposition.
    person_after: bool,
    /// "l'uragano Ike", "il singolo Night Fever": a storm or a work.
    thing_before: bool,
    /// "il presidente del CIS", "CEO of Acme": what a title is of.
    title_of: bool,
    /// "Dynamo Moscow", "Air France": a place inside a longer name.
    place_inside: bool,
    /// "P. Simmons", "J. K. Rowling": initials, then a name.
    initialled: bool,
    /// "die Hauptstadt Brasilia", "Insel Margarita": a noun whose head is a place word right
    /// before (German compounds).
    place_noun_before: bool,
    /// Two to four capitalized words never seen in lower case: a person's name, if nothing else.
    name_like: bool,
}

impl Cues {
    fn read(ctx: &Context, seg: &Segment, span: std::ops::Range<usize>) -> Cues {
        let place_of = place_of(ctx, seg, span.start);
        let head_before = compound_head_before(ctx, seg, span.start);
        Cues {
            // ("El jefe de la cartera de Salud dijo": what a noun is of does not speak.)
            speaks: (speaks(ctx, seg, span.clone()) || meets(ctx, seg, span.clone()))
                && !particle_before(ctx, seg, span.start),
            signs: signs(ctx, seg, span.clone()) && !particle_before(ctx, seg, span.start),
            locative: place_of || locative_before(ctx, seg, span.start),
            at_place: at_before(ctx, seg, span.start),
            article: article_before(ctx, seg, span.start),
            org_after: org_noun_after(ctx, seg, span.end),
            org_before: org_kind_before(ctx, seg, span.start)
                || head_before == Some(Head::Organization),
            person_before: person_before(ctx, seg, span.clone())
                || head_before == Some(Head::Person),
            person_after: person_after(ctx, seg, span.end),
            thing_before: thing_before(ctx, seg, span.clone()),
            title_of: title_of(ctx, seg, span.start),
            place_inside: place_inside(ctx, span.clone()),
            initialled: initialled(ctx, span.clone()),
            place_noun_before: head_before == Some(Head::Place),
            name_like: name_like(ctx, seg, span),
        }
    }
}

/// What the capitalized noun right before `start` is by its head, where every noun is
/// capitalized ("Bundesstaat |Maharashtra", "Nachrichtenagentur |Associated Press"). A word that
/// also ends names of organizations is a kind only as the head of a compound ("der Stahlkonzern
/// Ruhrstahl"; not "verspricht sich der Konzern Synergieeffekte").
fn compound_head_before(ctx: &Context, seg: &Segment, start: usize) -> Option<Head> {
    let lex = ctx.doc.lex;
    before(ctx, seg, start)
        .filter(|t| lex.nouns_capitalized && t.is_word() && t.cap)
        .and_then(|t| {
            nouns::head(lex, &t.key)
                .filter(|&h| h != Head::Organization || !lex.org_cues.contains(&t.key))
        })
}

/// The token right before `start` in its segment.
fn before<'d>(ctx: &'d Context, seg: &Segment, start: usize) -> Option<&'d Token> {
    start
        .checked_sub(1)
        .filter(|&p| p >= seg.tokens.start)
        .map(|p| &ctx.doc.tokens[p])
}

/// A particle in lower case right before `start` ("di", "of").
fn particle_before(ctx: &Context, seg: &Segment, start: usize) -> bool {
    before(ctx, seg, start)
        .is_some_and(|t| t.is_word() && !t.cap && ctx.doc.lex.particles.contains(&t.key))
}

/// "Smith said"; "», ha detto Zawahiri", "\", said Smith": a speech verb after the name, or right
/// before it when the verb follows the quotation it attributes.
fn speaks(ctx: &Context, seg: &Segment, span: std::ops::Range<usize>) -> bool {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let keys_after = ctx.keys(span.end..seg.tokens.end.min(span.end + MAX_PHRASE));
    lex.speech_verbs.longest(keys_after).is_some()
        || (1..=MAX_SPEECH_WORDS).any(|n| {
            span.start > seg.tokens.start + n
                && lex
                    .speech_verbs
                    .longest(ctx.keys(span.start - n..span.start))
                    .is_some_and(|(m, _)| m == n)
                && lex
                    .source_after
                    .longest(ctx.keys(span.start - n..span.start))
                    .is_none()
                && {
                    let p = &toks[span.start - n - 1];
                    (p.kind == TokenKind::Punct && (p.key == "," || closes_quote(p.key.as_str())))
                        || inverted(ctx, seg, span.end)
                }
        })
}

/// Does a clause end right after a name that follows its verb ("In seiner Antrittsrede erklärte
/// Johnson, …", "Lo ha detto Maroni.")? Where the subject may follow the verb (German, and the
/// languages that drop it), the name is its subject.
fn inverted(ctx: &Context, seg: &Segment, end: usize) -> bool {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    (lex.verb_final || !lex.modifier_first)
        && (end >= seg.tokens.end
            || toks[end].kind == TokenKind::Punct
                && matches!(toks[end].key.as_str(), "," | "." | ":" | ";"))
}

/// "Letta ha incontrato…", "Kim visitó…": the subject of a verb of encounter right after it (or
/// after its auxiliary) is someone who acts. Not in German, where the object stands before a
/// verb that comes last.
fn meets(ctx: &Context, seg: &Segment, span: std::ops::Range<usize>) -> bool {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let end = seg.tokens.end;
    let encounter = |k: usize| {
        if k >= end {
            return false;
        }
        let keys = ctx.keys(k..end.min(k + MAX_PHRASE));
        k < end
            && toks[k].is_word()
            && !toks[k].cap
            && lex
                .meeting_words
                .longest(keys)
                .is_some_and(|(_, w)| !w.ignore && !w.event && !w.attend)
    };
    // (Not "Speaking before talks", "Nonostante l'incontro": a noun of encounter.)
    let aux =
        |k: usize| k < end && lex.speech_aux.longest(ctx.keys(k..end.min(k + 2))) == Some((1, &()));
    !lex.verb_final && (encounter(span.end) || (aux(span.end) && encounter(span.end + 1)))
}

/// "Shell has signed a $6bn deal", "Eni ha firmato un accordo": the subject of a verb of signing
/// right after it or after a list it opens (or after its auxiliary), with its instrument in the
/// same clause, is a party —
/// a person, a company or a country. Not in German, where the verb comes last.
fn signs(ctx: &Context, seg: &Segment, span: std::ops::Range<usize>) -> bool {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let end = seg.tokens.end;
    let signing = |k: usize| {
        if k >= end {
            return false;
        }
        let keys = ctx.keys(k..end.min(k + MAX_PHRASE));
        let Some((n, SignVerb::Sign | SignVerb::Agree)) = lex.sign_verbs.longest(keys) else {
            return false;
        };
        k < end
            && toks[k].is_word()
            && !toks[k].cap
            && (k + n..end.min(k + n + SIGNING_WINDOW))
                .take_while(|&j| !matches!(toks[j].key.as_str(), "," | ";" | ":" | "."))
                .any(|j| {
                    let ks = ctx.keys(j..end.min(j + MAX_PHRASE));
                    matches!(
                        lex.agreement_words.longest(ks),
                        Some((_, AgreementWord::Instrument(_)))
                    )
                })
    };
    let aux =
        |k: usize| k < end && lex.speech_aux.longest(ctx.keys(k..end.min(k + 2))) == Some((1, &()));
    // ("Acciona y la empresa italiana Webuild firmaron…": the verb after a list of names the
    // first one opens — names, articles, nationalities and nouns of a kind.)
    let mut k = span.end;
    if toks
        .get(k)
        .is_some_and(|t| lex.conjunctions.contains(&t.key))
    {
        k += 1;
        while k < end.min(span.end + SIGNING_WINDOW)
            && toks[k].is_word()
            && (toks[k].cap
                || lex.articles.contains(&toks[k].key)
                || lex.org_kinds.contains(&toks[k].key)
                || lex.nationalities.longest(&[&toks[k].key]).is_some())
        {
            k += 1;
        }
    }
    !lex.verb_final && (signing(k) || (aux(k) && signing(k + 1)))
}

/// "la città di Senigallia", "il sindaco di Tirano": a place noun and a particle before.
fn place_of(ctx: &Context, seg: &Segment, start: usize) -> bool {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    before(ctx, seg, start).is_some_and(|t| t.is_word() && lex.particles.contains(&t.key))
        && start
            .checked_sub(2)
            .filter(|&p| p >= seg.tokens.start)
            .is_some_and(|p| !toks[p].cap && lex.place_of.contains(&toks[p].key))
}

/// "in Senigallia" ("A Cesena si è registrato…": the locative may open the sentence).
fn locative_before(ctx: &Context, seg: &Segment, start: usize) -> bool {
    before(ctx, seg, start).is_some_and(|t| {
        t.is_word()
            && (!t.cap || ctx.at_start(seg, start - 1))
            && ctx.doc.lex.locatives.contains(&t.key)
    })
}

/// "al Quirinale", "à l'Élysée", "at the White House": a word of place (`meeting_links.txt`),
/// maybe with an article, right before `start`.
fn at_before(ctx: &Context, seg: &Segment, start: usize) -> bool {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let at = |k: usize| {
        toks[k].is_word()
            && matches!(
                lex.meeting_links.longest(&[&toks[k].key]),
                Some((1, Link::At))
            )
    };
    (start > seg.tokens.start && at(start - 1))
        || (start > seg.tokens.start + 1
            && lex.articles.contains(&toks[start - 1].key)
            && at(start - 2))
}

/// "la Juventus", "il PdL", "the Bundestag": people and towns take no article, organizations do.
/// (Not in German, where every noun has an article and a capital.)
fn article_before(ctx: &Context, seg: &Segment, start: usize) -> bool {
    let lex = ctx.doc.lex;
    !lex.nouns_capitalized
        && before(ctx, seg, start).is_some_and(|t| t.is_word() && lex.articles.contains(&t.key))
}

/// "Interfax news agency", "the Cofinec company": an organization noun right after.
fn org_noun_after(ctx: &Context, seg: &Segment, end: usize) -> bool {
    // ("Yesterday the government…", "Ieri il governo…": an article opens another noun phrase.)
    ctx.doc.tokens[end..seg.tokens.end]
        .iter()
        .take(2)
        .take_while(|t| t.is_word() && !t.cap && !ctx.doc.lex.articles.contains(&t.key))
        .any(|t| ctx.doc.lex.org_cues.contains(&t.key))
}

/// "il quotidiano La Stampa", "la compagnia Adam Air", "la rete televisiva Sportitalia": a kind of
/// organization right before, with at most two describing words between.
fn org_kind_before(ctx: &Context, seg: &Segment, start: usize) -> bool {
    let lex = ctx.doc.lex;
    // ("le groupe belge d'énergie Enerlux": what the kind is of, after a particle.)
    let words = |t: &&Token| {
        t.is_word()
            && !t.cap
            && !lex.is_stopword(&t.key)
            // ("A British newspaper said Margaret Thatcher…": not past a verb of speech.)
            && lex.speech_verbs.longest(&[&t.key]).is_none()
    };
    let before = &ctx.doc.tokens[seg.tokens.start.max(start.saturating_sub(5))..start];
    let near: Vec<&Token> = before.iter().rev().take_while(words).collect();
    let kind = |ts: &[&Token]| ts.iter().take(3).any(|t| lex.org_kinds.contains(&t.key));
    if kind(&near) {
        return true;
    }
    let rest = &before[..before.len() - near.len()];
    near.len() == 1
        && rest
            .last()
            .is_some_and(|t| t.is_word() && !t.cap && lex.particles.contains(&t.key))
        && kind(
            &rest[..rest.len() - 1]
                .iter()
                .rev()
                .take_while(words)
                .collect::<Vec<_>>(),
        )
}

/// A noun of `set` right before `start`, with at most two describing words between ("la sorella
/// Isabella", "il guardalinee gallese Owens"). German writes the noun itself with a capital ("ihr
/// Amtskollege Nowicki").
fn noun_before(ctx: &Context, seg: &Segment, start: usize, set: &crate::lexicon::WordSet) -> bool {
    let lex = ctx.doc.lex;
    ctx.doc.tokens[seg.tokens.start.max(start.saturating_sub(3))..start]
        .iter()
        .rev()
        .take_while(|t| {
            t.is_word()
                && (!t.cap || (lex.nouns_capitalized && set.contains(&t.key)))
                && !lex.is_stopword(&t.key)
        })
        .any(|t| set.contains(&t.key))
}

/// A person right before: a noun for a person ("la sorella Isabella"), a body named after its
/// leader ("Governo Letta"), or a relative or a body with "of" before a single word ("la moglie
/// di Obama", "il regime di Assad").
fn person_before(ctx: &Context, seg: &Segment, span: std::ops::Range<usize>) -> bool {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let of_person =
        particle_before(ctx, seg, span.start) && span.start >= seg.tokens.start + 2 && {
            let t = &toks[span.start - 2];
            t.is_word()
                && !t.cap
                && (lex.person_nouns.contains(&t.key) || lex.led_by.contains(&t.key))
        };
    noun_before(ctx, seg, span.start, &lex.person_nouns)
        || before(ctx, seg, span.start).is_some_and(|t| t.cap && lex.led_by.contains(&t.key))
        || (of_person && span.len() == 1)
        || (apposed_title_before(ctx, seg, span.start)
            && !all_caps(ctx.doc.tokens[span.start].text(ctx.doc.text())))
}

/// "el presidente brasileño, Luiz Inácio da Silva", "his daughter, Ellie": a title or a noun for
/// a person after a function word, with at most two describing words after it, then a comma,
/// right before. (Not "IBM senior vice president, Technology", "DVD player, Windows": no function
/// word before.)
fn apposed_title_before(ctx: &Context, seg: &Segment, start: usize) -> bool {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    if start < seg.tokens.start + 3 || toks[start - 1].key != "," {
        return false;
    }
    let describing = |t: &Token| {
        t.is_word()
            && (!t.cap || lex.nouns_capitalized || lex.nationalities.contains_key(&t.key))
            && !lex.is_stopword(&t.key)
    };
    let from = (seg.tokens.start..start - 1)
        .rev()
        .take(3)
        .take_while(|&k| describing(&toks[k]))
        .last();
    from.is_some_and(|from| {
        from > seg.tokens.start
            && lex.is_stopword(&toks[from - 1].key)
            && toks[from..start - 1]
                .iter()
                .any(|t| lex.titles.contains_key(&t.key) || lex.person_nouns.contains(&t.key))
    })
}

/// "Kim Jong-nam, fratellastro del leader", "Smith, a spokesman for": a person noun or a title in
/// apposition right after.
fn person_after(ctx: &Context, seg: &Segment, end: usize) -> bool {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    toks.get(end).is_some_and(|t| t.key == ",") && {
        let mut k = end + 1;
        // ("il", "a", "the"; not "by", "dalla": "…, dalla ministra X" names the agent.)
        if k < seg.tokens.end
            && toks[k].is_word()
            && lex.is_stopword(&toks[k].key)
            && !matches!(
                lex.meeting_links.longest(&[&toks[k].key]),
                Some((1, Link::By | Link::With | Link::Between))
            )
        {
            k += 1;
        }
        k < seg.tokens.end
            && toks[k].is_word()
            && !toks[k].cap
            && (lex.person_nouns.contains(&toks[k].key)
                || lex
                    .titles
                    .longest(ctx.keys(k..(k + 3).min(seg.tokens.end)))
                    .is_some())
    }
}

/// "l'uragano Ike", "il singolo Night Fever": a storm or a work, of kind other ("Uragano Sandy"
/// opening a sentence: the noun inside the run).
fn thing_before(ctx: &Context, seg: &Segment, span: std::ops::Range<usize>) -> bool {
    let lex = ctx.doc.lex;
    noun_before(ctx, seg, span.start, &lex.thing_nouns)
        || (span.len() > 1 && lex.thing_nouns.contains(&ctx.doc.tokens[span.start].key))
}

/// "il presidente del CIS", "allenatore del Milan", "CEO of Acme": what a title is of (not "il
/// sindaco di Tirano", a place; "la ministra española de Transición Ecológica": a nationality may
/// follow the title).
fn title_of(ctx: &Context, seg: &Segment, start: usize) -> bool {
    start >= seg.tokens.start + 2
        && particle_before(ctx, seg, start)
        && !ctx
            .doc
            .lex
            .place_of
            .contains(&ctx.doc.tokens[start - 2].key)
        && {
            let e = before_nationality(ctx, seg, start - 1);
            title_ends(ctx, seg, e, e)
        }
}

/// A country or place inside a longer name: "Dynamo Moscow", "Paulo Teixeira Lima".
fn place_inside(ctx: &Context, span: std::ops::Range<usize>) -> bool {
    (span.start..span.end)
        .any(|s| (s + 1..=span.end).any(|e| (s, e) != (span.start, span.end) && ctx.is_place(s..e)))
}

/// "P. Simmons", "J. K. Rowling": initials, then a name.
fn initialled(ctx: &Context, span: std::ops::Range<usize>) -> bool {
    let text = ctx.doc.text();
    let words = &ctx.doc.tokens[span];
    is_initial(&words[0], text)
        && words.get(1).is_some_and(|t| t.key == ".")
        && words
            .last()
            .is_some_and(|t| t.is_word() && t.text(text).chars().count() > 1)
}

/// Two to four capitalized words, none seen in lower case, no function word (of this language, or
/// of English in other languages' text); in German, where nouns are capitalized too, only with a
/// first name.
fn name_like(ctx: &Context, seg: &Segment, span: std::ops::Range<usize>) -> bool {
    let lex = ctx.doc.lex;
    let text = ctx.doc.text();
    let words = &ctx.doc.tokens[span.clone()];
    span.len() > 1
        && span.len() <= 4
        && span.clone().all(|k| {
            let t = &ctx.doc.tokens[k];
            t.is_word()
                && t.cap
                && !all_caps(t.text(text))
                && !ctx.seen_lower(k)
                && !lex.is_stopword(&t.key)
                && (lex.code == "en" || !crate::lexicon::english_stopword(&t.key))
        })
        && (!lex.nouns_capitalized
            || lex.first_names.contains(&words[0].key)
            || german_name_like(ctx, seg, span))
}

/// The kind of an unknown name and how sure it is, from its cues, strongest first.
fn kind_from_cues(
    ctx: &Context,
    span: std::ops::Range<usize>,
    cues: &Cues,
    titled: bool,
) -> (EntityKind, u8) {
    let doc = ctx.doc;
    let lex = doc.lex;
    let toks = &doc.tokens;
    let words = &toks[span.clone()];
    let first = &words[0];
    let single = span.len() == 1;
    let text = first.text(doc.text());
    if cues.thing_before {
        (EntityKind::Other, 2)
    } else if words
        .iter()
        .any(|t| t.cap && lex.event_cues.contains(&t.key))
    {
        // "Palio di Siena", "Champions League": an event or a prize.
        (EntityKind::Other, 3)
    } else if words.iter().enumerate().any(|(k, t)| {
        // (Another language's cue is none as a first name of this one, before a surname: "Marina
        // Silva" in Spanish.)
        lex.org_cues.contains(&t.key)
            || (t.cap
                && crate::lexicon::any_org_cue(&t.key)
                && (k > 0 || single || !lex.first_names.contains(&t.key)))
            || (lex.nouns_capitalized && !single && nouns::org_compound(lex, &t.key))
    }) {
        (EntityKind::Organization, 3)
    } else if titled && !opens_with_place_word(lex, words) {
        // A title right before ("el primer ministro portugués António Costa").
        (EntityKind::Person, 3)
    } else if !single
        && words.iter().enumerate().any(|(k, t)| {
            // "Monte Bianco", "Wall Street"; but "Mario Monti" is a person. (Or, in German, a
            // place word right before: "Hauptstadt Brasilia".)
            lex.place_cues.contains(&t.key) && (k == 0 || !lex.first_names.contains(&first.key))
        })
        || cues.place_noun_before
    {
        (EntityKind::Place, 3)
    } else if (cues.person_before || (cues.person_after && !cues.at_place))
        && (!cues.place_inside || (!single && !ctx.is_place(span.start..span.start + 1)))
    {
        // ("al Quirinale, il presidente X": after a word of place, what follows the comma is
        // someone else. "the prime minister, Luís Montenegro": a surname that is also a place.)
        (EntityKind::Person, 2)
    } else if cues.org_before || cues.title_of {
        (EntityKind::Organization, 2)
    } else if (lex.first_names.contains(&first.key)
        || (!single && lex.given_names.contains(&first.key))
        || cues.initialled)
        && (!cues.place_inside
            || (!single
                && (!ctx.is_place(span.start..span.start + 1)
                    || !place_inside(ctx, span.start + 1..span.end))))
    {
        // ("Paulo Teixeira Lima": a first name, then a surname that is also a place; "Santiago
        // Cafiero": a first name that is also a place, then a surname that is none.)
        (EntityKind::Person, 2)
    } else if cues.org_after {
        (EntityKind::Organization, 2)
    } else if cues.place_inside {
        // "Dynamo Moscow", "Air France": a name built on a place is a team or a company.
        (EntityKind::Organization, 1)
    } else if cues.locative
        && !lex.nouns_capitalized
        && (single || cues.name_like || compound_name(ctx, span.clone()))
    {
        (EntityKind::Place, 1)
    } else if (single && all_caps(text) && text.chars().count() <= 6)
        || is_dotted_acronym(&doc.text()[first.range.start..toks[span.end - 1].range.end])
        || (cues.article && ((single && !ctx.seen_lower(span.start)) || cues.name_like))
    {
        // An acronym; or a name after an article.
        (EntityKind::Organization, 1)
    } else if cues.name_like || cues.speaks {
        // Unknown words as the subject of a speech verb: "Putin ha detto", "Smith said".
        (EntityKind::Person, 1)
    } else {
        (EntityKind::Other, 0)
    }
}

/// "alle 08:32 UTC", "at 1400 GMT": capitals right after a time, with no better cue, are a time
/// zone.
fn time_zone(ctx: &Context, seg: &Segment, span: std::ops::Range<usize>, strength: u8) -> bool {
    let toks = &ctx.doc.tokens;
    let after_number = toks[seg.tokens.start..span.start]
        .iter()
        .rev()
        .find(|t| t.key != "(")
        .is_some_and(|t| t.kind == TokenKind::Number);
    span.len() == 1
        && all_caps(toks[span.start].text(ctx.doc.text()))
        && after_number
        && strength <= 1
}

/// Two to six capitals ("GDL", "KPMG"), in a word no longer than an acronym.
fn acronym(text: &str) -> bool {
    let n = text.chars().count();
    (2..=6).contains(&n) && all_caps(text)
}

/// A lone capitalized word with weak evidence that the text shows is a common word: it opens the
/// sentence and is written in lower case elsewhere, or never capitalized away from a sentence
/// start (unless it speaks or signs); or, with no evidence at all, it is written in lower case elsewhere or
/// is the first part of a compound adjective ("Left-wing").
fn common_word(
    ctx: &Context,
    seg: &Segment,
    span: std::ops::Range<usize>,
    c: &Candidate,
    speaks: bool,
) -> bool {
    let toks = &ctx.doc.tokens;
    let single = span.len() == 1;
    // ("a Left-wing government": a word glued by a hyphen to a word in lower case.)
    let compound = toks
        .get(span.end)
        .is_some_and(|h| h.key == "-" && !h.space_before)
        && toks
            .get(span.end + 1)
            .is_some_and(|w| w.is_word() && !w.cap && !w.space_before);
    // ("GDL und Bahn…", "KPX and Renault…": a word in capitals opening the sentence is an
    // acronym, not a common word capitalized, when running text follows it, not a label: "NOTE
    // -", "ISSUER :", "IRVINE, Calif.")
    let text = ctx.doc.text();
    let running = toks
        .get(span.end)
        .is_some_and(|t| t.is_word() && !all_caps(t.text(text)));
    let opening_acronym = acronym(toks[span.start].text(text)) && !seg.caps && running;
    (single && c.strength == 0 && compound)
        || (single
            && ctx.at_start(seg, span.start)
            && c.strength <= 1
            && !opening_acronym
            && (ctx.seen_lower(span.start) || (!ctx.seen_cap_mid(span.start) && !speaks)))
        || (single && c.strength == 0 && ctx.seen_lower(span.start))
}

/// The rest of an organization's name after it: a nationality ("Dipartimento di Stato
/// americano", "Parlamento italiano": the country, and part of the name), adjectives after an
/// organization noun ("Commissione europea", "Corte costituzionale"), a noun in lower case after a
/// particle ("Consiglio dei ministri", "Agence régionale de santé": the press writes the rest of
/// the name in lower case). The gazetteers may know the name with its rest ("Union européenne").
fn organization_tail(
    ctx: &Context,
    seg: &Segment,
    name_start: usize,
    span: std::ops::Range<usize>,
    c: &mut Candidate,
) {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let first = &toks[name_start];
    if span.end >= seg.tokens.end || toks[span.end].cap {
        return;
    }
    if let Some((_, iso)) = lex.nationalities.longest(&[&toks[span.end].key]) {
        c.country = Some(lex.country_name(iso));
        c.tokens.end = span.end + 1;
    } else if lex.org_cues.contains(&first.key) && span.len() <= 2 {
        let mut end = span.end;
        while end < seg.tokens.end && end < span.end + 2 && is_org_adjective(lex, &toks[end]) {
            end += 1;
        }
        let noun = |k: usize| {
            toks.get(k).is_some_and(|t| {
                k < seg.tokens.end
                    && t.is_word()
                    && !t.cap
                    && t.key.chars().count() >= 4
                    && !lex.is_stopword(&t.key)
                    && !lex.particles.contains(&t.key)
                    && lex.weekdays.longest(&[&t.key]).is_none()
                    && lex.months.longest(&[&t.key]).is_none()
            })
        };
        if first.cap
            && (c.key.is_none() || end > span.end)
            && toks
                .get(end)
                .is_some_and(|t| end < seg.tokens.end && lex.particles.contains(&t.key))
            && noun(end + 1)
        {
            end += 2;
            if end < seg.tokens.end && is_org_adjective(lex, &toks[end]) {
                end += 1;
            }
        }
        if end > span.end {
            c.tokens.end = end;
            c.key = None;
        }
    }
    if c.tokens.end > span.end {
        if let Some(known) =
            classify_whole(ctx.doc, c.tokens.clone()).filter(|k| k.kind == EntityKind::Organization)
        {
            c.key = known.key;
            c.strength = c.strength.max(known.strength);
        }
    }
}

/// A gazetteer lookup of a whole run: organization, country or place.
pub(super) fn classify_whole(doc: &Document, span: std::ops::Range<usize>) -> Option<Candidate> {
    let lex = doc.lex;
    let toks = &doc.tokens;
    // The tokens' keys: each knows its word number, so that a lookup hashes none.
    let keys = &toks[span.clone()];
    let written = doc.slice(Range {
        start: toks[span.start].range.start,
        end: toks[span.end - 1].range.end,
    });
    let base = Candidate {
        tokens: span.clone(),
        sentence: None,
        kind: EntityKind::Other,
        strength: 4,
        key: None,
        role: None,
        country: None,
    };
    // ("Volkswagen AG", "Pirelli SpA": a known company with its legal form, a short organization
    // word not written as a common noun is, as "U.N. Council" is not.)
    let legal_form = |t: &Token| {
        let w = t.text(doc.text());
        lex.org_cues.contains(&t.key)
            && (w.chars().count() <= 3 || w.chars().skip(1).any(char::is_uppercase))
    };
    let without_cue = (span.len() > 1 && legal_form(&toks[span.end - 1])).then(|| {
        doc.slice(Range {
            start: toks[span.start].range.start,
            end: toks[span.end - 2].range.end,
        })
    });
    if let Some(id) = lex
        .organizations
        .get(written)
        .or_else(|| without_cue.and_then(|w| lex.organizations.get(w)))
    {
        return Some(Candidate {
            kind: EntityKind::Organization,
            key: Some(format!("o:{id}")),
            ..base
        });
    }
    // ("Venezuelas", "Russlands": a country or place in the German genitive.)
    let stem = keys
        .last()
        .and_then(|k| nouns::genitive_stem(lex, &k.key))
        .map(|s| {
            keys[..keys.len() - 1]
                .iter()
                .map(|k| k.key.as_str())
                .chain([s])
                .collect::<Vec<&str>>()
        });
    let (mut country, mut place) = (lex.countries.longest(keys), lex.places.longest(keys));
    let stem = stem.filter(|_| country.is_none() && place.is_none());
    if let Some(s) = &stem {
        (country, place) = (lex.countries.longest(s), lex.places.longest(s));
    }
    if let Some((n, iso)) = country {
        if n == keys.len() {
            return Some(Candidate {
                kind: EntityKind::Country,
                key: Some(format!("c:{iso}")),
                ..base
            });
        }
    }
    if let Some((n, iso)) = place {
        if n == keys.len() {
            let joined = match &stem {
                Some(s) => s.join(" "),
                None => super::candidates::join_keys(keys),
            };
            return Some(Candidate {
                kind: EntityKind::Place,
                key: Some(format!("p:{joined}")),
                // "-": a region of several countries ("Europa", "Sud-est asiatico").
                country: (iso != "-").then(|| lex.country_name(iso)),
                ..base
            });
        }
    }
    None
}

/// A name of several words joined by hyphens, apostrophes or small words, capitalized at both
/// ends: "Forte dei Marmi", "Saint-Vincent", "Castelnuovo del Garda".
fn compound_name(ctx: &Context, span: std::ops::Range<usize>) -> bool {
    let toks = &ctx.doc.tokens[span];
    toks.len() > 1
        && toks.first().is_some_and(|t| t.is_word() && t.cap)
        && toks.last().is_some_and(|t| t.is_word() && t.cap)
        && toks.iter().all(|t| {
            (t.is_word() && (t.cap || ctx.doc.lex.is_stopword(&t.key)))
                || matches!(t.key.as_str(), "-" | "'" | "\u{2019}")
        })
}

/// In German, where nouns are capitalized too: do capitalized words without a first name look
/// like a name rather than nouns? No word is a noun ("Staaten Atomwaffen"), none ends like a
/// plural noun ("Fußballspielen").
fn german_name_like(ctx: &Context, seg: &Segment, span: std::ops::Range<usize>) -> bool {
    let toks = &ctx.doc.tokens;
    span.clone().all(|k| {
        !nouns::is_noun(ctx, seg, k)
            && (!toks[k].key.ends_with("en") || ctx.doc.lex.given_names.contains(&toks[k].key))
    })
}

/// Does a name open with a place word ("Monte Bianco", "Piazza Venezia")?
fn opens_with_place_word(lex: &crate::lexicon::Lexicon, words: &[Token]) -> bool {
    words.len() > 1 && lex.place_cues.contains(&words[0].key)
}

/// Does a title of one to three words before token `a` run to token `b` ("il ministro
/// dell'|Economia|", "segretario di |Stato|"; with `a == b`, a title that ends right at `a`)?
fn title_ends(ctx: &Context, seg: &Segment, a: usize, b: usize) -> bool {
    (1..=3).any(|n| {
        a >= seg.tokens.start + n
            && ctx
                .doc
                .lex
                .titles
                .longest(ctx.keys(a - n..b))
                .is_some_and(|(m, _)| m == n + (b - a))
    })
}

/// Where a title ends before token `e`: before a nationality right there, if there is one
/// ("la ministra española de …").
fn before_nationality(ctx: &Context, seg: &Segment, e: usize) -> usize {
    let toks = &ctx.doc.tokens;
    let national = e > seg.tokens.start
        && ctx
            .doc
            .lex
            .nationalities
            .longest(&[&toks[e - 1].key])
            .is_some();
    if national {
        e - 1
    } else {
        e
    }
}

/// Capitals with a full stop after each, three or more: "W.W.F.", "T.A.R." (organizations).
fn is_dotted_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && s.chars().all(|c| c.is_uppercase() || c == '.')
        && s.split('.').all(|p| p.chars().count() <= 1)
}

/// A lower-case adjective that can follow an organization noun: long enough, with an adjective
/// ending, and no function word.
fn is_org_adjective(lex: &crate::lexicon::Lexicon, t: &Token) -> bool {
    t.is_word() && !t.cap && adjective_like(lex, &t.key)
}

/// A word long enough, with an adjective ending, and no function word.
pub(super) fn adjective_like(lex: &crate::lexicon::Lexicon, key: &str) -> bool {
    key.chars().count() >= 6
        && !lex.is_stopword(key)
        && lex
            .adjective_endings
            .iter()
            .any(|e| key.ends_with(e.as_str()))
}

/// A name widened by the lower-case place words around it that belong to it (`place_affixes`).
fn place_words_around(
    ctx: &Context,
    seg: &Segment,
    span: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let lower = |i: usize| toks[i].is_word() && !toks[i].cap;
    let mut start = span.start;
    let mut end = span.end;
    // Before: "via Roma", "provincia di Milano", "stretto di Gibilterra".
    if start > seg.tokens.start && lower(start - 1) {
        if lex.place_prefixes.contains(&toks[start - 1].key) {
            start -= 1;
        } else if start >= seg.tokens.start + 2
            && lex.particles.contains(&toks[start - 1].key)
            && lower(start - 2)
            && lex.place_prefixes.contains(&toks[start - 2].key)
        {
            start -= 2;
        }
    }
    // After: "Italia settentrionale", "Cina orientale".
    if end < seg.tokens.end && lower(end) && lex.place_suffixes.contains(&toks[end].key) {
        end += 1;
    }
    ((start, end) != (span.start, span.end)).then_some(start..end)
}

/// Names joined by "and" or a comma are of one kind: "Essex, Derbyshire and Surrey", "Caruso e
/// Materazzi". An untyped name takes the kind of a typed neighbour, weakly.
fn coordinate(doc: &Document, cands: &mut [Candidate]) {
    let lex = doc.lex;
    let toks = &doc.tokens;
    let mut order: Vec<usize> = (0..cands.len()).collect();
    crate::sort::by_key(&mut order, |&i| cands[i].tokens.start);
    let joined = |a: &Candidate, b: &Candidate| {
        a.sentence == b.sentence
            && b.tokens.start == a.tokens.end + 1
            && toks
                .get(a.tokens.end)
                .is_some_and(|t| t.key == "," || lex.conjunctions.contains(&t.key))
    };
    // Two sweeps, forward and back, so a kind runs along a list.
    for pass in 0..2 {
        for w in 0..order.len().saturating_sub(1) {
            let (x, y) = if pass == 0 {
                (order[w], order[w + 1])
            } else {
                let n = order.len();
                (order[n - 1 - w], order[n - 2 - w])
            };
            let (a, b) = if pass == 0 { (x, y) } else { (y, x) };
            if !joined(&cands[a], &cands[b]) {
                continue;
            }
            let (from, to) = (x, y);
            if cands[to].strength == 0
                && cands[to].kind == EntityKind::Other
                && cands[from].strength >= 1
                && cands[from].kind != EntityKind::Other
            {
                cands[to].kind = match cands[from].kind {
                    EntityKind::Country => EntityKind::Place,
                    k => k,
                };
                cands[to].strength = 1;
            }
        }
    }
}

/// A name and its initials in brackets name an organization: "Alternativa Sociale (AS)", "il CIS
/// (Cooperazione Italiana Solidarietà)". People and places are rarely written so.
fn spelled_out(doc: &Document, cands: &mut [Candidate]) {
    let toks = &doc.tokens;
    let text = doc.text();
    let mut order: Vec<usize> = (0..cands.len()).collect();
    crate::sort::by_key(&mut order, |&i| cands[i].tokens.start);
    let span_text = |c: &Candidate| -> &str {
        text.get(toks[c.tokens.start].range.start..toks[c.tokens.end - 1].range.end)
            .unwrap_or("")
    };
    let weak = |c: &Candidate| c.strength <= 2 && c.role.is_none();
    for w in order.windows(2) {
        let (a, b) = (&cands[w[0]], &cands[w[1]]);
        let bracketed = b.tokens.start == a.tokens.end + 1
            && toks.get(a.tokens.end).is_some_and(|t| t.key == "(")
            && toks.get(b.tokens.end).is_some_and(|t| t.key == ")");
        if !bracketed || !weak(a) || !weak(b) {
            continue;
        }
        let (long, short) = if a.tokens.len() > 1 {
            (span_text(a), span_text(b))
        } else {
            (span_text(b), span_text(a))
        };
        let letters: String = short.chars().filter(|c| c.is_uppercase()).collect();
        if short.contains(' ') || letters.chars().count() < 2 || initials(long) != letters {
            continue;
        }
        for &i in w {
            cands[i].kind = EntityKind::Organization;
            cands[i].strength = 2;
        }
    }
}

/// A city or region that plays is a team, an organization: "Leicestershire beat Somerset",
/// "Pohang 2 Ulsan 1", "NEW YORK 74 58". A country stays a country (a national side is the
/// nation). The evidence outranks the gazetteer, and merging types every mention of the name.
fn teams(ctx: &Context, segs: &[Segment], cands: &mut [Candidate]) {
    let doc = ctx.doc;
    let lex = doc.lex;
    let toks = &doc.tokens;
    let text = doc.text();
    for c in cands.iter_mut() {
        if c.kind != EntityKind::Place && c.kind != EntityKind::Other {
            continue;
        }
        let i = segs.partition_point(|s| s.tokens.end <= c.tokens.start);
        let Some(seg) = segs.get(i).filter(|s| s.tokens.contains(&c.tokens.start)) else {
            continue;
        };
        let after = ctx.keys(c.tokens.end..seg.tokens.end.min(c.tokens.end + MAX_PHRASE));
        let before =
            ctx.keys(seg.tokens.start.max(c.tokens.start.saturating_sub(3))..c.tokens.start);
        let verb_after = lex
            .team_words
            .longest(after)
            .is_some_and(|(_, before_only)| !before_only);
        let verb_before = (1..=before.len().min(3)).any(|n| {
            lex.team_words
                .longest(&before[before.len() - n..])
                .is_some_and(|(m, _)| m == n)
        });
        // A score right after the name, in a line with more numbers: a results line.
        let score = toks.get(c.tokens.end).is_some_and(|t| {
            c.tokens.end < seg.tokens.end
                && t.kind == TokenKind::Number
                && t.space_before
                && t.text(text).len() <= 3
        }) && toks[seg.tokens.clone()]
            .iter()
            .filter(|t| t.kind == TokenKind::Number)
            .nth(1)
            .is_some()
            && !before.last().is_some_and(|k| lex.locatives.contains(k));
        if verb_after || verb_before || score {
            // An unknown name there is only weakly a team: it may be a player's.
            c.strength = if c.kind == EntityKind::Place { 5 } else { 1 };
            c.kind = EntityKind::Organization;
        }
    }
}
