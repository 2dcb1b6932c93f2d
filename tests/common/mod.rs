//! The labelled corpus in `tests/corpus/`, read once for every test that
//! needs it.

// each test crate uses a different part of this module
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use netral::{Activity, VerdictKind};

/// One labelled activity.
pub struct Labelled {
    pub activity: Activity,
    /// the gold verdict
    pub gold: VerdictKind,
    /// the gold SPEC code (B1 … C4)
    pub code: String,
    /// the line as written, for reports
    pub line: String,
}

#[derive(serde::Deserialize)]
struct Gold {
    gold: String,
    code: String,
}

fn kind(s: &str) -> VerdictKind {
    match s {
        "breach" => VerdictKind::Breach,
        "review" => VerdictKind::Review,
        _ => VerdictKind::Clear,
    }
}

/// Every labelled activity of `tests/corpus/*.jsonl`, files in name order;
/// a line that does not parse fails with its file and line number.
pub fn corpus() -> Vec<Labelled> {
    files_in("tests/corpus", "jsonl")
        .iter()
        .flat_map(|p| read_file_cases(p))
        .collect()
}

/// Cases written for a registry of their own: every
/// `tests/corpus/registries/NAME.jsonl` with its `NAME.toml`, to be
/// classified with the default registries plus that one.
pub fn registry_corpus() -> Vec<(PathBuf, Vec<Labelled>)> {
    files_in("tests/corpus/registries", "toml")
        .into_iter()
        .map(|t| {
            let cases = read_file_cases(&t.with_extension("jsonl"));
            (t, cases)
        })
        .collect()
}

/// The files of a directory of the crate with extension `ext`, in name order.
fn files_in(dir: &str, ext: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

fn read_file_cases(path: &Path) -> Vec<Labelled> {
    let content =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |e: serde_json::Error| format!("{}:{}: {e}", path.display(), i + 1);
        let activity: Activity = serde_json::from_str(line)
            .map_err(at)
            .unwrap_or_else(|e| panic!("{e}"));
        let g: Gold = serde_json::from_str(line)
            .map_err(at)
            .unwrap_or_else(|e| panic!("{e}"));
        out.push(Labelled {
            activity,
            gold: kind(&g.gold),
            code: g.code,
            line: line.to_string(),
        });
    }
    out
}
