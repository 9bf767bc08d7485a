//! The key tables checked against themselves: no binding shadowed, each does its own action,
//! the help lists them and names their keys, the hint comes from them; and the dispatch as it
//! was before the tables, key by key.

use super::*;
use std::collections::BTreeSet;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Every mode (the match fails to compile when a mode is added and not listed here).
const MODES: [Mode; 23] = [
    Mode::Browse,
    Mode::Filter,
    Mode::Form,
    Mode::Confirm,
    Mode::Typed,
    Mode::Help,
    Mode::Menu,
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

/// Whether a mode is a tab's view (the ones with the help hint).
fn is_tab(mode: Mode) -> bool {
    match mode {
        Mode::Filter | Mode::Form | Mode::Confirm | Mode::Typed | Mode::Help | Mode::Menu => false,
        Mode::Browse
        | Mode::Run
        | Mode::Institutions
        | Mode::Recipients
        | Mode::Stats
        | Mode::Experts
        | Mode::Reviews
        | Mode::Plans
        | Mode::Catalogues
        | Mode::Coverage
        | Mode::Today
        | Mode::Figures
        | Mode::Audit
        | Mode::Retention
        | Mode::Meetings
        | Mode::Attendance
        | Mode::Register => true,
    }
}

/// Every key code the checks try: the printable ASCII characters, a few accented ones (names),
/// and the special keys.
fn codes() -> Vec<KeyCode> {
    let mut codes: Vec<KeyCode> = (' '..='~')
        .chain(['é', 'ü', 'ë', '€'])
        .map(KeyCode::Char)
        .collect();
    codes.extend([
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::F(1),
    ]);
    codes
}

/// Every press the checks try: each code with no modifier, Shift, Ctrl and both.
fn presses() -> Vec<KeyEvent> {
    let mods = [
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::CONTROL | KeyModifiers::SHIFT,
    ];
    codes()
        .into_iter()
        .flat_map(|code| mods.map(|m| KeyEvent::new(code, m)))
        .collect()
}

/// A key as a terminal sends it: Shift with Shift+Tab and a capital; Ctrl as the binding wants.
fn press(code: KeyCode, ctrl: Ctrl) -> KeyEvent {
    let mut mods = match code {
        KeyCode::BackTab => KeyModifiers::SHIFT,
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    if ctrl == Ctrl::Held {
        mods |= KeyModifiers::CONTROL;
    }
    KeyEvent::new(code, mods)
}

/// The presses a binding is meant for: its keys as typed (any character, for typing).
fn meant(b: &Binding) -> Vec<KeyEvent> {
    match b.on {
        On::Keys(codes, _) => codes.iter().map(|&c| press(c, b.ctrl)).collect(),
        On::AnyChar => (' '..='~')
            .chain(['é', 'ü', 'ë', '€'])
            .map(|c| press(KeyCode::Char(c), b.ctrl))
            .collect(),
    }
}

/// Ctrl+C, first in every mode: the one binding allowed to go before another.
fn is_ctrl_c(b: &Binding) -> bool {
    b.ctrl == Ctrl::Held && b.on == On::Keys(&[KeyCode::Char('c')], Action::Quit)
}

/// Every key a help line names: "↑/↓ j/k" is four keys, "/" is one, "0-9" ten.
fn keys_named(keys: &str) -> BTreeSet<String> {
    let words: Vec<&str> = match keys {
        "/" => vec!["/"],
        _ => keys.split([' ', '/']).filter(|w| !w.is_empty()).collect(),
    };
    let mut named = BTreeSet::new();
    for word in words {
        let code = match word {
            "↑" => KeyCode::Up,
            "↓" => KeyCode::Down,
            "←" => KeyCode::Left,
            "→" => KeyCode::Right,
            "PgUp" => KeyCode::PageUp,
            "PgDn" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "Enter" => KeyCode::Enter,
            "Tab" => KeyCode::Tab,
            "Shift+Tab" => KeyCode::BackTab,
            "Esc" => KeyCode::Esc,
            "Space" => KeyCode::Char(' '),
            "0-9" => {
                named.extend(('0'..='9').map(|c| format!("{:?}", KeyCode::Char(c))));
                continue;
            }
            w if w.chars().count() == 1 => KeyCode::Char(w.chars().next().unwrap_or(' ')),
            other => panic!("help names a key the test does not know: {other}"),
        };
        named.insert(format!("{code:?}"));
    }
    named
}

#[test]
fn no_binding_is_shadowed() {
    for mode in MODES {
        let all: Vec<&Binding> = bindings(mode).collect();
        for k in presses() {
            let mut reacting = all.iter().filter(|b| b.action_for(k).is_some());
            let Some(first) = reacting.next() else {
                continue;
            };
            if let Some(later) = reacting.next() {
                assert!(
                    is_ctrl_c(first),
                    "{mode:?}: {k:?} is bound twice: {:?} and, never reached, {:?}",
                    first.on,
                    later.on
                );
            }
        }
        let ctrl_c = all.iter().position(|b| is_ctrl_c(b));
        assert_eq!(ctrl_c, Some(0), "{mode:?}: Ctrl+C is not first");
    }
}

#[test]
fn every_binding_does_its_own_action() {
    for mode in MODES {
        for b in bindings(mode) {
            for k in meant(b) {
                let own = b.action_for(k);
                assert!(
                    own.is_some(),
                    "{mode:?}: {:?} does not react to {k:?}",
                    b.on
                );
                assert_eq!(map(mode, k), own, "{mode:?}: {k:?} ({:?})", b.shown);
            }
        }
    }
}

#[test]
fn the_help_lists_every_binding_with_a_line_and_names_its_keys() {
    for mode in MODES {
        let lines: Vec<HelpLine> = bindings(mode)
            .filter_map(|b| match b.shown {
                Shown::Line(keys, help) => Some(HelpLine {
                    keys,
                    help,
                    needs: b.needs,
                }),
                _ => None,
            })
            .collect();
        assert_eq!(help(mode, |_| true).collect::<Vec<_>>(), lines, "{mode:?}");
        let free: Vec<HelpLine> = lines
            .iter()
            .filter(|l| l.needs.is_none())
            .copied()
            .collect();
        assert_eq!(help(mode, |_| false).collect::<Vec<_>>(), free, "{mode:?}");
        if is_tab(mode) {
            assert!(lines.len() >= 8, "{mode:?}: {lines:?}");
        }

        // The label of a line names exactly the keys of its binding and of those with it.
        for table in tables::of(mode) {
            assert!(
                table.first().is_none_or(|b| b.shown != Shown::WithLine),
                "{mode:?}: a table starts with a binding shown on the line before it"
            );
            let mut i = 0;
            while i < table.len() {
                let Shown::Line(label, msg) = table[i].shown else {
                    i += 1;
                    continue;
                };
                let mut keys: BTreeSet<String> = BTreeSet::new();
                let mut j = i;
                loop {
                    let b = &table[j];
                    assert_eq!(b.needs, table[i].needs, "{mode:?}: {label} {msg:?}");
                    match b.on {
                        On::Keys(codes, _) => keys.extend(codes.iter().map(|c| format!("{c:?}"))),
                        On::AnyChar => panic!("{mode:?}: typing shown as {label}"),
                    }
                    j += 1;
                    if j == table.len() || table[j].shown != Shown::WithLine {
                        break;
                    }
                }
                assert_eq!(keys_named(label), keys, "{mode:?}: {label} ({msg:?})");
                i = j;
            }
        }
    }
    assert_eq!(keys_named("[/] ←/→").len(), 4);
    assert_eq!(keys_named("/").len(), 1);
    assert_eq!(keys_named("0-9").len(), 10);
}

#[test]
fn the_hint_comes_from_bindings_that_exist() {
    for mode in MODES {
        let hint = hint(mode);
        assert_eq!(hint.is_some(), is_tab(mode), "{mode:?}");
        if hint.is_some() {
            assert_eq!(hint, Some(Msg::StatusKeys));
            assert_eq!(
                map(mode, key(KeyCode::Char('?'))),
                Some(Action::Help),
                "{mode:?}"
            );
            assert_eq!(
                map(mode, key(KeyCode::Char('q'))),
                Some(Action::Quit),
                "{mode:?}"
            );
            let shown: Vec<(&str, Msg)> = help(mode, |_| true).map(|l| (l.keys, l.help)).collect();
            assert!(shown.contains(&("?", Msg::KeyHelp)), "{mode:?}");
            assert!(shown.contains(&("q", Msg::KeyQuit)), "{mode:?}");
        }
    }
}

/// The dispatch as it was before the tables (a hand-written `match` per tab, copied unchanged):
/// the tables must do the same for every mode and every press.
#[test]
fn map_does_what_the_old_map_did() {
    let mut compared = 0;
    for mode in MODES {
        for k in presses() {
            assert_eq!(map(mode, k), old_map(mode, k), "{mode:?} {k:?}");
            compared += 1;
        }
    }
    assert!(compared > 23 * 4 * 100, "{compared}");
}

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
fn old_map(mode: Mode, key: KeyEvent) -> Option<Action> {
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

/// The help as it was before the tables (the old list, copied unchanged): the same lines, in the
/// same order, with the same permissions, for every tab's view.
#[test]
fn help_is_the_old_help() {
    for mode in MODES {
        let old: Vec<HelpLine> = old_help::OLD_BINDINGS
            .iter()
            .filter(|b| b.modes.contains(&mode))
            .map(|b| HelpLine {
                keys: b.keys,
                help: b.help,
                needs: b.needs,
            })
            .collect();
        if is_tab(mode) {
            assert_eq!(help(mode, |_| true).collect::<Vec<_>>(), old, "{mode:?}");
        } else {
            assert!(old.is_empty(), "{mode:?}");
        }
    }
}

mod old_help {
    use super::super::{Mode, Msg, Permission};
    /// How a key is shown in the help.
    #[derive(Debug, Clone, Copy)]
    pub(super) struct OldBinding {
        /// The modes it works in.
        pub(super) modes: &'static [Mode],
        /// The key as shown.
        pub(super) keys: &'static str,
        /// What it does.
        pub(super) help: Msg,
        /// The permission the key's action needs: without it the key is not offered.
        pub(super) needs: Option<Permission>,
    }

    const fn bind(modes: &'static [Mode], keys: &'static str, help: Msg) -> OldBinding {
        OldBinding {
            modes,
            keys,
            help,
            needs: None,
        }
    }

    impl OldBinding {
        /// The binding, offered only with `permission`.
        const fn needs(self, permission: Permission) -> OldBinding {
            OldBinding {
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
    pub(super) const OLD_BINDINGS: &[OldBinding] = &[
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
}
