//! The `kapstok` program: a terminal UI (ratatui) and a command line (clap) on kapstok-core.
//!
//! Flow: crossterm event -> [`keys::map`] (the key table of the top layer or the tab) ->
//! [`keys::Action`] -> [`app::App::update`] -> the layer or [`screen::Screen`] calls core ->
//! [`screen::Effects`] -> redraw. The library form exists so tests can drive [`app::App`] on a
//! `TestBackend`.

pub mod app;
pub mod cli;
pub mod files;
pub mod gate;
pub mod header;
pub mod i18n;
pub mod jobs;
pub mod keys;
pub mod layers;
pub mod present;
pub mod safe_backend;
pub mod screen;
pub mod screens;
pub mod serve;
pub mod status;
pub mod widgets;

use kapstok_core::Kapstok;
use ratatui::crossterm::{event, execute, terminal};
use ratatui::prelude::CrosstermBackend;
use ratatui::Terminal;
use std::io::{BufWriter, Stdout};
use std::time::Duration;

/// The terminal's backend: crossterm, behind the guard that replaces control characters.
type Backend = safe_backend::SafeBackend<CrosstermBackend<BufWriter<Stdout>>>;

/// Like `ratatui::try_init`, but each frame goes out in one write: over a slow remote session
/// (and to anything reading the terminal) a half-drawn frame is never seen. The panic hook
/// restores the terminal before the panic message is printed. No stored control character
/// reaches the terminal: the backend is wrapped in [`safe_backend::SafeBackend`].
fn init_terminal() -> std::io::Result<Terminal<Backend>> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        previous(info);
    }));
    terminal::enable_raw_mode()?;
    execute!(std::io::stdout(), terminal::EnterAlternateScreen)?;
    Terminal::new(safe_backend::SafeBackend::new(CrosstermBackend::new(
        BufWriter::with_capacity(1 << 16, std::io::stdout()),
    )))
}

/// Runs the terminal UI until the user quits. The terminal is restored afterwards, also after a
/// panic (ratatui's hook).
pub fn run_tui(k: Kapstok, lang: i18n::Lang, user: Option<&str>) -> std::io::Result<()> {
    let path = k.path().to_path_buf();
    let mut app = app::App::new(k, lang, user);
    let mut terminal = init_terminal()?;
    let result = (|| -> std::io::Result<()> {
        terminal.draw(|f| app.draw(f))?;
        // The backup of the day after the first frame: at 100,000 members it takes seconds.
        // The event reader starts first, so a resize or key meanwhile waits in its queue.
        event::poll(Duration::ZERO)?;
        if app.backup_of_the_day() {
            terminal.draw(|f| app.draw(f))?;
        }
        while !app.quit {
            // Background work reports back, and its progress line shows, within a tenth of a
            // second; otherwise the loop also looks for changes other sessions made.
            let wait = if app.busy() { 100 } else { 250 };
            if event::poll(Duration::from_millis(wait))? {
                let ev = event::read()?;
                app.handle_event(&ev);
                // Draw once per batch of queued events, so a slow remote session keeps up.
                while !app.quit && event::poll(Duration::ZERO)? {
                    app.handle_event(&event::read()?);
                }
                app.tick();
                terminal.draw(|f| app.draw(f))?;
            } else if app.tick() {
                terminal.draw(|f| app.draw(f))?;
            }
        }
        // Work that writes (a PDF being written) finishes before the store closes; a read
        // still running does not hold up quitting.
        app.finish();
        Ok(())
    })();
    ratatui::restore();
    // After an erasure the store is rewritten so that no old version stays in sled's log; that
    // needs the store closed, so it happens here (or on the next open, after a crash).
    drop(app);
    // Opening does a rewrite that is due (written in the erasure's own transaction).
    kapstok_core::privacy::rewrite_pending(&path).map_err(std::io::Error::other)?;
    result
}
