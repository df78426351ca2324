//! The errors of the core; the Python bindings map each variant to an exception class.

/// Everything that can go wrong in saidwho's core.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A bug: processing one document panicked. Carries the document's index in the batch.
    #[error("internal error while processing document {index}: {message}")]
    Panic { index: usize, message: String },
    /// The worker pool could not be started.
    #[error("could not start worker threads: {0}")]
    ThreadPool(String),
    /// A recorded repair plan does not fit the text it is replayed on.
    #[error(transparent)]
    Replay(#[from] crate::clean::ReplayError),
}
