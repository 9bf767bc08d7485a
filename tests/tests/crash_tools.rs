//! Crash safety of the tools that write much at once: the real `kapstok demo`, `kapstok backup`
//! and `kapstok restore`, killed with SIGKILL at random moments. After each kill:
//!
//! - the store opens;
//! - a demo store is complete (every member, nothing left to do) or counts as empty and is filled
//!   by the next `demo` (killed again, or to the end);
//! - a backup file is the complete old one or the complete new one, and the only other files
//!   beside it are the killed run's temporary file, which the next backup removes;
//! - a restore target is absent, or a blank store a restore fills, or the complete restore.
//!
//! `cargo test -p kapstok-tests --test crash_tools -- --nocapture` prints the counts.

#![cfg(unix)]

use kapstok_core::store::{dump, Store};
use kapstok_core::{Error, Kapstok};
use kapstok_testkit::{is_lock, retry_locked_for};
use kapstok_tests::kapstok_command_with;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const PASSWORD: &str = "kapstok-demo";
const MEMBERS: usize = 40;

fn command(home: &Path, store: &Path, args: &[&str]) -> Command {
    let mut cmd = kapstok_command_with(home, store, args, PASSWORD);
    cmd.stdout(Stdio::null());
    cmd
}

fn run(home: &Path, store: &Path, args: &[&str]) -> Output {
    let out = command(home, store, args).output().unwrap();
    assert!(
        out.status.success(),
        "kapstok {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Starts the command and kills it with SIGKILL after `after` (unless it finished before).
/// True when it was killed.
fn run_and_kill(home: &Path, store: &Path, args: &[&str], after: Duration) -> bool {
    let mut child = command(home, store, args).spawn().unwrap();
    let deadline = Instant::now() + after;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(
                status.success(),
                "kapstok {args:?} failed on its own: {status}"
            );
            return false;
        }
        if Instant::now() >= deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    true
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// Waits out the lock of a just-killed child (the kernel drops it at once; this process's own
/// handle is let go from sled's background thread).
fn open_store(path: &Path) -> Result<Store, Error> {
    retry_locked_for(Duration::from_secs(20), || Store::open(path), is_lock).map(|(s, _)| s)
}

fn open_kapstok(path: &Path) -> Kapstok {
    retry_locked_for(
        Duration::from_secs(20),
        || Kapstok::open_deferring_backup(path),
        is_lock,
    )
    .unwrap()
}

/// Every entry of every tree, as a dump has them (no header, no check line).
fn entries(store: &Store) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("d.jsonl");
    dump::write(store, &file, "x").unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[1..lines.len() - 1].to_vec()
}

fn backup_entries(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[1..lines.len() - 1].to_vec()
}

#[derive(Default)]
struct Counts {
    kills: usize,
    finished: usize,
    survived: usize,
}

impl Counts {
    fn print(&self, what: &str) {
        println!(
            "crash test ({what}): {} runs killed with SIGKILL at random moments, {} finished before \
             the kill, {} of {} survived",
            self.kills,
            self.finished,
            self.survived,
            self.kills + self.finished
        );
    }
}

/// After a killed demo: complete, or empty (then `demo` fills it again).
enum DemoState {
    Complete,
    Restartable,
}

fn demo_state(store: &Path) -> DemoState {
    let k = open_kapstok(store);
    if k.needs_setup().unwrap() {
        return DemoState::Restartable;
    }
    let s = k
        .login("beheer", PASSWORD)
        .expect("a complete demo lets beheer log in");
    assert_eq!(
        s.members().list().unwrap().len(),
        MEMBERS,
        "a demo counted complete"
    );
    DemoState::Complete
}

#[test]
fn a_killed_demo_leaves_a_store_that_is_complete_or_filled_again() {
    let root = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let members = MEMBERS.to_string();
    let args = ["demo", "--members", members.as_str()];
    // How long a whole demo takes here, to kill within it.
    let whole = shortest(|i| run(root.path(), &root.path().join(format!("timing{i}")), &args));
    let mut counts = Counts::default();
    let mut store = root.path().join("s0");
    for i in 0..14 {
        let killed = run_and_kill(
            root.path(),
            &store,
            &args,
            Duration::from_millis(rng.below(whole * 9 / 10)),
        );
        if killed {
            counts.kills += 1;
        } else {
            counts.finished += 1;
        }
        drop(open_store(&store).expect("the store opens after a killed demo"));
        match demo_state(&store) {
            DemoState::Complete => store = root.path().join(format!("s{}", i + 1)),
            DemoState::Restartable if i % 4 == 3 => {
                // To the end: it fills the half-written store.
                run(root.path(), &store, &args);
                assert!(matches!(demo_state(&store), DemoState::Complete));
                store = root.path().join(format!("s{}", i + 1));
            }
            // Killed again next round, on the same store.
            DemoState::Restartable => {}
        }
        counts.survived += 1;
    }
    run(root.path(), &store, &args);
    assert!(matches!(demo_state(&store), DemoState::Complete));
    counts.print("demo");
    assert!(counts.kills >= 7, "too few kills landed inside a demo");
}

/// How long a whole run takes on this machine now, in ms: the shorter of two (the first run of a
/// binary is the slower one), so that the kills, spread over 90 % of it, land inside a run
/// however fast or loaded the machine is.
fn shortest(mut run: impl FnMut(usize) -> Output) -> u64 {
    (0..2)
        .map(|i| {
            let start = Instant::now();
            run(i);
            start.elapsed().as_millis() as u64
        })
        .min()
        .unwrap_or(0)
        .max(1)
}

fn stray_files(dir: &Path, keep: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !keep.contains(&n.as_str()))
        .collect();
    out.sort();
    out
}

