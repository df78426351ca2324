pub mod clean;
pub mod quotes;
