//! The quick screen: proves that a field cannot produce a single signal.
//!
//! Most posts in a dump are about food, family and work. Analysing them in
//! full (folding, segmentation, slang, affixes, matching) only to find
//! nothing is the bulk of the work, so each field first goes through a
//! screen that is cheap and *conservative*: it answers "quiet" only when no
//! lexicon or registry pattern can match and no ballot number can be read,
//! whatever the full pipeline would do to the text. A field that is not
//! quiet is analysed in full; a quiet activity gets the verdict of an
//! activity without signals, which is exactly what the full analysis would
//! give (the equivalence is tested on the corpus, generated dumps and
//! random text).
//!
//! Every pattern needs all of its words, so one word per pattern is enough
//! to watch for: its longest plain word, the *required word*. The screen
//! builds a skeleton of the field that can only be more permissive than the
//! pipeline:
//!
//! - letters in lower case, digits and `@ $ ! |` read as the letters they
//!   imitate, runs of a repeated letter squeezed to one (so `menaaang` and
//!   `dukungg` show their word);
//! - every other character dropped, so letters split by dots, dashes,
//!   underscores, emoji or invisible characters join up; runs of
//!   single-letter words (`d u k u n g`) join up too;
//! - a non-ASCII character is read the way the folding stage reads it
//!   (look-alike letters, compatibility forms, accents); a character that
//!   appears in a pattern itself (a hand-sign emoji) makes the field loud.
//!
//! The skeleton is read twice: with every separator and change of case
//! ending a word, and with only white space ending one. A required word of
//! four letters or more is found anywhere in a skeleton word, which covers
//! affixes, hashtags and joined words; one of three letters as a prefix or
//! suffix, and anywhere in a whole word of the second reading; one of one
//! or two letters as a whole word; roots that lose their first letter
//! under a nasal prefix (`pilih` → `memilih`, `coblos` → `nyoblos`) are
//! also watched without it, and slang that expands to a watched word is
//! watched in its short form. Digits whose value could be a ballot number,
//! and number words after a word that introduces a ballot number
//! (`nomor dua`), make the field loud.
//!
//! Patterns whose meanings cannot change a verdict on their own (negation,
//! civil-service, news, neutrality, prohibition, election-context and
//! first-person declaration words)
//! are not watched: with nothing else in the activity they leave it clear
//! without evidence, as the full analysis does.

use rustc_hash::FxHashSet as HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::error::Error;
use crate::lexicon::Kind;
use crate::matcher::Meaning;
use crate::model::Activity;
use crate::text::fold::{confusable, is_invisible, regional_letter};
use crate::text::{analyze, leet, number_intros, number_words, Lang};

/// Words frequent in everyday posts (the team's own list, from reading
/// ordinary status updates): when a pattern has a rarer word, the screen
/// watches that one instead.
const FREQUENT: &[&str] = &[
    "foto",
    "rapat",
    "hari",
    "hadir",
    "aman",
    "makasih",
    "terima",
    "kasih",
    "sehat",
    "semoga",
    "anak",
    "keluarga",
    "hati",
    "video",
    "ikut",
    "dulu",
    "rumah",
    "sekolah",
    "teman",
    "bareng",
    "masjid",
    "data",
    "banjir",
    "sendiri",
    "lingkungan",
    "pemerintah",
    "nasional",
    "share",
    "mantap",
    "keren",
    "ayo",
    "yuk",
    "mari",
    "kita",
    "kami",
    "saya",
    "aku",
    "ini",
    "itu",
    "yang",
    "dan",
    "di",
    "ke",
    "dari",
    "untuk",
    "utk",
    "dengan",
    "pak",
    "bu",
    "bapak",
    "ibu",
    "warga",
    "acara",
    "kegiatan",
    "kantor",
    "kerja",
    "desa",
    "kota",
    "kabupaten",
    "provinsi",
    "jalan",
    "baru",
    "lagi",
    "sudah",
    "udah",
    "akan",
    "mau",
    "bisa",
    "harus",
    "semua",
    "satu",
    "dua",
    "tiga",
    "orang",
    "program",
    "bersama",
    "sama",
    "juga",
    "pagi",
    "siang",
    "malam",
    "selamat",
    "semangat",
    "hebat",
    "bagus",
    "baik",
    "terbaik",
    "luar",
    "biasa",
    "gas",
    "pol",
    "pokoknya",
    "nomor",
    "jangan",
    "lupa",
    "datang",
    "kumpul",
    "pasang",
    "bawa",
    "posko",
    "lama",
    "cuma",
    "saatnya",
    "waktunya",
];

