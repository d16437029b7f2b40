//! Page chrome: the lines of a pasted web page that are not the article — menus, share and
//! subscribe buttons, bylines, photo credits and captions, breadcrumbs, and the lists of links to
//! other articles that follow a "Most read" or "Read more" line. Read from every language's
//! `chrome.txt` (sites mix them: Italian pages say "Back to top button") and from
//! `data/common/chrome.txt` (the marks no language owns), as `build.rs` compiles them into the
//! file every language shares.

// A fast hash: keys are words of the text, never a security boundary.
use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use crate::segment::{tokenize, Token, TokenKind};
use crate::token::is_blank;

/// The longest byline, caption or breadcrumb line read as chrome, in words.
const MAX_LINE_WORDS: usize = 20;
/// The longest link of a list of links, in words.
const MAX_LINK_WORDS: usize = 25;

/// What a line of the page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    /// Text of the article (or a heading).
    Text,
    /// Page chrome.
    Chrome,
    /// Page chrome that opens a list of links ("Più lette", "Read more"): the short lines after
    /// it are chrome too.
    OpensList,
}

/// Page chrome of every language.
pub struct Chrome {
    lines: HashSet<String>,
    /// Prefixes that end with a word: a line opens with one when it goes on after a space.
    word_prefixes: HashSet<String>,
    /// The most spaces in a word prefix.
    prefix_spaces: usize,
    /// Prefixes that end with a mark ("foto :", "©"): a line opens with one whatever follows.
    mark_prefixes: Vec<String>,
    /// The first key of every listed line and prefix: a line that opens with none of them (nor
    /// with a mark prefix) is not listed, a cheap test before its keys are joined.
    firsts: HashSet<String>,
    /// The mark prefixes of one word ("©"): a line whose first key starts with one may be listed.
    word_marks: Vec<String>,
    /// Lines that open a list of links.
    lists: HashSet<String>,
    /// Words that open a byline when a name follows ("By", "Di", "Por", "Par", "Von"), as word
    /// keys.
    bylines: Vec<Vec<String>>,
    /// Words of a photo credit ("Foto", "Photo", "Credit", "Getty Images"), as word keys.
    credits: Vec<Vec<String>>,
    /// Words that open a timestamp line when a number follows ("Updated", "Pubblicato").
    dated: Vec<Vec<String>>,
    /// Marks between the parts of a breadcrumb ("Mundo > Encuentro", "Home / Politics").
    separators: HashSet<String>,
}

impl Chrome {
    /// What a whole line is: a listed line or prefix, a byline, a photo credit or caption, a
    /// timestamp, a breadcrumb, a row of share buttons, or text.
    pub fn line(&self, line: &str) -> Line {
        self.line_of(line, &tokenize(line.trim(), 0))
    }

    /// [`Chrome::line`] of a trimmed line and its tokens.
    pub fn line_of(&self, line: &str, toks: &[Token]) -> Line {
        let mut key = String::with_capacity(line.len());
        for t in toks.iter().filter(|t| !is_blank(t)) {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(&t.key);
        }
        if key.is_empty() {
            return Line::Text;
        }
        // ("Leggi anche:", "Read more…": the list heading with its mark.)
        let bare = key
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .trim_end();
        if self.lists.contains(bare) {
            return Line::OpensList;
        }
        let chrome = self.listed(&key)
            || self.byline(line, toks)
            || self.credit(toks)
            || self.timestamp(line, toks)
            || self.breadcrumb(line, toks)
            || self.buttons(toks);
        if chrome {
            Line::Chrome
        } else {
            Line::Text
        }
    }

    /// A line of a list of links: short, and not a sentence.
    pub fn is_link(&self, line: &str) -> bool {
        let words = line.split_whitespace().take(MAX_LINK_WORDS + 1).count();
        words <= MAX_LINK_WORDS && !ends_sentence(line)
    }

    /// Is a text a listed chrome line, or does it open with a listed prefix? Given the text's word
    /// keys joined by spaces ([`crate::segment::joined_keys`]).
    pub fn is_listed(&self, keys: &str) -> bool {
        self.listed(keys)
    }

    /// A listed line, or a line that opens with a listed prefix (whole words: "voir plus*" is not
    /// "voir plusieurs").
    fn listed(&self, key: &str) -> bool {
        let first = key.split(' ').next().unwrap_or_default();
        if !self.may_be_listed(first) {
            return false;
        }
        self.lines.contains(key)
            || self
                .mark_prefixes
                .iter()
                .any(|p| key.starts_with(p.as_str()))
            || key
                .match_indices(' ')
                .map(|(i, _)| i)
                .take(self.prefix_spaces + 1)
                .chain([key.len()])
                .any(|i| self.word_prefixes.contains(&key[..i]))
    }

