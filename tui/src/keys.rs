//! Keys to actions, per mode. The same table produces the help popup and the status line's
//! hint, so neither can drift from the real bindings; a binding that needs a permission is shown
//! only to a session whose role has it (core decides that, through `Session::can`).

use crate::i18n::Msg;
use kapstok_core::Permission;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
    /// The Volunteers tab: experts and their agreements.
    Experts,
    /// The Volunteers tab: reviews due and planned.
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
    /// Volunteers: the expert's earlier agreement.
    Older,
    /// Volunteers: the expert's later agreement.
    Newer,
    /// Volunteers: record that an agreement was signed.
    Sign,
    /// Volunteers: end an agreement early.
    EndEarly,
    /// Volunteers: save the agreement as a PDF.
    Print,
    /// Volunteers: schedule a review.
    Schedule,
    /// Volunteers: move a planned review.
    Reschedule,
    /// Volunteers: cancel a planned review.
    CancelReview,
    /// Volunteers: the expert did not come to the review.
    NoShow,
    /// Volunteers: record the review conversation.
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

/// How a key is shown in the help.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The modes it works in.
    pub modes: &'static [Mode],
    /// The key as shown.
    pub keys: &'static str,
    /// What it does.
    pub help: Msg,
    /// The permission the key's action needs: without it the key is not offered.
    pub needs: Option<Permission>,
}

const fn bind(modes: &'static [Mode], keys: &'static str, help: Msg) -> Binding {
    Binding {
        modes,
        keys,
        help,
        needs: None,
    }
}

impl Binding {
    /// The binding, offered only with `permission`.
    const fn needs(self, permission: Permission) -> Binding {
        Binding {
            needs: Some(permission),
            ..self
        }
    }
}

const WRITE: Permission = Permission::MembersWrite;
const AUDIT_READ: Permission = Permission::AuditRead;
const MEETINGS_MANAGE: Permission = Permission::MeetingsManage;
const MEETINGS_READ: Permission = Permission::MeetingsRead;

/// Every tab's browsing mode.
const TABS: &[Mode] = &[
    Mode::Browse,
    Mode::Run,
    Mode::Institutions,
    Mode::Recipients,
    Mode::Stats,
    Mode::Experts,
    Mode::Reviews,
    Mode::Plans,
    Mode::Catalogues,
    Mode::Coverage,
    Mode::Today,
    Mode::Figures,
    Mode::Audit,
    Mode::Retention,
    Mode::Meetings,
    Mode::Attendance,
    Mode::Register,
];
/// The modes of tabs with views switched by `v` (Today's figures are bound on their own: they
/// need the member register).
const VIEWS: &[Mode] = &[
    Mode::Figures,
    Mode::Run,
    Mode::Institutions,
    Mode::Recipients,
    Mode::Stats,
    Mode::Experts,
    Mode::Reviews,
    Mode::Plans,
    Mode::Catalogues,
    Mode::Coverage,
    Mode::Audit,
    Mode::Retention,
    Mode::Meetings,
    Mode::Attendance,
    Mode::Register,
];
/// The BaseMail views with a selected item to open.
const BASEMAIL_LISTS: &[Mode] = &[Mode::Run, Mode::Institutions, Mode::Recipients];
const BROWSE: &[Mode] = &[Mode::Browse];
const RUN: &[Mode] = &[Mode::Run];
const INSTITUTIONS: &[Mode] = &[Mode::Institutions];
const RECIPIENTS: &[Mode] = &[Mode::Recipients];
const STATS: &[Mode] = &[Mode::Stats];
const EXPERTS: &[Mode] = &[Mode::Experts];
const REVIEWS: &[Mode] = &[Mode::Reviews];
const PLANS: &[Mode] = &[Mode::Plans];
const CATALOGUES: &[Mode] = &[Mode::Catalogues];
const COVERAGE: &[Mode] = &[Mode::Coverage];
const TODAY: &[Mode] = &[Mode::Today];
const FIGURES: &[Mode] = &[Mode::Figures];
const AUDIT: &[Mode] = &[Mode::Audit];
const RETENTION: &[Mode] = &[Mode::Retention];
const PERSON: &[Mode] = &[Mode::Browse, Mode::Retention];
const PRIVACY: &[Mode] = &[Mode::Audit, Mode::Retention];
const MEETINGS: &[Mode] = &[Mode::Meetings];
const ATTENDANCE: &[Mode] = &[Mode::Attendance];
const REGISTER: &[Mode] = &[Mode::Register];
/// The Meetings views that save the attendance sheet.
const SHEET: &[Mode] = &[Mode::Meetings, Mode::Attendance];

