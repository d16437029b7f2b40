//! A readable plain-text rendering of an Analysis, for the command line. Numbers, money and units
//! are written the way the article's language writes them ("4,5 miliardi di dollari", "$4.5
//! billion", "24 anni"): the words are data, `data/<lang>/render_words.txt`.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

use crate::analysis::{
    AgreementStatus, Analysis, EntityKind, EntityRef, Fact, MeetingStatus, NumberCategory,
    NumberFact,
};

/// How many entities the readable output lists; it says how many more there are.
const ENTITIES_SHOWN: usize = 20;

pub fn text(a: &Analysis) -> String {
    let mut o = String::new();
    if let Some(t) = &a.title {
        let _ = writeln!(o, "{t}\n{}", "=".repeat(t.chars().count().min(80)));
    }
    let _ = writeln!(
        o,
        "language {} ({:.2}) · {} words · {} min read",
        a.language, a.language_confidence, a.stats.words, a.stats.reading_minutes
    );
    for w in &a.warnings {
        let _ = writeln!(o, "warning: {w}");
    }
    let _ = writeln!(o, "\nSummary");
    for s in &a.summary {
        let _ = writeln!(o, "  • {}", s.text.trim());
    }
    if !a.keyphrases.is_empty() {
        let _ = writeln!(o, "  key phrases: {}", a.keyphrases.join(" · "));
    }
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            let _ = writeln!(o, "\n{title}");
            for line in lines {
                let _ = writeln!(o, "  {line}");
            }
        }
    };
    let lines = |line: fn(&Fact, &str) -> Option<String>| -> Vec<String> {
        a.facts
            .iter()
            .filter_map(|f| line(f, &a.language))
            .collect()
    };
    section("Meetings", lines(meeting_line));
    section("Agreements", lines(agreement_line));
    section("Numbers", lines(number_line));
    section("Quotes", lines(quote_line));
    let entities: Vec<String> = a
        .entities
        .iter()
        .take(ENTITIES_SHOWN)
        .map(entity_line)
        .collect();
    section("Entities", entities);
    if a.entities.len() > ENTITIES_SHOWN {
        let _ = writeln!(
            o,
            "  … and {} more (--json lists them all)",
            a.entities.len() - ENTITIES_SHOWN
        );
    }
    o
}

/// The parts that are there, joined with " · ".
fn joined<'a>(parts: impl IntoIterator<Item = Option<&'a str>>) -> String {
    parts
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "A — B" when there is a B, "A" alone otherwise: no dangling dash.
fn dashed(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (_, true) => a.to_string(),
        (true, false) => b.to_string(),
        (false, false) => format!("{a} — {b}"),
    }
}

fn names(refs: &[EntityRef]) -> String {
    refs.iter()
        .map(|r| r.name.as_str())
        .collect::<Vec<_>>()
        .join(" ↔ ")
}

fn meeting_line(f: &Fact, _: &str) -> Option<String> {
    let Fact::Meeting(m) = f else { return None };
    let who = names(&m.participants);
    let planned = (m.status == Some(MeetingStatus::Planned)).then_some("planned");
    Some(joined([
        Some(who.as_str()),
        m.place.as_deref(),
        m.when.as_deref(),
        planned,
    ]))
}

fn agreement_line(f: &Fact, _: &str) -> Option<String> {
    let Fact::Agreement(g) = f else { return None };
    let planned = (g.status == Some(AgreementStatus::Planned)).then_some("to be signed");
    let what = joined([Some(g.title.as_str()), g.when.as_deref(), planned]);
    Some(dashed(&what, &names(&g.parties)))
}

fn number_line(f: &Fact, language: &str) -> Option<String> {
    let Fact::Number(n) = f else { return None };
    let said = number(n, language);
    let line = dashed(&said, &n.about);
    // The words as written, when they differ from what is said here by more than typography.
    let plain = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '’' => '\'',
                '\u{a0}' | '\u{202f}' => ' ',
                c => c,
            })
            .collect()
    };
    Some(if n.text.is_empty() || plain(&n.text) == plain(&said) {
        line
    } else {
        format!("{line}   [{}]", n.text)
    })
}

