//! Meetings: who met whom, where and when. Every word of `meeting_words.txt` in a sentence is read
//! with its participants (the subject before it, the "con X" / "with X" argument or the object
//! after it, a dropped subject or a pronoun taken from the sentence or the one before), a place
//! ("in Vietnam", "visited Hanoi", "nella capitale nordcoreana") and a date word. The readings are
//! then gathered into one card per encounter: the same people, or one person's visit to the
//! country of the person they met, or a later mention of one of them ("i colloqui").

// A fast hash: keys are words of the text, never a security boundary.
use rustc_hash::FxHashSet as HashSet;

use crate::analysis::{EntityKind, EntityRef, Meeting, MeetingType};
use crate::document::Document;
use crate::extract::entities::Entities;
use crate::lexicon::{Link, SignVerb};
use crate::segment::{closes, is_open_quote, Range, Token, TokenKind};

/// A place as a card names it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Place {
    pub name: String,
    /// The country it is in (its own name for a country).
    pub country: Option<String>,
    /// A city rather than a whole country.
    pub city: bool,
}

/// How a reading's participants were found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Found {
    /// Named in the trigger's sentence.
    Here,
    /// A pronoun or a dropped subject, taken from the sentence before.
    Before,
}

/// One meeting word read in its sentence.
#[derive(Clone, Debug)]
pub(crate) struct Reading {
    pub sentence: usize,
    pub token: usize,
    pub kind: MeetingType,
    /// Entity indices, in order of mention.
    pub parts: Vec<usize>,
    pub found: Found,
    pub place: Option<Place>,
    pub when: Option<Range>,
    /// Only adds to an encounter read elsewhere (a treaty signed with someone).
    pub join_only: bool,
    /// Groups taking part that no name stands for ("congressional Democrats"), as byte ranges.
    pub groups: Vec<Range>,
}

/// Reads the roles around a word of a sentence; shared with agreements.
pub(crate) struct Reader<'d, 'a> {
    pub doc: &'d Document<'a>,
    pub ents: &'d Entities,
    /// Is the token inside quotation marks?
    quoted: Vec<bool>,
}

/// How far after a word its arguments are looked for.
const WINDOW: usize = 24;
fn lex_verb_final(r: &Reader) -> bool {
    r.doc.lex.verb_final
}

/// How many words a gathering may stand after a word of taking part ("attended the annual
/// Soccerex Asian Forum").
const GATHERING_REACH: usize = 6;
/// How many words a description between commas may have ("FIFA presidential candidate").
const DESCRIPTION_WORDS: usize = 6;

impl<'d, 'a> Reader<'d, 'a> {
    pub fn new(doc: &'d Document<'a>, ents: &'d Entities) -> Self {
        let mut quoted = vec![false; doc.tokens.len()];
        for r in &doc.block_tokens {
            let mut open: Option<&str> = None;
            for i in r.clone() {
                let t = &doc.tokens[i];
                if t.kind != TokenKind::Punct {
                    quoted[i] = open.is_some();
                    continue;
                }
                let s = t.text(doc.text());
                quoted[i] = open.is_some();
                match open {
                    Some(o) if closes(o, s) || (o == "\"" && s == "\"") => open = None,
                    None if is_open_quote(s) || s == "\"" => {
                        open = Some(s);
                        quoted[i] = true;
                    }
                    _ => {}
                }
            }
        }
        Reader { doc, ents, quoted }
    }

    pub fn quoted(&self, t: usize) -> bool {
        self.quoted.get(t).copied().unwrap_or(false)
    }

    /// The keys of `a..b` as far as a phrase can reach (8 tokens): every use is a phrase lookup,
    /// and reading to the end of a run-on sentence each time would be quadratic.
    pub fn keys(&self, a: usize, b: usize) -> &[Token] {
        let b = b.min(self.doc.tokens.len()).min(a + 8);
        let a = a.min(b);
        &self.doc.tokens[a..b]
    }

    pub fn link(&self, t: usize, end: usize) -> Option<(usize, Link)> {
        self.doc
            .lex
            .meeting_links
            .longest(&self.keys(t, end))
            .map(|(n, l)| (n, *l))
    }

    pub fn is_actor(&self, e: usize) -> bool {
        matches!(
            self.ents.list[e].kind,
            EntityKind::Person | EntityKind::Organization | EntityKind::Country
        )
    }

    fn is_person(&self, e: usize) -> bool {
        self.ents.list[e].kind == EntityKind::Person
    }

    /// The country an entity belongs to (a country is its own).
    pub fn country_of(&self, e: usize) -> Option<&str> {
        let f = &self.ents.list[e];
        match f.kind {
            EntityKind::Country => Some(f.name.as_str()),
            _ => f.country.as_deref(),
        }
    }

    /// Words a name may carry around it without ending a phrase: function words, titles,
    /// nationality adjectives, dates and numbers. Returns how many tokens to skip.
    fn filler(&self, t: usize, end: usize) -> Option<usize> {
        let lex = self.doc.lex;
        let tok = self.doc.tokens.get(t)?;
        let rest = self.keys(t, end);
        if tok.kind == TokenKind::Number {
            return Some(1);
        }
        if !tok.is_word() {
            return None;
        }
        if let Some((n, _)) = lex.titles.longest(&rest) {
            return Some(n);
        }
        // "il suo omologo russo", "ihr polnischer Amtskollege".
        if lex.person_nouns.contains(&tok.key) {
            return Some(1);
        }
        if let Some((n, _)) = lex.nationalities.longest(&rest) {
            return Some(n);
        }
        if let Some((n, _)) = lex.weekdays.longest(&rest) {
            return Some(n);
        }
        // "las dos delegaciones", "the two leaders".
        if let Some((n, _)) = lex.number_words.longest(&rest) {
            return Some(n);
        }
        if let Some((n, _)) = lex.months.longest(&rest) {
            return Some(n);
        }
        if lex.is_stopword(&tok.key) || tok.key == "'s" {
            return Some(1);
        }
        None
    }

    /// Where a place or day phrase at `t` ends ("in Paris", "à l'Élysée", "no Palácio do
    /// Planalto", "am Dienstag"): a word of place, articles, then a place, a country, a building's
    /// name or a day; None if it is no such phrase or nothing follows it in the sentence.
    fn place_phrase(&self, t: usize, end: usize) -> Option<usize> {
        let (n, link) = self.link(t, end)?;
        if link != Link::At {
            return None;
        }
        let mut k = t + n;
        while k < end
            && self.doc.tokens[k].is_word()
            && self.doc.lex.articles.contains(&self.doc.tokens[k].key)
        {
            k += 1;
        }
        // ("am Dienstag": a day rather than a place.)
        let lex = self.doc.lex;
        let rest = self.keys(k, end);
        if let Some((d, _)) = lex.weekdays.longest(&rest).or(lex.months.longest(&rest)) {
            return (k + d < end).then_some(k + d);
        }
        let m = self.ents.mention_at(k)?;
        let kind = self.ents.list[m.entity].kind;
        let placeish = matches!(kind, EntityKind::Place | EntityKind::Country)
            || (kind == EntityKind::Organization && m.tokens.len() <= 3);
        (placeish && m.tokens.end < end).then_some(m.tokens.end)
    }

    /// How many tokens an "including" takes at `t` ("dont", ", tra cui", ", including").
    fn including(&self, t: usize, end: usize) -> Option<usize> {
        let comma = usize::from(self.doc.tokens.get(t).is_some_and(|x| x.key == ","));
        match self.link(t + comma, end) {
            Some((n, Link::Including)) => Some(comma + n),
            _ => None,
        }
    }

