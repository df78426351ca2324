//! The quotation engine on arbitrary bytes (read as lossy UTF-8), with and without cleaning:
//! it must not panic, and every offset (in code points) must lie inside the text; without
//! cleaning on already-clean text, the offsets must point at the quotation itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saidwho::analyze::{quote_records, QuoteRecord};
use saidwho::clean::{clean, CleanOptions};
use saidwho::quotes::QuoteOptions;

fn check_bounds(records: &[QuoteRecord], len: usize) {
    for r in records {
        assert!(r.start <= r.end && r.end <= len, "quote out of bounds: {r:?}");
        for (s, e) in [r.cue_span, r.mention_span].into_iter().flatten() {
            assert!(s <= e && e <= len, "span {s}..{e} out of bounds: {r:?}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let len = text.chars().count();
    let cleaner = CleanOptions::default();
    let option_sets = [
        QuoteOptions::default(),
        QuoteOptions {
            keep_non_speech: true,
            double_marks_only: true,
            reported: true,
        },
    ];
    for options in &option_sets {
        check_bounds(&quote_records(&text, Some(&cleaner), options), len);
        check_bounds(&quote_records(&text, None, options), len);
    }
    let clean_text = clean(&text, &cleaner);
    let chars: Vec<char> = clean_text.chars().collect();
    for r in quote_records(&clean_text, None, &option_sets[0]) {
        let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        assert_eq!(slice(r.start, r.end), r.quote.text, "quote offsets: {r:?}");
        if let (Some((s, e)), Some(m)) = (r.mention_span, r.quote.mention.as_ref()) {
            assert_eq!(slice(s, e), m.text, "mention offsets: {r:?}");
        }
        if let (Some((s, e)), Some(c)) = (r.cue_span, r.quote.cue.as_ref()) {
            assert_eq!(slice(s, e), c.text, "cue offsets: {r:?}");
        }
    }
});
