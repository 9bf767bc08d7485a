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
//! Like the other big tabs it carries out its own actions on the session the app hands it and
//! answers with a [`Reply`]. Every rule is core's (`session.meetings()`): deadlines, who is
//! invited how, who may vote or hold a proxy, the outcome of a vote and why.

mod draw;
mod forms;
mod rollcall;

use super::clamp;
use super::{error_status, form_errors, meeting_text, Status};
use crate::files::write_atomically;
use crate::i18n::{fill, Lang, Msg};
use crate::keys::{Action, Mode};
use crate::widgets::centered;
use crate::widgets::confirm::{Answer, Question};
use crate::widgets::form::{Form, Outcome as FormOutcome};
use crate::widgets::picker::{Picked, Picker};
use chrono::{NaiveDate, NaiveTime};
pub use forms::FormKind;
use kapstok_core::common::format_date;
use kapstok_core::error::{Error, FieldError, Permission, Reason};
use kapstok_core::meetings::{
    rules, Deadlines, DecisionEntry, Meeting, MeetingRules, Reminder, Why,
};
use kapstok_core::members::Member;
use kapstok_core::{Result, Session};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, TableState, Wrap};
use ratatui::Frame;
pub use rollcall::RollCall;
use std::path::{Path, PathBuf};

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

/// What the tab asks the app to do after an action.
pub type Reply = super::Reply<Popup>;

/// A core call to make once the user says yes.
#[derive(Debug, Clone)]
pub enum Pending {
    /// Record the convocation sent on a date after its deadline.
    SentLate(u64, NaiveDate),
    /// Remove an agenda item (meeting, index).
    RemoveItem(u64, usize),
}

/// What a member picked in the picker is for.
#[derive(Debug, Clone, Copy)]
pub enum PickFor {
    /// Arriving at the meeting.
    Arrive(u64),
    /// Giving a proxy.
    Giver(u64),
    /// Holding the proxy of the giver (meeting, giver).
    Holder(u64, u64),
    /// Withdrawing the proxy this member gave.
    Withdraw(u64),
}

/// A popup of the tab.
pub enum Popup {
    /// A form.
    Form(Box<Form>, FormKind),
    /// Choosing a member.
    Pick(Box<Picker>, PickFor),
    /// A yes/no question over the popup it came from (shown again on "no").
    Confirm {
        /// The question: yes/no, or typed for what cannot be taken back.
        question: Question,
        /// What "yes" does.
        pending: Pending,
        /// The form it came from.
        under: Option<Box<Popup>>,
    },
    /// A meeting in full, scrolled down this many lines.
    Detail(Vec<Line<'static>>, u16),
    /// A vote by roll call.
    RollCall(Box<RollCall>),
}

impl Popup {
    /// Where the keyboard is while the popup shows.
    pub fn mode(&self) -> Mode {
        match self {
            Popup::Form(..) => Mode::Form,
            Popup::Pick(..) => Mode::Filter,
            Popup::Confirm { question, .. } => question.mode(),
            Popup::Detail(..) => Mode::Help,
            Popup::RollCall(_) => Mode::Form,
        }
    }

