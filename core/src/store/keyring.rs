//! Unlocking an encrypted store and changing its keys: the store passphrase, a user's password,
//! a new passphrase, a new data key (see [`super::crypt`] for the sealing itself).

use super::*;

impl Store {
    /// Unlocks an encrypted store with the store passphrase ([`Error::BadPassphrase`] when it is
    /// wrong). Nothing happens for an unencrypted or already unlocked store.
    pub fn unlock_with_passphrase(&self, passphrase: &str) -> Result<()> {
        if !self.is_locked() {
            return Ok(());
        }
        let Some(wrap) = self.tree(TreeId::Meta).get(crypt::META_PASSPHRASE)? else {
            return Err(Error::Corrupt {
                tree: "meta".into(),
                key: "crypt/passphrase".into(),
                detail: "an encrypted store without a passphrase key".into(),
            });
        };
        match DataKey::unwrap_with(passphrase, crypt::META_PASSPHRASE, &wrap)? {
            Some(key) => self.set_key(key),
            None => Err(Error::BadPassphrase),
        }
    }

    /// Unlocks an encrypted store with a user's login name and password: their copy of the data
    /// key. [`Error::BadLogin`] when there is no copy for the name or the password is wrong.
    /// Nothing happens for an unencrypted or already unlocked store.
    pub fn unlock_as_user(&self, name: &str, password: &str) -> Result<()> {
        if !self.is_locked() {
            return Ok(());
        }
        let slot = self.header()?.user_slot(name);
        let Some(wrap) = self.tree(TreeId::Meta).get(&slot)? else {
            return Err(Error::BadLogin);
        };
        match DataKey::unwrap_with(password, &slot, &wrap)? {
            Some(key) => self.set_key(key),
            None => Err(Error::BadLogin),
        }
    }

    /// The wrap of the data key for a user, to be written with [`Tx::put_key_wrap`] in the
    /// transaction that adds the user or sets their password. `None` for an unencrypted store.
    /// Derives a key with argon2: call it before the transaction, not inside.
    pub fn user_key_wrap(&self, name: &str, password: &str) -> Result<Option<KeyWrap>> {
        if !self.is_encrypted() {
            return Ok(None);
        }
        let key = self.data_key()?;
        let slot = self.header()?.user_slot(name);
        let value = key.wrap(password, &slot)?;
        Ok(Some(KeyWrap { slot, value }))
    }

    /// Whether a user has a copy of the data key (false in an unencrypted store).
    pub fn has_user_key_wrap(&self, name: &str) -> Result<bool> {
        if !self.is_encrypted() {
            return Ok(false);
        }
        let slot = self.header()?.user_slot(name);
        Ok(self.tree(TreeId::Meta).contains_key(slot)?)
    }

    /// The meta keys of every user's wrap of the data key (hashed, so they name nobody).
    fn user_slots(&self) -> Result<Vec<Vec<u8>>> {
        self.tree(TreeId::Meta)
            .scan_prefix(crypt::META_USER)
            .keys()
            .map(|k| Ok(k?.to_vec()))
            .collect()
    }

    /// Re-wraps the data key with a new store passphrase. The values and the users' copies stay
    /// as they are. The store must be unlocked.
    pub fn change_passphrase(&self, new_passphrase: &str) -> Result<()> {
        check_passphrase(new_passphrase)?;
        let key = self.data_key()?;
        let wrap = key.wrap(new_passphrase, crypt::META_PASSPHRASE)?;
        self.tree(TreeId::Meta)
            .insert(crypt::META_PASSPHRASE, wrap)
            .map_err(|e| storage_error(e, &self.path))?;
        self.flush()
    }

    /// Makes a new data key and re-encrypts every value with it, in one transaction, together
    /// with the new passphrase's wrap and a wrap for each `keep` user (name and password). Every other
    /// user's copy is removed: their old copy would open only the old key, so they need a new
    /// password from an administrator. `extra` runs inside the same transaction (for the audit
    /// entry), sealed with the new key. Returns how many values were re-encrypted.
    ///
    /// Old ciphertext may stay in sled's log files until sled reuses that space; it opens only
    /// with the old key.
    pub fn reencrypt(
        &self,
        new_passphrase: &str,
        keep: &[(&str, &str)],
        extra: impl Fn(&Tx<'_>) -> TxResult<()>,
    ) -> Result<usize> {
        check_passphrase(new_passphrase)?;
        let old = self.data_key()?;
        let header = self.header()?;
        let new = Arc::new(DataKey::random());
        let mut values = Vec::new();
        // Blinded keys (see `TreeId::blinded_key`) move to the new key's.
        let mut moved = Vec::new();
        for tree in TreeId::ALL {
            if tree == TreeId::Meta {
                continue;
            }
            for item in self.tree(tree).iter() {
                let (key, stored) = item?;
                let plain =
                    crypt::open_with(&old, tree, &key, &stored).ok_or_else(|| Error::Corrupt {
                        tree: tree.name().into(),
                        key: codec::key_text(&key),
                        detail: "the value does not decrypt (damaged or moved)".into(),
                    })?;
                let new_key = match tree.blinded_key() {
                    Some(id_of) => {
                        moved.push((tree, key.to_vec()));
                        codec::id_key(new.blind(tree, id_of(&plain, &key)?)).to_vec()
                    }
                    None => key.to_vec(),
                };
                let sealed = crypt::seal_with(&new, tree, &new_key, &plain)?;
                values.push((tree, new_key, sealed));
            }
        }
        let passphrase_wrap = new.wrap(new_passphrase, crypt::META_PASSPHRASE)?;
        let mut wraps = Vec::new();
        for (name, password) in keep {
            let slot = header.user_slot(name);
            wraps.push((slot.clone(), new.wrap(password, &slot)?));
        }
        let old_slots = self.user_slots()?;
        let sealing = Sealing::Open(new.clone());
        let count = values.len();
        self.transact_sealed(&sealing, |tx| {
            for (tree, key) in &moved {
                tx.tree(*tree).remove(key.as_slice())?;
            }
            for (tree, key, sealed) in &values {
                tx.tree(*tree).insert(key.as_slice(), sealed.as_slice())?;
            }
            let meta = tx.tree(TreeId::Meta);
            for slot in &old_slots {
                meta.remove(slot.as_slice())?;
            }
            meta.insert(crypt::META_PASSPHRASE, passphrase_wrap.as_slice())?;
            for (slot, wrap) in &wraps {
                meta.insert(slot.as_slice(), wrap.as_slice())?;
            }
            extra(tx)
        })?;
        self.crypt_state_mut().key = Some(new);
        Ok(count)
    }
}
