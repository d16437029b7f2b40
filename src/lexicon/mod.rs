//! Per-language knowledge. The text files under `data/<lang>/` (format: `data/README.md`) are
//! compiled by `build.rs` (see [`compile`]) into one file per language plus one file every language
//! shares; this module reads them back (see [`store`]) into lookup tables without parsing a line.
//!
//! The native crate has every language built in (cargo feature `builtin-languages`, on by default);
//! the web build has none and is given each language's file when a text needs it ([`load`]).

use std::sync::{Mutex, OnceLock};

// A fast hash: keys are words of the text, never a security boundary.
use rustc_hash::FxHashSet as HashSet;

use crate::analysis::MeetingType;
use crate::error::Error;

#[cfg(test)]
#[allow(dead_code)]
pub(crate) mod compile;
mod lists;
pub(crate) use lists::shared;
// The packer runs in build.rs and the tests; the crate unpacks.
#[allow(dead_code)]
mod pack;
pub(crate) mod store;

use lists::List;
use store::Store;
pub use store::{Lookup, WordId};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/languages.rs"));
}
pub use generated::{FALLBACK, LANGUAGES};

/// Splits a phrase into the lower-cased, folded word keys that tokens are matched with.
pub use crate::token::phrase_keys;

/// A set of words (whole folded entries of a list).
#[derive(Clone, Copy)]
pub struct WordSet {
    store: &'static Store,
    list: u16,
}

impl WordSet {
    fn new(store: &'static Store, list: List) -> WordSet {
        WordSet {
            store,
            list: list as u16,
        }
    }

    #[inline]
    pub fn contains<K: Lookup + ?Sized>(&self, key: &K) -> bool {
        self.has(self.store.word(key))
    }

    /// [`WordSet::contains`] by word number (see [`Lexicon::word`]).
    #[inline]
    pub fn has(&self, w: Option<WordId>) -> bool {
        self.store.holds(self.list, w)
    }

    pub fn len(&self) -> usize {
        self.store.size(self.list)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entries, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.store.keys(self.list)
    }
}

/// A set of (possibly multi-word) phrases with a value each, matched on token keys, longest first.
pub struct Phrases<V> {
    store: &'static Store,
    list: u16,
    /// The list's bit (see [`store::lists_mask`]): whether a phrase may start with a word is
    /// asked where the lookup is made, the walk down the phrases only when one may.
    mask: u64,
    values: Vec<V>,
}

impl<V> Phrases<V> {
    fn new(store: &'static Store, list: List, value: impl Fn(&[&str]) -> V) -> Phrases<V> {
        Phrases {
            store,
            list: list as u16,
            mask: store::lists_mask(&[list as u16]),
            values: store.values(list as u16).iter().map(|v| value(v)).collect(),
        }
    }

    /// The longest phrase that starts at `keys[0]`: (number of keys, value).
    #[inline]
    pub fn longest<S: Lookup>(&self, keys: &[S]) -> Option<(usize, &V)> {
        let first = self.store.word(keys.first()?);
        if !self.store.may_start_any(first, self.mask) {
            return None;
        }
        self.walk(first, keys[1..].iter().map(|k| self.store.word(k)))
    }

    /// [`Phrases::longest`] by word numbers (see [`Lexicon::word`]): no key is hashed.
    #[inline]
    pub fn longest_ids(
        &self,
        words: impl IntoIterator<Item = Option<WordId>>,
    ) -> Option<(usize, &V)> {
        let mut words = words.into_iter();
        let first = words.next()?;
        if !self.store.may_start_any(first, self.mask) {
            return None;
        }
        self.walk(first, words)
    }

    /// The longest phrase of words `first`, then `rest`, when one may start with `first`.
    #[inline(never)]
    fn walk(
        &self,
        first: Option<WordId>,
        rest: impl Iterator<Item = Option<WordId>>,
    ) -> Option<(usize, &V)> {
        let (n, v) = self
            .store
            .longest(self.list, std::iter::once(first).chain(rest))?;
        Some((n, self.values.get(v as usize)?))
    }

    /// Is there a phrase of this one word?
    pub fn contains_key<K: Lookup + ?Sized>(&self, word: &K) -> bool {
        self.has(self.store.word(word))
    }

    /// [`Phrases::contains_key`] by word number.
    #[inline]
    pub fn has(&self, w: Option<WordId>) -> bool {
        self.store.holds(self.list, w)
    }

    pub fn is_empty(&self) -> bool {
        self.store.size(self.list) == 0
    }
}

/// A map from whole keys (folded or as written, as the list says) to a value.
pub struct WordMap<V> {
    store: &'static Store,
    list: u16,
    values: Vec<V>,
}

impl<V> WordMap<V> {
    fn new(store: &'static Store, list: List, value: impl Fn(&[&str]) -> V) -> WordMap<V> {
        WordMap {
            store,
            list: list as u16,
            values: store.values(list as u16).iter().map(|v| value(v)).collect(),
        }
    }

    #[inline]
    pub fn get<K: Lookup + ?Sized>(&self, key: &K) -> Option<&V> {
        let w = self.store.word(key)?;
        self.values.get(self.store.value(w, self.list)? as usize)
    }

    pub fn contains_key<K: Lookup + ?Sized>(&self, key: &K) -> bool {
        self.get(key).is_some()
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
    /// "by", "da", "par", "por": the agent of a passive follows ("signed by X").
    By,
    /// "auf": what was agreed on follows ("sich auf X geeinigt").
    On,
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
    /// Separates the items of that list ("and", "alla").
    Sep,
    /// Opens what an agreement is for ("to allow…", "pour normaliser…"); separates topics too.
    Purpose,
    /// An offer of a deal ("offer", "offerta"): accepting it is agreeing with the one who made it.
    Offer,
    /// A decision about it is no agreement (sanctions, votes).
    Not,
    /// Still under talks or only proposed ("draft", "negotiations on"): no agreement yet.
    Pending,
}

/// Verbs of agreeing (`sign_verbs.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignVerb {
    /// An instrument noun follows: "signed a treaty".
    Sign,
    /// A joint decision or what was agreed on follows: "agreed to…", "agreed on…".
    Agree,
    /// Buying or taking over: "acquired X", "hat X übernommen".
    Acquire,
    /// Taking on a player or a person under contract: "fichó a X", "hat X verpflichtet".
    Hire,
    /// Making known: a card only with the instrument as its object ("announced a deal").
    Announce,
    /// Accepting an offer: a card with the one who made it ("accetta l'offerta della City").
    Accept,
}

