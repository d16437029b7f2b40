//! The one error type of factcards: configuration that cannot be honoured, or a language file
//! that cannot be read.

use std::fmt;

/// An invalid option, reported by [`crate::AnalyzerBuilder::build`]; an unreadable language file,
/// reported by [`crate::load_language`]; a language whose file is not loaded, reported by
/// [`crate::Analyzer::try_analyze`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    UnsupportedLanguage(String),
    /// A language file that cannot be read: why.
    BadLanguageFile(&'static str),
    /// A text in a language whose file has not been loaded (web build).
    NotLoaded(&'static str),
    InvalidOption {
        name: &'static str,
        why: String,
    },
}

impl Error {
    pub(crate) fn unsupported_language(code: &str) -> Error {
        Error {
            kind: ErrorKind::UnsupportedLanguage(code.to_string()),
        }
    }

    pub(crate) fn bad_language_file(why: &'static str) -> Error {
        Error {
            kind: ErrorKind::BadLanguageFile(why),
        }
    }

    pub(crate) fn not_loaded(code: &'static str) -> Error {
        Error {
            kind: ErrorKind::NotLoaded(code),
        }
    }

    /// The language whose data must be loaded first, when that is the error.
    pub fn language_to_load(&self) -> Option<&'static str> {
        match self.kind {
            ErrorKind::NotLoaded(code) => Some(code),
            _ => None,
        }
    }

    pub(crate) fn invalid(name: &'static str, why: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::InvalidOption {
                name,
                why: why.into(),
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::UnsupportedLanguage(code) => write!(
                f,
                "unsupported language \"{code}\": use one of {}",
                crate::lexicon::LANGUAGES.join(", ")
            ),
            ErrorKind::BadLanguageFile(why) => write!(f, "unreadable language file: {why}"),
            ErrorKind::NotLoaded(code) => write!(
                f,
                "the data of language \"{code}\" is not loaded (factcards-{code}.bin)"
            ),
            ErrorKind::InvalidOption { name, why } => write!(f, "invalid option {name}: {why}"),
        }
    }
}

impl std::error::Error for Error {}
