//! The screen model: what a tab is to the shell, and what it answers.
//!
//! A tab is a [`Screen`]: a title, the trees it shows, a load, the key table of its current view
//! ([`Screen::mode`]), a handler for a command, and a drawing. A screen answers with [`Effects`]
//! (a status line, a layer to push, a tab to open at a record, work to do off the drawing
//! thread; quitting is the key table's, not a screen's) instead of calling the shell or another
//! screen; the shell ([`crate::app::App`]) applies them. Layers ([`crate::layers`]) answer the same way.
//!
//! Changes reach screens from core's announcements, not from the screens themselves: after each
//! key the shell reads the change sets core announced ([`kapstok_core::Kapstok::subscribe`]) and
//! hands each screen the ones that touch a tree it depends on ([`Screen::changed`]). The tab on
//! screen updates at once (in place where it can); the others read again when next shown.

use crate::i18n::{Lang, Msg};
use crate::keys::{Action, Mode};
use crate::layers::Layer;
use kapstok_core::members::Member;
use kapstok_core::store::changes::ChangeSet;
use kapstok_core::store::TreeId;
use kapstok_core::{Error, Kapstok, Session};
use ratatui::layout::Rect;
use ratatui::Frame;
use std::any::Any;
use std::path::Path;

pub use crate::screens::Status;

/// What a screen, a layer or a background job is given: the session and the language, and where
/// files made for the user go.
pub struct Cx<'a> {
    /// The open store.
    pub k: &'a Kapstok,
    /// Who is logged in.
    pub session: &'a Session,
    /// The language the user reads.
    pub lang: Lang,
    /// The folder beside the store's, where files made for the user go.
    pub out_dir: &'a Path,
}

impl Cx<'_> {
    /// A translated text.
    pub fn t(&self, m: Msg) -> &'static str {
        m.text(self.lang)
    }
}

/// Reads several screens share, made at most once per reload: the member register is read once
/// for the Members, Out of sight, Today and Meetings tabs together (at 100,000 members one read
/// per tab took over 350 MB), and let go when the reload ends.
pub struct Shared<'a> {
    session: &'a Session,
    register: Option<Vec<Member>>,
}

impl<'a> Shared<'a> {
    /// Nothing read yet.
    pub fn new(session: &'a Session) -> Shared<'a> {
        Shared {
            session,
            register: None,
        }
    }

    /// The register, if another screen of this reload has read it already.
    pub fn register_read(&self) -> Option<&[Member]> {
        self.register.as_deref()
    }

    /// The session the reads are made in.
    pub fn session(&self) -> &Session {
        self.session
    }

    /// The member register, read on first use.
    pub fn register(&mut self) -> Result<&[Member], Error> {
        if self.register.is_none() {
            self.register = Some(self.session.members().list()?);
        }
        Ok(self.register.as_deref().unwrap_or_default())
    }
}

/// Where a piece of work is done: a Today line, or a record another tab shows. The shell asks
/// each screen in turn whether it is the place ([`Screen::open`]); screens never call each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The member register.
    Members,
    /// One member in the register.
    Member(u64),
    /// Members out of sight.
    OutOfSight,
    /// Ex-members past the retention period (the register, where the privacy view opens).
    Retention,
    /// The week's card run.
    Run,
    /// BaseMail recipients (stays to confirm).
    Recipients,
    /// Experts and their agreements.
    Experts,
    /// Reviews due and planned.
    Reviews,
    /// Training plans.
    Plans,
    /// The pool's coverage of the tasks.
    Coverage,
    /// General meetings.
    Meetings,
}

/// The work of a [`Job`]: given the session and the language, it returns what the screen needs.
pub type Work = Box<dyn FnOnce(&Session, Lang) -> Box<dyn Any + Send> + Send>;

/// Work for the background thread: it runs with its own clone of the session, off the thread
/// that draws, and its result comes back to the screen that asked, as [`Screen::message`].
pub struct Job {
    /// What it does, for the progress line ("Bezig: …") shown while it takes over half a second.
    pub what: Msg,
    /// The work. It gets the session and the language and returns what the screen needs.
    pub work: Work,
}

/// One thing the shell does for a screen or layer.
pub enum Effect {
    /// A line for the status bar.
    Status(Status),
    /// A layer over the screen; it belongs to the screen that pushed it (directly, or through a
    /// layer of its own).
    Push(Box<dyn Layer>),
    /// Close the layer on top (after a question over a form was answered: the form).
    CloseLayer,
    /// Open the tab where the target's work is done.
    Open(Target),
    /// Work off the drawing thread that writes (once, through core, or a file for the user):
    /// quitting waits for it. Its result comes back as [`Screen::message`].
    Spawn(Job),
    /// Work off the drawing thread that only reads: quitting does not wait for it. Its result
    /// comes back as [`Screen::message`] (or to a layer of the screen, [`Layer::message`]).
    Read(Job),
}