/// A word of `group_words.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupWord {
    /// People: "officials", "delegations".
    People,
    /// Countries, bodies or sides: "countries", "sides", "governments".
    Sides,
    /// Companies: "companies", "empresas", "Unternehmen" — organizations only.
    Companies,
    /// A body that acts by itself, named by a common noun: "the government", "the unions", "die
    /// Geschäftsleitung" — a side of an agreement when no name stands for it.
    Body,
    /// "both", "entrambi", "beide": the noun after it stands for the two named last.
    Both,
}

/// Whether what a clause tells took place (`modality.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modality {
    /// A negation: "not", "non", "nicht".
    Not,
    /// A refusal or rejection: "refused to", "ha rifiutato".
    Refuse,
    /// Called off or put off: "cancelled", "annullato", "abgesagt".
    Cancel,
    /// Denied: "denied", "smentito".
    Deny,
    /// Announced, scheduled, future: "will", "prevista", "wird".
    Plan,
    /// Hypothetical, wished or proposed: "would", "if", "potrebbe".
    Unreal,
    /// A longer phrase that is none of these ("not only").
    None,
}

fn modality(kind: Option<&&str>) -> Modality {
    match kind.copied() {
        Some("not") => Modality::Not,
        Some("refuse") => Modality::Refuse,
        Some("cancel") => Modality::Cancel,
        Some("deny") => Modality::Deny,
        Some("plan") => Modality::Plan,
        Some("unreal") => Modality::Unreal,
        _ => Modality::None,
    }
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

/// Everything factcards knows about one language.
pub struct Lexicon {
    pub code: &'static str,
    /// The language's name in English ("Italian").
    pub name: &'static str,
    /// The decimal mark of numbers: `,` ("1.000,5") or `.` ("1,000.5").
    pub decimal_mark: char,
    /// A number's modifiers come before the noun it counts ("the 5,000-strong army"): a number
    /// is then about the noun after it rather than before.
    pub modifier_first: bool,
    /// The Snowball stemmer of the language, `None` when it has none (words are their stems).
    stemmer: Option<fn(&str) -> String>,
    /// Every noun is written with a capital (German): a capital alone makes no name.
    pub nouns_capitalized: bool,
    /// The verb of a perfect tense or a subordinate clause comes last (German): its object and
    /// what it acts on stand before it ("hat ein Abkommen unterzeichnet").
    pub verb_final: bool,
    /// Ordinals are written with a period (German "am 22. Januar", "der 3. Oktober"): after an
    /// article or before a month such a period ends no sentence.
    pub ordinal_period: bool,
    pub stopwords: WordSet,
    pub abbreviations: WordSet,
    pub number_words: Phrases<NumberWord>,
    pub scales: Phrases<f64>,
    pub currencies: Phrases<String>,
    pub units: Phrases<String>,
    pub qualifiers: Phrases<String>,
    /// Nouns for a group of people who can meet ("officials", "delegations", `group_words.txt`).
    pub group_words: Phrases<GroupWord>,
    pub months: Phrases<u8>,
    pub weekdays: Phrases<u8>,
    pub speech_verbs: Phrases<()>,
    /// Auxiliaries of a speech verb's perfect ("ha", "a-t-il", "hat"): with a participle of
    /// `speech_participles` after them, maybe past an adverb, a speech phrase.
    pub speech_aux: Phrases<()>,
    pub speech_participles: WordSet,
    pub titles: Phrases<()>,
    /// Ministers' titles, before a portfolio ("ministro de Energía").
    pub portfolio_titles: WordSet,
    /// Titles any office holder may be called by ("leader", "capo", "chef").
    pub generic_titles: WordSet,
    pub particles: WordSet,
    /// Prepositions allowed only inside an organization's name, after its organization word
    /// ("for" of "National League for Democracy").
    pub org_particles: WordSet,
    /// Particles that may continue a family name ("da Silva", "de Gortari").
    pub family_particles: WordSet,
    pub org_cues: WordSet,
    /// Lower-case kinds of organization right before a name ("il quotidiano", "la compagnia").
    pub org_kinds: WordSet,
    /// Nouns for people ("sorella", "giornalista") that make the name after them a person.
    pub person_nouns: WordSet,
    /// Capitalized words that name no entity ("Paese", "Islam", "Christmas").
    pub not_names: WordSet,
    /// Nouns for things ("uragano", "album") that make the name after them no entity of a kind.
    pub thing_nouns: WordSet,
    /// Bodies named after their leader, the name right after ("Governo Letta").
    pub led_by: WordSet,
    /// Capitalized words that make a name an event or a prize ("Palio", "Cup").
    pub event_cues: WordSet,
    /// Lower-case words that, with "of" after them, are followed by a place ("città di").
    pub place_of: WordSet,
    /// Endings of lower-case adjectives that follow a noun ("europea", "costituzionale").
    pub adjective_endings: Vec<String>,
    /// Words that make a name a place ("street", "piazza", "monte").
    pub place_cues: WordSet,
    /// Words right before a name that make it a place ("in", "at").
    pub locatives: WordSet,
    /// Capitalized adjectives that are no names ("Western", "Asian", "Catholic").
    pub adjectives: WordSet,
    /// Words next to a team in a result ("beat", "drew with", "v"): a place there is a team;
    /// `true` when they only count before it ("contro la Juventus").
    pub team_words: Phrases<bool>,
    /// Definite articles, alone or joined to a preposition ("il", "della", "the").
    pub articles: WordSet,
    /// Lower-case place words written before a name and part of it ("via", "provincia").
    pub place_prefixes: WordSet,
    /// Lower-case words after a place name and part of it ("settentrionale", "orientale").
    pub place_suffixes: WordSet,
    /// Institutions named by a common noun ("polizia", "governo", "vigili del fuoco").
    pub institutions: Phrases<()>,
    /// Words that join names of one kind ("e", "and").
    pub conjunctions: WordSet,
    pub nationalities: Phrases<String>,
    /// Country names and aliases → ISO code.
    pub countries: Phrases<String>,
    /// ISO code → the display name in this language.
    pub country_names: WordMap<String>,
    pub places: Phrases<String>,
    /// Organization names as written (case-sensitive) → id.
    pub organizations: WordMap<String>,
    pub first_names: WordSet,
    /// The language's first names and the shared list (data/common/first_names.txt): only
    /// for names of two words or more.
    pub given_names: WordSet,
    /// Given names, with `f` (a woman's) or `m` (a man's) when the shared list says.
    pub name_genders: WordMap<Option<char>>,
    /// Range openers → the words that close them ("tra" → ["e"]).
    pub ranges: WordMap<Vec<String>>,
    /// Words after a number that make it a percentage → "%" or "pp".
    pub percent: Phrases<String>,
    pub clause_words: Phrases<()>,
    /// Words that build a spelled or signed number ("and", "a", "half", "minus").
    pub number_parts: Phrases<NumberPart>,
    /// ISO 4217 codes, upper case, valid only as written so ("EUR 20", "42SAR").
    pub currency_codes: WordSet,
    /// Words that shape what a number is about, by role (`link`, `skip`, `to`).
    pub about_words: WordMap<Vec<String>>,
    /// Speech phrases after which the source is named ("according to X", "secondo X"): the
    /// entries of `speech_verbs.txt` marked `>`.
    pub source_after: Phrases<()>,
    /// Subject pronouns → `m`, `f`, `n` (neuter) or `p` (plural).
    pub pronouns: WordMap<char>,
    pub meeting_words: Phrases<MeetingWord>,
    pub meeting_links: Phrases<Link>,
    pub agreement_words: Phrases<AgreementWord>,
    pub sign_verbs: Phrases<SignVerb>,
    /// The title of an acquisition before the name of the one bought ("acquisition of"): the
    /// `acquisition` row of `agreement_words.txt`, as written.
    pub acquisition_title: Option<String>,
    /// The title of taking a person on under contract before their name ("signing of"): the
    /// `hire` row of `agreement_words.txt`, as written.
    pub hire_title: Option<String>,
    /// Words that tell whether an encounter or a signing took place (`modality.txt`).
    pub modality: Phrases<Modality>,
    /// Endings of a verb that make it future or conditional ("incontrerà", "rencontrerait").
    pub modality_endings: Vec<(String, Modality)>,
    /// The compiled lists, for lookups by word number.
    pub(crate) store: &'static Store,
    /// How number words and scales start and end: see [`Lexicon::may_be_compound_number`].
    number_edges: NumberEdges,
    /// The lists a phrase that opens a number may be in (see [`Lexicon::may_open_number`]).
    number_openers: u64,
    /// The lists a word that opens a mention may be in (see [`Lexicon::may_open_mention`]).
    mention_openers: u64,
}

/// Every distinct key the process has read, numbered once, with what is known of it: its
/// detection profile, and per lexicon its number in the vocabulary and its stem's number. A
/// document looks each of its words up here once (one hash of its key, one probe of one table)
/// instead of once in the shared profiles, once in its language's vocabulary and once in a cache
/// of stems. Kept up to [`WORDS_KEPT`] keys, then forgotten all at once when no document reads
/// it ([`WordsReader`]).
#[derive(Default)]
pub(crate) struct Words {
    index: KeyIndex,
    /// Per entry, its key and what is known of it, side by side: the table outgrows the caches,
    /// and a word's lookups then read one cache line.
    entries: Vec<Entry>,
    /// Per lexicon asked about (by its store's tag), in the order asked: the first
    /// [`LANGS_INLINE`] keep their numbers in [`Entry::langs`], later ones in `slots`.
    langs: Vec<LangWords>,
    /// How many documents hold entry numbers now: the table is forgotten only when none does.
    readers: usize,
}

/// How many lexicons keep their numbers of an entry in the entry itself.
const LANGS_INLINE: usize = 3;

/// An entry of [`Words`]: 64 bytes, one cache line.
#[repr(align(64))]
struct Entry {
    key: crate::token::Key,
    /// Its detection profile ([`profiles`]), [`UNKNOWN_PROFILE`] until asked.
    profile: u64,
    /// Per lexicon among the first [`LANGS_INLINE`] asked: its word and stem numbers (see
    /// [`LangWords`]).
    langs: [(u32, u32); LANGS_INLINE],
}

/// The entries of [`Words`] by their keys: open addressing over 8-byte slots (32 bits of the key's
/// hash, the entry), so that the table a lookup probes stays small enough for the cache; the key
/// itself is compared only when those 32 bits match.
#[derive(Default)]
struct KeyIndex {
    /// `(hash bits << 32) | (entry + 1)`, 0 when empty. A power of two long, at most half full.
    slots: Vec<u64>,
    len: usize,
}

/// Where [`KeyIndex::find`] found no entry: the slot to fill, and the key's hash bits.
struct Vacant {
    slot: usize,
    tag: u32,
}

impl KeyIndex {
    /// 32 bits of the key's hash: the high half of a 64-bit hash, or the whole hash where the
    /// hasher's word is 32 bits (wasm32: the high half is zero there, and every key would probe
    /// from slot 0).
    #[inline]
    fn tag(key: &str) -> u32 {
        use std::hash::BuildHasher;
        let h = rustc_hash::FxBuildHasher.hash_one(key);
        if usize::BITS == 32 {
            h as u32
        } else {
            (h >> 32) as u32
        }
    }

    /// The first slot to probe for a tag: its high bits.
    #[inline]
    fn home(&self, tag: u32) -> usize {
        let bits = self.slots.len().trailing_zeros();
        (u64::from(tag) << 32 >> (64 - bits)) as usize
    }

    /// Reads the home slot of a key and, when its hash bits match, `read` of the entry there
    /// (see [`Words::entries`]).
    #[inline]
    fn peek(&self, key: &str, read: impl Fn(u32) -> u64) -> u64 {
        if self.slots.is_empty() {
            return 0;
        }
        let tag = Self::tag(key);
        let s = self.slots[self.home(tag)];
        match s != 0 && (s >> 32) as u32 == tag {
            true => read(s as u32 - 1),
            false => s,
        }
    }

    /// The entry of a key (`same` tells whether an entry's key is it), or where it goes.
    #[inline]
    fn find(&mut self, key: &str, same: impl Fn(u32) -> bool) -> Result<u32, Vacant> {
        if self.slots.is_empty() {
            self.slots = vec![0; 1 << 12];
        }
        let tag = Self::tag(key);
        let mask = self.slots.len() - 1;
        let mut at = self.home(tag);
        loop {
            let s = self.slots[at];
            if s == 0 {
                return Err(Vacant { slot: at, tag });
            }
            if (s >> 32) as u32 == tag && same(s as u32 - 1) {
                return Ok(s as u32 - 1);
            }
            at = (at + 1) & mask;
        }
    }

    /// Fills the slot [`KeyIndex::find`] gave with a new entry.
    fn insert(&mut self, vacant: Vacant, e: u32) {
        self.slots[vacant.slot] = u64::from(vacant.tag) << 32 | u64::from(e + 1);
        self.len += 1;
        if self.len * 2 > self.slots.len() {
            let grown = vec![0; self.slots.len() * 2];
            let old = std::mem::replace(&mut self.slots, grown);
            let mask = self.slots.len() - 1;
            for s in old.into_iter().filter(|&s| s != 0) {
                let mut at = self.home((s >> 32) as u32);
                while self.slots[at] != 0 {
                    at = (at + 1) & mask;
                }
                self.slots[at] = s;
            }
        }
    }
}

/// A lexicon's knowledge of the entries of [`Words`].
struct LangWords {
    tag: u16,
    /// Per entry (for a lexicon past the first [`LANGS_INLINE`]; theirs are in the entries): (its
    /// vocabulary number, [`NONE`] when no list has it; its stem's number: the stem's own entry),
    /// each [`UNKNOWN`] until asked.
    slots: Vec<(u32, u32)>,
}

const UNKNOWN: u32 = u32::MAX;
const NONE: u32 = u32::MAX - 1;
const UNKNOWN_PROFILE: u64 = u64::MAX;

/// How many keys [`Words`] remembers before it starts over (a few MB at most).
pub const WORDS_KEPT: usize = 50_000;

static WORDS: Mutex<Option<Words>> = Mutex::new(None);

fn words_table() -> std::sync::MutexGuard<'static, Option<Words>> {
    WORDS.lock().unwrap_or_else(|e| e.into_inner())
}

