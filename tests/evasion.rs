//! Evasion suite: the labelled corpus, disguised the way people dodge
//! keyword filters, must keep its verdicts.
//!
//! Sixteen deterministic disguises (seeded SplitMix64, no extra crates) and a
//! mix of them are applied to the words of `text`, `target`, every `media`
//! item and every `hashtags` item. @mentions and URLs are copied untouched,
//! and so is the `#` of a hashtag (its body is a word like any other).
//! Existing digits are never changed; separators, zero-width characters and
//! emoji go between letters, and between a letter and a digit that already
//! stands for a letter (`c-0-b-l-0-s`), never into a number (`02`, `2024`,
//! the `2` of `teman2` stay as they are).
//!
//! | transform    | example                    |
//! |--------------|----------------------------|
//! | leet         | `c0bl0s`, `pr4b0wo`         |
//! | spaces       | `d u k u n g`              |
//! | dots         | `d.u.k.u.n.g`              |
//! | dashes       | `d-u-k-u-n-g`              |
//! | underscores  | `d_u_k_u_n_g`              |
//! | zero_width   | `du\u{200B}kun\u{2060}g`   |
//! | homoglyph    | `рrаbоwо` (Cyrillic/Greek) |
//! | fullwidth    | `ｄｕｋｕｎｇ`             |
//! | elongate     | `dukunggg`, `cobloooos`    |
//! | random_case  | `DuKuNg`                   |
//! | emoji_inside | `cob🔥los`                 |
//! | cut          | `cob-los`, `Prab.owo`      |
//! | mask         | `pr*bowo`, `c*blos`        |
//! | regional     | `🇨🇴🇧🇱🇴🇸` (regional indicators) |
//! | script       | `ꓑꓣꓮbօwօ` (Lisu, Cherokee, Armenian, dotless ı) |
//! | mixed        | one of the above per word, sometimes two stacked (`c 0 b l 0 s`) |
//!
//! Three settings decide which words are disguised:
//!
//! - `realistic` (asserted): each word of at least four letters, with
//!   probability 0.5, three seeded variants per item. A person dodging a
//!   filter disguises the content words (names, "coblos", "dukung",
//!   "relawan") and leaves short function words and numbers ("di", "yg",
//!   "no", "02") alone, and does not disguise every one of them either: the
//!   post must stay readable to its audience. Half of the long words is that
//!   writer; the variants keep the estimate from resting on one coin toss.
//! - `every_word` (reported): every word with a letter. A stress test; for
//!   the separator disguises it is not how people write (every word spelled
//!   out letter by letter, with single spaces between words, is hard to read
//!   for a human too), but whole-post fullwidth, random case and look-alike
//!   "fonts" are real.
//! - `key_words` (reported): exactly the words that the clean verdict's
//!   evidence points at, an adversary who knows what the filter reads.
//!
//! Metrics, per transform and overall: breach recall on the disguised corpus
//! against the clean breach recall, and the share of gold-`clear` items that
//! become `breach` only after disguise. Bars (realistic setting): disguised
//! recall ≥ 0.95 × clean recall and clear→breach ≤ 1 %, both overall AND per
//! transform, because a filter is as weak as its weakest disguise: an evader
//! needs only one that works, and an average over twelve transforms would
//! hide one that breaks the pipeline completely; and on the clear side each
//! transform is a different population of innocent writers (elongation,
//! random case and fancy fonts are everyday styles), each of whom is owed
//! the 1 % bar. In every setting, every
//! evidence span must slice its original (disguised) field exactly to a
//! non-empty quote.
//!
//! Run: `cargo test --release --test evasion -- --nocapture` for the tables;
//! `NETRAL_SHOW_ERRORS=1` lists the misses and false breaches of the asserted
//! setting, `NETRAL_SHOW_ERRORS=all` those of every setting.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Instant;

use netral::{Activity, Classifier, Verdict, VerdictKind};

// ---------------------------------------------------------------------------
// randomness

/// SplitMix64: tiny, seedable, good enough to pick letters.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

// ---------------------------------------------------------------------------
// transforms

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Transform {
    Leet,
    Spaces,
    Dots,
    Dashes,
    Underscores,
    ZeroWidth,
    Homoglyph,
    Fullwidth,
    Stylised,
    Elongate,
    RandomCase,
    EmojiInside,
    Cut,
    Mask,
    Regional,
    Script,
    Mixed,
}

const TRANSFORMS: [Transform; 17] = [
    Transform::Leet,
    Transform::Spaces,
    Transform::Dots,
    Transform::Dashes,
    Transform::Underscores,
    Transform::ZeroWidth,
    Transform::Homoglyph,
    Transform::Fullwidth,
    Transform::Stylised,
    Transform::Elongate,
    Transform::RandomCase,
    Transform::EmojiInside,
    Transform::Cut,
    Transform::Mask,
    Transform::Regional,
    Transform::Script,
    Transform::Mixed,
];

