//! Candidates: the capitalized runs of each sentence and heading, cut into names. A run loses the
//! articles, weekdays, titles and nationality words at its edges (titles and nationalities are
//! kept as the role and country of the name after them), and a run that holds two names is split
//! ("Camera dei Deputati Fausto Bertinotti", "Peter Nicol of Scotland"). All-caps headlines are
//! read only for names known from elsewhere.

// A fast hash: keys are words of the text, never a security boundary.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::nouns::{self, Head};
use super::typing::{adjective_like, classify_whole, finish};
use super::{
    all_caps, is_elision, is_initial, is_name_word, Candidate, Context, Segment, MAX_PHRASE,
};
use crate::analysis::EntityKind;
use crate::document::Document;
use crate::segment::{Token, TokenKind};

/// The longest run of capitalized words read as names ("Presidente del Consiglio dei Ministri
/// Giuseppe Conte" is 7).
const MAX_RUN: usize = 12;

/// Every candidate of the document, in the order the stages find them: the names of the
/// mixed-case text, institutions named by a common noun, then the names of all-caps segments.
pub(super) fn read(ctx: &Context, segs: &[Segment]) -> Vec<Candidate> {
    let doc = ctx.doc;
    let toks = &doc.tokens;
    let mut cands: Vec<Candidate> = Vec::new();
    for seg in segs.iter().filter(|s| s.reads_capitals()) {
        for run in name_runs(ctx, seg) {
            split_candidate(ctx, seg, run, &mut cands);
        }
    }
    // German: words with a capital and nothing else to go on are nouns ("Milliarden Euro"),
    // unless it is the surname of a person named in full ("Olaf Scholz … Scholz sagte").
    if doc.lex.nouns_capitalized {
        let surnames: HashSet<&str> = cands
            .iter()
            .filter(|c| c.kind == EntityKind::Person && c.tokens.len() >= 2)
            .map(|c| toks[c.tokens.end - 1].key.as_str())
            .collect();
        // ("GDL und Bahn haben sich verständigt": a word with no article joined by a conjunction
        // to an organization's name is one too.)
        let lex = doc.lex;
        let orgs: Vec<std::ops::Range<usize>> = cands
            .iter()
            .filter(|c| c.kind == EntityKind::Organization && c.strength > 0)
            .map(|c| c.tokens.clone())
            .collect();
        let joined = |k: usize| k < toks.len() && lex.conjunctions.contains(&toks[k].key);
        for c in cands.iter_mut() {
            let (a, b) = (c.tokens.start, c.tokens.end);
            let bare = a == 0 || !lex.articles.contains(&toks[a - 1].key);
            let beside = orgs
                .iter()
                .any(|o| (o.end + 1 == a && joined(o.end)) || (b + 1 == o.start && joined(b)));
            if c.strength == 0 && c.kind == EntityKind::Other && b - a == 1 && bare && beside {
                c.kind = EntityKind::Organization;
                c.strength = 1;
            }
        }
        cands.retain(|c| {
            let key = toks[c.tokens.start].key.as_str();
            // ("Hoyzers Restschuld": the surname in the genitive too.)
            let surname = surnames.contains(key)
                || nouns::genitive_stem(doc.lex, key).is_some_and(|s| surnames.contains(s));
            !(c.strength == 0 && c.kind == EntityKind::Other) || (c.tokens.len() == 1 && surname)
        });
    }
    institutions(ctx, segs, &mut cands);
    // Capitals say nothing in an all-caps or title-case headline: read only what is known there,
    // from the gazetteers and from the names found in the rest of the text.
    let known = KnownForms::new(doc, &cands);
    for seg in segs.iter().filter(|s| !s.reads_capitals()) {
        caps_candidates(ctx, seg, &known, &mut cands);
    }
    cands
}

