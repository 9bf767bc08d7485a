//! What the TUI tests share: keys typed into the app, the screen drawn on a `TestBackend`, and
//! from the shared test kit (`kapstok-testkit`) the fixed day the tests' clock stands on, stores
//! with a user per role or the demo, and sample members, institutions, agreements, courses and
//! meetings.
#![allow(dead_code, unused_imports)] // each test file uses its own selection

use chrono::NaiveDate;
use kapstok::app::App;
use kapstok::i18n::Lang;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;

pub use kapstok_testkit::{
    add_member, add_user, clock, course, demo_store, detain, expert_member, lelystad,
    member_since_2020, new_store_with_users, signed, skill, slot, stay, today,
};

/// A key press.
pub fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Ctrl and a letter.
pub fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// Types text, one key a character.
pub fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The app drawn at a size, as text ("" for an empty size, which TestBackend cannot print).
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    // What runs off the drawing thread (a PDF, a reload at size) is taken in first.
    app.settle();
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    if w == 0 || h == 0 {
        return String::new();
    }
    t.backend().to_string()
}

/// The app on `k`, logged in as `user`: on the start screen (Today, tab 0).
pub fn log_in(k: &kapstok_core::Kapstok, user: &str, password: &str, lang: Lang) -> App {
    let mut app = App::new(k.clone(), lang, Some(user));
    typ(&mut app, password);
    key(&mut app, KeyCode::Enter);
    app
}

/// Logged in and on the first area tab (tab 1: the register, or BaseMail for a volunteer).
pub fn log_in_to_first_tab(
    k: &kapstok_core::Kapstok,
    user: &str,
    password: &str,
    lang: Lang,
) -> App {
    let mut app = log_in(k, user, password, lang);
    key(&mut app, KeyCode::Char('1'));
    app
}

/// A date, day first.
pub fn date(d: u32, m: u32, y: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}
