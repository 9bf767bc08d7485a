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
//! passphrase and passwords. Version 1 dumps (no `encrypted`, no check line) are still read, for
//! the store formats they were written for (1 and 2, unencrypted) and ending with a whole line;
//! one cut exactly after a line cannot be told from a whole one (they have no check line).

use super::{crypt, files, Store, TreeId, FORMAT_VERSION, META_FORMAT};
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

/// A write error of the dump file: a full disk (or a file size limit, a read-only folder) is
/// [`Error::ReadOnly`], so it is named as a refused write; nothing was saved under `path`.
fn write_error(path: &Path, e: std::io::Error) -> Error {
    if crate::error::refuses_writes(&e) {
        Error::ReadOnly {
            detail: format!("{}: {}", path.display(), e.kind()),
        }
    } else {
        io_error(path, e)
    }
}

/// Writes a dump of the whole store to `path` through a temporary file beside it (created new,
/// mode 0600) and a rename, so a half-written or killed dump never carries the final name and
/// never replaces any other file; a missing folder is created 0700. Returns how many entries it
/// holds.
pub fn write(store: &Store, path: &Path, created: &str) -> Result<usize> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() && !dir.is_dir() {
            files::create_private_dir(dir)?;
        }
    }
    let mut file = files::AtomicFile::create(path).map_err(|e| write_error(path, e))?;
    let tmp = file.temporary_path().to_path_buf();
    let count = write_to(store, &mut file, &tmp, created)?;
    file.commit().map_err(|e| write_error(path, e))?;
    Ok(count)
}

fn write_to(
    store: &Store,
    file: &mut files::AtomicFile,
    tmp: &Path,
    created: &str,
) -> Result<usize> {
    let mut out = std::io::BufWriter::new(file);
    let mut hash = Hasher::new();
    let mut line = |bytes: Vec<u8>, hash: &mut Hasher| -> Result<()> {
        hash.update(&bytes);
        out.write_all(&bytes).map_err(|e| write_error(tmp, e))
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
        .map_err(|e| write_error(tmp, e))?;
    out.flush().map_err(|e| write_error(tmp, e))?;
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

/// The newest store format a version 1 dump was ever written for: version 2 dumps (with the
/// check line) came with encryption, while the store format was 2, and version 1 dumps were
/// never encrypted.
const LAST_V1_FORMAT: u32 = 2;

/// What is wrong with a backup file (see [`Error::BadBackup`], which names the line). The
/// English `Display` is for logs; front ends say it in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupProblem {
    /// The file could not be read (what the system said).
    Unreadable(String),
    /// The file is empty.
    Empty,
    /// The first line is no dump header.
    NoHeader,
    /// A dump version this kapstok does not read.
    UnsupportedVersion(u32),
    /// Text after the check line (the line of the check line).
    AfterCheckLine(usize),
    /// A line that is not UTF-8.
    NotUtf8,
    /// A line that is no backup entry (the file is cut short or damaged).
    NotAnEntry,
    /// The last line ends without a newline: the file was cut short.
    CutShort,
    /// An entry names a tree this kapstok does not know.
    UnknownTree(String),
    /// An entry's key is not hex.
    KeyNotHex,
    /// An entry's value is not hex.
    ValueNotHex,
    /// A record key that is not 8 bytes.
    KeyLength,
    /// An unencrypted value in an encrypted backup.
    UnencryptedValue,
    /// A value that is not a kapstok record.
    NotARecord,
    /// A key that appears twice.
    Repeated,
    /// Fewer or more entries than the check line says.
    Incomplete {
        /// Entries found.
        found: u64,
        /// Entries the check line names.
        expected: u64,
    },
    /// The check sum does not match.
    Damaged,
    /// The check line is missing (the file is cut short).
    NoCheckLine,
    /// The format version entry is not 4 bytes.
    BadFormatVersion,
    /// There is no format version entry.
    NoFormatVersion,
    /// The header's format version differs from the entries'.
    FormatVersionDiffers,
    /// Format version 0.
    FormatVersionZero,
    /// An old (version 1) dump claiming a store format or encryption no version 1 dump had.
    ForgedOldDump,
    /// The header and the keys disagree on encryption.
    EncryptionDisagrees,
    /// An encrypted backup given to a restore that encrypts.
    AlreadyEncrypted,
}

impl std::fmt::Display for BackupProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BackupProblem::Unreadable(e) => write!(f, "cannot be read: {e}"),
            BackupProblem::Empty => f.write_str("not a kapstok dump (the file is empty)"),
            BackupProblem::NoHeader => {
                f.write_str("not a kapstok dump (the first line is no dump header)")
            }
            BackupProblem::UnsupportedVersion(v) => write!(
                f,
                "dump version {v} is not supported (this kapstok reads up to {DUMP_VERSION})"
            ),
            BackupProblem::AfterCheckLine(at) => {
                write!(f, "text after the check line (line {at})")
            }
            BackupProblem::NotUtf8 => f.write_str("not UTF-8"),
            BackupProblem::NotAnEntry => {
                f.write_str("not a backup entry (the file is cut short or damaged)")
            }
            BackupProblem::CutShort => f.write_str("the line is cut short: the file is incomplete"),
            BackupProblem::UnknownTree(t) => write!(f, "unknown tree \"{t}\""),
            BackupProblem::KeyNotHex => f.write_str("key is not hex"),
            BackupProblem::ValueNotHex => f.write_str("value is not hex"),
            BackupProblem::KeyLength => f.write_str("a record key must be 8 bytes"),
            BackupProblem::UnencryptedValue => {
                f.write_str("an unencrypted value in an encrypted backup")
            }
            BackupProblem::NotARecord => f.write_str("a value that is not a kapstok record"),
            BackupProblem::Repeated => f.write_str("this key appears twice"),
            BackupProblem::Incomplete { found, expected } => write!(
                f,
                "the backup is incomplete: {found} entries, the check line says {expected}"
            ),
            BackupProblem::Damaged => {
                f.write_str("the backup is damaged: its check sum does not match")
            }
            BackupProblem::NoCheckLine => {
                f.write_str("the backup is incomplete: its check line is missing")
            }
            BackupProblem::BadFormatVersion => f.write_str("the format version is not 4 bytes"),
            BackupProblem::NoFormatVersion => f.write_str("the backup holds no format version"),
            BackupProblem::FormatVersionDiffers => {
                f.write_str("the header's format version differs from the store's")
            }
            BackupProblem::FormatVersionZero => f.write_str("format version 0 does not exist"),
            BackupProblem::ForgedOldDump => f.write_str(
                "an old (version 1) dump of a store format or encryption no version 1 dump had",
            ),
            BackupProblem::EncryptionDisagrees => {
                f.write_str("the header and the keys disagree on encryption")
            }
            BackupProblem::AlreadyEncrypted => {
                f.write_str("the backup is already encrypted: restore it without encryption")
            }
        }
    }
}

