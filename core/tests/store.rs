//! Integration tests of the store: migration of an older format from a committed fixture, refusal
//! of a newer format, undecodable records, the lock against a second process, golden bytes of
//! every record version, flushing, dump and restore, and a codec round trip of arbitrary members.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::{copy_dir, d, new_store, open, open_store, raw_format_version, raw_sled, try_open};
use kapstok_core::access::{
    hash_password, AuditEntry, AuditEntryV1, AuditRecord, Origin, User, UserRecord,
};
use kapstok_core::common::{Address, PersonName, Postcode};
use kapstok_core::members::model::MemberV1;
use kapstok_core::members::{Consents, Member, MemberRecord, Status, StatusEntry};
use kapstok_core::settings::{Settings, SettingsRecord, SettingsV1};
use kapstok_core::store::{codec, dump, Opened, Record, TreeId, FORMAT_VERSION};
use kapstok_core::{Error, Kapstok, Role};
use proptest::prelude::*;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------------
// The format 1 fixture
// ---------------------------------------------------------------------------------------------

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format1")
}

const FIXTURE_USER: &str = "beheer";
const FIXTURE_PASSWORD: &str = "fixture-pass";

fn postcode(text: &str) -> Postcode {
    Postcode::parse(text).unwrap()
}

/// The members of the format 1 fixture, as format 1 stored them.
fn fixture_members() -> Vec<MemberV1> {
    vec![
        MemberV1 {
            number: 1,
            name: PersonName::new("Jan", "van der", "Poel"),
            known_as: String::new(),
            birth_date: Some(d(1970, 2, 1)),
            phone: "020-1234567".into(),
            email: "jan@example.nl".into(),
            address: Address::Street {
                street: "Keizersgracht".into(),
                number: 12,
                addition: "A".into(),
                postcode: postcode("1015 CS"),
                city: "Amsterdam".into(),
            },
            status: Status::Active,
            joined: d(2015, 3, 1),
            notes: String::new(),
        },
        MemberV1 {
            number: 2,
            name: PersonName::new("Zoë", "", "Citroën"),
            known_as: "Zus".into(),
            birth_date: Some(d(1985, 7, 14)),
            phone: String::new(),
            email: String::new(),
            address: Address::CareOfOffice,
            status: Status::Active,
            joined: d(2018, 6, 15),
            notes: "Post via het kantoor.\nKomt op dinsdag.".into(),
        },
        MemberV1 {
            number: 3,
            name: PersonName::new("Łukasz", "", "Müller"),
            known_as: "Poolse Tom".into(),
            birth_date: None,
            phone: String::new(),
            email: String::new(),
            address: Address::Postbus {
                number: 2170,
                postcode: postcode("8203 AD"),
                city: "Lelystad".into(),
            },
            status: Status::Suspended,
            joined: d(2019, 1, 10),
            notes: String::new(),
        },
        MemberV1 {
            number: 4,
            name: PersonName::new("Şükrü", "", "Öztürk"),
            known_as: String::new(),
            birth_date: Some(d(1962, 12, 31)),
            phone: "+49 30 1234567".into(),
            email: String::new(),
            address: Address::Foreign {
                street: "Hauptstraße 12".into(),
                postcode: "10115".into(),
                city: "Berlin".into(),
                country: "Germany".into(),
            },
            status: Status::Ended {
                reason: "moved away".into(),
            },
            joined: d(2012, 5, 5),
            notes: String::new(),
        },
        MemberV1 {
            number: 5,
            name: PersonName::new("Renée", "'t", "Hart"),
            known_as: String::new(),
            birth_date: None,
            phone: String::new(),
            email: String::new(),
            address: Address::Unknown,
            status: Status::Active,
            joined: d(2021, 9, 1),
            notes: String::new(),
        },
    ]
}

fn at(date: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    date.and_hms_opt(h, m, 0).unwrap()
}

