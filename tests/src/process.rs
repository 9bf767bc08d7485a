//! Running a program as a plain subprocess (no terminal) and reading what it printed.

use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::thread;

use crate::kapstok_bin;

/// Prefix of the environment variables that are removed from every child's
/// environment unless a test passes them explicitly.
const KAPSTOK_ENV_PREFIX: &str = "KAPSTOK_";

/// Runs the `kapstok` binary (see [`kapstok_bin`]) as a plain subprocess,
/// without a terminal, and waits for it to finish.
///
/// `envs` are added to the inherited environment, from which all `KAPSTOK_*`
/// variables (`KAPSTOK_DB`, `KAPSTOK_PASSWORD`, ...) have been removed first.
/// With `stdin: Some(text)` the text is written to the child's standard input
/// (which is then closed); with `None` standard input is empty (`/dev/null`).
///
/// Returns stdout, stderr and exit status; use [`stdout`] / [`stderr`] for
/// the text.
pub fn run(args: &[&str], envs: &[(&str, &str)], stdin: Option<&str>) -> Output {
    run_program(kapstok_bin(), args, envs, stdin)
}

/// Like [`run`], for any program (used by the harness's own tests).
pub fn run_program(
    program: impl AsRef<OsStr>,
    args: &[&str],
    envs: &[(&str, &str)],
    stdin: Option<&str>,
) -> Output {
    let program = program.as_ref();
    let mut cmd = Command::new(program);
    cmd.args(args);
    for key in kapstok_env() {
        cmd.env_remove(key);
    }
    cmd.envs(envs.iter().copied());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());

    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.to_string_lossy()));
    // Write stdin from another thread, so a child that prints a lot before
    // reading cannot deadlock with us.
    let writer = stdin.map(|text| {
        let mut pipe = child.stdin.take().expect("child stdin was not piped");
        let text = text.to_owned();
        thread::spawn(move || {
            // The child may exit without reading everything: ignore EPIPE.
            let _ = pipe.write_all(text.as_bytes());
        })
    });
    let output = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("waiting for {} failed: {e}", program.to_string_lossy()));
    if let Some(writer) = writer {
        writer.join().expect("stdin writer thread panicked");
    }
    output
}

/// The names of this process's `KAPSTOK_*` variables, which a child must not inherit.
pub(crate) fn kapstok_env() -> Vec<std::ffi::OsString> {
    std::env::vars_os()
        .map(|(key, _)| key)
        .filter(|key| key.to_string_lossy().starts_with(KAPSTOK_ENV_PREFIX))
        .collect()
}

/// The real `kapstok` on the store `store`, without this process's `KAPSTOK_*` variables, with
/// `home` as its home and data folder (so nothing lands in the user's), standard input empty and
/// its output piped. For tests that start (and kill) many at once; add the arguments.
pub fn kapstok_command(home: &Path, store: &Path) -> Command {
    let mut cmd = Command::new(kapstok_bin());
    cmd.arg("--db").arg(store);
    for key in kapstok_env() {
        cmd.env_remove(key);
    }
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// [`kapstok_command`] running `args` with `password` in `KAPSTOK_PASSWORD` (the demo's
/// administrator, or whoever `--user` in `args` names).
pub fn kapstok_command_with(home: &Path, store: &Path, args: &[&str], password: &str) -> Command {
    let mut cmd = kapstok_command(home, store);
    cmd.args(args).env("KAPSTOK_PASSWORD", password);
    cmd
}

/// The standard output of `output` as (lossy) UTF-8 text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The standard error of `output` as (lossy) UTF-8 text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
