//! Quotes: the words inside quotation marks — “…”, «…», „…“, »…«, "…", ‘…’, with nested marks kept
//! inside — and who said them, read from the attribution around them:
//! - after the quote: "…”, ha detto Lam", "…,” Lam told reporters", "…,” said X, the …",
//!   "…” ― Name";
//! - before it: "X said: “…”", "X ha affermato che … “…”", "secondo X, “…”", "according to X";
//! - inside it, between dashes ("«… - ha detto il sindaco - …»", "«… —dijo Pedro Ruiz— …»");
//! - in the sentence that introduces it ("Caddell continued:"), or carried over from the quote it
//!   continues ("“A,” said X. “B.”", a paragraph that runs on into the next one);
//! - with no speech verb: the subject opening its sentence, the person the next sentence says
//!   spoke so, or the speaker of the quote just before.
//!
//! A pronoun or a dropped subject ("Ha detto che…", "he said") is the nearest fitting person
//! before it, and so is a role named alone ("sagte der Minister", "the president said"); a description ("un alto funzionario ucraino", "a State Department spokesperson") or
//! an organization or country is a speaker too. Scare quotes and titles (a quoted word, “Morning
//! Joe”, a short phrase nobody is said to have said) are left out.

use crate::analysis::{EntityKind, EntityRef, Quote};
use crate::document::Document;
use crate::extract::entities::{Entities, Head};
use crate::extract::mentions::{gender_of, Mentions, RefKind};
use crate::lexicon::Link;
use crate::segment::{BlockKind, Range, Token, TokenKind};

/// A quotation, in token indices: its opening mark, and the first token after its words (the
/// closing mark, or the end of the paragraph when the quotation runs on into the next one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Quotation {
    open: usize,
    end: usize,
    closed: bool,
    block: usize,
}

/// What kind of mark opened a quotation still open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    /// “, closed by ”, or by “ and " in a closing position.
    Curly,
    /// „, closed by “ or ”.
    Low,
    /// «, closed by ».
    Angle,
    /// » opening (German »…«), closed by «.
    AngleBack,
    /// ", closed by the next ".
    Straight,
    /// ‘ or ‚, closed by ’ (folded to ') or ‘; never a quotation when left open. A straight ' never
    /// opens one: it is an apostrophe far more often than a mark.
    Single,
}

/// Who said a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Entity(usize),
    /// A description, as the token range `start..end`.
    Words(usize, usize),
    /// Someone is said to speak, but who cannot be told (a pronoun with nobody before it).
    Unknown,
}

/// How the speaker was found (it sets the confidence).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum How {
    /// A speech verb or an attribution phrase names the speaker.
    Said,
    /// The quote continues an attributed one, or a sentence ending in ':' introduces it.
    Carried,
    /// The only person named before the quote in its sentence.
    Guessed,
}

pub(crate) fn extract(doc: &Document, ents: &Entities, refs: &Mentions) -> Vec<Quote> {
    let qs = quotations(doc);
    let ctx = Ctx {
        doc,
        ents,
        refs,
        qs: &qs,
    };
    let mut said: Vec<Option<Who>> = Vec::with_capacity(qs.len());
    let mut out = Vec::new();
    for (qi, q) in qs.iter().enumerate() {
        let found = ctx.attribute(qi, &said);
        said.push(found.map(|f| f.0).filter(|w| *w != Who::Unknown));
        if let Some(quote) = ctx.quote(q, found) {
            out.push(quote);
        }
    }
    out
}

/// Every quotation of the document's paragraphs, in order; only the outermost of nested ones.
/// Straight single marks quote only in a text that quotes with no double marks (the British way:
/// "'We agreed,' Arum said"); elsewhere they quote inside a quotation, or a word.
fn quotations(doc: &Document) -> Vec<Quotation> {
    let mut out = Vec::new();
    let doubles = doc.tokens.iter().any(|t| {
        t.kind == TokenKind::Punct
            && matches!(
                t.text(doc.text()),
                "\"" | "\u{201C}" | "\u{201D}" | "\u{201E}" | "\u{00AB}" | "\u{00BB}"
            )
    });
    for (bi, b) in doc.blocks.iter().enumerate() {
        if b.kind == BlockKind::Paragraph {
            if let Some(r) = doc.block_tokens.get(bi) {
                pair_block(doc, bi, r.clone(), !doubles, &mut out);
            }
        }
    }
    out
}

fn is_quote_mark(s: &str) -> bool {
    matches!(
        s,
        "\u{201C}"
            | "\u{201D}"
            | "\u{201E}"
            | "\u{00AB}"
            | "\u{00BB}"
            | "\""
            | "\u{2018}"
            | "\u{201A}"
            | "'"
    )
}

