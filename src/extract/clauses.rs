//! Clauses: one reading of each sentence's clauses, shared by every fact. Around a word of a
//! sentence (a meeting word, a verb of signing, a speech verb) it reads the clause it stands in
//! (between strong punctuation, clause words and commas that close no list), its subject (the
//! names that open the clause, a person named before a relative word, a dropped subject or a
//! pronoun taken from the sentence or the one before), its object, the "con X" / "with X" /
//! "between X and Y" partners, a place ("in Vietnam", "nella capitale nordcoreana") and a date
//! word.

use crate::analysis::{EntityKind, MeetingType};
use crate::document::Document;
use crate::extract::entities::{head, org_compound, Entities, Head};
use crate::extract::mentions::Mentions;
use crate::lexicon::{GroupWord, Link, Modality};
use crate::segment::{closes, is_open_quote, Range, TokenKind};

/// The tails of a German compound that may be a word of their own ("Regierungs|koalition",
/// "Handels|abkommen"): from the fourth letter on, at least four letters long.
pub(crate) fn compound_tails(key: &str) -> impl Iterator<Item = &str> {
    key.char_indices()
        .filter(move |&(i, _)| i >= 3 && key.len() - i >= 4)
        .map(move |(i, _)| &key[i..])
}

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

/// What is read after a word: who, where.
pub(crate) struct Arguments {
    /// The people and bodies: the object, "with X", "between X and Y", "of X".
    pub parts: Vec<usize>,
    pub place: Option<Place>,
    /// How many of the parts are the bare object ("met Kim").
    pub direct: usize,
    /// Groups no name stands for ("with congressional Democrats").
    pub groups: Vec<Range>,
    /// How many sides "between X and Y" names: they are all the sides.
    pub between: usize,
}

/// Whether what a clause tells took place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    /// Told as having happened, or happening now.
    Held,
    /// Announced, scheduled, in the future.
    Planned,
    /// Denied, refused, cancelled, hypothetical or wished: it did not take place.
    Unreal,
}

/// How far after a noun its status may be told ("the summit planned for May", "l'incontro è
/// stato annullato").
const STATUS_AFTER: usize = 4;

/// Reads the clauses of a document: the roles around a word of a sentence, for every fact.
pub(crate) struct Clauses<'d, 'a> {
    pub doc: &'d Document<'a>,
    pub ents: &'d Entities,
    /// Descriptions, pronouns and pairs, resolved.
    pub refs: &'d Mentions,
    /// Is the token inside quotation marks?
    quoted: Vec<bool>,
    /// Places act too (see [`Clauses::signing_parties`]).
    places_act: bool,
    /// The names of no known kind that act too: one word, standing as a noun somewhere (see
    /// [`Clauses::signing_parties`]).
    others_act: Vec<bool>,
}

/// How many describing words may stand before a subject's name ("the outspoken critic X").
const DESCRIBING_WORDS: usize = 2;

/// How far after a word its arguments are looked for.
const WINDOW: usize = 24;

/// How many words a description between commas may have ("FIFA presidential candidate").
const DESCRIPTION_WORDS: usize = 8;

impl<'d, 'a> Clauses<'d, 'a> {
    pub fn new(doc: &'d Document<'a>, ents: &'d Entities, refs: &'d Mentions) -> Self {
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
        Clauses {
            doc,
            ents,
            refs,
            quoted,
            places_act: false,
            others_act: Vec::new(),
        }
    }

    /// The reader for the parties of a signing: a place acts too (a region, a city that signs).
    /// Only there: in an encounter a place is where it was held.
    /// So does a one-word name of no known kind ("a signé un contrat avec Katowice"): a club, a
    /// company — unless every mention of it describes the noun after it ("the only Andean
    /// country"); not a name of several words (an event, a law).
    pub fn signing_parties(&self) -> Self {
        let lex = self.doc.lex;
        let mut others_act = vec![false; self.ents.list.len()];
        for m in &self.ents.mentions {
            let f = &self.ents.list[m.entity];
            let next = self.doc.tokens.get(m.tokens.end);
            // (A verb of signing after it is no noun it describes: "Iberdrola firmó un acuerdo".)
            let describes = next.is_some_and(|x| {
                x.is_word()
                    && !x.cap
                    && !lex.is_stopword(&x.key)
                    && lex.sign_verbs.longest(&[x]).is_none()
            });
            if f.kind == EntityKind::Other && m.tokens.len() == 1 && !describes {
                others_act[m.entity] = true;
            }
        }
        Clauses {
            quoted: self.quoted.clone(),
            places_act: true,
            others_act,
            ..*self
        }
    }

    pub fn quoted(&self, t: usize) -> bool {
        self.quoted.get(t).copied().unwrap_or(false)
    }

    /// The description, pronoun or pair that starts at token `t` and stands for entities the
    /// text named: (those entities, where the mention ends, named in an earlier sentence).
    pub(crate) fn resolved_at(&self, t: usize) -> Option<(&[usize], usize, bool)> {
        let r = self.refs.starting_at(t)?;
        (!r.entities.is_empty()).then_some((r.entities.as_slice(), r.tokens.end, r.before))
    }

    /// The keys of `a..b` as far as a phrase can reach (8 tokens): every use is a phrase lookup,
    /// and reading to the end of a run-on sentence each time would be quadratic.
    pub fn keys(&self, a: usize, b: usize) -> &[crate::token::Token] {
        let b = b.min(self.doc.tokens.len()).min(a + 8);
        let a = a.min(b);
        &self.doc.tokens[a..b]
    }

    pub fn link(&self, t: usize, end: usize) -> Option<(usize, Link)> {
        self.doc
            .lex
            .meeting_links
            .longest(self.keys(t, end))
            .map(|(n, l)| (n, *l))
    }

    pub fn is_actor(&self, e: usize) -> bool {
        match self.ents.list[e].kind {
            EntityKind::Person | EntityKind::Organization | EntityKind::Country => true,
            EntityKind::Place => self.places_act,
            EntityKind::Other => self.others_act.get(e).copied().unwrap_or(false),
        }
    }

    pub(crate) fn is_place(&self, e: usize) -> bool {
        self.ents.list[e].kind == EntityKind::Place
    }

