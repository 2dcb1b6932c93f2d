//! End-to-end tests of the `netral` binary (SPEC §1, §2, §5): `classify` on
//! files, standard input and `.gz`, in input order whatever the thread count;
//! registries, profiles, output file, CSV and `--only`; an answer for every
//! line however broken; exit status and messages when the run cannot
//! proceed; the summary line; `explain`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{json, Value};

// ---------------------------------------------------------------- helpers

const BIN: &str = env!("CARGO_BIN_EXE_netral");

/// A breach under the national rules with the embedded registry.
const BREACH_TEXT: &str = "coblos prabowo gibran";
/// Nothing election-related.
const CLEAR_TEXT: &str = "Selamat pagi, semangat kerja rekan-rekan";

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn out(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }

    /// The verdict records on standard output.
    fn records(&self) -> Vec<Value> {
        self.out()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad output {l:?}: {e}")))
            .collect()
    }

    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }

    #[track_caller]
    fn ok(self) -> Self {
        assert_eq!(self.code, 0, "exit status; stderr:\n{}", self.stderr);
        self
    }

    /// The run could not proceed: non-zero status, nothing on standard
    /// output, exactly one line on standard error, which is returned.
    #[track_caller]
    fn fatal(&self) -> String {
        assert_ne!(self.code, 0, "expected a failure; stderr:\n{}", self.stderr);
        assert!(
            self.stdout.is_empty(),
            "no output on failure, got {:?}",
            self.out()
        );
        let lines = self.stderr_lines();
        assert_eq!(lines.len(), 1, "one line on stderr, got {:?}", self.stderr);
        assert!(lines[0].starts_with("netral: "), "{}", lines[0]);
        lines[0].to_string()
    }
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
    let mut child = cmd.spawn().expect("spawn netral");
    let writer = stdin.map(|data| {
        let data = data.to_vec();
        let mut pipe = child.stdin.take().expect("stdin pipe");
        // the binary may stop reading early (a fatal error): ignore a broken pipe
        std::thread::spawn(move || {
            let _ = pipe.write_all(&data);
        })
    });
    let out = child.wait_with_output().expect("wait for netral");
    if let Some(w) = writer {
        w.join().expect("stdin writer");
    }
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A directory of its own under the system temp dir, removed on drop.
struct Tmp(PathBuf);

impl Tmp {
    fn new(name: &str) -> Tmp {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "netral-cli-{}-{}-{name}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        Tmp(dir)
    }

    fn write(&self, name: &str, data: impl AsRef<[u8]>) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, data).expect("write temp file");
        path_str(&p)
    }

    fn path(&self, name: &str) -> String {
        path_str(&self.0.join(name))
    }
}

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn path_str(p: &Path) -> String {
    p.to_str().expect("UTF-8 temp path").to_string()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).expect("gzip");
    e.finish().expect("gzip")
}

fn line(v: Value) -> String {
    serde_json::to_string(&v).expect("serialise") + "\n"
}

/// Every input line got exactly one record, in input order: `line` runs
/// 1..=n, and each record has a verdict, or a null verdict, a null id and a
/// non-empty error message.
#[track_caller]
fn assert_every_line(recs: &[Value], n: usize) {
    assert_eq!(recs.len(), n, "one record per input line");
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r["line"], json!(i + 1), "record {i} out of order: {r}");
        match r["verdict"].as_str() {
            Some(v) => {
                assert!(matches!(v, "breach" | "review" | "clear"), "{r}");
                assert!(r.get("error").is_none(), "{r}");
                let s = r["score"].as_f64().expect("score");
                assert!((0.0..=1.0).contains(&s), "{r}");
            }
            None => {
                assert!(r["verdict"].is_null(), "{r}");
                assert!(r["id"].is_null(), "{r}");
                let e = r["error"].as_str().expect("an error record has a message");
                assert!(!e.trim().is_empty(), "{r}");
            }
        }
    }
}

fn verdict(r: &Value) -> &str {
    r["verdict"].as_str().unwrap_or("error")
}

/// The summary line: (records, breach, review, clear, error).
#[track_caller]
fn summary(run: &Run) -> (u64, u64, u64, u64, u64) {
    let lines = run.stderr_lines();
    assert_eq!(
        lines.len(),
        1,
        "only the summary on stderr when it is not a terminal: {:?}",
        run.stderr
    );
    let s = lines[0];
    let num = |after: &str| -> u64 {
        let i = s
            .find(after)
            .unwrap_or_else(|| panic!("{after:?} in {s:?}"))
            + after.len();
        let digits: String = s[i..].chars().take_while(char::is_ascii_digit).collect();
        digits
            .parse()
            .unwrap_or_else(|_| panic!("number after {after:?} in {s:?}"))
    };
    assert!(s.starts_with("netral: "), "{s}");
    assert!(s.contains(" posts/s"), "posts per second in {s:?}");
    assert!(s.trim_end().ends_with(" s"), "elapsed seconds in {s:?}");
    (
        num("netral: "),
        num("breach "),
        num("review "),
        num("clear "),
        num("error "),
    )
}

