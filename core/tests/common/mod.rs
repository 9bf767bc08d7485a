//! Helpers shared by the integration tests of kapstok-core.

#![allow(dead_code)]

use chrono::NaiveDate;
use kapstok_core::clock::FixedClock;
use kapstok_core::members::MemberInput;
use kapstok_core::{Error, Kapstok, Session};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The day every test lives on.
pub fn today() -> NaiveDate {
    d(2026, 11, 23)
}

/// A date.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A clock standing on [`today`].
pub fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::at_date(today()))
}

/// The administrator every test store is set up with.
pub const ADMIN: &str = "beheer";
/// Their password.
pub const PASSWORD: &str = "geheim-wachtwoord";

/// Retries `open` while the store is still locked by a handle this process has just dropped.
///
/// sled 0.34 releases its file lock from a background thread after `Db` is dropped
/// (spacejam/sled#1289), so reopening in the same process can briefly see the lock. Another
/// process holding it would be seen for the whole deadline, so this cannot hide a real lock.
pub fn retry_locked<T, E>(
    mut open: impl FnMut() -> Result<T, E>,
    is_lock: impl Fn(&E) -> bool,
) -> Result<T, E> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match open() {
            Err(e) if is_lock(&e) && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10))
            }
            other => return other,
        }
    }
}

/// Opens (or reopens) a store with the fixed clock.
pub fn open(path: &Path) -> Kapstok {
    try_open(path).unwrap()
}

/// Opens a store with the fixed clock, waiting out this process's own just-dropped handle.
pub fn try_open(path: &Path) -> Result<Kapstok, Error> {
    retry_locked(
        || Kapstok::open_with_clock(path, clock()),
        |e| matches!(e, Error::AlreadyOpen { .. }),
    )
}

/// Opens the bare store (no login, no daily backup), waiting out this process's just-dropped
/// handle.
pub fn open_store(path: &Path) -> (kapstok_core::store::Store, kapstok_core::store::Opened) {
    retry_locked(
        || kapstok_core::store::Store::open(path),
        |e| matches!(e, Error::AlreadyOpen { .. }),
    )
    .unwrap()
}

/// Opens the store's folder with sled itself (after kapstok let go of it).
pub fn raw_sled(path: &Path) -> sled::Db {
    retry_locked(
        || sled::Config::new().path(path).open(),
        |e| e.to_string().contains("could not acquire lock"),
    )
    .unwrap()
}

/// The format version a raw store records.
pub fn raw_format_version(db: &sled::Db) -> Option<u32> {
    let meta = db.open_tree("meta").unwrap();
    meta.get("format_version")
        .unwrap()
        .map(|v| u32::from_be_bytes(v.as_ref().try_into().unwrap()))
}

/// Makes a raw store claim an older (or newer) format version.
pub fn set_raw_format_version(db: &sled::Db, version: u32) {
    db.open_tree("meta")
        .unwrap()
        .insert("format_version", &version.to_be_bytes())
        .unwrap();
}

/// A new store in `dir`, set up with [`ADMIN`].
pub fn new_store(dir: &Path) -> (Kapstok, Session) {
    let k = open(&dir.join("store"));
    let admin = k.setup(ADMIN, PASSWORD).unwrap();
    (k, admin)
}

/// A valid member: care of the office, joined 01-03-2024.
pub fn member(given: &str, prefix: &str, surname: &str) -> MemberInput {
    MemberInput {
        given: given.into(),
        prefix: prefix.into(),
        surname: surname.into(),
        address_kind: "care_of".into(),
        joined: "01-03-2024".into(),
        ..MemberInput::default()
    }
}
