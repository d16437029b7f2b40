//! Mentions that are no names, resolved to the entities they stand for: role descriptions ("il
//! leader russo", "the Mexican president", "ce prêtre français"), personal pronouns ("he", "lei",
//! "ihn") and pairs ("the two countries", "entrambi i leader", "beide Seiten").
//!
//! Resolution checks what the words say against what is known of each candidate, and never
//! forces a reading that contradicts it: a description's nationality against a person's country,
//! its title against their role, a person against an organization; then recency (the nearest
//! sentence first) and, inside a sentence, the subject (the first named) first. A description
//! that fits nobody stays a description.

use crate::analysis::EntityKind;
use crate::document::Document;
use crate::extract::entities::Entities;
use crate::lexicon::{GroupWord, Link};
use crate::normalize::fold_key;
use crate::segment::TokenKind;

/// How many sentences back an antecedent is looked for.
const REACH: usize = 4;
/// The longest description read, in tokens ("il ministro degli Esteri russo").
const DESCRIPTION_WORDS: usize = 6;

/// What kind of words a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RefKind {
    /// A role or a person noun standing for someone: "the Mexican president".
    Description,
    /// A personal pronoun: "he", "lei", "ihn".
    Pronoun,
    /// Two named before: "the two countries", "both sides".
    Pair,
}

/// A mention that is no name, with the entities it stands for (none when unresolved).
#[derive(Clone, Debug)]
pub(crate) struct Ref {
    pub tokens: std::ops::Range<usize>,
    pub kind: RefKind,
    pub entities: Vec<usize>,
    /// The antecedent is in an earlier sentence.
    pub before: bool,
}

/// Every description, pronoun and pair of a document's sentences, in order.
pub(crate) struct Mentions {
    pub refs: Vec<Ref>,
}

/// What a description says of the one it stands for.
struct Description {
    end: usize,
    /// The name the words are the title of ("il presidente russo Vladimir Putin", "la ministra
    /// de Energía, Lucía Ferrer"): no mention of their own.
    titles: Option<usize>,
    /// The title's folded words ("president", "primo ministro"); None for a person noun.
    role: Option<String>,
    /// The country its nationality or its "of X" names.
    country: Option<String>,
    /// An "of X" names a body ("le ministre de l'Education", "il capo del Viminale"): it
    /// describes someone with that very title, not anyone.
    specific: bool,
}

impl Mentions {
    /// Finds and resolves the mentions of `doc`. Descriptions that resolve give the entity their
    /// country and role when it has none, and are kept as its aliases.
    pub fn resolve(doc: &Document, ents: &mut Entities) -> Mentions {
        let mut refs = Vec::new();
        for (si, sent) in doc.sentences.iter().enumerate() {
            let mut i = sent.tokens.start;
            while i < sent.tokens.end {
                if ents.mention_at(i).is_none() {
                    if let Some(r) = organization(doc, ents, si, i) {
                        i = r.tokens.end;
                        refs.push(r);
                        continue;
                    }
                }
                // (No pronoun, pair or description starts with a word that opens none of
                // their lists: see `pronoun`, `pair` and `description`.)
                if ents.mention_at(i).is_some() || !doc.lex.may_open_mention(doc.id(i)) {
                    i += 1;
                    continue;
                }
                if let Some(r) = pronoun(doc, ents, si, i) {
                    refs.push(r);
                    i += 1;
                    continue;
                }
                if let Some(r) = pair(doc, ents, si, i) {
                    i = r.tokens.end;
                    refs.push(r);
                    continue;
                }
                if let Some(d) = description(doc, ents, si, i) {
                    if let Some(e) = d.titles {
                        learn(doc, ents, e, None, &d);
                        i = d.end;
                        continue;
                    }
                    let entities: Vec<usize> = antecedent_of_description(doc, ents, si, i, &d)
                        .into_iter()
                        .collect();
                    if let Some(&e) = entities.first() {
                        learn(doc, ents, e, Some(i), &d);
                    }
                    let before = entities.first().is_some_and(|&e| {
                        ents.mentions_in(sent.tokens.start..i)
                            .all(|m| m.entity != e)
                    });
                    refs.push(Ref {
                        tokens: i..d.end,
                        kind: RefKind::Description,
                        entities,
                        before,
                    });
                    i = d.end;
                    continue;
                }
                i += 1;
            }
        }
        Mentions { refs }
    }