impl Words {
    fn forget_if_full(&mut self) {
        if self.readers == 0 && self.entries.len() >= WORDS_KEPT {
            *self = Words::default();
        }
    }

    /// The entry of a key, a new one when it has none yet.
    #[inline]
    pub(crate) fn entry(&mut self, key: &crate::token::Key) -> u32 {
        let entries = &self.entries;
        match self.index.find(key, |e| entries[e as usize].key == *key) {
            Ok(e) => e,
            Err(vacant) => {
                let e = self.entries.len() as u32;
                self.index.insert(vacant, e);
                if self.entries.capacity() == 0 && cfg!(not(target_arch = "wasm32")) {
                    // Room for every key the table keeps, reserved once: its pages are touched
                    // only as it fills, and no growth copies (and touches) it again.
                    self.entries.reserve_exact(WORDS_KEPT + 1);
                }
                self.entries.push(Entry {
                    key: crate::token::Key::from(key.as_str()),
                    profile: UNKNOWN_PROFILE,
                    langs: [(UNKNOWN, UNKNOWN); LANGS_INLINE],
                });
                e
            }
        }
    }

    /// [`Words::entry`] of each key. The table outgrows the caches: first every key's home slot
    /// and the entry it names are read in a loop whose memory loads do not wait for one another,
    /// so that they overlap; the lookups after find them in the cache.
    pub(crate) fn entries<'k>(
        &mut self,
        keys: impl Iterator<Item = &'k crate::token::Key> + Clone,
    ) -> Vec<u32> {
        let mut seen = 0u64;
        for key in keys.clone() {
            seen ^= self.index.peek(key, |e| {
                self.entries
                    .get(e as usize)
                    .map_or(0, |x| x.key.len() as u64)
            });
        }
        std::hint::black_box(seen);
        keys.map(|key| self.entry(key)).collect()
    }

    /// The detection profile of an entry whose key is `key` (see [`profiles`]).
    #[inline]
    pub(crate) fn profiles(&mut self, e: u32, key: &str) -> u64 {
        let p = &mut self.entries[e as usize].profile;
        if *p == UNKNOWN_PROFILE {
            *p = profiles(key);
        }
        *p
    }

    /// Which of `langs` holds a lexicon's knowledge: a number for [`Words::word`] and
    /// [`Words::stem`].
    pub(crate) fn lang(&mut self, lex: &Lexicon) -> usize {
        let tag = lex.store.tag;
        match self.langs.iter().position(|l| l.tag == tag) {
            Some(l) => l,
            None => {
                self.langs.push(LangWords {
                    tag,
                    slots: Vec::new(),
                });
                self.langs.len() - 1
            }
        }
    }

    #[inline]
    fn slot(&mut self, l: usize, e: u32) -> &mut (u32, u32) {
        if l < LANGS_INLINE {
            return &mut self.entries[e as usize].langs[l];
        }
        let slots = &mut self.langs[l].slots;
        if slots.len() <= e as usize {
            slots.resize(self.entries.len().max(e as usize + 1), (UNKNOWN, UNKNOWN));
        }
        &mut slots[e as usize]
    }

    /// The vocabulary number in `lex` (whose place in `langs` is `l`) of entry `e`, whose key
    /// is `key`: [`Lexicon::word`], looked up once.
    #[inline]
    pub(crate) fn word(&mut self, l: usize, lex: &Lexicon, e: u32, key: &str) -> Option<WordId> {
        let slot = self.slot(l, e);
        if slot.0 == UNKNOWN {
            slot.0 = lex.word(key).unwrap_or(NONE);
        }
        (slot.0 != NONE).then_some(slot.0)
    }

    /// The stem number in `lex` (whose place in `langs` is `l`) of entry `e`, whose key is
    /// `key`: see [`Lexicon::stem_number`]. A word is stemmed once.
    pub(crate) fn stem(&mut self, l: usize, lex: &Lexicon, e: u32, key: &str) -> u32 {
        let n = self.slot(l, e).1;
        if n != UNKNOWN {
            return n;
        }
        // A stem's number is its own entry: equal stems, equal numbers, and no other table.
        let trimmed = key.trim_end_matches('\'');
        let n = match lex.stemmer {
            None if trimmed.len() == key.len() => e,
            None => self.entry(&crate::token::Key::from(trimmed)),
            Some(stemmer) => self.entry(&crate::token::Key::from(stemmer(trimmed).as_str())),
        };
        self.slot(l, e).1 = n;
        n
    }
}

