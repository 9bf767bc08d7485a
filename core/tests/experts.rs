//! Experts by experience through the service: agreements, allowance limits, reviews, the
//! outcome of a review, the calendar file and the agreement PDF.

mod common;

use chrono::NaiveDateTime;
use common::{
    add_member, add_user, agreement, d, expert_member, fields, new_store, signed, slot, PASSWORD,
};
use kapstok_core::common::Cents;
use kapstok_core::experts::{
    AgreementInput, AgreementState, AllowanceLimits, AllowanceWarning, Conversation, Outcome,
    ReviewStatus, Slot,
};
use kapstok_core::{Error, FieldError, Permission, Reason, Role, Session};

fn expert(admin: &Session, given: &str, surname: &str, born: &str) -> u64 {
    add_member(admin, &expert_member(given, "", surname, born))
}

/// An agreement for `period` of `year`: voorlichting and outreach, € 5,00 an hour, guided by the
/// coordinator.
fn input(expert: u64, period: &str, year: &str) -> AgreementInput {
    AgreementInput {
        period: period.into(),
        year: year.into(),
        allowance: "per_hour".into(),
        amount: "5,00".into(),
        guidance: "coordinator".into(),
        ..agreement(expert, "voorlichting; outreach")
    }
}

fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    common::at(d(y, m, day), h, min)
}

#[test]
fn overlapping_agreements_are_refused_and_limits_warn_without_refusing() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let ex = admin.experts();
    let jan = expert(&admin, "Jan", "Jansen", "01-01-1980");
    let first = ex.create(&input(jan, "second_half", "2026")).unwrap();
    assert_eq!(first.warnings, []);
    assert_eq!(
        (first.agreement.start, first.agreement.end),
        (d(2026, 7, 1), d(2026, 12, 31))
    );
    let overlap = AgreementInput {
        period: "custom".into(),
        start: "31-12-2026".into(),
        ..input(jan, "", "")
    };
    assert_eq!(
        fields(ex.create(&overlap).unwrap_err()),
        [FieldError::new("start", Reason::Overlaps)]
    );
    let mut rich = input(jan, "first_half", "2027");
    rich.amount = "5,80".into();
    let saved = ex.create(&rich).unwrap();
    assert!(
        saved
            .warnings
            .iter()
            .any(|w| matches!(w, AllowanceWarning::NoLimits { year: 2027 })),
        "{:?}",
        saved.warnings
    );
    admin
        .experts()
        .set_limits(AllowanceLimits {
            year: 2027,
            per_hour: Cents(575),
            per_hour_under_21: Cents(340),
            per_month: Cents(22_000),
            per_year: Cents(220_000),
        })
        .unwrap();
    let warnings = ex.check(&rich, Some(saved.id)).unwrap();
    assert_eq!(
        warnings,
        [AllowanceWarning::PerHour {
            amount: Cents(580),
            limit: Cents(575),
            under_21: false
        }]
    );
    assert_eq!(
        ex.limits()
            .unwrap()
            .iter()
            .map(|l| l.year)
            .collect::<Vec<_>>(),
        [2024, 2025, 2026, 2027]
    );
    let bad = AgreementInput {
        hours_per_week: "veel".into(),
        tasks: " ".into(),
        expert: "999".into(),
        ..input(jan, "third", "2026")
    };
    let named: Vec<&str> = fields(ex.create(&bad).unwrap_err())
        .iter()
        .map(|f| f.field)
        .collect::<Vec<_>>()
        .to_vec();
    assert_eq!(named, ["expert", "period", "tasks", "hours_per_week"]);
}

