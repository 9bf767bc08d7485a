//! End-to-end tests of encryption and backups with the real binary: the TUI's first start
//! creates an encrypted store when a passphrase is given; the CLI creates one with
//! `init --encrypt`, logs in through it, refuses wrong secrets clearly, changes the passphrase
//! (`rekey`), backs up and restores (refusing a store that holds anything and a damaged file).
//! The store's files are searched for names: none is there in plaintext.

#![cfg(unix)]

mod common;

use common::{assert_failure, assert_success, Store, START_TIMEOUT};
use kapstok_testkit::{files_holding_any_case, files_under};
use kapstok_tests::{stdout, Key, TIMEOUT};
use std::path::Path;

const PASSPHRASE: &str = "de wachtwoordzin van de vereniging";
const PASSWORD: &str = "een-lang-geheim";

/// `text` as lower-case hex, the way backups hold values.
fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

/// True when any file under `dir` holds `needle` (ASCII, any case).
fn files_contain(dir: &Path, needle: &str) -> bool {
    assert!(
        !files_under(dir).is_empty(),
        "no files under {}",
        dir.display()
    );
    !files_holding_any_case(dir, needle).is_empty()
}

#[test]
fn first_start_with_a_passphrase_creates_an_encrypted_store() {
    let store = Store::new();
    let mut tui = store.tui(&[]);
    tui.wait_for("Welkom bij kapstok", START_TIMEOUT).unwrap();
    tui.key(Key::Down);
    tui.key(Key::Enter);
    let screen = tui.wait_for("Eerste beheerder", TIMEOUT).unwrap();
    assert!(screen.contains("Wachtwoordzin opslag"), "{screen}");
    assert!(
        screen.contains("wachtwoordzin wordt de opslag versleuteld"),
        "{screen}"
    );
    for (text, wait) in [
        ("marieke", "Wachtwoord"),
        (PASSWORD, "Wachtwoord (nogmaals)"),
        (PASSWORD, "Wachtwoordzin opslag"),
        (PASSPHRASE, "Wachtwoordzin (nogmaals)"),
    ] {
        tui.send(text);
        tui.key(Key::Enter);
        tui.wait_for(wait, TIMEOUT).unwrap();
    }
    tui.send(PASSPHRASE);
    tui.key(Key::Enter);
    tui.wait_for("Ingelogd als marieke", TIMEOUT).unwrap();
    tui.send("q");
    let status = tui
        .wait_exit(TIMEOUT)
        .expect("kapstok did not exit after q");
    assert!(status.success(), "{status:?}");

    // The login name is nowhere in the files, and the CLI's login opens the store.
    assert!(!files_contain(Path::new(store.db()), "marieke"));
    let out = store.run_as("marieke", PASSWORD, &["user", "list"]);
    assert_success(&out, "user list on the encrypted store");
    assert!(stdout(&out).contains("marieke"), "{}", stdout(&out));
    let out = store.run_as("marieke", "verkeerd-wachtwoord", &["user", "list"]);
    let err = assert_failure(&out, "a wrong password");
    assert!(
        err.contains("Onbekende gebruiker of verkeerd wachtwoord"),
        "{err}"
    );
    let out = store.run(
        &["user", "list"],
        &[("KAPSTOK_PASSPHRASE", "niet de goede zin")],
    );
    let err = assert_failure(&out, "a wrong passphrase");
    assert!(
        err.contains("Verkeerde wachtwoordzin van de opslag"),
        "{err}"
    );
}