/// The capitalized runs of a segment: capitalized words with the particles between them
/// ("Banca d'Italia"), initials ("J. K. Rowling", "U.S."), elisions ("O'Brien"), glued numbers
/// ("G7") and hyphens ("Kim Jong-un", but not "Russia-Ukraine").
fn name_runs(ctx: &Context, seg: &Segment) -> Vec<std::ops::Range<usize>> {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let text = ctx.doc.text();
    let end = seg.tokens.end;
    // A country or place ends right before token `k` / starts at token `k`.
    let place_ends =
        |k: usize| (k.saturating_sub(4).max(seg.tokens.start)..k).any(|s| ctx.is_place(s..k));
    let place_starts = |k: usize| {
        let keys = ctx.keys(k..end.min(k + 5));
        lex.places.longest(keys).is_some() || lex.countries.longest(keys).is_some()
    };
    // Title-case headlines capitalize every word ("Why Trump As A President Would Fail"): there a
    // capitalized small word that is no particle or article ends a name.
    let headline_word = |k: usize| {
        seg.title_case
            && toks[k].cap
            && !all_caps(toks[k].text(text))
            && (lex.is_stopword(&toks[k].key) || crate::lexicon::english_stopword(&toks[k].key))
            && !lex.first_names.contains(&toks[k].key)
            && !lex.particles.contains(&toks[k].key)
            && !lex.articles.contains(&toks[k].key)
    };
    // German marks case with its articles: after a person's given name and surname, "den" or
    // "der" opens another phrase ("hat Angela Merkel den Minister X getroffen", "hat Marko Salmi
    // den Präsidenten X getroffen": a title after the article), unless it follows a particle
    // ("Ursula von der Leyen").
    // ("in Genf von Außenministerin X": where nouns have capitals, a particle before a title
    // joins no name.)
    let title_at = |k: usize| k < end && lex.is_role(&toks[k].key);
    let case_article = |i: usize, j: usize| {
        let title_next = title_at(j + 1);
        lex.nouns_capitalized
            && lex.articles.contains(&toks[j].key)
            && !lex.particles.contains(&toks[j - 1].key)
            && ((j - i >= 2 && title_next)
                || (i..j - 1).any(|k| lex.first_names.contains(&toks[k].key)))
    };
    let mut out = Vec::new();
    let mut i = seg.tokens.start;
    while i < end {
        if !is_name_word(&toks[i]) || (headline_word(i) && !ctx.at_start(seg, i)) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < end && j - i <= MAX_RUN {
            let t = &toks[j];
            let prev = &toks[j - 1];
            // A particle in lower case: "di", "von", "al-", "de la".
            let particle = t.is_word() && !t.cap && lex.particles.contains(&t.key);
            if headline_word(j) {
                break;
            }
            if is_name_word(t) && (t.space_before || is_elision(prev)) {
                j += 1;
            } else if is_initial(t, text) && !t.space_before && prev.key == "." {
                j += 1; // the G of "A.G."
            } else if t.key == "." && !t.space_before && is_initial(prev, text) {
                j += 1; // the period of an initial stays with the name: "Davide S."
            } else if t.kind == TokenKind::Number && !t.space_before && prev.is_word() {
                j += 1; // G7
            } else if t.key == "-"
                && !t.space_before
                && j + 3 < end
                && toks[j + 1].is_word()
                && !toks[j + 1].cap
                && toks[j + 1].key.chars().count() <= 3
                && toks[j + 2].key == "-"
                && is_name_word(&toks[j + 3])
                && toks[j + 1..j + 4].iter().all(|t| !t.space_before)
            {
                j += 4; // "Ata-ur-Rehman", "Inzamam-ul-Haq"
            } else if t.key == "-" && !t.space_before && j + 1 < end && !toks[j + 1].space_before {
                let next = &toks[j + 1];
                // "Friuli-Venezia Giulia" is one place; "Russia-Ukraine" two.
                let whole_place = (i..j).any(|s| {
                    let k = ctx.keys(s..end.min(j + 4));
                    lex.places.longest(k).is_some_and(|(n, _)| s + n > j + 1)
                        || lex.countries.longest(k).is_some_and(|(n, _)| s + n > j + 1)
                });
                // "Kim Jong-un": a short lower-case syllable after a name of two words or more.
                let syllable = next.is_word()
                    && !next.cap
                    && next.key.chars().count() <= 4
                    && j >= i + 2
                    && !toks.get(j + 2).is_some_and(|t| j + 2 < end && t.key == "-");
                let joins = next.kind == TokenKind::Number
                    || syllable
                    || whole_place
                    || (is_name_word(next) && !(place_ends(j) && place_starts(j + 1)));
                if joins {
                    j += 2;
                } else {
                    break;
                }
            } else if particle
                && j + 1 < end
                && is_name_word(&toks[j + 1])
                && !case_article(i, j)
                && !(lex.nouns_capitalized && title_at(j + 1))
            {
                j += 2;
            } else if particle
                && j + 2 < end
                && toks[j + 1].is_word()
                && !toks[j + 1].cap
                && lex.particles.contains(&toks[j + 1].key)
                && is_name_word(&toks[j + 2])
                // (German capitalizes nouns: "Kilometer von der Insel" is no name.)
                && (!lex.nouns_capitalized || lex.first_names.contains(&toks[i].key))
            {
                j += 3; // "Ursula von der Leyen", "Rafael van der Vaart"
            } else if particle
                && j + 2 < end
                && toks[j + 1].key == "-"
                && !toks[j + 1].space_before
                && !toks[j + 2].space_before
                && is_name_word(&toks[j + 2])
            {
                j += 3; // "Fayez al-Sarraj"
            } else if particle
                && j + 2 < end
                && toks[j + 1].is_word()
                && !toks[j + 1].cap
                && lex.articles.contains(&toks[j + 1].key)
                && !lex.particles.contains(&toks[j + 1].key)
                && is_name_word(&toks[j + 2])
            {
                j += 3; // "Amis de la Terre", "Río de la Plata", "Bank of the West"
            } else if let Some(n) = org_preposition(ctx, i..j, end) {
                j += n; // "National League for Democracy", "Organisation for the Prohibition"
            } else {
                break;
            }
        }
        if j - i > MAX_RUN {
            // A long run of capitalized words is a title-case line or a list, not a name.
            while j < end && (is_name_word(&toks[j]) || toks[j].kind != TokenKind::Word) {
                j += 1;
            }
            i = j;
            continue;
        }
        // ("Food and Drug Administration", "Securities and Exchange Commission": a common word,
        // a conjunction and words that end with an organization word are one name.)
        let one_word = j == i + 1 || (j == i + 2 && lex.is_stopword(&toks[i].key));
        if one_word && j + 2 < end && ctx.seen_lower(j - 1) {
            let conj = toks[j].is_word() && !toks[j].cap && lex.conjunctions.contains(&toks[j].key);
            let rest = (j + 1..end.min(j + 4))
                .take_while(|&k| is_name_word(&toks[k]))
                .last();
            if let Some(last) = rest.filter(|_| conj) {
                if crate::lexicon::any_org_cue(&toks[last].key)
                    || lex.org_cues.contains(&toks[last].key)
                {
                    j = last + 1;
                }
            }
        }
        out.push(i..j);
        i = j;
    }
    out
}

