//! The case tables of `tests/cases/*.tsv`: one row per invented sentence, every language in one
//! harness. Each file is one kind of fact; its columns are in its header line. A row holds a
//! language, a text (`\n` for a line break) and what the analysis of that text must give:
//!
//! - `meetings.tsv`: `participants` (names separated by `;`, each found inside one participant's
//!   name, or after `!` in none of them; `-`: no meeting card at all), `place`, `when` (found inside
//!   the card's), `status` (`planned`, or empty for held), `type`, `cards` (how many meeting cards
//!   the text gives), `evidence` (how many sentences the card's evidence holds);
//! - `agreements.tsv`: `parties` (as above; `-`: no agreement card), `title` (found inside the
//!   title; after `=`, the whole title), `count`, `status`, `topics` (`;`-separated, each found inside one of the card's),
//!   `cards` (how many agreement cards the text gives), `confidence` (`low`: below 0.5);
//! - `quotes.tsv`: `quote` (found inside a quote's text; `-`: no quote at all), `speaker` (found
//!   inside its speaker's name; `-`: no speaker);
//! - `entities.tsv`: `name` (an entity's name or alias, exactly), `kind` (`-`: no entity has it),
//!   `country` (the entity's country, exactly);
//! - `numbers.tsv`: `text` (found inside a number card's text; `-` before it: no card has it),
//!   `value`, `unit`, `category`, `about` (found inside);
//! - `sentences.tsv`: `sentences` (the sentences of the text, separated by ` | `);
//! - `pages.tsv`: `title` (the headline read, `-` for none), `not_in` (a piece of text that no
//!   summary sentence, entity or fact may hold), `warning` (found inside a warning; empty: none).
//!
//! A column left empty is not checked (but for the first one after the text).

use std::fs;

use factcards::{Analysis, Analyzer};
use serde_json::Value;

struct Row {
    file: String,
    line: usize,
    lang: String,
    text: String,
    cols: Vec<String>,
}

fn rows(file: &str) -> Vec<Row> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/").to_string() + file;
    let body = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for (i, line) in body.lines().enumerate() {
        if i == 0 || line.trim().is_empty() || line.starts_with('#') {
            continue; // the header, blank lines and comments
        }
        let mut cells = line.split('\t').map(str::to_string);
        let lang = cells.next().unwrap_or_default();
        let text = cells.next().unwrap_or_default().replace("\\n", "\n");
        out.push(Row {
            file: file.to_string(),
            line: i + 1,
            lang,
            text,
            cols: cells.collect(),
        });
    }
    assert!(!out.is_empty(), "{file}: no rows");
    out
}

impl Row {
    fn col(&self, i: usize) -> &str {
        self.cols.get(i).map_or("", |s| s.trim())
    }

    fn analyze(&self) -> Value {
        let analyzer = Analyzer::builder()
            .language(&self.lang)
            .build()
            .unwrap_or_else(|e| panic!("{}:{}: {e}", self.file, self.line));
        let a: Analysis = analyzer.analyze(&self.text);
        serde_json::to_value(&a).expect("the analysis serializes")
    }

    fn at(&self) -> String {
        format!("{}:{} [{}] {}", self.file, self.line, self.lang, self.text)
    }
}

fn facts<'a>(a: &'a Value, kind: &str) -> Vec<&'a Value> {
    a["facts"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["kind"] == kind)
        .collect()
}

fn lower(s: &str) -> String {
    s.to_lowercase().replace('\u{2019}', "'")
}

fn contains(hay: &Value, needle: &str) -> bool {
    hay.as_str()
        .is_some_and(|h| lower(h).contains(&lower(needle)))
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["name"].as_str().map(lower))
        .collect()
}

/// Every name of `want` (`;`-separated) inside a different one of `got`; a name after `!` in
/// none of them.
fn sides_match(got: &[String], want: &str) -> bool {
    let (absent, want): (Vec<String>, Vec<String>) = want
        .split(';')
        .map(|w| lower(w.trim()))
        .partition(|w| w.starts_with('!'));
    if absent
        .iter()
        .any(|a| got.iter().any(|g| g.contains(a.trim_start_matches('!'))))
    {
        return false;
    }
    let mut used = vec![false; got.len()];
    want.iter().all(
        |w| match (0..got.len()).find(|&i| !used[i] && got[i].contains(w.as_str())) {
            Some(i) => {
                used[i] = true;
                true
            }
            None => false,
        },
    )
}

