//! End-to-end tests of the member register through the real `kapstok` binary in a
//! pseudo-terminal: log in, search, edit, save, restart, and the terminal's behaviour.

#![cfg(unix)]

mod common;

use common::{
    assert_failure, assert_success, focused_label_is, tab_to, Store, DEMO_PASSWORD, START_TIMEOUT,
};
use kapstok_tests::{Key, Tui, TIMEOUT};

/// The address the journey gives a member, as the screen and the CLI show it: postcode
/// normalised ("1094hk" -> "1094 HK") and the city in capitals, two spaces before it (PostNL).
const NEW_ADDRESS: &str = "Javastraat 12, 1094 HK  AMSTERDAM";

/// Labels of the member form's fields up to the address kind, in Tab order.
const FIELDS_BEFORE_ADDRESS: [&str; 8] = [
    "Voornaam/voorletters",
    "Tussenvoegsel",
    "Achternaam",
    "Roepnaam/straatnaam",
    "Geboortedatum",
    "Telefoon",
    "E-mail",
    "Soort adres",
];

/// The address kinds in the order ←/→ cycles through them, as the form shows them.
const ADDRESS_KINDS: [&str; 5] = [
    "straatadres",
    "post via het kantoor",
    "Postbus",
    "buitenland",
    "onbekend",
];

/// Empties the focused text field (its cursor is at the end) and types `text`.
fn replace_value(tui: &mut Tui, text: &str) {
    tui.send(&"\x7f".repeat(60));
    tui.send(text);
}

/// The detail pane ("┌ Lid ─...") of the main screen: its rows, without the borders.
fn detail(screen: &str) -> String {
    let mut rows = screen
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("┌ Lid "))
        .skip(1);
    let mut out = String::new();
    for row in rows.by_ref() {
        if row.trim_start().starts_with('└') {
            break;
        }
        out.push_str(row.trim().trim_matches('│').trim_end());
        out.push('\n');
    }
    out
}

/// The member number in the detail pane's first line "Given Surname  (nr N)".
fn detail_number(screen: &str) -> u64 {
    let d = detail(screen);
    let start = d
        .find("(nr ")
        .unwrap_or_else(|| panic!("no member number in the detail pane:\n{screen}"));
    let rest = &d[start + 4..];
    rest[..rest.find(')').expect("unclosed (nr ...)")]
        .parse()
        .expect("member number is not a number")
}

/// Waits for the login form (user prefilled, password focused), logs in with `password` and
/// waits for the member list with all 300 demo members.
fn log_in(tui: &mut Tui, password: &str) {
    let screen = tui.wait_for("Inloggen", START_TIMEOUT).unwrap();
    assert!(screen.contains("Gebruiker"), "{screen}");
    assert!(
        focused_label_is(&screen, "Wachtwoord"),
        "--user should focus the password:\n{screen}"
    );
    tui.send(password);
    tui.key(Key::Enter);
    // The start screen is Today (tab 0); the register is tab 1.
    let screen = tui.wait_for("Vandaag, ", TIMEOUT).unwrap();
    assert!(
        screen.contains("0 Vandaag │ 1 Leden │ 2 Uit beeld"),
        "{screen}"
    );
    assert!(screen.contains("Volgende ALV"), "{screen}");
    tui.send("1");
    let screen = tui.wait_for("300 leden", TIMEOUT).unwrap();
    assert!(screen.contains("beheer (beheerder)"), "{screen}");
}

/// Types a search and leaves typing mode with Enter; returns the screen with the result.
fn search(tui: &mut Tui, text: &str) -> String {
    tui.send("/");
    tui.wait_for("Zoeken: ▏", TIMEOUT).unwrap();
    tui.send(text);
    tui.wait_for(&format!("Zoeken: {text}▏"), TIMEOUT).unwrap();
    tui.key(Key::Enter);
    tui.wait_for(&format!("Zoeken: {text}  · "), TIMEOUT)
        .unwrap()
}

/// Quits with `q` from the list and checks the exit status and the restored terminal.
fn quit(tui: &mut Tui) {
    tui.send("q");
    let status = tui
        .wait_exit(TIMEOUT)
        .expect("kapstok did not exit after q");
    assert!(status.success(), "kapstok exited with {status:?}");
    assert!(
        !tui.with_screen(|s| s.alternate_screen()),
        "the terminal is still in the alternate screen after quitting"
    );
}

