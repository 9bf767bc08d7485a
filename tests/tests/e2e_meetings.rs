//! End-to-end test of the Meetings tab through the real `kapstok` binary: from planning a
//! general meeting to a decision in the register. The administrator plans a meeting a month
//! ahead, adds a decision item, registers two members present and a proxy (the voting power
//! shows 3), records the vote by counts, and finds the decision with its reason in the
//! register; after a restart the decision and the attendance are still there.
//!
//! The demo uses today's real date, and so does this test. Members are chosen from what the
//! pickers offer (voting members only where it matters), so the test does not depend on the
//! demo's names.

#![cfg(unix)]

mod common;

use chrono::{Days, Local};
use common::{quit, status_line, Store, DEMO_PASSWORD, START_TIMEOUT};
use kapstok_tests::{Key, Tui, TIMEOUT};

const ROWS: u16 = 40;
const COLS: u16 = 120;

/// The place of the meeting planned: no demo meeting is held there.
const PLACE: &str = "Buurthuis E2E";
/// The title of the decision item.
const TITLE: &str = "Nieuwe huisregels";

/// The items of the picker popup titled `title`, without the selection marker.
fn picker_items(screen: &str, title: &str) -> Vec<String> {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let marker: Vec<char> = format!("┌ {title}").chars().collect();
    let Some((top, left)) = lines.iter().enumerate().find_map(|(i, l)| {
        l.windows(marker.len())
            .position(|w| w == marker.as_slice())
            .map(|col| (i, col))
    }) else {
        return Vec::new();
    };
    let Some(right) = lines[top][left..].iter().position(|c| *c == '┐') else {
        return Vec::new();
    };
    let right = right + left;
    let mut items = Vec::new();
    for line in &lines[top + 1..] {
        if line.get(left) == Some(&'└') {
            break;
        }
        let inner: String = line
            .get(left + 1..right.min(line.len()))
            .unwrap_or_default()
            .iter()
            .collect();
        let inner = inner.trim();
        let item = inner.strip_prefix("▸ ").unwrap_or(inner);
        // the first row is the search typed ("Zoeken: ...")
        if item.contains(" · nr ") && !item.starts_with("Zoeken:") {
            items.push(item.to_string());
        }
    }
    items
}

/// The rows of the meetings list: those below its header line (with "Oproeping").
fn meeting_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .skip_while(|l| !(l.contains("Datum") && l.contains("Oproeping")))
        .skip(1)
        .take_while(|l| !l.contains('└'))
        .map(|l| l.trim_start_matches(['|', ' ']).to_string())
        .collect()
}

/// The first row of the meetings list.
fn first_row(screen: &str) -> Option<String> {
    meeting_rows(screen).into_iter().next()
}

/// The selected row of the meetings list.
fn selected_meeting(screen: &str) -> Option<String> {
    meeting_rows(screen)
        .into_iter()
        .find(|l| l.starts_with("│▸"))
}

/// Opens a member picker with `key`, waits for it, picks the first member it offers that
/// `fits`, by typing the whole label (which only that member has), and returns the name.
fn pick(tui: &mut Tui, key: &str, title: &str, fits: impl Fn(&str) -> bool) -> String {
    tui.send(key);
    let screen = tui
        .wait_until(&format!("the picker {title:?}"), TIMEOUT, |s| {
            !picker_items(s, title).is_empty()
        })
        .unwrap();
    let label = picker_items(&screen, title)
        .into_iter()
        .find(|l| fits(l))
        .unwrap_or_else(|| panic!("nobody fitting in {title:?}:\n{screen}"));
    tui.send(&label);
    tui.wait_until("the picker to show only the label typed", TIMEOUT, |s| {
        picker_items(s, title) == [label.clone()]
    })
    .unwrap();
    tui.key(Key::Enter);
    // "Zoë de Wit (Zo) · nr 4 ..." -> "Zoë de Wit"
    let name = label.split(" · ").next().unwrap_or_default();
    name.split(" (").next().unwrap_or_default().to_string()
}

