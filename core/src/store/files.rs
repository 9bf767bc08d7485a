//! The store's files on disk, outside sled: what is done to the folder before sled opens it
//! (under the store's lock, see `lock`), the modes of files with personal data, writing an output
//! file safely, and the check that an output file does not land in the store.
//!
//! **Leftovers of a failed write.** sled 0.34.7 writes a snapshot of its page table as
//! `snap.<LSN as 16 hex digits>.generating`, fsyncs it, renames it to `snap.<LSN>` and only then
//! removes older snapshots (`pagecache/snapshot.rs`, `write_snapshot`). When the disk is full (or
//! the process dies) before the rename, the `.generating` file stays behind: empty or cut short.
//! On the next open sled takes the *last* `snap.*` file in name order (`read_snapshot`), which is
//! that `.generating` file whenever its LSN is not lower than the complete snapshot's, and refuses
//! it as corrupt ("Read corrupted data at file offset None") when it is 12 bytes or shorter or its
//! CRC-32 does not match. Since sled removes older snapshots only after a rename, the complete
//! snapshot it wrote before is still there, and the log holds everything after it:
//! [`before_open`] removes exactly those incomplete `.generating` files. A complete snapshot
//! (renamed, or a `.generating` file whose check sum matches) and every other file are left alone.
//! sled's `conf` file is written once, when the store is created; sled itself rewrites one of 8
//! bytes or fewer, and one longer whose CRC-32 does not match is removed here so sled writes it
//! again (it holds nothing but sled's fixed parameters).

use crate::error::{Error, Result};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// The mode of folders with personal data (unix).
pub const DIR_MODE: u32 = 0o700;
/// The mode of files with personal data (unix).
pub const FILE_MODE: u32 = 0o600;

fn io_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

/// Prepares the store's folder before sled opens it. Runs under the store's lock.
///
/// - A new store's folder is created 0700 (its parents as the umask says).
/// - Incomplete snapshot files sled left behind after a failed or interrupted write are removed,
///   and an unreadable `conf` (see the module documentation).
/// - The folder, everything in it and the backups folder beside it get modes 0700 / 0600 (as far
///   as this user may change them: a store it may only read still opens).
pub(crate) fn before_open(path: &Path) -> Result<()> {
    if !path.exists() {
        return create_private_dir(path);
    }
    if !path.is_dir() {
        return Ok(());
    }
    let mut removed = false;
    let entries = std::fs::read_dir(path).map_err(|e| io_error(path, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| io_error(path, e))?;
        let name = entry.file_name();
        let file = entry.path();
        if is_incomplete_snapshot(&name, &file) || is_unreadable_conf(&name, &file) {
            std::fs::remove_file(&file).map_err(|e| {
                if crate::error::refuses_writes(&e) {
                    Error::ReadOnly {
                        detail: format!("{}: {}", file.display(), e.kind()),
                    }
                } else {
                    io_error(&file, e)
                }
            })?;
            removed = true;
        }
    }
    if removed {
        sync_dir(path)?;
    }
    // Best effort: a store this user may read but not change (another owner, read-only media)
    // still opens, and sled then says whether it can be written.
    let _ = make_private_tree(path);
    let backups = backup_dir_of(path);
    if backups.is_dir() {
        let _ = make_private_tree(&backups);
    }
    Ok(())
}

/// The folder beside the store where backups are written (`<store>-backups`).
pub(crate) fn backup_dir_of(store: &Path) -> PathBuf {
    let mut name = store
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "kapstok".into());
    name.push("-backups");
    store.with_file_name(name)
}

/// `snap.<16 hex digits>.generating` that sled could not read: 12 bytes or fewer, or a CRC-32
/// that does not match its contents.
fn is_incomplete_snapshot(name: &std::ffi::OsStr, file: &Path) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    let is_pattern = name
        .strip_prefix("snap.")
        .and_then(|rest| rest.strip_suffix(".generating"))
        .is_some_and(|lsn| lsn.len() == 16 && lsn.bytes().all(|b| b.is_ascii_hexdigit()));
    if !is_pattern || !is_plain_file(file) {
        return false;
    }
    match std::fs::read(file) {
        // Snapshot bytes, then the decompressed length (8 bytes) and the CRC-32 of the bytes
        // (4 bytes, little-endian), as `write_snapshot` writes them.
        Ok(bytes) => !checks(&bytes, 12),
        Err(_) => false,
    }
}

/// sled's `conf` when it is longer than 8 bytes and its CRC-32 does not match (sled rewrites a
/// shorter one itself).
fn is_unreadable_conf(name: &std::ffi::OsStr, file: &Path) -> bool {
    if name != "conf" || !is_plain_file(file) {
        return false;
    }
    match std::fs::read(file) {
        Ok(bytes) => bytes.len() > 8 && !checks(&bytes, 4),
        Err(_) => false,
    }
}

