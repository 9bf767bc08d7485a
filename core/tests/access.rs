//! Integration tests of access: setup, login, user names, the permission gate on every member
//! call, and the audit log (one entry per changed record, no personal data in it).

mod common;

use common::{d, fields, member, new_store, today, with_roles, ADMIN, PASSWORD};
use kapstok_core::access::{AuditEntry, AuditFilter};
use kapstok_core::members::{MemberInput, Status};
use kapstok_core::settings::Settings;
use kapstok_core::{Error, FieldError, Permission, Reason, Role, Session};

const COORDINATOR_PASSWORD: &str = "coordinator-pass";
const VOLUNTEER_PASSWORD: &str = "volunteer-pass";

#[test]
fn setup_is_refused_on_a_store_that_has_users() {
    let dir = tempfile::tempdir().unwrap();
    let (k, _admin) = new_store(dir.path());
    assert!(!k.needs_setup().unwrap());
    assert!(matches!(
        k.setup("tweede", "een-ander-wachtwoord"),
        Err(Error::NotEmpty)
    ));
    // The refused setup made no user: the new name cannot log in, the first one still can.
    assert!(matches!(
        k.login("tweede", "een-ander-wachtwoord"),
        Err(Error::BadLogin)
    ));
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    assert_eq!(admin.users().list().unwrap().len(), 1);
}

#[test]
fn a_failed_setup_leaves_the_store_waiting_for_setup() {
    let dir = tempfile::tempdir().unwrap();
    let k = common::open(&dir.path().join("store"));
    assert!(k.needs_setup().unwrap());
    assert!(matches!(k.setup("beheer", "kort"), Err(Error::Invalid(_))));
    assert!(k.needs_setup().unwrap());
    let admin = k.setup(" Beheer ", PASSWORD).unwrap();
    assert_eq!(admin.user_name(), "beheer");
    assert_eq!(admin.role(), Role::Administrator);
}

#[test]
fn a_wrong_password_and_an_unknown_user_look_alike() {
    let dir = tempfile::tempdir().unwrap();
    let (k, _admin) = new_store(dir.path());
    let wrong = k.login(ADMIN, "verkeerd-wachtwoord").unwrap_err();
    let unknown = k.login("niemand", PASSWORD).unwrap_err();
    assert!(matches!(wrong, Error::BadLogin), "{wrong:?}");
    assert!(matches!(unknown, Error::BadLogin), "{unknown:?}");
    assert_eq!(wrong.to_string(), unknown.to_string());
    assert!(matches!(k.login(ADMIN, ""), Err(Error::BadLogin)));
    assert!(matches!(k.login("", ""), Err(Error::BadLogin)));
    // The name is not case sensitive, the password is.
    assert!(matches!(
        k.login(ADMIN, &PASSWORD.to_uppercase()),
        Err(Error::BadLogin)
    ));
    let s = k.login(" BEHEER ", PASSWORD).unwrap();
    assert_eq!(s.user_name(), "beheer");
}

