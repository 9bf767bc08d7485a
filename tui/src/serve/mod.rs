//! `kapstok serve`: one process owns the store and serves the terminal UI over SSH to every PC
//! in the office (russh, on ring). Each SSH session with a PTY gets its own [`crate::app::App`],
//! logged in as the kapstok user the SSH authentication established, on a thread of its own
//! ([`session`]); all share one [`Kapstok`], whose change announcements wake every session at
//! once.
//!
//! Authentication:
//! - a public key registered for the account (`kapstok user key add`): the session is made in
//!   [`russh::server::Handler::auth_publickey`], which russh calls only after it verified the
//!   signature. A key that is merely offered ([`russh::server::Handler::auth_publickey_offered`])
//!   is only answered "worth trying" or not; it never logs anyone in.
//! - the kapstok password, only with `--allow-password`.
//!
//! The host key is ed25519, made on first start in the store's folder (0600); its SHA256
//! fingerprint is printed at start, for staff to compare when their client asks the first time.

pub mod input;
pub mod session;

use crate::i18n::Lang;
use kapstok_core::access::Origin;
use kapstok_core::Kapstok;
use russh::keys::ssh_key::private::Ed25519Keypair;
use russh::keys::{HashAlg, PrivateKey};
use russh::server::{Auth, Msg, Server as _, Session as SshSession};
use russh::{Channel, ChannelId, Pty};
use session::{FromSession, Output, ToSession};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::time::Duration;

/// The host key's file in the store's folder.
pub const HOST_KEY_FILE: &str = "ssh_host_ed25519_key";

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where it listens (default 127.0.0.1:2222).
    pub listen: SocketAddr,
    /// Whether the kapstok password is accepted (for shared office PCs without a personal key).
    pub allow_password: bool,
    /// A session with no input for this long is closed.
    pub idle_timeout: Duration,
    /// The language of every session.
    pub lang: Lang,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            listen: SocketAddr::from(([127, 0, 0, 1], 2222)),
            allow_password: false,
            idle_timeout: Duration::from_secs(60 * 60),
            lang: Lang::Nl,
        }
    }
}

/// The server's host key: read from the store's folder, or made there on first start (0600).
pub fn host_key(store: &Path) -> std::io::Result<PrivateKey> {
    let path = store.join(HOST_KEY_FILE);
    if path.exists() {
        return PrivateKey::read_openssh_file(&path).map_err(|e| {
            std::io::Error::other(format!(
                "the host key {} cannot be read: {e}",
                path.display()
            ))
        });
    }
    let key = PrivateKey::from(Ed25519Keypair::from_seed(
        &kapstok_core::access::random_seed(),
    ));
    let text = key
        .to_openssh(russh::keys::ssh_key::LineEnding::LF)
        .map_err(std::io::Error::other)?;
    write_private(&path, text.as_bytes())?;
    Ok(key)
}

/// Writes a new file only its owner can read, in one go, never over an existing one.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// The SHA256 fingerprint of the host key, as SSH clients show it.
pub fn host_fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

/// A server that runs on its own threads (for tests and for `kapstok serve`).
pub struct Running {
    /// Where it listens (the port chosen when 0 was asked).
    pub addr: SocketAddr,
    /// The host key's fingerprint.
    pub fingerprint: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

impl Running {
    /// Stops accepting, ends the sessions and waits for the server to finish.
    pub fn stop(mut self) -> std::io::Result<()> {
        self.finish()
    }

    /// Waits until the server ends (it ends on Ctrl+C).
    pub fn wait(mut self) -> std::io::Result<()> {
        match self.thread.take() {
            Some(thread) => thread
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("the server panicked"))),
            None => Ok(()),
        }
    }

    fn finish(&mut self) -> std::io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match self.thread.take() {
            Some(thread) => thread
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("the server panicked"))),
            None => Ok(()),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