/// The bindings shown in the help, per mode, in the order shown. [`map`] below is the single
/// source of what the keys do; a test checks that every key shown here maps to an action.
pub const BINDINGS: &[Binding] = &[
    bind(TABS, "↑/↓ j/k", Msg::KeyMove),
    bind(TABS, "PgUp/PgDn", Msg::KeyPage),
    bind(TABS, "Home/End", Msg::KeyHomeEnd),
    bind(BROWSE, "/", Msg::KeyFilter),
    bind(BROWSE, "Enter", Msg::KeyOpen),
    bind(BASEMAIL_LISTS, "Enter", Msg::KeyDetail),
    bind(EXPERTS, "Enter", Msg::KeyDetail),
    bind(REVIEWS, "Enter", Msg::KeyReviewEnter),
    bind(BROWSE, "n", Msg::KeyNew).needs(WRITE),
    bind(BROWSE, "e", Msg::KeyEdit).needs(WRITE),
    bind(BROWSE, "s", Msg::KeyStatus).needs(WRITE),
    bind(BROWSE, "c", Msg::KeyContact).needs(WRITE),
    bind(RUN, "[/] ←/→", Msg::KeyWeek),
    bind(RUN, "r", Msg::KeyCompose),
    bind(RUN, "w", Msg::KeyWriter),
    bind(RUN, "x/Space", Msg::KeyWritten),
    bind(RUN, "a", Msg::KeyAddByHand),
    bind(RUN, "d", Msg::KeyRemoveByHand),
    bind(RUN, "p", Msg::KeyPost),
    bind(RUN, "t", Msg::KeyReturned),
    bind(RUN, "l", Msg::KeyLabels),
    bind(RUN, "R", Msg::KeyRunSheet),
    bind(RUN, "c", Msg::KeyCalibrate),
    bind(STATS, "[/] ←/→", Msg::KeyYear),
    bind(INSTITUTIONS, "n", Msg::KeyNewInstitution),
    bind(INSTITUTIONS, "e", Msg::KeyEditInstitution),
    bind(RECIPIENTS, "n", Msg::KeyNewRecipient),
    bind(RECIPIENTS, "e", Msg::KeyEditRecipient),
    bind(RECIPIENTS, "i", Msg::KeyIll),
    bind(RECIPIENTS, "s", Msg::KeyStartStay),
    bind(RECIPIENTS, "m", Msg::KeyMoveStay),
    bind(RECIPIENTS, "x", Msg::KeyEndStay),
    bind(RECIPIENTS, "c", Msg::KeyConfirmStay),
    bind(RECIPIENTS, "o", Msg::KeyChecked),
    bind(EXPERTS, "←/→", Msg::KeyAgreement),
    bind(EXPERTS, "n", Msg::KeyNewAgreement),
    bind(EXPERTS, "e", Msg::KeyEditAgreement),
    bind(EXPERTS, "s", Msg::KeySign),
    bind(EXPERTS, "x", Msg::KeyEndEarly),
    bind(EXPERTS, "p", Msg::KeyAgreementPdf),
    bind(REVIEWS, "[/] ←/→", Msg::KeyWeek),
    bind(REVIEWS, "g", Msg::KeySchedule),
    bind(REVIEWS, "r", Msg::KeyReschedule),
    bind(REVIEWS, "c", Msg::KeyCancelReview),
    bind(REVIEWS, "n", Msg::KeyNoShow),
    bind(REVIEWS, "o", Msg::KeyRecord),
    bind(PLANS, "Enter", Msg::KeyPlanDetail),
    bind(PLANS, "←/→", Msg::KeyPlanItem),
    bind(PLANS, "a", Msg::KeyPropose),
    bind(PLANS, "w", Msg::KeyChooseCourse),
    bind(PLANS, "o", Msg::KeyAgree),
    bind(PLANS, "i", Msg::KeyEnroll),
    bind(PLANS, "c", Msg::KeyComplete),
    bind(PLANS, "x", Msg::KeyCancelItem),
    bind(PLANS, "h", Msg::KeyAddHeld),
    bind(PLANS, "p", Msg::KeyPlanPdf),
    bind(CATALOGUES, "[/] ←/→", Msg::KeyCatalogue),
    bind(CATALOGUES, "Enter", Msg::KeyDetail),
    bind(CATALOGUES, "n", Msg::KeyNewEntry),
    bind(CATALOGUES, "e", Msg::KeyEditEntry),
    bind(COVERAGE, "[/] ←/→", Msg::KeyHalfYear),
    bind(TODAY, "Enter", Msg::KeyTodayOpen),
    bind(TODAY, "v", Msg::KeyFigures).needs(Permission::MembersRead),
    bind(FIGURES, "[/] ←/→", Msg::KeyYear),
    bind(FIGURES, "p", Msg::KeyFiguresSave),
    bind(AUDIT, "/", Msg::KeyAuditFilter),
    bind(PERSON, "x", Msg::KeyExportPerson).needs(AUDIT_READ),
    bind(PERSON, "D", Msg::KeyErasePerson).needs(AUDIT_READ),
    bind(RETENTION, "A", Msg::KeyEraseDue).needs(AUDIT_READ),
    bind(BROWSE, "L", Msg::KeyPrivacyView).needs(AUDIT_READ),
    bind(PRIVACY, "Esc", Msg::KeyBack),
    bind(MEETINGS, "Enter", Msg::KeyMeetingDetail),
    bind(MEETINGS, "←/→", Msg::KeyAgendaItem),
    bind(MEETINGS, "n", Msg::KeyPlanMeeting).needs(MEETINGS_MANAGE),
    bind(MEETINGS, "e", Msg::KeyEditMeeting).needs(MEETINGS_MANAGE),
    bind(MEETINGS, "a", Msg::KeyAddItem).needs(MEETINGS_MANAGE),
    bind(MEETINGS, "i", Msg::KeyEditItem).needs(MEETINGS_MANAGE),
    bind(MEETINGS, "d", Msg::KeyRemoveItem).needs(MEETINGS_MANAGE),
    bind(MEETINGS, "[/]", Msg::KeyMoveItem).needs(MEETINGS_MANAGE),
    bind(MEETINGS, "c", Msg::KeyConvocation).needs(MEETINGS_MANAGE),
    bind(MEETINGS, "l", Msg::KeyEnvelopeLabels).needs(MEETINGS_MANAGE),
    bind(MEETINGS, "s", Msg::KeySent).needs(MEETINGS_MANAGE),
    bind(MEETINGS, "b", Msg::KeyVote).needs(MEETINGS_MANAGE),
    bind(MEETINGS, "B", Msg::KeyRollCall).needs(MEETINGS_MANAGE),
    bind(MEETINGS, "m", Msg::KeyMinutes).needs(MEETINGS_MANAGE),
    bind(MEETINGS, "o", Msg::KeyAdoptMinutes).needs(MEETINGS_MANAGE),
    bind(MEETINGS, "t", Msg::KeySecondMeeting).needs(MEETINGS_MANAGE),
    bind(ATTENDANCE, "a", Msg::KeyArrive).needs(MEETINGS_MANAGE),
    bind(ATTENDANCE, "x", Msg::KeyDepart).needs(MEETINGS_MANAGE),
    bind(ATTENDANCE, "g", Msg::KeyGiveProxy).needs(MEETINGS_MANAGE),
    bind(ATTENDANCE, "w", Msg::KeyWithdrawProxy).needs(MEETINGS_MANAGE),
    // A read of the meeting: coordinators print it too (core: MeetingsRead).
    bind(SHEET, "p", Msg::KeyAttendanceSheet).needs(MEETINGS_READ),
    bind(REGISTER, "/", Msg::KeyFilterDecisions),
    bind(REGISTER, "Esc", Msg::KeyClearFilter),
    bind(VIEWS, "v", Msg::KeyView),
    bind(TABS, "Tab/Shift+Tab", Msg::KeyNextTab),
    bind(TABS, "0-9", Msg::KeyTabN),
    bind(TABS, "?", Msg::KeyHelp),
    bind(BROWSE, "Esc", Msg::KeyBack),
    bind(TABS, "q", Msg::KeyQuit),
];