#[test]
fn signing_and_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let ex = admin.experts();
    let jan = expert(&admin, "Jan", "Jansen", "01-01-1980");
    let a = ex.create(&input(jan, "first_half", "2027")).unwrap();
    assert_eq!(a.agreement.state(d(2026, 11, 23)), AgreementState::Draft);
    ex.update(
        a.id,
        &AgreementInput {
            hours_per_week: "4,5".into(),
            ..input(jan, "first_half", "2027")
        },
    )
    .unwrap();
    assert_eq!(ex.agreement(a.id).unwrap().minutes_per_week, 270);
    let signed = ex.sign(a.id, d(2026, 11, 20)).unwrap();
    assert_eq!(signed.state(d(2026, 11, 23)), AgreementState::Signed);
    assert_eq!(signed.state(d(2027, 1, 1)), AgreementState::Active);
    assert_eq!(
        fields(
            ex.update(a.id, &input(jan, "first_half", "2027"))
                .unwrap_err()
        )[0]
        .reason,
        Reason::NotDraft
    );
    assert_eq!(
        fields(ex.sign(a.id, d(2026, 11, 21)).unwrap_err())[0].reason,
        Reason::Unchanged
    );
}

fn running(admin: &Session, who: u64) -> u64 {
    signed(admin, &input(who, "second_half", "2026"), d(2026, 6, 20))
}

#[test]
fn scheduling_respects_office_hours_and_double_booking() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    add_user(&admin, Role::Coordinator, PASSWORD);
    let ex = admin.experts();
    let (jan, els) = (
        expert(&admin, "Jan", "Jansen", "01-01-1980"),
        expert(&admin, "Els", "Vos", "01-01-1990"),
    );
    let (a, b) = (running(&admin, jan), running(&admin, els));
    let due: Vec<u64> = ex.due().unwrap().iter().map(|d| d.agreement_id).collect();
    assert_eq!(due, [a, b]);
    let r = ex
        .schedule(a, slot(at(2026, 11, 30, 10, 0), "coordinator"))
        .unwrap();
    assert_eq!(
        fields(
            ex.schedule(b, slot(at(2026, 11, 30, 10, 30), "coordinator"))
                .unwrap_err()
        ),
        [FieldError::new("staff", Reason::DoubleBooked("staff"))]
    );
    assert_eq!(
        fields(
            ex.schedule(a, slot(at(2026, 12, 1, 10, 30), "beheer"))
                .unwrap_err()
        ),
        [FieldError::new("agreement", Reason::Taken)],
        "one planned review per agreement (the expert's double booking is checked in the rules)"
    );
    assert_eq!(
        fields(
            ex.schedule(b, slot(at(2026, 11, 30, 16, 0), "beheer"))
                .unwrap_err()
        ),
        [FieldError::new("start", Reason::OutsideOfficeHours)]
    );
    assert_eq!(
        fields(
            ex.schedule(b, slot(at(2026, 11, 30, 11, 0), "niemand"))
                .unwrap_err()
        )[0]
        .field,
        "staff"
    );
    assert_eq!(
        ex.suggest(b, at(2026, 11, 30, 10, 0), 60, "coordinator", 2)
            .unwrap(),
        [at(2026, 11, 30, 11, 0), at(2026, 11, 30, 11, 30)]
    );
    ex.reschedule(r, slot(at(2026, 11, 30, 10, 30), "coordinator"))
        .unwrap();
    ex.no_show(r).unwrap();
    assert!(
        ex.due()
            .unwrap()
            .iter()
            .any(|d| d.agreement_id == a && d.planned.is_none()),
        "a no-show stays due"
    );
    assert_eq!(fields(ex.cancel(r).unwrap_err())[0].reason, Reason::Closed);
}

/// Schedules a review today at `hour` with beheer and records it as held today.
fn hold(admin: &Session, agreement: u64, outcome: Outcome, hour: u32) -> (u64, Option<u64>) {
    let ex = admin.experts();
    let r = ex
        .schedule(agreement, slot(at(2026, 11, 23, hour, 0), "beheer"))
        .unwrap();
    let talk = Conversation {
        work: "goed".into(),
        training_wishes: "naloxon".into(),
        ..Conversation::default()
    };
    let (review, next) = ex.record(r, d(2026, 11, 23), talk, outcome).unwrap();
    assert_eq!(review.status, ReviewStatus::Held(d(2026, 11, 23)));
    (r, next)
}

