//! The [`Classifier`]: built once from lexicon, registry and profile, then
//! shared across threads. Classifying never fails.

use rustc_hash::FxHashSet as HashSet;

use crate::decide;
use crate::error::Error;
use crate::lexicon::Lexicon;
use crate::matcher::{CandWhat, Matcher, MatcherBuilder, Meaning};
use crate::model::{Activity, Verdict};
use crate::prefilter::Prefilter;
use crate::profile::Profile;
use crate::registry::Registry;
use crate::text::Lang;

/// A ticket flattened out of the registry, for quick lookups.
#[derive(Debug, Clone)]
pub(crate) struct TicketInfo {
    pub election: usize,
    pub number: u32,
    pub names: Vec<String>,
}

/// Classifies activities. Build once, share freely (`Send + Sync`).
///
/// ```
/// use netral::{Activity, Classifier, VerdictKind};
/// let c = Classifier::new();
/// let v = c.classify(&Activity::upload("1", "Ayo coblos Prabowo-Gibran tanggal 14 Februari!"));
/// assert_eq!(v.verdict, Some(VerdictKind::Breach));
/// assert!(v.codes.contains(&"B1".to_string()));
/// let text = "Ayo coblos Prabowo-Gibran tanggal 14 Februari!";
/// for e in &v.evidence { assert_eq!(&text[e.start..e.end], e.quote); }
/// let v = c.classify(&Activity::upload("2", "ASN dilarang like dan share postingan paslon."));
/// assert_eq!(v.verdict, Some(VerdictKind::Clear));
/// ```
#[derive(Debug, Clone)]
pub struct Classifier {
    pub(crate) lang: Lang,
    pub(crate) matcher: Matcher,
    pub(crate) registry: Registry,
    pub(crate) tickets: Vec<TicketInfo>,
    pub(crate) profile: Profile,
    pub(crate) prefilter: Prefilter,
    /// the highest ballot number of the registry
    pub(crate) max_ticket: u64,
    /// per election: its number of tickets
    pub(crate) n_tickets: Vec<usize>,
    /// whether quiet activities skip the full analysis
    pub(crate) screen: bool,
}

/// Builds a [`Classifier`]: pick the lexicon, add registries, choose a profile.
///
/// ```
/// use netral::{Activity, Classifier, Registry, VerdictKind};
/// let reg = Registry::from_toml("contoh.toml", r#"
/// [[elections]]
/// id = "pilwako-contoh-2029"
/// campaign = ["2029-09-25", "2029-11-24"]
/// [[elections.tickets]]
/// number = 2
/// candidates = [{ name = "Budi Santoso", aliases = ["Budi"] }, { name = "Siti Aminah" }]
/// aliases = ["BUSA"]
/// hashtags = ["BudiSiti2029"]
/// "#).unwrap();
/// let c = Classifier::builder().no_default_candidates().registry(reg).build().unwrap();
/// let v = c.classify(&Activity::upload("1", "Dukung terus BUSA! #BudiSiti2029"));
/// assert_eq!(v.verdict, Some(VerdictKind::Breach));
/// assert_eq!(v.targets[0].election.as_deref(), Some("pilwako-contoh-2029"));
/// // "Budi" alone is a common name: weak evidence, not enough by itself
/// let v = c.classify(&Activity::upload("2", "Budi tetangga saya rajin banget"));
/// assert_eq!(v.verdict, Some(VerdictKind::Clear));
/// ```
#[derive(Debug, Clone)]
pub struct ClassifierBuilder {
    default_candidates: bool,
    registries: Vec<Registry>,
    profile: Option<Profile>,
    lexicon: Option<Lexicon>,
    screen: bool,
}

impl Default for Classifier {
    fn default() -> Self {
        Self::new()
    }
}

impl Classifier {
    /// The classifier on the embedded lexicon, registry and national profile.
    ///
    /// The embedded data does not depend on any input and is validated by
    /// the test suite, so this cannot fail in a released build.
    pub fn new() -> Self {
        #[allow(clippy::expect_used)]
        Self::builder()
            .build()
            .expect("the embedded lexicon, registry and profile are validated by the test suite")
    }

