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

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

pub use portable_pty::ExitStatus;
pub use vt100;

/// A generous default timeout for [`Tui::wait_for`] and [`Tui::wait_exit`]:
/// long enough for a slow CI machine, short enough that a hanging test fails
/// in reasonable time.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// How often the `wait_*` methods look at the screen / the child.
const POLL: Duration = Duration::from_millis(20);

/// Prefix of the environment variables that are removed from every child's
/// environment unless a test passes them explicitly.
const KAPSTOK_ENV_PREFIX: &str = "KAPSTOK_";

// ---------------------------------------------------------------------------
// Locating the binary
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Plain subprocesses
// ---------------------------------------------------------------------------

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
fn kapstok_env() -> Vec<std::ffi::OsString> {
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

/// The standard output of `output` as (lossy) UTF-8 text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The standard error of `output` as (lossy) UTF-8 text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

// ---------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------

/// A key press, as [`Tui::key`] sends it to the terminal (xterm encoding).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Return: `\r`.
    Enter,
    /// Escape: `ESC`. A terminal library cannot tell a lone `ESC` followed
    /// quickly by more input from an Alt-combination, so wait for the
    /// screen to react before sending the next key.
    Esc,
    /// Tab: `\t`.
    Tab,
    /// Shift+Tab: `ESC [ Z`.
    BackTab,
    /// Cursor up: `ESC [ A`.
    Up,
    /// Cursor down: `ESC [ B`.
    Down,
    /// Cursor right: `ESC [ C`.
    Right,
    /// Cursor left: `ESC [ D`.
    Left,
    /// Backspace: `DEL` (0x7f), as xterm sends it.
    Backspace,
    /// Delete: `ESC [ 3 ~`.
    Delete,
    /// Insert: `ESC [ 2 ~`.
    Insert,
    /// Home: `ESC [ H`.
    Home,
    /// End: `ESC [ F`.
    End,
    /// Page up: `ESC [ 5 ~`.
    PageUp,
    /// Page down: `ESC [ 6 ~`.
    PageDown,
    /// Function key F1..=F12.
    F(u8),
    /// Control plus a letter or one of `@[\]^_ ` (e.g. `Ctrl('c')` is 0x03).
    Ctrl(char),
    /// A plain character, UTF-8 encoded.
    Char(char),
}

impl Key {
    /// The bytes the terminal sends for this key.
    ///
    /// # Panics
    ///
    /// For `F(n)` outside 1..=12 and `Ctrl(c)` with a character that has no
    /// control code.
    pub fn bytes(self) -> Vec<u8> {
        let s: &str = match self {
            Key::Enter => "\r",
            Key::Esc => "\x1b",
            Key::Tab => "\t",
            Key::BackTab => "\x1b[Z",
            Key::Up => "\x1b[A",
            Key::Down => "\x1b[B",
            Key::Right => "\x1b[C",
            Key::Left => "\x1b[D",
            Key::Backspace => "\x7f",
            Key::Delete => "\x1b[3~",
            Key::Insert => "\x1b[2~",
            Key::Home => "\x1b[H",
            Key::End => "\x1b[F",
            Key::PageUp => "\x1b[5~",
            Key::PageDown => "\x1b[6~",
            Key::F(n) => match n {
                1 => "\x1bOP",
                2 => "\x1bOQ",
                3 => "\x1bOR",
                4 => "\x1bOS",
                5 => "\x1b[15~",
                6 => "\x1b[17~",
                7 => "\x1b[18~",
                8 => "\x1b[19~",
                9 => "\x1b[20~",
                10 => "\x1b[21~",
                11 => "\x1b[23~",
                12 => "\x1b[24~",
                _ => panic!("Key::F({n}): only F1..=F12 are supported"),
            },
            Key::Ctrl(c) => {
                let code = match c {
                    ' ' | '@' => 0,
                    c if c.is_ascii_alphabetic() => (c.to_ascii_lowercase() as u8) & 0x1f,
                    '[' | '\\' | ']' | '^' | '_' => (c as u8) & 0x1f,
                    _ => panic!("Key::Ctrl({c:?}) has no control code"),
                };
                return vec![code];
            }
            Key::Char(c) => return c.to_string().into_bytes(),
        };
        s.as_bytes().to_vec()
    }
}