/// Builds `tests/fixtures/format1` from scratch: a sled store as format 1 of kapstok wrote it.
/// Run once, then commit the files:
/// `cargo test -p kapstok-core --test store -- --ignored generate_format1_fixture`
#[test]
#[ignore = "writes the committed fixture; run by hand"]
fn generate_format1_fixture() {
    let dir = fixture_dir();
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    // The same configuration as `Store::open` (sled keeps the segment size in `conf`).
    let db = sled::Config::new()
        .path(&dir)
        .cache_capacity(64 * 1024 * 1024)
        .open()
        .unwrap();
    let tree = |t: TreeId| db.open_tree(t.name()).unwrap();
    for t in TreeId::ALL {
        tree(t);
    }
    let members = fixture_members();
    for m in &members {
        let bytes = codec::encode(&MemberRecord::V1(m.clone())).unwrap();
        tree(TreeId::Members)
            .insert(codec::id_key(m.number), bytes)
            .unwrap();
    }
    let user = User {
        name: FIXTURE_USER.into(),
        role: Role::Administrator,
        password_hash: hash_password(FIXTURE_PASSWORD).unwrap(),
        active: true,
        created: at(d(2021, 1, 4), 10, 0),
    };
    tree(TreeId::Users)
        .insert(
            codec::id_key(1),
            codec::encode(&UserRecord::V1(user)).unwrap(),
        )
        .unwrap();
    let setup = AuditEntryV1 {
        at: at(d(2021, 1, 4), 10, 0),
        user_id: 1,
        user_name: FIXTURE_USER.into(),
        action: "user.setup".into(),
        record: "user/1".into(),
        detail: "administrator".into(),
    };
    tree(TreeId::Audit)
        .insert(
            codec::id_key(1),
            codec::encode(&AuditRecord::V1(setup)).unwrap(),
        )
        .unwrap();
    let meta = tree(TreeId::Meta);
    meta.insert("format_version", &1u32.to_be_bytes()).unwrap();
    meta.insert("seq/member", &(members.len() as u64).to_be_bytes())
        .unwrap();
    meta.insert("seq/user", &1u64.to_be_bytes()).unwrap();
    meta.insert("seq/audit", &1u64.to_be_bytes()).unwrap();
    db.flush().unwrap();
    drop(db);
    // git keeps no empty folders; sled makes `blobs` again on opening. Leave it out here too, so
    // the tests see what a fresh checkout has.
    let blobs = dir.join("blobs");
    if blobs.exists() && std::fs::read_dir(&blobs).unwrap().next().is_none() {
        std::fs::remove_dir(&blobs).unwrap();
    }
}

/// A copy of the committed format 1 fixture in a temporary folder.
fn fixture_copy(dir: &Path) -> PathBuf {
    let source = fixture_dir();
    assert!(
        source.join("conf").exists(),
        "the fixture {} is missing: run the generate_format1_fixture test",
        source.display()
    );
    let path = dir.join("store");
    copy_dir(&source, &path);
    path
}

#[test]
fn format1_store_is_migrated_after_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_copy(dir.path());
    {
        let raw = raw_sled(&path);
        assert_eq!(raw_format_version(&raw), Some(1));
    }

    let k = open(&path);
    let Opened::Migrated { from, backup } = k.opened().clone() else {
        panic!("expected a migration, got {:?}", k.opened());
    };
    assert_eq!(from, 1);
    assert_eq!(
        backup.parent(),
        Some(dir.path().join("store-backups").as_path())
    );
    let text = std::fs::read_to_string(&backup).unwrap();
    let mut lines = text.lines();
    let header: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(header["kapstok_dump"], dump::DUMP_VERSION);
    assert_eq!(
        header["format_version"], 1,
        "the backup is of the old store"
    );
    let member_lines = lines.filter(|l| l.contains("\"tree\":\"members\"")).count();
    assert_eq!(member_lines, fixture_members().len());

    let admin = k.login(FIXTURE_USER, FIXTURE_PASSWORD).unwrap();
    let expected = fixture_members();
    for old in &expected {
        let m = admin.members().get(old.number).unwrap();
        assert_eq!(m.name, old.name);
        assert_eq!(m.known_as, old.known_as);
        assert_eq!(m.birth_date, old.birth_date);
        assert_eq!(m.phone, old.phone);
        assert_eq!(m.email, old.email);
        assert_eq!(m.address, old.address);
        assert_eq!(m.joined, old.joined);
        assert_eq!(m.notes, old.notes);
        assert_eq!(
            m.status_history,
            vec![StatusEntry {
                since: old.joined,
                status: old.status.clone()
            }],
            "one entry since joining"
        );
        assert_eq!(m.consents, Consents::default());
        assert_eq!(m.last_contact, None);
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
            "Citroën, Zoë",
            "Hart, Renée 't",
            "Müller, Łukasz",
            "Öztürk, Şükrü",
            "Poel, Jan van der"
        ]
    );
    // The counters came along: the next member gets number 6, the next audit entry id 2.
    let saved = admin
        .members()
        .create(&common::member("Anna", "", "Pieters"))
        .unwrap();
    assert_eq!(saved.member.number, 6);
    drop(admin);
    drop(k);

    {
        let raw = raw_sled(&path);
        assert_eq!(raw_format_version(&raw), Some(FORMAT_VERSION));
        let members = raw.open_tree("members").unwrap();
        for item in members.iter() {
            let (key, value) = item.unwrap();
            let record: MemberRecord = codec::decode(&value, "members", &key).unwrap();
            assert!(
                matches!(record, MemberRecord::V2(_)),
                "member {} still in the old shape",
                codec::key_text(&key)
            );
        }
        let audit = raw.open_tree("audit").unwrap();
        assert_eq!(audit.len(), 2);
        assert!(audit.get(codec::id_key(2)).unwrap().is_some());
    }

    let again = open(&path);
    assert_eq!(again.opened(), &Opened::Current);
    let admin = again.login(FIXTURE_USER, FIXTURE_PASSWORD).unwrap();
    assert_eq!(admin.members().list().unwrap().len(), 6);
    drop((admin, again));

    // Through format 2 to 3: the birthday index holds the fixture's birth dates.
    let (store, _) = open_store(&path);
    kapstok_core::members::birthdays::check(&store).unwrap();
    let born: usize = store
        .scan::<kapstok_core::members::birthdays::BornOn>()
        .unwrap()
        .iter()
        .map(|(_, b)| b.members.len())
        .sum();
    let with_birth = expected.iter().filter(|m| m.birth_date.is_some()).count();
    assert!(with_birth > 0);
    assert_eq!(born, with_birth);
}

