//! General meetings through the service: deadlines, the invitation list, the convocation,
//! attendance with proxies, votes and their outcome, a failed quorum and the second meeting, the
//! decision register, minutes, reminders and who may do what.

mod common;

use chrono::NaiveTime;
use common::{add_member, d, item, meeting, member, new_store, time, PASSWORD};
use kapstok_core::common::Address;
use kapstok_core::meetings::{
    Channel, Choice, Duty, ItemInput, MeetingInput, MeetingKind, MeetingRules, Standing, Tally, Why,
};
use kapstok_core::members::{MemberInput, Status};
use kapstok_core::settings::Settings;
use kapstok_core::{Error, FieldError, Permission, Reason, Role, Session};

fn t(h: u32, m: u32) -> NaiveTime {
    time(h, m)
}

fn tally(f: u32, a: u32, ab: u32, b: u32) -> Tally {
    Tally {
        for_votes: f,
        against: a,
        abstain: ab,
        blank: b,
    }
}

fn field_error(e: Error) -> (String, Reason) {
    match e {
        Error::Invalid(errors) => {
            let FieldError { field, reason } = errors.into_iter().next().unwrap();
            (field.to_string(), reason)
        }
        other => panic!("expected a field error, got {other:?}"),
    }
}

fn add(admin: &Session, input: MemberInput) -> u64 {
    add_member(admin, &input)
}

fn plan(admin: &Session, date: &str) -> u64 {
    admin
        .meetings()
        .plan(&meeting("autumn", date, "Buurthuis De Kolk"))
        .unwrap()
}

fn decision_item(title: &str, statute: bool) -> ItemInput {
    ItemInput {
        statute_change: statute,
        ..item(title, &format!("De vergadering stemt in met {title}."))
    }
}

fn with_office(admin: &Session) {
    let mut s: Settings = admin.settings().unwrap();
    s.office_name = "Vereniging Kapstok".into();
    s.office_address = Address::Postbus {
        number: 1234,
        postcode: kapstok_core::common::Postcode::parse("1000 AB").unwrap(),
        city: "Amsterdam".into(),
    };
    admin.set_settings(&s).unwrap();
}

/// Five voting members (1-5), one suspended (6), one ended (7).
fn register(admin: &Session) -> Vec<u64> {
    let mut numbers = Vec::new();
    for (given, surname) in [
        ("Anna", "Bakker"),
        ("Bram", "Claes"),
        ("Cor", "Dekker"),
        ("Dina", "Eshuis"),
        ("Eva", "Fransen"),
        ("Fien", "Geurts"),
        ("Gijs", "Hoek"),
    ] {
        numbers.push(add(admin, member(given, "", surname)));
    }
    let m = admin.members();
    m.change_status(numbers[5], Status::Suspended, d(2026, 1, 1))
        .unwrap();
    m.change_status(
        numbers[6],
        Status::Ended {
            reason: "opgezegd".into(),
        },
        d(2026, 1, 1),
    )
    .unwrap();
    numbers
}

#[test]
fn deadlines_follow_the_notice_and_the_statute_change_rules() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let mt = admin.meetings();
    let id = plan(&admin, "10-03-2027");
    let dl = mt.deadlines(id).unwrap();
    assert_eq!(dl.send_by, d(2027, 2, 24), "14 days across a month end");
    assert_eq!(dl.inspection_from, None);
    mt.add_item(id, &decision_item("statutenwijziging", true))
        .unwrap();
    let dl = mt.deadlines(id).unwrap();
    assert_eq!(dl.send_by, d(2027, 2, 24), "14 days is longer than 7");
    assert_eq!(dl.inspection_from, Some(d(2027, 3, 5)));
    mt.set_rules(MeetingRules {
        notice_days: 3,
        ..MeetingRules::default()
    })
    .unwrap();
    assert_eq!(
        mt.deadlines(id).unwrap().send_by,
        d(2027, 3, 3),
        "7 days at least"
    );
    assert_eq!(
        field_error(
            mt.set_rules(MeetingRules {
                statute_notice_days: 6,
                ..MeetingRules::default()
            })
            .unwrap_err()
        ),
        ("statute_notice_days".into(), Reason::OutOfRange(7, 90))
    );
}

