//! The Volunteers forms: an agreement, its signing and early end, a review's slot (with the first
//! free slots core suggests) and the record of the conversation. What was typed goes to core as
//! text where core takes text (`AgreementInput`); dates, times and minutes are read here only
//! where core takes values, and every rule stays core's.

use crate::i18n::{self, Lang, Msg};
use crate::widgets::centered;
use crate::widgets::form::{Field, Form};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};
use kapstok_core::common::{format_date, parse_date, parse_time};
use kapstok_core::error::{Error, FieldError, Reason};
use kapstok_core::volunteers::{
    Agreement, AgreementInput, Conversation, Outcome, PeriodKind, Review, Slot,
};
use kapstok_core::{Result, Session};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

/// Where a review is held unless the user says otherwise.
pub const DEFAULT_PLACE: &str = "kantoor";
/// A review's length unless the user says otherwise, in minutes.
pub const DEFAULT_MINUTES: u32 = 60;
/// How many free slots are suggested.
const SUGGESTIONS: usize = 5;
/// The suggestion value for a time typed by hand.
const OWN: &str = "own";

/// What a form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// A new agreement (`None`) or a change to a draft.
    Agreement(Option<u64>),
    /// The signing of an agreement.
    Sign(u64),
    /// The early end of an agreement.
    End(u64),
    /// The record of a review.
    Record(u64),
}

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

/// A draft to change (`title`: editing, or adjusting after a review).
pub(super) fn edit_agreement_form(title: Msg, a: &Agreement) -> Form {
    let mut input = AgreementInput::from_agreement(a);
    // One line per task does not fit a one-line field: `;` separates them (core takes both).
    input.tasks = a.tasks.join("; ");
    agreement_form(title, &input)
}

fn agreement_form(title: Msg, i: &AgreementInput) -> Form {
    let periods = PeriodKind::NAMES
        .iter()
        .filter_map(|n| PeriodKind::from_name(n))
        .map(|k| (k.name(), i18n::period_kind(k)))
        .collect();
    let allowances = vec![
        ("none", Msg::AllowanceNone),
        ("per_hour", Msg::AllowancePerHour),
        ("per_month", Msg::AllowancePerMonth),
    ];
    let mut form = Form::new(
        title,
        vec![
            Field::text("expert", Msg::FieldExpert, &i.expert),
            Field::choice("period", Msg::FieldPeriod, periods, &i.period),
            Field::text("year", Msg::FieldYear, &i.year),
            Field::text("start", Msg::FieldStartDate, &i.start),
            Field::text("tasks", Msg::FieldTasks, &i.tasks),
            Field::text("hours_per_week", Msg::FieldHoursPerWeek, &i.hours_per_week),
            Field::choice("allowance", Msg::FieldAllowance, allowances, &i.allowance),
            Field::text("amount", Msg::FieldAmount, &i.amount),
            Field::text("expenses", Msg::FieldExpenses, &i.expenses),
            Field::text("guidance", Msg::FieldGuidance, &i.guidance),
        ],
    );
    show_agreement_fields(&mut form);
    form
}

/// A half year needs its year, a custom period its start date; an allowance its amount.
pub(super) fn show_agreement_fields(form: &mut Form) {
    let custom = form.value("period") == PeriodKind::Custom.name();
    form.set_visible("year", !custom);
    form.set_visible("start", custom);
    let paid = form.value("allowance") != "none";
    form.set_visible("amount", paid);
}

/// What was typed, as core takes it (hidden fields are empty).
pub(super) fn agreement_input(form: &Form) -> AgreementInput {
    let v = |name: &str| form.value(name);
    AgreementInput {
        expert: v("expert"),
        period: v("period"),
        year: v("year"),
        start: v("start"),
        tasks: v("tasks"),
        hours_per_week: v("hours_per_week"),
        allowance: v("allowance"),
        amount: v("amount"),
        expenses: v("expenses"),
        guidance: v("guidance"),
    }
}

