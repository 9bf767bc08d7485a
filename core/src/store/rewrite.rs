//! Rewriting the store into a fresh folder, so that old versions of values are gone from disk.
//!
//! sled is log-structured: overwriting a value appends the new version to a log segment, and the
//! old version stays in the `db` file until sled happens to clean that segment. After an erasure
//! the erased name can therefore still be read from the raw files (a test in
//! `core/tests/privacy.rs` shows it). The only sure way out is to copy the *current* contents of
//! every tree into a new sled database and throw the old files away:
//!
//! 1. every tree (also ones this kapstok does not know) is copied key by key into
//!    `<store>.rewrite`, flushed, and checked (same keys and values); other files in the store's
//!    folder that are not sled's own are copied along;
//! 2. the marker `<store>.rewrite-complete` is written;
//! 3. the old folder is renamed to `<store>.old`, the new one to `<store>`, the marker removed;
//! 4. the old files are overwritten with zeros and removed.
//!
//! A crash at any step is repaired by [`recover`] on the next open: before the marker the copy
//! is thrown away and the old store kept; after it the swap is finished.
//!
//! Overwriting with zeros reaches the file's blocks on ordinary file systems; on copy-on-write
//! file systems and SSDs the old blocks may survive at the device level. Encryption at rest is the
//! answer to that, not this module.

use super::Store;
use crate::error::{Error, Result};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a rewrite did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    /// Trees copied.
    pub trees: usize,
    /// Keys copied, over all trees.
    pub keys: usize,
    /// Size of the store's files before, in bytes.
    pub bytes_before: u64,
    /// Size of the store's files after, in bytes.
    pub bytes_after: u64,
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "kapstok".into());
    name.push(suffix);
    path.with_file_name(name)
}

fn io(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

/// Files sled writes itself; anything else in the folder is copied along as it is.
fn is_sled_file(name: &str) -> bool {
    matches!(name, "conf" | "db" | "blobs") || name.starts_with("snap.")
}

fn dir_size(path: &Path) -> u64 {
    let Ok(entries) = fs::read_dir(path) else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok())
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

/// Overwrites every file under `path` with zeros (synced), then removes the folder.
fn shred_dir(path: &Path) -> Result<()> {
    for entry in fs::read_dir(path).map_err(|e| io(path, e))? {
        let entry = entry.map_err(|e| io(path, e))?;
        let p = entry.path();
        let meta = entry.metadata().map_err(|e| io(&p, e))?;
        if meta.is_dir() {
            shred_dir(&p)?;
            continue;
        }
        let mut file = fs::OpenOptions::new()
            .write(true)
            .open(&p)
            .map_err(|e| io(&p, e))?;
        let zeros = vec![0u8; 64 * 1024];
        let mut left = meta.len();
        while left > 0 {
            let n = left.min(zeros.len() as u64) as usize;
            file.write_all(&zeros[..n]).map_err(|e| io(&p, e))?;
            left -= n as u64;
        }
        file.sync_all().map_err(|e| io(&p, e))?;
    }
    fs::remove_dir_all(path).map_err(|e| io(path, e))
}

/// The marker beside the store saying a rewrite is due (written after an erasure).
pub fn pending_marker(path: &Path) -> PathBuf {
    sibling(path, ".rewrite-pending")
}

/// Notes that the store at `path` must be rewritten: done by [`rewrite`], or on the next open
/// when the program ended before (crashed, or a front end that cannot let go of the store).
pub fn mark_pending(path: &Path) -> Result<()> {
    let marker = pending_marker(path);
    let file = fs::File::create(&marker).map_err(|e| io(&marker, e))?;
    file.sync_all().map_err(|e| io(&marker, e))
}

/// On open: when a rewrite is due, rewrites the store and opens it again. A rewrite that fails
/// (a full disk, say) does not keep the store from opening: the old files are still the store
/// (or the swap is finished by [`recover`]), and the marker stays, so the next open tries again;
/// [`crate::privacy::rewrite_pending`] reports it.
pub(super) fn finish_pending(
    store: Store,
    opened: super::Opened,
) -> Result<(Store, super::Opened)> {
    if !pending_marker(&store.path).exists() {
        return Ok((store, opened));
    }
    let path = store.path.clone();
    if rewrite(store).is_err() {
        recover(&path)?;
    }
    // sled lets go of its lock from a background thread after the handles are dropped
    // (spacejam/sled#1289): wait for it; another process holding it still fails.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match Store::open_now(&path) {
            Err(Error::AlreadyOpen { .. }) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            other => return other.map(|(s, _)| (s, opened)),
        }
    }
}