#[test]
fn the_invitation_list_follows_status_and_consent() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    with_office(&admin);
    let n = register(&admin);
    let m = admin.members();
    // Anna consented and has an address: e-mail.
    let mut anna = MemberInput::from_member(&m.get(n[0]).unwrap());
    anna.email = "anna@example.org".into();
    anna.consent_convocation_email = "01-02-2025".into();
    m.update(n[0], &anna).unwrap();
    // Bram has an address but did not consent: a letter.
    let mut bram = MemberInput::from_member(&m.get(n[1]).unwrap());
    bram.email = "bram@example.org".into();
    m.update(n[1], &bram).unwrap();
    // Cor has no known address: cannot be reached.
    let mut cor = MemberInput::from_member(&m.get(n[2]).unwrap());
    cor.address_kind = "unknown".into();
    m.update(n[2], &cor).unwrap();

    let id = plan(&admin, "15-12-2026");
    let list = admin.meetings().invitees(id).unwrap();
    let numbers: Vec<u64> = list.iter().map(|i| i.member).collect();
    assert_eq!(numbers, n[..6].to_vec(), "ended members are not invited");
    assert_eq!(list[0].channel, Channel::Email("anna@example.org".into()));
    assert_eq!(
        list[1].channel,
        Channel::Letter(vec![
            "Bram Claes".into(),
            "p/a Vereniging Kapstok".into(),
            "Postbus 1234".into(),
            "1000 AB  AMSTERDAM".into()
        ])
    );
    assert_eq!(list[2].channel, Channel::Unreachable("address"));
    assert!(list[..5].iter().all(|i| i.voting));
    assert!(!list[5].voting, "suspended members attend without a vote");

    // Withdrawing the consent takes effect in the next convocation.
    anna.consent_convocation_email = String::new();
    m.update(n[0], &anna).unwrap();
    let list = admin.meetings().invitees(id).unwrap();
    assert!(matches!(list[0].channel, Channel::Letter(_)));
}

#[test]
fn the_convocation_writes_letters_and_the_email_list_and_warns_when_late() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    with_office(&admin);
    let n = register(&admin);
    let m = admin.members();
    let mut anna = MemberInput::from_member(&m.get(n[0]).unwrap());
    anna.email = "anna@example.org".into();
    anna.consent_convocation_email = "01-02-2025".into();
    m.update(n[0], &anna).unwrap();
    let mt = admin.meetings();
    let id = plan(&admin, "15-12-2026");
    mt.add_item(id, &decision_item("begroting 2027", false))
        .unwrap();

    let pack = mt.convocation(id).unwrap();
    assert_eq!(pack.emails(), 1);
    assert_eq!(pack.letters(), 5);
    assert!(pack.unreachable().is_empty());
    assert_eq!(
        String::from_utf8(pack.email_csv.clone()).unwrap(),
        format!(
            "number;name;email\r\n{};Anna Bakker;anna@example.org\r\n",
            n[0]
        )
    );
    let pdf = lopdf::Document::load_mem(&pack.letters_pdf).unwrap();
    assert_eq!(pdf.get_pages().len(), 5, "one letter per member by letter");

    let labels = mt.envelope_labels(id, "avery-l7160", 1).unwrap();
    assert_eq!(labels.labels, 5);

    // The deadline is 01-12-2026; sending on 02-12 is refused unless accepted.
    let late = mt.record_sent(id, d(2026, 12, 2), false).unwrap_err();
    assert_eq!(
        field_error(late),
        ("sent".into(), Reason::LateConvocation(d(2026, 12, 1)))
    );
    assert!(
        mt.get(id).unwrap().convocation.is_none(),
        "nothing recorded"
    );
    let c = mt.record_sent(id, d(2026, 12, 2), true).unwrap();
    assert!(c.late());
    assert_eq!(c.by_email, vec![n[0]]);
    assert_eq!(c.by_letter.len(), 5);
    // In time.
    let id2 = plan(&admin, "15-01-2027");
    let c = mt.record_sent(id2, d(2027, 1, 1), false).unwrap();
    assert!(!c.late());
    // Once sent, the date stays and no statute change can be added.
    let moved = MeetingInput {
        date: "16-01-2027".into(),
        ..MeetingInput::from_meeting(&mt.get(id2).unwrap())
    };
    assert_eq!(
        field_error(mt.update(id2, &moved).unwrap_err()),
        ("date".into(), Reason::Closed)
    );
    assert_eq!(
        field_error(
            mt.add_item(id2, &decision_item("statuten", true))
                .unwrap_err()
        ),
        ("statute_change".into(), Reason::Closed)
    );
}

