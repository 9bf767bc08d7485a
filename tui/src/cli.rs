//! The command line. Without a subcommand, the terminal UI starts.
//!
//! Commands that read or change data log in with `--user`; the password comes from
//! `KAPSTOK_PASSWORD` or a prompt. `--db`, `--user` and `--lang` go before or after the
//! subcommand.

use crate::i18n::{self, Lang, Msg};
use clap::{Parser, Subcommand};
use kapstok_core::common::printable;
use kapstok_core::error::Error;
use kapstok_core::{Kapstok, Session};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod demo;
mod labels;
mod limits;
mod meeting;
mod members;
mod privacy;
mod report;
mod reviews;
mod serve;
mod settings;
mod store;
mod user;
mod user_keys;

/// Writes one tab-separated line of stored text: each field goes through `printable`, so a
/// control character in the data (an escape sequence in an imported name, a tab in a note)
/// never reaches the terminal nor breaks the columns; the tabs between the fields stay.
pub(crate) fn write_row(
    out: &mut dyn Write,
    fields: &[&dyn std::fmt::Display],
) -> std::io::Result<()> {
    let fields: Vec<String> = fields
        .iter()
        .map(|f| printable(&f.to_string()).into_owned())
        .collect();
    writeln!(out, "{}", fields.join("\t"))
}

/// kapstok: the back office of the association (member register). Without a command, the
/// terminal UI starts.
#[derive(Debug, Parser)]
#[command(name = "kapstok", version, about)]
pub struct Cli {
    /// The store's folder (default: $KAPSTOK_DB, else the user's data folder).
    #[arg(long, global = true, env = "KAPSTOK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The user to log in as.
    #[arg(long, global = true, value_name = "NAME")]
    pub user: Option<String>,
    /// Language of the interface: nl (default) or en.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| format!("'{text}': use nl or en"))
}

/// The subcommands: each wraps the arguments of its module under `cli/`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// A person's data (administrators): export everything about a member, or erase it.
    Person(privacy::PersonArgs),
    /// Ex-members past the retention period (administrators): list them, set the period, or
    /// anonymise all of them (asks twice; `--yes` for scripts).
    Retention(privacy::RetentionArgs),
    /// Fill an empty store with a realistic synthetic association.
    Demo(demo::Args),
    /// The member register.
    Members(members::MembersArgs),
    /// Import data.
    Import(members::ImportArgs),
    /// Export data.
    Export(members::ExportArgs),
    /// User accounts.
    User(user::Args),
    /// Print the address labels of a week's card run (composed first if needed), or a
    /// calibration test print.
    Labels(labels::LabelsArgs),
    /// List the label sheets: built in and custom.
    Sheets,
    /// The tax-free volunteer allowance limits per year: list them, or add or correct a year
    /// (administrators). Amounts in euros, `5,75` or `5.75`.
    Limits(limits::Args),
    /// Experts' review conversations.
    Reviews(reviews::Args),
    /// General meetings: list, convocation, attendance sheet, decision register, rules.
    Meeting(meeting::Args),
    /// Reports: the year's figures for the annual report.
    Report(report::Args),
    /// Show or set the printer `lp` sends to and its calibration offsets (millimetres, ±5).
    Printer(labels::PrinterArgs),
    /// Show the settings, or change them (administrators).
    Settings(settings::Args),
    /// Create a new store (at --db); with --encrypt its records are encrypted with a key that
    /// the store passphrase (KAPSTOK_NEW_PASSPHRASE or a prompt) and each user's password open.
    /// With --user, also its first administrator (password from KAPSTOK_NEW_PASSWORD or a prompt).
    Init(store::InitArgs),
    /// Write a backup of the whole store to FILE (administrators): portable, versioned JSON
    /// lines, encrypted when the store is.
    Backup(store::BackupArgs),
    /// Restore a backup into a new, empty store (at --db); a store holding anything is refused.
    /// With --encrypt an unencrypted backup is encrypted on the way (the new store's passphrase
    /// from KAPSTOK_NEW_PASSPHRASE or a prompt); each user then logs in once with
    /// KAPSTOK_PASSPHRASE set.
    Restore(store::RestoreArgs),
    /// The automatic daily backups beside the store: list them, or set how many are kept
    /// (administrators).
    Backups(store::BackupsArgs),
    /// Change the passphrase of an encrypted store (administrators; the new one from
    /// KAPSTOK_NEW_PASSPHRASE or a prompt). With --reencrypt, a new key encrypts every record
    /// anew; other users then need a new password.
    Rekey(store::RekeyArgs),
    /// Serve the terminal UI over SSH to every PC in the office (one process holds the store;
    /// staff log in with a key registered by `kapstok user key add`, or with `--allow-password`).
    Serve(serve::Args),
}

