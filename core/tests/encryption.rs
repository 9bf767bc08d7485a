//! Encryption at rest: an encrypted store's files hold no name in plaintext, a login opens it, a
//! wrong passphrase or password is a clear error, a password change re-wraps only that user's
//! copy of the key, `rekey` changes the passphrase or re-encrypts, values cannot be swapped, and
//! an encrypted backup restores into a store that opens with the same secrets.

mod common;

use common::{
    clock, files_under, open_store, raw_format_version, raw_sled, retry_locked,
    set_raw_format_version, ADMIN, PASSWORD,
};
use kapstok_core::members::MemberInput;
use kapstok_core::store::{dump, Store, TreeId};
use kapstok_core::{Error, Kapstok, Role};
use std::path::{Path, PathBuf};

const PASSPHRASE: &str = "lange wachtwoordzin van de vereniging";

/// Words that must never appear in an encrypted store's files: names, an address, a phone
/// number, a note, the login names.
const SECRETS: [&str; 8] = [
    "Wilhelmina",
    "Zwartekop",
    "Keizersgracht",
    "0612345678",
    "methadon",
    "Dijkstra",
    "beheer",
    "coordinator",
];

fn open(path: &Path) -> Kapstok {
    retry_locked(
        || Kapstok::open_with_clock(path, clock()),
        |e| matches!(e, Error::AlreadyOpen { .. }),
    )
    .unwrap()
}

fn person(given: &str, surname: &str) -> MemberInput {
    MemberInput {
        given: given.into(),
        surname: surname.into(),
        address_kind: "street".into(),
        street: "Keizersgracht".into(),
        house_number: "12".into(),
        postcode: "1015 CS".into(),
        city: "Amsterdam".into(),
        phone: "0612345678".into(),
        notes: "methadon via de huisarts".into(),
        joined: "01-03-2024".into(),
        ..MemberInput::default()
    }
}

/// Creates a store (encrypted or not) with two members and two users.
fn filled(path: &Path, encrypted: bool) {
    let k = if encrypted {
        Kapstok::create_encrypted_with_clock(path, PASSPHRASE, clock()).unwrap()
    } else {
        open(path)
    };
    let admin = k.setup(ADMIN, PASSWORD).unwrap();
    admin
        .members()
        .create(&person("Wilhelmina", "Zwartekop"))
        .unwrap();
    admin
        .members()
        .create(&person("Pieter", "Dijkstra"))
        .unwrap();
    admin
        .users()
        .add("coordinator", Role::Coordinator, "coordinator-wachtwoord")
        .unwrap();
}

/// A filled encrypted store in a temporary folder (kept while the folder lives).
fn encrypted_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    filled(&path, true);
    (dir, path)
}

/// Every file under `dir`, read whole.
fn raw_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    files_under(dir)
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect()
}

/// Whether `haystack` holds `needle` as text (any case) or as hex (as backups store values).
fn contains(haystack: &[u8], needle: &str) -> bool {
    let hex: String = needle.bytes().map(|b| format!("{b:02x}")).collect();
    [needle, hex.as_str()].iter().any(|n| {
        haystack
            .windows(n.len())
            .any(|w| w.eq_ignore_ascii_case(n.as_bytes()))
    })
}

/// The words of [`SECRETS`] found in the files under `dir`.
fn leaked(dir: &Path) -> Vec<String> {
    let files = raw_files(dir);
    assert!(!files.is_empty(), "no files under {}", dir.display());
    SECRETS
        .iter()
        .filter(|s| files.iter().any(|(_, bytes)| contains(bytes, s)))
        .map(|s| s.to_string())
        .collect()
}

