//! Key events from the bytes an SSH client sends: terminput's parser (crossterm's own, as a
//! library) fed byte by byte, never by matching whole packets. Two keys in one packet are two
//! events; an escape sequence split over two packets waits for its rest; a lone Esc is only an
//! Esc once [`ESC_WAIT`] has passed with nothing after it. UTF-8 text (Zoë, Ömer) comes through
//! as its characters. The events are crossterm's, so the key tables read them as they read the
//! local terminal's.

use ratatui::crossterm::event::Event;
use std::time::{Duration, Instant};

/// How long a lone Esc waits for the rest of an escape sequence (arrow keys over a slow link
/// arrive as Esc and `[A` in two packets).
pub const ESC_WAIT: Duration = Duration::from_millis(40);

/// The bytes of an event not yet complete.
#[derive(Debug, Default)]
pub struct Input {
    pending: Vec<u8>,
    /// When a lone Esc came in (it becomes an Esc key at `since + ESC_WAIT`).
    esc_since: Option<Instant>,
}

impl Input {
    /// The events in `bytes`, read after what was pending.
    pub fn feed(&mut self, bytes: &[u8], now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        for (i, &b) in bytes.iter().enumerate() {
            self.pending.push(b);
            let more = i + 1 < bytes.len();
            if self.pending == [0x1b] {
                // An Esc with more behind it starts a sequence; one at the end of a packet
                // waits a moment for the rest.
                if more {
                    continue;
                }
                self.esc_since = Some(now);
                continue;
            }
            self.esc_since = None;
            self.parse(&mut events);
        }
        events
    }

    /// An Esc that waited long enough with nothing after it: the Esc key.
    pub fn timeout(&mut self, now: Instant) -> Option<Event> {
        let since = self.esc_since?;
        if now.duration_since(since) < ESC_WAIT {
            return None;
        }
        self.esc_since = None;
        self.pending.clear();
        Some(Event::Key(ratatui::crossterm::event::KeyEvent::from(
            ratatui::crossterm::event::KeyCode::Esc,
        )))
    }

    /// How long until [`Input::timeout`] has an Esc to give, if one waits.
    pub fn waiting(&self, now: Instant) -> Option<Duration> {
        self.esc_since
            .map(|since| ESC_WAIT.saturating_sub(now.duration_since(since)))
    }

    fn parse(&mut self, events: &mut Vec<Event>) {
        match terminput::Event::parse_from(&self.pending) {
            // Incomplete: wait for more bytes.
            Ok(None) => {}
            Ok(Some(event)) => {
                self.pending.clear();
                if let Ok(event) = terminput_crossterm::to_crossterm(event) {
                    events.push(event);
                }
            }
            // Not an event any terminal sends: dropped, so one bad byte never blocks the rest.
            Err(_) => self.pending.clear(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn keys(events: &[Event]) -> Vec<KeyCode> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Key(KeyEvent { code, .. }) => Some(*code),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn utf8_names_and_two_keys_in_one_packet() {
        let mut input = Input::default();
        let now = Instant::now();
        let events = input.feed("zoë".as_bytes(), now);
        assert_eq!(
            keys(&events),
            [KeyCode::Char('z'), KeyCode::Char('o'), KeyCode::Char('ë')]
        );
        // Ö split over two packets.
        let bytes = "Ö".as_bytes();
        assert!(input.feed(&bytes[..1], now).is_empty());
        assert_eq!(keys(&input.feed(&bytes[1..], now)), [KeyCode::Char('Ö')]);
        // An arrow and a letter in one packet.
        assert_eq!(
            keys(&input.feed(b"\x1b[Bq", now)),
            [KeyCode::Down, KeyCode::Char('q')]
        );
    }

    #[test]
    fn an_escape_sequence_split_over_packets_is_one_key_and_a_lone_esc_waits() {
        let mut input = Input::default();
        let t0 = Instant::now();
        assert!(input.feed(b"\x1b", t0).is_empty());
        assert!(input.timeout(t0 + ESC_WAIT / 2).is_none());
        assert_eq!(keys(&input.feed(b"[A", t0 + ESC_WAIT / 2)), [KeyCode::Up]);
        assert!(
            input.timeout(t0 + ESC_WAIT * 2).is_none(),
            "no Esc left over"
        );

        assert!(input.feed(b"\x1b", t0).is_empty());
        assert_eq!(input.waiting(t0), Some(ESC_WAIT));
        let esc = input.timeout(t0 + ESC_WAIT).unwrap();
        assert_eq!(keys(&[esc]), [KeyCode::Esc]);
        assert_eq!(input.waiting(t0 + ESC_WAIT), None);
    }

    #[test]
    fn putty_and_application_cursor_keys() {
        let mut input = Input::default();
        let now = Instant::now();
        // PuTTY's Home/End (VT220 style), F1 (ESC [ 11 ~), application-mode arrows (ESC O A).
        let events = input.feed(b"\x1b[1~\x1b[4~\x1b[11~\x1bOA\x1bOD", now);
        assert_eq!(
            keys(&events),
            [
                KeyCode::Home,
                KeyCode::End,
                KeyCode::F(1),
                KeyCode::Up,
                KeyCode::Left
            ]
        );
        // Ctrl+C and Enter, Backspace as DEL.
        let events = input.feed(b"\x03\r\x7f", now);
        match &events[0] {
            Event::Key(k) => {
                assert_eq!(k.code, KeyCode::Char('c'));
                assert!(k.modifiers.contains(KeyModifiers::CONTROL));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(keys(&events[1..]), [KeyCode::Enter, KeyCode::Backspace]);
    }
}
