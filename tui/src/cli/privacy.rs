//! `kapstok person export|erase` and `kapstok retention`: a person's data on the command line.
//!
//! Erasing asks twice (the member number, then the word `wissen`/`erase`, naming the backups that
//! still hold the person) unless `--yes` is given, and then rewrites the store so that sled's log
//! keeps no old version of the erased data.

use super::{login, CliResult, Ctx, Failure};
use crate::i18n::{args, Lang, Msg};
use clap::Subcommand;
use kapstok_core::privacy::{rewrite_store, Erased};
use kapstok_core::{Kapstok, Session};
use std::io::{BufRead, Write};
use std::path::PathBuf;

/// `kapstok person ...`
#[derive(Debug, clap::Args)]
pub struct PersonArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: PersonCommand,
}

/// `kapstok person ...`
#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Everything about one member as one file: JSON, or a printable PDF summary (`--pdf`, or a
    /// file name ending in .pdf).
    Export {
        /// The member number.
        number: u64,
        /// Write to this file instead of standard output (needed for a PDF).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The printable PDF summary instead of JSON.
        #[arg(long)]
        pdf: bool,
    },
    /// Erase one ex-member's personal data everywhere (anonymous counts stay), then rewrite the
    /// store so no old version stays on disk. Asks twice; `--yes` answers both for scripts.
    Erase {
        /// The member number.
        number: u64,
        /// Do not ask (scripts).
        #[arg(long)]
        yes: bool,
    },
}

/// `kapstok retention [--months N] [--erase [--yes]]`
#[derive(Debug, clap::Args)]
pub struct RetentionArgs {
    /// Set the retention period: months after leaving.
    #[arg(long, value_name = "MONTHS")]
    pub months: Option<u32>,
    /// Anonymise everyone on the list.
    #[arg(long)]
    pub erase: bool,
    /// Do not ask (scripts).
    #[arg(long)]
    pub yes: bool,
}

fn core(lang: Lang) -> impl Fn(kapstok_core::Error) -> Failure {
    move |e| Failure::core(&e, lang)
}

fn io(e: std::io::Error) -> Failure {
    match e.kind() {
        std::io::ErrorKind::BrokenPipe => Failure(String::new()),
        _ => Failure(e.to_string()),
    }
}

/// Asks on standard error and reads one line from standard input.
fn ask(prompt: &str) -> Result<String, Failure> {
    eprint!("{prompt}: ");
    std::io::stderr().flush().map_err(io)?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).map_err(io)?;
    Ok(line.trim().to_string())
}

/// The two confirmations: `first` must be typed back, then the erase word.
fn confirm_twice(prompt1: &str, first: &str, backups: &str, lang: Lang) -> Result<bool, Failure> {
    if ask(prompt1)? != first {
        return Ok(false);
    }
    let prompt2 = args::PrivErasePrompt2 { dir: &backups }.text(lang);
    Ok(ask(&prompt2)?.to_lowercase() == Msg::PrivEraseWord.text(lang))
}

fn erased_line(e: &Erased, lang: Lang) -> String {
    if e.again {
        return args::PrivErasedAgain { number: &e.number }.text(lang);
    }
    args::PrivErased {
        number: &e.number,
        records: &e.records,
        cards: &e.cards,
        audit: &e.audit_entries,
    }
    .text(lang)
}

/// Rewrites the store after an erasure and says so; the backups warning comes last.
fn rewrite(s: Session, backups: &str, lang: Lang, out: &mut dyn Write) -> CliResult {
    let (_s, done) = rewrite_store(s).map_err(core(lang))?;
    let done = done.map_err(core(lang))?;
    writeln!(
        out,
        "{}",
        args::PrivRewritten { keys: &done.keys }.text(lang)
    )
    .map_err(io)?;
    writeln!(
        out,
        "{}",
        args::PrivBackupsWarning { dir: &backups }.text(lang)
    )
    .map_err(io)
}

fn backups_of(k: &Kapstok) -> String {
    kapstok_core::privacy::backup_dir(k).display().to_string()
}

