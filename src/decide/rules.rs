//! From signals to SPEC codes.

use std::collections::BTreeSet;

use rustc_hash::FxHashSet as HashSet;

use super::features::{is_vote_verb, says, target_decides, Features, FieldRole, Sig, Sk};
use crate::classifier::Classifier;
use crate::lexicon::Kind;
use crate::matcher::CandWhat;
use crate::model::{Action, Activity, VerdictKind};
use crate::profile::{Severity, Situation};

/// A code that fired, with the signals that decided it.
#[derive(Debug, Clone)]
pub(crate) struct Fired {
    pub code: &'static str,
    pub sigs: Vec<usize>,
    pub strength: f32,
    /// why this code (short English key for the reason line)
    pub why: &'static str,
}

/// The decision before it is written out.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub verdict: Option<VerdictKind>,
    /// fired codes, most serious first, after the profile
    pub fired: Vec<Fired>,
    /// clear codes (C1..C4) with their evidence
    pub clear: Vec<Fired>,
    /// codes that would apply to a bound actor (for C4 reasons)
    pub would_be: Vec<&'static str>,
    /// tickets / numbers concerned (signal indices of targets)
    pub targets: Vec<usize>,
    pub strength: f32,
    /// elections in season at created_at
    pub in_season: Vec<usize>,
}

const RANK: &[&str] = &["B7", "B6", "B2", "B1", "B4", "B3", "B5", "R1", "R2", "R3"];

fn rank(code: &str) -> usize {
    RANK.iter().position(|c| *c == code).unwrap_or(RANK.len())
}

/// Window (in tokens) within which a word attaches to a candidate.
const WINDOW: usize = 8;
/// A field this short is one thought: attachments ignore clauses.
const SHORT: usize = 16;

struct Ctx<'f, 'a> {
    /// any election or participation word, however weak, outside reminders
    any_election_word: bool,
    /// tickets per election
    n_tickets: &'f [usize],
    /// explicit election words (not just a candidate's name)
    explicit_e: bool,
    f: &'f Features<'a>,
    profile: &'f crate::profile::Profile,
    strong_e: bool,
    weak_e: bool,
    /// per signal: a target that stands (weak aliases corroborated)
    valid: Vec<bool>,
    /// per field: the field names exactly one ticket (or one ballot number)
    unique: Vec<bool>,
    /// elections whose campaign is under way at `created_at`
    season: BTreeSet<u32>,
    /// per signal: a weak alias nothing corroborates, of an election whose
    /// campaign is under way ("dukung Helmi" in Bengkulu's campaign)
    tentative: Vec<bool>,
    /// elections whose voting day is before `created_at`
    past: BTreeSet<u32>,
}

/// Words of congratulation and of taking office.
const CONGRATULATE: &[&str] = &[
    "selamat",
    "sugeng",
    "congrats",
    "congratulations",
    "lantik",
    "pelantikan",
    "dilantik",
    "pelantikannya",
    "penetapan",
    "terpilih",
];

/// Words of a watchdog's work (reports, checks, supervision): news of it
/// about a candidate's camp is news about that candidate.
const WATCHDOG: &[&str] = &[
    "bawaslu",
    "panwaslu",
    "panwascam",
    "laporan",
    "lapor",
    "dilaporkan",
    "pemeriksaan",
    "periksa",
    "diperiksa",
    "klarifikasi",
    "pengawasan",
    "pengawas",
    "awas",
    "awasi",
    "mengawasi",
    "pelanggaran",
    "langgar",
    "melanggar",
    "dugaan",
];

/// Words that place a name among the actor's own people: family, school,
/// neighbours and workplace (the team's own list, from everyday posts that
/// thank, greet or mention someone who shares a candidate's name).
const PERSON_WORDS: &[&str] = &[
    "kelas",
    "guru",
    "tetangga",
    "teman",
    "kawan",
    "sahabat",
    "rekan",
    "staf",
    "staff",
    "kasubag",
    "kabag",
    "kabid",
    "kasi",
    "purnabakti",
    "pegawai",
    "bagian",
    "murid",
    "siswa",
    "adik",
    "adikku",
    "kakak",
    "kakakku",
    "abang",
    "om",
    "tante",
    "paman",
    "bibi",
    "keponakan",
    "bendahara",
    "operator",
    "kasubbag",
    "kasubbid",
    "kaur",
    "kadus",
    "pramubakti",
    "bidan",
    "perawat",
    "mantri",
    "dosen",
    "pensiunan",
    "kurir",
    "anaknya",
    "anakku",
    "putranya",
    "putrinya",
    "putraku",
    "putriku",
    "ponakan",
    "sepupu",
    "suami",
    "istri",
    "cucu",
    "mertua",
    "tukang",
    "teknisi",
    "montir",
    "penjahit",
    "ojol",
    "supir",
    "satpam",
    "sopir",
    "kurir",
    "dokter",
    "bidan",
    "perawat",
    "pemilik",
    "penjual",
    "pedagang",
    "kasir",
    "operator",
    "pensiun",
    "pensiunan",
    "almarhum",
    "alm",
    "almarhumah",
];

/// What makes two target signals interchangeable for attachment.
type TargetKey = (bool, Option<u32>, Option<u32>, bool, bool, Option<CandWhat>);

fn key_of(s: &Sig) -> TargetKey {
    (
        s.sk == Sk::Num,
        s.ticket,
        s.number,
        s.strong,
        s.bent,
        s.what,
    )
}

/// Most signals kept as the evidence of one fired code.
const MAX_FIRED_SIGS: usize = 64;

/// Targets of one unit indexed for attachment queries in bounded time.
struct TargetIndex {
    /// per field: live targets sorted by position
    by_field: Vec<Vec<usize>>,
    /// targets in other fields: at most two fields per distinct target
    cross_all: Vec<usize>,
    /// the same, from hashtag or short fields only
    cross_short: Vec<usize>,
}

#[derive(Default, Debug)]
struct Assessment {
    fired: Vec<Fired>,
    /// neutrality context suppressed something
    suppressed: Vec<usize>,
    /// a target was mentioned only inside a neutral context
    neutral_mention: bool,
    participation: Vec<usize>,
    everyday: Vec<usize>,
    targets: Vec<usize>,
    /// support words not attached to any target (for comments on a target)
    free_support: Vec<usize>,
    balanced: bool,
}

impl Assessment {
    fn fire(&mut self, code: &'static str, mut sigs: Vec<usize>, strength: f32, why: &'static str) {
        if let Some(f) = self.fired.iter_mut().find(|f| f.code == code) {
            for s in sigs {
                if f.sigs.len() >= MAX_FIRED_SIGS {
                    break;
                }
                if !f.sigs.contains(&s) {
                    f.sigs.push(s);
                }
            }
            f.strength = f.strength.max(strength);
            return;
        }
        sigs.truncate(MAX_FIRED_SIGS);
        self.fired.push(Fired {
            code,
            sigs,
            strength,
            why,
        });
    }

    fn has_b(&self) -> bool {
        self.fired.iter().any(|f| f.code.starts_with('B'))
    }
}

fn is_target(s: &Sig) -> bool {
    matches!(s.sk, Sk::Cand) && !s.what.is_some_and(CandWhat::is_symbol)
        || (s.sk == Sk::Num && s.contextual)
}

