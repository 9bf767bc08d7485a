//! The Meetings tab (general meetings, ALV), for administrators; coordinators see everything
//! and change nothing. Three views, switched with `v`:
//!
//! - **meetings**: the list with each meeting's convocation deadline, the selected meeting's
//!   agenda (items chosen with ←/→), its convocation and attendance in short, and the year's
//!   reminders. Plan and change meetings and items, write the convocation's files (letters as
//!   one PDF, the e-mail list as CSV, envelope labels), record the date sent (a late date is
//!   asked about first), vote on an item by counts, write minutes, adopt them at a later
//!   meeting, plan the second meeting after a failed quorum.
//! - **attendance** of the selected meeting: who is present, arrivals and departures, proxies,
//!   the voting power live; the attendance sheet as a PDF.
//! - **register**: every decision of every meeting, filtered as you type.
//!
//! A [`Screen`]: its keys answer with [`Effects`], its forms, questions and pickers are the
//! generic layers with a closure on the tab, the roll call a layer of its own
//! (`RollCallLayer`). It does not read itself again after its own changes: core's
//! announcements do that ([`Screen::changed`]). Every rule is core's (`session.meetings()`):
//! deadlines, who is invited how, who may vote or hold a proxy, the outcome of a vote and why.

mod actions;
mod draw;
mod forms;
mod papers;
mod rollcall;

use super::clamp;
use crate::i18n::{Lang, Msg};
use crate::jobs::{Back, Reloads};
use crate::keys::{Action, Mode};
use crate::present::meeting_text;
use crate::screen::{Cx, Effects, Screen, Shared, Target};
use chrono::NaiveDate;
use kapstok_core::common::format_date;
use kapstok_core::error::Permission;
use kapstok_core::meetings::{rules, Deadlines, DecisionEntry, Meeting, MeetingRules, Reminder};
use kapstok_core::members::Member;
use kapstok_core::store::changes::ChangeSet;
use kapstok_core::store::TreeId;
use kapstok_core::{Result, Session};
use ratatui::layout::Rect;
use ratatui::widgets::TableState;
use ratatui::Frame;
pub use rollcall::RollCall;
use std::path::PathBuf;

/// The views of the tab, switched with `v`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The meetings with the selected one's agenda.
    Meetings,
    /// The selected meeting's attendance register and proxies.
    Attendance,
    /// The decision register across all meetings.
    Register,
}

/// A member as the tab needs them: name, known-as, and whether they may attend or vote on the
/// selected meeting's day.
#[derive(Debug, Clone)]
struct Person {
    number: u64,
    name: Box<str>,
    known_as: Box<str>,
    attends: bool,
    votes: bool,
}

/// The register as the tab needs it: people in register order, found by number through an
/// index sorted by number (a map of 100,000 people took twice the memory).
#[derive(Debug, Default)]
struct People {
    list: Vec<Person>,
    by_number: Vec<u32>,
}

impl People {
    fn new(list: Vec<Person>) -> People {
        let mut by_number: Vec<u32> = (0..list.len())
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        by_number.sort_unstable_by_key(|&i| list.get(i as usize).map(|p| p.number));
        People { list, by_number }
    }

    fn get(&self, number: &u64) -> Option<&Person> {
        let at = self
            .by_number
            .binary_search_by_key(&Some(*number), |&i| {
                self.list.get(i as usize).map(|p| p.number)
            })
            .ok()?;
        self.list.get(*self.by_number.get(at)? as usize)
    }

    /// The member numbers in register order.
    fn numbers(&self) -> impl Iterator<Item = &u64> {
        self.list.iter().map(|p| &p.number)
    }
}

/// A member as the tab keeps them on `day`.
fn person(m: &Member, day: NaiveDate) -> Person {
    Person {
        number: m.number,
        name: m.name.full().into(),
        known_as: m.known_as.as_str().into(),
        attends: rules::may_attend(m, day),
        votes: rules::may_vote(m, day),
    }
}

/// The members as on `day`, in register order (the register is already in that order).
fn people_on(members: &[Member], day: NaiveDate) -> People {
    People::new(members.iter().map(|m| person(m, day)).collect())
}

