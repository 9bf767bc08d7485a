//! Backups of the whole store.
//!
//! - [`Session::backup`](crate::Session::backup) (`kapstok backup FILE`, in `crate::backup`): a
//!   dump (see [`dump`]) of every tree, for administrators; as encrypted as the store.
//! - [`dump::restore`] (`kapstok restore FILE`): into a blank store only, all or nothing.
//! - Automatic: before every migration (see `migrate`) and on the first open of each day
//!   ([`Store::daily_backup`]), in `<store>-backups/` beside the store, keeping the newest N daily
//!   backups (N is a setting in `meta`, [`DEFAULT_KEEP`] unless changed; 0 turns them off).

use super::{dump, Store, TreeId, Tx, TxResult};
use crate::error::{Error, Result};
use chrono::{NaiveDate, NaiveDateTime};
use std::path::{Path, PathBuf};

pub use super::files::{check_output_path, write_atomically, AtomicFile};

/// How many daily backups are kept unless the setting says otherwise.
pub const DEFAULT_KEEP: u32 = 7;
/// The most daily backups that can be kept.
pub const MAX_KEEP: u32 = 366;

const META_KEEP: &[u8] = super::keys::meta::BACKUPS_KEEP;
const DAILY_PREFIX: &str = "daily-";
const DAILY_SUFFIX: &str = ".jsonl";

fn daily_name(day: NaiveDate) -> String {
    format!("{DAILY_PREFIX}{}{DAILY_SUFFIX}", day.format("%Y-%m-%d"))
}

fn is_daily(name: &str) -> bool {
    name.strip_prefix(DAILY_PREFIX)
        .and_then(|rest| rest.strip_suffix(DAILY_SUFFIX))
        .is_some_and(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok())
}

impl Store {
    /// Refuses an output file inside this store's folder, its backups folder or a sibling named
    /// after it (see [`check_output_path`]): [`Error::OutputInStore`].
    pub fn check_output_path(&self, output: &Path) -> Result<()> {
        check_output_path(&self.path, output)
    }

    /// How many daily backups are kept (0: none are made).
    pub fn backups_keep(&self) -> Result<u32> {
        match self.tree(TreeId::Meta).get(META_KEEP)? {
            None => Ok(DEFAULT_KEEP),
            Some(bytes) => <[u8; 4]>::try_from(bytes.as_ref())
                .map(u32::from_be_bytes)
                .map_err(|_| Error::Corrupt {
                    tree: "meta".into(),
                    key: "backups/keep".into(),
                    detail: "must be 4 bytes".into(),
                }),
        }
    }

    /// The daily backups in the backup folder, oldest first.
    pub fn daily_backups(&self) -> Result<Vec<PathBuf>> {
        let dir = self.backup_dir();
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(Error::Io {
                    path: dir.display().to_string(),
                    detail: e.to_string(),
                })
            }
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_str().is_some_and(is_daily))
            .map(|e| e.path())
            .collect();
        found.sort();
        Ok(found)
    }

    /// The automatic backup of the day: when no backup of `today` exists in the backup folder
    /// and the store holds anything, writes one, then removes the oldest daily backups beyond
    /// the number to keep. Returns the file written, if any. Reads nothing but raw values, so it
    /// works on a locked encrypted store (and the backup stays encrypted).
    pub fn daily_backup(&self, today: NaiveDate, now: NaiveDateTime) -> Result<Option<PathBuf>> {
        let keep = self.backups_keep()? as usize;
        if keep == 0 || self.is_blank() {
            return Ok(None);
        }
        self.remove_killed_daily_backups();
        let path = self.backup_dir().join(daily_name(today));
        let written = if path.exists() {
            None
        } else {
            dump::write(self, &path, &now.format("%Y-%m-%dT%H:%M:%S").to_string())?;
            Some(path)
        };
        let all = self.daily_backups()?;
        if all.len() > keep {
            for old in &all[..all.len() - keep] {
                std::fs::remove_file(old).map_err(|e| Error::Io {
                    path: old.display().to_string(),
                    detail: e.to_string(),
                })?;
            }
        }
        Ok(written)
    }
}

impl Store {
    /// Removes the temporary files of daily backups a killed kapstok left in the backup folder
    /// (only [`AtomicFile`]'s temporary files of a daily backup's name; the day they were for
    /// never comes again, so no later write to the same file would).
    fn remove_killed_daily_backups(&self) {
        let dir = self.backup_dir();
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let is_leftover = name
                .to_str()
                .and_then(super::files::partial_target)
                .is_some_and(is_daily);
            if is_leftover && entry.file_type().is_ok_and(|t| t.is_file()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

impl Tx<'_> {
    /// Sets how many automatic daily backups are kept (checked by the caller).
    pub(crate) fn set_backups_keep(&self, keep: u32) -> TxResult<()> {
        self.tree(TreeId::Meta)
            .insert(META_KEEP, &keep.to_be_bytes())?;
        Ok(())
    }
}