/// Counts of (breach, review, clear, error) in the records.
fn count(recs: &[Value]) -> (u64, u64, u64, u64) {
    let mut c = (0, 0, 0, 0);
    for r in recs {
        match verdict(r) {
            "breach" => c.0 += 1,
            "review" => c.1 += 1,
            "clear" => c.2 += 1,
            _ => c.3 += 1,
        }
    }
    c
}

/// A small RFC 4180 reader; panics on a stray quote, so bad quoting shows.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut it = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = it.next() {
        if quoted {
            if c == '"' {
                if it.peek() == Some(&'"') {
                    it.next();
                    field.push('"');
                } else {
                    quoted = false;
                    assert!(
                        matches!(it.peek(), None | Some(',' | '\n' | '\r')),
                        "text after a closing quote in {s:?}"
                    );
                }
            } else {
                field.push(c);
            }
        } else {
            match c {
                '"' => {
                    assert!(field.is_empty(), "stray quote in field {field:?}");
                    quoted = true;
                }
                ',' => row.push(std::mem::take(&mut field)),
                '\n' => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\r' => {}
                _ => field.push(c),
            }
        }
    }
    assert!(!quoted, "unterminated quoted field");
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// The activities used for the larger dumps: breaches, reviews, clears and
/// unreadable lines, cycled with fresh ids.
fn dump(n: usize) -> (String, Vec<Option<String>>) {
    let templates: Vec<Option<Value>> = vec![
        Some(json!({"text": BREACH_TEXT})),
        Some(json!({"text": CLEAR_TEXT, "platform": "facebook"})),
        Some(json!({"action": "like", "target": "Ayo coblos Ganjar-Mahfud nomor 3!"})),
        Some(json!({"action": "share", "text": "Info resmi 👇",
            "target": "KPU menetapkan Prabowo Subianto dan Gibran Rakabuming Raka sebagai pasangan calon"})),
        Some(
            json!({"text": "Anak2 juara 2 lomba mewarnai ✌️", "media": ["foto anak memegang piala"]}),
        ),
        Some(json!({"text": "ASN dilarang like dan share postingan paslon. Jaga netralitas!"})),
        Some(json!({"action": "follow", "target": "Relawan Anies-Muhaimin Kab. Bogor"})),
        Some(
            json!({"text": "Hadir di kampanye Helmi Hasan, lanjutkan!", "actor": {"role": "public"}}),
        ),
        None, // an unreadable line
        Some(
            json!({"text": "pagi2 udah macet 😩", "hashtags": ["#senin"], "created_at": "2024-10-07T06:42:00+07:00"}),
        ),
    ];
    let mut s = String::new();
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        match &templates[i % templates.len()] {
            Some(t) => {
                let mut v = t.clone();
                let id = format!("rec-{i:05}");
                v["id"] = json!(id);
                s.push_str(&line(v));
                ids.push(Some(id));
            }
            None => {
                s.push_str(&format!("{{\"id\": \"broken-{i}\", \"text\": \n"));
                ids.push(None);
            }
        }
    }
    (s, ids)
}

/// The records' ids are the input's ids, in order; unreadable lines have none.
#[track_caller]
fn assert_ids(recs: &[Value], ids: &[Option<String>]) {
    assert_every_line(recs, ids.len());
    for (r, id) in recs.iter().zip(ids) {
        match id {
            Some(id) => assert_eq!(r["id"], json!(id), "{r}"),
            None => assert!(r["error"].is_string(), "{r}"),
        }
    }
}

/// Every evidence span slices its original field of the input record.
#[track_caller]
fn assert_spans(input: &str, recs: &[Value]) {
    for (l, r) in input.lines().zip(recs) {
        let Ok(a) = serde_json::from_str::<Value>(l) else {
            continue;
        };
        for e in r["evidence"].as_array().into_iter().flatten() {
            let name = e["field"].as_str().expect("field");
            let field = match name {
                "text" | "target" => a[name].as_str(),
                _ => {
                    let (list, rest) = name.split_once('[').expect("list field");
                    let i: usize = rest.trim_end_matches(']').parse().expect("index");
                    a[list][i].as_str()
                }
            }
            .unwrap_or_else(|| panic!("evidence field {name} missing in {l}"));
            let (s, t) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
            assert_eq!(
                field.get(s as usize..t as usize),
                e["quote"].as_str(),
                "span of {e} in {l}"
            );
        }
    }
}

// ---------------------------------------------------------------- input sources

