//! A benchmark of the terminal UI at scale, driving the *release* `kapstok` binary in a
//! pseudo-terminal. Not a test: run it by hand (see BENCHMARKS.md).
//!
//! ```sh
//! cargo build --release -p kapstok
//! cargo run --release -p kapstok-tests --bin tui_bench -- [--db STORE] [--members N] [--keys N] [--changes N]
//! ```
//!
//! When the store does not exist it is made first with `kapstok demo --members N` (100,000 by
//! default). Then it measures, in an 100 x 30 terminal:
//!
//! - **open to the first frame**: from starting the process to the end of its first drawn frame
//!   (the login form). This includes process start, opening sled, the format check, terminal
//!   set-up and the first render.
//! - **login to the first tab**: from the Enter that submits the password to the end of the
//!   first frame with the tab bar. This includes argon2 (deliberately slow), loading every
//!   member and every other tab's lists.
//! - **keystroke to the next frame** in the member filter: the time from writing one key to the
//!   pty to the end of the frame that follows it, for `--keys` keys (typing names letter by
//!   letter and erasing them), with percentiles.
//! - **a change to the frame that shows it**, `--changes` times each: recording a contact with
//!   the next member down (from the `y` that answers the question to the frame with "Contact
//!   vastgelegd"), and editing that member's known-as (from Ctrl+S, or from the yes to "save
//!   anyway?" when the member has a possible duplicate, to the frame with "Opgeslagen" and the
//!   form gone).
//! - **peak memory**: `VmHWM` of the kapstok process from `/proc/PID/status` after login, after
//!   typing, and after each step of a tour of every tab and the audit log (each step waits until
//!   the screen has been quiet for 1.5 s, longer than any tab takes to load; its time is given
//!   less those 1.5 s).
//!
//! "The end of a frame" is the cursor hide or show sequence (`ESC [ ? 25 l` / `h`) that ratatui
//! writes after each drawn buffer, just before it flushes (kapstok writes each frame in one write); the harness reads the pty in a thread that stamps
//! each chunk when it arrives. So a figure includes the pty round trip both ways (tens of
//! microseconds), and not the time the terminal emulator would need to paint.

use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// ratatui ends every frame by hiding the cursor (`ESC [ ? 25 l`) or showing it (`ESC [ ? 25 h`,
/// then its position) where a form wants it.
const FRAME_END: &[u8] = b"\x1b[?25";
const PASSWORD: &str = "kapstok-demo";
const WAIT: Duration = Duration::from_secs(40);
/// How long the screen must stay unchanged for a tour step to count as done.
const QUIET: Duration = Duration::from_millis(1500);

struct Args {
    bin: PathBuf,
    db: PathBuf,
    members: usize,
    keys: usize,
    changes: usize,
}