/// The members as on `day`, in register order, read a batch at a time: off the drawing thread
/// the whole register is never held (it would be beside the tab's current list).
fn people_read(s: &kapstok_core::Session, day: NaiveDate) -> Result<People> {
    let mut keyed = Vec::new();
    s.members().in_batches(|batch| {
        keyed.extend(batch.iter().map(|m| {
            (
                (kapstok_core::members::rules::register_key(m), m.number),
                person(m, day),
            )
        }));
    })?;
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(People::new(keyed.into_iter().map(|(_, p)| p).collect()))
}

/// The tab's state.
#[derive(Debug)]
pub struct MeetingsTab {
    view: View,
    /// Where the convocation's files and the attendance sheet are saved: beside the store.
    out_dir: PathBuf,
    today: NaiveDate,
    manage: bool,
    rules: MeetingRules,
    meetings: Vec<(u64, Meeting)>,
    list: TableState,
    /// The agenda item selected in the selected meeting.
    item: usize,
    /// The members as on the selected meeting's day, in register order, found by number.
    people: People,
    /// The day `people` was read for.
    people_day: Option<NaiveDate>,
    reminders: Vec<Reminder>,
    /// The attendance row selected.
    row: TableState,
    decisions: Vec<DecisionEntry>,
    register: TableState,
    query: String,
    filtering: bool,
    /// The meeting to select once the list is read again (one just planned).
    select_after_load: Option<u64>,
    /// The register read again off the drawing thread after a change to members.
    reloads: Reloads,
}

impl MeetingsTab {
    /// The tab on the meetings view. Files are saved in `out_dir`.
    pub fn new(session: &Session, out_dir: PathBuf) -> MeetingsTab {
        MeetingsTab {
            view: View::Meetings,
            out_dir,
            today: session.today(),
            manage: session.can(Permission::MeetingsManage),
            rules: MeetingRules::default(),
            meetings: Vec::new(),
            list: TableState::default(),
            item: 0,
            people: People::default(),
            people_day: None,
            reminders: Vec::new(),
            row: TableState::default(),
            decisions: Vec::new(),
            register: TableState::default(),
            query: String::new(),
            filtering: false,
            select_after_load: None,
            reloads: Reloads::default(),
        }
    }

    /// Where the keyboard is on this tab.
    fn view_mode(&self) -> Mode {
        match self.view {
            View::Meetings => Mode::Meetings,
            View::Attendance => Mode::Attendance,
            View::Register if self.filtering => Mode::Filter,
            View::Register => Mode::Register,
        }
    }

