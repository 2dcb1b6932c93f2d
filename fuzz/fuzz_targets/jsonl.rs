//! Arbitrary bytes → lines → `serde_json::from_slice::<netral::Activity>`; every
//! activity that parses is classified, and its evidence must slice its fields.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use netral::{Activity, Classifier, VerdictKind};

fn classifier() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(Classifier::new)
}

fuzz_target!(|data: &[u8]| {
    for line in data.split(|&b| b == b'\n') {
        let Ok(a) = serde_json::from_slice::<Activity>(line) else {
            continue;
        };
        let v = classifier().classify(&a);
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
});
