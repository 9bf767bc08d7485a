//! The BaseMail tab: the card run of an ISO week (cards and the left-out list), printing (labels,
//! the run sheet, the printer's calibration), statistics of the posted cards, and for
//! coordinators and administrators the institutions and the recipients with their stays.
//!
//! Unlike the member screens this tab carries out its own actions, so that `app.rs` stays a
//! dispatcher: the app hands it each key's [`Action`] with the session, and gets back a [`Reply`]
//! (a popup to show, a line for the status bar). Every rule stays in core: the tab calls
//! `session.basemail()` and shows what core answers, errors included.

mod draw;
mod forms;
mod print;

use super::clamp;
use super::{error_status, form_errors};
use crate::i18n::{fill, Lang, Msg};
use crate::keys::{Action, Mode};
use crate::widgets::centered;
use crate::widgets::confirm::{Answer, Question};
use crate::widgets::form::{Form, Outcome};
use crate::widgets::picker::{Picked, Picker};
use chrono::NaiveDate;
use forms::Done;
pub use forms::FormKind;
use kapstok_core::basemail::service::Stats;
use kapstok_core::basemail::{Card, Institution, Recipient, Run, Stay, Who};
use kapstok_core::common::{format_date, IsoWeek};
use kapstok_core::error::{Error, Permission};
use kapstok_core::{Result, Session};
pub use print::PrintDialog;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, TableState, Wrap};
use ratatui::Frame;
use std::path::PathBuf;

/// The views of the tab, switched with `v`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The week's cards.
    Cards,
    /// Who was left out of the week, and why.
    LeftOut,
    /// Institutions (coordinators and administrators).
    Institutions,
    /// Recipients and their stays (coordinators and administrators).
    Recipients,
    /// Posted cards per week and per reason.
    Stats,
}

/// The statistics of a year, and the posted cards of the last 12 weeks up to the year's end (or
/// up to this week in the current year).
#[derive(Debug, Clone)]
pub struct StatsView {
    stats: Stats,
    weeks: Vec<(IsoWeek, usize)>,
}

/// A recipient with the name to show and their stays, oldest first.
#[derive(Debug, Clone)]
pub struct RecipientRow {
    id: u64,
    recipient: Recipient,
    name: String,
    stays: Vec<(u64, Stay)>,
}

impl RecipientRow {
    /// The stay that has not ended, if any.
    fn open_stay(&self) -> Option<&(u64, Stay)> {
        self.stays.iter().rev().find(|(_, s)| s.ended_on.is_none())
    }

    /// The latest stay marked for a check after a card came back.
    fn stay_to_check(&self) -> Option<&(u64, Stay)> {
        self.stays.iter().rev().find(|(_, s)| s.check_needed)
    }
}

pub use super::Status;

/// What the tab asks the app to do after an action.
pub type Reply = super::Reply<Popup>;

/// Something to do once the user says yes.
#[derive(Debug, Clone)]
pub enum Pending {
    /// Post the run on a date.
    Post(NaiveDate),
    /// A posted card came back on a date.
    Returned(Who, NaiveDate),
    /// A stay was checked after a card came back.
    Checked(u64),
    /// A recipient is well again.
    Well(u64),
    /// Send a saved PDF to the printer (path, printer; empty: the default printer).
    Send(PathBuf, String),
    /// Remove a card from the run by hand, with the reason.
    RemoveByHand(Who, String),
}

/// A popup of the tab.
pub enum Popup {
    /// A form.
    Form(Box<Form>, FormKind),
    /// A question: yes/no, or typed for what cannot be taken back.
    Confirm(Question, Pending),
    /// Choosing the recipient of a card added by hand.
    Pick(Box<Picker>),
    /// The selected item's detail, full size, scrolled down this many lines.
    Detail(Msg, Vec<Line<'static>>, u16),
    /// Printing the week's labels.
    Print(Box<PrintDialog>),
    /// The printer, its calibration and a test print.
    Printer(Box<Form>),
}

impl Popup {
    /// Where the keyboard is while the popup shows.
    pub fn mode(&self) -> Mode {
        match self {
            Popup::Form(..) => Mode::Form,
            Popup::Confirm(q, _) => q.mode(),
            Popup::Pick(_) => Mode::Filter,
            Popup::Detail(..) => Mode::Help,
            Popup::Print(_) | Popup::Printer(_) => Mode::Form,
        }
    }

