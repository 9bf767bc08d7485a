//! The rewrite after an erasure, attacked: a second kapstok at every step, a kill at every step,
//! a kill between the erasure and its rewrite, and folders left in states no step leaves.
//!
//! The store was once lost this way: a second kapstok started during `person erase` ran the
//! recovery of an interrupted rewrite before taking sled's lock, deleted the finished copy, and
//! the next open created an empty store.

mod common;

// The backups beside the store are not searched: they hold the person by design, and say so.
use common::{files_holding as holding, ADMIN, PASSWORD};
use kapstok_core::members::Status;
use kapstok_core::store::rewrite::Step;
use kapstok_core::store::Store;
use kapstok_core::{Error, Kapstok};
use std::path::{Path, PathBuf};

const SECRET: &str = "Quibblewortenstein";

/// A store with four members, one of them an ex-member whose data was just erased; the store
/// is closed with the rewrite still due (as after a kill right after the erasure).
fn erased_store(dir: &Path) -> (PathBuf, u64) {
    let (k, admin) = common::new_store(dir);
    let number = admin
        .members()
        .create(&common::member("Jan", "", SECRET))
        .unwrap()
        .member
        .number;
    for surname in ["Poel", "Bakker", "Visser"] {
        admin
            .members()
            .create(&common::member("Els", "", surname))
            .unwrap();
    }
    admin
        .members()
        .change_status(
            number,
            Status::Ended {
                reason: "opgezegd".into(),
            },
            common::today(),
        )
        .unwrap();
    admin.privacy().erase(number).unwrap();
    assert!(kapstok_core::privacy::rewrite_due(&k).unwrap());
    let path = k.path().to_path_buf();
    drop(admin);
    drop(k);
    (path, number)
}

/// What lies beside the store, by name, sorted.
fn beside(path: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

/// The store opens whole: every member there, the erased one blank, the rewrite done, and
/// nothing of an interrupted rewrite left beside it.
fn assert_whole_and_rewritten(path: &Path, number: u64) {
    let k = common::open(path);
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    let members = admin.members().list().unwrap();
    assert_eq!(members.len(), 4, "no member lost");
    let erased = members.iter().find(|m| m.number == number).unwrap();
    assert!(erased.name.surname.is_empty());
    assert!(!kapstok_core::privacy::rewrite_due(&k).unwrap());
    drop(admin);
    drop(k);
    let hits = holding(path, SECRET);
    assert!(hits.is_empty(), "the erased name is still in {hits:?}");
    assert_eq!(
        beside(path),
        vec!["store", "store-backups", "store.lock"],
        "no copy, old folder or marker left"
    );
}

#[test]
fn the_erasure_itself_makes_the_rewrite_due_so_a_kill_after_it_cannot_keep_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let (path, number) = erased_store(dir.path());
    // Killed before any rewrite: the old versions are still in sled's log, and no marker file
    // is needed for the next open to know.
    assert!(!holding(&path, SECRET).is_empty());
    assert!(!dir.path().join("store.rewrite-pending").exists());
    assert_whole_and_rewritten(&path, number);
}

#[test]
fn a_second_kapstok_at_every_step_of_a_rewrite_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, number) = erased_store(dir.path());
    let mut seen = Vec::new();
    let (store, _) = Store::open_with(&path, &mut |step| {
        seen.push(step);
        let files_before = beside(&path);
        assert!(
            matches!(Store::open(&path), Err(Error::AlreadyOpen { .. })),
            "a second store handle at {step:?}"
        );
        assert!(
            matches!(Kapstok::open(&path), Err(Error::AlreadyOpen { .. })),
            "a second kapstok at {step:?}"
        );
        // The TUI's "rewrite what is due as I quit" leaves it to the one that has it open.
        assert!(!kapstok_core::privacy::rewrite_pending(&path).unwrap());
        assert_eq!(
            beside(&path),
            files_before,
            "the refused kapstok changed files"
        );
        Ok(())
    })
    .unwrap();
    assert_eq!(seen, Step::ALL.to_vec());
    // Refused while this handle lives, also after the rewrite.
    assert!(matches!(Store::open(&path), Err(Error::AlreadyOpen { .. })));
    drop(store);
    assert_whole_and_rewritten(&path, number);
}

#[test]
fn a_kill_at_every_step_of_a_rewrite_leaves_one_whole_store() {
    for stop in Step::ALL {
        let dir = tempfile::tempdir().unwrap();
        let (path, number) = erased_store(dir.path());
        let killed = Store::open_with(&path, &mut |step| {
            if step == stop {
                Err(Error::Storage(format!("killed at {step:?}")))
            } else {
                Ok(())
            }
        });
        assert!(killed.is_err(), "stopped at {stop:?}");
        // A second kapstok right after the kill: it recovers, finishes the rewrite, and finds
        // everything.
        assert_whole_and_rewritten(&path, number);
    }
}

#[test]
fn a_kill_while_shredding_the_old_folder_is_finished_on_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let (path, number) = erased_store(dir.path());
    // The swap is done and the old folder half shredded when the process dies.
    let (store, _) = Store::open(&path).unwrap();
    drop(store);
    let old = dir.path().join("store.old");
    std::fs::create_dir_all(&old).unwrap();
    std::fs::write(old.join("db"), SECRET).unwrap();
    assert_whole_and_rewritten(&path, number);
}

#[test]
fn a_folder_state_no_step_leaves_is_refused_and_never_replaced_by_an_empty_store() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = erased_store(dir.path());
    let old = dir.path().join("store.old");
    // The store's folder moved away by hand (or by an older kapstok's race): only `.old`.
    std::fs::rename(&path, &old).unwrap();
    let refused = Kapstok::open(&path);
    assert!(
        matches!(&refused, Err(Error::Storage(text)) if text.contains("store.old")),
        "{refused:?}"
    );
    assert!(!path.exists(), "no empty store was made");
    assert!(old.join("db").exists(), "the old folder was kept");

    // A marker that says the swap was being finished, with the store and the copy both gone.
    std::fs::rename(&old, dir.path().join("elsewhere")).unwrap();
    std::fs::write(dir.path().join("store.rewrite-complete"), b"").unwrap();
    assert!(matches!(Kapstok::open(&path), Err(Error::Storage(_))));
    assert!(!path.exists(), "no empty store was made");
}
