use super::*;
use crate::experts::model::{Outcome, Review};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, min, 0).unwrap()
}

fn agreement(
    kind: PeriodKind,
    year: i32,
    start: NaiveDate,
    allowance: Allowance,
    minutes: u32,
) -> Agreement {
    let (s, e) = period(kind, year, start).unwrap();
    Agreement {
        expert: 1,
        period: kind,
        start: s,
        end: e,
        tasks: vec!["voorlichting".into()],
        minutes_per_week: minutes,
        allowance,
        expenses: String::new(),
        guidance: String::new(),
        signed_on: Some(d(2025, 12, 1)),
        ended_on: None,
        outcome: None,
        continues: None,
        from_review: None,
    }
}

#[test]
fn half_years_across_year_ends_and_leap_years() {
    assert_eq!(
        period(PeriodKind::FirstHalf, 2028, d(2000, 1, 1)),
        Some((d(2028, 1, 1), d(2028, 6, 30)))
    );
    assert_eq!(
        period(PeriodKind::SecondHalf, 2026, d(2000, 1, 1)),
        Some((d(2026, 7, 1), d(2026, 12, 31)))
    );
    assert_eq!(
        period(PeriodKind::Custom, 0, d(2026, 10, 15)),
        Some((d(2026, 10, 15), d(2027, 4, 14)))
    );
    assert_eq!(
        period(PeriodKind::Custom, 0, d(2027, 8, 31)),
        Some((d(2027, 8, 31), d(2028, 2, 29))),
        "leap year"
    );
    assert_eq!(
        period(PeriodKind::Custom, 0, d(2026, 8, 31)),
        Some((d(2026, 8, 31), d(2027, 2, 28)))
    );
    assert_eq!(
        period(PeriodKind::Custom, 0, d(2027, 9, 1)),
        Some((d(2027, 9, 1), d(2028, 2, 29)))
    );
    let second = agreement(
        PeriodKind::SecondHalf,
        2026,
        d(2000, 1, 1),
        Allowance::None,
        240,
    );
    assert_eq!(
        next_period(&second),
        Some((PeriodKind::FirstHalf, d(2027, 1, 1), d(2027, 6, 30)))
    );
    let first = agreement(
        PeriodKind::FirstHalf,
        2027,
        d(2000, 1, 1),
        Allowance::None,
        240,
    );
    assert_eq!(
        next_period(&first),
        Some((PeriodKind::SecondHalf, d(2027, 7, 1), d(2027, 12, 31)))
    );
    let custom = agreement(PeriodKind::Custom, 0, d(2026, 10, 15), Allowance::None, 240);
    assert_eq!(
        next_period(&custom),
        Some((PeriodKind::Custom, d(2027, 4, 15), d(2027, 10, 14)))
    );
}

#[test]
fn overlap_counts_shared_days_and_early_ends() {
    let a = agreement(
        PeriodKind::SecondHalf,
        2026,
        d(2000, 1, 1),
        Allowance::None,
        240,
    );
    let b = agreement(
        PeriodKind::FirstHalf,
        2027,
        d(2000, 1, 1),
        Allowance::None,
        240,
    );
    assert!(!overlap(&a, &b));
    let c = agreement(PeriodKind::Custom, 0, d(2026, 12, 31), Allowance::None, 240);
    assert!(overlap(&a, &c), "one shared day is an overlap");
    let mut early = a.clone();
    early.ended_on = Some(d(2026, 12, 30));
    assert!(!overlap(&early, &c));
}

fn limits() -> Vec<AllowanceLimits> {
    known_limits()
}

fn warnings(a: &Agreement, birth: NaiveDate) -> Vec<AllowanceWarning> {
    check_allowance(a, Some(birth), &limits(), &[])
}

