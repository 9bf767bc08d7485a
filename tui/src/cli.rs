//! The command line. Without a subcommand, the terminal UI starts.
//!
//! Commands that read or change data log in with `--user`; the password comes from
//! `KAPSTOK_PASSWORD` or a prompt. `--db`, `--user` and `--lang` go before or after the
//! subcommand.

use crate::i18n::{self, Lang, Msg};
use clap::{Parser, Subcommand};
use kapstok_core::basemail::{LabelOrder, Printout};
use kapstok_core::common::printable;
use kapstok_core::common::{parse_address, AddressFields, Cents, IsoWeek};
use kapstok_core::error::Error;
use kapstok_core::members::Warning;
use kapstok_core::volunteers::AllowanceLimits;
use kapstok_core::{demo, Kapstok, Role, Session};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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

mod meeting;
mod privacy;
mod report;

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

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// A person's data (administrators): export everything about a member, or erase it.
    Person {
        /// What to do.
        #[command(subcommand)]
        command: PersonCommand,
    },
    /// Ex-members past the retention period (administrators): list them, set the period, or
    /// anonymise all of them (asks twice; `--yes` for scripts).
    Retention {
        /// Set the retention period: months after leaving.
        #[arg(long, value_name = "MONTHS")]
        months: Option<u32>,
        /// Anonymise everyone on the list.
        #[arg(long)]
        erase: bool,
        /// Do not ask (scripts).
        #[arg(long)]
        yes: bool,
    },
    /// Fill an empty store with a realistic synthetic association.
    Demo {
        /// How many members.
        #[arg(long, default_value_t = 300)]
        members: usize,
        /// Seed of the generator (same seed and day, same data).
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// The member register.
    Members {
        /// What to do with it.
        #[command(subcommand)]
        command: MembersCommand,
    },
    /// Import data.
    Import {
        /// What to import.
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Export data.
    Export {
        /// What to export.
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// User accounts.
    User {
        /// What to do.
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Print the address labels of a week's card run (composed first if needed), or a
    /// calibration test print.
    Labels {
        /// ISO week, e.g. 2026-W48 (default: this week).
        #[arg(long, value_name = "WEEK")]
        week: Option<String>,
        /// The label sheet (see `kapstok sheets`).
        #[arg(long, value_name = "SHEET", default_value = "avery-l7160")]
        sheet: String,
        /// First free cell on a partly used sheet (1 = top left, reading order).
        #[arg(long, value_name = "N", default_value_t = 1)]
        start: u32,
        /// Order: institution or name.
        #[arg(long, value_name = "ORDER", default_value = "institution")]
        order: String,
        /// A calibration print instead: every cell's outline and centre, on plain paper.
        #[arg(long)]
        test: bool,
        /// Where to save the PDF (default: etiketten-WEEK.pdf in the current folder).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Also send it to the configured printer with `lp`, where `lp` is available.
        #[arg(long)]
        print: bool,
    },
    /// List the label sheets: built in and custom.
    Sheets,
    /// The tax-free volunteer allowance limits per year: list them, or add or correct a year
    /// (administrators). Amounts in euros, `5,75` or `5.75`.
    Limits {
        /// The year to add or correct.
        #[arg(long, value_name = "YEAR", requires_all = ["per_hour", "per_hour_under_21", "per_month", "per_year"])]
        year: Option<i32>,
        /// Per hour, 21 and older.
        #[arg(long, value_name = "EUR")]
        per_hour: Option<String>,
        /// Per hour, under 21.
        #[arg(long, value_name = "EUR")]
        per_hour_under_21: Option<String>,
        /// Per month.
        #[arg(long, value_name = "EUR")]
        per_month: Option<String>,
        /// Per year.
        #[arg(long, value_name = "EUR")]
        per_year: Option<String>,
    },
    /// Experts' review conversations.
    Reviews {
        /// What to do.
        #[command(subcommand)]
        command: ReviewsCommand,
    },
    /// General meetings: list, convocation, attendance sheet, decision register, rules.
    Meeting {
        /// What to do.
        #[command(subcommand)]
        command: meeting::MeetingCommand,
    },
    /// Reports: the year's figures for the annual report.
    Report {
        /// Which report.
        #[command(subcommand)]
        command: report::ReportCommand,
    },
    /// Show or set the printer `lp` sends to and its calibration offsets (millimetres, ±5).
    Printer {
        /// Printer name as `lpstat -p` shows it (empty: the system default).
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// Shift right (negative: left), in mm.
        #[arg(long, value_name = "MM", allow_hyphen_values = true)]
        offset_x: Option<f64>,
        /// Shift down (negative: up), in mm.
        #[arg(long, value_name = "MM", allow_hyphen_values = true)]
        offset_y: Option<f64>,
    },
    /// Show the settings, or change them (administrators).
    Settings {
        /// Active members without contact for more than this many weeks are out of sight.
        #[arg(long, value_name = "WEEKS")]
        out_of_sight_weeks: Option<u32>,
        /// The office's name on envelopes of post care of the office ("p/a ...").
        #[arg(long, value_name = "NAME")]
        office_name: Option<String>,
        /// The office's address kind: street, postbus or foreign; with the fields below.
        #[arg(long, value_name = "KIND", requires = "office_city")]
        office_address: Option<String>,
        /// Street (street and foreign addresses).
        #[arg(long, value_name = "STREET")]
        office_street: Option<String>,
        /// House number, or the Postbus number.
        #[arg(long, value_name = "N")]
        office_number: Option<String>,
        /// Addition to the house number.
        #[arg(long, value_name = "TEXT")]
        office_addition: Option<String>,
        /// Postcode.
        #[arg(long, value_name = "POSTCODE")]
        office_postcode: Option<String>,
        /// City.
        #[arg(long, value_name = "CITY")]
        office_city: Option<String>,
        /// Country (abroad).
        #[arg(long, value_name = "COUNTRY")]
        office_country: Option<String>,
        /// Agreements ending within this many weeks are due for a review.
        #[arg(long, value_name = "WEEKS")]
        review_due_weeks: Option<u32>,
        /// Office hours for reviews: opening time (HH:MM).
        #[arg(long, value_name = "HH:MM")]
        office_opens: Option<String>,
        /// Office hours for reviews: closing time (HH:MM).
        #[arg(long, value_name = "HH:MM")]
        office_closes: Option<String>,
        /// The training budget per half year, in euros.
        #[arg(long, value_name = "EUR")]
        training_budget: Option<String>,
        /// Skills expiring within this many weeks are flagged.
        #[arg(long, value_name = "WEEKS")]
        expiring_weeks: Option<u32>,
    },
    /// Create a new store (at --db); with --encrypt its records are encrypted with a key that
    /// the store passphrase (KAPSTOK_NEW_PASSPHRASE or a prompt) and each user's password open.
    /// With --user, also its first administrator (password from KAPSTOK_NEW_PASSWORD or a prompt).
    Init {
        /// Encrypt the store.
        #[arg(long)]
        encrypt: bool,
    },
    /// Write a backup of the whole store to FILE (administrators): portable, versioned JSON
    /// lines, encrypted when the store is.
    Backup {
        /// The backup file.
        file: PathBuf,
    },
    /// Restore a backup into a new, empty store (at --db); a store holding anything is refused.
    /// With --encrypt an unencrypted backup is encrypted on the way (the new store's passphrase
    /// from KAPSTOK_NEW_PASSPHRASE or a prompt); each user then logs in once with
    /// KAPSTOK_PASSPHRASE set.
    Restore {
        /// The backup file.
        file: PathBuf,
        /// Encrypt the restored store.
        #[arg(long)]
        encrypt: bool,
    },
    /// The automatic daily backups beside the store: list them, or set how many are kept
    /// (administrators).
    Backups {
        /// Keep this many daily backups (0: make none).
        #[arg(long, value_name = "N")]
        keep: Option<u32>,
    },
    /// Change the passphrase of an encrypted store (administrators; the new one from
    /// KAPSTOK_NEW_PASSPHRASE or a prompt). With --reencrypt, a new key encrypts every record
    /// anew; other users then need a new password.
    Rekey {
        /// Make a new key and encrypt every record anew.
        #[arg(long)]
        reencrypt: bool,
    },
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

/// `kapstok members ...`
#[derive(Debug, Subcommand)]
pub enum MembersCommand {
    /// Print the register in display order, one member a line, tab-separated.
    List {
        /// Only members matching this (names, known-as, number; case and accents ignored).
        #[arg(long)]
        search: Option<String>,
    },
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
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Export the member register as CSV.
    Members {
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
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

/// `kapstok user ...`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user; on an empty store this creates the first administrator. The new password
    /// comes from KAPSTOK_NEW_PASSWORD or a prompt.
    Add {
        /// Login name.
        name: String,
        /// administrator, coordinator or volunteer.
        #[arg(long)]
        role: String,
    },
    /// Set a new password (administrators for anyone; everyone for themselves). The new password
    /// comes from KAPSTOK_NEW_PASSWORD or a prompt.
    Passwd {
        /// Login name.
        name: String,
    },
    /// List the users with their roles (administrators).
    List,
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

fn new_passphrase(lang: Lang) -> Result<String, Failure> {
    if let Ok(p) = std::env::var("KAPSTOK_NEW_PASSPHRASE") {
        return Ok(p);
    }
    let first = password(Msg::CliNewPassphrase.text(lang), "KAPSTOK_NEW_PASSPHRASE")?;
    let again = password(
        Msg::CliRepeatPassphrase.text(lang),
        "KAPSTOK_NEW_PASSPHRASE",
    )?;
    if first != again {
        return Err(Failure(Msg::PassphrasesDiffer.text(lang).into()));
    }
    Ok(first)
}

/// `kapstok init` and `kapstok restore`: they make a store rather than open one.
fn create(
    db: Option<PathBuf>,
    user: Option<&str>,
    command: &Command,
    lang: Lang,
) -> Option<CliResult> {
    if !matches!(command, Command::Init { .. } | Command::Restore { .. }) {
        return None;
    }
    let path = match store_path(db) {
        Some(p) => p,
        None => return Some(Err(Failure(Msg::CliNoDataDir.text(lang).into()))),
    };
    let result = match command {
        Command::Init { encrypt } => init(&path, *encrypt, user, lang),
        Command::Restore { file, encrypt } => restore(&path, file, *encrypt, lang),
        _ => return None,
    };
    Some(result)
}

fn make_parent(path: &Path) -> Result<(), Failure> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Failure(format!("{}: {e}", parent.display())))?;
    }
    Ok(())
}

fn init(path: &Path, encrypt: bool, admin: Option<&str>, lang: Lang) -> CliResult {
    make_parent(path)?;
    let exists = Failure(format!(
        "{} ({})",
        Msg::CliStoreExists.text(lang),
        path.display()
    ));
    let k = if encrypt {
        let pp = new_passphrase(lang)?;
        match Kapstok::create_encrypted(path, &pp) {
            Err(Error::NotEmpty) => return Err(exists),
            other => other.map_err(|e| Failure::core(&e, lang))?,
        }
    } else {
        let k = Kapstok::open(path).map_err(|e| Failure::core(&e, lang))?;
        if k.is_encrypted() || !k.needs_setup().map_err(|e| Failure::core(&e, lang))? {
            return Err(exists);
        }
        k
    };
    let mut out = std::io::stdout().lock();
    let created = if encrypt {
        Msg::CliStoreCreatedEncrypted
    } else {
        Msg::CliStoreCreated
    };
    writeln!(out, "{}: {}", created.text(lang), path.display())
        .map_err(|e| Failure(e.to_string()))?;
    if let Some(name) = admin {
        let pw = new_password(name, lang)?;
        k.setup(name, &pw).map_err(|e| Failure::core(&e, lang))?;
        writeln!(
            out,
            "{}: {name} ({})",
            Msg::CliUserAdded.text(lang),
            crate::app::role_label(Role::Administrator, lang)
        )
        .map_err(|e| Failure(e.to_string()))?;
    }
    Ok(())
}

/// `kapstok restore FILE`: the whole file is checked before anything is created, and a restore
/// that fails after all (a full disk) removes the folders it created: a refused restore leaves
/// nothing behind.
fn restore(path: &Path, file: &Path, encrypt: bool, lang: Lang) -> CliResult {
    use kapstok_core::store::{dump, Store};
    let input = || -> Result<_, Failure> {
        std::fs::File::open(file)
            .map(std::io::BufReader::new)
            .map_err(|e| Failure(format!("{}: {e}", file.display())))
    };
    dump::verify(input()?, file).map_err(|e| Failure::core(&e, lang))?;
    let passphrase = if encrypt {
        Some(new_passphrase(lang)?)
    } else {
        None
    };
    // The highest folder this restore creates, removed again when it fails.
    let created = path
        .ancestors()
        .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
        .last()
        .map(Path::to_path_buf);
    let result = (|| -> CliResult {
        make_parent(path)?;
        let (store, _) = Store::open(path).map_err(|e| Failure::core(&e, lang))?;
        match &passphrase {
            Some(pp) => dump::restore_encrypted(&store, input()?, file, pp),
            None => dump::restore(&store, input()?, file),
        }
        .map_err(|e| Failure::core(&e, lang))?;
        let lines: usize = kapstok_core::store::TreeId::ALL
            .iter()
            .map(|t| store.tree_len(*t))
            .sum();
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "{} {lines} ({})",
            Msg::CliRestored.text(lang),
            path.display()
        )
        .and_then(|()| writeln!(out, "{}", Msg::CliRestoredLogin.text(lang)))
        .map_err(|e| Failure(e.to_string()))
    })();
    if result.is_err() {
        if let Some(dir) = created {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
    result
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
    if let Some(result) = create(cli.db.clone(), cli.user.as_deref(), &command, lang) {
        return result;
    }
    let k = open(cli.db, lang)?;
    let user = cli.user.as_deref();
    let mut out = std::io::stdout().lock();
    // A closed pipe (`kapstok members list | head`) ends the output quietly.
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::BrokenPipe => Failure(String::new()),
        _ => Failure(e.to_string()),
    };
    match command {
        Command::Meeting { command } => meeting::run(&k, user, lang, command, &mut out)?,
        Command::Report { command } => report::run(&k, user, lang, command, &mut out)?,
        Command::Person { command } => privacy::person(k, user, command, lang, &mut out)?,
        Command::Retention { months, erase, yes } => {
            privacy::retention(k, user, months, erase, yes, lang, &mut out)?
        }
        Command::Demo { members, seed } => {
            let report = demo::fill(&k, members, seed).map_err(|e| Failure::core(&e, lang))?;
            let users: Vec<String> = report
                .users
                .iter()
                .map(|(n, r)| format!("{n} ({})", crate::app::role_label(*r, lang)))
                .collect();
            writeln!(
                out,
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
        }
        Command::Members {
            command: MembersCommand::List { search },
        } => {
            let s = login(&k, user, lang)?;
            let list = match search {
                Some(q) => s.members().search(&q),
                None => s.members().list(),
            }
            .map_err(|e| Failure::core(&e, lang))?;
            for m in list {
                let address = crate::screens::members::address_lines(&m.address, lang).join(", ");
                write_row(
                    &mut out,
                    &[
                        &m.number,
                        &m.name.sorted(),
                        &m.known_as,
                        &crate::screens::members::status_label(m.status(), lang),
                        &address,
                    ],
                )
                .map_err(io)?;
            }
        }
        Command::Import {
            what: ImportCommand::Members { file, dry_run },
        } => {
            let s = login(&k, user, lang)?;
            let data =
                std::fs::read(&file).map_err(|e| Failure(format!("{}: {e}", file.display())))?;
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
        }
        Command::Export {
            what: ExportCommand::Members { output },
        } => {
            if let Some(path) = &output {
                check_output(path)?;
            }
            let s = login(&k, user, lang)?;
            let bytes = s
                .members()
                .export_csv()
                .map_err(|e| Failure::core(&e, lang))?;
            match output {
                None => out.write_all(&bytes).map_err(io)?,
                Some(path) => {
                    crate::files::write_atomically(&path, &bytes)
                        .map_err(|e| Failure(crate::files::failure_text(path.as_ref(), &e)))?;
                    let count = s.members().list().map(|l| l.len()).unwrap_or(0);
                    writeln!(
                        out,
                        "{count} {} {}",
                        Msg::CliExported.text(lang),
                        path.display()
                    )
                    .map_err(io)?;
                }
            }
        }
        Command::User {
            command: UserCommand::Add { name, role },
        } => {
            let role =
                Role::from_name(&role).ok_or_else(|| Failure(Msg::CliBadRole.text(lang).into()))?;
            let empty = k.needs_setup().map_err(|e| Failure::core(&e, lang))?;
            if empty && role != Role::Administrator {
                return Err(Failure(Msg::CliFirstAdmin.text(lang).into()));
            }
            let admin = if empty {
                None
            } else {
                Some(login(&k, user, lang)?)
            };
            let pw = new_password(&name, lang)?;
            match admin {
                None => k.setup(&name, &pw).map(|_| ()),
                Some(s) => s.users().add(&name, role, &pw).map(|_| ()),
            }
            .map_err(|e| Failure::core(&e, lang))?;
            writeln!(
                out,
                "{}: {name} ({})",
                Msg::CliUserAdded.text(lang),
                crate::app::role_label(role, lang)
            )
            .map_err(io)?;
        }
        Command::User {
            command: UserCommand::Passwd { name },
        } => {
            let s = login(&k, user, lang)?;
            let wanted = name.trim().to_lowercase();
            let id = if s.user_name() == wanted {
                s.user_id()
            } else {
                let users = s.users().list().map_err(|e| Failure::core(&e, lang))?;
                let found = users.iter().find(|(_, u)| u.name == wanted);
                found
                    .map(|(id, _)| *id)
                    .ok_or_else(|| Failure(format!("{}: {name}", Msg::ErrNotFound.text(lang))))?
            };
            let pw = new_password(&name, lang)?;
            s.users()
                .set_password(id, &pw)
                .map_err(|e| Failure::core(&e, lang))?;
            writeln!(out, "{}: {name}", Msg::CliPasswordChanged.text(lang)).map_err(io)?;
        }
        Command::User {
            command: UserCommand::List,
        } => {
            let s = login(&k, user, lang)?;
            for (_, u) in s.users().list().map_err(|e| Failure::core(&e, lang))? {
                write_row(&mut out, &[&u.name, &crate::app::role_label(u.role, lang)])
                    .map_err(io)?;
            }
        }
        Command::Labels {
            week,
            sheet,
            start,
            order,
            test,
            output,
            print,
        } => {
            if let Some(path) = &output {
                check_output(path)?;
            }
            let s = login(&k, user, lang)?;
            let bm = s.basemail();
            let week = parse_week(week.as_deref(), &s, lang)?;
            let (bytes, summary, default_name) = if test {
                let pdf = bm.test_print(&sheet).map_err(|e| Failure::core(&e, lang))?;
                (
                    pdf,
                    Msg::CliTestPrint.text(lang).to_string(),
                    format!("testafdruk-{sheet}.pdf"),
                )
            } else {
                let order = match order.trim().to_lowercase().as_str() {
                    "institution" | "inrichting" => LabelOrder::Institution,
                    "name" | "naam" => LabelOrder::Name,
                    _ => return Err(Failure(Msg::CliBadOrder.text(lang).into())),
                };
                let job = match bm
                    .labels(week, &sheet, start, order)
                    .map_err(|e| Failure::core(&e, lang))?
                {
                    Printout::Ready(job) => job,
                    Printout::NoCards(none) => return Err(Failure(i18n::no_cards(&none, lang))),
                };
                let summary = format!(
                    "{} {} · {} {}",
                    job.labels,
                    Msg::CliLabels.text(lang),
                    job.pages,
                    Msg::CliSheetsUsed.text(lang)
                );
                (job.pdf, summary, format!("etiketten-{week}.pdf"))
            };
            let path = output.unwrap_or_else(|| PathBuf::from(default_name));
            crate::files::write_atomically(&path, &bytes)
                .map_err(|e| Failure(crate::files::failure_text(path.as_ref(), &e)))?;
            writeln!(out, "{}: {}", printable(&summary), path.display()).map_err(io)?;
            if print {
                let printer = bm
                    .print_settings()
                    .map_err(|e| Failure::core(&e, lang))?
                    .printer;
                let message = send_to_printer(&path, &printer, lang)?;
                writeln!(out, "{}", printable(&message)).map_err(io)?;
            }
        }
        Command::Limits {
            year,
            per_hour,
            per_hour_under_21,
            per_month,
            per_year,
        } => {
            let s = login(&k, user, lang)?;
            let ex = s.experts();
            if let Some(year) = year {
                let amount =
                    |field: &'static str, text: Option<String>| -> Result<Cents, Failure> {
                        text.as_deref().and_then(Cents::parse).ok_or_else(|| {
                            Failure::core(
                                &Error::invalid(field, kapstok_core::Reason::NotANumber),
                                lang,
                            )
                        })
                    };
                let limits = AllowanceLimits {
                    year,
                    per_hour: amount("per_hour", per_hour)?,
                    per_hour_under_21: amount("per_hour_under_21", per_hour_under_21)?,
                    per_month: amount("per_month", per_month)?,
                    per_year: amount("per_year", per_year)?,
                };
                ex.set_limits(limits).map_err(|e| Failure::core(&e, lang))?;
            }
            for l in ex.limits().map_err(|e| Failure::core(&e, lang))? {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}",
                    l.year, l.per_hour, l.per_hour_under_21, l.per_month, l.per_year
                )
                .map_err(io)?;
            }
        }
        Command::Reviews {
            command: ReviewsCommand::Ics { output },
        } => {
            if let Some(path) = &output {
                check_output(path)?;
            }
            let s = login(&k, user, lang)?;
            let ics = s.experts().ics().map_err(|e| Failure::core(&e, lang))?;
            match output {
                None => out.write_all(ics.as_bytes()).map_err(io)?,
                Some(path) => {
                    crate::files::write_atomically(&path, ics.as_bytes())
                        .map_err(|e| Failure(crate::files::failure_text(path.as_ref(), &e)))?;
                    let count = ics.matches("BEGIN:VEVENT").count();
                    writeln!(
                        out,
                        "{count} {}: {}",
                        Msg::CliReviewsWritten.text(lang),
                        path.display()
                    )
                    .map_err(io)?;
                }
            }
        }
        Command::Sheets => {
            let s = login(&k, user, lang)?;
            for sheet in s.basemail().sheets().map_err(|e| Failure::core(&e, lang))? {
                write_row(
                    &mut out,
                    &[
                        &sheet.id,
                        &sheet.name,
                        &format!("{} x {} = {}", sheet.columns, sheet.rows, sheet.cells()),
                        &format!("{} x {} mm", sheet.label_w_mm, sheet.label_h_mm),
                    ],
                )
                .map_err(io)?;
            }
        }
        Command::Printer {
            name,
            offset_x,
            offset_y,
        } => {
            let s = login(&k, user, lang)?;
            let bm = s.basemail();
            if name.is_some() || offset_x.is_some() || offset_y.is_some() {
                let before = bm.print_settings().map_err(|e| Failure::core(&e, lang))?;
                let printer = name.unwrap_or(before.printer.clone());
                let mut c = before
                    .calibrations
                    .get(printer.trim())
                    .copied()
                    .unwrap_or_default();
                c.offset_x_mm = offset_x.unwrap_or(c.offset_x_mm);
                c.offset_y_mm = offset_y.unwrap_or(c.offset_y_mm);
                bm.configure_printer(&printer, c)
                    .map_err(|e| Failure::core(&e, lang))?;
            }
            let settings = bm.print_settings().map_err(|e| Failure::core(&e, lang))?;
            let c = settings.calibration();
            let printer = if settings.printer.is_empty() {
                Msg::CliDefaultPrinter.text(lang)
            } else {
                settings.printer.as_str()
            };
            writeln!(
                out,
                "{}: {} · x {:+.1} mm · y {:+.1} mm",
                Msg::CliPrinter.text(lang),
                printable(printer),
                c.offset_x_mm,
                c.offset_y_mm
            )
            .map_err(io)?;
        }
        // Handled by `create` above: they make a store instead of opening one.
        Command::Init { .. } | Command::Restore { .. } => {}
        Command::Backup { file } => {
            let s = login(&k, user, lang)?;
            let entries = s.backup(&file).map_err(|e| Failure::core(&e, lang))?;
            writeln!(
                out,
                "{}: {} ({entries})",
                Msg::CliBackupWritten.text(lang),
                file.display()
            )
            .map_err(io)?;
        }
        Command::Backups { keep } => {
            let s = login(&k, user, lang)?;
            if let Some(n) = keep {
                s.set_backups_keep(n).map_err(|e| Failure::core(&e, lang))?;
            }
            let kept = s.backups_keep().map_err(|e| Failure::core(&e, lang))?;
            writeln!(out, "{} {kept}", Msg::CliBackupsKept.text(lang)).map_err(io)?;
            for path in s.daily_backups().map_err(|e| Failure::core(&e, lang))? {
                writeln!(out, "{}", path.display()).map_err(io)?;
            }
        }
        Command::Rekey { reencrypt } => {
            let name = user.ok_or_else(|| Failure(Msg::CliNeedUser.text(lang).into()))?;
            let pw = password(
                &format!("{} {name}", Msg::CliPasswordFor.text(lang)),
                "KAPSTOK_PASSWORD",
            )?;
            let s = k.login(name, &pw).map_err(|e| Failure::core(&e, lang))?;
            if !k.is_encrypted() {
                return Err(Failure::core(&Error::NotEncrypted, lang));
            }
            let pp = new_passphrase(lang)?;
            if reencrypt {
                let others = s.reencrypt(&pp, &pw).map_err(|e| Failure::core(&e, lang))?;
                writeln!(out, "{}", Msg::CliReencrypted.text(lang)).map_err(io)?;
                if !others.is_empty() {
                    writeln!(
                        out,
                        "{} {}",
                        Msg::CliNeedNewPassword.text(lang),
                        others.join(", ")
                    )
                    .map_err(io)?;
                }
            } else {
                s.change_passphrase(&pp)
                    .map_err(|e| Failure::core(&e, lang))?;
                writeln!(out, "{}", Msg::CliRekeyed.text(lang)).map_err(io)?;
            }
        }
        Command::Settings {
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
        } => {
            let s = login(&k, user, lang)?;
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
                chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| {
                    Failure::core(&Error::invalid(field, kapstok_core::Reason::BadTime), lang)
                })
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
        }
    }
    Ok(())
}

