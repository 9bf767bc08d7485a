//! The status bar: the last message (or what background work does, once it has run over half a
//! second) on the left, the hint of where the keyboard is on the right of the last line. A
//! message too long to fit beside the hint starts on the line above, broken at a word, and one
//! longer still ends at a word with "…" (a long list opens in a view of its own instead).

use crate::i18n::{Lang, Msg};
use crate::screens::Status;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// What the status bar shows.
pub struct Line<'a> {
    /// The last message.
    pub status: &'a Status,
    /// What background work does, when it has run over half a second.
    pub progress: Option<Msg>,
    /// The hint of the key table where the keyboard is ("" for none).
    pub hint: &'static str,
    /// The language.
    pub lang: Lang,
}

impl Line<'_> {
    fn text(&self) -> String {
        match self.progress {
            Some(what) => format!(" {} {}…", Msg::Busy.text(self.lang), what.text(self.lang)),
            None => format!(" {}", self.status.text),
        }
    }
}

/// One line, or two for a message that does not fit one beside the hint.
pub fn height(line: Line, width: u16) -> u16 {
    let needed = line.text().chars().count() + line.hint.chars().count() + 1;
    if needed > usize::from(width) {
        2
    } else {
        1
    }
}

/// Draws the bar in `area` (one or two lines high, as [`height`] said).
pub fn draw(frame: &mut Frame, area: Rect, line: Line) {
    let style = if line.status.error && line.progress.is_none() {
        Style::new().fg(Color::White).bg(Color::Red)
    } else {
        Style::new().fg(Color::Black).bg(Color::Gray)
    };
    let text = line.text();
    let (first, last) = match area.height {
        0 | 1 => (None, area),
        _ => {
            let [first, last] =
                Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
            (Some(first), last)
        }
    };
    let [msg, keys] = Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(line.hint.chars().count() as u16 + 1),
    ])
    .areas(last);
    let rest = match first {
        None => text,
        Some(first) => {
            let (top, rest) = crate::widgets::break_at_word(&text, usize::from(first.width));
            frame.render_widget(Paragraph::new(top).style(style), first);
            format!(" {}", rest.trim_start())
        }
    };
    let rest = crate::widgets::ellipsize_words(&rest, usize::from(msg.width));
    frame.render_widget(Paragraph::new(rest).style(style), msg);
    frame.render_widget(
        Paragraph::new(line.hint).style(Style::new().fg(Color::Black).bg(Color::Gray)),
        keys,
    );
}
