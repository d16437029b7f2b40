//! Nouns in a language that capitalizes every noun (German): there a capital says nothing, so a
//! capitalized word is a common noun, not a name, when the words around it or its own shape show
//! it — right after a determiner or an inflected adjective ("der Konzern", "einer regionalen
//! Bank"), written after a determiner elsewhere in the text, with a noun ending ("Wichtigkeit"),
//! or a compound whose head is a title, a noun for a person, a place or a thing
//! ("Energieminister", "Bundesligaschiedsrichter", "Hauptstadt"). A name in the genitive is read
//! without its "s" ("Venezuelas", "Hoyzers Restschuld").

// A fast hash: keys are words of the text, never a security boundary.
use rustc_hash::FxHashSet as HashSet;

use super::{all_caps, Context, Segment};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::segment::Token;

/// Endings of German nouns (derivational suffixes).
const NOUN_ENDINGS: [&str; 12] = [
    "ung", "heit", "keit", "schaft", "tion", "tät", "nis", "ismus", "ium", "ungen", "lich", "ik",
];

/// The shortest head of a compound that is read, and the shortest word before it.
const MIN_HEAD: usize = 4;
const MIN_MODIFIER: usize = 3;

/// What the head of a compound noun says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Head {
    /// A title ("Energieminister"): the role of the name after it.
    Title,
    /// A noun for a person ("Stellvertreter"): a person's name may follow.
    Person,
    /// A place word ("Hauptstadt", "Amazonasbecken"): a place's name may follow.
    Place,
    /// A kind of organization ("Nachrichtenagentur", "Automobilhersteller"): an organization's
    /// name may follow.
    Organization,
    /// A thing, an encounter or an agreement, a unit or a currency ("Dokumentarfilm", "Gipfel",
    /// "Millionen", "Dollar").
    Thing,
}

/// The class of a word by itself or by the head of its compound: the longest head of the title,
/// person-noun, place-word and thing-noun lists that ends it.
pub(crate) fn head(lex: &Lexicon, key: &str) -> Option<Head> {
    let class = |h: &str| {
        if lex.titles.contains_key(h) {
            Some(Head::Title)
        } else if lex.person_nouns.contains(h) {
            Some(Head::Person)
        } else if lex.place_cues.contains(h) {
            Some(Head::Place)
        } else if lex.org_kinds.contains(h) {
            Some(Head::Organization)
        } else if lex.thing_nouns.contains(h)
            || lex.meeting_words.contains_key(h)
            || lex.agreement_words.contains_key(h)
            || lex.currencies.contains_key(h)
            || lex.scales.contains_key(h)
            || lex.units.contains_key(h)
        {
            Some(Head::Thing)
        } else {
            None
        }
    };
    if let Some(c) = class(key) {
        return Some(c);
    }
    key.char_indices()
        .filter(|&(i, _)| i > 0)
        .filter(|&(i, _)| {
            key[..i].chars().count() >= MIN_MODIFIER && key[i..].chars().count() >= MIN_HEAD
        })
        .find_map(|(i, _)| class(&key[i..]))
}

/// The capitalized words the text writes right after a determiner somewhere (German only).
pub(super) fn after_determiner<'d>(doc: &'d Document) -> HashSet<&'d str> {
    let lex = doc.lex;
    let mut out = HashSet::default();
    if !lex.nouns_capitalized {
        return out;
    }
    for w in doc.tokens.windows(3) {
        if w[0].is_word() && lex.articles.contains(&w[0].key) && w[1].cap {
            // ("die Deutsche Bank": a capitalized adjective opens a name.)
            if !(adjective_form(lex, &w[1].key) && w[2].cap) {
                out.insert(w[1].key.as_str());
            }
        }
    }
    out
}

/// A word with the ending of an inflected adjective ("regionalen", "iranischen").
fn adjective_form(lex: &Lexicon, key: &str) -> bool {
    key.chars().count() >= 5
        && lex
            .adjective_endings
            .iter()
            .any(|e| key.ends_with(e.as_str()))
}