#[test]
fn an_encrypted_store_holds_no_name_in_its_files_and_a_plain_one_does() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain");
    let sealed = dir.path().join("sealed");
    filled(&plain, false);
    filled(&sealed, true);
    // Both are closed (every change was flushed before its call returned): search the files.
    // The search works: the unencrypted store shows every word.
    assert_eq!(leaked(&plain), SECRETS.to_vec());
    // The encrypted store shows none.
    assert_eq!(leaked(&sealed), Vec::<String>::new());

    // Its backup holds none either (searched as text and as hex); a plain store's backup does.
    let k = open(&sealed);
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    let file = dir.path().join("backups/sealed.jsonl");
    admin.backup(&file).unwrap();
    assert_eq!(leaked(&dir.path().join("backups")), Vec::<String>::new());
    drop((admin, k));
    let k = open(&plain);
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    admin
        .backup(&dir.path().join("plain-kopie/plain.jsonl"))
        .unwrap();
    assert_eq!(leaked(&dir.path().join("plain-kopie")), SECRETS.to_vec());
}

#[test]
fn a_login_opens_an_encrypted_store_and_wrong_secrets_are_clear_errors() {
    let (_dir, path) = encrypted_store();

    let k = open(&path);
    assert!(k.is_encrypted() && k.is_locked());
    assert!(!k.needs_setup().unwrap());
    assert!(matches!(
        k.login(ADMIN, "verkeerd-wachtwoord"),
        Err(Error::BadLogin)
    ));
    assert!(matches!(k.login("niemand", PASSWORD), Err(Error::BadLogin)));
    assert!(matches!(
        k.unlock("verkeerde zin!"),
        Err(Error::BadPassphrase)
    ));
    assert!(k.is_locked(), "a wrong secret does not unlock");
    let s = k.login("coordinator", "coordinator-wachtwoord").unwrap();
    assert!(!k.is_locked());
    let names: Vec<String> = s
        .members()
        .list()
        .unwrap()
        .iter()
        .map(|m| m.name.sorted())
        .collect();
    assert_eq!(names, ["Dijkstra, Pieter", "Zwartekop, Wilhelmina"]);
    drop((s, k));

    // The store passphrase opens it too; then a login still checks the password.
    let k = open(&path);
    k.unlock(PASSPHRASE).unwrap();
    assert!(!k.is_locked());
    assert!(matches!(
        k.login(ADMIN, "verkeerd-wachtwoord"),
        Err(Error::BadLogin)
    ));
    k.login(ADMIN, PASSWORD).unwrap();
}

#[test]
fn reading_a_locked_store_is_refused() {
    let (_dir, path) = encrypted_store();
    let (store, _) = open_store(&path);
    assert!(store.is_locked());
    let result = store.scan::<kapstok_core::members::Member>();
    assert!(matches!(result, Err(Error::Locked)), "{result:?}");
}

fn raw_values(path: &Path, tree: TreeId) -> Vec<(Vec<u8>, Vec<u8>)> {
    let raw = raw_sled(path);
    let t = raw.open_tree(tree.name()).unwrap();
    t.iter()
        .map(|i| {
            let (k, v) = i.unwrap();
            (k.to_vec(), v.to_vec())
        })
        .collect()
}

#[test]
fn a_password_change_rewraps_only_that_users_copy() {
    let (_dir, path) = encrypted_store();
    let members_before = raw_values(&path, TreeId::Members);
    {
        let k = open(&path);
        let coordinator = k.login("coordinator", "coordinator-wachtwoord").unwrap();
        let id = coordinator.user_id();
        coordinator
            .users()
            .set_password(id, "nieuw-wachtwoord")
            .unwrap();
    }
    assert_eq!(
        raw_values(&path, TreeId::Members),
        members_before,
        "the records were not re-encrypted"
    );
    let k = open(&path);
    assert!(matches!(
        k.login("coordinator", "coordinator-wachtwoord"),
        Err(Error::BadLogin)
    ));
    drop(k);
    let k = open(&path);
    k.login("coordinator", "nieuw-wachtwoord").unwrap();
    drop(k);
    let k = open(&path);
    k.login(ADMIN, PASSWORD).unwrap();
}

