//! Extractive summary and key phrases.
//!
//! A sentence's score mixes what works on news (tuned on the CNN/DailyMail, XSum and OrangeSum dev
//! sets, the same weights for every language): a lead prior (the first sentences carry the story:
//! the first three eligible sentences share the top prior, later ones decay), centrality (TextRank
//! over stemmed content words, windowed so a book costs linear time), how much of the sentence's
//! vocabulary recurs in the article (density and a centroid score: both favour sentences that
//! state the story rather than colour it), title overlap, entity salience and fact salience (the
//! sentences the fact cards come from), then a length factor (very long sentences are mostly
//! captions run into the text). Redundancy is removed with MMR; the chosen sentences come back in
//! document order. Captions, page chrome, fragments and questions are never eligible.
//!
//! The weights live here, in one place: [`WEIGHTS`].

// A fast hash: keys are words of the text, never a security boundary.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::analysis::{Fact, SummarySentence};
use crate::chrome::chrome;
use crate::document::Document;
use crate::extract::entities::Entities;
use crate::segment::{BlockKind, Token};

/// How much each signal counts in a sentence's score (language-independent).
pub struct Weights {
    /// The lead prior: the first `lead` eligible sentences get 1, later ones
    /// `exp(-(p - lead + 1) / decay)`.
    pub position: f64,
    pub lead: usize,
    pub decay: f64,
    /// TextRank centrality, scaled to the best sentence.
    pub centrality: f64,
    /// Share of the sentence's content words that occur in another sentence too.
    pub density: f64,
    /// Summed log document frequency of the sentence's words over √(word count), scaled to the best.
    pub centroid: f64,
    pub title: f64,
    pub entities: f64,
    /// Sentences that meeting/agreement cards come from.
    pub facts: f64,
    /// Sentences longer than this many words have their score multiplied by `long_words / words`.
    pub long_words: usize,
    /// MMR trade-off between score and novelty.
    pub lambda: f64,
    /// Sentences compared with each other at most this far apart (keeps the graph linear).
    pub window: usize,
}

/// Tuned with a grid search on the summary dev corpora (see issue 6's note); the neighbourhood of
/// these values scores within about one ROUGE point, so they are not balanced on a knife's edge.
/// `facts` could not be tuned on the corpora (no meeting/agreement extractor yet): with cards of
/// confidence 0.8 it makes the sentence a meeting or agreement card comes from enter a 3-sentence
/// summary from the first third of a 25-sentence article, next to the lead.
pub const WEIGHTS: Weights = Weights {
    position: 1.0,
    lead: 3,
    decay: 4.0,
    centrality: 0.2,
    density: 0.5,
    centroid: 0.4,
    title: 0.2,
    entities: 0.1,
    facts: 1.5,
    long_words: 45,
    lambda: 0.7,
    window: 60,
};

/// Is token `i` a stopword of the document's language? (Known per word of the document.)
fn is_stop(doc: &Document, i: usize) -> bool {
    doc.is_stopword(i)
}

/// The stemmed content words of a run of tokens, as a set of stem numbers (sorted).
fn terms(doc: &Document, toks: std::ops::Range<usize>) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(toks.len());
    out.extend(
        toks.filter(|&i| {
            let t = &doc.tokens[i];
            t.is_word() && t.key.chars().nth(1).is_some() && !is_stop(doc, i)
        })
        .map(|i| doc.stem(i)),
    );
    // A sentence's terms are few: an insertion sort.
    for i in 1..out.len() {
        let mut j = i;
        while j > 0 && out[j - 1] > out[j] {
            out.swap(j - 1, j);
            j -= 1;
        }
    }
    out.dedup();
    out
}

