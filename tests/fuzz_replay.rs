//! Replays the saved fuzz corpora (`fuzz/corpus/<target>/`) on stable Rust
//! with the same checks as the cargo-fuzz targets in `fuzz/fuzz_targets/`.
//!
//! Every file is run even when an earlier one fails; the test then lists
//! every failing file with its panic message (the full message and location
//! are also printed by the panic hook). An empty or missing corpus
//! directory is a failure.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::OnceLock;

use netral::text::{analyze, Lang, Scratch};
use netral::{Account, Action, Activity, Actor, Classifier, Registry, Role, VerdictKind};

const ACTIONS: [Action; 5] = [
    Action::Upload,
    Action::Comment,
    Action::Share,
    Action::Like,
    Action::Follow,
];

fn classifier() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(Classifier::new)
}

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
        let data = std::fs::read(f).unwrap();
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

fn check_evidence(a: &Activity) {
    let v = classifier().classify(a);
    let kind = v
        .verdict
        .unwrap_or_else(|| panic!("no verdict for {a:?}: {v:?}"));
    assert_eq!(v.id.as_deref(), Some(a.id.as_str()), "id not echoed");
    let s = v.score;
    let ok = match kind {
        VerdictKind::Breach => (0.7..=1.0).contains(&s),
        VerdictKind::Review => (0.4..0.7).contains(&s),
        VerdictKind::Clear => (0.0..0.4).contains(&s),
    };
    assert!(ok, "score {s} out of band for {kind:?} on {a:?}");
    for e in &v.evidence {
        let field = a
            .field(&e.field)
            .unwrap_or_else(|| panic!("evidence names a missing field: {e:?} on {a:?}"));
        assert_eq!(
            field.get(e.start..e.end),
            Some(e.quote.as_str()),
            "evidence does not slice its field: {e:?}, field {field:?}"
        );
    }
}

// ---- classify: same as fuzz/fuzz_targets/classify.rs ----------------------

fn activity_from(s: &str) -> Activity {
    let mut parts = s.split('\u{1E}');
    let text = parts.next().map(str::to_string);
    let target = parts.next().map(str::to_string);
    let mut media = Vec::new();
    let mut hashtags = Vec::new();
    for (i, p) in parts.enumerate() {
        if i % 2 == 0 {
            media.push(p.to_string());
        } else {
            hashtags.push(p.to_string());
        }
    }
    Activity {
        id: "fuzz".into(),
        text,
        target,
        media,
        hashtags,
        ..Activity::default()
    }
}

fn classify_target(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let mut a = activity_from(&s);
    for act in ACTIONS {
        a.action = act;
        check_evidence(&a);
    }
    a.action = Action::Share;
    a.actor = Actor {
        id: None,
        role: Role::NonAsn,
        account: Account::Official,
    };
    check_evidence(&a);
}

#[test]
fn replay_classify() {
    replay("classify", classify_target);
}

// ---- normalize: same as fuzz/fuzz_targets/normalize.rs --------------------

fn lang() -> &'static Lang {
    static L: OnceLock<Lang> = OnceLock::new();
    L.get_or_init(|| {
        let mut l = Lang::new();
        for w in [
            "dukung", "coblos", "pilih", "paslon", "nomor", "urut", "jangan", "ayo", "teman",
            "salam", "jari", "menang", "netral", "asn",
        ] {
            l.add_word(w);
        }
        for w in ["prabowo", "gibran", "anies", "ganjar", "muhaimin"] {
            l.add_protected(w);
        }
        l.add_slang("yg", "yang");
        l.add_slang("jgn", "jangan");
        l.add_slang("kuy", "ayo");
        l.add_slang("gk", "tidak");
        l
    })
}

fn check_tokens(s: &str, lang: &Lang) {
    for t in analyze(s, lang, &mut Scratch::default()) {
        assert!(t.start <= t.end, "start > end: {t:?} in {s:?}");
        assert!(
            s.get(t.start..t.end).is_some(),
            "token span {}..{} does not slice {s:?} (len {}): {t:?}",
            t.start,
            t.end,
            s.len()
        );
    }
}

fn normalize_target(data: &[u8]) {
    if let Ok(s) = std::str::from_utf8(data) {
        check_tokens(s, lang());
        check_tokens(s, &Lang::new());
    }
}

#[test]
fn replay_normalize() {
    replay("normalize", normalize_target);
}

// ---- registry: same as fuzz/fuzz_targets/registry.rs ----------------------

fn registry_target(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    match Registry::from_toml("fuzz.toml", s) {
        Err(e) => {
            let msg = e.to_string();
            assert!(
                msg.starts_with("fuzz.toml"),
                "error without file name: {msg:?}"
            );
        }
        Ok(reg) => {
            let mut posts = Vec::new();
            for el in reg.elections() {
                for t in &el.tickets {
                    let mut words: Vec<String> = t.names();
                    words.extend(t.aliases.iter().cloned());
                    words.extend(t.hashtags.iter().map(|h| format!("#{h}")));
                    words.extend(t.slogans.iter().cloned());
                    words.extend(t.gestures.iter().cloned());
                    for w in words.into_iter().take(8) {
                        posts.push(format!("ayo coblos {w} no {} ✌", t.number));
                    }
                }
            }
            posts.truncate(32);
            let built = Classifier::builder()
                .no_default_candidates()
                .registry(reg)
                .build();
            if let Ok(c) = built {
                for p in posts {
                    let a = Activity::upload("fuzz", p.as_str());
                    let v = c.classify(&a);
                    assert!(v.verdict.is_some(), "no verdict for {p:?}");
                    for e in &v.evidence {
                        let field = a.field(&e.field).unwrap_or_default();
                        assert_eq!(
                            field.get(e.start..e.end),
                            Some(e.quote.as_str()),
                            "evidence does not slice {p:?}: {e:?}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn replay_registry() {
    replay("registry", registry_target);
}

// ---- jsonl: same as fuzz/fuzz_targets/jsonl.rs ----------------------------

fn jsonl_target(data: &[u8]) {
    for line in data.split(|&b| b == b'\n') {
        if let Ok(a) = serde_json::from_slice::<Activity>(line) {
            check_evidence(&a);
        }
    }
}

#[test]
fn replay_jsonl() {
    replay("jsonl", jsonl_target);
}
