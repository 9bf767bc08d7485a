//! The rules for experts' agreements and reviews, as pure functions: half-year periods, overlap,
//! the tax-free allowance limits, the due list, office hours and free slots.

use super::model::{
    Agreement, AgreementState, Allowance, AllowanceLimits, PeriodKind, Review, ReviewStatus, Slot,
};
use crate::common::Cents;
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The first and last day of a period: January-June or July-December of `year`, or six months
/// from `start` (ending the day before the same date six months on; from the 31st of a month
/// into a shorter month, on that month's last day).
pub fn period(kind: PeriodKind, year: i32, start: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    match kind {
        PeriodKind::FirstHalf => Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 6, 30)?,
        )),
        PeriodKind::SecondHalf => Some((
            NaiveDate::from_ymd_opt(year, 7, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        )),
        PeriodKind::Custom => {
            let later = start.checked_add_months(Months::new(6))?;
            if later.day() != start.day() {
                Some((start, later)) // clamped to a shorter month's last day
            } else {
                Some((start, later.pred_opt()?))
            }
        }
    }
}

/// The period after an agreement's: the next half year, or six months from the day after.
pub fn next_period(a: &Agreement) -> Option<(PeriodKind, NaiveDate, NaiveDate)> {
    let (kind, year, start) = match a.period {
        PeriodKind::FirstHalf => (PeriodKind::SecondHalf, a.start.year(), a.start),
        PeriodKind::SecondHalf => (PeriodKind::FirstHalf, a.start.year() + 1, a.start),
        PeriodKind::Custom => (PeriodKind::Custom, 0, a.end.succ_opt()?),
    };
    let (s, e) = period(kind, year, start)?;
    Some((kind, s, e))
}

/// True when two agreements share a day.
pub fn overlap(a: &Agreement, b: &Agreement) -> bool {
    a.start <= b.last_day() && b.start <= a.last_day()
}

