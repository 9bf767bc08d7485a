//! The store's own lock: `<store>.lock`, a file beside the store's folder, held exclusively by the
//! one kapstok that has the store open.
//!
//! sled locks its `db` file, but only once it opens the folder, and an erasure's rewrite replaces
//! the folder itself (see `rewrite`). Recovering an interrupted rewrite, the rewrite's steps and
//! the reopen after it must therefore run under a lock that covers the folder *and* its siblings
//! (`<store>.rewrite`, `<store>.old`, the markers). Without it a second kapstok started during a
//! rewrite (even a read-only `members list` that sled then refused) ran the recovery, deleted the
//! finished copy, and the store was lost. The lock is taken before anything is looked at or
//! changed on disk, and it is held for as long as any handle on the store lives.
//!
//! The lock is an advisory `flock`/`LockFileEx` lock (std's [`std::fs::File::try_lock`]): the
//! operating system releases it when the process ends, also after a kill, so a crash never
//! leaves the store locked. The file itself stays and holds nothing.

use crate::error::{Error, Result};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// The exclusive lock on one store (folder and siblings). Released when dropped.
#[derive(Debug)]
pub(crate) struct StoreLock {
    _file: File,
    path: PathBuf,
}

/// The lock file's suffix: `<store>.lock`.
pub(crate) const LOCK: &str = ".lock";

/// The lock file of the store at `path`: `<store>.lock`, beside the folder.
pub(crate) fn lock_path(path: &Path) -> PathBuf {
    super::rewrite::sibling(path, LOCK)
}

impl StoreLock {
    /// Takes the lock of the store at `path`, or [`Error::AlreadyOpen`] when another kapstok
    /// (process, or another open handle in this one) holds it.
    pub(crate) fn acquire(path: &Path) -> Result<StoreLock> {
        let lock = lock_path(path);
        if let Some(parent) = lock.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(&lock).map_err(|e| io(&lock, e))?;
        // A lock let go a moment ago can still be held for a moment by a child process that
        // another thread of this program was starting (fork copies the descriptor until the
        // child's exec closes it): a short wait, not long enough to keep a second kapstok
        // waiting for an answer.
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(300);
        loop {
            match file.try_lock() {
                Ok(()) => {
                    return Ok(StoreLock {
                        _file: file,
                        path: path.to_path_buf(),
                    })
                }
                Err(TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(5))
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(Error::AlreadyOpen {
                        path: path.display().to_string(),
                    })
                }
                Err(TryLockError::Error(e)) => return Err(io(&lock, e)),
            }
        }
    }

    /// The store this lock is for.
    pub(crate) fn store_path(&self) -> &Path {
        &self.path
    }
}

fn io(path: &Path, e: std::io::Error) -> Error {
    if crate::error::refuses_writes(&e) {
        return Error::ReadOnly {
            detail: format!("{}: {}", path.display(), e.kind()),
        };
    }
    Error::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_store_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        let first = StoreLock::acquire(&store).unwrap();
        assert!(matches!(
            StoreLock::acquire(&store),
            Err(Error::AlreadyOpen { .. })
        ));
        // Another store beside it has its own lock.
        let other = StoreLock::acquire(&dir.path().join("store2")).unwrap();
        drop(first);
        let again = StoreLock::acquire(&store).unwrap();
        assert_eq!(again.store_path(), store);
        drop(other);
    }
}
