//! Segmentation of the normalized text: blocks (headline, headings, paragraphs, page chrome),
//! tokens with byte spans, and sentences.

use crate::chrome::{chrome, Line};
use crate::lexicon::Lexicon;

/// A byte range of the normalized text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub range: Range,
    pub kind: TokenKind,
    /// Lower-case, folded form used to look words up.
    pub key: String,
    /// Whitespace comes right before it.
    pub space_before: bool,
    /// The first letter is upper-case.
    pub cap: bool,
}

impl Token {
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.range.start..self.range.end]
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn is(&self, s: &str) -> bool {
        self.key == s
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// English clitics that follow an apostrophe ("Moscow's", "don't").
const CLITICS: &[&str] = &["s", "t", "re", "ll", "ve", "d", "m"];

/// Splits text into tokens. Words are runs of letters/digits; a short word before an apostrophe is
/// an elision ("dell'", "l'", "d'") and keeps it; digits with inner `.`/`,` followed by a digit are
/// one number ("1.000,5"); every other non-space character is a punctuation token ("..." is one).
pub fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    let mut space = true;
    while i < text.len() {
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c.is_whitespace() {
            space = true;
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            let mut j = i;
            while j < text.len() {
                let d = b[j];
                if d.is_ascii_digit()
                    || ((d == b'.' || d == b',') && b.get(j + 1).is_some_and(u8::is_ascii_digit))
                {
                    j += 1;
                } else {
                    break;
                }
            }
            i = j;
            kind = TokenKind::Number;
        } else if is_word_char(c) {
            let mut j = i;
            for ch in text[i..].chars() {
                if is_word_char(ch) && !(ch.is_ascii_digit() && j > i) {
                    j += ch.len_utf8();
                } else {
                    break;
                }
            }
            // A code of capitals and digits with a capital after the digits ("M5S", "B2B") is
            // one word; "G7" and "F-16" stay a word and a number.
            if b.get(j).is_some_and(u8::is_ascii_digit)
                && text[i..j].bytes().all(|x| x.is_ascii_uppercase())
            {
                let mut k = j;
                while b.get(k).is_some_and(u8::is_ascii_digit) {
                    k += 1;
                }
                if b.get(k).is_some_and(u8::is_ascii_uppercase) {
                    while b.get(k).is_some_and(u8::is_ascii_alphanumeric) {
                        k += 1;
                    }
                    j = k;
                }
            }
            // An apostrophe between letters: an elision ("l'", "dell'") keeps it.
            if b.get(j) == Some(&b'\'') {
                let after: String = text[j + 1..]
                    .chars()
                    .take_while(|c| is_word_char(*c))
                    .collect();
                let word_len = text[i..j].chars().count();
                let clitic = CLITICS.contains(&after.to_lowercase().as_str());
                if !after.is_empty() && !clitic && word_len <= 5 {
                    j += 1;
                }
            }
            i = j;
            kind = TokenKind::Word;
        } else if c == '\'' && i > 0 && is_word_char(text[..i].chars().last().unwrap_or(' ')) {
            // "'s" after a word
            let after: String = text[i + 1..]
                .chars()
                .take_while(|c| is_word_char(*c))
                .collect();
            if CLITICS.contains(&after.to_lowercase().as_str()) {
                i += 1 + after.len();
                kind = TokenKind::Word;
            } else {
                i += 1;
                kind = TokenKind::Punct;
            }
        } else if c == '.' && text[i..].starts_with("...") {
            i += 3;
            kind = TokenKind::Punct;
        } else {
            i += c.len_utf8();
            kind = TokenKind::Punct;
        }
        let s = &text[start..i];
        out.push(Token {
            range: Range {
                start: start + offset,
                end: i + offset,
            },
            kind,
            key: crate::normalize::fold_key(s),
            space_before: space,
            cap: s.chars().next().is_some_and(char::is_uppercase),
        });
        space = false;
    }
    out
}

/// The lookup keys of the words of a phrase (punctuation that is part of words, like the
/// apostrophe of an elision or the period of "u.s", stays).
pub fn word_keys(phrase: &str) -> Vec<String> {
    tokenize(phrase, 0)
        .into_iter()
        .filter(|t| !(t.kind == TokenKind::Punct && t.key.trim().is_empty()))
        .map(|t| t.key)
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Heading,
    Paragraph,
    Chrome,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub range: Range,
    pub kind: BlockKind,
}

