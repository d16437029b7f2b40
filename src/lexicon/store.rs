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
        store.index.get(self, &store.words)
    }
}

impl Lookup for String {
    #[inline]
    fn number(&self, store: &Store) -> Option<WordId> {
        store.index.get(self, &store.words)
    }
}

impl Lookup for crate::token::Key {
    #[inline]
    fn number(&self, store: &Store) -> Option<WordId> {
        match self.number_in(store.tag) {
            Some(n) => n,
            None => store.index.get(self.as_str(), &store.words),
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
    index: KeyIndex,
    words: Vec<&'static str>,
    /// Per node, where its children start in `child_word` (one more than there are nodes).
    child_start: Vec<u32>,
    child_word: Vec<WordId>,
    /// Per node, where its list entries start in `terms`.
    term_start: Vec<u32>,
    /// Per word, the lists (bit `l` for list `l` < 63; bit 63 for every later one) with an entry
    /// that starts with it: a lookup of any other list stops at the first word.
    starts: Vec<u64>,
    terms: Vec<Term>,
    /// Per list, its distinct values (each a list of columns).
    values: Vec<Vec<Vec<&'static str>>>,
    /// Per list, how many entries it has.
    sizes: Vec<u32>,
}

/// The vocabulary's words by their keys: open addressing over 4-byte slots, each the word's
/// number plus one (0: empty) in its low bits and the high bits of the key's hash above them, so
/// that a key is compared only with words whose hash bits match. A few times smaller than a
/// `HashMap<&str, WordId>` (a language's index was about 800 KB), and quicker to fill.
struct KeyIndex {
    /// A power of two long, at most half full.
    slots: Vec<u32>,
    /// The bits of a slot that hold the word's number plus one.
    word_bits: u32,
}

impl KeyIndex {
    fn new(words: &[&str]) -> KeyIndex {
        let len = (words.len() * 2).next_power_of_two().max(16);
        let word_bits = (words.len() as u32 + 1).next_power_of_two() - 1;
        let mut index = KeyIndex {
            slots: vec![0; len],
            word_bits,
        };
        let mask = len - 1;
        for (i, w) in words.iter().enumerate() {
            let h = Self::hash(w);
            let mut at = h as usize & mask;
            loop {
                let s = index.slots[at];
                // A key twice in the vocabulary: its last number, as a map would keep.
                if s == 0
                    || (s & !word_bits == h & !word_bits
                        && words[(s & word_bits) as usize - 1] == *w)
                {
                    index.slots[at] = (h & !word_bits) | (i as u32 + 1);
                    break;
                }
                at = (at + 1) & mask;
            }
        }
        index
    }

    /// 32 bits of the key's hash (both halves of a 64-bit one mixed in).
    #[inline]
    fn hash(key: &str) -> u32 {
        use std::hash::BuildHasher;
        let h = rustc_hash::FxBuildHasher.hash_one(key);
        (h ^ (h >> 32)) as u32
    }

    /// The number of a key, when the vocabulary (`words`, the one the index was built from)
    /// has it.
    #[inline]
    fn get(&self, key: &str, words: &[&str]) -> Option<WordId> {
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
                if words.get(w as usize) == Some(&key) {
                    return Some(w);
                }
            }
            at = (at + 1) & mask;
        }
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

    fn str(&mut self) -> Result<&'static str, Damage> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| "bad text")
    }
}

