//! Chooses the character each remnant stood for, reading the document left to right so that the
//! quotation state (is a “ open? a ‘?) follows the choices already made.

use super::evidence::{evident_sites, Verdict};
use super::features::{context_classes, keys, QuoteState, WINDOW};
use super::language::Languages;
use super::model::{context_model, DistributionCache};
use std::cell::RefCell;

thread_local! {
    static DISTRIBUTIONS: RefCell<DistributionCache> = RefCell::new(DistributionCache::new());
}

/// Everything the model keys of one site are made from, as one integer: the classes either
/// side and the three quotation-state flags.
fn context_id(left: &[u8; WINDOW], right: &[u8; WINDOW], state: QuoteState) -> u128 {
    let mut id = [0u8; 16];
    id[..WINDOW].copy_from_slice(left);
    id[WINDOW..2 * WINDOW].copy_from_slice(right);
    id[2 * WINDOW] = u8::from(state.double_open);
    id[2 * WINDOW + 1] = u8::from(state.single_open);
    id[2 * WINDOW + 2] = u8::from(state.in_title);
    u128::from_le_bytes(id)
}
use super::scan::{Remnant, Site};
use crate::clean::Edit;
use memchr::memchr2_iter;

const DASHES: [char; 3] = ['\u{2013}', '\u{2014}', '\u{2015}'];

/// One lone `â` decided by the model.
struct Decision {
    edit: usize,
    probabilities: Vec<f64>,
    spaced: bool,
}

/// The edits restoring every site that `verdict` allows us to touch.
pub fn restore(text: &str, sites: &[Site], verdict: Verdict, langs: &Languages) -> Vec<Edit> {
    let model = context_model();
    let mut edits = Vec::new();
    let mut decisions = Vec::new();
    let mut state = QuoteState::at_document_start(text);
    let wanted = match verdict {
        Verdict::Damaged => vec![true; sites.len()],
        Verdict::EvidentOnly => evident_sites(text, sites, langs),
        Verdict::Undamaged => vec![false; sites.len()],
    };
    let lone_starts: Vec<usize> = sites
        .iter()
        .filter(|s| s.remnant == Remnant::LoneA)
        .map(|s| s.start)
        .collect();
    // The character after `pos` as the quotation state should see it: a lost character is
    // punctuation, not the letter `â`.
    let next_char = |pos: usize| -> Option<char> {
        if lone_starts.binary_search(&pos).is_ok() {
            return None;
        }
        text.get(pos..).and_then(|t| t.chars().next())
    };
    // Between sites only paragraph breaks and intact quotation marks (E2 80 98..9D) move the
    // state, so we jump from one to the next instead of walking every character.
    let mut events = memchr2_iter(b'\n', 0xE2, text.as_bytes()).peekable();
    for (k, (&site, wanted)) in sites.iter().zip(wanted).enumerate() {
        while let Some(&j) = events.peek() {
            if j >= site.start {
                break;
            }
            events.next();
            match text.get(j..).and_then(|t| t.chars().next()) {
                Some('\n') => state.new_paragraph(),
                Some(c @ '\u{2018}'..='\u{201d}') => state.update(c, next_char(j + c.len_utf8())),
                _ => {}
            }
        }
        while events.peek().is_some_and(|&j| j < site.end) {
            events.next();
        }
        if !wanted {
            continue;
        }
        let replacement = match site.remnant {
            Remnant::BoxedEllipsis => '…',
            Remnant::TwoOfThree(third) => two_of_three(text, &site, third),
            Remnant::LoneA => {
                let (left, right) = context_classes(text, site.start, |at| {
                    // Only the last few edits can fall inside the left window.
                    edits
                        .iter()
                        .rev()
                        .take(WINDOW)
                        .find(|e: &&Edit| e.start == at)
                        .and_then(|e| e.replacement.chars().next())
                });
                let keys = keys(&left, &right, state);
                let context = context_id(&left, &right, state);
                let p = DISTRIBUTIONS
                    .try_with(|cache| match cache.try_borrow_mut() {
                        Ok(mut cache) => cache.get(model, context, &keys),
                        Err(_) => model.distribution(&keys),
                    })
                    .unwrap_or_else(|_| model.distribution(&keys));
                let best = argmax(&p).and_then(|k| model.targets.get(k).copied());
                let Some(best) = best else {
                    continue;
                };
                let chosen = if left[0] == b'0' && right[0] == b'0' {
                    // A range between numbers: 1990–1995.
                    '\u{2013}'
                } else if best == '\u{201d}' && plural_possessive(text, sites, k) {
                    '\u{2019}'
                } else {
                    best
                };
                if DASHES.contains(&chosen) && left[0] != b'0' {
                    decisions.push(Decision {
                        edit: edits.len(),
                        probabilities: p,
                        spaced: matches!(left[0], b's' | b'^') || matches!(right[0], b's' | b'$'),
                    });
                }
                chosen
            }
        };
        state.update(replacement, next_char(site.end));
        edits.push(Edit::new(site.start, site.end, replacement.to_string()));
    }
    harmonise_spaced_dashes(text, &mut edits, &decisions);
    edits
}

