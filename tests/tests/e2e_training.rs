//! End-to-end test of the training journey of the Training tab through the real `kapstok`
//! binary: an expert's gap is closed by completing a course and disappears from the plan. In
//! the plans view the coordinator picks an expert missing a skill that a suggested course
//! teaches, proposes that course, and moves the new plan item along: agreed, enrolled,
//! completed; the course's skills are then held and no longer missing, also after a restart.
//!
//! The demo uses today's real date, and so does this test: every step is taken on the date the
//! forms suggest, today.

#![cfg(unix)]

mod common;

use chrono::Local;
use common::{
    dmy, focused_label_is, popup_text, quit, status_line, Store, DEMO_PASSWORD, START_TIMEOUT,
};
use kapstok_tests::{Key, Tui, TIMEOUT};

/// A terminal tall enough for the whole list of experts and a long plan, and wide enough for
/// the list and the plan side by side.
const ROWS: u16 = 50;
const COLS: u16 = 140;

/// The title of the plan's block, to the right of the list of experts.
const PLAN_BLOCK: &str = "┌ Opleidingsplan ";

/// What the plan says of the missing skills before it names them (`GapMissing`).
const MISSING: &str = "Ontbreekt: ";

/// What the plan says when no skill is missing (`GapNothing`).
const NOTHING_MISSING: &str = "niets: alle vaardigheden voor de taken zijn er";

/// The plan's lines that start something new; a row starting otherwise continues the line
/// above it (a long line wrapped).
const LINE_STARTS: [&str; 9] = [
    MISSING,
    "Verloopt binnenkort: ",
    "Voorgestelde cursussen:",
    "Geen cursus gevonden: ",
    "Plan ",
    "Andere halfjaren",
    "Vaardigheden",
    "▸ ",
    "  ",
];

/// The lines of the plan block on the right (the selected expert's gap, suggested courses,
/// plan items and skills held), without the borders and with wrapped lines joined.
fn plan_lines(screen: &str) -> Option<Vec<String>> {
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let marker: Vec<char> = PLAN_BLOCK.chars().collect();
    let (top, left) = rows.iter().enumerate().find_map(|(i, r)| {
        r.windows(marker.len())
            .position(|w| w == marker.as_slice())
            .map(|col| (i, col))
    })?;
    let right = rows[top][left..].iter().position(|c| *c == '┐')? + left;
    let mut lines: Vec<String> = Vec::new();
    for row in &rows[top + 1..] {
        if row.get(left) == Some(&'└') {
            break;
        }
        let inner: String = row
            .get(left + 1..right.min(row.len()))
            .unwrap_or_default()
            .iter()
            .collect();
        let inner = inner.trim_end();
        if inner.is_empty() {
            continue;
        }
        match lines.last_mut() {
            Some(last) if !LINE_STARTS.iter().any(|s| inner.starts_with(s)) => {
                last.push(' ');
                last.push_str(inner.trim_start());
            }
            _ => lines.push(inner.to_string()),
        }
    }
    Some(lines)
}

/// The plan block's lines of the screen, which must show one.
fn plan_of(screen: &str) -> Vec<String> {
    plan_lines(screen).unwrap_or_else(|| panic!("no plan on the screen:\n{screen}"))
}

/// The name of the expert whose plan is shown: the first line is "Name  tasks".
fn expert_of(plan: &[String]) -> Option<String> {
    let first = plan.first()?;
    Some(first.split("  ").next()?.trim().to_string())
}

/// The skills the plan names as missing (none when nothing is).
fn missing_of(plan: &[String]) -> Vec<String> {
    let line = plan
        .iter()
        .find_map(|l| l.strip_prefix(MISSING))
        .unwrap_or_default();
    if line.is_empty() || line == NOTHING_MISSING {
        return Vec::new();
    }
    line.split("; ").map(str::to_string).collect()
}

/// The suggested courses: for each its name and what it teaches of the gap
/// ("  ★ Voorlichter worden · € 90,00 · leert: Voorlichting geven; Gespreksvoering").
fn suggestions_of(plan: &[String]) -> Vec<(String, Vec<String>)> {
    plan.iter()
        .filter_map(|l| l.strip_prefix("  ★ "))
        .map(|l| {
            let name = l.split(" · ").next().unwrap_or_default().to_string();
            let teaches = l
                .split(" · leert: ")
                .nth(1)
                .map(|s| s.split("; ").map(str::to_string).collect())
                .unwrap_or_default();
            (name, teaches)
        })
        .collect()
}

