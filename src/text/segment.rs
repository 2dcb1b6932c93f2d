//! Segmentation of folded characters into tokens.

use super::fold::{FChar, F_AFTER_INVISIBLE, F_BENT, F_EMOJI, F_KEYCAP, F_UPPER};
use super::{flags, Lang, Token, TokenKind};
use rustc_hash::FxHashMap as HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PieceKind {
    Alnum,
    Emoji,
    Keycap,
    Url,
}

#[derive(Debug, Clone)]
struct Piece {
    kind: PieceKind,
    /// index range into the folded characters (end exclusive)
    from: usize,
    to: usize,
    hashtag: bool,
    mention: bool,
    spaced: bool,
    /// separator characters between the previous piece and this one
    gap: usize,
    /// the gap contains a sentence break
    brk: bool,
    /// the gap contains a newline or an unusual separator
    hard: bool,
}

/// Words after which a number is a ballot number rather than a quantity.
const NUMBER_INTRO: &[&str] = &[
    "no", "nmr", "nomor", "nomer", "nomr", "urut", "paslon", "calon", "coblos", "nyoblos", "cblos",
    "kandidat", "capres", "cagub", "cabup", "cawalkot", "cawako", "pasangan", "salam", "jari",
    "nomber", "num",
];

/// Whether `w` introduces a ballot number (`no 2`, `paslon 02`, `coblos 3`).
///
/// ```
/// assert!(netral::text::is_number_intro("paslon"));
/// assert!(!netral::text::is_number_intro("juara"));
/// ```
pub fn is_number_intro(w: &str) -> bool {
    // every introducer is 2–8 bytes: most words are ruled out by length
    (2..=8).contains(&w.len()) && NUMBER_INTRO.contains(&w)
}

/// The words that introduce a ballot number.
pub(crate) fn number_intros() -> &'static [&'static str] {
    NUMBER_INTRO
}

/// Number words that name a ballot number after an introducer (`nomor
/// dua`, `nomer loro`, `nomor hiji`), with their value: Indonesian, then the
/// regional languages whose campaign talk the team has read (Javanese,
/// Sundanese, Minang, Batak, Balinese, Bugis and Makassarese, Banjar), from
/// the team's own knowledge of their counting words. Only the first seven:
/// no registry has more tickets.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("satu", 1),
    ("dua", 2),
    ("tiga", 3),
    ("empat", 4),
    ("lima", 5),
    ("enam", 6),
    ("tujuh", 7),
    // Javanese
    ("siji", 1),
    ("loro", 2),
    ("telu", 3),
    ("papat", 4),
    ("limo", 5),
    ("enem", 6),
    ("pitu", 7),
    // Sundanese
    ("hiji", 1),
    ("tilu", 3),
    ("opat", 4),
    ("genep", 6),
    // Minang
    ("ciek", 1),
    ("duo", 2),
    ("tigo", 3),
    ("ampek", 4),
    ("anam", 6),
    ("tujuah", 7),
    // Batak
    ("sada", 1),
    ("tolu", 3),
    ("onom", 6),
    // Balinese
    ("besik", 1),
    // Bugis and Makassarese
    ("seddi", 1),
    ("tellu", 3),
    ("eppa", 4),
    ("tallu", 3),
    ("appa", 4),
    // Banjar
    ("talu", 3),
    ("ampat", 4),
];

/// The value of a number word (`dua` → 2, `loro` → 2), whatever the
/// language; a ballot number only after an introducer.
///
/// ```
/// assert_eq!(netral::text::number_word("loro"), Some(2));
/// assert_eq!(netral::text::number_word("dua"), Some(2));
/// assert_eq!(netral::text::number_word("kedua"), None);
/// ```
pub fn number_word(w: &str) -> Option<u32> {
    // asked of every token: a hash lookup instead of a scan of the list
    static MAP: std::sync::OnceLock<HashMap<&'static str, u32>> = std::sync::OnceLock::new();
    if !(3..=6).contains(&w.len()) {
        return None;
    }
    MAP.get_or_init(|| NUMBER_WORDS.iter().copied().collect())
        .get(w)
        .copied()
}

/// All number words, for the quick screen.
pub(crate) fn number_words() -> impl Iterator<Item = &'static str> {
    NUMBER_WORDS.iter().map(|(w, _)| *w)
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREV: &[&str] = &[
    "no", "nmr", "nomor", "pak", "bu", "bpk", "dr", "h", "hj", "st", "jl", "kel", "kec", "kab",
    "prov", "drs", "ir", "prof", "sdr", "tgl", "dll", "dsb", "mr", "mrs", "s", "m", "a", "b",
];

