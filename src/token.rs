//! Tokens: words, numbers and punctuation with byte spans and a folded lookup key.
//!
//! This module depends on nothing else in the crate but [`crate::unicode`]: `build.rs` compiles it
//! in too, so that the word lists are cut into keys at build time exactly as running text is at
//! run time.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

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
    pub key: Key,
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

/// Keys up to this many bytes live inside the token (nearly every word); longer ones on the heap.
const INLINE: usize = 22;

/// A lookup key: a string that needs no allocation when it is short. Reads as a `&str`.
///
/// Once a document knows its language, each token's key also carries its number in that
/// language's vocabulary, so that the lexicon finds it without hashing the string again.
#[derive(Clone)]
pub struct Key {
    repr: Repr,
    /// The vocabulary the number is in (0: none yet).
    vocabulary: u16,
    /// The key's number there (`u32::MAX`: no list of that vocabulary has it).
    number: u32,
}

#[derive(Clone)]
enum Repr {
    Inline(u8, [u8; INLINE]),
    Heap(Box<str>),
}

impl Key {
    fn of(repr: Repr) -> Key {
        Key {
            repr,
            vocabulary: 0,
            number: u32::MAX,
        }
    }

    /// Records the key's number in a vocabulary (`None`: the vocabulary does not have it).
    pub fn set_number(&mut self, vocabulary: u16, number: Option<u32>) {
        self.vocabulary = vocabulary;
        self.number = number.unwrap_or(u32::MAX);
    }

    /// The key's number in a vocabulary, when it was recorded: `Some(None)` when the vocabulary
    /// does not have the key, `None` when nothing is known.
    #[inline]
    pub fn number_in(&self, vocabulary: u16) -> Option<Option<u32>> {
        (vocabulary != 0 && self.vocabulary == vocabulary)
            .then_some((self.number != u32::MAX).then_some(self.number))
    }

    /// The matching key of a word: lower-case, with apostrophes and dashes folded (see
    /// [`fold_key`]), built without an allocation when it is short.
    pub fn fold(s: &str) -> Key {
        let mut buf = [0u8; INLINE];
        // Most keys: short printable ASCII, lower-cased byte by byte.
        let b = s.as_bytes();
        if b.len() <= INLINE && b.iter().all(|c| c.is_ascii_graphic()) {
            for (o, c) in buf.iter_mut().zip(b) {
                *o = c.to_ascii_lowercase();
            }
            return Key::of(Repr::Inline(b.len() as u8, buf));
        }
        let mut len = 0;
        let s = s.trim();
        for (i, c) in s.char_indices() {
            let mut piece = [0u8; 4];
            let folded: &str = if c.is_ascii() {
                if c.is_ascii_control() {
                    match fold_char(c) {
                        Some(r) => r,
                        None => c.encode_utf8(&mut piece),
                    }
                } else {
                    (c.to_ascii_lowercase()).encode_utf8(&mut piece)
                }
            } else {
                match fold_char(c) {
                    Some(r) => r,
                    None => {
                        let mut lower = crate::unicode::lower(c);
                        match (lower.next(), lower.next()) {
                            (Some(l), None) => l.encode_utf8(&mut piece),
                            // More than one character: the slow way, on the heap.
                            _ => return Key::spill(&buf[..len], &s[i..]),
                        }
                    }
                }
            };
            if len + folded.len() > INLINE {
                return Key::spill(&buf[..len], &s[i..]);
            }
            buf[len..len + folded.len()].copy_from_slice(folded.as_bytes());
            len += folded.len();
        }
        Key::of(Repr::Inline(len as u8, buf))
    }

    /// `done` (already folded) followed by the folding of `rest`, on the heap.
    fn spill(done: &[u8], rest: &str) -> Key {
        let mut out = String::from_utf8_lossy(done).into_owned();
        fold_into(rest, &mut out);
        Key::of(Repr::Heap(out.into_boxed_str()))
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.repr {
            // SAFETY: inline bytes are only ever copied from `&str`s, whole characters at a time.
            // (And never more than INLINE of them: no bounds to check.)
            Repr::Inline(len, bytes) => unsafe {
                std::str::from_utf8_unchecked(bytes.get_unchecked(..*len as usize))
            },
            Repr::Heap(s) => s,
        }
    }
}