/// The plan items of this half year: the lines between the heading "Plan ..." and the next
/// heading, without the marker of the selected one; and which one is selected.
fn items_of(plan: &[String]) -> (Vec<String>, Option<usize>) {
    let Some(start) = plan.iter().position(|l| l.starts_with("Plan ")) else {
        return (Vec::new(), None);
    };
    let mut items = Vec::new();
    let mut selected = None;
    for line in &plan[start + 1..] {
        if let Some(item) = line.strip_prefix("▸ ") {
            selected = Some(items.len());
            items.push(item.to_string());
        } else if let Some(item) = line.strip_prefix("  ") {
            items.push(item.to_string());
        } else {
            break;
        }
    }
    (items, selected)
}

/// The plan item selected, if any.
fn selected_item(screen: &str) -> Option<String> {
    let (items, selected) = items_of(&plan_lines(screen)?);
    items.get(selected?).cloned()
}

/// The expert whose plan is shown on the screen.
fn shown_expert(screen: &str) -> Option<String> {
    expert_of(&plan_lines(screen)?)
}

/// The first suggested course that teaches a skill the plan names as missing, with those
/// skills.
fn closing_course(plan: &[String]) -> Option<(String, Vec<String>)> {
    let missing = missing_of(plan);
    suggestions_of(plan)
        .into_iter()
        .find_map(|(course, teaches)| {
            let closes: Vec<String> = teaches
                .into_iter()
                .filter(|s| missing.contains(s))
                .collect();
            (!closes.is_empty()).then_some((course, closes))
        })
}

/// Moves the selection of experts down from where it is until `pred` holds for the plan
/// shown; returns the screen. Fails when the list ends first.
fn move_down_to(tui: &mut Tui, what: &str, pred: impl Fn(&[String]) -> bool) -> String {
    let mut screen = tui
        .wait_until("an expert's plan", TIMEOUT, |s| shown_expert(s).is_some())
        .unwrap();
    for _ in 0..100 {
        let plan = plan_of(&screen);
        if pred(&plan) {
            return screen;
        }
        let expert = expert_of(&plan);
        tui.key(Key::Down);
        let moved = tui.wait_until(
            &format!("the selection to move on towards {what}"),
            TIMEOUT,
            |s| shown_expert(s).is_some_and(|e| Some(e) != expert),
        );
        match moved {
            Ok(s) => screen = s,
            // The selection stays on the last expert: the list ended.
            Err(_) => break,
        }
    }
    panic!("no expert with {what} in the list:\n{screen}");
}

/// True when the row under the experts' table header (the line with the column "Naam") is
/// selected.
fn first_expert_selected(screen: &str) -> bool {
    let lines: Vec<&str> = screen.lines().collect();
    lines
        .iter()
        .position(|l| l.contains("Naam") && l.contains("Taken"))
        .and_then(|i| lines.get(i + 1))
        .is_some_and(|l| l.contains("│▸"))
}

/// Selects the first expert of the list.
fn to_first_expert(tui: &mut Tui) {
    tui.key(Key::Home);
    tui.wait_until("the first expert selected", TIMEOUT, |s| {
        first_expert_selected(s) && shown_expert(s).is_some()
    })
    .unwrap();
}

/// Selects the expert named `name`; returns the screen.
fn select_expert(tui: &mut Tui, name: &str) -> String {
    to_first_expert(tui);
    move_down_to(tui, name, |plan| expert_of(plan).as_deref() == Some(name))
}

/// Starts the TUI as the coordinator, logs in and opens the Training tab (the fifth) on its
/// first view, the plans.
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
    assert!(header.contains("5 Opleiding"), "{screen}");
    tui.send("5");
    let screen = tui
        .wait_until("the Training tab, plans view", TIMEOUT, |s| {
            s.contains("Opleidingsplannen (") && shown_expert(s).is_some()
        })
        .unwrap();
    assert!(
        screen
            .lines()
            .nth(1)
            .unwrap_or_default()
            .contains("Opleidingsplannen ("),
        "the plans view should be the first:\n{screen}"
    );
    tui
}

/// Presses `key` for a step of the selected plan item, waits for its form (titled `title`,
/// the date field on today) and saves it.
fn step_form(tui: &mut Tui, key: char, title: &str, today: &str) {
    tui.send(&key.to_string());
    let screen = tui
        .wait_until(&format!("the form {title:?}"), TIMEOUT, |s| {
            s.contains(&format!("┌ {title} ")) && focused_label_is(s, "Datum")
        })
        .unwrap();
    assert!(
        screen.contains(&format!("Datum {today}")),
        "the date should default to today:\n{screen}"
    );
    tui.key(Key::Ctrl('s'));
}