#[test]
fn rekey_changes_the_passphrase_without_touching_the_records() {
    let (_dir, path) = encrypted_store();
    let members_before = raw_values(&path, TreeId::Members);
    {
        let k = open(&path);
        let admin = k.login(ADMIN, PASSWORD).unwrap();
        let short = admin.change_passphrase("kort");
        assert!(matches!(short, Err(Error::Invalid(_))), "{short:?}");
        admin.change_passphrase("een nieuwe wachtwoordzin").unwrap();
    }
    assert_eq!(raw_values(&path, TreeId::Members), members_before);
    let k = open(&path);
    assert!(matches!(k.unlock(PASSPHRASE), Err(Error::BadPassphrase)));
    k.unlock("een nieuwe wachtwoordzin").unwrap();
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    assert_eq!(admin.members().list().unwrap().len(), 2);
    // A coordinator may not.
    let c = k.login("coordinator", "coordinator-wachtwoord").unwrap();
    assert!(matches!(
        c.change_passphrase("nog een wachtwoordzin"),
        Err(Error::Denied(_))
    ));
}

#[test]
fn reencrypting_makes_every_value_new_and_others_need_a_new_password() {
    let (_dir, path) = encrypted_store();
    let members_before = raw_values(&path, TreeId::Members);
    {
        let k = open(&path);
        let admin = k.login(ADMIN, PASSWORD).unwrap();
        assert!(matches!(
            admin.reencrypt("een nieuwe wachtwoordzin", "niet mijn wachtwoord"),
            Err(Error::BadLogin)
        ));
        let need = admin
            .reencrypt("een nieuwe wachtwoordzin", PASSWORD)
            .unwrap();
        assert_eq!(need, ["coordinator"]);
        // Still readable in this session, with the new key.
        assert_eq!(admin.members().list().unwrap().len(), 2);
    }
    let members_after = raw_values(&path, TreeId::Members);
    assert_eq!(members_after.len(), members_before.len());
    for ((k1, v1), (k2, v2)) in members_before.iter().zip(&members_after) {
        assert_eq!(k1, k2);
        assert_ne!(v1, v2, "every value is encrypted anew");
    }
    let k = open(&path);
    assert!(matches!(
        k.login("coordinator", "coordinator-wachtwoord"),
        Err(Error::BadLogin)
    ));
    assert!(matches!(k.unlock(PASSPHRASE), Err(Error::BadPassphrase)));
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    let (cid, _) = admin
        .users()
        .list()
        .unwrap()
        .into_iter()
        .find(|(_, u)| u.name == "coordinator")
        .unwrap();
    admin
        .users()
        .set_password(cid, "weer-een-wachtwoord")
        .unwrap();
    let log = admin
        .audit_log()
        .entries(&Default::default())
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "store.rekey")
        .count();
    assert_eq!(log, 1, "the re-encryption is in the audit log");
    drop((admin, k));
    let k = open(&path);
    k.login("coordinator", "weer-een-wachtwoord").unwrap();
    drop(k);
    let k = open(&path);
    k.unlock("een nieuwe wachtwoordzin").unwrap();
}

