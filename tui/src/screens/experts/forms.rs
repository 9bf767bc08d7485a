//! The experts forms: an agreement, its signing and early end, and the record of the
//! conversation (a review's slot is the dialog in `slot.rs`). What was typed goes to core as text
//! where core takes text (`AgreementInput`); dates are read here only where core takes values,
//! and every rule stays core's.

use crate::i18n::{self, Lang, Msg};
use crate::widgets::form::{Field, Form, FormInput};
use crate::{field_name, form_input};
use chrono::{Datelike, NaiveDate};
use kapstok_core::common::{format_date, parse_date};
use kapstok_core::error::{Error, FieldError, Reason};
use kapstok_core::experts::{Agreement, AgreementInput, Conversation, Outcome, PeriodKind, Review};
use kapstok_core::Result;

/// A short form: Enter on the last field saves.
fn short(title: Msg, fields: Vec<Field>) -> Form {
    let mut form = Form::new(title, fields);
    form.enter_saves_on_last = true;
    form.hint = Msg::ShortFormHint;
    form
}

/// The half year that starts next: the second half of this year before July, else the first
/// half of next year.
fn next_half(today: NaiveDate) -> (&'static str, i32) {
    if today.month() <= 6 {
        (PeriodKind::SecondHalf.name(), today.year())
    } else {
        (PeriodKind::FirstHalf.name(), today.year() + 1)
    }
}

/// A new agreement: the next half year, no allowance yet.
pub(super) fn new_agreement_form(today: NaiveDate) -> Form {
    let (period, year) = next_half(today);
    let input = AgreementInput {
        period: period.into(),
        year: year.to_string(),
        start: format_date(today),
        allowance: "none".into(),
        ..AgreementInput::default()
    };
    agreement_form(Msg::FormNewAgreement, &input)
}

fn periods() -> Vec<(&'static str, Msg)> {
    PeriodKind::NAMES
        .iter()
        .filter_map(|n| PeriodKind::from_name(n))
        .map(|k| (k.name(), i18n::period_kind(k)))
        .collect()
}

fn allowances() -> Vec<(&'static str, Msg)> {
    vec![
        ("none", Msg::AllowanceNone),
        ("per_hour", Msg::AllowancePerHour),
        ("per_month", Msg::AllowancePerMonth),
    ]
}

form_input! {
    AgreementInput {
        expert: text(Msg::FieldExpert),
        period: choice(Msg::FieldPeriod, periods()),
        year: text(Msg::FieldYear),
        start: text(Msg::FieldStartDate),
        tasks: text(Msg::FieldTasks),
        hours_per_week: text(Msg::FieldHoursPerWeek),
        allowance: choice(Msg::FieldAllowance, allowances()),
        amount: text(Msg::FieldAmount),
        expenses: text(Msg::FieldExpenses),
        guidance: text(Msg::FieldGuidance),
    }
}

/// A draft to change (`title`: editing, or adjusting after a review).
pub(super) fn edit_agreement_form(title: Msg, a: &Agreement) -> Form {
    let mut input = AgreementInput::from_agreement(a);
    // One line per task does not fit a one-line field: `;` separates them (core takes both).
    input.tasks = a.tasks.join("; ");
    agreement_form(title, &input)
}

fn agreement_form(title: Msg, i: &AgreementInput) -> Form {
    let mut form = i.form(title);
    show_agreement_fields(&mut form);
    form
}

/// A half year needs its year, a custom period its start date; an allowance its amount.
pub(super) fn show_agreement_fields(form: &mut Form) {
    let custom = form.value(field_name!(AgreementInput, period)) == PeriodKind::Custom.name();
    form.set_visible(field_name!(AgreementInput, year), !custom);
    form.set_visible(field_name!(AgreementInput, start), custom);
    let paid = form.value(field_name!(AgreementInput, allowance)) != "none";
    form.set_visible(field_name!(AgreementInput, amount), paid);
}

/// What was typed, as core takes it (hidden fields are empty).
pub(super) fn agreement_input(form: &Form) -> AgreementInput {
    AgreementInput::from_form(form)
}

/// Core's errors under the agreement's fields. Core names the period's start (an overlap with
/// another agreement); for a half year that is the year typed.
pub(super) fn show_agreement_errors(
    form: &mut Form,
    errors: &[FieldError],
    lang: Lang,
) -> Vec<String> {
    let custom = form.value(field_name!(AgreementInput, period)) == PeriodKind::Custom.name();
    let (start, year) = (
        field_name!(AgreementInput, start),
        field_name!(AgreementInput, year),
    );
    let errors: Vec<FieldError> = errors
        .iter()
        .map(|e| match e.field {
            f if f == start && !custom => FieldError::new(year, e.reason.clone()),
            _ => e.clone(),
        })
        .collect();
    form.show_errors(&errors, lang)
}

// The fields of the forms that map to no input struct (core takes their values as arguments).
pub(super) const SIGNED_ON: &str = "signed_on";
const ENDED_ON: &str = "ended_on";
const HELD_ON: &str = "held_on";
const OUTCOME: &str = "outcome";

pub(super) fn sign_form(today: NaiveDate) -> Form {
    short(
        Msg::FormSign,
        vec![Field::text(
            SIGNED_ON,
            Msg::FieldSignedOn,
            &format_date(today),
        )],
    )
}

