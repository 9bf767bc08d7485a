//! End-to-end tests of BaseMail through the real `kapstok` binary: the journey of the issue (a
//! member is detained, appears in the week's run, labels print; the stay ends, and next week
//! they are gone) and what a volunteer sees.
//!
//! Printing goes through the CLI (`kapstok labels`), not the TUI's print dialog, so these tests
//! do not depend on that dialog's layout.

#![cfg(unix)]

mod common;

use chrono::{Datelike, Days, Local, NaiveDate};
use common::{
    assert_failure, assert_success, dmy, focused_label_is, quit, selected_row, tab_to, Store,
    DEMO_PASSWORD, START_TIMEOUT,
};
use kapstok_tests::{stdout, Key, Tui, TIMEOUT};

/// The member the journey adds: unique in the demo data, with a diacritic.
const NAME: &str = "Zoë Testlid";
/// The institution of the stay (in the demo data; wants a registration number and a unit).
const INSTITUTION: &str = "PI Lelystad";
/// The start of PI Lelystad's house rules in the demo data.
const HOUSE_RULES: &str = "Huisregels: Volledige naam";
const UNIT: &str = "Afdeling B, cel 123";
const REGISTRATION: &str = "7654321";
/// Why someone whose stay just ended is left out (i18n `LeftStayEnded`).
const STAY_ENDED: &str = "verblijf onlangs beëindigd, geen nieuw verblijf bekend";

/// A terminal tall and wide enough to show every card of a demo week at once, with the detail
/// pane beside the list.
const ROWS: u16 = 50;
const COLS: u16 = 120;

/// The ISO week of a date as kapstok writes it: `2026-W48`.
fn iso_week(date: NaiveDate) -> String {
    let w = date.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// True when the first row of the list on the screen is selected: the row under the header
/// (the first line with the column "Naam") has the highlight symbol.
fn first_row_selected(screen: &str) -> bool {
    let lines: Vec<&str> = screen.lines().collect();
    lines
        .iter()
        .position(|l| l.contains("Naam"))
        .and_then(|i| lines.get(i + 1))
        .is_some_and(|l| l.contains('▸'))
}

/// Selects the first row of the list on the screen, then moves the selection down until its
/// row shows `name`; returns the screen. Fails when the list ends first.
fn select_row(tui: &mut Tui, name: &str) -> String {
    tui.key(Key::Home);
    let mut screen = tui
        .wait_until("the first row selected", TIMEOUT, first_row_selected)
        .unwrap();
    for _ in 0..200 {
        let row = selected_row(&screen).unwrap_or_default().to_string();
        if row.contains(name) {
            return screen;
        }
        tui.key(Key::Down);
        screen = tui
            .wait_until(
                &format!("the selection to move on towards {name:?}"),
                TIMEOUT,
                |s| selected_row(s).is_some_and(|r| r != row),
            )
            .unwrap();
    }
    panic!("{name:?} not found in the list:\n{screen}");
}

/// Starts the TUI as `user` and logs in; waits until the first tab shows `expect`.
fn start(store: &Store, user: &str, expect: &str) -> Tui {
    let mut tui = store.tui_sized(&["--user", user], ROWS, COLS);
    let screen = tui.wait_for("Inloggen", START_TIMEOUT).unwrap();
    assert!(focused_label_is(&screen, "Wachtwoord"), "{screen}");
    tui.send(DEMO_PASSWORD);
    tui.key(Key::Enter);
    // The start screen is Today (tab 0); the first area is tab 1.
    tui.wait_until(&format!("Today after logging in as {user}"), TIMEOUT, |s| {
        s.contains("Vandaag, ") && s.contains(&format!("Ingelogd als {user}"))
    })
    .unwrap();
    tui.send("1");
    tui.wait_until(&format!("{expect:?} on tab 1"), TIMEOUT, |s| {
        s.contains(expect)
    })
    .unwrap();
    tui
}

/// From the member list of a coordinator to the BaseMail tab's Recipients view (tab 3; the
/// views cycle Cards, Left out, Institutions, Recipients, Statistics).
fn to_recipients(tui: &mut Tui, week: &str) {
    tui.send("3");
    tui.wait_until("the BaseMail tab", TIMEOUT, |s| {
        s.contains(&format!("◀ {week} ▶")) && s.contains("Ontvangers (")
    })
    .unwrap();
    tui.send("vvv");
    tui.wait_until("the Recipients view", TIMEOUT, |s| {
        s.contains("┌ Ontvanger ") && s.contains("Verblijf")
    })
    .unwrap();
}

/// From the Recipients view to the Cards view (through Statistics).
fn recipients_to_cards(tui: &mut Tui) {
    tui.send("v");
    tui.wait_for("Geposte kaartjes per week", TIMEOUT).unwrap();
    tui.send("v");
    tui.wait_until("the Cards view", TIMEOUT, |s| {
        s.contains("◀ ") && s.contains(" ▶ ") && !s.contains("Geposte kaartjes per week")
    })
    .unwrap();
}

/// `kapstok labels --week WEEK` as the volunteer into `file`; the PDF's bytes and text.
fn print_labels(store: &Store, week: &str, file: &str) -> (Vec<u8>, String) {
    let out = store.run_as(
        "vrijwilliger",
        DEMO_PASSWORD,
        &[
            "labels",
            "--week",
            week,
            "--sheet",
            "avery-l7160",
            "-o",
            file,
        ],
    );
    assert_success(&out, &format!("kapstok labels --week {week}"));
    assert!(
        stdout(&out).contains("etiketten") && stdout(&out).contains(file),
        "unexpected output of kapstok labels: {}",
        stdout(&out)
    );
    let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("no PDF at {file}: {e}"));
    assert!(bytes.starts_with(b"%PDF"), "{file} is not a PDF");
    let doc = lopdf::Document::load_mem(&bytes).expect("the labels PDF does not load");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!(!pages.is_empty(), "the labels PDF has no pages");
    let text = doc.extract_text(&pages).expect("no text in the labels PDF");
    (bytes, text)
}