#[test]
fn an_encrypted_store_backs_up_restores_and_changes_its_passphrase_by_cli() {
    let store = Store::new();
    let out = store.run(
        &["init", "--encrypt", "--user", "beheer"],
        &[
            ("KAPSTOK_NEW_PASSPHRASE", PASSPHRASE),
            ("KAPSTOK_NEW_PASSWORD", PASSWORD),
        ],
    );
    assert_success(&out, "init --encrypt");
    assert!(
        stdout(&out).contains("Nieuwe versleutelde opslag aangemaakt"),
        "{}",
        stdout(&out)
    );
    // A second init on the same store is refused.
    let out = store.run(&["init"], &[]);
    let err = assert_failure(&out, "init on an existing store");
    assert!(err.contains("Hier staat al een opslag"), "{err}");

    let csv = store.dir().join("leden.csv");
    std::fs::write(
        &csv,
        "surname;given;joined;notes\nZwartekop;Wilhelmina;01-03-2024;methadon\nDijkstra;Pieter;02-03-2024;\n",
    )
    .unwrap();
    let out = store.run_as(
        "beheer",
        PASSWORD,
        &["import", "members", csv.to_str().unwrap()],
    );
    assert_success(&out, "import");
    let list = |s: &Store, db_note: &str| -> String {
        let out = s.run_as("beheer", PASSWORD, &["members", "list"]);
        assert_success(&out, db_note);
        stdout(&out)
    };
    let before = list(&store, "members list");
    assert!(before.contains("Zwartekop, Wilhelmina"), "{before}");
    for word in ["Zwartekop", "Wilhelmina", "methadon", "Dijkstra", "beheer"] {
        assert!(
            !files_contain(Path::new(store.db()), word),
            "{word} in the files"
        );
    }

    // Backup, then restore into a new store: the same register; the backup holds no name.
    let backup = store.dir().join("backup.jsonl");
    let out = store.run_as("beheer", PASSWORD, &["backup", backup.to_str().unwrap()]);
    assert_success(&out, "backup");
    assert!(
        stdout(&out).contains("Reservekopie geschreven"),
        "{}",
        stdout(&out)
    );
    let text = std::fs::read_to_string(&backup).unwrap();
    for word in ["Zwartekop", "beheer"] {
        assert!(
            !text.contains(word) && !text.contains(&hex(word)),
            "{word} in the backup"
        );
    }
    let other = Store::new();
    let out = other.run(&["restore", backup.to_str().unwrap()], &[]);
    assert_success(&out, "restore");
    assert!(stdout(&out).contains("Teruggezet"), "{}", stdout(&out));
    assert_eq!(list(&other, "members list on the restored store"), before);
    // Restoring into a store that holds anything is refused.
    let out = other.run(&["restore", backup.to_str().unwrap()], &[]);
    let err = assert_failure(&out, "restore into a filled store");
    assert!(
        err.contains("niet leeg") || err.contains("not empty"),
        "{err}"
    );
    // A damaged backup is refused with the line, and nothing is written.
    let damaged = store.dir().join("damaged.jsonl");
    std::fs::write(
        &damaged,
        text.replacen("\"value\":\"02", "\"value\":\"03", 1),
    )
    .unwrap();
    let third = Store::new();
    let out = third.run(&["restore", damaged.to_str().unwrap()], &[]);
    let err = assert_failure(&out, "restore of a damaged backup");
    assert!(
        err.contains("regel ") && err.contains("neem een andere back-up"),
        "{err}"
    );
    let out = third.run(&["init"], &[]);
    assert_success(
        &out,
        "init after the refused restore: the store is still empty",
    );

    // rekey: the old passphrase no longer opens the store, the new one does.
    let out = store.run(
        &["rekey", "--user", "beheer"],
        &[
            ("KAPSTOK_PASSWORD", PASSWORD),
            ("KAPSTOK_NEW_PASSPHRASE", "een heel nieuwe zin"),
        ],
    );
    assert_success(&out, "rekey");
    assert!(stdout(&out).contains("Wachtwoordzin van de opslag gewijzigd"));
    let out = store.run(
        &["members", "list", "--user", "beheer"],
        &[
            ("KAPSTOK_PASSPHRASE", PASSPHRASE),
            ("KAPSTOK_PASSWORD", PASSWORD),
        ],
    );
    assert!(assert_failure(&out, "old passphrase").contains("Verkeerde wachtwoordzin"));
    let out = store.run(
        &["members", "list", "--user", "beheer"],
        &[
            ("KAPSTOK_PASSPHRASE", "een heel nieuwe zin"),
            ("KAPSTOK_PASSWORD", PASSWORD),
        ],
    );
    assert_success(&out, "new passphrase");
    assert_eq!(stdout(&out), before);

    // The automatic daily backup is there and listed.
    let out = store.run_as("beheer", PASSWORD, &["backups", "--keep", "3"]);
    assert_success(&out, "backups --keep 3");
    let listed = stdout(&out);
    assert!(listed.contains("bewaard: 3"), "{listed}");
    assert!(listed.contains("store-backups/daily-"), "{listed}");
}

#[test]
fn rekey_on_an_unencrypted_store_is_refused_clearly() {
    let store = Store::new();
    let out = store.run(
        &["init", "--user", "beheer"],
        &[("KAPSTOK_NEW_PASSWORD", PASSWORD)],
    );
    assert_success(&out, "init");
    let out = store.run(
        &["rekey", "--user", "beheer"],
        &[
            ("KAPSTOK_PASSWORD", PASSWORD),
            ("KAPSTOK_NEW_PASSPHRASE", "een heel nieuwe zin"),
        ],
    );
    let err = assert_failure(&out, "rekey on a plain store");
    assert!(err.contains("niet versleuteld"), "{err}");
}

#[test]
fn a_plain_store_becomes_encrypted_by_backup_and_restore_with_encryption() {
    let store = Store::new();
    let out = store.run(
        &["init", "--user", "beheer"],
        &[("KAPSTOK_NEW_PASSWORD", PASSWORD)],
    );
    assert_success(&out, "init");
    let csv = store.dir().join("leden.csv");
    std::fs::write(
        &csv,
        "surname;given;joined\nZwartekop;Wilhelmina;01-03-2024\n",
    )
    .unwrap();
    let out = store.run_as(
        "beheer",
        PASSWORD,
        &["import", "members", csv.to_str().unwrap()],
    );
    assert_success(&out, "import");
    let backup = store.dir().join("plain.jsonl");
    let out = store.run_as("beheer", PASSWORD, &["backup", backup.to_str().unwrap()]);
    assert_success(&out, "backup");
    // An unencrypted backup holds the name (as hex, like every value).
    assert!(std::fs::read_to_string(&backup)
        .unwrap()
        .contains(&hex("Zwartekop")));

    let sealed = Store::new();
    let out = sealed.run(
        &["restore", "--encrypt", backup.to_str().unwrap()],
        &[("KAPSTOK_NEW_PASSPHRASE", PASSPHRASE)],
    );
    assert_success(&out, "restore --encrypt");
    assert!(!files_contain(Path::new(sealed.db()), "Zwartekop"));
    assert!(!files_contain(Path::new(sealed.db()), &hex("Zwartekop")));
    // The first login needs the passphrase (it makes the user's copy of the key) ...
    let out = sealed.run_as("beheer", PASSWORD, &["members", "list"]);
    assert_failure(&out, "a login before any copy of the key exists");
    let out = sealed.run(
        &["members", "list", "--user", "beheer"],
        &[
            ("KAPSTOK_PASSPHRASE", PASSPHRASE),
            ("KAPSTOK_PASSWORD", PASSWORD),
        ],
    );
    assert_success(&out, "first login with the passphrase");
    assert!(stdout(&out).contains("Zwartekop, Wilhelmina"));
    // ... after that the password alone opens it.
    let out = sealed.run_as("beheer", PASSWORD, &["members", "list"]);
    assert_success(&out, "a later login");
    assert!(stdout(&out).contains("Zwartekop, Wilhelmina"));
}
