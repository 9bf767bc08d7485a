//! The birthday index: which members were born on a day of the year, so that a week's card run
//! reads the few hundred members with a birthday that week instead of the whole register.
//!
//! - One record per day of the year in [`TreeId::Birthdays`], for the day `month * 100 + day`
//!   (29 February is its own day), holding the day and the sorted numbers of the members born
//!   that day.
//! - In an encrypted store the value is sealed like every value, and the key is **blinded**: not
//!   the day but 8 bytes of a hash of the day under the data key ([`Store::blind`]), so two copies
//!   of the store (two backups) do not show whose birthday is on which day. Re-encryption and an
//!   encrypting restore move the records to the new key's blinded keys. An unencrypted store
//!   keys them by the day itself.
//! - Kept in step in the member's own transaction: [`Tx::put`] of a [`Member`] calls
//!   [`reindex`] (through [`Record::reindex`]), which moves the number when the birthday changed.
//!   No member write can skip it: every write of a member goes through `Tx::put`.
//! - Built from the register when a store of format 2 is migrated ([`rebuild`]), and checked
//!   against the register by [`check`].

use super::Member;
use crate::common::{birthday_in, IsoWeek};
use crate::error::{Error, Result};
use crate::store::{BlindedKey, Record, Store, TreeId, Tx, TxResult};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The member numbers born on one day of the year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BornOn {
    /// The day: `month * 100 + day`.
    pub day: u64,
    /// Member numbers, sorted, each once.
    pub members: Vec<u64>,
}

/// The stored versions of [`BornOn`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum BornOnRecord {
    /// Format 3 and later: the day (the key may be blinded) and the member numbers.
    V1 {
        /// `month * 100 + day`.
        day: u64,
        /// Sorted member numbers.
        members: Vec<u64>,
    },
}

impl Record for BornOn {
    const TREE: TreeId = TreeId::Birthdays;
    const KIND: &'static str = "birthday index";
    type Stored = BornOnRecord;

    fn to_stored(&self) -> BornOnRecord {
        BornOnRecord::V1 {
            day: self.day,
            members: self.members.clone(),
        }
    }

    fn from_stored(stored: BornOnRecord) -> Self {
        match stored {
            BornOnRecord::V1 { day, members } => BornOn { day, members },
        }
    }
}

/// The index is keyed by the day, blinded with the data key in an encrypted store: the store
/// moves the records to new keys on re-encryption and an encrypting restore.
impl BlindedKey for BornOn {
    fn blinded_id(&self) -> u64 {
        self.day
    }
}

/// The index key of a birth date: `month * 100 + day`.
pub fn day_key(birth: NaiveDate) -> u64 {
    u64::from(birth.month()) * 100 + u64::from(birth.day())
}

/// Moves member `number` in the index from the day of its stored record (if any) to the day of
/// `new`, in the transaction that writes `new`. Nothing is written when the day did not change.
pub(crate) fn reindex(tx: &Tx<'_>, number: u64, new: &Member) -> TxResult<()> {
    let old = tx
        .get::<Member>(number)?
        .and_then(|m| m.birth_date.map(day_key));
    let new = new.birth_date.map(day_key);
    if old == new {
        return Ok(());
    }
    if let Some(day) = old {
        let at_key = tx.blind(TreeId::Birthdays, day)?;
        let mut born = tx.get::<BornOn>(at_key)?.unwrap_or_default();
        if let Ok(at) = born.members.binary_search(&number) {
            born.members.remove(at);
            born.day = day;
            tx.put(at_key, &born)?;
        }
    }
    if let Some(day) = new {
        let at_key = tx.blind(TreeId::Birthdays, day)?;
        let mut born = tx.get::<BornOn>(at_key)?.unwrap_or_default();
        if let Err(at) = born.members.binary_search(&number) {
            born.members.insert(at, number);
            born.day = day;
            tx.put(at_key, &born)?;
        }
    }
    Ok(())
}

/// The index as the register says it should be: day key to sorted member numbers.
fn from_register(store: &Store) -> Result<BTreeMap<u64, Vec<u64>>> {
    let mut days: BTreeMap<u64, Vec<u64>> = BTreeMap::new();
    for (number, member) in store.scan::<Member>()? {
        if let Some(birth) = member.birth_date {
            days.entry(day_key(birth)).or_default().push(number);
        }
    }
    Ok(days)
}