    /// The mention that starts at token `t`.
    pub fn starting_at(&self, t: usize) -> Option<&Ref> {
        let i = self.refs.partition_point(|r| r.tokens.start < t);
        self.refs.get(i).filter(|r| r.tokens.start == t)
    }
}

/// Gives a person the country and the role a description or a title of them says, and keeps a
/// description starting at `at` as an alias.
fn learn(doc: &Document, ents: &mut Entities, e: usize, at: Option<usize>, d: &Description) {
    let text = doc.text();
    let f = &mut ents.list[e];
    if let Some(c) = &d.country {
        f.country.get_or_insert_with(|| c.clone());
    }
    if let Some(role) = &d.role {
        f.role.get_or_insert_with(|| role.clone());
    }
    let Some(at) = at else {
        return;
    };
    let form = doc.tokens[at..d.end]
        .iter()
        .map(|t| t.text(text))
        .collect::<Vec<_>>()
        .join(" ");
    if !f.forms.contains(&form) {
        f.forms.push(form);
    }
}

/// A personal pronoun at `t` of sentence `si`, resolved: a person for "he"/"she" (not the subject
/// of its own clause for an object pronoun: "X met with her"), an organization or a country for
/// "it"; the plural is left alone.
fn pronoun(doc: &Document, ents: &Entities, si: usize, t: usize) -> Option<Ref> {
    let tok = &doc.tokens[t];
    if !tok.is_word() {
        return None;
    }
    let gender = *doc.lex.pronouns.get(&tok.key)?;
    if gender == 'p' {
        return None;
    }
    // A person's given name may say whether "he" or "she" can stand for them.
    let wanted = |e: usize| match gender {
        'n' => matches!(
            ents.list[e].kind,
            EntityKind::Organization | EntityKind::Country
        ),
        g => {
            ents.list[e].kind == EntityKind::Person
                && gender_of(doc, ents, e).is_none_or(|known| known == g)
        }
    };
    let start = doc.sentences[si].tokens.start;
    // An object pronoun ("met with her", "ihn empfangen") is not the subject of its sentence.
    let object = t > start && doc.tokens[t - 1].is_word() && !doc.tokens[t - 1].cap && {
        let prev = &doc.tokens[t - 1];
        !doc.lex.is_stopword(&prev.key) || matches!(prev.key.as_str(), "with" | "mit" | "con")
    };
    let here: Vec<usize> = ents
        .mentions_in(start..t)
        .map(|m| m.entity)
        .filter(|&e| wanted(e))
        .collect();
    let here = here
        .iter()
        .copied()
        .find(|&e| !(object && Some(&e) == here.first()));
    let found = here.or_else(|| first_before(doc, ents, si, wanted));
    let before = here.is_none() && found.is_some();
    Some(Ref {
        tokens: t..t + 1,
        kind: RefKind::Pronoun,
        entities: found.into_iter().collect(),
        before,
    })
}

/// "la società", "the company", "das Unternehmen": a definite article, a noun for a kind of
/// organization (`org_kinds.txt`), maybe one describing word, and no name after them — the
/// organization named last before, the first named of its sentence first.
fn organization(doc: &Document, ents: &Entities, si: usize, t: usize) -> Option<Ref> {
    let lex = doc.lex;
    let toks = &doc.tokens;
    let end = doc.sentences[si].tokens.end;
    if !toks[t].is_word() || !lex.articles.contains(&toks[t].key) || t + 1 >= end {
        return None;
    }
    // ("MTS, la società che gestisce…": an apposition to the name before it.)
    if t >= 2 && toks[t - 1].key == "," && ents.mention_at(t - 2).is_some() {
        return None;
    }
    let noun = &toks[t + 1];
    if !noun.is_word() || (noun.cap && !lex.nouns_capitalized) || !lex.org_kinds.contains(&noun.key)
    {
        return None;
    }
    let mut e = t + 2;
    // ("la società biancoverde", "the Swiss company")
    if e < end && toks[e].is_word() && !toks[e].cap && !lex.is_stopword(&toks[e].key) {
        e += 1;
    }
    // ("the company Acme", "la società Tessitura Corbetta": a name follows, no reference.)
    if toks.get(e).is_some_and(|x| x.is_word() && x.cap) || ents.mention_at(e).is_some() {
        return None;
    }
    let organization = |e: usize| ents.list[e].kind == EntityKind::Organization;
    let start = doc.sentences[si].tokens.start;
    let found = ents
        .mentions_in(start..t)
        .map(|m| m.entity)
        .find(|&e| organization(e));
    let here = found;
    let found = here.or_else(|| first_before(doc, ents, si, organization));
    let before = here.is_none() && found.is_some();
    Some(Ref {
        tokens: t..e,
        kind: RefKind::Description,
        entities: found.into_iter().collect(),
        before,
    })
}

