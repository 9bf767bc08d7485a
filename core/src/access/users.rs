//! User accounts, with passwords hashed by argon2.

use super::{Role, Session};
use crate::error::{Error, FieldError, Permission, Reason, Result};
use crate::store::{abort, Record, TreeId};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use chrono::NaiveDateTime;
use password_hash::{rand_core::OsRng, PasswordHash, SaltString};
use serde::{Deserialize, Serialize};

/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 8;

/// A user account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// Login name: lower case letters, digits, `.`, `-`, `_`.
    pub name: String,
    /// Role.
    pub role: Role,
    /// The argon2 hash in PHC string form.
    pub password_hash: String,
    /// False for a blocked account.
    pub active: bool,
    /// When the account was made.
    pub created: NaiveDateTime,
}

/// The stored versions of a user.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum UserRecord {
    /// The first version.
    V1(User),
}

impl Record for User {
    const TREE: TreeId = TreeId::Users;
    const KIND: &'static str = "user";
    type Stored = UserRecord;
    fn to_stored(&self) -> UserRecord {
        UserRecord::V1(self.clone())
    }
    fn from_stored(stored: UserRecord) -> Self {
        match stored {
            UserRecord::V1(u) => u,
        }
    }
}

/// Hashes a password with argon2 and a random salt.
pub fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Storage(format!("cannot hash a password: {e}")))
}

/// Checks a password against a stored hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// In an encrypted store (unlocked), makes the logged-in user's copy of the data key when they
/// have none, so their next login opens the store by itself. Logged without any secret.
pub(crate) fn ensure_key_wrap(s: &Session, password: &str) -> Result<()> {
    let store = s.store();
    if !store.is_encrypted() || store.has_user_key_wrap(&s.user_name)? {
        return Ok(());
    }
    let Some(wrap) = store.user_key_wrap(&s.user_name, password)? else {
        return Ok(());
    };
    let now = s.now();
    store.transact(|tx| {
        tx.put_key_wrap(&wrap)?;
        s.audit(tx, now, "user.key", &format!("user/{}", s.user_id), "")
    })
}

/// Checks a new user's name and password.
pub(crate) fn check_new(name: &str, password: &str) -> Result<String> {
    let mut errors = Vec::new();
    let name = name.trim().to_lowercase();
    if name.is_empty() {
        errors.push(FieldError::new("user", Reason::Required));
    } else if name.chars().count() > 32 {
        errors.push(FieldError::new("user", Reason::TooLong(32)));
    } else if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    {
        errors.push(FieldError::new("user", Reason::BadUserName));
    }
    if password.chars().count() < MIN_PASSWORD {
        errors.push(FieldError::new("password", Reason::TooShort(MIN_PASSWORD)));
    }
    if errors.is_empty() {
        Ok(name)
    } else {
        Err(Error::Invalid(errors))
    }
}

/// User accounts, for administrators.
pub struct Users<'a> {
    pub(super) s: &'a Session,
}

impl<'a> Users<'a> {
    pub(crate) fn new(s: &'a Session) -> Self {
        Users { s }
    }

    /// Every account, in id order, with its id.
    pub fn list(&self) -> Result<Vec<(u64, User)>> {
        self.s.require(Permission::UsersManage)?;
        self.s.store().scan::<User>()
    }

    /// Adds an account.
    pub fn add(&self, name: &str, role: Role, password: &str) -> Result<u64> {
        self.s.require(Permission::UsersManage)?;
        let name = check_new(name, password)?;
        let hash = hash_password(password)?;
        let wrap = self.s.store().user_key_wrap(&name, password)?;
        let existing = self.s.store().scan::<User>()?;
        if existing.iter().any(|(_, u)| u.name == name) {
            return Err(Error::invalid("user", Reason::Taken));
        }
        let now = self.s.now();
        let user = User {
            name,
            role,
            password_hash: hash,
            active: true,
            created: now,
        };
        self.s.store().transact(|tx| {
            let id = tx.next_seq(crate::store::Counter::User)?;
            tx.put(id, &user)?;
            if let Some(wrap) = &wrap {
                tx.put_key_wrap(wrap)?;
            }
            self.s
                .audit(tx, now, "user.add", &format!("user/{id}"), role.name())?;
            Ok(id)
        })
    }

    /// Sets a new password: administrators for anyone, everyone for themselves.
    pub fn set_password(&self, id: u64, password: &str) -> Result<()> {
        if id != self.s.user_id {
            self.s.require(Permission::UsersManage)?;
        }
        if password.chars().count() < MIN_PASSWORD {
            return Err(Error::invalid("password", Reason::TooShort(MIN_PASSWORD)));
        }
        let hash = hash_password(password)?;
        // In an encrypted store the user's copy of the data key is re-wrapped with the new
        // password (the store itself is not re-encrypted).
        let wrap = match self.s.store().get::<User>(id)? {
            Some(user) => self.s.store().user_key_wrap(&user.name, password)?,
            None => None,
        };
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let Some(mut user) = tx.get::<User>(id)? else {
                return abort(Error::NotFound {
                    kind: User::KIND,
                    id,
                });
            };
            user.password_hash = hash.clone();
            tx.put(id, &user)?;
            if let Some(wrap) = &wrap {
                tx.put_key_wrap(wrap)?;
            }
            self.s
                .audit(tx, now, "user.password", &format!("user/{id}"), "")
        })
    }
}
