//! Training: task descriptions and the skills they need, skills (some expire), courses, the
//! skills each expert holds, and the training plan per expert.

use crate::common::Cents;
use crate::store::{Record, TreeId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A skill a task needs; some certificates expire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    /// Name ("Naloxon toedienen").
    pub name: String,
    /// What it means.
    pub description: String,
    /// Valid this many months after it was acquired (`None`: does not expire).
    pub validity_months: Option<u32>,
}

/// A task description: a function of the association and the skills it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    /// Name, as agreements name their tasks ("voorlichting").
    pub name: String,
    /// What the work is.
    pub description: String,
    /// The skills needed (ids).
    pub skills: Vec<u64>,
}

/// A course that teaches skills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Course {
    /// Name.
    pub name: String,
    /// Provider.
    pub provider: String,
    /// Skills taught (ids).
    pub skills: Vec<u64>,
    /// Duration in hours.
    pub hours: u32,
    /// Cost.
    pub cost: Cents,
    /// Place, or empty for online.
    pub place: String,
}

/// How a skill was acquired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// From a course (its id).
    Course(u64),
    /// From experience.
    Experience,
}

/// A skill an expert holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Held {
    /// The expert's member number.
    pub expert: u64,
    /// The skill's id.
    pub skill: u64,
    /// Acquired on.
    pub acquired: NaiveDate,
    /// How.
    pub source: Source,
}

/// Where a plan item stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemStatus {
    /// Proposed (by the coordinator, or a training wish from a review).
    Proposed,
    /// Agreed with the expert on this date.
    Agreed(NaiveDate),
    /// Enrolled on this date.
    Enrolled(NaiveDate),
    /// Completed on this date: the course's skills are added.
    Completed(NaiveDate),
    /// Cancelled on this date.
    Cancelled(NaiveDate),
}

impl ItemStatus {
    /// The stable name.
    pub fn name(&self) -> &'static str {
        match self {
            ItemStatus::Proposed => "proposed",
            ItemStatus::Agreed(_) => "agreed",
            ItemStatus::Enrolled(_) => "enrolled",
            ItemStatus::Completed(_) => "completed",
            ItemStatus::Cancelled(_) => "cancelled",
        }
    }
}

/// An item of an expert's training plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    /// The expert's member number.
    pub expert: u64,
    /// The course, once chosen (a wish from a review may have none yet).
    pub course: Option<u64>,
    /// The wish or note, as said.
    pub wish: String,
    /// The half year it belongs to: its first day (1 January or 1 July).
    pub half_year: NaiveDate,
    /// The cost planned (the course's cost when chosen).
    pub cost: Cents,
    /// Status.
    pub status: ItemStatus,
    /// The review it came from, if any.
    pub from_review: Option<u64>,
}

macro_rules! record {
    ($ty:ty, $stored:ident, $tree:expr, $kind:expr) => {
        #[doc = concat!("The stored versions of [`", stringify!($ty), "`].")]
        #[derive(Debug, Clone, Serialize, Deserialize)]
        pub enum $stored {
            /// The first version.
            V1($ty),
        }

        impl Record for $ty {
            const TREE: TreeId = $tree;
            const KIND: &'static str = $kind;
            type Stored = $stored;
            fn to_stored(&self) -> $stored {
                $stored::V1(self.clone())
            }
            fn from_stored(stored: $stored) -> Self {
                match stored {
                    $stored::V1(v) => v,
                }
            }
        }
    };
}

record!(Skill, SkillRecord, TreeId::Skills, "skill");
record!(Task, TaskRecord, TreeId::Tasks, "task");
record!(Course, CourseRecord, TreeId::Courses, "course");
record!(Held, HeldRecord, TreeId::SkillsHeld, "skill held");
record!(PlanItem, PlanItemRecord, TreeId::PlanItems, "plan item");
