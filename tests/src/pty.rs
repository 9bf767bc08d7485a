//! A program in a pseudo-terminal with an emulated (vt100) screen: [`Tui`].

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

use crate::process::kapstok_env;
use crate::{kapstok_bin, ExitStatus, Key};

/// How often the `wait_*` methods look at the screen / the child.
const POLL: Duration = Duration::from_millis(20);

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
