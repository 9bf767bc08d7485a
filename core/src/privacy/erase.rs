//! Erasing one ex-member's personal data everywhere, in one transaction, area by area.
//!
//! What goes: names, known-as, birth date, contact, address, notes, the reason text of status
//! changes, consents and their history; the names and notes of their BaseMail recipient records,
//! the unit and registration number of their stays; the name and address snapshot of their cards
//! in past runs and the reasons given by hand; what was said in their reviews and the wishes in
//! their training plan; and the detail of every audit entry about any of these records.
//!
//! What stays, anonymous: the member number with joining date and status history (so counts of
//! members per year hold), stays' institutions and dates, cards with their reasons and marks (so
//! "cards sent" counts hold), agreements' terms, skills held. The erasure itself is logged as
//! `person.erase` on `member/N` with no detail, and marked with an [`Erasure`].
//!
//! General meetings hold member numbers only (invitations, attendance, proxies, roll-call votes):
//! nothing to erase there, and attendance and votes stay as anonymous counts. An area whose
//! records hold personal data adds its function here.

use super::export::{self, is_theirs, BaseMailIds, Footprint};
use super::Erasure;
use crate::access::{AuditEntry, Session};
use crate::basemail::{Card, LeftOutReason, ManualChange, Recipient, Run, Stay};
use crate::common::{Address, PersonName};
use crate::error::{Error, Reason, Result};
use crate::experts::Review;
use crate::members::{ConsentHistory, Consents, Member, Status, StatusEntry};
use crate::store::{abort, Record, Tx, TxResult};
use crate::training::PlanItem;
use std::collections::HashSet;

/// What an erasure changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Erased {
    /// The member number.
    pub number: u64,
    /// Records changed, over all areas (the member record included).
    pub records: usize,
    /// Cards in runs whose name and address were removed.
    pub cards: usize,
    /// Audit entries whose detail was removed.
    pub audit_entries: usize,
    /// The person had been erased before: nothing was left to erase, and the store's rewrite
    /// (which removes the old versions from disk) is due again.
    pub again: bool,
}

/// The ids of everything about the member, read before the transaction (which cannot scan).
struct Targets {
    basemail: BaseMailIds,
    reviews: Vec<u64>,
    plan: Vec<u64>,
    audit: Vec<u64>,
}

fn targets(s: &Session, number: u64) -> Result<Targets> {
    let store = s.store();
    let basemail = export::basemail_ids(store, number)?;
    let (experts, mut footprint) = export::experts(store, number)?;
    let (training, found) = export::training(store, number)?;
    footprint.extend(found);
    footprint.push(format!("member/{number}"));
    footprint.extend(basemail.recipients.iter().map(|r| format!("recipient/{r}")));
    footprint.extend(basemail.stays.iter().map(|s| format!("stay/{s}")));
    let footprint: Footprint = footprint;
    let audit = export::audit(store, &footprint)?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    Ok(Targets {
        basemail,
        reviews: experts.reviews.iter().map(|r| r.id).collect(),
        plan: training.plan.iter().map(|p| p.id).collect(),
        audit,
    })
}

