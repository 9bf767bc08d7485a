//! Integration tests of the member register on a fixed day (2026-11-23): numbering, duplicates,
//! Dutch register order, search, status and contact flows, the out-of-sight list, and CSV import
//! and export (encodings, all-or-nothing with line numbers, round trip of a demo register).

mod common;

use chrono::{Days, NaiveDate};
use common::{d, member, new_store, open, today, ADMIN, PASSWORD};
use kapstok_core::access::AuditFilter;
use kapstok_core::common::{Address, Postcode};
use kapstok_core::members::{
    Accept, ImportReport, Member, MemberInput, SaveOutcome, Status, StatusEntry, Warning,
};
use kapstok_core::settings::Settings;
use kapstok_core::{demo, Error, FieldError, Reason, RowError, Session};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn create(s: &Session, given: &str, prefix: &str, surname: &str) -> Member {
    s.members()
        .create(&member(given, prefix, surname))
        .unwrap()
        .member
}

fn invalid(result: Result<impl std::fmt::Debug, Error>) -> Vec<(&'static str, Reason)> {
    match result {
        Err(Error::Invalid(errors)) => errors.into_iter().map(|e| (e.field, e.reason)).collect(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn audit_len(s: &Session) -> usize {
    s.audit_log()
        .entries(&AuditFilter::default())
        .unwrap()
        .len()
}

// ---------------------------------------------------------------------------------------------
// Numbers, duplicates, order, search
// ---------------------------------------------------------------------------------------------

#[test]
fn numbers_are_sequential_and_never_reused() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let numbers: Vec<u64> = ["Poel", "Kok", "Bos"]
        .iter()
        .map(|s| create(&admin, "Jan", "", s).number)
        .collect();
    assert_eq!(numbers, [1, 2, 3]);

    // A refused member takes no number.
    let mut bad = member("Jan", "", "");
    bad.joined = "gisteren".into();
    assert_eq!(
        invalid(admin.members().create(&bad)),
        [("surname", Reason::Required), ("joined", Reason::BadDate)]
    );
    assert_eq!(create(&admin, "Els", "", "Vos").number, 4);

    // Explicit numbers in an import: the row without one gets a number above the highest.
    let csv =
        "number;surname;joined\n50;Smit;01-01-2025\n;Dekker;01-01-2025\n10;Visser;01-01-2025\n";
    let dry = admin.members().import_csv(csv.as_bytes(), true).unwrap();
    assert_eq!(dry.numbers, [50, 51, 10]);
    assert!(dry.dry_run);
    let report = admin.members().import_csv(csv.as_bytes(), false).unwrap();
    assert_eq!(report.numbers, [50, 51, 10]);
    assert!(!report.dry_run);
    assert_eq!(create(&admin, "Anna", "", "Meijer").number, 52);

    // A dry run hands out nothing.
    let dry = admin
        .members()
        .import_csv(b"surname;joined\nBakker;01-01-2025\n", true)
        .unwrap();
    assert_eq!(dry.numbers, [53]);
    assert_eq!(create(&admin, "Kees", "", "Bakker").number, 53);

    // A number in use is refused; the counter never goes back.
    let taken = admin
        .members()
        .import_csv(b"number;surname;joined\n50;Jansen;01-01-2025\n", false)
        .unwrap_err();
    assert!(matches!(taken, Error::Import(_)), "{taken:?}");
    let low = admin
        .members()
        .import_csv(b"number;surname;joined\n7;Jansen;01-01-2025\n", false)
        .unwrap();
    assert_eq!(low.numbers, [7]);
    assert_eq!(create(&admin, "Piet", "", "Mulder").number, 54);

    // The counter is kept in the store.
    drop(admin);
    drop(_k);
    let k = open(&dir.path().join("store"));
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    assert_eq!(create(&admin, "Bram", "", "Brouwer").number, 55);
    let mut all: Vec<u64> = admin
        .members()
        .list()
        .unwrap()
        .iter()
        .map(|m| m.number)
        .collect();
    all.sort();
    assert_eq!(all, [1, 2, 3, 4, 7, 10, 50, 51, 52, 53, 54, 55]);
}

#[test]
fn numbers_beyond_the_import_cap_are_refused_and_the_cap_itself_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let csv = format!(
        "number;surname;joined\n{};Smit;01-01-2025\n;Dekker;01-01-2025\n",
        u64::MAX
    );
    for dry_run in [true, false] {
        let err = admin
            .members()
            .import_csv(csv.as_bytes(), dry_run)
            .unwrap_err();
        let Error::Import(rows) = err else {
            panic!("expected Import, got {err:?}");
        };
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0].line, 2);
        assert_eq!(
            rows[0].errors,
            [FieldError::new(
                "number",
                Reason::OutOfRange(1, 999_999_999)
            )]
        );
    }
    assert!(admin.members().list().unwrap().is_empty());
    let top = "number;surname;joined\n999999999;Smit;01-01-2025\n";
    let report = admin.members().import_csv(top.as_bytes(), false).unwrap();
    assert_eq!(report.numbers, [999_999_999]);
    // After the highest number there is none left for a new member (the export of
    // 1,000,000,000 would not import again).
    assert_eq!(
        invalid(admin.members().create(&member("Jan", "", "Kok"))),
        [("number", Reason::NoNumberLeft)]
    );
}

