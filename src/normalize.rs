//! Normalization: NFC, folding of typographic apostrophes, dashes and spaces, CRLF → LF, and
//! (for pasted HTML) markup turned into whitespace — with a map from every byte offset of the
//! normalized text back to the original input, so that spans can be reported in the UTF-16 code
//! units of the ORIGINAL string (what JS counts).
//!
//! Double quotation marks are kept as they are: their direction tells quotes apart.

use crate::token::fold_char;
pub use crate::token::fold_key;

/// A stretch of the normalized text and where it came from. Identity pieces map byte for byte;
/// other pieces (a folded or composed character, a dropped tag) map as a whole.
#[derive(Clone, Copy, Debug)]
struct Piece {
    norm: usize,
    orig: usize,
    identity: bool,
}

/// The normalized text and its way back to the original.
pub struct Normalized {
    pub text: String,
    pieces: Vec<Piece>,
    orig_len: usize,
    utf16: Utf16Index,
    /// Markup was found and turned into whitespace.
    pub html_stripped: bool,
}

/// Byte offset → UTF-16 offset of the original text, with a checkpoint every 128 bytes (at the
/// first character that starts there or after).
struct Utf16Index {
    checkpoints: Vec<(usize, usize)>,
}

const STRIDE: usize = 128;

impl Utf16Index {
    fn new(s: &str) -> Utf16Index {
        let bytes = s.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        checkpoints.push((0, 0));
        let (mut at, mut units) = (0, 0);
        while at + STRIDE < bytes.len() {
            let mut next = at + STRIDE;
            while next < bytes.len() && bytes[next] & 0xC0 == 0x80 {
                next += 1; // inside a character
            }
            units += utf16_units(&bytes[at..next]);
            checkpoints.push((next, units));
            at = next;
        }
        Utf16Index { checkpoints }
    }

    fn units(&self, s: &str, byte: usize) -> usize {
        let i = self.checkpoints.partition_point(|c| c.0 <= byte) - 1;
        let (b, u) = self.checkpoints[i];
        u + s.get(b..byte).map_or(0, |t| utf16_units(t.as_bytes()))
    }
}

/// The UTF-16 code units of whole characters in UTF-8: one per character (a byte that is no
/// continuation byte), two past the BMP (a lead byte of 0xF0 or more). Eight bytes at a time.
fn utf16_units(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Per byte 0 or 1 (in its high bit), summed across the word.
    let sum = |m: u64| ((m >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
    let chunks = bytes.chunks_exact(8);
    let rest = chunks.remainder();
    let mut units = 0;
    for c in chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(c);
        let x = u64::from_le_bytes(word);
        // Bit 7 of each byte with bits 6, 5 and 4 of the same byte shifted under it.
        let continuation = x & !(x << 1) & HIGH;
        let four = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
        units += 8 - sum(continuation) + sum(four);
    }
    units
        + rest
            .iter()
            .map(|&b| usize::from(b as i8 >= -64) + usize::from(b >= 0xF0))
            .sum::<usize>()
}

/// The bytes that stay as they are: printable ASCII, spaces, line breaks and tabs; in HTML not
/// the openings of tags and entities either.
const PLAIN: [bool; 256] = plain_bytes(false);
const PLAIN_IN_HTML: [bool; 256] = plain_bytes(true);

const fn plain_bytes(html: bool) -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = (c.is_ascii_graphic() || c == b' ' || c == b'\n' || c == b'\t')
            && !(html && (c == b'<' || c == b'&'));
        b += 1;
    }
    table
}

/// Block-level tags become a line break, others a space.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "figcaption",
    "figure",
    "nav",
    "aside",
    "title",
];

/// Does the text look like an HTML document or fragment rather than prose?
fn looks_like_html(s: &str) -> bool {
    let mut cut = s.len().min(4096);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    // Every sign below opens with a '<'.
    if !head.contains('<') {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    let tags = [
        "<p>",
        "<p ",
        "<div",
        "<br",
        "<html",
        "<!doctype",
        "<span",
        "<a href",
        "<body",
    ]
    .iter()
    .map(|t| lower.matches(t).count())
    .sum::<usize>();
    tags >= 2
        || lower.trim_start().starts_with("<!doctype")
        || lower.trim_start().starts_with("<html")
}

/// The tag at the start of `s` (which starts with '<'): its length and what replaces it.
fn html_tag(s: &str) -> Option<(usize, &'static str)> {
    let b = s.as_bytes();
    let next = *b.get(1)?;
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
        return None;
    }
    if s.starts_with("<!--") {
        return Some((s.find("-->").map_or(s.len(), |e| e + 3), " "));
    }
    let end = s.find('>')? + 1;
    let name: String = s[1..end]
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if (name == "script" || name == "style") && !s[1..].starts_with('/') {
        let close = format!("</{name}");
        let lower = s.to_ascii_lowercase();
        let stop = lower.find(&close).map_or(s.len(), |i| {
            i + s[i..].find('>').map_or(s.len() - i, |e| e + 1)
        });
        return Some((stop, "\n"));
    }
    let rep = if BLOCK_TAGS.contains(&name.as_str()) {
        "\n"
    } else {
        " "
    };
    Some((end, rep))
}

