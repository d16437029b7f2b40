//! Agreements: a verb of signing (`sign_verbs.txt`) with an instrument noun after it
//! (`agreement_words.txt`: "ha firmato un patto di mutua difesa", "signed a dozen cooperation
//! agreements"), its parties (the subject, "con X" / "with X", co-subjects "Lam e Putin", else the
//! people of an encounter in the same sentence), the title as written, the count, the topics
//! ("ranging from X and Y to Z") and a date word; a joint decision ("il G7 ha accettato di…")
//! as a low-confidence agreement. Two descriptions of one instrument by the same parties are
//! one card.

// A fast hash: keys are words of the text, never a security boundary.
use rustc_hash::FxHashSet as HashSet;

use crate::analysis::{Agreement, AgreementStatus};
use crate::extract::clauses::{Clauses, Found, Status};
use crate::extract::meetings::Reading;
use crate::lexicon::{AgreementWord, Link, SignVerb};
use crate::segment::{Range, TokenKind};

/// How many tokens after the verb the instrument noun may come.
const NOUN_WINDOW: usize = 6;
/// How many tokens before a verb that comes last the instrument noun may stand.
const VERB_FINAL_WINDOW: usize = 12;
/// The longest joint decision kept as a title, in tokens.
const DECISION_WORDS: usize = 14;
/// How many sentences back a signing without names takes the people of an encounter.
const RECENT_MEETING: usize = 4;

struct Read {
    sentence: usize,
    parties: Vec<usize>,
    title: Range,
    topics: Vec<String>,
    count: Option<u32>,
    /// Several instruments ("accordi", "five memoranda"): not the same card as a single one.
    many: bool,
    when: Option<Range>,
    confidence: f64,
    /// Signed or planned (refused, proposed and hypothetical deals are not read).
    status: Status,
}

/// The agreement cards; `meetings` are the readings of the meeting words (parties of a signing
/// in a meeting's sentence).
pub(crate) fn extract(reader: &Clauses, meetings: &[Reading]) -> Vec<Agreement> {
    let (doc, ents) = (reader.doc, reader.ents);
    let mut reads: Vec<Read> = Vec::new();
    for (s, sent) in doc.sentences.iter().enumerate() {
        let r = sent.tokens.clone();
        let mut t = r.start;
        while t < r.end {
            if reader.quoted(t) {
                t += 1;
                continue;
            }
            let Some((n, verb)) = doc.lex.sign_verbs.longest(&reader.keys(t, r.end)) else {
                t += 1;
                continue;
            };
            if let Some(a) = read(reader, meetings, s, t, n, *verb) {
                reads.push(a);
            }
            t += n;
        }
    }
    gather(reads)
        .into_iter()
        .map(|a| Agreement {
            evidence: a
                .0
                .iter()
                .map(|&s| doc.span(doc.sentences[s].range))
                .collect(),
            confidence: a.1.confidence,
            parties: a.1.parties.iter().map(|&e| ents.reference(e)).collect(),
            title: doc.original_text(a.1.title),
            topics: a.1.topics.clone(),
            count: a.1.count,
            when: a.1.when.map(|w| doc.original_text(w)),
            status: (a.1.status == Status::Planned).then_some(AgreementStatus::Planned),
        })
        .collect()
}

/// Merges the reads of one instrument: the same parties, and not two different counts.
fn gather(reads: Vec<Read>) -> Vec<(Vec<usize>, Read)> {
    let mut out: Vec<(Vec<usize>, Read)> = Vec::new();
    for r in reads {
        let set: HashSet<usize> = r.parties.iter().copied().collect();
        let same = out.iter_mut().find(|(_, a)| {
            a.parties.iter().copied().collect::<HashSet<_>>() == set
                && (a.count == r.count || a.count.is_none() || r.count.is_none())
                && a.many == r.many
                && set.len() >= 2
        });
        match same {
            Some((sentences, a)) => {
                if !sentences.contains(&r.sentence) {
                    sentences.push(r.sentence);
                }
                a.when = a.when.or(r.when);
                a.count = a.count.or(r.count);
                for t in r.topics {
                    if !a.topics.contains(&t) {
                        a.topics.push(t);
                    }
                }
                a.confidence = a.confidence.max(r.confidence);
                if r.status == Status::Held {
                    a.status = Status::Held;
                }
            }
            None => out.push((vec![r.sentence], r)),
        }
    }
    out
}

