//! The demo at scale: the small demo's proportions carried to any number of members, written in
//! batches.
//!
//! The hand-made part of the demo ([`super::fill`]) goes through the services one call at a time:
//! a transaction and a flush per change, and services that scan a whole tree to check a rule.
//! That is right for a user and for 300 members, but at 100,000 members it would take hours.
//! This module makes the rest of a proportional store directly as records, in transactions of
//! [`BATCH`] records, each record with its counter number and its audit entry, exactly what the
//! services write. Everything follows from the seed.
//!
//! Adding an area (general meetings, say) is one more field in [`Scale`] and one more function
//! like [`experts`], called from [`super::fill`] before the past runs are composed.

use super::Rng;
use crate::access::Session;
use crate::basemail::model::InstitutionKind;
use crate::basemail::{Institution, Recipient, Stay};
use crate::common::{Address, Cents, Postcode};
use crate::error::{Error, Result};
use crate::experts::{Agreement, Allowance, Outcome, PeriodKind};
use crate::members::Member;
use crate::store::Record;
use crate::training::{Course, Held, ItemStatus, PlanItem, Skill, Source, Task};
use chrono::{Datelike, Days, Months, NaiveDate};
use std::collections::HashSet;

/// Records per transaction: large enough that the flush after each transaction costs little,
/// small enough that a transaction's write set stays a few megabytes.
pub const BATCH: usize = 2_000;

/// The members of the small demo, whose hand-made parts set the proportions.
pub const BASE_MEMBERS: usize = 300;

/// How much of each area a store of a number of members holds. The hand-made demo covers
/// [`BASE_MEMBERS`] members; these are the numbers *beyond* it, so at 300 members (the default)
/// all are zero and the demo is exactly the hand-made one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    /// More institutions: a country has a few dozen prisons and clinics, not one per 60 members,
    /// so these grow with one per 2,000 members.
    pub institutions: usize,
    /// More recipients with a stay at an institution: 17 per 300 members in the hand-made demo
    /// (detainees, clinic residents, the released); one in seven of these stays has ended.
    pub stays: usize,
    /// More recipients marked ill: 3 per 300.
    pub ill: usize,
    /// More experts, each with last half year's agreement (continued) and this half year's,
    /// signed; skills held and a plan item each: 10 per 300.
    pub experts: usize,
}

impl Scale {
    /// The numbers beyond the hand-made demo for `members` members.
    pub fn for_members(members: usize) -> Scale {
        let extra = |per_base: usize| (members * per_base / BASE_MEMBERS).saturating_sub(per_base);
        Scale {
            institutions: members.saturating_sub(BASE_MEMBERS) / 2_000,
            stays: extra(17),
            ill: extra(3),
            experts: extra(10),
        }
    }
}

/// Writes records with new numbers from the counter `seq`, [`BATCH`] per transaction, each with
/// an audit entry `action` on `seq/id`. Returns the numbers in the order of `records`.
pub(super) fn write_all<R: Record>(
    admin: &Session,
    seq: crate::store::Counter,
    action: &str,
    records: &[R],
) -> Result<Vec<u64>> {
    let now = admin.now();
    let mut ids = Vec::with_capacity(records.len());
    for chunk in records.chunks(BATCH) {
        let written = admin.store().transact(|tx| {
            let mut ids = Vec::with_capacity(chunk.len());
            for record in chunk {
                let id = tx.next_seq(seq)?;
                tx.put(id, record)?;
                admin.audit(tx, now, action, &format!("{}/{id}", seq.name()), "demo")?;
                ids.push(id);
            }
            Ok(ids)
        })?;
        ids.extend(written);
    }
    Ok(ids)
}

const PLACES: &[(&str, InstitutionKind, &str)] = &[
    ("PI", InstitutionKind::Prison, "Vught"),
    ("PI", InstitutionKind::Prison, "Zwolle"),
    ("PI", InstitutionKind::Prison, "Heerhugowaard"),
    ("PI", InstitutionKind::Prison, "Krimpen aan den IJssel"),
    ("Kliniek", InstitutionKind::LongStayClinic, "Eindhoven"),
    ("Detoxkliniek", InstitutionKind::DetoxClinic, "Utrecht"),
];

