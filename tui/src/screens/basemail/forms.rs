//! The BaseMail forms: what each one asks, and what was typed handed to core. Core checks every
//! value; its errors come back per field and show under the fields.

use crate::i18n::{self, Lang, Msg};
use crate::widgets::form::{show_address_fields, Field, Form};
use chrono::NaiveDate;
use kapstok_core::basemail::service::{InstitutionInput, RecipientInput, StayInput};
use kapstok_core::basemail::{Card, Institution, InstitutionKind, Recipient, Run, Stay, Who};
use kapstok_core::common::{format_date, parse_date, IsoWeek};
use kapstok_core::error::{Error, Reason};
use kapstok_core::{Result, Session};

/// What a form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    /// The writer of a card.
    Writer(Who),
    /// The reason for a card added by hand for a recipient.
    AddByHand(u64),
    /// The reason for removing a card by hand.
    RemoveByHand(Who),
    /// A new institution, or a change to one.
    Institution(Option<u64>),
    /// A new recipient, or a change to one.
    Recipient(Option<u64>),
    /// A recipient's new stay.
    StartStay(u64),
    /// A recipient moving to another institution.
    MoveStay(u64),
    /// The end of a stay.
    EndStay(u64),
    /// A stay confirmed after the expected release passed.
    ConfirmStay(u64),
    /// A recipient marked ill.
    Ill(u64),
}

/// A core call that worked: the run it returned (else the lists are read again), what to say,
/// and the institution or recipient to select.
pub(super) struct Done {
    pub(super) run: Option<Run>,
    pub(super) message: String,
    pub(super) select: Option<u64>,
}

fn yes_no(name: &'static str, label: Msg, value: bool) -> Field {
    let options = vec![("yes", Msg::Yes), ("no", Msg::No)];
    Field::choice(name, label, options, if value { "yes" } else { "no" })
}

/// A short form: Enter on the last field saves.
fn short(title: Msg, fields: Vec<Field>, note: Option<String>) -> Form {
    let mut form = Form::new(title, fields);
    form.enter_saves_on_last = true;
    form.hint = Msg::ShortFormHint;
    form.note = note;
    form
}

/// Who the card is for, and the institution's house rules: shown wherever a card is prepared.
pub(super) fn card_note(card: &Card, lang: Lang) -> String {
    let mut parts = vec![card.name.clone()];
    if !card.institution_name.is_empty() {
        parts.push(card.institution_name.clone());
    }
    if !card.house_rules.is_empty() {
        parts.push(format!(
            "⚠ {}: {}",
            Msg::HouseRules.text(lang),
            card.house_rules
        ));
    }
    if card.needs_sender {
        parts.push(format!("⚠ {}", Msg::SenderRequired.text(lang)));
    }
    parts.join(" · ")
}

pub(super) fn writer_form(card: &Card, lang: Lang) -> Form {
    short(
        Msg::FormWriter,
        vec![Field::text("writer", Msg::FieldWriter, &card.writer)],
        Some(card_note(card, lang)),
    )
}

pub(super) fn reason_form(title: Msg, name: &str) -> Form {
    short(
        title,
        vec![Field::text("reason", Msg::FieldReason, "")],
        Some(name.to_string()),
    )
}

pub(super) fn new_institution_form() -> Form {
    institution_form(
        Msg::FormNewInstitution,
        &InstitutionInput {
            kind: InstitutionKind::Prison.name().into(),
            address_kind: "postbus".into(),
            needs_registration_number: true,
            ..InstitutionInput::default()
        },
    )
}

pub(super) fn edit_institution_form(institution: &Institution) -> Form {
    institution_form(
        Msg::FormEditInstitution,
        &InstitutionInput::from_institution(institution),
    )
}

