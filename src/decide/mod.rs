//! The decision: from matched tokens to a verdict with evidence.
//!
//! 1. `features`: every field is analysed and matched; hits become signals
//!    (candidate, ticket number, symbol, support, oppose, …) with spans.
//! 2. Attachment: a support, opposition, campaign, invitation or role word
//!    counts only when a candidate, ticket or ballot number sits in the same
//!    clause within a bounded window; negation flips support to opposition
//!    within its scope; neutrality, news and participation clauses suppress.
//! 3. `rules`: the attached signals, the action and the field they came from
//!    give SPEC codes; the profile maps codes to severities.
//! 4. `reasons`: score, rule ids, targets, evidence and explanations.

mod features;
mod reasons;
mod rules;

use std::cell::RefCell;

use crate::classifier::Classifier;
use crate::model::{Activity, Verdict};

pub(crate) use features::Field;

/// Classifies one activity (never panics on content).
pub(crate) fn classify(c: &Classifier, a: &Activity) -> Verdict {
    let quiet = c.screen && screened(c, a);
    let feats = if quiet {
        features::silent(a)
    } else {
        features::extract(c, a)
    };
    let outcome = rules::decide(c, a, &feats);
    reasons::verdict(c, a, &feats, &outcome)
}

/// Whether the quick screen settles the activity (per-thread scratch space).
pub(crate) fn screened(c: &Classifier, a: &Activity) -> bool {
    SCRATCH.with(|b| c.prefilter.quiet_activity(a, &mut b.borrow_mut()))
}

thread_local! {
    /// Scratch space of the quick screen, one per thread.
    static SCRATCH: RefCell<String> = const { RefCell::new(String::new()) };
}
