//! A person's data: the export gathers every area, erasure removes the person everywhere (also
//! from sled's raw files after the rewrite) while anonymous counts survive, the retention list,
//! and the consent history taking effect in the next run.

mod common;

use chrono::NaiveDate;
use common::{
    add_user, agreement, at, copy_dir, d, detain, files_holding as files_containing, item,
    lelystad, meeting, new_store, signed, skill, slot, stay, time, today, ADMIN, PASSWORD,
};
use kapstok_core::basemail::service::{InstitutionInput, StayInput};
use kapstok_core::basemail::LeftOutReason;
use kapstok_core::common::{format_date, IsoWeek};
use kapstok_core::experts::{Conversation, Outcome};
use kapstok_core::meetings::{Channel, MeetingInput};
use kapstok_core::members::{ConsentKind, MemberInput, Status};
use kapstok_core::privacy::rewrite_store;
use kapstok_core::training::Source;
use kapstok_core::{Error, Permission, Reason, Role, Session};

/// Strings that only the person's data holds, to look for after erasure.
const SECRETS: [&str; 9] = [
    "Xandrijn",
    "Quibblewort",
    "Zilverreiger",
    "0612398765",
    "xq@voorbeeld.nl",
    "NotitieGeheim",
    "RG778899",
    "Afdeling Zwaluw",
    "GesprekGeheim",
];

fn person() -> MemberInput {
    MemberInput {
        given: "Xandrijn".into(),
        surname: "Quibblewort".into(),
        known_as: "Zilverreiger".into(),
        birth_date: format_date(d(1970, 11, 25)),
        phone: "0612398765".into(),
        email: "xq@voorbeeld.nl".into(),
        address_kind: "street".into(),
        street: "Keizersgracht".into(),
        house_number: "12".into(),
        postcode: "1015 CJ".into(),
        city: "Amsterdam".into(),
        joined: "01-01-2020".into(),
        consent_birthday_card: "01-02-2020".into(),
        consent_convocation_email: "01-02-2020".into(),
        notes: "NotitieGeheim".into(),
        ..MemberInput::default()
    }
}

/// A member with data in every area: a stay in prison with a posted card, an agreement with a
/// held review, a skill and a plan wish. Returns the member number.
fn everywhere(admin: &Session) -> u64 {
    let number = admin.members().create(&person()).unwrap().member.number;
    let bm = admin.basemail();
    let pi = bm
        .add_institution(&InstitutionInput {
            needs_registration_number: true,
            needs_unit: true,
            ..lelystad()
        })
        .unwrap();
    detain(
        admin,
        number,
        &StayInput {
            unit: "Afdeling Zwaluw".into(),
            registration_number: "RG778899".into(),
            ..stay(pi, d(2026, 10, 1))
        },
    );
    let week = IsoWeek::of(today());
    let run = bm.compose(week).unwrap();
    assert!(run
        .cards
        .iter()
        .any(|c| c.address.join(" ").contains("RG778899")));
    bm.post(week, today()).unwrap();

    let ex = admin.experts();
    let a = signed(admin, &agreement(number, "outreach"), d(2026, 6, 20));
    let review = ex.schedule(a, slot(at(today(), 10, 0), ADMIN)).unwrap();
    ex.record(
        review,
        today(),
        Conversation {
            work: "GesprekGeheim".into(),
            training_wishes: "WensGeheim".into(),
            ..Conversation::default()
        },
        Outcome::Stop,
    )
    .unwrap();
    let t = admin.training();
    let ehbo = t.save_skill(None, &skill("EHBO", "")).unwrap();
    t.add_held(number, ehbo, d(2025, 1, 1), Source::Experience)
        .unwrap();
    number
}

fn end_membership(admin: &Session, number: u64) {
    admin
        .members()
        .change_status(
            number,
            Status::Ended {
                reason: "verhuisd naar Quibblewort-oord".into(),
            },
            today(),
        )
        .unwrap();
}

fn pdf_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap()
}