fn optional(cell: &str, check: impl FnOnce(&str) -> bool) -> bool {
    cell.is_empty() || check(cell)
}

/// Runs every row of a file through `check`, which returns what went wrong; fails with all of them.
fn run(file: &str, check: impl Fn(&Row, &Value) -> Option<String>) {
    let failures: Vec<String> = rows(file)
        .iter()
        .filter_map(|row| {
            let a = row.analyze();
            check(row, &a).map(|why| format!("{}\n    {why}", row.at()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of the cases in {file} fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn show(cards: &[&Value]) -> String {
    serde_json::to_string(cards).unwrap_or_default()
}

fn status_is(card: &Value, want: &str) -> bool {
    card["status"].as_str().unwrap_or("") == want
}

#[test]
fn meetings() {
    run("meetings.tsv", |row, a| {
        let cards = facts(a, "meeting");
        let want = row.col(0);
        if want.is_empty() || want == "-" {
            return (!cards.is_empty())
                .then(|| format!("no meeting expected, got {}", show(&cards)));
        }
        if !optional(row.col(5), |n| n == cards.len().to_string()) {
            return Some(format!("{} cards wanted, got {}", row.col(5), show(&cards)));
        }
        let ok = cards.iter().any(|c| {
            sides_match(&names(&c["participants"]), want)
                && optional(row.col(1), |p| contains(&c["place"], p))
                && optional(row.col(2), |w| contains(&c["when"], w))
                && status_is(c, row.col(3))
                && optional(row.col(4), |t| c["type"] == t)
                && optional(row.col(6), |n| {
                    c["evidence"].as_array().map_or(0, Vec::len).to_string() == n
                })
        });
        (!ok).then(|| format!("want {}, got {}", row.cols.join(" | "), show(&cards)))
    });
}

#[test]
fn agreements() {
    run("agreements.tsv", |row, a| {
        let cards = facts(a, "agreement");
        let want = row.col(0);
        if want.is_empty() || want == "-" {
            return (!cards.is_empty())
                .then(|| format!("no agreement expected, got {}", show(&cards)));
        }
        if !optional(row.col(5), |n| n == cards.len().to_string()) {
            return Some(format!("{} cards wanted, got {}", row.col(5), show(&cards)));
        }
        let ok = cards.iter().any(|c| {
            sides_match(&names(&c["parties"]), want)
                && optional(row.col(1), |t| match t.strip_prefix('=') {
                    Some(whole) => c["title"]
                        .as_str()
                        .is_some_and(|h| lower(h) == lower(whole)),
                    None => contains(&c["title"], t),
                })
                && optional(row.col(2), |n| {
                    c["count"].as_u64().map(|x| x.to_string()).as_deref() == Some(n)
                })
                && status_is(c, row.col(3))
                && optional(row.col(4), |topics| {
                    topics.split(';').all(|t| {
                        c["topics"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .any(|x| contains(x, t.trim()))
                    })
                })
                && optional(row.col(6), |level| {
                    c["confidence"]
                        .as_f64()
                        .is_some_and(|x| (x < 0.5) == (level == "low"))
                })
        });
        (!ok).then(|| format!("want {}, got {}", row.cols.join(" | "), show(&cards)))
    });
}

#[test]
fn quotes() {
    run("quotes.tsv", |row, a| {
        let cards = facts(a, "quote");
        let quote = row.col(0);
        if quote == "-" {
            return (!cards.is_empty()).then(|| format!("no quote expected, got {}", show(&cards)));
        }
        let Some(q) = cards.iter().find(|c| contains(&c["text"], quote)) else {
            return Some(format!("no quote holding «{quote}», got {}", show(&cards)));
        };
        let speaker = &q["speaker"]["name"];
        let ok = match row.col(1) {
            "" => true,
            "-" => speaker.is_null(),
            want => contains(speaker, want),
        };
        (!ok).then(|| format!("speaker {} wanted, got {speaker}", row.col(1)))
    });
}

#[test]
fn entities() {
    run("entities.tsv", |row, a| {
        let want = row.col(0);
        let found = a["entities"].as_array().into_iter().flatten().find(|e| {
            lower(e["name"].as_str().unwrap_or("")) == lower(want)
                || names_of_aliases(e).iter().any(|x| *x == lower(want))
        });
        match (row.col(1), found) {
            ("-", None) => None,
            ("-", Some(e)) => Some(format!("no entity {want} expected, got {e}")),
            (_, None) => Some(format!(
                "no entity {want}; entities: {}",
                names(&a["entities"]).join(", ")
            )),
            (kind, Some(e)) => {
                if !optional(kind, |k| e["kind"] == k) {
                    Some(format!("{want} should be {kind}, is {}", e["kind"]))
                } else if !optional(row.col(2), |c| e["country"] == c) {
                    Some(format!(
                        "{want} should be of {}, is {}",
                        row.col(2),
                        e["country"]
                    ))
                } else {
                    None
                }
            }
        }
    });
}

fn names_of_aliases(e: &Value) -> Vec<String> {
    e["aliases"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str().map(lower))
        .collect()
}

#[test]
fn numbers() {
    run("numbers.tsv", |row, a| {
        let cards = facts(a, "number");
        let (absent, want) = match row.col(0).strip_prefix('-') {
            Some(w) => (true, w.trim()),
            None => (false, row.col(0)),
        };
        let hit = cards.iter().find(|c| contains(&c["text"], want));
        if absent {
            return hit.map(|c| format!("no number card {want} expected, got {c}"));
        }
        let Some(c) = hit else {
            return Some(format!(
                "no number card holding {want}, got {}",
                show(&cards)
            ));
        };
        let value_ok = optional(row.col(1), |v| {
            v.parse::<f64>()
                .ok()
                .zip(c["value"].as_f64())
                .is_some_and(|(x, y)| (x - y).abs() <= 1e-9 * x.abs().max(1.0))
        });
        let ok = value_ok
            && optional(row.col(2), |u| c["unit"] == u)
            && optional(row.col(3), |k| c["category"] == k)
            && optional(row.col(4), |t| contains(&c["about"], t));
        (!ok).then(|| format!("want {}, got {c}", row.cols.join(" | ")))
    });
}

#[test]
fn sentences() {
    run("sentences.tsv", |row, a| {
        let want: Vec<&str> = row.col(0).split(" | ").collect();
        let got = a["stats"]["sentences"].as_u64().unwrap_or(0) as usize;
        (got != want.len())
            .then(|| format!("{} sentences wanted ({want:?}), got {got}", want.len()))
    });
}

#[test]
fn pages() {
    run("pages.tsv", |row, a| {
        let title = a["title"].as_str();
        match row.col(0) {
            "" => {}
            "-" if title.is_some() => return Some(format!("no title wanted, got {title:?}")),
            "-" => {}
            want if title != Some(want) => {
                return Some(format!("title {want:?} wanted, got {title:?}"))
            }
            _ => {}
        }
        let not_in = row.col(1);
        if !not_in.is_empty() {
            let needle = lower(not_in);
            let in_summary = a["summary"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|s| lower(s["text"].as_str().unwrap_or("")).contains(&needle));
            let in_entities = a["entities"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|e| lower(e["name"].as_str().unwrap_or("")).contains(&needle));
            let in_facts = lower(&a["facts"].to_string()).contains(&needle);
            if in_summary || in_entities || in_facts {
                return Some(format!(
                    "{not_in:?} reached the output (summary {in_summary}, entities {in_entities}, facts {in_facts})"
                ));
            }
        }
        let warnings: Vec<String> = a["warnings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|w| w.as_str().map(lower))
            .collect();
        match row.col(2) {
            "" => None,
            "-" => (!warnings.is_empty()).then(|| format!("no warning wanted, got {warnings:?}")),
            want => (!warnings.iter().any(|w| w.contains(&lower(want))))
                .then(|| format!("a warning with {want:?} wanted, got {warnings:?}")),
        }
    });
}
