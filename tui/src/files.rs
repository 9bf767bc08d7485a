//! Files the program writes and hands to the printer, shared by the TUI and the command line.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Writes a file through a temporary file beside it and a rename, so a failed write never
/// leaves half a file under the final name.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    let renamed = written.and_then(|()| std::fs::rename(&tmp, path));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    renamed
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
