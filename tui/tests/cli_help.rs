//! The command line's shape: clap's own consistency checks on `Cli`, `kapstok --help` lists
//! every subcommand, and every subcommand's `--help` (nested ones too) works, from the real
//! binary.

use clap::CommandFactory;
use kapstok::cli::Cli;
use std::process::Command;

/// Every top-level subcommand, in the order `--help` lists them. A subcommand added or
/// dropped must be added or dropped here too.
const SUBCOMMANDS: &[&str] = &[
    "person",
    "retention",
    "demo",
    "members",
    "import",
    "export",
    "user",
    "labels",
    "sheets",
    "limits",
    "reviews",
    "meeting",
    "report",
    "printer",
    "settings",
    "init",
    "backup",
    "restore",
    "backups",
    "rekey",
    "serve",
];

/// Runs the binary with `args` and no store: `--help` must not need one.
fn kapstok(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kapstok"))
        .args(args)
        .env_remove("KAPSTOK_DB")
        .env_remove("KAPSTOK_PASSWORD")
        .output()
        .unwrap()
}

#[test]
fn clap_definitions_are_consistent() {
    Cli::command().debug_assert();
}

#[test]
fn the_subcommands_are_the_listed_ones() {
    let cmd = Cli::command();
    let names: Vec<&str> = cmd
        .get_subcommands()
        .map(|c| c.get_name())
        .filter(|n| *n != "help")
        .collect();
    assert_eq!(names, SUBCOMMANDS);
}

#[test]
fn help_lists_every_subcommand() {
    let out = kapstok(&["--help"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let listed: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "help")
        .collect();
    assert_eq!(listed, SUBCOMMANDS, "{text}");
}

/// The path of every subcommand, nested ones included (`meeting rules`), without `help`.
fn paths(cmd: &clap::Command, prefix: &[String], all: &mut Vec<Vec<String>>) {
    for sub in cmd.get_subcommands().filter(|c| c.get_name() != "help") {
        let mut path = prefix.to_vec();
        path.push(sub.get_name().to_string());
        all.push(path.clone());
        paths(sub, &path, all);
    }
}

#[test]
fn every_subcommand_has_working_help() {
    let mut all = Vec::new();
    paths(&Cli::command(), &[], &mut all);
    assert!(all.len() > SUBCOMMANDS.len(), "nested subcommands too");
    for path in all {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let out = kapstok(&args);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "kapstok {}: {out:?}", args.join(" "));
        let usage = format!("Usage: kapstok {} ", path.join(" "));
        assert!(text.contains(&usage), "kapstok {}:\n{text}", args.join(" "));
        assert!(out.stderr.is_empty(), "kapstok {}: {out:?}", args.join(" "));
    }
}
