//! The rules of training plans, as pure functions: when a skill expires, the gap between what an
//! expert's tasks need and what they hold, the fewest (then cheapest) courses that close it, the
//! half-year budget, and the pool's coverage of each task.

use super::model::{Course, Held, ItemStatus, PlanItem, Skill, Task};
use crate::common::{fold, Cents};
use chrono::{Datelike, Days, Months, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The day a held skill stops being valid (`None`: it does not expire). A skill valid for 24
/// months acquired on 1 March 2024 is valid through 28 February 2026 and expired on 1 March 2026.
pub fn expires_on(held: &Held, skill: &Skill) -> Option<NaiveDate> {
    let months = skill.validity_months?;
    held.acquired.checked_add_months(Months::new(months))
}

/// True when the skill is valid on `day`.
pub fn valid_on(held: &Held, skill: &Skill, day: NaiveDate) -> bool {
    held.acquired <= day && expires_on(held, skill).is_none_or(|e| day < e)
}

/// The first day of the half year a date lies in (1 January or 1 July).
pub fn half_year_of(day: NaiveDate) -> NaiveDate {
    let month = if day.month() <= 6 { 1 } else { 7 };
    NaiveDate::from_ymd_opt(day.year(), month, 1).unwrap_or(day)
}

/// The skills the named tasks need (task names compared without case or accents).
pub fn needed(task_names: &[String], tasks: &[(u64, Task)]) -> BTreeSet<u64> {
    let wanted: BTreeSet<String> = task_names.iter().map(|t| fold(t)).collect();
    tasks
        .iter()
        .filter(|(_, t)| wanted.contains(&fold(&t.name)))
        .flat_map(|(_, t)| t.skills.iter().copied())
        .collect()
}

/// What an expert lacks for their tasks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gap {
    /// Needed and not held validly today (never held, or expired).
    pub missing: Vec<u64>,
    /// Held validly today but expiring within the warning period: skill and the day it expires.
    pub expiring: Vec<(u64, NaiveDate)>,
}

impl Gap {
    /// The skills to plan for: the missing and the expiring.
    pub fn to_cover(&self) -> BTreeSet<u64> {
        self.missing
            .iter()
            .copied()
            .chain(self.expiring.iter().map(|(s, _)| *s))
            .collect()
    }

    /// True when nothing is missing or expiring.
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.expiring.is_empty()
    }
}

/// The gap for needed skills against the skills held, on `today`, flagging what expires within
/// `warn_weeks` weeks. A skill held twice counts with its latest acquisition.
pub fn gap(
    needed: &BTreeSet<u64>,
    held: &[&Held],
    skills: &HashMap<u64, Skill>,
    today: NaiveDate,
    warn_weeks: u32,
) -> Gap {
    let horizon = today + Days::new(u64::from(warn_weeks) * 7);
    let mut out = Gap::default();
    for skill_id in needed {
        let Some(skill) = skills.get(skill_id) else {
            continue;
        };
        let best = held
            .iter()
            .filter(|h| h.skill == *skill_id && valid_on(h, skill, today))
            .max_by_key(|h| expires_on(h, skill).unwrap_or(NaiveDate::MAX));
        match best {
            None => out.missing.push(*skill_id),
            Some(h) => {
                if let Some(e) = expires_on(h, skill).filter(|e| *e <= horizon) {
                    out.expiring.push((*skill_id, e));
                }
            }
        }
    }
    out
}

/// The courses that close a gap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suggestion {
    /// The courses, in the order chosen.
    pub courses: Vec<u64>,
    /// Skills no course teaches: reported, not silently dropped.
    pub uncovered: Vec<u64>,
}

/// Chooses courses that teach all of `to_cover` with as few courses as possible, greedily: each
/// time the course that teaches the most skills still open, the cheapest among equals (then the
/// lowest id). Skills no course teaches are reported.
pub fn suggest(to_cover: &BTreeSet<u64>, courses: &[(u64, Course)]) -> Suggestion {
    let teachable: BTreeSet<u64> = courses
        .iter()
        .flat_map(|(_, c)| c.skills.iter().copied())
        .collect();
    let mut open: BTreeSet<u64> = to_cover.intersection(&teachable).copied().collect();
    let uncovered = to_cover.difference(&teachable).copied().collect();
    let mut chosen = Vec::new();
    while !open.is_empty() {
        let best = courses
            .iter()
            .map(|(id, c)| {
                (
                    c.skills.iter().filter(|s| open.contains(s)).count(),
                    c.cost,
                    *id,
                    c,
                )
            })
            .filter(|(n, _, _, _)| *n > 0)
            .min_by_key(|(n, cost, id, _)| (std::cmp::Reverse(*n), *cost, *id));
        let Some((_, _, id, course)) = best else {
            break;
        };
        for s in &course.skills {
            open.remove(s);
        }
        chosen.push(id);
    }
    Suggestion {
        courses: chosen,
        uncovered,
    }
}

/// A half year's training budget.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Budget {
    /// The budget.
    pub budget: Cents,
    /// Planned: agreed, enrolled and completed items.
    pub planned: Cents,
    /// Spent: enrolled and completed items.
    pub spent: Cents,
    /// False when no budget was set: then nothing is over it.
    pub set: bool,
}

impl Budget {
    /// True when a budget is set and the planned cost is over it.
    pub fn over(&self) -> bool {
        self.set && self.planned > self.budget
    }
}

/// Sums a half year's plan items against a budget; proposals and cancelled items do not count.
pub fn budget<'a>(
    items: impl IntoIterator<Item = &'a PlanItem>,
    half_year: NaiveDate,
    budget: Cents,
) -> Budget {
    let mut b = Budget {
        budget,
        set: true,
        ..Budget::default()
    };
    for item in items.into_iter().filter(|i| i.half_year == half_year) {
        match item.status {
            ItemStatus::Agreed(_) => b.planned.0 += item.cost.0,
            ItemStatus::Enrolled(_) | ItemStatus::Completed(_) => {
                b.planned.0 += item.cost.0;
                b.spent.0 += item.cost.0;
            }
            ItemStatus::Proposed | ItemStatus::Cancelled(_) => {}
        }
    }
    b
}

/// For each task, how many of the given experts hold all its skills validly today.
pub fn coverage(
    tasks: &[(u64, Task)],
    experts: &BTreeSet<u64>,
    held: &[(u64, Held)],
    skills: &HashMap<u64, Skill>,
    today: NaiveDate,
) -> BTreeMap<u64, usize> {
    tasks
        .iter()
        .map(|(id, task)| {
            let n = experts
                .iter()
                .filter(|e| {
                    task.skills.iter().all(|s| {
                        skills.get(s).is_some_and(|skill| {
                            held.iter().any(|(_, h)| {
                                h.expert == **e && h.skill == *s && valid_on(h, skill, today)
                            })
                        })
                    })
                })
                .count();
            (*id, n)
        })
        .collect()
}

#[cfg(test)]
mod tests;