    /// Draws the popup over `body`.
    pub fn render(&self, frame: &mut Frame, body: Rect, lang: Lang) {
        match self {
            Popup::Form(form, _) => {
                let width = 78.min(body.width);
                form.render(frame, centered(body, width, form.height(width)), lang);
            }
            Popup::Pick(picker, _) => picker.render(
                frame,
                centered(body, 76, body.height.saturating_sub(2)),
                lang,
            ),
            Popup::Confirm {
                question, under, ..
            } => {
                if let Some(under) = under {
                    under.render(frame, body, lang);
                }
                question.render(frame, body, lang);
            }
            Popup::RollCall(r) => r.render(frame, body, lang),
            Popup::Detail(lines, scroll) => {
                let r = centered(body, 78, body.height.saturating_sub(2));
                frame.render_widget(Clear, r);
                let block = Block::bordered()
                    .title(format!(" {} ", Msg::DetailMeeting.text(lang)))
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
}

impl MeetingsTab {
    /// Shows a view (the Today tab opens the one where its line's work is done).
    pub fn show(&mut self, view: View) {
        self.view = view;
    }

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
        }
    }

    /// Where the keyboard is on this tab.
    pub fn mode(&self) -> Mode {
        match self.view {
            View::Meetings => Mode::Meetings,
            View::Attendance => Mode::Attendance,
            View::Register if self.filtering => Mode::Filter,
            View::Register => Mode::Register,
        }
    }

    /// Reads the meetings, the members, the reminders and the decisions again, keeping the
    /// meeting selected.
    pub fn load(&mut self, s: &Session) -> Result<()> {
        self.load_with(s, None)
    }

    /// Makes the next load read the register again (it changed).
    pub fn forget_people(&mut self) {
        self.people_day = None;
    }

    /// [`MeetingsTab::load`] with the member register when the caller has already read it (in
    /// register order, from `Members::list`), so it is not read again.
    pub fn load_with(&mut self, s: &Session, register: Option<&[Member]>) -> Result<()> {
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
        self.load_people(s, register)?;
        self.load_decisions(s)
    }

    /// The members as on the selected meeting's day (today when there is none). Without a
    /// register handed in, the people already read for that day are kept: the register is only
    /// read again when the day changes or after [`MeetingsTab::forget_people`] (at 100,000
    /// members a read takes half a second and 25 MB for the moment).
    fn load_people(&mut self, s: &Session, register: Option<&[Member]>) -> Result<()> {
        let day = self.selected().map_or(self.today, |(_, m)| m.date());
        if register.is_some() || self.people_day != Some(day) {
            let read;
            let members: &[Member] = match register {
                Some(register) => register,
                None => {
                    // Let go of the old list before the register is read again.
                    self.people = People::new(Vec::new());
                    read = s.members().list()?;
                    &read
                }
            };
            self.people = People::new(
                members
                    .iter()
                    .map(|m| Person {
                        number: m.number,
                        name: m.name.full().into(),
                        known_as: m.known_as.as_str().into(),
                        attends: rules::may_attend(m, day),
                        votes: rules::may_vote(m, day),
                    })
                    .collect(),
            );
            self.people_day = Some(day);
        }
        let len = self.selected().map_or(0, |(_, m)| m.agenda.len());
        self.item = self.item.min(len.saturating_sub(1));
        let rows = self.selected().map_or(0, |(_, m)| m.presence.len());
        clamp(&mut self.row, rows);
        Ok(())
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

    fn move_by(&mut self, delta: i64, s: &Session) -> Result<()> {
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
            self.load_people(s, None)?;
        }
        Ok(())
    }

    /// Applies a key's action on the tab (not in a popup).
    pub fn handle(&mut self, action: Action, s: &Session, lang: Lang) -> Reply {
        if self.filtering {
            return self.filter_action(action, s, lang);
        }
        if let Some(step) = action.step() {
            return match self.move_by(step, s) {
                Ok(()) => Reply::default(),
                Err(e) => Reply::error(&e, lang),
            };
        }
        if action == Action::NextView {
            self.view = match self.view {
                View::Meetings => View::Attendance,
                View::Attendance => View::Register,
                View::Register => View::Meetings,
            };
            return Reply::default();
        }
        match self.view {
            View::Meetings => self.meetings_action(action, s, lang),
            View::Attendance => self.attendance_action(action, s, lang),
            View::Register => match action {
                Action::Filter => {
                    self.filtering = true;
                    Reply::default()
                }
                Action::Back if !self.query.is_empty() => {
                    self.query.clear();
                    self.after_filter(s, lang)
                }
                _ => Reply::default(),
            },
        }
    }

    fn filter_action(&mut self, action: Action, s: &Session, lang: Lang) -> Reply {
        match action {
            Action::Char(c) => self.query.push(c),
            Action::Backspace => {
                self.query.pop();
            }
            Action::Enter => {
                self.filtering = false;
                return Reply::default();
            }
            Action::Back => {
                self.filtering = false;
                self.query.clear();
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                return match self.move_by(action.step().unwrap_or(0), s) {
                    Ok(()) => Reply::default(),
                    Err(e) => Reply::error(&e, lang),
                };
            }
            _ => return Reply::default(),
        }
        self.after_filter(s, lang)
    }

    fn after_filter(&mut self, s: &Session, lang: Lang) -> Reply {
        match self.load_decisions(s) {
            Ok(()) => Reply::default(),
            Err(e) => Reply::error(&e, lang),
        }
    }

    /// Whether the action changes something, or makes the convocation's or the meeting's
    /// papers: then only for those who manage the meetings.
    fn changes(action: Action) -> bool {
        // The attendance sheet (`p`) is a read of the meeting, as in core: not listed.
        matches!(
            action,
            Action::New
                | Action::Edit
                | Action::AddItem
                | Action::EditItem
                | Action::RemoveItem
                | Action::ItemUp
                | Action::ItemDown
                | Action::Convocation
                | Action::EnvelopeLabels
                | Action::Sent
                | Action::Vote
                | Action::RollCall
                | Action::Minutes
                | Action::AdoptMinutes
                | Action::SecondMeeting
                | Action::Arrive
                | Action::Depart
                | Action::GiveProxy
                | Action::WithdrawProxy
        )
    }

    fn meetings_action(&mut self, action: Action, s: &Session, lang: Lang) -> Reply {
        if Self::changes(action) && !self.manage {
            return Reply::info(Msg::MeetingsReadOnly.text(lang));
        }
        if action == Action::New {
            let kind = self.suggested_kind();
            return Reply::show(Popup::Form(
                Box::new(forms::meeting_form(None, kind)),
                FormKind::Plan,
            ));
        }
        let Some((id, m)) = self.selected().cloned() else {
            return match action {
                Action::Enter | Action::Edit | Action::AddItem | Action::Print => {
                    Reply::info(Msg::NoMeetingSelected.text(lang))
                }
                _ => Reply::default(),
            };
        };
        let len = m.agenda.len();
        match action {
            Action::PrevItem => {
                self.item = self.item.saturating_sub(1);
                Reply::default()
            }
            Action::NextItem => {
                self.item = (self.item + 1).min(len.saturating_sub(1));
                Reply::default()
            }
            Action::Enter => Reply::show(Popup::Detail(draw::meeting_lines(self, &m, lang), 0)),
            Action::Edit => Reply::show(Popup::Form(
                Box::new(forms::meeting_form(Some(&m), m.kind.name())),
                FormKind::Edit(id),
            )),
            Action::AddItem => Reply::show(Popup::Form(
                Box::new(forms::item_form(None)),
                FormKind::AddItem(id),
            )),
            Action::Convocation => self.convocation(id, &m, s, lang),
            Action::EnvelopeLabels => self.labels_form(id, s, lang),
            Action::Sent => {
                let mut form = forms::sent_form(self.today);
                let dl = self.deadlines(&m);
                form.note = Some(fill(
                    Msg::SendBy,
                    lang,
                    &[
                        ("date", &format_date(dl.send_by)),
                        ("days", &dl.notice_days.to_string()),
                    ],
                ));
                Reply::show(Popup::Form(Box::new(form), FormKind::Sent(id)))
            }
            Action::Print => self.attendance_sheet(id, &m, s, lang),
            Action::AdoptMinutes => {
                let later: Vec<(String, String)> = self
                    .meetings
                    .iter()
                    .rev()
                    .filter(|(_, x)| x.at > m.at)
                    .map(|(x, later)| (x.to_string(), self.meeting_label(later, lang)))
                    .collect();
                if later.is_empty() {
                    return Reply::info(Msg::NoLaterMeeting.text(lang));
                }
                let mut form = forms::adopt_form(later);
                form.note = Some(self.meeting_label(&m, lang));
                Reply::show(Popup::Form(Box::new(form), FormKind::Adopt(id)))
            }
            Action::SecondMeeting => {
                let failed = m.agenda.iter().any(|i| {
                    matches!(
                        i.vote.as_ref().map(|v| v.decision.why),
                        Some(Why::NoQuorum { .. })
                    )
                });
                if !failed {
                    return Reply::info(Msg::NoFailedQuorumHere.text(lang));
                }
                let last = m
                    .date()
                    .checked_add_days(chrono::Days::new(self.rules.second_meeting_days.into()))
                    .unwrap_or(m.date());
                let mut form = forms::second_form(&m.place);
                form.note = Some(fill(
                    Msg::SecondWithin,
                    lang,
                    &[("date", &format_date(last))],
                ));
                Reply::show(Popup::Form(Box::new(form), FormKind::Second(id)))
            }
            _ => self.item_action(action, id, &m, s, lang),
        }
    }

    /// The actions on the selected agenda item.
    fn item_action(
        &mut self,
        action: Action,
        id: u64,
        m: &Meeting,
        s: &Session,
        lang: Lang,
    ) -> Reply {
        let index = self.item;
        let Some(item) = m.agenda.get(index) else {
            return match action {
                Action::EditItem
                | Action::RemoveItem
                | Action::ItemUp
                | Action::ItemDown
                | Action::Vote
                | Action::RollCall
                | Action::Minutes => Reply::info(Msg::NoItemOnAgenda.text(lang)),
                _ => Reply::default(),
            };
        };
        let note = format!("{}. {}", index + 1, item.title);
        let with_note = |mut form: Form, kind| {
            form.note = Some(note.clone());
            Reply::show(Popup::Form(Box::new(form), kind))
        };
        match action {
            Action::EditItem => {
                with_note(forms::item_form(Some(item)), FormKind::EditItem(id, index))
            }
            Action::RemoveItem => Reply::show(Popup::Confirm {
                question: Question::typed_word(
                    &fill(Msg::ConfirmRemoveItem, lang, &[("item", &note)]),
                    Msg::WordRemove,
                    lang,
                ),
                pending: Pending::RemoveItem(id, index),
                under: None,
            }),
            Action::ItemUp | Action::ItemDown => {
                let up = action == Action::ItemUp;
                match s.meetings().move_item(id, index, up) {
                    Ok(_) => {
                        self.item = if up {
                            index.saturating_sub(1)
                        } else {
                            (index + 1).min(m.agenda.len().saturating_sub(1))
                        };
                        self.after(String::new(), s, lang)
                    }
                    Err(e) => Reply::error(&e, lang),
                }
            }
            Action::Vote | Action::RollCall => {
                if !item.decision {
                    return Reply::info(Msg::NotADecisionItem.text(lang));
                }
                if item.vote.is_some() {
                    return Reply::info(Msg::AlreadyVoted.text(lang));
                }
                let now = s.meetings().now();
                if action == Action::RollCall {
                    let voters = self.roll_call_voters(m, lang);
                    let time = now.format("%H:%M").to_string();
                    let r = RollCall::new(id, index, note, voters, time);
                    return Reply::show(Popup::RollCall(Box::new(r)));
                }
                let power = rules::voting_power(m);
                let mut form = forms::vote_form(now);
                form.note = Some(format!(
                    "{note} · {}",
                    fill(Msg::PowerShort, lang, &[("power", &power.to_string())])
                ));
                Reply::show(Popup::Form(Box::new(form), FormKind::Vote(id, index)))
            }
            Action::Minutes => {
                if m.minutes_adopted.is_some() {
                    return Reply::info(Msg::MinutesAlreadyAdopted.text(lang));
                }
                with_note(
                    forms::minutes_form(&item.minutes),
                    FormKind::Minutes(id, index),
                )
            }
            _ => Reply::default(),
        }
    }

    fn attendance_action(&mut self, action: Action, s: &Session, lang: Lang) -> Reply {
        if Self::changes(action) && !self.manage {
            return Reply::info(Msg::MeetingsReadOnly.text(lang));
        }
        let Some((id, m)) = self.selected().cloned() else {
            return match action {
                Action::Arrive | Action::Depart | Action::GiveProxy | Action::WithdrawProxy => {
                    Reply::info(Msg::NoMeetingSelected.text(lang))
                }
                _ => Reply::default(),
            };
        };
        let label = |n: u64, extra: &str| {
            let p = self.people.get(&n);
            let known = p
                .map(|p| &*p.known_as)
                .filter(|k| !k.is_empty())
                .map_or(String::new(), |k| format!(" ({k})"));
            format!("{}{known} · nr {n}{extra}", self.name(n))
        };
        match action {
            Action::Arrive => {
                let items: Vec<(u64, String)> = self
                    .people
                    .numbers()
                    .filter(|n| self.people.get(n).is_some_and(|p| p.attends))
                    .filter(|n| !m.is_present(**n))
                    .map(|n| {
                        let extra = if self.people.get(n).is_some_and(|p| p.votes) {
                            String::new()
                        } else {
                            format!(" · {}", Msg::NoVote.text(lang))
                        };
                        (*n, label(*n, &extra))
                    })
                    .collect();
                let picker = Picker::new(Msg::PickArriving, items);
                Reply::show(Popup::Pick(Box::new(picker), PickFor::Arrive(id)))
            }
            Action::Depart => {
                let Some(p) = self
                    .row
                    .selected()
                    .and_then(|r| m.presence.get(r))
                    .filter(|p| p.left.is_none())
                else {
                    return Reply::info(Msg::NobodyPresentSelected.text(lang));
                };
                let mut form = forms::time_form(Msg::FormDepart, s.meetings().now());
                form.note = Some(self.name(p.member));
                Reply::show(Popup::Form(Box::new(form), FormKind::Depart(id, p.member)))
            }
            Action::GiveProxy => {
                if !self.rules.proxies_allowed || self.rules.max_proxies == 0 {
                    return Reply::info(Msg::NoProxiesAllowed.text(lang));
                }
                let items: Vec<(u64, String)> = self
                    .people
                    .numbers()
                    .filter(|n| self.people.get(n).is_some_and(|p| p.votes))
                    .filter(|n| !m.is_present(**n) && !m.proxies.iter().any(|p| p.giver == **n))
                    .map(|n| (*n, label(*n, "")))
                    .collect();
                let picker = Picker::new(Msg::PickGiver, items);
                Reply::show(Popup::Pick(Box::new(picker), PickFor::Giver(id)))
            }
            Action::WithdrawProxy => {
                if m.proxies.is_empty() {
                    return Reply::info(Msg::NoProxies.text(lang));
                }
                let items = m
                    .proxies
                    .iter()
                    .map(|p| {
                        let holder = format!(" → {}", self.name(p.holder));
                        (p.giver, label(p.giver, &holder))
                    })
                    .collect();
                let picker = Picker::new(Msg::PickWithdraw, items);
                Reply::show(Popup::Pick(Box::new(picker), PickFor::Withdraw(id)))
            }
            Action::Print => self.attendance_sheet(id, &m, s, lang),
            _ => Reply::default(),
        }
    }

    /// Who votes in a roll call: the voters present, then each member represented by a proxy
    /// (voting through its holder).
    fn roll_call_voters(&self, m: &Meeting, lang: Lang) -> Vec<(u64, String)> {
        let mut voters: Vec<(u64, String)> = rules::present_voters(m)
            .into_iter()
            .map(|n| (n, format!("{} · nr {n}", self.name(n))))
            .collect();
        voters.extend(rules::valid_proxies(m).into_iter().map(|p| {
            let via = fill(Msg::ViaProxy, lang, &[("holder", &self.name(p.holder))]);
            (
                p.giver,
                format!("{} · nr {} ({via})", self.name(p.giver), p.giver),
            )
        }));
        voters
    }

    /// The kind a new meeting most likely is: spring in the first half year, else autumn.
    fn suggested_kind(&self) -> &'static str {
        use chrono::Datelike;
        if self.today.month() <= 6 {
            "spring"
        } else {
            "autumn"
        }
    }

