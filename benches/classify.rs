//! Criterion benches for netral.
//!
//! - `latency`: a short breach, a short everyday post, a ~2 KB news text
//!   and a ~2 KB personal status.
//! - `throughput_bytes` / `throughput_posts`: a generated dump (20,000
//!   records; set `NETRAL_BENCH_RECORDS=100000` for the full size), each
//!   line parsed with serde_json into an `Activity` and classified, on one
//!   thread and on a rayon pool of two; parsing alone; and the references:
//!   each line parsed and its fields scanned by a bare Aho–Corasick
//!   automaton over a naive list of election words, and the same scan over
//!   records parsed beforehand. Both groups measure the same work, reported as MB/s of JSONL and
//!   as posts/s.
//! - `build`: building the classifier on the embedded data, and with a
//!   national-size registry (545 elections, 1,600 tickets, 3,200 candidates).
//!
//! Every bench checks its answer (verdict counts, match counts, a known
//! verdict), so a fast wrong answer fails instead of looking good.
//!
//! ```text
//! cargo bench --bench classify
//! NETRAL_BENCH_RECORDS=100000 cargo bench --bench classify -- throughput
//! ```

mod gen;

/// The allocator the command line uses, so that the figures are the CLI's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::sync::OnceLock;
use std::time::Duration;

use aho_corasick::AhoCorasick;
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use netral::{Activity, Classifier, Registry, VerdictKind};
use rayon::prelude::*;

const DEFAULT_RECORDS: usize = 20_000;
const SEED: u64 = 42;

/// A naive keyword list, the kind a first attempt would use.
const KEYWORDS: &[&str] = &[
    "pemilu",
    "pilpres",
    "pilkada",
    "pilgub",
    "pilbup",
    "pilwako",
    "pileg",
    "capres",
    "cawapres",
    "cagub",
    "cawagub",
    "cabup",
    "cawabup",
    "cawako",
    "paslon",
    "pasangan calon",
    "calon",
    "kandidat",
    "kampanye",
    "coblos",
    "nyoblos",
    "pilih",
    "pilihan",
    "dukung",
    "dukungan",
    "menang",
    "menangkan",
    "pemenangan",
    "relawan",
    "simpatisan",
    "timses",
    "tim sukses",
    "posko",
    "visi misi",
    "program unggulan",
    "nomor urut",
    "no urut",
    "baliho",
    "spanduk",
    "twibbon",
    "flyer",
    "stiker",
    "kaos",
    "salam satu jari",
    "dua jari",
    "tiga jari",
    "lima jari",
    "debat",
    "survei",
    "quick count",
    "tps",
    "kpu",
    "bawaslu",
    "golput",
    "surat suara",
    "hak pilih",
    "netral",
    "netralitas",
    "deklarasi",
    "orasi",
    "konvoi",
    "lanjutkan",
    "periode",
];

/// Verdict counts over a dump.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counts {
    breach: u64,
    review: u64,
    clear: u64,
    unreadable: u64,
}

impl Counts {
    fn merge(self, o: Counts) -> Counts {
        Counts {
            breach: self.breach + o.breach,
            review: self.review + o.review,
            clear: self.clear + o.clear,
            unreadable: self.unreadable + o.unreadable,
        }
    }
}

/// Parses one JSONL line and classifies it, as the command line does.
fn classify_line(c: &Classifier, line: &str) -> Counts {
    let mut n = Counts::default();
    match serde_json::from_str::<Activity>(line) {
        Ok(a) => match c.classify(&a).verdict {
            Some(VerdictKind::Breach) => n.breach += 1,
            Some(VerdictKind::Review) => n.review += 1,
            Some(VerdictKind::Clear) => n.clear += 1,
            None => n.unreadable += 1,
        },
        Err(_) => n.unreadable += 1,
    }
    n
}

fn classify_all(c: &Classifier, lines: &[String]) -> Counts {
    lines
        .iter()
        .map(|l| classify_line(c, l))
        .fold(Counts::default(), Counts::merge)
}

/// The fields netral reads, in order.
fn fields(a: &Activity) -> impl Iterator<Item = &str> {
    a.text
        .as_deref()
        .into_iter()
        .chain(a.target.as_deref())
        .chain(a.media.iter().map(String::as_str))
        .chain(a.hashtags.iter().map(String::as_str))
}

fn keyword_matches(ac: &AhoCorasick, acts: &[Activity]) -> u64 {
    acts.iter()
        .flat_map(fields)
        .map(|f| ac.find_iter(f).count() as u64)
        .sum()
}

