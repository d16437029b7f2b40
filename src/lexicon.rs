//! Per-language knowledge, read from the text files under `data/<lang>/` (format: `data/README.md`),
//! compiled in with `include_str!` (without their comment lines: `build.rs` strips them) and parsed
//! once, on first use, into lookup tables.

// A fast hash: keys are words of the text, never a security boundary.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::analysis::MeetingType;
use crate::normalize::fold_key;

/// The languages factcards knows, in the order language detection breaks ties.
pub const LANGUAGES: [&str; 6] = ["it", "en", "es", "fr", "de", "pt"];

/// A language's raw data files.
struct Files {
    stopwords: &'static str,
    abbreviations: &'static str,
    chrome: &'static str,
    number_words: &'static str,
    scales: &'static str,
    currencies: &'static str,
    units: &'static str,
    qualifiers: &'static str,
    group_words: &'static str,
    months: &'static str,
    weekdays: &'static str,
    speech_verbs: &'static str,
    titles: &'static str,
    particles: &'static str,
    org_cues: &'static str,
    org_kinds: &'static str,
    person_nouns: &'static str,
    not_names: &'static str,
    thing_nouns: &'static str,
    led_by: &'static str,
    event_cues: &'static str,
    place_of: &'static str,
    adjective_endings: &'static str,
    place_cues: &'static str,
    locatives: &'static str,
    adjectives: &'static str,
    team_words: &'static str,
    articles: &'static str,
    place_affixes: &'static str,
    institutions: &'static str,
    conjunctions: &'static str,
    nationalities: &'static str,
    countries: &'static str,
    places: &'static str,
    organizations: &'static str,
    first_names: &'static str,
    ranges: &'static str,
    percent: &'static str,
    clause_words: &'static str,
    number_parts: &'static str,
    about_words: &'static str,
    pronouns: &'static str,
    meeting_words: &'static str,
    meeting_links: &'static str,
    agreement_words: &'static str,
    sign_verbs: &'static str,
}

macro_rules! files {
    ($lang:literal) => {
        Files {
            stopwords: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/stopwords.txt")),
            abbreviations: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/abbreviations.txt"
            )),
            chrome: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/chrome.txt")),
            number_words: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/number_words.txt"
            )),
            scales: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/scales.txt")),
            currencies: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/currencies.txt")),
            units: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/units.txt")),
            qualifiers: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/qualifiers.txt")),
            group_words: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/group_words.txt"
            )),
            months: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/months.txt")),
            weekdays: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/weekdays.txt")),
            speech_verbs: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/speech_verbs.txt"
            )),
            titles: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/titles.txt")),
            particles: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/particles.txt")),
            org_cues: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/org_cues.txt")),
            org_kinds: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/org_kinds.txt")),
            person_nouns: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/person_nouns.txt"
            )),
            not_names: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/not_names.txt")),
            thing_nouns: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/thing_nouns.txt"
            )),
            led_by: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/led_by.txt")),
            event_cues: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/event_cues.txt")),
            place_of: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/place_of.txt")),
            adjective_endings: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/adjective_endings.txt"
            )),
            place_cues: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/place_cues.txt")),
            locatives: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/locatives.txt")),
            adjectives: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/adjectives.txt")),
            team_words: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/team_words.txt")),
            articles: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/articles.txt")),
            place_affixes: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/place_affixes.txt"
            )),
            institutions: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/institutions.txt"
            )),
            conjunctions: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/conjunctions.txt"
            )),
            nationalities: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/nationalities.txt"
            )),
            countries: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/countries.txt")),
            places: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/places.txt")),
            organizations: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/organizations.txt"
            )),
            first_names: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/first_names.txt"
            )),
            ranges: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/ranges.txt")),
            percent: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/percent.txt")),
            clause_words: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/clause_words.txt"
            )),
            number_parts: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/number_parts.txt"
            )),
            about_words: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/about_words.txt"
            )),
            pronouns: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/pronouns.txt")),
            meeting_words: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/meeting_words.txt"
            )),
            meeting_links: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/meeting_links.txt"
            )),
            agreement_words: include_str!(concat!(
                env!("OUT_DIR"),
                "/data/",
                $lang,
                "/agreement_words.txt"
            )),
            sign_verbs: include_str!(concat!(env!("OUT_DIR"), "/data/", $lang, "/sign_verbs.txt")),
        }
    };
}

