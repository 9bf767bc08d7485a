//! A scrolling view of lines: a record's detail, a long list (the convocation's unreachable
//! members, the retention list) that does not fit the status line.

use super::{Layer, Next};
use crate::i18n::Msg;
use crate::keys::{Action, Mode};
use crate::screen::{Cx, Effects};
use crate::widgets::centered;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;
use std::any::Any;

/// Lines under a title, scrolled with the arrows and PgUp/PgDn, closed with Esc.
pub struct DetailLayer {
    title: String,
    lines: Vec<Line<'static>>,
    scroll: u16,
    width: u16,
}

impl DetailLayer {
    /// The lines under a title.
    pub fn new(title: impl Into<String>, lines: Vec<Line<'static>>) -> DetailLayer {
        DetailLayer {
            title: title.into(),
            lines,
            scroll: 0,
            width: 76,
        }
    }

    /// As wide as `width` columns at most.
    pub fn width(mut self, width: u16) -> DetailLayer {
        self.width = width;
        self
    }

    /// The lines shown (for tests).
    pub fn lines(&self) -> &[Line<'static>] {
        &self.lines
    }
}

impl Layer for DetailLayer {
    fn mode(&self) -> Mode {
        Mode::Help
    }

    fn handle(mut self: Box<Self>, action: Action, _: &mut dyn Any, _: &Cx) -> (Next, Effects) {
        let most = u16::try_from(self.lines.len()).unwrap_or(u16::MAX);
        match action {
            Action::Back => return (None, Effects::none()),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = (self.scroll + 1).min(most),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll = (self.scroll + 10).min(most),
            _ => {}
        }
        (Some(self), Effects::none())
    }

    fn render(&self, frame: &mut Frame, body: Rect, cx: &Cx) {
        let r = centered(body, self.width, body.height.saturating_sub(2));
        frame.render_widget(Clear, r);
        let block = Block::bordered()
            .title(format!(" {} ", self.title))
            .title_bottom(format!(" {} ", cx.t(Msg::HelpClose)));
        frame.render_widget(
            Paragraph::new(self.lines.clone())
                .block(block)
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0)),
            r,
        );
    }
}