/// True when the lone `â` `sites[k]` follows a plural noun and precedes a lower-case word
/// (`the neighboursâ home`) while the quotation it would close goes on: the next lone `â` of
/// the paragraph closes a quotation (`our own,â said`) before any opens one. Then this one is
/// the apostrophe of a plural possessive, not a closing mark.
fn plural_possessive(text: &str, sites: &[Site], k: usize) -> bool {
    let site = sites[k];
    let before = text.get(..site.start).unwrap_or("");
    let after = text.get(site.end..).unwrap_or("");
    let mut left = before.chars().rev();
    let plural = matches!(left.next(), Some('s' | 'S'))
        && left.next().is_some_and(|c| c.is_ascii_alphabetic());
    let mut right = after.chars();
    let word_follows =
        right.next() == Some(' ') && right.next().is_some_and(|c| c.is_ascii_lowercase());
    if !(plural && word_follows) {
        return false;
    }
    let mut from = site.end;
    for next in sites[k + 1..]
        .iter()
        .filter(|s| s.remnant == Remnant::LoneA)
    {
        let between = text.get(from..next.start).unwrap_or("\n");
        if between.contains(['\n', '\u{201c}', '\u{201d}']) {
            return false;
        }
        let prev = text.get(..next.start).and_then(|t| t.chars().next_back());
        let following = text.get(next.end..).and_then(|t| t.chars().next());
        let prev_space = prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '['));
        if prev_space && following.is_some_and(char::is_alphanumeric) {
            return false;
        }
        if !prev_space
            && following.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation() || c == 'â')
        {
            return true;
        }
        from = next.end;
    }
    false
}

fn argmax(p: &[f64]) -> Option<usize> {
    p.iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(k, _)| k)
}

/// `â` plus a surviving third byte: the second byte (0x80..0x9F) is gone. Nearly always 0x80
/// (General Punctuation: `â¦` …, `â¢` •), except the euro (E2 82 AC), the trade mark sign
/// (E2 84 A2, after a word: `Brandâ¢`) and the rupee (E2 82 B9, before a number).
fn two_of_three(text: &str, site: &Site, third: char) -> char {
    let before = text.get(..site.start).unwrap_or("");
    let after = text.get(site.end..).unwrap_or("");
    let prev = before.chars().next_back();
    let next = after.chars().next();
    match third {
        '¬' => '€',
        '¢' if prev.is_some_and(|c| c.is_alphanumeric() || c == ')')
            && !next.is_some_and(char::is_alphanumeric) =>
        {
            '™'
        }
        '¹' if next.is_some_and(|c| c.is_ascii_digit()) => '₹',
        _ => (third as u32)
            .checked_sub(0x80)
            .and_then(|low| char::from_u32(0x2000 + low))
            .unwrap_or(third),
    }
}

/// A document uses one kind of spaced dash. Intact dashes in the text show which; otherwise
/// the model's preferences over all the spaced dashes decide together.
fn harmonise_spaced_dashes(text: &str, edits: &mut [Edit], decisions: &[Decision]) {
    let spaced: Vec<&Decision> = decisions.iter().filter(|d| d.spaced).collect();
    if spaced.is_empty() {
        return;
    }
    let targets = &context_model().targets;
    let style = intact_spaced_dash(text).or_else(|| {
        DASHES
            .iter()
            .filter_map(|&dash| {
                let k = targets.iter().position(|&t| t == dash)?;
                let score: f64 = spaced
                    .iter()
                    .map(|d| {
                        d.probabilities
                            .get(k)
                            .copied()
                            .unwrap_or(0.0)
                            .max(1e-9)
                            .ln()
                    })
                    .sum();
                Some((dash, score))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(dash, _)| dash)
    });
    let Some(style) = style else {
        return;
    };
    for d in spaced {
        if let Some(e) = edits.get_mut(d.edit) {
            e.replacement = style.to_string();
        }
    }
}

/// The commonest dash written between spaces in the undamaged part of the text, if any.
fn intact_spaced_dash(text: &str) -> Option<char> {
    let bytes = text.as_bytes();
    let mut counts = [0usize; 3];
    // Every dash is E2 80 93..95: jump from one E2 to the next.
    for i in memchr::memchr_iter(0xE2, bytes) {
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            continue;
        };
        let Some(k) = DASHES.iter().position(|&d| d == c) else {
            continue;
        };
        let spaced_before = text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace);
        let spaced_after = text[i + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_whitespace);
        if spaced_before && spaced_after {
            counts[k] += 1;
        }
    }
    let (k, &n) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    (n > 0).then(|| DASHES[k])
}