#[test]
fn proxies_respect_presence_voting_rights_and_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let n = register(&admin);
    let mt = admin.meetings();
    let id = plan(&admin, "23-11-2026");
    let err = |e: Error| field_error(e);

    // The holder must be present.
    assert_eq!(
        err(mt.give_proxy(id, n[1], n[0]).unwrap_err()),
        ("holder".into(), Reason::NotPresent)
    );
    mt.arrive(id, n[0], t(19, 25)).unwrap();
    mt.arrive(id, n[5], t(19, 26)).unwrap();
    assert_eq!(
        err(mt.arrive(id, n[0], t(19, 27)).unwrap_err()),
        ("member".into(), Reason::AlreadyPresent)
    );
    // Ended members cannot attend.
    assert_eq!(
        err(mt.arrive(id, n[6], t(19, 27)).unwrap_err()),
        ("member".into(), Reason::NoVotingRight)
    );
    // A suspended member can neither hold nor give a proxy.
    assert_eq!(
        err(mt.give_proxy(id, n[1], n[5]).unwrap_err()),
        ("holder".into(), Reason::NoVotingRight)
    );
    assert_eq!(
        err(mt.give_proxy(id, n[5], n[0]).unwrap_err()),
        ("giver".into(), Reason::NoVotingRight)
    );
    // A present member does not give a proxy.
    mt.arrive(id, n[2], t(19, 28)).unwrap();
    assert_eq!(
        err(mt.give_proxy(id, n[2], n[0]).unwrap_err()),
        ("giver".into(), Reason::AlreadyPresent)
    );
    mt.give_proxy(id, n[1], n[0]).unwrap();
    // The limit is one.
    assert_eq!(
        err(mt.give_proxy(id, n[3], n[0]).unwrap_err()),
        ("holder".into(), Reason::ProxyLimit(1))
    );
    // Power: Anna, Cor and Bram's proxy; the suspended member has no vote.
    let m = mt.get(id).unwrap();
    assert_eq!(kapstok_core::meetings::rules::voting_power(&m), 3);
    // When the holder leaves, the proxy leaves with them.
    let m = mt.depart(id, n[0], t(21, 0)).unwrap();
    assert_eq!(kapstok_core::meetings::rules::voting_power(&m), 1);
    let m = mt.arrive(id, n[0], t(21, 10)).unwrap();
    assert_eq!(kapstok_core::meetings::rules::voting_power(&m), 3);
    assert_eq!(m.presence.len(), 4, "the second arrival is its own entry");
    // Two proxies allowed.
    mt.set_rules(MeetingRules {
        max_proxies: 2,
        ..MeetingRules::default()
    })
    .unwrap();
    mt.give_proxy(id, n[3], n[0]).unwrap();
    // No proxies at all.
    mt.set_rules(MeetingRules {
        proxies_allowed: false,
        ..MeetingRules::default()
    })
    .unwrap();
    assert_eq!(
        err(mt.give_proxy(id, n[4], n[2]).unwrap_err()),
        ("holder".into(), Reason::ProxiesNotAllowed)
    );
}

