//! Training through the service: catalogues, the gap, the courses that close it, the plan's
//! steps, completion adding skills, wishes from a review, budget and coverage.

mod common;

use chrono::NaiveDate;
use common::{
    add_member, add_user, course, d, expert_member, fields, new_store, signed, skill, slot,
    PASSWORD,
};
use kapstok_core::common::Cents;
use kapstok_core::experts::{Conversation, Outcome};
use kapstok_core::members::MemberInput;
use kapstok_core::training::{
    CourseInput, ItemStatus, SkillInput, Source, Step, TaskInput, TrainingSettings,
};
use kapstok_core::{Error, FieldError, Permission, Reason, Role, Session};

fn expert(admin: &Session, given: &str) -> u64 {
    add_member(admin, &expert_member(given, "", "Test", "01-01-1980"))
}

/// A signed agreement of `who` for the second half of 2026.
fn agreement(admin: &Session, who: u64, tasks: &str) -> u64 {
    signed(admin, &common::agreement(who, tasks), d(2026, 6, 20))
}

/// Skills 1 EHBO (24 months), 2 Naloxon (12), 3 Gespreksvoering (none); task Outreach needs all
/// three; courses: EHBO+Naloxon 120, EHBO 90, Naloxon 0, Gespreksvoering 200.
fn catalogue(admin: &Session) {
    let t = admin.training();
    for (name, months) in [("EHBO", "24"), ("Naloxon", "12"), ("Gespreksvoering", "")] {
        t.save_skill(None, &skill(name, months)).unwrap();
    }
    t.save_task(
        None,
        &TaskInput {
            name: "Outreach".into(),
            skills: "EHBO; naloxon; Gespreksvoering".into(),
            ..TaskInput::default()
        },
    )
    .unwrap();
    t.save_task(
        None,
        &TaskInput {
            name: "Voorlichting".into(),
            skills: "Gespreksvoering".into(),
            ..TaskInput::default()
        },
    )
    .unwrap();
    for (name, skills, cost) in [
        ("EHBO en naloxon", "EHBO; Naloxon", "120"),
        ("EHBO", "EHBO", "90"),
        ("Naloxon", "Naloxon", "0"),
        ("Gesprekken", "Gespreksvoering", "200"),
    ] {
        t.save_course(None, &course(name, "GGD", skills, "4", cost, ""))
            .unwrap();
    }
}

#[test]
fn catalogue_input_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    catalogue(&admin);
    let t = admin.training();
    let e = fields(
        t.save_task(
            None,
            &TaskInput {
                name: "outreach".into(),
                skills: "EHBO; Vliegen".into(),
                ..TaskInput::default()
            },
        )
        .unwrap_err(),
    );
    assert_eq!(
        e,
        [
            FieldError::new("name", Reason::Taken),
            FieldError::new("skills", Reason::UnknownName("Vliegen".into()))
        ]
    );
    let e = fields(
        t.save_course(
            None,
            &CourseInput {
                name: "X".into(),
                hours: "veel".into(),
                cost: "gratis".into(),
                ..CourseInput::default()
            },
        )
        .unwrap_err(),
    );
    let named: Vec<&str> = e.iter().map(|f| f.field).collect();
    assert_eq!(named, ["skills", "hours", "cost"]);
    assert_eq!(
        fields(
            t.save_skill(
                None,
                &SkillInput {
                    name: "Y".into(),
                    validity_months: "0".into(),
                    ..SkillInput::default()
                }
            )
            .unwrap_err()
        )[0]
        .field,
        "validity_months"
    );
    assert_eq!(t.skills().unwrap().len(), 3);
}

#[test]
fn the_gap_follows_the_current_agreement_and_expiry() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    catalogue(&admin);
    let t = admin.training();
    let jan = expert(&admin, "Jan");
    let none = t.gap(jan).unwrap();
    assert_eq!(
        (none.agreement, none.gap.missing.len()),
        (None, 0),
        "no agreement: nothing needed"
    );
    agreement(&admin, jan, "outreach");
    t.add_held(jan, 1, d(2024, 12, 1), Source::Experience)
        .unwrap(); // EHBO until 1 Dec 2026: expiring
    t.add_held(jan, 2, d(2025, 11, 1), Source::Experience)
        .unwrap(); // Naloxon expired 1 Nov 2026
    let g = t.gap(jan).unwrap();
    assert_eq!(g.gap.missing, [2, 3]);
    assert_eq!(g.gap.expiring, [(1, d(2026, 12, 1))]);
    assert_eq!(
        g.suggestion.courses,
        [1, 4],
        "EHBO+Naloxon in one course, then Gesprekken"
    );
    assert_eq!(g.suggestion.uncovered, Vec::<u64>::new());
    assert!(
        matches!(
            t.add_held(jan, 1, d(2026, 12, 1), Source::Experience),
            Err(Error::Invalid(_))
        ),
        "not in the future"
    );
}

