//! `kapstok settings`: the office address that care-of post goes to, and the out-of-sight weeks.

mod common;

use common::{assert_failure, assert_success, Store};
use kapstok_tests::stdout;

#[test]
fn a_new_association_sets_its_office_address() {
    let store = Store::new();
    let out = store.run(
        &["user", "add", "anna", "--role", "administrator"],
        &[("KAPSTOK_NEW_PASSWORD", "geheim-wachtwoord")],
    );
    assert_success(&out, "first administrator");
    let pw = "geheim-wachtwoord";
    let out = store.run_as("anna", pw, &["settings"]);
    assert!(
        stdout(&out).contains("onbekend"),
        "no office address yet: {}",
        stdout(&out)
    );
    let out = store.run_as(
        "anna",
        pw,
        &[
            "settings",
            "--office-name",
            "Vereniging X",
            "--office-address",
            "postbus",
            "--office-number",
            "1234",
            "--office-postcode",
            "1000ab",
            "--office-city",
            "Amsterdam",
            "--out-of-sight-weeks",
            "8",
        ],
    );
    assert_success(&out, "settings");
    let text = stdout(&out);
    assert!(
        text.contains("Vereniging X · Postbus 1234, 1000 AB  AMSTERDAM"),
        "{text}"
    );
    assert!(text.contains("(weken): 8"), "{text}");
    let out = store.run_as(
        "anna",
        pw,
        &[
            "settings",
            "--office-address",
            "street",
            "--office-city",
            "Amsterdam",
        ],
    );
    let err = assert_failure(&out, "a street address without a street");
    assert!(err.contains("Straat: is verplicht"), "{err}");
    let out = store.run_as("anna", pw, &["settings"]);
    assert!(
        stdout(&out).contains("Postbus 1234"),
        "a refused change leaves the settings as they were"
    );
}

#[test]
fn review_settings_are_checked() {
    let store = Store::demo();
    let pw = common::DEMO_PASSWORD;
    let out = store.run_as(
        "beheer",
        pw,
        &[
            "settings",
            "--review-due-weeks",
            "8",
            "--office-opens",
            "09:30",
        ],
    );
    assert_success(&out, "review settings");
    assert!(stdout(&out).contains("8 · 09:30–16:30"), "{}", stdout(&out));
    let out = store.run_as("beheer", pw, &["settings", "--office-closes", "08:00"]);
    assert!(assert_failure(&out, "closing before opening").contains("Sluit: ligt vóór opent"));
    let out = store.run_as("coordinator", pw, &["settings", "--review-due-weeks", "4"]);
    assert!(assert_failure(&out, "a coordinator's settings").contains("Dit mag uw rol niet"));
}
