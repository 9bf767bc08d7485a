//! `kapstok report year YEAR`: the year's figures for the annual report.

use super::{login, CliResult, Ctx, Failure};
use crate::i18n::{Lang, Msg};
use clap::Subcommand;
use kapstok_core::report::year::csv;
use kapstok_core::Kapstok;
use std::io::Write;
use std::path::PathBuf;

/// `kapstok report ...`
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which report.
    #[command(subcommand)]
    pub command: ReportCommand,
}

/// `kapstok report ...`
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The year's figures: members, general meetings, experts, training, cards. Printed as a
    /// table; `-o` writes the PDF with charts, `--csv` the figures as CSV.
    Year {
        /// The year (e.g. 2026).
        year: i32,
        /// Write the PDF (tables and charts) to this file.
        #[arg(short, long, value_name = "FILE.pdf")]
        output: Option<PathBuf>,
        /// Write the figures as CSV (`section;item;value`) to this file.
        #[arg(long, value_name = "FILE.csv")]
        csv: Option<PathBuf>,
    },
}

/// Runs a `kapstok report` command.
pub(super) fn run(args: Args, mut ctx: Ctx) -> CliResult {
    let user = ctx.user.as_deref();
    run_command(&ctx.k, user, ctx.lang, args.command, &mut ctx.out)
}

fn run_command(
    k: &Kapstok,
    user: Option<&str>,
    lang: Lang,
    command: ReportCommand,
    out: &mut impl Write,
) -> CliResult {
    let s = login(k, user, lang)?;
    let core = |e: kapstok_core::Error| Failure::core(&e, lang);
    let io = |e: std::io::Error| Failure(e.to_string());
    let save = |path: &PathBuf, bytes: &[u8]| {
        crate::files::write_atomically(path, bytes)
            .map_err(|e| Failure(crate::files::failure_text(path.as_ref(), &e)))
    };
    let ReportCommand::Year {
        year,
        output,
        csv: csv_path,
    } = command;
    for path in csv_path.iter().chain(output.iter()) {
        super::check_output(path)?;
    }
    let f = s.report().year(year).map_err(core)?;
    for (label, value) in crate::present::figures_text::rows(&f, lang) {
        super::write_row(out, &[&label, &value]).map_err(io)?;
    }
    if let Some(path) = csv_path {
        save(&path, &csv(&f))?;
        writeln!(out, "{} {}", Msg::CliSavedTo.text(lang), path.display()).map_err(io)?;
    }
    if let Some(path) = output {
        let pdf = s.report().year_pdf_in(year, lang).map_err(core)?;
        save(&path, &pdf)?;
        writeln!(out, "{} {}", Msg::CliSavedTo.text(lang), path.display()).map_err(io)?;
    }
    Ok(())
}