#[test]
fn a_possible_duplicate_is_a_warning_not_a_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let mut jan = member("Jan", "van der", "Poel");
    jan.birth_date = "01-02-1970".into();
    let first = admin.members().create(&jan).unwrap();
    assert_eq!(first.warnings, []);

    // Same name (other case and accents) and date of birth.
    let mut again = member("JAN", "Van Der", "Pöel");
    again.birth_date = "1970-02-01".into();
    let second = admin.members().create(&again).unwrap();
    assert_eq!(second.member.number, 2);
    assert_eq!(second.warnings, [Warning::PossibleDuplicate { number: 1 }]);

    assert_eq!(
        admin.members().check(&jan, None).unwrap(),
        [
            Warning::PossibleDuplicate { number: 1 },
            Warning::PossibleDuplicate { number: 2 }
        ]
    );
    // Editing member 1 does not warn about member 1 itself.
    assert_eq!(
        admin.members().check(&jan, Some(1)).unwrap(),
        [Warning::PossibleDuplicate { number: 2 }]
    );
    assert_eq!(
        admin.members().update(1, &jan).unwrap().warnings,
        [Warning::PossibleDuplicate { number: 2 }]
    );

    // Another date of birth, or none: no warning.
    let mut other = jan.clone();
    other.birth_date = "02-02-1970".into();
    assert_eq!(admin.members().check(&other, None).unwrap(), []);
    other.birth_date = String::new();
    assert_eq!(admin.members().create(&other).unwrap().warnings, []);

    // An import warns with the line of the row.
    let report = admin
        .members()
        .import_csv(
            "given;prefix;surname;birth_date;joined\nAnna;;Kok;01-01-1980;01-01-2025\nJan;van der;Poel;01-02-1970;01-01-2025\n"
                .as_bytes(),
            false,
        )
        .unwrap();
    assert_eq!(
        report.warnings,
        [
            (3, Warning::PossibleDuplicate { number: 1 }),
            (3, Warning::PossibleDuplicate { number: 2 })
        ]
    );
    assert_eq!(admin.members().list().unwrap().len(), 5);
}

#[test]
fn save_returns_warnings_without_writing_until_they_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let members = admin.members();
    let mut jan = member("Jan", "van der", "Poel");
    jan.birth_date = "01-02-1970".into();
    let SaveOutcome::Saved(first) = members.save(&jan, None, Accept::NoWarnings).unwrap() else {
        panic!("a first member has no warnings");
    };
    assert_eq!((first.member.number, first.warnings), (1, vec![]));

    // A possible duplicate: the warnings come back and nothing is written, not even an audit
    // entry, and no member number is used up. The register is not read at all: only the members
    // born that day, through the birthday index.
    let audit = audit_len(&admin);
    let reads = members.register_reads();
    let mut again = member("JAN", "Van Der", "Pöel");
    again.birth_date = "1970-02-01".into();
    match members.save(&again, None, Accept::NoWarnings).unwrap() {
        SaveOutcome::Warnings(w) => assert_eq!(w, [Warning::PossibleDuplicate { number: 1 }]),
        other => panic!("expected warnings, got {other:?}"),
    }
    assert_eq!(members.register_reads(), reads);
    assert_eq!(audit_len(&admin), audit);
    assert_eq!(members.list().unwrap().len(), 1);

    // Accepted, it is written (with the next number) and the warnings are reported, again
    // without reading the register.
    let reads = members.register_reads();
    let SaveOutcome::Saved(second) = members.save(&again, None, Accept::Warnings).unwrap() else {
        panic!("accepted warnings must not stop the save");
    };
    assert_eq!(members.register_reads(), reads);
    assert_eq!(second.member.number, 2);
    assert_eq!(second.warnings, [Warning::PossibleDuplicate { number: 1 }]);
    assert_eq!(audit_len(&admin), audit + 1);

    // Editing: a change with warnings is not written until accepted.
    let mut changed = jan.clone();
    changed.notes = "belt op dinsdag".into();
    match members.save(&changed, Some(1), Accept::NoWarnings).unwrap() {
        SaveOutcome::Warnings(w) => assert_eq!(w, [Warning::PossibleDuplicate { number: 2 }]),
        other => panic!("expected warnings, got {other:?}"),
    }
    assert_eq!(members.get(1).unwrap().notes, "");
    assert_eq!(audit_len(&admin), audit + 1);
    let SaveOutcome::Saved(edited) = members.save(&changed, Some(1), Accept::Warnings).unwrap()
    else {
        panic!("accepted warnings must not stop the save");
    };
    assert_eq!(edited.member.notes, "belt op dinsdag");
    assert_eq!(members.get(1).unwrap().notes, "belt op dinsdag");
    assert_eq!(audit_len(&admin), audit + 2);

    // Field errors come back as errors, whatever is accepted, and nothing is written.
    let mut bad = member("Piet", "", "");
    bad.joined = "gisteren".into();
    for accept in [Accept::NoWarnings, Accept::Warnings] {
        assert_eq!(
            invalid(members.save(&bad, None, accept)),
            [("surname", Reason::Required), ("joined", Reason::BadDate)]
        );
        assert_eq!(
            invalid(members.save(&bad, Some(1), accept)),
            [("surname", Reason::Required), ("joined", Reason::BadDate)]
        );
    }
    assert_eq!(members.list().unwrap().len(), 2);
    assert_eq!(audit_len(&admin), audit + 2);
    // The next number was not used up by the refused saves.
    let SaveOutcome::Saved(third) = members
        .save(&member("Els", "", "Vos"), None, Accept::NoWarnings)
        .unwrap()
    else {
        panic!("no warnings expected");
    };
    assert_eq!(third.member.number, 3);

    // A member that does not exist.
    assert!(matches!(
        members.save(&member("Els", "", "Vos"), Some(99), Accept::Warnings),
        Err(Error::NotFound { id: 99, .. })
    ));
}

#[test]
fn names_are_read_for_the_numbers_asked_only() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let jan = create(&admin, "Jan", "van der", "Poel");
    let zoe = create(&admin, "Zoë", "", "de Wit");
    create(&admin, "Piet", "", "Smit");
    let names = admin
        .members()
        .names(&[zoe.number, jan.number, 999])
        .unwrap();
    assert_eq!(names.len(), 2, "a number not in the register is left out");
    assert_eq!(names[&jan.number], jan.name);
    assert_eq!(names[&zoe.number], zoe.name);
}

#[test]
fn the_register_is_in_dutch_order() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    for (given, prefix, surname) in [
        ("Kees", "", "Zwart"),
        ("Jan", "van der", "Poel"),
        ("Piet", "de", "Vries"),
        ("Anna", "", "Pieters"),
        ("Bas", "", "Öztürk"),
        ("Ömer", "", "Aydın"),
        ("Anna", "de", "Vries"),
        ("Renée", "'t", "Hart"),
        ("Zoë", "", "Citroën"),
        ("Jan", "", "Poel"),
    ] {
        create(&admin, given, prefix, surname);
    }
    let order: Vec<String> = admin
        .members()
        .list()
        .unwrap()
        .iter()
        .map(|m| m.name.sorted())
        .collect();
    assert_eq!(
        order,
        [
            "Aydın, Ömer",
            "Citroën, Zoë",
            "Hart, Renée 't",
            "Öztürk, Bas",
            "Pieters, Anna",
            "Poel, Jan",
            "Poel, Jan van der",
            "Vries, Anna de",
            "Vries, Piet de",
            "Zwart, Kees",
        ]
    );
}

