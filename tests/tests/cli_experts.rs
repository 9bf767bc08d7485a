//! `kapstok reviews ics` against the real binary: the coordinator gets a calendar of the planned
//! reviews; a volunteer is refused.

mod common;

use common::{assert_failure, assert_success, Store, DEMO_PASSWORD};
use kapstok_tests::stdout;

#[test]
fn the_coordinator_exports_planned_reviews_and_a_volunteer_is_refused() {
    let store = Store::demo();
    let out = store.run_as("coordinator", DEMO_PASSWORD, &["reviews", "ics"]);
    assert_success(&out, "kapstok reviews ics");
    let ics = stdout(&out);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    let events = ics.matches("BEGIN:VEVENT").count();
    assert!(
        events >= 1,
        "the demo plans reviews in the coming weeks:\n{ics}"
    );
    assert_eq!(events, ics.matches("END:VEVENT").count());
    assert!(ics.contains("SUMMARY:Functioneringsgesprek "));
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));

    let file = store.dir().join("gesprekken.ics");
    let out = store.run_as(
        "coordinator",
        DEMO_PASSWORD,
        &["reviews", "ics", "-o", file.to_str().unwrap()],
    );
    assert_success(&out, "kapstok reviews ics -o");
    assert!(stdout(&out).contains(&format!("{events} geplande gesprekken opgeslagen in")));
    let saved = std::fs::read_to_string(&file).unwrap();
    assert_eq!(saved.matches("BEGIN:VEVENT").count(), events);

    let out = store.run_as("vrijwilliger", DEMO_PASSWORD, &["reviews", "ics"]);
    let err = assert_failure(&out, "a volunteer's reviews ics");
    assert!(err.contains("Dit mag uw rol niet"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn the_administrator_extends_the_allowance_table() {
    let store = Store::demo();
    let add = [
        "limits",
        "--year",
        "2027",
        "--per-hour",
        "5,90",
        "--per-hour-under-21",
        "3,50",
        "--per-month",
        "225",
        "--per-year",
        "2.250",
    ];
    let out = store.run_as("coordinator", DEMO_PASSWORD, &add);
    assert!(assert_failure(&out, "a coordinator's limits").contains("Dit mag uw rol niet"));
    let out = store.run_as("beheer", DEMO_PASSWORD, &add);
    assert_success(&out, "kapstok limits --year 2027");
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(
        lines.len(),
        4,
        "2024-2026 from FACTS.md, and 2027: {lines:?}"
    );
    assert_eq!(lines[3], "2027\t€ 5,90\t€ 3,50\t€ 225,00\t€ 2.250,00");
    assert_eq!(lines[2], "2026\t€ 5,75\t€ 3,40\t€ 220,00\t€ 2.200,00");
    let mut bad = add;
    bad[4] = "vijf";
    let out = store.run_as("beheer", DEMO_PASSWORD, &bad);
    assert!(assert_failure(&out, "a bad amount").contains("is geen getal"));
}
