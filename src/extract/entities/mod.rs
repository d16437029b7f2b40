//! Entities: proper names found from capitalization, cleaned of articles, titles and nationality
//! words, typed with gazetteers and cues, and merged (full names with their short forms,
//! acronyms with their expansions, one country under all its names).
//!
//! Three stages, one file each: [`candidates`] reads the capitalized runs of every sentence and
//! heading and cuts them into names; [`typing`] tells what each name is, from the gazetteers and
//! the words around it; [`merging`] joins the names of one entity. Role descriptions that stand
//! for a person named before ("il leader russo") are resolved here, after merging.

mod candidates;
mod merging;
mod nouns;
mod typing;

pub(crate) use nouns::{head, org_compound, Head};

// A fast hash: keys are words of the text, never a security boundary.
use rustc_hash::FxHashSet as HashSet;

use crate::analysis::{Entity, EntityKind, EntityRef};
use crate::document::Document;
use crate::segment::{BlockKind, Range, Token, TokenKind};

/// The longest phrase a word list holds, in tokens: lookups never read further.
const MAX_PHRASE: usize = 8;

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
    /// Per token, the mention that covers it plus one (0: none), made once `mentions` are final:
    /// [`Entities::mention_at`] reads it instead of searching (see [`covering`]).
    covering: Option<Vec<u32>>,
}

/// Per token, the index of the mention that covers it plus one (0: none), up to the end of the
/// last mention; `None` unless the mentions follow one another without overlapping (they do),
/// and then [`Entities::mention_at`] searches.
fn covering(mentions: &[Mention]) -> Option<Vec<u32>> {
    let ordered = mentions.iter().all(|m| m.tokens.start <= m.tokens.end)
        && mentions
            .windows(2)
            .all(|w| w[0].tokens.end <= w[1].tokens.start);
    if !ordered {
        return None;
    }
    let mut at = vec![0; mentions.last().map_or(0, |m| m.tokens.end)];
    for (i, m) in mentions.iter().enumerate() {
        at[m.tokens.clone()].fill(i as u32 + 1);
    }
    Some(at)
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
        if let Some(at) = &self.covering {
            return match at.get(t) {
                Some(&m) if m > 0 => self.mentions.get(m as usize - 1),
                _ => None,
            };
        }
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
    /// The headline.
    headline: bool,
    /// Written in capitals throughout (a wire headline, a dateline): capitalization says nothing.
    caps: bool,
    /// Every word capitalized, as English headlines are ("Why Trump Won").
    title_case: bool,
}

impl Segment {
    /// Does a capital tell a name here? Not in an all-caps segment, nor in a headline in title
    /// case ("Sanders Vows To Fight Tax Loopholes"): only names known from the gazetteers or the
    /// rest of the text are read there.
    fn reads_capitals(&self) -> bool {
        !self.caps && (!self.title_case || !self.headline)
    }
}

/// What the whole document tells about single words.
struct Context<'d, 'a> {
    doc: &'d Document<'a>,
    /// Per word of the document (see [`Document::words`]): seen in lower case somewhere?
    /// Capitalized at a sentence start such words are common words.
    lower_seen: Vec<bool>,
    /// Per word of the document: seen capitalized away from a sentence start?
    cap_mid: Vec<bool>,
    /// The last words of runs of two capitalized words or more: family names ("Robert |Hoyzer|",
    /// "Barack |Obama|").
    surnames: HashSet<&'d str>,
    /// Words the text writes right after a determiner, where every noun is capitalized (German):
    /// common nouns.
    nouns: HashSet<&'d str>,
}

impl<'d, 'a> Context<'d, 'a> {
    /// Reads which words the document writes in lower case, which capitalized away from a
    /// sentence start (all-caps segments say nothing), its family names and, where every noun is
    /// capitalized, its nouns.
    fn new(doc: &'d Document<'a>, segs: &[Segment]) -> Context<'d, 'a> {
        let mut ctx = Context {
            doc,
            lower_seen: vec![false; doc.words.len()],
            cap_mid: vec![false; doc.words.len()],
            surnames: doc
                .tokens
                .windows(3)
                .filter(|w| {
                    w[0].cap
                        && w[1].cap
                        && w[1].space_before
                        && !(w[2].is_word() && w[2].cap)
                        && !all_caps(w[1].text(doc.text()))
                })
                .map(|w| w[1].key.as_str())
                .collect(),
            nouns: nouns::after_determiner(doc),
        };
        let mut lower_seen = std::mem::take(&mut ctx.lower_seen);
        let mut cap_mid = std::mem::take(&mut ctx.cap_mid);
        for s in segs.iter().filter(|s| s.reads_capitals()) {
            for i in s.tokens.clone() {
                let t = &doc.tokens[i];
                let w = doc.word_of[i] as usize;
                if t.is_word() && !t.cap {
                    lower_seen[w] = true;
                } else if is_name_word(t) && !ctx.at_start(s, i) {
                    cap_mid[w] = true;
                }
            }
        }
        ctx.lower_seen = lower_seen;
        ctx.cap_mid = cap_mid;
        ctx
    }

