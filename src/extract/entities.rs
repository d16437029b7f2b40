//! Entities: proper names found from capitalization, cleaned of articles, titles and nationality
//! words, typed with gazetteers and cues, and merged (full names with their short forms,
//! acronyms with their expansions, one country under all its names).

// A fast hash: keys are words of the text, never a security boundary.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::analysis::{Entity, EntityKind, EntityRef};
use crate::document::Document;
use crate::segment::{BlockKind, Range, Token, TokenKind};

/// The longest phrase a word list holds, in tokens: lookups never read further.
const MAX_PHRASE: usize = 8;

/// The longest run of capitalized words read as names ("Presidente del Consiglio dei Ministri
/// Giuseppe Conte" is 7).
const MAX_RUN: usize = 12;
/// The longest speech verb phrase read before a name ("aveva detto").
const MAX_SPEECH_WORDS: usize = 3;

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
    tokens_in_name: usize,
    pub salience: f64,
}

pub struct Entities {
    pub list: Vec<Found>,
    /// All mentions in sentences, ordered by position.
    pub mentions: Vec<Mention>,
    /// Mentions in the headline and headings (entity, tokens): they count for the reader, but
    /// belong to no sentence.
    pub outside: Vec<(usize, std::ops::Range<usize>)>,
    /// Role descriptions that stand for a person named before ("the Russian leader"), in order.
    pub descriptions: Vec<Mention>,
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
                let mut tokens: Vec<std::ops::Range<usize>> = self
                    .mentions
                    .iter()
                    .filter(|m| m.entity == e)
                    .map(|m| m.tokens.clone())
                    .chain(
                        self.outside
                            .iter()
                            .filter(|(x, _)| *x == e)
                            .map(|(_, r)| r.clone()),
                    )
                    .collect();
                crate::sort::by_key(&mut tokens, |r| r.start);
                let mut mentions: Vec<_> = tokens
                    .iter()
                    .map(|r| {
                        doc.span(Range {
                            start: doc.tokens[r.start].range.start,
                            end: doc.tokens[r.end - 1].range.end,
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
    /// The sentence it is in; `None` in a headline or heading.
    sentence: Option<usize>,
    kind: EntityKind,
    strength: u8,
    key: Option<String>,
    role: Option<String>,
    country: Option<String>,
}

impl Candidate {
    /// A run with no evidence yet of what it names.
    fn unknown(tokens: std::ops::Range<usize>) -> Candidate {
        Candidate {
            tokens,
            sentence: None,
            kind: EntityKind::Other,
            strength: 0,
            key: None,
            role: None,
            country: None,
        }
    }
}

/// A stretch of text read for names: a sentence, or a headline or heading block.
struct Segment {
    tokens: std::ops::Range<usize>,
    sentence: Option<usize>,
    /// Written in capitals throughout (a wire headline, a dateline): capitalization says nothing.
    caps: bool,
    /// Every word capitalized, as English headlines and titles are ("Why Trump Won").
    title_case: bool,
}

/// What the whole document tells about single words.
struct Context<'d, 'a> {
    doc: &'d Document<'a>,
    /// Words seen in lower case somewhere: capitalized at a sentence start they are common words.
    lower_seen: HashSet<&'d str>,
    /// Capitalized words seen away from a sentence start.
    cap_mid: HashSet<&'d str>,
}

impl Context<'_, '_> {
    /// Does token `t` open its segment (ignoring opening quotes and brackets)?
    fn at_start(&self, seg: &Segment, t: usize) -> bool {
        self.doc.tokens[seg.tokens.start..t]
            .iter()
            .all(|x| x.kind == TokenKind::Punct && !matches!(x.key.as_str(), "." | "," | ";" | ":"))
    }

    /// The tokens of a range (the lexicon matches phrases on their keys).
    fn keys(&self, r: std::ops::Range<usize>) -> &[Token] {
        &self.doc.tokens[r]
    }

    fn key_strs(&self, r: std::ops::Range<usize>) -> Vec<&str> {
        self.doc.tokens[r].iter().map(|t| t.key.as_str()).collect()
    }

    /// Is the whole range a country or place of the gazetteer?
    fn is_place(&self, r: std::ops::Range<usize>) -> bool {
        let k = self.keys(r);
        let lex = self.doc.lex;
        lex.countries.longest(&k).is_some_and(|(n, _)| n == k.len())
            || lex.places.longest(&k).is_some_and(|(n, _)| n == k.len())
    }
}

fn is_name_word(t: &Token) -> bool {
    t.kind == TokenKind::Word && t.cap && t.key != "'s"
}

fn all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// "XV", "II": a number, not a name (it belongs to one only after it: "Benedetto XVI").
fn is_roman_numeral(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// A single capital letter: an initial ("J." of "J. K. Rowling") or a letter of "U.S.".
fn is_initial(t: &Token, text: &str) -> bool {
    let mut cs = t.text(text).chars();
    t.kind == TokenKind::Word && cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
}

/// An elision glued to the next word: "O'" of "O'Brien", "D'" of "D'Alema".
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

/// In German, where nouns are capitalized too: do capitalized words look like a name rather
/// than nouns? No article, determiner or number right before, and no word with a noun ending.
fn german_name_like(ctx: &Context, seg: &Segment, span: std::ops::Range<usize>) -> bool {
    const NOUN_ENDINGS: [&str; 11] = [
        "ung", "heit", "keit", "schaft", "tion", "tät", "nis", "ismus", "ium", "ungen", "lich",
    ];
    let toks = &ctx.doc.tokens;
    let lex = ctx.doc.lex;
    let before_ok = span.start == seg.tokens.start || {
        let b = &toks[span.start - 1];
        !(b.kind == TokenKind::Number || (b.is_word() && lex.articles.contains(&b.key)))
    };
    before_ok
        && toks[span]
            .iter()
            .all(|t| !NOUN_ENDINGS.iter().any(|e| t.key.ends_with(e)))
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
                .longest(&ctx.keys(a - n..b))
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
            .longest(&[toks[e - 1].key.as_str()])
            .is_some();
    if national {
        e - 1
    } else {
        e
    }
}

/// A mark that may close a quotation.
fn closes_quote(k: &str) -> bool {
    matches!(
        k,
        "\u{201D}" | "\u{00BB}" | "\u{201C}" | "\"" | "'" | "\u{2019}"
    )
}

fn is_elision(t: &Token) -> bool {
    t.kind == TokenKind::Word && t.key.ends_with('\'')
}

/// Sentences, plus the headline and heading blocks (datelines and result lines of wire copy are
/// headings too), in text order.
fn segments(doc: &Document) -> Vec<Segment> {
    let mut out: Vec<Segment> = doc
        .blocks
        .iter()
        .zip(&doc.block_tokens)
        .filter(|(b, _)| matches!(b.kind, BlockKind::Title | BlockKind::Heading))
        .map(|(_, r)| Segment {
            tokens: r.clone(),
            sentence: None,
            caps: false,
            title_case: false,
        })
        .chain(doc.sentences.iter().enumerate().map(|(i, s)| Segment {
            tokens: s.tokens.clone(),
            sentence: Some(i),
            caps: false,
            title_case: false,
        }))
        .filter(|s| !s.tokens.is_empty())
        .collect();
    crate::sort::by_key(&mut out, |s| s.tokens.start);
    let text = doc.text();
    for s in &mut out {
        let words: Vec<&str> = doc.tokens[s.tokens.clone()]
            .iter()
            .filter(|t| {
                t.is_word() && t.text(text).chars().filter(|c| c.is_alphabetic()).count() > 1
            })
            .map(|t| t.text(text))
            .collect();
        let upper = words.iter().filter(|w| all_caps(w)).count();
        s.caps =
            !words.is_empty() && upper * 4 >= words.len() * 3 && (words.len() >= 2 || upper == 1);
        // (Headline style leaves short words in lower case: "Trump Is Right on Shootings in Chicago".)
        let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
        let capitalized = long
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        s.title_case = !s.caps && long.len() >= 4 && capitalized * 5 >= long.len() * 4;
    }
    out
}

/// Reads the entities of a document.
pub fn extract(doc: &Document) -> Entities {
    let toks = &doc.tokens;
    let segs = segments(doc);
    let mut lower_seen = HashSet::default();
    let mut cap_mid = HashSet::default();
    let mut ctx = Context {
        doc,
        lower_seen: HashSet::default(),
        cap_mid: HashSet::default(),
    };
    for s in segs.iter().filter(|s| !s.caps) {
        for i in s.tokens.clone() {
            let t = &toks[i];
            if t.is_word() && !t.cap {
                lower_seen.insert(t.key.as_str());
            } else if is_name_word(t) && !ctx.at_start(s, i) {
                cap_mid.insert(t.key.as_str());
            }
        }
    }
    ctx.lower_seen = lower_seen;
    ctx.cap_mid = cap_mid;

    let mut cands: Vec<Candidate> = Vec::new();
    for seg in segs.iter().filter(|s| !s.caps) {
        for run in name_runs(&ctx, seg) {
            split_candidate(&ctx, seg, run, &mut cands);
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
        cands.retain(|c| {
            !(c.strength == 0 && c.kind == EntityKind::Other)
                || (c.tokens.len() == 1 && surnames.contains(toks[c.tokens.start].key.as_str()))
        });
    }
    institutions(&ctx, &segs, &mut cands);
    // Capitals say nothing in an all-caps headline: read only what is known there, from the
    // gazetteers and from the names found in the rest of the text.
    let known = KnownForms::new(doc, &cands);
    for seg in segs.iter().filter(|s| s.caps) {
        caps_candidates(&ctx, seg, &known, &mut cands);
    }
    teams(&ctx, &segs, &mut cands);
    coordinate(doc, &mut cands);
    spelled_out(doc, &mut cands);
    let mut ents = merge(doc, cands);
    resolve_descriptions(doc, &mut ents);
    ents
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
        let after: &[Token] = ctx.keys(c.tokens.end..seg.tokens.end.min(c.tokens.end + MAX_PHRASE));
        let before: Vec<&str> =
            ctx.key_strs(seg.tokens.start.max(c.tokens.start.saturating_sub(3))..c.tokens.start);
        let verb_after = lex
            .team_words
            .longest(&after)
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
            && !before.last().is_some_and(|k| lex.locatives.contains(*k));
        if verb_after || verb_before || score {
            // An unknown name there is only weakly a team: it may be a player's.
            c.strength = if c.kind == EntityKind::Place { 5 } else { 1 };
            c.kind = EntityKind::Organization;
        }
    }
}

/// Role descriptions without a name ("il leader russo", "the Russian leader") refer to the
/// person named shortly before whose country is that one, or not yet known: the description
/// gives that person the country and the role, and is kept as an alias.
fn resolve_descriptions(doc: &Document, ents: &mut Entities) {
    let lex = doc.lex;
    let toks = &doc.tokens;
    let text = doc.text();
    for (si, s) in doc.sentences.iter().enumerate() {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            let keys: Vec<&str> = toks[i..s.tokens.end.min(i + MAX_PHRASE)]
                .iter()
                .map(|t| t.key.as_str())
                .collect();
            let found = match (lex.titles.longest(&keys), lex.nationalities.longest(&keys)) {
                (Some((n, _)), _) => lex
                    .nationalities
                    .longest(&keys[n..])
                    .map(|(m, iso)| (n + m, keys[..n].join(" "), iso)),
                (None, Some((m, iso))) => lex
                    .titles
                    .longest(&keys[m..])
                    .map(|(n, _)| (n + m, keys[m..m + n].join(" "), iso)),
                _ => None,
            };
            let Some((len, role, iso)) = found else {
                i += 1;
                continue;
            };
            let end = i + len;
            let country = lex.country_name(iso);
            // "la ministra española de Transición Ecológica, Lucía Ferrer": the title of the
            // name after its portfolio and a comma.
            let mut k = end;
            if k < s.tokens.end && toks[k].is_word() && lex.particles.contains(&toks[k].key) {
                k += 1;
                while k < s.tokens.end
                    && toks[k].is_word()
                    && (toks[k].cap || lex.is_stopword(&toks[k].key))
                {
                    k += 1;
                }
            }
            if k > end && k + 1 < s.tokens.end && toks[k].key == "," {
                if let Some(e) = ents.mention_at(k + 1).map(|m| m.entity) {
                    let f = &mut ents.list[e];
                    if f.kind == EntityKind::Person {
                        f.country.get_or_insert(country);
                        f.role.get_or_insert(role);
                        i = end;
                        continue;
                    }
                }
            }
            let named_after = toks
                .get(end)
                .is_some_and(|t| end < s.tokens.end && is_name_word(t));
            let named_before = i > s.tokens.start
                && is_name_word(&toks[i - 1])
                && !lex.is_stopword(&toks[i - 1].key);
            if named_after || named_before || ents.mention_at(i).is_some() {
                i = end;
                continue;
            }
            let first = ents.mentions.partition_point(|m| m.tokens.end <= i);
            let person = ents.mentions[..first]
                .iter()
                .rev()
                .take_while(|m| m.sentence + 3 >= si)
                .map(|m| m.entity)
                .find(|&e| {
                    let f = &ents.list[e];
                    f.kind == EntityKind::Person
                        && f.country.as_deref().is_none_or(|c| c == country)
                });
            if let Some(e) = person {
                let f = &mut ents.list[e];
                f.country.get_or_insert(country);
                f.role.get_or_insert(role);
                let form = toks[i..end]
                    .iter()
                    .map(|t| t.text(text))
                    .collect::<Vec<_>>()
                    .join(" ");
                if !f.forms.contains(&form) {
                    f.forms.push(form);
                }
                ents.descriptions.push(Mention {
                    entity: e,
                    tokens: i..end,
                    sentence: si,
                });
            }
            i = end;
        }
    }
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
        lex.places.longest(&keys).is_some() || lex.countries.longest(&keys).is_some()
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
            } else if t.key == "-" && !t.space_before && j + 1 < end && !toks[j + 1].space_before {
                let next = &toks[j + 1];
                // "Friuli-Venezia Giulia" is one place; "Russia-Ukraine" two.
                let whole_place = (i..j).any(|s| {
                    let k = ctx.keys(s..end.min(j + 4));
                    lex.places.longest(&k).is_some_and(|(n, _)| s + n > j + 1)
                        || lex
                            .countries
                            .longest(&k)
                            .is_some_and(|(n, _)| s + n > j + 1)
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
            } else if t.is_word()
                && !t.cap
                && lex.particles.contains(&t.key)
                && j + 1 < end
                && is_name_word(&toks[j + 1])
            {
                j += 2;
            } else if t.is_word()
                && !t.cap
                && lex.particles.contains(&t.key)
                && j + 2 < end
                && toks[j + 1].key == "-"
                && !toks[j + 1].space_before
                && !toks[j + 2].space_before
                && is_name_word(&toks[j + 2])
            {
                j += 3; // "Fayez al-Sarraj"
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
        out.push(i..j);
        i = j;
    }
    out
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
    let toks = &doc.tokens;
    let keys: Vec<&str> = ctx.key_strs(r.clone());
    let mut a = 0;
    let mut role: Option<String> = None;
    let mut country: Option<String> = None;
    let b = keys.len();
    // Look behind the run for cues right before it: "il presidente vietnamita To Lam",
    // "the Russian leader". A window of words before the name is read left to right; a word that
    // is no cue cancels the cues before it, so only the ones adjacent to the name count.
    let floor = seg.tokens.start;
    let mut w = r.start;
    // ("Dr. House": the period of an abbreviated title is read with it.)
    while w > floor
        && r.start - w < 5
        && (toks[w - 1].is_word()
            || (toks[w - 1].key == "." && w - 1 > floor && toks[w - 2].is_word()))
    {
        w -= 1;
    }
    let mut p = w;
    // A role before a particle belongs to a person after a country in the run: "il presidente
    // degli Stati Uniti Joe Biden"; otherwise to no one ("portavoce del Dipartimento").
    let mut held: Option<String> = None;
    while p < r.start {
        let ahead: Vec<&str> = ctx.key_strs(p..r.start);
        if let Some((n, iso)) = lex.nationalities.longest(&ahead) {
            country = Some(lex.country_name(iso));
            p += n;
        } else if let Some((n, _)) = lex.titles.longest(&ahead) {
            role = Some(ahead[..n].join(" "));
            held = None;
            p += n;
        } else if ahead[0] == "." && role.is_some() {
            p += 1; // the period of "Dr."
        } else if lex.articles.contains(ahead[0]) && !lex.particles.contains(ahead[0]) {
            p += 1; // an article
        } else if lex.particles.contains(ahead[0]) && p + 1 == r.start {
            held = role.take();
            country = None;
            p += 1;
        } else {
            role = None;
            held = None;
            country = None;
            p += 1;
        }
    }
    // Clean the left edge: articles, weekdays/months, capitalized titles and nationalities.
    let mut pre_country: Option<std::ops::Range<usize>> = None;
    while a < b {
        let rest = &keys[a..b];
        let at_start = a == 0 && ctx.at_start(seg, r.start);
        if (at_start || !toks[r.start + a].cap)
            && lex.is_stopword(rest[0])
            && !lex.countries.contains_key(rest[0])
        {
            a += 1;
        } else if (lex.weekdays.longest(rest).is_some() || lex.months.longest(rest).is_some())
            // ("Mar Nero": a short month name before a name is no month.)
            && !(toks[r.start + a].text(doc.text()).chars().count() <= 3
                && a + 1 < b
                && (toks[r.start + a + 1].cap
                    || (lex.particles.contains(keys[a + 1])
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
                break; // the whole run is an adjective: handled below
            }
            country = Some(lex.country_name(iso));
            a += n;
        } else if lex.person_nouns.contains(rest[0]) && rest.len() > 1 && toks[r.start + a + 1].cap
        {
            a += 1; // "Amtskollege Tomasz Nowicki", "Sorella Isabella"
        } else if let Some((n, _)) = lex.titles.longest(rest) {
            title_organization(ctx, seg, r.start + a..r.start + a + n, out);
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
    // Clean the right edge of weekdays, months, particles and a dangling elision.
    let mut e = b;
    while e > a
        && (lex.weekdays.longest(&keys[e - 1..e]).is_some()
            || lex.months.longest(&keys[e - 1..e]).is_some()
            || (toks[r.start + e - 1].is_word()
                && !toks[r.start + e - 1].cap
                && !(e >= 2 && toks[r.start + e - 2].key == "-")))
    {
        e -= 1;
    }
    if let Some(pc) = pre_country {
        if let Some(c) = classify_whole(doc, pc.clone()) {
            if c.kind == EntityKind::Country {
                country = country.or_else(|| c.country.clone());
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
    // Two names in one run: "Peter Nicol of Scotland", "Wladimiro Boccali del Partito
    // Democratico" (at a particle), "Regione Veneto Luca Zaia" (before a first name).
    // ("Corea del Sud", "Città del Messico": a name the gazetteers know whole is one name.)
    let known_whole = classify_whole(doc, span.clone()).is_some();
    if let Some((left, right, right_first)) =
        two_names(ctx, seg, span.clone()).filter(|_| !known_whole)
    {
        if right_first {
            // The person after a country takes it: "Stati Uniti Joe Biden".
            let left_country = classify_whole(doc, left.clone())
                .filter(|c| c.kind == EntityKind::Country)
                .and_then(|c| c.key)
                .and_then(|k| k.strip_prefix("c:").map(|iso| lex.country_name(iso)));
            let role = role.or(held.filter(|_| left_country.is_some()));
            finish(ctx, seg, left, None, None, out);
            finish(ctx, seg, right, role, country.or(left_country), out);
        } else {
            finish(ctx, seg, left, role, country, out);
            finish(ctx, seg, right, None, None, out);
        }
        return;
    }
    finish(ctx, seg, span, role, country, out);
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

/// Where a run holds two names, the two parts; the flag says whether the cues before the run
/// belong to the second ("Stati Uniti Joe Biden") rather than the first.
#[allow(clippy::type_complexity)]
fn two_names(
    ctx: &Context,
    seg: &Segment,
    span: std::ops::Range<usize>,
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>, bool)> {
    let doc = ctx.doc;
    let lex = doc.lex;
    let toks = &doc.tokens;
    let text = doc.text();
    let cue = |t: &Token| lex.org_cues.contains(&t.key) || lex.place_cues.contains(&t.key);
    let first_name = |t: &Token| lex.first_names.contains(&t.key);
    // At a particle: the left part is a person's full name ("Peter Nicol of Scotland"), or the
    // right part a place and the left part no place word ("Procura di Milano", not "Lago di Garda").
    let mut first_particle = true;
    for p in span.start + 1..span.end.saturating_sub(1) {
        let t = &toks[p];
        if t.cap || !t.is_word() || !lex.particles.contains(&t.key) {
            continue;
        }
        let left = span.start..p;
        let right = p + 1..span.end;
        let left_person = first_particle
            && left.len() >= 2
            && first_name(&toks[left.start])
            && !toks[left.clone()].iter().any(cue)
            && !ctx.is_place(left.clone());
        // "Lant Princhett della Banca Mondiale": two plain names, then an organization.
        let left_person = left_person
            || (first_particle
                && left.len() == 2
                && toks[left.clone()].iter().all(|t| t.is_word() && t.cap)
                && !toks[left.clone()]
                    .iter()
                    .any(|t| cue(t) || crate::lexicon::any_org_cue(&t.key))
                && !ctx.is_place(left.clone())
                && classify_whole(doc, left.clone()).is_none()
                && toks[right.clone()]
                    .iter()
                    .any(|t| t.cap && (cue(t) || crate::lexicon::any_org_cue(&t.key))));
        // German: "Angaben der Deutschen Bahn", a noun and then the name; not "von der Leyen".
        let noun_of = lex.nouns_capitalized
            && matches!(t.key.as_str(), "der" | "des" | "dem" | "den")
            && !matches!(toks[p - 1].key.as_str(), "von" | "zu");
        if noun_of {
            return Some((left, right, false));
        }
        let place_word = left.len() == 1 && lex.place_cues.contains(&toks[left.start].key);
        // "Fans of Dynamo Moscow": a capitalized word that opens the sentence and nothing else.
        let opener = left.len() == 1
            && ctx.at_start(seg, left.start)
            && !ctx.cap_mid.contains(toks[left.start].key.as_str())
            && classify_whole(doc, left.clone()).is_none()
            && !cue(&toks[left.start]);
        if left_person
            || opener
            || (ctx.is_place(right.clone()) && !place_word && !ctx.is_place(left.clone()))
        {
            return Some((left, right, false));
        }
        first_particle = false;
    }
    // A known company and a product of it: "Fiat Punto", "WhatsApp Pay", "Iveco Europolis".
    for k in (span.start + 1..span.end).rev() {
        let known_org =
            classify_whole(doc, span.start..k).is_some_and(|c| c.kind == EntityKind::Organization);
        if known_org
            && toks[k..span.end]
                .iter()
                .all(|t| (t.is_word() && t.cap) || t.kind == TokenKind::Number)
            && !toks[k..span.end]
                .iter()
                .any(|t| cue(t) || crate::lexicon::any_org_cue(&t.key) || first_name(t))
        {
            return Some((span.start..k, k..span.end, false));
        }
    }
    // A body and the person who leads it: "Governo Letta", "Giunta Marino".
    if span.len() >= 2
        && toks[span.start].cap
        && lex.led_by.contains(&toks[span.start].key)
        && toks[span.start + 1..span.end]
            .iter()
            .all(|t| t.is_word() && t.cap && !cue(t))
    {
        return Some((span.start..span.start + 1, span.start + 1..span.end, false));
    }
    // A person's full name, then an organization: "Graziano Delrio Ministero dell'Interno".
    if first_name(&toks[span.start]) {
        if let Some(k) = (span.start + 2..span.end).find(|&k| lex.org_cues.contains(&toks[k].key)) {
            if !toks[span.start..k].iter().any(cue) {
                return Some((span.start..k, k..span.end, false));
            }
        }
    }
    // Before a first name that opens a person's name: "Regione Veneto Luca Zaia".
    for k in span.start + 1..span.end {
        let opens = first_name(&toks[k])
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
            || toks[left.clone()].iter().any(cue)
            || left.len() >= 2
            || (left.len() == 1
                && (all_caps(toks[left.start].text(text))
                    || ctx.lower_seen.contains(toks[left.start].key.as_str())
                    || lex.adjectives.contains(&toks[left.start].key)
                    || opener));
        if typed && !toks[left.clone()].iter().any(first_name) {
            return Some((left, k..span.end, true));
        }
    }
    // A country or place before a person's name: "Stati Uniti Joe Biden".
    if span.len() >= 3 {
        for n in (1..span.len() - 1).rev() {
            let rest = &toks[span.start + n..span.end];
            if rest.len() >= 2
                && rest.iter().all(|t| t.is_word() && t.cap)
                && ctx.is_place(span.start..span.start + n)
            {
                return Some((span.start..span.start + n, span.start + n..span.end, true));
            }
        }
    }
    None
}

/// Types one cleaned name and adds it, unless it is a common word.
fn finish(
    ctx: &Context,
    seg: &Segment,
    span: std::ops::Range<usize>,
    role: Option<String>,
    country: Option<String>,
    out: &mut Vec<Candidate>,
) {
    let doc = ctx.doc;
    let lex = doc.lex;
    let toks = &doc.tokens;
    if span.is_empty() {
        return;
    }
    let ks = ctx.keys(span.clone());
    // A whole run that is a nationality adjective ("Russian", "North Korean") is no name.
    if lex
        .nationalities
        .longest(&ks)
        .is_some_and(|(n, _)| n == ks.len())
        && classify_whole(doc, span.clone()).is_none()
    {
        return;
    }
    let first = &toks[span.start];
    let single = span.len() == 1;
    let text = first.text(doc.text());
    if single
        && (text.chars().count() < 2
            || is_roman_numeral(text)
            || lex.is_stopword(&first.key)
            || lex.adjectives.contains(&first.key)
            || lex.not_names.contains(&first.key)
            || lex.place_cues.contains(&first.key))
    {
        return;
    }
    // "il ministro dell'Economia": a word that ends a title is part of it, no name.
    if title_ends(ctx, seg, span.start, span.end) {
        return;
    }
    // "el ministro marroquí de Energía", "Minister of Finance": a minister's portfolio, no name
    // (unless it holds a place: "ministro degli Esteri della Federazione Russa").
    let portfolio = span.start >= seg.tokens.start + 2
        && toks[span.start - 1].is_word()
        && lex.particles.contains(&toks[span.start - 1].key)
        && {
            let e = before_nationality(ctx, seg, span.start - 1);
            e > seg.tokens.start && lex.portfolio_titles.contains(&toks[e - 1].key)
        }
        && !(span.start..span.end).any(|s| (s + 1..=span.end).any(|e| ctx.is_place(s..e)));
    if portfolio {
        // ("il ministro degli Esteri Giulio Terzi": the minister's name after the portfolio.)
        if let Some(k) =
            (span.start + 1..span.end).find(|&k| lex.given_names.contains(&toks[k].key))
        {
            finish(ctx, seg, k..span.end, role, country, out);
        }
        return;
    }
    let at_start = ctx.at_start(seg, span.start);
    // "Intanto Willy Monteiro", "il segretario di Stato Tarcisio Bertone": a word glued before
    // a first name and a surname, opening the sentence or ending a title, is not in the name.
    if span.len() >= 3
        && lex.given_names.contains(&toks[span.start + 1].key)
        && !lex.given_names.contains(&first.key)
        && classify_whole(doc, span.start..span.start + 1).is_none()
        && (at_start || title_ends(ctx, seg, span.start, span.start + 1))
    {
        finish(ctx, seg, span.start + 1..span.end, role, country, out);
        return;
    }
    let mut c =
        classify_whole(doc, span.clone()).unwrap_or_else(|| Candidate::unknown(span.clone()));
    c.sentence = seg.sentence;
    // A place name that is also a common word ("Nice", "Split") at a sentence start.
    if single && at_start && c.strength == 4 && ctx.lower_seen.contains(first.key.as_str()) {
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
    let keys_after: &[Token] = ctx.keys(span.end..seg.tokens.end.min(span.end + MAX_PHRASE));
    // "Smith said"; "», ha detto Zawahiri", "\", said Smith": a speech verb after the name, or
    // right before it when the verb follows the quotation it attributes.
    let speaks = lex.speech_verbs.longest(&keys_after).is_some()
        || (1..=MAX_SPEECH_WORDS).any(|n| {
            span.start > seg.tokens.start + n
                && lex
                    .speech_verbs
                    .longest(&ctx.keys(span.start - n..span.start))
                    .is_some_and(|(m, _)| m == n)
                && lex
                    .source_after
                    .longest(&ctx.keys(span.start - n..span.start))
                    .is_none()
                && {
                    let p = &toks[span.start - n - 1];
                    p.kind == TokenKind::Punct && (p.key == "," || closes_quote(p.key.as_str()))
                }
        });
    let before = span
        .start
        .checked_sub(1)
        .filter(|&p| p >= seg.tokens.start)
        .map(|p| &toks[p]);
    // "in Senigallia"; "la città di Senigallia", "il sindaco di Tirano".
    let place_of = before.is_some_and(|t| t.is_word() && lex.particles.contains(&t.key))
        && span
            .start
            .checked_sub(2)
            .filter(|&p| p >= seg.tokens.start)
            .is_some_and(|p| !toks[p].cap && lex.place_of.contains(&toks[p].key));
    // ("A Cesena si è registrato…": the locative may open the sentence.)
    let locative = place_of
        || before.is_some_and(|t| {
            t.is_word()
                && (!t.cap || ctx.at_start(seg, span.start - 1))
                && lex.locatives.contains(&t.key)
        });
    // "la Juventus", "il PdL", "the Bundestag": people and towns take no article, organizations do.
    // (Not in German, where every noun has an article and a capital.)
    let article = !lex.nouns_capitalized
        && before.is_some_and(|t| t.is_word() && lex.articles.contains(&t.key));
    // "Interfax news agency", "the Cofinec company": an organization noun right after.
    let org_after = keys_after
        .iter()
        .take(2)
        .zip(&toks[span.end..seg.tokens.end])
        .take_while(|(_, t)| t.is_word() && !t.cap)
        .any(|(k, _)| lex.org_cues.contains(k));
    // "il quotidiano La Stampa", "la compagnia Adam Air", "la rete televisiva Sportitalia": a kind
    // of organization right before, with at most two describing words between.
    let org_before = toks[seg.tokens.start.max(span.start.saturating_sub(3))..span.start]
        .iter()
        .rev()
        .take_while(|t| t.is_word() && !t.cap && !lex.is_stopword(&t.key))
        .any(|t| lex.org_kinds.contains(&t.key));
    // "la sorella Isabella", "il guardalinee gallese Owens": a noun for a person right before,
    // with at most two describing words between.
    // (German writes the noun itself with a capital: "ihr Amtskollege Nowicki".)
    let noun_before = |set: &crate::lexicon::WordSet| {
        toks[seg.tokens.start.max(span.start.saturating_sub(3))..span.start]
            .iter()
            .rev()
            .take_while(|t| {
                t.is_word()
                    && (!t.cap || (lex.nouns_capitalized && set.contains(&t.key)))
                    && !lex.is_stopword(&t.key)
            })
            .any(|t| set.contains(&t.key))
    };
    // ("Governo Letta": the name after a body named after its leader is the leader.)
    // ("la moglie di Obama", "il regime di Assad": the person a relative or a body is of.)
    let of_person = before.is_some_and(|t| t.is_word() && !t.cap && lex.particles.contains(&t.key))
        && span.start >= seg.tokens.start + 2
        && {
            let t = &toks[span.start - 2];
            t.is_word()
                && !t.cap
                && (lex.person_nouns.contains(&t.key) || lex.led_by.contains(&t.key))
        };
    let person_before = noun_before(&lex.person_nouns)
        || before.is_some_and(|t| t.cap && lex.led_by.contains(&t.key))
        || (of_person && single);
    // "Kim Jong-nam, fratellastro del leader", "Smith, a spokesman for": a person noun or a
    // title in apposition right after.
    let person_after = toks.get(span.end).is_some_and(|t| t.key == ",") && {
        let mut k = span.end + 1;
        if k < seg.tokens.end && toks[k].is_word() && lex.is_stopword(&toks[k].key) {
            k += 1; // "il", "a", "the"
        }
        k < seg.tokens.end
            && toks[k].is_word()
            && !toks[k].cap
            && (lex.person_nouns.contains(&toks[k].key)
                || lex
                    .titles
                    .longest(&ctx.keys(k..(k + 3).min(seg.tokens.end)))
                    .is_some())
    };
    // "l'uragano Ike", "il singolo Night Fever": a storm or a work, of kind other.
    // ("Uragano Sandy" opening a sentence: the noun inside the run.)
    let thing_before =
        noun_before(&lex.thing_nouns) || (span.len() > 1 && lex.thing_nouns.contains(&first.key));
    // "il presidente del CIS", "allenatore del Milan", "CEO of Acme": what a title is of (not
    // "il sindaco di Tirano", a place).
    let title_of = span.start >= seg.tokens.start + 2
        && before.is_some_and(|t| t.is_word() && !t.cap && lex.particles.contains(&t.key))
        && !lex.place_of.contains(&toks[span.start - 2].key)
        && {
            // ("la ministra española de Transición Ecológica": a nationality may follow the title.)
            let e = before_nationality(ctx, seg, span.start - 1);
            title_ends(ctx, seg, e, e)
        };
    let words = &toks[span.clone()];
    if c.strength == 0 {
        // Not in a gazetteer: use cues, strongest first.
        let has_place_inside = (span.start..span.end).any(|s| {
            (s + 1..=span.end).any(|e| (s, e) != (span.start, span.end) && ctx.is_place(s..e))
        });
        // "P. Simmons", "J. K. Rowling": initials, then a name.
        let initialled = is_initial(first, doc.text())
            && words.get(1).is_some_and(|t| t.key == ".")
            && words
                .last()
                .is_some_and(|t| t.is_word() && t.text(doc.text()).chars().count() > 1);
        let guess_person = !single
            && span.len() <= 4
            && words.iter().all(|t| {
                t.is_word()
                    && t.cap
                    && !all_caps(t.text(doc.text()))
                    && !ctx.lower_seen.contains(t.key.as_str())
                    && !lex.is_stopword(&t.key)
                    && (lex.code == "en" || !crate::lexicon::english_stopword(&t.key))
            })
            && (!lex.nouns_capitalized
                || lex.first_names.contains(&first.key)
                || german_name_like(ctx, seg, span.clone()));
        let (kind, strength) = if thing_before {
            (EntityKind::Other, 2)
        } else if words
            .iter()
            .any(|t| t.cap && lex.event_cues.contains(&t.key))
        {
            // "Palio di Siena", "Champions League": an event or a prize.
            (EntityKind::Other, 3)
        } else if words.iter().any(|t| {
            lex.org_cues.contains(&t.key) || (t.cap && crate::lexicon::any_org_cue(&t.key))
        }) {
            (EntityKind::Organization, 3)
        } else if role.is_some() && !opens_with_place_word(lex, words) {
            // A title right before ("el primer ministro portugués António Costa").
            (EntityKind::Person, 3)
        } else if !single
            && words.iter().enumerate().any(|(k, t)| {
                // "Monte Bianco", "Wall Street"; but "Mario Monti" is a person.
                lex.place_cues.contains(&t.key) && (k == 0 || !lex.first_names.contains(&first.key))
            })
        {
            (EntityKind::Place, 3)
        } else if (person_before || person_after) && !has_place_inside {
            (EntityKind::Person, 2)
        } else if org_before || title_of {
            (EntityKind::Organization, 2)
        } else if (lex.first_names.contains(&first.key)
            || (!single && lex.given_names.contains(&first.key))
            || initialled)
            && (!has_place_inside || (!single && !ctx.is_place(span.start..span.start + 1)))
        {
            // ("Paulo Teixeira Lima": a first name, then a surname that is also a place.)
            (EntityKind::Person, 2)
        } else if org_after {
            (EntityKind::Organization, 2)
        } else if has_place_inside {
            // "Dynamo Moscow", "Air France": a name built on a place is a team or a company.
            (EntityKind::Organization, 1)
        } else if locative
            && !lex.nouns_capitalized
            && (single || guess_person || compound_name(ctx, span.clone()))
        {
            (EntityKind::Place, 1)
        } else if (single && all_caps(text) && text.chars().count() <= 6)
            || is_dotted_acronym(
                &doc.text()[toks[span.start].range.start..toks[span.end - 1].range.end],
            )
            || (article
                && ((single && !ctx.lower_seen.contains(first.key.as_str())) || guess_person))
        {
            // An acronym; or a name after an article.
            (EntityKind::Organization, 1)
        } else if guess_person || speaks {
            // Unknown words as the subject of a speech verb: "Putin ha detto", "Smith said".
            (EntityKind::Person, 1)
        } else {
            (EntityKind::Other, 0)
        };
        // "alle 08:32 UTC", "at 1400 GMT": capitals right after a time are a time zone.
        let after_number = toks[seg.tokens.start..span.start]
            .iter()
            .rev()
            .find(|t| t.key != "(")
            .is_some_and(|t| t.kind == TokenKind::Number);
        if single && all_caps(text) && after_number && strength <= 1 {
            return;
        }
        c.kind = kind;
        c.strength = strength;
        // A lone capitalized word at a sentence start that is known as a common word is no name.
        if single
            && at_start
            && c.strength <= 1
            && (ctx.lower_seen.contains(first.key.as_str())
                || (!ctx.cap_mid.contains(first.key.as_str()) && !speaks))
        {
            return;
        }
        if single && c.strength == 0 && ctx.lower_seen.contains(first.key.as_str()) {
            return;
        }
    }
    if c.kind == EntityKind::Person {
        c.role = role;
        c.country = c.country.or(country);
    } else if c.kind == EntityKind::Organization {
        // "Dipartimento di Stato americano", "Parlamento italiano": a nationality right after is
        // the country, and part of the name.
        if span.end < seg.tokens.end && !toks[span.end].cap {
            if let Some((_, iso)) = lex.nationalities.longest(&[toks[span.end].key.as_str()]) {
                c.country = Some(lex.country_name(iso));
                c.tokens.end = span.end + 1;
            } else if lex.org_cues.contains(&first.key)
                && span.len() <= 2
                && is_org_adjective(lex, &toks[span.end])
            {
                // "Commissione europea", "Corte costituzionale", "Polizia stradale".
                c.tokens.end = span.end + 1;
                c.key = None;
            } else if lex.org_cues.contains(&first.key)
                && first.cap
                && span.len() <= 2
                && lex.particles.contains(&toks[span.end].key)
                && c.key.is_none()
            {
                // "Consiglio dei ministri", "Corte d'appello", "Organizzazione Mondiale della
                // sanità": the press writes the rest of the name in lower case.
                let k = span.end + 1;
                let noun = toks.get(k).filter(|t| {
                    k < seg.tokens.end
                        && t.is_word()
                        && !t.cap
                        && t.key.chars().count() >= 4
                        && !lex.is_stopword(&t.key)
                        && !lex.particles.contains(&t.key)
                        && lex.weekdays.longest(&[t.key.as_str()]).is_none()
                        && lex.months.longest(&[t.key.as_str()]).is_none()
                });
                if noun.is_some() {
                    c.tokens.end = k + 1;
                    if k + 1 < seg.tokens.end && is_org_adjective(lex, &toks[k + 1]) {
                        c.tokens.end = k + 2;
                    }
                }
            }
        }
        c.country = c.country.or(country);
    }
    out.push(c);
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
    t.is_word()
        && !t.cap
        && t.key.chars().count() >= 6
        && !lex.is_stopword(&t.key)
        && lex
            .adjective_endings
            .iter()
            .any(|e| t.key.ends_with(e.as_str()))
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
                .longest(&keys)
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
    fn longest(&self, keys: &[&str]) -> Option<usize> {
        let list = self.by_first.get(*keys.first()?)?;
        list.iter()
            .find(|k| k.len() <= keys.len() && k.iter().zip(keys).all(|(a, b)| a == b))
            .map(Vec::len)
    }
}

/// Candidates of an all-caps segment: gazetteer names, names known from the rest of the text,
/// and the place of a dateline ("FARMINGTON HILLS, Mich. 1996-08-30").
fn caps_candidates(ctx: &Context, seg: &Segment, known: &KnownForms, out: &mut Vec<Candidate>) {
    let doc = ctx.doc;
    let lex = doc.lex;
    let toks = &doc.tokens;
    let end = seg.tokens.end;
    let mut i = seg.tokens.start;
    let mut dateline = ctx.at_start(seg, i);
    while i < end {
        let t = &toks[i];
        if !t.is_word() || lex.is_stopword(&t.key) {
            i += 1;
            dateline = false;
            continue;
        }
        let keys = ctx.key_strs(i..end.min(i + MAX_PHRASE));
        // The longest name that starts here, from any source.
        let gaz = (1..=keys.len().min(5))
            .rev()
            .find_map(|n| classify_whole(doc, i..i + n).map(|c| (n, c)));
        let kn = known.longest(&keys);
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
        sentence: None,
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
                // "-": a region of several countries ("Europa", "Sud-est asiatico").
                country: (iso != "-").then(|| lex.country_name(iso)),
                ..base
            });
        }
    }
    None
}

/// Merges candidates into entities.
fn merge(doc: &Document, cands: Vec<Candidate>) -> Entities {
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
    for ci in order {
        let c = &cands[ci];
        let form = written(&c.tokens);
        let fk = folded(&c.tokens);
        let key = c.key.clone().unwrap_or_else(|| format!("n:{fk}"));
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
            crate::sort::by(&mut pool, |a, b| a.cmp(b));
            pool.dedup();
            target = pool
                .into_iter()
                .map(|e| (e, &list[e]))
                .filter(|(_, f)| f.tokens_in_name > words.len())
                .filter(|(e, f)| {
                    form_keys[*e].iter().any(|parts| {
                        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
                        let n = words.len();
                        if parts.len() <= n {
                            return false;
                        }
                        (f.kind == EntityKind::Person
                            && (parts[..n] == words[..] || parts[parts.len() - n..] == words[..]))
                            // "Rotor" of "Rotor Volgograd", unless it is the organization word.
                            || (f.kind == EntityKind::Organization
                                && parts[..n] == words[..]
                                && !words.iter().any(|w| doc.lex.org_cues.contains(*w)))
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
                target = acronyms.get(&form.to_lowercase()).copied();
            }
        }
        let keys_of_form: Vec<String> = fk.split(' ').map(str::to_string).collect();
        let e = match target {
            Some(e) => {
                let f = &mut list[e];
                if !f.forms.contains(&form) {
                    f.forms.push(form);
                    form_keys[e].push(keys_of_form.clone());
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
                form_keys.push(vec![keys_of_form.clone()]);
                list.len() - 1
            }
        };
        if keys_of_form.len() > 1 {
            for w in [keys_of_form.first(), keys_of_form.last()]
                .into_iter()
                .flatten()
            {
                let ids = edges.entry(w.clone()).or_default();
                if !ids.contains(&e) {
                    ids.push(e);
                }
            }
        }
        if list[e].kind == EntityKind::Organization && list[e].tokens_in_name > 1 {
            acronyms
                .entry(initials(&list[e].name).to_lowercase())
                .or_insert(e);
        }
        by_key.entry(key).or_insert(e);
        by_key.entry(format!("n:{fk}")).or_insert(e);
        match c.sentence {
            Some(sentence) => mentions.push(Mention {
                entity: e,
                tokens: c.tokens.clone(),
                sentence,
            }),
            None => outside.push((e, c.tokens.clone())),
        }
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
        mentions,
        outside,
        descriptions: Vec::new(),
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

    /// (language, text, name as output, kind, country link); `None` kind: no entity of that name.
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        Option<EntityKind>,
        Option<&'static str>,
    );

    #[test]
    fn rule_table() {
        use EntityKind::*;
        let cases: &[Case] = &[
            // a noun for a person right before an unknown name makes it a person
            (
                "it",
                "Il medico è stato chiamato dalla sorella Isabella nella notte.",
                "Isabella",
                Some(Person),
                None,
            ),
            (
                "it",
                "L'accusa mossa dal giornalista Gigi Di Fiore resta in piedi.",
                "Gigi Di Fiore",
                Some(Person),
                None,
            ),
            // a minister's portfolio is no name; the title and nationality go to the name after
            (
                "es",
                "Lo anunció el ministro marroquí de Energía, Karim Benali, en Rabat.",
                "Energía",
                None,
                None,
            ),
            (
                "es",
                "Lo anunció el ministro marroquí de Energía, Karim Benali, en Rabat.",
                "Karim Benali",
                Some(Person),
                Some("Marruecos"),
            ),
            // the minister's name after the portfolio
            (
                "it",
                "Ha parlato il ministro degli Esteri Giulio Terzi alla Camera.",
                "Giulio Terzi",
                Some(Person),
                None,
            ),
            // a word glued before a first name and a surname, opening the sentence, is not in it
            (
                "it",
                "Intanto Willy Monteiro è arrivato a casa.",
                "Willy Monteiro",
                Some(Person),
                None,
            ),
            // a given name of the shared list types a name of two words, not a word alone
            (
                "it",
                "I titoli erano andati a Fabian Cancellara per gli Elite.",
                "Fabian Cancellara",
                Some(Person),
                None,
            ),
            // a place written with a hyphen where the gazetteer has a space
            (
                "it",
                "Nevica in gran parte del Friuli-Venezia Giulia da ieri.",
                "Friuli-Venezia Giulia",
                Some(Place),
                Some("Italia"),
            ),
            // "contro la" makes a team only before the name, not after it
            (
                "it",
                "La Corte ha respinto il ricorso della procura di Torino contro la sentenza.",
                "Torino",
                Some(Place),
                Some("Italia"),
            ),
            // German capitals with nothing else to go on are nouns
            (
                "de",
                "Beide Länder wollen zusammen rund 3,5 Milliarden Euro investieren.",
                "Milliarden Euro",
                None,
                None,
            ),
            // a place noun and "of" before an unknown name
            (
                "en",
                "The mayor of Tavildara said the road was closed.",
                "Tavildara",
                Some(Place),
                None,
            ),
            (
                "it",
                "È stato ricoverato all'ospedale di Esine ieri sera.",
                "Esine",
                Some(Place),
                None,
            ),
            // the person a relative or a body led by someone is of
            (
                "it",
                "La moglie di Kerimbek ha parlato ieri sera.",
                "Kerimbek",
                Some(Person),
                None,
            ),
            // a person noun or a title in apposition right after
            (
                "it",
                "La polizia ha fermato Kerimbek, fratellastro del sindaco, nella notte.",
                "Kerimbek",
                Some(Person),
                None,
            ),
            (
                "en",
                "The court heard from Obuya, a spokeswoman for the council.",
                "Obuya",
                Some(Person),
                None,
            ),
            // a speech verb right after a quotation names its speaker
            (
                "it",
                "«Obama è un bugiardo», ha detto Zawahiri, che aggiunge altro.",
                "Zawahiri",
                Some(Person),
                None,
            ),
            // a locative opening the sentence, before a name of several words
            (
                "it",
                "A Forte dei Marmi è nevicato per tre giorni.",
                "Forte dei Marmi",
                Some(Place),
                None,
            ),
            // a code of capitals and digits is one name; a particle with a hyphen is inside one
            (
                "it",
                "Il candidato del M5S ha perso il ballottaggio.",
                "M5S",
                Some(Organization),
                None,
            ),
            (
                "it",
                "Il premier libico Fayez al-Sarraj è arrivato a Roma.",
                "Fayez al-Sarraj",
                Some(Person),
                None,
            ),
            // in a title-case headline a capitalized small word ends a name
            (
                "en",
                "Why Donald Trump As A President Would Be Bad\n\nDonald Trump spoke on Monday.",
                "Donald Trump",
                Some(Person),
                None,
            ),
            // a party adjective before a name is no part of it
            (
                "en",
                "Republican Donald Trump said the debate was rigged.",
                "Donald Trump",
                Some(Person),
                None,
            ),
            // headline style: short words in lower case, the others capitalized
            (
                "en",
                "Politifact: Donald Trump Is Right, Thousands of Shootings in Chicago this Year\n\nHe spoke.",
                "Donald Trump",
                Some(Person),
                None,
            ),
            // an abbreviated title with its period gives the role
            (
                "it",
                "Ieri sera è andato in onda l'ultimo episodio con il Dr. House e i suoi colleghi.",
                "House",
                Some(Person),
                None,
            ),
            // an English title quoted in title case is no person
            (
                "it",
                "Il sito titolava Passengers And Crew Safe in prima pagina.",
                "Passengers And Crew Safe",
                Some(Other),
                None,
            ),
            // an event or a prize is of kind other
            (
                "it",
                "Il Palio di Siena si corre il 2 luglio.",
                "Palio",
                Some(Other),
                None,
            ),
            // a storm or a work is of kind other
            (
                "it",
                "I danni causati dall'uragano Ike sono ingenti.",
                "Ike",
                Some(Other),
                None,
            ),
            // a body named after its leader: the body, and the person
            (
                "it",
                "Il Governo Letta ha approvato il decreto.",
                "Governo",
                Some(Organization),
                None,
            ),
            (
                "it",
                "Il Governo Letta ha approvato il decreto.",
                "Letta",
                Some(Person),
                None,
            ),
            // the rest of an organization's name in lower case after a particle
            (
                "it",
                "Lo ha deciso ieri il Consiglio dei ministri a Roma.",
                "Consiglio dei ministri",
                Some(Organization),
                None,
            ),
            // well-known companies and media need no cue; words like "Paese" are no name
            (
                "it",
                "Secondo Reuters, Fincantieri ha firmato con il Paese un contratto.",
                "Fincantieri",
                Some(Organization),
                None,
            ),
            (
                "it",
                "Secondo Reuters, Fincantieri ha firmato con il Paese un contratto.",
                "Paese",
                None,
                None,
            ),
            // a kind of organization right before a name makes it one
            (
                "it",
                "Un aereo della compagnia Adam Air è scomparso ieri.",
                "Adam Air",
                Some(Organization),
                None,
            ),
            (
                "it",
                "Lo ha detto la rete televisiva italiana Sportitalia in una nota.",
                "Sportitalia",
                Some(Organization),
                None,
            ),
            // an adjective after an organization noun is part of the name
            (
                "it",
                "Gli esami disposti dalla Polizia stradale hanno rivelato altro.",
                "Polizia stradale",
                Some(Organization),
                None,
            ),
            // two plain names, a particle, then an organization: a person of it
            (
                "it",
                "Lo ha detto Lant Princhett della Banca Mondiale in un intervento.",
                "Banca Mondiale",
                Some(Organization),
                None,
            ),
            // dotted capitals are an organization; capitals after a time a time zone
            (
                "it",
                "Il ricorso del W.W.F. è stato accolto alle 08:30 UTC di ieri.",
                "W.W.F.",
                Some(Organization),
                None,
            ),
            (
                "it",
                "Il ricorso del W.W.F. è stato accolto alle 08:30 UTC di ieri.",
                "UTC",
                None,
                None,
            ),
            // the organization a capitalized title names
            (
                "it",
                "Ne ha parlato il Presidente della Repubblica Giorgio Napolitano.",
                "Repubblica",
                Some(Organization),
                None,
            ),
            // a word written in lower case elsewhere is no name after an article
            (
                "it",
                "Il ministro ha detto che il Paese crescerà. Nel paese si vota.",
                "Paese",
                None,
                None,
            ),
            // a place after "città di", "sindaco di"
            (
                "it",
                "Lo ha annunciato ieri il sindaco di Albiano durante il consiglio.",
                "Albiano",
                Some(Place),
                None,
            ),
            // a name and its initials in brackets
            (
                "it",
                "Torna in lista Alternativa Sociale (AS) dopo il ricorso.",
                "Alternativa Sociale",
                Some(Organization),
                None,
            ),
            // an all-caps headline is read by the names known from the text
            (
                "en",
                "SHEARER SCORES TWICE IN LONDON\n\nAlan Shearer scored twice at Wembley on Friday.",
                "Alan Shearer",
                Some(Person),
                None,
            ),
            // a dateline opens a wire story
            (
                "en",
                "FARMINGTON HILLS, Mich. 1996-08-30\n\nThe company said its profit rose.",
                "FARMINGTON HILLS",
                Some(Place),
                None,
            ),
            // initials and elisions stay with the name
            (
                "en",
                "Bowler P. Simmons took four wickets as Keith O'Neill watched.",
                "P. Simmons",
                Some(Person),
                None,
            ),
            (
                "en",
                "Bowler P. Simmons took four wickets as Keith O'Neill watched.",
                "Keith O'Neill",
                Some(Person),
                None,
            ),
            // a place that plays is a team; a country stays a country
            (
                "en",
                "Leicestershire beat Somerset by an innings.",
                "Leicestershire",
                Some(Organization),
                None,
            ),
            (
                "en",
                "Romania beat Lithuania 2-1 in Bucharest.",
                "Romania",
                Some(Country),
                None,
            ),
            // two names in one run
            (
                "en",
                "The title went to Peter Nicol of Scotland on Sunday.",
                "Peter Nicol",
                Some(Person),
                None,
            ),
            (
                "en",
                "The title went to Peter Nicol of Scotland on Sunday.",
                "Scotland",
                Some(Place),
                None,
            ),
            (
                "it",
                "Lo ha detto il presidente della Regione Veneto Luca Zaia.",
                "Luca Zaia",
                Some(Person),
                None,
            ),
            // a role description names the person named before
            (
                "it",
                "Il presidente Vladimir Putin è arrivato ieri. Il leader russo ha parlato a lungo.",
                "Vladimir Putin",
                Some(Person),
                Some("Russia"),
            ),
            (
                "it",
                "Il presidente degli Stati Uniti Joe Biden ha visitato Hanoi.",
                "Joe Biden",
                Some(Person),
                Some("Stati Uniti"),
            ),
            // cues: place words, locatives, articles, institutions
            (
                "it",
                "Il corteo è partito da piazza Garibaldi verso la provincia di Treviso.",
                "piazza Garibaldi",
                Some(Place),
                None,
            ),
            (
                "it",
                "Il corteo è partito da piazza Garibaldi verso la provincia di Treviso.",
                "provincia di Treviso",
                Some(Place),
                None,
            ),
            (
                "it",
                "Ieri sera a Quintalba è mancata la luce.",
                "Quintalba",
                Some(Place),
                None,
            ),
            (
                "it",
                "Ieri sera la Pallavolo ha vinto e la Sirenetta ha perso.",
                "Sirenetta",
                Some(Organization),
                None,
            ),
            (
                "it",
                "Sono intervenuti la polizia locale e il governo russo.",
                "governo russo",
                Some(Organization),
                Some("Russia"),
            ),
            (
                "en",
                "Police said the Interfax news agency had the report.",
                "Interfax",
                Some(Organization),
                None,
            ),
            (
                "en",
                "Traffic stopped in Wall Street and East Jerusalem.",
                "Wall Street",
                Some(Place),
                None,
            ),
            (
                "en",
                "Fans of Dynamo Moscow and Air France staff.",
                "Dynamo Moscow",
                Some(Organization),
                None,
            ),
            // gazetteers: continents and regions, subdivisions, home towns
            (
                "it",
                "La crisi colpisce l'Europa e il Lazio.",
                "Europa",
                Some(Place),
                None,
            ),
            (
                "it",
                "La crisi colpisce l'Europa e il Lazio.",
                "Lazio",
                Some(Place),
                Some("Italia"),
            ),
            // no names: adjectives, roman numerals, single cue words
            (
                "en",
                "Putin's Asian tour came as Western powers stepped up sanctions.",
                "Western",
                None,
                None,
            ),
            (
                "en",
                "Putin's Asian tour came as Western powers stepped up sanctions.",
                "Asian",
                None,
                None,
            ),
            ("it", "Nel XV secolo la Piazza era vuota.", "XV", None, None),
        ];
        for (lang, text, name, kind, country) in cases {
            let got = names(text, lang);
            let e = got.iter().find(|e| e.0 == *name);
            assert_eq!(e.map(|e| e.1), *kind, "{name} in {text:?}: {got:?}");
            if let (Some(e), Some(c)) = (e, country) {
                assert_eq!(e.3.as_deref(), Some(*c), "{name} country in {text:?}");
            }
        }
    }
}
