//! Before anyone is logged in: the first-start menu on an empty store (demo data, a new store,
//! quit), the form for the first administrator, and the login.

use crate::i18n::{self, Lang, Msg};
use crate::keys::{Action, Mode};
use crate::widgets::centered;
use crate::widgets::form::{Form, FormInput, Outcome};
use crate::{field_name, form_input};
use kapstok_core::error::{Error, FieldError, Reason};
use kapstok_core::{demo, Kapstok, Session};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};
use ratatui::Frame;

const SETUP_CHOICES: [Msg; 3] = [Msg::SetupDemo, Msg::SetupNew, Msg::SetupQuit];

/// Where the gate is.
enum Step {
    Setup(ListState),
    NewAdmin(ListState, Box<Form>),
    Login(Box<Form>),
}

/// The gate's answer to a key.
pub enum Passed {
    /// Still here; maybe a line for the status bar (text, is an error).
    Stay(Option<(String, bool)>),
    /// Logged in (or the first administrator made).
    Enter(Session),
    /// The user quits.
    Quit,
}

/// The screens before the login.
pub struct Gate {
    step: Step,
}

impl Gate {
    /// The first-start menu on an empty store, else the login (for `user`, when given).
    /// Also a line for the status bar when the store could not be read.
    pub fn new(k: &Kapstok, user: Option<&str>, lang: Lang) -> (Gate, Option<String>) {
        match k.needs_setup() {
            Ok(true) => (
                Gate {
                    step: Step::Setup(ListState::default().with_selected(Some(0))),
                },
                None,
            ),
            Ok(false) => (Gate::login(user), None),
            Err(e) => (Gate::login(user), Some(i18n::error(&e, lang))),
        }
    }

    pub(crate) fn login(user: Option<&str>) -> Gate {
        Gate {
            step: Step::Login(Box::new(login_form(user))),
        }
    }

    /// Where the keyboard is.
    pub fn mode(&self) -> Mode {
        match self.step {
            Step::Setup(_) => Mode::Menu,
            Step::NewAdmin(..) | Step::Login(_) => Mode::Form,
        }
    }

    /// Handles a command.
    pub fn handle(&mut self, action: Action, k: &Kapstok, lang: Lang) -> Passed {
        if action == Action::Quit && self.mode() == Mode::Menu {
            return Passed::Quit;
        }
        match &mut self.step {
            Step::Setup(state) => match action {
                Action::Up => state.select_previous(),
                Action::Down => state.select(Some(
                    (state.selected().unwrap_or(0) + 1).min(SETUP_CHOICES.len() - 1),
                )),
                Action::Back => return Passed::Quit,
                Action::Enter => match state.selected().unwrap_or(0) {
                    0 => return self.load_demo(k, lang),
                    1 => self.step = Step::NewAdmin(*state, Box::new(new_admin_form(lang))),
                    _ => return Passed::Quit,
                },
                _ => {}
            },
            Step::NewAdmin(state, form) => match form.handle(action) {
                Outcome::Save => return self.new_admin(k, lang),
                Outcome::Cancel => {
                    self.step = Step::Setup(*state);
                    return Passed::Stay(Some((Msg::Cancelled.text(lang).into(), false)));
                }
                _ => {}
            },
            Step::Login(form) => match form.handle(action) {
                Outcome::Save => return self.log_in(k, lang),
                Outcome::Cancel => return Passed::Quit,
                _ => {}
            },
        }
        Passed::Stay(None)
    }

    fn load_demo(&mut self, k: &Kapstok, lang: Lang) -> Passed {
        match demo::fill(k, 300, 2026) {
            Ok(_) => {
                *self = Gate::login(Some(demo::DEMO_USERS[0].0));
                Passed::Stay(Some((
                    format!("{} {}", Msg::DemoLoaded.text(lang), demo::DEMO_PASSWORD),
                    false,
                )))
            }
            Err(e) => Passed::Stay(Some((error_line(&e, lang), true))),
        }
    }

    fn log_in(&mut self, k: &Kapstok, lang: Lang) -> Passed {
        let Step::Login(form) = &mut self.step else {
            return Passed::Stay(None);
        };
        let typed = Login::from_form(form);
        match k.login(&typed.user, &typed.password) {
            Ok(session) => Passed::Enter(session),
            Err(e) => {
                let password = field_name!(Login, password);
                if let Some(f) = form.fields.iter_mut().find(|f| f.name == password) {
                    f.clear();
                }
                Passed::Stay(Some((error_line(&e, lang), true)))
            }
        }
    }

