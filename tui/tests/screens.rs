//! The TUI drawn on a `TestBackend`: snapshots of what users see, and behaviour through keys.

use chrono::NaiveDate;
use kapstok::app::App;
use kapstok::i18n::Lang;
use kapstok_core::{demo, Kapstok};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::*;

struct Fixture {
    _dir: tempfile::TempDir,
    k: Kapstok,
}

fn store(with_demo: bool) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let k = if with_demo {
        demo_store(dir.path())
    } else {
        kapstok_testkit::open(&dir.path().join("store"))
    };
    Fixture { _dir: dir, k }
}

fn logged_in(f: &Fixture, user: &str, lang: Lang) -> App {
    log_in_to_first_tab(&f.k, user, demo::DEMO_PASSWORD, lang)
}

#[test]
fn first_start_offers_demo_or_new_association() {
    let f = store(false);
    let mut app = App::new(f.k.clone(), Lang::Nl, None);
    insta::assert_snapshot!("setup", screen(&mut app, 80, 24));
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Inloggen"), "{s}");
    assert!(s.contains("kapstok-demo"), "{s}");
}

#[test]
fn new_association_creates_the_first_administrator() {
    let f = store(false);
    let mut app = App::new(f.k.clone(), Lang::Nl, None);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "anna");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "een-lang-wachtwoord");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "een-ander-wachtwoord");
    // Past the two store passphrase fields, left empty: an unencrypted store.
    for _ in 0..3 {
        key(&mut app, KeyCode::Enter);
    }
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("de wachtwoorden verschillen"), "{s}");
    assert!(f.k.needs_setup().unwrap());
    for _ in 0.."een-ander-wachtwoord".len() {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "een-lang-wachtwoord");
    for _ in 0..3 {
        key(&mut app, KeyCode::Enter);
    }
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("anna (beheerder)"), "{s}");
    assert!(!f.k.is_encrypted());
    assert!(f.k.login("anna", "een-lang-wachtwoord").is_ok());
}

#[test]
fn login_refuses_a_wrong_password() {
    let f = store(true);
    let mut app = App::new(f.k.clone(), Lang::Nl, Some("beheer"));
    insta::assert_snapshot!("login", screen(&mut app, 80, 24));
    typ(&mut app, "fout");
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Onbekende gebruiker of verkeerd wachtwoord."),
        "{s}"
    );
    assert!(s.contains("Inloggen"));
}

#[test]
fn member_list_at_the_smallest_and_a_wide_size() {
    let f = store(true);
    let mut app = logged_in(&f, "beheer", Lang::Nl);
    insta::assert_snapshot!("members_80x24", screen(&mut app, 80, 24));
    insta::assert_snapshot!("members_120x30", screen(&mut app, 120, 30));
}

#[test]
fn search_ignores_case_and_diacritics() {
    let f = store(true);
    let mut app = logged_in(&f, "beheer", Lang::Nl);
    key(&mut app, KeyCode::Char('/'));
    typ(&mut app, "zoe");
    let s = screen(&mut app, 120, 30);
    insta::assert_snapshot!("search_zoe", s);
    assert!(s.contains("Zoë"));
    key(&mut app, KeyCode::Esc);
    assert!(screen(&mut app, 120, 30).contains("300 leden"));
}

#[test]
fn edit_shows_errors_inline_and_saves_nothing_until_valid() {
    let f = store(true);
    let mut app = logged_in(&f, "beheer", Lang::Nl);
    let admin = f.k.login("beheer", demo::DEMO_PASSWORD).unwrap();
    let first = admin.members().list().unwrap()[0].clone();
    key(&mut app, KeyCode::Char('e'));
    // surname: clear it, and give a bad birth date
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    for _ in 0..first.name.surname.chars().count() {
        key(&mut app, KeyCode::Backspace);
    }
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    for _ in 0..12 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "31-02-1980");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 30);
    insta::assert_snapshot!("edit_errors", s);
    assert!(s.contains("is verplicht"), "{s}");
    assert!(s.contains("is geen datum"), "{s}");
    assert_eq!(
        admin.members().get(first.number).unwrap(),
        first,
        "nothing was saved"
    );
    key(&mut app, KeyCode::Esc);
    assert!(screen(&mut app, 80, 24).contains("Geannuleerd"));
}