impl From<&str> for Key {
    /// A key as written (no folding).
    fn from(s: &str) -> Key {
        if s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            Key::of(Repr::Inline(s.len() as u8, buf))
        } else {
            Key::of(Repr::Heap(s.into()))
        }
    }
}

impl Default for Key {
    fn default() -> Key {
        Key::of(Repr::Inline(0, [0; INLINE]))
    }
}

impl Deref for Key {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Key {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Key {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Key {
    #[inline]
    fn eq(&self, other: &Key) -> bool {
        match (&self.repr, &other.repr) {
            // Inline bytes past the length are zeros: the arrays compare as the strings do,
            // without a call to memcmp.
            (Repr::Inline(a, x), Repr::Inline(b, y)) => a == b && x == y,
            _ => self.as_str() == other.as_str(),
        }
    }
}

impl Eq for Key {}

impl PartialEq<str> for Key {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Key {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.as_str().hash(h)
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Key) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// What a single character becomes, when it is not itself: typographic apostrophes, spaces and
/// dashes folded, invisible characters dropped, line separators made line breaks.
pub fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}' => "'",
        '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2000}'..='\u{200A}' | '\u{3000}' => " ",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}' => "",
        '\u{2028}' | '\u{2029}' | '\u{0085}' | '\r' => "\n",
        '\t' | '\n' => return None,
        c if c.is_control() => " ",
        _ => return None,
    })
}

fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match fold_char(c) {
            Some(r) => out.push_str(r),
            None => out.extend(crate::unicode::lower(c)),
        }
    }
}

/// A matching key for a word: lower-case with apostrophes and dashes folded.
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s.trim(), &mut out);
    out
}

/// Letters, digits and combining marks make words.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || crate::unicode::is_combining_mark(c)
}

/// English clitics that follow an apostrophe ("Moscow's", "don't").
const CLITICS: &[&str] = &["s", "t", "re", "ll", "ve", "d", "m"];

/// The byte length of the run of word characters at the start of `s`, and whether that run is
/// an English clitic (compared in lower case).
fn word_run(s: &str) -> (usize, bool) {
    let mut len = 0;
    let mut lower = [0u8; 2];
    let mut ascii = true;
    let mut chars = 0;
    for c in s.chars() {
        if !is_word_char(c) {
            break;
        }
        if chars < 2 && c.is_ascii() {
            lower[chars] = c.to_ascii_lowercase() as u8;
        } else if !c.is_ascii() {
            // A non-ASCII letter never lower-cases to a clitic (the Kelvin sign gives "k").
            ascii = false;
        }
        chars += 1;
        len += c.len_utf8();
    }
    let clitic = ascii
        && (1..=2).contains(&chars)
        && std::str::from_utf8(&lower[..chars]).is_ok_and(|w| CLITICS.contains(&w));
    (len, clitic)
}

/// Splits text into tokens. Words are runs of letters/digits; a short word before an apostrophe is
/// an elision ("dell'", "l'", "d'") and keeps it; digits with inner `.`/`,` followed by a digit are
/// one number ("1.000,5"); every other non-space character is a punctuation token ("..." is one).
pub fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, offset, &mut out);
    out
}