impl Ctx<'_, '_> {
    fn field_of(&self, s: &Sig) -> &super::Field<'_> {
        &self.f.fields[s.field]
    }

    fn suppressed(&self, s: &Sig) -> bool {
        let f = self.field_of(s);
        let cl = s.clause as usize;
        let neutral = f.neutral_clause.get(cl).copied().unwrap_or(false);
        let contrast = f.contrast_clause.get(cl).copied().unwrap_or(false);
        let voice = f.own_voice.get(cl).copied().unwrap_or(false);
        let list = f.list_clause.get(cl).copied().unwrap_or(false);
        if contrast && !neutral {
            return false;
        }
        // inside a reminder, only a clause in the actor's own voice (and not a
        // list item of prohibitions) escapes: "..., tapi coblos 02!"
        (neutral && !(voice && !list && !f.reminder))
            || (f.reminder && !(voice && !list && !neutral))
    }

    fn news(&self, s: &Sig) -> bool {
        let f = self.field_of(s);
        let cl = s.clause as usize;
        let contrast = f.contrast_clause.get(cl).copied().unwrap_or(false);
        !contrast && (f.news || f.news_clause.get(cl).copied().unwrap_or(false))
    }

    fn participation(&self, s: &Sig) -> bool {
        let f = self.field_of(s);
        f.participation_clause
            .get(s.clause as usize)
            .copied()
            .unwrap_or(false)
    }

    /// Number of tickets in an election.
    fn tickets_in(&self, election: u32) -> Option<usize> {
        Some(self.n_tickets.get(election as usize).copied().unwrap_or(0))
    }

    /// Whether the field names exactly one ticket (or one ballot number).
    fn unique_ticket(&self, field: usize) -> bool {
        self.unique.get(field).copied().unwrap_or(false)
    }

    /// A campaign or event word in a liked or shared post that names one
    /// ticket: the post is one piece of material, so the word is that
    /// ticket's wherever it stands.
    fn whole_material(&self, a: &Sig) -> bool {
        let f = self.field_of(a);
        f.role == FieldRole::Target
            && !f.reminder
            && self.unique_ticket(a.field)
            && matches!(a.sk, Sk::Lex(Kind::Campaign) | Sk::Lex(Kind::Event))
    }

    fn short(&self, field: usize) -> bool {
        let f = &self.f.fields[field];
        f.tokens.len() <= SHORT || f.role == FieldRole::Tag
    }

    fn index(&self, live: &[usize]) -> TargetIndex {
        let sigs = &self.f.sigs;
        let mut by_field: Vec<Vec<usize>> = vec![Vec::new(); self.f.fields.len()];
        for &t in live {
            by_field[sigs[t].field].push(t);
        }
        for v in &mut by_field {
            v.sort_by_key(|&t| (sigs[t].first, t));
        }
        let mut seen: rustc_hash::FxHashMap<TargetKey, (usize, usize)> =
            rustc_hash::FxHashMap::default();
        let mut seen_short: rustc_hash::FxHashMap<TargetKey, (usize, usize)> =
            rustc_hash::FxHashMap::default();
        let mut cross_all = Vec::new();
        let mut cross_short = Vec::new();
        let keep = |map: &mut rustc_hash::FxHashMap<TargetKey, (usize, usize)>,
                    out: &mut Vec<usize>,
                    t: usize| {
            let s = &sigs[t];
            let e = map.entry(key_of(s)).or_insert((0, usize::MAX));
            if e.0 < 2 && e.1 != s.field {
                e.0 += 1;
                e.1 = s.field;
                out.push(t);
            }
        };
        for &t in live {
            keep(&mut seen, &mut cross_all, t);
            if self.short(sigs[t].field) {
                keep(&mut seen_short, &mut cross_short, t);
            }
        }
        TargetIndex {
            by_field,
            cross_all,
            cross_short,
        }
    }

    /// The live targets act `a` attaches to, in bounded time.
    fn attached_to(&self, idx: &TargetIndex, a: usize) -> Vec<usize> {
        let sigs = &self.f.sigs;
        let s = &sigs[a];
        let mut out = Vec::new();
        if let Some(same) = idx.by_field.get(s.field) {
            let f = self.field_of(s);
            let range: &[usize] = if f.tokens.len() <= SHORT {
                same
            } else if self.whole_material(s) {
                &same[..same.len().min(8)]
            } else {
                let lo = s.first.saturating_sub(3 * WINDOW + 16);
                let hi = s.last.saturating_add(3 * WINDOW);
                let from = same.partition_point(|&t| sigs[t].first < lo);
                let to = same.partition_point(|&t| sigs[t].first <= hi);
                &same[from..to.max(from)]
            };
            out.extend(
                range
                    .iter()
                    .copied()
                    .filter(|&t| self.attached(s, &sigs[t])),
            );
        }
        let cross = if self.short(s.field) {
            &idx.cross_all
        } else {
            &idx.cross_short
        };
        out.extend(
            cross
                .iter()
                .copied()
                .filter(|&t| sigs[t].field != s.field && self.attached(s, &sigs[t])),
        );
        out
    }

    /// Whether act `a` attaches to target `t`.
    fn attached(&self, a: &Sig, t: &Sig) -> bool {
        if a.field == t.field {
            let f = self.field_of(a);
            let dist = a
                .first
                .saturating_sub(t.last)
                .max(t.first.saturating_sub(a.last));
            if f.tokens.len() <= SHORT && !f.reminder {
                return true;
            }
            if a.clause == t.clause && dist <= WINDOW {
                return true;
            }
            if self.whole_material(a) {
                return true;
            }
            // a word in a neighbouring sentence refers back to the one ticket the field names
            return !f.reminder
                && dist <= 3 * WINDOW
                && a.clause.abs_diff(t.clause) <= 1
                && self.unique_ticket(a.field);
        }
        let fa = self.field_of(a);
        let ft = self.field_of(t);
        let own = |r: FieldRole| matches!(r, FieldRole::Own | FieldRole::Tag | FieldRole::Media);
        // a bare ballot number is read in its own field: a number inside
        // a long text says nothing about a word in a caption
        let number_far = t.sk == Sk::Num && ft.role != FieldRole::Tag && ft.tokens.len() > SHORT;
        own(fa.role)
            && own(ft.role)
            && !number_far
            && (fa.role == FieldRole::Tag
                || ft.role == FieldRole::Tag
                || fa.tokens.len() <= SHORT
                || ft.tokens.len() <= SHORT)
    }
}

