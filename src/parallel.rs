//! Batch execution on a process-local rayon pool.
//!
//! Why not rayon's global pool: once it has started, a `fork()` (multiprocessing, gunicorn,
//! Celery, Spark workers) leaves the child with a pool whose threads do not exist, and the next
//! parallel call hangs forever. We keep our own pool tagged with the process id and build a new
//! one when the id changes. The thread count comes from the caller, else `SAIDWHO_NUM_THREADS`,
//! else the number of cores. Running a batch on the pool (and what a failure does) is
//! [`crate::batch`].

use std::sync::{Arc, Mutex};

use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::error::Error;

/// Environment variable that caps the worker threads of batch calls.
pub const THREADS_ENV: &str = "SAIDWHO_NUM_THREADS";

/// At most this many documents are handed to the pool at once; between chunks the caller may
/// report progress and check for interruption (Ctrl-C).
pub const CHUNK_SIZE: usize = 2048;

/// A chunk also ends once it holds this many bytes of text, so that even a batch of very long
/// documents returns to the caller several times a second.
pub const CHUNK_BYTES: usize = 4 << 20;

/// Splits `lens` (the byte length of each document) into consecutive ranges of at most
/// [`CHUNK_SIZE`] documents and, unless a single document is larger, [`CHUNK_BYTES`] bytes.
pub fn chunk_ranges(lens: impl IntoIterator<Item = usize>) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let (mut start, mut count, mut bytes) = (0, 0, 0);
    for (i, len) in lens.into_iter().enumerate() {
        if count > 0 && (count == CHUNK_SIZE || bytes + len > CHUNK_BYTES) {
            ranges.push(start..i);
            (start, count, bytes) = (i, 0, 0);
        }
        count += 1;
        bytes += len;
    }
    if count > 0 {
        ranges.push(start..start + count);
    }
    ranges
}

struct PoolSlot {
    pid: u32,
    threads: usize,
    pool: Arc<ThreadPool>,
}

static POOL: Mutex<Option<PoolSlot>> = Mutex::new(None);

/// Threads a batch call will use: `requested`, else the environment variable, else all cores.
pub fn thread_count(requested: Option<usize>) -> usize {
    requested
        .filter(|&n| n > 0)
        .or_else(|| {
            std::env::var(THREADS_ENV)
                .ok()
                .and_then(|v| v.trim().parse::<usize>().ok())
                .filter(|&n| n > 0)
        })
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
}

/// The pool for this process with `threads` workers, built on first use or after a fork.
pub fn pool(threads: usize) -> Result<Arc<ThreadPool>, Error> {
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(s) = slot.as_ref() {
        if s.pid == pid && s.threads == threads {
            return Ok(Arc::clone(&s.pool));
        }
    }
    if let Some(old) = slot.take() {
        if old.pid != pid {
            // Inherited across fork: its threads are gone, and dropping it would try to signal
            // them. Leak it deliberately (one small allocation per fork).
            std::mem::forget(old);
        }
    }
    let pool = ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("saidwho-{i}"))
        .build()
        .map_err(|e| Error::ThreadPool(e.to_string()))?;
    let pool = Arc::new(pool);
    *slot = Some(PoolSlot {
        pid,
        threads,
        pool: Arc::clone(&pool),
    });
    Ok(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_are_bounded_by_count_and_bytes() {
        let ranges = chunk_ranges(vec![10; 5000]);
        assert_eq!(ranges, vec![0..2048, 2048..4096, 4096..5000]);
        let big = CHUNK_BYTES / 2 + 1;
        let ranges = chunk_ranges(vec![big, big, 1, CHUNK_BYTES * 3, 1]);
        assert_eq!(ranges, vec![0..1, 1..3, 3..4, 4..5]);
        assert!(chunk_ranges(Vec::new()).is_empty());
    }

    #[test]
    fn thread_count_prefers_request() {
        assert_eq!(thread_count(Some(3)), 3);
        assert!(thread_count(None) >= 1);
    }
}
