//! Meetings: who met whom, where and when. Every word of `meeting_words.txt` in a sentence is read
//! with its participants (the subject before it, the "con X" / "with X" argument or the object
//! after it, a dropped subject or a pronoun taken from the sentence or the one before), a place
//! ("in Vietnam", "visited Hanoi", "nella capitale nordcoreana") and a date word. The readings are
//! then gathered into one card per encounter: the same people, or one person's visit to the
//! country of the person they met, or a later mention of one of them ("i colloqui").

// A fast hash: keys are words of the text, never a security boundary.
use rustc_hash::FxHashSet as HashSet;

use crate::analysis::{EntityRef, Meeting, MeetingStatus, MeetingType};
use crate::extract::clauses::{Clauses, Found, Place, Status};
use crate::lexicon::{Link, SignVerb};
use crate::segment::Range;

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
    /// One side may be the whole encounter, with a place: a visit, taking part in a gathering
    /// ("attended the forum in Davos"), an encounter that names no partner ("during a meeting
    /// in the Kremlin"). Not when a partner phrase follows the word ("met with representatives
    /// from …", "una reunión con X y otros"): one side read means the other was lost.
    pub alone: bool,
    /// Groups taking part that no name stands for ("congressional Democrats"), as byte ranges.
    pub groups: Vec<Range>,
    /// Held or planned (refused, cancelled and hypothetical encounters are not read).
    pub status: Status,
}

/// How many words a gathering may stand after a word of taking part ("attended the annual
/// Soccerex Asian Forum").
const GATHERING_REACH: usize = 6;