    /// A builder starting from the embedded data.
    pub fn builder() -> ClassifierBuilder {
        ClassifierBuilder {
            default_candidates: true,
            registries: Vec::new(),
            profile: None,
            lexicon: None,
            screen: true,
        }
    }

    /// Classifies one activity. Never fails, never panics.
    pub fn classify(&self, activity: &Activity) -> Verdict {
        decide::classify(self, activity)
    }

    /// Whether the quick screen alone settles this activity: no field can
    /// produce a signal, so the verdict is `clear` without evidence. Useful
    /// to measure how much of a dump needs the full analysis.
    ///
    /// ```
    /// use netral::{Activity, Classifier};
    /// let c = Classifier::new();
    /// assert!(c.screens_out(&Activity::upload("1", "Makan siang di warung dekat kantor")));
    /// assert!(!c.screens_out(&Activity::upload("2", "Ayo c0bl0s nomor 2")));
    /// ```
    pub fn screens_out(&self, activity: &Activity) -> bool {
        decide::screened(self, activity)
    }

    /// The registry in use.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The profile in use.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }
}

/// How a voting day (`YYYY-MM-DD`) is written in posts: "27 november",
/// "27 nov", "tanggal 27".
fn voting_day_phrases(date: &str) -> Option<Vec<String>> {
    let month: usize = date.get(5..7)?.parse().ok()?;
    let day: u32 = date.get(8..10)?.parse().ok()?;
    let name = crate::text::MONTHS.get(month.checked_sub(1)?)?;
    let short = name.get(..3)?;
    Some(vec![
        format!("{day} {name}"),
        format!("{day} {short}"),
        format!("tanggal {day}"),
        format!("tgl {day}"),
    ])
}

/// Plain words of a phrase, for the vocabulary (before the full pipeline can run):
/// each alphanumeric run, its camel-case parts, its letter runs and its leet reading.
fn raw_words(phrase: &str, out: &mut Vec<String>) {
    use crate::text::fold::{fold, F_UPPER};
    let mut chars = Vec::new();
    fold(phrase, &mut chars);
    let mut runs: Vec<Vec<(char, bool)>> = vec![Vec::new()];
    for f in &chars {
        if f.c.is_alphanumeric() {
            if let Some(r) = runs.last_mut() {
                r.push((f.c, f.flags & F_UPPER != 0));
            }
        } else if runs.last().is_some_and(|r| !r.is_empty()) {
            runs.push(Vec::new());
        }
    }
    for run in runs.into_iter().filter(|r| !r.is_empty()) {
        let whole: String = run.iter().map(|c| c.0).collect();
        let mut part = String::new();
        for (i, &(c, up)) in run.iter().enumerate() {
            if i > 0 && up && !run[i - 1].1 && !part.is_empty() {
                out.push(std::mem::take(&mut part));
            }
            part.push(c);
        }
        if part.len() < whole.len() {
            out.push(part);
        }
        let has_d = whole.chars().any(|c| c.is_ascii_digit());
        if has_d {
            let leet: String = whole
                .chars()
                .map(|c| match c {
                    '0' => 'o',
                    '1' => 'i',
                    '3' => 'e',
                    '4' => 'a',
                    '5' => 's',
                    '7' => 't',
                    '8' => 'b',
                    _ => c,
                })
                .collect();
            if leet.chars().all(char::is_alphabetic) {
                out.push(leet);
            }
            for r in whole.split(|c: char| c.is_ascii_digit()) {
                if !r.is_empty() {
                    out.push(r.to_string());
                }
            }
        } else {
            out.push(whole);
        }
    }
}

const HONORIFICS: &[&str] = &[
    "pak", "bu", "bapak", "ibu", "bang", "mas", "mbak", "kang", "cak", "gus", "kak", "uda", "uni",
    "abah", "ustadz", "prof", "dr", "si", "bung", "teh", "ning", "koh", "bro",
];

/// Whether `w` (lower case) is a form of address that goes before a name.
pub(crate) fn is_honorific(w: &str) -> bool {
    HONORIFICS.contains(&w)
}