    /// Reads the meetings, the rules, the reminders and the decisions again, keeping the meeting
    /// selected (or selecting the one just planned).
    fn load_meetings(&mut self, s: &Session) -> Result<()> {
        let mt = s.meetings();
        self.today = s.today();
        self.rules = mt.rules()?;
        let before = self.selected_id();
        let keep = self.select_after_load.take().or(before);
        self.meetings = mt.list()?;
        let at = keep
            .and_then(|id| self.meetings.iter().position(|(x, _)| *x == id))
            .or_else(|| {
                // the next meeting not held yet (as core's `next`), else the latest
                let today = self.today;
                self.meetings
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, m))| m.date() >= today && !m.held())
                    .min_by_key(|(_, (id, m))| (m.at, *id))
                    .map(|(i, _)| i)
            });
        self.list
            .select(at.or((!self.meetings.is_empty()).then_some(0)));
        if self.selected_id() != before {
            self.item = 0;
            self.row.select(None);
        }
        self.reminders = mt.reminders()?;
        Ok(())
    }

    /// The members as on the selected meeting's day (today when there is none), from the
    /// register read once for the tabs that show members ([`Shared::register`]). Without
    /// `again` the people already read for that day are kept: the register is only read when
    /// the day changes or it changed (at 100,000 members a read takes half a second and 25 MB
    /// for the moment).
    fn load_people(&mut self, shared: &mut Shared, again: bool) -> Result<()> {
        let day = self.day();
        if again || self.people_day != Some(day) {
            // Let go of the old list before the register is read again.
            self.people = People::default();
            self.people_day = None;
            // A read off the drawing thread still running is older than this one.
            self.reloads.outdate();
            // The register another tab of this reload read, else a batch at a time (never the
            // whole register beside the list).
            self.people = match shared.register_read() {
                Some(register) => people_on(register, day),
                None => people_read(shared.session(), day)?,
            };
            self.people_day = Some(day);
        }
        self.clamp_selection();
        Ok(())
    }

    /// The day whose members the tab shows: the selected meeting's, else today.
    fn day(&self) -> NaiveDate {
        self.selected().map_or(self.today, |(_, m)| m.date())
    }

    /// Reads the register again off the drawing thread (after a change to members): the tab
    /// shows the people it has until the read is back ([`MeetingsTab::people_back`]).
    fn ask_people(&mut self) -> Effects {
        self.clamp_selection();
        let day = self.day();
        self.reloads
            .ask(Msg::BusyReload, move |s, _| (day, people_read(s, day)))
    }

    /// A read of the register came back: shown when it is the newest and for the day shown.
    fn people_back(&mut self, back: Back<(NaiveDate, Result<People>)>, lang: Lang) -> Effects {
        match back {
            Back::Fresh((day, Ok(people))) if day == self.day() => {
                self.people = people;
                self.people_day = Some(day);
                Effects::none()
            }
            Back::Fresh((_, Ok(_))) | Back::Outdated { again: false } => Effects::none(),
            Back::Fresh((_, Err(e))) => Effects::error(&e, lang),
            Back::Outdated { again: true } => self.ask_people(),
            Back::Failed => crate::jobs::failed(lang),
        }
    }

    /// Keeps the selected agenda item and attendance row within the selected meeting.
    fn clamp_selection(&mut self) {
        let len = self.selected().map_or(0, |(_, m)| m.agenda.len());
        self.item = self.item.min(len.saturating_sub(1));
        let rows = self.selected().map_or(0, |(_, m)| m.presence.len());
        clamp(&mut self.row, rows);
    }

    fn load_decisions(&mut self, s: &Session) -> Result<()> {
        self.decisions = s.meetings().decisions(&self.query)?;
        clamp(&mut self.register, self.decisions.len());
        Ok(())
    }

    fn selected(&self) -> Option<&(u64, Meeting)> {
        self.meetings.get(self.list.selected()?)
    }

    fn selected_id(&self) -> Option<u64> {
        self.selected().map(|(id, _)| *id)
    }

    /// A meeting by id.
    fn meeting(&self, id: u64) -> Option<&Meeting> {
        self.meetings.iter().find(|(x, _)| *x == id).map(|(_, m)| m)
    }

    /// A member's name; "#12" for a number no longer in the register.
    fn name(&self, number: u64) -> String {
        self.people
            .get(&number)
            .map_or_else(|| format!("#{number}"), |p| p.name.to_string())
    }

    /// The convocation deadlines of a meeting, by the statutes' rules.
    fn deadlines(&self, m: &Meeting) -> Deadlines {
        rules::deadlines(m.date(), m.has_statute_change(), &self.rules)
    }

    /// Voting members on the selected meeting's day.
    fn voting_members(&self) -> usize {
        self.people.list.iter().filter(|p| p.votes).count()
    }

    /// "voorjaarsvergadering 10-03-2026".
    fn meeting_label(&self, m: &Meeting, lang: Lang) -> String {
        format!(
            "{} {}",
            meeting_text::kind(m.kind, lang),
            format_date(m.date())
        )
    }

    fn move_by(&mut self, delta: i64, cx: &Cx) -> Result<()> {
        let (state, len) = match self.view {
            View::Meetings => (&mut self.list, self.meetings.len()),
            View::Attendance => {
                let len = self.selected().map_or(0, |(_, m)| m.presence.len());
                (&mut self.row, len)
            }
            View::Register => (&mut self.register, self.decisions.len()),
        };
        if len == 0 {
            return Ok(());
        }
        let at = state.selected().unwrap_or(0) as i64;
        let to = at.saturating_add(delta).clamp(0, len as i64 - 1) as usize;
        let moved = state.selected() != Some(to);
        state.select(Some(to));
        if moved && self.view == View::Meetings {
            self.item = 0;
            self.row.select(Some(0));
            // another meeting's day: who may attend and vote then
            self.load_people(&mut Shared::new(cx.session), false)?;
        }
        Ok(())
    }

    fn filter_action(&mut self, action: Action, cx: &Cx) -> Effects {
        match action {
            Action::Char(c) => self.query.push(c),
            Action::Backspace => {
                self.query.pop();
            }
            Action::Enter => {
                self.filtering = false;
                return Effects::none();
            }
            Action::Back => {
                self.filtering = false;
                self.query.clear();
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                return self.moved(action.step().unwrap_or(0), cx);
            }
            _ => return Effects::none(),
        }
        self.after_filter(cx)
    }

    fn moved(&mut self, delta: i64, cx: &Cx) -> Effects {
        match self.move_by(delta, cx) {
            Ok(()) => Effects::none(),
            Err(e) => Effects::error(&e, cx.lang),
        }
    }

    fn after_filter(&mut self, cx: &Cx) -> Effects {
        match self.load_decisions(cx.session) {
            Ok(()) => Effects::none(),
            Err(e) => Effects::error(&e, cx.lang),
        }
    }
}

