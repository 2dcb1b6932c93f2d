//! The lexicon: human-edited word lists in `lexicon/`, embedded as the default.
//!
//! Each list is a plain-text file. It starts with a header of comment lines
//! that must include `# kind: NAME` and `# source: ...`; every other
//! non-comment line is one entry:
//!
//! ```text
//! # kind: support
//! # source: written by the netral team from campaign posts of 2023-2024
//! dukung
//! menangkan | weight = 0.9
//! ```
//!
//! Slang and regional lists use `informal = formal` lines instead. Gesture
//! lists may give the ballot number a gesture stands for (`✌ | number = 2`).
//! Errors name the file, the line and the problem, and the whole load fails.

use std::collections::HashSet;

use crate::error::Error;

/// What a lexicon entry signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Support for whoever it attaches to (`dukung`, `coblos`, `menangkan`).
    Support,
    /// Praise that counts as support when tied to a candidacy (`lanjutkan`, `terbaik`).
    Praise,
    /// Opposition (`tolak`, `asal bukan`, `kalahkan`).
    Oppose,
    /// Campaign material (`visi misi`, `flyer`, `twibbon`, `jadwal kampanye`).
    Campaign,
    /// Invitation to others (`ayo`, `mari`, `ajak`, `hadiri`).
    Invite,
    /// A campaign event (`kampanye akbar`, `deklarasi`, `konvoi`).
    Event,
    /// Collecting identity cards or support letters (`fotokopi ktp`, `surat dukungan`).
    Collect,
    /// A campaign role (`tim sukses`, `relawan`, `jurkam`, `posko`).
    Role,
    /// A hand sign or symbol, optionally with the number it shows.
    Gesture,
    /// Photo poses and campaign attributes (`foto bersama`, `kaos`, `atribut`).
    Attribute,
    /// Election context (`pilkada`, `paslon`, `capres`, `kampanye`).
    Election,
    /// Neutrality and socialisation context (`netralitas`, `surat edaran`, `sanksi`).
    Neutrality,
    /// Prohibition (`dilarang`, `tidak boleh`, `larangan`).
    Prohibition,
    /// Civil servants as a group (`asn`, `pns`, `aparatur`).
    Civil,
    /// News and reporting context (`menurut`, `ujarnya`, `dilaporkan`).
    News,
    /// Non-partisan participation (`hak pilih`, `tps`, `dpt`, `golput`).
    Participation,
    /// Negation (`jangan`, `tidak`, `bukan`).
    Negation,
    /// First-person declaration (`saya`, `aku`, `kami`, `sebagai`, `resmi`).
    Declare,
    /// Everyday senses that cancel a trigger (`juara 2`, `dukung umkm`).
    Everyday,
    /// Leisure and family scenes (`liburan`, `foto keluarga`): a hand sign
    /// in one, with no candidate or number, is a pose.
    Leisure,
    /// Elections that are not public ones (`ketua osis`, `ketua rt`): in a
    /// field that speaks of one, bare numbers and untargeted support are
    /// about it.
    Local,
    /// Common words and names that make a bare alias weak evidence.
    Common,
}

impl Kind {
    /// All kinds with their file-header names.
    pub const ALL: &'static [(&'static str, Kind)] = &[
        ("support", Kind::Support),
        ("praise", Kind::Praise),
        ("oppose", Kind::Oppose),
        ("campaign", Kind::Campaign),
        ("invite", Kind::Invite),
        ("event", Kind::Event),
        ("collect", Kind::Collect),
        ("role", Kind::Role),
        ("gesture", Kind::Gesture),
        ("attribute", Kind::Attribute),
        ("election", Kind::Election),
        ("neutrality", Kind::Neutrality),
        ("prohibition", Kind::Prohibition),
        ("civil", Kind::Civil),
        ("news", Kind::News),
        ("participation", Kind::Participation),
        ("negation", Kind::Negation),
        ("declare", Kind::Declare),
        ("everyday", Kind::Everyday),
        ("local", Kind::Local),
        ("leisure", Kind::Leisure),
        ("common", Kind::Common),
    ];

    /// The kind named in a file header.
    ///
    /// ```
    /// assert_eq!(netral::lexicon::Kind::from_name("oppose"), Some(netral::lexicon::Kind::Oppose));
    /// ```
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
    }

    /// The header name.
    pub fn name(self) -> &'static str {
        Kind::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("?", |(n, _)| n)
    }
}

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The phrase as written (one or more words, an emoji, a number).
    pub phrase: String,
    /// What it signals.
    pub kind: Kind,
    /// Strength, 0.0–1.0 (default 1.0).
    pub weight: f32,
    /// For gestures: the ballot number shown.
    pub number: Option<u32>,
    /// Source file and line, for explanations and errors.
    pub file: String,
    /// 1-based line.
    pub line: usize,
}