#[test]
fn hourly_limit_just_under_at_and_just_over_and_under_21() {
    let adult = d(1980, 1, 1);
    // 4 hours a week keeps month and year well under their limits.
    for (cents, warned) in [(574, false), (575, false), (576, true)] {
        let a = agreement(
            PeriodKind::FirstHalf,
            2026,
            d(2000, 1, 1),
            Allowance::PerHour(Cents(cents)),
            4 * 60,
        );
        let w = warnings(&a, adult);
        assert_eq!(
            w.iter()
                .any(|w| matches!(w, AllowanceWarning::PerHour { .. })),
            warned,
            "{cents}: {w:?}"
        );
    }
    // 20 on 1 January 2026 is under 21: 3.40 is the limit; 21 that day is an adult.
    let young = d(2005, 1, 2);
    let a = agreement(
        PeriodKind::FirstHalf,
        2026,
        d(2000, 1, 1),
        Allowance::PerHour(Cents(341)),
        4 * 60,
    );
    assert_eq!(
        warnings(&a, young),
        [AllowanceWarning::PerHour {
            amount: Cents(341),
            limit: Cents(340),
            under_21: true
        }]
    );
    let a = agreement(
        PeriodKind::FirstHalf,
        2026,
        d(2000, 1, 1),
        Allowance::PerHour(Cents(340)),
        4 * 60,
    );
    assert_eq!(warnings(&a, young), []);
    assert_eq!(
        warnings(
            &agreement(
                PeriodKind::FirstHalf,
                2026,
                d(2000, 1, 1),
                Allowance::PerHour(Cents(500)),
                240
            ),
            d(2005, 1, 1)
        ),
        []
    );
}

#[test]
fn monthly_limit_each_month_and_yearly_pro_rata() {
    let adult = d(1980, 1, 1);
    // 1,100 a half year is the pro-rata yearly limit (2,200 x 6/12); 220 a month is the monthly one.
    let at_limit = agreement(
        PeriodKind::FirstHalf,
        2026,
        d(2000, 1, 1),
        Allowance::PerMonth(Cents(18_333)),
        0,
    );
    assert_eq!(warnings(&at_limit, adult), [], "6 x 183.33 = 1,099.98");
    let over_year = agreement(
        PeriodKind::FirstHalf,
        2026,
        d(2000, 1, 1),
        Allowance::PerMonth(Cents(18_334)),
        0,
    );
    assert_eq!(
        warnings(&over_year, adult),
        [AllowanceWarning::PerYear {
            year: 2026,
            amount: Cents(110_004),
            limit: Cents(110_000),
            months: 6
        }]
    );
    let over_month = agreement(
        PeriodKind::FirstHalf,
        2026,
        d(2000, 1, 1),
        Allowance::PerMonth(Cents(22_001)),
        0,
    );
    let w = warnings(&over_month, adult);
    assert_eq!(
        w.iter()
            .filter(|w| matches!(w, AllowanceWarning::PerMonth { .. }))
            .count(),
        6,
        "{w:?}"
    );
    assert!(warnings(
        &agreement(
            PeriodKind::FirstHalf,
            2026,
            d(2000, 1, 1),
            Allowance::PerMonth(Cents(22_000)),
            0
        ),
        adult
    )
    .iter()
    .all(|w| !matches!(w, AllowanceWarning::PerMonth { .. })));
    // Both halves of a year count together: 2 x 6 months of 183.33 stays under 2,200.
    let first = agreement(
        PeriodKind::FirstHalf,
        2026,
        d(2000, 1, 1),
        Allowance::PerMonth(Cents(18_333)),
        0,
    );
    let second = agreement(
        PeriodKind::SecondHalf,
        2026,
        d(2000, 1, 1),
        Allowance::PerMonth(Cents(18_333)),
        0,
    );
    assert_eq!(
        check_allowance(&second, Some(adult), &limits(), &[&first]),
        []
    );
    let more = agreement(
        PeriodKind::SecondHalf,
        2026,
        d(2000, 1, 1),
        Allowance::PerMonth(Cents(18_400)),
        0,
    );
    assert!(matches!(
        check_allowance(&more, Some(adult), &limits(), &[&first])[..],
        [AllowanceWarning::PerYear { months: 12, .. }]
    ));
}

