//! Hostile inputs through the library: huge fields, floods of emoji and
//! invisible characters, a word repeated hundreds of thousands of times,
//! thousands of media items, NUL bytes, lone surrogates and deep nesting in
//! JSON. Each must finish, return a verdict and keep every evidence span
//! exact; the repeated-word case must scale linearly.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use netral::{Action, Activity, Classifier, Verdict, VerdictKind};

fn classifier() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(Classifier::new)
}

/// Classifies and checks the verdict contract: a verdict, a score in its
/// band, every evidence span slicing its field.
fn classify_checked(a: &Activity) -> Verdict {
    let v = classifier().classify(a);
    let kind = v.verdict.expect("a verdict");
    let s = v.score;
    match kind {
        VerdictKind::Breach => assert!((0.7..=1.0).contains(&s), "{s}"),
        VerdictKind::Review => assert!((0.4..0.7).contains(&s), "{s}"),
        VerdictKind::Clear => assert!((0.0..0.4).contains(&s), "{s}"),
    }
    for e in &v.evidence {
        let field = a.field(&e.field).expect("evidence field exists");
        assert_eq!(field.get(e.start..e.end), Some(e.quote.as_str()), "{e:?}");
    }
    v
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let r = f();
    (r, t.elapsed())
}

fn big_text(bytes: usize) -> String {
    let unit = "Selamat pagi bapak ibu, ASN harus netral. Ayo coblos Prabowo-Gibran ✌🏽 #Coblos02 teman2 juara 2. ";
    let mut text = String::with_capacity(bytes + unit.len());
    while text.len() < bytes {
        text.push_str(unit);
    }
    text
}

#[test]
fn one_megabyte_text() {
    let text = big_text(1024 * 1024);
    let (v, d) = timed(|| classify_checked(&Activity::upload("big", text.as_str())));
    eprintln!(
        "1 MB text: {:?}, {} evidence, {d:?}",
        v.verdict,
        v.evidence.len()
    );
}

#[test]
#[cfg_attr(debug_assertions, ignore = "large input: run with --release")]
fn ten_megabyte_text() {
    let text = big_text(10 * 1024 * 1024);
    let (v, d) = timed(|| classify_checked(&Activity::upload("big", text.as_str())));
    eprintln!(
        "10 MB text: {:?}, {} evidence, {d:?}",
        v.verdict,
        v.evidence.len()
    );
}

#[test]
fn hundred_thousand_emoji() {
    let set = [
        "✌",
        "✌🏽",
        "👍🏿",
        "🇮🇩",
        "2\u{FE0F}\u{20E3}",
        "👨\u{200D}👩\u{200D}👧",
        "😉",
        "🙏",
    ];
    let text: String = (0..100_000).map(|i| set[i % set.len()]).collect();
    let a = Activity {
        id: "emoji".into(),
        action: Action::Share,
        text: Some(text.clone()),
        target: Some(text),
        ..Activity::default()
    };
    let (v, d) = timed(|| classify_checked(&a));
    eprintln!("100k emoji in text and target: {:?}, {d:?}", v.verdict);
}

#[test]
fn two_hundred_thousand_zero_width() {
    let zw = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];
    let only: String = (0..200_000).map(|i| zw[i % zw.len()]).collect();
    let v = classify_checked(&Activity::upload("zw", only.as_str()));
    assert_eq!(v.verdict, Some(VerdictKind::Clear));
    // the same flood inside a breach: letters of "coblos prabowo" spread apart
    let word = "coblos prabowo";
    let per = 200_000 / word.chars().count();
    let mut mixed = String::new();
    for (i, c) in word.chars().enumerate() {
        mixed.push(c);
        for j in 0..per {
            mixed.push(zw[(i + j) % zw.len()]);
        }
    }
    let (v, d) = timed(|| classify_checked(&Activity::upload("zw2", mixed.as_str())));
    eprintln!("200k zero-width inside a breach: {:?}, {d:?}", v.verdict);
}

fn repeated(n: usize) -> Activity {
    Activity::upload("rep", "coblos 02 ".repeat(n))
}

/// Best of five wall-clock timings: the minimum is the least disturbed
/// by other tests running in parallel (on a shared two-core machine three
/// were sometimes all disturbed).
fn best_of_five(a: &Activity) -> Duration {
    (0..5)
        .map(|_| timed(|| classify_checked(a)).1)
        .min()
        .unwrap_or_default()
}

