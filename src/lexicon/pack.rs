//! The web build's language files, packed: the bytes `compile.rs` writes, coded by a small
//! context-mixing coder that packs the vocabulary's names and places better than gzip does
//! (a page's download is counted gzipped: gzip leaves the packed bytes as they are).
//!
//! Each bit of a byte is predicted from several contexts (the bytes before; in the vocabulary,
//! the key being rebuilt and the key before), each context's prediction adapting to the bits
//! seen in it, and the predictions mixed by weights that adapt too; an arithmetic coder writes
//! each bit in as few bits as its probability allows. The packer and the unpacker run the same
//! model, in integers only, so they make the same predictions on every machine.
//!
//! Packed file: `PACKED`, then varints: the length of the head (the plain file up to and with the
//! vocabulary's number of keys, kept as it is), the head, the number of keys, the length of the
//! rest (what follows the vocabulary), the length of the coded bytes, the coded bytes. Whatever
//! follows is kept as it is (the stemmer module that build.sh adds). [`unpack`] gives back the
//! plain file, which `store.rs` reads.
//!
//! Compiled into `build.rs` too (with `compile.rs`), which packs the web build's files.

/// The first bytes of a packed file.
pub const PACKED: &[u8; 4] = b"FCLP";

/// log2 of the number of slots of the table of contexts' predictions (4 bytes each).
const SLOT_BITS: u32 = 20;
const SLOTS: usize = 1 << SLOT_BITS;

/// A prediction's count stops there: later bits move it by 1/(LIMIT + 1.5) of their error.
const LIMIT: u32 = 12;

/// A 12-bit probability from a log-odds `d` (in 1/256ths), by interpolation between 33 points.
#[inline(always)]
fn squash(d: i32) -> i32 {
    const T: [i32; 33] = [
        1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994,
        3348, 3607, 3785, 3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094,
    ];
    if d > 2047 {
        return 4095;
    }
    if d < -2047 {
        return 1;
    }
    let w = d & 127;
    let i = ((d >> 7) + 16) as usize;
    (T[i] * (128 - w) + T[i + 1] * w + 64) >> 7
}

/// The model: predictions per context (hashed into slots), and weights to mix them.
struct Model {
    /// Per slot: the probability of a 1 (22 bits) and how many bits it has seen (10 bits).
    slots: Box<[u32; SLOTS]>,
    /// The inverse of [`squash`], per 12-bit probability.
    stretch: [i16; 4096],
    /// Per count `n`, 1/(n + 1.5) in 16-bit fixed point: how far a bit moves a prediction.
    rate: [u32; 16],
    /// One set of weights per selector, `INPUTS` each (16.16 fixed point).
    weights: Box<[[i32; INPUTS]; SETS]>,
    /// Each context's bucket; this bit's slots, inputs, weight set and mixed probability.
    bucket: [usize; CONTEXTS],
    at: [usize; INPUTS],
    input: [i32; INPUTS],
    set: usize,
    p: i32,
}

// The counts index `Model::rate`.
const _: () = assert!(LIMIT < 16);

/// Contexts mixed at each bit, and one input that is always on.
const CONTEXTS: usize = 5;
const INPUTS: usize = CONTEXTS + 1;
/// Weight sets: per selector (below 16), one per decision of a symbol (see [`code_symbol`]).
const SETS: usize = 16 * 32;

impl Model {
    fn new() -> Model {
        let mut stretch = [0i16; 4096];
        let mut next = 0usize;
        for d in -2047..=2047 {
            let v = squash(d) as usize;
            for s in &mut stretch[next..=v] {
                *s = d as i16;
            }
            next = v + 1;
        }
        for s in &mut stretch[next..] {
            *s = 2047;
        }
        let mut rate = [0u32; 16];
        for (n, r) in rate.iter_mut().enumerate() {
            *r = (2 << 16) / (2 * n as u32 + 3);
        }
        // (Boxed from vectors: arrays this big would not fit on the stack first.)
        let slots = vec![1u32 << 31; SLOTS].into_boxed_slice();
        let weights = vec![[(1 << 16) / 4; INPUTS]; SETS].into_boxed_slice();
        Model {
            slots: slots.try_into().unwrap_or_else(|_| unreachable!()),
            stretch,
            rate,
            weights: weights.try_into().unwrap_or_else(|_| unreachable!()),
            bucket: [0; CONTEXTS],
            at: [0; INPUTS],
            input: [0; INPUTS],
            set: 0,
            p: 2048,
        }
    }

