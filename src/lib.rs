//! saidwho: clean news text and tell who said what.
//!
//! The core is plain Rust: [`clean`] repairs text (mojibake, lost punctuation, entities, …) and
//! explains each repair; [`quotes`] finds quotations and their speakers; [`parallel`] runs
//! batches on a fork-safe pool and [`batch`] decides what a failed document does; [`rows`]
//! turns quotations into the table the batch paths write (JSON lines, Arrow) and [`records`]
//! reads and writes the records of a JSON lines file for `saidwho clean`. The Python
//! bindings (feature `python`, `src/python.rs`) only convert values and add no behaviour.

pub mod analyze;
pub mod batch;
pub mod clean;
pub mod error;
pub mod offsets;
pub mod parallel;
pub mod quotes;
pub mod records;
pub mod rows;

pub use error::Error;

/// The global allocator with feature `mimalloc` (on in the Python extension). Finding quotations
/// makes many small allocations that live for one article (lower-cased words, candidate lists,
/// the people table); glibc's malloc spent about 9 % of the instructions of `quotes` on them,
/// and mimalloc makes `quotes` about 8 % faster (`benches/README.md`).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// The README's Rust example runs as a doctest (`cargo test --doc`), so it cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(feature = "python")]
mod python;