fn quote_line(f: &Fact, _: &str) -> Option<String> {
    let Fact::Quote(q) = f else { return None };
    let who = q
        .speaker
        .as_ref()
        .map_or("speaker unknown", |s| s.name.as_str());
    Some(format!("“{}” — {who}", q.text))
}

fn entity_line(e: &crate::analysis::Entity) -> String {
    let kind = match e.kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Country => "country",
        EntityKind::Place => "place",
        EntityKind::Other => "other",
    };
    match &e.country {
        Some(c) => format!("{} ({kind}, {c})", e.name),
        None => format!("{} ({kind})", e.name),
    }
}

/// A number card's value as the article's language writes it, qualifier, scale word and unit
/// included: "oltre l'80%" → "oltre 80%", 4.5e9 USD → "4,5 miliardi di dollari" / "$4.5 billion".
pub fn number(n: &NumberFact, language: &str) -> String {
    let w = words(language);
    let value = w.value(n);
    match n.qualifier.as_deref().and_then(|q| w.qualifiers.get(q)) {
        Some(q) => format!("{q} {value}"),
        None => value,
    }
}

/// What is counted: a currency or a unit, in the singular, the plural, and after a scale word.
struct Counted {
    one: String,
    many: String,
    after_scale: Option<String>,
}

/// The words of one language (`data/<lang>/render_words.txt`; the format is in its header).
struct Words {
    decimal: String,
    group: String,
    group_from: usize,
    singular_below_two: bool,
    percent: String,
    money: String,
    money_symbol: Option<String>,
    link: Option<String>,
    /// (value, singular, plural), smallest first.
    scales: Vec<(f64, String, String)>,
    currencies: HashMap<String, Counted>,
    units: HashMap<String, Counted>,
    symbols: HashMap<String, String>,
    qualifiers: HashMap<String, String>,
}

const SOURCES: [(&str, &str); 6] = [
    ("de", include_str!("../data/de/render_words.txt")),
    ("en", include_str!("../data/en/render_words.txt")),
    ("es", include_str!("../data/es/render_words.txt")),
    ("fr", include_str!("../data/fr/render_words.txt")),
    ("it", include_str!("../data/it/render_words.txt")),
    ("pt", include_str!("../data/pt/render_words.txt")),
];

/// The words of `language`, English when factcards has none for it.
fn words(language: &str) -> &'static Words {
    static ALL: OnceLock<HashMap<&'static str, Words>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(code, text)| (*code, Words::parse(text)))
            .collect()
    });
    all.get(language).unwrap_or_else(|| &all["en"])
}

