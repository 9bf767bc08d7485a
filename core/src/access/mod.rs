//! Users, roles, permissions, sessions and the audit log.
//!
//! Every operation goes through a [`Session`], got from [`crate::Kapstok::login`]. The session
//! checks the role's permission in core (not in the front end), and every change writes an audit
//! entry in the same transaction as the change itself.

mod audit;
mod session;
mod users;

pub use audit::{AuditEntry, AuditFilter, AuditLog, AuditPage, AuditRecord};
pub use session::Session;
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

    /// Whether the role may do this.
    pub fn allows(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Administrator => true,
            Role::Coordinator => {
                matches!(
                    permission,
                    MembersRead | BaseMailRun | BaseMailManage | ExpertsManage | MeetingsRead
                )
            }
            Role::Volunteer => matches!(permission, BaseMailRun),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_table() {
        use Permission::*;
        for p in [
            MembersRead,
            MembersWrite,
            UsersManage,
            AuditRead,
            SettingsWrite,
            MeetingsRead,
            MeetingsManage,
        ] {
            assert!(Role::Administrator.allows(p));
            assert!(!Role::Volunteer.allows(p), "{p:?}");
            assert_eq!(
                Role::Coordinator.allows(p),
                p == MembersRead || p == MeetingsRead,
                "{p:?}"
            );
        }
        for p in [BaseMailRun, BaseMailManage] {
            assert!(Role::Administrator.allows(p) && Role::Coordinator.allows(p));
            assert_eq!(Role::Volunteer.allows(p), p == BaseMailRun);
        }
        for r in Role::ALL {
            assert_eq!(Role::from_name(r.name()), Some(r));
        }
        assert_eq!(Role::from_name("Coördinator"), Some(Role::Coordinator));
        assert_eq!(Role::from_name("boss"), None);
    }
}