/// Keys every tab shares: moving, tabs, help, quit.
fn tab_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Char('k') => Some(Action::Up),
        KeyCode::Char('j') => Some(Action::Down),
        KeyCode::Home => Some(Action::Home),
        KeyCode::End => Some(Action::End),
        KeyCode::Enter => Some(Action::Enter),
        KeyCode::Tab => Some(Action::NextTab),
        KeyCode::BackTab => Some(Action::PrevTab),
        KeyCode::Char(c @ '0'..='9') => Some(Action::Tab(c as usize - '0' as usize)),
        KeyCode::Char('?') => Some(Action::Help),
        KeyCode::Char('q') => Some(Action::Quit),
        _ => None,
    }
}

/// The keys of one view of the BaseMail tab.
fn basemail_key(mode: Mode, code: KeyCode) -> Option<Action> {
    let action = match (mode, code) {
        (_, KeyCode::Char('v')) => Action::NextView,
        (Mode::Run, KeyCode::Char('[') | KeyCode::Left) => Action::PrevWeek,
        (Mode::Run, KeyCode::Char(']') | KeyCode::Right) => Action::NextWeek,
        (Mode::Run, KeyCode::Char('r')) => Action::Compose,
        (Mode::Run, KeyCode::Char('w')) => Action::Writer,
        (Mode::Run, KeyCode::Char('x' | ' ')) => Action::ToggleWritten,
        (Mode::Run, KeyCode::Char('a')) => Action::AddByHand,
        (Mode::Run, KeyCode::Char('d')) => Action::RemoveByHand,
        (Mode::Run, KeyCode::Char('p')) => Action::Post,
        (Mode::Run, KeyCode::Char('t')) => Action::Returned,
        (Mode::Run, KeyCode::Char('l')) => Action::Labels,
        (Mode::Run, KeyCode::Char('R')) => Action::RunSheet,
        (Mode::Run, KeyCode::Char('c')) => Action::Calibrate,
        (Mode::Stats, KeyCode::Char('[') | KeyCode::Left) => Action::PrevYear,
        (Mode::Stats, KeyCode::Char(']') | KeyCode::Right) => Action::NextYear,
        (Mode::Institutions | Mode::Recipients, KeyCode::Char('n')) => Action::New,
        (Mode::Institutions | Mode::Recipients, KeyCode::Char('e')) => Action::Edit,
        (Mode::Recipients, KeyCode::Char('i')) => Action::Ill,
        (Mode::Recipients, KeyCode::Char('s')) => Action::StartStay,
        (Mode::Recipients, KeyCode::Char('m')) => Action::MoveStay,
        (Mode::Recipients, KeyCode::Char('x')) => Action::EndStay,
        (Mode::Recipients, KeyCode::Char('c')) => Action::ConfirmStay,
        (Mode::Recipients, KeyCode::Char('o')) => Action::Checked,
        _ => return None,
    };
    Some(action)
}

