//! A person's data in the TUI: export from the register, erasure confirmed by typing the member
//! number and the word `wissen` (naming the backups), the audit log with its filter, the retention list anonymised in one action, and a
//! coordinator refused.

use kapstok::app::App;
use kapstok::i18n::Lang;
use kapstok_core::members::{MemberInput, Status};
use kapstok_core::{Kapstok, Role};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::*;

const PW: &str = "geheim-wachtwoord";

struct Fixture {
    dir: tempfile::TempDir,
    k: Kapstok,
    ex: u64,
    gone_long: u64,
}

fn member(given: &str, surname: &str) -> MemberInput {
    MemberInput {
        given: given.into(),
        surname: surname.into(),
        address_kind: "care_of".into(),
        joined: "01-01-2020".into(),
        notes: format!("notitie over {surname}"),
        ..MemberInput::default()
    }
}

/// An active member, an ex-member who left this year and one who left three years ago.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let k = kapstok_testkit::open(&dir.path().join("store"));
    let admin = k.setup("beheer", PW).unwrap();
    add_user(&admin, Role::Coordinator, PW);
    let m = admin.members();
    m.create(&member("Anna", "Blijft")).unwrap();
    let ex = m
        .create(&member("Xandrijn", "Quibblewort"))
        .unwrap()
        .member
        .number;
    let gone_long = m
        .create(&member("Oud", "Vertrokken"))
        .unwrap()
        .member
        .number;
    for (n, on) in [(ex, date(1, 6, 2026)), (gone_long, date(1, 1, 2023))] {
        m.change_status(
            n,
            Status::Ended {
                reason: "opgezegd".into(),
            },
            on,
        )
        .unwrap();
    }
    Fixture {
        dir,
        k,
        ex,
        gone_long,
    }
}

fn login(f: &Fixture, user: &str) -> App {
    let mut app = App::new(f.k.clone(), Lang::Nl, Some(user));
    typ(&mut app, PW);
    key(&mut app, KeyCode::Enter);
    // From the Today tab to the register.
    key(&mut app, KeyCode::Char('1'));
    app
}

fn find(app: &mut App, text: &str) {
    key(app, KeyCode::Char('/'));
    typ(app, text);
    key(app, KeyCode::Enter);
}

#[test]
fn export_and_erase_from_the_register_wants_the_number_and_the_word_typed() {
    let f = fixture();
    let mut app = login(&f, "beheer");
    find(&mut app, "quibble");
    key(&mut app, KeyCode::Char('x'));
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Gegevens van lid 2 opgeslagen"), "{s}");
    let files: Vec<String> = std::fs::read_dir(f.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("lid-2-gegevens"))
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    let json = files.iter().find(|n| n.ends_with(".json")).unwrap();
    let text = std::fs::read_to_string(f.dir.path().join(json)).unwrap();
    assert!(text.contains("Quibblewort"));

    // The first step wants the member number typed: Enter, y and j are no yes, a wrong number
    // says so and changes nothing, Esc cancels.
    key(&mut app, KeyCode::Char('D'));
    let s = screen(&mut app, 120, 30);
    assert!(
        s.contains("Alle persoonsgegevens van Xandrijn Quibblewort (2) wissen?"),
        "{s}"
    );
    assert!(s.contains("Typ 2 en druk op Enter"), "{s}");
    for k in [
        KeyCode::Enter,
        KeyCode::Char('j'),
        KeyCode::Char('y'),
        KeyCode::Enter,
    ] {
        key(&mut app, k);
    }
    typ(&mut app, "3");
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("U typte '3', niet 2"), "{s}");
    key(&mut app, KeyCode::Esc);
    assert!(screen(&mut app, 120, 30).contains("Afgebroken"));
    // Esc at the last check: nothing erased either.
    key(&mut app, KeyCode::Char('D'));
    typ(&mut app, "2");
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Laatste controle"), "{s}");
    assert!(s.contains("store-backups"), "the backups are named: {s}");
    assert!(s.contains("Typ wissen"), "{s}");
    for k in [KeyCode::Enter, KeyCode::Char('j'), KeyCode::Enter] {
        key(&mut app, k);
    }
    key(&mut app, KeyCode::Esc);
    let admin = f.k.login("beheer", PW).unwrap();
    assert!(admin.privacy().erasure(f.ex).unwrap().is_none());

    key(&mut app, KeyCode::Char('D'));
    typ(&mut app, "2");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "wissen");
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("1 gewist"), "{s}");
    assert!(!s.contains("Quibblewort"), "{s}");
    assert!(admin.privacy().erasure(f.ex).unwrap().is_some());
    assert_eq!(admin.members().get(f.ex).unwrap().notes, "");

    // Erasing again erases nothing more and makes the store's rewrite due again, and says so.
    key(&mut app, KeyCode::Esc);
    find(&mut app, "2");
    key(&mut app, KeyCode::Char('D'));
    typ(&mut app, "2");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "wissen");
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("was al gewist"), "{s}");
    assert!(kapstok_core::privacy::rewrite_due(&f.k).unwrap());
}