#[test]
fn the_export_holds_every_area_as_json_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let number = everywhere(&admin);
    admin
        .members()
        .set_consent(number, ConsentKind::Magazine, Some(d(2026, 3, 1)))
        .unwrap();

    let json = admin.privacy().export_json(number).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(v["kapstok_person_export"], 1);
    assert_eq!(v["member"]["number"], number);
    assert_eq!(v["member"]["name"]["surname"], "Quibblewort");
    assert_eq!(v["member"]["notes"], "NotitieGeheim");
    let history = v["consent_history"].as_array().unwrap();
    assert_eq!(
        history.len(),
        3,
        "two consents at creation, one later: {history:?}"
    );
    assert_eq!(history[2]["kind"], "Magazine");
    assert_eq!(history[2]["by"], ADMIN);
    let stays = &v["basemail"]["recipients"][0]["stays"];
    assert_eq!(stays[0]["institution"], "PI Lelystad");
    assert_eq!(stays[0]["stay"]["registration_number"], "RG778899");
    let cards = v["basemail"]["cards"].as_array().unwrap();
    assert_eq!(cards.len(), 1);
    assert!(cards[0]["address"].to_string().contains("Afdeling Zwaluw"));
    assert!(cards[0]["posted"].is_string());
    assert_eq!(v["experts"]["agreements"].as_array().unwrap().len(), 1);
    assert_eq!(
        v["experts"]["reviews"][0]["conversation"]["work"],
        "GesprekGeheim"
    );
    assert_eq!(v["training"]["skills_held"][0]["skill_name"], "EHBO");
    assert_eq!(v["training"]["plan"][0]["wish"], "WensGeheim");
    let actions: Vec<&str> = v["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for want in [
        "member.create",
        "recipient.add",
        "stay.start",
        "agreement.create",
        "review.record",
        "plan.propose",
        "member.consent",
    ] {
        assert!(actions.contains(&want), "{want} in {actions:?}");
    }

    let text = pdf_text(&admin.privacy().export_pdf(number).unwrap());
    for want in [
        "Overzicht van uw gegevens",
        "Xandrijn Quibblewort",
        "PI Lelystad",
        "RG778899",
        "GesprekGeheim",
        "WensGeheim",
        "EHBO",
        "ledenblad gegeven",
        "Lidmaatschap",
        "Toestemmingen",
        "Scholing",
        "Logboek",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
    for english in [
        "Overview of your data",
        "Membership",
        "Consents",
        "given on",
    ] {
        assert!(
            !text.contains(english),
            "{english} in the Dutch summary: {text}"
        );
    }
    // In English: the English headings and words, the person's own data as it is, no Dutch.
    let text = pdf_text(
        &admin
            .privacy()
            .export_pdf_in(number, kapstok_text::Lang::En)
            .unwrap(),
    );
    for want in [
        "Overview of your data",
        "Member number",
        "Membership",
        "Consents",
        "Volunteering (expert by experience)",
        "Training",
        "Log (who did what with your data)",
        "Xandrijn Quibblewort",
        "PI Lelystad",
        "GesprekGeheim",
        "members' magazine given",
        "registration number RG778899",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
    for dutch in [
        "Overzicht van uw gegevens",
        "Lidnummer",
        "Lidmaatschap",
        "Toestemmingen",
        "Vrijwilligerswerk",
        "Scholing",
        "Logboek",
        "ledenblad",
        "gegeven",
        "registratienummer",
        "Geen gegevens",
    ] {
        assert!(
            !text.contains(dutch),
            "{dutch} in the English summary: {text}"
        );
    }
    let log = admin
        .audit_log()
        .entries(&kapstok_core::access::AuditFilter {
            record: Some(format!("member/{number}")),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        log.iter().filter(|e| e.action == "person.export").count(),
        3,
        "each export is logged (JSON, Dutch PDF, English PDF)"
    );
    assert!(matches!(
        admin.privacy().export(999),
        Err(Error::NotFound { id: 999, .. })
    ));
}

/// A meeting today with one decision item, the member present and voting by roll call, and
/// another member whose proxy they hold. Returns the meeting's id.
fn meeting_with(admin: &Session, number: u64) -> u64 {
    let other = admin
        .members()
        .create(&common::member("Piet", "", "Volmacht"))
        .unwrap()
        .member
        .number;
    let m = admin.meetings();
    let id = m
        .plan(&MeetingInput {
            time: "10:00".into(),
            ..meeting("extraordinary", &format_date(today()), "kantoor")
        })
        .unwrap();
    m.add_item(id, &item("Begroting", "De begroting vaststellen"))
        .unwrap();
    m.arrive(id, number, time(10, 5)).unwrap();
    m.give_proxy(id, other, number).unwrap();
    m.vote_roll_call(
        id,
        0,
        vec![
            (number, kapstok_core::meetings::Choice::For),
            (other, kapstok_core::meetings::Choice::For),
        ],
        time(10, 30),
    )
    .unwrap();
    id
}

#[test]
fn the_export_holds_the_general_meetings() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let number = admin.members().create(&person()).unwrap().member.number;
    let id = meeting_with(&admin, number);
    let data = admin.privacy().export(number).unwrap();
    assert_eq!(data.meetings.len(), 1);
    let part = &data.meetings[0];
    assert_eq!(part.id, id);
    assert_eq!(part.presence.len(), 1);
    assert_eq!(part.proxies_held, vec![number + 1]);
    assert_eq!(part.roll_call_votes.len(), 1);
    assert_eq!(part.roll_call_votes[0].0, "Begroting");
    let text = pdf_text(&admin.privacy().export_pdf(number).unwrap());
    assert!(text.contains("Algemene ledenvergaderingen"), "{text}");
    assert!(text.contains("volmacht van lid"), "{text}");
    assert!(text.contains("Begroting"), "{text}");
    let text = pdf_text(
        &admin
            .privacy()
            .export_pdf_in(number, kapstok_text::Lang::En)
            .unwrap(),
    );
    assert!(text.contains("General meetings"), "{text}");
    assert!(text.contains("proxy from member"), "{text}");
    assert!(!text.contains("volmacht"), "{text}");

    // Erased, the meeting keeps its counts: attendance and the vote stay.
    end_membership(&admin, number);
    admin.privacy().erase(number).unwrap();
    let m = admin.meetings().get(id).unwrap();
    assert_eq!(m.presence.len(), 1);
    assert!(m.agenda[0].vote.is_some());
}

#[test]
fn erasure_removes_the_person_everywhere_and_keeps_the_counts() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    let number = everywhere(&admin);
    let other = admin
        .members()
        .create(&common::member("Anna", "", "Blijft"))
        .unwrap()
        .member
        .number;
    assert!(
        matches!(admin.privacy().erase(number), Err(Error::Invalid(e)) if e[0].reason == Reason::StillMember),
        "a member is not erased while still a member"
    );
    end_membership(&admin, number);
    let stats_before = admin.basemail().stats(2026).unwrap();
    let before_members = admin.members().list().unwrap().len();

    let done = admin.privacy().erase(number).unwrap();
    assert_eq!(done.number, number);
    assert_eq!(done.cards, 1);
    assert!(done.audit_entries >= 1, "{done:?}");

    // Anonymous counts survive.
    assert_eq!(admin.basemail().stats(2026).unwrap(), stats_before);
    assert_eq!(admin.members().list().unwrap().len(), before_members);
    let m = admin.members().get(number).unwrap();
    assert_eq!(m.joined, d(2020, 1, 1));
    assert!(matches!(m.status(), Status::Ended { reason } if reason.is_empty()));
    assert_eq!(admin.members().get(other).unwrap().name.surname, "Blijft");
    let erasure = admin.privacy().erasure(number).unwrap().unwrap();
    assert_eq!((erasure.on, erasure.by.as_str()), (today(), ADMIN));

    // Nothing of the person in any export or record.
    let json = String::from_utf8(admin.privacy().export_json(number).unwrap()).unwrap();
    for secret in SECRETS
        .iter()
        .chain(["WensGeheim", "1015 CJ", "Keizersgracht"].iter())
    {
        assert!(!json.contains(secret), "{secret} still in {json}");
    }
    let csv = String::from_utf8(admin.members().export_csv().unwrap()).unwrap();
    assert!(!csv.contains("Quibblewort"));

    // Logged without the erased data; a second erasure and new data are refused.
    let log = admin
        .audit_log()
        .entries(&kapstok_core::access::AuditFilter {
            record: Some(format!("member/{number}")),
            ..Default::default()
        })
        .unwrap();
    let entry = log.iter().find(|e| e.action == "person.erase").unwrap();
    assert_eq!(entry.detail, "");
    assert!(log
        .iter()
        .all(|e| e.detail.is_empty() || e.action == "person.export"));
    // Asking again erases nothing more but makes the store's rewrite due again (it may never
    // have finished), logged as such.
    let again = admin.privacy().erase(number).unwrap();
    assert!(again.again);
    assert_eq!((again.records, again.cards, again.audit_entries), (0, 0, 0));
    assert!(kapstok_core::privacy::rewrite_due(&k).unwrap());
    let log = admin
        .audit_log()
        .entries(&kapstok_core::access::AuditFilter {
            record: Some(format!("member/{number}")),
            ..Default::default()
        })
        .unwrap();
    assert!(log.iter().any(|e| e.action == "person.rewrite"));
    assert!(matches!(
        admin.members().update(number, &person()),
        Err(Error::Invalid(e)) if e[0].reason == Reason::Erased
    ));
    assert!(admin.members().record_contact(number, today()).is_err());
    drop(k);
}

