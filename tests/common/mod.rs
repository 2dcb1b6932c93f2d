//! The labelled corpus in `tests/corpus/`, read once for every test that
//! needs it.

// each test crate uses a different part of this module
#![allow(dead_code)]

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
    read_dir_cases(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus"
    )))
}

/// Cases written for a registry of their own: every
/// `tests/corpus/registries/NAME.jsonl` with its `NAME.toml`, to be
/// classified with the default registries plus that one.
pub fn registry_corpus() -> Vec<(std::path::PathBuf, Vec<Labelled>)> {
    let dir = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/registries"
    ));
    let mut tomls: Vec<_> = std::fs::read_dir(dir)
        .expect("registry corpus dir")
        .map(|e| e.expect("registry corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    tomls.sort();
    tomls
        .into_iter()
        .map(|t| {
            let cases = read_file_cases(&t.with_extension("jsonl"));
            (t, cases)
        })
        .collect()
}

fn read_dir_cases(dir: &std::path::Path) -> Vec<Labelled> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    files.iter().flat_map(|p| read_file_cases(p)).collect()
}

fn read_file_cases(path: &std::path::Path) -> Vec<Labelled> {
    let mut out = Vec::new();
    {
        let content =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
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
    }
    out
}
