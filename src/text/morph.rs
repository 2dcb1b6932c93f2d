//! Indonesian (and common regional) affix stripping against our own root list.
//!
//! A dictionary-checked stemmer in the Nazief–Adriani / confix-stripping
//! family, reimplemented from the published rules: particles (`-lah`,
//! `-kah`, `-tah`, `-pun`), possessives (`-ku`, `-mu`, `-nya`), derivational
//! suffixes (`-kan`, `-an`, `-i`), prefixes with their sound changes
//! (`me-`/`pe-` with `m`/`n`/`ng`/`ny`, `ber-`, `ter-`, `di-`, `ke-`, `se-`,
//! `per-`), and the colloquial and regional forms that social media uses:
//! Betawi/colloquial `-in` and `nge-`, Javanese nasal prefixes (`ndukung`,
//! `nyoblos`, `milih`) and suffixes (`-ke`, `-ake`, `-ne`, `-en`), Sundanese
//! `-keun`. A candidate root is accepted only if the root list knows it, so
//! the stemmer never invents a word; the root list is the vocabulary of the
//! lexicon and registry, which is all the matcher needs.

/// What was removed to reach the root, for explanations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stem {
    /// The root found in the root list.
    pub root: String,
    /// The prefix removed (empty if none).
    pub prefix: &'static str,
    /// The suffixes removed, outermost last (empty if none).
    pub suffix: String,
}

impl Stem {
    /// Whether only verbal or clitic affixes were removed (`me-`, `di-`,
    /// `-kan`, `-lah`, `-nya`, colloquial `-in`, `nge-`): the word means what
    /// its root means. Nominal derivations (`pe-`, `-an`, `ke-an`) do not.
    ///
    /// ```
    /// use netral::text::morph::stem;
    /// let r = |w: &str| w == "pilih";
    /// assert!(stem("memilih", r).unwrap().verbal());
    /// assert!(!stem("pemilihan", r).unwrap().verbal());
    /// ```
    pub fn verbal(&self) -> bool {
        let p = self.prefix.trim_end_matches('-');
        let prefix_ok = matches!(
            p,
            "" | "me"
                | "mem"
                | "men"
                | "meng"
                | "meny"
                | "di"
                | "nge"
                | "ny"
                | "ng"
                | "n"
                | "m"
                | "ter"
        );
        let suffix_ok = ["-an", "-ne", "-en", "-ku", "-mu", "-nya"]
            .iter()
            .all(|x| !self.suffix.contains(x));
        prefix_ok && suffix_ok
    }
}

const PARTICLES: &[&str] = &["lah", "kah", "tah", "pun"];
const POSSESSIVES: &[&str] = &["nya", "ku", "mu"];
const SUFFIXES: &[&str] = &["keun", "kan", "ake", "an", "in", "ke", "ne", "en", "i"];

/// Suffix-stripped forms of `w`, with what was removed, most conservative first.
fn suffix_forms(w: &str) -> Vec<(String, String)> {
    let mut out = vec![(w.to_string(), String::new())];
    let mut layer = vec![(w.to_string(), String::new())];
    for set in [PARTICLES, POSSESSIVES, SUFFIXES] {
        let mut next = Vec::new();
        for (base, removed) in &layer {
            for s in set {
                if let Some(b) = base.strip_suffix(s) {
                    if b.chars().count() >= 3 {
                        let r = format!("-{s}{removed}");
                        next.push((b.to_string(), r));
                    }
                }
            }
        }
        out.extend(next.iter().cloned());
        layer.extend(next);
    }
    out
}

fn starts_vowel(s: &str) -> bool {
    s.starts_with(['a', 'e', 'i', 'o', 'u'])
}

/// Prefix-stripped readings of `w`: (prefix, candidate root).
fn prefix_forms(w: &str) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let mut push = |p: &'static str, s: String| {
        if s.chars().count() >= 3 {
            out.push((p, s));
        }
    };
    // me- / pe- families with sound changes
    for (pre, tag) in [("meng", "meng-"), ("peng", "peng-")] {
        if let Some(r) = w.strip_prefix(pre) {
            if let Some(one) = r.strip_prefix('e') {
                // menge-/penge- before one-syllable roots
                push(tag, one.to_string());
            }
            push(tag, r.to_string());
            if starts_vowel(r) {
                push(tag, format!("k{r}"));
            }
        }
    }
    for (pre, tag) in [("meny", "meny-"), ("peny", "peny-")] {
        if let Some(r) = w.strip_prefix(pre) {
            if starts_vowel(r) {
                push(tag, format!("s{r}"));
                push(tag, format!("c{r}"));
            }
        }
    }
    for (pre, tag) in [("mem", "mem-"), ("pem", "pem-")] {
        if let Some(r) = w.strip_prefix(pre) {
            push(tag, r.to_string());
            if starts_vowel(r) {
                push(tag, format!("p{r}"));
            }
        }
    }
    for (pre, tag) in [("men", "men-"), ("pen", "pen-")] {
        if let Some(r) = w.strip_prefix(pre) {
            push(tag, r.to_string());
            if starts_vowel(r) {
                push(tag, format!("t{r}"));
            }
        }
    }
    for (pre, tag) in [
        ("me", "me-"),
        ("pe", "pe-"),
        ("ber", "ber-"),
        ("be", "be-"),
        ("ter", "ter-"),
        ("per", "per-"),
        ("di", "di-"),
        ("ke", "ke-"),
        ("se", "se-"),
        ("nge", "nge-"),
    ] {
        if let Some(r) = w.strip_prefix(pre) {
            push(tag, r.to_string());
        }
    }
    // Javanese / Sundanese / colloquial nasal prefixes
    if let Some(r) = w.strip_prefix("ny") {
        if starts_vowel(r) {
            push("ny-", format!("c{r}"));
            push("ny-", format!("s{r}"));
        }
    }
    if let Some(r) = w.strip_prefix("ng") {
        push("ng-", r.to_string());
        if starts_vowel(r) {
            push("ng-", format!("k{r}"));
        }
    }
    if let Some(r) = w.strip_prefix('n') {
        if r.starts_with(['d', 'j', 't']) {
            push("n-", r.to_string());
        }
        if starts_vowel(r) {
            push("n-", format!("t{r}"));
        }
    }
    if let Some(r) = w.strip_prefix('m') {
        if starts_vowel(r) {
            push("m-", format!("p{r}"));
            push("m-", format!("b{r}"));
        }
    }
    out
}

