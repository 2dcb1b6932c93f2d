//! Span invariants under hostile Unicode (SPEC §2: `field[start..end] == quote`).
//!
//! Property tests feed strings built from emoji sequences (skin tones,
//! U+FE0F, ZWJ, keycaps), combining marks, case-mapping oddities (`İ`, `ß`),
//! zero-width and bidi characters, Arabic and Hebrew letters, Indonesian
//! election words, digits, separators and arbitrary characters through
//! [`netral::text::analyze`] and [`netral::Classifier::classify`], and check that
//! nothing panics and every span slices its original field exactly.
//!
//! The checks themselves are those of the fuzz targets (`fuzz/checks.rs`).
//!
//! Set `PROPTEST_CASES` to run more cases than the default 256.

#[path = "../fuzz/checks.rs"]
mod checks;

use checks::{classifier, lang, verdict_contract, ACTIONS};
use netral::{Account, Activity, Actor, Role};
use proptest::prelude::*;

/// Checks that every token of `analyze(s)` is a valid char-boundary slice of `s`.
fn check_tokens(s: &str) -> Result<(), TestCaseError> {
    checks::token_spans(s, lang()).map_err(TestCaseError::fail)
}

/// Classifies `a` once per action and checks every verdict.
fn check_all_actions(a: &Activity) -> Result<(), TestCaseError> {
    let mut a = a.clone();
    for act in ACTIONS {
        a.action = act;
        let v = classifier().classify(&a);
        verdict_contract(&a, &v).map_err(TestCaseError::fail)?;
    }
    Ok(())
}

const EMOJI: &[&str] = &[
    "✌",
    "✌\u{FE0F}",
    "✌🏽",
    "✌\u{1F3FF}\u{FE0F}",
    "👍🏻",
    "☝\u{FE0F}",
    "🤞🏾",
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
    "🧑🏽\u{200D}🤝\u{200D}🧑🏿",
    "🏳\u{FE0F}\u{200D}🌈",
    "🇮🇩",
    "🇮",
    "2\u{FE0F}\u{20E3}",
    "0\u{FE0F}\u{20E3}",
    "1\u{20E3}",
    "#\u{FE0F}\u{20E3}",
    "*\u{20E3}",
    "\u{1F51F}",
    "\u{1F3FD}",
    "\u{FE0F}",
    "\u{20E3}",
    "😉",
    "🗳\u{FE0F}",
];

const MARKS: &[&str] = &[
    "\u{301}",
    "\u{308}",
    "\u{336}",
    "\u{20DD}",
    "e\u{301}",
    "o\u{308}\u{331}",
    "a\u{300}\u{301}\u{302}\u{303}",
];

const CASE_ODDITIES: &[&str] = &[
    "İ", "ß", "ẞ", "ı", "ﬁ", "ﬃ", "ǅ", "Σ", "ς", "ŉ", "ΐ", "Ⅻ", "㎏", "ǰ",
];

const INVISIBLE: &[&str] = &[
    "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{AD}",
];

const BIDI: &[&str] = &[
    "\u{202E}",
    "\u{202D}",
    "\u{202C}",
    "\u{2067}",
    "\u{2066}",
    "\u{2069}",
    "\u{200F}",
    "\u{200E}",
    "مرحبا",
    "انتخاب",
    "שלום",
    "בחירות",
    "٠٢",
    "۲",
];

const ELECTION: &[&str] = &[
    "coblos",
    "dukung",
    "Prabowo",
    "02",
    "✌",
    "c0bl0s",
    "pr4bowo",
    "d u k u n g",
    "p.r.a.b.o.w.o",
    "#Coblos02",
    "#AMINajaDulu",
    "paslon",
    "no.",
    "nomor urut",
    "jangan pilih",
    "Anies",
    "Ganjar",
    "Gibran",
    "salam dua jari",
    "ASN harus netral",
    "dukunggg",
    "teman2",
    "ｃｏｂｌｏｓ",
    "рrаbоwо",
    "𝐝𝐮𝐤𝐮𝐧𝐠",
];

const SEPARATORS: &[&str] = &[
    " ", "  ", ".", "-", "_", ",", "!", "?", "#", "@", "/", ":", "\n", "\r\n", "\t", "…", "\u{A0}",
    "\u{3000}", "https://", "#", "@@", "'", "\"",
];

/// 256 cases per property unless `PROPTEST_CASES` says otherwise.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

fn piece() -> impl Strategy<Value = String> {
    fn pick(xs: &'static [&'static str]) -> BoxedStrategy<String> {
        prop::sample::select(xs).prop_map(str::to_string).boxed()
    }
    prop_oneof![
        3 => pick(EMOJI),
        2 => pick(MARKS),
        2 => pick(CASE_ODDITIES),
        2 => pick(INVISIBLE),
        2 => pick(BIDI),
        5 => pick(ELECTION),
        2 => "[0-9]{1,4}",
        4 => pick(SEPARATORS),
        3 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z]{1,8}",
    ]
}

fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..32).prop_map(|v| v.concat())
}

fn activity() -> impl Strategy<Value = Activity> {
    (
        prop::option::of(hostile()),
        prop::option::of(hostile()),
        prop::collection::vec(hostile(), 0..3),
        prop::collection::vec(hostile(), 0..3),
        prop::sample::select(&[Role::Asn, Role::NonAsn, Role::Public][..]),
        any::<bool>(),
    )
        .prop_map(|(text, target, media, hashtags, role, official)| Activity {
            id: "p".into(),
            text,
            target,
            media,
            hashtags,
            actor: Actor {
                id: None,
                role,
                account: if official {
                    Account::Official
                } else {
                    Account::Personal
                },
            },
            ..Activity::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn analyze_spans_slice_the_input(s in hostile()) {
        check_tokens(&s)?;
    }

    #[test]
    fn analyze_spans_on_arbitrary_strings(s in any::<String>()) {
        check_tokens(&s)?;
    }

    #[test]
    fn classify_evidence_slices_every_field(a in activity()) {
        check_all_actions(&a)?;
    }

    #[test]
    fn classify_same_string_in_every_field(s in hostile()) {
        let a = Activity {
            id: "q".into(),
            text: Some(s.clone()),
            target: Some(s.clone()),
            media: vec![s.clone()],
            hashtags: vec![s.clone(), format!("#{s}")],
            ..Activity::default()
        };
        check_all_actions(&a)?;
    }
}

// ---- deterministic regressions -------------------------------------------

/// Classifies `s` in every field and with every action; asserts each
/// evidence quote slices its field exactly. Returns the quotes taken from `s`
/// itself (not from the filler fields).
fn quotes_for(s: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let layouts: Vec<Activity> = vec![
        Activity::upload("r", s),
        Activity {
            id: "r".into(),
            target: Some(s.into()),
            ..Activity::default()
        },
        Activity {
            id: "r".into(),
            media: vec!["foto".into(), s.into()],
            ..Activity::default()
        },
        Activity {
            id: "r".into(),
            hashtags: vec![s.into()],
            ..Activity::default()
        },
    ];
    for mut a in layouts {
        for act in ACTIONS {
            a.action = act;
            let v = checks::classify_checked(&a);
            for e in &v.evidence {
                let field = a.field(&e.field).unwrap();
                assert_eq!(&field[e.start..e.end], e.quote, "{e:?} in {field:?}");
                if field == s {
                    seen.push(e.quote.clone());
                }
            }
        }
    }
    if let Err(e) = checks::token_spans(s, lang()) {
        panic!("{e}");
    }
    seen
}

#[test]
fn regression_leet() {
    let q = quotes_for("c0bl0s pr4bowo");
    assert!(!q.is_empty(), "no evidence for a leet breach");
    for quote in &q {
        assert!(["c0bl0s", "pr4bowo"].contains(&quote.as_str()), "{quote:?}");
    }
}

#[test]
fn regression_spaced_letters() {
    let s = "d u k u n g  g a n j a r";
    let q = quotes_for(s);
    assert!(!q.is_empty(), "no evidence for spaced letters");
    for quote in &q {
        assert!(
            ["d u k u n g", "g a n j a r", s].contains(&quote.as_str()),
            "{quote:?}"
        );
    }
}

#[test]
fn regression_cyrillic_lookalikes() {
    // р (U+0440), а (U+0430), о (U+043E): two bytes each
    let s = "dukung \u{440}r\u{430}b\u{43E}w\u{43E} ✌";
    let q = quotes_for(s);
    assert!(
        q.iter().any(|q| q == "\u{440}r\u{430}b\u{43E}w\u{43E}"),
        "{q:?}"
    );
    let s = "\u{440}r\u{430}b\u{43E}w\u{43E}";
    quotes_for(s);
}

#[test]
fn regression_fullwidth() {
    let s = "ｃｏｂｌｏｓ　ｐｒａｂｏｗｏ　０２";
    let q = quotes_for(s);
    assert!(!q.is_empty(), "no evidence for fullwidth text");
    for quote in &q {
        assert!(quote.chars().all(|c| !c.is_ascii()), "{quote:?}");
    }
}

#[test]
fn regression_mixed_disguises() {
    for s in [
        "C0BL0S  P R A B O W O 0\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3}",
        "du\u{200B}kung pra\u{200D}bowo",
        "\u{202E}owobarp gnukud\u{202C}",
        "DUKUNG PRABOWO İ ß",
        "İİİ dukung İstanbul prabowo ßß",
        "p\u{301}r\u{308}a\u{336}bowo coblos",
        "#CoblosPr4bowo ✌🏽✌\u{FE0F}",
        "𝐜𝐨𝐛𝐥𝐨𝐬 𝐩𝐫𝐚𝐛𝐨𝐰𝐨",
    ] {
        quotes_for(s);
    }
}