#[test]
fn user_name_rules() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    let users = admin.users();

    let e = fields(users.add("  ", Role::Volunteer, "lang-genoeg").unwrap_err());
    assert_eq!(e, [FieldError::new("user", Reason::Required)]);
    let e = fields(
        users
            .add(&"a".repeat(33), Role::Volunteer, "lang-genoeg")
            .unwrap_err(),
    );
    assert_eq!(e, [FieldError::new("user", Reason::TooLong(32))]);
    for bad in ["jan smit", "zoë", "jan@kantoor", "a/b"] {
        let e = fields(users.add(bad, Role::Volunteer, "lang-genoeg").unwrap_err());
        assert_eq!(e.len(), 1, "{bad}: {e:?}");
        assert_eq!(e[0].field, "user", "{bad}");
        assert_eq!(e[0].reason, Reason::BadUserName, "{bad}");
    }
    // Both fields wrong: both reported.
    let e = fields(users.add("", Role::Volunteer, "kort").unwrap_err());
    let named: Vec<&str> = e.iter().map(|f| f.field).collect();
    assert_eq!(named, ["user", "password"]);
    // Seven characters is too short, eight is enough.
    let e = fields(users.add("jan", Role::Volunteer, "1234567").unwrap_err());
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].field, "password");
    // A taken name is refused, whatever its case.
    let e = fields(
        users
            .add("BEHEER", Role::Volunteer, "lang-genoeg")
            .unwrap_err(),
    );
    assert_eq!(e, [FieldError::new("user", Reason::Taken)]);
    assert_eq!(users.list().unwrap().len(), 1, "no refused user was stored");

    let id = users
        .add(&"j.de-vries_2".repeat(2), Role::Volunteer, "12345678")
        .unwrap();
    assert_eq!(id, 2);
    let s = k.login("J.DE-VRIES_2j.de-vries_2", "12345678").unwrap();
    assert_eq!(s.role(), Role::Volunteer);
    let list = users.list().unwrap();
    assert_eq!(list[1].1.name, "j.de-vries_2j.de-vries_2");
    assert!(
        !list[1].1.password_hash.contains("12345678"),
        "the password is hashed"
    );
}

#[test]
fn passwords_change_for_oneself_and_by_administrators() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    let vid = admin
        .users()
        .add("vrijwilliger", Role::Volunteer, VOLUNTEER_PASSWORD)
        .unwrap();
    let volunteer = k.login("vrijwilliger", VOLUNTEER_PASSWORD).unwrap();
    // A volunteer may change their own password, not someone else's.
    assert!(matches!(
        volunteer.users().set_password(1, "overgenomen!"),
        Err(Error::Denied(Permission::UsersManage))
    ));
    volunteer
        .users()
        .set_password(vid, "nieuw-wachtwoord")
        .unwrap();
    assert!(matches!(
        k.login("vrijwilliger", VOLUNTEER_PASSWORD),
        Err(Error::BadLogin)
    ));
    k.login("vrijwilliger", "nieuw-wachtwoord").unwrap();
    k.login(ADMIN, PASSWORD).unwrap();
    assert!(matches!(
        admin.users().set_password(99, "wie-is-dit"),
        Err(Error::NotFound {
            kind: "user",
            id: 99
        })
    ));
}

/// A store with an administrator, a coordinator, a volunteer and one member (number 1).
fn three_roles(dir: &std::path::Path) -> (Session, Session, Session) {
    let (k, admin) = new_store(dir);
    let [admin, coordinator, volunteer] = with_roles(&k, &admin);
    let mut input = member("Jan", "van der", "Poel");
    input.last_contact = "01-03-2024".into();
    admin.members().create(&input).unwrap();
    (admin, coordinator, volunteer)
}

const CSV: &[u8] = b"surname;joined\nKok;01-01-2025\n";

/// Every member call that writes, with the permission it needs.
fn member_writes(s: &Session) -> Vec<(&'static str, Result<(), Error>)> {
    let m = s.members();
    let input = member("Anna", "", "Kok");
    vec![
        ("check", m.check(&input, None).map(drop)),
        ("create", m.create(&input).map(drop)),
        ("update", m.update(1, &input).map(drop)),
        (
            "change_status",
            m.change_status(1, Status::Suspended, today()).map(drop),
        ),
        ("record_contact", m.record_contact(1, today()).map(drop)),
        ("import_csv", m.import_csv(CSV, false).map(drop)),
        ("import_csv dry run", m.import_csv(CSV, true).map(drop)),
    ]
}

/// Every member call that reads.
fn member_reads(s: &Session) -> Vec<(&'static str, Result<(), Error>)> {
    let m = s.members();
    vec![
        ("list", m.list().map(drop)),
        ("get", m.get(1).map(drop)),
        ("search", m.search("poel").map(drop)),
        ("out_of_sight", m.out_of_sight().map(drop)),
    ]
}

fn audit(admin: &Session) -> Vec<AuditEntry> {
    admin.audit_log().entries(&AuditFilter::default()).unwrap()
}

