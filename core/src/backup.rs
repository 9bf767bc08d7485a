//! The session's calls on the whole store: backups (a dump of every tree, the daily backups and
//! how many are kept) and changing the encryption's passphrase or key. Administrators only; the
//! mechanism is in `store` (`store::backup`, `store::dump`, `store::keyring`).

use crate::error::{Error, Permission, Result};
use crate::store::backup::MAX_KEEP;
use crate::store::dump;
use crate::Session;
use std::path::{Path, PathBuf};

impl Session {
    /// Writes a backup of the whole store to `path` (administrators): a dump of every tree,
    /// encrypted when the store is. A path inside the store (see [`crate::store::Store::check_output_path`]) is
    /// refused before anything is written. The backup is logged (in the backup itself too). Returns how
    /// many entries it holds.
    pub fn backup(&self, path: &Path) -> Result<usize> {
        self.require(Permission::StoreManage)?;
        self.store().check_output_path(path)?;
        let now = self.now();
        self.store().transact(|tx| {
            self.audit(tx, now, "store.backup", "store", "")?;
            Ok(())
        })?;
        dump::write(
            self.store(),
            path,
            &now.format("%Y-%m-%dT%H:%M:%S").to_string(),
        )
    }

    /// The automatic daily backups beside the store, oldest first (administrators).
    pub fn daily_backups(&self) -> Result<Vec<PathBuf>> {
        self.require(Permission::StoreManage)?;
        self.store().daily_backups()
    }

    /// How many automatic daily backups are kept.
    pub fn backups_keep(&self) -> Result<u32> {
        self.store().backups_keep()
    }

    /// Sets how many automatic daily backups are kept (0 turns them off; at most [`MAX_KEEP`]).
    pub fn set_backups_keep(&self, keep: u32) -> Result<()> {
        self.require(Permission::SettingsWrite)?;
        if keep > MAX_KEEP {
            return Err(Error::invalid(
                "keep_backups",
                crate::Reason::OutOfRange(0, MAX_KEEP as u64),
            ));
        }
        let now = self.now();
        self.store().transact(|tx| {
            tx.set_backups_keep(keep)?;
            self.audit(tx, now, "settings.backups", "settings", &keep.to_string())
        })
    }

    /// Changes the store passphrase of an encrypted store (administrators): re-wraps the data
    /// key; the values and the users' copies stay.
    pub fn change_passphrase(&self, new_passphrase: &str) -> Result<()> {
        self.require(Permission::StoreManage)?;
        let store = self.store();
        if !store.is_encrypted() {
            return Err(Error::NotEncrypted);
        }
        store.change_passphrase(new_passphrase)?;
        let now = self.now();
        store.transact(|tx| self.audit(tx, now, "store.rekey", "store", "passphrase"))
    }

    /// Re-encrypts an encrypted store with a new data key and a new passphrase (administrators).
    /// `password` is this user's own, to wrap their copy of the new key; every other user's copy
    /// is removed, and their login names are returned: they need a new password from an
    /// administrator (`kapstok user passwd`), which wraps the new key for them.
    pub fn reencrypt(&self, new_passphrase: &str, password: &str) -> Result<Vec<String>> {
        self.require(Permission::StoreManage)?;
        let store = self.store();
        if !store.is_encrypted() {
            return Err(Error::NotEncrypted);
        }
        let me = store
            .get::<crate::access::User>(self.user_id)?
            .ok_or(Error::BadLogin)?;
        if !crate::access::verify_password(password, &me.password_hash) {
            return Err(Error::BadLogin);
        }
        let others: Vec<String> = store
            .scan::<crate::access::User>()?
            .into_iter()
            .filter(|(id, u)| *id != self.user_id && u.active)
            .map(|(_, u)| u.name)
            .collect();
        let now = self.now();
        store.reencrypt(new_passphrase, &[(&me.name, password)], |tx| {
            self.audit(tx, now, "store.rekey", "store", "re-encrypted")
        })?;
        Ok(others)
    }
}