    /// Is this token the end of a clause? Strong punctuation and clause words ("mentre", "while").
    fn hard_boundary(&self, t: usize) -> bool {
        let tok = &self.doc.tokens[t];
        if self.quoted(t) {
            return false;
        }
        (tok.kind == TokenKind::Punct
            && match tok.key.as_str() {
                ";" | ":" | "." => true,
                "(" | ")" => !self.name_in_brackets(t),
                _ => false,
            })
            || self
                .doc
                .lex
                .clause_words
                .longest(&[tok.key.as_str()])
                .is_some()
    }

    /// Is the bracket at `t` one of a name's ("Frankfurt (Oder)", "the Free Syrian Army (FSA)"):
    /// a few capitalized words inside? Such brackets do not end a clause.
    fn name_in_brackets(&self, t: usize) -> bool {
        let toks = &self.doc.tokens;
        let name = |r: std::ops::Range<usize>| {
            !r.is_empty() && toks[r].iter().all(|x| x.is_word() && x.cap)
        };
        match toks[t].key.as_str() {
            "(" => (t + 2..toks.len().min(t + 5))
                .find(|&k| toks[k].key == ")")
                .is_some_and(|k| name(t + 1..k)),
            ")" => (t.saturating_sub(4)..t.saturating_sub(1))
                .rev()
                .find(|&k| toks[k].key == "(")
                .is_some_and(|k| name(k + 1..t)),
            _ => false,
        }
    }

    fn boundary(&self, t: usize) -> bool {
        self.hard_boundary(t)
            || (!self.quoted(t) && self.doc.tokens[t].kind == TokenKind::Punct && {
                let k = self.doc.tokens[t].key.as_str();
                (k == "," && !self.in_list(t) && !self.aside(t))
                    || k == "-" && self.doc.tokens[t].space_before
            })
    }

    /// How many tokens the photo position opened by the comma at `t` takes with its commas.
    fn aside_after(&self, t: usize, end: usize) -> Option<usize> {
        let comma = |k: usize| self.doc.tokens.get(k).is_some_and(|x| x.key == ",");
        match self.link(t + 1, end) {
            Some((n, Link::Aside)) if comma(t) && comma(t + 1 + n) => Some(n + 2),
            _ => None,
        }
    }

    /// Does the comma at `t` open or close a photo position ("Erdogan, right, greets…")?
    fn aside(&self, t: usize) -> bool {
        let comma = |k: usize| self.doc.tokens.get(k).is_some_and(|x| x.key == ",");
        let end = self
            .doc
            .sentence_of_token(t)
            .map_or(t, |s| self.doc.sentences[s].tokens.end);
        if self.aside_after(t, end).is_some() {
            return true;
        }
        (1..=3).any(|n| {
            t > n
                && comma(t - n - 1)
                && matches!(self.link(t - n, t), Some((m, Link::Aside)) if m == n)
        })
    }

    /// Is the comma at `t` between two names ("Syria, Yemen and Libya")?
    fn in_list(&self, t: usize) -> bool {
        let before = t
            .checked_sub(1)
            .and_then(|p| self.ents.mention_at(p))
            .is_some_and(|m| m.tokens.end == t);
        let after = self
            .ents
            .mention_at(t + 1)
            .filter(|m| m.tokens.start == t + 1);
        // "…con Modi, Meloni è tornata": a verb after the second name ends the list.
        let end = self
            .doc
            .sentence_of_token(t)
            .map_or(t, |s| self.doc.sentences[s].tokens.end);
        before && after.is_some_and(|m| !self.opens_clause(m.tokens.end, end))
    }

    /// A group of people at token `k` ("officials", "delegazioni") with the adjectives before it
    /// down to `from` ("congressional Democrats", "Cuban delegations"): its byte range and how
    /// many tokens the group word takes.
    fn group_at(&self, from: usize, k: usize, end: usize) -> Option<(Range, usize)> {
        let (n, _) = self.doc.lex.group_words.longest(&self.keys(k, end))?;
        let mut a = k;
        while a > from && k - a < 2 {
            let tok = &self.doc.tokens[a - 1];
            let adjective = tok.is_word()
                && self.ents.mention_at(a - 1).is_none()
                && self.link(a - 1, k).is_none()
                && !self.doc.lex.is_stopword(&tok.key)
                && (!tok.cap
                    || self
                        .doc
                        .lex
                        .nationalities
                        .longest(&[tok.key.as_str()])
                        .is_some());
            if !adjective {
                break;
            }
            a -= 1;
        }
        // "HDP leaders", "RNC officials": the name already stands for them.
        if a > 0 && self.ents.mention_at(a - 1).is_some() {
            return None;
        }
        let first = self.doc.tokens.get(a)?.range.start;
        let last = self.doc.tokens.get(k + n - 1)?.range.end;
        Some((
            Range {
                start: first,
                end: last,
            },
            n,
        ))
    }

    /// The groups named in tokens `a..b` (see `group_at`).
    fn groups_in(&self, a: usize, b: usize) -> Vec<Range> {
        let mut out = Vec::new();
        let mut k = a;
        while k < b {
            match self.group_at(a, k, b) {
                Some((g, n)) => {
                    out.push(g);
                    k += n;
                }
                None => k += 1,
            }
        }
        out
    }

    /// The clause around token `t` of sentence `s`: from the last boundary before it to the next.
    pub fn clause(&self, s: usize, t: usize) -> (usize, usize) {
        let r = self.doc.sentences[s].tokens.clone();
        let mut a = t.min(r.end);
        while a > r.start && !self.boundary(a - 1) {
            a -= 1;
        }
        let mut b = t.min(r.end);
        while b < r.end && !self.boundary(b) {
            b += 1;
        }
        (a, b)
    }

    /// Is `a..b` a short description set off by commas ("FIFA presidential candidate", "a
    /// former minister"): a few words, one of them lower-case, naming no person or country?
    fn description(&self, a: usize, b: usize) -> bool {
        b > a
            && b - a <= DESCRIPTION_WORDS
            && (a..b).any(|k| self.doc.tokens[k].is_word() && !self.doc.tokens[k].cap)
            && (a..b).all(|k| !self.quoted(k) && self.doc.tokens[k].key != "-")
            && self.ents.mentions_in(a..b).all(|m| {
                !self.is_person(m.entity) && self.ents.list[m.entity].kind != EntityKind::Country
            })
    }

    /// Drops the organizations that only say what a person in `parts` is minister of ("el
    /// ministro de Energía, Karim Benali"): an organization right before a comma and that person.
    pub fn drop_portfolios(&self, s: usize, parts: &mut Vec<usize>) {
        let r = self.doc.sentences[s].tokens.clone();
        let portfolio: Vec<usize> = self
            .ents
            .mentions_in(r)
            .filter(|m| self.ents.list[m.entity].kind == EntityKind::Organization)
            .filter(|m| {
                self.doc
                    .tokens
                    .get(m.tokens.end)
                    .is_some_and(|t| t.key == ",")
                    && self
                        .ents
                        .mention_at(m.tokens.end + 1)
                        .is_some_and(|p| self.is_person(p.entity) && parts.contains(&p.entity))
            })
            .map(|m| m.entity)
            .collect();
        if parts.iter().any(|&p| self.is_person(p)) {
            parts.retain(|p| !portfolio.contains(p));
        }
    }

    /// The last person named in a token range, out of quotation marks.
    fn last_person(&self, r: std::ops::Range<usize>) -> Option<usize> {
        self.ents
            .mentions_in(r)
            .filter(|m| self.is_person(m.entity) && !self.quoted(m.tokens.start))
            .last()
            .map(|m| m.entity)
    }

    /// The first person named in sentence `s` outside `skip`, out of quotation marks.
    fn first_person(&self, s: usize, skip: std::ops::Range<usize>) -> Option<usize> {
        let r = self.doc.sentences.get(s)?.tokens.clone();
        self.ents
            .mentions_in(r)
            .find(|m| {
                self.is_person(m.entity)
                    && !self.quoted(m.tokens.start)
                    && !skip.contains(&m.tokens.start)
            })
            .map(|m| m.entity)
    }

