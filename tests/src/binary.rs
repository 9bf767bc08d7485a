//! Locating (and, once per test process, rebuilding) the real `kapstok` binary.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The workspace root (the parent of this crate's manifest directory).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("kapstok-tests must live inside the workspace directory")
        .to_path_buf()
}

/// Path of the `kapstok` binary that belongs to the running test executable.
///
/// Works like `assert_cmd`'s `cargo_bin`: starting from
/// `std::env::current_exe()` (`target/<profile>/deps/<test-exe>`) it goes up
/// to `target/<profile>/` and returns `kapstok` (plus the platform's EXE
/// suffix) there.
///
/// Because the binary lives in another package, cargo does not build it for
/// us (`CARGO_BIN_EXE_kapstok` does not exist here), and an existing one may
/// be stale. So the first call in a test process runs
/// `cargo build -p kapstok` (with `--release` / `--profile` matching the
/// profile directory) in the workspace root; that is a quick no-op when the
/// binary is up to date. Concurrent calls in one process wait for that single
/// build; cargo's own lock serialises builds between processes.
///
/// # Panics
///
/// If the build fails (the panic message contains cargo's output) or the
/// binary is missing afterwards.
pub fn kapstok_bin() -> PathBuf {
    static BIN: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    match BIN.get_or_init(build_kapstok) {
        Ok(path) => path.clone(),
        Err(message) => panic!("{message}"),
    }
}

/// `target/<profile>/` of the running test executable.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("cannot determine the test executable's path");
    let mut dir = exe
        .parent()
        .expect("the test executable has no parent directory")
        .to_path_buf();
    if dir.file_name() == Some(OsStr::new("deps")) {
        dir.pop();
    }
    dir
}

fn build_kapstok() -> Result<PathBuf, String> {
    let profile_dir = profile_dir();
    let bin = profile_dir.join(format!("kapstok{}", std::env::consts::EXE_SUFFIX));

    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(&cargo);
    cmd.current_dir(workspace_root())
        .args(["build", "--quiet", "-p", "kapstok"]);
    match profile_dir.file_name().and_then(OsStr::to_str) {
        Some("debug") | None => {}
        Some("release") => {
            cmd.arg("--release");
        }
        Some(profile) => {
            cmd.args(["--profile", profile]);
        }
    }
    // Build into the target directory the test executable lives in, so that
    // the binary ends up exactly where we look for it.
    if let Some(target_dir) = profile_dir.parent() {
        cmd.arg("--target-dir").arg(target_dir);
    }
    cmd.stdin(Stdio::null());

    let output = cmd
        .output()
        .map_err(|e| format!("cannot run `{}`: {e}", cargo.to_string_lossy()))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo build -p kapstok` failed ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        ));
    }
    if !bin.is_file() {
        return Err(format!(
            "`cargo build -p kapstok` succeeded but {} does not exist",
            bin.display()
        ));
    }
    Ok(bin)
}
