//! Lossy mojibake: punctuation whose UTF-8 bytes were read as Latin-1 and whose C1 controls were
//! then deleted (`“strong”` → `âstrongâ`). Owned by the lossy-repair work.

use super::{CleanOptions, Edit};

/// Restores punctuation lost this way, only where the document shows the damage.
pub fn restore_lost_punctuation(_text: &str, _options: &CleanOptions) -> Vec<Edit> {
    Vec::new()
}
