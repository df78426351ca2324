//! Speaker mentions.
