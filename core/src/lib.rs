//! # kapstok-core
//!
//! The back office of a membership association as a library: the member register, users and
//! roles with an audit log, on an embedded sled store. No terminal code: the `kapstok` binary (TUI
//! and CLI) is one front end on this crate; another could be written on it alone.
//!
//! Every operation goes through a [`Session`]: it checks the role's permission, validates, writes
//! the record(s) and an audit entry in one transaction, and flushes before it returns.
//!
//! ```
//! use kapstok_core::{Kapstok, members::MemberInput};
//! let dir = tempfile::tempdir()?;
//! let k = Kapstok::open(&dir.path().join("store"))?;
//! let admin = k.setup("beheer", "geheim-wachtwoord")?;
//! let saved = admin.members().create(&MemberInput {
//!     given: "Jan".into(),
//!     prefix: "van der".into(),
//!     surname: "Poel".into(),
//!     address_kind: "care_of".into(),
//!     joined: "01-03-2024".into(),
//!     ..Default::default()
//! })?;
//! assert_eq!(saved.member.number, 1);
//! assert_eq!(admin.members().search("poel")?[0].name.sorted(), "Poel, Jan van der");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
#![warn(missing_docs)]

pub mod access;
mod backup;
pub mod basemail;
pub mod clock;
pub mod common;
pub mod demo;
pub mod error;
pub mod experts;
pub mod meetings;
pub mod members;
mod migrations;
pub mod print;
pub mod privacy;
pub mod report;
pub mod settings;
pub mod store;
pub mod training;

pub use access::{Role, Session};
pub use error::{Error, FieldError, Permission, Reason, Result, RowError};

use access::check_new;
use access::User;
use chrono::{NaiveDate, NaiveDateTime};
use clock::{Clock, SystemClock};
use std::path::Path;
use std::sync::Arc;
use store::{Opened, Store};

/// An open kapstok store. Cheap to clone.
#[derive(Clone)]
pub struct Kapstok {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    clock: Arc<dyn Clock>,
    opened: Opened,
    daily_backup: Option<std::result::Result<std::path::PathBuf, String>>,
}

impl std::fmt::Debug for Kapstok {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kapstok")
            .field("store", &self.inner.store)
            .finish()
    }
}

/// The automatic backup of the day, written when one is due: never for a store just created.
fn due_backup(
    store: &Store,
    opened: &Opened,
    clock: &dyn Clock,
) -> Option<std::result::Result<std::path::PathBuf, String>> {
    match opened {
        Opened::Created => None,
        _ => backup_of_the_day(store, clock),
    }
}

impl Kapstok {
    fn new(
        store: Store,
        clock: Arc<dyn Clock>,
        opened: Opened,
        daily_backup: Option<std::result::Result<std::path::PathBuf, String>>,
    ) -> Kapstok {
        Kapstok {
            inner: Arc::new(Inner {
                store,
                clock,
                opened,
                daily_backup,
            }),
        }
    }

    /// Opens (or creates) the store in the folder `path`, with the computer's clock.
    pub fn open(path: &Path) -> Result<Kapstok> {
        Self::open_with_clock(path, Arc::new(SystemClock))
    }

    /// Opens (or creates) the store with a given clock.
    pub fn open_with_clock(path: &Path, clock: Arc<dyn Clock>) -> Result<Kapstok> {
        let (store, opened) = Store::open(path)?;
        // The first open of each day writes a backup beside the store. A failure does not stop
        // the opening (the data can still be read), but is reported by `daily_backup`.
        let daily_backup = due_backup(&store, &opened, clock.as_ref());
        Ok(Kapstok::new(store, clock, opened, daily_backup))
    }

    /// Opens (or creates) the store with the computer's clock **without** the automatic backup
    /// of the day, for a front end that first shows itself and then calls
    /// [`Kapstok::backup_of_the_day`] (at 100,000 members the backup takes seconds).
    pub fn open_deferring_backup(path: &Path) -> Result<Kapstok> {
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        let (store, opened) = Store::open(path)?;
        Ok(Kapstok::new(store, clock, opened, None))
    }

    /// Writes the automatic backup of the day when there is none yet (as opening with
    /// [`Kapstok::open`] does): the file written, or why it failed; `None` when nothing was due.
    pub fn backup_of_the_day(&self) -> Option<std::result::Result<std::path::PathBuf, String>> {
        due_backup(
            &self.inner.store,
            &self.inner.opened,
            self.inner.clock.as_ref(),
        )
    }

    /// The automatic backup of the day, when this opening wrote one (or failed to).
    pub fn daily_backup(&self) -> Option<std::result::Result<&Path, &str>> {
        self.inner
            .daily_backup
            .as_ref()
            .map(|r| r.as_ref().map(|p| p.as_path()).map_err(|e| e.as_str()))
    }