    /// Writes the letters (one PDF) and the e-mail list (CSV) beside the store and says how
    /// many go which way, naming who cannot be reached.
    fn convocation(&self, id: u64, m: &Meeting, s: &Session, lang: Lang) -> Reply {
        let pack = match s.meetings().convocation(id) {
            Ok(p) => p,
            Err(e) => return Reply::error(&e, lang),
        };
        let stem = file_stem(m);
        let mut written = Vec::new();
        if !pack.letters_pdf.is_empty() {
            let path = self.out_dir.join(format!("{stem}-brieven.pdf"));
            if let Err(e) = write_atomically(&path, &pack.letters_pdf) {
                return io_error(&path, e);
            }
            written.push(path.display().to_string());
        }
        let path = self.out_dir.join(format!("{stem}-email.csv"));
        if let Err(e) = write_atomically(&path, &pack.email_csv) {
            return io_error(&path, e);
        }
        written.push(path.display().to_string());
        let unreachable: Vec<String> = pack
            .unreachable()
            .iter()
            .map(|i| format!("{} (nr {})", i.name, i.member))
            .collect();
        let mut text = fill(
            Msg::ConvocationWritten,
            lang,
            &[
                ("email", &pack.emails().to_string()),
                ("letters", &pack.letters().to_string()),
                ("files", &written.join(", ")),
            ],
        );
        if !unreachable.is_empty() {
            text.push_str(" · ");
            text.push_str(&fill(
                Msg::Unreachable,
                lang,
                &[("names", &unreachable.join(", "))],
            ));
        }
        Reply::default().with_status(Status {
            text,
            error: !unreachable.is_empty(),
        })
    }