fn outcome_options(with_none: bool) -> Vec<(&'static str, Msg)> {
    let mut options = Vec::new();
    if with_none {
        options.push(("none", Msg::OutcomeNone));
    }
    for o in [Outcome::Continue, Outcome::Adjust, Outcome::Stop] {
        options.push((o.name(), i18n::outcome(o)));
    }
    options
}

/// The outcome chosen, if any.
fn outcome_of(form: &Form) -> Option<Outcome> {
    let chosen = form.value(OUTCOME);
    Outcome::ALL.into_iter().find(|o| o.name() == chosen)
}

pub(super) fn end_form(today: NaiveDate) -> Form {
    short(
        Msg::FormEndAgreement,
        vec![
            Field::text(ENDED_ON, Msg::FieldEndedOn, &format_date(today)),
            Field::choice(OUTCOME, Msg::FieldOutcome, outcome_options(true), "none"),
        ],
    )
}

form_input! {
    Conversation {
        work: multiline(Msg::FieldWork),
        enjoyment: multiline(Msg::FieldEnjoyment),
        difficulties: multiline(Msg::FieldDifficulties),
        agreed: multiline(Msg::FieldAgreed),
        training_wishes: multiline(Msg::FieldTrainingWishes),
    }
}

/// The record of a review: what was said, when, and the outcome (continue first: the usual).
pub(super) fn record_form(today: NaiveDate, review: &Review) -> Form {
    let held = review.slot.start.date().min(today);
    let mut fields = Conversation::default().fields();
    fields.extend([
        Field::text(HELD_ON, Msg::FieldHeldOn, &format_date(held)),
        Field::choice(
            OUTCOME,
            Msg::FieldOutcome,
            outcome_options(false),
            Outcome::Continue.name(),
        ),
    ]);
    Form::new(Msg::FormRecord, fields)
}

/// What was said in the review, each answer without the blank lines and spaces around it.
pub(super) fn conversation(form: &Form) -> Conversation {
    let mut said = Conversation::from_form(form);
    for text in [
        &mut said.work,
        &mut said.enjoyment,
        &mut said.difficulties,
        &mut said.agreed,
        &mut said.training_wishes,
    ] {
        *text = text.trim().to_string();
    }
    said
}

/// A date typed in a form (core takes dates, not text, for these calls).
pub(super) fn date(form: &Form, field: &'static str) -> std::result::Result<NaiveDate, FieldError> {
    let text = form.value(field);
    if text.trim().is_empty() {
        return Err(FieldError::new(field, Reason::Required));
    }
    parse_date(&text).ok_or(FieldError::new(field, Reason::BadDate))
}

/// The record's date and outcome.
pub(super) fn record_values(form: &Form) -> Result<(NaiveDate, Outcome)> {
    let on = date(form, HELD_ON).map_err(|e| Error::Invalid(vec![e]))?;
    let outcome = outcome_of(form).unwrap_or(Outcome::Continue);
    Ok((on, outcome))
}

/// The early end's date and outcome.
pub(super) fn end_values(form: &Form) -> Result<(NaiveDate, Option<Outcome>)> {
    let on = date(form, ENDED_ON).map_err(|e| Error::Invalid(vec![e]))?;
    Ok((on, outcome_of(form)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::Action;
    use chrono::NaiveTime;
    use kapstok_core::common::parse_time;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_new_agreement_starts_with_the_next_half_year() {
        let form = new_agreement_form(d(2026, 11, 23));
        assert_eq!(form.value("period"), "first_half");
        assert_eq!(form.value("year"), "2027");
        assert_eq!(form.value("start"), "", "a half year has no start date");
        assert_eq!(form.value("amount"), "", "no allowance, no amount");
        assert_eq!(next_half(d(2026, 3, 1)), ("second_half", 2026));
    }

    #[test]
    fn the_period_and_allowance_show_their_fields() {
        let mut form = new_agreement_form(d(2026, 11, 23));
        form.focus = 1;
        form.handle(Action::Right);
        form.handle(Action::Right);
        show_agreement_fields(&mut form);
        assert_eq!(form.value("period"), "custom");
        assert_eq!(form.value("start"), "23-11-2026");
        assert_eq!(form.value("year"), "");
        let errors = [FieldError::new("start", Reason::Overlaps)];
        assert!(show_agreement_errors(&mut form, &errors, Lang::Nl).is_empty());
        assert!(form.fields[3].error.is_some(), "under the start date");
        form.focus = 1;
        form.handle(Action::Right);
        show_agreement_fields(&mut form);
        assert!(show_agreement_errors(&mut form, &errors, Lang::Nl).is_empty());
        assert!(
            form.fields[2].error.is_some(),
            "a half year: under the year"
        );
    }

    #[test]
    fn an_agreement_survives_the_form() {
        let input = AgreementInput {
            expert: "7".into(),
            period: "second_half".into(),
            year: "2026".into(),
            tasks: "voorlichting; outreach".into(),
            hours_per_week: "4,5".into(),
            allowance: "per_hour".into(),
            amount: "5,75".into(),
            expenses: "reiskosten OV".into(),
            guidance: "coordinator".into(),
            ..AgreementInput::default()
        };
        let form = agreement_form(Msg::FormNewAgreement, &input);
        assert_eq!(agreement_input(&form), input);
    }

    #[test]
    fn times_are_typed_loosely() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_time("10:30"), t(10, 30));
        assert_eq!(parse_time(" 9.15 "), t(9, 15));
        assert_eq!(parse_time("14"), t(14, 0));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("tien"), None);
    }
}