/// More institutions (demo addresses), then recipients with stays spread over all institutions,
/// and recipients marked ill. Members already a recipient are left alone.
pub(super) fn basemail(
    admin: &Session,
    members: &[Member],
    scale: &Scale,
    seed: u64,
) -> Result<()> {
    if scale.institutions + scale.stays + scale.ill == 0 {
        return Ok(());
    }
    let today = admin.today();
    let mut rng = Rng::new(seed ^ 0x0005_CA1E_BA5E);
    let store = admin.store();
    let mut institutions = Vec::with_capacity(scale.institutions);
    for i in 0..scale.institutions {
        let (what, kind, city) = *rng.pick(PLACES);
        let postcode = Postcode::parse(&format!("{:04} AA", 1000 + (i * 37) % 8999))
            .ok_or(Error::Storage("demo postcode".into()))?;
        institutions.push(Institution {
            name: format!("{what} {city} {} (demo)", i + 1),
            kind,
            address: Address::Postbus {
                number: 1000 + i as u32,
                postcode,
                city: city.into(),
            },
            needs_registration_number: kind == InstitutionKind::Prison,
            needs_unit: true,
            needs_sender: kind == InstitutionKind::Prison,
            house_rules: "Demo-adres: controleer het adres voor gebruik.".into(),
        });
    }
    write_all(
        admin,
        crate::store::Counter::Institution,
        "institution.add",
        &institutions,
    )?;
    let places: Vec<u64> = store
        .scan::<Institution>()?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut used: HashSet<u64> = store
        .scan::<Recipient>()?
        .into_iter()
        .filter_map(|(_, r)| r.member)
        .collect();
    let living: Vec<u64> = members
        .iter()
        .filter(|m| m.status().is_member())
        .map(|m| m.number)
        .collect();
    let wanted = (scale.stays + scale.ill).min(living.len().saturating_sub(used.len()));
    let mut chosen = Vec::with_capacity(wanted);
    while chosen.len() < wanted {
        let number = living[rng.below(living.len() as u64) as usize];
        if used.insert(number) {
            chosen.push(number);
        }
    }
    let recipients: Vec<Recipient> = chosen
        .iter()
        .enumerate()
        .map(|(i, &number)| Recipient {
            member: Some(number),
            name: Default::default(),
            known_as: String::new(),
            birthday: None,
            ill_since: (i >= scale.stays).then(|| today - Days::new(rng.below(30))),
            notes: String::new(),
        })
        .collect();
    let ids = write_all(
        admin,
        crate::store::Counter::Recipient,
        "recipient.add",
        &recipients,
    )?;
    let stays: Vec<Stay> = ids
        .iter()
        .take(scale.stays)
        .enumerate()
        .map(|(i, &recipient)| {
            let from = today - Days::new(20 + rng.below(600));
            let ended = (i % 7 == 6).then(|| {
                let days = (today - from).num_days().max(1) as u64;
                from + Days::new(1 + rng.below(days))
            });
            Stay {
                recipient,
                institution: places[rng.below(places.len() as u64) as usize],
                unit: format!(
                    "Afdeling {}, cel {}",
                    ["A", "B", "C", "D", "E"][rng.below(5) as usize],
                    100 + rng.below(400)
                ),
                registration_number: format!("{}", 1_000_000 + rng.below(8_999_999)),
                from,
                expected_release: match i % 20 {
                    0 => Some(today + Days::new(10 + rng.below(200))),
                    1 => Some(today - Days::new(1 + rng.below(20))),
                    _ => None,
                },
                ended_on: ended.map(|d| d.min(today)),
                confirmed_on: None,
                check_needed: false,
            }
        })
        .collect();
    write_all(admin, crate::store::Counter::Stay, "stay.start", &stays)?;
    Ok(())
}

