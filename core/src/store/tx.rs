//! A transaction over every tree ([`Tx`]): records read and written (sealed in an encrypted
//! store), indexes kept in step, counters, and the log of what it wrote for the announcement
//! after the commit (see [`super::changes`]).

use super::{changes, codec, decode_record, keys, Counter, KeyWrap, Record, Setting};
use super::{Sealing, TreeId};
use crate::error::Error;
use sled::transaction::{ConflictableTransactionError, TransactionalTree};

/// The result inside a transaction: an abort carries our [`Error`], a conflict makes sled re-run.
pub type TxResult<T> = std::result::Result<T, ConflictableTransactionError<Error>>;

/// Aborts the transaction with an error.
pub fn abort<T>(e: Error) -> TxResult<T> {
    Err(ConflictableTransactionError::Abort(e))
}

/// A transaction over every tree.
pub struct Tx<'a> {
    pub(super) trees: &'a [TransactionalTree],
    pub(super) sealing: &'a Sealing,
    /// The records written so far, announced after the commit (see [`changes`]).
    pub(super) log: &'a std::cell::RefCell<changes::Log>,
}

impl Tx<'_> {
    pub(super) fn tree(&self, id: TreeId) -> &TransactionalTree {
        &self.trees[id as usize]
    }

    /// Reads one record.
    pub fn get<R: Record>(&self, id: u64) -> TxResult<Option<R>> {
        let key = codec::id_key(id);
        match self.tree(R::TREE).get(key)? {
            None => Ok(None),
            Some(bytes) => decode_record::<R>(self.sealing, &bytes, &key)
                .map(Some)
                .map_err(ConflictableTransactionError::Abort),
        }
    }

    /// Writes one record (sealed with the data key in an encrypted store), and keeps the indexes
    /// derived from it in step (see [`Record::reindex`]).
    pub fn put<R: Record>(&self, id: u64, record: &R) -> TxResult<()> {
        R::reindex(self, id, record)?;
        let key = codec::id_key(id);
        let bytes = record
            .encode()
            .and_then(|plain| self.sealing.seal(R::TREE, &key, plain))
            .map_err(ConflictableTransactionError::Abort)?;
        self.tree(R::TREE).insert(&key, bytes)?;
        self.log.borrow_mut().note(R::TREE, id);
        Ok(())
    }

    /// Reads a settings record inside the transaction.
    pub fn setting<S: Setting>(&self) -> TxResult<Option<S>> {
        self.get::<S>(S::KEY.id())
    }

    /// Writes a settings record at its key (see [`keys::SettingsKey`]). A note that a migration
    /// set it back to its default ([`Store::settings_reset`]) goes: it has been entered again.
    pub fn put_setting<S: Setting>(&self, setting: &S) -> TxResult<()> {
        let meta = self.tree(TreeId::Meta);
        if let Some(reset) = meta.get(keys::meta::SETTINGS_RESET)? {
            let left: Vec<u8> = reset
                .iter()
                .copied()
                .filter(|k| u64::from(*k) != S::KEY.id())
                .collect();
            if left.is_empty() {
                meta.remove(keys::meta::SETTINGS_RESET)?;
            } else if left.len() != reset.len() {
                meta.insert(keys::meta::SETTINGS_RESET, left)?;
            }
        }
        self.put(S::KEY.id(), setting)
    }

    /// Notes that these settings were set back to their defaults (by a migration), for the
    /// administrator to enter again ([`Store::settings_reset`]); nothing when `keys` is empty.
    pub(crate) fn mark_settings_reset(&self, keys: &[keys::SettingsKey]) -> TxResult<()> {
        if keys.is_empty() {
            return Ok(());
        }
        let bytes: Vec<u8> = keys.iter().map(|k| k.id() as u8).collect();
        self.tree(TreeId::Meta)
            .insert(keys::meta::SETTINGS_RESET, bytes)?;
        Ok(())
    }

    /// Removes one record (nothing happens when there is none).
    pub fn remove<R: Record>(&self, id: u64) -> TxResult<()> {
        self.tree(R::TREE).remove(&codec::id_key(id))?;
        self.log.borrow_mut().note(R::TREE, id);
        Ok(())
    }

    /// Names the user whose session writes this transaction, for its announcement (the
    /// session's audit entry does it).
    pub(crate) fn note_who(&self, user: &str) {
        self.log.borrow_mut().who = Some(user.to_string());
    }

    /// The stored key of record `id` in a tree with blinded keys (see [`Store::blind`]).
    pub(crate) fn blind(&self, tree: TreeId, id: u64) -> TxResult<u64> {
        self.sealing
            .blind(tree, id)
            .map_err(ConflictableTransactionError::Abort)
    }

    /// Notes, in this transaction, that the store must be rewritten into fresh files (after an
    /// erasure; see [`rewrite`]): every open does it until a rewrite succeeds.
    pub(crate) fn mark_rewrite_due(&self) -> TxResult<()> {
        self.tree(TreeId::Meta)
            .insert(keys::meta::REWRITE_DUE, &[1u8])?;
        Ok(())
    }

    /// Writes a user's wrap of the data key (from [`Store::user_key_wrap`]).
    pub fn put_key_wrap(&self, wrap: &KeyWrap) -> TxResult<()> {
        self.tree(TreeId::Meta)
            .insert(wrap.slot.as_slice(), wrap.value.as_slice())?;
        Ok(())
    }

    /// Takes the next number of a named counter (starting at 1). Numbers are never handed out twice.
    pub fn next_seq(&self, counter: Counter) -> TxResult<u64> {
        let name = counter.name();
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
    pub fn bump_seq(&self, counter: Counter, used: u64) -> TxResult<()> {
        let key = seq_key(counter.name());
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

pub(super) fn seq_key(name: &str) -> Vec<u8> {
    let mut key = keys::meta::SEQ.to_vec();
    key.extend_from_slice(name.as_bytes());
    key
}