fn files(code: &str) -> Option<Files> {
    Some(match code {
        "it" => files!("it"),
        "en" => files!("en"),
        "es" => files!("es"),
        "fr" => files!("fr"),
        "de" => files!("de"),
        "pt" => files!("pt"),
        _ => return None,
    })
}

const CURRENCY_SYMBOLS: &str = include_str!(concat!(
    env!("OUT_DIR"),
    "/data/common/currency_symbols.txt"
));
const CURRENCY_CODES: &str =
    include_str!(concat!(env!("OUT_DIR"), "/data/common/currency_codes.txt"));
/// Places every language shares (subdivisions as written locally, big cities); after a
/// language's own places.txt, which wins where both have a name.
const COMMON_PLACES: &str = include_str!(concat!(env!("OUT_DIR"), "/data/common/places.txt"));
const COMMON_FIRST_NAMES: &str =
    include_str!(concat!(env!("OUT_DIR"), "/data/common/first_names.txt"));
const COMMON_ORGANIZATIONS: &str =
    include_str!(concat!(env!("OUT_DIR"), "/data/common/organizations.txt"));

/// The entries of a data file: non-empty, non-comment lines split on TAB.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Splits a phrase into the lower-cased, folded word keys that tokens are matched with.
pub fn phrase_keys(phrase: &str) -> Vec<String> {
    // An elision at the end of a word ("dell'", "all'") is one token in running text.
    let mut keys: Vec<String> = Vec::new();
    for k in crate::segment::word_keys(phrase) {
        match keys.last_mut() {
            Some(last) if k == "'" && !last.ends_with('\'') => last.push('\''),
            _ => keys.push(k),
        }
    }
    keys
}

/// A set of (possibly multi-word) phrases with a value each, matched on token keys, longest first.
#[derive(Default)]
pub struct Phrases<V> {
    by_first: HashMap<String, Vec<(Vec<String>, V)>>,
}

impl<V> Phrases<V> {
    pub fn insert(&mut self, phrase: &str, value: V) {
        let keys = phrase_keys(phrase);
        if keys.is_empty() {
            return;
        }
        let list = self.by_first.entry(keys[0].clone()).or_default();
        if list.iter().any(|(k, _)| *k == keys) {
            return; // the first entry of a phrase wins
        }
        list.push((keys, value));
        list.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
    }

    /// The longest phrase that starts at `keys[0]`: (number of keys, value).
    pub fn longest<S: AsRef<str>>(&self, keys: &[S]) -> Option<(usize, &V)> {
        let first = keys.first()?.as_ref();
        let list = self.by_first.get(first)?;
        list.iter()
            .find(|(k, _)| {
                k.len() <= keys.len() && k.iter().zip(keys).all(|(a, b)| a == b.as_ref())
            })
            .map(|(k, v)| (k.len(), v))
    }

    pub fn contains_key(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|l| l.iter().any(|(k, _)| k.len() == 1))
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// A number word: its value and whether it is an approximation ("centinaia", "dozens").
#[derive(Clone, Copy, Debug)]
pub struct NumberWord {
    pub value: f64,
    pub approximate: bool,
}

/// A word that tells of an encounter: its type, and whether it counts only with a named
/// counterpart right after it ("ha ricevuto il presidente", not "ha ricevuto una dichiarazione").
#[derive(Clone, Copy, Debug)]
pub struct MeetingWord {
    pub kind: MeetingType,
    pub needs_object: bool,
    /// A longer phrase that is no encounter ("talks to the press"): type `-` in the file.
    pub ignore: bool,
    /// Taking part ("attended", "ha partecipato"): an encounter only with a gathering named
    /// right after it. Type `attend` in the file.
    pub attend: bool,
    /// A gathering one takes part in ("conference", "forum"): an encounter only after a word
    /// of taking part. Type `event` in the file.
    pub event: bool,
}

/// What a small word links an encounter or an agreement to (`meeting_links.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// "con", "with": the counterpart follows.
    With,
    /// "tra", "between": a list of the sides follows.
    Between,
    /// "e", "and": joins a list.
    And,
    /// "di", "of": a name follows (the visitor, or the place visited).
    Of,
    /// "in", "a", "to": a place follows.
    At,
    /// "capitale", "capital".
    Capital,
    /// A pronoun or possessive standing for someone named before ("lui", "his").
    Pronoun,
    /// A position in a photo set off by commas ("Kim, left, meets…"): no clause boundary.
    Aside,
    /// "dont", "including", "tra cui": names of a group just mentioned follow.
    Including,
}

