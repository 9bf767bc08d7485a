//! The application: which screen is up, the popup stack, the status line, and `update(Action)`,
//! which turns every user action into a core call. The TUI holds no business rule: validation,
//! permissions and storage are core's.

use crate::i18n::{self, Lang, Msg};
use crate::keys::{self, Action, Mode};
use crate::screens::basemail::{self, BaseMailTab};
use crate::screens::meetings::{self, MeetingsTab};
use crate::screens::members::{self, MemberList, OutOfSight};
use crate::screens::privacy::{self, PrivacyTab};
use crate::screens::today::{Target, TodayTab};
use crate::screens::training::{self, TrainingTab};
use crate::screens::volunteers::{self, VolunteersTab};
use crate::screens::Status as StatusLine;
use crate::widgets::centered;
use crate::widgets::confirm::{Answer, Question};
use crate::widgets::form::{show_address_fields, Field, Form, Outcome};
use kapstok_core::common::{format_date, parse_date};
use kapstok_core::error::{Error, FieldError, Permission, Reason};
use kapstok_core::members::{rules, Member, MemberInput, Status, Warning};
use kapstok_core::{demo, Kapstok, Role, Session};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Tabs, Wrap};
use ratatui::Frame;

/// The smallest usable terminal.
pub const MIN_WIDTH: u16 = 80;
/// The smallest usable terminal.
pub const MIN_HEIGHT: u16 = 24;

/// The tabs, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Today: what needs doing, per role (the start screen), and the year's figures.
    Today,
    /// The member register.
    Members,
    /// Members out of sight.
    OutOfSight,
    /// BaseMail: the week's cards; institutions and recipients for those who manage them.
    BaseMail,
    /// Experts by experience: agreements and reviews (coordinators and administrators).
    Volunteers,
    /// Training: gaps, plans, catalogues, coverage and budget (coordinators and
    /// administrators).
    Training,
    /// General meetings: agenda, convocation, attendance, votes, minutes, decisions
    /// (administrators; coordinators read).
    Meetings,
}

impl Tab {
    fn title(self) -> Msg {
        match self {
            Tab::Today => Msg::TabToday,
            Tab::Members => Msg::TabMembers,
            Tab::OutOfSight => Msg::TabOutOfSight,
            Tab::BaseMail => Msg::TabBaseMail,
            Tab::Volunteers => Msg::TabVolunteers,
            Tab::Training => Msg::TabTraining,
            Tab::Meetings => Msg::TabMeetings,
        }
    }
}

/// The logged-in part.
struct Main {
    session: Session,
    tabs: Vec<Tab>,
    tab: usize,
    today: TodayTab,
    members: MemberList,
    out: OutOfSight,
    basemail: BaseMailTab,
    volunteers: VolunteersTab,
    training: TrainingTab,
    privacy: PrivacyTab,
    meetings: MeetingsTab,
    /// The member in the detail pane, read from the store when the selection moves and kept
    /// until the next reload (the lists keep only what they show).
    detail: Option<Member>,
}

impl Main {
    fn current(&self) -> Option<Tab> {
        self.tabs.get(self.tab).copied()
    }

    fn has(&self, tab: Tab) -> bool {
        self.tabs.contains(&tab)
    }

    /// The number of the member selected on the current tab.
    fn selected_number(&self) -> Option<u64> {
        match self.current()? {
            Tab::Members => self.members.selected_number(),
            Tab::OutOfSight => self.out.selected_number(),
            Tab::Today | Tab::BaseMail | Tab::Volunteers | Tab::Training | Tab::Meetings => None,
        }
    }

    /// The member selected on the current tab, read from the store.
    fn selected_member(&self) -> Option<Member> {
        self.session.members().get(self.selected_number()?).ok()
    }

    /// The member selected on the current tab for the detail pane: read once per selection and
    /// reload, not for every frame.
    fn detail(&mut self) -> Option<&Member> {
        let number = self.selected_number()?;
        if self.detail.as_ref().map(|m| m.number) != Some(number) {
            self.detail = self.session.members().get(number).ok();
        }
        self.detail.as_ref()
    }

    /// Where the keyboard is on the current tab.
    fn mode(&self) -> Mode {
        match self.current() {
            Some(Tab::Today) => self.today.mode(),
            Some(Tab::BaseMail) => self.basemail.mode(),
            Some(Tab::Volunteers) => self.volunteers.mode(),
            Some(Tab::Training) => self.training.mode(),
            Some(Tab::Meetings) => self.meetings.mode(),
            _ if self.members.filtering => Mode::Filter,
            _ => Mode::Browse,
        }
    }
}

enum Screen {
    Setup(ListState),
    Login(Form),
    Main(Box<Main>),
}

/// Something to do once the user says yes.
#[derive(Debug, Clone)]
enum Pending {
    SaveMember {
        input: Box<MemberInput>,
        number: Option<u64>,
    },
    ChangeStatus {
        number: u64,
        status: Status,
        since: chrono::NaiveDate,
    },
    Contact {
        number: u64,
    },
}

enum FormKind {
    Member { number: Option<u64> },
    Status { number: u64 },
    NewAdmin,
}

enum Popup {
    /// The keys of a mode, scrolled down this many lines.
    Help(Mode, u16),
    Detail(u64),
    Form(Box<Form>, FormKind),
    Confirm(Question, Pending),
    BaseMail(Box<basemail::Popup>),
    Volunteers(Box<volunteers::Popup>),
    Training(Box<training::Popup>),
    Privacy(Box<privacy::Popup>),
    /// The audit log and the retention list (administrators); the state is `Main::privacy`.
    PrivacyView,
    Meetings(Box<meetings::Popup>),
}

/// The whole application state.
pub struct App {
    k: Kapstok,
    lang: Lang,
    screen: Screen,
    popups: Vec<Popup>,
    status: String,
    status_is_error: bool,
    /// The terminal is below [`MIN_WIDTH`] x [`MIN_HEIGHT`] (as last drawn or resized): the
    /// screen says "too small", and only `q` and Ctrl+C act.
    too_small: bool,
    /// Set when the user quits.
    pub quit: bool,
}

const SETUP_CHOICES: [Msg; 3] = [Msg::SetupDemo, Msg::SetupNew, Msg::SetupQuit];