#[test]
fn after_the_rewrite_no_raw_file_holds_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let (k, admin) = new_store(dir.path());
    let number = everywhere(&admin);
    end_membership(&admin, number);
    for secret in SECRETS {
        assert!(
            !files_containing(&path, secret).is_empty(),
            "{secret} should be on disk before the erasure"
        );
    }
    admin.privacy().erase(number).unwrap();

    // The pitfall: sled is log-structured, the old versions are still in its files.
    let still = SECRETS
        .iter()
        .filter(|s| !files_containing(&path, s).is_empty())
        .count();
    assert!(
        still > 0,
        "sled keeps overwritten values in its log: the raw files still hold the person"
    );

    // Another handle keeps the store open: nothing happens, the session comes back.
    let (admin, refused) = rewrite_store(admin).unwrap();
    assert!(matches!(refused, Err(Error::Storage(_))));
    drop(k);
    let (admin, done) = rewrite_store(admin).unwrap();
    let done = done.unwrap();
    assert!(done.keys > 0 && done.trees >= 19, "{done:?}");
    for secret in SECRETS.iter().chain(["WensGeheim"].iter()) {
        let hits = files_containing(dir.path(), secret);
        assert!(hits.is_empty(), "{secret} still in {hits:?}");
    }
    // Beside the store only its lock file: no copy, no old folder, no marker (the rewrite
    // reopens the store under its lock, without a new daily backup).
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    left.sort();
    assert_eq!(
        left,
        vec!["store".to_string(), "store.lock".to_string()],
        "no old or partial copy left"
    );

    // The rewritten store holds everything else and takes new changes.
    assert_eq!(admin.user_name(), ADMIN);
    assert_eq!(admin.members().list().unwrap().len(), 1);
    assert_eq!(admin.basemail().stats(2026).unwrap().total, 1);
    assert_eq!(admin.training().skills().unwrap().len(), 1);
    let n = admin
        .members()
        .create(&common::member("Nieuw", "", "Lid"))
        .unwrap()
        .member
        .number;
    assert_eq!(n, number + 1, "the counters came along");
    drop(admin);
    let k = common::open(&path);
    k.login(ADMIN, PASSWORD).unwrap();
}

