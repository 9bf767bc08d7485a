//! Self-tests of the harness in `kapstok_tests`, using `/bin/sh` instead of
//! kapstok so they do not depend on kapstok's user interface.

#![cfg(unix)]

use std::time::Duration;

use kapstok_tests::{run_program, stderr, stdout, Key, Tui, TIMEOUT};

const SH: &str = "/bin/sh";

fn sh(script: &str) -> Tui {
    Tui::spawn_program(SH, &["-c", script], &[])
}

#[test]
fn typing_reaches_the_program_and_output_reaches_the_screen() {
    let mut tui = sh(r#"printf 'hello\n'; read x; echo "got:$x""#);
    tui.wait_for("hello", TIMEOUT).unwrap();
    tui.send("abc");
    tui.key(Key::Enter);
    let screen = tui.wait_for("got:abc", TIMEOUT).unwrap();
    assert!(screen.starts_with("hello\n"), "{screen}");
    let status = tui.wait_exit(TIMEOUT).expect("sh did not exit");
    assert!(status.success(), "{status:?}");
}

#[test]
fn cursor_position_request_is_answered() {
    // The answer arrives as input, and `read` gets it once we press Return.
    // The harness answers before the output following the query ("." here)
    // becomes visible, so seeing "ab." means the answer is in the input.
    let mut tui =
        sh(r#"stty -echo; printf 'ab\033[6n.'; IFS= read -r x; printf '\ngot:%s\n' "$x" | cat -v"#);
    tui.wait_for("ab.", TIMEOUT).unwrap();
    tui.key(Key::Enter);
    tui.wait_for("got:^[[1;3R", TIMEOUT).unwrap();
    assert!(tui.wait_exit(TIMEOUT).expect("sh did not exit").success());
}

#[test]
fn query_split_over_two_writes_is_answered() {
    // The sleep only makes it likely that the two halves arrive in separate
    // reads; correctness does not depend on it.
    let mut tui = sh(
        r#"stty -echo; printf '\n\n  xy\033['; sleep 0.2; printf '6n.'; IFS= read -r x; printf '\ngot:%s\n' "$x" | cat -v"#,
    );
    tui.wait_for("xy.", TIMEOUT).unwrap();
    tui.key(Key::Enter);
    tui.wait_for("got:^[[3;5R", TIMEOUT).unwrap();
}

#[test]
fn device_attributes_request_is_answered() {
    let mut tui =
        sh(r#"stty -echo; printf '\033[c.'; IFS= read -r x; printf 'da:%s\n' "$x" | cat -v"#);
    tui.wait_for(".", TIMEOUT).unwrap();
    tui.key(Key::Enter);
    tui.wait_for("da:^[[?1;2c", TIMEOUT).unwrap();
}

#[test]
fn environment_and_size() {
    let mut tui = Tui::spawn_program_sized(
        SH,
        &[
            "-c",
            r#"echo "term=$TERM x=$X db=${KAPSTOK_DB-unset}"; stty size"#,
        ],
        &[("X", "42")],
        12,
        40,
    );
    tui.wait_for("term=xterm-256color x=42 db=unset", TIMEOUT)
        .unwrap();
    tui.wait_for("12 40", TIMEOUT).unwrap();
    assert_eq!(tui.size(), (12, 40));
    tui.wait_exit(TIMEOUT).expect("sh did not exit");

    let tui = sh(r#"echo "db=${KAPSTOK_DB-unset}"; stty size"#);
    tui.wait_for("db=unset", TIMEOUT).unwrap();
    tui.wait_for(&format!("{} {}", Tui::ROWS, Tui::COLS), TIMEOUT)
        .unwrap();

    let tui = Tui::spawn_program(
        SH,
        &["-c", "echo db=$KAPSTOK_DB"],
        &[("KAPSTOK_DB", "/x.db")],
    );
    tui.wait_for("db=/x.db", TIMEOUT).unwrap();
}

#[test]
fn wait_for_timeout_reports_needle_and_screen() {
    let tui = sh("echo 'something else'; sleep 30");
    tui.wait_for("something else", TIMEOUT).unwrap();
    let err = tui
        .wait_for("not there", Duration::from_millis(100))
        .unwrap_err();
    assert!(err.contains("\"not there\""), "{err}");
    assert!(err.contains("|something else|"), "{err}");
}

#[test]
fn wait_for_any_and_wait_gone() {
    let mut tui = sh(r#"printf 'two\n'; read x; clear; echo done"#);
    let (index, _) = tui.wait_for_any(&["one", "two"], TIMEOUT).unwrap();
    assert_eq!(index, 1);
    tui.key(Key::Enter);
    let screen = tui.wait_gone("two", TIMEOUT).unwrap();
    assert!(!screen.contains("two"));
    tui.wait_for("done", TIMEOUT).unwrap();
}

#[test]
fn exit_status_and_final_screen() {
    let mut tui = sh("echo bye; exit 3");
    let status = tui.wait_exit(TIMEOUT).expect("sh did not exit");
    assert_eq!(status.exit_code(), 3);
    assert!(tui.screen().contains("bye"), "{}", tui.screen());
    assert!(!tui.is_running());
}

#[test]
fn wait_exit_kills_on_timeout() {
    let mut tui = sh("sleep 30");
    assert!(tui.is_running());
    assert!(tui.wait_exit(Duration::from_millis(100)).is_none());
    assert!(!tui.is_running());
}

#[cfg(target_os = "linux")]
#[test]
fn drop_kills_the_child() {
    let tui = Tui::spawn_program("sleep", &["30"], &[]);
    let pid = tui.pid().expect("no pid");
    let proc_dir = format!("/proc/{pid}");
    assert!(std::path::Path::new(&proc_dir).exists());
    drop(tui);
    assert!(
        !std::path::Path::new(&proc_dir).exists(),
        "{pid} still exists"
    );
}

#[test]
fn ctrl_c_interrupts() {
    let mut tui = sh("trap 'echo caught; exit 0' INT; echo ready; while :; do sleep 0.05; done");
    tui.wait_for("ready", TIMEOUT).unwrap();
    tui.key(Key::Ctrl('c'));
    tui.wait_for("caught", TIMEOUT).unwrap();
}

#[test]
fn run_program_collects_output() {
    let out = run_program(
        SH,
        &[
            "-c",
            r#"cat; echo "err db=${KAPSTOK_DB-unset} y=$Y" >&2; exit 2"#,
        ],
        &[("Y", "1")],
        Some("input text\n"),
    );
    assert_eq!(stdout(&out), "input text\n");
    assert_eq!(stderr(&out), "err db=unset y=1\n");
    assert_eq!(out.status.code(), Some(2));

    let out = run_program(SH, &["-c", "cat; echo end"], &[], None);
    assert_eq!(stdout(&out), "end\n");
}
