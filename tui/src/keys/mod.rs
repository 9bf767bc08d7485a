//! Keys to actions, per mode. One table of bindings per view (in `tables.rs`) is the single
//! source of three things: what a key does ([`map`]), the help popup ([`help`]) and the status
//! line's hint ([`hint`]), so none of them can drift from the others. A binding that needs a
//! permission is offered in the help only to a session whose role has it (core decides that,
//! through `Session::can`); the key itself still dispatches, and core refuses what the role may
//! not do.

use crate::i18n::Msg;
use kapstok_core::Permission;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod tables;
#[cfg(test)]
mod tests;

/// Where the keyboard is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Browsing a list on a tab.
    Browse,
    /// Typing in the search field.
    Filter,
    /// Typing in a form (login, member, status).
    Form,
    /// A yes/no question.
    Confirm,
    /// A typed confirmation: every key types, Enter checks the text, Esc cancels.
    Typed,
    /// The help popup.
    Help,
    /// Choosing from a menu (the first-start screen).
    Menu,
    /// The BaseMail tab: the week's cards and the left-out list.
    Run,
    /// The BaseMail tab: institutions.
    Institutions,
    /// The BaseMail tab: recipients and their stays.
    Recipients,
    /// The BaseMail tab: statistics of the posted cards.
    Stats,
    /// The experts tab: experts and their agreements.
    Experts,
    /// The experts tab: reviews due and planned.
    Reviews,
    /// The Training tab: each expert's gap and training plan.
    Plans,
    /// The Training tab: skills, task descriptions and courses.
    Catalogues,
    /// The Training tab: the pool's coverage of the tasks and the half-year budget.
    Coverage,
    /// The Today tab: what needs doing, each line leading to its tab.
    Today,
    /// The Today tab: the year's figures.
    Figures,
    /// The Privacy tab: the audit log.
    Audit,
    /// The Privacy tab: ex-members past the retention period.
    Retention,
    /// The Meetings tab: the meetings with the selected one's agenda and convocation.
    Meetings,
    /// The Meetings tab: the selected meeting's attendance register and proxies.
    Attendance,
    /// The Meetings tab: the decision register.
    Register,
}