/// Runs a `kapstok person` command.
pub(super) fn person(args: PersonArgs, mut ctx: Ctx) -> CliResult {
    let user = ctx.user.as_deref();
    person_command(ctx.k, user, args.command, ctx.lang, &mut ctx.out)
}

fn person_command(
    k: Kapstok,
    user: Option<&str>,
    command: PersonCommand,
    lang: Lang,
    out: &mut dyn Write,
) -> CliResult {
    let s = login(&k, user, lang)?;
    match command {
        PersonCommand::Export {
            number,
            output,
            pdf,
        } => {
            let pdf = pdf
                || output
                    .as_ref()
                    .and_then(|p| p.extension())
                    .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
            let bytes = if pdf {
                s.privacy().export_pdf_in(number, lang)
            } else {
                s.privacy().export_json(number)
            }
            .map_err(core(lang))?;
            match output {
                None if pdf => {
                    return Err(Failure(format!(
                        "{}: -o FILE.pdf",
                        Msg::ErrInvalid.text(lang)
                    )))
                }
                None => out.write_all(&bytes).map_err(io)?,
                Some(path) => {
                    crate::files::write_atomically(&path, &bytes)
                        .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
                    writeln!(
                        out,
                        "{}",
                        args::PrivExported {
                            number: &number,
                            path: &path.display()
                        }
                        .text(lang)
                    )
                    .map_err(io)?;
                }
            }
            Ok(())
        }
        PersonCommand::Erase { number, yes } => {
            let backups = backups_of(&k);
            // Checked before asking: a refusal (still a member, already erased) comes first.
            s.privacy().export(number).map_err(core(lang))?;
            if !yes {
                let prompt = args::PrivErasePrompt1 { number: &number }.text(lang);
                if !confirm_twice(&prompt, &number.to_string(), &backups, lang)? {
                    return Err(Failure(Msg::PrivCancelled.text(lang).into()));
                }
            }
            let done = s.privacy().erase(number).map_err(core(lang))?;
            writeln!(out, "{}", erased_line(&done, lang)).map_err(io)?;
            drop(k);
            rewrite(s, &backups, lang, out)
        }
    }
}

/// Runs `kapstok retention`.
pub(super) fn retention(args: RetentionArgs, mut ctx: Ctx) -> CliResult {
    let RetentionArgs { months, erase, yes } = args;
    let user = ctx.user.as_deref();
    retention_command(ctx.k, user, months, erase, yes, ctx.lang, &mut ctx.out)
}

fn retention_command(
    k: Kapstok,
    user: Option<&str>,
    months: Option<u32>,
    erase: bool,
    yes: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> CliResult {
    let s = login(&k, user, lang)?;
    let p = s.privacy();
    if let Some(months) = months {
        p.set_retention_months(months).map_err(core(lang))?;
    }
    let months = p.settings().map_err(core(lang))?.retention_months;
    let due = p.retention().map_err(core(lang))?;
    let m = months.to_string();
    if due.is_empty() {
        writeln!(out, "{}", args::PrivRetentionNone { months: &m }.text(lang)).map_err(io)?;
        return Ok(());
    }
    writeln!(
        out,
        "{}",
        args::PrivRetentionHeader { months: &m }.text(lang)
    )
    .map_err(io)?;
    for d in &due {
        let [number, name, status, left, due] = crate::present::due_fields(d, lang);
        super::write_row(out, &[&number, &name, &status, &left, &due]).map_err(io)?;
    }
    if !erase {
        return Ok(());
    }
    let backups = backups_of(&k);
    if !yes {
        let count = due.len().to_string();
        let who = crate::i18n::count(due.len(), crate::i18n::Noun::ExMember, lang);
        let prompt = args::PrivRetentionPrompt { count: &who }.text(lang);
        if !confirm_twice(&prompt, &count, &backups, lang)? {
            return Err(Failure(Msg::PrivCancelled.text(lang).into()));
        }
    }
    // Only those listed (and confirmed) are erased, even if the list changed meanwhile.
    for d in &due {
        let done = p.erase(d.member.number).map_err(core(lang))?;
        writeln!(out, "{}", erased_line(&done, lang)).map_err(io)?;
    }
    drop(k);
    rewrite(s, &backups, lang, out)
}
