//! Backups: a restored store exports byte-identical to the original export; daily backups on the
//! first open of each day keep the newest N; only administrators back up; and arbitrary or
//! garbled backup files give a clear error, never a panic, and write nothing (proptest).

mod common;

use common::{d, member, new_store, raw_sled, retry_locked, ADMIN, PASSWORD};
use kapstok_core::clock::FixedClock;
use kapstok_core::store::{dump, Store, TreeId};
use kapstok_core::{Error, Kapstok, Role};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

const CREATED: &str = "2026-11-23T10:00:00";

fn open_store(path: &Path) -> Store {
    common::open_store(path).0
}

fn open_on(path: &Path, day: chrono::NaiveDate) -> Kapstok {
    retry_locked(
        || Kapstok::open_with_clock(path, Arc::new(FixedClock::at_date(day))),
        |e| matches!(e, Error::AlreadyOpen { .. }),
    )
    .unwrap()
}

/// A store with members, a coordinator, settings: most trees hold something.
fn filled(dir: &Path) -> PathBuf {
    let (_k, admin) = new_store(dir);
    for (g, p, s) in [
        ("Jan", "van der", "Poel"),
        ("Zoë", "", "Citroën"),
        ("Ömer", "", "Kaya"),
    ] {
        admin.members().create(&member(g, p, s)).unwrap();
    }
    admin
        .users()
        .add("coordinator", Role::Coordinator, "coordinator-wachtwoord")
        .unwrap();
    dir.join("store")
}

