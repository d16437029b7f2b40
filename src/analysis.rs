//! The Analysis contract (schema version 1): the one JSON shape every door of factcards returns.
//! Keep in step with `pkg/factcards.d.ts`. Offsets are UTF-16 code units of the original input.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    pub schema_version: u32,
    pub language: String,
    pub language_confidence: f64,
    pub title: Option<String>,
    pub summary: Vec<SummarySentence>,
    pub keyphrases: Vec<String>,
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
    pub stats: Stats,
    pub warnings: Vec<String>,
}

/// A range of the original input in UTF-16 code units: `text.slice(start, end)` in JS.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SummarySentence {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Index of the sentence in the article (0-based, counting body sentences).
    pub index: usize,
    pub score: f64,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Country,
    Place,
    Other,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub country: Option<String>,
    pub mentions: Vec<Span>,
    pub salience: f64,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct EntityRef {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub id: Option<String>,
    pub name: String,
}

/// A fact card. Serialized with its kind in the `kind` field.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Fact {
    Meeting(Meeting),
    Agreement(Agreement),
    Number(NumberFact),
    Quote(Quote),
}

impl Fact {
    pub fn evidence(&self) -> &[Span] {
        match self {
            Fact::Meeting(f) => &f.evidence,
            Fact::Agreement(f) => &f.evidence,
            Fact::Number(f) => &f.evidence,
            Fact::Quote(f) => &f.evidence,
        }
    }

    pub fn confidence(&self) -> f64 {
        match self {
            Fact::Meeting(f) => f.confidence,
            Fact::Agreement(f) => f.confidence,
            Fact::Number(f) => f.confidence,
            Fact::Quote(f) => f.confidence,
        }
    }
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum MeetingType {
    Summit,
    Talks,
    Visit,
    Call,
    Meeting,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Meeting {
    pub evidence: Vec<Span>,
    pub confidence: f64,
    pub participants: Vec<EntityRef>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none", default)]
    pub meeting_type: Option<MeetingType>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub when: Option<String>,
    /// Absent: held. `planned`: announced or scheduled.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub status: Option<MeetingStatus>,
}

/// Whether an encounter took place or is to come; refused, cancelled, denied and hypothetical
/// encounters are no card at all.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum MeetingStatus {
    Held,
    Planned,
}

/// Whether an agreement was signed (or reached) or is to be; proposals, talks still under way and
/// rejected deals are no card at all.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum AgreementStatus {
    Signed,
    Planned,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    pub evidence: Vec<Span>,
    pub confidence: f64,
    pub parties: Vec<EntityRef>,
    pub title: String,
    pub topics: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub count: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub when: Option<String>,
    /// Absent: signed or reached. `planned`: to be signed.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub status: Option<AgreementStatus>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum NumberCategory {
    Money,
    Percent,
    Count,
    Year,
    Range,
    Duration,
    Date,
    Quantity,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct NumberFact {
    pub evidence: Vec<Span>,
    pub confidence: f64,
    /// As written, qualifier included: "oltre l'80%".
    pub text: String,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit: Option<String>,
    pub category: NumberCategory,
    pub about: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub range: Option<[f64; 2]>,
    /// "more than", "about", "at least", "up to", … when the text qualifies the value.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub qualifier: Option<String>,
    /// Where the number itself is in the input.
    pub span: Span,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    pub evidence: Vec<Span>,
    pub confidence: f64,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub speaker: Option<EntityRef>,
    /// Where the quoted words are in the input.
    pub span: Span,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub characters: usize,
    pub words: usize,
    pub sentences: usize,
    pub reading_minutes: f64,
}

/// The fact kinds, for the `kinds` option.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    Meeting,
    Agreement,
    Number,
    Quote,
}

impl FactKind {
    pub const ALL: [FactKind; 4] = [
        FactKind::Meeting,
        FactKind::Agreement,
        FactKind::Number,
        FactKind::Quote,
    ];

    pub fn parse(s: &str) -> Option<FactKind> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "meeting" | "meetings" => FactKind::Meeting,
            "agreement" | "agreements" => FactKind::Agreement,
            "number" | "numbers" => FactKind::Number,
            "quote" | "quotes" => FactKind::Quote,
            _ => return None,
        })
    }
}
