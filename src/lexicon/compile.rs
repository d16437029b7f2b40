//! Compiles the text files of `data/` into the binary files the lexicon reads: one file per
//! language (its description, word lists and the shared gazetteers of `data/common/`) and one
//! file every language shares (`core.bin`: detection profiles, page chrome, organization cues).
//!
//! Run by `build.rs` (which includes this file), and by the tests, which build a language from a
//! fixture folder. Everything text-related happens here, once: folding, cutting phrases into word
//! keys, checking values, resolving duplicates. The files hold one vocabulary of keys (sorted, a
//! language's big groups of keys held by the same lists apart: see [`vocabulary`]) and per list
//! its entries as word numbers with their values (a phrase's twin written with hyphens is one bit
//! of a mask): no text to parse at start-up, the reader only builds the trie of phrases.
//!
//! File layout (integers are varints, 7 bits a byte, the most significant first; strings a varint
//! length and UTF-8 bytes):
//! `MAGIC`, `FINGERPRINT` (4 bytes LE), the description (a flag, then code, name, order, decimal
//! mark, flag bits, stemmer), the vocabulary (the number of keys; for each key in the order of its number the
//! number of bytes it shares with the key before, as a control byte below 31 or 31 and a varint,
//! then the rest of it; a 0 after the last), the lists
//! (count; each: its values as column lists, then the number of its entries), then the entries of
//! every list, list by list, each list's in the order of their word numbers, as four streams, each
//! its length in bytes and its numbers: the number of words of each entry less one; its words (a word
//! after the same words as in the entry before as the difference from its word there, any other
//! as it is); its
//! value, in lists of more than one value (values are numbered in the order the entries first
//! use them: 0 for the value of the entry before, 1 for the next new one, else its number plus
//! two); and, for entries of several words, the mask of the gaps where a twin of the entry has a
//! hyphen (0: none). Like with like, which gzip packs better
//! than records; the reader builds the trie of phrases from the entries.
//! The web build's files are packed ([`File::packed`], `pack.rs`) and end with one more stream:
//! the language's stemmer, a WebAssembly module (`stemmer/`), which build.sh adds
//! (`tools/add_stemmer.py`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::Path;

use super::lists::{self, List};
use super::pack;
use crate::token::{fold_key, phrase_keys, word_keys};

/// What `data/<lang>/language.txt` says about a language.
#[derive(Clone, Debug, Default)]
pub struct Description {
    pub code: String,
    pub name: String,
    /// Rank when language detection finds a tie (lower first), and the order of lists.
    pub order: u32,
    /// The language of a text with no known function word.
    pub fallback: bool,
    /// `.` or `,`.
    pub decimal_mark: char,
    /// A number's modifiers come before the noun they measure (English, German).
    pub modifier_first: bool,
    pub nouns_capitalized: bool,
    pub verb_final: bool,
    /// Ordinals are written with a period ("am 22. Januar"): such a period ends no sentence.
    pub ordinal_period: bool,
    /// A Snowball algorithm name (`italian`), or `none`.
    pub stemmer: String,
    /// The widget's labels: dotted key (`one.meeting`) → text.
    pub labels: Vec<(String, String)>,
}

/// The entries of a data file: non-empty, non-comment lines split on TAB, trimmed.
pub fn rows(text: &str) -> Vec<Vec<&str>> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
        .collect()
}