// ---------------------------------------------------------------------------
// The pseudo-terminal
// ---------------------------------------------------------------------------

/// vt100 callbacks that collect answers to the child's terminal queries.
#[derive(Default)]
struct Responder {
    replies: Vec<u8>,
}

impl vt100::Callbacks for Responder {
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        i1: Option<u8>,
        _i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        let first = params.first().and_then(|p| p.first()).copied().unwrap_or(0);
        match (i1, c, first) {
            // Device status report: cursor position.
            (None, 'n', 6) => {
                let (row, col) = screen.cursor_position();
                self.replies
                    .extend_from_slice(format!("\x1b[{};{}R", row + 1, col + 1).as_bytes());
            }
            // Device status report: status ("OK").
            (None, 'n', 5) => self.replies.extend_from_slice(b"\x1b[0n"),
            // Primary device attributes: a VT100 with advanced video option.
            (None, 'c', 0) => self.replies.extend_from_slice(b"\x1b[?1;2c"),
            _ => {}
        }
    }
}

type SharedParser = Arc<Mutex<vt100::Parser<Responder>>>;
type SharedWriter = Arc<Mutex<Box<dyn Write + Send>>>;

/// Locks `mutex`, ignoring poisoning (a panicking test must not make the
/// reader thread or `Drop` panic as well).
fn lock<T: ?Sized>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// A program running in a pseudo-terminal with an emulated (vt100) screen.
///
/// Output of the program is parsed continuously by a background thread;
/// [`screen`](Tui::screen) shows the current state. Dropping a `Tui` kills
/// the program if it is still running.
pub struct Tui {
    parser: SharedParser,
    writer: SharedWriter,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    /// Set by the reader thread when the pty reports end of output.
    eof: Arc<AtomicBool>,
    status: Option<ExitStatus>,
    program: String,
}

impl Tui {
    /// Default terminal height.
    pub const ROWS: u16 = 30;
    /// Default terminal width.
    pub const COLS: u16 = 100;

    /// Starts `kapstok` (see [`kapstok_bin`]) with `args` in a
    /// [`ROWS`](Tui::ROWS) x [`COLS`](Tui::COLS) terminal.
    ///
    /// `envs` are added to the environment after `TERM=xterm-256color` is set
    /// and all `KAPSTOK_*` variables are removed, so they can override both.
    pub fn spawn(args: &[&str], envs: &[(&str, &str)]) -> Tui {
        Tui::spawn_sized(args, envs, Tui::ROWS, Tui::COLS)
    }

    /// Like [`spawn`](Tui::spawn), in a terminal of `rows` x `cols`.
    pub fn spawn_sized(args: &[&str], envs: &[(&str, &str)], rows: u16, cols: u16) -> Tui {
        Tui::spawn_program_sized(kapstok_bin(), args, envs, rows, cols)
    }

    /// Starts any `program` the way [`spawn`](Tui::spawn) starts kapstok.
    pub fn spawn_program(program: impl AsRef<OsStr>, args: &[&str], envs: &[(&str, &str)]) -> Tui {
        Tui::spawn_program_sized(program, args, envs, Tui::ROWS, Tui::COLS)
    }

    /// Starts any `program` in a terminal of `rows` x `cols`.
    ///
    /// The working directory is the test process's current directory (as
    /// with `std::process::Command`).
    ///
    /// # Panics
    ///
    /// If the pseudo-terminal cannot be created or the program not started.
    pub fn spawn_program_sized(
        program: impl AsRef<OsStr>,
        args: &[&str],
        envs: &[(&str, &str)],
        rows: u16,
        cols: u16,
    ) -> Tui {
        let program = program.as_ref();
        let program_name = program.to_string_lossy().into_owned();
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("cannot open a pseudo-terminal");

        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        for key in kapstok_env() {
            cmd.env_remove(key);
        }
        cmd.env("TERM", "xterm-256color");
        for (key, value) in envs {
            cmd.env(key, value);
        }
        if let Ok(dir) = std::env::current_dir() {
            cmd.cwd(dir);
        }

        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("cannot start {program_name} in a pty: {e:#}"));
        // Only the child may hold the slave side open, or we never see EOF.
        drop(pair.slave);

