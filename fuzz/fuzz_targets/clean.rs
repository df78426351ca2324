//! The cleaner on arbitrary bytes (read as lossy UTF-8), with the news and the ftfy defaults:
//! it must not panic, must reach a fixed point, and its explanation must replay to its output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saidwho::clean::{clean, clean_explained, replay, CleanOptions};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for options in [CleanOptions::default(), CleanOptions::ftfy()] {
        let cleaned = clean_explained(&text, &options, true);
        assert_eq!(cleaned.text, clean(&text, &options), "clean and explain differ");
        assert_eq!(
            clean(&cleaned.text, &options),
            cleaned.text,
            "cleaning is not idempotent"
        );
        assert_eq!(
            replay(&text, &cleaned.fixes).as_deref(),
            Ok(cleaned.text.as_str()),
            "explanation does not replay"
        );
    }
});
