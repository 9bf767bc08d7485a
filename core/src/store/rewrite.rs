//! Rewriting the store into a fresh folder, so that old versions of values are gone from disk.
//!
//! sled is log-structured: overwriting a value appends the new version to a log segment, and the
//! old version stays in the `db` file until sled happens to clean that segment. After an erasure
//! the erased name can therefore still be read from the raw files (a test in
//! `core/tests/privacy.rs` shows it). The only sure way out is to copy the *current* contents of
//! every tree into a new sled database and throw the old files away.
//!
//! That a rewrite is due is written in the erasure's own transaction (`rewrite/due` in `meta`,
//! see [`super::keys::meta::REWRITE_DUE`]), so no crash between the two can leave the erased
//! name on disk for good; every open does a rewrite still due. The copy leaves that key out.
//!
//! Everything below runs under the store's lock (`<store>.lock`, see `lock`), from the recovery
//! on open to the reopen after the swap: a second kapstok started at any moment is refused before
//! it looks at any file. Each step leaves one complete store where the next open looks, and is
//! on disk (files, markers and directory entries fsynced) before the next step begins:
//!
//! 1. every tree (also ones this kapstok does not know) is copied key by key into
//!    `<store>.rewrite`, flushed, checked (same keys and values) and fsynced; other files in the
//!    store's folder that are not sled's own are copied along;
//! 2. the marker `<store>.rewrite-complete` is written;
//! 3. the old folder is renamed to `<store>.old`, the new one to `<store>`, the marker removed;
//! 4. the old files are overwritten with zeros and removed.
//!
//! A crash at any step is repaired by [`recover`] on the next open: before the marker the copy
//! is thrown away and the old store kept; after it the swap is finished. A state that no step
//! leaves (the store's folder gone, say) is refused with what was found, never replaced by an
//! empty store.
//!
//! Overwriting with zeros reaches the file's blocks on ordinary file systems; on copy-on-write
//! file systems and SSDs the old blocks may survive at the device level. Encryption at rest is the
//! answer to that, not this module.

use super::keys::meta;
use super::lock::StoreLock;
use super::{Store, TreeId};
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

/// The moments of a rewrite at which a test may stop it, as a kill would (see [`rewrite_with`]).
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The old store is closed; nothing is written yet.
    Closed,
    /// The copy is written and checked, the marker not yet.
    Copied,
    /// The marker is on disk; the old store is still in place.
    Marked,
    /// The old store is renamed to `<store>.old`; the new one is not in place yet.
    OldMoved,
    /// The new store is in place; the marker is still there.
    NewMoved,
    /// The marker is gone; the old files are not shredded yet.
    Unmarked,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 6] = [
        Step::Closed,
        Step::Copied,
        Step::Marked,
        Step::OldMoved,
        Step::NewMoved,
        Step::Unmarked,
    ];
}

/// The copy being written: `<store>.rewrite`.
pub(crate) const NEW: &str = ".rewrite";
/// The old folder while it is shredded: `<store>.old`.
pub(crate) const OLD: &str = ".old";
/// The marker of a complete, checked copy: `<store>.rewrite-complete`.
pub(crate) const COMPLETE: &str = ".rewrite-complete";
/// The marker of a rewrite due, as older kapstoks wrote it: `<store>.rewrite-pending`.
pub(crate) const LEGACY_PENDING: &str = ".rewrite-pending";

pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
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