/// The first one named that `wanted` accepts in the nearest of the `REACH` sentences before
/// sentence `si` that names one.
fn first_before(
    doc: &Document,
    ents: &Entities,
    si: usize,
    wanted: impl Fn(usize) -> bool,
) -> Option<usize> {
    (1..=REACH.min(si)).find_map(|back| {
        let r = doc.sentences[si - back].tokens.clone();
        ents.mentions_in(r)
            .find(|m| wanted(m.entity))
            .map(|m| m.entity)
    })
}

/// Whether a person is a woman (`f`) or a man (`m`), when their given name says so.
pub(crate) fn gender_of(doc: &Document, ents: &Entities, e: usize) -> Option<char> {
    let first = ents.list[e].name.split_whitespace().next()?;
    doc.lex
        .name_genders
        .get(fold_key(first).as_str())
        .copied()
        .flatten()
}

/// "the two countries", "both sides", "i due Paesi", "die beiden Staaten", "ambos gobiernos": a
/// noun of sides after "two" or "both" stands for the two actors named last (countries for a
/// noun of countries).
fn pair(doc: &Document, ents: &Entities, si: usize, t: usize) -> Option<Ref> {
    let lex = doc.lex;
    let toks = &doc.tokens;
    let end = doc.sentences[si].tokens.end;
    let keys = |a: usize| -> &[crate::token::Token] { &toks[a..end.min(a + 4)] };
    let two = match lex.number_words.longest(keys(t)) {
        Some((n, w)) if w.value == 2.0 && !w.approximate => n,
        _ => match lex.group_words.longest(keys(t)) {
            Some((n, GroupWord::Both)) => n,
            _ => return None,
        },
    };
    let mut k = t + two;
    while k < end && toks[k].is_word() && lex.articles.contains(&toks[k].key) {
        k += 1;
    }
    let (n, word) = lex.group_words.longest(keys(k))?;
    if *word == GroupWord::Both {
        return None;
    }
    // People ("the two leaders") are persons; sides ("the two countries") countries or bodies;
    // companies ("both companies") organizations. A name that owns the noun after it ("Britain's
    // largest grocer") is none of them.
    let sides = matches!(word, GroupWord::Sides | GroupWord::Body);
    let companies = *word == GroupWord::Companies;
    let wanted = |m: &crate::extract::entities::Mention| {
        let owner = toks.get(m.tokens.end).is_some_and(|x| x.key == "'s");
        !owner
            && match ents.list[m.entity].kind {
                EntityKind::Organization => sides || companies,
                EntityKind::Country => sides,
                EntityKind::Person => !sides && !companies,
                _ => false,
            }
    };
    // The two named last: this sentence first, then the ones before.
    let mut found: Vec<usize> = Vec::new();
    let mut before = false;
    for back in 0..=REACH {
        let Some(p) = si.checked_sub(back) else {
            break;
        };
        let r = doc.sentences[p].tokens.clone();
        let stop = if back == 0 { t } else { r.end };
        let names: Vec<usize> = ents
            .mentions_in(r.start..stop)
            .filter(|m| wanted(m))
            .map(|m| m.entity)
            .collect();
        for e in names.into_iter().rev() {
            if !found.contains(&e) && found.len() < 2 {
                found.push(e);
                before |= p != si;
            }
        }
        if found.len() == 2 {
            break;
        }
    }
    if found.len() < 2 {
        found.clear();
    }
    found.reverse();
    Some(Ref {
        tokens: t..k + n,
        kind: RefKind::Pair,
        entities: found,
        before,
    })
}