/// The keys of one view of the Volunteers tab.
fn volunteers_key(mode: Mode, code: KeyCode) -> Option<Action> {
    let action = match (mode, code) {
        (_, KeyCode::Char('v')) => Action::NextView,
        (Mode::Experts, KeyCode::Left) => Action::Older,
        (Mode::Experts, KeyCode::Right) => Action::Newer,
        (Mode::Experts, KeyCode::Char('n')) => Action::New,
        (Mode::Experts, KeyCode::Char('e')) => Action::Edit,
        (Mode::Experts, KeyCode::Char('s')) => Action::Sign,
        (Mode::Experts, KeyCode::Char('x')) => Action::EndEarly,
        (Mode::Experts, KeyCode::Char('p')) => Action::Print,
        (Mode::Reviews, KeyCode::Char('[') | KeyCode::Left) => Action::PrevWeek,
        (Mode::Reviews, KeyCode::Char(']') | KeyCode::Right) => Action::NextWeek,
        (Mode::Reviews, KeyCode::Char('g')) => Action::Schedule,
        (Mode::Reviews, KeyCode::Char('r')) => Action::Reschedule,
        (Mode::Reviews, KeyCode::Char('c')) => Action::CancelReview,
        (Mode::Reviews, KeyCode::Char('n')) => Action::NoShow,
        (Mode::Reviews, KeyCode::Char('o')) => Action::Record,
        _ => return None,
    };
    Some(action)
}