/// Time of classifying `"coblos 02 " x n` for n and 2n, after a warm-up.
fn doubling(n: usize) -> (Duration, Duration) {
    classify_checked(&repeated(10));
    let (a1, a2) = (repeated(n), repeated(2 * n));
    (best_of_five(&a1), best_of_five(&a2))
}

fn assert_linear(n: usize, (t1, t2): (Duration, Duration)) {
    let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-9);
    eprintln!(
        "\"coblos 02 \" x {n}: {t1:?}; x {}: {t2:?}; ratio {ratio:.2}",
        2 * n
    );
    assert!(
        ratio < 3.5,
        "not linear: {t1:?} for n={n}, {t2:?} for 2n (ratio {ratio:.2})"
    );
}

/// Doubling the input must not quadruple the time (`lib.rs`: "Time is
/// linear in the input size"). 20,000 repeats is 200 KB.
#[test]
fn repeated_word_is_linear() {
    let n = 20_000;
    assert_linear(n, doubling(n));
}

/// The same for phrases that reach the name, vote-verb, participation,
/// presence and sport rules: a weak name after a vote verb, "sudah nyoblos"
/// before a number, a candidate who "hadir", free support in a sports field.
#[test]
fn repeated_rule_phrases_are_linear() {
    let phrase = "Jan pilih Muflihun, sudah nyoblos 02, Anies hadir, ayo menang tim futsal! ";
    let post = |n: usize| Activity {
        created_at: Some("2024-11-07T13:00:00+07:00".into()),
        ..Activity::upload("phr", phrase.repeat(n))
    };
    let n = 4_000;
    classify_checked(&post(10));
    let (t1, t2) = (best_of_five(&post(n)), best_of_five(&post(2 * n)));
    assert_linear(n, (t1, t2));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "large input: run with --release")]
fn repeated_word_is_linear_full_size() {
    let n = 150_000;
    assert_linear(n, doubling(n));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "large input: run with --release")]
fn three_hundred_thousand_repeats() {
    let (v, d) = timed(|| classify_checked(&repeated(300_000)));
    eprintln!(
        "\"coblos 02 \" x 300000: {:?}, {} evidence, {d:?}",
        v.verdict,
        v.evidence.len()
    );
}

/// Padding a breach with trigger words must not hide it: no bound on the
/// work may drop the breach's own signals.
#[test]
fn padding_does_not_hide_a_breach() {
    let post = "Ayo coblos 02 ya!";
    let alone = classify_checked(&Activity::upload("p0", post));
    assert_eq!(alone.verdict, Some(VerdictKind::Breach));
    for pad in ["dukung ", "coblos ", "pilih "] {
        for text in [
            format!("{post} {}", pad.repeat(5_000)),
            format!("{} {post}", pad.repeat(5_000)),
        ] {
            let v = classify_checked(&Activity::upload("p", text.as_str()));
            assert_ne!(
                v.verdict,
                Some(VerdictKind::Clear),
                "{post:?} padded with {pad:?} x 5000 was cleared"
            );
        }
    }
}

#[test]
fn twenty_thousand_media_items() {
    let descr = [
        "foto bersama calon, pose dua jari",
        "spanduk coblos 02",
        "foto keluarga di pantai ✌",
        "",
        "\u{200B}",
    ];
    let a = Activity {
        id: "media".into(),
        text: Some("dokumentasi kegiatan".into()),
        media: (0..20_000)
            .map(|i| descr[i % descr.len()].to_string())
            .collect(),
        hashtags: (0..1_000).map(|i| format!("#Coblos0{}", i % 4)).collect(),
        ..Activity::default()
    };
    let (v, d) = timed(|| classify_checked(&a));
    eprintln!(
        "20k media: {:?}, {} evidence, {d:?}",
        v.verdict,
        v.evidence.len()
    );
    assert!(v.evidence.iter().all(|e| e.field.starts_with("media[")
        || e.field.starts_with("hashtags[")
        || e.field == "text"));
}

