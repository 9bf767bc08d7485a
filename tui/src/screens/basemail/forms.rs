//! The BaseMail forms: what each one asks, and a [`FormLayer`] per form whose save closure hands
//! what was typed to core. Core checks every value; its errors come back per field and show
//! under the fields.

use super::BaseMailTab;
use crate::i18n::{self, args, Lang, Msg};
use crate::layers::{ConfirmLayer, FormLayer, Submit};
use crate::screen::{Cx, Effects};
use crate::widgets::confirm::Question;
use crate::widgets::form::{address, Field, Form, FormInput};
use crate::{field_name, form_input};
use chrono::NaiveDate;
use kapstok_core::basemail::service::{InstitutionInput, RecipientInput, StayInput};
use kapstok_core::basemail::{Card, Institution, InstitutionKind, Recipient, Run, Stay};
use kapstok_core::common::{format_date, parse_date};
use kapstok_core::error::{Error, Reason};
use kapstok_core::{Result, Session};

/// A core call that worked: the run it returned (shown at once), what to say, and the
/// institution or recipient to select once the change has come in.
pub(super) struct Done {
    pub(super) run: Option<Run>,
    pub(super) message: String,
    pub(super) select: Option<u64>,
}

impl Done {
    /// A change that returned no run: what to say.
    pub(super) fn said(m: Msg, lang: Lang) -> Done {
        Done::select(m, None, lang)
    }

    /// A change that returned no run: what to say and what to select.
    fn select(m: Msg, select: Option<u64>, lang: Lang) -> Done {
        Done {
            run: None,
            message: m.text(lang).to_string(),
            select,
        }
    }

    /// A change that returned the run: show it and say `m`.
    fn run(run: Run, m: Msg, lang: Lang) -> Done {
        Done {
            run: Some(run),
            message: m.text(lang).to_string(),
            select: None,
        }
    }
}

/// The core call of a form: what was typed, the tab (for the week), the session, the language.
type Call = dyn Fn(&Form, &BaseMailTab, &Session, Lang) -> Result<Done> + Send;

/// A form whose save hands what was typed to core: done closes it and says what happened,
/// refused keeps it with the errors under the fields.
fn layer(
    form: Form,
    call: impl Fn(&Form, &BaseMailTab, &Session, Lang) -> Result<Done> + Send + 'static,
) -> FormLayer<BaseMailTab> {
    let call: Box<Call> = Box::new(call);
    FormLayer::new(form, move |form, tab, cx| {
        match call(form, tab, cx.session, cx.lang) {
            Ok(done) => Submit::Done(tab.after(Ok(done), cx.lang)),
            Err(e) => Submit::refused(form, &e, cx.lang),
        }
    })
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

// The fields of the short forms that map to no input struct (core takes their values as
// arguments, and names its errors about them the same).
const WRITER: &str = "writer";
const REASON: &str = "reason";
const ENDED_ON: &str = "ended_on";
const CONFIRMED_ON: &str = "confirmed_on";
const RELEASE: &str = "expected_release";
const ILL_SINCE: &str = "ill_since";

fn writer_form(card: &Card, lang: Lang) -> Form {
    short(
        Msg::FormWriter,
        vec![Field::text(WRITER, Msg::FieldWriter, &card.writer)],
        Some(card_note(card, lang)),
    )
}

fn reason_form(title: Msg, name: &str) -> Form {
    short(
        title,
        vec![Field::text(REASON, Msg::FieldReason, "")],
        Some(name.to_string()),
    )
}

fn new_institution_form() -> Form {
    InstitutionInput {
        kind: InstitutionKind::Prison.name().into(),
        address_kind: "postbus".into(),
        needs_registration_number: true,
        ..InstitutionInput::default()
    }
    .form(Msg::FormNewInstitution)
}

fn edit_institution_form(institution: &Institution) -> Form {
    InstitutionInput::from_institution(institution).form(Msg::FormEditInstitution)
}

fn institution_kinds() -> Vec<(&'static str, Msg)> {
    InstitutionKind::ALL
        .iter()
        .map(|k| (k.name(), i18n::institution_kind(*k)))
        .collect()
}

form_input! {
    InstitutionInput {
        name: text(Msg::FieldName),
        kind: choice(Msg::FieldKind, institution_kinds()),
        @address(address::INSTITUTION_KINDS),
        needs_registration_number: yes_no(Msg::FieldNeedsRegistration),
        needs_unit: yes_no(Msg::FieldNeedsUnit),
        needs_sender: yes_no(Msg::FieldNeedsSender),
        house_rules: multiline(Msg::FieldHouseRules),
    }
}

form_input! {
    RecipientInput {
        member: text(Msg::FieldNumber),
        given: text(Msg::FieldGiven),
        prefix: text(Msg::FieldPrefix),
        surname: text(Msg::FieldSurname),
        known_as: text(Msg::FieldKnownAs),
        birthday: text(Msg::FieldBirthday),
        notes: multiline(Msg::FieldNotes),
    }
}

/// The choice above a recipient's fields (not core's: the fields it shows say which it is).
const RECIPIENT_KIND: &str = "recipient_kind";
const MEMBER: &str = "member";
const NON_MEMBER: &str = "non_member";

/// A member needs only the number; a non-member the name fields.
fn show_recipient_fields(form: &mut Form) {
    let member = form.value(RECIPIENT_KIND) == MEMBER;
    form.set_visible(field_name!(RecipientInput, member), member);
    for f in [
        field_name!(RecipientInput, given),
        field_name!(RecipientInput, prefix),
        field_name!(RecipientInput, surname),
        field_name!(RecipientInput, known_as),
        field_name!(RecipientInput, birthday),
    ] {
        form.set_visible(f, !member);
    }
}

fn new_recipient_form() -> Form {
    recipient_form(Msg::FormNewRecipient, &RecipientInput::default(), true)
}

fn edit_recipient_form(r: &Recipient) -> Form {
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
        (MEMBER, Msg::RecipientIsMember),
        (NON_MEMBER, Msg::RecipientNotMember),
    ];
    let kind = if member { MEMBER } else { NON_MEMBER };
    let mut fields = vec![Field::choice(
        RECIPIENT_KIND,
        Msg::FieldRecipientKind,
        kinds,
        kind,
    )];
    fields.extend(i.fields());
    let mut form = Form::new(title, fields);
    show_recipient_fields(&mut form);
    form
}