pub(crate) fn decide(c: &Classifier, a: &Activity, feats: &Features) -> Outcome {
    let sigs = &feats.sigs;
    let date = a.created_at.as_deref().unwrap_or("");
    // elections whose campaign is under way, and elections already voted
    // (praise of their candidates is congratulation), in one pass
    let mut in_season: Vec<usize> = Vec::new();
    let mut past: BTreeSet<u32> = BTreeSet::new();
    if date.len() >= 10 {
        let d = date.get(..10).unwrap_or(date);
        for (i, e) in c.registry.elections().iter().enumerate() {
            if e.in_season(date) {
                in_season.push(i);
            }
            if e.voting_day.as_deref().is_some_and(|v| v < d) {
                past.insert(i as u32);
            }
        }
    }
    let strong_e = sigs.iter().any(|s| {
        let f = &feats.fields[s.field];
        !f.reminder
            && match s.sk {
                Sk::Lex(Kind::Election) => s.weight >= 0.8,
                Sk::Lex(Kind::Event) | Sk::Lex(Kind::Role) => s.weight >= 0.8,
                Sk::Cand => s.strong && !s.what.is_some_and(CandWhat::is_symbol),
                _ => false,
            }
    });
    let explicit_e = sigs.iter().any(|s| {
        !feats.fields[s.field].reminder
            && match s.sk {
                Sk::Lex(Kind::Election) => s.weight >= 0.8,
                Sk::Lex(Kind::Event) | Sk::Lex(Kind::Role) => s.weight >= 0.8,
                Sk::Cand => matches!(s.what, Some(CandWhat::Hashtag) | Some(CandWhat::Slogan)),
                _ => false,
            }
    });
    let weak_e = strong_e || !in_season.is_empty() || sigs.iter().any(|s| s.is(Kind::Election));
    let season: BTreeSet<u32> = in_season.iter().map(|&e| e as u32).collect();
    // weak candidate references need corroboration: an election word, a
    // strong signal of the same ticket, its ballot number, or a different alias
    let election_word = sigs.iter().any(|o| o.is(Kind::Election) && o.weight >= 0.8);
    let elections_named: BTreeSet<u32> = sigs
        .iter()
        .filter(|o| o.sk == Sk::Elec)
        .filter_map(|o| o.election)
        .collect();
    let numbers_named: BTreeSet<u32> = sigs
        .iter()
        .filter(|o| o.sk == Sk::Num && o.contextual)
        .filter_map(|o| o.number)
        .collect();
    let words = |x: &Sig| -> String {
        let f = &feats.fields[x.field];
        f.tokens
            .get(x.first..=x.last)
            .unwrap_or(&[])
            .iter()
            .map(|t| t.lemma.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    // per ticket: how many strong signals, and up to two distinct alias words
    let mut per_ticket: rustc_hash::FxHashMap<u32, (usize, Vec<String>)> =
        rustc_hash::FxHashMap::default();
    for o in sigs.iter().filter(|o| o.sk == Sk::Cand) {
        let Some(t) = o.ticket else { continue };
        let e = per_ticket.entry(t).or_default();
        if o.strong {
            e.0 += 1;
        }
        if e.1.len() < 2 {
            let w = words(o);
            if !e.1.contains(&w) {
                e.1.push(w);
            }
        }
    }
    // campaign context near a weak name corroborates it ("kampanye akbar Pak
    // Helmi", "fotokopi KTP buat dukungan pak Azhari"), as does a hand sign
    // showing its ballot number
    let mut context_at: Vec<Vec<usize>> = vec![Vec::new(); feats.fields.len()];
    let mut gesture_numbers: BTreeSet<u32> = BTreeSet::new();
    for o in sigs {
        match o.sk {
            Sk::Lex(Kind::Campaign | Kind::Event | Kind::Collect | Kind::Role)
                if o.weight >= 0.8 =>
            {
                context_at[o.field].push(o.first);
            }
            Sk::Lex(Kind::Gesture) => {
                if let Some(n) = o.number {
                    gesture_numbers.insert(n);
                }
            }
            _ => {}
        }
    }
    for v in &mut context_at {
        v.sort_unstable();
    }
    let near_context = |s: &Sig| {
        let v = &context_at[s.field];
        let lo = s.first.saturating_sub(3 * WINDOW);
        let from = v.partition_point(|&p| p < lo);
        v.get(from).is_some_and(|&p| p <= s.last + 3 * WINDOW)
    };
    // a candidate's name said of someone the actor knows, with no word of
    // an election anywhere: "Bu Risma, wali kelas anakku", "adikku Risma"
    // (a mild campaign word or hand sign, "foto", 👍, is no election talk)
    let election_talk = explicit_e
        || sigs.iter().any(|o| {
            matches!(
                o.sk,
                Sk::Lex(Kind::Election | Kind::Participation | Kind::Neutrality)
            ) || (matches!(
                o.sk,
                Sk::Lex(Kind::Campaign | Kind::Event | Kind::Role | Kind::Collect | Kind::Gesture)
            ) && o.weight >= 0.8)
                || (o.sk == Sk::Num && o.contextual)
        });
    let someone_known = |s: &Sig| -> bool {
        if !matches!(s.what, Some(CandWhat::Name) | Some(CandWhat::Alias)) {
            return false;
        }
        // election talk keeps a strong name the candidate's; a weak one
        // beside a surname that is not the candidate's is still someone
        // else ("ananda Bintang Ramadhani, juara 2 ✌️")
        if election_talk && s.strong {
            return false;
        }
        let field = &feats.fields[s.field];
        let toks = &field.tokens;
        // one word of a name beside a capitalised word netral does not know
        // is another person's name: "Kahlil Gibran", "Rudolf Sihombing"
        let stranger = |k: usize| {
            toks.get(k).is_some_and(|t| {
                let raw = field.text.get(t.start..t.end).unwrap_or("");
                t.clause == s.clause
                    && t.kind == crate::text::TokenKind::Word
                    && t.flags & crate::text::flags::HASHTAG == 0
                    && raw.len() >= 3
                    && raw.starts_with(|c: char| c.is_ascii_uppercase())
                    && raw.chars().all(|c| c.is_ascii_alphabetic())
                    && (!c.lang.is_vocab(&t.lemma)
                        // amid election talk (a weak name only), a surname
                        // built on a word ("Ramadhani") is a surname too
                        || (election_talk && !c.lang.is_piece(&t.text)))
                    && !crate::classifier::is_honorific(&t.lemma)
            })
        };
        // one word of a name, a title before it or not ("Pak Anies Suryadi")
        let titled = s.first + 1 == s.last
            && toks
                .get(s.first)
                .is_some_and(|t| crate::classifier::is_honorific(&t.lemma));
        if (s.first == s.last || titled)
            && toks
                .get(s.last)
                .is_some_and(|t| t.flags & crate::text::flags::HASHTAG == 0)
            && ((s.first > 0 && !titled && stranger(s.first - 1)) || stranger(s.last + 1))
        {
            return true;
        }
        let near = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.clause == s.clause
                    && (PERSON_WORDS.contains(&t.lemma.as_str())
                        || PERSON_WORDS.contains(&t.text.as_str()))
            })
        };
        // (emoji between do not count: "Gibran sayang 🎂🎈 keponakan tante")
        let after: Vec<usize> = (s.last + 1..toks.len().min(s.last + 8))
            .filter(|&k| toks[k].kind != crate::text::TokenKind::Emoji)
            .take(3)
            .collect();
        !election_talk
            && ((s.first.saturating_sub(2)..s.first).any(near) || after.into_iter().any(near))
    };
    // a candidate's own campaign is under way (or the date is unknown)
    let season_ok = |e: u32| date.len() < 10 || season.contains(&e);
    // a name long before its election or well after it is a person, not a
    // candidate: the preacher years before he runs, the governor at work
    // (congratulations on the count or the swearing-in still speak to the
    // candidate: "selamat atas pelantikannya"; read only when needed)
    let congratulating = std::cell::OnceCell::new();
    let out_of_time = |s: &Sig| {
        s.election
            .and_then(|e| c.registry.elections().get(e as usize))
            .and_then(|e| e.days_from_vote(date))
            .is_some_and(|d| {
                !(-365..=400).contains(&d)
                    || d > 60
                        && !*congratulating.get_or_init(|| {
                            feats
                                .fields
                                .iter()
                                .any(|f| f.tokens.iter().any(|t| says(t, CONGRATULATE)))
                        })
            })
    };
    // where a vote verb ends, by field and token ("jan pilih", "coblos"):
    // the next token, or the one after a title, is its object
    let vote_ends: HashSet<(usize, usize)> = sigs
        .iter()
        .filter(|o| (o.is(Kind::Support) || o.is(Kind::Oppose)) && o.weight >= 0.8)
        .filter(|o| {
            feats.fields[o.field]
                .tokens
                .get(o.last)
                .is_some_and(|t| is_vote_verb(t) || t.lemma == "menangkan")
        })
        .map(|o| (o.field, o.last))
        .collect();
    let mut valid = vec![false; sigs.len()];
    let mut tentative = vec![false; sigs.len()];
    for (i, s) in sigs.iter().enumerate() {
        if !is_target(s) {
            continue;
        }
        if s.sk == Sk::Cand && (someone_known(s) || out_of_time(s)) {
            continue;
        }
        valid[i] = match s.sk {
            Sk::Cand if !s.strong => {
                // a generic election word corroborates only while that
                // candidate's own campaign is under way (or when the date is
                // unknown): "hari ini pemilu, semoga aman" is not ticket AMAN
                let elec = (election_word && s.election.is_none_or(season_ok))
                    || s.election.is_some_and(|e| elections_named.contains(&e));
                let same_ticket = s
                    .ticket
                    .and_then(|t| per_ticket.get(&t))
                    .is_some_and(|(strong, aliases)| *strong > 0 || aliases.len() > 1);
                let number = s
                    .number
                    .is_some_and(|n| numbers_named.contains(&n) || gesture_numbers.contains(&n));
                // a ticket acronym in capitals and disguised ("S3JUK") is
                // hidden on purpose: nobody disguises the weather
                let disguised_acronym = s.bent
                    && s.what == Some(CandWhat::TicketAlias)
                    && feats.fields[s.field]
                        .tokens
                        .get(s.first..=s.last)
                        .is_some_and(|ts| {
                            ts.iter().all(|t| {
                                let raw = feats.fields[s.field].text.get(t.start..t.end);
                                raw.is_some_and(|r| {
                                    r.chars().any(char::is_uppercase)
                                        && !r.chars().any(char::is_lowercase)
                                })
                            })
                        });
                // the object of a vote verb while its campaign is on: "jan
                // pilih Muflihun", "coblos Muflihun" ("dukung Budi" may be a
                // football match; voting is not)
                let voted = s.election.map_or(date.len() < 10, season_ok) && {
                    let f = &feats.fields[s.field];
                    (s.first > 0 && vote_ends.contains(&(s.field, s.first - 1)))
                        || (s.first > 1
                            && vote_ends.contains(&(s.field, s.first - 2))
                            && f.tokens
                                .get(s.first - 1)
                                .is_some_and(|t| crate::classifier::is_honorific(&t.lemma)))
                };
                let ok =
                    elec || same_ticket || number || near_context(s) || disguised_acronym || voted;
                tentative[i] =
                    !ok && date.len() >= 10 && s.election.is_some_and(|e| season.contains(&e));
                ok
            }
            _ => true,
        };
    }
    // per field: exactly one ticket or one number
    let mut unique = vec![false; feats.fields.len()];
    {
        let mut tickets: Vec<BTreeSet<u32>> = vec![BTreeSet::new(); feats.fields.len()];
        let mut numbers: Vec<BTreeSet<Option<u32>>> = vec![BTreeSet::new(); feats.fields.len()];
        for (i, s) in sigs.iter().enumerate() {
            if !valid[i] {
                continue;
            }
            match s.ticket {
                Some(t) if tickets[s.field].len() < 3 => {
                    tickets[s.field].insert(t);
                }
                None if numbers[s.field].len() < 3 => {
                    numbers[s.field].insert(s.number);
                }
                _ => {}
            }
        }
        for (u, (t, n)) in unique.iter_mut().zip(tickets.iter().zip(numbers.iter())) {
            *u = t.len() + n.len() == 1 || (t.len() == 1 && n.len() == 1);
        }
    }
    let any_election_word = sigs.iter().any(|s| {
        !feats.fields[s.field].reminder && (s.is(Kind::Election) || s.is(Kind::Participation))
    });
    let ctx = Ctx {
        past,
        any_election_word,
        n_tickets: &c.n_tickets,
        explicit_e,
        f: feats,
        profile: &c.profile,
        strong_e,
        weak_e,
        valid,
        unique,
        season,
        tentative,
    };

    let own_fields: Vec<usize> = feats
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.role != FieldRole::Target)
        .map(|(i, _)| i)
        .collect();
    let target_fields: Vec<usize> = feats
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.role == FieldRole::Target)
        .map(|(i, _)| i)
        .collect();
    let own = assess(&ctx, a.action, &own_fields);
    let tgt = if target_fields.is_empty() {
        Assessment::default()
    } else {
        assess(&ctx, a.action, &target_fields)
    };

    let tgt_has_event = sigs.iter().any(|s| {
        feats.fields[s.field].role == FieldRole::Target && (s.is(Kind::Event) || s.is(Kind::Invite))
    });
    let mut combined;
    let own_reminder = own_fields.iter().any(|&i| feats.fields[i].reminder) && !own.has_b();
    match a.action {
        Action::Upload => {
            combined = own;
            if combined.fired.is_empty() && !tgt.fired.is_empty() {
                combine_target(&mut combined, tgt, Action::Share);
            } else {
                merge_clear(&mut combined, tgt);
            }
        }
        Action::Follow => {
            // the account decides: a campaign account or group is B5
            let mut t = tgt;
            let campaign_account = t.fired.iter().any(|f| f.code.starts_with('B'));
            if campaign_account {
                let sigs_all: Vec<usize> = t.fired.iter().flat_map(|f| f.sigs.clone()).collect();
                let strength = t.fired.iter().map(|f| f.strength).fold(0.0, f32::max);
                t.fired.retain(|f| !f.code.starts_with('B'));
                t.fire("B5", sigs_all, strength, "follow");
            }
            combined = own;
            combine_target(&mut combined, t, Action::Follow);
        }
        Action::Like | Action::Share | Action::Comment => {
            combined = own;
            if own_reminder {
                merge_clear(&mut combined, tgt);
            } else {
                // free support words in a comment attach to the target's candidates
                let tgt_tickets: BTreeSet<u32> =
                    tgt.targets.iter().filter_map(|&t| sigs[t].ticket).collect();
                if matches!(a.action, Action::Comment | Action::Share)
                    && !tgt.targets.is_empty()
                    && tgt_tickets.len() <= 1
                    && !tgt.balanced
                    && !combined.free_support.is_empty()
                    && !combined.has_b()
                {
                    let mut s: Vec<usize> = combined
                        .free_support
                        .iter()
                        .copied()
                        .filter(|&i| !sigs[i].is(Kind::Invite) || tgt_has_event)
                        .filter(|&i| !sigs[i].implicit())
                        .collect();
                    let invite = s.iter().any(|&i| sigs[i].is(Kind::Invite));
                    let praise_only = s.iter().all(|&i| sigs[i].is(Kind::Praise));
                    // a vote verb ("siap menangkan", "coblos") speaks of the
                    // election, whether or not a campaign is under way
                    let winning = s.iter().any(|&i| {
                        let w = &sigs[i];
                        w.is(Kind::Support)
                            && ctx
                                .field_of(w)
                                .tokens
                                .get(w.first..=w.last)
                                .is_some_and(|ts| {
                                    ts.iter().any(|t| {
                                        matches!(t.lemma.as_str(), "menang" | "coblos" | "pilih")
                                    })
                                })
                    });
                    let target_news = target_fields.iter().any(|&f| feats.fields[f].news);
                    let opposing = s
                        .iter()
                        .any(|&i| sigs[i].is(Kind::Oppose) || sigs[i].negated);
                    let target_event = tgt_has_event;
                    s.extend(tgt.targets.iter().copied());
                    let code = if invite && target_event {
                        "B6"
                    } else if opposing {
                        "B2"
                    } else if !explicit_e && in_season.is_empty() && !winning {
                        // praise of an official at work, no election named and
                        // no campaign under way: "mantap pak, lanjutkan!"
                        "R1"
                    } else if praise_only && target_news {
                        // "mantap pak" under a news report: about what was
                        // reported as much as about the candidate
                        "R1"
                    } else {
                        "B1"
                    };
                    if s.iter().any(|&i| !is_target(&sigs[i])) {
                        combined.fire(code, s, 0.6, "comment_support");
                    }
                }
                combine_target(&mut combined, tgt, a.action);
            }
        }
    }
    let _ = target_decides;

    // profile: severities
    let mut out = Outcome {
        in_season,
        ..Outcome::default()
    };
    let mut fired = combined.fired;
    fired.sort_by_key(|f| rank(f.code));
    let mut verdict = VerdictKind::Clear;
    let mut kept = Vec::new();
    for f in fired {
        let v = match c.profile.severity(f.code) {
            Severity::Breach => VerdictKind::Breach,
            Severity::Review => VerdictKind::Review,
            Severity::Off => continue,
        };
        verdict = verdict.max(v);
        kept.push((v, f));
    }
    kept.sort_by_key(|(v, f)| (std::cmp::Reverse(*v), rank(f.code)));
    let mut strength: f32 = 0.0;
    for (v, f) in &kept {
        if *v == verdict {
            strength = strength.max(f.strength);
        }
    }
    let mut targets: BTreeSet<usize> = BTreeSet::new();
    for (_, f) in &kept {
        for &s in &f.sigs {
            if is_target(&sigs[s]) || sigs[s].what == Some(CandWhat::AgainstGesture) {
                targets.insert(s);
            }
        }
    }
    out.targets = targets.into_iter().collect();
    out.fired = kept.into_iter().map(|(_, f)| f).collect();

    // clear codes
    if out.fired.is_empty() || verdict == VerdictKind::Clear {
        if !combined.suppressed.is_empty() || combined.neutral_mention {
            out.clear.push(Fired {
                code: "C1",
                sigs: combined.suppressed.clone(),
                strength: 0.0,
                why: "neutrality",
            });
        } else if combined.balanced || !combined.participation.is_empty() {
            out.clear.push(Fired {
                code: "C2",
                sigs: combined.participation.clone(),
                strength: 0.0,
                why: "participation",
            });
        } else if !combined.everyday.is_empty() {
            out.clear.push(Fired {
                code: "C3",
                sigs: combined.everyday.clone(),
                strength: 0.0,
                why: "everyday",
            });
        }
    }
    if !a.actor.role.is_bound() {
        out.would_be = out.fired.iter().map(|f| f.code).collect();
        let mut ev: Vec<usize> = out.fired.iter().flat_map(|f| f.sigs.clone()).collect();
        ev.truncate(8);
        out.fired.clear();
        out.clear.insert(
            0,
            Fired {
                code: "C4",
                sigs: ev,
                strength: 0.0,
                why: "public",
            },
        );
        verdict = VerdictKind::Clear;
        strength = 0.0;
    }
    out.verdict = Some(verdict);
    out.strength = strength;
    out
}

