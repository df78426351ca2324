//! Training data for the reported-speech cue model (ignored test): every word of PolNeAR's
//! **train** split that the model scores, with its features, as JSONL for
//! `scripts/train_reported.py`, which labels them against the gold cues.
//!
//! ```text
//! SAIDWHO_CUES=/tmp/train.cues.jsonl \
//!     cargo test --release --test reported_train -- --ignored cues
//! python3 scripts/train_reported.py --weights /tmp/train.cues.jsonl
//! SAIDWHO_ENDS=/tmp/train.ends.jsonl \
//!     cargo test --release --test reported_train -- --ignored ends
//! python3 scripts/train_reported.py --ends /tmp/train.ends.jsonl
//! ```
//! Each dump opens with a row `{"templates": [...]}`: the model's feature templates, whose hash
//! the script writes into the weight table's header (`model::check_table`).
//! Offsets are Python `str` indices. Only train.jsonl is ever read here: the dev split is for
//! measuring. `SAIDWHO_TRAIN=FILE` reads FILE instead (the training folds of
//! `scripts/train_cv.py`). Skips with a note when `../shared` is absent.

mod common;
use std::io::Write;
use std::path::PathBuf;

use saidwho::offsets::CharIndex;
use saidwho::quotes::{
    reported_cue_candidates, reported_cue_probabilities, reported_end_candidates, QuoteOptions,
    REPORTED_CUE_TEMPLATES, REPORTED_END_TEMPLATES,
};
use serde_json::json;

#[test]
#[ignore]
fn cues() {
    let templates = &REPORTED_CUE_TEMPLATES;
    dump(
        "SAIDWHO_CUES",
        "saidwho-train.cues.jsonl",
        templates,
        |text, idx| {
            reported_cue_candidates(text, &QuoteOptions::default())
                .into_iter()
                .map(|(start, end, features)| {
                    json!({
                        "start": idx.char_offset(start),
                        "end": idx.char_offset(end),
                        "features": features,
                    })
                })
                .collect()
        },
    );
}

/// How likely each word of train is to head a cue, as the rules see it (`SAIDWHO_PROBS`), for
/// error analysis: which annotated cues the model misses.
#[test]
#[ignore]
fn probs() {
    dump(
        "SAIDWHO_PROBS",
        "saidwho-train.probs.jsonl",
        &[],
        |text, idx| {
            let options = QuoteOptions {
                double_marks_only: true,
                ..QuoteOptions::default()
            };
            reported_cue_probabilities(text, &options)
            .into_iter()
            .map(|(start, end, p)| {
                json!({"start": idx.char_offset(start), "end": idx.char_offset(end), "p": p})
            })
            .collect()
        },
    );
}

/// Every place where a forward reported clause may end, with the clause as the rules draw it.
#[test]
#[ignore]
fn ends() {
    let templates = &REPORTED_END_TEMPLATES;
    dump(
        "SAIDWHO_ENDS",
        "saidwho-train.ends.jsonl",
        templates,
        |text, idx| {
            reported_end_candidates(text, &QuoteOptions::default())
                .into_iter()
                .map(|((start, end), (cut, at), features)| {
                    json!({
                        "start": idx.char_offset(start),
                        "end": idx.char_offset(end),
                        "cut": idx.char_offset(cut),
                        "at": idx.char_offset(at),
                        "features": features,
                    })
                })
                .collect()
        },
    );
}

/// Writes, as JSONL to `$var` (or `default` in the temporary folder), a first row naming the
/// model's feature `templates` (the script writes their hash into the table's header), then the
/// rows `rows` gives for each train article, each tagged with the article's id.
fn dump(
    var: &str,
    default: &str,
    templates: &[&str],
    rows: impl Fn(&str, &CharIndex) -> Vec<serde_json::Value>,
) {
    let Some(records) = common::first_annotations(&common::train_split()) else {
        return;
    };
    let out = std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join(default));
    let mut file = std::fs::File::create(&out).expect("create the training file");
    writeln!(file, "{}", json!({ "templates": templates })).expect("write");
    let mut n = 0;
    for (id, rec) in &records {
        let text = rec["text"].as_str().unwrap_or("");
        for mut row in rows(text, &CharIndex::new(text)) {
            row["id"] = json!(id);
            writeln!(file, "{row}").expect("write");
            n += 1;
        }
    }
    eprintln!("{n} rows written to {}", out.display());
}

/// `SAIDWHO_TEXT=article.txt`: print the reported speech found in one plain-text article, to see
/// what the rules make of it.
#[test]
#[ignore]
fn show() {
    let Some(path) = std::env::var_os("SAIDWHO_TEXT") else {
        eprintln!("note: SAIDWHO_TEXT unset, skipping");
        return;
    };
    let text = std::fs::read_to_string(path).expect("read SAIDWHO_TEXT");
    for q in saidwho::quotes::extract(&text, &QuoteOptions::default()) {
        let cue = q.cue.as_ref().map_or("", |c| c.text.as_str());
        let mention = q.mention.as_ref().map_or("", |m| m.text.as_str());
        eprintln!("{}\t[{cue}]\t[{mention}]\t{}", q.kind.name(), q.text);
    }
}
