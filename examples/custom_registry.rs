//! Loads a custom candidate registry (SPEC §4) and shows what it changes.
//!
//! ```text
//! cargo run --release --example custom_registry
//! cargo run --release --example custom_registry -- my-registry.toml "post one" "post two"
//! ```
//!
//! The registry defaults to `examples/registry-pilbup-sukamakmur.toml`, a
//! made-up regency election with three tickets; further arguments replace
//! the built-in sample posts. Three classifiers are built from the same
//! lexicon and profile:
//!
//! - `embedded`: [`Classifier::new`], the embedded Pemilu and Pilkada 2024 registry;
//! - `embedded+custom`: [`Classifier::builder`]`.registry(custom)`, both;
//! - `custom only`: `.no_default_candidates().registry(custom)`.
//!
//! Each post is classified by all three. The custom tickets are recognised
//! only where the custom registry is loaded; a bare ballot number
//! ("coblos nomor 3") is flagged everywhere but attributed to a ticket only
//! where one has that number; the 2024 tickets vanish from `custom only`.
//! Ticket aliases that are everyday words ("HEBAT", "AMAN") stay weak
//! evidence, and a neutrality circular naming every ticket stays clear.
//!
//! Loading fails as a whole, naming the file and line: the end of the run
//! shows a registry with a duplicate ballot number and the same election
//! loaded twice.

use std::path::PathBuf;
use std::process::ExitCode;

use netral::{Action, Activity, Classifier, Registry, Verdict};

fn default_registry() -> PathBuf {
    [
        env!("CARGO_MANIFEST_DIR"),
        "examples",
        "registry-pilbup-sukamakmur.toml",
    ]
    .iter()
    .collect()
}

/// Sample activities about the Sukamakmur race and one about Pilpres 2024.
fn sample_posts() -> Vec<Activity> {
    let acted_on = |id: &str, action: Action, text: &str, target: &str| Activity {
        id: id.into(),
        action,
        text: Some(text.into()).filter(|t: &String| !t.is_empty()),
        target: Some(target.into()),
        ..Activity::default()
    };
    let mut hashtagged = Activity::upload("s6", "Dukung terus AMIN sampai menang!");
    hashtagged.hashtags.push("AMINajaDulu".into());
    vec![
        Activity::upload(
            "s1",
            "Dukung terus Hendra-Rahma, Sukamakmur Hebat! #HendraRahma2029",
        ),
        Activity::upload(
            "s2",
            "Bismillah AMAN untuk Sukamakmur, 28 November coblos nomor 3!",
        ),
        acted_on(
            "s3",
            Action::Like,
            "",
            "Visi misi paslon nomor urut 3 Agus-Nuraini: Sukamakmur Aman dan Religius. Cek flyer lengkapnya!",
        ),
        acted_on(
            "s4",
            Action::Follow,
            "",
            "Relawan YUDA Kec. Sukamaju | Posko pemenangan Bang Yusuf - Bu Dewi",
        ),
        acted_on(
            "s5",
            Action::Comment,
            "Gaspol YUDA menang! Jangan pilih Hendra-Rahma 👎",
            "Debat publik calon bupati Sukamakmur semalam",
        ),
        hashtagged,
        Activity::upload(
            "s7",
            "Hebat banget timnas semalam! Pertahanan aman terkendali 🔥",
        ),
        acted_on(
            "s8",
            Action::Share,
            "Dibaca ya rekan2",
            "SE Bupati Sukamakmur: ASN dilarang like dan share postingan paslon Hendra-Rahma, YUDA maupun Agus-Nuraini selama masa kampanye",
        ),
    ]
}

/// One line: verdict, score, codes and the tickets concerned.
fn summary(v: &Verdict) -> String {
    let mut s = format!(
        "{:<7}{:.2}",
        v.verdict.map_or("error", |k| k.as_str()),
        v.score
    );
    if !v.codes.is_empty() {
        s += &format!("  {}", v.codes.join(","));
    }
    for t in &v.targets {
        let election = t.election.as_deref().unwrap_or("(election unknown)");
        s += &format!("  → {election} no. {}", t.number);
        if !t.names.is_empty() {
            s += &format!(" ({})", t.names.join(" – "));
        }
    }
    s
}

/// Shows that a bad registry fails as a whole, naming file and line.
fn show_errors(custom: &Registry) {
    println!("\nA registry with a mistake is rejected as a whole:");
    let broken = "[[elections]]
id = \"pilkades-sukamaju-2029\"

[[elections.tickets]]
number = 1
candidates = [{ name = \"Slamet Riyadi\" }]

[[elections.tickets]]
number = 1
candidates = [{ name = \"Siti Khodijah\" }]
";
    match Registry::from_toml("pilkades-sukamaju.toml", broken) {
        Ok(_) => println!("  (unexpectedly loaded)"),
        Err(e) => println!("  {e}"),
    }
    let twice = Classifier::builder()
        .registry(custom.clone())
        .registry(custom.clone())
        .build();
    match twice {
        Ok(_) => println!("  (the same election loaded twice: unexpectedly accepted)"),
        Err(e) => println!("  {e}"),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("usage: custom_registry [REGISTRY.toml] [POST]...");
        return ExitCode::SUCCESS;
    }
    let path = args.first().map_or_else(default_registry, PathBuf::from);
    let own: Vec<Activity> = args
        .iter()
        .skip(1)
        .enumerate()
        .map(|(i, t)| Activity::upload(format!("arg{}", i + 1), t.as_str()))
        .collect();
    let posts = if own.is_empty() { sample_posts() } else { own };

    // Load once: the file is validated as a whole, errors name file and line.
    let custom = match Registry::from_path(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("custom_registry: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}:", path.display());
    for e in custom.elections() {
        println!("  {} — {} ({} tickets)", e.id, e.title, e.tickets.len());
        for t in &e.tickets {
            println!("    no. {}  {}", t.number, t.names().join(" – "));
        }
    }

    let built = Classifier::builder()
        .registry(custom.clone())
        .build()
        .and_then(|both| {
            let only = Classifier::builder()
                .no_default_candidates()
                .registry(custom.clone())
                .build()?;
            Ok((both, only))
        });
    let (both, only) = match built {
        Ok(c) => c,
        Err(e) => {
            eprintln!("custom_registry: {e}");
            return ExitCode::FAILURE;
        }
    };
    let classifiers = [
        ("embedded", Classifier::new()),
        ("embedded+custom", both),
        ("custom only", only),
    ];
    for (name, c) in &classifiers {
        println!(
            "{name:<16} {} elections, {} tickets",
            c.registry().elections().len(),
            c.registry().ticket_count()
        );
    }

    for a in &posts {
        let shown: Vec<String> = [("text", &a.text), ("target", &a.target)]
            .into_iter()
            .filter_map(|(f, v)| v.as_ref().map(|v| format!("{f}: {v:?}")))
            .chain(a.hashtags.iter().map(|h| format!("hashtag: #{h}")))
            .collect();
        println!("\n[{}] {} — {}", a.id, a.action.as_str(), shown.join("; "));
        for (name, c) in &classifiers {
            println!("  {name:<16} {}", summary(&c.classify(a)));
        }
    }

    show_errors(&custom);
    ExitCode::SUCCESS
}
