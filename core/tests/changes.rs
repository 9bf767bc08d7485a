//! Committed changes are announced: which records, who; nothing for a refused change; the
//! announcement comes after the change can be read; and listeners keep hearing across the
//! rewrite after an erasure.

mod common;

use common::{add_user, lelystad, ADMIN, PASSWORD};
use kapstok_core::members::Status;
use kapstok_core::privacy::rewrite_store;
use kapstok_core::store::changes::{Change, CAPACITY};
use kapstok_core::store::TreeId;
use kapstok_core::{Error, Role};

#[test]
fn a_committed_change_is_announced_with_its_records_and_who_made_it() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = common::new_store(dir.path());
    let changes = k.subscribe();
    let number = admin
        .members()
        .create(&common::member("Jan", "van der", "Poel"))
        .unwrap()
        .member
        .number;
    let set = changes.try_next().expect("announced");
    assert_eq!(set.who.as_deref(), Some(ADMIN));
    assert!(set.changes.contains(&Change {
        tree: TreeId::Members,
        id: number,
    }));
    assert!(set.touches(TreeId::Audit));
    assert!(!set.touches(TreeId::Runs));
    // Announced once the change is on disk: a read now sees it.
    assert_eq!(admin.members().get(number).unwrap().name.surname, "Poel");
    assert!(changes.try_next().is_none(), "one change, one announcement");

    // Another session's change reaches the same listener, with its own name.
    add_user(&admin, Role::Coordinator, PASSWORD);
    assert!(changes.try_next().unwrap().touches(TreeId::Users));
    let coordinator = k.login("coordinator", PASSWORD).unwrap();
    coordinator.basemail().add_institution(&lelystad()).unwrap();
    let set = changes.try_next().unwrap();
    assert_eq!(set.who.as_deref(), Some("coordinator"));
    assert!(set.touches(TreeId::Institutions));
    assert!(!changes.lagged());
}

#[test]
fn a_refused_change_announces_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = common::new_store(dir.path());
    let changes = k.subscribe();
    assert!(matches!(
        admin
            .members()
            .update(99, &common::member("Jan", "", "Poel")),
        Err(Error::NotFound { .. })
    ));
    let bad = common::member("", "", "");
    assert!(admin.members().create(&bad).is_err());
    assert!(changes.try_next().is_none());
}

#[test]
fn a_listener_that_does_not_read_lags_and_holds_up_no_one() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = common::new_store(dir.path());
    let slow = k.subscribe();
    for i in 0..CAPACITY + 5 {
        admin
            .members()
            .create(&common::member("Jan", "", &format!("Poel{i}")))
            .unwrap();
    }
    assert!(slow.lagged(), "it missed some: it reloads everything");
    let mut kept = 0;
    while slow.try_next().is_some() {
        kept += 1;
    }
    assert_eq!(kept, CAPACITY);
}

#[test]
fn listeners_keep_hearing_after_the_rewrite_that_follows_an_erasure() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = common::new_store(dir.path());
    let changes = k.subscribe();
    let n = admin
        .members()
        .create(&common::member("Jan", "", "Poel"))
        .unwrap()
        .member
        .number;
    admin
        .members()
        .change_status(
            n,
            Status::Ended {
                reason: "opgezegd".into(),
            },
            common::today(),
        )
        .unwrap();
    admin.privacy().erase(n).unwrap();
    while changes.try_next().is_some() {}
    drop(k);
    let (admin, done) = rewrite_store(admin).unwrap();
    done.unwrap();
    admin
        .members()
        .create(&common::member("Els", "", "Bakker"))
        .unwrap();
    assert!(changes.try_next().unwrap().touches(TreeId::Members));
}
