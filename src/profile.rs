//! Policy profiles: which codes are reported and how severely, and how
//! regional circulars judge a few situations, as data.
//!
//! A profile is a TOML file:
//!
//! ```toml
//! name = "prabumulih"
//! extends = "national"          # optional: start from another embedded profile
//! [codes]                       # "breach", "review" or "off"
//! B5 = "review"
//! [situations]                  # a code, or "allowed"
//! candidate_photo = "B3"
//! ```
//!
//! Embedded: `national` (the default), `prabumulih` (strict: any candidate
//! picture is a breach), `bengkulu` (loose: a photo with a figure and
//! attending a campaign are allowed).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::error::{line_col, Error};

/// How a code is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Reported as a breach.
    Breach,
    /// Reported for review.
    Review,
    /// Not reported.
    Off,
}

/// A situation that regional circulars judge differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Situation {
    /// An upload showing a candidate's picture with no support words.
    CandidatePhoto,
    /// The actor in a photo with a candidate, no symbol or attribute.
    PhotoWithCandidate,
    /// Attending a campaign event, no symbol, attribute or mobilising.
    AttendCampaign,
}

impl Situation {
    const ALL: &'static [(&'static str, Situation)] = &[
        ("candidate_photo", Situation::CandidatePhoto),
        ("photo_with_candidate", Situation::PhotoWithCandidate),
        ("attend_campaign", Situation::AttendCampaign),
    ];
}

/// The codes a profile can set.
pub const CODES: &[&str] = &["B1", "B2", "B3", "B4", "B5", "B6", "B7", "R1", "R2", "R3"];

/// A loaded policy profile.
///
/// ```
/// let p = netral::Profile::embedded("prabumulih").unwrap();
/// assert_eq!(p.situation(netral::profile::Situation::CandidatePhoto), Some("B3"));
/// assert_eq!(p.severity("B1"), netral::profile::Severity::Breach);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The profile's name.
    pub name: String,
    /// What it implements.
    pub description: String,
    codes: BTreeMap<String, Severity>,
    situations: BTreeMap<Situation, Option<String>>,
}

#[derive(Deserialize)]
struct RawProfile {
    name: toml::Spanned<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    extends: Option<toml::Spanned<String>>,
    #[serde(default)]
    codes: BTreeMap<String, toml::Spanned<String>>,
    #[serde(default)]
    situations: BTreeMap<String, toml::Spanned<String>>,
}

/// The embedded profiles: (name, content).
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "national",
        include_str!("../lexicon/profiles/national.toml"),
    ),
    (
        "prabumulih",
        include_str!("../lexicon/profiles/prabumulih.toml"),
    ),
    (
        "bengkulu",
        include_str!("../lexicon/profiles/bengkulu.toml"),
    ),
];

impl Default for Profile {
    fn default() -> Self {
        Profile {
            name: "national".into(),
            description: String::new(),
            codes: CODES
                .iter()
                .map(|c| {
                    (
                        c.to_string(),
                        if c.starts_with('B') {
                            Severity::Breach
                        } else {
                            Severity::Review
                        },
                    )
                })
                .collect(),
            situations: Situation::ALL
                .iter()
                .map(|(_, s)| (*s, Some("R1".to_string())))
                .collect(),
        }
    }
}

impl Profile {
    /// The national default.
    pub fn national() -> Self {
        Self::embedded("national").unwrap_or_default()
    }

    /// An embedded profile by name.
    pub fn embedded(name: &str) -> Result<Self, Error> {
        let (n, content) = EMBEDDED.iter().find(|(n, _)| *n == name).ok_or_else(|| {
            Error::data(
                name,
                0,
                0,
                format!("no embedded profile `{name}` (known: national, prabumulih, bengkulu)"),
            )
        })?;
        Self::from_toml(&format!("lexicon/profiles/{n}.toml"), content)
    }

    /// An embedded profile by name, or a profile file by path.
    pub fn load(name_or_path: &str) -> Result<Self, Error> {
        if EMBEDDED.iter().any(|(n, _)| *n == name_or_path) {
            return Self::embedded(name_or_path);
        }
        let content = std::fs::read_to_string(name_or_path).map_err(|source| Error::Io {
            path: name_or_path.to_string(),
            source,
        })?;
        Self::from_toml(name_or_path, &content)
    }