fn ends_like_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\u{201D}' | '\u{00BB}' | '\u{201C}' | ')' | '\'')
    });
    t.ends_with(['.', '!', '?', ':', ';', '…', ','])
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Splits the text into non-empty lines and classifies them: page chrome (see [`crate::chrome`];
/// the short lines after a line that opens a list of links are chrome too), a headline (the first
/// short line without final punctuation, when text follows), section headings (later short lines
/// with a capital and without final punctuation, followed by more text), paragraphs.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut in_list = false;
    let mut pos = 0;
    for line in text.split('\n') {
        let start = pos;
        pos += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let range = Range {
            start: start + lead,
            end: start + lead + trimmed.len(),
        };
        let line = chrome().line(trimmed);
        in_list = match line {
            Line::OpensList => true,
            Line::Chrome => in_list,
            Line::Text => in_list && chrome().is_link(trimmed),
        };
        let kind = if line != Line::Text || in_list {
            BlockKind::Chrome
        } else {
            BlockKind::Paragraph
        };
        out.push(Block { range, kind });
    }
    let content: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].kind != BlockKind::Chrome)
        .collect();
    let short = |b: &Block, max_words: usize| {
        let s = &text[b.range.start..b.range.end];
        let n = word_count(s);
        n >= 1
            && n <= max_words
            && !ends_like_sentence(s)
            && s.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    for (k, &i) in content.iter().enumerate() {
        let is_last = k + 1 == content.len();
        if is_last {
            break;
        }
        if k == 0 && short(&out[i], 25) {
            out[i].kind = BlockKind::Title;
        } else if k > 0 && short(&out[i], 10) {
            out[i].kind = BlockKind::Heading;
        }
    }
    out
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub range: Range,
    /// Index range into the document's tokens.
    pub tokens: std::ops::Range<usize>,
    /// Index of the block it belongs to.
    pub block: usize,
}

/// Opening quotation marks: “ « „
pub fn is_open_quote(s: &str) -> bool {
    matches!(s, "\u{201C}" | "\u{00AB}" | "\u{201E}")
}

/// Does `close` end a quotation opened by `open`? („ closes with “ or ”.)
pub fn closes(open: &str, close: &str) -> bool {
    matches!(
        (open, close),
        ("\u{201C}", "\u{201D}") | ("\u{00AB}", "\u{00BB}") | ("\u{201E}", "\u{201C}" | "\u{201D}")
    )
}