fn institution_form(title: Msg, i: &InstitutionInput) -> Form {
    let kinds = InstitutionKind::ALL
        .iter()
        .map(|k| (k.name(), i18n::institution_kind(*k)))
        .collect();
    let address_kinds = vec![
        ("postbus", Msg::AddrPostbus),
        ("street", Msg::AddrStreet),
        ("foreign", Msg::AddrForeign),
    ];
    let mut form = Form::new(
        title,
        vec![
            Field::text("name", Msg::FieldName, &i.name),
            Field::choice("kind", Msg::FieldKind, kinds, &i.kind),
            Field::choice(
                "address_kind",
                Msg::FieldAddressKind,
                address_kinds,
                &i.address_kind,
            ),
            Field::text("street", Msg::FieldStreet, &i.street),
            Field::text("house_number", Msg::FieldHouseNumber, &i.house_number),
            Field::text("addition", Msg::FieldAddition, &i.addition),
            Field::text("postcode", Msg::FieldPostcode, &i.postcode),
            Field::text("city", Msg::FieldCity, &i.city),
            Field::text("country", Msg::FieldCountry, &i.country),
            yes_no(
                "needs_registration_number",
                Msg::FieldNeedsRegistration,
                i.needs_registration_number,
            ),
            yes_no("needs_unit", Msg::FieldNeedsUnit, i.needs_unit),
            yes_no("needs_sender", Msg::FieldNeedsSender, i.needs_sender),
            Field::text("house_rules", Msg::FieldHouseRules, &i.house_rules),
        ],
    );
    show_address_fields(&mut form);
    form
}

fn institution_input(form: &Form) -> InstitutionInput {
    let v = |name: &str| form.value(name);
    InstitutionInput {
        name: v("name"),
        kind: v("kind"),
        address_kind: v("address_kind"),
        street: v("street"),
        house_number: v("house_number"),
        addition: v("addition"),
        postcode: v("postcode"),
        city: v("city"),
        country: v("country"),
        needs_registration_number: v("needs_registration_number") == "yes",
        needs_unit: v("needs_unit") == "yes",
        needs_sender: v("needs_sender") == "yes",
        house_rules: v("house_rules"),
    }
}

const NAME_FIELDS: [&str; 5] = ["given", "prefix", "surname", "known_as", "birthday"];

/// A member needs only the number; a non-member the name fields.
fn show_recipient_fields(form: &mut Form) {
    let member = form.value("recipient_kind") == "member";
    form.set_visible("member", member);
    for f in NAME_FIELDS {
        form.set_visible(f, !member);
    }
}

pub(super) fn new_recipient_form() -> Form {
    recipient_form(Msg::FormNewRecipient, &RecipientInput::default(), true)
}

pub(super) fn edit_recipient_form(r: &Recipient) -> Form {
    let input = RecipientInput {
        member: r.member.map(|n| n.to_string()).unwrap_or_default(),
        given: r.name.given.clone(),
        prefix: r.name.prefix.clone(),
        surname: r.name.surname.clone(),
        known_as: r.known_as.clone(),
        birthday: r.birthday.map(format_date).unwrap_or_default(),
        notes: r.notes.clone(),
    };
    recipient_form(Msg::FormEditRecipient, &input, r.member.is_some())
}

fn recipient_form(title: Msg, i: &RecipientInput, member: bool) -> Form {
    let kinds = vec![
        ("member", Msg::RecipientIsMember),
        ("non_member", Msg::RecipientNotMember),
    ];
    let mut form = Form::new(
        title,
        vec![
            Field::choice(
                "recipient_kind",
                Msg::FieldRecipientKind,
                kinds,
                if member { "member" } else { "non_member" },
            ),
            Field::text("member", Msg::FieldNumber, &i.member),
            Field::text("given", Msg::FieldGiven, &i.given),
            Field::text("prefix", Msg::FieldPrefix, &i.prefix),
            Field::text("surname", Msg::FieldSurname, &i.surname),
            Field::text("known_as", Msg::FieldKnownAs, &i.known_as),
            Field::text("birthday", Msg::FieldBirthday, &i.birthday),
            Field::text("notes", Msg::FieldNotes, &i.notes),
        ],
    );
    show_recipient_fields(&mut form);
    form
}