impl App {
    /// The app on an open store: the first-start screen on an empty store, else the login.
    pub fn new(k: Kapstok, lang: Lang, user: Option<&str>) -> App {
        let mut app = App {
            k,
            lang,
            screen: Screen::Setup(ListState::default().with_selected(Some(0))),
            popups: Vec::new(),
            status: String::new(),
            status_is_error: false,
            too_small: false,
            quit: false,
        };
        match app.k.needs_setup() {
            Ok(true) => {}
            Ok(false) => app.screen = Screen::Login(login_form(user)),
            Err(e) => {
                app.screen = Screen::Login(login_form(user));
                app.error(&e);
            }
        }
        if let kapstok_core::store::Opened::Migrated { backup, .. } = app.k.opened() {
            app.status = format!("{} {}", Msg::StoreMigrated.text(lang), backup.display());
        }
        if let Some(Err(e)) = app.k.daily_backup() {
            app.status = format!("{} {e}", Msg::DailyBackupFailed.text(lang));
            app.status_is_error = true;
        }
        app
    }

    /// Writes the automatic backup of the day when it is due (the terminal UI opens the store
    /// without it, to show itself first). True when the status line changed: it failed.
    pub fn backup_of_the_day(&mut self) -> bool {
        match self.k.backup_of_the_day() {
            Some(Err(e)) => {
                self.status = format!("{} {e}", self.t(Msg::DailyBackupFailed));
                self.status_is_error = true;
                true
            }
            _ => false,
        }
    }

