//! Storage on one sled database.
//!
//! - A fixed list of trees ([`TreeId`]), declared here and nowhere else.
//! - Keys are `u64` ids, big-endian, so iteration order is id order.
//! - Values are a codec tag byte and bincode 2 of a versioned enum (see [`codec`] and [`Record`]).
//! - The `meta` tree holds the format version and the id counters; opening an older store migrates
//!   it after writing a backup, a newer one is refused.
//! - Every change is one sled transaction over all trees (record, counter and audit entry
//!   together), flushed to disk before the call returns.
//! - A store may be encrypted (chosen when it is created, see [`crypt`]): then every value outside
//!   `meta` is sealed with the store's data key, which a login or the store passphrase unwraps.
//!   The sealing happens here, in [`Store::get`], [`Store::scan`], [`Tx::get`] and [`Tx::put`], so
//!   every tree (also ones added later) is covered without the areas knowing.

pub mod backup;
pub mod changes;
pub mod codec;
pub mod crypt;
pub mod dump;
mod files;
mod keyring;
pub mod keys;
mod lock;
pub(crate) mod migrate;
pub mod rewrite;
mod trees;
mod tx;

use crate::error::{refuses_writes, Error, Result};
use crypt::{DataKey, Header, Sealing};
use sled::transaction::{TransactionError, Transactional};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

pub use keys::{Counter, Setting, SettingsKey};
pub use migrate::FORMAT_VERSION;
pub use trees::{BlindedKey, Record, TreeId};
use tx::seq_key;
pub use tx::{abort, Tx, TxResult};

const META_FORMAT: &[u8] = keys::meta::FORMAT;

/// An open store.
#[derive(Clone)]
pub struct Store {
    db: sled::Db,
    trees: Vec<sled::Tree>,
    path: PathBuf,
    crypt: Arc<RwLock<CryptState>>,
    /// A migration that waits for the data key (an encrypted store opened locked).
    pending_migration: Arc<Mutex<Option<u32>>>,
    /// Set when writing to disk failed: sled may hold the refused change in memory, so from
    /// then on this open store refuses every read and write (reopening shows what is on disk).
    failed: Arc<Mutex<Option<String>>>,
    /// The store's own lock (`<store>.lock`), held by every handle: see `lock`.
    lock: Arc<lock::StoreLock>,
    /// Who hears of committed changes (see [`changes`]); kept across a rewrite's reopen.
    announcer: Arc<changes::Announcer>,
    /// How often each tree was read whole ([`Store::scan`]), indexed by [`TreeId`]: for tests
    /// that a call reads the register once (see [`Store::scans`]).
    scans: Arc<[AtomicU64; TreeId::ALL.len()]>,
}

/// The encryption state of an open store.
#[derive(Default)]
struct CryptState {
    /// The header, for an encrypted store.
    header: Option<Header>,
    /// The data key, once a login or the passphrase unwrapped it.
    key: Option<Arc<DataKey>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// What happened when a store was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// A new, empty store was created.
    Created,
    /// An existing store of the current format.
    Current,
    /// An older store was migrated; the backup written before is named.
    Migrated {
        /// The format version before.
        from: u32,
        /// The backup file written before migrating.
        backup: PathBuf,
    },
}

impl Store {
    /// Opens the store in the folder `path`, creating it when it does not exist. An older format
    /// is migrated after a backup is written beside the store; a newer one is refused.
    ///
    /// An encrypted store opens locked: records can be read and written once
    /// [`Store::unlock_as_user`] or [`Store::unlock_with_passphrase`] found the data key.
    pub fn open(path: &Path) -> Result<(Store, Opened)> {
        Self::open_with(path, &mut |_| Ok(()))
    }

    /// [`Store::open`], calling `at` at each step of a rewrite that is due (see
    /// [`rewrite::rewrite_with`]): for tests that stop it where a kill would.
    #[doc(hidden)]
    pub fn open_with(
        path: &Path,
        at: &mut dyn FnMut(rewrite::Step) -> Result<()>,
    ) -> Result<(Store, Opened)> {
        // The lock comes first: no file of the store or of an interrupted rewrite is looked at
        // before this kapstok is the only one on the store.
        let lock = Arc::new(lock::StoreLock::acquire(path)?);
        rewrite::recover(&lock)?;
        let (store, opened) = Self::open_locked(path, lock)?;
        rewrite::finish_pending(store, opened, at)
    }