fn raw_trees(path: &Path) -> Vec<Vec<(Vec<u8>, Vec<u8>)>> {
    let raw = raw_sled(path);
    TreeId::ALL
        .iter()
        .map(|t| {
            raw.open_tree(t.name())
                .unwrap()
                .iter()
                .map(|i| {
                    let (k, v) = i.unwrap();
                    (k.to_vec(), v.to_vec())
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_restored_store_exports_byte_identical_to_the_original_export() {
    let dir = tempfile::tempdir().unwrap();
    let source = filled(dir.path());
    let first = dir.path().join("first.jsonl");
    let second = dir.path().join("second.jsonl");
    dump::write(&open_store(&source), &first, CREATED).unwrap();
    let target = dir.path().join("restored");
    {
        let blank = open_store(&target);
        let file = std::fs::File::open(&first).unwrap();
        dump::restore(&blank, std::io::BufReader::new(file), &first).unwrap();
    }
    // Opened as kapstok does (this also writes the day's backup, which changes nothing inside).
    let k = common::open(&target);
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    assert_eq!(admin.members().list().unwrap().len(), 3);
    drop((admin, k));
    dump::write(&open_store(&target), &second, CREATED).unwrap();
    let (a, b) = (
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap(),
    );
    assert!(a.len() > 1000, "the export holds the store");
    assert!(
        a == b,
        "the restored store's export differs from the original's"
    );
}

#[test]
fn only_administrators_back_up_and_the_backup_is_logged() {
    let dir = tempfile::tempdir().unwrap();
    let source = filled(dir.path());
    let k = common::open(&source);
    let c = k.login("coordinator", "coordinator-wachtwoord").unwrap();
    let file = dir.path().join("b.jsonl");
    assert!(matches!(c.backup(&file), Err(Error::Denied(_))));
    assert!(!file.exists());
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    let entries = admin.backup(&file).unwrap();
    assert!(entries > 5);
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        text.lines().count(),
        entries + 2,
        "header, entries, check line"
    );
    let logged = admin
        .audit_log()
        .entries(&Default::default())
        .unwrap()
        .iter()
        .any(|e| e.action == "store.backup");
    assert!(logged);
}

#[test]
fn the_first_open_of_each_day_writes_a_backup_and_the_newest_n_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = filled(dir.path());
    let backups = dir.path().join("store-backups");
    let names = || -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(&backups)
            .map(|r| {
                r.map(|e| e.unwrap().file_name().into_string().unwrap())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    // The store was created today: creating it wrote nothing.
    assert_eq!(names(), Vec::<String>::new());
    {
        let k = open_on(&path, d(2026, 11, 24));
        let admin = k.login(ADMIN, PASSWORD).unwrap();
        assert!(k.daily_backup().unwrap().is_ok());
        admin.set_backups_keep(2).unwrap();
        assert!(matches!(
            admin.set_backups_keep(1000),
            Err(Error::Invalid(_))
        ));
        let c = k.login("coordinator", "coordinator-wachtwoord").unwrap();
        assert!(matches!(c.set_backups_keep(5), Err(Error::Denied(_))));
    }
    assert_eq!(names(), ["daily-2026-11-24.jsonl"]);
    // The second open of the day writes nothing.
    assert!(open_on(&path, d(2026, 11, 24)).daily_backup().is_none());
    for day in [25, 26, 27] {
        let k = open_on(&path, d(2026, 11, day));
        assert!(k.daily_backup().is_some(), "day {day}");
    }
    assert_eq!(
        names(),
        ["daily-2026-11-26.jsonl", "daily-2026-11-27.jsonl"]
    );
    // A daily backup is a full backup: it restores.
    let file = backups.join("daily-2026-11-27.jsonl");
    let blank = open_store(&dir.path().join("from-daily"));
    dump::restore(&blank, std::fs::read(&file).unwrap().as_slice(), &file).unwrap();
    assert_eq!(blank.tree_len(TreeId::Members), 3);
}

#[test]
fn the_terminal_ui_writes_the_backup_of_the_day_after_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = filled(dir.path());
    let backups = dir.path().join("store-backups");
    let _ = std::fs::remove_dir_all(&backups);
    let k = retry_locked(
        || Kapstok::open_deferring_backup(&path),
        |e| matches!(e, Error::AlreadyOpen { .. }),
    )
    .unwrap();
    assert!(k.daily_backup().is_none());
    assert!(!backups.exists(), "opening wrote no backup");
    let written = k.backup_of_the_day().unwrap().unwrap();
    assert!(written.starts_with(&backups), "{written:?}");
    assert!(k.backup_of_the_day().is_none(), "one a day");
    // It is a whole backup: it restores into an empty store.
    let blank = open_store(&dir.path().join("restored"));
    let bytes = std::fs::read(&written).unwrap();
    assert!(dump::restore(&blank, bytes.as_slice(), &written).unwrap() > 0);
}

#[test]
fn a_locked_encrypted_store_gets_its_daily_backup_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let k = Kapstok::create_encrypted_with_clock(
            &path,
            "wachtwoordzin van de opslag",
            common::clock(),
        )
        .unwrap();
        let admin = k.setup(ADMIN, PASSWORD).unwrap();
        admin.members().create(&member("Jan", "", "Poel")).unwrap();
    }
    let k = open_on(&path, d(2026, 11, 30));
    assert!(k.is_locked());
    let file = k.daily_backup().unwrap().unwrap().to_path_buf();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("{\"kapstok_dump\":2,"));
    assert!(text.lines().next().unwrap().contains("\"encrypted\":true"));
    // Values are stored as hex in a backup: the name in hex ("Poel") is not there.
    assert!(!text.to_lowercase().contains("506f656c"));
}

// ---------------------------------------------------------------------------------------------
// Garbled backups (proptest)
// ---------------------------------------------------------------------------------------------

/// One valid dump of a filled store, made once for all cases, and the raw trees it holds.
fn valid_dump() -> &'static (Vec<u8>, tempfile::TempDir) {
    static DUMP: OnceLock<(Vec<u8>, tempfile::TempDir)> = OnceLock::new();
    DUMP.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let source = filled(dir.path());
        let file = dir.path().join("valid.jsonl");
        dump::write(&open_store(&source), &file, CREATED).unwrap();
        (std::fs::read(&file).unwrap(), dir)
    })
}

