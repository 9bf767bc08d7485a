//! The value codec: one tag byte naming the encoding, then the encoded versioned enum.
//!
//! Tag 1 is bincode 2 (`config::standard()`, through serde). bincode is positional, so a stored
//! struct never changes shape: a new shape is a new variant of the record's versioned enum. Keeping
//! bincode behind this module means it can be swapped (for postcard, say) under a new tag without
//! touching the areas.

use crate::error::{Error, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The tag of bincode 2 with the standard configuration.
pub const TAG_BINCODE2: u8 = 1;

/// Encodes a value: tag byte, then bincode.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    let mut out = vec![TAG_BINCODE2];
    bincode::serde::encode_into_std_write(value, &mut out, bincode::config::standard())
        .map_err(|e| Error::Storage(format!("cannot encode a record: {e}")))?;
    Ok(out)
}

/// Decodes a value written by [`encode`]; `tree` and `key` name the record in the error.
pub fn decode<T: DeserializeOwned>(bytes: &[u8], tree: &str, key: &[u8]) -> Result<T> {
    let corrupt = |detail: String| Error::Corrupt {
        tree: tree.to_string(),
        key: key_text(key),
        detail,
    };
    let Some((&tag, body)) = bytes.split_first() else {
        return Err(corrupt("empty value".into()));
    };
    if tag != TAG_BINCODE2 {
        return Err(corrupt(format!("unknown codec tag {tag}")));
    }
    let (value, used) = bincode::serde::decode_from_slice(body, bincode::config::standard())
        .map_err(|e| corrupt(e.to_string()))?;
    if used != body.len() {
        return Err(corrupt(format!(
            "{} bytes left over after the record",
            body.len() - used
        )));
    }
    Ok(value)
}

/// A key as people read it: an 8-byte key is shown as its number, others as text or hex.
pub fn key_text(key: &[u8]) -> String {
    if let Ok(bytes) = <[u8; 8]>::try_from(key) {
        return u64::from_be_bytes(bytes).to_string();
    }
    match std::str::from_utf8(key) {
        Ok(text) if text.chars().all(|c| !c.is_control()) => text.to_string(),
        _ => key.iter().map(|b| format!("{b:02x}")).collect(),
    }
}

/// The big-endian key of an id, so that iteration order is id order.
pub fn id_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}
