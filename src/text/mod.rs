//! The text stage: from one original field to tokens that keep their spans.
//!
//! `fold` → `segment` (words, numbers, emoji, hashtags, mentions, URLs;
//! letters split by separators joined back; digits read as letters where
//! that gives a known word; reduplication; elongation) → slang and regional
//! words expanded → affixes stripped against the root list (`morph`).
//!
//! Every [`Token`] carries the byte range of the original field it came
//! from, so evidence always slices its field exactly.

pub mod fold;
pub mod morph;
mod segment;

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub use segment::{is_number_intro, number_word};
pub(crate) use segment::{leet, number_intros, number_words};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word (letters, possibly read from digits or look-alikes).
    Word,
    /// A number written in digits (or a keycap emoji).
    Number,
    /// One emoji cluster; `text` is its base character.
    Emoji,
    /// A URL, kept whole and not matched.
    Url,
}

/// Token flags: how the token was bent to read it.
pub mod flags {
    /// Came from a hashtag.
    pub const HASHTAG: u16 = 1;
    /// Came from an @mention.
    pub const MENTION: u16 = 1 << 1;
    /// Digits were read as letters (`c0bl0s`).
    pub const LEET: u16 = 1 << 2;
    /// Letters were joined across separators (`d u k u n g`).
    pub const SPACED: u16 = 1 << 3;
    /// Repeated letters were collapsed (`dukunggg`).
    pub const ELONGATED: u16 = 1 << 4;
    /// Reduplication marker (`teman2`): the `2` is not a number.
    pub const REDUP: u16 = 1 << 5;
    /// A number written with a leading zero (`02`).
    pub const LEADING_ZERO: u16 = 1 << 6;
    /// A keycap emoji digit (`2️⃣`).
    pub const KEYCAP: u16 = 1 << 7;
    /// Look-alike letters or compatibility forms were folded.
    pub const BENT: u16 = 1 << 8;
    /// Expanded from slang or a regional word.
    pub const SLANG: u16 = 1 << 9;
    /// Affixes were stripped to reach the lexicon form.
    pub const STEMMED: u16 = 1 << 10;
    /// Split from a longer run (camel case, digits, or joined words).
    pub const SPLIT: u16 = 1 << 11;
    /// Invisible characters were removed inside the token.
    pub const INVISIBLE: u16 = 1 << 12;
}

/// A token with its original byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Normalised text: lower case, folded, de-elongated, slang expanded, but not stemmed.
    pub text: String,
    /// The lexicon form used for matching: `text` or its root.
    pub lemma: String,
    /// What it is.
    pub kind: TokenKind,
    /// Byte offset in the original field.
    pub start: usize,
    /// Byte offset one past the end in the original field.
    pub end: usize,
    /// [`flags`] bits.
    pub flags: u16,
    /// Clause index within the field (sentences, `tapi`/`namun` clauses).
    pub clause: u32,
    /// Numeric value of a `Number`.
    pub number: Option<u64>,
}

impl Token {
    /// Whether a flag is set.
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// Language data the text stage needs: the known vocabulary (lexicon and
/// registry words, which doubles as the root list) and the slang map.
#[derive(Debug, Clone, Default)]
pub struct Lang {
    words: HashSet<String>,
    protected: HashSet<String>,
    vocab: HashSet<String>,
    slang: HashMap<String, Vec<String>>,
    /// changes with every edit (keys the per-thread stem cache)
    id: u64,
}

/// Identifies a vocabulary, so that per-thread caches never mix two.
static NEXT_LANG_ID: AtomicU64 = AtomicU64::new(1);

/// What the per-thread cache remembers of a word.
#[derive(Debug)]
struct Entry {
    /// its root, if it is a derived form
    stem: Option<morph::Stem>,
    /// the root it is matched by, when that is not the word itself
    lemma: Option<String>,
}

thread_local! {
    /// Per-thread word cache: the vocabulary it belongs to, word → entry.
    static STEMS: RefCell<(u64, HashMap<String, Entry>)> =
        RefCell::new((0, HashMap::default()));
}

/// Month names, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
];

