//! Encryption at rest, chosen when a store is created.
//!
//! - One random 256-bit **data key** encrypts every record value (every tree but `meta`) with
//!   XChaCha20-Poly1305: a fresh random 24-byte nonce per value, and the tree's name and the
//!   record's key as associated data, so a value cannot be moved to another record or tree
//!   without failing authentication.
//! - The data key itself is never stored in the clear. `meta` holds it **wrapped** (encrypted)
//!   several times: once with a key derived by argon2 from the store passphrase, and once per
//!   user with a key derived from that user's password. A login unwraps the user's copy; a
//!   password change re-wraps only that copy. `rekey` re-wraps the passphrase copy, or makes a
//!   new data key and re-encrypts every value.
//! - A user's copy sits under `crypt/user/<hash>`, the hash being BLAKE2b of a random per-store
//!   salt and the login name, so no login name lies on disk in the clear. Record keys are ids
//!   (numbers), and `meta` holds only counters, the format version and these wrapped keys.
//! - A key that would itself say something personal (the birthday index is keyed by a day of the
//!   year) is **blinded**: 8 bytes of BLAKE2b over the data key and the id ([`DataKey::blind`]).
//!   A new data key (re-encryption, an encrypting restore) moves those records to new keys.
//!
//! Layouts (all in `meta`):
//!
//! ```text
//! crypt/header       1 (version) | name salt (16)
//! crypt/passphrase   wrap
//! crypt/user/<32>    wrap
//! wrap               1 (version) | argon2 salt (16) | nonce (24) | data key sealed (32 + 16)
//! sealed value       codec tag 2 | nonce (24) | ciphertext of the plain value (tag 1 + bincode) + 16
//! ```

use super::TreeId;
use crate::error::{Error, Result};
use argon2::Argon2;
use blake2::{Blake2b, Digest};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use password_hash::rand_core::{OsRng, RngCore};
use std::borrow::Cow;
use std::sync::Arc;
use zeroize::Zeroizing;

/// The codec tag of a sealed (encrypted) value.
pub const TAG_SEALED: u8 = 2;

/// Meta key of the encryption header; its presence marks an encrypted store.
pub(crate) const META_HEADER: &[u8] = super::keys::meta::CRYPT_HEADER;
/// Meta key of the data key wrapped with the store passphrase.
pub(crate) const META_PASSPHRASE: &[u8] = super::keys::meta::CRYPT_PASSPHRASE;
/// Prefix of the meta keys of the data key wrapped per user.
pub(crate) const META_USER: &[u8] = super::keys::meta::CRYPT_USER;

const HEADER_VERSION: u8 = 1;
const WRAP_VERSION: u8 = 1;
const SALT: usize = 16;
const NONCE: usize = 24;
const KEY: usize = 32;
const TAG: usize = 16;
const WRAP_LEN: usize = 1 + SALT + NONCE + KEY + TAG;

/// The encryption header of a store: the salt that hides login names in key-wrap keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Header {
    name_salt: [u8; SALT],
}

impl Header {
    pub(crate) fn new() -> Header {
        let mut name_salt = [0u8; SALT];
        OsRng.fill_bytes(&mut name_salt);
        Header { name_salt }
    }

    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = vec![HEADER_VERSION];
        out.extend_from_slice(&self.name_salt);
        out
    }

    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Header> {
        match bytes.split_first() {
            Some((&HEADER_VERSION, salt)) if salt.len() == SALT => {
                let mut name_salt = [0u8; SALT];
                name_salt.copy_from_slice(salt);
                Ok(Header { name_salt })
            }
            _ => Err(Error::Corrupt {
                tree: "meta".into(),
                key: "crypt/header".into(),
                detail: "not an encryption header this kapstok knows".into(),
            }),
        }
    }

    /// The meta key of a user's wrapped data key: the prefix and BLAKE2b-256(salt, name).
    pub(crate) fn user_slot(&self, name: &str) -> Vec<u8> {
        let mut hash = Blake2b::<blake2::digest::consts::U32>::new();
        hash.update(self.name_salt);
        hash.update(name.trim().to_lowercase().as_bytes());
        let mut key = META_USER.to_vec();
        key.extend_from_slice(&hash.finalize());
        key
    }
}

/// The data key. Zeroed when dropped.
pub(crate) struct DataKey(Zeroizing<[u8; KEY]>);

impl DataKey {
    /// The stored key of record `id` in a tree whose keys must not show what they are (the
    /// birthday index, keyed by day): 8 bytes of BLAKE2b over the data key, the tree and the id.
    /// Without the data key the day cannot be told from the key; with it, the key is found again.
    pub(crate) fn blind(&self, tree: TreeId, id: u64) -> u64 {
        let mut hash = Blake2b::<blake2::digest::consts::U32>::new();
        hash.update(b"kapstok blind key v1");
        hash.update(self.0.as_ref());
        hash.update(tree.name().as_bytes());
        hash.update(id.to_be_bytes());
        let digest = hash.finalize();
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        u64::from_be_bytes(first)
    }