/// Checks the plan of `name` after the course was completed: the skills it closed are not
/// missing, the course is no longer suggested, the item is completed today and the course's
/// skills are held from it today.
fn assert_closed(
    screen: &str,
    name: &str,
    course: &str,
    closes: &[String],
    teaches: &[String],
    today: &str,
) {
    let plan = plan_of(screen);
    assert_eq!(expert_of(&plan).as_deref(), Some(name), "{screen}");
    let missing = missing_of(&plan);
    for skill in closes {
        assert!(
            !missing.contains(skill),
            "{skill} is still missing for {name} after {course}:\n{screen}"
        );
    }
    if missing.is_empty() {
        assert!(
            plan.iter()
                .any(|l| l == &format!("{MISSING}{NOTHING_MISSING}")),
            "{screen}"
        );
    }
    assert!(
        suggestions_of(&plan).iter().all(|(c, _)| c != course),
        "{course} is still suggested for {name}:\n{screen}"
    );
    let (items, _) = items_of(&plan);
    assert!(
        items.iter().any(|i| i.starts_with(&format!("{course} · "))
            && i.ends_with(&format!(" · afgerond {today}"))),
        "{name}'s plan should have {course} completed today:\n{screen}"
    );
    for skill in teaches {
        assert!(
            plan.iter()
                .any(|l| l.starts_with(&format!("  {skill} · {today} · cursus {course} · "))),
            "{name} should hold {skill} from {course} since today:\n{screen}"
        );
    }
}