#[test]
fn a_rewrite_left_due_is_done_on_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let (k, admin) = new_store(dir.path());
        let number = everywhere(&admin);
        end_membership(&admin, number);
        admin.privacy().erase(number).unwrap();
        assert!(kapstok_core::privacy::rewrite_due(&k).unwrap());
    }
    assert!(kapstok_core::privacy::rewrite_pending(&path).unwrap());
    assert!(!kapstok_core::privacy::rewrite_pending(&path).unwrap());
    for secret in SECRETS {
        let hits = files_containing(dir.path(), secret);
        assert!(hits.is_empty(), "{secret} still in {hits:?}");
    }
    let k = common::open(&path);
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    assert_eq!(admin.basemail().stats(2026).unwrap().total, 1);
    assert!(!kapstok_core::privacy::rewrite_pending(&path).unwrap());
}

#[test]
fn an_interrupted_rewrite_is_repaired_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let (_k, admin) = new_store(dir.path());
        admin
            .members()
            .create(&common::member("Jan", "", "Poel"))
            .unwrap();
    }
    // A copy that never finished (no marker): thrown away, the store kept.
    let partial = dir.path().join("store.rewrite");
    std::fs::create_dir_all(&partial).unwrap();
    std::fs::write(partial.join("db"), b"half a copy").unwrap();
    let k = common::open(&path);
    assert!(!partial.exists());
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    assert_eq!(admin.members().list().unwrap().len(), 1);
    drop(admin);
    drop(k);

    // A finished copy (marker written), killed before the swap: the swap is finished.
    let copy = dir.path().join("store.rewrite");
    copy_dir(&path, &copy);
    std::fs::write(dir.path().join("store.rewrite-complete"), b"").unwrap();
    let k = common::open(&path);
    assert!(!copy.exists() && !dir.path().join("store.old").exists());
    assert!(!dir.path().join("store.rewrite-complete").exists());
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    assert_eq!(admin.members().list().unwrap()[0].name.surname, "Poel");
}