#[test]
fn values_swapped_between_records_do_not_decrypt() {
    let (_dir, path) = encrypted_store();
    {
        let raw = raw_sled(&path);
        let members = raw.open_tree("members").unwrap();
        let one = members.get(1u64.to_be_bytes()).unwrap().unwrap();
        let two = members.get(2u64.to_be_bytes()).unwrap().unwrap();
        members.insert(1u64.to_be_bytes(), two).unwrap();
        members.insert(2u64.to_be_bytes(), one).unwrap();
        raw.flush().unwrap();
    }
    let k = open(&path);
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    match admin.members().get(1) {
        Err(Error::Corrupt { tree, key, detail }) => {
            assert_eq!((tree.as_str(), key.as_str()), ("members", "1"));
            assert!(detail.contains("does not decrypt"), "{detail}");
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

#[test]
fn an_encrypted_store_is_created_only_in_an_empty_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    filled(&path, false);
    // `filled` has just dropped its handle: wait out sled's lock release.
    let result = retry_locked(
        || Kapstok::create_encrypted(&path, PASSPHRASE),
        |e| matches!(e, Error::AlreadyOpen { .. }),
    );
    assert!(matches!(result, Err(Error::NotEmpty)), "{result:?}");
    let short = Kapstok::create_encrypted(&dir.path().join("other"), "kort");
    assert!(matches!(short, Err(Error::Invalid(_))), "{short:?}");
}

#[test]
fn an_encrypted_backup_restores_into_a_store_that_opens_with_the_same_secrets() {
    let (dir, path) = encrypted_store();
    let file = dir.path().join("backup.jsonl");
    let again = dir.path().join("again.jsonl");
    {
        let (store, _) = open_store(&path);
        dump::write(&store, &file, "2026-11-23T10:00:00").unwrap();
    }
    let target = dir.path().join("restored");
    {
        let (blank, _) = open_store(&target);
        dump::restore(&blank, std::fs::read(&file).unwrap().as_slice(), &file).unwrap();
        assert!(blank.is_encrypted() && blank.is_locked());
        dump::write(&blank, &again, "2026-11-23T10:00:00").unwrap();
    }
    assert_eq!(
        std::fs::read(&again).unwrap(),
        std::fs::read(&file).unwrap(),
        "the restored store exports byte-identical"
    );
    let k = open(&target);
    assert!(k.is_locked());
    let c = k.login("coordinator", "coordinator-wachtwoord").unwrap();
    assert_eq!(c.members().list().unwrap().len(), 2);
    drop((c, k));
    let k = open(&target);
    k.unlock(PASSPHRASE).unwrap();
}

#[test]
fn a_plain_backup_restored_with_encryption_holds_no_name_and_users_log_in_after_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain");
    filled(&plain, false);
    let file = dir.path().join("plain.jsonl");
    {
        let (store, _) = open_store(&plain);
        dump::write(&store, &file, "2026-11-23T10:00:00").unwrap();
    }
    let target = dir.path().join("sealed");
    {
        let (blank, _) = open_store(&target);
        let bytes = std::fs::read(&file).unwrap();
        assert!(matches!(
            dump::restore_encrypted(&blank, bytes.as_slice(), &file, "kort"),
            Err(Error::Invalid(_))
        ));
        dump::restore_encrypted(&blank, bytes.as_slice(), &file, PASSPHRASE).unwrap();
        assert!(blank.is_encrypted() && blank.is_locked());
    }
    assert_eq!(leaked(&target), Vec::<String>::new());

    // Nobody has a copy of the new key yet: a login alone does not open the store.
    let k = open(&target);
    assert!(matches!(k.login(ADMIN, PASSWORD), Err(Error::BadLogin)));
    // After the passphrase, each user's first login makes their copy.
    k.unlock(PASSPHRASE).unwrap();
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    assert_eq!(admin.members().list().unwrap().len(), 2);
    drop((admin, k));
    let k = open(&target);
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    let made = admin
        .audit_log()
        .entries(&Default::default())
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "user.key")
        .count();
    assert_eq!(made, 1, "the admin's copy was made once and logged");
    drop((admin, k));
    let k = open(&target);
    assert!(matches!(
        k.login("coordinator", "coordinator-wachtwoord"),
        Err(Error::BadLogin)
    ));

    // An encrypted backup is not encrypted twice.
    let sealed_file = dir.path().join("sealed-kopie.jsonl");
    let admin = {
        k.unlock(PASSPHRASE).unwrap();
        k.login(ADMIN, PASSWORD).unwrap()
    };
    admin.backup(&sealed_file).unwrap();
    let (other, _) = Store::open(&dir.path().join("other")).unwrap();
    let bytes = std::fs::read(&sealed_file).unwrap();
    let again = dump::restore_encrypted(&other, bytes.as_slice(), &sealed_file, PASSPHRASE);
    assert!(
        matches!(&again, Err(e @ Error::BadBackup { .. }) if e.to_string().contains("already encrypted"))
    );
    assert!(other.is_blank());
}