    /// Points each context at its bucket of 16 slots for the next bits: a bucket holds the
    /// predictions of a nibble's bits (slot 0: of a flag), so that one lookup in memory serves
    /// four bits.
    #[inline(always)]
    fn find(&mut self, contexts: &[u32; CONTEXTS], partial: u32) {
        for (b, &h) in self.bucket.iter_mut().zip(contexts) {
            *b = (h
                .wrapping_add(partial.wrapping_mul(0x2f0b_4d25))
                .wrapping_mul(0x9e37_79b1)
                >> (32 - SLOT_BITS + 4)) as usize
                * 16;
        }
    }

    /// The probability (12 bits) that the next bit is 1, from slot `slot` of each context's bucket,
    /// mixed by the weights of `selector`.
    #[inline(always)]
    fn predict(&mut self, slot: usize, selector: usize) -> i32 {
        let mut dot: i64 = 0;
        self.set = selector % SETS;
        for i in 0..CONTEXTS {
            let at = (self.bucket[i] + slot) % SLOTS;
            self.at[i] = at;
            self.input[i] = i32::from(self.stretch[(self.slots[at] >> 20) as usize]);
        }
        self.input[CONTEXTS] = 256;
        for (x, w) in self.input.iter().zip(&self.weights[self.set]) {
            dot += i64::from(*x) * i64::from(*w);
        }
        self.p = squash((dot >> 16).clamp(-2047, 2047) as i32).clamp(1, 4095);
        self.p
    }

    /// Learns the bit that came.
    #[inline(always)]
    fn update(&mut self, bit: u32) {
        let err = ((bit as i32) << 12) - self.p;
        for (x, w) in self.input.iter().zip(&mut self.weights[self.set]) {
            *w += (x * err) >> 11;
        }
        for &at in &self.at[..CONTEXTS] {
            let s = self.slots[at];
            let n = s & 1023;
            let p = (s >> 10) as i32;
            let target = ((bit as i32) << 22) - bit as i32;
            let p =
                p + ((i64::from(target - p) * i64::from(self.rate[n as usize % 16])) >> 16) as i32;
            self.slots[at] = (p as u32) << 10 | (n + 1).min(LIMIT);
        }
    }
}

/// Writes bits at the probabilities the model gives them (a carryless binary arithmetic coder).
struct Encoder {
    low: u32,
    high: u32,
    out: Vec<u8>,
}

impl Encoder {
    fn bit(&mut self, bit: u32, p: i32) {
        let mid = self.low + ((self.high - self.low) >> 12) * p as u32;
        if bit == 1 {
            self.high = mid;
        } else {
            self.low = mid + 1;
        }
        while (self.low ^ self.high) & 0xff00_0000 == 0 {
            self.out.push((self.high >> 24) as u8);
            self.low <<= 8;
            self.high = self.high << 8 | 255;
        }
    }

    fn finish(mut self) -> Vec<u8> {
        self.out.extend_from_slice(&self.low.to_be_bytes());
        self.out
    }
}

/// Reads back what an [`Encoder`] wrote (zeros past the end).
struct Decoder<'a> {
    low: u32,
    high: u32,
    x: u32,
    bytes: &'a [u8],
    at: usize,
}