#[test]
fn each_outcome_leads_to_the_right_next_step() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let ex = admin.experts();
    for (outcome, given, hour) in [
        (Outcome::Continue, "Cor", 10),
        (Outcome::Adjust, "Ada", 11),
        (Outcome::Stop, "Stan", 12),
    ] {
        let who = expert(&admin, given, "Test", "01-01-1980");
        let a = running(&admin, who);
        let (review, next) = hold(&admin, a, outcome, hour);
        let old = ex.agreement(a).unwrap();
        assert_eq!(old.outcome, Some(outcome));
        match outcome {
            Outcome::Stop => {
                assert_eq!(next, None);
                assert_eq!(old.state(d(2027, 1, 1)), AgreementState::Ended);
                assert_eq!(old.last_day(), d(2026, 12, 31));
            }
            _ => {
                let next = ex.agreement(next.unwrap()).unwrap();
                assert_eq!((next.start, next.end), (d(2027, 1, 1), d(2027, 6, 30)));
                assert_eq!(next.continues, Some(a));
                assert_eq!(next.from_review, Some(review));
                assert_eq!(
                    (next.tasks.clone(), next.allowance, next.minutes_per_week),
                    (old.tasks.clone(), old.allowance, old.minutes_per_week)
                );
                assert_eq!(next.signed_on, None, "a draft to sign");
            }
        }
        assert!(
            !ex.due().unwrap().iter().any(|d| d.agreement_id == a),
            "a held review ends the due entry"
        );
    }
}

#[test]
fn the_calendar_file_is_rfc_5545_and_lists_planned_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let ex = admin.experts();
    let who = expert(&admin, "Łukasz", "Wiśniewski", "01-01-1980");
    let a = running(&admin, who);
    ex.schedule(
        a,
        Slot {
            place: "Kantoor, kamer 2".into(),
            ..slot(at(2026, 12, 1, 14, 0), "beheer")
        },
    )
    .unwrap();
    let text = ex.ics().unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let mut unfolded: Vec<String> = Vec::new();
    for raw in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(raw.len() <= 75);
        match raw.strip_prefix(' ') {
            Some(rest) => unfolded.last_mut().unwrap().push_str(rest),
            None => unfolded.push(raw.to_string()),
        }
    }
    let begins = unfolded.iter().filter(|l| l.starts_with("BEGIN:")).count();
    let ends = unfolded.iter().filter(|l| l.starts_with("END:")).count();
    assert_eq!(begins, ends);
    assert_eq!(unfolded.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 1);
    for want in [
        "SUMMARY:Functioneringsgesprek Łukasz Wiśniewski",
        "DTSTART;TZID=Europe/Amsterdam:20261201T140000",
        "DTEND;TZID=Europe/Amsterdam:20261201T150000",
        "LOCATION:Kantoor\\, kamer 2",
        "UID:review-1@kapstok",
    ] {
        assert!(
            unfolded.iter().any(|l| l == want),
            "{want} in {unfolded:#?}"
        );
    }
    for line in &unfolded {
        assert!(
            line.contains(':'),
            "every content line is name:value: {line}"
        );
    }
}

#[test]
fn the_agreement_pdf_stays_dutch_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let who = expert(&admin, "Zoë", "van der Berg", "01-01-1980");
    let a = running(&admin, who);
    let pdf = admin
        .experts()
        .agreement_pdf_in(a, kapstok_text::Lang::En)
        .unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    for want in ["Exemplaar 1 van 2", "Handtekening", "Namens de vereniging"] {
        assert!(text.contains(want), "{want} in {text}");
    }
    for english in ["Copy 1", "Signature", "On behalf of"] {
        assert!(!text.contains(english), "{english} in {text}");
    }
}

#[test]
fn the_agreement_pdf_has_two_copies_with_signature_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let who = expert(&admin, "Zoë", "van der Berg", "01-01-1980");
    let a = running(&admin, who);
    let pdf = admin.experts().agreement_pdf(a).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!(pages.len() >= 2);
    let text = doc.extract_text(&pages).unwrap();
    for want in [
        "Exemplaar 1 van 2",
        "Exemplaar 2 van 2",
        "Zoë van der Berg",
        "van 01-07-2026 tot en met 31-12-2026",
        "€ 5,00 per gewerkt uur",
        "Handtekening",
        "Namens de vereniging",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
}