/// Reads and checks a whole dump without writing anything: the layout, the check line (count
/// and hash), every tree name, key and value, no key twice, the format version; a last line
/// without its newline is refused (the file was cut short), and a version 1 dump (no check
/// line) only for the store formats version 1 dumps were written for, unencrypted.
fn check(mut input: impl BufRead, source: &Path) -> Result<Checked> {
    let bad = |line: usize, problem: BackupProblem| Error::BadBackup {
        path: source.display().to_string(),
        line,
        problem,
    };
    // One line with its newline; `false` when the file ended without one.
    let mut next_line = |n: usize| -> Result<Option<(Vec<u8>, bool)>> {
        let mut buf = Vec::new();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => Ok(None),
            Ok(_) => {
                let whole = buf.last() == Some(&b'\n');
                if whole {
                    buf.pop();
                }
                Ok(Some((buf, whole)))
            }
            Err(e) => Err(bad(n, BackupProblem::Unreadable(e.to_string()))),
        }
    };
    let mut hash = Hasher::new();
    let (first, first_whole) = match next_line(1)? {
        Some((bytes, whole)) if !bytes.is_empty() => (bytes, whole),
        _ => return Err(bad(1, BackupProblem::Empty)),
    };
    let header: Header =
        serde_json::from_slice(&first).map_err(|_| bad(1, BackupProblem::NoHeader))?;
    if header.kapstok_dump == 0 || header.kapstok_dump > DUMP_VERSION {
        return Err(bad(
            1,
            BackupProblem::UnsupportedVersion(header.kapstok_dump),
        ));
    }
    if !first_whole {
        return Err(bad(1, BackupProblem::CutShort));
    }
    let old = header.kapstok_dump < 2;
    if old && (header.encrypted || header.format_version > LAST_V1_FORMAT) {
        return Err(bad(1, BackupProblem::ForgedOldDump));
    }
    hash.update(&first);
    hash.update(b"\n");
    let mut entries: BTreeMap<(usize, Vec<u8>), Vec<u8>> = BTreeMap::new();
    let mut trailer: Option<(usize, Trailer)> = None;
    let mut n = 1;
    while let Some((bytes, whole)) = next_line(n + 1)? {
        n += 1;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if !whole {
            return Err(bad(n, BackupProblem::CutShort));
        }
        if let Some((at, _)) = &trailer {
            return Err(bad(n, BackupProblem::AfterCheckLine(*at)));
        }
        let text = std::str::from_utf8(&bytes).map_err(|_| bad(n, BackupProblem::NotUtf8))?;
        if let Ok(end) = serde_json::from_str::<Trailer>(text) {
            trailer = Some((n, end));
            continue;
        }
        hash.update(&bytes);
        hash.update(b"\n");
        let entry: Entry =
            serde_json::from_str(text).map_err(|_| bad(n, BackupProblem::NotAnEntry))?;
        let tree = TreeId::from_name(&entry.tree)
            .ok_or_else(|| bad(n, BackupProblem::UnknownTree(entry.tree.clone())))?;
        let key = unhex(&entry.key).ok_or_else(|| bad(n, BackupProblem::KeyNotHex))?;
        let value = unhex(&entry.value).ok_or_else(|| bad(n, BackupProblem::ValueNotHex))?;
        if tree != TreeId::Meta && key.len() != 8 {
            return Err(bad(n, BackupProblem::KeyLength));
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
                        BackupProblem::UnencryptedValue
                    } else {
                        BackupProblem::NotARecord
                    },
                ));
            }
        }
        if entries.insert((tree as usize, key), value).is_some() {
            return Err(bad(n, BackupProblem::Repeated));
        }
    }
    match trailer {
        Some((n, end)) => {
            if end.end != entries.len() as u64 {
                return Err(bad(
                    n,
                    BackupProblem::Incomplete {
                        found: entries.len() as u64,
                        expected: end.end,
                    },
                ));
            }
            if end.blake2b != hex(&hash.finalize()) {
                return Err(bad(n, BackupProblem::Damaged));
            }
        }
        None if !old => return Err(bad(n + 1, BackupProblem::NoCheckLine)),
        None => {}
    }
    let meta = TreeId::Meta as usize;
    let format_version = match entries.get(&(meta, META_FORMAT.to_vec())) {
        Some(v) => <[u8; 4]>::try_from(v.as_slice())
            .map(u32::from_be_bytes)
            .map_err(|_| bad(0, BackupProblem::BadFormatVersion))?,
        None => return Err(bad(0, BackupProblem::NoFormatVersion)),
    };
    if format_version != header.format_version {
        return Err(bad(1, BackupProblem::FormatVersionDiffers));
    }
    if format_version == 0 {
        return Err(bad(1, BackupProblem::FormatVersionZero));
    }
    if format_version > FORMAT_VERSION {
        return Err(Error::NewerFormat {
            found: format_version,
            supported: FORMAT_VERSION,
        });
    }
    let has_header = entries.contains_key(&(meta, crypt::META_HEADER.to_vec()));
    if has_header != header.encrypted {
        return Err(bad(1, BackupProblem::EncryptionDisagrees));
    }
    Ok(Checked {
        format_version,
        entries: entries
            .into_iter()
            .map(|((tree, key), value)| (TreeId::ALL[tree], key, value))
            .collect(),
    })
}

/// Reads and checks a whole backup file without writing anything (the checks of [`restore`]):
/// a restore can refuse a bad file before it creates the store's folder. Returns the dump's
/// format version.
pub fn verify(input: impl BufRead, source: &Path) -> Result<u32> {
    check(input, source).map(|c| c.format_version)
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
        return Err(Error::BadBackup {
            path: source.display().to_string(),
            line: 1,
            problem: BackupProblem::AlreadyEncrypted,
        });
    }
    let header = crypt::Header::new();
    let key = crypt::DataKey::random();
    let mut entries = Vec::with_capacity(checked.entries.len() + 2);
    for (tree, k, value) in &checked.entries {
        // Blinded keys (the birthday index's) are blinded with the new data key (see
        // `TreeId::blinded_key`).
        let k = match tree.blinded_key() {
            Some(id_of) => super::codec::id_key(key.blind(*tree, id_of(value, k)?)).to_vec(),
            None => k.clone(),
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
