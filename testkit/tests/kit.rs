//! The kit itself: its stores log in as it says, its samples are accepted by core, and the
//! raw-file search and the folder copy see every file.

#![allow(clippy::unwrap_used)]

use kapstok_core::basemail::Who;
use kapstok_core::common::IsoWeek;
use kapstok_core::{Error, FieldError, Reason, Role};
use kapstok_testkit::*;

#[test]
fn with_roles_gives_a_session_per_role() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    let sessions = with_roles(&k, &admin);
    let roles: Vec<(Role, String)> = sessions
        .iter()
        .map(|s| (s.role(), s.user_name().to_string()))
        .collect();
    assert_eq!(
        roles,
        [
            (Role::Administrator, ADMIN.to_string()),
            (Role::Coordinator, "coordinator".to_string()),
            (Role::Volunteer, "vrijwilliger".to_string()),
        ]
    );
    assert_eq!(k.today(), today());
}

#[test]
fn new_store_with_users_logs_every_role_in_with_one_password() {
    let dir = tempfile::tempdir().unwrap();
    let (k, _admin) = new_store_with_users(dir.path(), "een-wachtwoord-voor-allen");
    for role in [Role::Administrator, Role::Coordinator, Role::Volunteer] {
        let s = k
            .login(role_user(role), "een-wachtwoord-voor-allen")
            .unwrap();
        assert_eq!(s.role(), role);
    }
}

#[test]
fn the_samples_are_accepted_and_a_detained_member_gets_this_weeks_card() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    for input in [
        member("Anna", "", "Kok"),
        street_member("Bram", "de", "Vries"),
        foreign_member("Cor", "", "Dubois"),
        member_since_2020("Dina", "", "Eshuis"),
    ] {
        add_member(&admin, &input);
    }
    let jan = add_member(
        &admin,
        &expert_member("Jan", "van der", "Poel", "01-01-1980"),
    );
    let pi = admin.basemail().add_institution(&lelystad()).unwrap();
    let (recipient, _stay) = detain(&admin, jan, &stay(pi, d(2026, 10, 1)));
    let run = admin.basemail().compose(IsoWeek::of(today())).unwrap();
    assert!(
        run.cards
            .iter()
            .any(|c| c.recipient == Some(recipient) && c.who == Who::Member(jan)),
        "{run:?}"
    );

    let a = signed(&admin, &agreement(jan, "outreach"), d(2026, 6, 20));
    admin
        .experts()
        .schedule(a, slot(at(d(2026, 11, 24), 10, 0), ADMIN))
        .unwrap();
    let t = admin.training();
    t.save_skill(None, &skill("EHBO", "24")).unwrap();
    t.save_course(
        None,
        &course("EHBO-cursus", "Rode Kruis", "EHBO", "16", "120,00", ""),
    )
    .unwrap();
    let m = admin.meetings();
    let id = m
        .plan(&meeting("autumn", "10-12-2026", "Buurthuis De Kolk"))
        .unwrap();
    m.add_item(id, &item("Begroting", "De begroting vaststellen"))
        .unwrap();
    m.add_item(id, &item("Mededelingen", "")).unwrap();
    assert_eq!(m.get(id).unwrap().agenda.len(), 2);
}

#[test]
fn fields_are_the_field_errors_of_a_refused_input() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let refused = admin
        .basemail()
        .add_institution(&kapstok_core::basemail::service::InstitutionInput {
            name: String::new(),
            ..lelystad()
        })
        .unwrap_err();
    assert!(matches!(refused, Error::Invalid(_)));
    let errors = fields(refused);
    assert!(
        errors.contains(&FieldError::new("name", Reason::Required)),
        "{errors:?}"
    );
}

#[test]
fn files_holding_searches_every_file_under_a_folder_and_copy_dir_copies_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("a").join("b");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(dir.path().join("top"), b"niets").unwrap();
    std::fs::write(deep.join("deep"), b"\x00\x01Quibblewort\x02").unwrap();
    std::fs::write(deep.join("hex"), b"5155494242").unwrap();
    assert_eq!(
        files_holding(dir.path(), "Quibblewort"),
        [deep.join("deep").display().to_string()]
    );
    assert!(files_holding(dir.path(), "quibblewort").is_empty());
    assert_eq!(files_holding_any_case(dir.path(), "quibBLEwort").len(), 1);
    assert_eq!(files_under(dir.path()).len(), 3);

    let copy = tempfile::tempdir().unwrap();
    let to = copy.path().join("kopie");
    copy_dir(dir.path(), &to);
    assert_eq!(files_under(&to).len(), 3);
    assert_eq!(
        std::fs::read(to.join("a").join("b").join("deep")).unwrap(),
        b"\x00\x01Quibblewort\x02"
    );
}
