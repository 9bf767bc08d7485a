//! `kapstok user key add|list|remove` and `kapstok user disable|enable` through the real
//! binary: what an administrator does to let staff log in to `kapstok serve` with their key.

#![cfg(unix)]

mod common;

use common::{assert_failure, assert_success, Store, DEMO_PASSWORD};
use kapstok_tests::stdout;

const KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUm vrijwilliger@balie";

#[test]
fn an_administrator_registers_lists_and_removes_a_key() {
    let store = Store::demo();
    let file = store.dir().join("id_ed25519.pub");
    std::fs::write(&file, format!("{KEY}\n")).unwrap();
    let path = file.to_str().unwrap();

    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &["user", "key", "add", "vrijwilliger", path],
    );
    assert_success(&out, "user key add");
    let said = stdout(&out);
    assert!(
        said.starts_with("SSH-sleutel toegevoegd voor vrijwilliger: SHA256:"),
        "{said}"
    );
    let fingerprint = said.trim().rsplit(' ').next().unwrap().to_string();

    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &["user", "key", "list", "vrijwilliger"],
    );
    assert_success(&out, "user key list");
    let fields: Vec<String> = stdout(&out)
        .trim()
        .split('\t')
        .map(str::to_string)
        .collect();
    assert_eq!(
        fields[..3],
        [fingerprint.as_str(), "ssh-ed25519", "vrijwilliger@balie"]
    );
    // The date it was added (the binary runs on the real clock).
    let today = chrono::Local::now()
        .date_naive()
        .format("%d-%m-%Y")
        .to_string();
    assert_eq!(fields[3], today);
    // Everyone sees their own keys; no one else's.
    let out = store.run_as(
        "vrijwilliger",
        DEMO_PASSWORD,
        &["user", "key", "list", "vrijwilliger"],
    );
    assert_success(&out, "user key list, own");
    assert!(stdout(&out).contains(&fingerprint));
    let out = store.run_as(
        "vrijwilliger",
        DEMO_PASSWORD,
        &["user", "key", "list", "beheer"],
    );
    let err = assert_failure(&out, "user key list of another user as a volunteer");
    assert!(err.contains("Dit mag uw rol niet"), "{err}");

    // The same key again, for anyone, is refused with the field named.
    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &["user", "key", "add", "coordinator", path],
    );
    let err = assert_failure(&out, "the same key for a second user");
    assert!(err.contains("Sleutel"), "{err}");

    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &["user", "key", "remove", "vrijwilliger", &fingerprint],
    );
    assert_success(&out, "user key remove");
    assert!(stdout(&out).contains("verwijderd"), "{}", stdout(&out));
    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &["user", "key", "list", "vrijwilliger"],
    );
    assert_eq!(stdout(&out).trim(), "Geen SSH-sleutels.");
}

#[test]
fn a_file_that_is_not_a_public_key_is_refused_clearly() {
    let store = Store::demo();
    let private = store.dir().join("id_ed25519");
    std::fs::write(
        &private,
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n",
    )
    .unwrap();
    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &["user", "key", "add", "beheer", private.to_str().unwrap()],
    );
    let err = assert_failure(&out, "a private key file");
    assert!(
        err.contains("Sleutel: is geen openbare SSH-sleutel"),
        "{err}"
    );
    assert!(err.contains(".pub"), "says what to give instead: {err}");

    let missing = store.dir().join("bestaat-niet.pub");
    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &["user", "key", "add", "beheer", missing.to_str().unwrap()],
    );
    let err = assert_failure(&out, "a missing key file");
    assert!(err.contains("Kan het sleutelbestand"), "{err}");
    assert!(err.contains("bestaat-niet.pub"), "{err}");
}

#[test]
fn a_blocked_user_cannot_log_in_until_unblocked() {
    let store = Store::demo();
    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &["user", "disable", "vrijwilliger"],
    );
    assert_success(&out, "user disable");
    let out = store.run_as("beheer", DEMO_PASSWORD, &["user", "list"]);
    assert!(
        stdout(&out)
            .lines()
            .any(|l| l.starts_with("vrijwilliger\t") && l.ends_with("geblokkeerd")),
        "{}",
        stdout(&out)
    );
    let out = store.run_as(
        "vrijwilliger",
        DEMO_PASSWORD,
        &["user", "key", "list", "vrijwilliger"],
    );
    let err = assert_failure(&out, "a blocked user logs in");
    assert!(
        err.contains("Onbekende gebruiker of verkeerd wachtwoord"),
        "{err}"
    );

    let out = store.run_as("beheer", DEMO_PASSWORD, &["user", "disable", "beheer"]);
    let err = assert_failure(&out, "blocking oneself");
    assert!(err.contains("uw eigen account"), "{err}");

    let out = store.run_as("beheer", DEMO_PASSWORD, &["user", "enable", "vrijwilliger"]);
    assert_success(&out, "user enable");
    let out = store.run_as(
        "vrijwilliger",
        DEMO_PASSWORD,
        &["user", "key", "list", "vrijwilliger"],
    );
    assert_success(&out, "an unblocked user logs in");
}

#[test]
fn serve_on_a_port_in_use_says_so_and_what_to_do() {
    let store = Store::demo();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let out = store.run(&["serve", "--listen", &addr], &[]);
    let err = assert_failure(&out, "serve on a port in use");
    assert!(
        err.contains(&format!("De server kan niet starten op {addr}")),
        "{err}"
    );
    assert!(err.contains("--listen"), "says what to do: {err}");
}