/// A document reading [`Words`]: while it lives, entry and stem numbers keep their meaning.
pub struct WordsReader(());

impl WordsReader {
    pub fn new() -> WordsReader {
        let mut table = words_table();
        let words = table.get_or_insert_with(Words::default);
        words.forget_if_full();
        words.readers += 1;
        WordsReader(())
    }

    /// The table, locked.
    pub(crate) fn words(&self) -> WordsLock {
        WordsLock(words_table())
    }
}

impl Default for WordsReader {
    fn default() -> WordsReader {
        WordsReader::new()
    }
}

impl Drop for WordsReader {
    fn drop(&mut self) {
        if let Some(words) = words_table().as_mut() {
            words.readers -= 1;
            words.forget_if_full();
        }
    }
}

/// [`Words`], locked (while a [`WordsReader`] lives, so that it exists).
pub(crate) struct WordsLock(std::sync::MutexGuard<'static, Option<Words>>);

impl std::ops::Deref for WordsLock {
    type Target = Words;
    fn deref(&self) -> &Words {
        self.0.as_ref().expect("a reader keeps the table")
    }
}

impl std::ops::DerefMut for WordsLock {
    fn deref_mut(&mut self) -> &mut Words {
        self.0.as_mut().expect("a reader keeps the table")
    }
}

/// The first column of a value, as a string.
fn first(v: &[&str]) -> String {
    v.first().map_or_else(String::new, |s| s.to_string())
}

fn number(v: &[&str], i: usize) -> f64 {
    v.get(i)
        .and_then(|s| crate::decimal::parse(s))
        .unwrap_or(0.0)
}

/// The one-word number words and scales of a language, seen from both ends.
struct NumberEdges {
    /// The first three characters (or fewer) of each, and of those ending in a vowel without it.
    starts: HashSet<&'static str>,
    /// The first bytes of `starts`: most words start with none of them.
    first_bytes: [bool; 256],
    /// Each of them, and their lengths in bytes.
    words: HashSet<&'static str>,
    lengths: Vec<usize>,
}

impl NumberEdges {
    fn new(store: &'static Store) -> NumberEdges {
        let mut edges = NumberEdges {
            starts: HashSet::default(),
            first_bytes: [false; 256],
            words: HashSet::default(),
            lengths: Vec::new(),
        };
        for list in [List::NumberWords, List::Scales] {
            for e in store.keys(list as u16) {
                let stripped = e
                    .strip_suffix(['o', 'a', 'e', 'i'])
                    .filter(|s| !s.is_empty())
                    .unwrap_or(e);
                let cut = stripped
                    .char_indices()
                    .nth(3)
                    .map_or(stripped.len(), |(i, _)| i);
                edges.starts.insert(&stripped[..cut]);
                if let Some(&b) = stripped.as_bytes().first() {
                    edges.first_bytes[b as usize] = true;
                }
                edges.words.insert(e);
                if !edges.lengths.contains(&e.len()) {
                    edges.lengths.push(e.len());
                }
            }
        }
        edges
    }
}

impl Lexicon {
    /// Reads a language's file, with the image of its tables when it is built in (`&[]`: none).
    fn read(bytes: &'static [u8], image: &'static [u8]) -> Result<Lexicon, store::Damage> {
        let store: &'static Store = Box::leak(Box::new(Store::read_built(bytes, image)?));
        let d = store.description.clone().ok_or("not a language file")?;
        Ok(Lexicon::of(store, d))
    }

    /// The lexicon of a store and the language it describes.
    fn of(store: &'static Store, d: store::Description) -> Lexicon {
        let set = |list| WordSet::new(store, list);
        Lexicon {
            code: d.code,
            name: d.name,
            decimal_mark: d.decimal_mark,
            modifier_first: d.modifier_first,
            stemmer: generated::stemmer(d.stemmer),
            nouns_capitalized: d.nouns_capitalized,
            verb_final: d.verb_final,
            ordinal_period: d.ordinal_period,
            stopwords: set(List::Stopwords),
            abbreviations: set(List::Abbreviations),
            number_words: Phrases::new(store, List::NumberWords, |v| NumberWord {
                value: number(v, 0),
                approximate: v.get(1) == Some(&"~"),
            }),
            scales: Phrases::new(store, List::Scales, |v| number(v, 0)),
            currencies: Phrases::new(store, List::Currencies, first),
            units: Phrases::new(store, List::Units, first),
            qualifiers: Phrases::new(store, List::Qualifiers, first),
            group_words: Phrases::new(store, List::GroupWords, |v| match v.first().copied() {
                Some("country") => GroupWord::Sides,
                Some("company") => GroupWord::Companies,
                Some("both") => GroupWord::Both,
                Some("body") => GroupWord::Body,
                _ => GroupWord::People,
            }),
            months: Phrases::new(store, List::Months, |v| number(v, 0) as u8),
            weekdays: Phrases::new(store, List::Weekdays, |v| number(v, 0) as u8),
            speech_verbs: Phrases::new(store, List::SpeechVerbs, |_| ()),
            speech_aux: Phrases::new(store, List::SpeechAux, |_| ()),
            speech_participles: set(List::SpeechParticiples),
            titles: Phrases::new(store, List::Titles, |_| ()),
            portfolio_titles: set(List::PortfolioTitles),
            generic_titles: set(List::GenericTitles),
            particles: set(List::Particles),
            org_particles: set(List::OrgParticles),
            family_particles: set(List::FamilyParticles),
            org_cues: set(List::OrgCues),
            org_kinds: set(List::OrgKinds),
            person_nouns: set(List::PersonNouns),
            not_names: set(List::NotNames),
            thing_nouns: set(List::ThingNouns),
            led_by: set(List::LedBy),
            event_cues: set(List::EventCues),
            place_of: set(List::PlaceOf),
            adjective_endings: store
                .keys(List::AdjectiveEndings as u16)
                .map(str::to_string)
                .collect(),
            place_cues: set(List::PlaceCues),
            locatives: set(List::Locatives),
            adjectives: set(List::Adjectives),
            team_words: Phrases::new(store, List::TeamWords, |v| v.first() == Some(&"before")),
            articles: set(List::Articles),
            place_prefixes: set(List::PlacePrefixes),
            place_suffixes: set(List::PlaceSuffixes),
            institutions: Phrases::new(store, List::Institutions, |_| ()),
            conjunctions: set(List::Conjunctions),
            nationalities: Phrases::new(store, List::Nationalities, first),
            countries: Phrases::new(store, List::Countries, first),
            country_names: WordMap::new(store, List::CountryNames, first),
            places: Phrases::new(store, List::Places, first),
            organizations: WordMap::new(store, List::Organizations, first),
            first_names: set(List::FirstNames),
            given_names: set(List::GivenNames),
            name_genders: WordMap::new(store, List::GivenNames, |v| {
                v.first().and_then(|g| g.chars().next())
            }),
            ranges: WordMap::new(store, List::Ranges, |v| {
                v.iter().map(|s| s.to_string()).collect()
            }),
            percent: Phrases::new(store, List::Percent, first),
            clause_words: Phrases::new(store, List::ClauseWords, |_| ()),
            number_parts: Phrases::new(store, List::NumberParts, |v| match v.first() {
                Some(&"join") => NumberPart::Join,
                Some(&"article") => NumberPart::Article,
                Some(&"minus") => NumberPart::Minus,
                _ => NumberPart::Fraction(number(v, 1)),
            }),
            currency_codes: set(List::CurrencyCodes),
            about_words: WordMap::new(store, List::AboutWords, |v| {
                v.iter().map(|s| s.to_string()).collect()
            }),
            source_after: Phrases::new(store, List::SourceAfter, |_| ()),
            pronouns: WordMap::new(store, List::Pronouns, |v| {
                v.first().and_then(|s| s.chars().next()).unwrap_or('n')
            }),
            meeting_words: Phrases::new(store, List::MeetingWords, |v| {
                let kind = |k| MeetingWord {
                    kind: k,
                    needs_object: v.get(1) == Some(&"+"),
                    ignore: false,
                    attend: false,
                    event: false,
                };
                match v.first().copied().unwrap_or("-") {
                    "summit" => kind(MeetingType::Summit),
                    "talks" => kind(MeetingType::Talks),
                    "visit" => kind(MeetingType::Visit),
                    "call" => kind(MeetingType::Call),
                    "meeting" => kind(MeetingType::Meeting),
                    other => MeetingWord {
                        kind: MeetingType::Meeting,
                        needs_object: false,
                        ignore: other == "-",
                        attend: other == "attend",
                        event: other == "event",
                    },
                }
            }),
            meeting_links: Phrases::new(store, List::MeetingLinks, |v| {
                match v.first().copied().unwrap_or("") {
                    "with" => Link::With,
                    "between" => Link::Between,
                    "and" => Link::And,
                    "of" => Link::Of,
                    "at" => Link::At,
                    "capital" => Link::Capital,
                    "he" => Link::Pronoun,
                    "by" => Link::By,
                    "on" => Link::On,
                    "aside" => Link::Aside,
                    _ => Link::Including,
                }
            }),
            agreement_words: Phrases::new(store, List::AgreementWords, |v| {
                match v.first().copied().unwrap_or("") {
                    "instrument" => AgreementWord::Instrument(false),
                    "instruments" => AgreementWord::Instrument(true),
                    "topics" => AgreementWord::Topics,
                    "sep" => AgreementWord::Sep,
                    "purpose" => AgreementWord::Purpose,
                    "offer" => AgreementWord::Offer,
                    "pending" => AgreementWord::Pending,
                    _ => AgreementWord::Not,
                }
            }),
            sign_verbs: Phrases::new(store, List::SignVerbs, |v| match v.first() {
                Some(&"sign") => SignVerb::Sign,
                Some(&"acquire") => SignVerb::Acquire,
                Some(&"hire") => SignVerb::Hire,
                Some(&"announce") => SignVerb::Announce,
                Some(&"accept") => SignVerb::Accept,
                _ => SignVerb::Agree,
            }),
            acquisition_title: WordMap::new(store, List::AcquisitionTitle, first)
                .get("title")
                .cloned(),
            hire_title: WordMap::new(store, List::AcquisitionTitle, first)
                .get("hire")
                .cloned(),
            modality: Phrases::new(store, List::Modality, |v| modality(v.first())),
            modality_endings: {
                let endings = WordMap::new(store, List::ModalityEndings, |v| modality(v.first()));
                store
                    .keys(List::ModalityEndings as u16)
                    .filter_map(|k| Some((k.to_string(), *endings.get(k)?)))
                    .collect()
            },
            number_edges: NumberEdges::new(store),
            number_openers: store::lists_mask(&[
                List::NumberWords as u16,
                List::NumberParts as u16,
                List::Qualifiers as u16,
                List::Ranges as u16,
                List::Currencies as u16,
            ]),
            mention_openers: store::lists_mask(&[
                List::Pronouns as u16,
                List::NumberWords as u16,
                List::GroupWords as u16,
                List::Nationalities as u16,
                List::Titles as u16,
                List::PersonNouns as u16,
            ]),
            store,
        }
    }

    /// Can a word be a number written as one word from number words and scales
    /// ("trecentotrentuno", "zweihundertfünfzig")? `false` when it does not start like any of them
    /// (a vowel may drop where two parts meet: "vent" of "venti") or does not end with one: a
    /// cheap test before cutting a word into parts.
    #[inline]
    pub fn may_be_compound_number(&self, word: &str) -> bool {
        let edges = &self.number_edges;
        self.may_start_like_number_word(word)
            && edges.lengths.iter().any(|&n| {
                n <= word.len()
                    && word.is_char_boundary(word.len() - n)
                    && edges.words.contains(&word[word.len() - n..])
            })
    }

    /// Does a word start as a one-word number word or scale does (its first one to three
    /// characters)? `false`: no number word or scale is a prefix of it.
    #[inline]
    pub fn may_start_like_number_word(&self, word: &str) -> bool {
        let edges = &self.number_edges;
        if !word
            .as_bytes()
            .first()
            .is_some_and(|&b| edges.first_bytes[b as usize])
        {
            return false;
        }
        let mut ends = word
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .chain([word.len()]);
        (0..3).any(|_| {
            ends.next()
                .is_some_and(|e| edges.starts.contains(&word[..e]))
        })
    }

    /// May a word (by its number) open a phrase of the lists a number's reading starts with: a
    /// number word, a part of one, a qualifier, a range word or a currency? `false`: none
    /// of them has an entry that starts with it.
    #[inline]
    pub fn may_open_number(&self, w: Option<WordId>) -> bool {
        self.store.may_start_any(w, self.number_openers)
    }

    /// May a word (by its number) open a mention: a pronoun, a number word or a group word
    /// ("the two countries", "both sides"), a nationality, a title or a person noun? `false`:
    /// no entry of those lists starts with it.
    #[inline]
    pub fn may_open_mention(&self, w: Option<WordId>) -> bool {
        self.store.may_start_any(w, self.mention_openers)
    }

    /// The number of the stem of a key (its final apostrophe dropped): the language's Snowball
    /// stemmer's, or the key itself when the language has none. Equal stems have equal numbers
    /// while `reader` lives. Stems are remembered across texts (see [`Words`]): a word is
    /// stemmed once.
    pub fn stem_number(&self, reader: &WordsReader, key: &str) -> u32 {
        let mut words = reader.words();
        let e = words.entry(&crate::token::Key::from(key));
        let l = words.lang(self);
        words.stem(l, self, e, key)
    }

    pub fn is_stopword<K: Lookup + ?Sized>(&self, key: &K) -> bool {
        self.stopwords.contains(key)
    }

    /// Is the word an article that counts one ("a", "un", "ein"): a number part of kind article?
    pub fn is_indefinite<K: Lookup + ?Sized>(&self, key: &K) -> bool {
        matches!(
            self.number_parts.longest(&[key]),
            Some((1, NumberPart::Article))
        )
    }

    /// Is the word a title or a noun for a person ("minister", "Außenminister", "homologue")?
    pub fn is_role<K: Lookup + ?Sized>(&self, key: &K) -> bool {
        self.titles.contains_key(key) || self.person_nouns.contains(key)
    }

    /// Does `about_words.txt` give the word this role ("link", "article", "skip", "to")?
    pub fn about_role<K: Lookup + ?Sized>(&self, key: &K, role: &str) -> bool {
        self.about_words
            .get(key)
            .is_some_and(|roles| roles.iter().any(|x| x == role))
    }

    /// The display name of a country in this language, from its ISO code.
    pub fn country_name(&self, iso: &str) -> String {
        self.country_names
            .get(iso)
            .cloned()
            .unwrap_or_else(|| iso.to_string())
    }

    /// The number of a key in this language's vocabulary: [`WordSet::has`] and
    /// [`Phrases::longest_ids`] take it, so a word is hashed once however many lists read it.
    #[inline]
    pub fn word<K: Lookup + ?Sized>(&self, key: &K) -> Option<WordId> {
        self.store.word(key)
    }

    /// Records in a token's key its number in this language's vocabulary.
    pub fn number_key(&self, key: &mut crate::token::Key, number: Option<WordId>) {
        key.set_number(self.store.tag, number);
    }
}

/// The languages read so far (built in, or loaded), each once for the life of the program.
static LOADED: Mutex<Vec<&'static Lexicon>> = Mutex::new(Vec::new());

fn loaded() -> std::sync::MutexGuard<'static, Vec<&'static Lexicon>> {
    LOADED.lock().unwrap_or_else(|e| e.into_inner())
}

/// The lexicon of a language: built in (read on first use), or loaded with [`load`]. `None` for
/// a language factcards does not know, or whose file has not been loaded (web build).
pub fn lexicon(code: &str) -> Option<&'static Lexicon> {
    let mut all = loaded();
    if let Some(l) = all.iter().find(|l| l.code == code) {
        return Some(l);
    }
    let (bytes, image) = generated::builtin(code)?;
    let lex: &'static Lexicon = Box::leak(Box::new(Lexicon::read(bytes, image).ok()?));
    all.push(lex);
    Some(lex)
}