/// Words that start a new clause: what follows them is said on its own.
const CLAUSE_WORDS: &[&str] = &[
    "tapi",
    "tetapi",
    "namun",
    "walau",
    "walaupun",
    "meski",
    "meskipun",
    "sedangkan",
    "padahal",
    "biarpun",
];

impl Lang {
    /// An empty vocabulary.
    pub fn new() -> Self {
        Self::default()
    }

    /// A new identity after an edit.
    fn touch(&mut self) {
        self.id = NEXT_LANG_ID.fetch_add(1, Ordering::Relaxed);
    }

    /// Adds a word (lower case) to the known vocabulary.
    pub fn add_word(&mut self, w: &str) {
        self.touch();
        if !w.is_empty() {
            self.words.insert(w.to_string());
        }
    }

    /// Adds a word that is never stemmed (a name from the registry).
    pub fn add_protected(&mut self, w: &str) {
        self.touch();
        if !w.is_empty() {
            self.words.insert(w.to_string());
            self.protected.insert(w.to_string());
        }
    }

    /// Adds a slang or regional mapping `from` → `to` (one or more words).
    pub fn add_slang(&mut self, from: &str, to: &str) {
        self.touch();
        let words: Vec<String> = to.split_whitespace().map(str::to_string).collect();
        for w in &words {
            self.words.insert(w.clone());
        }
        self.slang.insert(from.to_string(), words);
    }

    /// Whether `w` is a name from the registry (never stemmed).
    pub(crate) fn is_name(&self, w: &str) -> bool {
        self.protected.contains(w)
    }

    /// Whether `w` is a vocabulary word exactly.
    pub fn is_word(&self, w: &str) -> bool {
        self.words.contains(w)
    }

    /// Whether `w` is a vocabulary word, a slang key, or derives from a vocabulary root.
    pub fn is_known(&self, w: &str) -> bool {
        self.words.contains(w) || self.slang.contains_key(w) || self.has_stem(w)
    }

    /// The slang expansion of `w`, if any.
    pub fn slang(&self, w: &str) -> Option<&[String]> {
        self.slang.get(w).map(Vec::as_slice)
    }

    /// The root of `w` in the vocabulary, if `w` is a derived form.
    ///
    /// Results are remembered per thread (words repeat across posts), in a
    /// cache that is emptied when it grows past a bound.
    pub fn stem(&self, w: &str) -> Option<morph::Stem> {
        self.with_entry(w, |e| e.stem.clone())
    }

    /// Whether `w` is a derived form of a vocabulary root.
    pub(crate) fn has_stem(&self, w: &str) -> bool {
        self.with_entry(w, |e| e.stem.is_some())
    }