/// What the words before a name say of it: a title gives the role, a nationality the country.
#[derive(Clone, Default)]
struct Label {
    role: Option<String>,
    country: Option<String>,
    /// A role before a particle, for a person after a country in the run: "il presidente degli
    /// Stati Uniti Joe Biden"; otherwise it belongs to no one ("portavoce del Dipartimento").
    held: Option<String>,
}

/// After a run with an organization word, a preposition of organizations' names, maybe an
/// article, and a capitalized word ("League | for Democracy", "Organisation | for the
/// Prohibition"): how many tokens join the run before that word's.
fn org_preposition(ctx: &Context, run: std::ops::Range<usize>, end: usize) -> Option<usize> {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let j = run.end;
    let t = toks.get(j).filter(|_| j < end)?;
    if !t.is_word() || t.cap || !lex.org_particles.contains(&t.key) {
        return None;
    }
    let org = toks[run.clone()]
        .iter()
        .any(|t| lex.org_cues.contains(&t.key) || crate::lexicon::any_org_cue(&t.key));
    let article = toks
        .get(j + 1)
        .is_some_and(|a| a.is_word() && !a.cap && lex.articles.contains(&a.key));
    let k = j + 1 + usize::from(article);
    (org && k < end && is_name_word(&toks[k])).then_some(k + 1 - j)
}

/// Cleans one capitalized run into zero or more candidates: strips articles, weekdays, months,
/// titles and nationality words (keeping them as role and country), splits a run that holds
/// two names ("Camera dei Deputati Fausto Bertinotti", "Peter Nicol of Scotland").
fn split_candidate(
    ctx: &Context,
    seg: &Segment,
    r: std::ops::Range<usize>,
    out: &mut Vec<Candidate>,
) {
    let doc = ctx.doc;
    let lex = doc.lex;
    let mut label = label_before(ctx, seg, r.start);
    let (a, pre_country) = left_edge(ctx, seg, r.clone(), &mut label, out);
    let e = right_edge(ctx, r.clone(), a);
    if let Some(pc) = pre_country {
        if let Some(c) = classify_whole(doc, pc) {
            if c.kind == EntityKind::Country {
                label.country = label.country.or_else(|| c.country.clone());
            }
            out.push(Candidate {
                sentence: seg.sentence,
                ..c
            });
        }
    }
    if a >= e {
        return;
    }
    let span = r.start + a..r.start + e;
    if !lex.nouns_capitalized {
        return names_of(ctx, seg, span, label, out);
    }
    // German: the common nouns around the names of the run, and after a name in the genitive.
    let pieces = nouns::pieces(ctx, seg, span);
    let mut country_before: Option<String> = None;
    for (i, (piece, noun)) in pieces.iter().cloned().enumerate() {
        let mut label = if i == 0 {
            label.clone()
        } else {
            Label::default()
        };
        label.country = country_before.take().or(label.country);
        // ("Energieminister Rafael Ramirez": a compound title before the name is its role.)
        if let Some(k) = noun.filter(|&k| nouns::head(lex, &doc.tokens[k].key) == Some(Head::Title))
        {
            label.role = Some(doc.tokens[k].key.to_string());
        }
        // ("US-Präsident Barack Obama", "der US-Weltraumbehörde NASA": a country that opens a
        // compound before a name is that name's country, as a nationality word would be.)
        let modifier =
            doc.tokens.get(piece.end).is_some_and(|t| t.key == "-") && i + 1 < pieces.len();
        if let Some(c) =
            classify_whole(doc, piece.clone()).filter(|c| modifier && c.kind == EntityKind::Country)
        {
            country_before = c
                .key
                .as_deref()
                .and_then(|k| k.strip_prefix("c:"))
                .map(|iso| lex.country_name(iso));
            continue;
        }
        names_of(ctx, seg, piece, label, out);
    }
}