/// Pairs the quotation marks of one paragraph (token range `r` of block `bi`). A mark's direction
/// comes from its kind where the kind tells it (“ „ « open), else from its position: glued to the
/// word after it, it opens; glued to the word before it, it closes. A double quotation still open
/// at the end of the paragraph ends there; an open single mark was an apostrophe.
fn pair_block(
    doc: &Document,
    bi: usize,
    r: std::ops::Range<usize>,
    straight_singles: bool,
    out: &mut Vec<Quotation>,
) {
    let toks = &doc.tokens;
    let text = doc.text();
    // (token, kind, inside markup: `="…"`)
    let mut stack: Vec<(usize, Mark, bool)> = Vec::new();
    let mut pairs: Vec<(Quotation, bool)> = Vec::new();
    let free_before = |i: usize| {
        i == r.start
            || toks[i].space_before
            || matches!(toks[i - 1].key.as_str(), "(" | "[" | "-" | "/")
            || is_quote_mark(toks[i - 1].text(text))
    };
    let free_after = |i: usize| {
        i + 1 >= r.end
            || toks[i + 1].space_before
            || (toks[i + 1].kind == TokenKind::Punct
                && !matches!(toks[i + 1].key.as_str(), "(" | "[" | "$" | "£" | "€"))
    };
    for i in r.clone() {
        let t = &toks[i];
        if t.kind != TokenKind::Punct {
            continue;
        }
        let s = t.text(text);
        if !is_quote_mark(s) {
            continue;
        }
        let opening = free_before(i) && !free_after(i);
        let closing = free_after(i) && !free_before(i);
        let top = stack.last().map(|e| e.1);
        let close_to = |stack: &mut Vec<(usize, Mark, bool)>, kinds: &[Mark]| {
            let at = stack.iter().rposition(|e| kinds.contains(&e.1))?;
            let (open, _, markup) = stack[at];
            stack.truncate(at);
            Some((open, markup))
        };
        let closed = match s {
            "\u{201C}" if !opening && stack.iter().any(|e| e.1 == Mark::Low) => {
                close_to(&mut stack, &[Mark::Low])
            }
            "\u{201C}" if closing && matches!(top, Some(Mark::Curly | Mark::Straight)) => {
                close_to(&mut stack, &[Mark::Curly, Mark::Straight])
            }
            "\u{201D}" if matches!(top, Some(Mark::Curly | Mark::Low | Mark::Straight)) => {
                close_to(&mut stack, &[Mark::Curly, Mark::Low, Mark::Straight])
            }
            "\u{00AB}" if stack.iter().any(|e| e.1 == Mark::AngleBack) => {
                close_to(&mut stack, &[Mark::AngleBack])
            }
            "\u{00BB}" if stack.iter().any(|e| e.1 == Mark::Angle) => {
                close_to(&mut stack, &[Mark::Angle])
            }
            "\u{00BB}" if opening => {
                stack.push((i, Mark::AngleBack, false));
                None
            }
            "\"" if stack.iter().any(|e| e.1 == Mark::Straight) => {
                close_to(&mut stack, &[Mark::Straight])
            }
            "\"" if closing && matches!(top, Some(Mark::Curly | Mark::Low)) => {
                close_to(&mut stack, &[Mark::Curly, Mark::Low])
            }
            "\u{2018}" | "'" if top == Some(Mark::Single) && !opening => {
                close_to(&mut stack, &[Mark::Single])
            }
            // A single quotation still open, a sentence ended, and another opens: the one open
            // ran on (a paragraph of a quote run into the next, whose mark opens it anew: "'We
            // are ready. 'We will pay.'"). It ends here; the new one starts.
            "\u{2018}" | "\u{201A}" | "'"
                if top == Some(Mark::Single)
                    && opening
                    && i > r.start
                    && matches!(toks[i - 1].key.as_str(), "." | "!" | "?")
                    && toks.get(i + 1).is_some_and(|n| n.is_word() && n.cap) =>
            {
                if let Some((open, markup)) = close_to(&mut stack, &[Mark::Single]) {
                    let q = Quotation {
                        open,
                        end: i,
                        closed: false,
                        block: bi,
                    };
                    pairs.push((q, markup));
                }
                stack.push((i, Mark::Single, false));
                None
            }
            "\u{2018}" | "\u{201A}" if opening => {
                stack.push((i, Mark::Single, false));
                None
            }
            // A straight single mark before a word, after a space ("'We agreed,' Arum said"),
            // in the British way; an apostrophe is glued inside a word or after it.
            "'" if straight_singles
                && opening
                && toks.get(i + 1).is_some_and(|n| n.is_word() && n.cap) =>
            {
                stack.push((i, Mark::Single, false));
                None
            }
            // A straight mark glued to the word before it and nothing open: an inch mark or a
            // lost opening mark, not the start of a quotation.
            "\"" if closing => None,
            "\u{201C}" | "\u{201E}" | "\u{00AB}" | "\"" => {
                let markup = i > r.start && !t.space_before && toks[i - 1].key == "=";
                let kind = match s {
                    "\u{201E}" => Mark::Low,
                    "\u{00AB}" => Mark::Angle,
                    "\"" => Mark::Straight,
                    _ => Mark::Curly,
                };
                stack.push((i, kind, markup));
                None
            }
            _ => None,
        };
        if let Some((open, markup)) = closed {
            pairs.push((
                Quotation {
                    open,
                    end: i,
                    closed: true,
                    block: bi,
                },
                markup,
            ));
        }
    }
    // A double quotation left open runs to the end of the paragraph (news style for a quote
    // running over several paragraphs: each opens with a mark, only the last one closes).
    if let Some(&(open, _, markup)) = stack.iter().find(|e| e.1 != Mark::Single) {
        pairs.push((
            Quotation {
                open,
                end: r.end,
                closed: false,
                block: bi,
            },
            markup,
        ));
    }
    crate::sort::by_key(&mut pairs, |p| (p.0.open, std::cmp::Reverse(p.0.end)));
    let mut reach = 0;
    for (q, markup) in pairs {
        if q.open < reach {
            continue; // nested inside the one before
        }
        // (A quotation that ran on ends at the mark opening the next one.)
        reach = q.end + usize::from(q.closed);
        if !markup {
            out.push(q);
        }
    }
}

struct Ctx<'a, 'd> {
    doc: &'a Document<'d>,
    ents: &'a Entities,
    refs: &'a Mentions,
    qs: &'a [Quotation],
}

/// How far (in tokens) from a quote its attribution is looked for.
const REACH: usize = 80;
/// How many words a title set off by a comma before its holder's name may take ("the minister of
/// Finance of Brazil, X").
const APPOSED_TITLE: usize = 5;

/// The speaker, how it was found, and a token of the attribution (for the evidence).
type Attribution = (Who, How, usize);

impl Ctx<'_, '_> {
    fn toks(&self) -> &[Token] {
        &self.doc.tokens
    }

    fn key(&self, k: usize) -> &str {
        self.doc.tokens.get(k).map_or("", |t| t.key.as_str())
    }

    fn keys(&self, a: usize, b: usize) -> &[Token] {
        &self.toks()[a..b.max(a)]
    }

    /// Is token `k` inside a quotation (marks included)?
    fn quoted(&self, k: usize) -> bool {
        let i = self.qs.partition_point(|q| q.open <= k);
        i > 0 && self.qs[i - 1].end >= k
    }

    /// The speech phrase starting at token `k` (not reading past `end`): its length and whether
    /// the source follows it ("according to X").
    fn speech_at(&self, k: usize, end: usize) -> Option<(usize, bool)> {
        self.speech_phrase(k, end, false)
    }

    /// [`Self::speech_at`], also inside a quotation when `in_quote` (an inciso between dashes).
    fn speech_phrase(&self, k: usize, end: usize, in_quote: bool) -> Option<(usize, bool)> {
        let t = self.toks().get(k)?;
        // "so-called" is not "called"
        let hyphenated = k > 0
            && !t.space_before
            && self.key(k - 1) == "-"
            && !(in_quote && self.long_dash(k - 1));
        if !t.is_word() || hyphenated || (self.quoted(k) && !in_quote) {
            return None;
        }
        let lex = self.doc.lex;
        let keys = self.keys(k, end.min(k + 8));
        if let Some((n, _)) = lex.speech_verbs.longest(keys) {
            let after = lex.source_after.longest(keys).is_some_and(|(m, _)| m == n);
            return Some((n, after));
        }
        // An auxiliary and a participle of a speech verb, maybe with an adverb between them:
        // "a pointé", "ha quindi ricordato", "hat außerdem gesagt".
        if let Some((a, _)) = lex.speech_aux.longest(keys) {
            for gap in [0, 1] {
                let p = k + a + gap;
                let adverb = gap == 0
                    || self.toks().get(k + a).is_some_and(|t| {
                        t.is_word() && !t.cap && self.ents.mention_at(k + a).is_none()
                    });
                if p < end && adverb && lex.speech_participles.contains(&self.toks()[p].key) {
                    return Some((a + gap + 1, false));
                }
            }
        }
        None
    }

    /// Is token `k` a preposition: a function word in lower case that is no article, or one
    /// that also says where ("au", "alla", "à la")?
    fn preposition(&self, k: usize) -> bool {
        let lex = self.doc.lex;
        let t = &self.toks()[k];
        t.is_word()
            && !t.cap
            && lex.is_stopword(&t.key)
            && self.pronoun(k).is_none()
            && (!lex.articles.contains(&t.key)
                || lex.locatives.contains(&t.key)
                || lex.particles.contains(&t.key))
    }

    fn clause_word(&self, k: usize) -> bool {
        let keys = self.keys(k, (k + 3).min(self.toks().len()));
        self.doc.lex.clause_words.longest(keys).is_some()
    }

    /// Is token `k` the name of a month or a weekday?
    fn date_word(&self, k: usize) -> bool {
        let lex = self.doc.lex;
        let key = [self.key(k)];
        lex.months.longest(&key).is_some() || lex.weekdays.longest(&key).is_some()
    }

    fn pronoun(&self, k: usize) -> Option<char> {
        self.doc.lex.pronouns.get(self.key(k)).copied()
    }

    fn kind(&self, e: usize) -> EntityKind {
        self.ents.list[e].kind
    }

    fn is_actor(&self, e: usize) -> bool {
        matches!(
            self.kind(e),
            EntityKind::Person | EntityKind::Organization | EntityKind::Country
        )
    }

    /// Does the sentence of token `t` hold nothing but punctuation before it?
    /// (Or does a sentence end right before it, inside a quotation: "'We are ready. 'We will
    /// pay.'")
    fn opens_sentence(&self, t: usize) -> bool {
        self.doc.starts_sentence(t) || (t > 0 && matches!(self.key(t - 1), "." | "!" | "?"))
    }

