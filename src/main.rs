//! `netral`: the command line over the library.
//!
//! `netral classify [FILE|-]` streams JSONL (plain or `.gz`) to verdict JSONL
//! or CSV, in input order, with every line answered. `netral explain "teks"`
//! prints one verdict for a person.

/// The classifier allocates many small strings per post; mimalloc makes
/// that markedly cheaper than the system allocator on long dumps.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use netral::{Action, Activity, Classifier, Profile, Registry, Verdict, VerdictKind};

#[derive(Parser)]
#[command(
    name = "netral",
    version,
    about = "Detects election-neutrality breaches by Indonesian civil servants (ASN) in social-media activity"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Jsonl,
    Csv,
}

#[derive(clap::Args)]
struct DataArgs {
    /// Candidate registry TOML file to add (repeatable).
    #[arg(long = "candidates", value_name = "FILE")]
    candidates: Vec<PathBuf>,
    /// Start from no registry instead of the embedded one.
    #[arg(long)]
    no_default_candidates: bool,
    /// Policy profile: an embedded name (national, prabumulih, bengkulu) or a TOML file.
    #[arg(long, value_name = "NAME|FILE")]
    profile: Option<String>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Classify a JSONL dump: one verdict per input line, in input order.
    Classify {
        /// Input file (`.gz` is decompressed), or `-` for standard input.
        #[arg(default_value = "-")]
        input: String,
        #[command(flatten)]
        data: DataArgs,
        /// Worker threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Write verdicts here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        /// Keep only these verdicts (comma separated: breach,review,clear,error).
        #[arg(long, value_delimiter = ',')]
        only: Vec<String>,
        /// Lines longer than this many bytes become error records.
        #[arg(long, default_value_t = 1 << 20)]
        max_line_bytes: usize,
    },
    /// Explain one post: verdict, score, rules and the evidence in context.
    Explain {
        /// The actor's own words.
        text: String,
        /// The action (upload, comment, share, like, follow).
        #[arg(long, default_value = "upload")]
        action: String,
        /// The content acted on.
        #[arg(long)]
        target: Option<String>,
        /// A media description (repeatable).
        #[arg(long)]
        media: Vec<String>,
        /// A hashtag (repeatable).
        #[arg(long)]
        hashtag: Vec<String>,
        /// Actor role: asn, non_asn or public.
        #[arg(long, default_value = "asn")]
        role: String,
        /// The account is an institution's official account.
        #[arg(long)]
        official: bool,
        /// Timestamp (RFC 3339).
        #[arg(long)]
        created_at: Option<String>,
        /// Print the verdict as JSON (SPEC §2) instead of the readable form.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        data: DataArgs,
    },
}

fn build(data: &DataArgs) -> Result<Classifier, String> {
    let mut b = Classifier::builder();
    if data.no_default_candidates {
        b = b.no_default_candidates();
    }
    for p in &data.candidates {
        b = b.registry(Registry::from_path(p).map_err(|e| e.to_string())?);
    }
    if let Some(p) = &data.profile {
        let known: Vec<&str> = netral::profile::EMBEDDED.iter().map(|(n, _)| *n).collect();
        let looks_like_path = p.contains(['/', '\\', '.']);
        if !known.contains(&p.as_str()) && !looks_like_path && !Path::new(p).exists() {
            return Err(format!(
                "--profile {p}: unknown profile (embedded: {}; or give a profile TOML file)",
                known.join(", ")
            ));
        }
        b = b.profile(Profile::load(p).map_err(|e| e.to_string())?);
    }
    b.build().map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let r = match cli.cmd {
        Cmd::Classify {
            input,
            data,
            threads,
            output,
            format,
            only,
            max_line_bytes,
        } => classify(
            &input,
            &data,
            threads,
            output,
            format,
            &only,
            max_line_bytes,
        ),
        Cmd::Explain {
            text,
            action,
            target,
            media,
            hashtag,
            role,
            official,
            created_at,
            json,
            data,
        } => explain(
            text, &action, target, media, hashtag, &role, official, created_at, json, &data,
        ),
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("netral: {e}");
            ExitCode::from(2)
        }
    }
}

/// Reads one line of at most `max` bytes (more is counted and discarded).
/// Returns None at end of input, else (bytes kept, total length).
fn read_line(r: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Option<usize>> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(if any { Some(total) } else { None });
        }
        any = true;
        let (chunk, done) = match avail.iter().position(|&b| b == b'\n') {
            Some(i) => (&avail[..i], i + 1),
            None => (avail, avail.len()),
        };
        let found = done > chunk.len();
        if buf.len() <= max {
            let room = max + 1 - buf.len();
            buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        }
        total += chunk.len();
        r.consume(done);
        if found {
            return Ok(Some(total));
        }
    }
}

