//! SSH public keys of user accounts, blocking accounts, and where a change came from: what
//! `kapstok serve` rests on. A key logs in only the active account it is registered to; every
//! change a session makes says in the audit log where it came from.

mod common;

use common::{member, new_store, role_user, with_roles, ADMIN, PASSWORD, ROLE_PASSWORD};
use kapstok_core::access::{parse_public_key, AuditFilter, Origin, PublicKey};
use kapstok_core::{Error, Kapstok, Permission, Reason, Role};

const KEY_A: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUm beheer@kantoor";
const KEY_B: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywt";

fn key(text: &str) -> PublicKey {
    parse_public_key(text).unwrap().0
}

fn ssh(address: &str, fingerprint: &str) -> Origin {
    Origin::Ssh {
        address: address.into(),
        key: Some(fingerprint.into()),
    }
}

fn field_reason(e: &Error) -> (&str, &Reason) {
    match e {
        Error::Invalid(f) => (f[0].field, &f[0].reason),
        other => panic!("not a field error: {other:?}"),
    }
}

#[test]
fn a_registered_key_logs_in_its_own_account_and_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    let [_, coordinator, _] = with_roles(&k, &admin);
    let coordinator_id = coordinator.user_id();
    let fp = admin.users().add_key(coordinator_id, KEY_A).unwrap();
    assert!(fp.starts_with("SHA256:"), "{fp}");

    let keys = admin.users().keys(coordinator_id).unwrap();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0].fingerprint, fp);
    assert_eq!(keys[0].algorithm, "ssh-ed25519");
    assert_eq!(keys[0].comment, "beheer@kantoor");
    assert!(!keys[0].openssh.contains("beheer@kantoor"));
    // Everyone may see their own keys.
    assert_eq!(coordinator.users().keys(coordinator_id).unwrap(), keys);

    let name = role_user(Role::Coordinator);
    let origin = ssh("192.168.1.20:50000", &fp);
    let s = k.login_with_key(name, &key(KEY_A), origin.clone()).unwrap();
    assert_eq!(s.user_name(), name);
    assert_eq!(s.role(), Role::Coordinator);
    assert_eq!(s.origin(), &origin);
    // The same key does not open another account, and another key does not open this one.
    assert!(matches!(
        k.login_with_key(ADMIN, &key(KEY_A), origin.clone()),
        Err(Error::BadLogin)
    ));
    assert!(matches!(
        k.login_with_key(name, &key(KEY_B), origin.clone()),
        Err(Error::BadLogin)
    ));
    assert!(matches!(
        k.login_with_key("niemand", &key(KEY_A), origin),
        Err(Error::BadLogin)
    ));
    assert!(k.key_is_registered(name, &key(KEY_A)).unwrap());
    assert!(!k.key_is_registered(name, &key(KEY_B)).unwrap());
    assert!(!k.key_is_registered(ADMIN, &key(KEY_A)).unwrap());
}

#[test]
fn a_key_belongs_to_one_account_and_bad_keys_are_refused_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    let [_, coordinator, _] = with_roles(&k, &admin);
    admin.users().add_key(admin.user_id(), KEY_A).unwrap();
    for owner in [admin.user_id(), coordinator.user_id()] {
        let e = admin.users().add_key(owner, KEY_A).unwrap_err();
        assert_eq!(field_reason(&e), ("key", &Reason::Taken));
    }
    let e = admin
        .users()
        .add_key(admin.user_id(), "ssh-ed25519 AAAA")
        .unwrap_err();
    assert_eq!(field_reason(&e), ("key", &Reason::BadPublicKey));
    // A key for an account that does not exist.
    assert!(matches!(
        admin.users().add_key(999, KEY_B),
        Err(Error::NotFound { .. })
    ));
    // A comment with an escape sequence is refused, not stored.
    let hostile = format!("{} evil\u{1b}[2J", &KEY_B);
    let e = admin
        .users()
        .add_key(admin.user_id(), &hostile)
        .unwrap_err();
    assert_eq!(field_reason(&e).0, "key");
    assert_eq!(admin.users().keys(admin.user_id()).unwrap().len(), 1);
}

