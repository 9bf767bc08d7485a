//! `kapstok init`, `backup`, `restore`, `backups` and `rekey`: the store itself.
//!
//! `init` and `restore` make a store rather than open one.

use super::user::new_password;
use super::{io, password, store_path, CliResult, Ctx, Failure};
use crate::i18n::{Lang, Msg};
use kapstok_core::error::Error;
use kapstok_core::{Kapstok, Role};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `kapstok init [--encrypt]`
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Encrypt the store.
    #[arg(long)]
    pub encrypt: bool,
}

/// `kapstok backup FILE`
#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// The backup file.
    pub file: PathBuf,
}

/// `kapstok restore FILE [--encrypt]`
#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The backup file.
    pub file: PathBuf,
    /// Encrypt the restored store.
    #[arg(long)]
    pub encrypt: bool,
}

/// `kapstok backups [--keep N]`
#[derive(Debug, clap::Args)]
pub struct BackupsArgs {
    /// Keep this many daily backups (0: make none).
    #[arg(long, value_name = "N")]
    pub keep: Option<u32>,
}

/// `kapstok rekey [--reencrypt]`
#[derive(Debug, clap::Args)]
pub struct RekeyArgs {
    /// Make a new key and encrypt every record anew.
    #[arg(long)]
    pub reencrypt: bool,
}

/// Runs `kapstok init`: a new store at `db`.
pub(super) fn init(
    args: InitArgs,
    db: Option<PathBuf>,
    admin: Option<&str>,
    lang: Lang,
) -> CliResult {
    let path = store_path(db).ok_or_else(|| Failure(Msg::CliNoDataDir.text(lang).into()))?;
    create(&path, args.encrypt, admin, lang)
}

/// Runs `kapstok restore`: a backup into a new store at `db`.
pub(super) fn restore(args: RestoreArgs, db: Option<PathBuf>, lang: Lang) -> CliResult {
    let path = store_path(db).ok_or_else(|| Failure(Msg::CliNoDataDir.text(lang).into()))?;
    restore_into(&path, &args.file, args.encrypt, lang)
}

/// Runs `kapstok backup`.
pub(super) fn backup(args: BackupArgs, mut ctx: Ctx) -> CliResult {
    let (lang, file) = (ctx.lang, args.file);
    let s = ctx.login()?;
    let out = &mut ctx.out;
    let entries = s.backup(&file).map_err(|e| Failure::core(&e, lang))?;
    writeln!(
        out,
        "{}: {} ({entries})",
        Msg::CliBackupWritten.text(lang),
        file.display()
    )
    .map_err(io)?;
    Ok(())
}

/// Runs `kapstok backups`.
pub(super) fn backups(args: BackupsArgs, mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    let s = ctx.login()?;
    let out = &mut ctx.out;
    if let Some(n) = args.keep {
        s.set_backups_keep(n).map_err(|e| Failure::core(&e, lang))?;
    }
    let kept = s.backups_keep().map_err(|e| Failure::core(&e, lang))?;
    writeln!(out, "{} {kept}", Msg::CliBackupsKept.text(lang)).map_err(io)?;
    for path in s.daily_backups().map_err(|e| Failure::core(&e, lang))? {
        writeln!(out, "{}", path.display()).map_err(io)?;
    }
    Ok(())
}

/// Runs `kapstok rekey`.
pub(super) fn rekey(args: RekeyArgs, mut ctx: Ctx) -> CliResult {
    let (k, lang, out) = (&ctx.k, ctx.lang, &mut ctx.out);
    // Not `ctx.login()`: the password also opens the new key with --reencrypt.
    let name = ctx
        .user
        .as_deref()
        .ok_or_else(|| Failure(Msg::CliNeedUser.text(lang).into()))?;
    let pw = password(
        &format!("{} {name}", Msg::CliPasswordFor.text(lang)),
        "KAPSTOK_PASSWORD",
    )?;
    let s = k.login(name, &pw).map_err(|e| Failure::core(&e, lang))?;
    if !k.is_encrypted() {
        return Err(Failure::core(&Error::NotEncrypted, lang));
    }
    let pp = new_passphrase(lang)?;
    if args.reencrypt {
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

fn make_parent(path: &Path) -> Result<(), Failure> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Failure(format!("{}: {e}", parent.display())))?;
    }
    Ok(())
}

fn create(path: &Path, encrypt: bool, admin: Option<&str>, lang: Lang) -> CliResult {
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
fn restore_into(path: &Path, file: &Path, encrypt: bool, lang: Lang) -> CliResult {
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