#[test]
fn volunteers_cannot_reach_experts() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    add_user(&admin, Role::Volunteer, PASSWORD);
    add_user(&admin, Role::Coordinator, PASSWORD);
    let who = expert(&admin, "Jan", "Jansen", "01-01-1980");
    let a = running(&admin, who);
    let v = k.login("vrijwilliger", PASSWORD).unwrap();
    let ex = v.experts();
    let denied = |e: Error| {
        assert!(
            matches!(e, Error::Denied(Permission::ExpertsManage)),
            "{e:?}"
        )
    };
    denied(ex.agreements().unwrap_err());
    denied(ex.agreement(a).unwrap_err());
    denied(ex.create(&input(who, "first_half", "2027")).unwrap_err());
    denied(ex.sign(a, d(2026, 1, 1)).unwrap_err());
    denied(ex.due().unwrap_err());
    denied(ex.reviews().unwrap_err());
    denied(
        ex.schedule(a, slot(at(2026, 11, 30, 10, 0), "beheer"))
            .unwrap_err(),
    );
    denied(ex.ics().unwrap_err());
    denied(ex.agreement_pdf(a).unwrap_err());
    denied(ex.limits().unwrap_err());
    let c = k.login("coordinator", PASSWORD).unwrap();
    assert_eq!(c.experts().agreements().unwrap().len(), 1);
    let limits = c.experts().limits().unwrap()[0];
    assert!(
        matches!(
            c.experts().set_limits(limits),
            Err(Error::Denied(Permission::SettingsWrite))
        ),
        "the table is the administrator's"
    );
}

#[test]
fn the_demo_has_experts_in_their_second_half_year_with_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let k = common::demo_store(dir.path());
    let admin = common::demo_admin(&k);
    let ex = admin.experts();
    let agreements = ex.agreements().unwrap();
    let experts: std::collections::BTreeSet<u64> =
        agreements.iter().map(|(_, a)| a.expert).collect();
    assert!(
        (8..=10).contains(&experts.len()),
        "{} experts",
        experts.len()
    );
    for e in &experts {
        let theirs: Vec<_> = agreements.iter().filter(|(_, a)| a.expert == *e).collect();
        assert!(
            theirs.len() >= 2,
            "every expert is in a second or later half year"
        );
        assert!(theirs
            .iter()
            .any(|(_, a)| a.continues.is_some() && a.from_review.is_some()));
    }
    let reviews = ex.reviews().unwrap();
    for outcome in Outcome::ALL {
        assert!(
            reviews.iter().any(|(_, r)| r.outcome == Some(outcome)),
            "{outcome:?}"
        );
    }
    let today = d(2026, 11, 23);
    assert!(reviews
        .iter()
        .any(|(_, r)| r.status == ReviewStatus::Scheduled && r.slot.start.date() > today));
    assert!(
        !ex.due().unwrap().is_empty(),
        "some agreements end within six weeks without a review"
    );
    assert!(ex.ics().unwrap().contains("BEGIN:VEVENT"));
}

#[test]
fn one_planned_review_per_agreement_and_no_reviews_or_ends_of_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let ex = admin.experts();
    let who = expert(&admin, "Jan", "Jansen", "01-01-1980");
    let a = running(&admin, who);
    ex.schedule(a, slot(at(2026, 11, 30, 10, 0), "beheer"))
        .unwrap();
    assert_eq!(
        fields(
            ex.schedule(a, slot(at(2026, 12, 1, 10, 0), "beheer"))
                .unwrap_err()
        ),
        [FieldError::new("agreement", Reason::Taken)]
    );
    let draft = ex.create(&input(who, "first_half", "2027")).unwrap().id;
    assert_eq!(
        fields(
            ex.schedule(draft, slot(at(2026, 12, 2, 10, 0), "beheer"))
                .unwrap_err()
        )[0]
        .reason,
        Reason::NotSigned
    );
    assert_eq!(
        fields(ex.end(draft, d(2027, 2, 1), None).unwrap_err())[0].reason,
        Reason::NotSigned
    );
    // Suggestions never lie in the past (the test clock stands at 23-11-2026 12:00).
    let first = ex
        .suggest(a, at(2026, 11, 23, 9, 0), 60, "coordinator", 1)
        .unwrap();
    assert_eq!(first, [at(2026, 11, 23, 12, 0)]);
    // Hours that are not whole or half round-trip through the input exactly.
    let mut odd = input(who, "first_half", "2028");
    odd.hours_per_week = "3:20".into();
    let saved = ex.create(&odd).unwrap();
    assert_eq!(saved.agreement.minutes_per_week, 200);
    let again = AgreementInput::from_agreement(&saved.agreement);
    assert_eq!(again.hours_per_week, "3:20");
}

