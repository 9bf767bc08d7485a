//! Property test over review scheduling through the service: after any sequence of scheduling,
//! moving, recording (held on any day, also before the planned slot), no-shows and cancelling,
//! over a few experts and staff members, nobody has two reviews at once. Every review that is
//! neither cancelled nor a no-show counts, with the length its slot says.

mod common;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use common::{add_user, d, new_store, PASSWORD};
use kapstok_core::experts::{AgreementInput, Conversation, Outcome, Review, ReviewStatus, Slot};
use kapstok_core::members::MemberInput;
use kapstok_core::{Error, Role, Session};
use proptest::prelude::*;

const STAFF: [&str; 2] = ["beheer", "coordinator"];
const MINUTES: [u32; 3] = [30, 60, 90];
/// Workdays around the test's today (Monday 23-11-2026): some past, some to come.
const DAYS: [(u32, u32); 5] = [(11, 19), (11, 20), (11, 23), (11, 24), (11, 25)];
/// Three experts with two signed agreements each.
const AGREEMENTS: usize = 6;

#[derive(Debug, Clone)]
struct When {
    day: usize,
    half_hour: u32,
    minutes: usize,
    staff: usize,
}

impl When {
    fn slot(&self) -> Slot {
        let (m, day) = DAYS[self.day];
        let start = d(2026, m, day)
            .and_hms_opt(10 + self.half_hour / 2, 30 * (self.half_hour % 2), 0)
            .unwrap();
        Slot {
            start,
            minutes: MINUTES[self.minutes],
            staff: STAFF[self.staff].into(),
            place: "kantoor".into(),
        }
    }
}

#[derive(Debug, Clone)]
enum Op {
    Schedule(usize, When),
    Move(usize, When),
    Record(usize, u64, usize),
    NoShow(usize),
    Cancel(usize),
}

fn when() -> impl Strategy<Value = When> {
    (0..DAYS.len(), 0u32..8, 0..MINUTES.len(), 0..STAFF.len()).prop_map(
        |(day, half_hour, minutes, staff)| When {
            day,
            half_hour,
            minutes,
            staff,
        },
    )
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..AGREEMENTS, when()).prop_map(|(a, w)| Op::Schedule(a, w)),
        2 => (any::<usize>(), when()).prop_map(|(r, w)| Op::Move(r, w)),
        3 => (any::<usize>(), 0u64..5, 0..3usize).prop_map(|(r, back, o)| Op::Record(r, back, o)),
        1 => any::<usize>().prop_map(Op::NoShow),
        1 => any::<usize>().prop_map(Op::Cancel),
    ]
}

/// A store with the two staff members and three experts, each with a running agreement (second
/// half of 2026) and a signed one for the next half year.
fn store(dir: &std::path::Path) -> (kapstok_core::Kapstok, Session, Vec<u64>) {
    let (k, admin) = new_store(dir);
    add_user(&admin, Role::Coordinator, PASSWORD);
    let ex = admin.experts();
    let mut agreements = Vec::new();
    for given in ["Jan", "Els", "Ali"] {
        let who = admin
            .members()
            .create(&MemberInput {
                given: given.into(),
                surname: "Test".into(),
                birth_date: "01-01-1980".into(),
                address_kind: "care_of".into(),
                joined: "01-01-2020".into(),
                ..MemberInput::default()
            })
            .unwrap()
            .member
            .number;
        for (period, year) in [("second_half", "2026"), ("first_half", "2027")] {
            let a = ex
                .create(&AgreementInput {
                    expert: who.to_string(),
                    period: period.into(),
                    year: year.into(),
                    tasks: "voorlichting".into(),
                    hours_per_week: "4".into(),
                    guidance: "coordinator".into(),
                    ..AgreementInput::default()
                })
                .unwrap();
            ex.sign(a.id, d(2026, 6, 20)).unwrap();
            agreements.push(a.id);
        }
    }
    (k, admin, agreements)
}

fn end(r: &Review) -> NaiveDateTime {
    r.slot.start + Duration::minutes(i64::from(r.slot.minutes))
}

/// Two reviews of one person (expert or staff member) that share a minute, if any.
fn double_booking(reviews: &[(u64, Review)]) -> Option<String> {
    let counted: Vec<&(u64, Review)> = reviews
        .iter()
        .filter(|(_, r)| !matches!(r.status, ReviewStatus::Cancelled | ReviewStatus::NoShow))
        .collect();
    for (i, (a_id, a)) in counted.iter().enumerate() {
        for (b_id, b) in &counted[i + 1..] {
            let at_once = a.slot.start < end(b) && b.slot.start < end(a);
            if at_once && (a.expert == b.expert || a.slot.staff == b.slot.staff) {
                return Some(format!("review {a_id} {a:?} and review {b_id} {b:?}"));
            }
        }
    }
    None
}

fn held_on(back: u64) -> NaiveDate {
    d(2026, 11, 23) - chrono::Days::new(back)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn nobody_has_two_reviews_at_once(ops in prop::collection::vec(op(), 1..24)) {
        let dir = tempfile::tempdir().unwrap();
        let (_k, admin, agreements) = store(dir.path());
        let ex = admin.experts();
        let mut made: Vec<u64> = Vec::new();
        let pick = |made: &[u64], i: usize| (!made.is_empty()).then(|| made[i % made.len()]);
        for op in &ops {
            let result: Result<(), Error> = match op {
                Op::Schedule(a, w) => ex.schedule(agreements[*a], w.slot()).map(|id| made.push(id)),
                Op::Move(r, w) => match pick(&made, *r) {
                    Some(id) => ex.reschedule(id, w.slot()).map(drop),
                    None => Ok(()),
                },
                Op::Record(r, back, o) => match pick(&made, *r) {
                    Some(id) => ex
                        .record(id, held_on(*back), Conversation::default(), Outcome::ALL[*o])
                        .map(drop),
                    None => Ok(()),
                },
                Op::NoShow(r) => match pick(&made, *r) {
                    Some(id) => ex.no_show(id).map(drop),
                    None => Ok(()),
                },
                Op::Cancel(r) => match pick(&made, *r) {
                    Some(id) => ex.cancel(id).map(drop),
                    None => Ok(()),
                },
            };
            if let Err(e) = result {
                prop_assert!(matches!(e, Error::Invalid(_)), "{:?} failed with {:?}", op, e);
            }
            let reviews = ex.reviews().unwrap();
            if let Some(clash) = double_booking(&reviews) {
                prop_assert!(false, "after {:?}: {}", op, clash);
            }
        }
    }
}
