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
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let content = std::fs::read_to_string(&path).expect("corpus file");
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
