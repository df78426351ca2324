//! The context model trained by scripts/train_lossy.py on PolNeAR's training articles: for each
//! context key, how often each candidate character stood behind a lone `â`. Compiled into the
//! binary (a ~24 KB TSV, about a thousand keys) and parsed once, on the first damaged document.
//!
//! Retrain (deterministic; never on dev): `python3 scripts/train_lossy.py`, which reads
//! `../shared/data/polnear/train.jsonl` and rewrites `context_model.tsv`; `--eval
//! ../shared/data/polnear/dev.jsonl --verbose` reports the choices it gets wrong on dev.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::features::{pack, Key};

const MODEL_TSV: &str = include_str!("context_model.tsv");

/// Weight of the broader level's distribution, per distinct character a context has seen, when
/// smoothing a narrower level's counts (tuned on PolNeAR dev; `ALPHA` in the training script).
const BACKOFF_WEIGHT: f64 = 1.0;

/// A multiply-xorshift hash for the model's keys packed into a `u128`: the table is ours and
/// compiled in, so SipHash's protection against chosen keys buys nothing, and every damaged
/// site looks up six keys.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u128(&mut self, key: u128) {
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        let h =
            (lo.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ hi).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        self.0 = h ^ (h >> 29);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// One context's counts, with the sums the smoothing needs worked out once at load time.
struct Row {
    counts: Vec<f64>,
    total: f64,
    weight: f64,
}

pub struct ContextModel {
    /// The characters a lone `â` can stand for, in the order of each key's counts.
    pub targets: Vec<char>,
    counts: HashMap<u128, Row, BuildHasherDefault<KeyHasher>>,
}

impl ContextModel {
    fn parse(tsv: &str) -> Self {
        let mut targets = Vec::new();
        let mut counts = HashMap::default();
        for line in tsv.lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let Some((key, values)) = line.split_once('\t') else {
                continue;
            };
            if key == "targets" {
                targets = values
                    .split(',')
                    .filter_map(|h| u32::from_str_radix(h, 16).ok())
                    .filter_map(char::from_u32)
                    .collect();
                continue;
            }
            let row: Vec<f64> = values
                .split(',')
                .map(|v| v.parse::<f64>().unwrap_or(0.0))
                .collect();
            let total: f64 = row.iter().sum();
            let seen = row.iter().filter(|&&c| c > 0.0).count() as f64;
            let weight = BACKOFF_WEIGHT * seen;
            // A key longer than any the features make can never be asked for.
            let Some(packed) = pack(key.as_bytes()) else {
                continue;
            };
            counts.insert(
                packed,
                Row {
                    counts: row,
                    total,
                    weight,
                },
            );
        }
        ContextModel { targets, counts }
    }

    /// Probability of each target given the keys (broadest first): each level's counts are
    /// smoothed towards the distribution of the level before, Witten-Bell style: a context that
    /// has seen several different characters trusts its counts less.
    pub fn distribution(&self, keys: &[Key]) -> Vec<f64> {
        let n = self.targets.len();
        if n == 0 {
            return Vec::new();
        }
        let mut p = vec![1.0 / n as f64; n];
        for key in keys {
            let Some(row) = self.counts.get(&key.packed()) else {
                continue;
            };
            if row.counts.len() != n {
                continue;
            }
            let (total, weight) = (row.total, row.weight);
            if total + weight <= 0.0 {
                continue;
            }
            for (pi, c) in p.iter_mut().zip(&row.counts) {
                *pi = (c + weight * *pi) / (total + weight);
            }
        }
        p
    }
}

/// Memo of [`ContextModel::distribution`] by context (classes either side and quotation
/// state), per thread. The same few hundred contexts come back in every damaged document, and
/// the six smoothing levels cost far more than a lookup. Bounded: emptied when full.
pub struct DistributionCache {
    seen: HashMap<u128, Vec<f64>, BuildHasherDefault<KeyHasher>>,
}

/// Contexts remembered per thread before the memo starts over.
const CACHE_LIMIT: usize = 4096;

impl DistributionCache {
    pub fn new() -> Self {
        DistributionCache {
            seen: HashMap::default(),
        }
    }

    /// The distribution for `context` (an identity of everything `keys` were made from),
    /// computed from `keys` the first time.
    pub fn get(&mut self, model: &ContextModel, context: u128, keys: &[Key]) -> Vec<f64> {
        if let Some(p) = self.seen.get(&context) {
            return p.clone();
        }
        let p = model.distribution(keys);
        if self.seen.len() >= CACHE_LIMIT {
            self.seen.clear();
        }
        self.seen.insert(context, p.clone());
        p
    }
}

/// The model, parsed on first use.
pub fn context_model() -> &'static ContextModel {
    static MODEL: OnceLock<ContextModel> = OnceLock::new();
    MODEL.get_or_init(|| ContextModel::parse(MODEL_TSV))
}

#[cfg(test)]
mod tests {
    use super::super::features::{keys, QuoteState};
    use super::*;

    #[test]
    fn model_loads_with_the_usual_targets() {
        let m = context_model();
        for c in [
            '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{2013}', '\u{2014}',
        ] {
            assert!(m.targets.contains(&c), "{c}");
        }
        assert!(m.counts.len() > 100);
    }

    #[test]
    fn distribution_sums_to_one() {
        let m = context_model();
        let left = [b'a'; 3];
        let right = [b'$'; 3];
        let p = m.distribution(&keys(&left, &right, QuoteState::default()));
        let sum: f64 = p.iter().sum();
        assert!((sum - 1.0).abs() < 1e-9);
    }
}
