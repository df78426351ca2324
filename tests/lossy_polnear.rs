//! Lost punctuation on real news: PolNeAR dev articles damaged the way the seed article was
//! (`c1-stripped` in ../shared/eval/damage.py), then cleaned by the full pipeline and scored
//! line by line like ../shared/eval/score_clean.py (dash-lenient). Also the seed article itself,
//! and the undamaged dev texts, which the step must leave alone. Skips when ../shared is absent.

use std::collections::HashSet;
use std::path::PathBuf;

use saidwho::clean::{clean, clean_explained, lossy::restore_lost_punctuation, CleanOptions};

/// Floor for the share of non-empty dev lines reproduced exactly after the full pipeline,
/// dash-lenient as score_clean.py counts it (`–`, `—` and `―` one character: a spaced dash whose
/// bytes are gone cannot tell which it was). A regression guard: the figure is 0.9882 (issue
/// 13; 0.9876 before it). About 16 gold lines carry their own noise (mojibake in the gold text,
/// `”` opening a paragraph, `"…”` mixing straight and curly quotes, a zero-width space), which
/// caps any repair near 0.992.
const MIN_LINE_RATE: f64 = 0.985;

/// The same floor with every other paragraph damaged and the rest intact: the document then
/// shows intact punctuation, and only the evident sites and the damaged paragraphs are repaired
/// (0.9887 at issue 13).
const MIN_PARTLY_DAMAGED_RATE: f64 = 0.985;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("note: ../shared not found, skipping");
        None
    }
}

/// damage.py `c1-stripped`: UTF-8 bytes read as Latin-1, then U+0080..U+009F deleted.
fn c1_stripped(text: &str) -> String {
    text.bytes()
        .filter(|b| !(0x80..0xa0).contains(b))
        .map(char::from)
        .collect()
}

fn lenient(s: &str) -> String {
    s.replace(['\u{2014}', '\u{2015}'], "\u{2013}")
}

/// The first record of each dev article (annotators share the text).
fn dev_texts(shared: &std::path::Path) -> Option<Vec<String>> {
    let path = shared.join("data/polnear/dev.jsonl");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} not found, skipping", path.display());
        return None;
    };
    let mut seen = HashSet::new();
    let mut texts = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let r: serde_json::Value = serde_json::from_str(line).expect("dev record is JSON");
        let article = r["article"].as_str().unwrap_or_default().to_owned();
        if seen.insert(article) {
            texts.push(r["text"].as_str().unwrap_or_default().to_owned());
        }
    }
    Some(texts)
}

/// Line scores like score_clean.py: (non-empty gold lines, exact ones, the failures).
fn score(gold: &str, pred: &str) -> (usize, usize, Vec<(String, String)>) {
    let g: Vec<&str> = gold.split('\n').collect();
    let p: Vec<&str> = pred.split('\n').collect();
    let non_empty = g.iter().filter(|l| !l.trim().is_empty()).count();
    if g.len() != p.len() {
        return (non_empty, 0, vec![(gold.to_owned(), pred.to_owned())]);
    }
    let mut exact = 0;
    let mut failures = Vec::new();
    for (x, y) in g.iter().zip(&p) {
        if x.trim().is_empty() {
            continue;
        }
        if lenient(x) == lenient(y) {
            exact += 1;
        } else {
            failures.push(((*x).to_owned(), (*y).to_owned()));
        }
    }
    (non_empty, exact, failures)
}

/// Gold lines our step alone can get right: nothing non-ASCII but the punctuation it restores.
fn punctuation_only(line: &str) -> bool {
    line.chars().all(|c| {
        c.is_ascii()
            || matches!(
                c,
                '\u{201c}'
                    | '\u{201d}'
                    | '\u{2018}'
                    | '\u{2019}'
                    | '\u{2013}'
                    | '\u{2014}'
                    | '\u{2015}'
                    | '\u{2026}'
            )
    })
}

#[test]
fn polnear_dev_c1_stripped_lines() {
    let Some(shared) = shared() else { return };
    let Some(texts) = dev_texts(&shared) else {
        return;
    };
    let options = CleanOptions::default();
    let step_only = CleanOptions {
        restore_lost_punctuation: true,
        ..CleanOptions::none()
    };
    let (mut lines, mut exact) = (0, 0);
    let (mut p_lines, mut p_exact) = (0, 0);
    let mut failures = Vec::new();
    for text in &texts {
        let damaged = c1_stripped(text);
        let (n, ok, mut bad) = score(text, &clean(&damaged, &options));
        lines += n;
        exact += ok;
        failures.append(&mut bad);
        // The step alone, on the lines it alone is responsible for.
        let alone = clean(&damaged, &step_only);
        for (x, y) in text.split('\n').zip(alone.split('\n')) {
            if !x.trim().is_empty() && punctuation_only(x) {
                p_lines += 1;
                p_exact += usize::from(lenient(x) == lenient(y));
            }
        }
    }
    let rate = exact as f64 / lines.max(1) as f64;
    let p_rate = p_exact as f64 / p_lines.max(1) as f64;
    println!(
        "PolNeAR dev c1-stripped: {exact}/{lines} lines exact (dash-lenient) = {rate:.4} end to end; \
         step alone on punctuation-only lines {p_exact}/{p_lines} = {p_rate:.4}"
    );
    for (g, p) in failures.iter().take(60) {
        println!("  gold: {g}\n  got:  {p}\n");
    }
    assert!(
        rate >= MIN_LINE_RATE,
        "line rate {rate:.4} < {MIN_LINE_RATE}"
    );
}

