//! Lossy mojibake: punctuation whose UTF-8 bytes were read as Latin-1 and whose C1 controls were
//! then deleted (`“strong”` → `âstrongâ`, `…` → `â¦`). No byte-level decoder can undo it: the
//! bytes that told “ from ” from – are gone. We first decide from the whole document whether the
//! damage is there at all ([`evidence`]), weighing the language of the paragraph around each
//! doubtful `â` ([`language`]: Romanian `coborâre`, French `coordonât`, Ligurian `Portugâ` and
//! Welsh `Iâ` are words), then choose each lost character from its context with a small model
//! trained on news text ([`model`], [`decode`]).
//!
//! Runs before `fix_encoding`, which then repairs the mojibake that kept all its bytes (`Ã©`).

mod decode;
mod evidence;
mod features;
mod language;
mod model;
mod scan;

use super::{CleanOptions, Edit};
use evidence::Verdict;
use language::Languages;

/// Restores punctuation lost this way, only where the document shows the damage. One edit per
/// restored character.
pub fn restore_lost_punctuation(text: &str, _options: &CleanOptions) -> Vec<Edit> {
    let sites = scan::find_sites(text);
    if sites.is_empty() {
        return Vec::new();
    }
    let langs = Languages::new(text);
    match evidence::judge(text, &sites, &langs) {
        Verdict::Undamaged => Vec::new(),
        verdict => decode::restore(text, &sites, verdict, &langs),
    }
}

#[cfg(test)]
mod tests;
