//! Entities: proper names found from capitalization, cleaned of articles, titles and nationality
//! words, typed with gazetteers and cues, and merged (full names with their short forms,
//! acronyms with their expansions, one country under all its names).

use std::collections::HashMap;

use crate::analysis::{Entity, EntityKind, EntityRef};
use crate::document::Document;
use crate::segment::{Range, Token, TokenKind};

/// A mention of an entity: token indices into the document.
#[derive(Clone, Debug)]
pub struct Mention {
    pub entity: usize,
    pub tokens: std::ops::Range<usize>,
    pub sentence: usize,
}

/// An entity while the document is read.
#[derive(Clone, Debug)]
pub struct Found {
    pub name: String,
    pub kind: EntityKind,
    /// How strong the evidence for `kind` is (gazetteer 4 … guess 0).
    strength: u8,
    pub forms: Vec<String>,
    pub role: Option<String>,
    pub country: Option<String>,
    /// Canonical id for gazetteer things: "c:IT", "o:UN".
    key: String,
    tokens_in_name: usize,
    pub salience: f64,
}

pub struct Entities {
    pub list: Vec<Found>,
    /// All mentions, ordered by position.
    pub mentions: Vec<Mention>,
    /// Order in which entities are reported (most salient first) → stable ids.
    order: Vec<usize>,
}

impl Entities {
    /// The reference to an entity as facts name it.
    pub fn reference(&self, e: usize) -> EntityRef {
        let id = self
            .order
            .iter()
            .position(|&x| x == e)
            .map(|p| format!("e{}", p + 1));
        EntityRef {
            id,
            name: self.list[e].name.clone(),
        }
    }

    /// Mentions inside a token range.
    pub fn mentions_in(&self, r: std::ops::Range<usize>) -> impl Iterator<Item = &Mention> {
        let first = self.mentions.partition_point(|m| m.tokens.start < r.start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.tokens.start < r.end)
    }

    /// The mention that covers token `t`.
    pub fn mention_at(&self, t: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.tokens.end <= t);
        self.mentions.get(i).filter(|m| m.tokens.contains(&t))
    }

    pub fn to_contract(&self, doc: &Document) -> Vec<Entity> {
        self.order
            .iter()
            .enumerate()
            .map(|(rank, &e)| {
                let f = &self.list[e];
                let mut mentions: Vec<_> = self
                    .mentions
                    .iter()
                    .filter(|m| m.entity == e)
                    .map(|m| {
                        doc.span(Range {
                            start: doc.tokens[m.tokens.start].range.start,
                            end: doc.tokens[m.tokens.end - 1].range.end,
                        })
                    })
                    .collect();
                mentions.dedup();
                Entity {
                    id: format!("e{}", rank + 1),
                    name: f.name.clone(),
                    kind: f.kind,
                    aliases: f.forms.iter().filter(|a| **a != f.name).cloned().collect(),
                    role: f.role.clone(),
                    country: f.country.clone(),
                    mentions,
                    salience: (f.salience * 1000.0).round() / 1000.0,
                }
            })
            .collect()
    }
}

/// A candidate name before merging.
struct Candidate {
    tokens: std::ops::Range<usize>,
    sentence: usize,
    kind: EntityKind,
    strength: u8,
    key: Option<String>,
    role: Option<String>,
    country: Option<String>,
}

fn is_name_word(t: &Token) -> bool {
    t.kind == TokenKind::Word && t.cap && t.key != "'s"
}

