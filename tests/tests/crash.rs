//! Crash safety and refused writes, with a child process (`kapstok-crashkid`) working through
//! kapstok-core:
//!
//! - killed with SIGKILL at random moments, many times: after each kill the store opens and
//!   holds every change the child reported done (on a plain and on an encrypted store);
//! - a full disk, simulated without root by a file size limit (RLIMIT_FSIZE) on the child: the
//!   change is refused with a clear message, and nothing of it is on disk;
//! - a store in a folder the child may not write: refused with a clear message.

#![cfg(unix)]

use kapstok_core::Kapstok;
use kapstok_testkit::{clock, is_lock, retry_locked_for};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const ADMIN: &str = "beheer";
const PASSWORD: &str = "crash-wachtwoord";
const KID: &str = env!("CARGO_BIN_EXE_kapstok-crashkid");

/// Opens the store in this process, waiting out a lock still held by a dying child or by this
/// process's own just-dropped handle.
fn open(path: &Path) -> Kapstok {
    retry_locked_for(
        Duration::from_secs(20),
        || Kapstok::open_with_clock(path, clock()),
        is_lock,
    )
    .unwrap()
}

fn new_store(path: &Path, encrypted: bool) {
    let k = if encrypted {
        Kapstok::create_encrypted_with_clock(path, "wachtwoordzin van de opslag", clock()).unwrap()
    } else {
        open(path)
    };
    k.setup(ADMIN, PASSWORD).unwrap();
}

/// What the children reported done, over all runs.
#[derive(Default)]
struct Reported {
    /// Member number -> given name.
    members: BTreeMap<u64, String>,
    /// The last settings value reported done, and the values tried since.
    weeks_done: Option<u32>,
    weeks_tried: Vec<u32>,
}

impl Reported {
    fn take(&mut self, line: &str) {
        let mut words = line.split(' ');
        match (words.next(), words.next(), words.next()) {
            (Some("member"), Some(n), Some(given)) => {
                self.members.insert(n.parse().unwrap(), given.to_string());
            }
            (Some("try-weeks"), Some(w), None) => self.weeks_tried.push(w.parse().unwrap()),
            (Some("weeks"), Some(w), None) => {
                self.weeks_done = Some(w.parse().unwrap());
                self.weeks_tried.clear();
            }
            (Some("ready"), None, None) => {}
            (Some("refused"), ..) => panic!("the child was refused a change: {line}"),
            _ => panic!("unexpected line from the child: {line:?}"),
        }
    }
}

/// Runs one child, kills it `after` its start (or, with `after_ready`, after it reported that it
/// opened the store and logged in), and feeds every complete line it wrote to `reported`.
fn run_and_kill(
    store: &Path,
    seed: u64,
    after: Duration,
    after_ready: bool,
    reported: &mut Reported,
) -> usize {
    let mut child = Command::new(KID)
        .args(["work", store.to_str().unwrap(), &seed.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (send, receive) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        // Only whole lines count: a line cut by the kill was not reported.
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        while matches!(reader.read_line(&mut line), Ok(n) if n > 0) {
            if line.ends_with('\n') {
                let _ = send.send(line.trim_end().to_string());
            }
            line.clear();
        }
    });
    let mut lines = Vec::new();
    if after_ready {
        // However slow the machine, this kill lands amid changes.
        let deadline = Instant::now() + Duration::from_secs(60);
        while let Ok(line) =
            receive.recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            let ready = line == "ready";
            lines.push(line);
            if ready {
                break;
            }
        }
    }
    std::thread::sleep(after);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    reader.join().unwrap();
    lines.extend(receive.try_iter());
    let mut done = 0;
    for line in lines {
        reported.take(&line);
        done += usize::from(!line.starts_with("try"));
    }
    done
}

/// Checks that the store holds everything reported done; returns how many changes it checked.
fn check(store: &Path, reported: &Reported) -> usize {
    let k = open(store);
    let s = k.login(ADMIN, PASSWORD).unwrap();
    let members: BTreeMap<u64, String> = s
        .members()
        .list()
        .unwrap()
        .into_iter()
        .map(|m| (m.number, m.name.given.clone()))
        .collect();
    for (number, given) in &reported.members {
        assert_eq!(
            members.get(number),
            Some(given),
            "member {number} ({given}) was reported done but is not in the store"
        );
    }
    let weeks = s.settings().unwrap().out_of_sight_weeks;
    if let Some(done) = reported.weeks_done {
        assert!(
            weeks == done || reported.weeks_tried.contains(&weeks),
            "settings: {weeks} weeks, but {done} was reported done (tried since: {:?})",
            reported.weeks_tried
        );
    }
    reported.members.len() + usize::from(reported.weeks_done.is_some())
}

