//! The candidate registry (SPEC §4): elections, tickets, candidates.
//!
//! Candidates change with every election, so they are data: TOML files
//! loaded at run time, and an embedded default (`lexicon/candidates/`).
//! A file is validated as a whole: any error (bad TOML, a missing `id`,
//! `number` or `name`, a duplicate election id, a duplicate ballot number in
//! one election, an empty alias, a malformed date) fails the load and names
//! the file, line and column.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{line_col, Error};

/// One candidate of a ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Full name.
    pub name: String,
    /// Nicknames and short forms.
    pub aliases: Vec<String>,
}

/// One ticket (pasangan calon) with its ballot number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    /// Ballot number.
    pub number: u32,
    /// The candidates (usually two).
    pub candidates: Vec<Candidate>,
    /// Ticket acronyms, pair names, jargon.
    pub aliases: Vec<String>,
    /// Official hashtags (without `#`).
    pub hashtags: Vec<String>,
    /// Campaign slogans.
    pub slogans: Vec<String>,
    /// Hand symbols meaning this ticket (default: its number in fingers).
    pub gestures: Vec<String>,
    /// Hand symbols made against this ticket (in 2024, "salam 4 jari":
    /// one plus three, not two).
    pub against_gestures: Vec<String>,
}

impl Ticket {
    /// The candidates' names.
    pub fn names(&self) -> Vec<String> {
        self.candidates.iter().map(|c| c.name.clone()).collect()
    }
}

/// One election.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Election {
    /// Unique lower-case id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Region.
    pub region: String,
    /// Voting day, `YYYY-MM-DD`.
    pub voting_day: Option<String>,
    /// The day candidates were confirmed, `YYYY-MM-DD` (KE before, HD from it).
    pub confirmed_on: Option<String>,
    /// First and last campaign day.
    pub campaign: Option<(String, String)>,
    /// Tickets.
    pub tickets: Vec<Ticket>,
    /// Whether this is a regional (Pilkada) rather than a national (Pemilu) election.
    pub regional: bool,
    /// The file it came from.
    pub source: String,
}

impl Election {
    /// Days from this election's voting day to `date` (RFC 3339 or
    /// `YYYY-MM-DD`): negative before the vote. `None` when either date is
    /// unknown.
    ///
    /// ```
    /// let reg = netral::Registry::from_toml("c.toml", r#"
    /// [[elections]]
    /// id = "pilbup-contoh-2029"
    /// voting_day = "2029-11-28"
    /// [[elections.tickets]]
    /// number = 1
    /// candidates = [{ name = "Budi Santoso" }]
    /// "#).unwrap();
    /// let e = &reg.elections()[0];
    /// assert_eq!(e.days_from_vote("2029-11-20T10:00:00+07:00"), Some(-8));
    /// assert_eq!(e.days_from_vote("2030-01-01"), Some(34));
    /// assert_eq!(e.days_from_vote("kemarin"), None);
    /// ```
    pub fn days_from_vote(&self, date: &str) -> Option<i64> {
        Some(day_number(date)? - day_number(self.voting_day.as_deref()?)?)
    }

    /// Whether `date` (`YYYY-MM-DD…`) falls in the campaign period or up to voting day.
    pub fn in_season(&self, date: &str) -> bool {
        let d = date.get(..10).unwrap_or(date);
        match (&self.campaign, &self.voting_day) {
            (Some((a, _)), Some(v)) => d >= a.as_str() && d <= v.as_str(),
            (Some((a, b)), None) => d >= a.as_str() && d <= b.as_str(),
            (None, Some(v)) => {
                d <= v.as_str() && d >= self.confirmed_on.as_deref().unwrap_or(v.as_str())
            }
            (None, None) => false,
        }
    }
}

/// A set of elections.
///
/// ```
/// let reg = netral::Registry::from_toml("contoh.toml", r#"
/// [[elections]]
/// id = "pilwako-contoh-2029"
/// [[elections.tickets]]
/// number = 2
/// candidates = [{ name = "Budi Santoso", aliases = ["Pak Budi"] }]
/// "#).unwrap();
/// assert_eq!(reg.elections()[0].tickets[0].number, 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Registry {
    elections: Vec<Election>,
}