/// Restores `bytes` into a new blank store: either a clear error and nothing written, or (for
/// a change the check cannot see, such as the `created` text) the same store as the original.
fn restore_is_all_or_nothing(bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target");
    let source = Path::new("garbled.jsonl");
    let store = open_store(&target);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        dump::restore(&store, bytes, source)
    }));
    let Ok(result) = result else {
        return Err(TestCaseError::fail("restore panicked"));
    };
    match result {
        Err(e) => {
            let text = e.to_string();
            prop_assert!(!text.is_empty());
            prop_assert!(
                matches!(e, Error::BadBackup { .. } | Error::NewerFormat { .. }),
                "unexpected error kind: {e:?}"
            );
            if let Error::BadBackup { path, .. } = &e {
                prop_assert_eq!(path.as_str(), "garbled.jsonl");
            }
            prop_assert!(store.is_blank(), "something was written: {}", text);
        }
        Ok(_) => {
            let again = dir.path().join("again.jsonl");
            dump::write(&store, &again, CREATED).unwrap();
            let a = std::fs::read(&again).unwrap();
            prop_assert!(
                a == valid_dump().0,
                "a changed backup restored into another store"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_are_refused_clearly(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        restore_is_all_or_nothing(&bytes)?;
    }

    #[test]
    fn arbitrary_json_lines_are_refused_clearly(
        lines in proptest::collection::vec(
            prop_oneof![
                Just(r#"{"kapstok_dump":2,"format_version":2,"created":"x","encrypted":false}"#.to_string()),
                Just(r#"{"end":0,"blake2b":"00"}"#.to_string()),
                "\\{\"tree\":\"(meta|members|users|nope)\",\"key\":\"[0-9a-f]{0,18}\",\"value\":\"[0-9a-f]{0,12}\"\\}",
                any::<String>(),
            ],
            0..8,
        )
    ) {
        restore_is_all_or_nothing(lines.join("\n").as_bytes())?;
    }

    #[test]
    fn a_flipped_byte_is_refused_or_harmless(at in any::<prop::sample::Index>(), bit in 0u8..8) {
        let mut bytes = valid_dump().0.clone();
        let i = at.index(bytes.len());
        bytes[i] ^= 1 << bit;
        restore_is_all_or_nothing(&bytes)?;
    }

    #[test]
    fn a_truncated_backup_is_refused(at in any::<prop::sample::Index>()) {
        let bytes = valid_dump().0.clone();
        // Cut anywhere before the check line's end (a cut of only the last newline is whole).
        let cut = at.index(bytes.len() - 1);
        restore_is_all_or_nothing(&bytes[..cut])?;
        let dir = tempfile::tempdir().unwrap();
        let store = open_store(&dir.path().join("t"));
        prop_assert!(dump::restore(&store, &bytes[..cut], Path::new("t.jsonl")).is_err());
    }

    #[test]
    fn a_missing_or_repeated_line_is_refused(at in any::<prop::sample::Index>(), repeat in any::<bool>()) {
        let text = String::from_utf8(valid_dump().0.clone()).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        let i = at.index(lines.len());
        if repeat {
            lines.insert(i, lines[i]);
        } else {
            lines.remove(i);
        }
        let garbled = lines.join("\n") + "\n";
        let dir = tempfile::tempdir().unwrap();
        let store = open_store(&dir.path().join("t"));
        prop_assert!(dump::restore(&store, garbled.as_bytes(), Path::new("t.jsonl")).is_err());
        prop_assert!(store.is_blank());
    }
}

#[test]
fn raw_trees_helper_sees_the_restored_records() {
    // Guards the helpers above: a restore writes the very bytes of the source.
    let dir = tempfile::tempdir().unwrap();
    let source = filled(dir.path());
    let file = dir.path().join("d.jsonl");
    dump::write(&open_store(&source), &file, CREATED).unwrap();
    let target = dir.path().join("t");
    {
        let blank = open_store(&target);
        dump::restore(&blank, std::fs::read(&file).unwrap().as_slice(), &file).unwrap();
    }
    assert_eq!(raw_trees(&target), raw_trees(&source));
}