/// Everything a user can do, as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Quit (every change is already saved, so no question is asked).
    Quit,
    /// Open the help popup.
    Help,
    /// Close the popup / go back.
    Back,
    /// Next tab.
    NextTab,
    /// Previous tab.
    PrevTab,
    /// Tab by number (as shown before its title: Today is 0).
    Tab(usize),
    /// Up one line / previous field.
    Up,
    /// Down one line / next field.
    Down,
    /// Up a page.
    PageUp,
    /// Down a page.
    PageDown,
    /// First line.
    Home,
    /// Last line.
    End,
    /// Start typing a search.
    Filter,
    /// New member.
    New,
    /// Edit the selected member.
    Edit,
    /// Change the selected member's status.
    Status,
    /// Record a contact with the selected member today.
    Contact,
    /// Open / choose / next field.
    Enter,
    /// Save a form.
    Save,
    /// Previous field.
    PrevField,
    /// Next field.
    NextField,
    /// Previous choice in a choice field.
    Left,
    /// Next choice in a choice field.
    Right,
    /// Type a character.
    Char(char),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Answer yes.
    Yes,
    /// Answer no.
    No,
    /// BaseMail: the week before.
    PrevWeek,
    /// BaseMail: the week after.
    NextWeek,
    /// BaseMail: the next view of the tab (cards, left out, institutions, recipients).
    NextView,
    /// BaseMail: compose the week (again).
    Compose,
    /// BaseMail: assign a writer to the selected card.
    Writer,
    /// BaseMail: mark the selected card written, or not.
    ToggleWritten,
    /// BaseMail: add a card by hand.
    AddByHand,
    /// BaseMail: remove the selected card by hand.
    RemoveByHand,
    /// BaseMail: post the run (closes it).
    Post,
    /// BaseMail: the selected posted card came back.
    Returned,
    /// BaseMail: print the labels.
    Labels,
    /// BaseMail: print the run sheet.
    RunSheet,
    /// BaseMail: the printer and its calibration.
    Calibrate,
    /// BaseMail, in the printer form: save and make a calibration test print.
    TestPrint,
    /// BaseMail statistics: the year before.
    PrevYear,
    /// BaseMail statistics: the year after.
    NextYear,
    /// BaseMail: mark the selected recipient ill, or well again.
    Ill,
    /// BaseMail: start a stay.
    StartStay,
    /// BaseMail: move to another institution.
    MoveStay,
    /// BaseMail: end the current stay.
    EndStay,
    /// BaseMail: confirm the recipient is still there.
    ConfirmStay,
    /// BaseMail: the stay was checked after a card came back.
    Checked,
    /// Experts: the expert's earlier agreement.
    Older,
    /// Experts: the expert's later agreement.
    Newer,
    /// Experts: record that an agreement was signed.
    Sign,
    /// Experts: end an agreement early.
    EndEarly,
    /// Experts: save the agreement as a PDF.
    Print,
    /// Experts: schedule a review.
    Schedule,
    /// Experts: move a planned review.
    Reschedule,
    /// Experts: cancel a planned review.
    CancelReview,
    /// Experts: the expert did not come to the review.
    NoShow,
    /// Experts: record the review conversation.
    Record,
    /// Training: the expert's previous plan item.
    PrevItem,
    /// Training: the expert's next plan item.
    NextItem,
    /// Training: propose a course for the expert.
    Propose,
    /// Training: choose the course of a wish.
    ChooseCourse,
    /// Training: the plan item was agreed with the expert.
    Agree,
    /// Training: the expert was enrolled.
    Enroll,
    /// Training: the course was completed.
    Complete,
    /// Training: cancel the plan item.
    CancelItem,
    /// Training: record a skill held from experience.
    AddHeld,
    /// Training catalogues: the list before (skills, task descriptions, courses).
    PrevList,
    /// Training catalogues: the list after.
    NextList,
    /// Training coverage: the half year before.
    PrevHalf,
    /// Training coverage: the half year after.
    NextHalf,
    /// Privacy: export everything about the selected member (JSON and PDF).
    ExportPerson,
    /// Privacy: erase the selected ex-member's personal data (asks twice).
    ErasePerson,
    /// Privacy: anonymise everyone on the retention list (asks twice).
    EraseDue,
    /// Privacy: open the audit log and the retention list (administrators).
    PrivacyView,
    /// Meetings: add an agenda item.
    AddItem,
    /// Meetings: change the selected agenda item.
    EditItem,
    /// Meetings: remove the selected agenda item.
    RemoveItem,
    /// Meetings: move the selected agenda item up.
    ItemUp,
    /// Meetings: move the selected agenda item down.
    ItemDown,
    /// Meetings: write the convocation's letters and e-mail list.
    Convocation,
    /// Meetings: envelope labels for the letters.
    EnvelopeLabels,
    /// Meetings: record the date the convocation was sent.
    Sent,
    /// Meetings: the vote on the selected item.
    Vote,
    /// Meetings: the vote on the selected item by roll call.
    RollCall,
    /// Meetings: the minutes of the selected item.
    Minutes,
    /// Meetings: the minutes adopted at a later meeting.
    AdoptMinutes,
    /// Meetings: plan the second meeting after a failed quorum.
    SecondMeeting,
    /// Meetings: a member arrives.
    Arrive,
    /// Meetings: the selected member leaves.
    Depart,
    /// Meetings: a proxy handed in.
    GiveProxy,
    /// Meetings: a proxy withdrawn.
    WithdrawProxy,
}

impl Action {
    /// How far a movement key moves a list's selection (Home and End: as far as it goes, without
    /// overflowing when added to a position); `None` for every other action.
    pub fn step(self) -> Option<i64> {
        match self {
            Action::Up => Some(-1),
            Action::Down => Some(1),
            Action::PageUp => Some(-10),
            Action::PageDown => Some(10),
            Action::Home => Some(i64::MIN / 2),
            Action::End => Some(i64::MAX / 2),
            _ => None,
        }
    }
}

/// Whether a binding's keys count with Ctrl held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctrl {
    /// With or without Ctrl (Shift and Alt never matter): how the keys of a tab have always
    /// worked.
    Any,
    /// Only with Ctrl held (Ctrl+S, Ctrl+C).
    Held,
    /// Only without Ctrl: typing a character, and a yes that Ctrl+Y must not give.
    Not,
}

/// What a binding reacts to and what it does then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    /// These keys: this action.
    Keys(&'static [KeyCode], Action),
    /// Any character: [`Action::Char`] of it (typing in a field).
    AnyChar,
}

/// How a binding shows in the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Not listed: Ctrl+C, typing a character, and Enter or Esc where they do only the usual.
    Hidden,
    /// A line of its own: the keys as shown (this binding's and those of the bindings right
    /// after it that are [`Shown::WithLine`]), and what they do.
    Line(&'static str, Msg),
    /// On the line of the binding before it: the other half of a pair ("↑/↓", "[/] ←/→").
    WithLine,
}

