//! Replays the saved fuzz corpora (`fuzz/corpus/<target>/`) on stable Rust
//! through the same checks as the cargo-fuzz targets: both call the
//! functions of `fuzz/checks.rs`.
//!
//! Every file is run even when an earlier one fails; the test then lists
//! every failing file with its panic message (the full message and location
//! are also printed by the panic hook). An empty or missing corpus
//! directory is a failure.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

/// Runs `check` on every file of `fuzz/corpus/<target>/`; fails listing
/// every file whose check panicked.
fn replay(target: &str, check: fn(&[u8])) {
    let dir: PathBuf = [env!("CARGO_MANIFEST_DIR"), "fuzz", "corpus", target]
        .iter()
        .collect();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: empty corpus", dir.display());
    let mut failures = Vec::new();
    for f in &files {
        // a running fuzzer may remove an entry while it is replayed
        let Ok(data) = std::fs::read(f) else { continue };
        if let Err(p) = catch_unwind(AssertUnwindSafe(|| check(&data))) {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{}: {msg}", f.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} {target} corpus files failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn replay_classify() {
    replay("classify", checks::classify);
}

#[test]
fn replay_normalize() {
    replay("normalize", checks::normalize);
}

#[test]
fn replay_registry() {
    replay("registry", checks::registry);
}

#[test]
fn replay_jsonl() {
    replay("jsonl", checks::jsonl);
}