fn is_own_temporary(name: &str, target: &str) -> bool {
    name.strip_prefix(&format!(".{target}."))
        .and_then(|rest| rest.strip_suffix(".kapstok-partial"))
        .is_some_and(|tag| tag.len() == 16 && tag.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[test]
fn a_killed_backup_leaves_the_old_or_the_new_backup_whole() {
    let root = tempfile::tempdir().unwrap();
    let store = root.path().join("store");
    run(root.path(), &store, &["demo", "--members", "300"]);
    let out_dir = root.path().join("kopieen");
    std::fs::create_dir_all(&out_dir).unwrap();
    let target = out_dir.join("kopie.jsonl");
    let target_arg = target.to_str().unwrap().to_string();
    // An unrelated file with the old temporary name: never touched.
    let unrelated = out_dir.join(".kopie.jsonl.partial");
    std::fs::write(&unrelated, b"van iemand anders").unwrap();
    let args = ["backup", target_arg.as_str(), "--user", "beheer"];
    let whole = shortest(|_| run(root.path(), &store, &args));
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut counts = Counts::default();
    let mut old = std::fs::read(&target).unwrap();
    for _ in 0..14 {
        let killed = run_and_kill(
            root.path(),
            &store,
            &args,
            Duration::from_millis(rng.below(whole * 9 / 10)),
        );
        if killed {
            counts.kills += 1;
        } else {
            counts.finished += 1;
        }
        let s = open_store(&store).expect("the store opens after a killed backup");
        drop(s);
        let now = std::fs::read(&target).expect("the backup file went");
        if now != old {
            dump::verify(now.as_slice(), &target)
                .unwrap_or_else(|e| panic!("a new backup that is not whole: {e}"));
            old = now;
        }
        for name in stray_files(&out_dir, &["kopie.jsonl", ".kopie.jsonl.partial"]) {
            assert!(
                is_own_temporary(&name, "kopie.jsonl"),
                "a stray file beside the backup: {name}"
            );
        }
        assert_eq!(std::fs::read(&unrelated).unwrap(), b"van iemand anders");
        counts.survived += 1;
    }
    // The next backup removes what killed ones left.
    run(root.path(), &store, &args);
    assert_eq!(
        stray_files(&out_dir, &["kopie.jsonl"]),
        vec![".kopie.jsonl.partial".to_string()]
    );
    dump::verify(std::fs::read(&target).unwrap().as_slice(), &target).unwrap();
    counts.print("backup");
    assert!(counts.kills >= 7, "too few kills landed inside a backup");
}

#[test]
fn a_killed_restore_leaves_nothing_a_blank_store_or_the_whole_restore() {
    let root = tempfile::tempdir().unwrap();
    let source = root.path().join("bron");
    run(root.path(), &source, &["demo", "--members", "300"]);
    let file = root.path().join("kopie.jsonl");
    let file_arg = file.to_str().unwrap().to_string();
    run(
        root.path(),
        &source,
        &["backup", file_arg.as_str(), "--user", "beheer"],
    );
    let want = backup_entries(&file);
    let args = ["restore", file_arg.as_str()];
    let whole = shortest(|i| run(root.path(), &root.path().join(format!("timing{i}")), &args));
    let mut rng = Rng(0x94D0_49BB_1331_11EB);
    let mut counts = Counts::default();
    let mut blank = 0;
    for i in 0..14 {
        let target: PathBuf = root.path().join(format!("doel{i}"));
        let killed = run_and_kill(
            root.path(),
            &target,
            &args,
            Duration::from_millis(rng.below(whole * 9 / 10)),
        );
        if killed {
            counts.kills += 1;
        } else {
            counts.finished += 1;
        }
        if target.exists() {
            let s = open_store(&target).expect("a killed restore's target opens");
            if s.is_blank() {
                blank += 1;
                drop(s);
                // Restorable: the restore goes through now.
                run(root.path(), &target, &args);
                let s = open_store(&target).unwrap();
                assert_eq!(entries(&s), want);
            } else {
                assert_eq!(entries(&s), want, "a half restore");
            }
        }
        counts.survived += 1;
    }
    counts.print("restore");
    println!("  ({blank} targets were left blank and restored afterwards)");
    assert!(counts.kills >= 7, "too few kills landed inside a restore");
}
