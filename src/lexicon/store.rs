//! The reader of the files `compile.rs` writes: a vocabulary of keys and per list its entries as
//! word numbers with their values, from which it builds the trie of phrases (and per node which
//! lists hold it with which value). Reading a file is one pass over its bytes (every number and
//! index checked, so a damaged file is an error, never a panic later).

use super::lists;

/// A word's number in a file's vocabulary (also its node in the trie).
pub type WordId = u32;

/// A new store's tag: every store has its own (1, 2, …; 0 is no store).
fn next_tag() -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    static NEXT: AtomicU16 = AtomicU16::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed).max(1)
}

/// A key to look up: a string (hashed), or a token's key that knows its number already.
pub trait Lookup {
    fn number(&self, store: &Store) -> Option<WordId>;
}

impl Lookup for str {
    #[inline]
    fn number(&self, store: &Store) -> Option<WordId> {
        store.number(self)
    }
}

impl Lookup for String {
    #[inline]
    fn number(&self, store: &Store) -> Option<WordId> {
        store.number(self)
    }
}

impl Lookup for crate::token::Key {
    #[inline]
    fn number(&self, store: &Store) -> Option<WordId> {
        match self.number_in(store.tag) {
            Some(n) => n,
            None => store.number(self.as_str()),
        }
    }
}

impl Lookup for crate::token::Token {
    #[inline]
    fn number(&self, store: &Store) -> Option<WordId> {
        self.key.number(store)
    }
}

impl<T: Lookup + ?Sized> Lookup for &T {
    #[inline]
    fn number(&self, store: &Store) -> Option<WordId> {
        (**self).number(store)
    }
}

/// What a file says about its language.
#[derive(Clone, Debug)]
pub struct Description {
    pub code: &'static str,
    pub name: &'static str,
    pub order: u32,
    pub decimal_mark: char,
    pub modifier_first: bool,
    pub nouns_capitalized: bool,
    pub verb_final: bool,
    pub ordinal_period: bool,
    pub fallback: bool,
    pub stemmer: &'static str,
}

/// One list's entry on a node.
#[derive(Clone, Copy, Debug)]
struct Term {
    list: u16,
    value: u32,
}

pub struct Store {
    pub description: Option<Description>,
    /// A number of its own, which token keys record their numbers under (see [`Lookup`]).
    pub tag: u16,
    /// Per list, its distinct values (each a list of columns).
    values: Vec<Vec<Vec<&'static str>>>,
    /// Where the file's lists start, past its vocabulary (an image says it: see [`Store::image`]).
    lists_at: u32,
    tables: Tables,
    /// The tables are an image's (see [`Store::read_built`]); only tests ask.
    #[cfg_attr(not(test), allow(dead_code))]
    from_image: bool,
}

/// What lookups read: built when a file is read, or (native builds) borrowed as they are from an
/// image of them that build.rs made from the same file (see [`Store::read_built`]).
struct Tables {
    index: KeyIndex,
    /// Every key of the vocabulary, one after the other.
    text: &'static str,
    /// Per word, where its key ends in `text` (it starts where the one before ends).
    ends: &'static [u32],
    /// Per node, where its children start in `child_word` (one more than there are nodes).
    child_start: &'static [u32],
    child_word: &'static [WordId],
    /// Per node, where its list entries start in `term_list` and `term_value`.
    term_start: &'static [u32],
    /// Per word, the lists (bit `l` for list `l` < 63; bit 63 for every later one) with an entry
    /// that starts with it: a lookup of any other list stops at the first word.
    starts: &'static [u64],
    /// The list and the value of each entry, grouped by node.
    term_list: &'static [u32],
    term_value: &'static [u32],
    /// Per list, how many entries it has.
    sizes: &'static [u32],
}

