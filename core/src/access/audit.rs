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
}

/// The stored versions of an audit entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum AuditRecord {
    /// The first version.
    V1(AuditEntry),
}

impl Record for AuditEntry {
    const TREE: TreeId = TreeId::Audit;
    const KIND: &'static str = "audit entry";
    type Stored = AuditRecord;
    fn to_stored(&self) -> AuditRecord {
        AuditRecord::V1(self.clone())
    }
    fn from_stored(stored: AuditRecord) -> Self {
        match stored {
            AuditRecord::V1(e) => e,
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
            .filter(|e| filter.user.as_ref().is_none_or(|u| &e.user_name == u))
            .filter(|e| filter.record.as_ref().is_none_or(|r| &e.record == r))
            .filter(|e| filter.from.is_none_or(|d| e.at.date() >= d))
            .filter(|e| filter.to.is_none_or(|d| e.at.date() <= d))
            .collect())
    }
}
