//! The year's figures on the demo set, checked against counts made here from the raw records;
//! the Today lists at their boundaries; who may see what.

mod common;

use chrono::{Datelike, Days, NaiveDate};
use common::{d, member, new_store, today};
use kapstok_core::common::IsoWeek;
use kapstok_core::experts::{AgreementInput, ReviewStatus};
use kapstok_core::members::Status;
use kapstok_core::report::today::{agreement_counts, birthdays};
use kapstok_core::training::ItemStatus;
use kapstok_core::{Error, Permission};

#[test]
fn the_years_figures_match_the_raw_records_of_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let k = common::demo_store(dir.path());
    let admin = common::demo_admin(&k);
    let f = admin.report().year(2026).unwrap();
    let first = d(2026, 1, 1);
    let until = today();
    assert_eq!(f.until, until);

    // Members, counted from the status histories.
    let members = admin.members().list().unwrap();
    let member_on = |m: &kapstok_core::members::Member, day: NaiveDate| {
        if m.joined > day {
            return false;
        }
        let mut status = None;
        for e in &m.status_history {
            if e.since <= day {
                status = Some(&e.status);
            }
        }
        matches!(status, Some(Status::Active) | Some(Status::Suspended))
    };
    assert_eq!(
        f.members_at_start,
        members.iter().filter(|m| member_on(m, first)).count()
    );
    assert_eq!(
        f.members_at_end,
        members.iter().filter(|m| member_on(m, until)).count()
    );
    assert_eq!(
        f.joined,
        members.iter().filter(|m| m.joined.year() == 2026).count()
    );
    let steps = |want: fn(&Status) -> bool| {
        members
            .iter()
            .filter(|m| {
                m.status_history
                    .iter()
                    .any(|e| e.since.year() == 2026 && e.since <= until && want(&e.status))
            })
            .count()
    };
    assert_eq!(f.left, steps(|s| matches!(s, Status::Ended { .. })));
    assert_eq!(f.deceased, steps(|s| matches!(s, Status::Deceased)));
    assert!(f.members_at_start > 200 && f.joined > 0, "{f:?}");

    // Meetings: the demo held the spring meeting and the second meeting in 2026.
    let meetings = admin.meetings().list().unwrap();
    let held: Vec<_> = meetings
        .iter()
        .filter(|(_, m)| m.date().year() == 2026 && !m.presence.is_empty())
        .collect();
    assert_eq!(f.meetings_held, held.len());
    assert_eq!(f.meetings_held, 2);
    let votes: Vec<_> = held
        .iter()
        .flat_map(|(_, m)| m.agenda.iter().filter_map(|i| i.vote.clone()))
        .collect();
    assert_eq!(f.votes, votes.len());
    assert_eq!(
        f.decisions,
        votes.iter().filter(|v| v.decision.adopted).count()
    );

    // Experts: signed agreements overlapping the year, their hours, reviews held.
    let ex = admin.experts();
    let agreements: Vec<_> = ex
        .agreements()
        .unwrap()
        .into_iter()
        .map(|(_, a)| a)
        .filter(|a| a.signed_on.is_some() && a.start <= until && a.last_day() >= first)
        .collect();
    let mut experts: Vec<u64> = agreements.iter().map(|a| a.expert).collect();
    experts.sort();
    experts.dedup();
    assert_eq!(f.experts_active, experts.len());
    let mut minutes = 0u64;
    for a in &agreements {
        let mut day = a.start.max(first);
        let mut days = 0u64;
        while day <= a.last_day().min(until) {
            days += 1;
            day = day + Days::new(1);
        }
        minutes += a.minutes_per_week as u64 * days / 7;
    }
    assert_eq!(f.minutes_agreed, minutes);
    let reviews = ex.reviews().unwrap();
    let held_reviews: Vec<_> = reviews
        .iter()
        .filter(
            |(_, r)| matches!(r.status, ReviewStatus::Held(on) if on.year() == 2026 && on <= until),
        )
        .collect();
    assert_eq!(f.reviews_held, held_reviews.len());
    assert_eq!(
        f.outcomes.iter().sum::<usize>(),
        held_reviews
            .iter()
            .filter(|(_, r)| r.outcome.is_some())
            .count()
    );

    // Training completed in the year, over every member's plan.
    let mut completed = 0;
    for m in &members {
        for (_, item) in admin.training().plan(m.number).unwrap() {
            if matches!(item.status, ItemStatus::Completed(on) if on.year() == 2026 && on <= until)
            {
                completed += 1;
            }
        }
    }
    assert_eq!(f.trainings_completed, completed);

    // Cards: posted in the year, per month and per reason.
    let runs = admin.basemail().runs().unwrap();
    let posted: Vec<_> = runs
        .iter()
        .flat_map(|r| r.cards.iter())
        .filter(|c| c.posted.is_some_and(|p| p.year() == 2026 && p <= until))
        .collect();
    assert_eq!(f.cards, posted.len());
    assert!(f.cards > 0);
    for month in 1..=12u32 {
        assert_eq!(
            f.cards_per_month[month as usize - 1],
            posted
                .iter()
                .filter(|c| c.posted.unwrap().month() == month)
                .count(),
            "month {month}"
        );
    }
    assert_eq!(f.cards_per_week.iter().sum::<usize>(), f.cards);
    assert_eq!(
        f.cards_by_reason.iter().sum::<usize>(),
        posted.iter().map(|c| c.reasons.len()).sum::<usize>()
    );

    let pdf = admin.report().year_pdf(2026).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let text = doc.extract_text(&[1]).unwrap();
    assert!(
        text.contains(&format!("Op 1 januari: {}", f.members_at_start)),
        "{text}"
    );
}

