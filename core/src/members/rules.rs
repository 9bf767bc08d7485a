//! The rules of the member register, as pure functions: validation, status changes, duplicates,
//! the out-of-sight list. No storage here; `today` comes in as an argument.

use super::model::{Consents, Member, MemberInput, Status, StatusEntry};
use crate::common::check::Check;
pub use crate::common::check::{earliest_date, MAX_SHORT};
use crate::common::{
    fold, is_email, is_phone, plain_text, single_line, Address, AddressFields, PersonName,
};
use crate::error::{FieldError, Reason};
use chrono::NaiveDate;

/// Longest notes, in characters.
pub const MAX_NOTES: usize = 4000;

/// A validated member, apart from the number and status history the register keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Valid {
    /// Name.
    pub name: PersonName,
    /// Known-as.
    pub known_as: String,
    /// Date of birth.
    pub birth_date: Option<NaiveDate>,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Address.
    pub address: Address,
    /// Date of joining.
    pub joined: NaiveDate,
    /// Consents.
    pub consents: Consents,
    /// Last contact.
    pub last_contact: Option<NaiveDate>,
    /// Notes.
    pub notes: String,
}

impl Valid {
    /// A new member with this data, active since joining.
    pub fn into_member(self, number: u64) -> Member {
        let joined = self.joined;
        let mut m = Member {
            number,
            name: PersonName::default(),
            known_as: String::new(),
            birth_date: None,
            phone: String::new(),
            email: String::new(),
            address: Address::Unknown,
            status_history: vec![StatusEntry {
                since: joined,
                status: Status::Active,
            }],
            joined,
            consents: Consents::default(),
            last_contact: None,
            notes: String::new(),
        };
        self.apply_to(&mut m);
        m
    }

    /// Overwrites a member's data with this, keeping number and status history.
    pub fn apply_to(self, m: &mut Member) {
        // Both taken apart without `..`: a new field on either side does not compile until it
        // is decided here whether a form sets it.
        let Valid {
            name,
            known_as,
            birth_date,
            phone,
            email,
            address,
            joined,
            consents,
            last_contact,
            notes,
        } = self;
        let Member {
            number: _,
            name: m_name,
            known_as: m_known_as,
            birth_date: m_birth_date,
            phone: m_phone,
            email: m_email,
            address: m_address,
            status_history: _,
            joined: m_joined,
            consents: m_consents,
            last_contact: m_last_contact,
            notes: m_notes,
        } = m;
        *m_name = name;
        *m_known_as = known_as;
        *m_birth_date = birth_date;
        *m_phone = phone;
        *m_email = email;
        *m_address = address;
        *m_joined = joined;
        *m_consents = consents;
        *m_last_contact = last_contact;
        *m_notes = notes;
    }
}

/// A reason to look twice before saving, which does not stop the save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Another member has the same name and date of birth.
    PossibleDuplicate {
        /// That member's number.
        number: u64,
    },
}

/// Validates a member as typed. Every refused field is reported, not just the first.
pub fn validate(input: &MemberInput, today: NaiveDate) -> Result<Valid, Vec<FieldError>> {
    let mut c = Check::default();
    let given = c.text("given", &input.given, false);
    let prefix = c.text("prefix", &input.prefix, false);
    let surname = c.text("surname", &input.surname, true);
    let known_as = c.text("known_as", &input.known_as, false);

    let birth_date = c.date("birth_date", &input.birth_date, false);
    c.not_future("birth_date", birth_date, today);
    let joined = c.date("joined", &input.joined, true);
    c.not_future("joined", joined, today);
    if let (Some(b), Some(j)) = (birth_date, joined) {
        if j < b {
            c.fail("joined", Reason::Before("birth_date"));
        }
    }

    let phone = c.text("phone", &input.phone, false);
    if !phone.is_empty() && !is_phone(&phone) {
        c.fail("phone", Reason::BadPhone);
    }
    let email = c.text("email", &input.email, false);
    if !email.is_empty() && !is_email(&email) {
        c.fail("email", Reason::BadEmail);
    }

    let address = c.address(&AddressFields {
        kind: &input.address_kind,
        street: &input.street,
        house_number: &input.house_number,
        addition: &input.addition,
        postcode: &input.postcode,
        city: &input.city,
        country: &input.country,
    });

    let mut consent = |field: &'static str, value: &str| {
        let d = c.date(field, value, false);
        c.not_future(field, d, today);
        d
    };
    let consents = Consents {
        convocation_email: consent(
            "consent_convocation_email",
            &input.consent_convocation_email,
        ),
        birthday_card: consent("consent_birthday_card", &input.consent_birthday_card),
        magazine: consent("consent_magazine", &input.consent_magazine),
    };
    let last_contact = c.date("last_contact", &input.last_contact, false);
    c.not_future("last_contact", last_contact, today);

    let notes = input.notes.trim().to_string();
    c.lines("notes", &notes);
    if notes.chars().count() > MAX_NOTES {
        c.fail("notes", Reason::TooLong(MAX_NOTES));
    }

    match joined {
        Some(joined) if c.errors.is_empty() => Ok(Valid {
            name: PersonName {
                given,
                prefix,
                surname,
            },
            known_as,
            birth_date,
            phone,
            email,
            address,
            joined,
            consents,
            last_contact,
            notes,
        }),
        _ => Err(c.errors),
    }
}

