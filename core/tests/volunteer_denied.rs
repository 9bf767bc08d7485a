//! A volunteer's session cannot reach member data through any core call: one test per public call
//! on the services that returns or changes member data (the member register, a person's data,
//! BaseMail's recipients and stays, experts' agreements and reviews, training plans, general
//! meetings, the year's figures and Today lists, users and the audit log), each expecting the permission error. Every call is made on records that exist,
//! so a missing check cannot hide behind "not found".
//!
//! By design a volunteer runs BaseMail: the week's run (the names and address snapshots on the
//! cards), its labels and run sheet, and the recipients' names to add a card by hand. The last
//! test checks that what the run shows holds nothing else of the register (no phone, e-mail,
//! notes or birth date).

mod common;

use common::{
    add_user, at, course, d, detain, item, lelystad, new_store, signed, skill, time, today,
    PASSWORD,
};
use kapstok_core::basemail::service::{RecipientInput, StayInput};
use kapstok_core::basemail::Who;
use kapstok_core::common::{format_date, IsoWeek};
use kapstok_core::experts::{AgreementInput, Conversation, Outcome, Slot};
use kapstok_core::members::{ConsentKind, MemberInput, Status};
use kapstok_core::privacy::rewrite_store;
use kapstok_core::training::{Source, Step};
use kapstok_core::{Error, Permission, Role, Session};

/// Ids of one record of each kind, made by the administrator.
#[allow(dead_code)]
struct Ids {
    member: u64,
    recipient: u64,
    stay: u64,
    institution: u64,
    agreement: u64,
    review: u64,
    plan: u64,
    meeting: u64,
}

fn person() -> MemberInput {
    MemberInput {
        given: "Geheime".into(),
        surname: "Persoon".into(),
        birth_date: format_date(d(1970, 11, 25)),
        phone: "0687654321".into(),
        email: "geheim@voorbeeld.nl".into(),
        notes: "NotitieVoorBeheer".into(),
        consent_birthday_card: "01-01-2020".into(),
        address_kind: "street".into(),
        street: "Damrak".into(),
        house_number: "1".into(),
        postcode: "1012 LG".into(),
        city: "Amsterdam".into(),
        joined: "01-01-2020".into(),
        ..MemberInput::default()
    }
}

fn fixture() -> (tempfile::TempDir, Session, Ids) {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    add_user(&admin, Role::Volunteer, PASSWORD);
    let member = admin.members().create(&person()).unwrap().member.number;
    let bm = admin.basemail();
    let institution = bm.add_institution(&lelystad()).unwrap();
    let (recipient, stay) = detain(
        &admin,
        member,
        &StayInput {
            unit: String::new(),
            ..common::stay(institution, d(2026, 10, 1))
        },
    );
    bm.compose(IsoWeek::of(today())).unwrap();
    let agreement = signed(
        &admin,
        &common::agreement(member, "outreach"),
        d(2026, 6, 20),
    );
    let review = admin.experts().schedule(agreement, slot()).unwrap();
    let t = admin.training();
    t.save_skill(None, &skill("EHBO", "")).unwrap();
    t.save_course(None, &course("EHBO-cursus", "", "EHBO", "8", "90", ""))
        .unwrap();
    let plan = t.propose(member, None, "een wens", today()).unwrap();
    let meeting = admin
        .meetings()
        .plan(&kapstok_core::meetings::MeetingInput {
            time: "10:00".into(),
            ..common::meeting("extraordinary", &format_date(today()), "kantoor")
        })
        .unwrap();
    admin
        .meetings()
        .add_item(meeting, &item("Begroting", "Vaststellen"))
        .unwrap();
    admin
        .meetings()
        .arrive(meeting, member, time(10, 5))
        .unwrap();
    let volunteer = k.login("vrijwilliger", PASSWORD).unwrap();
    (
        dir,
        volunteer,
        Ids {
            member,
            recipient,
            stay,
            institution,
            agreement,
            review,
            plan,
            meeting,
        },
    )
}

fn slot() -> Slot {
    common::slot(at(d(2026, 11, 24), 10, 0), common::ADMIN)
}

#[track_caller]
fn denied<T: std::fmt::Debug>(result: kapstok_core::Result<T>, permission: Permission) {
    match result {
        Err(Error::Denied(p)) => assert_eq!(p, permission),
        other => panic!("expected Denied({permission:?}), got {other:?}"),
    }
}

macro_rules! volunteer_denied {
    ($($name:ident: |$v:ident, $ids:ident| $call:expr => $perm:ident;)*) => {
        $(
            #[test]
            fn $name() {
                let (_dir, $v, $ids) = fixture();
                let _ = &$ids;
                denied($call, Permission::$perm);
            }
        )*
    };
}

