//! Signals extracted from every field of an activity.

use rustc_hash::FxHashSet as HashSet;

use crate::classifier::Classifier;
use crate::lexicon::Kind;
use crate::matcher::{CandWhat, Hit, Meaning};
use crate::model::{Action, Activity};
use crate::text::{analyze, flags, is_number_intro, Scratch, Token, TokenKind};

/// Where a field's words come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldRole {
    /// The actor's own words (`text`).
    Own,
    /// A hashtag given separately.
    Tag,
    /// A media description.
    Media,
    /// The content acted on (or the followed account).
    Target,
}

/// One analysed field.
#[derive(Debug)]
pub(crate) struct Field<'a> {
    pub label: String,
    pub text: &'a str,
    pub role: FieldRole,
    pub tokens: Vec<Token>,
    /// per clause: the clause is neutral (prohibition, neutrality, civil + negation)
    pub neutral_clause: Vec<bool>,
    /// per clause: starts with a contrast word (tapi, namun, …)
    pub contrast_clause: Vec<bool>,
    /// per clause: participation context
    pub participation_clause: Vec<bool>,
    /// per clause: reported speech or news
    pub news_clause: Vec<bool>,
    /// per clause: the actor speaks in their own voice (first person, or a bare imperative)
    pub own_voice: Vec<bool>,
    /// per clause: an item of a numbered or bulleted list
    pub list_clause: Vec<bool>,
    /// the whole field reads as a neutrality reminder
    pub reminder: bool,
    /// the whole field reads as a news report
    pub news: bool,
    /// the field speaks of an election that is not a public one (OSIS, RT)
    pub local: bool,
}

/// Signal kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sk {
    /// A candidate or ticket reference.
    Cand,
    /// A ballot number (contextual or bare).
    Num,
    /// A reference to an election by region or level.
    Elec,
    /// A lexicon word.
    Lex(Kind),
}

/// One signal with its span.
#[derive(Debug, Clone)]
pub(crate) struct Sig {
    pub field: usize,
    pub first: usize,
    pub last: usize,
    pub clause: u32,
    pub sk: Sk,
    pub weight: f32,
    pub ticket: Option<u32>,
    pub strong: bool,
    pub what: Option<CandWhat>,
    pub number: Option<u32>,
    pub election: Option<u32>,
    /// for numbers: introduced as a ballot number (`no 2`, `02`, keycap, after a support word)
    pub contextual: bool,
    /// support turned into opposition by negation
    pub negated: bool,
    /// the tokens were bent to match (leet, spaced, look-alikes, invisible characters)
    pub bent: bool,
    /// a slogan or hashtag inside quotation marks in the actor's own text:
    /// mentioned, not promoted
    pub quoted: bool,
}

/// Whether a token is one of `words`, as written or as its lexicon form.
pub(crate) fn says(t: &Token, words: &[&str]) -> bool {
    words.contains(&t.lemma.as_str()) || words.contains(&t.text.as_str())
}

/// Whether a token is a verb of voting: "pilih", "coblos", "contreng" in
/// any affixed form, and the nasal forms the stemmer keeps ("milih",
/// "nyoblos", "nyoblosnya", "nyontreng").
pub(crate) fn is_vote_verb(t: &Token) -> bool {
    matches!(t.lemma.as_str(), "pilih" | "coblos" | "contreng")
        || matches!(
            t.text.as_str(),
            "milih" | "nyoblos" | "nyoblosnya" | "nyontreng"
        )
}

/// Support weights below this mark an implicit stance (`lexicon/stance.txt`).
const IMPLICIT: f32 = 0.45;

impl Sig {
    /// A lexicon-kind signal over tokens `first..=last` of a field, with
    /// nothing else known of it (no ticket, number or election).
    pub fn lex(
        field: usize,
        first: usize,
        last: usize,
        clause: u32,
        kind: Kind,
        weight: f32,
    ) -> Sig {
        Sig {
            field,
            first,
            last,
            clause,
            sk: Sk::Lex(kind),
            weight,
            ticket: None,
            strong: true,
            what: None,
            number: None,
            election: None,
            contextual: false,
            negated: false,
            bent: false,
            quoted: false,
        }
    }

    pub fn is(&self, k: Kind) -> bool {
        self.sk == Sk::Lex(k)
    }

    /// An implicit stance ("jangan salah pilih"): never attached to a candidate.
    pub fn implicit(&self) -> bool {
        self.is(Kind::Support) && self.weight < IMPLICIT
    }

    /// Clear support or opposition, however expressed: a support word of
    /// weight 0.6 or more, an opposition word, or negated support.
    pub fn takes_side(&self) -> bool {
        self.is(Kind::Support) && self.weight >= 0.6 || self.is(Kind::Oppose) || self.negated
    }
}

/// Everything the rules need.
#[derive(Debug)]
pub(crate) struct Features<'a> {
    pub fields: Vec<Field<'a>>,
    pub sigs: Vec<Sig>,
}

const BENT: u16 = flags::LEET | flags::SPACED | flags::BENT | flags::INVISIBLE;

/// Verbs whose bare form is an imperative in the actor's own voice.
const IMPERATIVES: &[&str] = &[
    "coblos",
    "pilih",
    "dukung",
    "tolak",
    "menangkan",
    "kalahkan",
    "lanjutkan",
    "menang",
    "nyoblos",
    "milih",
];

/// The fields of an activity, in order: label, text, role, analysed as a hashtag.
fn raw_fields(a: &Activity) -> Vec<(String, &str, FieldRole, bool)> {
    let mut raw: Vec<(String, &str, FieldRole, bool)> = Vec::new();
    if let Some(t) = &a.text {
        raw.push(("text".into(), t.as_str(), FieldRole::Own, false));
    }
    if let Some(t) = &a.target {
        raw.push(("target".into(), t.as_str(), FieldRole::Target, false));
    }
    for (i, m) in a.media.iter().enumerate() {
        raw.push((format!("media[{i}]"), m.as_str(), FieldRole::Media, false));
    }
    for (i, h) in a.hashtags.iter().enumerate() {
        raw.push((format!("hashtags[{i}]"), h.as_str(), FieldRole::Tag, true));
    }
    raw
}

impl<'a> Field<'a> {
    fn new(label: String, text: &'a str, role: FieldRole, tokens: Vec<Token>) -> Self {
        let n_clauses = tokens.last().map_or(1, |t| t.clause as usize + 1);
        Field {
            label,
            text,
            role,
            tokens,
            neutral_clause: vec![false; n_clauses],
            contrast_clause: vec![false; n_clauses],
            participation_clause: vec![false; n_clauses],
            news_clause: vec![false; n_clauses],
            own_voice: vec![false; n_clauses],
            list_clause: vec![false; n_clauses],
            reminder: false,
            news: false,
            local: false,
        }
    }
}

/// The features of an activity the quick screen found quiet: its fields,
/// no tokens, no signals.
pub(crate) fn silent(a: &Activity) -> Features<'_> {
    let fields = raw_fields(a)
        .into_iter()
        .map(|(label, text, role, _)| Field::new(label, text, role, Vec::new()))
        .collect();
    Features {
        fields,
        sigs: Vec::new(),
    }
}