    /// Draws the popup over `body`.
    pub fn render(&self, frame: &mut Frame, body: Rect, lang: Lang) {
        match self {
            Popup::Form(form, _) | Popup::Printer(form) => {
                let width = 78.min(body.width);
                form.render(frame, centered(body, width, form.height(width)), lang);
            }
            Popup::Confirm(q, _) => q.render(frame, body, lang),
            Popup::Pick(picker) => picker.render(
                frame,
                centered(body, 60, body.height.saturating_sub(2)),
                lang,
            ),
            Popup::Print(dialog) => dialog.render(frame, body, lang),
            Popup::Detail(title, lines, scroll) => {
                let r = centered(body, 78, body.height.saturating_sub(2));
                frame.render_widget(Clear, r);
                let block = Block::bordered()
                    .title(format!(" {} ", title.text(lang)))
                    .title_bottom(format!(" {} ", Msg::HelpClose.text(lang)));
                frame.render_widget(
                    Paragraph::new(lines.clone())
                        .block(block)
                        .wrap(Wrap { trim: false })
                        .scroll((*scroll, 0)),
                    r,
                );
            }
        }
    }
}

/// The tab's state.
#[derive(Debug)]
pub struct BaseMailTab {
    week: IsoWeek,
    view: View,
    manage: bool,
    run: Option<Run>,
    cards: TableState,
    left_out: TableState,
    institutions: Vec<(u64, Institution)>,
    institution: TableState,
    recipients: Vec<RecipientRow>,
    recipient: TableState,
    /// Where PDFs are saved: beside the store, or where labels were last saved.
    print_dir: PathBuf,
    /// The label sheet last used.
    sheet: String,
    /// Whether `lp` is installed (asked the first time a PDF is saved).
    lp: Option<bool>,
    stats_year: i32,
    stats: Option<StatsView>,
}

impl BaseMailTab {
    /// Shows a view (the Today tab opens the one where its line's work is done); one the role
    /// does not have leaves the week's cards.
    pub fn show(&mut self, view: View) {
        self.view = if self.views().contains(&view) {
            view
        } else {
            View::Cards
        };
    }

    /// The tab on the current week; the institution and recipient views only for roles that
    /// manage BaseMail. PDFs are saved in `out_dir` unless the user says otherwise.
    pub fn new(session: &Session, out_dir: PathBuf) -> BaseMailTab {
        let week = IsoWeek::of(session.today());
        BaseMailTab {
            week,
            view: View::Cards,
            manage: session.can(Permission::BaseMailManage),
            run: None,
            cards: TableState::default(),
            left_out: TableState::default(),
            institutions: Vec::new(),
            institution: TableState::default(),
            recipients: Vec::new(),
            recipient: TableState::default(),
            print_dir: out_dir,
            sheet: String::new(),
            lp: None,
            stats_year: week.year(),
            stats: None,
        }
    }

    /// Where the keyboard is on this tab.
    pub fn mode(&self) -> Mode {
        match self.view {
            View::Cards | View::LeftOut => Mode::Run,
            View::Institutions => Mode::Institutions,
            View::Recipients => Mode::Recipients,
            View::Stats => Mode::Stats,
        }
    }

    fn views(&self) -> &'static [View] {
        if self.manage {
            &[
                View::Cards,
                View::LeftOut,
                View::Institutions,
                View::Recipients,
                View::Stats,
            ]
        } else {
            &[View::Cards, View::LeftOut, View::Stats]
        }
    }

    /// Reads the week's run, for managers the institutions and recipients, and the statistics
    /// when they show.
    pub fn load(&mut self, s: &Session) -> Result<()> {
        self.load_run(s)?;
        if self.manage {
            self.load_manage(s)?;
        }
        if self.view == View::Stats {
            self.load_stats(s)?;
        }
        Ok(())
    }