        let mut reader = pair
            .master
            .try_clone_reader()
            .expect("cannot get a reader for the pty");
        let writer: SharedWriter = Arc::new(Mutex::new(
            pair.master
                .take_writer()
                .expect("cannot get a writer for the pty"),
        ));
        let parser: SharedParser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            rows,
            cols,
            0,
            Responder::default(),
        )));
        let eof = Arc::new(AtomicBool::new(false));

        {
            let parser = Arc::clone(&parser);
            let writer = Arc::clone(&writer);
            let eof = Arc::clone(&eof);
            thread::Builder::new()
                .name(format!("pty-reader {program_name}"))
                .spawn(move || {
                    let mut buf = [0u8; 8192];
                    loop {
                        match reader.read(&mut buf) {
                            Ok(0) => break,
                            Ok(n) => {
                                let mut parser = lock(&parser);
                                parser.process(&buf[..n]);
                                let replies = std::mem::take(&mut parser.callbacks_mut().replies);
                                if !replies.is_empty() {
                                    // Answer while still holding the parser
                                    // lock: whoever sees output that followed
                                    // a query knows the answer has been sent.
                                    let mut writer = lock(&writer);
                                    let _ = writer.write_all(&replies);
                                    let _ = writer.flush();
                                }
                            }
                            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                            // EIO once the child side is closed (Linux).
                            Err(_) => break,
                        }
                    }
                    eof.store(true, Ordering::SeqCst);
                })
                .expect("cannot start the pty reader thread");
        }

        Tui {
            parser,
            writer,
            child,
            master: pair.master,
            eof,
            status: None,
            program: program_name,
        }
    }

    /// Writes `text` to the terminal as if typed (raw bytes, no translation:
    /// use `"\r"` or [`Key::Enter`] for Return).
    ///
    /// # Panics
    ///
    /// If writing to the pty fails.
    pub fn send(&mut self, text: &str) {
        self.send_bytes(text.as_bytes());
    }

    /// Writes raw bytes to the terminal.
    ///
    /// # Panics
    ///
    /// If writing to the pty fails.
    pub fn send_bytes(&mut self, bytes: &[u8]) {
        let mut writer = lock(&self.writer);
        writer
            .write_all(bytes)
            .and_then(|()| writer.flush())
            .unwrap_or_else(|e| panic!("cannot write to the pty of {}: {e}", self.program));
    }

    /// Presses `key` (see [`Key`] for the bytes sent).
    pub fn key(&mut self, key: Key) {
        self.send_bytes(&key.bytes());
    }

    /// Presses `keys` one after the other.
    pub fn keys(&mut self, keys: &[Key]) {
        for &key in keys {
            self.key(key);
        }
    }

    /// The current screen contents as text: one line per row, trailing
    /// blanks removed (vt100's `Screen::contents`).
    pub fn screen(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// Runs `f` on the emulated screen, for checks beyond plain text (cell
    /// colours and attributes, cursor position, alternate screen, ...).
    pub fn with_screen<R>(&self, f: impl FnOnce(&vt100::Screen) -> R) -> R {
        f(lock(&self.parser).screen())
    }

    /// Waits until the screen contains `needle`, polling every 20 ms, and
    /// returns the screen that contained it.
    ///
    /// On timeout the error names the needle and shows the last screen, so
    /// `tui.wait_for(..).unwrap()` gives a useful failure message.
    pub fn wait_for(&self, needle: &str, timeout: Duration) -> Result<String, String> {
        self.wait_until(&format!("{needle:?}"), timeout, |screen| {
            screen.contains(needle)
        })
    }

    /// Waits until the screen contains any of `needles`; returns the index of
    /// the first needle (in `needles` order) found and the screen.
    pub fn wait_for_any(
        &self,
        needles: &[&str],
        timeout: Duration,
    ) -> Result<(usize, String), String> {
        let screen = self.wait_until(&format!("any of {needles:?}"), timeout, |screen| {
            needles.iter().any(|n| screen.contains(n))
        })?;
        let index = needles
            .iter()
            .position(|n| screen.contains(n))
            .expect("the predicate matched");
        Ok((index, screen))
    }

    /// Waits until the screen no longer contains `needle`; returns the
    /// screen without it.
    pub fn wait_gone(&self, needle: &str, timeout: Duration) -> Result<String, String> {
        self.wait_until(&format!("{needle:?} to disappear"), timeout, |screen| {
            !screen.contains(needle)
        })
    }

    /// Waits until `pred` holds for the screen text; `what` describes the
    /// condition in the timeout error.
    pub fn wait_until(
        &self,
        what: &str,
        timeout: Duration,
        mut pred: impl FnMut(&str) -> bool,
    ) -> Result<String, String> {
        let deadline = Instant::now() + timeout;
        // A frame can reach the pseudo-terminal in several reads; a screen only counts once it
        // matched on two polls in a row without changing, so a half-drawn frame is never taken
        // for the whole.
        let mut matched: Option<String> = None;
        loop {
            let screen = self.screen();
            if pred(&screen) {
                if matched.as_deref() == Some(screen.as_str()) {
                    return Ok(screen);
                }
                matched = Some(screen.clone());
            } else {
                matched = None;
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "timed out after {timeout:?} waiting for {what} on the screen of {}; \
                     last screen:\n{}",
                    self.program,
                    frame(&screen)
                ));
            }
            thread::sleep(POLL);
        }
    }

    /// The terminal size as (rows, cols).
    pub fn size(&self) -> (u16, u16) {
        lock(&self.parser).screen().size()
    }

    /// Resizes the terminal (the child gets `SIGWINCH`).
    ///
    /// # Panics
    ///
    /// If the pty cannot be resized.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        lock(&self.parser).screen_mut().set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("cannot resize the pty");
    }

    /// The child's process id, if known.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Whether the child is still running.
    pub fn is_running(&mut self) -> bool {
        self.try_status().is_none()
    }

    fn try_status(&mut self) -> Option<ExitStatus> {
        if self.status.is_none() {
            self.status = self.child.try_wait().ok().flatten();
        }
        self.status.clone()
    }

    /// Waits up to `timeout` for the child to exit and returns its status.
    ///
    /// After the exit it also waits (within the same timeout) until all
    /// output has been read, so [`screen`](Tui::screen) shows the final
    /// state. On timeout the child is killed and `None` is returned.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        let status = loop {
            if let Some(status) = self.try_status() {
                break status;
            }
            if Instant::now() >= deadline {
                self.kill();
                return None;
            }
            thread::sleep(POLL);
        };
        while !self.eof.load(Ordering::SeqCst) && Instant::now() < deadline {
            thread::sleep(POLL);
        }
        Some(status)
    }

    /// Kills the child (`SIGHUP`, then `SIGKILL` after a short grace period)
    /// if it is still running, and reaps it.
    pub fn kill(&mut self) {
        if self.try_status().is_none() {
            let _ = self.child.kill();
            self.status = self.child.wait().ok();
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        self.kill();
    }
}