    /// The end of the sentence of token `k`, but no further than [`REACH`] tokens: an
    /// attribution is near its quote, and a run-on "sentence" must not make the search quadratic.
    fn sentence_end(&self, k: usize) -> usize {
        self.doc
            .sentence_of_token(k)
            .map_or(k, |s| self.doc.sentences[s].tokens.end)
            .min(k + REACH)
    }

    /// The start of the sentence of token `k`, but no further back than [`REACH`] tokens.
    fn sentence_start(&self, k: usize) -> usize {
        self.doc
            .sentence_of_token(k)
            .map_or(k, |s| self.doc.sentences[s].tokens.start)
            .max(k.saturating_sub(REACH))
    }

    /// Who said quotation `qi`: the attribution after it, before it, the sentence introducing it,
    /// the quote it continues, or (a guess) the person named before it in its sentence.
    fn attribute(&self, qi: usize, said: &[Option<Who>]) -> Option<Attribution> {
        self.attribute_here(qi, said).or_else(|| {
            // ("“On a obtenu…” pour le prêt, dans “un accord…”, a indiqué le RN", "'A' and 'B,'
            // he said": the quotes of a sentence before its one speech verb share its speaker.)
            let q = self.qs[qi];
            let next = *self.qs.get(qi + 1)?;
            let same = self.doc.sentence_of_token(next.open) == self.doc.sentence_of_token(q.open);
            let verb_between = (q.end..next.open).any(|v| {
                self.speech_at(v, next.open).is_some() || matches!(self.key(v), "." | "!" | "?")
            });
            if !same || verb_between || next.open > q.end + 12 {
                return None;
            }
            self.after(next, said)
                .map(|(w, _, at)| (w, How::Carried, at))
        })
    }

    /// The speaker of quote `qi` told around it (see `attribute`).
    fn attribute_here(&self, qi: usize, said: &[Option<Who>]) -> Option<Attribution> {
        let q = self.qs[qi];
        if let Some(a) = self.inside(q, said) {
            return Some(a);
        }
        if let Some(a) = self.after(q, said) {
            return Some(a);
        }
        if let Some(a) = self.before(q, said) {
            return Some(a);
        }
        if self.opens_sentence(q.open) {
            if let Some(a) = self.introduced(q, said) {
                return Some(a);
            }
            if let Some(w) = self.continued(qi, said) {
                return Some((w, How::Carried, q.open));
            }
            return self.standing_alone(q, said);
        }
        // "Berlusconi, dopo i colloqui, lascia la porta aperta: «…»", "E poi: «…»": a colon
        // before the quote, no speech verb — the subject of the clause before the colon, or the
        // one spoken of before.
        if q.open > 0 && self.key(q.open - 1) == ":" {
            let who = self
                .colon_subject(q, said)
                .or_else(|| self.resolve(q.open, None, said));
            if let Some(w) = who {
                return Some((w, How::Carried, q.open - 1));
            }
        }
        // No speech verb: the last person named before the quote in its sentence who can be its
        // subject ("Putin thanked Hanoi for its “…”"), not an object ("attacked Clinton"), a
        // possessive or a complement.
        let start = self.sentence_start(q.open);
        let toks = self.toks();
        let lex = self.doc.lex;
        self.ents
            .mentions_in(start..q.open)
            .filter(|m| {
                let k = m.tokens.start;
                let object = k > start
                    && toks[k - 1].is_word()
                    && !toks[k - 1].cap
                    && !lex.is_stopword(&toks[k - 1].key);
                self.kind(m.entity) == EntityKind::Person
                    && !self.quoted(k)
                    && !object
                    && self.heads(m.tokens.clone(), start)
            })
            .last()
            .map(|m| (Who::Entity(m.entity), How::Guessed, q.open))
            // Else the subject opening the sentence ("L'AP-HP a complété cette somme par «…»").
            .or_else(|| {
                let w = self.opening_subject(start, q.open, said)?;
                Some((w, How::Guessed, q.open))
            })
            // Else the next sentence says who spoke so ("«…». Il premier X si esprime così").
            .or_else(|| self.told_next(q, said))
            // Else the speaker of the quote just before, in this sentence or the one before of
            // the same paragraph, with nobody else named between ("«…» ha dichiarato il capo
            // del Viminale. Proprio questo avrebbe portato la Polizia «…»").
            .or_else(|| {
                let p = *self.qs.get(qi.checked_sub(1)?)?;
                let who = said.get(qi - 1).copied().flatten()?;
                let sp = self.doc.sentence_of_token(p.open)?;
                let sq = self.doc.sentence_of_token(q.open)?;
                let someone_else = self.ents.mentions_in(p.end..q.open).any(|m| {
                    self.kind(m.entity) == EntityKind::Person
                        && !self.quoted(m.tokens.start)
                        && who != Who::Entity(m.entity)
                });
                (p.block == q.block && sq <= sp + 2 && !someone_else).then_some((
                    who,
                    How::Guessed,
                    q.open,
                ))
            })
    }

    /// The subject of the clause before a colon that opens the quote ("Più cauto Lind: «…»").
    fn colon_subject(&self, q: Quotation, said: &[Option<Who>]) -> Option<Who> {
        if q.open == 0 || self.key(q.open - 1) != ":" {
            return None;
        }
        let start = self.sentence_start(q.open);
        match self.subject(start, q.open - 1, said) {
            Some(w @ Who::Entity(_)) => Some(w),
            _ => self
                .opening_subject(start, q.open - 1, said)
                .or_else(|| self.pronoun_after_verb(start, q.open - 1, said)),
        }
    }

    /// The person the sentence after the quote's says spoke so, with a speech verb among its
    /// first words and no quotation of its own ("«…». Il premier X si esprime così").
    fn told_next(&self, q: Quotation, said: &[Option<Who>]) -> Option<Attribution> {
        let s = self.doc.sentence_of_token(q.open)?;
        let sent = &self.doc.sentences[s];
        let next = self
            .doc
            .sentences
            .get(s + 1)
            .filter(|n| n.block == sent.block)?;
        let end = next.tokens.end.min(next.tokens.start + 16);
        let v = (next.tokens.start..end).find(|&v| self.speech_at(v, end).is_some())?;
        if self.qs.iter().any(|x| next.tokens.contains(&x.open)) {
            return None;
        }
        match self.subject(next.tokens.start, v, said) {
            Some(Who::Entity(e)) => Some((Who::Entity(e), How::Guessed, v)),
            _ => None,
        }
    }

    /// A quotation that is a sentence of its own, with no attribution: the person the next
    /// sentence says spoke so ("«…». Il premier Boris Johnson si esprime così"), else the one
    /// the sentence before is about, in the same paragraph ("Maroni se la prende con la UEFA.
    /// «Se la UEFA…»"). A guess.
    fn standing_alone(&self, q: Quotation, said: &[Option<Who>]) -> Option<Attribution> {
        let s = self.doc.sentence_of_token(q.open)?;
        let sent = &self.doc.sentences[s];
        let whole = q.closed && q.end + 2 >= sent.tokens.end;
        if !whole {
            return None;
        }
        if let Some(a) = self.told_next(q, said) {
            return Some(a);
        }
        let prev = self.doc.sentences.get(s.checked_sub(1)?)?;
        if prev.block != sent.block || self.qs.iter().any(|x| prev.tokens.contains(&x.open)) {
            return None;
        }
        self.ents
            .mentions_in(prev.tokens.clone())
            .find(|m| self.kind(m.entity) == EntityKind::Person && !self.quoted(m.tokens.start))
            .map(|m| (Who::Entity(m.entity), How::Guessed, m.tokens.start))
    }

