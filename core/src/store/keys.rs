//! The one registry of fixed keys: which record lives at which key of the `settings` tree, the
//! keys of the `meta` tree, and the named counters. Every area takes its keys from here, so two
//! areas cannot pick the same one (two settings once shared key 5: the meeting rules and the
//! retention period overwrote each other; format 4 repairs such stores, see `migrate`).
//!
//! - A settings record is declared in [`settings_registry!`]'s list below: a number used twice is
//!   a duplicate enum discriminant and a type listed twice a conflicting `impl`, so neither
//!   compiles.
//! - The meta keys are listed in [`meta::ALL`]; a test checks that none equals or starts another.
//! - Counters are the variants of [`Counter`]; a test checks that their names differ.
//!
//! The other trees are keyed by the record's id (`u64`, big-endian) from its counter, except:
//! `runs` (year * 100 + ISO week), `allowance_limits` (the year), `consent_history` and
//! `erasures` (the member number) and `birthdays` (the day of the year, blinded in an encrypted
//! store); see [`super::TreeId`].

use super::{Record, TreeId};

/// A settings record: one record type at one fixed key of the `settings` tree.
pub trait Setting: Record {
    /// Its key.
    const KEY: SettingsKey;
}

macro_rules! settings_registry {
    ($($(#[$doc:meta])* $name:ident = $id:literal => $ty:path,)*) => {
        /// The fixed keys of the `settings` tree, one per record type. The discriminant is the
        /// stored key: append new ones with a new number, never reuse or renumber one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u64)]
        pub enum SettingsKey {
            $($(#[$doc])* $name = $id,)*
        }

        impl SettingsKey {
            /// Every settings key, in key order.
            pub const ALL: &'static [SettingsKey] = &[$(SettingsKey::$name,)*];
        }

        $(impl Setting for $ty {
            const KEY: SettingsKey = SettingsKey::$name;
        })*
    };
}

settings_registry! {
    /// The association: office name and address, out-of-sight weeks.
    Association = 1 => crate::settings::Settings,
    /// The printer and its calibration.
    Print = 2 => crate::basemail::labels::PrintSettings,
    /// Reviews of experts: due weeks and office hours.
    Experts = 3 => crate::experts::ExpertSettings,
    /// Training: expiry warning and budget.
    Training = 4 => crate::training::TrainingSettings,
    /// The meeting rules of the statutes.
    MeetingRules = 5 => crate::meetings::MeetingRules,
    /// Privacy: the retention period (at key 5 before format 4).
    Privacy = 6 => crate::privacy::PrivacySettings,
}

impl SettingsKey {
    /// The record key in the `settings` tree.
    pub fn id(self) -> u64 {
        self as u64
    }
}

/// The keys of the `meta` tree.
pub mod meta {
    /// The store's format version (4 bytes, big-endian).
    pub const FORMAT: &[u8] = b"format_version";
    /// How many daily backups are kept.
    pub const BACKUPS_KEEP: &[u8] = b"backups/keep";
    /// The encryption header of an encrypted store.
    pub const CRYPT_HEADER: &[u8] = b"crypt/header";
    /// The data key wrapped under the store passphrase.
    pub const CRYPT_PASSPHRASE: &[u8] = b"crypt/passphrase";
    /// Prefix of the per-user wraps of the data key (then a salted hash of the login name).
    pub const CRYPT_USER: &[u8] = b"crypt/user/";
    /// Prefix of the named counters (then [`super::Counter::name`]).
    pub const SEQ: &[u8] = b"seq/";
    /// Set in an erasure's own transaction: the store must be rewritten into fresh files so
    /// that no old version of the erased data stays on disk. A rewrite does not copy it.
    pub const REWRITE_DUE: &[u8] = b"rewrite/due";
    /// Set while `demo` fills the store, removed by its last transaction: a store with it is
    /// a half-written demo, which `demo` may fill again from the start.
    pub const DEMO_INCOMPLETE: &[u8] = b"demo/incomplete";
    /// Settings that a migration had to set back to their defaults (see `migrate`): one byte per
    /// [`super::SettingsKey`], removed when the setting is saved again.
    pub const SETTINGS_RESET: &[u8] = b"settings/reset";

    /// Every meta key or key prefix.
    pub const ALL: &[&[u8]] = &[
        FORMAT,
        BACKUPS_KEEP,
        CRYPT_HEADER,
        CRYPT_PASSPHRASE,
        CRYPT_USER,
        SEQ,
        REWRITE_DUE,
        DEMO_INCOMPLETE,
        SETTINGS_RESET,
    ];
}

/// The named counters that hand out record numbers (kept in `meta` under `seq/NAME`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counter {
    /// Member numbers.
    Member,
    /// Audit entries.
    Audit,
    /// User accounts.
    User,
    /// BaseMail institutions.
    Institution,
    /// BaseMail recipients.
    Recipient,
    /// BaseMail stays.
    Stay,
    /// Experts' agreements.
    Agreement,
    /// Experts' reviews.
    Review,
    /// Training plan items.
    Plan,
    /// Skills held.
    Held,
    /// General meetings.
    Meetings,
    /// Skills.
    Skill,
    /// Task descriptions.
    Task,
    /// Courses.
    Course,
    /// SSH public keys of users.
    UserKey,
}

impl Counter {
    /// Every counter.
    pub const ALL: [Counter; 15] = [
        Counter::Member,
        Counter::Audit,
        Counter::User,
        Counter::Institution,
        Counter::Recipient,
        Counter::Stay,
        Counter::Agreement,
        Counter::Review,
        Counter::Plan,
        Counter::Held,
        Counter::Meetings,
        Counter::Skill,
        Counter::Task,
        Counter::Course,
        Counter::UserKey,
    ];

    /// The counter's stored name (also the record kind in audit entries: `member/12`).
    pub fn name(self) -> &'static str {
        match self {
            Counter::Member => "member",
            Counter::Audit => "audit",
            Counter::User => "user",
            Counter::Institution => "institution",
            Counter::Recipient => "recipient",
            Counter::Stay => "stay",
            Counter::Agreement => "agreement",
            Counter::Review => "review",
            Counter::Plan => "plan",
            Counter::Held => "held",
            Counter::Meetings => "meetings",
            Counter::Skill => "skill",
            Counter::Task => "task",
            Counter::Course => "course",
            Counter::UserKey => "user_key",
        }
    }

    /// The tree whose record ids the counter hands out.
    pub fn tree(self) -> TreeId {
        match self {
            Counter::Member => TreeId::Members,
            Counter::Audit => TreeId::Audit,
            Counter::User => TreeId::Users,
            Counter::Institution => TreeId::Institutions,
            Counter::Recipient => TreeId::Recipients,
            Counter::Stay => TreeId::Stays,
            Counter::Agreement => TreeId::Agreements,
            Counter::Review => TreeId::Reviews,
            Counter::Plan => TreeId::PlanItems,
            Counter::Held => TreeId::SkillsHeld,
            Counter::Meetings => TreeId::Meetings,
            Counter::Skill => TreeId::Skills,
            Counter::Task => TreeId::Tasks,
            Counter::Course => TreeId::Courses,
            Counter::UserKey => TreeId::UserKeys,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn settings_keys_are_distinct_and_each_type_has_its_own() {
        let ids: HashSet<u64> = SettingsKey::ALL.iter().map(|k| k.id()).collect();
        assert_eq!(ids.len(), SettingsKey::ALL.len());
        let keys = [
            <crate::settings::Settings as Setting>::KEY,
            <crate::basemail::labels::PrintSettings as Setting>::KEY,
            <crate::experts::ExpertSettings as Setting>::KEY,
            <crate::training::TrainingSettings as Setting>::KEY,
            <crate::meetings::MeetingRules as Setting>::KEY,
            <crate::privacy::PrivacySettings as Setting>::KEY,
        ];
        let distinct: HashSet<SettingsKey> = keys.into_iter().collect();
        assert_eq!(distinct.len(), keys.len());
        assert_eq!(distinct.len(), SettingsKey::ALL.len());
    }

    #[test]
    fn meta_keys_neither_equal_nor_start_each_other() {
        for (i, a) in meta::ALL.iter().enumerate() {
            for (j, b) in meta::ALL.iter().enumerate() {
                if i != j {
                    assert!(
                        !b.starts_with(a),
                        "meta key {:?} starts {:?}",
                        String::from_utf8_lossy(a),
                        String::from_utf8_lossy(b)
                    );
                }
            }
        }
    }

    #[test]
    fn counters_have_distinct_names_and_trees() {
        let names: HashSet<&str> = Counter::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(names.len(), Counter::ALL.len());
        let trees: HashSet<&str> = Counter::ALL.iter().map(|c| c.tree().name()).collect();
        assert_eq!(trees.len(), Counter::ALL.len());
    }
}
