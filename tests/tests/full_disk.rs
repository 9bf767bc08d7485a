//! A full disk, simulated without privileges: the real `kapstok` binary runs with a file size
//! limit (`RLIMIT_FSIZE`, `SIGXFSZ` ignored), so every write past the limit fails with EFBIG as
//! on a full disk. For every kind of change the command line offers, at several limits: the
//! command either succeeds or fails with a clear "refused / disk full" message; afterwards the
//! store opens (without the limit) and holds exactly what was acknowledged: on a failure the very
//! entries it held before (compared with a dump of every tree), on a success the change (checked
//! with a read command); output files are either complete or absent, with no temporary file.
//!
//! A file size limit is not a full disk in one respect: sled 0.34.7, when it opens a store whose
//! log moved on since its last snapshot, first zeroes the rest of the active segment (up to the
//! end of `db`, so a limit below its size fails there) and then writes the new snapshot, which is
//! far smaller than `db`: the snapshot write itself never hits the limit, so the
//! `snap.*.generating` file a real full disk leaves cannot be made here. `core/tests/files.rs`
//! puts those leftovers into a real store and shows it opens.
//!
//! `cargo test -p kapstok-tests --test full_disk -- --nocapture` prints the counts.

#![cfg(unix)]

use kapstok_core::store::{dump, Store};
use kapstok_core::Error;
use kapstok_testkit::{copy_dir, is_lock, retry_locked_for};
use kapstok_tests::kapstok_command_with;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

const PASSWORD: &str = "kapstok-demo";

/// Runs `kapstok --db STORE args --user beheer` with HOME in `home`, and, with `limit`, no file
/// may grow beyond `limit` bytes.
fn kapstok(home: &Path, store: &Path, args: &[&str], limit: Option<u64>) -> Output {
    // kapstok_command pipes stdout and stderr and empties stdin.
    let mut cmd = kapstok_command_with(home, store, args, PASSWORD);
    cmd.env("KAPSTOK_NEW_PASSWORD", "een-nieuw-wachtwoord");
    if let Some(limit) = limit {
        // SAFETY: only async-signal-safe calls (signal, setrlimit) between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                let rl = libc::rlimit {
                    rlim_cur: limit as libc::rlim_t,
                    rlim_max: limit as libc::rlim_t,
                };
                if libc::setrlimit(libc::RLIMIT_FSIZE, &rl) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    cmd.output().expect("cannot start kapstok")
}

fn text(out: &Output) -> String {
    format!(
        "status {}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Every entry of every tree (a dump without its header and check line), read in this process;
/// `Err` when the store does not open.
fn entries(store: &Path) -> Result<Vec<String>, Error> {
    let (s, _) = retry_locked_for(Duration::from_secs(20), || Store::open(store), is_lock)?;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("d.jsonl");
    dump::write(&s, &file, "x")?;
    let all = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<String> = all.lines().map(str::to_string).collect();
    Ok(lines[1..lines.len() - 1].to_vec())
}

fn largest_file(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .max()
        .unwrap_or(0)
}

/// No temporary file of an output or a backup anywhere in `dir`.
fn no_temporary_files(dir: &Path) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".kapstok-partial") || name.ends_with(".partial") {
            return Err(format!(
                "a temporary file stayed: {}",
                entry.path().display()
            ));
        }
        if entry.file_type().unwrap().is_dir() {
            no_temporary_files(&entry.path())?;
        }
    }
    Ok(())
}

/// A refusal a user understands.
fn is_clear_refusal(stderr: &str) -> bool {
    stderr.contains("Wijziging geweigerd, er is niets opgeslagen")
        || stderr.contains("de schijf is vol of het bestand te groot")
}

/// Whether an output file's bytes are a whole file.
type Completeness = fn(&[u8]) -> bool;

/// One kind of change: the command, and how to see afterwards that it took effect.
struct Change {
    name: &'static str,
    args: Vec<String>,
    /// A read command, and text in its output after the change (absent before).
    probe: Option<(Vec<&'static str>, &'static str)>,
    /// An output file the command writes: complete (checked by `complete`) or absent.
    output: Option<(PathBuf, Completeness)>,
}

fn pdf_complete(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF") && bytes.windows(5).any(|w| w == b"%%EOF")
}

