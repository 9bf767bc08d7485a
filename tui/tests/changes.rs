//! Changes reach the screen from core's announcements: the tab on screen updates in place, and
//! what it shows then is what a fresh read of the store shows; a change made by another session
//! on the same store shows without a key.

use kapstok::i18n::{Lang, Msg};
use kapstok_core::members::MemberInput;
use kapstok_core::Kapstok;
use ratatui::crossterm::event::KeyCode;

mod common;
use common::*;

const PW: &str = "geheim-wachtwoord";

fn member(given: &str, surname: &str, last_contact: &str) -> MemberInput {
    MemberInput {
        given: given.into(),
        surname: surname.into(),
        address_kind: "care_of".into(),
        joined: "01-01-2020".into(),
        last_contact: last_contact.into(),
        ..MemberInput::default()
    }
}

/// A store with three members, two of them out of sight (no contact for a year).
fn store() -> (tempfile::TempDir, Kapstok) {
    let dir = tempfile::tempdir().unwrap();
    let k = kapstok_testkit::open(&dir.path().join("store"));
    let admin = k.setup("beheer", PW).unwrap();
    let m = admin.members();
    m.create(&member("Anna", "Aalders", "20-11-2026")).unwrap();
    m.create(&member("Bram", "Bakker", "01-10-2025")).unwrap();
    m.create(&member("Cor", "Cremer", "01-09-2025")).unwrap();
    (dir, k)
}

/// The screen of a fresh app on the same store, on the same tab with the same row selected.
fn fresh(k: &Kapstok, tab: char, down: usize) -> String {
    let mut app = log_in(k, "beheer", PW, Lang::Nl);
    key(&mut app, KeyCode::Char(tab));
    for _ in 0..down {
        key(&mut app, KeyCode::Down);
    }
    screen(&mut app, 120, 40)
}

/// The status line (the last line of the screen).
fn status(screen: &str) -> String {
    screen.lines().last().unwrap_or("").to_string()
}

/// Everything but the status line.
fn body(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[..lines.len().saturating_sub(1)].join("\n")
}

#[test]
fn a_contact_updates_the_register_and_the_out_of_sight_list_in_place_as_a_fresh_read_would() {
    let (_dir, k) = store();
    let mut app = log_in(&k, "beheer", PW, Lang::Nl);
    // Out of sight: Cor (longest) then Bram. A contact with Cor takes him off the list.
    key(&mut app, KeyCode::Char('2'));
    assert_eq!(app.tab(), Some(Msg::TabOutOfSight));
    let before = screen(&mut app, 120, 40);
    assert!(
        before.contains("Cremer") && before.contains("Bakker"),
        "{before}"
    );
    key(&mut app, KeyCode::Char('c'));
    key(&mut app, KeyCode::Char('y'));
    let after = screen(&mut app, 120, 40);
    assert!(status(&after).contains("Contact vastgelegd"), "{after}");
    assert!(
        !body(&after).contains("Cremer"),
        "Cor has left the list: {after}"
    );
    assert_eq!(body(&after), body(&fresh(&k, '2', 0)));

    // The register: edit Bram's name; the row changes in place and stays selected.
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(app.mode(), kapstok::keys::Mode::Form);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    for _ in 0.."Bakker".len() {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "Bosman");
    ctrl(&mut app, 's');
    let edited = screen(&mut app, 120, 40);
    assert!(status(&edited).contains("Opgeslagen"), "{edited}");
    assert!(
        edited.contains("Bosman") && !edited.contains("Bakker"),
        "{edited}"
    );
    assert_eq!(body(&edited), body(&fresh(&k, '1', 1)));
}

#[test]
fn a_change_by_another_session_shows_without_a_key() {
    let (_dir, k) = store();
    let mut here = log_in(&k, "beheer", PW, Lang::Nl);
    key(&mut here, KeyCode::Char('1'));
    assert!(screen(&mut here, 120, 40).contains("Aalders"));

    // Another session on the same store (the server's other PC) renames Anna and adds a member.
    let there = k.login("beheer", PW).unwrap();
    let anna = there.members().get(1).unwrap();
    let mut input = MemberInput::from_member(&anna);
    input.surname = "Verhuisd".into();
    there.members().update(1, &input).unwrap();
    there
        .members()
        .create(&member("Dirk", "Dekker", "20-11-2026"))
        .unwrap();

    assert!(here.tick(), "the announcement is taken in");
    let now = screen(&mut here, 120, 40);
    assert!(
        now.contains("Verhuisd") && !now.contains("Aalders"),
        "{now}"
    );
    assert!(now.contains("Dekker"), "{now}");
    // Anna stays selected, now last in the register's order.
    assert_eq!(body(&now), body(&fresh(&k, '1', 3)));
    // The tab not on screen reads again when shown.
    key(&mut here, KeyCode::Char('2'));
    assert_eq!(body(&screen(&mut here, 120, 40)), body(&fresh(&k, '2', 0)));
}

/// The register's rows as shown, in order, without the selection mark (the list is the left
/// pane at 120 columns).
fn rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| {
            let left: String = l.trim_start_matches('"').chars().take(70).collect();
            let row = left.trim_start_matches('│').replace('▸', " ");
            row.trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
                .then(|| row.trim_end_matches('│').trim_end().to_string())
        })
        .collect()
}

#[test]
fn many_changes_in_place_keep_the_register_in_the_order_a_fresh_read_gives() {
    let (_dir, k) = store();
    let there = k.login("beheer", PW).unwrap();
    for i in 0..17 {
        there
            .members()
            .create(&member(
                &format!("Lid{i}"),
                &format!("Naam{}", (i * 7) % 17),
                "",
            ))
            .unwrap();
    }
    let mut here = log_in(&k, "beheer", PW, Lang::Nl);
    key(&mut here, KeyCode::Char('1'));
    // A fixed pseudo-random walk of renames and new members, taken in after each.
    let surnames = [
        "Aap", "Zwart", "de Vries", "Öztürk", "van Dijk", "Bakker", "Ęla", "Mol",
    ];
    let mut seed: u64 = 7;
    for step in 0..40 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let n = 1 + (seed >> 33) % 20;
        let surname = surnames[(seed >> 20) as usize % surnames.len()];
        if step % 5 == 4 {
            there
                .members()
                .create(&member("Nieuw", surname, ""))
                .unwrap();
        } else {
            let mut input = MemberInput::from_member(&there.members().get(n).unwrap());
            input.surname = surname.into();
            input.known_as = format!("k{step}");
            there.members().update(n, &input).unwrap();
        }
        here.tick();
        let shown = rows(&screen(&mut here, 120, 40));
        assert_eq!(shown, rows(&fresh(&k, '1', 0)), "after step {step}");
        assert!(shown.len() >= 20, "{shown:?}");
    }
}