/// Is a language known: listed in the core, or loaded?
pub fn is_supported(code: &str) -> bool {
    supported(code).is_some()
}

/// A known language's code, as a static string.
pub fn supported(code: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|c| **c == code)
        .copied()
        .or_else(|| loaded().iter().find(|l| l.code == code).map(|l| l.code))
}

/// A lexicon with empty lists, for a language whose file is not loaded: a text in it is read
/// with no knowledge of the language rather than not at all.
pub(crate) fn unloaded(code: &'static str) -> &'static Lexicon {
    static EMPTY: Mutex<Vec<&'static Lexicon>> = Mutex::new(Vec::new());
    let mut all = EMPTY.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(l) = all.iter().find(|l| l.code == code) {
        return l;
    }
    let description = store::Description {
        code,
        name: code,
        order: u32::MAX,
        decimal_mark: '.',
        modifier_first: false,
        nouns_capitalized: false,
        verb_final: false,
        ordinal_period: false,
        fallback: false,
        stemmer: "none",
    };
    let store: &'static Store = Box::leak(Box::new(Store::empty()));
    let lex: &'static Lexicon = Box::leak(Box::new(Lexicon::of(store, description)));
    all.push(lex);
    lex
}

/// Is a language's data at hand (built in or loaded)?
pub fn is_ready(code: &str) -> bool {
    generated::builtin(code).is_some() || loaded().iter().any(|l| l.code == code)
}

/// Loads a language file (`factcards-<lang>.bin`, as `build.rs` writes it) and returns its
/// language code. Loading a language twice keeps the first.
pub fn load(bytes: Vec<u8>) -> Result<&'static str, Error> {
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let lex = Lexicon::read(bytes, &[]).map_err(Error::bad_language_file)?;
    let mut all = loaded();
    if let Some(l) = all.iter().find(|l| l.code == lex.code) {
        return Ok(l.code);
    }
    let lex: &'static Lexicon = Box::leak(Box::new(lex));
    all.push(lex);
    Ok(lex.code)
}