    /// Reads the statistics of the chosen year, and of the year before when the last 12 weeks
    /// reach into it.
    fn load_stats(&mut self, s: &Session) -> Result<()> {
        let bm = s.basemail();
        let year = self.stats_year;
        let stats = bm.stats(year)?;
        let now = IsoWeek::of(s.today());
        let last = if now.year() == year {
            now
        } else {
            // 28 December always lies in the last ISO week of its year.
            NaiveDate::from_ymd_opt(year, 12, 28).map_or(now, IsoWeek::of)
        };
        let mut before: Option<Stats> = None;
        let mut weeks = Vec::with_capacity(12);
        let mut week = last;
        for _ in 0..12 {
            let of_year = if week.year() == year {
                &stats
            } else {
                match &mut before {
                    Some(b) => b,
                    empty => empty.insert(bm.stats(week.year())?),
                }
            };
            let posted = of_year.per_week.get(&week.week()).copied().unwrap_or(0);
            weeks.push((week, posted));
            week = week.previous();
        }
        weeks.reverse();
        self.stats = Some(StatsView { stats, weeks });
        Ok(())
    }

    fn load_run(&mut self, s: &Session) -> Result<()> {
        let run = s.basemail().run(self.week)?;
        self.set_run(run);
        Ok(())
    }

    fn load_manage(&mut self, s: &Session) -> Result<()> {
        let bm = s.basemail();
        self.institutions = bm.institutions()?;
        let mut stays = bm.stays_by_recipient()?;
        self.recipients = bm
            .recipients()?
            .into_iter()
            .map(|(id, recipient, name)| RecipientRow {
                id,
                recipient,
                name,
                stays: stays.remove(&id).unwrap_or_default(),
            })
            .collect();
        clamp(&mut self.institution, self.institutions.len());
        clamp(&mut self.recipient, self.recipients.len());
        Ok(())
    }

    /// Shows a run, keeping the selected card when it is still there.
    fn set_run(&mut self, run: Option<Run>) {
        let keep = self.selected_card().map(|c| c.who);
        self.run = run;
        let (cards, left) = self
            .run
            .as_ref()
            .map_or((0, 0), |r| (r.cards.len(), r.left_out.len()));
        if let Some(who) = keep {
            if let Some(i) = self.cards().iter().position(|c| c.who == who) {
                self.cards.select(Some(i));
            }
        }
        clamp(&mut self.cards, cards);
        clamp(&mut self.left_out, left);
    }

    fn cards(&self) -> &[Card] {
        self.run.as_ref().map_or(&[], |r| &r.cards)
    }

    fn selected_card(&self) -> Option<&Card> {
        self.cards().get(self.cards.selected()?)
    }

    fn selected_institution(&self) -> Option<&(u64, Institution)> {
        self.institutions.get(self.institution.selected()?)
    }

    fn selected_recipient(&self) -> Option<&RecipientRow> {
        self.recipients.get(self.recipient.selected()?)
    }

    fn select_id(&mut self, id: u64) {
        match self.view {
            View::Institutions => {
                if let Some(i) = self.institutions.iter().position(|(x, _)| *x == id) {
                    self.institution.select(Some(i));
                }
            }
            View::Recipients => {
                if let Some(i) = self.recipients.iter().position(|r| r.id == id) {
                    self.recipient.select(Some(i));
                }
            }
            View::Cards | View::LeftOut | View::Stats => {}
        }
    }

    fn move_by(&mut self, delta: i64) {
        let (state, len) = match self.view {
            View::Cards => (
                &mut self.cards,
                self.run.as_ref().map_or(0, |r| r.cards.len()),
            ),
            View::LeftOut => (
                &mut self.left_out,
                self.run.as_ref().map_or(0, |r| r.left_out.len()),
            ),
            View::Institutions => (&mut self.institution, self.institutions.len()),
            View::Recipients => (&mut self.recipient, self.recipients.len()),
            View::Stats => return,
        };
        if len == 0 {
            return;
        }
        let at = state.selected().unwrap_or(0) as i64;
        state.select(Some(
            (at.saturating_add(delta)).clamp(0, len as i64 - 1) as usize
        ));
    }