/// How many tokens the instrument noun at `k` takes, and whether it is plural: a word of
/// `agreement_words.txt`, or in German a compound ending in one ("Freundschaftsvertrag",
/// "Handelsabkommen").
fn instrument_len(reader: &Clauses, k: usize, end: usize) -> Option<(usize, bool)> {
    let lex = reader.doc.lex;
    if let Some((n, AgreementWord::Instrument(plural))) =
        lex.agreement_words.longest(&reader.keys(k, end))
    {
        return Some((n, *plural));
    }
    let key = reader.doc.tokens.get(k)?.key.as_str();
    if !lex.nouns_capitalized {
        return None;
    }
    key.char_indices()
        .filter(|&(i, _)| i >= 3 && key.len() - i >= 4)
        .find_map(|(i, _)| match lex.agreement_words.longest(&[&key[i..]]) {
            Some((1, AgreementWord::Instrument(plural))) => Some((1, *plural)),
            _ => None,
        })
}

fn span(reader: &Clauses, a: usize, b: usize) -> Range {
    let toks = &reader.doc.tokens;
    Range {
        start: toks[a].range.start,
        end: toks[b - 1].range.end,
    }
}

fn read(
    reader: &Clauses,
    meetings: &[Reading],
    s: usize,
    t: usize,
    n: usize,
    verb: SignVerb,
) -> Option<Read> {
    let doc = reader.doc;
    let lex = doc.lex;
    let toks = &doc.tokens;
    let status = reader.status(s, t, n);
    if status == Status::Unreal {
        return None;
    }
    let (_, c1) = reader.clause(s, t + n);
    let end = doc.sentences[s].tokens.end;
    let instrument =
        |k: usize| instrument_len(reader, k, end).map(|(len, plural)| (k, len, plural));
    let noun = (t + n..c1.min(t + n + NOUN_WINDOW)).find_map(instrument);
    // "haben ein Abkommen über den Ausbau der Strecke unterzeichnet": the instrument before.
    let before = if noun.is_none() && lex.verb_final {
        let c0 = reader
            .clause(s, t)
            .0
            .max(t.saturating_sub(VERB_FINAL_WINDOW));
        (c0..t).find_map(instrument)
    } else {
        None
    };
    let (subject, found, groups) =
        reader.subject_and_groups(s, before.map_or(t, |(noun, _, _)| noun));
    if let Some((noun, noun_len, plural)) = before {
        let mut b = t;
        while b > noun + 1 && (!toks[b - 1].is_word() || lex.is_stopword(&toks[b - 1].key)) {
            b -= 1;
        }
        // "einen Vertrag mit Präsident Macron unterzeichnet": the counterpart ends the title.
        let mut parties = subject;
        if let Some(k) = counterparts(reader, noun + noun_len..b, end, &mut parties) {
            b = k;
        }
        at_encounter(meetings, s, &mut parties);
        if parties.is_empty() {
            return None;
        }
        let confidence = if parties.len() >= 2 { 0.9 } else { 0.6 };
        return Some(Read {
            sentence: s,
            parties,
            title: span(reader, noun, b),
            topics: Vec::new(),
            count: None,
            many: plural,
            when: reader.when(s, t),
            confidence,
            status,
        });
    }
    let Some((noun, noun_len, plural)) = noun else {
        if verb != SignVerb::Agree {
            return None;
        }
        // A joint decision: "il G7 ha accettato di utilizzare i profitti…".
        let parties: Vec<usize> = subject;
        if parties.is_empty() || found != Found::Here {
            return None;
        }
        let stop = c1.min(t + n + DECISION_WORDS);
        let refused = (t + n..stop).any(|k| {
            matches!(
                lex.agreement_words.longest(&reader.keys(k, end)),
                Some((_, AgreementWord::Not))
            )
        });
        let mut b = stop;
        while b > t + n && (!toks[b - 1].is_word() || lex.is_stopword(&toks[b - 1].key)) {
            b -= 1;
        }
        if refused || b <= t + n {
            return None;
        }
        return Some(Read {
            sentence: s,
            parties,
            title: span(reader, t + n, b),
            topics: Vec::new(),
            count: None,
            many: false,
            when: reader.when(s, t),
            confidence: 0.4,
            status,
        });
    };
    // The title: from the first word after the verb (an article kept before a number word:
    // "una dozzina di accordi") to the noun and what qualifies it ("di mutua difesa", "strategico").
    let mut a = t + n;
    while a < noun && toks[a].is_word() && lex.is_stopword(&toks[a].key) {
        a += 1;
    }
    let counted = |k: usize| {
        toks[k].kind == TokenKind::Number
            || lex.number_words.longest(&reader.keys(k, end)).is_some()
    };
    // ("firmaron además cinco memorandos": an adverb before the count is not in the title.)
    if let Some(c) = (a..noun).find(|&k| counted(k)) {
        a = c;
    }
    // ("a dozen", "una dozzina": a short word before the count is its article.)
    let article = |k: usize| lex.is_stopword(&toks[k].key) && toks[k].key.chars().count() <= 4;
    if a > t + n && a < noun && counted(a) && article(a - 1) {
        a -= 1;
    }
    let mut b = noun + noun_len;
    let plain = |k: usize| {
        k < c1
            && toks[k].is_word()
            && !toks[k].cap
            && !lex.is_stopword(&toks[k].key)
            && lex.agreement_words.longest(&reader.keys(k, end)).is_none()
            && reader.link(k, end).is_none()
    };
    if let Some((m, Link::Of)) = reader.link(b, end) {
        let mut e = b + m;
        while e < b + m + 3 && plain(e) {
            e += 1;
        }
        if e > b + m {
            b = e;
        }
    } else if plain(b) && (b + 1 >= c1 || !plain(b + 1)) {
        b += 1; // "trattato strategico"
    }
    // The count: a number or a number word before the noun ("una dozzina", "two").
    let count = (a..noun).find_map(|k| {
        if toks[k].kind == TokenKind::Number {
            return toks[k].key.parse::<u32>().ok();
        }
        lex.number_words
            .longest(&reader.keys(k, noun))
            .filter(|(_, w)| !w.approximate && w.value >= 1.0 && w.value.fract() == 0.0)
            .map(|(_, w)| w.value as u32)
    });
    // The parties: the subject and "with X" / "between X and Y" after the verb.
    let mut parties = subject;
    counterparts(reader, t + n..c1.min(b + 8), end, &mut parties);
    at_encounter(meetings, s, &mut parties);
    reader.drop_portfolios(s, &mut parties);
    // "Os dois governos assinaram sete acordos", after the ministers' meeting: no name here,
    // the people of the encounter told shortly before, or of any encounter told before when
    // a group stands for them ("las dos delegaciones").
    let mut found = found;
    if parties.is_empty() {
        let reach = if groups.is_empty() { RECENT_MEETING } else { s };
        if let Some(m) = meetings.iter().rev().find(|m| {
            m.sentence < s && s - m.sentence <= reach && !m.join_only && m.parts.len() >= 2
        }) {
            parties.clone_from(&m.parts);
            found = Found::Before;
        }
    }
    if parties.is_empty() {
        return None;
    }
    let confidence = match (parties.len() >= 2, found) {
        (true, Found::Here) => 0.9,
        (true, Found::Before) => 0.7,
        _ => 0.6,
    };
    Some(Read {
        sentence: s,
        parties,
        title: span(reader, a, b),
        topics: topics(reader, s, b),
        count,
        many: plural || count.is_some_and(|c| c >= 2),
        when: reader.when(s, t),
        confidence,
        status,
    })
}

