//! Experts by experience: half-year agreements, the allowance limits table, and reviews.

use crate::common::Cents;
use crate::store::{Record, TreeId};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// How an agreement's six months are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodKind {
    /// January to June.
    FirstHalf,
    /// July to December.
    SecondHalf,
    /// Six months from a chosen start.
    Custom,
}

impl PeriodKind {
    /// The stable names.
    pub const NAMES: &'static [&'static str] = &["first_half", "second_half", "custom"];

    /// The stable name.
    pub fn name(self) -> &'static str {
        match self {
            PeriodKind::FirstHalf => "first_half",
            PeriodKind::SecondHalf => "second_half",
            PeriodKind::Custom => "custom",
        }
    }

    /// The kind with this stable name.
    pub fn from_name(name: &str) -> Option<PeriodKind> {
        match name.trim().to_ascii_lowercase().as_str() {
            "first_half" => Some(PeriodKind::FirstHalf),
            "second_half" => Some(PeriodKind::SecondHalf),
            "custom" => Some(PeriodKind::Custom),
            _ => None,
        }
    }
}

/// The allowance agreed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Allowance {
    /// No allowance.
    None,
    /// An amount per hour worked.
    PerHour(Cents),
    /// A fixed amount per month.
    PerMonth(Cents),
}

/// How a review ended, and so the agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Outcome {
    /// Both sides stop: the agreement ends on its end date.
    Stop,
    /// Go on with changes: a new agreement is drafted for editing.
    Adjust,
    /// Go on as before: the next half year is drafted with the same terms.
    Continue,
}

impl Outcome {
    /// All outcomes.
    pub const ALL: [Outcome; 3] = [Outcome::Stop, Outcome::Adjust, Outcome::Continue];

    /// The stable name.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Stop => "stop",
            Outcome::Adjust => "adjust",
            Outcome::Continue => "continue",
        }
    }
}

/// A half-year volunteer agreement with an expert by experience.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    /// The expert's member number.
    pub expert: u64,
    /// How the period was chosen.
    pub period: PeriodKind,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Tasks (from the task descriptions; a plain list for now).
    pub tasks: Vec<String>,
    /// Hours per week, in minutes (so half hours are exact).
    pub minutes_per_week: u32,
    /// Allowance.
    pub allowance: Allowance,
    /// Expense rules (travel costs and the like).
    pub expenses: String,
    /// Guidance contact.
    pub guidance: String,
    /// Signed by both parties on this date.
    pub signed_on: Option<NaiveDate>,
    /// Ended early on this date (stopped before the end date).
    pub ended_on: Option<NaiveDate>,
    /// The outcome of the review about this agreement.
    pub outcome: Option<Outcome>,
    /// The agreement this one continues.
    pub continues: Option<u64>,
    /// The review that led to this agreement.
    pub from_review: Option<u64>,
}

/// Where an agreement stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AgreementState {
    /// Not signed yet.
    Draft,
    /// Signed, not started.
    Signed,
    /// Running.
    Active,
    /// Past its end, or stopped.
    Ended,
}

impl Agreement {
    /// The last day the agreement holds: the end date, or the day it was stopped.
    pub fn last_day(&self) -> NaiveDate {
        self.ended_on.map_or(self.end, |e| e.min(self.end))
    }

    /// Where the agreement stands on `today`.
    pub fn state(&self, today: NaiveDate) -> AgreementState {
        if today > self.last_day() || self.ended_on.is_some_and(|e| e <= today) {
            AgreementState::Ended
        } else if self.signed_on.is_none() {
            AgreementState::Draft
        } else if today < self.start {
            AgreementState::Signed
        } else {
            AgreementState::Active
        }
    }
}

/// The stored versions of an agreement.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum AgreementRecord {
    /// The first version.
    V1(Agreement),
}

impl Record for Agreement {
    const TREE: TreeId = TreeId::Agreements;
    const KIND: &'static str = "agreement";
    type Stored = AgreementRecord;
    fn to_stored(&self) -> AgreementRecord {
        AgreementRecord::V1(self.clone())
    }
    fn from_stored(stored: AgreementRecord) -> Self {
        match stored {
            AgreementRecord::V1(a) => a,
        }
    }
}