/// The names of a cleaned run: one, or two where the run holds two.
fn names_of(
    ctx: &Context,
    seg: &Segment,
    span: std::ops::Range<usize>,
    label: Label,
    out: &mut Vec<Candidate>,
) {
    let doc = ctx.doc;
    let lex = doc.lex;
    let Label {
        role,
        country,
        held,
    } = label;
    // ("Corea del Sud", "Città del Messico": a name the gazetteers know whole is one name.)
    let known_whole = classify_whole(doc, span.clone()).is_some();
    match two_names(ctx, seg, span.clone()).filter(|_| !known_whole) {
        Some(Split {
            left,
            right,
            label_to_right: true,
        }) => {
            // The person after a country takes it: "Stati Uniti Joe Biden".
            let left_country = classify_whole(doc, left.clone())
                .filter(|c| c.kind == EntityKind::Country)
                .and_then(|c| c.key)
                .and_then(|k| k.strip_prefix("c:").map(|iso| lex.country_name(iso)));
            let role = role.or(held.filter(|_| left_country.is_some()));
            finish(ctx, seg, left, None, None, out);
            finish(ctx, seg, right, role, country.or(left_country), out);
        }
        Some(Split { left, right, .. }) => {
            finish(ctx, seg, left, role, country, out);
            finish(ctx, seg, right, None, None, out);
        }
        None => finish(ctx, seg, span, role, country, out),
    }
}

/// The cues right before a run: "il presidente vietnamita To Lam", "the Russian leader". A window
/// of words before the name is read left to right; a word that is no cue cancels the cues before
/// it, so only the ones adjacent to the name count. ("Dr. House": the period of an abbreviated
/// title is read with it.)
fn label_before(ctx: &Context, seg: &Segment, start: usize) -> Label {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let floor = seg.tokens.start;
    let mut w = start;
    while w > floor
        && start - w < 5
        && (toks[w - 1].is_word()
            || (toks[w - 1].key == "." && w - 1 > floor && toks[w - 2].is_word()))
    {
        w -= 1;
    }
    let mut label = Label::default();
    let mut p = w;
    while p < start {
        let ahead = ctx.keys(p..start);
        if let Some((n, iso)) = lex.nationalities.longest(ahead) {
            label.country = Some(lex.country_name(iso));
            p += n;
        } else if let Some((n, _)) = lex.titles.longest(ahead) {
            label.role = Some(join_keys(&ahead[..n]));
            label.held = None;
            p += n;
        } else if ahead[0].key == "." && label.role.is_some() {
            p += 1; // the period of "Dr."
        } else if lex.articles.contains(&ahead[0]) && !lex.particles.contains(&ahead[0]) {
            p += 1; // an article
        } else if lex.particles.contains(&ahead[0]) && p + 1 == start {
            label.held = label.role.take();
            label.country = None;
            p += 1;
        } else {
            label = Label::default();
            p += 1;
        }
    }
    label
}

/// Cleans the left edge of a run: articles, weekdays and months, capitalized titles and
/// nationalities (into the label). The offset where the name starts, and a country or
/// organization that stands before a title inside the run ("US President Joe Biden").
fn left_edge(
    ctx: &Context,
    seg: &Segment,
    r: std::ops::Range<usize>,
    label: &mut Label,
    out: &mut Vec<Candidate>,
) -> (usize, Option<std::ops::Range<usize>>) {
    let doc = ctx.doc;
    let lex = doc.lex;
    let toks = &doc.tokens;
    let keys = ctx.keys(r.clone());
    let b = keys.len();
    let mut a = 0;
    let mut pre_country = None;
    while a < b {
        let rest = &keys[a..b];
        // ("M. Bolsonaro" opening a sentence: the period of what was cut before.)
        if a > 0 && rest[0].key == "." {
            a += 1;
            continue;
        }
        let at_start = a == 0 && ctx.at_start(seg, r.start);
        // ("M. Le Drian" opening a sentence: an abbreviated title, not a function word.)
        if rest.get(1).is_some_and(|k| k.key == ".") && lex.titles.longest(&rest[..1]).is_some() {
            title_organization(ctx, seg, r.start + a..r.start + a + 1, out);
            label.role = Some(rest[0].key.to_string());
            a += 2;
            continue;
        }
        // ("L'Amazonie", "L'Interpol": an elided article is no part of a name the gazetteers
        // do not know with it, as "L'Aquila".)
        let elided_article = is_elision(&toks[r.start + a])
            && lex.articles.contains(&rest[0])
            && classify_whole(doc, r.start + a..r.end).is_none();
        // ("Las Palmas de Gran Canaria", "Le Havre": an article the gazetteers know with the
        // name stays, even opening the sentence.)
        let known_with_article =
            lex.articles.contains(&rest[0]) && classify_whole(doc, r.start + a..r.end).is_some();
        if ((at_start || !toks[r.start + a].cap)
            && lex.is_stopword(&rest[0])
            && !lex.countries.contains_key(&rest[0])
            && !known_with_article)
            || elided_article
        {
            a += 1;
        } else if (lex.weekdays.longest(rest).is_some() || lex.months.longest(rest).is_some())
            // ("Mar Nero": a short month name before a name is no month.)
            && !(toks[r.start + a].text(doc.text()).chars().count() <= 3
                && a + 1 < b
                && (toks[r.start + a + 1].cap
                    || (lex.particles.contains(&keys[a + 1])
                        && a + 2 < b
                        && toks[r.start + a + 2].cap)))
        {
            a += lex
                .weekdays
                .longest(rest)
                .or(lex.months.longest(rest))
                .map_or(1, |x| x.0);
        } else if let Some((n, iso)) = lex.nationalities.longest(rest) {
            // "Ucraina" is an adjective and, capitalized, a country.
            if n == rest.len()
                || lex
                    .countries
                    .longest(rest)
                    .is_some_and(|(m, _)| m == rest.len())
            {
                break; // the whole run is an adjective: `finish` drops it
            }
            label.country = Some(lex.country_name(iso));
            a += n;
        } else if lex.person_nouns.contains(&rest[0]) && rest.len() > 1 && toks[r.start + a + 1].cap
        {
            a += 1; // "Amtskollege Tomasz Nowicki", "Sorella Isabella"
        } else if let Some((n, _)) = lex.titles.longest(rest) {
            title_organization(ctx, seg, r.start + a..r.start + a + n, out);
            if n == rest.len() {
                a = b;
                break;
            }
            // ("Presidente da República", "President of the Republic": what the title is of
            // follows a particle; no one holds it here.)
            let of = keys.get(a + n).is_some_and(|k| {
                k.is_word() && !k.cap && lex.particles.contains(&k.key) && n + 1 < rest.len()
            });
            if !of {
                label.role = Some(join_keys(&keys[a..a + n]));
            }
            a += n;
            if keys.get(a).is_some_and(|k| k.key == ".") {
                a += 1; // the period of an abbreviated title: "M. Dupont", "Sr. García"
            }
        } else {
            // A country or organization before a title: "US President Joe Biden".
            let title_at = (a + 1..b).find(|&x| {
                lex.titles
                    .longest(&keys[x..b])
                    .is_some_and(|(n, _)| x + n < b)
            });
            match title_at {
                Some(x) => {
                    pre_country = Some(r.start + a..r.start + x);
                    let (n, _) = lex.titles.longest(&keys[x..b]).unwrap_or((1, &()));
                    label.role = Some(join_keys(&keys[x..x + n]));
                    a = x + n;
                }
                None => break,
            }
        }
    }
    (a, pre_country)
}