/// The languages that are not built into the core but were loaded (their profiles come from
/// their own stopwords).
pub(crate) fn extra_languages() -> Vec<&'static Lexicon> {
    loaded()
        .iter()
        .copied()
        .filter(|l| !LANGUAGES.contains(&l.code))
        .collect()
}

/// What every language shares: detection profiles, page chrome, organization cues.
fn core() -> &'static Store {
    static CORE: OnceLock<Store> = OnceLock::new();
    // Compiled in by build.rs from the same data: reading it cannot fail but for a bug.
    CORE.get_or_init(|| Store::read(generated::CORE).unwrap_or_else(|_| Store::empty()))
}

/// The entries of a list of the shared file (see [`lists::shared`]), as word keys joined by
/// spaces: page chrome by kind.
pub(crate) fn shared_list(list: u16) -> impl Iterator<Item = &'static str> {
    core().keys(list)
}

/// Is a word a given name in some language at hand (a byline's "By Anna Lind")?
pub(crate) fn any_given_name(key: &str) -> bool {
    LANGUAGES
        .iter()
        .filter(|c| is_ready(c))
        .filter_map(|c| lexicon(c))
        .any(|l| l.given_names.contains(key))
}

/// Is a word an organization cue in any language? Inside a capitalized name a foreign cue is a
/// cue too: Italian news write "Sony Interactive Entertainment", English ones "Banca d'Italia".
pub fn any_org_cue(key: &str) -> bool {
    let store = &core();
    store
        .word(key)
        .is_some_and(|w| store.value(w, lists::shared::ORG_CUES).is_some())
}

