//! Experts by experience: an agreement as typed, signing one, and a review's slot.

use chrono::NaiveDateTime;
use kapstok_core::experts::{AgreementInput, Slot};
use kapstok_core::Session;

/// An agreement of `expert` for the second half of 2026 doing `tasks`, 4 hours a week, without
/// an allowance.
pub fn agreement(expert: u64, tasks: &str) -> AgreementInput {
    AgreementInput {
        expert: expert.to_string(),
        period: "second_half".into(),
        year: "2026".into(),
        tasks: tasks.into(),
        hours_per_week: "4".into(),
        allowance: "none".into(),
        ..AgreementInput::default()
    }
}

/// Creates the agreement and signs it on `on`; returns its id.
pub fn signed(admin: &Session, input: &AgreementInput, on: chrono::NaiveDate) -> u64 {
    let ex = admin.experts();
    let id = ex.create(input).unwrap().id;
    ex.sign(id, on).unwrap();
    id
}

/// A review's slot: an hour from `start` with `staff`, at the office ("kantoor").
pub fn slot(start: NaiveDateTime, staff: &str) -> Slot {
    Slot {
        start,
        minutes: 60,
        staff: staff.into(),
        place: "kantoor".into(),
    }
}