/// Builds the index from the register, replacing whatever the tree held, in one transaction
/// that also runs `extra` (the migration's new format version).
pub(crate) fn rebuild(store: &Store, extra: impl Fn(&Tx<'_>) -> TxResult<()>) -> Result<()> {
    let days = from_register(store)?;
    let mut keyed = Vec::with_capacity(days.len());
    for (day, members) in days {
        keyed.push((store.blind(TreeId::Birthdays, day)?, day, members));
    }
    let wanted: BTreeSet<u64> = keyed.iter().map(|(key, _, _)| *key).collect();
    // Every key not wanted goes, also one that no longer decodes (blinded with another key).
    let stale: Vec<u64> = store
        .tree_keys(TreeId::Birthdays)?
        .into_iter()
        .filter(|key| !wanted.contains(key))
        .collect();
    store.transact(|tx| {
        for key in &stale {
            tx.remove::<BornOn>(*key)?;
        }
        for (key, day, members) in &keyed {
            tx.put(
                *key,
                &BornOn {
                    day: *day,
                    members: members.clone(),
                },
            )?;
        }
        extra(tx)
    })
}

/// Compares the index with the register: `Ok` when every member with a birth date is listed
/// under that day, at that day's key, and nowhere else; otherwise [`Error::Corrupt`] naming the
/// first difference.
pub fn check(store: &Store) -> Result<()> {
    let want = from_register(store)?;
    let mut have: BTreeMap<u64, Vec<u64>> = BTreeMap::new();
    for (key, born) in store.scan::<BornOn>()? {
        if store.blind(TreeId::Birthdays, born.day)? != key {
            return Err(Error::Corrupt {
                tree: TreeId::Birthdays.name().into(),
                key: format!("{key:016x}"),
                detail: format!("the list of {} is not at its key", show_day(born.day)),
            });
        }
        if !born.members.is_empty() {
            have.insert(born.day, born.members);
        }
    }
    let days: BTreeSet<u64> = want.keys().chain(have.keys()).copied().collect();
    for day in days {
        let (w, h) = (want.get(&day), have.get(&day));
        if w != h {
            return Err(Error::Corrupt {
                tree: TreeId::Birthdays.name().into(),
                key: show_day(day),
                detail: format!(
                    "the index lists members {:?}, the register {:?}",
                    h.cloned().unwrap_or_default(),
                    w.cloned().unwrap_or_default()
                ),
            });
        }
    }
    Ok(())
}

fn show_day(day: u64) -> String {
    format!("{:02}-{:02}", day / 100, day % 100)
}

/// The members born on `birth` (that very date), read through the index: the day's few
/// hundred members at 100,000 instead of the register. In number order.
pub(crate) fn members_born_on(store: &Store, birth: NaiveDate) -> Result<Vec<Member>> {
    let Some(born) = store.get::<BornOn>(store.blind(TreeId::Birthdays, day_key(birth))?)? else {
        return Ok(Vec::new());
    };
    indexed_members(store, born.members, |m| m.birth_date == Some(birth))
}

/// The members the index names, those that `keep` keeps, in the order given. A number the
/// register does not hold is a corrupt index, reported as such.
fn indexed_members(
    store: &Store,
    numbers: impl IntoIterator<Item = u64>,
    keep: impl Fn(&Member) -> bool,
) -> Result<Vec<Member>> {
    let mut members = Vec::new();
    for number in numbers {
        let Some(member) = store.get::<Member>(number)? else {
            return Err(Error::Corrupt {
                tree: TreeId::Birthdays.name().into(),
                key: number.to_string(),
                detail: "the birthday index names a member who is not in the register".into(),
            });
        };
        if keep(&member) {
            members.push(member);
        }
    }
    Ok(members)
}

/// The members with a birthday in `week` (as [`birthday_in`] decides, so someone born on
/// 29 February has it on the 28th in other years), in number order, read through the index.
pub(crate) fn members_with_birthday_in(store: &Store, week: IsoWeek) -> Result<Vec<Member>> {
    let mut days: BTreeSet<u64> = week.days().map(day_key).collect();
    days.insert(229);
    let mut numbers = BTreeSet::new();
    for day in days {
        if let Some(born) = store.get::<BornOn>(store.blind(TreeId::Birthdays, day)?)? {
            numbers.extend(born.members);
        }
    }
    indexed_members(store, numbers, |m| {
        m.birth_date.is_some_and(|b| birthday_in(b, week))
    })
}
