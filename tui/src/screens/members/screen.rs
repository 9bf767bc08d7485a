//! The member register tab and the out-of-sight tab as screens, with what both do to the selected
//! member: edit it, change its status, record a contact, export or erase it (the privacy view
//! opens over the register).

use super::forms::{show_status_reason, status_form, StatusTyped};
use super::{detail_lines, render_detail, status_label, MemberList, OutOfSight};
use crate::i18n::Msg;
use crate::keys::{Action, Mode};
use crate::layers::{ConfirmLayer, DetailLayer, FormLayer, Submit};
use crate::screen::{Cx, Effect, Effects, Screen, Shared, Target};
use crate::screens::privacy::{self, PrivacyView};
use crate::widgets::confirm::Question;
use crate::widgets::form::{Form, FormInput};
use kapstok_core::common::{format_date, parse_date};
use kapstok_core::error::{Error, FieldError, Permission, Reason};
use kapstok_core::members::{rules, Accept, Member, MemberInput, SaveOutcome, Status, Warning};
use kapstok_core::store::changes::ChangeSet;
use kapstok_core::store::TreeId;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::Frame;

/// More changed members than this in one go are read as a whole register instead of one by one.
const IN_PLACE_MOST: usize = 256;

/// The members a set of changes touched, or `None` when there are too many to update in place.
fn changed_members(sets: &[&ChangeSet]) -> Option<Vec<u64>> {
    let mut numbers: Vec<u64> = sets
        .iter()
        .flat_map(|s| s.changes.iter())
        .filter(|c| c.tree == TreeId::Members)
        .map(|c| c.id)
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    (numbers.len() <= IN_PLACE_MOST).then_some(numbers)
}

/// A screen that lists members: where a saved member is selected afterwards.
pub trait MemberHost: Screen {
    /// Select this member once the change that saved it has come in.
    fn saved(&mut self, number: u64);
}

/// The member register: the list with its search, the detail pane, and the privacy view.
pub struct MembersScreen {
    list: MemberList,
    /// The member in the detail pane, read when the selection moves (the list keeps only what it
    /// shows).
    detail: Option<Member>,
    /// The folder of the backups that still hold erased people, as an erasure names it.
    backups: String,
    select: Option<u64>,
}

impl MembersScreen {
    /// The register for the store `k`.
    pub fn new(k: &kapstok_core::Kapstok) -> MembersScreen {
        MembersScreen {
            list: MemberList::default(),
            detail: None,
            backups: kapstok_core::privacy::backup_dir(k).display().to_string(),
            select: None,
        }
    }

    fn detail(&mut self, cx: &Cx) -> Option<&Member> {
        let number = self.list.selected_number()?;
        if self.detail.as_ref().map(|m| m.number) != Some(number) {
            self.detail = cx.session.members().get(number).ok();
        }
        self.detail.as_ref()
    }

    fn filter_key(&mut self, action: Action) {
        let mut text = self.list.filter.clone();
        match action {
            Action::Char(c) => {
                text.push(c);
                self.list.set_filter(text);
            }
            Action::Backspace => {
                text.pop();
                self.list.set_filter(text);
            }
            Action::Enter => self.list.filtering = false,
            Action::Back => {
                self.list.filtering = false;
                self.list.set_filter(String::new());
            }
            a => {
                if let Some(step) = a.step() {
                    self.list.move_by(step.clamp(-10, 10));
                }
            }
        }
    }
}

impl MemberHost for MembersScreen {
    fn saved(&mut self, number: u64) {
        self.select = Some(number);
    }
}

impl Screen for MembersScreen {
    fn title(&self) -> Msg {
        Msg::TabMembers
    }