#[test]
fn nul_bytes() {
    for s in [
        "\0",
        "\0\0\0\0",
        "coblos\0prabowo",
        "\0coblos 02\0",
        "d\0u\0k\0u\0n\0g\0 \0g\0a\0n\0j\0a\0r",
    ] {
        let a = Activity {
            id: "nul\0id".into(),
            text: Some(s.into()),
            target: Some(s.into()),
            media: vec![s.into()],
            hashtags: vec![s.into()],
            ..Activity::default()
        };
        let v = classify_checked(&a);
        assert_eq!(v.id.as_deref(), Some("nul\0id"));
    }
    let big = "coblos\0".repeat(100_000);
    classify_checked(&Activity::upload("nul-big", big));
    // NUL escaped in JSON is a valid character; raw NUL in a JSON string is not valid JSON
    let a: Activity = serde_json::from_str(r#"{"id":"j","text":"coblos\u0000prabowo"}"#).unwrap();
    assert_eq!(a.text.as_deref(), Some("coblos\0prabowo"));
    classify_checked(&a);
    assert!(serde_json::from_slice::<Activity>(b"{\"id\":\"j\",\"text\":\"a\0b\"}").is_err());
}

#[test]
fn lone_surrogates_in_json() {
    for line in [
        r#"{"id":"s1","text":"\ud800"}"#,
        r#"{"id":"s2","text":"coblos \udc00 prabowo"}"#,
        r#"{"id":"s3","text":"\ud800\ud800"}"#,
        r#"{"id":"s4","text":"\ud83d"}"#,
        r#"{"id":"\ud800"}"#,
        r#"{"id":"s5","media":["\udfff"]}"#,
        r#"{"id":"s6","text":"\ud83d\ude00 ok"}"#,
    ] {
        match serde_json::from_str::<Activity>(line) {
            Ok(a) => {
                classify_checked(&a);
            }
            Err(e) => eprintln!("{line}: {e}"),
        }
    }
}

#[test]
fn deeply_nested_json() {
    for depth in [129, 1_000, 100_000] {
        let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let objects = format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
        // read generically, serde_json's recursion limit (128) refuses both
        assert!(serde_json::from_str::<serde_json::Value>(&arrays).is_err());
        assert!(serde_json::from_str::<serde_json::Value>(&objects).is_err());
        // in a typed field: an error (wrong type, or the recursion limit)
        for field in ["text", "media", "hashtags", "actor", "action", "id"] {
            // (objects under `actor` are its unknown fields: see below)
            let objs = (field != "actor").then_some(&objects);
            for nested in std::iter::once(&arrays).chain(objs) {
                let line = format!(r#"{{"id":"d","{field}":{nested}}}"#);
                assert!(
                    serde_json::from_str::<Activity>(&line).is_err(),
                    "depth {depth} in `{field}` was accepted"
                );
            }
        }
        // in an unknown field: serde_json skips ignored values without
        // recursing, so any depth is either skipped (Ok) or refused (Err),
        // never a stack overflow
        for nested in [&arrays, &objects] {
            for line in [
                format!(r#"{{"id":"d","x":{nested},"text":"coblos 02"}}"#),
                format!(r#"{{"id":"d","actor":{{"x":{nested}}}}}"#),
                format!(r#"{{"id":"d","actor":{objects}}}"#),
            ] {
                match serde_json::from_str::<Activity>(&line) {
                    Ok(a) => {
                        classify_checked(&a);
                    }
                    Err(e) => eprintln!("depth {depth}, unknown field: {e}"),
                }
            }
        }
    }
    // unbalanced: an error, whatever the depth
    let open = format!(r#"{{"id":"d","x":{}"#, "[".repeat(100_000));
    assert!(serde_json::from_str::<Activity>(&open).is_err());
}

/// A hashtag made of letters and digits ("#a1a1a1…") must be read in time
/// linear in its length: every digit run is checked against the letters
/// right before it, never against the whole tag so far.
#[test]
fn digits_inside_a_long_hashtag_are_linear() {
    let tag = |n: usize| {
        let mut a = Activity::upload("tag", "ok");
        a.hashtags = vec![format!("#{}", "a1".repeat(n))];
        a
    };
    let n = 50_000;
    let (t1, t2) = (best_of_five(&tag(n)), best_of_five(&tag(2 * n)));
    let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-9);
    eprintln!(
        "\"#a1\" x {n}: {t1:?}; x {}: {t2:?}; ratio {ratio:.2}",
        2 * n
    );
    assert!(
        ratio < 3.5,
        "not linear: {t1:?} then {t2:?} (ratio {ratio:.2})"
    );
}
