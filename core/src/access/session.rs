//! A logged-in user's session: the gate every operation passes.

use super::audit::{AuditEntry, Origin};
use super::Role;
use crate::error::{Error, Permission, Result};
use crate::store::{Store, Tx, TxResult};
use crate::Kapstok;
use chrono::{NaiveDate, NaiveDateTime};

/// A logged-in user. Cheap to clone; holds the open store.
#[derive(Clone)]
pub struct Session {
    pub(crate) k: Kapstok,
    pub(crate) user_id: u64,
    pub(crate) user_name: String,
    pub(crate) role: Role,
    pub(crate) origin: Origin,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("user", &self.user_name)
            .field("role", &self.role)
            .field("origin", &self.origin)
            .finish()
    }
}

impl Session {
    /// The user's login name.
    pub fn user_name(&self) -> &str {
        &self.user_name
    }

    /// The user's id.
    pub fn user_id(&self) -> u64 {
        self.user_id
    }

    /// The user's role.
    pub fn role(&self) -> Role {
        self.role
    }

    /// Where the session works from (written in its audit entries).
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The same session, working from elsewhere: `kapstok serve` gives each SSH session the
    /// client's address and key, so the audit log says where every change came from.
    pub fn with_origin(mut self, origin: Origin) -> Session {
        self.origin = origin;
        self
    }

    /// Whether this session may do something (for showing or hiding things; the operations check
    /// again themselves).
    pub fn can(&self, permission: Permission) -> bool {
        self.role.allows(permission)
    }

    /// Today, by the store's clock.
    pub fn today(&self) -> NaiveDate {
        self.k.today()
    }

    pub(crate) fn now(&self) -> NaiveDateTime {
        self.k.now()
    }

    pub(crate) fn require(&self, permission: Permission) -> Result<()> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(Error::Denied(permission))
        }
    }

    pub(crate) fn store(&self) -> &Store {
        self.k.store()
    }

    /// A save refused by [`crate::common::Merge`] as a conflict, with who changed the record last
    /// and when (from the audit log, newest first; only the most recent entries are looked at,
    /// as the change that conflicts is a recent one).
    pub(crate) fn conflict(
        &self,
        kind: &'static str,
        id: u64,
        record: &str,
        fields: Vec<crate::common::FieldConflict>,
    ) -> Error {
        let mut last = None;
        let mut looked = 0usize;
        // A failed read leaves who and when unknown; the conflict itself stands.
        let _ = self
            .store()
            .each_newest_first_while::<AuditEntry>(|_, entry| {
                looked += 1;
                if entry.record == record {
                    last = Some((entry.user_name, entry.at));
                    return false;
                }
                looked < 10_000
            });
        let (who, when) = last.map_or((None, None), |(w, t)| (Some(w), Some(t)));
        Error::Conflict(Box::new(crate::common::Conflict {
            kind,
            id,
            who,
            when,
            fields,
        }))
    }

    /// Writes an audit entry inside a transaction.
    pub(crate) fn audit(
        &self,
        tx: &Tx<'_>,
        at: NaiveDateTime,
        action: &str,
        record: &str,
        detail: &str,
    ) -> TxResult<()> {
        tx.note_who(&self.user_name);
        let id = tx.next_seq(crate::store::Counter::Audit)?;
        tx.put(
            id,
            &AuditEntry {
                at,
                user_id: self.user_id,
                user_name: self.user_name.clone(),
                action: action.to_string(),
                record: record.to_string(),
                detail: detail.to_string(),
                origin: self.origin.clone(),
            },
        )
    }

    /// The member register.
    pub fn members(&self) -> crate::members::Members<'_> {
        crate::members::Members::new(self)
    }

    /// BaseMail: institutions, recipients, stays and weekly card runs.
    pub fn basemail(&self) -> crate::basemail::BaseMail<'_> {
        crate::basemail::BaseMail::new(self)
    }

    /// Experts by experience: agreements and reviews.
    pub fn experts(&self) -> crate::experts::Experts<'_> {
        crate::experts::Experts::new(self)
    }

    /// Training: task descriptions, skills, courses, plans.
    pub fn training(&self) -> crate::training::Training<'_> {
        crate::training::Training::new(self)
    }

    /// General meetings.
    pub fn meetings(&self) -> crate::meetings::Meetings<'_> {
        crate::meetings::Meetings::new(self)
    }

    /// Today's lists and the year's figures.
    pub fn report(&self) -> crate::report::Report<'_> {
        crate::report::Report::new(self)
    }

    /// User accounts.
    pub fn users(&self) -> super::Users<'_> {
        super::Users::new(self)
    }

    /// A person's data: export, erasure, retention (administrators).
    pub fn privacy(&self) -> crate::privacy::Privacy<'_> {
        crate::privacy::Privacy::new(self)
    }

    /// The audit log.
    pub fn audit_log(&self) -> super::AuditLog<'_> {
        super::AuditLog::new(self)
    }

    /// The settings.
    pub fn settings(&self) -> Result<crate::settings::Settings> {
        crate::settings::load(self.store())
    }

    /// The settings a migration had to set back to their defaults, for the administrator to
    /// enter again (see [`crate::store::Store::settings_reset`]; administrators).
    pub fn settings_reset(&self) -> Result<Vec<crate::store::SettingsKey>> {
        self.require(Permission::SettingsWrite)?;
        self.store().settings_reset()
    }

    /// Changes the settings (administrators).
    pub fn set_settings(&self, settings: &crate::settings::Settings) -> Result<()> {
        self.require(Permission::SettingsWrite)?;
        settings.validate().map_err(Error::Invalid)?;
        let now = self.now();
        self.store().transact(|tx| {
            tx.put_setting(settings)?;
            self.audit(tx, now, "settings.change", "settings", "")
        })
    }
}