    /// An attribution set off by dashes inside the quotation ("«L'utilizzo delle piazze viene
    /// stabilito da una commissione - ha detto il primo cittadino - e non da noi»", "«… -
    /// aggiunge - Noi offriamo una tregua»"): the speaker named after the verb, else the one
    /// spoken of before (a dropped subject).
    fn inside(&self, q: Quotation, said: &[Option<Who>]) -> Option<Attribution> {
        let toks = self.toks();
        let end = q.end.min(q.open + REACH * 4);
        let (v, n) = (q.open + 2..end).find_map(|k| {
            let dash = (toks[k].key == "-" && toks[k].space_before) || self.long_dash(k);
            if !dash {
                return None;
            }
            match self.speech_phrase(k + 1, end, true) {
                Some((n, false)) => Some((k + 1, n)),
                _ => None,
            }
        })?;
        // The inciso ends at the next dash or comma.
        let stop = (v + n..end)
            .find(|&j| matches!(toks[j].key.as_str(), "-" | "," | "." | ";") || self.long_dash(j))
            .unwrap_or(end);
        let who = match (v..v + n).find_map(|j| self.pronoun(j)) {
            Some(g) => self.resolve(v, Some(g), said),
            None => self
                .named_after(v + n, stop, said)
                .or_else(|| self.resolve(q.open, None, said)),
        };
        Some((who?, How::Said, v))
    }

    /// Is token `k` a dash of punctuation (— or –), not a hyphen?
    fn long_dash(&self, k: usize) -> bool {
        // (The normalized text folds them to a hyphen: the original tells.)
        let t = &self.toks()[k];
        t.key == "-"
            && matches!(
                self.doc.original_text(t.range).as_str(),
                "\u{2014}" | "\u{2013}"
            )
    }

    /// "…”, ha detto Lam" / "…,” Lam told reporters" / "…,” said X" / "…” ― Name".
    fn after(&self, q: Quotation, said: &[Option<Who>]) -> Option<Attribution> {
        let toks = self.toks();
        if !q.closed {
            return None;
        }
        let block_end = self.doc.block_tokens.get(q.block).map_or(0, |r| r.end);
        let mut k = q.end + 1;
        let mut dash = false;
        while k < block_end
            && toks[k].kind == TokenKind::Punct
            && matches!(toks[k].key.as_str(), "," | "-" | ":")
        {
            dash |= toks[k].key == "-";
            k += 1;
        }
        // ("'We are ready to pay.' Sources close to …": a quote that ends its sentence inside its
        // marks is followed by a new sentence, not by its attribution, unless a dash ties them.)
        let finished = q.end > q.open + 1 && toks[q.end - 1].key == ".";
        if k >= block_end || (finished && !dash) {
            return None;
        }
        // The attribution ends with its sentence or at the next quotation.
        let next_open = self
            .qs
            .get(self.qs.partition_point(|x| x.open <= q.end))
            .map(|x| x.open);
        let end = self
            .sentence_end(k)
            .min(next_open.unwrap_or(usize::MAX))
            .min(block_end);
        if k >= end {
            return None;
        }
        if dash {
            // "…” ― Jorge Falcon": a name right after a dash.
            if let Some(m) = self.ents.mention_at(k).filter(|m| self.is_actor(m.entity)) {
                return Some((Who::Entity(m.entity), How::Said, k));
            }
            let name = (k..end)
                .take_while(|&j| toks[j].is_word() && toks[j].cap)
                .count();
            if (2..=4).contains(&name)
                && (k + name == end || toks[k + name].kind == TokenKind::Punct)
            {
                return Some((Who::Words(k, k + name), How::Said, k));
            }
        }
        if let Some((n, _)) = self.speech_at(k, end) {
            // "a-t-il déclaré", "sagte er": the pronoun is part of the phrase.
            let who = match (k..k + n).find_map(|j| self.pronoun(j)) {
                Some(g) => self.resolve(k, Some(g), said).or(Some(Who::Unknown)),
                // ("Più cauto Lind: «…», ha affermato": a dropped subject is the one who opened
                // the quote with a colon.)
                None => self
                    .named_after(k + n, end, said)
                    .or_else(|| self.colon_subject(q, said))
                    .or_else(|| self.resolve(k, None, said)),
            };
            return Some((who?, How::Said, k));
        }
        // Subject first: "…,” Tulsa police Chief Chuck Jordan said Monday.
        let limit = end.min(k + 30);
        let mut v = k;
        while v < limit {
            let t = &toks[v];
            if t.kind == TokenKind::Punct && matches!(t.key.as_str(), ";" | ":") {
                return None;
            }
            if self.clause_word(v) && (v == k || toks[v - 1].key != ",") {
                return None;
            }
            if let Some((n, false)) = self.speech_at(v, end) {
                // ("…\" avec Boris Johnson, a-t-elle expliqué": a pronoun in the speech phrase is
                // its subject, not the name before it.)
                if let Some(g) = (v..v + n).find_map(|j| self.pronoun(j)) {
                    return Some((self.resolve(v, Some(g), said)?, How::Said, k));
                }
                // ("…» au Samu 93, a annoncé l'AP-HP": a phrase set off by a comma, then the
                // verb and its subject after it.)
                if v > k && toks[v - 1].key == "," && self.preposition(k) {
                    if let Some(who) = self.named_after(v + n, end, said) {
                        return Some((who, How::Said, k));
                    }
                }
                let who = self.subject(k, v, said)?;
                return Some((who, How::Said, k));
            }
            v += 1;
        }
        None
    }

    /// The nearest speech verb before the quote in its sentence, and its subject; or
    /// "secondo X, “…”" / "according to X, “…”".
    fn before(&self, q: Quotation, said: &[Option<Who>]) -> Option<Attribution> {
        let start = self.sentence_start(q.open);
        let mut v = q.open;
        while v > start {
            v -= 1;
            if self.quoted(v) {
                continue;
            }
            let Some((n, source_after)) = self.speech_at(v, q.open) else {
                continue;
            };
            // Take the whole phrase when an auxiliary starts it ("ha detto", "has said").
            let mut v0 = v;
            while v0 > start
                && self
                    .speech_at(v0 - 1, q.open)
                    .is_some_and(|(m, _)| v0 - 1 + m >= v + n)
            {
                v0 -= 1;
            }
            let n = self.speech_at(v0, q.open).map_or(n, |x| x.0);
            let who = self.speaker_of(start, v0, n, q.open, source_after, said)?;
            return Some((who, How::Said, v0));
        }
        None
    }

    /// Who the speech phrase at `v` (`n` tokens, its clause starting at `a`, what follows it
    /// reaching to `end`) names: the source after "according to", else its subject, else a
    /// speaker after it ("said Rep. X", "Ha detto il ministro: “…”"), else a dropped subject.
    fn speaker_of(
        &self,
        a: usize,
        v: usize,
        n: usize,
        end: usize,
        source_after: bool,
        said: &[Option<Who>],
    ) -> Option<Who> {
        if source_after {
            return self.named_after(v + n, end, said);
        }
        let subject = self.subject(a, v, said);
        // German puts the subject after the verb when another phrase opens the clause
        // ("Gegenüber dem Tagesspiegel sagte der Linkspolitiker", "Am Montag sagte X"): when a
        // preposition or a date opens it, a person before the verb is the subject, else the one
        // named after it.
        let lex = self.doc.lex;
        let toks = self.toks();

        let fronted = (a..v).find(|&k| toks[k].is_word()).is_some_and(|k| {
            let key = toks[k].key.as_str();
            (lex.is_stopword(key) && !lex.articles.contains(key) && self.pronoun(k).is_none())
                || self.date_word(k)
                || (k + 1 < v && self.date_word(k + 1))
        });
        let person = matches!(subject, Some(Who::Entity(e)) if self.kind(e) == EntityKind::Person);
        if lex.verb_final && fronted && !person {
            if let Some(w) = self.named_after(v + n, end, said) {
                return Some(w);
            }
        }
        subject
            .or_else(|| self.named_after(v + n, end, said))
            .or_else(|| self.resolve(v, None, said))
    }