/// The simple transforms a mixed disguise picks from.
const SIMPLE: [Transform; 16] = [
    Transform::Leet,
    Transform::Spaces,
    Transform::Dots,
    Transform::Dashes,
    Transform::Underscores,
    Transform::ZeroWidth,
    Transform::Homoglyph,
    Transform::Fullwidth,
    Transform::Stylised,
    Transform::Elongate,
    Transform::RandomCase,
    Transform::EmojiInside,
    Transform::Cut,
    Transform::Mask,
    Transform::Regional,
    Transform::Script,
];

impl Transform {
    fn name(self) -> &'static str {
        match self {
            Transform::Leet => "leet",
            Transform::Spaces => "spaces",
            Transform::Dots => "dots",
            Transform::Dashes => "dashes",
            Transform::Underscores => "underscores",
            Transform::ZeroWidth => "zero_width",
            Transform::Homoglyph => "homoglyph",
            Transform::Fullwidth => "fullwidth",
            Transform::Stylised => "stylised",
            Transform::Elongate => "elongate",
            Transform::RandomCase => "random_case",
            Transform::EmojiInside => "emoji_inside",
            Transform::Cut => "cut",
            Transform::Mask => "mask",
            Transform::Regional => "regional",
            Transform::Script => "script",
            Transform::Mixed => "mixed",
        }
    }

    /// 0: substitutes letters, 1: lengthens, 2: inserts between letters.
    /// Stacked disguises apply in this order.
    fn class(self) -> u8 {
        match self {
            Transform::Leet
            | Transform::Homoglyph
            | Transform::Fullwidth
            | Transform::Stylised
            | Transform::RandomCase
            | Transform::Mask
            | Transform::Regional
            | Transform::Script => 0,
            Transform::Elongate => 1,
            _ => 2,
        }
    }
}

const ZERO_WIDTH: [char; 5] = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];

/// Emoji that carry no meaning for the classifier (no hands: those are
/// ballot-number gestures).
const EMOJI: [&str; 10] = ["🔥", "✨", "😂", "💯", "🌟", "🎉", "😍", "❤️", "🙂", "🤣"];

fn leet(c: char) -> Option<char> {
    Some(match c.to_ascii_lowercase() {
        'a' => '4',
        'e' => '3',
        'i' => '1',
        'o' => '0',
        's' => '5',
        'g' => '9',
        _ => return None,
    })
}

/// Cyrillic and Greek letters that look like a Latin one.
fn lookalikes(c: char) -> &'static [char] {
    match c {
        'a' => &['а', 'α'],
        'c' => &['с'],
        'd' => &['ԁ'],
        'e' => &['е'],
        'h' => &['һ'],
        'i' => &['і', 'ι'],
        'j' => &['ј'],
        'k' => &['κ'],
        'o' => &['о', 'ο'],
        'p' => &['р', 'ρ'],
        's' => &['ѕ'],
        'u' => &['υ'],
        'v' => &['ν'],
        'w' => &['ԝ'],
        'x' => &['х', 'χ'],
        'y' => &['у'],
        'A' => &['А', 'Α'],
        'B' => &['В', 'Β'],
        'C' => &['С'],
        'E' => &['Е', 'Ε'],
        'H' => &['Н', 'Η'],
        'I' => &['І', 'Ι'],
        'J' => &['Ј'],
        'K' => &['К', 'Κ'],
        'M' => &['М', 'Μ'],
        'N' => &['Ν'],
        'O' => &['О', 'Ο'],
        'P' => &['Р', 'Ρ'],
        'S' => &['Ѕ'],
        'T' => &['Т', 'Τ'],
        'X' => &['Х', 'Χ'],
        'Y' => &['У', 'Υ'],
        'Z' => &['Ζ'],
        _ => &[],
    }
}

/// Stylised letters of "fancy text" generators: small capitals,
/// mathematical double-struck and bold, circled and negative squared.
fn stylised(c: char, style: usize) -> Option<char> {
    const SMALL_CAPS: [char; 26] = [
        'ᴀ', 'ʙ', 'ᴄ', 'ᴅ', 'ᴇ', 'ꜰ', 'ɢ', 'ʜ', 'ɪ', 'ᴊ', 'ᴋ', 'ʟ', 'ᴍ', 'ɴ', 'ᴏ', 'ᴘ', 'ǫ', 'ʀ',
        'ꜱ', 'ᴛ', 'ᴜ', 'ᴠ', 'ᴡ', 'x', 'ʏ', 'ᴢ',
    ];
    let i = c.to_ascii_lowercase() as u32;
    if !(u32::from(b'a')..=u32::from(b'z')).contains(&i) {
        return None;
    }
    let k = i - u32::from(b'a');
    match style % 4 {
        0 => SMALL_CAPS.get(k as usize).copied(),
        1 => char::from_u32(0x1D552 + k).filter(|_| !"chnpqrz".contains(c.to_ascii_lowercase())),
        2 => char::from_u32(0x24D0 + k),
        _ => char::from_u32(0x1F170 + k),
    }
}

