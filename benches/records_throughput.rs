//! `saidwho clean`'s JSONL records in the core (src/records/), step by step, one thread: reading
//! the records of a batch, checking their texts (cleaning) and writing them back, in MB/s of
//! the file. The file is a JSONL file given as the first argument (default: the one
//! bench_batch_paths.py writes, /tmp/bench_in.jsonl).
//!
//!     cargo bench --bench records_throughput [-- FILE]

use std::borrow::Cow;
use std::time::Instant;

use saidwho::clean::{clean_cow, CleanOptions};
use saidwho::records::{self, Fields, Limits, Plan};

fn main() {
    let path = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "/tmp/bench_in.jsonl".into());
    let Ok(data) = std::fs::read(&path) else {
        eprintln!("records_throughput: no file {path}: skipped");
        return;
    };
    let mb = data.len() as f64 / (1 << 20) as f64;
    let lines: Vec<&[u8]> = data.split_inclusive(|&b| b == b'\n').collect();
    let pool = saidwho::parallel::pool(1).expect("a pool");
    let fields = Fields {
        text: "text",
        id: None,
        require_id: false,
    };
    let limits = Limits {
        max_records: usize::MAX,
        max_chars: usize::MAX,
    };
    let options = CleanOptions::default();
    for _ in 0..3 {
        let start = Instant::now();
        let Plan::Batch { records, .. } = records::read_batch(&pool, &lines, fields, limits, true)
        else {
            eprintln!("records_throughput: {path} is not for the core");
            return;
        };
        let read = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let texts: Vec<Option<Cow<'_, str>>> = records
            .iter()
            .map(|r| r.text().map(|t| clean_cow(t, &options)))
            .collect();
        let cleaned = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let out = records::jsonl_on(&pool, &records, &texts);
        let written = start.elapsed().as_secs_f64();
        let size: usize = out.iter().map(Vec::len).sum();
        println!(
            "{mb:.1} MB, {} records: read {:.0} MB/s, clean {:.0} MB/s, write {:.0} MB/s ({size} bytes)",
            records.len(),
            mb / read,
            mb / cleaned,
            mb / written
        );
    }
}
