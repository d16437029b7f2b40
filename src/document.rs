//! A document read once: normalized text, blocks, tokens, language and sentences, shared by
//! every extractor. Spans are byte ranges of the normalized text here; [`Document::span`] is the
//! one place they become UTF-16 offsets of the original input.

use crate::analysis::Span;
use crate::lexicon::{lexicon, Lexicon};
use crate::normalize::Normalized;
use crate::segment::{self, Block, BlockKind, Range, Sentence, Token};

pub struct Document<'a> {
    pub original: &'a str,
    pub norm: Normalized,
    pub blocks: Vec<Block>,
    pub tokens: Vec<Token>,
    /// Token index range of each block.
    pub block_tokens: Vec<std::ops::Range<usize>>,
    /// Sentences of paragraph blocks, in order.
    pub sentences: Vec<Sentence>,
    pub lex: &'static Lexicon,
    pub language_confidence: f64,
}

impl<'a> Document<'a> {
    pub fn new(original: &'a str, language: Option<&str>) -> Document<'a> {
        let norm = Normalized::new(original);
        let blocks = segment::blocks(&norm.text);
        let mut tokens = Vec::new();
        let mut block_tokens = Vec::with_capacity(blocks.len());
        for b in &blocks {
            let first = tokens.len();
            tokens.extend(segment::tokenize(
                &norm.text[b.range.start..b.range.end],
                b.range.start,
            ));
            block_tokens.push(first..tokens.len());
        }
        let body = blocks
            .iter()
            .zip(&block_tokens)
            .filter(|(b, _)| b.kind != BlockKind::Chrome)
            .flat_map(|(_, r)| tokens[r.clone()].iter());
        let (code, conf) = match language.and_then(|l| lexicon(l).map(|x| x.code)) {
            Some(l) => (l, 1.0),
            None => crate::lang::detect(body),
        };
        let lex = lexicon(code).unwrap_or_else(|| lexicon("en").expect("English is built in"));
        let mut sentences = Vec::new();
        for (i, b) in blocks.iter().enumerate() {
            if b.kind == BlockKind::Paragraph {
                sentences.extend(segment::sentences(
                    &norm.text,
                    &tokens,
                    block_tokens[i].clone(),
                    i,
                    lex,
                ));
            }
        }
        Document {
            original,
            norm,
            blocks,
            tokens,
            block_tokens,
            sentences,
            lex,
            language_confidence: conf,
        }
    }

    pub fn text(&self) -> &str {
        &self.norm.text
    }

    /// The UTF-16 span of the original input that a normalized byte range came from.
    pub fn span(&self, r: Range) -> Span {
        Span {
            start: self.norm.utf16(self.original, r.start, false),
            end: self.norm.utf16(self.original, r.end, true),
        }
    }

    /// The original text of a normalized byte range (what the reader pasted).
    pub fn original_text(&self, r: Range) -> String {
        let a = self.norm.orig_byte(r.start, false);
        let b = self.norm.orig_byte(r.end, true);
        self.original.get(a..b).unwrap_or_default().to_string()
    }

    /// The normalized text of a range.
    pub fn slice(&self, r: Range) -> &str {
        self.norm.text.get(r.start..r.end).unwrap_or_default()
    }

    pub fn title_block(&self) -> Option<&Block> {
        self.blocks.iter().find(|b| b.kind == BlockKind::Title)
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.clone()]
    }

    /// Index of the sentence that contains a token.
    pub fn sentence_of_token(&self, t: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.tokens.end <= t);
        self.sentences
            .get(i)
            .filter(|s| s.tokens.contains(&t))
            .map(|_| i)
    }

    /// Does the token begin its sentence (ignoring opening quotes and brackets)?
    pub fn starts_sentence(&self, t: usize) -> bool {
        let Some(s) = self.sentence_of_token(t) else {
            return true;
        };
        self.sentences[s]
            .tokens
            .clone()
            .take_while(|&i| i < t)
            .all(|i| {
                self.tokens[i].kind == segment::TokenKind::Punct
                    && !matches!(self.tokens[i].key.as_str(), "." | "," | ";" | ":")
            })
    }
}
