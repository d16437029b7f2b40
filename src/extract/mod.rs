//! Fact extractors. Each reads the shared [`crate::document::Document`].

pub mod agreements;
pub mod clauses;
pub mod entities;
pub mod meetings;
pub mod mentions;
pub mod numbers;
pub mod quotes;