/// The journey of the issue: a member is detained, appears in the week's run, labels print;
/// the stay ends, and next week they are gone.
#[test]
fn detained_member_gets_a_card_until_the_stay_ends() {
    let today = Local::now().date_naive();
    let this_week = iso_week(today);
    let next_week = iso_week(today + Days::new(7));
    let store = Store::demo();

    // --- A new member, unknown to BaseMail.
    let csv = store.dir().join("nieuw-lid.csv");
    std::fs::write(
        &csv,
        "surname;given;joined;address_kind\nTestlid;Zoë;01-01-2020;care_of\n",
    )
    .unwrap();
    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &["import", "members", csv.to_str().unwrap()],
    );
    assert_success(&out, "import of the new member");
    let found = store.list(Some("zoe testlid"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("Testlid, Zoë"), "{found:#?}");
    let number = found[0].split('\t').next().unwrap().to_string();

    // --- First session: recipient, stay, compose this week.
    let mut tui = start(&store, "coordinator", "301 leden");
    to_recipients(&mut tui, &this_week);
    let screen = tui.screen();
    assert!(
        !screen.contains(NAME),
        "{NAME} is a recipient already:\n{screen}"
    );

    tui.send("n");
    let screen = tui.wait_for("Nieuwe ontvanger", TIMEOUT).unwrap();
    assert!(screen.contains("◀ een lid ▶"), "{screen}");
    tab_to(&mut tui, "Lidnummer");
    tui.send(&number);
    tui.wait_for(&format!("Lidnummer {number}"), TIMEOUT)
        .unwrap();
    tui.key(Key::Ctrl('s'));
    let screen = tui
        .wait_until("the recipient to be saved", TIMEOUT, |s| {
            !s.contains("Nieuwe ontvanger") && s.contains(NAME)
        })
        .unwrap();
    assert!(screen.contains("Ontvanger opgeslagen."), "{screen}");
    let screen = select_row(&mut tui, NAME);
    assert!(screen.contains("geen verblijven"), "{screen}");

    let from = dmy(today - Days::new(30));
    tui.send("s");
    let screen = tui.wait_for("Verblijf beginnen", TIMEOUT).unwrap();
    assert!(focused_label_is(&screen, "Inrichting"), "{screen}");
    // Typing a letter on the institution jumps to the next one starting with it.
    tui.send("P");
    tui.wait_for(&format!("◀ {INSTITUTION} ▶"), TIMEOUT)
        .unwrap();
    tab_to(&mut tui, "Afdeling/cel");
    tui.send(UNIT);
    tab_to(&mut tui, "Registratienummer");
    tui.send(REGISTRATION);
    tab_to(&mut tui, "Vanaf");
    tui.send(&"\x7f".repeat(12));
    tui.send(&from);
    tui.wait_for(&format!("Vanaf {from}"), TIMEOUT).unwrap();
    tui.key(Key::Ctrl('s'));
    let screen = tui
        .wait_until("the stay to be saved", TIMEOUT, |s| {
            !s.contains("Verblijf beginnen")
                && s.contains("Verblijf begonnen.")
                && selected_row(s).is_some_and(|r| r.contains(NAME) && r.contains(INSTITUTION))
        })
        .unwrap();
    assert!(screen.contains(&format!("{from} – nu")), "{screen}");

    recipients_to_cards(&mut tui);
    let screen = tui.screen();
    assert!(screen.contains(&format!("◀ {this_week} ▶")), "{screen}");
    assert!(screen.contains("nog niet samengesteld"), "{screen}");
    tui.send("r");
    tui.wait_until("this week composed with the new card", TIMEOUT, |s| {
        s.contains(&format!("Week {this_week} samengesteld:")) && s.contains(NAME)
    })
    .unwrap();
    let screen = select_row(&mut tui, NAME);
    let row = selected_row(&screen).unwrap();
    assert!(row.contains(INSTITUTION), "{screen}");
    assert!(row.contains("gedetineerd"), "{screen}");
    // The detail of the selected card: house rules and the address as composed.
    assert!(screen.contains(HOUSE_RULES), "{screen}");
    assert!(
        screen.contains(&format!("Reg.nr. {REGISTRATION}")),
        "{screen}"
    );
    assert!(screen.contains(UNIT), "{screen}");
    quit(&mut tui);

    // --- Labels of this week, printed by a volunteer through the CLI.
    let pdf = store.dir().join("labels.pdf");
    let pdf = pdf.to_str().unwrap();
    let (_, text) = print_labels(&store, &this_week, pdf);
    assert!(text.contains(NAME), "{NAME} is not on the labels:\n{text}");
    assert!(text.contains(&format!("Reg.nr. {REGISTRATION}")), "{text}");
    assert!(text.contains(UNIT), "{text}");
    assert!(text.contains(INSTITUTION), "{text}");

    // --- Second session: the stay ends today; next week there is no card.
    let mut tui = start(&store, "coordinator", "301 leden");
    to_recipients(&mut tui, &this_week);
    select_row(&mut tui, NAME);
    tui.send("x");
    let screen = tui.wait_for("Verblijf beëindigen", TIMEOUT).unwrap();
    assert!(
        screen.contains(&format!("Einddatum {}", dmy(today))),
        "the end date should be today:\n{screen}"
    );
    tui.key(Key::Enter);
    let screen = tui
        .wait_until("the stay to end", TIMEOUT, |s| {
            !s.contains("Verblijf beëindigen")
                && s.contains("Verblijf beëindigd.")
                && selected_row(s).is_some_and(|r| r.contains(NAME) && !r.contains(INSTITUTION))
        })
        .unwrap();
    assert!(
        screen.contains(&format!("{from} – {}", dmy(today))),
        "{screen}"
    );

    recipients_to_cards(&mut tui);
    tui.send("]");
    let screen = tui.wait_for(&format!("◀ {next_week} ▶"), TIMEOUT).unwrap();
    assert!(screen.contains("nog niet samengesteld"), "{screen}");
    tui.send("r");
    let screen = tui
        .wait_until("next week composed", TIMEOUT, |s| {
            s.contains(&format!("Week {next_week} samengesteld:")) && s.contains("Kaartjes (")
        })
        .unwrap();
    assert!(
        !screen.contains(NAME),
        "{NAME} still has a card next week:\n{screen}"
    );
    tui.send("v");
    tui.wait_for("┌ Weggelaten ", TIMEOUT).unwrap();
    let screen = select_row(&mut tui, NAME);
    let row = selected_row(&screen).unwrap();
    assert!(
        row.contains(STAY_ENDED),
        "{NAME} should be left out because the stay ended:\n{screen}"
    );
    assert!(screen.contains(&format!("◀ {next_week} ▶")), "{screen}");
    quit(&mut tui);

    // --- Next week's labels do not have the name.
    let pdf = store.dir().join("labels-next.pdf");
    let pdf = pdf.to_str().unwrap();
    let (_, text) = print_labels(&store, &next_week, pdf);
    assert!(
        text.contains(INSTITUTION),
        "the other detainees should still be on next week's labels:\n{text}"
    );
    assert!(
        !text.contains(NAME),
        "{NAME} is still on next week's labels:\n{text}"
    );
}

