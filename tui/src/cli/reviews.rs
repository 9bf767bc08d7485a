//! `kapstok reviews ...`: experts' review conversations.

use super::{check_output, io, CliResult, Ctx, Failure};
use crate::i18n::Msg;
use clap::Subcommand;
use std::io::Write;
use std::path::PathBuf;

/// `kapstok reviews ...`
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: ReviewsCommand,
}

/// `kapstok reviews ...`
#[derive(Debug, Subcommand)]
pub enum ReviewsCommand {
    /// The planned reviews as an iCalendar file (.ics) for the coordinator's calendar.
    Ics {
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// Runs `kapstok reviews ics`.
pub(super) fn run(args: Args, mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    let ReviewsCommand::Ics { output } = args.command;
    if let Some(path) = &output {
        check_output(path)?;
    }
    let s = ctx.login()?;
    let ics = s.experts().ics().map_err(|e| Failure::core(&e, lang))?;
    match output {
        None => ctx.out.write_all(ics.as_bytes()).map_err(io)?,
        Some(path) => {
            crate::files::write_atomically(&path, ics.as_bytes())
                .map_err(|e| Failure(crate::files::failure_text(path.as_ref(), &e)))?;
            let count = ics.matches("BEGIN:VEVENT").count();
            writeln!(
                ctx.out,
                "{count} {}: {}",
                Msg::CliReviewsWritten.text(lang),
                path.display()
            )
            .map_err(io)?;
        }
    }
    Ok(())
}