/// The keys of one view of the Training tab.
fn training_key(mode: Mode, code: KeyCode) -> Option<Action> {
    let action = match (mode, code) {
        (_, KeyCode::Char('v')) => Action::NextView,
        (Mode::Plans, KeyCode::Left) => Action::PrevItem,
        (Mode::Plans, KeyCode::Right) => Action::NextItem,
        (Mode::Plans, KeyCode::Char('a')) => Action::Propose,
        (Mode::Plans, KeyCode::Char('w')) => Action::ChooseCourse,
        (Mode::Plans, KeyCode::Char('o')) => Action::Agree,
        (Mode::Plans, KeyCode::Char('i')) => Action::Enroll,
        (Mode::Plans, KeyCode::Char('c')) => Action::Complete,
        (Mode::Plans, KeyCode::Char('x')) => Action::CancelItem,
        (Mode::Plans, KeyCode::Char('h')) => Action::AddHeld,
        (Mode::Plans, KeyCode::Char('p')) => Action::Print,
        (Mode::Catalogues, KeyCode::Char('[') | KeyCode::Left) => Action::PrevList,
        (Mode::Catalogues, KeyCode::Char(']') | KeyCode::Right) => Action::NextList,
        (Mode::Catalogues, KeyCode::Char('n')) => Action::New,
        (Mode::Catalogues, KeyCode::Char('e')) => Action::Edit,
        (Mode::Coverage, KeyCode::Char('[') | KeyCode::Left) => Action::PrevHalf,
        (Mode::Coverage, KeyCode::Char(']') | KeyCode::Right) => Action::NextHalf,
        _ => return None,
    };
    Some(action)
}

/// The keys of the Today tab's views.
fn today_key(mode: Mode, code: KeyCode) -> Option<Action> {
    let action = match (mode, code) {
        (_, KeyCode::Char('v')) => Action::NextView,
        (Mode::Figures, KeyCode::Char('[') | KeyCode::Left) => Action::PrevYear,
        (Mode::Figures, KeyCode::Char(']') | KeyCode::Right) => Action::NextYear,
        (Mode::Figures, KeyCode::Char('p')) => Action::Print,
        _ => return None,
    };
    Some(action)
}

/// The keys of one view of the Privacy tab.
fn privacy_key(mode: Mode, code: KeyCode) -> Option<Action> {
    let action = match (mode, code) {
        (_, KeyCode::Char('v')) => Action::NextView,
        (Mode::Audit, KeyCode::Char('/')) => Action::Filter,
        (Mode::Retention, KeyCode::Char('x')) => Action::ExportPerson,
        (Mode::Retention, KeyCode::Char('D')) => Action::ErasePerson,
        (Mode::Retention, KeyCode::Char('A')) => Action::EraseDue,
        _ => return None,
    };
    Some(action)
}

/// The keys of one view of the Meetings tab.
fn meetings_key(mode: Mode, code: KeyCode) -> Option<Action> {
    let action = match (mode, code) {
        (_, KeyCode::Char('v')) => Action::NextView,
        (Mode::Meetings, KeyCode::Left) => Action::PrevItem,
        (Mode::Meetings, KeyCode::Right) => Action::NextItem,
        (Mode::Meetings, KeyCode::Char('n')) => Action::New,
        (Mode::Meetings, KeyCode::Char('e')) => Action::Edit,
        (Mode::Meetings, KeyCode::Char('a')) => Action::AddItem,
        (Mode::Meetings, KeyCode::Char('i')) => Action::EditItem,
        (Mode::Meetings, KeyCode::Char('d')) => Action::RemoveItem,
        (Mode::Meetings, KeyCode::Char('[')) => Action::ItemUp,
        (Mode::Meetings, KeyCode::Char(']')) => Action::ItemDown,
        (Mode::Meetings, KeyCode::Char('c')) => Action::Convocation,
        (Mode::Meetings, KeyCode::Char('l')) => Action::EnvelopeLabels,
        (Mode::Meetings, KeyCode::Char('s')) => Action::Sent,
        (Mode::Meetings, KeyCode::Char('b')) => Action::Vote,
        (Mode::Meetings, KeyCode::Char('B')) => Action::RollCall,
        (Mode::Meetings, KeyCode::Char('m')) => Action::Minutes,
        (Mode::Meetings, KeyCode::Char('o')) => Action::AdoptMinutes,
        (Mode::Meetings, KeyCode::Char('t')) => Action::SecondMeeting,
        (Mode::Meetings | Mode::Attendance, KeyCode::Char('p')) => Action::Print,
        (Mode::Attendance, KeyCode::Char('a')) => Action::Arrive,
        (Mode::Attendance, KeyCode::Char('x')) => Action::Depart,
        (Mode::Attendance, KeyCode::Char('g')) => Action::GiveProxy,
        (Mode::Attendance, KeyCode::Char('w')) => Action::WithdrawProxy,
        (Mode::Register, KeyCode::Char('/')) => Action::Filter,
        _ => return None,
    };
    Some(action)
}

