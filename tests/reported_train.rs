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
//! Offsets are Python `str` indices. Only train.jsonl is ever read here: the dev split is for
//! measuring. Skips with a note when `../shared` is absent.

mod common;
use std::io::Write;
use std::path::PathBuf;

use saidwho::offsets::CharIndex;
use saidwho::quotes::{reported_cue_candidates, reported_end_candidates, QuoteOptions};
use serde_json::json;

#[test]
#[ignore]
fn cues() {
    let Some(records) = common::first_annotations(&common::polnear("train.jsonl")) else {
        return;
    };
    let out = std::env::var_os("SAIDWHO_CUES")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("saidwho-train.cues.jsonl"));
    let mut file = std::fs::File::create(&out).expect("create cues file");
    let options = QuoteOptions::default();
    let mut n = 0;
    for (id, rec) in &records {
        let id = id.as_str();
        let text = rec["text"].as_str().unwrap_or("");
        let idx = CharIndex::new(text);
        for (start, end, features) in reported_cue_candidates(text, &options) {
            let row = json!({
                "id": id,
                "start": idx.char_offset(start),
                "end": idx.char_offset(end),
                "features": features,
            });
            writeln!(file, "{row}").expect("write");
            n += 1;
        }
    }
    eprintln!("{n} candidate words written to {}", out.display());
}

/// Every place where a forward reported clause may end, with the clause as the rules draw it.
#[test]
#[ignore]
fn ends() {
    let Some(records) = common::first_annotations(&common::polnear("train.jsonl")) else {
        return;
    };
    let out = std::env::var_os("SAIDWHO_ENDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("saidwho-train.ends.jsonl"));
    let mut file = std::fs::File::create(&out).expect("create ends file");
    let options = QuoteOptions::default();
    let mut n = 0;
    for (id, rec) in &records {
        let id = id.as_str();
        let text = rec["text"].as_str().unwrap_or("");
        let idx = CharIndex::new(text);
        for ((start, end), (cut, at), features) in reported_end_candidates(text, &options) {
            let row = json!({
                "id": id,
                "start": idx.char_offset(start),
                "end": idx.char_offset(end),
                "cut": idx.char_offset(cut),
                "at": idx.char_offset(at),
                "features": features,
            });
            writeln!(file, "{row}").expect("write");
            n += 1;
        }
    }
    eprintln!("{n} candidate places written to {}", out.display());
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