#[test]
fn after_reencryption_a_user_logs_in_once_with_the_passphrase_given() {
    let (_dir, path) = encrypted_store();
    {
        let k = open(&path);
        let admin = k.login(ADMIN, PASSWORD).unwrap();
        admin
            .reencrypt("een nieuwe wachtwoordzin", PASSWORD)
            .unwrap();
    }
    let k = open(&path);
    k.unlock("een nieuwe wachtwoordzin").unwrap();
    k.login("coordinator", "coordinator-wachtwoord").unwrap();
    drop(k);
    let k = open(&path);
    let c = k.login("coordinator", "coordinator-wachtwoord").unwrap();
    assert_eq!(c.members().list().unwrap().len(), 2);
}

#[test]
fn an_older_encrypted_store_migrates_when_a_login_unlocks_it() {
    let (dir, path) = encrypted_store();
    {
        // Pretend the store is of format 1 (members as they are decode as any version).
        let raw = raw_sled(&path);
        set_raw_format_version(&raw, 1);
        raw.flush().unwrap();
    }
    let k = open(&path);
    assert!(k.is_locked());
    assert_eq!(k.opened(), &kapstok_core::store::Opened::Current);
    let backups = dir.path().join("store-backups");
    let before_migration = |dir: &Path| -> usize {
        std::fs::read_dir(dir)
            .map(|r| {
                r.filter(|e| {
                    e.as_ref()
                        .unwrap()
                        .file_name()
                        .to_string_lossy()
                        .starts_with("before-migration")
                })
                .count()
            })
            .unwrap_or(0)
    };
    assert_eq!(
        before_migration(&backups),
        0,
        "nothing migrated while locked"
    );
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    assert_eq!(
        before_migration(&backups),
        1,
        "a backup before the migration"
    );
    assert_eq!(admin.members().list().unwrap().len(), 2);
    drop((admin, k));
    let raw = raw_sled(&path);
    assert_eq!(
        raw_format_version(&raw),
        Some(kapstok_core::store::FORMAT_VERSION)
    );
}

#[test]
fn a_migration_that_fails_on_unlock_locks_the_store_again_and_waits() {
    let (_dir, path) = encrypted_store();
    let garbage = 999_999u64.to_be_bytes();
    {
        // A store of format 2 (no birthday index yet) holding a member record that does not
        // decrypt: building the index must stop on it.
        let raw = raw_sled(&path);
        raw.drop_tree("birthdays").unwrap();
        set_raw_format_version(&raw, 2);
        raw.open_tree("members")
            .unwrap()
            .insert(garbage, b"\x02not a sealed record".as_slice())
            .unwrap();
        raw.flush().unwrap();
    }
    let k = open(&path);
    assert!(k.is_locked());
    for attempt in 0..2 {
        let refused = k.login(ADMIN, PASSWORD);
        assert!(
            matches!(&refused, Err(Error::Corrupt { tree, .. }) if tree == "members"),
            "attempt {attempt}: {refused:?}"
        );
        assert!(
            k.is_locked(),
            "attempt {attempt}: not migrated, so locked again"
        );
    }
    drop(k);
    {
        let raw = raw_sled(&path);
        raw.open_tree("members").unwrap().remove(garbage).unwrap();
        raw.flush().unwrap();
    }
    let k = open(&path);
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    assert_eq!(admin.members().list().unwrap().len(), 2);
    drop((admin, k));
    let raw = raw_sled(&path);
    assert_eq!(
        raw_format_version(&raw),
        Some(kapstok_core::store::FORMAT_VERSION)
    );
}

/// Whether the week's run (today's week) holds a birthday card for `number`.
fn birthday_card(admin: &kapstok_core::Session, number: u64) -> bool {
    use kapstok_core::basemail::{CardReason, Who};
    let run = admin
        .basemail()
        .compose(kapstok_core::common::IsoWeek::of(common::today()))
        .unwrap();
    run.cards
        .iter()
        .any(|c| c.who == Who::Member(number) && c.reasons.contains(&CardReason::Birthday))
}