impl ClassifierBuilder {
    /// Starts from no registry instead of the embedded one.
    pub fn no_default_candidates(mut self) -> Self {
        self.default_candidates = false;
        self
    }

    /// Adds a registry (any number).
    pub fn registry(mut self, r: Registry) -> Self {
        self.registries.push(r);
        self
    }

    /// Adds a registry file by path.
    pub fn registry_file(self, path: impl AsRef<std::path::Path>) -> Result<Self, Error> {
        let r = Registry::from_path(path)?;
        Ok(self.registry(r))
    }

    /// Uses a policy profile (default: national).
    pub fn profile(mut self, p: Profile) -> Self {
        self.profile = Some(p);
        self
    }

    /// Whether activities that the quick screen proves quiet skip the full
    /// analysis (default: yes). The verdicts are the same either way; turn
    /// it off to measure the full analysis or to check that equivalence.
    ///
    /// ```
    /// use netral::{Activity, Classifier};
    /// let full = Classifier::builder().screen(false).build().unwrap();
    /// let quick = Classifier::new();
    /// let a = Activity::upload("1", "Makan siang bareng keluarga");
    /// assert_eq!(full.classify(&a), quick.classify(&a));
    /// ```
    pub fn screen(mut self, on: bool) -> Self {
        self.screen = on;
        self
    }

    /// Uses another lexicon instead of the embedded one.
    pub fn lexicon(mut self, l: Lexicon) -> Self {
        self.lexicon = Some(l);
        self
    }