/// One row of a key table: the keys, what they do, how the help shows them and the permission
/// the help asks before offering them.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys and the action.
    pub on: On,
    /// Whether Ctrl must be held, must not be, or does not matter.
    pub ctrl: Ctrl,
    /// The help line.
    pub shown: Shown,
    /// The permission the key's action needs: without it the key is not offered.
    pub needs: Option<Permission>,
}

/// These keys, with or without Ctrl: this action (not in the help until [`Binding::line`]).
const fn key(codes: &'static [KeyCode], action: Action) -> Binding {
    Binding {
        on: On::Keys(codes, action),
        ctrl: Ctrl::Any,
        shown: Shown::Hidden,
        needs: None,
    }
}

/// These keys with Ctrl held: this action.
const fn ctrl(codes: &'static [KeyCode], action: Action) -> Binding {
    Binding {
        ctrl: Ctrl::Held,
        ..key(codes, action)
    }
}

/// These keys without Ctrl: this action.
const fn plain(codes: &'static [KeyCode], action: Action) -> Binding {
    Binding {
        ctrl: Ctrl::Not,
        ..key(codes, action)
    }
}

/// Any character typed without Ctrl: that character.
const TYPING: Binding = Binding {
    on: On::AnyChar,
    ctrl: Ctrl::Not,
    shown: Shown::Hidden,
    needs: None,
};

impl Binding {
    /// The binding with a line in the help: the keys as shown, and what they do.
    const fn line(self, keys: &'static str, help: Msg) -> Binding {
        Binding {
            shown: Shown::Line(keys, help),
            ..self
        }
    }

    /// The binding shown on the line of the binding before it.
    const fn with_line(self) -> Binding {
        Binding {
            shown: Shown::WithLine,
            ..self
        }
    }

    /// The binding, offered only with `permission`.
    const fn needs(self, permission: Permission) -> Binding {
        Binding {
            needs: Some(permission),
            ..self
        }
    }

    /// What the binding does with a key, if it reacts to it.
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        let held = key.modifiers.contains(KeyModifiers::CONTROL);
        let fits = match self.ctrl {
            Ctrl::Any => true,
            Ctrl::Held => held,
            Ctrl::Not => !held,
        };
        match (self.on, key.code) {
            _ if !fits => None,
            (On::Keys(codes, action), code) if codes.contains(&code) => Some(action),
            (On::AnyChar, KeyCode::Char(c)) => Some(Action::Char(c)),
            _ => None,
        }
    }
}

/// One line of the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpLine {
    /// The keys as shown.
    pub keys: &'static str,
    /// What they do.
    pub help: Msg,
    /// The permission the keys' action needs.
    pub needs: Option<Permission>,
}

/// Every binding of a mode, in the order [`map`] tries them (which is the help's order).
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    tables::of(mode).iter().flat_map(|table| table.iter())
}

/// The action of a key in a mode, if any: the first binding of the mode's tables that reacts to
/// it (a test checks that no later one would have: only Ctrl+C, first everywhere, goes before
/// the `c` of a view).
pub fn map(mode: Mode, key: KeyEvent) -> Option<Action> {
    bindings(mode).find_map(|b| b.action_for(key))
}

/// The help lines for a mode: key and description, in the table's order; only the keys whose
/// permission `may` grants (pass the session's `can`).
pub fn help(mode: Mode, may: impl Fn(Permission) -> bool) -> impl Iterator<Item = HelpLine> {
    bindings(mode).filter_map(move |b| match b.shown {
        Shown::Line(keys, help) if b.needs.is_none_or(&may) => Some(HelpLine {
            keys,
            help,
            needs: b.needs,
        }),
        _ => None,
    })
}

/// The status line's hint for a mode, "? help · q quit", when the mode's table offers exactly
/// that: `?` opening the help and `q` quitting (every tab's view does; a form, a question or the
/// help itself does not).
pub fn hint(mode: Mode) -> Option<Msg> {
    let offers = |c: char, action: Action| {
        let press = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        bindings(mode)
            .find_map(|b| b.action_for(press).map(|a| (a, b.shown)))
            .is_some_and(|(a, shown)| a == action && shown != Shown::Hidden)
    };
    (offers('?', Action::Help) && offers('q', Action::Quit)).then_some(Msg::StatusKeys)
}
