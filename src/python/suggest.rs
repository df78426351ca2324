//! "Did you mean ...?" for a mistyped keyword argument: the message names the unknown option
//! and the closest known one, so `uncurl_quote=True` does not fail as a type error.

/// The error message for the unknown option `name` among `known` (a group such as "cleaning").
pub(super) fn unknown_option(name: &str, known: &[&str], group: &str) -> String {
    let hint = closest(name, known)
        .map(|best| format!(" (did you mean '{best}'?)"))
        .unwrap_or_default();
    format!(
        "unknown option '{name}'{hint}; {group} options are: {}",
        known.join(", ")
    )
}

/// The known name nearest to `name`, if it is close enough to be a typo: at most a third of
/// its length in edits (at least one), so `colour` suggests nothing.
fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    known
        .iter()
        .map(|k| (edit_distance(name, k), *k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLEANING: &[&str] = &["uncurl_quotes", "fix_encoding", "normalization"];

    #[test]
    fn a_typo_gets_the_nearest_name() {
        assert_eq!(closest("uncurl_quote", CLEANING), Some("uncurl_quotes"));
        assert_eq!(closest("normalisation", CLEANING), Some("normalization"));
        assert!(unknown_option("fix_encodings", CLEANING, "cleaning")
            .starts_with("unknown option 'fix_encodings' (did you mean 'fix_encoding'?)"));
    }

    #[test]
    fn a_word_far_from_every_name_gets_no_suggestion() {
        assert_eq!(closest("colour", CLEANING), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