/// True when `bytes` is longer than `tail` and its last 4 bytes are the CRC-32 (little-endian)
/// of everything before the last `tail` bytes.
fn checks(bytes: &[u8], tail: usize) -> bool {
    if bytes.len() <= tail {
        return false;
    }
    let body = &bytes[..bytes.len() - tail];
    let mut crc = [0u8; 4];
    crc.copy_from_slice(&bytes[bytes.len() - 4..]);
    crc32(body) == u32::from_le_bytes(crc)
}

fn is_plain_file(file: &Path) -> bool {
    std::fs::symlink_metadata(file).is_ok_and(|m| m.file_type().is_file())
}

/// CRC-32 (IEEE 802.3, reflected, as the `crc32fast` crate sled uses computes it).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// Creates `path` (and its missing parents) with the last folder 0700.
pub fn create_private_dir(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
        }
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(DIR_MODE);
    }
    match builder.create(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && path.is_dir() => {
            set_mode(path, DIR_MODE)
        }
        Err(e) => Err(io_error(path, e)),
    }
}

/// Gives `path` and everything in it modes 0700 (folders) and 0600 (files); symbolic links are
/// not followed. Nothing happens off unix.
pub fn make_private_tree(path: &Path) -> Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    if meta.file_type().is_symlink() {
        return Ok(());
    }
    if meta.is_dir() {
        set_mode(path, DIR_MODE)?;
        for entry in std::fs::read_dir(path).map_err(|e| io_error(path, e))? {
            let entry = entry.map_err(|e| io_error(path, e))?;
            make_private_tree(&entry.path())?;
        }
        Ok(())
    } else {
        set_mode(path, FILE_MODE)
    }
}