/// Letters of other scripts drawn like Latin ones: Lisu, Cherokee,
/// Armenian, and the dotless i.
fn script_lookalikes(c: char) -> &'static [char] {
    match c.to_ascii_lowercase() {
        'a' => &['ꓮ', 'Ꭺ'],
        'b' => &['ꓐ', 'Ᏼ'],
        'c' => &['ꓚ', 'Ꮯ', 'ϲ'],
        'd' => &['ꓓ', 'Ꭰ'],
        'e' => &['ꓰ', 'Ꭼ'],
        'g' => &['ց', 'ꓖ'],
        'h' => &['հ', 'ꓧ'],
        'i' => &['ı', 'ꓲ', 'Ꭵ'],
        'j' => &['ȷ', 'ꓙ'],
        'k' => &['ꓗ', 'Ꮶ'],
        'l' => &['ꓡ', 'Ꮮ'],
        'm' => &['ꓟ', 'Ꮇ'],
        'n' => &['ո', 'ꓠ'],
        'o' => &['օ', 'ꓳ'],
        'p' => &['ꓑ', 'Ꮲ'],
        'q' => &['զ'],
        'r' => &['ꓣ', 'Ꭱ'],
        's' => &['ꓢ', 'Ꮪ'],
        't' => &['ꓔ', 'Ꭲ'],
        'u' => &['ս', 'ꓴ'],
        'v' => &['ꓦ', 'Ꮩ'],
        'w' => &['ꓪ', 'Ꮃ'],
        'x' => &['ꓫ'],
        'y' => &['ꓬ'],
        'z' => &['ꓜ', 'Ꮓ'],
        _ => &[],
    }
}

/// A Latin letter as a regional indicator symbol (`c` → 🇨).
fn regional(c: char) -> Option<char> {
    c.is_ascii_alphabetic()
        .then(|| char::from_u32(0x1F1E6 + (c.to_ascii_lowercase() as u32 - 'a' as u32)))
        .flatten()
}

fn fullwidth(c: char) -> Option<char> {
    match c {
        'a'..='z' => char::from_u32(0xFF41 + (c as u32 - 'a' as u32)),
        'A'..='Z' => char::from_u32(0xFF21 + (c as u32 - 'A' as u32)),
        _ => None,
    }
}

/// One character of a word being disguised.
#[derive(Clone)]
struct Unit {
    /// What is written for it now.
    s: String,
    /// The original character.
    orig: char,
    /// It was (or stands for) a letter: separators go between letters.
    letter: bool,
    /// Already substituted by an earlier disguise.
    changed: bool,
}

/// Replaces some of the still-unchanged letters for which `sub` has a
/// replacement, each with probability `p` and at least one.
fn substitute(
    units: &mut [Unit],
    rng: &mut Rng,
    p: f64,
    mut sub: impl FnMut(char, &mut Rng) -> Option<String>,
) {
    let cands: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].letter && !units[i].changed)
        .filter(|&i| sub(units[i].orig, &mut Rng::new(0)).is_some())
        .collect();
    if cands.is_empty() {
        return;
    }
    let mut chosen: Vec<usize> = cands.iter().copied().filter(|_| rng.chance(p)).collect();
    if chosen.is_empty() {
        chosen.push(*rng.pick(&cands));
    }
    for i in chosen {
        if let Some(s) = sub(units[i].orig, rng) {
            units[i].s = s;
            units[i].changed = true;
        }
    }
}

/// Indices `i` such that units `i` and `i + 1` are both letters.
fn letter_gaps(units: &[Unit]) -> Vec<usize> {
    (0..units.len().saturating_sub(1))
        .filter(|&i| units[i].letter && units[i + 1].letter)
        .collect()
}

fn insert_after(
    units: &mut Vec<Unit>,
    mut gaps: Vec<usize>,
    s: impl Fn(&mut Rng) -> String,
    rng: &mut Rng,
) {
    gaps.sort_unstable();
    for &i in gaps.iter().rev() {
        let text = s(rng);
        units.insert(
            i + 1,
            Unit {
                s: text,
                orig: ' ',
                letter: false,
                changed: true,
            },
        );
    }
}

/// One gap between letters inside the word, not at its edge (the first and
/// last gaps are skipped when there is a choice).
fn inner_gap(units: &[Unit], rng: &mut Rng) -> Option<usize> {
    let all = letter_gaps(units);
    let inner: &[usize] = if all.len() > 2 {
        &all[1..all.len() - 1]
    } else {
        &all
    };
    (!inner.is_empty()).then(|| *rng.pick(inner))
}