    fn labels_form(&self, id: u64, s: &Session, lang: Lang) -> Reply {
        let sheets = match s.basemail().sheets() {
            Ok(list) => list,
            Err(e) => return Reply::error(&e, lang),
        };
        let options = sheets.into_iter().map(|sh| (sh.id, sh.name)).collect();
        Reply::show(Popup::Form(
            Box::new(forms::labels_form(options, "avery-l7160")),
            FormKind::Labels(id),
        ))
    }

    /// Saves the attendance sheet for signatures beside the store.
    fn attendance_sheet(&self, id: u64, m: &Meeting, s: &Session, lang: Lang) -> Reply {
        let bytes = match s.meetings().attendance_sheet(id) {
            Ok(b) => b,
            Err(e) => return Reply::error(&e, lang),
        };
        let path = self
            .out_dir
            .join(format!("{}-presentielijst.pdf", file_stem(m)));
        match write_atomically(&path, &bytes) {
            Ok(()) => Reply::info(fill(
                Msg::SheetSaved,
                lang,
                &[("path", &path.display().to_string())],
            )),
            Err(e) => io_error(&path, e),
        }
    }

    /// Applies a key's action to one of the tab's popups.
    pub fn handle_popup(&mut self, popup: Popup, action: Action, s: &Session, lang: Lang) -> Reply {
        match popup {
            Popup::Detail(lines, scroll) => match super::detail_scroll(action, scroll, lines.len())
            {
                None => Reply::default(),
                Some(scroll) => Reply::show(Popup::Detail(lines, scroll)),
            },
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
            Popup::RollCall(mut r) => match r.handle(action) {
                rollcall::Outcome::Cancel => Reply::info(Msg::Cancelled.text(lang)),
                rollcall::Outcome::None => Reply::show(Popup::RollCall(r)),
                rollcall::Outcome::Save => {
                    let Some(at) = kapstok_core::common::parse_time(&r.time) else {
                        return Reply::show(Popup::RollCall(r)).with_status(Status {
                            text: format!(
                                "{}: {}",
                                Msg::FieldClock.text(lang),
                                crate::i18n::reason(&Reason::BadTime, lang)
                            ),
                            error: true,
                        });
                    };
                    match s
                        .meetings()
                        .vote_roll_call(r.meeting, r.index, r.votes(), at)
                    {
                        Ok(d) => self.after(meeting_text::decision(&d, lang), s, lang),
                        Err(e) => {
                            Reply::show(Popup::RollCall(r)).with_status(error_status(&e, lang))
                        }
                    }
                }
            },
            Popup::Pick(mut picker, what) => match picker.handle(action) {
                Picked::Chosen(member) => self.picked(what, member, s, lang),
                Picked::Cancel => Reply::info(Msg::Cancelled.text(lang)),
                Picked::None => Reply::show(Popup::Pick(picker, what)),
            },
            Popup::Form(mut form, kind) => match form.handle(action) {
                FormOutcome::Cancel => Reply::info(Msg::Cancelled.text(lang)),
                FormOutcome::Save => self.submit(form, kind, s, lang),
                FormOutcome::Changed => {
                    if matches!(kind, FormKind::AddItem(_) | FormKind::EditItem(..)) {
                        forms::show_motion(&mut form);
                    }
                    Reply::show(Popup::Form(form, kind))
                }
                FormOutcome::None => Reply::show(Popup::Form(form, kind)),
            },
        }
    }