/// Sets a file's or folder's mode, when it differs (unix; nothing elsewhere).
fn set_mode(path: &Path, mode: u32) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::symlink_metadata(path).map_err(|e| io_error(path, e))?;
        if meta.permissions().mode() & 0o7777 != mode {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
                .map_err(|e| io_error(path, e))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// Makes a folder's entries (a rename, a removal) durable (unix; nothing elsewhere).
pub fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        std::fs::File::open(dir)
            .and_then(|f| f.sync_all())
            .map_err(|e| io_error(dir, e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Writing an output file

/// The temporary files of [`AtomicFile`] for `target`: `.<name>.<random>.kapstok-partial` in the
/// same folder.
const PARTIAL_SUFFIX: &str = ".kapstok-partial";

fn partial_prefix(target: &Path) -> Option<String> {
    target
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| format!(".{n}."))
}

fn is_partial_of(prefix: &str, name: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(PARTIAL_SUFFIX))
        .is_some_and(|tag| tag.len() == 16 && tag.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The target's file name when `name` is the temporary file of an [`AtomicFile`] writing it.
pub(crate) fn partial_target(name: &str) -> Option<&str> {
    let rest = name.strip_prefix('.')?.strip_suffix(PARTIAL_SUFFIX)?;
    let (target, tag) = rest.rsplit_once('.')?;
    (tag.len() == 16 && tag.bytes().all(|b| b.is_ascii_hexdigit()) && !target.is_empty())
        .then_some(target)
}

fn random_tag() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    if let Ok(t) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(t.as_nanos());
    }
    format!("{:016x}", hasher.finish())
}

/// A file written under a temporary name beside its target and renamed over the target when it
/// is complete: a failed or killed write never leaves half a file under the target's name, and
/// never touches any file but the target. The temporary file is created with `create_new` (mode
/// 0600), so it can never be an existing file; [`AtomicFile::commit`] fsyncs it, renames it and
/// fsyncs the folder. Dropped without a commit, it removes itself. Temporary files an earlier,
/// killed write to the same target left behind (`.<name>.<16 hex digits>.kapstok-partial`, no
/// other name) are removed when a new one starts.
pub struct AtomicFile {
    target: PathBuf,
    tmp: PathBuf,
    file: Option<std::fs::File>,
}

impl AtomicFile {
    /// Starts writing `target`, whose folder must exist.
    pub fn create(target: &Path) -> std::io::Result<AtomicFile> {
        let prefix = partial_prefix(target)
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "no file name"))?;
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        remove_partials(&dir, &prefix);
        for _ in 0..16 {
            let tmp = dir.join(format!("{prefix}{}{PARTIAL_SUFFIX}", random_tag()));
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(FILE_MODE);
            }
            match options.open(&tmp) {
                Ok(file) => {
                    return Ok(AtomicFile {
                        target: target.to_path_buf(),
                        tmp,
                        file: Some(file),
                    })
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "no free temporary name",
        ))
    }

    /// The temporary file being written.
    pub fn temporary_path(&self) -> &Path {
        &self.tmp
    }

    /// Fsyncs the temporary file, renames it to the target and fsyncs the folder.
    pub fn commit(mut self) -> std::io::Result<()> {
        let result = self.finish();
        if result.is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
        result
    }

    fn finish(&mut self) -> std::io::Result<()> {
        if let Some(file) = self.file.take() {
            file.sync_all()?;
        }
        std::fs::rename(&self.tmp, &self.target)?;
        let dir = match self.target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        #[cfg(unix)]
        std::fs::File::open(dir)?.sync_all()?;
        #[cfg(not(unix))]
        let _ = dir;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Err(std::io::Error::other("already committed")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Removes the temporary files of earlier, killed writes to the target with this prefix.
fn remove_partials(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_str()
            .is_some_and(|n| is_partial_of(prefix, n))
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to `path` through an [`AtomicFile`].
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

// ---------------------------------------------------------------------------------------------
// Output paths

/// The files and folders beside a store that belong to it: the rewrite's copy, old folder and
/// markers, and the lock.
const SIBLINGS: [&str; 5] = [
    super::rewrite::NEW,
    super::rewrite::OLD,
    super::rewrite::COMPLETE,
    super::rewrite::LEGACY_PENDING,
    super::lock::LOCK,
];

/// Refuses an output file (a backup, an export, a PDF ...) that would land inside the store at
/// `store`: in its folder, its backups folder (`<store>-backups`) or one of the files and folders
/// beside it that belong to it (the rewrite's `<store>.rewrite`, `<store>.old`, its markers, the
/// lock `<store>.lock`), and the store's own path. A file of another name beside the store
/// (`<store>.jsonl`) is fine. Symbolic links and `..` are resolved (the file itself need not exist yet).
/// Gives [`Error::OutputInStore`].
pub fn check_output_path(store: &Path, output: &Path) -> Result<()> {
    let refused = || Error::OutputInStore {
        path: output.display().to_string(),
        store: store.display().to_string(),
    };
    let store_resolved = resolve(store, 0).map_err(|e| io_error(store, e))?;
    let out = resolve(output, 0).map_err(|e| io_error(output, e))?;
    let (Some(parent), Some(name)) = (store_resolved.parent(), store_resolved.file_name()) else {
        return Ok(());
    };
    let Ok(rest) = out.strip_prefix(parent) else {
        return Ok(());
    };
    let Some(Component::Normal(first)) = rest.components().next() else {
        return Ok(());
    };
    let mut backups = name.to_os_string();
    backups.push("-backups");
    let own = SIBLINGS.iter().any(|suffix| {
        let mut sibling: OsString = name.to_os_string();
        sibling.push(suffix);
        first == sibling
    });
    if first == name || first == backups || own {
        return Err(refused());
    }
    Ok(())
}

/// The absolute path `path` stands for, with symbolic links and `..` resolved as far as the
/// path exists, and the rest taken as written.
fn resolve(path: &Path, depth: u32) -> std::io::Result<PathBuf> {
    let path = if path.is_relative() {
        std::env::current_dir()?.join(path)
    } else {
        path.to_path_buf()
    };
    if let Ok(found) = std::fs::canonicalize(&path) {
        return Ok(found);
    }
    // A dangling symbolic link: follow it by hand.
    if depth < 40 {
        if let Ok(meta) = std::fs::symlink_metadata(&path) {
            if meta.file_type().is_symlink() {
                let target = std::fs::read_link(&path)?;
                let base = path.parent().unwrap_or(Path::new("/"));
                return resolve(&base.join(target), depth + 1);
            }
        }
    }
    let last = path.components().next_back();
    match (path.parent(), last) {
        (Some(parent), Some(Component::ParentDir)) => {
            let mut p = resolve(parent, depth)?;
            p.pop();
            Ok(p)
        }
        (Some(parent), Some(Component::Normal(name))) => Ok(resolve(parent, depth)?.join(name)),
        _ => Ok(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn partial_names_are_recognised_exactly() {
        let prefix = partial_prefix(Path::new("/x/backup.jsonl")).unwrap();
        assert!(is_partial_of(
            &prefix,
            ".backup.jsonl.0123456789abcdef.kapstok-partial"
        ));
        assert!(!is_partial_of(&prefix, ".backup.jsonl.1234.partial"));
        assert!(!is_partial_of(&prefix, "backup.jsonl"));
        assert!(!is_partial_of(
            &prefix,
            ".backup.jsonl.0123456789abcdeg.kapstok-partial"
        ));
        assert_eq!(
            partial_target(".daily-2026-12-01.jsonl.0123456789abcdef.kapstok-partial"),
            Some("daily-2026-12-01.jsonl")
        );
        assert_eq!(partial_target(".x.1234.kapstok-partial"), None);
        assert_eq!(partial_target("daily-2026-12-01.jsonl"), None);
    }
}
