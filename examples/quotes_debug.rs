//! Prints the quotations of a text file (or of the text given as arguments), for debugging.
use saidwho::quotes::{extract, QuoteOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = match args.first().map(|a| std::fs::read_to_string(a)) {
        Some(Ok(t)) => t,
        _ => args.join(" "),
    };
    for q in extract(&text, &QuoteOptions::default()) {
        println!(
            "{:?} [{}] speaker={:?} mention={:?} cue={:?} conf={:.2}",
            q.text,
            q.kind.name(),
            q.speaker,
            q.mention.map(|m| m.text),
            q.cue.map(|c| c.text),
            q.confidence
        );
    }
}
