//! Training data for the speaker ranker (ignored test): every speech quote of PolNeAR's
//! **train** split with the candidates the attribution rules propose and their features, as
//! JSONL for `scripts/train_quotes.py`, which labels them against the gold speakers.
//!
//! ```text
//! SAIDWHO_CANDIDATES=/tmp/train.cands.jsonl \
//!     cargo test --release --test quotes_train -- --ignored candidates
//! python3 scripts/train_quotes.py /tmp/train.cands.jsonl ../shared/data/polnear/train.jsonl
//! ```
//! `cue_choices` writes the training data of the cue chooser the same way
//! (`SAIDWHO_CUE_CHOICES=FILE`, for `scripts/train_cue_choice.py`): each speech quote with two
//! or more cues before it, each cue with its byte range and features.
//!
//! The first row is `{"templates": [...]}`, the ranker's feature templates; each row after it
//! is a quote. Offsets are Python `str` indices. Only train.jsonl is ever read here: the dev split is for
//! measuring. `SAIDWHO_TRAIN=FILE` reads FILE instead (the training folds of
//! `scripts/train_cv.py`). Skips with a note when `../shared` is absent.

mod common;
use std::io::Write;
use std::path::PathBuf;

use saidwho::offsets::CharIndex;
use saidwho::quotes::{
    cue_choice_candidates, speaker_candidates, CandidateSet, QuoteOptions, CUE_CHOICE_TEMPLATES,
    SPEAKER_TEMPLATES,
};
use serde_json::{json, Value};

/// The file a dump is written to: `$VAR`, else `NAME` in the temporary folder.
fn dump_file(var: &str, name: &str) -> (PathBuf, std::fs::File) {
    let out = std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join(name));
    let file =
        std::fs::File::create(&out).unwrap_or_else(|e| panic!("create {}: {e}", out.display()));
    (out, file)
}

/// The corpus's convention: quotations from double marks only, speech only, no reported speech
/// (the dumps are of quotations).
fn train_options() -> QuoteOptions {
    QuoteOptions {
        double_marks_only: true,
        keep_non_speech: false,
        reported: false,
    }
}

/// Writes one JSON row a quotation of `sets` (its candidates with character offsets into
/// `text`); returns how many.
fn write_sets(file: &mut std::fs::File, id: &str, text: &str, sets: Vec<CandidateSet>) -> usize {
    let idx = CharIndex::new(text);
    let span =
        |r: Option<(usize, usize)>| r.map(|(s, e)| json!([idx.char_offset(s), idx.char_offset(e)]));
    for set in &sets {
        let cands: Vec<Value> = set
            .candidates
            .iter()
            .map(
                |c| json!({"mention": span(c.mention), "cue": span(c.cue), "features": c.features}),
            )
            .collect();
        let row = json!({
            "id": id,
            "start": idx.char_offset(set.start),
            "end": idx.char_offset(set.end),
            "chosen": set.chosen,
            "candidates": cands,
        });
        writeln!(file, "{row}").expect("write");
    }
    sets.len()
}

#[test]
#[ignore]
fn candidates() {
    let Some(records) = common::first_annotations(&common::train_split()) else {
        return;
    };
    let (out, mut file) = dump_file("SAIDWHO_CANDIDATES", "saidwho-train.cands.jsonl");
    let options = train_options();
    // SAIDWHO_TEXT: dump one plain-text article instead (to see why the ranker chose).
    if let Some(one) = std::env::var_os("SAIDWHO_TEXT") {
        let text = std::fs::read_to_string(one).expect("read SAIDWHO_TEXT");
        for set in speaker_candidates(&text, &options) {
            for (i, c) in set.candidates.iter().enumerate() {
                let m = c.mention.map_or("", |(s, e)| text.get(s..e).unwrap_or(""));
                let mark = if i == set.chosen { "*" } else { " " };
                let quote = text.get(set.start..set.end).unwrap_or("");
                let head: String = quote.chars().take(30).collect();
                writeln!(file, "{head}\t{mark}{m}\t{}", c.features.join(" ")).expect("write");
            }
        }
        return;
    }
    // The first row names the feature templates, for the weight table's header.
    writeln!(file, "{}", json!({ "templates": SPEAKER_TEMPLATES })).expect("write");
    let mut n = 0;
    for (id, rec) in &records {
        let id = id.as_str();
        let text = rec["text"].as_str().unwrap_or("");
        n += write_sets(&mut file, id, text, speaker_candidates(text, &options));
    }
    eprintln!("{n} quotes with candidates written to {}", out.display());
}

#[test]
#[ignore]
fn cue_choices() {
    let Some(records) = common::first_annotations(&common::train_split()) else {
        return;
    };
    let (out, mut file) = dump_file("SAIDWHO_CUE_CHOICES", "saidwho-train.cue_choices.jsonl");
    let options = train_options();
    writeln!(file, "{}", json!({ "templates": CUE_CHOICE_TEMPLATES })).expect("write");
    let mut n = 0;
    for (id, rec) in &records {
        let text = rec["text"].as_str().unwrap_or("");
        n += write_sets(
            &mut file,
            id.as_str(),
            text,
            cue_choice_candidates(text, &options),
        );
    }
    eprintln!(
        "{n} quotes with cues to choose from written to {}",
        out.display()
    );
}