form_input! {
    StayInput {
        institution: options(Msg::FieldInstitution),
        unit: text(Msg::FieldUnit),
        registration_number: text(Msg::FieldRegistrationNumber),
        from: text(Msg::FieldFrom),
        expected_release: text(Msg::FieldExpectedRelease),
    }
}

/// A stay: the institution from the list (when moving, the first one other than the current),
/// the registration number carried over when moving.
fn stay_form(
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
        .unwrap_or_default();
    let input = StayInput {
        institution: first,
        registration_number: moving_from.map_or(String::new(), |s| s.registration_number.clone()),
        from: format_date(today),
        ..StayInput::default()
    };
    let mut form = input.form(title);
    let name = field_name!(StayInput, institution);
    form.set_options(name, options, &first.to_string());
    form
}

fn end_stay_form(today: NaiveDate) -> Form {
    let date = format_date(today);
    short(
        Msg::FormEndStay,
        vec![Field::text(ENDED_ON, Msg::FieldEndedOn, &date)],
        None,
    )
}

fn confirm_stay_form(today: NaiveDate) -> Form {
    let date = format_date(today);
    short(
        Msg::FormConfirmStay,
        vec![
            Field::text(CONFIRMED_ON, Msg::FieldConfirmedOn, &date),
            Field::text(RELEASE, Msg::FieldExpectedRelease, ""),
        ],
        None,
    )
}