fn csv_complete(bytes: &[u8]) -> bool {
    bytes.starts_with("\u{feff}".as_bytes()) && bytes.ends_with(b"\n")
}

fn backup_complete(bytes: &[u8]) -> bool {
    dump::verify(bytes, Path::new("b.jsonl")).is_ok()
}

fn changes(work: &Path) -> Vec<Change> {
    // Read, not written: beside the outputs' folder.
    let csv = work.with_file_name("nieuw.csv");
    std::fs::write(
        &csv,
        "surname;given;joined;address_kind\nVolgelopen;Schijf;01-03-2024;care_of\n\
         Volgelopen;Tweede;02-03-2024;care_of\n",
    )
    .unwrap();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let out = |name: &str| work.join(name);
    let p = |p: &Path| p.to_str().unwrap().to_string();
    vec![
        Change {
            name: "import members",
            args: vec!["import".into(), "members".into(), p(&csv)],
            probe: Some((
                vec!["members", "list", "--search", "volgelopen"],
                "Volgelopen",
            )),
            output: None,
        },
        Change {
            name: "settings",
            args: s(&["settings", "--out-of-sight-weeks", "19"]),
            probe: Some((vec!["settings"], "(weken): 19")),
            output: None,
        },
        Change {
            name: "user add",
            args: s(&["user", "add", "nieuwkomer", "--role", "volunteer"]),
            probe: Some((vec!["user", "list"], "nieuwkomer")),
            output: None,
        },
        Change {
            name: "allowance limits",
            args: s(&[
                "limits",
                "--year",
                "2031",
                "--per-hour",
                "6",
                "--per-hour-under-21",
                "4",
                "--per-month",
                "230",
                "--per-year",
                "2300",
            ]),
            probe: Some((vec!["limits"], "2031")),
            output: None,
        },
        Change {
            name: "printer calibration",
            args: s(&["printer", "--offset-x", "1.5"]),
            probe: Some((vec!["printer"], "x +1.5 mm")),
            output: None,
        },
        Change {
            name: "meeting rules",
            args: s(&["meeting", "rules", "--notice-days", "23"]),
            probe: Some((vec!["meeting", "rules"], "23 dagen")),
            output: None,
        },
        Change {
            name: "backups kept",
            args: s(&["backups", "--keep", "4"]),
            probe: Some((vec!["backups"], " 4")),
            output: None,
        },
        Change {
            name: "retention period",
            args: s(&["retention", "--months", "31"]),
            probe: Some((vec!["retention"], "31")),
            output: None,
        },
        Change {
            name: "labels (composes the run, writes a PDF)",
            args: vec![
                "labels".into(),
                "--week".into(),
                "2026-W49".into(),
                "-o".into(),
                p(&out("etiketten.pdf")),
            ],
            probe: None,
            output: Some((out("etiketten.pdf"), pdf_complete)),
        },
        Change {
            name: "export members",
            args: vec![
                "export".into(),
                "members".into(),
                "-o".into(),
                p(&out("leden.csv")),
            ],
            probe: None,
            output: Some((out("leden.csv"), csv_complete)),
        },
        Change {
            name: "backup",
            args: vec!["backup".into(), p(&out("kopie.jsonl"))],
            probe: None,
            output: Some((out("kopie.jsonl"), backup_complete)),
        },
        Change {
            name: "report year (PDF)",
            args: vec![
                "report".into(),
                "year".into(),
                "2026".into(),
                "-o".into(),
                p(&out("jaar.pdf")),
            ],
            probe: None,
            output: Some((out("jaar.pdf"), pdf_complete)),
        },
    ]
}

#[derive(Default)]
struct Counts {
    tried: usize,
    refused: usize,
    done: usize,
    survived: usize,
}