    /// The subject of the word at `t` in sentence `s`: the names that open its clause (people
    /// first); else a person named in the clause before it; else the name before a relative
    /// word ("Xi Jinping, che…"); else, when the clause opens with a pronoun or an auxiliary
    /// (a dropped subject), the first person of the sentence, or of the sentence before. Also
    /// the groups that open its clause with the names ("Trump and his aides").
    pub fn subject_and_groups(&self, s: usize, t: usize) -> (Vec<usize>, Found, Vec<Range>) {
        let (mut c0, c1) = self.clause(s, t);
        // "Skinner said fighters traveled to…": the speaker is not the subject of what is reported.
        let lex = self.doc.lex;
        let mut k = c0;
        while k < t {
            match lex.speech_verbs.longest(&self.keys(k, t)) {
                Some((n, _)) if !self.quoted(k) => {
                    c0 = k + n;
                    k += n;
                }
                _ => k += 1,
            }
        }
        let mut found = Vec::new();
        let mut groups = Vec::new();
        let mut dropped = false;
        let mut k = c0;
        while k < t {
            if self.quoted(k) {
                k += 1;
                continue;
            }
            if let Some(m) = self.ents.mention_at(k) {
                // "Zimbabwe's election": a name that qualifies a noun is not the subject.
                let owner = self
                    .doc
                    .tokens
                    .get(m.tokens.end)
                    .is_some_and(|x| x.key == "'s");
                if self.is_actor(m.entity) && !owner {
                    found.push(m.entity);
                }
                k = m.tokens.end.max(k + 1);
                continue;
            }
            if let Some((n, Link::Pronoun)) = self.link(k, t) {
                dropped = true;
                k += n;
                // "…, wo sie Präsident Selenskyj getroffen hat": what follows the pronoun,
                // before a verb that comes last, is its object.
                if lex.verb_final {
                    break;
                }
                continue;
            }
            if let Some((n, Link::And)) = self.link(k, t) {
                k += n;
                continue;
            }
            if let Some(n) = self.aside_after(k, t) {
                k += n;
                continue;
            }
            if let Some((g, n)) = self.group_at(c0, k, t) {
                groups.push(g);
                k += n;
                continue;
            }
            if let Some(n) = self.filler(k, t) {
                k += n;
                continue;
            }
            break;
        }
        // "…, after a summit with Kim" / "Dopo un vertice con Modi, Meloni…": nothing but small
        // words before the word, in a clause that does not open the sentence or that comes
        // before the main one — the sentence's subject is meant.
        let fronted = self.doc.tokens.get(c1).is_some_and(|x| x.key == ",");
        // ("…, but the talks appear stuck": a bare noun opening its clause is the subject itself.)
        if k >= t && t >= c0 + 2 && (c0 > self.doc.sentences[s].tokens.start || fronted) {
            dropped = true;
        }
        // "after their meeting", "la sua visita".
        if t > c0 && matches!(self.link(t - 1, t), Some((1, Link::Pronoun))) {
            dropped = true;
        }
        // "Russia and Vietnam pledged … as President Vladimir Putin made a state visit": a
        // person nearer the word is its subject rather than the countries that open the clause.
        if !found.is_empty() && !found.iter().any(|&e| self.is_person(e)) {
            if let Some(e) = self.last_person(k..t) {
                return (vec![e], Found::Here, Vec::new());
            }
        }
        if found.iter().any(|&e| self.is_person(e)) {
            found.retain(|&e| self.is_person(e));
        }
        if !found.is_empty() {
            found.dedup();
            return (found, Found::Here, groups);
        }
        // "Officials met with…": a group opens the clause, no name.
        if !groups.is_empty() {
            return (Vec::new(), Found::Here, groups);
        }
        if let Some(e) = self
            .last_person(c0..t)
            .filter(|_| !(lex.verb_final && dropped))
        {
            return (vec![e], Found::Here, Vec::new());
        }
        // "Senators John McCain, left, and Lindsey Graham, following a meeting with…": a clause
        // of nothing but names opening the sentence (or a caption after "FILE -"), or set off by
        // dashes, is the subject of the clause after it; not an apposition ("His running mate,
        // X, will address"). Between dashes countries count too: "the powers - A, B, and C - meet".
        let start = self.doc.sentences[s].tokens.start;
        let closes = |k: usize| matches!(self.doc.tokens[k].key.as_str(), "," | "-");
        if c0 > start + 1 && closes(c0 - 1) {
            let dash = |k: usize| self.doc.tokens[k].key == "-" && self.doc.tokens[k].space_before;
            let dashed = dash(c0 - 1);
            // Between dashes the names run over their commas (looked for over a bounded stretch).
            let p0 = if dashed {
                (start.max(c0.saturating_sub(WINDOW * 2))..c0 - 1)
                    .rev()
                    .find(|&k| dash(k))
                    .map_or(start, |k| k + 1)
            } else {
                self.clause(s, c0 - 2).0
            };
            let opens = p0 == start || dash(p0 - 1);
            let (names, e) = self.list(p0, c0 - 1);
            let between_dashes = dashed && p0 > start;
            let who = |n: usize| self.is_person(n) || (between_dashes && self.is_actor(n));
            if opens && e >= c0 - 1 && names.iter().any(|&n| who(n)) {
                return (names, Found::Here, Vec::new());
            }
            // "Prince Ali, FIFA presidential candidate, attends…": a short description without a
            // name between commas sets the names that open the sentence apart from their verb.
            if !dashed && !opens && self.description(p0, c0 - 1) && p0 > start + 1 {
                let q0 = self.clause(s, p0 - 2).0;
                let opens = q0 == start || dash(q0 - 1);
                let (names, e) = self.list(q0, p0 - 1);
                if opens
                    && self.doc.tokens[p0 - 1].key == ","
                    && e >= p0 - 1
                    && names.iter().any(|&n| self.is_person(n))
                {
                    return (names, Found::Here, Vec::new());
                }
            }
            // "O ministro brasileiro das Relações Exteriores, Paulo Teixeira Lima, reuniu-se…":
            // a title opens the sentence, the name follows between commas, then the verb.
            if !dashed && !opens && p0 > start + 1 && self.doc.tokens[p0 - 1].key == "," {
                let q0 = self.clause(s, p0 - 2).0;
                let titled = q0 == start
                    && (q0..p0 - 1).any(|k| lex.titles.longest(&self.keys(k, p0 - 1)).is_some())
                    && self
                        .ents
                        .mentions_in(q0..p0 - 1)
                        .all(|m| !self.is_person(m.entity));
                if titled && e >= c0 - 1 && names.iter().any(|&n| self.is_person(n)) {
                    return (names, Found::Here, Vec::new());
                }
            }
        }
        // "…, con il presidente Xi Jinping che fece la sua visita": the name before "che".
        if c0 > 0 && self.hard_boundary(c0 - 1) && self.doc.tokens[c0 - 1].is_word() {
            if let Some(m) = c0.checked_sub(2).and_then(|p| self.ents.mention_at(p)) {
                if self.is_actor(m.entity) && m.tokens.end == c0 - 1 {
                    return (vec![m.entity], Found::Here, Vec::new());
                }
            }
        }
        if !dropped {
            return (Vec::new(), Found::Here, Vec::new());
        }
        if let Some(p) = self.first_person(s, c0..c1) {
            // "Kerry asked Sharif, during a meeting…": the people of the main clause.
            let mut out = vec![p];
            let at = self
                .ents
                .mentions_in(self.doc.sentences[s].tokens.clone())
                .find(|m| m.entity == p)
                .map(|m| m.tokens.start);
            if let Some(at) = at {
                let (a, b) = self.clause(s, at);
                if let Some(q) = self.ents.mentions_in(a..b).find(|q| {
                    q.entity != p
                        && self.is_person(q.entity)
                        && !self.quoted(q.tokens.start)
                        && !(c0..c1).contains(&q.tokens.start)
                }) {
                    out.push(q.entity);
                }
            }
            return (out, Found::Here, Vec::new());
        }
        match s.checked_sub(1).and_then(|p| self.first_person(p, 0..0)) {
            Some(p) => (vec![p], Found::Before, Vec::new()),
            None => (Vec::new(), Found::Here, Vec::new()),
        }
    }

