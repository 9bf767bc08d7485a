//! A ratatui [`Backend`] adapter that never lets a control character reach the terminal.
//!
//! Stored text (a name imported from a spreadsheet, a note) may hold ESC, BEL or other control
//! characters; drawn as they are, they would let the data set the terminal's title, move the
//! cursor or worse. Every screen draws through [`SafeBackend`], whose `draw` replaces each control
//! character in a cell's symbol with U+FFFD (kapstok-core's `printable`) before the wrapped
//! backend writes it. It is generic over the backend, so the same guard serves the local terminal
//! (crossterm) and a remote session's backend.

use kapstok_core::common::printable;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use std::borrow::Cow;

/// Wraps a backend; see the module documentation.
#[derive(Debug, Clone, Default)]
pub struct SafeBackend<B> {
    inner: B,
}

impl<B: Backend> SafeBackend<B> {
    /// The guard around `inner`.
    pub fn new(inner: B) -> SafeBackend<B> {
        SafeBackend { inner }
    }

    /// The wrapped backend.
    pub fn inner(&self) -> &B {
        &self.inner
    }

    /// The wrapped backend, to change.
    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }
}

/// The cell as it may go to a terminal: borrowed when it holds no control character.
fn safe_cell(cell: &Cell) -> Cow<'_, Cell> {
    match printable(cell.symbol()) {
        Cow::Borrowed(_) => Cow::Borrowed(cell),
        Cow::Owned(symbol) => {
            let mut safe = cell.clone();
            safe.set_symbol(&symbol);
            Cow::Owned(safe)
        }
    }
}

impl<B: Backend> Backend for SafeBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells: Vec<(u16, u16, Cow<'a, Cell>)> =
            content.map(|(x, y, c)| (x, y, safe_cell(c))).collect();
        self.inner
            .draw(cells.iter().map(|(x, y, c)| (*x, *y, c.as_ref())))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Paragraph;
    use ratatui::Terminal;

    #[test]
    fn no_control_character_reaches_the_backend() {
        let name = "Jan \x1b]0;pwned\x07 de Vries\u{9b}";
        let mut t = Terminal::new(SafeBackend::new(TestBackend::new(40, 2))).unwrap();
        // A widget may write a cell's symbol directly, past any filtering of text.
        t.draw(|f| {
            f.render_widget(Paragraph::new(name), f.area());
            f.buffer_mut()[(0, 1)].set_symbol("\x1b]0;pwned\x07");
            f.buffer_mut()[(1, 1)].set_symbol("\x07");
        })
        .unwrap();
        let buffer = t.backend().inner().buffer();
        let text: String = buffer.content().iter().map(|c| c.symbol()).collect();
        assert!(!text.chars().any(char::is_control), "{text:?}");
        assert!(
            text.contains("pwned") && text.contains("de Vries"),
            "{text:?}"
        );
    }
}