fn apply(units: &mut Vec<Unit>, t: Transform, rng: &mut Rng) {
    match t {
        Transform::Leet => substitute(units, rng, 0.6, |c, _| leet(c).map(String::from)),
        Transform::Homoglyph => substitute(units, rng, 0.6, |c, r| {
            let l = lookalikes(c);
            (!l.is_empty()).then(|| r.pick(l).to_string())
        }),
        Transform::Fullwidth => substitute(units, rng, 1.0, |c, _| fullwidth(c).map(String::from)),
        Transform::Stylised => {
            let style = rng.below(4);
            substitute(units, rng, 1.0, |c, _| {
                stylised(c, style)
                    .or_else(|| stylised(c, 0))
                    .map(String::from)
            })
        }
        Transform::RandomCase => {
            for u in units.iter_mut().filter(|u| u.letter && !u.changed) {
                u.s = if rng.chance(0.5) {
                    u.orig.to_uppercase().collect()
                } else {
                    u.orig.to_lowercase().collect()
                };
            }
        }
        Transform::Elongate => {
            // a vowel, or the last letter
            let mut cands: Vec<usize> = (0..units.len())
                .filter(|&i| units[i].letter && "aeiouAEIOU".contains(units[i].orig))
                .collect();
            if let Some(last) = units.last() {
                if last.letter {
                    cands.push(units.len() - 1);
                }
            }
            if cands.is_empty() {
                return;
            }
            let i = *rng.pick(&cands);
            let extra = 2 + rng.below(3);
            let u = units[i].clone();
            for _ in 0..extra {
                units.insert(i + 1, u.clone());
            }
        }
        Transform::Spaces | Transform::Dots | Transform::Dashes | Transform::Underscores => {
            let sep = match t {
                Transform::Spaces => " ",
                Transform::Dots => ".",
                Transform::Dashes => "-",
                _ => "_",
            };
            let gaps = letter_gaps(units);
            insert_after(units, gaps, |_| sep.to_string(), rng);
        }
        Transform::ZeroWidth => {
            let all = letter_gaps(units);
            if all.is_empty() {
                return;
            }
            let mut gaps: Vec<usize> = all.iter().copied().filter(|_| rng.chance(0.5)).collect();
            if gaps.is_empty() {
                gaps.push(*rng.pick(&all));
            }
            insert_after(units, gaps, |r| r.pick(&ZERO_WIDTH).to_string(), rng);
        }
        Transform::Script => substitute(units, rng, 0.6, |c, r| {
            let l = script_lookalikes(c);
            (!l.is_empty()).then(|| r.pick(l).to_string())
        }),
        Transform::Regional => {
            // a whole word or nothing: a run of regional indicators reads as
            // letters, mixed with Latin letters it would be a flag here and
            // there
            if units
                .iter()
                .all(|u| !u.letter || regional(u.orig).is_some())
            {
                for u in units.iter_mut().filter(|u| u.letter && !u.changed) {
                    if let Some(r) = regional(u.orig) {
                        u.s = r.to_string();
                        u.changed = true;
                    }
                }
            }
        }
        Transform::Mask => {
            // one inner letter of a word of five letters or more
            let letters: Vec<usize> = (0..units.len()).filter(|&i| units[i].letter).collect();
            if letters.len() < 5 {
                return;
            }
            let inner = &letters[1..letters.len() - 1];
            let i = *rng.pick(inner);
            units[i].s = "*".to_string();
            units[i].changed = true;
        }
        Transform::Cut => {
            // one separator at one inner gap: "cob-los", "Prab.owo"
            if let Some(g) = inner_gap(units, rng) {
                let sep = *rng.pick(&["-", ".", "_"]);
                insert_after(units, vec![g], |_| sep.to_string(), rng);
            }
        }
        Transform::EmojiInside => {
            if let Some(g) = inner_gap(units, rng) {
                insert_after(units, vec![g], |r| r.pick(&EMOJI).to_string(), rng);
            }
        }
        Transform::Mixed => {
            let first = *rng.pick(&SIMPLE);
            let mut steps = vec![first];
            if rng.chance(0.3) {
                let others: Vec<Transform> = SIMPLE
                    .iter()
                    .copied()
                    .filter(|t| t.class() != first.class())
                    .collect();
                steps.push(*rng.pick(&others));
                steps.sort_by_key(|t| t.class());
            }
            for s in steps {
                apply(units, s, rng);
            }
        }
    }
}

fn disguise_word(word: &str, t: Transform, rng: &mut Rng) -> String {
    let chars: Vec<char> = word.chars().collect();
    // A digit between two letters already stands for a letter (`c0bl0s`):
    // separators go around it too (`c-0-b-l-0-s`). Other digits stay glued
    // to their neighbours (`t e m a n2`, `P r a b o w o2024`, `02`).
    let is_letter = |i: usize| {
        chars[i].is_alphabetic()
            || (chars[i].is_numeric()
                && i > 0
                && chars[i - 1].is_alphabetic()
                && chars.get(i + 1).is_some_and(|c| c.is_alphabetic()))
    };
    let mut units: Vec<Unit> = (0..chars.len())
        .map(|i| Unit {
            s: chars[i].to_string(),
            orig: chars[i],
            letter: is_letter(i),
            changed: false,
        })
        .collect();
    apply(&mut units, t, rng);
    units.iter().map(|u| u.s.as_str()).collect()
}

// ---------------------------------------------------------------------------
// which words

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Setting {
    Realistic,
    EveryWord,
    KeyWords,
}