fn ill_form(today: NaiveDate) -> Form {
    let date = format_date(today);
    short(
        Msg::FormIll,
        vec![Field::text(ILL_SINCE, Msg::FieldIllSince, &date)],
        None,
    )
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

/// The writer of a card.
pub(super) fn writer(card: &Card, lang: Lang) -> FormLayer<BaseMailTab> {
    let who = card.who;
    layer(writer_form(card, lang), move |form, tab, s, lang| {
        s.basemail()
            .assign_writer(tab.week, who, &form.value(WRITER))
            .map(|r| Done::run(r, Msg::WriterSaved, lang))
    })
}

/// The reason for a card added by hand for recipient `id` (named `name`).
pub(super) fn add_by_hand(id: u64, name: &str) -> FormLayer<BaseMailTab> {
    layer(
        reason_form(Msg::FormAddByHand, name),
        move |form, tab, s, lang| {
            s.basemail()
                .add_by_hand(tab.week, id, &form.value(REASON))
                .map(|r| Done::run(r, Msg::CardAdded, lang))
        },
    )
}

/// The reason for removing a card by hand. Once a reason is given, the removal is asked as a
/// typed confirmation in place of the form (a missing reason is core's error, shown under the
/// field).
pub(super) fn remove_by_hand(card: &Card) -> FormLayer<BaseMailTab> {
    let (who, name) = (card.who, card.name.clone());
    let remove = move |tab: &mut BaseMailTab, cx: &Cx, reason: &str| {
        let removed = cx.session.basemail().remove_by_hand(tab.week, who, reason);
        tab.after(
            removed.map(|r| Done::run(r, Msg::CardRemoved, cx.lang)),
            cx.lang,
        )
    };
    FormLayer::new(
        reason_form(Msg::FormRemoveByHand, &card.name),
        move |form, tab: &mut BaseMailTab, cx| {
            let reason = form.value(REASON).trim().to_string();
            if reason.is_empty() {
                // Core refuses a missing reason: its error shows under the field.
                let typed = form.value(REASON);
                let removed = cx.session.basemail().remove_by_hand(tab.week, who, &typed);
                return match removed {
                    Ok(r) => Submit::Done(
                        tab.after(Ok(Done::run(r, Msg::CardRemoved, cx.lang)), cx.lang),
                    ),
                    Err(e) => Submit::refused(form, &e, cx.lang),
                };
            }
            let text = args::ConfirmRemoveCard {
                name: &name,
                week: &tab.week,
            }
            .text(cx.lang);
            Submit::Done(Effects::push(ConfirmLayer::new(
                Question::typed_word(&text, Msg::WordLeaveOut, cx.lang),
                move |tab: &mut BaseMailTab, cx| remove(tab, cx, &reason),
            )))
        },
    )
}

/// A new institution.
pub(super) fn new_institution() -> FormLayer<BaseMailTab> {
    layer(new_institution_form(), |form, _, s, lang| {
        s.basemail()
            .add_institution(&InstitutionInput::from_form(form))
            .map(|id| Done::select(Msg::InstitutionSaved, Some(id), lang))
    })
    .on_change(InstitutionInput::show)
}

/// A change to institution `id`.
pub(super) fn edit_institution(id: u64, institution: &Institution) -> FormLayer<BaseMailTab> {
    layer(
        edit_institution_form(institution),
        move |form, _, s, lang| {
            s.basemail()
                .update_institution(id, &InstitutionInput::from_form(form))
                .map(|()| Done::select(Msg::InstitutionSaved, Some(id), lang))
        },
    )
    .on_change(InstitutionInput::show)
}

/// A new recipient.
pub(super) fn new_recipient() -> FormLayer<BaseMailTab> {
    layer(new_recipient_form(), |form, _, s, lang| {
        s.basemail()
            .add_recipient(&RecipientInput::from_form(form))
            .map(|id| Done::select(Msg::RecipientSaved, Some(id), lang))
    })
    .on_change(show_recipient_fields)
}

/// A change to recipient `id`.
pub(super) fn edit_recipient(id: u64, recipient: &Recipient) -> FormLayer<BaseMailTab> {
    layer(edit_recipient_form(recipient), move |form, _, s, lang| {
        s.basemail()
            .update_recipient(id, &RecipientInput::from_form(form))
            .map(|()| Done::select(Msg::RecipientSaved, Some(id), lang))
    })
    .on_change(show_recipient_fields)
}

/// A new stay of recipient `r`.
pub(super) fn start_stay(
    r: u64,
    institutions: &[(u64, Institution)],
    today: NaiveDate,
) -> FormLayer<BaseMailTab> {
    let form = stay_form(Msg::FormStartStay, institutions, None, today);
    layer(form, move |form, _, s, lang| {
        s.basemail()
            .start_stay(r, &StayInput::from_form(form))
            .map(|_| Done::select(Msg::StayStarted, Some(r), lang))
    })
}

/// Recipient `r` moving from the stay `from` to another institution.
pub(super) fn move_stay(
    r: u64,
    institutions: &[(u64, Institution)],
    from: Option<&Stay>,
    today: NaiveDate,
) -> FormLayer<BaseMailTab> {
    let form = stay_form(Msg::FormMoveStay, institutions, from, today);
    layer(form, move |form, _, s, lang| {
        s.basemail()
            .move_to(r, &StayInput::from_form(form))
            .map(|_| Done::select(Msg::StayMoved, Some(r), lang))
    })
}

/// The end of stay `stay`.
pub(super) fn end_stay(stay: u64, today: NaiveDate) -> FormLayer<BaseMailTab> {
    layer(end_stay_form(today), move |form, _, s, lang| {
        s.basemail()
            .end_stay(stay, date(form, ENDED_ON)?)
            .map(|_| Done::said(Msg::StayEnded, lang))
    })
}

/// Stay `stay` confirmed after the expected release passed.
pub(super) fn confirm_stay(stay: u64, today: NaiveDate) -> FormLayer<BaseMailTab> {
    layer(confirm_stay_form(today), move |form, _, s, lang| {
        let on = date(form, CONFIRMED_ON)?;
        let release = optional_date(form, RELEASE)?;
        s.basemail()
            .confirm_stay(stay, on, release)
            .map(|_| Done::said(Msg::StayConfirmed, lang))
    })
}

/// Recipient `r` marked ill.
pub(super) fn ill(r: u64, today: NaiveDate) -> FormLayer<BaseMailTab> {
    layer(ill_form(today), move |form, _, s, lang| {
        s.basemail()
            .set_ill(r, Some(date(form, ILL_SINCE)?))
            .map(|()| Done::select(Msg::IllSet, Some(r), lang))
    })
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
        show_recipient_fields(&mut form);
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
        let form = input.form(Msg::FormEditInstitution);
        assert_eq!(InstitutionInput::from_form(&form), input);
    }
}