    /// The names listed from token `k` ("il leader nordcoreano Kim Jong Un", "Lam e Putin",
    /// "X, center, and Y"): actors, a country that only qualifies the person after it dropped.
    /// Returns them and where the list ends.
    pub fn list(&self, mut k: usize, end: usize) -> (Vec<usize>, usize) {
        let mut out: Vec<usize> = Vec::new();
        let mut joined = true; // the next name may join the list
        let mut by_comma = false; // joined by a comma only
        let mut comma = k;
        let mut loose = 0; // plain words skipped since the last name or comma
        while k < end {
            if self.quoted(k) {
                break;
            }
            if let Some(m) = self.ents.mention_at(k) {
                let e = m.entity;
                if !joined && !out.is_empty() {
                    // "U.S. Secretary of State John Kerry": the country qualifies the person.
                    let last = out.len() - 1;
                    if self.ents.list[out[last]].kind == EntityKind::Country && self.is_person(e) {
                        out[last] = e;
                        k = m.tokens.end.max(k + 1);
                        continue;
                    }
                    break;
                }
                // "con Modi, Meloni è tornata…": a name after a comma that a verb follows opens
                // a new clause.
                if by_comma && !out.is_empty() && self.opens_clause(m.tokens.end, end) {
                    k = comma;
                    break;
                }
                if self.is_actor(e) {
                    if !out.contains(&e) {
                        out.push(e);
                    }
                } else if out.is_empty() {
                    break; // a place: not a list of people
                }
                joined = false;
                loose = 0;
                k = m.tokens.end.max(k + 1);
                continue;
            }
            if let Some(n) = self.including(k, end) {
                joined = true;
                k += n;
                continue;
            }
            let tok = &self.doc.tokens[k];
            if tok.kind == TokenKind::Punct && tok.key == "," {
                joined = true;
                by_comma = true;
                comma = k;
                loose = 0;
                k += 1;
                continue;
            }
            // ("com a chanceler Helena Mbala": the Portuguese article "a" is no "to".)
            if joined && tok.is_word() && self.doc.lex.articles.contains(&tok.key) {
                k += 1;
                continue;
            }
            match self.link(k, end) {
                Some((n, Link::And)) => {
                    joined = true;
                    by_comma = false;
                    k += n;
                    continue;
                }
                Some((_, Link::With | Link::Between | Link::At | Link::Capital)) => break,
                _ => {}
            }
            if self.boundary(k) {
                break;
            }
            if let Some(n) = self.filler(k, end) {
                k += n;
                continue;
            }
            // A plain word: an adjective before the first name, or a word between commas.
            if tok.is_word() && loose < 2 && (out.is_empty() || joined) {
                loose += 1;
                k += 1;
                continue;
            }
            break;
        }
        (out, k)
    }

    /// Does a verb-like word follow token `k` (after function words), rather than a comma,
    /// "and" or the end of the sentence?
    fn opens_clause(&self, mut k: usize, end: usize) -> bool {
        while k < end {
            let tok = &self.doc.tokens[k];
            match self.link(k, end) {
                Some((_, Link::Pronoun)) => return true, // an auxiliary: "Meloni è tornata"
                Some(_) => return false,
                None if tok.kind == TokenKind::Punct => return false,
                None => {}
            }
            if tok.is_word() && !tok.cap && !self.doc.lex.is_stopword(&tok.key) {
                return true;
            }
            k += 1;
        }
        false
    }

    /// A place named from token `k`: a city or country, maybe after a few small words, or a
    /// capital ("the North Korean capital", "la capitale nordcoreana").
    pub fn place_at(&self, mut k: usize, end: usize) -> Option<Place> {
        let lex = self.doc.lex;
        let mut nationality: Option<String> = None;
        let mut capital = false;
        let mut loose = 0;
        while k < end && !self.boundary(k) {
            if let Some(m) = self.ents.mention_at(k) {
                let f = &self.ents.list[m.entity];
                // "Moscow's isolation": a name that qualifies a noun is no place.
                if self
                    .doc
                    .tokens
                    .get(m.tokens.end)
                    .is_some_and(|t| t.key == "'s")
                {
                    return None;
                }
                return match f.kind {
                    EntityKind::Place => Some(Place {
                        name: f.name.clone(),
                        country: f.country.clone(),
                        city: true,
                    }),
                    EntityKind::Country => Some(Place {
                        name: f.name.clone(),
                        country: Some(f.name.clone()),
                        city: false,
                    }),
                    _ => None,
                };
            }
            let rest = self.keys(k, end);
            if let Some((n, iso)) = lex.nationalities.longest(&rest) {
                nationality = Some(lex.country_name(iso));
                k += n;
                continue;
            }
            match self.link(k, end) {
                Some((n, Link::Capital)) => {
                    capital = true;
                    k += n;
                    continue;
                }
                Some((n, Link::Of)) if capital => {
                    k += n;
                    continue;
                }
                _ => {}
            }
            if capital && nationality.is_some() {
                break;
            }
            let tok = &self.doc.tokens[k];
            if tok.is_word() && lex.is_stopword(&tok.key) {
                k += 1;
                continue;
            }
            if tok.is_word() && !tok.cap && loose < 1 && !capital {
                loose += 1;
                k += 1;
                continue;
            }
            break;
        }
        // The capital of a country: the country, the gazetteer does not say which city.
        if capital {
            return nationality.map(|c| Place {
                name: c.clone(),
                country: Some(c),
                city: false,
            });
        }
        None
    }

    /// The date word of sentence `s` nearest to token `t` ("giovedì", "on Wednesday",
    /// "in September", "May 16"), as a byte range with its preposition and day number.
    pub fn when(&self, s: usize, t: usize) -> Option<Range> {
        let lex = self.doc.lex;
        let r = self.doc.sentences.get(s)?.tokens.clone();
        let toks = &self.doc.tokens;
        let mut best: Option<(usize, usize, usize)> = None; // distance, start, end
        let mut k = r.start;
        while k < r.end {
            let rest = self.keys(k, r.end);
            let hit = lex
                .weekdays
                .longest(&rest)
                .map(|(n, _)| n)
                .or_else(|| lex.months.longest(&rest).map(|(n, _)| n));
            match hit {
                Some(n)
                    if !self.quoted(k)
                        && toks[k].is_word()
                        && (toks[k].cap || n > 1 || toks[k].key.chars().count() > 3) =>
                {
                    let mut a = k;
                    let mut b = k + n;
                    if b < r.end && toks[b].kind == TokenKind::Number {
                        b += 1;
                    }
                    if a > r.start && toks[a - 1].kind == TokenKind::Number {
                        a -= 1;
                    }
                    if a > r.start
                        && toks[a - 1].is_word()
                        && (!toks[a - 1].cap || a - 1 == r.start)
                        && lex.is_stopword(&toks[a - 1].key)
                        && lex
                            .clause_words
                            .longest(&[toks[a - 1].key.as_str()])
                            .is_none()
                    {
                        a -= 1;
                    }
                    let d = k.abs_diff(t);
                    if best.is_none_or(|(bd, _, _)| d < bd) {
                        best = Some((d, a, b));
                    }
                    k += n;
                }
                _ => k += 1,
            }
        }
        best.map(|(_, a, b)| Range {
            start: toks[a].range.start,
            end: toks[b - 1].range.end,
        })
    }