fn merge_clear(into: &mut Assessment, other: Assessment) {
    into.suppressed.extend(other.suppressed);
    into.participation.extend(other.participation);
    into.everyday.extend(other.everyday);
    into.neutral_mention |= other.neutral_mention;
    into.balanced |= other.balanced;
}

/// Folds the target's assessment into the actor's, as the action implies.
fn combine_target(into: &mut Assessment, tgt: Assessment, action: Action) {
    let any_b = tgt.fired.iter().any(|f| f.code.starts_with('B'));
    let has_b3 = tgt.fired.iter().any(|f| matches!(f.code, "B3" | "B4"));
    for f in tgt.fired {
        let code: &'static str = match (action, f.code) {
            (Action::Follow, c) => c,
            (Action::Comment, c) if c.starts_with('B') => {
                if has_b3 {
                    "B3"
                } else {
                    "B1"
                }
            }
            (_, "B4") => "B3",
            (_, "B5") | (_, "B7") => "B1",
            (Action::Like, "B6") => "B1",
            (_, c) => c,
        };
        let why = if code.starts_with('B') {
            "target"
        } else {
            f.why
        };
        into.fire(code, f.sigs, f.strength * 0.95, why);
    }
    let _ = any_b;
    into.targets.extend(tgt.targets);
    into.suppressed.extend(tgt.suppressed);
    into.participation.extend(tgt.participation);
    into.everyday.extend(tgt.everyday);
    into.neutral_mention |= tgt.neutral_mention;
    into.balanced |= tgt.balanced;
}