impl Decoder<'_> {
    fn byte(&mut self) -> u32 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        u32::from(b)
    }

    #[inline(always)]
    fn bit(&mut self, p: i32) -> u32 {
        let mid = self.low + ((self.high - self.low) >> 12) * p as u32;
        let bit = u32::from(self.x <= mid);
        if bit == 1 {
            self.high = mid;
        } else {
            self.low = mid + 1;
        }
        while (self.low ^ self.high) & 0xff00_0000 == 0 {
            self.low <<= 8;
            self.high = self.high << 8 | 255;
            self.x = self.x << 8 | self.byte();
        }
        bit
    }
}

/// Either end of the coder: the packer knows each bit, the unpacker learns it.
trait Coder {
    /// The bit (the packer's `bit`; the unpacker's decoded one), at probability `p` of a 1.
    fn code(&mut self, bit: u32, p: i32) -> u32;
}

impl Coder for Encoder {
    #[inline(always)]
    fn code(&mut self, bit: u32, p: i32) -> u32 {
        self.bit(bit, p);
        bit
    }
}

impl Coder for Decoder<'_> {
    #[inline(always)]
    fn code(&mut self, _: u32, p: i32) -> u32 {
        self.bit(p)
    }
}

/// A hash of a few numbers.
fn hash(parts: &[u32]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &x in parts {
        h = (h ^ x).wrapping_mul(0x0100_0193).rotate_left(13);
    }
    h
}

/// The 16 most frequent symbols of a kind, which take five decisions to code; any other takes
/// nine (see [`code_symbol`]).
struct Frequent {
    symbols: [u8; 16],
    /// Per byte, its place in `symbols`, or 16.
    rank: [u8; 256],
}

impl Frequent {
    fn new(symbols: [u8; 16]) -> Frequent {
        let mut rank = [16u8; 256];
        for (i, &s) in symbols.iter().enumerate().rev() {
            rank[usize::from(s)] = i as u8;
        }
        Frequent { symbols, rank }
    }

    /// The 16 most frequent of `bytes` (ties: the smaller first).
    fn of(bytes: impl Iterator<Item = u8>) -> [u8; 16] {
        let mut count = [0usize; 256];
        for b in bytes {
            count[usize::from(b)] += 1;
        }
        let mut order: Vec<u8> = (0..=255).collect();
        order.sort_by_key(|&b| std::cmp::Reverse(count[usize::from(b)]));
        let mut out = [0u8; 16];
        out.copy_from_slice(&order[..16]);
        out
    }
}

/// Codes a symbol (a byte) in the contexts given: a decision whether it is one of the 16 frequent
/// ones, then which (four decisions, their predictions in one bucket per context with the
/// first's), else the byte itself (eight more, in two more buckets). Not inlined: a function
/// called often is compiled by the JS engine's optimizing tier early; one long call stays in its
/// first, slower one.
#[inline(never)]
fn code_symbol(
    m: &mut Model,
    c: &mut impl Coder,
    symbol: u32,
    contexts: &[u32; CONTEXTS],
    selector: usize,
    frequent: &Frequent,
) -> u32 {
    let set = selector * 32;
    m.find(contexts, 0);
    let rank = u32::from(frequent.rank[symbol as usize % 256]);
    if decide(m, c, 0, set, u32::from(rank == 16)) == 0 {
        let mut node = 1u32;
        for k in (0..4).rev() {
            node = node << 1 | decide(m, c, node as usize, set + node as usize, rank >> k & 1);
        }
        return u32::from(frequent.symbols[node as usize - 16]);
    }
    let mut partial = 1u32;
    for k in (0..8).rev() {
        if k == 7 || k == 3 {
            m.find(contexts, partial);
        }
        // The bits of the nibble so far, after a 1: 1 to 15.
        let slot = match k >= 4 {
            true => partial,
            false => 1 << (3 - k) | partial & ((1 << (3 - k)) - 1),
        };
        partial =
            partial << 1 | decide(m, c, slot as usize, set + 16 + k as usize, symbol >> k & 1);
    }
    partial & 255
}

