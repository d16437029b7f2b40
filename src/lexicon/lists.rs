//! The word lists of a language file, by number: `build.rs` writes them in this order and the
//! lexicon reads them back by the same numbers. Changing the table changes [`FINGERPRINT`], so a
//! language file built for another version of the table is refused rather than misread.
//!
//! Compiled into `build.rs` too (with `compile.rs` and `../token.rs`): nothing else of the crate.

macro_rules! lists {
    ($($name:ident),* $(,)?) => {
        /// Every list of a language file. `Set`s hold whole folded entries, `Phrases` entries cut
        /// into word keys, `Map`s a whole key with a value (`compile.rs` says how each is read).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum List {
            $($name),*
        }

        /// Every list, in file order (the compiler walks it).
        #[allow(dead_code)]
        pub const ALL: &[List] = &[$(List::$name),*];

        /// Their names, in the same order.
        pub const NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

lists! {
    Stopwords,
    Abbreviations,
    Particles,
    OrgCues,
    OrgKinds,
    PersonNouns,
    NotNames,
    ThingNouns,
    LedBy,
    EventCues,
    PlaceOf,
    PlaceCues,
    Locatives,
    Adjectives,
    Articles,
    Conjunctions,
    FirstNames,
    GivenNames,
    PortfolioTitles,
    PlacePrefixes,
    PlaceSuffixes,
    CurrencyCodes,
    AdjectiveEndings,
    NumberWords,
    Scales,
    Currencies,
    Units,
    Qualifiers,
    GroupWords,
    Months,
    Weekdays,
    SpeechVerbs,
    Titles,
    TeamWords,
    Institutions,
    Nationalities,
    Countries,
    Places,
    Percent,
    ClauseWords,
    NumberParts,
    SourceAfter,
    MeetingWords,
    MeetingLinks,
    AgreementWords,
    SignVerbs,
    CountryNames,
    Organizations,
    Ranges,
    AboutWords,
    Pronouns,
    GenericTitles,
    OrgParticles,
    FamilyParticles,
    SpeechAux,
    SpeechParticiples,
    Modality,
    ModalityEndings,
    AcquisitionTitle,
}

/// The lists of the file every language shares (`core.bin`): page chrome and organization cues
/// of every language, then each language's stopwords (its detection profile), in language order.
pub mod shared {
    pub const CHROME_LINES: u16 = 0;
    pub const CHROME_PREFIXES: u16 = 1;
    pub const ORG_CUES: u16 = 2;
    /// Chrome lines that open a list of links; byline, photo credit and timestamp openers;
    /// breadcrumb marks (the kinds of `chrome.txt`), as word keys joined by spaces.
    pub const CHROME_LISTS: u16 = 3;
    pub const CHROME_BYLINES: u16 = 4;
    pub const CHROME_CREDITS: u16 = 5;
    pub const CHROME_DATED: u16 = 6;
    pub const CHROME_SEPARATORS: u16 = 7;
    /// The stopwords of language `i` are list `PROFILES + i`.
    pub const PROFILES: u16 = 8;
}

/// The format of the files: bumped by hand when the encoding changes.
pub const FORMAT: u32 = 4;

/// A number that changes whenever the list table or the format does (FNV-1a of the names).
pub const FINGERPRINT: u32 = {
    let mut h: u32 = 0x811c_9dc5 ^ FORMAT;
    let mut i = 0;
    while i < NAMES.len() {
        let name = NAMES[i].as_bytes();
        let mut j = 0;
        while j < name.len() {
            h = (h ^ name[j] as u32).wrapping_mul(0x0100_0193);
            j += 1;
        }
        h = (h ^ b',' as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
};

/// The first bytes of every file.
pub const MAGIC: &[u8; 4] = b"FCLX";
