//! The member forms: a member (new or edited), declared once from [`MemberInput`] (whose field
//! names core's field errors use), and a status change.

use crate::form_input;
use crate::i18n::Msg;
use crate::widgets::form::{address, Field, Form};
use kapstok_core::common::format_date;
use kapstok_core::members::{Member, MemberInput};

form_input! {
    MemberInput {
        given: text(Msg::FieldGiven),
        prefix: text(Msg::FieldPrefix),
        surname: text(Msg::FieldSurname),
        known_as: text(Msg::FieldKnownAs),
        birth_date: text(Msg::FieldBirthDate),
        phone: text(Msg::FieldPhone),
        email: text(Msg::FieldEmail),
        @address(address::MEMBER_KINDS),
        joined: text(Msg::FieldJoined),
        consent_convocation_email: text(Msg::FieldConsentEmail),
        consent_birthday_card: text(Msg::FieldConsentBirthday),
        consent_magazine: text(Msg::FieldConsentMagazine),
        last_contact: text(Msg::FieldLastContact),
        notes: multiline(Msg::FieldNotes),
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