#[test]
fn completing_a_course_closes_the_gap_and_it_leaves_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    catalogue(&admin);
    let t = admin.training();
    let els = expert(&admin, "Els");
    agreement(&admin, els, "voorlichting");
    let g = t.gap(els).unwrap();
    assert_eq!(
        (g.gap.missing.clone(), g.suggestion.courses.clone()),
        (vec![3], vec![4])
    );
    let item = t.propose(els, Some(4), "", d(2026, 11, 23)).unwrap();
    assert!(
        matches!(
            t.advance(item, Step::Complete, d(2026, 11, 23)),
            Err(Error::Invalid(_))
        ),
        "steps go in order"
    );
    t.advance(item, Step::Agree, d(2026, 11, 20)).unwrap();
    t.advance(item, Step::Enroll, d(2026, 11, 21)).unwrap();
    let (done, added) = t.advance(item, Step::Complete, d(2026, 11, 23)).unwrap();
    assert_eq!(done.status, ItemStatus::Completed(d(2026, 11, 23)));
    assert_eq!(added.len(), 1);
    let held = t.held(els).unwrap();
    assert_eq!(held[0].1.source, Source::Course(4));
    let g = t.gap(els).unwrap();
    assert!(
        g.gap.is_empty() && g.suggestion.courses.is_empty(),
        "the gap is closed: {g:?}"
    );
    assert!(
        matches!(
            t.advance(item, Step::Cancel, d(2026, 11, 23)),
            Err(Error::Invalid(_))
        ),
        "a completed item stays completed"
    );
}

#[test]
fn budget_sums_and_warns_and_coverage_counts() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    catalogue(&admin);
    let t = admin.training();
    t.set_settings(TrainingSettings {
        expiring_weeks: 6,
        budget_per_half_year: Some(Cents(30_000)),
    })
    .unwrap();
    let (a, b) = (expert(&admin, "Ans"), expert(&admin, "Bob"));
    agreement(&admin, a, "outreach");
    agreement(&admin, b, "voorlichting");
    let day = d(2026, 11, 23);
    let i1 = t.propose(a, Some(1), "", day).unwrap(); // 120
    let i2 = t.propose(b, Some(4), "", day).unwrap(); // 200
    t.propose(a, Some(2), "", day).unwrap(); // proposed only: not counted
    t.advance(i1, Step::Agree, day).unwrap();
    let budget = t.budget(day).unwrap();
    assert_eq!(
        (budget.planned, budget.spent, budget.over()),
        (Cents(12_000), Cents(0), false)
    );
    t.advance(i2, Step::Agree, day).unwrap();
    t.advance(i2, Step::Enroll, day).unwrap();
    let budget = t.budget(day).unwrap();
    assert_eq!(
        (budget.planned, budget.spent, budget.over()),
        (Cents(32_000), Cents(20_000), true)
    );
    t.add_held(b, 3, d(2020, 1, 1), Source::Experience).unwrap();
    t.add_held(a, 1, d(2025, 1, 4), Source::Experience).unwrap(); // EHBO expires 4 Jan 2027: soon
    let cov = t.coverage().unwrap();
    let count = |name: &str| {
        cov.tasks
            .iter()
            .find(|(_, task, _)| task.name == name)
            .unwrap()
            .2
    };
    assert_eq!((count("Voorlichting"), count("Outreach")), (1, 0));
    assert_eq!(cov.expiring, [(a, 1, d(2027, 1, 4))]);
}

#[test]
fn wishes_said_in_a_review_become_proposals() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let who = expert(&admin, "Cor");
    let a = agreement(&admin, who, "outreach");
    let ex = admin.experts();
    let at = NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    let r = ex.schedule(a, slot(at, "beheer")).unwrap();
    let talk = Conversation {
        training_wishes: "naloxon-training en EHBO".into(),
        ..Conversation::default()
    };
    ex.record(r, d(2026, 11, 23), talk, Outcome::Continue)
        .unwrap();
    let plan = admin.training().plan(who).unwrap();
    assert_eq!(plan.len(), 1);
    let item = &plan[0].1;
    assert_eq!(
        (item.wish.as_str(), item.from_review, item.status.clone()),
        ("naloxon-training en EHBO", Some(r), ItemStatus::Proposed)
    );
    assert_eq!(
        item.half_year,
        d(2027, 1, 1),
        "for the next agreement's half year"
    );
    assert!(
        matches!(admin.training().advance(plan[0].0, Step::Agree, d(2026, 11, 23)), Err(Error::Invalid(e)) if e[0].field == "course"),
        "a wish needs a course first"
    );
}