/// A failure of a command, already in the user's language.
struct Failure(String);

impl Failure {
    /// The error in the user's words; the technical detail, if any, on a line of its own after
    /// it (for whoever helps).
    fn core(e: &Error, lang: Lang) -> Failure {
        let mut text = i18n::error(e, lang);
        if let Some(detail) = i18n::error_detail(e) {
            text.push('\n');
            text.push_str(Msg::CliTechnicalDetail.text(lang));
            text.push_str(&kapstok_core::common::printable(&detail));
        }
        Failure(text)
    }
}

type CliResult = Result<(), Failure>;

/// What a command that works on an open store gets: the store, the user to log in as (`--user`),
/// the language and standard output.
struct Ctx {
    k: Kapstok,
    user: Option<String>,
    lang: Lang,
    out: std::io::StdoutLock<'static>,
}

impl Ctx {
    /// Logs in as `--user` (password from KAPSTOK_PASSWORD or a prompt).
    fn login(&self) -> Result<Session, Failure> {
        login(&self.k, self.user.as_deref(), self.lang)
    }
}

/// A write error on standard output; a closed pipe (`kapstok members list | head`) ends the
/// output quietly.
fn io(e: std::io::Error) -> Failure {
    match e.kind() {
        std::io::ErrorKind::BrokenPipe => Failure(String::new()),
        _ => Failure(e.to_string()),
    }
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_default();
    match run(cli, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(text)) if text.is_empty() => ExitCode::SUCCESS,
        Err(Failure(text)) => {
            eprintln!("kapstok: {text}");
            ExitCode::FAILURE
        }
    }
}

/// The store's folder: `--db`, else `$KAPSTOK_DB` (both through clap), else the platform's data
/// folder.
pub fn store_path(db: Option<PathBuf>) -> Option<PathBuf> {
    db.or_else(|| {
        directories::ProjectDirs::from("nl", "kapstok", "kapstok")
            .map(|d| d.data_dir().join("store"))
    })
}

fn open(db: Option<PathBuf>, lang: Lang) -> Result<Kapstok, Failure> {
    open_store(db, lang, true)
}

/// Opens the store; with `backup`, the automatic backup of the day is written first (the
/// terminal UI writes it after its first frame instead).
fn open_store(db: Option<PathBuf>, lang: Lang, backup: bool) -> Result<Kapstok, Failure> {
    let path = store_path(db).ok_or_else(|| Failure(Msg::CliNoDataDir.text(lang).into()))?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Failure(format!("{}: {e}", parent.display())))?;
    }
    let k = if backup {
        Kapstok::open(&path)
    } else {
        Kapstok::open_deferring_backup(&path)
    }
    .map_err(|e| Failure::core(&e, lang))?;
    crate::files::set_store(k.path(), lang);
    if let kapstok_core::store::Opened::Migrated { backup, .. } = k.opened() {
        eprintln!("{} {}", Msg::CliMigrated.text(lang), backup.display());
    }
    if let Some(Err(e)) = k.daily_backup() {
        eprintln!("kapstok: {e}");
    }
    unlock(&k, lang)?;
    Ok(k)
}