    fn picked(&mut self, what: PickFor, member: u64, s: &Session, lang: Lang) -> Reply {
        match what {
            PickFor::Arrive(id) => {
                let mut form = forms::time_form(Msg::FormArrive, s.meetings().now());
                form.note = Some(self.name(member));
                Reply::show(Popup::Form(Box::new(form), FormKind::Arrive(id, member)))
            }
            PickFor::Giver(id) => {
                let Some((_, m)) = self.meetings.iter().find(|(x, _)| *x == id) else {
                    return Reply::default();
                };
                let held = |n: u64| m.proxies.iter().filter(|p| p.holder == n).count();
                let items: Vec<(u64, String)> = rules::present_voters(m)
                    .into_iter()
                    .filter(|n| *n != member)
                    .map(|n| {
                        let label = fill(
                            Msg::HolderLabel,
                            lang,
                            &[
                                ("name", &self.name(n)),
                                ("nr", &n.to_string()),
                                ("held", &held(n).to_string()),
                                ("max", &self.rules.max_proxies.to_string()),
                            ],
                        );
                        (n, label)
                    })
                    .collect();
                if items.is_empty() {
                    return Reply::info(Msg::NoHolders.text(lang));
                }
                let picker = Picker::new(Msg::PickHolder, items);
                Reply::show(Popup::Pick(Box::new(picker), PickFor::Holder(id, member)))
            }
            PickFor::Holder(id, giver) => {
                let done = s.meetings().give_proxy(id, giver, member).map(|m| {
                    let power = rules::voting_power(&m);
                    fill(
                        Msg::ProxyGiven,
                        lang,
                        &[
                            ("giver", &self.name(giver)),
                            ("holder", &self.name(member)),
                            ("power", &power.to_string()),
                        ],
                    )
                });
                self.done(done, s, lang)
            }
            PickFor::Withdraw(id) => {
                let done = s.meetings().withdraw_proxy(id, member).map(|m| {
                    fill(
                        Msg::ProxyWithdrawn,
                        lang,
                        &[
                            ("giver", &self.name(member)),
                            ("power", &rules::voting_power(&m).to_string()),
                        ],
                    )
                });
                self.done(done, s, lang)
            }
        }
    }

