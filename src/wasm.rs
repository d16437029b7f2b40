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
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| js_error(format!("bad options: {e}")))?
    };
    Analyzer::builder().options(options).build().map_err(js_error)
}

/// Analyses `text` and returns the Analysis as a plain object.
/// `options`: `{ language?, summarySentences?, maxWords?, kinds?, maxChars? }`.
/// Fails on invalid options, and when the text's language data is not loaded.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let analysis = analyzer(options)?.try_analyze(text).map_err(|e| {
        match e.language_to_load() {
            Some(_) => js_error(format!("{e}: await ready(text) before analyze(text)")),
            None => js_error(e),
        }
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