pub(crate) fn erase(s: &Session, number: u64) -> Result<Erased> {
    // Checked before reading everything, for a quick clear answer.
    let member = s.store().get::<Member>(number)?.ok_or(Error::NotFound {
        kind: Member::KIND,
        id: number,
    })?;
    if s.store().get::<Erasure>(number)?.is_some() {
        // Erased before, but maybe the rewrite that removes the old versions never ran to its
        // end (a crash of an older kapstok, a full disk): asking again makes it due again.
        let now = s.now();
        s.store().transact(|tx| {
            tx.mark_rewrite_due()?;
            s.audit(tx, now, "person.rewrite", &format!("member/{number}"), "")
        })?;
        return Ok(Erased {
            number,
            again: true,
            ..Erased::default()
        });
    }
    if member.status().is_member() {
        return Err(Error::invalid("status", Reason::StillMember));
    }
    let t = targets(s, number)?;
    let now = s.now();
    let by = s.user_name().to_string();
    let done = s.store().transact(|tx| {
        let mut done = Erased {
            number,
            ..Erased::default()
        };
        if tx.get::<Erasure>(number)?.is_some() {
            return abort(Error::invalid("number", Reason::Erased));
        }
        done.records += erase_member(tx, number)?;
        let (records, cards) = erase_basemail(tx, number, &t.basemail)?;
        done.records += records;
        done.cards = cards;
        done.records += erase_experts(tx, &t.reviews)?;
        done.records += erase_training(tx, &t.plan)?;
        done.audit_entries = erase_audit(tx, &t.audit)?;
        tx.put(
            number,
            &Erasure {
                on: now.date(),
                by: by.clone(),
            },
        )?;
        s.audit(tx, now, "person.erase", &format!("member/{number}"), "")?;
        // The old versions stay in sled's log until the store is rewritten: that it is due is
        // written here, in the same transaction, so no crash can leave the erased data on disk
        // for good; every open does it until it is done.
        tx.mark_rewrite_due()?;
        Ok(done)
    })?;
    Ok(done)
}

// What erasure keeps and what goes, field by field. Each record is taken apart without `..`, so
// a field added to one of these types does not compile until it is decided here whether it is
// personal data (it goes) or an anonymous count (it stays).

/// A member record without personal data: number, joining date and status dates stay (the
/// anonymous counts); the reason a membership ended goes.
fn erased_member(m: Member) -> Member {
    let Member {
        number,
        name: _,
        known_as: _,
        birth_date: _,
        phone: _,
        email: _,
        address: _,
        status_history,
        joined,
        consents: _,
        last_contact: _,
        notes: _,
    } = m;
    let status_history = status_history
        .into_iter()
        .map(|StatusEntry { since, status }| StatusEntry {
            since,
            status: match status {
                Status::Ended { reason: _ } => Status::Ended {
                    reason: String::new(),
                },
                other => other,
            },
        })
        .collect();
    Member {
        number,
        name: PersonName::default(),
        known_as: String::new(),
        birth_date: None,
        phone: String::new(),
        email: String::new(),
        address: Address::Unknown,
        status_history,
        joined,
        consents: Consents::default(),
        last_contact: None,
        notes: String::new(),
    }
}

/// A BaseMail recipient without personal data: the link to the member stays.
fn erased_recipient(r: Recipient) -> Recipient {
    let Recipient {
        member,
        name: _,
        known_as: _,
        birthday: _,
        ill_since: _,
        notes: _,
    } = r;
    Recipient {
        member,
        name: PersonName::default(),
        known_as: String::new(),
        birthday: None,
        ill_since: None,
        notes: String::new(),
    }
}

/// A stay without the detention data (unit, registration number): where and when stay.
fn erased_stay(st: Stay) -> Stay {
    let Stay {
        recipient,
        institution,
        unit: _,
        registration_number: _,
        from,
        expected_release,
        ended_on,
        confirmed_on,
        check_needed,
    } = st;
    Stay {
        recipient,
        institution,
        unit: String::new(),
        registration_number: String::new(),
        from,
        expected_release,
        ended_on,
        confirmed_on,
        check_needed,
    }
}

/// A card without the name, the address it carried and a reason typed by hand: the reasons,
/// institution and marks stay (cards sent are counted).
fn erased_card(c: Card) -> Card {
    let Card {
        who,
        recipient,
        name: _,
        reasons,
        manual_reason: _,
        stay,
        institution,
        institution_name,
        house_rules,
        needs_sender,
        address: _,
        writer,
        written,
        posted,
        returned,
    } = c;
    Card {
        who,
        recipient,
        name: String::new(),
        reasons,
        manual_reason: String::new(),
        stay,
        institution,
        institution_name,
        house_rules,
        needs_sender,
        address: Vec::new(),
        writer,
        written,
        posted,
        returned,
    }
}