/// Starts the server on the open store: binds, makes or reads the host key, and serves on a
/// thread of its own until stopped (or Ctrl+C, with `until_ctrl_c`).
pub fn start(k: Kapstok, options: Options, until_ctrl_c: bool) -> std::io::Result<Running> {
    let key = host_key(k.path())?;
    let fingerprint = host_fingerprint(&key);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("kapstok-serve")
        .build()?;
    // Bound here, so a port in use is an error of `start` (and port 0 has its number); served
    // on the server's own runtime (a caller may be inside another one, as tests are).
    let listener = std::net::TcpListener::bind(options.listen)?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let config = Arc::new(russh::server::Config {
        inactivity_timeout: Some(options.idle_timeout),
        keepalive_interval: Some(Duration::from_secs(30)),
        auth_rejection_time: Duration::from_secs(1),
        auth_rejection_time_initial: Some(Duration::ZERO),
        keys: vec![key],
        nodelay: true,
        methods: if options.allow_password {
            russh::MethodSet::from(&[russh::MethodKind::PublicKey, russh::MethodKind::Password][..])
        } else {
            russh::MethodSet::from(&[russh::MethodKind::PublicKey][..])
        },
        ..Default::default()
    });
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    // What every client is told when the server stops.
    let stopped = crate::i18n::Msg::ServeStopped
        .text(options.lang)
        .to_string();
    let shared = Arc::new(Shared { k, options });
    let thread = std::thread::Builder::new()
        .name("kapstok-serve".into())
        .spawn(move || {
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener)?;
                let mut server = KapstokServer { shared };
                let running = server.run_on_socket(config, &listener);
                let handle = running.handle();
                tokio::select! {
                    result = running => result,
                    _ = stop_rx => {
                        handle.shutdown(stopped);
                        Ok(())
                    }
                    _ = ctrl_c(until_ctrl_c) => {
                        handle.shutdown(stopped);
                        Ok(())
                    }
                }
            })
        })?;
    Ok(Running {
        addr,
        fingerprint,
        stop: Some(stop_tx),
        thread: Some(thread),
    })
}

/// Ctrl+C, when asked to wait for it; otherwise never.
async fn ctrl_c(wanted: bool) {
    if wanted {
        let _ = tokio::signal::ctrl_c().await;
    } else {
        std::future::pending::<()>().await
    }
}

/// What every connection shares.
struct Shared {
    k: Kapstok,
    options: Options,
}

#[derive(Clone)]
struct KapstokServer {
    shared: Arc<Shared>,
}

impl russh::server::Server for KapstokServer {
    type Handler = Connection;

    fn new_client(&mut self, peer: Option<SocketAddr>) -> Connection {
        Connection {
            shared: self.shared.clone(),
            peer,
            session: None,
            pty: None,
            to_session: None,
        }
    }
}

/// One SSH connection: who it is once authenticated, its PTY, and its UI thread.
struct Connection {
    shared: Arc<Shared>,
    peer: Option<SocketAddr>,
    session: Option<kapstok_core::Session>,
    pty: Option<(u16, u16)>,
    to_session: Option<Sender<ToSession>>,
}

impl Connection {
    fn address(&self) -> String {
        self.peer.map(|p| p.to_string()).unwrap_or_default()
    }

    fn send(&self, message: ToSession) {
        if let Some(tx) = &self.to_session {
            let _ = tx.send(message);
        }
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        // The client went away: its UI ends (and restores nothing: there is no one to see it).
        self.send(ToSession::Closed);
    }
}

/// A PTY size as ratatui takes it (at least 1 x 1, at most what a u16 holds).
fn size(cols: u32, rows: u32) -> (u16, u16) {
    let clamp = |v: u32| u16::try_from(v.max(1)).unwrap_or(u16::MAX);
    (clamp(cols), clamp(rows))
}

