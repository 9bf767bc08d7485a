//! Parsing typed values into checked ones, collecting every field error on the way.

use super::{
    control_character, parse_date, single_line, Address, AddressKind, AddressText, Postcode,
};
use crate::error::{Error, FieldError, Reason};
use chrono::NaiveDate;

/// Longest name, street, city or similar short field, in characters.
pub const MAX_SHORT: usize = 100;

/// The earliest plausible date of birth or joining.
pub fn earliest_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default()
}

/// An address as typed: every field as text. The field names in errors are `address_kind`,
/// `street`, `house_number` (also the Postbus number), `addition`, `postcode`, `city`, `country`.
#[derive(Debug, Clone, Copy, Default)]
pub struct AddressFields<'a> {
    /// `street`, `care_of`, `postbus`, `foreign` or `unknown` (empty: unknown).
    pub kind: &'a str,
    /// Street (Dutch or foreign).
    pub street: &'a str,
    /// House number, or the Postbus number.
    pub house_number: &'a str,
    /// Addition to the house number.
    pub addition: &'a str,
    /// Postcode.
    pub postcode: &'a str,
    /// City.
    pub city: &'a str,
    /// Country (abroad).
    pub country: &'a str,
}

/// Parses an address as typed; every refused field is reported.
pub fn parse_address(fields: &AddressFields<'_>) -> Result<Address, Vec<FieldError>> {
    let mut c = Check::default();
    let address = c.address(fields);
    c.finish(address)
}

/// Refuses text that holds a control character the field does not allow: any for a one-line
/// field (`multiline` false), any but line breaks and tabs for a multi-line one (notes, minutes,
/// motions, house rules, review texts). Every text a user can enter passes this check (or
/// [`Check::text`] / [`Check::lines`], which call it) before it is stored.
pub fn plain_text(field: &'static str, value: &str, multiline: bool) -> Result<(), FieldError> {
    match control_character(value, multiline) {
        Some(c) => Err(FieldError::new(field, Reason::ControlCharacter(c))),
        None => Ok(()),
    }
}

/// [`plain_text`] as a core error ([`Error::Invalid`] for the field), for calls that check one
/// text on its own.
pub(crate) fn refuse_control(
    field: &'static str,
    value: &str,
    multiline: bool,
) -> crate::Result<()> {
    plain_text(field, value, multiline).map_err(|e| Error::Invalid(vec![e]))
}

/// The control-character errors of an address that was built without [`parse_address`] (a
/// caller may fill in [`Address`] itself), with the same field names.
pub(crate) fn address_errors(address: &Address) -> Vec<FieldError> {
    let t = AddressText::from(address);
    [
        ("street", &t.street),
        ("addition", &t.addition),
        ("postcode", &t.postcode),
        ("city", &t.city),
        ("country", &t.country),
    ]
    .into_iter()
    .filter_map(|(field, value)| plain_text(field, value, false).err())
    .collect()
}

/// Collects field errors while values are parsed.
#[derive(Debug, Default)]
pub(crate) struct Check {
    pub(crate) errors: Vec<FieldError>,
}

impl Check {
    /// The errors, or `Ok(value)` when there are none.
    pub(crate) fn finish<T>(self, value: T) -> Result<T, Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self.errors)
        }
    }

    pub(crate) fn fail(&mut self, field: &'static str, reason: Reason) {
        self.errors.push(FieldError::new(field, reason));
    }

    /// A single-line text field: trimmed, length-checked, no control characters; required when
    /// asked.
    pub(crate) fn text(&mut self, field: &'static str, value: &str, required: bool) -> String {
        let value = value.trim();
        if required && value.is_empty() {
            self.fail(field, Reason::Required);
        } else if !single_line(value) {
            self.fail(field, Reason::Multiline);
        } else if let Err(e) = plain_text(field, value, false) {
            self.errors.push(e);
        } else if value.chars().count() > MAX_SHORT {
            self.fail(field, Reason::TooLong(MAX_SHORT));
        }
        value.to_string()
    }

    /// A multi-line text field (notes and the like): refused when it holds a control character
    /// other than line breaks and tabs. Length and trimming stay with the caller.
    pub(crate) fn lines(&mut self, field: &'static str, value: &str) {
        if let Err(e) = plain_text(field, value, true) {
            self.errors.push(e);
        }
    }

    pub(crate) fn date(
        &mut self,
        field: &'static str,
        value: &str,
        required: bool,
    ) -> Option<NaiveDate> {
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

    pub(crate) fn not_future(
        &mut self,
        field: &'static str,
        date: Option<NaiveDate>,
        today: NaiveDate,
    ) {
        if date.is_some_and(|d| d > today) {
            self.fail(field, Reason::InFuture);
        }
    }

    pub(crate) fn number(&mut self, field: &'static str, value: &str) -> u32 {
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

    pub(crate) fn postcode(&mut self, value: &str) -> Option<Postcode> {
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

    /// Parses an address from its fields (an empty kind means unknown).
    pub(crate) fn address(&mut self, f: &AddressFields<'_>) -> Address {
        let kind = if f.kind.trim().is_empty() {
            "unknown"
        } else {
            f.kind
        };
        match AddressKind::from_name(kind) {
            None => {
                self.fail("address_kind", Reason::NotOneOf(AddressKind::NAMES));
                Address::Unknown
            }
            Some(AddressKind::Unknown) => Address::Unknown,
            Some(AddressKind::CareOfOffice) => Address::CareOfOffice,
            Some(AddressKind::Street) => {
                let street = self.text("street", f.street, true);
                let number = self.number("house_number", f.house_number);
                let addition = self.text("addition", f.addition, false);
                let postcode = self.postcode(f.postcode);
                let city = self.text("city", f.city, true);
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
                let number = self.number("house_number", f.house_number);
                let postcode = self.postcode(f.postcode);
                let city = self.text("city", f.city, true);
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
                street: self.text("street", f.street, true),
                postcode: self.text("postcode", f.postcode, false),
                city: self.text("city", f.city, true),
                country: self.text("country", f.country, true),
            },
        }
    }
}
