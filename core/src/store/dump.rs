//! A raw, portable dump of every tree: JSON lines, one per key, with the format version in the
//! first line and a check line at the end. Written by `kapstok backup`, every day on first open
//! and before every migration, so a failed or unwanted migration can be undone with an older
//! kapstok; independent of sled's on-disk format.
//!
//! ```text
//! {"kapstok_dump":2,"format_version":2,"created":"2026-11-23T10:00:00","encrypted":false}
//! {"tree":"members","key":"0000000000000001","value":"01..."}
//! {"end":1,"blake2b":"<BLAKE2b-256 of every line above, each with its newline>"}
//! ```
//!
//! Values are copied as stored: in an encrypted store they stay sealed, and `meta` carries the
//! wrapped data keys, so the dump is as encrypted as the store and opens with the same
//! passphrase and passwords. Version 1 dumps (no `encrypted`, no check line) are still read.

use super::{crypt, Store, TreeId, FORMAT_VERSION, META_FORMAT};
use crate::error::{Error, Result};
use blake2::{Blake2b, Digest};
use serde::{Deserialize, Serialize};
use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::Path;

/// The version of the dump layout itself.
pub const DUMP_VERSION: u32 = 2;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    kapstok_dump: u32,
    format_version: u32,
    created: String,
    #[serde(default)]
    encrypted: bool,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    tree: String,
    key: String,
    value: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Trailer {
    end: u64,
    blake2b: String,
}

type Hasher = Blake2b<blake2::digest::consts::U32>;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

/// Writes a dump of the whole store to `path` (through a temporary file and a rename, so a
/// half-written dump never carries the final name). Returns how many entries it holds.
pub fn write(store: &Store, path: &Path, created: &str) -> Result<usize> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
        }
    }
    let tmp = path.with_extension("partial");
    let result = write_to(store, &tmp, created);
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    let count = result?;
    std::fs::rename(&tmp, path).map_err(|e| io_error(path, e))?;
    Ok(count)
}

fn write_to(store: &Store, tmp: &Path, created: &str) -> Result<usize> {
    let file = std::fs::File::create(tmp).map_err(|e| io_error(tmp, e))?;
    let mut out = std::io::BufWriter::new(file);
    let mut hash = Hasher::new();
    let mut line = |bytes: Vec<u8>, hash: &mut Hasher| -> Result<()> {
        hash.update(&bytes);
        out.write_all(&bytes).map_err(|e| io_error(tmp, e))
    };
    let header = Header {
        kapstok_dump: DUMP_VERSION,
        format_version: store.format_version()?.unwrap_or(0),
        created: created.to_string(),
        encrypted: store.is_encrypted(),
    };
    line(json_line(&header)?, &mut hash)?;
    let mut count = 0usize;
    for tree in TreeId::ALL {
        for item in store.tree(tree).iter() {
            let (key, value) = item?;
            line(
                json_line(&Entry {
                    tree: tree.name().into(),
                    key: hex(&key),
                    value: hex(&value),
                })?,
                &mut hash,
            )?;
            count += 1;
        }
    }
    let trailer = Trailer {
        end: count as u64,
        blake2b: hex(&hash.finalize()),
    };
    out.write_all(&json_line(&trailer)?)
        .map_err(|e| io_error(tmp, e))?;
    let file = out.into_inner().map_err(|e| io_error(tmp, e.error()))?;
    file.sync_all().map_err(|e| io_error(tmp, e))?;
    Ok(count)
}

fn json_line(value: &impl Serialize) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec(value)
        .map_err(|e| Error::Storage(format!("cannot write a dump line: {e}")))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// What a dump holds, checked and ready to write.
struct Checked {
    format_version: u32,
    entries: Vec<(TreeId, Vec<u8>, Vec<u8>)>,
}

