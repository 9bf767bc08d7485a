//! SSH public keys of user accounts: what lets a member of staff log in to `kapstok serve` without
//! a password. An administrator registers a key for an account (`kapstok user key add`); the
//! server looks a verified key up by its fingerprint ([`crate::Kapstok::login_with_key`]).
//!
//! Keys are read in the two forms staff have them in: the OpenSSH line (`ssh-ed25519 AAAA…
//! comment`, what `ssh-keygen` writes and PuTTYgen shows for pasting into `authorized_keys`) and
//! the RFC 4716 block PuTTYgen saves (`---- BEGIN SSH2 PUBLIC KEY ----`).

use super::{Session, User, Users};
use crate::error::{Error, Permission, Reason, Result};
use crate::store::{abort, Record, TreeId};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ssh_key::encoding::base64::{Base64, Encoding};
use ssh_key::{HashAlg, PublicKey};

/// A public key registered for a user account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserKey {
    /// The account's id.
    pub user_id: u64,
    /// The key's SHA256 fingerprint as OpenSSH prints it (`SHA256:…`), by which it is found.
    pub fingerprint: String,
    /// The key's algorithm (`ssh-ed25519`, `ssh-rsa`, …).
    pub algorithm: String,
    /// The key as an OpenSSH line, without its comment.
    pub openssh: String,
    /// The comment the key came with (often `user@host`), to tell keys apart.
    pub comment: String,
    /// When it was registered.
    pub added: NaiveDateTime,
}

/// The stored versions of a user's key.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum UserKeyRecord {
    /// The first version.
    V1(UserKey),
}

impl Record for UserKey {
    const TREE: TreeId = TreeId::UserKeys;
    const KIND: &'static str = "ssh key";
    type Stored = UserKeyRecord;
    fn to_stored(&self) -> UserKeyRecord {
        UserKeyRecord::V1(self.clone())
    }
    fn from_stored(stored: UserKeyRecord) -> Self {
        match stored {
            UserKeyRecord::V1(k) => k,
        }
    }
}

/// 32 bytes from the operating system's random source: the seed of a new key (the server's
/// ed25519 host key).
pub fn random_seed() -> [u8; 32] {
    use password_hash::rand_core::{OsRng, RngCore};
    let mut seed = [0u8; 32];
    OsRng.fill_bytes(&mut seed);
    seed
}

/// The SHA256 fingerprint of a key, as OpenSSH prints it (`SHA256:` and unpadded base64).
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

/// Reads a public key from the text of a key file: an OpenSSH line or an RFC 4716 block. The
/// comment is the OpenSSH line's, or the block's `Comment:` header.
pub fn parse_public_key(text: &str) -> Result<(PublicKey, String)> {
    let bad = || Error::invalid("key", Reason::BadPublicKey);
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.starts_with("---- BEGIN SSH2 PUBLIC KEY ----") {
        let mut comment = String::new();
        let mut body = String::new();
        let mut lines = text.lines().map(str::trim).skip(1);
        let mut continued = false;
        for line in lines.by_ref() {
            if line.starts_with("---- END SSH2 PUBLIC KEY ----") {
                break;
            }
            if continued {
                // A header value that goes on: only the comment's is kept.
                continued = line.ends_with('\\');
                continue;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("comment") {
                    comment = value.trim().trim_matches('"').to_string();
                }
                continued = line.ends_with('\\');
            } else {
                body.push_str(line);
            }
        }
        let blob = Base64::decode_vec(&body).map_err(|_| bad())?;
        let key = PublicKey::from_bytes(&blob).map_err(|_| bad())?;
        return Ok((key, comment));
    }
    // One key per file: the first line that is not a comment.
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .ok_or_else(bad)?;
    let key = PublicKey::from_openssh(line).map_err(|_| bad())?;
    let comment = key.comment().to_string();
    Ok((key, comment))
}

