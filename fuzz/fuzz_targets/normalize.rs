//! Arbitrary UTF-8 → `netral::text::analyze`: every token span must be a
//! char-boundary slice of the input, `start <= end` (see `checks::normalize`).
#![no_main]

#[path = "../checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| checks::normalize(data));
