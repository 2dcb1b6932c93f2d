//! Writing the verdict: score, rule ids, targets, evidence and reasons.

use std::collections::BTreeSet;

use super::features::{Features, Sig, Sk};
use super::rules::{Fired, Outcome};
use crate::classifier::Classifier;
use crate::lexicon::Kind;
use crate::matcher::CandWhat;
use crate::model::{Account, Action, Activity, Evidence, Role, Target, Verdict, VerdictKind};

/// Maximum evidence spans in one verdict.
const MAX_EVIDENCE: usize = 32;

/// Rule ids, most serious first.
const RULE_RANK: &[&str] = &[
    "UU7-2017/280",
    "UU10-2016/70-71",
    "SKB2022/HD-11",
    "SKB2022/HD-12",
    "SKB2022/HD-2",
    "SKB2022/HD-6",
    "SKB2022/HD-7",
    "SKB2022/HD-8",
    "SKB2022/HD-9",
    "PP94-2021/5n",
    "SE-B71-2017",
    "SKB2022/KE-2",
    "SKB2022/KE-4",
    "SKB2022/KE-5",
    "SE-PANRB-01-2023",
    "UU20-2023/9-2",
];

/// The wording of a code, Indonesian and English.
pub(crate) fn code_text(code: &str) -> (&'static str, &'static str) {
    match code {
        "B1" => (
            "mendukung calon/paslon tertentu",
            "supports a specific candidate or ticket",
        ),
        "B2" => (
            "menolak atau menjatuhkan calon/paslon tertentu",
            "opposes a specific candidate or ticket",
        ),
        "B3" => (
            "menyebarkan bahan kampanye calon",
            "spreads a candidate's campaign material",
        ),
        "B4" => (
            "berfoto dengan calon/tim kampanye memakai simbol tangan, pose atau atribut",
            "photo with a candidate or campaign team showing a hand sign, pose or attribute",
        ),
        "B5" => (
            "mengikuti atau bergabung dengan akun/grup kampanye",
            "follows or joins a campaign account or group",
        ),
        "B6" => (
            "memobilisasi massa atau mengumpulkan dukungan/KTP",
            "mobilises others or collects support letters or ID cards",
        ),
        "B7" => (
            "menyatakan diri tim kampanye, tim sukses atau relawan",
            "declares being a campaigner, campaign-team member or volunteer",
        ),
        "R1" => (
            "menyebut calon tertentu tanpa dukungan yang jelas",
            "refers to a specific candidate without clear support",
        ),
        "R2" => (
            "bahasa dukungan/penolakan dalam konteks pemilu tanpa sasaran jelas",
            "support or opposition language in an election context with no identifiable target",
        ),
        "R3" => (
            "simbol tangan atau nomor urut dengan konteks pemilu lemah",
            "hand sign or ballot number with weak election context",
        ),
        "C1" => (
            "pengingat netralitas atau sosialisasi aturan",
            "neutrality reminder or socialisation of the rules",
        ),
        "C2" => (
            "partisipasi pemilu tanpa memihak",
            "non-partisan election participation",
        ),
        "C3" => (
            "kata pemicu dalam arti sehari-hari",
            "trigger words in an everyday sense",
        ),
        "C4" => (
            "pelaku bukan ASN/non-ASN pemerintah: tidak terikat aturan netralitas ASN",
            "the actor is not bound by the ASN neutrality rules",
        ),
        _ => ("", ""),
    }
}

fn evidence_kind(s: &Sig) -> &'static str {
    match s.sk {
        Sk::Cand if s.what.is_some_and(CandWhat::is_symbol) => "symbol",
        Sk::Cand => "candidate",
        Sk::Num => "ticket_number",
        Sk::Elec => "election",
        Sk::Lex(k) => match k {
            Kind::Support | Kind::Praise if s.negated => "oppose",
            Kind::Support | Kind::Praise => "support",
            Kind::Oppose => "oppose",
            Kind::Campaign => "campaign",
            Kind::Invite => "invite",
            Kind::Event => "event",
            Kind::Collect => "collect",
            Kind::Role => "role",
            Kind::Gesture => "symbol",
            Kind::Attribute => "attribute",
            Kind::Election => "election",
            Kind::Neutrality | Kind::Prohibition | Kind::Civil => "neutrality",
            Kind::News => "news",
            Kind::Participation => "participation",
            Kind::Negation => "negation",
            Kind::Declare => "declaration",
            Kind::Everyday | Kind::Local | Kind::Leisure => "everyday",
            Kind::Common => "common",
        },
    }
}

