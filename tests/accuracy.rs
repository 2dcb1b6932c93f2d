//! Accuracy on the labelled corpus: precision and recall per verdict.
//!
//! The corpus is `tests/corpus/*.jsonl` (default registries) and
//! `tests/corpus/registries/NAME.jsonl`, classified with `NAME.toml` added.
//!
//! Fails below the bars of the definition of done: breach precision 0.97,
//! breach recall 0.95, review F1 0.80, and any C1 item judged `breach`.
//! Set `NETRAL_SHOW_ERRORS=1` to list every disagreement.

mod common;

use std::collections::BTreeMap;

use netral::{Classifier, VerdictKind};

#[test]
fn corpus_precision_recall() {
    let default = Classifier::new();
    // the default corpus, then each registry corpus with its own registry
    let mut sets: Vec<(Classifier, Vec<common::Labelled>)> = vec![(default, common::corpus())];
    for (toml, cases) in common::registry_corpus() {
        let c = Classifier::builder()
            .registry_file(&toml)
            .and_then(|b| b.build())
            .unwrap_or_else(|e| panic!("{}: {e}", toml.display()));
        sets.push((c, cases));
    }
    let order = [VerdictKind::Breach, VerdictKind::Review, VerdictKind::Clear];
    let mut m: BTreeMap<(VerdictKind, VerdictKind), usize> = BTreeMap::new();
    let mut per_code: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut c1_breach = Vec::new();
    let mut errors = Vec::new();
    let mut n = 0;
    for (c, case) in sets
        .iter()
        .flat_map(|(c, cases)| cases.iter().map(move |k| (c, k)))
    {
        let a = &case.activity;
        let v = c.classify(a);
        let got = v.verdict.unwrap();
        let want = case.gold;
        n += 1;
        *m.entry((want, got)).or_default() += 1;
        let e = per_code.entry(case.code.clone()).or_default();
        e.0 += 1;
        if got == want {
            e.1 += 1;
        } else {
            errors.push(format!(
                "{} [{} {}] got {} {:?} :: {}",
                a.id,
                want.as_str(),
                case.code,
                got.as_str(),
                v.codes,
                case.line.chars().take(260).collect::<String>()
            ));
        }
        if case.code == "C1" && got == VerdictKind::Breach {
            c1_breach.push(a.id.clone());
        }
    }
    println!("corpus: {n} activities");
    println!("confusion (rows gold, columns predicted): breach review clear");
    for w in order {
        let row: Vec<String> = order
            .iter()
            .map(|g| format!("{:6}", m.get(&(w, *g)).unwrap_or(&0)))
            .collect();
        println!("  {:7} {}", w.as_str(), row.join(" "));
    }
    let mut stats = BTreeMap::new();
    for k in order {
        let tp = *m.get(&(k, k)).unwrap_or(&0) as f64;
        let pred: f64 = order
            .iter()
            .map(|w| *m.get(&(*w, k)).unwrap_or(&0) as f64)
            .sum();
        let gold: f64 = order
            .iter()
            .map(|g| *m.get(&(k, *g)).unwrap_or(&0) as f64)
            .sum();
        let p = if pred > 0.0 { tp / pred } else { 0.0 };
        let r = if gold > 0.0 { tp / gold } else { 0.0 };
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!(
            "  {:7} precision {p:.3} recall {r:.3} F1 {f1:.3}",
            k.as_str()
        );
        stats.insert(k, (p, r, f1));
    }
    println!("per gold code (correct verdict / cases):");
    for (code, (total, ok)) in &per_code {
        println!("  {code}: {ok}/{total}");
    }
    if std::env::var("NETRAL_SHOW_ERRORS").is_ok() {
        for e in &errors {
            println!("MISS {e}");
        }
    }
    assert!(n >= 500, "corpus has only {n} activities");
    let (bp, br, _) = stats[&VerdictKind::Breach];
    let (_, _, rf1) = stats[&VerdictKind::Review];
    assert!(
        c1_breach.is_empty(),
        "C1 items judged breach: {c1_breach:?}"
    );
    assert!(bp >= 0.97, "breach precision {bp:.3} < 0.97");
    assert!(br >= 0.95, "breach recall {br:.3} < 0.95");
    assert!(rf1 >= 0.80, "review F1 {rf1:.3} < 0.80");
}
