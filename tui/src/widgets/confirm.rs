//! A yes/no question as a popup.

use super::centered;
use crate::i18n::{Lang, Msg};
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

/// Draws the question centred in `body`, tall enough for the text when it wraps (a `\n` starts
/// a new line).
pub fn render(frame: &mut Frame, body: Rect, text: &str, lang: Lang) {
    let width = 60u16.min(body.width);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    // Each line of the text wraps on its own, with a spare line for word wrapping per line
    // that wraps (at least one).
    let parts: Vec<usize> = text.split('\n').map(|l| l.chars().count()).collect();
    let wrapped = parts.iter().filter(|n| **n > inner).count().max(1);
    let lines = parts
        .iter()
        .map(|n| n.div_ceil(inner).max(1))
        .sum::<usize>()
        + wrapped;
    let height = u16::try_from(lines + 3).unwrap_or(u16::MAX).max(7);
    let r = centered(body, width, height);
    frame.render_widget(Clear, r);
    let block = Block::bordered()
        .title(format!(" {} ", Msg::ConfirmTitle.text(lang)))
        .title_bottom(format!(" {} ", Msg::ConfirmHint.text(lang)));
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: true }),
        r,
    );
}