#[test]
fn a_format1_store_with_an_unreadable_record_is_not_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_copy(dir.path());
    {
        let raw = raw_sled(&path);
        raw.open_tree("members")
            .unwrap()
            .insert(codec::id_key(3), &b"\x01\x00\xff\xff"[..])
            .unwrap();
        raw.flush().unwrap();
    }
    match try_open(&path) {
        Err(Error::Corrupt { tree, key, .. }) => {
            assert_eq!(tree, "members");
            assert_eq!(key, "3");
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    let raw = raw_sled(&path);
    assert_eq!(
        raw_format_version(&raw),
        Some(1),
        "the store stays format 1"
    );
    let members = raw.open_tree("members").unwrap();
    assert_eq!(members.len(), 5);
    assert_eq!(
        members.get(codec::id_key(3)).unwrap().unwrap().as_ref(),
        b"\x01\x00\xff\xff"
    );
    let first = members.get(codec::id_key(1)).unwrap().unwrap();
    assert!(matches!(
        codec::decode::<MemberRecord>(&first, "members", &codec::id_key(1)).unwrap(),
        MemberRecord::V1(_)
    ));
}

// ---------------------------------------------------------------------------------------------
// Newer formats and undecodable records
// ---------------------------------------------------------------------------------------------

#[test]
fn a_newer_format_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let (_k, admin) = new_store(dir.path());
        admin
            .members()
            .create(&common::member("Jan", "van der", "Poel"))
            .unwrap();
    }
    {
        let raw = raw_sled(&path);
        raw.open_tree("meta")
            .unwrap()
            .insert("format_version", &(FORMAT_VERSION + 1).to_be_bytes())
            .unwrap();
        raw.flush().unwrap();
    }

    let err = try_open(&path).unwrap_err();
    match &err {
        Error::NewerFormat { found, supported } => {
            assert_eq!(*found, FORMAT_VERSION + 1);
            assert_eq!(*supported, FORMAT_VERSION);
        }
        other => panic!("expected NewerFormat, got {other:?}"),
    }
    let message = err.to_string();
    assert!(
        message.contains(&format!("format version {}", FORMAT_VERSION + 1))
            && message.contains(&format!("up to version {FORMAT_VERSION}"))
            && message.contains("use a newer kapstok"),
        "{message}"
    );
    assert!(
        !dir.path().join("store-backups").exists(),
        "no migration ran"
    );

    {
        let raw = raw_sled(&path);
        assert_eq!(raw_format_version(&raw), Some(FORMAT_VERSION + 1));
        let members = raw.open_tree("members").unwrap();
        assert_eq!(members.len(), 1, "the data is still there");
        let users = raw.open_tree("users").unwrap();
        assert_eq!(users.len(), 1);
        // Put the version back: the member is readable again.
        raw.open_tree("meta")
            .unwrap()
            .insert("format_version", &FORMAT_VERSION.to_be_bytes())
            .unwrap();
        raw.flush().unwrap();
    }
    let k = open(&path);
    assert_eq!(k.opened(), &Opened::Current);
    let admin = k.login(common::ADMIN, common::PASSWORD).unwrap();
    assert_eq!(admin.members().get(1).unwrap().name.surname, "Poel");
}

#[test]
fn an_undecodable_record_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let (_k, admin) = new_store(dir.path());
        for surname in ["Poel", "Kok", "Bos"] {
            let mut jan = common::member("Jan", "", surname);
            jan.birth_date = "01-02-1970".into();
            admin.members().create(&jan).unwrap();
        }
    }
    let garbage: &[u8] = b"\x01\x07garbage\xff\xfe";
    {
        let raw = raw_sled(&path);
        raw.open_tree("members")
            .unwrap()
            .insert(codec::id_key(2), garbage)
            .unwrap();
        raw.flush().unwrap();
    }

    let k = open(&path);
    assert_eq!(k.opened(), &Opened::Current);
    let admin = k.login(common::ADMIN, common::PASSWORD).unwrap();
    let err = admin.members().list().unwrap_err();
    match &err {
        Error::Corrupt { tree, key, detail } => {
            assert_eq!(tree, "members");
            assert_eq!(key, "2");
            assert!(!detail.is_empty());
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    assert!(
        err.to_string().contains("record 2 in tree members"),
        "{err}"
    );
    assert!(matches!(admin.members().get(2), Err(Error::Corrupt { .. })));
    assert_eq!(admin.members().get(3).unwrap().name.surname, "Bos");
    // A write that has to read the bad record is refused too: a new member born the same day
    // is checked against it for a duplicate (through the birthday index), and that check cannot
    // be made.
    let mut anna = common::member("Anna", "", "Kok");
    anna.birth_date = "01-02-1970".into();
    assert!(matches!(
        admin.members().create(&anna),
        Err(Error::Corrupt { .. })
    ));
    drop(admin);
    drop(k);

    let raw = raw_sled(&path);
    let members = raw.open_tree("members").unwrap();
    assert_eq!(members.len(), 3, "nothing replaced, nothing added");
    assert_eq!(
        members.get(codec::id_key(2)).unwrap().unwrap().as_ref(),
        garbage
    );
    assert_eq!(raw_format_version(&raw), Some(FORMAT_VERSION));
}

#[test]
fn records_without_a_format_version_are_not_taken_for_a_new_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let (_k, admin) = new_store(dir.path());
        admin
            .members()
            .create(&common::member("Jan", "", "Kok"))
            .unwrap();
    }
    {
        let raw = raw_sled(&path);
        raw.open_tree("meta")
            .unwrap()
            .remove("format_version")
            .unwrap();
        raw.flush().unwrap();
    }
    assert!(matches!(
        try_open(&path),
        Err(Error::Corrupt { ref tree, ref key, .. }) if tree == "meta" && key == "format_version"
    ));
    let raw = raw_sled(&path);
    assert_eq!(raw.open_tree("members").unwrap().len(), 1);
    assert_eq!(raw_format_version(&raw), None);
}