#[test]
fn votes_are_bounded_by_the_power_present_and_follow_the_majority() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let n = register(&admin);
    let mt = admin.meetings();
    let id = plan(&admin, "23-11-2026");
    let info = mt
        .add_item(
            id,
            &ItemInput {
                title: "Mededelingen".into(),
                ..ItemInput::default()
            },
        )
        .unwrap();
    let budget = mt.add_item(id, &decision_item("begroting", false)).unwrap();
    let policy = mt
        .add_item(id, &decision_item("beleidsplan", false))
        .unwrap();
    let roll = mt.add_item(id, &decision_item("bestuur", false)).unwrap();
    for (i, who) in n[..4].iter().enumerate() {
        mt.arrive(id, *who, t(19, 20 + i as u32)).unwrap();
    }
    mt.give_proxy(id, n[4], n[0]).unwrap();
    // Power 5: four present, one proxy.
    assert_eq!(
        field_error(
            mt.vote_counts(id, budget, tally(3, 2, 1, 0), t(20, 0))
                .unwrap_err()
        ),
        ("votes".into(), Reason::MoreVotesThanPower(5))
    );
    assert!(mt
        .vote_counts(id, info, tally(1, 0, 0, 0), t(20, 0))
        .is_err());
    // A tie rejects.
    let tie = mt
        .vote_counts(id, budget, tally(2, 2, 0, 1), t(20, 0))
        .unwrap();
    assert!(!tie.adopted);
    assert_eq!(tie.why, Why::Tie);
    assert!(
        mt.vote_counts(id, budget, tally(3, 0, 0, 0), t(20, 1))
            .is_err(),
        "a vote is taken once"
    );
    // Blank votes are not cast: 2 for, 1 against, 2 blank adopts.
    let adopted = mt
        .vote_counts(id, policy, tally(2, 1, 0, 2), t(20, 5))
        .unwrap();
    assert!(adopted.adopted);
    // Roll call: the proxy holder votes for the giver; someone not present cannot vote.
    let absent = mt
        .vote_roll_call(id, roll, vec![(n[5], Choice::For)], t(20, 10))
        .unwrap_err();
    assert_eq!(field_error(absent), ("member".into(), Reason::NotPresent));
    let twice = mt
        .vote_roll_call(
            id,
            roll,
            vec![(n[0], Choice::For), (n[0], Choice::Against)],
            t(20, 10),
        )
        .unwrap_err();
    assert_eq!(field_error(twice), ("member".into(), Reason::Taken));
    let rc = mt
        .vote_roll_call(
            id,
            roll,
            vec![
                (n[0], Choice::For),
                (n[4], Choice::For),
                (n[1], Choice::Against),
                (n[2], Choice::Abstain),
            ],
            t(20, 10),
        )
        .unwrap();
    assert!(rc.adopted);
    assert_eq!(rc.tally, tally(2, 1, 1, 0));
    let m = mt.get(id).unwrap();
    let vote = m.agenda[roll].vote.as_ref().unwrap();
    assert_eq!(vote.power, 5);
    assert_eq!(vote.voting_members, 5);
}

