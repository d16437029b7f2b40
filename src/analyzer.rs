//! The entry point: [`Analyzer::builder`] checks the options once, [`Analyzer::analyze`] never fails.

use serde::Deserialize;

use crate::analysis::{Analysis, Fact, FactKind, Stats};
use crate::document::Document;
use crate::error::Error;
use crate::extract::{agreements, clauses, entities, meetings, mentions, numbers, quotes};
use crate::lexicon;
use crate::segment::BlockKind;
use crate::summarize;

/// Options as the JS object or a config file spell them (camelCase); all optional.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// ISO 639-1 code, or "auto".
    pub language: Option<String>,
    pub summary_sentences: Option<usize>,
    pub max_words: Option<usize>,
    pub kinds: Option<Vec<String>>,
    pub max_chars: Option<usize>,
}

/// A configured analyzer. Cheap to build; reusable for any number of texts.
#[derive(Clone, Debug)]
pub struct Analyzer {
    language: Option<&'static str>,
    summary_sentences: Option<usize>,
    max_words: Option<usize>,
    kinds: Vec<FactKind>,
    max_chars: usize,
}

/// Builds an [`Analyzer`]; invalid options are reported by [`AnalyzerBuilder::build`].
#[derive(Clone, Debug, Default)]
pub struct AnalyzerBuilder {
    options: Options,
}

pub const DEFAULT_MAX_CHARS: usize = 1_000_000;

impl AnalyzerBuilder {
    /// Forces the language ("it", "en", "es", "fr", "de", "pt"); "auto" detects it.
    pub fn language(mut self, code: &str) -> Self {
        self.options.language = Some(code.to_string());
        self
    }

    /// Number of summary sentences (default: 3 for a news article, more for long texts).
    pub fn summary_sentences(mut self, k: usize) -> Self {
        self.options.summary_sentences = Some(k);
        self
    }

    /// A word budget for the summary.
    pub fn max_words(mut self, n: usize) -> Self {
        self.options.max_words = Some(n);
        self
    }

    /// Which fact kinds to extract ("meeting", "agreement", "number", "quote").
    pub fn kinds<S: AsRef<str>>(mut self, kinds: impl IntoIterator<Item = S>) -> Self {
        self.options.kinds = Some(kinds.into_iter().map(|k| k.as_ref().to_string()).collect());
        self
    }

    /// Longer input is truncated, with a warning.
    pub fn max_chars(mut self, n: usize) -> Self {
        self.options.max_chars = Some(n);
        self
    }

