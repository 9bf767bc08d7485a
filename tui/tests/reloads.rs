//! Reads that take long at 100,000 members run off the drawing thread: the tab keeps what it
//! showed until the read is back, two changes in a row end on the newest, and the audit log
//! says it is reading until its entries are in.

use kapstok::app::App;
use kapstok::i18n::{Lang, Msg};
use kapstok_core::members::MemberInput;
use kapstok_core::Kapstok;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::Terminal;

mod common;
use common::*;

const PW: &str = kapstok_testkit::PASSWORD;

/// A member last seen long ago: out of sight.
fn unseen(given: &str) -> MemberInput {
    MemberInput {
        last_contact: "01-01-2025".into(),
        ..kapstok_testkit::member(given, "", "Uitbeeld")
    }
}

fn store() -> (tempfile::TempDir, Kapstok, kapstok_core::Session) {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = kapstok_testkit::new_store(dir.path());
    admin.members().create(&unseen("Eerste")).unwrap();
    (dir, k, admin)
}

/// The screen as drawn now, without taking in finished work first.
fn drawn(app: &mut App) -> String {
    let mut t = Terminal::new(TestBackend::new(120, 30)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    t.backend().to_string()
}

fn out_of_sight(n: usize) -> String {
    kapstok::i18n::args::TodayOutOfSight { n: &n }.text(Lang::Nl)
}

#[test]
fn today_shows_a_change_once_its_read_is_back_and_ends_on_the_newest() {
    let (_dir, k, admin) = store();
    let mut app = log_in(&k, kapstok_testkit::ADMIN, PW, Lang::Nl);
    assert_eq!(app.tab(), Some(Msg::TabToday));
    assert!(screen(&mut app, 120, 30).contains(&out_of_sight(1)));

    // A change by another session: the tick starts the read, the old lines show meanwhile.
    admin.members().create(&unseen("Tweede")).unwrap();
    app.tick();
    assert!(drawn(&mut app).contains(&out_of_sight(1)));
    // A second change before the first read is in: the screen ends on the newest.
    admin.members().create(&unseen("Derde")).unwrap();
    app.tick();
    let s = screen(&mut app, 120, 30);
    assert!(s.contains(&out_of_sight(3)), "{s}");
    assert!(!app.busy());
    // What a fresh app on the store shows.
    let mut fresh = log_in(&k, kapstok_testkit::ADMIN, PW, Lang::Nl);
    assert_eq!(screen(&mut fresh, 120, 30).lines().nth(3), s.lines().nth(3));
}

#[test]
fn a_hidden_tab_reads_again_when_shown_and_keys_still_act() {
    let (_dir, k, admin) = store();
    let mut app = log_in(&k, kapstok_testkit::ADMIN, PW, Lang::Nl);
    key(&mut app, KeyCode::Char('1'));
    admin.members().create(&unseen("Tweede")).unwrap();
    app.tick();
    // Today is shown again: its read runs; its old lines show and keys act meanwhile.
    key(&mut app, KeyCode::Char('0'));
    assert!(drawn(&mut app).contains(&out_of_sight(1)));
    key(&mut app, KeyCode::Down);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains(&out_of_sight(2)), "{s}");
}

#[test]
fn the_audit_log_says_it_is_reading_until_its_entries_are_in() {
    let (_dir, k, _admin) = store();
    let mut app = log_in_to_first_tab(&k, kapstok_testkit::ADMIN, PW, Lang::Nl);
    key(&mut app, KeyCode::Char('L'));
    let s = drawn(&mut app);
    assert!(s.contains(Msg::ReadingAuditLog.text(Lang::Nl)), "{s}");
    assert!(!s.contains("member.create"), "{s}");
    let s = screen(&mut app, 120, 30);
    assert!(!s.contains(Msg::ReadingAuditLog.text(Lang::Nl)), "{s}");
    assert!(s.contains("member.create") && s.contains("member/1"), "{s}");
    // A filter reads again; Esc clears it and the whole log is back.
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "member/9");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 120, 30);
    assert!(!s.contains("member.create"), "{s}");
    key(&mut app, KeyCode::Esc);
    assert!(screen(&mut app, 120, 30).contains("member.create"));
}
