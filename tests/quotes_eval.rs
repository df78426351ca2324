//! Evaluation harness: writes predictions for the shared scorers (all tests `#[ignore]`d).
//!
//! ```text
//! SAIDWHO_DOUBLE_ONLY=1 SAIDWHO_PRED=/tmp/dev.pred.jsonl \
//!     cargo test --release --test quotes_eval -- --ignored dev
//! python3 ../shared/eval/score_quotes.py ../shared/data/polnear/dev.jsonl /tmp/dev.pred.jsonl
//! SAIDWHO_PRED=/tmp/seed.pred.jsonl cargo test --release --test quotes_eval -- --ignored seed
//! python3 ../shared/eval/score_seed.py /tmp/seed.pred.jsonl
//! cargo test --release --test quotes_eval -- --ignored throughput --nocapture
//! ```
//! Offsets are written as Python `str` indices (code points), as the scorers expect; one row per
//! quote, keyed by the article id (the scorer reads the first annotation of each article).
//! Environment: `SAIDWHO_PRED` (output path), `SAIDWHO_GOLD` (another corpus file, e.g.
//! train.jsonl for error analysis), `SAIDWHO_DOUBLE_ONLY=1` (`double_marks_only`: quotations
//! counted the way PolNeAR was annotated, from double marks only), `SAIDWHO_KEEP_NON_SPEECH=1`,
//! `SAIDWHO_NO_REPORTED=1` (quotations only, no reported speech).
//! Every test skips with a note when `../shared` is absent.

mod common;
use std::io::Write;
use std::path::PathBuf;

use saidwho::offsets::CharIndex;
use saidwho::quotes::{extract, Quote, QuoteOptions};
use serde_json::{json, Value};

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn row(id: &str, q: &Quote, idx: &CharIndex) -> Value {
    let span = |s: &Option<saidwho::quotes::Span>| match s {
        Some(s) => (
            json!(idx.char_offset(s.start)),
            json!(idx.char_offset(s.end)),
        ),
        None => (Value::Null, Value::Null),
    };
    let (ms, me) = span(&q.mention);
    let (cs, ce) = span(&q.cue);
    json!({
        "id": id,
        "start": idx.char_offset(q.start),
        "end": idx.char_offset(q.end),
        "type": q.kind.name(),
        "speaker": q.speaker,
        "mention": q.mention.as_ref().map(|m| m.text.clone()),
        "mention_start": ms,
        "mention_end": me,
        "cue": q.cue.as_ref().map(|c| c.text.clone()),
        "cue_start": cs,
        "cue_end": ce,
        "confidence": q.confidence,
        "rule": q.rule.name(),
        "resolution": q.resolution.iter().map(|r| format!("{} ({})", r.text, r.link)).collect::<Vec<_>>().join(" → "),
        "text": q.text,
    })
}

fn out_path(default: &str) -> PathBuf {
    std::env::var_os("SAIDWHO_PRED")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join(default))
}

#[test]
#[ignore]
fn dev() {
    // SAIDWHO_GOLD points at another file of the same format (train.jsonl, for error analysis).
    let path = std::env::var_os("SAIDWHO_GOLD")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::polnear("dev.jsonl"));
    let Some(records) = common::first_annotations(&path) else {
        return;
    };
    let out = out_path("saidwho-dev.pred.jsonl");
    let mut file = std::fs::File::create(&out).expect("create prediction file");
    // SAIDWHO_DOUBLE_ONLY=1: count quotations the way the corpus was annotated (double marks).
    let flag = |name: &str| std::env::var(name).is_ok_and(|v| v == "1");
    let options = QuoteOptions {
        double_marks_only: flag("SAIDWHO_DOUBLE_ONLY"),
        keep_non_speech: flag("SAIDWHO_KEEP_NON_SPEECH"),
        reported: !flag("SAIDWHO_NO_REPORTED"),
    };
    let mut n = 0;
    for (id, rec) in &records {
        let id = id.as_str();
        let text = rec["text"].as_str().unwrap_or("");
        let idx = CharIndex::new(text);
        for q in extract(text, &options) {
            writeln!(file, "{}", row(id, &q, &idx)).expect("write");
            n += 1;
        }
    }
    eprintln!("{n} quotes written to {}", out.display());
}

#[test]
#[ignore]
fn seed() {
    let path = shared().join("seed/article.clean.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} absent, skipping", path.display());
        return;
    };
    let out = out_path("saidwho-seed.pred.jsonl");
    let mut file = std::fs::File::create(&out).expect("create prediction file");
    let idx = CharIndex::new(&text);
    for q in extract(&text, &QuoteOptions::default()) {
        writeln!(file, "{}", row("seed", &q, &idx)).expect("write");
    }
    eprintln!("written to {}", out.display());
}

/// Single-thread throughput over every article of train.jsonl, once each (run with `--release`).
#[test]
#[ignore]
fn throughput() {
    let path = common::polnear("train.jsonl");
    let Some(records) = common::first_annotations(&path) else {
        return;
    };
    // Each article once (some were annotated twice).
    let texts: Vec<String> = records
        .iter()
        .filter_map(|(_, r)| r["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    // SAIDWHO_NO_REPORTED=1: quotations only.
    let options = QuoteOptions {
        reported: !std::env::var("SAIDWHO_NO_REPORTED").is_ok_and(|v| v == "1"),
        ..QuoteOptions::default()
    };
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..3 {
        for t in &texts {
            n += extract(t, &options).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "extraction: {} quotes, {:.1} MB in {:.2} s: {:.1} MB/s",
        n,
        3.0 * bytes as f64 / 1e6,
        secs,
        3.0 * bytes as f64 / 1e6 / secs
    );
    // What the Python API does by default: clean (news defaults), then extract.
    let clean_options = saidwho::clean::CleanOptions::default();
    let start = std::time::Instant::now();
    let mut n = 0;
    for t in &texts {
        let cleaned = saidwho::clean::clean(t, &clean_options);
        n += extract(&cleaned, &options).len();
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "clean + extraction: {} quotes, {:.1} MB in {:.2} s: {:.1} MB/s",
        n,
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs
    );
}