/// Age in whole years on a date.
pub fn age_on(birth: NaiveDate, date: NaiveDate) -> i32 {
    let mut age = date.year() - birth.year();
    if (date.month(), date.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// Why an allowance would not be tax-free.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AllowanceWarning {
    /// No limits are known for a year the agreement covers.
    NoLimits {
        /// The year.
        year: i32,
    },
    /// The hourly amount is above the limit for the expert's age.
    PerHour {
        /// The amount agreed.
        amount: Cents,
        /// The limit.
        limit: Cents,
        /// The under-21 limit applies.
        under_21: bool,
    },
    /// A month's allowance is above the monthly limit (months cannot be averaged).
    PerMonth {
        /// The year.
        year: i32,
        /// The month, 1-12.
        month: u32,
        /// The month's allowance.
        amount: Cents,
        /// The limit.
        limit: Cents,
    },
    /// The year's allowance (all agreements of the expert) is above the yearly limit, pro rata
    /// for the months volunteered.
    PerYear {
        /// The year.
        year: i32,
        /// The year's allowance.
        amount: Cents,
        /// The pro-rata limit.
        limit: Cents,
        /// The months volunteered that year.
        months: u32,
    },
}

/// The allowance of an agreement per calendar month it touches: a monthly amount pro rata for
/// the days of a partial month; an hourly amount for the hours of the agreement's days in the
/// month (hours per week x days / 7).
pub fn monthly_amounts(a: &Agreement) -> BTreeMap<(i32, u32), Cents> {
    let mut out = BTreeMap::new();
    let mut day = a.start;
    let last = a.last_day();
    while day <= last {
        let month_start = day.with_day(1).unwrap_or(day);
        let next_month = month_start
            .checked_add_months(Months::new(1))
            .unwrap_or(month_start);
        let month_days = (next_month - month_start).num_days();
        let until = last.min(next_month.pred_opt().unwrap_or(last));
        let days = (until - day).num_days() + 1;
        let amount = match a.allowance {
            Allowance::None => Cents(0),
            Allowance::PerMonth(x) => x.times(days, month_days),
            Allowance::PerHour(rate) => rate.times(i64::from(a.minutes_per_week) * days, 7 * 60),
        };
        out.insert((day.year(), day.month()), amount);
        day = next_month;
    }
    out
}

/// Checks an agreement's allowance against the limits: per hour (by age on the start date), per
/// month, and per year together with the expert's `others` (pro rata for the months volunteered).
/// Amounts exactly at a limit are allowed.
pub fn check_allowance(
    a: &Agreement,
    birth: Option<NaiveDate>,
    limits: &[AllowanceLimits],
    others: &[&Agreement],
) -> Vec<AllowanceWarning> {
    if a.allowance == Allowance::None {
        return Vec::new();
    }
    let limit_of = |year: i32| limits.iter().find(|l| l.year == year);
    let mine = monthly_amounts(a);
    let years: BTreeSet<i32> = mine.keys().map(|(y, _)| *y).collect();
    let mut warnings = Vec::new();
    for year in &years {
        if limit_of(*year).is_none() {
            warnings.push(AllowanceWarning::NoLimits { year: *year });
        }
    }
    if let (Allowance::PerHour(rate), Some(l)) = (a.allowance, limit_of(a.start.year())) {
        let under_21 = birth.is_some_and(|b| age_on(b, a.start) < 21);
        let limit = if under_21 {
            l.per_hour_under_21
        } else {
            l.per_hour
        };
        if rate > limit {
            warnings.push(AllowanceWarning::PerHour {
                amount: rate,
                limit,
                under_21,
            });
        }
    }
    for ((year, month), amount) in &mine {
        if let Some(l) = limit_of(*year) {
            if *amount > l.per_month {
                warnings.push(AllowanceWarning::PerMonth {
                    year: *year,
                    month: *month,
                    amount: *amount,
                    limit: l.per_month,
                });
            }
        }
    }
    for year in years {
        let Some(l) = limit_of(year) else { continue };
        let mut months: BTreeSet<u32> = BTreeSet::new();
        let mut total = 0i64;
        for agreement in std::iter::once(a).chain(others.iter().copied()) {
            for ((y, m), amount) in monthly_amounts(agreement) {
                if y == year {
                    months.insert(m);
                    total += amount.0;
                }
            }
        }
        let months = months.len() as u32;
        let limit = l.per_year.times(i64::from(months), 12);
        if total > limit.0 {
            warnings.push(AllowanceWarning::PerYear {
                year,
                amount: Cents(total),
                limit,
                months,
            });
        }
    }
    warnings
}

/// The limits from FACTS.md (Belastingdienst; 2026 from one advisory source), the seed of the
/// table the administrator extends.
pub fn known_limits() -> Vec<AllowanceLimits> {
    [
        (2024, 550, 325, 21_000, 210_000),
        (2025, 560, 330, 21_000, 210_000),
        (2026, 575, 340, 22_000, 220_000),
    ]
    .into_iter()
    .map(|(year, h, h21, m, y)| AllowanceLimits {
        year,
        per_hour: Cents(h),
        per_hour_under_21: Cents(h21),
        per_month: Cents(m),
        per_year: Cents(y),
    })
    .collect()
}

/// Office hours for reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeHours {
    /// Opens.
    pub open: NaiveTime,
    /// Closes.
    pub close: NaiveTime,
    /// Open on Saturday and Sunday too.
    pub weekends: bool,
}

impl Default for OfficeHours {
    fn default() -> Self {
        OfficeHours {
            open: NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default(),
            close: NaiveTime::from_hms_opt(16, 30, 0).unwrap_or_default(),
            weekends: false,
        }
    }
}

impl OfficeHours {
    /// True when the slot lies within one open day.
    pub fn fits(&self, slot: &Slot) -> bool {
        let end = slot.end();
        let weekend = matches!(slot.start.weekday(), Weekday::Sat | Weekday::Sun);
        (self.weekends || !weekend)
            && slot.minutes > 0
            && end.date() == slot.start.date()
            && slot.start.time() >= self.open
            && end.time() <= self.close
    }
}