/// The loaded word lists.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// All phrase entries.
    pub entries: Vec<Entry>,
    /// Slang and regional mappings (`informal`, `formal`).
    pub slang: Vec<(String, String)>,
    /// Common words and names (lower case) that make a bare alias weak.
    pub common: HashSet<String>,
    /// Everyday words, used only to split run-together text into words.
    pub vocabulary: Vec<String>,
}

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../lexicon/", $name)))),*]
    };
}

/// The embedded default lists: (file name, content).
pub const EMBEDDED: &[(&str, &str)] = embedded!(
    "slang.txt",
    "regional.txt",
    "support.txt",
    "stance.txt",
    "praise.txt",
    "oppose.txt",
    "campaign.txt",
    "invite.txt",
    "event.txt",
    "collect.txt",
    "role.txt",
    "gesture.txt",
    "attribute.txt",
    "election.txt",
    "neutrality.txt",
    "prohibition.txt",
    "civil.txt",
    "news.txt",
    "participation.txt",
    "negation.txt",
    "declare.txt",
    "everyday.txt",
    "local.txt",
    "leisure.txt",
    "common.txt",
    "vocabulary.txt",
);

impl Lexicon {
    /// The embedded default lexicon.
    ///
    /// ```
    /// let lex = netral::lexicon::Lexicon::embedded().unwrap();
    /// assert!(lex.entries.iter().any(|e| e.phrase == "dukung"));
    /// ```
    pub fn embedded() -> Result<Self, Error> {
        let mut lex = Lexicon::default();
        for (name, content) in EMBEDDED {
            lex.add_file(&format!("lexicon/{name}"), content)?;
        }
        Ok(lex)
    }

