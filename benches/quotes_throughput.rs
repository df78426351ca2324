//! Quotation-finding throughput in Rust on the PolNeAR dev articles (the first record of each,
//! as bench_quotes.py reads them), reported speech on, one thread: the figure behind
//! `saidwho.quotes` without the Python layer. Skips with a note when ../shared is absent.
//!
//!     cargo bench --bench quotes_throughput [-- ROUNDS]
//!     cargo bench --bench quotes_throughput -- --profile [PASSES]
//!
//! `--profile` runs the corpus PASSES times (default 20) after one untimed pass that builds the
//! word lists and weight tables, so a profiler (`perf record`, `valgrind --tool=callgrind`) sees
//! the per-document work rather than the one-time set-up.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Instant;

use saidwho::quotes::{extract, QuoteOptions};

fn dev_texts() -> Option<Vec<String>> {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let raw = std::fs::read_to_string(shared.join("data/polnear/dev.jsonl")).ok()?;
    let mut seen = HashSet::new();
    let mut texts = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let r: serde_json::Value = serde_json::from_str(line).ok()?;
        if seen.insert(r["article"].as_str()?.to_owned()) {
            texts.push(r["text"].as_str()?.to_owned());
        }
    }
    Some(texts)
}

fn run(texts: &[String], options: &QuoteOptions) -> usize {
    texts.iter().map(|t| extract(t, options).len()).sum()
}

fn main() {
    let Some(texts) = dev_texts() else {
        eprintln!("quotes_throughput: ../shared/data/polnear/dev.jsonl not found; skipped");
        return;
    };
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let options = QuoteOptions::default();
    let found = run(&texts, &options);
    if args.first().map(String::as_str) == Some("--profile") {
        let passes: usize = args.get(1).and_then(|p| p.parse().ok()).unwrap_or(20);
        for _ in 0..passes {
            run(&texts, &options);
        }
        return;
    }
    let rounds: usize = args.first().and_then(|r| r.parse().ok()).unwrap_or(7);
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let best = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            run(&texts, &options);
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    println!(
        "quotes (reported on), {} dev articles, {mb:.2} MB, {found} rows: {:.1} MB/s (best of {rounds})",
        texts.len(),
        mb / best
    );
}