    pub(crate) fn random() -> DataKey {
        let mut key = Zeroizing::new([0u8; KEY]);
        OsRng.fill_bytes(key.as_mut());
        DataKey(key)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(self.0.as_ref().into())
    }

    /// Wraps this key under a secret (passphrase or password) for the meta key `slot`.
    pub(crate) fn wrap(&self, secret: &str, slot: &[u8]) -> Result<Vec<u8>> {
        let mut salt = [0u8; SALT];
        OsRng.fill_bytes(&mut salt);
        let kek = derive(secret, &salt)?;
        let mut nonce = [0u8; NONCE];
        OsRng.fill_bytes(&mut nonce);
        let sealed = kek
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: self.0.as_ref(),
                    aad: &wrap_aad(slot),
                },
            )
            .map_err(|_| Error::Storage("cannot wrap the data key".into()))?;
        let mut out = Vec::with_capacity(WRAP_LEN);
        out.push(WRAP_VERSION);
        out.extend_from_slice(&salt);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// Unwraps a key wrapped by [`DataKey::wrap`]; `None` when the secret is wrong (or the wrap
    /// was tampered with or moved to another slot).
    pub(crate) fn unwrap_with(secret: &str, slot: &[u8], wrap: &[u8]) -> Result<Option<DataKey>> {
        if wrap.len() != WRAP_LEN || wrap[0] != WRAP_VERSION {
            return Err(Error::Corrupt {
                tree: "meta".into(),
                key: super::codec::key_text(slot),
                detail: "not a wrapped key this kapstok knows".into(),
            });
        }
        let (salt, rest) = wrap[1..].split_at(SALT);
        let (nonce, sealed) = rest.split_at(NONCE);
        let kek = derive(secret, salt)?;
        let Ok(plain) = kek.decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: &wrap_aad(slot),
            },
        ) else {
            return Ok(None);
        };
        let plain = Zeroizing::new(plain);
        let mut key = Zeroizing::new([0u8; KEY]);
        if plain.len() != KEY {
            return Ok(None);
        }
        key.copy_from_slice(&plain);
        Ok(Some(DataKey(key)))
    }
}

fn wrap_aad(slot: &[u8]) -> Vec<u8> {
    let mut aad = b"kapstok key wrap 1/".to_vec();
    aad.extend_from_slice(slot);
    aad
}

fn value_aad(tree: TreeId, key: &[u8]) -> Vec<u8> {
    let mut aad = b"kapstok value 1/".to_vec();
    aad.extend_from_slice(tree.name().as_bytes());
    aad.push(b'/');
    aad.extend_from_slice(key);
    aad
}

/// The key-encryption key for a secret and salt: argon2id with the default parameters.
fn derive(secret: &str, salt: &[u8]) -> Result<XChaCha20Poly1305> {
    let mut out = Zeroizing::new([0u8; KEY]);
    Argon2::default()
        .hash_password_into(secret.as_bytes(), salt, out.as_mut())
        .map_err(|e| Error::Storage(format!("cannot derive a key: {e}")))?;
    Ok(XChaCha20Poly1305::new(out.as_ref().into()))
}

/// How the values of a store are sealed, as seen by one read or transaction.
#[derive(Clone)]
pub(crate) enum Sealing {
    /// An unencrypted store: values are stored as the codec writes them.
    Plain,
    /// An encrypted store whose data key is not known yet (nobody logged in).
    Locked,
    /// An encrypted store with its data key.
    Open(Arc<DataKey>),
}

impl Sealing {
    /// The stored key of record `id` of a tree with blinded keys (see [`DataKey::blind`]): the id
    /// itself in an unencrypted store.
    pub(crate) fn blind(&self, tree: TreeId, id: u64) -> Result<u64> {
        match self {
            Sealing::Plain => Ok(id),
            Sealing::Locked => Err(Error::Locked),
            Sealing::Open(data_key) => Ok(data_key.blind(tree, id)),
        }
    }

    /// Seals a plain value for `tree`/`key` (the meta tree is never sealed).
    pub(crate) fn seal(&self, tree: TreeId, key: &[u8], plain: Vec<u8>) -> Result<Vec<u8>> {
        if tree == TreeId::Meta {
            return Ok(plain);
        }
        match self {
            Sealing::Plain => Ok(plain),
            Sealing::Locked => Err(Error::Locked),
            Sealing::Open(data_key) => seal_with(data_key, tree, key, &plain),
        }
    }

