//! The checks of the cargo-fuzz targets, in one place.
//!
//! Each target in `fuzz/fuzz_targets/` is one line calling the function of
//! its name here; `tests/fuzz_replay.rs` replays the saved corpora through
//! the same functions on stable Rust, and `tests/spans.rs` uses the contract
//! checks ([`verdict_contract`], [`token_spans`]) in its property tests.
//!
//! Included as a module by path (`#[path = "../checks.rs"] mod checks;` in a
//! target, `#[path = "../fuzz/checks.rs"] mod checks;` in a test), so it uses
//! only `std`, `netral` and `serde_json`. Every check panics on a broken
//! invariant, with a message naming the input.

// Each includer uses only some of these.
#![allow(dead_code)]

use std::sync::OnceLock;

use netral::text::{analyze, Lang, Scratch};
use netral::{Account, Action, Activity, Actor, Classifier, Registry, Role, Verdict, VerdictKind};

/// Every action, in declaration order.
pub const ACTIONS: [Action; 5] = [
    Action::Upload,
    Action::Comment,
    Action::Share,
    Action::Like,
    Action::Follow,
];

/// The classifier on the embedded data, built once per process.
pub fn classifier() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(Classifier::new)
}

/// A small vocabulary (election words, candidate names, slang) so that the
/// analyzer's slang, affix and protected-word paths run without the full
/// lexicon.
pub fn lang() -> &'static Lang {
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
        for (from, to) in [
            ("yg", "yang"),
            ("jgn", "jangan"),
            ("kuy", "ayo"),
            ("gk", "tidak"),
            ("tdk", "tidak"),
        ] {
            l.add_slang(from, to);
        }
        l
    })
}

/// The verdict contract (SPEC §2) for one classified activity: a verdict,
/// the id echoed, a score in its verdict's band, and every evidence span
/// slicing an existing field of `a` exactly.
pub fn verdict_contract(a: &Activity, v: &Verdict) -> Result<(), String> {
    let Some(kind) = v.verdict else {
        return Err(format!("no verdict for {a:?}: {v:?}"));
    };
    if v.id.as_deref() != Some(a.id.as_str()) {
        return Err(format!("id not echoed: {:?} vs {:?}", v.id, a.id));
    }
    let s = v.score;
    let band_ok = match kind {
        VerdictKind::Breach => (0.7..=1.0).contains(&s),
        VerdictKind::Review => (0.4..0.7).contains(&s),
        VerdictKind::Clear => (0.0..0.4).contains(&s),
    };
    if !band_ok {
        return Err(format!("score {s} out of band for {kind:?} on {a:?}"));
    }
    evidence_slices(a, v)
}

/// Every evidence span of `v` slices an existing field of `a` exactly.
pub fn evidence_slices(a: &Activity, v: &Verdict) -> Result<(), String> {
    for e in &v.evidence {
        let Some(field) = a.field(&e.field) else {
            return Err(format!("evidence names a missing field: {e:?} on {a:?}"));
        };
        if e.start > e.end {
            return Err(format!("evidence start > end: {e:?} on {a:?}"));
        }
        match field.get(e.start..e.end) {
            Some(q) if q == e.quote => {}
            got => {
                return Err(format!(
                    "evidence does not slice its field: {e:?}, field[{}..{}] = {got:?}, field = {field:?}",
                    e.start, e.end
                ))
            }
        }
    }
    Ok(())
}

/// Every token of `analyze(s)` has `start <= end` and slices `s` on char boundaries.
pub fn token_spans(s: &str, lang: &Lang) -> Result<(), String> {
    for t in analyze(s, lang, &mut Scratch::default()) {
        if t.start > t.end {
            return Err(format!("start > end: {t:?} in {s:?}"));
        }
        if s.get(t.start..t.end).is_none() {
            return Err(format!(
                "token span {}..{} does not slice {s:?} (len {}): {t:?}",
                t.start,
                t.end,
                s.len()
            ));
        }
    }
    Ok(())
}

/// Classifies `a` with the embedded classifier; panics unless the verdict
/// keeps the contract ([`verdict_contract`]).
pub fn classify_checked(a: &Activity) -> Verdict {
    let v = classifier().classify(a);
    if let Err(e) = verdict_contract(a, &v) {
        panic!("{e}");
    }
    v
}

/// Splits a string into the fields of an activity at U+001E (record
/// separator): text, target, then media and hashtags alternately.
pub fn activity_from(s: &str) -> Activity {
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

/// Target `classify`: arbitrary bytes → lossy UTF-8 → [`activity_from`],
/// classified with every action and once more as a share from a non-ASN on
/// an official account; every verdict must keep the contract.
pub fn classify(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let mut a = activity_from(&s);
    for act in ACTIONS {
        a.action = act;
        classify_checked(&a);
    }
    a.action = Action::Share;
    a.actor = Actor {
        id: None,
        role: Role::NonAsn,
        account: Account::Official,
    };
    classify_checked(&a);
}

/// Target `normalize`: arbitrary UTF-8 → `netral::text::analyze`, with the
/// small vocabulary of [`lang`] and with an empty one; every token span must
/// slice the input.
pub fn normalize(data: &[u8]) {
    if let Ok(s) = std::str::from_utf8(data) {
        for l in [lang(), &Lang::new()] {
            if let Err(e) = token_spans(s, l) {
                panic!("{e}");
            }
        }
    }
}

/// Target `registry`: arbitrary UTF-8 → `Registry::from_toml("fuzz.toml", s)`.
/// It must return Ok or Err, never panic; an error's message must start with
/// the file name. A registry that loads must build a classifier (Ok or Err)
/// that gives a verdict with exact evidence spans for posts naming its
/// candidates, aliases, hashtags, slogans and gestures.
pub fn registry(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let reg = match Registry::from_toml("fuzz.toml", s) {
        Ok(reg) => reg,
        Err(e) => {
            let msg = e.to_string();
            assert!(
                msg.starts_with("fuzz.toml"),
                "error without file name: {msg:?}"
            );
            return;
        }
    };
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
    let Ok(c) = built else {
        return;
    };
    for p in posts {
        let a = Activity::upload("fuzz", p.as_str());
        let v = c.classify(&a);
        assert!(v.verdict.is_some(), "no verdict for {p:?}");
        if let Err(e) = evidence_slices(&a, &v) {
            panic!("{e}");
        }
    }
}

/// Target `jsonl`: arbitrary bytes → lines → the command line's reader
/// (`netral::jsonl`); every line is an activity with a verdict that keeps
/// the contract, or an error with a message.
pub fn jsonl(data: &[u8]) {
    for line in data.split(|&b| b == b'\n') {
        // the command line's reader: every line is an activity or an error
        match netral::jsonl::parse_line(line, 1 << 20) {
            Ok(a) => {
                classify_checked(&a);
            }
            Err(e) => assert!(!e.to_string().is_empty(), "an error names its cause"),
        }
        // a line cut short by the reader is refused, never misread
        let cut = line.len().min(16);
        if line.len() > cut {
            assert!(
                netral::jsonl::parse_truncated_line(&line[..cut], line.len(), cut - 1).is_err()
            );
        }
    }
}