/// Is token `k` a common noun rather than (part of) a name? Only in a language that capitalizes
/// every noun; never a word the gazetteers or the given names know, nor an acronym.
pub(super) fn is_noun(ctx: &Context, seg: &Segment, k: usize) -> bool {
    let lex = ctx.doc.lex;
    let toks = &ctx.doc.tokens;
    let t = &toks[k];
    if !lex.nouns_capitalized
        || !t.is_word()
        || !t.cap
        || all_caps(t.text(ctx.doc.text()))
        || known(lex, &t.key)
        || org_compound(lex, &t.key)
        || opens_place(ctx, k)
        || lex.organizations.contains_key(t.text(ctx.doc.text()))
    {
        return false;
    }
    // ("die Nordwerk AG", "die Südbau Logistik GmbH": the words before a legal form are a
    // company's name.)
    let text = ctx.doc.text();
    let legal_form = (k + 1..seg.tokens.end.min(k + 4))
        .take_while(|&j| toks[j].is_word() && toks[j].cap)
        .any(|j| {
            let w = toks[j].text(text);
            lex.org_cues.contains(&toks[j].key)
                && (w.chars().count() <= 3 || w.chars().skip(1).any(char::is_uppercase))
        });
    if legal_form {
        return false;
    }
    let before = (k > seg.tokens.start).then(|| &toks[k - 1]);
    // ("auf einfache Art": right after a determiner or an adjective even a given name is a noun.)
    let after_determiner = before.is_some_and(|b| {
        b.is_word()
            && (lex.articles.contains(&b.key) || (!b.cap && adjective_form(lex, &b.key)))
            && !(adjective_form(lex, &t.key) && toks.get(k + 1).is_some_and(|n| n.cap))
    });
    after_determiner
        || (!lex.given_names.contains(&t.key)
            && (ctx.nouns.contains(t.key.as_str())
                || NOUN_ENDINGS.iter().any(|e| t.key.ends_with(e))
                // (Not a place word: family names end so too, "Guttenberg", "Rosenberg".)
                || head(lex, &t.key).is_some_and(|h| h != Head::Place)))
}

/// A compound whose head is a place word, before a name ("Hauptstadt Brasilia").
fn place_noun(ctx: &Context, k: usize) -> bool {
    let t = &ctx.doc.tokens[k];
    ctx.doc.lex.nouns_capitalized
        && t.is_word()
        && t.cap
        && !opens_place(ctx, k)
        && !known(ctx.doc.lex, &t.key)
        && head(ctx.doc.lex, &t.key) == Some(Head::Place)
}

/// A compound with an organization word as its head ("Weltbank", "Entwicklungsbank"): the name
/// of one, where the word alone ("Bank", "Verband") is a common noun.
pub(crate) fn org_compound(lex: &Lexicon, key: &str) -> bool {
    !lex.org_cues.contains(key)
        && head(lex, key) != Some(Head::Organization)
        && key.char_indices().filter(|&(i, _)| i > 0).any(|(i, _)| {
            key[..i].chars().count() >= MIN_MODIFIER
                && key[i..].chars().count() >= MIN_HEAD
                && lex.org_cues.contains(&key[i..])
        })
}

/// Does a country or place of several words start at token `k` ("Vereinigten Königreich")?
fn opens_place(ctx: &Context, k: usize) -> bool {
    let lex = ctx.doc.lex;
    let keys = ctx.keys(k..ctx.doc.tokens.len().min(k + 5));
    lex.countries.longest(keys).is_some() || lex.places.longest(keys).is_some()
}

/// A single word the gazetteers know, as written or in the genitive.
fn known(lex: &Lexicon, key: &str) -> bool {
    known_word(lex, key) || genitive_stem(lex, key).is_some_and(|s| known_word(lex, s))
}

/// A country, place or organization of one word.
fn known_word(lex: &Lexicon, key: &str) -> bool {
    let k = [key];
    lex.countries.longest(&k).is_some_and(|(n, _)| n == 1)
        || lex.places.longest(&k).is_some_and(|(n, _)| n == 1)
}

/// A German genitive: the word without its final "s" ("Venezuelas", "Hoyzers").
pub(super) fn genitive_stem<'k>(lex: &Lexicon, key: &'k str) -> Option<&'k str> {
    (lex.nouns_capitalized && key.chars().count() > 3)
        .then(|| key.strip_suffix('s'))
        .flatten()
}

