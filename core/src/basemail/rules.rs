//! The rules of BaseMail as pure functions: who gets a card in a week and why, who is left out
//! and why, and the address lines on the envelope.

use super::model::{
    Card, CardReason, Institution, LeftOut, LeftOutReason, ManualChange, Recipient, Stay, Who,
};
use crate::common::{birthday_in, fold, Address, IsoWeek, PersonName};
use crate::members::{Member, Status};
use chrono::Days;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A stay that ended this many days before the week still shows on the left-out list.
pub const RECENTLY_ENDED_DAYS: u64 = 56;

/// The association's office: where care-of post goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    /// Its name on an envelope ("Vereniging ...").
    pub name: String,
    /// Its postal address.
    pub address: Address,
}

/// Everything composition looks at.
#[derive(Debug, Clone, Copy)]
pub struct World<'a> {
    /// Members by number: at least the recipients' members and everyone with a birthday in the
    /// week (others are ignored).
    pub members: &'a HashMap<u64, Member>,
    /// Recipients with their ids.
    pub recipients: &'a [(u64, Recipient)],
    /// Stays with their ids.
    pub stays: &'a [(u64, Stay)],
    /// Institutions by id.
    pub institutions: &'a HashMap<u64, Institution>,
    /// The office.
    pub office: &'a Office,
}

/// The lines on the envelope, name first.
///
/// - At an institution: name, then exactly what the institution's envelope requirements ask for
///   (`Reg.nr. ...` when it needs the registration number, the unit when it needs the unit; a
///   stored value that is not asked for is never printed: a clinic's envelope carries no detention
///   data), the institution's name, its postal address ([`Address::lines`]).
/// - At home: name and the address; care of the office: name, `p/a` the office, its address.
///
/// Errors name what is missing (`registration_number`, `unit`, `institution_address`, `address`,
/// `office_address`).
pub fn address_lines(
    name: &str,
    at: Option<(&Stay, &Institution)>,
    home: Option<&Address>,
    office: &Office,
) -> Result<Vec<String>, &'static str> {
    let mut lines = vec![name.to_string()];
    match at {
        Some((stay, inst)) => {
            let reg = stay.registration_number.trim();
            let unit = stay.unit.trim();
            if inst.needs_registration_number && reg.is_empty() {
                return Err("registration_number");
            }
            if inst.needs_unit && unit.is_empty() {
                return Err("unit");
            }
            if inst.needs_registration_number {
                lines.push(format!("Reg.nr. {reg}"));
            }
            if inst.needs_unit {
                lines.push(unit.to_string());
            }
            lines.push(inst.name.trim().to_string());
            lines.extend(inst.address.lines().ok_or("institution_address")?);
        }
        None => match home {
            Some(Address::CareOfOffice) => {
                lines.push(format!("p/a {}", office.name.trim()));
                lines.extend(office.address.lines().ok_or("office_address")?);
            }
            Some(address) => lines.extend(address.lines().ok_or("address")?),
            None => return Err("address"),
        },
    }
    Ok(lines)
}

#[derive(Default)]
struct Candidate {
    recipient: Option<u64>,
    reasons: BTreeSet<CardReason>,
    stay: Option<u64>,
    blocked: Option<LeftOutReason>,
    soft: Option<LeftOutReason>,
    manual_reason: String,
}

