//! Errors. Only loading can fail; classifying never does.

use std::fmt;

/// Where in a data file a problem was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// File name (or `<embedded>/name` for built-in data).
    pub file: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}", self.file),
            (l, 0) => write!(f, "{}:{}", self.file, l),
            (l, c) => write!(f, "{}:{}:{}", self.file, l, c),
        }
    }
}

/// An error while loading a lexicon, registry or profile, or building a classifier.
///
/// ```
/// let err = netral::Registry::from_toml("mine.toml", "[[elections]]\ntitle = \"x\"\n").unwrap_err();
/// let msg = err.to_string();
/// assert!(msg.starts_with("mine.toml:"), "{msg}");
/// assert!(msg.contains("id"), "{msg}");
/// ```
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A data file has a problem at a known place.
    #[error("{location}: {message}")]
    Data {
        /// Where.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The pattern automaton could not be built.
    #[error("building the matcher: {0}")]
    Build(String),
}

impl Error {
    /// A data error at a file, line and column.
    pub fn data(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Error::Data {
            location: Location {
                file: file.to_string(),
                line,
                column,
            },
            message: message.into(),
        }
    }

    /// The location of a data error, if any.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Data { location, .. } => Some(location),
            _ => None,
        }
    }
}

/// Line and column (1-based) of a byte offset in `text`.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut line = 1;
    let mut col = 1;
    for (i, c) in text.char_indices() {
        if i >= offset {
            break;
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    (line, col)
}