/// Fills the reader's buffer once, so that an unreadable input (a directory,
/// a file that is not gzip after all) fails before any output is written.
fn peek(r: &mut impl BufRead) -> io::Result<Option<u8>> {
    loop {
        match r.fill_buf() {
            Ok(b) => return Ok(b.first().copied()),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Opens the input: a file or standard input, gunzipped when it is named
/// `.gz` or starts with the gzip magic byte (no JSONL line can).
fn open_input(input: &str) -> Result<(Box<dyn BufRead + Send>, Option<u64>), String> {
    let (raw, size, named_gz): (Box<dyn Read + Send>, Option<u64>, bool) = if input == "-" {
        (Box::new(io::stdin()), None, false)
    } else {
        let f = File::open(input).map_err(|e| format!("{input}: {e}"))?;
        let meta = f.metadata().map_err(|e| format!("{input}: {e}"))?;
        if meta.is_dir() {
            return Err(format!("{input}: is a directory, not a JSONL file"));
        }
        (Box::new(f), Some(meta.len()), input.ends_with(".gz"))
    };
    let mut r = BufReader::with_capacity(1 << 16, raw);
    let first = peek(&mut r).map_err(|e| format!("{input}: {e}"))?;
    if first.is_some() && (named_gz || first == Some(0x1f)) {
        let d = flate2::read::MultiGzDecoder::new(r);
        let mut r = BufReader::with_capacity(1 << 16, d);
        peek(&mut r).map_err(|e| format!("{input}: not a readable gzip file: {e}"))?;
        Ok((Box::new(r), None))
    } else {
        Ok((Box::new(r), size))
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn write_csv(w: &mut impl Write, v: &Verdict) -> io::Result<()> {
    let targets: Vec<String> = v
        .targets
        .iter()
        .map(|t| match &t.election {
            Some(e) => format!("{e}#{}", t.number),
            None => format!("#{}", t.number),
        })
        .collect();
    let verdict = match (&v.verdict, &v.error) {
        (Some(k), _) => k.as_str().to_string(),
        (None, _) => "error".to_string(),
    };
    let quote = v
        .evidence
        .first()
        .map(|e| e.quote.as_str())
        .or(v.error.as_deref())
        .unwrap_or("");
    writeln!(
        w,
        "{},{},{},{},{},{},{}",
        csv_field(v.id.as_deref().unwrap_or("")),
        v.line.unwrap_or(0),
        verdict,
        v.score,
        csv_field(&v.rules.join(" ")),
        csv_field(&targets.join(" ")),
        csv_field(quote)
    )
}

#[allow(clippy::too_many_arguments)]
fn classify(
    input: &str,
    data: &DataArgs,
    threads: Option<usize>,
    output: Option<PathBuf>,
    format: Format,
    only: &[String],
    max: usize,
) -> Result<(), String> {
    for o in only {
        if !matches!(o.as_str(), "breach" | "review" | "clear" | "error") {
            return Err(format!(
                "--only: unknown verdict `{o}` (breach, review, clear, error)"
            ));
        }
    }
    let c = build(data)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(|e| e.to_string())?;
    if input == "-" && io::stdin().is_terminal() {
        eprintln!("netral: reading JSONL from standard input (end with Ctrl-D)");
    }
    let (mut reader, size) = open_input(input)?;
    let out: Box<dyn Write + Send> = match &output {
        Some(p) => Box::new(File::create(p).map_err(|e| format!("{}: {e}", p.display()))?),
        None => Box::new(io::stdout()),
    };
    let progress = if io::stderr().is_terminal() {
        let pb = match size {
            Some(n) => indicatif::ProgressBar::new(n),
            None => indicatif::ProgressBar::new_spinner(),
        };
        let style = if size.is_some() {
            "{elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {msg} eta {eta}"
        } else {
            "{elapsed_precise} {bytes} {msg}"
        };
        if let Ok(s) = indicatif::ProgressStyle::with_template(style) {
            pb.set_style(s);
        }
        Some(pb)
    } else {
        None
    };
    let start = Instant::now();
    // A batch ends at BATCH_LINES lines or BATCH_BYTES bytes, whichever comes
    // first, so a dump of long lines does not hold gigabytes in memory. Two
    // batches wait at most between stages: reading, classifying (in
    // parallel, verdicts rendered to bytes there too) and writing overlap.
    const BATCH_LINES: usize = 4096;
    const BATCH_BYTES: usize = 64 << 20;
    enum Batch {
        /// (line number, bytes kept, full length) of each line, and the
        /// input bytes read so far
        Lines(Vec<(u64, Vec<u8>, usize)>, u64),
        /// the input cannot be read further
        Failed(String),
    }
    let mut counts = [0u64; 4]; // breach review clear error
    let mut line_no: u64 = 0;
    let mut read_error: Option<String> = None;
    let mut bytes_done: u64 = 0;
    let (batch_tx, batch_rx) = std::sync::mpsc::sync_channel::<Batch>(2);
    let (bytes_tx, bytes_rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(2);
    let write_result: Result<(), String> = std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut buf = Vec::new();
            let mut bytes_read: u64 = 0;
            let mut line_no: u64 = 0;
            loop {
                let mut raw = Vec::with_capacity(BATCH_LINES);
                let mut batch_bytes = 0usize;
                let mut end: Option<Batch> = None;
                while raw.len() < BATCH_LINES && batch_bytes < BATCH_BYTES {
                    match read_line(&mut reader, &mut buf, max) {
                        Ok(Some(total)) => {
                            line_no += 1;
                            bytes_read += total as u64 + 1;
                            batch_bytes += buf.len();
                            raw.push((line_no, buf.clone(), total));
                        }
                        Ok(None) => {
                            end = Some(Batch::Lines(Vec::new(), bytes_read));
                            break;
                        }
                        Err(e) => {
                            end = Some(Batch::Failed(e.to_string()));
                            break;
                        }
                    }
                }
                if !raw.is_empty() && batch_tx.send(Batch::Lines(raw, bytes_read)).is_err() {
                    return;
                }
                if let Some(e) = end {
                    if let Batch::Failed(_) = e {
                        let _ = batch_tx.send(e);
                    }
                    return;
                }
            }
        });
        let writer = scope.spawn(move || -> Result<(), String> {
            let mut w = BufWriter::with_capacity(1 << 16, out);
            if let Format::Csv = format {
                writeln!(w, "id,line,verdict,score,rules,targets,quote")
                    .map_err(|e| format!("writing output: {e}"))?;
            }
            for chunk in bytes_rx {
                w.write_all(&chunk)
                    .map_err(|e| format!("writing output: {e}"))?;
            }
            w.flush().map_err(|e| format!("writing output: {e}"))
        });
        for batch in batch_rx {
            let chunk = match batch {
                Batch::Lines(raw, bytes_read) => {
                    let rendered: Vec<(usize, Vec<u8>)> = pool.install(|| {
                        raw.par_iter()
                            .map(|(n, bytes, total)| {
                                let v =
                                    match netral::jsonl::parse_truncated_line(bytes, *total, max) {
                                        Ok(a) => {
                                            let mut v = c.classify(&a);
                                            v.line = Some(*n);
                                            v
                                        }
                                        Err(e) => Verdict::error(Some(*n), e.to_string()),
                                    };
                                render(&v, format, only)
                            })
                            .collect()
                    });
                    let mut chunk = Vec::with_capacity(rendered.iter().map(|r| r.1.len()).sum());
                    for (idx, bytes) in rendered {
                        counts[idx] += 1;
                        chunk.extend_from_slice(&bytes);
                    }
                    if let Some(&(n, _, _)) = raw.last() {
                        line_no = n;
                    }
                    bytes_done = bytes_read;
                    if let Some(pb) = &progress {
                        pb.set_position(bytes_read);
                        let secs = start.elapsed().as_secs_f64().max(1e-9);
                        pb.set_message(format!(
                            "{line_no} records, {:.0}/s",
                            line_no as f64 / secs
                        ));
                    }
                    chunk
                }
                Batch::Failed(e) => {
                    // answer the lines read so far, then this one, then stop
                    line_no += 1;
                    let v = Verdict::error(
                        Some(line_no),
                        format!("read error: {e}; the input ends here, later lines are lost"),
                    );
                    read_error = Some(e);
                    let (idx, bytes) = render(&v, format, only);
                    counts[idx] += 1;
                    bytes
                }
            };
            if bytes_tx.send(chunk).is_err() {
                break; // the writer stopped; its error is reported below
            }
        }
        drop(bytes_tx);
        writer
            .join()
            .unwrap_or_else(|_| Err("writing output: the writer thread failed".to_string()))
    });
    write_result?;
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "netral: {} records: breach {}, review {}, clear {}, error {}; {:.0} posts/s, {:.1} MB/s, {:.2} s",
        line_no,
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        line_no as f64 / secs.max(1e-9),
        bytes_done as f64 / 1e6 / secs.max(1e-9),
        secs
    );
    match read_error {
        Some(e) => Err(format!(
            "{input}: read error after line {}: {e}; the run stopped there",
            line_no - 1
        )),
        None => Ok(()),
    }
}

/// Renders one verdict as its output line (empty when `--only` leaves it
/// out) with the index of its count: breach, review, clear, error.
fn render(v: &Verdict, format: Format, only: &[String]) -> (usize, Vec<u8>) {
    let (idx, name) = match v.verdict {
        Some(VerdictKind::Breach) => (0, "breach"),
        Some(VerdictKind::Review) => (1, "review"),
        Some(VerdictKind::Clear) => (2, "clear"),
        None => (3, "error"),
    };
    let mut out = Vec::new();
    if only.is_empty() || only.iter().any(|o| o == name) {
        // writing to a Vec cannot fail
        let _ = match format {
            Format::Jsonl => serde_json::to_writer(&mut out, v)
                .map_err(io::Error::other)
                .and_then(|_| out.write_all(b"\n")),
            Format::Csv => write_csv(&mut out, v),
        };
    }
    (idx, out)
}

#[allow(clippy::too_many_arguments)]
fn explain(
    text: String,
    action: &str,
    target: Option<String>,
    media: Vec<String>,
    hashtags: Vec<String>,
    role: &str,
    official: bool,
    created_at: Option<String>,
    json: bool,
    data: &DataArgs,
) -> Result<(), String> {
    let c = build(data)?;
    let action: Action = serde_json::from_value(serde_json::Value::String(action.to_string()))
        .map_err(|_| format!("unknown action `{action}` (upload, comment, share, like, follow)"))?;
    let role: netral::Role = serde_json::from_value(serde_json::Value::String(role.to_string()))
        .map_err(|_| format!("unknown role `{role}` (asn, non_asn, public)"))?;
    let a = Activity {
        id: "explain".into(),
        action,
        text: Some(text),
        target,
        media,
        hashtags,
        actor: netral::Actor {
            id: None,
            role,
            account: if official {
                netral::Account::Official
            } else {
                netral::Account::Personal
            },
        },
        created_at,
        platform: None,
    };
    let v = c.classify(&a);
    let mut out = io::stdout().lock();
    let r = if json {
        serde_json::to_string_pretty(&v)
            .map_err(io::Error::other)
            .and_then(|j| writeln!(out, "{j}"))
    } else {
        print_explained(&mut out, &a, &v)
    };
    r.and_then(|_| out.flush())
        .map_err(|e| format!("writing output: {e}"))
}

fn print_explained(out: &mut impl Write, a: &Activity, v: &Verdict) -> io::Result<()> {
    let verdict = v.verdict.map_or("error", |k| k.as_str());
    writeln!(
        out,
        "verdict: {}   score: {:.2}   codes: {}",
        verdict.to_uppercase(),
        v.score,
        if v.codes.is_empty() {
            "-".to_string()
        } else {
            v.codes.join(", ")
        }
    )?;
    if !v.rules.is_empty() {
        writeln!(out, "rules:   {}", v.rules.join(", "))?;
    }
    for t in &v.targets {
        let e = t.election.as_deref().unwrap_or("(election unknown)");
        writeln!(out, "target:  {e} no. {} {}", t.number, t.names.join(" – "))?;
    }
    if !v.evidence.is_empty() {
        writeln!(out, "evidence:")?;
        for e in &v.evidence {
            let Some(field) = a.field(&e.field) else {
                continue;
            };
            let (Some(head), Some(tail)) = (field.get(..e.start), field.get(e.end..)) else {
                writeln!(out, "  [{:<13}] {}: ⟦{}⟧", e.kind, e.field, e.quote)?;
                continue;
            };
            // up to 30 characters of context on each side
            let lo = head.char_indices().rev().nth(29).map_or(0, |(i, _)| i);
            let hi = tail
                .char_indices()
                .nth(30)
                .map_or(field.len(), |(i, _)| e.end + i);
            let before = field.get(lo..e.start).unwrap_or("").replace('\n', " ");
            let after = field.get(e.end..hi).unwrap_or("").replace('\n', " ");
            writeln!(
                out,
                "  [{:<13}] {}: …{}⟦{}⟧{}…",
                e.kind, e.field, before, e.quote, after
            )?;
        }
    }
    if v.reasons.is_empty() {
        writeln!(
            out,
            "reasons: (none: no signal of support, opposition or campaign)"
        )?;
    } else {
        writeln!(out, "reasons:")?;
        for r in &v.reasons {
            writeln!(out, "  - {r}")?;
        }
    }
    Ok(())
}