/// The action of a key in a mode, if any.
pub fn map(mode: Mode, key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    let common = match key.code {
        KeyCode::Up => Some(Action::Up),
        KeyCode::Down => Some(Action::Down),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::Esc => Some(Action::Back),
        _ => None,
    };
    match mode {
        Mode::Browse => common.or_else(|| tab_key(key.code)).or(match key.code {
            KeyCode::Char('/') => Some(Action::Filter),
            KeyCode::Char('n') => Some(Action::New),
            KeyCode::Char('e') => Some(Action::Edit),
            KeyCode::Char('s') => Some(Action::Status),
            KeyCode::Char('c') => Some(Action::Contact),
            KeyCode::Char('x') => Some(Action::ExportPerson),
            KeyCode::Char('D') => Some(Action::ErasePerson),
            KeyCode::Char('L') => Some(Action::PrivacyView),
            _ => None,
        }),
        Mode::Audit | Mode::Retention => common
            .or_else(|| tab_key(key.code))
            .or_else(|| privacy_key(mode, key.code)),
        Mode::Run | Mode::Institutions | Mode::Recipients | Mode::Stats => common
            .or_else(|| tab_key(key.code))
            .or_else(|| basemail_key(mode, key.code)),
        Mode::Experts | Mode::Reviews => common
            .or_else(|| tab_key(key.code))
            .or_else(|| volunteers_key(mode, key.code)),
        Mode::Plans | Mode::Catalogues | Mode::Coverage => common
            .or_else(|| tab_key(key.code))
            .or_else(|| training_key(mode, key.code)),
        Mode::Today | Mode::Figures => common
            .or_else(|| tab_key(key.code))
            .or_else(|| today_key(mode, key.code)),
        Mode::Meetings | Mode::Attendance | Mode::Register => common
            .or_else(|| tab_key(key.code))
            .or_else(|| meetings_key(mode, key.code)),
        Mode::Filter => common.or(match key.code {
            KeyCode::Enter => Some(Action::Enter),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Char(c) if !ctrl => Some(Action::Char(c)),
            _ => None,
        }),
        Mode::Form => match key.code {
            KeyCode::Char('s') if ctrl => Some(Action::Save),
            KeyCode::Char('t') if ctrl => Some(Action::TestPrint),
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Enter => Some(Action::Enter),
            KeyCode::Tab | KeyCode::Down => Some(Action::NextField),
            KeyCode::BackTab | KeyCode::Up => Some(Action::PrevField),
            KeyCode::Left => Some(Action::Left),
            KeyCode::Right => Some(Action::Right),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Char(c) if !ctrl => Some(Action::Char(c)),
            _ => None,
        },
        // Not `j` (down) nor Enter (open, next field): a key that also moves is no yes.
        Mode::Confirm => match key.code {
            KeyCode::Char('J' | 'y' | 'Y') if !ctrl => Some(Action::Yes),
            KeyCode::Char('n' | 'N') if !ctrl => Some(Action::No),
            KeyCode::Esc => Some(Action::No),
            _ => None,
        },
        Mode::Typed => match key.code {
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Enter => Some(Action::Enter),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Char(c) if !ctrl => Some(Action::Char(c)),
            _ => None,
        },
        Mode::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('?' | 'q') | KeyCode::Enter => Some(Action::Back),
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            _ => None,
        },
        Mode::Menu => common.or(match key.code {
            KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Char('j') => Some(Action::Down),
            KeyCode::Enter => Some(Action::Enter),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => None,
        }),
    }
}

