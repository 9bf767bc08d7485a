//! Every user-facing string, in Dutch (the default) and English.
//!
//! The catalogue itself (`Lang`, `Msg`, the typed messages in `args`, counted nouns) lives in
//! the `kapstok-text` crate, shared with core's documents; this module re-exports it and adds
//! the translations that need core's types: errors and refusal reasons, field names, and the
//! words for core's enums.

mod errors;
mod fields;
mod reasons;
mod words;

#[cfg(test)]
mod tests;

pub use errors::*;
pub use fields::*;
pub use kapstok_text::{args, count, Lang, Msg, Noun};
pub use reasons::*;
pub use words::*;