#[test]
fn search_ignores_case_and_diacritics() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    create(&admin, "Zoë", "", "Kok"); // 1
    create(&admin, "Hans", "", "Müller"); // 2
    let mut jan = member("Jan", "van der", "Poel");
    jan.known_as = "Lange Jan".into();
    admin.members().create(&jan).unwrap(); // 3
    create(&admin, "Łukasz", "", "Nowak"); // 4
    create(&admin, "Piet", "", "Zoet"); // 5

    let found = |text: &str| -> Vec<u64> {
        admin
            .members()
            .search(text)
            .unwrap()
            .iter()
            .map(|m| m.number)
            .collect()
    };
    assert_eq!(found("zoe"), [1, 5]);
    assert_eq!(found("Zoë"), [1, 5]);
    assert_eq!(found("zoë kok"), [1]);
    assert_eq!(found("muller"), [2]);
    assert_eq!(found("MÜLLER"), [2]);
    assert_eq!(found("lukasz"), [4]);
    assert_eq!(found("lange"), [3], "by known-as");
    assert_eq!(found("jan poel"), [3]);
    assert_eq!(found("van der"), [3]);
    assert_eq!(found("4"), [4], "by number");
    assert_eq!(
        found("  "),
        [1, 2, 4, 3, 5],
        "an empty search lists everyone"
    );
    assert_eq!(found("bakker"), Vec::<u64>::new());
}

// ---------------------------------------------------------------------------------------------
// Create, update, status, contact, out of sight
// ---------------------------------------------------------------------------------------------

fn full_input() -> MemberInput {
    MemberInput {
        given: "Zoë".into(),
        prefix: "van der".into(),
        surname: "Poel".into(),
        known_as: "Zus".into(),
        birth_date: "14-07-1985".into(),
        phone: "020-1234567".into(),
        email: "zoe@example.nl".into(),
        address_kind: "street".into(),
        street: "Keizersgracht".into(),
        house_number: "12".into(),
        addition: "A".into(),
        postcode: "1015cs".into(),
        city: "Amsterdam".into(),
        joined: "01-03-2020".into(),
        consent_convocation_email: "01-03-2020".into(),
        consent_birthday_card: String::new(),
        consent_magazine: "2021-05-05".into(),
        last_contact: "02-11-2026".into(),
        notes: "Komt op dinsdag.\nNeemt post mee.".into(),
        ..MemberInput::default()
    }
}

#[test]
fn create_and_update_keep_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let saved = admin.members().create(&full_input()).unwrap().member;
    let got = admin.members().get(1).unwrap();
    assert_eq!(got, saved);
    assert_eq!(got.name.full(), "Zoë van der Poel");
    assert_eq!(got.birth_date, Some(d(1985, 7, 14)));
    assert_eq!(
        got.address,
        Address::Street {
            street: "Keizersgracht".into(),
            number: 12,
            addition: "A".into(),
            postcode: Postcode::parse("1015 CS").unwrap(),
            city: "Amsterdam".into(),
        }
    );
    assert_eq!(
        got.status_history,
        [StatusEntry {
            since: d(2020, 3, 1),
            status: Status::Active
        }]
    );
    assert_eq!(got.consents.convocation_email, Some(d(2020, 3, 1)));
    assert_eq!(got.consents.birthday_card, None);
    assert_eq!(got.consents.magazine, Some(d(2021, 5, 5)));
    assert_eq!(got.last_contact, Some(d(2026, 11, 2)));
    assert_eq!(got.notes, "Komt op dinsdag.\nNeemt post mee.");
    // What the form shows for editing gives the same member back.
    assert_eq!(MemberInput::from_member(&got).joined, "01-03-2020");
    let unchanged = admin
        .members()
        .update(1, &MemberInput::from_member(&got))
        .unwrap();
    assert_eq!(unchanged.member, got);

    // Post goes to a Postbus now; the joining date was a day off.
    let mut edit = MemberInput::from_member(&got);
    edit.address_kind = "postbus".into();
    edit.street = String::new();
    edit.addition = String::new();
    edit.house_number = "2170".into();
    edit.postcode = "8203ad".into();
    edit.city = "Lelystad".into();
    edit.joined = "02-03-2020".into();
    let updated = admin.members().update(1, &edit).unwrap().member;
    assert_eq!(
        updated.address.lines().unwrap(),
        ["Postbus 2170", "8203 AD  LELYSTAD"]
    );
    assert_eq!(updated.joined, d(2020, 3, 2));
    assert_eq!(
        updated.status_history[0].since,
        d(2020, 3, 2),
        "the history starts on the date of joining"
    );
    assert_eq!(admin.members().get(1).unwrap(), updated);

    // Every bad field at once, and nothing saved.
    let mut bad = edit.clone();
    bad.postcode = "8203".into();
    bad.email = "zoe@".into();
    bad.birth_date = "30-02-1985".into();
    assert_eq!(
        invalid(admin.members().update(1, &bad)),
        [
            ("birth_date", Reason::BadDate),
            ("email", Reason::BadEmail),
            ("postcode", Reason::BadPostcode)
        ]
    );
    assert_eq!(admin.members().get(1).unwrap(), updated);

    for result in [
        admin.members().update(9, &edit).map(drop),
        admin.members().get(9).map(drop),
        admin
            .members()
            .change_status(9, Status::Suspended, today())
            .map(drop),
        admin.members().record_contact(9, today()).map(drop),
    ] {
        assert!(
            matches!(
                result,
                Err(Error::NotFound {
                    kind: "member",
                    id: 9
                })
            ),
            "{result:?}"
        );
    }
}

