//! Character folding with byte spans.
//!
//! The folder walks the original text one grapheme cluster at a time and
//! emits [`FChar`]s: folded characters that each remember the byte range of
//! the original they came from. Folding never loses the way back, so a token
//! built from folded characters always slices its original field exactly.
//!
//! What folding does:
//! - look-alike letters from Cyrillic and Greek become the Latin letter they
//!   imitate (`р` → `p`, `Α` → `a`);
//! - Unicode compatibility folding (NFKD): fullwidth, mathematical, enclosed
//!   and ligature forms become plain letters and digits;
//! - combining marks are dropped (`é` → `e`), then everything is lower-cased;
//! - zero-width, bidi control and variation-selector characters are dropped,
//!   except inside an emoji sequence, which is kept whole;
//! - an emoji cluster becomes one character (its base, without skin tone or
//!   U+FE0F); a keycap (`2️⃣`) becomes its digit, flagged.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// The source character was upper-case.
pub const F_UPPER: u8 = 1;
/// The character stands for a whole emoji cluster.
pub const F_EMOJI: u8 = 2;
/// The character is a keycap digit (`2️⃣`).
pub const F_KEYCAP: u8 = 4;
/// The character was a look-alike from another script or a compatibility form.
pub const F_BENT: u8 = 8;
/// One or more invisible characters were dropped just before this one.
pub const F_AFTER_INVISIBLE: u8 = 16;

/// A folded character with the byte range of its origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FChar {
    /// The folded character (lower case).
    pub c: char,
    /// Byte offset of the original character or cluster.
    pub start: usize,
    /// Byte offset one past the original character or cluster.
    pub end: usize,
    /// `F_*` flags.
    pub flags: u8,
}

/// Characters that are invisible or only steer rendering, dropped outside emoji.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{E0000}'..='\u{E007F}'
    )
}

/// Whether a character starts an emoji presentation we treat as a symbol.
pub fn is_emoji_base(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF)
}

