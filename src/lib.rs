//! factcards: an extractive summary and fact cards (meetings, agreements, numbers, quotes) from a
//! pasted news article, in plain Rust that also runs as WebAssembly in the reader's browser.
//!
//! ```
//! let analyzer = factcards::Analyzer::builder().language("it").build().unwrap();
//! let a = analyzer.analyze("Roma, vertice\n\nIl governo ha stanziato 50 milioni di euro per la scuola.");
//! assert_eq!(a.language, "it");
//! ```
//!
//! The pipeline, one module a stage: [`normalize`] → [`segment`] (with [`token`]) → [`lang`] →
//! [`summarize`] and [`extract`] → [`analysis`] (the output contract). Per-language knowledge is
//! data under `data/<lang>/`, compiled at build time and read by [`lexicon`].

pub mod analysis;
mod analyzer;
mod cards;
mod chrome;
mod decimal;
mod document;
mod error;
pub mod extract;
pub mod lang;
pub mod lexicon;
pub mod normalize;
pub mod render;
pub mod segment;
mod sort;
pub mod summarize;
pub mod token;
pub mod unicode;

#[cfg(target_arch = "wasm32")]
mod stemmer;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::Analysis;
pub use analyzer::{Analyzer, AnalyzerBuilder, Options};
pub use error::Error;
pub use lexicon::{is_ready as language_ready, load as load_language, LANGUAGES};