#[test]
fn status_changes_build_a_history() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let m = create(&admin, "Jan", "", "Kok"); // joined 01-03-2024
    let members = admin.members();

    assert_eq!(
        invalid(members.change_status(1, Status::Active, d(2025, 1, 1))),
        [("status", Reason::Unchanged)]
    );
    assert_eq!(
        invalid(members.change_status(1, Status::Suspended, d(2026, 11, 24))),
        [("status_since", Reason::InFuture)]
    );
    assert_eq!(
        invalid(members.change_status(1, Status::Suspended, d(2024, 2, 29))),
        [("status_since", Reason::Before("joined"))]
    );
    assert_eq!(
        invalid(members.change_status(
            1,
            Status::Ended {
                reason: "  ".into()
            },
            d(2025, 1, 1)
        )),
        [("status_reason", Reason::Required)]
    );
    assert_eq!(
        invalid(members.change_status(
            1,
            Status::Ended {
                reason: "verhuisd\nnaar Zwolle".into()
            },
            d(2025, 1, 1)
        )),
        [("status_reason", Reason::Multiline)]
    );

    members
        .change_status(1, Status::Suspended, d(2025, 1, 1))
        .unwrap();
    assert_eq!(
        invalid(members.change_status(1, Status::Active, d(2024, 12, 31))),
        [("status_since", Reason::Before("status_since"))]
    );
    members
        .change_status(1, Status::Active, d(2025, 6, 1))
        .unwrap();
    let ended = Status::Ended {
        reason: "moved away".into(),
    };
    let last = members.change_status(1, ended.clone(), today()).unwrap();
    assert_eq!(
        last.status_history,
        [
            StatusEntry {
                since: m.joined,
                status: Status::Active
            },
            StatusEntry {
                since: d(2025, 1, 1),
                status: Status::Suspended
            },
            StatusEntry {
                since: d(2025, 6, 1),
                status: Status::Active
            },
            StatusEntry {
                since: today(),
                status: ended.clone()
            },
        ]
    );
    let stored = members.get(1).unwrap();
    assert_eq!(stored, last);
    assert_eq!(stored.status(), &ended);
    assert_eq!(stored.status_on(d(2024, 1, 1)), None);
    assert_eq!(stored.status_on(d(2025, 3, 1)), Some(&Status::Suspended));
    assert_eq!(stored.status_on(d(2025, 6, 1)), Some(&Status::Active));

    // The joining date cannot move past a later status change.
    let mut edit = MemberInput::from_member(&stored);
    edit.joined = "01-02-2025".into();
    assert_eq!(
        invalid(members.update(1, &edit)),
        [("joined", Reason::After("status_since"))]
    );
    assert_eq!(members.get(1).unwrap(), stored);
}

#[test]
fn contacts_only_move_forward() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    create(&admin, "Jan", "", "Kok");
    let members = admin.members();
    assert_eq!(
        invalid(members.record_contact(1, d(2026, 11, 24))),
        [("last_contact", Reason::InFuture)]
    );
    assert_eq!(
        members
            .record_contact(1, d(2026, 10, 1))
            .unwrap()
            .last_contact,
        Some(d(2026, 10, 1))
    );
    assert_eq!(
        members
            .record_contact(1, d(2026, 9, 1))
            .unwrap()
            .last_contact,
        Some(d(2026, 10, 1)),
        "an older contact does not replace a newer one"
    );
    assert_eq!(
        members.record_contact(1, today()).unwrap().last_contact,
        Some(today())
    );
    assert_eq!(members.get(1).unwrap().last_contact, Some(today()));
}

fn days_ago(n: u64) -> NaiveDate {
    today() - Days::new(n)
}

#[test]
fn out_of_sight_follows_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let with_contact = |surname: &str, contact: Option<NaiveDate>| -> u64 {
        let mut input = member("Jan", "", surname);
        input.joined = "01-03-2024".into();
        input.last_contact = contact
            .map(|c| c.format("%d-%m-%Y").to_string())
            .unwrap_or_default();
        admin.members().create(&input).unwrap().member.number
    };
    let at_limit = with_contact("Grens", Some(days_ago(84)));
    let just_over = with_contact("Over", Some(days_ago(85)));
    let never = with_contact("Nooit", None);
    let ended = with_contact("Weg", Some(days_ago(400)));
    let suspended = with_contact("Geschorst", Some(days_ago(400)));
    let recent = with_contact("Gisteren", Some(days_ago(1)));
    let month = with_contact("Maand", Some(days_ago(29)));
    let four_weeks = with_contact("Vier", Some(days_ago(28)));
    admin
        .members()
        .change_status(
            ended,
            Status::Ended {
                reason: "moved away".into(),
            },
            days_ago(10),
        )
        .unwrap();
    admin
        .members()
        .change_status(suspended, Status::Suspended, days_ago(10))
        .unwrap();

    let list = |s: &Session| -> Vec<(u64, i64)> {
        let out: Vec<(u64, i64)> = s
            .members()
            .out_of_sight()
            .unwrap()
            .iter()
            .map(|(m, days)| (m.number, *days))
            .collect();
        // The same over a register read beforehand, borrowing from it.
        let register = s.members().list().unwrap();
        let borrowed: Vec<(u64, i64)> = s
            .members()
            .out_of_sight_in(&register)
            .unwrap()
            .iter()
            .map(|(m, days)| (m.number, *days))
            .collect();
        assert_eq!(out, borrowed);
        out
    };
    let since_joining = (today() - d(2024, 3, 1)).num_days();
    // Default: 12 weeks, 84 days; only more than that counts.
    assert_eq!(admin.settings().unwrap().out_of_sight_weeks, 12);
    assert_eq!(list(&admin), [(never, since_joining), (just_over, 85)]);

    admin
        .set_settings(&Settings {
            out_of_sight_weeks: 4,
            ..Settings::default()
        })
        .unwrap();
    assert_eq!(
        list(&admin),
        [
            (never, since_joining),
            (just_over, 85),
            (at_limit, 84),
            (month, 29)
        ]
    );
    let shown: Vec<u64> = list(&admin).iter().map(|(n, _)| *n).collect();
    for not_shown in [recent, four_weeks, ended, suspended] {
        assert!(!shown.contains(&not_shown), "{not_shown}");
    }

    // A contact takes a member off the list.
    admin.members().record_contact(never, today()).unwrap();
    assert_eq!(list(&admin), [(just_over, 85), (at_limit, 84), (month, 29)]);

    assert!(matches!(
        admin.set_settings(&Settings {
            out_of_sight_weeks: 0,
            ..Settings::default()
        }),
        Err(Error::Invalid(_))
    ));
    assert_eq!(admin.settings().unwrap().out_of_sight_weeks, 4);
}

