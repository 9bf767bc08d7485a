//! `kapstok serve` in-process: the server on 127.0.0.1:0, russh's own client with a generated
//! key, an 80x24 PTY, key bytes in, the screen read back through vt100. No system SSH needed.

use kapstok::serve::{self, Options};
use kapstok_core::access::{random_seed, Origin};
use kapstok_core::Role;
use kapstok_core::{Kapstok, Session};
use kapstok_testkit::{member, new_store, role_user, with_roles, ADMIN, PASSWORD, ROLE_PASSWORD};
use russh::client;
use russh::keys::ssh_key::private::Ed25519Keypair;
use russh::keys::{PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use russh::ChannelMsg;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a test waits for a screen to show something (a loaded CI machine is slow).
const DEADLINE: Duration = Duration::from_secs(20);

struct Client;

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

fn new_key() -> PrivateKey {
    PrivateKey::from(Ed25519Keypair::from_seed(&random_seed()))
}

fn openssh(key: &PrivateKey) -> String {
    key.public_key().to_openssh().unwrap()
}

/// A new key, registered for the administrator.
fn admin_key(admin: &Session) -> PrivateKey {
    let key = new_key();
    admin
        .users()
        .add_key(admin.user_id(), &openssh(&key))
        .unwrap();
    key
}

/// A store with a member Zoë, the three roles, and the server on it.
fn server(options: Options) -> (tempfile::TempDir, Kapstok, Session, serve::Running) {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    with_roles(&k, &admin);
    admin
        .members()
        .create(&member("Zoë", "", "Brouwer"))
        .unwrap();
    admin
        .members()
        .create(&member("Jan", "", "Jansen"))
        .unwrap();
    let options = Options {
        listen: SocketAddr::from(([127, 0, 0, 1], 0)),
        ..options
    };
    let running = serve::start(k.clone(), options, false).unwrap();
    (dir, k, admin, running)
}

/// A connected, authenticated client with its channel and screen.
struct Terminal {
    _handle: client::Handle<Client>,
    channel: russh::Channel<client::Msg>,
    screen: vt100::Parser,
    closed: bool,
}

async fn connect(addr: SocketAddr) -> client::Handle<Client> {
    let config = Arc::new(client::Config::default());
    client::connect(config, addr, Client).await.unwrap()
}

async fn with_key(
    addr: SocketAddr,
    user: &str,
    key: &PrivateKey,
) -> Option<client::Handle<Client>> {
    let mut handle = connect(addr).await;
    let auth = handle
        .authenticate_publickey(
            user,
            PrivateKeyWithHashAlg::new(Arc::new(key.clone()), None),
        )
        .await
        .unwrap();
    auth.success().then_some(handle)
}

async fn with_password(
    addr: SocketAddr,
    user: &str,
    password: &str,
) -> Option<client::Handle<Client>> {
    let mut handle = connect(addr).await;
    let auth = handle.authenticate_password(user, password).await.unwrap();
    auth.success().then_some(handle)
}

impl Terminal {
    async fn open(handle: client::Handle<Client>, cols: u16, rows: u16) -> Terminal {
        let channel = handle.channel_open_session().await.unwrap();
        channel
            .request_pty(true, "xterm-256color", cols.into(), rows.into(), 0, 0, &[])
            .await
            .unwrap();
        channel.request_shell(true).await.unwrap();
        Terminal {
            _handle: handle,
            channel,
            screen: vt100::Parser::new(rows, cols, 0),
            closed: false,
        }
    }

    async fn send(&mut self, bytes: &[u8]) {
        self.channel.data(bytes).await.unwrap();
    }

    fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Reads until the screen holds `want`, or panics with the screen after [`DEADLINE`].
    async fn wait_for(&mut self, want: &str) {
        let end = Instant::now() + DEADLINE;
        while !self.text().contains(want) {
            let left = end.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero() && !self.closed,
                "never saw {want:?}:\n{}",
                self.text()
            );
            match tokio::time::timeout(left, self.channel.wait()).await {
                Ok(Some(ChannelMsg::Data { data })) => self.screen.process(&data),
                Ok(Some(ChannelMsg::Eof | ChannelMsg::Close)) | Ok(None) => self.closed = true,
                Ok(Some(_)) => {}
                Err(_) => {}
            }
        }
    }

    /// Reads until the screen passes `check`, or panics with the screen after [`DEADLINE`].
    async fn wait_until(&mut self, what: &str, check: impl Fn(&str) -> bool) {
        let end = Instant::now() + DEADLINE;
        while !check(&self.text()) {
            let left = end.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero() && !self.closed,
                "never {what}:\n{}",
                self.text()
            );
            match tokio::time::timeout(left, self.channel.wait()).await {
                Ok(Some(ChannelMsg::Data { data })) => self.screen.process(&data),
                Ok(Some(ChannelMsg::Eof | ChannelMsg::Close)) | Ok(None) => self.closed = true,
                Ok(Some(_)) | Err(_) => {}
            }
        }
    }

    /// Reads until the channel closes; what came in is on the screen, and the exit status.
    async fn wait_closed(&mut self) -> Option<u32> {
        let end = Instant::now() + DEADLINE;
        let mut status = None;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "the session did not end:\n{}", self.text());
            match tokio::time::timeout(left, self.channel.wait()).await {
                Ok(Some(ChannelMsg::Data { data })) => self.screen.process(&data),
                Ok(Some(ChannelMsg::ExtendedData { data, .. })) => self.screen.process(&data),
                Ok(Some(ChannelMsg::ExitStatus { exit_status })) => status = Some(exit_status),
                Ok(Some(ChannelMsg::Close)) | Ok(None) => return status,
                Ok(Some(_)) | Err(_) => {}
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_registered_key_opens_the_ui_and_a_utf8_search_finds_zoe() {
    let (_dir, k, admin, running) = server(Options::default());
    let fingerprint_at_start = running.fingerprint.clone();
    let key = admin_key(&admin);
    let handle = with_key(running.addr, ADMIN, &key)
        .await
        .expect("key login");
    let mut t = Terminal::open(handle, 80, 24).await;
    t.wait_for("Ingelogd als beheer").await;
    t.send(b"1").await;
    t.wait_for("Jansen").await;
    // The filter, typed as UTF-8 in one packet.
    t.send("/zoë".as_bytes()).await;
    t.wait_for("Brouwer").await;
    t.wait_until("only Brouwer", |text| !text.contains("Jansen"))
        .await;
    // Enter leaves the filter on Zoë; `c` and `y` record a contact: the audit entry says it came over
    // ssh, from where and with which key.
    t.send(b"\r").await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    t.send(b"c").await;
    t.wait_for("Contact").await;
    t.send(b"y").await;
    let fingerprint = kapstok_core::access::fingerprint(key.public_key());
    let end = Instant::now() + DEADLINE;
    let entry = loop {
        let log = admin.audit_log().entries(&Default::default()).unwrap();
        if let Some(e) = log.into_iter().find(|e| e.action == "member.contact") {
            break e;
        }
        assert!(Instant::now() < end, "no contact recorded:\n{}", t.text());
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    match &entry.origin {
        Origin::Ssh { address, key } => {
            assert!(address.starts_with("127.0.0.1:"), "{address}");
            assert_eq!(key.as_deref(), Some(fingerprint.as_str()));
        }
        other => panic!("recorded as {other:?}"),
    }
    // Esc, then q: the session ends and the terminal is restored (alternate screen left).
    t.send(b"\x1b").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    t.send(b"q").await;
    assert_eq!(t.wait_closed().await, Some(0));
    assert!(
        !t.screen.screen().alternate_screen(),
        "the alternate screen was left"
    );
    running.stop().unwrap();
    // The host key stays in the store's folder, for the owner alone, and is used again.
    let path = k.path().join(serve::HOST_KEY_FILE);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let again = serve::host_fingerprint(&serve::host_key(k.path()).unwrap());
    assert_eq!(again, fingerprint_at_start);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unregistered_keys_and_passwords_are_refused() {
    let (_dir, _k, admin, running) = server(Options::default());
    let key = admin_key(&admin);
    // A key nobody registered; a registered key for another account.
    assert!(with_key(running.addr, ADMIN, &new_key()).await.is_none());
    let volunteer = role_user(Role::Volunteer);
    assert!(with_key(running.addr, volunteer, &key).await.is_none());
    // Passwords are off unless asked for.
    assert!(with_password(running.addr, ADMIN, PASSWORD).await.is_none());
    running.stop().unwrap();

    let (_dir, _k, _admin, running) = server(Options {
        allow_password: true,
        ..Options::default()
    });
    assert!(with_password(running.addr, ADMIN, "verkeerd-wachtwoord")
        .await
        .is_none());
    let handle = with_password(running.addr, volunteer, ROLE_PASSWORD)
        .await
        .expect("password login when allowed");
    let mut t = Terminal::open(handle, 80, 24).await;
    t.wait_for("Ingelogd als vrijwilliger").await;
    running.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_without_a_pty_is_refused_with_a_message() {
    let (_dir, _k, admin, running) = server(Options::default());
    let key = admin_key(&admin);
    let handle = with_key(running.addr, ADMIN, &key).await.unwrap();
    let channel = handle.channel_open_session().await.unwrap();
    channel.request_shell(true).await.unwrap();
    let mut t = Terminal {
        _handle: handle,
        channel,
        screen: vt100::Parser::new(24, 200, 0),
        closed: false,
    };
    assert_eq!(t.wait_closed().await, Some(1));
    assert!(
        t.text().contains("kapstok heeft een terminal nodig"),
        "{}",
        t.text()
    );
    running.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_elsewhere_shows_and_a_resize_redraws() {
    let (_dir, _k, admin, running) = server(Options::default());
    let key = admin_key(&admin);
    let handle = with_key(running.addr, ADMIN, &key).await.unwrap();
    let mut t = Terminal::open(handle, 80, 24).await;
    t.wait_for("Ingelogd als beheer").await;
    t.send(b"1").await;
    t.wait_for("Jansen").await;
    // Another session (here the administrator's own, in core) adds a member: it shows.
    admin
        .members()
        .create(&member("Ömer", "", "Yilmaz"))
        .unwrap();
    t.wait_for("Yilmaz").await;
    // The window grows: the frame is drawn at the new size.
    t.channel.window_change(120, 30, 0, 0).await.unwrap();
    t.screen.screen_mut().set_size(30, 120);
    t.wait_for("Yilmaz").await;
    t.wait_until("redrawn at 120 columns", |text| {
        text.lines().any(|l| l.trim_end().chars().count() > 80)
    })
    .await;
    running.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocking_the_account_or_removing_the_key_ends_the_session() {
    let (_dir, _k, admin, running) = server(Options::default());
    let coordinator = role_user(Role::Coordinator);
    let id = admin
        .users()
        .list()
        .unwrap()
        .into_iter()
        .find(|(_, u)| u.name == coordinator)
        .unwrap()
        .0;
    let key = new_key();
    let fp = admin.users().add_key(id, &openssh(&key)).unwrap();

    let handle = with_key(running.addr, coordinator, &key).await.unwrap();
    let mut t = Terminal::open(handle, 80, 24).await;
    t.wait_for("Ingelogd als coordinator").await;
    admin.users().set_active(id, false).unwrap();
    assert_eq!(t.wait_closed().await, Some(1));
    assert!(
        t.text().contains("Uw toegang is ingetrokken"),
        "{}",
        t.text()
    );
    assert!(with_key(running.addr, coordinator, &key).await.is_none());

    admin.users().set_active(id, true).unwrap();
    let handle = with_key(running.addr, coordinator, &key).await.unwrap();
    let mut t = Terminal::open(handle, 80, 24).await;
    t.wait_for("Ingelogd als coordinator").await;
    admin.users().remove_key(id, &fp).unwrap();
    assert_eq!(t.wait_closed().await, Some(1));
    running.stop().unwrap();
}

/// A second administrator, "balie", with a key of their own.
fn second_admin(admin: &Session) -> PrivateKey {
    let id = admin
        .users()
        .add("balie", Role::Administrator, ROLE_PASSWORD)
        .unwrap();
    let key = new_key();
    admin.users().add_key(id, &openssh(&key)).unwrap();
    key
}

/// Logged in over ssh, on the register, filtered to Zoë and her row chosen.
async fn on_zoe(addr: SocketAddr, user: &str, key: &PrivateKey) -> Terminal {
    let handle = with_key(addr, user, key).await.expect("key login");
    let mut t = Terminal::open(handle, 100, 30).await;
    t.wait_for(&format!("Ingelogd als {user}")).await;
    t.send(b"1").await;
    t.wait_for("Jansen").await;
    t.send("/zoë".as_bytes()).await;
    t.wait_until("only Brouwer", |text| !text.contains("Jansen"))
        .await;
    t.send(b"\r").await;
    t
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_staff_see_each_others_edits_and_the_second_of_two_edits_of_one_field_is_refused() {
    let (_dir, _k, admin, running) = server(Options::default());
    let key_a = admin_key(&admin);
    let key_b = second_admin(&admin);
    let mut a = on_zoe(running.addr, ADMIN, &key_a).await;
    let mut b = on_zoe(running.addr, "balie", &key_b).await;

    // The administrator edits Zoë's first name; the desk sees it without a key.
    a.send(b"e").await;
    a.wait_for("Voornaam").await;
    a.send(b" Anna\x13").await;
    a.wait_for("Zoë Anna").await;
    b.wait_for("Zoë Anna").await;

    // Both open her form; the administrator saves first, the desk's save of the same field is
    // refused with who changed it and their value, and nothing of the desk's is saved.
    a.send(b"e").await;
    a.wait_for("Voornaam").await;
    b.send(b"e").await;
    b.wait_for("Voornaam").await;
    a.send(b" M\x13").await;
    a.wait_until("the form closed", |text| !text.contains("Voornaam"))
        .await;
    b.send(b" B\x13").await;
    b.wait_for("beheer heeft dit intussen gewijzigd").await;
    b.wait_for("«Zoë Anna M»").await;
    let stored = |admin: &Session| {
        admin
            .members()
            .list()
            .unwrap()
            .into_iter()
            .find(|m| m.name.surname == "Brouwer")
            .unwrap()
            .name
            .given
    };
    assert_eq!(stored(&admin), "Zoë Anna M");
    // Saving again keeps the desk's value.
    b.send(b"\x13").await;
    b.wait_until("the form closed", |text| !text.contains("Voornaam"))
        .await;
    a.wait_for("Zoë Anna B").await;
    assert_eq!(stored(&admin), "Zoë Anna B");
    running.stop().unwrap();
}