fn rules_for(
    code: &str,
    action: Action,
    regional: Option<bool>,
    collect: bool,
) -> Vec<&'static str> {
    let like = action == Action::Like;
    match code {
        "B1" | "B3" if like => vec!["SKB2022/HD-6", "SE-B71-2017"],
        "B1" | "B3" => vec!["SKB2022/HD-2", "SE-B71-2017"],
        "B2" => vec!["SKB2022/HD-2", "SKB2022/HD-12"],
        "B4" => vec!["SKB2022/HD-7", "PP94-2021/5n"],
        "B5" => vec!["SKB2022/HD-6"],
        "B6" if collect => vec!["SKB2022/HD-11", "PP94-2021/5n"],
        "B6" => vec!["SKB2022/HD-8", "PP94-2021/5n"],
        "B7" => match regional {
            Some(true) => vec!["UU10-2016/70-71", "SKB2022/HD-9"],
            Some(false) => vec!["UU7-2017/280", "SKB2022/HD-9"],
            None => vec!["SKB2022/HD-9"],
        },
        "R1" => vec!["SE-B71-2017"],
        "R2" => vec!["SKB2022/HD-2"],
        "R3" => vec!["SKB2022/HD-7"],
        _ => vec![],
    }
}

fn ke_of(rule: &str) -> &str {
    match rule {
        "SKB2022/HD-2" => "SKB2022/KE-2",
        "SKB2022/HD-6" => "SKB2022/KE-4",
        "SKB2022/HD-7" => "SKB2022/KE-5",
        r => r,
    }
}

fn quote_of<'a>(f: &Features<'a>, s: &Sig) -> Option<(usize, usize, &'a str)> {
    let field = f.fields.get(s.field)?;
    let a = field.tokens.get(s.first)?.start;
    let b = field.tokens.get(s.last)?.end;
    let q = field.text.get(a..b)?;
    Some((a, b, q))
}

struct TargetRes {
    target: Target,
    election: Option<usize>,
}

fn resolve_targets(c: &Classifier, f: &Features, out: &Outcome) -> Vec<TargetRes> {
    let sigs = &f.sigs;
    let mut res: Vec<TargetRes> = Vec::new();
    let mut push = |r: TargetRes| {
        if !res.iter().any(|x| x.target == r.target) {
            res.push(r);
        }
    };
    // elections named anywhere in the activity
    let mut named: BTreeSet<usize> = BTreeSet::new();
    for s in sigs {
        if let (Sk::Cand | Sk::Elec, Some(e)) = (s.sk, s.election) {
            if s.sk == Sk::Elec || s.strong {
                named.insert(e as usize);
            }
        }
    }
    let mut wanted: Vec<usize> = out.targets.clone();
    let mut seen_sig: BTreeSet<usize> = wanted.iter().copied().collect();
    for fired in &out.fired {
        for &i in &fired.sigs {
            let s = &sigs[i];
            if s.number.is_some() && (s.is(Kind::Gesture) || s.sk == Sk::Num) && seen_sig.insert(i)
            {
                wanted.push(i);
            }
        }
    }
    for i in wanted {
        let s = &sigs[i];
        if let (Sk::Cand, Some(t)) = (s.sk, s.ticket) {
            if let Some(ti) = c.tickets.get(t as usize) {
                let e = c.registry.elections().get(ti.election);
                push(TargetRes {
                    target: Target {
                        election: e.map(|e| e.id.clone()),
                        number: ti.number,
                        names: ti.names.clone(),
                    },
                    election: Some(ti.election),
                });
            }
            continue;
        }
        let Some(n) = s.number else { continue };
        let pick = |set: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
            set.filter(|&e| {
                c.registry
                    .elections()
                    .get(e)
                    .is_some_and(|el| el.tickets.iter().any(|t| t.number == n))
            })
            .collect()
        };
        let mut cands = pick(&mut named.iter().copied());
        if cands.is_empty() {
            cands = pick(&mut out.in_season.iter().copied());
        }
        if cands.len() == 1 {
            let e = &c.registry.elections()[cands[0]];
            if let Some(t) = e.tickets.iter().find(|t| t.number == n) {
                push(TargetRes {
                    target: Target {
                        election: Some(e.id.clone()),
                        number: n,
                        names: t.names(),
                    },
                    election: Some(cands[0]),
                });
                continue;
            }
        }
        push(TargetRes {
            target: Target {
                election: None,
                number: n,
                names: Vec::new(),
            },
            election: None,
        });
    }
    res
}

