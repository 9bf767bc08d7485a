//! A store on the tests' fixed clock, opened and reopened while this process's just-dropped
//! handle lets go of it, set up with an administrator and, on request, a user per role.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use kapstok_core::access::Role;
use kapstok_core::clock::FixedClock;
use kapstok_core::{Error, FieldError, Kapstok, Session};
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

/// A moment: a date at hours and minutes.
pub fn at(date: NaiveDate, h: u32, min: u32) -> NaiveDateTime {
    date.and_time(time(h, min))
}

/// A time of day.
pub fn time(h: u32, min: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, min, 0).unwrap()
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
    open: impl FnMut() -> Result<T, E>,
    is_lock: impl Fn(&E) -> bool,
) -> Result<T, E> {
    retry_locked_for(Duration::from_secs(10), open, is_lock)
}

/// [`retry_locked`] with a deadline of its own: for a store a child process is still letting go
/// of (one that is ending, or was just killed).
pub fn retry_locked_for<T, E>(
    wait: Duration,
    mut open: impl FnMut() -> Result<T, E>,
    is_lock: impl Fn(&E) -> bool,
) -> Result<T, E> {
    let deadline = Instant::now() + wait;
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
    retry_locked(|| Kapstok::open_with_clock(path, clock()), is_lock)
}

/// Whether an error is the lock of a store that is open elsewhere (or not let go of yet).
pub fn is_lock(e: &Error) -> bool {
    matches!(e, Error::AlreadyOpen { .. })
}

/// Opens the bare store (no login, no daily backup), waiting out this process's just-dropped
/// handle.
pub fn open_store(path: &Path) -> (kapstok_core::store::Store, kapstok_core::store::Opened) {
    retry_locked(|| kapstok_core::store::Store::open(path), is_lock).unwrap()
}

/// A store in `dir` on the fixed clock filled by `kapstok demo` (300 members, seed 2026), whose
/// users have the demo's password (`kapstok_core::demo::DEMO_PASSWORD`).
pub fn demo_store(dir: &Path) -> Kapstok {
    let k = open(&dir.join("store"));
    kapstok_core::demo::fill(&k, 300, 2026).unwrap();
    k
}

/// The demo's administrator ([`ADMIN`], the demo's password) logged in on a [`demo_store`].
pub fn demo_admin(k: &Kapstok) -> Session {
    k.login(ADMIN, kapstok_core::demo::DEMO_PASSWORD).unwrap()
}

/// A new store in `dir`, set up with [`ADMIN`].
pub fn new_store(dir: &Path) -> (Kapstok, Session) {
    let k = open(&dir.join("store"));
    let admin = k.setup(ADMIN, PASSWORD).unwrap();
    (k, admin)
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

/// Adds the user [`role_user`] names for `role`, with `password`; returns the user name.
pub fn add_user(admin: &Session, role: Role, password: &str) -> &'static str {
    let name = role_user(role);
    admin.users().add(name, role, password).unwrap();
    name
}

/// A new store in `dir` (as [`new_store`]) whose administrator, coordinator and volunteer
/// ([`role_user`]) all have `password`: the TUI's tests log in as any of them with one password.
pub fn new_store_with_users(dir: &Path, password: &str) -> (Kapstok, Session) {
    let k = open(&dir.join("store"));
    let admin = k.setup(ADMIN, password).unwrap();
    for role in [Role::Coordinator, Role::Volunteer] {
        add_user(&admin, role, password);
    }
    (k, admin)
}

/// The field errors of a refused input.
///
/// # Panics
/// When the error is anything else.
#[track_caller]
pub fn fields(e: Error) -> Vec<FieldError> {
    match e {
        Error::Invalid(f) => f,
        other => panic!("expected field errors, got {other:?}"),
    }
}
