//! A person's data through the real binary: `person export` (JSON and PDF), `person erase`
//! (asked twice on the terminal, refused for a member, then no trace of the name in the store's
//! raw files), and `retention`.

#![cfg(unix)]

mod common;

use common::{assert_failure, assert_success, Store};
use kapstok_testkit::files_holding as holding;
use kapstok_tests::{run, stdout};

const PW: &str = "een-lang-geheim";

const CSV: &str = "surname;given;joined;status;status_since;status_reason;phone;notes
Quibblewort;Xandrijn;01-01-2019;ended;01-01-2020;verhuisd;0612398765;NotitieGeheim
Blijft;Anna;01-01-2019;active;;;;
";

fn store() -> Store {
    let store = Store::new();
    let out = store.run(
        &["user", "add", "beheer", "--role", "administrator"],
        &[("KAPSTOK_NEW_PASSWORD", PW)],
    );
    assert_success(&out, "user add");
    let file = store.dir().join("leden.csv");
    std::fs::write(&file, CSV).unwrap();
    let out = store.run_as("beheer", PW, &["import", "members", file.to_str().unwrap()]);
    assert_success(&out, "import");
    store
}

fn erase(store: &Store, number: &str, answers: &str) -> std::process::Output {
    run(
        &[
            "--db",
            store.db(),
            "person",
            "erase",
            number,
            "--user",
            "beheer",
        ],
        &store.env(&[("KAPSTOK_PASSWORD", PW)]),
        Some(answers),
    )
}

#[test]
fn export_retention_and_erasure_on_the_command_line() {
    let store = store();
    let json = store.dir().join("lid1.json");
    let out = store.run_as(
        "beheer",
        PW,
        &["person", "export", "1", "-o", json.to_str().unwrap()],
    );
    assert_success(&out, "person export");
    let text = std::fs::read_to_string(&json).unwrap();
    assert!(
        text.contains("Quibblewort") && text.contains("NotitieGeheim"),
        "{text}"
    );
    let pdf = store.dir().join("lid1.pdf");
    let out = store.run_as(
        "beheer",
        PW,
        &["person", "export", "1", "-o", pdf.to_str().unwrap()],
    );
    assert_success(&out, "person export pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    let out = store.run_as("beheer", PW, &["retention"]);
    assert_success(&out, "retention");
    let listed = stdout(&out);
    assert!(listed.contains("Quibblewort, Xandrijn"), "{listed}");
    assert!(!listed.contains("Blijft"), "{listed}");

    // A member is not erased; a wrong answer erases nothing.
    let refused = assert_failure(&erase(&store, "2", "2\nwissen\n"), "erase a member");
    assert!(refused.contains("nog lid"), "{refused}");
    let cancelled = assert_failure(&erase(&store, "1", "1\nnee\n"), "erase, second no");
    assert!(cancelled.contains("Afgebroken"), "{cancelled}");
    let db = std::path::Path::new(store.db());
    assert!(!holding(db, "Quibblewort").is_empty());

    let out = erase(&store, "1", "1\nwissen\n");
    assert_success(&out, "erase");
    let said = stdout(&out);
    assert!(said.contains("Lid 1 gewist"), "{said}");
    assert!(said.contains("Opslag herschreven"), "{said}");
    assert!(said.contains("-backups"), "the backups are named: {said}");
    for secret in [
        "Quibblewort",
        "Xandrijn",
        "0612398765",
        "NotitieGeheim",
        "verhuisd",
    ] {
        let hits = holding(db, secret);
        assert!(hits.is_empty(), "{secret} still in {hits:?}");
    }
    let out = store.run_as("beheer", PW, &["retention"]);
    assert!(stdout(&out).contains("Niemand"), "{}", stdout(&out));
    let out = store.run_as("beheer", PW, &["members", "list"]);
    assert!(stdout(&out).contains("Blijft, Anna"));
}