#[test]
fn only_administrators_register_remove_or_see_others_keys() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    let [_, coordinator, volunteer] = with_roles(&k, &admin);
    let denied = |r: Result<_, Error>| {
        assert!(matches!(r, Err(Error::Denied(Permission::UsersManage))));
    };
    denied(
        volunteer
            .users()
            .add_key(volunteer.user_id(), KEY_A)
            .map(|_| ()),
    );
    denied(coordinator.users().keys(admin.user_id()).map(|_| ()));
    admin.users().add_key(volunteer.user_id(), KEY_A).unwrap();
    let fp = admin.users().keys(volunteer.user_id()).unwrap()[0]
        .fingerprint
        .clone();
    denied(volunteer.users().remove_key(volunteer.user_id(), &fp));
    denied(volunteer.users().set_active(volunteer.user_id(), false));
}

#[test]
fn a_removed_key_or_a_blocked_account_no_longer_logs_in() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    let [_, coordinator, volunteer] = with_roles(&k, &admin);
    let name = role_user(Role::Volunteer);
    let fp = admin.users().add_key(volunteer.user_id(), KEY_B).unwrap();
    let origin = ssh("10.0.0.5:4000", &fp);
    assert!(k.login_with_key(name, &key(KEY_B), origin.clone()).is_ok());

    admin
        .users()
        .set_active(volunteer.user_id(), false)
        .unwrap();
    assert!(matches!(
        k.login_with_key(name, &key(KEY_B), origin.clone()),
        Err(Error::BadLogin)
    ));
    assert!(matches!(k.login(name, ROLE_PASSWORD), Err(Error::BadLogin)));
    assert!(!k.key_is_registered(name, &key(KEY_B)).unwrap());
    admin.users().set_active(volunteer.user_id(), true).unwrap();
    assert!(k.login_with_key(name, &key(KEY_B), origin.clone()).is_ok());
    assert!(k.login(name, ROLE_PASSWORD).is_ok());

    let e = admin
        .users()
        .remove_key(volunteer.user_id(), "SHA256:nothing")
        .unwrap_err();
    assert_eq!(field_reason(&e).0, "fingerprint");
    // Another account's fingerprint does not remove this one's key.
    let e = admin
        .users()
        .remove_key(coordinator.user_id(), &fp)
        .unwrap_err();
    assert_eq!(field_reason(&e).0, "fingerprint");
    admin.users().remove_key(volunteer.user_id(), &fp).unwrap();
    assert!(admin.users().keys(volunteer.user_id()).unwrap().is_empty());
    assert!(matches!(
        k.login_with_key(name, &key(KEY_B), origin),
        Err(Error::BadLogin)
    ));
}

#[test]
fn an_administrator_cannot_block_their_own_account() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    let e = admin
        .users()
        .set_active(admin.user_id(), false)
        .unwrap_err();
    assert_eq!(field_reason(&e), ("user", &Reason::OwnAccount));
    assert!(k.login(ADMIN, PASSWORD).is_ok());
}

#[test]
fn the_audit_log_says_where_each_change_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    let fp = admin.users().add_key(admin.user_id(), KEY_A).unwrap();
    admin
        .members()
        .create(&member("Lokaal", "", "Lid"))
        .unwrap();
    let origin = ssh("192.168.1.20:50000", &fp);
    let remote = k
        .login_with_key(ADMIN, &key(KEY_A), origin.clone())
        .unwrap();
    remote
        .members()
        .create(&member("Op", "", "Afstand"))
        .unwrap();
    // A session cloned for a job keeps its origin.
    remote
        .clone()
        .members()
        .create(&member("Uit", "", "Taak"))
        .unwrap();

    let entries = admin.audit_log().entries(&AuditFilter::default()).unwrap();
    let creates: Vec<&Origin> = entries
        .iter()
        .filter(|e| e.action == "member.create")
        .map(|e| &e.origin)
        .collect();
    assert_eq!(creates, [&Origin::Local, &origin, &origin]);
    let added = entries.iter().find(|e| e.action == "user.key.add").unwrap();
    assert_eq!(added.detail, fp);
    assert_eq!(added.record, format!("user/{}", admin.user_id()));
    // And after reopening the store.
    drop((admin, remote));
    drop(k);
    let k: Kapstok = common::open(&dir.path().join("store"));
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    let entries = admin.audit_log().entries(&AuditFilter::default()).unwrap();
    assert_eq!(entries.iter().filter(|e| e.origin == origin).count(), 2);
}
