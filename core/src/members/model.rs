//! The member record.

use crate::common::{format_date, Address, AddressKind, AddressText, PersonName};
use crate::store::{Record, TreeId, Tx, TxResult};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A member's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// A member in good standing.
    Active,
    /// Suspended: attends meetings without a vote.
    Suspended,
    /// Membership ended, with the reason.
    Ended {
        /// Why (on one line).
        reason: String,
    },
    /// The member died.
    Deceased,
}

impl Status {
    /// The stable names, as in CSV files.
    pub const NAMES: &'static [&'static str] = &["active", "suspended", "ended", "deceased"];

    /// The stable name.
    pub fn name(&self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Suspended => "suspended",
            Status::Ended { .. } => "ended",
            Status::Deceased => "deceased",
        }
    }

    /// True for active and suspended members: they are still members.
    pub fn is_member(&self) -> bool {
        matches!(self, Status::Active | Status::Suspended)
    }
}

/// One step in a member's status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusEntry {
    /// From this date on.
    pub since: NaiveDate,
    /// The status.
    pub status: Status,
}

/// Consents, each with the date it was given (`None`: not given).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consents {
    /// Convocations for general meetings by e-mail (Civil Code 2:41).
    pub convocation_email: Option<NaiveDate>,
    /// A card on their birthday (BaseMail).
    pub birthday_card: Option<NaiveDate>,
    /// The members' magazine.
    pub magazine: Option<NaiveDate>,
}

/// A member, as the current code sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// Member number: sequential, never reused. Also the record's key.
    pub number: u64,
    /// Name.
    pub name: PersonName,
    /// Known-as or street name.
    pub known_as: String,
    /// Date of birth.
    pub birth_date: Option<NaiveDate>,
    /// Phone number.
    pub phone: String,
    /// E-mail address.
    pub email: String,
    /// Postal address.
    pub address: Address,
    /// Status history, oldest first, never empty.
    pub status_history: Vec<StatusEntry>,
    /// Date of joining.
    pub joined: NaiveDate,
    /// Consents with their dates.
    pub consents: Consents,
    /// Date of the last contact (for the out-of-sight list).
    pub last_contact: Option<NaiveDate>,
    /// Free notes.
    pub notes: String,
}

impl Member {
    /// The status now in force: the last entry (history is kept in date order).
    pub fn status(&self) -> &Status {
        self.status_history
            .last()
            .map(|e| &e.status)
            .unwrap_or(&Status::Active)
    }

    /// The status on a given date: the last entry that started on or before it.
    pub fn status_on(&self, date: NaiveDate) -> Option<&Status> {
        self.status_history
            .iter()
            .rev()
            .find(|e| e.since <= date)
            .map(|e| &e.status)
    }

    /// The date the current status started.
    pub fn status_since(&self) -> NaiveDate {
        self.status_history
            .last()
            .map(|e| e.since)
            .unwrap_or(self.joined)
    }
}

/// A member as format 1 stored it: one status without history, no consents, no last contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberV1 {
    /// Member number.
    pub number: u64,
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
    /// Status.
    pub status: Status,
    /// Date of joining.
    pub joined: NaiveDate,
    /// Notes.
    pub notes: String,
}

/// The stored versions of a member. Append variants; never reorder or remove.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum MemberRecord {
    /// Format 1.
    V1(MemberV1),
    /// Format 2 and later.
    V2(Member),
}

impl From<MemberV1> for Member {
    fn from(old: MemberV1) -> Self {
        Member {
            number: old.number,
            name: old.name,
            known_as: old.known_as,
            birth_date: old.birth_date,
            phone: old.phone,
            email: old.email,
            address: old.address,
            status_history: vec![StatusEntry {
                since: old.joined,
                status: old.status,
            }],
            joined: old.joined,
            consents: Consents::default(),
            last_contact: None,
            notes: old.notes,
        }
    }
}

impl Record for Member {
    const TREE: TreeId = TreeId::Members;
    const KIND: &'static str = "member";
    type Stored = MemberRecord;