/// Cleans the right edge of a run (from offset `a`) of weekdays, months, articles, particles and
/// a dangling elision: the offset where the name ends.
fn right_edge(ctx: &Context, r: std::ops::Range<usize>, a: usize) -> usize {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let keys = ctx.keys(r.clone());
    let mut e = keys.len();
    // ("Theresa May": a month after a given name is a family name.)
    let after_given = |e: usize| e >= 2 && lex.given_names.contains(&keys[e - 2]);
    // ("Val-de-Marne Le …": a name does not end with an article.)
    while e > a
        && (lex.weekdays.longest(&keys[e - 1..e]).is_some()
            || (lex.months.longest(&keys[e - 1..e]).is_some() && !after_given(e))
            || (e - a > 1
                && lex.articles.contains(&keys[e - 1])
                && !lex.particles.contains(&keys[e - 1]))
            || (toks[r.start + e - 1].is_word()
                && !toks[r.start + e - 1].cap
                && !(e >= 2 && toks[r.start + e - 2].key == "-")))
    {
        e -= 1;
    }
    e
}

/// The organization a capitalized title names: "Repubblica" in "Presidente della Repubblica",
/// "Senato" in "Presidente del Senato".
fn title_organization(
    ctx: &Context,
    seg: &Segment,
    title: std::ops::Range<usize>,
    out: &mut Vec<Candidate>,
) {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let Some(k) = (title.start + 2..title.end).find(|&k| {
        toks[k].cap
            && lex.org_cues.contains(&toks[k].key)
            && lex.particles.contains(&toks[k - 1].key)
    }) else {
        return;
    };
    let mut c = Candidate::unknown(k..title.end);
    c.kind = EntityKind::Organization;
    c.strength = 2;
    c.sentence = seg.sentence;
    out.push(c);
}

/// A run that holds two names, cut in two.
struct Split {
    left: std::ops::Range<usize>,
    right: std::ops::Range<usize>,
    /// The cues before the run belong to the right part ("Stati Uniti Joe Biden").
    label_to_right: bool,
}

impl Split {
    fn at(span: std::ops::Range<usize>, k: usize, label_to_right: bool) -> Split {
        Split {
            left: span.start..k,
            right: k..span.end,
            label_to_right,
        }
    }
}

/// Where a run holds two names, the two parts: at a particle ("Peter Nicol of Scotland"), a
/// company and its product ("Fiat Punto"), a body and its leader ("Governo Letta"), a person and
/// an organization ("Graziano Delrio Ministero dell'Interno"), a word before a full name
/// ("Regione Veneto Luca Zaia"), two countries ("Vereinigten Königreich Großbritannien"), a
/// place before a person ("Stati Uniti Joe Biden").
fn two_names(ctx: &Context, seg: &Segment, span: std::ops::Range<usize>) -> Option<Split> {
    split_at_particle(ctx, seg, span.clone())
        .or_else(|| company_and_product(ctx, span.clone()))
        .or_else(|| body_and_leader(ctx, span.clone()))
        .or_else(|| person_then_organization(ctx, span.clone()))
        .or_else(|| before_first_name(ctx, seg, span.clone()))
        .or_else(|| two_places(ctx, span.clone()))
        .or_else(|| place_then_person(ctx, span))
}