impl Store {
    /// Reads a file. The bytes must live for the rest of the program (files are read once).
    pub fn read(bytes: &'static [u8]) -> Result<Store, Damage> {
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
        // The keys, rebuilt one after the other into one buffer that lives as long as the file:
        // each is a control byte, how many bytes it shares with the one before (31: a varint
        // follows), then the rest of it, up to the next control byte (a 0 after the last).
        let mut buf: Vec<u8> = Vec::with_capacity(count.min(bytes.len()) * 8);
        let mut ends: Vec<(usize, usize)> = Vec::with_capacity(count.min(bytes.len()));
        let mut last = (0usize, 0usize);
        for _ in 0..count {
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
            ends.push(last);
        }
        if c.take(1)? != [0] {
            return Err("bad vocabulary");
        }
        let text: &'static str =
            std::str::from_utf8(Box::leak(buf.into_boxed_slice())).map_err(|_| "bad text")?;
        let mut words: Vec<&'static str> = Vec::with_capacity(count);
        for (a, b) in ends {
            words.push(text.get(a..b).ok_or("bad vocabulary")?);
        }
        let index = KeyIndex::new(&words);
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
        let hyphen = index.get("-", &words);
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
        let mut terms = vec![Term { list: 0, value: 0 }; entries.len()];
        for (&n, e) in node.iter().zip(&entries) {
            terms[next[n as usize] as usize] = e.2;
            next[n as usize] += 1;
        }
        Ok(Store {
            description,
            tag: next_tag(),
            index,
            words,
            child_start,
            child_word,
            term_start,
            terms,
            starts,
            values,
            sizes,
        })
    }

    /// A store with nothing in it.
    pub fn empty() -> Store {
        Store {
            description: None,
            tag: next_tag(),
            index: KeyIndex::new(&[]),
            words: Vec::new(),
            child_start: vec![0],
            child_word: Vec::new(),
            term_start: vec![0],
            terms: Vec::new(),
            starts: Vec::new(),
            values: Vec::new(),
            sizes: Vec::new(),
        }
    }

    /// The number of a key, if any list has it.
    #[inline]
    pub fn word<K: Lookup + ?Sized>(&self, key: &K) -> Option<WordId> {
        key.number(self)
    }

    /// The key of a word number.
    pub fn key(&self, w: WordId) -> &'static str {
        self.words.get(w as usize).copied().unwrap_or("")
    }

    /// The child of a node by the next word.
    #[inline]
    pub fn child(&self, node: u32, w: WordId) -> Option<u32> {
        let n = node as usize;
        let (a, b) = (
            *self.child_start.get(n)? as usize,
            *self.child_start.get(n + 1)? as usize,
        );
        let kids = &self.child_word[a..b];
        kids.binary_search(&w)
            .ok()
            .map(|i| (self.words.len() + a + i) as u32)
    }

    #[inline]
    fn has_children(&self, node: u32) -> bool {
        let n = node as usize;
        match (self.child_start.get(n), self.child_start.get(n + 1)) {
            (Some(a), Some(b)) => a < b,
            _ => false,
        }
    }

    /// The value a list gives a node, if the list holds it.
    #[inline]
    pub fn value(&self, node: u32, list: u16) -> Option<u32> {
        let n = node as usize;
        // A word no entry of the list starts with: none ends there either.
        if self.starts.get(n).is_some_and(|s| s & list_bit(list) == 0) {
            return None;
        }
        let (a, b) = (
            *self.term_start.get(n)? as usize,
            *self.term_start.get(n + 1)? as usize,
        );
        self.terms[a..b]
            .iter()
            .find(|t| t.list == list)
            .map(|t| t.value)
    }

    /// Whether an entry of a list may start with a word (false: none does).
    #[inline]
    fn may_start(&self, w: WordId, list: u16) -> bool {
        self.starts
            .get(w as usize)
            .is_some_and(|s| s & list_bit(list) != 0)
    }

    /// Whether an entry of any of the lists of `mask` (see [`lists_mask`]) may start with a word.
    #[inline]
    pub fn may_start_any(&self, w: Option<WordId>, mask: u64) -> bool {
        w.and_then(|w| self.starts.get(w as usize))
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
        self.sizes.get(list as usize).map_or(0, |&n| n as usize)
    }

    /// The single-word entries of a list, as keys.
    pub fn keys(&self, list: u16) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.words.len() as u32)
            .filter(move |&w| self.value(w, list).is_some())
            .map(|w| self.words[w as usize])
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
