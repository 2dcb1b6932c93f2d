//! A multi-threaded monitoring loop around one shared [`Classifier`].
//!
//! ```text
//! cargo run --release --example monitor                      # examples/posts.jsonl
//! cargo run --release --example monitor -- dump.jsonl --threads 8
//! tail -f feed.jsonl | cargo run --release --example monitor -- - --json
//! ```
//!
//! Reads activities as JSONL (SPEC §1) from a file, or from standard input
//! with `-` (default: `examples/posts.jsonl`), and prints every flagged
//! activity (breach or review) and every line that could not be read, in
//! input order, then a count per verdict. `--json` prints the flagged
//! verdicts as SPEC §2 JSONL instead of one readable line each;
//! `--threads N` sets the number of workers (default: all cores).
//!
//! The pipeline:
//!
//! - the classifier is built once and shared by reference count
//!   (`Arc<Classifier>`; it is `Send + Sync`, a `static` behind
//!   `once_cell::sync::Lazy` works as well);
//! - a reader thread numbers the lines and sends them into a bounded
//!   channel, so a slow consumer holds the reader back instead of
//!   buffering the whole input;
//! - N worker threads take lines from that channel, parse and classify;
//!   a line that cannot be read (bad JSON, invalid UTF-8, over 1 MiB, empty)
//!   becomes an error record with its line number, as in `netral classify`
//!   (which also reads lone surrogate escapes as U+FFFD: not done here);
//!   a read error ends the input with an error record and the run fails
//!   (exit status 1) after printing everything before it;
//! - the collector (the main thread) receives verdicts in whatever order
//!   the workers finish and puts them back in input order before printing.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;

use netral::{Activity, Classifier, Verdict, VerdictKind};

/// Lines longer than this become error records (as `netral classify --max-line-bytes`).
const MAX_LINE_BYTES: usize = 1 << 20;

/// One input line on its way to a worker.
struct Job {
    line: u64,
    /// The line's bytes, without the newline; empty when it was too long.
    bytes: Vec<u8>,
    /// What went wrong before parsing (too long, read error).
    problem: Option<String>,
}

struct Options {
    input: String,
    threads: usize,
    json: bool,
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut o = Options {
        input: concat!(env!("CARGO_MANIFEST_DIR"), "/examples/posts.jsonl").to_string(),
        threads: thread::available_parallelism().map_or(4, |n| n.get()),
        json: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-h" | "--help" => return Ok(None),
            "--json" => o.json = true,
            "--threads" => {
                o.threads = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--threads wants a positive number")?;
            }
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => o.input = a,
        }
    }
    Ok(Some(o))
}

/// Reads the next line into `buf`, without its `\r\n` or `\n`, keeping at
/// most `MAX_LINE_BYTES + 2` bytes and skipping the rest of a longer line.
/// Returns `None` at the end of the input, else the line's full length
/// (the line fits when that is at most `MAX_LINE_BYTES`).
fn next_line(r: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<Option<usize>> {
    buf.clear();
    // room for the longest line allowed, its `\r` and its `\n`
    let n = r
        .by_ref()
        .take(MAX_LINE_BYTES as u64 + 2)
        .read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(None);
    }
    let mut len = buf.len();
    let mut last = buf.last().copied();
    if last == Some(b'\n') {
        buf.pop();
        len -= 1;
        last = buf.last().copied();
    } else if len > MAX_LINE_BYTES {
        // too long: skip to the end of the line, counting without keeping
        loop {
            let avail = r.fill_buf()?;
            let Some(&end) = avail.last() else {
                break;
            };
            match avail.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    last = if i > 0 { Some(avail[i - 1]) } else { last };
                    len += i;
                    r.consume(i + 1);
                    break;
                }
                None => {
                    last = Some(end);
                    len += avail.len();
                    let n = avail.len();
                    r.consume(n);
                }
            }
        }
    }
    if last == Some(b'\r') {
        len -= 1; // a CRLF line's `\r` is not part of the record
        buf.truncate(len);
    }
    Ok(Some(len))
}

/// The reader: numbers the lines and feeds the workers until the input
/// ends. A read error is answered with an error record and ends the input;
/// it is returned, so that the run can fail after the lines before it.
fn read_all(mut r: impl BufRead, jobs: SyncSender<Job>) -> Option<(u64, io::Error)> {
    let mut line = 0u64;
    let mut buf = Vec::new();
    loop {
        line += 1;
        let (bytes, problem) = match next_line(&mut r, &mut buf) {
            Ok(None) => return None,
            Ok(Some(len)) if len <= MAX_LINE_BYTES => (std::mem::take(&mut buf), None),
            Ok(Some(len)) => (
                Vec::new(),
                Some(format!(
                    "line is {len} bytes, over the limit of {MAX_LINE_BYTES}"
                )),
            ),
            Err(e) => {
                let _ = jobs.send(Job {
                    line,
                    bytes: Vec::new(),
                    problem: Some(format!(
                        "read error: {e}; the input ends here, later lines are lost"
                    )),
                });
                return Some((line, e));
            }
        };
        if jobs
            .send(Job {
                line,
                bytes,
                problem,
            })
            .is_err()
        {
            return None; // the workers are gone
        }
    }
}