impl Words {
    fn parse(text: &str) -> Words {
        let mut w = Words {
            decimal: ".".into(),
            group: ",".into(),
            group_from: 4,
            singular_below_two: false,
            percent: "{n}%".into(),
            money: "{n} {cur}".into(),
            money_symbol: None,
            link: None,
            scales: Vec::new(),
            currencies: HashMap::new(),
            units: HashMap::new(),
            symbols: HashMap::new(),
            qualifiers: HashMap::new(),
        };
        // Values are not trimmed: a separator may be a (narrow) no-break space.
        let rows = text
            .lines()
            .map(|l| l.trim_end_matches('\r'))
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split('\t').collect::<Vec<_>>());
        for row in rows {
            let at = |i: usize| row.get(i).copied().unwrap_or_default().to_string();
            let counted = || Counted {
                one: at(2),
                many: at(3),
                after_scale: row.get(4).map(|s| s.to_string()),
            };
            match row[0] {
                "decimal" => w.decimal = at(1),
                "group" => w.group = at(1),
                "group_from" => w.group_from = at(1).parse().unwrap_or(4),
                "singular" => w.singular_below_two = at(1) == "<2",
                "percent" => w.percent = at(1),
                "money" => w.money = at(1),
                "money_symbol" => w.money_symbol = Some(at(1)),
                "link" => w.link = Some(at(1)),
                "scale" => w
                    .scales
                    .push((at(1).parse().unwrap_or(f64::INFINITY), at(2), at(3))),
                "currency" => drop(w.currencies.insert(at(1), counted())),
                "unit" => drop(w.units.insert(at(1), counted())),
                "symbol" => drop(w.symbols.insert(at(1), at(2))),
                "qualifier" => drop(w.qualifiers.insert(at(1), at(2))),
                _ => {}
            }
        }
        w.scales.sort_by(|a, b| a.0.total_cmp(&b.0));
        w
    }

    fn singular(&self, n: f64) -> bool {
        if self.singular_below_two {
            n.abs() < 2.0
        } else {
            n == 1.0
        }
    }

    /// The value with the language's decimal mark and grouping, at most 3 decimals.
    fn digits(&self, v: f64, grouped: bool) -> String {
        let s = format!("{:.3}", v.abs());
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        let frac = frac.trim_end_matches('0');
        let mut out = String::new();
        if v < 0.0 {
            out.push('-');
        }
        let group = grouped && int.len() >= self.group_from;
        for (i, c) in int.chars().enumerate() {
            if group && i > 0 && (int.len() - i) % 3 == 0 {
                out.push_str(&self.group);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push_str(&self.decimal);
            out.push_str(frac);
        }
        out
    }

    /// The number with a scale word when it is a round number of millions, billions…: "4,5
    /// miliardi"; plain digits otherwise. The flag says whether a scale word was used.
    fn scaled(&self, v: f64) -> (String, bool) {
        let scale = self
            .scales
            .iter()
            .rev()
            .find(|s| v.abs() >= s.0)
            .filter(|s| {
                let hundredths = v / s.0 * 100.0;
                (hundredths - hundredths.round()).abs() < 1e-6
            });
        match scale {
            Some((value, one, many)) => {
                let m = v / value;
                let word = if self.singular(m) { one } else { many };
                (format!("{} {word}", self.digits(m, true)), true)
            }
            None => (self.digits(v, true), false),
        }
    }

    /// The words for `c` after the number `v` (after a scale word when `scaled`).
    fn counted(&self, c: &Counted, v: f64, scaled: bool) -> String {
        if scaled {
            match (&c.after_scale, &self.link) {
                (Some(words), _) => words.clone(),
                (None, Some(link)) => format!("{link} {}", c.many),
                (None, None) => c.many.clone(),
            }
        } else if self.singular(v) {
            c.one.clone()
        } else {
            c.many.clone()
        }
    }

    fn value(&self, n: &NumberFact) -> String {
        let unit = n.unit.as_deref();
        let percent =
            n.category == NumberCategory::Percent || matches!(unit, Some("%" | "percent"));
        if let Some([a, b]) = n.range {
            let years = unit.is_none() && year_like(a) && year_like(b);
            let both = format!("{}–{}", self.digits(a, !years), self.digits(b, !years));
            if percent {
                return self.percent.replace("{n}", &both);
            }
            return match unit {
                Some(u) => {
                    let c = self.currencies.get(u).or_else(|| self.units.get(u));
                    format!("{both} {}", c.map_or(u, |c| c.many.as_str()))
                }
                _ => both,
            };
        }
        if matches!(n.category, NumberCategory::Year | NumberCategory::Date) {
            return self.digits(n.value, false);
        }
        if percent {
            return self.percent.replace("{n}", &self.digits(n.value, true));
        }
        let (number, scaled) = self.scaled(n.value);
        let Some(unit) = unit else { return number };
        if let Some(c) = self.currencies.get(unit) {
            if let (Some(pattern), Some(symbol)) = (&self.money_symbol, self.symbols.get(unit)) {
                return pattern.replace("{sym}", symbol).replace("{n}", &number);
            }
            let words = self.counted(c, n.value, scaled);
            return self.money.replace("{n}", &number).replace("{cur}", &words);
        }
        match self.units.get(unit) {
            Some(c) => format!("{number} {}", self.counted(c, n.value, scaled)),
            None => format!("{number} {unit}"), // an ISO code or a symbol factcards has no words for
        }
    }
}

