//! `kapstok members`, `kapstok import` and `kapstok export`: the member register.

use super::{check_output, io, write_row, CliResult, Ctx, Failure};
use crate::i18n::Msg;
use clap::Subcommand;
use kapstok_core::members::{Accept, MemberInput, SaveOutcome, Warning};
use std::io::Write;
use std::path::PathBuf;

/// `kapstok members ...`
#[derive(Debug, clap::Args)]
pub struct MembersArgs {
    /// What to do with it.
    #[command(subcommand)]
    pub command: MembersCommand,
}

/// `kapstok members ...`
#[derive(Debug, Subcommand)]
pub enum MembersCommand {
    /// Print the register in display order, one member a line, tab-separated.
    List {
        /// Only members matching this (names, known-as, number; case and accents ignored).
        #[arg(long)]
        search: Option<String>,
    },
    /// Add a member (dates as dd-mm-jjjj). A possible duplicate (same name and date of birth) is
    /// reported and nothing is saved, unless --save-anyway is given.
    Add {
        /// The member's data.
        #[command(flatten)]
        fields: Box<MemberFields>,
        /// Save even when the member looks like a duplicate of another.
        #[arg(long)]
        save_anyway: bool,
    },
}

/// The fields of a member, as in the member form (empty when not given).
#[derive(Debug, clap::Args)]
pub struct MemberFields {
    /// First name or initials.
    #[arg(long, default_value = "")]
    pub given: String,
    /// Surname prefix ("van der").
    #[arg(long, default_value = "")]
    pub prefix: String,
    /// Surname.
    #[arg(long, default_value = "")]
    pub surname: String,
    /// Known-as / street name.
    #[arg(long, default_value = "")]
    pub known_as: String,
    /// Date of birth.
    #[arg(long, default_value = "")]
    pub birth_date: String,
    /// Phone.
    #[arg(long, default_value = "")]
    pub phone: String,
    /// E-mail.
    #[arg(long, default_value = "")]
    pub email: String,
    /// Address kind: street, care_of, postbus, foreign or unknown.
    #[arg(long, default_value = "care_of")]
    pub address_kind: String,
    /// Street (Dutch or foreign).
    #[arg(long, default_value = "")]
    pub street: String,
    /// House number (Dutch street) or Postbus number.
    #[arg(long, default_value = "")]
    pub house_number: String,
    /// Addition to the house number.
    #[arg(long, default_value = "")]
    pub addition: String,
    /// Postcode.
    #[arg(long, default_value = "")]
    pub postcode: String,
    /// City.
    #[arg(long, default_value = "")]
    pub city: String,
    /// Country (foreign addresses).
    #[arg(long, default_value = "")]
    pub country: String,
    /// Date of joining.
    #[arg(long, default_value = "")]
    pub joined: String,
    /// Notes.
    #[arg(long, default_value = "")]
    pub notes: String,
}

impl From<MemberFields> for MemberInput {
    fn from(f: MemberFields) -> MemberInput {
        MemberInput {
            given: f.given,
            prefix: f.prefix,
            surname: f.surname,
            known_as: f.known_as,
            birth_date: f.birth_date,
            phone: f.phone,
            email: f.email,
            address_kind: f.address_kind,
            street: f.street,
            house_number: f.house_number,
            addition: f.addition,
            postcode: f.postcode,
            city: f.city,
            country: f.country,
            joined: f.joined,
            notes: f.notes,
            ..MemberInput::default()
        }
    }
}

/// `kapstok import ...`
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// What to import.
    #[command(subcommand)]
    pub what: ImportCommand,
}

/// `kapstok import ...`
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import members from CSV (all or nothing).
    Members {
        /// The CSV file.
        file: PathBuf,
        /// Check the file and report, without saving anything.
        #[arg(long)]
        dry_run: bool,
    },
}

/// `kapstok export ...`
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// What to export.
    #[command(subcommand)]
    pub what: ExportCommand,
}