    /// Applies a key's action on the tab (not in a popup).
    pub fn handle(&mut self, action: Action, s: &Session, lang: Lang) -> Reply {
        if let Some(step) = action.step() {
            self.move_by(step);
            return Reply::default();
        }
        match action {
            Action::NextView => {
                let views = self.views();
                let at = views.iter().position(|v| *v == self.view).unwrap_or(0);
                self.view = views[(at + 1) % views.len()];
                if self.view == View::Stats {
                    if let Err(e) = self.load_stats(s) {
                        return Reply::error(&e, lang);
                    }
                }
                Reply::default()
            }
            Action::Enter => self.open_detail(lang),
            _ => match self.view {
                View::Cards | View::LeftOut => self.run_action(action, s, lang),
                View::Institutions => self.institution_action(action),
                View::Recipients => self.recipient_action(action, s, lang),
                View::Stats => self.stats_action(action, s, lang),
            },
        }
    }

    /// The year before or after (not past the current year).
    fn stats_action(&mut self, action: Action, s: &Session, lang: Lang) -> Reply {
        let year = match action {
            Action::PrevYear => self.stats_year - 1,
            Action::NextYear => (self.stats_year + 1).min(IsoWeek::of(s.today()).year()),
            _ => return Reply::default(),
        };
        if year == self.stats_year {
            return Reply::default();
        }
        self.stats_year = year;
        match self.load_stats(s) {
            Ok(()) => Reply::default(),
            Err(e) => Reply::error(&e, lang),
        }
    }

    fn open_detail(&self, lang: Lang) -> Reply {
        let popup = match self.view {
            View::Cards => self
                .selected_card()
                .map(|c| Popup::Detail(Msg::DetailCard, draw::card_lines(c, lang), 0)),
            View::LeftOut | View::Stats => None,
            View::Institutions => self.selected_institution().map(|(_, i)| {
                Popup::Detail(Msg::DetailInstitution, draw::institution_lines(i, lang), 0)
            }),
            View::Recipients => self.selected_recipient().map(|r| {
                Popup::Detail(
                    Msg::DetailRecipient,
                    draw::recipient_lines(r, &self.institutions, lang),
                    0,
                )
            }),
        };
        popup.map(Reply::show).unwrap_or_default()
    }

    fn set_week(&mut self, week: IsoWeek, s: &Session, lang: Lang) -> Reply {
        self.week = week;
        self.cards.select(None);
        self.left_out.select(None);
        match self.load_run(s) {
            Ok(()) => Reply::default(),
            Err(e) => Reply::error(&e, lang),
        }
    }

    fn run_action(&mut self, action: Action, s: &Session, lang: Lang) -> Reply {
        let bm = s.basemail();
        let today = s.today();
        match action {
            Action::PrevWeek => self.set_week(self.week.previous(), s, lang),
            Action::NextWeek => self.set_week(self.week.next(), s, lang),
            Action::Compose => match bm.compose(self.week) {
                Ok(run) => {
                    let text = fill(
                        Msg::Composed,
                        lang,
                        &[
                            ("week", &self.week.to_string()),
                            ("cards", &run.cards.len().to_string()),
                            ("left", &run.left_out.len().to_string()),
                        ],
                    );
                    self.set_run(Some(run));
                    Reply::info(text)
                }
                Err(e) => Reply::error(&e, lang),
            },
            Action::AddByHand if self.run.is_none() => Reply::info(Msg::ComposeFirst.text(lang)),
            Action::AddByHand => match bm.recipient_names() {
                Ok(names) if names.is_empty() => Reply::info(Msg::NoRecipientsYet.text(lang)),
                Ok(names) => Reply::show(Popup::Pick(Box::new(Picker::new(
                    Msg::PickRecipient,
                    names,
                )))),
                Err(e) => Reply::error(&e, lang),
            },
            Action::Post => match &self.run {
                None => Reply::info(Msg::ComposeFirst.text(lang)),
                Some(run) => {
                    let text = fill(
                        Msg::ConfirmPost,
                        lang,
                        &[
                            ("week", &self.week.to_string()),
                            ("date", &format_date(today)),
                            ("cards", &run.cards.len().to_string()),
                        ],
                    );
                    Reply::show(Popup::Confirm(
                        Question::typed_word(&text, Msg::WordPost, lang),
                        Pending::Post(today),
                    ))
                }
            },
            Action::Labels => self.open_print_dialog(s, lang),
            Action::RunSheet => self.print_run_sheet(s, lang),
            Action::Calibrate => self.open_printer_form(s, lang),
            Action::Writer | Action::ToggleWritten | Action::RemoveByHand | Action::Returned => {
                let card = match (self.view, self.selected_card()) {
                    (View::Cards, Some(card)) => card.clone(),
                    _ => return Reply::info(Msg::NoCardSelected.text(lang)),
                };
                self.card_action(action, &card, s, lang)
            }
            _ => Reply::default(),
        }
    }