    /// Opens a stored value of `tree`/`key` back into the plain codec bytes.
    pub(crate) fn open<'a>(
        &self,
        tree: TreeId,
        key: &[u8],
        stored: &'a [u8],
    ) -> Result<Cow<'a, [u8]>> {
        if tree == TreeId::Meta {
            return Ok(Cow::Borrowed(stored));
        }
        let corrupt = |detail: &str| Error::Corrupt {
            tree: tree.name().into(),
            key: super::codec::key_text(key),
            detail: detail.into(),
        };
        let sealed = stored.first() == Some(&TAG_SEALED);
        match self {
            Sealing::Plain if sealed => Err(corrupt("an encrypted value in an unencrypted store")),
            Sealing::Plain => Ok(Cow::Borrowed(stored)),
            Sealing::Locked => Err(Error::Locked),
            Sealing::Open(_) if !sealed => {
                Err(corrupt("an unencrypted value in an encrypted store"))
            }
            Sealing::Open(data_key) => open_with(data_key, tree, key, stored)
                .map(Cow::Owned)
                .ok_or_else(|| corrupt("the value does not decrypt (damaged or moved)")),
        }
    }
}

pub(crate) fn seal_with(
    data_key: &DataKey,
    tree: TreeId,
    key: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>> {
    let mut nonce = [0u8; NONCE];
    OsRng.fill_bytes(&mut nonce);
    let sealed = data_key
        .cipher()
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: &value_aad(tree, key),
            },
        )
        .map_err(|_| Error::Storage("cannot encrypt a value".into()))?;
    let mut out = Vec::with_capacity(1 + NONCE + sealed.len());
    out.push(TAG_SEALED);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

pub(crate) fn open_with(
    data_key: &DataKey,
    tree: TreeId,
    key: &[u8],
    stored: &[u8],
) -> Option<Vec<u8>> {
    let body = stored.strip_prefix(&[TAG_SEALED])?;
    if body.len() < NONCE + TAG {
        return None;
    }
    let (nonce, sealed) = body.split_at(NONCE);
    data_key
        .cipher()
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: &value_aad(tree, key),
            },
        )
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_at_their_own_place() {
        let k = DataKey::random();
        let sealing = Sealing::Open(Arc::new(k));
        let key = 7u64.to_be_bytes();
        let sealed = sealing
            .seal(TreeId::Members, &key, b"\x01Jan de Vries".to_vec())
            .unwrap();
        assert!(!sealed.windows(5).any(|w| w == b"Vries"));
        let opened = sealing.open(TreeId::Members, &key, &sealed).unwrap();
        assert_eq!(opened.as_ref(), b"\x01Jan de Vries");
        // Another key, another tree, a flipped bit: all refused.
        assert!(sealing
            .open(TreeId::Members, &8u64.to_be_bytes(), &sealed)
            .is_err());
        assert!(sealing.open(TreeId::Users, &key, &sealed).is_err());
        let mut bad = sealed.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert!(sealing.open(TreeId::Members, &key, &bad).is_err());
        // Two seals of the same value differ (random nonce).
        let again = sealing
            .seal(TreeId::Members, &key, b"\x01Jan de Vries".to_vec())
            .unwrap();
        assert_ne!(sealed, again);
        // Locked and plain stores refuse the sealed value clearly.
        assert!(matches!(
            Sealing::Locked.open(TreeId::Members, &key, &sealed),
            Err(Error::Locked)
        ));
        assert!(matches!(
            Sealing::Plain.open(TreeId::Members, &key, &sealed),
            Err(Error::Corrupt { .. })
        ));
    }

    #[test]
    fn a_wrap_opens_with_its_secret_and_slot_only() {
        let k = DataKey::random();
        let wrap = k.wrap("goed geheim", b"crypt/passphrase").unwrap();
        let back = DataKey::unwrap_with("goed geheim", b"crypt/passphrase", &wrap)
            .unwrap()
            .unwrap();
        assert_eq!(back.0.as_ref(), k.0.as_ref());
        assert!(
            DataKey::unwrap_with("fout geheim", b"crypt/passphrase", &wrap)
                .unwrap()
                .is_none()
        );
        assert!(DataKey::unwrap_with("goed geheim", b"crypt/user/x", &wrap)
            .unwrap()
            .is_none());
        assert!(DataKey::unwrap_with("goed geheim", b"crypt/passphrase", &wrap[1..]).is_err());
    }

    #[test]
    fn user_slots_hide_the_name() {
        let h = Header::new();
        let slot = h.user_slot("marieke");
        assert!(slot.starts_with(META_USER));
        assert!(!slot.windows(7).any(|w| w == b"marieke"));
        assert_eq!(slot, h.user_slot(" Marieke "));
        assert_ne!(slot, Header::new().user_slot("marieke"));
        assert_eq!(Header::from_bytes(&h.to_bytes()).unwrap(), h);
    }
}