    fn depends_on(&self) -> &'static [TreeId] {
        &[TreeId::Members]
    }

    fn load(&mut self, _: &Cx, shared: &mut Shared) -> Result<(), Error> {
        self.detail = None;
        self.list.load(shared.register()?);
        if let Some(n) = self.select.take() {
            self.list.select_number(n);
        }
        Ok(())
    }

    fn changed(
        &mut self,
        cx: &Cx,
        sets: &[&ChangeSet],
        shared: &mut Shared,
    ) -> Result<Effects, Error> {
        match changed_members(sets) {
            Some(numbers) => {
                self.detail = None;
                for n in numbers {
                    let member = cx.session.members().get(n).ok();
                    self.list.update(n, member.as_ref());
                }
                if let Some(n) = self.select.take() {
                    self.list.select_number(n);
                }
                Ok(Effects::none())
            }
            _ => self.load(cx, shared).map(|()| Effects::none()),
        }
    }

    fn follows_changes_hidden(&self) -> bool {
        true
    }

    fn mode(&self) -> Mode {
        if self.list.filtering {
            Mode::Filter
        } else {
            Mode::Browse
        }
    }

    fn lets_tabs_switch(&self) -> bool {
        !self.list.filtering
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Effects {
        if self.list.filtering {
            self.filter_key(action);
            return Effects::none();
        }
        if let Some(step) = action.step() {
            self.list.move_by(step);
            return Effects::none();
        }
        match action {
            Action::Filter => {
                self.list.filtering = true;
                Effects::none()
            }
            Action::Back if !self.list.filter.is_empty() => {
                self.list.set_filter(String::new());
                Effects::none()
            }
            Action::Enter => match self.detail(cx).cloned() {
                Some(m) => Effects::push(DetailLayer::new(
                    cx.t(Msg::DetailTitle),
                    detail_lines(&m, cx.lang, true),
                )),
                None => Effects::none(),
            },
            Action::PrivacyView => PrivacyView::open(privacy::View::Audit, cx),
            a => member_action::<MembersScreen>(a, self.list.selected_number(), &self.backups, cx),
        }
    }

    fn open(&mut self, target: Target, cx: &Cx) -> Option<Effects> {
        match target {
            Target::Members => Some(Effects::none()),
            Target::Member(n) => {
                self.list.select_number(n);
                Some(Effects::none())
            }
            Target::Retention => Some(PrivacyView::open(privacy::View::Retention, cx)),
            _ => None,
        }
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, cx: &Cx) {
        let (list, detail) = split_body(area);
        self.list.render(frame, list, cx.lang);
        let lang = cx.lang;
        render_detail(frame, detail, self.detail(cx), lang);
    }
}

/// Members out of sight: active members without contact for longer than the setting.
#[derive(Default)]
pub struct OutOfSightScreen {
    list: OutOfSight,
    detail: Option<Member>,
    backups: String,
}

impl OutOfSightScreen {
    /// The list for the store `k`.
    pub fn new(k: &kapstok_core::Kapstok) -> OutOfSightScreen {
        OutOfSightScreen {
            backups: kapstok_core::privacy::backup_dir(k).display().to_string(),
            ..OutOfSightScreen::default()
        }
    }
}

impl MemberHost for OutOfSightScreen {
    fn saved(&mut self, _: u64) {}
}

impl Screen for OutOfSightScreen {
    fn title(&self) -> Msg {
        Msg::TabOutOfSight
    }