struct Dump {
    lines: Vec<String>,
    /// Bytes of the JSONL file, newlines included.
    bytes: u64,
    /// The same records, parsed once (for the bare keyword scan).
    activities: Vec<Activity>,
    /// Verdict counts of a reference run, checked by every iteration.
    expected: Counts,
    ac: AhoCorasick,
    expected_matches: u64,
}

fn records() -> usize {
    match std::env::var("NETRAL_BENCH_RECORDS") {
        Ok(v) => v
            .replace('_', "")
            .parse()
            .unwrap_or_else(|_| panic!("NETRAL_BENCH_RECORDS=`{v}` is not a number")),
        Err(_) => DEFAULT_RECORDS,
    }
}

fn classifier() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(Classifier::new)
}

fn dump() -> &'static Dump {
    static D: OnceLock<Dump> = OnceLock::new();
    D.get_or_init(|| {
        let n = records();
        let lines = gen::generate(n, SEED);
        let bytes = lines.iter().map(|l| l.len() as u64 + 1).sum();
        let activities: Vec<Activity> = lines
            .iter()
            .map(|l| serde_json::from_str(l).expect("the generator writes valid activities"))
            .collect();
        let expected = classify_all(classifier(), &lines);
        assert_eq!(expected.unreadable, 0, "every generated line must parse");
        assert!(expected.breach > 0, "the dump must contain breaches");
        assert!(expected.review > 0, "the dump must contain reviews");
        assert!(
            expected.clear > expected.breach + expected.review,
            "most of a realistic dump is clear: {expected:?}"
        );
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(KEYWORDS)
            .expect("keyword automaton");
        let expected_matches = keyword_matches(&ac, &activities);
        assert!(expected_matches > 0, "the keyword scan must find something");
        let field_bytes: usize = activities.iter().flat_map(fields).map(str::len).sum();
        eprintln!(
            "dump: {n} records, {bytes} bytes of JSONL ({field_bytes} bytes in text/target/media/hashtags); \
             breach {}, review {}, clear {}; {expected_matches} keyword matches",
            expected.breach, expected.review, expected.clear
        );
        Dump {
            lines,
            bytes,
            activities,
            expected,
            ac,
            expected_matches,
        }
    })
}

fn latency(c: &mut Criterion) {
    let cl = classifier();
    let short = Activity::upload("short", "Ayo coblos Prabowo-Gibran 14 Februari!");
    let everyday = Activity::upload(
        "everyday",
        "Macet parah di Jl. Sudirman gara2 hujan deres, mending lewat jalan lain gaes 🚗",
    );
    // ~2 KB: a news-like text (election words, no candidate) and a long
    // personal status that ends with an invitation to vote for a ticket.
    let news = Activity::upload("news", gen::news_text(&mut gen::Rng::new(7), 1900, 1990));
    let mut status = gen::diary_text(&mut gen::Rng::new(7), 1900, 1960);
    status.push_str(" Pokoknya coblos Pram-Doel nomor 3!");
    let status = Activity::upload("status", status);
    let cases = [
        ("short_breach", &short, VerdictKind::Breach),
        ("short_clear", &everyday, VerdictKind::Clear),
        ("long_news_2kb", &news, VerdictKind::Clear),
        ("long_status_2kb", &status, VerdictKind::Breach),
    ];
    for (name, a, want) in cases {
        let len = a.text.as_deref().map_or(0, str::len);
        if name.starts_with("long") {
            assert!((1800..=2100).contains(&len), "{name} is {len} bytes");
        }
        assert_eq!(cl.classify(a).verdict, Some(want), "{name}");
    }

    let mut g = c.benchmark_group("latency");
    g.sample_size(50).measurement_time(Duration::from_secs(3));
    for (name, a, want) in cases {
        g.throughput(Throughput::Bytes(
            a.text.as_deref().map_or(0, str::len) as u64
        ));
        g.bench_function(name, |b| {
            b.iter(|| {
                let v = cl.classify(black_box(a));
                assert_eq!(v.verdict, Some(want));
                v
            })
        });
    }
    g.finish();
}