fn recipient_input(form: &Form) -> RecipientInput {
    let v = |name: &str| form.value(name);
    RecipientInput {
        member: v("member"),
        given: v("given"),
        prefix: v("prefix"),
        surname: v("surname"),
        known_as: v("known_as"),
        birthday: v("birthday"),
        notes: v("notes"),
    }
}

/// A stay: the institution from the list (when moving, the first one other than the current),
/// the registration number carried over when moving.
pub(super) fn stay_form(
    title: Msg,
    institutions: &[(u64, Institution)],
    moving_from: Option<&Stay>,
    today: NaiveDate,
) -> Form {
    let options = institutions
        .iter()
        .map(|(id, i)| (id.to_string(), i.name.clone()))
        .collect();
    let current = moving_from.map(|s| s.institution);
    let first = institutions
        .iter()
        .map(|(id, _)| *id)
        .find(|id| Some(*id) != current)
        .map(|id| id.to_string())
        .unwrap_or_default();
    let registration = moving_from.map_or("", |s| s.registration_number.as_str());
    Form::new(
        title,
        vec![
            Field::options("institution", Msg::FieldInstitution, options, &first),
            Field::text("unit", Msg::FieldUnit, ""),
            Field::text(
                "registration_number",
                Msg::FieldRegistrationNumber,
                registration,
            ),
            Field::text("from", Msg::FieldFrom, &format_date(today)),
            Field::text("expected_release", Msg::FieldExpectedRelease, ""),
        ],
    )
}

fn stay_input(form: &Form) -> StayInput {
    StayInput {
        institution: form.value("institution").parse().unwrap_or(0),
        unit: form.value("unit"),
        registration_number: form.value("registration_number"),
        from: form.value("from"),
        expected_release: form.value("expected_release"),
    }
}

pub(super) fn end_stay_form(today: NaiveDate) -> Form {
    let date = format_date(today);
    short(
        Msg::FormEndStay,
        vec![Field::text("ended_on", Msg::FieldEndedOn, &date)],
        None,
    )
}

pub(super) fn confirm_stay_form(today: NaiveDate) -> Form {
    let date = format_date(today);
    short(
        Msg::FormConfirmStay,
        vec![
            Field::text("confirmed_on", Msg::FieldConfirmedOn, &date),
            Field::text("expected_release", Msg::FieldExpectedRelease, ""),
        ],
        None,
    )
}

pub(super) fn ill_form(today: NaiveDate) -> Form {
    let date = format_date(today);
    short(
        Msg::FormIll,
        vec![Field::text("ill_since", Msg::FieldIllSince, &date)],
        None,
    )
}

/// A choice changed: show the fields that go with it.
pub(super) fn on_change(form: &mut Form, kind: &FormKind) {
    match kind {
        FormKind::Institution(_) => show_address_fields(form),
        FormKind::Recipient(_) => show_recipient_fields(form),
        _ => {}
    }
}

/// A date typed in a form (core takes dates, not text, for these calls).
fn date(form: &Form, field: &'static str) -> Result<NaiveDate> {
    let text = form.value(field);
    if text.trim().is_empty() {
        return Err(Error::invalid(field, Reason::Required));
    }
    parse_date(&text).ok_or(Error::invalid(field, Reason::BadDate))
}

fn optional_date(form: &Form, field: &'static str) -> Result<Option<NaiveDate>> {
    if form.value(field).trim().is_empty() {
        Ok(None)
    } else {
        date(form, field).map(Some)
    }
}

