//! Extractive summary: sentence centrality (TextRank over stemmed content words, windowed so a
//! book costs linear time), a lead/position prior, title overlap and entity salience, then
//! redundancy control (MMR) and document order. Also the article's key phrases.
//!
//! The weights live here, in one place: [`WEIGHTS`].

use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

use crate::analysis::SummarySentence;
use crate::document::Document;
use crate::extract::entities::Entities;
use crate::segment::{BlockKind, Token};

/// How much each signal counts in a sentence's score (language-independent).
pub struct Weights {
    pub centrality: f64,
    pub position: f64,
    pub title: f64,
    pub entities: f64,
    /// MMR trade-off between score and novelty.
    pub lambda: f64,
    /// Sentences compared with each other at most this far apart (keeps the graph linear).
    pub window: usize,
}

pub const WEIGHTS: Weights = Weights {
    centrality: 0.35,
    position: 0.45,
    title: 0.10,
    entities: 0.10,
    lambda: 0.7,
    window: 60,
};

fn stemmer(code: &str) -> Stemmer {
    Stemmer::create(match code {
        "it" => Algorithm::Italian,
        "es" => Algorithm::Spanish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "pt" => Algorithm::Portuguese,
        _ => Algorithm::English,
    })
}

/// The stemmed content words of a token list.
fn terms(doc: &Document, st: &Stemmer, toks: &[Token]) -> Vec<String> {
    toks.iter()
        .filter(|t| t.is_word() && t.key.chars().count() > 1 && !doc.lex.is_stopword(&t.key))
        .map(|t| st.stem(t.key.trim_end_matches('\'')).into_owned())
        .collect()
}

fn similarity(a: &HashSet<&str>, b: &HashSet<&str>) -> f64 {
    if a.len() < 2 || b.len() < 2 {
        return 0.0;
    }
    let shared = a.intersection(b).count() as f64;
    shared / ((a.len() as f64).ln() + (b.len() as f64).ln())
}

/// Can the sentence be in a summary? Not a fragment, not a question, not a caption.
fn eligible(doc: &Document, i: usize) -> bool {
    let s = &doc.sentences[i];
    let toks = doc.sentence_tokens(s);
    let words = toks.iter().filter(|t| t.is_word()).count();
    let text = doc.slice(s.range).trim_end();
    words >= 5 && !text.ends_with('?') && doc.blocks[s.block].kind == BlockKind::Paragraph
}

/// Default summary length for a text of `n` sentences.
pub fn default_length(n: usize) -> usize {
    match n {
        0..=3 => n.min(1),
        4..=40 => 3,
        _ => (3 + (n - 40) / 25).min(10),
    }
}

pub fn summarize(
    doc: &Document,
    ents: &Entities,
    k: Option<usize>,
    max_words: Option<usize>,
) -> Vec<SummarySentence> {
    let n = doc.sentences.len();
    if n == 0 {
        return Vec::new();
    }
    let st = stemmer(doc.lex.code);
    let sets: Vec<Vec<String>> = doc
        .sentences
        .iter()
        .map(|s| terms(doc, &st, doc.sentence_tokens(s)))
        .collect();
    let sets: Vec<HashSet<&str>> = sets
        .iter()
        .map(|v| v.iter().map(String::as_str).collect())
        .collect();
    // Sentence graph, windowed.
    let mut edges: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for i in 0..n {
        for j in i + 1..n.min(i + 1 + WEIGHTS.window) {
            let w = similarity(&sets[i], &sets[j]);
            if w > 0.0 {
                edges[i].push((j, w));
                edges[j].push((i, w));
            }
        }
    }
    let out_weight: Vec<f64> = edges.iter().map(|e| e.iter().map(|x| x.1).sum()).collect();
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..30 {
        let mut next = vec![0.15 / n as f64; n];
        for i in 0..n {
            for &(j, w) in &edges[i] {
                if out_weight[j] > 0.0 {
                    next[i] += 0.85 * rank[j] * w / out_weight[j];
                }
            }
        }
        rank = next;
    }
    let max_rank = rank.iter().cloned().fold(0.0, f64::max).max(1e-12);
    // Title overlap.
    let title: HashSet<String> = doc
        .title_block()
        .map(|b| {
            let toks: Vec<Token> = doc
                .tokens
                .iter()
                .filter(|t| t.range.start >= b.range.start && t.range.end <= b.range.end)
                .cloned()
                .collect();
            terms(doc, &st, &toks).into_iter().collect()
        })
        .unwrap_or_default();
    // Entity salience per sentence.
    let mut ent_score = vec![0.0; n];
    for m in &ents.mentions {
        ent_score[m.sentence] += ents.list[m.entity].salience;
    }
    let max_ent = ent_score.iter().cloned().fold(0.0, f64::max).max(1e-12);
    let eligible_idx: Vec<usize> = (0..n).filter(|&i| eligible(doc, i)).collect();
    let mut score = vec![0.0; n];
    for (pos, &i) in eligible_idx.iter().enumerate() {
        let t_overlap = if title.is_empty() || sets[i].is_empty() {
            0.0
        } else {
            sets[i].iter().filter(|w| title.contains(**w)).count() as f64 / title.len() as f64
        };
        score[i] = WEIGHTS.centrality * rank[i] / max_rank
            + WEIGHTS.position / (1.0 + pos as f64).sqrt()
            + WEIGHTS.title * t_overlap.min(1.0)
            + WEIGHTS.entities * ent_score[i] / max_ent;
    }
    let want = k
        .unwrap_or_else(|| default_length(eligible_idx.len()))
        .min(eligible_idx.len());
    // MMR selection.
    let mut chosen: Vec<usize> = Vec::new();
    let mut words = 0;
    while chosen.len() < want {
        let best = eligible_idx
            .iter()
            .filter(|i| !chosen.contains(i))
            .map(|&i| {
                let red = chosen
                    .iter()
                    .map(|&c| overlap(&sets[i], &sets[c]))
                    .fold(0.0, f64::max);
                (i, WEIGHTS.lambda * score[i] - (1.0 - WEIGHTS.lambda) * red)
            })
            .max_by(|a, b| {
                a.1.partial_cmp(&b.1)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(b.0.cmp(&a.0))
            });
        let Some((i, _)) = best else { break };
        let w = doc
            .sentence_tokens(&doc.sentences[i])
            .iter()
            .filter(|t| t.is_word())
            .count();
        if let Some(max) = max_words {
            if words + w > max && !chosen.is_empty() {
                break;
            }
        }
        words += w;
        chosen.push(i);
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|i| {
            let s = &doc.sentences[i];
            let span = doc.span(s.range);
            SummarySentence {
                start: span.start,
                end: span.end,
                text: doc.original_text(s.range),
                index: i,
                score: (score[i] * 1e4).round() / 1e4,
            }
        })
        .collect()
}