pub(crate) fn extract<'a>(c: &Classifier, a: &'a Activity) -> Features<'a> {
    let raw = raw_fields(a);
    let mut scratch = Scratch::default();
    let mut buf = Vec::new();
    let mut hits: Vec<Hit> = Vec::new();
    let mut fields = Vec::with_capacity(raw.len());
    let mut sigs = Vec::new();
    let max_ticket = c.max_ticket;
    for (fi, (label, text, role, tag)) in raw.into_iter().enumerate() {
        let tokens = if tag && !text.trim_start().starts_with('#') {
            // analyse as a hashtag; spans shift back past the added '#'
            let tagged = format!("#{text}");
            let mut t = analyze(&tagged, &c.lang, &mut scratch);
            for tok in &mut t {
                tok.start = tok.start.saturating_sub(1).min(text.len());
                tok.end = tok.end.saturating_sub(1).min(text.len());
                if !text.is_char_boundary(tok.start)
                    || !text.is_char_boundary(tok.end)
                    || tok.start > tok.end
                {
                    tok.start = 0;
                    tok.end = text.len();
                }
            }
            t
        } else {
            analyze(text, &c.lang, &mut scratch)
        };
        c.matcher.find(&tokens, &mut buf, &mut hits);
        let mut f = Field::new(label, text, role, tokens);
        let start = sigs.len();
        field_signals(c, fi, &f, &hits, &mut sigs);
        number_signals(fi, &f, &hits, max_ticket, &mut sigs);
        let mut own: Vec<Sig> = sigs.split_off(start);
        f.local = own.iter().any(|s| s.is(Kind::Local));
        voted_for_named(&f, &mut own);
        negation(&f, &mut own);
        clause_context(&mut f, &own);
        sigs.extend(own);
        fields.push(f);
    }
    // a school or neighbourhood election anywhere in the activity: its
    // ballot numbers, hand signs and cheers are about that election
    // — unless a field names a public election or a candidate: then its
    // numbers are that election's ("rapat RT … coblos 02 Luthfi-Yasin")
    if fields.iter().any(|f| f.local) {
        // an election word in the same clause as the local occasion is
        // that occasion's ("paslon nomor 2 … ketua OSIS")
        let local_clauses: HashSet<(usize, u32)> = sigs
            .iter()
            .filter(|s| s.is(Kind::Local))
            .map(|s| (s.field, s.clause))
            .collect();
        // words any vote uses ("paslon nomor 2", "surat suara") do not
        // name a public election; "pilkada", "cagub" or a region do
        let generic = |s: &Sig| {
            fields[s.field]
                .tokens
                .get(s.first..=s.last)
                .is_some_and(|ts| ts.iter().all(|t| GENERIC_VOTE.contains(&t.lemma.as_str())))
        };
        let mut public = vec![false; fields.len()];
        for s in &sigs {
            if (s.sk == Sk::Cand && s.strong)
                || (s.is(Kind::Election)
                    && s.weight >= 0.8
                    && !generic(s)
                    && !local_clauses.contains(&(s.field, s.clause)))
            {
                public[s.field] = true;
            }
        }
        for (f, p) in fields.iter_mut().zip(&public) {
            f.local = !p;
        }
        sigs.retain(|s| s.sk != Sk::Num || public[s.field]);
    }
    poll_answer(a, &fields, &mut sigs);
    hinted_choice(&fields, &mut sigs);
    empty_column(c, a, &fields, &mut sigs);
    Features { fields, sigs }
}

/// In an election with a single ticket the other choice on the ballot is
/// the empty column: "coblos kolom kosong" opposes that ticket. When the
/// activity names exactly one such election, or its date falls in the
/// campaign of exactly one, the empty-column words also stand for its
/// ticket (so the opposition has a target and the report names it).
fn empty_column(c: &Classifier, a: &Activity, fields: &[Field], sigs: &mut Vec<Sig>) {
    let empty = |s: &Sig| {
        s.is(Kind::Oppose)
            && fields[s.field]
                .tokens
                .get(s.first..=s.last)
                .is_some_and(|ts| {
                    ts.iter()
                        .any(|t| matches!(t.lemma.as_str(), "kolom" | "kotak"))
                        && ts.iter().any(|t| t.lemma == "kosong")
                })
    };
    // the bare words are also a blank on a form or an empty box: only a
    // vote for the empty column counts ("coblos kolom kosong", "menangkan
    // kotak kosong")
    let voted_for = |s: &Sig| {
        s.weight >= 1.0
            || sigs.iter().any(|v| {
                v.is(Kind::Support)
                    && v.field == s.field
                    && v.clause == s.clause
                    && v.last < s.first
                    && s.first - v.last <= 2
            })
    };
    let Some(at) = sigs.iter().position(|s| empty(s) && voted_for(s)) else {
        return;
    };
    let single: Vec<usize> = c
        .registry
        .elections()
        .iter()
        .enumerate()
        .filter(|(_, e)| e.tickets.len() == 1)
        .map(|(i, _)| i)
        .collect();
    if single.is_empty() {
        return;
    }
    let named: Vec<usize> = single
        .iter()
        .copied()
        .filter(|&e| {
            sigs.iter()
                .any(|s| s.sk == Sk::Elec && s.election == Some(e as u32))
        })
        .collect();
    let date = a.created_at.as_deref().unwrap_or("");
    let chosen = if named.is_empty() && date.len() >= 10 {
        single
            .iter()
            .copied()
            .filter(|&e| c.registry.elections()[e].in_season(date))
            .collect()
    } else {
        named
    };
    let [e] = chosen[..] else {
        return;
    };
    let Some(ti) = c.tickets.iter().position(|t| t.election == e) else {
        return;
    };
    // support for the empty column is opposition to the ticket
    // ("menangkan kotak kosong")
    let (field, clause, first) = (sigs[at].field, sigs[at].clause, sigs[at].first);
    for s in sigs.iter_mut() {
        if s.is(Kind::Support)
            && s.field == field
            && s.clause == clause
            && s.last < first
            && first - s.last <= 2
        {
            s.negated = true;
        }
    }
    let s = &sigs[at];
    let cand = Sig {
        sk: Sk::Cand,
        weight: 1.0,
        ticket: Some(ti as u32),
        strong: true,
        what: Some(CandWhat::TicketAlias),
        number: Some(c.tickets[ti].number),
        election: Some(e as u32),
        contextual: false,
        negated: false,
        quoted: false,
        ..*s
    };
    sigs.push(cand);
}

/// A comment under a question about the vote ("kalian pilih paslon nomor
/// berapa?") that opens with a bare number answers it: the number is a
/// ballot number ("2 aja udah paling bener").
fn poll_answer(a: &Activity, fields: &[Field], sigs: &mut Vec<Sig>) {
    if a.action != Action::Comment {
        return;
    }
    let Some(ti) = fields.iter().position(|f| f.role == FieldRole::Target) else {
        return;
    };
    let asks = fields[ti].text.contains('?')
        || fields[ti]
            .tokens
            .iter()
            .any(|t| matches!(t.lemma.as_str(), "jawab" | "komen" | "polling" | "vote"));
    let about_vote = sigs.iter().any(|s| {
        s.field == ti
            && (s.sk == Sk::Elec
                // a voting day counts ("kelen pilih siapa 14 Februari?")
                || (s.is(Kind::Election) && s.weight >= 0.6)
                || s.is(Kind::Participation))
    }) || fields[ti]
        .tokens
        .iter()
        // "sopo sing paling cocok mimpin Jatim?"
        .any(|t| matches!(t.lemma.as_str(), "pimpin" | "mimpin" | "memimpin"));
    if !(asks && about_vote) {
        return;
    }
    hinted_answer(fields, sigs);
    named_answer(fields, sigs);
    for s in sigs.iter_mut() {
        if s.sk == Sk::Num
            && !s.contextual
            && s.first <= 1
            && fields[s.field].role == FieldRole::Own
            && fields[s.field].tokens.len() <= 12
        {
            s.contextual = true;
            s.strong = true;
            s.weight = 1.0;
        }
    }
}

