//! The BaseMail tab: the card run of an ISO week (cards and the left-out list), printing (labels,
//! the run sheet, the printer's calibration), statistics of the posted cards, and for
//! coordinators and administrators the institutions and the recipients with their stays.
//!
//! The tab is a [`Screen`]: a key's [`Action`] comes in, the tab calls `session.basemail()` and
//! answers [`Effects`] (a layer to push, a line for the status bar). Its forms, questions and the
//! recipient picker are the generic layers ([`crate::layers`]) with closures that call core
//! (`actions`, `forms`); the label print dialog with its sheet picture and the "send it to the
//! printer?" question are layers of their own (`print`). Every rule stays in core, errors
//! included. What a write changed comes back as core's announcement ([`Screen::changed`]): the
//! tab reads again only what it shows of that.

mod actions;
mod draw;
mod forms;
mod print;
mod run_sheet;

use super::clamp;
use crate::i18n::{Lang, Msg};
use crate::keys::{Action, Mode};
use crate::layers::DetailLayer;
use crate::screen::{Cx, Effects, Screen, Shared, Target};
use chrono::NaiveDate;
use forms::Done;
use kapstok_core::basemail::service::Stats;
use kapstok_core::basemail::{Card, Institution, Recipient, Run, Stay};
use kapstok_core::common::IsoWeek;
use kapstok_core::error::Permission;
use kapstok_core::store::changes::ChangeSet;
use kapstok_core::store::TreeId;
use kapstok_core::{Result, Session};
pub use print::{PrintDialog, SendQuestion};
use ratatui::layout::Rect;
use ratatui::widgets::TableState;
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
    /// The institution or recipient to select once the change that saved it has come in.
    select: Option<u64>,
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
            select: None,
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
    fn read(&mut self, s: &Session) -> Result<()> {
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
        if let Some(id) = self.select.take() {
            self.select_id(id);
        }
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

    /// The year before or after (not past the current year).
    fn stats_action(&mut self, action: Action, cx: &Cx) -> Effects {
        let year = match action {
            Action::PrevYear => self.stats_year - 1,
            Action::NextYear => (self.stats_year + 1).min(IsoWeek::of(cx.session.today()).year()),
            _ => return Effects::none(),
        };
        if year == self.stats_year {
            return Effects::none();
        }
        self.stats_year = year;
        match self.load_stats(cx.session) {
            Ok(()) => Effects::none(),
            Err(e) => Effects::error(&e, cx.lang),
        }
    }

    /// The selected card, institution or recipient in full.
    fn open_detail(&self, cx: &Cx) -> Effects {
        let lang = cx.lang;
        let detail = match self.view {
            View::Cards => self
                .selected_card()
                .map(|c| (Msg::DetailCard, draw::card_lines(c, lang))),
            View::LeftOut | View::Stats => None,
            View::Institutions => self
                .selected_institution()
                .map(|(_, i)| (Msg::DetailInstitution, draw::institution_lines(i, lang))),
            View::Recipients => self.selected_recipient().map(|r| {
                (
                    Msg::DetailRecipient,
                    draw::recipient_lines(r, &self.institutions, lang),
                )
            }),
        };
        match detail {
            Some((title, lines)) => Effects::push(DetailLayer::new(cx.t(title), lines).width(78)),
            None => Effects::none(),
        }
    }

    fn set_week(&mut self, week: IsoWeek, cx: &Cx) -> Effects {
        self.week = week;
        self.cards.select(None);
        self.left_out.select(None);
        match self.load_run(cx.session) {
            Ok(()) => Effects::none(),
            Err(e) => Effects::error(&e, cx.lang),
        }
    }

    /// After a core call: show the run it returned, say what happened, and select the
    /// institution or recipient it saved once its change has come in (the announcement reads
    /// the lists again, [`Screen::changed`]).
    fn after(&mut self, done: Result<Done>, lang: Lang) -> Effects {
        match done {
            Err(e) => Effects::error(&e, lang),
            Ok(done) => {
                if let Some(run) = done.run {
                    self.set_run(Some(run));
                }
                if done.select.is_some() {
                    self.select = done.select;
                }
                Effects::info(done.message)
            }
        }
    }
}

/// True when the change sets wrote nothing but runs (a card marked or changed by hand, a run
/// composed or posted): the lists of institutions and recipients need not be read again.
fn only_runs(sets: &[&ChangeSet]) -> bool {
    sets.iter()
        .flat_map(|s| s.changes.iter())
        .all(|c| matches!(c.tree, TreeId::Runs | TreeId::Audit | TreeId::Meta))
}

impl Screen for BaseMailTab {
    fn title(&self) -> Msg {
        Msg::TabBaseMail
    }

    fn depends_on(&self) -> &'static [TreeId] {
        &[
            TreeId::Members,
            TreeId::Settings,
            TreeId::Institutions,
            TreeId::Recipients,
            TreeId::Stays,
            TreeId::Runs,
        ]
    }

    fn load(&mut self, cx: &Cx, _: &mut Shared) -> Result<()> {
        self.read(cx.session)
    }

    /// A change to runs only reads the week's run again (and the statistics when they show);
    /// anything else reads everything.
    fn changed(&mut self, cx: &Cx, sets: &[&ChangeSet], shared: &mut Shared) -> Result<Effects> {
        if !only_runs(sets) {
            self.load(cx, shared)?;
            return Ok(Effects::none());
        }
        self.load_run(cx.session)?;
        if self.view == View::Stats {
            self.load_stats(cx.session)?;
        }
        Ok(Effects::none())
    }

    fn mode(&self) -> Mode {
        match self.view {
            View::Cards | View::LeftOut => Mode::Run,
            View::Institutions => Mode::Institutions,
            View::Recipients => Mode::Recipients,
            View::Stats => Mode::Stats,
        }
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Effects {
        if let Some(step) = action.step() {
            self.move_by(step);
            return Effects::none();
        }
        match action {
            Action::NextView => {
                let views = self.views();
                let at = views.iter().position(|v| *v == self.view).unwrap_or(0);
                self.view = views[(at + 1) % views.len()];
                if self.view == View::Stats {
                    if let Err(e) = self.load_stats(cx.session) {
                        return Effects::error(&e, cx.lang);
                    }
                }
                Effects::none()
            }
            Action::Enter => self.open_detail(cx),
            _ => match self.view {
                View::Cards | View::LeftOut => self.run_action(action, cx),
                View::Institutions => self.institution_action(action),
                View::Recipients => self.recipient_action(action, cx),
                View::Stats => self.stats_action(action, cx),
            },
        }
    }

    fn open(&mut self, target: Target, _: &Cx) -> Option<Effects> {
        let view = match target {
            Target::Run => View::Cards,
            Target::Recipients => View::Recipients,
            _ => return None,
        };
        self.show(view);
        Some(Effects::none())
    }

    /// The run sheet saved off the drawing thread.
    fn message(&mut self, message: Box<dyn std::any::Any + Send>, cx: &Cx) -> Effects {
        match message.downcast::<run_sheet::RunSheet>() {
            Ok(saved) => self.run_sheet_saved(*saved, cx),
            Err(_) => Effects::none(),
        }
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, cx: &Cx) {
        self.draw(frame, area, cx.lang);
    }
}