    pub(crate) fn is_person(&self, e: usize) -> bool {
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
    pub(crate) fn filler(&self, t: usize, end: usize) -> Option<usize> {
        let lex = self.doc.lex;
        let tok = self.doc.tokens.get(t)?;
        let rest = self.keys(t, end);
        if tok.kind == TokenKind::Number {
            return Some(1);
        }
        // The period of an abbreviated title ("Mr. Xi", "Dr. Weber").
        if tok.key == "." && !tok.space_before && t > 0 && self.doc.tokens[t - 1].is_word() {
            return Some(1);
        }
        if !tok.is_word() {
            return None;
        }
        if let Some((n, _)) = lex.titles.longest(rest) {
            return Some(n);
        }
        // "il suo omologo russo", "ihr polnischer Amtskollege"; where nouns have capitals, a
        // compound of a title or of a noun for a person ("den dänischen Energieminister").
        if lex.person_nouns.contains(&tok.key) || (lex.nouns_capitalized && self.role_compound(t)) {
            return Some(1);
        }
        if let Some((n, _)) = lex.nationalities.longest(rest) {
            return Some(n);
        }
        if let Some((n, _)) = lex.weekdays.longest(rest) {
            return Some(n);
        }
        // "las dos delegaciones", "the two leaders".
        if let Some((n, _)) = lex.number_words.longest(rest) {
            return Some(n);
        }
        if let Some((n, _)) = lex.months.longest(rest) {
            return Some(n);
        }
        if lex.is_stopword(&tok.key) || tok.key == "'s" {
            return Some(1);
        }
        None
    }

    /// A capitalized compound whose head is a title or a noun for a person ("Energieminister").
    #[inline(never)]
    fn role_compound(&self, k: usize) -> bool {
        let tok = &self.doc.tokens[k];
        tok.cap
            && matches!(
                head(self.doc.lex, &tok.key),
                Some(Head::Title | Head::Person)
            )
    }

    /// Past the articles from token `k` (before `end`).
    pub(crate) fn past_articles(&self, mut k: usize, end: usize) -> usize {
        let toks = &self.doc.tokens;
        while k < end && toks[k].is_word() && self.doc.lex.articles.contains(&toks[k].key) {
            k += 1;
        }
        k
    }

    /// Where a place or day phrase at `t` ends ("in Paris", "à l'Élysée", "no Palácio do
    /// Planalto", "am Dienstag"): a word of place, articles, then a place, a country, a building's
    /// name or a day; None if it is no such phrase or nothing follows it in the sentence.
    pub(crate) fn place_phrase(&self, t: usize, end: usize) -> Option<usize> {
        let (n, link) = self.link(t, end)?;
        if link != Link::At {
            return None;
        }
        let k = self.past_articles(t + n, end);
        // ("am Dienstag": a day rather than a place.)
        let lex = self.doc.lex;
        let rest = self.keys(k, end);
        if let Some((d, _)) = lex.weekdays.longest(rest).or(lex.months.longest(rest)) {
            return (k + d < end).then_some(k + d);
        }
        let m = self.ents.mention_at(k)?;
        let kind = self.ents.list[m.entity].kind;
        let placeish = matches!(kind, EntityKind::Place | EntityKind::Country)
            || (kind == EntityKind::Organization && m.tokens.len() <= 3);
        (placeish && m.tokens.end < end).then_some(m.tokens.end)
    }

    /// How many tokens an "including" takes at `t` ("dont", ", tra cui", ", including").
    pub(crate) fn including(&self, t: usize, end: usize) -> Option<usize> {
        let comma = usize::from(self.doc.tokens.get(t).is_some_and(|x| x.key == ","));
        match self.link(t + comma, end) {
            Some((n, Link::Including)) => Some(comma + n),
            _ => None,
        }
    }

    /// Is this token the end of a clause? Strong punctuation and clause words ("mentre", "while").
    pub(crate) fn hard_boundary(&self, t: usize) -> bool {
        let tok = &self.doc.tokens[t];
        if self.quoted(t) {
            return false;
        }
        (tok.kind == TokenKind::Punct
            && match tok.key.as_str() {
                ";" | ":" => true,
                // Inside a sentence, a period glued to a word closes an abbreviation or an
                // initial ("Acme Inc. bought", "U.S. officials").
                "." => tok.space_before || t == 0 || !self.doc.tokens[t - 1].is_word(),
                "(" | ")" => !self.name_in_brackets(t),
                _ => false,
            })
            || (self.doc.lex.clause_words.longest(&[&tok.key]).is_some() && !self.ends_qualifier(t))
    }

    /// Does token `t` end a qualifier of a number ("mehr als", "more than")? Such a clause word
    /// opens no clause ("seit mehr als zwei Jahren").
    fn ends_qualifier(&self, t: usize) -> bool {
        (t.saturating_sub(3)..t).any(|a| {
            self.doc
                .lex
                .qualifiers
                .longest(self.keys(a, t + 1))
                .is_some_and(|(n, _)| a + n == t + 1)
        })
    }

    /// Is the bracket at `t` one of a short aside: a name, an acronym, an amount ("Frankfurt
    /// (Oder)", "the Free Syrian Army (FSA)", "a $6bn (£3.12bn) deal")? Four tokens at most
    /// inside. Such brackets do not end a clause.
    pub(crate) fn name_in_brackets(&self, t: usize) -> bool {
        let toks = &self.doc.tokens;
        match toks[t].key.as_str() {
            "(" => (t + 2..toks.len().min(t + 6)).any(|k| toks[k].key == ")"),
            ")" => (t.saturating_sub(5)..t.saturating_sub(1)).any(|k| toks[k].key == "("),
            _ => false,
        }
    }

    pub(crate) fn boundary(&self, t: usize) -> bool {
        self.hard_boundary(t)
            || (!self.quoted(t) && self.doc.tokens[t].kind == TokenKind::Punct && {
                let k = self.doc.tokens[t].key.as_str();
                (k == "," && !self.in_list(t) && !self.aside(t))
                    || k == "-" && self.doc.tokens[t].space_before
            })
    }

    /// How many tokens the photo position opened by the comma at `t` takes with its commas.
    pub(crate) fn aside_after(&self, t: usize, end: usize) -> Option<usize> {
        let comma = |k: usize| self.doc.tokens.get(k).is_some_and(|x| x.key == ",");
        match self.link(t + 1, end) {
            Some((n, Link::Aside)) if comma(t) && comma(t + 1 + n) => Some(n + 2),
            _ => None,
        }
    }

    /// Does the comma at `t` open or close a photo position ("Erdogan, right, greets…")?
    pub(crate) fn aside(&self, t: usize) -> bool {
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
    pub(crate) fn in_list(&self, t: usize) -> bool {
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

    /// The word of `group_words.txt` at token `k`, or in a language that capitalizes its nouns a
    /// compound ending in one ("Regierungskoalition", "Außenminister").
    pub(crate) fn group_word(&self, k: usize, end: usize) -> Option<(usize, GroupWord)> {
        let lex = self.doc.lex;
        if let Some((n, w)) = lex.group_words.longest(self.keys(k, end)) {
            return Some((n, *w));
        }
        let tok = self.doc.tokens.get(k)?;
        if !lex.nouns_capitalized || !tok.is_word() || !tok.cap {
            return None;
        }
        compound_tails(&tok.key).find_map(|tail| match lex.group_words.longest(&[tail]) {
            Some((1, w)) if *w != GroupWord::Both => Some((1, *w)),
            _ => None,
        })
    }

    /// Is the group `g` (a range `group_at` gave) a body that acts by itself ("the unions")?
    pub(crate) fn group_is_body(&self, g: Range) -> bool {
        let toks = &self.doc.tokens;
        let last = toks.partition_point(|t| t.range.start < g.end);
        last > 0 && matches!(self.group_word(last - 1, last), Some((_, GroupWord::Body)))
    }

    /// Is the group `g` a side by itself: a body, or a noun of sides with the countries it names
    /// ("i governi britannico e saudita")?
    pub(crate) fn group_is_side(&self, g: Range) -> bool {
        self.group_is_body(g) || !self.group_countries(g).is_empty()
    }

    /// The names and groups listed from token `k` ("zwischen der Regierung und den Rebellen",
    /// "with the unions and Renault"): their entities, the groups, and where the list ends.
    pub(crate) fn sides_list(&self, k: usize, end: usize) -> (Vec<usize>, Vec<Range>, usize) {
        let (names, e) = self.list(k, end);
        if !names.is_empty() {
            return (names, Vec::new(), e);
        }
        let lex = self.doc.lex;
        let mut groups = Vec::new();
        let mut k = k;
        let mut last = k;
        loop {
            let from = k;
            // Articles and possessives before the group ("den", "seinen", "the").
            while k < end && k < from + 2 && lex.is_stopword(&self.doc.tokens[k].key) {
                k += 1;
            }
            let head = (k..end.min(k + 3)).find_map(|h| self.group_at(k, h, end).map(|g| (h, g)));
            match head {
                Some((h, (g, n))) if self.group_is_side(g) => {
                    groups.push(g);
                    k = h + n;
                    last = k;
                }
                _ => break,
            }
            match self.link(k, end) {
                Some((n, Link::And)) => k += n,
                _ if k < end && self.doc.tokens[k].key == "," => k += 1,
                _ => break,
            }
        }
        (Vec::new(), groups, last)
    }

    /// A group of people at token `k` ("officials", "delegazioni") with the adjectives before it
    /// down to `from` ("congressional Democrats", "Cuban delegations"): its byte range and how
    /// many tokens the group word takes.
    pub(crate) fn group_at(&self, from: usize, k: usize, end: usize) -> Option<(Range, usize)> {
        let (n, w) = self.group_word(k, end)?;
        if w == GroupWord::Both {
            return None;
        }
        let lex = self.doc.lex;
        let nationality = |j: usize| {
            lex.nationalities
                .longest(&[self.doc.tokens[j].key.as_str()])
                .is_some()
        };
        let mut a = k;
        while a > from && k - a < 2 {
            let tok = &self.doc.tokens[a - 1];
            // "the British and Saudi governments": nationalities joined by "and" or a comma.
            let joined = a - 1 > from
                && nationality(a)
                && nationality(a - 2)
                && (tok.key == "," || matches!(self.link(a - 1, a), Some((1, Link::And))));
            if joined {
                a -= 2;
                continue;
            }
            let adjective = tok.is_word()
                && self.ents.mention_at(a - 1).is_none()
                && self.link(a - 1, k).is_none()
                && !self.doc.lex.is_stopword(&tok.key)
                && (!tok.cap || self.doc.lex.nationalities.longest(&[&tok.key]).is_some());
            if !adjective {
                break;
            }
            a -= 1;
        }
        // "HDP leaders", "RNC officials": the name already stands for them.
        if a > 0 && self.ents.mention_at(a - 1).is_some() {
            return None;
        }
        // "der Außenminister Marko Salmi": right before a person's name, the word is a title.
        if self
            .ents
            .mention_at(k + n)
            .is_some_and(|m| m.tokens.start == k + n && self.is_person(m.entity))
        {
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

    /// The countries the nationality words of a group name: inside it ("Cuban delegations") and
    /// right after its noun, joined by "and" or commas ("i ministri degli Esteri cinese e indiano").
    pub(crate) fn group_countries(&self, g: Range) -> Vec<String> {
        let doc = self.doc;
        let lex = doc.lex;
        let toks = &doc.tokens;
        let first = toks.partition_point(|t| t.range.end <= g.start);
        let Some(s) = doc.sentence_of_token(first) else {
            return Vec::new();
        };
        let end = doc.sentences[s].tokens.end;
        let last = toks.partition_point(|t| t.range.start < g.end);
        let mut out: Vec<String> = Vec::new();
        let mut k = first;
        let mut after = 0; // tokens read past the group
        while k < end && (k < last || after < 8) {
            if k >= last {
                after += 1;
            }
            if let Some((n, iso)) = lex.nationalities.longest(self.keys(k, end)) {
                let name = lex.country_name(iso);
                if !out.contains(&name) {
                    out.push(name);
                }
                k += n;
                continue;
            }
            let t = &toks[k];
            let joins = t.key == "," || matches!(self.link(k, end), Some((_, Link::And)));
            // Past the group, only a portfolio ("des Affaires étrangères") or a join goes on.
            if k >= last && !joins && !(t.is_word() && (t.cap || lex.is_stopword(&t.key))) {
                let adjective = t.is_word() && !t.cap;
                if !(adjective && out.is_empty() && after <= 4) {
                    break;
                }
            }
            k += 1;
        }
        out
    }

    /// The sides a group stands for: the countries its nationality words name, else the group
    /// as written ("the rebels", "die Geschäftsleitung").
    pub(crate) fn group_sides(&self, g: Range) -> Vec<String> {
        let countries = self.group_countries(g);
        if countries.is_empty() {
            vec![self.doc.original_text(g)]
        } else {
            countries
        }
    }

    /// The groups named in tokens `a..b` (see `group_at`).
    pub(crate) fn groups_in(&self, a: usize, b: usize) -> Vec<Range> {
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
    pub(crate) fn description(&self, a: usize, b: usize) -> bool {
        b > a
            && b - a <= DESCRIPTION_WORDS
            && (a..b).any(|k| self.doc.tokens[k].is_word() && !self.doc.tokens[k].cap)
            && (a..b).all(|k| {
                let t = &self.doc.tokens[k];
                let dash = t.key == "-" && t.space_before;
                !self.quoted(k) && !dash
            })
            && self.ents.mentions_in(a..b).all(|m| {
                !self.is_person(m.entity)
                    && (self.ents.list[m.entity].kind != EntityKind::Country
                        || self.owner(m)
                        || self.after_particle(m.tokens.start))
            })
    }

    /// Does a particle in lower case, and maybe an article, come right before token `k` ("de
    /// Chile", "della Puglia", "of the United States")?
    fn after_particle(&self, k: usize) -> bool {
        let lex = self.doc.lex;
        let toks = &self.doc.tokens;
        let mut j = k;
        if j > 0 && toks[j - 1].is_word() && lex.articles.contains(&toks[j - 1].key) {
            j -= 1;
        }
        j > 0
            && toks[j - 1].is_word()
            && !toks[j - 1].cap
            && lex.particles.contains(&toks[j - 1].key)
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

    /// The subject a clause with none takes from a clause before it in sentence `s` ("Si è
    /// astenuto anche il Pakistan, quattro giorni fa ha siglato un accordo…", "La Jordanie est,
    /// avec l'Egypte, le seul pays à avoir signé…"): the first actor named, out of quotation
    /// marks, in the nearest earlier clause that a link word does not open, and not right after
    /// a link word ("with", "of", "in"…).
    pub(crate) fn subject_before(&self, s: usize, c0: usize) -> Option<usize> {
        let start = self.doc.sentences[s].tokens.start;
        let linked = |k: usize| {
            (k.saturating_sub(2).max(start)..k).any(|j| {
                !matches!(
                    self.link(j, k),
                    None | Some((_, Link::And | Link::Pronoun | Link::Aside))
                )
            })
        };
        let mut b = c0;
        while b > start + 1 {
            let (a, _) = self.clause(s, b - 2);
            if !linked(a + 1) {
                if let Some(m) = self.ents.mentions_in(a..b - 1).find(|m| {
                    self.is_actor(m.entity)
                        && !self.quoted(m.tokens.start)
                        && !linked(m.tokens.start)
                }) {
                    return Some(m.entity);
                }
            }
            b = a;
        }
        None
    }

    /// The last person named in a token range, out of quotation marks.
    pub(crate) fn last_person(&self, r: std::ops::Range<usize>) -> Option<usize> {
        self.ents
            .mentions_in(r)
            .filter(|m| self.is_person(m.entity) && !self.quoted(m.tokens.start))
            .last()
            .map(|m| m.entity)
    }

    /// The first person named in sentence `s` outside `skip`, out of quotation marks.
    pub(crate) fn first_person(&self, s: usize, skip: std::ops::Range<usize>) -> Option<usize> {
        let r = self.doc.sentences.get(s)?.tokens.clone();
        // (Not in a clause that opens with a source: "Secondo un portavoce di X, …".)
        let source = |k: usize| self.opens_with_source(self.clause(s, k).0, k);
        self.ents
            .mentions_in(r)
            .find(|m| {
                self.is_person(m.entity)
                    && !self.quoted(m.tokens.start)
                    && !skip.contains(&m.tokens.start)
                    && !source(m.tokens.start)
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
            match lex.speech_verbs.longest(self.keys(k, t)) {
                Some((n, _)) if !self.quoted(k) => {
                    c0 = k + n;
                    k += n;
                }
                _ => k += 1,
            }
        }
        // ("Madrid, 3 mar (EFE).- Chile y Perú han firmado…": the dash that ends a dateline.)
        while c0 < t && self.doc.tokens[c0].key == "-" {
            c0 += 1;
        }
        // "Der Außenminister Finnlands, Marko Salmi, hat … getroffen": the clause before the
        // comma is a title and its holder's name — the subject of this clause.
        let start = self.doc.sentences[s].tokens.start;
        if c0 > start + 1 && self.doc.tokens[c0 - 1].key == "," {
            let p0 = self.clause(s, c0 - 2).0;
            let source = self.opens_with_source(p0, c0 - 1);
            if let Some(e) = (p0..c0 - 1)
                .filter(|_| !source)
                .find_map(|k| self.title_holder(p0, k, c0))
            {
                return (vec![e], Found::Here, Vec::new());
            }
        }
        let mut found = Vec::new();
        let mut groups = Vec::new();
        let mut dropped = false;
        // Every one found was named in an earlier sentence (a pronoun, a description).
        let mut all_before = true;
        let mut loose = 0; // describing words before the first name
        let mut joined = false; // an "and" after the first one found
        let mut k = c0;
        while k < t {
            if self.quoted(k) {
                k += 1;
                continue;
            }
            // "O enviado especial da Noruega para a paz no Sri Lanka, Jon Hanssen-Bauer, chegou…":
            // a title opens the clause and its holder's name follows between commas — the name
            // is the subject, the places in the title only describe it.
            if let Some(e) = self.title_holder(c0, k, t) {
                if !found.iter().any(|&f| self.is_person(f)) {
                    return (vec![e], Found::Here, Vec::new());
                }
            }
            // "He met…", "the Mexican president received…", "the two countries signed…".
            if let Some((es, e_end, before)) = self.resolved_at(k) {
                for &e in es {
                    if self.is_actor(e) && !found.contains(&e) {
                        found.push(e);
                    }
                }
                all_before &= before;
                k = e_end.max(k + 1);
                if lex.verb_final && e_end == k && self.link(k - 1, k).is_some() {
                    break;
                }
                continue;
            }
            if let Some(m) = self.ents.mention_at(k) {
                if self.is_actor(m.entity) && !self.owner(m) && !self.affiliation(m) {
                    found.push(m.entity);
                    all_before = false;
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
                joined |= !found.is_empty();
                k += n;
                continue;
            }
            if let Some(n) = self.aside_after(k, t) {
                k += n;
                continue;
            }
            // "Microsoft and the Kenyan firm G42", "Siemens und der polnische Energiekonzern
            // PGE": a noun of a kind before the next name of the list.
            if joined && self.kind_word(k) {
                k += 1;
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
            // "Der prominente Kirchenkritiker Hans Küng": words that describe the first name.
            let tok = &self.doc.tokens[k];
            if found.is_empty()
                && !dropped
                && k < c0 + DESCRIBING_WORDS + 2
                && tok.is_word()
                && (!tok.cap || self.kind_word(k))
                && loose < DESCRIBING_WORDS
            {
                loose += 1;
                k += 1;
                continue;
            }
            break;
        }
        // German main clauses put the finite verb second: when something else opens the clause
        // ("Vor einigen Monaten hatte Tesla die Firma X übernommen", "Am Dienstag hat das
        // Kabinett…"), the subject comes right after that verb.
        if found.is_empty() && groups.is_empty() && lex.verb_final && !dropped && k < t {
            if let Some((names, gs)) = self.after_finite_verb(c0, t) {
                found = names;
                groups = gs;
                all_before = false;
            }
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
        // "El martes se reunió con X": a verb of encounter that opens with a pronoun or an
        // auxiliary of its own, nothing before it.
        if k >= t && matches!(self.link(t, t + 1), Some((1, Link::Pronoun))) {
            dropped = true;
        }
        // "Russia and Vietnam pledged … as President Vladimir Putin made a state visit": a
        // person nearer the word is its subject rather than the countries that open the clause.
        if !found.is_empty() && !found.iter().any(|&e| self.is_person(e)) {
            if let Some(e) = self.last_person(k..t) {
                return (vec![e], Found::Here, Vec::new());
            }
        }
        // (Unless "and" joins them as parties of a signing: "Mario Rossi e Fincantieri hanno
        // firmato"; people meet people.)
        let parties = joined && self.places_act;
        if !parties && found.iter().any(|&e| self.is_person(e)) {
            found.retain(|&e| self.is_person(e));
        }
        if !found.is_empty() {
            found.dedup();
            let how = if all_before {
                Found::Before
            } else {
                Found::Here
            };
            return (found, how, groups);
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
            // ("Secondo un rappresentante di X in Crimea, Serhij Kunicyn, i russi sarebbero
            // arrivati": a clause that opens with a source, "according to", says who told it.)
            let opens = (p0 == start || dash(p0 - 1)) && !self.opens_with_source(p0, c0 - 1);
            let (names, e) = self.list(p0, c0 - 1);
            let between_dashes = dashed && p0 > start;
            let who = |n: usize| self.is_person(n) || (between_dashes && self.is_actor(n));
            if opens && e >= c0 - 1 && names.iter().any(|&n| who(n)) {
                return (names, Found::Here, Vec::new());
            }
            // "Prince Ali, FIFA presidential candidate, attends…", "X Foods, Britain's largest
            // grocer, bought…": a short description without a name (but the country it is of)
            // between commas sets the names that open the sentence apart from their verb.
            if !dashed && !opens && self.description(p0, c0 - 1) && p0 > start + 1 {
                let q0 = self.clause(s, p0 - 2).0;
                let opens = q0 == start || dash(q0 - 1);
                let (names, e) = self.list(q0, p0 - 1);
                if opens
                    && self.doc.tokens[p0 - 1].key == ","
                    && e >= p0 - 1
                    && names.iter().any(|&n| self.is_actor(n))
                {
                    return (names, Found::Here, Vec::new());
                }
            }
            // "O ministro brasileiro das Relações Exteriores, Paulo Teixeira Lima, reuniu-se…":
            // a title opens the sentence, the name follows between commas, then the verb.
            if !dashed && !opens && p0 > start + 1 && self.doc.tokens[p0 - 1].key == "," {
                let q0 = self.clause(s, p0 - 2).0;
                let titled = q0 == start
                    && (q0..p0 - 1).any(|k| lex.titles.longest(self.keys(k, p0 - 1)).is_some())
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
        // ("Giovedì era stato ricevuto a Roma, al ministero, dalla ministra X": the agent of the
        // passive after the word is not its subject.)
        let agent = |p: usize| {
            self.ents
                .mentions_in(self.doc.sentences[s].tokens.clone())
                .find(|m| m.entity == p)
                .is_some_and(|m| {
                    m.tokens.start > t
                        && (m.tokens.start.saturating_sub(4).max(t)..m.tokens.start)
                            .any(|b| matches!(self.link(b, m.tokens.start), Some((_, Link::By))))
                })
        };
        if let Some(p) = self.first_person(s, c0..c1).filter(|&p| !agent(p)) {
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

    /// Do the tokens `a..b` open with a source, "according to", "secondo"?
    fn opens_with_source(&self, a: usize, b: usize) -> bool {
        self.doc.lex.speech_verbs.longest(self.keys(a, b)).is_some()
    }

    /// Does the name `m` qualify the noun after it ("Zimbabwe's election", "Burma leader's
    /// visit", "Finnlands Außenminister X")? Such a name is not the subject.
    pub(crate) fn owner(&self, m: &crate::extract::entities::Mention) -> bool {
        let lex = self.doc.lex;
        let next = self.doc.tokens.get(m.tokens.end);
        let title_after = next.is_some_and(|x| {
            x.is_word() && (!x.cap || lex.nouns_capitalized) && lex.is_role(&x.key)
        });
        next.is_some_and(|x| x.key == "'s")
            || (title_after && self.ents.list[m.entity].kind == EntityKind::Country)
    }

    /// Is the name `m` in brackets right after a person's name, as their party or body
    /// ("Friedrich Merz (CDU) traf…", "Mario Rossi (Pd)")? It only describes that person.
    pub(crate) fn affiliation(&self, m: &crate::extract::entities::Mention) -> bool {
        let toks = &self.doc.tokens;
        let a = m.tokens.start;
        a >= 2
            && toks[a - 1].key == "("
            && toks.get(m.tokens.end).is_some_and(|x| x.key == ")")
            && self
                .ents
                .mention_at(a - 2)
                .is_some_and(|p| p.tokens.end == a - 1 && self.is_person(p.entity))
    }

    /// The person named between the comma at `k` and the next one, before `t`, when the words
    /// `c0..k` before the comma are a title ("the special envoy of Norway, X, said"): its holder.
    fn title_holder(&self, c0: usize, k: usize, t: usize) -> Option<usize> {
        let toks = &self.doc.tokens;
        if toks[k].key != "," || k == c0 {
            return None;
        }
        let m = self.ents.mention_at(k + 1)?;
        let closed = m.tokens.start == k + 1
            && m.tokens.end <= t
            && toks[m.tokens.end].key == ","
            && self.is_person(m.entity)
            // (Not "il presidente degli Stati Uniti, Joe Biden, a pochi giorni dalla visita…":
            // a phrase, not the verb, follows the name.)
            && !matches!(
                self.link(m.tokens.end + 1, toks.len()),
                Some((_, Link::At | Link::Of | Link::With | Link::Between | Link::By | Link::On))
            );
        // The title is the first words of the clause, past an article and describing words.
        let lex = self.doc.lex;
        let titled = (c0..(c0 + 3).min(k)).any(|j| {
            toks[j].is_word()
                && (lex.titles.longest(self.keys(j, k)).is_some()
                    || lex.person_nouns.contains(&toks[j].key))
        });
        (closed && titled).then_some(m.entity)
    }

    /// The subject right after the finite verb in second place of a clause `c0..t` (German
    /// inversion): the auxiliary or modal verb after the first phrase, then the names or the group
    /// that follow it, past articles and describing words.
    fn after_finite_verb(&self, c0: usize, t: usize) -> Option<(Vec<usize>, Vec<Range>)> {
        let lex = self.doc.lex;
        let finite = (c0 + 1..t).find_map(|j| {
            if self.quoted(j) {
                return None;
            }
            let aux = lex.speech_aux.longest(self.keys(j, t)).map(|(n, _)| n);
            let modal = self
                .modality_at(j, t)
                .filter(|(_, m)| matches!(m, Modality::Plan | Modality::Unreal))
                .map(|(n, _)| n);
            aux.or(modal).map(|n| j + n)
        })?;
        let mut k = finite;
        while k < t && k < finite + 4 {
            let tok = &self.doc.tokens[k];
            if let Some(m) = self.ents.mention_at(k) {
                let (names, _) = self.list(m.tokens.start, t);
                return (!names.is_empty()).then_some((names, Vec::new()));
            }
            if let Some((g, _)) = self.group_at(finite, k, t) {
                return Some((Vec::new(), vec![g]));
            }
            // Articles and describing words before the subject's noun; not a preposition or a
            // pronoun ("haben sich auf eine Koalition geeinigt": the subject opened the clause).
            let describing = !tok.cap && !lex.is_stopword(&tok.key);
            if !tok.is_word() || !(lex.articles.contains(&tok.key) || describing) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The names right after a verb, past articles, describing words, a time phrase and nouns of a
    /// role ("unterzeichneten am Montag Vereinspräsident X und Y"): the subject of a German clause
    /// that another phrase opens.
    pub(crate) fn names_after_verb(&self, from: usize, end: usize) -> Vec<usize> {
        let lex = self.doc.lex;
        let toks = &self.doc.tokens;
        let mut k = from;
        while k < end && k < from + 6 {
            // (The list keeps actors only.)
            if let Some(m) = self.ents.mention_at(k) {
                return self.list(m.tokens.start, end).0;
            }
            if let Some(n) = self.filler(k, end) {
                k += n;
                continue;
            }
            let tok = &toks[k];
            let describing = tok.is_word()
                && ((!tok.cap && !lex.is_stopword(&tok.key))
                    || lex.articles.contains(&tok.key)
                    || self.kind_word(k));
            if !describing {
                break;
            }
            k += 1;
        }
        Vec::new()
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
        let mut noun_between = false; // a noun of a kind, a role or a person since the last name
        let mut owner_last = false; // the last name found owns the noun after it ("Qatar's emir")
        let mut and_end = usize::MAX; // where the last "and" ends
        while k < end {
            if self.quoted(k) {
                break;
            }
            // "con il suo omologo ucraino", "with her", "between the two countries".
            if let Some((es, e_end, _)) = self.resolved_at(k) {
                // ("and her counterpart Tomas Lind": a possessive before a role and a name.)
                if self.possessive_before_name(k, end) {
                    k += 1;
                    continue;
                }
                if !joined && !out.is_empty() {
                    break;
                }
                for &e in es {
                    if self.is_actor(e) && !out.contains(&e) {
                        out.push(e);
                    }
                }
                noun_between = false;
                joined = false;
                loose = 0;
                k = e_end.max(k + 1);
                continue;
            }
            // "con el alcalde de Sevilla, Antonio Pérez": the title's holder, not what it is of.
            if let Some(h) = self.holder_after(k) {
                k = h;
                continue;
            }
            if let Some(m) = self.ents.mention_at(k) {
                let e = m.entity;
                if !joined && !out.is_empty() {
                    // "U.S. Secretary of State John Kerry": the country qualifies the person;
                    // "Hollywood studio Warner Brothers", "Roma defender Vincent Candela": a name
                    // before a noun of a kind, a role or a person qualifies the name after it.
                    let last = out.len() - 1;
                    // ("Kenya's National Treasury": a name that owns the one after it.)
                    let qualifies = (self.ents.list[out[last]].kind == EntityKind::Country
                        && self.is_person(e))
                        || ((noun_between || owner_last) && self.is_actor(e));
                    if qualifies {
                        out[last] = e;
                        noun_between = false;
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
                // ("with the Middle Eastern sheikhdom of Qatar": where modifiers come first, a
                // place before a word in lower case describes it; not where every noun has a
                // capital: "mit der Lombardei unterzeichnet".)
                let lex = self.doc.lex;
                let describes = self.is_place(e)
                    && lex.modifier_first
                    && !lex.nouns_capitalized
                    && self
                        .doc
                        .tokens
                        .get(m.tokens.end)
                        .is_some_and(|x| x.is_word() && !x.cap && !lex.is_stopword(&x.key));
                if self.is_actor(e) && !describes {
                    // ("met Qatar's emir, Sheikh Tamim": a country that owns the title of the
                    // person named after the comma qualifies that person.)
                    if owner_last && self.is_person(e) {
                        out.pop();
                    }
                    owner_last = self.owner(m) && !self.is_person(e);
                    if !out.contains(&e) {
                        out.push(e);
                    }
                } else if out.is_empty() {
                    // "with Hollywood studio Warner Brothers": a place that qualifies the name
                    // after its noun; else a place is not a list of people.
                    let mut j = m.tokens.end;
                    while j < end.min(m.tokens.end + 2) && self.kind_noun(j) {
                        j += 1;
                    }
                    let named = self
                        .ents
                        .mention_at(j)
                        .is_some_and(|n| n.tokens.start == j && self.is_actor(n.entity));
                    if j > m.tokens.end && named {
                        k = j;
                        continue;
                    }
                    break;
                }
                noun_between = false;
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
                // ("between X, the government's credit agency, and Y": a description set off
                // by commas after a name, then the list goes on.)
                if !out.is_empty() {
                    let close = (k + 2..end.min(k + DESCRIPTION_WORDS + 2))
                        .find(|&c| self.doc.tokens[c].key == ",");
                    // (A noun phrase: it opens with an article, not "initialement prévue jeudi".)
                    let lex = self.doc.lex;
                    let article = |j: usize| {
                        let x = &self.doc.tokens[j];
                        x.is_word() && (lex.articles.contains(&x.key) || lex.is_indefinite(&x.key))
                    };
                    if let Some(c) = close.filter(|&c| {
                        article(k + 1)
                            && self.description(k + 1, c)
                            && matches!(self.link(c + 1, end), Some((_, Link::And)))
                    }) {
                        k = c;
                        continue;
                    }
                }
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
                    and_end = k;
                    continue;
                }
                // "firmato da X e da Y", "met with X and with Y": the word that opened the list,
                // again after "and".
                Some((n, Link::With | Link::By)) if k == and_end && !out.is_empty() => {
                    k += n;
                    continue;
                }
                Some((
                    _,
                    Link::With | Link::Between | Link::At | Link::Capital | Link::By | Link::On,
                )) => break,
                _ => {}
            }
            if self.boundary(k) {
                break;
            }
            // ("dem als Kandidat der Partei feststehenden X": in German a name inside the phrase
            // before a noun qualifies the name after it.)
            let german_modifier = self.doc.lex.nouns_capitalized
                && self.doc.tokens[k].is_word()
                && !self.doc.tokens[k].cap
                && !self.doc.lex.is_stopword(&self.doc.tokens[k].key)
                && loose < 8;
            if !joined && !out.is_empty() && (self.kind_noun(k) || german_modifier) {
                noun_between = true;
                loose += usize::from(german_modifier);
                k += 1;
                continue;
            }
            if let Some(n) = self.filler(k, end) {
                k += n;
                continue;
            }
            // ("der US-Weltraumbehörde NASA": the hyphen of a compound is inside a word.)
            let joiner = tok.key == "-"
                && !tok.space_before
                && self
                    .doc
                    .tokens
                    .get(k + 1)
                    .is_some_and(|n| k + 1 < end && n.is_word() && !n.space_before);
            if joiner {
                k += 1;
                continue;
            }
            // A plain word: an adjective before the first name, or a word between commas; German
            // puts whole phrases before a noun ("dem als Kandidat feststehenden Barack Obama").
            let reach = if self.doc.lex.nouns_capitalized { 8 } else { 2 };
            if tok.is_word() && loose < reach && (out.is_empty() || joined) {
                loose += 1;
                k += 1;
                continue;
            }
            break;
        }
        (out, k)
    }

    /// Is token `k` a possessive pronoun before a role and a name ("her counterpart Tomas Lind",
    /// "ihrem Amtskollegen Tomas Lind", "su homólogo X")?
    fn possessive_before_name(&self, k: usize, end: usize) -> bool {
        if !matches!(self.link(k, end), Some((1, Link::Pronoun))) {
            return false;
        }
        let mut j = k + 1;
        while j < end.min(k + 4) && self.ents.mention_at(j).is_none() {
            let tok = &self.doc.tokens[j];
            let role = tok.is_word()
                && (self.kind_noun(j)
                    || self.doc.lex.titles.longest(self.keys(j, end)).is_some()
                    || self.doc.lex.person_nouns.contains(&tok.key));
            if !role {
                return false;
            }
            j += 1;
        }
        j > k + 1
            && self
                .ents
                .mention_at(j)
                .is_some_and(|m| m.tokens.start == j && self.is_person(m.entity))
    }

    /// Is token `k` a lower-case noun of a kind of body, a role or a person ("studio", "boss",
    /// "defender")?
    pub(crate) fn kind_noun(&self, k: usize) -> bool {
        let lex = self.doc.lex;
        let tok = &self.doc.tokens[k];
        tok.is_word()
            && !tok.cap
            && (lex.org_cues.contains(&tok.key)
                || lex.org_kinds.contains(&tok.key)
                || lex.person_nouns.contains(&tok.key)
                || lex.titles.contains_key(&tok.key))
    }

    /// A noun of a kind, a role or a person at token `k`; where every noun has a capital, also a
    /// compound whose head is one or an organization word ("Amtskollege", "Energiekonzern").
    pub(crate) fn kind_word(&self, k: usize) -> bool {
        let lex = self.doc.lex;
        let tok = &self.doc.tokens[k];
        self.kind_noun(k)
            || (lex.nouns_capitalized
                && tok.is_word()
                && tok.cap
                && (matches!(
                    head(lex, &tok.key),
                    Some(Head::Organization | Head::Person | Head::Title)
                ) || org_compound(lex, &tok.key)))
    }

    /// Two actors joined by a hyphen with no space, the first starting at token `a` ("Italia-
    /// Francia", "U.S.-Turkey").
    pub(crate) fn hyphen_pair(&self, a: usize) -> Option<[usize; 2]> {
        let toks = &self.doc.tokens;
        let first = self.ents.mention_at(a).filter(|m| m.tokens.start == a)?;
        let h = first.tokens.end;
        let glued = toks.get(h).is_some_and(|x| x.key == "-" && !x.space_before)
            && toks.get(h + 1).is_some_and(|x| !x.space_before);
        let second = self
            .ents
            .mention_at(h + 1)
            .filter(|m| glued && m.tokens.start == h + 1)?;
        (self.is_actor(first.entity)
            && self.is_actor(second.entity)
            && first.entity != second.entity
            && !self.is_place(first.entity)
            && !self.is_place(second.entity))
        .then_some([first.entity, second.entity])
    }

    /// [`Self::hyphen_pair`] ending right before token `t` ("the U.S.-China talks").
    pub(crate) fn hyphen_pair_before(&self, t: usize) -> Option<[usize; 2]> {
        let second = self.ents.mention_at(t.checked_sub(1)?)?;
        let h = second.tokens.start.checked_sub(1)?;
        let first = self.ents.mention_at(h.checked_sub(1)?)?;
        self.hyphen_pair(first.tokens.start)
            .filter(|_| second.tokens.end == t)
    }

    /// Does a verb-like word follow token `k` (after function words), rather than a comma,
    /// "and" or the end of the sentence?
    pub(crate) fn opens_clause(&self, mut k: usize, end: usize) -> bool {
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
            if let Some((n, iso)) = lex.nationalities.longest(rest) {
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

    /// A body named after "at" / "in" stands for its building ("all'Eliseo", "at the Kremlin",
    /// "au Quirinal"): a place for an encounter.
    pub(crate) fn building_at(&self, k: usize, end: usize) -> Option<Place> {
        let k = self.past_articles(k, end);
        let m = self.ents.mention_at(k).filter(|m| m.tokens.start == k)?;
        let f = &self.ents.list[m.entity];
        (f.kind == EntityKind::Organization && m.tokens.len() <= 3).then(|| Place {
            name: f.name.clone(),
            country: f.country.clone(),
            city: false,
        })
    }

    /// Does a person follow `k`, past titles and small words ("al jefe del gobierno Mariano
    /// Rajoy", "a la canciller Helena Mbala", "a su homólogo keniano, William Ruto")?
    pub(crate) fn person_object(&self, from: usize, end: usize) -> bool {
        let mut k = from;
        while k < end && self.ents.mention_at(k).is_none() {
            match self.filler(k, end) {
                Some(n) => k += n,
                None if self.titled_name_after(from, k) => k += 1,
                None => return false,
            }
        }
        self.ents
            .mention_at(k)
            .is_some_and(|m| self.ents.list[m.entity].kind == EntityKind::Person)
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
                .longest(rest)
                .map(|(n, _)| n)
                .or_else(|| lex.months.longest(rest).map(|(n, _)| n));
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
                        // "mercredi 30 octobre", "Thursday 25 July": the month after the day.
                        if let Some((m, _)) = lex.months.longest(self.keys(b, r.end)) {
                            b += m;
                        }
                    }
                    if a > r.start && toks[a - 1].kind == TokenKind::Number {
                        a -= 1;
                    }
                    if a > r.start
                        && toks[a - 1].is_word()
                        && (!toks[a - 1].cap || a - 1 == r.start)
                        && lex.is_stopword(&toks[a - 1].key)
                        && lex.clause_words.longest(&[&toks[a - 1].key]).is_none()
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

    /// Is token `j` a comma between a title or a noun for a person read from `from` and the
    /// person it names ("il ministro degli Esteri, X", "the foreign minister, X", "his Kenyan
    /// counterpart, X")?
    pub(crate) fn titled_name_after(&self, from: usize, j: usize) -> bool {
        let toks = &self.doc.tokens;
        let lex = self.doc.lex;
        toks[j].key == ","
            && (from..j).any(|k| {
                lex.titles.longest(self.keys(k, j)).is_some()
                    || lex.person_nouns.contains(&toks[k].key)
            })
            && self
                .ents
                .mention_at(j + 1)
                .is_some_and(|m| m.tokens.start == j + 1 && self.is_person(m.entity))
    }

    /// Past a place phrase of a common noun at `k` ("in municipio", "en el ayuntamiento", "al
    /// ministero delle Infrastrutture"): a word of place, articles, one word in lower case, maybe
    /// its portfolio. `k` itself when there is none.
    pub(crate) fn past_common_place(&self, k: usize, end: usize) -> usize {
        let toks = &self.doc.tokens;
        let Some((n, Link::At)) = self.link(k, end) else {
            return k;
        };
        let mut j = self.past_articles(k + n, end);
        // (Not a day: "na segunda-feira".)
        if j >= end
            || !toks[j].is_word()
            || toks[j].cap
            || self.link(j, end).is_some()
            || self.filler(j, end).is_some()
        {
            return k;
        }
        j += 1;
        // ("delle Infrastrutture", "of Defence", "del club": what the noun is of, no person.)
        if let Some((n, Link::Of)) = self.link(j, end) {
            let of = self
                .ents
                .mention_at(j + n)
                .filter(|m| !self.is_person(m.entity));
            if let Some(m) = of {
                return m.tokens.end;
            }
            let o = self.past_articles(j + n, end);
            let plain = o < end && toks[o].is_word() && !toks[o].cap && self.link(o, end).is_none();
            if plain {
                return o + 1;
            }
            return self.portfolio_end(j, end).unwrap_or(j);
        }
        j
    }

    /// Past a place phrase of a common noun at `k` right before an object: an article, a title
    /// or a name after it ("ha incontrato in municipio il prefetto X"; not "receiving care in
    /// compliance with X").
    pub(crate) fn common_place_before_object(&self, k: usize, end: usize) -> Option<usize> {
        let e = self.past_common_place(k, end);
        let lex = self.doc.lex;
        let object = e < end
            && (self.ents.mention_at(e).is_some()
                || lex.articles.contains(&self.doc.tokens[e].key)
                || lex.titles.longest(self.keys(e, end)).is_some());
        (e > k && object).then_some(e)
    }

    /// A time or place phrase set off by commas from token `j`, a comma, before an object
    /// (", no Palácio do Planalto,", ", on Monday,"): where it ends, past its second comma, and
    /// its place. None when anything else is between the commas.
    pub(crate) fn time_or_place_aside(
        &self,
        j: usize,
        end: usize,
    ) -> Option<(usize, Option<Place>)> {
        if self.doc.tokens[j].key != "," {
            return None;
        }
        let mut k = j + 1;
        let mut place = None;
        while k < end.min(j + 10) {
            if self.doc.tokens[k].key == "," {
                return (k > j + 1).then_some((k + 1, place));
            }
            if let Some(e) = self.place_phrase(k, end) {
                place = place
                    .or_else(|| self.place_at(k + 1, end))
                    .or_else(|| self.building_at(k + 1, end));
                k = e;
            } else if let Some(e) = Some(self.past_common_place(k, end)).filter(|&e| e > k) {
                k = e;
            } else if self.doc.lex.titles.longest(self.keys(k, end)).is_some()
                || self.doc.lex.person_nouns.contains(&self.doc.tokens[k].key)
            {
                return None;
            } else {
                k += self.filler(k, end)?;
            }
        }
        None
    }

    /// Where the portfolio of a title ends when an "of" at token `j` opens it after the title
    /// or its nationality ("il ministro algerino dell'Energia", "the minister of Energy"): the
    /// capitalized words after it that name no actor. None if `j` opens no portfolio.
    pub(crate) fn portfolio_end(&self, j: usize, end: usize) -> Option<usize> {
        let (n, link) = self.link(j, end)?;
        if link != Link::Of || j < 2 {
            return None;
        }
        let lex = self.doc.lex;
        let toks = &self.doc.tokens;
        let title = |k: usize| self.kind_noun(k) || lex.titles.longest(self.keys(k, j)).is_some();
        let national = lex
            .nationalities
            .longest(&[toks[j - 1].key.as_str()])
            .is_some();
        if !(title(j - 1) || (national && title(j - 2))) {
            return None;
        }
        let mut k = self.past_articles(j + n, end);
        let from = k;
        while k < end
            && toks[k].is_word()
            && toks[k].cap
            && self
                .ents
                .mention_at(k)
                .is_none_or(|m| !self.is_actor(m.entity))
        {
            k += 1;
        }
        (k > from).then_some(k)
    }

    /// Does a word of encounter start at token `k` ("summit", "Gipfel")?
    fn names_gathering(&self, k: usize, end: usize) -> bool {
        self.doc
            .lex
            .meeting_words
            .longest(self.keys(k, end))
            .is_some_and(|(_, w)| !w.ignore)
    }

    /// The person or body a "by" phrase at token `k` names ("by President X", "dal presidente
    /// X", "pelo governo"): its first name, past small words and titles.
    pub(crate) fn agent(&self, k: usize, end: usize) -> Option<usize> {
        let mut j = k;
        while j < end && self.ents.mention_at(j).is_none() {
            // "por la ministra de Vivienda, Carmen Aldecoa": a title, its portfolio, the name.
            if let Some(e) = self.portfolio_end(j, end) {
                j = e;
            } else if self.titled_name_after(k, j) {
                j += 1;
            } else {
                j += self.filler(j, end)?;
            }
        }
        let j = self.holder_after(j).unwrap_or(j);
        let m = self.ents.mention_at(j)?;
        (self.is_actor(m.entity) && !self.is_place(m.entity)).then_some(m.entity)
    }

    /// "il presidente della Regione Lombardia, Giovanni Colombo", "the mayor of Leeds, Mark
    /// White": where a body or a place named at token `j` is what a title before it is of, and a
    /// person's name follows after a comma, the token where that name starts.
    pub(crate) fn holder_after(&self, j: usize) -> Option<usize> {
        let m = self.ents.mention_at(j)?;
        if self.is_person(m.entity) {
            return None;
        }
        let toks = &self.doc.tokens;
        let lex = self.doc.lex;
        // The "of" before it, past articles and capitalized words ("della Regione Lombardia").
        let of = (m.tokens.start.saturating_sub(4)..m.tokens.start)
            .rev()
            .find(|&p| {
                matches!(self.link(p, m.tokens.start), Some((n, Link::Of))
                if toks[p + n..m.tokens.start]
                    .iter()
                    .all(|t| t.cap || lex.articles.contains(&t.key)))
            })?;
        // (A title may be written with a capital: "pelo Presidente da República, X".)
        let titled = (of.saturating_sub(3)..of).any(|q| {
            self.kind_noun(q) || (toks[q].is_word() && lex.titles.contains_key(&toks[q].key))
        });
        // ("de Fomento de la Junta de Andalucía, X": what the body is of, in turn.)
        let mut after = m.tokens.end;
        while let Some((n, Link::Of)) = self.link(after, after + 3) {
            let a = self.past_articles(after + n, toks.len());
            match self.ents.mention_at(a) {
                Some(o) if o.tokens.start == a && !self.is_person(o.entity) => after = o.tokens.end,
                _ => break,
            }
        }
        (titled && toks.get(after).is_some_and(|t| t.key == ","))
            .then_some(after + 1)
            .filter(|&h| {
                self.ents
                    .mention_at(h)
                    .is_some_and(|p| p.tokens.start == h && self.is_person(p.entity))
            })
    }

    /// Who took part and where, read after the word that ends at token `k` of sentence `s`:
    /// the object ("met Kim", "visited Hanoi"), "with X", "between X and Y", "of X", "in X".
    /// Also returns how many of the participants are the bare object.
    pub(crate) fn arguments(&self, s: usize, k: usize, kind: MeetingType) -> Arguments {
        let sent = &self.doc.sentences[s];
        let end = sent.tokens.end.min(k + WINDOW);
        let mut parts: Vec<usize> = Vec::new();
        let mut groups: Vec<Range> = Vec::new();
        let mut place: Option<Place> = None;
        let mut between = 0;
        // The object right after the word.
        let mut j = k;
        let mut loose = 0;
        let mut past_place = false;
        while j < end && self.ents.mention_at(j).is_none() && self.resolved_at(j).is_none() {
            // "recebeu nesta segunda-feira, no Palácio do Planalto, o primeiro-ministro X": right
            // after the word or a time (not after a place: "a meeting in the Kremlin, in
            // Moscow, Russia").
            if let Some((e, at)) = self.time_or_place_aside(j, end).filter(|_| !past_place) {
                place = at;
                j = e;
                continue;
            }
            // "ha accolto i suoi omologhi, tra cui X e Y".
            if let Some(n) = self.including(j, end) {
                j += n;
                continue;
            }
            if let Some(e) = self.portfolio_end(j, end) {
                j = e;
                continue;
            }
            match self.link(j, end) {
                Some((n, Link::Pronoun)) => {
                    j += n; // "ses homologues"
                    continue;
                }
                // "il presidente degli Emirati, X": the "of" of a title.
                Some((n, Link::Of)) if j > k && self.kind_noun(j - 1) => {
                    j += n;
                    continue;
                }
                Some((n, Link::At)) => match self.place_phrase(j, end) {
                    Some(e) => {
                        if place.is_none() {
                            place = self.place_at(j + 1, end);
                        }
                        past_place = true;
                        j = e;
                        continue;
                    }
                    // "recibió al jefe del gobierno X": the "a" of a person object.
                    None if self.person_object(j + n, end) => {
                        j += n;
                        continue;
                    }
                    // "ha incontrato in municipio il prefetto X".
                    None => match self.common_place_before_object(j, end) {
                        Some(e) => {
                            past_place = true;
                            j = e;
                            continue;
                        }
                        None => break,
                    },
                },
                Some(_) => break,
                None => {}
            }
            match self.filler(j, end) {
                Some(n) => j += n,
                None if self.titled_name_after(k, j) => j += 1,
                // "ha incontrato separatamente il ministro X", "met separately with", "ha
                // incontrato ieri a Roma X": one word in lower case between the verb and its
                // object or a place phrase before it.
                None if loose == 0
                    && j == k
                    && self.doc.tokens[j].is_word()
                    && !self.doc.tokens[j].cap
                    && self.doc.tokens.get(j + 1).is_some_and(|n| {
                        self.doc.lex.articles.contains(&n.key)
                            || self.doc.lex.titles.longest(self.keys(j + 1, end)).is_some()
                            || self.ents.mention_at(j + 1).is_some()
                            || (matches!(self.link(j + 1, end), Some((_, Link::At)))
                                && self.place_phrase(j + 1, end).is_some())
                    }) =>
                {
                    loose += 1;
                    j += 1;
                }
                None => break,
            }
        }
        // "il presidente della Regione Lombardia, Giovanni Colombo": the title's holder, not
        // the body it is of.
        if let Some(h) = self.holder_after(j) {
            j = h;
        }
        // (Past that word only a person: not "an economic summit immediately after the General
        // Election".)
        let person_after_loose = loose == 0
            || self
                .ents
                .mention_at(j)
                .is_some_and(|m| self.is_person(m.entity));
        if person_after_loose && self.resolved_at(j).is_some() {
            let (l, _) = self.list(j, end);
            parts.extend(l);
        } else if let Some(m) = self
            .ents
            .mention_at(j)
            // ("met in Rome during the G20 summit": a name before a word of encounter names the
            // gathering, not whom one met.)
            .filter(|m| person_after_loose && !self.names_gathering(m.tokens.end, end))
        {
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
                Some((n, link @ (Link::With | Link::Between))) => {
                    let (l, e) = self.list(j + n, end);
                    // "with congressional Democrats": the word the list stopped at may be the group.
                    let g = self.groups_in(j + n, (e + 1).min(end));
                    // ("se reunió con una abogada rusa con lazos al Kremlin": the partner has no
                    // name; what follows describes it.)
                    if l.is_empty() && g.is_empty() && e > j + n {
                        break;
                    }
                    if link == Link::Between {
                        between += l.len() + g.len();
                    }
                    groups.extend(g);
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
                        place = self
                            .place_at(j + n, end)
                            .or_else(|| self.building_at(j + n, end));
                    }
                    j += n;
                    first = false;
                    continue;
                }
                Some((n, Link::Of)) if j == k => {
                    // "la visita di Putin", "visita di Pyongyang", "il convegno di Milano".
                    if let Some(m) = self.ents.mention_at(j + n) {
                        let f = &self.ents.list[m.entity];
                        if f.kind == EntityKind::Person {
                            parts.push(m.entity);
                        } else if (kind == MeetingType::Visit || f.kind == EntityKind::Place)
                            && place.is_none()
                        {
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
        Arguments {
            parts,
            place,
            direct,
            groups,
            between,
        }
    }

    /// A name right before a noun ("Putin's visit", "the Pyongyang visit").
    pub(crate) fn before(&self, t: usize, s: usize) -> (Option<usize>, Option<Place>) {
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
    /// The modality word at `k` of a clause, if it is one: (its length, its kind). A capital
    /// inside a sentence is a name ("in May"), not a modal.
    fn modality_at(&self, k: usize, end: usize) -> Option<(usize, Modality)> {
        let tok = self.doc.tokens.get(k)?;
        // (A capital inside a sentence is a name, but in German any noun: "die Bereitschaft".)
        let lex = self.doc.lex;
        if !tok.is_word()
            || self.quoted(k)
            || (tok.cap && !self.doc.starts_sentence(k) && !lex.nouns_capitalized)
        {
            return None;
        }
        lex.modality
            .longest(self.keys(k, end))
            .map(|(n, m)| (n, *m))
    }

    /// The words of modality that start in tokens `from..to`, read up to `limit`: where each
    /// starts, how many tokens it takes, and its kind.
    fn modal_phrases(
        &self,
        from: usize,
        to: usize,
        limit: usize,
    ) -> impl Iterator<Item = (usize, usize, Modality)> + '_ {
        let mut k = from;
        std::iter::from_fn(move || {
            while k < to {
                let at = k;
                match self.modality_at(at, limit) {
                    Some((m, kind)) => {
                        k += m;
                        return Some((at, m, kind));
                    }
                    None => k += 1,
                }
            }
            None
        })
    }

    /// Does the word of modality at `k` (`m` tokens, in `from..to`) qualify the noun after it,
    /// between an article and that noun ("auf Einzelheiten der geplanten Reform", "signed the
    /// planned treaty")?
    fn attributive(&self, from: usize, k: usize, m: usize, to: usize) -> bool {
        let lex = self.doc.lex;
        let toks = &self.doc.tokens;
        k > from
            && lex.articles.contains(&toks[k - 1].key)
            && k + m < to
            && toks[k + m].is_word()
            && !lex.is_stopword(&toks[k + m].key)
    }

    /// Whether the word at `t` (`n` tokens) of sentence `s` tells of something that took place:
    /// the modal words of its clause before it ("did not meet", "refused to sign", "will
    /// visit", "potrebbe incontrare"), the ending of the word itself ("incontrerà", "se
    /// reuniría") and, right after it, what a noun's status is ("the meeting was cancelled",
    /// "la visita prevista"). German puts the negation after the verb: there the whole clause
    /// counts.
    pub(crate) fn status(&self, s: usize, t: usize, n: usize) -> Status {
        let lex = self.doc.lex;
        let (c0, c1) = self.clause(s, t);
        let sentence = self.doc.sentences[s].tokens.clone();
        let mut kinds: Vec<Modality> = Vec::new();
        // ("hopes to meet": the phrase may run into the word, "to meet".)
        for (k, m, kind) in self.modal_phrases(c0, t, t + n) {
            // "auf Einzelheiten der geplanten Laufzeitverlängerung verständigt", "the proposed
            // deal was signed": between an article and another noun, the word qualifies that
            // noun, not the clause.
            if !self.attributive(c0, k, m, t) {
                kinds.push(kind);
            }
        }
        for j in t..t + n {
            let Some(tok) = self.doc.tokens.get(j) else {
                break;
            };
            let key = tok.key.as_str();
            if let Some((_, kind)) = lex.modality_endings.iter().find(|(e, _)| {
                key.ends_with(e.as_str()) && key.chars().count() > e.chars().count() + 3
            }) {
                kinds.push(*kind);
            }
        }
        // After the word: anything in German; elsewhere what is said of a noun ("the summit
        // between X and Y was cancelled", "the meeting planned for May").
        for (k, m, kind) in self.modal_phrases(t + n, c1, c1) {
            let near = k < t + n + STATUS_AFTER;
            let counts =
                lex.verb_final || kind == Modality::Cancel || (kind == Modality::Plan && near);
            if counts && !self.attributive(t + n, k, m, c1) {
                kinds.push(kind);
            }
        }
        // "Un incontro previsto questa settimana tra X e Y, in Cambogia, è stato annullato", "The
        // summit, planned for May, was called off": a noun of encounter that opens the sentence
        // is the subject of its verb, past the phrases set off by commas.
        let opens = (sentence.start..t)
            .all(|k| self.doc.tokens[k].is_word() && lex.is_stopword(&self.doc.tokens[k].key));
        if opens && t <= sentence.start + 2 {
            kinds.extend(
                self.modal_phrases(c1, sentence.end, sentence.end)
                    .map(|(_, _, kind)| kind)
                    .filter(|kind| matches!(kind, Modality::Cancel | Modality::Deny)),
            );
        }
        // "denied that they met", "hopes that they will sign": a denial or a wish governs the
        // clause that a clause word opens after it; in German also the infinitive clause after
        // its comma ("hat die Bereitschaft erklärt, in Gespräche mit X einzutreten").
        let opened = |k: usize| {
            (self.hard_boundary(k) && self.doc.tokens[k].is_word())
                || (lex.verb_final && self.doc.tokens[k].key == ",")
        };
        if c0 > sentence.start + 1 && opened(c0 - 1) {
            let p0 = self.clause(s, c0 - 2).0;
            kinds.extend(
                self.modal_phrases(p0, c0 - 1, c0 - 1)
                    .map(|(_, _, kind)| kind)
                    .filter(|kind| {
                        matches!(kind, Modality::Deny | Modality::Refuse | Modality::Unreal)
                    }),
            );
        }
        if kinds.iter().any(|k| {
            matches!(
                k,
                Modality::Not
                    | Modality::Refuse
                    | Modality::Cancel
                    | Modality::Deny
                    | Modality::Unreal
            )
        }) {
            Status::Unreal
        } else if kinds.contains(&Modality::Plan) {
            Status::Planned
        } else {
            Status::Held
        }
    }
}