/// An answer to a question about the vote that opens with a candidate or
/// ticket ("Risma-Gus Hans dong, no debat 🔥"): naming one is choosing one,
/// read as a support word on the name. Answers that also speak of
/// neutrality, taking part or opposition are read as they are.
fn named_answer(fields: &[Field], sigs: &mut Vec<Sig>) {
    let Some(fi) = fields.iter().position(|f| f.role == FieldRole::Own) else {
        return;
    };
    let Some(name) = sigs.iter().find(|s| {
        s.field == fi
            && s.sk == Sk::Cand
            && s.first <= 1
            && !s.what.is_some_and(CandWhat::is_symbol)
    }) else {
        return;
    };
    // the answer is the name's own short sentence ("Aku Prabowo-Gibran lah,
    // lae. Tak usah pening …")
    let clause_len = fields[fi]
        .tokens
        .iter()
        .filter(|t| t.clause == name.clause)
        .count();
    if clause_len > 10 || asks_back(&fields[fi], name.clause) {
        return;
    }
    // (a negation in another sentence says nothing of the choice)
    let other = sigs.iter().any(|s| {
        s.field == fi
            && (s.is(Kind::Support)
                || s.is(Kind::Oppose)
                || (s.is(Kind::Negation) && s.clause == name.clause)
                || s.is(Kind::Participation)
                || s.is(Kind::Neutrality)
                || s.is(Kind::News))
    });
    if other {
        return;
    }
    let support = Sig {
        sk: Sk::Lex(Kind::Support),
        weight: 0.8,
        ticket: None,
        strong: true,
        what: None,
        number: None,
        election: None,
        contextual: true,
        ..*name
    };
    sigs.push(support);
}

/// Whether a clause of the actor's own words is itself a question ("Pak
/// Paulus itu nomor berapa e?"): asking back is no answer.
fn asks_back(f: &Field, clause: u32) -> bool {
    let toks: Vec<&Token> = f.tokens.iter().filter(|t| t.clause == clause).collect();
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return false;
    };
    // the clause's text up to the next token (its closing punctuation)
    let end = f
        .tokens
        .iter()
        .find(|t| t.start >= last.end && t.clause != clause)
        .map_or(f.text.len(), |t| t.start);
    f.text
        .get(first.start..end)
        .is_some_and(|s| s.contains('?'))
        || toks.iter().any(|t| {
            matches!(
                t.lemma.as_str(),
                "berapa"
                    | "brp"
                    | "siapa"
                    | "sapa"
                    | "sopo"
                    | "saha"
                    | "kapan"
                    | "gimana"
                    | "bagaimana"
                    | "kenapa"
                    | "mengapa"
                    | "apakah"
            )
        })
}

/// Taking part that names whom: a participation phrase ending in a vote
/// verb ("sudah nyoblos") right before a candidate or ballot number
/// ("sudah nyoblos Prabowo-Gibran", "sudah nyoblos 02") says whom the
/// actor voted for: the vote verb is support, the phrase no longer neutral.
fn voted_for_named(f: &Field, sigs: &mut Vec<Sig>) {
    // token-indexed: a candidate or ballot number starts here / a name ends here
    let n_tok = f.tokens.len();
    let mut named_at = vec![false; n_tok + 2];
    let mut cand_end = vec![false; n_tok + 1];
    for s in sigs.iter() {
        if s.sk == Sk::Cand || (s.sk == Sk::Num && s.contextual) {
            if let Some(x) = named_at.get_mut(s.first) {
                *x = true;
            }
        }
        if s.sk == Sk::Cand {
            if let Some(x) = cand_end.get_mut(s.last) {
                *x = true;
            }
        }
    }
    let next = |j: usize| named_at.get(j).copied().unwrap_or(false);
    let turned: Vec<bool> = sigs
        .iter()
        .map(|s| {
            // (a title or "nomor" may come between: "nyoblos Pak Luthfi", "nyoblos nomor 2")
            let bridge = f.tokens.get(s.last + 1).is_some_and(|t| {
                crate::classifier::is_honorific(&t.lemma) || is_number_intro(&t.lemma)
            });
            s.is(Kind::Participation)
                && f.tokens.get(s.last).is_some_and(is_vote_verb)
                && (next(s.last + 1) || (bridge && next(s.last + 2)))
        })
        .collect();
    if turned.iter().any(|&t| t) {
        let mut moved = Vec::new();
        let mut k = 0;
        sigs.retain(|s| {
            let keep = !turned[k];
            k += 1;
            if !keep {
                moved.push(s.clone());
            }
            keep
        });
        for s in moved.into_iter().rev() {
            sigs.push(Sig {
                first: s.last,
                sk: Sk::Lex(Kind::Support),
                weight: 1.0,
                ..s
            });
        }
    }
    // a candidate who comes is reported, nobody is invited: "Dedi Mulyadi
    // hadir di acara hajat lembur" (but "Bang Helmi datang, kita kumpul"
    // still invites with its "kumpul")
    sigs.retain(|s| {
        !(s.is(Kind::Invite)
            && s.first == s.last
            && s.first > 0
            && cand_end.get(s.first - 1).copied().unwrap_or(false)
            && f.tokens.get(s.first).is_some_and(|t| {
                matches!(
                    t.lemma.as_str(),
                    "hadir" | "datang" | "tiba" | "kunjung" | "berkunjung" | "hadiri"
                )
            }))
    });
}

/// Places and businesses named after a person: a candidate's name right
/// after one of them names the place or its owner.
const PLACE_WORDS: &[&str] = &[
    "kantin",
    "warung",
    "warteg",
    "toko",
    "kios",
    "bengkel",
    "salon",
    "laundry",
    "katering",
    "catering",
    "kedai",
    "depot",
    "rm",
    "resto",
    "restoran",
    "kafe",
    "cafe",
    "puskesmas",
    "pustu",
    "posyandu",
    "desa",
    "kelurahan",
    "dusun",
    "kampung",
    "jl",
    "gang",
    "gg",
    "pasar",
    "terminal",
    "stasiun",
    "masjid",
    "musala",
    "mushola",
    "musholla",
    "gereja",
    "pura",
    "vihara",
    "klenteng",
    "sdn",
    "smpn",
    "sman",
    "smkn",
    "mts",
    "ponpes",
    "pesantren",
    "yayasan",
    "klinik",
    "apotek",
    "rsud",
    "rsia",
    "perumahan",
    "komplek",
    "kompleks",
    "gedung",
    "stadion",
    "taman",
    "bandara",
    "pelabuhan",
    "universitas",
    "kampus",
    "koperasi",
    "panti",
    "asrama",
    "wisma",
    "hotel",
    "penginapan",
    "homestay",
    "lapangan",
    "alun",
    "gor",
    "aula",
    "balai",
];

/// Words for "I", "we" and "my heart" after "pilihan", across regions.
const PERSONAL: &[&str] = &[
    "kita", "hati", "ku", "saya", "aku", "gue", "gua", "gw", "kami", "sama", "ambo", "awak",
    "aden", "sayo", "beta", "katong", "ane", "abdi", "kula", "kulo", "sy", "aq",
];

/// Emoji that wink at something left unsaid.
const HINT_EMOJI: &[&str] = &["😉", "😏", "🤭", "🤫", "😜", "🙊"];