    fn t(&self, m: Msg) -> &'static str {
        m.text(self.lang)
    }

    fn info(&mut self, text: impl Into<String>) {
        self.status = text.into();
        self.status_is_error = false;
    }

    fn error(&mut self, e: &Error) {
        self.status = i18n::error(e, self.lang).replace('\n', " · ");
        self.status_is_error = true;
    }

    /// The tab shown, once logged in.
    pub fn tab(&self) -> Option<Tab> {
        match &self.screen {
            Screen::Main(main) => main.current(),
            _ => None,
        }
    }

    /// Where the keyboard is now.
    pub fn mode(&self) -> Mode {
        match self.popups.last() {
            Some(Popup::Help(..)) | Some(Popup::Detail(_)) => Mode::Help,
            Some(Popup::Form(..)) => Mode::Form,
            Some(Popup::Confirm(q, _)) => q.mode(),
            Some(Popup::BaseMail(p)) => p.mode(),
            Some(Popup::Volunteers(p)) => p.mode(),
            Some(Popup::Training(p)) => p.mode(),
            Some(Popup::Privacy(p)) => p.mode(),
            Some(Popup::PrivacyView) => match &self.screen {
                Screen::Main(m) => m.privacy.mode(),
                _ => Mode::Help,
            },
            Some(Popup::Meetings(p)) => p.mode(),
            None => match &self.screen {
                Screen::Setup(_) => Mode::Menu,
                Screen::Login(_) => Mode::Form,
                Screen::Main(m) => m.mode(),
            },
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
            let quits = match key.code {
                KeyCode::Char('c') => ctrl,
                KeyCode::Char('q') => !ctrl,
                _ => false,
            };
            if quits {
                self.quit = true;
            }
            return;
        }
        if let Some(action) = keys::map(self.mode(), key) {
            self.update(action);
        }
    }

    /// Whether the session's role has a permission (core decides): the key tables offer only
    /// what it may do.
    fn may(&self, permission: Permission) -> bool {
        self.session().is_some_and(|s| s.can(permission))
    }

    /// Applies an action.
    pub fn update(&mut self, action: Action) {
        if action == Action::Quit && !matches!(self.mode(), Mode::Form | Mode::Filter) {
            self.quit = true;
            return;
        }
        if let Some(popup) = self.popups.pop() {
            self.update_popup(popup, action);
            return;
        }
        match &mut self.screen {
            Screen::Setup(state) => match action {
                Action::Up => state.select_previous(),
                Action::Down => state.select(Some(
                    (state.selected().unwrap_or(0) + 1).min(SETUP_CHOICES.len() - 1),
                )),
                Action::Back => self.quit = true,
                Action::Enter => match state.selected().unwrap_or(0) {
                    0 => self.load_demo(),
                    1 => self.popups.push(Popup::Form(
                        Box::new(new_admin_form(self.lang)),
                        FormKind::NewAdmin,
                    )),
                    _ => self.quit = true,
                },
                _ => {}
            },
            Screen::Login(form) => match form.handle(action) {
                Outcome::Save => self.login(),
                Outcome::Cancel => self.quit = true,
                _ => {}
            },
            Screen::Main(_) => self.update_main(action),
        }
    }

    fn update_popup(&mut self, popup: Popup, action: Action) {
        match popup {
            Popup::Help(mode, scroll) => match action {
                Action::Back => {}
                Action::Up => self
                    .popups
                    .push(Popup::Help(mode, scroll.saturating_sub(1))),
                Action::Down => {
                    let most = keys::help(mode, |p| self.may(p)).count() as u16;
                    self.popups
                        .push(Popup::Help(mode, scroll.saturating_add(1).min(most)))
                }
                _ => self.popups.push(Popup::Help(mode, scroll)),
            },
            Popup::Detail(_) => {
                if action != Action::Back {
                    self.popups.push(popup);
                }
            }
            Popup::BaseMail(popup) => {
                let lang = self.lang;
                if let Screen::Main(main) = &mut self.screen {
                    let reply = main
                        .basemail
                        .handle_popup(*popup, action, &main.session, lang);
                    self.apply(reply);
                }
            }
            Popup::Volunteers(popup) => {
                let lang = self.lang;
                if let Screen::Main(main) = &mut self.screen {
                    let reply = main
                        .volunteers
                        .handle_popup(*popup, action, &main.session, lang);
                    self.apply_volunteers(reply);
                }
            }
            Popup::Training(popup) => {
                let lang = self.lang;
                if let Screen::Main(main) = &mut self.screen {
                    let reply = main
                        .training
                        .handle_popup(*popup, action, &main.session, lang);
                    self.apply_training(reply);
                }
            }
            Popup::Privacy(popup) => {
                let lang = self.lang;
                if let Screen::Main(main) = &mut self.screen {
                    let reply = main
                        .privacy
                        .handle_popup(*popup, action, &main.session, lang);
                    self.apply_privacy(reply);
                }
            }
            Popup::PrivacyView => {
                let lang = self.lang;
                if let Screen::Main(main) = &mut self.screen {
                    if action == Action::Back && main.privacy.closes_on_back() {
                        // Read again when opened; the audit log can be large.
                        main.privacy.unload();
                        return;
                    }
                    self.popups.push(Popup::PrivacyView);
                    if action == Action::Help {
                        // The help of the view, as its table and the hint offer it.
                        self.popups.push(Popup::Help(main.privacy.mode(), 0));
                        return;
                    }
                    let reply = main.privacy.handle(action, &main.session, lang);
                    self.apply_privacy(reply);
                }
            }
            Popup::Meetings(popup) => {
                let lang = self.lang;
                if let Screen::Main(main) = &mut self.screen {
                    let reply = main
                        .meetings
                        .handle_popup(*popup, action, &main.session, lang);
                    self.apply_meetings(reply);
                }
            }
            Popup::Confirm(question, pending) => match question.answer(action) {
                Answer::Yes => self.run_pending(pending),
                Answer::No => self.info(self.t(Msg::Cancelled)),
                Answer::Open(question) => self.popups.push(Popup::Confirm(question, pending)),
            },
            Popup::Form(mut form, kind) => {
                let outcome = form.handle(action);
                match outcome {
                    Outcome::Cancel => self.info(self.t(Msg::Cancelled)),
                    Outcome::Save => self.submit_form(form, kind),
                    Outcome::Changed => {
                        if let FormKind::Member { .. } = kind {
                            show_address_fields(&mut form);
                        }
                        if let FormKind::Status { .. } = kind {
                            form.set_visible("status_reason", form.value("status") == "ended");
                        }
                        self.popups.push(Popup::Form(form, kind));
                    }
                    Outcome::None => self.popups.push(Popup::Form(form, kind)),
                }
            }
        }
    }

    fn update_main(&mut self, action: Action) {
        let lang = self.lang;
        let Screen::Main(main) = &mut self.screen else {
            return;
        };
        let tab = main.current();
        let n = main.tabs.len().max(1);
        let switched = match action {
            Action::NextTab => Some((main.tab + 1) % n),
            Action::PrevTab => Some((main.tab + n - 1) % n),
            Action::Tab(i) if i < main.tabs.len() && !main.members.filtering => Some(i),
            _ => None,
        };
        if let Some(i) = switched {
            main.tab = i;
            // BaseMail and Volunteers name members: read them again in case the register changed
            // meanwhile.
            if main.current() == Some(Tab::Today) {
                if let Some(status) = main.today.load(&main.session, lang) {
                    self.set_status(status);
                }
                return;
            }
            let loaded = match main.current() {
                Some(Tab::BaseMail) => main.basemail.load(&main.session),
                Some(Tab::Volunteers) => main.volunteers.load(&main.session),
                Some(Tab::Training) => main.training.load(&main.session),
                Some(Tab::Meetings) => main.meetings.load(&main.session),
                _ => Ok(()),
            };
            if let Err(e) = loaded {
                self.error(&e);
            }
            return;
        }
        if action == Action::Help && !main.members.filtering {
            let mode = main.mode();
            self.popups.push(Popup::Help(mode, 0));
            return;
        }
        if tab == Some(Tab::Today) {
            let (target, status) = main.today.handle(action, &main.session, lang);
            if let Some(status) = status {
                self.set_status(status);
            }
            if let Some(target) = target {
                self.open(target);
            }
            return;
        }
        if tab == Some(Tab::BaseMail) {
            let reply = main.basemail.handle(action, &main.session, lang);
            self.apply(reply);
            return;
        }
        if tab == Some(Tab::Volunteers) {
            let reply = main.volunteers.handle(action, &main.session, lang);
            self.apply_volunteers(reply);
            return;
        }
        if tab == Some(Tab::Training) {
            let reply = main.training.handle(action, &main.session, lang);
            self.apply_training(reply);
            return;
        }
        if tab == Some(Tab::Meetings) {
            let reply = main.meetings.handle(action, &main.session, lang);
            self.apply_meetings(reply);
            return;
        }
        if main.members.filtering {
            match action {
                Action::Char(c) => {
                    let mut text = main.members.filter.clone();
                    text.push(c);
                    main.members.set_filter(text);
                }
                Action::Backspace => {
                    let mut text = main.members.filter.clone();
                    text.pop();
                    main.members.set_filter(text);
                }
                Action::Enter => main.members.filtering = false,
                Action::Back => {
                    main.members.filtering = false;
                    main.members.set_filter(String::new());
                }
                Action::Up => main.members.move_by(-1),
                Action::Down => main.members.move_by(1),
                Action::PageUp => main.members.move_by(-10),
                Action::PageDown => main.members.move_by(10),
                _ => {}
            }
            return;
        }
        if let Some(step) = action.step() {
            match tab {
                Some(Tab::Members) => main.members.move_by(step),
                Some(Tab::OutOfSight) => main.out.move_by(step),
                Some(Tab::Today)
                | Some(Tab::BaseMail)
                | Some(Tab::Volunteers)
                | Some(Tab::Training)
                | Some(Tab::Meetings)
                | None => {}
            }
            return;
        }
        match action {
            Action::Filter if tab == Some(Tab::Members) => main.members.filtering = true,
            Action::Back if tab == Some(Tab::Members) && !main.members.filter.is_empty() => {
                main.members.set_filter(String::new())
            }
            Action::Enter => match tab {
                Some(Tab::Members) => {
                    if let Some(number) = main.members.selected_number() {
                        self.popups.push(Popup::Detail(number));
                    }
                }
                Some(Tab::OutOfSight) => {
                    if let Some(number) = main.out.selected_number() {
                        main.tab = main
                            .tabs
                            .iter()
                            .position(|t| *t == Tab::Members)
                            .unwrap_or(0);
                        main.members.select_number(number);
                    }
                }
                Some(Tab::Today)
                | Some(Tab::BaseMail)
                | Some(Tab::Volunteers)
                | Some(Tab::Training)
                | Some(Tab::Meetings)
                | None => {}
            },
            Action::PrivacyView => {
                if main.session.can(Permission::AuditRead) {
                    let loaded = main.privacy.load(&main.session);
                    self.popups.push(Popup::PrivacyView);
                    if let Err(e) = loaded {
                        self.error(&e);
                    }
                } else {
                    self.error(&Error::Denied(Permission::AuditRead));
                }
            }
            Action::ExportPerson | Action::ErasePerson => {
                let Some(member) = self.selected_member() else {
                    self.info(Msg::NothingSelected.text(lang));
                    return;
                };
                let Some(session) = self.session().cloned() else {
                    return;
                };
                if !session.can(Permission::AuditRead) {
                    self.error(&Error::Denied(Permission::AuditRead));
                    return;
                }
                if action == Action::ExportPerson {
                    let status = privacy::export_person(
                        &session,
                        member.number,
                        &beside(self.k.path()),
                        lang,
                    );
                    self.set_status(status);
                } else {
                    let backups = match &self.screen {
                        Screen::Main(main) => main.privacy.backups().to_string(),
                        _ => String::new(),
                    };
                    self.popups
                        .push(Popup::Privacy(Box::new(privacy::Popup::erase(
                            member.number,
                            &format!("{} ({})", member.name.full(), member.number),
                            &backups,
                            lang,
                        ))));
                }
            }
            Action::New if tab.is_some() && self.may_write() => {
                let today = format_date(self.k.today());
                let input = MemberInput {
                    joined: today,
                    address_kind: "care_of".into(),
                    ..MemberInput::default()
                };
                self.popups.push(Popup::Form(
                    Box::new(member_form(Msg::FormNewMember, &input)),
                    FormKind::Member { number: None },
                ));
            }
            Action::Edit | Action::Status | Action::Contact => {
                let Some(member) = self.selected_member() else {
                    self.info(Msg::NothingSelected.text(lang));
                    return;
                };
                if !self.may_write() {
                    return;
                }
                let popup = match action {
                    Action::Edit => Popup::Form(
                        Box::new(member_form(
                            Msg::FormEditMember,
                            &MemberInput::from_member(&member),
                        )),
                        FormKind::Member {
                            number: Some(member.number),
                        },
                    ),
                    Action::Status => Popup::Form(
                        Box::new(status_form(&member, self.k.today())),
                        FormKind::Status {
                            number: member.number,
                        },
                    ),
                    _ => Popup::Confirm(
                        Question::yes_no(format!(
                            "{} {}?",
                            Msg::ConfirmContact.text(lang),
                            member.name.full()
                        )),
                        Pending::Contact {
                            number: member.number,
                        },
                    ),
                };
                self.popups.push(popup);
            }
            _ => {}
        }
    }

    fn may_write(&mut self) -> bool {
        let Screen::Main(main) = &self.screen else {
            return false;
        };
        if main.session.can(Permission::MembersWrite) {
            true
        } else {
            self.info(self.t(Msg::ReadOnlyRole));
            false
        }
    }

    /// The member selected on the current tab, as stored (the lists keep only what they show).
    fn selected_member(&self) -> Option<Member> {
        let Screen::Main(main) = &self.screen else {
            return None;
        };
        main.selected_member()
    }

    fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Main(m) => Some(&m.session),
            _ => None,
        }
    }

    fn load_demo(&mut self) {
        match demo::fill(&self.k, 300, 2026) {
            Ok(_) => {
                self.screen = Screen::Login(login_form(Some(demo::DEMO_USERS[0].0)));
                self.info(format!(
                    "{} {}",
                    self.t(Msg::DemoLoaded),
                    demo::DEMO_PASSWORD
                ));
            }
            Err(e) => self.error(&e),
        }
    }

    fn login(&mut self) {
        let Screen::Login(form) = &self.screen else {
            return;
        };
        let (user, password) = (form.value("user"), form.value("password"));
        match self.k.login(&user, &password) {
            Ok(session) => self.enter(session),
            Err(e) => {
                self.error(&e);
                if let Screen::Login(form) = &mut self.screen {
                    if let Some(f) = form.fields.iter_mut().find(|f| f.name == "password") {
                        f.clear();
                    }
                }
            }
        }
    }

    fn enter(&mut self, session: Session) {
        let mut tabs = vec![Tab::Today];
        if session.can(Permission::MembersRead) {
            tabs.extend([Tab::Members, Tab::OutOfSight]);
        }
        if session.can(Permission::BaseMailRun) {
            tabs.push(Tab::BaseMail);
        }
        if session.can(Permission::ExpertsManage) {
            tabs.push(Tab::Volunteers);
            tabs.push(Tab::Training);
        }
        if session.can(Permission::MeetingsRead) {
            tabs.push(Tab::Meetings);
        }
        let basemail = BaseMailTab::new(&session, beside(self.k.path()));
        let volunteers = VolunteersTab::new(&session, beside(self.k.path()));
        let training = TrainingTab::new(&session, beside(self.k.path()));
        let today = TodayTab::new(&session, beside(self.k.path()));
        let privacy = PrivacyTab::new(&self.k);
        let meetings = MeetingsTab::new(&session, beside(self.k.path()));
        let role = role_label(session.role(), self.lang);
        self.info(format!(
            "{} {} ({role})",
            self.t(Msg::LoggedInAs),
            session.user_name()
        ));
        self.screen = Screen::Main(Box::new(Main {
            session,
            tabs,
            tab: 0,
            today,
            members: MemberList::default(),
            out: OutOfSight::default(),
            basemail,
            volunteers,
            training,
            privacy,
            meetings,
            detail: None,
        }));
        self.reload();
    }

    /// Reloads the lists from core. The member register is read once and shared by the tabs
    /// that show members; each keeps only what it shows, and the register goes when this
    /// returns (100,000 members read once per tab took over 350 MB).
    fn reload(&mut self) {
        let lang = self.lang;
        // The audit log and the retention list are read while they are shown, not before.
        let privacy_shown = self.popups.iter().any(|p| matches!(p, Popup::PrivacyView));
        let Screen::Main(main) = &mut self.screen else {
            return;
        };
        main.detail = None;
        // Whatever fails below, the Meetings tab reads its people again next time.
        main.meetings.forget_people();
        let register = if main.has(Tab::Members) {
            main.session.members().list().map(Some)
        } else {
            Ok(None)
        };
        let shared = register.as_ref().ok().and_then(|r| r.as_deref());
        let today = main.today.load_with(&main.session, lang, shared);
        let result = (|| -> kapstok_core::Result<()> {
            let register = register?;
            if let Some(register) = &register {
                main.members.load(register);
                let weeks = main.session.settings()?.out_of_sight_weeks;
                main.out
                    .load(main.session.members().out_of_sight_in(register)?, weeks);
            }
            if main.has(Tab::Meetings) {
                main.meetings
                    .load_with(&main.session, register.as_deref())?;
            }
            // The other tabs do not need the register: let it go first.
            drop(register);
            if main.has(Tab::BaseMail) {
                main.basemail.load(&main.session)?;
            }
            if main.has(Tab::Volunteers) {
                main.volunteers.load(&main.session)?;
            }
            if main.has(Tab::Training) {
                main.training.load(&main.session)?;
            }
            if privacy_shown && main.session.can(Permission::AuditRead) {
                main.privacy.load(&main.session)?;
            }
            Ok(())
        })();
        if let Err(e) = result {
            self.error(&e);
        } else if let Some(status) = today {
            self.set_status(status);
        }
    }

    fn submit_form(&mut self, mut form: Box<Form>, kind: FormKind) {
        match kind {
            FormKind::NewAdmin => {
                let (user, pw, again) = (
                    form.value("user"),
                    form.value("password"),
                    form.value("password_again"),
                );
                if pw != again {
                    form.show_errors(
                        &[FieldError::new(
                            "password_again",
                            Reason::Other(self.t(Msg::PasswordsDiffer).into()),
                        )],
                        self.lang,
                    );
                    self.popups.push(Popup::Form(form, kind));
                    return;
                }
                // A passphrase chooses an encrypted store (only possible while it is blank).
                let (phrase, phrase_again) =
                    (form.value("passphrase"), form.value("passphrase_again"));
                if phrase != phrase_again {
                    form.show_errors(
                        &[FieldError::new(
                            "passphrase_again",
                            Reason::Other(self.t(Msg::PassphrasesDiffer).into()),
                        )],
                        self.lang,
                    );
                    self.popups.push(Popup::Form(form, kind));
                    return;
                }
                if !phrase.is_empty() && !self.k.is_encrypted() {
                    match self.k.encrypt_new(&phrase) {
                        Ok(()) => {}
                        Err(Error::Invalid(errors)) => {
                            let rest = form.show_errors(&errors, self.lang);
                            self.popups.push(Popup::Form(form, kind));
                            self.status_lines(rest);
                            return;
                        }
                        Err(e) => {
                            self.popups.push(Popup::Form(form, kind));
                            self.error(&e);
                            return;
                        }
                    }
                }
                match self.k.setup(&user, &pw) {
                    Ok(session) => self.enter(session),
                    Err(Error::Invalid(errors)) => {
                        let rest = form.show_errors(&errors, self.lang);
                        self.popups.push(Popup::Form(form, kind));
                        self.status_lines(rest);
                    }
                    Err(e) => {
                        self.popups.push(Popup::Form(form, kind));
                        self.error(&e);
                    }
                }
            }
            FormKind::Member { number } => {
                let input = input_from_form(&form);
                let Some(session) = self.session().cloned() else {
                    return;
                };
                match session.members().check(&input, number) {
                    Err(Error::Invalid(errors)) => {
                        let rest = form.show_errors(&errors, self.lang);
                        self.popups.push(Popup::Form(form, kind));
                        self.status_lines(rest);
                    }
                    Err(e) => {
                        self.popups.push(Popup::Form(form, kind));
                        self.error(&e);
                    }
                    Ok(warnings) if !warnings.is_empty() => {
                        let numbers: Vec<String> = warnings
                            .iter()
                            .map(|w| match w {
                                Warning::PossibleDuplicate { number } => number.to_string(),
                            })
                            .collect();
                        let text = format!(
                            "{} {}. {}",
                            self.t(Msg::ConfirmDuplicate),
                            numbers.join(", "),
                            self.t(Msg::ConfirmSaveAnyway)
                        );
                        self.popups.push(Popup::Form(form, kind));
                        self.popups.push(Popup::Confirm(
                            Question::yes_no(text),
                            Pending::SaveMember {
                                input: Box::new(input),
                                number,
                            },
                        ));
                    }
                    Ok(_) => {
                        self.popups.push(Popup::Form(form, kind));
                        self.run_pending(Pending::SaveMember {
                            input: Box::new(input),
                            number,
                        });
                    }
                }
            }
            FormKind::Status { number } => {
                let Some(session) = self.session().cloned() else {
                    return;
                };
                let member = match session.members().get(number) {
                    Ok(m) => m,
                    Err(e) => return self.error(&e),
                };
                let status = match form.value("status").as_str() {
                    "active" => Status::Active,
                    "suspended" => Status::Suspended,
                    "deceased" => Status::Deceased,
                    _ => Status::Ended {
                        reason: form.value("status_reason").trim().to_string(),
                    },
                };
                let since = parse_date(&form.value("status_since"));
                let check = match since {
                    None => Err(vec![FieldError::new("status_since", Reason::BadDate)]),
                    Some(since) => {
                        rules::check_status_change(&member, &status, since, session.today())
                    }
                };
                match (check, since) {
                    (Ok(()), Some(since)) => {
                        let text = format!(
                            "{} {} {} «{}» {} {}?",
                            self.t(Msg::ConfirmStatus),
                            member.name.full(),
                            self.t(Msg::ConfirmStatusTo),
                            members::status_label(&status, self.lang),
                            self.t(Msg::ConfirmStatusFrom),
                            format_date(since)
                        );
                        self.popups.push(Popup::Form(form, kind));
                        self.popups.push(Popup::Confirm(
                            Question::typed_word(&text, Msg::WordChange, self.lang),
                            Pending::ChangeStatus {
                                number,
                                status,
                                since,
                            },
                        ));
                    }
                    (Err(errors), _) => {
                        let rest = form.show_errors(&errors, self.lang);
                        self.popups.push(Popup::Form(form, kind));
                        self.status_lines(rest);
                    }
                    (Ok(()), None) => self.popups.push(Popup::Form(form, kind)),
                }
            }
        }
    }

    /// Shows what the BaseMail tab answered: a popup, a status line.
    fn apply(&mut self, reply: basemail::Reply) {
        if let Some(popup) = reply.popup {
            self.popups.push(Popup::BaseMail(Box::new(popup)));
        }
        if let Some(status) = reply.status {
            self.set_status(status);
        }
    }

    /// Shows what the Volunteers tab answered: a popup, a status line.
    fn apply_volunteers(&mut self, reply: volunteers::Reply) {
        if let Some(popup) = reply.popup {
            self.popups.push(Popup::Volunteers(Box::new(popup)));
        }
        if let Some(status) = reply.status {
            self.set_status(status);
        }
    }

    /// Shows what the Training tab answered: a popup, a status line.
    fn apply_privacy(&mut self, reply: privacy::Reply) {
        if let Some(popup) = reply.popup {
            self.popups.push(Popup::Privacy(Box::new(popup)));
        }
        let status = reply.status;
        // An erasure changes the register: read it again (this may set an error status).
        if let Screen::Main(main) = &mut self.screen {
            if std::mem::take(&mut main.privacy.erased) {
                self.reload();
            }
        }
        if let Some(status) = status {
            self.set_status(status);
        }
    }

    fn apply_training(&mut self, reply: training::Reply) {
        if let Some(popup) = reply.popup {
            self.popups.push(Popup::Training(Box::new(popup)));
        }
        if let Some(status) = reply.status {
            self.set_status(status);
        }
    }

    /// Opens the tab, and the view of it, where a Today line's work is done.
    fn open(&mut self, target: Target) {
        let wanted = match target {
            Target::Members | Target::Retention => Tab::Members,
            Target::OutOfSight => Tab::OutOfSight,
            Target::Run | Target::Recipients => Tab::BaseMail,
            Target::Experts | Target::Reviews => Tab::Volunteers,
            Target::Plans | Target::Coverage => Tab::Training,
            Target::Meetings => Tab::Meetings,
        };
        let position = match &self.screen {
            Screen::Main(main) => main.tabs.iter().position(|t| *t == wanted),
            _ => None,
        };
        let Some(i) = position else {
            return;
        };
        self.update_main(Action::Tab(i));
        let Screen::Main(main) = &mut self.screen else {
            return;
        };
        match target {
            Target::Members | Target::OutOfSight => {}
            Target::Run => main.basemail.show(basemail::View::Cards),
            Target::Recipients => main.basemail.show(basemail::View::Recipients),
            Target::Experts => main.volunteers.show(volunteers::View::Experts),
            Target::Reviews => main.volunteers.show(volunteers::View::Reviews),
            Target::Plans => main.training.show(training::View::Plans),
            Target::Coverage => main.training.show(training::View::Coverage),
            Target::Meetings => main.meetings.show(meetings::View::Meetings),
            // The retention list is a view of the audit log popup over the register.
            Target::Retention => {
                main.privacy.view = privacy::View::Retention;
                self.update_main(Action::PrivacyView);
            }
        }
    }

    /// Shows what the Meetings tab answered: a popup, a status line.
    fn apply_meetings(&mut self, reply: meetings::Reply) {
        if let Some(popup) = reply.popup {
            self.popups.push(Popup::Meetings(Box::new(popup)));
        }
        if let Some(status) = reply.status {
            self.set_status(status);
        }
    }

    fn set_status(&mut self, status: StatusLine) {
        self.status = status.text;
        self.status_is_error = status.error;
    }

    /// After a form showed its errors: the status line says so, with the errors of fields the
    /// form does not show.
    fn status_lines(&mut self, lines: Vec<String>) {
        let mut text = self.t(Msg::FormHasErrors).to_string();
        for l in lines {
            text.push_str(" · ");
            text.push_str(&l);
        }
        self.status = text;
        self.status_is_error = true;
    }

    /// Runs a confirmed change; on success the form under the question closes too.
    fn run_pending(&mut self, pending: Pending) {
        let Some(session) = self.session().cloned() else {
            return;
        };
        let members = session.members();
        let result = match &pending {
            Pending::SaveMember {
                input,
                number: None,
            } => members.create(input).map(|s| {
                (
                    s.member.number,
                    format!("{} {}", self.t(Msg::MemberCreated), s.member.number),
                )
            }),
            Pending::SaveMember {
                input,
                number: Some(n),
            } => members
                .update(*n, input)
                .map(|s| (s.member.number, self.t(Msg::Saved).to_string())),
            Pending::ChangeStatus {
                number,
                status,
                since,
            } => members
                .change_status(*number, status.clone(), *since)
                .map(|m| (m.number, self.t(Msg::StatusChanged).to_string())),
            Pending::Contact { number } => members
                .record_contact(*number, session.today())
                .map(|m| (m.number, self.t(Msg::ContactRecorded).to_string())),
        };
        match result {
            Ok((number, message)) => {
                if matches!(self.popups.last(), Some(Popup::Form(..))) {
                    self.popups.pop();
                }
                self.reload();
                if let Screen::Main(main) = &mut self.screen {
                    main.members.select_number(number);
                }
                self.info(message);
            }
            Err(Error::Invalid(errors)) => {
                if let Some(Popup::Form(form, _)) = self.popups.last_mut() {
                    let rest = form.show_errors(&errors, self.lang);
                    self.status_lines(rest);
                } else {
                    self.error(&Error::Invalid(errors));
                }
            }
            Err(e) => self.error(&e),
        }
    }

    /// Draws everything.
    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        self.too_small = too_small(area.width, area.height);
        if self.too_small {
            frame.render_widget(
                Paragraph::new(self.t(Msg::TooSmall)).wrap(Wrap { trim: true }),
                area,
            );
            return;
        }
        let [header, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area);
        self.draw_header(frame, header);
        let lang = self.lang;
        match &mut self.screen {
            Screen::Setup(state) => {
                let r = centered(body, 64, 9);
                let block = Block::bordered().title(format!(" {} ", Msg::SetupTitle.text(lang)));
                let inner = block.inner(r);
                frame.render_widget(block, r);
                let [intro, list] =
                    Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
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
            Screen::Login(form) => form.render(frame, centered(body, 60, 8), lang),
            Screen::Main(main) => match main.tabs.get(main.tab) {
                None => frame.render_widget(
                    Paragraph::new(Msg::NoAreas.text(lang))
                        .block(Block::bordered())
                        .wrap(Wrap { trim: true }),
                    body,
                ),
                Some(Tab::Members) => {
                    let (list, detail) = split_body(body);
                    main.members.render(frame, list, lang);
                    members::render_detail(frame, detail, main.detail(), lang);
                }
                Some(Tab::OutOfSight) => {
                    let (list, detail) = split_body(body);
                    main.out.render(frame, list, lang);
                    members::render_detail(frame, detail, main.detail(), lang);
                }
                Some(Tab::Today) => main.today.render(frame, body, self.k.today(), lang),
                Some(Tab::BaseMail) => main.basemail.render(frame, body, lang),
                Some(Tab::Volunteers) => main.volunteers.render(frame, body, lang),
                Some(Tab::Training) => main.training.render(frame, body, lang),
                Some(Tab::Meetings) => main.meetings.render(frame, body, lang),
            },
        }
        self.draw_status(frame, status);
        for i in 0..self.popups.len() {
            self.draw_popup(frame, body, i);
        }
    }

    fn draw_header(&self, frame: &mut Frame, area: Rect) {
        let style = Style::new()
            .add_modifier(Modifier::BOLD)
            .fg(Color::Black)
            .bg(Color::Cyan);
        let Screen::Main(main) = &self.screen else {
            let title = Span::styled(format!(" {} ", self.t(Msg::AppTitle)), style);
            frame.render_widget(Line::from(title), area);
            return;
        };
        let name = format!("{} ", main.session.user_name());
        let who = format!(
            "{} ({}) ",
            main.session.user_name(),
            role_label(main.session.role(), self.lang)
        );
        let titles: Vec<String> = main
            .tabs
            .iter()
            .enumerate()
            .map(|(i, tab)| format!("{i} {}", self.t(tab.title())))
            .collect();
        // Each tab title takes a space either side, with a divider between; the full app title gives way
        // to the short one when the tabs would not fit, and then the role to the user name alone.
        let tabs_width: usize = titles.iter().map(|t| t.chars().count() + 2).sum::<usize>()
            + titles.len().saturating_sub(1);
        let full = title_width(Msg::AppTitle, self.lang);
        let short = title_width(Msg::AppShort, self.lang);
        let fit = |title: u16, who: &str| {
            usize::from(title) + tabs_width + who.chars().count() <= usize::from(area.width)
        };
        // With many tabs (an administrator's at 80 columns) the title goes, then the name.
        let (title, title_w, who) = if fit(full, &who) {
            (Msg::AppTitle, full, who)
        } else if fit(short, &who) {
            (Msg::AppShort, short, who)
        } else if fit(short, &name) {
            (Msg::AppShort, short, name)
        } else if fit(0, &name) {
            (Msg::AppShort, 0, name)
        } else {
            (Msg::AppShort, 0, String::new())
        };
        // Still too wide (many tabs at 80 columns): the other tabs show their number only.
        let titles: Vec<String> = if tabs_width > usize::from(area.width) {
            titles
                .into_iter()
                .enumerate()
                .map(|(i, t)| if i == main.tab { t } else { i.to_string() })
                .collect()
        } else {
            titles
        };
        let who_width = who.chars().count() as u16;
        let [left, right] =
            Layout::horizontal([Constraint::Min(0), Constraint::Length(who_width)]).areas(area);
        let [t, tabs_area] =
            Layout::horizontal([Constraint::Length(title_w), Constraint::Min(0)]).areas(left);
        let title = Span::styled(format!(" {} ", self.t(title)), style);
        frame.render_widget(Line::from(title), t);
        frame.render_widget(
            Tabs::new(titles)
                .select(main.tab)
                .highlight_style(Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)),
            tabs_area,
        );
        frame.render_widget(Line::from(who).right_aligned(), right);
    }

    fn draw_status(&self, frame: &mut Frame, area: Rect) {
        let style = if self.status_is_error {
            Style::new().fg(Color::White).bg(Color::Red)
        } else {
            Style::new().fg(Color::Black).bg(Color::Gray)
        };
        // From the key table of where the keyboard is, the same for every tab.
        let hint = keys::hint(self.mode()).map_or("", |m| self.t(m));
        let [msg, keys] = Layout::horizontal([
            Constraint::Min(0),
            Constraint::Length(hint.chars().count() as u16 + 1),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(format!(" {}", self.status)).style(style),
            msg,
        );
        frame.render_widget(
            Paragraph::new(hint).style(Style::new().fg(Color::Black).bg(Color::Gray)),
            keys,
        );
    }

    fn draw_popup(&self, frame: &mut Frame, body: Rect, index: usize) {
        let lang = self.lang;
        match &self.popups[index] {
            Popup::Help(mode, scroll) => {
                let lines: Vec<Line> = keys::help(*mode, |p| self.may(p))
                    .map(|b| {
                        Line::from(vec![
                            Span::styled(
                                format!("{:>14}  ", b.keys),
                                Style::new().fg(Color::Yellow),
                            ),
                            Span::raw(b.help.text(lang)),
                        ])
                    })
                    .collect();
                let r = centered(body, 64, lines.len() as u16 + 2);
                frame.render_widget(Clear, r);
                let block = Block::bordered()
                    .title(format!(" {} ", self.t(Msg::HelpTitle)))
                    .title_bottom(format!(" {} ", self.t(Msg::HelpClose)));
                let most = (lines.len() as u16).saturating_sub(r.height.saturating_sub(2));
                frame.render_widget(
                    Paragraph::new(lines)
                        .block(block)
                        .scroll(((*scroll).min(most), 0)),
                    r,
                );
            }
            Popup::Detail(number) => {
                let member = self.session().and_then(|s| s.members().get(*number).ok());
                let r = centered(body, 76, body.height.saturating_sub(2));
                frame.render_widget(Clear, r);
                let lines = member
                    .map(|m| members::detail_lines(&m, lang, true))
                    .unwrap_or_default();
                let block = Block::bordered()
                    .title(format!(" {} ", self.t(Msg::DetailTitle)))
                    .title_bottom(format!(" {} ", self.t(Msg::HelpClose)));
                frame.render_widget(
                    Paragraph::new(lines)
                        .block(block)
                        .wrap(Wrap { trim: false }),
                    r,
                );
            }
            Popup::Form(form, kind) => {
                let height = match kind {
                    FormKind::Member { .. } => body.height,
                    FormKind::Status { .. } => 9,
                    FormKind::NewAdmin => 12,
                };
                form.render(frame, centered(body, 78, height), lang);
            }
            Popup::Confirm(question, _) => question.render(frame, body, lang),
            Popup::BaseMail(popup) => popup.render(frame, body, lang),
            Popup::Volunteers(popup) => popup.render(frame, body, lang),
            Popup::Training(popup) => popup.render(frame, body, lang),
            Popup::Privacy(popup) => popup.render(frame, body, lang),
            Popup::PrivacyView => {
                if let Screen::Main(main) = &self.screen {
                    main.privacy.render(frame, body, lang);
                }
            }
            Popup::Meetings(popup) => popup.render(frame, body, lang),
        }
    }
}

