//! Users, roles, permissions, sessions and the audit log.
//!
//! Every operation goes through a [`Session`], got from [`crate::Kapstok::login`]. The session
//! checks the role's permission in core (not in the front end), and every change writes an audit
//! entry in the same transaction as the change itself.

mod audit;
mod keys;
mod session;
mod users;

pub use audit::{AuditEntry, AuditEntryV1, AuditFilter, AuditLog, AuditPage, AuditRecord, Origin};
pub use keys::{fingerprint, parse_public_key, random_seed, UserKey, UserKeyRecord};
pub use session::Session;
/// An SSH public key (the type russh hands the server, so no conversion is needed).
pub use ssh_key::PublicKey;
pub(crate) use users::{check_new, ensure_key_wrap};
pub use users::{hash_password, verify_password, User, UserRecord, Users};

use crate::error::Permission;

/// A user's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Role {
    /// Everything.
    Administrator,
    /// Experts, agreements, reviews, training, BaseMail; members read-only.
    Coordinator,
    /// BaseMail only.
    Volunteer,
}

impl Role {
    /// All roles.
    pub const ALL: [Role; 3] = [Role::Administrator, Role::Coordinator, Role::Volunteer];
    /// Their stable names.
    pub const NAMES: &'static [&'static str] = &["administrator", "coordinator", "volunteer"];

    /// The stable name (`administrator`, `coordinator`, `volunteer`).
    pub fn name(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Coordinator => "coordinator",
            Role::Volunteer => "volunteer",
        }
    }

    /// The role with this stable name; the Dutch names (`beheerder`, `coördinator`,
    /// `vrijwilliger`) are accepted too.
    pub fn from_name(name: &str) -> Option<Role> {
        match crate::common::fold(name).as_str() {
            "administrator" | "admin" | "beheerder" | "beheer" => Some(Role::Administrator),
            "coordinator" => Some(Role::Coordinator),
            "volunteer" | "vrijwilliger" => Some(Role::Volunteer),
            _ => None,
        }
    }

    /// Whether the role may do this. The table in the README's "Roles" section says the same,
    /// row by row; `core/tests/roles.rs` checks both against each other and against the calls.
    ///
    /// One arm per permission, without a catch-all, so a new permission does not compile until
    /// it is decided for every role.
    pub fn allows(self, permission: Permission) -> bool {
        use Permission::*;
        use Role::*;
        match permission {
            // Reading the register member by member: the coordinator needs it for the experts
            // (who are members) and BaseMail's recipients.
            MembersRead => matches!(self, Administrator | Coordinator),
            // The whole register as one file leaves the store: the administrator's alone.
            MembersWrite | MembersExport => self == Administrator,
            UsersManage | AuditRead | SettingsWrite | StoreManage => self == Administrator,
            // Volunteers run the week: compose, addresses, labels, the office printer and its
            // calibration (they print the labels), marks, cards by hand.
            BaseMailRun => true,
            BaseMailManage | ExpertsManage => matches!(self, Administrator | Coordinator),
            // Reading a meeting includes its attendance sheet.
            MeetingsRead => matches!(self, Administrator | Coordinator),
            MeetingsManage => self == Administrator,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names() {
        for r in Role::ALL {
            assert_eq!(Role::from_name(r.name()), Some(r));
        }
        assert_eq!(Role::from_name("Coördinator"), Some(Role::Coordinator));
        assert_eq!(Role::from_name("boss"), None);
    }
}
