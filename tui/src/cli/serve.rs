//! `kapstok serve`: the terminal UI over SSH for every PC in the office (see [`crate::serve`]).

use super::{password, CliResult, Failure};
use crate::i18n::{args, Lang, Msg};
use kapstok_core::Kapstok;
use std::net::SocketAddr;
use std::time::Duration;

/// `kapstok serve`
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to listen: 127.0.0.1:2222 serves this PC only; 0.0.0.0:2222 the office network.
    /// From home, go through the office VPN rather than opening the port to the internet.
    #[arg(long, default_value = "127.0.0.1:2222")]
    pub listen: SocketAddr,
    /// Also accept the kapstok password (for shared office PCs without a personal key).
    #[arg(long)]
    pub allow_password: bool,
    /// Close a session after this many minutes without input.
    #[arg(long, default_value_t = 60)]
    pub idle_minutes: u64,
}

/// Serves until Ctrl+C. An encrypted store is unlocked once, with its passphrase
/// (KAPSTOK_PASSPHRASE or a prompt).
pub(super) fn run(args: Args, k: Kapstok, lang: Lang) -> CliResult {
    if k.is_locked() {
        let pp = password(Msg::CliPassphrase.text(lang), "KAPSTOK_PASSPHRASE")?;
        k.unlock(&pp).map_err(|e| Failure::core(&e, lang))?;
    }
    let path = k.path().to_path_buf();
    let options = crate::serve::Options {
        listen: args.listen,
        allow_password: args.allow_password,
        idle_timeout: Duration::from_secs(args.idle_minutes.max(1) * 60),
        lang,
    };
    let listen = args.listen;
    let running = crate::serve::start(k, options, true).map_err(|e| {
        // What went wrong in the user's words; the system's on a line of its own.
        Failure(format!(
            "{}\n{}{}",
            args::ServeCannotStart { addr: &listen }.text(lang),
            Msg::CliTechnicalDetail.text(lang),
            kapstok_core::common::printable(&e.to_string())
        ))
    })?;
    println!(
        "{}",
        args::ServeListening {
            addr: &running.addr,
            fingerprint: &running.fingerprint,
        }
        .text(lang)
    );
    println!("{}", Msg::ServeStopHint.text(lang));
    running.wait().map_err(|e| {
        Failure(format!(
            "{}\n{}{}",
            Msg::ServeFailed.text(lang),
            Msg::CliTechnicalDetail.text(lang),
            kapstok_core::common::printable(&e.to_string())
        ))
    })?;
    // An erasure's rewrite needs the store closed: now it is.
    kapstok_core::privacy::rewrite_pending(&path).map_err(|e| Failure::core(&e, lang))?;
    Ok(())
}
