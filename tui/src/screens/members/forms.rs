//! The member forms: a member (new or edited) and a status change. Field names are those of
//! [`MemberInput`] (and core's field errors), in one place.

use crate::i18n::Msg;
use crate::widgets::form::{show_address_fields, Field, Form};
use kapstok_core::common::format_date;
use kapstok_core::members::{Member, MemberInput};

pub fn member_form(title: Msg, i: &MemberInput) -> Form {
    let kinds = vec![
        ("street", Msg::AddrStreet),
        ("care_of", Msg::AddrCareOf),
        ("postbus", Msg::AddrPostbus),
        ("foreign", Msg::AddrForeign),
        ("unknown", Msg::AddrUnknown),
    ];
    let mut form = Form::new(
        title,
        vec![
            Field::text("given", Msg::FieldGiven, &i.given),
            Field::text("prefix", Msg::FieldPrefix, &i.prefix),
            Field::text("surname", Msg::FieldSurname, &i.surname),
            Field::text("known_as", Msg::FieldKnownAs, &i.known_as),
            Field::text("birth_date", Msg::FieldBirthDate, &i.birth_date),
            Field::text("phone", Msg::FieldPhone, &i.phone),
            Field::text("email", Msg::FieldEmail, &i.email),
            Field::choice(
                "address_kind",
                Msg::FieldAddressKind,
                kinds,
                &i.address_kind,
            ),
            Field::text("street", Msg::FieldStreet, &i.street),
            Field::text("house_number", Msg::FieldHouseNumber, &i.house_number),
            Field::text("addition", Msg::FieldAddition, &i.addition),
            Field::text("postcode", Msg::FieldPostcode, &i.postcode),
            Field::text("city", Msg::FieldCity, &i.city),
            Field::text("country", Msg::FieldCountry, &i.country),
            Field::text("joined", Msg::FieldJoined, &i.joined),
            Field::text(
                "consent_convocation_email",
                Msg::FieldConsentEmail,
                &i.consent_convocation_email,
            ),
            Field::text(
                "consent_birthday_card",
                Msg::FieldConsentBirthday,
                &i.consent_birthday_card,
            ),
            Field::text(
                "consent_magazine",
                Msg::FieldConsentMagazine,
                &i.consent_magazine,
            ),
            Field::text("last_contact", Msg::FieldLastContact, &i.last_contact),
            Field::text("notes", Msg::FieldNotes, &i.notes),
        ],
    );
    show_address_fields(&mut form);
    form
}

pub fn input_from_form(form: &Form) -> MemberInput {
    let v = |name: &str| form.value(name);
    MemberInput {
        given: v("given"),
        prefix: v("prefix"),
        surname: v("surname"),
        known_as: v("known_as"),
        birth_date: v("birth_date"),
        phone: v("phone"),
        email: v("email"),
        address_kind: v("address_kind"),
        street: v("street"),
        house_number: v("house_number"),
        addition: v("addition"),
        postcode: v("postcode"),
        city: v("city"),
        country: v("country"),
        joined: v("joined"),
        consent_convocation_email: v("consent_convocation_email"),
        consent_birthday_card: v("consent_birthday_card"),
        consent_magazine: v("consent_magazine"),
        last_contact: v("last_contact"),
        notes: v("notes"),
    }
}

pub fn status_form(member: &Member, today: chrono::NaiveDate) -> Form {
    let options = vec![
        ("active", Msg::StatusActive),
        ("suspended", Msg::StatusSuspended),
        ("ended", Msg::StatusEnded),
        ("deceased", Msg::StatusDeceased),
    ];
    let current = member.status().name();
    let first_other = options
        .iter()
        .map(|(v, _)| *v)
        .find(|v| *v != current)
        .unwrap_or("active");
    let mut form = Form::new(
        Msg::FormStatus,
        vec![
            Field::choice("status", Msg::FieldStatus, options, first_other),
            Field::text("status_since", Msg::FieldStatusSince, &format_date(today)),
            Field::text("status_reason", Msg::FieldStatusReason, ""),
        ],
    );
    form.set_visible("status_reason", first_other == "ended");
    form
}
