//! One batch call, chunk by chunk: every document's work runs on the pool under `catch_unwind`,
//! and a document that fails (its work panicked: a bug) is handled by the caller's policy,
//! either stopping the batch with its index ([`OnError::Raise`]) or giving no result for it and
//! recording it ([`OnError::Record`]), so a long batch is not lost to one bad document.
//!
//! No real input is known to make the core panic, so the test suite needs another way to make a
//! document fail: [`BatchRun::inject_faults`] makes chosen indices fail exactly as a panic would
//! (through the same unwinding path). The bindings reach it only through a private, test-only
//! parameter (`_fail_on`); nothing else sets it.

use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

use rayon::prelude::*;
use rayon::ThreadPool;

use crate::error::Error;

/// What a batch does when one document fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnError {
    /// Stop and report the failed document's index (the default: a bug should be seen).
    #[default]
    Raise,
    /// Keep going: the failed document gets no result and is listed in [`BatchRun::failures`].
    Record,
}

impl OnError {
    /// The names callers spell the policies with, in the order of the variants.
    pub const NAMES: [&'static str; 2] = ["raise", "record"];

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "raise" => Some(OnError::Raise),
            "record" => Some(OnError::Record),
            _ => None,
        }
    }
}

/// A document that failed: its index in the whole batch and the panic's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub index: usize,
    pub message: String,
}

impl From<Failure> for Error {
    fn from(f: Failure) -> Self {
        Error::Panic {
            index: f.index,
            message: f.message,
        }
    }
}

/// The message of an injected fault, so a report can be told apart from a real bug.
pub const INJECTED_FAULT: &str = "injected fault (test hook)";

/// The state of one batch call across its chunks.
#[derive(Debug, Default)]
pub struct BatchRun {
    on_error: OnError,
    failures: Vec<Failure>,
    /// Sorted indices that fail on purpose (tests only; empty otherwise).
    faults: Vec<usize>,
}

impl BatchRun {
    pub fn new(on_error: OnError) -> Self {
        BatchRun {
            on_error,
            ..BatchRun::default()
        }
    }

    /// Test hook: the documents at `indices` (in the whole batch) fail as if their work had
    /// panicked. The test suite uses it to prove the failure paths; production calls never do,
    /// so it is left out of the documented API.
    #[doc(hidden)]
    pub fn inject_faults(mut self, indices: impl IntoIterator<Item = usize>) -> Self {
        self.faults.extend(indices);
        self.faults.sort_unstable();
        self
    }

    /// Runs `work` on every item of a chunk on `pool`, keeping order; `items[i]` is document
    /// `first_index + i` of the batch. A failed document is `None` under [`OnError::Record`]
    /// (and recorded); under [`OnError::Raise`] the chunk's first failure is the error.
    pub fn run_chunk<T, R, F>(
        &mut self,
        pool: &ThreadPool,
        items: &[T],
        first_index: usize,
        work: F,
    ) -> Result<Vec<Option<R>>, Error>
    where
        T: Sync,
        R: Send,
        F: Fn(&T) -> R + Sync,
    {
        let faults = &self.faults;
        let outcomes: Vec<Result<R, Failure>> = pool.install(|| {
            items
                .par_iter()
                .enumerate()
                .map(|(i, item)| {
                    let index = first_index + i;
                    catch_unwind(AssertUnwindSafe(|| {
                        if faults.binary_search(&index).is_ok() {
                            // Unwinds like a panic without running the panic hook, so tests
                            // do not print a backtrace for every injected fault.
                            resume_unwind(Box::new(INJECTED_FAULT));
                        }
                        work(item)
                    }))
                    .map_err(|payload| Failure {
                        index,
                        message: panic_message(payload.as_ref()),
                    })
                })
                .collect()
        });
        let mut results = Vec::with_capacity(outcomes.len());
        for outcome in outcomes {
            match (outcome, self.on_error) {
                (Ok(r), _) => results.push(Some(r)),
                (Err(failure), OnError::Raise) => return Err(failure.into()),
                (Err(failure), OnError::Record) => {
                    self.failures.push(failure);
                    results.push(None);
                }
            }
        }
        Ok(results)
    }

    /// The documents that failed so far, in index order (always empty under `Raise`).
    pub fn failures(&self) -> &[Failure] {
        &self.failures
    }

    pub fn into_failures(self) -> Vec<Failure> {
        self.failures
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parallel::pool;

    fn doubled(
        run: &mut BatchRun,
        items: &[usize],
        first: usize,
    ) -> Result<Vec<Option<usize>>, Error> {
        let pool = pool(2).expect("pool");
        run.run_chunk(&pool, items, first, |&x| {
            if x == 7 {
                panic!("bad document");
            }
            x * 2
        })
    }

    #[test]
    fn keeps_order_without_failures() {
        let items: Vec<usize> = (10..1000).collect();
        let mut run = BatchRun::new(OnError::Raise);
        let out = doubled(&mut run, &items, 0).expect("no failure");
        assert_eq!(out, items.iter().map(|x| Some(x * 2)).collect::<Vec<_>>());
        assert!(run.failures().is_empty());
    }

    #[test]
    fn raise_reports_the_first_failure_with_its_batch_index() {
        let items: Vec<usize> = (0..1000).collect();
        let mut run = BatchRun::new(OnError::Raise).inject_faults([5900]);
        match doubled(&mut run, &items, 5000) {
            Err(Error::Panic { index, message }) => {
                assert_eq!(index, 5007);
                assert!(message.contains("bad document"), "{message}");
            }
            other => panic!("expected a panic error, got {other:?}"),
        }
    }

    #[test]
    fn record_keeps_going_and_lists_every_failure_in_order() {
        let items: Vec<usize> = (0..1000).collect();
        let mut run = BatchRun::new(OnError::Record).inject_faults([2, 999]);
        let out = doubled(&mut run, &items, 0).expect("recorded, not raised");
        assert_eq!(out.len(), 1000);
        for (i, r) in out.iter().enumerate() {
            let failed = [2, 7, 999].contains(&i);
            assert_eq!(*r, if failed { None } else { Some(i * 2) }, "item {i}");
        }
        let more = doubled(&mut run, &[7, 8], 1000).expect("second chunk");
        assert_eq!(more, vec![None, Some(16)]);
        let failures = run.into_failures();
        let indices: Vec<usize> = failures.iter().map(|f| f.index).collect();
        assert_eq!(indices, vec![2, 7, 999, 1000]);
        assert_eq!(failures[0].message, INJECTED_FAULT);
        assert_eq!(failures[1].message, "bad document");
    }

    #[test]
    fn policy_names_round_trip() {
        for name in OnError::NAMES {
            assert!(OnError::from_name(name).is_some(), "{name}");
        }
        assert_eq!(OnError::from_name("record"), Some(OnError::Record));
        assert_eq!(OnError::from_name("ignore"), None);
        assert_eq!(OnError::default(), OnError::Raise);
    }
}
