//! A raw, portable dump of every tree: JSON lines, one per key, with the format version in the
//! first line. Written before every migration, so a failed or unwanted migration can be undone with
//! an older kapstok, and independent of sled's on-disk format.
//!
//! ```text
//! {"kapstok_dump":1,"format_version":1,"created":"2026-11-23T10:00:00"}
//! {"tree":"members","key":"0000000000000001","value":"01..."}
//! ```

use super::{Store, TreeId};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::io::BufRead;
use std::path::Path;

/// The version of the dump layout itself.
pub const DUMP_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Header {
    kapstok_dump: u32,
    format_version: u32,
    created: String,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    tree: String,
    key: String,
    value: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 {
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
/// half-written dump never carries the final name).
pub fn write(store: &Store, path: &Path, created: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    }
    let tmp = path.with_extension("partial");
    let file = std::fs::File::create(&tmp).map_err(|e| io_error(&tmp, e))?;
    let mut out = std::io::BufWriter::new(file);
    let header = Header {
        kapstok_dump: DUMP_VERSION,
        format_version: store.format_version()?.unwrap_or(0),
        created: created.to_string(),
    };
    let mut line = |value: &dyn erased::Json| -> Result<()> {
        value.write_line(&mut out).map_err(|e| io_error(&tmp, e))
    };
    line(&header)?;
    for tree in TreeId::ALL {
        for item in store.tree(tree).iter() {
            let (key, value) = item?;
            line(&Entry {
                tree: tree.name().into(),
                key: hex(&key),
                value: hex(&value),
            })?;
        }
    }
    let file = out.into_inner().map_err(|e| io_error(&tmp, e.error()))?;
    file.sync_all().map_err(|e| io_error(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| io_error(path, e))
}

/// Restores a dump into a blank store (see [`Store::is_blank`]: a store [`Store::open`] just
/// created is blank; its format version is replaced by the dump's). The whole file is read and
/// checked before anything is written; a store that holds anything is refused.
pub fn restore(store: &Store, input: impl BufRead, source: &Path) -> Result<u32> {
    if !store.is_blank() {
        return Err(Error::NotEmpty);
    }
    let bad = |line: usize, what: &str| Error::Io {
        path: source.display().to_string(),
        detail: format!("line {line}: {what}"),
    };
    let mut lines = input.lines();
    let header: Header = match lines.next() {
        Some(Ok(text)) => serde_json::from_str(&text).map_err(|e| bad(1, &e.to_string()))?,
        _ => return Err(bad(1, "not a kapstok dump")),
    };
    if header.kapstok_dump != DUMP_VERSION {
        return Err(bad(
            1,
            &format!("dump version {} is not supported", header.kapstok_dump),
        ));
    }
    let mut entries = Vec::new();
    for (index, text) in lines.enumerate() {
        let n = index + 2;
        let text = text.map_err(|e| bad(n, &e.to_string()))?;
        if text.trim().is_empty() {
            continue;
        }
        let entry: Entry = serde_json::from_str(&text).map_err(|e| bad(n, &e.to_string()))?;
        let tree = TreeId::from_name(&entry.tree).ok_or_else(|| bad(n, "unknown tree"))?;
        let key = unhex(&entry.key).ok_or_else(|| bad(n, "key is not hex"))?;
        let value = unhex(&entry.value).ok_or_else(|| bad(n, "value is not hex"))?;
        entries.push((tree, key, value));
    }
    for tree in TreeId::ALL {
        let mut batch = sled::Batch::default();
        for (_, key, value) in entries.iter().filter(|(t, _, _)| *t == tree) {
            batch.insert(key.as_slice(), value.as_slice());
        }
        store.tree(tree).apply_batch(batch)?;
    }
    store.flush()?;
    Ok(header.format_version)
}

mod erased {
    use serde::Serialize;
    use std::io::Write;

    /// Object-safe "serialise as one JSON line".
    pub trait Json {
        fn write_line(&self, out: &mut dyn Write) -> std::io::Result<()>;
    }

    impl<T: Serialize> Json for T {
        fn write_line(&self, out: &mut dyn Write) -> std::io::Result<()> {
            serde_json::to_writer(&mut *out, self)?;
            out.write_all(b"\n")
        }
    }
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
