//! A person's data (GDPR art. 15, 17, 20): everything about one member exported as one file
//! (JSON and a printable PDF summary), erased or anonymised everywhere, and the retention list of
//! ex-members whose data is due for erasure.
//!
//! Both export and erasure go area by area, one function per area, in [`export`] and [`erase`]:
//! members (record, consent history), BaseMail (recipient records, stays, cards in runs with their
//! address snapshots, left-out lists), experts (agreements, reviews), training (skills held, plan
//! items), general meetings (invitation, attendance, proxies, roll-call votes) and the audit log.
//! A new area plugs in with one more function in each of those two files.
//!
//! Erasure is logical first (one transaction); the old versions of the values still lie in
//! sled's log until [`rewrite_store`] copies the store into fresh files (see
//! [`crate::store::rewrite`]). An erasure marks the rewrite as due beside the store, so that a
//! front end that cannot let go of the store at once (the TUI) has it done when the store is
//! next opened ([`rewrite_pending`], called by the TUI as it quits). Backups written earlier (`<store>-backups/`) still hold the person:
//! the front end says so when it asks for confirmation.
//!
//! Only administrators may do any of this: the calls need both [`Permission::MembersWrite`] and
//! [`Permission::AuditRead`].

pub mod erase;
pub mod export;
pub mod pdf;

use crate::access::Session;
use crate::error::{Error, FieldError, Permission, Reason, Result};
use crate::members::{Member, Status};
use crate::store::{Record, TreeId};
use crate::Inner;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

pub use erase::Erased;
pub use export::PersonExport;

/// The mark left on a member whose personal data was erased. Holds no personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Erasure {
    /// The day of the erasure.
    pub on: NaiveDate,
    /// The user who erased.
    pub by: String,
}

/// The stored versions of an erasure mark.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ErasureRecord {
    /// The first version.
    V1(Erasure),
}

impl Record for Erasure {
    const TREE: TreeId = TreeId::Erasures;
    const KIND: &'static str = "erasure";
    type Stored = ErasureRecord;
    fn to_stored(&self) -> ErasureRecord {
        ErasureRecord::V1(self.clone())
    }
    fn from_stored(stored: ErasureRecord) -> Self {
        match stored {
            ErasureRecord::V1(e) => e,
        }
    }
}

/// Privacy settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacySettings {
    /// Ex-members' data is due for erasure this many months after leaving (or dying).
    pub retention_months: u32,
}

impl Default for PrivacySettings {
    fn default() -> Self {
        PrivacySettings {
            retention_months: 24,
        }
    }
}

/// The stored versions of the privacy settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum PrivacySettingsRecord {
    /// The first version.
    V1(PrivacySettings),
}

impl Record for PrivacySettings {
    const TREE: TreeId = TreeId::Settings;
    const KIND: &'static str = "privacy settings";
    type Stored = PrivacySettingsRecord;
    fn to_stored(&self) -> PrivacySettingsRecord {
        PrivacySettingsRecord::V1(*self)
    }
    fn from_stored(stored: PrivacySettingsRecord) -> Self {
        match stored {
            PrivacySettingsRecord::V1(s) => s,
        }
    }
}

/// Longest retention period that can be set, in months (50 years).
pub const MAX_RETENTION_MONTHS: u32 = 600;

/// An ex-member whose data is due for erasure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// The member (not yet erased).
    pub member: Member,
    /// The day they left (or died).
    pub left: NaiveDate,
    /// The day the retention period ended.
    pub due_since: NaiveDate,
}

/// The ex-members past the retention period on `today`, longest overdue first. Pure.
pub fn due(
    members: &[Member],
    erased: &dyn Fn(u64) -> bool,
    months: u32,
    today: NaiveDate,
) -> Vec<Due> {
    let mut list: Vec<Due> = members
        .iter()
        .filter(|m| matches!(m.status(), Status::Ended { .. } | Status::Deceased))
        .filter(|m| !erased(m.number))
        .filter_map(|m| {
            let left = m.status_since();
            let due_since = left.checked_add_months(Months::new(months))?;
            (due_since <= today).then(|| Due {
                member: m.clone(),
                left,
                due_since,
            })
        })
        .collect();
    list.sort_by_key(|d| (d.due_since, d.member.number));
    list
}