volunteer_denied! {
    members_list: |v, ids| v.members().list() => MembersRead;
    members_get: |v, ids| v.members().get(ids.member) => MembersRead;
    members_search: |v, ids| v.members().search("persoon") => MembersRead;
    members_check: |v, ids| v.members().check(&person(), Some(ids.member)) => MembersWrite;
    members_create: |v, ids| v.members().create(&person()) => MembersWrite;
    members_update: |v, ids| v.members().update(ids.member, &person()) => MembersWrite;
    members_change_status: |v, ids| v.members().change_status(ids.member, Status::Deceased, today()) => MembersWrite;
    members_record_contact: |v, ids| v.members().record_contact(ids.member, today()) => MembersWrite;
    members_out_of_sight: |v, ids| v.members().out_of_sight() => MembersRead;
    members_out_of_sight_in: |v, ids| v.members().out_of_sight_in(&[]) => MembersRead;
    members_names: |v, ids| v.members().names(&[ids.member]) => MembersRead;
    members_import_csv: |v, ids| v.members().import_csv(b"surname;joined\nX;01-01-2020\n", true) => MembersWrite;
    members_export_csv: |v, ids| v.members().export_csv() => MembersExport;
    members_set_consent: |v, ids| v.members().set_consent(ids.member, ConsentKind::BirthdayCard, None) => MembersWrite;
    members_consent_history: |v, ids| v.members().consent_history(ids.member) => MembersRead;

    privacy_export: |v, ids| v.privacy().export(ids.member) => MembersWrite;
    privacy_export_json: |v, ids| v.privacy().export_json(ids.member) => MembersWrite;
    privacy_export_pdf: |v, ids| v.privacy().export_pdf(ids.member) => MembersWrite;
    privacy_erase: |v, ids| v.privacy().erase(ids.member) => MembersWrite;
    privacy_retention: |v, ids| v.privacy().retention() => MembersWrite;
    privacy_retention_in: |v, ids| v.privacy().retention_in(&[]) => MembersWrite;
    privacy_erase_due: |v, ids| v.privacy().erase_due() => MembersWrite;
    privacy_erasure: |v, ids| v.privacy().erasure(ids.member) => MembersRead;
    privacy_rewrite_store: |v, ids| rewrite_store(v).unwrap().1 => MembersWrite;

    basemail_recipients: |v, ids| v.basemail().recipients() => BaseMailManage;
    basemail_add_recipient: |v, ids| v.basemail().add_recipient(&RecipientInput { member: ids.member.to_string(), ..RecipientInput::default() }) => BaseMailManage;
    basemail_update_recipient: |v, ids| v.basemail().update_recipient(ids.recipient, &RecipientInput { member: ids.member.to_string(), ..RecipientInput::default() }) => BaseMailManage;
    basemail_recipient_for_member: |v, ids| v.basemail().recipient_for_member(ids.member) => BaseMailManage;
    basemail_set_ill: |v, ids| v.basemail().set_ill(ids.recipient, Some(today())) => BaseMailManage;
    basemail_stays: |v, ids| v.basemail().stays(ids.recipient) => BaseMailManage;
    basemail_start_stay: |v, ids| v.basemail().start_stay(ids.recipient, &StayInput { institution: ids.institution, from: "01-11-2026".into(), ..StayInput::default() }) => BaseMailManage;
    basemail_move_to: |v, ids| v.basemail().move_to(ids.recipient, &StayInput { institution: ids.institution, from: "01-11-2026".into(), ..StayInput::default() }) => BaseMailManage;
    basemail_end_stay: |v, ids| v.basemail().end_stay(ids.stay, today()) => BaseMailManage;
    basemail_confirm_stay: |v, ids| v.basemail().confirm_stay(ids.stay, today(), None) => BaseMailManage;
    basemail_checked: |v, ids| v.basemail().checked(ids.stay) => BaseMailManage;

    experts_agreements: |v, ids| v.experts().agreements() => ExpertsManage;
    experts_agreement: |v, ids| v.experts().agreement(ids.agreement) => ExpertsManage;
    experts_create: |v, ids| v.experts().create(&AgreementInput { expert: ids.member.to_string(), ..AgreementInput::default() }) => ExpertsManage;
    experts_update: |v, ids| v.experts().update(ids.agreement, &AgreementInput::default()) => ExpertsManage;
    experts_check: |v, ids| v.experts().check(&AgreementInput::default(), None) => ExpertsManage;
    experts_sign: |v, ids| v.experts().sign(ids.agreement, today()) => ExpertsManage;
    experts_end: |v, ids| v.experts().end(ids.agreement, today(), None) => ExpertsManage;
    experts_due: |v, ids| v.experts().due() => ExpertsManage;
    experts_reviews: |v, ids| v.experts().reviews() => ExpertsManage;
    experts_staff: |v, ids| v.experts().staff() => ExpertsManage;
    experts_suggest: |v, ids| v.experts().suggest(ids.agreement, slot().start, 60, common::ADMIN, 3) => ExpertsManage;
    experts_schedule: |v, ids| v.experts().schedule(ids.agreement, slot()) => ExpertsManage;
    experts_reschedule: |v, ids| v.experts().reschedule(ids.review, slot()) => ExpertsManage;
    experts_cancel: |v, ids| v.experts().cancel(ids.review) => ExpertsManage;
    experts_no_show: |v, ids| v.experts().no_show(ids.review) => ExpertsManage;
    experts_record: |v, ids| v.experts().record(ids.review, today(), Conversation::default(), Outcome::Stop) => ExpertsManage;
    experts_agreement_pdf: |v, ids| v.experts().agreement_pdf(ids.agreement) => ExpertsManage;
    experts_ics: |v, ids| v.experts().ics() => ExpertsManage;

    training_held: |v, ids| v.training().held(ids.member) => ExpertsManage;
    training_add_held: |v, ids| v.training().add_held(ids.member, 1, today(), Source::Experience) => ExpertsManage;
    training_current_agreement: |v, ids| v.training().current_agreement(ids.member) => ExpertsManage;
    training_gap: |v, ids| v.training().gap(ids.member) => ExpertsManage;
    training_plan: |v, ids| v.training().plan(ids.member) => ExpertsManage;
    training_propose: |v, ids| v.training().propose(ids.member, None, "x", today()) => ExpertsManage;
    training_choose_course: |v, ids| v.training().choose_course(ids.plan, 1) => ExpertsManage;
    training_advance: |v, ids| v.training().advance(ids.plan, Step::Cancel, today()) => ExpertsManage;
    training_plan_pdf: |v, ids| v.training().plan_pdf(ids.member, today()) => ExpertsManage;
    training_coverage: |v, ids| v.training().coverage() => ExpertsManage;

    meetings_list: |v, ids| v.meetings().list() => MeetingsRead;
    meetings_rules: |v, ids| v.meetings().rules() => MeetingsRead;
    meetings_get: |v, ids| v.meetings().get(ids.meeting) => MeetingsRead;
    meetings_next: |v, ids| v.meetings().next() => MeetingsRead;
    meetings_invitees: |v, ids| v.meetings().invitees(ids.meeting) => MembersRead;
    meetings_names: |v, ids| v.meetings().names(&[ids.member]) => MembersRead;
    meetings_convocation: |v, ids| v.meetings().convocation(ids.meeting) => MeetingsManage;
    meetings_arrive: |v, ids| v.meetings().arrive(ids.meeting, ids.member, chrono::NaiveTime::from_hms_opt(11, 0, 0).unwrap()) => MeetingsManage;
    meetings_depart: |v, ids| v.meetings().depart(ids.meeting, ids.member, chrono::NaiveTime::from_hms_opt(11, 0, 0).unwrap()) => MeetingsManage;
    meetings_give_proxy: |v, ids| v.meetings().give_proxy(ids.meeting, ids.member, ids.member) => MeetingsManage;
    meetings_vote_roll_call: |v, ids| v.meetings().vote_roll_call(ids.meeting, 0, vec![(ids.member, kapstok_core::meetings::Choice::For)], chrono::NaiveTime::from_hms_opt(11, 0, 0).unwrap()) => MeetingsManage;
    meetings_attendance_sheet: |v, ids| v.meetings().attendance_sheet(ids.meeting) => MeetingsRead;
    meetings_decisions: |v, ids| v.meetings().decisions("") => MeetingsRead;

    report_year: |v, ids| v.report().year(2026) => MembersRead;
    report_year_pdf: |v, ids| v.report().year_pdf(2026) => MembersRead;
    report_admin_today: |v, ids| v.report().admin_today() => MeetingsManage;
    report_admin_today_in: |v, ids| v.report().admin_today_in(&[]) => MeetingsManage;
    report_coordinator_today: |v, ids| v.report().coordinator_today() => ExpertsManage;

    users_list: |v, ids| v.users().list() => UsersManage;
    audit_entries: |v, ids| v.audit_log().entries(&Default::default()) => AuditRead;
    audit_newest: |v, ids| v.audit_log().newest(&Default::default(), 10) => AuditRead;
}

#[test]
fn what_a_volunteer_does_see_holds_nothing_else_of_the_register() {
    let (_dir, v, ids) = fixture();
    let bm = v.basemail();
    let week = IsoWeek::of(today());
    let run = bm.compose(week).unwrap();
    assert!(run.cards.iter().any(|c| c.who == Who::Member(ids.member)));
    let shown = format!(
        "{:?} {:?} {:?} {:?}",
        bm.runs().unwrap(),
        bm.recipient_names().unwrap(),
        bm.stats(2026).unwrap(),
        bm.institutions().unwrap()
    );
    assert!(shown.contains("Persoon"), "the card names its recipient");
    for secret in [
        "0687654321",
        "geheim@voorbeeld.nl",
        "NotitieVoorBeheer",
        "1970",
        "een wens",
    ] {
        assert!(!shown.contains(secret), "{secret} in what a volunteer sees");
    }
}