impl Setting {
    fn name(self) -> &'static str {
        match self {
            Setting::Realistic => "realistic",
            Setting::EveryWord => "every_word",
            Setting::KeyWords => "key_words",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Setting::Realistic => "words of >= 4 letters, each with p = 0.5",
            Setting::EveryWord => "every word with a letter",
            Setting::KeyWords => "the words under the clean verdict's evidence",
        }
    }

    fn variants(self) -> u64 {
        match self {
            Setting::Realistic => 3,
            Setting::EveryWord => 1,
            Setting::KeyWords => 1,
        }
    }
}

const SETTINGS: [Setting; 3] = [Setting::Realistic, Setting::EveryWord, Setting::KeyWords];

/// The setting the bars are asserted on.
const ASSERTED: Setting = Setting::Realistic;

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Disguises the words of one field. `spans` are the byte ranges of the clean
/// verdict's evidence in this field (used by [`Setting::KeyWords`]).
fn disguise_field(
    s: &str,
    t: Transform,
    setting: Setting,
    spans: &[(usize, usize)],
    rng: &mut Rng,
) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    let mut i = 0;
    let prev_is_alnum = |i: usize| {
        s[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    };
    while i < s.len() {
        let rest = &s[i..];
        let c = rest.chars().next().unwrap();
        // URLs: copied up to the next whitespace
        if !prev_is_alnum(i)
            && (starts_with_ci(rest, "http://")
                || starts_with_ci(rest, "https://")
                || starts_with_ci(rest, "www."))
        {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            i += end;
            continue;
        }
        // @mentions: the @ and the handle
        if c == '@' {
            let end = rest[1..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
                .map_or(rest.len(), |e| e + 1);
            out.push_str(&rest[..end]);
            i += end;
            continue;
        }
        if c.is_alphanumeric() {
            let end = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            let word = &rest[..end];
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            let (ws, we) = (i, i + end);
            let disguise = match setting {
                Setting::Realistic => letters >= 4 && rng.chance(0.5),
                Setting::EveryWord => letters >= 1,
                Setting::KeyWords => letters >= 1 && spans.iter().any(|&(a, b)| a < we && ws < b),
            };
            if disguise {
                out.push_str(&disguise_word(word, t, rng));
            } else {
                out.push_str(word);
            }
            i += end;
            continue;
        }
        out.push(c);
        i += c.len_utf8();
    }
    out
}

fn field_names(a: &Activity) -> Vec<String> {
    let mut names = Vec::new();
    if a.text.is_some() {
        names.push("text".to_string());
    }
    if a.target.is_some() {
        names.push("target".to_string());
    }
    names.extend((0..a.media.len()).map(|i| format!("media[{i}]")));
    names.extend((0..a.hashtags.len()).map(|i| format!("hashtags[{i}]")));
    names
}

fn disguise(a: &Activity, clean: &Verdict, t: Transform, setting: Setting, seed: u64) -> Activity {
    let mut rng = Rng::new(seed);
    let spans = |field: &str| -> Vec<(usize, usize)> {
        clean
            .evidence
            .iter()
            .filter(|e| e.field == field)
            .map(|e| (e.start, e.end))
            .collect()
    };
    let mut d = a.clone();
    if let Some(s) = &a.text {
        d.text = Some(disguise_field(s, t, setting, &spans("text"), &mut rng));
    }
    if let Some(s) = &a.target {
        d.target = Some(disguise_field(s, t, setting, &spans("target"), &mut rng));
    }
    for (i, s) in a.media.iter().enumerate() {
        d.media[i] = disguise_field(s, t, setting, &spans(&format!("media[{i}]")), &mut rng);
    }
    for (i, s) in a.hashtags.iter().enumerate() {
        d.hashtags[i] = disguise_field(s, t, setting, &spans(&format!("hashtags[{i}]")), &mut rng);
    }
    d
}

// ---------------------------------------------------------------------------
// corpus and checks

struct Case {
    activity: Activity,
    gold: VerdictKind,
    code: String,
    clean: Verdict,
}

fn load(c: &Classifier) -> Vec<Case> {
    common::corpus()
        .into_iter()
        .map(|l| {
            let clean = c.classify(&l.activity);
            Case {
                activity: l.activity,
                gold: l.gold,
                code: l.code,
                clean,
            }
        })
        .collect()
}

/// Evidence contract problems of one verdict on one (disguised) activity.
fn span_problems(a: &Activity, v: &Verdict) -> Vec<String> {
    let mut out = Vec::new();
    for e in &v.evidence {
        match a.field(&e.field) {
            None => out.push(format!("evidence names a missing field: {e:?}")),
            Some(f) => {
                if f.get(e.start..e.end) != Some(e.quote.as_str()) {
                    out.push(format!(
                        "span {}..{} of {} is {:?}, quote {:?}",
                        e.start,
                        e.end,
                        e.field,
                        f.get(e.start..e.end),
                        e.quote
                    ));
                }
                if e.quote.is_empty() {
                    out.push(format!("empty quote: {e:?}"));
                }
            }
        }
    }
    out
}

fn verdict_of(v: &Verdict) -> VerdictKind {
    v.verdict.expect("a verdict")
}

/// The fields that the disguise changed, `name=debug(text)`.
fn changed_fields(orig: &Activity, d: &Activity) -> String {
    let mut s = String::new();
    for name in field_names(d) {
        let (o, n) = (orig.field(&name), d.field(&name));
        if o != n {
            let _ = write!(s, " {name}={:?}", n.unwrap_or(""));
        }
    }
    s
}

/// The evidence of a verdict, ` kind«quote»` each.
fn evidence_summary(v: &Verdict) -> String {
    let mut s = String::new();
    for e in &v.evidence {
        let _ = write!(s, " {}«{}»", e.kind, e.quote.escape_debug());
    }
    s
}

#[derive(Default, Clone, Copy)]
struct Tally {
    /// gold breach trials, and how they came out
    breach: usize,
    breach_hit: usize,
    breach_review: usize,
    breach_clear: usize,
    /// gold clear trials; judged breach; of which the clean verdict was not breach
    clear: usize,
    clear_breach: usize,
    clear_new_breach: usize,
    /// gold review trials judged breach
    review: usize,
    review_breach: usize,
    span_errors: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.breach += o.breach;
        self.breach_hit += o.breach_hit;
        self.breach_review += o.breach_review;
        self.breach_clear += o.breach_clear;
        self.clear += o.clear;
        self.clear_breach += o.clear_breach;
        self.clear_new_breach += o.clear_new_breach;
        self.review += o.review;
        self.review_breach += o.review_breach;
        self.span_errors += o.span_errors;
    }

    fn recall(&self) -> f64 {
        ratio(self.breach_hit, self.breach)
    }

    fn false_breach(&self) -> f64 {
        ratio(self.clear_new_breach, self.clear)
    }
}