/// The words of agreements (`agreement_words.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgreementWord {
    /// A signed or agreed text: treaty, pact, accordo; `true` for a plural form (accordi).
    Instrument(bool),
    /// Opens the list of what an agreement covers ("ranging from", "che spaziano").
    Topics,
    /// Separates the items of that list ("to", "and", "alla").
    Sep,
    /// A decision about it is no agreement (sanctions, votes).
    Not,
}

/// Verbs of agreeing (`sign_verbs.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignVerb {
    /// An instrument noun follows: "signed a treaty".
    Sign,
    /// A joint decision follows: "agreed to…".
    Agree,
}

/// Everything factcards knows about one language.
pub struct Lexicon {
    pub code: &'static str,
    /// Every noun is written with a capital (German): a capital alone makes no name.
    pub nouns_capitalized: bool,
    /// The verb of a perfect tense or a subordinate clause comes last (German): its object and
    /// what it acts on stand before it ("hat ein Abkommen unterzeichnet").
    pub verb_final: bool,
    /// Ordinals are written with a period (German "am 22. Januar", "der 3. Oktober"): after an
    /// article or before a month such a period ends no sentence.
    pub ordinal_period: bool,
    pub stopwords: HashSet<String>,
    pub abbreviations: HashSet<String>,
    pub number_words: Phrases<NumberWord>,
    pub scales: Phrases<f64>,
    pub currencies: Phrases<String>,
    pub units: Phrases<String>,
    pub qualifiers: Phrases<String>,
    /// Nouns for a group of people who can meet ("officials", "delegations", `group_words.txt`).
    pub group_words: Phrases<()>,
    pub months: Phrases<u8>,
    pub weekdays: Phrases<u8>,
    pub speech_verbs: Phrases<()>,
    pub titles: Phrases<()>,
    /// Ministers' titles, before a portfolio ("ministro de Energía").
    pub portfolio_titles: HashSet<String>,
    pub particles: HashSet<String>,
    /// Prepositions allowed only inside an organization's name, after its organization word
    /// ("for" of "National League for Democracy").
    pub org_particles: HashSet<String>,
    /// Particles that may continue a family name ("da Silva", "de Gortari").
    pub family_particles: HashSet<String>,
    pub org_cues: HashSet<String>,
    /// Lower-case kinds of organization right before a name ("il quotidiano", "la compagnia").
    pub org_kinds: HashSet<String>,
    /// Nouns for people ("sorella", "giornalista") that make the name after them a person.
    pub person_nouns: HashSet<String>,
    /// Capitalized words that name no entity ("Paese", "Islam", "Christmas").
    pub not_names: HashSet<String>,
    /// Nouns for things ("uragano", "album") that make the name after them no entity of a kind.
    pub thing_nouns: HashSet<String>,
    /// Bodies named after their leader, the name right after ("Governo Letta").
    pub led_by: HashSet<String>,
    /// Capitalized words that make a name an event or a prize ("Palio", "Cup").
    pub event_cues: HashSet<String>,
    /// Lower-case words that, with "of" after them, are followed by a place ("città di").
    pub place_of: HashSet<String>,
    /// Endings of lower-case adjectives that follow a noun ("europea", "costituzionale").
    pub adjective_endings: Vec<String>,
    /// Words that make a name a place ("street", "piazza", "monte").
    pub place_cues: HashSet<String>,
    /// Words right before a name that make it a place ("in", "at").
    pub locatives: HashSet<String>,
    /// Capitalized adjectives that are no names ("Western", "Asian", "Catholic").
    pub adjectives: HashSet<String>,
    /// Words next to a team in a result ("beat", "drew with", "v"): a place there is a team;
    /// `true` when they only count before it ("contro la Juventus").
    pub team_words: Phrases<bool>,
    /// Definite articles, alone or joined to a preposition ("il", "della", "the").
    pub articles: HashSet<String>,
    /// Lower-case place words written before a name and part of it ("via", "provincia").
    pub place_prefixes: HashSet<String>,
    /// Lower-case words after a place name and part of it ("settentrionale", "orientale").
    pub place_suffixes: HashSet<String>,
    /// Institutions named by a common noun ("polizia", "governo", "vigili del fuoco").
    pub institutions: Phrases<()>,
    /// Words that join names of one kind ("e", "and").
    pub conjunctions: HashSet<String>,
    pub nationalities: Phrases<String>,
    /// Country names and aliases → ISO code.
    pub countries: Phrases<String>,
    /// ISO code → the display name in this language.
    pub country_names: HashMap<String, String>,
    pub places: Phrases<String>,
    /// Organization names as written (case-sensitive) → id.
    pub organizations: HashMap<String, String>,
    pub first_names: HashSet<String>,
    /// The language's first names and the shared list (data/common/first_names.txt): only
    /// for names of two words or more.
    pub given_names: HashSet<String>,
    /// Range openers → the words that close them ("tra" → ["e"]).
    pub ranges: HashMap<String, Vec<String>>,
    /// Words after a number that make it a percentage → "%" or "pp".
    pub percent: Phrases<String>,
    pub clause_words: Phrases<()>,
    /// Words that build a spelled or signed number ("and", "a", "half", "minus").
    pub number_parts: Phrases<NumberPart>,
    /// ISO 4217 codes, upper case, valid only as written so ("EUR 20", "42SAR").
    pub currency_codes: HashSet<String>,
    /// Words that shape what a number is about, by role (`link`, `skip`, `to`).
    pub about_words: HashMap<String, Vec<String>>,
    /// Speech phrases after which the source is named ("according to X", "secondo X"): the
    /// entries of `speech_verbs.txt` marked `>`.
    pub source_after: Phrases<()>,
    /// Subject pronouns → `m`, `f`, `n` (neuter) or `p` (plural).
    pub pronouns: HashMap<String, char>,
    pub meeting_words: Phrases<MeetingWord>,
    pub meeting_links: Phrases<Link>,
    pub agreement_words: Phrases<AgreementWord>,
    pub sign_verbs: Phrases<SignVerb>,
}

