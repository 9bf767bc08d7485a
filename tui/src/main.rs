//! `kapstok`: without a subcommand the terminal UI; with one, a command-line action.

use std::process::ExitCode;

fn main() -> ExitCode {
    // A second line of defence for personal data: every file and folder this process creates is
    // for its user alone (0600 / 0700), also where a write forgets to set a mode.
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file mode creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
    kapstok::cli::main()
}