/// The compiled screen.
#[derive(Debug, Clone)]
pub(crate) struct Prefilter {
    /// watched words, plus three-letter pattern words anywhere (for the
    /// reading where only white space ends a word)
    ac: AhoCorasick,
    /// by pattern id: also watched in the reading where every separator
    /// ends a word
    split_ok: Vec<bool>,
    /// non-ASCII characters that occur in patterns (hand signs, symbols)
    chars: HashSet<char>,
    /// digit tokens of patterns that have no plain word
    numbers: HashSet<u64>,
    /// the highest ballot number of the registry
    max_ticket: u64,
    /// squeezed number introducers (`nomor`, `paslon`, …), found anywhere in a word
    intros: AhoCorasick,
    /// number words (`dua`, `tiga`, …), found anywhere in a word
    number_words: AhoCorasick,
}

/// Whether a pattern's meanings all leave a verdict unchanged on their
/// own: negation, civil-service, news, neutrality, prohibition,
/// election-context, declaration, leisure and common words only shape how
/// other signals are read.
fn inert(meanings: &[Meaning]) -> bool {
    meanings.iter().all(|m| match m {
        Meaning::Lex { kind, .. } => matches!(
            kind,
            Kind::Negation
                | Kind::Civil
                | Kind::News
                | Kind::Neutrality
                | Kind::Prohibition
                | Kind::Election
                | Kind::Common
                | Kind::Declare
                | Kind::Leisure
        ),
        Meaning::Election { .. } => true,
        Meaning::Cand { .. } => false,
    })
}