impl Screen for MeetingsTab {
    fn title(&self) -> Msg {
        Msg::TabMeetings
    }

    fn depends_on(&self) -> &'static [TreeId] {
        &[TreeId::Members, TreeId::Settings, TreeId::Meetings]
    }

    fn load(&mut self, cx: &Cx, shared: &mut Shared) -> Result<()> {
        self.load_meetings(cx.session)?;
        self.load_people(shared, true)?;
        self.load_decisions(cx.session)
    }

    /// Shown after changes came while hidden: as [`Screen::changed`] after a change to members.
    fn reload(&mut self, cx: &Cx, _: &mut Shared) -> Result<Effects> {
        self.load_meetings(cx.session)?;
        self.load_decisions(cx.session)?;
        Ok(self.ask_people())
    }

    /// The register is read again only when members changed (off the drawing thread: at
    /// 100,000 members it takes over half a second), or at once when the selected meeting's
    /// day did; a change to a meeting (an arrival, a vote) reads the meetings alone.
    fn changed(&mut self, cx: &Cx, sets: &[&ChangeSet], shared: &mut Shared) -> Result<Effects> {
        if sets.iter().any(|s| s.touches(TreeId::Members)) {
            return self.reload(cx, shared);
        }
        self.load_meetings(cx.session)?;
        self.load_people(shared, false)?;
        self.load_decisions(cx.session)?;
        Ok(Effects::none())
    }

    fn mode(&self) -> Mode {
        self.view_mode()
    }

    fn lets_tabs_switch(&self) -> bool {
        !self.filtering
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Effects {
        if self.filtering {
            return self.filter_action(action, cx);
        }
        if let Some(step) = action.step() {
            return self.moved(step, cx);
        }
        if action == Action::NextView {
            self.view = match self.view {
                View::Meetings => View::Attendance,
                View::Attendance => View::Register,
                View::Register => View::Meetings,
            };
            return Effects::none();
        }
        match self.view {
            View::Meetings => self.meetings_action(action, cx),
            View::Attendance => self.attendance_action(action, cx),
            View::Register => match action {
                Action::Filter => {
                    self.filtering = true;
                    Effects::none()
                }
                Action::Back if !self.query.is_empty() => {
                    self.query.clear();
                    self.after_filter(cx)
                }
                _ => Effects::none(),
            },
        }
    }

    fn open(&mut self, target: Target, _: &Cx) -> Option<Effects> {
        (target == Target::Meetings).then(|| {
            self.view = View::Meetings;
            Effects::none()
        })
    }

    fn message(&mut self, message: Box<dyn std::any::Any + Send>, cx: &Cx) -> Effects {
        match self.reloads.take(message) {
            Ok(back) => self.people_back(back, cx.lang),
            Err(message) => papers::finished(message, cx),
        }
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, cx: &Cx) {
        self.draw(frame, area, cx.lang);
    }
}