#[test]
fn a_failed_quorum_leads_to_a_second_meeting_that_decides_regardless() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let n = register(&admin);
    let mt = admin.meetings();
    let id = plan(&admin, "23-11-2026");
    let item = mt
        .add_item(id, &decision_item("statutenwijziging", true))
        .unwrap();
    // 2 of 5 voting members present: under 2/3.
    mt.arrive(id, n[0], t(19, 30)).unwrap();
    mt.arrive(id, n[1], t(19, 30)).unwrap();
    let d1 = mt
        .vote_counts(id, item, tally(2, 0, 0, 0), t(20, 0))
        .unwrap();
    assert!(!d1.adopted);
    assert_eq!(
        d1.why,
        Why::NoQuorum {
            needed: kapstok_core::meetings::Fraction::new(2, 3),
            represented: 2,
            voting_members: 5
        }
    );
    // The second meeting must be after the first and within 4 weeks.
    assert_eq!(
        field_error(
            mt.plan_second(id, "22-12-2026", "19:30", "Kantoor")
                .unwrap_err()
        ),
        ("date".into(), Reason::After("second_meeting_days"))
    );
    let second = mt
        .plan_second(id, "14-12-2026", "19:30", "Kantoor")
        .unwrap();
    let m2 = mt.get(second).unwrap();
    assert_eq!(m2.kind, MeetingKind::Second { first: id });
    assert_eq!(m2.agenda.len(), 1);
    assert!(m2.agenda[0].statute_change && m2.agenda[0].vote.is_none());
    mt.arrive(second, n[0], t(19, 30)).unwrap();
    // 1 for of 1 cast: adopted, regardless of attendance.
    let d2 = mt
        .vote_counts(second, 0, tally(1, 0, 0, 0), t(20, 0))
        .unwrap();
    assert!(d2.adopted);

    // Nothing failed its quorum in the second meeting.
    assert!(mt.plan_second(second, "20-12-2026", "19:30", "x").is_err());
}

#[test]
fn decisions_minutes_and_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let n = register(&admin);
    let mt = admin.meetings();
    let spring = admin
        .meetings()
        .plan(&MeetingInput {
            kind: "voorjaar".into(),
            date: "16-06-2026".into(),
            time: "19:30".into(),
            place: "Kantoor".into(),
        })
        .unwrap();
    let report = mt
        .add_item(
            spring,
            &ItemInput {
                topic: "annual_report".into(),
                ..decision_item("Jaarverslag en jaarrekening 2025", false)
            },
        )
        .unwrap();
    mt.arrive(spring, n[0], t(19, 30)).unwrap();
    mt.arrive(spring, n[1], t(19, 30)).unwrap();
    mt.vote_counts(spring, report, tally(2, 0, 0, 0), t(20, 0))
        .unwrap();
    mt.set_minutes(spring, report, "Jaarverslag besproken en vastgesteld.")
        .unwrap();
    let autumn = plan(&admin, "23-11-2026");
    // Minutes are adopted at a later meeting only.
    assert_eq!(
        field_error(mt.adopt_minutes(autumn, spring).unwrap_err()),
        ("at_meeting".into(), Reason::Before("date"))
    );
    let m = mt.adopt_minutes(spring, autumn).unwrap();
    assert_eq!(m.minutes_adopted.unwrap().on, d(2026, 11, 23));
    assert_eq!(
        field_error(mt.set_minutes(spring, report, "anders").unwrap_err()),
        ("minutes".into(), Reason::Closed)
    );

    let all = mt.decisions("").unwrap();
    assert_eq!(all.len(), 1);
    assert!(all[0].decision.adopted);
    assert_eq!(mt.decisions("jaarrekening").unwrap().len(), 1);
    assert_eq!(mt.decisions("JAARREKENING 2025").unwrap().len(), 1);
    assert!(mt.decisions("begroting").unwrap().is_empty());

    // Reminders on 23-11-2026: the report was adopted; no audit committee; autumn planned.
    let r = mt.reminders().unwrap();
    assert_eq!(r[0].duty, Duty::AnnualReport);
    assert_eq!(r[0].standing, Standing::Done(spring));
    assert_eq!(r[1].duty, Duty::AuditCommittee);
    assert_eq!(r[1].standing, Standing::Open);
    assert_eq!(r[2].duty, Duty::AutumnMeeting);
    assert_eq!(r[2].standing, Standing::Planned(autumn));
}

