//! Format versions and the migrations between them.
//!
//! | format | what changed |
//! |--------|--------------|
//! | 1 | first release: members stored as `MemberRecord::V1` (one status, no consents or last contact) |
//! | 2 | members as `MemberRecord::V2` (dated status history, dated consents, last contact); migration rewrites every member in the new shape |
//! | 3 | the birthday index (`birthdays` tree, see `members::birthdays`); migration builds it from the register |
//! | 4 | the privacy settings at their own key (6); in format 3 they shared key 5 with the meeting rules, so one overwrote the other: migration keeps whichever record key 5 holds (the type that decodes it completely), moves privacy settings to key 6, takes the retention period last set from the audit log where key 5 holds the meeting rules, and notes each setting that falls back to its default so the administrator enters it again (`keys::meta::SETTINGS_RESET`) |
//!
//! A migration runs inside one transaction with the new format version, after a dump of the whole
//! store was written to the backup folder beside it. Every record is decoded before anything is
//! written, so a record that cannot be read stops the migration with its tree and key, and the
//! store is left as it was. An encrypted store opens locked; its migration waits until a login
//! (or the passphrase) unlocked it.
//!
//! Encryption (see `crypt`) needs no new format: an unencrypted store is unchanged, and an
//! encrypted one is marked by `crypt/header` in `meta` and codec tag 2 on its values.

use super::keys::{meta, Setting, SettingsKey};
use super::{dump, Opened, Store, TreeId};
use crate::access::AuditEntry;
use crate::error::{Error, Result};
use crate::meetings::MeetingRules;
use crate::members::{birthdays, Member};
use crate::privacy::PrivacySettings;

/// The store format this kapstok writes.
pub const FORMAT_VERSION: u32 = 4;

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
            3 => separate_shared_settings(store, version + 1)?,
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

/// The newest audit entries with the given actions: for each action, the entry (if any).
fn newest_audit(store: &Store, actions: &[&str]) -> Result<Vec<Option<(u64, AuditEntry)>>> {
    let mut found: Vec<Option<(u64, AuditEntry)>> = vec![None; actions.len()];
    let sealing = store.sealing();
    for item in store.tree(TreeId::Audit).iter().rev() {
        let (key, value) = item?;
        let id = super::key_id(TreeId::Audit, &key)?;
        let entry = super::decode_record::<AuditEntry>(&sealing, &value, &key)?;
        if let Some(i) = actions.iter().position(|a| *a == entry.action) {
            if found[i].is_none() {
                found[i] = Some((id, entry));
            }
        }
        if found.iter().all(Option::is_some) {
            break;
        }
    }
    Ok(found)
}

/// Format 3 to 4: the meeting rules and the privacy settings shared settings key 5, so saving
/// one overwrote the other (see the table above).
fn separate_shared_settings(store: &Store, new_version: u32) -> Result<()> {
    let shared = SettingsKey::MeetingRules.id();
    let raw = store
        .tree(TreeId::Settings)
        .get(super::codec::id_key(shared))?;
    // Which record key 5 holds: the type that decodes it completely (the codec refuses bytes
    // left over and bytes missing).
    let as_rules = store.get::<MeetingRules>(shared).ok().flatten();
    let as_privacy = store.get::<PrivacySettings>(shared).ok().flatten();
    let newest = newest_audit(store, &["settings.meetings", "settings.privacy"])?;
    let (rules_set, privacy_set) = (&newest[0], &newest[1]);
    let privacy_from_audit = privacy_set
        .as_ref()
        .and_then(|(_, e)| e.detail.trim().parse::<u32>().ok())
        .filter(|m| (1..=crate::privacy::MAX_RETENTION_MONTHS).contains(m))
        .map(|retention_months| PrivacySettings { retention_months });
    enum Holds {
        Nothing,
        Rules,
        Privacy(PrivacySettings),
    }
    let holds = match (raw.is_some(), as_rules, as_privacy) {
        (false, _, _) => Holds::Nothing,
        (true, Some(_), None) => Holds::Rules,
        (true, None, Some(p)) => Holds::Privacy(p),
        // Both decode (not seen in practice): the one saved last is what the key holds.
        (true, Some(_), Some(p)) => match (rules_set, privacy_set) {
            (Some((r, _)), Some((p_id, _))) if p_id > r => Holds::Privacy(p),
            (None, Some(_)) => Holds::Privacy(p),
            _ => Holds::Rules,
        },
        (true, None, None) => {
            return Err(Error::Corrupt {
                tree: TreeId::Settings.name().into(),
                key: shared.to_string(),
                detail: "neither the meeting rules nor the privacy settings".into(),
            })
        }
    };
    let mut reset: Vec<u8> = Vec::new();
    let mut privacy = None;
    let mut clear_shared = false;
    match holds {
        Holds::Nothing => {}
        Holds::Rules => {
            // The meeting rules stay; the retention period comes back from the audit log, or
            // falls back to its default (to enter again when it had ever been set).
            match privacy_from_audit {
                Some(p) => privacy = Some(p),
                None if privacy_set.is_some() => reset.push(SettingsKey::Privacy.id() as u8),
                None => {}
            }
        }
        Holds::Privacy(p) => {
            privacy = Some(p);
            clear_shared = true;
            if rules_set.is_some() {
                // The audit log keeps no values of the rules: they must be entered again.
                reset.push(SettingsKey::MeetingRules.id() as u8);
            }
        }
    }
    store.transact(|tx| {
        if clear_shared {
            tx.remove::<MeetingRules>(shared)?;
        }
        if let Some(p) = &privacy {
            tx.put(<PrivacySettings as Setting>::KEY.id(), p)?;
        }
        if !reset.is_empty() {
            tx.tree(TreeId::Meta)
                .insert(meta::SETTINGS_RESET, reset.as_slice())?;
        }
        tx.tree(TreeId::Meta)
            .insert(super::META_FORMAT, &new_version.to_be_bytes())?;
        Ok(())
    })
}
