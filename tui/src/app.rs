//! The shell: the header with the tabs, the status line, switching tabs, the layer stack, and
//! applying what screens and layers answer ([`Effects`]). It never names a tab: the tabs a role
//! sees come from [`screens::for_session`], each a [`Screen`].
//!
//! Flow: key -> the key table of the top layer, else the screen's ([`keys::map`]) -> a command
//! -> the layer or screen calls core -> effects -> applied here. After every command the shell
//! reads core's change announcements and hands them to the screens that depend on the trees
//! they touch ([`Screen::changed`]); the others read again when next shown.

use crate::files::beside;
use crate::gate::{Gate, Passed};
use crate::header;
pub use crate::header::role_label;
use crate::i18n::{Lang, Msg};
use crate::jobs::{Jobs, Wait};
use crate::keys::{self, Action, Mode};
use crate::screens::{self, Status};
use crate::status;
use kapstok_core::{Error, Kapstok, Session};
use logged_in::{Main, Who};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;

/// The smallest usable terminal.
pub const MIN_WIDTH: u16 = 80;
/// The smallest usable terminal.
pub const MIN_HEIGHT: u16 = 24;

/// The whole application state.
pub struct App {
    k: Kapstok,
    lang: Lang,
    gate: Gate,
    main: Option<Box<Main>>,
    status: Status,
    /// The terminal is below [`MIN_WIDTH`] x [`MIN_HEIGHT`] (as last drawn or resized): the
    /// screen says "too small", and only `q` and Ctrl+C act.
    too_small: bool,
    /// Set when the user quits.
    pub quit: bool,
}

fn info(text: impl Into<String>) -> Status {
    Status {
        text: text.into(),
        error: false,
    }
}

fn error(e: &Error, lang: Lang) -> Status {
    screens::error_status(e, lang)
}

impl App {
    /// The app on an open store: the first-start screen on an empty store, else the login.
    pub fn new(k: Kapstok, lang: Lang, user: Option<&str>) -> App {
        let (gate, problem) = Gate::new(&k, user, lang);
        let mut status = match problem {
            Some(text) => Status { text, error: true },
            None => info(""),
        };
        if let kapstok_core::store::Opened::Migrated { backup, .. } = k.opened() {
            status = info(format!(
                "{} {}",
                Msg::StoreMigrated.text(lang),
                backup.display()
            ));
        }
        if let Some(Err(e)) = k.daily_backup() {
            status = Status {
                text: format!("{} {e}", Msg::DailyBackupFailed.text(lang)),
                error: true,
            };
        }
        App {
            k,
            lang,
            gate,
            main: None,
            status,
            too_small: false,
            quit: false,
        }
    }

    /// The app for a session that is already logged in: a session of `kapstok serve`, whose
    /// user the SSH authentication established. It opens on the role's first tab.
    pub fn logged_in(k: Kapstok, lang: Lang, session: Session) -> App {
        let mut app = App {
            k,
            lang,
            gate: Gate::login(None),
            main: None,
            status: info(""),
            too_small: false,
            quit: false,
        };
        app.enter(session);
        app
    }

    /// Writes the automatic backup of the day when it is due (the terminal UI opens the store
    /// without it, to show itself first). True when the status line changed: it failed.
    pub fn backup_of_the_day(&mut self) -> bool {
        match self.k.backup_of_the_day() {
            Some(Err(e)) => {
                self.status = Status {
                    text: format!("{} {e}", Msg::DailyBackupFailed.text(self.lang)),
                    error: true,
                };
                true
            }
            _ => false,
        }
    }

    /// The title of the tab shown, once logged in.
    pub fn tab(&self) -> Option<Msg> {
        let main = self.main.as_ref()?;
        main.screens.get(main.tab).map(|s| s.title())
    }

    /// Where the keyboard is now.
    pub fn mode(&self) -> Mode {
        match &self.main {
            None => self.gate.mode(),
            Some(main) => match main.layers.last() {
                Some((_, layer)) => layer.mode(),
                None => main
                    .screens
                    .get(main.tab)
                    .map_or(Mode::Browse, |s| s.mode()),
            },
        }
    }