fn overlap(a: &HashSet<&str>, b: &HashSet<&str>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    a.intersection(b).count() as f64 / (a.len().min(b.len()) as f64)
}

/// The article's key phrases: runs of 1–3 content words, scored by how often their stems occur
/// (earlier occurrences weigh more), merged by stem, most important first.
pub fn keyphrases(doc: &Document, max: usize) -> Vec<String> {
    let st = stemmer(doc.lex.code);
    let lex = doc.lex;
    let content = |t: &Token| {
        t.is_word()
            && t.key.chars().count() > 2
            && !lex.is_stopword(&t.key)
            && lex.speech_verbs.longest(&[t.key.as_str()]).is_none()
            && !t.key.chars().any(|c| c.is_numeric())
    };
    let mut freq: HashMap<String, f64> = HashMap::new();
    let n = doc.sentences.len().max(1) as f64;
    for (si, s) in doc.sentences.iter().enumerate() {
        for t in doc.sentence_tokens(s) {
            if content(t) {
                *freq.entry(st.stem(&t.key).into_owned()).or_default() +=
                    1.0 + 0.5 * (1.0 - si as f64 / n);
            }
        }
    }
    // Candidate phrases: maximal runs of content words, cut to 3 words.
    let mut cands: HashMap<String, (f64, String, usize)> = HashMap::new();
    for s in &doc.sentences {
        let toks = doc.sentence_tokens(s);
        let mut i = 0;
        while i < toks.len() {
            if !content(&toks[i]) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < toks.len() && content(&toks[j]) && j - i < 3 {
                j += 1;
            }
            let stems: Vec<String> = toks[i..j]
                .iter()
                .map(|t| st.stem(&t.key).into_owned())
                .collect();
            let score: f64 = stems
                .iter()
                .map(|s| freq.get(s).copied().unwrap_or(0.0))
                .sum::<f64>()
                * (1.0 + 0.3 * (stems.len() as f64 - 1.0));
            let key = stems.join(" ");
            let written = doc.original_text(crate::segment::Range {
                start: toks[i].range.start,
                end: toks[j - 1].range.end,
            });
            let e = cands.entry(key).or_insert((0.0, written, 0));
            e.0 = e.0.max(score);
            e.2 += 1;
            i = j;
        }
    }
    // Phrases seen once and made of one rare word are noise.
    let mut list: Vec<(f64, String, String)> = cands
        .into_iter()
        .filter(|(k, v)| v.2 > 1 || k.contains(' '))
        .map(|(k, v)| (v.0 * (v.2 as f64).sqrt(), v.1, k))
        .collect();
    list.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
    });
    let mut out: Vec<String> = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    for (_, written, key) in list {
        if out.len() >= max {
            break;
        }
        // Skip a phrase whose stems are all already shown.
        let stems: Vec<&str> = key.split(' ').collect();
        if stems.iter().all(|s| used.contains(*s)) {
            continue;
        }
        used.extend(stems.iter().map(|s| s.to_string()));
        out.push(written);
    }
    out
}