/// Is a word an English stopword? English titles quoted in other languages' news are written in
/// title case ("Passengers And Crew Safe"): their small words tell them from names.
pub fn english_stopword(key: &str) -> bool {
    LANGUAGES
        .iter()
        .position(|c| *c == "en")
        .is_some_and(|i| profiles(key) & (1 << i) != 0)
}

/// A bit per hash of the words of the detection profiles: most words of a text are in none, and
/// a clear bit says so without a look into the shared vocabulary (a large table, mostly out of
/// the cache).
struct ProfileFilter {
    bits: Vec<u64>,
}

impl ProfileFilter {
    const BITS: u32 = 16;

    fn get() -> &'static ProfileFilter {
        static FILTER: OnceLock<ProfileFilter> = OnceLock::new();
        FILTER.get_or_init(|| {
            let mut filter = ProfileFilter {
                bits: vec![0; 1 << (Self::BITS - 6)],
            };
            let store = core();
            for i in 0..LANGUAGES.len().min(64) {
                for key in store.keys(lists::shared::PROFILES + i as u16) {
                    let b = Self::bit(key);
                    filter.bits[b >> 6] |= 1 << (b & 63);
                }
            }
            filter
        })
    }

    #[inline]
    fn bit(key: &str) -> usize {
        use std::hash::BuildHasher;
        (rustc_hash::FxBuildHasher.hash_one(key) >> (64 - Self::BITS)) as usize
    }

    /// `false`: no profile has the word.
    #[inline]
    fn may_hold(&self, key: &str) -> bool {
        let b = Self::bit(key);
        self.bits[b >> 6] >> (b & 63) & 1 != 0
    }
}