fn throughput(c: &mut Criterion) {
    let cl = classifier();
    let d = dump();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("a pool of two threads");
    // Same work, reported twice: MB/s of JSONL, then posts/s.
    for (group, tp) in [
        ("throughput_bytes", Throughput::Bytes(d.bytes)),
        (
            "throughput_posts",
            Throughput::Elements(d.lines.len() as u64),
        ),
    ] {
        let mut g = c.benchmark_group(group);
        g.sample_size(10)
            .measurement_time(Duration::from_secs(5))
            .warm_up_time(Duration::from_secs(1))
            .sampling_mode(SamplingMode::Flat)
            .throughput(tp);
        g.bench_function("classify_1_thread", |b| {
            b.iter(|| {
                let n = classify_all(cl, black_box(&d.lines));
                assert_eq!(n, d.expected);
                n
            })
        });
        g.bench_function("classify_2_threads", |b| {
            b.iter(|| {
                let n = pool.install(|| {
                    black_box(&d.lines)
                        .par_iter()
                        .map(|l| classify_line(cl, l))
                        .reduce(Counts::default, Counts::merge)
                });
                assert_eq!(n, d.expected);
                n
            })
        });
        g.bench_function("parse_only", |b| {
            b.iter(|| {
                let ok = black_box(&d.lines)
                    .iter()
                    .filter(|l| serde_json::from_str::<Activity>(l).is_ok())
                    .count();
                assert_eq!(ok, d.lines.len());
                ok
            })
        });
        g.bench_function("parse_and_aho_corasick_scan", |b| {
            b.iter(|| {
                let m: u64 = black_box(&d.lines)
                    .iter()
                    .filter_map(|l| serde_json::from_str::<Activity>(l).ok())
                    .map(|a| {
                        fields(&a)
                            .map(|f| d.ac.find_iter(f).count() as u64)
                            .sum::<u64>()
                    })
                    .sum();
                assert_eq!(m, d.expected_matches);
                m
            })
        });
        g.bench_function("aho_corasick_scan", |b| {
            b.iter(|| {
                let m = keyword_matches(&d.ac, black_box(&d.activities));
                assert_eq!(m, d.expected_matches);
                m
            })
        });
        g.finish();
    }
}

fn build(c: &mut Criterion) {
    let toml = gen::national_registry_toml(SEED);
    let reg = Registry::from_toml("generated-national.toml", &toml).expect("generated registry");
    let candidates: usize = reg
        .elections()
        .iter()
        .flat_map(|e| &e.tickets)
        .map(|t| t.candidates.len())
        .sum();
    assert_eq!(reg.elections().len(), 545);
    assert_eq!(reg.ticket_count(), 1600);
    assert_eq!(candidates, 3200);
    let embedded = Registry::embedded().expect("embedded registry");
    let want_elections = embedded.elections().len() + 545;
    let want_tickets = embedded.ticket_count() + 1600;

    // The big classifier really knows the generated candidates.
    let big = Classifier::builder()
        .registry(reg.clone())
        .build()
        .expect("classifier with the national registry");
    let e = &reg.elections()[300];
    let t = &e.tickets[0];
    let post = format!(
        "Ayo coblos {} nomor urut {}, {} harga mati!",
        t.aliases[0], t.number, t.candidates[0].name
    );
    let v = big.classify(&Activity::upload("gen", post.as_str()));
    assert_eq!(
        v.verdict,
        Some(VerdictKind::Breach),
        "{post}: {:?}",
        v.reasons
    );
    assert!(
        v.targets.iter().any(|x| x
            .election
            .as_deref()
            .is_some_and(|id| id.ends_with("-2029"))),
        "{post}: targets {:?}",
        v.targets
    );
    eprintln!(
        "registry: {} bytes of TOML, {} elections, {} tickets, {candidates} candidates (+ embedded)",
        toml.len(),
        reg.elections().len(),
        reg.ticket_count()
    );

    let mut g = c.benchmark_group("build");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1))
        .sampling_mode(SamplingMode::Flat);
    g.bench_function("embedded", |b| {
        b.iter_with_large_drop(|| {
            let c = Classifier::builder().build().expect("embedded classifier");
            assert_eq!(c.registry().ticket_count(), embedded.ticket_count());
            c
        })
    });
    g.bench_function("national_545_elections", |b| {
        b.iter_with_large_drop(|| {
            let c = Classifier::builder()
                .registry(reg.clone())
                .build()
                .expect("national classifier");
            assert_eq!(c.registry().elections().len(), want_elections);
            assert_eq!(c.registry().ticket_count(), want_tickets);
            c
        })
    });
    g.finish();
}

criterion_group!(benches, latency, throughput, build);
criterion_main!(benches);