/// Reads and checks a whole dump without writing anything: the layout, the check line (count
/// and hash), every tree name, key and value, no key twice, the format version.
fn check(input: impl BufRead, source: &Path) -> Result<Checked> {
    let bad = |line: usize, what: &str| Error::Io {
        path: source.display().to_string(),
        detail: format!("line {line}: {what}"),
    };
    let mut lines = input.split(b'\n');
    let mut hash = Hasher::new();
    let first = match lines.next() {
        Some(Ok(bytes)) if !bytes.is_empty() => bytes,
        Some(Err(e)) => return Err(bad(1, &e.to_string())),
        _ => return Err(bad(1, "not a kapstok dump (the file is empty)")),
    };
    let header: Header = serde_json::from_slice(&first)
        .map_err(|_| bad(1, "not a kapstok dump (the first line is no dump header)"))?;
    if header.kapstok_dump == 0 || header.kapstok_dump > DUMP_VERSION {
        return Err(bad(
            1,
            &format!(
                "dump version {} is not supported (this kapstok reads up to {DUMP_VERSION})",
                header.kapstok_dump
            ),
        ));
    }
    hash.update(&first);
    hash.update(b"\n");
    let mut entries: BTreeMap<(usize, Vec<u8>), Vec<u8>> = BTreeMap::new();
    let mut trailer: Option<(usize, Trailer)> = None;
    for (index, bytes) in lines.enumerate() {
        let n = index + 2;
        let bytes = bytes.map_err(|e| bad(n, &e.to_string()))?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if let Some((at, _)) = &trailer {
            return Err(bad(n, &format!("text after the check line (line {at})")));
        }
        let text = std::str::from_utf8(&bytes).map_err(|_| bad(n, "not UTF-8"))?;
        if let Ok(end) = serde_json::from_str::<Trailer>(text) {
            trailer = Some((n, end));
            continue;
        }
        hash.update(&bytes);
        hash.update(b"\n");
        let entry: Entry =
            serde_json::from_str(text).map_err(|e| bad(n, &format!("not a backup entry: {e}")))?;
        let tree = TreeId::from_name(&entry.tree)
            .ok_or_else(|| bad(n, &format!("unknown tree \"{}\"", entry.tree)))?;
        let key = unhex(&entry.key).ok_or_else(|| bad(n, "key is not hex"))?;
        let value = unhex(&entry.value).ok_or_else(|| bad(n, "value is not hex"))?;
        if tree != TreeId::Meta && key.len() != 8 {
            return Err(bad(n, "a record key must be 8 bytes"));
        }
        if tree != TreeId::Meta {
            let expected = if header.encrypted {
                crypt::TAG_SEALED
            } else {
                super::codec::TAG_BINCODE2
            };
            if value.first() != Some(&expected) {
                return Err(bad(
                    n,
                    if header.encrypted {
                        "an unencrypted value in an encrypted backup"
                    } else {
                        "a value that is not a kapstok record"
                    },
                ));
            }
        }
        if entries.insert((tree as usize, key), value).is_some() {
            return Err(bad(n, "this key appears twice"));
        }
    }
    match trailer {
        Some((n, end)) => {
            if end.end != entries.len() as u64 {
                return Err(bad(
                    n,
                    &format!(
                        "the backup is incomplete: {} entries, the check line says {}",
                        entries.len(),
                        end.end
                    ),
                ));
            }
            if end.blake2b != hex(&hash.finalize()) {
                return Err(bad(
                    n,
                    "the backup is damaged: its check sum does not match",
                ));
            }
        }
        None if header.kapstok_dump >= 2 => {
            return Err(bad(
                0,
                "the backup is incomplete: its check line is missing",
            ))
        }
        None => {}
    }
    let meta = TreeId::Meta as usize;
    let format_version = match entries.get(&(meta, META_FORMAT.to_vec())) {
        Some(v) => <[u8; 4]>::try_from(v.as_slice())
            .map(u32::from_be_bytes)
            .map_err(|_| bad(0, "the format version is not 4 bytes"))?,
        None => return Err(bad(0, "the backup holds no format version")),
    };
    if format_version != header.format_version {
        return Err(bad(
            1,
            "the header's format version differs from the store's",
        ));
    }
    if format_version == 0 {
        return Err(bad(1, "format version 0 does not exist"));
    }
    if format_version > FORMAT_VERSION {
        return Err(Error::NewerFormat {
            found: format_version,
            supported: FORMAT_VERSION,
        });
    }
    let has_header = entries.contains_key(&(meta, crypt::META_HEADER.to_vec()));
    if has_header != header.encrypted {
        return Err(bad(1, "the header and the keys disagree on encryption"));
    }
    Ok(Checked {
        format_version,
        entries: entries
            .into_iter()
            .map(|((tree, key), value)| (TreeId::ALL[tree], key, value))
            .collect(),
    })
}