/// The role of a word inside a spelled or signed number (`number_parts.txt`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberPart {
    /// Links the parts: "two hundred and five", "uno e mezzo".
    Join,
    /// Read as 1 before a scale or a currency: "a million", "un dollaro".
    Article,
    /// A fraction: "half a million", "one and a half".
    Fraction(f64),
    /// A sign: "minus 5", "meno 3".
    Minus,
}

fn set(text: &str) -> HashSet<String> {
    rows(text).map(|r| fold_key(r[0])).collect()
}

/// The words of a file whose second column is `mark`.
fn marked(text: &str, mark: &str) -> HashSet<String> {
    rows(text)
        .filter(|r| r.get(1) == Some(&mark))
        .map(|r| fold_key(r[0]))
        .collect()
}

fn phrases<V>(text: &str, value: impl Fn(&[&str]) -> Option<V>) -> Phrases<V> {
    let mut p = Phrases {
        by_first: HashMap::default(),
    };
    for r in rows(text) {
        if let Some(v) = value(&r) {
            p.insert(r[0], v);
        }
    }
    p
}

/// Word → every value the file gives it (second column, through `value`).
fn grouped(text: &str, value: impl Fn(&str) -> String) -> HashMap<String, Vec<String>> {
    let mut m: HashMap<String, Vec<String>> = HashMap::default();
    for r in rows(text) {
        if let Some(v) = r.get(1).filter(|v| !v.is_empty()) {
            m.entry(fold_key(r[0])).or_default().push(value(v));
        }
    }
    m
}