/// Composes the cards of a week: everyone with a current stay at a prison or clinic, members with
/// a birthday in the week who consented to birthday cards, everyone marked ill, and the cards
/// added by hand; one card per person, with every reason. Everyone who might have had a card but
/// does not is on the left-out list with the reason.
pub fn compose(
    week: IsoWeek,
    world: World<'_>,
    manual: &[ManualChange],
) -> (Vec<Card>, Vec<LeftOut>) {
    let mut candidates: BTreeMap<Who, Candidate> = BTreeMap::new();
    let recently = week.monday() - Days::new(RECENTLY_ENDED_DAYS);
    let mut stays_of: HashMap<u64, Vec<&(u64, Stay)>> = HashMap::new();
    for entry in world.stays {
        stays_of.entry(entry.1.recipient).or_default().push(entry);
    }
    let stay_by_id: HashMap<u64, &Stay> = world.stays.iter().map(|(id, s)| (*id, s)).collect();
    let recipient_by_id: HashMap<u64, &Recipient> =
        world.recipients.iter().map(|(id, r)| (*id, r)).collect();

    for (id, r) in world.recipients {
        let who = r.member.map(Who::Member).unwrap_or(Who::Recipient(*id));
        let mut stays: Vec<&(u64, Stay)> = stays_of.remove(id).unwrap_or_default();
        stays.sort_by_key(|(_, s)| s.from);
        let current = stays.iter().rev().find(|(_, s)| s.current_in(week));
        let c = candidates.entry(who).or_default();
        c.recipient = Some(*id);
        match current {
            Some((stay_id, stay)) => {
                c.stay = Some(*stay_id);
                if stay.check_needed {
                    c.blocked = Some(LeftOutReason::Returned);
                } else if stay.release_passed(week) {
                    c.blocked = Some(LeftOutReason::ReleasePassed);
                } else if let Some(inst) = world.institutions.get(&stay.institution) {
                    c.reasons.insert(inst.kind.card_reason());
                } else {
                    c.blocked = Some(LeftOutReason::NoAddress("institution".into()));
                }
            }
            None => {
                if stays.iter().any(|(_, s)| {
                    s.ended_on
                        .is_some_and(|e| e >= recently && e <= week.sunday())
                }) {
                    c.soft = Some(LeftOutReason::StayEnded);
                }
            }
        }
        if r.ill_since.is_some_and(|d| d <= week.sunday()) {
            c.reasons.insert(CardReason::Ill);
        }
        if r.member.is_none() && r.birthday.is_some_and(|b| birthday_in(b, week)) {
            c.reasons.insert(CardReason::Birthday);
        }
    }

    for m in world.members.values() {
        if !m.birth_date.is_some_and(|b| birthday_in(b, week)) {
            continue;
        }
        let c = candidates.entry(Who::Member(m.number)).or_default();
        if m.consents.birthday_card.is_some_and(|d| d <= week.sunday()) {
            c.reasons.insert(CardReason::Birthday);
        } else if c.soft.is_none() {
            c.soft = Some(LeftOutReason::NoConsent);
        }
    }

    for change in manual {
        if let ManualChange::Add { recipient, reason } = change {
            if let Some(r) = recipient_by_id.get(recipient) {
                let who = r
                    .member
                    .map(Who::Member)
                    .unwrap_or(Who::Recipient(*recipient));
                let c = candidates.entry(who).or_default();
                c.recipient = Some(*recipient);
                c.reasons.insert(CardReason::Manual);
                c.manual_reason = reason.clone();
            }
        }
    }

    let mut cards = Vec::new();
    let mut left_out = Vec::new();
    for (who, c) in candidates {
        let member = match who {
            Who::Member(n) => world.members.get(&n),
            Who::Recipient(_) => None,
        };
        let recipient = c.recipient.and_then(|id| recipient_by_id.get(&id).copied());
        let name = match (member, recipient) {
            (Some(m), _) => m.name.full(),
            (None, Some(r)) => r.name.full(),
            (None, None) => continue,
        };
        let mut leave = |reason: LeftOutReason| {
            left_out.push(LeftOut {
                who,
                name: name.clone(),
                reason,
            })
        };
        if let Some(m) = member {
            match m.status() {
                Status::Deceased => {
                    leave(LeftOutReason::Deceased);
                    continue;
                }
                Status::Ended { .. } => {
                    leave(LeftOutReason::Ended);
                    continue;
                }
                Status::Active | Status::Suspended => {}
            }
        }
        if let Some(reason) = c.blocked {
            if !c.reasons.contains(&CardReason::Manual) {
                leave(reason);
                continue;
            }
        }
        if c.reasons.is_empty() {
            if let Some(reason) = c.soft {
                leave(reason);
            }
            continue;
        }
        let at = c.stay.and_then(|sid| {
            let stay = *stay_by_id.get(&sid)?;
            Some((stay, world.institutions.get(&stay.institution)?))
        });
        let at = at.filter(|(stay, _)| {
            stay.current_in(week) && !stay.check_needed && !stay.release_passed(week)
        });
        let home = member.map(|m| &m.address);
        match address_lines(&name, at, home, world.office) {
            Ok(address) => cards.push(Card {
                who,
                recipient: c.recipient,
                name: name.clone(),
                reasons: c.reasons.into_iter().collect(),
                manual_reason: c.manual_reason,
                stay: at.map(|_| c.stay).unwrap_or(None),
                institution: at.map(|(s, _)| s.institution),
                institution_name: at.map(|(_, i)| i.name.clone()).unwrap_or_default(),
                house_rules: at.map(|(_, i)| i.house_rules.clone()).unwrap_or_default(),
                needs_sender: at.is_some_and(|(_, i)| i.needs_sender),
                address,
                writer: String::new(),
                written: false,
                posted: None,
                returned: None,
            }),
            Err(missing) => leave(LeftOutReason::NoAddress(missing.to_string())),
        }
    }

    for change in manual {
        if let ManualChange::Remove { who, reason } = change {
            if let Some(pos) = cards.iter().position(|c| c.who == *who) {
                let card = cards.remove(pos);
                left_out.push(LeftOut {
                    who: *who,
                    name: card.name,
                    reason: LeftOutReason::RemovedByHand(reason.clone()),
                });
            }
        }
    }
    let names: SortNames = cards
        .iter()
        .map(|c| c.who)
        .chain(left_out.iter().map(|l| l.who))
        .filter_map(|who| {
            let name = match who {
                Who::Member(n) => &world.members.get(&n)?.name,
                Who::Recipient(id) => &recipient_by_id.get(&id)?.name,
            };
            Some((who, name.order_key()))
        })
        .collect();
    sort_by_institution(&mut cards, &names);
    left_out.sort_by_cached_key(|l| (key_of(l.who, &l.name, &names), l.who));
    (cards, left_out)
}