    pub fn options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    pub fn build(self) -> Result<Analyzer, Error> {
        let o = self.options;
        let language = match o.language.as_deref().map(str::trim) {
            None | Some("") | Some("auto") => None,
            Some(code) => Some(
                lexicon::supported(&code.to_ascii_lowercase())
                    .ok_or_else(|| Error::unsupported_language(code))?,
            ),
        };
        if let Some(k) = o.summary_sentences {
            if !(1..=100).contains(&k) {
                return Err(Error::invalid(
                    "summarySentences",
                    format!("{k} is not between 1 and 100"),
                ));
            }
        }
        if o.max_words == Some(0) {
            return Err(Error::invalid("maxWords", "must be at least 1"));
        }
        let kinds = match o.kinds {
            None => FactKind::ALL.to_vec(),
            Some(list) => list
                .iter()
                .map(|k| {
                    FactKind::parse(k).ok_or_else(|| {
                        Error::invalid(
                            "kinds",
                            format!("unknown kind \"{k}\" (use meeting, agreement, number, quote)"),
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?,
        };
        let max_chars = o.max_chars.unwrap_or(DEFAULT_MAX_CHARS);
        if max_chars == 0 {
            return Err(Error::invalid("maxChars", "must be at least 1"));
        }
        Ok(Analyzer {
            language,
            summary_sentences: o.summary_sentences,
            max_words: o.max_words,
            kinds,
            max_chars,
        })
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        AnalyzerBuilder::default()
            .build()
            .expect("default options are valid")
    }
}

impl Analyzer {
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// The text as it is analysed: cut at `max_chars` characters.
    fn cut<'t>(&self, text: &'t str) -> (&'t str, bool) {
        // No more bytes than the limit: no more characters either.
        if text.len() <= self.max_chars {
            return (text, false);
        }
        match text.char_indices().nth(self.max_chars) {
            Some((cut, _)) => (&text[..cut], true),
            None => (text, false),
        }
    }

    /// The language [`Analyzer::analyze`] reads a text in: the forced one, or the one detected.
    pub fn language_of(&self, text: &str) -> &'static str {
        crate::document::language_of(self.cut(text).0, self.language)
    }

    /// [`Analyzer::analyze`], or an error when the text's language has no data at hand (the web
    /// build, before its file is loaded with [`crate::load_language`]).
    pub fn try_analyze(&self, text: &str) -> Result<Analysis, Error> {
        match self.read(text) {
            (a, None) => Ok(a),
            (_, Some(code)) => Err(Error::not_loaded(code)),
        }
    }

    /// Analyses a text. Never fails: bad input gives warnings and a best-effort result.
    pub fn analyze(&self, text: &str) -> Analysis {
        self.read(text).0
    }

    /// The analysis, and the language whose data was missing if it was.
    fn read(&self, text: &str) -> (Analysis, Option<&'static str>) {
        let mut warnings = Vec::new();
        let (text, truncated) = self.cut(text);
        if truncated {
            warnings.push(format!("input truncated at {} characters", self.max_chars));
        }
        if text.trim().is_empty() {
            warnings.push("the text is empty".to_string());
        }
        if text.contains('\u{FFFD}') {
            warnings.push(
                "the text contains characters that could not be read (replaced by �)".to_string(),
            );
        }
        let doc = Document::new(text, self.language);
        let missing = (!lexicon::is_ready(doc.lex.code)).then_some(doc.lex.code);
        if missing.is_some() {
            warnings.push(format!(
                "the data of language \"{}\" is not loaded: the text was read without it",
                doc.lex.code
            ));
        }
        if doc.norm.html_stripped {
            warnings.push("HTML markup was found and ignored".to_string());
        }
        if !text.trim().is_empty() && doc.sentences.is_empty() {
            warnings.push("no sentences found".to_string());
        } else if self.language.is_none()
            && doc.language_confidence < 0.3
            && !doc.sentences.is_empty()
        {
            warnings.push(format!("language uncertain (guessed \"{}\")", doc.lex.code));
        }
        if !doc.sentences.is_empty() {
            warnings.extend(page_warnings(&doc));
        }
        let mut ents = entities::extract(&doc);
        let refs = mentions::Mentions::resolve(&doc, &mut ents);
        let mut facts: Vec<Fact> = Vec::new();
        let wants = |k: FactKind| self.kinds.contains(&k);
        if wants(FactKind::Meeting) || wants(FactKind::Agreement) {
            // Both read the meeting words: once.
            let reader = clauses::Clauses::new(&doc, &ents, &refs);
            let readings = reader.readings();
            if wants(FactKind::Meeting) {
                facts.extend(
                    meetings::extract(&reader, &readings)
                        .into_iter()
                        .map(Fact::Meeting),
                );
            }
            if wants(FactKind::Agreement) {
                facts.extend(
                    agreements::extract(&reader, &readings)
                        .into_iter()
                        .map(Fact::Agreement),
                );
            }
        }
        if self.kinds.contains(&FactKind::Number) {
            facts.extend(numbers::extract(&doc).into_iter().map(Fact::Number));
        }
        if self.kinds.contains(&FactKind::Quote) {
            facts.extend(
                quotes::extract(&doc, &ents, &refs)
                    .into_iter()
                    .map(Fact::Quote),
            );
        }
        crate::cards::tidy(&mut facts, doc.lex);
        let fact_salience = summarize::fact_salience(&doc, &facts);
        let summary = summarize::summarize(
            &doc,
            &ents,
            &fact_salience,
            self.summary_sentences,
            self.max_words,
        );
        let keyphrases = summarize::keyphrases(&doc, &ents, 8);
        let words = doc
            .blocks
            .iter()
            .zip(&doc.block_tokens)
            .filter(|(b, _)| b.kind != BlockKind::Chrome)
            .flat_map(|(_, r)| doc.tokens[r.clone()].iter())
            .filter(|t| t.is_word() || t.kind == crate::segment::TokenKind::Number)
            .count();
        let analysis = Analysis {
            schema_version: 1,
            language: doc.lex.code.to_string(),
            language_confidence: doc.language_confidence,
            title: doc.title_block().map(|b| doc.original_text(b.range)),
            summary,
            keyphrases,
            entities: ents.to_contract(&doc),
            facts,
            stats: Stats {
                characters: text.chars().count(),
                words,
                sentences: doc.sentences.len(),
                reading_minutes: if words == 0 {
                    0.0
                } else {
                    (words as f64 / 230.0 * 2.0).ceil() / 2.0
                },
            },
            warnings,
        };
        (analysis, missing)
    }
}

/// Signs of a partial or noisy page: no headline, a large share of page chrome (a third of the
/// lines or more, three at least), a last paragraph cut off without final punctuation.
fn page_warnings(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    if doc.title_block().is_none() {
        out.push("no headline found".to_string());
    }
    let chrome = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Chrome)
        .count();
    if chrome >= 3 && chrome * 3 >= doc.blocks.len() {
        out.push(format!(
            "{chrome} of {} lines are page chrome (menus, links, credits)",
            doc.blocks.len()
        ));
    }
    let last = doc
        .blocks
        .iter()
        .rev()
        .find(|b| b.kind != BlockKind::Chrome);
    if let Some(b) = last.filter(|b| b.kind == BlockKind::Paragraph) {
        let text = doc.slice(b.range);
        let ended = text
            .trim_end()
            .trim_end_matches(['"', '\'', ')', '\u{201D}', '\u{00BB}', '\u{2019}'])
            .ends_with(['.', '!', '?', '…', ':']);
        let closed_quote = text.trim_end().ends_with(['"', '\u{201D}', '\u{00BB}']);
        if text.split_whitespace().nth(5).is_some() && !ended && !closed_quote {
            out.push("the text seems cut off mid-sentence".to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_options_fail_at_build() {
        assert!(Analyzer::builder()
            .language("xx")
            .build()
            .unwrap_err()
            .to_string()
            .contains("xx"));
        assert!(Analyzer::builder().summary_sentences(0).build().is_err());
        assert!(Analyzer::builder()
            .kinds(["numbers", "gossip"])
            .build()
            .is_err());
        assert!(Analyzer::builder()
            .language("auto")
            .kinds(["quote"])
            .build()
            .is_ok());
    }

    #[test]
    fn bad_input_gives_warnings_not_panics() {
        let a = Analyzer::default();
        assert!(a.analyze("").warnings.iter().any(|w| w.contains("empty")));
        let long = "Parola. ".repeat(20);
        let cut = Analyzer::builder()
            .max_chars(30)
            .build()
            .unwrap()
            .analyze(&long);
        assert!(cut.warnings.iter().any(|w| w.contains("truncated")));
        let html = Analyzer::default().analyze("<html><body><p>Il presidente ha parlato a lungo oggi.</p><p>Poi è partito per Roma.</p></body></html>");
        assert!(html.warnings.iter().any(|w| w.contains("HTML")));
        for s in [
            "\u{0}\u{1}\u{2}",
            "12345 67890 ...",
            "«««»»»“”",
            "\u{FFFD}abc",
            "a\u{0301}\u{0301}\u{0301}",
        ] {
            let _ = a.analyze(s);
        }
    }

    #[test]
    fn kinds_filter_facts() {
        let a = Analyzer::builder().kinds(["quote"]).build().unwrap();
        let r = a.analyze(
            "Il governo ha stanziato 50 milioni di euro. “Siamo pronti a tutto”, ha detto Rossi.",
        );
        assert!(r.facts.iter().all(|f| matches!(f, Fact::Quote(_))));
        assert!(!r.facts.is_empty());
    }
}
