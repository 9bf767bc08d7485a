use super::*;
use crate::training::model::Source;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn skill(name: &str, months: Option<u32>) -> Skill {
    Skill {
        name: name.into(),
        description: String::new(),
        validity_months: months,
    }
}

fn held(skill: u64, acquired: NaiveDate) -> Held {
    Held {
        expert: 1,
        skill,
        acquired,
        source: Source::Experience,
    }
}

fn course(name: &str, skills: &[u64], cost: i64) -> Course {
    Course {
        name: name.into(),
        provider: "GGD".into(),
        skills: skills.to_vec(),
        hours: 4,
        cost: Cents(cost),
        place: String::new(),
    }
}

fn skills() -> HashMap<u64, Skill> {
    HashMap::from([
        (1, skill("EHBO", Some(24))),
        (2, skill("Naloxon", Some(12))),
        (3, skill("Gespreksvoering", None)),
        (4, skill("Voorlichting geven", None)),
        (5, skill("Agressie hanteren", Some(36))),
    ])
}

#[test]
fn expiry_at_its_boundaries() {
    let s = skills();
    let h = held(1, d(2024, 3, 1));
    assert_eq!(expires_on(&h, &s[&1]), Some(d(2026, 3, 1)));
    assert!(valid_on(&h, &s[&1], d(2026, 2, 28)));
    assert!(!valid_on(&h, &s[&1], d(2026, 3, 1)));
    assert!(
        !valid_on(&h, &s[&1], d(2024, 2, 29)),
        "not before it was acquired"
    );
    let leap = held(2, d(2024, 2, 29));
    assert_eq!(expires_on(&leap, &s[&2]), Some(d(2025, 2, 28)));
    assert_eq!(expires_on(&held(3, d(1990, 1, 1)), &s[&3]), None);
    assert!(valid_on(&held(3, d(1990, 1, 1)), &s[&3], d(2100, 1, 1)));
    assert_eq!(half_year_of(d(2026, 6, 30)), d(2026, 1, 1));
    assert_eq!(half_year_of(d(2026, 7, 1)), d(2026, 7, 1));
}

#[test]
fn gap_missing_expired_and_expiring() {
    let s = skills();
    let today = d(2026, 11, 23);
    let needed: BTreeSet<u64> = [1, 2, 3, 4].into();
    let have = [
        held(1, d(2024, 12, 1)), // EHBO until 1 Dec 2026: expiring within 6 weeks
        held(2, d(2025, 11, 1)), // Naloxon expired 1 Nov 2026
        held(3, d(2020, 1, 1)),  // no expiry
        held(5, d(2026, 1, 1)),  // not needed
    ];
    let refs: Vec<&Held> = have.iter().collect();
    let g = gap(&needed, &refs, &s, today, 6);
    assert_eq!(g.missing, [2, 4]);
    assert_eq!(g.expiring, [(1, d(2026, 12, 1))]);
    assert_eq!(g.to_cover(), [1, 2, 4].into());
    // A skill renewed: the latest acquisition counts.
    let renewed = [held(1, d(2024, 12, 1)), held(1, d(2026, 11, 1))];
    let refs: Vec<&Held> = renewed.iter().collect();
    assert!(gap(&[1].into(), &refs, &s, today, 6).is_empty());
    // Exactly at the warning horizon is flagged; a day after is not.
    let h = [held(1, d(2025, 1, 4))]; // expires 4 Jan 2027 = today + 6 weeks
    let refs: Vec<&Held> = h.iter().collect();
    assert_eq!(gap(&[1].into(), &refs, &s, today, 6).expiring.len(), 1);
    let h = [held(1, d(2025, 1, 5))];
    let refs: Vec<&Held> = h.iter().collect();
    assert!(gap(&[1].into(), &refs, &s, today, 6).is_empty());
    // No agreement: no tasks, nothing needed, no gap.
    assert!(gap(&super::needed(&[], &[]), &[], &s, today, 6).is_empty());
}