/// The raw keys of the birthday index, as numbers.
fn birthday_keys(path: &Path) -> Vec<u64> {
    raw_sled(path)
        .open_tree("birthdays")
        .unwrap()
        .iter()
        .keys()
        .map(|k| u64::from_be_bytes(k.unwrap().as_ref().try_into().unwrap()))
        .collect()
}

#[test]
fn the_birthday_index_of_an_encrypted_store_does_not_show_the_days() {
    let (dir, path) = encrypted_store();
    let born = MemberInput {
        birth_date: "24-11-1980".into(),
        consent_birthday_card: "01-01-2020".into(),
        ..person("Jarig", "Vandaag")
    };
    let number = {
        let k = open(&path);
        let admin = k.login(ADMIN, PASSWORD).unwrap();
        let number = admin.members().create(&born).unwrap().member.number;
        assert!(birthday_card(&admin, number));
        number
    };
    let keys = birthday_keys(&path);
    assert_eq!(keys.len(), 1);
    assert_ne!(keys[0], 1124, "the key is not the day");
    assert!(keys[0] > 1231, "not any day's number");

    // A new data key moves the index to new blinded keys.
    {
        let k = open(&path);
        let admin = k.login(ADMIN, PASSWORD).unwrap();
        admin
            .reencrypt("een nieuwe wachtwoordzin", PASSWORD)
            .unwrap();
        assert!(birthday_card(&admin, number), "found after re-encryption");
    }
    let after = birthday_keys(&path);
    assert_eq!(after.len(), 1, "the old key went: {after:?}");
    assert_ne!(after[0], keys[0]);
    {
        let (store, _) = open_store(&path);
        store
            .unlock_with_passphrase("een nieuwe wachtwoordzin")
            .unwrap();
        kapstok_core::members::birthdays::check(&store).unwrap();
    }

    // A plain backup restored with encryption gets blinded keys too.
    let plain_dir = dir.path().join("plain");
    filled(&plain_dir, false);
    let backup = dir.path().join("plain-kopie.jsonl");
    {
        let k = open(&plain_dir);
        let admin = k.login(ADMIN, PASSWORD).unwrap();
        admin.members().create(&born).unwrap();
        admin.backup(&backup).unwrap();
    }
    assert_eq!(
        birthday_keys(&plain_dir),
        vec![1124],
        "plain stores key by the day"
    );
    let target = dir.path().join("restored");
    {
        let (store, _) = open_store(&target);
        let bytes = std::fs::read(&backup).unwrap();
        dump::restore_encrypted(&store, bytes.as_slice(), &backup, PASSPHRASE).unwrap();
        store.unlock_with_passphrase(PASSPHRASE).unwrap();
        kapstok_core::members::birthdays::check(&store).unwrap();
    }
    let restored = birthday_keys(&target);
    assert_eq!(restored.len(), 1);
    assert_ne!(restored[0], 1124);
}

#[test]
fn a_possible_duplicate_is_found_through_the_blinded_birthday_index() {
    use kapstok_core::members::{Accept, SaveOutcome, Warning};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let k = Kapstok::create_encrypted_with_clock(&path, PASSPHRASE, clock()).unwrap();
    let admin = k.setup(ADMIN, PASSWORD).unwrap();
    let mut first = person("Wilhelmina", "Zwartekop");
    first.birth_date = "12-05-1980".into();
    let number = admin.members().create(&first).unwrap().member.number;
    // Born the same day of another year: no duplicate.
    let mut other = person("Wilhelmina", "Zwartekop");
    other.birth_date = "12-05-1981".into();
    assert!(matches!(
        admin
            .members()
            .save(&other, None, Accept::NoWarnings)
            .unwrap(),
        SaveOutcome::Saved(_)
    ));
    // The same name and date: the warning, found without reading the register.
    let reads = admin.members().register_reads();
    match admin
        .members()
        .save(&first, None, Accept::NoWarnings)
        .unwrap()
    {
        SaveOutcome::Warnings(w) => assert_eq!(w, [Warning::PossibleDuplicate { number }]),
        other => panic!("expected the duplicate, got {other:?}"),
    }
    assert_eq!(admin.members().register_reads(), reads);
}
