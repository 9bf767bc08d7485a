//! The help: the keys of where the keyboard is, from the same table that dispatches them
//! ([`crate::keys`]), only those the role may use.

use super::{Layer, Next};
use crate::i18n::Msg;
use crate::keys::{self, Action, Mode};
use crate::screen::{Cx, Effects};
use crate::widgets::centered;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;
use std::any::Any;

/// The help of a mode, scrolled down this many lines.
pub struct HelpLayer {
    mode: Mode,
    scroll: u16,
}

impl HelpLayer {
    /// The help of `mode`.
    pub fn new(mode: Mode) -> HelpLayer {
        HelpLayer { mode, scroll: 0 }
    }

    /// The help's lines: key and what it does.
    pub fn lines(mode: Mode, cx: &Cx) -> Vec<Line<'static>> {
        keys::help(mode, |p| cx.session.can(p))
            .map(|b| {
                Line::from(vec![
                    Span::styled(format!("{:>14}  ", b.keys), Style::new().fg(Color::Yellow)),
                    Span::raw(b.help.text(cx.lang)),
                ])
            })
            .collect()
    }
}

impl Layer for HelpLayer {
    fn mode(&self) -> Mode {
        Mode::Help
    }

    fn handle(mut self: Box<Self>, action: Action, _: &mut dyn Any, cx: &Cx) -> (Next, Effects) {
        match action {
            Action::Back => return (None, Effects::none()),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => {
                let most = keys::help(self.mode, |p| cx.session.can(p)).count() as u16;
                self.scroll = self.scroll.saturating_add(1).min(most);
            }
            _ => {}
        }
        (Some(self), Effects::none())
    }

    fn render(&self, frame: &mut Frame, body: Rect, cx: &Cx) {
        let lines = HelpLayer::lines(self.mode, cx);
        // As wide as the longest line (at least 64, at most the window); a line longer still
        // wraps rather than being cut.
        let widest = lines.iter().map(|l| l.width()).max().unwrap_or(0) as u16 + 2;
        let width = widest.clamp(64, body.width.max(1));
        let inner = usize::from(width.saturating_sub(2)).max(1);
        let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
        let r = centered(body, width, rows as u16 + 2);
        frame.render_widget(Clear, r);
        let block = Block::bordered()
            .title(format!(" {} ", cx.t(Msg::HelpTitle)))
            .title_bottom(format!(" {} ", cx.t(Msg::HelpClose)));
        let most = (rows as u16).saturating_sub(r.height.saturating_sub(2));
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false })
                .scroll((self.scroll.min(most), 0)),
            r,
        );
    }
}
