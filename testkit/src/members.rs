//! Sample members: care of the office, at a Dutch street address, abroad; and adding one.

use kapstok_core::members::MemberInput;
use kapstok_core::Session;

/// A valid member: care of the office, joined 01-03-2024.
pub fn member(given: &str, prefix: &str, surname: &str) -> MemberInput {
    MemberInput {
        given: given.into(),
        prefix: prefix.into(),
        surname: surname.into(),
        address_kind: "care_of".into(),
        joined: "01-03-2024".into(),
        ..MemberInput::default()
    }
}

/// A valid member at a Dutch street address (Dorpsstraat 12a, 1234 AB Utrecht), born 01-02-1970.
pub fn street_member(given: &str, prefix: &str, surname: &str) -> MemberInput {
    MemberInput {
        address_kind: "street".into(),
        street: "Dorpsstraat".into(),
        house_number: "12".into(),
        addition: "a".into(),
        postcode: "1234 AB".into(),
        city: "Utrecht".into(),
        birth_date: "01-02-1970".into(),
        ..member(given, prefix, surname)
    }
}

/// A valid member at a foreign address (Rue de la Loi 16, 1000 Bruxelles, België).
pub fn foreign_member(given: &str, prefix: &str, surname: &str) -> MemberInput {
    MemberInput {
        address_kind: "foreign".into(),
        street: "Rue de la Loi 16".into(),
        postcode: "1000".into(),
        city: "Bruxelles".into(),
        country: "België".into(),
        ..member(given, prefix, surname)
    }
}

/// A valid member care of the office who joined on 01-01-2020, long enough ago for every rule
/// (an expert, a voter, a card writer).
pub fn member_since_2020(given: &str, prefix: &str, surname: &str) -> MemberInput {
    MemberInput {
        joined: "01-01-2020".into(),
        ..member(given, prefix, surname)
    }
}

/// [`member_since_2020`] born on `born` (dd-mm-yyyy): the experts' tests' member.
pub fn expert_member(given: &str, prefix: &str, surname: &str, born: &str) -> MemberInput {
    MemberInput {
        birth_date: born.into(),
        ..member_since_2020(given, prefix, surname)
    }
}

/// Adds a member; returns their number.
pub fn add_member(admin: &Session, input: &MemberInput) -> u64 {
    admin.members().create(input).unwrap().member.number
}