/// Repairs an interrupted rewrite of the store at `path` (called on every open).
pub fn recover(path: &Path) -> Result<()> {
    let new = sibling(path, ".rewrite");
    let old = sibling(path, ".old");
    let marker = sibling(path, ".rewrite-complete");
    if marker.exists() {
        // The copy is complete and checked: finish the swap.
        if new.exists() {
            if path.exists() {
                fs::rename(path, &old).map_err(|e| io(path, e))?;
            }
            fs::rename(&new, path).map_err(|e| io(&new, e))?;
        }
        fs::remove_file(&marker).map_err(|e| io(&marker, e))?;
    } else if new.exists() {
        // The copy did not finish: the old store is still the store.
        fs::remove_dir_all(&new).map_err(|e| io(&new, e))?;
    }
    if old.exists() && path.exists() {
        shred_dir(&old)?;
    }
    Ok(())
}

/// Copies every tree of `store` into a fresh database at `<store>.rewrite` and checks the copy.
fn copy(store: &Store, new: &Path) -> Result<(usize, usize)> {
    if new.exists() {
        fs::remove_dir_all(new).map_err(|e| io(new, e))?;
    }
    let target = sled::Config::new()
        .path(new)
        .open()
        .map_err(|e| Error::Storage(format!("cannot create {}: {e}", new.display())))?;
    let mut trees = 0;
    let mut keys = 0;
    for name in store.db.tree_names() {
        let from = store.db.open_tree(&name)?;
        let to = target.open_tree(&name)?;
        let mut batch = sled::Batch::default();
        for item in from.iter() {
            let (k, v) = item?;
            batch.insert(k, v);
            keys += 1;
        }
        to.apply_batch(batch)?;
        trees += 1;
    }
    target.flush()?;
    for name in store.db.tree_names() {
        let from = store.db.open_tree(&name)?;
        let to = target.open_tree(&name)?;
        let same = from.len() == to.len()
            && from
                .iter()
                .zip(to.iter())
                .all(|(a, b)| matches!((a, b), (Ok(a), Ok(b)) if a == b));
        if !same {
            return Err(Error::Storage(format!(
                "the copy of tree {} differs from the original; the store was left as it was",
                String::from_utf8_lossy(&name)
            )));
        }
    }
    drop(target);
    for entry in fs::read_dir(&store.path).map_err(|e| io(&store.path, e))? {
        let entry = entry.map_err(|e| io(&store.path, e))?;
        let name = entry.file_name().to_string_lossy().to_string();
        if is_sled_file(&name) || !entry.path().is_file() {
            continue;
        }
        fs::copy(entry.path(), new.join(&name)).map_err(|e| io(&entry.path(), e))?;
    }
    Ok((trees, keys))
}

/// Rewrites the store into fresh files and removes the old ones (see the module docs). Takes the
/// store by value: it is closed afterwards, and the caller opens `path` again. Any other handle
/// on the same store must be dropped before (an open handle keeps the old files alive).
pub fn rewrite(store: Store) -> Result<Rewritten> {
    let path = store.path.clone();
    let new = sibling(&path, ".rewrite");
    let old = sibling(&path, ".old");
    let marker = sibling(&path, ".rewrite-complete");
    let bytes_before = dir_size(&path);
    store.flush()?;
    let copied = copy(&store, &new);
    drop(store);
    let (trees, keys) = match copied {
        Ok(done) => done,
        Err(e) => {
            let _ = fs::remove_dir_all(&new);
            return Err(e);
        }
    };
    let m = fs::File::create(&marker).map_err(|e| io(&marker, e))?;
    m.sync_all().map_err(|e| io(&marker, e))?;
    drop(m);
    if old.exists() {
        shred_dir(&old)?;
    }
    fs::rename(&path, &old).map_err(|e| io(&path, e))?;
    fs::rename(&new, &path).map_err(|e| io(&new, e))?;
    fs::remove_file(&marker).map_err(|e| io(&marker, e))?;
    shred_dir(&old)?;
    let pending = pending_marker(&path);
    if pending.exists() {
        fs::remove_file(&pending).map_err(|e| io(&pending, e))?;
    }
    Ok(Rewritten {
        trees,
        keys,
        bytes_before,
        bytes_after: dir_size(&path),
    })
}
