//! The key tables: a few shared ones (Ctrl+C, moving, tabs, quit) and one per mode, and which
//! tables each mode reads, in order. That order is the help's order and the order [`super::map`]
//! tries them in; no key is in two of a mode's tables (a test), except Ctrl+C, which comes first
//! everywhere and so goes before the `c` of a view.

use super::{ctrl, key, plain, Action, Binding, Mode, TYPING};
use crate::i18n::Msg;
use kapstok_core::Permission;
use ratatui::crossterm::event::KeyCode::{
    BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right,
    Tab, Up,
};

const WRITE: Permission = Permission::MembersWrite;
const AUDIT_READ: Permission = Permission::AuditRead;
const MEETINGS_MANAGE: Permission = Permission::MeetingsManage;
const MEETINGS_READ: Permission = Permission::MeetingsRead;

/// Enter, doing the usual (open, choose); each view gives it its own help line.
const ENTER: Binding = key(&[Enter], Action::Enter);
/// Esc: back, close, cancel.
const BACK: Binding = key(&[Esc], Action::Back);

/// Every mode, first: Ctrl+C quits, also where `c` and `q` are typed.
const ALWAYS: &[Binding] = &[ctrl(&[Char('c')], Action::Quit)];

/// Every tab's view: moving through its list.
const MOVES: &[Binding] = &[
    key(&[Up, Char('k')], Action::Up).line("↑/↓ j/k", Msg::KeyMove),
    key(&[Down, Char('j')], Action::Down).with_line(),
    key(&[PageUp], Action::PageUp).line("PgUp/PgDn", Msg::KeyPage),
    key(&[PageDown], Action::PageDown).with_line(),
    key(&[Home], Action::Home).line("Home/End", Msg::KeyHomeEnd),
    key(&[End], Action::End).with_line(),
];

/// The views of a tab with more than one: `v` goes to the next (Today's figures are bound on
/// their own: they need the member register).
const VIEW: &[Binding] = &[key(&[Char('v')], Action::NextView).line("v", Msg::KeyView)];

/// Every tab's view: other tabs and the help.
const TABS: &[Binding] = &[
    key(&[Tab], Action::NextTab).line("Tab/Shift+Tab", Msg::KeyNextTab),
    key(&[BackTab], Action::PrevTab).with_line(),
    key(&[Char('0')], Action::Tab(0)).line("0-9", Msg::KeyTabN),
    key(&[Char('1')], Action::Tab(1)).with_line(),
    key(&[Char('2')], Action::Tab(2)).with_line(),
    key(&[Char('3')], Action::Tab(3)).with_line(),
    key(&[Char('4')], Action::Tab(4)).with_line(),
    key(&[Char('5')], Action::Tab(5)).with_line(),
    key(&[Char('6')], Action::Tab(6)).with_line(),
    key(&[Char('7')], Action::Tab(7)).with_line(),
    key(&[Char('8')], Action::Tab(8)).with_line(),
    key(&[Char('9')], Action::Tab(9)).with_line(),
    key(&[Char('?')], Action::Help).line("?", Msg::KeyHelp),
];

/// Every tab's view, last: `q` quits.
const QUIT: &[Binding] = &[key(&[Char('q')], Action::Quit).line("q", Msg::KeyQuit)];

/// The member register.
const BROWSE: &[Binding] = &[
    key(&[Char('/')], Action::Filter).line("/", Msg::KeyFilter),
    ENTER.line("Enter", Msg::KeyOpen),
    key(&[Char('n')], Action::New)
        .line("n", Msg::KeyNew)
        .needs(WRITE),
    key(&[Char('e')], Action::Edit)
        .line("e", Msg::KeyEdit)
        .needs(WRITE),
    key(&[Char('s')], Action::Status)
        .line("s", Msg::KeyStatus)
        .needs(WRITE),
    key(&[Char('c')], Action::Contact)
        .line("c", Msg::KeyContact)
        .needs(WRITE),
    key(&[Char('x')], Action::ExportPerson)
        .line("x", Msg::KeyExportPerson)
        .needs(AUDIT_READ),
    key(&[Char('D')], Action::ErasePerson)
        .line("D", Msg::KeyErasePerson)
        .needs(AUDIT_READ),
    key(&[Char('L')], Action::PrivacyView)
        .line("L", Msg::KeyPrivacyView)
        .needs(AUDIT_READ),
];