fn column(r: &[&str], i: usize) -> Option<String> {
    r.get(i).filter(|s| !s.is_empty()).map(|s| s.to_string())
}

impl Lexicon {
    fn load(code: &'static str, f: Files) -> Lexicon {
        let mut country_names = HashMap::default();
        for r in rows(f.countries) {
            if let (Some(iso), Some("*")) = (r.get(1), r.get(2).copied()) {
                country_names.insert(iso.to_string(), r[0].to_string());
            }
        }
        for r in rows(f.countries) {
            if let Some(iso) = r.get(1) {
                country_names
                    .entry(iso.to_string())
                    .or_insert_with(|| r[0].to_string());
            }
        }
        let first_names = set(f.first_names);
        let given_names = first_names
            .iter()
            .cloned()
            .chain(set(COMMON_FIRST_NAMES))
            .collect();
        Lexicon {
            code,
            nouns_capitalized: code == "de",
            verb_final: code == "de",
            ordinal_period: code == "de",
            stopwords: set(f.stopwords),
            abbreviations: set(f.abbreviations),
            number_words: phrases(f.number_words, |r| {
                Some(NumberWord {
                    value: r.get(1)?.parse().ok()?,
                    approximate: r.get(2) == Some(&"~"),
                })
            }),
            scales: phrases(f.scales, |r| r.get(1)?.parse().ok()),
            currencies: {
                let mut p = phrases(f.currencies, |r| column(r, 1));
                for r in rows(CURRENCY_SYMBOLS) {
                    if let Some(iso) = column(&r, 1) {
                        p.insert(r[0], iso.clone());
                        p.insert(&iso.clone(), iso);
                    }
                }
                p
            },
            units: phrases(f.units, |r| column(r, 1)),
            qualifiers: phrases(f.qualifiers, |r| column(r, 1)),
            group_words: phrases(f.group_words, |_| Some(())),
            months: phrases(f.months, |r| r.get(1)?.parse().ok()),
            weekdays: phrases(f.weekdays, |r| r.get(1)?.parse().ok()),
            speech_verbs: phrases(f.speech_verbs, |_| Some(())),
            titles: phrases(f.titles, |_| Some(())),
            portfolio_titles: rows(f.titles)
                .filter(|r| r.get(1) == Some(&"portfolio"))
                .map(|r| fold_key(r[0]))
                .collect(),
            particles: rows(f.particles)
                .filter(|r| r.get(1) != Some(&"organization"))
                .map(|r| fold_key(r[0]))
                .collect(),
            org_particles: marked(f.particles, "organization"),
            family_particles: marked(f.particles, "family"),
            org_cues: set(f.org_cues),
            org_kinds: set(f.org_kinds),
            person_nouns: set(f.person_nouns),
            not_names: set(f.not_names),
            thing_nouns: set(f.thing_nouns),
            led_by: set(f.led_by),
            event_cues: set(f.event_cues),
            place_of: set(f.place_of),
            adjective_endings: set(f.adjective_endings).into_iter().collect(),
            place_cues: set(f.place_cues),
            locatives: set(f.locatives),
            adjectives: set(f.adjectives),
            team_words: phrases(f.team_words, |r| Some(r.get(1) == Some(&"before"))),
            articles: set(f.articles),
            place_prefixes: marked(f.place_affixes, "before"),
            place_suffixes: marked(f.place_affixes, "after"),
            institutions: phrases(f.institutions, |_| Some(())),
            conjunctions: set(f.conjunctions),
            nationalities: phrases(f.nationalities, |r| column(r, 1)),
            countries: {
                // Written with or without a hyphen: "Grande-Bretagne", "Grande Bretagne" (after
                // every name as written, which wins).
                let mut p = phrases(f.countries, |r| column(r, 1));
                for r in rows(f.countries) {
                    if let (Some(iso), true) = (column(&r, 1), r[0].contains('-')) {
                        p.insert(&r[0].replace('-', " "), iso);
                    }
                }
                p
            },
            country_names,
            places: {
                let all: Vec<(&str, String)> = rows(f.places)
                    .chain(rows(COMMON_PLACES))
                    .filter_map(|r| Some((r[0], column(&r, 1)?)))
                    .collect();
                let mut p = Phrases::default();
                for (name, iso) in &all {
                    p.insert(name, iso.clone());
                }
                // Written with or without a hyphen: "Friuli-Venezia Giulia", "Emilia Romagna"
                // (after every name as written, which wins).
                for (name, iso) in all {
                    if name.contains('-') {
                        p.insert(&name.replace('-', " "), iso);
                    } else if let Some((a, b)) = name.split_once(' ') {
                        p.insert(&format!("{a}-{b}"), iso);
                    }
                }
                p
            },
            // The language's own names first, then the shared ones.
            organizations: {
                let mut m: HashMap<String, String> = HashMap::default();
                for r in rows(f.organizations).chain(rows(COMMON_ORGANIZATIONS)) {
                    if let Some(id) = column(&r, 1) {
                        m.entry(r[0].to_string()).or_insert(id);
                    }
                }
                m
            },
            first_names,
            given_names,
            ranges: grouped(f.ranges, fold_key),
            percent: phrases(f.percent, |r| column(r, 1)),
            clause_words: phrases(f.clause_words, |_| Some(())),
            number_parts: phrases(f.number_parts, |r| match *r.get(1)? {
                "join" => Some(NumberPart::Join),
                "article" => Some(NumberPart::Article),
                "minus" => Some(NumberPart::Minus),
                "fraction" => Some(NumberPart::Fraction(r.get(2)?.parse().ok()?)),
                _ => None,
            }),
            currency_codes: rows(CURRENCY_CODES).map(|r| r[0].to_string()).collect(),
            about_words: grouped(f.about_words, str::to_string),
            source_after: phrases(f.speech_verbs, |r| (r.get(1) == Some(&">")).then_some(())),
            pronouns: rows(f.pronouns)
                .filter_map(|r| Some((fold_key(r[0]), r.get(1)?.chars().next()?)))
                .collect(),
            meeting_words: phrases(f.meeting_words, |r| {
                let kind = match *r.get(1)? {
                    "-" => {
                        return Some(MeetingWord {
                            kind: MeetingType::Meeting,
                            needs_object: false,
                            ignore: true,
                            attend: false,
                            event: false,
                        })
                    }
                    "attend" | "event" => {
                        return Some(MeetingWord {
                            kind: MeetingType::Meeting,
                            needs_object: false,
                            ignore: false,
                            attend: r[1] == "attend",
                            event: r[1] == "event",
                        })
                    }
                    "summit" => MeetingType::Summit,
                    "talks" => MeetingType::Talks,
                    "visit" => MeetingType::Visit,
                    "call" => MeetingType::Call,
                    "meeting" => MeetingType::Meeting,
                    _ => return None,
                };
                Some(MeetingWord {
                    kind,
                    needs_object: r.get(2) == Some(&"+"),
                    ignore: false,
                    attend: false,
                    event: false,
                })
            }),
            meeting_links: phrases(f.meeting_links, |r| {
                Some(match *r.get(1)? {
                    "with" => Link::With,
                    "between" => Link::Between,
                    "and" => Link::And,
                    "of" => Link::Of,
                    "at" => Link::At,
                    "capital" => Link::Capital,
                    "he" => Link::Pronoun,
                    "aside" => Link::Aside,
                    "including" => Link::Including,
                    _ => return None,
                })
            }),
            agreement_words: phrases(f.agreement_words, |r| {
                Some(match *r.get(1)? {
                    "instrument" => AgreementWord::Instrument(false),
                    "instruments" => AgreementWord::Instrument(true),
                    "topics" => AgreementWord::Topics,
                    "sep" => AgreementWord::Sep,
                    "not" => AgreementWord::Not,
                    _ => return None,
                })
            }),
            sign_verbs: phrases(f.sign_verbs, |r| {
                Some(match *r.get(1)? {
                    "sign" => SignVerb::Sign,
                    "agree" => SignVerb::Agree,
                    _ => return None,
                })
            }),
        }
    }