/// Adds the names after "with X" / "between X and Y" in tokens `r` (of a sentence ending at
/// `end`) to `parties`; returns where the first such phrase that names someone starts.
fn counterparts(
    reader: &Clauses,
    r: std::ops::Range<usize>,
    end: usize,
    parties: &mut Vec<usize>,
) -> Option<usize> {
    let mut first = None;
    let mut k = r.start;
    while k < r.end {
        match reader.link(k, end) {
            Some((m, Link::With | Link::Between)) => {
                let (l, e) = reader.list(k + m, end);
                if !l.is_empty() {
                    first.get_or_insert(k);
                }
                for p in l {
                    if !parties.contains(&p) {
                        parties.push(p);
                    }
                }
                k = e.max(k + m);
            }
            _ => k += 1,
        }
    }
    first
}

/// Signed at an encounter of the same sentence: fewer than two parties, all of them in it, take
/// its people.
fn at_encounter(meetings: &[Reading], s: usize, parties: &mut Vec<usize>) {
    if parties.len() >= 2 {
        return;
    }
    let at = meetings.iter().find(|m| {
        m.sentence == s
            && !m.join_only
            && m.parts.len() >= 2
            && parties.iter().all(|p| m.parts.contains(p))
    });
    if let Some(m) = at {
        for &p in &m.parts {
            if !parties.contains(&p) {
                parties.push(p);
            }
        }
    }
}

