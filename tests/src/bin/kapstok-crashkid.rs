//! The child process of the crash and full-disk tests (`tests/tests/crash.rs`): performs changes
//! through kapstok-core on a store and reports each one on stdout the moment core returned it as
//! done. The parent kills it at random moments or limits what it may write.
//!
//! ```text
//! kapstok-crashkid work STORE SEED     random changes until killed
//! kapstok-crashkid fill STORE          members with long notes until the disk refuses one
//! kapstok-crashkid readonly STORE      open a store in a folder this process may not write
//! ```
//!
//! Lines: `ready` (opened and logged in), `member NUMBER GIVEN` (created), `try-weeks N` /
//! `weeks N` (settings change started / done), `try GIVEN` (a member about to be created),
//! `refused MESSAGE`, `opened`.

use kapstok_core::members::MemberInput;
use kapstok_core::{Error, Kapstok, Session};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// The administrator the parent sets up.
const ADMIN: &str = "beheer";
const PASSWORD: &str = "crash-wachtwoord";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(mode), Some(store)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: kapstok-crashkid work|fill|readonly STORE [SEED]");
        std::process::exit(2);
    };
    let store = Path::new(store);
    match mode.as_str() {
        "work" => work(store, args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1)),
        "fill" => fill(store),
        "readonly" => readonly(store),
        _ => std::process::exit(2),
    }
}

/// Writes one line and flushes it, so the parent sees it before anything else happens.
fn report(line: &str) {
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{line}").and_then(|()| out.flush()).is_err() {
        std::process::exit(3);
    }
}

/// Opens the store, waiting while the killed predecessor's lock is being released.
fn open(store: &Path) -> Kapstok {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        match Kapstok::open(store) {
            Ok(k) => return k,
            Err(Error::AlreadyOpen { .. }) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5))
            }
            Err(e) => {
                report(&format!("refused {e}"));
                std::process::exit(4);
            }
        }
    }
}

fn login(k: &Kapstok) -> Session {
    match k.login(ADMIN, PASSWORD) {
        Ok(s) => s,
        Err(e) => {
            report(&format!("refused {e}"));
            std::process::exit(5);
        }
    }
}

fn member(given: &str, notes: String) -> MemberInput {
    MemberInput {
        given: given.into(),
        surname: "Crash".into(),
        address_kind: "care_of".into(),
        joined: "01-03-2024".into(),
        notes,
        ..MemberInput::default()
    }
}

/// xorshift64*: enough randomness to vary the changes, reproducible from the seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn work(store: &Path, seed: u64) {
    let k = open(store);
    let s = login(&k);
    report("ready");
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    for n in 0u64.. {
        if rng.next().is_multiple_of(5) {
            let weeks = (rng.next() % 50 + 1) as u32;
            let mut settings = match s.settings() {
                Ok(v) => v,
                Err(e) => fail(&e),
            };
            settings.out_of_sight_weeks = weeks;
            report(&format!("try-weeks {weeks}"));
            if let Err(e) = s.set_settings(&settings) {
                fail(&e);
            }
            report(&format!("weeks {weeks}"));
        } else {
            let given = format!("K{seed}n{n}");
            let notes = "x".repeat((rng.next() % 300) as usize);
            match s.members().create(&member(&given, notes)) {
                Ok(saved) => report(&format!("member {} {given}", saved.member.number)),
                Err(e) => fail(&e),
            }
        }
    }
}

fn fail(e: &Error) -> ! {
    report(&format!("refused {e}"));
    std::process::exit(6)
}

/// Limits the size of every file this process writes to what the store's files hold now (a
/// full disk, without root), then creates members until a change is refused.
fn fill(store: &Path) {
    let k = open(store);
    let s = login(&k);
    let largest = std::fs::read_dir(store)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.metadata().ok())
                .map(|m| m.len())
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0);
    // SAFETY: plain libc calls with valid arguments: ignore SIGXFSZ (a write over the limit then
    // fails with EFBIG instead of killing the process) and set the file size limit.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let limit = libc::rlimit {
            rlim_cur: largest as libc::rlim_t,
            rlim_max: libc::RLIM_INFINITY,
        };
        if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
            report("refused cannot set the file size limit");
            std::process::exit(7);
        }
    }
    for n in 0..5000u32 {
        let given = format!("Fill{n}");
        report(&format!("try {given}"));
        match s.members().create(&member(&given, "n".repeat(4000))) {
            Ok(saved) => report(&format!("member {} {given}", saved.member.number)),
            Err(e) => {
                report(&format!("refused {e}"));
                // What this process still sees of the refused change.
                match s.members().list() {
                    Ok(list) => {
                        let seen = list.iter().any(|m| m.name.given == given);
                        report(&format!("seen-after-refusal {seen}"));
                    }
                    Err(e) => report(&format!("refused {e}")),
                }
                // A second change after the refusal is refused as well.
                match s.members().create(&member("After", String::new())) {
                    Ok(saved) => report(&format!("member {} After", saved.member.number)),
                    Err(e) => report(&format!("refused {e}")),
                }
                std::process::exit(0);
            }
        }
    }
    report("never refused");
}

/// Opens a store this process may not write: as root, first becomes `nobody` (root ignores
/// file permissions).
fn readonly(store: &Path) {
    // SAFETY: plain libc calls; their results are checked.
    unsafe {
        if libc::geteuid() == 0 && (libc::setgid(65534) != 0 || libc::setuid(65534) != 0) {
            report("refused cannot drop root");
            std::process::exit(8);
        }
    }
    match Kapstok::open(store) {
        Ok(k) => {
            report("opened");
            let s = login(&k);
            match s.members().create(&member("ReadOnly", String::new())) {
                Ok(_) => report("created"),
                Err(e) => report(&format!("refused {e}")),
            }
        }
        Err(e) => report(&format!("refused {e}")),
    }
}
