//! Arbitrary UTF-8 → `Registry::from_toml("fuzz.toml", s)`: must return Ok or
//! Err, never panic; an error's message must start with the file name. A
//! registry that loads must also build a classifier (Ok or Err) that can
//! classify posts naming its candidates (see `checks::registry`).
#![no_main]

#[path = "../checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| checks::registry(data));