#[test]
fn volunteers_cannot_reach_training() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    add_user(&admin, Role::Volunteer, PASSWORD);
    catalogue(&admin);
    let v = k.login("vrijwilliger", PASSWORD).unwrap();
    let t = v.training();
    let denied = |e: Error| {
        assert!(
            matches!(e, Error::Denied(Permission::ExpertsManage)),
            "{e:?}"
        )
    };
    denied(t.skills().unwrap_err());
    denied(t.courses().unwrap_err());
    denied(t.gap(1).unwrap_err());
    denied(t.plan(1).unwrap_err());
    denied(
        t.save_skill(
            None,
            &SkillInput {
                name: "x".into(),
                ..SkillInput::default()
            },
        )
        .unwrap_err(),
    );
    denied(t.coverage().unwrap_err());
    denied(t.budget(d(2026, 11, 23)).unwrap_err());
}

#[test]
fn the_plan_prints_for_the_conversation() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    catalogue(&admin);
    let t = admin.training();
    let input = MemberInput {
        given: "Şükrü".into(),
        surname: "Yılmaz".into(),
        address_kind: "care_of".into(),
        joined: "01-01-2020".into(),
        ..MemberInput::default()
    };
    let who = admin.members().create(&input).unwrap().member.number;
    agreement(&admin, who, "outreach");
    t.add_held(who, 3, d(2020, 1, 1), Source::Experience)
        .unwrap();
    t.propose(who, Some(1), "", d(2026, 11, 23)).unwrap();
    let pdf = t.plan_pdf(who, d(2026, 11, 23)).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    for want in [
        "Opleidingsplan Şükrü Yılmaz",
        "tweede halfjaar 2026",
        "Gespreksvoering",
        "EHBO (ontbreekt of verlopen)",
        "EHBO en naloxon (GGD)",
        "voorgesteld",
        "Nog nodig voor de taken",
        "Besproken op",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
    for english in [
        "Training plan",
        "second half",
        "Still needed",
        "Discussed on",
        "proposed",
    ] {
        assert!(
            !text.contains(english),
            "{english} in the Dutch plan: {text}"
        );
    }

    // In English: the English headings and words, none of the Dutch.
    let pdf = t
        .plan_pdf_in(who, d(2026, 11, 23), kapstok_text::Lang::En)
        .unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    for want in [
        "Training plan Şükrü Yılmaz",
        "second half of 2026",
        "member number",
        "Tasks",
        "Skills",
        "Still needed for the tasks",
        "EHBO (missing or expired)",
        "proposed",
        "Discussed on",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
    for dutch in [
        "Opleidingsplan",
        "halfjaar",
        "lidnummer",
        "Taken",
        "Nog nodig",
        "ontbreekt",
        "voorgesteld",
        "Besproken op",
    ] {
        assert!(!text.contains(dutch), "{dutch} in the English plan: {text}");
    }
}

#[test]
fn the_demo_has_catalogues_skills_and_plans() {
    let dir = tempfile::tempdir().unwrap();
    let k = common::demo_store(dir.path());
    let admin = common::demo_admin(&k);
    let t = admin.training();
    let tasks: Vec<String> = t
        .tasks()
        .unwrap()
        .into_iter()
        .map(|(_, t)| t.name)
        .collect();
    for name in [
        "voorlichting",
        "outreach",
        "individuele cliëntondersteuning",
        "klussen voor de vereniging",
        "onderzoek en interviews",
    ] {
        assert!(tasks.iter().any(|t| t == name), "{name} in {tasks:?}");
    }
    assert!(t.courses().unwrap().len() >= 8);
    let cov = t.coverage().unwrap();
    assert!(!cov.expiring.is_empty(), "some skills expire soon");
    let experts: std::collections::BTreeSet<u64> = admin
        .experts()
        .agreements()
        .unwrap()
        .into_iter()
        .map(|(_, a)| a.expert)
        .collect();
    let with_plans = experts
        .iter()
        .filter(|e| !t.plan(**e).unwrap().is_empty())
        .count();
    assert!(
        with_plans * 2 >= experts.len(),
        "{with_plans} of {} experts have a plan",
        experts.len()
    );
    // Every demo agreement's tasks are known task descriptions, so the gap is meaningful.
    for (_, a) in admin.experts().agreements().unwrap() {
        for task in &a.tasks {
            assert!(
                tasks
                    .iter()
                    .any(|t| kapstok_core::common::fold(t) == kapstok_core::common::fold(task)),
                "{task}"
            );
        }
    }
}

#[test]
fn without_a_budget_nothing_is_over_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    catalogue(&admin);
    let t = admin.training();
    let a = expert(&admin, "Ans");
    let item = t.propose(a, Some(4), "", d(2026, 11, 23)).unwrap();
    t.advance(item, Step::Agree, d(2026, 11, 23)).unwrap();
    let b = t.budget(d(2026, 11, 23)).unwrap();
    assert_eq!((b.planned, b.set, b.over()), (Cents(20_000), false, false));
}