fn ended_member(admin: &Session, surname: &str, left: NaiveDate, deceased: bool) -> u64 {
    let number = admin
        .members()
        .create(&common::member("X", "", surname))
        .unwrap()
        .member
        .number;
    let status = if deceased {
        Status::Deceased
    } else {
        Status::Ended {
            reason: "opgezegd".into(),
        }
    };
    admin.members().change_status(number, status, left).unwrap();
    number
}

#[test]
fn retention_lists_ex_members_past_the_period_and_erases_them() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let long_ago = ended_member(&admin, "Lang", d(2024, 10, 1), false);
    let exactly = ended_member(&admin, "Precies", d(2024, 11, 23), true);
    let recent = ended_member(&admin, "Recent", d(2025, 1, 1), false);
    admin
        .members()
        .create(&common::member("Nog", "", "Actief"))
        .unwrap();
    let p = admin.privacy();
    assert_eq!(p.settings().unwrap().retention_months, 24);
    let due: Vec<u64> = p
        .retention()
        .unwrap()
        .iter()
        .map(|d| d.member.number)
        .collect();
    assert_eq!(due, vec![long_ago, exactly], "longest overdue first");
    assert_eq!(p.retention().unwrap()[0].due_since, d(2026, 10, 1));

    p.set_retention_months(12).unwrap();
    assert_eq!(p.retention().unwrap().len(), 3);
    assert!(
        matches!(p.set_retention_months(0), Err(Error::Invalid(e)) if e[0].field == "retention_months")
    );
    p.set_retention_months(24).unwrap();

    let erased = p.erase_due().unwrap();
    assert_eq!(
        erased.iter().map(|e| e.number).collect::<Vec<_>>(),
        vec![long_ago, exactly]
    );
    assert!(
        p.retention().unwrap().is_empty(),
        "erased ones leave the list"
    );
    assert_eq!(admin.members().get(long_ago).unwrap().name.surname, "");
    assert_eq!(admin.members().get(recent).unwrap().name.surname, "Recent");
}

#[test]
fn a_withdrawn_consent_takes_effect_in_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    // Born 25-11: a birthday in this week (the week of 23-11-2026).
    let number = admin.members().create(&person()).unwrap().member.number;
    let bm = admin.basemail();
    let week = IsoWeek::of(today());
    assert!(bm
        .compose(week)
        .unwrap()
        .cards
        .iter()
        .any(|c| c.name.contains("Quibblewort")));

    let m = admin
        .members()
        .set_consent(number, ConsentKind::BirthdayCard, None)
        .unwrap();
    assert_eq!(m.consents.birthday_card, None);
    let run = bm.compose(week).unwrap();
    assert!(run.cards.is_empty(), "{:?}", run.cards);
    assert!(run
        .left_out
        .iter()
        .any(|l| l.reason == LeftOutReason::NoConsent && l.name.contains("Quibblewort")));

    // The convocation reads `consents.convocation_email`: by e-mail before, by letter after.
    let meeting = admin
        .meetings()
        .plan(&meeting("extraordinary", "14-12-2026", "kantoor"))
        .unwrap();
    let channel = |admin: &Session| {
        admin
            .meetings()
            .invitees(meeting)
            .unwrap()
            .into_iter()
            .find(|i| i.member == number)
            .unwrap()
            .channel
    };
    assert!(matches!(channel(&admin), Channel::Email(e) if e == "xq@voorbeeld.nl"));
    let m = admin
        .members()
        .set_consent(number, ConsentKind::ConvocationEmail, None)
        .unwrap();
    assert_eq!(m.consents.convocation_email, None);
    assert!(matches!(channel(&admin), Channel::Letter(_)));

    let history = admin.members().consent_history(number).unwrap().events;
    let steps: Vec<(ConsentKind, bool, NaiveDate)> =
        history.iter().map(|e| (e.kind, e.given, e.on)).collect();
    assert_eq!(
        steps,
        vec![
            (ConsentKind::ConvocationEmail, true, d(2020, 2, 1)),
            (ConsentKind::BirthdayCard, true, d(2020, 2, 1)),
            (ConsentKind::BirthdayCard, false, today()),
            (ConsentKind::ConvocationEmail, false, today()),
        ]
    );
    assert!(history.iter().all(|e| e.by == ADMIN));

    // Given again, it is back in the run; a date in the future or before joining is refused.
    admin
        .members()
        .set_consent(number, ConsentKind::BirthdayCard, Some(today()))
        .unwrap();
    assert_eq!(bm.compose(week).unwrap().cards.len(), 1);
    assert!(matches!(
        admin.members().set_consent(number, ConsentKind::Magazine, Some(d(2027, 1, 1))),
        Err(Error::Invalid(e)) if e[0].field == "consent_magazine" && e[0].reason == Reason::InFuture
    ));
    assert!(matches!(
        admin.members().set_consent(number, ConsentKind::Magazine, Some(d(2019, 1, 1))),
        Err(Error::Invalid(e)) if e[0].reason == Reason::Before("joined")
    ));
    // Editing the member in the form records the change too.
    let mut input =
        kapstok_core::members::MemberInput::from_member(&admin.members().get(number).unwrap());
    input.consent_magazine = format_date(d(2026, 1, 5));
    admin.members().update(number, &input).unwrap();
    let last = admin
        .members()
        .consent_history(number)
        .unwrap()
        .events
        .pop()
        .unwrap();
    assert_eq!(
        (last.kind, last.given, last.on),
        (ConsentKind::Magazine, true, d(2026, 1, 5))
    );
}

