//! The demo's experts: half-year agreements, reviews and allowance limits.

use super::Rng;
use crate::access::Session;
use crate::error::{Error, Result};
use crate::members::Member;
use chrono::{Datelike, Days, NaiveDate};

/// The first day of the half year (January or July) a day lies in.
pub(super) fn half_year_start(day: NaiveDate) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(day.year(), if day.month() <= 6 { 1 } else { 7 }, 1)
        .ok_or(Error::Storage("demo date".into()))
}

/// Experts demo data: about ten experts with agreements in their second or later half year,
/// some ending within six weeks, reviews held with each outcome, and reviews planned in the
/// coming weeks.
pub(super) fn fill(admin: &Session, members: &[Member], seed: u64) -> Result<()> {
    use crate::experts::{AgreementInput, Conversation, Outcome, Slot};
    let today = admin.today();
    let ex = admin.experts();
    let mut rng = Rng::new(seed ^ 0xED);
    let adults: Vec<&Member> = members
        .iter()
        .filter(|m| {
            m.status() == &crate::members::Status::Active
                && m.birth_date.is_some_and(|b| today.year() - b.year() > 25)
        })
        .collect();
    let tasks = [
        "individuele cliëntondersteuning; outreach",
        "voorlichting",
        "outreach; klussen voor de vereniging",
        "verspreiding ledenblad Spuit 11",
        "onderzoek en interviews; voorlichting",
    ];
    let staff = ["coordinator", "beheer"];
    let half = |date: NaiveDate| {
        if date.month() <= 6 {
            "first_half"
        } else {
            "second_half"
        }
    };
    let current_start = if today.month() <= 6 {
        NaiveDate::from_ymd_opt(today.year(), 1, 1)
    } else {
        NaiveDate::from_ymd_opt(today.year(), 7, 1)
    }
    .ok_or(Error::Storage("demo date".into()))?;
    let previous_start = current_start
        .checked_sub_months(chrono::Months::new(6))
        .ok_or(Error::Storage("demo date".into()))?;
    let mut slot_day = today + Days::new(1);
    for i in 0..10usize {
        let Some(m) = adults.get((rng.below(adults.len() as u64)) as usize) else {
            break;
        };
        if ex.agreements()?.iter().any(|(_, a)| a.expert == m.number) {
            continue;
        }
        let hourly = i % 3 != 2;
        let input = |start: NaiveDate| AgreementInput {
            expert: m.number.to_string(),
            period: half(start).into(),
            year: start.year().to_string(),
            tasks: tasks[i % tasks.len()].into(),
            hours_per_week: ["4", "6", "8", "3,5"][i % 4].into(),
            allowance: if hourly {
                "per_hour".into()
            } else {
                "per_month".into()
            },
            amount: if hourly { "5,00".into() } else { "150".into() },
            expenses: "reiskosten openbaar vervoer".into(),
            guidance: staff[i % 2].into(),
            ..AgreementInput::default()
        };
        // The previous half year, reviewed with "continue" or "adjust": the current agreement is
        // the one drafted from that review, signed.
        let previous = ex.create(&input(previous_start))?;
        ex.sign(previous.id, previous.agreement.start - Days::new(14))?;
        let held_on = previous.agreement.end - Days::new(20 + rng.below(10));
        let held_at = next_workday(held_on)
            .and_hms_opt(10 + (i % 5) as u32, 0, 0)
            .unwrap_or_default();
        let review = ex.schedule(
            previous.id,
            Slot {
                start: held_at,
                minutes: 60,
                staff: staff[i % 2].into(),
                place: "kantoor".into(),
            },
        )?;
        let outcome = if i % 4 == 3 {
            Outcome::Adjust
        } else {
            Outcome::Continue
        };
        let talk = Conversation {
            work: "Gaat goed; vaste kracht op de inloop.".into(),
            enjoyment: "Veel plezier in het contact met bezoekers.".into(),
            difficulties: if i % 2 == 0 {
                "Soms zwaar na een incident.".into()
            } else {
                String::new()
            },
            agreed: "Doorgaan met dezelfde taken.".into(),
            training_wishes: if i % 3 == 0 {
                "naloxon-training".into()
            } else {
                String::new()
            },
        };
        let (_, next) = ex.record(review, held_at.date().min(today), talk, outcome)?;
        let Some(current) = next else { continue };
        ex.sign(current, current_start - Days::new(7))?;
        // Reviews of the current half year: one held with "stop", some planned, the rest due.
        match i % 5 {
            0 => {
                // Experts 0 and 5 both come here: each with their own staff member, so that
                // nobody has two reviews at once (a held review keeps its slot).
                let at = next_workday(today - Days::new(3))
                    .and_hms_opt(11, 0, 0)
                    .unwrap_or_default();
                let r = ex.schedule(
                    current,
                    Slot {
                        start: at,
                        minutes: 60,
                        staff: staff[i / 5 % 2].into(),
                        place: "kantoor".into(),
                    },
                )?;
                ex.record(
                    r,
                    at.date().min(today),
                    Conversation {
                        agreed: "Stoppen na dit halfjaar.".into(),
                        ..Conversation::default()
                    },
                    Outcome::Stop,
                )?;
            }
            1 | 2 => {
                slot_day = next_workday(slot_day + Days::new(2));
                let at = slot_day
                    .and_hms_opt(10 + (i as u32 % 3), 30, 0)
                    .unwrap_or_default();
                ex.schedule(
                    current,
                    Slot {
                        start: at,
                        minutes: 60,
                        staff: staff[i % 2].into(),
                        place: "kantoor, spreekkamer".into(),
                    },
                )?;
            }
            _ => {}
        }
    }
    Ok(())
}

fn next_workday(mut day: NaiveDate) -> NaiveDate {
    while matches!(day.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun) {
        day = day + Days::new(1);
    }
    day
}
