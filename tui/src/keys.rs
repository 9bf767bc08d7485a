//! Keys to actions, per mode. The same table produces the help popup, so the help cannot drift
//! from the real bindings.

use crate::i18n::Msg;
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
    /// The help popup.
    Help,
    /// Choosing from a menu (the first-start screen).
    Menu,
}

/// Everything a user can do, as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Quit (asks first when logged in).
    Quit,
    /// Open the help popup.
    Help,
    /// Close the popup / go back.
    Back,
    /// Next tab.
    NextTab,
    /// Previous tab.
    PrevTab,
    /// Tab by number (0-based).
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
}

/// How a key is shown in the help.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The mode it works in.
    pub mode: Mode,
    /// The key as shown.
    pub keys: &'static str,
    /// What it does.
    pub help: Msg,
}

/// The bindings shown in the help, per mode. [`map`] below is the single source of what the
/// keys do; a test checks that every key shown here maps to an action.
pub const BINDINGS: &[Binding] = &[
    Binding {
        mode: Mode::Browse,
        keys: "↑/↓ j/k",
        help: Msg::KeyMove,
    },
    Binding {
        mode: Mode::Browse,
        keys: "PgUp/PgDn",
        help: Msg::KeyPage,
    },
    Binding {
        mode: Mode::Browse,
        keys: "Home/End",
        help: Msg::KeyHomeEnd,
    },
    Binding {
        mode: Mode::Browse,
        keys: "/",
        help: Msg::KeyFilter,
    },
    Binding {
        mode: Mode::Browse,
        keys: "Enter",
        help: Msg::KeyOpen,
    },
    Binding {
        mode: Mode::Browse,
        keys: "n",
        help: Msg::KeyNew,
    },
    Binding {
        mode: Mode::Browse,
        keys: "e",
        help: Msg::KeyEdit,
    },
    Binding {
        mode: Mode::Browse,
        keys: "s",
        help: Msg::KeyStatus,
    },
    Binding {
        mode: Mode::Browse,
        keys: "c",
        help: Msg::KeyContact,
    },
    Binding {
        mode: Mode::Browse,
        keys: "Tab/Shift+Tab",
        help: Msg::KeyNextTab,
    },
    Binding {
        mode: Mode::Browse,
        keys: "1-9",
        help: Msg::KeyTabN,
    },
    Binding {
        mode: Mode::Browse,
        keys: "?",
        help: Msg::KeyHelp,
    },
    Binding {
        mode: Mode::Browse,
        keys: "Esc",
        help: Msg::KeyBack,
    },
    Binding {
        mode: Mode::Browse,
        keys: "q",
        help: Msg::KeyQuit,
    },
];

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
        Mode::Browse => common.or(match key.code {
            KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Char('j') => Some(Action::Down),
            KeyCode::Home => Some(Action::Home),
            KeyCode::End => Some(Action::End),
            KeyCode::Char('/') => Some(Action::Filter),
            KeyCode::Enter => Some(Action::Enter),
            KeyCode::Char('n') => Some(Action::New),
            KeyCode::Char('e') => Some(Action::Edit),
            KeyCode::Char('s') => Some(Action::Status),
            KeyCode::Char('c') => Some(Action::Contact),
            KeyCode::Tab => Some(Action::NextTab),
            KeyCode::BackTab => Some(Action::PrevTab),
            KeyCode::Char(c @ '1'..='9') => Some(Action::Tab(c as usize - '1' as usize)),
            KeyCode::Char('?') => Some(Action::Help),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => None,
        }),
        Mode::Filter => common.or(match key.code {
            KeyCode::Enter => Some(Action::Enter),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Char(c) if !ctrl => Some(Action::Char(c)),
            _ => None,
        }),
        Mode::Form => match key.code {
            KeyCode::Char('s') if ctrl => Some(Action::Save),
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
        Mode::Confirm => match key.code {
            KeyCode::Char('j' | 'J' | 'y' | 'Y') | KeyCode::Enter => Some(Action::Yes),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::No),
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

/// The help lines for a mode: key and description.
pub fn help(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.mode == mode)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn first_key(keys: &str) -> KeyEvent {
        let word = match keys {
            "/" => "/",
            _ => keys.split(['/', ' ']).next().unwrap_or(keys),
        };
        match word {
            "↑" => key(KeyCode::Up),
            "PgUp" => key(KeyCode::PageUp),
            "Home" => key(KeyCode::Home),
            "Enter" => key(KeyCode::Enter),
            "Tab" => key(KeyCode::Tab),
            "Esc" => key(KeyCode::Esc),
            "1-9" => key(KeyCode::Char('1')),
            w if w.chars().count() == 1 => key(KeyCode::Char(w.chars().next().unwrap_or(' '))),
            other => panic!("help names a key the test does not know: {other}"),
        }
    }

    #[test]
    fn every_key_in_the_help_does_something() {
        for b in BINDINGS {
            assert!(
                map(b.mode, first_key(b.keys)).is_some(),
                "{} in {:?}",
                b.keys,
                b.mode
            );
        }
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