/// Below the smallest usable terminal.
fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

fn title_width(title: Msg, lang: Lang) -> u16 {
    title.text(lang).chars().count() as u16 + 3
}

/// The folder the store's folder is in: where files made for the user go.
fn beside(store: &std::path::Path) -> std::path::PathBuf {
    match store.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    }
}

fn split_body(body: Rect) -> (Rect, Rect) {
    if body.width >= 110 {
        let [a, b] = Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
            .areas(body);
        (a, b)
    } else {
        let [a, b] = Layout::vertical([Constraint::Min(6), Constraint::Length(10)]).areas(body);
        (a, b)
    }
}

/// A role in words.
pub fn role_label(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Administrator => Msg::RoleAdministrator.text(lang),
        Role::Coordinator => Msg::RoleCoordinator.text(lang),
        Role::Volunteer => Msg::RoleVolunteer.text(lang),
    }
}

fn login_form(user: Option<&str>) -> Form {
    let mut form = Form::new(
        Msg::LoginTitle,
        vec![
            Field::text("user", Msg::FieldUser, user.unwrap_or("")),
            Field::secret("password", Msg::FieldPassword),
        ],
    );
    form.enter_saves_on_last = true;
    form.hint = Msg::LoginHint;
    if user.is_some_and(|u| !u.is_empty()) {
        form.focus = 1;
    }
    form
}