/// Logs in as the administrator and opens the Meetings tab (the sixth).
fn start(store: &Store) -> Tui {
    let mut tui = store.tui_sized(&["--user", "beheer"], ROWS, COLS);
    tui.wait_for("Inloggen", START_TIMEOUT).unwrap();
    tui.send(DEMO_PASSWORD);
    tui.key(Key::Enter);
    let screen = tui
        .wait_until("the start screen after logging in", TIMEOUT, |s| {
            s.contains("Ingelogd als beheer") && s.contains(" 6 ALV")
        })
        .unwrap();
    assert!(
        screen.lines().next().unwrap_or_default().contains("6 ALV"),
        "{screen}"
    );
    tui.send("6");
    tui.wait_until("the Meetings tab", TIMEOUT, |s| {
        s.lines()
            .nth(1)
            .is_some_and(|l| l.contains("Vergaderingen ("))
    })
    .unwrap();
    tui
}

/// From the meetings view to the decision register, searching for the item's title.
fn search_register(tui: &mut Tui) -> String {
    tui.send("v");
    tui.wait_for("┌ Aanwezigheid · ", TIMEOUT).unwrap();
    tui.send("v");
    tui.wait_for("/ zoeken in titel en voorstel", TIMEOUT)
        .unwrap();
    tui.send("/");
    tui.send("huisregels");
    tui.wait_until("the decision found", TIMEOUT, |s| {
        s.lines()
            .any(|l| l.contains(TITLE) && l.contains("aangenomen"))
    })
    .unwrap()
}

