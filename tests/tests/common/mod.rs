//! Helpers shared by the end-to-end test files (`e2e_members.rs`, `cli.rs`): a throw-away
//! store in a temporary folder, running the CLI on it, starting the TUI on it, and text
//! folding as the core does it (case and diacritics ignored).
//!
//! Not every test file uses every helper.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Output;
use std::time::Duration;

use kapstok_tests::{run, stderr, stdout, Tui};

/// The password of the demo users (core's, not a copy).
pub use kapstok_core::demo::DEMO_PASSWORD;

/// Timeout for the first screen of a freshly started binary: a loaded CI machine running the
/// test files in parallel may take a while to start an unoptimised binary.
pub const START_TIMEOUT: Duration = Duration::from_secs(30);

/// A store in its own temporary folder, which is also HOME and XDG_DATA_HOME of every child, so
/// nothing can touch the user's real data.
pub struct Store {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Store {
    /// A new, empty store (the folder does not exist yet; kapstok creates it).
    pub fn new() -> Store {
        let dir = tempfile::tempdir().expect("cannot create a temporary folder");
        let db = dir.path().join("store");
        Store { dir, db }
    }

    /// A store filled with `kapstok demo`.
    pub fn demo() -> Store {
        let store = Store::new();
        let out = store.run(&["demo"], &[]);
        assert_success(&out, "kapstok demo");
        assert!(
            stdout(&out).contains("300 leden"),
            "unexpected output of kapstok demo: {}",
            stdout(&out)
        );
        store
    }

    /// The store's folder as text (for `--db`).
    pub fn db(&self) -> &str {
        self.db.to_str().expect("temporary path is not UTF-8")
    }

    /// The temporary folder (for extra files such as CSVs).
    pub fn dir(&self) -> &std::path::Path {
        self.dir.path()
    }

    fn home(&self) -> &str {
        self.dir
            .path()
            .to_str()
            .expect("temporary path is not UTF-8")
    }

    /// HOME and XDG_DATA_HOME pointing into the temporary folder, plus `extra`.
    pub fn env<'a>(&'a self, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
        let mut env = vec![("HOME", self.home()), ("XDG_DATA_HOME", self.home())];
        env.extend_from_slice(extra);
        env
    }

    /// Runs `kapstok --db STORE args...` (no terminal, empty stdin).
    pub fn run(&self, args: &[&str], extra_env: &[(&str, &str)]) -> Output {
        let mut all = vec!["--db", self.db()];
        all.extend_from_slice(args);
        run(&all, &self.env(extra_env), None)
    }

    /// Runs a command as `user` with `password` (from KAPSTOK_PASSWORD).
    pub fn run_as(&self, user: &str, password: &str, args: &[&str]) -> Output {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--user", user]);
        self.run(&all, &[("KAPSTOK_PASSWORD", password)])
    }

    /// `members list [--search TEXT]` as the demo administrator; the lines of its output.
    pub fn list(&self, search: Option<&str>) -> Vec<String> {
        let mut args = vec!["members", "list"];
        if let Some(s) = search {
            args.extend_from_slice(&["--search", s]);
        }
        let out = self.run_as("beheer", DEMO_PASSWORD, &args);
        assert_success(&out, "kapstok members list");
        stdout(&out).lines().map(str::to_string).collect()
    }

    /// Starts the TUI on this store in a 30 x 100 terminal.
    pub fn tui(&self, args: &[&str]) -> Tui {
        self.tui_sized(args, Tui::ROWS, Tui::COLS)
    }

    /// Starts the TUI on this store in a terminal of `rows` x `cols`.
    pub fn tui_sized(&self, args: &[&str], rows: u16, cols: u16) -> Tui {
        let mut all = vec!["--db", self.db()];
        all.extend_from_slice(args);
        Tui::spawn_sized(&all, &self.env(&[]), rows, cols)
    }
}

/// Panics with stdout and stderr unless the command succeeded.
pub fn assert_success(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what} failed ({}):\nstdout:\n{}\nstderr:\n{}",
        out.status,
        stdout(out),
        stderr(out)
    );
}

/// Panics unless the command failed; returns its stderr.
pub fn assert_failure(out: &Output, what: &str) -> String {
    assert!(
        !out.status.success(),
        "{what} should have failed but succeeded:\nstdout:\n{}\nstderr:\n{}",
        stdout(out),
        stderr(out)
    );
    stderr(out)
}

/// Lower case without diacritics, the way the core compares names (for the characters that
/// occur in Dutch registers; others are kept as they are).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
            'ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'į' => "i",
            'ł' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'œ' => "oe",
            'ř' => "r",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'ß' => "ss",
            'ť' | 'ţ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(plain);
    }
    out
}
