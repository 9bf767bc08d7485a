//! `kapstok`: without a subcommand the terminal UI; with one, a command-line action.

use std::process::ExitCode;

fn main() -> ExitCode {
    kapstok::cli::main()
}
