//! Arbitrary bytes → lines → `serde_json::from_slice::<netral::Activity>`; every
//! activity that parses is classified, and its verdict must keep the contract
//! (see `checks::jsonl`).
#![no_main]

#[path = "../checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| checks::jsonl(data));