/// The HTML character reference at the start of `s` (which starts with '&').
fn html_entity(s: &str) -> Option<(usize, String)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let body = &s[1..end];
    let c = match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "rsquo" => '\'',
        "nbsp" => ' ',
        "laquo" => '«',
        "raquo" => '»',
        "ldquo" => '“',
        "rdquo" => '”',
        "ndash" | "mdash" => '-',
        "hellip" => '…',
        _ => {
            let n = if let Some(h) = body.strip_prefix("#x").or(body.strip_prefix("#X")) {
                u32::from_str_radix(h, 16).ok()?
            } else {
                body.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(n)?
        }
    };
    Some((end + 1, c.to_string()))
}

impl Normalized {
    pub fn new(input: &str) -> Normalized {
        let html = looks_like_html(input);
        let mut out = Normalized {
            text: String::with_capacity(input.len()),
            pieces: Vec::new(),
            orig_len: input.len(),
            utf16: Utf16Index::new(input),
            html_stripped: false,
        };
        let bytes = input.as_bytes();
        let mut i = 0;
        while i < input.len() {
            // A run of characters that stay as they are is one piece, each character looked at
            // once: not folded, not markup, and not followed by a combining mark (a character
            // with marks after it is composed below).
            let plain = if html { &PLAIN_IN_HTML } else { &PLAIN };
            let plain_ascii = |b: u8| plain[b as usize];
            let mut j = i;
            while let Some(&b) = bytes.get(j) {
                let len = if b < 0x80 {
                    // A run of plain ASCII at once: only its last character can be followed by a
                    // combining mark (a mark is no ASCII).
                    let run = bytes[j..]
                        .iter()
                        .position(|&x| !plain_ascii(x))
                        .unwrap_or(bytes.len() - j);
                    if run == 0 {
                        break;
                    }
                    j += run - 1;
                    1
                } else {
                    match input[j..].chars().next() {
                        Some(c) if fold_char(c).is_none() => c.len_utf8(),
                        _ => break,
                    }
                };
                let next = bytes.get(j + len).copied().unwrap_or(0);
                if next >= 0x80
                    && input[j + len..]
                        .chars()
                        .next()
                        .is_some_and(crate::unicode::attaches)
                {
                    break;
                }
                j += len;
            }
            if j > i {
                out.push(i, j - i, &input[i..j]);
                i = j;
                continue;
            }
            let rest = &input[i..];
            let Some(c) = rest.chars().next() else { break };
            if html && c == '<' {
                if let Some((len, rep)) = html_tag(rest) {
                    out.push(i, len, rep);
                    out.html_stripped = true;
                    i += len;
                    continue;
                }
            }
            if html && c == '&' {
                if let Some((len, rep)) = html_entity(rest) {
                    out.push(i, len, &rep);
                    i += len;
                    continue;
                }
            }
            if c == '\r' && rest.as_bytes().get(1) == Some(&b'\n') {
                out.push(i, 1, "");
                i += 1;
                continue;
            }
            if let Some(rep) = fold_char(c) {
                out.push(i, c.len_utf8(), rep);
                i += c.len_utf8();
                continue;
            }
            // A starter with the combining marks that follow it, composed on its own.
            let mut len = c.len_utf8();
            for m in rest[len..].chars() {
                if !crate::unicode::attaches(m) {
                    break;
                }
                len += m.len_utf8();
            }
            let chunk = &rest[..len];
            if len == c.len_utf8() {
                out.push(i, len, chunk);
            } else {
                out.push(i, len, &crate::unicode::compose(chunk));
            }
            i += len;
        }
        out
    }

    /// Appends `rep`, which stands for `orig_len` bytes of the original at `orig`.
    fn push(&mut self, orig: usize, orig_len: usize, rep: &str) {
        let norm = self.text.len();
        let identity = rep.len() == orig_len; // same bytes: only ever the text itself
        let extends = identity
            && self
                .pieces
                .last()
                .is_some_and(|p| p.identity && norm - p.norm == orig - p.orig);
        if !extends {
            self.pieces.push(Piece {
                norm,
                orig,
                identity,
            });
        }
        self.text.push_str(rep);
    }

