//! The web build's stemmers (wasm32 only): each language file carries its Snowball stemmer as a
//! small WebAssembly module of its own (built from `stemmer/` by build.sh), so that a page
//! downloads its language's stemmer only, not the six rust-stemmers would put in the core.
//! [`load`] instantiates one when its file is read (synchronously, as the file itself is: the
//! module is a few KiB); [`stem`] hands it one word at a time. Native builds stem with
//! rust-stemmers directly (the generated `languages.rs` chooses).

use std::cell::RefCell;

use js_sys::{Uint8Array, WebAssembly};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// What a stemmer module exports (`stemmer/lib.rs`).
    type Exports;
    #[wasm_bindgen(method, getter)]
    fn memory(this: &Exports) -> WebAssembly::Memory;
    #[wasm_bindgen(method)]
    fn input(this: &Exports, len: u32) -> u32;
    #[wasm_bindgen(method)]
    fn stem(this: &Exports, len: u32) -> u32;
    #[wasm_bindgen(method)]
    fn stem_len(this: &Exports) -> u32;
}

thread_local! {
    /// The stemmers instantiated, by algorithm name.
    static STEMMERS: RefCell<Vec<(&'static str, Exports)>> = const { RefCell::new(Vec::new()) };
}

/// Instantiates the stemmer module `bytes` as the stemmer `name` (the first one stays).
pub(crate) fn load(name: &'static str, bytes: &[u8]) -> Result<(), &'static str> {
    if STEMMERS.with(|s| s.borrow().iter().any(|(n, _)| *n == name)) {
        return Ok(());
    }
    let module = WebAssembly::Module::new(&Uint8Array::from(bytes)).map_err(|_| "bad stemmer")?;
    let instance =
        WebAssembly::Instance::new(&module, &js_sys::Object::new()).map_err(|_| "bad stemmer")?;
    let exports: Exports = instance.exports().unchecked_into();
    STEMMERS.with(|s| s.borrow_mut().push((name, exports)));
    Ok(())
}

/// The stem of a word by the stemmer `name` (loaded with its language's file: the word itself
/// when it is not).
pub(crate) fn stem(name: &str, word: &str) -> String {
    STEMMERS.with(|s| {
        let s = s.borrow();
        let Some((_, e)) = s.iter().find(|(n, _)| *n == name) else {
            return word.to_string();
        };
        let len = word.len() as u32;
        let at = e.input(len);
        Uint8Array::new_with_byte_offset_and_length(&e.memory().buffer(), at, len)
            .copy_from(word.as_bytes());
        let at = e.stem(len);
        let len = e.stem_len();
        let mut out = vec![0; len as usize];
        Uint8Array::new_with_byte_offset_and_length(&e.memory().buffer(), at, len)
            .copy_to(&mut out);
        String::from_utf8(out).unwrap_or_else(|_| word.to_string())
    })
}