    /// Can a text whose first word key is `first` be listed ([`Chrome::is_listed`])? `false` is
    /// sure; `true` asks for the whole test.
    pub fn may_be_listed(&self, first: &str) -> bool {
        first.starts_with('\'')
            || self.firsts.contains(first)
            || self
                .word_marks
                .iter()
                .any(|p| first.starts_with(p.as_str()))
    }

    /// "By John Smith", "Di Mario Rossi e Anna Bianchi", "Por Juan Pérez | Madrid": a byline
    /// phrase with a capital, then a given name or an initial and a second name, in a short line
    /// that is no sentence ("Di Matteo: …" is a headline).
    fn byline(&self, line: &str, toks: &[Token]) -> bool {
        // (Counted up to one past the most a byline has.)
        let words = toks
            .iter()
            .filter(|t| t.is_word())
            .take(MAX_LINE_WORDS + 1)
            .count();
        if words > MAX_LINE_WORDS || ends_sentence(line) {
            return false;
        }
        let Some(n) = starts_with(toks, &self.bylines) else {
            return false;
        };
        // ("di Paolo Riva": an opener in lower case, only when names alone follow it.)
        let names_only = toks[n..].iter().all(|t| !t.is_word() || t.cap);
        if !toks.first().is_some_and(|t| t.cap) && !names_only {
            return false;
        }
        let name_word = |k: usize| toks.get(k).is_some_and(|t| t.is_word() && t.cap);
        let given = toks.get(n).is_some_and(|t| {
            name_word(n) && (crate::lexicon::any_given_name(&t.key) || t.key.chars().count() == 1)
        });
        let second = name_word(n + 1)
            || (toks
                .get(n + 1)
                .is_some_and(|t| matches!(t.key.as_str(), "-" | "."))
                && name_word(n + 2));
        given && second
    }

    /// A photo credit or a caption that ends with one: a short line that opens with a credit
    /// word and a colon ("Foto: ANSA", "Photo: AFP", "Source: NATO."), or whose last words are a
    /// credit in brackets or after a slash or a bar ("… (Foto: ANSA)", "… / Getty Images"), or a
    /// line that is only a short text in brackets ("(Reuters)").
    fn credit(&self, toks: &[Token]) -> bool {
        // (Counted up to one past the most a credit line has.)
        let words = toks
            .iter()
            .filter(|t| t.is_word())
            .take(MAX_LINE_WORDS * 2 + 1)
            .count();
        if words == 0 || words > MAX_LINE_WORDS * 2 {
            return false;
        }
        let bracketed = toks.first().is_some_and(|t| t.key == "(")
            && toks.last().is_some_and(|t| t.key == ")")
            && !toks[1..toks.len() - 1].iter().any(|t| t.key == "(")
            && words <= 4;
        if bracketed {
            return true;
        }
        if words <= MAX_LINE_WORDS
            && self
                .credit_at(toks, 0)
                .is_some_and(|n| toks.get(n).is_some_and(|t| t.key == ":"))
        {
            return true;
        }
        // The last words: in the brackets that close the line, or after the last slash or bar.
        let open = if toks.last().is_some_and(|t| t.key == ")") {
            toks.iter().rposition(|t| t.key == "(")
        } else {
            toks.iter()
                .rposition(|t| matches!(t.key.as_str(), "/" | "|"))
        };
        let Some(open) = open else {
            return false;
        };
        let tail = &toks[open + 1..];
        let tail_words = tail.iter().filter(|t| t.is_word()).count();
        (1..=6).contains(&tail_words) && (0..tail.len()).any(|k| self.credit_at(tail, k).is_some())
    }

    /// "Updated 10:30 GMT, 5 March 2024", "Pubblicato il 12 marzo alle 9": a short line that opens
    /// with a word of publishing and holds a number.
    fn timestamp(&self, line: &str, toks: &[Token]) -> bool {
        toks.first().is_some_and(|t| t.cap)
            && starts_with(toks, &self.dated).is_some()
            && toks.iter().any(|t| t.kind == TokenKind::Number)
            && toks.iter().filter(|t| t.is_word()).count() <= MAX_LINE_WORDS / 2 + 2
            && !ends_sentence(line)
    }

    /// The credit phrase that starts at `toks[k]`: where it ends.
    fn credit_at(&self, toks: &[Token], k: usize) -> Option<usize> {
        starts_with(&toks[k..], &self.credits).map(|n| k + n)
    }