impl std::fmt::Debug for Tui {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tui")
            .field("program", &self.program)
            .field("pid", &self.pid())
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

/// Draws a frame around `screen` so trailing blanks and empty rows are
/// visible in failure messages.
fn frame(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut out = format!("+{}+\n", "-".repeat(width));
    for line in &lines {
        let pad = width - line.chars().count();
        out.push_str(&format!("|{line}{}|\n", " ".repeat(pad)));
    }
    out.push_str(&format!("+{}+", "-".repeat(width)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_bytes() {
        assert_eq!(Key::Enter.bytes(), b"\r");
        assert_eq!(Key::BackTab.bytes(), b"\x1b[Z");
        assert_eq!(Key::Ctrl('c').bytes(), [3]);
        assert_eq!(Key::Ctrl('C').bytes(), [3]);
        assert_eq!(Key::Ctrl('[').bytes(), [0x1b]);
        assert_eq!(Key::F(5).bytes(), b"\x1b[15~");
        assert_eq!(Key::Char('é').bytes(), "é".as_bytes());
    }

    #[test]
    fn responder_answers_split_queries() {
        let mut parser = vt100::Parser::new_with_callbacks(5, 20, 0, Responder::default());
        parser.process(b"ab\x1b[");
        parser.process(b"6");
        parser.process(b"n\x1b[c\x1b[0c\x1b[?u\x1b[5n");
        assert_eq!(
            parser.callbacks().replies,
            b"\x1b[1;3R\x1b[?1;2c\x1b[?1;2c\x1b[0n"
        );
    }

    #[test]
    fn frame_shows_blank_rows() {
        assert_eq!(frame("ab\n\nc"), "+--+\n|ab|\n|  |\n|c |\n+--+");
    }
}
