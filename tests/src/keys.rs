//! Key presses as a terminal sends them.

/// A key press, as [`Tui::key`] sends it to the terminal (xterm encoding).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Return: `\r`.
    Enter,
    /// Escape: `ESC`. A terminal library cannot tell a lone `ESC` followed
    /// quickly by more input from an Alt-combination, so wait for the
    /// screen to react before sending the next key.
    Esc,
    /// Tab: `\t`.
    Tab,
    /// Shift+Tab: `ESC [ Z`.
    BackTab,
    /// Cursor up: `ESC [ A`.
    Up,
    /// Cursor down: `ESC [ B`.
    Down,
    /// Cursor right: `ESC [ C`.
    Right,
    /// Cursor left: `ESC [ D`.
    Left,
    /// Backspace: `DEL` (0x7f), as xterm sends it.
    Backspace,
    /// Delete: `ESC [ 3 ~`.
    Delete,
    /// Insert: `ESC [ 2 ~`.
    Insert,
    /// Home: `ESC [ H`.
    Home,
    /// End: `ESC [ F`.
    End,
    /// Page up: `ESC [ 5 ~`.
    PageUp,
    /// Page down: `ESC [ 6 ~`.
    PageDown,
    /// Function key F1..=F12.
    F(u8),
    /// Control plus a letter or one of `@[\]^_ ` (e.g. `Ctrl('c')` is 0x03).
    Ctrl(char),
    /// A plain character, UTF-8 encoded.
    Char(char),
}

impl Key {
    /// The bytes the terminal sends for this key.
    ///
    /// # Panics
    ///
    /// For `F(n)` outside 1..=12 and `Ctrl(c)` with a character that has no
    /// control code.
    pub fn bytes(self) -> Vec<u8> {
        let s: &str = match self {
            Key::Enter => "\r",
            Key::Esc => "\x1b",
            Key::Tab => "\t",
            Key::BackTab => "\x1b[Z",
            Key::Up => "\x1b[A",
            Key::Down => "\x1b[B",
            Key::Right => "\x1b[C",
            Key::Left => "\x1b[D",
            Key::Backspace => "\x7f",
            Key::Delete => "\x1b[3~",
            Key::Insert => "\x1b[2~",
            Key::Home => "\x1b[H",
            Key::End => "\x1b[F",
            Key::PageUp => "\x1b[5~",
            Key::PageDown => "\x1b[6~",
            Key::F(n) => match n {
                1 => "\x1bOP",
                2 => "\x1bOQ",
                3 => "\x1bOR",
                4 => "\x1bOS",
                5 => "\x1b[15~",
                6 => "\x1b[17~",
                7 => "\x1b[18~",
                8 => "\x1b[19~",
                9 => "\x1b[20~",
                10 => "\x1b[21~",
                11 => "\x1b[23~",
                12 => "\x1b[24~",
                _ => panic!("Key::F({n}): only F1..=F12 are supported"),
            },
            Key::Ctrl(c) => {
                let code = match c {
                    ' ' | '@' => 0,
                    c if c.is_ascii_alphabetic() => (c.to_ascii_lowercase() as u8) & 0x1f,
                    '[' | '\\' | ']' | '^' | '_' => (c as u8) & 0x1f,
                    _ => panic!("Key::Ctrl({c:?}) has no control code"),
                };
                return vec![code];
            }
            Key::Char(c) => return c.to_string().into_bytes(),
        };
        s.as_bytes().to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_bytes() {
        assert_eq!(Key::Enter.bytes(), b"\r");
        assert_eq!(Key::BackTab.bytes(), b"\x1b[Z");
        assert_eq!(Key::Ctrl('c').bytes(), [3]);
        assert_eq!(Key::Ctrl('C').bytes(), [3]);
        assert_eq!(Key::Ctrl('[').bytes(), [0x1b]);
        assert_eq!(Key::F(5).bytes(), b"\x1b[15~");
        assert_eq!(Key::Char('é').bytes(), "é".as_bytes());
    }
}