// ---------------------------------------------------------------------------------------------
// A second process
// ---------------------------------------------------------------------------------------------

/// Set in the helper process: the folder holding the store to keep open.
const HOLDER_ENV: &str = "KAPSTOK_TEST_HOLD_STORE";

/// Not a test on its own: `second_process_is_refused` runs it in a child process, which opens
/// the store, says so with a marker file, and holds it until told to let go.
#[test]
#[ignore = "helper process of second_process_is_refused"]
fn lock_holder() {
    let Some(dir) = std::env::var_os(HOLDER_ENV) else {
        return;
    };
    let dir = PathBuf::from(dir);
    let k = Kapstok::open(&dir.join("store")).unwrap();
    std::fs::write(dir.join("holding"), b"").unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !dir.join("release").exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    drop(k);
}

/// Kills the helper process when the test fails before it could end it.
struct Holder(Child);

impl Drop for Holder {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn second_process_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let mut holder = Holder(
        Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "lock_holder", "--nocapture", "--ignored"])
            .env(HOLDER_ENV, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap(),
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while !dir.path().join("holding").exists() {
        if let Some(status) = holder.0.try_wait().unwrap() {
            panic!("the holder process ended early: {status}");
        }
        assert!(
            Instant::now() < deadline,
            "the holder process did not open the store"
        );
        std::thread::sleep(Duration::from_millis(10));
    }

    let err = Kapstok::open(&path).unwrap_err();
    match &err {
        Error::AlreadyOpen { path: shown } => assert_eq!(shown, &path.display().to_string()),
        other => panic!("expected AlreadyOpen, got {other:?}"),
    }
    assert!(
        err.to_string()
            .contains("this database is already open in another kapstok window"),
        "{err}"
    );

    std::fs::write(dir.path().join("release"), b"").unwrap();
    let status = holder.0.wait().unwrap();
    assert!(status.success(), "holder: {status}");
    // The other window is closed: now it opens.
    let k = Kapstok::open(&path).unwrap();
    assert_eq!(k.opened(), &Opened::Current);
}

// ---------------------------------------------------------------------------------------------
// Golden bytes
// ---------------------------------------------------------------------------------------------

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

/// Encodes `value` and compares with the golden hex; decodes the golden hex back.
fn golden<T: serde::Serialize + serde::de::DeserializeOwned>(
    what: &str,
    value: &T,
    want: &str,
) -> T {
    let got = hex(&codec::encode(value).unwrap());
    assert!(
        got == want,
        "the stored layout of {what} changed. A stored struct never changes shape: add a new \
         variant instead. Only if this change is deliberate (a new variant's bytes), update the \
         constant to:\n{got}\n"
    );
    codec::decode(&unhex(want), "golden", b"golden").unwrap()
}

fn golden_member_v1() -> MemberV1 {
    MemberV1 {
        number: 7,
        name: PersonName::new("Zoë", "van der", "Poel"),
        known_as: "Zus".into(),
        birth_date: Some(d(1970, 2, 1)),
        phone: "020-1234567".into(),
        email: "zoe@example.nl".into(),
        address: Address::Street {
            street: "Keizersgracht".into(),
            number: 12,
            addition: "A".into(),
            postcode: postcode("1015 CS"),
            city: "Amsterdam".into(),
        },
        status: Status::Ended {
            reason: "moved away".into(),
        },
        joined: d(2015, 3, 1),
        notes: "Komt op dinsdag.".into(),
    }
}

