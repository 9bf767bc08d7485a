//! The privacy view, for administrators (a full-screen popup over the member register, `L`):
//! the audit log (filtered by user, record and dates) and the retention list of ex-members past
//! the retention period. Exporting and erasing one person (also from the member register) and
//! anonymising the whole retention list go through here too. Erasing is a typed confirmation in
//! two steps: the member number (for the whole list: how many people are on it), then the word
//! `wissen` (`erase` in English), the second step naming the backups that still hold the data.
//!
//! Every rule is core's (`session.audit_log()`, `session.privacy()`); the tab shows core's
//! answers. The rewrite of the store that removes old versions from disk happens when kapstok
//! closes (`run_tui` calls `privacy::rewrite_pending`), or on the next open after a crash.

use super::{error_status, Status};
use crate::files::write_atomically;
use crate::i18n::{args, Lang, Msg};
use crate::jobs::{Back, Reloads};
use crate::keys::{Action, Mode};
use crate::layers::{ConfirmLayer, FormLayer, Layer, Next, Submit};
use crate::screen::{Cx, Effect, Effects};
use crate::widgets::confirm::Question;
use crate::widgets::form::{Field, Form};
use kapstok_core::access::Origin;
use kapstok_core::access::{AuditEntry, AuditFilter, AuditPage};
use kapstok_core::common::{format_date, parse_date};
use kapstok_core::error::{FieldError, Reason};
use kapstok_core::privacy::Due;
use kapstok_core::{Result, Session};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph};
use ratatui::Frame;
use std::any::Any;
use std::path::{Path, PathBuf};

/// The views of the tab, switched with `v`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The audit log.
    Audit,
    /// Ex-members past the retention period.
    Retention,
}

/// The typed confirmation before erasing one member: the member number, then the erase word
/// (naming the backups in `backups` that still hold the person). `who` names them.
pub fn erase_question(number: u64, who: &str, backups: &str, lang: Lang) -> Question {
    let first = format!(
        "{}\n{}",
        args::PrivEraseAsk1 { who: &who }.text(lang),
        Msg::PrivEraseTypeNumber.text(lang)
    );
    Question::typed(first, number.to_string())
        .then(last_check(backups, lang), Msg::PrivEraseWord.text(lang))
}

/// The typed confirmation before anonymising everyone on the retention list: how many they
/// are, then the erase word.
pub fn erase_all_question(count: usize, backups: &str, lang: Lang) -> Question {
    let who = crate::i18n::count(count, crate::i18n::Noun::Member, lang);
    let count = count.to_string();
    let first = format!(
        "{}\n{}",
        args::PrivEraseAsk1 { who: &who }.text(lang),
        Msg::PrivEraseTypeCount.text(lang)
    );
    Question::typed(first, count).then(last_check(backups, lang), Msg::PrivEraseWord.text(lang))
}

/// The question before erasing `numbers`, owned by a screen of type `S`; its yes erases them.
pub fn erase_layer<S: 'static>(numbers: Vec<u64>, question: Question) -> ConfirmLayer<S> {
    ConfirmLayer::new(question, move |_: &mut S, cx: &Cx| {
        Effects::status(erase(&numbers, cx))
    })
    .on_no(|cx| Effects::info(cx.t(Msg::PrivCancelled)))
}

/// Erases `numbers` one by one (stopping at the first error) and says what was done.
fn erase(numbers: &[u64], cx: &Cx) -> Status {
    let lang = cx.lang;
    let (mut erased, mut again) = (0, Vec::new());
    for n in numbers {
        match cx.session.privacy().erase(*n) {
            Err(e) => return error_status(&e, lang),
            // Erased before: the store's rewrite is due again.
            Ok(done) if done.again => again.push(n.to_string()),
            Ok(_) => erased += 1,
        }
    }
    let backups = kapstok_core::privacy::backup_dir(cx.k)
        .display()
        .to_string();
    let text = if erased == 0 && !again.is_empty() {
        args::PrivErasedAgainTui {
            number: &again.join(", "),
        }
        .text(lang)
    } else {
        args::PrivErasedTui {
            count: &erased,
            dir: &backups,
        }
        .text(lang)
    };
    status(text)
}

