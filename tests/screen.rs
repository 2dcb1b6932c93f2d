//! The quick screen changes nothing: every activity gets the same verdict
//! with the screen on and off, on the labelled corpus, on a generated dump
//! and on random mixtures of trigger words, disguises and everyday text.

#[path = "../benches/gen/mod.rs"]
mod gen;

mod common;

use std::sync::OnceLock;

use netral::{Activity, Classifier};
use proptest::prelude::*;

fn full() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(|| {
        Classifier::builder()
            .screen(false)
            .build()
            .expect("embedded data builds")
    })
}

fn quick() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(Classifier::new)
}

/// Compares both classifiers on one activity; returns whether the screen settled it.
fn same(a: &Activity) -> bool {
    let (f, q) = (full().classify(a), quick().classify(a));
    assert_eq!(f, q, "screen changed the verdict of {a:?}");
    quick().screens_out(a)
}

#[test]
fn corpus_verdicts_unchanged() {
    let acts: Vec<Activity> = common::corpus().into_iter().map(|l| l.activity).collect();
    let quiet = acts.iter().filter(|a| same(a)).count();
    eprintln!("corpus: {quiet} of {} settled by the screen", acts.len());
    // every breach and review item has something to find
    assert!(quiet < acts.len());
}

#[test]
fn generated_dump_verdicts_unchanged() {
    let lines = gen::generate(20_000, 7);
    let mut quiet = 0;
    for l in &lines {
        let a: Activity = serde_json::from_str(l).expect("generated line parses");
        if same(&a) {
            quiet += 1;
        }
    }
    eprintln!(
        "generated: {quiet} of {} settled by the screen ({:.1} %)",
        lines.len(),
        100.0 * quiet as f64 / lines.len() as f64
    );
}

/// Pieces of posts: everyday words, triggers, names, numbers, disguises.
const PIECES: &[&str] = &[
    "makan",
    "siang",
    "hujan",
    "kantor",
    "rapat",
    "mantap",
    "dukung",
    "coblos",
    "pilih",
    "menang",
    "prabowo",
    "anies",
    "ganjar",
    "khofifah",
    "02",
    "2",
    "3",
    "nomor",
    "no.",
    "paslon",
    "teman2",
    "juara",
    "dua",
    "jari",
    "✌️",
    "👍🏽",
    "2️⃣",
    "🙏",
    "😂",
    "❤️",
    "#Coblos02",
    "#AyoKPU",
    "c0bl0s",
    "d u k u n g",
    "p.i.l.i.h",
    "dukunggg",
    "memilih",
    "nyoblos",
    "jgn",
    "kuy",
    "tps",
    "kpu",
    "ktp",
    "amin",
    "aman",
    "netral",
    "asn",
    "kampanye",
    "relawan",
    "https://x.id/coblos",
    "@prabowo",
    "рrаbоwо",
    "ｄｕｋｕｎｇ",
    "du\u{200B}kung",
    "cob🔥los",
    "Pra😂bowo",
    "p!lih",
    "m3nang",
    "tidak",
    "berita",
    "selamat",
    "pagi",
    ",",
    ".",
    "!",
    "\n",
];

fn post() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(PIECES),
            prop::sample::select(&[" ", "", "  ", "-"][..]),
        ),
        0..14,
    )
    .prop_map(|v| v.into_iter().map(|(p, s)| format!("{p}{s}")).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4_000, ..ProptestConfig::default() })]

    #[test]
    fn random_posts_unchanged(text in post(), target in post(), tag in post()) {
        let mut a = Activity::upload("p", text.as_str());
        same(&a);
        a.target = Some(target);
        a.hashtags = vec![tag];
        same(&a);
    }

    #[test]
    fn random_unicode_unchanged(text in "\\PC{0,60}") {
        same(&Activity::upload("u", text.as_str()));
    }
}