#[test]
fn erasing_in_english_types_the_english_word() {
    let f = fixture();
    let mut app = App::new(f.k.clone(), Lang::En, Some("beheer"));
    typ(&mut app, PW);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('1'));
    find(&mut app, "quibble");
    key(&mut app, KeyCode::Char('D'));
    typ(&mut app, "2");
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Type erase and press Enter"), "{s}");
    assert!(s.contains("Backups written before"), "{s}");
    typ(&mut app, "wis");
    key(&mut app, KeyCode::Enter);
    let admin = f.k.login("beheer", PW).unwrap();
    assert!(admin.privacy().erasure(f.ex).unwrap().is_none());
    typ(&mut app, "erase");
    key(&mut app, KeyCode::Enter);
    assert!(admin.privacy().erasure(f.ex).unwrap().is_some());
}

#[test]
fn the_audit_log_filters_and_the_retention_list_anonymises() {
    let f = fixture();
    let mut app = login(&f, "beheer");
    key(&mut app, KeyCode::Char('L'));
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Logboek"), "{s}");
    assert!(s.contains("member.create") && s.contains("member/1"), "{s}");
    assert!(s.contains("user.add"), "{s}");

    // Filter on one record: nothing else is listed.
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "member/3");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("member/3") && s.contains("member.status"), "{s}");
    assert!(!s.contains("member/1") && !s.contains("user.add"), "{s}");
    assert!(s.contains("gefilterd"), "{s}");
    // A date that is not a date is shown under the field, nothing changes.
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "31-02-2026");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("is geen datum"), "{s}");
    key(&mut app, KeyCode::Esc);
    // Esc clears the filter, a second Esc closes the view.
    key(&mut app, KeyCode::Esc);
    assert!(screen(&mut app, 120, 30).contains("user.add"));

    // The retention list: only the one who left long ago.
    key(&mut app, KeyCode::Char('v'));
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Bewaartermijn verstreken"), "{s}");
    assert!(s.contains("Vertrokken, Oud"), "{s}");
    assert!(!s.contains("Quibblewort"), "{s}");
    // Anonymising the list wants the number of people on it, then the word.
    key(&mut app, KeyCode::Char('A'));
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("1 lid") && !s.contains("lid/leden"), "{s}");
    assert!(s.contains("het aantal mensen op de lijst"), "{s}");
    for k in [
        KeyCode::Enter,
        KeyCode::Char('j'),
        KeyCode::Enter,
        KeyCode::Char('A'),
    ] {
        key(&mut app, k);
    }
    key(&mut app, KeyCode::Enter);
    let admin = f.k.login("beheer", PW).unwrap();
    assert!(admin.privacy().erasure(f.gone_long).unwrap().is_none());
    typ(&mut app, "1");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "wissen");
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Niemand voorbij de bewaartermijn"), "{s}");
    assert!(admin.privacy().erasure(f.gone_long).unwrap().is_some());
    assert!(admin.privacy().erasure(f.ex).unwrap().is_none());
    key(&mut app, KeyCode::Esc);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Blijft, Anna"), "back on the register: {s}");
}

#[test]
fn a_coordinator_cannot_export_erase_or_read_the_log() {
    let f = fixture();
    let mut app = login(&f, "coordinator");
    find(&mut app, "quibble");
    for k in ['x', 'D', 'L'] {
        key(&mut app, KeyCode::Char(k));
        let s = screen(&mut app, 120, 30);
        assert!(s.contains("het logboek inzien"), "{k}: {s}");
        assert!(!s.contains("wissen?"), "{s}");
    }
}

#[test]
fn the_audit_log_says_which_changes_came_over_ssh() {
    let f = fixture();
    let remote =
        f.k.login("beheer", PW)
            .unwrap()
            .with_origin(kapstok_core::access::Origin::Ssh {
                address: "192.168.1.20:50000".into(),
                key: Some("SHA256:abc".into()),
            });
    remote.members().create(&member("Op", "Afstand")).unwrap();
    let mut app = login(&f, "beheer");
    key(&mut app, KeyCode::Char('L'));
    let s = screen(&mut app, 160, 30);
    let lines: Vec<&str> = s.lines().filter(|l| l.contains("member.create")).collect();
    assert_eq!(lines.len(), 4, "{s}");
    // Newest first: the one made over ssh says from where; the local ones say nothing.
    assert!(
        lines[0].contains("member/4") && lines[0].contains("via ssh vanaf 192.168.1.20:50000"),
        "{s}"
    );
    assert!(lines[1..].iter().all(|l| !l.contains("ssh")), "{s}");
}
