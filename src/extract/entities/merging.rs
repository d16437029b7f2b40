//! Merging: the candidates of one entity become one, longest names first, so that a short form
//! finds its full name ("Putin" of "Vladimir Putin", "Kim" of "Kim Jong Un"), an acronym its
//! expansion ("UE" of "Unione Europea"), a country all its names; then salience and the order of
//! the ids.

// A fast hash: keys are words of the text, never a security boundary.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::nouns::genitive_stem;
use super::{all_caps, Candidate, Entities, Found, Mention};
use crate::analysis::EntityKind;
use crate::document::Document;
use crate::segment::Range;

/// Merges candidates into entities.
pub(super) fn merge(doc: &Document, cands: Vec<Candidate>) -> Entities {
    let toks = &doc.tokens;
    let written = |r: &std::ops::Range<usize>| -> String {
        doc.original_text(Range {
            start: toks[r.start].range.start,
            end: toks[r.end - 1].range.end,
        })
    };
    let folded = |r: &std::ops::Range<usize>| -> String {
        let mut out = String::new();
        for t in &toks[r.clone()] {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&t.key);
        }
        out
    };
    // The key of a name by its words: "n:" and its folded words.
    let name_key = |fk: &str| -> String {
        let mut out = String::with_capacity(fk.len() + 2);
        out.push_str("n:");
        out.push_str(fk);
        out
    };
    let mut list: Vec<Found> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut outside: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    // Longer names first, so that short forms can find them.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    crate::sort::by_key(&mut order, |&i| {
        (
            std::cmp::Reverse(cands[i].tokens.len()),
            cands[i].tokens.start,
        )
    });
    // Indexes that keep merging linear: the folded words of each entity's forms, the entities
    // by the first and last word of their multi-word forms, organizations by their initials.
    let mut form_keys: Vec<Vec<Vec<String>>> = Vec::new();
    let mut edges: HashMap<String, Vec<usize>> = HashMap::default();
    let mut acronyms: HashMap<String, usize> = HashMap::default();
    // German: a name in the genitive ("Barack Obamas", "Hoyzers") is read as the name it is of,
    // when the text has that name.
    let last_words: HashSet<&str> = cands
        .iter()
        .filter_map(|c| toks.get(c.tokens.end.wrapping_sub(1)))
        .map(|t| t.key.as_str())
        .collect();
    for ci in order {
        let c = &cands[ci];
        let form = written(&c.tokens);
        let mut fk = folded(&c.tokens);
        if let Some(stem) = genitive_stem(doc.lex, &toks[c.tokens.end - 1].key) {
            if last_words.contains(stem) && c.key.is_none() {
                fk.truncate(fk.len() - toks[c.tokens.end - 1].key.len());
                fk.push_str(stem);
            }
        }
        let key = c.key.clone().unwrap_or_else(|| name_key(&fk));
        let mut target = by_key.get(&key).copied();
        // "Valletta" of "Giovanni Valletta": a place name that is the surname of a person named in
        // the text is that person.
        if c.tokens.len() == 1 && c.kind == EntityKind::Place && c.strength == 4 {
            if let Some(&e) = edges.get(fk.as_str()).into_iter().flatten().find(|&&e| {
                let f = &list[e];
                f.kind == EntityKind::Person
                    && f.tokens_in_name > 1
                    && form_keys[e].iter().any(|x| x.last() == Some(&fk))
            }) {
                target = Some(e);
            }
        }
        if target.is_none() && c.key.is_none() {
            // A short form of a longer name: "Putin" of "Vladimir Putin", "Kim" of "Kim Jong Un".
            let words: Vec<&str> = fk.split(' ').collect();
            // Only entities with a form that begins or ends with one of these words can match.
            let mut pool: Vec<usize> = [words.first(), words.last()]
                .into_iter()
                .flatten()
                .filter_map(|w| edges.get(*w))
                .flatten()
                .copied()
                .collect();
            crate::sort::sort(&mut pool);
            pool.dedup();
            let lex = doc.lex;
            let cue_word = words.iter().any(|w| lex.org_cues.contains(*w));
            let longer = |e: usize, matches: &dyn Fn(&EntityKind, &[&str]) -> bool| {
                let f = &list[e];
                f.tokens_in_name > words.len()
                    && form_keys[e].iter().any(|parts| {
                        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
                        parts.len() > words.len() && matches(&f.kind, &parts)
                    })
            };
            let n = words.len();
            let family = |w: &str| lex.family_particles.contains(w);
            let short_form = |kind: &EntityKind, parts: &[&str]| match kind {
                EntityKind::Person => {
                    parts[..n] == words[..]
                        || parts[parts.len() - n..] == words[..]
                        // "George Bush" of "George W. Bush", "Cristina Kirchner" of "Cristina
                        // Fernández de Kirchner": the given name and the last name.
                        || (n == 2 && parts[0] == words[0] && parts[parts.len() - 1] == words[1])
                        // "Lula" of "Luiz Inácio Lula da Silva": the first word of a family name
                        // with a particle.
                        || (n == 1
                            && parts
                                .windows(2)
                                .any(|w| w[0] == words[0] && family(w[1])))
                }
                // "Rotor" of "Rotor Volgograd", unless it is the organization word.
                EntityKind::Organization => parts[..n] == words[..] && !cue_word,
                EntityKind::Country => {
                    n == 1 && (parts[parts.len() - 1] == words[0] || parts[0] == words[0])
                }
                // "Montecitorio" of "Palazzo Montecitorio": the name after a place word, or a
                // word nothing else types.
                EntityKind::Place => {
                    n == 1
                        && parts.len() == 2
                        && parts[1] == words[0]
                        && (lex.place_cues.contains(parts[0]) || c.strength == 0)
                }
                _ => false,
            };
            target = pool.iter().copied().find(|&e| longer(e, &short_form));
            // "Lega" of "Lega Nord", "Parlamento" of "Parlamento italiano": the organization word
            // alone is the one organization of the text that it opens.
            if target.is_none() && cue_word {
                let opens = |kind: &EntityKind, parts: &[&str]| {
                    *kind == EntityKind::Organization && parts[..n] == words[..]
                };
                let found: Vec<usize> = pool
                    .iter()
                    .copied()
                    .filter(|&e| longer(e, &opens))
                    .collect();
                if let [e] = found[..] {
                    target = Some(e);
                }
            }
            // An acronym of a longer organization name: "UE" of "Unione Europea", also in title
            // case with the particles' letters: "Ue", "Cdl" of "Casa delle Libertà".
            let title_acronym = {
                let n = form.chars().count();
                (2..=5).contains(&n)
                    && form.chars().next().is_some_and(char::is_uppercase)
                    && form.chars().all(char::is_alphabetic)
                    && c.kind != EntityKind::Person
            };
            if target.is_none() && words.len() == 1 && (all_caps(&form) || title_acronym) {
                target = acronyms.get(&crate::unicode::to_lowercase(&form)).copied();
            }
        }
        let keys_of_form: Vec<String> = fk.split(' ').map(str::to_string).collect();
        // Whether the form is new to its entity: its keys are kept then (below).
        let mut new_form = true;
        let e = match target {
            Some(e) => {
                let f = &mut list[e];
                if !f.forms.contains(&form) {
                    f.forms.push(form);
                } else {
                    new_form = false;
                }
                if c.strength > f.strength {
                    f.kind = c.kind;
                    f.strength = c.strength;
                }
                if f.role.is_none() {
                    f.role = c.role.clone();
                }
                if f.country.is_none() {
                    f.country = c.country.clone();
                }
                e
            }
            None => {
                list.push(Found {
                    name: form.clone(),
                    kind: c.kind,
                    strength: c.strength,
                    forms: vec![form],
                    role: c.role.clone(),
                    country: c.country.clone(),
                    tokens_in_name: c.tokens.len(),
                    salience: 0.0,
                });
                form_keys.push(Vec::new());
                list.len() - 1
            }
        };
        if keys_of_form.len() > 1 {
            // The first and last words, and the first of a family name with a particle ("Lula"
            // of "Luiz Inácio Lula da Silva").
            let family_start = keys_of_form
                .windows(2)
                .filter(|w| doc.lex.family_particles.contains(&w[1]))
                .map(|w| &w[0]);
            for w in [keys_of_form.first(), keys_of_form.last()]
                .into_iter()
                .flatten()
                .chain(family_start)
            {
                match edges.get_mut(w.as_str()) {
                    Some(ids) if !ids.contains(&e) => ids.push(e),
                    Some(_) => {}
                    None => {
                        edges.insert(w.clone(), vec![e]);
                    }
                }
            }
        }
        if new_form {
            form_keys[e].push(keys_of_form);
        }
        if list[e].kind == EntityKind::Organization && list[e].tokens_in_name > 1 {
            acronyms
                .entry(crate::unicode::to_lowercase(&initials(&list[e].name)))
                .or_insert(e);
            let every_word: String = list[e]
                .name
                .split_whitespace()
                .filter_map(|w| w.chars().next())
                .collect();
            acronyms
                .entry(crate::unicode::to_lowercase(&every_word))
                .or_insert(e);
        }
        if c.key.is_some() {
            by_key.entry(name_key(&fk)).or_insert(e);
        }
        by_key.entry(key).or_insert(e);
        match c.sentence {
            Some(sentence) => mentions.push(Mention {
                entity: e,
                tokens: c.tokens.clone(),
                sentence,
            }),
            None => outside.push((e, c.tokens.clone())),
        }
    }
    if doc.lex.nouns_capitalized {
        repeated_names(doc, &list, &mut mentions);
    }
    crate::sort::by_key(&mut mentions, |m| m.tokens.start);
    crate::sort::by_key(&mut outside, |(_, r)| r.start);
    // A country link is the country's own name only for people, places and organizations.
    for f in &mut list {
        if f.kind == EntityKind::Country {
            f.country = None;
        }
    }
    // Salience: mentions, earlier ones weighing more.
    let n = doc.sentences.len().max(1) as f64;
    for m in &mentions {
        let pos = m.sentence as f64 / n;
        list[m.entity].salience += 1.0 + (1.0 - pos);
    }
    for (e, _) in &outside {
        list[*e].salience += 2.0; // a headline name: as much as a name in the first sentence
    }
    let max = list.iter().map(|f| f.salience).fold(0.0, f64::max);
    if max > 0.0 {
        for f in &mut list {
            f.salience /= max;
        }
    }
    let mut order: Vec<usize> = (0..list.len()).collect();
    crate::sort::by(&mut order, |&a, &b| {
        list[b]
            .salience
            .partial_cmp(&list[a].salience)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    Entities {
        list,
        covering: super::covering(&mentions),
        mentions,
        outside,
        descriptions: Vec::new(),
        order,
    }
}

/// Where every noun has a capital, a capital alone does not make a word a name: a one-word name
/// the text has established by a cue ("der Energiekonzern Nordwerk", "Ministerin Roeder") is a
/// mention wherever else it is written with its capital ("Zugleich schloss Nordwerk …").
fn repeated_names(doc: &Document, list: &[Found], mentions: &mut Vec<Mention>) {
    let toks = &doc.tokens;
    // Per word of the text: the entity its one-word mentions name (`Some(None)` when two do).
    let mut names: Vec<Option<Option<usize>>> = vec![None; doc.words.len()];
    for m in mentions.iter().filter(|m| m.tokens.len() == 1) {
        let f = &list[m.entity];
        if f.kind == EntityKind::Other || f.strength == 0 {
            continue;
        }
        let w = &mut names[doc.word_of[m.tokens.start] as usize];
        *w = match *w {
            None => Some(Some(m.entity)),
            Some(Some(e)) if e == m.entity => Some(Some(e)),
            _ => Some(None),
        };
    }
    let mut covered = vec![false; toks.len()];
    for m in mentions.iter() {
        for c in &mut covered[m.tokens.clone()] {
            *c = true;
        }
    }
    for (s, sent) in doc.sentences.iter().enumerate() {
        for k in sent.tokens.clone() {
            let t = &toks[k];
            if covered[k] || !t.is_word() || !t.cap || doc.lex.is_stopword(&t.key) {
                continue;
            }
            // (Not glued into a longer word by a hyphen: "die Nordwerk-Aktie".)
            let glued = |j: usize| toks.get(j).is_some_and(|x| x.key == "-" && !x.space_before);
            if glued(k + 1) || (k > 0 && glued(k - 1) && !t.space_before) {
                continue;
            }
            if let Some(Some(e)) = names[doc.word_of[k] as usize] {
                mentions.push(Mention {
                    entity: e,
                    tokens: k..k + 1,
                    sentence: s,
                });
            }
        }
    }
}

pub(super) fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;

    fn names(text: &str, lang: &str) -> Vec<(String, EntityKind, Vec<String>, Option<String>)> {
        let doc = Document::new(text, Some(lang));
        let ents = extract(&doc);
        ents.to_contract(&doc)
            .into_iter()
            .map(|e| (e.name, e.kind, e.aliases, e.country))
            .collect()
    }

    fn find<'a>(
        got: &'a [(String, EntityKind, Vec<String>, Option<String>)],
        name: &str,
    ) -> &'a (String, EntityKind, Vec<String>, Option<String>) {
        got.iter()
            .find(|e| e.0 == name)
            .unwrap_or_else(|| panic!("{name} not in {got:?}"))
    }

    #[test]
    fn merges_short_forms_and_reads_titles() {
        let got = names(
            "Il presidente russo Vladimir Putin è arrivato ad Hanoi. Putin ha incontrato il presidente vietnamita To Lam. Lam ha parlato.",
            "it",
        );
        let putin = find(&got, "Vladimir Putin");
        assert_eq!(putin.1, EntityKind::Person);
        assert!(putin.2.contains(&"Putin".to_string()));
        assert_eq!(putin.3.as_deref(), Some("Russia"));
        let lam = find(&got, "To Lam");
        assert_eq!(lam.1, EntityKind::Person);
        assert!(lam.2.contains(&"Lam".to_string()));
        assert_eq!(find(&got, "Hanoi").1, EntityKind::Place);
    }

    #[test]
    fn english_titles_and_countries() {
        let got = names(
            "On Wednesday, US President Joe Biden met Japan's prime minister. The European Union and the EU agreed. Biden left.",
            "en",
        );
        let biden = find(&got, "Joe Biden");
        assert_eq!(biden.1, EntityKind::Person);
        assert!(biden.2.contains(&"Biden".to_string()));
        assert_eq!(find(&got, "Japan").1, EntityKind::Country);
        assert!(got
            .iter()
            .all(|e| e.0 != "Wednesday" && e.0 != "On" && e.0 != "The"));
    }
}