#[test]
fn coordinators_read_volunteers_see_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    let id = plan(&admin, "15-12-2026");
    admin
        .users()
        .add("coord", Role::Coordinator, PASSWORD)
        .unwrap();
    admin
        .users()
        .add("vrijw", Role::Volunteer, PASSWORD)
        .unwrap();
    let coord = k.login("coord", PASSWORD).unwrap();
    assert_eq!(coord.meetings().list().unwrap().len(), 1);
    assert!(coord.meetings().get(id).is_ok());
    assert!(matches!(
        coord.meetings().plan(&MeetingInput::default()),
        Err(Error::Denied(Permission::MeetingsManage))
    ));
    assert!(matches!(
        coord.meetings().arrive(id, 1, NaiveTime::MIN),
        Err(Error::Denied(Permission::MeetingsManage))
    ));
    let vol = k.login("vrijw", PASSWORD).unwrap();
    assert!(matches!(
        coord.meetings().convocation(id),
        Err(Error::Denied(Permission::MeetingsManage))
    ));
    // The attendance sheet is a read of the meeting: coordinators may print it.
    assert!(coord.meetings().attendance_sheet(id).is_ok());
    assert!(matches!(
        vol.meetings().list(),
        Err(Error::Denied(Permission::MeetingsRead))
    ));
    assert!(matches!(
        vol.meetings().invitees(id),
        Err(Error::Denied(Permission::MembersRead))
    ));
}

#[test]
fn a_meeting_as_typed_is_checked_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let e = admin
        .meetings()
        .plan(&MeetingInput {
            kind: "zomer".into(),
            date: "31-02-2027".into(),
            time: "25:00".into(),
            place: String::new(),
        })
        .unwrap_err();
    let Error::Invalid(errors) = e else {
        panic!("expected field errors")
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, ["kind", "date", "time", "place"]);
    assert!(
        admin.meetings().list().unwrap().is_empty(),
        "nothing written"
    );
    let id = plan(&admin, "15-12-2026");
    let e = admin
        .meetings()
        .add_item(
            id,
            &ItemInput {
                title: "Begroting".into(),
                decision: true,
                ..ItemInput::default()
            },
        )
        .unwrap_err();
    assert_eq!(field_error(e), ("motion".into(), Reason::Required));
}

#[test]
fn the_demo_has_past_meetings_with_decisions_and_the_next_one_planned() {
    let dir = tempfile::tempdir().unwrap();
    let k = common::demo_store(dir.path());
    let admin = common::demo_admin(&k);
    let mt = admin.meetings();
    let all = mt.list().unwrap();
    assert_eq!(all.len(), 4);
    let (next_id, next) = mt.next().unwrap().expect("the next meeting is planned");
    assert_eq!(next.date(), d(2026, 12, 17));
    assert!(next.convocation.is_none() && next.agenda.len() >= 4);
    assert_eq!(mt.deadlines(next_id).unwrap().send_by, d(2026, 12, 3));
    // Past meetings: attendance, proxies, votes, minutes; one adopted at a later meeting.
    let held: Vec<_> = all.iter().filter(|(_, m)| m.held()).collect();
    assert_eq!(held.len(), 3);
    assert!(held
        .iter()
        .all(|(_, m)| m.convocation.as_ref().is_some_and(|c| !c.late())));
    assert!(held.iter().any(|(_, m)| !m.proxies.is_empty()));
    assert!(held.iter().any(|(_, m)| m.minutes_adopted.is_some()));
    let register = mt.decisions("").unwrap();
    assert!(register.iter().any(|d| d.decision.adopted));
    assert!(register.iter().any(|d| d.decision.why == Why::Tie));
    assert!(register
        .iter()
        .any(|d| matches!(d.decision.why, Why::NoQuorum { .. })));
    let second = all
        .iter()
        .find(|(_, m)| matches!(m.kind, MeetingKind::Second { .. }))
        .unwrap();
    assert!(second.1.agenda[0].vote.as_ref().unwrap().decision.adopted);
    // On 23-11-2026: the report adopted in June, the audit committee appointed, autumn planned.
    let r = mt.reminders().unwrap();
    assert!(matches!(r[0].standing, Standing::Done(_)), "{r:?}");
    assert!(matches!(r[1].standing, Standing::Done(_)), "{r:?}");
    assert_eq!(r[2].standing, Standing::Planned(next_id));
}
