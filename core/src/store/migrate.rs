//! Format versions and the migrations between them.
//!
//! | format | what changed |
//! |--------|--------------|
//! | 1 | first release: members stored as `MemberRecord::V1` (one status, no consents or last contact) |
//! | 2 | members as `MemberRecord::V2` (dated status history, dated consents, last contact); migration rewrites every member in the new shape |
//! | 3 | the birthday index (`birthdays` tree, see `members::birthdays`); migration builds it from the register |
//!
//! A migration runs inside one transaction with the new format version, after a dump of the whole
//! store was written to the backup folder beside it. Every record is decoded before anything is
//! written, so a record that cannot be read stops the migration with its tree and key, and the
//! store is left as it was. An encrypted store opens locked; its migration waits until a login
//! (or the passphrase) unlocked it.
//!
//! Encryption (see `crypt`) needs no new format: an unencrypted store is unchanged, and an
//! encrypted one is marked by `crypt/header` in `meta` and codec tag 2 on its values.

use super::{dump, Opened, Store, TreeId};
use crate::error::{Error, Result};
use crate::members::{birthdays, Member};

/// The store format this kapstok writes.
pub const FORMAT_VERSION: u32 = 3;

pub(super) fn on_open(store: &Store) -> Result<Opened> {
    match store.format_version()? {
        None => {
            let has_data = TreeId::ALL
                .iter()
                .any(|t| *t != TreeId::Meta && !store.tree(*t).is_empty());
            if has_data {
                return Err(Error::Corrupt {
                    tree: "meta".into(),
                    key: "format_version".into(),
                    detail: "the store holds records but no format version".into(),
                });
            }
            store.set_format_version(FORMAT_VERSION)?;
            Ok(Opened::Created)
        }
        Some(v) if v == FORMAT_VERSION => Ok(Opened::Current),
        Some(v) if v > FORMAT_VERSION => Err(Error::NewerFormat {
            found: v,
            supported: FORMAT_VERSION,
        }),
        Some(0) => Err(Error::Corrupt {
            tree: "meta".into(),
            key: "format_version".into(),
            detail: "format version 0 does not exist".into(),
        }),
        Some(from) if store.is_locked() => {
            // Records cannot be read before the data key is known: the migration runs when the
            // store is unlocked (see Store::unlock_as_user).
            store.defer_migration(from);
            Ok(Opened::Current)
        }
        Some(from) => migrate(store, from),
    }
}

/// Writes a dump to the backup folder, then migrates from format `from` to [`FORMAT_VERSION`].
pub(super) fn migrate(store: &Store, from: u32) -> Result<Opened> {
    let stamp = chrono::Local::now().naive_local();
    let backup = store.backup_dir().join(format!(
        "before-migration-format{from}-{}.jsonl",
        stamp.format("%Y%m%d-%H%M%S")
    ));
    dump::write(
        store,
        &backup,
        &stamp.format("%Y-%m-%dT%H:%M:%S").to_string(),
    )?;
    let mut version = from;
    while version < FORMAT_VERSION {
        match version {
            1 => rewrite_all::<Member>(store, version + 1)?,
            2 => birthdays::rebuild(store, |tx| {
                tx.tree(TreeId::Meta)
                    .insert(super::META_FORMAT, &(version + 1).to_be_bytes())?;
                Ok(())
            })?,
            _ => {
                return Err(Error::Storage(format!(
                    "no migration from format {version}"
                )))
            }
        }
        version += 1;
    }
    Ok(Opened::Migrated { from, backup })
}

/// Decodes every record of a kind (upgrading old variants) and writes it back in the newest
/// variant, together with the new format version, in one transaction.
fn rewrite_all<R: super::Record>(store: &Store, new_version: u32) -> Result<()> {
    let records = store.scan::<R>()?;
    store.transact(|tx| {
        for (id, record) in &records {
            tx.put(*id, record)?;
        }
        tx.tree(TreeId::Meta)
            .insert(super::META_FORMAT, &new_version.to_be_bytes())?;
        Ok(())
    })
}