    fn to_stored(&self) -> MemberRecord {
        MemberRecord::V2(self.clone())
    }

    fn from_stored(stored: MemberRecord) -> Self {
        match stored {
            MemberRecord::V1(old) => old.into(),
            MemberRecord::V2(m) => m,
        }
    }

    fn encode(&self) -> crate::Result<Vec<u8>> {
        crate::store::codec::encode(&MemberRecordRef::V2(self))
    }

    fn reindex(tx: &Tx<'_>, id: u64, new: &Self) -> TxResult<()> {
        super::birthdays::reindex(tx, id, new)
    }
}

/// [`MemberRecord`] borrowing the newest variant, to encode without a copy: the same bytes, as
/// serde numbers variants by position.
#[derive(Serialize)]
enum MemberRecordRef<'a> {
    #[allow(dead_code)]
    V1(&'a MemberV1),
    V2(&'a Member),
}

/// A member as typed in a form or read from a CSV row: every field as text, validated by
/// [`crate::members::rules::validate`]. Dates as `dd-mm-jjjj` or `jjjj-mm-dd`; an empty consent
/// date means no consent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberInput {
    /// First name or initials.
    pub given: String,
    /// Surname prefix.
    pub prefix: String,
    /// Surname.
    pub surname: String,
    /// Known-as / street name.
    pub known_as: String,
    /// Date of birth.
    pub birth_date: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Address kind: `street`, `care_of`, `postbus`, `foreign`, `unknown`.
    pub address_kind: String,
    /// Street (Dutch or foreign).
    pub street: String,
    /// House number (Dutch street) or Postbus number.
    pub house_number: String,
    /// Addition to the house number.
    pub addition: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Country (foreign addresses).
    pub country: String,
    /// Date of joining.
    pub joined: String,
    /// Consent to convocation by e-mail, the date given.
    pub consent_convocation_email: String,
    /// Consent to birthday cards, the date given.
    pub consent_birthday_card: String,
    /// Consent to the magazine, the date given.
    pub consent_magazine: String,
    /// Date of last contact.
    pub last_contact: String,
    /// Notes.
    pub notes: String,
}

crate::mergeable!(MemberInput {
    given,
    prefix,
    surname,
    known_as,
    birth_date,
    phone,
    email,
    address_kind,
    street,
    house_number,
    addition,
    postcode,
    city,
    country,
    joined,
    consent_convocation_email,
    consent_birthday_card,
    consent_magazine,
    last_contact,
    notes,
});

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_default()
}

impl MemberInput {
    /// The input that describes an existing member (to edit it).
    pub fn from_member(m: &Member) -> MemberInput {
        // Taken apart without `..`: a new field of the member does not compile until it is
        // decided here whether a form edits it.
        let Member {
            number: _,
            name,
            known_as,
            birth_date,
            phone,
            email,
            address,
            status_history: _,
            joined,
            consents,
            last_contact,
            notes,
        } = m;
        let Consents {
            convocation_email,
            birthday_card,
            magazine,
        } = consents;
        let a = AddressText::from(address);
        MemberInput {
            given: name.given.clone(),
            prefix: name.prefix.clone(),
            surname: name.surname.clone(),
            known_as: known_as.clone(),
            birth_date: date_text(*birth_date),
            phone: phone.clone(),
            email: email.clone(),
            address_kind: a.kind,
            street: a.street,
            house_number: a.house_number,
            addition: a.addition,
            postcode: a.postcode,
            city: a.city,
            country: a.country,
            joined: format_date(*joined),
            consent_convocation_email: date_text(*convocation_email),
            consent_birthday_card: date_text(*birthday_card),
            consent_magazine: date_text(*magazine),
            last_contact: date_text(*last_contact),
            notes: notes.clone(),
        }
    }

    /// The address kind named in the input (street when empty or unknown text; validation
    /// reports unknown text).
    pub fn kind(&self) -> AddressKind {
        AddressKind::from_name(&self.address_kind).unwrap_or(AddressKind::Street)
    }
}
