//! One Snowball stemmer of rust-stemmers as a WebAssembly module of its own (the cargo feature
//! names the algorithm: `--features italian`). The web build carries it in the language's file
//! (`factcards-<lang>.bin`), so that a page downloads the stemmer of its language only; the core
//! instantiates it when it loads the file (`src/stemmer.rs`). The CLI and the Rust crate link
//! rust-stemmers directly.
//!
//! The interface, for one word at a time: `input(n)` gives the address of `n` bytes to write the
//! word's UTF-8 into; `stem(n)` stems those `n` bytes and gives the address of the stem, whose
//! length `stem_len()` gives. Memory is a bump allocator emptied by each `input`.

use std::alloc::{GlobalAlloc, Layout};
use std::arch::wasm32;

use rust_stemmers::{Algorithm, Stemmer};

macro_rules! algorithm {
    ($($feature:literal => $variant:ident),* $(,)?) => {
        $(
            #[cfg(feature = $feature)]
            const ALGORITHM: Algorithm = Algorithm::$variant;
        )*
    };
}

algorithm! {
    "arabic" => Arabic, "danish" => Danish, "dutch" => Dutch, "english" => English,
    "finnish" => Finnish, "french" => French, "german" => German, "greek" => Greek,
    "hungarian" => Hungarian, "italian" => Italian, "norwegian" => Norwegian,
    "portuguese" => Portuguese, "romanian" => Romanian, "russian" => Russian,
    "spanish" => Spanish, "swedish" => Swedish, "tamil" => Tamil, "turkish" => Turkish,
}

const PAGE: usize = 65536;

/// The heap: from the end of the memory the module starts with, grown a page at a time, emptied by
/// each `input`. (Single-threaded: a module instance serves one caller.)
struct Bump;

static mut BASE: usize = 0;
static mut NEXT: usize = 0;
static mut END: usize = 0;
static mut WORD: usize = 0;
static mut STEM_LEN: usize = 0;

unsafe impl GlobalAlloc for Bump {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if END == 0 {
            END = wasm32::memory_size(0) * PAGE;
            BASE = END;
            NEXT = END;
        }
        let start = (NEXT + layout.align() - 1) & !(layout.align() - 1);
        let end = start + layout.size();
        if end > END {
            let pages = (end - END).div_ceil(PAGE);
            if wasm32::memory_grow(0, pages) == usize::MAX {
                return std::ptr::null_mut();
            }
            END += pages * PAGE;
        }
        NEXT = end;
        start as *mut u8
    }

    unsafe fn dealloc(&self, _ptr: *mut u8, _layout: Layout) {}
}

#[global_allocator]
static HEAP: Bump = Bump;

/// Empties the heap and gives the address of `len` bytes for the next word.
#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    unsafe {
        NEXT = BASE;
        let p = HEAP.alloc(Layout::from_size_align_unchecked(len.max(1), 1));
        WORD = p as usize;
        p
    }
}

/// Stems the `len` bytes (UTF-8) written at `input`'s address; gives the address of the stem.
#[no_mangle]
pub extern "C" fn stem(len: usize) -> *const u8 {
    unsafe {
        let word =
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(WORD as *const u8, len));
        let stem = Stemmer::create(ALGORITHM).stem(word);
        STEM_LEN = stem.len();
        let p = stem.as_ptr();
        std::mem::forget(stem);
        p
    }
}

/// The length in bytes of the last stem.
#[no_mangle]
pub extern "C" fn stem_len() -> usize {
    unsafe { STEM_LEN }
}
