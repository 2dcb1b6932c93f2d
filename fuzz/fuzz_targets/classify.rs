//! Arbitrary bytes → lossy UTF-8 → the fields of an activity, classified with
//! every action. Fields are separated by U+001E (record separator): text,
//! target, then media and hashtags alternately. Panics when the classifier
//! panics or an evidence span does not slice its field exactly.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use netral::{Account, Action, Activity, Actor, Classifier, Role, VerdictKind};

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

fn check(a: &Activity) {
    let v = classifier().classify(a);
    let kind = v
        .verdict
        .unwrap_or_else(|| panic!("no verdict for {a:?}: {v:?}"));
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

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let mut a = activity_from(&s);
    for act in ACTIONS {
        a.action = act;
        check(&a);
    }
    a.action = Action::Share;
    a.actor = Actor {
        id: None,
        role: Role::NonAsn,
        account: Account::Official,
    };
    check(&a);
});
