//! ftfy's own test cases (../shared/data/ftfy/*.json), scored exactly like
//! shared/eval/ftfy_cases.py: a case passes when `fix_text(original) == fixed` and also when one
//! more layer of damage is added first (UTF-8 bytes read as Latin-1).

use std::path::PathBuf;

use saidwho::clean::fix_text;

/// UTF-8 bytes of `text`, each read as a Latin-1 character.
fn latin1_layer(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

struct Outcome {
    file: String,
    label: String,
    expect_pass: bool,
    ok: bool,
    detail: String,
}

fn run_cases() -> Option<Vec<Outcome>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ftfy");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("note: {} not found, skipping ftfy cases", dir.display());
        return None;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut outcomes = Vec::new();
    for path in paths {
        let raw = std::fs::read_to_string(&path).expect("readable case file");
        let cases: serde_json::Value = serde_json::from_str(&raw).expect("valid JSON");
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for case in cases.as_array().expect("a list of cases") {
            let field = |k: &str| case[k].as_str().unwrap_or_default().to_owned();
            let (original, fixed) = (field("original"), field("fixed"));
            let got = fix_text(&original);
            let got_layered = fix_text(&latin1_layer(&original));
            let ok = got == fixed && got_layered == fixed;
            outcomes.push(Outcome {
                file: file.clone(),
                label: field("label"),
                expect_pass: field("expect") != "fail",
                ok,
                detail: format!(
                    "  original {original:?}\n  expected {fixed:?}\n  got      {got:?}\n  +layer   {got_layered:?}"
                ),
            });
        }
    }
    Some(outcomes)
}

#[test]
fn ftfy_cases() {
    let Some(outcomes) = run_cases() else {
        return;
    };
    let expected: Vec<&Outcome> = outcomes.iter().filter(|o| o.expect_pass).collect();
    let known: Vec<&Outcome> = outcomes.iter().filter(|o| !o.expect_pass).collect();
    for o in &expected {
        if !o.ok {
            eprintln!("FAIL {}: {}\n{}", o.file, o.label, o.detail);
        }
    }
    for o in &known {
        eprintln!(
            "known failure {}: {}",
            if o.ok { "FIXED" } else { "still failing" },
            o.label
        );
    }
    let passed = expected.iter().filter(|o| o.ok).count();
    let fixed_known = known.iter().filter(|o| o.ok).count();
    eprintln!("expected_pass  {passed}/{}", expected.len());
    eprintln!("known_failures {fixed_known}/{}", known.len());
    assert_eq!(passed, expected.len(), "expected-pass ftfy cases failing");
}

/// UTF-8 bytes of `text` read as Windows-1252 (undefined bytes kept as C1 controls).
fn cp1252_layer(text: &str) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    text.bytes()
        .map(|b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Throughput of `fix_text` and of the encoding step alone on polnear dev text, clean and
/// damaged. Run with `cargo test --release --test ftfy_cases -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput_on_polnear_dev() {
    use saidwho::clean::{encoding, CleanOptions};
    use std::time::Instant;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/polnear/dev.jsonl");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} not found, skipping", path.display());
        return;
    };
    let clean: Vec<String> = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let damaged: Vec<String> = clean.iter().map(|t| cp1252_layer(t)).collect();
    let options = CleanOptions::ftfy();
    // Best of several trials: the machine is shared, and the best run is the least disturbed.
    let best_mb_per_s = |docs: &[String], f: &dyn Fn(&str) -> usize| {
        let bytes: usize = docs.iter().map(String::len).sum();
        let passes = 10;
        let mut best = f64::MAX;
        let mut sink = 0;
        for _ in 0..7 {
            let start = Instant::now();
            for _ in 0..passes {
                for d in docs {
                    sink += f(d);
                }
            }
            best = best.min(start.elapsed().as_secs_f64());
        }
        assert!(sink > 0 || bytes == 0);
        (bytes * passes) as f64 / 1e6 / best
    };
    let multilingual: Vec<String> = [
        "Президент выступил в Москве с заявлением о новых мерах поддержки.\n",
        "Ο πρωθυπουργός μίλησε στην Αθήνα για την οικονομία και την ανάπτυξη.\n",
        "Le président a évoqué « une crise sans précédent » à Bruxelles, dit-il.\n",
        "東京都知事は記者会見で新しい政策を発表した。\n",
        "România, Brâncuși și Țiriac au fost menționați în articol.\n",
    ]
    .iter()
    .map(|s| s.repeat(2000))
    .collect();
    for (name, docs) in [
        ("clean", &clean),
        ("cp1252-damaged", &damaged),
        ("multilingual genuine", &multilingual),
    ] {
        let whole = best_mb_per_s(docs, &|d| fix_text(d).len());
        let step = best_mb_per_s(docs, &|d| encoding::fix_encoding(d, &options).len() + 1);
        eprintln!(
            "{name}: {:.2} MB, fix_text {whole:.0} MB/s, fix_encoding step alone {step:.0} MB/s",
            docs.iter().map(String::len).sum::<usize>() as f64 / 1e6,
        );
    }
    let repaired: usize = damaged
        .iter()
        .zip(&clean)
        .filter(|(d, c)| fix_text(d) == fix_text(c))
        .count();
    eprintln!(
        "damaged documents repaired exactly: {repaired}/{}",
        clean.len()
    );
}