fn read(dir: &Path, name: &str) -> Result<String, String> {
    let path = dir.join(name);
    match fs::read_to_string(&path) {
        Ok(s) => Ok(s),
        // A file a language does not have is an empty list.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

fn yes_no(key: &str, v: &str) -> Result<bool, String> {
    match v {
        "yes" => Ok(true),
        "no" => Ok(false),
        _ => Err(format!("{key}: \"{v}\" is not yes or no")),
    }
}

impl Description {
    /// Reads `language.txt` of a language folder.
    pub fn read(dir: &Path) -> Result<Description, String> {
        let text = read(dir, "language.txt")?;
        let where_ = dir.join("language.txt").display().to_string();
        let mut d = Description::default();
        let mut seen = HashSet::new();
        for r in rows(&text) {
            let key = r[0];
            let value = r.get(1).copied().unwrap_or("");
            if key != "label" && !seen.insert(key.to_string()) {
                return Err(format!("{where_}: {key} given twice"));
            }
            match key {
                "code" => d.code = value.to_string(),
                "name" => d.name = value.to_string(),
                "order" => {
                    d.order = value
                        .parse()
                        .map_err(|_| format!("{where_}: order \"{value}\" is not a number"))?
                }
                "fallback" => d.fallback = yes_no(key, value)?,
                "decimal_mark" => {
                    d.decimal_mark = match value {
                        "." => '.',
                        "," => ',',
                        _ => return Err(format!("{where_}: decimal_mark must be . or ,")),
                    }
                }
                "modifier_first" => d.modifier_first = yes_no(key, value)?,
                "nouns_capitalized" => d.nouns_capitalized = yes_no(key, value)?,
                "verb_final" => d.verb_final = yes_no(key, value)?,
                "ordinal_period" => d.ordinal_period = yes_no(key, value)?,
                "stemmer" => d.stemmer = value.to_string(),
                "label" => {
                    let text = r.get(2).copied().unwrap_or("");
                    if value.is_empty() || text.is_empty() {
                        return Err(format!("{where_}: a label needs a key and a text"));
                    }
                    if d.labels.iter().any(|(k, _)| k == value) {
                        return Err(format!("{where_}: label {value} given twice"));
                    }
                    d.labels.push((value.to_string(), text.to_string()));
                }
                _ => return Err(format!("{where_}: unknown key {key}")),
            }
        }
        let folder = dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
        for (key, missing) in [
            ("code", d.code.is_empty()),
            ("name", d.name.is_empty()),
            ("decimal_mark", d.decimal_mark == '\0'),
            ("stemmer", d.stemmer.is_empty()),
            ("order", !seen.contains("order")),
        ] {
            if missing {
                return Err(format!("{where_}: {key} is missing"));
            }
        }
        if d.code != folder {
            return Err(format!(
                "{where_}: code {} is not the folder's name",
                d.code
            ));
        }
        Ok(d)
    }
}

/// The language folders under `root` (every folder with a `language.txt`), in their order.
pub fn languages(root: &Path) -> Result<Vec<Description>, String> {
    let mut out = Vec::new();
    let entries = fs::read_dir(root).map_err(|e| format!("{}: {e}", root.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() && path.join("language.txt").exists() {
            out.push(Description::read(&path)?);
        }
    }
    out.sort_by(|a, b| a.order.cmp(&b.order).then(a.code.cmp(&b.code)));
    if out.iter().filter(|d| d.fallback).count() != 1 {
        return Err(format!(
            "{}: exactly one language must say `fallback yes`",
            root.display()
        ));
    }
    // Every language labels every part of the widget English labels.
    if let Some(en) = out.iter().find(|d| d.fallback) {
        for d in &out {
            for (k, _) in &en.labels {
                if !d.labels.iter().any(|(x, _)| x == k) {
                    return Err(format!("{}: label {k} is missing", d.code));
                }
            }
        }
    }
    Ok(out)
}

/// The entries of the lists of one file, before they are numbered.
#[derive(Default)]
struct Entries {
    /// (list, key path, value columns), in the order they count: the first entry of a key wins.
    list: Vec<(u16, Vec<String>, Vec<String>)>,
    seen: HashSet<(u16, Vec<String>)>,
}

impl Entries {
    fn add(&mut self, list: u16, path: Vec<String>, value: Vec<String>) {
        if path.is_empty() || path.iter().any(|k| k.contains('\n')) {
            return;
        }
        if self.seen.insert((list, path.clone())) {
            self.list.push((list, path, value));
        }
    }

    /// A whole entry, folded ("vigili del fuoco" stays one key).
    fn word(&mut self, list: List, key: &str) {
        self.add(list as u16, vec![fold_key(key)], Vec::new());
    }

    /// A phrase, cut into word keys as running text is.
    fn phrase(&mut self, list: List, phrase: &str, value: Vec<String>) {
        self.add(list as u16, phrase_keys(phrase), value);
    }

    /// A key as written, with a value.
    fn map(&mut self, list: List, key: &str, value: Vec<String>) {
        self.add(list as u16, vec![key.to_string()], value);
    }
}

fn column(r: &[&str], i: usize) -> Option<String> {
    r.get(i).filter(|s| !s.is_empty()).map(|s| s.to_string())
}

/// A column that must read as a number (an `f64`, or a `u8` when `small`).
fn number(r: &[&str], i: usize, small: bool) -> Option<String> {
    let v = r.get(i)?;
    let ok = if small {
        v.parse::<u8>().is_ok()
    } else {
        v.parse::<f64>().is_ok()
    };
    ok.then(|| v.to_string())
}

/// The value columns of a row of a phrase list, or `None` when the row does not count.
fn phrase_value(list: List, r: &[&str]) -> Option<Vec<String>> {
    let one = |s: Option<String>| s.map(|s| vec![s]);
    match list {
        List::NumberWords => Some(vec![
            number(r, 1, false)?,
            if r.get(2) == Some(&"~") { "~" } else { "" }.to_string(),
        ]),
        List::Scales => one(number(r, 1, false)),
        List::Months | List::Weekdays => one(number(r, 1, true)),
        List::Currencies
        | List::Units
        | List::Qualifiers
        | List::Nationalities
        | List::Countries
        | List::Percent => one(column(r, 1)),
        List::TeamWords => Some(vec![if r.get(1) == Some(&"before") {
            "before"
        } else {
            ""
        }
        .to_string()]),
        List::SourceAfter => (r.get(1) == Some(&">")).then(Vec::new),
        List::NumberParts => match *r.get(1)? {
            "join" | "article" | "minus" => Some(vec![r[1].to_string()]),
            "fraction" => Some(vec![r[1].to_string(), number(r, 2, false)?]),
            _ => None,
        },
        List::MeetingWords => match *r.get(1)? {
            "-" | "attend" | "event" => Some(vec![r[1].to_string(), String::new()]),
            "summit" | "talks" | "visit" | "call" | "meeting" => Some(vec![
                r[1].to_string(),
                if r.get(2) == Some(&"+") { "+" } else { "" }.to_string(),
            ]),
            _ => None,
        },
        List::MeetingLinks => match *r.get(1)? {
            "with" | "between" | "and" | "of" | "at" | "capital" | "he" | "by" | "on" | "aside"
            | "including" => Some(vec![r[1].to_string()]),
            _ => None,
        },
        List::AgreementWords => match *r.get(1)? {
            "instrument" | "instruments" | "topics" | "sep" | "purpose" | "offer" | "not"
            | "pending" => Some(vec![r[1].to_string()]),
            _ => None,
        },
        List::SignVerbs => match *r.get(1)? {
            "sign" | "agree" | "acquire" | "hire" | "announce" | "accept" => {
                Some(vec![r[1].to_string()])
            }
            _ => None,
        },
        List::GroupWords => one(Some(column(r, 1).unwrap_or_default())),
        List::Modality => match (r.get(1).copied()?, r.get(2).copied()) {
            (_, Some("ending")) => None,
            ("not" | "refuse" | "cancel" | "deny" | "plan" | "unreal" | "-", _) => {
                Some(vec![r[1].to_string()])
            }
            _ => None,
        },
        _ => Some(Vec::new()),
    }
}

/// The file of a phrase list, for the lists read straight from one file.
fn phrase_file(list: List) -> Option<&'static str> {
    Some(match list {
        List::NumberWords => "number_words.txt",
        List::Scales => "scales.txt",
        List::Currencies => "currencies.txt",
        List::Units => "units.txt",
        List::Qualifiers => "qualifiers.txt",
        List::GroupWords => "group_words.txt",
        List::Modality => "modality.txt",
        List::Months => "months.txt",
        List::Weekdays => "weekdays.txt",
        List::SourceAfter => "speech_verbs.txt",
        List::Titles => "titles.txt",
        List::TeamWords => "team_words.txt",
        List::Institutions => "institutions.txt",
        List::Nationalities => "nationalities.txt",
        List::Countries => "countries.txt",
        List::Percent => "percent.txt",
        List::ClauseWords => "clause_words.txt",
        List::NumberParts => "number_parts.txt",
        List::MeetingWords => "meeting_words.txt",
        List::MeetingLinks => "meeting_links.txt",
        List::AgreementWords => "agreement_words.txt",
        List::SignVerbs => "sign_verbs.txt",
        _ => return None,
    })
}

/// The file of a set read straight from one file (every entry, folded).
fn set_file(list: List) -> Option<&'static str> {
    Some(match list {
        List::Stopwords => "stopwords.txt",
        List::Abbreviations => "abbreviations.txt",
        List::OrgCues => "org_cues.txt",
        List::OrgKinds => "org_kinds.txt",
        List::PersonNouns => "person_nouns.txt",
        List::NotNames => "not_names.txt",
        List::ThingNouns => "thing_nouns.txt",
        List::LedBy => "led_by.txt",
        List::EventCues => "event_cues.txt",
        List::PlaceOf => "place_of.txt",
        List::PlaceCues => "place_cues.txt",
        List::Locatives => "locatives.txt",
        List::Adjectives => "adjectives.txt",
        List::Articles => "articles.txt",
        List::Conjunctions => "conjunctions.txt",
        List::FirstNames => "first_names.txt",
        List::AdjectiveEndings => "adjective_endings.txt",
        _ => return None,
    })
}

/// A compiled file, and where its vocabulary is (what [`File::packed`] codes apart).
pub struct File {
    pub bytes: Vec<u8>,
    /// The vocabulary's keys, front-coded, and the 0 after them.
    pub vocabulary: std::ops::Range<usize>,
    /// How many keys it has.
    pub keys: usize,
}

impl File {
    /// The file packed for the web build (`pack.rs`).
    pub fn packed(&self) -> Vec<u8> {
        pack::pack(&self.bytes, self.vocabulary.clone(), self.keys)
    }
}

/// Compiles a language folder, with the shared lists of `common`, into its file.
pub fn language(dir: &Path, common: &Path, d: &Description) -> Result<File, String> {
    let mut files: HashMap<&'static str, String> = HashMap::new();
    for name in [
        "stopwords.txt",
        "abbreviations.txt",
        "particles.txt",
        "org_cues.txt",
        "org_kinds.txt",
        "person_nouns.txt",
        "not_names.txt",
        "thing_nouns.txt",
        "led_by.txt",
        "event_cues.txt",
        "place_of.txt",
        "place_cues.txt",
        "locatives.txt",
        "adjectives.txt",
        "articles.txt",
        "conjunctions.txt",
        "first_names.txt",
        "adjective_endings.txt",
        "number_words.txt",
        "scales.txt",
        "currencies.txt",
        "units.txt",
        "qualifiers.txt",
        "group_words.txt",
        "months.txt",
        "weekdays.txt",
        "speech_verbs.txt",
        "titles.txt",
        "team_words.txt",
        "institutions.txt",
        "nationalities.txt",
        "countries.txt",
        "percent.txt",
        "clause_words.txt",
        "number_parts.txt",
        "meeting_words.txt",
        "meeting_links.txt",
        "agreement_words.txt",
        "sign_verbs.txt",
        "place_affixes.txt",
        "places.txt",
        "organizations.txt",
        "ranges.txt",
        "about_words.txt",
        "pronouns.txt",
        "modality.txt",
    ] {
        files.insert(name, read(dir, name)?);
    }
    let shared = |name: &str| read(common, name);
    let common_first_names = shared("first_names.txt")?;
    let common_places = shared("places.txt")?;
    let common_organizations = shared("organizations.txt")?;
    let currency_symbols = shared("currency_symbols.txt")?;
    let currency_codes = shared("currency_codes.txt")?;
    let f = |name: &str| files.get(name).map(String::as_str).unwrap_or("");

    let mut e = Entries::default();
    for &list in lists::ALL {
        if let Some(name) = set_file(list) {
            for r in rows(f(name)) {
                e.word(list, r[0]);
            }
            continue;
        }
        if let Some(name) = phrase_file(list) {
            for r in rows(f(name)) {
                if let Some(v) = phrase_value(list, &r) {
                    e.phrase(list, r[0], v);
                }
            }
            // Countries written with or without a hyphen: "Grande-Bretagne", "Grande Bretagne"
            // (after every name as written, which wins).
            if list == List::Countries {
                for r in rows(f(name)) {
                    if let (Some(iso), true) = (column(&r, 1), r[0].contains('-')) {
                        e.phrase(list, &r[0].replace('-', " "), vec![iso]);
                    }
                }
            }
            if list == List::Currencies {
                for r in rows(&currency_symbols) {
                    if let Some(iso) = column(&r, 1) {
                        e.phrase(list, r[0], vec![iso.clone()]);
                        e.phrase(list, &iso, vec![iso.clone()]);
                    }
                }
            }
            continue;
        }
        match list {
            List::GivenNames => {
                // With the gender the shared list gives a name (`f` or `m`, its first row that
                // gives one), whichever list has it first.
                let mut genders: HashMap<String, &str> = HashMap::new();
                for r in rows(&common_first_names) {
                    if let Some(g @ ("f" | "m")) = r.get(1).copied() {
                        genders.entry(fold_key(r[0])).or_insert(g);
                    }
                }
                for r in rows(f("first_names.txt"))
                    .into_iter()
                    .chain(rows(&common_first_names))
                {
                    let key = fold_key(r[0]);
                    let gender = genders.get(&key).map(|g| vec![g.to_string()]);
                    e.add(list as u16, vec![key], gender.unwrap_or_default());
                }
            }
            List::Particles | List::OrgParticles | List::FamilyParticles => {
                // Column 2: "organization" (only inside an organization's name), "family" (a
                // family name's particle, also a particle).
                for r in rows(f("particles.txt")) {
                    let kind = r.get(1).copied().unwrap_or("");
                    let wanted = match list {
                        List::OrgParticles => kind == "organization",
                        List::FamilyParticles => kind == "family",
                        _ => kind != "organization",
                    };
                    if wanted {
                        e.word(list, r[0]);
                    }
                }
            }
            List::GenericTitles => {
                for r in rows(f("titles.txt")) {
                    if r.get(1) == Some(&"generic") {
                        e.word(list, r[0]);
                    }
                }
            }
            List::SpeechVerbs | List::SpeechAux => {
                for r in rows(f("speech_verbs.txt")) {
                    let kind = r.get(1).copied();
                    let wanted = match list {
                        List::SpeechAux => kind == Some("aux"),
                        _ => !matches!(kind, Some("aux" | "participle")),
                    };
                    if wanted {
                        e.phrase(list, r[0], Vec::new());
                    }
                }
            }
            List::SpeechParticiples => {
                for r in rows(f("speech_verbs.txt")) {
                    if r.get(1) == Some(&"participle") {
                        e.word(list, r[0]);
                    }
                }
            }
            List::ModalityEndings => {
                for r in rows(f("modality.txt")) {
                    if let (Some(kind), Some(&"ending")) = (column(&r, 1), r.get(2)) {
                        e.map(list, r[0], vec![kind]);
                    }
                }
            }
            List::AcquisitionTitle => {
                for r in rows(f("agreement_words.txt")) {
                    match r.get(1) {
                        Some(&"acquisition") => e.map(list, "title", vec![r[0].to_string()]),
                        Some(&"hire") => e.map(list, "hire", vec![r[0].to_string()]),
                        _ => {}
                    }
                }
            }
            List::PortfolioTitles => {
                for r in rows(f("titles.txt")) {
                    if r.get(1) == Some(&"portfolio") {
                        e.word(list, r[0]);
                    }
                }
            }
            List::PlacePrefixes | List::PlaceSuffixes => {
                let side = if list == List::PlacePrefixes {
                    "before"
                } else {
                    "after"
                };
                for r in rows(f("place_affixes.txt")) {
                    if r.get(1) == Some(&side) {
                        e.word(list, r[0]);
                    }
                }
            }
            List::CurrencyCodes => {
                for r in rows(&currency_codes) {
                    e.map(list, r[0], Vec::new());
                }
            }
            List::Places => {
                let all: Vec<(String, String)> = rows(f("places.txt"))
                    .into_iter()
                    .chain(rows(&common_places))
                    .filter_map(|r| Some((r[0].to_string(), column(&r, 1)?)))
                    .collect();
                for (name, iso) in &all {
                    e.phrase(list, name, vec![iso.clone()]);
                }
                // Written with or without a hyphen: "Friuli-Venezia Giulia", "Emilia Romagna"
                // (after every name as written, which wins).
                for (name, iso) in &all {
                    if name.contains('-') {
                        e.phrase(list, &name.replace('-', " "), vec![iso.clone()]);
                    } else if let Some((a, b)) = name.split_once(' ') {
                        e.phrase(list, &format!("{a}-{b}"), vec![iso.clone()]);
                    }
                }
            }
            List::CountryNames => {
                // The starred name of a code, else its first name.
                let countries = rows(f("countries.txt"));
                let mut names: BTreeMap<String, String> = BTreeMap::new();
                for r in &countries {
                    if let (Some(iso), Some("*")) = (r.get(1), r.get(2).copied()) {
                        names.insert(iso.to_string(), r[0].to_string());
                    }
                }
                for r in &countries {
                    if let Some(iso) = r.get(1) {
                        names
                            .entry(iso.to_string())
                            .or_insert_with(|| r[0].to_string());
                    }
                }
                for (iso, name) in names {
                    e.map(list, &iso, vec![name]);
                }
            }
            List::Organizations => {
                // The language's own names first, then the shared ones. An organization's id is
                // only ever compared with another's (names of one organization: one id), so the
                // file numbers them in the order they come, in base 36 (-1.5 KiB gzip a file).
                let mut ids: HashMap<String, String> = HashMap::new();
                for r in rows(f("organizations.txt"))
                    .into_iter()
                    .chain(rows(&common_organizations))
                {
                    if let Some(id) = column(&r, 1) {
                        let n = ids.len();
                        let id = ids.entry(id).or_insert_with(|| base36(n)).clone();
                        e.map(list, r[0], vec![id]);
                    }
                }
            }
            List::Ranges | List::AboutWords => {
                let name = if list == List::Ranges {
                    "ranges.txt"
                } else {
                    "about_words.txt"
                };
                let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
                for r in rows(f(name)) {
                    if let Some(v) = r.get(1).filter(|v| !v.is_empty()) {
                        let v = if list == List::Ranges {
                            fold_key(v)
                        } else {
                            v.to_string()
                        };
                        groups.entry(fold_key(r[0])).or_default().push(v);
                    }
                }
                for (k, v) in groups {
                    e.map(list, &k, v);
                }
            }
            List::Pronouns => {
                // The last line of a pronoun wins.
                let mut m: BTreeMap<String, char> = BTreeMap::new();
                for r in rows(f("pronouns.txt")) {
                    if let Some(c) = r.get(1).and_then(|v| v.chars().next()) {
                        m.insert(fold_key(r[0]), c);
                    }
                }
                for (k, c) in m {
                    e.map(list, &k, vec![c.to_string()]);
                }
            }
            _ => return Err(format!("no rule to compile the list {list:?}")),
        }
    }
    Ok(encode(Some(d), &e))
}

/// Compiles what every language shares: each language's stopwords (the detection profiles),
/// page chrome of every language (sites mix them), organization cues of every language.
pub fn core(root: &Path, langs: &[Description]) -> Result<Vec<u8>, String> {
    let mut e = Entries::default();
    // The chrome of every language and the marks no language owns (`common/chrome.txt`), by
    // kind: a line, a prefix (`*`), a line that opens a list of links (`list`: also a line or a
    // prefix), what opens a byline, a photo credit or a timestamp, a breadcrumb mark.
    let mut chrome = Vec::new();
    for d in langs {
        chrome.push(read(&root.join(&d.code), "chrome.txt")?);
    }
    chrome.push(read(&root.join("common"), "chrome.txt")?);
    for file in &chrome {
        for r in rows(file) {
            let (text, prefix) = match r[0].strip_suffix('*') {
                Some(t) => (t, true),
                None => (r[0], false),
            };
            let key = word_keys(text).join(" ");
            if key.is_empty() {
                continue;
            }
            let kind = r.get(1).copied().unwrap_or("");
            let list = match kind {
                "byline" => lists::shared::CHROME_BYLINES,
                "credit" => lists::shared::CHROME_CREDITS,
                "dated" => lists::shared::CHROME_DATED,
                "separator" => lists::shared::CHROME_SEPARATORS,
                _ if prefix => lists::shared::CHROME_PREFIXES,
                _ => lists::shared::CHROME_LINES,
            };
            if kind == "list" {
                e.add(lists::shared::CHROME_LISTS, vec![key.clone()], Vec::new());
            }
            e.add(list, vec![key], Vec::new());
        }
    }
    for d in langs {
        let dir = root.join(&d.code);
        for r in rows(&read(&dir, "org_cues.txt")?) {
            e.add(lists::shared::ORG_CUES, vec![fold_key(r[0])], Vec::new());
        }
    }
    for (i, d) in langs.iter().enumerate() {
        for r in rows(&read(&root.join(&d.code), "stopwords.txt")?) {
            e.add(
                lists::shared::PROFILES + i as u16,
                vec![fold_key(r[0])],
                Vec::new(),
            );
        }
    }
    Ok(encode(None, &e).bytes)
}

/// A number in groups of 7 bits, the most significant first, each but the last with its top bit
/// set (numbers that differ in their low bits only share their first bytes: gzip packs them
/// better than LEB128's, -0.2 KiB a file).
fn varint(out: &mut Vec<u8>, v: u64) {
    let mut shift = 63;
    while shift > 0 && v >> shift == 0 {
        shift -= 7;
    }
    while shift > 0 {
        out.push((v >> shift) as u8 | 0x80);
        shift -= 7;
    }
    out.push(v as u8 & 0x7f);
}

fn string(out: &mut Vec<u8>, s: &str) {
    varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn encode(d: Option<&Description>, e: &Entries) -> File {
    let mut out = Vec::new();
    out.extend_from_slice(lists::MAGIC);
    out.extend_from_slice(&lists::FINGERPRINT.to_le_bytes());
    match d {
        None => varint(&mut out, 0),
        Some(d) => {
            varint(&mut out, 1);
            string(&mut out, &d.code);
            string(&mut out, &d.name);
            varint(&mut out, d.order as u64);
            string(&mut out, &d.decimal_mark.to_string());
            let flags = u64::from(d.modifier_first)
                | u64::from(d.nouns_capitalized) << 1
                | u64::from(d.verb_final) << 2
                | u64::from(d.fallback) << 3
                | u64::from(d.ordinal_period) << 4;
            varint(&mut out, flags);
            string(&mut out, &d.stemmer);
        }
    }
    // core.bin keeps its keys sorted: page chrome reads its lists in that order (`Store::keys`).
    let vocab = vocabulary(e, d.is_some());
    let id: HashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, k)| (*k, i as u32))
        .collect();
    // Front-coded: per key, how many bytes it shares with the one before as one control byte
    // (below 31; else 31 and a varint), then the rest of it, which the next control byte ends;
    // a last 0 ends the last. (Keys hold no control character.) Each count next to its rest packs
    // 2 KiB better than the counts and the rests apart.
    varint(&mut out, vocab.len() as u64);
    let vocabulary_start = out.len();
    let mut last: &[u8] = &[];
    for k in &vocab {
        let k = k.as_bytes();
        assert!(
            k.iter().all(|&b| b >= 0x20),
            "a key with a control character: {k:?}"
        );
        let shared = k.iter().zip(last).take_while(|(a, b)| a == b).count();
        if shared < 31 {
            out.push(shared as u8);
        } else {
            out.push(31);
            varint(&mut out, shared as u64);
        }
        out.extend_from_slice(&k[shared..]);
        last = k;
    }
    out.push(0);
    let vocabulary = vocabulary_start..out.len();
    // The lists: each one's values and number of entries; then the entries of every list as four
    // streams (like with like): lengths, word numbers, value indices, hyphen masks.
    let hyphen = id.get("-").copied();
    let count = e.list.iter().map(|(l, _, _)| *l + 1).max().unwrap_or(0);
    varint(&mut out, u64::from(count));
    let (mut lengths, mut words, mut value_ix, mut masks) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for list in 0..count {
        let mut values: Vec<&Vec<String>> = Vec::new();
        let mut value_of: HashMap<&Vec<String>, u32> = HashMap::new();
        let mine: Vec<(Vec<u32>, &Vec<String>)> = e
            .list
            .iter()
            .filter(|(l, _, _)| *l == list)
            .map(|(_, p, v)| (p.iter().map(|k| id[k.as_str()]).collect(), v))
            .collect();
        // A phrase written with hyphens between some of its words ("Friuli-Venezia Giulia") whose
        // words without them are an entry of the same value ("Friuli Venezia Giulia") is that
        // entry's twin: written as a mask of the gaps that hold a hyphen, rebuilt by the reader.
        let by_path: HashMap<&[u32], &Vec<String>> =
            mine.iter().map(|(p, v)| (p.as_slice(), *v)).collect();
        let mut twin_mask: HashMap<Vec<u32>, u64> = HashMap::new();
        let mut twins: HashSet<&[u32]> = HashSet::new();
        if let Some(h) = hyphen {
            for (p, v) in &mine {
                if let Some((base, mask)) = unhyphenated(p, h) {
                    // One twin an entry (a second one stays an entry of its own).
                    if by_path.get(base.as_slice()) == Some(v) && !twin_mask.contains_key(&base) {
                        twin_mask.insert(base, mask);
                        twins.insert(p.as_slice());
                    }
                }
            }
        }
        // Values numbered in the order the entries (sorted) first use them: an entry's value is
        // written as 0 when it is the value of the entry before (runs: the places of a country),
        // 1 when it is the next new one, else as its number plus two.
        let mut entries: Vec<(&[u32], &Vec<String>)> = mine
            .iter()
            .filter(|(p, _)| !twins.contains(p.as_slice()))
            .map(|(p, v)| (p.as_slice(), *v))
            .collect();
        entries.sort_unstable();
        for &(_, v) in &entries {
            value_of.entry(v).or_insert_with(|| {
                values.push(v);
                values.len() as u32 - 1
            });
        }
        varint(&mut out, values.len() as u64);
        for v in &values {
            varint(&mut out, v.len() as u64);
            for c in v.iter() {
                string(&mut out, c);
            }
        }
        varint(&mut out, entries.len() as u64);
        let mut prev: &[u32] = &[];
        let mut new_values = 0;
        let mut last_value = None;
        for &(p, v) in &entries {
            varint(&mut lengths, p.len() as u64 - 1);
            // A word after the same words as in the entry before: the difference from its word
            // there; any other: its number.
            let mut same = true;
            for (k, &w) in p.iter().enumerate() {
                match prev.get(k) {
                    Some(&q) if same => {
                        varint(&mut words, u64::from(w - q));
                        same = w == q;
                    }
                    _ => varint(&mut words, u64::from(w)),
                }
            }
            prev = p;
            if values.len() > 1 {
                let vi = value_of[v];
                if last_value == Some(vi) {
                    varint(&mut value_ix, 0);
                } else if vi == new_values {
                    varint(&mut value_ix, 1);
                    new_values += 1;
                } else {
                    varint(&mut value_ix, u64::from(vi) + 2);
                }
                last_value = Some(vi);
            }
            if p.len() > 1 {
                varint(&mut masks, twin_mask.get(p).copied().unwrap_or(0));
            }
        }
    }
    for stream in [&lengths, &words, &value_ix, &masks] {
        varint(&mut out, stream.len() as u64);
        out.extend_from_slice(stream);
    }
    File {
        bytes: out,
        vocabulary,
        keys: vocab.len(),
    }
}