/// Lower case, leet read as letters, repeated letters squeezed.
fn squeeze(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut last = None;
    for c in w.chars() {
        let c = c.to_ascii_lowercase();
        let c = if c.is_ascii_lowercase() {
            c
        } else {
            leet(c).unwrap_or(c)
        };
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

impl Prefilter {
    /// Builds the screen from the matcher's patterns (their lemmas and
    /// meanings), the vocabulary's slang, and the highest ballot number.
    pub(crate) fn new(
        patterns: &[(Vec<String>, Vec<Meaning>)],
        lang: &Lang,
        max_ticket: u64,
    ) -> Result<Prefilter, Error> {
        // the required word of every pattern that can matter
        let frequent: HashSet<&str> = FREQUENT.iter().copied().collect();
        let mut required: HashSet<String> = HashSet::default();
        let mut chars = HashSet::default();
        let mut numbers = HashSet::default();
        for (lemmas, meanings) in patterns {
            if inert(meanings) {
                continue;
            }
            for l in lemmas {
                chars.extend(l.chars().filter(|c| !c.is_ascii()));
            }
            // the rarest plain word: not a frequent one, then the longest
            let plain = lemmas
                .iter()
                .filter(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphabetic()))
                .max_by_key(|l| (!frequent.contains(l.as_str()), l.len()));
            let digits: Vec<u64> = lemmas
                .iter()
                .filter(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_digit()))
                .filter_map(|l| {
                    let v = l.trim_start_matches('0');
                    if v.is_empty() {
                        Some(0)
                    } else {
                        v.parse().ok()
                    }
                })
                .collect();
            match plain {
                // a word of three letters or more, or nothing better than a short one
                Some(l) if l.len() >= 3 || digits.is_empty() => {
                    required.insert(l.clone());
                }
                _ => numbers.extend(digits),
            }
        }
        let mut watch: HashSet<String> = HashSet::default();
        // three-letter pattern words may hide inside a run-together word
        // that the segmenter splits by its vocabulary ("#ayokpuno"): the
        // joined reading watches them anywhere in a word
        let mut inside: HashSet<String> = required
            .iter()
            .map(|r| squeeze(r))
            .filter(|s| s.len() == 3)
            .collect();
        let mut add = |w: &str, nasal: bool| {
            let s = squeeze(w);
            if s.is_empty() {
                return;
            }
            if nasal
                && s.len() >= 4
                && matches!(s.as_bytes().first(), Some(b'p' | b't' | b'k' | b's' | b'c'))
            {
                // a nasal prefix swallows the first letter: memilih, menolak,
                // mengalahkan, nyoblos
                for n in ["m", "n", "ng", "ny"] {
                    watch.insert(squeeze(&format!("{n}{}", &s[1..])));
                }
            }
            match s.len() {
                1 | 2 => {
                    watch.insert(format!(" {s} "));
                }
                3 => {
                    watch.insert(format!(" {s}"));
                    watch.insert(format!("{s} "));
                }
                _ => {
                    watch.insert(s);
                }
            }
        };
        for r in &required {
            add(r, true);
        }
        // slang whose expansion reads as a required word is watched in its short form
        let mut scratch = crate::text::Scratch::default();
        for (key, expansion) in lang.slang_entries() {
            let hit = expansion.iter().any(|w| {
                required.contains(w)
                    || analyze(w, lang, &mut scratch)
                        .iter()
                        .any(|t| required.contains(&t.lemma))
            });
            if hit {
                add(key, false);
            }
        }
        let intros: Vec<String> = number_intros().iter().map(|w| squeeze(w)).collect();
        for i in &intros {
            // (the Indonesian number words; every number word, regional
            // ones too, is also caught where a word ends, below)
            for n in number_words().take(7).map(squeeze) {
                watch.insert(format!("{i}{n}"));
                watch.insert(format!("{i} {n}"));
            }
        }
        watch.retain(|w| !w.is_empty());
        inside.extend(watch.iter().cloned());
        let mut joined: Vec<String> = inside.into_iter().collect();
        joined.sort();
        // one automaton for both readings (building it is most of the
        // screen's build time): the split reading keeps only watched words
        let split_ok: Vec<bool> = joined.iter().map(|w| watch.contains(w)).collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&joined)
            .map_err(|e| Error::Build(e.to_string()))?;
        // both are asked of every word of the skeleton: small DFAs
        let small = |words: &[String]| {
            AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::DFA))
                .build(words)
                .map_err(|e| Error::Build(e.to_string()))
        };
        let number_words = small(&number_words().map(squeeze).collect::<Vec<_>>())?;
        let intros = small(&intros)?;
        Ok(Prefilter {
            ac,
            split_ok,
            chars,
            numbers,
            max_ticket,
            intros,
            number_words,
        })
    }

    /// Whether every field of the activity is quiet.
    pub(crate) fn quiet_activity(&self, a: &Activity, buf: &mut String) -> bool {
        // a comment under a question may answer it with a description of
        // a choice rather than a watched word: such activities get the
        // full analysis
        if a.action == crate::model::Action::Comment
            && a.text.is_some()
            && a.target.as_deref().is_some_and(asks)
        {
            return false;
        }
        a.text.as_deref().is_none_or(|t| self.quiet(t, buf))
            && a.target.as_deref().is_none_or(|t| self.quiet(t, buf))
            && a.media.iter().all(|t| self.quiet(t, buf))
            && a.hashtags.iter().all(|t| self.quiet(t, buf))
    }

    /// Whether a field is quiet: no pattern can match, no ballot number can
    /// be read. `buf` is scratch space.
    pub(crate) fn quiet(&self, text: &str, buf: &mut String) -> bool {
        self.scan(text, buf, false) && self.scan(text, buf, true)
    }

    /// One reading of the field. With `split`, every separator ends a word
    /// (as the segmenter sees pieces, so `d u k u n g-tidak` joins its
    /// single letters); without, only white space does (so `cob🔥los`,
    /// `du-kung` and hashtags read whole).
    fn scan(&self, text: &str, buf: &mut String, split: bool) -> bool {
        buf.clear();
        buf.push(' ');
        let mut sk = Skeleton {
            out: buf,
            last: None,
            word_start: 1,
            word_len: 0,
            run_single: false,
            prev_word: (1, 1),
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut digits_from: Option<usize> = None;
        let mut at_space = true;
        while i < bytes.len() {
            let b = bytes[i];
            // a run of digits: could it be a ballot number?
            if b.is_ascii_digit() {
                if digits_from.is_none() {
                    digits_from = Some(i);
                }
            } else if let Some(from) = digits_from.take() {
                if self.ballot_like(&text[from..i]) {
                    return false;
                }
            }
            if b.is_ascii() {
                if b.is_ascii_whitespace() {
                    if !self.end_word(&mut sk) {
                        return false;
                    }
                    at_space = true;
                    i += 1;
                    continue;
                }
                // a URL after a space is kept whole and never matched
                if at_space && starts_url(&bytes[i..]) {
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    at_space = false;
                    continue;
                }
                at_space = false;
                let c = b as char;
                if c.is_ascii_alphabetic() {
                    // pieces also end where the case changes ("#AyoKPUno"),
                    // as a hashtag splits: before a capital that follows a
                    // small letter, and after a run of two capitals or more
                    // ("AMINaja"); a single capital starting a word
                    // ("Kuliner") is no cut
                    let upper = |k: usize| bytes[k].is_ascii_uppercase();
                    let alpha = |k: usize| bytes[k].is_ascii_alphabetic();
                    let case_change = split
                        && i > 0
                        && alpha(i - 1)
                        && if b.is_ascii_uppercase() {
                            !upper(i - 1)
                        } else {
                            upper(i - 1) && i >= 2 && alpha(i - 2) && upper(i - 2)
                        };
                    if case_change && !self.end_word(&mut sk) {
                        return false;
                    }
                    sk.push(c.to_ascii_lowercase());
                } else if c.is_ascii_digit() {
                    sk.push(leet(c).unwrap_or(c));
                } else {
                    // a symbol reads as a letter only between letters ("p!lih")
                    let between = i > 0
                        && bytes[i - 1].is_ascii_alphabetic()
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
                    // a masked letter ("pr*bowo", "g**jar") may stand for any
                    // letter: the segmenter reads it against the vocabulary
                    // (anything but white space on both sides is watched)
                    if b == b'*'
                        && i > 0
                        && !bytes[i - 1].is_ascii_whitespace()
                        && bytes[i - 1] != b'*'
                        && {
                            let after = bytes[i + 1..].iter().position(|&x| x != b'*');
                            after.is_some_and(|k| k <= 1 && !bytes[i + 1 + k].is_ascii_whitespace())
                        }
                    {
                        return false;
                    }
                    match leet(c) {
                        Some(l) if between => sk.push(l),
                        _ => {
                            if split && !self.end_word(&mut sk) {
                                return false;
                            }
                        }
                    }
                }
                i += 1;
                continue;
            }
            at_space = false;
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            // a keycap makes its digit a number of its own ("022️⃣" is 02 and 2)
            if self.chars.contains(&c) || c == '\u{20E3}' {
                return false;
            }
            if c.is_whitespace() {
                if !self.end_word(&mut sk) {
                    return false;
                }
                at_space = true;
                continue;
            }
            if is_invisible(c) || is_combining_mark(c) {
                continue;
            }
            if let Some(l) = regional_letter(c).or_else(|| confusable(c)) {
                sk.push_any(l);
                continue;
            }
            let before = sk.word_len;
            for d in std::iter::once(c).nfkd() {
                if is_combining_mark(d) || is_invisible(d) {
                    continue;
                }
                for l in d.to_lowercase() {
                    let l = confusable(l).unwrap_or(l);
                    if l.is_ascii_digit() {
                        // a compatibility digit ("２", "①") could be a ballot number
                        return false;
                    }
                    sk.push_any(l);
                }
            }
            // a symbol or emoji: a separator
            if split && sk.word_len == before && !self.end_word(&mut sk) {
                return false;
            }
        }
        if let Some(from) = digits_from {
            if self.ballot_like(&text[from..]) {
                return false;
            }
        }
        if !self.end_word(&mut sk) {
            return false;
        }
        if split {
            !self.ac.find_overlapping_iter(sk.out.as_str()).any(|m| {
                self.split_ok
                    .get(m.pattern().as_usize())
                    .copied()
                    .unwrap_or(true)
            })
        } else {
            !self.ac.is_match(sk.out.as_str())
        }
    }

    fn ballot_like(&self, digits: &str) -> bool {
        let v = digits.trim_start_matches('0');
        if v.is_empty() {
            return false;
        }
        match v.parse::<u64>() {
            Ok(n) => n <= self.max_ticket.max(1) || self.numbers.contains(&n),
            Err(_) => false,
        }
    }

    /// Closes a word of the skeleton; false if it reads as `intro + number word`
    /// across the word boundary in a way the patterns cannot see.
    fn end_word(&self, sk: &mut Skeleton) -> bool {
        let len = sk.word_len;
        if len == 0 {
            return true;
        }
        let word = &sk.out[sk.word_start..];
        // a number word after a word containing an introducer ("nomornya dua")
        if self.number_words.is_match(word) {
            let (ps, pe) = sk.prev_word;
            let prev = &sk.out[ps..pe];
            if self.intros.is_match(prev) || self.intros.is_match(word) {
                return false;
            }
        }
        let single = len == 1;
        if single && sk.run_single {
            // join single letters: drop the space before this one
            let l = sk.out.pop();
            if sk.out.ends_with(' ') {
                sk.out.pop();
            }
            if let Some(l) = l {
                if !sk.out.ends_with(l) {
                    sk.out.push(l);
                }
            }
            sk.prev_word.1 = sk.out.len();
        } else {
            sk.prev_word = (sk.word_start, sk.out.len());
        }
        sk.run_single = single;
        sk.out.push(' ');
        sk.last = None;
        sk.word_start = sk.out.len();
        sk.word_len = 0;
        true
    }
}