fn is_skin_tone(c: char) -> bool {
    ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

/// Look-alike letters from Cyrillic and Greek, read as the Latin letter they imitate.
pub fn confusable(c: char) -> Option<char> {
    // squared and negative circled or squared Latin letters (🅰 🅱 🅾 🅿 …)
    for base in [0x1F130u32, 0x1F150, 0x1F170] {
        let v = c as u32;
        if (base..base + 26).contains(&v) {
            return char::from_u32(u32::from(b'a') + (v - base));
        }
    }
    Some(match c {
        // small capitals and Latin letters with hooks or strokes, which
        // compatibility decomposition leaves alone
        'ᴀ' => 'a',
        'ʙ' | 'ɓ' | 'ƀ' => 'b',
        'ᴄ' | 'ƈ' => 'c',
        'ᴅ' | 'ɗ' | 'đ' | 'ɖ' => 'd',
        'ᴇ' => 'e',
        'ꜰ' => 'f',
        'ɢ' | 'ɠ' => 'g',
        'ʜ' | 'ɦ' | 'ħ' => 'h',
        'ɪ' | 'ɨ' => 'i',
        'ᴊ' | 'ʝ' => 'j',
        'ᴋ' | 'ƙ' => 'k',
        'ʟ' | 'ɬ' | 'ł' => 'l',
        'ᴍ' | 'ɱ' => 'm',
        'ɴ' | 'ɲ' => 'n',
        'ᴏ' | 'ɵ' | 'ø' => 'o',
        'ᴘ' | 'ƥ' => 'p',
        'ǫ' | 'ʠ' => 'q',
        'ʀ' | 'ɾ' => 'r',
        'ꜱ' | 'ʂ' => 's',
        'ᴛ' | 'ƭ' | 'ŧ' => 't',
        'ᴜ' => 'u',
        'ᴠ' | 'ʋ' => 'v',
        'ᴡ' | 'ⱳ' => 'w',
        'ʏ' | 'ƴ' => 'y',
        'ᴢ' | 'ʐ' => 'z',
        // dotless and other Latin letters without a decomposition
        'ı' | 'ɩ' => 'i',
        'ȷ' => 'j',
        'ɑ' => 'a',
        // Armenian letters that pass for Latin ones
        'օ' => 'o',
        'ս' => 'u',
        'ո' => 'n',
        'հ' => 'h',
        'ց' => 'g',
        'զ' => 'q',
        // Cherokee capitals that pass for Latin ones
        'Ꭺ' => 'a',
        'Ᏼ' => 'b',
        'Ꮯ' => 'c',
        'Ꭰ' => 'd',
        'Ꭼ' => 'e',
        'Ꮐ' => 'g',
        'Ꮋ' => 'h',
        'Ꭵ' => 'i',
        'Ꭻ' => 'j',
        'Ꮶ' => 'k',
        'Ꮮ' => 'l',
        'Ꮇ' => 'm',
        'Ꮲ' => 'p',
        'Ꭱ' => 'r',
        'Ꮪ' => 's',
        'Ꭲ' => 't',
        'Ꮩ' => 'v',
        'Ꮃ' => 'w',
        'Ꮓ' => 'z',
        // Lisu letters, drawn as Latin capitals
        'ꓮ' => 'a',
        'ꓐ' => 'b',
        'ꓚ' => 'c',
        'ꓓ' => 'd',
        'ꓰ' => 'e',
        'ꓝ' => 'f',
        'ꓖ' => 'g',
        'ꓧ' => 'h',
        'ꓲ' => 'i',
        'ꓙ' => 'j',
        'ꓗ' => 'k',
        'ꓡ' => 'l',
        'ꓟ' => 'm',
        'ꓠ' => 'n',
        'ꓳ' => 'o',
        'ꓑ' => 'p',
        'ꓣ' => 'r',
        'ꓢ' => 's',
        'ꓔ' => 't',
        'ꓴ' => 'u',
        'ꓦ' => 'v',
        'ꓪ' => 'w',
        'ꓫ' => 'x',
        'ꓬ' => 'y',
        'ꓜ' => 'z',
        'ϲ' => 'c',
        'ϳ' => 'j',
        // letters that look like others in stylised text (ΛBC, ЯЕ, ИЕ)
        'λ' => 'a',
        'я' => 'r',
        'и' => 'n',
        'ш' => 'w',
        'ɛ' | 'ǝ' => 'e',
        'ɔ' => 'c',
        // Cyrillic lower case
        'а' => 'a',
        'в' => 'b',
        'е' | 'ё' | 'є' => 'e',
        'к' => 'k',
        'м' => 'm',
        'н' => 'h',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' => 't',
        'у' | 'ү' => 'y',
        'х' => 'x',
        'і' | 'ї' | 'ӏ' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'һ' => 'h',
        'ɡ' => 'g',
        'ь' => 'b',
        'п' => 'n',
        'г' => 'r',
        // Cyrillic upper case
        'А' => 'a',
        'В' => 'b',
        'Е' | 'Ё' | 'Є' => 'e',
        'К' => 'k',
        'М' => 'm',
        'Н' => 'h',
        'О' => 'o',
        'Р' => 'p',
        'С' => 'c',
        'Т' => 't',
        'У' | 'Ү' => 'y',
        'Х' => 'x',
        'І' | 'Ї' | 'Ӏ' => 'i',
        'Ј' => 'j',
        'Ѕ' => 's',
        'Һ' => 'h',
        // Greek lower case
        'α' => 'a',
        'β' => 'b',
        'ε' => 'e',
        'η' => 'n',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ο' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'u',
        'χ' => 'x',
        'ω' => 'w',
        'γ' => 'y',
        'μ' => 'u',
        'ς' => 's',
        // Greek upper case
        'Α' => 'a',
        'Β' => 'b',
        'Ε' => 'e',
        'Ζ' => 'z',
        'Η' => 'h',
        'Ι' => 'i',
        'Κ' => 'k',
        'Μ' => 'm',
        'Ν' => 'n',
        'Ο' => 'o',
        'Ρ' => 'p',
        'Τ' => 't',
        'Υ' => 'y',
        'Χ' => 'x',
        _ => return None,
    })
}

/// A regional indicator symbol (🇦 … 🇿) read as its letter. Two of them
/// make a flag; a longer run spells a word ("🇨🇴🇧🇱🇴🇸").
///
/// ```
/// assert_eq!(netral::text::fold::regional_letter('🇨'), Some('c'));
/// assert_eq!(netral::text::fold::regional_letter('c'), None);
/// ```
pub fn regional_letter(c: char) -> Option<char> {
    let v = c as u32;
    (0x1F1E6..=0x1F1FF)
        .contains(&v)
        .then(|| char::from_u32(u32::from(b'a') + (v - 0x1F1E6)))
        .flatten()
}

/// Folds `text` into a vector of [`FChar`]s (cleared first).
///
/// ```
/// use netral::text::fold::fold;
/// let mut out = Vec::new();
/// fold("Ｐrаbоwо", &mut out); // fullwidth P, Cyrillic а and о
/// let s: String = out.iter().map(|f| f.c).collect();
/// assert_eq!(s, "prabowo");
/// assert_eq!(out[0].start..out[0].end, 0..3);
/// ```
pub fn fold(text: &str, out: &mut Vec<FChar>) {
    out.clear();
    if text.is_ascii() {
        // every ASCII character is its own grapheme and folds to itself
        out.extend(text.bytes().enumerate().map(|(i, b)| FChar {
            c: b.to_ascii_lowercase() as char,
            start: i,
            end: i + 1,
            flags: if b.is_ascii_uppercase() { F_UPPER } else { 0 },
        }));
        return;
    }
    let bytes = text.as_bytes();
    let mut pending_invisible = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // an ASCII character followed by another (or by nothing) is a
        // grapheme of its own, and folds to itself (`\r\n`, one grapheme,
        // folds as its two characters)
        if b.is_ascii() && bytes.get(i + 1).is_none_or(u8::is_ascii) {
            out.push(FChar {
                c: b.to_ascii_lowercase() as char,
                start: i,
                end: i + 1,
                flags: if b.is_ascii_uppercase() { F_UPPER } else { 0 }
                    | if pending_invisible {
                        F_AFTER_INVISIBLE
                    } else {
                        0
                    },
            });
            pending_invisible = false;
            i += 1;
            continue;
        }
        // three regional indicators or more spell letters, not flags
        let rest = text.get(i..).unwrap_or("");
        let run = rest
            .chars()
            .take_while(|&c| regional_letter(c).is_some())
            .count();
        if run >= 3 {
            for (off, c) in rest.char_indices().take(run) {
                let Some(l) = regional_letter(c) else { break };
                out.push(FChar {
                    c: l,
                    start: i + off,
                    end: i + off + c.len_utf8(),
                    flags: F_BENT
                        | if pending_invisible {
                            F_AFTER_INVISIBLE
                        } else {
                            0
                        },
                });
                pending_invisible = false;
            }
            i += run * 4;
            continue;
        }
        // `i` is a grapheme boundary: the cluster that starts here
        let Some(g) = text.get(i..).and_then(|rest| rest.graphemes(true).next()) else {
            break;
        };
        let gstart = i;
        i += g.len();
        fold_grapheme(text, gstart, g, out, &mut pending_invisible);
    }
}

