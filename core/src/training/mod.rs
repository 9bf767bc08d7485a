//! Training plans: task descriptions with the skills they need, skills (some expire), courses,
//! the skills each expert holds, the gap to their tasks, the courses that close it, the plan per
//! half year, the budget, and the pool's coverage.
//!
//! - [`model`]: the records.
//! - [`rules`]: expiry, gap, course choice, budget, coverage (pure functions).
//! - [`service`]: the operations, through a session.

pub mod model;
pub mod pdf;
pub mod rules;
pub mod service;

pub use model::{Course, Held, ItemStatus, PlanItem, Skill, Source, Task};
pub use rules::{Budget, Gap, Suggestion};
pub use service::{
    CourseInput, ExpertGap, SkillInput, Step, TaskInput, Training, TrainingSettings,
};