/// One scenario on a fresh copy of `base`: `Ok` when the store survived it as it must.
fn scenario(
    base: &Path,
    root: &Path,
    index: usize,
    change: &Change,
    limit: u64,
) -> Result<bool, String> {
    let work = root.join(format!("s{index}"));
    let store = work.join("store");
    copy_dir(base, &store);
    copy_dir(
        &base.with_file_name("store-backups"),
        &work.join("store-backups"),
    );
    // A change just before, with room: sled's log is then ahead of its snapshot, so the limited
    // command's open writes a snapshot first (where sled 0.34.7 leaves `snap.*.generating`
    // when the disk is full). What it holds is read from a copy, so that this store is not
    // opened in between.
    let prep = kapstok(
        &work,
        &store,
        &["settings", "--out-of-sight-weeks", "13", "--user", "beheer"],
        None,
    );
    if !prep.status.success() {
        return Err(format!(
            "the change before failed:
{}",
            text(&prep)
        ));
    }
    let twin = work.join("twin");
    copy_dir(&store, &twin);
    let before = entries(&twin).map_err(|e| format!("the copy does not open: {e}"))?;
    std::fs::remove_dir_all(&twin).unwrap();
    let mut args: Vec<&str> = change.args.iter().map(String::as_str).collect();
    // Outputs go into this scenario's folder.
    let moved: Vec<String>;
    {
        let base_work = root.join("outputs");
        moved = args
            .iter()
            .map(|a| a.replace(base_work.to_str().unwrap(), work.to_str().unwrap()))
            .collect();
        args = moved.iter().map(String::as_str).collect();
    }
    args.extend_from_slice(&["--user", "beheer"]);
    let out = kapstok(&work, &store, &args, Some(limit));
    let ok = out.status.success();
    if !ok && !is_clear_refusal(&String::from_utf8_lossy(&out.stderr)) {
        return Err(format!("not a clear refusal:\n{}", text(&out)));
    }
    let after =
        entries(&store).map_err(|e| format!("the store does not open: {e}\n{}", text(&out)))?;
    if let Some((path, complete)) = &change.output {
        let path = work.join(path.file_name().unwrap());
        match std::fs::read(&path) {
            Ok(bytes) if ok && complete(&bytes) => {}
            Ok(_) if ok => return Err(format!("{} is incomplete", path.display())),
            Ok(_) => return Err(format!("{} exists after a failure", path.display())),
            Err(_) if ok => return Err(format!("{} is missing after success", path.display())),
            Err(_) => {}
        }
    }
    no_temporary_files(&work)?;
    if let Some((probe, wanted)) = &change.probe {
        let mut probe_args = probe.clone();
        probe_args.extend_from_slice(&["--user", "beheer"]);
        let seen = kapstok(&work, &store, &probe_args, None);
        if !seen.status.success() {
            return Err(format!(
                "the probe failed after the scenario:\n{}",
                text(&seen)
            ));
        }
        let shown = String::from_utf8_lossy(&seen.stdout).contains(wanted);
        if ok && !shown {
            return Err(format!(
                "acknowledged but not in the store:\n{}",
                text(&seen)
            ));
        }
        if !ok && shown {
            return Err(format!("refused but in the store:\n{}", text(&seen)));
        }
    }
    if !ok && after != before {
        let gained: Vec<&String> = after.iter().filter(|l| !before.contains(l)).collect();
        let lost: Vec<&String> = before.iter().filter(|l| !after.contains(l)).collect();
        return Err(format!(
            "refused, yet the store changed: {} entries new, {} gone\n{}",
            gained.len(),
            lost.len(),
            text(&out)
        ));
    }
    if ok && change.probe.is_some() && after == before {
        return Err("acknowledged, yet the store is unchanged".into());
    }
    let _ = std::fs::remove_dir_all(&work);
    Ok(ok)
}