// ---------------------------------------------------------------------------------------------
// CSV import
// ---------------------------------------------------------------------------------------------

const HEADER: &[&str] = &[
    "number",
    "given",
    "prefix",
    "surname",
    "known_as",
    "address_kind",
    "street",
    "house_number",
    "postcode",
    "city",
    "joined",
    "notes",
];

const ROWS: &[&[&str]] = &[
    &[
        "",
        "Jan",
        "van der",
        "Poel",
        "Lange Jan",
        "street",
        "Keizersgracht",
        "12",
        "1015 CS",
        "Amsterdam",
        "01-03-2024",
        "",
    ],
    &[
        "",
        "Zoë",
        "",
        "Citroën",
        "",
        "care_of",
        "",
        "",
        "",
        "",
        "2024-03-02",
        "Post via het kantoor.\nKomt op dinsdag; soms \"woensdag\", ook.",
    ],
    &[
        "", "Łukasz", "", "Müller", "", "postbus", "", "2170", "8203AD", "Lelystad", "3-3-2024", "",
    ],
];

/// Writes fields as a spreadsheet would: quoted when they hold the separator, a quote or a
/// line break.
fn csv_text(header: &[&str], rows: &[&[&str]], sep: char, newline: &str, bom: bool) -> Vec<u8> {
    let field = |f: &str| -> String {
        if f.contains([sep, '"', '\n', '\r']) {
            format!("\"{}\"", f.replace('"', "\"\""))
        } else {
            f.to_string()
        }
    };
    let line = |fields: &[&str]| -> String {
        fields
            .iter()
            .map(|f| field(f))
            .collect::<Vec<_>>()
            .join(&sep.to_string())
    };
    let mut text = String::new();
    if bom {
        text.push('\u{feff}');
    }
    text.push_str(&line(header));
    text.push_str(newline);
    for row in rows {
        text.push_str(&line(row));
        text.push_str(newline);
    }
    text.into_bytes()
}

#[test]
fn import_reads_what_spreadsheets_write() {
    let mut results: Vec<Vec<Member>> = Vec::new();
    for (sep, newline, bom) in [
        (';', "\n", false),
        (';', "\r\n", true),
        (',', "\n", true),
        (',', "\r\n", false),
    ] {
        let what = format!("sep {sep:?}, newline {newline:?}, bom {bom}");
        let dir = tempfile::tempdir().unwrap();
        let (_k, admin) = new_store(dir.path());
        let data = csv_text(HEADER, ROWS, sep, newline, bom);
        let report = admin.members().import_csv(&data, false).unwrap();
        assert_eq!(
            report,
            ImportReport {
                rows: 3,
                dry_run: false,
                numbers: vec![1, 2, 3],
                warnings: vec![]
            },
            "{what}"
        );
        let list = admin.members().list().unwrap();
        let names: Vec<String> = list.iter().map(|m| m.name.sorted()).collect();
        assert_eq!(
            names,
            ["Citroën, Zoë", "Müller, Łukasz", "Poel, Jan van der"],
            "{what}"
        );
        let zoe = admin.members().get(2).unwrap();
        assert_eq!(
            zoe.notes, "Post via het kantoor.\nKomt op dinsdag; soms \"woensdag\", ook.",
            "{what}"
        );
        assert_eq!(zoe.address, Address::CareOfOffice, "{what}");
        assert_eq!(zoe.joined, d(2024, 3, 2));
        let lukasz = admin.members().get(3).unwrap();
        assert_eq!(
            lukasz.address.lines().unwrap(),
            ["Postbus 2170", "8203 AD  LELYSTAD"],
            "{what}"
        );
        assert_eq!(lukasz.joined, d(2024, 3, 3));
        let jan = admin.members().get(1).unwrap();
        assert_eq!(jan.known_as, "Lange Jan");
        assert_eq!(
            jan.name.surname, "Poel",
            "{what}: no BOM left in the first field"
        );
        results.push(list);
    }
    assert!(results.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn a_dry_run_reports_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let audit = audit_len(&admin);
    let data = csv_text(HEADER, ROWS, ';', "\r\n", true);
    let report = admin.members().import_csv(&data, true).unwrap();
    assert_eq!(
        report,
        ImportReport {
            rows: 3,
            dry_run: true,
            numbers: vec![1, 2, 3],
            warnings: vec![]
        }
    );
    assert!(admin.members().list().unwrap().is_empty());
    assert_eq!(audit_len(&admin), audit);
    assert_eq!(create(&admin, "Anna", "", "Kok").number, 1);
}

/// The import refused, as (line, [(field, reason)]).
/// The field errors of one row, as (field, reason).
type Fields = Vec<(&'static str, Reason)>;

fn refused(result: Result<ImportReport, Error>) -> Vec<(u64, Fields)> {
    match result {
        Err(Error::Import(rows)) => rows
            .into_iter()
            .map(|RowError { line, errors }| {
                (
                    line,
                    errors
                        .into_iter()
                        .map(|FieldError { field, reason }| (field, reason))
                        .collect(),
                )
            })
            .collect(),
        other => panic!("expected Import, got {other:?}"),
    }
}

/// A file with bad rows between good ones, rows with line breaks in quoted notes before them, as
/// lines (joined with the line ending under test).
const BAD_FILE: &[&str] = &[
    "number;surname;given;joined;email;notes", // 1
    ";Poel;Jan;01-03-2024;;\"notitie",         // 2
    "over twee regels\"",                      // 3
    ";Kok;Anna;31-02-2024;;",                  // 4: no such date
    ";Bos;Piet;01-03-2024;;\"drie",            // 5
    "regels",                                  // 6
    "lang\"",                                  // 7
    ";;Els;01-03-2024;els@;",                  // 8: no surname, bad e-mail
    ";Vos;Kees;01-03-2030;;",                  // 9: joins in the future
    "x;Smit;Tom;01-03-2024;;",                 // 10: not a number
    ";Dekker;Bram;01-03-2024",                 // 11: too few fields
    ";Visser;Els;01-03-2024;;\"goed\"",        // 12
];

fn bad_file_errors() -> Vec<(u64, Fields)> {
    vec![
        (4, vec![("joined", Reason::BadDate)]),
        (
            8,
            vec![("surname", Reason::Required), ("email", Reason::BadEmail)],
        ),
        (9, vec![("joined", Reason::InFuture)]),
        (10, vec![("number", Reason::BadNumber)]),
        (11, vec![("row", Reason::FieldCount(4, 6))]),
    ]
}

#[test]
fn one_bad_row_refuses_the_whole_file_with_every_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    create(&admin, "Kees", "", "Bakker");
    let audit = audit_len(&admin);
    for (newline, bom) in [("\n", false), ("\r\n", false), ("\r\n", true)] {
        let mut data = if bom {
            "\u{feff}".to_string()
        } else {
            String::new()
        };
        data.push_str(&BAD_FILE.join(newline));
        data.push_str(newline);
        for dry_run in [false, true] {
            assert_eq!(
                refused(admin.members().import_csv(data.as_bytes(), dry_run)),
                bad_file_errors(),
                "newline {newline:?}, bom {bom}, dry run {dry_run}"
            );
        }
    }
    assert_eq!(admin.members().list().unwrap().len(), 1, "nothing written");
    assert_eq!(audit_len(&admin), audit);
    assert_eq!(create(&admin, "Anna", "", "Kok").number, 2);
}

#[test]
fn blank_lines_do_not_shift_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    for newline in ["\n", "\r\n"] {
        let data = [
            "surname;joined",  // 1
            "",                // 2
            "Poel;01-03-2024", // 3
            "",                // 4
            "",                // 5
            "Kok;31-02-2024",  // 6
            ";",               // 7: a spreadsheet's empty row
            "  ",              // 8
            "Bos;morgen",      // 9
            "Vos;01-03-2024;", // 10
            "",
        ]
        .join(newline);
        assert_eq!(
            refused(admin.members().import_csv(data.as_bytes(), true)),
            [
                (6, vec![("joined", Reason::BadDate)]),
                (9, vec![("joined", Reason::BadDate)]),
                (10, vec![("row", Reason::FieldCount(3, 2))]),
            ],
            "newline {newline:?}"
        );
        // Blank lines before the header, too.
        let data = format!("{newline}{newline}surname;joined{newline}Kok;morgen{newline}");
        assert_eq!(
            refused(admin.members().import_csv(data.as_bytes(), true)),
            [(4, vec![("joined", Reason::BadDate)])],
            "newline {newline:?}"
        );
        let data = format!("{newline}surname;telefoon{newline}");
        assert_eq!(
            refused(admin.members().import_csv(data.as_bytes(), true)),
            [(
                2,
                vec![("header", Reason::UnknownColumns(vec!["telefoon".into()], 1))]
            )],
            "newline {newline:?}"
        );
    }
}

