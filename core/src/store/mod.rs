//! Storage on one sled database.
//!
//! - A fixed list of trees ([`TreeId`]), declared here and nowhere else.
//! - Keys are `u64` ids, big-endian, so iteration order is id order.
//! - Values are a codec tag byte and bincode 2 of a versioned enum (see [`codec`] and [`Record`]).
//! - The `meta` tree holds the format version and the id counters; opening an older store migrates
//!   it after writing a backup, a newer one is refused.
//! - Every change is one sled transaction over all trees (record, counter and audit entry
//!   together), flushed to disk before the call returns.

pub mod codec;
pub mod dump;
mod migrate;

use crate::error::{Error, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sled::transaction::{
    ConflictableTransactionError, TransactionError, Transactional, TransactionalTree,
};
use std::path::{Path, PathBuf};

pub use migrate::FORMAT_VERSION;

/// The trees of the store. Append new trees at the end; never reorder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeId {
    /// Format version and id counters.
    Meta,
    /// User accounts.
    Users,
    /// The audit log.
    Audit,
    /// Members, keyed by member number.
    Members,
    /// Settings: the association's settings (key 1) and the print settings (key 2), each its
    /// own versioned record.
    Settings,
    /// BaseMail: institutions.
    Institutions,
    /// BaseMail: recipients.
    Recipients,
    /// BaseMail: stays of recipients at institutions.
    Stays,
    /// BaseMail: weekly card runs, keyed by year * 100 + week.
    Runs,
    /// Experts: half-year agreements.
    Agreements,
    /// Experts: review conversations.
    Reviews,
    /// Experts: tax-free allowance limits, keyed by year.
    AllowanceLimits,
    /// Training: skills.
    Skills,
    /// Training: task descriptions.
    Tasks,
    /// Training: courses.
    Courses,
    /// Training: skills held by experts.
    SkillsHeld,
    /// Training: plan items.
    PlanItems,
    /// General meetings, each with its agenda, attendance, votes and minutes.
    Meetings,
}

impl TreeId {
    /// Every tree, in declaration order.
    pub const ALL: [TreeId; 18] = [
        TreeId::Meta,
        TreeId::Users,
        TreeId::Audit,
        TreeId::Members,
        TreeId::Settings,
        TreeId::Institutions,
        TreeId::Recipients,
        TreeId::Stays,
        TreeId::Runs,
        TreeId::Agreements,
        TreeId::Reviews,
        TreeId::AllowanceLimits,
        TreeId::Skills,
        TreeId::Tasks,
        TreeId::Courses,
        TreeId::SkillsHeld,
        TreeId::PlanItems,
        TreeId::Meetings,
    ];

