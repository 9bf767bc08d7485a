//! The files the command line writes: never inside the store (one test per command that writes
//! a file), always private (0600), and a refused restore that leaves nothing behind with a
//! message a user understands.

#![cfg(unix)]

mod common;

use common::{assert_failure, assert_success, Store, DEMO_PASSWORD};
use kapstok_tests::stdout;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn demo_store() -> Store {
    let store = Store::new();
    assert_success(&store.run(&["demo", "--members", "30"], &[]), "demo");
    store
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The store's files and what `members list` shows, to compare before and after.
fn snapshot(store: &Store) -> (Vec<String>, String) {
    let mut names: Vec<String> = std::fs::read_dir(store.db())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("snap."))
        .collect();
    names.sort();
    let list = store.run_as("beheer", DEMO_PASSWORD, &["members", "list"]);
    assert_success(&list, "members list");
    (names, stdout(&list))
}

#[test]
fn no_command_writes_a_file_inside_the_store() {
    let store = demo_store();
    let db = Path::new(store.db()).to_path_buf();
    let backups = store.dir().join("store-backups");
    let sibling = store.dir().join("store.old");
    let p = |path: &Path| path.to_str().unwrap().to_string();
    let meetings = store.run_as("beheer", DEMO_PASSWORD, &["meeting", "list"]);
    assert_success(&meetings, "meeting list");
    let meeting = stdout(&meetings)
        .lines()
        .next()
        .and_then(|l| l.split('\t').next())
        .unwrap()
        .to_string();
    let cases: Vec<(&str, Vec<String>)> = vec![
        ("backup", vec!["backup".into(), p(&db.join("db"))]),
        (
            "backup into the backups folder",
            vec!["backup".into(), p(&backups.join("mijn.jsonl"))],
        ),
        (
            "export members",
            vec![
                "export".into(),
                "members".into(),
                "-o".into(),
                p(&db.join("conf")),
            ],
        ),
        (
            "labels",
            vec![
                "labels".into(),
                "--week".into(),
                "2026-W49".into(),
                "-o".into(),
                p(&db.join("etiketten.pdf")),
            ],
        ),
        (
            "labels test print",
            vec![
                "labels".into(),
                "--test".into(),
                "--sheet".into(),
                "avery-l7160".into(),
                "-o".into(),
                p(&sibling.join("test.pdf")),
            ],
        ),
        (
            "reviews ics",
            vec![
                "reviews".into(),
                "ics".into(),
                "-o".into(),
                p(&db.join("r.ics")),
            ],
        ),
        (
            "report year PDF",
            vec![
                "report".into(),
                "year".into(),
                "2026".into(),
                "-o".into(),
                p(&db.join("jaar.pdf")),
            ],
        ),
        (
            "report year CSV",
            vec![
                "report".into(),
                "year".into(),
                "2026".into(),
                "--csv".into(),
                p(&store.dir().join("store.rewrite")),
            ],
        ),
        (
            "meeting attendance sheet",
            vec![
                "meeting".into(),
                "attendance-sheet".into(),
                meeting.clone(),
                "-o".into(),
                p(&db.join("lijst.pdf")),
            ],
        ),
        (
            "meeting convocation",
            vec![
                "meeting".into(),
                "convocation".into(),
                meeting.clone(),
                "--dir".into(),
                p(&db.join("brieven")),
            ],
        ),
        (
            "person export",
            vec![
                "person".into(),
                "export".into(),
                "1".into(),
                "-o".into(),
                p(&db.join("..").join("store").join("lid.json")),
            ],
        ),
    ];
    let before = snapshot(&store);
    for (what, args) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = store.run_as("beheer", DEMO_PASSWORD, &args);
        let err = assert_failure(&out, what);
        assert!(
            err.contains("ligt in de opslag") && err.contains("kies een bestand buiten"),
            "{what}: not the clear refusal: {err}"
        );
        assert_eq!(snapshot(&store), before, "{what}: the store changed");
    }
    assert!(!sibling.exists() && !store.dir().join("store.rewrite").exists());
    assert!(!backups.join("mijn.jsonl").exists());
    // In English too.
    let out = store.run(
        &[
            "--lang",
            "en",
            "backup",
            &p(&db.join("db")),
            "--user",
            "beheer",
        ],
        &[("KAPSTOK_PASSWORD", DEMO_PASSWORD)],
    );
    let err = assert_failure(&out, "backup (English)");
    assert!(err.contains("is inside the store"), "{err}");
}

