//! The member forms: a member (new or edited), declared once from [`MemberInput`] (whose field
//! names core's field errors use), and a status change.

use crate::i18n::Msg;
use crate::widgets::form::{address, Form, FormInput};
use crate::{field_name, form_input};
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

/// A status change as typed: core takes a status and a date (`change_status`), and names its
/// errors about them after these fields.
pub struct StatusTyped {
    /// The new status's name.
    pub status: String,
    /// Since when, as typed.
    pub status_since: String,
    /// Why a membership ended (shown only for "ended").
    pub status_reason: String,
}

fn statuses() -> Vec<(&'static str, Msg)> {
    vec![
        ("active", Msg::StatusActive),
        ("suspended", Msg::StatusSuspended),
        ("ended", Msg::StatusEnded),
        ("deceased", Msg::StatusDeceased),
    ]
}

form_input! {
    StatusTyped {
        status: choice(Msg::FieldStatus, statuses()),
        status_since: text(Msg::FieldStatusSince),
        status_reason: text(Msg::FieldStatusReason),
    }
}

/// The reason shows only for an ended membership.
pub fn show_status_reason(form: &mut Form) {
    let ended = form.value(field_name!(StatusTyped, status)) == "ended";
    form.set_visible(field_name!(StatusTyped, status_reason), ended);
}

/// A status change: the first status other than the current one, since today.
pub fn status_form(member: &Member, today: chrono::NaiveDate) -> Form {
    let current = member.status().name();
    let first_other = statuses()
        .iter()
        .map(|(v, _)| *v)
        .find(|v| *v != current)
        .unwrap_or("active");
    let typed = StatusTyped {
        status: first_other.into(),
        status_since: format_date(today),
        status_reason: String::new(),
    };
    let mut form = typed.form(Msg::FormStatus);
    show_status_reason(&mut form);
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::Action;

    #[test]
    fn a_status_change_survives_the_form_and_the_reason_shows_for_an_end() {
        let typed = StatusTyped {
            status: "ended".into(),
            status_since: "01-11-2026".into(),
            status_reason: "verhuisd".into(),
        };
        let mut form = typed.form(Msg::FormStatus);
        show_status_reason(&mut form);
        let back = StatusTyped::from_form(&form);
        assert_eq!(
            (back.status, back.status_since, back.status_reason),
            (typed.status, typed.status_since, typed.status_reason)
        );
        form.handle(Action::Right);
        show_status_reason(&mut form);
        assert_eq!(form.value("status"), "deceased");
        assert_eq!(StatusTyped::from_form(&form).status_reason, "", "hidden");
    }
}