/// An encrypted store opens locked; a login unlocks it. The store passphrase unlocks it when
/// KAPSTOK_PASSPHRASE is set, and is asked for when the store has no users yet (so nobody's
/// login could unlock it).
fn unlock(k: &Kapstok, lang: Lang) -> Result<(), Failure> {
    if !k.is_locked() {
        return Ok(());
    }
    let no_users = k.needs_setup().map_err(|e| Failure::core(&e, lang))?;
    if std::env::var_os("KAPSTOK_PASSPHRASE").is_some() || no_users {
        let pp = password(Msg::CliPassphrase.text(lang), "KAPSTOK_PASSPHRASE")?;
        k.unlock(&pp).map_err(|e| Failure::core(&e, lang))?;
    }
    Ok(())
}

/// Refuses an output path inside the store (its folder, its backups, its own files beside it)
/// before any work is done.
fn check_output(path: &Path) -> Result<(), Failure> {
    crate::files::check_output(path).map_err(|e| Failure(crate::files::failure_text(path, &e)))
}

fn password(prompt: &str, env: &str) -> Result<String, Failure> {
    if let Ok(p) = std::env::var(env) {
        return Ok(p);
    }
    rpassword::prompt_password(format!("{prompt}: ")).map_err(|e| Failure(format!("{prompt}: {e}")))
}

fn login(k: &Kapstok, user: Option<&str>, lang: Lang) -> Result<Session, Failure> {
    let user = user.ok_or_else(|| Failure(Msg::CliNeedUser.text(lang).into()))?;
    let pw = password(
        &format!("{} {user}", Msg::CliPasswordFor.text(lang)),
        "KAPSTOK_PASSWORD",
    )?;
    k.login(user, &pw).map_err(|e| Failure::core(&e, lang))
}

fn run(cli: Cli, lang: Lang) -> CliResult {
    let Some(command) = cli.command else {
        let k = open_store(cli.db, lang, false)?;
        return crate::run_tui(k, lang, cli.user.as_deref()).map_err(|e| Failure(e.to_string()));
    };
    // `init` and `restore` make a store instead of opening one.
    let command = match command {
        Command::Init(args) => return store::init(args, cli.db, cli.user.as_deref(), lang),
        Command::Restore(args) => return store::restore(args, cli.db, lang),
        Command::Serve(args) => return serve::run(args, open_store(cli.db, lang, true)?, lang),
        other => other,
    };
    let ctx = Ctx {
        k: open(cli.db, lang)?,
        user: cli.user,
        lang,
        out: std::io::stdout().lock(),
    };
    match command {
        Command::Person(args) => privacy::person(args, ctx),
        Command::Retention(args) => privacy::retention(args, ctx),
        Command::Demo(args) => demo::run(args, ctx),
        Command::Members(args) => members::run(args, ctx),
        Command::Import(args) => members::import(args, ctx),
        Command::Export(args) => members::export(args, ctx),
        Command::User(args) => user::run(args, ctx),
        Command::Labels(args) => labels::labels(args, ctx),
        Command::Sheets => labels::sheets(ctx),
        Command::Limits(args) => limits::run(args, ctx),
        Command::Reviews(args) => reviews::run(args, ctx),
        Command::Meeting(args) => meeting::run(args, ctx),
        Command::Report(args) => report::run(args, ctx),
        Command::Printer(args) => labels::printer(args, ctx),
        Command::Settings(args) => settings::run(args, ctx),
        Command::Backup(args) => store::backup(args, ctx),
        Command::Backups(args) => store::backups(args, ctx),
        Command::Rekey(args) => store::rekey(args, ctx),
        // Handled above: they make a store instead of opening one.
        Command::Init(_) | Command::Restore(_) | Command::Serve(_) => Ok(()),
    }
}