/// A choice described and winked at instead of named: "semoga pilihan kita
/// sama ya, yang peduli petani 😉", "aku wis ngerti arep milih sing endi,
/// ngerti dhewe to sopo". A vote word with a description of the person
/// ("pilih yang …", "milih sing …") or a personal choice ("pilihan kita",
/// "pilihan hati"), and a hint in the same stretch of text (a winking
/// emoji, "tau lah siapa"): an implicit support word on the vote word,
/// which the rules read as an untargeted stance (R2) in an election
/// context. Fields that name a candidate or number, or speak of taking
/// part, neutrality or news, are read as they are.
fn hinted_choice(fields: &[Field], sigs: &mut Vec<Sig>) {
    for (fi, f) in fields.iter().enumerate() {
        if f.role != FieldRole::Own || f.tokens.is_empty() {
            continue;
        }
        let quiet = !sigs.iter().any(|s| {
            s.field == fi
                && (matches!(s.sk, Sk::Cand | Sk::Num)
                    || s.is(Kind::Neutrality)
                    || s.is(Kind::News)
                    || s.is(Kind::Local)
                    || s.is(Kind::Everyday)
                    || (s.is(Kind::Support) && s.implicit()))
        });
        if !quiet {
            continue;
        }
        let toks = &f.tokens;
        let word = |k: usize, ws: &[&str]| toks.get(k).is_some_and(|t| says(t, ws));
        // "pilihan kita", "pilihanku", "pilihan ambo" (Minang), "pilihan beta"
        let personal = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.text.starts_with("pilihan")
                    && (t.text.len() > "pilihan".len() || word(k + 1, PERSONAL))
            })
        };
        // "tau lah siapa", "katong tau sapa"
        let knows_who = |k: usize| {
            word(k, &["tau", "tahu", "ngerti", "paham", "taulah", "tahulah"])
                && (k + 1..=k + 3).any(|j| word(j, &["siapa", "sopo", "saha", "sapa"]))
        };
        let Some(v) = (0..toks.len()).find(|&k| {
            let t = &toks[k];
            let vote = is_vote_verb(t) || t.text.starts_with("pilihan");
            let described = (k + 1..=k + 3).any(|j| word(j, RELATIVE));
            vote && (described
                || personal(k)
                || (k + 1..=k + 4).any(knows_who)
                || (k.saturating_sub(4)..k).any(knows_who))
        }) else {
            continue;
        };
        let near = v.saturating_sub(12)..(v + 16).min(toks.len());
        let hint = near.clone().find(|&k| {
            let t = &toks[k];
            (t.kind == TokenKind::Emoji && HINT_EMOJI.contains(&t.text.as_str()))
                || knows_who(k)
                // a personal choice said to be settled ("pilihan ambo alah bulek")
                || (personal(v)
                    && k > v
                    && k <= v + 4
                    && word(k, &["bulat", "bulek", "mantap", "fix", "final"]))
        });
        let Some(hint) = hint else {
            continue;
        };
        // taking part said before the wink covers the choice ("datang ke
        // TPS, pilih yang terbaik 😉"); after it, it is a separate remark
        // ("… 😉 Sampai jumpa di TPS 27 November")
        let upto = v.max(hint);
        if sigs
            .iter()
            .any(|s| s.field == fi && s.is(Kind::Participation) && s.first <= upto)
        {
            continue;
        }
        sigs.push(implicit_support(fi, v, toks[v].clause));
    }
}

/// Words that open a description of a person instead of a name: "yang",
/// and its regional forms (Javanese "sing", Sundanese "nu", Minang "nan").
const RELATIVE: &[&str] = &["yang", "yg", "sing", "seng", "nu", "nan", "nyang", "nang"];

/// An answer to a question about the vote that describes its choice
/// instead of naming it ("sing wedok iku lho", "yang pasti bukan yang itu
/// lagi"): a stance whose target cannot be identified (an implicit support
/// word on the description, which the rules read as R2). Answers that name
/// a candidate or number, or speak of taking part or of neutrality, are
/// read as they are.
fn hinted_answer(fields: &[Field], sigs: &mut Vec<Sig>) {
    let Some(fi) = fields.iter().position(|f| f.role == FieldRole::Own) else {
        return;
    };
    let f = &fields[fi];
    if f.tokens.is_empty() || f.tokens.len() > 24 {
        return;
    }
    let plain = !sigs.iter().any(|s| {
        s.field == fi
            && (matches!(s.sk, Sk::Cand | Sk::Num)
                || s.is(Kind::Support)
                || s.is(Kind::Oppose)
                || s.is(Kind::Participation)
                || s.is(Kind::Neutrality)
                || s.is(Kind::Local))
    });
    let Some(k) = f
        .tokens
        .iter()
        .position(|t| RELATIVE.contains(&t.lemma.as_str()) || RELATIVE.contains(&t.text.as_str()))
    else {
        return;
    };
    if !plain {
        return;
    }
    sigs.push(implicit_support(fi, k, f.tokens[k].clause));
}

/// An implicit support word on token `at`, set by a hinted or described
/// choice rather than the lexicon: the rules read it as an untargeted
/// stance (R2), its context given.
fn implicit_support(field: usize, at: usize, clause: u32) -> Sig {
    Sig {
        strong: false,
        contextual: true,
        ..Sig::lex(field, at, at, clause, Kind::Support, 0.4)
    }
}

