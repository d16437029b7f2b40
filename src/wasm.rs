//! The JS boundary (wasm32 only): converts options in and the Analysis out, maps errors to JS
//! `Error`s. It decides nothing.
//!
//! The web build has no language built in (cargo feature `builtin-languages` off): `pkg/factcards.js`
//! asks [`language_for`] which language a text needs, fetches `factcards-<lang>.bin` and hands it
//! to [`load_language`] before [`analyze`].

use wasm_bindgen::prelude::*;

use crate::{Analyzer, Options};

fn js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&format!("factcards: {message}")).into()
}

fn analyzer(options: JsValue) -> Result<Analyzer, JsValue> {
    Analyzer::builder()
        .options(read_options(&options)?)
        .build()
        .map_err(js_error)
}

/// The options object, read field by field: serde's deserializer and its messages cost about 5 KB of
/// the gzipped .wasm for five fields.
fn read_options(o: &JsValue) -> Result<Options, JsValue> {
    let mut out = Options::default();
    if o.is_undefined() || o.is_null() {
        return Ok(out);
    }
    if !o.is_object() {
        return Err(js_error("bad options: expected an object"));
    }
    let bad = |name: &str, want: &str| js_error(format!("bad options: {name} must be {want}"));
    let count = |name: &str, v: &JsValue| -> Result<usize, JsValue> {
        v.as_f64()
            .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= u32::MAX as f64)
            .map(|n| n as usize)
            .ok_or_else(|| bad(name, "a whole number"))
    };
    let object: &js_sys::Object = o.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        let v = js_sys::Reflect::get(o, &key).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || v.is_null() {
            continue;
        }
        match name.as_str() {
            "language" => out.language = Some(v.as_string().ok_or_else(|| bad(&name, "a string"))?),
            "summarySentences" => out.summary_sentences = Some(count(&name, &v)?),
            "maxWords" => out.max_words = Some(count(&name, &v)?),
            "maxChars" => out.max_chars = Some(count(&name, &v)?),
            "kinds" => {
                let list: js_sys::Array = v.dyn_into().map_err(|_| bad(&name, "an array of strings"))?;
                out.kinds = Some(
                    list.iter()
                        .map(|k| k.as_string().ok_or_else(|| bad(&name, "an array of strings")))
                        .collect::<Result<_, _>>()?,
                );
            }
            _ => return Err(js_error(format!("bad options: unknown field `{name}`, expected one of `language`, `summarySentences`, `maxWords`, `kinds`, `maxChars`"))),
        }
    }
    Ok(out)
}

/// Analyses `text` and returns the Analysis as a plain object.
/// `options`: `{ language?, summarySentences?, maxWords?, kinds?, maxChars? }`.
/// Fails on invalid options, and when the text's language data is not loaded.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let analysis =
        analyzer(options)?
            .try_analyze(text)
            .map_err(|e| match e.language_to_load() {
                Some(_) => js_error(format!("{e}: await ready(text) before analyze(text)")),
                None => js_error(e),
            })?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&analysis, &serializer).map_err(js_error)
}

/// The language `analyze(text, options)` reads `text` in: the forced one, or the one detected
/// (every language's detection profile is in the core, loaded or not).
#[wasm_bindgen(js_name = languageFor)]
pub fn language_for(text: &str, options: JsValue) -> Result<String, JsValue> {
    Ok(analyzer(options)?.language_of(text).to_string())
}

/// Loads a language file (`factcards-<lang>.bin`) and returns its language code.
#[wasm_bindgen(js_name = loadLanguage)]
pub fn load_language(bytes: &[u8]) -> Result<String, JsValue> {
    crate::load_language(bytes.to_vec())
        .map(str::to_string)
        .map_err(js_error)
}

/// Whether a language's data is loaded.
#[wasm_bindgen(js_name = hasLanguage)]
pub fn has_language(code: &str) -> bool {
    crate::language_ready(code)
}

/// The languages factcards knows, in the order language detection breaks ties.
#[wasm_bindgen]
pub fn languages() -> Vec<String> {
    crate::LANGUAGES.iter().map(|c| c.to_string()).collect()
}

/// The version of the factcards core.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The web build's allocator: a free list per power of two, fed from the end of memory (grown
/// 64 KiB pages at a time). Blocks are never split or merged: the analysis allocates the same
/// few sizes over and over, so a page reaches its steady size after a few analyses (the memory
/// test checks it). Beside dlmalloc (std's allocator on wasm32) it is -4 KiB of the gzipped .wasm
/// and no slower.
mod alloc {
    use std::alloc::{GlobalAlloc, Layout};
    use std::arch::wasm32;
    use std::ptr::null_mut;

    const PAGE: usize = 65536;

    struct Lists;

    /// Per power of two, the first free block (each free block holds the address of the next).
    static mut FREE: [usize; 32] = [0; 32];
    /// The part of memory not handed out yet: `NEXT..END`.
    static mut NEXT: usize = 0;
    static mut END: usize = 0;

    /// The power of two of a layout's blocks: its size, at least 8 bytes and its alignment.
    fn class(layout: &Layout) -> usize {
        layout
            .size()
            .max(layout.align())
            .max(8)
            .next_power_of_two()
            .trailing_zeros() as usize
    }

    unsafe impl GlobalAlloc for Lists {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let class = class(&layout);
            // Free blocks are aligned to their size up to 16 bytes (the most Rust asks here).
            if layout.align() <= 16 && FREE[class] != 0 {
                let block = FREE[class];
                FREE[class] = *(block as *const usize);
                return block as *mut u8;
            }
            let size = 1usize << class;
            let align = size.min(16).max(layout.align());
            let mut start = (NEXT + align - 1) & !(align - 1);
            if start + size > END || END == 0 {
                // At least 256 KiB at a time: each growth makes JS views of the memory stale.
                let pages = (size + align).div_ceil(PAGE).max(4);
                let old = wasm32::memory_grow(0, pages);
                if old == usize::MAX {
                    return null_mut();
                }
                if old * PAGE != END {
                    NEXT = old * PAGE;
                }
                END = (old + pages) * PAGE;
                start = (NEXT + align - 1) & !(align - 1);
            }
            NEXT = start + size;
            start as *mut u8
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            let class = class(&layout);
            *(ptr as *mut usize) = FREE[class];
            FREE[class] = ptr as usize;
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let new = Layout::from_size_align_unchecked(new_size, layout.align());
            if class(&new) == class(&layout) {
                return ptr;
            }
            let out = self.alloc(new);
            if !out.is_null() {
                std::ptr::copy_nonoverlapping(ptr, out, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            out
        }
    }

    #[global_allocator]
    static LISTS: Lists = Lists;
}
