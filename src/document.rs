//! A document read once: normalized text, blocks, tokens, language and sentences, shared by
//! every extractor. Spans are byte ranges of the normalized text here; [`Document::span`] is the
//! one place they become UTF-16 offsets of the original input.

use std::cell::{Cell, OnceCell, RefCell};

// A fast hash: keys are words of the text, never a security boundary.
use rustc_hash::FxHashMap as HashMap;

use crate::analysis::Span;
use crate::lexicon::{self, lexicon, Lexicon, WordId};
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
    /// Per token, its word: an index into `words`.
    pub word_of: Vec<u32>,
    /// The distinct keys of the text, each looked up once.
    pub words: Vec<Word>,
    /// Per word, its entry in the process's table of words.
    entries: Vec<u32>,
    /// Keeps the entries meaning the same while the document lives.
    reader: lexicon::WordsReader,
    /// Per word, whether it is a stopword of the language.
    stop: Vec<bool>,
    stems: OnceCell<Stems>,
}

/// A distinct key of the document.
#[derive(Clone, Copy, Debug)]
pub struct Word {
    /// The first token with this key.
    pub first: u32,
    /// Its number in the language's vocabulary, when a list of the language has it.
    pub id: Option<WordId>,
}

/// The stems of the document's words, each computed once, on first use, and numbered: equal
/// stems, equal numbers.
pub struct Stems {
    /// Per word of the document, its stem's number (`u32::MAX` until asked).
    of_word: Vec<Cell<u32>>,
    /// The stem numbers of the process's table of words, numbered again in the order the
    /// document asks for them.
    index: RefCell<HashMap<u32, u32>>,
}

impl Stems {
    fn new(words: usize) -> Stems {
        Stems {
            of_word: (0..words).map(|_| Cell::new(u32::MAX)).collect(),
            index: RefCell::new(HashMap::with_capacity_and_hasher(words, Default::default())),
        }
    }

    /// The document's number of a stem number of the table.
    fn local(&self, global: u32) -> u32 {
        let mut index = self.index.borrow_mut();
        let next = index.len() as u32;
        *index.entry(global).or_insert(next)
    }
}

/// The text read before its language is known: normalized, cut into blocks and tokens, each
/// distinct key numbered.
struct Scan {
    norm: Normalized,
    blocks: Vec<Block>,
    tokens: Vec<Token>,
    block_tokens: Vec<std::ops::Range<usize>>,
    word_of: Vec<u32>,
    /// Per word, its first token.
    firsts: Vec<u32>,
    /// Per word, its entry in the process's table of words.
    entries: Vec<u32>,
    /// Keeps the entries meaning the same while the document reads them.
    reader: lexicon::WordsReader,
}

impl Scan {
    fn new(original: &str) -> Scan {
        let norm = Normalized::new(original);
        let text = &norm.text;
        // Each line is tokenized once: for page chrome, then as the block's tokens.
        let mut blocks = Vec::new();
        // (About a token per 5.5 bytes of text: no article outgrows this.)
        let mut tokens = Vec::with_capacity(text.len() / 4 + 16);
        let mut block_tokens = Vec::new();
        let mut in_list = false;
        for range in segment::lines(text) {
            let first = tokens.len();
            crate::token::tokenize_into(&text[range.start..range.end], range.start, &mut tokens);
            let kind = segment::chrome_kind_of(
                &text[range.start..range.end],
                &tokens[first..],
                &mut in_list,
            );
            blocks.push(Block { range, kind });
            block_tokens.push(first..tokens.len());
        }
        segment::classify(text, &mut blocks);
        // Words: every distinct key once.
        let mut index: HashMap<&crate::token::Key, u32> =
            HashMap::with_capacity_and_hasher(tokens.len() / 2, Default::default());
        let mut word_of = Vec::with_capacity(tokens.len());
        let mut firsts: Vec<u32> = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let next = firsts.len() as u32;
            let w = *index.entry(&t.key).or_insert(next);
            if w == next {
                firsts.push(i as u32);
            }
            word_of.push(w);
        }
        drop(index);
        let reader = lexicon::WordsReader::new();
        let entries = reader
            .words()
            .entries(firsts.iter().map(|&f| &tokens[f as usize].key));
        Scan {
            norm,
            blocks,
            tokens,
            block_tokens,
            word_of,
            firsts,
            entries,
            reader,
        }
    }

    /// The language of the text's words (page chrome left out), and a confidence in 0..1.
    fn detect(&self) -> (&'static str, f64) {
        let mut masks: Vec<Option<u64>> = vec![None; self.firsts.len()];
        let mut table = self.reader.words();
        let body = self
            .blocks
            .iter()
            .zip(&self.block_tokens)
            .filter(|(b, _)| b.kind != BlockKind::Chrome)
            .flat_map(|(_, r)| r.clone())
            .filter(|&i| self.tokens[i].is_word())
            .take(5000)
            .map(|i| {
                let w = self.word_of[i] as usize;
                let key = self.tokens[i].key.as_str();
                let m = *masks[w].get_or_insert_with(|| table.profiles(self.entries[w], key));
                (m, key)
            });
        crate::lang::detect_masks(body)
    }
}

