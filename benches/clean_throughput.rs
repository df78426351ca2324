//! Cleaning throughput in Rust, per damage mode and per step, on the corpus of
//! benches/bench_clean.py: the PolNeAR dev articles clean plus damaged in each mode of
//! ../shared/eval/damage.py. The damaged texts are made by that very script (run with
//! `python3`), so the corpus is byte-for-byte the one the Python benchmark times; they are
//! cached in target/ to keep reruns quick. Skips with a note when ../shared or python3 is absent.
//!
//!     cargo bench --bench clean_throughput [-- REPEAT] [-- --dump DIR]
//!     cargo bench --bench clean_throughput -- --profile [--mode M] [--step S] [--passes N]
//!
//! `--dump DIR` writes every document's cleaned text to DIR/<mode>-<n>.txt instead of timing,
//! to check that a speed change leaves outputs byte-identical (`diff -r` two dumps).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use saidwho::clean::{clean, CleanOptions};

const MODES: &[&str] = &[
    "c1-stripped",
    "latin1",
    "cp1252",
    "cp1252-twice",
    "cp1252-nbsp",
    "html",
    "macroman",
];

/// The steps' on/off flags, each timed alone (normalization is timed as `normalize`).
const STEPS: &[&str] = &[
    "none",
    "unescape_html",
    "remove_terminal_escapes",
    "restore_lost_punctuation",
    "fix_encoding",
    "fix_c1_controls",
    "fix_latin_ligatures",
    "fix_character_width",
    "uncurl_quotes",
    "fix_line_breaks",
    "remove_control_chars",
    "normalize",
];

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}