/// One decision: predicted from slot `slot` of each context's bucket and weight set `set`, coded,
/// learnt.
#[inline(never)]
fn decide(m: &mut Model, c: &mut impl Coder, slot: usize, set: usize, bit: u32) -> u32 {
    let p = m.predict(slot, set);
    let bit = c.code(bit, p);
    m.update(bit);
    bit
}

/// What the model has coded so far.
struct Coded {
    m: Model,
    /// The frequent control bytes, bytes of keys (0: a key's end) and bytes of the rest.
    controls: Frequent,
    text: Frequent,
    rest: Frequent,
    out: Vec<u8>,
    /// The key being coded, the key before and how many bytes it shared with the one before.
    key: Vec<u8>,
    last: Vec<u8>,
    shared_before: u32,
}

/// Codes the vocabulary (`count` keys as `compile.rs` front-codes them, and the 0 after them:
/// `vocabulary_len` bytes), then the `rest_len` bytes after it, with the frequent symbols of
/// each kind given (controls, keys' bytes, the rest's). The packer gives the bytes and gets them
/// back; the unpacker gives empty slices and gets them, or `None` when the coded bytes do not give
/// a vocabulary of that length.
fn run(
    c: &mut impl Coder,
    frequent: [[u8; 16]; 3],
    vocabulary: &[u8],
    count: usize,
    vocabulary_len: usize,
    rest: &[u8],
    rest_len: usize,
) -> Option<Vec<u8>> {
    let [controls, text, rest_frequent] = frequent.map(Frequent::new);
    let mut s = Coded {
        m: Model::new(),
        controls,
        text,
        rest: rest_frequent,
        out: Vec::with_capacity(vocabulary_len + rest_len),
        key: Vec::new(),
        last: Vec::new(),
        shared_before: 0,
    };
    for _ in 0..count {
        code_key(&mut s, c, vocabulary, vocabulary_len)?;
    }
    // The 0 after the last key.
    code_control(&mut s, c, vocabulary, vocabulary_len)?;
    if s.out.len() != vocabulary_len {
        return None;
    }
    // The rest (the lists, their values and entries) as bytes, from the bytes before them.
    for i in 0..rest_len {
        code_rest(&mut s, c, rest.get(i).map_or(0, |&b| b.into()));
    }
    Some(s.out)
}

/// The byte of the vocabulary the packer codes next (0 past its end, and for the unpacker).
fn given(vocabulary: &[u8], s: &Coded) -> u32 {
    vocabulary.get(s.out.len()).map_or(0, |&b| b.into())
}

/// Codes a key's control byte (the bytes it shares with the key before, or 31 and a varint) and
/// returns how many bytes it shares.
fn code_control(
    s: &mut Coded,
    c: &mut impl Coder,
    vocabulary: &[u8],
    vocabulary_len: usize,
) -> Option<usize> {
    let ctx = [
        hash(&[1, s.shared_before]),
        hash(&[2, s.last.len() as u32]),
        hash(&[3, s.shared_before, s.last.len() as u32]),
        hash(&[4, s.last.first().map_or(0, |&b| b.into())]),
        hash(&[5]),
    ];
    let next = given(vocabulary, s);
    let mut control = code_symbol(&mut s.m, c, next, &ctx, 15, &s.controls);
    s.out.push(control as u8);
    if control == 31 {
        // A long shared part: its varint, a byte at a time.
        let mut v = 0u32;
        loop {
            if s.out.len() >= vocabulary_len {
                return None;
            }
            let next = given(vocabulary, s);
            let b = code_symbol(&mut s.m, c, next, &[hash(&[6]); CONTEXTS], 14, &s.controls);
            s.out.push(b as u8);
            v = v.wrapping_shl(7) | (b & 0x7f);
            if b < 0x80 {
                break;
            }
        }
        control = v;
    }
    Some((control as usize).min(s.last.len()))
}