    fn depends_on(&self) -> &'static [TreeId] {
        &[TreeId::Members, TreeId::Settings]
    }

    fn load(&mut self, cx: &Cx, shared: &mut Shared) -> Result<(), Error> {
        self.detail = None;
        let weeks = cx.session.settings()?.out_of_sight_weeks;
        let register = shared.register()?;
        let rows = cx.session.members().out_of_sight_in(register)?;
        self.list.load(rows, weeks);
        Ok(())
    }

    fn changed(
        &mut self,
        cx: &Cx,
        sets: &[&ChangeSet],
        shared: &mut Shared,
    ) -> Result<Effects, Error> {
        let settings = sets.iter().any(|s| s.touches(TreeId::Settings));
        match changed_members(sets) {
            Some(numbers) if !settings => {
                self.detail = None;
                for n in numbers {
                    let member = cx.session.members().get(n).ok();
                    self.list.update(n, member.as_ref(), cx.session.today());
                }
                Ok(Effects::none())
            }
            _ => self.load(cx, shared).map(|()| Effects::none()),
        }
    }

    fn follows_changes_hidden(&self) -> bool {
        true
    }

    fn mode(&self) -> Mode {
        Mode::Browse
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Effects {
        if let Some(step) = action.step() {
            self.list.move_by(step);
            return Effects::none();
        }
        let selected = self.list.selected_number();
        match action {
            Action::Enter => match selected {
                Some(n) => Effects::one(Effect::Open(Target::Member(n))),
                None => Effects::none(),
            },
            Action::PrivacyView => Effects::one(Effect::Open(Target::Retention)),
            a => member_action::<OutOfSightScreen>(a, selected, &self.backups, cx),
        }
    }

    fn open(&mut self, target: Target, _: &Cx) -> Option<Effects> {
        (target == Target::OutOfSight).then(Effects::none)
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, cx: &Cx) {
        let (list, detail) = split_body(area);
        self.list.render(frame, list, cx.lang);
        if let Some(n) = self.list.selected_number() {
            if self.detail.as_ref().map(|m| m.number) != Some(n) {
                self.detail = cx.session.members().get(n).ok();
            }
        } else {
            self.detail = None;
        }
        render_detail(frame, detail, self.detail.as_ref(), cx.lang);
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

/// What the keys of a member list do to the member selected there (`S`: the list's screen).
fn member_action<S: MemberHost>(
    action: Action,
    selected: Option<u64>,
    backups: &str,
    cx: &Cx,
) -> Effects {
    let lang = cx.lang;
    if action == Action::New {
        if !cx.session.can(Permission::MembersWrite) {
            return Effects::info(cx.t(Msg::ReadOnlyRole));
        }
        let input = MemberInput {
            joined: format_date(cx.session.today()),
            address_kind: "care_of".into(),
            ..MemberInput::default()
        };
        return member_form_layer::<S>(input.form(Msg::FormNewMember), None);
    }
    if !matches!(
        action,
        Action::Edit
            | Action::Status
            | Action::Contact
            | Action::ExportPerson
            | Action::ErasePerson
    ) {
        return Effects::none();
    }
    let Some(member) = selected.and_then(|n| cx.session.members().get(n).ok()) else {
        return Effects::info(cx.t(Msg::NothingSelected));
    };
    let number = member.number;
    match action {
        Action::ExportPerson | Action::ErasePerson => {
            if !cx.session.can(Permission::AuditRead) {
                return Effects::error(&Error::Denied(Permission::AuditRead), lang);
            }
            if action == Action::ExportPerson {
                return Effects::status(privacy::export_person(
                    cx.session, number, cx.out_dir, lang,
                ));
            }
            let who = format!("{} ({number})", member.name.full());
            Effects::push(privacy::erase_layer::<S>(
                vec![number],
                privacy::erase_question(number, &who, backups, lang),
            ))
        }
        _ if !cx.session.can(Permission::MembersWrite) => Effects::info(cx.t(Msg::ReadOnlyRole)),
        Action::Edit => {
            let original = MemberInput::from_member(&member);
            member_form_layer::<S>(original.form(Msg::FormEditMember), Some((number, original)))
        }
        Action::Status => Effects::push(
            FormLayer::<S>::new(
                status_form(&member, cx.session.today()),
                move |form, _, cx| submit_status::<S>(form, number, cx),
            )
            .on_change(show_status_reason)
            .height(9),
        ),
        _ => {
            let text = format!("{} {}?", cx.t(Msg::ConfirmContact), member.name.full());
            Effects::push(ConfirmLayer::<S>::new(
                Question::yes_no(text),
                move |s: &mut S, cx: &Cx| {
                    let done = cx
                        .session
                        .members()
                        .record_contact(number, cx.session.today());
                    saved(s, done.map(|m| m.number), Msg::ContactRecorded, cx)
                },
            ))
        }
    }
}

/// The effects of a saved change to a member: selected afterwards, a line for the status bar.
fn saved<S: MemberHost>(s: &mut S, done: Result<u64, Error>, m: Msg, cx: &Cx) -> Effects {
    match done {
        Ok(number) => {
            s.saved(number);
            Effects::info(cx.t(m))
        }
        Err(e) => Effects::error(&e, cx.lang),
    }
}

/// The member form: a new member, or changes to member `number` loaded as `original` (the save
/// merges with what another session saved meanwhile, see [`Submit::conflicted`]).
fn member_form_layer<S: MemberHost>(form: Form, editing: Option<(u64, MemberInput)>) -> Effects {
    let mut editing = editing;
    Effects::push(
        FormLayer::<S>::new(form, move |form, s: &mut S, cx| {
            submit_member(form, s, editing.as_mut(), cx)
        })
        .on_change(MemberInput::show)
        .height(u16::MAX),
    )
}

/// Saves a member form in one call (validated once, the register read once): field errors
/// under the fields; a possible duplicate asks "save anyway?" over the form, whose yes saves
/// and closes it.
fn submit_member<S: MemberHost>(
    form: &mut Form,
    s: &mut S,
    editing: Option<&mut (u64, MemberInput)>,
    cx: &Cx,
) -> Submit {
    let input = MemberInput::from_form(form);
    let number = editing.as_ref().map(|(n, _)| *n);
    let original = editing.as_ref().map(|(_, o)| o.clone());
    let save = |accept| match (number, &original) {
        (Some(n), Some(original)) => cx.session.members().save_over(&input, n, accept, original),
        _ => cx.session.members().save(&input, None, accept),
    };
    match save(Accept::NoWarnings) {
        Err(Error::Conflict(conflict)) => match (editing, cx.session.members().get(conflict.id)) {
            (Some((_, original)), Ok(now)) => Submit::conflicted(
                form,
                original,
                MemberInput::from_member(&now),
                &conflict,
                cx.lang,
            ),
            (_, Err(e)) => Submit::refused(form, &e, cx.lang),
            (None, Ok(_)) => Submit::refused(form, &Error::Conflict(conflict), cx.lang),
        },
        Err(e) => Submit::refused(form, &e, cx.lang),
        Ok(SaveOutcome::Warnings(warnings)) => {
            let numbers: Vec<String> = warnings
                .iter()
                .map(|w| match w {
                    Warning::PossibleDuplicate { number } => number.to_string(),
                })
                .collect();
            let text = format!(
                "{} {}. {}",
                cx.t(Msg::ConfirmDuplicate),
                numbers.join(", "),
                cx.t(Msg::ConfirmSaveAnyway)
            );
            Submit::Stay(Effects::push(ConfirmLayer::<S>::new(
                Question::yes_no(text),
                move |s: &mut S, cx: &Cx| {
                    let members = cx.session.members();
                    let done = match (number, &original) {
                        (Some(n), Some(original)) => {
                            members.save_over(&input, n, Accept::Warnings, original)
                        }
                        _ => members.save(&input, None, Accept::Warnings),
                    };
                    match saved_member(s, done, number, cx) {
                        Ok(effects) => effects.and(Effect::CloseLayer),
                        Err(e) => Effects::error(&e, cx.lang),
                    }
                },
            )))
        }
        Ok(saved) => match saved_member(s, Ok(saved), number, cx) {
            Ok(effects) => Submit::Done(effects),
            Err(e) => Submit::refused(form, &e, cx.lang),
        },
    }
}

/// What a save answered: the member selected once its change comes in, and the status line.
fn saved_member<S: MemberHost>(
    s: &mut S,
    done: Result<SaveOutcome, Error>,
    number: Option<u64>,
    cx: &Cx,
) -> Result<Effects, Error> {
    match done? {
        SaveOutcome::Saved(saved) => {
            let n = saved.member.number;
            s.saved(n);
            Ok(match number {
                None => Effects::info(format!("{} {n}", cx.t(Msg::MemberCreated))),
                Some(_) => Effects::info(cx.t(Msg::Saved)),
            })
        }
        // Accepted warnings are not asked again; nothing else answers this.
        SaveOutcome::Warnings(_) => Ok(Effects::none()),
    }
}

/// A status change: checked by core's rules first, then confirmed by typing the word.
fn submit_status<S: MemberHost>(form: &mut Form, number: u64, cx: &Cx) -> Submit {
    let lang = cx.lang;
    let member = match cx.session.members().get(number) {
        Ok(m) => m,
        Err(e) => return Submit::Done(Effects::error(&e, lang)),
    };
    let typed = StatusTyped::from_form(form);
    let status = match typed.status.as_str() {
        "active" => Status::Active,
        "suspended" => Status::Suspended,
        "deceased" => Status::Deceased,
        _ => Status::Ended {
            reason: typed.status_reason.trim().to_string(),
        },
    };
    let since = parse_date(&typed.status_since);
    let check = match since {
        None => Err(vec![FieldError::new(
            crate::field_name!(StatusTyped, status_since),
            Reason::BadDate,
        )]),
        Some(since) => rules::check_status_change(&member, &status, since, cx.session.today()),
    };
    match (check, since) {
        (Ok(()), Some(since)) => {
            let text = format!(
                "{} {} {} «{}» {} {}?",
                cx.t(Msg::ConfirmStatus),
                member.name.full(),
                cx.t(Msg::ConfirmStatusTo),
                status_label(&status, lang),
                cx.t(Msg::ConfirmStatusFrom),
                format_date(since)
            );
            Submit::Stay(Effects::push(ConfirmLayer::<S>::new(
                Question::typed_word(&text, Msg::WordChange, lang),
                move |s: &mut S, cx: &Cx| {
                    let done = cx
                        .session
                        .members()
                        .change_status(number, status, since)
                        .map(|m| m.number);
                    let ok = done.is_ok();
                    let effects = saved(s, done, Msg::StatusChanged, cx);
                    if ok {
                        effects.and(Effect::CloseLayer)
                    } else {
                        effects
                    }
                },
            )))
        }
        (Err(errors), _) => Submit::refused(form, &Error::Invalid(errors), lang),
        (Ok(()), None) => Submit::Stay(Effects::none()),
    }
}
