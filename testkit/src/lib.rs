//! What kapstok's tests share: a store on a fixed clock (the tests' day, 23-11-2026), the
//! administrator it is set up with and a user per role, opening and reopening a store while this
//! process's just-dropped handle lets go of it, raw sled access for format tests, and sample
//! members (care of the office, a street address, a foreign one).
//!
//! A dev-dependency of the test crates and of core's integration tests (`core/tests`); core's own
//! `#[cfg(test)]` unit tests cannot use it (it links the non-test build of core).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use chrono::NaiveDate;
use kapstok_core::access::Role;
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

/// The password of every user [`with_roles`] adds.
pub const ROLE_PASSWORD: &str = "wachtwoord-per-rol";

/// The user name [`with_roles`] gives a role.
pub fn role_user(role: Role) -> &'static str {
    match role {
        Role::Administrator => ADMIN,
        Role::Coordinator => "coordinator",
        Role::Volunteer => "vrijwilliger",
    }
}

/// Adds a coordinator and a volunteer (password [`ROLE_PASSWORD`]) to a store set up with
/// [`ADMIN`], and returns a session for each role: administrator, coordinator, volunteer.
pub fn with_roles(k: &Kapstok, admin: &Session) -> [Session; 3] {
    for role in [Role::Coordinator, Role::Volunteer] {
        admin
            .users()
            .add(role_user(role), role, ROLE_PASSWORD)
            .unwrap();
    }
    [
        k.login(ADMIN, PASSWORD).unwrap(),
        k.login(role_user(Role::Coordinator), ROLE_PASSWORD)
            .unwrap(),
        k.login(role_user(Role::Volunteer), ROLE_PASSWORD).unwrap(),
    ]
}

/// A valid member at a Dutch street address (Dorpsstraat 12a, 1234 AB Utrecht), born 01-02-1970.
pub fn street_member(given: &str, prefix: &str, surname: &str) -> MemberInput {
    MemberInput {
        address_kind: "street".into(),
        street: "Dorpsstraat".into(),
        house_number: "12".into(),
        addition: "a".into(),
        postcode: "1234 AB".into(),
        city: "Utrecht".into(),
        birth_date: "01-02-1970".into(),
        ..member(given, prefix, surname)
    }
}

/// A valid member at a foreign address (Rue de la Loi 16, 1000 Bruxelles, België).
pub fn foreign_member(given: &str, prefix: &str, surname: &str) -> MemberInput {
    MemberInput {
        address_kind: "foreign".into(),
        street: "Rue de la Loi 16".into(),
        postcode: "1000".into(),
        city: "Bruxelles".into(),
        country: "België".into(),
        ..member(given, prefix, surname)
    }
}
