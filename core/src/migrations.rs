//! The migrations between store formats: what each format changed and the step that brings a
//! store from the one before. The store (`store::migrate`) holds only the mechanism: the format
//! version, the backup before migrating, running these steps in order, refusing newer stores.
//!
//! | format | what changed |
//! |--------|--------------|
//! | 1 | first release: members stored as `MemberRecord::V1` (one status, no consents or last contact) |
//! | 2 | members as `MemberRecord::V2` (dated status history, dated consents, last contact); migration rewrites every member in the new shape |
//! | 3 | the birthday index (`birthdays` tree, see `members::birthdays`); migration builds it from the register |
//! | 4 | the privacy settings at their own key (6); in format 3 they shared key 5 with the meeting rules, so one overwrote the other: migration keeps whichever record key 5 holds (the type that decodes it completely), moves privacy settings to key 6, takes the retention period last set from the audit log where key 5 holds the meeting rules, and notes each setting that falls back to its default so the administrator enters it again (`store::keys::meta::SETTINGS_RESET`) |
//!
//! A new format appends a step to [`STEPS`]; the format version follows from their number.

use crate::access::AuditEntry;
use crate::error::{Error, Result};
use crate::meetings::MeetingRules;
use crate::members::{birthdays, Member};
use crate::privacy::PrivacySettings;
use crate::store::migrate::{Done, Migration};
use crate::store::{codec, Record, Setting, SettingsKey, Store, TreeId};

/// Every step, from format 1 on.
pub(crate) const STEPS: &[Migration] = &[
    Migration {
        from: 1,
        run: rewrite_all::<Member>,
    },
    Migration {
        from: 2,
        run: build_birthday_index,
    },
    Migration {
        from: 3,
        run: separate_shared_settings,
    },
];

/// Format 2 to 3: the birthday index, built from the register.
fn build_birthday_index(store: &Store, done: Done<'_>) -> Result<()> {
    birthdays::rebuild(store, done)
}

/// Decodes every record of a kind (upgrading old variants) and writes it back in the newest
/// variant, together with the new format version, in one transaction.
fn rewrite_all<R: Record>(store: &Store, done: Done<'_>) -> Result<()> {
    let records = store.scan::<R>()?;
    store.transact(|tx| {
        for (id, record) in &records {
            tx.put(*id, record)?;
        }
        done(tx)
    })
}

/// The newest audit entries with the given actions: for each action, the entry (if any).
fn newest_audit(store: &Store, actions: &[&str]) -> Result<Vec<Option<(u64, AuditEntry)>>> {
    let mut found: Vec<Option<(u64, AuditEntry)>> = vec![None; actions.len()];
    store.each_newest_first_while::<AuditEntry>(|id, entry| {
        if let Some(i) = actions.iter().position(|a| *a == entry.action) {
            if found[i].is_none() {
                found[i] = Some((id, entry));
            }
        }
        !found.iter().all(Option::is_some)
    })?;
    Ok(found)
}

/// Format 3 to 4: the meeting rules and the privacy settings shared settings key 5, so saving
/// one overwrote the other (see the table above).
fn separate_shared_settings(store: &Store, done: Done<'_>) -> Result<()> {
    let shared = SettingsKey::MeetingRules.id();
    let raw = store.tree(TreeId::Settings).get(codec::id_key(shared))?;
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
    let mut reset: Vec<SettingsKey> = Vec::new();
    let mut privacy = None;
    let mut clear_shared = false;
    match holds {
        Holds::Nothing => {}
        Holds::Rules => {
            // The meeting rules stay; the retention period comes back from the audit log, or
            // falls back to its default (to enter again when it had ever been set).
            match privacy_from_audit {
                Some(p) => privacy = Some(p),
                None if privacy_set.is_some() => reset.push(SettingsKey::Privacy),
                None => {}
            }
        }
        Holds::Privacy(p) => {
            privacy = Some(p);
            clear_shared = true;
            if rules_set.is_some() {
                // The audit log keeps no values of the rules: they must be entered again.
                reset.push(SettingsKey::MeetingRules);
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
        tx.mark_settings_reset(&reset)?;
        done(tx)
    })
}