/// How many members two sorted sets share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// A caption run into the text without a full stop ("… than a colleague The cost of divorce …"):
/// a lower-case content word, then a capitalized function word, then a lower-case word. (A
/// function word before it is a name: "la Une de", "told The Mail".)
fn has_run_in_caption(doc: &Document, toks: std::ops::Range<usize>) -> bool {
    let text = doc.text();
    let lower = |t: &Token| t.is_word() && !t.cap;
    (toks.start..toks.end.saturating_sub(2)).any(|k| {
        let w = &doc.tokens[k..k + 3];
        let b = &w[1];
        lower(&w[0])
            && !is_stop(doc, k)
            && b.is_word()
            && b.cap
            && b.space_before
            && b.key.chars().nth(1).is_some()
            && !b.text(text).chars().all(|c| c.is_uppercase())
            && is_stop(doc, k + 1)
            && lower(&w[2])
            && w[2].space_before
    })
}

/// Does the sentence open with page chrome ("Scroll down for video …", "Read more: …")? Only
/// openings of three words or more are checked: a one-word chrome line ("Share", "Video") is
/// also the first word of real sentences.
fn opens_with_chrome(doc: &Document, toks: &[Token]) -> bool {
    // (The first six words are all it reads.)
    let words: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].is_word())
        .take(6)
        .collect();
    if words.len() < 3 || !chrome().may_be_listed(&toks[words[0]].key) {
        return false;
    }
    // The keys of the sentence's own tokens, as the text they span would be cut into.
    let mut keys = String::new();
    (3..=6.min(words.len())).any(|j| {
        crate::segment::joined_keys(
            doc.text(),
            &toks[words[0]..=words[j - 1]],
            &mut keys,
            usize::MAX,
        );
        chrome().is_listed(&keys)
    })
}

/// Can the sentence be in a summary? Not a fragment, not a question (a teaser), not a heading or
/// caption, not chrome.
fn eligible(doc: &Document, i: usize) -> bool {
    let Some(s) = doc.sentences.get(i) else {
        return false;
    };
    let words = doc
        .sentence_tokens(s)
        .iter()
        .filter(|t| t.is_word())
        .count();
    let text = doc.slice(s.range).trim_end();
    words >= 5
        && !text.ends_with('?')
        && doc.blocks.get(s.block).map(|b| b.kind) == Some(BlockKind::Paragraph)
        && !has_run_in_caption(doc, s.tokens.clone())
        && !opens_with_chrome(doc, &doc.tokens[s.tokens.clone()])
}

/// Default summary length for a text of `n` eligible sentences: 3 for a news article, more for
/// long texts (one more per 25 sentences past 40, at most 10).
pub fn default_length(n: usize) -> usize {
    match n {
        0..=3 => n.min(1),
        4..=40 => 3,
        _ => (3 + (n - 40) / 25).min(10),
    }
}

/// Per-sentence fact salience (0..1): the sentences that meeting and agreement cards cite as
/// evidence. Numbers and quotes are left out: they are everywhere in news and the other signals
/// already see them.
pub fn fact_salience(doc: &Document, facts: &[Fact]) -> Vec<f64> {
    let mut out = vec![0.0; doc.sentences.len()];
    let spans: Vec<_> = doc.sentences.iter().map(|s| doc.span(s.range)).collect();
    for f in facts {
        if !matches!(f, Fact::Meeting(_) | Fact::Agreement(_)) {
            continue;
        }
        // A card read from many sentences lends each of them less: the sentence that states
        // two facts (the meeting and what was signed there) outranks a passing mention.
        let share = f.confidence().clamp(0.0, 1.0) / (f.evidence().len().max(1) as f64).sqrt();
        for e in f.evidence() {
            // Sentences are in order: the first one that ends after the evidence starts.
            let i = spans.partition_point(|s| s.end <= e.start);
            if let (Some(s), Some(o)) = (spans.get(i), out.get_mut(i)) {
                if s.start < e.end {
                    *o += share;
                }
            }
        }
    }
    for o in &mut out {
        *o = o.min(1.0);
    }
    out
}