/// The vocabulary's words by their keys: open addressing over 4-byte slots, each the word's
/// number plus one (0: empty) in its low bits and the high bits of the key's hash above them, so
/// that a key is compared only with words whose hash bits match. A few times smaller than a
/// `HashMap<&str, WordId>` (a language's index was about 800 KB), and quicker to fill.
struct KeyIndex {
    /// A power of two long, at most half full.
    slots: &'static [u32],
    /// The bits of a slot that hold the word's number plus one.
    word_bits: u32,
}

impl KeyIndex {
    fn new(words: &[&str]) -> KeyIndex {
        let len = (words.len() * 2).next_power_of_two().max(16);
        let word_bits = (words.len() as u32 + 1).next_power_of_two() - 1;
        let mut slots = vec![0u32; len];
        let mask = len - 1;
        for (i, w) in words.iter().enumerate() {
            let h = Self::hash(w);
            let mut at = h as usize & mask;
            loop {
                let s = slots[at];
                // A key twice in the vocabulary: its last number, as a map would keep.
                if s == 0
                    || (s & !word_bits == h & !word_bits
                        && words[(s & word_bits) as usize - 1] == *w)
                {
                    slots[at] = (h & !word_bits) | (i as u32 + 1);
                    break;
                }
                at = (at + 1) & mask;
            }
        }
        KeyIndex {
            slots: slots.leak(),
            word_bits,
        }
    }

    /// A 32-bit hash of a key: its bytes 8 at a time, multiplied in (as FxHash does), then
    /// mixed. Written here rather than taken from a crate so that build.rs, which writes the
    /// built-in images of the index, hashes as the reader does.
    #[cfg(not(target_arch = "wasm32"))]
    #[inline]
    fn hash(key: &str) -> u32 {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let b = key.as_bytes();
        let mut h = b.len() as u64;
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            let mut x = [0u8; 8];
            x.copy_from_slice(c);
            h = (h.rotate_left(26) ^ u64::from_le_bytes(x)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut x = [0u8; 8];
            x[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(26) ^ u64::from_le_bytes(x)).wrapping_mul(K);
        }
        let h = (h ^ (h >> 29)).wrapping_mul(K);
        (h >> 32) as u32
    }

    /// The web build reads no image: it hashes with FxHash, whose code its other tables carry
    /// already (a smaller .wasm).
    #[cfg(target_arch = "wasm32")]
    #[inline]
    fn hash(key: &str) -> u32 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(key) as u32
    }

    /// The number of a key, when the vocabulary has it (`same` tells whether a word's key is it).
    #[inline]
    fn get(&self, key: &str, same: impl Fn(u32) -> bool) -> Option<WordId> {
        let mask = self.slots.len() - 1;
        let h = Self::hash(key);
        let mut at = h as usize & mask;
        loop {
            let s = self.slots[at];
            if s == 0 {
                return None;
            }
            if s & !self.word_bits == h & !self.word_bits {
                let w = (s & self.word_bits) - 1;
                if same(w) {
                    return Some(w);
                }
            }
            at = (at + 1) & mask;
        }
    }
}

/// An image of a store's [`Tables`], as [`Store::image`] writes it: `FCIM`, the length of the
/// file it was made from, where that file's lists start, the index's word bits, then each table
/// (the vocabulary's text, `ends`, the index's slots, `child_start`, `child_word`, `term_start`,
/// `starts`, `term_list`, `term_value`, `sizes`) as its length and 4 bytes of padding, then its
/// numbers (little-endian), padded to 8 bytes. Built into native builds 8-byte aligned, so
/// that the tables are read where they are.
struct Image {
    lists_at: usize,
    tables: Tables,
}

/// An image's header: magic, file length, where its lists start, index word bits.
const IMAGE_MAGIC: &[u8; 4] = b"FCIM";

