//! Segmentation of the normalized text: blocks (headline, headings, paragraphs, page chrome),
//! tokens with byte spans, and sentences.

use crate::chrome::{chrome, Line};
use crate::lexicon::Lexicon;

pub use crate::token::{tokenize, word_keys, Range, Token, TokenKind};

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
    let mut in_list = false;
    let mut out: Vec<Block> = lines(text)
        .into_iter()
        .map(|range| Block {
            range,
            kind: chrome_kind(&text[range.start..range.end], &mut in_list),
        })
        .collect();
    classify(text, &mut out);
    out
}

/// Whether a line of the page, read in order, is chrome or a paragraph: `in_list` says whether a
/// list of links ("Più lette", "Read more") is open, and is updated.
pub fn chrome_kind(line: &str, in_list: &mut bool) -> BlockKind {
    list_state(chrome().line(line), line, in_list)
}

/// [`chrome_kind`] of a trimmed line and its tokens (not tokenized again).
pub fn chrome_kind_of(line: &str, toks: &[Token], in_list: &mut bool) -> BlockKind {
    list_state(chrome().line_of(line, toks), line, in_list)
}

fn list_state(kind: Line, line: &str, in_list: &mut bool) -> BlockKind {
    *in_list = match kind {
        Line::OpensList => true,
        Line::Chrome => *in_list,
        Line::Text => *in_list && chrome().is_link(line),
    };
    if kind != Line::Text || *in_list {
        BlockKind::Chrome
    } else {
        BlockKind::Paragraph
    }
}

/// The non-empty lines of the text, trimmed.
pub fn lines(text: &str) -> Vec<Range> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let start = pos;
        pos += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        out.push(Range {
            start: start + lead,
            end: start + lead + trimmed.len(),
        });
    }
    out
}

/// Tells the headline and the headings among lines already marked chrome or paragraph.
pub fn classify(text: &str, out: &mut [Block]) {
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
}

/// The keys of a run of tokens joined by spaces, as [`crate::token::word_keys`] of the text they
/// span would give them (what page chrome is matched on), written into `out`. A run cut out of a
/// line ends and starts like a text of its own: a last word that kept its apostrophe because a
/// word followed ("dell'") and a first "'s" read as a clitic are cut again. Stops, after a whole
/// key, once `out` is longer than `limit` bytes: returns whether it stopped before the end.
pub fn joined_keys(text: &str, tokens: &[Token], out: &mut String, limit: usize) -> bool {
    out.clear();
    let n = tokens.len();
    let push = |out: &mut String, k: &str| {
        if !k.trim().is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(k);
        }
    };
    for (i, t) in tokens.iter().enumerate() {
        if out.len() > limit {
            return true;
        }
        let edge = (i == 0 && t.key.starts_with('\'')) || (i + 1 == n && t.key.ends_with('\''));
        if edge && t.kind == TokenKind::Word {
            for k in crate::token::tokenize(t.text(text), 0) {
                push(out, &k.key);
            }
        } else {
            push(out, &t.key);
        }
    }
    false
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
            // "…aux journalistes.À Paris", "…un idiot\".L'Amazonie": text pasted without the
            // space after a period — a word in lower case (or a closing quotation mark), the period,
            // then a capitalized word that is no initial ("www.Example.com", "U.S.A." are none).
            let glued = s == "."
                && j == i + 1
                && next.is_some_and(|n| {
                    !n.space_before
                        && n.is_word()
                        && n.cap
                        && (n.text(text).chars().skip(1).any(char::is_lowercase)
                            || lex.is_stopword(&n.key))
                        && !tokens
                            .get(j + 1)
                            .is_some_and(|x| x.key == "." && !x.space_before)
                })
                && prev.is_some_and(|p| {
                    let pt = p.text(text);
                    (p.is_word()
                        && !p.cap
                        && pt.chars().count() >= 3
                        && pt.chars().all(char::is_alphabetic))
                        || matches!(pt, "\"" | "\u{00BB}" | "\u{201D}")
                });
            let boundary = boundary || glued;
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
                    || next.is_some_and(|n| lex.months.longest(&[&n.key]).is_some()));
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
