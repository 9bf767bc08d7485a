//! Helpers shared by the end-to-end test files (`e2e_*.rs`, `cli*.rs`): a throw-away store in a
//! temporary folder, running the CLI on it, starting the TUI on it, text folding as the core
//! does it (case and diacritics ignored), and reading the TUI's screen: the focused field, the
//! selected row, a popup's text, the status bar, dates as kapstok shows them; quitting.
//!
//! Not every test file uses every helper.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Output;
use std::time::Duration;

use chrono::NaiveDate;
use kapstok_tests::{run, stderr, stdout, Key, Tui, TIMEOUT};

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

/// `dd-mm-jjjj`, as kapstok shows and reads dates.
pub fn dmy(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

/// True when the focused form field (marked `▸` before its label) has this label.
pub fn focused_label_is(screen: &str, label: &str) -> bool {
    screen.lines().any(|line| {
        line.match_indices('▸')
            .any(|(i, m)| line[i + m.len()..].trim_start().starts_with(label))
    })
}

/// Presses Tab and waits until the field labelled `label` has the focus.
pub fn tab_to(tui: &mut Tui, label: &str) {
    tui.key(Key::Tab);
    tui.wait_until(&format!("focus on {label:?}"), TIMEOUT, |s| {
        focused_label_is(s, label)
    })
    .unwrap();
}

/// The selected row of the list on the screen (the one with the highlight symbol `▸`), if any.
pub fn selected_row(screen: &str) -> Option<&str> {
    screen.lines().find(|l| l.contains('▸'))
}

/// The text of the popup titled `title` (its rows without the borders, joined by spaces, runs
/// of blanks as one), so that a wrapped sentence can be found whole.
pub fn popup_text(screen: &str, title: &str) -> Option<String> {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let top_marker: Vec<char> = format!("┌ {title} ").chars().collect();
    let (top, left) = lines.iter().enumerate().find_map(|(i, l)| {
        l.windows(top_marker.len())
            .position(|w| w == top_marker.as_slice())
            .map(|col| (i, col))
    })?;
    let right = lines[top][left..].iter().position(|c| *c == '┐')? + left;
    let mut words = Vec::new();
    for line in &lines[top + 1..] {
        if line.get(left) == Some(&'└') {
            break;
        }
        let inner: String = line
            .get(left + 1..right.min(line.len()))
            .unwrap_or_default()
            .iter()
            .collect();
        words.extend(inner.split_whitespace().map(str::to_string));
    }
    Some(words.join(" "))
}

/// Quits with `q` (from a view, not while typing) and checks the exit status.
pub fn quit(tui: &mut Tui) {
    tui.send("q");
    let status = tui
        .wait_exit(TIMEOUT)
        .expect("kapstok did not exit after q");
    assert!(status.success(), "kapstok exited with {status:?}");
}

/// The status bar: its last line, with the line above it (a long message starts there), joined
/// at the break.
pub fn status_line(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().rev().take(2).collect();
    let last = lines.first().copied().unwrap_or_default();
    let above = lines.get(1).copied().unwrap_or_default();
    format!("{} {}", above.trim_end(), last.trim_start())
}