fn args() -> Args {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut args = Args {
        bin: root.join("target/release/kapstok"),
        db: std::env::temp_dir().join("kapstok-bench-100k"),
        members: 100_000,
        keys: 400,
        changes: 100,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_default();
        match flag.as_str() {
            "--bin" => args.bin = value.into(),
            "--db" => args.db = value.into(),
            "--members" => args.members = value.parse().unwrap_or(args.members),
            "--keys" => args.keys = value.parse().unwrap_or(args.keys),
            "--changes" => args.changes = value.parse().unwrap_or(args.changes),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    args
}

/// Output of the child, in chunks stamped when they were read.
struct Pty {
    rx: Receiver<(Instant, Vec<u8>)>,
    writer: Box<dyn Write + Send>,
    /// Everything read so far that has not been consumed by a wait.
    pending: Vec<u8>,
    screen: vt100::Parser,
}

impl Pty {
    fn send(&mut self, bytes: &[u8]) -> Instant {
        let at = Instant::now();
        self.writer.write_all(bytes).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
        at
    }

    /// Reads until a frame ends after which `done` holds for the screen; returns when that
    /// frame's end arrived.
    fn frame_where(&mut self, done: impl Fn(&str) -> bool) -> Instant {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let (at, chunk) = match self.rx.recv_timeout(left) {
                Ok(c) => c,
                Err(RecvTimeoutError::Timeout) => panic!(
                    "no such frame within {WAIT:?}; the screen:\n{}",
                    self.screen.screen().contents()
                ),
                Err(RecvTimeoutError::Disconnected) => panic!("kapstok exited"),
            };
            self.answer_queries(&chunk);
            self.screen.process(&chunk);
            self.pending.extend_from_slice(&chunk);
            // The screen is as of the end of this chunk: check it once if any frame ended in it.
            if let Some(pos) = rfind(&self.pending, FRAME_END) {
                self.pending.drain(..pos + FRAME_END.len());
                if done(&self.screen.screen().contents()) {
                    return at;
                }
            }
        }
    }

    /// Reads frames until nothing arrives for `quiet`: the screen has settled after a key.
    fn settle(&mut self, quiet: Duration) {
        loop {
            match self.rx.recv_timeout(quiet) {
                Ok((_, chunk)) => {
                    self.answer_queries(&chunk);
                    self.screen.process(&chunk);
                }
                Err(RecvTimeoutError::Timeout) => return,
                Err(RecvTimeoutError::Disconnected) => panic!("kapstok exited"),
            }
        }
    }

    /// crossterm may ask where the cursor is or what the terminal is.
    fn answer_queries(&mut self, chunk: &[u8]) {
        if find(chunk, b"\x1b[6n").is_some() {
            let (row, col) = self.screen.screen().cursor_position();
            let reply = format!("\x1b[{};{}R", row + 1, col + 1);
            self.send(reply.as_bytes());
        }
        if find(chunk, b"\x1b[c").is_some() {
            self.send(b"\x1b[?1;2c");
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn peak_memory_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let args = args();
    if !args.bin.exists() {
        eprintln!(
            "{} is missing: cargo build --release -p kapstok",
            args.bin.display()
        );
        std::process::exit(2);
    }
    if !args.db.exists() {
        eprintln!(
            "making {} with {} members ...",
            args.db.display(),
            args.members
        );
        let started = Instant::now();
        let status = Command::new(&args.bin)
            .arg("--db")
            .arg(&args.db)
            .args(["demo", "--members", &args.members.to_string()])
            .status()
            .expect("run kapstok demo");
        assert!(status.success(), "kapstok demo failed");
        eprintln!("demo made in {:.1} s", started.elapsed().as_secs_f64());
    }

    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(&args.bin);
    cmd.args(["--db", &args.db.to_string_lossy(), "--user", "beheer"]);
    cmd.env("TERM", "xterm-256color");
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        loop {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                        break;
                    }
                }
            }
        }
    });
    let started = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("start kapstok");
    drop(pair.slave);
    let writer = pair.master.take_writer().expect("pty writer");
    let pid = child.process_id().unwrap_or(0);
    let mut pty = Pty {
        rx,
        writer,
        pending: Vec::new(),
        screen: vt100::Parser::new(30, 100, 0),
    };

    // Terminal set-up writes a cursor-hide of its own before anything is drawn: wait for the
    // frame that shows the login form.
    let first = pty.frame_where(|s| s.contains("Inloggen"));
    let open = first - started;

    pty.send(PASSWORD.as_bytes());
    let sent = pty.send(b"\r");
    // After login kapstok shows its first tab (the Today tab where it exists): the tab bar
    // means the lists are loaded. Then to the member register (tab 1).
    let listed = pty.frame_where(|s| s.contains("1 Leden") && !s.contains("Wachtwoord"));
    let login = listed - sent;
    pty.send(b"1");
    pty.frame_where(|s| s.contains("/ om te zoeken"));
    let memory_after_login = peak_memory_kib(pid);

    // Into the filter, then type and erase names, one key per frame.
    let _ = pty.send(b"/");
    pty.frame_where(|s| s.contains("Zoeken: ▏"));
    let words = ["bakker", "jan", "zoe", "muller", "de vries", "12", "lange"];
    let mut latencies = Vec::with_capacity(args.keys);
    let mut typed = String::new();
    let mut w = 0;
    while latencies.len() < args.keys {
        let word = words[w % words.len()];
        w += 1;
        for c in word.chars() {
            typed.push(c);
            let expect = typed.clone();
            let at = pty.send(c.to_string().as_bytes());
            let end = pty.frame_where(|s| s.contains(&format!("Zoeken: {expect}▏")));
            latencies.push(end - at);
        }
        while !typed.is_empty() {
            typed.pop();
            let expect = typed.clone();
            let at = pty.send(b"\x7f");
            let end = pty.frame_where(|s| s.contains(&format!("Zoeken: {expect}▏")));
            latencies.push(end - at);
        }
    }
    let after_typing = peak_memory_kib(pid);

    // Changes, from the key that saves to the frame that shows them: a contact recorded (`c`,
    // then `y`), and a member's known-as edited (`e`, to the field, a letter, Ctrl+S), each on
    // the next member down.
    pty.send(b"\x1b");
    pty.frame_where(|s| s.contains("/ om te zoeken"));
    let mut contacts = Vec::with_capacity(args.changes);
    let mut edits = Vec::with_capacity(args.changes);
    for _ in 0..args.changes {
        pty.send(b"j");
        pty.settle(Duration::from_millis(50));
        pty.send(b"c");
        pty.frame_where(|s| s.contains("Contact van vandaag vastleggen voor"));
        let at = pty.send(b"y");
        let end = pty.frame_where(|s| {
            s.contains("Contact vastgelegd") && !s.contains("Contact van vandaag vastleggen")
        });
        contacts.push(end - at);
        pty.send(b"e");
        pty.frame_where(|s| s.contains("Lid wijzigen"));
        pty.send(b"\t\t\tx");
        pty.settle(Duration::from_millis(50));
        let mut at = pty.send(b"\x13");
        let saved = |s: &str| s.contains("Opgeslagen") && !s.contains("Lid wijzigen");
        let mut end = pty.frame_where(|s| saved(s) || s.contains("Toch opslaan?"));
        // A possible duplicate (the demo has members with the same name and birth date) asks
        // first: then the yes is the key that saves.
        if !saved(&pty.screen.screen().contents()) {
            at = pty.send(b"y");
            end = pty.frame_where(saved);
        }
        edits.push(end - at);
    }

    // A tour of every tab and the audit log, as a user's day might go: the peak after each.
    pty.send(b"\x1b");
    pty.settle(Duration::from_millis(300));
    pty.send(b"\x1b");
    pty.settle(Duration::from_millis(300));
    let mut tour = Vec::new();
    for (key, what) in [
        ("2", "out of sight (tab 2)"),
        ("3", "BaseMail (tab 3)"),
        ("4", "volunteers (tab 4)"),
        ("5", "training (tab 5)"),
        ("6", "general meetings (tab 6)"),
        ("0", "Today (tab 0)"),
        ("1", "the register (tab 1)"),
        ("L", "the audit log (L)"),
        ("\x1b", "back from the audit log"),
    ] {
        let at = pty.send(key.as_bytes());
        pty.settle(QUIET);
        tour.push((what, at.elapsed(), peak_memory_kib(pid)));
    }
    let peak = peak_memory_kib(pid);
    let _ = child.kill();
    let _ = child.wait();

    for (what, times) in [
        (
            "record a contact (y) to the frame that shows it",
            &mut contacts,
        ),
        (
            "save an edited member (Ctrl+S) to the frame that shows it",
            &mut edits,
        ),
    ] {
        times.sort();
        if times.is_empty() {
            continue;
        }
        println!(
            "{what}, {} times: p50 {}, p90 {}, p99 {}, max {}",
            times.len(),
            ms(percentile(times, 0.50)),
            ms(percentile(times, 0.90)),
            ms(percentile(times, 0.99)),
            ms(*times.last().unwrap_or(&Duration::ZERO)),
        );
    }
    latencies.sort();
    let mean = latencies.iter().sum::<Duration>() / latencies.len() as u32;
    println!("store: {}", args.db.display());
    println!("open to first frame (login form): {}", ms(open));
    println!("login (argon2) to the first tab: {}", ms(login));
    println!(
        "keystroke in the member filter to the next frame, {} keys: mean {}, p50 {}, p90 {}, p99 {}, max {}",
        latencies.len(),
        ms(mean),
        ms(percentile(&latencies, 0.50)),
        ms(percentile(&latencies, 0.90)),
        ms(percentile(&latencies, 0.99)),
        ms(*latencies.last().unwrap_or(&Duration::ZERO)),
    );
    let mib = |k: Option<u64>| {
        k.map_or("unknown".into(), |k| {
            format!("{:.1} MiB", k as f64 / 1024.0)
        })
    };
    println!(
        "peak memory (VmHWM): {} after login, {} after typing, {} at the end",
        mib(memory_after_login),
        mib(after_typing),
        mib(peak)
    );
    println!(
        "the tour (from the key to the screen's last change, and VmHWM after; quiet for {:?} after):",
        QUIET
    );
    for (what, took, memory) in tour {
        println!(
            "  {what}: {:.0} ms, {}",
            took.saturating_sub(QUIET).as_secs_f64() * 1000.0,
            mib(memory)
        );
    }
}