/// The first `n` example lines about different activities (a line starts with the id).
fn first_distinct(lines: &[String], n: usize) -> String {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for l in lines {
        let id = l.split(' ').next().unwrap_or("");
        if !seen.contains(&id) {
            seen.push(id);
            out.push(l.as_str());
            if out.len() == n {
                break;
            }
        }
    }
    out.join("\n    ")
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

const RECALL_BAR: f64 = 0.95;
const FALSE_BREACH_BAR: f64 = 0.01;

#[test]
fn disguised_corpus_keeps_its_verdicts() {
    let started = Instant::now();
    let c = Classifier::new();
    let cases = load(&c);
    assert!(
        cases.len() >= 500,
        "corpus has only {} activities",
        cases.len()
    );

    let show = std::env::var("NETRAL_SHOW_ERRORS").ok();
    let show_setting = |s: Setting| match show.as_deref() {
        Some("all") => true,
        Some(_) => s == ASSERTED,
        None => false,
    };

    // clean
    let mut clean = Tally::default();
    let mut clean_span_errors = Vec::new();
    for k in &cases {
        let v = &k.clean;
        let got = verdict_of(v);
        for p in span_problems(&k.activity, v) {
            clean_span_errors.push(format!("{} (clean): {p}", k.activity.id));
        }
        match k.gold {
            VerdictKind::Breach => {
                clean.breach += 1;
                clean.breach_hit += (got == VerdictKind::Breach) as usize;
                clean.breach_review += (got == VerdictKind::Review) as usize;
                clean.breach_clear += (got == VerdictKind::Clear) as usize;
            }
            VerdictKind::Clear => {
                clean.clear += 1;
                clean.clear_breach += (got == VerdictKind::Breach) as usize;
            }
            VerdictKind::Review => {
                clean.review += 1;
                clean.review_breach += (got == VerdictKind::Breach) as usize;
            }
        }
    }
    clean.span_errors = clean_span_errors.len();
    let clean_recall = clean.recall();

    let mut tallies: BTreeMap<(Setting, Transform), Tally> = BTreeMap::new();
    let mut span_errors: Vec<String> = clean_span_errors;
    let mut listing: Vec<String> = Vec::new();
    let mut examples: BTreeMap<(Setting, Transform), (Vec<String>, Vec<String>)> = BTreeMap::new();

    for setting in SETTINGS {
        for t in TRANSFORMS {
            let mut tally = Tally::default();
            for k in &cases {
                for variant in 0..setting.variants() {
                    let seed = fnv1a(&k.activity.id)
                        ^ (t as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
                        ^ (setting as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03)
                        ^ (variant + 1).wrapping_mul(0x8CB9_2BA7_2F3D_8DD7);
                    let d = disguise(&k.activity, &k.clean, t, setting, seed);
                    let v = c.classify(&d);
                    let got = verdict_of(&v);
                    for p in span_problems(&d, &v) {
                        tally.span_errors += 1;
                        if span_errors.len() < 50 {
                            span_errors.push(format!(
                                "{} [{} {} v{variant}]: {p} ::{}",
                                d.id,
                                setting.name(),
                                t.name(),
                                changed_fields(&k.activity, &d)
                            ));
                        }
                    }
                    let clean_got = verdict_of(&k.clean);
                    let line = || {
                        format!(
                            "{} [{} {}] {} {} v{variant}: clean {} -> {} {:?} ::{} || evidence:{}",
                            d.id,
                            k.gold.as_str(),
                            k.code,
                            setting.name(),
                            t.name(),
                            clean_got.as_str(),
                            got.as_str(),
                            v.codes,
                            changed_fields(&k.activity, &d),
                            evidence_summary(&v)
                        )
                    };
                    let ex = examples.entry((setting, t)).or_default();
                    match k.gold {
                        VerdictKind::Breach => {
                            tally.breach += 1;
                            match got {
                                VerdictKind::Breach => tally.breach_hit += 1,
                                VerdictKind::Review => tally.breach_review += 1,
                                VerdictKind::Clear => tally.breach_clear += 1,
                            }
                            if got != VerdictKind::Breach {
                                if show_setting(setting) {
                                    listing.push(format!("MISS {}", line()));
                                }
                                if clean_got == VerdictKind::Breach {
                                    ex.0.push(line());
                                }
                            }
                        }
                        VerdictKind::Clear => {
                            tally.clear += 1;
                            if got == VerdictKind::Breach {
                                tally.clear_breach += 1;
                                if clean_got != VerdictKind::Breach {
                                    tally.clear_new_breach += 1;
                                    ex.1.push(line());
                                }
                                if show_setting(setting) {
                                    listing.push(format!("FALSE BREACH {}", line()));
                                }
                            }
                        }
                        VerdictKind::Review => {
                            tally.review += 1;
                            if got == VerdictKind::Breach {
                                tally.review_breach += 1;
                                if show_setting(setting) {
                                    listing.push(format!("REVIEW->BREACH {}", line()));
                                }
                            }
                        }
                    }
                }
            }
            tallies.insert((setting, t), tally);
        }
    }

    // tables
    let row = |name: &str, t: &Tally| {
        format!(
            "  {:<13} {:>6.3} {:>11} {:>6.3}  {:>5} {:>5}   {:>6.2}% {:>9}  {:>8}  {:>5}",
            name,
            t.recall(),
            format!("{}/{}", t.breach_hit, t.breach),
            t.recall() / clean_recall,
            t.breach_review,
            t.breach_clear,
            100.0 * t.false_breach(),
            format!("{}/{}", t.clear_new_breach, t.clear),
            format!("{}/{}", t.review_breach, t.review),
            t.span_errors,
        )
    };
    let header = format!(
        "  {:<13} {:>6} {:>11} {:>6}  {:>5} {:>5}   {:>7} {:>9}  {:>8}  {:>5}",
        "transform",
        "recall",
        "hit/n",
        "ratio",
        "->rev",
        "->clr",
        "clr->br",
        "new/n",
        "rev->br",
        "spans"
    );
    println!(
        "evasion suite: {} activities; clean breach recall {:.3} ({}/{}), clean clear->breach {}/{}",
        cases.len(),
        clean_recall,
        clean.breach_hit,
        clean.breach,
        clean.clear_breach,
        clean.clear
    );
    println!(
        "columns: breach recall after disguise, its ratio to the clean recall (bar {RECALL_BAR}), \
         where the missed breaches went (review / clear), gold-clear items that became breach \
         only after disguise (bar {:.0}%), gold-review items judged breach, evidence span errors",
        FALSE_BREACH_BAR * 100.0
    );
    for setting in SETTINGS {
        println!();
        println!(
            "== {}{}: {}; {} variant(s) per item ==",
            setting.name(),
            if setting == ASSERTED {
                " (asserted)"
            } else {
                ""
            },
            setting.describe(),
            setting.variants()
        );
        println!("{header}");
        println!("{}", row("clean", &clean));
        let mut all = Tally::default();
        for t in TRANSFORMS {
            let tally = &tallies[&(setting, t)];
            all.add(tally);
            println!("{}", row(t.name(), tally));
        }
        println!("{}", row("overall", &all));
    }

    if !listing.is_empty() {
        println!();
        for l in &listing {
            println!("{l}");
        }
    }

    // the bars
    let mut failures = Vec::new();
    if !span_errors.is_empty() {
        failures.push(format!(
            "{} evidence span problems (first {}):\n    {}",
            tallies.values().map(|t| t.span_errors).sum::<usize>() + clean.span_errors,
            span_errors.len(),
            span_errors.join("\n    ")
        ));
    }
    let mut all = Tally::default();
    for t in TRANSFORMS {
        let tally = tallies[&(ASSERTED, t)];
        all.add(&tally);
        let ex = &examples[&(ASSERTED, t)];
        let r = tally.recall() / clean_recall;
        if r < RECALL_BAR {
            failures.push(format!(
                "{}: disguised breach recall {:.3} = {:.3} x clean {:.3} < {RECALL_BAR}; e.g.\n    {}",
                t.name(),
                tally.recall(),
                r,
                clean_recall,
                first_distinct(&ex.0, 3)
            ));
        }
        if tally.false_breach() > FALSE_BREACH_BAR {
            failures.push(format!(
                "{}: clear->breach {:.2}% > {:.0}%; e.g.\n    {}",
                t.name(),
                100.0 * tally.false_breach(),
                100.0 * FALSE_BREACH_BAR,
                first_distinct(&ex.1, 3)
            ));
        }
    }
    let r = all.recall() / clean_recall;
    if r < RECALL_BAR {
        failures.push(format!(
            "overall: disguised breach recall {:.3} = {r:.3} x clean {clean_recall:.3} < {RECALL_BAR}",
            all.recall()
        ));
    }
    if all.false_breach() > FALSE_BREACH_BAR {
        failures.push(format!(
            "overall: clear->breach {:.2}% > {:.0}%",
            100.0 * all.false_breach(),
            100.0 * FALSE_BREACH_BAR
        ));
    }
    println!();
    println!("evasion suite took {:?}", started.elapsed());
    assert!(
        failures.is_empty(),
        "evasion bars not met ({} setting):\n  {}",
        ASSERTED.name(),
        failures.join("\n  ")
    );
}

// ---------------------------------------------------------------------------
// the disguises themselves

#[test]
fn transforms_do_what_they_say() {
    let mut rng = Rng::new(7);
    assert_eq!(
        disguise_word("dukung", Transform::Spaces, &mut rng),
        "d u k u n g"
    );
    assert_eq!(
        disguise_word("dukung", Transform::Dots, &mut rng),
        "d.u.k.u.n.g"
    );
    assert_eq!(
        disguise_word("dukung", Transform::Dashes, &mut rng),
        "d-u-k-u-n-g"
    );
    assert_eq!(
        disguise_word("dukung", Transform::Underscores, &mut rng),
        "d_u_k_u_n_g"
    );
    assert_eq!(
        disguise_word("Dukung", Transform::Fullwidth, &mut rng),
        "Ｄｕｋｕｎｇ"
    );
    // separators go between letters only: digits stay together
    assert_eq!(
        disguise_word("teman2", Transform::Spaces, &mut rng),
        "t e m a n2"
    );
    assert_eq!(disguise_word("2024", Transform::Dots, &mut rng), "2024");
    assert_eq!(
        disguise_word("c0bl0s", Transform::Dashes, &mut rng),
        "c-0-b-l-0-s"
    );
    assert_eq!(
        disguise_word("no2", Transform::Underscores, &mut rng),
        "n_o2"
    );
    for seed in 0..200 {
        let mut rng = Rng::new(seed);
        let l = disguise_word("coblos2024", Transform::Leet, &mut rng);
        assert!(
            l.ends_with("2024") && l != "coblos2024" && l.len() == 10,
            "{l}"
        );
        assert!(
            l.chars()
                .all(|c| "cbl2024".contains(c) || "0o5s".contains(c)),
            "{l}"
        );
        let z = disguise_word("coblos", Transform::ZeroWidth, &mut rng);
        assert_eq!(
            z.chars()
                .filter(|c| !ZERO_WIDTH.contains(c))
                .collect::<String>(),
            "coblos"
        );
        assert!(z.chars().count() > 6);
        let h = disguise_word("prabowo", Transform::Homoglyph, &mut rng);
        assert!(h != "prabowo" && h.chars().count() == 7, "{h}");
        assert!(!h.is_ascii(), "{h}");
        let e = disguise_word("pilih", Transform::Elongate, &mut rng);
        assert!((7..=9).contains(&e.len()), "{e}");
        let r = disguise_word("prabowo", Transform::RandomCase, &mut rng);
        assert_eq!(r.to_lowercase(), "prabowo");
        let m = disguise_word("coblos", Transform::EmojiInside, &mut rng);
        assert!(!m.starts_with(|c: char| !c.is_ascii_lowercase()));
        assert!(!m.ends_with(|c: char| !c.is_ascii_lowercase()));
        assert!(EMOJI.iter().any(|e| m.contains(e)), "{m}");
        let _ = disguise_word("coblos", Transform::Mixed, &mut rng);
    }
    // mentions, URLs and the hashtag marker are kept
    let s = "Ayo @budi_santoso lihat https://kpu.go.id/Jadwal #CoblosPrabowo sekarang";
    let d = disguise_field(
        s,
        Transform::Dots,
        Setting::EveryWord,
        &[],
        &mut Rng::new(1),
    );
    assert_eq!(
        d,
        "A.y.o @budi_santoso l.i.h.a.t https://kpu.go.id/Jadwal #C.o.b.l.o.s.P.r.a.b.o.w.o s.e.k.a.r.a.n.g"
    );
    // key words: only the words under the spans
    let d = disguise_field(
        "ayo coblos prabowo",
        Transform::Spaces,
        Setting::KeyWords,
        &[(4, 10)],
        &mut Rng::new(1),
    );
    assert_eq!(d, "ayo c o b l o s prabowo");
}
