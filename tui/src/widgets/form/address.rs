//! The address input, one for every form that takes an address (members, institutions): the
//! address kind and the fields that kind uses, named as core names them (`address_kind`,
//! `street`, `house_number`, `addition`, `postcode`, `city`, `country`). A Postbus has only a
//! number, postcode and city, and its number is labelled as one; a care-of or unknown address
//! has no fields. Declared in a form with `@address(kinds)` in
//! [`form_input!`](crate::form_input).

use super::{Field, Form};
use crate::i18n::Msg;
use kapstok_core::common::AddressKind;

/// The address kinds a member's address can be: where the member lives, post via the office,
/// a Postbus, abroad, or not known.
pub const MEMBER_KINDS: &[AddressKind] = &[
    AddressKind::Street,
    AddressKind::CareOfOffice,
    AddressKind::Postbus,
    AddressKind::Foreign,
    AddressKind::Unknown,
];

/// The address kinds of an institution: the cards go to a real address.
pub const INSTITUTION_KINDS: &[AddressKind] = &[
    AddressKind::Postbus,
    AddressKind::Street,
    AddressKind::Foreign,
];

/// The field of the address kind.
const KIND: &str = "address_kind";

/// The address's fields after the kind, with their labels, in the order shown.
const PARTS: [(&str, Msg); 6] = [
    ("street", Msg::FieldStreet),
    ("house_number", Msg::FieldHouseNumber),
    ("addition", Msg::FieldAddition),
    ("postcode", Msg::FieldPostcode),
    ("city", Msg::FieldCity),
    ("country", Msg::FieldCountry),
];

/// The label of an address kind.
pub fn kind_label(kind: AddressKind) -> Msg {
    match kind {
        AddressKind::Street => Msg::AddrStreet,
        AddressKind::CareOfOffice => Msg::AddrCareOf,
        AddressKind::Postbus => Msg::AddrPostbus,
        AddressKind::Foreign => Msg::AddrForeign,
        AddressKind::Unknown => Msg::AddrUnknown,
    }
}

/// The fields the address kind uses.
fn parts_of(kind: AddressKind) -> &'static [&'static str] {
    match kind {
        AddressKind::Street => &["street", "house_number", "addition", "postcode", "city"],
        AddressKind::Postbus => &["house_number", "postcode", "city"],
        AddressKind::Foreign => &["street", "postcode", "city", "country"],
        AddressKind::CareOfOffice | AddressKind::Unknown => &[],
    }
}

/// The address block's fields: the kind (one of `kinds`) and the parts, from `(name, value)` in
/// the order kind, street, house number, addition, postcode, city, country (the names are the
/// input struct's, checked against these by the form's tests). Which parts show is
/// [`show`]'s.
pub fn fields(kinds: &[AddressKind], values: [(&'static str, &String); 7]) -> Vec<Field> {
    let [(kind_name, kind), parts @ ..] = values;
    debug_assert_eq!(kind_name, KIND);
    let options = kinds.iter().map(|k| (k.name(), kind_label(*k))).collect();
    let mut fields = vec![Field::choice(
        kind_name,
        Msg::FieldAddressKind,
        options,
        kind,
    )];
    for ((name, value), (part, label)) in parts.into_iter().zip(PARTS) {
        debug_assert_eq!(name, part);
        fields.push(Field::text(name, label, value));
    }
    fields
}

/// Shows the address fields the chosen address kind uses, and names the number field after it
/// (a Postbus number or a house number).
pub fn show(form: &mut Form) {
    let kind = AddressKind::from_name(&form.value(KIND)).unwrap_or(AddressKind::Unknown);
    let shown = parts_of(kind);
    for (part, _) in PARTS {
        form.set_visible(part, shown.contains(&part));
    }
    form.set_label(
        PARTS[1].0,
        if kind == AddressKind::Postbus {
            Msg::FieldPostbusNumber
        } else {
            Msg::FieldHouseNumber
        },
    );
}