/// More experts: each has last half year's agreement, reviewed with "continue" (the outcome is
/// on it), and this half year's, signed, continuing it; some skills from experience; one plan
/// item for a course that teaches a skill their tasks need.
pub(super) fn experts(admin: &Session, members: &[Member], scale: &Scale, seed: u64) -> Result<()> {
    if scale.experts == 0 {
        return Ok(());
    }
    let today = admin.today();
    let store = admin.store();
    let mut rng = Rng::new(seed ^ 0x05CA_1EED);
    let taken: HashSet<u64> = store
        .scan::<Agreement>()?
        .into_iter()
        .map(|(_, a)| a.expert)
        .collect();
    let mut adults: Vec<u64> = members
        .iter()
        .filter(|m| {
            m.status() == &crate::members::Status::Active
                && m.birth_date.is_some_and(|b| today.year() - b.year() > 25)
                && !taken.contains(&m.number)
        })
        .map(|m| m.number)
        .collect();
    // A seeded shuffle, then the first ones.
    for i in (1..adults.len()).rev() {
        adults.swap(i, rng.below(i as u64 + 1) as usize);
    }
    adults.truncate(scale.experts);
    let current_start = super::experts::half_year_start(today)?;
    let previous_start = current_start
        .checked_sub_months(Months::new(6))
        .ok_or(Error::Storage("demo date".into()))?;
    let tasks = store.scan::<Task>()?;
    let staff = ["coordinator", "beheer"];
    let agreement = |rng: &mut Rng, expert: u64, start: NaiveDate, i: usize| {
        let end = start
            .checked_add_months(Months::new(6))
            .map_or(start, |d| d - Days::new(1));
        let hourly = i % 3 != 2;
        let chosen: Vec<String> = (0..1 + rng.below(2))
            .filter_map(|_| tasks.get(rng.below(tasks.len() as u64) as usize))
            .map(|(_, t)| t.name.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        Agreement {
            expert,
            period: if start.month() <= 6 {
                PeriodKind::FirstHalf
            } else {
                PeriodKind::SecondHalf
            },
            start,
            end,
            tasks: chosen,
            minutes_per_week: [240, 360, 480, 210][i % 4],
            allowance: if hourly {
                Allowance::PerHour(Cents(500))
            } else {
                Allowance::PerMonth(Cents(15_000))
            },
            expenses: "reiskosten openbaar vervoer".into(),
            guidance: staff[i % 2].into(),
            signed_on: Some(start - Days::new(7 + rng.below(14))),
            ended_on: None,
            outcome: None,
            continues: None,
            from_review: None,
        }
    };
    let previous: Vec<Agreement> = adults
        .iter()
        .enumerate()
        .map(|(i, &expert)| Agreement {
            outcome: Some(Outcome::Continue),
            ..agreement(&mut rng, expert, previous_start, i)
        })
        .collect();
    let previous_ids = write_all(
        admin,
        crate::store::Counter::Agreement,
        "agreement.create",
        &previous,
    )?;
    let current: Vec<Agreement> = previous
        .iter()
        .zip(&previous_ids)
        .enumerate()
        .map(|(i, (old, &old_id))| Agreement {
            tasks: old.tasks.clone(),
            continues: Some(old_id),
            ..agreement(&mut rng, old.expert, current_start, i)
        })
        .collect();
    write_all(
        admin,
        crate::store::Counter::Agreement,
        "agreement.create",
        &current,
    )?;

    let skills = store.scan::<Skill>()?;
    let courses = store.scan::<Course>()?;
    let mut held = Vec::new();
    let mut plan = Vec::new();
    for (i, a) in current.iter().enumerate() {
        let mut holds = HashSet::new();
        for (id, skill) in &skills {
            if !rng.chance(45) {
                continue;
            }
            let months = skill.validity_months.unwrap_or(24);
            let back = 1 + rng.below(u64::from(months.saturating_sub(2).max(1))) as u32;
            if let Some(acquired) = today.checked_sub_months(Months::new(back)) {
                holds.insert(*id);
                held.push(Held {
                    expert: a.expert,
                    skill: *id,
                    acquired,
                    source: Source::Experience,
                });
            }
        }
        // A course for a skill the tasks need and the expert lacks, when there is one.
        let needed = crate::training::rules::needed(&a.tasks, &tasks);
        let course = needed
            .iter()
            .find(|s| !holds.contains(s))
            .and_then(|s| courses.iter().find(|(_, c)| c.skills.contains(s)));
        if let Some((course_id, c)) = course {
            let day = today - Days::new(20 + rng.below(40));
            plan.push(PlanItem {
                expert: a.expert,
                course: Some(*course_id),
                wish: String::new(),
                half_year: crate::training::rules::half_year_of(today),
                cost: c.cost,
                status: match i % 4 {
                    0 => ItemStatus::Proposed,
                    1 => ItemStatus::Agreed(day),
                    _ => ItemStatus::Enrolled(day),
                },
                from_review: None,
            });
        }
    }
    write_all(admin, crate::store::Counter::Held, "skill.held", &held)?;
    write_all(admin, crate::store::Counter::Plan, "plan.propose", &plan)?;
    Ok(())
}
