//! BaseMail's samples: a prison, a stay there, and a member detained in it.

use chrono::NaiveDate;
use kapstok_core::basemail::service::{InstitutionInput, StayInput};
use kapstok_core::common::format_date;
use kapstok_core::Session;

/// PI Lelystad, a prison at Postbus 2170, 8203 AD Lelystad, asking for nothing on the envelope
/// (a test that needs the registration number or the unit says so).
pub fn lelystad() -> InstitutionInput {
    InstitutionInput {
        name: "PI Lelystad".into(),
        kind: "prison".into(),
        address_kind: "postbus".into(),
        house_number: "2170".into(),
        postcode: "8203 AD".into(),
        city: "Lelystad".into(),
        ..InstitutionInput::default()
    }
}

/// A stay at `institution` from `from`, registration number 1234567, unit Afdeling B.
pub fn stay(institution: u64, from: NaiveDate) -> StayInput {
    StayInput {
        institution,
        registration_number: "1234567".into(),
        unit: "Afdeling B".into(),
        from: format_date(from),
        ..StayInput::default()
    }
}

/// A detained member: makes member `number` a BaseMail recipient and starts `stay` for them.
/// Returns (the recipient's id, the stay's id).
pub fn detain(admin: &Session, number: u64, stay: &StayInput) -> (u64, u64) {
    let bm = admin.basemail();
    let recipient = bm.recipient_for_member(number).unwrap();
    let stay = bm.start_stay(recipient, stay).unwrap();
    (recipient, stay)
}
