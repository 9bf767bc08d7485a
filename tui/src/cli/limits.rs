//! `kapstok limits`: the tax-free volunteer allowance limits per year.

use super::{io, CliResult, Ctx, Failure};
use kapstok_core::common::Cents;
use kapstok_core::error::Error;
use kapstok_core::experts::AllowanceLimits;
use std::io::Write;

/// `kapstok limits [--year YEAR --per-hour EUR ...]`
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The year to add or correct.
    #[arg(long, value_name = "YEAR", requires_all = ["per_hour", "per_hour_under_21", "per_month", "per_year"])]
    pub year: Option<i32>,
    /// Per hour, 21 and older.
    #[arg(long, value_name = "EUR")]
    pub per_hour: Option<String>,
    /// Per hour, under 21.
    #[arg(long, value_name = "EUR")]
    pub per_hour_under_21: Option<String>,
    /// Per month.
    #[arg(long, value_name = "EUR")]
    pub per_month: Option<String>,
    /// Per year.
    #[arg(long, value_name = "EUR")]
    pub per_year: Option<String>,
}

/// Runs `kapstok limits`.
pub(super) fn run(args: Args, mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    let s = ctx.login()?;
    let ex = s.experts();
    if let Some(year) = args.year {
        let amount = |field: &'static str, text: Option<String>| -> Result<Cents, Failure> {
            text.as_deref().and_then(Cents::parse).ok_or_else(|| {
                Failure::core(
                    &Error::invalid(field, kapstok_core::Reason::NotANumber),
                    lang,
                )
            })
        };
        let limits = AllowanceLimits {
            year,
            per_hour: amount("per_hour", args.per_hour)?,
            per_hour_under_21: amount("per_hour_under_21", args.per_hour_under_21)?,
            per_month: amount("per_month", args.per_month)?,
            per_year: amount("per_year", args.per_year)?,
        };
        ex.set_limits(limits).map_err(|e| Failure::core(&e, lang))?;
    }
    for l in ex.limits().map_err(|e| Failure::core(&e, lang))? {
        writeln!(
            ctx.out,
            "{}\t{}\t{}\t{}\t{}",
            l.year, l.per_hour, l.per_hour_under_21, l.per_month, l.per_year
        )
        .map_err(io)?;
    }
    Ok(())
}