#[test]
fn header_problems_are_reported_on_line_one() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let cases: Vec<(&[u8], Fields)> = vec![
        (
            b"surname;telefoon;joined\nPoel;06-12345678;01-03-2024\n",
            vec![("header", Reason::UnknownColumns(vec!["telefoon".into()], 1))],
        ),
        (
            b"given;joined\nJan;01-03-2024\n",
            vec![("surname", Reason::MissingColumn)],
        ),
        (
            b"surname;joined;Surname\nPoel;01-03-2024;Kok\n",
            vec![("surname", Reason::DuplicateColumn)],
        ),
        (b"", vec![("header", Reason::EmptyFile)]),
        (b"\xEF\xBB\xBF", vec![("header", Reason::EmptyFile)]),
    ];
    for (data, want) in cases {
        assert_eq!(
            refused(admin.members().import_csv(data, false)),
            [(1, want)],
            "{}",
            String::from_utf8_lossy(data)
        );
    }
    // Column names are matched without regard to case or surrounding spaces.
    let report = admin
        .members()
        .import_csv(b" Surname ; JOINED \nPoel;01-03-2024\n", false)
        .unwrap();
    assert_eq!(report.numbers, [1]);
}

#[test]
fn text_that_is_not_utf8_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    // "Zoë" and "Citroën" as a spreadsheet saving in Windows-1252 writes them.
    let data = b"given;surname;joined\nZo\xeb;Kok;01-03-2024\nJan;Citro\xebn;01-03-2024\nPiet;Bos;01-03-2024\n";
    assert_eq!(
        refused(admin.members().import_csv(data, false)),
        [
            (2, vec![("given", Reason::NotUtf8)]),
            (3, vec![("surname", Reason::NotUtf8)]),
        ]
    );
    assert!(admin.members().list().unwrap().is_empty());
}

#[test]
fn duplicate_numbers_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    create(&admin, "Kees", "", "Bakker"); // 1
    let data = "number;surname;joined\n\
                5;Poel;01-03-2024\n\
                6;Kok;01-03-2024\n\
                5;Bos;01-03-2024\n\
                1;Vos;01-03-2024\n\
                6;Smit;01-03-2024\n";
    assert_eq!(
        refused(admin.members().import_csv(data.as_bytes(), false)),
        [
            (4, vec![("number", Reason::AlsoOnLine(2))]),
            (5, vec![("number", Reason::Taken)]),
            (6, vec![("number", Reason::AlsoOnLine(3))]),
        ]
    );
    assert_eq!(admin.members().list().unwrap().len(), 1);
    assert_eq!(create(&admin, "Anna", "", "Kok").number, 2);
}