/// Codes a key: its control byte, then its other bytes and its end (as a 0). Not inlined, as
/// [`code_symbol`].
#[inline(never)]
fn code_key(
    s: &mut Coded,
    c: &mut impl Coder,
    vocabulary: &[u8],
    vocabulary_len: usize,
) -> Option<()> {
    let shared = code_control(s, c, vocabulary, vocabulary_len)?;
    s.key.clear();
    s.key.extend_from_slice(&s.last[..shared]);
    loop {
        if s.out.len() >= vocabulary_len {
            return None;
        }
        let n = s.key.len();
        // The last `o` bytes of the key so far (a mark for its start).
        let tail = |o: usize| -> u32 {
            let mut h = 0x100u32;
            for &b in &s.key[n.saturating_sub(o)..] {
                h = h << 8 | u32::from(b);
            }
            h
        };
        // The byte of the key before at this place, and whether it is where the keys part.
        let before = s.last.get(n).map_or(0x200, |&b| u32::from(b));
        let at_first_new = u32::from(n == shared);
        let ctx = [
            hash(&[10, tail(1)]),
            hash(&[11, tail(2), at_first_new]),
            hash(&[12, tail(3)]),
            hash(&[13, before, at_first_new, n.min(12) as u32]),
            hash(&[14, before, at_first_new]),
        ];
        // A byte below 0x20 is the next key's control byte: this key ends.
        let next = given(vocabulary, s);
        let next = if next < 0x20 { 0 } else { next };
        let b = code_symbol(&mut s.m, c, next, &ctx, n.min(11), &s.text);
        if b < 0x20 {
            break;
        }
        s.out.push(b as u8);
        s.key.push(b as u8);
    }
    s.shared_before = shared as u32;
    std::mem::swap(&mut s.key, &mut s.last);
    Some(())
}

/// Codes a byte after the vocabulary, from the bytes before it. Not inlined, as [`code_symbol`].
#[inline(never)]
fn code_rest(s: &mut Coded, c: &mut impl Coder, byte: u32) {
    let prev = |k: usize| {
        s.out
            .len()
            .checked_sub(k)
            .map_or(0, |i| u32::from(s.out[i]))
    };
    let ctx = [
        hash(&[20]),
        hash(&[21, prev(1)]),
        hash(&[22, prev(1), prev(2)]),
        hash(&[23, prev(2)]),
        hash(&[24, prev(3)]),
    ];
    let b = code_symbol(
        &mut s.m,
        c,
        byte,
        &ctx,
        12 + usize::from(prev(1) >= 0x80),
        &s.rest,
    );
    s.out.push(b as u8);
}

/// A varint as the language files write them: 7 bits a byte, the most significant first.
fn varint(out: &mut Vec<u8>, v: usize) {
    let mut shift = 63;
    while shift > 0 && (v as u64) >> shift == 0 {
        shift -= 7;
    }
    while shift > 0 {
        out.push(((v as u64) >> shift) as u8 | 0x80);
        shift -= 7;
    }
    out.push(v as u8 & 0x7f);
}

/// Reads a varint at `*at`.
fn read_varint(bytes: &[u8], at: &mut usize) -> Result<usize, &'static str> {
    let mut v: u64 = 0;
    for _ in 0..10 {
        let b = *bytes.get(*at).ok_or("truncated")?;
        *at += 1;
        if v >> 57 != 0 {
            break;
        }
        v = v << 7 | u64::from(b & 0x7f);
        if b < 0x80 {
            return usize::try_from(v).map_err(|_| "bad number");
        }
    }
    Err("bad number")
}