/// The names of a German run without the nouns around them: nouns before a name ("Hauptstadt
/// Brasilia", "Kritik Venezuelas"), after it ("Konzern Synergieeffekte"), and the run cut after a
/// name in the genitive ("Barack Obamas | Wunsch", "Venezuelas | Energieminister Rafael Ramirez").
/// Each piece comes with the last noun before it, if any.
pub(super) fn pieces(
    ctx: &Context,
    seg: &Segment,
    span: std::ops::Range<usize>,
) -> Vec<(std::ops::Range<usize>, Option<usize>)> {
    let toks = &ctx.doc.tokens;
    let lex = ctx.doc.lex;
    // Cut after a name in the genitive, and around the hyphen of a compound whose head is a noun
    // ("OPEC-Mitglied Venezuela": "OPEC", then the noun, then "Venezuela").
    let mut cuts: Vec<usize> = Vec::new();
    // (Not in a name of words joined by hyphens that ends with an organization's word:
    // "Fünf-Sterne-Bewegung", "Tea-Party-Bewegung".)
    let org_name = span.len() >= 3
        && lex.org_cues.contains(&toks[span.end - 1].key)
        && toks[span.start + 1..span.end]
            .iter()
            .all(|t| !t.space_before)
        && toks[span.clone()]
            .iter()
            .skip(1)
            .step_by(2)
            .all(|t| t.key == "-");
    if org_name {
        return vec![(span, None)];
    }
    for g in span.start..span.end.saturating_sub(1) {
        let compound = toks[g + 1].key == "-"
            && g + 2 < span.end
            && (is_noun(ctx, seg, g + 2) || org_compound(lex, &toks[g + 2].key));
        if genitive_of_name(ctx, &toks[g]) || compound {
            cuts.push(g + 1);
        }
    }
    cuts.push(span.end);
    let lower = |k: usize| (toks[k].is_word() && !toks[k].cap) || toks[k].key == "-";
    let mut out = Vec::new();
    let mut start = span.start;
    for cut in cuts {
        let mut a = start;
        let mut end = cut;
        let mut noun = None;
        // (A place word or an organization word in a compound before a name: "Hauptstadt
        // Brasilia", "Weltraumbehörde NASA".)
        // ("Bank of America": not a noun that a particle ties to the name after it.)
        let particle = |k: usize| {
            toks.get(k).is_some_and(|p| {
                !p.cap && (lex.particles.contains(&p.key) || lex.org_particles.contains(&p.key))
            })
        };
        // ("einer regionalen Bank für Südamerika": after an adjective in lower case it is a
        // noun all the same.)
        let described = |a: usize| {
            a > seg.tokens.start && {
                let b = &toks[a - 1];
                b.is_word() && !b.cap && adjective_form(lex, &b.key)
            }
        };
        let heads_name = |a: usize| a + 1 < end && particle(a + 1) && !described(a);
        while a < end
            && (lower(a)
                || (!heads_name(a)
                    && (is_noun(ctx, seg, a)
                        || ((place_noun(ctx, a) || org_compound(lex, &toks[a].key))
                            && a + 1 < end))))
        {
            if !lower(a) {
                noun = Some(a);
            }
            a += 1;
        }
        // ("Ban Ki-moon": not the syllable of a hyphenated name.)
        let syllable = |k: usize| k >= 1 && toks[k - 1].key == "-" && toks[k].is_word();
        // (Nor the noun a particle ties to the name: "Bundesamt für Migration".)
        while end > a
            && ((is_noun(ctx, seg, end - 1) && !(end >= 2 && particle(end - 2)))
                || (lower(end - 1) && !syllable(end - 1)))
        {
            end -= 1;
        }
        if a < end {
            out.push((a..end, noun));
        }
        start = cut;
    }
    out
}

/// A word in the genitive of a name the text or the gazetteers know ("Hoyzers" of "Robert
/// Hoyzer", "Venezuelas").
fn genitive_of_name(ctx: &Context, t: &Token) -> bool {
    let lex = ctx.doc.lex;
    !lex.given_names.contains(&t.key)
        && genitive_stem(lex, &t.key)
            .is_some_and(|s| ctx.surnames.contains(s) || known_word(lex, s))
}
