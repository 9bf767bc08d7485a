//! One SSH session's terminal UI: the same [`App`] as the local one, on a thread of its own,
//! drawing through a backend whose size is the client's PTY and that never asks the server's own
//! terminal anything. Each frame goes out as one write; while a frame is still on its way the
//! next one waits (keys are still read), so a slow link skips frames instead of falling behind,
//! and never sees half a frame.

use super::input::Input;
use crate::app::App;
use crate::i18n::{Lang, Msg};
use crate::safe_backend::SafeBackend;
use kapstok_core::store::TreeId;
use kapstok_core::{Kapstok, Session};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::event::Event;
use ratatui::crossterm::{cursor, execute, terminal};
use ratatui::layout::{Position, Size};
use ratatui::Terminal;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What reaches a session's thread from its SSH channel.
#[derive(Debug)]
pub enum ToSession {
    /// Bytes the client typed.
    Bytes(Vec<u8>),
    /// The client's window has a new size (columns, rows).
    Resize(u16, u16),
    /// A change was committed (by any session): look at once, so it shows within the frame.
    Changed,
    /// The client went away, or the server stops.
    Closed,
}

/// What a session's thread sends to its SSH channel.
#[derive(Debug)]
pub enum FromSession {
    /// A frame (or the terminal set-up), to write as it is.
    Data(Vec<u8>),
    /// The user quit: leave, with this exit status.
    Quit(u32),
}

/// Where a session's output goes: an unbounded channel to the task that writes it to SSH.
/// `in_flight` is set while a frame is queued and cleared when it went out.
#[derive(Clone)]
pub struct Output {
    pub(super) tx: tokio::sync::mpsc::UnboundedSender<FromSession>,
    pub(super) in_flight: Arc<AtomicBool>,
}

/// Collects what the backend writes; `flush` sends it as one message.
struct ChannelWriter {
    buf: Vec<u8>,
    out: Output,
}

impl Write for ChannelWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        self.out.in_flight.store(true, Ordering::SeqCst);
        let frame = std::mem::take(&mut self.buf);
        self.out
            .tx
            .send(FromSession::Data(frame))
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "session closed"))
    }
}

/// crossterm's escape sequences, with the size the client's PTY has instead of a question to
/// the server's terminal (which may not exist: the server runs as a service).
struct PtyBackend {
    inner: CrosstermBackend<ChannelWriter>,
    size: Size,
}

impl Backend for PtyBackend {
    type Error = std::io::Error;

    fn draw<'a, I>(&mut self, content: I) -> std::io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> std::io::Result<()> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> std::io::Result<()> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> std::io::Result<Position> {
        // Asking the client would mean reading its answer from the input: the cursor is where
        // the last frame left it, which ratatui tracks itself.
        Ok(Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> std::io::Result<()> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> std::io::Result<()> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> std::io::Result<()> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> std::io::Result<Size> {
        Ok(self.size)
    }
    fn window_size(&mut self) -> std::io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::default(),
        })
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// Runs one session's UI until the user quits or the client goes away. The terminal is set up
/// on start (alternate screen, hidden cursor) and restored on the way out, also on disconnect.
pub fn run(
    k: Kapstok,
    lang: Lang,
    session: Session,
    size: (u16, u16),
    input: Receiver<ToSession>,
    wake: Sender<ToSession>,
    out: Output,
) -> std::io::Result<()> {
    let mut writer = ChannelWriter {
        buf: Vec::with_capacity(1 << 16),
        out: out.clone(),
    };
    execute!(writer, terminal::EnterAlternateScreen, cursor::Hide)?;
    let backend = PtyBackend {
        inner: CrosstermBackend::new(writer),
        size: Size::new(size.0, size.1),
    };
    let mut term = Terminal::new(SafeBackend::new(backend))?;
    let who = session.clone();
    // Woken by every committed change, after the app's own subscription has it too.
    let users = k.subscribe_waking(move || {
        let _ = wake.send(ToSession::Changed);
    });
    let mut app = App::logged_in(k.clone(), lang, session);
    let mut revoked = false;
    let mut parser = Input::default();
    let mut dirty = true;
    let mut closed = false;
    while !app.quit && !closed && !revoked {
        if dirty && !out.in_flight.load(Ordering::SeqCst) {
            term.draw(|f| app.draw(f))?;
            dirty = false;
        }
        // Look again soon while a frame waits, work runs, or an Esc waits for its sequence;
        // a change by any session wakes the loop at once ([`ToSession::Changed`]).
        let now = Instant::now();
        let mut wait = Duration::from_millis(if app.busy() { 15 } else { 250 });
        if dirty {
            wait = wait.min(Duration::from_millis(10));
        }
        if let Some(esc) = parser.waiting(now) {
            wait = wait.min(esc);
        }
        let mut events = Vec::new();
        match input.recv_timeout(wait) {
            Ok(first) => {
                let mut next = Some(first);
                // Everything already queued, as one batch: one frame for a burst of keys.
                while let Some(message) = next.take() {
                    match message {
                        ToSession::Bytes(bytes) => {
                            events.extend(parser.feed(&bytes, Instant::now()));
                        }
                        ToSession::Resize(w, h) => {
                            let backend = term.backend_mut().inner_mut();
                            backend.size = Size::new(w, h);
                            events.push(Event::Resize(w, h));
                        }
                        ToSession::Changed => {}
                        ToSession::Closed => closed = true,
                    }
                    next = input.try_recv().ok();
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => closed = true,
        }
        events.extend(parser.timeout(Instant::now()));
        for event in &events {
            if app.quit {
                break;
            }
            if let Event::Resize(..) = event {
                term.autoresize()?;
            }
            app.handle_event(event);
            dirty = true;
        }
        if app.tick() {
            dirty = true;
        }
        // A blocked account, or a removed key, ends its sessions.
        let mut users_changed = users.lagged();
        while let Some(set) = users.try_next() {
            users_changed |= set.touches(TreeId::Users) || set.touches(TreeId::UserKeys);
        }
        if users_changed && !k.still_allowed(&who).unwrap_or(false) {
            revoked = true;
        }
    }
    // Work still running (a PDF being written) finishes before the session ends.
    app.finish();
    drop(app);
    if !closed {
        // Through a second writer on the same channel, after the last frame.
        let mut writer = ChannelWriter {
            buf: Vec::new(),
            out: out.clone(),
        };
        execute!(writer, cursor::Show, terminal::LeaveAlternateScreen)?;
        if revoked {
            let text = format!("{}\r\n", Msg::ServeAccessRevoked.text(lang));
            writer.write_all(text.as_bytes())?;
            writer.flush()?;
        }
        let _ = out.tx.send(FromSession::Quit(u32::from(revoked)));
    }
    Ok(())
}
