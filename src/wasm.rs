//! The JS boundary (wasm32 only): converts options in and the Analysis out, maps errors to JS
//! `Error`s. It decides nothing.

use wasm_bindgen::prelude::*;

use crate::{Analyzer, Options};

fn js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

/// Analyses `text` and returns the Analysis as a plain object.
/// `options`: `{ language?, summarySentences?, maxWords?, kinds?, maxChars? }`.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| js_error(format!("factcards: bad options: {e}")))?
    };
    let analyzer = Analyzer::builder()
        .options(options)
        .build()
        .map_err(|e| js_error(format!("factcards: {e}")))?;
    let analysis = analyzer.analyze(text);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&analysis, &serializer)
        .map_err(|e| js_error(format!("factcards: {e}")))
}

/// The version of the factcards core.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