/// An organization or place word.
fn cue(ctx: &Context, t: &Token) -> bool {
    ctx.doc.lex.org_cues.contains(&t.key) || ctx.doc.lex.place_cues.contains(&t.key)
}

/// An organization or place word of this language, or an organization word of any.
fn any_cue(ctx: &Context, t: &Token) -> bool {
    cue(ctx, t) || crate::lexicon::any_org_cue(&t.key)
}

fn first_name(ctx: &Context, t: &Token) -> bool {
    ctx.doc.lex.first_names.contains(&t.key)
}

/// At a particle: the left part is a person's full name ("Peter Nicol of Scotland", "Lant
/// Princhett della Banca Mondiale"), or the right part a place and the left part no place word
/// ("Procura di Milano", not "Lago di Garda"), or the left part a word that only opens the
/// sentence ("Fans of Dynamo Moscow"); in German, a noun and the name in the genitive after it
/// ("Angaben der Deutschen Bahn", not "von der Leyen").
fn split_at_particle(ctx: &Context, seg: &Segment, span: std::ops::Range<usize>) -> Option<Split> {
    let doc = ctx.doc;
    let lex = doc.lex;
    let toks = &doc.tokens;
    let mut first_particle = true;
    for p in span.start + 1..span.end.saturating_sub(1) {
        let t = &toks[p];
        if t.cap || !t.is_word() || !lex.particles.contains(&t.key) {
            continue;
        }
        let left = span.start..p;
        // ("de l'Union européenne": the article after the particle is neither's.)
        let article =
            toks[p + 1].is_word() && !toks[p + 1].cap && lex.articles.contains(&toks[p + 1].key);
        let right = p + 1 + usize::from(article)..span.end;
        let split = Some(Split {
            left: left.clone(),
            right: right.clone(),
            label_to_right: false,
        });
        // ("Luiz Inácio Lula da Silva", "Carlos Salinas de Gortari": after a full name, a
        // particle and a name nothing types are the rest of the family name.)
        let right_typed = classify_whole(doc, right.clone()).is_some()
            || toks[right.clone()].iter().any(|t| any_cue(ctx, t))
            || (right.len() == 1 && all_caps(toks[right.start].text(doc.text())));
        let left_person = first_particle
            && left.len() >= 2
            && first_name(ctx, &toks[left.start])
            && !toks[left.clone()].iter().any(|t| cue(ctx, t))
            && !ctx.is_place(left.clone())
            && (right_typed || !lex.family_particles.contains(&t.key));
        // "Lant Princhett della Banca Mondiale": two plain names, then an organization.
        let left_person = left_person
            || (first_particle
                && left.len() == 2
                && toks[left.clone()].iter().all(|t| t.is_word() && t.cap)
                && !toks[left.clone()].iter().any(|t| any_cue(ctx, t))
                && !ctx.is_place(left.clone())
                && classify_whole(doc, left.clone()).is_none()
                && toks[right.clone()].iter().any(|t| t.cap && any_cue(ctx, t)));
        let noun_of = lex.nouns_capitalized
            && matches!(t.key.as_str(), "der" | "des" | "dem" | "den")
            && !matches!(toks[p - 1].key.as_str(), "von" | "zu");
        if noun_of {
            return split;
        }
        let place_word = left.len() == 1 && lex.place_cues.contains(&toks[left.start].key);
        let opener = left.len() == 1
            && ctx.at_start(seg, left.start)
            && !ctx.seen_cap_mid(left.start)
            && classify_whole(doc, left.clone()).is_none()
            && !cue(ctx, &toks[left.start]);
        // ("Italia dal Canada", "Iran von Sicherheitskräften": a country or a region ends a name
        // before a particle; a town may not, "Castelnuovo del Garda"; where nouns are capitalized
        // any place does.)
        // ("Stati Uniti d'America Bill Clinton": not inside a longer known name.)
        let keys = ctx.keys(span.clone());
        let known = |n: Option<usize>| n.is_some_and(|n| span.start + n > p + 1);
        let longer_known = known(lex.countries.longest(keys).map(|x| x.0))
            || known(lex.places.longest(keys).map(|x| x.0));
        let left_country = !longer_known
            && classify_whole(doc, left.clone()).is_some_and(|c| {
                c.kind == EntityKind::Country || c.country.is_none() && c.kind == EntityKind::Place
            });
        if left_person
            || opener
            || (ctx.is_place(right.clone()) && !place_word && !ctx.is_place(left.clone()))
            || left_country
            || (lex.nouns_capitalized && ctx.is_place(left.clone()))
        {
            return split;
        }
        first_particle = false;
    }
    None
}

