//! `kapstok user ...`: user accounts.

use super::{io, password, write_row, CliResult, Ctx, Failure};
use crate::i18n::{Lang, Msg};
use clap::Subcommand;
use kapstok_core::Role;
use std::io::Write;

/// `kapstok user ...`
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: UserCommand,
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
    /// Block a user (administrators): they can no longer log in, and their sessions on
    /// `kapstok serve` end.
    Disable {
        /// Login name.
        name: String,
    },
    /// Unblock a user (administrators).
    Enable {
        /// Login name.
        name: String,
    },
    /// The SSH public keys a user logs in to `kapstok serve` with.
    Key {
        /// What to do.
        #[command(subcommand)]
        command: super::user_keys::KeyCommand,
    },
}

/// Runs a `kapstok user` command.
pub(super) fn run(args: Args, mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    match args.command {
        UserCommand::Add { name, role } => {
            let role =
                Role::from_name(&role).ok_or_else(|| Failure(Msg::CliBadRole.text(lang).into()))?;
            let k = &ctx.k;
            let empty = k.needs_setup().map_err(|e| Failure::core(&e, lang))?;
            if empty && role != Role::Administrator {
                return Err(Failure(Msg::CliFirstAdmin.text(lang).into()));
            }
            let admin = if empty { None } else { Some(ctx.login()?) };
            let pw = new_password(&name, lang)?;
            match admin {
                None => k.setup(&name, &pw).map(|_| ()),
                Some(s) => s.users().add(&name, role, &pw).map(|_| ()),
            }
            .map_err(|e| Failure::core(&e, lang))?;
            writeln!(
                ctx.out,
                "{}: {name} ({})",
                Msg::CliUserAdded.text(lang),
                crate::app::role_label(role, lang)
            )
            .map_err(io)?;
        }
        UserCommand::Passwd { name } => {
            let s = ctx.login()?;
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
            writeln!(ctx.out, "{}: {name}", Msg::CliPasswordChanged.text(lang)).map_err(io)?;
        }
        UserCommand::List => {
            let s = ctx.login()?;
            for (_, u) in s.users().list().map_err(|e| Failure::core(&e, lang))? {
                let state = if u.active {
                    ""
                } else {
                    Msg::CliUserBlocked.text(lang)
                };
                write_row(
                    &mut ctx.out,
                    &[&u.name, &crate::app::role_label(u.role, lang), &state],
                )
                .map_err(io)?;
            }
        }
        UserCommand::Disable { name } => set_active(&name, false, ctx)?,
        UserCommand::Enable { name } => set_active(&name, true, ctx)?,
        UserCommand::Key { command } => return super::user_keys::run(command, ctx),
    }
    Ok(())
}

/// Blocks or unblocks the account `name`.
fn set_active(name: &str, active: bool, mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    let s = ctx.login()?;
    let id = super::user_keys::user_id(&s, name, lang)?;
    s.users()
        .set_active(id, active)
        .map_err(|e| Failure::core(&e, lang))?;
    let done = if active {
        Msg::CliUserEnabled
    } else {
        Msg::CliUserDisabled
    };
    let name = name.trim().to_lowercase();
    writeln!(ctx.out, "{}: {name}", done.text(lang)).map_err(io)?;
    Ok(())
}

/// The new password of user `name`: KAPSTOK_NEW_PASSWORD, else asked twice.
pub(super) fn new_password(name: &str, lang: Lang) -> Result<String, Failure> {
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