/// In which languages' stopword lists a word is: bit `i` for `LANGUAGES[i]` (the detection
/// profiles, read from the core: detecting a language must not need its file).
pub fn profiles(key: &str) -> u64 {
    if !ProfileFilter::get().may_hold(key) {
        return 0;
    }
    let store = &core();
    let Some(w) = store.word(key) else { return 0 };
    let mut mask = 0u64;
    for i in 0..LANGUAGES.len().min(64) {
        if store.value(w, lists::shared::PROFILES + i as u16).is_some() {
            mask |= 1 << i;
        }
    }
    mask
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
    fn equal_stems_have_equal_numbers() {
        let en = lexicon("en").unwrap();
        let reader = WordsReader::new();
        let run = en.stem_number(&reader, "running");
        assert_eq!(run, en.stem_number(&reader, "runs"));
        assert_eq!(run, en.stem_number(&reader, "run'"));
        assert_ne!(run, en.stem_number(&reader, "walked"));
    }

    #[test]
    fn phrases_match_longest_first() {
        let it = lexicon("it").unwrap();
        // "oltre" alone and "oltre il" are both qualifiers; "più" only with more after it.
        assert_eq!(
            it.qualifiers.longest(&["oltre", "il", "50"]).map(|x| x.0),
            Some(2)
        );
        assert_eq!(
            it.qualifiers.longest(&["oltre", "50"]).map(|x| x.0),
            Some(1)
        );
        assert_eq!(it.qualifiers.longest(&["più", "50"]), None);
        assert_eq!(it.qualifiers.longest(&["più", "di"]).map(|x| x.0), Some(2));
        let ids: Vec<_> = ["oltre", "il", "50"].iter().map(|k| it.word(k)).collect();
        assert_eq!(
            it.qualifiers.longest_ids(ids.iter().copied()).map(|x| x.0),
            Some(2)
        );
    }

    /// A new folder is a new language: the fixture `tests/fixtures/language/xx` ("Testish"), compiled
    /// as build.rs compiles `data/<lang>/`, loaded as the web build loads a file, is detected,
    /// analysed with its own words and labelled in the widget, with no line of code about it.
    #[test]
    fn a_new_folder_is_a_new_language() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = root.join("tests/fixtures/language/xx");
        let d = compile::Description::read(&dir).unwrap();
        // Packed, as the web build's files are.
        let bytes = compile::language(&dir, &root.join("data/common"), &d)
            .unwrap()
            .packed();
        let text = "Kaz miv voq nuq tav zuk sij nez lom, kaz ministro Oskar Valen lom sij nez.\n\n\
            \u{201C}Kaz lom tav voq nuq zuk\u{201D}, dikis Oskar Valen kaz miv nez lom sij majo. \
            Kaz miv nez lom tri milo dolaro sij voq nuq tav zuk.";
        let analyzer = crate::Analyzer::builder().language("xx");
        if lexicon("xx").is_none() {
            assert!(
                analyzer.clone().build().is_err(),
                "unknown before its file is loaded"
            );
        }
        assert_eq!(load(bytes).unwrap(), "xx");
        assert!(is_supported("xx") && is_ready("xx"));
        let a = crate::Analyzer::default().analyze(text);
        assert_eq!(a.language, "xx", "detected from its stopwords");
        let forced = analyzer.build().unwrap().analyze(text);
        assert_eq!(forced.language, "xx");
        let lex = lexicon("xx").unwrap();
        assert_eq!(
            (lex.name, lex.decimal_mark, lex.stemmer.is_none()),
            ("Testish", '.', true)
        );
        use crate::analysis::Fact;
        assert!(
            forced.facts.iter().any(|f| matches!(f, Fact::Number(n)
                if n.value == 3_000_000.0 && n.unit.as_deref() == Some("USD"))),
            "tri milo dolaro: {:?}",
            forced.facts
        );
        assert!(
            forced.facts.iter().any(|f| matches!(f, Fact::Quote(_))),
            "a quote with dikis"
        );
        // The widget's labels come from the same folder.
        let en = compile::Description::read(&root.join("data/en")).unwrap();
        let files = compile::files_js(&[en.clone(), d.clone()]);
        assert!(
            files.contains("export const LANGUAGES = [\"en\", \"xx\"]"),
            "{files}"
        );
        let js = compile::labels_js(&[en, d]);
        assert!(js.contains("\"cards\": \"Testish Fact cards\""), "{js}");
    }

    /// The labels the widget ships (`factcards-labels.js`, from build.rs) are those of every
    /// language folder, and each labels everything English does.
    #[test]
    fn the_widget_labels_every_language() {
        let js = include_str!(concat!(env!("OUT_DIR"), "/factcards-labels.js"));
        for code in LANGUAGES {
            assert!(
                js.contains(&format!("  \"{code}\": {{")),
                "{code} in factcards-labels.js"
            );
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let all = compile::languages(&root).unwrap();
        assert_eq!(
            all.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(),
            LANGUAGES
        );
        assert_eq!(compile::labels_js(&all), js);
    }

    #[test]
    fn a_damaged_file_is_an_error() {
        let good = generated::builtin("it").unwrap().0.to_vec();
        for cut in [0, 3, 8, 20, good.len() / 2, good.len() - 1] {
            assert!(load(good[..cut].to_vec()).is_err(), "cut at {cut}");
        }
        let mut other = good.clone();
        other[5] ^= 0xff; // the fingerprint
        assert!(load(other).is_err());
    }

    #[test]
    fn a_built_in_image_reads_as_its_file() {
        for code in LANGUAGES {
            let (bytes, image) = generated::builtin(code).unwrap();
            let built = Store::read_built(bytes, image).unwrap();
            let read = Store::read(bytes).unwrap();
            assert!(built.uses_image() && !read.uses_image(), "{code}");
            let lists = (0..64u16).filter(|&l| read.size(l) > 0).collect::<Vec<_>>();
            for l in &lists {
                assert_eq!(built.size(*l), read.size(*l), "{code}");
                assert_eq!(built.values(*l).len(), read.values(*l).len(), "{code}");
            }
            for w in 0..read.words() as u32 {
                let key = read.key(w);
                assert_eq!(built.key(w), key, "{code}");
                assert_eq!(built.word(key), read.word(key), "{code} {key}");
                let next = [Some(w), Some(w / 2 + 1)];
                for &l in &lists {
                    assert_eq!(built.value(w, l), read.value(w, l), "{code} {key}");
                    assert_eq!(
                        built.longest(l, next.into_iter()),
                        read.longest(l, next.into_iter()),
                        "{code} {key}"
                    );
                }
            }
            assert_eq!(built.word("no such key at all"), None);
        }
    }
}