#[test]
fn file_dash_stdin_and_no_argument_agree_and_echo_fields() {
    let t = Tmp::new("sources");
    let input = [
        line(json!({"id": "ñ-Ω-😀 id", "action": "retweet", "target": "Ayo coblos Prabowo-Gibran nomor 2!",
            "platform": "x", "created_at": "2024-02-06T08:30:00+07:00",
            "actor": {"id": "nip-1", "role": "non_asn", "account": "official"}, "extra": {"ignored": [1, 2]}})),
        line(json!({"id": "2", "text": CLEAR_TEXT})),
        line(json!({"id": "3", "action": "post", "text": BREACH_TEXT, "actor": {"role": "public"}})),
        line(json!({"id": "4"})),
    ]
    .concat();
    let path = t.write("in.jsonl", &input);
    let a = run(&["classify", &path], None).ok();
    let b = run(&["classify", "-"], Some(input.as_bytes())).ok();
    let c = run(&["classify"], Some(input.as_bytes())).ok();
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(a.stdout, c.stdout);
    let recs = a.records();
    assert_every_line(&recs, 4);
    // id, actor, platform, created_at echoed; action canonical
    assert_eq!(recs[0]["id"], "ñ-Ω-😀 id");
    assert_eq!(recs[0]["action"], "share");
    assert_eq!(recs[0]["platform"], "x");
    assert_eq!(recs[0]["created_at"], "2024-02-06T08:30:00+07:00");
    assert_eq!(recs[0]["actor"]["id"], "nip-1");
    assert_eq!(recs[0]["actor"]["role"], "non_asn");
    assert_eq!(recs[0]["actor"]["account"], "official");
    assert_eq!(recs[0]["verdict"], "breach");
    assert!(recs[0].get("extra").is_none());
    assert_eq!(recs[1]["verdict"], "clear");
    // a public actor is not bound by the ASN rules (C4)
    assert_eq!(recs[2]["action"], "upload");
    assert_eq!(recs[2]["verdict"], "clear");
    // only `id` is required; no text anywhere is clear
    assert_eq!(recs[3]["verdict"], "clear");
    assert_spans(&input, &recs);
}

#[test]
fn gzip_input_by_name_and_on_stdin() {
    let t = Tmp::new("gzip");
    let (input, ids) = dump(300);
    let plain = t.write("in.jsonl", &input);
    let gz = gzip(input.as_bytes());
    let named = t.write("in.jsonl.gz", &gz);
    let unnamed = t.write("in.data", &gz);
    let expect = run(&["classify", &plain], None).ok();
    assert_ids(&expect.records(), &ids);
    for r in [
        run(&["classify", &named], None),
        run(&["classify", &unnamed], None),
        run(&["classify", "-"], Some(&gz)),
        // concatenated gzip members, as `cat a.gz b.gz` makes
        run(
            &["classify", "-"],
            Some(&[gzip(&input.as_bytes()[..0]), gz.clone()].concat()),
        ),
    ] {
        let r = r.ok();
        assert_eq!(r.out(), expect.out());
    }
}

#[test]
fn truncated_gzip_answers_what_was_read_then_fails() {
    let t = Tmp::new("truncated");
    let (input, ids) = dump(10_000);
    let gz = gzip(input.as_bytes());
    let cut = t.write("cut.jsonl.gz", &gz[..gz.len() / 2]);
    let r = run(&["classify", &cut], None);
    assert_ne!(r.code, 0, "a truncated input is a failed run");
    let recs = r.records();
    assert!(recs.len() > 100 && recs.len() < 10_000, "{}", recs.len());
    let last = recs.last().unwrap();
    assert!(
        last["error"].as_str().unwrap().contains("read error"),
        "{last}"
    );
    assert_ids(&recs[..recs.len() - 1], &ids[..recs.len() - 1]);
    assert_every_line(&recs, recs.len());
    let lines = r.stderr_lines();
    assert_eq!(lines.len(), 2, "summary, then the reason: {:?}", r.stderr);
    assert!(lines[1].contains("cut.jsonl.gz") && lines[1].contains("read error"));
}

// ---------------------------------------------------------------- order and threads

#[test]
fn more_than_one_batch_in_order_whatever_the_threads() {
    let t = Tmp::new("batches");
    let (input, ids) = dump(10_000);
    let path = t.write("dump.jsonl", &input);
    let one = run(&["classify", &path, "--threads", "1"], None).ok();
    let two = run(&["classify", &path, "--threads", "2"], None).ok();
    let all = run(&["classify", "--threads", "4"], Some(input.as_bytes())).ok();
    assert!(one.stdout == two.stdout, "--threads 1 and 2 differ");
    assert!(one.stdout == all.stdout, "--threads 1 and 4 (stdin) differ");
    let recs = one.records();
    assert_ids(&recs, &ids);
    assert_spans(&input, &recs);
    let (b, r, c, e) = count(&recs);
    assert_eq!(e, 1000, "one line in ten is unreadable");
    assert!(b >= 1000 && c >= 1000, "breach {b}, clear {c}");
    assert_eq!(summary(&one), (10_000, b, r, c, e));
    assert_eq!(summary(&two), (10_000, b, r, c, e));
}

// ---------------------------------------------------------------- registry and profile

const REGISTRY: &str = r#"# a made-up election
[[elections]]
id = "pilbup-contoh-2029"
title = "Pemilihan Bupati Contoh 2029"
region = "Kabupaten Contoh"
voting_day = "2029-11-28"
campaign = ["2029-09-25", "2029-11-24"]

[[elections.tickets]]
number = 3
candidates = [
  { name = "Zulkarnaen Wiratmaja", aliases = ["Pak Zul"] },
  { name = "Ratna Kusumawardani" },
]
aliases = ["ZURA"]
hashtags = ["ZuraMenang"]
"#;

const REGISTRY2: &str = r#"[[elections]]
id = "pilwako-fiktif-2029"
title = "Pemilihan Wali Kota Fiktif 2029"
voting_day = "2029-11-28"

[[elections.tickets]]
number = 1
candidates = [{ name = "Hendrawan Sasmitaloka" }]
"#;