/// The member record keeps number, joining date and status dates; the consent history goes.
fn erase_member(tx: &Tx<'_>, number: u64) -> TxResult<usize> {
    let Some(m) = tx.get::<Member>(number)? else {
        return abort(Error::NotFound {
            kind: Member::KIND,
            id: number,
        });
    };
    if m.status().is_member() {
        return abort(Error::invalid("status", Reason::StillMember));
    }
    let m = erased_member(m);
    tx.put(number, &m)?;
    let mut changed = 1;
    if tx.get::<ConsentHistory>(number)?.is_some() {
        tx.put(number, &ConsentHistory::default())?;
        changed += 1;
    }
    Ok(changed)
}

/// Recipient records, stays and the cards, left-out entries and changes by hand in runs.
fn erase_basemail(tx: &Tx<'_>, number: u64, ids: &BaseMailIds) -> TxResult<(usize, usize)> {
    let mut records = 0;
    let mut cards = 0;
    for id in &ids.recipients {
        if let Some(r) = tx.get::<Recipient>(*id)? {
            tx.put(*id, &erased_recipient(r))?;
            records += 1;
        }
    }
    for id in &ids.stays {
        if let Some(st) = tx.get::<Stay>(*id)? {
            tx.put(*id, &erased_stay(st))?;
            records += 1;
        }
    }
    let theirs: HashSet<u64> = ids.recipients.iter().copied().collect();
    for key in &ids.runs {
        let Some(mut run) = tx.get::<Run>(*key)? else {
            continue;
        };
        for c in run
            .cards
            .iter_mut()
            .filter(|c| is_theirs(c.who, number, &theirs))
        {
            *c = erased_card(c.clone());
            cards += 1;
        }
        for l in run
            .left_out
            .iter_mut()
            .filter(|l| is_theirs(l.who, number, &theirs))
        {
            l.name.clear();
            if let LeftOutReason::RemovedByHand(reason) = &mut l.reason {
                reason.clear();
            }
        }
        for m in &mut run.manual {
            match m {
                ManualChange::Add { recipient, reason } if theirs.contains(recipient) => {
                    reason.clear()
                }
                ManualChange::Remove { who, reason } if is_theirs(*who, number, &theirs) => {
                    reason.clear()
                }
                _ => {}
            }
        }
        tx.put(*key, &run)?;
        records += 1;
    }
    Ok((records, cards))
}

/// What was said in reviews (the dates, outcome and links stay).
fn erase_experts(tx: &Tx<'_>, reviews: &[u64]) -> TxResult<usize> {
    let mut records = 0;
    for id in reviews {
        if let Some(mut r) = tx.get::<Review>(*id)? {
            if r.conversation.is_some() {
                r.conversation = Some(Default::default());
            }
            tx.put(*id, &r)?;
            records += 1;
        }
    }
    Ok(records)
}

/// The wishes in plan items (course, cost and status stay).
fn erase_training(tx: &Tx<'_>, plan: &[u64]) -> TxResult<usize> {
    let mut records = 0;
    for id in plan {
        if let Some(mut p) = tx.get::<PlanItem>(*id)? {
            p.wish.clear();
            tx.put(*id, &p)?;
            records += 1;
        }
    }
    Ok(records)
}

/// The detail of audit entries about the member's records (who did what and when stays).
fn erase_audit(tx: &Tx<'_>, entries: &[u64]) -> TxResult<usize> {
    let mut changed = 0;
    for id in entries {
        if let Some(mut e) = tx.get::<AuditEntry>(*id)? {
            if !e.detail.is_empty() {
                e.detail.clear();
                tx.put(*id, &e)?;
                changed += 1;
            }
        }
    }
    Ok(changed)
}