fn last_check(backups: &str, lang: Lang) -> String {
    args::PrivEraseAsk2 { dir: &backups }.text(lang)
}

/// How many of the newest log entries the view holds: enough to page through, small enough
/// that a log of hundreds of thousands of entries costs no memory (a filter finds older ones).
pub const AUDIT_SHOWN: usize = 2_000;

/// The Privacy tab.
pub struct PrivacyTab {
    /// The view shown.
    pub view: View,
    entries: Vec<AuditEntry>,
    /// How many entries pass the filter in all (the view shows the newest [`AUDIT_SHOWN`]).
    matching: usize,
    filter: AuditFilter,
    audit_state: ListState,
    due: Vec<Due>,
    months: u32,
    due_state: ListState,
    backups: String,
    /// The log and the list are read off the drawing thread (at 100,000 members the log takes
    /// close to a second); until the first read is back the view says it is reading.
    reloads: Reloads,
    loaded: bool,
}

/// What the view reads: the newest log entries that pass the filter, the retention list and
/// its period.
type Read = (AuditPage, Vec<Due>, u32);

fn read(s: &Session, filter: &AuditFilter) -> Result<Read> {
    let page = s.audit_log().newest(filter, AUDIT_SHOWN)?;
    let due = s.privacy().retention()?;
    let months = s.privacy().settings()?.retention_months;
    Ok((page, due, months))
}

fn status(text: String) -> Status {
    Status { text, error: false }
}

fn filter_form(f: &AuditFilter) -> Form {
    let date = |d: Option<chrono::NaiveDate>| d.map(format_date).unwrap_or_default();
    let mut form = Form::new(
        Msg::AuditFilterTitle,
        vec![
            Field::text("user", Msg::FieldUser, f.user.as_deref().unwrap_or("")),
            Field::text(
                "record",
                Msg::FieldRecord,
                f.record.as_deref().unwrap_or(""),
            ),
            Field::text("from", Msg::FieldFrom, &date(f.from)),
            Field::text("to", Msg::FieldTo, &date(f.to)),
        ],
    );
    form.enter_saves_on_last = true;
    form
}