/// A volunteer sees only the BaseMail tab, can compose the week, and is not offered the
/// institutions and recipients.
#[test]
fn volunteer_sees_only_the_run() {
    let week = iso_week(Local::now().date_naive());
    let store = Store::demo();
    let mut tui = start(&store, "vrijwilliger", "Kaartjes");
    let screen = tui.screen();
    let header = screen.lines().next().unwrap_or_default();
    assert!(header.contains("1 BaseMail"), "{screen}");
    assert!(header.contains("vrijwilliger (vrijwilliger)"), "{screen}");
    assert!(!header.contains("Leden"), "{screen}");
    assert!(!header.contains("Uit beeld"), "{screen}");
    assert!(screen.contains(&format!("◀ {week} ▶")), "{screen}");
    assert!(screen.contains("nog niet samengesteld"), "{screen}");
    assert!(screen.contains("Weggelaten"), "{screen}");
    assert!(screen.contains("Statistiek"), "{screen}");
    assert!(!screen.contains("Inrichtingen"), "{screen}");
    assert!(!screen.contains("Ontvangers"), "{screen}");

    tui.send("r");
    let screen = tui
        .wait_until("the week composed", TIMEOUT, |s| {
            s.contains(&format!("Week {week} samengesteld:")) && s.contains(INSTITUTION)
        })
        .unwrap();
    assert!(!screen.contains("Dit mag uw rol niet"), "{screen}");

    // The views go round Cards, Left out and Statistics: never Institutions or Recipients.
    tui.send("v");
    tui.wait_until("the left-out view", TIMEOUT, |s| {
        (s.contains("┌ Weggelaten ") || s.contains("Niemand weggelaten."))
            && !s.contains(INSTITUTION)
    })
    .unwrap();
    tui.send("v");
    tui.wait_for("Geposte kaartjes per week", TIMEOUT).unwrap();
    tui.send("v");
    let screen = tui
        .wait_until("back at the cards", TIMEOUT, |s| {
            s.contains(INSTITUTION) && !s.contains("Geposte kaartjes per week")
        })
        .unwrap();
    for forbidden in ["Inrichtingen", "Ontvangers", "Op envelop", "┌ Ontvanger "] {
        assert!(!screen.contains(forbidden), "{forbidden}:\n{screen}");
    }
    // The keys of the recipients view do nothing here.
    tui.send("n");
    tui.send("?");
    let screen = tui.wait_for("Toetsen", TIMEOUT).unwrap();
    assert!(screen.contains("week (opnieuw) samenstellen"), "{screen}");
    for forbidden in ["nieuwe ontvanger", "verblijf beginnen", "nieuwe inrichting"] {
        assert!(!screen.contains(forbidden), "{forbidden}:\n{screen}");
    }
    tui.key(Key::Esc);
    tui.wait_gone("Toetsen", TIMEOUT).unwrap();
    quit(&mut tui);
}

