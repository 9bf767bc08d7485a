//! The audit log: who changed what, when. Entries hold the record's id and the names of changed
//! fields, never the personal data itself.

use super::Session;
use crate::error::{Permission, Result};
use crate::store::{Record, TreeId};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// When.
    pub at: NaiveDateTime,
    /// The user's id.
    pub user_id: u64,
    /// The user's login name at the time.
    pub user_name: String,
    /// What was done (`member.create`, `member.status`, `user.add` ...).
    pub action: String,
    /// Which record (`member/12`, `user/3`).
    pub record: String,
    /// Which fields changed, or a count; never personal data.
    pub detail: String,
    /// Where the change came from: this computer, or a session of `kapstok serve`.
    pub origin: Origin,
}

/// Where a session works from, written in every audit entry it makes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// The program on this computer (the local TUI or CLI).
    #[default]
    Local,
    /// A session of `kapstok serve`: the client's address, and the SHA256 fingerprint of the key
    /// it logged in with (none for a password login).
    Ssh {
        /// The client's address and port.
        address: String,
        /// The key's fingerprint (`SHA256:…`).
        key: Option<String>,
    },
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Local => write!(f, "local"),
            Origin::Ssh { address, key: None } => write!(f, "ssh {address}"),
            Origin::Ssh {
                address,
                key: Some(key),
            } => write!(f, "ssh {address} {key}"),
        }
    }
}

/// An audit entry as stored before entries said where they came from (all local then).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntryV1 {
    /// When.
    pub at: NaiveDateTime,
    /// The user's id.
    pub user_id: u64,
    /// The user's login name at the time.
    pub user_name: String,
    /// What was done.
    pub action: String,
    /// Which record.
    pub record: String,
    /// Which fields changed, or a count.
    pub detail: String,
}

/// The stored versions of an audit entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum AuditRecord {
    /// The first version (no origin: local).
    V1(AuditEntryV1),
    /// With the origin.
    V2(AuditEntry),
}

impl Record for AuditEntry {
    const TREE: TreeId = TreeId::Audit;
    const KIND: &'static str = "audit entry";
    type Stored = AuditRecord;
    fn to_stored(&self) -> AuditRecord {
        AuditRecord::V2(self.clone())
    }
    fn from_stored(stored: AuditRecord) -> Self {
        match stored {
            AuditRecord::V1(e) => {
                let AuditEntryV1 {
                    at,
                    user_id,
                    user_name,
                    action,
                    record,
                    detail,
                } = e;
                AuditEntry {
                    at,
                    user_id,
                    user_name,
                    action,
                    record,
                    detail,
                    origin: Origin::Local,
                }
            }
            AuditRecord::V2(e) => e,
        }
    }
}

/// Which audit entries to show.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only this user's entries.
    pub user: Option<String>,
    /// Only entries about this record (`member/12`).
    pub record: Option<String>,
    /// Only entries on or after this day.
    pub from: Option<NaiveDate>,
    /// Only entries on or before this day.
    pub to: Option<NaiveDate>,
}

/// The audit log, for administrators.
pub struct AuditLog<'a> {
    s: &'a Session,
}

impl<'a> AuditLog<'a> {
    pub(crate) fn new(s: &'a Session) -> Self {
        AuditLog { s }
    }

    /// The entries that pass the filter, oldest first.
    pub fn entries(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        self.s.require(Permission::AuditRead)?;
        Ok(self
            .s
            .store()
            .scan::<AuditEntry>()?
            .into_iter()
            .map(|(_, e)| e)
            .filter(|e| filter.passes(e))
            .collect())
    }

    /// The newest `limit` entries that pass the filter, newest first, and how many pass it in
    /// all. The log is read from its end one entry at a time, so what is held stays `limit`
    /// entries however long the log grows (a store of 100,000 members has hundreds of thousands).
    pub fn newest(&self, filter: &AuditFilter, limit: usize) -> Result<AuditPage> {
        self.s.require(Permission::AuditRead)?;
        let mut page = AuditPage::default();
        self.s.store().each_newest_first::<AuditEntry>(|_, e| {
            if filter.passes(&e) {
                page.matching += 1;
                if page.entries.len() < limit {
                    page.entries.push(e);
                }
            }
        })?;
        Ok(page)
    }
}

/// The newest entries of the audit log that pass a filter (see [`AuditLog::newest`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditPage {
    /// The newest entries, newest first.
    pub entries: Vec<AuditEntry>,
    /// How many entries pass the filter in all (at least `entries.len()`).
    pub matching: usize,
}

impl AuditFilter {
    /// Whether an entry passes every part of the filter.
    pub fn passes(&self, e: &AuditEntry) -> bool {
        self.user.as_ref().is_none_or(|u| &e.user_name == u)
            && self.record.as_ref().is_none_or(|r| &e.record == r)
            && self.from.is_none_or(|d| e.at.date() >= d)
            && self.to.is_none_or(|d| e.at.date() <= d)
    }
}