fn field_signals(c: &Classifier, fi: usize, f: &Field, hits: &[Hit], out: &mut Vec<Sig>) {
    let mut quotes: Option<Vec<(usize, usize)>> = None;
    for h in hits {
        let toks = &f.tokens[h.first..=h.last];
        let clause = toks[0].clause;
        let bent = toks.iter().any(|t| t.flags & BENT != 0);
        let meanings = c.matcher.meanings(h.pattern);
        let everyday = meanings.iter().any(|m| {
            matches!(
                m,
                Meaning::Lex {
                    kind: Kind::Everyday,
                    ..
                }
            )
        });
        for m in meanings {
            let base = Sig {
                field: fi,
                first: h.first,
                last: h.last,
                clause,
                sk: Sk::Elec,
                weight: 1.0,
                ticket: None,
                strong: true,
                what: None,
                number: None,
                election: None,
                contextual: false,
                negated: false,
                bent,
                quoted: false,
            };
            match *m {
                Meaning::Lex {
                    kind,
                    weight,
                    number,
                } => {
                    if everyday && kind != Kind::Everyday {
                        continue;
                    }
                    // a stative ter- form of a vote verb ("terpilih", "tercoblos")
                    // names a result, not the actor's stance: election context
                    // unless wished for or warned against: "semoga Anies
                    // terpilih", "jangan sampai X terpilih"
                    let before = f
                        .tokens
                        .get(h.first.saturating_sub(5)..h.first)
                        .unwrap_or(&[]);
                    let wished = before.iter().any(|t| {
                        t.clause == toks[0].clause
                            && matches!(
                                t.lemma.as_str(),
                                "semoga"
                                    | "moga"
                                    | "mugi"
                                    | "mugo"
                                    | "mudahan"
                                    | "insyaallah"
                                    | "amin"
                                    | "aamiin"
                                    | "harus"
                                    | "wajib"
                                    | "jangan"
                            )
                    });
                    let stative = kind == Kind::Support
                        && h.first == h.last
                        && toks[0].text.starts_with("ter")
                        && !toks[0].lemma.starts_with("ter")
                        && !wished;
                    let (kind, weight) = if stative {
                        (Kind::Election, 0.6)
                    } else {
                        (kind, weight)
                    };
                    out.push(Sig {
                        sk: Sk::Lex(kind),
                        weight,
                        number,
                        ..base
                    });
                }
                Meaning::Cand {
                    ticket,
                    strong,
                    what,
                } => {
                    if everyday {
                        continue;
                    }
                    // a one-word official hashtag counts as one only when written
                    // as a hashtag: "#RIDO" is the ticket, "rido Allah" a blessing
                    // (the word's other meanings, a weak alias, still apply)
                    let tagged = f.role == FieldRole::Tag
                        || toks
                            .iter()
                            .all(|t| t.flags & crate::text::flags::HASHTAG != 0);
                    if what == CandWhat::Hashtag && !tagged && h.first == h.last {
                        continue;
                    }
                    // a ticket acronym that is an everyday word is the
                    // acronym only in capitals or as a hashtag: "SEJUK 02"
                    // is the ticket, "pilkada yang sejuk" a wish
                    if what == CandWhat::TicketAlias
                        && !strong
                        && !tagged
                        && toks.iter().any(|t| {
                            f.text
                                .get(t.start..t.end)
                                .is_some_and(|r| r.chars().any(char::is_lowercase))
                        })
                    {
                        continue;
                    }
                    // inside a longer hashtag, such an acronym counts only
                    // in capitals: "#BUMImenang" is the ticket, "#HariBumi"
                    // is Earth Day
                    if what == CandWhat::TicketAlias && !strong && tagged {
                        let joined = |k: Option<&Token>, before: bool| {
                            k.is_some_and(|t| {
                                t.has(flags::HASHTAG)
                                    && t.kind == TokenKind::Word
                                    && if before {
                                        t.end == toks[0].start
                                    } else {
                                        t.start == toks[toks.len() - 1].end
                                    }
                            })
                        };
                        let compound =
                            joined(h.first.checked_sub(1).and_then(|k| f.tokens.get(k)), true)
                                || joined(f.tokens.get(h.last + 1), false);
                        let capitals = toks.iter().all(|t| {
                            f.text.get(t.start..t.end).is_some_and(|r| {
                                r.chars().filter(|c| c.is_alphabetic()).count() >= 2
                                    && !r.chars().any(char::is_lowercase)
                            })
                        });
                        if compound && !capitals {
                            continue;
                        }
                    }
                    // a weak one-word name written in small letters that is
                    // an everyday word is the word: "tetap lestari",
                    // "masa depanmu bersinar" (unless a title comes before it)
                    if matches!(
                        what,
                        CandWhat::Name | CandWhat::Alias | CandWhat::TicketAlias
                    ) && !strong
                        && !tagged
                        && toks.len() == 1
                        && f.text
                            .get(toks[0].start..toks[0].end)
                            .is_some_and(|r| !r.chars().any(char::is_uppercase))
                        && c.lang.is_vocab(&toks[0].lemma)
                        && !h
                            .first
                            .checked_sub(1)
                            .and_then(|k| f.tokens.get(k))
                            .is_some_and(|t| crate::classifier::is_honorific(&t.lemma))
                    {
                        continue;
                    }
                    // a name after a place or a business is that place's
                    // name or its owner: "Puskesmas Ganjar Agung", "kantin
                    // Bu Khofifah", "Jl. Prabowo"
                    if matches!(what, CandWhat::Name | CandWhat::Alias) {
                        let before = |k: usize| k.checked_sub(1).and_then(|j| f.tokens.get(j));
                        let mut p = before(h.first);
                        if p.is_some_and(|t| crate::classifier::is_honorific(&t.lemma)) {
                            p = before(h.first - 1);
                        }
                        if p.is_some_and(|t| PLACE_WORDS.contains(&t.text.as_str())) {
                            continue;
                        }
                    }
                    // a person's name does not run across a comma or the end
                    // of a sentence ("sebelum fajar, Ramadhan tinggal seminggu")
                    if matches!(what, CandWhat::Name | CandWhat::Alias)
                        && toks.windows(2).any(|w| hard_gap(f.text, &w[0], &w[1]))
                    {
                        continue;
                    }
                    let quoted = matches!(what, CandWhat::Slogan | CandWhat::Hashtag)
                        && f.role == FieldRole::Own
                        && {
                            let q = quotes.get_or_insert_with(|| quoted_spans(f.text));
                            let (a, b) = (toks[0].start, toks[toks.len() - 1].end);
                            q.iter().any(|&(qa, qb)| a >= qa && b <= qb)
                        };
                    out.push(Sig {
                        sk: Sk::Cand,
                        ticket: Some(ticket),
                        quoted,
                        strong,
                        what: Some(what),
                        number: c.tickets.get(ticket as usize).map(|t| t.number),
                        election: c.tickets.get(ticket as usize).map(|t| t.election as u32),
                        ..base
                    });
                }
                Meaning::Election { election } => {
                    if everyday {
                        continue;
                    }
                    out.push(Sig {
                        sk: Sk::Elec,
                        election: Some(election),
                        ..base
                    });
                }
            }
        }
    }
}

/// Whether the text between two tokens ends a phrase: a comma, semicolon,
/// exclamation or question mark, a line break, or a full stop followed by a
/// space after a word of four letters or more (so "H. Helmi" and "Dr. Sri"
/// stay one name).
fn hard_gap(text: &str, a: &Token, b: &Token) -> bool {
    let Some(gap) = text.get(a.end..b.start) else {
        return false;
    };
    gap.chars()
        .any(|c| matches!(c, ',' | ';' | '!' | '?' | '\n' | '\r'))
        || (gap.starts_with('.') && gap.len() > 1 && a.end - a.start > 3)
}

/// Words after which a number counts something else (a polling station, a
/// floor, a time, a rank), never a ballot number.
const NOT_BALLOT_AFTER: &[&str] = &[
    // forms and documents: "formulir nomor 2", "soal no 3"
    "formulir",
    "form",
    "lampiran",
    "poin",
    "butir",
    "soal",
    "baris",
    "tabel",
    "gambar",
    "slide",
    "dokumen",
    "berkas",
    "loker",
    "rak",
    "tps",
    "rt",
    "rw",
    "loket",
    "ruang",
    "ruangan",
    "kamar",
    "lantai",
    "kelas",
    "blok",
    "gang",
    "gg",
    "jalur",
    "pos",
    "meja",
    "pintu",
    "gate",
    "halte",
    "lajur",
    "jalan",
    "jl",
    "kavling",
    "tahap",
    "sesi",
    "babak",
    "ronde",
    "juara",
    "peringkat",
    "ranking",
    "rangking",
    "ke",
    "hari",
    "minggu",
    "bulan",
    "jam",
    "pukul",
    "tanggal",
    "tgl",
    "angkatan",
    "batch",
    "part",
    "season",
    "vol",
    "episode",
    "seri",
    "gelombang",
    "zona",
    "sektor",
    "regu",
    "pleton",
    "grup",
    "kelompok",
    "dapil",
    "lomba",
    "antrian",
    "antrean",
    "rumah",
    "hp",
    "wa",
    "kloter",
    "shift",
    "bab",
    "pasal",
    "ayat",
    "halaman",
    "hal",
    "level",
    "tingkat",
    "semester",
    "umur",
    "usia",
    "skor",
    "stand",
    "stan",
    "booth",
    "lapak",
    "kios",
    "los",
    "gerai",
    "kupon",
    "undian",
    "tiket",
    "resi",
    "peserta",
    "registrasi",
    "pendaftaran",
    "induk",
];