    /// The sentence right before the quote introduces it: one ending in ':' ("Caddell
    /// continued:"), or one of the same paragraph with a speech verb ("Schiff said. “…”").
    fn introduced(&self, q: Quotation, said: &[Option<Who>]) -> Option<Attribution> {
        let s = self.doc.sentence_of_token(q.open)?;
        let prev = self.doc.sentences.get(s.checked_sub(1)?)?;
        let toks = self.toks();
        let last = prev.tokens.end.checked_sub(1)?;
        let colon = toks[last].key == ":";
        if !colon && prev.block != self.doc.sentences[s].block {
            return None;
        }
        let mut v = last;
        while v > prev.tokens.start {
            v -= 1;
            if let Some((n, source_after)) = self.speech_at(v, last) {
                let w = self.speaker_of(prev.tokens.start, v, n, last, source_after, said);
                return w.map(|w| (w, How::Carried, v));
            }
        }
        if !colon {
            return None;
        }
        let m = self
            .ents
            .mentions_in(prev.tokens.clone())
            .find(|m| self.is_actor(m.entity) && !self.quoted(m.tokens.start))?;
        Some((Who::Entity(m.entity), How::Carried, m.tokens.start))
    }

    /// The speaker of the quote this one continues: the quote before it in its paragraph, or the
    /// one before in the previous paragraph when no other person is named in between.
    fn continued(&self, qi: usize, said: &[Option<Who>]) -> Option<Who> {
        let q = self.qs[qi];
        let p = *self.qs.get(qi.checked_sub(1)?)?;
        let who = said.get(qi - 1).copied().flatten()?;
        if p.block == q.block {
            return Some(who);
        }
        let previous_paragraph = (0..q.block)
            .rev()
            .find(|&b| self.doc.blocks[b].kind == BlockKind::Paragraph);
        if previous_paragraph != Some(p.block) {
            return None;
        }
        let someone_else = self.ents.mentions_in(p.end..q.open).any(|m| {
            self.kind(m.entity) == EntityKind::Person
                && !self.quoted(m.tokens.start)
                && who != Who::Entity(m.entity)
        });
        (!someone_else).then_some(who)
    }

    /// The speaker named right after a verb or an attribution phrase, in `m..end`: "said Rep. G.K.
    /// Butterfield (D-N.C.), head of …", "ha detto il portavoce del Cremlino", "according to X".
    fn named_after(&self, m: usize, end: usize, said: &[Option<Who>]) -> Option<Who> {
        let toks = self.toks();
        let lex = self.doc.lex;
        // ("a déclaré mardi la ministre", "dimanche 17 mai la préfecture": the day is no part of
        // who.)
        let mut m = m;
        while m + 1 < end && (self.date_word(m) || toks[m].kind == TokenKind::Number) {
            m += 1;
        }
        let content = |k: usize| toks[k].is_word() && !lex.is_stopword(&toks[k].key);
        // "a déclaré la ministre à la presse après la rencontre", "dijo la canciller a los
        // periodistas": a preposition after the speaker's noun opens whom or when it was said to
        // (not "of" or a possessive, nor inside a name: "the head of the commission", "one of
        // their lawyers", "Ursula von der Leyen").
        let phrase_after = |e: usize| {
            self.preposition(e)
                && self.ents.mention_at(e).is_none()
                && (m..e).any(content)
                && !matches!(
                    lex.meeting_links.longest(self.keys(e, end)),
                    Some((_, Link::Of | Link::Pronoun | Link::And))
                )
                // ("one over-60 woman": a prefix joined by a hyphen.)
                && !toks.get(e + 1).is_some_and(|t| t.key == "-" && !t.space_before)
        };
        let mut e = m;
        while e < end && e < m + 12 {
            let t = &toks[e];
            let stop = (t.kind == TokenKind::Punct
                && matches!(
                    t.key.as_str(),
                    "," | ";" | ":" | "(" | ")" | "[" | "?" | "!"
                ))
                || is_quote_mark(t.text(self.doc.text()))
                || self.clause_word(e)
                || (e > m && self.speech_at(e, end).is_some())
                // (A period after a word in lower case ends the sentence, even with no space
                // after it: "le président.À Quartier…"; "Rep. X" is an abbreviation.)
                || (t.key == "."
                    && e > m
                    && toks[e - 1].is_word()
                    && !toks[e - 1].cap
                    && toks[e - 1].key.chars().count() >= 4);
            if stop {
                break;
            }
            e += 1;
        }
        if e == m {
            return None;
        }
        // "afirmó el presidente del Gobierno, Pedro Sánchez, en el Congreso": a title, then its
        // holder's name after the comma.
        if e + 1 < end && toks[e].key == "," {
            let holder = self
                .ents
                .mention_at(e + 1)
                .filter(|x| x.tokens.start == e + 1 && self.kind(x.entity) == EntityKind::Person);
            let titled = (m..e).any(|k| {
                lex.titles.longest(self.keys(k, e)).is_some()
                    || lex.person_nouns.contains(self.key(k))
            });
            if let Some(x) = holder.filter(|_| titled) {
                return Some(Who::Entity(x.entity));
            }
        }
        // (Only when no one is named after it: "fuentes próximas a Moreno", "ha detto
        // intervenendo al convegno Pietro Grasso".)
        // (And only after a noun phrase: an article, a number, a title or a name opens it — not
        // "ha commentato intervenendo ancora sulla polemica".)
        let key = [self.key(m)];
        let noun_phrase = toks[m].cap
            || lex.articles.contains(self.key(m))
            || lex.number_words.longest(&key).is_some()
            || lex.is_role(self.key(m));
        if let Some(cut) = (m + 1..e)
            .find(|&k| phrase_after(k))
            .filter(|_| noun_phrase)
        {
            if !self
                .ents
                .mentions_in(cut..e)
                .any(|x| self.is_actor(x.entity))
            {
                e = cut;
            }
        }
        if let Some(g) = self.pronoun(m) {
            return self.resolve(m, Some(g), said).or(Some(Who::Unknown));
        }
        // Whom it was said to comes first: a preposition and a name ("a déclaré au Journal du
        // dimanche (JDD) le président", "ha detto alla Bbc il premier"); the speaker follows.
        if self.preposition(m) {
            let x = self.ents.mentions_in(m..e).next().filter(|x| {
                (m..x.tokens.start).all(|k| !toks[k].is_word() || lex.is_stopword(&toks[k].key))
            });
            if let Some(x) = x {
                let mut k = x.tokens.end;
                // (The rest of its name in lower case: "au Journal du dimanche".)
                while k + 1 < end
                    && toks[k].is_word()
                    && !toks[k].cap
                    && lex.particles.contains(&toks[k].key)
                    && toks[k + 1].is_word()
                {
                    k += 2;
                }
                if k < end && toks[k].key == "(" {
                    k = (k..end.min(k + 6))
                        .find(|&j| toks[j].key == ")")
                        .map_or(k, |j| j + 1);
                }
                if k < end && toks[k].is_word() {
                    if let Some(w) = self.named_after(k, end, said) {
                        return Some(w);
                    }
                }
            }
        }
        // "insisten fuentes próximas a Moreno", "said sources close to Smith": people described
        // by whom they are close to — a noun with no article, a word or two, a small word, and a
        // person's name — speak, not that person.
        let noun = toks[m].is_word() && !toks[m].cap && !lex.is_stopword(&toks[m].key);
        let near = (m + 2..e.min(m + 5)).find_map(|k| {
            let x = self.ents.mention_at(k)?;
            (x.tokens.start == k
                && self.kind(x.entity) == EntityKind::Person
                && lex.is_stopword(&toks[k - 1].key)
                && (m + 1..k - 1).all(|j| toks[j].is_word() && !toks[j].cap))
            .then_some(x.tokens.end)
        });
        if let Some(b) = near.filter(|_| noun) {
            return Some(Who::Words(m, b));
        }
        let actor = self.ents.mentions_in(m..e).any(|x| self.is_actor(x.entity));
        if !actor {
            // A name the entity reader did not type: "ha detto Lam ai giornalisti".
            if let Some(x) = self.ents.mention_at(m) {
                return Some(Who::Entity(x.entity));
            }
            let capitalized = (m..e)
                .take_while(|&k| {
                    toks[k].is_word() && (toks[k].cap || lex.particles.contains(&toks[k].key))
                })
                .count();
            // (Not a date: "… on April 9".)
            if capitalized > 0 && !lex.is_stopword(&toks[m].key) && !self.date_word(m) {
                return Some(Who::Words(m, m + capitalized));
            }
        }
        self.named_in(m, e, true, said)
    }