#[test]
fn candidates_files_add_to_or_replace_the_embedded_registry() {
    let t = Tmp::new("registry");
    let reg = t.write("contoh.toml", REGISTRY);
    let reg2 = t.write("fiktif.toml", REGISTRY2);
    let input = [
        line(json!({"id": "zul", "text": "Ayo dukung Zulkarnaen Wiratmaja jadi bupati, pilih yang terbaik!"})),
        line(json!({"id": "hen", "text": "Mantap, pilih Hendrawan Sasmitaloka jadi wali kota!"})),
        line(json!({"id": "pra", "text": BREACH_TEXT})),
    ]
    .concat();
    let path = t.write("in.jsonl", &input);
    let v = |args: &[&str]| -> Vec<(String, Value)> {
        let mut a = vec!["classify", path.as_str()];
        a.extend_from_slice(args);
        run(&a, None)
            .ok()
            .records()
            .iter()
            .map(|r| (verdict(r).to_string(), r["targets"].clone()))
            .collect()
    };
    let plain = v(&[]);
    assert_ne!(
        plain[0].0, "breach",
        "unknown candidate without the registry"
    );
    assert_ne!(plain[1].0, "breach");
    assert_eq!(plain[2].0, "breach");

    let one = v(&["--candidates", &reg]);
    assert_eq!(one[0].0, "breach");
    assert_eq!(one[0].1[0]["election"], "pilbup-contoh-2029");
    assert_eq!(one[0].1[0]["number"], 3);
    assert_ne!(one[1].0, "breach");
    assert_eq!(one[2].0, "breach", "the embedded registry is still there");

    let both = v(&["--candidates", &reg, "--candidates", &reg2]);
    assert_eq!(both[0].0, "breach");
    assert_eq!(both[1].0, "breach", "--candidates is repeatable");
    assert_eq!(both[1].1[0]["election"], "pilwako-fiktif-2029");

    let only = v(&["--candidates", &reg, "--no-default-candidates"]);
    assert_eq!(only[0].0, "breach");
    assert_ne!(only[2].0, "breach", "no embedded candidates");

    // the same election twice cannot be loaded
    let dup = run(
        &[
            "classify",
            &path,
            "--candidates",
            &reg,
            "--candidates",
            &reg,
        ],
        None,
    );
    let msg = dup.fatal();
    assert!(msg.contains("pilbup-contoh-2029"), "{msg}");
}

#[test]
fn bad_registry_stops_the_run_naming_file_and_line() {
    let t = Tmp::new("badreg");
    let input = t.write("in.jsonl", line(json!({"id": "1", "text": BREACH_TEXT})));
    // a ticket number that is not a number
    let bad = REGISTRY.replace("number = 3", "number = \"tiga\"");
    let at = 1 + bad.lines().position(|l| l.starts_with("number")).unwrap();
    let reg = t.write("rusak.toml", &bad);
    let msg = run(&["classify", &input, "--candidates", &reg], None).fatal();
    assert!(
        msg.contains(&format!("{reg}:{at}")),
        "file and line {at} in {msg:?}"
    );
    // a missing id: the whole file is refused
    let reg2 = t.write(
        "tanpa-id.toml",
        REGISTRY.replace("id = \"pilbup-contoh-2029\"\n", ""),
    );
    let msg = run(&["classify", &input, "--candidates", &reg2], None).fatal();
    assert!(msg.contains("tanpa-id.toml:"), "{msg}");
    assert!(msg.contains("id"), "{msg}");
    // TOML syntax
    let reg3 = t.write("sintaks.toml", "[[elections]]\nid = \"x\n");
    let msg = run(&["classify", &input, "--candidates", &reg3], None).fatal();
    assert!(msg.contains("sintaks.toml:2"), "{msg}");
    // a registry file that does not exist
    let msg = run(
        &["classify", &input, "--candidates", &t.path("nope.toml")],
        None,
    )
    .fatal();
    assert!(msg.contains("nope.toml"), "{msg}");
    // also for explain
    let msg = run(&["explain", BREACH_TEXT, "--candidates", &reg], None).fatal();
    assert!(msg.contains(&format!("{reg}:{at}")), "{msg}");
}

#[test]
fn profiles_by_name_and_by_file() {
    let t = Tmp::new("profile");
    let input = [
        // an upload showing a candidate's picture, no support words
        line(json!({"id": "photo", "text": "Foto kemarin", "media": ["foto Franky Nasril sedang makan siang"]})),
        line(json!({"id": "b1", "text": BREACH_TEXT})),
        line(json!({"id": "c", "text": CLEAR_TEXT})),
    ]
    .concat();
    let path = t.write("in.jsonl", &input);
    let verdicts = |profile: Option<&str>| -> Vec<String> {
        let mut a = vec!["classify", path.as_str()];
        if let Some(p) = profile {
            a.extend(["--profile", p]);
        }
        let recs = run(&a, None).ok().records();
        assert_every_line(&recs, 3);
        recs.iter().map(|r| verdict(r).to_string()).collect()
    };
    let default = verdicts(None);
    assert_eq!(default, ["review", "breach", "clear"]);
    assert_eq!(verdicts(Some("national")), default);
    // Prabumulih: any candidate picture is a breach
    assert_eq!(verdicts(Some("prabumulih")), ["breach", "breach", "clear"]);
    assert_eq!(verdicts(Some("bengkulu")), ["review", "breach", "clear"]);

    // a profile file: B1 only for review, candidate pictures off
    let soft = t.write(
        "lunak.toml",
        "name = \"lunak\"\nextends = \"national\"\n[codes]\nB1 = \"review\"\n[situations]\ncandidate_photo = \"allowed\"\n",
    );
    assert_eq!(verdicts(Some(&soft)), ["clear", "review", "clear"]);

    // an unknown name: one clear line listing the names
    let msg = run(&["classify", &path, "--profile", "jakarta"], None).fatal();
    assert!(msg.contains("jakarta"), "{msg}");
    assert!(
        msg.contains("national") && msg.contains("prabumulih") && msg.contains("bengkulu"),
        "{msg}"
    );
    // a bad profile file: file and line
    let bad = t.write("rusak.toml", "name = \"x\"\n[codes]\nB9 = \"breach\"\n");
    let msg = run(&["classify", &path, "--profile", &bad], None).fatal();
    assert!(msg.contains(&format!("{bad}:3")), "{msg}");
    assert!(msg.contains("B9"), "{msg}");
    // a profile file that does not exist
    let msg = run(
        &["classify", &path, "--profile", &t.path("none.toml")],
        None,
    )
    .fatal();
    assert!(msg.contains("none.toml"), "{msg}");
}