    /// Who took part and where, read after the word that ends at token `k` of sentence `s`:
    /// the object ("met Kim", "visited Hanoi"), "with X", "between X and Y", "of X", "in X".
    /// Also returns how many of the participants are the bare object.
    fn arguments(
        &self,
        s: usize,
        k: usize,
        kind: MeetingType,
    ) -> (Vec<usize>, Option<Place>, usize, Vec<Range>) {
        let sent = &self.doc.sentences[s];
        let end = sent.tokens.end.min(k + WINDOW);
        let mut parts: Vec<usize> = Vec::new();
        let mut groups: Vec<Range> = Vec::new();
        let mut place: Option<Place> = None;
        // The object right after the word.
        let mut j = k;
        while j < end && self.ents.mention_at(j).is_none() {
            // "ha accolto i suoi omologhi, tra cui X e Y".
            if let Some(n) = self.including(j, end) {
                j += n;
                continue;
            }
            match self.link(j, end) {
                Some((n, Link::Pronoun)) => {
                    j += n; // "ses homologues"
                    continue;
                }
                Some((_, Link::At)) => match self.place_phrase(j, end) {
                    Some(e) => {
                        if place.is_none() {
                            place = self.place_at(j + 1, end);
                        }
                        j = e;
                        continue;
                    }
                    None => break,
                },
                Some(_) => break,
                None => {}
            }
            match self.filler(j, end) {
                Some(n) => j += n,
                None => break,
            }
        }
        if let Some(m) = self.ents.mention_at(j) {
            match self.ents.list[m.entity].kind {
                EntityKind::Place => place = self.place_at(j, end),
                EntityKind::Country if kind == MeetingType::Visit => place = self.place_at(j, end),
                _ => {
                    let (l, _) = self.list(j, end);
                    parts.extend(l);
                }
            }
        }
        let direct = parts.len();
        let mut j = k;
        let mut first = true;
        let mut plain = 0; // content words in a row: the sentence has moved on
        while j < end {
            if self.quoted(j) || self.hard_boundary(j) {
                break;
            }
            let tok = &self.doc.tokens[j];
            if tok.is_word()
                && !tok.cap
                && self.link(j, end).is_none()
                && self.filler(j, end).is_none()
            {
                plain += 1;
                if plain >= 2 {
                    break;
                }
            } else {
                plain = 0;
            }
            if self.doc.tokens[j].key == "," && !first {
                break;
            }
            match self.link(j, end) {
                Some((n, Link::With | Link::Between)) => {
                    let (l, e) = self.list(j + n, end);
                    // "with congressional Democrats": the word the list stopped at may be the group.
                    groups.extend(self.groups_in(j + n, (e + 1).min(end)));
                    for p in l {
                        if !parts.contains(&p) {
                            parts.push(p);
                        }
                    }
                    j = e.max(j + n);
                    first = false;
                    continue;
                }
                Some((n, Link::At)) => {
                    if place.is_none() {
                        place = self.place_at(j + n, end);
                    }
                    j += n;
                    first = false;
                    continue;
                }
                Some((n, Link::Of)) if j == k => {
                    // "la visita di Putin", "visita di Pyongyang".
                    if let Some(m) = self.ents.mention_at(j + n) {
                        let f = &self.ents.list[m.entity];
                        if f.kind == EntityKind::Person {
                            parts.push(m.entity);
                        } else if kind == MeetingType::Visit && place.is_none() {
                            place = self.place_at(j + n, end);
                        } else if self.is_actor(m.entity) {
                            parts.push(m.entity);
                        }
                    }
                    j += n;
                    first = false;
                    continue;
                }
                _ => {}
            }
            first = false;
            j += 1;
        }
        (parts, place, direct, groups)
    }

    /// A name right before a noun ("Putin's visit", "the Pyongyang visit").
    fn before(&self, t: usize, s: usize) -> (Option<usize>, Option<Place>) {
        let start = self.doc.sentences[s].tokens.start;
        let mut j = t;
        let mut loose = 0;
        while j > start {
            let tok = &self.doc.tokens[j - 1];
            if let Some(m) = self.ents.mention_at(j - 1) {
                let f = &self.ents.list[m.entity];
                return match f.kind {
                    EntityKind::Person | EntityKind::Organization => (Some(m.entity), None),
                    EntityKind::Place => (None, self.place_at(m.tokens.start, t)),
                    _ => (None, None),
                };
            }
            if tok.key == "'s"
                || (tok.is_word() && !tok.cap && !self.doc.lex.is_stopword(&tok.key) && loose < 1)
            {
                loose += usize::from(tok.key != "'s");
                j -= 1;
                continue;
            }
            break;
        }
        (None, None)
    }

    /// Every meeting word of the document, read.
    pub fn readings(&self) -> Vec<Reading> {
        let lex = self.doc.lex;
        let mut out = Vec::new();
        for (s, sent) in self.doc.sentences.iter().enumerate() {
            let r = sent.tokens.clone();
            let mut t = r.start;
            while t < r.end {
                if self.quoted(t) {
                    t += 1;
                    continue;
                }
                let rest = self.keys(t, r.end);
                if let Some((n, w)) = lex.meeting_words.longest(&rest) {
                    let w = *w;
                    if w.ignore || w.event {
                        t += n;
                        continue;
                    }
                    if w.attend {
                        // "attended the Soccerex Asian Forum", "took part in a forum": the
                        // gathering is the encounter, its participant the subject.
                        if let Some((e, kind)) = self.gathering_after(t + n, r.end) {
                            if let Some(reading) = self.read(s, t, e - t, kind, false) {
                                out.push(reading);
                            }
                            t = e;
                        } else {
                            t += n;
                        }
                        continue;
                    }
                    if let Some(reading) = self.read(s, t, n, w.kind, w.needs_object) {
                        out.push(reading);
                    }
                    t += n;
                    continue;
                }
                if let Some((n, SignVerb::Sign)) = lex.sign_verbs.longest(&rest) {
                    // "ha firmato un trattato con Kim": the signing is part of an encounter.
                    let instrument = (t + n..r.end.min(t + n + 6))
                        .take_while(|&k| !self.boundary(k))
                        .any(|k| {
                            matches!(
                                lex.agreement_words.longest(&self.keys(k, r.end)),
                                Some((_, crate::lexicon::AgreementWord::Instrument(_)))
                            )
                        });
                    if instrument {
                        if let Some(mut reading) = self.read(s, t, n, MeetingType::Meeting, false) {
                            reading.join_only = true;
                            out.push(reading);
                        }
                    }
                    t += n;
                    continue;
                }
                t += 1;
            }
        }
        out
    }

    /// The end and type of a gathering named within a few words after `k` ("the annual
    /// forum", "al vertice"), in the same clause.
    fn gathering_after(&self, k: usize, end: usize) -> Option<(usize, MeetingType)> {
        let lex = self.doc.lex;
        for j in k..end.min(k + GATHERING_REACH) {
            if self.quoted(j) || self.boundary(j) {
                return None;
            }
            if let Some((n, w)) = lex.meeting_words.longest(&self.keys(j, end)) {
                if w.ignore || w.attend {
                    return None;
                }
                return Some((j + n, w.kind));
            }
        }
        None
    }