/// The member register's Esc, shown after the tab keys.
const BROWSE_BACK: &[Binding] = &[BACK.line("Esc", Msg::KeyBack)];

/// BaseMail: the week's cards and the left-out list.
const RUN: &[Binding] = &[
    ENTER.line("Enter", Msg::KeyDetail),
    key(&[Char('['), Left], Action::PrevWeek).line("[/] ←/→", Msg::KeyWeek),
    key(&[Char(']'), Right], Action::NextWeek).with_line(),
    key(&[Char('r')], Action::Compose).line("r", Msg::KeyCompose),
    key(&[Char('w')], Action::Writer).line("w", Msg::KeyWriter),
    key(&[Char('x'), Char(' ')], Action::ToggleWritten).line("x/Space", Msg::KeyWritten),
    key(&[Char('a')], Action::AddByHand).line("a", Msg::KeyAddByHand),
    key(&[Char('d')], Action::RemoveByHand).line("d", Msg::KeyRemoveByHand),
    key(&[Char('p')], Action::Post).line("p", Msg::KeyPost),
    key(&[Char('t')], Action::Returned).line("t", Msg::KeyReturned),
    key(&[Char('l')], Action::Labels).line("l", Msg::KeyLabels),
    key(&[Char('R')], Action::RunSheet).line("R", Msg::KeyRunSheet),
    key(&[Char('c')], Action::Calibrate).line("c", Msg::KeyCalibrate),
    BACK,
];

/// BaseMail: institutions.
const INSTITUTIONS: &[Binding] = &[
    ENTER.line("Enter", Msg::KeyDetail),
    key(&[Char('n')], Action::New).line("n", Msg::KeyNewInstitution),
    key(&[Char('e')], Action::Edit).line("e", Msg::KeyEditInstitution),
    BACK,
];

/// BaseMail: recipients and their stays.
const RECIPIENTS: &[Binding] = &[
    ENTER.line("Enter", Msg::KeyDetail),
    key(&[Char('n')], Action::New).line("n", Msg::KeyNewRecipient),
    key(&[Char('e')], Action::Edit).line("e", Msg::KeyEditRecipient),
    key(&[Char('i')], Action::Ill).line("i", Msg::KeyIll),
    key(&[Char('s')], Action::StartStay).line("s", Msg::KeyStartStay),
    key(&[Char('m')], Action::MoveStay).line("m", Msg::KeyMoveStay),
    key(&[Char('x')], Action::EndStay).line("x", Msg::KeyEndStay),
    key(&[Char('c')], Action::ConfirmStay).line("c", Msg::KeyConfirmStay),
    key(&[Char('o')], Action::Checked).line("o", Msg::KeyChecked),
    BACK,
];

/// BaseMail: statistics of the posted cards.
const STATS: &[Binding] = &[
    key(&[Char('['), Left], Action::PrevYear).line("[/] ←/→", Msg::KeyYear),
    key(&[Char(']'), Right], Action::NextYear).with_line(),
    ENTER,
    BACK,
];

/// Experts: experts and their agreements.
const EXPERTS: &[Binding] = &[
    ENTER.line("Enter", Msg::KeyDetail),
    key(&[Left], Action::Older).line("←/→", Msg::KeyAgreement),
    key(&[Right], Action::Newer).with_line(),
    key(&[Char('n')], Action::New).line("n", Msg::KeyNewAgreement),
    key(&[Char('e')], Action::Edit).line("e", Msg::KeyEditAgreement),
    key(&[Char('s')], Action::Sign).line("s", Msg::KeySign),
    key(&[Char('x')], Action::EndEarly).line("x", Msg::KeyEndEarly),
    key(&[Char('p')], Action::Print).line("p", Msg::KeyAgreementPdf),
    BACK,
];

/// Experts: reviews due and planned.
const REVIEWS: &[Binding] = &[
    ENTER.line("Enter", Msg::KeyReviewEnter),
    key(&[Char('['), Left], Action::PrevWeek).line("[/] ←/→", Msg::KeyWeek),
    key(&[Char(']'), Right], Action::NextWeek).with_line(),
    key(&[Char('g')], Action::Schedule).line("g", Msg::KeySchedule),
    key(&[Char('r')], Action::Reschedule).line("r", Msg::KeyReschedule),
    key(&[Char('c')], Action::CancelReview).line("c", Msg::KeyCancelReview),
    key(&[Char('n')], Action::NoShow).line("n", Msg::KeyNoShow),
    key(&[Char('o')], Action::Record).line("o", Msg::KeyRecord),
    BACK,
];

