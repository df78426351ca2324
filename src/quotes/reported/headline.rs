//! Headlines in title case (`Senator Calls For Inquiry Into Port Deal`): every word is
//! capitalised, so a capitalised verb may be the cue, and the cue table's share stands in for
//! the cue model, which reads capitals as names.

use crate::quotes::doc::{Document, TokKind};

/// The most tokens a headline has.
const MAX_HEADLINE_TOKENS: usize = 40;

/// A headline in title case: `Senator Calls For Inquiry Into Port Deal`. At least four words, at
/// most forty tokens, nearly all words longer than three letters capitalised.
pub(super) fn is_headline(doc: &Document, s: usize, e: usize) -> bool {
    // Headlines are short; a long run of capitals is a list of names, or hostile input.
    if e - s > MAX_HEADLINE_TOKENS {
        return false;
    }
    let (mut long, mut capitalised, mut words) = (0, 0, 0);
    for t in &doc.tokens[s..e] {
        if t.kind != TokKind::Word {
            continue;
        }
        words += 1;
        // Bytes, not letters: a word of four bytes or more (a rare accented short word counts
        // as long, which changes no headline).
        if t.end - t.start > 3 {
            long += 1;
            capitalised += usize::from(t.capitalised);
            // More long words in lower case than a tenth of the tokens: no headline, whatever
            // follows (asked of every sentence, most of which are done with here).
            if (long - capitalised) * 10 > e - s {
                return false;
            }
        }
    }
    words >= 4 && long >= 3 && capitalised * 10 >= long * 9
}