fn year_like(v: f64) -> bool {
    v.fract() == 0.0 && (1000.0..=2999.0).contains(&v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cases in `tests/number_words.tsv`, which the cards' JavaScript reads too.
    #[test]
    fn numbers_are_said_in_the_article_language() {
        let cases = include_str!("../tests/number_words.tsv");
        let mut n = 0;
        for line in cases
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let c: Vec<&str> = line.split('\t').collect();
            let range = (!c[4].is_empty()).then(|| {
                let (a, b) = c[4].split_once('-').expect("a range a-b");
                [a.parse::<f64>().unwrap(), b.parse::<f64>().unwrap()]
            });
            let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
            let fact: NumberFact = serde_json::from_value(serde_json::json!({
                "evidence": [], "confidence": 1.0, "text": "", "value": c[2].parse::<f64>().unwrap(),
                "unit": some(c[3]), "category": c[1], "about": "", "range": range,
                "qualifier": some(c[5]), "span": { "start": 0, "end": 0 },
            }))
            .expect("a number fact");
            assert_eq!(number(&fact, c[0]), c[6], "{line}");
            n += 1;
        }
        assert!(n > 20, "{n} cases");
    }

    /// Every unit the number reader can give (units.txt, percent.txt) has words in its language.
    #[test]
    fn every_unit_has_words() {
        for (code, _) in SOURCES {
            let w = words(code);
            for file in ["units", "percent"] {
                let path = format!("{}/data/{code}/{file}.txt", env!("CARGO_MANIFEST_DIR"));
                let text = std::fs::read_to_string(&path).expect("a data file");
                for unit in text
                    .lines()
                    .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                    .filter_map(|l| l.split('\t').nth(1))
                    .filter(|u| *u != "time")
                {
                    assert!(
                        w.units.contains_key(unit),
                        "{code}: no words for the unit {unit}"
                    );
                }
            }
        }
    }

    #[test]
    fn planned_meetings_and_agreements_say_so() {
        let mut a = crate::Analyzer::default().analyze("Il ministro ha parlato a Roma.");
        a.facts = serde_json::from_value(serde_json::json!([
            { "kind": "meeting", "evidence": [], "confidence": 0.9, "status": "planned",
              "participants": [{ "name": "Rossi" }, { "name": "Bianchi" }], "place": "Parigi" },
            { "kind": "agreement", "evidence": [], "confidence": 0.9, "status": "planned",
              "parties": [], "title": "accordo sul gas", "topics": [] },
        ]))
        .expect("facts");
        let out = text(&a);
        assert!(
            out.contains("  Rossi ↔ Bianchi · Parigi · planned\n"),
            "{out}"
        );
        assert!(out.contains("  accordo sul gas · to be signed\n"), "{out}");
    }

    #[test]
    fn lines_have_no_dangling_dash_and_say_what_is_cut() {
        let mut a = crate::Analyzer::default().analyze(
            "Il governo ha stanziato 50 milioni di euro. Circa il 60% degli abitanti ha votato.",
        );
        for f in &mut a.facts {
            if let Fact::Number(n) = f {
                n.about.clear();
            }
        }
        a.entities = (0..25)
            .map(|i| {
                serde_json::from_value(
                    serde_json::json!({ "id": format!("e{i}"), "name": format!("Nome{i}"),
                    "kind": "person", "aliases": [], "mentions": [], "salience": 0.5 }),
                )
                .expect("an entity")
            })
            .collect();
        let out = text(&a);
        assert!(out.contains("  50 milioni di euro\n"), "{out}");
        assert!(!out.contains("— \n") && !out.contains(" —\n"), "{out}");
        assert!(out.contains("… and 5 more"), "{out}");
        assert!(
            out.contains("Nome19 (person)") && !out.contains("Nome20"),
            "{out}"
        );
    }
}