    /// Is the word of token `i` seen in lower case somewhere in the document?
    fn seen_lower(&self, i: usize) -> bool {
        self.lower_seen[self.doc.word_of[i] as usize]
    }

    /// Is the word of token `i` seen capitalized away from a sentence start?
    fn seen_cap_mid(&self, i: usize) -> bool {
        self.cap_mid[self.doc.word_of[i] as usize]
    }

    /// Does token `t` open a sentence (ignoring opening quotes and brackets)? Its segment; a
    /// sentence that a quotation keeps inside the segment ("… la verdad. Hoy está …"); a
    /// quotation after a colon, a comma or a semicolon ("ha detto: «Vogliamo la pace»").
    fn at_start(&self, seg: &Segment, t: usize) -> bool {
        let toks = &self.doc.tokens;
        let opening = |x: &Token| {
            x.kind == TokenKind::Punct && !matches!(x.key.as_str(), "." | "," | ";" | ":")
        };
        if toks[seg.tokens.start..t].iter().all(opening) {
            return true;
        }
        let mut k = t;
        let mut quoted = false;
        while k > seg.tokens.start && opening(&toks[k - 1]) && !is_end_mark(&toks[k - 1].key) {
            let mark = toks[k - 1].text(self.doc.text());
            quoted |= crate::segment::is_open_quote(mark) || mark == "\"";
            k -= 1;
        }
        let Some(p) = k.checked_sub(1).map(|k| &toks[k]) else {
            return true;
        };
        match p.key.as_str() {
            "." => {
                k >= seg.tokens.start + 2 && {
                    // A period after a word, not after an initial or an abbreviation ("M. Dupont").
                    let w = &toks[k - 2];
                    (w.is_word()
                        && w.text(self.doc.text()).chars().count() > 1
                        && !self.doc.lex.abbreviations.contains(&w.key))
                        || closes_quote(&w.key)
                }
            }
            ":" | "," | ";" => quoted,
            key => is_end_mark(key),
        }
    }

    /// The keys of a range of tokens: each knows its word number, so that a lookup hashes none.
    fn keys(&self, r: std::ops::Range<usize>) -> &'d [Token] {
        &self.doc.tokens[r]
    }

    /// Is the whole range a country or place of the gazetteer?
    fn is_place(&self, r: std::ops::Range<usize>) -> bool {
        let k = self.keys(r);
        let lex = self.doc.lex;
        lex.countries.longest(k).is_some_and(|(n, _)| n == k.len())
            || lex.places.longest(k).is_some_and(|(n, _)| n == k.len())
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

/// A mark that ends a sentence, but for the period (which may end an abbreviation).
fn is_end_mark(k: &str) -> bool {
    matches!(k, "!" | "?" | "\u{2026}" | "...")
}

/// A mark that may close a quotation.
fn closes_quote(k: &str) -> bool {
    matches!(
        k,
        "\u{201D}" | "\u{00BB}" | "\u{201C}" | "\"" | "'" | "\u{2019}"
    )
}

/// An elision glued to the next word: "O'" of "O'Brien", "D'" of "D'Alema".
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
        .map(|(b, r)| Segment {
            tokens: r.clone(),
            sentence: None,
            headline: b.kind == BlockKind::Title,
            caps: false,
            title_case: false,
        })
        .chain(doc.sentences.iter().enumerate().map(|(i, s)| Segment {
            tokens: s.tokens.clone(),
            sentence: Some(i),
            headline: false,
            caps: false,
            title_case: false,
        }))
        .filter(|s| !s.tokens.is_empty())
        .collect();
    crate::sort::by_key(&mut out, |s| s.tokens.start);
    let text = doc.text();
    let mut words: Vec<&str> = Vec::new();
    for s in &mut out {
        words.clear();
        words.extend(
            doc.tokens[s.tokens.clone()]
                .iter()
                .filter(|t| {
                    t.is_word()
                        && t.text(text)
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .nth(1)
                            .is_some()
                })
                .map(|t| t.text(text)),
        );
        let upper = words.iter().filter(|w| all_caps(w)).count();
        s.caps =
            !words.is_empty() && upper * 4 >= words.len() * 3 && (words.len() >= 2 || upper == 1);
        // (Headline style leaves short words in lower case: "Trump Is Right on Shootings in Chicago".)
        let (mut long, mut capitalized) = (0, 0);
        for w in words.iter().filter(|w| w.chars().nth(3).is_some()) {
            long += 1;
            capitalized += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
        // (German capitalizes every noun: its headlines look the same as its sentences. A
        // sentence with a few names is no title: "British Prime Minister Theresa May was …".)
        let headline = s.sentence.is_none() && long >= 4 && capitalized * 5 >= long * 4;
        let sentence = long >= 6 && capitalized * 10 >= long * 9;
        s.title_case = !s.caps && !doc.lex.nouns_capitalized && (headline || sentence);
    }
    out
}

/// Reads the entities of a document.
pub fn extract(doc: &Document) -> Entities {
    let segs = segments(doc);
    let ctx = Context::new(doc, &segs);
    let mut cands = candidates::read(&ctx, &segs);
    typing::by_neighbours(&ctx, &segs, &mut cands);
    merging::merge(doc, cands)
}