#[test]
fn a_full_disk_never_leaves_a_store_that_does_not_open_nor_half_a_change() {
    let root = tempfile::tempdir().unwrap();
    let base = root.path().join("base").join("store");
    std::fs::create_dir_all(base.parent().unwrap()).unwrap();
    let made = kapstok(root.path(), &base, &["demo", "--members", "40"], None);
    assert!(made.status.success(), "{}", text(&made));
    // The backup of the day, so that each command goes straight to its change.
    let listed = kapstok(
        root.path(),
        &base,
        &["members", "list", "--user", "beheer"],
        None,
    );
    assert!(listed.status.success(), "{}", text(&listed));
    drop(entries(&base).unwrap());
    let size = largest_file(&base);
    // From a limit that lets almost nothing be written (a snapshot is cut short) to one past the
    // end of the log.
    let limits = [1_000, size / 2, size - 2_000, size, size + 300_000];
    let list = changes(&root.path().join("outputs"));
    let mut counts = Counts::default();
    let mut failures = Vec::new();
    let mut index = 0;
    for change in &list {
        for &limit in &limits {
            index += 1;
            counts.tried += 1;
            match scenario(&base, root.path(), index, change, limit) {
                Ok(true) => {
                    counts.done += 1;
                    counts.survived += 1;
                }
                Ok(false) => {
                    counts.refused += 1;
                    counts.survived += 1;
                }
                Err(e) => failures.push(format!("{} at {limit} bytes: {e}", change.name)),
            }
        }
    }
    println!(
        "full disk: {} scenarios tried ({} kinds of change x {} limits), {} survived: {} refused \
         with nothing written, {} done and kept",
        counts.tried,
        list.len(),
        limits.len(),
        counts.survived,
        counts.refused,
        counts.done
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(
        counts.refused >= list.len(),
        "too few refusals to mean anything"
    );
}

#[test]
fn a_full_disk_during_demo_or_restore_leaves_a_store_to_fill_again_or_nothing() {
    let root = tempfile::tempdir().unwrap();
    // A backup to restore, and the size of a demo store's log.
    let source = root.path().join("bron");
    let made = kapstok(root.path(), &source, &["demo", "--members", "40"], None);
    assert!(made.status.success(), "{}", text(&made));
    let file = root.path().join("kopie.jsonl");
    let file_arg = file.to_str().unwrap().to_string();
    let backed = kapstok(
        root.path(),
        &source,
        &["backup", file_arg.as_str(), "--user", "beheer"],
        None,
    );
    assert!(backed.status.success(), "{}", text(&backed));
    let size = largest_file(&source);
    let limits = [500, 5_000, size / 2, size - 2_000, size, size + 300_000];
    let mut counts = Counts::default();
    for (i, &limit) in limits.iter().enumerate() {
        // demo on an empty store
        counts.tried += 1;
        let store = root.path().join(format!("demo{i}"));
        let out = kapstok(
            root.path(),
            &store,
            &["demo", "--members", "40"],
            Some(limit),
        );
        if !out.status.success() {
            assert!(
                is_clear_refusal(&String::from_utf8_lossy(&out.stderr)),
                "demo at {limit}: {}",
                text(&out)
            );
            counts.refused += 1;
            drop(entries(&store).unwrap_or_else(|e| panic!("demo at {limit}: {e}")));
            // With room again, demo fills the store (what the full disk left is cleared).
            let again = kapstok(root.path(), &store, &["demo", "--members", "40"], None);
            assert!(
                again.status.success(),
                "demo again after {limit}: {}",
                text(&again)
            );
        } else {
            counts.done += 1;
        }
        let listed = kapstok(
            root.path(),
            &store,
            &["members", "list", "--user", "beheer"],
            None,
        );
        assert!(listed.status.success(), "{}", text(&listed));
        assert_eq!(String::from_utf8_lossy(&listed.stdout).lines().count(), 40);
        counts.survived += 1;

        // restore into a new folder
        counts.tried += 1;
        let target = root.path().join(format!("nieuw{i}")).join("store");
        let out = kapstok(
            root.path(),
            &target,
            &["restore", file_arg.as_str()],
            Some(limit),
        );
        if out.status.success() {
            counts.done += 1;
            let restored = entries(&target).unwrap();
            let original = std::fs::read_to_string(&file).unwrap();
            let lines: Vec<&str> = original.lines().collect();
            assert_eq!(
                restored,
                lines[1..lines.len() - 1].to_vec(),
                "restore at {limit}"
            );
        } else {
            assert!(
                is_clear_refusal(&String::from_utf8_lossy(&out.stderr)),
                "restore at {limit}: {}",
                text(&out)
            );
            counts.refused += 1;
            assert!(
                !target.parent().unwrap().exists(),
                "a refused restore left {}",
                target.parent().unwrap().display()
            );
        }
        counts.survived += 1;
    }
    println!(
        "full disk (demo, restore): {} scenarios tried, {} survived: {} refused, {} done",
        counts.tried, counts.survived, counts.refused, counts.done
    );
    assert!(counts.refused >= 4, "too few refusals to mean anything");
}