fn assess(ctx: &Ctx, action: Action, fields: &[usize]) -> Assessment {
    let in_season = !ctx.season.is_empty();
    let sigs = &ctx.f.sigs;
    let mut out = Assessment::default();
    let mut in_unit = vec![false; ctx.f.fields.len()];
    for &f in fields {
        if let Some(x) = in_unit.get_mut(f) {
            *x = true;
        }
    }
    let unit: Vec<usize> = sigs
        .iter()
        .enumerate()
        .filter(|(_, s)| in_unit[s.field])
        .map(|(i, _)| i)
        .collect();
    if unit.is_empty() {
        return out;
    }
    let targets: Vec<usize> = unit.iter().copied().filter(|&i| ctx.valid[i]).collect();
    let live_targets: Vec<usize> = targets
        .iter()
        .copied()
        .filter(|&i| !ctx.suppressed(&sigs[i]))
        .collect();
    out.targets = live_targets.clone();
    let has = |k: Kind| {
        unit.iter()
            .any(|&i| sigs[i].is(k) && !ctx.suppressed(&sigs[i]))
    };
    let photo_words = unit
        .iter()
        .any(|&i| sigs[i].is(Kind::Attribute) && !ctx.suppressed(&sigs[i]))
        || fields
            .iter()
            .any(|&f| ctx.f.fields[f].role == FieldRole::Media);
    let index = ctx.index(&live_targets);
    let attached_to = |a: usize| -> Vec<usize> { ctx.attached_to(&index, a) };
    let mut acted_targets: BTreeSet<usize> = BTreeSet::new();
    let strength_of = |a: usize, ts: &[usize]| -> f32 {
        let mut s: f32 = 0.55 + 0.25 * sigs[a].weight;
        if ts.iter().any(|&t| sigs[t].strong && sigs[t].sk == Sk::Cand) {
            s += 0.15;
        }
        if sigs[a].bent || ts.iter().any(|&t| sigs[t].bent) {
            s -= 0.1;
        }
        s.clamp(0.0, 1.0)
    };
    let invite_present = has(Kind::Invite);
    let event_present = has(Kind::Event);
    let support_present = unit
        .iter()
        .any(|&i| sigs[i].is(Kind::Support) && !sigs[i].negated && !ctx.suppressed(&sigs[i]));
    let declare_present = has(Kind::Declare);

    for &ai in &unit {
        let s = &sigs[ai];
        let Sk::Lex(kind) = s.sk else { continue };
        let actish = matches!(
            kind,
            Kind::Support
                | Kind::Praise
                | Kind::Oppose
                | Kind::Campaign
                | Kind::Invite
                | Kind::Event
                | Kind::Collect
                | Kind::Role
                | Kind::Attribute
                | Kind::Gesture
        );
        if !actish {
            match kind {
                Kind::Participation => out.participation.push(ai),
                Kind::Everyday | Kind::Local => out.everyday.push(ai),
                _ => {}
            }
            continue;
        }
        if ctx.suppressed(s) {
            out.suppressed.push(ai);
            continue;
        }
        if kind == Kind::Gesture {
            continue; // handled below
        }
        if s.implicit() {
            // an implicit stance never attaches to a candidate, and
            // a call to vote around it does not make it neutral
            out.free_support.push(ai);
            continue;
        }
        if ctx.participation(s) && matches!(kind, Kind::Support | Kind::Invite) {
            out.participation.push(ai);
            continue;
        }
        let mut ts = attached_to(ai);
        {
            // a weak name of another election next to a strong name is a
            // place or a person ("Simpatisan Helmi-Mian Kec. Ratu Agung")
            let strong_elections: BTreeSet<u32> = ts
                .iter()
                .filter(|&&t| sigs[t].sk == Sk::Cand && sigs[t].strong)
                .filter_map(|&t| sigs[t].election)
                .collect();
            if !strong_elections.is_empty() {
                ts.retain(|&t| {
                    sigs[t].strong
                        || sigs[t].sk != Sk::Cand
                        || sigs[t]
                            .election
                            .is_none_or(|e| strong_elections.contains(&e))
                });
            }
            let tickets: BTreeSet<u32> = ts.iter().filter_map(|&t| sigs[t].ticket).collect();
            // ballot numbers too: "saksi paslon 1, 2 dan 3"
            let numbers: BTreeSet<u32> = ts.iter().filter_map(|&t| sigs[t].number).collect();
            if (tickets.len() >= 2 || numbers.len() >= 2)
                && matches!(
                    kind,
                    Kind::Support
                        | Kind::Praise
                        | Kind::Campaign
                        | Kind::Event
                        | Kind::Invite
                        | Kind::Role
                )
            {
                ts.clear();
                out.balanced = true;
                continue;
            }
        }
        if ts.is_empty() {
            if matches!(kind, Kind::Support | Kind::Praise | Kind::Oppose) || (kind == Kind::Invite)
            {
                out.free_support.push(ai);
            }
            continue;
        }
        let news = ctx.news(s);
        let mut ev = vec![ai];
        ev.extend(ts.iter().copied());
        let st = strength_of(ai, &ts);
        let code_why: Option<(&'static str, &'static str)> = match kind {
            Kind::Support if s.negated => Some(("B2", "negated_support")),
            // after the vote, support reports or congratulates ("selamat
            // Pramono menang, semoga amanah"): a human looks
            Kind::Support
                if !ts.is_empty()
                    && ts
                        .iter()
                        .all(|&t| sigs[t].election.is_some_and(|e| ctx.past.contains(&e))) =>
            {
                Some(("R1", "mention"))
            }
            Kind::Support => Some(("B1", "support")),
            Kind::Praise if s.negated => None,
            Kind::Praise => {
                // praise counts as support while that candidate's own
                // campaign is under way (or when an election is named)
                let season = ts.iter().any(|&t| match sigs[t].election {
                    Some(e) => ctx.season.contains(&e),
                    None => in_season,
                });
                // after the vote, praise is congratulation ("selamat …, semoga amanah")
                let voted = ts
                    .iter()
                    .all(|&t| sigs[t].election.is_some_and(|e| ctx.past.contains(&e)));
                if voted {
                    Some(("R1", "mention"))
                } else if ctx.explicit_e || season {
                    Some(("B1", "praise"))
                } else {
                    Some(("R1", "mention"))
                }
            }
            Kind::Oppose => Some(("B2", "oppose")),
            Kind::Campaign
                if s.weight < 0.8
                    && !ctx.explicit_e
                    && !(in_season && action != Action::Upload) =>
            {
                if action == Action::Upload {
                    None
                } else {
                    Some(("R1", "mention"))
                }
            }
            Kind::Campaign => Some(("B3", "campaign")),
            Kind::Invite => {
                // a cheer right beside a name: "Ayo Prabowo!", "RIDO gaskeun!"
                let cheer_word = s.first == s.last
                    && ctx
                        .field_of(s)
                        .tokens
                        .get(s.first)
                        .is_some_and(|t| matches!(t.lemma.as_str(), "ayo" | "ayok" | "mari"));
                let cheer = cheer_word
                    && ts.iter().any(|&t| {
                        let c = &sigs[t];
                        c.sk == Sk::Cand
                            && c.field == s.field
                            && (c.first == s.last + 1 || c.last + 1 == s.first)
                    });
                if event_present {
                    Some(("B6", "mobilise"))
                } else if support_present || cheer {
                    Some(("B1", "invite_vote"))
                } else {
                    None
                }
            }
            Kind::Event => {
                if invite_present {
                    Some(("B6", "mobilise"))
                } else if s.weight >= 0.8 {
                    Some(("B3", "event"))
                } else {
                    None
                }
            }
            Kind::Collect => Some(("B6", "collect")),
            Kind::Role => {
                if declare_present || action == Action::Upload || action == Action::Comment {
                    Some(("B7", "role"))
                } else {
                    Some(("B1", "support"))
                }
            }
            Kind::Attribute => {
                if s.weight >= 0.6 {
                    Some(("B4", "attribute"))
                } else {
                    Some(("P", "photo"))
                }
            }
            _ => None,
        };
        let Some((mut code, mut why)) = code_why else {
            continue;
        };
        // a bare ballot number with only a mild word and no explicit election
        // context is not enough for a breach: "3️⃣ pokoknya!"
        let only_numbers = ts.iter().all(|&t| sigs[t].sk == Sk::Num);
        if code == "B1"
            && only_numbers
            && !ctx.explicit_e
            && (kind == Kind::Praise || s.weight < 0.8)
        {
            code = "R3";
            why = "number_weak";
        }
        if code == "P" {
            // photo-only: resolved as a situation below, with the candidate
            // still a mention (marking it acted on would lose it)
            continue;
        }
        for &t in &ts {
            acted_targets.insert(t);
        }
        if news && code.starts_with('B') {
            out.fire("R1", ev, 0.5, "news");
        } else {
            out.fire(code, ev, st, why);
        }
    }

    // official hashtags, slogans, and ticket names used as hashtags
    let promo_tickets: BTreeSet<u32> = live_targets
        .iter()
        .filter(|&&ti| {
            let t = &sigs[ti];
            t.sk == Sk::Cand && matches!(t.what, Some(CandWhat::Hashtag) | Some(CandWhat::Slogan))
        })
        .filter_map(|&ti| sigs[ti].ticket)
        .take(3)
        .collect();
    for &ti in &live_targets {
        let t = &sigs[ti];
        if t.sk != Sk::Cand {
            continue;
        }
        let f = ctx.field_of(t);
        let in_tag = f.role == FieldRole::Tag
            || f.tokens[t.first..=t.last]
                .iter()
                .all(|k| k.has(crate::text::flags::HASHTAG));
        let promo = matches!(t.what, Some(CandWhat::Hashtag) | Some(CandWhat::Slogan))
            || (in_tag
                && matches!(t.what, Some(CandWhat::TicketAlias) | Some(CandWhat::Name))
                && t.strong);
        // after the vote a slogan is a memory of the campaign: a human looks
        let voted = t.election.is_some_and(|e| ctx.past.contains(&e));
        if promo && (t.quoted || promo_tickets.len() >= 2) {
            // a slogan in quotation marks is mentioned ("kalau ada yang kirim
            // 'Saatnya yang Muda Memimpin', jangan diteruskan"); slogans of
            // two tickets side by side are a list
            out.balanced |= promo_tickets.len() >= 2;
            continue;
        }
        if promo && !ctx.news(t) && !voted {
            out.fire("B1", vec![ti], if t.bent { 0.75 } else { 0.85 }, "hashtag");
            acted_targets.insert(ti);
        }
    }

    // a name with its own ballot number, in the actor's own words, while
    // that election is on: the formula of campaign messages ("Bu Risma
    // nomor 3 🙏", "RIDO nomor 1, gas!"), not of news about the draw
    for &ti in &live_targets {
        let t = &sigs[ti];
        if t.sk != Sk::Cand || acted_targets.contains(&ti) {
            continue;
        }
        let (Some(n), Some(e)) = (t.number, t.election) else {
            continue;
        };
        let f = ctx.field_of(t);
        let on = ctx.season.contains(&e) || (ctx.explicit_e && !ctx.past.contains(&e));
        if !on
            || f.local
            || f.reminder
            || ctx.news(t)
            || !matches!(f.role, FieldRole::Own | FieldRole::Tag)
            || !ctx.unique_ticket(t.field)
        {
            continue;
        }
        let paired = live_targets.iter().copied().find(|&ni| {
            let s = &sigs[ni];
            s.sk == Sk::Num
                && s.number == Some(n)
                && s.field == t.field
                && s.clause == t.clause
                && (s.first.saturating_sub(t.last) <= 3 || t.first.saturating_sub(s.last) <= 3)
        });
        if let Some(ni) = paired {
            out.fire(
                "B1",
                vec![ti, ni],
                if t.bent { 0.7 } else { 0.75 },
                "name_number",
            );
            acted_targets.insert(ti);
            acted_targets.insert(ni);
        }
    }

    // hand symbols
    let partisan_company = !live_targets.is_empty()
        || unit.iter().any(|&i| {
            (sigs[i].is(Kind::Role)
                || (sigs[i].is(Kind::Attribute) && sigs[i].weight >= 0.6)
                || sigs[i].is(Kind::Campaign))
                && !ctx.suppressed(&sigs[i])
        });
    // numbers of the named candidates (for a hand sign matching them all)
    let mut cand_numbers: BTreeSet<u32> = BTreeSet::new();
    let mut cand_no_number = false;
    for &t in &live_targets {
        if sigs[t].sk != Sk::Num {
            match sigs[t].number {
                Some(n) if cand_numbers.len() < 4 => {
                    cand_numbers.insert(n);
                }
                Some(_) => {}
                None => cand_no_number = true,
            }
        }
    }
    // a holiday or family scene: a bare hand-sign emoji in it is a pose (a
    // pose described in a photo is still looked at)
    let leisure = sigs
        .iter()
        .position(|s| s.is(Kind::Leisure) && !ctx.suppressed(s));
    // numbers said in their everyday sense ("juara 2", "antrean nomor 3")
    let everyday_numbers: BTreeSet<u32> = sigs
        .iter()
        .filter(|s| s.is(Kind::Everyday))
        .filter_map(|s| s.number)
        .collect();
    // hand signs of two ballot numbers or more in one field are a list ("jangan
    // pose ✌️☝️🤟"), not a choice
    let mut shown: Vec<BTreeSet<u32>> = vec![BTreeSet::new(); ctx.f.fields.len()];
    for &gi in &unit {
        let g = &sigs[gi];
        let sign = g.is(Kind::Gesture) || (g.sk == Sk::Cand && g.what == Some(CandWhat::Gesture));
        if let (true, Some(n), Some(set)) = (sign, g.number, shown.get_mut(g.field)) {
            if set.len() < 3 && !ctx.suppressed(g) {
                set.insert(n);
            }
        }
    }
    for &gi in &unit {
        let g = &sigs[gi];
        // a symbol made against a ticket: opposition once an election is
        // talked about, a symbol to look at during its campaign
        if g.sk == Sk::Cand && g.what == Some(CandWhat::AgainstGesture) {
            if ctx.suppressed(g) {
                out.suppressed.push(gi);
            } else if ctx.explicit_e || ctx.any_election_word {
                out.fire("B2", vec![gi], 0.75, "against_gesture");
            } else if g.election.is_some_and(|e| ctx.season.contains(&e)) || ctx.weak_e {
                out.fire("R3", vec![gi], 0.5, "gesture_weak");
            }
            continue;
        }
        let is_gesture =
            g.is(Kind::Gesture) || (g.sk == Sk::Cand && g.what == Some(CandWhat::Gesture));
        if !is_gesture || ctx.suppressed(g) {
            if is_gesture {
                out.suppressed.push(gi);
            }
            continue;
        }
        if g.number.is_some() && shown.get(g.field).is_some_and(|s| s.len() >= 2) {
            out.balanced = true;
            continue;
        }
        let in_media = ctx.field_of(g).role == FieldRole::Media;
        // a hand sign told in a news report is reported, not made
        if ctx.news(g) && !in_media {
            if !live_targets.is_empty() {
                out.fire("R1", vec![gi], 0.5, "news");
            } else if ctx.weak_e {
                out.fire("R3", vec![gi], 0.5, "gesture_weak");
            }
            continue;
        }
        let number = g.number;
        // a photo described as a holiday, a prayer lesson or a concert
        // shows a pose, unless everyone in it makes the same sign
        let leisure_photo = in_media
            && sigs
                .iter()
                .any(|s| s.is(Kind::Leisure) && s.field == g.field && !ctx.suppressed(s))
            && !ctx.field_of(g).tokens.iter().any(|t| {
                matches!(
                    t.lemma.as_str(),
                    "semua" | "semuanya" | "kompak" | "serempak" | "seluruh" | "seragam"
                )
            });
        // a hand-sign emoji that repeats a count of more to come beside it
        // ("satu lagi ☝️") or an OK ("oke 👌") says that, not a ballot
        // number (a number said and shown, "tetep 1 ☝️", is still looked at)
        let echo = g.first == g.last
            && live_targets.is_empty()
            && !ctx.explicit_e
            && number.is_some_and(|n| {
                let toks = &ctx.field_of(g).tokens;
                let near = |k: usize| toks.get(k).filter(|t| t.clause == g.clause);
                let counts = |k: usize| {
                    near(k).is_some_and(|t| {
                        let value = t
                            .number
                            .or_else(|| crate::text::number_word(&t.lemma).map(u64::from));
                        value == Some(u64::from(n))
                            && near(k + 1).is_some_and(|l| l.lemma == "lagi")
                            && !(k > 0
                                && (near(k - 1)
                                    .is_some_and(|p| crate::text::is_number_intro(&p.lemma))
                                    || sigs.iter().any(|s| {
                                        s.field == g.field
                                            && s.last + 1 == k
                                            && (s.is(Kind::Support) || s.is(Kind::Oppose))
                                    })))
                    })
                };
                let okay = g.first > 0
                    && near(g.first - 1).is_some_and(|t| {
                        matches!(
                            t.lemma.as_str(),
                            "oke" | "ok" | "oce" | "sip" | "siap" | "beres"
                        )
                    });
                (g.first.saturating_sub(2)..g.first).any(counts)
                    || (g.last + 1..=g.last + 2).any(counts)
                    || (okay && n == 3)
            });
        if g.sk != Sk::Cand
            && (number.is_some_and(|n| everyday_numbers.contains(&n))
                || echo
                || ctx.field_of(g).local
                || ((leisure_photo || (leisure.is_some() && !in_media))
                    && live_targets.is_empty()
                    && !ctx.explicit_e))
        {
            if let Some(l) = leisure {
                out.everyday.push(l);
            }
            // the hand sign echoes a rank or a queue number, belongs to a
            // school or neighbourhood vote, or is a holiday pose
            out.everyday.push(gi);
            continue;
        }
        let near: Vec<usize> = attached_to(gi);
        let matching: Vec<usize> = near
            .iter()
            .copied()
            .filter(|&t| {
                number.is_some()
                    && sigs[t].number == number
                    && (sigs[t].sk == Sk::Cand || sigs[t].sk == Sk::Num)
            })
            .collect();
        let code = if in_media || (photo_words && !live_targets.is_empty()) {
            "B4"
        } else {
            "B1"
        };
        if g.sk == Sk::Cand {
            // a registry gesture of a specific ticket
            let occasion = ctx.f.fields.iter().any(|f| f.local)
                || (leisure.is_some() && live_targets.is_empty());
            if matching.is_empty() && !ctx.explicit_e && occasion {
                // a pose on a school stage or a holiday photo
                out.everyday.push(gi);
            } else if in_media && matching.is_empty() && !ctx.strong_e {
                // a pose in a photo with no candidate, ballot number or
                // election word beside it (in the ticket's campaign or not):
                // weak context, a human looks
                out.fire("R3", vec![gi], 0.5, "gesture_weak");
            } else if ctx.strong_e || !matching.is_empty() || in_media {
                let mut ev = vec![gi];
                ev.extend(matching.iter().copied());
                out.fire(code, ev, 0.8, "gesture");
                acted_targets.extend(matching);
            } else if ctx.weak_e {
                out.fire("R3", vec![gi], 0.5, "gesture_weak");
            }
            continue;
        }
        if number.is_none() || g.weight < 0.5 {
            // thumbs-up and the like: only next to a named candidate, never a bare number
            let near: Vec<usize> = near
                .iter()
                .copied()
                .filter(|&t| sigs[t].sk == Sk::Cand)
                .collect();
            if !near.is_empty() && g.weight >= 0.4 {
                let mut ev = vec![gi];
                ev.extend(near.iter().copied());
                if in_media || photo_words {
                    out.fire("B4", ev, 0.7, "gesture");
                } else {
                    out.fire("B1", ev, 0.65, "gesture");
                }
                acted_targets.extend(near.iter().copied());
            } else if number.is_none() && g.weight >= 0.8 && in_media && ctx.weak_e {
                // a symbol of its own ("empat jari") posed in a photo while
                // an election is on: a human looks
                out.fire("R3", vec![gi], 0.5, "gesture_weak");
            }
            continue;
        }
        let only_numbers = matching.iter().all(|&t| sigs[t].sk == Sk::Num);
        if !matching.is_empty() && only_numbers && !ctx.explicit_e && !in_media {
            // a hand sign and a bare number, no election named: "Nomor 3 pokoknya 🤟"
            let mut ev = vec![gi];
            ev.extend(matching.iter().copied());
            out.fire("R3", ev, 0.5, "number_weak");
            acted_targets.extend(matching);
        } else if !matching.is_empty() {
            let mut ev = vec![gi];
            ev.extend(matching.iter().copied());
            out.fire(code, ev, 0.85, "gesture");
            acted_targets.extend(matching);
        } else if in_media && !partisan_company {
            // a hand sign in a photo with nobody of a campaign in it
            if ctx.weak_e {
                out.fire("R3", vec![gi], 0.5, "gesture_weak");
            }
        } else if ctx.explicit_e
            && cand_numbers.iter().all(|&n| Some(n) == number)
            && !cand_no_number
        {
            let st = if in_media { 0.75 } else { 0.7 };
            out.fire(code, vec![gi], st, "gesture_context");
        } else if !near.is_empty() && in_media {
            let mut ev = vec![gi];
            ev.extend(near.iter().copied());
            out.fire("B4", ev, 0.7, "gesture");
            acted_targets.extend(near.iter().copied());
        } else if ctx.weak_e {
            out.fire("R3", vec![gi], 0.5, "gesture_weak");
        } else {
            out.everyday.push(gi);
        }
    }

    // mentions without any act
    // a field about sport, a holiday or a family feast: "ayo menang!" under
    // a football club's post, "nomor urut 2 di babak penyisihan"
    let mut leisure_fields = vec![false; ctx.f.fields.len()];
    for s in sigs {
        if s.is(Kind::Leisure) && !ctx.suppressed(s) {
            if let Some(l) = leisure_fields.get_mut(s.field) {
                *l = true;
            }
        }
    }
    let leisure_in = |field: usize| leisure_fields.get(field).copied().unwrap_or(false);
    let unacted: Vec<usize> = live_targets
        .iter()
        .copied()
        .filter(|t| !acted_targets.contains(t))
        .collect();
    if !out.has_b() {
        let cand_mentions: Vec<usize> = unacted
            .iter()
            .copied()
            .filter(|&t| sigs[t].sk == Sk::Cand)
            .collect();
        let num_mentions: Vec<usize> = unacted
            .iter()
            .copied()
            .filter(|&t| sigs[t].sk == Sk::Num)
            .collect();
        // balanced: several tickets of one election, nothing favoured
        let mut tickets: BTreeSet<u32> = BTreeSet::new();
        let mut elections: BTreeSet<u32> = BTreeSet::new();
        for &t in &cand_mentions {
            if let (Some(tk), Some(e)) = (sigs[t].ticket, sigs[t].election) {
                tickets.insert(tk);
                elections.insert(e);
            }
        }
        let mut nums: BTreeSet<u32> = BTreeSet::new();
        for &t in &num_mentions {
            if let Some(n) = sigs[t].number {
                nums.insert(n);
            }
        }
        // every ticket, or three or more, of one election: a list, not a choice
        let all_of_election = elections
            .iter()
            .next()
            .and_then(|&e| ctx.tickets_in(e))
            .is_some_and(|n| tickets.len() >= n.clamp(2, 3));
        let balanced = (all_of_election && elections.len() == 1 && acted_targets.is_empty())
            || (nums.len() >= 2 && cand_mentions.is_empty() && acted_targets.is_empty());
        if balanced {
            out.balanced = true;
        } else if !cand_mentions.is_empty() {
            let media = cand_mentions
                .iter()
                .any(|&t| ctx.field_of(&sigs[t]).role == FieldRole::Media);
            let photo_only = unit.iter().any(|&i| {
                sigs[i].is(Kind::Attribute) && sigs[i].weight < 0.6 && !ctx.suppressed(&sigs[i])
            });
            let situation = if photo_only {
                Some(Situation::PhotoWithCandidate)
            } else if media && action == Action::Upload {
                Some(Situation::CandidatePhoto)
            } else {
                None
            };
            let mut ev = cand_mentions.clone();
            if photo_only {
                ev.extend(
                    unit.iter()
                        .copied()
                        .filter(|&i| sigs[i].is(Kind::Attribute)),
                );
            }
            match situation {
                Some(sit) => {
                    if let Some(code) = ctx_profile_situation(ctx, sit) {
                        let why = if photo_only {
                            "photo_with_candidate"
                        } else {
                            "candidate_photo"
                        };
                        out.fire(code, ev, 0.75, why);
                    }
                }
                None => out.fire("R1", ev, 0.5, "mention"),
            }
        } else if !num_mentions.is_empty()
            && ctx.weak_e
            && !num_mentions.iter().all(|&t| leisure_in(sigs[t].field))
        {
            let code = if ctx.strong_e { "R1" } else { "R3" };
            out.fire(code, num_mentions.clone(), 0.45, "number");
        }
        // free support or opposition in an election context, no identifiable target
        if !out.fired.iter().any(|f| f.code.starts_with('B')) && live_targets.is_empty() {
            let free: Vec<usize> = out
                .free_support
                .iter()
                .copied()
                .filter(|&i| {
                    let s = &sigs[i];
                    let f = ctx.field_of(s);
                    // an item of a list (of prohibitions, say) is not the actor's stance
                    let listed = f
                        .list_clause
                        .get(s.clause as usize)
                        .copied()
                        .unwrap_or(false)
                        && !f.own_voice.get(s.clause as usize).copied().unwrap_or(false);
                    !f.local
                        && (s.takes_side() || s.implicit())
                        && !ctx.news(s)
                        && !listed
                        && !leisure_in(s.field)
                })
                .collect();
            // an election idiom needs an election word too: "jangan salah pilih
            // jurusan" is about a study major, even during a campaign
            // (an answer under a question about the vote has its context)
            let context =
                ctx.explicit_e || ctx.any_election_word || free.iter().any(|&i| sigs[i].contextual);
            let implicit = free.iter().any(|&i| sigs[i].implicit());
            if !free.is_empty() && context && (out.participation.is_empty() || implicit) {
                out.fire("R2", free, 0.5, "untargeted");
            }
        }
    }
    // support for a name that may be a candidate, during that candidate's
    // campaign: a person should look ("dukung Helmi" in Bengkulu, 2024-11)
    if !out.has_b() && live_targets.is_empty() {
        let names: Vec<usize> = unit
            .iter()
            .copied()
            .filter(|&i| ctx.tentative[i] && !ctx.suppressed(&sigs[i]))
            .take(64)
            .collect();
        let mut hits: Vec<usize> = Vec::new();
        for &a in out.free_support.iter().take(64) {
            let s = &sigs[a];
            if !s.takes_side() || ctx.news(s) {
                continue;
            }
            for &n in &names {
                let t = &sigs[n];
                if t.field == s.field && t.clause == s.clause && t.first.abs_diff(s.first) <= WINDOW
                {
                    hits.push(a);
                    hits.push(n);
                }
            }
        }
        if !hits.is_empty() {
            out.fire("R1", hits, 0.45, "mention");
        }
    }
    // targets mentioned only inside neutral context
    if targets.iter().any(|&t| ctx.suppressed(&sigs[t])) {
        out.neutral_mention = true;
        out.suppressed.extend(
            targets
                .iter()
                .copied()
                .filter(|&t| ctx.suppressed(&sigs[t])),
        );
    }
    // a watchdog's work on a candidate's camp, with nothing about civil
    // servants or their duty to stay neutral ("Bawaslu periksa dugaan
    // bagi-bagi sembako oleh tim X"): news about that candidate (R1), not
    // a neutrality reminder; what the camp is accused of still fires nothing
    if out.fired.is_empty() && !out.suppressed.is_empty() {
        let cands: Vec<usize> = out
            .suppressed
            .iter()
            .copied()
            .filter(|&t| sigs[t].sk == Sk::Cand && sigs[t].strong)
            .collect();
        let words = |s: &Sig| {
            ctx.f.fields[s.field]
                .tokens
                .get(s.first..=s.last)
                .unwrap_or(&[])
                .iter()
                .all(|t| says(t, WATCHDOG))
        };
        let watchdog_only = sigs.iter().all(|s| {
            !(s.is(Kind::Civil) || s.is(Kind::Prohibition)) && (!s.is(Kind::Neutrality) || words(s))
        }) && sigs.iter().any(|s| s.is(Kind::Neutrality));
        if !cands.is_empty() && watchdog_only {
            let mut ev = cands;
            ev.extend(
                unit.iter()
                    .copied()
                    .filter(|&i| sigs[i].is(Kind::Neutrality))
                    .take(8),
            );
            out.fire("R1", ev, 0.45, "mention");
            out.suppressed.clear();
            out.neutral_mention = false;
        }
    }
    if !out.suppressed.is_empty() {
        // the neutrality words themselves are the evidence of a reminder
        for &i in &unit {
            if (sigs[i].is(Kind::Neutrality) || sigs[i].is(Kind::Prohibition))
                && out.suppressed.len() < 64
            {
                out.suppressed.push(i);
            }
        }
    }
    out
}

fn ctx_profile_situation(ctx: &Ctx, sit: Situation) -> Option<&'static str> {
    let code = ctx.profile.situation(sit)?;
    crate::profile::CODES.iter().find(|c| **c == code).copied()
}