fn new_admin_form(lang: Lang) -> Form {
    let mut form = Form::new(
        Msg::NewAdminTitle,
        vec![
            Field::text("user", Msg::FieldUser, ""),
            Field::secret("password", Msg::FieldPassword),
            Field::secret("password_again", Msg::FieldPasswordAgain),
            Field::secret("passphrase", Msg::FieldPassphrase),
            Field::secret("passphrase_again", Msg::FieldPassphraseAgain),
        ],
    );
    form.enter_saves_on_last = true;
    form.hint = Msg::NewAdminHint;
    form.note = Some(Msg::NewAdminEncryptNote.text(lang).into());
    form
}

fn member_form(title: Msg, i: &MemberInput) -> Form {
    let kinds = vec![
        ("street", Msg::AddrStreet),
        ("care_of", Msg::AddrCareOf),
        ("postbus", Msg::AddrPostbus),
        ("foreign", Msg::AddrForeign),
        ("unknown", Msg::AddrUnknown),
    ];
    let mut form = Form::new(
        title,
        vec![
            Field::text("given", Msg::FieldGiven, &i.given),
            Field::text("prefix", Msg::FieldPrefix, &i.prefix),
            Field::text("surname", Msg::FieldSurname, &i.surname),
            Field::text("known_as", Msg::FieldKnownAs, &i.known_as),
            Field::text("birth_date", Msg::FieldBirthDate, &i.birth_date),
            Field::text("phone", Msg::FieldPhone, &i.phone),
            Field::text("email", Msg::FieldEmail, &i.email),
            Field::choice(
                "address_kind",
                Msg::FieldAddressKind,
                kinds,
                &i.address_kind,
            ),
            Field::text("street", Msg::FieldStreet, &i.street),
            Field::text("house_number", Msg::FieldHouseNumber, &i.house_number),
            Field::text("addition", Msg::FieldAddition, &i.addition),
            Field::text("postcode", Msg::FieldPostcode, &i.postcode),
            Field::text("city", Msg::FieldCity, &i.city),
            Field::text("country", Msg::FieldCountry, &i.country),
            Field::text("joined", Msg::FieldJoined, &i.joined),
            Field::text(
                "consent_convocation_email",
                Msg::FieldConsentEmail,
                &i.consent_convocation_email,
            ),
            Field::text(
                "consent_birthday_card",
                Msg::FieldConsentBirthday,
                &i.consent_birthday_card,
            ),
            Field::text(
                "consent_magazine",
                Msg::FieldConsentMagazine,
                &i.consent_magazine,
            ),
            Field::text("last_contact", Msg::FieldLastContact, &i.last_contact),
            Field::text("notes", Msg::FieldNotes, &i.notes),
        ],
    );
    show_address_fields(&mut form);
    form
}