    /// The tree's name on disk.
    pub fn name(self) -> &'static str {
        match self {
            TreeId::Meta => "meta",
            TreeId::Users => "users",
            TreeId::Audit => "audit",
            TreeId::Members => "members",
            TreeId::Settings => "settings",
            TreeId::Institutions => "institutions",
            TreeId::Recipients => "recipients",
            TreeId::Stays => "stays",
            TreeId::Runs => "runs",
            TreeId::Agreements => "agreements",
            TreeId::Reviews => "reviews",
            TreeId::AllowanceLimits => "allowance_limits",
            TreeId::Skills => "skills",
            TreeId::Tasks => "tasks",
            TreeId::Courses => "courses",
            TreeId::SkillsHeld => "skills_held",
            TreeId::PlanItems => "plan_items",
            TreeId::Meetings => "meetings",
        }
    }

    /// The tree with this name.
    pub fn from_name(name: &str) -> Option<TreeId> {
        TreeId::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// A kind of record stored in one tree as a versioned enum.
///
/// `Stored` is the versioned enum (`enum MemberRecord { V1(MemberV1), V2(Member) }`): variants are
/// appended, never reordered or removed, and old ones upgrade in [`Record::from_stored`].
pub trait Record: Clone + Sized {
    /// The tree the records live in.
    const TREE: TreeId;
    /// What the record is called in errors (`member`, `user`).
    const KIND: &'static str;
    /// The versioned enum that is actually encoded.
    type Stored: Serialize + DeserializeOwned;
    /// Wraps the record in the newest variant.
    fn to_stored(&self) -> Self::Stored;
    /// Upgrades any variant to the current shape.
    fn from_stored(stored: Self::Stored) -> Self;
}

const META_FORMAT: &[u8] = b"format_version";

/// An open store.
#[derive(Clone)]
pub struct Store {
    db: sled::Db,
    trees: Vec<sled::Tree>,
    path: PathBuf,
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
    pub fn open(path: &Path) -> Result<(Store, Opened)> {
        let db = sled::Config::new()
            .path(path)
            .cache_capacity(64 * 1024 * 1024)
            .open()
            .map_err(|e| open_error(e, path))?;
        let trees = TreeId::ALL
            .iter()
            .map(|t| db.open_tree(t.name()))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let store = Store {
            db,
            trees,
            path: path.to_path_buf(),
        };
        let opened = migrate::on_open(&store)?;
        Ok((store, opened))
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
        let key = codec::id_key(id);
        match self.tree(R::TREE).get(key)? {
            None => Ok(None),
            Some(bytes) => decode_record::<R>(&bytes, &key).map(Some),
        }
    }

    /// Reads every record of a kind, in id order.
    pub fn scan<R: Record>(&self) -> Result<Vec<(u64, R)>> {
        self.tree(R::TREE)
            .iter()
            .map(|item| {
                let (key, value) = item?;
                let id = key_id(R::TREE, &key)?;
                Ok((id, decode_record::<R>(&value, &key)?))
            })
            .collect()
    }

    /// Runs `work` as one transaction over all trees, then flushes to disk. The closure may run
    /// more than once (on a conflict), so it must have no side effects outside the transaction.
    pub fn transact<T>(&self, work: impl Fn(&Tx<'_>) -> TxResult<T>) -> Result<T> {
        let result = self
            .trees
            .as_slice()
            .transaction(|trees| work(&Tx { trees }));
        match result {
            Ok(value) => {
                self.flush()?;
                Ok(value)
            }
            Err(TransactionError::Abort(e)) => Err(e),
            Err(TransactionError::Storage(e)) => Err(e.into()),
        }
    }

    /// Writes everything to disk.
    pub fn flush(&self) -> Result<()> {
        self.db.flush()?;
        Ok(())
    }

    pub(crate) fn set_format_version(&self, version: u32) -> Result<()> {
        self.tree(TreeId::Meta)
            .insert(META_FORMAT, &version.to_be_bytes())?;
        self.flush()
    }
}

fn open_error(e: sled::Error, path: &Path) -> Error {
    let text = e.to_string();
    if text.contains("could not acquire lock") {
        Error::AlreadyOpen {
            path: path.display().to_string(),
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

fn decode_record<R: Record>(bytes: &[u8], key: &[u8]) -> Result<R> {
    codec::decode::<R::Stored>(bytes, R::TREE.name(), key).map(R::from_stored)
}

/// The result inside a transaction: an abort carries our [`Error`], a conflict makes sled re-run.
pub type TxResult<T> = std::result::Result<T, ConflictableTransactionError<Error>>;

/// Aborts the transaction with an error.
pub fn abort<T>(e: Error) -> TxResult<T> {
    Err(ConflictableTransactionError::Abort(e))
}

/// A transaction over every tree.
pub struct Tx<'a> {
    trees: &'a [TransactionalTree],
}

impl Tx<'_> {
    fn tree(&self, id: TreeId) -> &TransactionalTree {
        &self.trees[id as usize]
    }

    /// Reads one record.
    pub fn get<R: Record>(&self, id: u64) -> TxResult<Option<R>> {
        let key = codec::id_key(id);
        match self.tree(R::TREE).get(key)? {
            None => Ok(None),
            Some(bytes) => decode_record::<R>(&bytes, &key)
                .map(Some)
                .map_err(ConflictableTransactionError::Abort),
        }
    }

    /// Writes one record.
    pub fn put<R: Record>(&self, id: u64, record: &R) -> TxResult<()> {
        let bytes =
            codec::encode(&record.to_stored()).map_err(ConflictableTransactionError::Abort)?;
        self.tree(R::TREE).insert(&codec::id_key(id), bytes)?;
        Ok(())
    }

    /// Takes the next number of a named counter (starting at 1). Numbers are never handed out twice.
    pub fn next_seq(&self, name: &str) -> TxResult<u64> {
        let key = seq_key(name);
        let current = self.read_seq(&key)?;
        let Some(next) = current.checked_add(1) else {
            return abort(Error::Storage(format!(
                "counter {name} has no numbers left"
            )));
        };
        self.tree(TreeId::Meta).insert(key, &next.to_be_bytes())?;
        Ok(next)
    }

    /// Raises a counter so that the next number is above `used` (when a number is given from
    /// outside, as in an import).
    pub fn bump_seq(&self, name: &str, used: u64) -> TxResult<()> {
        let key = seq_key(name);
        if self.read_seq(&key)? < used {
            self.tree(TreeId::Meta).insert(key, &used.to_be_bytes())?;
        }
        Ok(())
    }

    fn read_seq(&self, key: &[u8]) -> TxResult<u64> {
        match self.tree(TreeId::Meta).get(key)? {
            None => Ok(0),
            Some(bytes) => match <[u8; 8]>::try_from(bytes.as_ref()) {
                Ok(arr) => Ok(u64::from_be_bytes(arr)),
                Err(_) => abort(Error::Corrupt {
                    tree: "meta".into(),
                    key: codec::key_text(key),
                    detail: "a counter must be 8 bytes".into(),
                }),
            },
        }
    }
}

fn seq_key(name: &str) -> Vec<u8> {
    format!("seq/{name}").into_bytes()
}

impl Store {
    /// The last number a named counter handed out (0 when none).
    pub fn seq(&self, name: &str) -> Result<u64> {
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
