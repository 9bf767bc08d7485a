//! The key tables checked against themselves: no binding shadowed, each does its own action,
//! the help lists them and names their keys, the hint comes from them; and the keys whose
//! meaning is subtle. (The tables were checked against the hand-written dispatch and help list
//! they replaced, press by press for every mode, in the commit that introduced them.)

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

#[test]
fn the_subtle_keys_keep_their_meaning() {
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    for mode in MODES {
        assert_eq!(map(mode, ctrl('c')), Some(Action::Quit), "{mode:?}");
    }
    // Typing modes: `q` and `?` are text, Ctrl with a letter types nothing.
    for mode in [Mode::Filter, Mode::Form, Mode::Typed] {
        for c in ['q', '?', 'j', 'é'] {
            assert_eq!(
                map(mode, key(KeyCode::Char(c))),
                Some(Action::Char(c)),
                "{mode:?}"
            );
        }
        assert_eq!(map(mode, ctrl('a')), None, "{mode:?}");
        assert_eq!(map(mode, key(KeyCode::Esc)), Some(Action::Back), "{mode:?}");
    }
    assert_eq!(map(Mode::Form, ctrl('t')), Some(Action::TestPrint));
    assert_eq!(map(Mode::Form, key(KeyCode::Tab)), Some(Action::NextField));
    assert_eq!(
        map(Mode::Form, key(KeyCode::BackTab)),
        Some(Action::PrevField)
    );
    // Up and Down: the field before and after, or a line in a multi-line field (the form's).
    assert_eq!(map(Mode::Form, key(KeyCode::Up)), Some(Action::Up));
    assert_eq!(map(Mode::Form, key(KeyCode::Down)), Some(Action::Down));
    assert_eq!(map(Mode::Form, key(KeyCode::PageUp)), None);
    // A question: Ctrl+Y is no yes, Esc is no.
    assert_eq!(map(Mode::Confirm, ctrl('y')), None);
    assert_eq!(
        map(Mode::Confirm, key(KeyCode::Char('J'))),
        Some(Action::Yes)
    );
    assert_eq!(map(Mode::Confirm, key(KeyCode::Esc)), Some(Action::No));
    assert_eq!(map(Mode::Confirm, key(KeyCode::Char('q'))), None);
    // The help closes with the keys that might open or leave it.
    for code in [
        KeyCode::Esc,
        KeyCode::Char('?'),
        KeyCode::Char('q'),
        KeyCode::Enter,
    ] {
        assert_eq!(map(Mode::Help, key(code)), Some(Action::Back), "{code:?}");
    }
    assert_eq!(map(Mode::Help, key(KeyCode::Char('j'))), Some(Action::Down));
    assert_eq!(map(Mode::Help, key(KeyCode::Tab)), None);
    // The first-start menu.
    assert_eq!(map(Mode::Menu, key(KeyCode::Char('q'))), Some(Action::Quit));
    assert_eq!(map(Mode::Menu, key(KeyCode::Char('k'))), Some(Action::Up));
    assert_eq!(map(Mode::Menu, key(KeyCode::Enter)), Some(Action::Enter));
    assert_eq!(map(Mode::Menu, key(KeyCode::Char('1'))), None);
    // A tab's keys work with Ctrl too (as they always did), digits choose a tab, Enter and Esc
    // do the usual where the view does not name them.
    assert_eq!(map(Mode::Browse, ctrl('n')), Some(Action::New));
    assert_eq!(map(Mode::Browse, ctrl('c')), Some(Action::Quit));
    assert_eq!(
        map(Mode::Run, key(KeyCode::Char('7'))),
        Some(Action::Tab(7))
    );
    let back_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(map(Mode::Stats, back_tab), Some(Action::PrevTab));
    assert_eq!(map(Mode::Stats, key(KeyCode::Enter)), Some(Action::Enter));
    assert_eq!(map(Mode::Coverage, key(KeyCode::Esc)), Some(Action::Back));
    assert_eq!(
        map(Mode::Today, key(KeyCode::Char('v'))),
        Some(Action::NextView)
    );
}