/// The list of what an agreement covers, after an opener near the title: "ranging from
/// education and justice to civilian nuclear projects" → [education, justice, civilian nuclear
/// projects].
fn topics(reader: &Clauses, s: usize, from: usize) -> Vec<String> {
    let doc = reader.doc;
    let lex = doc.lex;
    let toks = &doc.tokens;
    let end = doc.sentences[s].tokens.end;
    let opener = (from..end.min(from + 3)).find_map(|k| {
        match lex.agreement_words.longest(&reader.keys(k, end)) {
            Some((n, AgreementWord::Topics)) => Some(k + n),
            _ => None,
        }
    });
    let Some(mut k) = opener else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut item: Option<(usize, usize)> = None;
    let push = |item: &mut Option<(usize, usize)>, out: &mut Vec<String>| {
        if let Some((a, b)) = item.take() {
            let mut a = a;
            while a < b && lex.is_stopword(&toks[a].key) {
                a += 1;
            }
            if a < b {
                out.push(doc.original_text(span(reader, a, b)));
            }
        }
    };
    while k < end {
        let tok = &toks[k];
        let sep = matches!(
            lex.agreement_words.longest(&reader.keys(k, end)),
            Some((_, AgreementWord::Sep))
        );
        if tok.kind == TokenKind::Punct && tok.key == "," || sep {
            push(&mut item, &mut out);
            k += 1;
            continue;
        }
        if tok.kind == TokenKind::Punct || lex.clause_words.longest(&[tok.key.as_str()]).is_some() {
            break;
        }
        item = Some(match item {
            Some((a, _)) => (a, k + 1),
            None => (k, k + 1),
        });
        k += 1;
    }
    push(&mut item, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::extract::entities;

    fn agreements(text: &str, lang: &str) -> Vec<Agreement> {
        let doc = Document::new(text, Some(lang));
        let ents = entities::extract(&doc);
        let reader = Clauses::new(&doc, &ents);
        extract(&reader, &reader.readings())
    }

    fn names(a: &Agreement) -> Vec<&str> {
        a.parties.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn agreements_are_read_with_parties_title_count_and_topics() {
        // (lang, text, parties, title contains, count, topics)
        let table: &[(&str, &str, &[&str], &str, Option<u32>, &[&str])] = &[
            (
                "it",
                "Emmanuel Macron e Olaf Scholz hanno firmato tre accordi di cooperazione che spaziano dall'energia alla difesa e ai trasporti.",
                &["Macron", "Scholz"],
                "tre accordi di cooperazione",
                Some(3),
                &["energia", "difesa", "trasporti"],
            ),
            (
                "it",
                "Il presidente Emmanuel Macron ha firmato un trattato di amicizia con la premier Giorgia Meloni.",
                &["Emmanuel Macron", "Giorgia Meloni"],
                "trattato di amicizia",
                None,
                &[],
            ),
            (
                "en",
                "Emmanuel Macron and Olaf Scholz signed a dozen energy agreements ranging from hydrogen and wind to nuclear power.",
                &["Emmanuel Macron", "Olaf Scholz"],
                "a dozen energy agreements",
                Some(12),
                &["hydrogen", "wind", "nuclear power"],
            ),
            (
                "en",
                "Chancellor Olaf Scholz signed a strategic treaty with President Emmanuel Macron.",
                &["Olaf Scholz", "Emmanuel Macron"],
                "strategic treaty",
                None,
                &[],
            ),
            (
                "es",
                "Pedro Sánchez firmó un acuerdo comercial con Emmanuel Macron.",
                &["Pedro Sánchez", "Emmanuel Macron"],
                "acuerdo comercial",
                None,
                &[],
            ),
            (
                "fr",
                "Le ministre Étienne Morel a reçu la ministre Aminata Diallo avant la signature d'une déclaration commune.",
                &["Étienne Morel", "Aminata Diallo"],
                "déclaration commune",
                None,
                &[],
            ),
            (
                "de",
                "Bundeskanzler Olaf Scholz hat am Dienstag in Paris einen Freundschaftsvertrag mit Präsident Emmanuel Macron unterzeichnet.",
                &["Olaf Scholz", "Emmanuel Macron"],
                "Freundschaftsvertrag",
                None,
                &[],
            ),
        ];
        for (lang, text, parties, title, count, topics) in table {
            let got = agreements(text, lang);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            let a = &got[0];
            for p in *parties {
                assert!(
                    names(a).iter().any(|n| n.contains(p)),
                    "{text}: {p} in {:?}",
                    names(a)
                );
            }
            assert!(a.title.contains(title), "{text}: {}", a.title);
            assert_eq!(a.count, *count, "{text}");
            assert_eq!(
                a.topics,
                topics.iter().map(|t| t.to_string()).collect::<Vec<_>>(),
                "{text}"
            );
        }
    }

    #[test]
    fn two_descriptions_of_one_instrument_are_one_card() {
        let got = agreements(
            "Olaf Scholz ha firmato un patto di difesa con Emmanuel Macron. \
             Martedì Scholz ha firmato il trattato strategico con Macron a Parigi.",
            "it",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].evidence.len(), 2);
        assert_eq!(got[0].when.as_deref(), Some("Martedì"));
    }

    #[test]
    fn a_group_signing_later_takes_the_people_of_the_encounter() {
        // Several instruments are not the single one signed before; the count opens the title.
        let got = agreements(
            "La ministra Lucía Ferrer se reunió el martes en Rabat con el ministro Karim Benali \
             para cerrar un acuerdo. El pacto prevé un cable. Según el Ministerio, la conexión \
             podrá transportar energía. Benali recordó que Marruecos produce energía limpia. \
             Las dos delegaciones firmaron además cinco memorandos de cooperación sobre \
             hidrógeno verde, formación técnica e investigación.",
            "es",
        );
        let many = got
            .iter()
            .find(|a| a.count == Some(5))
            .unwrap_or_else(|| panic!("{got:?}"));
        assert_eq!(many.title, "cinco memorandos de cooperación");
        assert_eq!(names(many), ["Lucía Ferrer", "Karim Benali"]);
        assert_eq!(
            many.topics,
            ["hidrógeno verde", "formación técnica", "investigación"]
        );
        assert!(
            got.iter()
                .all(|a| a.count == Some(5) || a.title == "acuerdo"),
            "{got:?}"
        );
    }

    #[test]
    fn decisions_are_low_confidence_and_sanctions_are_not_agreements() {
        let got = agreements(
            "Il G7 ha accettato di utilizzare i profitti dei beni congelati per un prestito.",
            "it",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].confidence < 0.5);
        assert!(got[0].title.contains("profitti"));
        for (lang, text) in [
            (
                "en",
                "The European Union agreed to impose new sanctions on Moscow.",
            ),
            ("en", "The United Nations voted to condemn the invasion."),
            ("it", "Il Giappone ha promesso un sostegno pieno."),
        ] {
            let got = agreements(text, lang);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }
}
