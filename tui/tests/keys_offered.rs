//! Which keys act and which are offered: below 80 x 24 only `q` and Ctrl+C act; every tab's
//! status line shows the same help hint, from the key table; each role's help and hints offer
//! only the keys its permissions (as core says) let it use.

use kapstok::app::App;
use kapstok::i18n::Lang;
use kapstok::i18n::Msg;
use kapstok::keys::{self, Mode};
use kapstok_core::{demo, Kapstok};
use ratatui::crossterm::event::{Event, KeyCode};

mod common;
use common::*;

fn store() -> (tempfile::TempDir, Kapstok) {
    let dir = tempfile::tempdir().unwrap();
    let k = demo_store(dir.path());
    (dir, k)
}

const USERS: [&str; 3] = ["beheer", "coordinator", "vrijwilliger"];

#[test]
fn below_80_by_24_nothing_is_typed_and_no_tab_changes() {
    let (_dir, k) = store();
    // A login typed blind at 10 x 3, with tab digits, help, Tab and Esc (which quits the login).
    let mut app = App::new(k.clone(), Lang::Nl, None);
    assert!(screen(&mut app, 80, 24).contains("Inloggen"));
    screen(&mut app, 10, 3);
    typ(&mut app, "beheer");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, demo::DEMO_PASSWORD);
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "3?6");
    key(&mut app, KeyCode::Esc);
    assert!(!app.quit, "Esc quit the login unseen");
    assert_eq!(app.tab(), None, "logged in blind");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Inloggen"), "{s}");
    assert!(!s.contains("beheer"), "the user name was typed blind:\n{s}");
    assert!(!s.contains("•"), "the password was typed blind:\n{s}");

    // Logged in, on Today: digits, Tab, help, `v` and Enter at a too small window do nothing.
    let mut app = log_in(&k, "beheer", demo::DEMO_PASSWORD, Lang::Nl);
    assert_eq!(app.tab(), Some(Msg::TabToday));
    assert!(screen(&mut app, 10, 3).contains("Venster"));
    for code in [
        KeyCode::Char('3'),
        KeyCode::Tab,
        KeyCode::Char('?'),
        KeyCode::Char('v'),
        KeyCode::Enter,
        KeyCode::Down,
    ] {
        key(&mut app, code);
    }
    assert_eq!((app.tab(), app.mode()), (Some(Msg::TabToday), Mode::Today));
    let s = screen(&mut app, 80, 24);
    assert!(!s.contains("Esc of ? sluit"), "help opened unseen:\n{s}");
    assert!(s.contains("Vandaag, 23-11-2026"), "{s}");

    // A popup open (help): keys at a too small window leave it as it was.
    key(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode(), Mode::Help);
    screen(&mut app, 79, 24);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Help);
    assert!(screen(&mut app, 80, 24).contains("Esc of ? sluit"));
    key(&mut app, KeyCode::Esc);

    // A resize counts before the next frame: keys queued behind it are judged at its size.
    app.handle_event(&Event::Resize(80, 23));
    key(&mut app, KeyCode::Char('1'));
    assert_eq!(app.tab(), Some(Msg::TabToday));
    app.handle_event(&Event::Resize(80, 24));
    key(&mut app, KeyCode::Char('1'));
    assert_eq!(app.tab(), Some(Msg::TabMembers));

    // In the member form `q` is text; at a too small window it quits, as Ctrl+C does.
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::Form);
    screen(&mut app, 80, 24);
    key(&mut app, KeyCode::Char('q'));
    assert!(!app.quit);
    screen(&mut app, 40, 10);
    key(&mut app, KeyCode::Char('q'));
    assert!(app.quit, "q at a too small window quits");
    app.quit = false;
    ctrl(&mut app, 'c');
    assert!(app.quit, "Ctrl+C at a too small window quits");

    // And on the login form.
    let mut app = App::new(k.clone(), Lang::Nl, None);
    screen(&mut app, 10, 3);
    key(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

/// Each view of each tab the user has, in turn: `visit(app, tab)` on every one (five `v`s per
/// tab reach every view, the most a tab has), then back on Today.
fn every_view(app: &mut App, mut visit: impl FnMut(&mut App)) -> usize {
    let mut seen = 0;
    loop {
        for _ in 0..5 {
            visit(app);
            seen += 1;
            key(app, KeyCode::Char('v'));
        }
        // Back to the tab's first view where `v` went elsewhere (the figures).
        if app.mode() == Mode::Figures {
            key(app, KeyCode::Char('v'));
        }
        key(app, KeyCode::Tab);
        if app.tab() == Some(Msg::TabToday) {
            return seen;
        }
    }
}

#[test]
fn every_tab_of_every_role_shows_the_help_hint() {
    let (_dir, k) = store();
    for (user, lang, hint) in [
        ("beheer", Lang::Nl, "? hulp · q stoppen"),
        ("coordinator", Lang::Nl, "? hulp · q stoppen"),
        ("vrijwilliger", Lang::Nl, "? hulp · q stoppen"),
        ("beheer", Lang::En, "? help · q quit"),
    ] {
        let mut app = log_in(&k, user, demo::DEMO_PASSWORD, lang);
        let check = |app: &mut App| {
            let s = screen(app, 100, 30);
            let status = s.lines().last().unwrap_or_default().trim_matches('"');
            assert!(
                status.trim_end().ends_with(hint),
                "{user} on {:?} ({:?}): {status}",
                app.tab(),
                app.mode()
            );
        };
        let views = every_view(&mut app, check);
        assert!(views >= 10, "{user}: {views}");
        if user == "beheer" {
            // The audit log and the retention list, over the register; `?` opens their help.
            key(&mut app, KeyCode::Char('1'));
            key(&mut app, KeyCode::Char('L'));
            for mode in [Mode::Audit, Mode::Retention] {
                assert_eq!(app.mode(), mode);
                check(&mut app);
                key(&mut app, KeyCode::Char('?'));
                assert_eq!(app.mode(), Mode::Help, "{mode:?}");
                key(&mut app, KeyCode::Esc);
                key(&mut app, KeyCode::Char('v'));
            }
        }
    }
}

/// The help line of a binding as the help popup draws it (the start of it: a long one is cut at
/// the popup's edge).
fn help_line(b: &keys::HelpLine, lang: Lang) -> String {
    format!("{:>14}  {}", b.keys, b.help.text(lang))
        .chars()
        .take(40)
        .collect()
}

#[test]
fn each_role_is_offered_only_the_keys_it_may_use() {
    let (_dir, k) = store();
    let lang = Lang::En;
    for user in USERS {
        let session = k.login(user, demo::DEMO_PASSWORD).unwrap();
        let mut app = log_in(&k, user, demo::DEMO_PASSWORD, lang);
        let (mut offered, mut refused) = (0, 0);
        every_view(&mut app, |app| {
            let mode = app.mode();
            let view = screen(app, 100, 60);
            key(app, KeyCode::Char('?'));
            let help = screen(app, 100, 60);
            key(app, KeyCode::Esc);
            for b in keys::help(mode, |_| true) {
                let may = b.needs.is_none_or(|p| session.can(p));
                let line = help_line(&b, lang);
                if may {
                    offered += 1;
                    assert!(help.contains(&line), "{user} {mode:?}: {line}\n{help}");
                } else {
                    refused += 1;
                    assert!(!help.contains(&line), "{user} {mode:?}: {line}\n{help}");
                }
            }
            // The hints on the screen itself.
            if !session.can(kapstok_core::Permission::MembersRead) {
                assert!(!view.contains("year's figures"), "{user} {mode:?}\n{view}");
            }
            if !session.can(kapstok_core::Permission::MeetingsManage) {
                assert!(!view.contains("a arrives"), "{user} {mode:?}\n{view}");
            }
        });
        match user {
            "beheer" => assert_eq!(refused, 0, "the administrator may do everything"),
            _ => assert!(refused > 0 && offered > 0, "{user}: {offered} {refused}"),
        }
    }
}

#[test]
fn a_volunteers_v_on_today_does_nothing_and_the_figures_stay_shut() {
    let (_dir, k) = store();
    let mut app = log_in(&k, "vrijwilliger", demo::DEMO_PASSWORD, Lang::Nl);
    let before = screen(&mut app, 80, 24);
    assert!(!before.contains("jaarcijfers"), "{before}");
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Today);
    assert_eq!(screen(&mut app, 80, 24), before);
    // The coordinator is offered the figures, and `v` opens them.
    let mut app = log_in(&k, "coordinator", demo::DEMO_PASSWORD, Lang::Nl);
    assert!(screen(&mut app, 80, 24).contains("v jaarcijfers"));
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Figures);
}