#[test]
fn a_meeting_is_planned_held_and_its_decision_is_in_the_register() {
    let store = Store::demo();
    let date = (Local::now().date_naive() + Days::new(30))
        .format("%d-%m-%Y")
        .to_string();
    let mut tui = start(&store);

    // --- 1. Plan the meeting: date and place typed, the time suggested.
    tui.send("n");
    tui.wait_for("┌ Vergadering plannen ", TIMEOUT).unwrap();
    tui.key(Key::Tab);
    tui.send(&date);
    tui.key(Key::Tab);
    tui.key(Key::Tab);
    tui.send(PLACE);
    tui.key(Key::Ctrl('s'));
    let screen = tui
        .wait_for(&format!("Vergadering gepland op {date} om 19:30."), TIMEOUT)
        .unwrap();
    assert!(
        screen
            .lines()
            .any(|l| l.contains(&format!("▸{date}")) && l.contains(PLACE)),
        "the new meeting should be selected:\n{screen}"
    );
    assert!(
        screen.contains("versturen (14 dagen van tevoren)"),
        "{screen}"
    );

    // --- 2. A decision item: the motion shows once "decision" is yes.
    tui.send("a");
    tui.wait_for("┌ Nieuw agendapunt ", TIMEOUT).unwrap();
    tui.send(TITLE);
    tui.key(Key::Tab);
    tui.key(Key::Right);
    tui.wait_for("Voorstel", TIMEOUT).unwrap();
    tui.key(Key::Tab);
    tui.send("De huisregels van 2026 vaststellen");
    tui.key(Key::Ctrl('s'));
    tui.wait_for(
        &format!("▸ 1. {TITLE} · besluit · nog niet gestemd"),
        TIMEOUT,
    )
    .unwrap();

    // --- 3. Attendance: two voting members arrive, a third gives one of them a proxy.
    tui.send("v");
    tui.wait_for("Nog niemand aanwezig", TIMEOUT).unwrap();
    let voting = |l: &str| !l.contains("geen stemrecht");
    let first = pick(&mut tui, "a", "Wie komt binnen?", voting);
    tui.wait_for("┌ Binnengekomen om ", TIMEOUT).unwrap();
    tui.key(Key::Enter);
    tui.wait_for(&format!("{first} binnen om "), TIMEOUT)
        .unwrap();
    let second = pick(&mut tui, "a", "Wie komt binnen?", voting);
    tui.wait_for("┌ Binnengekomen om ", TIMEOUT).unwrap();
    tui.key(Key::Enter);
    let screen = tui.wait_for("· stemrecht aanwezig: 2", TIMEOUT).unwrap();
    assert!(status_line(&screen).contains(&second), "{screen}");
    let giver = pick(&mut tui, "g", "Wie geeft een volmacht?", |_| true);
    let holder = pick(&mut tui, "", "Aan wie?", |_| true);
    let screen = tui
        .wait_for(
            &format!("Volmacht: {giver} → {holder} · stemrecht aanwezig: 3"),
            TIMEOUT,
        )
        .unwrap();
    assert!(
        screen.contains("Stemrecht aanwezig: 3 (2 aanwezig + 1 volmacht)"),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("stemt, ook voor {giver}")),
        "{screen}"
    );

    // --- 4. The vote: 2 for, 1 against; the result says why.
    tui.send("v");
    tui.wait_for("/ zoeken in titel en voorstel", TIMEOUT)
        .unwrap();
    tui.send("v");
    tui.wait_for(&format!("▸ 1. {TITLE}"), TIMEOUT).unwrap();
    tui.send("b");
    tui.wait_for("┌ Stemming (aantallen) ", TIMEOUT).unwrap();
    tui.send("2");
    tui.key(Key::Tab);
    tui.send("1");
    tui.key(Key::Ctrl('s'));
    let reason = "aangenomen: meer dan de helft van de uitgebrachte stemmen nodig, 67% voor";
    let screen = tui
        .wait_for(&format!("1. {TITLE} · besluit · {reason}"), TIMEOUT)
        .unwrap();
    assert!(status_line(&screen).contains(reason), "{screen}");

    // --- 5. The decision register finds it.
    let screen = search_register(&mut tui);
    assert!(screen.contains("Besluitenregister (1)"), "{screen}");
    assert!(screen.contains(reason), "{screen}");
    tui.key(Key::Enter);
    tui.wait_for("? hulp", TIMEOUT).unwrap();
    quit(&mut tui);

    // --- 6. After a restart: the decision, the vote on the agenda and the attendance.
    let mut tui = start(&store);
    let screen = search_register(&mut tui);
    assert!(screen.contains(reason), "{screen}");
    // Esc clears the search; wait for it before the next key (a quick key after Esc reads
    // as Alt and that key)
    tui.key(Key::Esc);
    tui.wait_until("the search cleared", TIMEOUT, |s| {
        s.contains("Zoeken: ") && !s.contains("Zoeken: huisregels")
    })
    .unwrap();
    tui.send("v");
    tui.wait_for("←/→ agendapunt", TIMEOUT).unwrap();
    // the meeting was held, so it is not "the next one" any more: select it
    tui.key(Key::Home);
    let mut screen = tui
        .wait_until("the first meeting selected", TIMEOUT, |s| {
            selected_meeting(s).is_some_and(|l| l.starts_with("│▸") && first_row(s) == Some(l))
        })
        .unwrap();
    for _ in 0..20 {
        let selected = selected_meeting(&screen).unwrap_or_default();
        if selected.contains(&date) && selected.contains(PLACE) {
            break;
        }
        tui.key(Key::Down);
        screen = tui
            .wait_until("the selection to move down", TIMEOUT, |s| {
                selected_meeting(s).is_some_and(|l| l != selected)
            })
            .unwrap();
    }
    tui.wait_for(&format!("1. {TITLE} · besluit · {reason}"), TIMEOUT)
        .unwrap();
    tui.send("v");
    let screen = tui
        .wait_until("the attendance view", TIMEOUT, |s| {
            s.contains("┌ Aanwezigheid · ")
                && s.contains("Stemrecht aanwezig: 3 (2 aanwezig + 1 volmacht)")
        })
        .unwrap();
    for name in [&first, &second, &giver] {
        assert!(screen.contains(name.as_str()), "{name}\n{screen}");
    }
    quit(&mut tui);
}
