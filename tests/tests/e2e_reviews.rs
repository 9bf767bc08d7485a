//! End-to-end test of the review journey of the experts tab through the real `kapstok`
//! binary: from the list of reviews due, schedule a review in the first free slot, record the
//! conversation with the outcome "continue", and sign the next agreement it drafted; then check
//! the result through the CLI's calendar and a second session.
//!
//! The demo uses today's real date, and so does this test: the review is scheduled tomorrow or
//! later (core suggests free slots from tomorrow on) and recorded as held today.

#![cfg(unix)]

mod common;

use chrono::{Datelike, Days, Local, Months, NaiveDate};
use common::{
    assert_success, dmy, focused_label_is, popup_text, quit, selected_row, tab_to, Store,
    DEMO_PASSWORD, START_TIMEOUT,
};
use kapstok_tests::{stdout, Key, Tui, TIMEOUT};

/// A terminal tall enough for the whole due list and the week beneath it, and wide enough for
/// every column.
const ROWS: u16 = 50;
const COLS: u16 = 140;

/// How many weeks ahead the demo's agreements are due for a review by default.
const DEFAULT_DUE_WEEKS: u64 = 6;

/// What the reviews column says of an agreement due without a planned review (`NotPlanned`).
const NOT_PLANNED: &str = "nog niet gepland";

/// What the record form is filled in with, field by field (labels as the form shows them).
const CONVERSATION: [(&str, &str); 5] = [
    ("Het werk", "Gaat goed op de inloop"),
    ("Plezier in het werk", "Veel plezier in de outreach"),
    ("Moeilijkheden", "Soms zwaar na een incident"),
    ("Afspraken", "Zo doorgaan"),
    ("Trainingswensen", "Motiverende gespreksvoering"),
];

/// True when `word` is a date as kapstok shows it: `dd-mm-jjjj`.
fn is_date(word: &str) -> bool {
    NaiveDate::parse_from_str(word, "%d-%m-%Y").is_ok() && word.len() == 10
}