#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    elections: Vec<RawElection>,
}

#[derive(Deserialize)]
struct RawElection {
    id: Spanned<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    voting_day: Option<Spanned<String>>,
    #[serde(default)]
    confirmed_on: Option<Spanned<String>>,
    #[serde(default)]
    campaign: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    level: Option<String>,
    #[serde(default)]
    tickets: Vec<RawTicket>,
}

#[derive(Deserialize)]
struct RawTicket {
    number: Spanned<u32>,
    candidates: Spanned<Vec<RawCandidate>>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    hashtags: Vec<Spanned<String>>,
    #[serde(default)]
    slogans: Vec<Spanned<String>>,
    #[serde(default)]
    gestures: Vec<Spanned<String>>,
    #[serde(default)]
    against_gestures: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
struct RawCandidate {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

/// The embedded default registry files.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "pemilu-2024.toml",
        include_str!("../lexicon/candidates/pemilu-2024.toml"),
    ),
    (
        "pilkada-2024.toml",
        include_str!("../lexicon/candidates/pilkada-2024.toml"),
    ),
];

fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// The embedded default: Pemilu 2024 (presidential) and the Pilkada 2024 races of the sources.
    ///
    /// ```
    /// let reg = netral::Registry::embedded().unwrap();
    /// assert!(reg.elections().iter().any(|e| e.id == "pilpres-2024"));
    /// ```
    pub fn embedded() -> Result<Self, Error> {
        let mut r = Registry::new();
        for (name, content) in EMBEDDED {
            r.merge(Registry::from_toml(
                &format!("lexicon/candidates/{name}"),
                content,
            )?)?;
        }
        Ok(r)
    }

    /// Reads a registry file from disk.
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Self, Error> {
        let p = path.as_ref();
        let content = std::fs::read_to_string(p).map_err(|source| Error::Io {
            path: p.display().to_string(),
            source,
        })?;
        Self::from_toml(&p.display().to_string(), &content)
    }

    /// Parses and validates one registry file; `file` names it in errors.
    ///
    /// ```
    /// let toml = "[[elections]]\nid = \"a\"\n[[elections.tickets]]\nnumber = 1\ncandidates = [{ name = \"X Y\" }]\n[[elections.tickets]]\nnumber = 1\ncandidates = [{ name = \"Z W\" }]\n";
    /// let err = netral::Registry::from_toml("r.toml", toml).unwrap_err().to_string();
    /// assert!(err.starts_with("r.toml:7:"), "{err}");
    /// assert!(err.contains("ballot number 1"), "{err}");
    /// ```
    pub fn from_toml(file: &str, content: &str) -> Result<Self, Error> {
        let at = |span: std::ops::Range<usize>, msg: String| {
            let (l, c) = line_col(content, span.start);
            Error::data(file, l, c, msg)
        };
        let raw: RawFile = toml::from_str(content).map_err(|e| {
            let (l, c) = e.span().map_or((0, 0), |s| line_col(content, s.start));
            Error::data(file, l, c, e.message().trim().to_string())
        })?;
        let mut out = Registry::new();
        let mut ids = HashSet::new();
        for re in raw.elections {
            let id = re.id.get_ref().trim().to_string();
            if id.is_empty() {
                return Err(at(re.id.span(), "election id is empty".into()));
            }
            if id.chars().any(|c| c.is_uppercase() || c.is_whitespace()) {
                return Err(at(
                    re.id.span(),
                    format!("election id `{id}` must be lower case without spaces"),
                ));
            }
            if !ids.insert(id.clone()) {
                return Err(at(re.id.span(), format!("duplicate election id `{id}`")));
            }
            for d in [&re.voting_day, &re.confirmed_on].into_iter().flatten() {
                if !valid_date(d.get_ref()) {
                    return Err(at(
                        d.span(),
                        format!("date `{}` is not YYYY-MM-DD", d.get_ref()),
                    ));
                }
            }
            let campaign = match &re.campaign {
                None => None,
                Some(c) => {
                    let v = c.get_ref();
                    if v.len() != 2 || !v.iter().all(|d| valid_date(d)) || v[0] > v[1] {
                        return Err(at(
                            c.span(),
                            "campaign must be [\"YYYY-MM-DD\", \"YYYY-MM-DD\"], first day first"
                                .into(),
                        ));
                    }
                    Some((v[0].clone(), v[1].clone()))
                }
            };
            let mut numbers = HashSet::new();
            let mut tickets = Vec::new();
            for rt in re.tickets {
                let n = *rt.number.get_ref();
                if !numbers.insert(n) {
                    return Err(at(
                        rt.number.span(),
                        format!("duplicate ballot number {n} in election `{id}`"),
                    ));
                }
                if rt.candidates.get_ref().is_empty() {
                    return Err(at(
                        rt.candidates.span(),
                        format!("ticket {n} has no candidate"),
                    ));
                }
                let mut cands = Vec::new();
                for rc in rt.candidates.into_inner() {
                    let name = rc.name.get_ref().trim().to_string();
                    if name.is_empty() {
                        return Err(at(
                            rc.name.span(),
                            format!("ticket {n}: empty candidate name"),
                        ));
                    }
                    let aliases = strings(rc.aliases, &at, n, "candidate alias")?;
                    cands.push(Candidate { name, aliases });
                }
                tickets.push(Ticket {
                    number: n,
                    candidates: cands,
                    aliases: strings(rt.aliases, &at, n, "ticket alias")?,
                    hashtags: strings(rt.hashtags, &at, n, "hashtag")?
                        .into_iter()
                        .map(|h| h.trim_start_matches('#').to_string())
                        .collect(),
                    slogans: strings(rt.slogans, &at, n, "slogan")?,
                    gestures: strings(rt.gestures, &at, n, "gesture")?,
                    against_gestures: strings(rt.against_gestures, &at, n, "against gesture")?,
                });
            }
            let lower_id = id.to_lowercase();
            let regional = match re.level.as_deref() {
                Some(l) => !matches!(l, "national" | "nasional" | "pemilu"),
                None => {
                    !(lower_id.contains("pilpres")
                        || lower_id.contains("pemilu")
                        || lower_id.contains("pileg"))
                }
            };
            out.elections.push(Election {
                title: re.title.unwrap_or_else(|| id.clone()),
                region: re.region.unwrap_or_default(),
                voting_day: re.voting_day.map(Spanned::into_inner),
                confirmed_on: re.confirmed_on.map(Spanned::into_inner),
                campaign,
                tickets,
                regional,
                source: file.to_string(),
                id,
            });
        }
        Ok(out)
    }

    /// Adds another registry's elections; a duplicate election id is an error
    /// and leaves `self` unchanged.
    pub fn merge(&mut self, other: Registry) -> Result<(), Error> {
        for e in &other.elections {
            if let Some(prev) = self.elections.iter().find(|p| p.id == e.id) {
                return Err(Error::data(
                    &e.source,
                    0,
                    0,
                    format!(
                        "duplicate election id `{}` (already loaded from {})",
                        e.id, prev.source
                    ),
                ));
            }
        }
        self.elections.extend(other.elections);
        Ok(())
    }

    /// The elections.
    pub fn elections(&self) -> &[Election] {
        &self.elections
    }

    /// Number of tickets in all elections.
    pub fn ticket_count(&self) -> usize {
        self.elections.iter().map(|e| e.tickets.len()).sum()
    }
}