/// Whether a target may ask a question about the vote: a question mark,
/// or a word that asks for answers (conservative: any case, anywhere).
fn asks(target: &str) -> bool {
    target.contains('?')
        || ["jawab", "komen", "polling", "vote"].iter().any(|w| {
            target
                .as_bytes()
                .windows(w.len())
                .any(|x| x.eq_ignore_ascii_case(w.as_bytes()))
        })
}

fn starts_url(b: &[u8]) -> bool {
    let starts = |p: &[u8]| b.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    starts(b"http://") || starts(b"https://") || starts(b"www.")
}

struct Skeleton<'a> {
    out: &'a mut String,
    last: Option<char>,
    word_start: usize,
    /// letters in the current word
    word_len: usize,
    /// the previous word was a single letter
    run_single: bool,
    /// byte range of the previous word in `out`
    prev_word: (usize, usize),
}

impl Skeleton<'_> {
    fn push(&mut self, c: char) {
        self.word_len += 1;
        if self.last != Some(c) {
            self.out.push(c);
            self.last = Some(c);
        }
    }

    /// Pushes a folded character: letters and leet symbols as letters,
    /// anything else dropped.
    fn push_any(&mut self, c: char) {
        if c.is_ascii_alphabetic() {
            self.push(c.to_ascii_lowercase());
        } else if let Some(l) = leet(c) {
            self.push(l);
        } else if c.is_alphanumeric() {
            // a letter no pattern uses: it still belongs to its word
            self.push('\u{1}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Classifier;

    fn screen() -> &'static Prefilter {
        use std::sync::OnceLock;
        static C: OnceLock<Classifier> = OnceLock::new();
        &C.get_or_init(Classifier::new).prefilter
    }

    fn quiet(s: &str) -> bool {
        let mut buf = String::new();
        let q = screen().scan(s, &mut buf, false) && screen().scan(s, &mut buf, true);
        if !q {
            let hits: Vec<&str> = screen()
                .ac
                .find_iter(buf.as_str())
                .map(|m| &buf[m.range()])
                .collect();
            eprintln!("{s:?}: skeleton {buf:?}, watched {hits:?}");
        }
        q
    }

    #[test]
    fn everyday_posts_are_quiet() {
        for s in [
            "Sate maranggi enak banget, 26rb seporsi 😋",
            "Selamat pagi rekan kerja, semangat Senin! ☕",
            "Jalanan macet parah pagi ini",
            "Makan siang di warung dekat kantor ❤️",
        ] {
            assert!(quiet(s), "{s}");
        }
    }

    #[test]
    fn triggers_and_disguises_are_loud() {
        for s in [
            "ayo coblos",
            "c0bl0s",
            "d u k u n g",
            "c.o.b.l.o.s",
            "p_r_a_b_o_w_o",
            "menaaang",
            "memilih",
            "nyoblos",
            "#PilihNomor1Aja",
            "nomor dua",
            "nomornya dua",
            "paslon 02",
            "hari ke 3",
            "2\u{FE0F}\u{20E3}",
            "✌️",
            "ｄｕｋｕｎｇ",
            "dukung",
            "dυkυng",
            "du\u{200B}kung",
            "cob🔥los",
            "cob-los",
            "pr*bowo",
            "g**jar",
            "🇨🇴🇧🇱🇴🇸",
            "Anıes",
        ] {
            assert!(!quiet(s), "{s}");
        }
        // emphasis is not a mask
        assert!(quiet("*penting* rapat jam sembilan"));
    }

    #[test]
    fn urls_after_a_space_are_skipped() {
        assert!(quiet("lihat https://example.org/https-tps-coblos ya"));
        assert!(!quiet("lihat xhttps://example.org/coblos"));
    }
}