/// The summary: `k` sentences (default [`default_length`]) within `max_words` words when given
/// (sentences that would overflow the budget are skipped; the best sentence is always kept, even
/// alone over budget). `fact_salience` is [`fact_salience`]'s output, or empty.
pub fn summarize(
    doc: &Document,
    ents: &Entities,
    fact_salience: &[f64],
    k: Option<usize>,
    max_words: Option<usize>,
) -> Vec<SummarySentence> {
    let n = doc.sentences.len();
    if n == 0 {
        return Vec::new();
    }
    let sets: Vec<Vec<u32>> = doc
        .sentences
        .iter()
        .map(|s| terms(doc, s.tokens.clone()))
        .collect();
    // Sentence graph, windowed.
    let mut edges: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    let ln_len: Vec<f64> = sets.iter().map(|s| (s.len() as f64).ln()).collect();
    // The similarity of two sentences of two terms or more: the terms they share over the sum of
    // the logarithms of their counts. Each sentence's terms are marked in a table by stem number,
    // then the terms of the sentences after it that are marked are counted.
    let stems = sets.iter().flatten().max().map_or(0, |&t| t as usize + 1);
    let mut mark = vec![usize::MAX; stems];
    for i in (0..n).filter(|&i| sets[i].len() >= 2) {
        for &t in &sets[i] {
            mark[t as usize] = i;
        }
        for j in (i + 1..n.min(i + 1 + WEIGHTS.window)).filter(|&j| sets[j].len() >= 2) {
            let shared = sets[j].iter().filter(|&&t| mark[t as usize] == i).count();
            let w = shared as f64 / (ln_len[i] + ln_len[j]);
            if w > 0.0 {
                edges[i].push((j, w));
                edges[j].push((i, w));
            }
        }
    }
    let out_weight: Vec<f64> = edges.iter().map(|e| e.iter().map(|x| x.1).sum()).collect();
    // The edges laid out flat, row after row, with their end's out weight: each round computes
    // every edge's share in one pass the compiler can vectorize (the same operations in the same
    // order, so the same numbers), then adds them up row by row, in order.
    let row_end: Vec<usize> = edges
        .iter()
        .scan(0, |end, e| {
            *end += e.len();
            Some(*end)
        })
        .collect();
    let ends: Vec<usize> = edges.iter().flatten().map(|&(j, _)| j).collect();
    let weights: Vec<f64> = edges.iter().flatten().map(|&(_, w)| w).collect();
    // (An edge weighs more than 0: its end's out weight does too.)
    let end_weights: Vec<f64> = ends.iter().map(|&j| out_weight[j]).collect();
    let mut share = vec![0.0; ends.len()];
    let mut rank = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    for _ in 0..30 {
        for (s, &j) in share.iter_mut().zip(&ends) {
            *s = rank[j];
        }
        for ((s, &w), &o) in share.iter_mut().zip(&weights).zip(&end_weights) {
            *s = 0.85 * *s * w / o;
        }
        let mut start = 0;
        for (x, &end) in next.iter_mut().zip(&row_end) {
            *x = 0.15 / n as f64;
            for &s in &share[start..end] {
                *x += s;
            }
            start = end;
        }
        std::mem::swap(&mut rank, &mut next);
    }
    let max_rank = rank.iter().cloned().fold(0.0, f64::max).max(1e-12);
    // In how many sentences each term occurs: density and centroid.
    let mut df: Vec<usize> = Vec::new();
    for set in &sets {
        for &t in set {
            if df.len() <= t as usize {
                df.resize(t as usize + 1, 0);
            }
            df[t as usize] += 1;
        }
    }
    let df_of = |t: &u32| df[*t as usize];
    let density: Vec<f64> = sets
        .iter()
        .map(|set| {
            if set.is_empty() {
                0.0
            } else {
                set.iter().filter(|t| df_of(t) >= 2).count() as f64 / set.len() as f64
            }
        })
        .collect();
    let centroid: Vec<f64> = sets
        .iter()
        .map(|set| {
            if set.is_empty() {
                0.0
            } else {
                set.iter().map(|t| (df_of(t) as f64).ln()).sum::<f64>() / (set.len() as f64).sqrt()
            }
        })
        .collect();
    let max_centroid = centroid.iter().cloned().fold(0.0, f64::max).max(1e-12);
    // Title overlap.
    let title: Vec<u32> = doc
        .blocks
        .iter()
        .position(|b| b.kind == BlockKind::Title)
        .map(|b| terms(doc, doc.block_tokens[b].clone()))
        .unwrap_or_default();
    // Entity salience per sentence.
    let mut ent_score = vec![0.0; n];
    for m in &ents.mentions {
        if let (Some(s), Some(e)) = (ent_score.get_mut(m.sentence), ents.list.get(m.entity)) {
            *s += e.salience;
        }
    }
    let max_ent = ent_score.iter().cloned().fold(0.0, f64::max).max(1e-12);
    let words_in: Vec<usize> = doc
        .sentences
        .iter()
        .map(|s| {
            doc.sentence_tokens(s)
                .iter()
                .filter(|t| t.is_word())
                .count()
        })
        .collect();
    let word_count = |i: usize| words_in[i];
    let mut eligible_idx: Vec<usize> = (0..n).filter(|&i| eligible(doc, i)).collect();
    if eligible_idx.is_empty() {
        // Nothing looks like a clean sentence (a text of fragments, or one glued run): rather
        // than no summary, the best of the paragraph text.
        eligible_idx = (0..n)
            .filter(|&i| {
                doc.blocks.get(doc.sentences[i].block).map(|b| b.kind) == Some(BlockKind::Paragraph)
            })
            .collect();
    }
    let mut score = vec![0.0; n];
    for (pos, &i) in eligible_idx.iter().enumerate() {
        let t_overlap = if title.is_empty() || sets[i].is_empty() {
            0.0
        } else {
            shared(&sets[i], &title) as f64 / title.len() as f64
        };
        let prior = if pos < WEIGHTS.lead {
            1.0
        } else {
            (-((pos + 1 - WEIGHTS.lead) as f64) / WEIGHTS.decay).exp()
        };
        let fact = fact_salience.get(i).copied().unwrap_or(0.0);
        let words = word_count(i).max(1);
        let length = (WEIGHTS.long_words as f64 / words as f64).min(1.0);
        score[i] = length
            * (WEIGHTS.position * prior
                + WEIGHTS.centrality * rank[i] / max_rank
                + WEIGHTS.density * density[i]
                + WEIGHTS.centroid * centroid[i] / max_centroid
                + WEIGHTS.title * t_overlap.min(1.0)
                + WEIGHTS.entities * ent_score[i] / max_ent
                + WEIGHTS.facts * fact);
    }
    let want = match (k, max_words) {
        (Some(k), _) => k,
        // A word budget alone: as many sentences as fit.
        (None, Some(_)) => eligible_idx.len(),
        (None, None) => default_length(eligible_idx.len()),
    }
    .min(eligible_idx.len());
    // MMR selection.
    let mut chosen: Vec<usize> = Vec::new();
    let mut skipped: HashSet<usize> = HashSet::default();
    let mut words = 0;
    while chosen.len() < want {
        let best = eligible_idx
            .iter()
            .filter(|i| !chosen.contains(i) && !skipped.contains(i))
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
        let w = word_count(i);
        if let Some(max) = max_words {
            if words + w > max && !chosen.is_empty() {
                skipped.insert(i);
                continue;
            }
        }
        words += w;
        chosen.push(i);
    }
    crate::sort::by(&mut chosen, |a, b| a.cmp(b));
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

fn overlap(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    shared(a, b) as f64 / (a.len().min(b.len()) as f64)
}

/// The article's key phrases, most important first: the most salient named entities (under their
/// full name) and noun phrases — runs of two to four lower-case content words, an interior particle
/// allowed ("accordi di cooperazione", "frozen assets"). A capitalized word ends a noun phrase, so a
/// verb before a name ("definito Putin") is never one; speech verbs, numbers, stopwords, months and
/// weekdays never enter. Phrases are merged by stem ("russo/russi/russa" count once) and one whose
/// stems are all already shown is skipped.
pub fn keyphrases(doc: &Document, ents: &Entities, max: usize) -> Vec<String> {
    let lex = doc.lex;
    let text = doc.text();
    let n = doc.sentences.len().max(1) as f64;
    // A word that can be part of a noun phrase: decided once per word of the document.
    let mut is_content: Vec<Option<bool>> = vec![None; doc.words.len()];
    let mut content = |i: usize| {
        let w = doc.word_of[i] as usize;
        *is_content[w].get_or_insert_with(|| {
            let t = &doc.tokens[i];
            let key = t.key.trim_end_matches('\'');
            let id = doc.id(i);
            t.is_word()
                && key.chars().nth(2).is_some()
                && key.chars().all(char::is_alphabetic)
                && !lex.stopwords.has(id)
                && !lex.speech_verbs.has(id)
                && !lex.months.has(id)
                && !lex.weekdays.has(id)
                && !lex.number_words.has(id)
        })
    };
    let stem = |i: usize| doc.stem(i);
    // Word weights by stem: occurrences, earlier ones weighing more.
    // (A document numbers its stems 0, 1, 2…: a vector by stem number.)
    let mut freq: Vec<f64> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            if content(i) {
                let s = stem(i) as usize;
                if freq.len() <= s {
                    freq.resize(s + 1, 0.0);
                }
                freq[s] += 1.0 + 0.5 * (1.0 - si as f64 / n);
            }
        }
    }
    let freq_of = |s: u32| freq.get(s as usize).copied().unwrap_or(0.0);
    // Noun phrases by their stems: (score, written form, count).
    let mut cands: HashMap<Vec<u32>, (f64, String, usize)> = HashMap::default();
    for (si, s) in doc.sentences.iter().enumerate() {
        let first = s.tokens.start;
        let toks = doc.sentence_tokens(s);
        // Lower-case, or the capitalized first word of a sentence that is not a name.
        let lowerish = |k: usize| {
            let t = &toks[k];
            !t.cap || (k == 0 && ents.mention_at(first).is_none())
        };
        let mut i = 0;
        while i < toks.len() {
            if !(content(first + i) && lowerish(i)) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && j - i < 4 {
                if content(first + j) && lowerish(j) && toks[j].space_before {
                    j += 1;
                } else if lex.particles.has(doc.id(first + j))
                    && j + 1 < toks.len()
                    && content(first + j + 1)
                    && lowerish(j + 1)
                    && j + 1 - i < 4
                {
                    j += 2;
                } else {
                    break;
                }
            }
            // Words seen once at the edges of a long run are mostly verbs and modifiers of the
            // moment ("state visit aimed"): trim them while two words remain.
            let rare = |k: usize| freq_of(stem(first + k)) < 2.0;
            let (mut a, mut b) = (i, j);
            while b - a > 2 && (rare(b - 1) || !content(first + b - 1)) {
                b -= 1;
            }
            while b - a > 2 && (rare(a) || !content(first + a)) {
                a += 1;
            }
            while b > a && !content(first + b - 1) {
                b -= 1;
            }
            let words: Vec<usize> = (a..b).filter(|&k| content(first + k)).collect();
            if words.len() >= 2 {
                let stems: Vec<u32> = words.iter().map(|&k| stem(first + k)).collect();
                let score: f64 = stems.iter().map(|&s| freq_of(s)).sum::<f64>()
                    / (stems.len() as f64).sqrt()
                    * (1.0 + 0.3 * (1.0 - si as f64 / n));
                // The written form of a phrase's first occurrence: built only then.
                let e = cands.entry(stems).or_insert_with(|| {
                    let mut written = String::new();
                    for (k, t) in toks[a..b].iter().enumerate() {
                        let w = t.text(text);
                        if k > 0 && t.space_before {
                            written.push(' ');
                        }
                        if a + k == 0 && t.cap {
                            written.push_str(&crate::unicode::to_lowercase(w));
                        } else {
                            written.push_str(w);
                        }
                    }
                    (0.0, written, 0)
                });
                e.0 = e.0.max(score);
                e.2 += 1;
            }
            i = j;
        }
    }
    // Entities: the salient ones under their full name, weighed like a phrase seen that often.
    let mut mentions = vec![0usize; ents.list.len()];
    for m in &ents.mentions {
        if let Some(c) = mentions.get_mut(m.entity) {
            *c += 1;
        }
    }
    let max_freq = freq.iter().cloned().fold(1.0, f64::max);
    let mut list: Vec<(f64, String, Vec<u32>, bool)> = Vec::new();
    for (e, f) in ents.list.iter().enumerate() {
        if mentions[e] < 2 && f.salience < 0.5 {
            continue;
        }
        let stems: Vec<u32> = crate::token::tokenize(&f.name, 0)
            .iter()
            .filter(|t| t.is_word())
            .map(|t| doc.stem_of_key(&t.key))
            .collect();
        if stems.is_empty() {
            continue;
        }
        list.push((2.0 * max_freq * f.salience, f.name.clone(), stems, true));
    }
    // Noun phrases seen once whose words are rare are noise.
    for (stems, (score, written, count)) in cands {
        let recurring = stems.iter().filter(|&&s| freq_of(s) >= 2.0).count();
        if count < 2 && recurring < stems.len().min(2) {
            continue;
        }
        list.push((score * (count as f64).sqrt(), written, stems, false));
    }
    crate::sort::by(&mut list, |a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
    });
    // Names take at most half the list: the rest is what the article is about.
    let mut out: Vec<String> = Vec::new();
    let mut used: HashSet<u32> = HashSet::default();
    let mut names = 0;
    for (_, written, stems, is_name) in list {
        if out.len() >= max {
            break;
        }
        if stems.iter().all(|s| used.contains(s)) || (is_name && names >= max.div_ceil(2)) {
            continue;
        }
        names += usize::from(is_name);
        used.extend(stems);
        out.push(written);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Agreement, Span};
    use crate::extract::entities;

    fn doc(text: &str, lang: &str) -> Document<'static> {
        Document::new(Box::leak(text.to_string().into_boxed_str()), Some(lang))
    }

    #[test]
    fn what_is_never_eligible() {
        let cases: &[(&str, &str, bool)] = &[
            (
                "en",
                "The council approved the new budget on Monday evening.",
                true,
            ),
            (
                "en",
                "Will the council approve the new budget this week?",
                false,
            ),
            ("en", "Budget approved.", false),
            (
                "en",
                "Voters can expect a higher bill than a neighbour The council approved the budget.",
                false,
            ),
            (
                "en",
                "The council said it would consult The Guardian readers first.",
                true,
            ),
            (
                "en",
                "Scroll down for video The council approved the budget on Monday.",
                false,
            ),
            (
                "fr",
                "La couronne a servi pour la Une de Rap Pages en mars dernier.",
                true,
            ),
            (
                "it",
                "Il consiglio comunale ha approvato il bilancio lunedì sera.",
                true,
            ),
        ];
        for (lang, text, want) in cases {
            let d = doc(text, lang);
            assert_eq!(eligible(&d, 0), *want, "{text}");
        }
    }

    #[test]
    fn default_length_table() {
        for (n, want) in [(0, 0), (1, 1), (3, 1), (4, 3), (40, 3), (65, 4), (1000, 10)] {
            assert_eq!(default_length(n), want, "{n}");
        }
    }

    const ARTICLE: &str = "Flood barrier\n\nThe city council approved a new flood barrier for the river port on Monday. \
        The barrier will cost the city council about forty million euros over five years. \
        Engineers said the river port had flooded three times since the last barrier failed. \
        Residents of the old town welcomed the vote after years of flooding. \
        The mayor and the regional governor signed a funding agreement for the barrier later that day. \
        Work on the barrier starts in spring and should end before the next winter floods.";

    #[test]
    fn lead_first_and_document_order() {
        let d = doc(ARTICLE, "en");
        let e = entities::extract(&d);
        let s = summarize(&d, &e, &[], None, None);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].index, 0);
        assert!(s.windows(2).all(|w| w[0].index < w[1].index));
    }

    #[test]
    fn a_word_budget_skips_what_does_not_fit() {
        let d = doc(ARTICLE, "en");
        let e = entities::extract(&d);
        for budget in [5, 20, 40, 1000] {
            let s = summarize(&d, &e, &[], None, Some(budget));
            let words: usize = s.iter().map(|x| x.text.split_whitespace().count()).sum();
            assert!(!s.is_empty());
            assert!(s.len() == 1 || words <= budget, "{budget}: {words}");
        }
        // A budget alone is filled; with K both limits hold.
        assert!(summarize(&d, &e, &[], None, Some(1000)).len() > 3);
        assert_eq!(summarize(&d, &e, &[], Some(2), Some(1000)).len(), 2);
    }

    #[test]
    fn a_fact_card_sentence_enters_the_summary() {
        let d = doc(ARTICLE, "en");
        let e = entities::extract(&d);
        let signed = d.span(d.sentences[4].range);
        let card = Fact::Agreement(Agreement {
            evidence: vec![Span {
                start: signed.start + 4,
                end: signed.end - 10,
            }],
            confidence: 0.9,
            parties: Vec::new(),
            title: "funding agreement".into(),
            topics: Vec::new(),
            count: None,
            when: None,
            status: None,
        });
        let sal = fact_salience(&d, &[card]);
        assert_eq!(sal.iter().filter(|&&x| x > 0.0).count(), 1);
        assert!(sal[4] > 0.0);
        let without = summarize(&d, &e, &[], Some(3), None);
        let with = summarize(&d, &e, &sal, Some(3), None);
        assert!(!without.iter().any(|s| s.index == 4));
        assert!(with.iter().any(|s| s.index == 4));
        assert_eq!(with[0].index, 0);
    }

    #[test]
    fn keyphrases_are_merged_noun_phrases() {
        let text =
            "Russi e cinesi\n\nIl governo russo ha firmato accordi di cooperazione con la Cina. \
            Le sanzioni internazionali pesano sul commercio russo. \
            Ha definito Putin un amico dei cinesi, mentre le sanzioni internazionali crescono. \
            Gli accordi di cooperazione riguardano energia e difesa, ha detto il ministro russo. \
            La delegazione russa è ripartita ieri.";
        let d = doc(text, "it");
        let e = entities::extract(&d);
        let k = keyphrases(&d, &e, 8);
        assert!(k.iter().any(|p| p == "accordi di cooperazione"), "{k:?}");
        assert!(k.iter().any(|p| p == "sanzioni internazionali"), "{k:?}");
        for p in &k {
            assert!(!p.contains("definito"), "{p}");
            assert!(!p.contains("detto"), "{p}");
            let first = p.split_whitespace().next().unwrap_or_default();
            assert!(!d.lex.is_stopword(&first.to_lowercase()), "{p}");
        }
        // One stem, one phrase: not "russo", "russa", "russi" side by side.
        let russ = k
            .iter()
            .filter(|p| p.split_whitespace().count() == 1 && p.to_lowercase().starts_with("russ"))
            .count();
        assert!(russ <= 1, "{k:?}");
    }
}
