//! Writes a realistic, seeded dump of activities in the SPEC §1 JSONL format.
//!
//! ```text
//! cargo run --release --example generate -- --records N [--seed S] [--out FILE]
//! ```
//!
//! Defaults: 1000 records, seed 42, standard output. The same records and
//! seed always give the same bytes; a smaller dump is a prefix of a larger
//! one with the same seed. The generator lives in `benches/gen/mod.rs`, so
//! the benches measure exactly this kind of input.

#[path = "../benches/gen/mod.rs"]
mod gen;

use std::process::ExitCode;

const USAGE: &str = "usage: generate [--records N] [--seed S] [--out FILE]
  --records N  number of activities (default 1000)
  --seed S     seed of the generator (default 42)
  --out FILE   write to FILE instead of standard output (`-`: standard output)";

struct Args {
    records: usize,
    seed: u64,
    out: Option<String>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        records: 1000,
        seed: 42,
        out: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        // accept both `--records N` and `--records=N`
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--records" | "-n" => {
                let v = value("--records")?;
                args.records = v
                    .replace('_', "")
                    .parse()
                    .map_err(|_| format!("--records: `{v}` is not a number"))?;
            }
            "--seed" => {
                let v = value("--seed")?;
                args.seed = v
                    .parse()
                    .map_err(|_| format!("--seed: `{v}` is not a number"))?;
            }
            "--out" | "-o" => {
                let v = value("--out")?;
                args.out = if v == "-" { None } else { Some(v) };
            }
            "--help" | "-h" => return Ok(None),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("generate: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let (place, result) = match &args.out {
        Some(path) => (
            path.as_str(),
            std::fs::File::create(path).and_then(|f| gen::write_dump(f, args.records, args.seed)),
        ),
        None => (
            "standard output",
            gen::write_dump(std::io::stdout().lock(), args.records, args.seed),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // a reader that stopped early (`| head`) is not an error
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: {place}: {e}");
            ExitCode::FAILURE
        }
    }
}