#[test]
fn new_member_is_saved_with_the_next_number() {
    let f = store(true);
    let mut app = logged_in(&f, "beheer", Lang::Nl);
    key(&mut app, KeyCode::Char('n'));
    typ(&mut app, "Łukasz");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "Wiśniewski");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Lid aangemaakt met nummer 301"), "{s}");
    assert!(s.contains("Łukasz Wiśniewski"), "{s}");
    let admin = f.k.login("beheer", demo::DEMO_PASSWORD).unwrap();
    let m = admin.members().get(301).unwrap();
    assert_eq!(m.name.surname, "Wiśniewski");
    assert_eq!(m.joined, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
}

#[test]
fn status_change_asks_for_confirmation() {
    let f = store(true);
    let mut app = logged_in(&f, "beheer", Lang::Nl);
    let admin = f.k.login("beheer", demo::DEMO_PASSWORD).unwrap();
    let active = admin
        .members()
        .list()
        .unwrap()
        .into_iter()
        .position(|m| m.status().name() == "active")
        .unwrap();
    for _ in 0..active {
        key(&mut app, KeyCode::Down);
    }
    let number = admin.members().list().unwrap()[active].number;
    key(&mut app, KeyCode::Char('s'));
    // first offered status differs from the current one: suspended
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Bevestigen"), "{s}");
    assert!(s.contains("geschorst"), "{s}");
    assert!(s.contains("Typ wijzigen"), "{s}");
    // Enter, y and j change nothing; Esc goes back to the form.
    for k in [
        KeyCode::Enter,
        KeyCode::Char('y'),
        KeyCode::Char('j'),
        KeyCode::Enter,
    ] {
        key(&mut app, k);
    }
    assert!(screen(&mut app, 80, 24).contains("niet wijzigen"));
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        admin.members().get(number).unwrap().status().name(),
        "active"
    );
    ctrl(&mut app, 's');
    typ(&mut app, "wijzigen");
    key(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 80, 24).contains("Status gewijzigd"));
    assert_eq!(
        admin.members().get(number).unwrap().status().name(),
        "suspended"
    );
}

#[test]
fn help_is_generated_from_the_key_table() {
    let f = store(true);
    let mut app = logged_in(&f, "beheer", Lang::En);
    key(&mut app, KeyCode::Char('?'));
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("help_en", s);
    for b in kapstok::keys::help(kapstok::keys::Mode::Browse, |_| true) {
        assert!(s.contains(b.help.text(Lang::En)), "{}", b.keys);
    }
    key(&mut app, KeyCode::Esc);
    assert!(!screen(&mut app, 80, 24).contains("Esc or ? closes"));
}

#[test]
fn coordinator_reads_but_cannot_edit_and_volunteer_sees_no_members() {
    let f = store(true);
    let mut app = logged_in(&f, "coordinator", Lang::Nl);
    key(&mut app, KeyCode::Char('e'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Uw rol mag de ledenlijst alleen inzien."), "{s}");
    assert!(!s.contains("Lid wijzigen"));
    let mut app = logged_in(&f, "vrijwilliger", Lang::Nl);
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("volunteer", s);
    assert!(!s.contains("Leden"), "{s}");
}

#[test]
fn out_of_sight_tab_leads_to_the_member() {
    let f = store(true);
    let mut app = logged_in(&f, "beheer", Lang::Nl);
    key(&mut app, KeyCode::Char('2'));
    let s = screen(&mut app, 120, 30);
    assert!(
        s.contains("Actieve leden zonder contact langer dan (weken): 12"),
        "{s}"
    );
    let admin = f.k.login("beheer", demo::DEMO_PASSWORD).unwrap();
    let first = admin.members().out_of_sight().unwrap()[0].0.clone();
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 120, 30);
    assert!(
        s.contains(&format!("{}  (nr {})", first.name.full(), first.number)),
        "{s}"
    );
}

#[test]
fn too_small_and_no_panic_at_any_size() {
    let f = store(true);
    let mut app = logged_in(&f, "beheer", Lang::Nl);
    assert!(screen(&mut app, 79, 24).contains("Venster te klein"));
    assert!(screen(&mut app, 80, 23).contains("Venster te klein"));
    key(&mut app, KeyCode::Char('e'));
    for w in (0..=140).step_by(7) {
        for h in (0..=50).step_by(5) {
            screen(&mut app, w, h);
        }
    }
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('?'));
    for (w, h) in [(0, 0), (1, 1), (80, 24), (81, 25), (200, 60)] {
        screen(&mut app, w, h);
    }
}
