//! The rules of the member register, as pure functions: validation, status changes, duplicates,
//! the out-of-sight list. No storage here; `today` comes in as an argument.

use super::model::{Consents, Member, MemberInput, Status, StatusEntry};
use crate::common::{
    fold, is_email, is_phone, parse_date, single_line, Address, AddressKind, PersonName, Postcode,
};
use crate::error::{FieldError, Reason};
use chrono::NaiveDate;

/// Longest name, street, city or similar short field, in characters.
pub const MAX_SHORT: usize = 100;
/// Longest notes, in characters.
pub const MAX_NOTES: usize = 4000;
/// The earliest plausible date of birth or joining.
pub fn earliest_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default()
}

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
        m.name = self.name;
        m.known_as = self.known_as;
        m.birth_date = self.birth_date;
        m.phone = self.phone;
        m.email = self.email;
        m.address = self.address;
        m.joined = self.joined;
        m.consents = self.consents;
        m.last_contact = self.last_contact;
        m.notes = self.notes;
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

struct Check {
    errors: Vec<FieldError>,
}

impl Check {
    fn fail(&mut self, field: &'static str, reason: Reason) {
        self.errors.push(FieldError::new(field, reason));
    }

    /// A single-line text field: trimmed, length-checked; required when asked.
    fn text(&mut self, field: &'static str, value: &str, required: bool) -> String {
        let value = value.trim();
        if required && value.is_empty() {
            self.fail(field, Reason::Required);
        } else if !single_line(value) {
            self.fail(field, Reason::Multiline);
        } else if value.chars().count() > MAX_SHORT {
            self.fail(field, Reason::TooLong(MAX_SHORT));
        }
        value.to_string()
    }

    fn date(&mut self, field: &'static str, value: &str, required: bool) -> Option<NaiveDate> {
        let value = value.trim();
        if value.is_empty() {
            if required {
                self.fail(field, Reason::Required);
            }
            return None;
        }
        let date = parse_date(value);
        match date {
            None => self.fail(field, Reason::BadDate),
            Some(d) if d < earliest_date() => self.fail(field, Reason::BeforeYear(1900)),
            Some(_) => {}
        }
        date
    }

    fn not_future(&mut self, field: &'static str, date: Option<NaiveDate>, today: NaiveDate) {
        if date.is_some_and(|d| d > today) {
            self.fail(field, Reason::InFuture);
        }
    }

    fn number(&mut self, field: &'static str, value: &str) -> u32 {
        let value = value.trim();
        if value.is_empty() {
            self.fail(field, Reason::Required);
            return 0;
        }
        match value.parse::<u32>() {
            Ok(n) if n > 0 => n,
            _ => {
                self.fail(field, Reason::BadNumber);
                0
            }
        }
    }

    fn postcode(&mut self, value: &str) -> Option<Postcode> {
        if value.trim().is_empty() {
            self.fail("postcode", Reason::Required);
            return None;
        }
        let code = Postcode::parse(value);
        if code.is_none() {
            self.fail("postcode", Reason::BadPostcode);
        }
        code
    }
}

/// Validates a member as typed. Every refused field is reported, not just the first.
pub fn validate(input: &MemberInput, today: NaiveDate) -> Result<Valid, Vec<FieldError>> {
    let mut c = Check { errors: Vec::new() };
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

    let address = match AddressKind::from_name(if input.address_kind.trim().is_empty() {
        "unknown"
    } else {
        &input.address_kind
    }) {
        None => {
            c.fail("address_kind", Reason::NotOneOf(AddressKind::NAMES));
            Address::Unknown
        }
        Some(AddressKind::Unknown) => Address::Unknown,
        Some(AddressKind::CareOfOffice) => Address::CareOfOffice,
        Some(AddressKind::Street) => {
            let street = c.text("street", &input.street, true);
            let number = c.number("house_number", &input.house_number);
            let addition = c.text("addition", &input.addition, false);
            let postcode = c.postcode(&input.postcode);
            let city = c.text("city", &input.city, true);
            match postcode {
                Some(postcode) => Address::Street {
                    street,
                    number,
                    addition,
                    postcode,
                    city,
                },
                None => Address::Unknown,
            }
        }
        Some(AddressKind::Postbus) => {
            let number = c.number("house_number", &input.house_number);
            let postcode = c.postcode(&input.postcode);
            let city = c.text("city", &input.city, true);
            match postcode {
                Some(postcode) => Address::Postbus {
                    number,
                    postcode,
                    city,
                },
                None => Address::Unknown,
            }
        }
        Some(AddressKind::Foreign) => Address::Foreign {
            street: c.text("street", &input.street, true),
            postcode: c.text("postcode", &input.postcode, false),
            city: c.text("city", &input.city, true),
            country: c.text("country", &input.country, true),
        },
    };

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
    members.sort_by_cached_key(|m| {
        let (s, g, p) = m.name.sort_key();
        (s, g, p, fold(&m.known_as), m.number)
    });
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