impl Clauses<'_, '_> {
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
                if let Some((n, w)) = lex.meeting_words.longest(rest) {
                    let w = *w;
                    if w.ignore || w.event {
                        t += n;
                        continue;
                    }
                    if w.attend {
                        // "attended the Soccerex Asian Forum", "took part in a forum": the
                        // gathering is the encounter, its participant the subject.
                        if let Some((e, kind)) = self.gathering_after(t + n, r.end) {
                            if let Some(mut reading) = self.read(s, t, e - t, kind, false) {
                                reading.alone = true;
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
                if let Some((n, SignVerb::Sign)) = lex.sign_verbs.longest(rest) {
                    // "ha firmato un trattato con Kim": the signing is part of an encounter.
                    let instrument = (t + n..r.end.min(t + n + 6))
                        .take_while(|&k| !self.boundary(k))
                        .any(|k| {
                            matches!(
                                lex.agreement_words.longest(self.keys(k, r.end)),
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
            if let Some((n, w)) = lex.meeting_words.longest(self.keys(j, end)) {
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
        let status = self.status(s, t, n);
        if status == Status::Unreal {
            return None;
        }
        let end = self.doc.sentences[s].tokens.end;
        let mut args = self.arguments(s, t + n, kind);
        // "Tags darauf empfing Kjeldsen in Kopenhagen den Minister X": where another phrase
        // opens a German clause, the name right after the verb is its subject; the object comes
        // after it.
        if self.doc.lex.verb_final && args.direct > 0 && self.subject_and_groups(s, t).0.is_empty()
        {
            if let Some(m) = self
                .ents
                .mentions_in(t + n..end)
                .find(|m| args.parts.first() == Some(&m.entity))
            {
                let (subject, e) = self.list(m.tokens.start, end);
                let later = self.arguments(s, e, kind);
                if !later.parts.is_empty() && !subject.is_empty() {
                    args.parts = subject.into_iter().chain(later.parts).collect();
                    args.place = args.place.or(later.place);
                    args.groups.extend(later.groups);
                }
            }
        }
        // "Tuesday's U.S.-Turkey meeting", "il vertice Italia-Francia": two names joined by a
        // hyphen right before or after the word are its sides, whoever tells of it.
        if let Some(pair) = self
            .hyphen_pair_before(t)
            .or_else(|| self.hyphen_pair(t + n))
        {
            args.parts = pair.to_vec();
            args.between = 2;
        }
        let (mut objs, mut place, direct, mut groups) =
            (args.parts, args.place, args.direct, args.groups);
        if needs_object {
            let mut j = t + n;
            let mut loose = 0;
            while j < end && self.ents.mention_at(j).is_none() {
                if let Some(n) = self.including(j, end) {
                    j += n;
                    continue;
                }
                // "recebeu, no Palácio do Planalto, o primeiro-ministro X".
                if let Some((e, _)) = self.time_or_place_aside(j, end) {
                    j = e;
                    continue;
                }
                // "il ministro algerino dell'Energia, X": the portfolio of a title.
                if let Some(e) = self.portfolio_end(j, end) {
                    j = e;
                    continue;
                }
                match self.link(j, end) {
                    // "ses homologues", "i suoi omologhi".
                    Some((n, Link::And | Link::Pronoun)) => {
                        j += n;
                        continue;
                    }
                    // "il presidente degli Emirati, X": the "of" of a title.
                    Some((n, Link::Of)) if j > t + 1 && self.kind_noun(j - 1) => {
                        j += n;
                        continue;
                    }
                    // "a reçu mardi à l'Élysée le chancelier…": where, then whom; "recibió al
                    // jefe del gobierno X": the "a" of a person object.
                    Some((n, Link::At)) => match self.place_phrase(j, end) {
                        Some(e) => {
                            j = e;
                            continue;
                        }
                        None if self.person_object(j + n, end) => {
                            j += n;
                            continue;
                        }
                        // "ha incontrato in municipio il prefetto X".
                        None => match self.common_place_before_object(j, end) {
                            Some(e) => {
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
                    // "ha incontrato il ministro degli Esteri, X": the name after its title.
                    None if self.titled_name_after(t + n, j) => j += 1,
                    // "met midweek with…"
                    None if loose == 0 && self.doc.tokens[j].is_word() => {
                        loose += 1;
                        j += 1;
                    }
                    None => break,
                }
            }
            let j = self.holder_after(j).unwrap_or(j);
            let named = self
                .ents
                .mention_at(j)
                .is_some_and(|m| self.is_actor(m.entity));
            let with = matches!(self.link(j, end), Some((_, Link::With | Link::Between)));
            // "fue recibida el martes por el presidente X", "received on Tuesday by X": the
            // agent of a passive of receiving takes part.
            // ("è stato ricevuto lunedì in municipio dal sindaco X": the agent past a place in
            // lower case.)
            let a = self.past_common_place(j, end);
            let agent = match self.link(a, end) {
                Some((n, Link::By)) if kind == MeetingType::Meeting => self.agent(a + n, end),
                _ => None,
            };
            objs.extend(agent);
            let (subject, _, subject_groups) = self.subject_and_groups(s, t);
            let before = self.before_final_verb(s, t, &subject);
            // ("Les ministres de dix pays se sont retrouvés à Brest": a group meets itself.)
            let group = subject.is_empty() && !subject_groups.is_empty();
            if !named
                && !with
                && agent.is_none()
                && subject.len() < 2
                && before.is_empty()
                && !group
            {
                return None;
            }
        }
        // "hat am Montag den Minister Nowicki getroffen", "hat den Hersteller Tesla besucht": in
        // a language whose verb comes last, the counterpart stands before it.
        let (subject, _, _) = self.subject_and_groups(s, t);
        if args.between < 2 {
            for e in self.before_final_verb(s, t, &subject) {
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
        // "it raises rights in meetings between U.S. and Cuban delegations": "between" names all
        // the sides; the subject only speaks of them.
        if args.between >= 2 {
            parts.clear();
        } else {
            groups.splice(0..0, subject_groups);
        }
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
        // "visited the White House", "visita al Quirinale": a body one visits is where, not who.
        if kind == MeetingType::Visit && !parts.is_empty() && place.is_none() {
            if let Some(i) = objs
                .iter()
                .position(|&o| self.ents.list[o].kind == crate::analysis::EntityKind::Organization)
            {
                let o = objs.remove(i);
                let f = &self.ents.list[o];
                place = Some(Place {
                    name: f.name.clone(),
                    country: f.country.clone(),
                    city: false,
                });
            }
        }
        // "invited Mr. Trump to a meeting", "ha invitato Kim al vertice": a person named between
        // the subject and a noun of encounter the verb leads to takes part.
        if self.nominal(s, t) {
            let c0 = self.clause(s, t).0;
            for m in self.ents.mentions_in(c0..t) {
                if self.is_person(m.entity)
                    && !parts.contains(&m.entity)
                    && !self.quoted(m.tokens.start)
                {
                    objs.push(m.entity);
                }
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
            alone: kind == MeetingType::Visit || !self.partner_phrase(s, t),
            groups,
            status,
        })
    }

    /// Does a partner phrase ("with", "con", "between", "entre") follow the meeting word at `t`
    /// of sentence `s`, within a few words of its clause?
    fn partner_phrase(&self, s: usize, t: usize) -> bool {
        let end = self.doc.sentences[s].tokens.end;
        (t + 1..end.min(t + 6))
            .take_while(|&k| !self.boundary(k))
            .any(|k| matches!(self.link(k, end), Some((_, Link::With | Link::Between))))
    }

    /// Is the word at `t` of sentence `s` a noun a verb leads to ("to a meeting", "for talks",
    /// "al vertice"): an article before it (past a describing word or two), and a preposition
    /// before the article or joined to it?
    fn nominal(&self, s: usize, t: usize) -> bool {
        let lex = self.doc.lex;
        let start = self.doc.sentences[s].tokens.start;
        let toks = &self.doc.tokens;
        let mut k = t;
        while k > start
            && t - k < 2
            && toks[k - 1].is_word()
            && !toks[k - 1].cap
            && !lex.is_stopword(&toks[k - 1].key)
        {
            k -= 1;
        }
        let article =
            |j: usize| lex.articles.contains(&toks[j].key) || lex.is_indefinite(&toks[j].key);
        let at = |j: usize| matches!(self.link(j, j + 1), Some((1, Link::At | Link::With)));
        k > start + 1 && article(k - 1) && (at(k - 1) || at(k - 2))
    }

    /// The names before the word at `t` of sentence `s` in its clause, but its `subject`, when
    /// the language's verb comes last (German): its objects.
    fn before_final_verb(&self, s: usize, t: usize, subject: &[usize]) -> Vec<usize> {
        if !self.doc.lex.verb_final {
            return Vec::new();
        }
        let toks = &self.doc.tokens;
        let start = self.doc.sentences[s].tokens.start;
        let mut c0 = self.clause(s, t).0;
        // ("hat den Gouverneur von Kalifornien, Gavin Newsom, getroffen": the name set off by
        // commas after its title, right before the verb's clause.)
        if c0 > start + 2 && toks[c0 - 1].key == "," {
            let apposed = self
                .ents
                .mention_at(c0 - 2)
                .filter(|m| m.tokens.end == c0 - 1 && self.is_person(m.entity))
                .map(|m| m.tokens.start)
                .filter(|&a| {
                    a > start + 1
                        && toks[a - 1].key == ","
                        && self.titled_name_after(self.clause(s, a - 2).0, a - 1)
                });
            if let Some(a) = apposed {
                c0 = a;
            }
        }
        self.ents
            .mentions_in(c0..t)
            .filter(|m| {
                self.is_actor(m.entity)
                    && !subject.contains(&m.entity)
                    && !self.owner(m)
                    && !self.affiliation(m)
            })
            .map(|m| m.entity)
            .collect()
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
    /// A side was taken from the sentence rather than read as an argument ([`other_side`]).
    guessed: bool,
}

/// The meeting cards of a document.
/// The meeting cards, from the readings of every meeting word ([`Clauses::readings`], which the
/// agreements read too).
pub(crate) fn extract(reader: &Clauses, readings: &[Reading]) -> Vec<Meeting> {
    gather(reader, readings)
        .into_iter()
        .filter_map(|mut c| {
            other_side(reader, readings, &mut c);
            let alone = c.readings.iter().any(|&r| readings[r].alone);
            let m = card(reader, readings, c);
            has_sides(&m, alone).then_some(m)
        })
        .collect()
}

/// A card needs its sides: two participants or more, or one side and a place when that side
/// may stand alone (a visitor, someone attending a gathering). An encounter read with one side
/// only ("X met with representatives from …", "leaders are holding talks in Brussels") has lost
/// the other: no card.
fn has_sides(m: &Meeting, alone: bool) -> bool {
    m.participants.len() >= 2 || (m.participants.len() == 1 && m.place.is_some() && alone)
}

/// An encounter read with one person only, in a sentence that names one other person before the
/// word of encounter, out of quotation marks: that person is the other side ("Suu Kyi, who had
/// breakfast with Vice President Biden…", "López Obrador sostiene una reunión con X, en la
/// casa…" read without its subject). A visit is one side by itself.
fn other_side(reader: &Clauses, readings: &[Reading], c: &mut Card) {
    let doc = reader.doc;
    let visit = c
        .readings
        .iter()
        .all(|&r| readings[r].kind == MeetingType::Visit);
    if c.parts.len() != 1 || visit || !reader.is_person(c.parts[0]) {
        return;
    }
    let mut others: Vec<usize> = Vec::new();
    for &r in &c.readings {
        let s = readings[r].sentence;
        let before = doc.sentences[s].tokens.start..readings[r].token;
        for m in reader.ents.mentions_in(before) {
            // ("dopo le dimissioni di Giorgio Napolitano, Mattarella…": a name after "of"
            // qualifies a noun — no one met.)
            let of = m.tokens.start > 0
                && matches!(
                    reader.link(m.tokens.start - 1, m.tokens.start),
                    Some((1, Link::Of))
                );
            if reader.is_person(m.entity)
                && !of
                && !c.parts.contains(&m.entity)
                && !reader.quoted(m.tokens.start)
                && !others.contains(&m.entity)
            {
                others.push(m.entity);
            }
        }
    }
    if let [other] = others[..] {
        c.parts.insert(0, other);
        c.guessed = true;
    }
}

fn same_or_nested(a: &[usize], b: &[usize]) -> bool {
    let a: HashSet<_> = a.iter().collect();
    let b: HashSet<_> = b.iter().collect();
    a.is_subset(&b) || b.is_subset(&a)
}

/// Does a place fit an encounter: its own place, or the country of someone else in it?
fn place_fits(reader: &Clauses, readings: &[Reading], card: &Card, p: &Place) -> bool {
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
fn gather(reader: &Clauses, readings: &[Reading]) -> Vec<Card> {
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
                    guessed: false,
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
                guessed: false,
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
                guessed: false,
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
        } else if r
            .groups
            .iter()
            .map(|&g| reader.group_countries(g).len())
            .sum::<usize>()
            >= 2
        {
            // "le delegazioni norvegese e svedese si sono incontrate": the countries meet.
            cards.push(Card {
                parts: Vec::new(),
                readings: vec![i],
                guessed: false,
            });
        }
    }
    // ("Trump met Erdogan … during Tuesday's U.S.-Turkey meeting": sides that are only
    // countries, when the people of another card are of those countries, are that card's.)
    let countries_of =
        |c: &Card| -> Vec<String> { c.parts.iter().filter_map(|&e| nation(reader, e)).collect() };
    let only_countries = |c: &Card| {
        c.parts.len() >= 2
            && c.parts
                .iter()
                .all(|&e| reader.ents.list[e].kind == crate::analysis::EntityKind::Country)
    };
    let told_by_people: Vec<bool> = cards
        .iter()
        .map(|c| {
            only_countries(c)
                && cards.iter().any(|o| {
                    !only_countries(o) && {
                        let theirs = countries_of(o);
                        countries_of(c).iter().all(|x| theirs.contains(x))
                    }
                })
        })
        .collect();
    let mut told = told_by_people.into_iter();
    cards.retain(|_| !told.next().unwrap_or(false));
    for c in &mut cards {
        crate::sort::by_key(&mut c.readings, |&r| readings[r].token);
    }
    crate::sort::by_key(&mut cards, |c| {
        c.readings.first().map(|&r| readings[r].token)
    });
    cards
}

/// The country an entity belongs to, by the name the gazetteer gives it ("U.S." and "United
/// States" are one).
fn nation(reader: &Clauses, e: usize) -> Option<String> {
    let f = &reader.ents.list[e];
    if f.kind != crate::analysis::EntityKind::Country {
        return f.country.clone();
    }
    let lex = reader.doc.lex;
    let m = reader.ents.mentions.iter().find(|m| m.entity == e)?;
    let keys = reader.keys(m.tokens.start, m.tokens.end);
    match lex.countries.longest(keys) {
        Some((n, iso)) if n == keys.len() => Some(lex.country_name(iso)),
        _ => Some(f.name.clone()),
    }
}

/// How sure a card is, from what its readings say (measured on the dev articles by
/// `tools/confidence.py`): people on both sides are the surest, a single side at a place the
/// least; sides named in another sentence (a pronoun, a description) and planned encounters are
/// less sure, several sentences telling it and a call surer.
fn confidence(reader: &Clauses, rs: &[&Reading], parts: &[usize], place: bool) -> f64 {
    let people = parts
        .iter()
        .filter(|&&e| reader.ents.list[e].kind == crate::analysis::EntityKind::Person)
        .count();
    let mut c: f64 = match (parts.len(), people) {
        (2.., 2..) => 0.9,
        (2.., 1) => 0.6,
        (2.., _) => 0.45,
        _ if place => 0.3,
        _ => 0.2,
    };
    if rs.iter().all(|r| r.found == Found::Before) {
        c -= 0.1;
    }
    if rs.iter().all(|r| r.status == Status::Planned) {
        c -= 0.1;
    }
    if rs.iter().any(|r| r.kind == MeetingType::Call) {
        c += 0.05;
    }
    let mut sentences: Vec<usize> = rs.iter().map(|r| r.sentence).collect();
    sentences.dedup();
    if sentences.len() >= 2 {
        c += 0.05;
    }
    c.clamp(0.05, 0.98)
}

fn card(reader: &Clauses, readings: &[Reading], c: Card) -> Meeting {
    let doc = reader.doc;
    let rs: Vec<&Reading> = c.readings.iter().map(|&r| &readings[r]).collect();
    let mut sentences: Vec<usize> = rs.iter().map(|r| r.sentence).collect();
    crate::sort::sort(&mut sentences);
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
    // "met on the sidelines of the G20 summit", "si sono incontrati al vertice del G20": when
    // people meet at a gathering, the body that holds it is no side — unless another reading
    // names it.
    let mut c = c;
    let people_met = rs.iter().any(|r| {
        r.kind != MeetingType::Summit
            && r.parts.iter().filter(|&&e| reader.is_person(e)).count() >= 2
    });
    if people_met {
        c.parts.retain(|&e| {
            reader.is_person(e)
                || rs
                    .iter()
                    .any(|r| r.kind != MeetingType::Summit && r.parts.contains(&e))
        });
    }
    let mut confidence = confidence(reader, &rs, &c.parts, place.is_some());
    if c.guessed {
        confidence = (confidence - 0.3).max(0.05);
    }
    // Then the groups no name stands for, once each.
    let mut participants: Vec<EntityRef> =
        c.parts.iter().map(|&e| reader.ents.reference(e)).collect();
    for g in rs.iter().flat_map(|r| r.groups.iter()) {
        // "les ministres des Affaires étrangères chinois et indien", "Cuban delegations": the
        // countries a group's nationality words name are the sides.
        for name in reader.group_sides(*g) {
            if !participants
                .iter()
                .any(|p| p.name.eq_ignore_ascii_case(&name))
            {
                participants.push(EntityRef { id: None, name });
            }
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
        // Planned when no reading tells it as held.
        status: rs
            .iter()
            .filter(|r| !r.join_only)
            .all(|r| r.status == Status::Planned)
            .then_some(MeetingStatus::Planned),
    }
}