/// Words after a number that make it a quantity, a date or a time.
const NOT_BALLOT_BEFORE: &[&str] = &[
    "jam", "menit", "detik", "hari", "minggu", "bulan", "tahun", "thn", "orang", "org", "persen",
    "kg", "km", "meter", "rb", "ribu", "ribuan", "ratus", "ratusan", "puluh", "puluhan", "belas",
    "belasan", "juta", "jt", "wib", "wita", "wit", "jan", "feb", "mar", "apr", "jun", "jul", "agu",
    "agt", "sep", "okt", "nov", "des", "kali", "x", "buah", "unit", "lembar", "porsi", "gelas",
    "botol", "liter", "anak", "cucu", "lantai", "kamar", "pcs", "set", "paket", "periode",
    "putaran", "besar", "terbaik", "teratas", "kelas",
];

fn number_signals(fi: usize, f: &Field, hits: &[Hit], max_ticket: u64, out: &mut Vec<Sig>) {
    let toks = &f.tokens;
    // tokens inside a lexicon or registry match are not bare numbers
    let mut covered = vec![false; toks.len()];
    for h in hits {
        for c in covered.iter_mut().take(h.last + 1).skip(h.first) {
            *c = true;
        }
    }
    // support/oppose words right before a number make it a ballot number
    let lex_at: Vec<Option<Kind>> = {
        let mut v = vec![None; toks.len()];
        for s in out.iter().filter(|s| s.field == fi) {
            if let Sk::Lex(k) = s.sk {
                if s.last < v.len() {
                    v[s.last] = Some(k);
                }
            }
        }
        v
    };
    // ballot numbers read so far, by token: a number listed right after one
    // is one too ("nomor 1 dan 2", "paslon 1, 2 dan 3")
    let mut ballot_at = vec![false; toks.len()];
    for (i, t) in toks.iter().enumerate() {
        let value = match t.kind {
            TokenKind::Number => t.number,
            TokenKind::Word => {
                // number words after an introducer: "nomor dua", "paslon satu"
                // the word itself, not a derived one: "ketiga" is an ordinal
                let w = crate::text::number_word(&t.text).map(u64::from);
                match w {
                    Some(n)
                        if i > 0
                            && is_number_intro(&toks[i - 1].lemma)
                            && toks[i - 1].lemma != "salam" =>
                    {
                        Some(n)
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        let Some(v) = value else { continue };
        if v == 0 || v > max_ticket.max(1) {
            continue;
        }
        // times, dates, scores and ranges: "08.00", "2-0", "24–26", "1/2"
        let joined = |a: &Token, b: &Token| {
            a.kind == TokenKind::Number
                && b.kind == TokenKind::Number
                && f.text.get(a.end..b.start).is_some_and(|g| {
                    // a comma or a full stop joins only without a space:
                    // "58,6" is one number, "02, 14 Februari" two
                    matches!(g.trim(), "-" | "–" | "—" | ":" | "/" | "x") || matches!(g, "." | ",")
                })
        };
        if (i > 0 && joined(&toks[i - 1], t)) || toks.get(i + 1).is_some_and(|n| joined(t, n)) {
            continue;
        }
        // a letter glued to the digits is a grade or a code: "S2", "D3", "K3"
        if i > 0
            && toks[i - 1].end == t.start
            && toks[i - 1].kind == TokenKind::Word
            && toks[i - 1].text.chars().count() == 1
            && !toks[i - 1].has(flags::HASHTAG)
        {
            continue;
        }
        // "juara 2", "antrean nomor 2": a rank or a queue, said in its everyday sense
        let after_word = |d: usize| {
            i >= d
                && toks[i - d].clause == t.clause
                && NOT_BALLOT_AFTER.contains(&toks[i - d].lemma.as_str())
        };
        if after_word(1) || (after_word(2) && is_number_intro(&toks[i - 1].lemma)) {
            let from = if after_word(1) { i - 1 } else { i - 2 };
            out.push(Sig {
                field: fi,
                first: from,
                last: i,
                clause: t.clause,
                sk: Sk::Lex(Kind::Everyday),
                weight: 1.0,
                ticket: None,
                strong: false,
                what: None,
                number: Some(v as u32),
                election: None,
                contextual: false,
                negated: false,
                bent: false,
                quoted: false,
            });
            continue;
        }
        if toks.get(i + 1).is_some_and(|n| {
            n.clause == t.clause
                && (NOT_BALLOT_BEFORE.contains(&n.lemma.as_str())
                    || crate::text::MONTHS.contains(&n.lemma.as_str()))
        }) {
            continue;
        }
        if covered[i] && t.kind == TokenKind::Number {
            continue;
        }
        let prev_intro = (1..=2).any(|d| {
            i >= d && toks[i - d].clause == t.clause && {
                let p = &toks[i - d];
                is_number_intro(&p.lemma)
                    || matches!(lex_at[i - d], Some(Kind::Support) | Some(Kind::Oppose))
                    || (p.lemma == "kosong" && d == 1)
            }
        });
        let next_jari = toks.get(i + 1).is_some_and(|n| n.lemma == "jari");
        let listed = t.kind == TokenKind::Number
            && ((i >= 1
                && ballot_at[i - 1]
                && f.text
                    .get(toks[i - 1].end..t.start)
                    .is_some_and(|g| g.trim() == ","))
                || (i >= 2
                    && ballot_at[i - 2]
                    && matches!(toks[i - 1].lemma.as_str(), "dan" | "atau")));
        let contextual = t.has(flags::LEADING_ZERO)
            || t.has(flags::KEYCAP)
            || t.has(flags::HASHTAG)
            || prev_intro
            || next_jari
            || listed;
        if contextual {
            ballot_at[i] = true;
        }
        out.push(Sig {
            field: fi,
            first: i,
            last: i,
            clause: t.clause,
            sk: Sk::Num,
            weight: if contextual { 1.0 } else { 0.4 },
            ticket: None,
            strong: contextual,
            what: None,
            number: Some(v as u32),
            election: None,
            contextual,
            negated: false,
            bent: t.flags & BENT != 0,
            quoted: false,
        });
    }
}

/// Words of seeing or having: a negation before them says something is absent.
const PRESENCE: &[&str] = &[
    "ada",
    "tampak",
    "terlihat",
    "nampak",
    "kelihatan",
    "memakai",
    "pakai",
    "mengenakan",
    "menunjukkan",
    "membawa",
    "terdapat",
    "muncul",
    // posing and showing: "tidak berpose simbol tangan", "tanpa mengacungkan jari"
    "pose",
    "berpose",
    "bergaya",
    "acung",
    "mengacungkan",
    "angkat",
    "mengangkat",
    "pegang",
    "memegang",
    "pasang",
    "memasang",
    "pake",
    "kenakan",
    "bawa",
    "tunjuk",
    "menampilkan",
    "melakukan",
];

/// Negation scope. Support within three tokens after a negation becomes
/// opposition ("jangan pilih X"). Anything else right after a negation, or
/// after "tidak tampak / tidak ada" within the clause, is absent ("tidak
/// tampak calon maupun atribut") and is dropped.
fn negation(f: &Field, sigs: &mut Vec<Sig>) {
    let n_tok = f.tokens.len();
    // token-indexed: a negation ends here / a support word starts here
    let mut neg_end = vec![false; n_tok];
    let mut support_at = vec![false; n_tok];
    let mut any_neg = false;
    // "jangan sampai" / "tidak boleh" right before a name, with a support
    // word right after it: "jangan sampai Anies menang" is opposition
    let negative_start = |s: &Sig| {
        f.tokens.get(s.first).is_some_and(|t| {
            matches!(
                t.lemma.as_str(),
                "jangan" | "tidak" | "tak" | "gak" | "nggak" | "ndak" | "ga"
            )
        })
    };
    let mut proh_end = vec![false; n_tok];
    for s in sigs.iter() {
        if s.is(Kind::Negation) && s.last < n_tok {
            neg_end[s.last] = true;
            any_neg = true;
        }
        if s.is(Kind::Prohibition) && s.last < n_tok && negative_start(s) {
            proh_end[s.last] = true;
            any_neg = true;
        }
        if (s.is(Kind::Support) || s.is(Kind::Oppose) || s.is(Kind::Praise)) && s.first < n_tok {
            support_at[s.first] = true;
        }
    }
    if !any_neg {
        return;
    }
    let mut flip_at = vec![false; n_tok + 1];
    for c in sigs.iter() {
        if matches!(c.sk, Sk::Cand | Sk::Num)
            && c.first > 0
            && c.last < n_tok
            && proh_end.get(c.first - 1).copied().unwrap_or(false)
        {
            flip_at[c.last + 1] = true;
        }
    }
    let clause_of = |i: usize| f.tokens.get(i).map(|t| t.clause);
    let mut drop = vec![false; sigs.len()];
    let mut rejected: Vec<(usize, usize)> = Vec::new();
    for (k, s) in sigs.iter_mut().enumerate() {
        let first = s.first.min(n_tok);
        if s.is(Kind::Support) || s.is(Kind::Praise) {
            // a negation ending at most three tokens before
            if (first.saturating_sub(3)..first)
                .any(|n| neg_end[n] && clause_of(n) == Some(s.clause))
                || flip_at.get(first).copied().unwrap_or(false)
            {
                s.negated = true;
            }
            continue;
        }
        let droppable = matches!(
            s.sk,
            Sk::Cand
                | Sk::Num
                | Sk::Lex(Kind::Attribute)
                | Sk::Lex(Kind::Campaign)
                | Sk::Lex(Kind::Role)
                | Sk::Lex(Kind::Election)
                | Sk::Lex(Kind::Gesture)
                | Sk::Lex(Kind::Event)
        );
        if !droppable {
            continue;
        }
        // negations ending within seven tokens before; the nearest first
        let mut support_between = false;
        for n in (first.saturating_sub(7)..first).rev() {
            if support_at.get(n + 1).copied().unwrap_or(false) && n + 1 < first {
                support_between = true;
            }
            if !neg_end[n] || clause_of(n) != Some(s.clause) || support_between {
                continue;
            }
            let presence = f.tokens.get(n + 1).is_some_and(|t| says(t, PRESENCE));
            // "tanpa simbol tangan atau atribut": the negation covers a
            // coordinated word too
            let coordinated = first - n <= 6
                && first > 0
                && f.tokens.get(first - 1).is_some_and(|t| {
                    // (the text: "maupun" would read as "mau" + "-pun")
                    matches!(
                        t.text.as_str(),
                        "atau" | "dan" | "maupun" | "ataupun" | "serta"
                    )
                });
            // (a hashtag is said on its own: "… gak ada perubahan #Pilkada2024")
            let tagged = f.tokens.get(first).is_some_and(|t| t.has(flags::HASHTAG))
                && !f.tokens.get(n).is_some_and(|t| t.has(flags::HASHTAG));
            if tagged {
                continue;
            }
            // what is absent is what follows the word of having: "tidak
            // tampak calon maupun atribut", not the rest of the sentence
            // (a row of emoji counts as one: "jangan pose ✌️☝️🤟")
            let between = f
                .tokens
                .get(n + 1..first)
                .unwrap_or(&[])
                .iter()
                .filter(|t| t.kind != TokenKind::Emoji)
                .count();
            // "yang penting bukan 02": a ballot number written as one
            // (a leading zero), right after "bukan", is rejected, not absent
            if between == 0
                && s.sk == Sk::Num
                && s.contextual
                && f.tokens
                    .get(first)
                    .is_some_and(|t| t.has(flags::LEADING_ZERO))
                && f.tokens.get(n).is_some_and(|t| t.lemma == "bukan")
            {
                rejected.push((s.field, n));
                break;
            }
            if between == 0 || (presence && between <= 2) || coordinated {
                drop[k] = true;
                break;
            }
        }
    }
    let mut k = 0;
    sigs.retain(|_| {
        let keep = !drop[k];
        k += 1;
        keep
    });
    for (field, n) in rejected {
        if let Some(t) = f.tokens.get(n) {
            sigs.push(Sig::lex(field, n, n, t.clause, Kind::Oppose, 0.8));
        }
    }
}

fn clause_context(f: &mut Field, sigs: &[Sig]) {
    let n = f.neutral_clause.len();
    let mut neutral_cues = 0usize;
    let mut prohibition = false;
    let mut civil = false;
    let mut news_cues = 0usize;
    let mut civil_clause = vec![false; n];
    let mut neg_clause = vec![false; n];
    let field_civil = sigs
        .iter()
        .any(|s| s.is(Kind::Civil) || s.is(Kind::Neutrality));
    for s in sigs {
        let cl = (s.clause as usize).min(n.saturating_sub(1));
        match s.sk {
            Sk::Lex(Kind::Prohibition) if !field_civil => {}
            Sk::Lex(Kind::Prohibition) => {
                f.neutral_clause[cl] = true;
                prohibition = true;
                neutral_cues += 1;
            }
            Sk::Lex(Kind::Neutrality) => {
                f.neutral_clause[cl] = true;
                neutral_cues += 1;
            }
            // "kantor lurah", "rumah pak camat": a place, not the people
            Sk::Lex(Kind::Civil)
                if s.first > 0
                    && f.tokens.get(s.first - 1).is_some_and(|t| {
                        matches!(
                            t.lemma.as_str(),
                            "kantor" | "balai" | "rumah" | "ruang" | "ruangan"
                        )
                    }) => {}
            Sk::Lex(Kind::Civil) => {
                civil_clause[cl] = true;
                civil = true;
            }
            Sk::Lex(Kind::Negation)
                if f.tokens.get(s.first).is_some_and(|t| t.lemma == "jangan") =>
            {
                neg_clause[cl] = true;
            }
            Sk::Lex(Kind::Participation) => f.participation_clause[cl] = true,
            Sk::Lex(Kind::News) => {
                f.news_clause[cl] = true;
                news_cues += 1;
            }
            _ => {}
        }
    }
    for i in 0..n {
        if civil_clause[i] && neg_clause[i] {
            f.neutral_clause[i] = true;
        }
    }
    // own voice: first person, or a support/oppose word in its bare (imperative) form;
    // words in quotation marks are mentioned, not said ("jangan nulis 'coblos 02'")
    let mut quotes: Option<Vec<(usize, usize)>> = None;
    for s in sigs {
        let cl = (s.clause as usize).min(n.saturating_sub(1));
        if !matches!(
            s.sk,
            Sk::Lex(Kind::Declare) | Sk::Lex(Kind::Support) | Sk::Lex(Kind::Oppose)
        ) {
            continue;
        }
        if let Some(t) = f.tokens.get(s.first) {
            let quotes = quotes.get_or_insert_with(|| quoted_spans(f.text));
            if quotes.iter().any(|&(a, b)| t.start >= a && t.end <= b) {
                continue;
            }
        }
        // an imperative: the bare verb, or with -lah / colloquial -in
        let imperative = f
            .tokens
            .get(s.first..=s.last)
            .unwrap_or(&[])
            .iter()
            .any(|t| {
                IMPERATIVES.contains(&t.lemma.as_str())
                    && (!t.has(flags::STEMMED)
                        || t.text.ends_with("lah")
                        || t.text.ends_with("in")
                        || t.text.ends_with("kan"))
            });
        let voice = match s.sk {
            Sk::Lex(Kind::Declare) => s.weight >= 0.8,
            Sk::Lex(Kind::Support) | Sk::Lex(Kind::Oppose) => imperative,
            _ => false,
        };
        if voice {
            f.own_voice[cl] = true;
        }
    }
    // list items: "1. …", "2) …", "a. …", "- …"
    let mut prev_clause = u32::MAX;
    for (i, t) in f.tokens.iter().enumerate() {
        if t.clause == prev_clause {
            continue;
        }
        prev_clause = t.clause;
        let cl = (t.clause as usize).min(n.saturating_sub(1));
        let before = if i == 0 {
            f.text.get(..t.start)
        } else {
            f.text.get(f.tokens[i - 1].end..t.start)
        };
        let bullet =
            before.is_some_and(|g| g.contains('\n') && g.trim().starts_with(['-', '•', '*', '–']));
        let numbered = (t.kind == TokenKind::Number
            || (t.text.len() == 1 && t.kind == TokenKind::Word))
            && f.text
                .get(t.end..)
                .is_some_and(|r| r.starts_with('.') || r.starts_with(')'));
        if bullet || numbered {
            f.list_clause[cl] = true;
            // the item's own clause starts after the marker
            if numbered && cl + 1 < n {
                f.list_clause[cl + 1] = true;
            }
        }
    }
    for t in &f.tokens {
        let cl = (t.clause as usize).min(n.saturating_sub(1));
        if matches!(
            t.lemma.as_str(),
            "tapi"
                | "tetapi"
                | "namun"
                | "walau"
                | "walaupun"
                | "meski"
                | "meskipun"
                | "padahal"
                | "biarpun"
        ) {
            f.contrast_clause[cl] = true;
        }
    }
    f.reminder = neutral_cues >= 2
        || (prohibition && civil)
        || (neutral_cues >= 1 && civil && f.tokens.len() > 12);
    // a dateline opens a news text, unless the "place" is a name of the
    // registry ("PRABOWO - GIBRAN …")
    let dated = f.role != FieldRole::Tag
        && dateline(f.text).is_some_and(|end| {
            !sigs
                .iter()
                .any(|s| s.sk == Sk::Cand && f.tokens.get(s.first).is_some_and(|t| t.start < end))
        });
    f.news = news_cues >= 2
        || sigs.iter().any(|s| s.is(Kind::News) && s.last > s.first)
        || headline(f)
        || dated;
}

/// Whether a shared or liked post opens like a news item: a short label
/// ending in a colon that names a news source or format ("Berita: …",
/// "Lintang Pos: …", "Video viral: …", "Profil calon …: …").
fn headline(f: &Field) -> bool {
    const SOURCES: &[&str] = &[
        "berita",
        "debat",
        "pos",
        "post",
        "news",
        "viral",
        "profil",
        "breaking",
        "tribun",
        "kompas",
        "detik",
        "kumparan",
        "times",
        "tv",
        "koran",
        "harian",
        "warta",
        "antara",
        "tempo",
        "cnn",
        "liputan",
        "okezone",
        "republika",
        "sindonews",
        "inews",
        "metro",
        "radar",
        "ekspres",
    ];
    if f.role != FieldRole::Target {
        return false;
    }
    let Some(colon) = f.text.get(..f.text.len().min(80)).and_then(|h| h.find(':')) else {
        return false;
    };
    // the label ends before the colon and is the first sentence
    f.tokens
        .iter()
        .take_while(|t| t.end <= colon)
        .take(8)
        .any(|t| SOURCES.contains(&t.lemma.as_str()))
}

/// Where the place of a news dateline ends, if a long text opens with one:
/// a place in capitals and a dash ("PALEMBANG - ", "BANDAR LAMPUNG,
/// KOMPAS.com – ").
fn dateline(text: &str) -> Option<usize> {
    if text.len() < 200 {
        return None;
    }
    let head = text.get(..text.len().min(48)).unwrap_or_else(|| {
        let mut end = text.len().min(48);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        &text[..end]
    });
    let (place, _) = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (&head[..i], i)))
        .min_by_key(|&(_, i)| i)?;
    // the place before any comma (the outlet's name may follow it)
    let city = place.split(',').next().unwrap_or(place).trim();
    // one to four words of capitals, none spelt out ("P R A M O N O",
    // "B.U.D.I" are a name in disguise)
    let words: Vec<&str> = city.split_whitespace().collect();
    let dated = (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().count() >= 3 && w.chars().all(char::is_uppercase))
        && place.chars().next().is_some_and(char::is_uppercase);
    dated.then_some(place.len())
}

/// Byte spans of short quotations: text between a pair of quotation marks
/// that open after a space (or at the start) and close before a space or
/// punctuation, at most 80 bytes apart (an apostrophe inside a word, as in
/// `ba'da`, opens nothing).
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    const PAIRS: &[(char, char)] = &[
        ('\'', '\''),
        ('"', '"'),
        ('\u{201C}', '\u{201D}'),
        ('\u{2018}', '\u{2019}'),
        ('\u{AB}', '\u{BB}'),
    ];
    let mut out = Vec::new();
    if !text.contains(|c: char| PAIRS.iter().any(|&(o, _)| o == c)) {
        return out;
    }
    let mut prev: Option<char> = None;
    let mut it = text.char_indices();
    while let Some((i, c)) = it.next() {
        let opens = prev.is_none_or(|p| p.is_whitespace() || "([".contains(p));
        prev = Some(c);
        let Some(&(_, close)) = PAIRS.iter().find(|(o, _)| *o == c) else {
            continue;
        };
        if !opens {
            continue;
        }
        let from = i + c.len_utf8();
        let rest = text.get(from..).unwrap_or("");
        let end = rest
            .char_indices()
            .take_while(|&(j, _)| j <= 80)
            .find(|&(j, d)| {
                d == close
                    && rest[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation())
            });
        if let Some((j, d)) = end {
            out.push((from, from + j));
            // skip past the closing mark
            let stop = from + j + d.len_utf8();
            for (k, ch) in it.by_ref() {
                prev = Some(ch);
                if k + ch.len_utf8() >= stop {
                    break;
                }
            }
        }
    }
    out
}

/// Words of any vote, a school council's as much as a governor's.
const GENERIC_VOTE: &[&str] = &[
    "paslon",
    "pasangan",
    "calon",
    "kandidat",
    "nomor",
    "no",
    "urut",
    "kampanye",
    "coblosan",
    "pencoblosan",
    "coblos",
    "surat",
    "suara",
    "bilik",
    "pemilihan",
    "debat",
    "terpilih",
];

/// Whether an action puts the decision on the target field.
pub(crate) fn target_decides(a: Action) -> bool {
    matches!(
        a,
        Action::Like | Action::Share | Action::Follow | Action::Comment
    )
}

#[cfg(test)]
mod tests {
    use super::quoted_spans;

    fn quoted(s: &str) -> Vec<&str> {
        quoted_spans(s).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn quotations() {
        assert_eq!(
            quoted("jangan nulis 'c0bl0s 02' atau \u{201C}pr*bowo\u{201D}."),
            ["c0bl0s 02", "pr*bowo"]
        );
        // an apostrophe inside a word opens nothing
        assert!(quoted("ba'da isya, coblos 2").is_empty());
        // an unclosed mark, or one closed too far away, quotes nothing
        assert!(quoted("kata 'coblos").is_empty());
        assert!(quoted(&format!("'{}'", "a".repeat(100))).is_empty());
        // hostile input never panics
        for s in ["'", "''", "'\u{FE0F}'", "« »", "\"é\"x"] {
            let _ = quoted_spans(s);
        }
    }
}
