//! The one linear model of the quotation code: the speaker ranker, the reported-speech cue
//! model and the content-end model all score with a [`WeightTable`] read from a
//! `feature<TAB>weight` file written by a training script.
//!
//! A feature is named by pieces: its **template** (`w|nc=`, `rule=`) then its values (`said`,
//! `|`, `comma`). Scoring hashes the pieces ([`fnv_parts`]) instead of building the name, and a
//! training dump joins them. The contract between the code and a committed table is the
//! template list: every model declares its templates, every feature it emits starts with one
//! of them, and the table's header carries the hash of the list it was trained with
//! ([`templates_hash`]): renaming a template, or adding one, without training the table again
//! fails [`check_table`] in that model's tests instead of silently weighing 0.0. The contract
//! is checked in tests only: scoring reads the weights and nothing else.

use std::collections::HashMap;

use super::words::{fnv_parts, FnvBuild};

/// The header line of a weight table naming its templates' hash: `# templates<TAB><16 hex>`.
#[cfg(test)]
const TEMPLATES_HEADER: &str = "# templates\t";

/// A model's weights, keyed by the FNV-1a hash of each feature's name.
pub(crate) struct WeightTable {
    weights: HashMap<u64, f32, FnvBuild>,
}

impl WeightTable {
    /// The table of a `feature<TAB>weight` file (`#` lines are comments and the header).
    pub fn parse(tsv: &str) -> WeightTable {
        let weights = tsv
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, w) = l.split_once('\t')?;
                Some((fnv_parts(&[name]), w.trim().parse::<f32>().ok()?))
            })
            .collect();
        WeightTable { weights }
    }

    /// The weight of the feature named by the concatenation of `parts`; 0 when the table lacks
    /// it (a feature never seen in training, or too rare to keep).
    pub fn weight(&self, parts: &[&str]) -> f32 {
        self.weights.get(&fnv_parts(parts)).copied().unwrap_or(0.0)
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// A distance in tokens as a feature value: `0`, `1`, `2`, `3-5`, `6-10`, `11+` (the speaker
/// ranker and the cue chooser).
pub(crate) fn distance_bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        _ => "11+",
    }
}

/// The logistic function: a model's score as a probability.
pub(crate) fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// The hash of a template list, as a table's header carries it: FNV-1a of the templates,
/// sorted, each followed by a line break (`scripts/lexicon.py` computes the same).
#[cfg(test)]
pub(crate) fn templates_hash(templates: &[&str]) -> u64 {
    let mut sorted = templates.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut parts = Vec::with_capacity(2 * sorted.len());
    for t in &sorted {
        parts.push(*t);
        parts.push("\n");
    }
    fnv_parts(&parts)
}

/// The template of a feature named `name` among `templates`: the longest one it starts with.
#[cfg(test)]
pub(crate) fn template_of<'t>(name: &str, templates: &[&'t str]) -> Option<&'t str> {
    templates
        .iter()
        .filter(|t| name.starts_with(**t))
        .max_by_key(|t| t.len())
        .copied()
}

/// Whether the committed table `tsv` was trained with the templates the code emits: its header
/// names their hash, and every feature it weighs starts with one of them. The error says what
/// disagrees and that the table must be trained again.
#[cfg(test)]
pub(crate) fn check_table(tsv: &str, templates: &[&str]) -> Result<(), String> {
    let want = format!("{:016x}", templates_hash(templates));
    let header = tsv
        .lines()
        .find_map(|l| l.strip_prefix(TEMPLATES_HEADER))
        .ok_or("the table has no `# templates` header: train it again")?;
    if header.trim() != want {
        return Err(format!(
            "the table was trained with templates hashing to {}, the code's hash to {want}: \
             the feature templates changed, train the table again",
            header.trim()
        ));
    }
    for name in super::words::lexicon_entries(tsv).filter_map(|l| Some(l.split_once('\t')?.0)) {
        if template_of(name, templates).is_none() {
            return Err(format!(
                "the table weighs `{name}`, which no template of the code makes"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_weighs_the_features_it_lists_and_nothing_else() {
        let table = WeightTable::parse("# a comment\nbias\t-0.5\nw=said\t2.25\n");
        assert_eq!(table.weight(&["bias"]), -0.5);
        assert_eq!(table.weight(&["w=", "said"]), 2.25);
        assert_eq!(table.weight(&["w=said"]), 2.25);
        assert_eq!(table.weight(&["w=", "told"]), 0.0);
        assert!(WeightTable::parse("# only a header\n").is_empty());
    }

    #[test]
    fn the_template_hash_ignores_order_and_repeats_but_not_names() {
        let a = templates_hash(&["bias", "w=", "w|nc="]);
        assert_eq!(a, templates_hash(&["w|nc=", "bias", "w=", "w="]));
        assert_ne!(a, templates_hash(&["bias", "w=", "w|pc="]));
        assert_ne!(a, templates_hash(&["bias", "w="]));
        // The value `scripts/lexicon.py` computes for the same list: the scripts and the code
        // must agree on it.
        assert_eq!(format!("{a:016x}"), "1abf3f95f8f6164f");
    }

    #[test]
    fn a_table_must_carry_the_codes_templates() {
        let templates = ["bias", "w=", "w|nc="];
        let header = format!("# templates\t{:016x}\n", templates_hash(&templates));
        let good = format!("{header}bias\t1\nw=said\t2\nw|nc=said|comma\t3\n");
        assert_eq!(check_table(&good, &templates), Ok(()));
        // A template renamed in the code: the header no longer matches.
        let renamed = ["bias", "word=", "w|nc="];
        let err = check_table(&good, &renamed).expect_err("renamed template");
        assert!(err.contains("train the table again"), "{err}");
        // A feature the templates do not make.
        let stray = format!("{header}bias\t1\nsfx=aid\t2\n");
        let err = check_table(&stray, &templates).expect_err("stray feature");
        assert!(err.contains("sfx=aid"), "{err}");
        assert!(check_table("bias\t1\n", &templates).is_err());
    }

    #[test]
    fn longest_template_wins() {
        let templates = ["w=", "w|nc=", "bias"];
        assert_eq!(template_of("w|nc=said|comma", &templates), Some("w|nc="));
        assert_eq!(template_of("w=said", &templates), Some("w="));
        assert_eq!(template_of("bias", &templates), Some("bias"));
        assert_eq!(template_of("x=1", &templates), None);
    }
}