#[test]
fn status_columns_carry_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let data = "surname;joined;status;status_since;status_reason;status_history\n\
                Poel;01-03-2020;ended;2026-01-01;moved away;\"2020-03-01 active\n2022-05-01 suspended\"\n\
                Kok;01-03-2020;;;;\n\
                Bos;01-03-2020;deceased;;;\n";
    admin.members().import_csv(data.as_bytes(), false).unwrap();
    assert_eq!(
        admin.members().get(1).unwrap().status_history,
        [
            StatusEntry {
                since: d(2020, 3, 1),
                status: Status::Active
            },
            StatusEntry {
                since: d(2022, 5, 1),
                status: Status::Suspended
            },
            StatusEntry {
                since: d(2026, 1, 1),
                status: Status::Ended {
                    reason: "moved away".into()
                }
            },
        ]
    );
    assert_eq!(
        admin.members().get(2).unwrap().status_history,
        [StatusEntry {
            since: d(2020, 3, 1),
            status: Status::Active
        }]
    );
    assert_eq!(admin.members().get(3).unwrap().status(), &Status::Deceased);

    let bad = "surname;joined;status;status_since;status_reason;status_history\n\
               Poel;01-03-2020;ended;2026-01-01;;\n\
               Kok;01-03-2020;weg;;;\n\
               Bos;01-03-2020;active;2019-01-01;;\n\
               Vos;01-03-2020;active;2025-01-01;;\"2024-01-01 suspended\n2023-01-01 active\"\n\
               Smit;01-03-2020;suspended;2027-01-01;;\n\
               Jansen;01-03-2020;active;;;gisteren geschorst\n";
    assert_eq!(
        refused(admin.members().import_csv(bad.as_bytes(), false)),
        [
            (2, vec![("status_reason", Reason::Required)]),
            (3, vec![("status", Reason::NotOneOf(Status::NAMES))]),
            (4, vec![("status_since", Reason::Before("joined"))]),
            (5, vec![("status_history", Reason::NotInOrder)]),
            (7, vec![("status_since", Reason::InFuture)]),
            (
                8,
                vec![(
                    "status_history",
                    Reason::BadHistoryStep("gisteren geschorst".into())
                )]
            ),
        ]
    );
    assert_eq!(admin.members().list().unwrap().len(), 3);
}

// ---------------------------------------------------------------------------------------------
// Export and import round trip
// ---------------------------------------------------------------------------------------------

#[test]
fn export_import_export_is_lossless() {
    let dir = tempfile::tempdir().unwrap();
    let source = open(&dir.path().join("source"));
    let made = demo::fill(&source, 300, 2026).unwrap();
    assert_eq!(made.members, 300);
    let admin = source.login("beheer", demo::DEMO_PASSWORD).unwrap();
    let before = admin.members().list().unwrap();
    // The demo register has everything a round trip can lose.
    assert!(before.iter().any(|m| m.status_history.len() > 1));
    assert!(before.iter().any(|m| !m.name.prefix.is_empty()));
    assert!(before.iter().any(|m| !m.known_as.is_empty()));
    assert!(before.iter().any(|m| !m.notes.is_empty()));
    assert!(before.iter().any(|m| m.consents.magazine.is_some()));
    assert!(before.iter().any(|m| m.name.surname.contains('ö')));
    for kind in ["street", "care_of", "postbus", "foreign", "unknown"] {
        assert!(
            before.iter().any(|m| m.address.kind().name() == kind),
            "{kind}"
        );
    }
    let first = admin.members().export_csv().unwrap();
    assert!(first.starts_with("\u{feff}number;given;prefix;surname;known_as;".as_bytes()));

    let target_dir = tempfile::tempdir().unwrap();
    let (_k, target) = new_store(target_dir.path());
    let report = target.members().import_csv(&first, false).unwrap();
    assert_eq!(report.rows, 300);
    assert_eq!(report.numbers, (1..=300).collect::<Vec<u64>>());
    let after = target.members().list().unwrap();
    assert_eq!(after.len(), before.len());
    for (a, b) in before.iter().zip(&after) {
        assert_eq!(a, b);
    }
    let second = target.members().export_csv().unwrap();
    assert!(first == second, "the second export differs from the first");
    assert_eq!(create(&target, "Anna", "", "Kok").number, 301);
}

// ---------------------------------------------------------------------------------------------
// Whatever the file holds
// ---------------------------------------------------------------------------------------------

const TOKENS: &[&str] = &[
    ";",
    ";",
    ",",
    "\"",
    "\n",
    "\n",
    "\r\n",
    "\r",
    " ",
    "",
    "Jan",
    "Zoë",
    "van der",
    "2020-01-01",
    "01-02-2024",
    "31-02-2024",
    "2030-01-01",
    "1",
    "42",
    "0",
    "-3",
    "18446744073709551615",
    "care_of",
    "street",
    "postbus",
    "1015 CS",
    "active",
    "ended",
    "2021-01-01 suspended",
    "\u{feff}",
    "\u{0}",
];

fn any_csv() -> impl Strategy<Value = Vec<u8>> {
    let header = prop_oneof![
        Just("surname;joined\n"),
        Just("number;surname;joined\n"),
        Just("number,given,surname,joined,notes,status,status_history,address_kind,house_number,postcode,city\n"),
        Just("\u{feff}surname;joined;status;status_since;status_reason\r\n"),
    ];
    let soup = proptest::collection::vec(
        prop_oneof![
            3 => proptest::sample::select(TOKENS).prop_map(|t| t.as_bytes().to_vec()),
            1 => proptest::collection::vec(any::<u8>(), 1..4),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat());
    // Rows that are mostly good, so that some files import whole.
    let rows = proptest::collection::vec(
        (
            proptest::sample::select(&["Jan", "Zoë", "Kok", "\"Poel\nvan\"", ""][..]),
            proptest::sample::select(&["2020-01-01", "01-02-2024", "3-3-2024", "31-02-2024"][..]),
            proptest::sample::select(&["\n", "\r\n"][..]),
        ),
        1..4,
    )
    .prop_map(|rows| {
        let mut text = String::from("surname;joined\n");
        for (surname, joined, newline) in rows {
            text.push_str(&format!("{surname};{joined}{newline}"));
        }
        text.into_bytes()
    });
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..300),
        (header, soup).prop_map(|(h, body)| [h.as_bytes(), &body].concat()),
        rows,
    ]
}