    fn read(
        &self,
        s: usize,
        t: usize,
        n: usize,
        kind: MeetingType,
        needs_object: bool,
    ) -> Option<Reading> {
        let end = self.doc.sentences[s].tokens.end;
        let (mut objs, mut place, direct, mut groups) = self.arguments(s, t + n, kind);
        if needs_object {
            let mut j = t + n;
            let mut loose = 0;
            while j < end && self.ents.mention_at(j).is_none() {
                if let Some(n) = self.including(j, end) {
                    j += n;
                    continue;
                }
                match self.link(j, end) {
                    // "ses homologues", "i suoi omologhi".
                    Some((n, Link::And | Link::Pronoun)) => {
                        j += n;
                        continue;
                    }
                    // "a reçu mardi à l'Élysée le chancelier…": where, then whom.
                    Some((_, Link::At)) => match self.place_phrase(j, end) {
                        Some(e) => {
                            j = e;
                            continue;
                        }
                        None => break,
                    },
                    Some(_) => break,
                    None => {}
                }
                match self.filler(j, end) {
                    Some(n) => j += n,
                    // "met midweek with…"
                    None if loose == 0 && self.doc.tokens[j].is_word() => {
                        loose += 1;
                        j += 1;
                    }
                    None => break,
                }
            }
            let named = self
                .ents
                .mention_at(j)
                .is_some_and(|m| self.is_actor(m.entity));
            let with = matches!(self.link(j, end), Some((_, Link::With | Link::Between)));
            // "hat am Montag den Minister Nowicki getroffen": the counterpart before the verb.
            let (subject, _, subject_groups) = self.subject_and_groups(s, t);
            let before: Vec<usize> = if lex_verb_final(self) {
                let c0 = self.clause(s, t).0;
                self.ents
                    .mentions_in(c0..t)
                    .filter(|m| self.is_actor(m.entity) && !subject.contains(&m.entity))
                    .map(|m| m.entity)
                    .collect()
            } else {
                Vec::new()
            };
            // ("Les ministres de dix pays se sont retrouvés à Brest": a group meets itself.)
            let group = subject.is_empty() && !subject_groups.is_empty();
            if !named && !with && subject.len() < 2 && before.is_empty() && !group {
                return None;
            }
            for e in before {
                if !objs.contains(&e) {
                    objs.push(e);
                }
            }
        }
        let (before_actor, before_place) = self.before(t, s);
        if place.is_none() {
            place = before_place;
        }
        let (mut parts, found, subject_groups) = self.subject_and_groups(s, t);
        groups.splice(0..0, subject_groups);
        // "visited the Traiskirchen center", "welcomed the U.S. attack": with no one acting, a
        // lone institution or country right after the word is what is acted on, not a party.
        if parts.is_empty()
            && before_actor.is_none()
            && objs.len() == 1
            && direct == 1
            && objs.iter().all(|&o| !self.is_person(o))
        {
            return None;
        }
        if let Some(a) = before_actor {
            if !parts.contains(&a) {
                parts.insert(0, a);
            }
        }
        let hosts: Vec<usize> = objs
            .iter()
            .copied()
            .filter(|o| !parts.contains(o))
            .collect();
        for o in objs.drain(..) {
            if !parts.contains(&o) {
                parts.push(o);
            }
        }
        self.drop_portfolios(s, &mut parts);
        // "Les ministres de dix pays se sont retrouvés jeudi à Brest": a group alone is no card,
        // but it may give its place, day and people to the encounter told right after.
        let when = self.when(s, t);
        if parts.is_empty() && (groups.is_empty() || (place.is_none() && when.is_none())) {
            return None;
        }
        if place.is_none() && !parts.is_empty() {
            place = self.place_nearby(s, t, &hosts);
        }
        Some(Reading {
            sentence: s,
            token: t,
            kind,
            parts,
            found,
            place,
            when,
            join_only: false,
            groups,
        })
    }

    /// A place elsewhere in the sentence ("in the North Korean capital, hugged by Kim") that
    /// is in the country of the counterpart (not the subject's: "…, Meloni è tornata a Roma").
    fn place_nearby(&self, s: usize, t: usize, parts: &[usize]) -> Option<Place> {
        let countries: Vec<&str> = parts.iter().filter_map(|&p| self.country_of(p)).collect();
        if countries.is_empty() {
            return None;
        }
        let r = self.doc.sentences[s].tokens.clone();
        let mut best: Option<(usize, Place)> = None;
        for k in r.clone() {
            if self.quoted(k) {
                continue;
            }
            if let Some((n, Link::At)) = self.link(k, r.end) {
                if let Some(p) = self.place_at(k + n, r.end) {
                    let fits = p.country.as_deref().is_some_and(|c| countries.contains(&c));
                    let d = k.abs_diff(t);
                    if fits && best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                        best = Some((d, p));
                    }
                }
            }
        }
        best.map(|(_, p)| p)
    }
}

/// An encounter being gathered.
struct Card {
    parts: Vec<usize>,
    readings: Vec<usize>,
}

/// The meeting cards of a document.
/// The meeting cards, from the readings of every meeting word ([`Reader::readings`], which the
/// agreements read too).
pub(crate) fn extract(reader: &Reader, readings: &[Reading]) -> Vec<Meeting> {
    gather(reader, readings)
        .into_iter()
        .map(|c| card(reader, readings, c))
        .collect()
}

fn same_or_nested(a: &[usize], b: &[usize]) -> bool {
    let a: HashSet<_> = a.iter().collect();
    let b: HashSet<_> = b.iter().collect();
    a.is_subset(&b) || b.is_subset(&a)
}

/// Does a place fit an encounter: its own place, or the country of someone else in it?
fn place_fits(reader: &Reader, readings: &[Reading], card: &Card, p: &Place) -> bool {
    let own: Vec<&Place> = card
        .readings
        .iter()
        .filter_map(|&r| readings[r].place.as_ref())
        .collect();
    if !own.is_empty() {
        return own
            .iter()
            .any(|q| q.name == p.name || (q.country.is_some() && q.country == p.country));
    }
    // No place yet: the place is the country of someone in it — a visitor's host, or the person
    // read here at home ("hugged by Kim in the North Korean capital").
    card.parts
        .iter()
        .any(|&e| reader.country_of(e).is_some() && reader.country_of(e) == p.country.as_deref())
}

/// Token distance from a reading to the nearest reading of a card.
fn distance(readings: &[Reading], card: &Card, r: usize) -> usize {
    card.readings
        .iter()
        .map(|&x| readings[x].token.abs_diff(readings[r].token))
        .min()
        .unwrap_or(usize::MAX)
}