/// A known company and a product of it: "Fiat Punto", "WhatsApp Pay", "Iveco Europolis".
fn company_and_product(ctx: &Context, span: std::ops::Range<usize>) -> Option<Split> {
    let toks = &ctx.doc.tokens;
    (span.start + 1..span.end)
        .rev()
        .find(|&k| {
            classify_whole(ctx.doc, span.start..k)
                .is_some_and(|c| c.kind == EntityKind::Organization)
                && toks[k..span.end]
                    .iter()
                    .all(|t| (t.is_word() && t.cap) || t.kind == TokenKind::Number)
                && !toks[k..span.end]
                    .iter()
                    .any(|t| any_cue(ctx, t) || first_name(ctx, t))
        })
        .map(|k| Split::at(span, k, false))
}

/// A body and the person who leads it: "Governo Letta", "Giunta Marino" (not "Gobierno
/// Nacional", "Gobierno Andaluz": an adjective, or a word the text also writes in lower case).
fn body_and_leader(ctx: &Context, span: std::ops::Range<usize>) -> Option<Split> {
    let toks = &ctx.doc.tokens;
    let lex = ctx.doc.lex;
    (span.len() >= 2
        && toks[span.start].cap
        && lex.led_by.contains(&toks[span.start].key)
        && (span.start + 1..span.end).all(|k| {
            let t = &toks[k];
            t.is_word()
                && t.cap
                && !cue(ctx, t)
                && !adjective_like(lex, &t.key)
                && !ctx.seen_lower(k)
        }))
    .then(|| Split::at(span.clone(), span.start + 1, false))
}

/// A person's full name, then an organization: "Graziano Delrio Ministero dell'Interno".
fn person_then_organization(ctx: &Context, span: std::ops::Range<usize>) -> Option<Split> {
    let toks = &ctx.doc.tokens;
    if !first_name(ctx, &toks[span.start]) {
        return None;
    }
    let k = (span.start + 2..span.end).find(|&k| ctx.doc.lex.org_cues.contains(&toks[k].key))?;
    (!toks[span.start..k].iter().any(|t| cue(ctx, t))).then(|| Split::at(span, k, false))
}

/// Before a first name (or an initial) that opens a person's name, after words that are typed
/// otherwise: "Regione Veneto Luca Zaia", "Intanto Willy Monteiro".
fn before_first_name(ctx: &Context, seg: &Segment, span: std::ops::Range<usize>) -> Option<Split> {
    let doc = ctx.doc;
    let lex = doc.lex;
    let toks = &doc.tokens;
    let text = doc.text();
    for k in span.start + 1..span.end {
        // (Not a first name joined by a hyphen: "Hans-Walter Rossi".)
        let opens = (first_name(ctx, &toks[k]) && toks[k].space_before)
            || (is_initial(&toks[k], text)
                && toks[k].space_before
                && toks.get(k + 1).is_some_and(|t| t.key == "."));
        if !opens
            || !toks[k..span.end]
                .iter()
                .all(|t| (t.is_word() && t.cap) || t.key == ".")
        {
            continue;
        }
        let left = span.start..k;
        let opener = left.len() == 1 && ctx.at_start(seg, left.start);
        if k + 1 == span.end && !opener {
            continue; // "Intanto Willy", but not "Mario Rossi"'s last word
        }
        let typed = classify_whole(doc, left.clone()).is_some()
            || toks[left.clone()].iter().any(|t| cue(ctx, t))
            || left.len() >= 2
            || (left.len() == 1
                && (all_caps(toks[left.start].text(text))
                    || ctx.seen_lower(left.start)
                    || lex.adjectives.contains(&toks[left.start].key)
                    || opener));
        if typed && !toks[left.clone()].iter().any(|t| first_name(ctx, t)) {
            return Some(Split::at(span, k, true));
        }
    }
    None
}

/// Two countries in a row: "im Vereinigten Königreich Großbritannien".
fn two_places(ctx: &Context, span: std::ops::Range<usize>) -> Option<Split> {
    let country = |r: std::ops::Range<usize>| {
        classify_whole(ctx.doc, r).is_some_and(|c| c.kind == EntityKind::Country)
    };
    (span.start + 1..span.end)
        .find(|&k| country(span.start..k) && country(k..span.end))
        .map(|k| Split::at(span, k, false))
}

/// A country or place before a person's name: "Stati Uniti Joe Biden".
fn place_then_person(ctx: &Context, span: std::ops::Range<usize>) -> Option<Split> {
    let toks = &ctx.doc.tokens;
    if span.len() < 3 {
        return None;
    }
    (1..span.len() - 1)
        .rev()
        .find(|&n| {
            let rest = &toks[span.start + n..span.end];
            // (Not a name with an organization word: "China Construction Bank".)
            rest.len() >= 2
                && rest
                    .iter()
                    .all(|t| t.is_word() && t.cap && !any_cue(ctx, t))
                && ctx.is_place(span.start..span.start + n)
        })
        .map(|n| Split::at(span.clone(), span.start + n, true))
}