/// The help lines for a mode: key and description; only the keys whose permission `may` grants
/// (pass the session's `can`).
pub fn help(
    mode: Mode,
    may: impl Fn(Permission) -> bool,
) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.modes.contains(&mode) && b.needs.is_none_or(&may))
}

/// The status line's hint for a mode: the help and quit keys, when the mode has them in its
/// table (every tab's view does; a form, a question or the help itself does not).
pub fn hint(mode: Mode) -> Option<Msg> {
    let has = |m: Msg| help(mode, |_| true).any(|b| b.help == m);
    (has(Msg::KeyHelp) && has(Msg::KeyQuit)).then_some(Msg::StatusKeys)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    /// Every key a help line names: "↑/↓ j/k" is four keys, "/" is one.
    fn keys_named(keys: &str) -> Vec<KeyEvent> {
        let words: Vec<&str> = match keys {
            "/" => vec!["/"],
            _ => keys.split([' ', '/']).filter(|w| !w.is_empty()).collect(),
        };
        words
            .into_iter()
            .map(|word| match word {
                "↑" => key(KeyCode::Up),
                "↓" => key(KeyCode::Down),
                "←" => key(KeyCode::Left),
                "→" => key(KeyCode::Right),
                "PgUp" => key(KeyCode::PageUp),
                "PgDn" => key(KeyCode::PageDown),
                "Home" => key(KeyCode::Home),
                "End" => key(KeyCode::End),
                "Enter" => key(KeyCode::Enter),
                "Tab" => key(KeyCode::Tab),
                "Shift+Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                "Esc" => key(KeyCode::Esc),
                "Space" => key(KeyCode::Char(' ')),
                "0-9" => key(KeyCode::Char('0')),
                w if w.chars().count() == 1 => key(KeyCode::Char(w.chars().next().unwrap_or(' '))),
                other => panic!("help names a key the test does not know: {other}"),
            })
            .collect()
    }

    #[test]
    fn every_key_in_the_help_does_something() {
        for b in BINDINGS {
            for mode in b.modes {
                for k in keys_named(b.keys) {
                    assert!(map(*mode, k).is_some(), "{} ({k:?}) in {mode:?}", b.keys);
                }
            }
        }
        assert_eq!(keys_named("[/] ←/→").len(), 4);
        assert_eq!(keys_named("/").len(), 1);
    }

    #[test]
    fn a_key_shows_once_per_mode_and_means_one_thing() {
        for mode in TABS {
            let mut seen = std::collections::HashMap::new();
            for b in help(*mode, |_| true) {
                for k in keys_named(b.keys) {
                    if let Some(before) = seen.insert(k.code, b.help) {
                        panic!("{:?} in {mode:?}: {before:?} and {:?}", k.code, b.help);
                    }
                }
            }
        }
    }

    #[test]
    fn basemail_keys_differ_per_view() {
        let x = key(KeyCode::Char('x'));
        assert_eq!(map(Mode::Run, x), Some(Action::ToggleWritten));
        assert_eq!(map(Mode::Recipients, x), Some(Action::EndStay));
        assert_eq!(map(Mode::Institutions, x), None);
        assert_eq!(map(Mode::Run, key(KeyCode::Left)), Some(Action::PrevWeek));
        assert_eq!(map(Mode::Browse, key(KeyCode::Char('r'))), None);
        assert_eq!(
            map(Mode::Run, key(KeyCode::Char('R'))),
            Some(Action::RunSheet)
        );
        assert_eq!(map(Mode::Stats, key(KeyCode::Left)), Some(Action::PrevYear));
        assert_eq!(map(Mode::Stats, key(KeyCode::Char('r'))), None);
        assert_eq!(
            map(Mode::Stats, key(KeyCode::Char('v'))),
            Some(Action::NextView)
        );
    }

    #[test]
    fn volunteers_keys_differ_per_view() {
        let n = key(KeyCode::Char('n'));
        assert_eq!(map(Mode::Experts, n), Some(Action::New));
        assert_eq!(map(Mode::Reviews, n), Some(Action::NoShow));
        assert_eq!(map(Mode::Experts, key(KeyCode::Left)), Some(Action::Older));
        assert_eq!(
            map(Mode::Reviews, key(KeyCode::Left)),
            Some(Action::PrevWeek)
        );
        assert_eq!(map(Mode::Reviews, key(KeyCode::Char('p'))), None);
        assert_eq!(map(Mode::Experts, key(KeyCode::Char('g'))), None);
        for mode in [Mode::Experts, Mode::Reviews] {
            assert_eq!(map(mode, key(KeyCode::Char('v'))), Some(Action::NextView));
            assert_eq!(map(mode, key(KeyCode::Char('q'))), Some(Action::Quit));
        }
    }

    #[test]
    fn training_keys_differ_per_view() {
        let right = key(KeyCode::Right);
        assert_eq!(map(Mode::Plans, right), Some(Action::NextItem));
        assert_eq!(map(Mode::Catalogues, right), Some(Action::NextList));
        assert_eq!(map(Mode::Coverage, right), Some(Action::NextHalf));
        assert_eq!(map(Mode::Plans, key(KeyCode::Char('k'))), Some(Action::Up));
        assert_eq!(
            map(Mode::Plans, key(KeyCode::Char('w'))),
            Some(Action::ChooseCourse)
        );
        assert_eq!(map(Mode::Coverage, key(KeyCode::Char('n'))), None);
        for mode in [Mode::Plans, Mode::Catalogues, Mode::Coverage] {
            assert_eq!(map(mode, key(KeyCode::Char('v'))), Some(Action::NextView));
        }
    }

    #[test]
    fn meetings_keys_differ_per_view() {
        let a = key(KeyCode::Char('a'));
        assert_eq!(map(Mode::Meetings, a), Some(Action::AddItem));
        assert_eq!(map(Mode::Attendance, a), Some(Action::Arrive));
        assert_eq!(map(Mode::Register, a), None);
        assert_eq!(
            map(Mode::Meetings, key(KeyCode::Right)),
            Some(Action::NextItem)
        );
        assert_eq!(
            map(Mode::Register, key(KeyCode::Char('/'))),
            Some(Action::Filter)
        );
        assert_eq!(map(Mode::Register, key(KeyCode::Esc)), Some(Action::Back));
        for mode in [Mode::Meetings, Mode::Attendance] {
            assert_eq!(map(mode, key(KeyCode::Char('p'))), Some(Action::Print));
        }
        for mode in [Mode::Meetings, Mode::Attendance, Mode::Register] {
            assert_eq!(map(mode, key(KeyCode::Char('v'))), Some(Action::NextView));
            assert_eq!(map(mode, key(KeyCode::Char('q'))), Some(Action::Quit));
        }
    }

    #[test]
    fn no_key_that_moves_answers_yes() {
        for code in [
            KeyCode::Enter,
            KeyCode::Char('j'),
            KeyCode::Down,
            KeyCode::Char(' '),
        ] {
            assert_ne!(map(Mode::Confirm, key(code)), Some(Action::Yes), "{code:?}");
        }
        assert_eq!(
            map(Mode::Confirm, key(KeyCode::Char('y'))),
            Some(Action::Yes)
        );
        for c in ['y', 'j', 'D', 'A', 'q', 'v'] {
            assert_eq!(
                map(Mode::Typed, key(KeyCode::Char(c))),
                Some(Action::Char(c))
            );
        }
        assert_eq!(map(Mode::Typed, key(KeyCode::Enter)), Some(Action::Enter));
        assert_eq!(map(Mode::Typed, key(KeyCode::Esc)), Some(Action::Back));
    }

    #[test]
    fn typing_in_a_form_does_not_trigger_commands() {
        assert_eq!(
            map(Mode::Form, key(KeyCode::Char('q'))),
            Some(Action::Char('q'))
        );
        assert_eq!(
            map(Mode::Filter, key(KeyCode::Char('n'))),
            Some(Action::Char('n'))
        );
        assert_eq!(
            map(Mode::Browse, key(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(map(Mode::Form, ctrl_s), Some(Action::Save));
    }
}
