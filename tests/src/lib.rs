//! End-to-end test support for the `kapstok` binary.
//!
//! This crate holds no tests of its own (those live in `tests/tests/`); it
//! provides the harness they share:
//!
//! * [`kapstok_bin`] finds (and, once per test process, rebuilds) the real
//!   `kapstok` executable next to the test executable in `target/<profile>/`.
//! * [`run`] / [`run_program`] run a program as a plain subprocess (no
//!   terminal) and collect its stdout, stderr and exit status.
//! * [`Tui`] runs a program inside a pseudo-terminal, feeds everything it
//!   prints into a [`vt100::Parser`], and lets a test type keys
//!   ([`Tui::send`], [`Tui::key`]) and wait for text to appear on the
//!   emulated screen ([`Tui::wait_for`]).
//!
//! The emulated terminal answers the queries a terminal library such as
//! crossterm sends at start-up: a cursor position request (`ESC [ 6 n`) is
//! answered with `ESC [ row ; col R` (1-based, from the emulated cursor),
//! primary device attributes (`ESC [ c`) with `ESC [ ? 1 ; 2 c`, and a status
//! report request (`ESC [ 5 n`) with `ESC [ 0 n`. Queries are recognised by
//! the stateful vt100 parser, so a query split over two reads is still seen.
//!
//! Every child gets a clean environment with respect to kapstok: all
//! `KAPSTOK_*` variables of the test process (in particular `KAPSTOK_DB` and
//! `KAPSTOK_PASSWORD`) are removed unless the test passes them explicitly.
//!
//! Never sleep for a fixed time to "let the UI catch up": wait for the text
//! the next step depends on instead.
//!
//! ```no_run
//! use kapstok_tests::{Key, Tui, TIMEOUT};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let db = dir.path().join("leden.db");
//! let mut tui = Tui::spawn(&["--db", db.to_str().unwrap()], &[("KAPSTOK_PASSWORD", "geheim")]);
//! tui.wait_for("Leden", TIMEOUT).unwrap();
//! tui.key(Key::Down);
//! tui.key(Key::Enter);
//! tui.wait_for("Lidnummer", TIMEOUT).unwrap();
//! tui.send("q");
//! assert!(tui.wait_exit(TIMEOUT).expect("kapstok did not exit").success());
//! ```

use std::time::Duration;

pub use portable_pty::ExitStatus;
pub use vt100;

mod binary;
mod keys;
mod process;
mod pty;

pub use binary::{kapstok_bin, workspace_root};
pub use keys::Key;
pub use process::{kapstok_command, kapstok_command_with, run, run_program, stderr, stdout};
pub use pty::Tui;

/// A generous default timeout for [`Tui::wait_for`] and [`Tui::wait_exit`]:
/// long enough for a slow CI machine, short enough that a hanging test fails
/// in reasonable time.
pub const TIMEOUT: Duration = Duration::from_secs(10);