fn golden_member_v2() -> Member {
    Member {
        number: 300,
        name: PersonName::new("Łukasz", "", "Müller"),
        known_as: String::new(),
        birth_date: None,
        phone: String::new(),
        email: String::new(),
        address: Address::Postbus {
            number: 2170,
            postcode: postcode("8203 AD"),
            city: "Lelystad".into(),
        },
        status_history: vec![
            StatusEntry {
                since: d(2019, 1, 10),
                status: Status::Active,
            },
            StatusEntry {
                since: d(2024, 6, 1),
                status: Status::Suspended,
            },
        ],
        joined: d(2019, 1, 10),
        consents: Consents {
            convocation_email: None,
            birthday_card: Some(d(2019, 1, 10)),
            magazine: Some(d(2020, 5, 5)),
        },
        last_contact: Some(d(2026, 11, 2)),
        notes: "Post naar PI Lelystad.".into(),
    }
}

// The bytes each record version is stored as: codec tag 1, the variant index, then bincode 2
// (standard config: varint integers, length-prefixed strings, dates as ISO text). Records already
// on disk have these bytes; a change here means old stores no longer read.
const GOLDEN_MEMBER_V1: &str = concat!(
    "010007045a6fc3ab0776616e2064657204506f656c035a7573010a313937302d30322d30310b3032",
    "302d313233343536370e7a6f65406578616d706c652e6e6c020d4b65697a6572736772616368740c",
    "0141073130313520435309416d7374657264616d020a6d6f76656420617761790a323031352d3033",
    "2d3031104b6f6d74206f702064696e736461672e",
);
const GOLDEN_MEMBER_V2: &str = concat!(
    "0101fb2c0107c581756b61737a00074dc3bc6c6c65720000000003fb7a080738323033204144084c",
    "656c7973746164020a323031392d30312d3130000a323032342d30362d3031010a323031392d3031",
    "2d313000010a323031392d30312d3130010a323032302d30352d3035010a323032362d31312d3032",
    "16506f7374206e616172205049204c656c79737461642e",
);
const GOLDEN_USER_V1: &str = concat!(
    "0100066265686565720140246172676f6e32696424763d3139246d3d31393435362c743d322c703d",
    "31246332467364484e686248527a59577830246147467a614768686332686f59584e6f0113323032",
    "362d31312d32335431303a33303a3030",
);
const GOLDEN_AUDIT_V2: &str = concat!(
    "010113323032362d31322d30325430393a31353a3030030c7672696a77696c6c696765720d626173656d61",
    "696c2e6d61726b0a72756e2f323032363439077772697474656e01123139322e3136382e312e32303a3532",
    "303434010a5348413235363a616263"
);
const GOLDEN_AUDIT_V1: &str = concat!(
    "010013323032362d31312d32335431303a33303a303001066265686565720d6d656d6265722e7374",
    "617475730a6d656d6265722f3330300973757370656e646564",
);
const GOLDEN_SETTINGS_V2: &str =
    "01010812566572656e6967696e67204b616e746f6f7203fbd204073130303020414209416d7374657264616d";
const GOLDEN_SETTINGS_V1: &str = "01000c";

#[test]
fn golden_member_record_v1() {
    let value = golden_member_v1();
    let back = golden(
        "MemberRecord::V1",
        &MemberRecord::V1(value.clone()),
        GOLDEN_MEMBER_V1,
    );
    let MemberRecord::V1(back) = back else {
        panic!("decoded as another variant: {back:?}");
    };
    assert_eq!(back, value);
}

#[test]
fn golden_member_record_v2() {
    let value = golden_member_v2();
    let back = golden(
        "MemberRecord::V2",
        &MemberRecord::V2(value.clone()),
        GOLDEN_MEMBER_V2,
    );
    let MemberRecord::V2(back) = back else {
        panic!("decoded as another variant: {back:?}");
    };
    assert_eq!(back, value);
}

#[test]
fn golden_user_record_v1() {
    let value = User {
        name: "beheer".into(),
        role: Role::Coordinator,
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo".into(),
        active: true,
        created: at(d(2026, 11, 23), 10, 30),
    };
    let back = golden(
        "UserRecord::V1",
        &UserRecord::V1(value.clone()),
        GOLDEN_USER_V1,
    );
    let UserRecord::V1(back) = back;
    assert_eq!(back, value);
}

#[test]
fn golden_audit_record_v1() {
    let value = AuditEntryV1 {
        at: at(d(2026, 11, 23), 10, 30),
        user_id: 1,
        user_name: "beheer".into(),
        action: "member.status".into(),
        record: "member/300".into(),
        detail: "suspended".into(),
    };
    let back = golden(
        "AuditRecord::V1",
        &AuditRecord::V1(value.clone()),
        GOLDEN_AUDIT_V1,
    );
    let AuditRecord::V1(back) = back else {
        panic!("decoded as another version: {back:?}");
    };
    assert_eq!(back, value);
    // An entry from before origins were kept was made on this computer.
    let upgraded = AuditEntry::from_stored(AuditRecord::V1(value));
    assert_eq!(upgraded.origin, Origin::Local);
    assert_eq!(upgraded.detail, "suspended");
}