/// A role description at `t`: a title or a person noun with a nationality or "of X" around it
/// ("il leader russo", "the Mexican president", "la cancelliera", "le président du Brésil"), not
/// followed by the name it titles.
fn description(doc: &Document, ents: &Entities, si: usize, t: usize) -> Option<Description> {
    let lex = doc.lex;
    let toks = &doc.tokens;
    let end = doc.sentences[si].tokens.end;
    let keys = |a: usize| -> &[crate::token::Token] { &toks[a..end.min(a + DESCRIPTION_WORDS)] };
    // "a spokesman", "un alto funzionario", "a senior official": an indefinite article, maybe
    // with adjectives after it, brings someone new.
    let start = doc.sentences[si].tokens.start;
    let mut a = t;
    while a > start + 1
        && t - a < 2
        && toks[a - 1].is_word()
        && !toks[a - 1].cap
        && !lex.is_stopword(&toks[a - 1].key)
    {
        a -= 1;
    }
    if a > start && lex.is_indefinite(&toks[a - 1].key) {
        return None;
    }
    let mut k = t;
    let mut country = None;
    if let Some((n, iso)) = lex.nationalities.longest(keys(k)) {
        country = Some(lex.country_name(iso));
        k += n;
    }
    let (role, head) = match lex.titles.longest(keys(k)) {
        Some((n, _)) => (
            Some(
                keys(k)[..n]
                    .iter()
                    .map(|t| t.key.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            n,
        ),
        None if toks
            .get(k)
            .is_some_and(|x| lex.person_nouns.contains(&x.key)) =>
        {
            (None, 1)
        }
        None => return None,
    };
    // A capital inside the sentence: part of a name ("President Obama" is read with the name).
    if toks[k].cap && !doc.starts_sentence(k) && country.is_none() && k == t {
        let next_is_name = ents.mention_at(k + head).is_some();
        if next_is_name {
            return None;
        }
    }
    k += head;
    if country.is_none() {
        if let Some((n, iso)) = lex.nationalities.longest(keys(k)) {
            country = Some(lex.country_name(iso));
            k += n;
        }
    }
    // "the president of Brazil", "il presidente del Brasile".
    let mut specific = false;
    if k < end {
        if let Some((n, Link::Of)) = lex.meeting_links.longest(keys(k)).map(|(n, l)| (n, *l)) {
            let mut j = k + n;
            while j < end && toks[j].is_word() && lex.articles.contains(&toks[j].key) {
                j += 1;
            }
            // ("il presidente degli Emirati Arabi": the whole title, whatever the name is.)
            if let Some(m) = ents.mention_at(j).filter(|m| m.tokens.start == j) {
                if ents.list[m.entity].kind == EntityKind::Country {
                    country.get_or_insert_with(|| ents.list[m.entity].name.clone());
                } else {
                    specific = true;
                }
                k = m.tokens.end;
            } else if toks.get(j).is_some_and(|x| x.is_word() && x.cap) {
                // A portfolio: "el ministro marroquí de Energía", "Minister of Finance"; a
                // country after it is the title's ("el ministro de Relaciones Exteriores de
                // Argentina").
                while j < end && toks[j].is_word() && (toks[j].cap || lex.is_stopword(&toks[j].key))
                {
                    if let Some(m) = ents.mention_at(j).filter(|m| m.tokens.start == j) {
                        if ents.list[m.entity].kind == EntityKind::Country {
                            country.get_or_insert_with(|| ents.list[m.entity].name.clone());
                            j = m.tokens.end;
                            break;
                        }
                    }
                    j += 1;
                }
                specific = true;
                k = j;
            }
        }
    }
    // The title of the name right after it ("il presidente russo Vladimir Putin", "Chinese
    // counterpart Minister Li", "il presidente degli Emirati, Mohamed bin Zayed").
    let mut j = k;
    while j < end
        && ((toks[j].kind == TokenKind::Punct
            && (matches!(toks[j].key.as_str(), "," | "-")
                || (toks[j].key == "." && !toks[j].space_before)))
            || lex.titles.longest(keys(j)).is_some())
    {
        j += lex.titles.longest(keys(j)).map_or(1, |(n, _)| n);
    }
    if ents.mention_at(k).is_some() {
        return None;
    }
    if let Some(m) = ents.mention_at(j).filter(|m| m.tokens.start == j) {
        let person = ents.list[m.entity].kind == EntityKind::Person;
        return person.then(|| Description {
            end: k,
            titles: Some(m.entity),
            role: role.map(|r| fold_key(&r)),
            country,
            specific,
        });
    }
    // A bare person noun stands for someone only after a definite article ("el funcionario", "the
    // official"); "la gente", "officials" say nobody.
    let definite = t > start && lex.articles.contains(&toks[t - 1].key);
    if role.is_none() && country.is_none() && !definite {
        return None;
    }
    Some(Description {
        end: k,
        titles: None,
        role: role.map(|r| fold_key(&r)),
        country,
        specific,
    })
}

/// The person a description stands for: the name set off right before it ("Lula, the
/// Brazilian president,"), else the nearest person it fits — one whose country and role are
/// the description's, or unknown — preferring a person whose country or role it matches.
fn antecedent_of_description(
    doc: &Document,
    ents: &Entities,
    si: usize,
    t: usize,
    d: &Description,
) -> Option<usize> {
    let toks = &doc.tokens;
    let fits = |e: usize| -> Option<u8> {
        let f = &ents.list[e];
        if f.kind != EntityKind::Person {
            return None;
        }
        let mut score = 0;
        match (&d.country, &f.country) {
            (Some(a), Some(b)) if a != b => return None,
            (Some(_), Some(_)) => score += 2,
            _ => {}
        }
        // Another office is a contradiction ("le ministre" is not "le président"), unless one of
        // the titles is one any office holder is called by ("il capo", "the leader").
        let generic = d
            .role
            .as_ref()
            .is_some_and(|a| doc.lex.generic_titles.contains(a));
        let same_title = match (&d.role, &f.role) {
            (Some(a), Some(b)) => {
                let b = fold_key(b);
                // ("le ministre du Travail" is not "la Première ministre": a portfolio names one
                // office, not any that ends with its title.)
                if b == *a || (!d.specific && b.ends_with(a.as_str())) {
                    true
                } else if !generic && !doc.lex.generic_titles.contains(&b) {
                    return None;
                } else {
                    false
                }
            }
            _ => false,
        };
        if same_title {
            score += 1;
        } else if d.specific && !generic {
            return None;
        }
        Some(score)
    };
    // Apposition: "Lula, the Brazilian president, said".
    let start = doc.sentences[si].tokens.start;
    let mut a = t;
    while a > start && toks[a - 1].is_word() && doc.lex.is_stopword(&toks[a - 1].key) {
        a -= 1;
    }
    if a > start + 1 && toks[a - 1].key == "," {
        if let Some(m) = ents.mention_at(a - 2) {
            if fits(m.entity).is_some() {
                return Some(m.entity);
            }
        }
    }
    // After a verb ("ha ricevuto il presidente"), the one described is not the subject of the
    // sentence: the people named before it in this sentence are left out.
    let object = a > start && toks[a - 1].is_word() && !toks[a - 1].cap;
    // The nearest fitting person, sentence by sentence back; a better fit wins within reach.
    let mut best: Option<(u8, usize)> = None;
    for back in 0..=REACH {
        let Some(p) = si.checked_sub(back) else {
            break;
        };
        let r = doc.sentences[p].tokens.clone();
        let stop = if back == 0 { t } else { r.end };
        if back == 0 && object {
            continue;
        }
        for m in ents.mentions_in(r.start..stop) {
            if let Some(score) = fits(m.entity) {
                // Within a sentence the first named (the subject) comes first.
                if best.is_none_or(|(s, _)| score > s) {
                    best = Some((score, m.entity));
                }
            }
        }
        if best.is_some_and(|(s, _)| s >= 2) {
            break;
        }
    }
    best.map(|(_, e)| e)
}