fn all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// Reads the entities of a document.
pub fn extract(doc: &Document) -> Entities {
    let lex = doc.lex;
    let text = doc.text();
    let toks = &doc.tokens;
    let keys = |r: std::ops::Range<usize>| -> Vec<&str> {
        toks[r].iter().map(|t| t.key.as_str()).collect::<Vec<_>>()
    };
    let place_word = |r: std::ops::Range<usize>| -> bool {
        let k = keys(r.clone());
        lex.countries.longest(&k).is_some_and(|(n, _)| n == k.len())
            || lex.places.longest(&k).is_some_and(|(n, _)| n == k.len())
    };
    // Words seen in lower case somewhere: a capitalized one at a sentence start is then a common word.
    let lower_seen: std::collections::HashSet<&str> = toks
        .iter()
        .filter(|t| t.is_word() && !t.cap)
        .map(|t| t.key.as_str())
        .collect();
    // Capitalized words seen away from a sentence start.
    let mut cap_mid: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for s in &doc.sentences {
        for i in s.tokens.clone() {
            if is_name_word(&toks[i]) && !doc.starts_sentence(i) {
                cap_mid.insert(toks[i].key.as_str());
            }
        }
    }

    let mut cands: Vec<Candidate> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let end = s.tokens.end;
        let mut i = s.tokens.start;
        while i < end {
            if !is_name_word(&toks[i]) {
                i += 1;
                continue;
            }
            // Extend over capitalized words, particles between them, glued numbers and hyphens.
            let mut j = i + 1;
            while j < end {
                let t = &toks[j];
                if is_name_word(t) && t.space_before {
                    j += 1;
                } else if t.kind == TokenKind::Number && !t.space_before && toks[j - 1].is_word() {
                    j += 1; // G7
                } else if t.key == "-"
                    && !t.space_before
                    && j + 1 < end
                    && !toks[j + 1].space_before
                {
                    let next = &toks[j + 1];
                    let joins = next.kind == TokenKind::Number
                        || (is_name_word(next)
                            && !place_word(j - 1..j)
                            && !place_word(j + 1..j + 2));
                    if joins {
                        j += 2;
                    } else {
                        break;
                    }
                } else if t.is_word()
                    && !t.cap
                    && lex.particles.contains(&t.key)
                    && j + 1 < end
                    && is_name_word(&toks[j + 1])
                {
                    j += 2;
                } else {
                    break;
                }
            }
            split_candidate(doc, i..j, si, &lower_seen, &cap_mid, &mut cands);
            i = j;
        }
    }
    merge(doc, cands, text)
}