#[test]
fn only_administrators_reach_a_persons_data() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    let number = admin.members().create(&person()).unwrap().member.number;
    add_user(&admin, Role::Coordinator, PASSWORD);
    add_user(&admin, Role::Volunteer, PASSWORD);
    for (user, denied) in [
        ("coordinator", Permission::MembersWrite),
        ("vrijwilliger", Permission::MembersWrite),
    ] {
        let s = k.login(user, PASSWORD).unwrap();
        let p = s.privacy();
        let is_denied = |e: Error| matches!(e, Error::Denied(p) if p == denied);
        assert!(is_denied(p.export(number).unwrap_err()));
        assert!(is_denied(p.export_json(number).unwrap_err()));
        assert!(is_denied(p.export_pdf(number).unwrap_err()));
        assert!(is_denied(p.erase(number).unwrap_err()));
        assert!(is_denied(p.retention().unwrap_err()));
        assert!(is_denied(p.erase_due().unwrap_err()));
        assert!(is_denied(p.settings().unwrap_err()));
        assert!(matches!(
            p.set_retention_months(12).unwrap_err(),
            Error::Denied(Permission::SettingsWrite)
        ));
        assert!(is_denied(
            s.members()
                .set_consent(number, ConsentKind::Magazine, None)
                .unwrap_err()
        ));
        let (_s, refused) = rewrite_store(s).unwrap();
        assert!(matches!(refused, Err(Error::Denied(_))));
    }
    let v = k.login("vrijwilliger", PASSWORD).unwrap();
    assert!(matches!(
        v.members().consent_history(number),
        Err(Error::Denied(Permission::MembersRead))
    ));
    assert!(matches!(
        v.privacy().erasure(number),
        Err(Error::Denied(Permission::MembersRead))
    ));
}

#[test]
fn an_encrypted_store_is_rewritten_after_an_erasure_and_stays_unlocked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let k = common::open(&path);
    k.encrypt_new("een lange wachtwoordzin voor de opslag")
        .unwrap();
    let admin = k.setup(ADMIN, PASSWORD).unwrap();
    let number = everywhere(&admin);
    end_membership(&admin, number);
    admin.privacy().erase(number).unwrap();
    drop(k);
    let (admin, done) = rewrite_store(admin).unwrap();
    done.unwrap();
    // The same session works on the rewritten store: the key came along.
    let m = admin.members().get(number).unwrap();
    assert!(m.name.full().trim().is_empty(), "{:?}", m.name);
    assert!(admin.experts().agreements().is_ok());
    for secret in SECRETS {
        assert!(files_containing(&path, secret).is_empty(), "{secret}");
    }
    // And it opens again later with a login.
    drop(admin);
    let k = common::open(&path);
    assert!(k.is_locked());
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    assert_eq!(admin.members().get(number).unwrap().number, number);
}