/// The number after `prefix` in `text` (`"klaargezet (nr "` in `"... (nr 17)."` gives 17).
fn number_after(text: &str, prefix: &str) -> Option<u64> {
    let rest = &text[text.find(prefix)? + prefix.len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Moves the selection down from where it is until `pred` holds for the selected row; returns
/// the screen. Fails when the list ends first.
fn move_down_to(tui: &mut Tui, what: &str, pred: impl Fn(&str) -> bool) -> String {
    let mut screen = tui
        .wait_until("a selected row", TIMEOUT, |s| selected_row(s).is_some())
        .unwrap();
    for _ in 0..100 {
        let row = selected_row(&screen).unwrap_or_default().to_string();
        if pred(&row) {
            return screen;
        }
        tui.key(Key::Down);
        let moved = tui.wait_until(
            &format!("the selection to move on towards {what}"),
            TIMEOUT,
            |s| selected_row(s).is_some_and(|r| r != row),
        );
        match moved {
            Ok(s) => screen = s,
            // The selection stays on the last row: the list ended.
            Err(_) => break,
        }
    }
    panic!("no row with {what} in the list:\n{screen}");
}

/// Starts the TUI as the coordinator, logs in and opens the experts tab (the fourth) on its
/// first view, the experts.
fn start(store: &Store) -> Tui {
    let mut tui = store.tui_sized(&["--user", "coordinator"], ROWS, COLS);
    let screen = tui.wait_for("Inloggen", START_TIMEOUT).unwrap();
    assert!(focused_label_is(&screen, "Wachtwoord"), "{screen}");
    tui.send(DEMO_PASSWORD);
    tui.key(Key::Enter);
    let screen = tui
        .wait_until("the Today screen after logging in", TIMEOUT, |s| {
            s.contains("Vandaag, ") && s.contains("Ingelogd als coordinator")
        })
        .unwrap();
    let header = screen.lines().next().unwrap_or_default();
    assert!(header.contains("4 Vrijwilligers"), "{screen}");
    tui.send("4");
    tui.wait_until("the experts tab, experts view", TIMEOUT, |s| {
        s.contains("Ervaringsdeskundigen (") && s.contains("┌ Overeenkomst ")
    })
    .unwrap();
    tui
}

/// From the experts view to the reviews view: the list of reviews due and the week.
fn to_reviews(tui: &mut Tui) -> String {
    tui.send("v");
    tui.wait_until("the reviews view", TIMEOUT, |s| {
        s.contains("┌ Te houden gesprekken (lopen af binnen ") && s.contains("┌ Week ")
    })
    .unwrap()
}

/// From the reviews view to the experts view.
fn to_experts(tui: &mut Tui) -> String {
    tui.send("v");
    tui.wait_until("the experts view", TIMEOUT, |s| {
        s.contains("┌ Overeenkomst ") && !s.contains("┌ Te houden gesprekken")
    })
    .unwrap()
}

/// True when the row under the experts' table header (the line with the column "Naam") is
/// selected.
fn first_expert_selected(screen: &str) -> bool {
    let lines: Vec<&str> = screen.lines().collect();
    lines
        .iter()
        .position(|l| l.contains("Naam") && l.contains("Periode"))
        .and_then(|i| lines.get(i + 1))
        .is_some_and(|l| l.contains('▸'))
}

/// Selects the expert named `name` in the experts view; returns the screen.
fn select_expert(tui: &mut Tui, name: &str) -> String {
    tui.key(Key::Home);
    tui.wait_until("the first expert selected", TIMEOUT, first_expert_selected)
        .unwrap();
    move_down_to(tui, name, |row| row.contains(name))
}

/// `kapstok reviews ics` as the coordinator, with folded lines unfolded.
fn calendar(store: &Store) -> String {
    let out = store.run_as("coordinator", DEMO_PASSWORD, &["reviews", "ics"]);
    assert_success(&out, "kapstok reviews ics");
    let ics = stdout(&out);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    ics.replace("\r\n ", "")
}

/// The journey of the issue: from the due list, schedule a review in the first free slot, record
/// it with the outcome "continue", and sign the next agreement it drafted.
#[test]
fn a_due_review_is_scheduled_recorded_and_the_next_agreement_signed() {
    let today = Local::now().date_naive();
    let store = Store::demo();

    // The demo's current agreements are the half year running today. Outside the last six
    // weeks of a half year none of them is due yet by default; then the administrator looks
    // further ahead (27 weeks cover every half year).
    let current_end = if today.month() <= 6 {
        NaiveDate::from_ymd_opt(today.year(), 6, 30)
    } else {
        NaiveDate::from_ymd_opt(today.year(), 12, 31)
    }
    .unwrap();
    if current_end > today + Days::new(DEFAULT_DUE_WEEKS * 7) {
        let out = store.run_as(
            "beheer",
            DEMO_PASSWORD,
            &["settings", "--review-due-weeks", "27"],
        );
        assert_success(&out, "kapstok settings --review-due-weeks 27");
    }
    let ics_before = calendar(&store);
    let events_before = ics_before.matches("BEGIN:VEVENT").count();

    // --- 1. The due list: an agreement without a planned review, scheduled in the first slot.
    let mut tui = start(&store);
    let screen = to_reviews(&mut tui);
    assert!(
        screen.contains(NOT_PLANNED),
        "the demo should have agreements due without a planned review:\n{screen}"
    );
    tui.key(Key::Home);
    let screen = move_down_to(&mut tui, &format!("{NOT_PLANNED:?}"), |row| {
        row.contains(NOT_PLANNED)
    });
    let row = selected_row(&screen).unwrap();
    // "│▸Voornaam Achternaam   31-12-2026 nog niet gepland   │": the name, then the end date.
    let words: Vec<&str> = row.split('▸').nth(1).unwrap().split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| is_date(w))
        .unwrap_or_else(|| panic!("no end date in the selected row:\n{screen}"));
    let name = words[..at].join(" ");
    assert!(!name.is_empty(), "no name in the selected row:\n{screen}");
    let ends = NaiveDate::parse_from_str(words[at], "%d-%m-%Y").unwrap();
    assert_eq!(
        ends,
        current_end,
        "{name}'s agreement should end with the half year ({}):\n{screen}",
        dmy(current_end)
    );
    assert!(
        !ics_before.contains(&format!("SUMMARY:Functioneringsgesprek {name}\r\n")),
        "{name} has a review in the calendar already:\n{ics_before}"
    );

    tui.send("g");
    let screen = tui
        .wait_until("the scheduling dialog with its suggestions", TIMEOUT, |s| {
            s.contains("┌ Gesprek plannen ") && s.contains("▸ 1. ")
        })
        .unwrap();
    assert!(
        screen.contains("Eerste vrije tijden met coordinator"),
        "{screen}"
    );
    assert!(
        screen.contains("Gespreksleider ◀ coordinator ▶"),
        "{screen}"
    );
    // "▸ 1. di 24-11-2026 10:00": the first free slot, picked.
    let first = screen
        .lines()
        .find_map(|l| l.split("▸ 1. ").nth(1))
        .unwrap();
    let slot: Vec<&str> = first.split_whitespace().take(3).collect();
    let [weekday, date, time] = slot[..] else {
        panic!("unexpected first slot {first:?}:\n{screen}");
    };
    let slot_date = NaiveDate::parse_from_str(date, "%d-%m-%Y")
        .unwrap_or_else(|e| panic!("{date:?} is not a date ({e}):\n{screen}"));
    assert!(
        slot_date > today,
        "the first free slot should be after today:\n{screen}"
    );
    assert!(
        screen.contains(&format!("Vrije tijd ◀ {weekday} {date} {time} ▶")),
        "{screen}"
    );
    assert!(screen.contains(&format!("Datum {date}")), "{screen}");
    assert!(
        screen.contains(&format!("Begintijd (uu:mm) {time}")),
        "{screen}"
    );
    assert!(screen.contains("Duur (minuten) 60"), "{screen}");
    // "di 24-11 10:00", as the list and the messages say when.
    let when = format!("{weekday} {} {time}", &date[..5]);
    tui.key(Key::Ctrl('s'));
    let screen = tui
        .wait_until("the review to be planned", TIMEOUT, |s| {
            !s.contains("┌ Gesprek plannen ")
                && s.contains(&format!("Gesprek met {name} gepland op {when}."))
        })
        .unwrap();
    let row = selected_row(&screen).unwrap_or_default();
    assert!(
        row.contains(&name) && row.contains(&format!("gepland {when} met coordinator")),
        "{name}'s agreement should still be selected, now planned:\n{screen}"
    );
    // The week of the review is shown, with the review in it.
    assert!(
        screen.lines().any(|l| l.contains(&format!("{time}–"))
            && l.contains(&format!("{name} · met coordinator · kantoor · gepland"))),
        "{screen}"
    );

    // --- 2. The conversation is recorded: held today (the slot is later), outcome continue.
    tui.send("o");
    let screen = tui
        .wait_until("the record form", TIMEOUT, |s| {
            s.contains("┌ Gesprek vastleggen ") && focused_label_is(s, CONVERSATION[0].0)
        })
        .unwrap();
    assert!(
        screen.contains(&format!("Gehouden op {}", dmy(today))),
        "the held-on date should default to today, not the planned {date}:\n{screen}"
    );
    assert!(screen.contains("Uitkomst ◀ voortzetten ▶"), "{screen}");
    for (i, (label, text)) in CONVERSATION.iter().enumerate() {
        if i > 0 {
            tab_to(&mut tui, label);
        }
        tui.send(text);
        tui.wait_for(&format!("{label} {text}"), TIMEOUT).unwrap();
    }
    tui.key(Key::Ctrl('s'));
    let screen = tui
        .wait_until("the review to be recorded", TIMEOUT, |s| {
            !s.contains("┌ Gesprek vastleggen ")
                && s.contains("Voortzetten: volgende overeenkomst klaargezet (nr ")
        })
        .unwrap();
    let next = number_after(&screen, "klaargezet (nr ").unwrap();
    // No longer due; in the week it shows as held.
    let due_list = screen
        .split("┌ Week ")
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        !due_list.contains(&name),
        "{name} is still due after the review was held:\n{screen}"
    );
    assert!(
        screen
            .lines()
            .any(|l| l.contains(&format!("{name} · met coordinator · kantoor · gehouden"))),
        "{screen}"
    );

    // --- 3. The next agreement, a draft continuing the current one, is signed today.
    to_experts(&mut tui);
    let screen = select_expert(&mut tui, &name);
    let next_start = ends + Days::new(1);
    let next_end = next_start + Months::new(6) - Days::new(1);
    assert!(
        screen.contains(&format!("nr {next} concept")),
        "the new draft should be among {name}'s agreements:\n{screen}"
    );
    assert!(
        screen.contains(&format!(
            "Periode: {} – {} · ",
            dmy(next_start),
            dmy(next_end)
        )) && screen.contains(&format!(" · nr {next}")),
        "the draft should be the agreement shown:\n{screen}"
    );
    assert!(
        screen.contains("Stand: concept · nog niet ondertekend · vervolg op nr "),
        "{screen}"
    );
    let current = number_after(&screen, "vervolg op nr ").unwrap();
    let review = number_after(&screen, "uit gesprek nr ").unwrap();
    assert!(
        screen.contains(&format!("nr {current} lopend")),
        "{name}'s current agreement should still run:\n{screen}"
    );

    tui.send("s");
    let screen = tui
        .wait_until("the signing form", TIMEOUT, |s| {
            s.contains("┌ Ondertekening vastleggen ") && focused_label_is(s, "Ondertekend op")
        })
        .unwrap();
    assert!(
        screen.contains(&format!("Ondertekend op {}", dmy(today))),
        "{screen}"
    );
    tui.key(Key::Enter);
    let screen = tui
        .wait_until("the question whether it was signed", TIMEOUT, |s| {
            s.contains("┌ Bevestigen ")
        })
        .unwrap();
    let question = popup_text(&screen, "Bevestigen").unwrap();
    assert_eq!(
        question,
        format!(
            "Overeenkomst nr {next} met {name} ({} – {}) ondertekend op {}? \
             Daarna kan ze niet meer gewijzigd worden.",
            dmy(next_start),
            dmy(next_end),
            dmy(today)
        ),
        "{screen}"
    );
    // y is yes (j moves down elsewhere, so it is no answer).
    tui.send("y");
    let screen = tui
        .wait_until("the agreement to be signed", TIMEOUT, |s| {
            !s.contains("┌ Bevestigen ")
                && !s.contains("┌ Ondertekening vastleggen ")
                && s.contains(&format!(
                    "Overeenkomst nr {next} ondertekend op {}.",
                    dmy(today)
                ))
        })
        .unwrap();
    assert!(
        screen.contains(&format!("nr {next} ondertekend")),
        "{screen}"
    );
    assert!(
        screen.contains(&format!(
            "Stand: ondertekend · ondertekend op {} · vervolg op nr {current} · uit gesprek nr {review}",
            dmy(today)
        )),
        "{screen}"
    );
    quit(&mut tui);

    // --- 4. The calendar no longer has the review (it was held); a second session shows the
    // signed agreement and nothing due for the expert.
    let ics = calendar(&store);
    assert!(
        !ics.contains(&format!("UID:review-{review}@kapstok\r\n")),
        "the held review is still in the calendar:\n{ics}"
    );
    assert!(
        !ics.contains(&format!("SUMMARY:Functioneringsgesprek {name}\r\n")),
        "{name} still has a review in the calendar:\n{ics}"
    );
    assert_eq!(
        ics.matches("BEGIN:VEVENT").count(),
        events_before,
        "the calendar should have the demo's planned reviews, no more, no fewer:\n{ics}"
    );

    let mut tui = start(&store);
    let screen = select_expert(&mut tui, &name);
    let row = selected_row(&screen).unwrap();
    let current_start = next_start - Months::new(6);
    assert!(
        row.contains(&format!("{} – {}", dmy(current_start), dmy(ends))) && row.contains("lopend"),
        "{name}'s current agreement should be the one listed:\n{screen}"
    );
    assert!(
        screen.contains(&format!("nr {next} ondertekend")),
        "{name}'s next agreement should be signed after a restart:\n{screen}"
    );
    let screen = to_reviews(&mut tui);
    let due_list = screen
        .split("┌ Week ")
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        !due_list.contains(&name),
        "{name} is due again after a restart:\n{screen}"
    );
    quit(&mut tui);
}