/// The tax-free volunteer allowance limits of one calendar year (Belastingdienst). Kept as data
/// the administrator extends each year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowanceLimits {
    /// The year.
    pub year: i32,
    /// Per hour, 21 and older.
    pub per_hour: Cents,
    /// Per hour, under 21.
    pub per_hour_under_21: Cents,
    /// Per month.
    pub per_month: Cents,
    /// Per year (pro rata for part of a year).
    pub per_year: Cents,
}

/// The stored versions of a year's limits.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum AllowanceLimitsRecord {
    /// The first version.
    V1(AllowanceLimits),
}

impl Record for AllowanceLimits {
    const TREE: TreeId = TreeId::AllowanceLimits;
    const KIND: &'static str = "allowance limits";
    type Stored = AllowanceLimitsRecord;
    fn to_stored(&self) -> AllowanceLimitsRecord {
        AllowanceLimitsRecord::V1(*self)
    }
    fn from_stored(stored: AllowanceLimitsRecord) -> Self {
        match stored {
            AllowanceLimitsRecord::V1(l) => l,
        }
    }
}

/// A scheduled conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    /// Start, office-local time.
    pub start: NaiveDateTime,
    /// Length in minutes.
    pub minutes: u32,
    /// The staff member who holds it (a user name).
    pub staff: String,
    /// Where.
    pub place: String,
}

impl Slot {
    /// The end time.
    pub fn end(&self) -> NaiveDateTime {
        self.start + chrono::Duration::minutes(i64::from(self.minutes))
    }

    /// True when two slots share any minute.
    pub fn overlaps(&self, other: &Slot) -> bool {
        self.start < other.end() && other.start < self.end()
    }
}

/// Where a review stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewStatus {
    /// Planned.
    Scheduled,
    /// Cancelled (it stays on the due list).
    Cancelled,
    /// The expert did not come (it stays on the due list).
    NoShow,
    /// Held on this date.
    Held(NaiveDate),
}

impl ReviewStatus {
    /// True when the review takes up its slot for the expert and the staff member: a planned
    /// review, and a held one, which keeps its planned slot even when it was held on another day
    /// (the status holds only the date, the week view shows it in its slot, and the slot is the
    /// record of who held it). A cancelled review and a no-show free it.
    pub fn occupies_slot(&self) -> bool {
        match self {
            ReviewStatus::Scheduled | ReviewStatus::Held(_) => true,
            ReviewStatus::Cancelled | ReviewStatus::NoShow => false,
        }
    }
}

/// What was said in a review.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    /// How the work went.
    pub work: String,
    /// Enjoyment of the work.
    pub enjoyment: String,
    /// Difficulties met.
    pub difficulties: String,
    /// What was agreed.
    pub agreed: String,
    /// Training wishes (the training plan takes them up as proposals).
    pub training_wishes: String,
}

/// A review conversation (functioneringsgesprek) about an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The agreement reviewed.
    pub agreement: u64,
    /// The expert's member number.
    pub expert: u64,
    /// When, how long, who, where.
    pub slot: Slot,
    /// Status.
    pub status: ReviewStatus,
    /// What was said, once held.
    pub conversation: Option<Conversation>,
    /// The outcome, once held.
    pub outcome: Option<Outcome>,
    /// The agreement drafted from it (adjust, continue).
    pub next_agreement: Option<u64>,
}

/// The stored versions of a review.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ReviewRecord {
    /// The first version.
    V1(Review),
}

impl Record for Review {
    const TREE: TreeId = TreeId::Reviews;
    const KIND: &'static str = "review";
    type Stored = ReviewRecord;
    fn to_stored(&self) -> ReviewRecord {
        ReviewRecord::V1(self.clone())
    }
    fn from_stored(stored: ReviewRecord) -> Self {
        match stored {
            ReviewRecord::V1(r) => r,
        }
    }
}