/// The language a text is in, as [`Document::new`] would find it (the forced one when it is
/// known), without reading the rest.
pub fn language_of(original: &str, language: Option<&str>) -> &'static str {
    match language.and_then(lexicon::supported) {
        Some(l) => l,
        None => Scan::new(original).detect().0,
    }
}

impl<'a> Document<'a> {
    pub fn new(original: &'a str, language: Option<&str>) -> Document<'a> {
        let scan = Scan::new(original);
        let (code, conf) = match language.and_then(lexicon::supported) {
            Some(l) => (l, 1.0),
            None => scan.detect(),
        };
        let Scan {
            norm,
            blocks,
            mut tokens,
            block_tokens,
            word_of,
            firsts,
            entries,
            reader,
        } = scan;
        let text = &norm.text;
        // A language whose file is not loaded (web build) is read with empty lists.
        let lex = lexicon(code).unwrap_or_else(|| lexicon::unloaded(code));
        let words: Vec<Word> = {
            let mut table = reader.words();
            let l = table.lang(lex);
            firsts
                .iter()
                .zip(&entries)
                .map(|(&first, &e)| Word {
                    first,
                    id: table.word(l, lex, e, tokens[first as usize].key.as_str()),
                })
                .collect()
        };
        for (t, &w) in tokens.iter_mut().zip(&word_of) {
            lex.number_key(&mut t.key, words[w as usize].id);
        }
        let mut sentences = Vec::new();
        for (i, b) in blocks.iter().enumerate() {
            if b.kind == BlockKind::Paragraph {
                sentences.extend(segment::sentences(
                    text,
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
            stop: words.iter().map(|w| lex.stopwords.has(w.id)).collect(),
            word_of,
            words,
            entries,
            reader,
            stems: OnceCell::new(),
        }
    }

    /// The vocabulary number of token `i`, when a list of the language has its key.
    #[inline]
    pub fn id(&self, i: usize) -> Option<WordId> {
        self.words[self.word_of[i] as usize].id
    }

    /// Is token `i` a stopword of the document's language? (Read once per word.)
    #[inline]
    pub fn is_stopword(&self, i: usize) -> bool {
        self.stop[self.word_of[i] as usize]
    }

    /// The stems of the document's words.
    pub fn stems(&self) -> &Stems {
        self.stems.get_or_init(|| Stems::new(self.words.len()))
    }

    /// The stem number of token `i`.
    pub fn stem(&self, i: usize) -> u32 {
        let w = self.word_of[i] as usize;
        let stems = self.stems();
        let cell = &stems.of_word[w];
        if cell.get() == u32::MAX {
            let global = {
                let mut table = self.reader.words();
                let l = table.lang(self.lex);
                table.stem(l, self.lex, self.entries[w], &self.tokens[i].key)
            };
            cell.set(stems.local(global));
        }
        cell.get()
    }

    /// The stem number of any key (in the numbering of [`Document::stem`]).
    pub fn stem_of_key(&self, key: &crate::token::Key) -> u32 {
        let global = {
            let mut table = self.reader.words();
            let e = table.entry(key);
            let l = table.lang(self.lex);
            table.stem(l, self.lex, e, key)
        };
        self.stems().local(global)
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
