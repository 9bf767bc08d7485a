//! What kapstok's tests share, so every test crate sets up its stores, clocks and samples the
//! same way:
//!
//! - [`store`]: the tests' day (23-11-2026) and a clock standing on it, the administrator a store
//!   is set up with and a user per role (or every user on one password, as the TUI's tests log
//!   in), a store filled by the demo, opening and reopening a store while this process's
//!   just-dropped handle (or a child's) lets go of it, field errors of a refused input;
//! - [`raw`]: a store's files on disk: sled opened directly for format tests, the files that hold
//!   a text, copying a store's folder;
//! - [`members`]: sample members (care of the office, a street address, abroad);
//! - [`basemail`]: a prison, a stay there, a detained member;
//! - [`experts`]: an agreement, signed, and a review's slot;
//! - [`training`]: a skill and a course;
//! - [`meetings`]: a general meeting and an agenda item.
//!
//! Everything is re-exported at the top, so `use kapstok_testkit::*` brings it all.
//!
//! A dev-dependency of the test crates and of core's integration tests (`core/tests`); core's own
//! `#[cfg(test)]` unit tests cannot use it (it links the non-test build of core).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

pub mod basemail;
pub mod experts;
pub mod meetings;
pub mod members;
pub mod raw;
pub mod store;
pub mod training;

pub use basemail::*;
pub use experts::*;
pub use meetings::*;
pub use members::*;
pub use raw::*;
pub use store::*;
pub use training::*;
