//! `kapstok user key ...`: the SSH public keys staff log in to `kapstok serve` with.

use super::{io, write_row, CliResult, Ctx, Failure};
use crate::i18n::{args, Msg};
use clap::Subcommand;
use kapstok_core::Session;
use std::io::Write;
use std::path::PathBuf;

/// `kapstok user key ...`
#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Register a public key for a user (administrators): the .pub file (an OpenSSH line, or the
    /// SSH2 public key PuTTYgen saves); `-` reads it from standard input.
    Add {
        /// Login name.
        name: String,
        /// The public key file.
        file: PathBuf,
    },
    /// List a user's keys: fingerprint, algorithm, comment, date added (administrators; everyone
    /// for themselves).
    List {
        /// Login name.
        name: String,
    },
    /// Remove a key from a user by its fingerprint (administrators).
    Remove {
        /// Login name.
        name: String,
        /// The key's fingerprint, as `user key list` shows it (`SHA256:…`).
        fingerprint: String,
    },
}

/// Runs a `kapstok user key` command.
pub(super) fn run(command: KeyCommand, mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    let s = ctx.login()?;
    let core = |e: kapstok_core::Error| Failure::core(&e, lang);
    match command {
        KeyCommand::Add { name, file } => {
            let text = if file.as_os_str() == "-" {
                std::io::read_to_string(std::io::stdin())
            } else {
                std::fs::read_to_string(&file)
            }
            .map_err(|e| {
                Failure(
                    args::CliKeyFileUnreadable {
                        path: &file.display(),
                        error: &e,
                    }
                    .text(lang),
                )
            })?;
            let id = user_id(&s, &name, lang)?;
            let fingerprint = s.users().add_key(id, &text).map_err(core)?;
            let user = &name.trim().to_lowercase();
            writeln!(
                ctx.out,
                "{}",
                args::CliKeyAdded {
                    user,
                    fingerprint: &fingerprint
                }
                .text(lang)
            )
            .map_err(io)?;
        }
        KeyCommand::List { name } => {
            let id = user_id(&s, &name, lang)?;
            let keys = s.users().keys(id).map_err(core)?;
            if keys.is_empty() {
                writeln!(ctx.out, "{}", Msg::CliNoKeys.text(lang)).map_err(io)?;
            }
            for k in keys {
                write_row(
                    &mut ctx.out,
                    &[
                        &k.fingerprint,
                        &k.algorithm,
                        &k.comment,
                        &kapstok_core::common::format_date(k.added.date()),
                    ],
                )
                .map_err(io)?;
            }
        }
        KeyCommand::Remove { name, fingerprint } => {
            let id = user_id(&s, &name, lang)?;
            s.users().remove_key(id, &fingerprint).map_err(core)?;
            let user = &name.trim().to_lowercase();
            writeln!(
                ctx.out,
                "{}",
                args::CliKeyRemoved {
                    user,
                    fingerprint: &fingerprint.trim()
                }
                .text(lang)
            )
            .map_err(io)?;
        }
    }
    Ok(())
}

/// The id of the account `name`: the session's own, or found in the list (administrators).
pub(super) fn user_id(s: &Session, name: &str, lang: crate::i18n::Lang) -> Result<u64, Failure> {
    let wanted = name.trim().to_lowercase();
    if s.user_name() == wanted {
        return Ok(s.user_id());
    }
    let users = s.users().list().map_err(|e| Failure::core(&e, lang))?;
    users
        .iter()
        .find(|(_, u)| u.name == wanted)
        .map(|(id, _)| *id)
        .ok_or_else(|| Failure(format!("{}: {name}", Msg::ErrNotFound.text(lang))))
}