/// The keys the cards of a run sort on by name ([`PersonName::order_key`]): of the register's
/// name of each member, the recipient's name of each non-member. A card whose person is not in
/// it (an erased member) sorts on the name it shows.
pub type SortNames = HashMap<Who, String>;

/// The names to sort on, keyed by who.
pub fn sort_names<'n>(names: impl IntoIterator<Item = (Who, &'n PersonName)>) -> SortNames {
    names
        .into_iter()
        .map(|(who, name)| (who, name.order_key()))
        .collect()
}

/// The key someone sorts on by name: the register's Dutch order ([`PersonName::sort_key`]: core
/// surname, given name, prefix, case and diacritics ignored), the same rule as the member
/// register's.
fn key_of(who: Who, shown: &str, names: &SortNames) -> String {
    match names.get(&who) {
        // An erased name has no parts left: the name shown (empty too) is all there is.
        Some(key) if key.chars().any(|c| c != '\0') => key.clone(),
        _ => PersonName::new("", "", shown).order_key(),
    }
}

/// The key a card sorts on by name, then who, so that equal names keep one order.
fn name_key(card: &Card, names: &SortNames) -> (String, Who) {
    (key_of(card.who, &card.name, names), card.who)
}

/// Orders cards by institution (case and accents ignored; cards to home addresses last), then
/// in the register's name order within each.
pub fn sort_by_institution(cards: &mut [Card], names: &SortNames) {
    // A run has thousands of cards and a few dozen institutions: each name folded once.
    let mut folded: HashMap<String, String> = HashMap::new();
    for c in cards.iter() {
        if !folded.contains_key(&c.institution_name) {
            folded.insert(c.institution_name.clone(), fold(&c.institution_name));
        }
    }
    cards.sort_by_cached_key(|c| {
        (
            c.institution_name.trim().is_empty(),
            folded.get(&c.institution_name).cloned().unwrap_or_default(),
            name_key(c, names),
        )
    });
}

/// Orders cards in the register's name order ("Poel, Jan van der" under P).
pub fn sort_by_name(cards: &mut [Card], names: &SortNames) {
    cards.sort_by_cached_key(|c| name_key(c, names));
}

/// Keeps the marks of cards that are still there after composing again: writer, written,
/// posted, returned.
pub fn carry_marks(old: &[Card], new: &mut [Card]) {
    let old: HashMap<Who, &Card> = old.iter().map(|c| (c.who, c)).collect();
    for card in new.iter_mut() {
        if let Some(before) = old.get(&card.who) {
            card.writer = before.writer.clone();
            card.written = before.written;
            card.posted = before.posted;
            card.returned = before.returned;
        }
    }
}

#[cfg(test)]
mod tests;
