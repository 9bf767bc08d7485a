//! Multi-line text in a form (notes, minutes, a motion, what was said in a review), edited with
//! ratatui-textarea's `TextArea`: the form's key table gives [`Action`]s, which become the
//! editor's [`Input`]s while a multi-line field has the focus. Enter makes a new line there, the
//! arrows move inside the text (up from the first line and down from the last leave the field,
//! as they do in a one-line field), Tab and Shift+Tab go to the next and previous field, Ctrl+S
//! saves. The box shows [`ROWS`] lines and scrolls with the cursor; long lines wrap at words.

use crate::keys::Action;
use ratatui::style::{Color, Modifier, Style};
use ratatui_textarea::{Input, Key, TextArea, WrapMode};

/// The lines a multi-line field shows.
pub const ROWS: u16 = 4;

/// An editor holding `text`, the cursor at its end.
pub(super) fn editor(text: &str) -> Box<TextArea<'static>> {
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut editor = TextArea::new(lines);
    editor.set_style(Style::new().bg(Color::DarkGray).fg(Color::White));
    editor.set_cursor_line_style(Style::new());
    editor.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
    editor.set_wrap_mode(WrapMode::Word);
    editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
    editor.move_cursor(ratatui_textarea::CursorMove::End);
    Box::new(editor)
}

/// The text an editor holds, its lines joined by line breaks.
pub(super) fn text(editor: &TextArea<'_>) -> String {
    editor.lines().join("\n")
}

/// What a key did in a multi-line field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Edit {
    /// The text or the cursor changed.
    Done,
    /// Up on the first line: to the field before.
    LeaveUp,
    /// Down on the last line: to the field after.
    LeaveDown,
}

/// The editor's input for a form's action; `None` for the actions the form handles itself (Tab,
/// Ctrl+S, Esc).
fn input(action: Action) -> Option<Input> {
    let key = match action {
        Action::Char(c) => Key::Char(c),
        Action::Enter => Key::Enter,
        Action::Backspace => Key::Backspace,
        Action::Delete => Key::Delete,
        Action::Left => Key::Left,
        Action::Right => Key::Right,
        Action::Up => Key::Up,
        Action::Down => Key::Down,
        Action::Home => Key::Home,
        Action::End => Key::End,
        _ => return None,
    };
    Some(Input {
        key,
        ..Input::default()
    })
}

/// Applies an action to the editor; `None` when it is not one for the editor.
pub(super) fn apply(editor: &mut TextArea<'_>, action: Action) -> Option<Edit> {
    let input = input(action)?;
    let row = editor.cursor().0;
    let last = editor.lines().len().saturating_sub(1);
    match action {
        Action::Up if row == 0 => return Some(Edit::LeaveUp),
        Action::Down if row >= last => return Some(Edit::LeaveDown),
        _ => {}
    }
    editor.input(input);
    Some(Edit::Done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enter_makes_a_line_and_the_arrows_move_inside_the_text() {
        let mut e = editor("Eerste");
        for action in [Action::Enter, Action::Char('t'), Action::Char('w')] {
            assert_eq!(apply(&mut e, action), Some(Edit::Done));
        }
        assert_eq!(text(&e), "Eerste\ntw");
        assert_eq!(apply(&mut e, Action::Down), Some(Edit::LeaveDown));
        assert_eq!(apply(&mut e, Action::Up), Some(Edit::Done));
        assert_eq!(apply(&mut e, Action::Home), Some(Edit::Done));
        apply(&mut e, Action::Delete);
        assert_eq!(text(&e), "erste\ntw");
        assert_eq!(apply(&mut e, Action::Up), Some(Edit::LeaveUp));
        assert_eq!(apply(&mut e, Action::NextField), None);
        assert_eq!(apply(&mut e, Action::Save), None);
        assert_eq!(
            text(&editor("a\n\tb")),
            "a\n\tb",
            "tabs and empty lines kept"
        );
    }
}