#[test]
fn a_volunteer_is_refused_every_member_call() {
    let dir = tempfile::tempdir().unwrap();
    let (admin, _coordinator, volunteer) = three_roles(dir.path());
    let before = audit(&admin);
    let member_before = admin.members().get(1).unwrap();

    for (call, result) in member_reads(&volunteer) {
        assert!(
            matches!(result, Err(Error::Denied(Permission::MembersRead))),
            "{call}: {result:?}"
        );
    }
    for (call, result) in member_writes(&volunteer) {
        assert!(
            matches!(result, Err(Error::Denied(Permission::MembersWrite))),
            "{call}: {result:?}"
        );
    }
    assert!(matches!(
        volunteer.audit_log().entries(&AuditFilter::default()),
        Err(Error::Denied(Permission::AuditRead))
    ));
    assert!(matches!(
        volunteer.users().list(),
        Err(Error::Denied(Permission::UsersManage))
    ));
    assert!(matches!(
        volunteer
            .users()
            .add("stiekem", Role::Administrator, "stiekem-wachtwoord"),
        Err(Error::Denied(Permission::UsersManage))
    ));
    assert!(matches!(
        volunteer.set_settings(&Settings {
            out_of_sight_weeks: 2,
            ..Settings::default()
        }),
        Err(Error::Denied(Permission::SettingsWrite))
    ));
    for p in [
        Permission::MembersRead,
        Permission::MembersWrite,
        Permission::UsersManage,
        Permission::AuditRead,
        Permission::SettingsWrite,
    ] {
        assert!(!volunteer.can(p), "{p:?}");
    }

    assert_eq!(audit(&admin), before, "a refused call leaves no trace");
    assert_eq!(admin.members().list().unwrap().len(), 1);
    assert_eq!(admin.members().get(1).unwrap(), member_before);
    assert_eq!(admin.users().list().unwrap().len(), 3);
    assert_eq!(admin.settings().unwrap(), Settings::default());
}

#[test]
fn a_coordinator_reads_but_does_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let (admin, coordinator, _volunteer) = three_roles(dir.path());
    let member_before = admin.members().get(1).unwrap();

    for (call, result) in member_reads(&coordinator) {
        assert!(result.is_ok(), "{call}: {result:?}");
    }
    assert_eq!(coordinator.members().search("poel").unwrap().len(), 1);
    assert_eq!(coordinator.members().get(1).unwrap(), member_before);
    // Reading is member by member: the whole register as one file is the administrator's.
    assert!(matches!(
        coordinator.members().export_csv(),
        Err(Error::Denied(Permission::MembersExport))
    ));
    let export = admin.members().export_csv().unwrap();
    assert!(String::from_utf8(export).unwrap().contains(";Poel;"));

    let audit_before = audit(&admin);
    for (call, result) in member_writes(&coordinator) {
        assert!(
            matches!(result, Err(Error::Denied(Permission::MembersWrite))),
            "{call}: {result:?}"
        );
    }
    assert!(matches!(
        coordinator.audit_log().entries(&AuditFilter::default()),
        Err(Error::Denied(Permission::AuditRead))
    ));
    assert!(matches!(
        coordinator.set_settings(&Settings {
            out_of_sight_weeks: 2,
            ..Settings::default()
        }),
        Err(Error::Denied(Permission::SettingsWrite))
    ));
    assert!(matches!(
        coordinator.users().list(),
        Err(Error::Denied(Permission::UsersManage))
    ));
    assert_eq!(coordinator.settings().unwrap(), Settings::default());
    assert_eq!(audit(&admin), audit_before);
    assert_eq!(admin.members().get(1).unwrap(), member_before);
    assert_eq!(admin.members().list().unwrap().len(), 1);
}

/// Personal data used in the audit test; none of it may appear in the audit log.
const PERSONAL: &[&str] = &[
    "Zwanenburg",
    "Zwaantje",
    "Gijsbrecht",
    "zwaan@example.nl",
    "06-98765432",
    "Nieuwmarkt",
    "verhuisd naar Zwolle",
    "Houdt van katten",
    "Kastanjeboom",
    "Ooievaar",
    "1970",
];