#[test]
fn tasks_name_their_skills_without_case_or_accents() {
    let tasks = [
        (
            1,
            Task {
                name: "Voorlichting".into(),
                description: String::new(),
                skills: vec![3, 4],
            },
        ),
        (
            2,
            Task {
                name: "Outreach".into(),
                description: String::new(),
                skills: vec![1, 2, 3],
            },
        ),
    ];
    assert_eq!(needed(&["voorlichting".into()], &tasks), [3, 4].into());
    assert_eq!(
        needed(
            &["OUTREACH".into(), "voorlichting".into(), "klussen".into()],
            &tasks
        ),
        [1, 2, 3, 4].into()
    );
}

#[test]
fn fewest_courses_then_cheapest_and_uncovered_reported() {
    let courses = [
        (1, course("EHBO-basis", &[1], 9_000)),
        (2, course("Naloxon", &[2], 0)),
        (3, course("Eerste hulp bij drugsgebruik", &[1, 2], 15_000)),
        (4, course("EHBO + naloxon (goedkoper)", &[1, 2], 12_000)),
        (5, course("Gesprekken voeren", &[3, 4], 20_000)),
    ];
    let s = suggest(&[1, 2].into(), &courses);
    assert_eq!(
        s.courses,
        [4],
        "one course beats two; the cheaper of the two that teach both"
    );
    let s = suggest(&[1, 2, 4, 99].into(), &courses);
    assert_eq!(s.courses, [4, 5]);
    assert_eq!(s.uncovered, [99]);
    let s = suggest(&[2].into(), &courses);
    assert_eq!(s.courses, [2], "a skill from two courses: the free one");
    assert_eq!(suggest(&BTreeSet::new(), &courses), Suggestion::default());
}

fn item(cost: i64, status: ItemStatus, half: NaiveDate) -> PlanItem {
    PlanItem {
        expert: 1,
        course: Some(1),
        wish: String::new(),
        half_year: half,
        cost: Cents(cost),
        status,
        from_review: None,
    }
}

#[test]
fn budget_sums_and_warns() {
    let h = d(2026, 7, 1);
    let items = [
        item(10_000, ItemStatus::Proposed, h),
        item(20_000, ItemStatus::Agreed(d(2026, 8, 1)), h),
        item(30_000, ItemStatus::Enrolled(d(2026, 8, 1)), h),
        item(40_000, ItemStatus::Completed(d(2026, 9, 1)), h),
        item(50_000, ItemStatus::Cancelled(d(2026, 9, 1)), h),
        item(60_000, ItemStatus::Agreed(d(2026, 2, 1)), d(2026, 1, 1)),
    ];
    let b = budget(&items, h, Cents(90_000));
    assert_eq!((b.planned, b.spent), (Cents(90_000), Cents(70_000)));
    assert!(!b.over(), "exactly at the budget is not over");
    assert!(budget(&items, h, Cents(89_999)).over());
}

#[test]
fn coverage_counts_experts_holding_all_skills() {
    let s = skills();
    let today = d(2026, 11, 23);
    let tasks = [(
        1,
        Task {
            name: "Outreach".into(),
            description: String::new(),
            skills: vec![1, 3],
        },
    )];
    let h = |expert, skill, acquired| {
        (
            0,
            Held {
                expert,
                skill,
                acquired,
                source: Source::Experience,
            },
        )
    };
    let held = [
        h(1, 1, d(2026, 1, 1)),
        h(1, 3, d(2020, 1, 1)),
        h(2, 1, d(2023, 1, 1)),
        h(2, 3, d(2020, 1, 1)),
        h(3, 3, d(2020, 1, 1)),
    ];
    let experts: BTreeSet<u64> = [1, 2, 3].into();
    assert_eq!(
        coverage(&tasks, &experts, &held, &s, today),
        BTreeMap::from([(1, 1)]),
        "expert 2's EHBO expired"
    );
}