impl Image {
    /// The tables of an image made from a file of `file_len` bytes with `count` words, when it
    /// is one and this build can read it as it is.
    fn open(image: &'static [u8], file_len: usize, count: usize) -> Option<Image> {
        if !cfg!(all(feature = "builtin-languages", target_endian = "little")) || image.len() < 16 {
            return None;
        }
        let word = |at: usize| -> Option<usize> {
            Some(u32::from_le_bytes(image.get(at..at + 4)?.try_into().ok()?) as usize)
        };
        if &image[..4] != IMAGE_MAGIC || word(4)? != file_len {
            return None;
        }
        let (lists_at, word_bits) = (word(8)?, word(12)? as u32);
        let mut at = 16;
        // The next table's bytes.
        let mut next = |size: usize| -> Option<&'static [u8]> {
            let n = word(at)?.checked_mul(size)?;
            let start = at + 8;
            let bytes = image.get(start..start.checked_add(n)?)?;
            at = (start + n).next_multiple_of(8);
            Some(bytes)
        };
        let text = std::str::from_utf8(next(1)?).ok()?;
        let ends = numbers::<u32>(next(4)?)?;
        let slots = numbers::<u32>(next(4)?)?;
        let child_start = numbers::<u32>(next(4)?)?;
        let child_word = numbers::<u32>(next(4)?)?;
        let term_start = numbers::<u32>(next(4)?)?;
        let starts = numbers::<u64>(next(8)?)?;
        let term_list = numbers::<u32>(next(4)?)?;
        let term_value = numbers::<u32>(next(4)?)?;
        let sizes = numbers::<u32>(next(4)?)?;
        let fits = ends.len() == count
            && ends.last().map_or(0, |&e| e as usize) <= text.len()
            && slots.len().is_power_of_two()
            && slots.len() > count
            && starts.len() == count
            && term_start.len() == child_start.len()
            && child_start.len() > count
            && child_start.last().map(|&n| n as usize) == Some(child_word.len())
            && term_start.last().map(|&n| n as usize) == Some(term_list.len())
            && term_list.len() == term_value.len();
        fits.then_some(Image {
            lists_at,
            tables: Tables {
                index: KeyIndex { slots, word_bits },
                text,
                ends,
                child_start,
                child_word,
                term_start,
                starts,
                term_list,
                term_value,
                sizes,
            },
        })
    }
}