    /// After a core call without a form: read again and say what happened, or say why not.
    fn done(&mut self, result: Result<String>, s: &Session, lang: Lang) -> Reply {
        match result {
            Ok(text) => self.after(text, s, lang),
            Err(e) => Reply::error(&e, lang),
        }
    }

    fn submit(&mut self, mut form: Box<Form>, kind: FormKind, s: &Session, lang: Lang) -> Reply {
        let mt = s.meetings();
        let invalid = |mut form: Box<Form>, errors: &[FieldError]| {
            let rest = form.show_errors(errors, lang);
            Reply::show(Popup::Form(form, kind)).with_status(form_errors(rest, lang))
        };
        let result: Result<String> = match kind {
            FormKind::Plan => mt.plan(&forms::meeting_input(&form, None)).map(|id| {
                self.select_after_load = Some(id);
                fill(
                    Msg::MeetingPlanned,
                    lang,
                    &[("date", &form.value("date")), ("time", &form.value("time"))],
                )
            }),
            FormKind::Edit(id) => {
                let before = self.meetings.iter().find(|(x, _)| *x == id).map(|(_, m)| m);
                mt.update(id, &forms::meeting_input(&form, before))
                    .map(|_| Msg::Saved.text(lang).to_string())
            }
            FormKind::AddItem(id) => mt.add_item(id, &forms::item_input(&form)).map(|at| {
                self.item = at;
                fill(
                    Msg::ItemAdded,
                    lang,
                    &[("title", form.value("title").trim())],
                )
            }),
            FormKind::EditItem(id, index) => mt
                .update_item(id, index, &forms::item_input(&form))
                .map(|_| Msg::Saved.text(lang).to_string()),
            FormKind::Sent(id) => {
                let sent = match forms::date(&form, "sent") {
                    Ok(d) => d,
                    Err(e) => return invalid(form, &[e]),
                };
                match mt.record_sent(id, sent, false) {
                    Err(Error::Invalid(errors))
                        if errors
                            .iter()
                            .any(|e| matches!(e.reason, Reason::LateConvocation(_))) =>
                    {
                        let deadline = errors
                            .iter()
                            .find_map(|e| match e.reason {
                                Reason::LateConvocation(d) => Some(d),
                                _ => None,
                            })
                            .unwrap_or(sent);
                        let text = fill(
                            Msg::ConfirmLate,
                            lang,
                            &[
                                ("sent", &format_date(sent)),
                                ("deadline", &format_date(deadline)),
                            ],
                        );
                        return Reply::show(Popup::Confirm {
                            question: Question::yes_no(text),
                            pending: Pending::SentLate(id, sent),
                            under: Some(Box::new(Popup::Form(form, kind))),
                        });
                    }
                    other => other.map(|c| sent_text(&c, lang)),
                }
            }
            FormKind::Labels(id) => {
                let start: u32 = match form.value("start").trim().parse() {
                    Ok(n) if n >= 1 => n,
                    _ => return invalid(form, &[FieldError::new("start", Reason::BadNumber)]),
                };
                let stem = self
                    .meetings
                    .iter()
                    .find(|(x, _)| *x == id)
                    .map_or_else(|| format!("alv-{id}"), |(_, m)| file_stem(m));
                match mt.envelope_labels(id, &form.value("sheet"), start) {
                    Ok(job) => {
                        let path = self.out_dir.join(format!("{stem}-etiketten.pdf"));
                        match write_atomically(&path, &job.pdf) {
                            Ok(()) => Ok(fill(
                                Msg::LabelsWritten,
                                lang,
                                &[
                                    ("labels", &job.labels.to_string()),
                                    ("pages", &job.pages.to_string()),
                                    ("path", &path.display().to_string()),
                                ],
                            )),
                            Err(e) => return io_error(&path, e),
                        }
                    }
                    Err(e) => Err(e),
                }
            }
            FormKind::Arrive(id, member) => {
                let at = match forms::time(&form, "time") {
                    Ok(t) => t,
                    Err(e) => return invalid(form, &[e]),
                };
                mt.arrive(id, member, at)
                    .map(|m| self.presence_text(Msg::Arrived, member, at, &m, lang))
            }
            FormKind::Depart(id, member) => {
                let at = match forms::time(&form, "time") {
                    Ok(t) => t,
                    Err(e) => return invalid(form, &[e]),
                };
                mt.depart(id, member, at)
                    .map(|m| self.presence_text(Msg::Departed, member, at, &m, lang))
            }
            FormKind::Vote(id, index) => {
                let (tally, at) = match (forms::tally(&form), forms::time(&form, "time")) {
                    (Ok(t), Ok(at)) => (t, at),
                    (t, at) => {
                        let mut errors = t.err().unwrap_or_default();
                        errors.extend(at.err());
                        return invalid(form, &errors);
                    }
                };
                mt.vote_counts(id, index, tally, at)
                    .map(|d| meeting_text::decision(&d, lang))
            }
            FormKind::Minutes(id, index) => mt
                .set_minutes(id, index, &form.value("minutes"))
                .map(|_| Msg::MinutesSaved.text(lang).to_string()),
            FormKind::Adopt(id) => {
                let later: u64 = form.value("at_meeting").parse().unwrap_or(0);
                match mt.adopt_minutes(id, later) {
                    // the form has no minutes to correct: say what is missing
                    Err(Error::Invalid(errors)) if errors.iter().any(|e| e.field == "minutes") => {
                        let m = if errors.iter().any(|e| e.reason == Reason::Closed) {
                            Msg::MinutesAlreadyAdopted
                        } else {
                            Msg::NoMinutesYet
                        };
                        return Reply::default().with_status(Status {
                            text: m.text(lang).to_string(),
                            error: true,
                        });
                    }
                    other => other.map(|_| Msg::MinutesAdopted.text(lang).to_string()),
                }
            }
            FormKind::Second(id) => mt
                .plan_second(
                    id,
                    &form.value("date"),
                    &form.value("time"),
                    &form.value("place"),
                )
                .map(|new| {
                    self.select_after_load = Some(new);
                    fill(Msg::SecondPlanned, lang, &[("date", &form.value("date"))])
                }),
        };
        match result {
            Ok(text) => self.after(text, s, lang),
            Err(Error::Invalid(mut errors)) => {
                if let FormKind::Vote(..) = kind {
                    // more votes than the power present: the counts are what to correct
                    for e in errors.iter_mut().filter(|e| e.field == "votes") {
                        e.field = "for_votes";
                    }
                }
                let rest = form.show_errors(&errors, lang);
                Reply::show(Popup::Form(form, kind)).with_status(form_errors(rest, lang))
            }
            Err(e) => Reply::show(Popup::Form(form, kind)).with_status(error_status(&e, lang)),
        }
    }