    /// "Mundo > Encuentro", "Home / Politics / Europe": short parts with a capital, joined by a
    /// breadcrumb mark with spaces around it; two marks, or one between parts of a word or two.
    fn breadcrumb(&self, line: &str, toks: &[Token]) -> bool {
        if ends_sentence(line)
            || toks
                .iter()
                .filter(|t| t.is_word())
                .nth(MAX_LINE_WORDS)
                .is_some()
        {
            return false;
        }
        let mut parts: Vec<Vec<&Token>> = vec![Vec::new()];
        for (i, t) in toks.iter().enumerate() {
            let spaced = t.space_before && toks.get(i + 1).is_none_or(|n| n.space_before);
            if self.separators.contains(t.key.as_str()) && spaced {
                parts.push(Vec::new());
            } else if let Some(p) = parts.last_mut() {
                p.push(t);
            }
        }
        let marks = parts.len() - 1;
        let ok = |p: &Vec<&Token>, max: usize| {
            let words: Vec<&&Token> = p.iter().filter(|t| t.is_word()).collect();
            !words.is_empty() && words.len() <= max && (p[0].cap || p[0].kind == TokenKind::Number)
        };
        marks >= 1
            && (marks >= 2 || parts.iter().all(|p| ok(p, 2)))
            && parts.iter().all(|p| ok(p, 4))
    }

    /// A row of share buttons: two or more words, each a chrome line by itself ("Facebook Twitter
    /// WhatsApp", "Condividi | Email").
    fn buttons(&self, toks: &[Token]) -> bool {
        // (Collected up to one past the most a row has.)
        let words: Vec<&Token> = toks.iter().filter(|t| t.is_word()).take(11).collect();
        words.len() >= 2
            && words.len() <= 10
            && words.iter().all(|t| self.lines.contains(t.key.as_str()))
            && toks
                .iter()
                .all(|t| t.is_word() || matches!(t.key.as_str(), "|" | "-" | "/" | "·" | "•"))
    }
}

/// The length of the longest of `phrases` (word keys) that the tokens open with.
fn starts_with(toks: &[Token], phrases: &[Vec<String>]) -> Option<usize> {
    phrases
        .iter()
        .filter(|p| p.len() <= toks.len() && toks.iter().zip(*p).all(|(t, w)| t.key == *w))
        .map(Vec::len)
        .max()
}

/// Does a line end like a sentence (a period, a question or exclamation mark, an ellipsis, maybe
/// inside closing quotes or brackets)?
fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '\'', ')', '\u{201D}', '\u{00BB}', '\u{2019}'])
        .ends_with(['.', '!', '?', '…'])
}

/// The chrome of every language and the common marks, read once.
pub fn chrome() -> &'static Chrome {
    use crate::lexicon::shared::*;
    use crate::lexicon::shared_list;
    static CHROME: OnceLock<Chrome> = OnceLock::new();
    let phrases = |list| {
        shared_list(list)
            .map(|k| k.split(' ').map(str::to_string).collect())
            .collect()
    };
    CHROME.get_or_init(|| {
        let lines: HashSet<String> = shared_list(CHROME_LINES).map(str::to_string).collect();
        let (word_prefixes, mark_prefixes): (Vec<&str>, Vec<&str>) =
            shared_list(CHROME_PREFIXES).partition(|p| p.ends_with(char::is_alphanumeric));
        let first = |s: &str| s.split(' ').next().unwrap_or_default().to_string();
        let firsts = lines
            .iter()
            .map(|s| first(s))
            .chain(word_prefixes.iter().map(|s| first(s)))
            .chain(
                mark_prefixes
                    .iter()
                    .filter(|p| p.contains(' '))
                    .map(|s| first(s)),
            )
            .collect();
        Chrome {
            prefix_spaces: word_prefixes
                .iter()
                .map(|p| p.matches(' ').count())
                .max()
                .unwrap_or(0),
            word_prefixes: word_prefixes.iter().map(|s| s.to_string()).collect(),
            mark_prefixes: mark_prefixes.iter().map(|s| s.to_string()).collect(),
            firsts,
            word_marks: mark_prefixes
                .iter()
                .filter(|p| !p.contains(' '))
                .map(|s| s.to_string())
                .collect(),
            lines,
            lists: shared_list(CHROME_LISTS).map(str::to_string).collect(),
            bylines: phrases(CHROME_BYLINES),
            credits: phrases(CHROME_CREDITS),
            dated: phrases(CHROME_DATED),
            separators: shared_list(CHROME_SEPARATORS).map(str::to_string).collect(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_lines_of_any_language_are_known() {
        let c = chrome();
        assert_eq!(c.line("Back to top button"), Line::Chrome);
        assert_eq!(c.line("  Ultime Notizie "), Line::OpensList);
        assert_eq!(c.line("Leggi anche: il vertice di ieri"), Line::Chrome);
        assert_eq!(
            c.line("Putin ha detto ai giornalisti che i colloqui sono stati costruttivi."),
            Line::Text
        );
    }
}