/// Makes a folder's entries (names created, renamed or removed in it) durable. Windows has no
/// such call for folders (NTFS journals its metadata), so there it does nothing.
pub(crate) fn sync_dir(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let dir = fs::File::open(path).map_err(|e| io(path, e))?;
        dir.sync_all().map_err(|e| io(path, e))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// The folder that holds `path` (for syncing its entries).
fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Fsyncs every file under `path`, then the folders themselves.
fn sync_tree(path: &Path) -> Result<()> {
    for entry in fs::read_dir(path).map_err(|e| io(path, e))? {
        let entry = entry.map_err(|e| io(path, e))?;
        let p = entry.path();
        if entry.file_type().map_err(|e| io(&p, e))?.is_dir() {
            sync_tree(&p)?;
        } else {
            fs::File::open(&p)
                .and_then(|f| f.sync_all())
                .map_err(|e| io(&p, e))?;
        }
    }
    sync_dir(path)
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
    fs::remove_dir_all(path).map_err(|e| io(path, e))?;
    sync_dir(&parent(path))
}

/// The marker an older kapstok wrote beside the store when a rewrite was due (now the rewrite
/// is due by `rewrite/due` in `meta`). Still honoured, and removed by the next rewrite.
fn legacy_pending_marker(path: &Path) -> PathBuf {
    sibling(path, LEGACY_PENDING)
}

/// True when the store must still be rewritten after an erasure.
pub(crate) fn due(store: &Store) -> Result<bool> {
    Ok(store.tree(TreeId::Meta).get(meta::REWRITE_DUE)?.is_some()
        || legacy_pending_marker(&store.path).exists())
}

/// On open: when a rewrite is due, rewrites the store and opens it again. A rewrite that fails
/// (a full disk, say) does not keep the store from opening: the old files are still the store
/// (or the swap is finished by [`recover`]), and it stays due, so the next open tries again;
/// [`crate::privacy::rewrite_pending`] reports it.
pub(super) fn finish_pending(
    store: Store,
    opened: super::Opened,
    at: &mut dyn FnMut(Step) -> Result<()>,
) -> Result<(Store, super::Opened)> {
    if !due(&store)? {
        return Ok((store, opened));
    }
    let (store, _done) = rewrite_with(store, at)?;
    Ok((store, opened))
}

/// Repairs an interrupted rewrite of the store at `path`. Called on every open, under the
/// store's lock (`lock` proves it).
pub(crate) fn recover(lock: &StoreLock) -> Result<()> {
    let path = lock.store_path();
    let new = sibling(path, NEW);
    let old = sibling(path, OLD);
    let marker = sibling(path, COMPLETE);
    let folder = parent(path);
    if marker.exists() {
        // The copy is complete and checked: finish the swap.
        if new.exists() {
            if path.exists() {
                if old.exists() {
                    // Left from an earlier rewrite whose shredding was cut short.
                    shred_dir(&old)?;
                }
                fs::rename(path, &old).map_err(|e| io(path, e))?;
                sync_dir(&folder)?;
            }
            fs::rename(&new, path).map_err(|e| io(&new, e))?;
            sync_dir(&folder)?;
        } else if !path.exists() {
            return Err(Error::Storage(format!(
                "the store folder {} is missing while {} says a rewrite was being finished; \
                 nothing was changed: restore a backup into a new folder",
                path.display(),
                marker.display()
            )));
        }
        fs::remove_file(&marker).map_err(|e| io(&marker, e))?;
        sync_dir(&folder)?;
    } else if new.exists() {
        // The copy did not finish: the old store is still the store.
        if !path.exists() {
            return Err(Error::Storage(format!(
                "the store folder {} is missing beside an unfinished copy {}; nothing was \
                 changed: restore a backup into a new folder",
                path.display(),
                new.display()
            )));
        }
        fs::remove_dir_all(&new).map_err(|e| io(&new, e))?;
        sync_dir(&folder)?;
    }
    if old.exists() {
        if !path.exists() {
            return Err(Error::Storage(format!(
                "the store folder {} is missing and only the old copy {} is there; nothing was \
                 changed: rename it back, or restore a backup into a new folder",
                path.display(),
                old.display()
            )));
        }
        shred_dir(&old)?;
    }
    Ok(())
}

/// Copies every tree of `store` into a fresh database at `new` and checks the copy. The meta
/// key that says a rewrite is due is left out.
fn copy(store: &Store, new: &Path) -> Result<(usize, usize)> {
    if new.exists() {
        fs::remove_dir_all(new).map_err(|e| io(new, e))?;
    }
    let target = sled::Config::new()
        .path(new)
        .open()
        .map_err(|e| Error::Storage(format!("cannot create {}: {e}", new.display())))?;
    let skip = |tree: &[u8], key: &[u8]| {
        tree == TreeId::Meta.name().as_bytes() && key == meta::REWRITE_DUE
    };
    let mut trees = 0;
    let mut keys = 0;
    for name in store.db.tree_names() {
        let from = store.db.open_tree(&name)?;
        let to = target.open_tree(&name)?;
        let mut batch = sled::Batch::default();
        for item in from.iter() {
            let (k, v) = item?;
            if skip(&name, &k) {
                continue;
            }
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
        let mut original = from.iter().filter(|item| match item {
            Ok((k, _)) => !skip(&name, k),
            Err(_) => true,
        });
        let mut copied = to.iter();
        let same = loop {
            match (original.next(), copied.next()) {
                (None, None) => break true,
                (Some(Ok(a)), Some(Ok(b))) if a == b => continue,
                _ => break false,
            }
        };
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
    sync_tree(new)?;
    sync_dir(&parent(new))?;
    Ok((trees, keys))
}

/// Rewrites the store into fresh files, removes the old ones (see the module docs), and opens
/// the store again, all under the store's lock. Takes the store by value: any other handle on
/// it must be dropped before (an open handle keeps the old files alive). An encrypted store
/// that was unlocked comes back unlocked.
///
/// The outer error means the store could not be opened again; the inner one that the rewrite
/// failed, in which case the store is as it was and the rewrite stays due.
pub fn rewrite(store: Store) -> Result<(Store, Result<Rewritten>)> {
    rewrite_with(store, &mut |_| Ok(()))
}

/// [`rewrite`], calling `at` at each [`Step`]. When `at` returns an error the rewrite stops
/// right there, as if the process had been killed: nothing is cleaned up, the store is not
/// opened again, the lock is let go, and the error comes back. For tests of the recovery.
#[doc(hidden)]
pub fn rewrite_with(
    store: Store,
    at: &mut dyn FnMut(Step) -> Result<()>,
) -> Result<(Store, Result<Rewritten>)> {
    let path = store.path.clone();
    let lock = store.lock.clone();
    let announcer = store.announcer.clone();
    let sealing = store.sealing();
    let result = match steps(store, &path, at) {
        Ok(done) => Ok(done),
        Err(Stop::Killed(e)) => return Err(e),
        Err(Stop::Failed(e)) => {
            // Whatever the failed step left is what a crash there would have left: the recovery
            // brings it back to one complete store (the old one before the marker).
            recover(&lock)?;
            Err(e)
        }
    };
    let (mut store, _) = Store::open_locked(&path, lock)?;
    store.adopt(sealing)?;
    // Those who listened to the store before go on hearing of its changes.
    store.announcer = announcer;
    Ok((store, result))
}

enum Stop {
    /// A test's hook stopped the rewrite at a step.
    Killed(Error),
    /// A step failed.
    Failed(Error),
}

fn steps(
    store: Store,
    path: &Path,
    at: &mut dyn FnMut(Step) -> Result<()>,
) -> std::result::Result<Rewritten, Stop> {
    let new = sibling(path, NEW);
    let old = sibling(path, OLD);
    let marker = sibling(path, COMPLETE);
    let folder = parent(path);
    let fail = Stop::Failed;
    let bytes_before = dir_size(path);
    store.flush().map_err(fail)?;
    let copied = copy(&store, &new);
    // The old store's sled handle goes before anything is renamed (its own lock on `db` is let
    // go by a background thread, which `open_locked` waits out).
    drop(store);
    at(Step::Closed).map_err(Stop::Killed)?;
    let (trees, keys) = copied.map_err(fail)?;
    at(Step::Copied).map_err(Stop::Killed)?;
    let m = fs::File::create(&marker).map_err(|e| fail(io(&marker, e)))?;
    m.sync_all().map_err(|e| fail(io(&marker, e)))?;
    drop(m);
    sync_dir(&folder).map_err(fail)?;
    at(Step::Marked).map_err(Stop::Killed)?;
    if old.exists() {
        shred_dir(&old).map_err(fail)?;
    }
    fs::rename(path, &old).map_err(|e| fail(io(path, e)))?;
    sync_dir(&folder).map_err(fail)?;
    at(Step::OldMoved).map_err(Stop::Killed)?;
    fs::rename(&new, path).map_err(|e| fail(io(&new, e)))?;
    sync_dir(&folder).map_err(fail)?;
    at(Step::NewMoved).map_err(Stop::Killed)?;
    fs::remove_file(&marker).map_err(|e| fail(io(&marker, e)))?;
    sync_dir(&folder).map_err(fail)?;
    at(Step::Unmarked).map_err(Stop::Killed)?;
    // From here the new store is the store; what is left is cleaning up, which the next open
    // also does when it is cut short.
    shred_dir(&old).map_err(fail)?;
    let legacy = legacy_pending_marker(path);
    if legacy.exists() {
        fs::remove_file(&legacy).map_err(|e| fail(io(&legacy, e)))?;
        sync_dir(&folder).map_err(fail)?;
    }
    Ok(Rewritten {
        trees,
        keys,
        bytes_before,
        bytes_after: dir_size(path),
    })
}