    /// "Jan van der Poel binnen om 19:25 · stemrecht aanwezig: 6".
    fn presence_text(
        &self,
        m: Msg,
        member: u64,
        at: NaiveTime,
        meeting: &Meeting,
        lang: Lang,
    ) -> String {
        fill(
            m,
            lang,
            &[
                ("name", &self.name(member)),
                ("time", &at.format("%H:%M").to_string()),
                ("power", &rules::voting_power(meeting).to_string()),
            ],
        )
    }

    /// Makes a confirmed core call; its field errors go back under the fields of the form it
    /// came from.
    fn run(&mut self, pending: Pending, under: Option<Popup>, s: &Session, lang: Lang) -> Reply {
        let mt = s.meetings();
        let result = match pending {
            Pending::SentLate(id, sent) => {
                mt.record_sent(id, sent, true).map(|c| sent_text(&c, lang))
            }
            Pending::RemoveItem(id, index) => mt.remove_item(id, index).map(|_| {
                self.item = index.saturating_sub(1);
                Msg::ItemRemoved.text(lang).to_string()
            }),
        };
        match result {
            Ok(text) => self.after(text, s, lang),
            Err(Error::Invalid(errors)) => match under {
                Some(Popup::Form(mut form, kind)) => {
                    let rest = form.show_errors(&errors, lang);
                    Reply::show(Popup::Form(form, kind)).with_status(form_errors(rest, lang))
                }
                _ => Reply::error(&Error::Invalid(errors), lang),
            },
            Err(e) => match under {
                Some(under) => Reply::show(under).with_status(error_status(&e, lang)),
                None => Reply::error(&e, lang),
            },
        }
    }