    /// The subject of a speech verb at `v`, read back from `v` to the start of its clause (not
    /// before `a`): the person nearest the verb, else a pronoun resolved, an organization or
    /// country, or a description; None when the clause names nobody before the verb.
    fn subject(&self, a: usize, v: usize, said: &[Option<Who>]) -> Option<Who> {
        let toks = self.toks();
        // A verb joined by a conjunction to the one before shares its subject: "X said he was
        // … and said", "Er sagte, … und fügte hinzu", "es quien ha trasladado … y ha explicado".
        let lex = self.doc.lex;
        let mut c = v;
        while c > a && c + 2 > v && lex.speech_aux.contains_key(self.key(c - 1)) {
            c -= 1;
        }
        // (Maybe past a short phrase of time or manner in lower case: "e in quell'occasione ha
        // dichiarato".)
        let mut j = c;
        while j > a
            && c - j < 4
            && !lex.conjunctions.contains(self.key(j - 1))
            && (toks[j - 1].is_word() && !toks[j - 1].cap || self.key(j - 1) == "'")
            && self.ents.mention_at(j - 1).is_none()
        {
            j -= 1;
        }
        if j > a && j < c && lex.conjunctions.contains(self.key(j - 1)) {
            c = j;
        }
        if c > a && lex.conjunctions.contains(self.key(c - 1)) && !self.quoted(c - 1) {
            let start = self.sentence_start(v);
            if let Some(w) = self.opening_subject(start, c - 1, said) {
                return Some(w);
            }
        }
        let mut b = v;
        let mut comma = false;
        while b > a {
            let t = &toks[b - 1];
            let boundary = (t.kind == TokenKind::Punct && matches!(t.key.as_str(), ";" | ":"))
                || is_quote_mark(t.text(self.doc.text()))
                || self.quoted(b - 1)
                // a clause word opens the clause, unless it opens an apposition ("X, who …, said")
                || (self.clause_word(b - 1) && !(comma && b >= 2 && toks[b - 2].key == ","));
            if boundary {
                break;
            }
            comma |= t.key == ",";
            b -= 1;
        }
        // Relative clauses set off by commas ("Trump, who …, said") are not the subject.
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut s = b;
        for (k, t) in toks.iter().enumerate().take(v + 1).skip(b) {
            if k == v || t.key == "," {
                let relative = s < k && s > b && self.clause_word(s);
                if s < k && !relative {
                    spans.push((s, k));
                }
                s = k + 1;
            }
        }
        let person = |x: usize, y: usize| {
            self.ents
                .mentions_in(x..y)
                .filter(|m| {
                    self.kind(m.entity) == EntityKind::Person && self.heads(m.tokens.clone(), x)
                })
                .last()
                .map(|m| Who::Entity(m.entity))
        };
        // "con il ministro X che ha fatto sapere che …", "X, who told reporters": nothing before
        // the verb but a relative word, the name before it is the subject.
        let lex = self.doc.lex;
        let bare = (b..v).all(|k| !toks[k].is_word() || lex.is_stopword(&toks[k].key));
        if bare && b >= 2 && self.clause_word(b - 1) {
            let p = if toks[b - 2].key == "," { b - 2 } else { b - 1 };
            let head = p
                .checked_sub(1)
                .and_then(|q| self.ents.mention_at(q))
                .filter(|m| m.tokens.end == p && self.kind(m.entity) == EntityKind::Person);
            if let Some(m) = head {
                return Some(Who::Entity(m.entity));
            }
        }
        // A preposition opens the clause and a comma closes the last phrase before the verb: that
        // phrase is an apposition inside the opening one, and the subject was dropped ("E in
        // merito alle critiche del sindaco di Genova, Marta Vincenzi, ha concluso").
        let opening = (b..v)
            .find(|&k| toks[k].is_word() && !lex.conjunctions.contains(&toks[k].key))
            .is_some_and(|k| {
                self.ents.mention_at(k).is_none()
                    && (lex.particles.contains(&toks[k].key)
                        || lex.locatives.contains(&toks[k].key))
                    && !lex.articles.contains(&toks[k].key)
            });
        if opening && spans.len() >= 2 && v > b && toks[v - 1].key == "," {
            return None;
        }
        let &(x, y) = spans.last()?;
        if let Some(p) = person(x, y) {
            return Some(p);
        }
        if let Some(g) = (x..y)
            .find(|&k| toks[k].is_word())
            .and_then(|k| self.pronoun(k))
        {
            return self.resolve(x, Some(g), said).or(Some(Who::Unknown));
        }
        // The person of an apposition: "Kellyanne Conway, Trump's campaign manager, said". Not
        // when a preposition opens the clause: the name is inside a phrase before the subject.
        if !opening {
            if let Some(p) = spans.iter().rev().skip(1).find_map(|&(x, y)| person(x, y)) {
                return Some(p);
            }
        }
        let content = (x..y).any(|k| toks[k].is_word() && !lex.is_stopword(&toks[k].key));
        if !content {
            return None;
        }
        self.named_in(x, y, false, said)
    }

    /// The subject that opens the sentence starting at `a` (before `limit`), in the order subject
    /// first: a person or an organization named after no more than articles, titles and the
    /// capitalized words of a title ("US Defence Secretary Chuck Hagel", "L'AP-HP"); a pronoun,
    /// resolved; a description resolved to its person ("El portavoz de la Junta").
    fn opening_subject(&self, a: usize, limit: usize, said: &[Option<Who>]) -> Option<Who> {
        let toks = self.toks();
        let lex = self.doc.lex;
        let mut k = a;
        while k < limit && toks[k].kind == TokenKind::Punct && !self.quoted(k) {
            k += 1;
        }
        let first = (k..limit).find(|&j| toks[j].is_word())?;
        if let Some(g) = self.pronoun(first) {
            return self.resolve(first, Some(g), said);
        }
        // (A description nobody is named for stays one: "Il presidente ucraino continua…".)
        let described =
            self.refs.refs.iter().find(|r| {
                r.kind == RefKind::Description && (k..first + 3).contains(&r.tokens.start)
            });
        if let Some(r) = described {
            return Some(match r.entities.first() {
                Some(&e) if self.kind(e) == EntityKind::Person => Who::Entity(e),
                _ => Who::Words(r.tokens.start, r.tokens.end),
            });
        }
        let m = self.ents.mentions_in(k..limit).next()?;
        let lead = (k..m.tokens.start).all(|j| {
            let t = &toks[j];
            (t.is_word() && (t.cap || lex.is_stopword(&t.key) || lex.titles.contains_key(&t.key)))
                || (t.kind == TokenKind::Punct && matches!(t.key.as_str(), "'" | "-"))
        });
        let actor = matches!(
            self.kind(m.entity),
            EntityKind::Person | EntityKind::Organization
        );
        (lead && actor && !self.quoted(m.tokens.start)).then_some(Who::Entity(m.entity))
    }