/// Checks a status change against a member's history: the date lies on or after joining and on
/// or after the last change, not in the future; an ending needs a reason on one line; the status
/// must differ from the current one.
pub fn check_status_change(
    member: &Member,
    status: &Status,
    since: NaiveDate,
    today: NaiveDate,
) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    if status == member.status() {
        errors.push(FieldError::new("status", Reason::Unchanged));
    }
    if since > today {
        errors.push(FieldError::new("status_since", Reason::InFuture));
    } else if since < member.joined {
        errors.push(FieldError::new("status_since", Reason::Before("joined")));
    } else if since < member.status_since() {
        errors.push(FieldError::new(
            "status_since",
            Reason::Before("status_since"),
        ));
    }
    if let Status::Ended { reason } = status {
        if reason.trim().is_empty() {
            errors.push(FieldError::new("status_reason", Reason::Required));
        } else if !single_line(reason) {
            errors.push(FieldError::new("status_reason", Reason::Multiline));
        } else if let Err(e) = plain_text("status_reason", reason, false) {
            errors.push(e);
        } else if reason.chars().count() > MAX_SHORT {
            errors.push(FieldError::new("status_reason", Reason::TooLong(MAX_SHORT)));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Warnings for a member about to be saved: another member (not `own_number`) with the same
/// name and date of birth.
pub fn warnings<'a>(
    candidate: &Valid,
    own_number: Option<u64>,
    others: impl IntoIterator<Item = &'a Member>,
) -> Vec<Warning> {
    let Some(birth) = candidate.birth_date else {
        return Vec::new();
    };
    let key = candidate.name.sort_key();
    others
        .into_iter()
        .filter(|m| {
            Some(m.number) != own_number && m.birth_date == Some(birth) && m.name.sort_key() == key
        })
        .map(|m| Warning::PossibleDuplicate { number: m.number })
        .collect()
}

/// Sorts members in Dutch register order: core surname, given name, prefix (case and diacritics
/// ignored), then number.
pub fn sort_members(members: &mut [Member]) {
    members.sort_by_cached_key(|m| (register_key(m), m.number));
}

/// Where a member stands in the register's order ([`sort_members`]), ties broken by the member
/// number: a screen that keeps the register's rows puts a changed member back in its place with
/// it. One string per member instead of four (100,000 members: about 8 MB of keys instead of
/// 23); the parts are joined with NUL, which sorts before every character they hold, so the
/// order is that of comparing them one by one.
pub fn register_key(m: &Member) -> String {
    let (s, g, p) = m.name.sort_key();
    format!("{s}\0{g}\0{p}\0{}", fold(&m.known_as))
}

/// Active members without contact for more than `weeks` weeks (counting from joining when there
/// was never a recorded contact), longest out of sight first, with the number of days.
pub fn out_of_sight(members: &[Member], today: NaiveDate, weeks: u32) -> Vec<(&Member, i64)> {
    let limit = i64::from(weeks) * 7;
    let mut list: Vec<(&Member, i64)> = members
        .iter()
        .filter(|m| m.status_on(today) == Some(&Status::Active))
        .map(|m| (m, (today - m.last_contact.unwrap_or(m.joined)).num_days()))
        .filter(|(_, days)| *days > limit)
        .collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.number.cmp(&b.0.number)));
    list
}

#[cfg(test)]
mod tests;