/// Core's errors under the agreement's fields. Core names the period's start (an overlap with
/// another agreement); for a half year that is the year typed.
pub(super) fn show_agreement_errors(
    form: &mut Form,
    errors: &[FieldError],
    lang: Lang,
) -> Vec<String> {
    let custom = form.value("period") == PeriodKind::Custom.name();
    let errors: Vec<FieldError> = errors
        .iter()
        .map(|e| match e.field {
            "start" if !custom => FieldError::new("year", e.reason.clone()),
            _ => e.clone(),
        })
        .collect();
    form.show_errors(&errors, lang)
}

pub(super) fn sign_form(today: NaiveDate) -> Form {
    short(
        Msg::FormSign,
        vec![Field::text(
            "signed_on",
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
    let chosen = form.value("outcome");
    Outcome::ALL.into_iter().find(|o| o.name() == chosen)
}

pub(super) fn end_form(today: NaiveDate) -> Form {
    short(
        Msg::FormEndAgreement,
        vec![
            Field::text("ended_on", Msg::FieldEndedOn, &format_date(today)),
            Field::choice("outcome", Msg::FieldOutcome, outcome_options(true), "none"),
        ],
    )
}

/// The record of a review: what was said, when, and the outcome (continue first: the usual).
pub(super) fn record_form(today: NaiveDate, review: &Review) -> Form {
    let held = review.slot.start.date().min(today);
    Form::new(
        Msg::FormRecord,
        vec![
            Field::text("work", Msg::FieldWork, ""),
            Field::text("enjoyment", Msg::FieldEnjoyment, ""),
            Field::text("difficulties", Msg::FieldDifficulties, ""),
            Field::text("agreed", Msg::FieldAgreed, ""),
            Field::text("training_wishes", Msg::FieldTrainingWishes, ""),
            Field::text("held_on", Msg::FieldHeldOn, &format_date(held)),
            Field::choice(
                "outcome",
                Msg::FieldOutcome,
                outcome_options(false),
                Outcome::Continue.name(),
            ),
        ],
    )
}

/// What was said in the review.
pub(super) fn conversation(form: &Form) -> Conversation {
    let v = |name: &str| form.value(name).trim().to_string();
    Conversation {
        work: v("work"),
        enjoyment: v("enjoyment"),
        difficulties: v("difficulties"),
        agreed: v("agreed"),
        training_wishes: v("training_wishes"),
    }
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
    let on = date(form, "held_on").map_err(|e| Error::Invalid(vec![e]))?;
    let outcome = outcome_of(form).unwrap_or(Outcome::Continue);
    Ok((on, outcome))
}

/// The early end's date and outcome.
pub(super) fn end_values(form: &Form) -> Result<(NaiveDate, Option<Outcome>)> {
    let on = date(form, "ended_on").map_err(|e| Error::Invalid(vec![e]))?;
    Ok((on, outcome_of(form)))
}

/// Choosing when a review is held: the form, and the first free slots core suggests for the
/// chosen staff member and length, picked in the form's first field.
#[derive(Debug, Clone)]
pub struct SlotDialog {
    /// The fields.
    pub form: Form,
    /// The agreement reviewed.
    pub agreement: u64,
    /// The review being moved (rescheduling), if any.
    pub review: Option<u64>,
    /// The expert's name, for the messages.
    pub name: String,
    suggestions: Vec<NaiveDateTime>,
    /// The staff member and length the suggestions are for.
    asked: (String, u32),
    lang: Lang,
}

impl SlotDialog {
    /// Scheduling a review of an agreement: the first free slot filled in.
    pub(super) fn schedule(
        s: &Session,
        agreement: u64,
        name: String,
        staff: &[String],
        lang: Lang,
    ) -> Result<SlotDialog> {
        let me = s.user_name().to_string();
        let chosen = if staff.contains(&me) {
            me
        } else {
            staff.first().cloned().unwrap_or_default()
        };
        let mut d = SlotDialog::new(Msg::FormSchedule, agreement, None, name, staff, &chosen);
        d.lang = lang;
        d.form.set_value("minutes", &DEFAULT_MINUTES.to_string());
        d.form.set_value("place", DEFAULT_PLACE);
        d.suggest(s)?;
        d.pick(0);
        Ok(d)
    }

    /// Moving a planned review: its slot filled in, the free slots to choose from.
    pub(super) fn reschedule(
        s: &Session,
        review_id: u64,
        review: &Review,
        name: String,
        staff: &[String],
        lang: Lang,
    ) -> Result<SlotDialog> {
        let slot = &review.slot;
        let mut d = SlotDialog::new(
            Msg::FormReschedule,
            review.agreement,
            Some(review_id),
            name,
            staff,
            &slot.staff,
        );
        d.lang = lang;
        d.form.set_value("date", &format_date(slot.start.date()));
        d.form
            .set_value("start", &slot.start.format("%H:%M").to_string());
        d.form.set_value("minutes", &slot.minutes.to_string());
        d.form.set_value("place", &slot.place);
        d.suggest(s)?;
        Ok(d)
    }

    fn new(
        title: Msg,
        agreement: u64,
        review: Option<u64>,
        name: String,
        staff: &[String],
        chosen: &str,
    ) -> SlotDialog {
        let staff_options = staff.iter().map(|n| (n.clone(), n.clone())).collect();
        let mut form = Form::new(
            title,
            vec![
                Field::options("suggestion", Msg::FieldSuggestion, Vec::new(), OWN),
                Field::text("date", Msg::FieldDate, ""),
                Field::text("start", Msg::FieldTime, ""),
                Field::text("minutes", Msg::FieldMinutes, ""),
                Field::options("staff", Msg::FieldStaff, staff_options, chosen),
                Field::text("place", Msg::FieldPlace, ""),
            ],
        );
        form.note = Some(name.clone());
        SlotDialog {
            form,
            agreement,
            review,
            name,
            suggestions: Vec::new(),
            asked: (String::new(), 0),
            lang: Lang::default(),
        }
    }

    fn minutes(&self) -> Option<u32> {
        self.form
            .value("minutes")
            .trim()
            .parse()
            .ok()
            .filter(|m| *m > 0)
    }

    /// Asks core for the first free slots (from tomorrow on) for the staff member and length
    /// chosen, and offers them in the first field.
    fn suggest(&mut self, s: &Session) -> Result<()> {
        let staff = self.form.value("staff");
        let minutes = self.minutes().unwrap_or(DEFAULT_MINUTES);
        let from = (s.today() + Days::new(1)).and_time(NaiveTime::MIN);
        self.suggestions = if staff.is_empty() {
            Vec::new()
        } else {
            s.experts()
                .suggest(self.agreement, from, minutes, &staff, SUGGESTIONS)?
        };
        self.asked = (staff, minutes);
        let mut options: Vec<(String, String)> = self
            .suggestions
            .iter()
            .enumerate()
            .map(|(i, at)| (i.to_string(), long_slot_label(*at, self.lang)))
            .collect();
        options.push((OWN.to_string(), Msg::OwnTime.text(self.lang).to_string()));
        // A slot picked from the old suggestions gives way to the first of the new ones.
        let picked = self.form.value("suggestion").parse::<usize>().is_ok();
        self.form.replace(Field::options(
            "suggestion",
            Msg::FieldSuggestion,
            options,
            OWN,
        ));
        if picked {
            self.pick(0);
        }
        self.sync_suggestion();
        Ok(())
    }

    /// Fills date and time from the `i`th suggestion.
    fn pick(&mut self, i: usize) {
        if let Some(at) = self.suggestions.get(i) {
            self.form.set_value("suggestion", &i.to_string());
            self.form.set_value("date", &format_date(at.date()));
            self.form
                .set_value("start", &at.format("%H:%M").to_string());
        }
    }

    /// The suggestion the date and time typed match, else "own time".
    fn sync_suggestion(&mut self) {
        let typed = self.typed_start();
        let at = self
            .suggestions
            .iter()
            .position(|s| Some(*s) == typed)
            .map_or(OWN.to_string(), |i| i.to_string());
        if let Some(f) = self.form.fields.iter_mut().find(|f| f.name == "suggestion") {
            f.value = at;
        }
    }

    fn typed_start(&self) -> Option<NaiveDateTime> {
        let day = parse_date(&self.form.value("date"))?;
        let time = parse_time(&self.form.value("start"))?;
        Some(day.and_time(time))
    }

    /// After a key: a suggestion picked fills date and time; another staff member or length
    /// asks core again; a date or time typed by hand shows as "own time".
    pub(super) fn after_key(&mut self, s: &Session, changed: bool) -> Result<()> {
        let focused = self.form.focused().map(|f| f.name).unwrap_or("");
        if changed && focused == "suggestion" {
            if let Ok(i) = self.form.value("suggestion").parse::<usize>() {
                self.pick(i);
            }
            return Ok(());
        }
        let now = (
            self.form.value("staff"),
            self.minutes().unwrap_or(DEFAULT_MINUTES),
        );
        if now != self.asked {
            self.suggest(s)?;
        } else {
            self.sync_suggestion();
        }
        Ok(())
    }

    /// The slot typed; errors under the fields they are about.
    pub(super) fn slot(&self) -> Result<Slot> {
        let mut errors = Vec::new();
        let day = date(&self.form, "date").map_err(|e| errors.push(e)).ok();
        let time = match parse_time(&self.form.value("start")) {
            Some(t) => Some(t),
            None => {
                errors.push(FieldError::new("start", Reason::Required));
                None
            }
        };
        let minutes = self.minutes();
        if minutes.is_none() {
            errors.push(FieldError::new("minutes", Reason::BadNumber));
        }
        match (day, time, minutes) {
            (Some(day), Some(time), Some(minutes)) if errors.is_empty() => Ok(Slot {
                start: day.and_time(time),
                minutes,
                staff: self.form.value("staff"),
                place: self.form.value("place").trim().to_string(),
            }),
            _ => Err(Error::Invalid(errors)),
        }
    }

    /// Shows errors under the fields; a time that is not a time says so.
    pub(super) fn show_errors(&mut self, errors: &[FieldError], lang: Lang) -> Vec<String> {
        let bad_time = !self.form.value("start").trim().is_empty()
            && parse_time(&self.form.value("start")).is_none();
        let errors: Vec<FieldError> = errors
            .iter()
            .map(|e| match (&e.reason, e.field) {
                (Reason::Required, "start") if bad_time => {
                    FieldError::new("start", Reason::BadTime)
                }
                _ => e.clone(),
            })
            .collect();
        self.form.show_errors(&errors, lang)
    }

    /// The height the dialog needs.
    fn list_height(&self) -> u16 {
        u16::try_from(self.suggestions.len().max(1)).unwrap_or(1) + 2
    }

    /// Draws the form and, under it, the free slots with the one picked marked.
    pub fn render(&self, frame: &mut Frame, body: Rect, lang: Lang) {
        let width = 78.min(body.width);
        let form_height = self.form.height(width);
        let list_height = self.list_height();
        let r = centered(body, width, form_height + list_height);
        frame.render_widget(Clear, r);
        let [form_area, list_area] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(list_height.min(r.height / 2)),
        ])
        .areas(r);
        self.form.render(frame, form_area, lang);
        let picked = self.form.value("suggestion").parse::<usize>().ok();
        let lines: Vec<Line> = if self.suggestions.is_empty() {
            vec![Line::from(Msg::NoFreeSlots.text(lang))]
        } else {
            self.suggestions
                .iter()
                .enumerate()
                .map(|(i, at)| {
                    let text = format!(
                        "{} {}. {}",
                        if picked == Some(i) { "▸" } else { " " },
                        i + 1,
                        long_slot_label(*at, lang)
                    );
                    if picked == Some(i) {
                        Line::from(Span::styled(
                            text,
                            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                        ))
                    } else {
                        Line::from(text)
                    }
                })
                .collect()
        };
        let title = i18n::fill(Msg::SuggestionsTitle, lang, &[("staff", &self.asked.0)]);
        frame.render_widget(
            Paragraph::new(lines).block(Block::bordered().title(format!(" {title} "))),
            list_area,
        );
    }
}

/// A suggested slot in the choice field: "24-11-2026 10:00".
fn slot_label(at: NaiveDateTime) -> String {
    at.format("%d-%m-%Y %H:%M").to_string()
}

/// A suggested slot in the list: "di 24-11-2026 10:00".
fn long_slot_label(at: NaiveDateTime, lang: Lang) -> String {
    format!(
        "{} {}",
        i18n::weekday_short(at.weekday(), lang),
        slot_label(at)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::Action;

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