    fn new_admin(&mut self, k: &Kapstok, lang: Lang) -> Passed {
        let Step::NewAdmin(_, form) = &mut self.step else {
            return Passed::Stay(None);
        };
        let refuse = |form: &mut Form, field: &'static str, m: Msg| {
            form.show_errors(
                &[FieldError::new(field, Reason::Other(m.text(lang).into()))],
                lang,
            );
            Passed::Stay(Some((Msg::FormHasErrors.text(lang).into(), true)))
        };
        let typed = NewAdmin::from_form(form);
        let (user, pw, phrase) = (typed.user, typed.password, typed.passphrase);
        if pw != typed.password_again {
            let field = field_name!(NewAdmin, password_again);
            return refuse(form, field, Msg::PasswordsDiffer);
        }
        // A passphrase chooses an encrypted store (only possible while it is blank).
        if phrase != typed.passphrase_again {
            let field = field_name!(NewAdmin, passphrase_again);
            return refuse(form, field, Msg::PassphrasesDiffer);
        }
        if !phrase.is_empty() && !k.is_encrypted() {
            if let Err(e) = k.encrypt_new(&phrase) {
                return refused(form, &e, lang);
            }
        }
        match k.setup(&user, &pw) {
            Ok(session) => Passed::Enter(session),
            Err(e) => refused(form, &e, lang),
        }
    }

    /// Draws the gate in the body of the screen.
    pub fn render(&mut self, frame: &mut Frame, body: Rect, lang: Lang) {
        match &mut self.step {
            Step::Setup(state) => render_setup(frame, body, state, lang),
            Step::NewAdmin(state, form) => {
                render_setup(frame, body, state, lang);
                form.render(frame, centered(body, 78, 12), lang);
            }
            Step::Login(form) => form.render(frame, centered(body, 60, 8), lang),
        }
    }
}

/// A core error for the status line, on one line.
fn error_line(e: &Error, lang: Lang) -> String {
    i18n::error(e, lang).replace('\n', " · ")
}

/// Field errors under the fields (the rest on the status line), or the error on the status line.
fn refused(form: &mut Form, e: &Error, lang: Lang) -> Passed {
    match e {
        Error::Invalid(errors) => {
            let rest = form.show_errors(errors, lang);
            let status = crate::screens::form_errors(rest, lang);
            Passed::Stay(Some((status.text, true)))
        }
        e => Passed::Stay(Some((error_line(e, lang), true))),
    }
}

fn render_setup(frame: &mut Frame, body: Rect, state: &mut ListState, lang: Lang) {
    let r = centered(body, 64, 9);
    let block = Block::bordered().title(format!(" {} ", Msg::SetupTitle.text(lang)));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [intro, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
    frame.render_widget(Paragraph::new(Msg::SetupIntro.text(lang)), intro);
    let items: Vec<ListItem> = SETUP_CHOICES
        .iter()
        .map(|m| ListItem::new(m.text(lang)))
        .collect();
    let list_widget = List::new(items)
        .highlight_symbol("▸ ")
        .highlight_style(Style::new().add_modifier(Modifier::BOLD).fg(Color::Yellow));
    frame.render_stateful_widget(list_widget, list, state);
}

/// The login as typed.
struct Login {
    user: String,
    password: String,
}

form_input! {
    Login {
        user: text(Msg::FieldUser),
        password: secret(Msg::FieldPassword),
    }
}

/// The first administrator as typed, and the passphrase of an encrypted store (twice each).
struct NewAdmin {
    user: String,
    password: String,
    password_again: String,
    passphrase: String,
    passphrase_again: String,
}

form_input! {
    NewAdmin {
        user: text(Msg::FieldUser),
        password: secret(Msg::FieldPassword),
        password_again: secret(Msg::FieldPasswordAgain),
        passphrase: secret(Msg::FieldPassphrase),
        passphrase_again: secret(Msg::FieldPassphraseAgain),
    }
}

fn login_form(user: Option<&str>) -> Form {
    let typed = Login {
        user: user.unwrap_or("").to_string(),
        password: String::new(),
    };
    let mut form = typed.form(Msg::LoginTitle);
    form.enter_saves_on_last = true;
    form.hint = Msg::LoginHint;
    if user.is_some_and(|u| !u.is_empty()) {
        form.focus = 1;
    }
    form
}

fn new_admin_form(lang: Lang) -> Form {
    let typed = NewAdmin {
        user: String::new(),
        password: String::new(),
        password_again: String::new(),
        passphrase: String::new(),
        passphrase_again: String::new(),
    };
    let mut form = typed.form(Msg::NewAdminTitle);
    form.enter_saves_on_last = true;
    form.hint = Msg::NewAdminHint;
    form.note = Some(Msg::NewAdminEncryptNote.text(lang).into());
    form
}
