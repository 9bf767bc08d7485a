//! Stored control characters never reach the terminal: a member whose name holds an escape
//! sequence that sets the terminal's title (as an old store or an import may hold it, written
//! here through the store's record API past any input validation) is listed by the CLI without
//! an ESC or BEL byte, its tab-separated columns intact, and drawn by the TUI through
//! `SafeBackend` without a control character in any cell.

use kapstok::i18n::Lang;
use kapstok::safe_backend::SafeBackend;
use kapstok_core::members::{Member, MemberInput};
use kapstok_core::store::Store;
use kapstok_core::Kapstok;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::Terminal;
use std::process::Command;

mod common;
use common::*;

const PW: &str = "geheim-wachtwoord";
const EVIL: &str = "\x1b]0;pwned\x07";

/// A store with one member whose surname and known-as name hold `EVIL` and a tab.
fn store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let k = Kapstok::open(&path).unwrap();
        let admin = k.setup("beheer", PW).unwrap();
        admin
            .members()
            .create(&MemberInput {
                given: "Jan".into(),
                surname: "Vries".into(),
                address_kind: "care_of".into(),
                joined: "01-01-2020".into(),
                ..MemberInput::default()
            })
            .unwrap();
    }
    let (store, _) = Store::open(&path).unwrap();
    let (id, mut member) = store.scan::<Member>().unwrap().remove(0);
    member.name.surname = format!("Vries{EVIL}");
    member.known_as = format!("J\tde{EVIL}\u{9b}31m");
    store.transact(|tx| tx.put(id, &member)).unwrap();
    store.flush().unwrap();
    drop(store);
    (dir, path)
}

#[test]
fn the_cli_lists_a_name_with_an_escape_sequence_without_control_bytes() {
    let (_dir, path) = store();
    let out = Command::new(env!("CARGO_BIN_EXE_kapstok"))
        .args(["--db", path.to_str().unwrap(), "members", "list"])
        .args(["--user", "beheer"])
        .env("KAPSTOK_PASSWORD", PW)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text:?}");
    assert!(!text.contains('\u{9b}'), "no C1 control either: {text:?}");
    assert!(
        text.contains("pwned"),
        "the rest of the name is shown: {text:?}"
    );
    // Five columns: the tab inside the known-as name is no separator.
    let line = text.lines().next().unwrap();
    assert_eq!(line.split('\t').count(), 5, "{line:?}");
}

#[test]
fn the_tui_draws_the_name_without_control_characters() {
    let (_dir, path) = store();
    let k = Kapstok::open(&path).unwrap();
    let mut app = log_in_to_first_tab(&k, "beheer", PW, Lang::Nl);
    let mut t = Terminal::new(SafeBackend::new(TestBackend::new(120, 30))).unwrap();
    for k in [None, Some(KeyCode::Enter)] {
        if let Some(k) = k {
            key(&mut app, k);
        }
        t.draw(|f| app.draw(f)).unwrap();
        let cells = t.backend().inner().buffer().content();
        let text: String = cells.iter().map(|c| c.symbol()).collect();
        assert!(text.contains("Vries"), "{text}");
        let bad: Vec<&str> = cells
            .iter()
            .map(|c| c.symbol())
            .filter(|s| s.chars().any(char::is_control))
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
    }
}