#[test]
fn hourly_amounts_per_month_and_unknown_years() {
    // 10 hours a week at 5.75: January 2026 has 31 days -> 10 x 5.75 x 31/7 = 254.64 > 220.
    let a = agreement(
        PeriodKind::FirstHalf,
        2026,
        d(2000, 1, 1),
        Allowance::PerHour(Cents(575)),
        600,
    );
    let months = monthly_amounts(&a);
    assert_eq!(months[&(2026, 1)], Cents(25_464));
    assert_eq!(months[&(2026, 2)], Cents(23_000));
    let w = warnings(&a, d(1980, 1, 1));
    assert!(w.contains(&AllowanceWarning::PerMonth {
        year: 2026,
        month: 1,
        amount: Cents(25_464),
        limit: Cents(22_000)
    }));
    let future = agreement(
        PeriodKind::FirstHalf,
        2031,
        d(2000, 1, 1),
        Allowance::PerHour(Cents(100)),
        60,
    );
    assert_eq!(
        warnings(&future, d(1980, 1, 1)),
        [AllowanceWarning::NoLimits { year: 2031 }]
    );
    let custom = agreement(
        PeriodKind::Custom,
        0,
        d(2026, 10, 15),
        Allowance::PerMonth(Cents(10_000)),
        0,
    );
    let months = monthly_amounts(&custom);
    assert_eq!(months.len(), 7);
    assert_eq!(months[&(2026, 10)], Cents(5_484), "17 of 31 days");
    assert_eq!(months[&(2027, 4)], Cents(4_667), "14 of 30 days");
}

fn review(id_expert: u64, staff: &str, start: NaiveDateTime, minutes: u32) -> Review {
    Review {
        agreement: 1,
        expert: id_expert,
        slot: Slot {
            start,
            minutes,
            staff: staff.into(),
            place: "kantoor".into(),
        },
        status: ReviewStatus::Scheduled,
        conversation: None,
        outcome: None,
        next_agreement: None,
    }
}

#[test]
fn office_hours_and_double_booking() {
    let hours = OfficeHours::default();
    let slot = |h, m, minutes| Slot {
        start: at(2026, 11, 30, h, m),
        minutes,
        staff: "coordinator".into(),
        place: String::new(),
    };
    assert!(hours.fits(&slot(10, 0, 60)));
    assert!(hours.fits(&slot(15, 30, 60)), "ends at 16:30");
    assert!(!hours.fits(&slot(15, 31, 60)));
    assert!(!hours.fits(&slot(9, 59, 30)));
    assert!(
        !hours.fits(&Slot {
            start: at(2026, 11, 29, 11, 0),
            ..slot(11, 0, 60)
        }),
        "a Sunday"
    );
    let others = vec![
        (7, review(2, "coordinator", at(2026, 11, 30, 10, 0), 60)),
        (8, review(3, "beheer", at(2026, 11, 30, 13, 0), 60)),
    ];
    assert_eq!(
        check_slot(&slot(10, 30, 60), 5, &hours, &others, None),
        [SlotProblem::StaffBusy(7)]
    );
    assert_eq!(
        check_slot(
            &Slot {
                staff: "ander".into(),
                ..slot(13, 30, 30)
            },
            3,
            &hours,
            &others,
            None
        ),
        [SlotProblem::ExpertBusy(8)]
    );
    assert_eq!(
        check_slot(&slot(11, 0, 60), 2, &hours, &others, None),
        [],
        "back to back is fine"
    );
    assert_eq!(
        check_slot(&slot(10, 30, 60), 2, &hours, &others, Some(7)),
        [],
        "moving itself"
    );
    let free = free_slots(
        at(2026, 11, 30, 9, 0),
        60,
        9,
        "coordinator",
        &hours,
        &others,
        3,
    );
    assert_eq!(
        free,
        [
            at(2026, 11, 30, 11, 0),
            at(2026, 11, 30, 11, 30),
            at(2026, 11, 30, 12, 0)
        ]
    );
    let friday_late = free_slots(at(2026, 12, 4, 16, 0), 60, 9, "coordinator", &hours, &[], 1);
    assert_eq!(
        friday_late,
        [at(2026, 12, 7, 10, 0)],
        "the weekend is skipped"
    );
}

