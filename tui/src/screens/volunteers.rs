//! The Volunteers tab, for coordinators and administrators: experts by experience with their
//! half-year agreements, and the review conversations (which are due, the planned ones of a
//! week, scheduling with the first free slots, recording the conversation and its outcome).
//!
//! Like the BaseMail tab it carries out its own actions, so that `app.rs` stays a dispatcher: the
//! app hands it each key's [`Action`] with the session and gets back a [`Reply`]. Every rule is
//! core's (`session.experts()`): overlap, the allowance limits, office hours, double booking,
//! what an outcome does. The tab turns what was typed into core's input and shows core's answers,
//! its field errors under the fields and its allowance warnings as a question.

mod draw;
mod forms;

use super::clamp;
use super::{error_status, form_errors};
use crate::files::write_atomically;
use crate::i18n::{self, fill, Lang, Msg};
use crate::keys::{Action, Mode};
use crate::screens::Status;
use crate::widgets::centered;
use crate::widgets::confirm::{Answer, Question};
use crate::widgets::form::{Form, Outcome as FormOutcome};
use chrono::NaiveDate;
pub use forms::{FormKind, SlotDialog};
use kapstok_core::common::{fold, format_date, IsoWeek, PersonName};
use kapstok_core::error::{Error, FieldError};
use kapstok_core::volunteers::{
    Agreement, AgreementInput, AgreementState, Conversation, DueReview, Outcome, Review,
    ReviewStatus, Slot,
};
use kapstok_core::{Result, Session};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, TableState, Wrap};
use ratatui::Frame;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The views of the tab, switched with `v`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The experts and their agreements.
    Experts,
    /// The reviews due, and the planned reviews of a week.
    Reviews,
}

/// An expert (a member with at least one agreement) with the agreements, oldest first, and the
/// one the detail shows and the keys act on.
#[derive(Debug, Clone)]
pub struct ExpertRow {
    number: u64,
    name: String,
    agreements: Vec<(u64, Agreement)>,
    focus: usize,
}

impl ExpertRow {
    fn current_index(&self, today: NaiveDate) -> Option<usize> {
        let find = |state| {
            self.agreements
                .iter()
                .rposition(|(_, a)| a.state(today) == state)
        };
        find(AgreementState::Active)
            .or_else(|| find(AgreementState::Signed))
            .or_else(|| find(AgreementState::Draft))
            .or_else(|| self.agreements.len().checked_sub(1))
    }

    /// The agreement that holds: running, else signed and not started, else a draft, else the
    /// last one.
    fn current(&self, today: NaiveDate) -> Option<&(u64, Agreement)> {
        self.agreements.get(self.current_index(today)?)
    }

    /// A draft waiting for signatures comes first; else the current agreement.
    fn default_focus(&self, today: NaiveDate) -> usize {
        self.agreements
            .iter()
            .rposition(|(_, a)| a.state(today) == AgreementState::Draft)
            .or_else(|| self.current_index(today))
            .unwrap_or(0)
    }

    fn focused(&self) -> Option<&(u64, Agreement)> {
        self.agreements.get(self.focus)
    }
}