/// The filter typed in the form, or the field errors (dates that are not dates, or the wrong
/// way round).
fn parse_filter(form: &Form) -> std::result::Result<AuditFilter, Vec<FieldError>> {
    let text = |name: &str| {
        let v = form.value(name).trim().to_string();
        (!v.is_empty()).then_some(v)
    };
    let mut errors = Vec::new();
    let mut date = |name: &'static str| match text(name) {
        None => None,
        Some(t) => {
            let d = parse_date(&t);
            if d.is_none() {
                errors.push(FieldError::new(name, Reason::BadDate));
            }
            d
        }
    };
    let from = date("from");
    let to = date("to");
    if let (Some(a), Some(b)) = (from, to) {
        if b < a {
            errors.push(FieldError::new("to", Reason::Before("from")));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(AuditFilter {
        user: text("user").map(|u| u.to_lowercase()),
        record: text("record"),
        from,
        to,
    })
}

fn moved(state: &mut ListState, len: usize, action: Action) -> bool {
    let current = state.selected().unwrap_or(0) as i64;
    let Some(step) = action.step() else {
        return false;
    };
    if len > 0 {
        let last = len as i64 - 1;
        state.select(Some(current.saturating_add(step).clamp(0, last) as usize));
    }
    true
}

/// Writes the JSON export and the PDF summary of member `number` into `dir`.
pub fn export_person(s: &Session, number: u64, dir: &Path, lang: Lang) -> Status {
    let result = (|| -> std::result::Result<(PathBuf, PathBuf), String> {
        let p = s.privacy();
        let err = |e: kapstok_core::Error| crate::i18n::error(&e, lang);
        let json = p.export_json(number).map_err(err)?;
        let pdf = p.export_pdf_in(number, lang).map_err(err)?;
        let [json_path, pdf_path] = ["json", "pdf"]
            .map(|ext| dir.join(crate::files::person_data_name(number, s.today(), ext, lang)));
        write_atomically(&json_path, &json).map_err(|e| format!("{}: {e}", json_path.display()))?;
        write_atomically(&pdf_path, &pdf).map_err(|e| format!("{}: {e}", pdf_path.display()))?;
        Ok((json_path, pdf_path))
    })();
    match result {
        Ok((json, pdf)) => status(
            args::PrivExportedTui {
                number: &number,
                json: &json.display().to_string(),
                pdf: &pdf.display().to_string(),
            }
            .text(lang),
        ),
        Err(text) => Status { text, error: true },
    }
}

impl PrivacyTab {
    /// The folder of the backups that still hold erased people, as shown.
    pub fn backups(&self) -> &str {
        &self.backups
    }

    /// The view for the store `k` (exports are saved beside it).
    pub fn new(k: &kapstok_core::Kapstok) -> PrivacyTab {
        PrivacyTab {
            view: View::Audit,
            entries: Vec::new(),
            matching: 0,
            filter: AuditFilter::default(),
            audit_state: ListState::default().with_selected(Some(0)),
            due: Vec::new(),
            months: 0,
            due_state: ListState::default().with_selected(Some(0)),
            backups: kapstok_core::privacy::backup_dir(k).display().to_string(),
            reloads: Reloads::default(),
            loaded: false,
        }
    }

    /// Whether Esc closes the view (else it clears the audit log's filter first).
    pub fn closes_on_back(&self) -> bool {
        self.view == View::Retention || self.filter_is_empty()
    }

    fn filter_is_empty(&self) -> bool {
        self.filter.user.is_none()
            && self.filter.record.is_none()
            && self.filter.from.is_none()
            && self.filter.to.is_none()
    }

    /// Where the keyboard is.
    pub fn mode(&self) -> Mode {
        match self.view {
            View::Audit => Mode::Audit,
            View::Retention => Mode::Retention,
        }
    }

    /// Reads the log and the retention list again, at once.
    pub fn load(&mut self, s: &Session) -> Result<()> {
        self.reloads.outdate();
        let read = read(s, &self.filter)?;
        self.show_read(read);
        Ok(())
    }

    /// Shows what was read, keeping the selections within the lists.
    fn show_read(&mut self, (page, due, months): Read) {
        self.entries = page.entries;
        self.matching = page.matching;
        self.due = due;
        self.months = months;
        self.loaded = true;
        for (state, len) in [
            (&mut self.audit_state, self.entries.len()),
            (&mut self.due_state, self.due.len()),
        ] {
            let at = state.selected().unwrap_or(0).min(len.saturating_sub(1));
            state.select(Some(at));
        }
    }

    /// The result of a read off the drawing thread: shown when it is the newest, else dropped
    /// (and asked again when a newer filter waited for it); not this view's: given back.
    pub fn message(
        &mut self,
        message: Box<dyn Any + Send>,
        lang: Lang,
    ) -> std::result::Result<Effects, Box<dyn Any + Send>> {
        Ok(match self.reloads.take::<Result<Read>>(message)? {
            Back::Fresh(Ok(read)) => {
                self.show_read(read);
                Effects::none()
            }
            Back::Fresh(Err(e)) => Effects::error(&e, lang),
            Back::Outdated { again: true } => self.ask(),
            Back::Outdated { again: false } => Effects::none(),
            Back::Failed => crate::jobs::failed(lang),
        })
    }

    /// Reads the log and the list again off the drawing thread, with the filter as it is now.
    fn ask(&mut self) -> Effects {
        let filter = self.filter.clone();
        self.reloads
            .ask(Msg::BusyAuditLog, move |s, _| read(s, &filter))
    }

    fn selected_due(&self) -> Option<&Due> {
        self.due.get(self.due_state.selected().unwrap_or(0))
    }

    /// Handles an action on the view; the layers it pushes (the filter, an erasure's question)
    /// are owned by the view itself ([`PrivacyView`]).
    pub fn handle(&mut self, action: Action, cx: &Cx) -> Effects {
        let lang = cx.lang;
        if action == Action::NextView {
            self.view = match self.view {
                View::Audit => View::Retention,
                View::Retention => View::Audit,
            };
            return self.reload(cx);
        }
        match self.view {
            View::Audit => {
                if moved(&mut self.audit_state, self.entries.len(), action) {
                    return Effects::none();
                }
                match action {
                    Action::Filter => Effects::push(
                        FormLayer::<PrivacyTab>::new(filter_form(&self.filter), |form, tab, cx| {
                            match parse_filter(form) {
                                Ok(filter) => {
                                    tab.filter = filter;
                                    tab.audit_state.select(Some(0));
                                    Submit::Done(tab.reload(cx))
                                }
                                Err(errors) => {
                                    form.show_errors(&errors, cx.lang);
                                    Submit::Stay(Effects::none())
                                }
                            }
                        })
                        .width(64),
                    ),
                    Action::Back => {
                        self.filter = AuditFilter::default();
                        self.reload(cx)
                    }
                    _ => Effects::none(),
                }
            }
            View::Retention => {
                if moved(&mut self.due_state, self.due.len(), action) {
                    return Effects::none();
                }
                match action {
                    Action::ExportPerson => match self.selected_due() {
                        Some(d) => Effects::status(export_person(
                            cx.session,
                            d.member.number,
                            cx.out_dir,
                            lang,
                        )),
                        None => Effects::info(Msg::NothingSelected.text(lang)),
                    },
                    Action::ErasePerson => match self.selected_due() {
                        Some(d) => {
                            let who = format!("{} ({})", d.member.name.full(), d.member.number);
                            let q = erase_question(d.member.number, &who, &self.backups, lang);
                            Effects::push(erase_here(vec![d.member.number], q))
                        }
                        None => Effects::info(Msg::NothingSelected.text(lang)),
                    },
                    Action::EraseDue if self.due.is_empty() => {
                        Effects::info(Msg::RetentionEmpty.text(lang))
                    }
                    Action::EraseDue => {
                        let numbers: Vec<u64> = self.due.iter().map(|d| d.member.number).collect();
                        let q = erase_all_question(numbers.len(), &self.backups, lang);
                        Effects::push(erase_here(numbers, q))
                    }
                    _ => Effects::none(),
                }
            }
        }
    }

    fn reload(&mut self, _: &Cx) -> Effects {
        self.ask()
    }

    /// Draws the view over `area`.
    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang) {
        frame.render_widget(Clear, area);
        let [intro, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        let bold = Style::new().add_modifier(Modifier::REVERSED);
        if !self.loaded {
            frame.render_widget(Paragraph::new(Msg::ReadingAuditLog.text(lang)), intro);
            return;
        }
        match self.view {
            View::Audit => {
                let filtered = if self.filter_is_empty() {
                    ""
                } else {
                    Msg::AuditFiltered.text(lang)
                };
                let (count, shown) = (self.matching.to_string(), self.entries.len().to_string());
                let intro_text = if self.matching > self.entries.len() {
                    args::AuditCountNewest {
                        shown: &shown,
                        count: &count,
                        filter: &filtered,
                    }
                    .text(lang)
                } else {
                    args::AuditCount {
                        count: &crate::i18n::count(
                            self.matching,
                            crate::i18n::Noun::LogEntry,
                            lang,
                        ),
                        filter: &filtered,
                    }
                    .text(lang)
                };
                frame.render_widget(Paragraph::new(intro_text), intro);
                let block = Block::bordered().title(format!(" {} ", Msg::AuditTitle.text(lang)));
                if self.entries.is_empty() {
                    frame.render_widget(
                        Paragraph::new(Msg::AuditEmpty.text(lang)).block(block),
                        list,
                    );
                    return;
                }
                let items: Vec<ListItem> = self
                    .entries
                    .iter()
                    .map(|e| {
                        // Where a change came from, when it was not this computer.
                        let origin = match &e.origin {
                            Origin::Local => String::new(),
                            Origin::Ssh { address, .. } => {
                                format!(" · {}", args::OriginSsh { address }.text(lang))
                            }
                        };
                        ListItem::new(Line::from(format!(
                            "{}  {:<12} {:<20} {:<16} {}{origin}",
                            e.at.format("%d-%m-%Y %H:%M"),
                            e.user_name,
                            e.action,
                            e.record,
                            e.detail
                        )))
                    })
                    .collect();
                frame.render_stateful_widget(
                    List::new(items).block(block).highlight_style(bold),
                    list,
                    &mut self.audit_state.clone(),
                );
            }
            View::Retention => {
                frame.render_widget(
                    Paragraph::new(
                        args::RetentionIntro {
                            months: &self.months,
                        }
                        .text(lang),
                    ),
                    intro,
                );
                let block =
                    Block::bordered().title(format!(" {} ", Msg::RetentionTitle.text(lang)));
                if self.due.is_empty() {
                    frame.render_widget(
                        Paragraph::new(Msg::RetentionEmpty.text(lang)).block(block),
                        list,
                    );
                    return;
                }
                let items: Vec<ListItem> = self
                    .due
                    .iter()
                    .map(|d| {
                        let [number, name, status, left, due] = crate::present::due_fields(d, lang);
                        ListItem::new(Line::from(format!(
                            "{number:<6} {name:<30} {status:<10} {left}  {due}"
                        )))
                    })
                    .collect();
                frame.render_stateful_widget(
                    List::new(items).block(block).highlight_style(bold),
                    list,
                    &mut self.due_state.clone(),
                );
            }
        }
    }
}

/// An erasure asked from the view: afterwards the view reads the log and the list again.
fn erase_here(numbers: Vec<u64>, question: Question) -> ConfirmLayer<PrivacyTab> {
    ConfirmLayer::new(question, move |tab: &mut PrivacyTab, cx: &Cx| {
        let done = erase(&numbers, cx);
        Effects::status(done).then(tab.reload(cx))
    })
    .on_no(|cx| Effects::info(cx.t(Msg::PrivCancelled)))
}

/// The privacy view as a layer over the register: it holds the log and the list while it shows
/// (read when it opens, gone when it closes), and the filter form or erasure question over it.
pub struct PrivacyView {
    tab: PrivacyTab,
    over: Option<Box<dyn Layer>>,
}

impl PrivacyView {
    /// The view of `view`, read from the store.
    pub fn open(view: View, cx: &Cx) -> Effects {
        if !cx.session.can(kapstok_core::Permission::AuditRead) {
            return Effects::error(
                &kapstok_core::Error::Denied(kapstok_core::Permission::AuditRead),
                cx.lang,
            );
        }
        let mut tab = PrivacyTab::new(cx.k);
        tab.view = view;
        let read = tab.ask();
        Effects::push(PrivacyView { tab, over: None }).then(read)
    }

    /// Keeps the layers the view pushes over itself; the rest goes to the shell.
    fn absorb(&mut self, effects: Effects) -> Effects {
        let mut out = Effects::none();
        for effect in effects.0 {
            match effect {
                Effect::Push(layer) => self.over = Some(layer),
                Effect::CloseLayer => self.over = None,
                e => out = out.and(e),
            }
        }
        out
    }
}

impl Layer for PrivacyView {
    fn mode(&self) -> Mode {
        match &self.over {
            Some(over) => over.mode(),
            None => self.tab.mode(),
        }
    }

    fn handle(mut self: Box<Self>, action: Action, _: &mut dyn Any, cx: &Cx) -> (Next, Effects) {
        if let Some(over) = self.over.take() {
            let (next, effects) = over.handle(action, &mut self.tab, cx);
            self.over = next;
            let effects = self.absorb(effects);
            return (Some(self), effects);
        }
        if action == Action::Back && self.tab.closes_on_back() {
            return (None, Effects::none());
        }
        let effects = self.tab.handle(action, cx);
        let effects = self.absorb(effects);
        (Some(self), effects)
    }

    fn render(&self, frame: &mut Frame, body: Rect, cx: &Cx) {
        self.tab.render(frame, body, cx.lang);
        if let Some(over) = &self.over {
            over.render(frame, body, cx);
        }
    }

    fn message(
        &mut self,
        message: Box<dyn Any + Send>,
        cx: &Cx,
    ) -> std::result::Result<Effects, Box<dyn Any + Send>> {
        let effects = self.tab.message(message, cx.lang)?;
        Ok(self.absorb(effects))
    }
}