    /// Opens the store, which does a rewrite still due after an erasure (as every open does), and
    /// closes it again: whether a rewrite was due, and whether it still is (it failed).
    pub fn open_for_rewrite(path: &Path) -> Result<(bool, bool)> {
        let lock = Arc::new(lock::StoreLock::acquire(path)?);
        rewrite::recover(&lock)?;
        let (store, opened) = Self::open_locked(path, lock)?;
        let was_due = store.rewrite_due()?;
        let (store, _) = rewrite::finish_pending(store, opened, &mut |_| Ok(()))?;
        Ok((was_due, store.rewrite_due()?))
    }

    /// Opens the store's sled database under the store's lock (taken by [`Store::open`]).
    fn open_locked(path: &Path, lock: Arc<lock::StoreLock>) -> Result<(Store, Opened)> {
        files::before_open(path)?;
        // sled's page cache. Its real footprint is about three times the figure (100,000
        // members: 16 MB cost 125 MiB peak in the TUI, 32 MB 174 MiB). 24 MB keeps the TUI's
        // peak near 170 MiB with the daily backup and every tab visited, while the member pages
        // a run or a keystroke reads stay cached (at 16 MB composing a run took 115 ms and a
        // keystroke 8 ms at p99; see BENCHMARKS.md).
        let config = sled::Config::new()
            .path(path)
            .cache_capacity(24 * 1024 * 1024);
        // sled lets go of its own lock on `db` from a background thread after a handle in this
        // process is dropped (spacejam/sled#1289), as after a rewrite: wait for it. Under the
        // store's lock no other kapstok can hold it, so this ends.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let db = loop {
            match config.open().map_err(|e| open_error(e, path)) {
                Err(Error::AlreadyOpen { .. }) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(10))
                }
                other => break other?,
            }
        };
        let trees = TreeId::ALL
            .iter()
            .map(|t| db.open_tree(t.name()))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| storage_error(e, path))?;
        let header = match trees[TreeId::Meta as usize].get(crypt::META_HEADER)? {
            Some(bytes) => Some(Header::from_bytes(&bytes)?),
            None => None,
        };
        let store = Store {
            db,
            trees,
            path: path.to_path_buf(),
            crypt: Arc::new(RwLock::new(CryptState { header, key: None })),
            pending_migration: Arc::new(Mutex::new(None)),
            failed: Arc::new(Mutex::new(None)),
            lock,
            announcer: Arc::new(changes::Announcer::default()),
            scans: Arc::new(std::array::from_fn(|_| AtomicU64::new(0))),
        };
        let opened = migrate::on_open(&store)?;
        Ok((store, opened))
    }

    /// Creates a new **encrypted** store in the folder `path`: a random data key, wrapped with a
    /// key derived from `passphrase`. The store comes back unlocked. A folder that already holds
    /// a store with anything in it is refused ([`Error::NotEmpty`]); encryption is chosen when a
    /// store is created, never switched on in place (restore a backup with encryption into a new
    /// store instead, see [`dump::restore_encrypted`]).
    pub fn create_encrypted(path: &Path, passphrase: &str) -> Result<(Store, Opened)> {
        check_passphrase(passphrase)?;
        let (store, opened) = Store::open(path)?;
        if store.is_encrypted() || !store.is_blank() {
            return Err(Error::NotEmpty);
        }
        store.encrypt_blank(passphrase)?;
        Ok((store, opened))
    }

    /// Makes a blank store encrypted: writes the header and the passphrase's wrap of a new data
    /// key, and unlocks it.
    pub(crate) fn encrypt_blank(&self, passphrase: &str) -> Result<()> {
        let header = Header::new();
        let key = DataKey::random();
        let wrap = key.wrap(passphrase, crypt::META_PASSPHRASE)?;
        let meta = self.tree(TreeId::Meta);
        let mut batch = sled::Batch::default();
        batch.insert(crypt::META_HEADER, header.to_bytes());
        batch.insert(crypt::META_PASSPHRASE, wrap);
        meta.apply_batch(batch)
            .map_err(|e| storage_error(e, &self.path))?;
        self.flush()?;
        let mut state = self.crypt_state_mut();
        state.header = Some(header);
        state.key = Some(Arc::new(key));
        Ok(())
    }

    /// Reads the encryption header again (after a restore wrote `meta`); the store is locked
    /// until a login or the passphrase unlocks it.
    pub(crate) fn reload_crypt_header(&self) -> Result<()> {
        let header = match self.tree(TreeId::Meta).get(crypt::META_HEADER)? {
            Some(bytes) => Some(Header::from_bytes(&bytes)?),
            None => None,
        };
        let mut state = self.crypt_state_mut();
        state.header = header;
        state.key = None;
        Ok(())
    }

    fn crypt_state(&self) -> std::sync::RwLockReadGuard<'_, CryptState> {
        self.crypt.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn crypt_state_mut(&self) -> std::sync::RwLockWriteGuard<'_, CryptState> {
        self.crypt.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// True when the store's values are encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.crypt_state().header.is_some()
    }

    /// True for an encrypted store whose data key is not known yet.
    pub fn is_locked(&self) -> bool {
        let state = self.crypt_state();
        state.header.is_some() && state.key.is_none()
    }

    pub(crate) fn sealing(&self) -> Sealing {
        let state = self.crypt_state();
        match (&state.header, &state.key) {
            (None, _) => Sealing::Plain,
            (Some(_), None) => Sealing::Locked,
            (Some(_), Some(key)) => Sealing::Open(key.clone()),
        }
    }

    fn header(&self) -> Result<Header> {
        self.crypt_state().header.clone().ok_or(Error::NotEncrypted)
    }

    fn data_key(&self) -> Result<Arc<DataKey>> {
        match self.sealing() {
            Sealing::Plain => Err(Error::NotEncrypted),
            Sealing::Locked => Err(Error::Locked),
            Sealing::Open(key) => Ok(key),
        }
    }

    fn set_key(&self, key: DataKey) -> Result<()> {
        self.crypt_state_mut().key = Some(Arc::new(key));
        let pending = self
            .pending_migration
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(from) = pending {
            if let Err(e) = migrate::migrate(self, from) {
                // Not migrated (the backup could not be written, a record does not decode): lock
                // again and keep the migration waiting, so that no one works on a store of the
                // old format (one without the birthday index would leave out birthday cards).
                self.defer_migration(from);
                self.lock();
                return Err(e);
            }
        }
        Ok(())
    }

    /// Takes over the data key of an earlier handle on the same encrypted contents (the store
    /// before a rewrite: `sealing` is what [`Store::sealing`] said of it), so the user who
    /// unlocked it can go on working. Nothing happens when that handle was not unlocked.
    pub(crate) fn adopt(&self, sealing: Sealing) -> Result<()> {
        if let Sealing::Open(key) = sealing {
            if !self.is_encrypted() {
                return Err(Error::Storage(
                    "the rewritten store lost its encryption header".into(),
                ));
            }
            self.crypt_state_mut().key = Some(key);
        }
        Ok(())
    }

    /// Forgets the data key: an encrypted store is locked again until the next unlock.
    pub fn lock(&self) {
        self.crypt_state_mut().key = None;
    }

    /// The settings a migration had to set back to their defaults, for the administrator to
    /// enter again (format 4: the meeting rules or the retention period, which had shared a key);
    /// each goes from the list when it is saved.
    pub fn settings_reset(&self) -> Result<Vec<SettingsKey>> {
        let Some(bytes) = self.tree(TreeId::Meta).get(keys::meta::SETTINGS_RESET)? else {
            return Ok(Vec::new());
        };
        Ok(SettingsKey::ALL
            .iter()
            .copied()
            .filter(|k| bytes.iter().any(|b| u64::from(*b) == k.id()))
            .collect())
    }

    /// Subscribes to the change sets of every transaction committed from now on (see
    /// [`changes`]).
    pub fn subscribe(&self) -> changes::Subscription {
        self.announcer.subscribe(None)
    }

    /// [`Store::subscribe`], calling `wake` after each change set is in the subscription (and in
    /// every other one): a session that waits for input can be woken to show a change at once.
    /// `wake` runs on the writer's thread, so it must not block (send on a channel).
    pub fn subscribe_waking(&self, wake: changes::Wake) -> changes::Subscription {
        self.announcer.subscribe(Some(wake))
    }

    /// True when the store must still be rewritten after an erasure (see [`rewrite`]).
    pub fn rewrite_due(&self) -> Result<bool> {
        rewrite::due(self)
    }

    /// The store's folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder beside the store where backups are written (`<store>-backups`).
    pub fn backup_dir(&self) -> PathBuf {
        let mut name = self
            .path
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_else(|| "kapstok".into());
        name.push("-backups");
        self.path.with_file_name(name)
    }

    pub(crate) fn tree(&self, id: TreeId) -> &sled::Tree {
        &self.trees[id as usize]
    }

    /// The ids of a tree's records, in order, without reading the values (stale keys that no
    /// longer decode are listed too).
    pub(crate) fn tree_keys(&self, id: TreeId) -> Result<Vec<u64>> {
        self.usable()?;
        self.tree(id)
            .iter()
            .keys()
            .map(|key| key_id(id, &key?))
            .collect()
    }

    /// How many keys a tree holds (for checks and reports; no values are read).
    pub fn tree_len(&self, id: TreeId) -> usize {
        self.tree(id).len()
    }

    /// The format version recorded in the meta tree (`None` for a store never initialised).
    pub fn format_version(&self) -> Result<Option<u32>> {
        match self.tree(TreeId::Meta).get(META_FORMAT)? {
            None => Ok(None),
            Some(bytes) => {
                let arr: [u8; 4] = bytes.as_ref().try_into().map_err(|_| Error::Corrupt {
                    tree: "meta".into(),
                    key: "format_version".into(),
                    detail: format!("{} bytes, expected 4", bytes.len()),
                })?;
                Ok(Some(u32::from_be_bytes(arr)))
            }
        }
    }

    /// True when the store holds no records and no counters: nothing but the format version
    /// that opening a new store writes. Only a blank store takes a restore.
    pub fn is_blank(&self) -> bool {
        TreeId::ALL.iter().all(|&id| {
            let tree = self.tree(id);
            if id == TreeId::Meta {
                tree.iter()
                    .keys()
                    .all(|key| key.is_ok_and(|k| k.as_ref() == META_FORMAT))
            } else {
                tree.is_empty()
            }
        })
    }

    /// Reads one record.
    pub fn get<R: Record>(&self, id: u64) -> Result<Option<R>> {
        self.usable()?;
        let key = codec::id_key(id);
        match self.tree(R::TREE).get(key)? {
            None => Ok(None),
            Some(bytes) => decode_record::<R>(&self.sealing(), &bytes, &key).map(Some),
        }
    }

    /// Reads a settings record (`None` when it was never saved).
    pub fn setting<S: Setting>(&self) -> Result<Option<S>> {
        self.get::<S>(S::KEY.id())
    }

    /// Reads every record of a kind, in id order.
    pub fn scan<R: Record>(&self) -> Result<Vec<(u64, R)>> {
        self.usable()?;
        self.scans[R::TREE as usize].fetch_add(1, Ordering::Relaxed);
        let sealing = self.sealing();
        let tree = self.tree(R::TREE);
        // Sized first: a Vec grown by doubling holds up to twice the records' room, and both
        // buffers while it moves (100,000 members: 70 MB at that moment instead of 35). sled's
        // `len` walks the tree, so this reads it twice; decoding, not the walk, is what costs
        // (the register's scan, decode and sort: 390 ms at 100,000, see BENCHMARKS.md).
        let mut records = Vec::with_capacity(tree.len());
        for item in tree.iter() {
            let (key, value) = item?;
            let id = key_id(R::TREE, &key)?;
            records.push((id, decode_record::<R>(&sealing, &value, &key)?));
        }
        Ok(records)
    }

    /// How often [`Store::scan`] read the whole `tree` since the store was opened (for tests).
    #[doc(hidden)]
    pub fn scans(&self, tree: TreeId) -> u64 {
        self.scans[tree as usize].load(Ordering::Relaxed)
    }

    /// Reads the records of a kind one at a time, newest id first, handing each to `visit`; only
    /// one decoded record is held at a time (for long lists read from the end, like the audit log).
    pub fn each_newest_first<R: Record>(&self, mut visit: impl FnMut(u64, R)) -> Result<()> {
        self.usable()?;
        let sealing = self.sealing();
        for item in self.tree(R::TREE).iter().rev() {
            let (key, value) = item?;
            let id = key_id(R::TREE, &key)?;
            visit(id, decode_record::<R>(&sealing, &value, &key)?);
        }
        Ok(())
    }

    /// [`Store::each_newest_first`] that stops after the first record for which `visit` returns
    /// false.
    pub(crate) fn each_newest_first_while<R: Record>(
        &self,
        mut visit: impl FnMut(u64, R) -> bool,
    ) -> Result<()> {
        self.usable()?;
        let sealing = self.sealing();
        for item in self.tree(R::TREE).iter().rev() {
            let (key, value) = item?;
            let id = key_id(R::TREE, &key)?;
            if !visit(id, decode_record::<R>(&sealing, &value, &key)?) {
                break;
            }
        }
        Ok(())
    }

    /// The stored key of record `id` in a tree with blinded keys (the birthday index): see
    /// [`crypt::DataKey::blind`]; the id itself in an unencrypted store.
    pub(crate) fn blind(&self, tree: TreeId, id: u64) -> Result<u64> {
        self.sealing().blind(tree, id)
    }

    /// Reads the records of a kind in id order, `size` at a time, handing each batch to `visit`:
    /// what is held is one batch, not the whole tree (for counts over the whole register).
    pub fn scan_batches<R: Record>(
        &self,
        size: usize,
        mut visit: impl FnMut(Vec<(u64, R)>) -> Result<()>,
    ) -> Result<()> {
        self.usable()?;
        let sealing = self.sealing();
        let size = size.max(1);
        let mut batch = Vec::with_capacity(size);
        for item in self.tree(R::TREE).iter() {
            let (key, value) = item?;
            let id = key_id(R::TREE, &key)?;
            batch.push((id, decode_record::<R>(&sealing, &value, &key)?));
            if batch.len() == size {
                visit(std::mem::replace(&mut batch, Vec::with_capacity(size)))?;
            }
        }
        if !batch.is_empty() {
            visit(batch)?;
        }
        Ok(())
    }

    /// Runs `work` as one transaction over all trees, then flushes to disk. The closure may run
    /// more than once (on a conflict), so it must have no side effects outside the transaction.
    ///
    /// In an encrypted store every value is sealed on [`Tx::put`]; a locked store refuses with
    /// [`Error::Locked`]. A write the disk refuses (full, read-only) gives [`Error::ReadOnly`].
    pub fn transact<T>(&self, work: impl Fn(&Tx<'_>) -> TxResult<T>) -> Result<T> {
        self.transact_sealed(&self.sealing(), work)
    }

    fn transact_sealed<T>(
        &self,
        sealing: &Sealing,
        work: impl Fn(&Tx<'_>) -> TxResult<T>,
    ) -> Result<T> {
        self.usable()?;
        let log = std::cell::RefCell::new(changes::Log::default());
        let result = self.trees.as_slice().transaction(|trees| {
            // sled runs the closure again after a conflict: only the last run's writes count.
            *log.borrow_mut() = changes::Log::default();
            work(&Tx {
                trees,
                sealing,
                log: &log,
            })
        });
        match result {
            Ok(value) => {
                self.flush()?;
                // On disk: now the others may hear of it.
                if let Some(set) = log.borrow_mut().take() {
                    self.announcer.announce(set);
                }
                Ok(value)
            }
            Err(TransactionError::Abort(e)) => Err(e),
            Err(TransactionError::Storage(e)) => Err(self.fail(storage_error(e, &self.path))),
        }
    }

    /// Writes everything to disk. When that fails, this open store refuses every further read
    /// and write (see [`Store::usable`]): what the failed change left in memory is never shown.
    pub fn flush(&self) -> Result<()> {
        if let Err(e) = self.db.flush() {
            return Err(self.fail(storage_error(e, &self.path)));
        }
        Ok(())
    }

    /// Marks this open store as failed (a write to disk failed; sled may hold part of the change
    /// in memory) and gives the error back.
    pub(crate) fn fail(&self, e: Error) -> Error {
        *self.failed.lock().unwrap_or_else(PoisonError::into_inner) = Some(match &e {
            Error::ReadOnly { detail } => detail.clone(),
            other => other.to_string(),
        });
        e
    }

    /// Fine unless writing to disk failed earlier in this process: then [`Error::ReadOnly`],
    /// until the store is opened again (by a new kapstok), which shows what is on disk.
    pub fn usable(&self) -> Result<()> {
        match self
            .failed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
        {
            None => Ok(()),
            Some(detail) => Err(Error::ReadOnly {
                detail: format!("{detail}; an earlier change could not be saved, restart kapstok"),
            }),
        }
    }

    pub(crate) fn set_format_version(&self, version: u32) -> Result<()> {
        self.tree(TreeId::Meta)
            .insert(META_FORMAT, &version.to_be_bytes())
            .map_err(|e| storage_error(e, &self.path))?;
        self.flush()
    }

    pub(crate) fn defer_migration(&self, from: u32) {
        *self
            .pending_migration
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(from);
    }
}

/// A user's wrap of the data key: where it goes in `meta` and the wrapped key.
#[derive(Clone, Debug)]
pub struct KeyWrap {
    slot: Vec<u8>,
    value: Vec<u8>,
}

/// The shortest store passphrase accepted.
pub const MIN_PASSPHRASE: usize = 8;

pub(crate) fn check_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(Error::invalid(
            "passphrase",
            crate::error::Reason::TooShort(MIN_PASSPHRASE),
        ));
    }
    Ok(())
}