    /// Looks `w` up in the per-thread cache (filling it on a miss) and
    /// reads the entry with `f`.
    fn with_entry<R>(&self, w: &str, f: impl FnOnce(&Entry) -> R) -> R {
        const MAX_CACHED: usize = 1 << 14;
        STEMS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.0 != self.id || cache.1.len() >= MAX_CACHED {
                cache.0 = self.id;
                cache.1.clear();
            }
            if let Some(e) = cache.1.get(w) {
                return f(e);
            }
            let stem = morph::stem(w, |r| self.words.contains(r));
            let lemma = match &stem {
                // verbal affixes keep the meaning of the root: "memilih" is
                // "pilih"; names from the registry are never stemmed, and a
                // name is reached only through clitics ("Ganjarnya"), not
                // through a derivation ("ganjaran" is a reward)
                Some(s)
                    if !self.protected.contains(w)
                        && (s.verbal() || !(self.is_word(w) || self.is_everyday(w)))
                        && (!self.protected.contains(&s.root) || clitics_only(s)) =>
                {
                    Some(s.root.clone())
                }
                _ => None,
            };
            let e = Entry { stem, lemma };
            let r = f(&e);
            if w.len() <= 64 {
                cache.1.insert(w.to_string(), e);
            }
            r
        })
    }

    /// The words that read `pattern` with each `*` standing for one letter
    /// (`pr*bowo`, `S*t*mp*l`): lexicon and registry words, then everyday
    /// vocabulary and slang words, each list sorted.
    pub(crate) fn masked(&self, pattern: &str) -> (Vec<String>, Vec<String>) {
        let pat: Vec<char> = pattern.chars().collect();
        let fits = |w: &str| {
            w.chars().count() == pat.len() && w.chars().zip(&pat).all(|(c, &p)| p == '*' || c == p)
        };
        let mut lexical: Vec<String> = self.words.iter().filter(|w| fits(w)).cloned().collect();
        let mut others: Vec<String> = self
            .vocab
            .iter()
            .chain(self.slang.keys())
            .filter(|w| fits(w) && !self.words.contains(*w))
            .cloned()
            .collect();
        lexical.sort();
        others.sort();
        others.dedup();
        (lexical, others)
    }

    /// Adds an everyday word used only to split run-together text.
    pub fn add_vocab(&mut self, w: &str) {
        if !w.is_empty() {
            self.vocab.insert(w.to_string());
        }
    }

    /// Whether `w` is in the everyday vocabulary list.
    pub(crate) fn is_everyday(&self, w: &str) -> bool {
        self.vocab.contains(w)
    }

    /// Whether `w` can stand as one piece of run-together text: a lexicon
    /// or registry word, a slang word, or an everyday vocabulary word.
    pub(crate) fn is_piece(&self, w: &str) -> bool {
        self.words.contains(w) || self.slang.contains_key(w) || self.vocab.contains(w)
    }

    /// Whether `w` is a word of any kind: lexicon, registry, slang, a
    /// derived form, or everyday vocabulary.
    pub fn is_vocab(&self, w: &str) -> bool {
        self.vocab.contains(w) || self.is_known(w)
    }

    /// Every slang or regional word with its expansion.
    pub(crate) fn slang_entries(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.slang.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Number of known words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether no word is known.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Reusable buffers for [`analyze`].
#[derive(Debug, Default)]
pub struct Scratch {
    chars: Vec<fold::FChar>,
}

/// Turns one original field into tokens.
///
/// ```
/// use netral::text::{analyze, Lang, Scratch, TokenKind};
/// let mut lang = Lang::new();
/// for w in ["dukung", "coblos", "teman"] { lang.add_word(w); }
/// lang.add_slang("yg", "yang");
/// let text = "Ayo d u k u n g yg no.02, c0bl0s! teman2";
/// let toks = analyze(text, &lang, &mut Scratch::default());
/// let words: Vec<&str> = toks.iter().map(|t| t.lemma.as_str()).collect();
/// assert_eq!(words, ["ayo", "dukung", "yang", "no", "2", "coblos", "teman"]);
/// for t in &toks { assert!(text.get(t.start..t.end).is_some()); }
/// assert_eq!(&text[toks[1].start..toks[1].end], "d u k u n g");
/// assert_eq!(toks[4].kind, TokenKind::Number);
/// ```
pub fn analyze(text: &str, lang: &Lang, scratch: &mut Scratch) -> Vec<Token> {
    fold::fold(text, &mut scratch.chars);
    let mut raw = segment::segment(&scratch.chars, lang);
    let mut out = Vec::with_capacity(raw.len());
    let mut clause_shift = 0u32;
    for mut t in raw.drain(..) {
        t.clause += clause_shift;
        if t.kind == TokenKind::Word {
            if let Some(exp) = lang.slang(&t.text) {
                if exp.len() == 1 || !exp.is_empty() {
                    let n = exp.len();
                    for (i, w) in exp.iter().enumerate() {
                        let mut nt = t.clone();
                        nt.text = w.clone();
                        nt.flags |= flags::SLANG;
                        nt.lemma = lemma_of(w, lang, &mut nt.flags);
                        if i + 1 < n {
                            out.push(nt);
                        } else {
                            t = nt;
                        }
                    }
                }
            } else {
                t.lemma = lemma_of(&t.text, lang, &mut t.flags);
            }
            if CLAUSE_WORDS.contains(&t.lemma.as_str()) {
                clause_shift += 1;
                t.clause += 1;
            }
        } else {
            t.lemma = t.text.clone();
        }
        out.push(t);
    }
    out
}

/// Whether a stem removed only clitics: no prefix, and suffixes among
/// `-nya -ku -mu -lah -kah -pun -tah`.
fn clitics_only(s: &morph::Stem) -> bool {
    s.prefix.is_empty()
        && s.suffix
            .split('-')
            .filter(|x| !x.is_empty())
            .all(|x| matches!(x, "nya" | "ku" | "mu" | "lah" | "kah" | "pun" | "tah"))
}

fn lemma_of(w: &str, lang: &Lang, fl: &mut u16) -> String {
    lang.with_entry(w, |e| match &e.lemma {
        Some(root) => {
            *fl |= flags::STEMMED;
            root.clone()
        }
        None => w.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang() -> Lang {
        let mut l = Lang::new();
        for w in [
            "dukung", "coblos", "pilih", "prabowo", "gibran", "menang", "nomor", "aja", "anies",
            "muhaimin", "amin", "dulu", "saat", "maaf", "ayo", "teman", "kawan", "ibu", "juara",
            "rido", "salam", "jari", "jakarta",
        ] {
            l.add_word(w);
        }
        l.add_slang("yg", "yang");
        l.add_slang("gk", "tidak");
        l.add_slang("kuy", "ayo");
        l.add_slang("jgn", "jangan");
        l.add_slang("utk", "untuk");
        l
    }

    fn lemmas(s: &str) -> Vec<String> {
        analyze(s, &lang(), &mut Scratch::default())
            .into_iter()
            .map(|t| t.lemma)
            .collect()
    }

    fn check_spans(s: &str) {
        for t in analyze(s, &lang(), &mut Scratch::default()) {
            assert!(s.get(t.start..t.end).is_some(), "{s:?} {t:?}");
        }
    }

    #[test]
    fn elongation() {
        assert_eq!(lemmas("dukunggg"), ["dukung"]);
        assert_eq!(lemmas("menaaang"), ["menang"]);
        assert_eq!(lemmas("saat maaf"), ["saat", "maaf"]);
        assert_eq!(lemmas("maaaaaf"), ["maaf"]);
        assert_eq!(lemmas("ayooooo"), ["ayo"]);
        assert_eq!(lemmas("dukungg"), ["dukung"]);
    }

    #[test]
    fn spaced_letters() {
        assert_eq!(lemmas("d u k u n g"), ["dukung"]);
        assert_eq!(lemmas("c.o.b.l.o.s"), ["coblos"]);
        assert_eq!(lemmas("p_r_a_b_o_w_o"), ["prabowo"]);
        assert_eq!(lemmas("p-r-a-b-o-w-o  g-i-b-r-a-n"), ["prabowo", "gibran"]);
        assert_eq!(lemmas("D U K U N G  P R A B O W O"), ["dukung", "prabowo"]);
    }

    #[test]
    fn leet_and_numbers() {
        assert_eq!(lemmas("c0bl0s pr4bowo"), ["coblos", "prabowo"]);
        assert_eq!(lemmas("R1DO"), ["rido"]);
        assert_eq!(lemmas("no 2"), ["no", "2"]);
        assert_eq!(lemmas("no. 2"), ["no", "2"]);
        assert_eq!(lemmas("nomor urut 3"), ["nomor", "urut", "3"]);
        let t = analyze("paslon 02", &lang(), &mut Scratch::default());
        assert_eq!(t[1].number, Some(2));
        assert!(t[1].has(flags::LEADING_ZERO));
    }

    #[test]
    fn words_cut_or_masked() {
        assert_eq!(lemmas("cob-los prab.owo"), ["coblos", "prabowo"]);
        assert_eq!(lemmas("c0b-l0s"), ["coblos"]);
        assert_eq!(lemmas("pr*bowo d**ung"), ["prabowo", "dukung"]);
        // a compound of two words stays two words
        assert_eq!(lemmas("teman-teman"), ["teman", "teman"]);
        assert_eq!(lemmas("prabowo-gibran"), ["prabowo", "gibran"]);
        // a hashtag goes on across an underscore
        assert_eq!(lemmas("#Cob_los02"), ["coblos", "2"]);
        // letters spelled with regional indicators
        assert_eq!(lemmas("🇨🇴🇧🇱🇴🇸 prabowo"), ["coblos", "prabowo"]);
        let t = analyze("pr*bowo", &lang(), &mut Scratch::default());
        assert_eq!((t[0].start, t[0].end), (0, 7));
        assert!(t[0].has(flags::SPACED));
    }

    #[test]
    fn reduplication() {
        let t = analyze("teman2 kawan2 ibu2", &lang(), &mut Scratch::default());
        assert_eq!(t.len(), 3);
        assert!(t
            .iter()
            .all(|t| t.has(flags::REDUP) && t.kind == TokenKind::Word));
        assert_eq!(lemmas("no2"), ["no", "2"]);
    }

    #[test]
    fn hashtags() {
        assert_eq!(lemmas("#Coblos02"), ["coblos", "2"]);
        assert_eq!(lemmas("#PilihNomor1Aja"), ["pilih", "nomor", "1", "aja"]);
        assert_eq!(lemmas("#AniesMuhaimin2024"), ["anies", "muhaimin", "2024"]);
        assert_eq!(lemmas("#AMINajaDulu"), ["amin", "aja", "dulu"]);
        assert_eq!(lemmas("#coblosprabowo"), ["coblos", "prabowo"]);
        let t = analyze("#Coblos02", &lang(), &mut Scratch::default());
        assert!(t.iter().all(|t| t.has(flags::HASHTAG)));
    }

    #[test]
    fn slang_and_urls() {
        assert_eq!(
            lemmas("kuy jgn lupa yg 02"),
            ["ayo", "jangan", "lupa", "yang", "2"]
        );
        let t = analyze(
            "cek https://x.co/a?b=1 ya",
            &lang(),
            &mut Scratch::default(),
        );
        assert_eq!(t[1].kind, TokenKind::Url);
        assert_eq!(t.len(), 3);
    }

    #[test]
    fn emoji_tokens() {
        let t = analyze("salam ✌🏽 2️⃣", &lang(), &mut Scratch::default());
        assert_eq!(t[1].kind, TokenKind::Emoji);
        assert_eq!(t[1].text, "✌");
        assert_eq!(t[2].kind, TokenKind::Number);
        assert!(t[2].has(flags::KEYCAP));
    }

    #[test]
    fn names_only_through_clitics() {
        let mut l = lang();
        l.add_protected("ganjar");
        let lem = |s: &str| -> Vec<String> {
            analyze(s, &l, &mut Scratch::default())
                .into_iter()
                .map(|t| t.lemma)
                .collect()
        };
        assert_eq!(lem("ganjarnya"), ["ganjar"]);
        // a derivation of a name is another word: "ganjaran" is a reward
        assert_eq!(lem("ganjarannya"), ["ganjarannya"]);
    }

    #[test]
    fn clauses() {
        let t = analyze(
            "ASN harus netral. Tapi aku dukung 02",
            &lang(),
            &mut Scratch::default(),
        );
        assert_eq!(t[0].clause, 0);
        assert!(t.last().unwrap().clause >= 1);
    }

    #[test]
    fn hostile_spans() {
        check_spans(
            "İ ß e\u{301} ﬁ ✌\u{FE0F}\u{200D} \u{202E}abc 0\u{200B}2 #\u{200B}x @ # .. - _",
        );
        check_spans("a\u{0}b\r\n\u{FEFF}c d . e _ f 1 2 3 4 5 6 7 8 9 0");
    }
}
