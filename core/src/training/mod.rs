//! Training plans: task descriptions with the skills they need, skills (some expire), courses,
//! the skills each expert holds, the gap to their tasks, the courses that close it, the plan per
//! half year, the budget, and the pool's coverage.
//!
//! - [`model`]: the records.
//! - [`rules`]: expiry, gap, course choice, budget, coverage (pure functions).

pub mod model;
pub mod rules;
