//! # netral
//!
//! Decides whether a social-media activity by an Indonesian civil servant
//! (ASN) breaches the election-neutrality rules, with the exact words that
//! decided it.
//!
//! ## Pipeline
//!
//! 0. A quick screen reads each field once, conservatively (disguises
//!    included), and lets an activity that cannot produce a single signal
//!    skip the rest: its verdict is the one the full analysis would give.
//! 1. [`text`]: each field is folded (look-alike letters, compatibility
//!    forms, combining marks, invisible characters), segmented into tokens
//!    that keep their original byte spans (hashtags split at case and digit
//!    boundaries, letters split by separators joined back, digits read as
//!    letters where that gives a known word, reduplication, elongation,
//!    emoji per grapheme cluster), then slang is expanded and affixes are
//!    stripped against the root list.
//! 2. [`lexicon`], [`registry`], [`profile`]: human-edited word lists,
//!    candidate registries and policy profiles, embedded as the default and
//!    validated on load with file, line and reason.
//! 3. [`matcher`]: one leftmost-longest Aho–Corasick automaton over the
//!    token stream; matches fall on token boundaries by construction.
//! 4. The decision: support, opposition, campaign, invitation and role words
//!    count only when attached to a candidate, ticket or ballot number;
//!    negation has a scope; neutrality, news and participation context
//!    suppress; the action decides which field matters; the profile maps
//!    codes to severities. See `DESIGN.md`.
//!
//! ## Guarantees
//!
//! - Building a [`Classifier`] can fail with an [`Error`] naming the file,
//!   line and problem; [`Classifier::classify`] never fails and never panics.
//! - Every [`Evidence`] span slices its original field: `field[start..end] == quote`.
//! - Time is linear in the input size, and no bound on the work drops a
//!   signal: padding cannot hide a breach.
//!
//! ## Example
//!
//! ```
//! use netral::{Activity, Classifier, VerdictKind};
//! let c = Classifier::new();
//! let v = c.classify(&Activity::upload("1", "c0bl0s pr4bowo-gibran!!"));
//! assert_eq!(v.verdict, Some(VerdictKind::Breach));
//! assert_eq!(v.targets[0].number, 2);
//! ```
#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod classifier;
mod decide;
pub mod error;
pub mod jsonl;
pub mod lexicon;
pub mod matcher;
pub mod model;
mod prefilter;
pub mod profile;
pub mod registry;
pub mod text;

pub use classifier::{Classifier, ClassifierBuilder};
pub use error::Error;
pub use model::*;
pub use profile::Profile;
pub use registry::Registry;
