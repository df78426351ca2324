//! saidwho: clean news text and tell who said what.
//!
//! The core is plain Rust: [`clean`] repairs text (mojibake, lost punctuation, entities, …) and
//! explains each repair; [`quotes`] finds quotations and their speakers; [`parallel`] runs
//! batches on a fork-safe pool and [`batch`] decides what a failed document does. The Python
//! bindings (feature `python`, `src/python.rs`) only convert values and add no behaviour.

pub mod analyze;
pub mod batch;
pub mod clean;
pub mod error;
pub mod offsets;
pub mod parallel;
pub mod quotes;

pub use error::Error;

#[cfg(feature = "python")]
mod python;
