//! Arbitrary UTF-8 → `Registry::from_toml("fuzz.toml", s)`: must return Ok or
//! Err, never panic; an error's message must start with the file name. A
//! registry that loads must also build a classifier (Ok or Err) that can
//! classify posts naming its candidates.
#![no_main]

use libfuzzer_sys::fuzz_target;
use netral::{Activity, Classifier, Registry};

fn check(s: &str) {
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

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        check(s);
    }
});