fn strings(
    v: Vec<Spanned<String>>,
    at: &impl Fn(std::ops::Range<usize>, String) -> Error,
    n: u32,
    what: &str,
) -> Result<Vec<String>, Error> {
    let mut out = Vec::with_capacity(v.len());
    for s in v {
        let t = s.get_ref().trim();
        if t.is_empty() || t == "#" {
            return Err(at(s.span(), format!("ticket {n}: empty {what}")));
        }
        out.push(t.to_string());
    }
    Ok(out)
}

/// Days since 1970-01-01 of a date written `YYYY-MM-DD…`.
fn day_number(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // days from civil (proleptic Gregorian)
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    #[test]
    fn against_gestures_are_read() {
        let r = Registry::from_toml(
            "x.toml",
            "[[elections]]\nid = \"e\"\n[[elections.tickets]]\nnumber = 2\n\
             candidates = [{ name = \"Budi Santoso\" }]\nagainst_gestures = [\"salam 4 jari\"]\n",
        )
        .unwrap();
        assert_eq!(
            r.elections()[0].tickets[0].against_gestures,
            ["salam 4 jari"]
        );
        let bad = Registry::from_toml(
            "x.toml",
            "[[elections]]\nid = \"e\"\n[[elections.tickets]]\nnumber = 2\n\
             candidates = [{ name = \"Budi\" }]\nagainst_gestures = [\"\"]\n",
        );
        assert!(bad.is_err());
    }

    use super::*;

    #[test]
    fn embedded_is_complete() {
        let r = Registry::embedded().unwrap();
        let ids: Vec<&str> = r.elections().iter().map(|e| e.id.as_str()).collect();
        for id in [
            "pilpres-2024",
            "pilwako-prabumulih-2024",
            "pilbup-bangka-selatan-2024",
            "pilgub-bengkulu-2024",
            "pilwako-pekanbaru-2024",
            "pilbup-lebong-2024",
            "pilgub-jakarta-2024",
            "pilgub-jabar-2024",
            "pilgub-jateng-2024",
            "pilgub-jatim-2024",
        ] {
            assert!(ids.contains(&id), "missing {id}");
        }
        let pekanbaru = r
            .elections()
            .iter()
            .find(|e| e.id == "pilwako-pekanbaru-2024")
            .unwrap();
        assert_eq!(pekanbaru.tickets.len(), 5);
        assert!(!r.elections()[0].regional);
    }

    #[test]
    fn errors() {
        let e = Registry::from_toml("a.toml", "[[elections]\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("a.toml:1:"), "{e}");
        let e = Registry::from_toml(
            "a.toml",
            "[[elections]]\nid = \"x\"\n[[elections.tickets]]\ncandidates = [{name=\"A\"}]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("number"), "{e}");
        let e = Registry::from_toml("a.toml", "[[elections]]\nid = \"x\"\n[[elections.tickets]]\nnumber = 1\ncandidates = [{aliases=[\"A\"]}]\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("name"), "{e}");
        let e = Registry::from_toml(
            "a.toml",
            "[[elections]]\nid = \"x\"\n[[elections.tickets]]\nnumber = 1\ncandidates = [{name=\"A\"}]\naliases = [\"\"]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("a.toml:6:") && e.contains("empty ticket alias"),
            "{e}"
        );
        let e = Registry::from_toml(
            "a.toml",
            "[[elections]]\nid = \"x\"\n[[elections]]\nid = \"x\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("a.toml:4:") && e.contains("duplicate election id"),
            "{e}"
        );
        let e = Registry::from_toml(
            "a.toml",
            "[[elections]]\nid = \"x\"\nvoting_day = \"27-11-2024\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("a.toml:3:"), "{e}");
        let e = Registry::from_toml(
            "a.toml",
            "[[elections]]\nid = \"x\"\n[[elections.tickets]]\nnumber = 1\ncandidates = [{name=\"A\"}]\n[[elections.tickets]]\nnumber = 1\ncandidates = [{name=\"B\"}]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("a.toml:7:") && e.contains("number 1"),
            "duplicate ballot number: {e}"
        );
        let e = Registry::from_toml("a.toml", "[[elections]]\nname = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("a.toml:1:") && e.contains("id"),
            "missing id: {e}"
        );
        let mut r = Registry::embedded().unwrap();
        let before = r.clone();
        let dup = Registry::from_toml("b.toml", "[[elections]]\nid = \"pilpres-2024\"\n").unwrap();
        assert!(r
            .merge(dup)
            .unwrap_err()
            .to_string()
            .contains("duplicate election id"));
        assert_eq!(r, before);
    }
}