/// Folds one grapheme cluster `g` that starts at byte `gstart` of `text`.
fn fold_grapheme(
    text: &str,
    gstart: usize,
    g: &str,
    out: &mut Vec<FChar>,
    pending_invisible: &mut bool,
) {
    let gend = gstart + g.len();
    let mut chars = g.chars();
    let Some(first) = chars.next() else {
        return;
    };
    let second = chars.next();
    // keycap: digit, optional FE0F, U+20E3
    if first.is_ascii_digit() && g.contains('\u{20E3}') {
        out.push(FChar {
            c: first,
            start: gstart,
            end: gend,
            flags: F_KEYCAP
                | if *pending_invisible {
                    F_AFTER_INVISIBLE
                } else {
                    0
                },
        });
        *pending_invisible = false;
        return;
    }
    if let Some(l) = confusable(first).filter(|_| (first as u32) >= 0x1F130) {
        // a letter in a box used as a letter ("Pra🅱️owo")
        out.push(FChar {
            c: l,
            start: gstart,
            end: gend,
            flags: F_BENT
                | if *pending_invisible {
                    F_AFTER_INVISIBLE
                } else {
                    0
                },
        });
        *pending_invisible = false;
        return;
    }
    // an emoji between two letters hides a word ("cob🔥los"): drop it
    let prev_letter = out
        .last()
        .is_some_and(|f| f.c.is_alphabetic() && f.flags & F_EMOJI == 0 && f.end == gstart);
    let next_letter = text
        .get(gend..)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_alphabetic);
    let emoji_like = is_emoji_base(first)
        && (second.is_none()
            || second.is_some_and(|c| is_skin_tone(c) || c == '\u{FE0F}' || c == '\u{200D}')
            || is_emoji_base(second.unwrap_or(' ')));
    if emoji_like && prev_letter && next_letter {
        *pending_invisible = true;
        return;
    }
    if emoji_like || (first != '\u{FE0F}' && second == Some('\u{FE0F}') && !first.is_alphanumeric())
    {
        out.push(FChar {
            c: first,
            start: gstart,
            end: gend,
            flags: F_EMOJI,
        });
        *pending_invisible = false;
        return;
    }
    for (off, c) in g.char_indices() {
        let start = gstart + off;
        let end = start + c.len_utf8();
        if is_invisible(c) {
            *pending_invisible = true;
            continue;
        }
        let upper = c.is_uppercase();
        let mut flags = if upper { F_UPPER } else { 0 };
        if *pending_invisible {
            flags |= F_AFTER_INVISIBLE;
            *pending_invisible = false;
        }
        if c.is_ascii() {
            out.push(FChar {
                c: c.to_ascii_lowercase(),
                start,
                end,
                flags,
            });
            continue;
        }
        if let Some(l) = confusable(c) {
            out.push(FChar {
                c: l,
                start,
                end,
                flags: flags | F_BENT,
            });
            continue;
        }
        let mut any = false;
        for d in std::iter::once(c).nfkd() {
            if is_combining_mark(d) || is_invisible(d) {
                continue;
            }
            let bent = if d != c { F_BENT } else { 0 };
            for l in d.to_lowercase() {
                if is_combining_mark(l) {
                    continue;
                }
                let l = confusable(l).unwrap_or(l);
                any = true;
                out.push(FChar {
                    c: l,
                    start,
                    end,
                    flags: flags | bent,
                });
            }
        }
        if !any && !is_combining_mark(c) {
            // a character that folds to nothing visible: keep a space so
            // that words on either side stay apart
            out.push(FChar {
                c: ' ',
                start,
                end,
                flags,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slow path alone: every grapheme cluster folded on its own.
    fn fold_by_graphemes(text: &str) -> Vec<FChar> {
        let mut out = Vec::new();
        let mut pending = false;
        for (start, g) in text.grapheme_indices(true) {
            fold_grapheme(text, start, g, &mut out, &mut pending);
        }
        out
    }

    #[test]
    fn ascii_fast_path_matches_grapheme_folding() {
        // ASCII next to combining marks, keycaps, joiners, emoji, look-alikes
        let pieces = [
            "a",
            "B",
            "1",
            "2",
            " ",
            "\r",
            "\n",
            "\r\n",
            "e\u{301}",
            "\u{301}",
            "1\u{FE0F}\u{20E3}",
            "\u{20E3}",
            "\u{FE0F}",
            "#",
            "*",
            "✌",
            "🏽",
            "✌🏽",
            "\u{200D}",
            "\u{200B}",
            "а",
            "Ｐ",
            "🅱",
            "🔥",
            "ß",
            "İ",
            "ﬁ",
            ".",
            "é",
            "👨\u{200D}👩",
            "\u{202E}",
            "ǅ",
            "①",
            "２",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut fast = Vec::new();
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..next() % 12 {
                s.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            }
            fold(&s, &mut fast);
            let slow = fold_by_graphemes(&s);
            let key = |v: &[FChar]| -> Vec<(char, usize, usize, u8)> {
                v.iter().map(|f| (f.c, f.start, f.end, f.flags)).collect()
            };
            assert_eq!(key(&fast), key(&slow), "{s:?}");
        }
    }

    #[test]
    fn regional_indicator_runs_spell_letters() {
        assert_eq!(folded("ayo 🇨🇴🇧🇱🇴🇸!"), "ayo coblos!");
        let mut v = Vec::new();
        fold("🇨🇴🇧🇱🇴🇸", &mut v);
        assert_eq!(v.len(), 6);
        assert!(v
            .iter()
            .all(|f| f.flags & F_BENT != 0 && f.end - f.start == 4));
        // a flag is a flag
        fold("merdeka 🇮🇩", &mut v);
        assert_eq!(v.last().map(|f| f.flags & F_EMOJI != 0), Some(true));
    }

    fn folded(s: &str) -> String {
        let mut v = Vec::new();
        fold(s, &mut v);
        v.iter().map(|f| f.c).collect()
    }

    fn spans_ok(s: &str) {
        let mut v = Vec::new();
        fold(s, &mut v);
        for f in &v {
            assert!(s.get(f.start..f.end).is_some(), "bad span in {s:?}");
        }
    }

    #[test]
    fn compatibility_forms() {
        assert_eq!(folded("ＤＵＫＵＮＧ"), "dukung");
        assert_eq!(folded("𝐝𝐮𝐤𝐮𝐧𝐠"), "dukung");
        assert_eq!(folded("ⓓⓤⓚⓤⓝⓖ"), "dukung");
        assert_eq!(folded("Café"), "cafe");
    }

    #[test]
    fn small_capitals_and_stylised_letters() {
        assert_eq!(folded("ᴅᴜᴋᴜɴɢ ᴘʀᴀʙᴏᴡᴏ"), "dukung prabowo");
        assert_eq!(folded("ɗukung pʀabowo"), "dukung prabowo");
        assert_eq!(folded("PRΛBOWO"), "prabowo");
        assert_eq!(folded("🅳🆄🅺🆄🅽🅶"), "dukung");
    }

    #[test]
    fn lookalikes() {
        assert_eq!(folded("рrаbоwо"), "prabowo");
        assert_eq!(folded("ΑΝΙΕS"), "anies");
        assert_eq!(folded("Κhοfifah"), "khofifah");
    }

    #[test]
    fn invisible_characters_dropped() {
        assert_eq!(folded("du\u{200B}ku\u{200C}ng"), "dukung");
        assert_eq!(folded("\u{202E}coblos\u{202C}"), "coblos");
        assert_eq!(folded("\u{FEFF}pilih"), "pilih");
    }

    #[test]
    fn combining_and_special_letters() {
        assert_eq!(folded("İstanbul"), "istanbul");
        assert_eq!(folded("e\u{301}"), "e");
        assert_eq!(folded("ß"), "ß");
        spans_ok("İ ß e\u{301}\u{302}\u{303} ﬁ");
    }

    #[test]
    fn emoji_clusters() {
        let mut v = Vec::new();
        fold("✌🏽 ✌️ 👍🏻", &mut v);
        let emo: Vec<char> = v
            .iter()
            .filter(|f| f.flags & F_EMOJI != 0)
            .map(|f| f.c)
            .collect();
        assert_eq!(emo, vec!['✌', '✌', '👍']);
        // the span covers the whole cluster, modifier included
        assert_eq!(v[0].end - v[0].start, "✌🏽".len());
        let mut v = Vec::new();
        fold("2️⃣", &mut v);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].c, '2');
        assert!(v[0].flags & F_KEYCAP != 0);
        spans_ok("👨‍👩‍👧 🇮🇩 ✌\u{FE0F}\u{200D}");
    }
}