/// Splits one block's tokens (indices `range` of `tokens`) into sentences. A sentence ends at
/// `.`, `!`, `?`, `…` followed by space and an upper-case letter, a digit or an opening quote —
/// unless the period closes an abbreviation or an initial, or a quotation is still open (its
/// inner sentences stay with the attribution that follows).
pub fn sentences(
    text: &str,
    tokens: &[Token],
    range: std::ops::Range<usize>,
    block: usize,
    lex: &Lexicon,
) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut begin = range.start;
    let mut open_quote: Option<usize> = None; // token index of an unclosed quotation mark
    let mut straight_open: Option<usize> = None;
    let mut i = range.start;
    while i < range.end {
        let t = &tokens[i];
        let s = t.text(text);
        if t.kind == TokenKind::Punct {
            if s == "\"" {
                straight_open = if straight_open.is_some() {
                    None
                } else {
                    Some(i)
                };
            } else if let Some(q) = open_quote {
                if closes(tokens[q].text(text), s) {
                    open_quote = None;
                }
            } else if is_open_quote(s) {
                open_quote = Some(i);
            }
        }
        // A quotation left open for very long is a stray mark: stop honouring it.
        if open_quote.is_some_and(|q| i - q > 400) {
            open_quote = None;
        }
        if straight_open.is_some_and(|q| i - q > 400) {
            straight_open = None;
        }
        let is_end_mark = |s: &str| matches!(s, "." | "!" | "?" | "…" | "...");
        // A closing quotation mark right after an end mark ends the sentence there too.
        let ender = t.kind == TokenKind::Punct
            && (is_end_mark(s)
                || (matches!(s, "\u{201D}" | "\u{00BB}" | "\"" | "\u{201C}")
                    && !t.space_before
                    && i > range.start
                    && is_end_mark(tokens[i - 1].text(text))));
        if ender && open_quote.is_none() && straight_open.is_none() {
            // Take closing quotes and brackets that follow the ender into the sentence.
            let mut j = i + 1;
            while j < range.end
                && tokens[j].kind == TokenKind::Punct
                && !tokens[j].space_before
                && matches!(
                    tokens[j].text(text),
                    "\u{201D}" | "\u{00BB}" | "\"" | ")" | "'" | "!" | "?" | "."
                )
            {
                j += 1;
            }
            let next = tokens.get(j).filter(|_| j < range.end);
            let boundary = match next {
                None => true,
                Some(n) => {
                    let nt = n.text(text);
                    n.space_before
                        && (n.cap
                            || n.kind == TokenKind::Number
                            || is_open_quote(nt)
                            || nt == "\""
                            || nt == "-")
                }
            };
            let prev = if i > range.start {
                Some(&tokens[i - 1])
            } else {
                None
            };
            let abbreviation = s == "."
                && prev.is_some_and(|p| {
                    !t.space_before
                        && p.is_word()
                        && (lex.abbreviations.contains(&p.key)
                            // an initial, or a letter of "z. B.", "u. a." (not a word: "è")
                            || (p.text(text).chars().count() == 1
                                && (p.cap || !lex.is_stopword(&p.key)))
                            // the last letter of a dotted abbreviation: "U.S.", "z.B.", "e.g."
                            || (p.text(text).chars().count() <= 3
                                && !p.space_before
                                && i >= range.start + 2
                                && tokens[i - 2].key == "."))
                });
            // "am 22. Januar", "der 3. Oktober": an ordinal written with a period.
            let ordinal = s == "."
                && lex.ordinal_period
                && prev.is_some_and(|p| {
                    p.kind == TokenKind::Number && !t.space_before && p.key.len() <= 3
                })
                && (i >= range.start + 2 && lex.articles.contains(&tokens[i - 2].key)
                    || next.is_some_and(|n| lex.months.longest(&[n.key.as_str()]).is_some()));
            if boundary && !abbreviation && !ordinal {
                out.push(Sentence {
                    range: Range {
                        start: tokens[begin].range.start,
                        end: tokens[j - 1].range.end,
                    },
                    tokens: begin..j,
                    block,
                });
                begin = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if begin < range.end {
        out.push(Sentence {
            range: Range {
                start: tokens[begin].range.start,
                end: tokens[range.end - 1].range.end,
            },
            tokens: begin..range.end,
            block,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;

    fn split(text: &str, lang: &str) -> Vec<String> {
        let toks = tokenize(text, 0);
        let n = toks.len();
        sentences(text, &toks, 0..n, 0, lexicon(lang).unwrap())
            .iter()
            .map(|s| text[s.range.start..s.range.end].to_string())
            .collect()
    }

    #[test]
    fn tokens_keep_numbers_elisions_and_clitics() {
        let t = tokenize("Dell'80% di 1.000,5 e Moscow's G7 F-16 M5S", 0);
        let keys: Vec<&str> = t.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "dell'", "80", "%", "di", "1.000,5", "e", "moscow", "'s", "g", "7", "f", "-", "16",
                "m5s"
            ]
        );
        assert!(!t[9].space_before); // "7" glued to "G"
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "it",
                "Il sig. Rossi è arrivato. Poi è partito.",
                &["Il sig. Rossi è arrivato.", "Poi è partito."],
            ),
            (
                "en",
                "Mr. Smith met J. K. Rowling. They talked.",
                &["Mr. Smith met J. K. Rowling.", "They talked."],
            ),
            (
                "en",
                "It grew 1.5 percent to $1,000.50 in 2023. Next.",
                &["It grew 1.5 percent to $1,000.50 in 2023.", "Next."],
            ),
            (
                "it",
                "\u{201C}Siamo pronti. Lo faremo\u{201D}, ha detto Lam. Poi basta.",
                &[
                    "\u{201C}Siamo pronti. Lo faremo\u{201D}, ha detto Lam.",
                    "Poi basta.",
                ],
            ),
            (
                "en",
                "Wait... what? Yes! Done",
                &["Wait... what?", "Yes!", "Done"],
            ),
            (
                "en",
                "He said \"We won. Again.\" Then left.",
                &["He said \"We won. Again.\"", "Then left."],
            ),
        ];
        for (lang, text, want) in cases {
            assert_eq!(split(text, lang), *want, "{text}");
        }
    }

    #[test]
    fn blocks_find_title_headings_and_chrome() {
        let text = "Big news today\n\nFirst paragraph. It is long.\n\nA heading\n\nMore text here.\n\nBack to top button";
        let kinds: Vec<BlockKind> = blocks(text).iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Title,
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Chrome
            ]
        );
    }
}
