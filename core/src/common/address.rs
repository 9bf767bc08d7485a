//! Postal addresses as the association meets them: a Dutch street address, a Postbus, an address
//! abroad, post care of the office (for members without a fixed address), or none known.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A Dutch postcode, normalised to `1234 AB`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Postcode(String);

impl Postcode {
    /// Parses and normalises a postcode: `1234ab`, `1234 AB` and ` 1234  ab ` all give `1234 AB`.
    /// The first digit is never 0, and PostNL does not use the letter pairs SA, SD and SS.
    ///
    /// ```
    /// use kapstok_core::common::Postcode;
    /// assert_eq!(Postcode::parse("1015cs").unwrap().as_str(), "1015 CS");
    /// assert!(Postcode::parse("0123 AB").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Postcode> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let bytes = compact.as_bytes();
        if bytes.len() != 6 || !compact.is_ascii() {
            return None;
        }
        let (digits, letters) = compact.split_at(4);
        if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.starts_with('0') {
            return None;
        }
        if !letters.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let letters = letters.to_ascii_uppercase();
        if matches!(letters.as_str(), "SA" | "SD" | "SS") {
            return None;
        }
        Some(Postcode(format!("{digits} {letters}")))
    }

    /// The normalised text, `1234 AB`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which kind of address; the stable names are used in CSV files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AddressKind {
    /// No address known.
    Unknown,
    /// Post goes to the association's office.
    CareOfOffice,
    /// A Dutch street address.
    Street,
    /// A Dutch Postbus.
    Postbus,
    /// An address abroad.
    Foreign,
}

impl AddressKind {
    /// All kinds, in the order forms offer them.
    pub const ALL: [AddressKind; 5] = [
        AddressKind::Street,
        AddressKind::CareOfOffice,
        AddressKind::Postbus,
        AddressKind::Foreign,
        AddressKind::Unknown,
    ];
    /// The stable names, as in CSV files.
    pub const NAMES: &'static [&'static str] =
        &["street", "care_of", "postbus", "foreign", "unknown"];

    /// The stable name.
    pub fn name(self) -> &'static str {
        match self {
            AddressKind::Street => "street",
            AddressKind::CareOfOffice => "care_of",
            AddressKind::Postbus => "postbus",
            AddressKind::Foreign => "foreign",
            AddressKind::Unknown => "unknown",
        }
    }

    /// The kind with this stable name (case ignored).
    pub fn from_name(name: &str) -> Option<AddressKind> {
        let name = name.trim().to_ascii_lowercase();
        AddressKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Address {
    /// No address known.
    Unknown,
    /// Post goes to the association's office ("postadres").
    CareOfOffice,
    /// A Dutch street address.
    Street {
        /// Street name.
        street: String,
        /// House number.
        number: u32,
        /// Addition to the house number ("A", "2-hoog", "bis").
        addition: String,
        /// Postcode.
        postcode: Postcode,
        /// City (stored as typed; printed in capitals).
        city: String,
    },
    /// A Dutch Postbus.
    Postbus {
        /// The Postbus number.
        number: u32,
        /// Postcode.
        postcode: Postcode,
        /// City.
        city: String,
    },
    /// An address abroad.
    Foreign {
        /// Street and number as the country writes them.
        street: String,
        /// Postcode as the country writes it (may be empty).
        postcode: String,
        /// City.
        city: String,
        /// Country, in English ("Germany").
        country: String,
    },
}

impl Address {
    /// The kind of this address.
    pub fn kind(&self) -> AddressKind {
        match self {
            Address::Unknown => AddressKind::Unknown,
            Address::CareOfOffice => AddressKind::CareOfOffice,
            Address::Street { .. } => AddressKind::Street,
            Address::Postbus { .. } => AddressKind::Postbus,
            Address::Foreign { .. } => AddressKind::Foreign,
        }
    }

    /// The lines under the name on an envelope, per PostNL: `1234 AB  CITY` with two spaces and
    /// the city in capitals; abroad the country last, in capitals. `None` for care-of and unknown
    /// addresses (the caller knows the office's address).
    pub fn lines(&self) -> Option<Vec<String>> {
        match self {
            Address::Unknown | Address::CareOfOffice => None,
            Address::Street {
                street,
                number,
                addition,
                postcode,
                city,
            } => Some(vec![
                house_line(street, *number, addition),
                format!("{postcode}  {}", city.trim().to_uppercase()),
            ]),
            Address::Postbus {
                number,
                postcode,
                city,
            } => Some(vec![
                format!("Postbus {number}"),
                format!("{postcode}  {}", city.trim().to_uppercase()),
            ]),
            Address::Foreign {
                street,
                postcode,
                city,
                country,
            } => {
                let mut lines = vec![street.trim().to_string()];
                let place = if postcode.trim().is_empty() {
                    city.trim().to_string()
                } else {
                    format!("{}  {}", postcode.trim(), city.trim())
                };
                lines.push(place);
                lines.push(country.trim().to_uppercase());
                Some(lines.into_iter().filter(|l| !l.is_empty()).collect())
            }
        }
    }

    /// The city, where there is one.
    pub fn city(&self) -> Option<&str> {
        match self {
            Address::Street { city, .. }
            | Address::Postbus { city, .. }
            | Address::Foreign { city, .. } => Some(city),
            Address::Unknown | Address::CareOfOffice => None,
        }
    }
}

/// An address as the text fields of a form or CSV row: the inverse of
/// [`crate::common::parse_address`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressText {
    /// Kind: `street`, `care_of`, `postbus`, `foreign`, `unknown`.
    pub kind: String,
    /// Street (Dutch or foreign).
    pub street: String,
    /// House number, or the Postbus number.
    pub house_number: String,
    /// Addition to the house number.
    pub addition: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Country.
    pub country: String,
}