    fn card_action(&mut self, action: Action, card: &Card, s: &Session, lang: Lang) -> Reply {
        let today = s.today();
        match action {
            Action::Writer => Reply::show(Popup::Form(
                Box::new(forms::writer_form(card, lang)),
                FormKind::Writer(card.who),
            )),
            Action::ToggleWritten => {
                let result = s
                    .basemail()
                    .mark_written(self.week, card.who, !card.written);
                let done = result.map(|run| Done {
                    run: Some(run),
                    message: if card.written {
                        Msg::MarkedNotWritten
                    } else {
                        Msg::MarkedWritten
                    }
                    .text(lang)
                    .to_string(),
                    select: None,
                });
                self.after(done, s, lang)
            }
            Action::RemoveByHand => Reply::show(Popup::Form(
                Box::new(forms::reason_form(Msg::FormRemoveByHand, &card.name)),
                FormKind::RemoveByHand(card.who),
            )),
            Action::Returned if card.posted.is_none() => Reply::info(Msg::NotPostedYet.text(lang)),
            Action::Returned => {
                let text = fill(
                    Msg::ConfirmReturned,
                    lang,
                    &[("name", &card.name), ("date", &format_date(today))],
                );
                Reply::show(Popup::Confirm(
                    Question::yes_no(text),
                    Pending::Returned(card.who, today),
                ))
            }
            _ => Reply::default(),
        }
    }

    fn institution_action(&mut self, action: Action) -> Reply {
        match action {
            Action::New => Reply::show(Popup::Form(
                Box::new(forms::new_institution_form()),
                FormKind::Institution(None),
            )),
            Action::Edit => match self.selected_institution() {
                Some((id, inst)) => Reply::show(Popup::Form(
                    Box::new(forms::edit_institution_form(inst)),
                    FormKind::Institution(Some(*id)),
                )),
                None => Reply::default(),
            },
            _ => Reply::default(),
        }
    }