    /// German puts the subject after the finite verb when another phrase opens the clause ("In
    /// einer Nachricht würdigte er …", "Das Angebot lehnt er jedoch ab"): a pronoun of the
    /// nominative within the first words of the clause `a..b`, resolved.
    fn pronoun_after_verb(&self, a: usize, b: usize, said: &[Option<Who>]) -> Option<Who> {
        let lex = self.doc.lex;
        if !lex.verb_final {
            return None;
        }
        let words: Vec<usize> = (a..b)
            .filter(|&k| self.toks()[k].is_word())
            .take(6)
            .collect();
        let (&k, g) = words
            .iter()
            .skip(1)
            .find_map(|k| Some((k, self.pronoun(*k).filter(|g| matches!(g, 'm' | 'f'))?)))?;
        // (Right after a verb in lower case; a name there would have been read as the subject.)
        let after_verb = self.toks()[k - 1].is_word() && !self.toks()[k - 1].cap;
        if !after_verb {
            return None;
        }
        self.resolve(k, Some(g), said)
    }

    /// Is the mention `m` (inside a phrase starting at `x`) the head of its phrase? Not when it
    /// is a possessive ("Trump's campaign manager") or a complement ("a spokesman for Trump").
    fn heads(&self, m: std::ops::Range<usize>, x: usize) -> bool {
        let toks = self.toks();
        if toks
            .get(m.end)
            .is_some_and(|t| matches!(t.key.as_str(), "'s" | "'"))
        {
            return false;
        }
        let lex = self.doc.lex;
        let complement = m.start >= x + 2
            && toks[m.start - 1].is_word()
            && !toks[m.start - 1].cap
            && lex.is_stopword(&toks[m.start - 1].key)
            && toks[m.start - 2].is_word()
            && !lex.is_stopword(&toks[m.start - 2].key)
            && self.ents.mention_at(m.start - 2).is_none();
        !complement
    }

    /// The speaker a phrase names: a person in it, an organization or country that is the whole
    /// phrase, else the phrase as a description (its first words when `after_verb`).
    fn named_in(&self, x: usize, y: usize, after_verb: bool, said: &[Option<Who>]) -> Option<Who> {
        let toks = self.toks();
        let lex = self.doc.lex;
        // A description resolved to the person it fits ("ha aggiunto l'ex premier", "said the
        // Mexican president").
        let described = self.refs.refs.iter().find(|r| {
            r.kind == RefKind::Description
                && (x..y).contains(&r.tokens.start)
                && r.entities
                    .first()
                    .is_some_and(|&e| self.kind(e) == EntityKind::Person)
        });
        if let Some(r) = described {
            return Some(Who::Entity(r.entities[0]));
        }
        let mentions: Vec<_> = self
            .ents
            .mentions_in(x..y)
            .filter(|m| self.is_actor(m.entity) && self.heads(m.tokens.clone(), x))
            .collect();
        if let Some(p) = mentions
            .iter()
            .find(|m| self.kind(m.entity) == EntityKind::Person)
        {
            return Some(Who::Entity(p.entity));
        }
        let content = |k: usize| toks[k].is_word() && !lex.is_stopword(&toks[k].key);
        let bare = (x..y).all(|k| {
            !content(k)
                || self.ents.mention_at(k).is_some()
                || lex.nationalities.longest(&[&toks[k].key]).is_some()
        });
        // ("the investment bank Merrill Lynch said", "selon la chaîne Weather Channel": the
        // phrase is an organization after a noun of its kind, and what describes that noun.)
        let kind_phrase = |m: &crate::extract::entities::Mention| {
            let mut words: Vec<usize> = (x..m.tokens.start).filter(|&k| content(k)).collect();
            while words
                .last()
                .is_some_and(|&k| lex.nationalities.longest(&[&toks[k].key]).is_some())
            {
                words.pop();
            }
            self.kind(m.entity) == EntityKind::Organization
                && (m.tokens.end..y).all(|k| !content(k))
                && words.len() <= 3
                && words
                    .last()
                    .is_some_and(|&k| lex.org_kinds.contains(&toks[k].key))
                && !(x..m.tokens.start)
                    .any(|k| lex.particles.contains(&toks[k].key) || lex.is_role(&toks[k].key))
        };
        if let Some(m) = mentions.last().filter(|m| kind_phrase(m)) {
            return Some(Who::Entity(m.entity));
        }
        if bare {
            let m = if after_verb {
                mentions.first()
            } else {
                mentions.last()
            };
            if let Some(m) = m {
                return Some(Who::Entity(m.entity));
            }
        }
        self.role_alone(x, y, said)
            .or_else(|| description(self.doc, x, y))
    }

    /// A role named alone with a definite article ("sagte der Minister", "said the senator",
    /// "ha detto il ministro") is the person named just before; "a spokesman" is someone new.
    fn role_alone(&self, x: usize, y: usize, said: &[Option<Who>]) -> Option<Who> {
        let toks = self.toks();
        let lex = self.doc.lex;
        let words: Vec<usize> = (x..y).filter(|&k| toks[k].is_word()).collect();
        let (&head, rest) = words.split_last()?;
        // ("sagte der Linkspolitiker": a noun for a person, or a German compound of one, names
        // only the person it was given to.)
        let title = lex.titles.contains_key(&toks[head].key);
        let noun = lex.person_nouns.contains(&toks[head].key)
            || (lex.nouns_capitalized
                && matches!(
                    crate::extract::entities::head(lex, &toks[head].key),
                    Some(Head::Person | Head::Title)
                ));
        if !title && !noun {
            return None;
        }
        let indefinite = |k: usize| {
            lex.is_indefinite(&toks[k].key)
                || lex
                    .number_words
                    .longest(&[&toks[k].key])
                    .is_some_and(|(n, w)| n == 1 && w.value == 1.0)
        };
        if rest
            .iter()
            .any(|&k| !lex.is_stopword(&toks[k].key) || indefinite(k))
        {
            return None;
        }
        // The nearest person called by that role before ("President Obama" … "the president"),
        // else the person named just before.
        let role = toks[head].key.as_str();
        let before = self.ents.mentions.partition_point(|m| m.tokens.start < x);
        // ("O ministro da Fazenda, Fernando Haddad, …": the title may stand before a comma, with
        // its portfolio.)
        let from = |m: &crate::extract::entities::Mention| {
            let a = m.tokens.start;
            if a > 0 && toks[a - 1].key == "," {
                a.saturating_sub(1 + APPOSED_TITLE)
            } else {
                a.saturating_sub(2)
            }
        };
        let titled = self.ents.mentions[..before].iter().rev().find(|m| {
            self.kind(m.entity) == EntityKind::Person
                && !self.quoted(m.tokens.start)
                && (from(m)..m.tokens.end).any(|k| toks[k].key == role)
        });
        if let Some(m) = titled {
            return Some(Who::Entity(m.entity));
        }
        if !title {
            return None;
        }
        self.resolve_within(x, None, said, 2)
    }

    /// The nearest fitting speaker before token `at` for a pronoun of gender `g` (m, f, n, p) or
    /// a dropped subject (None): the speaker of a quote or the first person named in this
    /// sentence before `at`, else in the sentences before. "it" looks for an organization or a
    /// country; "they" is left unresolved.
    fn resolve(&self, at: usize, g: Option<char>, said: &[Option<Who>]) -> Option<Who> {
        self.resolve_within(at, g, said, 6)
    }