fn input_from_form(form: &Form) -> MemberInput {
    let v = |name: &str| form.value(name);
    MemberInput {
        given: v("given"),
        prefix: v("prefix"),
        surname: v("surname"),
        known_as: v("known_as"),
        birth_date: v("birth_date"),
        phone: v("phone"),
        email: v("email"),
        address_kind: v("address_kind"),
        street: v("street"),
        house_number: v("house_number"),
        addition: v("addition"),
        postcode: v("postcode"),
        city: v("city"),
        country: v("country"),
        joined: v("joined"),
        consent_convocation_email: v("consent_convocation_email"),
        consent_birthday_card: v("consent_birthday_card"),
        consent_magazine: v("consent_magazine"),
        last_contact: v("last_contact"),
        notes: v("notes"),
    }
}

fn status_form(member: &kapstok_core::members::Member, today: chrono::NaiveDate) -> Form {
    let options = vec![
        ("active", Msg::StatusActive),
        ("suspended", Msg::StatusSuspended),
        ("ended", Msg::StatusEnded),
        ("deceased", Msg::StatusDeceased),
    ];
    let current = member.status().name();
    let first_other = options
        .iter()
        .map(|(v, _)| *v)
        .find(|v| *v != current)
        .unwrap_or("active");
    let mut form = Form::new(
        Msg::FormStatus,
        vec![
            Field::choice("status", Msg::FieldStatus, options, first_other),
            Field::text("status_since", Msg::FieldStatusSince, &format_date(today)),
            Field::text("status_reason", Msg::FieldStatusReason, ""),
        ],
    );
    form.set_visible("status_reason", first_other == "ended");
    form
}