    /// Creates a new **encrypted** store in the folder `path` (refused when it already holds
    /// anything), with the computer's clock. Record values are encrypted with a random data key;
    /// the store passphrase and every user's password each unwrap a copy of it (see
    /// [`store::crypt`]). The store comes back unlocked, ready for [`Kapstok::setup`].
    pub fn create_encrypted(path: &Path, passphrase: &str) -> Result<Kapstok> {
        Self::create_encrypted_with_clock(path, passphrase, Arc::new(SystemClock))
    }

    /// [`Kapstok::create_encrypted`] with a given clock.
    pub fn create_encrypted_with_clock(
        path: &Path,
        passphrase: &str,
        clock: Arc<dyn Clock>,
    ) -> Result<Kapstok> {
        let (store, opened) = Store::create_encrypted(path, passphrase)?;
        Ok(Kapstok::new(store, clock, opened, None))
    }

    /// Makes a blank store (just created, no users, no records) encrypted with `passphrase`, for
    /// a front end that chooses encryption on first start ([`Error::NotEmpty`] otherwise).
    pub fn encrypt_new(&self, passphrase: &str) -> Result<()> {
        let store = &self.inner.store;
        if store.is_encrypted() || !store.is_blank() {
            return Err(Error::NotEmpty);
        }
        store::check_passphrase(passphrase)?;
        store.encrypt_blank(passphrase)
    }

