//! Arbitrary UTF-8 → `netral::text::analyze`: every token span must be a
//! char-boundary slice of the input, `start <= end`.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use netral::text::{analyze, Lang, Scratch};

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

fn check(s: &str, lang: &Lang) {
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

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        check(s, lang());
        check(s, &Lang::new());
    }
});