/// Finds the root of `word` that `is_root` accepts, trying the fewest
/// changes first. Returns `None` when no reading with an affix removed
/// reaches a root. Words longer than 40 bytes are not stemmed.
///
/// ```
/// use netral::text::morph::stem;
/// let roots = ["dukung", "menang", "pilih", "coblos", "tolak"];
/// let is_root = |w: &str| roots.contains(&w);
/// assert_eq!(stem("mendukung", is_root).unwrap().root, "dukung");
/// assert_eq!(stem("dukungannya", is_root).unwrap().root, "dukung");
/// assert_eq!(stem("memenangkan", is_root).unwrap().root, "menang");
/// assert_eq!(stem("kemenangan", is_root).unwrap().root, "menang");
/// assert_eq!(stem("pilihlah", is_root).unwrap().root, "pilih");
/// assert_eq!(stem("memilih", is_root).unwrap().root, "pilih");
/// assert_eq!(stem("nyoblos", is_root).unwrap().root, "coblos");
/// assert_eq!(stem("menolak", is_root).unwrap().root, "tolak");
/// assert!(stem("dukung", is_root).is_none());
/// assert!(stem("rumah", is_root).is_none());
/// ```
pub fn stem(word: &str, is_root: impl Fn(&str) -> bool) -> Option<Stem> {
    if word.len() > 40 || word.chars().count() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase())
    {
        return None;
    }
    let suffixed = suffix_forms(word);
    // 1. suffixes only
    for (s, removed) in suffixed.iter().skip(1) {
        if is_root(s) {
            return Some(Stem {
                root: s.clone(),
                prefix: "",
                suffix: removed.clone(),
            });
        }
    }
    // 2. one prefix, with or without suffixes
    for (s, removed) in &suffixed {
        for (p, r) in prefix_forms(s) {
            if is_root(&r) {
                return Some(Stem {
                    root: r,
                    prefix: p,
                    suffix: removed.clone(),
                });
            }
        }
    }
    // 3. two prefixes (memper-, diper-, keber-, ...)
    for (s, removed) in &suffixed {
        for (p, r) in prefix_forms(s) {
            for (_, r2) in prefix_forms(&r) {
                if is_root(&r2) {
                    return Some(Stem {
                        root: r2,
                        prefix: p,
                        suffix: removed.clone(),
                    });
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOTS: &[&str] = &[
        "dukung", "menang", "pilih", "coblos", "tolak", "kampanye", "ajak", "sebar", "ikut",
        "gabung", "lanjut",
    ];

    fn root(w: &str) -> Option<String> {
        stem(w, |x| ROOTS.contains(&x)).map(|s| s.root)
    }

    #[test]
    fn standard_affixes() {
        for (w, r) in [
            ("didukung", "dukung"),
            ("dukungan", "dukung"),
            ("dukunglah", "dukung"),
            ("dimenangkan", "menang"),
            ("menangkan", "menang"),
            ("pilihan", "pilih"),
            ("mengampanyekan", "kampanye"),
            ("kampanyekan", "kampanye"),
            ("mengajak", "ajak"),
            ("menyebarkan", "sebar"),
            ("bergabung", "gabung"),
            ("lanjutkan", "lanjut"),
            ("mencoblos", "coblos"),
        ] {
            assert_eq!(root(w).as_deref(), Some(r), "{w}");
        }
    }

    #[test]
    fn colloquial_and_regional() {
        for (w, r) in [
            ("ndukung", "dukung"),
            ("dukungin", "dukung"),
            ("ngedukung", "dukung"),
            ("pilihin", "pilih"),
            ("milih", "pilih"),
            ("menangin", "menang"),
            ("menangkeun", "menang"),
            ("ngajak", "ajak"),
            ("ikutan", "ikut"),
        ] {
            assert_eq!(root(w).as_deref(), Some(r), "{w}");
        }
    }

    #[test]
    fn unknown_words_stay() {
        assert_eq!(root("rumah"), None);
        assert_eq!(root("saat"), None);
        assert_eq!(root("ab"), None);
        assert_eq!(root("mendukungxyzqwertyqwertyqwertyqwertyqwerty"), None);
    }
}