    pub fn is_stopword(&self, key: &str) -> bool {
        self.stopwords.contains(key)
    }

    /// The display name of a country in this language, from its ISO code.
    pub fn country_name(&self, iso: &str) -> String {
        self.country_names
            .get(iso)
            .cloned()
            .unwrap_or_else(|| iso.to_string())
    }
}

/// The lexicon of a supported language, built on first use.
pub fn lexicon(code: &str) -> Option<&'static Lexicon> {
    static CELLS: [OnceLock<Lexicon>; 6] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let i = LANGUAGES.iter().position(|l| *l == code)?;
    let code = LANGUAGES[i];
    Some(CELLS[i].get_or_init(|| Lexicon::load(code, files(code).expect("registered language"))))
}

/// The page chrome lists of every language (`chrome.txt`), read by [`crate::chrome`].
pub(crate) fn chrome_files() -> Vec<&'static str> {
    LANGUAGES
        .iter()
        .filter_map(|&c| files(c))
        .map(|f| f.chrome)
        .collect()
}

/// The words of one list in every language, straight from the files: the other lexicons are
/// not built for this.
fn in_every_language(list: impl Fn(&Files) -> &'static str) -> HashSet<String> {
    LANGUAGES
        .iter()
        .filter_map(|&c| files(c))
        .flat_map(|f| set(list(&f)))
        .collect()
}

