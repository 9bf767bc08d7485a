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
    // Work off the drawing thread allocates on threads of its own; glibc gives each thread an
    // arena of its own and keeps what they freed, so at 100,000 members every reload on another
    // thread added its register read to the peak (236 MiB with glibc's default, 225 MiB with two
    // arenas, 183 MiB with one; BENCHMARKS.md). One arena: every thread shares it (a lock per
    // allocation, which costs nothing measurable here: the filter's p99 stayed under 6 ms).
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
    kapstok::cli::main()
}
