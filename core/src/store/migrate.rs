//! The mechanism of format versions: the version in `meta`, a backup before migrating, running
//! the steps up to [`FORMAT_VERSION`], refusing a newer store. The steps themselves, and the table
//! of what each format changed, are in `crate::migrations`.
//!
//! A migration runs after a dump of the whole store was written to the backup folder beside it.
//! Each step writes the new format version in its own (last) transaction through the `done`
//! it is handed, so a step that fails leaves the store at the version before it. A step decodes
//! every record before anything is written, so a record that cannot be read stops the migration
//! with its tree and key, and the store is left as it was. An encrypted store opens locked; its
//! migration waits until a login (or the passphrase) unlocked it.
//!
//! Encryption (see `crypt`) needs no new format: an unencrypted store is unchanged, and an
//! encrypted one is marked by `crypt/header` in `meta` and codec tag 2 on its values.

use super::{dump, Opened, Store, TreeId, Tx, TxResult};
use crate::error::{Error, Result};

/// What a step calls in the transaction that completes it: writes the new format version.
pub(crate) type Done<'a> = &'a dyn Fn(&Tx<'_>) -> TxResult<()>;

/// One migration step: from format `from` to `from + 1`.
pub(crate) struct Migration {
    /// The format it starts from.
    pub(crate) from: u32,
    /// Does the step. `done` writes the new format version: the step calls it in the
    /// transaction that completes it.
    pub(crate) run: fn(store: &Store, done: Done<'_>) -> Result<()>,
}

/// The steps the store runs, in order: given by `crate::migrations` (the store holds none).
const STEPS: &[Migration] = crate::migrations::STEPS;

/// The store format this kapstok writes: one past the last step's.
pub const FORMAT_VERSION: u32 = STEPS.len() as u32 + 1;

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
        let Some(step) = STEPS.iter().find(|s| s.from == version) else {
            return Err(Error::Storage(format!(
                "no migration from format {version}"
            )));
        };
        let next = version + 1;
        (step.run)(store, &|tx| {
            tx.tree(TreeId::Meta)
                .insert(super::META_FORMAT, &next.to_be_bytes())?;
            Ok(())
        })?;
        version = next;
    }
    Ok(Opened::Migrated { from, backup })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_run_from_format_one_in_order() {
        let froms: Vec<u32> = STEPS.iter().map(|s| s.from).collect();
        let expected: Vec<u32> = (1..FORMAT_VERSION).collect();
        assert_eq!(froms, expected);
    }
}