/// The retention period, the members already erased and today: what [`due`] needs besides the
/// register (see [`Privacy::retention_rule`]).
pub(crate) struct RetentionRule {
    months: u32,
    erased: std::collections::HashSet<u64>,
    today: NaiveDate,
}

impl RetentionRule {
    /// The members of `members` past the retention period, longest overdue first.
    pub(crate) fn due(&self, members: &[Member]) -> Vec<Due> {
        due(
            members,
            &|n| self.erased.contains(&n),
            self.months,
            self.today,
        )
    }
}

/// A person's data, for administrators.
pub struct Privacy<'a> {
    s: &'a Session,
}

impl<'a> Privacy<'a> {
    /// The privacy calls of a session.
    pub fn new(s: &'a Session) -> Self {
        Privacy { s }
    }

    fn require(&self) -> Result<()> {
        self.s.require(Permission::MembersWrite)?;
        self.s.require(Permission::AuditRead)
    }

    /// The privacy settings.
    pub fn settings(&self) -> Result<PrivacySettings> {
        self.require()?;
        Ok(self
            .s
            .store()
            .setting::<PrivacySettings>()?
            .unwrap_or_default())
    }

    /// Sets the retention period, in months after leaving (1 to 600).
    pub fn set_retention_months(&self, months: u32) -> Result<()> {
        self.s.require(Permission::SettingsWrite)?;
        self.require()?;
        if months == 0 || months > MAX_RETENTION_MONTHS {
            return Err(Error::Invalid(vec![FieldError::new(
                "retention_months",
                Reason::OutOfRange(1, u64::from(MAX_RETENTION_MONTHS)),
            )]));
        }
        let now = self.s.now();
        let settings = PrivacySettings {
            retention_months: months,
        };
        self.s.store().transact(|tx| {
            tx.put_setting(&settings)?;
            self.s
                .audit(tx, now, "settings.privacy", "settings", &months.to_string())
        })
    }

    /// Whether a member's data was erased, and when and by whom.
    pub fn erasure(&self, number: u64) -> Result<Option<Erasure>> {
        self.s.require(Permission::MembersRead)?;
        self.s.store().get::<Erasure>(number)
    }

    /// The ex-members past the retention period, longest overdue first.
    /// The register is read in batches, so only the ex-members due are held, not every member.
    pub fn retention(&self) -> Result<Vec<Due>> {
        let rule = self.retention_rule()?;
        let mut list = Vec::new();
        self.s
            .store()
            .scan_batches::<Member>(crate::members::READ_BATCH, |batch| {
                let members: Vec<Member> = batch.into_iter().map(|(_, m)| m).collect();
                list.extend(rule.due(&members));
                Ok(())
            })?;
        list.sort_by_key(|d| (d.due_since, d.member.number));
        Ok(list)
    }

    /// [`Privacy::retention`] over a register the caller has already read (with
    /// [`crate::members::Members::list`]), so it is not read again.
    pub fn retention_in(&self, members: &[Member]) -> Result<Vec<Due>> {
        Ok(self.retention_rule()?.due(members))
    }

    /// What decides who is due (the period, who was erased, today), read once for any number of
    /// batches of the register.
    pub(crate) fn retention_rule(&self) -> Result<RetentionRule> {
        self.require()?;
        Ok(RetentionRule {
            months: self.settings()?.retention_months,
            erased: self
                .s
                .store()
                .scan::<Erasure>()?
                .into_iter()
                .map(|(n, _)| n)
                .collect(),
            today: self.s.today(),
        })
    }

    /// Erases every member on the retention list (each in its own transaction, each logged).
    /// Returns what was erased, in list order. Call [`rewrite_store`] afterwards.
    pub fn erase_due(&self) -> Result<Vec<Erased>> {
        let due = self.retention()?;
        due.iter()
            .map(|d| self.erase(d.member.number))
            .collect::<Result<Vec<_>>>()
    }

    /// Everything about one member (see [`export`]). The export is logged.
    pub fn export(&self, number: u64) -> Result<PersonExport> {
        self.require()?;
        let gathered = export::gather(self.s, number)?;
        let now = self.s.now();
        self.s.store().transact(|tx| {
            self.s
                .audit(tx, now, "person.export", &format!("member/{number}"), "")
        })?;
        Ok(gathered)
    }

