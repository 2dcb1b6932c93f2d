#![forbid(unsafe_code)]
#![deny(missing_docs)]
//! netral
pub mod classifier;
mod decide;
pub mod error;
pub mod lexicon;
pub mod matcher;
pub mod model;
pub mod profile;
pub mod registry;
pub mod text;

pub use classifier::{Classifier, ClassifierBuilder};
pub use error::Error;
pub use model::*;
pub use profile::Profile;
pub use registry::Registry;