pub(crate) fn verdict(c: &Classifier, a: &Activity, f: &Features, out: &Outcome) -> Verdict {
    let sigs = &f.sigs;
    let verdict = out.verdict.unwrap_or(VerdictKind::Clear);
    let targets = resolve_targets(c, f, out);
    let official = a.actor.account == Account::Official;

    // score, monotone with the verdict bands
    let s = out.strength.clamp(0.0, 1.0) as f64;
    let mut score = match verdict {
        VerdictKind::Breach => 0.7 + 0.25 * s,
        VerdictKind::Review => 0.4 + 0.2 * s,
        VerdictKind::Clear => {
            // how much evidence the clear code rests on
            let cues = out
                .clear
                .iter()
                .flat_map(|c| c.sigs.iter())
                .collect::<BTreeSet<_>>()
                .len();
            if out.clear.iter().any(|c| c.code == "C4") || cues == 0 {
                0.0
            } else {
                0.05 + 0.1 * (cues.min(10) as f64 / 10.0)
            }
        }
    };
    if official && verdict != VerdictKind::Clear {
        score += 0.05;
    }
    let cap = match verdict {
        VerdictKind::Breach => 1.0,
        VerdictKind::Review => 0.69,
        VerdictKind::Clear => 0.39,
    };
    let score = (score.min(cap) * 1000.0).round() / 1000.0;

    // rule ids
    let regional = targets
        .iter()
        .find_map(|t| t.election)
        .and_then(|e| c.registry.elections().get(e))
        .map(|e| e.regional);
    let mut ke = false;
    if let Some(date) = a.created_at.as_deref().and_then(|d| d.get(..10)) {
        if let Some(conf) = targets
            .iter()
            .find_map(|t| t.election)
            .and_then(|e| c.registry.elections().get(e))
            .and_then(|e| e.confirmed_on.as_deref())
        {
            ke = date < conf;
        }
    }
    let mut rules: BTreeSet<(usize, &str)> = BTreeSet::new();
    let mut add_rule = |r: &'static str| {
        let r = if ke { ke_of(r) } else { r };
        let rank = RULE_RANK
            .iter()
            .position(|x| *x == r)
            .unwrap_or(RULE_RANK.len());
        rules.insert((rank, r));
    };
    for fired in &out.fired {
        let collect = fired.sigs.iter().any(|&i| sigs[i].is(Kind::Collect));
        for r in rules_for(fired.code, a.action, regional, collect) {
            add_rule(r);
        }
    }
    if verdict != VerdictKind::Clear {
        if official {
            add_rule("PP94-2021/5n");
            if verdict == VerdictKind::Breach {
                add_rule("SKB2022/HD-12");
            }
        }
        if a.actor.role == Role::NonAsn {
            add_rule("SE-PANRB-01-2023");
        }
        add_rule("UU20-2023/9-2");
    }
    let rules: Vec<String> = rules.into_iter().map(|(_, r)| r.to_string()).collect();

    // evidence
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut seen: BTreeSet<(usize, usize, usize, &str)> = BTreeSet::new();
    let all: Vec<&Fired> = out.fired.iter().chain(out.clear.iter()).collect();
    for fired in &all {
        for &i in &fired.sigs {
            if evidence.len() >= MAX_EVIDENCE {
                break;
            }
            let Some(s) = sigs.get(i) else { continue };
            let Some((start, end, quote)) = quote_of(f, s) else {
                continue;
            };
            let kind = evidence_kind(s);
            if seen.insert((s.field, start, end, kind)) {
                evidence.push(Evidence {
                    field: f.fields[s.field].label.clone(),
                    start,
                    end,
                    quote: quote.to_string(),
                    kind: kind.to_string(),
                });
            }
        }
    }

    // reasons
    let mut reasons = Vec::new();
    let target_text = |t: &Target| -> String {
        let who = if t.names.is_empty() {
            String::new()
        } else {
            format!(" ({})", t.names.join(" – "))
        };
        match &t.election {
            Some(e) => format!("{e} no. {}{who}", t.number),
            None => format!("no. {}{who}", t.number),
        }
    };
    let tl: Vec<String> = targets.iter().map(|t| target_text(&t.target)).collect();
    for fired in out.fired.iter().chain(out.clear.iter()) {
        let (id, en) = code_text(fired.code);
        let mut words: Vec<String> = Vec::new();
        for &i in &fired.sigs {
            if let Some((_, _, q)) = sigs.get(i).and_then(|s| quote_of(f, s)) {
                let q = format!("«{q}»");
                if !words.contains(&q) && words.len() < 6 {
                    words.push(q);
                }
            }
        }
        let w = if words.is_empty() {
            String::new()
        } else {
            format!(": {}", words.join(", "))
        };
        let t = if tl.is_empty() || !fired.code.starts_with(['B', 'R']) {
            String::new()
        } else {
            format!(" → {}", tl.join("; "))
        };
        reasons.push(format!("{} — {id}{w}{t}", fired.code));
        reasons.push(format!("{} — {en}{w}{t}", fired.code));
    }
    if !out.would_be.is_empty() {
        let codes = out.would_be.join(", ");
        reasons.push(format!("Catatan: bagi ASN ini akan menjadi {codes}"));
        reasons.push(format!("Note: for an ASN this would be {codes}"));
    }
    if official && verdict != VerdictKind::Clear {
        reasons.push("Akun resmi instansi: penggunaan fasilitas negara memperberat (PP 94/2021 ps. 5 huruf n)".to_string());
        reasons.push("Official institutional account: use of state facilities aggravates (PP 94/2021 art. 5 n)".to_string());
    }
    if a.actor.role == Role::NonAsn && verdict != VerdictKind::Clear {
        reasons.push(
            "Pegawai non-ASN terikat kewajiban netralitas yang sama (SE MenPANRB 1/2023)"
                .to_string(),
        );
        reasons.push("Non-ASN government staff are bound by the same neutrality duties (PANRB circular 1/2023)".to_string());
    }
    if ke && verdict != VerdictKind::Clear {
        reasons.push("Sebelum penetapan calon: pelanggaran kode etik (KE)".to_string());
        reasons.push("Before candidates were confirmed: code-of-ethics item (KE)".to_string());
    }
    if c.profile.name != "national" && verdict != VerdictKind::Clear {
        reasons.push(format!(
            "Profil kebijakan / policy profile: {}",
            c.profile.name
        ));
    }

    let mut codes: Vec<String> = out.fired.iter().map(|f| f.code.to_string()).collect();
    codes.extend(out.clear.iter().map(|f| f.code.to_string()));
    codes.dedup();

    Verdict {
        id: Some(a.id.clone()),
        line: None,
        action: Some(a.action),
        actor: Some(a.actor.clone()),
        platform: a.platform.clone(),
        created_at: a.created_at.clone(),
        verdict: Some(verdict),
        score,
        rules,
        codes,
        targets: targets.into_iter().map(|t| t.target).collect(),
        evidence,
        reasons,
        error: None,
    }
}
