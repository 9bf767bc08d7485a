//! A realistic synthetic association for trying kapstok out and for tests: members with Dutch
//! names, surname prefixes, diacritics, known-as names, Postbus, care-of and foreign addresses,
//! some suspended, ended and deceased; and one user per role. Deterministic for a given seed and
//! day.

use crate::access::Role;
use crate::error::{Error, Result};
use crate::store::{Store, TreeId};
use crate::Kapstok;

mod basemail;
mod experts;
mod meetings;
mod members;
pub mod scale;
mod training;

pub use members::members;
pub use scale::Scale;

/// The password of every demo user.
pub const DEMO_PASSWORD: &str = "kapstok-demo";

/// The demo users: name and role.
pub const DEMO_USERS: [(&str, Role); 3] = [
    ("beheer", Role::Administrator),
    ("coordinator", Role::Coordinator),
    ("vrijwilliger", Role::Volunteer),
];

/// What was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoReport {
    /// The number of members.
    pub members: usize,
    /// The users with their roles; all have [`DEMO_PASSWORD`].
    pub users: Vec<(String, Role)>,
}

/// A small, fast, deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    /// True with the given chance in percent.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}
/// Fills an empty store: the demo users and `count` members. Refused when the store has users.
///
/// A demo is written in many transactions. The first sets the meta key
/// [`DEMO_INCOMPLETE`](crate::store::keys::meta::DEMO_INCOMPLETE), the last removes it: a store
/// that carries it holds a half-written demo (the process was killed, the disk was full), which
/// counts as empty ([`Kapstok::needs_setup`]) and which the next `fill` (or
/// [`Kapstok::setup`]) clears before it starts again.
pub fn fill(k: &Kapstok, count: usize, seed: u64) -> Result<DemoReport> {
    if is_incomplete(k.store())? {
        clear_incomplete(k.store())?;
    }
    if !k.needs_setup()? {
        return Err(Error::NotEmpty);
    }
    mark_incomplete(k.store(), true)?;
    let report = fill_marked(k, count, seed)?;
    mark_incomplete(k.store(), false)?;
    Ok(report)
}

/// True when the store holds a half-written demo (see [`fill`]).
pub(crate) fn is_incomplete(store: &Store) -> Result<bool> {
    Ok(store
        .tree(TreeId::Meta)
        .get(crate::store::keys::meta::DEMO_INCOMPLETE)?
        .is_some())
}

/// Sets or removes the marker, flushed before this returns (the first and the last write of a
/// demo).
pub(crate) fn mark_incomplete(store: &Store, on: bool) -> Result<()> {
    store.usable()?;
    let meta = store.tree(TreeId::Meta);
    let key = crate::store::keys::meta::DEMO_INCOMPLETE;
    let written = if on {
        meta.insert(key, &[1u8][..]).map(|_| ())
    } else {
        meta.remove(key).map(|_| ())
    };
    if let Err(e) = written {
        return Err(store.fail(e.into()));
    }
    store.flush()
}

/// Removes what a half-written demo wrote: every record, counter, user key wrap and settings
/// reset note, keeping the format version, the encryption header and the passphrase's wrap, the
/// backup setting and the marker itself (so a kill amid the clearing is cleared again).
pub(crate) fn clear_incomplete(store: &Store) -> Result<()> {
    use crate::store::keys::meta;
    store.usable()?;
    for tree in TreeId::ALL {
        if tree != TreeId::Meta {
            store.tree(tree).clear()?;
        }
    }
    let meta_tree = store.tree(TreeId::Meta);
    for prefix in [meta::CRYPT_USER, meta::SEQ, meta::SETTINGS_RESET] {
        for key in meta_tree.scan_prefix(prefix).keys() {
            meta_tree.remove(key?)?;
        }
    }
    store.flush()
}

fn fill_marked(k: &Kapstok, count: usize, seed: u64) -> Result<DemoReport> {
    let (admin_name, _) = DEMO_USERS[0];
    let admin = k.setup_now(admin_name, DEMO_PASSWORD)?;
    for (name, role) in &DEMO_USERS[1..] {
        admin.users().add(name, *role, DEMO_PASSWORD)?;
    }
    let members = members(count, seed, k.today());
    admin.members().insert_all(&members, "member.demo")?;
    // The hand-made part, through the services; then the same proportions for the members
    // beyond it, in batches (see `scale`); the runs last, so that they hold everyone.
    let scale = Scale::for_members(count);
    basemail::fill(&admin, &members, seed)?;
    experts::fill(&admin, &members, seed)?;
    training::fill(&admin, seed)?;
    meetings::fill(&admin, &members, seed)?;
    scale::basemail(&admin, &members, &scale, seed)?;
    scale::experts(&admin, &members, &scale, seed)?;
    basemail::past_runs(&admin)?;
    Ok(DemoReport {
        members: members.len(),
        users: DEMO_USERS
            .iter()
            .map(|(n, r)| (n.to_string(), *r))
            .collect(),
    })
}