/// Hands what was typed to core.
pub(super) fn submit(
    form: &Form,
    kind: &FormKind,
    s: &Session,
    week: IsoWeek,
    lang: Lang,
) -> Result<Done> {
    let bm = s.basemail();
    let say = |m: Msg| m.text(lang).to_string();
    let run = |run: Run, m: Msg| Done {
        run: Some(run),
        message: say(m),
        select: None,
    };
    let changed = |m: Msg, select: Option<u64>| Done {
        run: None,
        message: say(m),
        select,
    };
    match kind {
        FormKind::Writer(who) => bm
            .assign_writer(week, *who, &form.value("writer"))
            .map(|r| run(r, Msg::WriterSaved)),
        FormKind::AddByHand(id) => bm
            .add_by_hand(week, *id, &form.value("reason"))
            .map(|r| run(r, Msg::CardAdded)),
        FormKind::RemoveByHand(who) => bm
            .remove_by_hand(week, *who, &form.value("reason"))
            .map(|r| run(r, Msg::CardRemoved)),
        FormKind::Institution(None) => bm
            .add_institution(&institution_input(form))
            .map(|id| changed(Msg::InstitutionSaved, Some(id))),
        FormKind::Institution(Some(id)) => bm
            .update_institution(*id, &institution_input(form))
            .map(|()| changed(Msg::InstitutionSaved, Some(*id))),
        FormKind::Recipient(None) => bm
            .add_recipient(&recipient_input(form))
            .map(|id| changed(Msg::RecipientSaved, Some(id))),
        FormKind::Recipient(Some(id)) => bm
            .update_recipient(*id, &recipient_input(form))
            .map(|()| changed(Msg::RecipientSaved, Some(*id))),
        FormKind::StartStay(r) => bm
            .start_stay(*r, &stay_input(form))
            .map(|_| changed(Msg::StayStarted, Some(*r))),
        FormKind::MoveStay(r) => bm
            .move_to(*r, &stay_input(form))
            .map(|_| changed(Msg::StayMoved, Some(*r))),
        FormKind::EndStay(stay) => bm
            .end_stay(*stay, date(form, "ended_on")?)
            .map(|_| changed(Msg::StayEnded, None)),
        FormKind::ConfirmStay(stay) => {
            let on = date(form, "confirmed_on")?;
            let release = optional_date(form, "expected_release")?;
            bm.confirm_stay(*stay, on, release)
                .map(|_| changed(Msg::StayConfirmed, None))
        }
        FormKind::Ill(r) => bm
            .set_ill(*r, Some(date(form, "ill_since")?))
            .map(|()| changed(Msg::IllSet, Some(*r))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::Action;

    #[test]
    fn recipient_form_shows_the_number_or_the_name() {
        let mut form = new_recipient_form();
        assert!(form.fields.iter().any(|f| f.name == "member" && f.visible));
        assert!(form
            .fields
            .iter()
            .any(|f| f.name == "surname" && !f.visible));
        form.handle(Action::Right);
        on_change(&mut form, &FormKind::Recipient(None));
        assert_eq!(form.value("recipient_kind"), "non_member");
        assert!(form.fields.iter().any(|f| f.name == "surname" && f.visible));
        assert_eq!(form.value("member"), "", "a hidden number is not sent");
    }

    #[test]
    fn an_institution_survives_the_form_unchanged() {
        let form = new_institution_form();
        assert_eq!(form.value("kind"), "prison");
        assert_eq!(form.value("needs_registration_number"), "yes");
        assert_eq!(form.value("street"), "", "a Postbus has no street");
        let input = InstitutionInput {
            name: "JVA Moabit".into(),
            kind: "prison_abroad".into(),
            address_kind: "foreign".into(),
            street: "Alt-Moabit 12a".into(),
            postcode: "10559".into(),
            city: "Berlin".into(),
            country: "Germany".into(),
            needs_sender: true,
            house_rules: "Buchnummer".into(),
            ..InstitutionInput::default()
        };
        let form = institution_form(Msg::FormEditInstitution, &input);
        assert_eq!(institution_input(&form), input);
    }
}
