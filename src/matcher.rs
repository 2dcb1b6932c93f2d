//! Matching: one Aho–Corasick automaton over the token stream.
//!
//! Every distinct lemma of the lexicon and registry gets a numeric id; a
//! field's tokens become a byte string of fixed three-byte codes whose first
//! byte alone has its high bit set. Patterns are encoded the same way, so a
//! match can only start and end on token boundaries: whole-word matching is
//! exact by construction, with no boundary checks afterwards. Tokens that no
//! pattern uses get id 0, which no pattern contains. Matching is
//! leftmost-longest, so "masjid agung" wins over "agung" and "dukung umkm"
//! over "dukung".

use rustc_hash::FxHashMap as HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::error::Error;
use crate::lexicon::Kind;
use crate::text::{analyze, Lang, Scratch, Token, TokenKind};

/// What a registry pattern says about its ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CandWhat {
    /// A candidate's full name.
    Name,
    /// A candidate's alias or a part of the name.
    Alias,
    /// A ticket acronym, pair name or jargon.
    TicketAlias,
    /// An official hashtag.
    Hashtag,
    /// A campaign slogan.
    Slogan,
    /// A hand symbol of the ticket.
    Gesture,
    /// A hand symbol made against the ticket.
    AgainstGesture,
}

impl CandWhat {
    /// Whether this is a hand symbol (for or against the ticket) rather
    /// than a way of naming it.
    pub(crate) fn is_symbol(self) -> bool {
        matches!(self, CandWhat::Gesture | CandWhat::AgainstGesture)
    }
}

/// One meaning of a pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    /// A lexicon entry.
    Lex {
        /// Its kind.
        kind: Kind,
        /// Its weight.
        weight: f32,
        /// Its number (gestures).
        number: Option<u32>,
    },
    /// A reference to a ticket.
    Cand {
        /// Flat ticket index.
        ticket: u32,
        /// Strong evidence on its own, or weak (needs corroboration).
        strong: bool,
        /// What kind of reference.
        what: CandWhat,
    },
    /// A reference to an election (its region or level words).
    Election {
        /// Election index.
        election: u32,
    },
}

/// A pattern hit: tokens `first..=last` of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// First token index.
    pub first: usize,
    /// Last token index (inclusive).
    pub last: usize,
    /// Pattern index (into [`Matcher::meanings`]).
    pub pattern: usize,
}

/// The compiled matcher.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: AhoCorasick,
    ids: HashMap<String, u32>,
    meanings: Vec<Vec<Meaning>>,
}

/// Collects patterns before building.
#[derive(Debug, Default)]
pub struct MatcherBuilder {
    ids: HashMap<String, u32>,
    keys: HashMap<Vec<u32>, usize>,
    patterns: Vec<Vec<u32>>,
    meanings: Vec<Vec<Meaning>>,
    scratch: Scratch,
}

fn encode(id: u32, out: &mut Vec<u8>) {
    out.push(0x80 | ((id >> 14) & 0x7f) as u8);
    out.push(((id >> 7) & 0x7f) as u8);
    out.push((id & 0x7f) as u8);
}

impl MatcherBuilder {
    /// Adds a phrase (analysed like post text; `tag` analyses it as a hashtag).
    /// Returns false when the phrase has no matchable token.
    pub fn add(&mut self, lang: &Lang, phrase: &str, tag: bool, meaning: Meaning) -> bool {
        let text = if tag {
            format!("#{}", phrase.trim_start_matches('#'))
        } else {
            phrase.to_string()
        };
        let toks = analyze(&text, lang, &mut self.scratch);
        let mut key = Vec::with_capacity(toks.len());
        for t in &toks {
            if t.kind == TokenKind::Url {
                continue;
            }
            let next = self.ids.len() as u32 + 1;
            let id = *self.ids.entry(t.lemma.clone()).or_insert(next);
            key.push(id);
        }
        if key.is_empty() {
            return false;
        }
        let idx = match self.keys.get(&key) {
            Some(&i) => i,
            None => {
                let i = self.patterns.len();
                self.keys.insert(key.clone(), i);
                self.patterns.push(key);
                self.meanings.push(Vec::new());
                i
            }
        };
        if !self.meanings[idx].contains(&meaning) {
            self.meanings[idx].push(meaning);
        }
        true
    }

    /// Every pattern as its lemmas, with its meanings.
    pub(crate) fn patterns(&self) -> Vec<(Vec<String>, Vec<Meaning>)> {
        let mut names = vec![String::new(); self.ids.len() + 1];
        for (w, &id) in &self.ids {
            if let Some(n) = names.get_mut(id as usize) {
                *n = w.clone();
            }
        }
        self.patterns
            .iter()
            .zip(&self.meanings)
            .map(|(p, m)| {
                let lemmas = p
                    .iter()
                    .map(|&id| names.get(id as usize).cloned().unwrap_or_default())
                    .collect();
                (lemmas, m.clone())
            })
            .collect()
    }

    /// Builds the automaton.
    pub fn build(self) -> Result<Matcher, Error> {
        if self.ids.len() >= (1 << 21) {
            return Err(Error::Build("more than 2 million distinct words".into()));
        }
        let bytes: Vec<Vec<u8>> = self
            .patterns
            .iter()
            .map(|p| {
                let mut v = Vec::with_capacity(p.len() * 3);
                for &id in p {
                    encode(id, &mut v);
                }
                v
            })
            .collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&bytes)
            .map_err(|e| Error::Build(e.to_string()))?;
        Ok(Matcher {
            ac,
            ids: self.ids,
            meanings: self.meanings,
        })
    }
}

impl Matcher {
    /// The meanings of a pattern.
    pub fn meanings(&self, pattern: usize) -> &[Meaning] {
        self.meanings.get(pattern).map_or(&[], Vec::as_slice)
    }

    /// Number of distinct patterns.
    pub fn pattern_count(&self) -> usize {
        self.meanings.len()
    }

    /// Finds all leftmost-longest hits in a token stream.
    pub fn find(&self, tokens: &[Token], buf: &mut Vec<u8>, out: &mut Vec<Hit>) {
        buf.clear();
        out.clear();
        for t in tokens {
            let id = if t.kind == TokenKind::Url {
                0
            } else {
                self.ids.get(t.lemma.as_str()).copied().unwrap_or(0)
            };
            encode(id, buf);
        }
        for m in self.ac.find_iter(buf.as_slice()) {
            if m.start() % 3 != 0 || m.end() % 3 != 0 {
                continue;
            }
            out.push(Hit {
                first: m.start() / 3,
                last: m.end() / 3 - 1,
                pattern: m.pattern().as_usize(),
            });
        }
    }
}
