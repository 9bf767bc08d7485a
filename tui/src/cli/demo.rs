//! `kapstok demo`: a realistic synthetic association in an empty store.

use super::{io, CliResult, Ctx, Failure};
use crate::i18n::Msg;
use kapstok_core::demo;
use std::io::Write;

/// `kapstok demo [--members N] [--seed N]`
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many members.
    #[arg(long, default_value_t = 300)]
    pub members: usize,
    /// Seed of the generator (same seed and day, same data).
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
}

/// Runs `kapstok demo`.
pub(super) fn run(args: Args, mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    let report =
        demo::fill(&ctx.k, args.members, args.seed).map_err(|e| Failure::core(&e, lang))?;
    let users: Vec<String> = report
        .users
        .iter()
        .map(|(n, r)| format!("{n} ({})", crate::app::role_label(*r, lang)))
        .collect();
    writeln!(
        ctx.out,
        "{}: {} {}; {}: {}; {}: {}",
        Msg::CliDemoDone.text(lang),
        report.members,
        Msg::MembersCount.text(lang),
        Msg::CliUsers.text(lang),
        users.join(", "),
        Msg::FieldPassword.text(lang).to_lowercase(),
        demo::DEMO_PASSWORD
    )
    .map_err(io)?;
    Ok(())
}