/// Is a word a given name in any language's list or the shared one?
pub(crate) fn any_given_name(key: &str) -> bool {
    static ALL: OnceLock<HashSet<String>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all = in_every_language(|f| f.first_names);
        all.extend(set(COMMON_FIRST_NAMES));
        all
    })
    .contains(key)
}

/// Is a word an organization cue in any language? Inside a capitalized name a foreign cue is a
/// cue too: Italian news write "Sony Interactive Entertainment", English ones "Banca d'Italia".
pub fn any_org_cue(key: &str) -> bool {
    static ALL: OnceLock<HashSet<String>> = OnceLock::new();
    ALL.get_or_init(|| in_every_language(|f| f.org_cues))
        .contains(key)
}

/// Is a word an English stopword? English titles quoted in other languages' news are written in
/// title case ("Passengers And Crew Safe"): their small words tell them from names.
pub fn english_stopword(key: &str) -> bool {
    stopword_profiles()
        .iter()
        .find(|(c, _)| *c == "en")
        .is_some_and(|(_, s)| s.contains(key))
}

/// The stopword lists of every language, for language detection.
/// Read on their own: detecting the language must not build the lexicons it will not use.
pub fn stopword_profiles() -> &'static [(&'static str, HashSet<String>)] {
    static PROFILES: OnceLock<Vec<(&'static str, HashSet<String>)>> = OnceLock::new();
    PROFILES.get_or_init(|| {
        LANGUAGES
            .iter()
            .filter_map(|&c| Some((c, set(files(c)?.stopwords))))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_loads_its_core_lists() {
        for code in LANGUAGES {
            let l = lexicon(code).unwrap();
            assert!(l.stopwords.len() > 50, "{code} stopwords");
            assert!(!l.number_words.is_empty(), "{code} number words");
            assert!(!l.months.is_empty(), "{code} months");
            assert!(!l.speech_verbs.is_empty(), "{code} speech verbs");
            assert!(!l.meeting_words.is_empty(), "{code} meeting words");
            assert!(!l.meeting_links.is_empty(), "{code} meeting links");
            assert!(!l.agreement_words.is_empty(), "{code} agreement words");
            assert!(!l.sign_verbs.is_empty(), "{code} sign verbs");
        }
    }

    #[test]
    fn phrases_match_longest_first() {
        let mut p = Phrases::default();
        p.insert("più", 1);
        p.insert("più di", 2);
        let keys = ["più", "di", "50"];
        assert_eq!(p.longest(&keys), Some((2, &2)));
        assert_eq!(p.longest(&["più", "50"]), Some((1, &1)));
        assert_eq!(p.longest(&["meno"]), None);
    }
}