/// Jan and Els each with a running agreement (ending 31-12-2026); Jan also with a signed one for
/// the next half year. Returns (jan's, els's, jan's next).
fn two_experts(admin: &Session) -> (u64, u64, u64) {
    add_user(admin, Role::Coordinator, PASSWORD);
    let ex = admin.experts();
    let jan = expert(admin, "Jan", "Jansen", "01-01-1980");
    let els = expert(admin, "Els", "Vos", "01-01-1990");
    let (a, b) = (running(admin, jan), running(admin, els));
    let later = ex.create(&input(jan, "first_half", "2027")).unwrap().id;
    ex.sign(later, d(2026, 11, 20)).unwrap();
    (a, b, later)
}

fn stop_talk() -> Conversation {
    Conversation {
        agreed: "stoppen".into(),
        ..Conversation::default()
    }
}

#[test]
fn a_review_held_before_its_slot_keeps_the_slot_for_its_staff_member_and_expert() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let ex = admin.experts();
    let (a, b, later) = two_experts(&admin);
    // Planned for next Monday at 10:00 with beheer, held today already (23-11).
    let r = ex
        .schedule(a, slot(at(2026, 11, 30, 10, 0), "beheer"))
        .unwrap();
    ex.record(r, d(2026, 11, 23), stop_talk(), Outcome::Stop)
        .unwrap();
    assert_eq!(
        fields(
            ex.schedule(b, slot(at(2026, 11, 30, 10, 30), "beheer"))
                .unwrap_err()
        ),
        [FieldError::new("staff", Reason::DoubleBooked("staff"))],
        "the week view still shows the held review at 10:00-11:00 with beheer"
    );
    assert_eq!(
        fields(
            ex.schedule(later, slot(at(2026, 11, 30, 10, 0), "coordinator"))
                .unwrap_err()
        ),
        [FieldError::new("start", Reason::DoubleBooked("expert"))]
    );
    assert_eq!(
        ex.suggest(b, at(2026, 11, 30, 9, 0), 60, "beheer", 2)
            .unwrap(),
        [at(2026, 11, 30, 11, 0), at(2026, 11, 30, 11, 30)],
        "suggestions skip the held review's slot"
    );
    assert_eq!(
        ex.suggest(later, at(2026, 11, 30, 9, 0), 60, "coordinator", 1)
            .unwrap(),
        [at(2026, 11, 30, 11, 0)],
        "and so for the expert"
    );
    // Moving another review onto the held one's slot is refused the same way.
    let rb = ex
        .schedule(b, slot(at(2026, 11, 30, 11, 0), "beheer"))
        .unwrap();
    assert_eq!(
        fields(
            ex.reschedule(rb, slot(at(2026, 11, 30, 10, 0), "beheer"))
                .unwrap_err()
        ),
        [FieldError::new("staff", Reason::DoubleBooked("staff"))]
    );
    assert_eq!(
        ex.reviews()
            .unwrap()
            .iter()
            .find(|(id, _)| *id == rb)
            .unwrap()
            .1
            .slot
            .start,
        at(2026, 11, 30, 11, 0),
        "nothing moved"
    );
}

