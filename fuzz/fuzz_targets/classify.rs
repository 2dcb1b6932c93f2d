//! Arbitrary bytes → lossy UTF-8 → the fields of an activity, classified with
//! every action. Fields are separated by U+001E (record separator): text,
//! target, then media and hashtags alternately. Panics when the classifier
//! panics or a verdict breaks the contract (see `checks::classify`).
#![no_main]

#[path = "../checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| checks::classify(data));