/// What a screen or a layer answers: the effects, in the order the shell applies them.
#[derive(Default)]
pub struct Effects(pub Vec<Effect>);

impl Effects {
    /// Nothing to do.
    pub fn none() -> Effects {
        Effects(Vec::new())
    }

    /// One effect.
    pub fn one(effect: Effect) -> Effects {
        Effects(vec![effect])
    }

    /// A status line.
    pub fn info(text: impl Into<String>) -> Effects {
        Effects::one(Effect::Status(Status {
            text: text.into(),
            error: false,
        }))
    }

    /// A core error on the status line, in the user's language.
    pub fn error(e: &Error, lang: Lang) -> Effects {
        Effects::one(Effect::Status(crate::screens::error_status(e, lang)))
    }

    /// A status line, from a [`Status`].
    pub fn status(status: Status) -> Effects {
        Effects::one(Effect::Status(status))
    }

    /// A layer to push.
    pub fn push(layer: impl Layer + 'static) -> Effects {
        Effects::one(Effect::Push(Box::new(layer)))
    }

    /// "Cancelled." on the status line.
    pub fn cancelled(lang: Lang) -> Effects {
        Effects::info(Msg::Cancelled.text(lang))
    }

    /// These effects, then `effect`.
    pub fn and(mut self, effect: Effect) -> Effects {
        self.0.push(effect);
        self
    }

    /// These effects, then those of `more`.
    pub fn then(mut self, more: Effects) -> Effects {
        self.0.extend(more.0);
        self
    }

    /// These effects, then a layer.
    pub fn and_push(self, layer: impl Layer + 'static) -> Effects {
        self.and(Effect::Push(Box::new(layer)))
    }

    /// These effects, then a status line.
    pub fn and_status(self, status: Status) -> Effects {
        self.and(Effect::Status(status))
    }
}

impl From<Status> for Effects {
    fn from(status: Status) -> Effects {
        Effects::status(status)
    }
}

impl From<Option<Status>> for Effects {
    fn from(status: Option<Status>) -> Effects {
        status.map(Effects::status).unwrap_or_default()
    }
}

/// A tab. `Any` lets the layers a screen pushed reach it again ([`crate::layers`]); `Send` lets
/// a session's whole UI live on the thread that serves it.
pub trait Screen: Any + Send {
    /// The tab's title.
    fn title(&self) -> Msg;

    /// The trees whose changes this screen shows.
    fn depends_on(&self) -> &'static [TreeId];

    /// Reads what the screen shows (reads shared with other screens come from `shared`), at
    /// once: at login, when all tabs read together.
    fn load(&mut self, cx: &Cx, shared: &mut Shared) -> Result<(), Error>;

    /// Reads again, when shown after changes came while it was hidden. By default a
    /// [`Screen::load`]; a screen whose read takes long answers a job ([`Effect::Read`]) and
    /// keeps showing what it had meanwhile.
    fn reload(&mut self, cx: &Cx, shared: &mut Shared) -> Result<Effects, Error> {
        self.load(cx, shared).map(|()| Effects::none())
    }

    /// Change sets that touched a tree this screen depends on, while it is on screen. By default
    /// it reads again ([`Screen::reload`]); a screen that can update in place does so.
    fn changed(
        &mut self,
        cx: &Cx,
        sets: &[&ChangeSet],
        shared: &mut Shared,
    ) -> Result<Effects, Error> {
        let _ = sets;
        self.reload(cx, shared)
    }

    /// Whether [`Screen::changed`] is cheap enough to run while the screen is hidden (the member
    /// lists update one row per change): then it stays current instead of reading everything
    /// again when next shown.
    fn follows_changes_hidden(&self) -> bool {
        false
    }

    /// Where the keyboard is: the key table of the current view.
    fn mode(&self) -> Mode;

    /// Whether `Tab(n)` and the other tab keys may switch tabs now (not while typing a search).
    fn lets_tabs_switch(&self) -> bool {
        true
    }

    /// Handles a command from the key table.
    fn handle(&mut self, action: Action, cx: &Cx) -> Effects;

    /// Whether the target's work is done here: if so, the screen shows it and answers what else
    /// to do (a layer to open over it); the shell then switches to this tab.
    fn open(&mut self, target: Target, cx: &Cx) -> Option<Effects> {
        let _ = (target, cx);
        None
    }

    /// The result of a background job this screen (or a layer of it no longer open) asked for.
    fn message(&mut self, message: Box<dyn Any + Send>, cx: &Cx) -> Effects {
        let _ = (message, cx);
        Effects::none()
    }

    /// Draws the screen in `area`.
    fn render(&mut self, frame: &mut Frame, area: Rect, cx: &Cx);
}