    /// After a core call: read everything again, say what happened.
    fn after(&mut self, message: String, s: &Session, lang: Lang) -> Reply {
        if let Err(e) = self.load(s) {
            return Reply::error(&e, lang);
        }
        if message.is_empty() {
            Reply::default()
        } else {
            Reply::info(message)
        }
    }
}

/// "Oproeping verstuurd op 20-02-2026: 120 per e-mail, 80 per brief" (late: said so).
fn sent_text(c: &kapstok_core::meetings::Convocation, lang: Lang) -> String {
    let m = if c.late() {
        Msg::SentLateRecorded
    } else {
        Msg::SentRecorded
    };
    fill(
        m,
        lang,
        &[
            ("date", &format_date(c.sent)),
            ("deadline", &format_date(c.deadline)),
            ("email", &c.by_email.len().to_string()),
            ("letters", &c.by_letter.len().to_string()),
        ],
    )
}

/// `alv-2026-03-10`: the files of a meeting sort by date.
fn file_stem(m: &Meeting) -> String {
    format!("alv-{}", m.date().format("%Y-%m-%d"))
}

fn io_error(path: &Path, e: std::io::Error) -> Reply {
    Reply::default().with_status(Status {
        text: format!("{}: {e}", path.display()),
        error: true,
    })
}

crate::screens::legacy::legacy_tab!(
    MeetingsTab,
    Popup,
    Msg::TabMeetings,
    &[
        kapstok_core::store::TreeId::Members,
        kapstok_core::store::TreeId::Settings,
        kapstok_core::store::TreeId::Meetings,
    ],
    {
        crate::screen::Target::Meetings => View::Meetings,
    }
);