// ---------------------------------------------------------------- output options

#[test]
fn output_file_holds_what_stdout_would() {
    let t = Tmp::new("output");
    let (input, ids) = dump(50);
    let path = t.write("in.jsonl", &input);
    let out = t.path("out.jsonl");
    let to_stdout = run(&["classify", &path], None).ok();
    let to_file = run(&["classify", &path, "--output", &out], None).ok();
    assert!(to_file.stdout.is_empty(), "nothing on stdout with --output");
    assert_eq!(std::fs::read(&out).unwrap(), to_stdout.stdout);
    assert_ids(&to_stdout.records(), &ids);
    assert_eq!(summary(&to_file), summary(&to_stdout));
    // -o, and an existing file is replaced
    run(&["classify", &path, "-o", &out, "--only", "error"], None).ok();
    let kept = std::fs::read_to_string(&out).unwrap();
    assert_eq!(kept.lines().count(), 5);
    // an output path that cannot be created
    let bad = t.path("no/such/dir/out.jsonl");
    let msg = run(&["classify", &path, "--output", &bad], None).fatal();
    assert!(msg.contains("out.jsonl"), "{msg}");
}

#[test]
fn csv_has_a_header_and_quotes_properly() {
    let t = Tmp::new("csv");
    let input = [
        line(json!({"id": "a,b \"c\"\nd", "text": BREACH_TEXT})),
        "this is not JSON, \"really\"\n".to_string(),
        line(json!({"id": "plain", "text": CLEAR_TEXT})),
        line(json!({"id": "m", "media": "x"})),
        line(json!({"id": "crlf\r\n", "action": "like", "target": "Ayo coblos Ganjar-Mahfud nomor 3!"})),
    ]
    .concat();
    let path = t.write("in.jsonl", &input);
    let json_recs = run(&["classify", &path], None).ok().records();
    let r = run(&["classify", &path, "--format", "csv"], None).ok();
    let rows = parse_csv(&r.out());
    assert_eq!(
        rows[0],
        ["id", "line", "verdict", "score", "rules", "targets", "quote"]
    );
    assert_eq!(rows.len(), 1 + 5, "a header and one row per line: {rows:?}");
    for (row, rec) in rows[1..].iter().zip(&json_recs) {
        assert_eq!(row.len(), 7, "{row:?}");
        assert_eq!(row[0], rec["id"].as_str().unwrap_or(""));
        assert_eq!(row[1], rec["line"].to_string());
        assert_eq!(row[2], verdict(rec));
        let score: f64 = row[3].parse().expect("score");
        assert!((score - rec["score"].as_f64().unwrap()).abs() < 1e-9);
        let rules: Vec<&str> = rec["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect();
        assert_eq!(row[4], rules.join(" "));
        match rec["evidence"].get(0) {
            Some(e) => assert_eq!(row[6], e["quote"].as_str().unwrap()),
            None => assert_eq!(row[6], rec["error"].as_str().unwrap_or("")),
        }
    }
    assert_eq!(rows[1][0], "a,b \"c\"\nd");
    assert_eq!(rows[1][2], "breach");
    assert!(rows[1][5].contains("pilpres-2024#2"), "{:?}", rows[1][5]);
    assert_eq!(rows[2][2], "error");
    assert_eq!(rows[2][0], "");
    assert_eq!(rows[3][2], "clear");
    // an error message with a comma and quotes stays one field
    assert!(rows[4][6].contains("\"x\","), "{:?}", rows[4][6]);
    assert_eq!(rows[5][0], "crlf\r\n");
    assert_eq!(rows[5][2], "breach");
    // CSV with --only and --output
    let out = t.path("out.csv");
    run(
        &[
            "classify", &path, "--format", "csv", "--only", "error", "-o", &out,
        ],
        None,
    )
    .ok();
    let rows = parse_csv(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(rows.len(), 3);
    assert!(rows[1..].iter().all(|r| r[2] == "error"));
}

#[test]
fn only_keeps_the_named_verdicts_and_counts_everything() {
    let t = Tmp::new("only");
    let (input, _) = dump(200);
    let path = t.write("in.jsonl", &input);
    let full = run(&["classify", &path], None).ok();
    let all = full.records();
    let r = run(&["classify", &path, "--only", "breach,review"], None).ok();
    let kept = r.records();
    let expect: Vec<&Value> = all
        .iter()
        .filter(|x| matches!(verdict(x), "breach" | "review"))
        .collect();
    assert!(!expect.is_empty());
    assert_eq!(kept.iter().collect::<Vec<_>>(), expect);
    // lines keep their input numbers; the summary still counts every line
    assert_eq!(summary(&r), summary(&full));
    assert_eq!(summary(&r).0, 200);
    let errors = run(&["classify", &path, "--only", "error"], None)
        .ok()
        .records();
    assert_eq!(errors.len(), 20);
    assert!(errors.iter().all(|x| x["error"].is_string()));
    let msg = run(&["classify", &path, "--only", "breach,bad"], None).fatal();
    assert!(msg.contains("bad"), "{msg}");
}

// ---------------------------------------------------------------- every line gets an answer

#[test]
fn broken_lines_each_get_a_record() {
    let t = Tmp::new("broken");
    let mut input: Vec<u8> = Vec::new();
    let mut add = |bytes: &[u8]| {
        input.extend_from_slice(bytes);
        input.push(b'\n');
    };
    // 1: a byte-order mark before the first record
    add(b"\xEF\xBB\xBF{\"id\": \"bom\", \"text\": \"coblos prabowo gibran\"}");
    // 2: not JSON
    add(b"{\"id\": \"x\", \"text\": ");
    // 3: invalid UTF-8
    add(b"{\"id\": \"utf\", \"text\": \"caf\xE9 \xFF\"}");
    // 4: no id
    add(b"{\"text\": \"coblos prabowo gibran\"}");
    // 5-7: wrong types
    add(br#"{"id": "t", "text": 5}"#);
    add(br#"{"id": "m", "media": "x"}"#);
    add(br#"{"id": "a", "actor": []}"#);
    // 8: empty line
    add(b"");
    // 9: CRLF line ending
    add(b"{\"id\": \"crlf\", \"text\": \"coblos prabowo gibran\"}\r");
    // 10: an escaped NUL inside a string
    add(br#"{"id": "nul", "text": "coblos\u0000prabowo gibran"}"#);
    // 11: a raw NUL byte inside a string (JSON forbids raw control characters)
    add(b"{\"id\": \"rawnul\", \"text\": \"a\x00b\"}");
    // 12: a lone surrogate escape
    add(br#"{"id": "sur", "text": "coblos prabowo gibran \ud800"}"#);
    // 13: 100,000 nested arrays
    add("[".repeat(100_000).as_bytes());
    // 14: deeply nested (and closed) inside an unknown field of a record
    add(format!(
        "{{\"id\": \"deep\", \"unknown\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    )
    .as_bytes());
    // 15: whitespace only
    add(b"   \t ");
    // 16: a JSON value that is not an object
    add(b"\"just a string\"");
    // 17: two objects on one line
    add(br#"{"id": "one"} {"id": "two"}"#);
    // 18: a bare carriage return
    add(b"\r");
    // 19: a BOM in the middle (files concatenated)
    add(b"\xEF\xBB\xBF{\"id\": \"bom2\"}");
    // 20: an unknown action
    add(br#"{"id": "act", "action": "dance"}"#);
    // 21: id of the wrong type
    add(br#"{"id": 42, "text": "x"}"#);
    // 22: a record with everything, last line without a newline
    input.extend_from_slice(
        br##"{"id": "last", "action": "like", "target": "Ayo coblos 02 Prabowo-Gibran", "media": ["foto"], "hashtags": ["#PrabowoGibran2024"]}"##,
    );
    let path = t.write("broken.jsonl", &input);
    let r = run(&["classify", &path], None).ok();
    let recs = r.records();
    assert_every_line(&recs, 22);
    let err = |i: usize| -> &str {
        recs[i - 1]["error"]
            .as_str()
            .unwrap_or_else(|| panic!("line {i} should be an error record: {}", recs[i - 1]))
    };
    let ok = |i: usize, id: &str| {
        assert_eq!(recs[i - 1]["id"], id, "line {i}: {}", recs[i - 1]);
        assert!(
            recs[i - 1]["verdict"].is_string(),
            "line {i}: {}",
            recs[i - 1]
        );
    };
    ok(1, "bom");
    assert_eq!(recs[0]["verdict"], "breach");
    assert!(err(2).contains("JSON"), "{}", err(2));
    assert!(err(3).contains("UTF-8"), "{}", err(3));
    assert!(err(4).contains("`id`"), "{}", err(4));
    assert!(err(5).contains("integer"), "{}", err(5));
    assert!(err(6).contains("sequence"), "{}", err(6));
    // `"actor": []` may be read (serde reads a struct from an empty array) or refused
    assert!(recs[6]["verdict"].is_string() || recs[6]["error"].is_string());
    assert!(err(8).contains("empty"), "{}", err(8));
    ok(9, "crlf");
    assert_eq!(recs[8]["verdict"], "breach");
    ok(10, "nul");
    assert!(err(11).contains("control character"), "{}", err(11));
    ok(12, "sur");
    assert_eq!(recs[11]["verdict"], "breach");
    assert!(err(13).contains("object"), "{}", err(13));
    ok(14, "deep");
    assert!(err(15).contains("empty"), "{}", err(15));
    assert!(err(16).contains("object"), "{}", err(16));
    assert!(err(17).contains("trailing"), "{}", err(17));
    assert!(err(18).contains("empty"), "{}", err(18));
    ok(19, "bom2");
    assert!(err(20).contains("dance"), "{}", err(20));
    assert!(err(21).contains("integer"), "{}", err(21));
    ok(22, "last");
    assert_eq!(recs[21]["verdict"], "breach");
    // the messages do not speak of "line 1" (the JSON parser's own line)
    for r in &recs {
        if let Some(e) = r["error"].as_str() {
            assert!(!e.contains("line 1 "), "{e}");
        }
    }
    let (n, b, rv, c, e) = summary(&r);
    assert_eq!(n, 22);
    assert_eq!((b, rv, c, e), count(&recs));
    // the same through standard input
    let s = run(&["classify", "-"], Some(&input)).ok();
    assert_eq!(s.stdout, r.stdout);
}

#[test]
fn line_size_limit() {
    let t = Tmp::new("limit");
    // the default limit is 1 MiB: a 1.5 MB line is an error record and the
    // next line is read as usual
    let big = line(json!({"id": "big", "text": "a ".repeat(750_000)}));
    let input = [
        line(json!({"id": "before", "text": BREACH_TEXT})),
        big.clone(),
        line(json!({"id": "after", "text": BREACH_TEXT})),
    ]
    .concat();
    let path = t.write("big.jsonl", &input);
    let recs = run(&["classify", &path], None).ok().records();
    assert_every_line(&recs, 3);
    assert_eq!(recs[0]["id"], "before");
    let e = recs[1]["error"].as_str().expect("over the limit");
    assert!(
        e.contains("1048576") && e.contains("--max-line-bytes"),
        "{e}"
    );
    assert_eq!(recs[2]["id"], "after");
    assert_eq!(recs[2]["verdict"], "breach");
    // raised, the same line is read
    let recs = run(&["classify", &path, "--max-line-bytes", "2000000"], None)
        .ok()
        .records();
    assert_eq!(recs[1]["id"], "big");
    // the limit is exact, and a CRLF's \r does not count
    let rec = r#"{"id":"exact"}"#;
    let n = rec.len().to_string();
    let input = format!("{rec}\n{rec}\r\n {rec}\n");
    let recs = run(
        &["classify", "-", "--max-line-bytes", &n],
        Some(input.as_bytes()),
    )
    .ok()
    .records();
    assert_every_line(&recs, 3);
    assert_eq!(recs[0]["id"], "exact");
    assert_eq!(recs[1]["id"], "exact");
    assert!(recs[2]["error"]
        .as_str()
        .unwrap()
        .contains("over the limit"));
}

#[test]
fn huge_and_hostile_lines() {
    let t = Tmp::new("hostile");
    let lines = [
        // a 10 MB line, with the signal at the very end
        line(
            json!({"id": "10mb", "text": format!("{}{BREACH_TEXT}", format!("{} ", "x".repeat(99)).repeat(100_000))}),
        ),
        line(json!({"id": "emoji", "text": "😀".repeat(100_000)})),
        line(
            json!({"id": "zw", "text": format!("{}coblos prabowo gibran", "\u{200b}".repeat(200_000))}),
        ),
        line(json!({"id": "word", "text": "prabowo ".repeat(300_000)})),
        line(json!({"id": "media", "text": "Kondangan",
            "media": vec!["foto bersama calon, pose dua jari"; 20_000]})),
        line(json!({"id": "hashtags", "hashtags": vec!["#senin"; 20_000]})),
        line(json!({"id": "after", "text": BREACH_TEXT})),
    ];
    assert!(lines[0].len() > 10_000_000);
    let input = lines.concat();
    let path = t.write("hostile.jsonl", &input);
    let r = run(&["classify", &path, "--max-line-bytes", "20000000"], None).ok();
    let recs = r.records();
    assert_every_line(&recs, lines.len());
    for (rec, want) in recs
        .iter()
        .zip(["10mb", "emoji", "zw", "word", "media", "hashtags", "after"])
    {
        assert_eq!(rec["id"], want, "line {}: {}", rec["line"], rec["error"]);
        assert!(rec["verdict"].is_string(), "{want}: {}", rec["error"]);
    }
    assert_eq!(
        recs[0]["verdict"], "breach",
        "the end of a 10 MB line is read"
    );
    assert_eq!(recs[6]["verdict"], "breach");
    assert_spans(&input, &recs);
    // the output stays proportionate: no evidence list the size of the input
    assert!(
        r.stdout.len() < 1_000_000,
        "{} bytes of output",
        r.stdout.len()
    );
    // with the default limit, the big line alone is refused
    let recs = run(&["classify", &path], None).ok().records();
    assert_every_line(&recs, lines.len());
    assert!(recs[0]["error"].is_string());
    assert_eq!(recs[6]["verdict"], "breach");
}

// ---------------------------------------------------------------- failures

#[test]
fn unreadable_input_is_a_failed_run() {
    let t = Tmp::new("unreadable");
    let missing = t.path("missing.jsonl");
    let msg = run(&["classify", &missing], None).fatal();
    assert!(msg.contains("missing.jsonl"), "{msg}");
    // a directory
    let msg = run(&["classify", &path_str(&t.0)], None).fatal();
    assert!(msg.contains("directory"), "{msg}");
    // named .gz but not gzip
    let fake = t.write("fake.jsonl.gz", line(json!({"id": "1"})));
    let msg = run(&["classify", &fake], None).fatal();
    assert!(
        msg.contains("fake.jsonl.gz") && msg.contains("gzip"),
        "{msg}"
    );
    // empty input: nothing to answer, a clean run
    let empty = t.write("empty.jsonl", "");
    let r = run(&["classify", &empty], None).ok();
    assert!(r.stdout.is_empty());
    assert_eq!(summary(&r), (0, 0, 0, 0, 0));
    let r = run(&["classify"], Some(b"")).ok();
    assert!(r.stdout.is_empty());
}

// ---------------------------------------------------------------- explain

#[test]
fn explain_prints_a_readable_verdict() {
    let r = run(
        &[
            "explain",
            "Ayo coblos 02, lanjutkan!",
            "--action",
            "like",
            "--target",
            "Prabowo-Gibran untuk Indonesia maju",
            "--media",
            "foto bersama calon, pose dua jari",
        ],
        None,
    )
    .ok();
    let out = r.out();
    assert!(out.starts_with("verdict: BREACH"), "{out}");
    assert!(out.contains("score: 0."), "{out}");
    assert!(out.contains("rules:") && out.contains("SKB2022/"), "{out}");
    assert!(out.contains("evidence:"), "{out}");
    assert!(out.contains("⟦coblos⟧"), "the quote in context: {out}");
    assert!(
        out.contains("target: ") && out.contains("⟦Prabowo-Gibran⟧"),
        "{out}"
    );
    assert!(out.contains("media[0]"), "{out}");
    assert!(out.contains("reasons:") && out.contains("B1"), "{out}");
    assert!(r.stderr.is_empty(), "{}", r.stderr);

    let r = run(&["explain", CLEAR_TEXT], None).ok();
    assert!(r.out().starts_with("verdict: CLEAR"), "{}", r.out());
    let r = run(
        &[
            "explain",
            BREACH_TEXT,
            "--role",
            "public",
            "--profile",
            "prabumulih",
        ],
        None,
    )
    .ok();
    assert!(r.out().starts_with("verdict: CLEAR"), "{}", r.out());
    // a long text: the context is cut, multi-byte characters intact
    let long = format!(
        "{} coblos prabowo gibran {}",
        "é😀".repeat(100),
        "ü".repeat(100)
    );
    let r = run(&["explain", &long], None).ok();
    assert!(r.out().starts_with("verdict: BREACH"), "{}", r.out());
    assert!(
        r.out().lines().all(|l| l.chars().count() < 400),
        "{}",
        r.out()
    );
    // bad options are one-line failures
    let msg = run(&["explain", "x", "--action", "dance"], None).fatal();
    assert!(msg.contains("dance") && msg.contains("like"), "{msg}");
    let msg = run(&["explain", "x", "--role", "king"], None).fatal();
    assert!(msg.contains("king"), "{msg}");
    let msg = run(&["explain", "x", "--profile", "jakarta"], None).fatal();
    assert!(msg.contains("jakarta"), "{msg}");
}

#[test]
fn explain_json_prints_one_verdict() {
    let t = Tmp::new("explain");
    let r = run(
        &[
            "explain",
            "mantap",
            "--action",
            "share",
            "--target",
            "Ayo coblos Ganjar-Mahfud nomor 3!",
            "--hashtag",
            "#Coblos3",
            "--official",
            "--created-at",
            "2024-02-06T08:30:00+07:00",
            "--json",
        ],
        None,
    )
    .ok();
    let v: Value = serde_json::from_slice(&r.stdout).expect("only JSON with --json");
    assert_eq!(v["verdict"], "breach");
    assert_eq!(v["action"], "share");
    assert_eq!(v["actor"]["account"], "official");
    assert_eq!(v["created_at"], "2024-02-06T08:30:00+07:00");
    assert_eq!(v["targets"][0]["number"], 3);
    let s = v["score"].as_f64().unwrap();
    assert!(s > 0.5 && s <= 1.0);
    for key in ["rules", "codes", "evidence", "reasons"] {
        assert!(
            v[key].as_array().is_some_and(|a| !a.is_empty()),
            "{key}: {v}"
        );
    }
    let target = "Ayo coblos Ganjar-Mahfud nomor 3!";
    for e in v["evidence"].as_array().unwrap() {
        if e["field"] == "target" {
            let (a, b) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&target[a..b], e["quote"].as_str().unwrap());
        }
    }
    // with a registry file, as classify
    let reg = t.write("contoh.toml", REGISTRY);
    let r = run(
        &[
            "explain",
            "Coblos Zulkarnaen Wiratmaja!",
            "--candidates",
            &reg,
            "--json",
        ],
        None,
    )
    .ok();
    let v: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(v["verdict"], "breach");
    assert_eq!(v["targets"][0]["election"], "pilbup-contoh-2029");
}