#[test]
fn a_held_review_cannot_be_moved_and_cancelled_or_missed_ones_free_their_slot() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let ex = admin.experts();
    let (a, b, later) = two_experts(&admin);
    let r = ex
        .schedule(a, slot(at(2026, 11, 30, 10, 0), "beheer"))
        .unwrap();
    ex.record(r, d(2026, 11, 23), stop_talk(), Outcome::Stop)
        .unwrap();
    for target in [at(2026, 12, 1, 10, 0), at(2026, 11, 30, 10, 0)] {
        assert_eq!(
            fields(ex.reschedule(r, slot(target, "beheer")).unwrap_err()),
            [FieldError::new("review", Reason::Closed)],
            "a held review stays where it was held"
        );
    }
    // A second review of an agreement whose review was held is refused: the outcome is decided.
    assert_eq!(
        fields(
            ex.schedule(a, slot(at(2026, 12, 2, 10, 0), "beheer"))
                .unwrap_err()
        ),
        [FieldError::new("agreement", Reason::Closed)]
    );
    // A cancelled review and a no-show free their slot.
    let rb = ex
        .schedule(b, slot(at(2026, 12, 1, 10, 0), "coordinator"))
        .unwrap();
    ex.cancel(rb).unwrap();
    let rb = ex
        .schedule(b, slot(at(2026, 12, 1, 10, 0), "coordinator"))
        .unwrap();
    ex.no_show(rb).unwrap();
    ex.schedule(later, slot(at(2026, 12, 1, 10, 0), "coordinator"))
        .unwrap();
}

#[test]
fn ending_an_agreement_later_again_cannot_overlap_the_next_one() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let ex = admin.experts();
    let jan = expert(&admin, "Jan", "Jansen", "01-01-1980");
    let a = running(&admin, jan);
    // Stopped at the end of November (still running today, 23-11), the next one from December.
    ex.end(a, d(2026, 11, 30), None).unwrap();
    let next = ex
        .create(&AgreementInput {
            period: "custom".into(),
            start: "01-12-2026".into(),
            ..input(jan, "", "")
        })
        .unwrap();
    assert_ne!(next.id, a);
    assert_eq!(
        fields(ex.end(a, d(2026, 12, 20), None).unwrap_err()),
        [FieldError::new("ended_on", Reason::Overlaps)],
        "the first one cannot grow back over the second"
    );
    assert_eq!(ex.agreement(a).unwrap().last_day(), d(2026, 11, 30));
    // Earlier is fine, and so is the same day.
    ex.end(a, d(2026, 11, 27), None).unwrap();
    ex.end(a, d(2026, 11, 30), None).unwrap();
}

/// Two reviews, neither cancelled nor a no-show, of one expert or one staff member that share a
/// minute (each lasting the minutes its slot says).
fn double_bookings(reviews: &[(u64, kapstok_core::experts::Review)]) -> Vec<(u64, u64)> {
    let counted: Vec<_> = reviews
        .iter()
        .filter(|(_, r)| !matches!(r.status, ReviewStatus::Cancelled | ReviewStatus::NoShow))
        .collect();
    let end = |r: &kapstok_core::experts::Review| {
        r.slot.start + chrono::Duration::minutes(i64::from(r.slot.minutes))
    };
    let mut out = Vec::new();
    for (i, (a_id, a)) in counted.iter().enumerate() {
        for (b_id, b) in &counted[i + 1..] {
            let at_once = a.slot.start < end(b) && b.slot.start < end(a);
            if at_once && (a.expert == b.expert || a.slot.staff == b.slot.staff) {
                out.push((*a_id, *b_id));
            }
        }
    }
    out
}

#[test]
fn the_demo_books_nobody_twice_at_once() {
    // The demo's dates follow the day it is made: a Monday, a Wednesday (three days back is a
    // Sunday), a Sunday in the first half year; the default size and a larger one.
    for (today, members) in [
        (d(2026, 11, 23), 300),
        (d(2026, 11, 25), 300),
        (d(2027, 3, 14), 300),
        (d(2026, 11, 23), 1_500),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let clock = std::sync::Arc::new(kapstok_core::clock::FixedClock::at_date(today));
        let k = kapstok_core::Kapstok::open_with_clock(&dir.path().join("store"), clock).unwrap();
        kapstok_core::demo::fill(&k, members, 2026).unwrap();
        let admin = k
            .login("beheer", kapstok_core::demo::DEMO_PASSWORD)
            .unwrap();
        let reviews = admin.experts().reviews().unwrap();
        assert!(reviews.len() >= 10, "{today}: {} reviews", reviews.len());
        assert_eq!(double_bookings(&reviews), [], "{today}, {members} members");
    }
}
