//! Experts by experience: half-year agreements, the tax-free allowance, review conversations.
//!
//! - [`model`]: agreements, allowance limits, reviews.
//! - [`rules`]: periods, overlap, allowance checks, the due list, office hours and free slots.

pub mod model;
pub mod rules;
