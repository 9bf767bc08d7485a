//! Experts by experience: half-year agreements, the tax-free allowance, review conversations.
//!
//! - [`model`]: agreements, allowance limits, reviews.
//! - [`rules`]: periods, overlap, allowance checks, the due list, office hours and free slots.
//! - [`service`]: the operations, through a session.
//! - [`ics`]: the planned reviews as an iCalendar file.

pub mod ics;
pub mod model;
pub mod pdf;
pub mod rules;
pub mod service;

pub use model::{
    Agreement, AgreementState, Allowance, AllowanceLimits, Conversation, Outcome, PeriodKind,
    Review, ReviewStatus, Slot,
};
pub use rules::AllowanceWarning;
pub use service::{AgreementInput, DueReview, ExpertSettings, Experts, SavedAgreement};
