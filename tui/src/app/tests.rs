//! The shell with work off the drawing thread that the test holds: keys act while it runs, and
//! quitting waits for work that writes but not for work that only reads.

use super::*;
use crate::screen::{Effect, Effects, Job};
use ratatui::crossterm::event::KeyCode;
use std::sync::mpsc::{channel, Sender};
use std::time::{Duration, Instant};

/// A logged-in app on a store with a few members, on the Today tab.
fn app(dir: &std::path::Path) -> App {
    let (k, admin) = kapstok_testkit::new_store(dir);
    for (given, surname) in [("Anna", "Aalders"), ("Bram", "Bakker"), ("Cor", "Cremer")] {
        let member = kapstok_testkit::member(given, "", surname);
        admin.members().create(&member).unwrap();
    }
    let mut app = App::new(k, Lang::Nl, Some(kapstok_testkit::ADMIN));
    for c in kapstok_testkit::PASSWORD.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(app.main.is_some(), "logged in");
    app
}

/// Work for the screen on the tab shown that runs until the test sends (or lets go of) the
/// sender; `writes` for work that writes.
fn hold(app: &mut App, writes: bool) -> Sender<()> {
    let (go, wait) = channel::<()>();
    let job = Job {
        what: Msg::BusyReload,
        work: Box::new(move |_, _| {
            let _ = wait.recv();
            Box::new(())
        }),
    };
    let effect = if writes {
        Effect::Spawn(job)
    } else {
        Effect::Read(job)
    };
    let main = app.main.as_deref_mut().unwrap();
    let tab = main.tab;
    main.apply(tab, Effects::one(effect), &app.k, app.lang, &mut app.status);
    assert!(app.busy());
    go
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// The screen drawn, as text (without taking in finished work: that is for a tick).
fn drawn(app: &mut App) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    t.backend().to_string()
}

#[test]
fn keys_act_while_work_runs() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let go = hold(&mut app, false);
    // Switching tabs and moving in the list while the work runs.
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.tab(), Some(Msg::TabMembers));
    let before = drawn(&mut app);
    assert!(before.contains("Aalders, Anna"), "{before}");
    press(&mut app, KeyCode::Down);
    assert_ne!(drawn(&mut app), before, "the selection moved");
    assert!(app.busy(), "the work still runs");
    assert!(
        app.tick(),
        "a tick while work runs asks for a frame (the progress line)"
    );
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
    go.send(()).unwrap();
    app.settle();
    assert!(!app.busy());
}

#[test]
fn quitting_does_not_wait_for_a_read_but_waits_for_a_write() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    // A read held for good: quitting is not held up by it.
    let read = hold(&mut app, false);
    let started = Instant::now();
    app.finish();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(app.busy(), "the read is left behind");

    // A write is waited for.
    let write = hold(&mut app, true);
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        write.send(()).unwrap();
    });
    let started = Instant::now();
    app.finish();
    assert!(
        started.elapsed() >= Duration::from_millis(250),
        "waited for the write"
    );
    release.join().unwrap();
    assert!(
        app.busy(),
        "the read still runs; only the write was waited for"
    );
    drop(read);
    app.settle();
    assert!(!app.busy());
}