    fn recipient_action(&mut self, action: Action, s: &Session, lang: Lang) -> Reply {
        if action == Action::New {
            return Reply::show(Popup::Form(
                Box::new(forms::new_recipient_form()),
                FormKind::Recipient(None),
            ));
        }
        let Some(row) = self.selected_recipient() else {
            return Reply::info(Msg::NothingSelectedHere.text(lang));
        };
        let today = s.today();
        let id = row.id;
        let form = |form: Form, kind: FormKind| Reply::show(Popup::Form(Box::new(form), kind));
        match action {
            Action::Edit => form(
                forms::edit_recipient_form(&row.recipient),
                FormKind::Recipient(Some(id)),
            ),
            Action::Ill if row.recipient.ill_since.is_some() => Reply::show(Popup::Confirm(
                Question::yes_no(fill(Msg::ConfirmWell, lang, &[("name", &row.name)])),
                Pending::Well(id),
            )),
            Action::Ill => form(forms::ill_form(today), FormKind::Ill(id)),
            Action::StartStay => form(
                forms::stay_form(Msg::FormStartStay, &self.institutions, None, today),
                FormKind::StartStay(id),
            ),
            Action::MoveStay => form(
                forms::stay_form(
                    Msg::FormMoveStay,
                    &self.institutions,
                    row.open_stay().map(|(_, s)| s),
                    today,
                ),
                FormKind::MoveStay(id),
            ),
            Action::EndStay | Action::ConfirmStay => match row.open_stay() {
                None => Reply::info(Msg::NoOpenStay.text(lang)),
                Some((stay, _)) if action == Action::EndStay => {
                    form(forms::end_stay_form(today), FormKind::EndStay(*stay))
                }
                Some((stay, _)) => form(
                    forms::confirm_stay_form(today),
                    FormKind::ConfirmStay(*stay),
                ),
            },
            Action::Checked => match row.stay_to_check() {
                None => Reply::info(Msg::NoCheckNeeded.text(lang)),
                Some((stay_id, stay)) => {
                    let place = self
                        .institutions
                        .iter()
                        .find(|(i, _)| *i == stay.institution)
                        .map_or(String::new(), |(_, i)| i.name.clone());
                    let text = fill(
                        Msg::ConfirmChecked,
                        lang,
                        &[("name", &row.name), ("place", &place)],
                    );
                    Reply::show(Popup::Confirm(
                        Question::yes_no(text),
                        Pending::Checked(*stay_id),
                    ))
                }
            },
            _ => Reply::default(),
        }
    }

    /// Applies a key's action to one of the tab's popups.
    pub fn handle_popup(&mut self, popup: Popup, action: Action, s: &Session, lang: Lang) -> Reply {
        match popup {
            Popup::Detail(title, lines, scroll) => {
                match super::detail_scroll(action, scroll, lines.len()) {
                    None => Reply::default(),
                    Some(scroll) => Reply::show(Popup::Detail(title, lines, scroll)),
                }
            }
            Popup::Confirm(_, Pending::Send(path, printer))
                if matches!(action, Action::Yes | Action::No) =>
            {
                print::answer_send(action == Action::Yes, &path, &printer, lang)
            }
            Popup::Confirm(question, pending) => match question.answer(action) {
                Answer::Yes => {
                    let done = self.confirmed(&pending, s, lang);
                    self.after(done, s, lang)
                }
                Answer::No => Reply::info(Msg::Cancelled.text(lang)),
                Answer::Open(question) => Reply::show(Popup::Confirm(question, pending)),
            },
            Popup::Pick(mut picker) => match picker.handle(action) {
                Picked::Chosen(id) => {
                    let name = picker
                        .selected()
                        .map(|(_, n)| n.clone())
                        .unwrap_or_default();
                    Reply::show(Popup::Form(
                        Box::new(forms::reason_form(Msg::FormAddByHand, &name)),
                        FormKind::AddByHand(id),
                    ))
                }
                Picked::Cancel => Reply::info(Msg::Cancelled.text(lang)),
                Picked::None => Reply::show(Popup::Pick(picker)),
            },
            Popup::Print(mut dialog) => match dialog.form.handle(action) {
                Outcome::Cancel => Reply::info(Msg::Cancelled.text(lang)),
                Outcome::Save => self.print_labels(dialog, s, lang),
                Outcome::Changed | Outcome::None => Reply::show(Popup::Print(dialog)),
            },
            Popup::Printer(form) => self.printer_action(form, action, s, lang),
            Popup::Form(mut form, kind) => match form.handle(action) {
                Outcome::Cancel => Reply::info(Msg::Cancelled.text(lang)),
                Outcome::Save => self.submit(form, kind, s, lang),
                Outcome::Changed => {
                    forms::on_change(&mut form, &kind);
                    Reply::show(Popup::Form(form, kind))
                }
                Outcome::None => Reply::show(Popup::Form(form, kind)),
            },
        }
    }

