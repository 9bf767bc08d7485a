//! What needs doing today, per role: the start screen after login.

use crate::basemail::{Run, Stay};
use crate::common::{birthday_in, IsoWeek};
use crate::experts::{AgreementState, Review, ReviewStatus};
use crate::meetings::{Deadlines, Meeting, Reminder};
use crate::training::{Budget, ItemStatus};
use chrono::NaiveDate;

/// The administrator's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminToday {
    /// The next general meeting with its deadlines.
    pub next_meeting: Option<(u64, Meeting, Deadlines)>,
    /// The next meeting's convocation is not sent and its last day to send has passed.
    pub convocation_overdue: bool,
    /// The year's reminders that are not done (annual report, audit committee, autumn meeting).
    pub reminders: Vec<Reminder>,
    /// Members out of sight.
    pub out_of_sight: usize,
    /// Members with a birthday this week: number, full name, birth date.
    pub birthdays: Vec<(u64, String, NaiveDate)>,
    /// Stays to check after a returned card.
    pub returned_to_check: usize,
    /// Ex-members past the retention period, to anonymise.
    pub retention_due: usize,
    /// Settings an update set back to their defaults, to enter again.
    pub settings_reset: Vec<crate::store::SettingsKey>,
}

/// Whether a meeting's convocation is overdue on `today`: not sent, and the last day to send it
/// (`deadlines.send_by`) has passed.
pub fn convocation_overdue(meeting: &Meeting, deadlines: &Deadlines, today: NaiveDate) -> bool {
    meeting.convocation.is_none() && today > deadlines.send_by
}

/// The coordinator's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoordinatorToday {
    /// Agreements due for a review without a planned review.
    pub reviews_to_plan: usize,
    /// Reviews planned this week: id and review.
    pub reviews_this_week: Vec<(u64, Review)>,
    /// Signed agreements ending within the review weeks.
    pub agreements_ending: usize,
    /// Agreements not signed yet.
    pub unsigned: usize,
    /// Plan items of the half year still to act on (proposed or agreed, not enrolled).
    pub plan_items_due: usize,
    /// Skills expiring within the warning period.
    pub skills_expiring: usize,
    /// The half year's training budget.
    pub budget: Budget,
}

/// The volunteer's day: this week's card run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolunteerToday {
    /// The week.
    pub week: IsoWeek,
    /// Whether the run was composed.
    pub composed: bool,
    /// Cards in the run.
    pub cards: usize,
    /// Written.
    pub written: usize,
    /// Posted.
    pub posted: usize,
    /// Not written yet: still to print a label for and write.
    pub to_write: usize,
}

/// Birthdays of current members in `week`, by date then name.
pub fn birthdays(
    members: &[crate::members::Member],
    week: IsoWeek,
) -> Vec<(u64, String, NaiveDate)> {
    let mut out: Vec<(u64, String, NaiveDate)> = members
        .iter()
        .filter(|m| m.status().is_member())
        .filter_map(|m| {
            let b = m.birth_date?;
            birthday_in(b, week).then(|| (m.number, m.name.full(), b))
        })
        .collect();
    out.sort_by_key(|(n, name, b)| (chrono::Datelike::ordinal(b), name.clone(), *n));
    out
}

/// Stays waiting for a check after a returned card.
pub fn returned_to_check(stays: &[Stay]) -> usize {
    stays
        .iter()
        .filter(|s| s.check_needed && s.ended_on.is_none())
        .count()
}

/// Reviews planned in `week`.
pub fn reviews_in(reviews: &[(u64, Review)], week: IsoWeek) -> Vec<(u64, Review)> {
    let mut out: Vec<(u64, Review)> = reviews
        .iter()
        .filter(|(_, r)| {
            r.status == ReviewStatus::Scheduled && week.days().any(|d| d == r.slot.start.date())
        })
        .cloned()
        .collect();
    out.sort_by_key(|(id, r)| (r.slot.start, *id));
    out
}

/// Counts the half year's plan items still to act on.
pub fn plan_items_due(items: &[crate::training::PlanItem], half_year: NaiveDate) -> usize {
    items
        .iter()
        .filter(|i| {
            i.half_year == half_year
                && matches!(i.status, ItemStatus::Proposed | ItemStatus::Agreed(_))
        })
        .count()
}

/// The week's run as the volunteer sees it.
pub fn run_today(week: IsoWeek, run: Option<&Run>) -> VolunteerToday {
    let cards = run.map_or(0, |r| r.cards.len());
    let written = run.map_or(0, |r| r.cards.iter().filter(|c| c.written).count());
    let posted = run.map_or(0, |r| r.cards.iter().filter(|c| c.posted.is_some()).count());
    VolunteerToday {
        week,
        composed: run.is_some(),
        cards,
        written,
        posted,
        to_write: cards - written,
    }
}

/// Agreements by state on `today`: (unsigned drafts, signed ones ending within `weeks`).
pub fn agreement_counts(
    agreements: &[(u64, crate::experts::Agreement)],
    today: NaiveDate,
    weeks: u32,
) -> (usize, usize) {
    let horizon = today + chrono::Days::new(weeks as u64 * 7);
    let unsigned = agreements
        .iter()
        .filter(|(_, a)| a.state(today) == AgreementState::Draft)
        .count();
    let ending = agreements
        .iter()
        .filter(|(_, a)| {
            matches!(
                a.state(today),
                AgreementState::Active | AgreementState::Signed
            ) && a.last_day() <= horizon
        })
        .count();
    (unsigned, ending)
}