/// Gathers readings into encounters: first those naming two sides or more, by the same
/// people; then one person's readings with a place, merged with their other readings of that
/// place and with an encounter in that country; then one person's readings without a place,
/// with the nearest encounter of that person (of the same type if there is one).
fn gather(reader: &Reader, readings: &[Reading]) -> Vec<Card> {
    let mut cards: Vec<Card> = Vec::new();
    for pass_join in [false, true] {
        for (i, r) in readings.iter().enumerate() {
            if r.parts.len() < 2 || r.join_only != pass_join {
                continue;
            }
            match cards
                .iter_mut()
                .find(|c| same_or_nested(&c.parts, &r.parts))
            {
                Some(c) => {
                    for &p in &r.parts {
                        if !c.parts.contains(&p) {
                            c.parts.push(p);
                        }
                    }
                    c.readings.push(i);
                }
                None if !r.join_only => cards.push(Card {
                    parts: r.parts.clone(),
                    readings: vec![i],
                }),
                None => {}
            }
        }
    }
    let multi = cards.len();
    // One person with a place: grouped by person and place.
    let mut groups: Vec<Card> = Vec::new();
    for (i, r) in readings.iter().enumerate() {
        let (true, Some(p), false) = (r.parts.len() == 1, &r.place, r.join_only) else {
            continue;
        };
        let who = r.parts[0];
        match groups
            .iter_mut()
            .find(|g| g.parts[0] == who && place_fits(reader, readings, g, p))
        {
            Some(g) => g.readings.push(i),
            None => groups.push(Card {
                parts: vec![who],
                readings: vec![i],
            }),
        }
    }
    for g in groups {
        let who = g.parts[0];
        let Some(p) = readings[g.readings[0]].place.clone() else {
            continue;
        };
        let target = (0..multi)
            .filter(|&c| {
                let card = &cards[c];
                // "ist nach Kiew gereist und hat dort Selenskyj getroffen": one encounter,
                // unless someone in it is from another country ("travelled to Vietnam after a
                // summit with North Korean leader Kim").
                let same_sentence = card.readings.iter().all(|&x| readings[x].place.is_none())
                    && card.parts.iter().all(|&e| {
                        e == who
                            || reader
                                .country_of(e)
                                .is_none_or(|c| Some(c) == p.country.as_deref())
                    })
                    && card
                        .readings
                        .iter()
                        .any(|&x| readings[x].sentence == readings[g.readings[0]].sentence);
                card.parts.contains(&who)
                    && (same_sentence || place_fits(reader, readings, card, &p))
            })
            .min_by_key(|&c| distance(readings, &cards[c], g.readings[0]));
        match target {
            Some(c) => cards[c].readings.extend(g.readings),
            None if g.readings.iter().any(|&r| readings[r].found == Found::Here) => cards.push(g),
            None => {}
        }
    }
    // One person without a place: the nearest encounter of that person.
    for (i, r) in readings.iter().enumerate() {
        if r.parts.len() != 1 || r.place.is_some() || r.join_only {
            continue;
        }
        let who = r.parts[0];
        let mine: Vec<usize> = (0..cards.len())
            .filter(|&c| cards[c].parts.contains(&who))
            .collect();
        let same_kind: Vec<usize> = mine
            .iter()
            .copied()
            .filter(|&c| {
                cards[c]
                    .readings
                    .iter()
                    .any(|&x| readings[x].kind == r.kind)
            })
            .collect();
        let pool = if same_kind.is_empty() {
            mine
        } else {
            same_kind
        };
        match pool
            .into_iter()
            .min_by_key(|&c| distance(readings, &cards[c], i))
        {
            Some(c) => cards[c].readings.push(i),
            None if r.found == Found::Here => cards.push(Card {
                parts: vec![who],
                readings: vec![i],
            }),
            None => {}
        }
    }
    // A group with no name, then the encounter of named people in the same or the next
    // sentence: one gathering, where the group says where and when.
    for (i, r) in readings.iter().enumerate() {
        if !r.parts.is_empty() {
            continue;
        }
        let at = cards.iter_mut().find(|c| {
            let first = readings[c.readings[0]].sentence;
            (first == r.sentence || first == r.sentence + 1)
                && c.readings.iter().all(|&x| {
                    readings[x].place.is_none() || readings[x].place == r.place || r.place.is_none()
                })
        });
        if let Some(c) = at {
            c.readings.push(i);
        }
    }
    for c in &mut cards {
        crate::sort::by_key(&mut c.readings, |&r| readings[r].token);
    }
    crate::sort::by_key(&mut cards, |c| {
        c.readings.first().map(|&r| readings[r].token)
    });
    cards
}