/// [`tokenize`], appending to `out`.
pub fn tokenize_into(text: &str, offset: usize, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let mut i = 0;
    let mut space = true;
    // Whether the character before `i` is a word character (for "'s" after a word).
    let mut after_word = false;
    while i < text.len() {
        // ASCII (nearly every character) without decoding.
        let c = match b[i] {
            x if x.is_ascii() => x as char,
            _ => match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            },
        };
        if c.is_whitespace() {
            space = true;
            after_word = false;
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
            let mut j = i + c.len_utf8();
            let mut chars = 1;
            loop {
                // ASCII letters byte by byte; anything else as a character.
                match b.get(j) {
                    Some(x) if x.is_ascii_alphabetic() => {
                        j += 1;
                        chars += 1;
                    }
                    Some(x) if x.is_ascii() => break,
                    Some(_) => match text[j..].chars().next() {
                        Some(ch) if is_word_char(ch) => {
                            j += ch.len_utf8();
                            chars += 1;
                        }
                        _ => break,
                    },
                    None => break,
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
                    chars = text[i..k].chars().count();
                    j = k;
                }
            }
            // Capitals joined by an ampersand are one name ("AT&T", "S&P", "H&M").
            if b.get(j) == Some(&b'&')
                && b.get(j + 1).is_some_and(u8::is_ascii_uppercase)
                && text[i..j].bytes().all(|x| x.is_ascii_uppercase())
            {
                let mut k = j + 1;
                while b.get(k).is_some_and(u8::is_ascii_uppercase) {
                    k += 1;
                }
                chars += k - j;
                j = k;
            }
            // An apostrophe between letters: an elision ("l'", "dell'") keeps it.
            if b.get(j) == Some(&b'\'') {
                let (after, clitic) = word_run(&text[j + 1..]);
                if after > 0 && !clitic && chars <= 5 {
                    j += 1;
                }
            }
            i = j;
            kind = TokenKind::Word;
        } else if c == '\'' && after_word {
            // "'s" after a word
            let (after, clitic) = word_run(&text[i + 1..]);
            if clitic {
                i += 1 + after;
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
        after_word = s.chars().next_back().is_some_and(is_word_char);
        out.push(Token {
            range: Range {
                start: start + offset,
                end: i + offset,
            },
            kind,
            key: Key::fold(s),
            space_before: space,
            cap: c.is_uppercase(),
        });
        space = false;
    }
}

/// Is a token left out of a phrase's keys? Punctuation that folds to nothing or to a space.
pub fn is_blank(t: &Token) -> bool {
    t.kind == TokenKind::Punct && t.key.trim().is_empty()
}

/// The lookup keys of the words of a phrase (punctuation that is part of words, like the
/// apostrophe of an elision or the period of "u.s", stays).
pub fn word_keys(phrase: &str) -> Vec<String> {
    tokenize(phrase, 0)
        .into_iter()
        .filter(|t| !is_blank(t))
        .map(|t| t.key.to_string())
        .collect()
}

/// Splits a phrase into the keys that tokens are matched with, as [`word_keys`] does, with an
/// apostrophe left alone at the end of a word joined to it: in running text an elision ("dell'",
/// "all'") is one token.
pub fn phrase_keys(phrase: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for k in word_keys(phrase) {
        match keys.last_mut() {
            Some(last) if k == "'" && !last.ends_with('\'') => last.push('\''),
            _ => keys.push(k),
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_numbers_elisions_and_clitics() {
        let t = tokenize("Dell'80% di 1.000,5 e Moscow's G7 F-16 M5S don't", 0);
        let keys: Vec<&str> = t.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "dell'", "80", "%", "di", "1.000,5", "e", "moscow", "'s", "g", "7", "f", "-", "16",
                "m5s", "don", "'t"
            ]
        );
        assert!(!t[9].space_before); // "7" glued to "G"
    }

    #[test]
    fn keys_fold_like_fold_key_inline_or_not() {
        for s in [
            "Dell\u{2019}Ucraina",
            "Asia\u{2013}Pacifico",
            "ÉTAT",
            "İstanbul",
            "Straße",
            "Donaudampfschifffahrtsgesellschaftskapitän",
            "\u{00AD}x",
            "",
        ] {
            assert_eq!(Key::fold(s).as_str(), fold_key(s), "{s}");
        }
    }

    #[test]
    fn the_character_before_an_apostrophe_decides() {
        // "'s" after a word is a clitic; after a space or punctuation it is not.
        let keys =
            |s: &str| -> Vec<String> { tokenize(s, 0).iter().map(|t| t.key.to_string()).collect() };
        assert_eq!(keys("Paris's"), ["paris", "'s"]);
        assert_eq!(keys("x 's"), ["x", "'", "s"]);
        assert_eq!(keys("(’S"), ["(", "'", "s"]);
    }

    #[test]
    fn capitals_joined_by_an_ampersand_are_one_word() {
        let keys =
            |s: &str| -> Vec<String> { tokenize(s, 0).iter().map(|t| t.key.to_string()).collect() };
        assert_eq!(keys("AT&T, S&P"), ["at&t", ",", "s&p"]);
        assert_eq!(
            keys("Tom&Jerry R & D"),
            ["tom", "&", "jerry", "r", "&", "d"]
        );
    }
}