/// An agreement due for a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due<'a> {
    /// The agreement's id.
    pub id: u64,
    /// The agreement.
    pub agreement: &'a Agreement,
    /// Its planned review, if any: id and review.
    pub planned: Option<(u64, &'a Review)>,
}

/// The agreements due for a review: signed or running, ending within `weeks` weeks from today,
/// without a review held; each with its planned review if there is one. Soonest first.
pub fn due<'a>(
    agreements: &'a [(u64, Agreement)],
    reviews: &'a [(u64, Review)],
    today: NaiveDate,
    weeks: u32,
) -> Vec<Due<'a>> {
    let horizon = today + Days::new(u64::from(weeks) * 7);
    let mut list: Vec<_> = agreements
        .iter()
        .filter(|(_, a)| {
            matches!(
                a.state(today),
                AgreementState::Signed | AgreementState::Active
            )
        })
        .filter(|(_, a)| a.last_day() <= horizon && a.outcome.is_none())
        .filter(|(id, _)| {
            !reviews
                .iter()
                .any(|(_, r)| r.agreement == *id && matches!(r.status, ReviewStatus::Held(_)))
        })
        .map(|(id, a)| {
            let planned = reviews
                .iter()
                .find(|(_, r)| r.agreement == *id && r.status == ReviewStatus::Scheduled)
                .map(|(rid, r)| (*rid, r));
            Due {
                id: *id,
                agreement: a,
                planned,
            }
        })
        .collect();
    list.sort_by_key(|d| (d.agreement.last_day(), d.id));
    list
}

/// What stands in the way of a slot: outside office hours, or another review of the same expert
/// or staff member at the same time (planned or held: see [`ReviewStatus::occupies_slot`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlotProblem {
    /// Outside office hours.
    OutsideHours,
    /// The expert has another review then (its id).
    ExpertBusy(u64),
    /// The staff member has another review then (its id).
    StaffBusy(u64),
}

/// Checks a slot for an expert against office hours and the other reviews that take up their
/// slot, planned or held (`own`, the review being moved, is skipped).
pub fn check_slot(
    slot: &Slot,
    expert: u64,
    hours: &OfficeHours,
    reviews: &[(u64, Review)],
    own: Option<u64>,
) -> Vec<SlotProblem> {
    let mut problems = Vec::new();
    if !hours.fits(slot) {
        problems.push(SlotProblem::OutsideHours);
    }
    for (id, r) in reviews {
        if Some(*id) == own || !r.status.occupies_slot() || !r.slot.overlaps(slot) {
            continue;
        }
        if r.expert == expert {
            problems.push(SlotProblem::ExpertBusy(*id));
        } else if r.slot.staff == slot.staff {
            problems.push(SlotProblem::StaffBusy(*id));
        }
    }
    problems
}

/// The first `count` free starts from `from` on (in half hours, within office hours, for up to
/// 60 days) for a review of `minutes` with `expert` and `staff`.
pub fn free_slots(
    from: NaiveDateTime,
    minutes: u32,
    expert: u64,
    staff: &str,
    hours: &OfficeHours,
    reviews: &[(u64, Review)],
    count: usize,
) -> Vec<NaiveDateTime> {
    let mut out = Vec::new();
    let mut day = from.date();
    let last = from.date() + Days::new(60);
    while day <= last && out.len() < count {
        let mut t = day.and_time(hours.open);
        while t.date() == day && out.len() < count {
            let slot = Slot {
                start: t,
                minutes,
                staff: staff.to_string(),
                place: String::new(),
            };
            if t >= from && check_slot(&slot, expert, hours, reviews, None).is_empty() {
                out.push(t);
            }
            t += chrono::Duration::minutes(30);
            if t.time() >= hours.close {
                break;
            }
        }
        day = day + Days::new(1);
    }
    out
}

#[cfg(test)]
mod tests;