impl From<&Address> for AddressText {
    fn from(address: &Address) -> Self {
        let mut t = AddressText {
            kind: address.kind().name().to_string(),
            ..AddressText::default()
        };
        match address {
            Address::Unknown | Address::CareOfOffice => {}
            Address::Street {
                street,
                number,
                addition,
                postcode,
                city,
            } => {
                t.street = street.clone();
                t.house_number = number.to_string();
                t.addition = addition.clone();
                t.postcode = postcode.to_string();
                t.city = city.clone();
            }
            Address::Postbus {
                number,
                postcode,
                city,
            } => {
                t.house_number = number.to_string();
                t.postcode = postcode.to_string();
                t.city = city.clone();
            }
            Address::Foreign {
                street,
                postcode,
                city,
                country,
            } => {
                t.street = street.clone();
                t.postcode = postcode.clone();
                t.city = city.clone();
                t.country = country.clone();
            }
        }
        t
    }
}

fn house_line(street: &str, number: u32, addition: &str) -> String {
    let addition = addition.trim();
    if addition.is_empty() {
        format!("{} {number}", street.trim())
    } else if addition.starts_with('-') {
        format!("{} {number}{addition}", street.trim())
    } else {
        format!("{} {number} {addition}", street.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn postcodes() {
        for (text, want) in [
            ("1234ab", "1234 AB"),
            ("1234 AB", "1234 AB"),
            (" 1234  aB ", "1234 AB"),
        ] {
            assert_eq!(
                Postcode::parse(text).map(|p| p.to_string()).as_deref(),
                Some(want)
            );
        }
        for bad in [
            "", "123 AB", "12345 AB", "1234 A", "1234 A1", "0123 AB", "1234 SS", "1234 ÄB",
            "AB 1234",
        ] {
            assert_eq!(Postcode::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn postnl_lines() {
        let a = Address::Street {
            street: "Keizersgracht".into(),
            number: 12,
            addition: "A".into(),
            postcode: Postcode::parse("1015cs").unwrap(),
            city: "Amsterdam".into(),
        };
        assert_eq!(
            a.lines().unwrap(),
            ["Keizersgracht 12 A", "1015 CS  AMSTERDAM"]
        );
        let p = Address::Postbus {
            number: 2170,
            postcode: Postcode::parse("8203AD").unwrap(),
            city: "Lelystad".into(),
        };
        assert_eq!(p.lines().unwrap(), ["Postbus 2170", "8203 AD  LELYSTAD"]);
        let f = Address::Foreign {
            street: "Hauptstraße 5".into(),
            postcode: "10115".into(),
            city: "Berlin".into(),
            country: "Germany".into(),
        };
        assert_eq!(
            f.lines().unwrap(),
            ["Hauptstraße 5", "10115  Berlin", "GERMANY"]
        );
        assert_eq!(Address::CareOfOffice.lines(), None);
    }

    proptest! {
        #[test]
        fn normalised_postcodes_parse_to_themselves(n in 1000u32..10000, a in "[A-Z]{2}") {
            prop_assume!(!matches!(a.as_str(), "SA" | "SD" | "SS"));
            let text = format!("{n}{}", a.to_lowercase());
            let p = Postcode::parse(&text).unwrap();
            prop_assert_eq!(Postcode::parse(p.as_str()), Some(p.clone()));
        }

        #[test]
        fn postcode_parse_never_panics(text in "\\PC{0,12}") {
            let _ = Postcode::parse(&text);
        }
    }
}