fn is_sep_in_word(c: char) -> bool {
    matches!(
        c,
        ' ' | '.' | '-' | '_' | '*' | '/' | '|' | '+' | '~' | ',' | '\'' | ':' | '•' | '·'
    )
}

fn is_break(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ';' | ':' | '\n' | '\r' | '…' | '。' | '\u{2029}' | '\u{2028}'
    )
}

/// A digit or symbol read as the letter it imitates (`c0bl0s`, `p!lih`).
pub(crate) fn leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '6' => 'g',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        '2' => 'z',
        '@' => 'a',
        '$' => 's',
        '!' => 'i',
        '|' => 'l',
        '€' => 'e',
        _ => return None,
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn starts_with_at(chars: &[FChar], i: usize, pat: &str) -> bool {
    let mut k = i;
    for p in pat.chars() {
        match chars.get(k) {
            Some(f) if f.c == p => k += 1,
            _ => return false,
        }
    }
    true
}

/// Splits folded characters into pieces.
fn pieces(chars: &[FChar]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut i = 0;
    let n = chars.len();
    let mut gap = 0usize;
    let mut brk = false;
    let mut hard = false;
    let mut hashtag = false;
    let mut mention = false;
    while i < n {
        let f = chars[i];
        let mut new_piece =
            |kind, from, to, hashtag, mention, gap: &mut usize, brk: &mut bool, hard: &mut bool| {
                out.push(Piece {
                    kind,
                    from,
                    to,
                    hashtag,
                    mention,
                    spaced: false,
                    gap: *gap,
                    brk: *brk,
                    hard: *hard,
                });
                *gap = 0;
                *brk = false;
                *hard = false;
            };
        if f.flags & F_EMOJI != 0 {
            new_piece(
                PieceKind::Emoji,
                i,
                i + 1,
                false,
                false,
                &mut gap,
                &mut brk,
                &mut hard,
            );
            hashtag = false;
            mention = false;
            i += 1;
            continue;
        }
        if f.flags & F_KEYCAP != 0 {
            new_piece(
                PieceKind::Keycap,
                i,
                i + 1,
                false,
                false,
                &mut gap,
                &mut brk,
                &mut hard,
            );
            i += 1;
            continue;
        }
        if is_word_char(f.c) {
            // URL?
            if starts_with_at(chars, i, "http://")
                || starts_with_at(chars, i, "https://")
                || starts_with_at(chars, i, "www.")
            {
                let from = i;
                while i < n && !chars[i].c.is_whitespace() {
                    i += 1;
                }
                new_piece(
                    PieceKind::Url,
                    from,
                    i,
                    false,
                    false,
                    &mut gap,
                    &mut brk,
                    &mut hard,
                );
                hashtag = false;
                mention = false;
                continue;
            }
            let from = i;
            while i < n {
                let c = chars[i];
                if c.flags & (F_EMOJI | F_KEYCAP) != 0 {
                    break;
                }
                if is_word_char(c.c) {
                    i += 1;
                    continue;
                }
                // a symbol used as a letter inside a word: "p!lih", "dukung$"
                if leet(c.c).is_some()
                    && i > from
                    && i + 1 < n
                    && chars[i + 1].c.is_alphabetic()
                    && chars[i - 1].c.is_alphabetic()
                    && chars[i + 1].flags & (F_EMOJI | F_KEYCAP) == 0
                {
                    i += 1;
                    continue;
                }
                break;
            }
            new_piece(
                PieceKind::Alnum,
                from,
                i,
                hashtag,
                mention,
                &mut gap,
                &mut brk,
                &mut hard,
            );
            hashtag = false;
            mention = false;
            continue;
        }
        // separators
        let next_is_word = chars
            .get(i + 1)
            .is_some_and(|g| is_word_char(g.c) && g.flags & F_EMOJI == 0);
        if f.c == '#' && next_is_word {
            hashtag = true;
            i += 1;
            continue;
        }
        if f.c == '@' && next_is_word {
            mention = true;
            i += 1;
            continue;
        }
        gap += 1;
        if f.c == '.' {
            // a full stop ends a sentence when followed by space or end, and not after an abbreviation
            let followed_by_space = chars.get(i + 1).is_none_or(|g| g.c.is_whitespace());
            let after_abbrev = out.last().is_some_and(|p| {
                p.kind == PieceKind::Alnum && {
                    let w: String = chars[p.from..p.to].iter().map(|c| c.c).collect();
                    ABBREV.contains(&w.as_str())
                }
            });
            if followed_by_space && !after_abbrev {
                brk = true;
            }
        } else if is_break(f.c) {
            brk = true;
        }
        if f.c == '\n' || f.c == '\r' || !is_sep_in_word(f.c) {
            hard = true;
        }
        i += 1;
    }
    out
}