/// What a line of the reviews view is.
#[derive(Debug, Clone, Copy)]
enum Selected<'a> {
    /// An agreement due for a review.
    Due(&'a DueReview),
    /// A review in the week shown.
    Review(u64, &'a Review),
}

/// What the tab asks the app to do after an action.
pub type Reply = super::Reply<Popup>;

/// A core call to make once the user says yes (or at once, when there is nothing to ask).
#[derive(Debug, Clone)]
pub enum Pending {
    /// Save a new agreement (`None`) or a draft.
    SaveAgreement(Option<u64>, Box<AgreementInput>),
    /// An agreement was signed on a date.
    Sign(u64, NaiveDate),
    /// End an agreement early, with the outcome when known.
    End(u64, NaiveDate, Option<Outcome>),
    /// Schedule a review of an agreement (the expert's name for the message).
    Schedule(u64, Slot, String),
    /// Move a review.
    Reschedule(u64, Slot, String),
    /// Cancel a review.
    Cancel(u64),
    /// The expert did not come.
    NoShow(u64, String),
    /// Record a review: held on, what was said, the outcome.
    Record(u64, NaiveDate, Box<Conversation>, Outcome),
}

/// A popup of the tab.
pub enum Popup {
    /// A form.
    Form(Box<Form>, FormKind),
    /// Choosing the time of a review.
    Slot(Box<SlotDialog>),
    /// A yes/no question over the popup it came from (shown again on "no").
    Confirm {
        /// The question: yes/no, or typed for what cannot be taken back.
        question: Question,
        /// What "yes" does.
        pending: Pending,
        /// The form it came from.
        under: Option<Box<Popup>>,
    },
    /// An agreement or review in full, scrolled down this many lines.
    Detail(Msg, Vec<Line<'static>>, u16),
}

impl Popup {
    /// Where the keyboard is while the popup shows.
    pub fn mode(&self) -> Mode {
        match self {
            Popup::Form(..) | Popup::Slot(_) => Mode::Form,
            Popup::Confirm { question, .. } => question.mode(),
            Popup::Detail(..) => Mode::Help,
        }
    }

    /// Draws the popup over `body`.
    pub fn render(&self, frame: &mut Frame, body: Rect, lang: Lang) {
        match self {
            Popup::Form(form, _) => {
                let width = 78.min(body.width);
                form.render(frame, centered(body, width, form.height(width)), lang);
            }
            Popup::Slot(dialog) => dialog.render(frame, body, lang),
            Popup::Confirm {
                question, under, ..
            } => {
                if let Some(under) = under {
                    under.render(frame, body, lang);
                }
                question.render(frame, body, lang);
            }
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

/// A core call that worked: what to say, the agreement to select, the week to show, and a popup
/// to open next (the new draft after "adjust").
struct Done {
    message: String,
    select: Option<u64>,
    week: Option<IsoWeek>,
    then: Option<Popup>,
}

impl Done {
    fn say(message: String) -> Done {
        Done {
            message,
            select: None,
            week: None,
            then: None,
        }
    }
}

/// The tab's state.
#[derive(Debug)]
pub struct VolunteersTab {
    view: View,
    /// Where agreement PDFs are saved: beside the store.
    out_dir: PathBuf,
    today: NaiveDate,
    due_weeks: u32,
    names: BTreeMap<u64, PersonName>,
    experts: Vec<ExpertRow>,
    expert: TableState,
    due: Vec<DueReview>,
    reviews: Vec<(u64, Review)>,
    staff: Vec<String>,
    /// The week of planned reviews shown.
    week: IsoWeek,
    /// The line selected in the reviews view: the due list first, then the week's reviews.
    cursor: usize,
}

impl VolunteersTab {
    /// Shows a view (the Today tab opens the one where its line's work is done).
    pub fn show(&mut self, view: View) {
        self.view = view;
    }

    /// The tab on the experts view and the current week. PDFs are saved in `out_dir`.
    pub fn new(session: &Session, out_dir: PathBuf) -> VolunteersTab {
        let today = session.today();
        VolunteersTab {
            view: View::Experts,
            out_dir,
            today,
            due_weeks: 0,
            names: BTreeMap::new(),
            experts: Vec::new(),
            expert: TableState::default(),
            due: Vec::new(),
            reviews: Vec::new(),
            staff: Vec::new(),
            week: IsoWeek::of(today),
            cursor: 0,
        }
    }

    /// Where the keyboard is on this tab.
    pub fn mode(&self) -> Mode {
        match self.view {
            View::Experts => Mode::Experts,
            View::Reviews => Mode::Reviews,
        }
    }

    /// Reads the agreements, the due list, the reviews and the staff again, keeping what was
    /// selected.
    pub fn load(&mut self, s: &Session) -> Result<()> {
        let ex = s.experts();
        self.today = s.today();
        self.due_weeks = ex.settings()?.due_weeks;
        let agreements = ex.agreements()?;
        let reviews = ex.reviews()?;
        // Only the experts' names: the whole register's took 15 MB at 100,000 members.
        let mut numbers: Vec<u64> = agreements
            .iter()
            .map(|(_, a)| a.expert)
            .chain(reviews.iter().map(|(_, r)| r.expert))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        self.names = s.members().names(&numbers)?.into_iter().collect();
        let keep_expert = self.selected_expert().map(|e| e.number);
        let keep_focus: BTreeMap<u64, u64> = self
            .experts
            .iter()
            .filter_map(|e| e.focused().map(|(id, _)| (e.number, *id)))
            .collect();
        let mut by_expert: BTreeMap<u64, Vec<(u64, Agreement)>> = BTreeMap::new();
        for (id, a) in agreements {
            by_expert.entry(a.expert).or_default().push((id, a));
        }
        let today = self.today;
        let mut rows: Vec<ExpertRow> = by_expert
            .into_iter()
            .map(|(number, mut agreements)| {
                agreements.sort_by_key(|(id, a)| (a.start, *id));
                let mut row = ExpertRow {
                    number,
                    name: self.name(number),
                    agreements,
                    focus: 0,
                };
                row.focus = keep_focus
                    .get(&number)
                    .and_then(|id| row.agreements.iter().position(|(x, _)| x == id))
                    .unwrap_or_else(|| row.default_focus(today));
                row
            })
            .collect();
        rows.sort_by_cached_key(|r| {
            let key = self
                .names
                .get(&r.number)
                .map_or(String::new(), |n| fold(&n.sorted()));
            (key, r.number)
        });
        self.experts = rows;
        if let Some(n) = keep_expert {
            if let Some(i) = self.experts.iter().position(|e| e.number == n) {
                self.expert.select(Some(i));
            }
        }
        clamp(&mut self.expert, self.experts.len());
        self.due = ex.due()?;
        self.reviews = reviews;
        self.staff = ex.staff()?;
        self.clamp_cursor();
        Ok(())
    }

    /// A member's name; "#12" for a number no longer in the register.
    fn name(&self, number: u64) -> String {
        self.names
            .get(&number)
            .map_or_else(|| format!("#{number}"), PersonName::full)
    }

    /// [`VolunteersTab::name`], read from the register when the tab does not hold it yet (the
    /// expert of a first agreement, just made).
    fn name_read(&self, s: &Session, number: u64) -> String {
        if self.names.contains_key(&number) {
            return self.name(number);
        }
        s.members()
            .names(&[number])
            .ok()
            .and_then(|mut names| names.remove(&number))
            .map_or_else(|| format!("#{number}"), |n| n.full())
    }

    fn selected_expert(&self) -> Option<&ExpertRow> {
        self.experts.get(self.expert.selected()?)
    }

    fn focused_agreement(&self) -> Option<(u64, Agreement)> {
        self.selected_expert()?.focused().cloned()
    }

    /// Selects the expert of an agreement and focuses the agreement.
    fn select_agreement(&mut self, id: u64) {
        for (i, row) in self.experts.iter_mut().enumerate() {
            if let Some(at) = row.agreements.iter().position(|(x, _)| *x == id) {
                row.focus = at;
                self.expert.select(Some(i));
                return;
            }
        }
    }

    /// The reviews planned in the week shown, by start.
    fn week_reviews(&self) -> Vec<&(u64, Review)> {
        self.reviews
            .iter()
            .filter(|(_, r)| self.week.contains(r.slot.start.date()))
            .collect()
    }

    fn review_lines(&self) -> usize {
        self.due.len() + self.week_reviews().len()
    }

    fn clamp_cursor(&mut self) {
        self.cursor = self.cursor.min(self.review_lines().saturating_sub(1));
    }

    fn selected(&self) -> Option<Selected<'_>> {
        if let Some(d) = self.due.get(self.cursor) {
            return Some(Selected::Due(d));
        }
        let week = self.week_reviews();
        let (id, r) = week.get(self.cursor - self.due.len())?;
        Some(Selected::Review(*id, r))
    }

    /// The review of the selected line: the planned one of an agreement due, or the one shown.
    fn selected_review(&self) -> Option<(u64, Review)> {
        match self.selected()? {
            Selected::Due(d) => d.planned.clone(),
            Selected::Review(id, r) => Some((id, r.clone())),
        }
    }

    fn move_by(&mut self, delta: i64) {
        let len = match self.view {
            View::Experts => self.experts.len(),
            View::Reviews => self.review_lines(),
        };
        if len == 0 {
            return;
        }
        let at = match self.view {
            View::Experts => self.expert.selected().unwrap_or(0),
            View::Reviews => self.cursor,
        } as i64;
        let to = at.saturating_add(delta).clamp(0, len as i64 - 1) as usize;
        match self.view {
            View::Experts => self.expert.select(Some(to)),
            View::Reviews => self.cursor = to,
        }
    }

    /// Applies a key's action on the tab (not in a popup).
    pub fn handle(&mut self, action: Action, s: &Session, lang: Lang) -> Reply {
        if let Some(step) = action.step() {
            self.move_by(step);
            return Reply::default();
        }
        if action == Action::NextView {
            self.view = match self.view {
                View::Experts => View::Reviews,
                View::Reviews => View::Experts,
            };
            return Reply::default();
        }
        match self.view {
            View::Experts => self.expert_action(action, s, lang),
            View::Reviews => self.review_action(action, s, lang),
        }
    }

    fn expert_action(&mut self, action: Action, s: &Session, lang: Lang) -> Reply {
        if action == Action::New {
            return Reply::show(Popup::Form(
                Box::new(forms::new_agreement_form(s.today())),
                FormKind::Agreement(None),
            ));
        }
        if matches!(action, Action::Older | Action::Newer) {
            if let Some(i) = self.expert.selected() {
                if let Some(row) = self.experts.get_mut(i) {
                    row.focus = match action {
                        Action::Older => row.focus.saturating_sub(1),
                        _ => (row.focus + 1).min(row.agreements.len().saturating_sub(1)),
                    };
                }
            }
            return Reply::default();
        }
        if !matches!(
            action,
            Action::Enter | Action::Edit | Action::Sign | Action::EndEarly | Action::Print
        ) {
            return Reply::default();
        }
        let Some((id, a)) = self.focused_agreement() else {
            return Reply::info(Msg::NoAgreementSelected.text(lang));
        };
        let nr = id.to_string();
        let state = a.state(self.today);
        let form = |form: Form, kind: FormKind| Reply::show(Popup::Form(Box::new(form), kind));
        match action {
            Action::Enter => self
                .selected_expert()
                .map(|row| {
                    Reply::show(Popup::Detail(
                        Msg::DetailAgreement,
                        draw::agreement_lines(row, &self.reviews, self.today, lang, true),
                        0,
                    ))
                })
                .unwrap_or_default(),
            Action::Edit if a.signed_on.is_some() => Reply::info(fill(
                Msg::OnlyDrafts,
                lang,
                &[
                    ("nr", &nr),
                    ("state", i18n::agreement_state(state).text(lang)),
                ],
            )),
            Action::Edit => form(
                forms::edit_agreement_form(Msg::FormEditAgreement, &a),
                FormKind::Agreement(Some(id)),
            ),
            Action::Sign if a.signed_on.is_some() => {
                Reply::info(fill(Msg::AlreadySigned, lang, &[("nr", &nr)]))
            }
            Action::Sign => form(forms::sign_form(s.today()), FormKind::Sign(id)),
            Action::EndEarly if state == AgreementState::Ended => {
                Reply::info(fill(Msg::AlreadyEnded, lang, &[("nr", &nr)]))
            }
            Action::EndEarly => form(forms::end_form(s.today()), FormKind::End(id)),
            Action::Print => self.print(id, &a, s, lang),
            _ => Reply::default(),
        }
    }

    /// Saves the agreement as a PDF beside the store: `overeenkomst-<nr>-<name>.pdf`.
    fn print(&self, id: u64, a: &Agreement, s: &Session, lang: Lang) -> Reply {
        let bytes = match s.experts().agreement_pdf(id) {
            Ok(bytes) => bytes,
            Err(e) => return Reply::error(&e, lang),
        };
        let path = agreement_pdf_path(&self.out_dir, id, &self.name(a.expert));
        match write_atomically(&path, &bytes) {
            Ok(()) => Reply::info(fill(
                Msg::AgreementPdfSaved,
                lang,
                &[("path", &path.display().to_string())],
            )),
            Err(e) => Reply::default().with_status(Status {
                text: format!("{}: {e}", path.display()),
                error: true,
            }),
        }
    }

    fn review_action(&mut self, action: Action, s: &Session, lang: Lang) -> Reply {
        match action {
            Action::PrevWeek | Action::NextWeek => {
                self.week = if action == Action::PrevWeek {
                    self.week.previous()
                } else {
                    self.week.next()
                };
                self.clamp_cursor();
                Reply::default()
            }
            Action::Enter => match self.selected() {
                Some(Selected::Due(d)) if d.planned.is_none() => self.schedule(s, lang),
                Some(Selected::Review(id, r)) if r.status != ReviewStatus::Scheduled => {
                    let name = self.name(r.expert);
                    Reply::show(Popup::Detail(
                        Msg::DetailReview,
                        draw::review_detail(id, r, &name, lang),
                        0,
                    ))
                }
                Some(_) => self.review_action(Action::Record, s, lang),
                None => Reply::default(),
            },
            Action::Schedule => match self.selected() {
                Some(Selected::Due(d)) if d.planned.is_some() => {
                    Reply::info(Msg::AlreadyPlanned.text(lang))
                }
                Some(Selected::Due(_)) => self.schedule(s, lang),
                _ => Reply::info(Msg::PickDueRow.text(lang)),
            },
            Action::Reschedule | Action::CancelReview | Action::NoShow | Action::Record => {
                let Some((id, review)) = self.selected_review() else {
                    return Reply::info(match self.selected() {
                        Some(Selected::Due(_)) => Msg::NotPlannedYet.text(lang),
                        _ => Msg::NoReviewSelected.text(lang),
                    });
                };
                if review.status != ReviewStatus::Scheduled {
                    return Reply::info(Msg::ReviewNotOpen.text(lang));
                }
                let name = self.name(review.expert);
                let when = i18n::when(review.slot.start, lang);
                let text = |m: Msg| fill(m, lang, &[("name", &name), ("when", &when)]);
                let ask = |question: Question, pending: Pending| Popup::Confirm {
                    question,
                    pending,
                    under: None,
                };
                match action {
                    Action::Reschedule => {
                        match SlotDialog::reschedule(
                            s,
                            id,
                            &review,
                            name.clone(),
                            &self.staff,
                            lang,
                        ) {
                            Ok(d) => Reply::show(Popup::Slot(Box::new(d))),
                            Err(e) => Reply::error(&e, lang),
                        }
                    }
                    Action::CancelReview => {
                        let q =
                            Question::typed_word(&text(Msg::ConfirmCancel), Msg::WordCancel, lang);
                        Reply::show(ask(q, Pending::Cancel(id)))
                    }
                    Action::NoShow => {
                        let q = Question::yes_no(text(Msg::ConfirmNoShow));
                        Reply::show(ask(q, Pending::NoShow(id, name.clone())))
                    }
                    _ => {
                        let mut form = forms::record_form(s.today(), &review);
                        form.note = Some(format!("{name} · {when}"));
                        Reply::show(Popup::Form(Box::new(form), FormKind::Record(id)))
                    }
                }
            }
            _ => Reply::default(),
        }
    }

    /// Opens the scheduling dialog for the selected agreement due.
    fn schedule(&self, s: &Session, lang: Lang) -> Reply {
        let Some(Selected::Due(d)) = self.selected() else {
            return Reply::info(Msg::PickDueRow.text(lang));
        };
        let name = self.name(d.agreement.expert);
        match SlotDialog::schedule(s, d.agreement_id, name, &self.staff, lang) {
            Ok(dialog) => Reply::show(Popup::Slot(Box::new(dialog))),
            Err(e) => Reply::error(&e, lang),
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
            Popup::Confirm {
                question,
                pending,
                under,
            } => match question.answer(action) {
                Answer::Yes => self.run(pending, under.map(|u| *u), s, lang),
                Answer::No => super::declined(under, lang),
                Answer::Open(question) => Reply::show(Popup::Confirm {
                    question,
                    pending,
                    under,
                }),
            },
            Popup::Form(mut form, kind) => match form.handle(action) {
                FormOutcome::Cancel => Reply::info(Msg::Cancelled.text(lang)),
                FormOutcome::Save => self.submit(form, kind, s, lang),
                FormOutcome::Changed => {
                    if let FormKind::Agreement(_) = kind {
                        forms::show_agreement_fields(&mut form);
                    }
                    Reply::show(Popup::Form(form, kind))
                }
                FormOutcome::None => Reply::show(Popup::Form(form, kind)),
            },
            Popup::Slot(mut dialog) => match dialog.form.handle(action) {
                FormOutcome::Cancel => Reply::info(Msg::Cancelled.text(lang)),
                FormOutcome::Save => self.submit_slot(dialog, s, lang),
                outcome => {
                    let asked = dialog.after_key(s, outcome == FormOutcome::Changed);
                    let reply = Reply::show(Popup::Slot(dialog));
                    match asked {
                        Ok(()) => reply,
                        Err(e) => reply.with_status(error_status(&e, lang)),
                    }
                }
            },
        }
    }

    fn submit(&mut self, mut form: Box<Form>, kind: FormKind, s: &Session, lang: Lang) -> Reply {
        let ex = s.experts();
        let invalid = |mut form: Box<Form>, e: FieldError| {
            let rest = form.show_errors(&[e], lang);
            Reply::show(Popup::Form(form, kind)).with_status(form_errors(rest, lang))
        };
        match kind {
            FormKind::Agreement(id) => {
                let input = forms::agreement_input(&form);
                match ex.check(&input, id) {
                    Err(Error::Invalid(errors)) => {
                        let rest = forms::show_agreement_errors(&mut form, &errors, lang);
                        Reply::show(Popup::Form(form, kind)).with_status(form_errors(rest, lang))
                    }
                    Err(e) => {
                        Reply::show(Popup::Form(form, kind)).with_status(error_status(&e, lang))
                    }
                    Ok(warnings) if !warnings.is_empty() => {
                        let mut lines = vec![Msg::ConfirmAllowance.text(lang).to_string()];
                        lines.extend(
                            i18n::allowance_warnings(&warnings, lang)
                                .into_iter()
                                .map(|w| format!("• {w}")),
                        );
                        lines.push(Msg::ConfirmSaveAnyway.text(lang).to_string());
                        Reply::show(Popup::Confirm {
                            question: Question::yes_no(lines.join("\n")),
                            pending: Pending::SaveAgreement(id, Box::new(input)),
                            under: Some(Box::new(Popup::Form(form, kind))),
                        })
                    }
                    Ok(_) => self.run(
                        Pending::SaveAgreement(id, Box::new(input)),
                        Some(Popup::Form(form, kind)),
                        s,
                        lang,
                    ),
                }
            }
            FormKind::Sign(id) => match forms::date(&form, "signed_on") {
                Err(e) => invalid(form, e),
                Ok(on) => {
                    let Some(a) = self.agreement(id) else {
                        return Reply::info(Msg::NoAgreementSelected.text(lang));
                    };
                    let period = format!("{} – {}", format_date(a.start), format_date(a.end));
                    let text = fill(
                        Msg::ConfirmSign,
                        lang,
                        &[
                            ("nr", &id.to_string()),
                            ("name", &self.name(a.expert)),
                            ("period", &period),
                            ("date", &format_date(on)),
                        ],
                    );
                    Reply::show(Popup::Confirm {
                        question: Question::yes_no(text),
                        pending: Pending::Sign(id, on),
                        under: Some(Box::new(Popup::Form(form, kind))),
                    })
                }
            },
            FormKind::End(id) => match forms::end_values(&form) {
                Err(Error::Invalid(mut errors)) if !errors.is_empty() => {
                    invalid(form, errors.remove(0))
                }
                Err(e) => Reply::show(Popup::Form(form, kind)).with_status(error_status(&e, lang)),
                Ok((on, outcome)) => {
                    let name = self
                        .agreement(id)
                        .map_or(String::new(), |a| self.name(a.expert));
                    let text = fill(
                        Msg::ConfirmEnd,
                        lang,
                        &[
                            ("nr", &id.to_string()),
                            ("name", &name),
                            ("date", &format_date(on)),
                        ],
                    );
                    Reply::show(Popup::Confirm {
                        question: Question::typed_word(&text, Msg::WordEnd, lang),
                        pending: Pending::End(id, on, outcome),
                        under: Some(Box::new(Popup::Form(form, kind))),
                    })
                }
            },
            FormKind::Record(review) => match forms::record_values(&form) {
                Err(Error::Invalid(mut errors)) if !errors.is_empty() => {
                    invalid(form, errors.remove(0))
                }
                Err(e) => Reply::show(Popup::Form(form, kind)).with_status(error_status(&e, lang)),
                Ok((on, outcome)) => {
                    let said = Box::new(forms::conversation(&form));
                    self.run(
                        Pending::Record(review, on, said, outcome),
                        Some(Popup::Form(form, kind)),
                        s,
                        lang,
                    )
                }
            },
        }
    }

    fn submit_slot(&mut self, mut dialog: Box<SlotDialog>, s: &Session, lang: Lang) -> Reply {
        match dialog.slot() {
            Err(Error::Invalid(errors)) => {
                let rest = dialog.show_errors(&errors, lang);
                Reply::show(Popup::Slot(dialog)).with_status(form_errors(rest, lang))
            }
            Err(e) => Reply::show(Popup::Slot(dialog)).with_status(error_status(&e, lang)),
            Ok(slot) => match dialog.review {
                None => {
                    let pending = Pending::Schedule(dialog.agreement, slot, dialog.name.clone());
                    self.run(pending, Some(Popup::Slot(dialog)), s, lang)
                }
                Some(review) => {
                    let text = fill(
                        Msg::ConfirmReschedule,
                        lang,
                        &[
                            ("name", &dialog.name),
                            ("when", &i18n::when(slot.start, lang)),
                        ],
                    );
                    let pending = Pending::Reschedule(review, slot, dialog.name.clone());
                    Reply::show(Popup::Confirm {
                        question: Question::yes_no(text),
                        pending,
                        under: Some(Box::new(Popup::Slot(dialog))),
                    })
                }
            },
        }
    }

    fn agreement(&self, id: u64) -> Option<&Agreement> {
        self.experts
            .iter()
            .flat_map(|e| e.agreements.iter())
            .find(|(x, _)| *x == id)
            .map(|(_, a)| a)
    }

    /// Makes the core call; its field errors go back under the fields of the form it came
    /// from.
    fn run(&mut self, pending: Pending, under: Option<Popup>, s: &Session, lang: Lang) -> Reply {
        match self.execute(&pending, s, lang) {
            Ok(done) => self.after(done, s, lang),
            Err(Error::Invalid(errors)) => match under {
                Some(under) => {
                    let (popup, rest) = show_errors_on(under, &errors, lang);
                    Reply::show(popup).with_status(form_errors(rest, lang))
                }
                None => Reply::error(&Error::Invalid(errors), lang),
            },
            Err(e) => match under {
                Some(under) => Reply::show(under).with_status(error_status(&e, lang)),
                None => Reply::error(&e, lang),
            },
        }
    }

    fn execute(&self, pending: &Pending, s: &Session, lang: Lang) -> Result<Done> {
        let ex = s.experts();
        let nr = |id: u64| id.to_string();
        match pending {
            Pending::SaveAgreement(None, input) => ex.create(input).map(|saved| Done {
                select: Some(saved.id),
                ..Done::say(fill(
                    Msg::AgreementCreated,
                    lang,
                    &[
                        ("nr", &nr(saved.id)),
                        ("name", &self.name_read(s, saved.agreement.expert)),
                    ],
                ))
            }),
            Pending::SaveAgreement(Some(id), input) => ex.update(*id, input).map(|saved| Done {
                select: Some(saved.id),
                ..Done::say(fill(Msg::AgreementSaved, lang, &[("nr", &nr(saved.id))]))
            }),
            Pending::Sign(id, on) => ex.sign(*id, *on).map(|_| Done {
                select: Some(*id),
                ..Done::say(fill(
                    Msg::AgreementSigned,
                    lang,
                    &[("nr", &nr(*id)), ("date", &format_date(*on))],
                ))
            }),
            Pending::End(id, on, outcome) => ex.end(*id, *on, *outcome).map(|_| Done {
                select: Some(*id),
                ..Done::say(fill(
                    Msg::AgreementEnded,
                    lang,
                    &[("nr", &nr(*id)), ("date", &format_date(*on))],
                ))
            }),
            Pending::Schedule(agreement, slot, name) => {
                ex.schedule(*agreement, slot.clone()).map(|_| Done {
                    week: Some(IsoWeek::of(slot.start.date())),
                    ..Done::say(fill(
                        Msg::ReviewPlanned,
                        lang,
                        &[("name", name), ("when", &i18n::when(slot.start, lang))],
                    ))
                })
            }
            Pending::Reschedule(review, slot, name) => {
                ex.reschedule(*review, slot.clone()).map(|_| Done {
                    week: Some(IsoWeek::of(slot.start.date())),
                    ..Done::say(fill(
                        Msg::ReviewMoved,
                        lang,
                        &[("name", name), ("when", &i18n::when(slot.start, lang))],
                    ))
                })
            }
            Pending::Cancel(review) => ex
                .cancel(*review)
                .map(|_| Done::say(Msg::ReviewCancelledNow.text(lang).to_string())),
            Pending::NoShow(review, name) => ex
                .no_show(*review)
                .map(|_| Done::say(fill(Msg::ReviewNoShowNow, lang, &[("name", name)]))),
            Pending::Record(review, on, said, outcome) => {
                let (held, next) = ex.record(*review, *on, (**said).clone(), *outcome)?;
                match (outcome, next) {
                    (Outcome::Adjust, Some(n)) => {
                        let draft = ex.agreement(n)?;
                        Ok(Done {
                            select: Some(n),
                            then: Some(Popup::Form(
                                Box::new(forms::edit_agreement_form(
                                    Msg::FormAdjustAgreement,
                                    &draft,
                                )),
                                FormKind::Agreement(Some(n)),
                            )),
                            ..Done::say(fill(Msg::RecordedAdjust, lang, &[("nr", &nr(n))]))
                        })
                    }
                    (_, Some(n)) => Ok(Done {
                        select: Some(n),
                        ..Done::say(fill(Msg::RecordedContinue, lang, &[("nr", &nr(n))]))
                    }),
                    (_, None) => {
                        let ends = ex.agreement(held.agreement)?.last_day();
                        Ok(Done {
                            select: Some(held.agreement),
                            ..Done::say(fill(
                                Msg::RecordedStop,
                                lang,
                                &[("date", &format_date(ends))],
                            ))
                        })
                    }
                }
            }
        }
    }

    /// After a core call: read the lists again, select what changed, say what happened.
    fn after(&mut self, done: Done, s: &Session, lang: Lang) -> Reply {
        if let Err(e) = self.load(s) {
            return Reply::error(&e, lang);
        }
        if let Some(id) = done.select {
            self.select_agreement(id);
        }
        if let Some(week) = done.week {
            self.week = week;
            self.clamp_cursor();
        }
        Reply {
            popup: done.then,
            status: Some(Status {
                text: done.message,
                error: false,
            }),
        }
    }
}

/// Core's field errors under the fields of the popup they came from; the rest as sentences.
fn show_errors_on(under: Popup, errors: &[FieldError], lang: Lang) -> (Popup, Vec<String>) {
    match under {
        Popup::Form(mut form, kind) => {
            let rest = match kind {
                FormKind::Agreement(_) => forms::show_agreement_errors(&mut form, errors, lang),
                FormKind::Record(_) => {
                    // The next agreement drafted from the outcome overlaps another one.
                    let errors: Vec<FieldError> = errors
                        .iter()
                        .map(|e| match e.field {
                            "start" => FieldError::new("outcome", e.reason.clone()),
                            _ => e.clone(),
                        })
                        .collect();
                    form.show_errors(&errors, lang)
                }
                FormKind::Sign(_) | FormKind::End(_) => form.show_errors(errors, lang),
            };
            (Popup::Form(form, kind), rest)
        }
        Popup::Slot(mut dialog) => {
            let rest = dialog.show_errors(errors, lang);
            (Popup::Slot(dialog), rest)
        }
        other => (
            other,
            errors.iter().map(|e| i18n::field_error(e, lang)).collect(),
        ),
    }
}

/// `overeenkomst-12-zoe-van-der-berg.pdf`: the number and the name without accents or spaces.
fn agreement_pdf_path(dir: &Path, id: u64, name: &str) -> PathBuf {
    let mut slug = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    dir.join(format!("overeenkomst-{id}-{slug}.pdf"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdf_is_named_after_the_number_and_the_expert() {
        let p = agreement_pdf_path(Path::new("/data"), 12, "Zoë van der Berg");
        assert_eq!(p, Path::new("/data/overeenkomst-12-zoe-van-der-berg.pdf"));
        let p = agreement_pdf_path(Path::new("."), 3, "Şükrü  Yılmaz-Öz ");
        assert_eq!(p, Path::new("./overeenkomst-3-sukru-yilmaz-oz.pdf"));
    }
}

crate::screens::legacy::legacy_tab!(
    VolunteersTab,
    Popup,
    Msg::TabVolunteers,
    &[
        kapstok_core::store::TreeId::Members,
        kapstok_core::store::TreeId::Settings,
        kapstok_core::store::TreeId::Agreements,
        kapstok_core::store::TreeId::Reviews,
        kapstok_core::store::TreeId::AllowanceLimits,
        kapstok_core::store::TreeId::Tasks,
    ],
    {
        crate::screen::Target::Experts => View::Experts,
        crate::screen::Target::Reviews => View::Reviews,
    }
);
