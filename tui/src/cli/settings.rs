//! `kapstok settings`: show the settings, or change them (administrators).

use super::{io, CliResult, Ctx, Failure};
use crate::i18n::Msg;
use kapstok_core::common::{parse_address, printable, AddressFields, Cents};
use kapstok_core::error::Error;
use std::io::Write;

/// `kapstok settings [OPTIONS]`
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Active members without contact for more than this many weeks are out of sight.
    #[arg(long, value_name = "WEEKS")]
    pub out_of_sight_weeks: Option<u32>,
    /// The office's name on envelopes of post care of the office ("p/a ...").
    #[arg(long, value_name = "NAME")]
    pub office_name: Option<String>,
    /// The office's address kind: street, postbus or foreign; with the fields below.
    #[arg(long, value_name = "KIND", requires = "office_city")]
    pub office_address: Option<String>,
    /// Street (street and foreign addresses).
    #[arg(long, value_name = "STREET")]
    pub office_street: Option<String>,
    /// House number, or the Postbus number.
    #[arg(long, value_name = "N")]
    pub office_number: Option<String>,
    /// Addition to the house number.
    #[arg(long, value_name = "TEXT")]
    pub office_addition: Option<String>,
    /// Postcode.
    #[arg(long, value_name = "POSTCODE")]
    pub office_postcode: Option<String>,
    /// City.
    #[arg(long, value_name = "CITY")]
    pub office_city: Option<String>,
    /// Country (abroad).
    #[arg(long, value_name = "COUNTRY")]
    pub office_country: Option<String>,
    /// Agreements ending within this many weeks are due for a review.
    #[arg(long, value_name = "WEEKS")]
    pub review_due_weeks: Option<u32>,
    /// Office hours for reviews: opening time (HH:MM).
    #[arg(long, value_name = "HH:MM")]
    pub office_opens: Option<String>,
    /// Office hours for reviews: closing time (HH:MM).
    #[arg(long, value_name = "HH:MM")]
    pub office_closes: Option<String>,
    /// The training budget per half year, in euros.
    #[arg(long, value_name = "EUR")]
    pub training_budget: Option<String>,
    /// Skills expiring within this many weeks are flagged.
    #[arg(long, value_name = "WEEKS")]
    pub expiring_weeks: Option<u32>,
}

/// Runs `kapstok settings`.
pub(super) fn run(args: Args, mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    let s = ctx.login()?;
    let out = &mut ctx.out;
    let Args {
        out_of_sight_weeks,
        office_name,
        office_address,
        office_street,
        office_number,
        office_addition,
        office_postcode,
        office_city,
        office_country,
        review_due_weeks,
        office_opens,
        office_closes,
        training_budget,
        expiring_weeks,
    } = args;
    let mut settings = s.settings().map_err(|e| Failure::core(&e, lang))?;
    let before = settings.clone();
    if let Some(weeks) = out_of_sight_weeks {
        settings.out_of_sight_weeks = weeks;
    }
    if let Some(name) = office_name {
        settings.office_name = name.trim().to_string();
    }
    if let Some(kind) = office_address {
        let text = |o: &Option<String>| o.clone().unwrap_or_default();
        let (street, number, addition, postcode, city, country) = (
            text(&office_street),
            text(&office_number),
            text(&office_addition),
            text(&office_postcode),
            text(&office_city),
            text(&office_country),
        );
        settings.office_address = parse_address(&AddressFields {
            kind: &kind,
            street: &street,
            house_number: &number,
            addition: &addition,
            postcode: &postcode,
            city: &city,
            country: &country,
        })
        .map_err(|e| Failure::core(&Error::Invalid(e), lang))?;
    }
    if settings != before {
        s.set_settings(&settings)
            .map_err(|e| Failure::core(&e, lang))?;
    }
    let ex = s.experts();
    let mut reviews = ex.settings().map_err(|e| Failure::core(&e, lang))?;
    let time = |field: &'static str, text: &str| {
        chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M")
            .map_err(|_| Failure::core(&Error::invalid(field, kapstok_core::Reason::BadTime), lang))
    };
    if review_due_weeks.is_some() || office_opens.is_some() || office_closes.is_some() {
        reviews.due_weeks = review_due_weeks.unwrap_or(reviews.due_weeks);
        if let Some(t) = &office_opens {
            reviews.hours.open = time("open", t)?;
        }
        if let Some(t) = &office_closes {
            reviews.hours.close = time("close", t)?;
        }
        ex.set_settings(reviews)
            .map_err(|e| Failure::core(&e, lang))?;
    }
    let training = s.training();
    let mut ts = training.settings().map_err(|e| Failure::core(&e, lang))?;
    if training_budget.is_some() || expiring_weeks.is_some() {
        if let Some(text) = &training_budget {
            ts.budget_per_half_year = Some(Cents::parse(text).ok_or_else(|| {
                Failure::core(
                    &Error::invalid("budget", kapstok_core::Reason::NotANumber),
                    lang,
                )
            })?);
        }
        ts.expiring_weeks = expiring_weeks.unwrap_or(ts.expiring_weeks);
        training
            .set_settings(ts)
            .map_err(|e| Failure::core(&e, lang))?;
    }
    let budget = ts.budget_per_half_year.map_or_else(
        || Msg::AddrUnknown.text(lang).to_string(),
        |b| b.to_string(),
    );
    writeln!(
        out,
        "{}: {budget} · {}",
        Msg::CliTrainingSettings.text(lang),
        ts.weeks()
    )
    .map_err(io)?;
    writeln!(
        out,
        "{}: {} · {}–{}",
        Msg::CliReviewSettings.text(lang),
        reviews.due_weeks,
        reviews.hours.open.format("%H:%M"),
        reviews.hours.close.format("%H:%M")
    )
    .map_err(io)?;
    let office = settings
        .office_address
        .lines()
        .map(|l| l.join(", "))
        .unwrap_or_else(|| Msg::AddrUnknown.text(lang).into());
    writeln!(
        out,
        "{}: {} · {}",
        Msg::CliOffice.text(lang),
        printable(&settings.office_name),
        printable(&office)
    )
    .map_err(io)?;
    writeln!(
        out,
        "{} {}",
        Msg::OutOfSightIntro.text(lang),
        settings.out_of_sight_weeks
    )
    .map_err(io)?;
    Ok(())
}