    /// [`Self::resolve`], looking back over `sentences` sentences at most.
    fn resolve_within(
        &self,
        at: usize,
        g: Option<char>,
        said: &[Option<Who>],
        sentences: usize,
    ) -> Option<Who> {
        if g == Some('p') {
            return None;
        }
        let wanted = |e: usize| match g {
            Some('n') => matches!(self.kind(e), EntityKind::Organization | EntityKind::Country),
            // ("she said": not a man, when his given name tells it.)
            Some(g) => {
                self.kind(e) == EntityKind::Person
                    && gender_of(self.doc, self.ents, e).is_none_or(|known| known == g)
            }
            None => self.kind(e) == EntityKind::Person,
        };
        let s = self.doc.sentence_of_token(at)?;
        for back in 0..sentences {
            let Some(si) = s.checked_sub(back) else {
                break;
            };
            let sent = &self.doc.sentences[si];
            let end = if back == 0 { at } else { sent.tokens.end };
            // A quote attributed in that sentence names who it is about.
            let from = self.qs.partition_point(|q| q.open < sent.tokens.start);
            let to = self.qs.partition_point(|q| q.open < end).min(said.len());
            let quoted_speaker = said
                .get(from..to.max(from))
                .unwrap_or_default()
                .iter()
                .rev()
                .find_map(|w| match w {
                    Some(Who::Entity(e)) if wanted(*e) => Some(Who::Entity(*e)),
                    _ => None,
                });
            if quoted_speaker.is_some() {
                return quoted_speaker;
            }
            // A dropped subject is not a name of its own sentence: that one would have been read
            // as its subject ("E in merito alle critiche del sindaco X, ha concluso").
            if back == 0 && g.is_none() {
                continue;
            }
            let named = self
                .ents
                .mentions_in(sent.tokens.start..end)
                .find(|m| wanted(m.entity) && !self.quoted(m.tokens.start));
            if let Some(m) = named {
                return Some(Who::Entity(m.entity));
            }
        }
        None
    }

    /// The Quote fact, or None for what is not a quote: a single word, a title, a short phrase
    /// nobody is said to have said (a scare quote).
    fn quote(&self, q: &Quotation, found: Option<Attribution>) -> Option<Quote> {
        let doc = self.doc;
        let toks = self.toks();
        let inner = q.open + 1..q.end;
        let words = toks[inner.clone()]
            .iter()
            .filter(|t| t.is_word() || t.kind == TokenKind::Number)
            .count();
        if words < 2 || self.title_like(q) {
            return None;
        }
        let how = found.map(|f| f.1);
        let enough = match how {
            Some(How::Said) | Some(How::Carried) => true,
            Some(How::Guessed) => words >= 4,
            None => words >= 5,
        };
        if !enough {
            return None;
        }
        // How the speaker was found, and what it is: a name read in the attribution is the
        // surest, a description or a guess less, no speaker the least (tools/confidence.py).
        let who = found.map(|f| f.0);
        let confidence = match (how, who) {
            (_, None | Some(Who::Unknown)) => 0.3,
            (Some(How::Guessed), _) => 0.5,
            (_, Some(Who::Words(..))) => 0.55,
            (Some(How::Said), _) if words >= 4 => 0.9,
            _ => 0.75,
        };
        let r = Range {
            start: toks[inner.start].range.start,
            end: toks[inner.end - 1].range.end,
        };
        let s_open = doc.sentence_of_token(q.open)?;
        let last = if q.closed { q.end } else { q.end - 1 };
        let mut s_last = doc.sentence_of_token(last).unwrap_or(s_open);
        if let Some(s_attr) = found.and_then(|f| doc.sentence_of_token(f.2)) {
            if s_attr == s_last + 1 {
                s_last = s_attr;
            }
        }
        let s_first = found
            .and_then(|f| doc.sentence_of_token(f.2))
            .filter(|&s| s + 1 == s_open)
            .unwrap_or(s_open);
        let evidence = (s_first..=s_last.max(s_first))
            .filter_map(|s| doc.sentences.get(s))
            .map(|s| doc.span(s.range))
            .collect();
        Some(Quote {
            evidence,
            confidence,
            text: doc.original_text(r),
            speaker: found.and_then(|f| self.reference(f.0)),
            span: doc.span(r),
        })
    }

    /// A title or a name in quotation marks: a few words, each capitalized, inside a sentence
    /// (“Fox News Sunday,”, “Morning Joe”, “Contract with America.”).
    fn title_like(&self, q: &Quotation) -> bool {
        if self.opens_sentence(q.open) {
            return false;
        }
        let lex = self.doc.lex;
        let words: Vec<&Token> = self.toks()[q.open + 1..q.end]
            .iter()
            .filter(|t| t.is_word() || t.kind == TokenKind::Number)
            .collect();
        let capitalized = words.iter().filter(|t| t.cap).count();
        words.len() <= 7
            && capitalized >= 1
            && words.iter().all(|t| {
                t.cap || t.kind == TokenKind::Number || lex.is_stopword(&t.key) || t.key == "'s"
            })
    }

    fn reference(&self, w: Who) -> Option<EntityRef> {
        Some(match w {
            Who::Unknown => return None,
            Who::Entity(e) => self.ents.reference(e),
            Who::Words(a, b) => EntityRef {
                id: None,
                name: self.doc.original_text(Range {
                    start: self.toks()[a].range.start,
                    end: self.toks()[b - 1].range.end,
                }),
            },
        })
    }
}

/// A description as speaker: the words of `a..b` without the function words around them
/// (1–10 words).
fn description(doc: &Document, a: usize, b: usize) -> Option<Who> {
    let lex = doc.lex;
    let toks = &doc.tokens;
    let edge = |t: &Token| !t.is_word() || lex.is_stopword(&t.key);
    let mut a = a;
    while a < b && edge(&toks[a]) {
        a += 1;
    }
    let mut e = b;
    while e > a && edge(&toks[e - 1]) {
        e -= 1;
    }
    let words = toks[a..e].iter().filter(|t| t.is_word()).count();
    (a < e && words <= 10).then_some(Who::Words(a, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities;

    /// (quote text, speaker name) of every quote found.
    fn quotes(text: &str, lang: &str) -> Vec<(String, Option<String>)> {
        let doc = Document::new(text, Some(lang));
        let mut ents = entities::extract(&doc);
        let refs = Mentions::resolve(&doc, &mut ents);
        extract(&doc, &ents, &refs)
            .into_iter()
            .map(|q| (q.text, q.speaker.map(|s| s.name)))
            .collect()
    }

    #[test]
    fn marks_pair_table() {
        let cases: &[(&str, &[&str])] = &[
            ("He said \"we will go\" and left.", &["we will go"]),
            (
                "“He called it ‘a crime’ on Monday,” she said.",
                &["He called it ‘a crime’ on Monday,"],
            ),
            (
                "\"She read “the letter” to us all,\" he said.",
                &["She read “the letter” to us all,"],
            ),
            (
                "„Das ist ‚gut‘ für uns“, sagte er.",
                &["Das ist ‚gut‘ für uns"],
            ),
            ("»Das ist gut für uns«, sagte er.", &["Das ist gut für uns"]),
            ("« Nous irons ensemble », dit-il.", &["Nous irons ensemble"]),
            (
                "Trump's 6'3\" frame and \"the best words ever\" were cited.",
                &["the best words ever"],
            ),
        ];
        for (text, want) in cases {
            let doc = Document::new(text, None);
            let got: Vec<String> = quotations(&doc)
                .iter()
                .map(|q| {
                    let toks = &doc.tokens;
                    doc.original_text(Range {
                        start: toks[q.open + 1].range.start,
                        end: toks[q.end - 1].range.end,
                    })
                })
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "“",
            "”",
            "\"",
            "« »",
            "“”",
            "a “b",
            "x ” y “",
            "\"\n\n\"",
            "‘’'\"“”„«»",
        ] {
            for lang in ["it", "en", "de"] {
                let _ = quotes(text, lang);
            }
        }
    }
}