#[test]
fn golden_audit_record_v2() {
    let value = AuditEntry {
        at: at(d(2026, 12, 2), 9, 15),
        user_id: 3,
        user_name: "vrijwilliger".into(),
        action: "basemail.mark".into(),
        record: "run/202649".into(),
        detail: "written".into(),
        origin: Origin::Ssh {
            address: "192.168.1.20:52044".into(),
            key: Some("SHA256:abc".into()),
        },
    };
    let back = golden(
        "AuditRecord::V2",
        &AuditRecord::V2(value.clone()),
        GOLDEN_AUDIT_V2,
    );
    let AuditRecord::V2(back) = back else {
        panic!("decoded as another version: {back:?}");
    };
    assert_eq!(back, value);
}

#[test]
fn golden_settings_record_v1() {
    let value = SettingsV1 {
        out_of_sight_weeks: 12,
    };
    let back = golden(
        "SettingsRecord::V1",
        &SettingsRecord::V1(value.clone()),
        GOLDEN_SETTINGS_V1,
    );
    let SettingsRecord::V1(back) = back else {
        panic!("decoded as another version: {back:?}");
    };
    assert_eq!(back, value);
    let upgraded = Settings::from_stored(SettingsRecord::V1(value));
    assert_eq!(upgraded.out_of_sight_weeks, 12);
    assert_eq!(upgraded.office_address, Address::Unknown);
}

#[test]
fn golden_settings_record_v2() {
    let value = Settings {
        out_of_sight_weeks: 8,
        office_name: "Vereniging Kantoor".into(),
        office_address: Address::Postbus {
            number: 1234,
            postcode: Postcode::parse("1000AB").unwrap(),
            city: "Amsterdam".into(),
        },
    };
    let back = golden(
        "SettingsRecord::V2",
        &SettingsRecord::V2(value.clone()),
        GOLDEN_SETTINGS_V2,
    );
    let SettingsRecord::V2(back) = back else {
        panic!("decoded as another version: {back:?}");
    };
    assert_eq!(back, value);
}

// ---------------------------------------------------------------------------------------------
// Flushing, dump and restore
// ---------------------------------------------------------------------------------------------

#[test]
fn a_change_survives_closing_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let (_k, admin) = new_store(dir.path());
        admin
            .members()
            .create(&common::member("Zoë", "", "Citroën"))
            .unwrap();
    }
    let k = open(&path);
    assert_eq!(k.opened(), &Opened::Current);
    let admin = k.login(common::ADMIN, common::PASSWORD).unwrap();
    let all = admin.members().list().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].name.full(), "Zoë Citroën");
}

type Trees = Vec<(&'static str, Vec<(Vec<u8>, Vec<u8>)>)>;

fn raw_trees(path: &Path) -> Trees {
    let raw = raw_sled(path);
    TreeId::ALL
        .iter()
        .map(|t| {
            let tree = raw.open_tree(t.name()).unwrap();
            let items = tree
                .iter()
                .map(|item| {
                    let (k, v) = item.unwrap();
                    (k.to_vec(), v.to_vec())
                })
                .collect();
            (t.name(), items)
        })
        .collect()
}

/// A store with members, a status change, a changed setting and a second user.
fn filled_store(dir: &Path) -> PathBuf {
    let (_k, admin) = new_store(dir);
    for (given, prefix, surname) in [("Jan", "van der", "Poel"), ("Zoë", "", "Citroën")] {
        admin
            .members()
            .create(&common::member(given, prefix, surname))
            .unwrap();
    }
    admin
        .members()
        .change_status(
            2,
            Status::Ended {
                reason: "moved away".into(),
            },
            d(2026, 1, 1),
        )
        .unwrap();
    admin
        .set_settings(&Settings {
            out_of_sight_weeks: 8,
            ..Settings::default()
        })
        .unwrap();
    admin
        .users()
        .add("coordinator", Role::Coordinator, "nog-een-wachtwoord")
        .unwrap();
    dir.join("store")
}

#[test]
fn dump_restores_into_a_blank_store() {
    let dir = tempfile::tempdir().unwrap();
    let source = filled_store(dir.path());
    let file = dir.path().join("dump.jsonl");
    {
        let (store, opened) = open_store(&source);
        assert_eq!(opened, Opened::Current);
        dump::write(&store, &file, "2026-11-23T10:00:00").unwrap();
    }
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with(&format!(
            "{{\"kapstok_dump\":2,\"format_version\":{FORMAT_VERSION},\"created\":\"2026-11-23T10:00:00\",\"encrypted\":false}}\n"
        )),
        "{text}"
    );
    assert!(!dir.path().join("dump.partial").exists());

    let target = dir.path().join("restored");
    {
        let (blank, opened) = open_store(&target);
        assert_eq!(opened, Opened::Created);
        assert!(blank.is_blank());
        let version = dump::restore(
            &blank,
            BufReader::new(std::fs::File::open(&file).unwrap()),
            &file,
        )
        .unwrap();
        assert_eq!(version, FORMAT_VERSION);
        assert!(!blank.is_blank());
    }

    let want = raw_trees(&source);
    let got = raw_trees(&target);
    for (name, items) in &want {
        if ["users", "audit", "members", "settings"].contains(name) {
            assert!(!items.is_empty(), "tree {name} of the source is empty");
        }
    }
    assert_eq!(got, want, "the restored trees differ");

    // And kapstok reads it as the same association.
    let k = open(&target);
    assert_eq!(k.opened(), &Opened::Current);
    let admin = k.login(common::ADMIN, common::PASSWORD).unwrap();
    assert_eq!(admin.members().list().unwrap().len(), 2);
    assert_eq!(admin.settings().unwrap().out_of_sight_weeks, 8);
    assert_eq!(
        admin.members().get(2).unwrap().status(),
        &Status::Ended {
            reason: "moved away".into()
        }
    );
    k.login("coordinator", "nog-een-wachtwoord").unwrap();
}