/// Reads one record exactly as `netral classify` does (the library's
/// JSONL reader: byte-order mark, CRLF, UTF-8, one JSON object, lone
/// surrogate escapes).
fn parse(bytes: &[u8]) -> Result<Activity, String> {
    netral::jsonl::parse_line(bytes, usize::MAX).map_err(|e| e.to_string())
}

/// A worker's answer for one line: a verdict, or an error record.
fn answer(c: &Classifier, job: Job) -> Verdict {
    let parsed = match job.problem {
        Some(p) => Err(p),
        None => parse(&job.bytes),
    };
    match parsed {
        Ok(a) => {
            let mut v = c.classify(&a);
            v.line = Some(job.line);
            v
        }
        Err(e) => Verdict::error(Some(job.line), e),
    }
}

/// A worker: takes lines until the reader is done, sends back verdicts.
fn work(c: Arc<Classifier>, jobs: Arc<Mutex<Receiver<Job>>>, out: mpsc::Sender<Verdict>) {
    loop {
        // hold the lock only while taking a job, not while classifying
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return, // another worker panicked
        };
        let Ok(job) = job else {
            return; // the reader is done and the channel is empty
        };
        if out.send(answer(&c, job)).is_err() {
            return;
        }
    }
}

/// One readable line for a flagged verdict or an error record.
fn describe(v: &Verdict) -> String {
    let line = v.line.unwrap_or(0);
    let Some(kind) = v.verdict else {
        return format!(
            "line {line:>4}  ERROR          {}",
            v.error.as_deref().unwrap_or("")
        );
    };
    let mut s = format!(
        "line {line:>4}  {:<6} {:.2}  {}  {}",
        kind.as_str().to_uppercase(),
        v.score,
        v.id.as_deref().unwrap_or("-"),
        v.codes.join(",")
    );
    for t in &v.targets {
        s += &format!(
            "  {} no. {}",
            t.election.as_deref().unwrap_or("?"),
            t.number
        );
    }
    let quotes: Vec<String> = v
        .evidence
        .iter()
        .take(4)
        .map(|e| format!("«{}»", e.quote))
        .collect();
    if !quotes.is_empty() {
        s += &format!("  {}", quotes.join(" "));
    }
    s
}

fn run(o: Options) -> Result<(), String> {
    let input: Box<dyn BufRead + Send> = if o.input == "-" {
        Box::new(BufReader::new(io::stdin()))
    } else {
        let f = File::open(&o.input).map_err(|e| format!("{}: {e}", o.input))?;
        Box::new(BufReader::new(f))
    };

    // Built once, shared by every worker.
    let classifier = Arc::new(Classifier::new());

    let (job_tx, job_rx) = mpsc::sync_channel::<Job>(256 * o.threads);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (out_tx, out_rx) = mpsc::channel::<Verdict>();

    let reader = thread::spawn(move || read_all(input, job_tx));
    let workers: Vec<_> = (0..o.threads)
        .map(|_| {
            let (c, jobs, out) = (Arc::clone(&classifier), Arc::clone(&job_rx), out_tx.clone());
            thread::spawn(move || work(c, jobs, out))
        })
        .collect();
    drop(out_tx); // the collector's loop ends when the last worker is done

    // The collector: back into input order, print the flagged, count all.
    let mut stdout = io::stdout().lock();
    let mut pending: BTreeMap<u64, Verdict> = BTreeMap::new();
    let mut next = 1u64;
    let mut counts = [0u64; 4]; // breach, review, clear, error
    for v in out_rx {
        pending.insert(v.line.unwrap_or(0), v);
        while let Some(v) = pending.remove(&next) {
            next += 1;
            let i = match v.verdict {
                Some(VerdictKind::Breach) => 0,
                Some(VerdictKind::Review) => 1,
                Some(VerdictKind::Clear) => 2,
                None => 3,
            };
            counts[i] += 1;
            if i == 2 {
                continue;
            }
            let shown = if o.json {
                serde_json::to_string(&v).map_err(|e| e.to_string())?
            } else {
                describe(&v)
            };
            writeln!(stdout, "{shown}").map_err(|e| format!("writing output: {e}"))?;
        }
    }
    let read_error = reader.join();
    if workers.into_iter().any(|w| w.join().is_err()) {
        return Err("a worker panicked".into());
    }
    let read_error = read_error.map_err(|_| "the reader panicked".to_string())?;
    if !pending.is_empty() {
        return Err(format!("{} verdicts out of sequence", pending.len()));
    }
    let total = next - 1;
    let summary = format!(
        "{total} records with {} workers: breach {}, review {}, clear {}, error {}",
        o.threads, counts[0], counts[1], counts[2], counts[3]
    );
    if o.json {
        eprintln!("{summary}"); // keep standard output pure JSONL
    } else {
        writeln!(stdout, "{summary}").map_err(|e| format!("writing output: {e}"))?;
    }
    match read_error {
        Some((line, e)) => Err(format!(
            "{}: read error after line {}: {e}; the run stopped there",
            o.input,
            line - 1
        )),
        None => Ok(()),
    }
}

fn main() -> ExitCode {
    let o = match parse_args() {
        Ok(Some(o)) => o,
        Ok(None) => {
            println!("usage: monitor [FILE|-] [--threads N] [--json]");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("monitor: {e}");
            return ExitCode::from(2);
        }
    };
    match run(o) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("monitor: {e}");
            ExitCode::FAILURE
        }
    }
}
