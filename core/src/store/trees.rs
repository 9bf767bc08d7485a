//! The store's trees, declared in one place, and the record kinds that live in them.

use super::{codec, Tx, TxResult};
use crate::error::Result;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The trees of the store. Append new trees at the end; never reorder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TreeId {
    /// Format version and id counters.
    Meta,
    /// User accounts.
    Users,
    /// The audit log.
    Audit,
    /// Members, keyed by member number.
    Members,
    /// Settings: one versioned record per fixed key, declared in [`keys::SettingsKey`].
    Settings,
    /// BaseMail: institutions.
    Institutions,
    /// BaseMail: recipients.
    Recipients,
    /// BaseMail: stays of recipients at institutions.
    Stays,
    /// BaseMail: weekly card runs, keyed by year * 100 + week.
    Runs,
    /// Experts: half-year agreements.
    Agreements,
    /// Experts: review conversations.
    Reviews,
    /// Experts: tax-free allowance limits, keyed by year.
    AllowanceLimits,
    /// Training: skills.
    Skills,
    /// Training: task descriptions.
    Tasks,
    /// Training: courses.
    Courses,
    /// Training: skills held by experts.
    SkillsHeld,
    /// Training: plan items.
    PlanItems,
    /// General meetings, each with its agenda, attendance, votes and minutes.
    Meetings,
    /// Members: the history of consents given and withdrawn, keyed by member number.
    ConsentHistory,
    /// Privacy: members whose personal data was erased (when, by whom), keyed by member number.
    Erasures,
    /// Members: an index of birthdays, one record per day of the year with the numbers of the
    /// members born on that day; in an encrypted store keyed by a blinded day (see
    /// `members::birthdays`). Derived from `members` and kept in step by [`Record::reindex`].
    Birthdays,
    /// Users: the SSH public keys registered for accounts (`kapstok serve`).
    UserKeys,
}

impl TreeId {
    /// Every tree, in declaration order.
    pub const ALL: [TreeId; 22] = [
        TreeId::Meta,
        TreeId::Users,
        TreeId::Audit,
        TreeId::Members,
        TreeId::Settings,
        TreeId::Institutions,
        TreeId::Recipients,
        TreeId::Stays,
        TreeId::Runs,
        TreeId::Agreements,
        TreeId::Reviews,
        TreeId::AllowanceLimits,
        TreeId::Skills,
        TreeId::Tasks,
        TreeId::Courses,
        TreeId::SkillsHeld,
        TreeId::PlanItems,
        TreeId::Meetings,
        TreeId::ConsentHistory,
        TreeId::Erasures,
        TreeId::Birthdays,
        TreeId::UserKeys,
    ];

    /// The tree's name on disk.
    pub fn name(self) -> &'static str {
        match self {
            TreeId::Meta => "meta",
            TreeId::Users => "users",
            TreeId::Audit => "audit",
            TreeId::Members => "members",
            TreeId::Settings => "settings",
            TreeId::Institutions => "institutions",
            TreeId::Recipients => "recipients",
            TreeId::Stays => "stays",
            TreeId::Runs => "runs",
            TreeId::Agreements => "agreements",
            TreeId::Reviews => "reviews",
            TreeId::AllowanceLimits => "allowance_limits",
            TreeId::Skills => "skills",
            TreeId::Tasks => "tasks",
            TreeId::Courses => "courses",
            TreeId::SkillsHeld => "skills_held",
            TreeId::PlanItems => "plan_items",
            TreeId::Meetings => "meetings",
            TreeId::ConsentHistory => "consent_history",
            TreeId::Erasures => "erasures",
            TreeId::Birthdays => "birthdays",
            TreeId::UserKeys => "user_keys",
        }
    }

    /// For a tree whose keys are derived from the value with the store's data key (blinded, see
    /// [`crypt::DataKey::blind`]): how to read, from a record's plain value, the id that is
    /// blinded into its key ([`BlindedKey`]). A restore that encrypts and a re-encryption move
    /// such records to the new key's blinded keys. `None` for a tree keyed by the id itself.
    pub(crate) fn blinded_key(self) -> Option<BlindedId> {
        match self {
            TreeId::Birthdays => Some(blinded_id::<crate::members::birthdays::BornOn>),
            _ => None,
        }
    }

    /// The tree with this name.
    pub fn from_name(name: &str) -> Option<TreeId> {
        TreeId::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// A kind of record stored in one tree as a versioned enum.
///
/// `Stored` is the versioned enum (`enum MemberRecord { V1(MemberV1), V2(Member) }`): variants are
/// appended, never reordered or removed, and old ones upgrade in [`Record::from_stored`].
pub trait Record: Clone + Sized {
    /// The tree the records live in.
    const TREE: TreeId;
    /// What the record is called in errors (`member`, `user`).
    const KIND: &'static str;
    /// The versioned enum that is actually encoded.
    type Stored: Serialize + DeserializeOwned;
    /// Wraps the record in the newest variant.
    fn to_stored(&self) -> Self::Stored;
    /// Upgrades any variant to the current shape.
    fn from_stored(stored: Self::Stored) -> Self;

    /// Encodes the record as stored (see [`codec::encode`]). A large record overrides this to
    /// encode a borrowed newest variant instead of a clone (the bytes must be the same).
    fn encode(&self) -> Result<Vec<u8>> {
        codec::encode(&self.to_stored())
    }

    /// Keeps the indexes derived from this kind of record in step: [`Tx::put`] calls it in the
    /// same transaction, before the record is written (so the old record is still there to
    /// read). Most kinds have no index.
    fn reindex(tx: &Tx<'_>, id: u64, new: &Self) -> TxResult<()> {
        let _ = (tx, id, new);
        Ok(())
    }
}

/// A record whose stored key is not its id but its id blinded with the data key (see
/// [`TreeId::blinded_key`], where such a tree is declared): the store reads the id from the
/// value when the key changes.
pub trait BlindedKey: Record {
    /// The id that is blinded into the record's key.
    fn blinded_id(&self) -> u64;
}

/// Reads the id to blind from a record's plain stored value; `key` names it in an error.
pub(crate) type BlindedId = fn(plain: &[u8], key: &[u8]) -> Result<u64>;

fn blinded_id<R: BlindedKey>(plain: &[u8], key: &[u8]) -> Result<u64> {
    let stored: R::Stored = codec::decode(plain, R::TREE.name(), key)?;
    Ok(R::from_stored(stored).blinded_id())
}