/// Cleans one capitalized run into zero or more candidates: strips articles, weekdays, months,
/// titles and nationality words (keeping them as role and country), splits at a title inside.
fn split_candidate(
    doc: &Document,
    r: std::ops::Range<usize>,
    sentence: usize,
    lower_seen: &std::collections::HashSet<&str>,
    cap_mid: &std::collections::HashSet<&str>,
    out: &mut Vec<Candidate>,
) {
    let lex = doc.lex;
    let toks = &doc.tokens;
    let keys: Vec<&str> = toks[r.clone()].iter().map(|t| t.key.as_str()).collect();
    let mut a = 0;
    let mut role: Option<String> = None;
    let mut country: Option<String> = None;
    let b = keys.len();
    // Look behind the run for cues right before it: "il presidente vietnamita To Lam",
    // "the Russian leader". A window of words before the name is read left to right; a word that
    // is no cue cancels the cues before it, so only the ones adjacent to the name count.
    let floor = doc.sentences[sentence].tokens.start;
    let mut w = r.start;
    while w > floor && r.start - w < 5 && toks[w - 1].is_word() {
        w -= 1;
    }
    let mut p = w;
    while p < r.start {
        let ahead: Vec<&str> = toks[p..r.start].iter().map(|t| t.key.as_str()).collect();
        if let Some((n, iso)) = lex.nationalities.longest(&ahead) {
            country = Some(lex.country_name(iso));
            p += n;
        } else if let Some((n, _)) = lex.titles.longest(&ahead) {
            role = Some(ahead[..n].join(" "));
            p += n;
        } else if lex.is_stopword(ahead[0]) && !lex.particles.contains(ahead[0]) {
            p += 1; // an article; but "portavoce del Dipartimento": the role is someone else's
        } else {
            role = None;
            country = None;
            p += 1;
        }
    }
    // Clean the left edge: articles, weekdays/months, capitalized titles and nationalities.
    let mut pre_country: Option<std::ops::Range<usize>> = None;
    while a < b {
        let rest = &keys[a..b];
        let at_start = a == 0 && doc.starts_sentence(r.start);
        if (at_start || !toks[r.start + a].cap)
            && lex.is_stopword(rest[0])
            && !lex.countries.contains_key(rest[0])
        {
            a += 1;
        } else if lex.weekdays.longest(rest).is_some() || lex.months.longest(rest).is_some() {
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
                break; // the whole run is an adjective: handled below
            }
            country = Some(lex.country_name(iso));
            a += n;
        } else if let Some((n, _)) = lex.titles.longest(rest) {
            if n == rest.len() {
                a = b;
                break;
            }
            role = Some(keys[a..a + n].join(" "));
            a += n;
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
                    role = Some(keys[x..x + n].join(" "));
                    a = x + n;
                }
                None => break,
            }
        }
    }
    // Clean the right edge of weekdays, months and stopwords.
    let mut e = b;
    while e > a
        && (lex.weekdays.longest(&keys[e - 1..e]).is_some()
            || lex.months.longest(&keys[e - 1..e]).is_some())
    {
        e -= 1;
    }
    if let Some(pc) = pre_country {
        if let Some(c) = classify_whole(doc, pc.clone()) {
            if c.kind == EntityKind::Country {
                country = country.or_else(|| c.country.clone());
            }
            out.push(Candidate { sentence, ..c });
        }
    }
    if a >= e {
        return;
    }
    // A country or place before a person's name: "Stati Uniti Joe Biden".
    if e - a >= 3 {
        for n in (1..e - a - 1).rev() {
            let prefix = r.start + a..r.start + a + n;
            let rest = &toks[r.start + a + n..r.start + e];
            let person_like = rest.len() >= 2 && rest.iter().all(|t| t.is_word() && t.cap);
            if !person_like {
                continue;
            }
            if let Some(c) = classify_whole(doc, prefix.clone()) {
                if c.kind == EntityKind::Country {
                    country = c
                        .key
                        .as_deref()
                        .and_then(|k| k.strip_prefix("c:"))
                        .map(|iso| lex.country_name(iso));
                }
                out.push(Candidate { sentence, ..c });
                a += n;
                break;
            }
        }
    }
    let span = r.start + a..r.start + e;
    let first = &toks[span.start];
    // A whole run that is a nationality adjective ("Russian", "North Korean") is no name.
    let ks: Vec<&str> = keys[a..e].to_vec();
    if lex
        .nationalities
        .longest(&ks)
        .is_some_and(|(n, _)| n == ks.len())
        && classify_whole(doc, span.clone()).is_none()
    {
        return;
    }
    let single = span.len() == 1;
    let text = first.text(doc.text());
    if single && (text.chars().count() < 2 || lex.is_stopword(&first.key)) {
        return;
    }
    let mut c = classify_whole(doc, span.clone()).unwrap_or(Candidate {
        tokens: span.clone(),
        sentence,
        kind: EntityKind::Other,
        strength: 0,
        key: None,
        role: None,
        country: None,
    });
    c.sentence = sentence;
    let keys_after: Vec<&str> = toks[span.end..doc.sentences[sentence].tokens.end]
        .iter()
        .map(|t| t.key.as_str())
        .collect();
    let speaks = lex.speech_verbs.longest(&keys_after).is_some();
    if c.strength == 0 {
        // Not in a gazetteer: use cues.
        if toks[span.clone()]
            .iter()
            .any(|t| doc.lex.org_cues.contains(&t.key))
        {
            c.kind = EntityKind::Organization;
            c.strength = 3;
        } else if role.is_some() {
            c.kind = EntityKind::Person;
            c.strength = 3;
        } else if doc.lex.first_names.contains(&first.key) && !single {
            c.kind = EntityKind::Person;
            c.strength = 2;
        } else if single && all_caps(text) && text.chars().count() <= 6 {
            c.kind = EntityKind::Organization;
            c.strength = 1;
        } else if !single
            && span.len() <= 4
            && toks[span.clone()].iter().all(|t| {
                t.is_word()
                    && t.cap
                    && !all_caps(t.text(doc.text()))
                    && !lower_seen.contains(t.key.as_str())
                    && !lex.is_stopword(&t.key)
            })
        {
            c.kind = EntityKind::Person;
            c.strength = 1;
        }
        // A lone capitalized word at a sentence start that is known as a common word is no name.
        let at_start = doc.starts_sentence(span.start);
        // Unless it is the subject of a speech verb ("Putin ha detto", "Smith said").
        if speaks && c.strength == 0 {
            c.kind = EntityKind::Person;
            c.strength = 1;
        }
        if single
            && at_start
            && c.strength <= 1
            && (lower_seen.contains(first.key.as_str())
                || (!cap_mid.contains(first.key.as_str()) && !speaks))
        {
            return;
        }
        if single && c.strength == 0 && lower_seen.contains(first.key.as_str()) {
            return;
        }
    }
    if c.kind == EntityKind::Person {
        c.role = role;
        c.country = c.country.or(country);
    } else if c.kind == EntityKind::Organization {
        // "Dipartimento di Stato americano": a nationality right after.
        let after = span.end;
        if after < doc.sentences[sentence].tokens.end {
            if let Some((_, iso)) = doc
                .lex
                .nationalities
                .longest(&[doc.tokens[after].key.as_str()])
            {
                c.country = Some(doc.lex.country_name(iso));
            }
        }
        c.country = c.country.or(country);
    }
    out.push(c);
}