/// `kapstok export ...`
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Export the member register as CSV.
    Members {
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// Runs `kapstok members list`.
pub(super) fn run(args: MembersArgs, mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    let search = match args.command {
        MembersCommand::List { search } => search,
        MembersCommand::Add {
            fields,
            save_anyway,
        } => return add((*fields).into(), save_anyway, ctx),
    };
    let s = ctx.login()?;
    let list = match search {
        Some(q) => s.members().search(&q),
        None => s.members().list(),
    }
    .map_err(|e| Failure::core(&e, lang))?;
    for m in list {
        let address = crate::present::address_lines(&m.address, lang).join(", ");
        write_row(
            &mut ctx.out,
            &[
                &m.number,
                &m.name.sorted(),
                &m.known_as,
                &crate::present::status_label(m.status(), lang),
                &address,
            ],
        )
        .map_err(io)?;
    }
    Ok(())
}

/// Runs `kapstok members add`: one save call, which validates once and writes nothing when there
/// are warnings that were not accepted.
fn add(input: MemberInput, save_anyway: bool, mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    let s = ctx.login()?;
    let accept = if save_anyway {
        Accept::Warnings
    } else {
        Accept::NoWarnings
    };
    let outcome = s
        .members()
        .save(&input, None, accept)
        .map_err(|e| Failure::core(&e, lang))?;
    let (saved, warnings) = match outcome {
        SaveOutcome::Saved(saved) => (Some(saved.member.number), saved.warnings),
        SaveOutcome::Warnings(warnings) => (None, warnings),
    };
    let out = &mut ctx.out;
    for w in &warnings {
        match w {
            Warning::PossibleDuplicate { number } => {
                writeln!(out, "{} {number}", Msg::CliPossibleDuplicate.text(lang)).map_err(io)?
            }
        }
    }
    match saved {
        Some(number) => {
            writeln!(out, "{} {number}", Msg::MemberCreated.text(lang)).map_err(io)?;
            Ok(())
        }
        None => Err(Failure(format!(
            "{} (--save-anyway)",
            Msg::ConfirmSaveAnyway.text(lang)
        ))),
    }
}

/// Runs `kapstok import members`.
pub(super) fn import(args: ImportArgs, mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    let ImportCommand::Members { file, dry_run } = args.what;
    let s = ctx.login()?;
    let out = &mut ctx.out;
    let data = std::fs::read(&file).map_err(|e| Failure(format!("{}: {e}", file.display())))?;
    let report = s
        .members()
        .import_csv(&data, dry_run)
        .map_err(|e| Failure::core(&e, lang))?;
    for (line, w) in &report.warnings {
        match w {
            Warning::PossibleDuplicate { number } => writeln!(
                out,
                "{} {line}: {} {number}",
                Msg::ErrLine.text(lang),
                Msg::CliPossibleDuplicate.text(lang)
            )
            .map_err(io)?,
        }
    }
    let range = match (report.numbers.iter().min(), report.numbers.iter().max()) {
        (Some(a), Some(b)) => format!(" ({a}-{b})"),
        _ => String::new(),
    };
    if report.dry_run {
        writeln!(
            out,
            "{} {} {}{range}",
            Msg::CliDryRun.text(lang),
            report.rows,
            Msg::MembersCount.text(lang)
        )
        .map_err(io)?;
    } else {
        writeln!(
            out,
            "{} {}{range}",
            report.rows,
            Msg::CliImported.text(lang)
        )
        .map_err(io)?;
    }
    Ok(())
}

/// Runs `kapstok export members`.
pub(super) fn export(args: ExportArgs, mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    let ExportCommand::Members { output } = args.what;
    if let Some(path) = &output {
        check_output(path)?;
    }
    let s = ctx.login()?;
    let bytes = s
        .members()
        .export_csv()
        .map_err(|e| Failure::core(&e, lang))?;
    match output {
        None => ctx.out.write_all(&bytes).map_err(io)?,
        Some(path) => {
            crate::files::write_atomically(&path, &bytes)
                .map_err(|e| Failure(crate::files::failure_text(path.as_ref(), &e)))?;
            let count = s.members().list().map(|l| l.len()).unwrap_or(0);
            writeln!(
                ctx.out,
                "{count} {} {}",
                Msg::CliExported.text(lang),
                path.display()
            )
            .map_err(io)?;
        }
    }
    Ok(())
}