impl russh::server::Handler for Connection {
    type Error = russh::Error;

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        offer: russh::server::PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        // Only whether it is worth proving: no identity is set here.
        Ok(
            match self.shared.k.key_is_registered(user, offer.public_key) {
                Ok(true) => Auth::Accept,
                _ => Auth::reject(),
            },
        )
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: russh::server::VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        // russh calls this only after it verified the signature: the client holds the key.
        let origin = Origin::Ssh {
            address: self.address(),
            key: Some(kapstok_core::access::fingerprint(key.public_key)),
        };
        Ok(
            match self.shared.k.login_with_key(user, key.public_key, origin) {
                Ok(session) => {
                    self.session = Some(session);
                    Auth::Accept
                }
                Err(_) => Auth::reject(),
            },
        )
    }

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        if !self.shared.options.allow_password {
            return Ok(Auth::reject());
        }
        let origin = Origin::Ssh {
            address: self.address(),
            key: None,
        };
        Ok(match self.shared.k.login(user, password) {
            Ok(session) => {
                self.session = Some(session.with_origin(origin));
                Auth::Accept
            }
            Err(_) => Auth::reject(),
        })
    }

    async fn channel_open_session(
        &mut self,
        _channel: Channel<Msg>,
        reply: russh::server::ChannelOpenHandle,
        _session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        if self.to_session.is_some() {
            // One terminal per connection.
            reply
                .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
                .await;
        } else {
            reply.accept().await;
        }
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        cols: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        self.pty = Some(size(cols, rows));
        session.channel_success(channel)?;
        Ok(())
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        let lang = self.shared.options.lang;
        let (Some(pty), Some(user)) = (self.pty, self.session.clone()) else {
            let text = format!("{}\r\n", crate::i18n::Msg::ServeNeedsTerminal.text(lang));
            session.data(channel, text.into_bytes())?;
            session.exit_status_request(channel, 1)?;
            session.eof(channel)?;
            session.close(channel)?;
            return Ok(());
        };
        session.channel_success(channel)?;
        let (to_session, from_ssh) = std::sync::mpsc::channel();
        let (out_tx, mut out_rx) = tokio::sync::mpsc::unbounded_channel();
        let in_flight = Arc::new(AtomicBool::new(false));
        let output = Output {
            tx: out_tx,
            in_flight: in_flight.clone(),
        };
        let handle = session.handle();
        // The writer: one SSH data message per frame; the UI draws again once it went out.
        tokio::spawn(async move {
            while let Some(message) = out_rx.recv().await {
                match message {
                    FromSession::Data(frame) => {
                        let sent = handle.data(channel, frame).await;
                        in_flight.store(false, Ordering::SeqCst);
                        if sent.is_err() {
                            break;
                        }
                    }
                    FromSession::Quit(status) => {
                        let _ = handle.exit_status_request(channel, status).await;
                        let _ = handle.eof(channel).await;
                        let _ = handle.close(channel).await;
                        break;
                    }
                }
            }
        });
        let k = self.shared.k.clone();
        let wake = to_session.clone();
        self.to_session = Some(to_session);
        std::thread::Builder::new()
            .name(format!("kapstok-session-{}", user.user_name()))
            .spawn(move || {
                // A session that fails ends alone; the server and the other sessions go on.
                let _ = session::run(k, lang, user, pty, from_ssh, wake, output);
            })
            .map_err(russh::Error::IO)?;
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _command: &[u8],
        session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        let lang = self.shared.options.lang;
        let text = format!("{}\r\n", crate::i18n::Msg::ServeNoCommands.text(lang));
        session.extended_data(channel, 1, text.into_bytes())?;
        session.exit_status_request(channel, 1)?;
        session.eof(channel)?;
        session.close(channel)?;
        Ok(())
    }

    async fn data(
        &mut self,
        _channel: ChannelId,
        data: &[u8],
        _session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        self.send(ToSession::Bytes(data.to_vec()));
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        _channel: ChannelId,
        cols: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        let (w, h) = size(cols, rows);
        self.send(ToSession::Resize(w, h));
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        _channel: ChannelId,
        _session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        self.send(ToSession::Closed);
        Ok(())
    }

    async fn channel_close(
        &mut self,
        _channel: ChannelId,
        _session: &mut SshSession,
    ) -> Result<(), Self::Error> {
        self.send(ToSession::Closed);
        Ok(())
    }
}

/// The store's folder of a running server (for the README's "where is the host key").
pub fn host_key_path(store: &Path) -> PathBuf {
    store.join(HOST_KEY_FILE)
}