/// A table of an image as numbers, when its bytes are aligned for them (a built-in image is).
fn numbers<T: Number>(bytes: &'static [u8]) -> Option<&'static [T]> {
    // SAFETY: `T` is an integer type (see `Number`): every bit pattern is one of its values, and
    // `align_to` gives the aligned part only, which must be all of it.
    let (head, mid, tail) = unsafe { bytes.align_to::<T>() };
    (head.is_empty() && tail.is_empty()).then_some(mid)
}

/// The integer types an image's tables hold.
trait Number: Copy {
    fn put(self, out: &mut Vec<u8>);
}

impl Number for u8 {
    fn put(self, out: &mut Vec<u8>) {
        out.push(self);
    }
}

impl Number for u32 {
    fn put(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

impl Number for u64 {
    fn put(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

/// Why a file cannot be read.
pub type Damage = &'static str;

struct Cursor {
    bytes: &'static [u8],
    at: usize,
}

impl Cursor {
    fn take(&mut self, n: usize) -> Result<&'static [u8], Damage> {
        let end = self.at.checked_add(n).ok_or("truncated")?;
        let out = self.bytes.get(self.at..end).ok_or("truncated")?;
        self.at = end;
        Ok(out)
    }

    /// 7 bits a byte, the most significant first; the last byte has its top bit clear.
    fn varint(&mut self) -> Result<u64, Damage> {
        let mut v = 0u64;
        for _ in 0..10 {
            let b = *self.take(1)?.first().ok_or("truncated")?;
            if v >> 57 != 0 {
                return Err("bad number");
            }
            v = v << 7 | u64::from(b & 0x7f);
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err("bad number")
    }

    fn u32(&mut self) -> Result<u32, Damage> {
        u32::try_from(self.varint()?).map_err(|_| "bad number")
    }

    /// Moves to a byte offset of the file.
    fn seek(&mut self, at: usize) -> Result<(), Damage> {
        match at <= self.bytes.len() {
            true => {
                self.at = at;
                Ok(())
            }
            false => Err("truncated"),
        }
    }

    fn str(&mut self) -> Result<&'static str, Damage> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| "bad text")
    }
}

impl Store {
    /// Reads a file. The bytes must live for the rest of the program (files are read once).
    pub fn read(bytes: &'static [u8]) -> Result<Store, Damage> {
        Store::read_built(bytes, &[])
    }

    /// Reads a file as `compile.rs` writes it, with the image of its tables that build.rs made
    /// from it (see [`Store::image`]; native builds): the vocabulary is neither decoded nor
    /// hashed, the trie not built, and only the pages of the tables that lookups touch are read
    /// in. An image that does not fit the file (or none: `&[]`) is ignored. The web build's files
    /// are packed (`pack.rs`): unpacked first, their plain bytes live as long, with no image.
    pub fn read_built(bytes: &'static [u8], image: &'static [u8]) -> Result<Store, Damage> {
        if bytes.starts_with(super::pack::PACKED) {
            return Store::read_built(
                Box::leak(super::pack::unpack(bytes)?.into_boxed_slice()),
                &[],
            );
        }
        let mut c = Cursor { bytes, at: 0 };
        if c.take(4)? != lists::MAGIC {
            return Err("not a factcards language file");
        }
        let fingerprint = c.take(4)?;
        if fingerprint != lists::FINGERPRINT.to_le_bytes() {
            return Err("made for another version of factcards");
        }
        let description = match c.varint()? {
            0 => None,
            _ => {
                let code = c.str()?;
                let name = c.str()?;
                let order = c.u32()?;
                let decimal_mark = c.str()?.chars().next().ok_or("bad decimal mark")?;
                let flags = c.varint()?;
                let stemmer = c.str()?;
                Some(Description {
                    code,
                    name,
                    order,
                    decimal_mark,
                    modifier_first: flags & 1 != 0,
                    nouns_capitalized: flags & 2 != 0,
                    verb_final: flags & 4 != 0,
                    fallback: flags & 8 != 0,
                    ordinal_period: flags & 16 != 0,
                    stemmer,
                })
            }
        };
        let count = c.u32()? as usize;
        let built = Image::open(image, bytes.len(), count);
        if let Some(image) = &built {
            c.seek(image.lists_at)?;
        }
        // The keys, rebuilt one after the other into one buffer that lives as long as the file:
        // each is a control byte, how many bytes it shares with the one before (31: a varint
        // follows), then the rest of it, up to the next control byte (a 0 after the last).
        let mut buf: Vec<u8> = Vec::new();
        let mut ends: Vec<u32> = Vec::new();
        let mut last = (0usize, 0usize);
        if built.is_none() {
            buf.reserve(count.min(bytes.len()) * 8);
            ends.reserve(count.min(bytes.len()));
        }
        for _ in 0..count * usize::from(built.is_none()) {
            let shared = match c.take(1)?[0] {
                31 => c.u32()? as usize,
                b if b < 31 => usize::from(b),
                _ => return Err("bad vocabulary"),
            };
            if shared > last.1 - last.0 {
                return Err("bad vocabulary");
            }
            let rest = c.bytes[c.at..]
                .iter()
                .position(|&b| b < 0x20)
                .ok_or("bad vocabulary")?;
            let start = buf.len();
            buf.extend_from_within(last.0..last.0 + shared);
            buf.extend_from_slice(c.take(rest)?);
            last = (start, buf.len());
            ends.push(buf.len() as u32);
        }
        if built.is_none() && c.take(1)? != [0] {
            return Err("bad vocabulary");
        }
        let lists_at = c.at as u32;
        let text: &'static str = std::str::from_utf8(buf.leak()).map_err(|_| "bad text")?;
        let mut words: Vec<&'static str> = Vec::with_capacity(ends.len());
        let mut start = 0;
        for &end in &ends {
            words.push(text.get(start..end as usize).ok_or("bad vocabulary")?);
            start = end as usize;
        }
        // Lists: values and sizes, then the entries' four streams.
        let lists_n = c.u32()? as usize;
        let mut values = Vec::with_capacity(lists_n.min(1 << 16));
        let mut written = Vec::with_capacity(lists_n.min(1 << 16));
        for _ in 0..lists_n {
            let nv = c.u32()? as usize;
            let mut table = Vec::with_capacity(nv.min(1 << 16));
            for _ in 0..nv {
                let ncols = c.u32()? as usize;
                let mut cols = Vec::with_capacity(ncols.min(64));
                for _ in 0..ncols {
                    cols.push(c.str()?);
                }
                table.push(cols);
            }
            values.push(table);
            written.push(c.u32()?);
        }
        let mut stream = || -> Result<Cursor, Damage> {
            let n = c.u32()? as usize;
            Ok(Cursor {
                bytes: c.take(n)?,
                at: 0,
            })
        };
        let (mut lengths, mut ids, mut value_ix, mut masks) =
            (stream()?, stream()?, stream()?, stream()?);
        // The web build's files end with the language's stemmer, a WebAssembly module (build.sh
        // adds it; `src/stemmer.rs`). Native builds stem with rust-stemmers and skip it.
        let stemmer_module = match c.at < bytes.len() {
            true => {
                let n = c.u32()? as usize;
                c.take(n)?
            }
            false => &[],
        };
        if c.at != bytes.len() {
            return Err("trailing bytes");
        }
        #[cfg(target_arch = "wasm32")]
        if let Some(d) = description.as_ref().filter(|d| d.stemmer != "none") {
            if stemmer_module.is_empty() {
                return Err("no stemmer in the file (build.sh adds it)");
            }
            crate::stemmer::load(d.stemmer, stemmer_module)?;
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = stemmer_module;
        if let Some(image) = built {
            return Ok(Store {
                description,
                tag: next_tag(),
                values,
                lists_at,
                tables: image.tables,
                from_image: true,
            });
        }
        let index = KeyIndex::new(&words);
        let hyphen = index.get("-", |w| words.get(w as usize) == Some(&"-"));
        // Every entry (twins included) as a path of word numbers in `flat`, with its list and value.
        // (Sized for the entries written, twins aside, and their words: the ID stream has a
        // byte or more per word.)
        let written_n = written.iter().map(|&n| n as usize).sum::<usize>();
        let mut flat: Vec<WordId> = Vec::with_capacity(ids.bytes.len());
        let mut entries: Vec<(u32, u32, Term)> = Vec::with_capacity(written_n); // path start, end, term
        let mut sizes = Vec::with_capacity(lists_n);
        for (list, &n) in written.iter().enumerate() {
            let nv = values[list].len();
            let mut size = n;
            let mut new_values = 0u32;
            let mut last_value = None;
            let mut prev = 0..0; // the entry before, in `flat`
            for _ in 0..n {
                let len = lengths.u32()? as usize + 1;
                let start = flat.len();
                let mut same = true;
                for k in 0..len {
                    let d = ids.varint()?;
                    let w = match (k < prev.len()).then(|| u64::from(flat[prev.start + k])) {
                        Some(q) if same => {
                            same = d == 0;
                            q.checked_add(d).ok_or("bad list")?
                        }
                        _ => d,
                    };
                    if w >= count as u64 {
                        return Err("bad list");
                    }
                    flat.push(w as WordId);
                }
                prev = start..flat.len();
                // 0: the value of the entry before; 1: the next value not used yet; else a value
                // used before, plus two.
                let value = match (nv > 1).then(|| value_ix.u32()).transpose()? {
                    None => 0,
                    Some(0) => last_value.ok_or("bad list")?,
                    Some(1) => {
                        new_values += 1;
                        new_values - 1
                    }
                    Some(v) if v - 2 < new_values => v - 2,
                    Some(_) => return Err("bad list"),
                };
                last_value = Some(value);
                if value as usize >= nv.max(1) {
                    return Err("bad list");
                }
                let term = Term {
                    list: list as u16,
                    value,
                };
                entries.push((start as u32, flat.len() as u32, term));
                let mask = if len > 1 { masks.varint()? } else { 0 };
                if mask != 0 {
                    // The twin: a hyphen in each gap of the mask.
                    let h = hyphen.ok_or("bad list")?;
                    if len > 64 || mask >> (len - 1) != 0 {
                        return Err("bad list");
                    }
                    let twin = flat.len();
                    for k in 0..len {
                        flat.push(flat[start + k]);
                        if mask >> k & 1 == 1 {
                            flat.push(h);
                        }
                    }
                    entries.push((twin as u32, flat.len() as u32, term));
                    size += 1;
                }
            }
            sizes.push(size);
        }
        if [&lengths, &ids, &value_ix, &masks]
            .iter()
            .any(|s| s.at != s.bytes.len())
        {
            return Err("trailing bytes");
        }
        // The trie: each entry's path inserted (children kept in word order in a linked list),
        // then numbered breadth first: word `w` is node `w`, the `e`-th edge leads to node
        // `count + e`, and the edges of a node are contiguous and in word order.
        const NONE: u32 = u32::MAX;
        // (A node for each word, and at most one for each word of an entry after its first.)
        let most = count + flat.len().saturating_sub(entries.len());
        let mut first_child: Vec<u32> = Vec::with_capacity(most);
        first_child.resize(count, NONE);
        let mut next_sibling: Vec<u32> = Vec::with_capacity(most);
        next_sibling.resize(count, NONE);
        let mut word_of: Vec<WordId> = Vec::with_capacity(most);
        word_of.extend(0..count as u32);
        let mut end: Vec<u32> = Vec::with_capacity(entries.len());
        for e in &entries {
            let p = &flat[e.0 as usize..e.1 as usize];
            let mut node = p[0];
            for &w in &p[1..] {
                // The child for `w`, or where it goes: after `prev`.
                let (mut prev, mut at) = (NONE, first_child[node as usize]);
                while at != NONE && word_of[at as usize] < w {
                    prev = at;
                    at = next_sibling[at as usize];
                }
                if at == NONE || word_of[at as usize] != w {
                    let new = word_of.len() as u32;
                    word_of.push(w);
                    first_child.push(NONE);
                    next_sibling.push(at);
                    match prev {
                        NONE => first_child[node as usize] = new,
                        _ => next_sibling[prev as usize] = new,
                    }
                    at = new;
                }
                node = at;
            }
            end.push(node);
        }
        let nodes = word_of.len();
        let mut number: Vec<u32> = (0..nodes as u32).collect(); // node → its number
        let mut queue: Vec<u32> = Vec::with_capacity(nodes);
        queue.extend(0..count as u32);
        let mut child_start: Vec<u32> = Vec::with_capacity(nodes + 1);
        let mut child_word: Vec<WordId> = Vec::with_capacity(nodes - count);
        let mut head = 0;
        while head < queue.len() {
            let n = queue[head];
            head += 1;
            child_start.push(child_word.len() as u32);
            let mut at = first_child[n as usize];
            while at != NONE {
                number[at as usize] = (count + child_word.len()) as u32;
                child_word.push(word_of[at as usize]);
                queue.push(at);
                at = next_sibling[at as usize];
            }
        }
        child_start.push(child_word.len() as u32);
        let node: Vec<u32> = end.iter().map(|&n| number[n as usize]).collect();
        let mut starts = vec![0u64; count];
        for e in &entries {
            starts[flat[e.0 as usize] as usize] |= list_bit(e.2.list);
        }
        // Entries grouped by node, lists in order on a node: counted, then placed.
        let mut term_start = vec![0u32; nodes + 1];
        for &n in &node {
            term_start[n as usize + 1] += 1;
        }
        for n in 0..nodes {
            term_start[n + 1] += term_start[n];
        }
        let mut next: Vec<u32> = term_start[..nodes].to_vec();
        let mut term_list = vec![0u32; entries.len()];
        let mut term_value = vec![0u32; entries.len()];
        for (&n, e) in node.iter().zip(&entries) {
            let t = next[n as usize] as usize;
            term_list[t] = u32::from(e.2.list);
            term_value[t] = e.2.value;
            next[n as usize] += 1;
        }
        Ok(Store {
            description,
            tag: next_tag(),
            values,
            lists_at,
            tables: Tables {
                index,
                text,
                ends: ends.leak(),
                child_start: child_start.leak(),
                child_word: child_word.leak(),
                term_start: term_start.leak(),
                starts: starts.leak(),
                term_list: term_list.leak(),
                term_value: term_value.leak(),
                sizes: sizes.leak(),
            },
            from_image: false,
        })
    }

    /// The image of this store's tables (see [`Image`]), which [`Store::read_built`] reads with
    /// the same file of `file_len` bytes. build.rs writes one for each built-in language.
    #[allow(dead_code)]
    pub fn image(&self, file_len: usize) -> Vec<u8> {
        fn table<T: Number>(out: &mut Vec<u8>, numbers: &[T]) {
            out.extend_from_slice(&(numbers.len() as u32).to_le_bytes());
            out.extend_from_slice(&[0; 4]);
            for &n in numbers {
                n.put(out);
            }
            out.resize(out.len().next_multiple_of(8), 0);
        }
        let t = &self.tables;
        let mut out = Vec::new();
        out.extend_from_slice(IMAGE_MAGIC);
        for n in [file_len as u32, self.lists_at, t.index.word_bits] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        table(&mut out, t.text.as_bytes());
        table(&mut out, t.ends);
        table(&mut out, t.index.slots);
        table(&mut out, t.child_start);
        table(&mut out, t.child_word);
        table(&mut out, t.term_start);
        table(&mut out, t.starts);
        table(&mut out, t.term_list);
        table(&mut out, t.term_value);
        table(&mut out, t.sizes);
        out
    }

    /// A store with nothing in it.
    pub fn empty() -> Store {
        Store {
            description: None,
            tag: next_tag(),
            values: Vec::new(),
            lists_at: 0,
            tables: Tables {
                index: KeyIndex::new(&[]),
                text: "",
                ends: &[],
                child_start: &[0],
                child_word: &[],
                term_start: &[0],
                starts: &[],
                term_list: &[],
                term_value: &[],
                sizes: &[],
            },
            from_image: false,
        }
    }

    /// The number of a key, if any list has it.
    #[inline]
    pub fn word<K: Lookup + ?Sized>(&self, key: &K) -> Option<WordId> {
        key.number(self)
    }

    /// The number of a key, by the index.
    #[inline]
    fn number(&self, key: &str) -> Option<WordId> {
        self.tables
            .index
            .get(key, |w| self.key_bytes(w) == Some(key.as_bytes()))
    }

    /// Where the key of a word number is in the text of the vocabulary.
    #[inline]
    fn key_range(&self, w: WordId) -> Option<std::ops::Range<usize>> {
        let t = &self.tables;
        let end = *t.ends.get(w as usize)? as usize;
        let start = match w {
            0 => 0,
            _ => *t.ends.get(w as usize - 1)? as usize,
        };
        Some(start..end)
    }

    #[inline]
    fn key_bytes(&self, w: WordId) -> Option<&'static [u8]> {
        self.tables.text.as_bytes().get(self.key_range(w)?)
    }

    /// The key of a word number.
    pub fn key(&self, w: WordId) -> &'static str {
        self.key_range(w)
            .and_then(|r| self.tables.text.get(r))
            .unwrap_or("")
    }

    /// The child of a node by the next word.
    #[inline]
    pub fn child(&self, node: u32, w: WordId) -> Option<u32> {
        let t = &self.tables;
        let n = node as usize;
        let (a, b) = (
            *t.child_start.get(n)? as usize,
            *t.child_start.get(n + 1)? as usize,
        );
        let kids = &t.child_word[a..b];
        kids.binary_search(&w)
            .ok()
            .map(|i| (t.ends.len() + a + i) as u32)
    }

    #[inline]
    fn has_children(&self, node: u32) -> bool {
        let n = node as usize;
        match (
            self.tables.child_start.get(n),
            self.tables.child_start.get(n + 1),
        ) {
            (Some(a), Some(b)) => a < b,
            _ => false,
        }
    }

    /// The value a list gives a node, if the list holds it.
    #[inline]
    pub fn value(&self, node: u32, list: u16) -> Option<u32> {
        let t = &self.tables;
        let n = node as usize;
        // A word no entry of the list starts with: none ends there either.
        if t.starts.get(n).is_some_and(|s| s & list_bit(list) == 0) {
            return None;
        }
        let (a, b) = (
            *t.term_start.get(n)? as usize,
            *t.term_start.get(n + 1)? as usize,
        );
        let k = t.term_list[a..b]
            .iter()
            .position(|&l| l == u32::from(list))?;
        t.term_value.get(a + k).copied()
    }

    /// Whether an entry of a list may start with a word (false: none does).
    #[inline]
    fn may_start(&self, w: WordId, list: u16) -> bool {
        self.tables
            .starts
            .get(w as usize)
            .is_some_and(|s| s & list_bit(list) != 0)
    }

    /// Whether an entry of any of the lists of `mask` (see [`lists_mask`]) may start with a word.
    #[inline]
    pub fn may_start_any(&self, w: Option<WordId>, mask: u64) -> bool {
        w.and_then(|w| self.tables.starts.get(w as usize))
            .is_some_and(|s| s & mask != 0)
    }

    /// Whether a list holds a word (as a whole entry, or a phrase of one word).
    #[inline]
    pub fn holds(&self, list: u16, w: Option<WordId>) -> bool {
        w.is_some_and(|w| self.value(w, list).is_some())
    }

    /// The longest phrase of a list at the start of `words` (each a word number, or `None` for a
    /// key no list has): (number of words, value).
    #[inline]
    pub fn longest(
        &self,
        list: u16,
        mut words: impl Iterator<Item = Option<WordId>>,
    ) -> Option<(usize, u32)> {
        let mut node = words.next()??;
        if !self.may_start(node, list) {
            return None;
        }
        let mut best = self.value(node, list).map(|v| (1, v));
        let mut depth = 1;
        // The next key is looked up only when the node has children.
        while self.has_children(node) {
            let Some(next) = words.next().flatten().and_then(|w| self.child(node, w)) else {
                break;
            };
            node = next;
            depth += 1;
            if let Some(v) = self.value(node, list) {
                best = Some((depth, v));
            }
        }
        best
    }

    /// The distinct values of a list (each a list of columns).
    pub fn values(&self, list: u16) -> &[Vec<&'static str>] {
        self.values.get(list as usize).map_or(&[], Vec::as_slice)
    }

    /// How many entries a list has.
    pub fn size(&self, list: u16) -> usize {
        self.tables
            .sizes
            .get(list as usize)
            .map_or(0, |&n| n as usize)
    }

    /// How many words the vocabulary has.
    #[cfg(test)]
    pub fn words(&self) -> usize {
        self.tables.ends.len()
    }

    /// Whether the tables are a built-in image's.
    #[cfg(test)]
    pub fn uses_image(&self) -> bool {
        self.from_image
    }

    /// The single-word entries of a list, as keys.
    pub fn keys(&self, list: u16) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.tables.ends.len() as u32)
            .filter(move |&w| self.value(w, list).is_some())
            .map(|w| self.key(w))
    }
}

/// The bits of lists in [`Store::starts`], for [`Store::may_start_any`].
pub fn lists_mask(lists: &[u16]) -> u64 {
    lists.iter().fold(0, |m, &l| m | list_bit(l))
}

/// A list's bit in [`Store::starts`].
#[inline]
fn list_bit(list: u16) -> u64 {
    1 << list.min(63)
}