    /// Parses one list file and adds its entries.
    ///
    /// ```
    /// let mut lex = netral::lexicon::Lexicon::default();
    /// let err = lex.add_file("x.txt", "# kind: support\ndukung\n").unwrap_err();
    /// assert!(err.to_string().contains("source"), "{err}");
    /// let err = lex.add_file("x.txt", "# kind: support\n# source: us\ndukung | weight = 2\n").unwrap_err();
    /// assert_eq!(err.to_string(), "x.txt:3: weight must be between 0 and 1, got 2");
    /// ```
    pub fn add_file(&mut self, file: &str, content: &str) -> Result<(), Error> {
        let mut kind: Option<&str> = None;
        let mut source = false;
        let mut seen: HashSet<String> = HashSet::new();
        let mut body_started = false;
        let mut new_entries = Vec::new();
        let mut new_slang = Vec::new();
        let mut new_common = Vec::new();
        let mut new_vocabulary = Vec::new();
        for (i, raw) in content.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.trim();
            if line.is_empty() {
                continue;
            }
            if let Some(c) = line.strip_prefix('#') {
                let c = c.trim();
                if !body_started {
                    if let Some(k) = c.strip_prefix("kind:") {
                        kind = Some(k.trim());
                    } else if c.starts_with("source:") {
                        source = true;
                    }
                }
                continue;
            }
            if !body_started {
                body_started = true;
                let k = kind.ok_or_else(|| {
                    Error::data(
                        file,
                        line_no,
                        0,
                        "missing `# kind: NAME` header before the first entry",
                    )
                })?;
                if !source {
                    return Err(Error::data(
                        file,
                        line_no,
                        0,
                        "missing `# source: ...` header before the first entry",
                    ));
                }
                if k != "slang"
                    && k != "regional"
                    && k != "vocabulary"
                    && Kind::from_name(k).is_none()
                {
                    return Err(Error::data(file, 1, 0, format!("unknown list kind `{k}`")));
                }
            }
            let k = kind.unwrap_or("");
            if k == "vocabulary" {
                let w = line.to_lowercase();
                if !w.chars().all(|c| c.is_alphabetic()) {
                    return Err(Error::data(
                        file,
                        line_no,
                        0,
                        format!("a vocabulary entry is one word of letters, got `{line}`"),
                    ));
                }
                if !seen.insert(w.clone()) {
                    return Err(Error::data(
                        file,
                        line_no,
                        0,
                        format!("duplicate entry `{w}`"),
                    ));
                }
                new_vocabulary.push(w);
                continue;
            }
            if k == "slang" || k == "regional" {
                let (from, to) = line
                    .split_once('=')
                    .ok_or_else(|| Error::data(file, line_no, 0, "expected `informal = formal`"))?;
                let from = from.trim().to_lowercase();
                let to = to.trim().to_lowercase();
                if from.is_empty() || to.is_empty() {
                    return Err(Error::data(
                        file,
                        line_no,
                        0,
                        "empty side in `informal = formal`",
                    ));
                }
                if from.contains(char::is_whitespace) {
                    return Err(Error::data(
                        file,
                        line_no,
                        0,
                        format!("informal side `{from}` must be one word"),
                    ));
                }
                if !seen.insert(from.clone()) {
                    return Err(Error::data(
                        file,
                        line_no,
                        0,
                        format!("duplicate entry `{from}`"),
                    ));
                }
                new_slang.push((from, to));
                continue;
            }
            let kind_v = Kind::from_name(k)
                .ok_or_else(|| Error::data(file, 1, 0, format!("unknown list kind `{k}`")))?;
            let (phrase, opts) = match line.split_once('|') {
                Some((p, o)) => (p.trim(), Some(o.trim())),
                None => (line, None),
            };
            if phrase.is_empty() {
                return Err(Error::data(file, line_no, 0, "empty phrase"));
            }
            let phrase = phrase.to_lowercase();
            if !seen.insert(phrase.clone()) {
                return Err(Error::data(
                    file,
                    line_no,
                    0,
                    format!("duplicate entry `{phrase}`"),
                ));
            }
            let mut weight = 1.0f32;
            let mut number = None;
            if let Some(opts) = opts {
                for opt in opts.split(',') {
                    let (key, val) = opt.split_once('=').ok_or_else(|| {
                        Error::data(
                            file,
                            line_no,
                            0,
                            format!("expected `key = value`, got `{}`", opt.trim()),
                        )
                    })?;
                    let (key, val) = (key.trim(), val.trim());
                    match key {
                        "weight" => {
                            let w: f32 = val.parse().map_err(|_| {
                                Error::data(
                                    file,
                                    line_no,
                                    0,
                                    format!("weight `{val}` is not a number"),
                                )
                            })?;
                            if !(0.0..=1.0).contains(&w) {
                                return Err(Error::data(
                                    file,
                                    line_no,
                                    0,
                                    format!("weight must be between 0 and 1, got {val}"),
                                ));
                            }
                            weight = w;
                        }
                        "number" => {
                            let n: u32 = val.parse().map_err(|_| {
                                Error::data(
                                    file,
                                    line_no,
                                    0,
                                    format!("number `{val}` is not a whole number"),
                                )
                            })?;
                            number = Some(n);
                        }
                        _ => {
                            return Err(Error::data(
                                file,
                                line_no,
                                0,
                                format!("unknown option `{key}`"),
                            ))
                        }
                    }
                }
            }
            if kind_v == Kind::Common {
                new_common.push(phrase.clone());
            }
            new_entries.push(Entry {
                phrase,
                kind: kind_v,
                weight,
                number,
                file: file.to_string(),
                line: line_no,
            });
        }
        if !body_started && kind.is_none() {
            return Err(Error::data(file, 1, 0, "missing `# kind: NAME` header"));
        }
        self.entries
            .extend(new_entries.into_iter().filter(|e| e.kind != Kind::Common));
        self.slang.extend(new_slang);
        self.common.extend(new_common);
        self.vocabulary.extend(new_vocabulary);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_loads_and_names_sources() {
        let lex = Lexicon::embedded().unwrap();
        for (name, content) in EMBEDDED {
            assert!(content.contains("# source:"), "{name} names no source");
        }
        assert!(lex.slang.iter().any(|(a, b)| a == "yg" && b == "yang"));
        assert!(lex.common.contains("amin"));
        for k in Kind::ALL {
            if k.1 != Kind::Common {
                assert!(
                    lex.entries.iter().any(|e| e.kind == k.1),
                    "no entries of kind {}",
                    k.0
                );
            }
        }
    }

    #[test]
    fn errors_name_file_and_line() {
        let mut lex = Lexicon::default();
        let e = lex
            .add_file("a.txt", "# kind: nope\n# source: x\nfoo\n")
            .unwrap_err();
        assert!(e.to_string().contains("unknown list kind"), "{e}");
        let e = lex
            .add_file("a.txt", "# kind: support\n# source: x\nfoo\n\nfoo\n")
            .unwrap_err();
        assert_eq!(e.to_string(), "a.txt:5: duplicate entry `foo`");
        let e = lex
            .add_file("s.txt", "# kind: slang\n# source: x\nyg\n")
            .unwrap_err();
        assert_eq!(e.to_string(), "s.txt:3: expected `informal = formal`");
        let e = lex
            .add_file("g.txt", "# kind: gesture\n# source: x\n✌ | number = two\n")
            .unwrap_err();
        assert!(e.to_string().starts_with("g.txt:3:"), "{e}");
        assert!(lex.entries.is_empty(), "a failed load adds nothing");
    }
}