fn parse_week(text: Option<&str>, s: &Session, lang: Lang) -> Result<IsoWeek, Failure> {
    match text {
        None => Ok(IsoWeek::of(s.today())),
        Some(t) => IsoWeek::parse(t)
            .ok_or_else(|| Failure(format!("{} \"{t}\"", Msg::CliBadWeek.text(lang)))),
    }
}

/// Sends a PDF to the printer with `lp` (CUPS), when it is installed.
fn send_to_printer(path: &Path, printer: &str, lang: Lang) -> Result<String, Failure> {
    match crate::files::lp(path, printer) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Ok(Msg::CliNoLp.text(lang).to_string())
        }
        Err(e) => Err(Failure(format!("lp: {e}"))),
        Ok(o) if o.status.success() => Ok(format!(
            "{} {}",
            Msg::CliSentToPrinter.text(lang),
            String::from_utf8_lossy(&o.stdout).trim()
        )),
        Ok(o) => Err(Failure(format!(
            "lp: {}",
            String::from_utf8_lossy(&o.stderr).trim()
        ))),
    }
}

fn new_password(name: &str, lang: Lang) -> Result<String, Failure> {
    if let Ok(p) = std::env::var("KAPSTOK_NEW_PASSWORD") {
        return Ok(p);
    }
    let first = password(
        &format!("{} {name}", Msg::CliNewPasswordFor.text(lang)),
        "KAPSTOK_NEW_PASSWORD",
    )?;
    let again = password(Msg::CliRepeatPassword.text(lang), "KAPSTOK_NEW_PASSWORD")?;
    if first != again {
        return Err(Failure(Msg::PasswordsDiffer.text(lang).into()));
    }
    Ok(first)
}