/// Training: each expert's gap and training plan.
const PLANS: &[Binding] = &[
    ENTER.line("Enter", Msg::KeyPlanDetail),
    key(&[Left], Action::PrevItem).line("←/→", Msg::KeyPlanItem),
    key(&[Right], Action::NextItem).with_line(),
    key(&[Char('a')], Action::Propose).line("a", Msg::KeyPropose),
    key(&[Char('w')], Action::ChooseCourse).line("w", Msg::KeyChooseCourse),
    key(&[Char('o')], Action::Agree).line("o", Msg::KeyAgree),
    key(&[Char('i')], Action::Enroll).line("i", Msg::KeyEnroll),
    key(&[Char('c')], Action::Complete).line("c", Msg::KeyComplete),
    key(&[Char('x')], Action::CancelItem).line("x", Msg::KeyCancelItem),
    key(&[Char('h')], Action::AddHeld).line("h", Msg::KeyAddHeld),
    key(&[Char('p')], Action::Print).line("p", Msg::KeyPlanPdf),
    BACK,
];

/// Training: skills, task descriptions and courses.
const CATALOGUES: &[Binding] = &[
    key(&[Char('['), Left], Action::PrevList).line("[/] ←/→", Msg::KeyCatalogue),
    key(&[Char(']'), Right], Action::NextList).with_line(),
    ENTER.line("Enter", Msg::KeyDetail),
    key(&[Char('n')], Action::New).line("n", Msg::KeyNewEntry),
    key(&[Char('e')], Action::Edit).line("e", Msg::KeyEditEntry),
    BACK,
];

/// Training: the pool's coverage of the tasks and the half-year budget.
const COVERAGE: &[Binding] = &[
    key(&[Char('['), Left], Action::PrevHalf).line("[/] ←/→", Msg::KeyHalfYear),
    key(&[Char(']'), Right], Action::NextHalf).with_line(),
    ENTER,
    BACK,
];

/// Today: what needs doing; `v` (the year's figures) needs the member register.
const TODAY: &[Binding] = &[
    ENTER.line("Enter", Msg::KeyTodayOpen),
    key(&[Char('v')], Action::NextView)
        .line("v", Msg::KeyFigures)
        .needs(Permission::MembersRead),
    BACK,
];

/// Today: the year's figures.
const FIGURES: &[Binding] = &[
    key(&[Char('['), Left], Action::PrevYear).line("[/] ←/→", Msg::KeyYear),
    key(&[Char(']'), Right], Action::NextYear).with_line(),
    key(&[Char('p')], Action::Print).line("p", Msg::KeyFiguresSave),
    ENTER,
    BACK,
];

/// Privacy: the audit log.
const AUDIT: &[Binding] = &[
    key(&[Char('/')], Action::Filter).line("/", Msg::KeyAuditFilter),
    BACK.line("Esc", Msg::KeyBack),
    ENTER,
];

/// Privacy: ex-members past the retention period.
const RETENTION: &[Binding] = &[
    key(&[Char('x')], Action::ExportPerson)
        .line("x", Msg::KeyExportPerson)
        .needs(AUDIT_READ),
    key(&[Char('D')], Action::ErasePerson)
        .line("D", Msg::KeyErasePerson)
        .needs(AUDIT_READ),
    key(&[Char('A')], Action::EraseDue)
        .line("A", Msg::KeyEraseDue)
        .needs(AUDIT_READ),
    BACK.line("Esc", Msg::KeyBack),
    ENTER,
];