/// Restores a dump into a blank store (see [`Store::is_blank`]: a store [`Store::open`] just
/// created is blank; its format version is replaced by the dump's). The whole file is read and
/// checked before anything is written, and then written in one transaction: a bad file, or a
/// store that holds anything, leaves the store as it was. Returns the dump's format version (an
/// older one is migrated when the store is opened next).
pub fn restore(store: &Store, input: impl BufRead, source: &Path) -> Result<u32> {
    if !store.is_blank() {
        return Err(Error::NotEmpty);
    }
    let checked = check(input, source)?;
    write_all(store, &checked.entries)?;
    store.reload_crypt_header()?;
    Ok(checked.format_version)
}

/// Restores an **unencrypted** dump into a blank store and encrypts it on the way: a new data
/// key, wrapped with `passphrase`, seals every value before it is written (all in one
/// transaction, after the whole file was checked). The way to encrypt an existing association:
/// back it up, restore the backup with encryption into a new store. The users have no copy of
/// the new key yet: each logs in once after the passphrase unlocked the store (see
/// [`crate::Kapstok::login`]). An encrypted dump is refused here (restore it as it is).
pub fn restore_encrypted(
    store: &Store,
    input: impl BufRead,
    source: &Path,
    passphrase: &str,
) -> Result<u32> {
    super::check_passphrase(passphrase)?;
    if !store.is_blank() || store.is_encrypted() {
        return Err(Error::NotEmpty);
    }
    let checked = check(input, source)?;
    let has_header = checked
        .entries
        .iter()
        .any(|(t, k, _)| *t == TreeId::Meta && k.as_slice() == crypt::META_HEADER);
    if has_header {
        return Err(Error::Io {
            path: source.display().to_string(),
            detail: "line 1: the backup is already encrypted: restore it without encryption".into(),
        });
    }
    let header = crypt::Header::new();
    let key = crypt::DataKey::random();
    let mut entries = Vec::with_capacity(checked.entries.len() + 2);
    for (tree, k, value) in &checked.entries {
        // The birthday index's keys are blinded with the new data key (see `crypt::DataKey::blind`).
        let k = if *tree == TreeId::Birthdays {
            let day = crate::members::birthdays::day_of(value, k)?;
            crate::store::codec::id_key(key.blind(*tree, day)).to_vec()
        } else {
            k.clone()
        };
        let value = if *tree == TreeId::Meta {
            value.clone()
        } else {
            crypt::seal_with(&key, *tree, &k, value)?
        };
        entries.push((*tree, k, value));
    }
    entries.push((TreeId::Meta, crypt::META_HEADER.to_vec(), header.to_bytes()));
    entries.push((
        TreeId::Meta,
        crypt::META_PASSPHRASE.to_vec(),
        key.wrap(passphrase, crypt::META_PASSPHRASE)?,
    ));
    write_all(store, &entries)?;
    store.reload_crypt_header()?;
    Ok(checked.format_version)
}

/// Writes checked entries in one transaction, then flushes.
fn write_all(store: &Store, entries: &[(TreeId, Vec<u8>, Vec<u8>)]) -> Result<()> {
    let result = store.trees.as_slice().transaction(|trees| {
        for (tree, key, value) in entries {
            trees[*tree as usize].insert(key.as_slice(), value.as_slice())?;
        }
        Ok::<(), ConflictableTransactionError<Error>>(())
    });
    match result {
        Ok(()) => {}
        Err(TransactionError::Abort(e)) => return Err(e),
        Err(TransactionError::Storage(e)) => {
            return Err(store.fail(super::storage_error(e, store.path())))
        }
    }
    store.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        let bytes = vec![0u8, 1, 127, 255];
        assert_eq!(unhex(&hex(&bytes)), Some(bytes));
        assert_eq!(unhex("0g"), None);
        assert_eq!(unhex("abc"), None);
    }
}