    /// The original byte offset of a normalized byte offset. Inside a piece that is not the text
    /// itself, a start goes to the piece's start and an end to its end.
    pub fn orig_byte(&self, b: usize, is_end: bool) -> usize {
        if b >= self.text.len() {
            return self.orig_len;
        }
        let i = self
            .pieces
            .partition_point(|p| p.norm <= b)
            .saturating_sub(1);
        let Some(p) = self.pieces.get(i) else {
            return b.min(self.orig_len);
        };
        if b == p.norm && is_end {
            // An end at a piece boundary belongs before any dropped characters there ("\r").
            let first = self.pieces.partition_point(|q| q.norm < b);
            return self.pieces.get(first).map_or(p.orig, |q| q.orig);
        }
        if p.identity {
            return p.orig + (b - p.norm);
        }
        if b == p.norm || !is_end {
            p.orig
        } else {
            self.pieces.get(i + 1).map_or(self.orig_len, |n| n.orig)
        }
    }

    /// The UTF-16 offset into the original input of a normalized byte offset.
    pub fn utf16(&self, original: &str, b: usize, is_end: bool) -> usize {
        self.utf16.units(original, self.orig_byte(b, is_end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u16_slice(s: &str, a: usize, b: usize) -> String {
        let units: Vec<u16> = s.encode_utf16().collect();
        String::from_utf16_lossy(&units[a..b])
    }

    #[test]
    fn utf16_units_count_as_js_does() {
        let text = "Città 😀 e\u{0301}tat — Straße 𝔘nicode, 80\u{00A0}% “ciao” ok ".repeat(9);
        for (a, _) in text.char_indices().step_by(7) {
            for (b, _) in text[a..].char_indices().step_by(5) {
                let s = &text[a..a + b];
                assert_eq!(utf16_units(s.as_bytes()), s.encode_utf16().count(), "{s}");
            }
        }
        let n = Normalized::new(&text);
        assert_eq!(
            n.utf16(&text, n.text.len(), true),
            text.encode_utf16().count()
        );
    }

    #[test]
    fn folds_and_maps_back() {
        let input = "L\u{2019}80\u{00A0}% \u{201C}ciao\u{201D}\r\nok";
        let n = Normalized::new(input);
        assert_eq!(n.text, "L'80 % \u{201C}ciao\u{201D}\nok");
        let ok = n.text.find("ok").unwrap();
        let (a, b) = (n.utf16(input, ok, false), n.utf16(input, ok + 2, true));
        assert_eq!(u16_slice(input, a, b), "ok");
    }

    #[test]
    fn composes_accents_and_counts_utf16_of_the_original() {
        let input = "👍🏽 e\u{0301} Mario";
        let n = Normalized::new(input);
        assert_eq!(n.text, "👍🏽 é Mario");
        let e = n.text.find('é').unwrap();
        let (a, b) = (
            n.utf16(input, e, false),
            n.utf16(input, e + 'é'.len_utf8(), true),
        );
        assert_eq!(u16_slice(input, a, b), "e\u{0301}");
        let m = n.text.find("Mario").unwrap();
        let (a, b) = (n.utf16(input, m, false), n.utf16(input, m + 5, true));
        assert_eq!(u16_slice(input, a, b), "Mario");
        assert_eq!(a, 8); // 👍 2 + 🏽 2 + space + e + ◌́ + space
    }

    #[test]
    fn strips_markup_from_pasted_html() {
        let input = "<html><body><h1>Titolo</h1><p>Il G7 &amp; l&#39;Onu.</p><script>x()</script></body></html>";
        let n = Normalized::new(input);
        assert!(n.html_stripped);
        assert!(n.text.contains("Titolo"));
        assert!(n.text.contains("Il G7 & l'Onu."));
        assert!(!n.text.contains("x()"));
        assert!(!n.text.contains('<'));
    }

    #[test]
    fn prose_with_a_lone_angle_bracket_is_not_html() {
        let n = Normalized::new("3 < 5 and <b> is bold");
        assert!(!n.html_stripped);
        assert_eq!(n.text, "3 < 5 and <b> is bold");
    }

    #[test]
    fn fold_key_lowercases_and_folds() {
        assert_eq!(fold_key("Dell\u{2019}Ucraina"), "dell'ucraina");
        assert_eq!(fold_key("Asia\u{2013}Pacifico"), "asia-pacifico");
    }
}