    /// What the status bar shows now: the last message (or the progress of background work)
    /// and the hint of where the keyboard is.
    fn status_line(&self) -> status::Line<'_> {
        status::Line {
            status: &self.status,
            progress: self.main.as_ref().and_then(|m| m.jobs.progress()),
            hint: keys::hint(self.mode()).map_or("", |m| m.text(self.lang)),
            lang: self.lang,
        }
    }

    /// Handles a terminal event. A resize counts at once, before the next frame: keys queued
    /// behind it are judged at the new size.
    pub fn handle_event(&mut self, event: &Event) {
        match event {
            Event::Key(key) => self.handle_key(*key),
            Event::Resize(w, h) => self.too_small = too_small(*w, *h),
            _ => {}
        }
    }

    /// Handles a key press. While the terminal is too small to show anything but "too small",
    /// only `q` and Ctrl+C act (both quit, also in a text field, where nothing can be typed
    /// unseen): no key changes what the user cannot see.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        if self.too_small {
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            self.quit |= match key.code {
                KeyCode::Char('c') => ctrl,
                KeyCode::Char('q') => !ctrl,
                _ => false,
            };
            return;
        }
        if let Some(action) = keys::map(self.mode(), key) {
            self.update(action);
        }
    }

    /// Applies a command.
    pub fn update(&mut self, action: Action) {
        if action == Action::Quit && !matches!(self.mode(), Mode::Form | Mode::Filter) {
            self.quit = true;
            return;
        }
        let Some(main) = self.main.as_deref_mut() else {
            match self.gate.handle(action, &self.k, self.lang) {
                Passed::Stay(Some((text, error))) => self.status = Status { text, error },
                Passed::Stay(None) => {}
                Passed::Enter(session) => self.enter(session),
                Passed::Quit => self.quit = true,
            }
            return;
        };
        main.update(action, &self.k, self.lang, &mut self.status);
    }

    /// Takes in what happened meanwhile without a key: finished background work and changes
    /// made by other sessions. True when the screen should be drawn again.
    pub fn tick(&mut self) -> bool {
        self.settle_with(Wait::No)
    }

    /// Waits for all background work to finish and takes in its results (tests).
    pub fn settle(&mut self) {
        self.settle_with(Wait::All);
    }

    /// Before quitting: waits for the work that writes (a PDF, a composed run); work that only
    /// reads is left behind, unless the store is to be rewritten after an erasure, which needs
    /// every reader gone first.
    pub fn finish(&mut self) {
        let rewrite = kapstok_core::privacy::rewrite_due(&self.k).unwrap_or(true);
        self.settle_with(if rewrite { Wait::All } else { Wait::Writes });
    }

    /// Whether background work runs (the loop then looks again soon).
    pub fn busy(&self) -> bool {
        self.main.as_ref().is_some_and(|m| m.jobs.busy())
    }

    fn settle_with(&mut self, wait: Wait) -> bool {
        let Some(main) = self.main.as_deref_mut() else {
            return false;
        };
        let (k, lang) = (&self.k, self.lang);
        let mut drawn = false;
        // A result or a change may start more work (a reload asked again): waiting, that is
        // waited for too.
        loop {
            let results = main.jobs.finished(wait);
            let more = !results.is_empty();
            for (owner, result) in results {
                main.take_result(owner, result, k, lang, &mut self.status);
            }
            let changed = main.take_changes(k, lang, &mut self.status);
            drawn |= more | changed;
            if wait == Wait::No || !(more || changed) {
                break;
            }
        }
        drawn | main.jobs.busy()
    }

    fn enter(&mut self, session: Session) {
        let out_dir = beside(self.k.path());
        let screens = screens::for_session(&session, &self.k, &out_dir);
        self.status = info(format!(
            "{} {} ({})",
            Msg::LoggedInAs.text(self.lang),
            session.user_name(),
            role_label(session.role(), self.lang)
        ));
        let mut main = Box::new(Main {
            changes: self.k.subscribe(),
            stale: vec![false; screens.len()],
            who: Who { session, out_dir },
            screens,
            tab: 0,
            layers: Vec::new(),
            jobs: Jobs::default(),
        });
        main.load_all(&self.k, self.lang, &mut self.status);
        self.main = Some(main);
    }

    /// Draws everything.
    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        self.too_small = too_small(area.width, area.height);
        if self.too_small {
            frame.render_widget(
                Paragraph::new(Msg::TooSmall.text(self.lang)).wrap(Wrap { trim: true }),
                area,
            );
            return;
        }
        let [header, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(status::height(self.status_line(), area.width)),
        ])
        .areas(area);
        self.draw_header(frame, header);
        let lang = self.lang;
        match self.main.as_deref_mut() {
            None => self.gate.render(frame, body, lang),
            Some(main) => {
                let cx = main.who.cx(&self.k, lang);
                match main.screens.get_mut(main.tab) {
                    None => frame.render_widget(
                        Paragraph::new(Msg::NoAreas.text(lang))
                            .block(Block::bordered())
                            .wrap(Wrap { trim: true }),
                        body,
                    ),
                    Some(screen) => screen.render(frame, body, &cx),
                }
                for (_, layer) in &main.layers {
                    layer.render(frame, body, &cx);
                }
            }
        }
        status::draw(frame, status, self.status_line());
    }

    fn draw_header(&self, frame: &mut Frame, area: Rect) {
        match &self.main {
            None => header::draw(frame, area, None, &[], 0, self.lang),
            Some(m) => {
                let titles: Vec<Msg> = m.screens.iter().map(|s| s.title()).collect();
                header::draw(frame, area, Some(&m.who.session), &titles, m.tab, self.lang)
            }
        }
    }
}

/// Below the smallest usable terminal.
fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

mod logged_in;
#[cfg(test)]
mod tests;