/// Every other paragraph damaged, the others intact (text pasted from two sources).
#[test]
fn polnear_dev_partly_damaged_lines() {
    let Some(shared) = shared() else { return };
    let Some(texts) = dev_texts(&shared) else {
        return;
    };
    let options = CleanOptions::default();
    let (mut lines, mut exact) = (0, 0);
    for text in &texts {
        let damaged: Vec<String> = text
            .split('\n')
            .enumerate()
            .map(|(k, p)| {
                if k % 2 == 0 {
                    c1_stripped(p)
                } else {
                    p.to_owned()
                }
            })
            .collect();
        let (n, ok, _) = score(text, &clean(&damaged.join("\n"), &options));
        lines += n;
        exact += ok;
    }
    let rate = exact as f64 / lines.max(1) as f64;
    println!("PolNeAR dev, every other paragraph c1-stripped: {exact}/{lines} = {rate:.4}");
    assert!(
        rate >= MIN_PARTLY_DAMAGED_RATE,
        "line rate {rate:.4} < {MIN_PARTLY_DAMAGED_RATE}"
    );
}

#[test]
fn undamaged_dev_texts_get_no_edits() {
    let Some(shared) = shared() else { return };
    let Some(texts) = dev_texts(&shared) else {
        return;
    };
    let options = CleanOptions::default();
    let touched: Vec<&String> = texts
        .iter()
        .filter(|t| !restore_lost_punctuation(t, &options).is_empty())
        .collect();
    assert!(touched.is_empty(), "{} clean texts edited", touched.len());
}

#[test]
fn seed_article_is_restored() {
    let Some(shared) = shared() else { return };
    let (Ok(damaged), Ok(gold)) = (
        std::fs::read_to_string(shared.join("seed/article.txt")),
        std::fs::read_to_string(shared.join("seed/article.clean.txt")),
    ) else {
        eprintln!("note: seed article not found, skipping");
        return;
    };
    let out = clean(&damaged, &CleanOptions::default());
    assert!(!out.contains('â') && !out.contains('⊠'));
    assert_eq!(lenient(&out), lenient(&gold));
    // One explained fix per lost character: the 54 lone `â` and the `⊠`.
    let explained = clean_explained(&damaged, &CleanOptions::default(), true);
    let ours: Vec<_> = explained
        .fixes
        .iter()
        .filter(|f| f.step == "restore_lost_punctuation")
        .collect();
    assert_eq!(ours.len(), 55);
    assert!(ours.iter().all(|f| f.after.chars().count() == 1));
}

/// ftfy's own cases: the step must leave them alone (its damage is not theirs). `negative.json`
/// must come back unchanged; any other case the step touches is listed.
#[test]
fn ftfy_cases_are_left_alone() {
    let Some(shared) = shared() else { return };
    let options = CleanOptions::default();
    let mut touched = Vec::new();
    for name in [
        "negative.json",
        "in-the-wild.json",
        "synthetic.json",
        "known-failures.json",
        "language-names.json",
    ] {
        let Ok(raw) = std::fs::read_to_string(shared.join("data/ftfy").join(name)) else {
            eprintln!("note: ftfy {name} not found, skipping");
            continue;
        };
        let cases: serde_json::Value = serde_json::from_str(&raw).expect("ftfy cases are JSON");
        for case in cases.as_array().map(Vec::as_slice).unwrap_or_default() {
            let original = case["original"].as_str().unwrap_or_default();
            // The same text with one more layer of damage, as ftfy_cases.py also checks.
            let layered: String = original.bytes().map(char::from).collect();
            for text in [original, layered.as_str()] {
                let edits = restore_lost_punctuation(text, &options);
                if !edits.is_empty() {
                    touched.push((
                        name,
                        case["label"].as_str().unwrap_or("?").to_owned(),
                        text.to_owned(),
                    ));
                }
            }
        }
    }
    for (name, label, text) in &touched {
        println!("touched {name}: {label}: {text:?}");
    }
    assert!(
        touched.iter().all(|(name, _, _)| *name != "negative.json"),
        "negative cases changed"
    );
    assert!(touched.is_empty(), "{} ftfy cases touched", touched.len());
}

/// Throughput of the step (run with `cargo test --release -- --ignored --nocapture`).
#[test]
#[ignore]
fn lossy_step_throughput() {
    let Some(shared) = shared() else { return };
    let Some(texts) = dev_texts(&shared) else {
        return;
    };
    let options = CleanOptions::default();
    let clean_text = texts.join("\n\n");
    let ascii: String = clean_text.chars().filter(char::is_ascii).collect();
    let damaged: Vec<String> = texts.iter().map(|t| c1_stripped(t)).collect();
    let damaged_bytes: usize = damaged.iter().map(String::len).sum();
    for (label, docs, bytes) in [
        ("ascii", vec![ascii.clone()], ascii.len()),
        (
            "curly, undamaged",
            vec![clean_text.clone()],
            clean_text.len(),
        ),
        ("c1-stripped", damaged.clone(), damaged_bytes),
    ] {
        let rounds = 50;
        let start = std::time::Instant::now();
        let mut edits = 0;
        for _ in 0..rounds {
            for d in &docs {
                edits += restore_lost_punctuation(d, &options).len();
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{label}: {:.0} MB/s ({edits} edits)",
            (bytes * rounds) as f64 / secs / 1e6
        );
    }
}