#[test]
fn today_lists_at_their_boundaries() {
    // Week 48 of 2026 runs from Monday 23 to Sunday 29 November.
    let week = IsoWeek::of(d(2026, 11, 23));
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let mut sunday = member("Sonja", "", "Zondag");
    sunday.birth_date = "29-11-1980".into();
    let mut monday = member("Maarten", "", "Maandag");
    monday.birth_date = "30-11-1980".into();
    let mut first = member("Eerste", "", "Dag");
    first.birth_date = "23-11-1990".into();
    let mut ended = member("Oud", "", "Lid");
    ended.birth_date = "25-11-1970".into();
    let m = admin.members();
    for input in [&sunday, &monday, &first, &ended] {
        m.create(input).unwrap();
    }
    m.change_status(
        4,
        Status::Ended {
            reason: "verhuisd".into(),
        },
        d(2026, 1, 1),
    )
    .unwrap();
    let list = birthdays(&m.list().unwrap(), week);
    let names: Vec<&str> = list.iter().map(|(_, n, _)| n.as_str()).collect();
    assert_eq!(names, ["Eerste Dag", "Sonja Zondag"]);

    // Agreements ending in exactly the review weeks count; a day later does not.
    let ex = admin.experts();
    let a = ex
        .create(&AgreementInput {
            expert: "1".into(),
            period: "second_half".into(),
            year: "2026".into(),
            tasks: "voorlichting".into(),
            hours_per_week: "4".into(),
            allowance: "none".into(),
            ..AgreementInput::default()
        })
        .unwrap();
    let all = ex.agreements().unwrap();
    assert_eq!(
        agreement_counts(&all, today(), 6),
        (1, 0),
        "a draft is unsigned"
    );
    ex.sign(a.id, d(2026, 6, 20)).unwrap();
    let all = ex.agreements().unwrap();
    // It ends on 31-12-2026: exactly 6 weeks after 19-11.
    let on = |day: NaiveDate, weeks| agreement_counts(&all, day, weeks).1;
    assert_eq!(on(d(2026, 11, 18), 6), 0, "6 weeks and a day ahead");
    assert_eq!(on(d(2026, 11, 19), 6), 1, "exactly 6 weeks ahead");
    assert_eq!(on(today(), 5), 0, "38 days is more than 5 weeks");
}

#[test]
fn today_per_role_and_who_may_see_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let k = common::demo_store(dir.path());
    let pw = kapstok_core::demo::DEMO_PASSWORD;
    let admin = k.login("beheer", pw).unwrap();
    let t = admin.report().admin_today().unwrap();
    let (_, next, deadlines) = t.next_meeting.clone().unwrap();
    assert_eq!(next.date(), d(2026, 12, 17));
    assert_eq!(deadlines.send_by, d(2026, 12, 3));
    assert!(!t.convocation_overdue, "3 December is still ahead");
    // Overdue only after the last day to send, and never once sent.
    use kapstok_core::report::today::convocation_overdue;
    assert!(!convocation_overdue(&next, &deadlines, d(2026, 12, 3)));
    assert!(convocation_overdue(&next, &deadlines, d(2026, 12, 4)));
    let mut sent = next.clone();
    sent.convocation = Some(kapstok_core::meetings::Convocation {
        sent: d(2026, 12, 1),
        deadline: d(2026, 12, 3),
        by_email: Vec::new(),
        by_letter: Vec::new(),
    });
    assert!(!convocation_overdue(&sent, &deadlines, d(2026, 12, 4)));
    assert!(t.out_of_sight > 0);
    assert_eq!(
        t.birthdays,
        birthdays(&admin.members().list().unwrap(), IsoWeek::of(today()))
    );
    // The same list over a register read beforehand (as the TUI does, to read it once).
    let register = admin.members().list().unwrap();
    assert_eq!(admin.report().admin_today_in(&register).unwrap(), t);
    assert_eq!(
        admin.privacy().retention_in(&register).unwrap().len(),
        admin.privacy().retention().unwrap().len()
    );
    let coord = k.login("coordinator", pw).unwrap();
    let c = coord.report().coordinator_today().unwrap();
    assert!(c.reviews_to_plan + c.reviews_this_week.len() > 0, "{c:?}");
    assert!(matches!(
        coord.report().admin_today(),
        Err(Error::Denied(Permission::MeetingsManage))
    ));
    assert!(coord.report().year(2026).is_ok());
    let vol = k.login("vrijwilliger", pw).unwrap();
    let v = vol.report().volunteer_today().unwrap();
    assert_eq!(v.week, IsoWeek::of(today()));
    assert_eq!(v.to_write, v.cards - v.written);
    assert!(matches!(
        vol.report().year(2026),
        Err(Error::Denied(Permission::MembersRead))
    ));
    assert!(matches!(
        vol.report().coordinator_today(),
        Err(Error::Denied(Permission::ExpertsManage))
    ));
}