    /// Everything about one member as pretty-printed JSON (UTF-8). The export is logged.
    pub fn export_json(&self, number: u64) -> Result<Vec<u8>> {
        let data = self.export(number)?;
        serde_json::to_vec_pretty(&data)
            .map_err(|e| Error::Storage(format!("cannot write the export as JSON: {e}")))
    }

    /// A printable summary of everything about one member, in Dutch, as a PDF. Logged.
    pub fn export_pdf(&self, number: u64) -> Result<Vec<u8>> {
        self.export_pdf_in(number, kapstok_text::Lang::Nl)
    }

    /// A printable summary of everything about one member, in a language, as a PDF. Logged.
    pub fn export_pdf_in(&self, number: u64, lang: kapstok_text::Lang) -> Result<Vec<u8>> {
        let data = self.export(number)?;
        pdf::render_in(&data, lang)
            .map_err(|e| Error::Storage(format!("cannot print the summary: {e}")))
    }

    /// Erases one ex-member's personal data everywhere (see [`erase`]). Refused for someone who
    /// is still a member and for someone already erased. Logged without the erased data.
    pub fn erase(&self, number: u64) -> Result<Erased> {
        self.require()?;
        erase::erase(self.s, number)
    }
}

/// Rewrites the session's store into fresh files, so that the old versions of erased values are
/// gone from disk (see [`crate::store::rewrite`]), and reopens it with the same user.
///
/// The session must be the only handle on the store (every other session and [`crate::Kapstok`]
/// clone dropped); otherwise nothing happens and the same session comes back with the error. The
/// outer error means the store could not be opened again afterwards.
pub fn rewrite_store(
    session: Session,
) -> Result<(Session, Result<crate::store::rewrite::Rewritten>)> {
    if let Err(e) = session
        .require(Permission::MembersWrite)
        .and_then(|()| session.require(Permission::AuditRead))
    {
        return Ok((session, Err(e)));
    }
    if Arc::strong_count(&session.k.inner) != 1 {
        let e = Error::Storage(
            "the store is still open elsewhere in this program; it was not rewritten".into(),
        );
        return Ok((session, Err(e)));
    }
    let Session {
        k,
        user_id,
        user_name,
        role,
        origin,
    } = session;
    let inner = match Arc::try_unwrap(k.inner) {
        Ok(inner) => inner,
        Err(inner) => {
            let e = Error::Storage("the store is still open elsewhere in this program".into());
            let k = crate::Kapstok { inner };
            return Ok((
                Session {
                    k,
                    user_id,
                    user_name,
                    role,
                    origin,
                },
                Err(e),
            ));
        }
    };
    let Inner { store, clock, .. } = inner;
    // The rewrite reopens the store under the same lock; an encrypted store stays unlocked for
    // the same user.
    let (store, result) = crate::store::rewrite::rewrite(store)?;
    let k = crate::Kapstok::new(store, clock, crate::store::Opened::Current, None);
    Ok((
        Session {
            k,
            user_id,
            user_name,
            role,
            origin,
        },
        result,
    ))
}

/// The folder of backups beside the store (`<store>-backups`): they still hold an erased person
/// until they are cleaned up, which the front ends say when they ask to erase.
pub fn backup_dir(k: &crate::Kapstok) -> std::path::PathBuf {
    k.store().backup_dir()
}

/// Whether the store must still be rewritten after an erasure (it happens on the next open).
pub fn rewrite_due(k: &crate::Kapstok) -> Result<bool> {
    k.store().rewrite_due()
}

/// Does a rewrite still due for the (closed) store at `path`, by opening it (opening does it)
/// and closing it again, for a front end that could not let go of the store before (the TUI,
/// as it quits). Returns whether one was due; an error when it is still due afterwards (the
/// rewrite failed: it is tried again on the next open). When another kapstok has the store open
/// meanwhile, that one did it on opening: nothing to do.
pub fn rewrite_pending(path: &std::path::Path) -> Result<bool> {
    let (was_due, still_due) = match crate::store::Store::open_for_rewrite(path) {
        Ok(due) => due,
        Err(Error::AlreadyOpen { .. }) => return Ok(false),
        Err(e) => return Err(e),
    };
    if still_due {
        return Err(Error::Storage(format!(
            "the store at {} could not be rewritten after an erasure: old versions of the erased \
             data are still in its files; it is tried again the next time the store is opened",
            path.display()
        )));
    }
    Ok(was_due)
}