#[test]
fn files_the_command_line_writes_are_private() {
    let store = demo_store();
    let dir = store.dir().join("uit");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let csv = dir.join("leden.csv");
    let pdf = dir.join("etiketten.pdf");
    let backup = dir.join("kopie.jsonl");
    for args in [
        vec!["export", "members", "-o", csv.to_str().unwrap()],
        vec!["labels", "--week", "2026-W49", "-o", pdf.to_str().unwrap()],
        vec!["backup", backup.to_str().unwrap()],
    ] {
        assert_success(&store.run_as("beheer", DEMO_PASSWORD, &args), args[0]);
    }
    for file in [&csv, &pdf, &backup] {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
    assert_eq!(mode(Path::new(store.db())), 0o700);
    assert_eq!(mode(&store.dir().join("store-backups")), 0o700);
}

#[test]
fn a_refused_restore_leaves_nothing_and_says_what_is_wrong() {
    let store = demo_store();
    let file = store.dir().join("kopie.jsonl");
    assert_success(
        &store.run_as("beheer", DEMO_PASSWORD, &["backup", file.to_str().unwrap()]),
        "backup",
    );
    let text = std::fs::read_to_string(&file).unwrap();
    // Cut in the middle of a line, as a full disk or a broken copy does.
    let cut = store.dir().join("afgekapt.jsonl");
    std::fs::write(&cut, &text[..text.len() / 2]).unwrap();
    for (lang, wanted) in [
        ("nl", "Er is niets teruggezet; neem een andere back-up"),
        ("en", "Nothing was restored; take another backup"),
    ] {
        let target = store.dir().join(format!("nieuw-{lang}")).join("store");
        let out = kapstok_tests::run(
            &[
                "--lang",
                lang,
                "--db",
                target.to_str().unwrap(),
                "restore",
                cut.to_str().unwrap(),
            ],
            &store.env(&[]),
            None,
        );
        let err = assert_failure(&out, "restore of a cut backup");
        assert!(err.contains(wanted), "{err}");
        assert!(!err.contains("EOF") && !err.contains("serde"), "{err}");
        assert!(
            !target.parent().unwrap().exists(),
            "a refused restore left {}",
            target.parent().unwrap().display()
        );
    }
    // The old dump format is checked as strictly: an edited header does not let it through.
    let old = text.replacen("\"kapstok_dump\":2", "\"kapstok_dump\":1", 1);
    let lines: Vec<&str> = old.lines().collect();
    let edited = store.dir().join("oud.jsonl");
    std::fs::write(&edited, lines[..lines.len() / 2].join("\n") + "\n").unwrap();
    let target = store.dir().join("nieuw-oud");
    let out = kapstok_tests::run(
        &[
            "--db",
            target.to_str().unwrap(),
            "restore",
            edited.to_str().unwrap(),
        ],
        &store.env(&[]),
        None,
    );
    let err = assert_failure(&out, "restore of an edited, cut backup");
    assert!(err.contains("regel 1"), "{err}");
    assert!(!target.exists());
    // A whole backup restores.
    let target = store.dir().join("nieuw-heel");
    let out = kapstok_tests::run(
        &[
            "--db",
            target.to_str().unwrap(),
            "restore",
            file.to_str().unwrap(),
        ],
        &store.env(&[]),
        None,
    );
    assert_success(&out, "restore of the whole backup");
}