#[test]
fn any_bytes_are_imported_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let mut runner = TestRunner::new(Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    });
    let imported = std::cell::Cell::new(0usize);
    runner
        .run(&any_csv(), |data| {
            let count = admin.members().list().unwrap().len();
            let audit = audit_len(&admin);
            let dry = admin.members().import_csv(&data, true);
            prop_assert_eq!(admin.members().list().unwrap().len(), count);
            let real = admin.members().import_csv(&data, false);
            match (&dry, &real) {
                (Ok(dry), Ok(real)) => {
                    prop_assert!(dry.dry_run && !real.dry_run);
                    prop_assert_eq!(&dry.numbers, &real.numbers);
                    prop_assert_eq!(&dry.warnings, &real.warnings);
                    prop_assert_eq!(admin.members().list().unwrap().len(), count + real.rows);
                    prop_assert_eq!(audit_len(&admin), audit + real.rows);
                    for n in &real.numbers {
                        prop_assert!(admin.members().get(*n).is_ok());
                    }
                    imported.set(imported.get() + real.rows);
                }
                (Err(Error::Import(a)), Err(Error::Import(b))) => {
                    prop_assert!(!b.is_empty());
                    prop_assert_eq!(a, b);
                    prop_assert_eq!(admin.members().list().unwrap().len(), count);
                    prop_assert_eq!(audit_len(&admin), audit);
                }
                _ => prop_assert!(false, "dry run {:?}, import {:?}", dry, real),
            }
            Ok(())
        })
        .unwrap();
    // The generator reaches both outcomes, so both branches above were tested.
    assert!(imported.get() > 0, "no generated file was ever imported");
}

#[test]
fn contact_before_joining_and_huge_numbers_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let m = admin
        .members()
        .create(&member("Jan", "", "Jansen"))
        .unwrap()
        .member;
    let before = m.joined.pred_opt().unwrap();
    match admin.members().record_contact(m.number, before) {
        Err(Error::Invalid(e)) => assert_eq!(
            e,
            [FieldError::new("last_contact", Reason::Before("joined"))]
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        admin.members().get(m.number).unwrap().last_contact,
        m.last_contact
    );
    let csv = b"number;surname;joined\n1000000000;Jansen;2020-01-01\n";
    match admin.members().import_csv(csv, false) {
        Err(Error::Import(rows)) => {
            assert_eq!(rows[0].line, 2);
            assert_eq!(
                rows[0].errors,
                [FieldError::new(
                    "number",
                    Reason::OutOfRange(1, 999_999_999)
                )]
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn automatic_numbers_stop_at_the_maximum_for_import_and_form() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    // The highest number is allowed when given; after it no number is left to hand out.
    admin
        .members()
        .import_csv(
            b"number;surname;joined\n999999999;Jansen;2020-01-01\n",
            false,
        )
        .unwrap();
    let csv = b"number;surname;joined\n;Pietersen;2020-01-01\n;Bakker;2020-01-01\n";
    assert_eq!(
        refused(admin.members().import_csv(csv, false)),
        [(2, vec![("number", Reason::NoNumberLeft)])]
    );
    assert_eq!(
        invalid(admin.members().create(&member("Els", "", "Vos"))),
        [("number", Reason::NoNumberLeft)]
    );
    let all = admin.members().list().unwrap();
    assert_eq!(
        all.iter().map(|m| m.number).collect::<Vec<_>>(),
        [999_999_999]
    );
    // What is there still exports and re-imports.
    let export = admin.members().export_csv().unwrap();
    let dir2 = tempfile::tempdir().unwrap();
    let (_k2, other) = new_store(dir2.path());
    other.members().import_csv(&export, false).unwrap();
}

#[test]
fn an_unclosed_quote_is_reported_where_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    // A quote that swallows the next rows up to another stray quote.
    let data = "given;surname;joined\n\
                Jan;\"Jansen;01-03-2024\n\
                Piet;Bakker;01-03-2024\n\
                Els;Vos\";01-03-2024\n\
                Kees;Kok;01-03-2024\n";
    assert_eq!(
        refused(admin.members().import_csv(data.as_bytes(), false)),
        [(2, vec![("surname", Reason::UnclosedQuote)])]
    );
    // A quote that is never closed: the rest of the file would be one field.
    let data = "given;surname;joined\n\
                Jan;Jansen;01-03-2024\n\
                Piet;Bakker;\"01-03-2024\n\
                Els;Vos;01-03-2024\n";
    assert_eq!(
        refused(admin.members().import_csv(data.as_bytes(), false)),
        [(3, vec![("joined", Reason::UnclosedQuote)])]
    );
    assert!(admin.members().list().unwrap().is_empty());
    // A quoted field over several lines that is closed is fine where lines belong (notes).
    let data = "surname;joined;notes\nJansen;01-03-2024;\"regel 1\nregel 2\"\nVos;01-03-2024;\n";
    assert_eq!(
        admin
            .members()
            .import_csv(data.as_bytes(), false)
            .unwrap()
            .numbers,
        [1, 2]
    );
}

#[test]
fn many_unknown_columns_are_counted_not_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let mut header = String::from("surname;joined");
    for i in 0..100_000 {
        header.push_str(&format!(";kolom{i}"));
    }
    let data = format!("{header}\nJansen;01-03-2024\n");
    let result = admin.members().import_csv(data.as_bytes(), false);
    let message = match &result {
        Err(e) => e.to_string(),
        Ok(r) => panic!("{r:?}"),
    };
    assert_eq!(
        refused(result),
        [(
            1,
            vec![(
                "header",
                Reason::UnknownColumns((0..5).map(|i| format!("kolom{i}")).collect(), 100_000)
            )]
        )]
    );
    assert!(message.len() < 300, "{} bytes: {message}", message.len());
    // A very long column name is shortened, and a column named twice is named once.
    let long = "x".repeat(10_000);
    let data = format!("surname;joined;surname;surname;{long}\nJansen;01-03-2024;a;b;c\n");
    match admin.members().import_csv(data.as_bytes(), false) {
        Err(e) => assert!(e.to_string().len() < 300, "{e}"),
        Ok(r) => panic!("{r:?}"),
    }
    assert!(admin.members().list().unwrap().is_empty());
}
