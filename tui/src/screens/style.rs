//! The styles the tabs share, so a label or a selection looks the same on every tab.

use crate::i18n::{Lang, Msg};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;

/// A field's label before its value: "Status: ".
pub(crate) fn label(m: Msg, lang: Lang) -> Span<'static> {
    Span::styled(format!("{}: ", m.text(lang)), Style::new().fg(Color::Cyan))
}

/// Bold text.
pub(crate) fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// Text that steps back (hints, ended things).
pub(crate) fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// Something wrong or refused.
pub(crate) fn red() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// Something done or adopted.
pub(crate) fn green() -> Style {
    Style::new().fg(Color::Green)
}

/// The selected row.
pub(crate) fn highlight() -> Style {
    Style::new().bg(Color::Blue).fg(Color::White)
}