/// Meetings: the meetings, with the selected one's agenda and convocation.
const MEETINGS: &[Binding] = &[
    ENTER.line("Enter", Msg::KeyMeetingDetail),
    key(&[Left], Action::PrevItem).line("←/→", Msg::KeyAgendaItem),
    key(&[Right], Action::NextItem).with_line(),
    key(&[Char('n')], Action::New)
        .line("n", Msg::KeyPlanMeeting)
        .needs(MEETINGS_MANAGE),
    key(&[Char('e')], Action::Edit)
        .line("e", Msg::KeyEditMeeting)
        .needs(MEETINGS_MANAGE),
    key(&[Char('a')], Action::AddItem)
        .line("a", Msg::KeyAddItem)
        .needs(MEETINGS_MANAGE),
    key(&[Char('i')], Action::EditItem)
        .line("i", Msg::KeyEditItem)
        .needs(MEETINGS_MANAGE),
    key(&[Char('d')], Action::RemoveItem)
        .line("d", Msg::KeyRemoveItem)
        .needs(MEETINGS_MANAGE),
    key(&[Char('[')], Action::ItemUp)
        .line("[/]", Msg::KeyMoveItem)
        .needs(MEETINGS_MANAGE),
    key(&[Char(']')], Action::ItemDown)
        .with_line()
        .needs(MEETINGS_MANAGE),
    key(&[Char('c')], Action::Convocation)
        .line("c", Msg::KeyConvocation)
        .needs(MEETINGS_MANAGE),
    key(&[Char('l')], Action::EnvelopeLabels)
        .line("l", Msg::KeyEnvelopeLabels)
        .needs(MEETINGS_MANAGE),
    key(&[Char('s')], Action::Sent)
        .line("s", Msg::KeySent)
        .needs(MEETINGS_MANAGE),
    key(&[Char('b')], Action::Vote)
        .line("b", Msg::KeyVote)
        .needs(MEETINGS_MANAGE),
    key(&[Char('B')], Action::RollCall)
        .line("B", Msg::KeyRollCall)
        .needs(MEETINGS_MANAGE),
    key(&[Char('m')], Action::Minutes)
        .line("m", Msg::KeyMinutes)
        .needs(MEETINGS_MANAGE),
    key(&[Char('o')], Action::AdoptMinutes)
        .line("o", Msg::KeyAdoptMinutes)
        .needs(MEETINGS_MANAGE),
    key(&[Char('t')], Action::SecondMeeting)
        .line("t", Msg::KeySecondMeeting)
        .needs(MEETINGS_MANAGE),
    SHEET,
    BACK,
];

/// Meetings: the attendance sheet as a PDF, a read of the meeting: coordinators print it too
/// (core: MeetingsRead).
const SHEET: Binding = key(&[Char('p')], Action::Print)
    .line("p", Msg::KeyAttendanceSheet)
    .needs(MEETINGS_READ);

/// Meetings: the selected meeting's attendance register and proxies.
const ATTENDANCE: &[Binding] = &[
    key(&[Char('a')], Action::Arrive)
        .line("a", Msg::KeyArrive)
        .needs(MEETINGS_MANAGE),
    key(&[Char('x')], Action::Depart)
        .line("x", Msg::KeyDepart)
        .needs(MEETINGS_MANAGE),
    key(&[Char('g')], Action::GiveProxy)
        .line("g", Msg::KeyGiveProxy)
        .needs(MEETINGS_MANAGE),
    key(&[Char('w')], Action::WithdrawProxy)
        .line("w", Msg::KeyWithdrawProxy)
        .needs(MEETINGS_MANAGE),
    SHEET,
    ENTER,
    BACK,
];

/// Meetings: the decision register.
const REGISTER: &[Binding] = &[
    key(&[Char('/')], Action::Filter).line("/", Msg::KeyFilterDecisions),
    BACK.line("Esc", Msg::KeyClearFilter),
    ENTER,
];

/// Typing in a search field or a picker: every character types; the arrows move the list.
const FILTER: &[Binding] = &[
    key(&[Up], Action::Up).line("↑/↓", Msg::KeyMove),
    key(&[Down], Action::Down).with_line(),
    key(&[PageUp], Action::PageUp).line("PgUp/PgDn", Msg::KeyPage),
    key(&[PageDown], Action::PageDown).with_line(),
    BACK.line("Esc", Msg::KeyBack),
    ENTER,
    key(&[Backspace], Action::Backspace),
    TYPING,
];

/// Typing in a form: every character types (the form's own hint names the keys). Up and Down
/// go to the field before and after, except in a multi-line field, where they move inside the
/// text (as Enter makes a new line there, and Home, End and Delete edit it); Tab and Shift+Tab
/// always leave the field.
const FORM: &[Binding] = &[
    ctrl(&[Char('s')], Action::Save),
    ctrl(&[Char('t')], Action::TestPrint),
    BACK.line("Esc", Msg::KeyBack),
    ENTER,
    key(&[Tab], Action::NextField),
    key(&[BackTab], Action::PrevField),
    key(&[Down], Action::Down),
    key(&[Up], Action::Up),
    key(&[Left], Action::Left),
    key(&[Right], Action::Right),
    key(&[Home], Action::Home),
    key(&[End], Action::End),
    key(&[Backspace], Action::Backspace),
    key(&[Delete], Action::Delete),
    TYPING,
];