/// The first record of each dev article, in file order (as bench_clean.py reads them).
fn dev_texts(shared: &Path) -> Option<Vec<String>> {
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

/// Damaged versions of `texts` in `mode`, made by damage.py and cached as JSON in target/.
fn damaged(shared: &Path, texts: &[String], mode: &str) -> Option<Vec<String>> {
    let cache_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus");
    let cache = cache_dir.join(format!("{mode}.json"));
    if let Ok(raw) = std::fs::read_to_string(&cache) {
        if let Ok(v) = serde_json::from_str::<Vec<String>>(&raw) {
            if v.len() == texts.len() {
                return Some(v);
            }
        }
    }
    let script = "import importlib.util, json, sys\n\
         spec = importlib.util.spec_from_file_location('damage', sys.argv[1])\n\
         m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n\
         texts = json.load(sys.stdin)\n\
         json.dump([m.damage(t, sys.argv[2]) for t in texts], sys.stdout)\n";
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(shared.join("eval/damage.py"))
        .arg(mode)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    {
        use std::io::Write;
        let input = serde_json::to_string(texts).ok()?;
        child.stdin.take()?.write_all(input.as_bytes()).ok()?;
    }
    let out = child.wait_with_output().ok()?;
    if !out.status.success() {
        return None;
    }
    let v: Vec<String> = serde_json::from_slice(&out.stdout).ok()?;
    let _ = std::fs::create_dir_all(&cache_dir);
    let _ = std::fs::write(&cache, &out.stdout);
    Some(v)
}

/// Best-of-`repeat` MB/s of `f` over `docs`, one document per call.
fn mb_per_s(docs: &[String], repeat: usize, f: impl Fn(&str) -> String) -> f64 {
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut best = f64::INFINITY;
    for _ in 0..repeat {
        let start = Instant::now();
        for d in docs {
            std::hint::black_box(f(std::hint::black_box(d)));
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    bytes as f64 / 1e6 / best
}

fn step_alone(step: &str) -> CleanOptions {
    let mut o = CleanOptions::none();
    if step == "none" {
        // Every step off: the cost of the pipeline itself (copies, the quick exit's scan).
    } else if step == "normalize" {
        o.normalization = CleanOptions::default().normalization;
    } else {
        o.set_flag(step, true);
    }
    o
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let repeat = args
        .iter()
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(5);
    let only = args
        .iter()
        .position(|a| a == "--mode")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let Some(shared) = shared() else {
        eprintln!("note: ../shared not found, skipping the benchmark");
        return;
    };
    let Some(clean_texts) = dev_texts(&shared) else {
        eprintln!("note: PolNeAR dev set not readable, skipping the benchmark");
        return;
    };
    let mut corpus: Vec<(&str, Vec<String>)> = vec![("clean", clean_texts.clone())];
    eprintln!(
        "corpus: {} documents per mode, {:.2} MB clean",
        clean_texts.len(),
        clean_texts.iter().map(String::len).sum::<usize>() as f64 / 1e6
    );
    for mode in MODES {
        match damaged(&shared, &clean_texts, mode) {
            Some(d) => corpus.push((mode, d)),
            None => {
                eprintln!("note: could not run damage.py (python3?), skipping the benchmark");
                return;
            }
        }
    }
    if let Some(only) = &only {
        corpus.retain(|(m, _)| m == only);
    }
    let news = CleanOptions::default();
    if let Some(dir) = dump {
        let _ = std::fs::create_dir_all(&dir);
        for (mode, docs) in &corpus {
            for (i, d) in docs.iter().enumerate() {
                let path = dir.join(format!("{mode}-{i:03}.txt"));
                let _ = std::fs::write(&path, clean(d, &news));
                let ftfy = dir.join(format!("{mode}-{i:03}.ftfy.txt"));
                let _ = std::fs::write(&ftfy, saidwho::clean::fix_text(d));
                let explained = saidwho::clean::clean_explained(d, &news, true);
                let fixes: Vec<String> = explained.fixes.iter().map(|f| format!("{f:?}")).collect();
                let explain = dir.join(format!("{mode}-{i:03}.explain.txt"));
                let _ = std::fs::write(
                    &explain,
                    fixes.join("\n") + &format!("\n{:?}", explained.alignment),
                );
            }
        }
        eprintln!("dumped cleaned texts to {}", dir.display());
        return;
    }
    if args.iter().any(|a| a == "--profile") {
        // A long loop over the selected documents for `perf record`; `--step NAME` runs that
        // step alone.
        let options = args
            .iter()
            .position(|a| a == "--step")
            .and_then(|i| args.get(i + 1))
            .map_or_else(|| news.clone(), |s| step_alone(s));
        // `--passes N`: exactly N passes over the corpus (for instruction counts), else 10 s.
        let passes = args
            .iter()
            .position(|a| a == "--passes")
            .and_then(|i| args.get(i + 1))
            .and_then(|n| n.parse::<usize>().ok());
        let start = Instant::now();
        let mut bytes = 0usize;
        let mut pass = 0;
        while passes.map_or(start.elapsed().as_secs_f64() < 10.0, |n| pass < n) {
            pass += 1;
            for (_, docs) in &corpus {
                for d in docs {
                    std::hint::black_box(clean(std::hint::black_box(d), &options));
                    bytes += d.len();
                }
            }
        }
        let secs = start.elapsed().as_secs_f64();
        eprintln!("{:.1} MB/s over {secs:.1} s", bytes as f64 / 1e6 / secs);
        return;
    }
    println!(
        "{:<14} {:>9}   (clean(), news defaults, one document per call)",
        "mode", "MB/s"
    );
    let mut total_bytes = 0usize;
    let mut total_secs = 0.0;
    for (mode, docs) in &corpus {
        let rate = mb_per_s(docs, repeat, |t| clean(t, &news));
        let bytes: usize = docs.iter().map(String::len).sum();
        total_bytes += bytes;
        total_secs += bytes as f64 / 1e6 / rate;
        println!("{mode:<14} {rate:>9.1}");
    }
    println!(
        "{:<14} {:>9.1}",
        "overall",
        total_bytes as f64 / 1e6 / total_secs
    );
    println!();
    print!("{:<26}", "step alone, MB/s");
    for (mode, _) in &corpus {
        print!(" {:>8}", &mode[..mode.len().min(8)]);
    }
    println!();
    for step in STEPS {
        let o = step_alone(step);
        print!("{step:<26}");
        for (_, docs) in &corpus {
            print!(" {:>8.0}", mb_per_s(docs, repeat, |t| clean(t, &o)));
        }
        println!();
    }
}
