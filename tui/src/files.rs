//! Files the program writes and hands to the printer, shared by the TUI and the command line.

use crate::i18n::Lang;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The store this process works on and the user's language: [`write_atomically`] refuses any
/// file inside it (see [`set_store`]).
static STORE: OnceLock<(PathBuf, Lang)> = OnceLock::new();

/// Names the store this process opened, so that no output file of the TUI or the command line
/// can land inside it (its folder, its backups, its own files beside it). Set once, when the
/// store is opened.
pub fn set_store(store: &Path, lang: Lang) {
    let _ = STORE.set((store.to_path_buf(), lang));
}

/// An output path refused because it lies inside the store: the message is in the user's
/// language and names the path.
#[derive(Debug)]
struct InStore(String);

impl std::fmt::Display for InStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InStore {}

/// Refuses an output path inside the store named with [`set_store`] (nothing when none was).
pub fn check_output(path: &Path) -> std::io::Result<()> {
    let Some((store, lang)) = STORE.get() else {
        return Ok(());
    };
    match kapstok_core::store::backup::check_output_path(store, path) {
        Ok(()) => Ok(()),
        Err(e @ kapstok_core::Error::OutputInStore { .. }) => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            InStore(crate::i18n::error(&e, *lang)),
        )),
        Err(e) => Err(std::io::Error::other(e.to_string())),
    }
}

/// The text for a failed write of `path`: the refusal of a path inside the store as it is, any
/// other error after the path.
pub fn failure_text(path: &Path, e: &std::io::Error) -> String {
    if e.get_ref().is_some_and(|inner| inner.is::<InStore>()) {
        e.to_string()
    } else if refuses_writes(e) {
        let lang = STORE.get().map(|(_, l)| *l).unwrap_or_default();
        crate::i18n::args::CliDiskFull {
            path: &path.display().to_string(),
            detail: &e,
        }
        .text(lang)
    } else {
        format!("{}: {e}", path.display())
    }
}

/// True for an error that means the disk refuses the write: full, over a file size limit or a
/// quota, read-only.
fn refuses_writes(e: &std::io::Error) -> bool {
    use std::io::ErrorKind;
    matches!(
        e.kind(),
        ErrorKind::StorageFull
            | ErrorKind::FileTooLarge
            | ErrorKind::QuotaExceeded
            | ErrorKind::ReadOnlyFilesystem
    ) || matches!(e.raw_os_error(), Some(27 | 28 | 30 | 122))
}

/// Writes a file (mode 0600) through a temporary file beside it (created new, so it can never
/// be an existing file) and a rename, with the file and the folder fsynced: a failed or killed
/// write never leaves half a file under the final name and never replaces any file but `path`;
/// the temporary files of an earlier killed write to `path` are removed. A path inside the
/// store is refused (see [`set_store`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    check_output(path)?;
    kapstok_core::store::backup::write_atomically(path, bytes)
}

/// Sends a file to a printer with `lp` (CUPS); the system's default printer when `printer` is
/// empty. `lp` only queues the job, so this returns quickly. An `lp` that is not installed gives
/// an error of kind `NotFound`.
pub fn lp(path: &Path, printer: &str) -> std::io::Result<Output> {
    let mut command = Command::new("lp");
    if !printer.is_empty() {
        command.arg("-d").arg(printer);
    }
    command.arg("--").arg(path).stdin(Stdio::null()).output()
}

/// The folder the store's folder is in: where files made for the user go.
pub fn beside(store: &std::path::Path) -> std::path::PathBuf {
    match store.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    }
}

/// The file name of a person's data (the export and its printable summary), in the user's
/// language: "lid-7-gegevens-20261130.pdf", "member-7-data-20261130.pdf".
pub fn person_data_name(number: u64, day: chrono::NaiveDate, ext: &str, lang: Lang) -> String {
    crate::i18n::args::FilePersonData {
        number: &number,
        stamp: &day.format("%Y%m%d"),
        ext: &ext,
    }
    .text(lang)
}

/// A person's name for a file name: letters and digits without accents, the rest one `-`
/// ("Zoë van der Berg" -> "zoe-van-der-berg").
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in kapstok_core::common::fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_person_data_file_is_named_in_the_users_language() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(
            person_data_name(7, day, "pdf", Lang::Nl),
            "lid-7-gegevens-20261130.pdf"
        );
        assert_eq!(
            person_data_name(7, day, "json", Lang::En),
            "member-7-data-20261130.json"
        );
    }

    #[test]
    fn writes_the_whole_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("etiketten.pdf");
        write_atomically(&path, b"%PDF-1.7 test").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.7 test");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let missing = dir.path().join("no-such-folder").join("x.pdf");
        assert!(write_atomically(&missing, b"x").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private_and_no_other_file_is_touched() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("leden.csv");
        // The temporary name of the old implementation, an unrelated file that must survive.
        let unrelated = dir
            .path()
            .join(format!(".leden.csv.{}.partial", std::process::id()));
        std::fs::write(&unrelated, b"someone else's file").unwrap();
        // What a killed earlier write to the same target left behind.
        let leftover = dir
            .path()
            .join(".leden.csv.0123456789abcdef.kapstok-partial");
        std::fs::write(&leftover, b"half").unwrap();
        write_atomically(&path, b"nummer;achternaam").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"nummer;achternaam");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
        assert_eq!(std::fs::read(&unrelated).unwrap(), b"someone else's file");
        assert!(!leftover.exists(), "the leftover of a killed write stays");
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