/// Institutions named by a common noun in lower case ("la polizia", "il governo russo", "i vigili
/// del fuoco"), with a nationality right after as their country.
fn institutions(ctx: &Context, segs: &[Segment], out: &mut Vec<Candidate>) {
    let doc = ctx.doc;
    let lex = doc.lex;
    let toks = &doc.tokens;
    if lex.institutions.is_empty() {
        return;
    }
    let mut taken: Vec<std::ops::Range<usize>> = out.iter().map(|c| c.tokens.clone()).collect();
    crate::sort::by_key(&mut taken, |r| r.start);
    for seg in segs.iter().filter(|s| !s.caps) {
        let mut i = seg.tokens.start;
        while i < seg.tokens.end {
            let t = &toks[i];
            let free = |r: &std::ops::Range<usize>| {
                let k = taken.partition_point(|x| x.end <= r.start);
                taken.get(k).is_none_or(|x| x.start >= r.end)
            };
            let keys = ctx.keys(i..seg.tokens.end.min(i + MAX_PHRASE));
            let Some((n, _)) = lex
                .institutions
                .longest(keys)
                .filter(|_| t.is_word() && !t.cap)
            else {
                i += 1;
                continue;
            };
            let mut end = i + n;
            let mut country = None;
            if let Some((m, iso)) = lex.nationalities.longest(&keys[n..]) {
                end += m;
                country = Some(lex.country_name(iso));
            }
            if toks[i..end].iter().all(|t| !t.cap) && free(&(i..end)) {
                out.push(Candidate {
                    tokens: i..end,
                    sentence: seg.sentence,
                    kind: EntityKind::Organization,
                    strength: 3,
                    key: None,
                    role: None,
                    country,
                });
            }
            i = end;
        }
    }
}

/// The names found in the mixed-case text, as word-key sequences, to recognize them in
/// all-caps headlines: every candidate's form, and the surname of every person.
struct KnownForms {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl KnownForms {
    fn new(doc: &Document, cands: &[Candidate]) -> KnownForms {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::default();
        let mut add = |k: Vec<String>| {
            if let Some(f) = k.first() {
                let list = by_first.entry(f.clone()).or_default();
                if !list.contains(&k) {
                    list.push(k);
                    crate::sort::by_key(list, |x| std::cmp::Reverse(x.len()));
                }
            }
        };
        for c in cands {
            let k: Vec<String> = doc.tokens[c.tokens.clone()]
                .iter()
                .map(|t| t.key.to_string())
                .collect();
            if c.kind == EntityKind::Person && k.len() >= 2 {
                if let Some(last) = k.last() {
                    add(vec![last.clone()]);
                }
            }
            add(k);
        }
        KnownForms { by_first }
    }

    /// The longest known form at the start of `keys`: its length.
    fn longest(&self, keys: &[Token]) -> Option<usize> {
        let list = self.by_first.get(keys.first()?.key.as_str())?;
        list.iter()
            .find(|k| k.len() <= keys.len() && k.iter().zip(keys).all(|(a, b)| b.key == *a))
            .map(Vec::len)
    }
}

/// Candidates of an all-caps segment or a title-case headline: gazetteer names, names known from
/// the rest of the text, and the place of a dateline ("FARMINGTON HILLS, Mich. 1996-08-30").
fn caps_candidates(ctx: &Context, seg: &Segment, known: &KnownForms, out: &mut Vec<Candidate>) {
    let doc = ctx.doc;
    let lex = doc.lex;
    let toks = &doc.tokens;
    let end = seg.tokens.end;
    let mut i = seg.tokens.start;
    let mut dateline = seg.caps && ctx.at_start(seg, i);
    while i < end {
        let t = &toks[i];
        if !t.is_word() || lex.is_stopword(&t.key) {
            i += 1;
            dateline = false;
            continue;
        }
        let keys = ctx.keys(i..end.min(i + MAX_PHRASE));
        // The longest name that starts here, from any source.
        let gaz = (1..=keys.len().min(5))
            .rev()
            .find_map(|n| classify_whole(doc, i..i + n).map(|c| (n, c)));
        let kn = known.longest(keys);
        let n = match (&gaz, kn) {
            (Some((g, _)), Some(k)) => (*g).max(k),
            (Some((g, _)), None) => *g,
            (None, Some(k)) => k,
            (None, None) => 0,
        };
        if n > 0 {
            let c = match gaz {
                Some((g, c)) if g == n => c,
                _ => Candidate::unknown(i..i + n),
            };
            out.push(Candidate {
                sentence: seg.sentence,
                ..c
            });
            i += n;
            dateline = false;
            continue;
        }
        if dateline {
            // Capital words opening a line, then a comma, a bracket or a date: a dateline.
            let mut j = i;
            while j < end && toks[j].is_word() && all_caps(toks[j].text(doc.text())) {
                j += 1;
            }
            let closes = toks.get(j).filter(|_| j < end).is_some_and(|t| {
                t.kind == TokenKind::Number || matches!(t.key.as_str(), "," | "(")
            });
            if j > i && j - i <= 3 && closes {
                out.push(Candidate {
                    tokens: i..j,
                    sentence: seg.sentence,
                    kind: EntityKind::Place,
                    strength: 1,
                    key: None,
                    role: None,
                    country: None,
                });
                i = j;
            }
            dateline = false;
            continue;
        }
        i += 1;
    }
}

/// Keys joined by spaces (a title as the label says it).
pub(super) fn join_keys(keys: &[Token]) -> String {
    let mut out = String::new();
    for (i, k) in keys.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&k.key);
    }
    out
}