/// The journey of the issue: an expert's gap is closed by completing a course and disappears
/// from the plan.
#[test]
fn an_experts_gap_is_closed_by_completing_a_course() {
    let today = dmy(Local::now().date_naive());
    let store = Store::demo();

    // --- 1. An expert missing a skill that a suggested course teaches.
    let mut tui = start(&store);
    to_first_expert(&mut tui);
    let screen = move_down_to(
        &mut tui,
        "a missing skill taught by a suggested course",
        |plan| closing_course(plan).is_some(),
    );
    let plan = plan_of(&screen);
    let name = expert_of(&plan).unwrap();
    let (course, closes) = closing_course(&plan).unwrap();
    let (items_before, _) = items_of(&plan);
    assert!(
        screen
            .lines()
            .any(|l| l.contains('▸') && l.contains(&format!("│▸{name} "))),
        "{name} should be selected in the list:\n{screen}"
    );

    // --- 2. Proposed: `a` lists the suggested courses first; the course is picked.
    tui.send("a");
    let screen = tui
        .wait_until("the course picker", TIMEOUT, |s| {
            s.contains("┌ Cursus kiezen (★ voorgesteld) ") && s.contains("▸ ★ ")
        })
        .unwrap();
    // "▸ ★ Voorlichter worden · € 90,00 · leert: Voorlichting geven; Gespreksvoering", cut off
    // at the popup's edge.
    let label = format!("★ {course} · ");
    assert!(
        screen.contains(&label),
        "{course} is not suggested in the picker:\n{screen}"
    );
    // The suggested courses come first, marked ★, the first one picked: move on to this one.
    let picked = |s: &str| {
        s.lines()
            .find_map(|l| l.split("▸ ★ ").nth(1))
            .map(str::to_string)
    };
    for _ in 0..20 {
        let now = picked(&tui.screen());
        if now
            .as_deref()
            .is_some_and(|p| format!("★ {p}").starts_with(&label))
        {
            break;
        }
        tui.key(Key::Down);
        tui.wait_until("the picker's selection to move", TIMEOUT, |s| {
            picked(s) != now
        })
        .unwrap();
    }
    tui.wait_for(&format!("▸ {label}"), TIMEOUT).unwrap();
    tui.key(Key::Enter);
    let screen = tui
        .wait_until("the proposal's form", TIMEOUT, |s| {
            s.contains("┌ Cursus voorstellen ") && focused_label_is(s, "Datum")
        })
        .unwrap();
    assert!(screen.contains(&format!("{name} · {course}")), "{screen}");
    assert!(screen.contains(&format!("Datum {today}")), "{screen}");
    tui.key(Key::Ctrl('s'));
    let proposed = format!("{course} voorgesteld voor {name}.");
    let screen = tui
        .wait_until("the course to be proposed", TIMEOUT, |s| {
            !s.contains("┌ Cursus voorstellen ") && s.contains(&proposed)
        })
        .unwrap();
    assert!(status_line(&screen).contains(&proposed), "{screen}");
    let (items, _) = items_of(&plan_of(&screen));
    assert_eq!(
        items.len(),
        items_before.len() + 1,
        "one item more in {name}'s plan:\n{screen}"
    );
    // The new item comes last in this half year's plan: select it.
    let last = items.len() - 1;
    assert!(
        items[last].starts_with(&format!("{course} · ")) && items[last].ends_with(" · voorgesteld"),
        "{screen}"
    );
    loop {
        let screen = tui.screen();
        let (_, selected) = items_of(&plan_of(&screen));
        let at = selected.unwrap_or_else(|| panic!("no plan item selected:\n{screen}"));
        if at == last {
            break;
        }
        tui.key(Key::Right);
        tui.wait_until("the next plan item selected", TIMEOUT, |s| {
            plan_lines(s).is_some_and(|p| items_of(&p).1 == Some(at + 1))
        })
        .unwrap();
    }

    // --- 3. Agreed, enrolled, completed: each on today.
    step_form(&mut tui, 'o', "Afgesproken met de ED'er", &today);
    let agreed = format!("{course}: afgesproken op {today}.");
    let screen = tui
        .wait_until("the item to be agreed", TIMEOUT, |s| {
            !s.contains("┌ Afgesproken met de ED'er ") && s.contains(&agreed)
        })
        .unwrap();
    assert!(
        selected_item(&screen).is_some_and(|i| i.ends_with(&format!(" · afgesproken {today}"))),
        "{screen}"
    );

    step_form(&mut tui, 'i', "Ingeschreven", &today);
    let enrolled = format!("{course}: ingeschreven op {today}.");
    let screen = tui
        .wait_until("the item to be enrolled", TIMEOUT, |s| {
            !s.contains("┌ Ingeschreven ") && s.contains(&enrolled)
        })
        .unwrap();
    assert!(
        selected_item(&screen).is_some_and(|i| i.ends_with(&format!(" · ingeschreven {today}"))),
        "{screen}"
    );
    // Still missing until the course is completed.
    let missing = missing_of(&plan_of(&screen));
    assert!(closes.iter().all(|s| missing.contains(s)), "{screen}");

    step_form(&mut tui, 'c', "Cursus afgerond", &today);
    let screen = tui
        .wait_until("the question whether it was completed", TIMEOUT, |s| {
            s.contains("┌ Bevestigen ")
        })
        .unwrap();
    assert_eq!(
        popup_text(&screen, "Bevestigen").unwrap(),
        format!(
            "{course} voor {name} afgerond op {today}? De vaardigheden van de cursus worden \
             toegevoegd."
        ),
        "{screen}"
    );
    // y is yes (j moves down elsewhere, so it is no answer).
    tui.send("y");
    // "Voorlichter worden afgerond: 2 vaardigheden toegevoegd (Voorlichting geven;
    // Gespreksvoering).": all the skills the course teaches.
    let completed = format!("{course} afgerond: ");
    let screen = tui
        .wait_until("the course to be completed", TIMEOUT, |s| {
            !s.contains("┌ Bevestigen ")
                && !s.contains("┌ Cursus afgerond ")
                && status_line(s).contains(&completed)
        })
        .unwrap();
    let status = status_line(&screen);
    let status = status.trim();
    let added = status
        .split(&completed)
        .nth(1)
        .and_then(|rest| rest.split_once(" vaardigheden toegevoegd ("))
        .and_then(|(n, rest)| Some((n.parse::<usize>().ok()?, rest.split_once(").")?.0)));
    let Some((n, skills)) = added else {
        panic!("the status should say which skills were added:\n{screen}");
    };
    let teaches: Vec<String> = skills.split("; ").map(str::to_string).collect();
    assert_eq!(n, teaches.len(), "{screen}");
    for skill in &closes {
        assert!(
            teaches.contains(skill),
            "{skill} should be added by {course}:\n{screen}"
        );
    }
    assert_closed(&screen, &name, &course, &closes, &teaches, &today);
    quit(&mut tui);

    // --- 4. A second session shows the same.
    let mut tui = start(&store);
    let screen = select_expert(&mut tui, &name);
    assert_closed(&screen, &name, &course, &closes, &teaches, &today);
    quit(&mut tui);
}