/// A gazetteer lookup of a whole run: organization, country or place.
fn classify_whole(doc: &Document, span: std::ops::Range<usize>) -> Option<Candidate> {
    let lex = doc.lex;
    let toks = &doc.tokens;
    let keys: Vec<&str> = toks[span.clone()].iter().map(|t| t.key.as_str()).collect();
    let written = doc.slice(Range {
        start: toks[span.start].range.start,
        end: toks[span.end - 1].range.end,
    });
    let base = Candidate {
        tokens: span.clone(),
        sentence: 0,
        kind: EntityKind::Other,
        strength: 4,
        key: None,
        role: None,
        country: None,
    };
    if let Some(id) = lex.organizations.get(written) {
        return Some(Candidate {
            kind: EntityKind::Organization,
            key: Some(format!("o:{id}")),
            ..base
        });
    }
    if let Some((n, iso)) = lex.countries.longest(&keys) {
        if n == keys.len() {
            return Some(Candidate {
                kind: EntityKind::Country,
                key: Some(format!("c:{iso}")),
                ..base
            });
        }
    }
    if let Some((n, iso)) = lex.places.longest(&keys) {
        if n == keys.len() {
            return Some(Candidate {
                kind: EntityKind::Place,
                key: Some(format!("p:{}", keys.join(" "))),
                country: Some(lex.country_name(iso)),
                ..base
            });
        }
    }
    None
}

/// Merges candidates into entities.
fn merge(doc: &Document, cands: Vec<Candidate>, text: &str) -> Entities {
    let toks = &doc.tokens;
    let written = |r: &std::ops::Range<usize>| -> String {
        doc.original_text(Range {
            start: toks[r.start].range.start,
            end: toks[r.end - 1].range.end,
        })
    };
    let folded = |r: &std::ops::Range<usize>| -> String {
        toks[r.clone()]
            .iter()
            .map(|t| t.key.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut list: Vec<Found> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut mentions: Vec<Mention> = Vec::new();
    // Longer names first, so that short forms can find them.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(cands[i].tokens.len()),
            cands[i].tokens.start,
        )
    });
    let _ = text;
    for ci in order {
        let c = &cands[ci];
        let form = written(&c.tokens);
        let fk = folded(&c.tokens);
        let key = c.key.clone().unwrap_or_else(|| format!("n:{fk}"));
        let mut target = by_key.get(&key).copied();
        if target.is_none() && c.key.is_none() {
            // A short form of a longer name: "Putin" of "Vladimir Putin", "Kim" of "Kim Jong Un".
            let words: Vec<&str> = fk.split(' ').collect();
            target = list
                .iter()
                .enumerate()
                .filter(|(_, f)| f.tokens_in_name > words.len())
                .filter(|(_, f)| {
                    let fw: Vec<String> = f
                        .forms
                        .iter()
                        .map(|x| crate::segment::word_keys(x).join(" "))
                        .collect();
                    fw.iter().any(|full| {
                        let parts: Vec<&str> = full.split(' ').collect();
                        let n = words.len();
                        (f.kind == EntityKind::Person
                            && (parts[..n] == words[..] || parts[parts.len() - n..] == words[..]))
                            || (f.kind == EntityKind::Country
                                && n == 1
                                && parts.len() > 1
                                && (parts[parts.len() - 1] == words[0] || parts[0] == words[0]))
                    })
                })
                .map(|(i, _)| i)
                .next();
            // An acronym of a longer organization name: "UE" of "Unione Europea".
            if target.is_none() && words.len() == 1 && all_caps(&form) {
                target = list.iter().position(|f| {
                    f.kind == EntityKind::Organization
                        && f.tokens_in_name > 1
                        && initials(&f.name).eq_ignore_ascii_case(&form)
                });
            }
        }
        let e = match target {
            Some(e) => {
                let f = &mut list[e];
                if !f.forms.contains(&form) {
                    f.forms.push(form);
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
                    key: key.clone(),
                    tokens_in_name: c.tokens.len(),
                    salience: 0.0,
                });
                list.len() - 1
            }
        };
        by_key.entry(key).or_insert(e);
        by_key.entry(format!("n:{fk}")).or_insert(e);
        mentions.push(Mention {
            entity: e,
            tokens: c.tokens.clone(),
            sentence: c.sentence,
        });
    }
    mentions.sort_by_key(|m| m.tokens.start);
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
    let max = list.iter().map(|f| f.salience).fold(0.0, f64::max);
    if max > 0.0 {
        for f in &mut list {
            f.salience /= max;
        }
    }
    let mut order: Vec<usize> = (0..list.len()).collect();
    order.sort_by(|&a, &b| {
        list[b]
            .salience
            .partial_cmp(&list[a].salience)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    let _ = &list.iter().map(|f| &f.key).count();
    Entities {
        list,
        mentions,
        order,
    }
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

#[cfg(test)]
mod tests {
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
