//! A store's files as they lie on disk: sled opened directly for format tests, the files that
//! hold a text (what an erasure must leave none of), and a copy of a store's folder.

use crate::retry_locked;
use std::path::Path;

/// Opens the store's folder with sled itself (after kapstok let go of it).
pub fn raw_sled(path: &Path) -> sled::Db {
    retry_locked(
        || sled::Config::new().path(path).open(),
        |e| e.to_string().contains("could not acquire lock"),
    )
    .unwrap()
}

/// The format version a raw store records.
pub fn raw_format_version(db: &sled::Db) -> Option<u32> {
    let meta = db.open_tree("meta").unwrap();
    meta.get("format_version")
        .unwrap()
        .map(|v| u32::from_be_bytes(v.as_ref().try_into().unwrap()))
}

/// Makes a raw store claim an older (or newer) format version.
pub fn set_raw_format_version(db: &sled::Db, version: u32) {
    db.open_tree("meta")
        .unwrap()
        .insert("format_version", &version.to_be_bytes())
        .unwrap();
}

/// Every file under `dir` (its subfolders too) whose raw bytes hold `needle`, by path, in the
/// order they are found.
pub fn files_holding(dir: &Path, needle: &str) -> Vec<String> {
    files_matching(dir, |bytes| {
        bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
    })
}

/// [`files_holding`], with ASCII letters matched in any case (a hex dump may be upper or lower
/// case).
pub fn files_holding_any_case(dir: &Path, needle: &str) -> Vec<String> {
    files_matching(dir, |bytes| {
        bytes
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    })
}

fn files_matching(dir: &Path, holds: impl Fn(&[u8]) -> bool) -> Vec<String> {
    files_under(dir)
        .into_iter()
        .filter(|path| holds(&std::fs::read(path).unwrap()))
        .map(|path| path.display().to_string())
        .collect()
}

/// Every file under `dir`, its subfolders too (not the folders themselves).
pub fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        for entry in std::fs::read_dir(&p).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

/// Copies a folder with everything in it (a store, closed) to `to`, which it creates.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