/// Joins runs of single letters split by separators ("d u k u n g").
fn join_spaced(chars: &[FChar], ps: Vec<Piece>) -> Vec<Piece> {
    let single =
        |p: &Piece| p.kind == PieceKind::Alnum && p.to - p.from == 1 && !p.hashtag && !p.mention;
    let mut out = Vec::with_capacity(ps.len());
    let mut i = 0;
    while i < ps.len() {
        if single(&ps[i]) {
            // find the run; gaps must be small and soft
            let mut j = i + 1;
            let mut min_gap = usize::MAX;
            while j < ps.len() && single(&ps[j]) && ps[j].gap >= 1 && ps[j].gap <= 3 && !ps[j].hard
            {
                min_gap = min_gap.min(ps[j].gap);
                j += 1;
            }
            // a gap with white space, in a run joined by other separators,
            // ends a word: "K-h-o-f-i-f-a-h s-e-l-a-m-a"
            let ws = |e: usize| {
                chars
                    .get(ps[e - 1].to..ps[e].from)
                    .is_some_and(|g| g.iter().any(|f| f.c.is_whitespace()))
            };
            // the rarer kind of gap separates words: "K-h-o-f-i-f-a-h
            // s-e-l-a-m-a", "P r a b o w o-G i b r a n"
            let n_gaps = (j - i).saturating_sub(1);
            let n_ws = (i + 1..j).filter(|&e| ws(e)).count();
            let split_ws = n_ws > 0 && 2 * n_ws < n_gaps;
            let split_other = n_ws < n_gaps && 2 * n_ws > n_gaps;
            // an asterisk among other gaps masks a letter, it does not
            // space letters out: "D*rw*n S*t*mp*l" is two masked words,
            // not the spelled-out "n S t" ("c*o*b*l*o*s", all asterisks,
            // still joins)
            let star = |e: usize| {
                chars
                    .get(ps[e - 1].to..ps[e].from)
                    .is_some_and(|g| !g.is_empty() && g.iter().all(|f| f.c == '*'))
            };
            let n_star = (i + 1..j).filter(|&e| star(e)).count();
            let split_star = n_star > 0 && n_star < n_gaps;
            // split the run where the gap is wider than the narrowest one
            let mut k = i;
            while k < j {
                let mut e = k + 1;
                while e < j
                    && ps[e].gap == min_gap
                    && !(split_ws && ws(e))
                    && (!split_other || ws(e))
                    && !(split_star && star(e))
                {
                    e += 1;
                }
                let letters = ps[k..e]
                    .iter()
                    .filter(|p| chars[p.from].c.is_alphabetic())
                    .count();
                if e - k >= 3 && letters >= 2 {
                    let mut p = ps[k].clone();
                    p.to = ps[e - 1].to;
                    p.spaced = true;
                    out.push(p);
                } else {
                    out.extend(ps[k..e].iter().cloned());
                }
                k = e;
            }
            i = j;
        } else {
            out.push(ps[i].clone());
            i += 1;
        }
    }
    out
}

struct Builder<'a> {
    chars: &'a [FChar],
    lang: &'a Lang,
    out: Vec<Token>,
    clause: u32,
}