/// Kills children for about `budget` and checks the store after every kill.
fn kill_many_times(encrypted: bool, budget: Duration) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    new_store(&store, encrypted);
    let mut reported = Reported::default();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let (mut kills, mut done, mut checks) = (0usize, 0usize, 0usize);
    let start = Instant::now();
    while start.elapsed() < budget || kills < 20 {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        // Every other run is killed 0-600 ms after it started (often while opening or logging
        // in), the others 0-300 ms after they were ready (amid changes).
        let after_ready = kills % 2 == 0;
        let after = Duration::from_millis(rng % if after_ready { 300 } else { 600 });
        done += run_and_kill(&store, kills as u64 + 1, after, after_ready, &mut reported);
        kills += 1;
        checks += check(&store, &reported);
    }
    let kind = if encrypted { "encrypted" } else { "plain" };
    println!(
        "crash test ({kind} store): {kills} kills with SIGKILL, {done} changes reported done, \
         {checks} checks of a reported change after a kill ({} members, all present)",
        reported.members.len()
    );
    assert!(
        reported.members.len() > 20,
        "too few changes were made to mean anything: {}",
        reported.members.len()
    );
}

#[test]
fn a_killed_process_loses_no_change_it_reported_done() {
    kill_many_times(false, Duration::from_secs(10));
}

#[test]
fn a_killed_process_loses_no_change_it_reported_done_in_an_encrypted_store() {
    kill_many_times(true, Duration::from_secs(8));
}

fn kid_output(args: &[&str]) -> Vec<String> {
    let out = Command::new(KID).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "kapstok-crashkid {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_full_disk_refuses_the_change_clearly_and_writes_none_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    new_store(&store, false);
    let lines = kid_output(&["fill", store.to_str().unwrap()]);
    // The change, a read of the register afterwards and a second change: all refused (the
    // process does not show the refused change it may still hold in memory).
    let refused: Vec<&String> = lines.iter().filter(|l| l.starts_with("refused ")).collect();
    assert_eq!(refused.len(), 3, "{lines:#?}");
    assert!(
        !lines.iter().any(|l| l.starts_with("seen-after-refusal")),
        "{lines:#?}"
    );
    for line in &refused {
        assert!(
            line.contains(
                "the change was refused, nothing was written: the store cannot be written"
            ),
            "not a clear message: {line}"
        );
    }
    let mut reported = Reported::default();
    let mut tried = None;
    for line in &lines {
        if let Some(given) = line.strip_prefix("try ") {
            tried = Some(given.to_string());
        } else if line.starts_with("member ") {
            reported.take(line);
        }
    }
    let refused_name = tried.unwrap();
    assert!(!reported.members.is_empty(), "{lines:#?}");
    // Every member reported done is there; the refused one and the one after are not.
    check(&store, &reported);
    let k = open(&store);
    let s = k.login(ADMIN, PASSWORD).unwrap();
    let all = s.members().list().unwrap();
    assert_eq!(all.len(), reported.members.len());
    assert!(!all
        .iter()
        .any(|m| m.name.given == refused_name || m.name.given == "After"));
    // With room again, changes work.
    s.members()
        .create(&kapstok_core::members::MemberInput {
            surname: "Weer".into(),
            address_kind: "care_of".into(),
            joined: "01-03-2024".into(),
            ..Default::default()
        })
        .unwrap();
}

#[test]
fn a_store_in_a_folder_that_cannot_be_written_is_refused_clearly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    new_store(&store, false);
    drop(open(&store)); // wait for the lock to be released
    let set = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    set(dir.path(), 0o755);
    for entry in walk(&store) {
        set(&entry, if entry.is_dir() { 0o555 } else { 0o444 });
    }
    let lines = kid_output(&["readonly", store.to_str().unwrap()]);
    for entry in walk(&store) {
        set(&entry, if entry.is_dir() { 0o755 } else { 0o644 });
    }
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].starts_with(
            "refused the change was refused, nothing was written: the store cannot be written"
        ),
        "{}",
        lines[0]
    );
    // The store is as it was.
    let k = open(&store);
    k.login(ADMIN, PASSWORD).unwrap();
}

fn walk(path: &Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![path.to_path_buf()];
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            out.extend(walk(&entry.unwrap().path()));
        }
    }
    out
}