/// Packs a plain file whose vocabulary of `count` keys is `plain[vocabulary]` (its number of keys
/// just before).
pub fn pack(plain: &[u8], vocabulary: std::ops::Range<usize>, count: usize) -> Vec<u8> {
    let (head, words, rest) = (
        &plain[..vocabulary.start],
        &plain[vocabulary.clone()],
        &plain[vocabulary.end..],
    );
    let mut e = Encoder {
        low: 0,
        high: u32::MAX,
        out: Vec::new(),
    };
    // The frequent symbols: control bytes (below 0x20, each also the end of the key before, a 0
    // in the keys' bytes), keys' other bytes, the rest's bytes.
    let frequent = [
        Frequent::of(words.iter().copied().filter(|&b| b < 0x20)),
        Frequent::of(words.iter().map(|&b| if b < 0x20 { 0 } else { b })),
        Frequent::of(rest.iter().copied()),
    ];
    run(
        &mut e,
        frequent,
        words,
        count,
        words.len(),
        rest,
        rest.len(),
    );
    let coded = e.finish();
    let mut out = PACKED.to_vec();
    varint(&mut out, head.len());
    out.extend_from_slice(head);
    for n in [count, words.len(), rest.len(), coded.len()] {
        varint(&mut out, n);
    }
    out.extend(frequent.iter().flatten());
    out.extend_from_slice(&coded);
    assert!(
        unpack(&out).as_deref() == Ok(plain),
        "the packed file does not unpack to the plain one"
    );
    out
}

/// The plain file of a packed one (bytes after the coded ones, the stemmer, kept as they are).
pub fn unpack(bytes: &[u8]) -> Result<Vec<u8>, &'static str> {
    let mut at = PACKED.len();
    let head_len = read_varint(bytes, &mut at)?;
    let head = bytes
        .get(at..at.saturating_add(head_len))
        .ok_or("truncated")?;
    at += head_len;
    let mut n = [0usize; 4];
    for x in &mut n {
        *x = read_varint(bytes, &mut at)?;
    }
    let [count, vocabulary_len, rest_len, coded_len] = n;
    let mut frequent = [[0u8; 16]; 3];
    for f in &mut frequent {
        f.copy_from_slice(bytes.get(at..at + 16).ok_or("truncated")?);
        at += 16;
    }
    // No file comes near: a damaged length is refused before any memory is taken for it.
    if vocabulary_len.saturating_add(rest_len) > 1 << 26 || count > vocabulary_len {
        return Err("bad packed file");
    }
    let coded = bytes
        .get(at..at.saturating_add(coded_len))
        .ok_or("truncated")?;
    let tail = &bytes[at + coded_len..];
    let mut d = Decoder {
        low: 0,
        high: u32::MAX,
        x: 0,
        bytes: coded,
        at: 0,
    };
    for _ in 0..4 {
        d.x = d.x << 8 | d.byte();
    }
    let body = run(&mut d, frequent, &[], count, vocabulary_len, &[], rest_len)
        .ok_or("bad packed file")?;
    let mut out = Vec::with_capacity(head.len() + body.len() + tail.len());
    out.extend_from_slice(head);
    out.extend_from_slice(&body);
    out.extend_from_slice(tail);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::compile;

    /// Every language's file unpacks to what was packed.
    #[test]
    fn every_language_unpacks_to_its_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        for d in compile::languages(&root).unwrap() {
            let file = compile::language(&root.join(&d.code), &root.join("common"), &d).unwrap();
            let packed = file.packed();
            assert!(packed.len() < file.bytes.len() / 2, "{}", d.code);
            assert_eq!(unpack(&packed).unwrap(), file.bytes, "{}", d.code);
            // What follows the coded bytes (the web build's stemmer) is kept as it is.
            let mut more = packed.clone();
            more.extend_from_slice(b"tail");
            assert!(unpack(&more).unwrap().ends_with(b"tail"));
        }
    }

    /// A damaged file is an error or other bytes, never a panic.
    #[test]
    fn damaged_files_do_not_panic() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let d = compile::Description::read(&root.join("it")).unwrap();
        let packed = compile::language(&root.join("it"), &root.join("common"), &d)
            .unwrap()
            .packed();
        for cut in [4, 5, 40, 200, packed.len() / 2, packed.len() - 1] {
            assert!(unpack(&packed[..cut]).is_err(), "cut at {cut}");
        }
        for at in [60, 61, 100, 1000, 30_000] {
            let mut bad = packed.clone();
            bad[at] ^= 0x5a;
            let _ = unpack(&bad);
        }
    }
}