/// The entries added since `before`, as (user, action, record, detail).
fn added(admin: &Session, before: &mut usize) -> Vec<(String, String, String, String)> {
    let all = audit(admin);
    let new: Vec<_> = all[*before..]
        .iter()
        .map(|e| {
            (
                e.user_name.clone(),
                e.action.clone(),
                e.record.clone(),
                e.detail.clone(),
            )
        })
        .collect();
    *before = all.len();
    new
}

fn entry(user: &str, action: &str, record: &str, detail: &str) -> (String, String, String, String) {
    (user.into(), action.into(), record.into(), detail.into())
}

#[test]
fn every_change_writes_one_audit_entry_without_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    let mut seen = 0;
    assert_eq!(
        added(&admin, &mut seen),
        [entry(ADMIN, "user.setup", "user/1", "administrator")]
    );

    let input = MemberInput {
        given: "Gijsbrecht".into(),
        prefix: "van".into(),
        surname: "Zwanenburg".into(),
        known_as: "Zwaantje".into(),
        birth_date: "12-05-1970".into(),
        address_kind: "street".into(),
        street: "Nieuwmarkt".into(),
        house_number: "4".into(),
        postcode: "1012 CR".into(),
        city: "Amsterdam".into(),
        joined: "01-03-2024".into(),
        notes: "Houdt van katten".into(),
        ..MemberInput::default()
    };
    let saved = admin.members().create(&input).unwrap();
    assert_eq!(saved.member.number, 1);
    assert_eq!(
        added(&admin, &mut seen),
        [entry(ADMIN, "member.create", "member/1", "")]
    );

    let mut changed = input.clone();
    changed.email = "zwaan@example.nl".into();
    changed.phone = "06-98765432".into();
    admin.members().update(1, &changed).unwrap();
    assert_eq!(
        added(&admin, &mut seen),
        [entry(ADMIN, "member.update", "member/1", "phone,email")]
    );

    // Saving without a change, or with a refused change, writes nothing.
    admin.members().update(1, &changed).unwrap();
    let mut bad = changed.clone();
    bad.postcode = "0000 XX".into();
    assert!(admin.members().update(1, &bad).is_err());
    assert!(admin.members().create(&bad).is_err());
    assert_eq!(added(&admin, &mut seen), []);

    admin
        .members()
        .change_status(1, Status::Suspended, d(2025, 1, 1))
        .unwrap();
    admin
        .members()
        .change_status(
            1,
            Status::Ended {
                reason: "verhuisd naar Zwolle".into(),
            },
            d(2026, 1, 1),
        )
        .unwrap();
    assert_eq!(
        added(&admin, &mut seen),
        [
            entry(ADMIN, "member.status", "member/1", "suspended"),
            entry(ADMIN, "member.status", "member/1", "ended"),
        ]
    );

    admin.members().record_contact(1, d(2026, 2, 1)).unwrap();
    admin.members().record_contact(1, d(2026, 1, 15)).unwrap(); // older: no change
    assert_eq!(
        added(&admin, &mut seen),
        [entry(ADMIN, "member.contact", "member/1", "last_contact")]
    );

    let csv = "surname;given;known_as;joined\n\
               Kastanjeboom;Els;;01-01-2025\n\
               Ooievaar;Piet;de Dokter;02-01-2025\n";
    admin.members().import_csv(csv.as_bytes(), true).unwrap();
    assert_eq!(added(&admin, &mut seen), [], "a dry run writes nothing");
    let bad_csv = format!("{csv}Kok;Anna;;31-02-2025\n");
    assert!(admin
        .members()
        .import_csv(bad_csv.as_bytes(), false)
        .is_err());
    assert_eq!(
        added(&admin, &mut seen),
        [],
        "a refused import writes nothing"
    );
    admin.members().import_csv(csv.as_bytes(), false).unwrap();
    assert_eq!(
        added(&admin, &mut seen),
        [
            entry(ADMIN, "member.import", "member/2", ""),
            entry(ADMIN, "member.import", "member/3", ""),
        ]
    );

    admin
        .set_settings(&Settings {
            out_of_sight_weeks: 8,
            ..Settings::default()
        })
        .unwrap();
    assert!(admin
        .set_settings(&Settings {
            out_of_sight_weeks: 0,
            ..Settings::default()
        })
        .is_err());
    let cid = admin
        .users()
        .add("coordinator", Role::Coordinator, COORDINATOR_PASSWORD)
        .unwrap();
    admin
        .users()
        .set_password(cid, "een-nieuw-wachtwoord")
        .unwrap();
    assert_eq!(
        added(&admin, &mut seen),
        [
            entry(ADMIN, "settings.change", "settings", ""),
            entry(ADMIN, "user.add", "user/2", "coordinator"),
            entry(ADMIN, "user.password", "user/2", ""),
        ]
    );

    // An export is recorded with who made it (it carries the whole register out of the office).
    // A refused export (the coordinator's) is not.
    let coordinator = k.login("coordinator", "een-nieuw-wachtwoord").unwrap();
    assert!(coordinator.members().export_csv().is_err());
    assert_eq!(added(&admin, &mut seen), []);
    coordinator
        .users()
        .set_password(cid, "nog-een-nieuw-wachtwoord")
        .unwrap();
    assert_eq!(
        added(&admin, &mut seen),
        [entry("coordinator", "user.password", "user/2", "")]
    );
    admin.members().export_csv().unwrap();
    assert_eq!(
        added(&admin, &mut seen),
        [entry(ADMIN, "member.export", "members", "3")]
    );

    let all = audit(&admin);
    for e in &all {
        assert_eq!(e.at, today().and_hms_opt(12, 0, 0).unwrap(), "{e:?}");
        let expected_id = if e.user_name == ADMIN { 1 } else { cid };
        assert_eq!(e.user_id, expected_id, "{e:?}");
        for text in [&e.user_name, &e.action, &e.record, &e.detail] {
            for personal in PERSONAL {
                assert!(
                    !text.to_lowercase().contains(&personal.to_lowercase()),
                    "audit entry {e:?} holds personal data {personal:?}"
                );
            }
        }
    }

    // The filters.
    let about_one = admin
        .audit_log()
        .entries(&AuditFilter {
            record: Some("member/1".into()),
            ..AuditFilter::default()
        })
        .unwrap();
    assert_eq!(about_one.len(), 5);
    let by_coordinator = admin
        .audit_log()
        .entries(&AuditFilter {
            user: Some("coordinator".into()),
            ..AuditFilter::default()
        })
        .unwrap();
    assert_eq!(by_coordinator.len(), 1);
    let yesterday = admin
        .audit_log()
        .entries(&AuditFilter {
            to: Some(d(2026, 11, 22)),
            ..AuditFilter::default()
        })
        .unwrap();
    assert!(yesterday.is_empty());
    let today_only = admin
        .audit_log()
        .entries(&AuditFilter {
            from: Some(today()),
            to: Some(today()),
            ..AuditFilter::default()
        })
        .unwrap();
    assert_eq!(today_only.len(), all.len());

    // The newest few, read from the end: newest first, with how many pass in all.
    let filter = AuditFilter {
        record: Some("member/1".into()),
        ..AuditFilter::default()
    };
    let page = admin.audit_log().newest(&filter, 2).unwrap();
    assert_eq!(page.matching, 5);
    let newest_two: Vec<_> = about_one.iter().rev().take(2).cloned().collect();
    assert_eq!(page.entries, newest_two);
    let whole = admin
        .audit_log()
        .newest(&AuditFilter::default(), 10_000)
        .unwrap();
    let mut oldest_first = admin.audit_log().entries(&AuditFilter::default()).unwrap();
    assert_eq!(whole.matching, oldest_first.len());
    assert!(whole.matching >= all.len());
    oldest_first.reverse();
    assert_eq!(whole.entries, oldest_first, "every entry, newest first");
}