#[test]
fn held_reviews_keep_their_slot_cancelled_and_missed_ones_free_it() {
    let hours = OfficeHours::default();
    let wanted = Slot {
        start: at(2026, 11, 30, 10, 30),
        minutes: 60,
        staff: "coordinator".into(),
        place: String::new(),
    };
    let with = |status: ReviewStatus| {
        let mut r = review(2, "coordinator", at(2026, 11, 30, 10, 0), 60);
        r.status = status;
        vec![(7, r)]
    };
    // Held a week before the planned day: the week view still shows it at 10:00-11:00.
    let held = with(ReviewStatus::Held(d(2026, 11, 23)));
    assert_eq!(
        check_slot(&wanted, 5, &hours, &held, None),
        [SlotProblem::StaffBusy(7)]
    );
    assert_eq!(
        check_slot(
            &Slot {
                staff: "beheer".into(),
                ..wanted.clone()
            },
            2,
            &hours,
            &held,
            None
        ),
        [SlotProblem::ExpertBusy(7)]
    );
    assert_eq!(
        free_slots(
            at(2026, 11, 30, 9, 0),
            60,
            5,
            "coordinator",
            &hours,
            &held,
            1
        ),
        [at(2026, 11, 30, 11, 0)]
    );
    for status in [ReviewStatus::Cancelled, ReviewStatus::NoShow] {
        let freed = with(status.clone());
        assert_eq!(
            check_slot(&wanted, 5, &hours, &freed, None),
            [],
            "{status:?}"
        );
        assert_eq!(
            free_slots(
                at(2026, 11, 30, 9, 0),
                60,
                5,
                "coordinator",
                &hours,
                &freed,
                1
            ),
            [at(2026, 11, 30, 10, 0)],
            "{status:?}"
        );
    }
    assert!(ReviewStatus::Scheduled.occupies_slot());
    assert!(ReviewStatus::Held(d(2026, 11, 23)).occupies_slot());
    assert!(!ReviewStatus::Cancelled.occupies_slot());
    assert!(!ReviewStatus::NoShow.occupies_slot());
}

#[test]
fn due_list_until_a_review_is_held() {
    let today = d(2026, 11, 23);
    let mut ending = agreement(
        PeriodKind::SecondHalf,
        2026,
        d(2000, 1, 1),
        Allowance::None,
        240,
    );
    ending.signed_on = Some(d(2026, 6, 1));
    let far = agreement(
        PeriodKind::FirstHalf,
        2027,
        d(2000, 1, 1),
        Allowance::None,
        240,
    );
    let mut draft = ending.clone();
    draft.signed_on = None;
    let agreements = vec![(1, ending.clone()), (2, far), (3, draft)];
    let due_ids = |reviews: &[(u64, Review)], weeks| {
        due(&agreements, reviews, today, weeks)
            .iter()
            .map(|d| d.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        due_ids(&[], 6),
        [1],
        "31 Dec is within 6 weeks; drafts are not due"
    );
    assert_eq!(
        due_ids(&[], 5),
        Vec::<u64>::new(),
        "5 weeks from 23 Nov is 28 Dec"
    );
    let mut no_show = review(1, "coordinator", at(2026, 11, 30, 10, 0), 60);
    no_show.status = ReviewStatus::NoShow;
    assert_eq!(
        due_ids(&[(5, no_show.clone())], 6),
        [1],
        "a no-show keeps it due"
    );
    let mut held = no_show;
    held.status = ReviewStatus::Held(d(2026, 11, 30));
    held.outcome = Some(Outcome::Continue);
    assert_eq!(due_ids(&[(5, held)], 6), Vec::<u64>::new());
}

proptest! {
    #[test]
    fn consecutive_periods_touch_without_overlap(days in 0u64..20_000, custom in any::<bool>()) {
        let start = d(2000, 1, 1) + Days::new(days);
        let kind = if custom { PeriodKind::Custom } else if start.month() <= 6 { PeriodKind::FirstHalf } else { PeriodKind::SecondHalf };
        let a = agreement(kind, start.year(), start, Allowance::None, 0);
        let (_, s, e) = next_period(&a).unwrap();
        prop_assert_eq!(s, a.end.succ_opt().unwrap());
        prop_assert!(e > s);
        let months = (e.year() - s.year()) * 12 + e.month() as i32 - s.month() as i32;
        prop_assert!((5..=6).contains(&months), "{} .. {}", s, e);
    }
}
