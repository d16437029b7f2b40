//! Fact extractors. Each reads the shared [`crate::document::Document`].

pub mod entities;
pub mod numbers;
pub mod quotes;