/// `kapstok labels` on a week without cards says so, with who was left out and why, in the
/// user's language, exits non-zero and writes nothing; once members are imported the run that
/// was composed empty is composed again and the new cards print.
#[test]
fn labels_of_an_empty_week_say_why_and_a_run_composed_before_the_import_follows_the_register() {
    const PASSWORD: &str = "een-lang-geheim";
    let today = Local::now().date_naive();
    let week = iso_week(today);
    let store = Store::new();
    let out = store.run(
        &["user", "add", "beheer", "--role", "administrator"],
        &[("KAPSTOK_NEW_PASSWORD", PASSWORD)],
    );
    assert_success(&out, "user add on an empty store");
    let file = store.dir().join("etiketten.pdf");
    let file = file.to_str().expect("temporary path is not UTF-8");
    let labels = |lang: &str| {
        store.run_as(
            "beheer",
            PASSWORD,
            &["--lang", lang, "labels", "--week", &week, "-o", file],
        )
    };

    // Nobody in the register yet: printing composes an empty run and says there is nothing.
    let err = assert_failure(&labels("nl"), "kapstok labels on an empty week");
    assert!(
        err.contains(&format!(
            "Geen kaartjes in week {week}, er is niets gedrukt."
        )),
        "{err}"
    );
    assert!(err.contains("Niemand weggelaten"), "{err}");
    assert!(!err.contains("verplicht"), "{err}");
    assert!(!std::path::Path::new(file).exists(), "nothing is written");

    // A member with a birthday this week but no consent: left out, and the reason is given.
    let birthday =
        NaiveDate::from_ymd_opt(1980, today.month(), today.day()).expect("1980 is a leap year");
    let csv = store.dir().join("leden.csv");
    std::fs::write(
        &csv,
        format!(
            "surname;given;birth_date;joined;address_kind;street;house_number;postcode;city\n\
             Jarig;Els;{};01-01-2020;street;Keizersgracht;12;1015CS;Amsterdam\n",
            dmy(birthday)
        ),
    )
    .unwrap();
    let csv = csv.to_str().expect("temporary path is not UTF-8");
    let out = store.run_as("beheer", PASSWORD, &["import", "members", csv]);
    assert_success(&out, "kapstok import members");
    let err = assert_failure(&labels("en"), "kapstok labels without consent");
    assert!(
        err.contains(&format!("No cards in week {week}, nothing was printed. 1 left out: 1 × birthday, but no consent to birthday cards")),
        "{err}"
    );

    // The same member with consent, imported into the register after the run was composed.
    std::fs::write(
        csv,
        format!(
            "surname;given;birth_date;joined;address_kind;street;house_number;postcode;city;consent_birthday_card\n\
             Jarig;Kim;{};01-01-2020;street;Keizersgracht;14;1015CS;Amsterdam;01-01-2024\n",
            dmy(birthday)
        ),
    )
    .unwrap();
    let out = store.run_as("beheer", PASSWORD, &["import", "members", csv]);
    assert_success(&out, "kapstok import members");
    let out = labels("nl");
    assert_success(&out, "kapstok labels after the import");
    assert!(stdout(&out).contains("1 etiket ·"), "{}", stdout(&out));
    let bytes = std::fs::read(file).expect("the labels PDF");
    let doc = lopdf::Document::load_mem(&bytes).expect("the labels PDF does not load");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("no text in the labels PDF");
    assert!(text.contains("Kim Jarig"), "{text}");
    assert!(text.contains("1015 CS  AMSTERDAM"), "{text}");
}
