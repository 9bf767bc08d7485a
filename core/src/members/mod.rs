//! The member register: who the members are, how they are reached, their status over time.
//!
//! - [`model`]: the member record and its stored versions.
//! - [`rules`]: validation, status on a date, duplicates, the out-of-sight list (pure functions).
//! - [`search`]: search as you type, ignoring case and diacritics.
//! - [`csv`]: import and export.
//! - [`birthdays`]: the birthday index, kept in each member's transaction.
//! - [`service`]: the operations on the store, through a session.

pub mod birthdays;
pub mod consent;
pub mod csv;
pub mod model;
pub mod rules;
pub mod search;
pub mod service;

pub use consent::{ConsentEvent, ConsentHistory, ConsentKind};
pub use model::{Consents, Member, MemberInput, MemberRecord, Status, StatusEntry};
pub use rules::Warning;
pub use service::{Accept, ImportReport, Members, SaveOutcome, Saved};

/// How many members a count over the whole register holds at a time (see
/// [`crate::store::Store::scan_batches`]): small next to 100,000, large enough that the batches
/// cost nothing in time.
pub const READ_BATCH: usize = 4_096;