/// The vocabulary: every key of every path, in the order of their numbers (sorted, unless
/// `grouped`). In a language's file, keys held by the same lists, when at least `GROUP` keys are
/// (the given names, the places), are numbered together,
/// by the value of their first entry of one word (a place's country), then sorted; every other key
/// comes first, sorted. The entries of such a list then take consecutive numbers and its values
/// come in runs, which gzip packs better than the same lists spread over the whole alphabet (the
/// keys still share their beginnings with the key before: front coding loses little).
fn vocabulary(e: &Entries, grouped: bool) -> Vec<&str> {
    // (At least 8: -0.1 to -0.2 KiB gzip a file against 50, now that the front coding packs
    // better.)
    const GROUP: usize = 8;
    // Per key: the lists that hold it (in list order), and the value of its first one-word entry.
    let mut of: BTreeMap<&str, (Vec<u16>, Option<&Vec<String>>)> = BTreeMap::new();
    for (list, path, value) in &e.list {
        for k in path {
            let (lists, first) = of.entry(k.as_str()).or_default();
            if !lists.contains(list) {
                lists.push(*list);
            }
            if path.len() == 1 && first.is_none() {
                *first = Some(value);
            }
        }
    }
    let mut size: HashMap<Vec<u16>, usize> = HashMap::new();
    for (lists, _) in of.values_mut() {
        lists.sort_unstable();
        *size.entry(lists.clone()).or_default() += 1;
    }
    // A key, the lists that hold it, its value.
    type Held<'k, 'v> = (&'k str, &'v Vec<u16>, Option<&'v Vec<String>>);
    let mut keys: Vec<Held<'_, '_>> = of.iter().map(|(k, (l, v))| (*k, l, *v)).collect();
    let none: Vec<u16> = Vec::new();
    keys.sort_by_cached_key(|&(k, lists, value)| match grouped && size[lists] >= GROUP {
        true => (lists, value, k),
        false => (&none, None, k),
    });
    keys.into_iter().map(|(k, _, _)| k).collect()
}

/// A number in base 36 (digits, then lower-case letters).
fn base36(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A phrase with single hyphens between some of its words: its words without them, and the mask
/// of the gaps that held one (bit `k`: between word `k` and word `k + 1`).
fn unhyphenated(p: &[u32], hyphen: u32) -> Option<(Vec<u32>, u64)> {
    if p.first() == Some(&hyphen) || p.last() == Some(&hyphen) || !p.contains(&hyphen) {
        return None;
    }
    let mut base = Vec::new();
    let mut mask = 0u64;
    for (i, &w) in p.iter().enumerate() {
        if w != hyphen {
            base.push(w);
        } else if p[i + 1] == hyphen || base.len() > 64 {
            return None;
        } else {
            mask |= 1 << (base.len() - 1);
        }
    }
    Some((base, mask))
}

/// The list of languages and each one's data file as a JS module (`factcards-files.js`): the API
/// (`factcards.js`) reads it.
pub fn files_js(langs: &[Description]) -> String {
    let mut out = String::from(
        "// Generated by build.rs from data/*/language.txt: do not edit.\n\
         /** The languages factcards knows, in the order language detection breaks ties. */\n",
    );
    out.push_str("export const LANGUAGES = [");
    out.push_str(
        &langs
            .iter()
            .map(|d| json(&d.code))
            .collect::<Vec<_>>()
            .join(", "),
    );
    out.push_str("];\n\n");
    // Each language's file as a URL next to this module, written out literally so that bundlers
    // (Vite) see and ship the files.
    out.push_str(
        "/** Each language's data file, next to this module. */\nexport const FILES = {\n",
    );
    for d in langs {
        out.push_str(&format!(
            "  {}: () => new URL(\"./factcards-{}.bin\", import.meta.url),\n",
            json(&d.code),
            d.code
        ));
    }
    out.push_str("};\n");
    out
}

/// The labels of every language as a JS module (`factcards-labels.js`), with the list of
/// languages and their files (`factcards-files.js`, re-exported).
pub fn labels_js(langs: &[Description]) -> String {
    let mut out = String::from(
        "// Generated by build.rs from data/*/language.txt: do not edit.\n\
         export { LANGUAGES, FILES } from \"./factcards-files.js\";\n\n",
    );
    out.push_str(
        "/** The widget's labels in each language ({n} is a number). */\nexport const LABELS = {\n",
    );
    for d in langs {
        // Dotted keys ("one.meeting") become nested objects, in file order.
        let mut top: Vec<(String, Vec<(String, String)>)> = Vec::new();
        let mut flat: Vec<(String, String)> = Vec::new();
        let mut order: Vec<String> = Vec::new();
        for (k, v) in &d.labels {
            match k.split_once('.') {
                Some((group, key)) => {
                    if let Some(g) = top.iter_mut().find(|(n, _)| n == group) {
                        g.1.push((key.to_string(), v.clone()));
                    } else {
                        top.push((group.to_string(), vec![(key.to_string(), v.clone())]));
                        order.push(format!("\0{group}"));
                    }
                }
                None => {
                    flat.push((k.clone(), v.clone()));
                    order.push(k.clone());
                }
            }
        }
        let mut parts = Vec::new();
        for k in &order {
            if let Some(group) = k.strip_prefix('\0') {
                let items = &top.iter().find(|(n, _)| n == group).map(|g| &g.1);
                let inner = items
                    .map(|items| {
                        items
                            .iter()
                            .map(|(k, v)| format!("{}: {}", json(k), json(v)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default();
                parts.push(format!("{}: {{ {inner} }}", json(group)));
            } else if let Some((_, v)) = flat.iter().find(|(x, _)| x == k) {
                parts.push(format!("{}: {}", json(k), json(v)));
            }
        }
        out.push_str(&format!(
            "  {}: {{\n    {},\n  }},\n",
            json(&d.code),
            parts.join(",\n    ")
        ));
    }
    out.push_str("};\n");
    out
}

/// A JSON string.
fn json(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
