//! Forms through keys: text typed in a multi-line field keeps its line breaks through core.

use kapstok::i18n::Lang;
use kapstok_core::clock::FixedClock;
use kapstok_core::{demo, Kapstok};
use ratatui::crossterm::event::KeyCode;
use std::sync::Arc;

mod common;
use common::*;

#[test]
fn a_member_note_keeps_its_line_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::at_date(today()));
    let k = Kapstok::open_with_clock(&dir.path().join("store"), clock).unwrap();
    demo::fill(&k, 20, 2026).unwrap();
    let admin = k.login("beheer", demo::DEMO_PASSWORD).unwrap();
    let next = admin.members().list().unwrap().len() as u64 + 1;
    let mut app = log_in_to_first_tab(&k, "beheer", demo::DEMO_PASSWORD, Lang::Nl);
    key(&mut app, KeyCode::Char('n'));
    typ(&mut app, "Anouk");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "Visser");
    // Back from the surname past the first field: the notes, the last.
    for _ in 0..3 {
        key(&mut app, KeyCode::BackTab);
    }
    let s = screen(&mut app, 80, 40);
    assert!(s.contains("Enter: nieuwe regel"), "{s}");
    typ(&mut app, "belt liever niet");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "post via het kantoor");
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::End);
    typ(&mut app, "!");
    let s = screen(&mut app, 80, 40);
    assert!(s.contains("belt liever niet!"), "{s}");
    assert!(s.contains("post via het kantoor"), "{s}");
    // Tab leaves the field (to the first, round the end).
    key(&mut app, KeyCode::Tab);
    let s = screen(&mut app, 80, 40);
    assert!(!s.contains("Enter: nieuwe regel"), "{s}");
    assert!(s.contains("Ctrl+S opslaan"), "{s}");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 40);
    assert!(
        s.contains(&format!("Lid aangemaakt met nummer {next}")),
        "{s}"
    );
    let m = admin.members().get(next).unwrap();
    assert_eq!(m.name.surname, "Visser");
    assert_eq!(m.notes, "belt liever niet!\npost via het kantoor");
}