    /// Builds the classifier: validates and merges registries, compiles the matcher.
    pub fn build(self) -> Result<Classifier, Error> {
        let lex = match self.lexicon {
            Some(l) => l,
            None => Lexicon::embedded()?,
        };
        let mut registry = if self.default_candidates {
            Registry::embedded()?
        } else {
            Registry::new()
        };
        for r in self.registries {
            registry.merge(r)?;
        }
        let profile = self.profile.unwrap_or_else(Profile::national);

        // 1. vocabulary: every word of the lexicon and registry
        let mut lang = Lang::new();
        let mut words = Vec::new();
        for e in &lex.entries {
            raw_words(&e.phrase, &mut words);
        }
        let lexicon_words: HashSet<String> = words.iter().cloned().collect();
        for e in registry.elections() {
            for t in &e.tickets {
                for c in &t.candidates {
                    raw_words(&c.name, &mut words);
                    for a in &c.aliases {
                        raw_words(a, &mut words);
                    }
                }
                for s in t
                    .aliases
                    .iter()
                    .chain(&t.hashtags)
                    .chain(&t.slogans)
                    .chain(&t.gestures)
                    .chain(&t.against_gestures)
                {
                    raw_words(s, &mut words);
                }
            }
            raw_words(&e.region, &mut words);
        }
        for w in &words {
            if lexicon_words.contains(w) {
                lang.add_word(w);
            } else {
                lang.add_protected(w);
            }
        }
        for w in [
            "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "kosong",
        ] {
            lang.add_word(w);
        }
        for (from, to) in &lex.slang {
            lang.add_slang(from, to);
        }
        for w in &lex.vocabulary {
            lang.add_vocab(w);
        }

        // 2. patterns
        let mut mb = MatcherBuilder::default();
        // voting days of the registry's elections are election context
        // ("tanggal 27 jangan salah pilih"): "27 november", "tanggal 27"
        let mut days: Vec<String> = Vec::new();
        for e in registry.elections() {
            if let Some(phrases) = e.voting_day.as_deref().and_then(voting_day_phrases) {
                for p in phrases {
                    if !days.contains(&p) {
                        days.push(p);
                    }
                }
            }
        }
        for p in &days {
            mb.add(
                &lang,
                p,
                false,
                Meaning::Lex {
                    kind: crate::lexicon::Kind::Election,
                    weight: 0.6,
                    number: None,
                },
            );
        }
        for e in &lex.entries {
            mb.add(
                &lang,
                &e.phrase,
                false,
                Meaning::Lex {
                    kind: e.kind,
                    weight: e.weight,
                    number: e.number,
                },
            );
        }
        // everyday vocabulary counts too: a name that is also a word
        // ("Cahaya", "Bintang", ticket "BARA") is weak on its own
        let is_common = |s: &str| {
            let l = s.to_lowercase();
            lex.common.contains(&l)
                || lexicon_words.contains(&l)
                || lang.is_everyday(&l)
                || l.chars().count() <= 2
        };
        let single = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count()
                == 1
        };
        // a name or alias is weak if, without honorifics, it is one common word
        // judged on the words as the text stage reads them: "R1DO" is "rido"
        let weak = |s: &str| {
            let mut scratch = crate::text::Scratch::default();
            let parts: Vec<String> = crate::text::analyze(s, &lang, &mut scratch)
                .into_iter()
                .filter(|t| t.kind != crate::text::TokenKind::Emoji)
                .map(|t| t.text)
                .filter(|w| !HONORIFICS.contains(&w.as_str()))
                .collect();
            parts.is_empty() || (parts.len() == 1 && is_common(&parts[0]))
        };
        // a phrase of two or three words that are all everyday words
        let everyday_words = |s: &str| {
            let words: Vec<String> = s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            (2..=3).contains(&words.len())
                && words.iter().all(|w| {
                    is_common(w) || lang.is_vocab(w) || lang.is_word(w) && !lang.is_name(w)
                })
        };
        // a hashtag made only of everyday words, without digits
        let everyday_tag = |h: &str| {
            // digits or a run of capitals ("#AMINajaDulu") mark the ticket
            let caps = h
                .as_bytes()
                .windows(2)
                .any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase());
            if caps || h.chars().any(|c| c.is_ascii_digit()) {
                return false;
            }
            let mut scratch = crate::text::Scratch::default();
            let tag = format!("#{}", h.trim_start_matches('#'));
            let parts: Vec<String> = crate::text::analyze(&tag, &lang, &mut scratch)
                .into_iter()
                .filter(|t| t.kind == crate::text::TokenKind::Word)
                .map(|t| t.text)
                .collect();
            parts.len() >= 2
                && parts
                    .iter()
                    .all(|w| is_common(w) || lang.is_vocab(w) && !lang.is_name(w))
        };
        let mut tickets = Vec::new();
        // name parts used by more than one ticket are ambiguous: weak
        let mut part_count: rustc_hash::FxHashMap<String, usize> = Default::default();
        for e in registry.elections() {
            for t in &e.tickets {
                for c in &t.candidates {
                    for p in c.name.split_whitespace() {
                        *part_count.entry(p.to_lowercase()).or_default() += 1;
                    }
                }
            }
        }
        for (ei, e) in registry.elections().iter().enumerate() {
            for t in &e.tickets {
                let ti = tickets.len() as u32;
                tickets.push(TicketInfo {
                    election: ei,
                    number: t.number,
                    names: t.names(),
                });
                let cand = |strong: bool, what: CandWhat| Meaning::Cand {
                    ticket: ti,
                    strong,
                    what,
                };
                for c in &t.candidates {
                    mb.add(
                        &lang,
                        &c.name,
                        false,
                        cand(!(single(&c.name) && weak(&c.name)), CandWhat::Name),
                    );
                    for a in &c.aliases {
                        mb.add(&lang, a, false, cand(!weak(a), CandWhat::Alias));
                    }
                    // distinctive parts of the full name stand for the candidate too
                    let parts: Vec<&str> = c.name.split_whitespace().collect();
                    if parts.len() > 1 {
                        for p in parts {
                            let pl = p.to_lowercase();
                            if pl.chars().count() < 4 || HONORIFICS.contains(&pl.as_str()) {
                                continue;
                            }
                            if !is_common(&pl) {
                                let unique = part_count.get(&pl).copied().unwrap_or(0) <= 1;
                                mb.add(
                                    &lang,
                                    p,
                                    false,
                                    cand(unique && pl.chars().count() >= 5, CandWhat::Alias),
                                );
                            } else if lex.common.contains(&pl)
                                && !lexicon_words.contains(&pl)
                                && !lang.is_everyday(&pl)
                            {
                                // a name listed as common ("Edy", "Natar") is
                                // still the candidate's, as weak evidence
                                mb.add(&lang, p, false, cand(false, CandWhat::Alias));
                            }
                        }
                    }
                }
                for a in &t.aliases {
                    mb.add(&lang, a, false, cand(!weak(a), CandWhat::TicketAlias));
                }
                for h in &t.hashtags {
                    // as registered ("AniesMuhaimin2024"), and as often typed,
                    // all in small letters, which the text stage may cut
                    // differently (all capitals read as all small); a
                    // hashtag of everyday words with no number in it
                    // ("#TetapSemangat") is weak: anyone may tag an overtime
                    // post with it
                    let strong = !everyday_tag(h);
                    mb.add(&lang, h, true, cand(strong, CandWhat::Hashtag));
                    let small = h.to_lowercase();
                    if &small != h {
                        mb.add(&lang, &small, true, cand(strong, CandWhat::Hashtag));
                    }
                }
                for s in &t.slogans {
                    // a slogan of everyday words only ("Pasti Bisa") is weak
                    // too: cheering a football team is not campaigning
                    mb.add(
                        &lang,
                        s,
                        false,
                        cand(!weak(s) && !everyday_words(s), CandWhat::Slogan),
                    );
                }
                for g in &t.gestures {
                    mb.add(&lang, g, false, cand(false, CandWhat::Gesture));
                }
                for g in &t.against_gestures {
                    mb.add(&lang, g, false, cand(false, CandWhat::AgainstGesture));
                }
            }
            // region words point at the election
            let region_words: Vec<&str> = e
                .region
                .split_whitespace()
                .filter(|w| {
                    !matches!(
                        w.to_lowercase().as_str(),
                        "kota"
                            | "kabupaten"
                            | "kab"
                            | "provinsi"
                            | "prov"
                            | "dki"
                            | "daerah"
                            | "istimewa"
                    )
                })
                .collect();
            if !region_words.is_empty() && e.regional {
                mb.add(
                    &lang,
                    &region_words.join(" "),
                    false,
                    Meaning::Election {
                        election: ei as u32,
                    },
                );
            }
            if !e.regional {
                for w in [
                    "pilpres",
                    "capres",
                    "cawapres",
                    "presiden",
                    "wapres",
                    "calon presiden",
                ] {
                    mb.add(
                        &lang,
                        w,
                        false,
                        Meaning::Election {
                            election: ei as u32,
                        },
                    );
                }
            }
        }
        let max_ticket = tickets.iter().map(|t| t.number as u64).max().unwrap_or(0);
        let prefilter = Prefilter::new(&mb.patterns(), &lang, max_ticket)?;
        let n_tickets = registry
            .elections()
            .iter()
            .map(|e| e.tickets.len())
            .collect();
        let matcher = mb.build()?;
        Ok(Classifier {
            lang,
            matcher,
            registry,
            tickets,
            profile,
            prefilter,
            max_ticket,
            n_tickets,
            screen: self.screen,
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn voting_day_as_written() {
        let p = super::voting_day_phrases("2024-11-27").unwrap();
        assert_eq!(p, ["27 november", "27 nov", "tanggal 27", "tgl 27"]);
        assert_eq!(
            super::voting_day_phrases("2024-02-04").unwrap()[0],
            "4 februari"
        );
        assert!(super::voting_day_phrases("2024-13-01").is_none());
        assert!(super::voting_day_phrases("2024-00-01").is_none());
        assert!(super::voting_day_phrases("2024").is_none());
        assert!(super::voting_day_phrases("2024-1é-01").is_none());
    }

    use super::*;

    #[test]
    fn send_sync() {
        fn is<T: Send + Sync>() {}
        is::<Classifier>();
    }

    #[test]
    fn builds_with_embedded_data() {
        let c = Classifier::builder().build().unwrap();
        assert!(c.matcher.pattern_count() > 500);
        assert!(c.tickets.len() >= 25);
    }
}