impl Builder<'_> {
    fn span(&self, idx: &[usize]) -> (usize, usize) {
        let s = idx.first().map_or(0, |&i| self.chars[i].start);
        let e = idx.last().map_or(0, |&i| self.chars[i].end);
        (s, e)
    }

    fn base_flags(&self, idx: &[usize]) -> u16 {
        let mut f = 0;
        for &i in idx {
            if self.chars[i].flags & F_BENT != 0 {
                f |= flags::BENT;
            }
        }
        for &i in idx.iter().skip(1) {
            if self.chars[i].flags & F_AFTER_INVISIBLE != 0 {
                f |= flags::INVISIBLE;
            }
        }
        f
    }

    fn push(&mut self, text: String, kind: TokenKind, idx: &[usize], fl: u16, number: Option<u64>) {
        let (start, end) = self.span(idx);
        let fl = fl | self.base_flags(idx);
        self.out.push(Token {
            lemma: String::new(),
            text,
            kind,
            start,
            end,
            flags: fl,
            clause: self.clause,
            number,
        });
    }

    fn push_number(&mut self, idx: &[usize], fl: u16) {
        let digits: String = idx.iter().map(|&i| self.chars[i].c).collect();
        let value = if digits.len() <= 12 {
            digits.parse::<u64>().ok()
        } else {
            None
        };
        let mut fl = fl;
        if digits.len() >= 2 && digits.starts_with('0') && value.is_some_and(|v| v > 0 && v < 100) {
            fl |= flags::LEADING_ZERO;
        }
        let text = value.map_or(digits, |v| v.to_string());
        self.push(text, TokenKind::Number, idx, fl, value);
    }

    /// The characters at `idx`, digits read as the letters they imitate
    /// (`c0bl0s` → `coblos`).
    fn digits_as_letters(&self, idx: impl IntoIterator<Item = usize>) -> String {
        idx.into_iter()
            .map(|i| {
                let c = self.chars[i].c;
                if c.is_ascii_digit() {
                    leet(c).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect()
    }

    /// De-elongates letters: picks the first known reading.
    fn deelongate(&self, w: String) -> (String, bool) {
        // most words repeat no letter: nothing to read
        let mut prev = None;
        if !w.chars().any(|c| prev.replace(c) == Some(c)) {
            return (w, false);
        }
        let chars: Vec<char> = w.chars().collect();
        let mut runs: Vec<(char, usize)> = Vec::new();
        for &c in &chars {
            match runs.last_mut() {
                Some((p, n)) if *p == c => *n += 1,
                _ => runs.push((c, 1)),
            }
        }
        let max_run = runs.iter().map(|r| r.1).max().unwrap_or(0);
        if max_run < 2 {
            return (w, false);
        }
        let make = |limit_from: usize, to: usize| -> String {
            runs.iter()
                .flat_map(|&(c, n)| {
                    std::iter::repeat_n(c, if n >= limit_from { to.min(n) } else { n })
                })
                .collect()
        };
        if max_run == 2 {
            if self.lang.is_known(&w) {
                return (w, false);
            }
            let c = make(2, 1);
            if self.lang.is_known(&c) {
                return (c, true);
            }
            return (w, false);
        }
        for cand in [make(3, 1), make(3, 2), make(2, 1)] {
            if self.lang.is_known(&cand) {
                return (cand, true);
            }
        }
        (make(3, 1), true)
    }

    /// Splits an unknown run of letters into known words (min pieces), if possible.
    fn split_known(&self, w: &str, min_len: usize) -> Option<Vec<(usize, usize)>> {
        let b = w.as_bytes();
        let n = b.len();
        if n > 60 || !w.is_ascii() {
            return None;
        }
        // best[i] = (pieces, prev) for prefix of length i
        let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
        best[0] = Some((0, 0));
        for end in 1..=n {
            for start in 0..end {
                if end - start < min_len {
                    continue;
                }
                if let Some((k, _)) = best[start] {
                    let piece = &w[start..end];
                    let ok = self.lang.is_piece(piece);
                    if ok && best[end].is_none_or(|(bk, _)| k + 1 < bk) {
                        best[end] = Some((k + 1, start));
                    }
                }
            }
        }
        let (k, _) = best[n]?;
        if !(2..=5).contains(&k) {
            return None;
        }
        let mut cuts = Vec::new();
        let mut end = n;
        while end > 0 {
            let (_, start) = best[end]?;
            cuts.push((start, end));
            end = start;
        }
        cuts.reverse();
        Some(cuts)
    }

    /// Splits a run of spelled-out letters into known words and unknown
    /// stretches: each known word costs 1, each unknown letter 1, the
    /// cheapest reading wins. Runs longer than 400 letters stay whole.
    fn split_gaps(&self, w: &str) -> Option<Vec<(usize, usize)>> {
        const MAX_WORD: usize = 24;
        let n = w.len();
        if !(8..=400).contains(&n) || !w.is_ascii() {
            return None;
        }
        // best[i] = (cost, previous cut, the piece before i is known)
        let mut best: Vec<(usize, usize, bool)> = vec![(usize::MAX, 0, false); n + 1];
        best[0] = (0, 0, false);
        for i in 0..n {
            let (c, _, _) = best[i];
            if c == usize::MAX {
                continue;
            }
            if c + 1 < best[i + 1].0 {
                best[i + 1] = (c + 1, i, false);
            }
            for j in (i + 2)..=(i + MAX_WORD).min(n) {
                let piece = &w[i..j];
                let known =
                    self.lang.is_piece(piece) || (piece.len() >= 5 && self.lang.has_stem(piece));
                if known && c + 1 < best[j].0 {
                    best[j] = (c + 1, i, true);
                }
            }
        }
        // walk back, merging unknown letters into stretches
        let mut cuts: Vec<(usize, usize)> = Vec::new();
        let mut end = n;
        let mut unknown_end: Option<usize> = None;
        while end > 0 {
            let (_, start, known) = best[end];
            if known {
                if let Some(u) = unknown_end.take() {
                    cuts.push((end, u));
                }
                cuts.push((start, end));
            } else if unknown_end.is_none() {
                unknown_end = Some(end);
            }
            end = start;
        }
        if let Some(u) = unknown_end {
            cuts.push((0, u));
        }
        cuts.reverse();
        (cuts.len() >= 2).then_some(cuts)
    }

    /// Emits a letters-only run.
    fn letters(&mut self, idx: &[usize], fl: u16, allow_split: bool) {
        let w: String = idx.iter().map(|&i| self.chars[i].c).collect();
        let (word, elong) = self.deelongate(w);
        let mut fl = fl;
        if elong {
            fl |= flags::ELONGATED;
        }
        let min_piece = if allow_split { 2 } else { 3 };
        let min_word = if allow_split { 5 } else { 9 };
        if word.len() >= min_word && word.len() == idx.len() && !self.lang.is_vocab(&word) {
            let cuts = self.split_known(&word, min_piece).or_else(|| {
                // letters spelled out one by one run words together:
                // "m e m e w a j a h M u h a i m i n" — find the words in it
                (fl & flags::SPACED != 0)
                    .then(|| self.split_gaps(&word))
                    .flatten()
            });
            if let Some(cuts) = cuts {
                for (s, e) in cuts {
                    let sub = &idx[s..e];
                    self.push(
                        word[s..e].to_string(),
                        TokenKind::Word,
                        sub,
                        fl | flags::SPLIT,
                        None,
                    );
                }
                return;
            }
        }
        self.push(word, TokenKind::Word, idx, fl, None);
    }

    /// Emits an alphanumeric run (no case splitting).
    fn alnum(&mut self, idx: &[usize], fl: u16, allow_split: bool) {
        if idx.is_empty() {
            return;
        }
        let has_digit = idx.iter().any(|&i| self.chars[i].c.is_ascii_digit());
        let has_alpha = idx.iter().any(|&i| !self.chars[i].c.is_ascii_digit());
        if !has_digit {
            // may contain symbols read as letters ("p!lih")
            let sym = idx.iter().any(|&i| !self.chars[i].c.is_alphanumeric());
            if sym {
                let w: String = idx
                    .iter()
                    .map(|&i| {
                        leet(self.chars[i].c)
                            .filter(|_| !self.chars[i].c.is_alphanumeric())
                            .unwrap_or(self.chars[i].c)
                    })
                    .collect();
                let (word, _) = self.deelongate(w);
                self.push(word, TokenKind::Word, idx, fl | flags::LEET, None);
                return;
            }
            self.letters(idx, fl, allow_split);
            return;
        }
        if !has_alpha {
            self.push_number(idx, fl);
            return;
        }
        // mixed letters and digits
        let raw: String = idx.iter().map(|&i| self.chars[i].c).collect();
        let decoded: String = raw
            .chars()
            .map(|c| {
                if c.is_alphanumeric() && !c.is_ascii_digit() {
                    c
                } else {
                    leet(c).unwrap_or(c)
                }
            })
            .collect();
        let (dec, _) = self.deelongate(decoded);
        if self.lang.is_known(&dec) && (self.lang.slang(&dec).is_none() || dec.len() >= 4) {
            self.push(dec, TokenKind::Word, idx, fl | flags::LEET, None);
            return;
        }
        // a word in leetspeak followed by a number: "#c0bl0s02", "pr4bowo2"
        let digit_at = |k: usize| self.chars[idx[k]].c.is_ascii_digit();
        let tail = (0..idx.len()).rev().take_while(|&k| digit_at(k)).count();
        if tail > 0 && tail < idx.len() {
            let body = &idx[..idx.len() - tail];
            if body.iter().any(|&i| self.chars[i].c.is_ascii_digit()) {
                let w = self.digits_as_letters(body.iter().copied());
                let (word, _) = self.deelongate(w);
                if word.len() >= 4 && self.lang.is_known(&word) {
                    self.push(
                        word,
                        TokenKind::Word,
                        body,
                        fl | flags::LEET | flags::SPLIT,
                        None,
                    );
                    self.push_number(&idx[idx.len() - tail..], fl | flags::SPLIT);
                    return;
                }
            }
        }
        // digits between letters are letters of an unknown word ("G4ruda",
        // "bi5a", "#R3l4wanB4njir"), never a ballot number; in a hashtag a
        // digit run at a word boundary still is ("#PilihNomor1Aja",
        // "#COBLOS02SEKARANG")
        let upper_at = |k: usize| self.chars[idx[k]].flags & F_UPPER != 0;
        let mut inner = false;
        let mut ballot_like = false;
        let mut k = 0;
        while k < idx.len() {
            if !digit_at(k) {
                k += 1;
                continue;
            }
            let from = k;
            while k < idx.len() && digit_at(k) {
                k += 1;
            }
            if from == 0 || k == idx.len() {
                continue;
            }
            inner = true;
            if fl & flags::HASHTAG != 0 {
                // the introducer ends right before the digits: its last
                // seven characters are enough (and keep long tags linear)
                let before: String = idx[from.saturating_sub(7)..from]
                    .iter()
                    .map(|&i| self.chars[i].c)
                    .collect();
                let intro = (1..=before.len().min(7))
                    .any(|n| before.get(before.len() - n..).is_some_and(is_number_intro));
                let zero = self.chars[idx[from]].c == '0' && k - from >= 2;
                let (prev_up, next_up) = (upper_at(from - 1), upper_at(k));
                if intro || (next_up && (!prev_up || zero)) {
                    ballot_like = true;
                }
            }
        }
        if inner && !ballot_like {
            self.push(dec, TokenKind::Word, idx, fl | flags::LEET, None);
            return;
        }
        // reduplication: letters + "2"
        let last = self.chars[idx[idx.len() - 1]].c;
        let body = &idx[..idx.len() - 1];
        if last == '2' && body.len() >= 2 && body.iter().all(|&i| !self.chars[i].c.is_ascii_digit())
        {
            let w: String = body.iter().map(|&i| self.chars[i].c).collect();
            let (word, _) = self.deelongate(w);
            if !is_number_intro(&word) {
                self.push(word, TokenKind::Word, idx, fl | flags::REDUP, None);
                return;
            }
        }
        // split at letter/digit boundaries
        let mut k = 0;
        while k < idx.len() {
            let digit = self.chars[idx[k]].c.is_ascii_digit();
            let mut e = k + 1;
            while e < idx.len() && self.chars[idx[e]].c.is_ascii_digit() == digit {
                e += 1;
            }
            if digit {
                self.push_number(&idx[k..e], fl | flags::SPLIT);
            } else {
                self.letters(&idx[k..e], fl | flags::SPLIT, allow_split);
            }
            k = e;
        }
    }

    /// A word cut into pieces by separators inside it ("cob-los",
    /// "Prab.owo", "pil~kada") or with letters masked by asterisks
    /// ("pr*bowo", "g**jar"): the number of pieces it spans (two or three)
    /// and the word, when the pieces join into a known word: lexicon,
    /// registry, slang or everyday vocabulary ("anti-korupsi" and
    /// "jalan-jalan" do not, and stay apart). Masked letters must have one
    /// reading only, in a word of five letters or more.
    fn rejoin(&self, ps: &[Piece]) -> Option<(usize, String)> {
        /// Separators a word is cut by; `*` masks a letter.
        const CUTS: &[char] = &['-', '.', '_', '~', '\'', '·', '•', '*'];
        const MAX_LEN: usize = 32;
        // letters, and digits read as letters ("G4-nj4r")
        let plain = |p: &Piece| {
            let cs = &self.chars[p.from..p.to];
            p.kind == PieceKind::Alnum
                && !p.hashtag
                && !p.mention
                && !p.spaced
                && cs.len() <= MAX_LEN
                && cs.iter().any(|f| f.c.is_alphabetic())
                && cs
                    .iter()
                    .all(|f| f.c.is_alphabetic() || leet(f.c).is_some() && f.c.is_ascii_digit())
        };
        let read = |p: &Piece| self.digits_as_letters(p.from..p.to);
        let first = ps.first()?;
        // cheap tests first: most pieces are followed by white space
        let cut = |prev: &Piece, p: &Piece| {
            self.chars.get(prev.to..p.from).is_some_and(|g| match g {
                [f] => CUTS.contains(&f.c),
                [a, b] => a.c == '*' && b.c == '*',
                _ => false,
            })
        };
        if !ps.get(1).is_some_and(|second| cut(first, second)) || !plain(first) {
            return None;
        }
        let mut word = read(first);
        // a hyphen also joins two words into a compound ("Anies-Muhaimin",
        // "ibu-ibu"): across one, at least one piece must not be a word
        let mut all_known = self.lang.is_vocab(&word);
        let mut hyphen = false;
        for n in 2..=3 {
            let (prev, p) = (ps.get(n - 2)?, ps.get(n - 1)?);
            if !cut(prev, p) || !plain(p) || p.hard {
                return None;
            }
            let gap = self.chars.get(prev.to..p.from)?;
            let piece = read(p);
            let masks = gap.iter().filter(|f| f.c == '*').count();
            if masks > 0 {
                // one or two masked letters, nothing else between the pieces
                if masks != gap.len() || masks > 2 {
                    return None;
                }
                // more masked gaps right after ("G*nj*r", "S*t*mp*l"): up
                // to four masked letters in all, over at most six pieces
                let mut tail: Vec<(usize, String)> = vec![(masks, piece)];
                let mut span = n;
                if n == 2 {
                    let mut prev = p;
                    while let Some(next) = ps
                        .get(span)
                        .filter(|q| span < 6 && cut(prev, q) && plain(q) && !q.hard)
                    {
                        let gap2 = self.chars.get(prev.to..next.from).unwrap_or(&[]);
                        let m2 = gap2.iter().filter(|f| f.c == '*').count();
                        let total: usize = tail.iter().map(|(m, _)| m).sum::<usize>() + m2;
                        if m2 == 0 || m2 != gap2.len() || total > 4 {
                            break;
                        }
                        tail.push((m2, read(next)));
                        span += 1;
                        prev = next;
                    }
                }
                let masks: usize = tail.iter().map(|(m, _)| m).sum();
                let letters: usize = tail.iter().map(|(_, p)| p.len()).sum();
                // the reading must be unambiguous and long enough to be
                // deliberate: "b*la" could be many words, and stays apart
                if word.len() + letters + masks < 5 + masks.saturating_sub(2) {
                    return None;
                }
                // the readings: lexicon and registry words first, then any
                // known word; one lexicon reading wins over everyday ones,
                // but a name never does ("l*man" may be "laman")
                let mut pattern = word.clone();
                for (m, piece) in &tail {
                    pattern.extend(std::iter::repeat_n('*', *m));
                    pattern.push_str(piece);
                }
                let (mut lexical, mut others) = if masks <= 2 {
                    // few readings to try: look each one up
                    let (mut lexical, mut others) = (Vec::new(), Vec::new());
                    let mut guess = String::with_capacity(pattern.len());
                    for k in 0..26u32.pow(masks as u32) {
                        guess.clear();
                        let mut k = k;
                        for c in pattern.chars() {
                            if c == '*' {
                                guess.push(char::from(b'a' + (k % 26) as u8));
                                k /= 26;
                            } else {
                                guess.push(c);
                            }
                        }
                        if self.lang.is_word(&guess) {
                            lexical.push(guess.clone());
                            if lexical.len() > 1 {
                                return None;
                            }
                        } else if self.lang.is_piece(&guess) {
                            others.push(guess.clone());
                        }
                    }
                    (lexical, others)
                } else {
                    // three or four: compare with the words of that length
                    self.lang.masked(&pattern)
                };
                if lexical.len() > 1 {
                    return None;
                }
                let found = match (lexical.pop(), others.len()) {
                    (Some(w), 0) => Some(w),
                    (Some(w), _) if !self.lang.is_name(&w) => Some(w),
                    (None, 1) => others.pop(),
                    _ => None,
                };
                return found.map(|w| (span, w));
            }
            if gap.len() != 1 || !CUTS.contains(&gap[0].c) {
                return None;
            }
            hyphen |= matches!(gap[0].c, '-' | '~' | '\'');
            all_known &= self.lang.is_vocab(&piece);
            word.push_str(&piece);
            if word.len() >= 4
                && !(hyphen && all_known)
                && (self.lang.is_piece(&word) || self.lang.has_stem(&word))
            {
                return Some((n, word));
            }
        }
        None
    }

    /// Splits a hashtag or mention at case boundaries, then handles each part.
    fn tag(&mut self, idx: &[usize], fl: u16) {
        // candidate cut points: lower→upper, and upper-run→lower (two readings)
        let upper = |i: usize| self.chars[idx[i]].flags & F_UPPER != 0;
        let alpha = |i: usize| self.chars[idx[i]].c.is_alphabetic();
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let mut s = 0;
        let mut i = 1;
        while i < idx.len() {
            if alpha(i) && alpha(i - 1) && upper(i) && !upper(i - 1) {
                parts.push((s, i));
                s = i;
            } else if alpha(i)
                && alpha(i - 1)
                && !upper(i)
                && upper(i - 1)
                && i >= 2
                && upper(i - 2)
            {
                // "AMINaja" → AMIN|aja or "HTMLParser" → HTML|Parser: choose by vocabulary
                let w1: String = idx[s..i].iter().map(|&k| self.chars[k].c).collect();
                let w2: String = idx[s..i - 1].iter().map(|&k| self.chars[k].c).collect();
                if self.lang.is_known(&w1) || !self.lang.is_known(&w2) {
                    parts.push((s, i));
                    s = i;
                } else {
                    parts.push((s, i - 1));
                    s = i - 1;
                }
            }
            i += 1;
        }
        parts.push((s, idx.len()));
        // random case ("#tOlaKGibRan"): when a part is not a word, read the
        // whole tag instead (known, or split into known words)
        let known = |a: usize, b: usize| {
            let w: String = idx[a..b].iter().map(|&k| self.chars[k].c).collect();
            w.chars().any(|c| c.is_ascii_digit()) || self.lang.is_known(&w)
        };
        // (real camel case has parts of three letters or more: a name the
        // vocabulary does not know, "#HendraRahma", stays split)
        let broken = parts.iter().any(|&(a, b)| b.saturating_sub(a) < 3);
        if parts.len() > 1 && broken && parts.iter().any(|&(a, b)| a < b && !known(a, b)) {
            self.alnum(idx, fl, true);
            return;
        }
        let split = parts.len() > 1;
        for (a, b) in parts {
            if a < b {
                self.alnum(&idx[a..b], fl | if split { flags::SPLIT } else { 0 }, true);
            }
        }
    }
}

/// Segments folded characters into tokens (lemma left empty).
pub(super) fn segment(chars: &[FChar], lang: &Lang) -> Vec<Token> {
    let ps = join_spaced(chars, pieces(chars));
    let mut b = Builder {
        chars,
        lang,
        out: Vec::with_capacity(ps.len()),
        clause: 0,
    };
    let mut idx: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < ps.len() {
        let p = &ps[i];
        i += 1;
        if p.brk && !b.out.is_empty() {
            b.clause += 1;
        }
        // a hashtag goes on across separators that cannot end it on a
        // platform either ("#Cob_los02", "#Ganjar_Mahfud")
        if p.kind == PieceKind::Alnum && p.hashtag {
            let mut n = 1;
            while let (Some(a), Some(q)) = (ps.get(i + n - 2), ps.get(i + n - 1)) {
                let cut = chars
                    .get(a.to..q.from)
                    .is_some_and(|g| matches!(g, [f] if matches!(f.c, '_' | '-' | '.' | '~')));
                if n >= 8
                    || !cut
                    || q.kind != PieceKind::Alnum
                    || q.hashtag
                    || q.mention
                    || q.spaced
                {
                    break;
                }
                n += 1;
            }
            if n > 1 {
                idx.clear();
                for q in &ps[i - 1..i - 1 + n] {
                    idx.extend(q.from..q.to);
                }
                b.tag(&idx, flags::HASHTAG);
                i += n - 1;
                continue;
            }
        }
        // a word cut by a separator or masked letters: "cob-los", "pr*bowo"
        if let Some((n, word)) = b.rejoin(&ps[i - 1..]) {
            idx.clear();
            for q in &ps[i - 1..i - 1 + n] {
                idx.extend(q.from..q.to);
            }
            let leet = if idx.iter().any(|&k| chars[k].c.is_ascii_digit()) {
                flags::LEET
            } else {
                0
            };
            b.push(word, TokenKind::Word, &idx, flags::SPACED | leet, None);
            i += n - 1;
            continue;
        }
        match p.kind {
            PieceKind::Emoji => {
                let idx = [p.from];
                b.push(chars[p.from].c.to_string(), TokenKind::Emoji, &idx, 0, None);
            }
            PieceKind::Keycap => {
                let idx = [p.from];
                b.push_number(&idx, flags::KEYCAP);
            }
            PieceKind::Url => {
                let idx = [p.from, p.to - 1];
                b.push(String::from("<url>"), TokenKind::Url, &idx, 0, None);
            }
            PieceKind::Alnum => {
                idx.clear();
                if p.spaced {
                    idx.extend((p.from..p.to).filter(|&i| is_word_char(chars[i].c)));
                } else {
                    idx.extend(p.from..p.to);
                }
                if p.spaced {
                    let w: String = idx.iter().map(|&i| chars[i].c).collect();
                    let fl = flags::SPACED;
                    if w.chars().all(|c| c.is_ascii_digit()) {
                        b.push_number(&idx, fl);
                    } else {
                        b.alnum(&idx, fl, true);
                    }
                } else if p.hashtag || p.mention {
                    let fl = if p.hashtag {
                        flags::HASHTAG
                    } else {
                        flags::MENTION
                    };
                    b.tag(&idx, fl);
                } else {
                    b.alnum(&idx, 0, false);
                }
            }
        }
    }
    b.out
}