/// A yes/no question (its own hint names the keys). Not `j` (down) nor Enter (open, next
/// field): a key that also moves is no yes.
const CONFIRM: &[Binding] = &[
    plain(&[Char('J'), Char('y'), Char('Y')], Action::Yes),
    plain(&[Char('n'), Char('N')], Action::No),
    key(&[Esc], Action::No),
];

/// A typed confirmation: every key types, Enter checks the text, Esc cancels.
const TYPED: &[Binding] = &[
    BACK.line("Esc", Msg::KeyBack),
    ENTER,
    key(&[Backspace], Action::Backspace),
    TYPING,
];

/// The help popup (and a detail window): scroll, or close with the key that opened it.
const HELP: &[Binding] = &[
    key(&[Esc, Char('?'), Char('q'), Enter], Action::Back).line("Esc/?/q/Enter", Msg::KeyBack),
    key(&[Up, Char('k')], Action::Up).line("↑/↓ j/k", Msg::KeyMove),
    key(&[Down, Char('j')], Action::Down).with_line(),
];

/// The first-start menu.
const MENU: &[Binding] = &[
    key(&[Up, Char('k')], Action::Up).line("↑/↓ j/k", Msg::KeyMove),
    key(&[Down, Char('j')], Action::Down).with_line(),
    key(&[PageUp], Action::PageUp),
    key(&[PageDown], Action::PageDown),
    ENTER,
    BACK.line("Esc", Msg::KeyBack),
    key(&[Char('q')], Action::Quit).line("q", Msg::KeyQuit),
];

/// The tables a mode reads, in order.
pub(super) fn of(mode: Mode) -> &'static [&'static [Binding]] {
    match mode {
        Mode::Browse => &[ALWAYS, MOVES, BROWSE, TABS, BROWSE_BACK, QUIT],
        Mode::Run => &[ALWAYS, MOVES, RUN, VIEW, TABS, QUIT],
        Mode::Institutions => &[ALWAYS, MOVES, INSTITUTIONS, VIEW, TABS, QUIT],
        Mode::Recipients => &[ALWAYS, MOVES, RECIPIENTS, VIEW, TABS, QUIT],
        Mode::Stats => &[ALWAYS, MOVES, STATS, VIEW, TABS, QUIT],
        Mode::Experts => &[ALWAYS, MOVES, EXPERTS, VIEW, TABS, QUIT],
        Mode::Reviews => &[ALWAYS, MOVES, REVIEWS, VIEW, TABS, QUIT],
        Mode::Plans => &[ALWAYS, MOVES, PLANS, VIEW, TABS, QUIT],
        Mode::Catalogues => &[ALWAYS, MOVES, CATALOGUES, VIEW, TABS, QUIT],
        Mode::Coverage => &[ALWAYS, MOVES, COVERAGE, VIEW, TABS, QUIT],
        Mode::Today => &[ALWAYS, MOVES, TODAY, TABS, QUIT],
        Mode::Figures => &[ALWAYS, MOVES, FIGURES, VIEW, TABS, QUIT],
        Mode::Audit => &[ALWAYS, MOVES, AUDIT, VIEW, TABS, QUIT],
        Mode::Retention => &[ALWAYS, MOVES, RETENTION, VIEW, TABS, QUIT],
        Mode::Meetings => &[ALWAYS, MOVES, MEETINGS, VIEW, TABS, QUIT],
        Mode::Attendance => &[ALWAYS, MOVES, ATTENDANCE, VIEW, TABS, QUIT],
        Mode::Register => &[ALWAYS, MOVES, REGISTER, VIEW, TABS, QUIT],
        Mode::Filter => &[ALWAYS, FILTER],
        Mode::Form => &[ALWAYS, FORM],
        Mode::Confirm => &[ALWAYS, CONFIRM],
        Mode::Typed => &[ALWAYS, TYPED],
        Mode::Help => &[ALWAYS, HELP],
        Mode::Menu => &[ALWAYS, MENU],
    }
}