fn card(reader: &Reader, readings: &[Reading], c: Card) -> Meeting {
    let doc = reader.doc;
    let rs: Vec<&Reading> = c.readings.iter().map(|&r| &readings[r]).collect();
    let mut sentences: Vec<usize> = rs.iter().map(|r| r.sentence).collect();
    crate::sort::by(&mut sentences, |a, b| a.cmp(b));
    sentences.dedup();
    let places: Vec<&Place> = rs.iter().filter_map(|r| r.place.as_ref()).collect();
    let place = places
        .iter()
        .find(|p| p.city)
        .or(places.first())
        .map(|p| p.name.clone());
    let founder = rs
        .iter()
        .find(|r| r.parts.len() >= 2 && !r.join_only)
        .or(rs.first());
    let two_sides = c.parts.len() >= 2;
    let named_here = rs.iter().any(|r| r.found == Found::Here);
    let confidence = match (two_sides, named_here) {
        (true, true) => 0.9,
        (true, false) => 0.7,
        (false, _) if place.is_some() => 0.7,
        _ => 0.5,
    };
    // Then the groups no name stands for, once each.
    let mut participants: Vec<EntityRef> =
        c.parts.iter().map(|&e| reader.ents.reference(e)).collect();
    for g in rs.iter().flat_map(|r| r.groups.iter()) {
        let name = doc.original_text(*g);
        if !participants
            .iter()
            .any(|p| p.id.is_none() && p.name.eq_ignore_ascii_case(&name))
        {
            participants.push(EntityRef { id: None, name });
        }
    }
    Meeting {
        evidence: sentences
            .iter()
            .map(|&s| doc.span(doc.sentences[s].range))
            .collect(),
        confidence,
        participants,
        meeting_type: founder.map(|r| r.kind),
        place,
        when: rs.iter().find_map(|r| r.when).map(|w| doc.original_text(w)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities;

    #[derive(Debug)]
    struct Got {
        participants: Vec<String>,
        kind: Option<MeetingType>,
        place: Option<String>,
        when: Option<String>,
        evidence: usize,
    }

    fn meetings(text: &str, lang: &str) -> Vec<Got> {
        let doc = Document::new(text, Some(lang));
        let ents = entities::extract(&doc);
        let reader = Reader::new(&doc, &ents);
        extract(&reader, &reader.readings())
            .into_iter()
            .map(|m| Got {
                participants: m.participants.into_iter().map(|p| p.name).collect(),
                kind: m.meeting_type,
                place: m.place,
                when: m.when,
                evidence: m.evidence.len(),
            })
            .collect()
    }

    fn has(names: &[String], want: &str) -> bool {
        names.iter().any(|n| n.contains(want))
    }

    #[test]
    fn meetings_are_read_with_participants_place_and_date() {
        // (lang, text, participants, type, place, when)
        let table: &[(&str, &str, &[&str], MeetingType, Option<&str>, Option<&str>)] = &[
            (
                "en",
                "President Ana Ortiz, right, greets Prime Minister Tomas Berg before their meeting in Oslo.",
                &["Ana Ortiz", "Tomas Berg"],
                MeetingType::Meeting,
                Some("Oslo"),
                None,
            ),
            (
                "en",
                "Senator Ana Ortiz, left, and Senator Tomas Berg, following a meeting with President Lars Holm in Oslo.",
                &["Ana Ortiz", "Tomas Berg", "Lars Holm"],
                MeetingType::Meeting,
                Some("Oslo"),
                None,
            ),
            (
                "en",
                "Envoys of the partners who signed the pact - Norway, Sweden, and Denmark - meet in Oslo.",
                &["Norway", "Sweden", "Denmark"],
                MeetingType::Meeting,
                Some("Oslo"),
                None,
            ),
            (
                "en",
                "President Ana Ortiz, left, and Prime Minister Tomas Berg arrive for talks in Oslo.",
                &["Ana Ortiz", "Tomas Berg"],
                MeetingType::Talks,
                Some("Oslo"),
                None,
            ),
            (
                "it",
                "Il presidente francese Emmanuel Macron ha incontrato giovedì il cancelliere tedesco Olaf Scholz a Berlino.",
                &["Emmanuel Macron", "Olaf Scholz"],
                MeetingType::Meeting,
                Some("Berlino"),
                Some("giovedì"),
            ),
            (
                "it",
                "Dopo un vertice con il premier indiano Narendra Modi, Giorgia Meloni è tornata a Roma.",
                &["Narendra Modi", "Giorgia Meloni"],
                MeetingType::Summit,
                None,
                None,
            ),
            (
                "it",
                "Il presidente americano Joe Biden ha visitato Kiev a febbraio.",
                &["Joe Biden"],
                MeetingType::Visit,
                Some("Kiev"),
                Some("a febbraio"),
            ),
            (
                "en",
                "On Monday, Prime Minister Rishi Sunak held talks with Chancellor Olaf Scholz in Berlin.",
                &["Rishi Sunak", "Olaf Scholz"],
                MeetingType::Talks,
                Some("Berlin"),
                Some("On Monday"),
            ),
            (
                "en",
                "President Emmanuel Macron hosted Chancellor Olaf Scholz in Paris in March.",
                &["Emmanuel Macron", "Olaf Scholz"],
                MeetingType::Meeting,
                Some("Paris"),
                Some("in March"),
            ),
            (
                "en",
                "Prime Minister Narendra Modi travelled to Japan for a state visit.",
                &["Narendra Modi"],
                MeetingType::Visit,
                Some("Japan"),
                None,
            ),
            (
                "es",
                "El presidente Pedro Sánchez se reunió con el canciller Olaf Scholz en Madrid el martes.",
                &["Pedro Sánchez", "Olaf Scholz"],
                MeetingType::Meeting,
                Some("Madrid"),
                Some("el martes"),
            ),
            (
                "fr",
                "Le président Emmanuel Macron a rencontré le chancelier Olaf Scholz à Berlin mardi.",
                &["Emmanuel Macron", "Olaf Scholz"],
                MeetingType::Meeting,
                Some("Berlin"),
                Some("mardi"),
            ),
        ];
        for (lang, text, parts, kind, place, when) in table {
            let got = meetings(text, lang);
            assert_eq!(got.len(), 1, "{text}: {}", got.len());
            let g = &got[0];
            for p in *parts {
                assert!(
                    has(&g.participants, p),
                    "{text}: {p} in {:?}",
                    g.participants
                );
            }
            assert_eq!(
                g.participants.len(),
                parts.len(),
                "{text}: {:?}",
                g.participants
            );
            assert_eq!(g.kind, Some(*kind), "{text}");
            assert_eq!(g.place.as_deref(), *place, "{text}");
            assert_eq!(
                g.when.as_deref().map(str::to_lowercase),
                when.map(str::to_lowercase),
                "{text}"
            );
        }
    }

    #[test]
    fn groups_no_name_stands_for_take_part() {
        // (text, participants wanted, participants not wanted)
        let table: &[(&str, &[&str], &[&str])] = &[
            (
                "Minister Tomas Berg met on Tuesday with congressional Democrats in Oslo.",
                &["Tomas Berg", "congressional Democrats"],
                &[],
            ),
            (
                "President Ana Ortiz and her aides met with Tomas Berg.",
                &["Ana Ortiz", "aides", "Tomas Berg"],
                &[],
            ),
            (
                "The ministry said talks between Norwegian and Swedish delegations went on.",
                &[],
                &[],
            ),
            (
                "Tomas Berg met with NATO officials in Brussels.",
                &["Tomas Berg", "NATO"],
                &["officials", "NATO officials"],
            ),
        ];
        for (text, want, not) in table {
            let got = meetings(text, "en");
            if want.is_empty() {
                assert!(got.is_empty(), "{text}: a group alone is no meeting");
                continue;
            }
            assert_eq!(got.len(), 1, "{text}");
            for w in *want {
                assert!(
                    has(&got[0].participants, w),
                    "{text}: {w} in {:?}",
                    got[0].participants
                );
            }
            for w in *not {
                assert!(!got[0].participants.iter().any(|p| p == w), "{text}: {w}");
            }
        }
    }

    #[test]
    fn a_group_gathering_gives_place_and_day_to_the_encounter_after() {
        let got = meetings(
            "Les ministres de dix pays se sont retrouvés jeudi à Brest pour un sommet. \
             Le ministre Étienne Morel a accueilli ses homologues, dont la ministre Aminata Diallo.",
            "fr",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(has(&got[0].participants, "Morel") && has(&got[0].participants, "Diallo"));
        assert_eq!(got[0].place.as_deref(), Some("Brest"));
        assert_eq!(got[0].when.as_deref(), Some("jeudi"));
        assert_eq!(got[0].evidence, 2);
        // A group alone is still no card.
        let got = meetings(
            "Les ministres de dix pays se sont retrouvés jeudi à Brest.",
            "fr",
        );
        assert!(got.is_empty(), "{got:?}");
        // Two people meeting each other: a reflexive verb.
        let got = meetings(
            "Étienne Morel et Aminata Diallo se sont retrouvés jeudi à Paris.",
            "fr",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].place.as_deref(), Some("Paris"));
    }

    #[test]
    fn one_card_per_encounter() {
        let got = meetings(
            "Il presidente russo Vladimir Putin si è recato in Giappone martedì. \
             Putin ha tenuto colloqui con il premier giapponese Fumio Kishida. \
             Durante i colloqui, Putin ha parlato di energia.",
            "it",
        );
        assert_eq!(
            got.len(),
            1,
            "{:?}",
            got.iter().map(|g| &g.participants).collect::<Vec<_>>()
        );
        assert!(has(&got[0].participants, "Putin") && has(&got[0].participants, "Kishida"));
        assert_eq!(got[0].place.as_deref(), Some("Giappone"));
        assert_eq!(got[0].when.as_deref(), Some("martedì"));
        assert_eq!(got[0].evidence, 3);
        // A journey and a meeting in one sentence are one encounter, at the journey's end.
        let got = meetings(
            "Außenministerin Annalena Baerbock ist am Montag nach Kiew gereist und hat dort \
             Präsident Wolodymyr Selenskyj getroffen.",
            "de",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(has(&got[0].participants, "Baerbock") && has(&got[0].participants, "Selenskyj"));
        assert_eq!(got[0].place.as_deref(), Some("Kiew"));
    }

    #[test]
    fn no_meeting_without_a_named_counterpart_or_subject() {
        for (lang, text) in [
            (
                "it",
                "Il leader non ha ricevuto una risposta chiara dal governo.",
            ),
            (
                "en",
                "Iranian officials said the country could meet its targets.",
            ),
            ("en", "The talks were meant to reduce tensions."),
            (
                "en",
                "President Joe Biden welcomed the decision of the court.",
            ),
            (
                "en",
                "After weeks of talks Germany decided against a new border fence.",
            ),
            (
                "en",
                "His running mate, Ana Ortiz, will address the party meeting on Saturday.",
            ),
            (
                "en",
                "A team from the charity visited the Red Cross center near the border.",
            ),
            ("en", "The minister attended a conference on energy prices."),
            ("en", "Mayor Anna Berg attended the funeral of the victims."),
            ("en", "Delegates will meet again at the forum."),
            (
                "it",
                "Il ministro Mario Rossi ha partecipato a una protesta davanti al Senato.",
            ),
        ] {
            let got = meetings(text, lang);
            assert!(
                got.is_empty(),
                "{text}: {:?}",
                got.iter().map(|g| &g.participants).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn taking_part_in_a_gathering_is_an_encounter() {
        for (lang, text, who) in [
            (
                "en",
                "President Barack Obama attended the World Economic Forum in Davos.",
                "Barack Obama",
            ),
            (
                "en",
                "Journalist Michael Weiss took part in a forum on propaganda in Washington.",
                "Michael Weiss",
            ),
            (
                "it",
                "Il ministro Mario Rossi ha partecipato al convegno di Milano.",
                "Mario Rossi",
            ),
            (
                "fr",
                "Le ministre Jean Dupont a participé au colloque de Lyon.",
                "Jean Dupont",
            ),
        ] {
            let got = meetings(text, lang);
            assert_eq!(got.len(), 1, "{text}");
            assert!(
                has(&got[0].participants, who),
                "{text}: {:?}",
                got[0].participants
            );
        }
    }

    #[test]
    fn a_description_between_commas_keeps_the_subject() {
        let got = meetings(
            "Prince Ali Bin Al Hussein, a FIFA presidential candidate, met Vladimir Putin in Moscow.",
            "en",
        );
        assert_eq!(got.len(), 1);
        assert!(
            has(&got[0].participants, "Ali Bin Al Hussein"),
            "{:?}",
            got[0].participants
        );
        assert!(has(&got[0].participants, "Vladimir Putin"));
    }
}