    /// Parses a profile; `file` names it in errors.
    ///
    /// ```
    /// let err = netral::Profile::from_toml("p.toml", "name = \"x\"\n[codes]\nB9 = \"breach\"\n").unwrap_err();
    /// assert_eq!(err.to_string(), "p.toml:3:1: unknown code `B9` (known: B1, B2, B3, B4, B5, B6, B7, R1, R2, R3)");
    /// ```
    pub fn from_toml(file: &str, content: &str) -> Result<Self, Error> {
        let raw: RawProfile = toml::from_str(content).map_err(|e| {
            let (l, c) = e.span().map_or((0, 0), |s| line_col(content, s.start));
            Error::data(file, l, c, e.message().trim().to_string())
        })?;
        let at = |span: std::ops::Range<usize>, msg: String| {
            let (l, c) = line_col(content, span.start);
            Error::data(file, l, c, msg)
        };
        let mut p = match &raw.extends {
            Some(base) if base.get_ref() != "national" || raw.name.get_ref() != "national" => {
                let b = base.get_ref();
                if !EMBEDDED.iter().any(|(n, _)| n == b) {
                    return Err(at(
                        base.span(),
                        format!("cannot extend unknown profile `{b}`"),
                    ));
                }
                Self::embedded(b)?
            }
            _ => Profile::default(),
        };
        p.name = raw.name.get_ref().clone();
        p.description = raw.description.unwrap_or_default();
        for (code, sev) in raw.codes {
            if !CODES.contains(&code.as_str()) {
                // locate the key: search for it at a line start
                let off = find_key(content, &code).unwrap_or(sev.span().start);
                return Err(at(
                    off..off,
                    format!("unknown code `{code}` (known: {})", CODES.join(", ")),
                ));
            }
            let s = match sev.get_ref().as_str() {
                "breach" => Severity::Breach,
                "review" => Severity::Review,
                "off" => Severity::Off,
                other => {
                    return Err(at(
                        sev.span(),
                        format!("severity of {code} must be breach, review or off, got `{other}`"),
                    ))
                }
            };
            p.codes.insert(code, s);
        }
        for (name, val) in raw.situations {
            let sit = Situation::ALL.iter().find(|(n, _)| *n == name).map(|(_, s)| *s).ok_or_else(|| {
                let off = find_key(content, &name).unwrap_or(val.span().start);
                at(
                    off..off,
                    format!("unknown situation `{name}` (known: candidate_photo, photo_with_candidate, attend_campaign)"),
                )
            })?;
            let v = val.get_ref().as_str();
            let v = if v == "allowed" {
                None
            } else if CODES.contains(&v) {
                Some(v.to_string())
            } else {
                return Err(at(
                    val.span(),
                    format!("situation `{name}` takes a code (B1..R3) or \"allowed\", got `{v}`"),
                ));
            };
            p.situations.insert(sit, v);
        }
        Ok(p)
    }

    /// How a code is reported under this profile.
    pub fn severity(&self, code: &str) -> Severity {
        self.codes.get(code).copied().unwrap_or(Severity::Breach)
    }

    /// The code a situation leads to, or `None` when the profile allows it.
    pub fn situation(&self, s: Situation) -> Option<&str> {
        self.situations.get(&s).and_then(|v| v.as_deref())
    }
}

fn find_key(content: &str, key: &str) -> Option<usize> {
    let mut off = 0;
    for line in content.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with(key) && t[key.len()..].trim_start().starts_with('=') {
            return Some(off + (line.len() - t.len()));
        }
        off += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_profiles_load() {
        for (n, _) in EMBEDDED {
            let p = Profile::embedded(n).unwrap();
            assert_eq!(&p.name, n);
        }
        let b = Profile::embedded("bengkulu").unwrap();
        assert_eq!(b.situation(Situation::PhotoWithCandidate), None);
        assert_eq!(b.severity("B1"), Severity::Breach);
        let n = Profile::national();
        assert_eq!(n.situation(Situation::CandidatePhoto), Some("R1"));
    }

    #[test]
    fn errors_name_the_place() {
        let e = Profile::from_toml("p.toml", "name = \"x\"\n[codes]\nB1 = \"maybe\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("p.toml:3:"), "{e}");
        let e = Profile::from_toml("p.toml", "name = \"x\"\n[situations]\nselfie = \"B4\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("p.toml:3:1: unknown situation"), "{e}");
        let e = Profile::from_toml("p.toml", "description = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("name"), "{e}");
        let e = Profile::from_toml("p.toml", "name = \"x\"\nextends = \"mars\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("p.toml:2:"), "{e}");
    }
}