/// The journey of the issue: find a member without typing the diacritic, give them a street
/// address, save, and find the change again after a restart and through the CLI.
#[test]
fn edit_address_of_a_member_found_without_diacritics_survives_a_restart() {
    let store = Store::demo();
    let before = store.list(Some("muller"));
    assert!(
        before.len() >= 2 && before.iter().all(|l| l.contains("Müller")),
        "search 'muller' should find the Müllers: {before:#?}"
    );

    // --- First session: find, edit, save, quit.
    let mut tui = store.tui(&["--user", "beheer"]);
    log_in(&mut tui, DEMO_PASSWORD);
    let screen = search(&mut tui, "muller");
    assert!(
        screen.contains(&format!("{} leden", before.len())),
        "the TUI and the CLI should find the same number of members:\n{screen}"
    );
    let number = detail_number(&screen);
    let line_before = before
        .iter()
        .find(|l| l.starts_with(&format!("{number}\t")))
        .unwrap_or_else(|| panic!("member {number} is not in the CLI's result: {before:#?}"));
    assert!(
        !line_before.contains(NEW_ADDRESS),
        "already has the address: {line_before}"
    );
    assert!(detail(&screen).contains("Müller"), "{screen}");

    tui.send("e");
    let screen = tui.wait_for("Lid wijzigen", TIMEOUT).unwrap();
    assert!(
        focused_label_is(&screen, FIELDS_BEFORE_ADDRESS[0]),
        "the edit form should start on the first field:\n{screen}"
    );
    for label in &FIELDS_BEFORE_ADDRESS[1..] {
        tab_to(&mut tui, label);
    }
    // Cycle the address kind to "straatadres", however far away the current kind is.
    let screen = tui.screen();
    let current = ADDRESS_KINDS
        .iter()
        .position(|k| screen.contains(&format!("◀ {k} ▶")))
        .unwrap_or_else(|| panic!("no address kind on the screen:\n{screen}"));
    for _ in 0..(ADDRESS_KINDS.len() - current) % ADDRESS_KINDS.len() {
        tui.key(Key::Right);
    }
    tui.wait_for("◀ straatadres ▶", TIMEOUT).unwrap();

    tab_to(&mut tui, "Straat");
    replace_value(&mut tui, "Javastraat");
    tab_to(&mut tui, "Huisnummer");
    replace_value(&mut tui, "12");
    tab_to(&mut tui, "Toevoeging");
    replace_value(&mut tui, "");
    tab_to(&mut tui, "Postcode");
    replace_value(&mut tui, "1094hk");
    tab_to(&mut tui, "Plaats");
    replace_value(&mut tui, "Amsterdam");
    tui.wait_for("Amsterdam", TIMEOUT).unwrap();
    tui.key(Key::Ctrl('s'));

    let (found, screen) = tui
        .wait_for_any(&["Opgeslagen", "Niet opgeslagen", "Bevestigen"], TIMEOUT)
        .unwrap();
    assert_eq!(found, 0, "saving the member failed:\n{screen}");
    let screen = tui.wait_for(NEW_ADDRESS, TIMEOUT).unwrap();
    assert!(
        !screen.contains("Lid wijzigen"),
        "form still open:\n{screen}"
    );
    assert_eq!(detail_number(&screen), number, "{screen}");
    assert!(
        detail(&screen).contains(&format!("Adres: {NEW_ADDRESS}")),
        "{screen}"
    );
    quit(&mut tui);

    // --- Second session: the change is on disk.
    let mut tui = store.tui(&["--user", "beheer"]);
    log_in(&mut tui, DEMO_PASSWORD);
    let mut screen = search(&mut tui, "muller");
    for _ in 0..before.len() {
        if detail_number(&screen) == number {
            break;
        }
        let old = detail(&screen);
        tui.key(Key::Down);
        screen = tui
            .wait_until("the selection to move", TIMEOUT, |s| detail(s) != old)
            .unwrap();
    }
    assert_eq!(detail_number(&screen), number, "{screen}");
    assert!(
        detail(&screen).contains(&format!("Adres: {NEW_ADDRESS}")),
        "the edit did not survive a restart:\n{screen}"
    );
    quit(&mut tui);

    // --- And the CLI sees it too; nothing else changed.
    let after = store.list(Some("muller"));
    assert_eq!(after.len(), before.len(), "{after:#?}");
    for (b, a) in before.iter().zip(&after) {
        if b == line_before {
            let fields: Vec<&str> = a.split('\t').collect();
            let old: Vec<&str> = b.split('\t').collect();
            assert_eq!(fields.len(), 5, "{a}");
            assert_eq!(fields[..4], old[..4], "only the address should change");
            assert_eq!(fields[4], NEW_ADDRESS);
        } else {
            assert_eq!(a, b, "another member changed");
        }
    }
}

