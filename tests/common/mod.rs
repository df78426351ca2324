//! Shared by the PolNeAR harnesses (`quotes_eval`, `quotes_train`, `reported_train`): reading a
//! corpus file the way the scorers do.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// `../shared/data/polnear/<name>`, beside the checkout.
pub fn polnear(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/polnear")
        .join(name)
}

/// The train split the training dumps read: `$SAIDWHO_TRAIN` when set (a file of the same format,
/// e.g. the training folds of `scripts/train_cv.py`), else `../shared/data/polnear/train.jsonl`.
#[allow(dead_code)] // not every harness trains
pub fn train_split() -> PathBuf {
    std::env::var_os("SAIDWHO_TRAIN").map_or_else(|| polnear("train.jsonl"), PathBuf::from)
}

/// The first record of each article in the JSONL file at `path` (the scorers read only the
/// first annotation), with its article id; `None`, after a note, when the file is absent.
pub fn first_annotations(path: &Path) -> Option<Vec<(String, Value)>> {
    let Ok(data) = std::fs::read_to_string(path) else {
        eprintln!("note: {} absent, skipping", path.display());
        return None;
    };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let rec: Value = serde_json::from_str(line).expect("json record");
        let id = rec["article"]
            .as_str()
            .or(rec["id"].as_str())
            .unwrap_or("")
            .to_string();
        if seen.insert(id.clone()) {
            out.push((id, rec));
        }
    }
    Some(out)
}