    fn submit(&mut self, mut form: Box<Form>, kind: FormKind, s: &Session, lang: Lang) -> Reply {
        // Removing a card is asked as a typed confirmation once a reason is given (a missing
        // reason is core's error, shown under the field as below).
        if let FormKind::RemoveByHand(who) = &kind {
            let reason = form.value("reason").trim().to_string();
            if !reason.is_empty() {
                let name = self
                    .run
                    .as_ref()
                    .and_then(|r| r.cards.iter().find(|c| c.who == *who))
                    .map_or(String::new(), |c| c.name.clone());
                let text = fill(
                    Msg::ConfirmRemoveCard,
                    lang,
                    &[("name", &name), ("week", &self.week.to_string())],
                );
                return Reply::show(Popup::Confirm(
                    Question::typed_word(&text, Msg::WordLeaveOut, lang),
                    Pending::RemoveByHand(*who, reason),
                ));
            }
        }
        match forms::submit(&form, &kind, s, self.week, lang) {
            Ok(done) => self.after(Ok(done), s, lang),
            Err(Error::Invalid(errors)) => {
                let rest = form.show_errors(&errors, lang);
                Reply::show(Popup::Form(form, kind)).with_status(form_errors(rest, lang))
            }
            Err(e) => Reply::show(Popup::Form(form, kind)).with_status(error_status(&e, lang)),
        }
    }

    fn confirmed(&self, pending: &Pending, s: &Session, lang: Lang) -> Result<Done> {
        let bm = s.basemail();
        let text = |m: Msg| m.text(lang).to_string();
        let changed = |message: String| Done {
            run: None,
            message,
            select: None,
        };
        match pending {
            Pending::Post(on) => bm.post(self.week, *on).map(|run| Done {
                run: Some(run),
                message: fill(
                    Msg::RunPosted,
                    lang,
                    &[
                        ("week", &self.week.to_string()),
                        ("date", &format_date(*on)),
                    ],
                ),
                select: None,
            }),
            Pending::Returned(who, on) => bm.mark_returned(self.week, *who, *on).map(|run| {
                let name = run
                    .cards
                    .iter()
                    .find(|c| c.who == *who)
                    .map_or(String::new(), |c| c.name.clone());
                Done {
                    run: Some(run),
                    message: fill(Msg::CardReturned, lang, &[("name", &name)]),
                    select: None,
                }
            }),
            Pending::Checked(stay) => bm.checked(*stay).map(|_| changed(text(Msg::StayChecked))),
            Pending::Well(id) => bm
                .set_ill(*id, None)
                .map(|_| changed(text(Msg::IllCleared))),
            Pending::RemoveByHand(who, reason) => {
                bm.remove_by_hand(self.week, *who, reason).map(|run| Done {
                    run: Some(run),
                    message: text(Msg::CardRemoved),
                    select: None,
                })
            }
            // Answered in `handle_popup`.
            Pending::Send(..) => Ok(changed(String::new())),
        }
    }

    /// After a core call: show the new run or read the lists again, and say what happened.
    fn after(&mut self, done: Result<Done>, s: &Session, lang: Lang) -> Reply {
        let done = match done {
            Ok(done) => done,
            Err(e) => return Reply::error(&e, lang),
        };
        let reloaded = match done.run {
            Some(run) => {
                self.set_run(Some(run));
                Ok(())
            }
            None => self.load_manage(s),
        };
        if let Err(e) = reloaded {
            return Reply::error(&e, lang);
        }
        if let Some(id) = done.select {
            self.select_id(id);
        }
        Reply::info(done.message)
    }
}

crate::screens::legacy::legacy_tab!(
    BaseMailTab,
    Popup,
    Msg::TabBaseMail,
    &[
        kapstok_core::store::TreeId::Members,
        kapstok_core::store::TreeId::Settings,
        kapstok_core::store::TreeId::Institutions,
        kapstok_core::store::TreeId::Recipients,
        kapstok_core::store::TreeId::Stays,
        kapstok_core::store::TreeId::Runs,
    ],
    {
        crate::screen::Target::Run => View::Cards,
        crate::screen::Target::Recipients => View::Recipients,
    }
);