    /// True when the store's records are encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.inner.store.is_encrypted()
    }

    /// True for an encrypted store nobody has unlocked yet: a login (or [`Kapstok::unlock`])
    /// unlocks it.
    pub fn is_locked(&self) -> bool {
        self.inner.store.is_locked()
    }

    /// Unlocks an encrypted store with the store passphrase ([`Error::BadPassphrase`] when wrong).
    pub fn unlock(&self, passphrase: &str) -> Result<()> {
        self.inner.store.unlock_with_passphrase(passphrase)
    }

    /// What happened on opening: created, current, or migrated (with the backup).
    pub fn opened(&self) -> &Opened {
        &self.inner.opened
    }

    /// Subscribes to the changes committed from now on, by any session on this store: after each
    /// transaction, which records it wrote and who wrote them (see [`store::changes`]). A front
    /// end reloads only what depends on the trees a change set touches.
    pub fn subscribe(&self) -> store::changes::Subscription {
        self.inner.store.subscribe()
    }

    /// [`Kapstok::subscribe`], woken after each change: see [`store::Store::subscribe_waking`].
    pub fn subscribe_waking(
        &self,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> store::changes::Subscription {
        self.inner.store.subscribe_waking(std::sync::Arc::new(wake))
    }

    /// The store's folder.
    pub fn path(&self) -> &Path {
        self.inner.store.path()
    }

    pub(crate) fn store(&self) -> &Store {
        &self.inner.store
    }

    /// Today, by this store's clock.
    pub fn today(&self) -> NaiveDate {
        self.inner.clock.today()
    }

    pub(crate) fn now(&self) -> NaiveDateTime {
        self.inner.clock.now()
    }

    /// True when the store has no users yet: the front end offers demo data or a new association.
    pub fn needs_setup(&self) -> Result<bool> {
        if self.inner.store.is_locked() {
            // The users cannot be read yet; the counter in `meta` says whether any was made.
            return Ok(self.inner.store.seq(crate::store::Counter::User)? == 0);
        }
        if demo::is_incomplete(&self.inner.store)? {
            // A half-written demo (see `demo::fill`) counts as empty.
            return Ok(true);
        }
        Ok(self.inner.store.seq(crate::store::Counter::User)? == 0
            && self.inner.store.scan::<User>()?.is_empty())
    }

    /// Sets up a new association: creates the first administrator and logs in. Refused when the
    /// store already has users.
    pub fn setup(&self, admin: &str, password: &str) -> Result<Session> {
        if demo::is_incomplete(&self.inner.store)? {
            // A new association on a store a killed demo half filled: clear it first.
            demo::clear_incomplete(&self.inner.store)?;
            demo::mark_incomplete(&self.inner.store, false)?;
        }
        self.setup_now(admin, password)
    }

    /// [`Kapstok::setup`] without clearing a half-written demo (the demo's own setup).
    pub(crate) fn setup_now(&self, admin: &str, password: &str) -> Result<Session> {
        if !self.needs_setup()?
            || demo::is_incomplete(&self.inner.store)?
                && self.inner.store.seq(crate::store::Counter::User)? != 0
        {
            return Err(Error::NotEmpty);
        }
        let name = check_new(admin, password)?;
        let hash = access::hash_password(password)?;
        let wrap = self.inner.store.user_key_wrap(&name, password)?;
        let now = self.now();
        let user = User {
            name: name.clone(),
            role: Role::Administrator,
            password_hash: hash,
            active: true,
            created: now,
        };
        let id = self.inner.store.transact(|tx| {
            let id = tx.next_seq(crate::store::Counter::User)?;
            tx.put(id, &user)?;
            if let Some(wrap) = &wrap {
                tx.put_key_wrap(wrap)?;
            }
            for limits in experts::rules::known_limits() {
                tx.put(limits.year as u64, &limits)?;
            }
            let session = self.session_for(id, &user);
            session.audit(
                tx,
                now,
                "user.setup",
                &format!("user/{id}"),
                "administrator",
            )?;
            Ok(id)
        })?;
        Ok(self.session_for(id, &user))
    }

    /// Logs in. A wrong name and a wrong password give the same error.
    ///
    /// On an encrypted store that is still locked, the user's copy of the data key is unwrapped
    /// with the password first; a wrong name or password is the same [`Error::BadLogin`]. A user
    /// without a copy (after a re-encryption, or in a store restored with encryption) logs in
    /// once after the store passphrase unlocked it ([`Kapstok::unlock`]); their copy is made then.
    pub fn login(&self, name: &str, password: &str) -> Result<Session> {
        let name = name.trim().to_lowercase();
        let was_locked = self.inner.store.is_locked();
        self.inner.store.unlock_as_user(&name, password)?;
        let found = self
            .inner
            .store
            .scan::<User>()?
            .into_iter()
            .find(|(_, u)| u.name == name && u.active);
        match found {
            Some((id, user)) if access::verify_password(password, &user.password_hash) => {
                let session = self.session_for(id, &user);
                access::ensure_key_wrap(&session, password)?;
                Ok(session)
            }
            _ => {
                // A copy of the key that opened the store for a login that then failed (a
                // blocked account) leaves it locked as it was.
                if was_locked {
                    self.inner.store.lock();
                }
                Err(Error::BadLogin)
            }
        }
    }

    /// A session for the active account an SSH public key is registered to, for `kapstok serve`:
    /// call it only once the client has proven it holds the key's private half (russh's
    /// `auth_publickey`, after the signature is verified), never when a key is merely offered.
    /// The store must already be open for reading (an encrypted store is unlocked when the
    /// server starts). The session's audit entries carry `origin`.
    pub fn login_with_key(
        &self,
        name: &str,
        key: &ssh_key::PublicKey,
        origin: access::Origin,
    ) -> Result<Session> {
        if self.inner.store.is_locked() {
            return Err(Error::Locked);
        }
        let name = name.trim().to_lowercase();
        let fingerprint = access::fingerprint(key);
        let store = &self.inner.store;
        let found = store
            .scan::<User>()?
            .into_iter()
            .find(|(_, u)| u.name == name && u.active);
        let Some((id, user)) = found else {
            return Err(Error::BadLogin);
        };
        let registered = store
            .scan::<access::UserKey>()?
            .into_iter()
            .any(|(_, k)| k.user_id == id && k.fingerprint == fingerprint);
        if !registered {
            return Err(Error::BadLogin);
        }
        Ok(self.session_for(id, &user).with_origin(origin))
    }

    /// Whether a session may go on: its account still exists and is not blocked, with the same
    /// role, and the SSH key it logged in with (if any) is still registered. `kapstok serve`
    /// asks this of every session when the users change, and ends those that may not.
    pub fn still_allowed(&self, session: &Session) -> Result<bool> {
        let store = &self.inner.store;
        let Some(user) = store.get::<User>(session.user_id())? else {
            return Ok(false);
        };
        if !user.active || user.role != session.role() || user.name != session.user_name() {
            return Ok(false);
        }
        match session.origin() {
            access::Origin::Ssh { key: Some(fp), .. } => Ok(store
                .scan::<access::UserKey>()?
                .into_iter()
                .any(|(_, k)| k.user_id == session.user_id() && &k.fingerprint == fp)),
            _ => Ok(true),
        }
    }

    /// Whether an SSH public key is registered to the active account of this name (for the
    /// server to answer a key that is only offered; the login itself is [`Kapstok::login_with_key`]).
    pub fn key_is_registered(&self, name: &str, key: &ssh_key::PublicKey) -> Result<bool> {
        let name = name.trim().to_lowercase();
        let fingerprint = access::fingerprint(key);
        let store = &self.inner.store;
        let Some((id, _)) = store
            .scan::<User>()?
            .into_iter()
            .find(|(_, u)| u.name == name && u.active)
        else {
            return Ok(false);
        };
        Ok(store
            .scan::<access::UserKey>()?
            .into_iter()
            .any(|(_, k)| k.user_id == id && k.fingerprint == fingerprint))
    }

    fn session_for(&self, id: u64, user: &User) -> Session {
        Session {
            k: self.clone(),
            user_id: id,
            user_name: user.name.clone(),
            role: user.role,
            origin: access::Origin::Local,
        }
    }
}

/// The daily backup, if due: the file written, or the failure as text.
fn backup_of_the_day(
    store: &Store,
    clock: &dyn Clock,
) -> Option<std::result::Result<std::path::PathBuf, String>> {
    match store.daily_backup(clock.today(), clock.now()) {
        Ok(None) => None,
        Ok(Some(path)) => Some(Ok(path)),
        Err(e) => Some(Err(e.to_string())),
    }
}