#[test]
fn restore_refuses_a_store_that_holds_anything() {
    let dir = tempfile::tempdir().unwrap();
    let source = filled_store(dir.path());
    let file = dir.path().join("dump.jsonl");
    let (store, _) = open_store(&source);
    dump::write(&store, &file, "2026-11-23T10:00:00").unwrap();
    let before = std::fs::read(&file).unwrap();
    let result = dump::restore(
        &store,
        BufReader::new(std::fs::File::open(&file).unwrap()),
        &file,
    );
    assert!(matches!(result, Err(Error::NotEmpty)), "{result:?}");
    drop(store);
    // The store is what it was: dumping it again gives the same lines.
    let (store, _) = open_store(&source);
    let again = dir.path().join("again.jsonl");
    dump::write(&store, &again, "2026-11-23T10:00:00").unwrap();
    assert_eq!(std::fs::read(&again).unwrap(), before);
}

#[test]
fn restore_refuses_a_bad_dump_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let source = filled_store(dir.path());
    let file = dir.path().join("dump.jsonl");
    {
        let (store, _) = open_store(&source);
        dump::write(&store, &file, "2026-11-23T10:00:00").unwrap();
    }
    let good = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = good.lines().collect();
    assert!(lines.len() > 10);
    let with_line = |n: usize, replacement: &str| -> String {
        let mut out: Vec<&str> = lines.clone();
        out[n - 1] = replacement;
        out.join("\n") + "\n"
    };
    let cases = [
        (
            with_line(6, r#"{"tree":"members","key":"zz","value":"01"}"#),
            "line 6: key is not hex",
        ),
        (
            with_line(9, r#"{"tree":"payments","key":"00","value":"01"}"#),
            "line 9: unknown tree",
        ),
        (with_line(4, "not json"), "line 4"),
        (
            with_line(1, r#"{"kapstok_dump":99,"format_version":2,"created":"x"}"#),
            "line 1: dump version 99",
        ),
        (String::new(), "line 1: not a kapstok dump"),
    ];
    for (i, (text, want)) in cases.iter().enumerate() {
        let target = dir.path().join(format!("target{i}"));
        let bad = dir.path().join(format!("bad{i}.jsonl"));
        {
            let (blank, _) = open_store(&target);
            let err = dump::restore(&blank, text.as_bytes(), &bad).unwrap_err();
            match &err {
                Error::BadBackup {
                    path,
                    line,
                    problem,
                } => {
                    assert_eq!(path, &bad.display().to_string());
                    let detail = format!("line {line}: {problem}");
                    assert!(detail.starts_with(want), "case {i}: {detail}");
                }
                other => panic!("case {i}: expected BadBackup, got {other:?}"),
            }
            assert!(blank.is_blank(), "case {i}: something was written");
        }
        let trees = raw_trees(&target);
        for (name, items) in trees {
            if name == "meta" {
                let keys: Vec<&[u8]> = items.iter().map(|(k, _)| k.as_slice()).collect();
                assert_eq!(keys, [b"format_version".as_slice()], "case {i}");
            } else {
                assert!(items.is_empty(), "case {i}: tree {name} was written");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Codec round trip
// ---------------------------------------------------------------------------------------------

fn any_date() -> impl Strategy<Value = NaiveDate> {
    use chrono::Datelike;
    (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
        .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

/// Text as members have it: names with diacritics, other scripts, quotes, line breaks.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z' .-]{1,20}",
        "[ÀÁÂÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÖØÙÚÛÜÝàáâäåçèéêëìíîïñòóôöøùúûüýÿĞğİıŁłŞşŒœ'\" ;,]{1,12}",
        any::<String>(),
    ]
}

fn any_postcode() -> impl Strategy<Value = Postcode> {
    (1000u32..10000, "[A-Z]{2}").prop_filter_map("a postcode", |(n, letters)| {
        Postcode::parse(&format!("{n} {letters}"))
    })
}

fn any_address() -> impl Strategy<Value = Address> {
    prop_oneof![
        Just(Address::Unknown),
        Just(Address::CareOfOffice),
        (
            any_text(),
            any::<u32>(),
            any_text(),
            any_postcode(),
            any_text()
        )
            .prop_map(
                |(street, number, addition, postcode, city)| Address::Street {
                    street,
                    number,
                    addition,
                    postcode,
                    city
                }
            ),
        (any::<u32>(), any_postcode(), any_text()).prop_map(|(number, postcode, city)| {
            Address::Postbus {
                number,
                postcode,
                city,
            }
        }),
        (any_text(), any_text(), any_text(), any_text()).prop_map(
            |(street, postcode, city, country)| Address::Foreign {
                street,
                postcode,
                city,
                country
            }
        ),
    ]
}

fn any_status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Active),
        Just(Status::Suspended),
        any_text().prop_map(|reason| Status::Ended { reason }),
        Just(Status::Deceased),
    ]
}

fn any_member() -> impl Strategy<Value = Member> {
    let who = (
        any::<u64>(),
        (any_text(), any_text(), any_text()),
        any_text(),
        proptest::option::of(any_date()),
        any_text(),
        any_text(),
    );
    let what = (
        any_address(),
        proptest::collection::vec((any_date(), any_status()), 1..5),
        any_date(),
        proptest::option::of(any_date()),
        proptest::option::of(any_date()),
        proptest::option::of(any_date()),
        proptest::option::of(any_date()),
        any_text(),
    );
    (who, what).prop_map(
        |(
            (number, (given, prefix, surname), known_as, birth_date, phone, email),
            (address, history, joined, convocation_email, birthday_card, magazine, last, notes),
        )| Member {
            number,
            name: PersonName {
                given,
                prefix,
                surname,
            },
            known_as,
            birth_date,
            phone,
            email,
            address,
            status_history: history
                .into_iter()
                .map(|(since, status)| StatusEntry { since, status })
                .collect(),
            joined,
            consents: Consents {
                convocation_email,
                birthday_card,
                magazine,
            },
            last_contact: last,
            notes,
        },
    )
}

proptest! {
    #[test]
    fn members_survive_the_codec(m in any_member()) {
        let bytes = codec::encode(&m.to_stored()).unwrap();
        prop_assert_eq!(bytes[0], codec::TAG_BINCODE2);
        let back: MemberRecord = codec::decode(&bytes, "members", &codec::id_key(m.number)).unwrap();
        prop_assert!(matches!(back, MemberRecord::V2(_)));
        prop_assert_eq!(Member::from_stored(back), m);
    }

    #[test]
    fn format1_members_upgrade_through_the_codec(m in any_member(), status in any_status()) {
        let old = MemberV1 {
            number: m.number,
            name: m.name.clone(),
            known_as: m.known_as.clone(),
            birth_date: m.birth_date,
            phone: m.phone.clone(),
            email: m.email.clone(),
            address: m.address.clone(),
            status: status.clone(),
            joined: m.joined,
            notes: m.notes.clone(),
        };
        let bytes = codec::encode(&MemberRecord::V1(old)).unwrap();
        let back: MemberRecord = codec::decode(&bytes, "members", &codec::id_key(m.number)).unwrap();
        let up = Member::from_stored(back);
        prop_assert_eq!(up.status_history, vec![StatusEntry { since: m.joined, status }]);
        prop_assert_eq!(up.consents, Consents::default());
        prop_assert_eq!(up.last_contact, None);
        prop_assert_eq!(&up.name, &m.name);
        prop_assert_eq!(&up.address, &m.address);
        prop_assert_eq!(&up.notes, &m.notes);
    }

    #[test]
    fn truncated_records_are_errors_not_panics(m in any_member(), cut in any::<prop::sample::Index>()) {
        let bytes = codec::encode(&m.to_stored()).unwrap();
        let cut = cut.index(bytes.len());
        let result = codec::decode::<MemberRecord>(&bytes[..cut], "members", &codec::id_key(m.number));
        let is_corrupt = matches!(result, Err(Error::Corrupt { ref tree, .. }) if tree == "members");
        prop_assert!(is_corrupt);
    }
}

#[test]
fn records_read_in_batches_or_from_the_end_are_the_records_of_a_scan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let (_k, admin) = new_store(dir.path());
        for i in 0..10 {
            admin
                .members()
                .create(&common::member("Lid", "", &format!("Nummer{i}")))
                .unwrap();
        }
    }
    let (store, _) = open_store(&path);
    let scanned: Vec<u64> = store
        .scan::<Member>()
        .unwrap()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(scanned, (1..=10).collect::<Vec<u64>>());

    let mut sizes = Vec::new();
    let mut batched = Vec::new();
    store
        .scan_batches::<Member>(3, |batch| {
            sizes.push(batch.len());
            batched.extend(batch.into_iter().map(|(n, m)| {
                assert_eq!(n, m.number);
                n
            }));
            Ok(())
        })
        .unwrap();
    assert_eq!(sizes, [3, 3, 3, 1]);
    assert_eq!(batched, scanned);

    // A visitor's error stops the reading and comes back.
    let mut calls = 0;
    let stopped = store.scan_batches::<Member>(4, |_| {
        calls += 1;
        Err(Error::Storage("stop".into()))
    });
    assert!(matches!(stopped, Err(Error::Storage(m)) if m == "stop"));
    assert_eq!(calls, 1);

    let mut newest_first = Vec::new();
    store
        .each_newest_first::<Member>(|n, _| newest_first.push(n))
        .unwrap();
    newest_first.reverse();
    assert_eq!(newest_first, scanned);
}