/// On an empty store the TUI offers demo data; after loading it, the login says the password.
#[test]
fn first_start_on_an_empty_store_loads_demo_data() {
    let store = Store::new();
    let mut tui = store.tui(&[]);
    let screen = tui.wait_for("Welkom bij kapstok", START_TIMEOUT).unwrap();
    assert!(screen.contains("▸ Demogegevens laden"), "{screen}");
    assert!(screen.contains("Nieuwe vereniging"), "{screen}");
    assert!(screen.contains("Stoppen"), "{screen}");

    tui.key(Key::Enter);
    let screen = tui.wait_for("Inloggen", TIMEOUT).unwrap();
    let status_line = screen.lines().last().unwrap_or_default();
    assert!(
        status_line.contains("Demo geladen") && status_line.contains(DEMO_PASSWORD),
        "the status line should give the demo password:\n{screen}"
    );
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Gebruiker") && l.contains("beheer")),
        "the user should be prefilled:\n{screen}"
    );
    assert!(focused_label_is(&screen, "Wachtwoord"), "{screen}");

    tui.send(DEMO_PASSWORD);
    tui.key(Key::Enter);
    tui.wait_until("the Today screen after logging in", TIMEOUT, |s| {
        s.contains("Vandaag, ") && s.contains("Ingelogd als beheer")
    })
    .unwrap();
    tui.send("1");
    tui.wait_until("the member list", TIMEOUT, |s| {
        s.contains("300 leden") && s.contains("beheer (beheerder)")
    })
    .unwrap();
    quit(&mut tui);

    assert_eq!(store.list(None).len(), 300);
}

/// A second kapstok on a store that a TUI holds open is refused with a clear message, in
/// both languages; once the TUI is gone the store opens again.
#[test]
fn second_process_on_an_open_store_is_refused() {
    let store = Store::demo();
    let mut tui = store.tui(&[]);
    tui.wait_for("Inloggen", START_TIMEOUT).unwrap();

    let args = ["members", "list"];
    let out = store.run_as("beheer", DEMO_PASSWORD, &args);
    let err = assert_failure(&out, "members list while the TUI runs");
    assert!(
        err.contains("al geopend in een ander kapstok-venster"),
        "stderr: {err}"
    );
    assert!(out.stdout.is_empty(), "nothing should be listed");

    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &["--lang", "en", "members", "list"],
    );
    let err = assert_failure(&out, "members list --lang en while the TUI runs");
    assert!(
        err.contains("already open in another kapstok window"),
        "stderr: {err}"
    );

    assert!(tui.is_running(), "the TUI should not be disturbed");
    tui.key(Key::Esc); // Esc on the login form quits.
    let status = tui.wait_exit(TIMEOUT).expect("kapstok did not exit on Esc");
    assert!(status.success(), "{status:?}");

    let out = store.run_as("beheer", DEMO_PASSWORD, &args);
    assert_success(&out, "members list after the TUI quit");
    assert_eq!(kapstok_tests::stdout(&out).lines().count(), 300);
}

/// The TUI runs in the alternate screen and gives the terminal back when it quits.
#[test]
fn terminal_is_restored_after_quitting() {
    let store = Store::demo();
    let mut tui = store.tui(&["--user", "beheer"]);
    tui.wait_for("Inloggen", START_TIMEOUT).unwrap();
    assert!(
        tui.with_screen(|s| s.alternate_screen()),
        "the TUI should draw in the alternate screen"
    );
    log_in(&mut tui, DEMO_PASSWORD);
    quit(&mut tui);
    assert!(
        !tui.with_screen(|s| s.hide_cursor()),
        "the cursor is still hidden after quitting"
    );
    assert!(
        !tui.screen().contains("Leden"),
        "the primary screen should not show the TUI:\n{}",
        tui.screen()
    );
}

/// A too small terminal gets a message instead of a crash; growing it shows the login.
#[test]
fn small_terminal_shows_a_message_until_it_is_resized() {
    let store = Store::demo();
    let mut tui = store.tui_sized(&[], 20, 60);
    let screen = tui.wait_for("Venster te klein", START_TIMEOUT).unwrap();
    assert!(screen.contains("80 x 24"), "{screen}");
    assert!(!screen.contains("Inloggen"), "{screen}");
    assert!(tui.is_running(), "kapstok stopped in a small terminal");

    tui.resize(30, 100);
    let screen = tui.wait_for("Inloggen", TIMEOUT).unwrap();
    assert!(!screen.contains("Venster te klein"), "{screen}");

    // Just below the minimum width the message comes back.
    tui.resize(30, 79);
    tui.wait_for("Venster te klein", TIMEOUT).unwrap();
    tui.resize(24, 80);
    tui.wait_for("Inloggen", TIMEOUT).unwrap();

    tui.key(Key::Esc);
    let status = tui.wait_exit(TIMEOUT).expect("kapstok did not exit on Esc");
    assert!(status.success(), "{status:?}");
    assert!(!tui.with_screen(|s| s.alternate_screen()));
}

/// The status line after loading the demo should read "...vrijwilliger: kapstok-demo".
#[test]
fn demo_password_hint_has_a_space_before_the_password() {
    let store = Store::new();
    let mut tui = store.tui(&[]);
    tui.wait_for("Welkom bij kapstok", START_TIMEOUT).unwrap();
    tui.key(Key::Enter);
    let screen = tui.wait_for("Demo geladen", TIMEOUT).unwrap();
    assert!(
        screen.contains(
            "Demo geladen; wachtwoord van beheer, coordinator en vrijwilliger: kapstok-demo"
        ),
        "{screen}"
    );
}