impl Users<'_> {
    /// Registers a public key for an account (administrators); its fingerprint. A key can belong
    /// to one account only.
    pub fn add_key(&self, user_id: u64, key_text: &str) -> Result<String> {
        self.s.require(Permission::UsersManage)?;
        let (key, comment) = parse_public_key(key_text)?;
        crate::common::check::refuse_control("key", &comment, false)?;
        let fingerprint = fingerprint(&key);
        let mut bare = key.clone();
        bare.set_comment("");
        let openssh = bare
            .to_openssh()
            .map_err(|_| Error::invalid("key", Reason::BadPublicKey))?;
        let now = self.s.now();
        let record = UserKey {
            user_id,
            fingerprint: fingerprint.clone(),
            algorithm: key.algorithm().as_str().to_string(),
            openssh,
            comment: comment
                .chars()
                .take(crate::common::check::MAX_SHORT)
                .collect(),
            added: now,
        };
        if self
            .s
            .store()
            .scan::<UserKey>()?
            .iter()
            .any(|(_, k)| k.fingerprint == fingerprint)
        {
            return Err(Error::invalid("key", Reason::Taken));
        }
        self.s.store().transact(|tx| {
            if tx.get::<User>(user_id)?.is_none() {
                return abort(Error::NotFound {
                    kind: User::KIND,
                    id: user_id,
                });
            }
            let id = tx.next_seq(crate::store::Counter::UserKey)?;
            tx.put(id, &record)?;
            self.s.audit(
                tx,
                now,
                "user.key.add",
                &format!("user/{user_id}"),
                &record.fingerprint,
            )
        })?;
        Ok(fingerprint)
    }

    /// The keys of an account, oldest first (administrators, and everyone for their own).
    pub fn keys(&self, user_id: u64) -> Result<Vec<UserKey>> {
        if user_id != self.s.user_id {
            self.s.require(Permission::UsersManage)?;
        }
        Ok(keys_of(self.s, Some(user_id))?
            .into_iter()
            .map(|(_, k)| k)
            .collect())
    }

    /// Removes a key from an account by its fingerprint (administrators). An open server session
    /// that logged in with it is ended by the server when it sees the change.
    pub fn remove_key(&self, user_id: u64, fingerprint: &str) -> Result<()> {
        self.s.require(Permission::UsersManage)?;
        let fingerprint = fingerprint.trim();
        let Some((id, _)) = keys_of(self.s, Some(user_id))?
            .into_iter()
            .find(|(_, k)| k.fingerprint == fingerprint)
        else {
            return Err(Error::invalid(
                "fingerprint",
                Reason::UnknownName(fingerprint.to_string()),
            ));
        };
        let now = self.s.now();
        self.s.store().transact(|tx| {
            tx.remove::<UserKey>(id)?;
            self.s.audit(
                tx,
                now,
                "user.key.remove",
                &format!("user/{user_id}"),
                fingerprint,
            )
        })
    }
}

impl Users<'_> {
    /// Blocks or unblocks an account (administrators). A blocked account cannot log in, by
    /// password or key, and `kapstok serve` ends its open sessions when it sees the change.
    /// Administrators cannot block themselves, so the store always keeps one who can unblock.
    pub fn set_active(&self, user_id: u64, active: bool) -> Result<()> {
        self.s.require(Permission::UsersManage)?;
        if !active && user_id == self.s.user_id {
            return Err(Error::invalid("user", Reason::OwnAccount));
        }
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let Some(mut user) = tx.get::<User>(user_id)? else {
                return abort(Error::NotFound {
                    kind: User::KIND,
                    id: user_id,
                });
            };
            if user.active == active {
                return Ok(());
            }
            user.active = active;
            tx.put(user_id, &user)?;
            let action = if active {
                "user.enable"
            } else {
                "user.disable"
            };
            self.s
                .audit(tx, now, action, &format!("user/{user_id}"), "")
        })
    }
}

/// The stored keys, with their ids: of one account, or of all.
fn keys_of(s: &Session, user_id: Option<u64>) -> Result<Vec<(u64, UserKey)>> {
    Ok(s.store()
        .scan::<UserKey>()?
        .into_iter()
        .filter(|(_, k)| user_id.is_none_or(|u| k.user_id == u))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ED25519: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g beheer@kantoor";

    #[test]
    fn an_openssh_line_and_a_putty_block_give_the_same_key() {
        let (key, comment) = parse_public_key(ED25519).unwrap();
        assert_eq!(comment, "beheer@kantoor");
        assert!(fingerprint(&key).starts_with("SHA256:"));
        let blob = ED25519.split_whitespace().nth(1).unwrap();
        let putty = format!(
            "---- BEGIN SSH2 PUBLIC KEY ----\r\nComment: \"ed25519-key-20261202\"\r\n{}\r\n{}\r\n---- END SSH2 PUBLIC KEY ----\r\n",
            &blob[..40],
            &blob[40..]
        );
        let (same, comment) = parse_public_key(&putty).unwrap();
        assert_eq!(comment, "ed25519-key-20261202");
        assert_eq!(fingerprint(&same), fingerprint(&key));
    }

    #[test]
    fn what_is_not_a_public_key_is_refused_as_such() {
        for text in [
            "",
            "# only a comment",
            "ssh-ed25519 not-base64",
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
            "---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n---- END SSH2 PUBLIC KEY ----",
        ] {
            let e = parse_public_key(text).unwrap_err();
            assert!(
                matches!(&e, Error::Invalid(f) if f[0].field == "key" && f[0].reason == Reason::BadPublicKey),
                "{text:?}: {e:?}"
            );
        }
    }
}
