//! Training data for the antecedent ranker (ignored test): every `he`, `him`, `his`, `she`,
//! `her` that GUM's coreference links to a person, with the candidates the people table offers
//! and their features, labelled by the gold chain, as JSONL for `scripts/train_antecedents.py`.
//!
//! ```text
//! python3 scripts/gum_coref.py /tmp/gum.jsonl
//! SAIDWHO_GUM=/tmp/gum.jsonl SAIDWHO_ANTECEDENTS=/tmp/antecedents.jsonl \
//!     cargo test --release --test antecedents_train -- --ignored antecedents
//! python3 scripts/train_antecedents.py /tmp/antecedents.jsonl
//! ```
//! The first row is `{"templates": [...]}`; each row after it is a pronoun:
//! `{"doc", "dev", "candidates": [{"label": bool, "features": [...]}]}` (a candidate is right
//! when one of its mentions overlaps a mention of the pronoun's entity). Skips with a note when
//! SAIDWHO_GUM is not set.

mod common;
use std::io::{BufRead, Write};
use std::path::PathBuf;

use saidwho::quotes::{antecedent_candidates, pseudo_pronoun_candidates, ANTECEDENT_TEMPLATES};
use serde_json::{json, Value};

const PRONOUNS: [&str; 8] = [
    "he", "him", "his", "himself", "she", "her", "hers", "herself",
];

#[test]
#[ignore]
fn antecedents() {
    let Some(gum) = std::env::var_os("SAIDWHO_GUM").map(PathBuf::from) else {
        eprintln!("SAIDWHO_GUM is not set: nothing to dump (see the module's documentation)");
        return;
    };
    let out = std::env::var_os("SAIDWHO_ANTECEDENTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("saidwho-antecedents.jsonl"));
    let mut file = std::fs::File::create(&out).expect("create antecedents file");
    writeln!(file, "{}", json!({ "templates": ANTECEDENT_TEMPLATES })).expect("write");
    let input = std::io::BufReader::new(std::fs::File::open(&gum).expect("open SAIDWHO_GUM"));
    let (mut pronouns, mut covered) = (0, 0);
    for line in input.lines() {
        let doc: Value = serde_json::from_str(&line.expect("read")).expect("json");
        let text = doc["text"].as_str().expect("text");
        let byte = |c: u64| {
            text.char_indices()
                .nth(c as usize)
                .map_or(text.len(), |(b, _)| b)
        };
        let mentions: Vec<(usize, usize, u64, &str)> = doc["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .map(|m| {
                let start = byte(m[0].as_u64().expect("start"));
                let end = byte(m[1].as_u64().expect("end"));
                (
                    start,
                    end,
                    m[2].as_u64().expect("entity"),
                    m[3].as_str().unwrap_or(""),
                )
            })
            .collect();
        let targets: Vec<&(usize, usize, u64, &str)> = mentions
            .iter()
            .filter(|(s, e, _, etype)| {
                *etype == "person" && PRONOUNS.contains(&text[*s..*e].to_lowercase().as_str())
            })
            .collect();
        let spans: Vec<(usize, usize)> = targets.iter().map(|m| (m.0, m.1)).collect();
        for (target, candidates) in targets.iter().zip(antecedent_candidates(text, &spans)) {
            let (start, _, entity, _) = **target;
            let chain: Vec<(usize, usize)> = mentions
                .iter()
                .filter(|m| m.2 == entity && m.1 <= start)
                .map(|m| (m.0, m.1))
                .collect();
            let rows: Vec<Value> = candidates
                .iter()
                .map(|(spots, features)| {
                    let label = spots
                        .iter()
                        .any(|&(s, e)| chain.iter().any(|&(a, b)| s < b && a < e));
                    json!({"label": label, "features": features})
                })
                .collect();
            pronouns += 1;
            covered += rows.iter().any(|r| r["label"] == true) as usize;
            let row = json!({"doc": doc["id"], "dev": doc["dev"], "candidates": rows});
            writeln!(file, "{row}").expect("write");
        }
    }
    eprintln!(
        "{pronouns} pronouns ({covered} with the right person among the candidates) written to {}",
        out.display()
    );
}

/// Prints, for each gendered pronoun of the plain-text article SAIDWHO_TEXT, its candidates
/// (the person's mentions) and their features: to see why the ranker chose.
#[test]
#[ignore]
fn explain() {
    let Some(path) = std::env::var_os("SAIDWHO_TEXT") else {
        eprintln!("SAIDWHO_TEXT is not set: nothing to explain");
        return;
    };
    let text = std::fs::read_to_string(path).expect("read SAIDWHO_TEXT");
    let mut pronouns = Vec::new();
    let mut at = 0;
    for word in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let w = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if PRONOUNS.contains(&w.to_lowercase().as_str()) {
            pronouns.push((at, at + w.len()));
        }
        at += word.len();
    }
    for (&(s, _), candidates) in pronouns.iter().zip(antecedent_candidates(&text, &pronouns)) {
        let context = &text[text.floor_char_boundary(s.saturating_sub(60))..s + 3];
        println!("… {} ", context.replace('\n', " / "));
        for (spots, features) in candidates {
            let names: Vec<&str> = spots.iter().map(|&(a, b)| &text[a..b]).collect();
            println!("    {:?} {}", names.last(), features.join(" "));
        }
    }
}

/// The news stories' own signal: every source PolNeAR **train** annotates that repeats a person
/// of known gender (`Crespo said`), with the candidates a pronoun there would have, labelled by
/// that person (see `pseudo_pronoun_candidates`). Rows as `antecedents` writes them, with
/// `"doc"` the article and `"dev": false`; appended to SAIDWHO_ANTECEDENTS. `SAIDWHO_TRAIN=FILE`
/// reads FILE instead of train.jsonl (the training folds of `scripts/train_cv.py`).
#[test]
#[ignore]
fn pseudo_pronouns() {
    let Some(records) = common::first_annotations(&common::train_split()) else {
        return;
    };
    let out = std::env::var_os("SAIDWHO_ANTECEDENTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("saidwho-antecedents.jsonl"));
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&out)
        .expect("open antecedents file");
    let mut n = 0;
    for (id, rec) in &records {
        let text = rec["text"].as_str().unwrap_or("");
        let byte = |c: u64| {
            text.char_indices()
                .nth(c as usize)
                .map_or(text.len(), |(b, _)| b)
        };
        let mut sources: Vec<(usize, usize)> = rec["attributions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| {
                let s = &a["source"];
                Some((byte(s["start"].as_u64()?), byte(s["end"].as_u64()?)))
            })
            .collect();
        sources.sort_unstable();
        sources.dedup();
        for candidates in pseudo_pronoun_candidates(text, &sources)
            .into_iter()
            .flatten()
        {
            let rows: Vec<Value> = candidates
                .iter()
                .map(|(label, features)| json!({"label": label, "features": features}))
                .collect();
            writeln!(
                file,
                "{}",
                json!({"doc": id, "dev": false, "news": true, "candidates": rows})
            )
            .expect("write");
            n += 1;
        }
    }
    eprintln!("{n} pseudo-pronouns appended to {}", out.display());
}