/// A storage error, with a refused write named as such.
fn storage_error(e: sled::Error, path: &Path) -> Error {
    match &e {
        sled::Error::Io(io) if refuses_writes(io) => Error::ReadOnly {
            detail: format!("{}: {}", path.display(), io.kind()),
        },
        _ => Error::Storage(e.to_string()),
    }
}

fn open_error(e: sled::Error, path: &Path) -> Error {
    let text = e.to_string();
    if text.contains("could not acquire lock") {
        Error::AlreadyOpen {
            path: path.display().to_string(),
        }
    } else if let sled::Error::Io(io) = &e {
        if refuses_writes(io) {
            Error::ReadOnly {
                detail: format!("{}: {}", path.display(), io.kind()),
            }
        } else {
            Error::Storage(format!("cannot open {}: {text}", path.display()))
        }
    } else {
        Error::Storage(format!("cannot open {}: {text}", path.display()))
    }
}

fn key_id(tree: TreeId, key: &[u8]) -> Result<u64> {
    let arr: [u8; 8] = key.try_into().map_err(|_| Error::Corrupt {
        tree: tree.name().into(),
        key: codec::key_text(key),
        detail: "a key of this tree must be 8 bytes".into(),
    })?;
    Ok(u64::from_be_bytes(arr))
}

fn decode_record<R: Record>(sealing: &Sealing, bytes: &[u8], key: &[u8]) -> Result<R> {
    let plain = sealing.open(R::TREE, key, bytes)?;
    codec::decode::<R::Stored>(&plain, R::TREE.name(), key).map(R::from_stored)
}

impl Store {
    /// The last number a named counter handed out (0 when none).
    pub fn seq(&self, counter: Counter) -> Result<u64> {
        let name = counter.name();
        match self.tree(TreeId::Meta).get(seq_key(name))? {
            None => Ok(0),
            Some(bytes) => <[u8; 8]>::try_from(bytes.as_ref())
                .map(u64::from_be_bytes)
                .map_err(|_| Error::Corrupt {
                    tree: "meta".into(),
                    key: format!("seq/{name}"),
                    detail: "a counter must be 8 bytes".into(),
                }),
        }
    }
}
